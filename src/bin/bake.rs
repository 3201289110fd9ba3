//! Finishes `dist/` after trunk (run by `make dist`): puts the page rendered at build time into
//! `index.html`, sets its Content-Security-Policy, writes the data downloads and the one-file
//! edition `standalone.html`. Usage: `bake [DIST_DIR]` (default `dist`).

use std::path::PathBuf;

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let html = torch2024::ui::render_to_html();
    match torch2024::publish::publish(&dist, &html) {
        Ok(written) => {
            for line in written {
                println!("bake: wrote {line}");
            }
        }
        Err(e) => {
            eprintln!("bake: {e}");
            std::process::exit(1);
        }
    }
}
