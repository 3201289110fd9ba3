//! The one-file edition: the page with its CSS, chart pictures, the wasm-bindgen glue and the
//! WebAssembly (as base64) inlined, so it opens from disk, as an attachment or in a CMS.

use super::html::find_element;
use super::PublishError;
use base64::Engine;
use std::collections::BTreeMap;
use std::path::Path;

/// The single file in `dist` whose name starts with `prefix` and ends with `suffix`.
fn asset(dist: &Path, prefix: &str, suffix: &str) -> Result<(String, Vec<u8>), PublishError> {
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

/// `pictures` as data URIs: swapped in for their paths in `html`, and listed by name in a
/// `<script id="pictures">` for the app (see `ui::pictures`).
fn inline_pictures(html: &mut String, pictures: &[(String, String)]) -> Result<(), PublishError> {
    let mut by_name = BTreeMap::new();
    for (name, svg) in pictures {
        let uri = format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg)
        );
        *html = html.replace(&format!("charts/{name}"), &uri);
        by_name.insert(name.as_str(), uri);
    }
    let json = serde_json::to_string(&by_name).expect("names and URIs serialize");
    let at = html.rfind("</body>").ok_or_else(|| missing("</body>"))?;
    html.insert_str(
        at,
        &format!("<script type=\"application/json\" id=\"pictures\">{json}</script>\n"),
    );
    Ok(())
}

/// The one-file edition of `page`, with the assets of `dist` and the `pictures` inlined.
pub fn assemble(
    dist: &Path,
    page: &str,
    pictures: &[(String, String)],
) -> Result<String, PublishError> {
    const HTML: &str = "<html lang=\"zh-Hant\">";
    if !page.contains(HTML) {
        return Err(missing(HTML));
    }
    let mut html = page.replacen(
        HTML,
        "<html lang=\"zh-Hant\" data-edition=\"standalone\">",
        1,
    );
    inline_pictures(&mut html, pictures)?;
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
    swap(&mut html, "<link", "rel=\"modulepreload\"", "")?;
    swap(&mut html, "<link", "rel=\"preload\"", "")?;
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
