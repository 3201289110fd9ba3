//! The machine and the tools a run measured with: CPU, memory, OS, commit, versions (the crates'
//! from `Cargo.lock` read as TOML, the npm packages' from their `package.json`), and the release
//! profile from `Cargo.toml`.

use crate::proc::output;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Debug, Default)]
pub struct Machine {
    pub date: String,
    pub nproc: usize,
    pub cpu: String,
    pub memory: String,
    pub os: String,
    pub commit: String,
    pub rustc: String,
    pub trunk: String,
    pub node: String,
    pub chromium: String,
    pub chromedriver: String,
    pub nginx: String,
    pub lhci: String,
    pub criterion: String,
    pub wasm_bindgen: String,
    pub release_profile: String,
}

#[derive(Deserialize)]
struct Lock {
    package: Vec<LockedPackage>,
}

#[derive(Deserialize)]
struct LockedPackage {
    name: String,
    version: String,
}

/// The version of crate `name` in the text of a `Cargo.lock` (the first, if several).
pub fn locked_version(lock: &str, name: &str) -> Result<String> {
    let lock: Lock = toml::from_str(lock).context("Cargo.lock is not TOML")?;
    lock.package
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.version)
        .with_context(|| format!("Cargo.lock has no {name}"))
}

/// `[profile.release]` of a `Cargo.toml`, as `opt-level = "z", lto = true, …`.
pub fn release_profile(manifest: &str) -> Result<String> {
    let table: toml::Table = toml::from_str(manifest).context("Cargo.toml is not TOML")?;
    let profile = table
        .get("profile")
        .and_then(|p| p.get("release"))
        .and_then(|r| r.as_table())
        .context("Cargo.toml has no [profile.release]")?;
    // The usual order of these keys, then any other in name order.
    let order = ["opt-level", "lto", "codegen-units", "panic"];
    let mut keys: Vec<&String> = profile.keys().collect();
    keys.sort_by_key(|k| (order.iter().position(|o| o == k).unwrap_or(order.len()), *k));
    Ok(keys
        .iter()
        .map(|k| format!("{k} = {}", profile[*k]))
        .collect::<Vec<_>>()
        .join(", "))
}

/// `YYYY-MM-DD HH:MM UTC` of a Unix time.
pub fn utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (h, m) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mo <= 2);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{m:02} UTC")
}

fn npm_version(root: &Path, package: &str) -> String {
    let path = root.join("node_modules").join(package).join("package.json");
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v["version"].as_str().map(String::from))
        .unwrap_or_else(|| "not installed".into())
}

fn or_unknown(r: Result<String>) -> String {
    r.unwrap_or_else(|e| format!("unknown ({e})"))
}

/// Reads all of it now.
pub fn read(root: &Path) -> Result<Machine> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU".into(), |(_, v)| v.trim().to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kb: f64 = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN);
    let os_release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    let pretty = os_release
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map_or("unknown OS".into(), |v| v.trim_matches('"').to_string());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let commit = output(
        "git",
        &[
            "-C",
            &root.to_string_lossy(),
            "rev-parse",
            "--short",
            "HEAD",
        ],
    )
    .unwrap_or_else(|_| "unknown".into());
    let dirty = output(
        "git",
        &[
            "-C",
            &root.to_string_lossy(),
            "status",
            "--porcelain",
            "--untracked-files=no",
        ],
    )
    .map(|s| !s.is_empty())
    .unwrap_or(false);
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).context("cannot read Cargo.lock")?;
    let manifest =
        std::fs::read_to_string(root.join("Cargo.toml")).context("cannot read Cargo.toml")?;
    let secs = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    Ok(Machine {
        date: utc(secs),
        nproc: std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu,
        memory: format!("{:.1} GB", mem_kb / 1_048_576.0),
        os: format!("{pretty}, Linux {}", kernel.trim()),
        commit: if dirty {
            format!("{commit} (with uncommitted changes)")
        } else {
            commit
        },
        rustc: or_unknown(output("rustc", &["--version"])),
        trunk: or_unknown(output("trunk", &["--version"])),
        node: or_unknown(output("node", &["--version"])),
        chromium: or_unknown(output(crate::lighthouse::CHROMIUM, &["--version"]))
            .lines()
            .last()
            .unwrap_or_default()
            .to_string(),
        chromedriver: or_unknown(output("chromedriver", &["--version"]))
            .split(' ')
            .take(2)
            .collect::<Vec<_>>()
            .join(" "),
        nginx: or_unknown(output("nginx", &["-v"]))
            .trim_start_matches("nginx version: ")
            .to_string(),
        lhci: npm_version(root, "@lhci/cli"),
        criterion: or_unknown(locked_version(&lock, "criterion")),
        wasm_bindgen: or_unknown(locked_version(&lock, "wasm-bindgen")),
        release_profile: or_unknown(release_profile(&manifest)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_from_the_lock_file() {
        let lock = "version = 4\n\n[[package]]\nname = \"criterion\"\nversion = \"0.8.2\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen").unwrap(), "0.2.130");
        assert_eq!(locked_version(lock, "criterion").unwrap(), "0.8.2");
        assert!(locked_version(lock, "serde").is_err());
    }

    #[test]
    fn the_release_profile_in_its_usual_order() {
        let manifest = "[package]\nname = \"x\"\n[profile.release]\npanic = \"abort\"\nlto = true\nopt-level = \"z\"\ncodegen-units = 1\n";
        assert_eq!(
            release_profile(manifest).unwrap(),
            "opt-level = \"z\", lto = true, codegen-units = 1, panic = \"abort\""
        );
    }

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(1_796_074_560), "2026-11-30 21:36 UTC");
    }
}
