//! Browser tests: serve `dist/` on loopback under a sub-path, as a newsroom would host it, and
//! drive Chromium, Firefox and WebKit through WebDriver. Every check runs in every engine.
//!
//! Run with `make test` (which builds `dist/` first), or `cargo test -p browser-tests` after
//! `make dist` and `make edition`. `DIST=path` tests another build; `EDITION_DIST=path` is the
//! second edition, built from `tests/fixtures/edition` alone (default `target/dist-edition`).
//!
//! The JavaScript the checks run in the page is in `js/` (and `probe.js`, which the server
//! injects), read with `include_str!`; the random inputs come from `crates/hostile`.

mod checks;
mod engines;
mod server;

use checks::{CheckFn, Ctx};
use engines::{Browser, Engine};
use libtest_mimic::{Arguments, Failed, Trial};
use server::Server;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

/// The sub-path the app is served under, like an article's folder on a news site.
pub const PREFIX: &str = "/news/2025/torch/";

struct State {
    runtime: tokio::runtime::Runtime,
    server: Server,
    /// The second edition, under the same sub-path on another port.
    edition: Server,
    /// Each engine is started once, on its first check; an engine that failed keeps its reason.
    browsers: Mutex<HashMap<Engine, Result<Browser, String>>>,
}

static STATE: OnceLock<State> = OnceLock::new();

fn state() -> &'static State {
    STATE.get_or_init(|| {
        let built = |var: &str, default: &str, how: &str| {
            let dist = std::env::var_os(var)
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(default));
            assert!(
                dist.join("index.html").is_file(),
                "no built app in {}: run `{how}` first (make test does)",
                dist.display()
            );
            dist
        };
        let dist = built("DIST", "../../dist", "make dist");
        let edition = built("EDITION_DIST", "../../target/dist-edition", "make edition");
        State {
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime"),
            server: Server::start(dist, PREFIX),
            edition: Server::start(edition, PREFIX),
            browsers: Mutex::new(HashMap::new()),
        }
    })
}

fn run_check(engine: Engine, check: CheckFn) -> Result<(), Failed> {
    let st = state();
    let mut browsers = st.browsers.lock().unwrap_or_else(|e| e.into_inner());
    let browser = browsers
        .entry(engine)
        .or_insert_with(|| st.runtime.block_on(Browser::start(engine)));
    let browser = browser.as_ref().map_err(|why| Failed::from(why.as_str()))?;
    let ctx = Ctx {
        client: &browser.client,
        engine,
        server: &st.server,
        edition: &st.edition,
    };
    st.runtime
        .block_on(check(&ctx))
        .map_err(|e| format!("{}: {e}", engine.name()).into())
}

fn main() -> std::process::ExitCode {
    let mut args = Arguments::from_args();
    // One browser at a time: the machines have two cores.
    args.test_threads = Some(1);
    let trials = Engine::ALL
        .iter()
        .flat_map(|&engine| {
            checks::ALL.iter().map(move |&(name, check)| {
                Trial::test(format!("{}::{name}", engine.name()), move || {
                    run_check(engine, check)
                })
            })
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    let Some(st) = STATE.get() else {
        return conclusion.exit_code();
    };
    let browsers: Vec<_> = st
        .browsers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .drain()
        .collect();
    for (_, browser) in browsers {
        if let Ok(browser) = browser {
            st.runtime.block_on(browser.stop());
        }
    }
    conclusion.exit_code()
}
