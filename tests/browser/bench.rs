//! The browser half of `make bench`: in headless Chromium (the flags of `chromium-flags.txt`,
//! through `engines.rs`), measures
//!
//! - the time from navigation to interactive, for a page of `dist/` and for its static copy (the
//!   same file without its scripts, which `xtask` writes next to it), alternately, several runs
//!   each;
//! - the time from a keystroke in the project search field to the changed card grid painted, at
//!   the real number of projects and at synthetic sizes (a `--features synthetic` build).
//!
//! Not a test: `cargo test -p browser-tests` does not run it. `xtask bench` (`make bench`)
//! builds what it needs, serves it with nginx and runs it as
//! `cargo bench -p browser-tests --features torch2024/synthetic --bench browser-bench --profile dev`
//! (`query::synthetic` is compiled only with that feature), with:
//!
//! - `BENCH_URL`: the app (`dist/index.html`), e.g. `http://127.0.0.1:PORT/news/2025/torch/`,
//!   where the keystrokes are typed;
//! - `BENCH_PAGE_URL` (default `BENCH_URL`), `BENCH_STATIC_URL`: the page whose load is timed,
//!   and its static copy;
//! - `BENCH_READY` (optional): a JSON array of CSS selectors that must all be in the DOM for the
//!   page (and its static copy) to be interactive (default, and always for the keystroke
//!   timings' app: the cards' result count and search field);
//! - `BENCH_SYNTHETIC_URL` (optional): the synthetic build; `BENCH_SIZES` (default `1000,10000`);
//! - `BENCH_LOAD_RUNS` (default 7), `BENCH_KEY_REPS` (default 4): the number of page loads per
//!   page, and of 4-character queries typed and deleted per size (after one unmeasured one);
//! - `BENCH_OUT`: the JSON file of all measurements, which `xtask` turns into `BENCHMARKS.md`.
//!
//! All times are taken in the page with `performance.now()`, by the scripts in `bench/`;
//! WebDriver only drives.

#[allow(dead_code)]
#[path = "engines.rs"]
mod engines;

use engines::{Browser, Chromedriver, Engine};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::process::ExitCode;
use torch2024::embedded::dataset;
use torch2024::model::{Lang, Project};
use torch2024::query::{normalize, synthetic, Catalog, Filter};

const INPUT: &str = "#projects input[type=search]";
/// The seed the app uses for `?synthetic=N` (see `src/ui/cards.rs`).
const SYNTHETIC_SEED: u64 = 2024;
/// Characters per query: each is typed, then deleted, one keystroke at a time.
const QUERY_LEN: usize = 4;
/// What makes the app's page interactive, unless `BENCH_READY` says otherwise.
const READY: [&str; 2] = ["#projects .result-count", "#projects input[type=search]"];

/// A function of the ready selectors, given to Chromium for every new document.
const PROBE: &str = include_str!("bench/probe.js");
/// Waits for the probe's result and the load event, and adds the page's timings.
const WAIT_LOADED: &str = include_str!("bench/wait-loaded.js");
/// What the static copy holds.
const PAGE_INFO: &str = include_str!("bench/page-info.js");
/// Installs the keystroke timer.
const ARM_KEYS: &str = include_str!("bench/arm-keys.js");
/// Waits for the sample of the last keystroke.
const WAIT_KEY: &str = include_str!("bench/wait-key.js");
/// The median time between frames.
const FRAME_INTERVAL: &str = include_str!("bench/frame-interval.js");
/// Two frames.
const SETTLE: &str = include_str!("bench/settle.js");
/// User agent, language, viewport.
const BROWSER_INFO: &str = include_str!("bench/browser-info.js");

struct Config {
    url: String,
    page_url: String,
    static_url: String,
    ready: Vec<String>,
    synthetic_url: Option<String>,
    sizes: Vec<usize>,
    load_runs: usize,
    key_reps: usize,
    out: String,
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name)
        .map_err(|_| format!("{name} is not set: run this through `make bench` (xtask bench)"))
}

fn env_number(name: &str, default: usize) -> Result<usize, String> {
    match std::env::var(name) {
        Ok(v) => v.parse().map_err(|_| format!("{name}={v} is not a number")),
        Err(_) => Ok(default),
    }
}

impl Config {
    fn from_env() -> Result<Config, String> {
        let sizes = std::env::var("BENCH_SIZES").unwrap_or_else(|_| "1000,10000".into());
        let url = env("BENCH_URL")?;
        let ready = match std::env::var("BENCH_READY") {
            Ok(v) => serde_json::from_str(&v)
                .map_err(|e| format!("BENCH_READY={v} is not a JSON array of strings: {e}"))?,
            Err(_) => READY.iter().map(|s| s.to_string()).collect(),
        };
        Ok(Config {
            page_url: std::env::var("BENCH_PAGE_URL").unwrap_or_else(|_| url.clone()),
            static_url: env("BENCH_STATIC_URL")?,
            ready,
            url,
            synthetic_url: std::env::var("BENCH_SYNTHETIC_URL").ok(),
            sizes: sizes
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| s.trim().parse().map_err(|_| format!("BENCH_SIZES: {s}?")))
                .collect::<Result<_, _>>()?,
            load_runs: env_number("BENCH_LOAD_RUNS", 7)?.max(1),
            key_reps: env_number("BENCH_KEY_REPS", 4)?.max(1),
            out: env("BENCH_OUT")?,
        })
    }
}

async fn run_script(client: &Client, js: &str, args: Vec<Value>) -> Result<Value, String> {
    client
        .execute(js, args)
        .await
        .map_err(|e| format!("script failed: {e}"))
}

async fn run_async(client: &Client, js: &str) -> Result<Value, String> {
    client
        .execute_async(js, vec![])
        .await
        .map_err(|e| format!("script failed: {e}"))
}

/// Opens `url` and returns the probe's load figures.
async fn load(client: &Client, url: &str) -> Result<Value, String> {
    client
        .goto("about:blank")
        .await
        .map_err(|e| format!("cannot open about:blank: {e}"))?;
    client
        .goto(url)
        .await
        .map_err(|e| format!("cannot open {url}: {e}"))?;
    let result = run_async(client, WAIT_LOADED).await?;
    if let Some(error) = result.get("error") {
        return Err(format!("{url}: {error} ({result})"));
    }
    Ok(result)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn field(v: &Value, name: &str) -> f64 {
    v.get(name).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

/// What the static copy holds, as loaded in the browser.
async fn static_info(client: &Client, cfg: &Config) -> Result<Value, String> {
    load(client, &cfg.static_url).await?;
    run_script(client, PAGE_INFO, vec![]).await
}

/// Navigation to interactive, the page and its static copy alternately; one unmeasured pair
/// first.
async fn load_times(client: &Client, cfg: &Config) -> Result<Value, String> {
    let pages = [
        ("page", cfg.page_url.as_str()),
        ("static", cfg.static_url.as_str()),
    ];
    let mut runs: Vec<(&str, Vec<Value>)> = pages.iter().map(|(k, _)| (*k, Vec::new())).collect();
    for run in 0..=cfg.load_runs {
        for (i, (name, url)) in pages.iter().enumerate() {
            let r = load(client, url).await?;
            if run == 0 {
                continue;
            }
            println!(
                "  {name:6} run {run}: interactive {:7.1} ms  (present {:7.1}, FCP {:7.1})",
                field(&r, "interactive"),
                field(&r, "present"),
                field(&r, "fcp")
            );
            runs[i].1.push(r);
        }
    }
    let mut out = serde_json::Map::new();
    for (name, rs) in runs {
        let m = median(rs.iter().map(|r| field(r, "interactive")).collect());
        println!(
            "  {name}: median {m:.1} ms to interactive over {} runs",
            rs.len()
        );
        out.insert(name.into(), json!(rs));
    }
    Ok(Value::Object(out))
}

/// The `page` cards shown first of a result.
fn shown(result: &[usize], page: usize) -> &[usize] {
    &result[..result.len().min(page)]
}

/// Queries to type for a catalog: 4 characters from the projects' names (ASCII letters if they
/// do), each keystroke of which changes the cards shown; at most three, the first found.
fn queries(projects: &[Project], catalog: &Catalog, page: usize) -> Vec<(String, Vec<bool>)> {
    let mut seen = HashSet::new();
    let mut candidates = Vec::new();
    for p in projects.iter().take(200) {
        for name in [&p.name.en, &p.name.hant, &p.name.hans] {
            for word in normalize(name).split(' ') {
                let chars: Vec<char> = word.chars().collect();
                for (i, w) in chars.windows(QUERY_LEN).enumerate() {
                    if w.iter().any(char::is_ascii_digit) {
                        continue;
                    }
                    let q: String = w.iter().collect();
                    if seen.insert(q.clone()) {
                        candidates.push((q, i == 0));
                    }
                }
            }
        }
    }
    // ASCII letters first, the start of a word first (as a reader would type); then CJK.
    candidates.sort_by_key(|(q, start)| (!q.chars().all(|c| c.is_ascii_lowercase()), !start));
    let select = |text: &str| {
        catalog.select(
            &Filter {
                text: text.into(),
                ..Filter::default()
            },
            Lang::Hant,
        )
    };
    let all = select("");
    let mut best: Vec<(usize, String, Vec<bool>)> = Vec::new();
    for (q, _) in candidates {
        let chars: Vec<char> = q.chars().collect();
        let mut previous = all.clone();
        let mut changes = Vec::new();
        for k in 1..=chars.len() {
            let prefix: String = chars[..k].iter().collect();
            let result = select(&prefix);
            changes.push(shown(&result, page) != shown(&previous, page));
            previous = result;
        }
        if previous.is_empty() {
            continue;
        }
        let n = changes.iter().filter(|c| **c).count();
        best.push((n, q, changes));
        if best.iter().filter(|b| b.0 == QUERY_LEN).count() >= 3 {
            break;
        }
    }
    best.sort_by_key(|b| std::cmp::Reverse(b.0));
    best.truncate(3);
    best.into_iter().map(|(_, q, c)| (q, c)).collect()
}

/// The number of cards the page should show for `text`.
fn expected_cards(catalog: &Catalog, text: &str, page: usize) -> usize {
    let result = catalog.select(
        &Filter {
            text: text.into(),
            ..Filter::default()
        },
        Lang::Hant,
    );
    result.len().min(page)
}

/// Types queries into the search field one character at a time, then deletes them, and times
/// every keystroke that changes the cards shown.
async fn keystrokes(
    client: &Client,
    label: &str,
    url: &str,
    projects: Vec<Project>,
    reps: usize,
) -> Result<Value, String> {
    let loaded = load(client, url).await?;
    let armed = run_script(client, ARM_KEYS, vec![]).await?;
    let initial = armed["cards"].as_u64().unwrap_or(0) as usize;
    let more = armed["more"].clone();
    if initial == 0 || initial > projects.len() {
        return Err(format!(
            "{label}: {initial} cards on the page for {} projects: is this the right build?",
            projects.len()
        ));
    }
    // The app draws at most a page of cards; with fewer projects, all of them.
    let page = if initial < projects.len() {
        initial
    } else {
        usize::MAX
    };
    let frame_interval = run_async(client, FRAME_INTERVAL).await?;
    let catalog = Catalog::new(&projects);
    let queries = queries(&projects, &catalog, page);
    if queries.is_empty() {
        return Err(format!("{label}: no query changes the cards"));
    }
    let input = client
        .find(Locator::Css(INPUT))
        .await
        .map_err(|e| format!("{label}: no search field: {e}"))?;
    let mut samples = Vec::new();
    let mut mismatches = Vec::new();
    for rep in 0..=reps {
        let (query, changes) = &queries[rep % queries.len()];
        let chars: Vec<char> = query.chars().collect();
        // Typing: after k characters; deleting: back to k-1.
        let steps = (1..=chars.len())
            .map(|k| (k, "type"))
            .chain((1..=chars.len()).rev().map(|k| (k - 1, "delete")));
        for (after, direction) in steps {
            let (key, changed) = if direction == "type" {
                (chars[after - 1].to_string(), changes[after - 1])
            } else {
                ("\u{E003}".to_string(), changes[after])
            };
            input
                .send_keys(&key)
                .await
                .map_err(|e| format!("{label}: cannot type: {e}"))?;
            if !changed {
                run_async(client, SETTLE).await?;
                continue;
            }
            let sample = run_async(client, WAIT_KEY).await?;
            let text: String = chars[..after].iter().collect();
            if sample.get("timeout").is_some() {
                return Err(format!(
                    "{label}: the cards did not change within 5 s after typing to {text:?} ({sample})"
                ));
            }
            let want = expected_cards(&catalog, &text, page);
            let got = sample["cards"].as_u64().unwrap_or(0) as usize;
            if got != want {
                mismatches.push(format!("{text:?}: {got} cards, expected {want}"));
            }
            samples.push(json!({
                "query": query,
                "text": text,
                "direction": direction,
                "warmup": rep == 0,
                "latency": field(&sample, "paint") - field(&sample, "t0"),
                "to_mutation": field(&sample, "mutation") - field(&sample, "t0"),
                "to_frame": field(&sample, "frame") - field(&sample, "t0"),
                "late_mutations": sample["late"],
                "cards": got,
                "expected_cards": want,
            }));
        }
    }
    let measured: Vec<f64> = samples
        .iter()
        .filter(|s| s["warmup"] == json!(false))
        .map(|s| field(s, "latency"))
        .collect();
    println!(
        "  {label}: {} projects, {initial} cards drawn, {} samples, median {:.1} ms from keydown to painted cards",
        projects.len(),
        measured.len(),
        median(measured.clone())
    );
    for m in &mismatches {
        println!("  warning: {label}: {m}");
    }
    Ok(json!({
        "label": label,
        "url": url,
        "projects": projects.len(),
        "initial_cards": initial,
        "more_button": more,
        "frame_interval": frame_interval,
        "queries": queries.iter().map(|(q, c)| json!({"query": q, "changes": c})).collect::<Vec<_>>(),
        "load": loaded,
        "samples": samples,
        "mismatches": mismatches,
    }))
}

async fn measure(client: &Client, cfg: &Config) -> Result<Value, String> {
    let probe_config = json!({
        "page": cfg.page_url,
        "static": cfg.static_url,
        "ready": cfg.ready,
        "app": READY,
    });
    client
        .issue_cmd(Chromedriver {
            path: "goog/cdp/execute",
            body: json!({
                "cmd": "Page.addScriptToEvaluateOnNewDocument",
                "params": { "source": format!("({})({probe_config});", PROBE.trim()) },
            }),
        })
        .await
        .map_err(|e| format!("chromedriver did not take the probe script (CDP): {e}"))?;
    let version = client
        .capabilities()
        .and_then(|c| c.get("browserVersion"))
        .cloned()
        .unwrap_or(Value::Null);
    let info = run_script(client, BROWSER_INFO, vec![]).await?;

    println!(
        "navigation to interactive: {} and its static copy {}",
        cfg.page_url, cfg.static_url
    );
    let static_page = static_info(client, cfg).await?;
    let load = load_times(client, cfg).await?;

    println!("keystroke to painted cards");
    let mut keys = vec![
        keystrokes(
            client,
            "real",
            &cfg.url,
            dataset().projects.clone(),
            cfg.key_reps,
        )
        .await?,
    ];
    if let Some(base) = &cfg.synthetic_url {
        for &n in &cfg.sizes {
            let projects = synthetic::projects(n, SYNTHETIC_SEED);
            let url = format!("{base}?synthetic={n}");
            keys.push(
                keystrokes(
                    client,
                    &format!("synthetic-{n}"),
                    &url,
                    projects,
                    cfg.key_reps,
                )
                .await?,
            );
        }
    }
    Ok(json!({
        "chromium": version,
        "user_agent": info["user_agent"],
        "language": info["language"],
        "viewport": info["viewport"],
        "page_url": cfg.page_url,
        "static_url": cfg.static_url,
        "ready": cfg.ready,
        "load_runs": cfg.load_runs,
        "key_reps": cfg.key_reps,
        "static_page": static_page,
        "load": load,
        "keys": keys,
    }))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cfg = match Config::from_env() {
        Ok(cfg) => cfg,
        Err(e) => {
            eprintln!("browser bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let browser = match Browser::start(Engine::Chromium).await {
        Ok(b) => b,
        Err(e) => {
            eprintln!("browser bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = measure(&browser.client, &cfg).await;
    browser.stop().await;
    match result.and_then(|v| {
        let text = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
        std::fs::write(&cfg.out, text).map_err(|e| format!("cannot write {}: {e}", cfg.out))
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("browser bench failed: {e}");
            ExitCode::FAILURE
        }
    }
}
