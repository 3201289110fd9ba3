//! Finishes a trunk build (run by trunk's post-build hook, see `Trunk.toml`): writes the page
//! of each language, rendered at build time with its charts drawn in, from trunk's
//! `index.html`, sets its Content-Security-Policy, and writes the data downloads and the
//! one-file edition `standalone.html`.
//! Usage: `bake [DIST_DIR]` (default `dist`); `SITE_URL` in the environment is the address the
//! site will be published at.

use std::path::PathBuf;
use torch2024::publish::{left_out, publish, Site};

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let site = Site::from_env().unwrap_or_else(|e| {
        eprintln!("bake: {e}");
        std::process::exit(1);
    });
    if site.is_none() {
        println!(
            "bake: no SITE_URL, so the pages have no {} (they need absolute URLs): make dist SITE_URL=https://example.org/news/2025/torch/ adds them",
            left_out()
        );
    }
    match publish(&dist, site.as_ref(), torch2024::ui::render_to_html) {
        Ok(written) => {
            for w in written {
                println!("bake: wrote {} ({} bytes)", w.path.display(), w.bytes);
            }
        }
        Err(e) => {
            eprintln!("bake: {e}");
            std::process::exit(1);
        }
    }
}
