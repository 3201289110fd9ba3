//! Child processes. Each one runs in its own process group, bounded in time, with its output in
//! a log file; the group (the process and whatever it started, e.g. Lighthouse's Chromium) is
//! killed when its [`Guard`] is dropped, on success and on error alike, and on Ctrl-C, SIGTERM
//! or SIGHUP by the handler [`install_signal_handlers`] sets.

use anyhow::{bail, Context, Result};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The process groups alive now, for the signal handler (0: a free slot).
static GROUPS: [AtomicI32; 16] = [const { AtomicI32::new(0) }; 16];

fn register(pid: i32) {
    for slot in &GROUPS {
        if slot
            .compare_exchange(0, pid, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            return;
        }
    }
}

fn unregister(pid: i32) {
    for slot in &GROUPS {
        let _ = slot.compare_exchange(pid, 0, Ordering::SeqCst, Ordering::SeqCst);
    }
}

fn signal_group(pid: i32, signal: libc::c_int) {
    if pid > 0 {
        // SAFETY: kill(2) with a negative pid signals a process group; no memory is touched.
        unsafe {
            libc::kill(-pid, signal);
        }
    }
}

extern "C" fn on_signal(signal: libc::c_int) {
    for slot in &GROUPS {
        signal_group(slot.load(Ordering::SeqCst), libc::SIGKILL);
    }
    // SAFETY: _exit is async-signal-safe.
    unsafe { libc::_exit(128 + signal) }
}

/// On SIGINT, SIGTERM and SIGHUP: kill every child's process group, then exit.
pub fn install_signal_handlers() {
    let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only reads atomics and calls kill and _exit.
        unsafe {
            libc::signal(signal, handler);
        }
    }
}

/// Whether this process runs as root.
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A running child, killed with its process group when dropped.
pub struct Guard {
    child: Child,
    name: String,
}

impl Guard {
    /// Starts `cmd` in a new process group; `name` says what it is in messages. Its stdin is
    /// what `cmd` says (inherited unless set).
    pub fn spawn(mut cmd: Command, name: &str) -> Result<Guard> {
        cmd.process_group(0);
        let child = cmd.spawn().with_context(|| {
            format!(
                "cannot start {name} ({:?}): is it installed?",
                cmd.get_program()
            )
        })?;
        register(child.id() as i32);
        Ok(Guard {
            child,
            name: name.into(),
        })
    }

    /// The child's exit status if it has exited.
    pub fn exited(&mut self) -> Result<Option<ExitStatus>> {
        self.child
            .try_wait()
            .with_context(|| format!("cannot wait for {}", self.name))
    }

    /// Waits at most `timeout` for the child to exit.
    pub fn wait(&mut self, timeout: Duration) -> Result<Option<ExitStatus>> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.exited()? {
                return Ok(Some(status));
            }
            if start.elapsed() >= timeout {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let pid = self.child.id() as i32;
        signal_group(pid, libc::SIGTERM);
        if !matches!(self.wait(Duration::from_secs(3)), Ok(Some(_))) {
            signal_group(pid, libc::SIGKILL);
            let _ = self.child.wait();
        }
        // Whatever the child started and left behind in its group.
        signal_group(pid, libc::SIGKILL);
        unregister(pid);
    }
}

/// The last `n` lines of a log file, for an error message.
pub fn tail(log: &Path, n: usize) -> String {
    let Ok(file) = File::open(log) else {
        return String::new();
    };
    let lines: Vec<String> = BufReader::new(file).lines().map_while(Result::ok).collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Runs `cmd` to its end, its output (stdout and stderr) into `log`; fails if it fails or takes
/// longer than `timeout`. `fix`: what to do about a failure.
pub fn run(cmd: Command, name: &str, timeout: Duration, log: &Path, fix: &str) -> Result<()> {
    let status = run_status(cmd, name, timeout, log)?;
    if !status.success() {
        bail!(
            "{name} failed ({status}). The end of its log, {}:\n{}\nto fix it: {fix}",
            log.display(),
            tail(log, 15)
        );
    }
    Ok(())
}

/// As [`run`], but returns the exit status instead of failing on a non-zero one.
pub fn run_status(
    mut cmd: Command,
    name: &str,
    timeout: Duration,
    log: &Path,
) -> Result<ExitStatus> {
    let out = File::create(log).with_context(|| format!("cannot create {}", log.display()))?;
    cmd.stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out);
    let mut guard = Guard::spawn(cmd, name)?;
    match guard.wait(timeout)? {
        Some(status) => Ok(status),
        None => bail!(
            "{name} did not finish within {} s (stopped). The end of its log, {}:\n{}",
            timeout.as_secs(),
            log.display(),
            tail(log, 15)
        ),
    }
}

/// A new file name in the temporary folder, unique to this process and call.
pub fn temp_file(ext: &str) -> std::path::PathBuf {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    std::env::temp_dir().join(format!(
        "xtask-{}-{}.{ext}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    ))
}

/// The output (stdout and stderr) of a short command (at most 60 s), trimmed.
pub fn output(program: &str, args: &[&str]) -> Result<String> {
    let file = temp_file("out");
    let out = File::create(&file).with_context(|| format!("cannot create {}", file.display()))?;
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out);
    let mut guard = Guard::spawn(cmd, program)?;
    let status = guard.wait(Duration::from_secs(60))?;
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let _ = std::fs::remove_file(&file);
    match status {
        Some(s) if s.success() => Ok(text.trim().to_string()),
        Some(s) => bail!("`{program} {}` failed ({s})", args.join(" ")),
        None => bail!("`{program} {}` did not finish within 60 s", args.join(" ")),
    }
}
