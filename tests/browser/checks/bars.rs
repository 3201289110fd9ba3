//! The charts' bars, live. Each chart is the build's inline SVG, one `g.bar` a bar: under the
//! pointer, focused or tapped once it shows the chart's readout (its label, its value as the
//! article words it, the start of its source sentence) beside it, never over it; in a chart
//! whose bars lead to projects the chart is one tab stop and the arrow keys, Home and End move
//! between its bars; a click, Enter, Space or a second tap does what the bar says (its
//! projects, else its source); the bars follow the cards' filter (selected or dimmed); and
//! their colours are the page's, so dark mode loads no other file.

use super::*;
use fantoccini::actions::{MouseActions, PointerAction, TouchActions, MOUSE_BUTTON_LEFT};
use torch2024::charts::rows;
use torch2024::embedded::dataset;
use torch2024::model::{BarChart, Lang, Link, MilestoneKind, Sector};
use torch2024::names::Named;
use torch2024::query::Filter;

const CHARTS_STATE: &str = include_str!("../js/charts-state.js");
const BAR_POINT: &str = include_str!("../js/bar-point.js");

/// How long a bar may take to answer the pointer or the keyboard (it does so in the event's
/// own listener).
const QUICK: Duration = Duration::from_secs(3);

// ── Reading the charts ────────────────────────────────────────────────────────────────────

/// What every chart of the page shows and says (`js/charts-state.js`), in page order.
pub(super) async fn charts_state(ctx: &Ctx<'_>) -> Result<Vec<Value>, String> {
    let state = script_with(ctx, CHARTS_STATE, vec![json!(false)]).await?;
    state
        .as_array()
        .cloned()
        .ok_or_else(|| format!("the charts' state is {state}"))
}

/// What chart `id` shows and says.
async fn chart_state(ctx: &Ctx<'_>, id: &str) -> Result<Value, String> {
    charts_state(ctx)
        .await?
        .into_iter()
        .find(|c| c["id"] == json!(id))
        .ok_or_else(|| format!("no chart {id} on the page"))
}

/// Waits until chart `id`'s state passes `ok`; gives it, or says `what` did not happen and what
/// the chart showed.
async fn wait_chart(
    ctx: &Ctx<'_>,
    id: &str,
    ok: impl Fn(&Value) -> bool,
    what: &str,
) -> Result<Value, String> {
    let deadline = Instant::now() + QUICK;
    loop {
        let state = chart_state(ctx, id).await?;
        if ok(&state) {
            return Ok(state);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "timed out after {QUICK:?} waiting for {what}; chart {id}'s readout: {}, its active bars: {:?}",
                state["readout"],
                active_bars(&state)
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The indexes of the bars of a chart's state that are active (`is-active`).
fn active_bars(state: &Value) -> Vec<usize> {
    bars_of(state)
        .iter()
        .enumerate()
        .filter(|(_, b)| b["active"] == json!(true))
        .map(|(i, _)| i)
        .collect()
}

fn bars_of(state: &Value) -> Vec<Value> {
    state["bars"].as_array().cloned().unwrap_or_default()
}

/// The readout of a chart's state is shown, with the label `label`.
fn reads(state: &Value, label: &str) -> bool {
    state["readout"]["shown"] == json!(true) && state["readout"]["label"] == json!(label)
}

/// The readout of a chart's state is hidden, and no bar of it is active.
fn quiet(state: &Value) -> bool {
    state["readout"]["hidden"] == json!(true) && active_bars(state).is_empty()
}

/// The value of `data-link` for `link`, as the page's buttons carry it.
fn link_attr(link: Link) -> String {
    match link {
        Link::Kind(kind) => format!("kind:{}", kind.name()),
        Link::Sector(sector) => format!("sector:{}", sector.name()),
    }
}

fn leads_to_projects(chart: &BarChart) -> bool {
    chart.bars.iter().any(|b| b.link.is_some())
}

fn no_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Chart `chart`, as `js/charts-state.js` read it (`state`), is drawn as its data says in
/// `lang`, with no filter on the cards: its inline SVG (a group named by its summary where its
/// bars lead to projects, else hidden from screen readers, which read its table), and a bar
/// for each row of its table, in order: the row's figure, label and value (the value as the
/// table words it), what activating it does, the ARIA of a button in a group (one tab stop:
/// the first bar), no mark of a filter, and a shape that is longer for a larger value.
pub(super) fn expect_chart_drawn(chart: &BarChart, state: &Value, lang: Lang) -> Outcome {
    let id = &chart.id;
    let svg = &state["svg"];
    expect(
        &format!("chart {id}: its inline SVG (svg.chart-svg#chart-{id} in its figure), got {svg}"),
        svg["in_figure"] == json!(true) && svg["id"] == json!(format!("chart-{id}")),
    )?;
    expect(
        &format!("chart {id}: its SVG laid out, got {} px wide", svg["width"]),
        svg["width"].as_f64().is_some_and(|w| w > 100.0),
    )?;
    expect_eq(
        &format!("chart {id}: a message that it could not be drawn"),
        state["error"].clone(),
        json!(false),
    )?;
    let linked = leads_to_projects(chart);
    let want = if linked {
        json!(["group", null, format!("chart-{id}-summary")])
    } else {
        json!([null, "true", null])
    };
    expect_eq(
        &format!("chart {id}'s SVG [role, aria-hidden, aria-labelledby]"),
        json!([svg["role"], svg["hidden"], svg["labelledby"]]),
        want,
    )?;
    let bars = bars_of(state);
    let rows = rows(chart, dataset(), lang);
    let table = state["rows"].as_array().cloned().unwrap_or_default();
    expect_eq(&format!("chart {id}: bars"), bars.len(), rows.len())?;
    expect_eq(&format!("chart {id}: table rows"), table.len(), rows.len())?;
    for (i, (bar, row)) in bars.iter().zip(&rows).enumerate() {
        let what = format!("bar {i} of chart {id} in {}", lang.tag());
        expect_eq(
            &format!("{what}: [data-bar, data-figure]"),
            json!([bar["index"], bar["figure"]]),
            json!([i.to_string(), row.figure]),
        )?;
        let does = match row.link {
            Some(link) => json!([link_attr(link), null, null]),
            None => json!([null, format!("figure:{}", row.figure), "dialog"]),
        };
        expect_eq(
            &format!("{what}: [data-link, data-source, aria-haspopup]"),
            json!([bar["link"], bar["source"], bar["popup"]]),
            does,
        )?;
        let labels: Vec<String> = serde_json::from_value(bar["labels"].clone()).unwrap_or_default();
        expect_eq(
            &format!("{what}: its label, on its lines {labels:?} (spaces aside)"),
            no_spaces(&labels.concat()),
            no_spaces(&row.label),
        )?;
        expect_eq(
            &format!("{what}: its value"),
            bar["value"].clone(),
            json!(row.text),
        )?;
        expect_eq(
            &format!("{what}: its table row [figure, value]"),
            table[i].clone(),
            json!([row.figure, row.text]),
        )?;
        expect(
            &format!(
                "{what}: a shape and a band-high target, got {} and {}",
                bar["shape"], bar["hit"]
            ),
            bar["shape"]["width"].as_f64().is_some_and(|w| w > 0.0)
                && bar["hit"]["height"].as_f64().is_some_and(|h| h > 0.0),
        )?;
        expect_eq(
            &format!("{what}: marks of a filter [data-state, aria-current], with none"),
            json!([bar["state"], bar["current"]]),
            json!([null, null]),
        )?;
        if linked {
            expect_eq(
                // (Described by its readout only while that shows.)
                &format!("{what}: [role, tabindex, aria-describedby]"),
                json!([bar["role"], bar["tabindex"], bar["describedby"]]),
                json!(["button", if i == 0 { "0" } else { "-1" }, null]),
            )?;
            let name = bar["label"].as_str().unwrap_or_default();
            expect(
                &format!(
                    "{what}: an accessible name with its label `{}` and value `{}`, got `{name}`",
                    row.label, row.text
                ),
                name.contains(&row.label) && name.contains(&row.text),
            )?;
        } else {
            expect_eq(
                &format!("{what}: [role, tabindex] in a chart hidden from screen readers"),
                json!([bar["role"], bar["tabindex"]]),
                json!([null, null]),
            )?;
        }
    }
    let width = |i: usize| bars[i]["shape"]["width"].as_f64().unwrap_or(0.0);
    for i in 0..rows.len() {
        for j in 0..rows.len() {
            if rows[i].value > rows[j].value && width(i) + 0.5 < width(j) {
                return Err(format!(
                    "chart {id}: bar {i} ({}) is shorter ({:.1} px) than bar {j} ({}, {:.1} px)",
                    rows[i].text,
                    width(i),
                    rows[j].text,
                    width(j)
                ));
            }
        }
    }
    Ok(())
}

/// What the readout of bar `index` of `chart`, shown in `state`, gets wrong in `lang` (nothing,
/// if it is right): its label and value are the bar's data table row's, as the article words
/// the value; its source is the figure's sentence, or its beginning ending in "…"; the bar is
/// the chart's only active one; and the readout's box keeps off the bar's shape: just below
/// the bar's band.
fn readout_problems(state: &Value, chart: &BarChart, index: usize, lang: Lang) -> Vec<String> {
    let mut wrong = Vec::new();
    let row = &rows(chart, dataset(), lang)[index];
    let what = format!(
        "the readout of bar {index} of chart {} in {}",
        chart.id,
        lang.tag()
    );
    let r = &state["readout"];
    if r["shown"] != json!(true) {
        wrong.push(format!("{what}: not shown ({r})"));
        return wrong;
    }
    if r["label"] != json!(row.label) {
        wrong.push(format!(
            "{what}: label {}, expected {:?}",
            r["label"], row.label
        ));
    }
    let table = state["rows"][index][1].clone();
    if r["value"] != json!(row.text) || r["value"] != table {
        wrong.push(format!(
            "{what}: value {}, expected the table row's {table} (the data: {:?})",
            r["value"], row.text
        ));
    }
    let sentence = dataset()
        .figure(&row.figure)
        .and_then(|f| dataset().sentence(&f.source))
        .map(|s| s.read(lang))
        .unwrap_or_default();
    let source = r["source"].as_str().unwrap_or_default();
    let starts = match source.strip_suffix('…') {
        Some(start) => {
            !start.trim().is_empty()
                && start.chars().count() < sentence.chars().count()
                && sentence.starts_with(start)
        }
        None => source == sentence,
    };
    if !starts {
        wrong.push(format!(
            "{what}: source `{source}`, not the start of the figure's sentence `{sentence}`"
        ));
    }
    let active = active_bars(state);
    if active != [index] {
        wrong.push(format!(
            "{what}: active bars {active:?}, expected [{index}]"
        ));
    }
    let bar = &bars_of(state)[index];
    let (b, s, hit) = (&r["box"], &bar["shape"], &bar["hit"]);
    let n = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    let apart = n(b, "bottom") <= n(s, "top") + 0.5
        || n(b, "top") >= n(s, "bottom") - 0.5
        || n(b, "right") <= n(s, "left") + 0.5
        || n(b, "left") >= n(s, "right") - 0.5;
    if !apart {
        wrong.push(format!("{what}: its box {b} overlaps the bar's shape {s}"));
    }
    if n(b, "top") < n(hit, "bottom") - 0.5 {
        wrong.push(format!(
            "{what}: its box {b} not below the bar's band {hit}"
        ));
    }
    wrong
}

// ── The pointer ───────────────────────────────────────────────────────────────────────────

/// The CSS of bar `index` (0 for the first) of chart `chart`.
fn bar_css(chart: &str, index: usize) -> String {
    format!("#chart-{chart} .bar[data-bar='{index}']")
}

/// Scrolls chart `chart` into view and focuses what comes before its tab stop, so that one Tab
/// reaches it; returns what was focused (the keyboard probe must be installed).
async fn focus_before(ctx: &Ctx<'_>, chart: &str) -> Result<Value, String> {
    find_in_view(ctx, &bar_css(chart, 0)).await?;
    script(
        ctx,
        &format!(
            "return __kb.focusBefore(document.querySelector({:?}));",
            format!("#chart-{chart} .bar[tabindex='0']")
        ),
    )
    .await
}

/// Moves the mouse to (`x`, `y`) from the centre of `element`, and, with `click`, clicks there.
async fn mouse_to(ctx: &Ctx<'_>, element: Element, x: f64, y: f64, click: bool) -> Outcome {
    let mut actions = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
        element,
        duration: None,
        x,
        y,
    });
    if click {
        actions = actions
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
    }
    ctx.client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("cannot move the mouse: {e}"))
}

/// A real pointer click on bar `index` (0 for the first) of chart `chart`, `part` of the way
/// down its band (0: just below its top edge, 0.5: its middle, 1: just above its bottom edge),
/// above the middle of its shape: the point is the bar's own geometry, in the page as shown.
pub(super) async fn click_bar(ctx: &Ctx<'_>, chart: &str, index: usize, part: f64) -> Outcome {
    let hit = find_in_view(ctx, &format!("{} .bar-hit", bar_css(chart, index))).await?;
    let point = script_with(
        ctx,
        BAR_POINT,
        vec![json!(chart), json!(index), json!(part)],
    )
    .await?;
    let (x, y) = (
        point[0].as_i64().unwrap_or(0),
        point[1].as_i64().unwrap_or(0),
    );
    mouse_to(ctx, hit, x as f64, y as f64, true)
        .await
        .map_err(|e| format!("cannot click bar {index} of chart {chart}: {e}"))?;
    let _ = ctx.client.release_actions().await;
    Ok(())
}

/// Moves the mouse onto the middle of the shape of bar `index` of chart `chart`.
async fn hover_bar(ctx: &Ctx<'_>, chart: &str, index: usize) -> Outcome {
    let shape = find_in_view(ctx, &format!("{} .bar-shape", bar_css(chart, index))).await?;
    mouse_to(ctx, shape, 0.0, 0.0, false)
        .await
        .map_err(|e| format!("cannot hover bar {index} of chart {chart}: {e}"))
}

/// Moves the mouse off chart `chart`'s bars, onto its data table's summary.
async fn mouse_off(ctx: &Ctx<'_>, chart: &str) -> Outcome {
    let summary = find(
        ctx,
        &format!("figure.chart[data-chart='{chart}'] .data-table > summary"),
    )
    .await?;
    mouse_to(ctx, summary, 0.0, 0.0, false).await
}

/// A mouse over each bar shows its chart's readout (`readout_problems`), and leaving the bars
/// hides it; focus on a bar shows it too (Tab into a chart whose bars lead to projects, and
/// `focus()` on its next bar), the focused bar described by the readout's source; blur hides
/// it. In Traditional Chinese and in English.
pub async fn bar_hover_and_focus_show_the_readout(ctx: &Ctx<'_>) -> Outcome {
    let mut wrong = Vec::new();
    for lang in [Lang::Hant, Lang::En] {
        open(ctx, &format!("?lang={}", lang.tag())).await?;
        for chart in &dataset().charts {
            for (i, row) in rows(chart, dataset(), lang).iter().enumerate() {
                hover_bar(ctx, &chart.id, i).await?;
                let what = format!("the mouse over bar {i} of chart {}", chart.id);
                match wait_chart(ctx, &chart.id, |s| reads(s, &row.label), &what).await {
                    Ok(state) => wrong.extend(readout_problems(&state, chart, i, lang)),
                    Err(e) => wrong.push(e),
                }
            }
            mouse_off(ctx, &chart.id).await?;
            if let Err(e) = wait_chart(
                ctx,
                &chart.id,
                quiet,
                "the mouse leaving the bars to hide the readout",
            )
            .await
            {
                wrong.push(e);
            }
        }
        let _ = ctx.client.release_actions().await;
        focus_shows_the_readout(ctx, lang, &mut wrong).await?;
    }
    expect(
        &format!(
            "each bar's readout under the mouse and on focus, as the article says it, clear of its bar; but:\n  {}",
            wrong.join("\n  ")
        ),
        wrong.is_empty(),
    )
}

/// The first chart whose bars lead to projects.
fn linked_chart() -> Result<&'static BarChart, String> {
    dataset()
        .charts
        .iter()
        .find(|c| leads_to_projects(c))
        .ok_or_else(|| "no chart's bars lead to projects".to_string())
}

/// Tab into the first chart whose bars lead to projects focuses its first bar, visibly, and
/// shows its readout, which the bar is described by; `focus()` on the next bar moves the
/// readout to it; blur hides it.
async fn focus_shows_the_readout(ctx: &Ctx<'_>, lang: Lang, wrong: &mut Vec<String>) -> Outcome {
    let chart = linked_chart()?;
    let id = &chart.id;
    let labels: Vec<String> = rows(chart, dataset(), lang)
        .into_iter()
        .map(|r| r.label)
        .collect();
    install_keyboard_probe(ctx).await?;
    let from = focus_before(ctx, id).await?;
    expect(
        &format!("a tab stop before chart {id}, got {from}"),
        from.is_string(),
    )?;
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(
        ctx,
        &bar_css(id, 0),
        &format!("Tab from {from} into chart {id}"),
    )
    .await?;
    match wait_chart(ctx, id, |s| reads(s, &labels[0]), "focus on the first bar").await {
        Ok(state) => {
            wrong.extend(readout_problems(&state, chart, 0, lang));
            let described = &bars_of(&state)[0]["describedby"];
            let source = &state["readout"]["source_id"];
            if described.is_null() || described != source {
                wrong.push(format!(
                    "chart {id}: the focused bar is described by {described}, the readout's source is #{source}"
                ));
            }
        }
        Err(e) => wrong.push(e),
    }
    if labels.len() > 1 {
        focus(ctx, &bar_css(id, 1)).await?;
        match wait_chart(
            ctx,
            id,
            |s| reads(s, &labels[1]),
            "focus() on the second bar",
        )
        .await
        {
            Ok(state) => wrong.extend(readout_problems(&state, chart, 1, lang)),
            Err(e) => wrong.push(e),
        }
    }
    // The mouse off the bars first: focus() may have scrolled a bar under where it was (and
    // WebKit then sends that bar a pointerover, which shows its readout, rightly).
    mouse_off(ctx, id).await?;
    script(ctx, "document.activeElement.blur();").await?;
    if let Err(e) = wait_chart(ctx, id, quiet, "blur to hide the readout").await {
        wrong.push(e);
    }
    Ok(())
}

// ── The keyboard ──────────────────────────────────────────────────────────────────────────

/// Shift+Tab.
async fn press_shift_tab(ctx: &Ctx<'_>) -> Outcome {
    let keys = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down {
            value: Key::Shift.into(),
        })
        .then(KeyAction::Down {
            value: Key::Tab.into(),
        })
        .then(KeyAction::Up {
            value: Key::Tab.into(),
        })
        .then(KeyAction::Up {
            value: Key::Shift.into(),
        });
    perform_keys(ctx, keys, "Shift+Tab").await
}

/// Focus is on bar `index` of `chart`, the chart's one tab stop (the only bar with tabindex 0),
/// and the readout shows it.
async fn expect_bar_focused(ctx: &Ctx<'_>, chart: &BarChart, index: usize, when: &str) -> Outcome {
    let label = &rows(chart, dataset(), Lang::Hant)[index].label;
    let state = wait_chart(
        ctx,
        &chart.id,
        |s| reads(s, label) && bars_of(s)[index]["focused"] == json!(true),
        &format!("{when}: focus and the readout on bar {index}"),
    )
    .await?;
    let stops: Vec<usize> = bars_of(&state)
        .iter()
        .enumerate()
        .filter(|(_, b)| b["tabindex"] == json!("0"))
        .map(|(i, _)| i)
        .collect();
    expect_eq(
        &format!("{when}: the bars of chart {} with tabindex 0", chart.id),
        stops,
        vec![index],
    )?;
    expect_eq(
        &format!("{when}: the active bars"),
        active_bars(&state),
        vec![index],
    )
}

/// Presses `key` on the focused bar and checks focus lands on bar `to` of `chart`.
async fn key_to(ctx: &Ctx<'_>, key: Key, chart: &BarChart, to: usize, name: &str) -> Outcome {
    press(ctx, key, 1).await?;
    expect_bar_focused(ctx, chart, to, name).await
}

/// Focuses `chart`'s tab stop and goes to its bar `index` with Home and ArrowDown.
async fn keys_to_bar(ctx: &Ctx<'_>, chart: &BarChart, index: usize, when: &str) -> Outcome {
    find_in_view(ctx, &bar_css(&chart.id, index)).await?;
    focus(ctx, &format!("#chart-{} .bar[tabindex='0']", chart.id)).await?;
    press(ctx, Key::Home, 1).await?;
    press(ctx, Key::Down, index).await?;
    expect_bar_focused(ctx, chart, index, when).await
}

/// The keyboard in a chart whose bars lead to projects: Tab reaches it as one stop (the next
/// Tab leaves it for its data table, Shift+Tab comes back to the bar it left); the arrow keys
/// move focus, the readout and the one tabindex 0 between its bars (clamped at the ends),
/// Home and End to the first and last; Enter on a bar with projects filters the cards to them,
/// Space on another too; Enter on a bar that leads to its source opens the source panel; and
/// Escape hides the readout and moves focus to the chart's data table.
pub async fn arrow_keys_and_enter_filter_the_cards(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    install_keyboard_probe(ctx).await?;
    // The chart with the most bars of those that lead to projects.
    let chart = dataset()
        .charts
        .iter()
        .filter(|c| leads_to_projects(c))
        .max_by_key(|c| c.bars.len())
        .ok_or("no chart's bars lead to projects")?;
    let id = &chart.id;
    let last = chart.bars.len() - 1;
    let summary = format!("figure.chart[data-chart='{id}'] .data-table > summary");
    let from = focus_before(ctx, id).await?;
    press(ctx, Key::Tab, 1).await?;
    expect_bar_focused(ctx, chart, 0, &format!("Tab from {from}")).await?;
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(ctx, &summary, "the next Tab, out of the chart").await?;
    press_shift_tab(ctx).await?;
    expect_bar_focused(ctx, chart, 0, "Shift+Tab back into the chart").await?;
    key_to(ctx, Key::Down, chart, 1.min(last), "ArrowDown").await?;
    key_to(ctx, Key::Right, chart, 2.min(last), "ArrowRight").await?;
    key_to(ctx, Key::End, chart, last, "End").await?;
    key_to(ctx, Key::Down, chart, last, "ArrowDown on the last bar").await?;
    key_to(ctx, Key::Up, chart, last.saturating_sub(1), "ArrowUp").await?;
    key_to(ctx, Key::Left, chart, last.saturating_sub(2), "ArrowLeft").await?;
    key_to(ctx, Key::Home, chart, 0, "Home").await?;
    key_to(ctx, Key::Up, chart, 0, "ArrowUp on the first bar").await?;
    key_to(ctx, Key::End, chart, last, "End again").await?;
    // The chart keeps the bar it was left on as its tab stop.
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(ctx, &summary, "Tab out of the chart from its last bar").await?;
    press_shift_tab(ctx).await?;
    expect_bar_focused(ctx, chart, last, "Shift+Tab back to the bar it was left on").await?;
    // Enter on its last bar with projects, then Space on its first (another, where it has two).
    let linked: Vec<usize> = (0..chart.bars.len())
        .filter(|&i| chart.bars[i].link.is_some())
        .collect();
    let (&enter_on, &space_on) = (
        linked.last().ok_or("no linked bar")?,
        linked.first().ok_or("no linked bar")?,
    );
    for (i, key, name) in [
        (enter_on, Key::Enter, "Enter"),
        (space_on, Key::Space, "Space"),
    ] {
        keys_to_bar(ctx, chart, i, &format!("the bar to press {name} on")).await?;
        press(ctx, key, 1).await?;
        let link = chart.bars[i].link.ok_or("a linked bar without its link")?;
        super::page::expect_filtered_to(ctx, link)
            .await
            .map_err(|e| format!("{name} on bar {i} of chart {id}: {e}"))?;
        click(ctx, "#projects button.reset").await?;
        wait_cards(ctx, dataset().projects.len()).await?;
    }
    // Enter on a bar that leads to its source, in a chart whose bars lead to projects.
    let (source_chart, j) = dataset()
        .charts
        .iter()
        .filter(|c| leads_to_projects(c))
        .find_map(|c| c.bars.iter().position(|b| b.link.is_none()).map(|j| (c, j)))
        .ok_or("no chart has both bars with projects and bars with a source only")?;
    let figure = dataset()
        .figure(&source_chart.bars[j].figure)
        .ok_or("a bar without its figure")?;
    let sid = &source_chart.id;
    keys_to_bar(
        ctx,
        source_chart,
        j,
        "the bar with a source to press Enter on",
    )
    .await?;
    press(ctx, Key::Enter, 1).await?;
    wait_panel(ctx, true, &format!("Enter on bar {j} of chart {sid}")).await?;
    super::page::expect_figures_sentence(ctx, figure, &format!("Enter on bar {j} of chart {sid}"))
        .await?;
    escape_closes_the_panel(ctx).await?;
    let back = script(
        ctx,
        &format!(
            "return document.activeElement && document.activeElement.matches({:?});",
            bar_css(sid, j)
        ),
    )
    .await?;
    if back != json!(true) {
        // Where focus went is the panel's business (a11y.rs); Escape needs a focused bar.
        focus(ctx, &bar_css(sid, j)).await?;
    }
    expect_bar_focused(ctx, source_chart, j, "focus on the bar after the panel").await?;
    // Escape leaves the chart for its data table.
    press(ctx, Key::Escape, 1).await?;
    expect_focus_on(
        ctx,
        &format!("figure.chart[data-chart='{sid}'] .data-table > summary"),
        "Escape on a bar",
    )
    .await?;
    wait_chart(ctx, sid, quiet, "Escape to hide the readout").await?;
    expect_eq(
        "focus back on the bar after its source panel closed",
        back,
        json!(true),
    )
}

// ── The cards' filter ─────────────────────────────────────────────────────────────────────

/// Whether each bar of `chart` stands for what `filter` chooses (`Some(true)`: selected,
/// `Some(false)`: dimmed), from the data: `None` for every bar where no bar of the chart stands
/// for what the filter chooses (the chart is not about what the cards show).
fn marks(chart: &BarChart, filter: &Filter) -> Vec<Option<bool>> {
    let stands = |b: &torch2024::model::Bar| match b.link {
        Some(Link::Kind(kind)) => filter.kinds.contains(&kind),
        Some(Link::Sector(sector)) => filter.sectors.contains(&sector),
        None => false,
    };
    let any = chart.bars.iter().any(stands);
    chart.bars.iter().map(|b| any.then(|| stands(b))).collect()
}

/// What the charts of `state` get wrong of `filter`'s marks in `lang`: each bar's
/// `data-state` and `aria-current` (`marks`), and each chart's `.chart-selection`: where bars
/// are marked, a sentence naming the selected bars, else empty.
fn marks_problems(state: &[Value], filter: &Filter, lang: Lang) -> Vec<String> {
    let mut wrong = Vec::new();
    for chart in &dataset().charts {
        let Some(shown) = state.iter().find(|c| c["id"] == json!(chart.id)) else {
            wrong.push(format!("no chart {} on the page", chart.id));
            continue;
        };
        let bars = bars_of(shown);
        let want = marks(chart, filter);
        let rows = rows(chart, dataset(), lang);
        for (i, (bar, mark)) in bars.iter().zip(&want).enumerate() {
            let expected = match mark {
                Some(true) => json!(["selected", "true"]),
                Some(false) => json!(["dimmed", null]),
                None => json!([null, null]),
            };
            let got = json!([bar["state"], bar["current"]]);
            if got != expected {
                wrong.push(format!(
                    "bar {i} of chart {} [data-state, aria-current]: {got}, expected {expected}",
                    chart.id
                ));
            }
        }
        let said = shown["selection"].as_str().unwrap_or_default().trim();
        if want.iter().all(Option::is_none) {
            if !said.is_empty() {
                wrong.push(format!("chart {}: says `{said}` of no selection", chart.id));
            }
            continue;
        }
        let selected: Vec<&str> = rows
            .iter()
            .zip(&want)
            .filter(|(_, m)| **m == Some(true))
            .map(|(r, _)| r.label.as_str())
            .collect();
        if !selected.iter().all(|l| said.contains(l)) {
            wrong.push(format!(
                "chart {}: its selection says `{said}`, expected a sentence naming {selected:?}",
                chart.id
            ));
        }
    }
    wrong
}

/// Waits until every chart's marks are `filter`'s (`marks_problems`), after `what`.
async fn wait_marks(ctx: &Ctx<'_>, filter: &Filter, lang: Lang, what: &str) -> Outcome {
    let deadline = Instant::now() + QUICK;
    loop {
        let wrong = marks_problems(&charts_state(ctx).await?, filter, lang);
        if wrong.is_empty() {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "{what}: the charts' marks, after {QUICK:?}:\n  {}",
                wrong.join("\n  ")
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The milestone kinds and sectors the charts' bars lead to, in page order.
fn links() -> Vec<Link> {
    let mut found: Vec<Link> = Vec::new();
    for link in dataset()
        .charts
        .iter()
        .flat_map(|c| &c.bars)
        .filter_map(|b| b.link)
    {
        if !found.contains(&link) {
            found.push(link);
        }
    }
    found
}

/// A milestone kind ticked among the cards' facets marks, in every chart with bars that lead
/// to projects, its bars selected and the others dimmed, and the chart says what is selected;
/// a sector ticked as well adds its bars; charts whose bars lead to no projects are left alone;
/// the filter's reset takes every mark and sentence away. The same from the URL (`?kind=…`),
/// and nothing for a search alone.
pub async fn a_facet_marks_the_bars_it_stands_for(ctx: &Ctx<'_>) -> Outcome {
    let links = links();
    let kinds: Vec<MilestoneKind> = links
        .iter()
        .filter_map(|l| match l {
            Link::Kind(k) => Some(*k),
            Link::Sector(_) => None,
        })
        .collect();
    let sector: Option<Sector> = links.iter().find_map(|l| match l {
        Link::Sector(s) => Some(*s),
        Link::Kind(_) => None,
    });
    let kind = *kinds
        .first()
        .ok_or("no chart's bar leads to a milestone kind")?;
    open(ctx, "?lang=zh-Hant").await?;
    let mut filter = Filter::default();
    wait_marks(ctx, &filter, Lang::Hant, "no filter").await?;
    show_facets(ctx).await?;
    click(
        ctx,
        &format!(".facet-option[data-key='{}'] input", kind.name()),
    )
    .await?;
    filter.toggle_kind(kind);
    wait_marks(ctx, &filter, Lang::Hant, &format!("{} ticked", kind.name())).await?;
    if let Some(sector) = sector {
        show_facets(ctx).await?;
        click(
            ctx,
            &format!(".facet-option[data-key='{}'] input", sector.name()),
        )
        .await?;
        filter.toggle_sector(sector);
        wait_marks(
            ctx,
            &filter,
            Lang::Hant,
            &format!("{} and {} ticked", kind.name(), sector.name()),
        )
        .await?;
    }
    click(ctx, "#projects button.reset").await?;
    wait_cards(ctx, dataset().projects.len()).await?;
    wait_marks(ctx, &Filter::default(), Lang::Hant, "the filter's reset").await?;
    // From the URL: another kind, in English.
    let other = kinds.iter().copied().find(|&k| k != kind).unwrap_or(kind);
    open(ctx, &format!("?lang=en&kind={}", other.name())).await?;
    let mut filter = Filter::default();
    filter.toggle_kind(other);
    wait_marks(ctx, &filter, Lang::En, &format!("?kind={}", other.name())).await?;
    // A search alone chooses no bar.
    open(ctx, "?lang=en&q=Tianma").await?;
    wait_marks(ctx, &Filter::default(), Lang::En, "a search alone").await
}

// ── Colours ───────────────────────────────────────────────────────────────────────────────

/// A JS expression: [the computed fill of the first bar's shape, of its value's text, and the
/// page's `--accent` and `--ink` as computed colours], in the same syntax.
const COLOURS: &str = "(function () { \
    var probe = document.createElement('span'); document.body.appendChild(probe); \
    var as = function (v) { probe.style.color = v; return getComputedStyle(probe).color; }; \
    var root = getComputedStyle(document.documentElement); \
    var out = [as(getComputedStyle(document.querySelector('.chart-svg .bar-shape')).fill), \
               as(getComputedStyle(document.querySelector('.chart-svg .chart-value')).fill), \
               as(root.getPropertyValue('--accent').trim()), as(root.getPropertyValue('--ink').trim())]; \
    probe.remove(); return out; })()";

/// The SVG files, and anything under `charts/`, that the page or the server saw asked for
/// since the server's log had `before` entries, but for the page's icon.
pub(super) async fn chart_file_requests(
    ctx: &Ctx<'_>,
    before: usize,
) -> Result<Vec<String>, String> {
    let page = script(
        ctx,
        "return [Array.from(document.querySelectorAll('link[rel~=icon]')).map(l => new URL(l.href, location.href).pathname), \
                 performance.getEntriesByType('resource').map(e => e.name)];",
    )
    .await?;
    let icons: Vec<String> = serde_json::from_value(page[0].clone()).unwrap_or_default();
    let loaded: Vec<String> = serde_json::from_value(page[1].clone()).unwrap_or_default();
    let chart_file = |path: &str| {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        path.contains("/charts/")
            || (path.ends_with(".svg") && !icons.iter().any(|icon| path.ends_with(icon.as_str())))
    };
    let mut found: Vec<String> = ctx
        .server
        .requests_since(before)
        .into_iter()
        .filter(|p| chart_file(p))
        .map(|p| format!("{p} (asked of the server)"))
        .collect();
    found.extend(
        loaded
            .into_iter()
            .filter(|n| chart_file(n))
            .map(|n| format!("{n} (in the page's resource timing)")),
    );
    Ok(found)
}

/// The colours of the charts (`COLOURS`), once the page is in the colour scheme `dark`.
async fn colours(ctx: &Ctx<'_>, dark: bool) -> Result<Vec<String>, String> {
    let scheme = if dark { "dark" } else { "light" };
    wait_until(
        ctx,
        &format!("matchMedia('(prefers-color-scheme: {scheme})').matches"),
        &format!("the {scheme} colour scheme"),
    )
    .await?;
    let got = script(ctx, &format!("return {COLOURS};")).await?;
    serde_json::from_value(got).map_err(|e| e.to_string())
}

/// In the dark colour scheme the bars are drawn in the dark accent and their text in the dark
/// ink, other colours than the light ones, from the same inline SVG: the page asks for no other
/// file (no chart SVG, before or after the switch). Chromium switches the open page (the
/// DevTools Protocol's emulation, as `a11y.rs` does); Firefox and WebKit open it in a second
/// session that prefers dark (`Browser::start_dark`).
pub async fn dark_mode_recolours_the_bars_without_another_file(ctx: &Ctx<'_>) -> Outcome {
    let before = ctx.server.requests();
    open(ctx, "?lang=zh-Hant").await?;
    wait_for_charts(ctx).await?;
    let light = if script(
        ctx,
        "return matchMedia('(prefers-color-scheme: dark)').matches;",
    )
    .await?
        == json!(true)
    {
        None
    } else {
        Some(colours(ctx, false).await?)
    };
    if let Some(light) = &light {
        expect_eq(
            "the bars' fill and their text's in light, against the page's [--accent, --ink]",
            light[..2].to_vec(),
            light[2..].to_vec(),
        )?;
    }
    let dark = if ctx.engine == Engine::Chromium {
        super::a11y::emulate_dark(ctx, true).await?;
        let dark = colours(ctx, true).await;
        let reset = super::a11y::emulate_dark(ctx, false).await;
        let dark = dark?;
        reset?;
        dark
    } else {
        let session = crate::engines::Browser::start_dark(ctx.engine).await?;
        let dark_ctx = Ctx {
            client: &session.client,
            ..*ctx
        };
        let dark = async {
            open(&dark_ctx, "?lang=zh-Hant").await?;
            wait_for_charts(&dark_ctx).await?;
            let dark = colours(&dark_ctx, true).await?;
            let files = chart_file_requests(&dark_ctx, before).await?;
            expect_eq("chart files asked for in the dark session", files, vec![])?;
            Ok::<_, String>(dark)
        }
        .await;
        session.stop().await;
        dark?
    };
    expect_eq(
        "the bars' fill and their text's in dark, against the page's [--accent, --ink]",
        dark[..2].to_vec(),
        dark[2..].to_vec(),
    )?;
    if let Some(light) = &light {
        expect(
            &format!("other colours in dark than in light: {dark:?} and {light:?}"),
            dark[0] != light[0] && dark[1] != light[1],
        )?;
    }
    expect_eq(
        "chart files asked for",
        chart_file_requests(ctx, before).await?,
        vec![],
    )
}

// ── Touch ─────────────────────────────────────────────────────────────────────────────────

/// Records, in `__taps`, the pointer type of each pointerdown and each click on the page.
const TAP_RECORDER: &str = "if (!window.__taps) { window.__taps = []; \
    document.addEventListener('pointerdown', function (e) { __taps.push(e.pointerType); }, true); \
    document.addEventListener('click', function () { __taps.push('click'); }, true); } \
    __taps.length = 0;";

/// Dispatches a touch tap on the element `arguments[0]` from script: a touch pointerdown and a
/// click, as a tap gives them.
const SCRIPTED_TAP: &str = "var e = arguments[0]; \
    e.dispatchEvent(new PointerEvent('pointerdown', {pointerType: 'touch', isPrimary: true, bubbles: true, cancelable: true, composed: true})); \
    e.dispatchEvent(new PointerEvent('pointerup', {pointerType: 'touch', isPrimary: true, bubbles: true, cancelable: true, composed: true})); \
    e.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, composed: true}));";

/// How a check taps: with WebDriver's touch actions where they give the page a touch
/// pointerdown and a click, else from script.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Tapping {
    WebDriver,
    Script,
}

/// A real tap (WebDriver's touch actions) on the middle of `element`.
async fn touch_tap(ctx: &Ctx<'_>, element: Element) -> Outcome {
    let actions = TouchActions::new("finger".to_string())
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down { button: 0 })
        .then(PointerAction::Up { button: 0 });
    let done = ctx.client.perform_actions(actions).await;
    let _ = ctx.client.release_actions().await;
    done.map_err(|e| format!("WebDriver's touch actions: {e}"))
}

/// How this engine can tap: with WebDriver's touch actions where, on the page's title, they
/// give the page a touch pointerdown and then a click; else from script.
async fn tapping(ctx: &Ctx<'_>) -> Result<Tapping, String> {
    let title = find_in_view(ctx, "#app h1").await?;
    script(ctx, TAP_RECORDER).await?;
    let why = match touch_tap(ctx, title).await {
        Err(e) => e,
        Ok(()) => match wait_until_within(
            ctx,
            "__taps.indexOf('touch') >= 0 && __taps.indexOf('click') > __taps.indexOf('touch')",
            "a touch pointerdown and then a click",
            Duration::from_secs(1),
        )
        .await
        {
            Ok(()) => return Ok(Tapping::WebDriver),
            Err(e) => format!("{e}; the page saw {}", script(ctx, "return __taps;").await?),
        },
    };
    eprintln!(
        "{}: no tap from WebDriver's touch actions ({why}); tapping from script",
        ctx.engine.name()
    );
    Ok(Tapping::Script)
}

/// Taps the middle of `css` (scrolled into view) the way `how` says.
async fn tap(ctx: &Ctx<'_>, css: &str, how: Tapping) -> Outcome {
    let element = find_in_view(ctx, css).await?;
    match how {
        Tapping::WebDriver => touch_tap(ctx, element)
            .await
            .map_err(|e| format!("cannot tap `{css}`: {e}")),
        Tapping::Script => script_on(ctx, SCRIPTED_TAP, &element).await.map(|_| ()),
    }
}

/// On touch, the first tap on a bar shows its readout and does nothing else (no filter, no
/// panel); a second tap on it does what it does (filters the cards; opens its source); a tap
/// elsewhere hides the readout, after which the next tap on the bar is a first tap again.
/// WebDriver's touch actions where the engine has them, else touch events from script.
pub async fn a_first_tap_shows_the_readout_and_a_second_acts(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let all = dataset().projects.len();
    // A bar that leads to projects.
    let chart = linked_chart()?;
    let i = chart
        .bars
        .iter()
        .position(|b| b.link.is_some())
        .unwrap_or(0);
    let link = chart.bars[i]
        .link
        .ok_or("a linked chart without a linked bar")?;
    let label = &rows(chart, dataset(), Lang::Hant)[i].label;
    let shape = format!("{} .bar-shape", bar_css(&chart.id, i));
    let how = tapping(ctx).await?;
    tap(ctx, &shape, how).await?;
    let state = wait_chart(
        ctx,
        &chart.id,
        |s| reads(s, label),
        "a first tap to show the readout",
    )
    .await?;
    let wrong = readout_problems(&state, chart, i, Lang::Hant);
    expect(
        &format!(
            "the readout of the first tap, but:\n  {}",
            wrong.join("\n  ")
        ),
        wrong.is_empty(),
    )?;
    // Nothing else comes of it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    expect_eq("cards after a first tap", card_ids(ctx).await?.len(), all)?;
    expect(
        "no filter in the URL after a first tap",
        !current_query(ctx).await?.contains("kind=")
            && !current_query(ctx).await?.contains("sector="),
    )?;
    tap(ctx, &shape, how).await?;
    super::page::expect_filtered_to(ctx, link)
        .await
        .map_err(|e| format!("a second tap ({how:?}): {e}"))?;
    click(ctx, "#projects button.reset").await?;
    wait_cards(ctx, all).await?;
    // A bar that leads to its source, in a chart hidden from screen readers where there is one
    // (its bars take no focus, so only the taps show and hide its readout).
    let chart = dataset()
        .charts
        .iter()
        .find(|c| !leads_to_projects(c))
        .or_else(|| {
            dataset()
                .charts
                .iter()
                .find(|c| c.bars.iter().any(|b| b.link.is_none()))
        })
        .ok_or("no bar leads to its source")?;
    let j = chart
        .bars
        .iter()
        .position(|b| b.link.is_none())
        .unwrap_or(0);
    let figure = dataset()
        .figure(&chart.bars[j].figure)
        .ok_or("a bar without its figure")?;
    let label = &rows(chart, dataset(), Lang::Hant)[j].label;
    let shape = format!("{} .bar-shape", bar_css(&chart.id, j));
    first_tap_opens_no_panel(ctx, &chart.id, &shape, label, how, "a first tap").await?;
    tap(ctx, &format!("#section-{} h2", chart.group), how).await?;
    wait_chart(ctx, &chart.id, quiet, "a tap elsewhere to hide the readout").await?;
    first_tap_opens_no_panel(
        ctx,
        &chart.id,
        &shape,
        label,
        how,
        "a first tap again, after a tap elsewhere",
    )
    .await?;
    tap(ctx, &shape, how).await?;
    wait_panel(
        ctx,
        true,
        &format!("a second tap ({how:?}) on a bar with a source"),
    )
    .await?;
    super::page::expect_figures_sentence(ctx, figure, "a second tap on a bar with a source")
        .await?;
    escape_closes_the_panel(ctx).await
}

/// A tap (`what`) on `shape`, of a bar of chart `chart` labelled `label` that leads to its
/// source, shows the bar's readout and opens no source panel.
async fn first_tap_opens_no_panel(
    ctx: &Ctx<'_>,
    chart: &str,
    shape: &str,
    label: &str,
    how: Tapping,
    what: &str,
) -> Outcome {
    tap(ctx, shape, how).await?;
    wait_chart(
        ctx,
        chart,
        |s| reads(s, label),
        &format!("{what} on a bar with a source"),
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    expect_eq(
        &format!("the source panel open after {what}"),
        script(ctx, &format!("return {PANEL}.open;")).await?,
        json!(false),
    )
}
