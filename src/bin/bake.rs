//! Finishes a trunk build (run by trunk's post-build hook, see `Trunk.toml`): writes the page
//! of each language, rendered at build time, from trunk's `index.html`, sets its Content-Security-Policy, draws the chart
//! pictures and writes the data downloads and the one-file edition `standalone.html`.
//! Usage: `bake [DIST_DIR]` (default `dist`).

use std::path::PathBuf;
use torch2024::publish::{publish, Output};

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    match publish(&dist, torch2024::ui::render_to_html) {
        Ok(written) => {
            let (pictures, files): (Vec<_>, Vec<_>) = written
                .iter()
                .partition(|w| w.output == Output::ChartPicture);
            for w in files {
                println!("bake: wrote {} ({} bytes)", w.path.display(), w.bytes);
            }
            let bytes: usize = pictures.iter().map(|w| w.bytes).sum();
            println!(
                "bake: wrote {} chart pictures into charts/ ({bytes} bytes)",
                pictures.len()
            );
        }
        Err(e) => {
            eprintln!("bake: {e}");
            std::process::exit(1);
        }
    }
}
