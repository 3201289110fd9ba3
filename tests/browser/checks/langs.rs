//! The three languages: by URL and by the switch, no text of another language left, numbers
//! written as each language's readers expect.

use super::*;
use dataset::load::hans::traditional_only_chars;
use torch2024::embedded::dataset;
use torch2024::model::Lang;

/// The page's visible text, leaving out the language switch (each button is in its own
/// language) and anything marked with another `lang`.
const VISIBLE_TEXT: &str = include_str!("../js/visible-text.js");

fn han(text: &str) -> Vec<char> {
    let mut found: Vec<char> = text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect();
    found.dedup();
    found
}

async fn expect_language(ctx: &Ctx<'_>, tag: &str) -> Outcome {
    wait_until(
        ctx,
        &format!("document.documentElement.lang == {tag:?}"),
        &format!("<html lang={tag}>"),
    )
    .await?;
    // The page rendered at build time is gone, and the app's root says the same language.
    let one_page = script(
        ctx,
        "return document.querySelectorAll('main').length == 1 && \
            document.querySelector('#app .page').lang == document.documentElement.lang;",
    )
    .await?;
    expect(
        "one <main>, whose page has the document's lang",
        one_page.as_bool() == Some(true),
    )?;
    let visible = script(ctx, VISIBLE_TEXT)
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string();
    let lang = lang_of(tag).ok_or_else(|| format!("no language {tag}"))?;
    expect_eq(
        "the title",
        text(ctx, "#app h1").await?,
        dataset().meta.title.get(lang).to_string(),
    )?;
    // Figures as each language's readers write them.
    let tiles: &[(&str, &str)] = match lang {
        Lang::Hant => &[
            ("fixed-asset-investment", "477.34億元"),
            ("landed-investment", "超400億元"),
        ],
        Lang::Hans => &[
            ("fixed-asset-investment", "477.34亿元"),
            ("foreign-capital-received", "约3.71亿美元"),
        ],
        Lang::En => &[
            ("fixed-asset-investment", "CNY47.734billion"),
            ("land-put-back-to-use", "603mu (40.2 ha)"),
        ],
    };
    for &(id, want) in tiles {
        let shown = text(ctx, &format!(".tile[data-figure='{id}'] .tile-value")).await?;
        expect_eq(&format!("the value of tile {id}"), shown.as_str(), want)?;
    }
    match lang {
        Lang::Hans => {
            let left = traditional_only_chars(&visible);
            expect(
                &format!("no Traditional-only characters in the Simplified view, found {left:?}"),
                left.is_empty(),
            )
        }
        Lang::En => {
            let left = han(&visible);
            expect(
                &format!("no Chinese characters in the English view, found {left:?}"),
                left.is_empty(),
            )?;
            let over = text(ctx, ".tile[data-figure='landed-investment']").await?;
            expect(&format!("`over` kept in `{over}`"), over.contains("over"))
        }
        Lang::Hant => Ok(()),
    }
}

pub async fn each_language_by_url(ctx: &Ctx<'_>) -> Outcome {
    for tag in ["zh-Hant", "zh-Hans", "en"] {
        open(ctx, &format!("?lang={tag}")).await?;
        expect_language(ctx, tag).await?;
        let pressed = script(
            ctx,
            "return document.querySelector('.lang-switch [aria-pressed=true]').dataset.lang;",
        )
        .await?;
        expect_eq("the pressed language button", pressed, json!(tag))?;
    }
    Ok(())
}

pub async fn switch_changes_every_text_and_keeps_the_view(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant&kind=landed").await?;
    let cards = card_ids(ctx).await?;
    script(
        ctx,
        "document.getElementById('section-innovators').scrollIntoView();",
    )
    .await?;
    const TOP: &str = "return Math.round(document.getElementById('section-innovators').getBoundingClientRect().top);";
    for tag in ["zh-Hans", "en", "zh-Hant"] {
        let before = script(ctx, TOP).await?.as_f64().unwrap_or(0.0);
        // A reader who scrolled keeps their place: the section in view stays where it was.
        let button = find(ctx, &format!(".lang-switch [data-lang='{tag}']")).await?;
        script_on(ctx, "arguments[0].click();", &button).await?;
        expect_language(ctx, tag).await?;
        expect(
            "the language in the URL",
            current_query(ctx).await?.contains(&format!("lang={tag}")),
        )?;
        expect_eq("the filter kept", card_ids(ctx).await?, cards.clone())?;
        wait_until(ctx, &format!("Math.abs(document.getElementById('section-innovators').getBoundingClientRect().top - {before}) < 20"), "the section in view to stay in place").await?;
    }
    Ok(())
}

/// The path of the page a language's reader lands on.
fn page_path(lang: Lang) -> String {
    format!("{}{}", crate::PREFIX, page_file(lang))
}

/// Where the reader is and in which language the page is, once the app is live.
async fn landed_on(ctx: &Ctx<'_>, lang: Lang, query: &str, what: &str) -> Outcome {
    let path = script(ctx, "return location.pathname;").await?;
    expect_eq(
        &format!("{what}: the page"),
        path.as_str().unwrap_or_default(),
        page_path(lang).as_str(),
    )?;
    expect_eq(
        &format!("{what}: its language"),
        page_lang(ctx).await?,
        lang,
    )?;
    expect_eq(
        &format!("{what}: the view it carries"),
        current_query(ctx).await?,
        query.to_string(),
    )
}

/// `?lang=` and, when the URL names no language, the browser's languages lead to the page of
/// that language, with the rest of the URL; an embedded page without `lang` keeps its own.
pub async fn lang_and_browser_lead_to_the_language_page(ctx: &Ctx<'_>) -> Outcome {
    let index = ctx.server.base.as_str();
    for (query, lang) in [
        ("?lang=en&kind=landed", Lang::En),
        ("?lang=zh-CN&q=%E5%A4%A9%E9%A6%AC", Lang::Hans),
        ("?lang=zh-Hant", Lang::Hant),
    ] {
        open_at(ctx, &format!("{index}{query}")).await?;
        landed_on(ctx, lang, query, query).await?;
    }
    open_at(ctx, &format!("{}en.html?lang=zh-Hans", ctx.server.base)).await?;
    landed_on(ctx, Lang::Hans, "?lang=zh-Hans", "en.html?lang=zh-Hans").await?;
    // No `lang`: the browser's languages decide.
    open_at(ctx, index).await?;
    let tags = script(ctx, "return Array.from(navigator.languages || []);").await?;
    let tags: Vec<String> = serde_json::from_value(tags).map_err(|e| e.to_string())?;
    landed_on(
        ctx,
        Lang::for_browser(&tags),
        "",
        &format!("a browser preferring {tags:?}"),
    )
    .await?;
    // Embedded and naming no language: the page stays what it is.
    open_at(ctx, &format!("{index}?embed=1")).await?;
    landed_on(ctx, Lang::Hant, "?embed=1", "embedded, no lang").await
}
