//! The infographic: title, lead, chapters, tiles, charts, each figure shown once, source panels,
//! chart-to-card links, the length of the page on a phone, and a clean console.

use super::bars::{chart_file_requests, charts_state, click_bar, expect_chart_drawn};
use super::*;
use torch2024::charts::{link_label, link_of};
use torch2024::embedded::dataset;
use torch2024::format;
use torch2024::i18n::strings;
use torch2024::model::{Bar, Figure, Lang, Link, MilestoneKind, Qualifier, Unit};
use torch2024::names::Named;
use torch2024::query::Filter;

const FIGURE_APPEARANCES: &str = include_str!("../js/figure-appearances.js");
const ARRIVED: &str = include_str!("../js/arrived.js");
const ARRIVED_STILL: &str = include_str!("../js/arrived-still.js");

/// Each chart is its inline SVG in the page, with a bar for each of its figures: the bar's label
/// and value are its data table row's (the value as the article words it), it carries what
/// activating it does (its projects, else its source), its shape is longer for a larger value,
/// and, in a chart whose bars lead to projects, it is a button of the chart's group (one tab
/// stop); in each language.
pub async fn title_and_charts_render(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    expect_eq(
        "the title",
        text(ctx, "#app h1").await?,
        dataset().meta.title.hant.clone(),
    )?;
    for &lang in Lang::ALL {
        if lang != Lang::Hant {
            open(ctx, &format!("?lang={}", lang.tag())).await?;
        }
        wait_for_charts(ctx).await?;
        let shown = charts_state(ctx).await?;
        expect_eq(
            &format!("the charts on the {} page", lang.tag()),
            shown.iter().map(|c| c["id"].clone()).collect::<Vec<_>>(),
            dataset().charts.iter().map(|c| json!(c.id)).collect(),
        )?;
        for (chart, state) in dataset().charts.iter().zip(&shown) {
            expect_chart_drawn(chart, state, lang)?;
        }
    }
    Ok(())
}

/// The app adopts the page that arrived instead of drawing it again: on a slow network (the
/// server holds the WebAssembly back), the elements kept right after the HTML arrived (the
/// page, its title, the first tile, a chart's SVG and its first bar, the first card, the search field, the
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

/// Every section in its place: the lead (the first group) with its figures, the chapter index,
/// each chapter's title, the tiles (one for each figure on no chart, the lead's among them, and
/// for each derived one), the charts with their collapsed tables, the cards and, last, the tasks.
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
    // The lead: the first group, its figures first, large.
    let lead = &ds.groups[0];
    let led = script(
        ctx,
        &format!(
            "return Array.from(document.querySelectorAll('section.lead#section-{} ul.tiles.lead-figures > li.tile')) \
               .map(t => t.dataset.figure);",
            lead.id
        ),
    )
    .await?;
    expect_eq("the lead's figures, in order", led, json!(ds.lead))?;
    // The chapters: every group after the lead, each a chapter with its heading.
    let mut want: Vec<String> = ds.groups[1..]
        .iter()
        .map(|g| format!("section-{}", g.id))
        .collect();
    want.extend(["projects".to_string(), "section-tasks".to_string()]);
    let shown = script(
        ctx,
        "return Array.from(document.querySelectorAll('section.group.chapter[id]')) \
           .filter(s => s.querySelector(':scope > header.chapter-head > h2')).map(s => s.id);",
    )
    .await?;
    expect_eq("the chapters, with their headings", shown, json!(want))?;
    // The chapter index leads to each of them, the cards and the tasks.
    let index = script(
        ctx,
        "return Array.from(document.querySelectorAll('nav.chapter-index a')) \
           .map(a => [a.getAttribute('href'), !!document.getElementById(a.getAttribute('href').slice(1))]);",
    )
    .await?;
    let want_index: Vec<Value> = want
        .iter()
        .map(|id| json!([format!("#{id}"), true]))
        .collect();
    expect_eq(
        "the chapter index ([link, its target on the page])",
        index,
        json!(want_index),
    )?;
    let tiles = script(ctx, "return document.querySelectorAll('.tile').length;").await?;
    let standing_alone = ds
        .figures
        .iter()
        .filter(|f| dataset().chart_of(&f.id).is_none())
        .count();
    expect_eq(
        "tiles (the figures on no chart, the lead's among them, and the derived ones)",
        tiles,
        json!(standing_alone + ds.derived.len()),
    )?;
    expect_charts_list_their_bars(ctx, ds, "the charts").await?;
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

/// A figure's value as its tile shows it: the parts of its text, one after another (the text
/// as a reader copies it), and its number.
fn tile_text(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> (String, String) {
    let t = format::figure(value, unit, qualifier, lang);
    (format!("{}{}{}", t.before, t.number, t.after), t.number)
}

/// Each figure is shown once on the page (the data tables, the source panel and the cards'
/// "more" repeat figures, and are left out): each stated figure as a tile or as a bar of one
/// chart, in its own section (the lead's figures in the lead), and each derived figure as a
/// tile; a tile shows the figure's value, written as the page's language writes it. In each
/// language.
pub async fn each_figure_is_shown_once(ctx: &Ctx<'_>) -> Outcome {
    let ds = dataset();
    let ids: Vec<&str> = ds
        .figures
        .iter()
        .map(|f| f.id.as_str())
        .chain(ds.derived.iter().map(|d| d.id.as_str()))
        .collect();
    let mut wrong = Vec::new();
    for &lang in Lang::ALL {
        let tag = lang.tag();
        open(ctx, &format!("?lang={tag}")).await?;
        let shown = script_with(ctx, FIGURE_APPEARANCES, vec![json!(ids)]).await?;
        let stated = ds.figures.iter().map(|f| {
            (
                f.id.as_str(),
                f.group.as_str(),
                f.value,
                f.unit,
                f.qualifier,
                false,
            )
        });
        let derived = ds.derived.iter().map(|d| {
            (
                d.id.as_str(),
                d.group.as_str(),
                d.value,
                d.unit,
                d.qualifier,
                true,
            )
        });
        for (id, group, value, unit, qualifier, is_derived) in stated.chain(derived) {
            let places = shown[id]["places"].as_array().cloned().unwrap_or_default();
            if places.len() != 1 {
                wrong.push(format!(
                    "{tag}: {id} shown {} times, at {places:?}",
                    places.len()
                ));
                continue;
            }
            // The lead's figures are in the lead (the first group's section), whatever their
            // group.
            let section = if ds.lead.iter().any(|l| l == id) {
                format!("section-{}", ds.groups[0].id)
            } else {
                format!("section-{group}")
            };
            if places[0][1] != json!(section) {
                wrong.push(format!(
                    "{tag}: {id} shown in {}, not in its section {section}",
                    places[0][1]
                ));
            }
            let tile = &shown[id]["tile"];
            if tile.is_null() {
                if is_derived || dataset().chart_of(id).is_none() {
                    wrong.push(format!(
                        "{tag}: {id} is on no chart, but has no tile (it is at {places:?})"
                    ));
                }
                continue;
            }
            if dataset().chart_of(id).is_some() {
                wrong.push(format!("{tag}: {id} is on a chart, but has a tile"));
            }
            if tile["derived"] != json!(is_derived) {
                wrong.push(format!(
                    "{tag}: the tile of {id} {} marked derived",
                    if is_derived { "is not" } else { "is" }
                ));
            }
            let (text, number) = tile_text(value, unit, qualifier, lang);
            if tile["text"] != json!(text) || tile["number"] != json!(number) {
                wrong.push(format!(
                    "{tag}: the tile of {id} shows {} (number {}), expected `{text}` (number `{number}`)",
                    tile["text"], tile["number"]
                ));
            }
            if tile["rendered"] != json!(true) {
                wrong.push(format!("{tag}: the value of the tile of {id} is not shown"));
            }
        }
    }
    expect(
        &format!(
            "each figure shown once, in its section, a tile with its value where it is on no chart; but:\n  {}",
            wrong.join("\n  ")
        ),
        wrong.is_empty(),
    )
}

pub async fn no_console_error_or_failed_request(ctx: &Ctx<'_>) -> Outcome {
    let before = ctx.server.failures().len();
    open(ctx, "").await?;
    wait_for_charts(ctx).await?;
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

/// The sentence of figure `f` is in the open panel, with the words that state the figure (its
/// `quote`), and only those, marked, and the paragraph it stands in (the page is in Traditional
/// Chinese).
pub(super) async fn expect_figures_sentence(ctx: &Ctx<'_>, f: &Figure, what: &str) -> Outcome {
    let shown = script(
        ctx,
        &format!(
            "return !!document.querySelector('dialog.source-dialog [data-sentence=\"{}\"]');",
            f.source
        ),
    )
    .await?;
    expect_eq(
        &format!("{what}: its sentence {} in the panel", f.source),
        shown,
        json!(true),
    )?;
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
        &format!("{what}: the words marked in its sentence"),
        marked,
        json!(f.quote),
    )?;
    let sentence = dataset()
        .sentence(&f.source)
        .ok_or("a figure without its sentence")?;
    expect_eq(
        &format!("{what}: the paragraph its sentence stands in"),
        text(
            ctx,
            &format!(
                "dialog.source-dialog [data-sentence=\"{}\"] .paragraph",
                f.source
            ),
        )
        .await?,
        (strings(Lang::Hant).paragraph)(sentence.paragraph),
    )
}

/// Every figure, activated as a reader can (its tile's number where it has a tile, else its row
/// in its chart's data table, once the table is open), opens the panel with its own sentence,
/// the words that state the figure marked; Escape closes it and focus returns to what opened
/// it. A real pointer click anywhere in the band of a chart's bar that leads to no projects
/// (near its top edge, in its middle, near its bottom edge; from the bar's own geometry) opens
/// its figure's sentence too.
pub async fn activating_a_figure_opens_its_marked_source(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    for f in &dataset().figures {
        let opener = figure_opener(ctx, &f.id).await?;
        open_panel(ctx, &opener).await?;
        expect_figures_sentence(ctx, f, &format!("figure {} (by `{opener}`)", f.id)).await?;
        escape_closes_the_panel(ctx).await?;
        let focused = script(
            ctx,
            &format!(
                "var a = document.activeElement; var t = a && a.closest('[data-figure]'); \
                 return [t ? t.dataset.figure : null, !!a && a.matches({opener:?})];"
            ),
        )
        .await?;
        expect_eq(
            &format!("figure {}: focus back on `{opener}`", f.id),
            focused,
            json!([f.id, true]),
        )?;
    }
    // A bar is clicked anywhere on it: near its top edge, in its middle, near its bottom edge.
    wait_for_charts(ctx).await?;
    let mut wrong = Vec::new();
    for chart in &dataset().charts {
        for (i, bar) in chart.bars.iter().enumerate() {
            if bar.link.is_some() {
                continue;
            }
            let f = dataset()
                .figure(&bar.figure)
                .ok_or_else(|| format!("no figure {}", bar.figure))?;
            for (part, at) in [(0.0, "top"), (0.5, "middle"), (1.0, "bottom")] {
                let what = format!(
                    "a click at the {at} of bar {} ({}) of chart {}",
                    i + 1,
                    f.id,
                    chart.id
                );
                click_bar(ctx, &chart.id, i, part).await?;
                // A panel opens at once, or not at all (the click may have filtered the cards).
                let opened = wait_until_within(
                    ctx,
                    &format!("{PANEL}.open"),
                    &format!("{what} to open the source panel"),
                    Duration::from_secs(3),
                )
                .await;
                if let Err(e) = opened {
                    wrong.push(format!("{e}; the URL is `{}`", current_query(ctx).await?));
                    open(ctx, "?lang=zh-Hant").await?;
                    wait_for_charts(ctx).await?;
                    continue;
                }
                if let Err(e) = expect_figures_sentence(ctx, f, &what).await {
                    wrong.push(e);
                }
                escape_closes_the_panel(ctx).await?;
            }
        }
    }
    expect(
        &format!(
            "a click anywhere on a bar that leads to no projects to open its figure's sentence, but:\n  {}",
            wrong.join("\n  ")
        ),
        wrong.is_empty(),
    )
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

/// A real pointer click on the bar of construction starts, near the top of its band, in its
/// middle or near its bottom, filters the cards to them.
pub async fn chart_bar_filters_the_cards(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    wait_for_charts(ctx).await?;
    let chart = torch2024::charts::chart(dataset(), "construction-projects")
        .ok_or("no chart construction-projects")?;
    let link = chart.bars[0]
        .link
        .ok_or("the first bar of construction-projects leads to no projects")?;
    expect_eq(
        "where the bar of construction starts leads",
        link,
        Link::Kind(MilestoneKind::ConstructionStart),
    )?;
    for (part, at) in [(0.0, "top"), (0.5, "middle"), (1.0, "bottom")] {
        click_bar(ctx, &chart.id, 0, part).await?;
        expect_filtered_to(ctx, link)
            .await
            .map_err(|e| format!("a click at the {at} of the bar: {e}"))?;
        click(ctx, "#projects button.reset").await?;
        wait_cards(ctx, dataset().projects.len()).await?;
    }
    Ok(())
}

/// A bar of a chart that leads to projects: the one of the landed projects, where there is one.
pub(super) fn linked_bar() -> Result<&'static Bar, String> {
    let bars = || dataset().charts.iter().flat_map(|c| &c.bars);
    bars()
        .find(|b| b.link == Some(Link::Kind(MilestoneKind::Landed)))
        .or_else(|| bars().find(|b| b.link.is_some()))
        .ok_or_else(|| "no chart bar leads to projects".to_string())
}

/// The button that shows a linked bar's projects in its chart's data table, the table opened.
async fn table_link(ctx: &Ctx<'_>, bar: &Bar) -> Result<String, String> {
    open_table_of(ctx, &bar.figure).await?;
    Ok(format!(
        ".data-table tr[data-figure='{}'] .link-button",
        bar.figure
    ))
}

/// A figure's button to its projects filters the cards to them: a tile's, where a tile has one;
/// else (no figure on a chart has a tile any more) the button in a linked bar's row of its
/// chart's data table.
pub async fn figure_link_filters_the_cards(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let tile = script(
        ctx,
        "var b = document.querySelector('.tile .link-button'); return b ? b.closest('.tile').dataset.figure : null;",
    )
    .await?;
    let (figure, button) = match tile.as_str() {
        Some(id) => (
            id.to_string(),
            format!(".tile[data-figure='{id}'] .link-button"),
        ),
        None => {
            let bar = linked_bar()?;
            (bar.figure.clone(), table_link(ctx, bar).await?)
        }
    };
    let link = link_of(dataset(), &figure)
        .ok_or_else(|| format!("`{button}` is there, but {figure} leads to no projects"))?;
    click(ctx, &button).await?;
    expect_filtered_to(ctx, link).await
}

/// The cards are those of `link`, its checkbox is checked, the URL says so, the change is
/// announced, and the cards are in view (the page is in Traditional Chinese).
pub(super) async fn expect_filtered_to(ctx: &Ctx<'_>, link: Link) -> Outcome {
    let mut filter = Filter::default();
    let (param, slug) = match link {
        Link::Kind(kind) => {
            filter.toggle_kind(kind);
            ("kind", kind.name())
        }
        Link::Sector(sector) => {
            filter.toggle_sector(sector);
            ("sector", sector.name())
        }
    };
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
        &format!("{param}={slug} in the URL"),
        current_query(ctx)
            .await?
            .contains(&format!("{param}={slug}")),
    )?;
    let announced = text(ctx, ".page > [role=status]").await?;
    let want = format!(
        "{} · {}",
        strings(Lang::Hant).projects_title,
        link_label(link, Lang::Hant)
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

/// The charts arrive in the HTML: on a slow network (the server holds the WebAssembly back),
/// every chart's SVG is in the page with its bars, labels and values before the app is live;
/// no chart says it could not be drawn; and the page asks for no chart file (no SVG but its
/// icon), before or after the app starts. Once live, a data table's button still filters the
/// cards, and every bar has its row.
pub async fn charts_arrive_in_the_html(ctx: &Ctx<'_>) -> Outcome {
    let before = ctx.server.requests();
    open_before_the_app(ctx, &ctx.server.url_with_slow_wasm("?lang=en")).await?;
    let arrived = charts_state(ctx).await?;
    let live = script(ctx, "return !!document.querySelector('#app[data-ready]');").await?;
    expect(
        &format!(
            "the charts read before the app was live (it waits {:?} for its WebAssembly)",
            crate::server::WASM_DELAY
        ),
        live == json!(false),
    )?;
    expect_eq(
        "the charts in the page that arrived",
        arrived.iter().map(|c| c["id"].clone()).collect::<Vec<_>>(),
        dataset().charts.iter().map(|c| json!(c.id)).collect(),
    )?;
    for (chart, state) in dataset().charts.iter().zip(&arrived) {
        expect_chart_drawn(chart, state, Lang::En)
            .map_err(|e| format!("in the page that arrived: {e}"))?;
    }
    wait_ready(ctx).await?;
    expect_eq(
        "charts that say they could not be drawn",
        script(
            ctx,
            "return document.querySelectorAll('.chart-error').length;",
        )
        .await?,
        json!(0),
    )?;
    let bar = linked_bar()?;
    let button = table_link(ctx, bar).await?;
    click(ctx, &button).await?;
    let mut filter = Filter::default();
    match bar.link {
        Some(Link::Kind(kind)) => filter.toggle_kind(kind),
        Some(Link::Sector(sector)) => filter.toggle_sector(sector),
        None => {}
    }
    wait_card_ids(
        ctx,
        &expected_cards(&filter, Lang::En),
        &format!("the cards of `{button}`"),
    )
    .await?;
    let rows = script(
        ctx,
        "return document.querySelectorAll('.data-table tbody tr').length;",
    )
    .await?;
    let want: usize = dataset().charts.iter().map(|c| c.bars.len()).sum();
    expect_eq("data table rows", rows, json!(want))?;
    expect_eq(
        "requests for a chart file",
        chart_file_requests(ctx, before).await?,
        vec![],
    )
}

/// A phone's screen: the width a page is laid out at (without a scroll bar), and its height.
const PHONE: (i64, i64) = (360, 740);

/// A JS expression: where the cards start (from the top of the page), how tall the page is,
/// and the width it is laid out at.
const LENGTHS: &str = "[document.querySelector('#projects .cards').getBoundingClientRect().top + window.scrollY, \
     document.documentElement.scrollHeight, document.documentElement.clientWidth, window.innerWidth]";

/// Makes the window's layout viewport `PHONE` (the window's own frame and scroll bar, where the
/// engine has them, added around it), or says why it cannot.
async fn phone_window(ctx: &Ctx<'_>) -> Outcome {
    let (width, height) = PHONE;
    let (mut w, mut h) = (width, height);
    let mut inside = json!(null);
    for _ in 0..3 {
        ctx.client
            .set_window_size(w as u32, h as u32)
            .await
            .map_err(|e| format!("cannot make the window {w}×{h}: {e}"))?;
        inside = script(
            ctx,
            "return [document.documentElement.clientWidth, window.innerHeight];",
        )
        .await?;
        let (iw, ih) = (
            inside[0].as_i64().unwrap_or(0),
            inside[1].as_i64().unwrap_or(0),
        );
        if iw == width {
            return Ok(());
        }
        let (ow, oh) = ctx
            .client
            .get_window_size()
            .await
            .map_err(|e| format!("the window's size: {e}"))?;
        // The window's frame and scroll bar, around what the page is laid out in.
        w = width + (ow as i64 - iw).max(0);
        h = height + (oh as i64 - ih).max(0);
    }
    let (ow, oh) = ctx.client.get_window_size().await.unwrap_or_default();
    Err(format!(
        "the window cannot be made {width} px wide inside: the page is laid out at {} px \
         in a window of {ow}×{oh}",
        inside[0]
    ))
}

/// The lengths (`LENGTHS`) of the page of `tag` in an iframe as wide as a phone, on the example
/// host page: for an engine whose windows cannot be that narrow.
async fn lengths_in_a_frame(ctx: &Ctx<'_>, tag: &str) -> Result<Value, String> {
    let (width, height) = PHONE;
    embed::open_example(ctx).await?;
    embed::add_frame(ctx, &format!("./?lang={tag}"), width as u32, None).await?;
    script(
        ctx,
        &format!("document.getElementById('test-frame').style.height = '{height}px';"),
    )
    .await?;
    let mut outer = width;
    let mut got = json!(null);
    for _ in 0..3 {
        find(ctx, "#test-frame")
            .await?
            .enter_frame()
            .await
            .map_err(|e| format!("cannot enter the frame of the {tag} page: {e}"))?;
        wait_ready(ctx).await?;
        wait_cards(ctx, dataset().projects.len()).await?;
        wait_for_charts(ctx).await?;
        wait_settled(ctx).await?;
        got = script(ctx, &format!("return {LENGTHS};")).await?;
        embed::leave_frame(ctx).await?;
        let inside = got[2].as_i64().unwrap_or(0);
        if inside == width {
            return Ok(got);
        }
        // Room for the frame's scroll bar.
        outer += width - inside;
        script(
            ctx,
            &format!("document.getElementById('test-frame').style.width = '{outer}px';"),
        )
        .await?;
    }
    Err(format!(
        "the {tag} page in a frame {outer} px wide is laid out at {} px, not {width}",
        got[2]
    ))
}

/// On a phone, the page is not too long: in each language, the cards start within 4,500 px
/// of the top and the page, all cards drawn, is at most 9,000 px tall. The lengths measured
/// are printed, for the record. The page is laid out
/// 360 px wide in a window that wide, or, where the engine keeps its windows wider (Firefox's
/// are 500 px at least, WebKit's MiniBrowser's 447), in an iframe that wide; the window is put
/// back as it was.
pub async fn page_fits_the_length_limits_on_a_phone(ctx: &Ctx<'_>) -> Outcome {
    keeping_the_window_size(ctx, lengths_on_a_phone(ctx)).await
}

async fn lengths_on_a_phone(ctx: &Ctx<'_>) -> Outcome {
    // Laid out at the phone's width from the start, in each language.
    open(ctx, "?lang=zh-Hant").await?;
    let in_frame = phone_window(ctx).await.err();
    let mut measured = Vec::new();
    let mut wrong = Vec::new();
    let (max_top, max_height) = (4_500.0, 9_000.0);
    for &lang in Lang::ALL {
        let tag = lang.tag();
        let got = match in_frame {
            None => {
                open(ctx, &format!("?lang={tag}")).await?;
                wait_cards(ctx, dataset().projects.len()).await?;
                wait_for_charts(ctx).await?;
                wait_settled(ctx).await?;
                script(ctx, &format!("return {LENGTHS};")).await?
            }
            Some(_) => lengths_in_a_frame(ctx, tag).await?,
        };
        expect_eq(
            &format!("the width the {tag} page is laid out at"),
            got[2].as_i64(),
            Some(PHONE.0),
        )?;
        let (top, height) = (
            got[0].as_f64().unwrap_or(f64::MAX),
            got[1].as_f64().unwrap_or(f64::MAX),
        );
        let line = format!(
            "{tag} at {} px ({}, {} px with the scroll bar): the cards start at {top:.0} px \
             (at most {max_top}), the page is {height:.0} px tall (at most {max_height})",
            got[2],
            if in_frame.is_some() {
                "in an iframe"
            } else {
                "in the window"
            },
            got[3]
        );
        eprintln!("{}: {line}", ctx.engine.name());
        if top > max_top || height > max_height {
            wrong.push(line.clone());
        }
        measured.push(line);
    }
    if let Some(why) = &in_frame {
        eprintln!("{}: measured in an iframe: {why}", ctx.engine.name());
    }
    expect(
        &format!(
            "the page within its lengths on a phone in each language, but:\n  {}\n(measured: {})",
            wrong.join("\n  "),
            measured.join("; ")
        ),
        wrong.is_empty(),
    )
}
