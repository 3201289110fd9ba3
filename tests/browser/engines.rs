//! Starting the three browser engines behind their WebDriver servers: Chromium
//! (chromedriver), Firefox ESR (geckodriver) and WebKit (WebKitWebDriver under Xvfb).
//!
//! An engine that cannot start is an error that says which engine and why; it is never skipped.

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Map, Value};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    fn driver(self) -> (&'static str, &'static str) {
        match self {
            Engine::Chromium => (
                "chromedriver",
                "apt-get install -y chromium chromium-driver",
            ),
            Engine::Firefox => (
                "geckodriver",
                "apt-get install -y firefox-esr && cargo install --locked geckodriver@0.37.1",
            ),
            Engine::WebKit => (
                "WebKitWebDriver",
                "apt-get install -y webkit2gtk-driver xvfb",
            ),
        }
    }

    /// The capabilities of a session; `dark`: one whose pages prefer the dark colour scheme
    /// (Firefox by a pref; WebKit by its GTK theme, set in `Browser::start_dark`).
    fn capabilities(self, profile: &Path, dark: bool) -> Map<String, Value> {
        let caps = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                // Keeps the console log, for `checks::browser_log`.
                "goog:loggingPrefs": { "browser": "ALL" },
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    // One place for the flags, which `xtask` also gives Lighthouse.
                    "args": include_str!("chromium-flags.txt")
                        .lines()
                        .map(str::trim)
                        .filter(|line| !line.is_empty() && !line.starts_with('#'))
                        .map(String::from)
                        .chain([format!("--user-data-dir={}", profile.display())])
                        .collect::<Vec<_>>()
                }
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr",
                    "args": ["-headless", "-width", "1280", "-height", "900"],
                    "prefs": {
                        "network.captive-portal-service.enabled": false, "app.update.enabled": false,
                        // 0: dark, 1: light, 2: the system's (the default).
                        "layout.css.prefers-color-scheme.content-override": if dark { 0 } else { 2 }
                    }
                }
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                    "args": ["--automation"]
                }
            }),
        };
        caps.as_object().cloned().unwrap_or_default()
    }
}

/// A running engine: its WebDriver session and the processes behind it.
pub struct Browser {
    pub client: Client,
    processes: Vec<Child>,
    profile: PathBuf,
}

impl Browser {
    pub async fn start(engine: Engine) -> Result<Browser, String> {
        Browser::start_as(engine, false).await
    }

    /// A second session of `engine` whose pages prefer the dark colour scheme (Firefox and
    /// WebKit; Chromium switches inside a session, through `goog/cdp/execute`: `checks/a11y.rs`).
    pub async fn start_dark(engine: Engine) -> Result<Browser, String> {
        Browser::start_as(engine, true).await
    }

    async fn start_as(engine: Engine, dark: bool) -> Result<Browser, String> {
        let (driver, install) = engine.driver();
        let fail = |why: String| format!("{} cannot start: {why}", engine.name());
        let mut processes = Vec::new();
        let mut command = Command::new(driver);
        if engine == Engine::WebKit && std::env::var_os("DISPLAY").is_none() {
            let display = format!(":{}", 90 + std::process::id() % 9);
            let xvfb = Command::new("Xvfb")
                .args([
                    display.as_str(),
                    "-screen",
                    "0",
                    "1280x900x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| {
                    fail(format!(
                        "Xvfb did not start ({e}); install it with: apt-get install -y xvfb"
                    ))
                })?;
            processes.push(xvfb);
            // Xvfb is ready when it listens on its display's socket.
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{}", &display[1..]));
            if let Err(why) = wait_for(
                &socket.display().to_string(),
                Duration::from_secs(20),
                || socket.exists(),
            ) {
                kill(&mut processes);
                return Err(fail(format!("Xvfb on {display}: {why}")));
            }
            command.env("DISPLAY", &display);
        }
        if dark && engine == Engine::WebKit {
            command.env("GTK_THEME", "Adwaita:dark");
        }
        let port = free_port();
        let log = std::env::temp_dir().join(format!("{driver}-{port}.log"));
        let log_file = std::fs::File::create(&log).map_err(|e| fail(e.to_string()))?;
        let child = command
            .arg(format!("--port={port}"))
            .stdout(log_file.try_clone().map_err(|e| fail(e.to_string()))?)
            .stderr(log_file)
            .spawn()
            .map_err(|e| {
                fail(format!(
                    "`{driver}` did not start ({e}); install it with: {install}"
                ))
            })?;
        processes.push(child);
        let listening = wait_for(
            &format!("`{driver}` on port {port}"),
            Duration::from_secs(20),
            || TcpStream::connect(("127.0.0.1", port)).is_ok(),
        );
        if let Err(why) = listening {
            kill(&mut processes);
            return Err(fail(format!("{why}; see {}", log.display())));
        }
        let profile =
            std::env::temp_dir().join(format!("browser-test-profile-{}-{port}", engine.name()));
        let connected = ClientBuilder::new(HttpConnector::new())
            .capabilities(engine.capabilities(&profile, dark))
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match connected {
            Ok(client) => Ok(Browser {
                client,
                processes,
                profile,
            }),
            Err(e) => {
                kill(&mut processes);
                Err(fail(format!(
                    "no WebDriver session ({e}); driver log: {}",
                    log.display()
                )))
            }
        }
    }

    pub async fn stop(mut self) {
        let _ = self.client.close().await;
        kill(&mut self.processes);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Polls `ready` every 50 ms until it holds, or says that `what` was not ready within `timeout`.
fn wait_for(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) -> Result<(), String> {
    let deadline = Instant::now() + timeout;
    while !ready() {
        if Instant::now() > deadline {
            return Err(format!("{what} was not ready within {timeout:?}"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

fn kill(processes: &mut Vec<Child>) {
    for p in processes.iter_mut().rev() {
        let _ = p.kill();
        let _ = p.wait();
    }
    processes.clear();
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on loopback")
}

/// A command of chromedriver's own (beyond WebDriver): a POST of `body` to
/// `session/{id}/{path}`, e.g. `goog/cdp/execute` (a DevTools Protocol command) or `se/log`.
#[derive(Debug)]
pub struct Chromedriver {
    pub path: &'static str,
    pub body: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Chromedriver {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}
