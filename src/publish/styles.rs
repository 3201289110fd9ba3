//! The stylesheet as readers download it: trunk copies `style/main.css` as it is written,
//! comments and all, and the build minifies it with lightningcss, which parses it too, so a
//! stylesheet it cannot read fails the build, naming the file.

use super::standalone::asset;
use super::PublishError;
use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use std::path::{Path, PathBuf};

/// The stylesheet of `dist` (trunk's `main-<hash>.css`), minified: its path and new content.
pub fn minified(dist: &Path) -> Result<(PathBuf, String), PublishError> {
    let (name, bytes) = asset(dist, "main-", ".css")?;
    let path = dist.join(name);
    let css = minify(&String::from_utf8_lossy(&bytes)).map_err(|why| PublishError::Css {
        path: path.clone(),
        why,
    })?;
    Ok((path, css))
}

/// `css` with no comments, spaces or repetition it can do without; the rules and their order
/// as they were.
fn minify(css: &str) -> Result<String, String> {
    let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(|e| e.to_string())?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| e.to_string())?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| e.to_string())?;
    Ok(printed.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_styles_lose_their_comments_and_keep_their_rules() {
        let source = include_str!("../../style/main.css");
        let small = minify(source).unwrap();
        // A fifth smaller at least.
        assert!(
            small.len() * 5 < source.len() * 4,
            "{} of {}",
            small.len(),
            source.len()
        );
        assert!(!small.contains("/*"));
        for kept in [
            ":root{--ink:#1b1f24",
            "@media (prefers-color-scheme:dark)",
            "@media (forced-colors:active)",
            "@media print",
            "::details-content",
            "text-wrap:pretty",
            "font-variant-numeric:tabular-nums",
        ] {
            assert!(small.contains(kept), "{kept} not in {small}");
        }
    }

    #[test]
    fn a_stylesheet_it_cannot_read_is_refused() {
        assert!(
            minify("a { color: red; ").is_ok(),
            "an unclosed block is closed, as browsers do"
        );
        let why = minify("@media { a { color: red } } }").unwrap_err();
        assert!(!why.is_empty());
    }
}
