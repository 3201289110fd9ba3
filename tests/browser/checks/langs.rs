//! The three languages: by URL and by the switch, no text of another language left, numbers
//! written as each language's readers expect.

use super::*;
use torch2024::dataset::hans::traditional_only_chars;
use torch2024::embedded::dataset;

/// The page's visible text, leaving out the language switch (each button is in its own
/// language) and anything marked with another `lang`.
const VISIBLE_TEXT: &str = "
    var clone = document.querySelector('#app').cloneNode(true);
    clone.querySelectorAll('.lang-switch, dialog').forEach(e => e.remove());
    var page = document.documentElement.lang;
    clone.querySelectorAll('[lang]').forEach(e => { if (e.lang !== page) e.remove(); });
    clone.querySelectorAll('input').forEach(e => e.remove());
    return clone.textContent + ' ' + document.title + ' ' +
        Array.from(document.querySelectorAll('#app input[placeholder]')).map(e => e.placeholder).join(' ');";

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
    let ds = dataset();
    let fixed = |id: &str| {
        let css = format!(".tile[data-figure='{id}'] .tile-value");
        async move { text(ctx, &css).await }
    };
    match tag {
        "zh-Hant" => {
            expect_eq(
                "the title",
                text(ctx, "#app h1").await?,
                ds.meta.title.hant.clone(),
            )?;
            expect_eq(
                "477.34億元",
                fixed("fixed-asset-investment").await?,
                "477.34億元".to_string(),
            )?;
            expect_eq(
                "超400億元",
                fixed("landed-investment").await?,
                "超400億元".to_string(),
            )?;
        }
        "zh-Hans" => {
            let left = traditional_only_chars(&visible);
            expect(
                &format!("no Traditional-only characters in the Simplified view, found {left:?}"),
                left.is_empty(),
            )?;
            expect_eq(
                "the title",
                text(ctx, "#app h1").await?,
                "火炬高新区 数读2024".to_string(),
            )?;
            expect_eq(
                "477.34亿元",
                fixed("fixed-asset-investment").await?,
                "477.34亿元".to_string(),
            )?;
            expect_eq(
                "约3.71亿美元",
                fixed("foreign-capital-received").await?,
                "约3.71亿美元".to_string(),
            )?;
        }
        _ => {
            let left = han(&visible);
            expect(
                &format!("no Chinese characters in the English view, found {left:?}"),
                left.is_empty(),
            )?;
            expect_eq(
                "the title",
                text(ctx, "#app h1").await?,
                ds.meta.title.en.clone(),
            )?;
            expect_eq(
                "CNY 47.734 billion",
                fixed("fixed-asset-investment").await?,
                "CNY47.734billion".to_string(),
            )?;
            let over = text(ctx, ".tile[data-figure='landed-investment']").await?;
            expect(&format!("`over` kept in `{over}`"), over.contains("over"))?;
            expect_eq(
                "603 mu",
                fixed("land-put-back-to-use").await?,
                "603mu (40.2 ha)".to_string(),
            )?;
        }
    }
    Ok(())
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
