//! Lighthouse through Lighthouse CI (`@lhci/cli`, npm): `lhci collect` runs it on the pages,
//! `lhci upload --target=filesystem` writes the reports and a manifest naming each URL's
//! representative run, and `lhci assert` checks the scores of `xtask/lighthouserc.json` (the
//! gates). The reports (Lighthouse's JSON results) are read here with serde.
//!
//! Chromium is Debian's, with the flags of `tests/browser/chromium-flags.txt` (lhci adds
//! `--headless=new`).

use crate::proc;
use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Chromium's command-line flags, shared with the browser suite.
pub const CHROMIUM_FLAGS_FILE: &str = include_str!("../../tests/browser/chromium-flags.txt");
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The Lighthouse CI configuration (collect settings and the gates' assertions).
pub const RC: &str = "xtask/lighthouserc.json";

/// The flags of [`CHROMIUM_FLAGS_FILE`]: one a line, `#` starts a comment line.
pub fn chromium_flags(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// One entry of the manifest `lhci upload --target=filesystem` writes.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ManifestEntry {
    pub url: String,
    pub is_representative_run: bool,
    pub html_path: PathBuf,
    pub json_path: PathBuf,
    #[serde(default)]
    pub summary: HashMap<String, f64>,
}

/// Reads `manifest.json`.
pub fn read_manifest(text: &str) -> Result<Vec<ManifestEntry>> {
    serde_json::from_str(text).context("the Lighthouse CI manifest is not what lhci 0.14 writes")
}

/// The parts of a Lighthouse result (LHR) the report uses.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lhr {
    pub requested_url: String,
    pub lighthouse_version: String,
    pub categories: HashMap<String, Category>,
    pub audits: HashMap<String, Audit>,
    pub environment: Environment,
    pub config_settings: ConfigSettings,
    #[serde(default)]
    pub run_warnings: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub title: String,
    pub score: Option<f64>,
    #[serde(default)]
    pub audit_refs: Vec<AuditRef>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct AuditRef {
    pub id: String,
    pub weight: f64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    pub title: String,
    pub score: Option<f64>,
    pub score_display_mode: String,
    pub numeric_value: Option<f64>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Environment {
    pub benchmark_index: f64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigSettings {
    pub form_factor: String,
    pub throttling_method: String,
    pub throttling: Throttling,
    pub screen_emulation: Screen,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Throttling {
    pub rtt_ms: f64,
    pub throughput_kbps: f64,
    pub cpu_slowdown_multiplier: f64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Screen {
    pub width: f64,
    pub height: f64,
    pub device_scale_factor: f64,
}

/// The categories in the order the report shows them.
pub const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];

impl Lhr {
    /// A category's score out of 100 (NaN if Lighthouse gave none).
    pub fn score(&self, category: &str) -> f64 {
        self.categories
            .get(category)
            .and_then(|c| c.score)
            .map_or(f64::NAN, |s| (s * 100.0).round())
    }

    /// An audit's numeric value (milliseconds for the timings, unitless for CLS).
    pub fn metric(&self, audit: &str) -> f64 {
        self.audits
            .get(audit)
            .and_then(|a| a.numeric_value)
            .unwrap_or(f64::NAN)
    }

    /// The category ids, in [`CATEGORIES`] order, then any other.
    pub fn category_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = CATEGORIES
            .iter()
            .filter(|c| self.categories.contains_key(**c))
            .map(|c| c.to_string())
            .collect();
        let mut rest: Vec<String> = self
            .categories
            .keys()
            .filter(|k| !ids.contains(k))
            .cloned()
            .collect();
        rest.sort();
        ids.extend(rest);
        ids
    }

    /// `category: audit title` of every scored audit under 0.9.
    pub fn failing_audits(&self) -> Vec<String> {
        let mut out = Vec::new();
        for c in CATEGORIES {
            let Some(cat) = self.categories.get(c) else {
                continue;
            };
            for r in &cat.audit_refs {
                let Some(a) = self.audits.get(&r.id) else {
                    continue;
                };
                if r.weight > 0.0
                    && a.score.is_some_and(|s| s < 0.9)
                    && a.score_display_mode != "informative"
                {
                    out.push(format!("{c}: {}", a.title));
                }
            }
        }
        out
    }
}

/// One Lighthouse run.
#[derive(Clone, Debug)]
pub struct Run {
    pub representative: bool,
    pub html: PathBuf,
    pub lhr: Lhr,
}

/// The lhci command, run in `dir` (where it keeps `.lighthouseci/`).
fn lhci(root: &Path, dir: &Path) -> Result<Command> {
    let bin = root.join("node_modules/.bin/lhci");
    if !bin.exists() {
        bail!(
            "Lighthouse CI is not installed at {}. To fix it: npm ci (package.json pins @lhci/cli 0.14.0)",
            bin.display()
        );
    }
    if !Path::new(CHROMIUM).exists() {
        bail!("Chromium is not at {CHROMIUM}. To fix it: make setup-test (apt-get install -y chromium chromium-driver)");
    }
    let mut cmd = Command::new(bin);
    cmd.current_dir(dir).env("CHROME_PATH", CHROMIUM);
    Ok(cmd)
}

/// Runs Lighthouse `runs` times on each of `urls` (lhci collect), writes the reports to
/// `dir/reports` (lhci upload) and reads them: the runs of each URL, in the order of `urls`.
pub fn collect(root: &Path, dir: &Path, urls: &[String], runs: usize) -> Result<Vec<Vec<Run>>> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("cannot empty {}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let rc = root.join(RC);
    let flags = chromium_flags(CHROMIUM_FLAGS_FILE).join(" ");
    let mut cmd = lhci(root, dir)?;
    cmd.arg("collect")
        .arg(format!("--config={}", rc.display()))
        .arg(format!("--numberOfRuns={runs}"))
        .arg(format!("--settings.chromeFlags={flags}"));
    for url in urls {
        cmd.arg(format!("--url={url}"));
    }
    let timeout = Duration::from_secs(60 + 180 * (runs * urls.len()) as u64);
    proc::run(
        cmd,
        "lhci collect (Lighthouse)",
        timeout,
        &dir.join("collect.log"),
        "see the log; `lhci collect` runs Lighthouse with CHROME_PATH=/usr/bin/chromium",
    )?;
    let reports = dir.join("reports");
    let mut cmd = lhci(root, dir)?;
    cmd.arg("upload")
        .arg("--target=filesystem")
        .arg(format!("--outputDir={}", reports.display()));
    proc::run(
        cmd,
        "lhci upload --target=filesystem",
        Duration::from_secs(120),
        &dir.join("upload.log"),
        "see the log",
    )?;
    let manifest_path = reports.join("manifest.json");
    let manifest = read_manifest(
        &std::fs::read_to_string(&manifest_path)
            .with_context(|| format!("lhci upload wrote no {}", manifest_path.display()))?,
    )?;
    let mut all: Vec<Vec<Run>> = urls.iter().map(|_| Vec::new()).collect();
    for entry in manifest {
        let text = std::fs::read_to_string(&entry.json_path)
            .with_context(|| format!("cannot read {}", entry.json_path.display()))?;
        let lhr: Lhr = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a Lighthouse result", entry.json_path.display()))?;
        let Some(i) = urls.iter().position(|u| *u == lhr.requested_url) else {
            bail!(
                "Lighthouse measured {}, which was not asked for",
                lhr.requested_url
            );
        };
        all[i].push(Run {
            representative: entry.is_representative_run,
            html: entry.html_path,
            lhr,
        });
    }
    for (url, runs_of) in urls.iter().zip(&all) {
        if runs_of.len() != runs {
            bail!(
                "Lighthouse gave {} runs of {url}, not {runs}: see {}",
                runs_of.len(),
                dir.display()
            );
        }
    }
    Ok(all)
}

/// The minimum scores (out of 100) of the assertions in the lhci configuration, by category.
pub fn min_scores(rc_text: &str) -> Result<Vec<(String, f64)>> {
    let rc: serde_json::Value =
        serde_json::from_str(rc_text).with_context(|| format!("{RC} is not JSON"))?;
    let assertions = rc["ci"]["assert"]["assertions"]
        .as_object()
        .with_context(|| format!("{RC} has no ci.assert.assertions"))?;
    let mut out = Vec::new();
    for (name, value) in assertions {
        if let (Some(category), Some(min)) = (
            name.strip_prefix("categories:"),
            value[1]["minScore"].as_f64(),
        ) {
            out.push((category.to_string(), (min * 100.0).round()));
        }
    }
    Ok(out)
}

/// `make gates`' Lighthouse step: one run on `url`, then `lhci assert`. Fails with the scores
/// that are too low.
pub fn gates(root: &Path, dir: &Path, url: &str) -> Result<()> {
    let runs = collect(root, dir, &[url.to_string()], 1)?;
    let run = &runs[0][0];
    let rc_text =
        std::fs::read_to_string(root.join(RC)).with_context(|| format!("cannot read {RC}"))?;
    let mins = min_scores(&rc_text)?;
    let mut low = Vec::new();
    for (category, min) in &mins {
        let score = run.lhr.score(category);
        let title = run
            .lhr
            .categories
            .get(category)
            .map_or(category.as_str(), |c| c.title.as_str());
        println!("Lighthouse {title}: {score} (at least {min} required)");
        if score.is_nan() || score < *min {
            low.push(format!("{title} is {score}, under {min}"));
        }
    }
    let mut cmd = lhci(root, dir)?;
    cmd.arg("assert")
        .arg(format!("--config={}", root.join(RC).display()));
    let log = dir.join("assert.log");
    let status = proc::run_status(cmd, "lhci assert", Duration::from_secs(120), &log)?;
    if !low.is_empty() || !status.success() {
        bail!(
            "Lighthouse gate failed: {}. The report: {}; lhci assert said:\n{}",
            if low.is_empty() {
                "see lhci assert's log".to_string()
            } else {
                low.join("; ")
            },
            run.html.display(),
            proc::tail(&log, 20)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_names_the_representative_run() {
        let text = r#"[
          {"url":"http://127.0.0.1:1/news/2025/torch/","isRepresentativeRun":false,
           "htmlPath":"/r/a.report.html","jsonPath":"/r/a.report.json",
           "summary":{"performance":0.98,"accessibility":1,"best-practices":1,"seo":1}},
          {"url":"http://127.0.0.1:1/news/2025/torch/","isRepresentativeRun":true,
           "htmlPath":"/r/b.report.html","jsonPath":"/r/b.report.json",
           "summary":{"performance":0.99,"accessibility":1,"best-practices":1,"seo":1}}
        ]"#;
        let m = read_manifest(text).unwrap();
        assert_eq!(m.len(), 2);
        let rep: Vec<&ManifestEntry> = m.iter().filter(|e| e.is_representative_run).collect();
        assert_eq!(rep.len(), 1);
        assert_eq!(rep[0].json_path, PathBuf::from("/r/b.report.json"));
        assert_eq!(rep[0].summary["performance"], 0.99);
        assert!(read_manifest("{}").is_err());
    }

    #[test]
    fn the_gates_come_from_the_lhci_configuration() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/lighthouserc.json"))
                .unwrap();
        assert_eq!(
            min_scores(&text).unwrap(),
            [
                ("accessibility".to_string(), 95.0),
                ("best-practices".to_string(), 95.0),
                ("seo".to_string(), 95.0)
            ]
        );
    }

    #[test]
    fn the_flags_file_lists_the_flags() {
        let flags = chromium_flags(CHROMIUM_FLAGS_FILE);
        assert!(flags.contains(&"--headless".to_string()));
        assert!(flags.contains(&"--disable-background-networking".to_string()));
        assert!(flags.iter().all(|f| f.starts_with("--")));
    }

    #[test]
    fn scores_and_failing_audits_of_a_result() {
        let lhr: Lhr = serde_json::from_str(r#"{
          "requestedUrl":"http://x/","lighthouseVersion":"12.2.3",
          "categories":{"seo":{"title":"SEO","score":0.92,"auditRefs":[{"id":"a","weight":1},{"id":"b","weight":0}]},
                        "performance":{"title":"Performance","score":0.985,"auditRefs":[]}},
          "audits":{"a":{"title":"Links have text","score":0.5,"scoreDisplayMode":"binary"},
                    "b":{"title":"Unweighted","score":0,"scoreDisplayMode":"binary"},
                    "largest-contentful-paint":{"title":"LCP","score":0.9,"scoreDisplayMode":"numeric","numericValue":2293.6}},
          "environment":{"benchmarkIndex":2900},
          "configSettings":{"formFactor":"mobile","throttlingMethod":"simulate",
            "throttling":{"rttMs":150,"throughputKbps":1638.4,"cpuSlowdownMultiplier":4},
            "screenEmulation":{"width":412,"height":823,"deviceScaleFactor":1.75}}
        }"#).unwrap();
        assert_eq!(lhr.score("seo"), 92.0);
        assert_eq!(lhr.score("performance"), 99.0);
        assert!(lhr.score("accessibility").is_nan());
        assert_eq!(lhr.metric("largest-contentful-paint"), 2293.6);
        assert_eq!(lhr.category_ids(), ["performance", "seo"]);
        assert_eq!(lhr.failing_audits(), ["seo: Links have text"]);
    }
}
