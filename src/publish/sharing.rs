//! What each page tells the places it is shared in and embedded from: Open Graph and Twitter
//! card tags for link previews, JSON-LD for search engines (the page as a `NewsArticle`, the
//! downloads as a `Dataset`), and, with the site's public address, the canonical and alternate
//! addresses and the oEmbed discovery link; and the oEmbed answer for each page.
//!
//! Without the address ([`Site`]), the tags that need absolute URLs are left out and
//! [`left_out`] says which.

use super::preview;
use super::site::Site;
use crate::model::{Dataset, Lang};
use crate::names::Named;
use crate::ui::embed_code;
use html_escape::encode_double_quoted_attribute as attr;
use serde_json::{json, Value};

/// The data downloads JSON-LD lists, with their types (all in `data/`).
const DOWNLOADS: [(&str, &str); 4] = [
    ("figures.csv", "text/csv"),
    ("figures.json", "application/json"),
    ("projects.csv", "text/csv"),
    ("projects.json", "application/json"),
];
/// The width an embed asks for (it fits any column from 300 px).
const EMBED_WIDTH: u32 = 640;

/// The tags that need the site's address, for the build to say what it left out.
pub fn left_out() -> &'static str {
    "canonical, hreflang alternates, og:url, og:image, twitter:image, the oEmbed link and files"
}

/// The file name of `lang`'s oEmbed answer.
pub fn oembed_name(lang: Lang) -> String {
    format!("oembed-{}.json", lang.tag())
}

/// Open Graph's name for a language.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Hant => "zh_TW",
        Lang::Hans => "zh_CN",
        Lang::En => "en_US",
    }
}

/// The tags for `<head>` of `lang`'s page.
pub fn head(ds: &Dataset, lang: Lang, site: Option<&Site>) -> String {
    let meta = &ds.meta;
    let title = meta.title.get(lang);
    let description = meta.description.get(lang);
    let mut tags = Vec::new();
    let property =
        |name: &str, value: &str| format!(r#"<meta property="{name}" content="{}">"#, attr(value));
    let name =
        |name: &str, value: &str| format!(r#"<meta name="{name}" content="{}">"#, attr(value));
    if let Some(site) = site {
        tags.push(format!(
            r#"<link rel="canonical" href="{}">"#,
            attr(&site.page(lang))
        ));
        for &other in Lang::ALL {
            tags.push(format!(
                r#"<link rel="alternate" hreflang="{}" href="{}">"#,
                other.tag(),
                attr(&site.page(other))
            ));
        }
        tags.push(format!(
            r#"<link rel="alternate" hreflang="x-default" href="{}">"#,
            attr(&site.page(Lang::default()))
        ));
        tags.push(format!(
            r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
            attr(&site.file(&oembed_name(lang))),
            attr(title)
        ));
    }
    tags.push(property("og:type", "article"));
    tags.push(property("og:title", title));
    tags.push(property("og:description", description));
    tags.push(property("og:locale", locale(lang)));
    for &other in Lang::ALL.iter().filter(|&&l| l != lang) {
        tags.push(property("og:locale:alternate", locale(other)));
    }
    tags.push(property("article:published_time", &meta.date));
    tags.push(name("twitter:title", title));
    tags.push(name("twitter:description", description));
    match site {
        Some(site) => {
            let image = site.file(&preview::name(lang));
            let alt = preview::alt(ds, lang);
            tags.push(property("og:url", &site.page(lang)));
            tags.push(property("og:image", &image));
            tags.push(property("og:image:type", "image/png"));
            tags.push(property("og:image:width", &preview::WIDTH.to_string()));
            tags.push(property("og:image:height", &preview::HEIGHT.to_string()));
            tags.push(property("og:image:alt", &alt));
            tags.push(name("twitter:card", "summary_large_image"));
            tags.push(name("twitter:image", &image));
            tags.push(name("twitter:image:alt", &alt));
        }
        // A large-image card needs its image's absolute address.
        None => tags.push(name("twitter:card", "summary")),
    }
    // A data block, not a script: every `<` is escaped, so that no text in it can end the
    // element or open a comment.
    let ld = serde_json::to_string(&json_ld(ds, lang, site))
        .expect("JSON-LD serializes")
        .replace('<', "\\u003c");
    tags.push(format!(
        r#"<script type="application/ld+json">{ld}</script>"#
    ));
    tags.join("\n  ")
}

/// The page as a `NewsArticle` and the downloads as a `Dataset` (schema.org).
fn json_ld(ds: &Dataset, lang: Lang, site: Option<&Site>) -> Value {
    let meta = &ds.meta;
    let authors: Vec<Value> = meta
        .authors
        .iter()
        .map(|a| json!({ "@type": "Person", "name": a.get(lang) }))
        .collect();
    let publisher = meta
        .publisher
        .as_ref()
        .map(|p| json!({ "@type": "Organization", "name": p.get(lang) }));
    let address = |path: &str| site.map_or_else(|| path.to_string(), |s| s.file(path));
    let mut article = json!({
        "@type": "NewsArticle",
        "headline": meta.title.get(lang),
        "description": meta.description.get(lang),
        "datePublished": meta.date,
        "inLanguage": lang.tag(),
        "author": authors,
        "isBasedOn": meta.source.get(lang),
    });
    let mut dataset = json!({
        "@type": "Dataset",
        "name": meta.title.get(lang),
        "description": meta.description.get(lang),
        "inLanguage": lang.tag(),
        "creator": authors,
        "isBasedOn": meta.source.get(lang),
        "distribution": DOWNLOADS.iter().map(|(file, format)| json!({
            "@type": "DataDownload",
            "encodingFormat": format,
            "contentUrl": address(&format!("data/{file}")),
        })).collect::<Vec<_>>(),
    });
    if let Some(publisher) = publisher {
        article["publisher"] = publisher.clone();
        dataset["publisher"] = publisher;
    }
    if let Some(site) = site {
        article["url"] = json!(site.page(lang));
        article["mainEntityOfPage"] = json!(site.page(lang));
        article["image"] = json!({
            "@type": "ImageObject",
            "url": site.file(&preview::name(lang)),
            "width": preview::WIDTH,
            "height": preview::HEIGHT,
        });
        dataset["url"] = json!(site.page(lang));
    }
    json!({ "@context": "https://schema.org", "@graph": [article, dataset] })
}

/// `lang`'s oEmbed answer (oEmbed 1.0, type `rich`): the embed code for its page.
pub fn oembed(ds: &Dataset, lang: Lang, site: &Site) -> String {
    let title = ds.meta.title.get(lang);
    let query = format!("?lang={}", lang.tag());
    let mut answer = json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": ds.meta.publisher.as_ref().map_or(title, |p| p.get(lang)),
        "provider_url": site.page(Lang::default()),
        "html": embed_code::snippet(&site.page(lang), &query, title),
        "width": EMBED_WIDTH,
        "height": embed_code::HEIGHT,
        "thumbnail_url": site.file(&preview::name(lang)),
        "thumbnail_width": preview::WIDTH,
        "thumbnail_height": preview::HEIGHT,
    });
    if let Some(author) = ds.meta.authors.first() {
        answer["author_name"] = json!(author.get(lang));
    }
    serde_json::to_string_pretty(&answer).expect("oEmbed serializes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::dataset;

    fn site() -> Site {
        Site::parse("https://example.org/news/2025/torch/").unwrap()
    }

    #[test]
    fn with_the_address_every_url_is_absolute() {
        let tags = head(dataset(), Lang::En, Some(&site()));
        for want in [
            r#"<link rel="canonical" href="https://example.org/news/2025/torch/en.html">"#,
            r#"<link rel="alternate" hreflang="zh-Hant" href="https://example.org/news/2025/torch/">"#,
            r#"<link rel="alternate" hreflang="x-default" href="https://example.org/news/2025/torch/">"#,
            r#"<meta property="og:image" content="https://example.org/news/2025/torch/preview-en.png">"#,
            r#"<meta property="og:image:width" content="1200">"#,
            r#"<meta name="twitter:card" content="summary_large_image">"#,
            r#"type="application/json+oembed" href="https://example.org/news/2025/torch/oembed-en.json""#,
            r#"<meta property="og:locale:alternate" content="zh_TW">"#,
        ] {
            assert!(tags.contains(want), "{want} not in {tags}");
        }
        let ld = json_ld(dataset(), Lang::En, Some(&site()));
        assert_eq!(ld["@graph"][0]["author"][0]["name"], "Lin Luhong");
        assert_eq!(
            ld["@graph"][1]["distribution"][0]["contentUrl"],
            "https://example.org/news/2025/torch/data/figures.csv"
        );
    }

    #[test]
    fn without_it_what_needs_absolute_urls_is_left_out() {
        let tags = head(dataset(), Lang::Hant, None);
        for gone in [
            "canonical",
            "hreflang",
            "og:image",
            "og:url",
            "oembed",
            "twitter:image",
        ] {
            assert!(!tags.contains(gone), "{gone} in {tags}");
        }
        assert!(tags.contains(r#"<meta property="og:title" content="火炬高新區 數讀2024">"#));
        assert!(tags.contains(r#"<meta name="twitter:card" content="summary">"#));
        assert!(tags.contains(r#"<script type="application/ld+json">{"@context""#));
    }

    #[test]
    fn the_oembed_answer_has_the_fields_of_a_rich_embed() {
        let answer: Value = serde_json::from_str(&oembed(dataset(), Lang::Hans, &site())).unwrap();
        for field in [
            "version",
            "type",
            "html",
            "width",
            "height",
            "title",
            "provider_name",
            "provider_url",
            "thumbnail_url",
            "thumbnail_width",
            "thumbnail_height",
        ] {
            assert!(!answer[field].is_null(), "{field}");
        }
        assert_eq!(answer["type"], "rich");
        assert!(answer["html"]
            .as_str()
            .unwrap()
            .starts_with(r#"<iframe src="https://example.org/news/2025/torch/zh-Hans.html?lang=zh-Hans&amp;embed=1""#));
    }
}
