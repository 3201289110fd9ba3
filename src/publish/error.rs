//! What can go wrong while finishing `dist/`, each with the file it concerns and what to do.

use std::path::PathBuf;

/// A failure of `publish`, naming the file or tool it concerns.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("cannot read {path}: {source} (run `trunk build` first; `make dist` does)")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is already baked: run `trunk build` first, which writes it anew")]
    AlreadyBaked { path: PathBuf },
    /// A piece of trunk's output that an edit needs is not where it should be.
    #[error("{file} has no {what}: has index.html or trunk's output changed?")]
    Missing { file: String, what: String },
    #[error("no file {pattern} in {dir} (run `trunk build` first)")]
    NoAsset { dir: PathBuf, pattern: String },
    /// An icon of the page's sprite could not be read.
    #[error("inlining the icons: {0}")]
    Icon(String),
    /// The public address given is not one.
    #[error("SITE_URL={given} is not the address of a site: {why} (e.g. SITE_URL=https://example.org/news/2025/torch/)")]
    SiteUrl { given: String, why: String },
    /// A link-preview image could not be drawn.
    #[error("drawing the preview images: {0}")]
    Preview(String),
    /// The stylesheet could not be read to be minified.
    #[error("minifying {path}: {why}")]
    Css { path: PathBuf, why: String },
    /// Node, which draws the charts with ECharts, failed.
    #[error("drawing the charts: {0}")]
    Charts(String),
}
