//! The three languages, each a page of its own: by URL and by the switch (links to the other
//! pages, which carry the view), no text of another language left, numbers written as each
//! language's readers expect.

use super::*;
use dataset::load::hans::traditional_only_chars;
use torch2024::embedded::dataset;
use torch2024::model::{Lang, MilestoneKind};
use torch2024::query::url::{self, UrlState};
use torch2024::query::{Filter, Sort};

/// The page's visible text, leaving out the language switch (each link is in its own
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

/// The page is `tag`'s, whole: its language, one page (the one the build rendered, adopted in
/// place), its title, its current language link, no text of another language, and its figures
/// as its readers write them.
async fn expect_language(ctx: &Ctx<'_>, tag: &str) -> Outcome {
    wait_until(
        ctx,
        &format!("document.documentElement.lang == {tag:?}"),
        &format!("<html lang={tag}>"),
    )
    .await?;
    // One page in the app's root, in the document's language: the language page the build
    // rendered, not a copy of it.
    let one_page = script(
        ctx,
        "return document.querySelectorAll('main').length == 1 && \
            document.querySelectorAll('#app > .page').length == 1 && \
            document.querySelector('#app > .page').lang == document.documentElement.lang;",
    )
    .await?;
    expect(
        "one <main> holding one page, whose lang is the document's",
        one_page.as_bool() == Some(true),
    )?;
    let current = script(
        ctx,
        "return Array.from(document.querySelectorAll('.lang-switch a[aria-current=page]')).map(a => a.dataset.lang);",
    )
    .await?;
    expect_eq("the language link marked current", current, json!([tag]))?;
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
    match lang {
        Lang::Hans => {
            let left = traditional_only_chars(&visible);
            expect(
                &format!("no Traditional-only characters in the Simplified view, found {left:?}"),
                left.is_empty(),
            )?;
        }
        Lang::En => {
            let left = han(&visible);
            expect(
                &format!("no Chinese characters in the English view, found {left:?}"),
                left.is_empty(),
            )?;
            let over = text(ctx, ".tile[data-figure='landed-investment']").await?;
            expect(&format!("`over` kept in `{over}`"), over.contains("over"))?;
        }
        Lang::Hant => {}
    }
    // Figures as each language's readers write them (the tile's text, as a reader copies it;
    // for a figure on a chart, its data table's).
    let figures: &[(&str, &str)] = match lang {
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
            ("land-put-back-to-use", "603 mu (40.2 ha)"),
            ("talent-apartment-area", "130,000m²"),
        ],
    };
    for &(id, want) in figures {
        let shown = script(
            ctx,
            &format!(
                "var e = document.querySelector(\".tile[data-figure='{id}'] .tile-value\") \
                   || document.querySelector(\".data-table tr[data-figure='{id}'] .value\"); \
                 return e ? e.textContent : null;"
            ),
        )
        .await?;
        expect_eq(
            &format!("the value of {id}, on its tile or in its data table"),
            shown,
            json!(want),
        )?;
    }
    Ok(())
}

/// Each language's page, by `?lang=`, is wholly in its language, its own link marked current.
pub async fn each_language_by_url(ctx: &Ctx<'_>) -> Outcome {
    for tag in ["zh-Hant", "zh-Hans", "en"] {
        open(ctx, &format!("?lang={tag}")).await?;
        expect_language(ctx, tag).await?;
    }
    Ok(())
}

/// The view as the URL `query` holds it.
fn view_of(query: &str) -> UrlState {
    url::parse(query)
}

/// Following a language link, by a reader scrolled into a section, loads that language's page
/// (a navigation, not a change in place) with the filter of the page before, at the same
/// section; and the new page is wholly in its language.
pub async fn switch_changes_every_text_and_keeps_the_view(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant&kind=landed").await?;
    let mut filter = Filter::default();
    filter.toggle_kind(MilestoneKind::Landed);
    let cards = card_ids(ctx).await?;
    expect_eq(
        "the cards of kind=landed",
        cards.clone(),
        expected_cards(&filter, Lang::Hant),
    )?;
    const SECTION: &str = "section-innovators";
    for tag in ["zh-Hans", "en", "zh-Hant"] {
        let lang = lang_of(tag).ok_or_else(|| format!("no language {tag}"))?;
        // The reader is 100 px into a section.
        script(
            ctx,
            &format!(
                "var s = document.getElementById('{SECTION}'); \
                 window.scrollTo(0, s.getBoundingClientRect().top + window.scrollY + 100);"
            ),
        )
        .await?;
        let link = find(ctx, &format!(".lang-switch a[data-lang='{tag}']")).await?;
        mark_page(ctx).await?;
        // A script click (a WebDriver click would first scroll the link, at the top, into
        // view), which gives the address the link was followed to and what was in view.
        let followed = script_on(
            ctx,
            "var a = arguments[0]; \
             var near = Array.from(document.querySelectorAll('#app section[id]')) \
               .map(s => [s.id, s.getBoundingClientRect()]).filter(([, r]) => r.top < 300 && r.bottom > -300) \
               .map(([id, r]) => id + ' ' + Math.round(r.top) + '..' + Math.round(r.bottom)); \
             a.click(); return [a.getAttribute('href'), window.scrollY, near.join(', ')];",
            &link,
        )
        .await?;
        let href = followed[0].as_str().unwrap_or_default();
        expect(
            &format!(
                "the {tag} link followed to the section in view, but it led to `{href}` \
                 (scrolled to {}; sections near the top: {})",
                followed[1], followed[2]
            ),
            href.ends_with(&format!("#{SECTION}")),
        )?;
        wait_new_page(ctx, &format!("the {tag} page after its link")).await?;
        let at = script(ctx, "return [location.pathname, location.hash];").await?;
        expect_eq(
            &format!("where the {tag} link led"),
            at,
            json!([page_path(lang), format!("#{SECTION}")]),
        )?;
        let view = view_of(&current_query(ctx).await?);
        expect_eq("the language in the URL", view.lang, Some(lang))?;
        expect_eq("the filter in the URL", view.filter, filter.clone())?;
        wait_card_ids(ctx, &cards, &format!("the filter kept in {tag}")).await?;
        wait_until(
            ctx,
            &format!(
                "Math.abs(document.getElementById('{SECTION}').getBoundingClientRect().top) < 20"
            ),
            &format!("the section that was in view, at the top of the {tag} page"),
        )
        .await?;
        expect_language(ctx, tag).await?;
    }
    Ok(())
}

/// The language links carry the view: on a filtered, sorted page with a search typed, each
/// link names its language's page with `lang=` and the same filter, search and sort; following
/// the English one shows the same cards (in the English order of names) with the same controls.
pub async fn switch_carries_the_view(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant&kind=landed&sort=name").await?;
    let typed = "基金";
    type_search(ctx, typed).await?;
    let mut filter = Filter {
        text: typed.into(),
        sort: Sort::Name,
        ..Filter::default()
    };
    filter.toggle_kind(MilestoneKind::Landed);
    let here = expected_cards(&filter, Lang::Hant);
    expect(
        &format!("several cards for the view, got {here:?}"),
        here.len() >= 2,
    )?;
    wait_card_ids(ctx, &here, "the cards of the search").await?;
    const LINKS: &str = "Array.from(document.querySelectorAll('.lang-switch a[data-lang]'))";
    wait_until(
        ctx,
        &format!("{LINKS}.length == 3 && {LINKS}.every(a => new URL(a.href).searchParams.get('q') == {typed:?})"),
        "the search in every language link",
    )
    .await?;
    let links = script(
        ctx,
        &format!("return {LINKS}.map(a => {{ var u = new URL(a.href); return [a.dataset.lang, u.pathname, u.search, u.hash]; }});"),
    )
    .await?;
    for link in links.as_array().cloned().unwrap_or_default() {
        let part = |i: usize| link[i].as_str().unwrap_or_default().to_string();
        let lang = lang_of(&part(0)).ok_or_else(|| format!("a link to language `{}`", part(0)))?;
        let what = format!("the {} link ({}{})", lang.tag(), part(1), part(2));
        expect_eq(&format!("{what}: its page"), part(1), page_path(lang))?;
        expect_eq(
            &format!("{what}: the view it carries"),
            view_of(&part(2)),
            UrlState {
                filter: filter.clone(),
                lang: Some(lang),
                embed: false,
            },
        )?;
        expect_eq(
            &format!("{what}: no section before it is followed"),
            part(3),
            String::new(),
        )?;
    }
    mark_page(ctx).await?;
    click(ctx, ".lang-switch a[data-lang='en']").await?;
    wait_new_page(ctx, "the English page after its link").await?;
    landed_on(
        ctx,
        Lang::En,
        &url::to_query(&UrlState {
            filter: filter.clone(),
            lang: Some(Lang::En),
            embed: false,
        }),
        "the English link",
    )
    .await?;
    let there = expected_cards(&filter, Lang::En);
    let (mut a, mut b) = (here.clone(), there.clone());
    a.sort();
    b.sort();
    expect_eq("the same projects in both languages", a, b)?;
    wait_card_ids(
        ctx,
        &there,
        "the same cards on the English page, by English name",
    )
    .await?;
    expect_eq("the search field", search_field(ctx).await?, json!(typed))?;
    let controls = script(
        ctx,
        "return [document.querySelector('#projects select').value, \
                 document.querySelector('.facet-option[data-key=\"landed\"] input').checked];",
    )
    .await?;
    expect_eq("the sort and the facet", controls, json!(["name", true]))
}

/// The path of the page a language's reader lands on.
fn page_path(lang: Lang) -> String {
    format!("{}{}", crate::PREFIX, page_file(lang))
}

/// Where the reader is and in which language the page is, once the app is live: `lang`'s page,
/// showing the view `query` asks for (the URL may name it in canonical form: `zh-Hans` for
/// `zh-CN`, and the page's language where `query` names none).
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
    // The URL may name the page's language where the query named none.
    let shown = current_query(ctx).await?;
    let with_lang = |query: &str| UrlState {
        lang: view_of(query).lang.or(Some(lang)),
        ..view_of(query)
    };
    expect_eq(
        &format!("{what}: the view it carries (the URL is `{shown}`)"),
        with_lang(&shown),
        with_lang(query),
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
