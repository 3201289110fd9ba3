//! Finishes a trunk build (run by trunk's post-build hook, see `Trunk.toml`): writes the page
//! of each language, rendered at build time with its charts drawn in, from trunk's
//! `index.html`, sets its Content-Security-Policy, and writes the data downloads and the
//! one-file edition `standalone.html`.
//! Usage: `bake [DIST_DIR]` (default `dist`).

use std::path::PathBuf;
use torch2024::publish::publish;

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    match publish(&dist, torch2024::ui::render_to_html) {
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
