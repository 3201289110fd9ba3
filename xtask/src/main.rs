//! `xtask`: the project's own tool, run through cargo.
//!
//! - `cargo run -p xtask -- bench [options]` (`make bench`): measures `dist/` (sizes, the native
//!   benchmarks, the browser timings, Lighthouse) and writes BENCHMARKS.md;
//! - `cargo run -p xtask -- gates` (`make gates`, part of `make test`): the first-load size
//!   budget, then one Lighthouse run whose Accessibility, Best Practices and SEO must each be at
//!   least 95 (`xtask/lighthouserc.json`); exits non-zero otherwise;
//! - `cargo run -p xtask -- budget`: the budget alone (no server, no browser).
//!
//! Work files (logs, the JSON of every measurement, the Lighthouse reports) go to
//! `target/bench/`.

mod browser;
mod criterion;
mod http;
mod lighthouse;
mod machine;
mod nginx;
mod pages;
mod proc;
mod report;
mod sizes;
mod stats;

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: cargo run -p xtask -- COMMAND [OPTIONS]

commands:
  bench    measure dist/ and write BENCHMARKS.md (make bench runs make dist first)
  gates    the first-load budget, then one Lighthouse run: Accessibility, Best Practices and
           SEO must each be at least 95 (exit 1 otherwise)
  budget   the first-load budget alone: exit 1 if the first visit's gzip -1 transfer is over
           the budget (sizes::BUDGET, 230 KB)
  help     this text

options of bench:
  --page FILE            the page of dist/ timed and run through Lighthouse next to its static
                         copy (default index.html)
  --ready SELECTOR       a CSS selector that must be in the DOM for the page to be interactive;
                         repeat for more (default: the project cards' result count and search)
  --lighthouse-runs N    Lighthouse runs per page (default 3)
  --load-runs N          page loads per page in the browser timings (default 7)
  --key-reps N           queries typed per size in the keystroke timings (default 4)
  --sizes N,N            synthetic project counts for the keystroke timings (default 1000,10000)
  --out FILE             where to write the report (default BENCHMARKS.md)";

struct BenchOptions {
    page: String,
    ready: Vec<String>,
    lighthouse_runs: usize,
    load_runs: usize,
    key_reps: usize,
    sizes: Vec<usize>,
    out: PathBuf,
}

fn number(flag: &str, value: Option<String>) -> Result<usize> {
    let v = value.with_context(|| format!("{flag} needs a value\n\n{USAGE}"))?;
    match v.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => bail!("{flag} {v}: not a positive number"),
    }
}

fn bench_options(mut args: impl Iterator<Item = String>) -> Result<BenchOptions> {
    let mut o = BenchOptions {
        page: "index.html".into(),
        ready: Vec::new(),
        lighthouse_runs: 3,
        load_runs: 7,
        key_reps: 4,
        sizes: vec![1000, 10000],
        out: PathBuf::from("BENCHMARKS.md"),
    };
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--page" => o.page = args.next().context("--page needs a file of dist/")?,
            "--ready" => o
                .ready
                .push(args.next().context("--ready needs a CSS selector")?),
            "--lighthouse-runs" => o.lighthouse_runs = number(&flag, args.next())?,
            "--load-runs" => o.load_runs = number(&flag, args.next())?,
            "--key-reps" => o.key_reps = number(&flag, args.next())?,
            "--sizes" => {
                let v = args.next().context("--sizes needs N,N")?;
                o.sizes = v
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.trim().parse())
                    .collect::<Result<_, _>>()
                    .with_context(|| format!("--sizes {v}: not a list of numbers"))?;
            }
            "--out" => o.out = PathBuf::from(args.next().context("--out needs a file")?),
            _ => bail!("unknown option {flag}\n\n{USAGE}"),
        }
    }
    Ok(o)
}

/// The workspace's root and target folders, from `cargo metadata`.
fn workspace() -> Result<(PathBuf, PathBuf)> {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml");
    let text = proc::output(
        "cargo",
        &[
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--manifest-path",
            manifest,
        ],
    )
    .context("cargo metadata failed: is cargo on PATH?")?;
    let json_line = text
        .lines()
        .find(|l| l.starts_with('{'))
        .context("cargo metadata printed no JSON")?;
    let v: serde_json::Value = serde_json::from_str(json_line).context("cargo metadata's JSON")?;
    let root = v["workspace_root"]
        .as_str()
        .context("cargo metadata has no workspace_root")?;
    let target = v["target_directory"]
        .as_str()
        .context("cargo metadata has no target_directory")?;
    let root = PathBuf::from(root);
    // As the Makefile: trunk needs wasm-bindgen (cargo) and wasm-opt (npm's binaryen) on PATH.
    let mut path = vec![root.join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("HOME") {
        path.push(PathBuf::from(home).join(".cargo/bin"));
    }
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::set_var("PATH", std::env::join_paths(path)?);
    Ok((root, PathBuf::from(target)))
}

fn need_dist(dist: &Path) -> Result<()> {
    if !dist.join("index.html").is_file() {
        bail!(
            "no built app: {} is missing. To fix it: make dist",
            dist.join("index.html").display()
        );
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in
        std::fs::read_dir(from).with_context(|| format!("cannot list {}", from.display()))?
    {
        let entry = entry?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_tree(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst)
                .with_context(|| format!("cannot copy {} to {}", src.display(), dst.display()))?;
        }
    }
    Ok(())
}

/// Whether `b` holds the same files as `a`, byte for byte, but for `extra` (in `b` only).
fn same_tree(a: &Path, b: &Path, extra: &str) -> bool {
    let (Ok(fa), Ok(mut fb)) = (sizes::files(a), sizes::files(b)) else {
        return false;
    };
    fb.retain(|f| f != extra);
    fa == fb
        && fa
            .iter()
            .all(|f| std::fs::read(a.join(f)).ok() == std::fs::read(b.join(f)).ok())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "?".into())
}

/// Runs one step of the bench, timing it.
fn phase<T>(
    phases: &mut Vec<report::Phase>,
    name: &str,
    f: impl FnOnce() -> Result<T>,
) -> Result<T> {
    println!("==> {name}");
    let (start, before) = (Instant::now(), load_average());
    let out = f().with_context(|| format!("bench step `{name}` failed"))?;
    phases.push(report::Phase {
        name: name.into(),
        seconds: start.elapsed().as_secs_f64(),
        load_before: before,
        load_after: load_average(),
    });
    Ok(out)
}

fn page_path(page: &str) -> String {
    if page == "index.html" {
        nginx::PREFIX.to_string()
    } else {
        format!("{}{page}", nginx::PREFIX)
    }
}

fn bench(o: BenchOptions) -> Result<()> {
    let started = Instant::now();
    let (root, target) = workspace()?;
    let dist = root.join("dist");
    need_dist(&dist)?;
    if !dist.join(&o.page).is_file() {
        bail!(
            "--page {}: there is no {} (the pages of dist/ are its .html files)",
            o.page,
            dist.join(&o.page).display()
        );
    }
    let work = target.join("bench/run");
    let snap = work.join("dist");
    let synthetic = target.join("dist-synthetic");
    if work.exists() {
        std::fs::remove_dir_all(&work)
            .with_context(|| format!("cannot empty {}", work.display()))?;
    }
    std::fs::create_dir_all(&work)?;
    println!(
        "==> copying dist/ to {}: the build this run measures",
        snap.display()
    );
    copy_tree(&dist, &snap)?;
    let machine = machine::read(&root)?;
    println!("==> serving it with nginx (gzip on) on loopback");
    let server = nginx::start(
        &target.join("bench/nginx"),
        &nginx::Site {
            dist: &snap,
            synthetic: Some(&synthetic),
        },
    )?;
    let mut phases = Vec::new();
    let sizes = phase(&mut phases, "sizes", || {
        sizes::measure(&snap, Some((server.site, nginx::PREFIX)), &[])
    })?;
    let static_name = pages::static_name(&o.page);
    let html = std::fs::read_to_string(snap.join(&o.page))
        .with_context(|| format!("cannot read {}", o.page))?;
    let static_html = pages::static_copy(&html);
    std::fs::write(snap.join(&static_name), &static_html)
        .with_context(|| format!("cannot write the static copy {static_name}"))?;
    println!(
        "==> static copy of {}: {static_name} ({} bytes)",
        o.page,
        static_html.len()
    );
    let criterion = phase(&mut phases, "criterion (cargo bench --bench query)", || {
        criterion::run(&root, &target, &work)
    })?;
    phase(&mut phases, "synthetic build (trunk)", || {
        let mut cmd = Command::new("trunk");
        cmd.current_dir(&root)
            .args(["build", "--release", "--features", "synthetic", "--dist"])
            .arg(&synthetic);
        proc::run(
            cmd,
            "the synthetic build (trunk build --release --features synthetic)",
            Duration::from_secs(30 * 60),
            &work.join("trunk-synthetic.log"),
            "trunk build --release --features synthetic --dist target/dist-synthetic",
        )?;
        if !synthetic.join("index.html").is_file() {
            bail!(
                "the synthetic build wrote no {}/index.html",
                synthetic.display()
            );
        }
        Ok(())
    })?;
    let timing = |path: &str| format!("http://127.0.0.1:{}{path}", server.timing);
    let ready = if o.ready.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&o.ready)?)
    };
    let sizes_arg = o
        .sizes
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let browser = phase(&mut phases, "browser timings (Chromium)", || {
        browser::run(
            &root,
            &work,
            &browser::Options {
                app_url: &timing(nginx::PREFIX),
                page_url: &timing(&page_path(&o.page)),
                static_url: &timing(&format!("{}{static_name}", nginx::PREFIX)),
                ready,
                synthetic_url: Some(&timing(&format!("/synthetic{}", nginx::PREFIX))),
                sizes: &sizes_arg,
                load_runs: o.load_runs,
                key_reps: o.key_reps,
            },
        )
    })?;
    let site = |path: &str| format!("http://127.0.0.1:{}{path}", server.site);
    let urls = [
        site(&page_path(&o.page)),
        site(&format!("{}{static_name}", nginx::PREFIX)),
    ];
    let mut lh = phase(
        &mut phases,
        &format!("Lighthouse ×{} per page (lhci collect)", o.lighthouse_runs),
        || lighthouse::collect(&root, &work.join("lhci"), &urls, o.lighthouse_runs),
    )?;
    for (url, runs) in urls.iter().zip(&lh) {
        for r in runs {
            println!(
                "    {url}: performance {}, accessibility {}, best practices {}, SEO {}",
                r.lhr.score("performance"),
                r.lhr.score("accessibility"),
                r.lhr.score("best-practices"),
                r.lhr.score("seo")
            );
        }
    }
    drop(server);
    let dist_changed = !same_tree(&dist, &snap, &static_name);
    if dist_changed {
        println!("note: dist/ was rebuilt during the run; every figure is of the copy taken at the start");
    }
    let lighthouse_static = lh.pop().unwrap_or_default();
    let lighthouse_page = lh.pop().unwrap_or_default();
    let text = report::write(&report::Inputs {
        machine: &machine,
        sizes: &sizes,
        criterion: &criterion,
        browser: &browser,
        page: &o.page,
        static_name: &static_name,
        static_bytes: static_html.len(),
        lighthouse_page: &lighthouse_page,
        lighthouse_static: &lighthouse_static,
        phases: &phases,
        total_seconds: started.elapsed().as_secs_f64(),
        dist_changed,
        synthetic_sizes: &o.sizes,
    });
    let out = root.join(&o.out);
    std::fs::write(&out, text).with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "==> done in {:.0} s: {}",
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}

fn gates() -> Result<()> {
    let (root, target) = workspace()?;
    let dist = root.join("dist");
    need_dist(&dist)?;
    println!("==> first-load budget (dist/index.html, gzip -1)");
    sizes::budget(&dist)?;
    println!("==> one Lighthouse run on dist/ served by nginx (gzip on)");
    let work = target.join("bench/gates");
    let server = nginx::start(
        &work.join("nginx"),
        &nginx::Site {
            dist: &dist,
            synthetic: None,
        },
    )?;
    let url = format!("http://127.0.0.1:{}{}", server.site, nginx::PREFIX);
    lighthouse::gates(&root, &work.join("lhci"), &url)?;
    println!("==> Lighthouse Accessibility, Best Practices and SEO are each at least 95");
    Ok(())
}

fn main() -> ExitCode {
    proc::install_signal_handlers();
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let result = match command.as_str() {
        "bench" => bench_options(args).and_then(bench),
        "gates" => gates(),
        "budget" => workspace().and_then(|(root, _)| {
            need_dist(&root.join("dist"))?;
            sizes::budget(&root.join("dist"))
        }),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(anyhow::anyhow!("unknown command {command:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask {command} stopped: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_options_and_their_defaults() {
        let o = bench_options(std::iter::empty()).unwrap();
        assert_eq!(
            (o.page.as_str(), o.lighthouse_runs, o.load_runs, o.key_reps),
            ("index.html", 3, 7, 4)
        );
        assert_eq!(o.sizes, [1000, 10000]);
        let args = [
            "--page",
            "example.html",
            "--ready",
            "iframe",
            "--sizes",
            "500",
            "--lighthouse-runs",
            "1",
        ];
        let o = bench_options(args.iter().map(|s| s.to_string())).unwrap();
        assert_eq!(
            (
                o.page.as_str(),
                o.ready.as_slice(),
                o.sizes.as_slice(),
                o.lighthouse_runs
            ),
            ("example.html", &["iframe".to_string()][..], &[500][..], 1)
        );
        assert!(bench_options(["--load-runs", "0"].iter().map(|s| s.to_string())).is_err());
        assert!(bench_options(["--nope"].iter().map(|s| s.to_string())).is_err());
    }
}
