//! What a page of `dist/` loads, read from its HTML: the first-load file list of the budget, and
//! the static copy of a page (the same file without its scripts).

use regex::{Captures, Regex};
use std::sync::LazyLock;

static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<link\b[^>]*>").unwrap());
static IMG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<img\b[^>]*>").unwrap());
static SCRIPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<script\b([^>]*)>(.*?)</script\s*>").unwrap());
static REL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\brel\s*=\s*["']?([^"'>]+)"#).unwrap());
static HREF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\bhref\s*=\s*["']([^"']+)"#).unwrap());
static SRC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\bsrc\s*=\s*["']([^"']+)"#).unwrap());
/// A path in an inline script (trunk's loader names the glue and the wasm this way).
static QUOTED_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"["'`]((?:\./)?[A-Za-z0-9_./-]+\.(?:m?js|wasm|css))["'`]"#).unwrap()
});
static LOADING_REL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(stylesheet|modulepreload|preload)\b").unwrap());
static PRELOAD_REL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(modulepreload|preload)\b").unwrap());
static REMOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^([a-z]+:|//)").unwrap());

fn attr<'a>(re: &Regex, tag: &'a str) -> Option<&'a str> {
    re.captures(tag).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// A URL of this site as a path relative to the page's folder, or `None` for another host.
fn local(url: &str) -> Option<String> {
    if url.is_empty() || REMOTE.is_match(url) {
        return None;
    }
    let url = url.strip_prefix("./").unwrap_or(url);
    let path = url.split(['?', '#']).next().unwrap_or_default();
    (!path.is_empty()).then(|| path.to_string())
}

/// The files a first visit of the page `html` (named `page`) downloads, in the order found:
/// the page itself, `<link rel=stylesheet|modulepreload|preload href>`, `<script src>`, the
/// paths quoted in inline scripts (trunk's loader), and `<img src>`. Not the icon, nor files
/// that are only linked (`<a href>`).
pub fn first_load_files(page: &str, html: &str) -> Vec<String> {
    let mut names = vec![page.to_string()];
    let mut add = |name: Option<String>| {
        if let Some(name) = name {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    };
    for tag in LINK.find_iter(html).map(|m| m.as_str()) {
        if attr(&REL, tag).is_some_and(|rel| LOADING_REL.is_match(rel)) {
            add(attr(&HREF, tag).and_then(local));
        }
    }
    for script in SCRIPT.captures_iter(html) {
        add(attr(&SRC, &script[1]).and_then(local));
        for quoted in QUOTED_PATH.captures_iter(&script[2]) {
            add(local(&quoted[1]));
        }
    }
    for tag in IMG.find_iter(html).map(|m| m.as_str()) {
        add(attr(&SRC, tag).and_then(local));
    }
    names
}

/// The static copy of a page: the same HTML without its `<script>` elements and without the
/// `<link rel=modulepreload|preload>` that fetch what those scripts would run.
pub fn static_copy(html: &str) -> String {
    let html = SCRIPT.replace_all(html, "");
    LINK.replace_all(&html, |c: &Captures| {
        let tag = &c[0];
        if attr(&REL, tag).is_some_and(|rel| PRELOAD_REL.is_match(rel)) {
            String::new()
        } else {
            tag.to_string()
        }
    })
    .into_owned()
}

/// The name of the static copy of `page`, written next to it: `index.html` ->
/// `index.static.html`.
pub fn static_name(page: &str) -> String {
    match page.strip_suffix(".html") {
        Some(stem) => format!("{stem}.static.html"),
        None => format!("{page}.static.html"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="zh-Hant"><head>
<link rel="icon" href="icon-1.svg">
<link rel="stylesheet" href="./main-2.css?v=1">
<link rel=modulepreload href="app-3.js">
<link rel="preload" href="app-3_bg.wasm" as="fetch" type="application/wasm">
<link rel="stylesheet" href="https://cdn.example.org/x.css">
<script type="module">import init from './app-3.js'; init('./app-3_bg.wasm');</script>
<script src="embed.js" async></script>
</head><body><a href="data/figures.csv">CSV</a>
<picture><source srcset="charts/a-dark.svg"><img class="chart-picture" src="charts/a-light-340.svg" alt="a"></picture>
<img src="//other.example.org/p.png"></body></html>"#;

    #[test]
    fn first_load_files_are_what_the_page_loads_to_start() {
        assert_eq!(
            first_load_files("index.html", PAGE),
            [
                "index.html",
                "main-2.css",
                "app-3.js",
                "app-3_bg.wasm",
                "embed.js",
                "charts/a-light-340.svg"
            ]
        );
    }

    #[test]
    fn the_static_copy_has_no_scripts_and_no_preloads() {
        let copy = static_copy(PAGE);
        assert!(!copy.contains("<script"), "{copy}");
        assert!(!copy.contains("preload"), "{copy}");
        assert!(copy.contains(r#"<link rel="stylesheet" href="./main-2.css?v=1">"#));
        assert!(copy.contains(r#"<link rel="icon" href="icon-1.svg">"#));
        assert!(copy.contains(r#"src="charts/a-light-340.svg""#));
        assert!(copy.starts_with("<!doctype html><html lang=\"zh-Hant\">"));
        assert_eq!(first_load_files("index.html", &copy).len(), 3);
    }

    #[test]
    fn static_names_sit_next_to_the_page() {
        assert_eq!(static_name("index.html"), "index.static.html");
        assert_eq!(static_name("sub/example.html"), "sub/example.static.html");
    }
}
