//! The infographic: title, sections, tiles, charts, source panels, chart-to-card links, and a
//! clean console.

use super::*;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use torch2024::charts::{link_label, rows};
use torch2024::embedded::dataset;
use torch2024::i18n::strings;
use torch2024::model::{Lang, Link, MilestoneKind};
use torch2024::query::Filter;

const CHART_PICTURE: &str = include_str!("../js/chart-picture.js");
const FIRST_BAR: &str = include_str!("../js/first-bar.js");
const ARRIVED: &str = include_str!("../js/arrived.js");
const ARRIVED_STILL: &str = include_str!("../js/arrived-still.js");

/// The text of the picture chart `id` shows (the SVG file the browser chose).
async fn picture_text(ctx: &Ctx<'_>, id: &str) -> Result<(String, String), String> {
    let got = script_with(ctx, CHART_PICTURE, vec![json!(id)]).await?;
    let part = |i: usize| got[i].as_str().unwrap_or_default().to_string();
    Ok((part(0), part(1)))
}

pub async fn title_and_charts_render(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    expect_eq(
        "the title",
        text(ctx, "#app h1").await?,
        dataset().meta.title.hant.clone(),
    )?;
    wait_for_pictures(ctx).await?;
    for chart in &dataset().charts {
        let (src, svg) = picture_text(ctx, &chart.id).await?;
        expect(
            &format!(
                "the light Traditional Chinese picture of {}, got {src}",
                chart.id
            ),
            src.contains(&format!("charts/{}-zh-Hant-light-", chart.id)),
        )?;
        for row in rows(chart, dataset(), Lang::Hant) {
            expect(
                &format!("`{}` drawn in chart {}", row.text, chart.id),
                svg.contains(&format!(">{}</text>", row.text)),
            )?;
        }
    }
    Ok(())
}

/// The app adopts the page that arrived instead of drawing it again: on a slow network (the
/// server holds the WebAssembly back), the elements kept right after the HTML arrived (the
/// page, its title, the first tile, a chart picture, the first card, the search field, the
/// language links, …) are, once the app is live, still in the document and still the ones
/// the page's selectors find; no element of `#app` was removed meanwhile; and the Largest
/// Contentful Paint candidates (where the engine reports them: Chromium, Firefox) are still in
/// the document, so the paint a reader saw first is not painted again.
pub async fn no_node_is_replaced_on_start(ctx: &Ctx<'_>) -> Outcome {
    open_before_the_app(ctx, &ctx.server.url_with_slow_wasm("?lang=zh-Hant")).await?;
    let arrived = script(ctx, ARRIVED).await?;
    expect_eq(
        "every element to keep, in the page that arrived",
        arrived["missing"].clone(),
        json!([]),
    )?;
    expect(
        &format!(
            "the elements kept before the app was live (it waits {:?} for its WebAssembly)",
            crate::server::WASM_DELAY
        ),
        arrived["live"] == json!(false),
    )?;
    wait_ready(ctx).await?;
    // The app's updates after start (a frame or two) are past.
    wait_settled(ctx).await?;
    let still = script(ctx, ARRIVED_STILL).await?;
    let replaced: Vec<&String> = still["kept"]
        .as_object()
        .map(|kept| {
            kept.iter()
                .filter(|(_, same)| **same != json!(true))
                .map(|(name, _)| name)
                .collect()
        })
        .unwrap_or_default();
    expect(
        &format!("the elements that arrived to be the page's once it is live; replaced or gone: {replaced:?}"),
        replaced.is_empty(),
    )?;
    expect_eq(
        "elements removed from #app while the app started",
        still["removed"].clone(),
        json!([]),
    )?;
    if arrived["lcp"] == json!(true) {
        let candidates = still["lcp"].as_array().cloned().unwrap_or_default();
        expect(
            &format!("a Largest Contentful Paint candidate, got {candidates:?}"),
            !candidates.is_empty(),
        )?;
        let gone: Vec<&Value> = candidates
            .iter()
            .filter(|c| c["connected"] != json!(true))
            .collect();
        expect(
            &format!(
                "every Largest Contentful Paint candidate still in the document; gone: {gone:?}"
            ),
            gone.is_empty(),
        )?;
    }
    Ok(())
}

pub async fn every_section_renders(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let ds = dataset();
    for g in &ds.groups {
        let title = text(ctx, &format!("#section-{} h2", g.id)).await?;
        expect_eq(
            &format!("the title of section {}", g.id),
            title,
            g.title.hant.clone(),
        )?;
    }
    let tiles = script(ctx, "return document.querySelectorAll('.tile').length;").await?;
    expect_eq(
        "tiles (figures and derived)",
        tiles,
        json!(ds.figures.len() + ds.derived.len()),
    )?;
    let tasks = script(
        ctx,
        "return document.querySelectorAll('#section-tasks li').length;",
    )
    .await?;
    expect_eq("2025 key tasks", tasks, json!(ds.tasks.len()))?;
    expect_eq("cards", card_ids(ctx).await?.len(), ds.projects.len())?;
    let tables = script(
        ctx,
        "return Array.from(document.querySelectorAll('.data-table')).map(d => d.open);",
    )
    .await?;
    expect_eq(
        "data tables, present and collapsed",
        tables,
        json!(vec![false; charts()]),
    )
}

pub async fn no_console_error_or_failed_request(ctx: &Ctx<'_>) -> Outcome {
    let before = ctx.server.failures().len();
    open(ctx, "").await?;
    wait_for_pictures(ctx).await?;
    wait_settled(ctx).await?;
    expect_eq(
        "console errors, uncaught errors and failed loads",
        probe_errors(ctx).await?,
        json!([]),
    )?;
    let failed = failed_requests_since(ctx, before);
    expect_eq("failed requests", failed, vec![])?;
    let foreign = script(
        ctx,
        "return performance.getEntriesByType('resource').map(e => e.name) \
           .filter(n => !n.startsWith(location.origin + '/'));",
    )
    .await?;
    expect_eq("requests to other hosts", foreign, json!([]))
}

/// Every tile opens the panel with its own source sentence; Escape closes it and focus returns.
/// Each figure's tile opens its sentence, with the words that state the figure (its `quote`)
/// marked, and focus comes back to the tile.
pub async fn source_panel_shows_each_figures_sentence(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    for f in &dataset().figures {
        open_panel(ctx, &format!(".tile[data-figure='{}'] .tile-main", f.id)).await?;
        let shown = script(
            ctx,
            &format!(
                "return !!document.querySelector('dialog.source-dialog [data-sentence=\"{}\"]');",
                f.source
            ),
        )
        .await?;
        expect_eq(
            &format!("figure {}: its sentence {} in the panel", f.id, f.source),
            shown,
            json!(true),
        )?;
        // The words that state the figure are set off in its sentence, and only those.
        let marked = script(
            ctx,
            &format!(
                "return Array.from(document.querySelectorAll('dialog.source-dialog \
                   [data-sentence=\"{}\"] .quote')).map(e => e.textContent).join('');",
                f.source
            ),
        )
        .await?;
        expect_eq(
            &format!("figure {}: the words marked in its sentence", f.id),
            marked,
            json!(f.quote),
        )?;
        let sentence = dataset()
            .sentence(&f.source)
            .ok_or("a figure without its sentence")?;
        expect_eq(
            &format!("figure {}: the paragraph its sentence stands in", f.id),
            text(
                ctx,
                &format!(
                    "dialog.source-dialog [data-sentence=\"{}\"] .paragraph",
                    f.source
                ),
            )
            .await?,
            (strings(Lang::Hant).paragraph)(sentence.paragraph),
        )?;
        escape_closes_the_panel(ctx).await?;
        let focused = script(
            ctx,
            "var a = document.activeElement; var t = a && a.closest('.tile'); return t ? t.dataset.figure : null;",
        )
        .await?;
        expect_eq("focus back on the tile", focused, json!(f.id))?;
    }
    Ok(())
}

pub async fn source_panel_marks_restored_characters(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    open_panel(ctx, ".tile[data-figure='firms-financed'] .tile-main").await?;
    expect_eq(
        "the restored characters",
        text(ctx, "dialog.source-dialog mark.restored").await?,
        "平台".to_string(),
    )?;
    // Restored characters within the figure's words are both.
    let quoted_restored = script(
        ctx,
        "return Array.from(document.querySelectorAll('dialog.source-dialog .quote mark.restored')).length;",
    )
    .await?;
    let quote = &dataset()
        .figure("firms-financed")
        .ok_or("no figure firms-financed")?
        .quote;
    expect_eq(
        "restored characters marked within the figure's words",
        quoted_restored.as_u64() > Some(0),
        quote.contains("平台"),
    )?;
    let original = text(ctx, "dialog.source-dialog details.original p").await?;
    expect(
        "the damaged original kept",
        original.contains("火炬金融服務&&"),
    )?;
    click(ctx, "dialog.source-dialog button.close").await?;
    wait_panel(ctx, false, "the close button").await
}

/// A real pointer click on the bar of construction starts filters the cards to them.
pub async fn chart_bar_filters_the_cards(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let chart = wait_for(ctx, "#chart-construction-projects").await?;
    wait_for_pictures(ctx).await?;
    script_on(
        ctx,
        "arguments[0].scrollIntoView({block: 'center'});",
        &chart,
    )
    .await?;
    // The middle of the first bar's band, relative to the centre of the picture.
    let point = script_with(ctx, FIRST_BAR, vec![json!("construction-projects")]).await?;
    let (x, y) = (
        point[0].as_i64().unwrap_or(0),
        point[1].as_i64().unwrap_or(0),
    );
    let actions = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveToElement {
            element: chart,
            duration: None,
            x: x as f64,
            y: y as f64,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    ctx.client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("cannot click the bar: {e}"))?;
    let _ = ctx.client.release_actions().await;
    expect_filtered_to(ctx, MilestoneKind::ConstructionStart, "construction-start").await?;
    click(ctx, "#projects button.reset").await?;
    wait_cards(ctx, dataset().projects.len()).await
}

pub async fn tile_link_filters_the_cards(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    click(ctx, ".tile[data-figure='landed-projects'] .link-button").await?;
    expect_filtered_to(ctx, MilestoneKind::Landed, "landed").await
}

/// The cards are those of `kind` (whose URL slug is `slug`), its checkbox is checked, the URL
/// says so, the change is announced, and the cards are in view (the page is in Traditional
/// Chinese).
async fn expect_filtered_to(ctx: &Ctx<'_>, kind: MilestoneKind, slug: &str) -> Outcome {
    let mut filter = Filter::default();
    filter.toggle_kind(kind);
    wait_card_ids(
        ctx,
        &expected_cards(&filter, Lang::Hant),
        "the filtered cards",
    )
    .await?;
    let checked = script(
        ctx,
        &format!(
            "return document.querySelector('.facet-option[data-key=\"{slug}\"] input').checked;"
        ),
    )
    .await?;
    expect_eq("the facet checkbox", checked, json!(true))?;
    expect(
        "the kind in the URL",
        current_query(ctx).await?.contains(&format!("kind={slug}")),
    )?;
    let announced = text(ctx, ".page > [role=status]").await?;
    let want = format!(
        "{} · {}",
        strings(Lang::Hant).projects_title,
        link_label(Link::Kind(kind), Lang::Hant)
    );
    expect_eq("the announcement of the filter", announced, want)?;
    let top = script(
        ctx,
        "return document.getElementById('projects').getBoundingClientRect().top;",
    )
    .await?;
    expect(
        &format!("the cards scrolled into view (top at {top})"),
        top.as_f64().is_some_and(|t| t.abs() < 200.0),
    )
}

/// With the pictures missing, every chart says it could not be drawn, and tables and cards
/// still work.
pub async fn without_pictures_the_rest_still_works(ctx: &Ctx<'_>) -> Outcome {
    open_at(ctx, &ctx.server.url_without_pictures("?lang=en")).await?;
    wait_until(
        ctx,
        &format!(
            "document.querySelectorAll('.chart-error').length == {}",
            charts()
        ),
        "a message in every chart",
    )
    .await?;
    click(ctx, ".tile[data-figure='landed-projects'] .link-button").await?;
    wait_until(ctx, "location.search.includes('kind=landed')", "the filter").await?;
    let rows = script(
        ctx,
        "return document.querySelectorAll('.data-table tbody tr').length;",
    )
    .await?;
    let want: usize = dataset().charts.iter().map(|c| c.bars.len()).sum();
    expect_eq("data table rows", rows, json!(want))
}
