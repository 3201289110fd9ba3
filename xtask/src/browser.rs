//! The browser timings: runs `tests/browser/bench.rs` (`cargo bench -p browser-tests --features
//! torch2024/synthetic --bench browser-bench`) against the pages nginx serves, and reads the
//! JSON it writes.

use anyhow::{Context, Result};
use serde::{Deserialize, Deserializer};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn nan_if_null<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

fn nan() -> f64 {
    f64::NAN
}

#[derive(Clone, Debug, Deserialize)]
pub struct Run {
    pub chromium: String,
    pub language: String,
    pub viewport: (f64, f64, f64),
    pub load_runs: usize,
    pub key_reps: usize,
    pub static_page: StaticPage,
    pub load: Loads,
    pub keys: Vec<Keys>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct StaticPage {
    pub cards: usize,
    pub charts: usize,
    pub tables: usize,
    pub scripts: usize,
    pub lang: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Loads {
    pub page: Vec<Load>,
    #[serde(rename = "static")]
    pub static_copy: Vec<Load>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Load {
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub interactive: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub present: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub fcp: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub dom_content_loaded: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub load_event: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub bytes: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub requests: f64,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Resource {
    pub name: String,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub transfer: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Keys {
    pub label: String,
    pub projects: usize,
    pub initial_cards: usize,
    pub more_button: Option<String>,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub frame_interval: f64,
    pub samples: Vec<Sample>,
    #[serde(default)]
    pub mismatches: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Sample {
    pub query: String,
    pub warmup: bool,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub latency: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub to_mutation: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub to_frame: f64,
    #[serde(deserialize_with = "nan_if_null", default = "nan")]
    pub late_mutations: f64,
}

impl Keys {
    /// The samples after the warm-up.
    pub fn measured(&self) -> Vec<&Sample> {
        self.samples.iter().filter(|s| !s.warmup).collect()
    }
}

/// What to measure.
pub struct Options<'a> {
    pub app_url: &'a str,
    pub page_url: &'a str,
    pub static_url: &'a str,
    /// JSON array of selectors, or none for bench.rs's default.
    pub ready: Option<String>,
    pub synthetic_url: Option<&'a str>,
    pub sizes: &'a str,
    pub load_runs: usize,
    pub key_reps: usize,
}

/// Runs the browser bench (log in `work/browser.log`, results in `work/browser.json`).
pub fn run(root: &Path, work: &Path, o: &Options) -> Result<Run> {
    let out = work.join("browser.json");
    let mut cmd = Command::new("cargo");
    cmd.current_dir(root)
        .args([
            "bench",
            "-q",
            "-p",
            "browser-tests",
            // `query::synthetic`, which the harness uses, is compiled only with this feature.
            "--features",
            "torch2024/synthetic",
            "--bench",
            "browser-bench",
            "--profile",
            "dev",
        ])
        .env("BENCH_URL", o.app_url)
        .env("BENCH_PAGE_URL", o.page_url)
        .env("BENCH_STATIC_URL", o.static_url)
        .env("BENCH_SIZES", o.sizes)
        .env("BENCH_LOAD_RUNS", o.load_runs.to_string())
        .env("BENCH_KEY_REPS", o.key_reps.to_string())
        .env("BENCH_OUT", &out);
    if let Some(url) = o.synthetic_url {
        cmd.env("BENCH_SYNTHETIC_URL", url);
    }
    if let Some(ready) = &o.ready {
        cmd.env("BENCH_READY", ready);
    }
    crate::proc::run(
        cmd,
        "the browser timings (cargo bench -p browser-tests --bench browser-bench, tests/browser/bench.rs)",
        Duration::from_secs(40 * 60),
        &work.join("browser.log"),
        "make setup-test installs Chromium and chromedriver; the log says what failed",
    )?;
    let text = std::fs::read_to_string(&out)
        .with_context(|| format!("the browser bench wrote no {}", out.display()))?;
    serde_json::from_str(&text).with_context(|| format!("cannot read {}", out.display()))
}
