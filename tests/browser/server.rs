//! A static file server on loopback that serves `dist/` under a sub-path, as a newsroom's
//! host would, logs every request, and injects the test probe into HTML pages.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const PROBE: &str = include_str!("probe.js");
const PROBE_PATH: &str = "__probe.js";
/// A path prefix under which the ECharts script is "not found".
const NO_ECHARTS: &str = "/no-echarts";

/// One request the server answered.
#[derive(Clone, Debug)]
pub struct Request {
    pub path: String,
    pub status: u16,
}

pub struct Server {
    /// e.g. `http://127.0.0.1:39123/news/2025/torch/`
    pub base: String,
    /// The directory served (the built `dist/`).
    pub root: PathBuf,
    prefix: &'static str,
    pub log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    pub fn start(root: PathBuf, prefix: &'static str) -> Server {
        let http = tiny_http::Server::http("127.0.0.1:0").expect("can listen on loopback");
        let port = http.server_addr().to_ip().expect("an IP address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let served = root.clone();
        let server_log = Arc::clone(&log);
        let root = Arc::new(root);
        std::thread::spawn(move || {
            for request in http.incoming_requests() {
                // One thread per request, as real hosts serve connections concurrently: a
                // browser may stop reading one response (a preload it has not used yet) until
                // another has arrived, which a one-at-a-time server would never send.
                let root = Arc::clone(&root);
                let server_log = Arc::clone(&server_log);
                std::thread::spawn(move || {
                    let path = request
                        .url()
                        .split(['?', '#'])
                        .next()
                        .unwrap_or("")
                        .to_string();
                    let (status, body, mime) = respond(&root, prefix, &path);
                    server_log.lock().unwrap().push(Request { path, status });
                    let header =
                        tiny_http::Header::from_bytes("Content-Type", mime).expect("valid header");
                    // As many static hosts do (and as a sandboxed iframe, whose origin is opaque,
                    // needs for the app's module script and WebAssembly).
                    let cors = tiny_http::Header::from_bytes("Access-Control-Allow-Origin", "*")
                        .expect("valid header");
                    let response = tiny_http::Response::from_data(body)
                        .with_status_code(status)
                        .with_header(header)
                        .with_header(cors);
                    let _ = request.respond(response);
                });
            }
        });
        Server {
            base: format!("http://127.0.0.1:{port}{prefix}"),
            root: served,
            prefix,
            log,
        }
    }

    /// The app's URL on a second path where the ECharts file is missing, as if it failed to load.
    pub fn url_without_echarts(&self, query: &str) -> String {
        let origin = self.base.trim_end_matches(self.prefix);
        format!("{origin}{NO_ECHARTS}{}{query}", self.prefix)
    }

    /// Requests that failed (status 400 or more), for the no-failed-request checks.
    pub fn failures(&self) -> Vec<Request> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.status >= 400)
            .cloned()
            .collect()
    }
}

fn respond(root: &Path, prefix: &str, path: &str) -> (u16, Vec<u8>, &'static str) {
    if let Some(path) = path.strip_prefix(NO_ECHARTS) {
        if path.contains("echarts") {
            return (404, b"blocked for the test".to_vec(), "text/plain");
        }
        return respond(root, prefix, path);
    }
    let Some(rest) = path.strip_prefix(prefix) else {
        return (404, b"not under the app's path".to_vec(), "text/plain");
    };
    if rest == PROBE_PATH {
        return (200, PROBE.as_bytes().to_vec(), "text/javascript");
    }
    let rest = if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    };
    if rest.split('/').any(|part| part == "..") {
        return (403, Vec::new(), "text/plain");
    }
    let file = root.join(&rest);
    let Ok(mut body) = std::fs::read(&file) else {
        return (404, b"not found".to_vec(), "text/plain");
    };
    let mime = mime_of(&rest);
    if mime.starts_with("text/html") {
        let html = String::from_utf8_lossy(&body).replacen(
            "<head>",
            &format!("<head><script src=\"{PROBE_PATH}\"></script>"),
            1,
        );
        body = html.into_bytes();
    }
    (200, body, mime)
}

fn mime_of(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "css" => "text/css",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}
