//! nginx serving `dist/` with gzip on two loopback ports, as a static host would: one plain (for
//! the sizes and Lighthouse), one with `Cache-Control: no-store` (every page load of the browser
//! timings is a first visit), which also serves the synthetic build under `/synthetic`.

use crate::{http, proc};
use anyhow::{bail, Context, Result};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Where the app is served, like an article's folder.
pub const PREFIX: &str = "/news/2025/torch/";

/// The `gzip_types` of the configuration.
pub const GZIP_TYPES: &str = "text/css text/javascript application/javascript application/wasm image/svg+xml application/json text/csv text/plain";

/// A running nginx; stopped when dropped.
pub struct Nginx {
    /// Port of the plain server.
    pub site: u16,
    /// Port of the `no-store` server.
    pub timing: u16,
    _guard: proc::Guard,
}

/// What to serve: `dist` under [`PREFIX`]; `synthetic` (optional) under `/synthetic` + PREFIX on
/// the timing port.
pub struct Site<'a> {
    pub dist: &'a Path,
    pub synthetic: Option<&'a Path>,
}

fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind("127.0.0.1:0").context("cannot find a free port on 127.0.0.1")?;
    Ok(listener.local_addr()?.port())
}

/// The configuration: one process in the foreground, loopback only, logs and temp files in
/// `dir`.
pub fn config(dir: &Path, site: u16, timing: u16, served: &Site) -> String {
    let d = dir.display();
    let dist = served.dist.display();
    let synthetic = served
        .synthetic
        .map(|s| {
            format!(
                "    location /synthetic{PREFIX} {{ alias {}/; }}\n",
                s.display()
            )
        })
        .unwrap_or_default();
    format!(
        "# Written by xtask (make bench / make gates) for one run.
daemon off;
master_process off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 256; }}
http {{
  types {{
    text/html html; text/css css; text/javascript js mjs; application/wasm wasm;
    image/svg+xml svg; application/json json; text/csv csv; text/plain txt; image/png png;
  }}
  default_type application/octet-stream;
  access_log {d}/access.log;
  client_body_temp_path {d}/tmp/body;
  proxy_temp_path {d}/tmp/proxy;
  fastcgi_temp_path {d}/tmp/fastcgi;
  uwsgi_temp_path {d}/tmp/uwsgi;
  scgi_temp_path {d}/tmp/scgi;
  sendfile on;
  gzip on;
  gzip_types {GZIP_TYPES};
  gzip_vary on;
  server {{
    listen 127.0.0.1:{site};
    location {PREFIX} {{ alias {dist}/; }}
  }}
  server {{
    listen 127.0.0.1:{timing};
    add_header Cache-Control \"no-store\" always;
    location {PREFIX} {{ alias {dist}/; }}
{synthetic}  }}
}}
"
    )
}

/// Starts nginx with its files in `dir`, and waits (5 s at most) until both ports answer.
pub fn start(dir: &Path, served: &Site) -> Result<Nginx> {
    if proc::output("nginx", &["-v"]).is_err() {
        bail!("nginx is not installed (the benchmark serves dist/ with it, with gzip). To fix it: make setup-test, or apt-get install -y --no-install-recommends nginx-light");
    }
    let tmp = dir.join("tmp");
    std::fs::create_dir_all(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    if proc::is_root() {
        // nginx's workers drop root and must enter these folders (and those they serve).
        for d in [dir, tmp.as_path()] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755))
                .with_context(|| format!("cannot chmod 755 {}", d.display()))?;
        }
    }
    let site = free_port()?;
    let mut timing = free_port()?;
    while timing == site {
        timing = free_port()?;
    }
    let conf = dir.join("nginx.conf");
    std::fs::write(&conf, config(dir, site, timing, served))
        .with_context(|| format!("cannot write {}", conf.display()))?;
    let prefix_arg = dir.to_string_lossy().to_string();
    let conf_arg = conf.to_string_lossy().to_string();
    let error_log = dir.join("error.log").to_string_lossy().to_string();
    let args = ["-p", &prefix_arg, "-e", &error_log, "-c", &conf_arg];
    let test_log = dir.join("test.log");
    let mut test = Command::new("nginx");
    test.arg("-t").args(args);
    proc::run(
        test,
        "nginx -t",
        Duration::from_secs(20),
        &test_log,
        &format!("the configuration is {}", conf.display()),
    )?;
    let mut cmd = Command::new("nginx");
    cmd.args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(dir.join("stdout.log"))?)
        .stderr(std::fs::File::create(dir.join("stderr.log"))?);
    let mut guard = proc::Guard::spawn(cmd, "nginx")?;
    let start = Instant::now();
    loop {
        let up = |port| http::get(port, PREFIX).is_ok_and(|a| a.status == 200);
        if up(site) && up(timing) {
            break;
        }
        if guard.exited()?.is_some() {
            bail!(
                "nginx did not start: {}",
                std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
            );
        }
        if start.elapsed() > Duration::from_secs(5) {
            bail!(
                "nginx did not answer on ports {site}/{timing} within 5 s: see {}/error.log",
                dir.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(Nginx {
        site,
        timing,
        _guard: guard,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_serves_on_loopback_with_gzip() {
        let conf = config(
            Path::new("/w"),
            8001,
            8002,
            &Site {
                dist: Path::new("/d"),
                synthetic: Some(Path::new("/s")),
            },
        );
        assert!(conf.contains("listen 127.0.0.1:8001;"));
        assert!(conf.contains("listen 127.0.0.1:8002;"));
        assert!(conf.contains("gzip on;"));
        assert!(conf.contains("location /news/2025/torch/ { alias /d/; }"));
        assert!(conf.contains("location /synthetic/news/2025/torch/ { alias /s/; }"));
        assert!(!conf.contains("listen 80"));
    }
}
