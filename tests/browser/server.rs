//! A static file server on loopback that serves `dist/` under a sub-path, as a newsroom's
//! host would, logs every request, and injects the test probe into HTML pages.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PROBE: &str = include_str!("probe.js");
const PROBE_PATH: &str = "__probe.js";
/// A path prefix under which the WebAssembly arrives only after [`WASM_DELAY`], as on a slow
/// network.
const SLOW_WASM: &str = "/slow-wasm";
pub const WASM_DELAY: Duration = Duration::from_secs(4);

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
        let listener = TcpListener::bind("127.0.0.1:0").expect("can listen on loopback");
        let port = listener.local_addr().expect("a local address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let served = root.clone();
        let server_log = Arc::clone(&log);
        let root = Arc::new(root);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                // One thread per connection and one request per connection, as real hosts serve
                // connections concurrently: a browser may stop reading one response (a preload
                // it has not used yet) until another has arrived, which a server that takes
                // requests one at a time, or queues them behind a kept-alive connection, would
                // never send.
                let root = Arc::clone(&root);
                let server_log = Arc::clone(&server_log);
                std::thread::spawn(move || serve(stream, &root, prefix, &server_log));
            }
        });
        Server {
            base: format!("http://127.0.0.1:{port}{prefix}"),
            root: served,
            prefix,
            log,
        }
    }

    /// The app's URL on a second path where the WebAssembly comes [`WASM_DELAY`] late.
    pub fn url_with_slow_wasm(&self, query: &str) -> String {
        self.url_under(SLOW_WASM, query)
    }

    fn url_under(&self, path: &str, query: &str) -> String {
        let origin = self.base.trim_end_matches(self.prefix);
        format!("{origin}{path}{}{query}", self.prefix)
    }

    /// How many requests the server has answered so far, for [`Server::requests_since`].
    pub fn requests(&self) -> usize {
        self.log.lock().unwrap().len()
    }

    /// The paths of the requests answered since the log had `before` entries.
    pub fn requests_since(&self, before: usize) -> Vec<String> {
        self.log.lock().unwrap()[before..]
            .iter()
            .map(|r| r.path.clone())
            .collect()
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

/// Answers the one request of `stream`, then closes it.
fn serve(mut stream: TcpStream, root: &Path, prefix: &str, log: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers: read to the blank line and ignored (every request is a GET for a file).
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => return,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("").to_string();
    if path.starts_with(SLOW_WASM) && path.ends_with(".wasm") {
        std::thread::sleep(WASM_DELAY);
    }
    let (status, body, mime) = respond(root, prefix, &path);
    log.lock().unwrap().push(Request { path, status });
    let reason = match status {
        200 => "OK",
        403 => "Forbidden",
        _ => "Not Found",
    };
    // CORS as many static hosts send it (and as a sandboxed iframe, whose origin is opaque,
    // needs for the app's module script and WebAssembly).
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}

fn respond(root: &Path, prefix: &str, path: &str) -> (u16, Vec<u8>, &'static str) {
    if let Some(path) = path.strip_prefix(SLOW_WASM) {
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
