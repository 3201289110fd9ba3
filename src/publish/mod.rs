//! Finishing the static site after trunk: the page rendered at build time goes into
//! `index.html` (so it reads without JavaScript), a strict Content-Security-Policy is set, the
//! chart pictures and the data downloads are written, and the one-file edition
//! `standalone.html` is assembled.

mod csp;
mod downloads;
mod html;
mod pictures;
mod standalone;

use crate::embedded::dataset;
use std::path::Path;

/// Publishes `app_html` (the rendered app) into the trunk output in `dist`; returns what it wrote.
pub fn publish(dist: &Path, app_html: &str) -> Result<Vec<String>, String> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|e| {
        format!(
            "cannot read {} (run trunk build first): {e}",
            index_path.display()
        )
    })?;
    if index.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err(format!(
            "{} is already baked: run trunk build first",
            index_path.display()
        ));
    }
    let page = html::replace_inner(&index, "<main id=\"app\"", "</main>", app_html)
        .ok_or("index.html has no <main id=\"app\"> … </main> to put the page in")?;
    let mut written = Vec::new();

    let pictures = pictures::draw(dataset())?;
    let charts_dir = dist.join("charts");
    std::fs::create_dir_all(&charts_dir)
        .map_err(|e| format!("cannot create {}: {e}", charts_dir.display()))?;
    for (name, svg) in &pictures {
        write(&charts_dir.join(name), svg, &mut written)?;
    }

    let standalone = standalone::assemble(dist, &page, &pictures)?;
    write(&dist.join("standalone.html"), &standalone, &mut written)?;

    write(&index_path, &csp::with_policy(&page), &mut written)?;

    let data_dir = dist.join("data");
    std::fs::create_dir_all(&data_dir)
        .map_err(|e| format!("cannot create {}: {e}", data_dir.display()))?;
    for (name, content) in downloads::files(dataset()) {
        write(&data_dir.join(name), &content, &mut written)?;
    }
    Ok(written)
}

fn write(path: &Path, content: &str, written: &mut Vec<String>) -> Result<(), String> {
    std::fs::write(path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    written.push(format!("{} ({} bytes)", path.display(), content.len()));
    Ok(())
}
