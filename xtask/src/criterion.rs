//! The native benchmarks of `benches/query.rs` (criterion): runs them, asks the bench binary for
//! their names (`-- --list`), and reads each one's `new/estimates.json` by that name.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// One benchmark's median and its 95 % confidence interval, in nanoseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Bench {
    /// e.g. `select`, `Catalog::new`.
    pub group: String,
    /// e.g. `real-38`, `synthetic-1000`.
    pub id: String,
    /// The number of projects (the digits that end the id).
    pub n: u64,
    pub real: bool,
    pub median: f64,
    pub lo: f64,
    pub hi: f64,
}

#[derive(Deserialize)]
struct Estimates {
    median: Estimate,
}

#[derive(Deserialize)]
struct Estimate {
    point_estimate: f64,
    confidence_interval: Interval,
}

#[derive(Deserialize)]
struct Interval {
    lower_bound: f64,
    upper_bound: f64,
}

/// The names in the output of `cargo bench --bench query -- --list` (`group/id: benchmark`).
pub fn names_from_list(list: &str) -> Vec<String> {
    list.lines()
        .filter_map(|l| l.trim().strip_suffix(": benchmark"))
        .map(String::from)
        .collect()
}

/// The folder name criterion gives a group or an id (its `make_filename_safe`).
pub fn safe_name(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| if "?\"/\\*<>:|^".contains(c) { '_' } else { c })
        .collect();
    if s.len() > 64 {
        let mut end = 64;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s.trim().to_string()
}

/// `target/criterion/<group>/<id>/new/estimates.json` of the benchmark `group/id`.
pub fn estimates_path(criterion_dir: &Path, name: &str) -> PathBuf {
    let (group, id) = name.split_once('/').unwrap_or((name, ""));
    criterion_dir
        .join(safe_name(group))
        .join(safe_name(id))
        .join("new/estimates.json")
}

/// Reads the estimates of the benchmark `name` (`group/id`).
pub fn read(criterion_dir: &Path, name: &str) -> Result<Bench> {
    let path = estimates_path(criterion_dir, name);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "no criterion estimates for {name} at {} (run `cargo bench -p torch2024 --features synthetic --bench query`)",
            path.display()
        )
    })?;
    let e: Estimates =
        serde_json::from_str(&text).with_context(|| format!("cannot read {}", path.display()))?;
    let (group, id) = name.split_once('/').unwrap_or((name, ""));
    let digits: String = id
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    Ok(Bench {
        group: group.into(),
        id: id.into(),
        n: digits.parse().unwrap_or(0),
        real: id.starts_with("real"),
        median: e.median.point_estimate,
        lo: e.median.confidence_interval.lower_bound,
        hi: e.median.confidence_interval.upper_bound,
    })
}

fn bench_cmd(root: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(root).args([
        "bench",
        "-p",
        "torch2024",
        "--features",
        "synthetic",
        "--bench",
        "query",
    ]);
    cmd
}

/// Runs the benchmarks (log in `work/criterion.log`), then reads every one of them.
pub fn run(root: &Path, target: &Path, work: &Path) -> Result<Vec<Bench>> {
    let fix = "cargo bench -p torch2024 --features synthetic --bench query";
    crate::proc::run(
        bench_cmd(root),
        "cargo bench --bench query",
        Duration::from_secs(40 * 60),
        &work.join("criterion.log"),
        fix,
    )?;
    let list_log = work.join("criterion-list.log");
    let mut list = bench_cmd(root);
    list.args(["--", "--list"]);
    crate::proc::run(
        list,
        "cargo bench --bench query -- --list",
        Duration::from_secs(10 * 60),
        &list_log,
        fix,
    )?;
    let names = names_from_list(&std::fs::read_to_string(&list_log)?);
    anyhow::ensure!(
        !names.is_empty(),
        "`cargo bench --bench query -- --list` named no benchmark: see {}",
        list_log.display()
    );
    let dir = target.join("criterion");
    names.iter().map(|n| read(&dir, n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_list() {
        let list =
            "   Compiling x\nselect/real-38: benchmark\nCatalog::new/synthetic-1000: benchmark\n";
        assert_eq!(
            names_from_list(list),
            ["select/real-38", "Catalog::new/synthetic-1000"]
        );
    }

    #[test]
    fn estimates_are_read_by_name() {
        let dir = std::env::temp_dir().join(format!("xtask-test-criterion-{}", std::process::id()));
        let path = estimates_path(&dir, "Catalog::new/synthetic-1000");
        assert!(path.ends_with("Catalog__new/synthetic-1000/new/estimates.json"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            r#"{"mean":{"point_estimate":2.0,"standard_error":0.1,"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":3.0}},
               "median":{"point_estimate":1420000.5,"standard_error":0.1,"confidence_interval":{"confidence_level":0.95,"lower_bound":1410000.0,"upper_bound":1430000.0}}}"#,
        )
        .unwrap();
        let b = read(&dir, "Catalog::new/synthetic-1000").unwrap();
        assert_eq!(
            b,
            Bench {
                group: "Catalog::new".into(),
                id: "synthetic-1000".into(),
                n: 1000,
                real: false,
                median: 1420000.5,
                lo: 1410000.0,
                hi: 1430000.0,
            }
        );
        let missing = read(&dir, "select/real-38").unwrap_err().to_string();
        assert!(
            missing.contains("cargo bench -p torch2024 --features synthetic --bench query"),
            "{missing}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
