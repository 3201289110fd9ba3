//! The project cards: facets and their counts, search in both scripts, sort, the URL as the
//! state (reload, back, forward, nonsense), the empty state and the keyboard.

use super::*;
use fantoccini::key::Key;
use torch2024::embedded::dataset;
use torch2024::i18n::strings;
use torch2024::model::{Lang, MilestoneKind, Sector};
use torch2024::names::Named;
use torch2024::query::url;
use torch2024::query::{Catalog, Filter, Sort};

async fn count_of(ctx: &Ctx<'_>, slug: &str) -> Result<usize, String> {
    let n = text(ctx, &format!(".facet-option[data-key='{slug}'] .count")).await?;
    n.trim()
        .parse()
        .map_err(|_| format!("the count of {slug} is `{n}`"))
}

/// Clicks the facet option `slug` and waits until the cards are the app's answer for `filter`
/// (to which the option has been added) in Traditional Chinese.
async fn toggle_facet(ctx: &Ctx<'_>, slug: &str, filter: &Filter) -> Outcome {
    click(ctx, &format!(".facet-option[data-key='{slug}'] input")).await?;
    wait_card_ids(
        ctx,
        &expected_cards(filter, Lang::Hant),
        &format!("the cards with {slug}"),
    )
    .await
}

pub async fn facets_combine_and_count(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let catalog = Catalog::new(&dataset().projects);
    let mut filter = Filter::default();
    for (kind, n) in catalog.kind_counts(&filter) {
        let got = count_of(ctx, kind.name()).await?;
        expect_eq(&format!("count of {kind:?}"), got, n)?;
    }
    // OR within a facet.
    filter.toggle_kind(MilestoneKind::ConstructionStart);
    toggle_facet(ctx, "construction-start", &filter).await?;
    filter.toggle_kind(MilestoneKind::Completion);
    toggle_facet(ctx, "completion", &filter).await?;
    // AND across facets, with the other facet's counts following.
    for (sector, n) in catalog.sector_counts(&filter) {
        let got = count_of(ctx, sector.name()).await?;
        expect_eq(&format!("count of {sector:?}"), got, n)?;
    }
    filter.toggle_sector(Sector::PublicFacilities);
    toggle_facet(ctx, "public-facilities", &filter).await?;
    let shown = expected_cards(&filter, Lang::Hant).len();
    expect_eq(
        "the result count",
        text(ctx, "#projects .result-count").await?,
        (strings(Lang::Hant).results)(shown, dataset().projects.len()),
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
        wait_card_ids(ctx, &tianma, &format!("`{query}` in {lang}")).await?;
    }
    Ok(())
}

pub async fn sort_orders_the_cards(ctx: &Ctx<'_>) -> Outcome {
    for lang in [Lang::En, Lang::Hant] {
        open(ctx, &format!("?lang={}", lang.tag())).await?;
        for sort in [Sort::Name, Sort::Sector, Sort::Article] {
            let value = sort.name();
            let select = find(ctx, "#projects select").await?;
            select
                .select_by_value(value)
                .await
                .map_err(|e| format!("cannot choose sort {value}: {e}"))?;
            let filter = Filter {
                sort,
                ..Filter::default()
            };
            // Every card in the new order, not just the first.
            wait_card_ids(
                ctx,
                &expected_cards(&filter, lang),
                &format!("sorted by {value} in {}", lang.tag()),
            )
            .await?;
        }
    }
    Ok(())
}

/// Back (or Forward) in the browser's history, until `in_url` (a JS expression about the URL)
/// holds and `cards` cards are shown.
async fn go_through_history(
    ctx: &Ctx<'_>,
    forward: bool,
    in_url: &str,
    cards: usize,
    what: &str,
) -> Outcome {
    let went = if forward {
        ctx.client.forward().await
    } else {
        ctx.client.back().await
    };
    went.map_err(|e| format!("{what}: {e}"))?;
    if let Err(e) = wait_until(ctx, in_url, what).await {
        return Err(format!(
            "{e}; the URL stayed `{}`",
            current_query(ctx).await?
        ));
    }
    wait_cards(ctx, cards).await
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
    mark_page(ctx).await?;
    ctx.client.refresh().await.map_err(|e| e.to_string())?;
    wait_new_page(ctx, "the page reloaded").await?;
    expect_eq("the URL after reload", current_query(ctx).await?, query)?;
    expect_eq("the cards after reload", card_ids(ctx).await?, view)?;
    expect_eq(
        "the search field after reload",
        search_field(ctx).await?,
        json!("基金"),
    )?;
    // Back steps over the typing (one entry) to before the sector, then before the kind.
    let no_sector = "!location.search.includes('sector=')";
    go_through_history(ctx, false, no_sector, landed, "Back to undo the sector").await?;
    let no_kind = "!location.search.includes('kind=')";
    go_through_history(ctx, false, no_kind, all, "Back to undo the kind").await?;
    let kind = "location.search.includes('kind=landed')";
    go_through_history(ctx, true, kind, landed, "Forward to redo the kind").await?;
    let checked = script(
        ctx,
        "return document.querySelector('.facet-option[data-key=\"landed\"] input').checked;",
    )
    .await?;
    expect_eq("the checkbox after Forward", checked, json!(true))
}

pub async fn malformed_urls_fall_back_to_defaults(ctx: &Ctx<'_>) -> Outcome {
    for query in [
        "?kind=bogus&sector=%ZZ&sort=weird&lang=xx&embed=maybe",
        "?q=%E0%A4%A&kind=landed,,landed,nope",
        "?lang=&q=&sort=&&&=&kind",
        "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?sector=finance&sector=finance&sort=NAME&lang=EN",
        "?kind=landed,,landed,nope",
    ] {
        open(ctx, query).await?;
        let errors = probe_errors(ctx).await?;
        expect_eq(&format!("errors with {query}"), errors, json!([]))?;
        // What is usable is kept, the rest falls back: the cards are what the app's own parser
        // makes of the URL (in the page's language, which the browser chose where the URL
        // names none).
        let meant = url::parse(query);
        let lang = page_lang(ctx).await?;
        if let Some(named) = meant.lang {
            expect_eq(&format!("the language of {query}"), lang, named)?;
        }
        let want = expected_cards(&meant.filter, lang);
        wait_card_ids(ctx, &want, &format!("the cards of {query}")).await?;
    }
    open(ctx, "?kind=bogus&sector=%ZZ&sort=weird&lang=xx").await?;
    expect_eq(
        "defaults for nonsense",
        card_ids(ctx).await?.len(),
        dataset().projects.len(),
    )?;
    open(ctx, "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await?;
    let injected = script(
        ctx,
        "return document.querySelectorAll('#projects script').length;",
    )
    .await?;
    expect_eq("URL text rendered as text", injected, json!(0))?;
    expect_eq(
        "URL text in the search field",
        search_field(ctx).await?,
        json!("<script>alert(1)</script>"),
    )?;
    open(ctx, "?kind=landed,,landed,nope").await?;
    wait_until(
        ctx,
        "document.querySelector('.facet-option[data-key=\"landed\"] input').checked",
        "the valid kind kept",
    )
    .await
}

/// In a window narrower than 48rem the facets fold behind one button, which says how many are
/// ticked and unfolds them; a view that arrives with a facet ticked shows them unfolded.
pub async fn facets_fold_on_a_narrow_page(ctx: &Ctx<'_>) -> Outcome {
    keeping_the_window_size(ctx, facets_fold(ctx)).await
}

async fn facets_fold(ctx: &Ctx<'_>) -> Outcome {
    ctx.client
        .set_window_size(500, 800)
        .await
        .map_err(|e| format!("cannot make the window 500×800: {e}"))?;
    open(ctx, "?lang=en").await?;
    let shown = "var f = document.getElementById('facets'); return !!f && f.offsetParent !== null;";
    expect_eq(
        "facets shown at first",
        script(ctx, shown).await?,
        json!(false),
    )?;
    let toggle = "document.querySelector('.facets-toggle')";
    expect_eq(
        "the button's state",
        script(
            ctx,
            &format!("return {toggle}.getAttribute('aria-expanded');"),
        )
        .await?,
        json!("false"),
    )?;
    click(ctx, ".facets-toggle").await?;
    wait_until(
        ctx,
        "document.getElementById('facets').offsetParent !== null",
        "the facets to unfold",
    )
    .await?;
    click(ctx, ".facet-option[data-key='listed'] input").await?;
    wait_until(
        ctx,
        &format!("{toggle}.textContent.trim() === 'Filter (1)' && {toggle}.getAttribute('aria-expanded') === 'true'"),
        "the button to count the ticked facet",
    )
    .await?;
    open(ctx, "?lang=en&kind=award").await?;
    wait_until(
        ctx,
        "document.getElementById('facets').offsetParent !== null && document.querySelector(\".facet-option[data-key='award'] input\").checked",
        "a view with a facet ticked to show the facets unfolded",
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
        message.as_str(),
        strings(Lang::Hant).no_results,
    )?;
    click(ctx, "#projects .empty button").await?;
    wait_cards(ctx, dataset().projects.len()).await?;
    expect_eq(
        "the search field cleared",
        search_field(ctx).await?,
        json!(""),
    )
}

pub async fn keyboard_alone_filters_and_opens_sources(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    install_keyboard_probe(ctx).await?;
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
    let button = "#projects article.card .card-source";
    focus(ctx, button).await?;
    press(ctx, Key::Enter, 1).await?;
    wait_panel(ctx, true, "Enter").await?;
    let focus_inside = script(ctx, "return !!document.activeElement.closest('dialog');").await?;
    expect_eq("focus inside the open panel", focus_inside, json!(true))?;
    escape_closes_the_panel(ctx).await?;
    expect_focus_on(ctx, button, "after Escape").await?;
    // Tab from the control before the search field lands on the search field.
    let from = script(
        ctx,
        "return __kb.focusBefore(document.querySelector('#projects input[type=search]'));",
    )
    .await?;
    let from = from
        .as_str()
        .ok_or("no tab stop before the search field")?
        .to_string();
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(
        ctx,
        "#projects input[type=search]",
        &format!("Tab from {from}"),
    )
    .await
}

/// On a slow network, what a reader types, ticks and opens while the WebAssembly is still on
/// its way is there once the app is live: the text in the field, the cards filtered by it and
/// the facet, and the data table still open (the same element: nothing replaced it).
pub async fn early_input_survives_a_slow_start(ctx: &Ctx<'_>) -> Outcome {
    let url = ctx.server.url_with_slow_wasm("?lang=zh-Hant");
    open_before_the_app(ctx, &url).await?;
    let typed = "天馬";
    find(ctx, "#projects input[type=search]")
        .await?
        .send_keys(typed)
        .await
        .map_err(|e| format!("cannot type into the page that arrived: {e}"))?;
    click(ctx, ".facet-option[data-key='construction-start'] input").await?;
    click(ctx, "details.data-table summary").await?;
    let before = script(
        ctx,
        "window.__openedTable = document.querySelector('details.data-table'); \
         return [window.__openedTable.open, !!document.querySelector('#app[data-ready]')];",
    )
    .await?;
    expect_eq("the data table opened", before[0].clone(), json!(true))?;
    expect(
        &format!(
            "all this done before the app was live (it waits {:?} for its WebAssembly)",
            crate::server::WASM_DELAY
        ),
        before[1] == json!(false),
    )?;
    wait_ready(ctx).await?;
    expect_eq("the search field", search_field(ctx).await?, json!(typed))?;
    let mut filter = Filter {
        text: typed.into(),
        ..Filter::default()
    };
    filter.toggle_kind(MilestoneKind::ConstructionStart);
    wait_card_ids(
        ctx,
        &expected_cards(&filter, Lang::Hant),
        "the cards of what was typed and ticked",
    )
    .await?;
    let checked = script(
        ctx,
        "return document.querySelector('.facet-option[data-key=\"construction-start\"] input').checked;",
    )
    .await?;
    expect_eq(
        "the facet ticked before the app was live",
        checked,
        json!(true),
    )?;
    let table = script(
        ctx,
        "var t = window.__openedTable; \
         return [t.isConnected, t === document.querySelector('details.data-table'), t.open];",
    )
    .await?;
    expect_eq(
        "the data table opened before the app was live: still in the page, the same element, open",
        table,
        json!([true, true, true]),
    )
}

/// Opening a view (a filter, a sort, a search, the embed mode in the URL) adds no entry to the
/// browser's history: Back leaves the page for the one before, as after any page load. An
/// entry added at start would make the reader's first Back do nothing, and, in an iframe, take
/// the host article's Back button.
pub async fn opening_a_view_adds_no_history_entry(ctx: &Ctx<'_>) -> Outcome {
    // In a window of its own, whose history starts empty.
    let first = new_window(ctx).await?;
    let outcome = views_add_no_history_entry(ctx).await;
    outcome.and(close_window(ctx, first).await)
}

async fn views_add_no_history_entry(ctx: &Ctx<'_>) -> Outcome {
    let mut wrong = Vec::new();
    // A page to count from (in a fresh session, the first page replaces the blank one).
    open(ctx, "?lang=en").await?;
    for query in [
        "?lang=zh-Hant",
        "?lang=zh-Hant&kind=landed",
        "?lang=en&sort=name",
        "?lang=en&q=fund",
        "?embed=1",
        "?lang=zh-Hans&embed=1&sector=finance",
    ] {
        let before = script(ctx, "return history.length;").await?;
        open(ctx, query).await?;
        // The app's updates after start (its URL is written then, if at all) are past.
        wait_settled(ctx).await?;
        let after = script(ctx, "return history.length;").await?;
        // Opening the page is one entry; the app's start must add none (`history.length`
        // stops growing at 50 entries, far beyond these).
        if after.as_u64() != before.as_u64().map(|n| n + 1) {
            wrong.push(format!("{query}: {before} entries before, {after} after"));
        }
    }
    expect(
        &format!(
            "one history entry for each page opened (none added by the app's start), but:\n  {}",
            wrong.join("\n  ")
        ),
        wrong.is_empty(),
    )
}

const CHAPTER_LINKS: &str = include_str!("../js/chapter-links.js");
const HISTORY_PROBE: &str = include_str!("../js/history-probe.js");

/// Clicks the chapter's link to `project`, waits until focus is on its card, and checks that
/// the card is within the window.
async fn follow_chapter_link(ctx: &Ctx<'_>, project: &str, when: &str) -> Outcome {
    click(
        ctx,
        &format!(".chapter-projects a[data-project-link='{project}']"),
    )
    .await?;
    let card = format!("article.card#project-{project}");
    wait_until(
        ctx,
        &format!("document.activeElement && document.activeElement.matches({card:?})"),
        &format!("{when}: focus on `{card}` after the chapter's link to it"),
    )
    .await?;
    let at = script(
        ctx,
        "var r = document.activeElement.getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];",
    )
    .await?;
    let (top, bottom, height) = (
        at[0].as_f64().unwrap_or(-1.0),
        at[1].as_f64().unwrap_or(f64::MAX),
        at[2].as_f64().unwrap_or(0.0),
    );
    expect(
        &format!("{when}: the card of {project} within the window, but it is at {top}..{bottom} of {height} px"),
        top >= -1.0 && bottom <= height + 1.0,
    )
}

/// A chapter's link to a project it names leads to the project's card. Each is a link to the
/// card's id, which the page has as it arrives (so it works without JavaScript). With the app
/// live, a click focuses the card, which brings it into view, with no jump in the URL and no
/// entry in the history; a filter that shows the card is kept; one that hides it is cleared
/// (the reader's sort is kept), and the card is focused.
pub async fn chapter_project_link_leads_to_its_card(ctx: &Ctx<'_>) -> Outcome {
    const PROJECT: &str = "hithium-phase-2";
    open(ctx, "?lang=zh-Hant").await?;
    let links = script(ctx, CHAPTER_LINKS).await?;
    let links = links.as_array().cloned().unwrap_or_default();
    expect(
        &format!("a chapter's link to {PROJECT}"),
        links.iter().any(|l| l[0] == json!(PROJECT)),
    )?;
    let wrong: Vec<&Value> = links
        .iter()
        .filter(|l| {
            let id = l[0].as_str().unwrap_or_default();
            l[1] != json!(format!("#project-{id}")) || l[2] != json!(true)
        })
        .collect();
    expect(
        &format!(
            "every chapter's project link to be `#project-<id>`, a card of the page as served; \
             not so ([project, href, a card there]): {wrong:?}"
        ),
        wrong.is_empty(),
    )?;
    // No filter: the card is focused, in view, and the URL and history stay as they were.
    script(ctx, HISTORY_PROBE).await?;
    let before = script(ctx, "return [location.href, history.length, __history];").await?;
    follow_chapter_link(ctx, PROJECT, "with no filter").await?;
    wait_settled(ctx).await?;
    let after = script(ctx, "return [location.href, history.length, __history];").await?;
    expect_eq(
        "the URL and the history after the link ([URL, entries, entries added or changed])",
        after,
        before,
    )?;
    // A filter that shows the card is kept.
    let mut completion = Filter::default();
    completion.toggle_kind(MilestoneKind::Completion);
    let shown = expected_cards(&completion, Lang::Hant);
    expect(
        &format!("{PROJECT} among the completed projects"),
        shown.iter().any(|id| id == PROJECT),
    )?;
    toggle_facet(ctx, "completion", &completion).await?;
    let query = current_query(ctx).await?;
    follow_chapter_link(ctx, PROJECT, "with a filter that shows the card").await?;
    wait_card_ids(ctx, &shown, "the filter that shows the card, kept").await?;
    expect_eq(
        "the URL with a filter that shows the card",
        current_query(ctx).await?,
        query,
    )?;
    // A search and a facet that hide it are cleared; the sort stays.
    click(ctx, ".facet-option[data-key='completion'] input").await?;
    let select = find(ctx, "#projects select").await?;
    select
        .select_by_value(Sort::Name.name())
        .await
        .map_err(|e| format!("cannot choose the sort by name: {e}"))?;
    let typed = "天馬";
    type_search(ctx, typed).await?;
    let mut hiding = Filter {
        text: typed.into(),
        sort: Sort::Name,
        ..Filter::default()
    };
    hiding.toggle_sector(Sector::SemiconductorsDisplays);
    toggle_facet(ctx, Sector::SemiconductorsDisplays.name(), &hiding).await?;
    let hidden = expected_cards(&hiding, Lang::Hant);
    expect(
        &format!("some cards, but not {PROJECT}, for the filter that hides it: {hidden:?}"),
        !hidden.is_empty() && !hidden.iter().any(|id| id == PROJECT),
    )?;
    follow_chapter_link(ctx, PROJECT, "with a filter that hides the card").await?;
    let sorted = Filter {
        sort: Sort::Name,
        ..Filter::default()
    };
    let all = dataset().projects.len();
    wait_card_ids(
        ctx,
        &expected_cards(&sorted, Lang::Hant),
        "every card, still sorted by name, after the link to a hidden card",
    )
    .await?;
    expect_eq(
        "the search field after the link to a hidden card",
        search_field(ctx).await?,
        json!(""),
    )?;
    let controls = script(
        ctx,
        "return [document.querySelectorAll('.facet-option input:checked').length, \
                 document.querySelector('#projects select').value];",
    )
    .await?;
    expect_eq(
        "after the link to a hidden card ([facets checked, sort])",
        controls,
        json!([0, Sort::Name.name()]),
    )?;
    expect_eq(
        "the result count after the link to a hidden card",
        text(ctx, "#projects .result-count").await?,
        (strings(Lang::Hant).results)(all, all),
    )?;
    expect_eq(
        "the view in the URL after the link to a hidden card",
        url::parse(&current_query(ctx).await?).filter,
        sorted,
    )
}
