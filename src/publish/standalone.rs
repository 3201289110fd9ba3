//! The one-file edition: the Traditional page with the other languages' pages as templates
//! (the reader's is put in place before the first paint), its CSS, the wasm-bindgen glue and
//! the WebAssembly (as base64) inlined, so it opens from disk, as an attachment or in a CMS.

use super::html::{edition_page_choice, find_element};
use super::PublishError;
use crate::embedded::dataset;
use crate::model::Lang;
use crate::names::Named;
use crate::query::url::{switch_href, UrlState};
use base64::Engine;
use std::path::Path;

/// The single file in `dist` whose name starts with `prefix` and ends with `suffix`.
pub(super) fn asset(
    dist: &Path,
    prefix: &str,
    suffix: &str,
) -> Result<(String, Vec<u8>), PublishError> {
    let entries = std::fs::read_dir(dist).map_err(|source| PublishError::Read {
        path: dist.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with(prefix)
            && name.ends_with(suffix)
            && !(suffix == ".js" && name.ends_with("_bg.js"))
        {
            let bytes = std::fs::read(entry.path()).map_err(|source| PublishError::Read {
                path: entry.path(),
                source,
            })?;
            return Ok((name, bytes));
        }
    }
    Err(PublishError::NoAsset {
        dir: dist.to_path_buf(),
        pattern: format!("{prefix}*{suffix}"),
    })
}

/// The error for a piece of index.html that is not there.
fn missing(what: impl Into<String>) -> PublishError {
    PublishError::Missing {
        file: "index.html".into(),
        what: what.into(),
    }
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Replaces the element that `open` + `marker` find in `html` with `with`.
fn swap(html: &mut String, open: &str, marker: &str, with: &str) -> Result<(), PublishError> {
    let (start, end) =
        find_element(html, open, marker).ok_or_else(|| missing(format!("{open} with {marker}")))?;
    html.replace_range(start..end, with);
    Ok(())
}

/// The wasm-bindgen glue as a plain module body: its exports made local, started from bytes.
fn glue_starting_from(glue: &str, wasm: &[u8]) -> String {
    let body: String = glue
        .lines()
        .filter(|l| !l.starts_with("export {"))
        .map(|l| l.strip_prefix("export ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let encoded = base64::engine::general_purpose::STANDARD.encode(wasm);
    format!(
        "{body}\nconst wasmBytes = Uint8Array.from(atob(\"{encoded}\"), (c) => c.charCodeAt(0));\nawait __wbg_init({{ module_or_path: wasmBytes }});\n"
    )
}

/// `html` with `others` (each language's rendered page) as templates after its page, the
/// script that puts the reader's in place, and language links that stay in the file.
fn with_other_languages(html: &str, others: &[(Lang, String)]) -> Result<String, PublishError> {
    const MAIN_END: &str = "</main>";
    let at = html.find(MAIN_END).ok_or_else(|| missing(MAIN_END))? + MAIN_END.len();
    let templates: String = others
        .iter()
        .map(|(lang, page)| {
            format!(
                "\n<template id=\"page-{}\" data-title=\"{}\">{page}</template>",
                lang.tag(),
                html_escape::encode_double_quoted_attribute(dataset().meta.title.get(*lang))
            )
        })
        .collect();
    let mut html = format!(
        "{}{templates}\n{}{}",
        &html[..at],
        edition_page_choice(),
        &html[at..]
    );
    for &lang in Lang::ALL {
        let href = |edition| switch_href(lang, &UrlState::default(), None, edition);
        html = html.replace(
            &format!("href=\"{}\"", href(false)),
            &format!("href=\"{}\"", href(true)),
        );
    }
    Ok(html)
}

/// The one-file edition of `page` (the Traditional one) and the `others` rendered, with the
/// assets of `dist` inlined.
pub fn assemble(
    dist: &Path,
    page: &str,
    others: &[(Lang, String)],
) -> Result<String, PublishError> {
    const HTML: &str = "<html lang=\"zh-Hant\">";
    if !page.contains(HTML) {
        return Err(missing(HTML));
    }
    let page = page.replacen(
        HTML,
        "<html lang=\"zh-Hant\" data-edition=\"standalone\">",
        1,
    );
    let mut html = with_other_languages(&page, others)?;
    let (_, css) = asset(dist, "main-", ".css")?;
    swap(
        &mut html,
        "<link",
        "rel=\"stylesheet\"",
        &format!("<style>\n{}\n</style>", text(css)),
    )?;
    let (_, icon) = asset(dist, "icon-", ".svg")?;
    let icon = base64::engine::general_purpose::STANDARD.encode(icon);
    swap(
        &mut html,
        "<link",
        "rel=\"icon\"",
        &format!("<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">"),
    )?;
    let (_, glue) = asset(dist, "torch2024-", ".js")?;
    let (_, wasm) = asset(dist, "torch2024-", "_bg.wasm")?;
    swap(
        &mut html,
        "<script",
        "type=\"module\"",
        &format!(
            "<script type=\"module\">\n{}</script>",
            glue_starting_from(&text(glue), &wasm)
        ),
    )?;
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_keeps_its_code_and_loses_its_exports() {
        let glue = "export class A {}\nfunction initSync() {}\nasync function __wbg_init(m) {}\nexport { initSync, __wbg_init as default };\n";
        let out = glue_starting_from(glue, &[0, 97, 115, 109]);
        assert!(out.starts_with("class A {}\nfunction initSync"));
        assert!(!out.contains("export"));
        assert!(out.contains("atob(\"AGFzbQ==\")"));
        assert!(out.ends_with("await __wbg_init({ module_or_path: wasmBytes });\n"));
    }
}
