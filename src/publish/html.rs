//! The few edits `publish` makes to trunk's HTML, as plain string operations on tags.

use crate::model::{Lang, Meta};
use html_escape::{encode_double_quoted_attribute, encode_text};

/// `html` with the edition's title and description (its dek) in `<title>` and
/// `<meta name="description">`, in the page's language, Traditional Chinese; `None` if either
/// element is missing.
pub fn with_title_and_description(html: &str, meta: &Meta) -> Option<String> {
    let html = replace_inner(
        html,
        "<title",
        "</title>",
        &encode_text(meta.title.get(Lang::Hant)),
    )?;
    let (start, end) = find_element(&html, "<meta", "name=\"description\"")?;
    let description = format!(
        "<meta name=\"description\" content=\"{}\">",
        encode_double_quoted_attribute(meta.dek.get(Lang::Hant))
    );
    Some(format!("{}{description}{}", &html[..start], &html[end..]))
}

/// Replaces what lies between the opening tag that starts with `open` and the next `close`.
pub fn replace_inner(html: &str, open: &str, close: &str, inner: &str) -> Option<String> {
    let start = html.find(open)?;
    let content_start = start + html[start..].find('>')? + 1;
    let end = content_start + html[content_start..].find(close)?;
    Some(format!("{}{inner}{}", &html[..content_start], &html[end..]))
}

/// The whole element (`<tag …>…</tag>`, or a void `<tag …>`) whose opening tag starts with
/// `open` and contains `marker`: its byte range.
pub fn find_element(html: &str, open: &str, marker: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = html[from..].find(open) {
        let start = from + i;
        let tag_end = start + html[start..].find('>')? + 1;
        if html[start..tag_end].contains(marker) {
            let name = open.trim_start_matches('<');
            let closing = format!("</{name}>");
            let end = if html[tag_end..].trim_start().starts_with(&closing) || name == "script" {
                tag_end + html[tag_end..].find(&closing)? + closing.len()
            } else {
                tag_end
            };
            return Some((start, end));
        }
        from = tag_end;
    }
    None
}

/// The text of every inline `<script>` (one without `src`).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("<script") {
        let start = from + i;
        let Some(tag_len) = html[start..].find('>') else {
            break;
        };
        let tag_end = start + tag_len + 1;
        let Some(close) = html[tag_end..].find("</script>") else {
            break;
        };
        if !html[start..tag_end].contains(" src=") {
            out.push(&html[tag_end..tag_end + close]);
        }
        from = tag_end + close;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<head><link rel="stylesheet" href="./a.css"><script src="./e.js" defer></script><script type="module">go()</script></head><main id="app" class="x"><p>old</p></main>"#;

    #[test]
    fn replaces_the_app() {
        let out = replace_inner(PAGE, "<main id=\"app\"", "</main>", "<h1>new</h1>").unwrap();
        assert!(out.ends_with(r#"<main id="app" class="x"><h1>new</h1></main>"#));
    }

    #[test]
    fn fills_in_the_title_and_description() {
        let text = |s: &str| crate::model::Text {
            hant: s.into(),
            hans: s.into(),
            en: s.into(),
        };
        let meta = Meta {
            title: text("數讀 <2025>"),
            dek: text("一句 \"話\" & 更多"),
            date: "2026-01-01".into(),
            byline: text("記者"),
            source: text("報道"),
        };
        let page = r#"<head><title>old</title><meta name="description" content="old"></head>"#;
        assert_eq!(
            with_title_and_description(page, &meta).unwrap(),
            r#"<head><title>數讀 &lt;2025&gt;</title><meta name="description" content="一句 &quot;話&quot; &amp; 更多"></head>"#
        );
        assert_eq!(with_title_and_description("<head></head>", &meta), None);
    }

    #[test]
    fn finds_elements_and_inline_scripts() {
        let (s, e) = find_element(PAGE, "<link", "stylesheet").unwrap();
        assert_eq!(&PAGE[s..e], r#"<link rel="stylesheet" href="./a.css">"#);
        let (s, e) = find_element(PAGE, "<script", "e.js").unwrap();
        assert_eq!(&PAGE[s..e], r#"<script src="./e.js" defer></script>"#);
        assert_eq!(inline_scripts(PAGE), vec!["go()"]);
    }
}
