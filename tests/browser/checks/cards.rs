//! The project cards: facets and their counts, search in both scripts, sort, the URL as the
//! state (reload, back, forward, nonsense), the empty state and the keyboard.

use super::*;
use fantoccini::key::Key;
use torch2024::embedded::dataset;
use torch2024::model::{Lang, MilestoneKind, Sector};
use torch2024::query::{Catalog, Filter, Sort};

fn catalog() -> Catalog {
    Catalog::new(&dataset().projects)
}

fn ids(indices: Vec<usize>) -> Vec<String> {
    indices
        .into_iter()
        .map(|i| dataset().projects[i].id.clone())
        .collect()
}

async fn count_of(ctx: &Ctx<'_>, slug: &str) -> Result<usize, String> {
    let n = text(ctx, &format!(".facet-option[data-key='{slug}'] .count")).await?;
    n.trim()
        .parse()
        .map_err(|_| format!("the count of {slug} is `{n}`"))
}

async fn wait_cards(ctx: &Ctx<'_>, n: usize) -> Outcome {
    wait_until(
        ctx,
        &format!("document.querySelectorAll('#projects article.card').length == {n}"),
        &format!("{n} cards"),
    )
    .await
}

async fn type_search(ctx: &Ctx<'_>, text: &str) -> Outcome {
    let input = find(ctx, "#projects input[type=search]").await?;
    input.clear().await.map_err(|e| e.to_string())?;
    input
        .send_keys(text)
        .await
        .map_err(|e| format!("cannot type `{text}`: {e}"))
}

pub async fn facets_combine_and_count(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let catalog = catalog();
    let mut filter = Filter::default();
    for (kind, n) in catalog.kind_counts(&filter) {
        expect_eq(
            &format!("count of {kind:?}"),
            count_of(ctx, torch2024::query::url::kind_slug(kind)).await?,
            n,
        )?;
    }
    // OR within a facet.
    click(ctx, ".facet-option[data-key='construction-start'] input").await?;
    click(ctx, ".facet-option[data-key='completion'] input").await?;
    filter.toggle_kind(MilestoneKind::ConstructionStart);
    filter.toggle_kind(MilestoneKind::Completion);
    let want = ids(catalog.select(&filter, Lang::Hant));
    wait_cards(ctx, want.len()).await?;
    expect_eq("starts or completions", card_ids(ctx).await?, want)?;
    // AND across facets, with the other facet's counts following.
    for (sector, n) in catalog.sector_counts(&filter) {
        expect_eq(
            &format!("count of {sector:?}"),
            count_of(ctx, torch2024::query::url::sector_slug(sector)).await?,
            n,
        )?;
    }
    click(ctx, ".facet-option[data-key='public-facilities'] input").await?;
    filter.toggle_sector(Sector::PublicFacilities);
    let want = ids(catalog.select(&filter, Lang::Hant));
    wait_cards(ctx, want.len()).await?;
    expect_eq(
        "(starts or completions) and public facilities",
        card_ids(ctx).await?,
        want.clone(),
    )?;
    let status = text(ctx, "#projects .result-count").await?;
    expect(
        &format!("the count `{status}` to say {}", want.len()),
        status.contains(&format!(" {} ", want.len())),
    )
}

pub async fn search_works_across_scripts(ctx: &Ctx<'_>) -> Outcome {
    let tianma: Vec<String> = dataset()
        .projects
        .iter()
        .filter(|p| p.name.hant.contains("天馬"))
        .map(|p| p.id.clone())
        .collect();
    expect("three Tianma projects in the data", tianma.len() == 3)?;
    for (query, lang) in [
        ("天马", "zh-Hans"),
        ("天馬", "zh-Hant"),
        ("天马", "zh-Hant"),
        ("Tianma", "en"),
    ] {
        open(ctx, &format!("?lang={lang}")).await?;
        type_search(ctx, query).await?;
        wait_cards(ctx, 3).await?;
        expect_eq(
            &format!("`{query}` in {lang}"),
            card_ids(ctx).await?,
            tianma.clone(),
        )?;
    }
    Ok(())
}

pub async fn sort_orders_the_cards(ctx: &Ctx<'_>) -> Outcome {
    for lang in [Lang::En, Lang::Hant] {
        open(ctx, &format!("?lang={}", lang.tag())).await?;
        for (value, sort) in [
            ("name", Sort::Name),
            ("sector", Sort::Sector),
            ("article", Sort::Article),
        ] {
            let select = find(ctx, "#projects select").await?;
            select
                .select_by_value(value)
                .await
                .map_err(|e| format!("cannot choose sort {value}: {e}"))?;
            let want = ids(catalog().select(
                &Filter {
                    sort,
                    ..Filter::default()
                },
                lang,
            ));
            wait_until(
                ctx,
                &format!(
                    "document.querySelector('#projects article.card').dataset.project == {:?}",
                    want[0]
                ),
                "the sorted cards",
            )
            .await?;
            expect_eq(
                &format!("sorted by {value} in {}", lang.tag()),
                card_ids(ctx).await?,
                want,
            )?;
        }
    }
    Ok(())
}

pub async fn url_keeps_the_view_through_reload_back_and_forward(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let all = dataset().projects.len();
    click(ctx, ".facet-option[data-key='landed'] input").await?;
    wait_until(
        ctx,
        "location.search.includes('kind=landed')",
        "kind=landed in the URL",
    )
    .await?;
    let landed = card_ids(ctx).await?.len();
    click(ctx, ".facet-option[data-key='finance'] input").await?;
    wait_until(
        ctx,
        "location.search.includes('sector=finance')",
        "sector=finance in the URL",
    )
    .await?;
    type_search(ctx, "基金").await?;
    wait_until(
        ctx,
        "location.search.includes('q=')",
        "the search in the URL",
    )
    .await?;
    let view = card_ids(ctx).await?;
    let query = current_query(ctx).await?;
    ctx.client.refresh().await.map_err(|e| e.to_string())?;
    wait_ready(ctx).await?;
    expect_eq("the URL after reload", current_query(ctx).await?, query)?;
    expect_eq("the cards after reload", card_ids(ctx).await?, view.clone())?;
    let value = script(
        ctx,
        "return document.querySelector('#projects input[type=search]').value;",
    )
    .await?;
    expect_eq("the search field after reload", value, json!("基金"))?;
    // Back steps over the typing (one entry) to before the sector, then before the kind.
    ctx.client.back().await.map_err(|e| e.to_string())?;
    wait_until(
        ctx,
        "!location.search.includes('sector=')",
        "Back to undo the sector",
    )
    .await?;
    wait_cards(ctx, landed).await?;
    ctx.client.back().await.map_err(|e| e.to_string())?;
    wait_until(
        ctx,
        "!location.search.includes('kind=')",
        "Back to undo the kind",
    )
    .await?;
    wait_cards(ctx, all).await?;
    ctx.client.forward().await.map_err(|e| e.to_string())?;
    wait_until(
        ctx,
        "location.search.includes('kind=landed')",
        "Forward to redo the kind",
    )
    .await?;
    wait_cards(ctx, landed).await?;
    let checked = script(
        ctx,
        "return document.querySelector('.facet-option[data-key=\"landed\"] input').checked;",
    )
    .await?;
    expect_eq("the checkbox after Forward", checked, json!(true))
}

pub async fn malformed_urls_fall_back_to_defaults(ctx: &Ctx<'_>) -> Outcome {
    let all = dataset().projects.len();
    for query in [
        "?kind=bogus&sector=%ZZ&sort=weird&lang=xx&embed=maybe",
        "?q=%E0%A4%A&kind=landed,,landed,nope",
        "?lang=&q=&sort=&&&=&kind",
        "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?sector=finance&sector=finance&sort=NAME&lang=EN",
    ] {
        open(ctx, query).await?;
        let errors = probe_errors(ctx).await?;
        expect_eq(&format!("errors with {query}"), errors, json!([]))?;
        let n = card_ids(ctx).await?.len();
        expect(&format!("a sane page with {query} ({n} cards)"), n <= all)?;
    }
    open(ctx, "?kind=bogus&sector=%ZZ&sort=weird&lang=xx").await?;
    expect_eq("defaults for nonsense", card_ids(ctx).await?.len(), all)?;
    open(ctx, "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await?;
    let injected = script(
        ctx,
        "return document.querySelectorAll('#projects script').length;",
    )
    .await?;
    expect_eq("URL text rendered as text", injected, json!(0))?;
    open(ctx, "?kind=landed,,landed,nope").await?;
    wait_until(
        ctx,
        "document.querySelector('.facet-option[data-key=\"landed\"] input').checked",
        "the valid kind kept",
    )
    .await
}

pub async fn empty_result_offers_a_reset(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    type_search(ctx, "沒有這個項目zzz").await?;
    wait_cards(ctx, 0).await?;
    let message = text(ctx, "#projects .empty p").await?;
    expect_eq(
        "the empty message",
        message,
        "沒有符合條件的項目。".to_string(),
    )?;
    click(ctx, "#projects .empty button").await?;
    wait_cards(ctx, dataset().projects.len()).await?;
    let value = script(
        ctx,
        "return document.querySelector('#projects input[type=search]').value;",
    )
    .await?;
    expect_eq("the search field cleared", value, json!(""))
}

pub async fn keyboard_alone_filters_and_opens_sources(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    // Space on a focused checkbox toggles it.
    let checkbox = find(ctx, ".facet-option[data-key='listed'] input").await?;
    script_on(ctx, "arguments[0].focus();", &checkbox).await?;
    checkbox.send_keys(" ").await.map_err(|e| e.to_string())?;
    wait_until(
        ctx,
        "location.search.includes('kind=listed')",
        "Space to toggle the facet",
    )
    .await?;
    wait_cards(ctx, 1).await?;
    // Enter on the card's source button opens the panel; Escape closes it; focus returns.
    let button = find(ctx, "#projects article.card .link-button").await?;
    script_on(ctx, "arguments[0].focus();", &button).await?;
    button
        .send_keys(&Key::Enter.to_string())
        .await
        .map_err(|e| e.to_string())?;
    wait_until(
        ctx,
        "document.querySelector('dialog.source-dialog').open",
        "Enter to open the panel",
    )
    .await?;
    let focus_inside = script(ctx, "return !!document.activeElement.closest('dialog');").await?;
    expect_eq("focus inside the open panel", focus_inside, json!(true))?;
    escape_closes_the_panel(ctx).await?;
    let back = script(ctx, "return document.activeElement.classList.contains('link-button') && !!document.activeElement.closest('article.card');").await?;
    expect_eq("focus back on the card's button", back, json!(true))?;
    // Tab reaches the search field from the facets' neighbour.
    let focusable = script(
        ctx,
        "return Array.from(document.querySelectorAll('a[href], button, input, select')).filter(e => !e.disabled && e.tabIndex >= 0 && e.offsetParent !== null).length;",
    )
    .await?;
    expect(
        &format!("controls reachable by Tab ({focusable})"),
        focusable.as_u64().unwrap_or(0) > 20,
    )
}
