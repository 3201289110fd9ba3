//! The few edits `publish` makes to trunk's HTML, as plain string operations on tags.

use super::PublishError;
use crate::model::{Lang, Meta};
use crate::names::Named;
use crate::query::url::page_href;
use html_escape::{encode_double_quoted_attribute, encode_text};

/// Chooses the reader's page before anything is drawn (see the file).
const WANTED_LANGUAGE: &str = include_str!("wanted-language.js");
const CHOOSE_PAGE: &str = include_str!("choose-page.js");
const CHOOSE_EDITION_PAGE: &str = include_str!("choose-edition-page.js");
const CHARSET: &str = "<meta charset=\"utf-8\">";

/// The error for a piece of trunk's `index.html` that is not there.
fn missing(what: &str) -> PublishError {
    PublishError::Missing {
        file: "index.html".into(),
        what: what.into(),
    }
}

/// The page of `lang`: trunk's `template` with the app rendered in `lang` (`app_html`) in its
/// `<main id="app">`, and the language, title and description (the dek) of that language.
/// Without trunk's preloads of the glue and the WebAssembly: the page is whole without them,
/// so they are fetched when its module script runs, after it is parsed, and do not compete
/// with its first paint.
pub fn page(
    template: &str,
    app_html: &str,
    meta: &Meta,
    lang: Lang,
) -> Result<String, PublishError> {
    let html = replace_inner(template, "<main id=\"app\"", "</main>", app_html)
        .ok_or_else(|| missing("<main id=\"app\"> … </main> to put the page in"))?;
    let opening = format!("<html lang=\"{}\">", Lang::Hant.tag());
    if !html.contains(&opening) {
        return Err(missing(&opening));
    }
    let mut html = html.replacen(&opening, &format!("<html lang=\"{}\">", lang.tag()), 1);
    for preload in ["rel=\"modulepreload\"", "rel=\"preload\""] {
        let (start, end) = find_element(&html, "<link", preload)
            .ok_or_else(|| missing(&format!("<link {preload}>")))?;
        html.replace_range(start..end, "");
    }
    with_title_and_description(&html, meta, lang)
        .ok_or_else(|| missing("<title> and <meta name=\"description\"> to fill in"))
}

/// `html` with the edition's title and description in `lang` in `<title>` and
/// `<meta name="description">`; `None` if either element is missing.
pub fn with_title_and_description(html: &str, meta: &Meta, lang: Lang) -> Option<String> {
    let html = replace_inner(
        html,
        "<title",
        "</title>",
        &encode_text(meta.title.get(lang)),
    )?;
    let (start, end) = find_element(&html, "<meta", "name=\"description\"")?;
    let description = format!(
        "<meta name=\"description\" content=\"{}\">",
        encode_double_quoted_attribute(meta.description.get(lang))
    );
    Some(format!("{}{description}{}", &html[..start], &html[end..]))
}

/// `html` with `tags` at the end of its `<head>`.
pub fn with_head_tags(html: &str, tags: &str) -> Result<String, PublishError> {
    const END: &str = "</head>";
    let at = html.find(END).ok_or_else(|| missing(END))?;
    Ok(format!(
        "{}  {tags}
{}",
        &html[..at],
        &html[at..]
    ))
}

/// A hosted page with the script that sends a reader to the page of their language, first in
/// `<head>` (after `<meta charset>`), before any stylesheet can hold it up.
/// (`<link rel="alternate" hreflang>`, which needs the pages' absolute addresses, comes with
/// the site's address: see `sharing`.)
pub fn with_page_choice(html: &str) -> Result<String, PublishError> {
    let pages: Vec<String> = Lang::ALL
        .iter()
        .map(|&lang| format!("{:?}:{:?}", lang.tag(), page_href(lang)))
        .collect();
    let choice = script(
        &[WANTED_LANGUAGE, CHOOSE_PAGE],
        &format!("choosePage({{{}}});", pages.join(",")),
    );
    let at = html.find(CHARSET).ok_or_else(|| missing(CHARSET))? + CHARSET.len();
    Ok(format!("{}\n  {choice}{}", &html[..at], &html[at..]))
}

/// The one-file edition's script, right after its page: another language's page, if the
/// reader wants one, comes from its template (see `standalone`).
pub fn edition_page_choice() -> String {
    script(
        &[WANTED_LANGUAGE, CHOOSE_EDITION_PAGE],
        "chooseEditionPage();",
    )
}

/// An inline `<script>` of the JavaScript `parts`, then `call`. Their comments (whole lines)
/// are for the source, not for every reader's download.
fn script(parts: &[&str], call: &str) -> String {
    let code: Vec<&str> = parts
        .iter()
        .flat_map(|part| part.lines())
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect();
    format!("<script>{}\n{call}</script>", code.join("\n"))
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
            dek: text("d"),
            description: text("一句 \"話\" & 更多"),
            date: "2026-01-01".into(),
            byline: text("記者"),
            authors: Vec::new(),
            publisher: None,
            source: text("報道"),
        };
        let page = r#"<head><title>old</title><meta name="description" content="old"></head>"#;
        assert_eq!(
            with_title_and_description(page, &meta, Lang::Hant).unwrap(),
            r#"<head><title>數讀 &lt;2025&gt;</title><meta name="description" content="一句 &quot;話&quot; &amp; 更多"></head>"#
        );
        assert_eq!(
            with_title_and_description("<head></head>", &meta, Lang::Hant),
            None
        );
    }

    #[test]
    fn each_language_has_its_page_and_the_hosted_pages_choose() {
        let text = |s: &str| crate::model::Text {
            hant: format!("{s}繁"),
            hans: format!("{s}简"),
            en: format!("{s} en"),
        };
        let meta = Meta {
            title: text("t"),
            dek: text("d"),
            description: text("d"),
            date: "2026-01-01".into(),
            byline: text("b"),
            authors: Vec::new(),
            publisher: None,
            source: text("s"),
        };
        let template = r#"<html lang="zh-Hant"><head><meta charset="utf-8"><title>x</title><meta name="description" content="x"><link rel="modulepreload" href="./a.js"><link rel="preload" href="./a.wasm" as="fetch"></head><main id="app"></main>"#;
        let en = page(template, "<p>app</p>", &meta, Lang::En).unwrap();
        assert!(en.starts_with(r#"<html lang="en"><head>"#), "{en}");
        assert!(!en.contains("preload"), "{en}");
        assert!(
            en.contains("<title>t en</title>") && en.contains(r#"content="d en""#),
            "{en}"
        );
        assert!(en.ends_with(r#"<main id="app"><p>app</p></main>"#), "{en}");
        let hosted = with_page_choice(&en).unwrap();
        let choice = hosted.find("<script>").unwrap();
        assert!(
            hosted.contains(
                r#"choosePage({"zh-Hant":"./","zh-Hans":"zh-Hans.html","en":"en.html"});"#
            ),
            "{hosted}"
        );
        assert!(choice < hosted.find("<title>").unwrap());
        assert!(
            !hosted.contains("hreflang"),
            "no relative hreflang: {hosted}"
        );
        assert!(page("<html><head></head></html>", "", &meta, Lang::En).is_err());
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
