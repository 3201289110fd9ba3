//! The infographic: title, sections, tiles, charts, source panels, chart-to-card links, and a
//! clean console.

use super::*;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use torch2024::charts::CHARTS;
use torch2024::embedded::dataset;
use torch2024::model::{Lang, MilestoneKind};

/// The text of the picture chart `id` shows (the SVG file the browser chose).
async fn picture_text(ctx: &Ctx<'_>, id: &str) -> Result<(String, String), String> {
    let got = script(
        ctx,
        &format!(
            "var img = document.getElementById('chart-{id}');
             return fetch(img.currentSrc).then(r => r.text()).then(svg => [img.currentSrc, svg]);"
        ),
    )
    .await?;
    let part = |i: usize| got[i].as_str().unwrap_or_default().to_string();
    Ok((part(0), part(1)))
}

pub async fn title_and_charts_render(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    expect_eq(
        "the title",
        text(ctx, "#app h1").await?,
        "火炬高新區 數讀2024".to_string(),
    )?;
    wait_for_pictures(ctx).await?;
    for spec in CHARTS {
        let (src, svg) = picture_text(ctx, spec.id).await?;
        expect(
            &format!(
                "the light Traditional Chinese picture of {}, got {src}",
                spec.id
            ),
            src.contains(&format!("charts/{}-zh-Hant-light-", spec.id)),
        )?;
        for row in spec.rows(dataset(), Lang::Hant) {
            expect(
                &format!("`{}` drawn in chart {}", row.text, spec.id),
                svg.contains(&format!(">{}</text>", row.text)),
            )?;
        }
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
        json!(vec![false; CHARTS.len()]),
    )
}

pub async fn no_console_error_or_failed_request(ctx: &Ctx<'_>) -> Outcome {
    let before = ctx.server.failures().len();
    open(ctx, "").await?;
    wait_for_pictures(ctx).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    expect_eq(
        "console errors, uncaught errors and failed loads",
        probe_errors(ctx).await?,
        json!([]),
    )?;
    let failed = failed_requests_since(ctx, before);
    expect_eq("failed requests", failed, vec![])?;
    let foreign = script(
        ctx,
        "return performance.getEntriesByType('resource').map(e => e.name)
           .filter(n => !n.startsWith(location.origin + '/'));",
    )
    .await?;
    expect_eq("requests to other hosts", foreign, json!([]))
}

/// Every tile opens the panel with its own source sentence; Escape closes it and focus returns.
pub async fn source_panel_shows_each_figures_sentence(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    for f in &dataset().figures {
        let tile = format!(".tile[data-figure='{}'] .tile-main", f.id);
        click(ctx, &tile).await?;
        wait_until(
            ctx,
            "document.querySelector('dialog.source-dialog').open",
            &format!("the source panel of {} to open", f.id),
        )
        .await?;
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
        let panel = text(ctx, "dialog.source-dialog").await?;
        expect(
            &format!("the panel to quote `{}`", f.quote),
            panel.contains(&f.quote),
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
    click(ctx, ".tile[data-figure='firms-financed'] .tile-main").await?;
    wait_until(
        ctx,
        "document.querySelector('dialog.source-dialog').open",
        "the source panel to open",
    )
    .await?;
    expect_eq(
        "the restored characters",
        text(ctx, "dialog.source-dialog mark.restored").await?,
        "平台".to_string(),
    )?;
    let original = text(ctx, "dialog.source-dialog details.original p").await?;
    expect(
        "the damaged original kept",
        original.contains("火炬金融服務&&"),
    )?;
    click(ctx, "dialog.source-dialog button.close").await?;
    wait_until(
        ctx,
        "!document.querySelector('dialog.source-dialog').open",
        "the close button to close the panel",
    )
    .await
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
    // The middle of the first bar's band, relative to the centre of the picture, measured
    // in the SVG the browser shows (ECharts drew the bar there, whatever the band arithmetic).
    let point = script(
        ctx,
        "var img = document.getElementById('chart-construction-projects');
         return fetch(img.currentSrc).then(r => r.text()).then(svg => {
           var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
           var bar = doc.querySelector('[ecmeta_series_index=\"0\"]');
           var m = bar.getAttribute('d').match(/M([0-9.]+) ([0-9.]+)l([0-9.]+) 0l0 ([0-9.]+)/);
           var scale = img.getBoundingClientRect().width / img.naturalWidth;
           var x = (+m[1] + +m[3] / 2) * scale, y = (+m[2] + +m[4] / 2) * scale;
           var r = img.getBoundingClientRect();
           return [Math.round(x - r.width / 2), Math.round(y - r.height / 2)];
         });",
    )
    .await?;
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
    wait_until(
        ctx,
        &format!(
            "document.querySelectorAll('#projects article.card').length == {}",
            dataset().projects.len()
        ),
        "all cards back",
    )
    .await
}

pub async fn tile_link_filters_the_cards(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    click(ctx, ".tile[data-figure='landed-projects'] .link-button").await?;
    expect_filtered_to(ctx, MilestoneKind::Landed, "landed").await
}

async fn expect_filtered_to(ctx: &Ctx<'_>, kind: MilestoneKind, slug: &str) -> Outcome {
    let want: Vec<String> = dataset()
        .projects
        .iter()
        .filter(|p| p.milestones.iter().any(|m| m.kind == kind))
        .map(|p| p.id.clone())
        .collect();
    wait_until(
        ctx,
        &format!(
            "document.querySelectorAll('#projects article.card').length == {}",
            want.len()
        ),
        "the filtered cards",
    )
    .await?;
    expect_eq("the filtered cards", card_ids(ctx).await?, want)?;
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
    expect(
        &format!("an announcement of the filter, got `{announced}`"),
        !announced.is_empty(),
    )?;
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
            CHARTS.len()
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
    let want: usize = CHARTS.iter().map(|c| c.bars.len()).sum();
    expect_eq("data table rows", rows, json!(want))
}
