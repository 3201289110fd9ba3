//! What a reader does and sees, checked in each engine. One module per part of the page;
//! `ALL` lists every check in the order they run.

mod a11y;
mod bars;
mod cards;
mod edition;
mod embed;
mod langs;
mod page;
mod publishing;
mod robust;

use crate::engines::{Chromedriver, Engine};
use crate::server::Server;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, Instant};
use torch2024::embedded::dataset;
use torch2024::model::Lang;
use torch2024::names::Named;
use torch2024::query::{Catalog, Filter};

/// What a check needs: a browser session, which engine it is, and the server the app is on.
pub struct Ctx<'a> {
    pub client: &'a Client,
    pub engine: Engine,
    pub server: &'a Server,
    /// The second edition (tests/fixtures/edition), built from its data alone.
    pub edition: &'a Server,
}

pub type Outcome = Result<(), String>;
pub type CheckFn = for<'a> fn(&'a Ctx<'a>) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>;

macro_rules! checks {
    ($($module:ident :: $name:ident),* $(,)?) => {
        pub const ALL: &[(&str, CheckFn)] = &[$((stringify!($name), |ctx| Box::pin($module::$name(ctx)))),*];
    };
}

checks![
    page::title_and_charts_render,
    page::no_node_is_replaced_on_start,
    page::every_section_renders,
    page::each_figure_is_shown_once,
    page::no_console_error_or_failed_request,
    page::activating_a_figure_opens_its_marked_source,
    page::source_panel_marks_restored_characters,
    page::chart_bar_filters_the_cards,
    page::figure_link_filters_the_cards,
    page::charts_arrive_in_the_html,
    bars::bar_hover_and_focus_show_the_readout,
    bars::arrow_keys_and_enter_filter_the_cards,
    bars::a_facet_marks_the_bars_it_stands_for,
    bars::dark_mode_recolours_the_bars_without_another_file,
    bars::a_first_tap_shows_the_readout_and_a_second_acts,
    page::page_fits_the_length_limits_on_a_phone,
    cards::facets_combine_and_count,
    cards::search_works_across_scripts,
    cards::sort_orders_the_cards,
    cards::url_keeps_the_view_through_reload_back_and_forward,
    cards::malformed_urls_fall_back_to_defaults,
    cards::empty_result_offers_a_reset,
    cards::facets_fold_on_a_narrow_page,
    cards::chapter_project_link_leads_to_its_card,
    cards::keyboard_alone_filters_and_opens_sources,
    cards::early_input_survives_a_slow_start,
    cards::opening_a_view_adds_no_history_entry,
    langs::each_language_by_url,
    langs::switch_changes_every_text_and_keeps_the_view,
    langs::switch_carries_the_view,
    langs::lang_and_browser_lead_to_the_language_page,
    embed::strict_csp_holds,
    publishing::share_tags_use_the_public_address,
    publishing::without_an_address_what_needs_one_is_left_out,
    publishing::a_pym_parent_fits_the_frame,
    publishing::chart_downloads_open_and_carry_their_credit,
    embed::readable_without_javascript,
    embed::language_links_lead_to_each_page_without_javascript,
    embed::iframes_size_themselves,
    embed::sandboxed_iframe_works,
    embed::narrow_columns_never_scroll_sideways,
    embed::embed_code_carries_the_view,
    embed::standalone_file_opens_from_disk,
    a11y::axe_passes_in_each_language,
    a11y::axe_passes_with_filters_and_no_results,
    a11y::axe_passes_with_a_source_panel_open,
    a11y::axe_passes_embedded,
    a11y::axe_passes_in_dark_mode,
    a11y::tab_reaches_every_control_in_order_with_visible_focus,
    a11y::source_panel_holds_and_returns_focus,
    a11y::skip_link_language_switch_and_reset_keep_focus,
    robust::no_console_warning_in_any_language,
    robust::random_urls_through_history_give_a_sane_page,
    robust::random_urls_by_navigation_give_a_sane_page,
    robust::random_search_input_is_rendered_as_text,
    robust::back_and_forward_keep_the_cards_in_order,
    edition::simplified_restoration_note_keeps_its_characters,
    edition::baidu_card_shows_under_signed_and_launched,
    edition::an_award_without_a_number_stands_in_its_section,
    edition::another_edition_opens,
];

/// How long a check waits for something the page should do.
const PATIENCE: Duration = Duration::from_secs(15);

/// A JS expression: the ids of the projects on the cards, in page order.
const CARD_IDS: &str =
    "Array.from(document.querySelectorAll('#projects article.card')).map(e => e.dataset.project)";
/// A JS expression: the source panel.
const PANEL: &str = "document.querySelector('dialog.source-dialog')";
const SETTLED: &str = include_str!("../js/settled.js");
const KEYBOARD_PROBE: &str = include_str!("../js/keyboard-probe.js");

/// Opens the app at `query` under its sub-path and waits until it is interactive: on the page
/// of the language the query leads to (as the page's own script in `<head>` would send the
/// reader there, which `langs::lang_and_browser_lead_to_the_language_page` checks).
pub async fn open(ctx: &Ctx<'_>, query: &str) -> Outcome {
    let meant = torch2024::query::url::parse(query);
    let lang = match meant.lang {
        Some(lang) => lang,
        None if meant.embed => Lang::default(),
        None => {
            let tags = script(ctx, "return Array.from(navigator.languages || []);").await?;
            Lang::for_browser(&serde_json::from_value::<Vec<String>>(tags).unwrap_or_default())
        }
    };
    open_at(
        ctx,
        &format!("{}{}{query}", ctx.server.base, page_file(lang)),
    )
    .await
}

/// The file of `lang`'s page beside the others, as a link names it (`""` for `index.html`, the
/// folder itself).
pub fn page_file(lang: Lang) -> &'static str {
    match torch2024::query::url::page_name(lang) {
        "index.html" => "",
        name => name,
    }
}

/// Opens `url` and waits until the app is live on the page it leads to. (The page shown before
/// is marked first: an engine may end `goto` while the page it leaves is still shown, as
/// Firefox has when the new page's first script sends the reader on to another, and that page
/// must not pass for the new one.)
pub async fn open_at(ctx: &Ctx<'_>, url: &str) -> Outcome {
    // A page that takes no script (a blank one, say) has nothing to be mistaken for.
    let _ = mark_page(ctx).await;
    ctx.client
        .goto(url)
        .await
        .map_err(|e| format!("cannot open {url}: {e}"))?;
    wait_new_page(ctx, &format!("the page of {url}")).await
}

/// Marks the document shown now, so that [`wait_new_page`] can tell the next one from it.
pub async fn mark_page(ctx: &Ctx<'_>) -> Outcome {
    script(ctx, "window.__leaving = true;").await.map(|_| ())
}

/// Waits until the browser shows a document other than the one [`mark_page`] marked, and the
/// app is live on it: after following a link, say.
pub async fn wait_new_page(ctx: &Ctx<'_>, what: &str) -> Outcome {
    wait_through_navigation(ctx, "!window.__leaving", what).await?;
    wait_ready(ctx).await
}

/// Goes to `url` without waiting for its load event (as `goto` would, and so for the
/// WebAssembly that the server's `/slow-wasm` holds back), and waits until its HTML has arrived
/// (past DOMContentLoaded) while the app is not live yet.
pub async fn open_before_the_app(ctx: &Ctx<'_>, url: &str) -> Outcome {
    mark_page(ctx).await?;
    script_with(ctx, "location.href = arguments[0];", vec![json!(url)]).await?;
    wait_through_navigation(
        ctx,
        "!window.__leaving && document.readyState != 'loading' \
         && document.querySelector('#app > .page') && !document.querySelector('#app[data-ready]')",
        &format!("the page that arrived from {url}, before the app is live"),
    )
    .await
}

/// Waits until `js` (an expression) is truthy, while the page may be replaced by another: a
/// script that fails because its document went away is tried again.
async fn wait_through_navigation(ctx: &Ctx<'_>, js: &str, what: &str) -> Outcome {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let last = match script(ctx, &format!("return !!({js});")).await {
            Ok(Value::Bool(true)) => return Ok(()),
            Ok(v) => v.to_string(),
            Err(e) => e,
        };
        if Instant::now() > deadline {
            let at = script(ctx, "return location.href;")
                .await
                .unwrap_or_default();
            return Err(format!(
                "timed out after {PATIENCE:?} waiting for {what} (`{js}`: {last}; at {at})"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The app has made the page live and drawn its cards.
pub async fn wait_ready(ctx: &Ctx<'_>) -> Outcome {
    let Err(why) = wait_for(ctx, "#app[data-ready] .page #projects .result-count").await else {
        return Ok(());
    };
    // Where the browser is and what the page shows, to tell a slow start from a failed one.
    let page = script(
        ctx,
        "var e = document.getElementById('app-error'); \
         return location.href + ' (' + document.readyState + ', ' + document.documentElement.lang + ')' \
           + (e ? ': ' + e.textContent : '');",
    )
    .await
    .unwrap_or_else(|e| json!(e));
    Err(format!("{why}; the page: {page}"))
}

pub async fn wait_for(ctx: &Ctx<'_>, css: &str) -> Result<Element, String> {
    ctx.client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .map_err(|e| format!("`{css}` did not appear within {PATIENCE:?}: {e}"))
}

/// A JS expression: how many charts in `doc` are drawn: an inline SVG with its bars, laid out.
pub fn charts_drawn_in(doc: &str) -> String {
    format!(
        "Array.from({doc}.querySelectorAll('figure.chart svg.chart-svg')).filter(s => s.querySelector('.bar') && s.getBoundingClientRect().width > 0).length"
    )
}

/// How many charts the page has.
pub fn charts() -> usize {
    dataset().charts.len()
}

/// Waits until every chart is drawn (each is in the page's HTML, so this is at once unless the
/// page is still arriving).
pub async fn wait_for_charts(ctx: &Ctx<'_>) -> Outcome {
    wait_until(
        ctx,
        &format!("{} == {}", charts_drawn_in("document"), charts()),
        "every chart's SVG",
    )
    .await
}

/// Waits until `js` (an expression) is truthy.
pub async fn wait_until(ctx: &Ctx<'_>, js: &str, what: &str) -> Outcome {
    wait_until_within(ctx, js, what, PATIENCE).await
}

/// Waits at most `timeout` until `js` (an expression) is truthy.
pub async fn wait_until_within(ctx: &Ctx<'_>, js: &str, what: &str, timeout: Duration) -> Outcome {
    let deadline = Instant::now() + timeout;
    loop {
        if script(ctx, &format!("return !!({js});")).await? == json!(true) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "timed out after {timeout:?} waiting for {what} (`{js}`)"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the page has loaded, drawn and gone idle (`js/settled.js`): what it logs while it
/// starts has been logged.
pub async fn wait_settled(ctx: &Ctx<'_>) -> Outcome {
    ctx.client
        .execute_async(SETTLED, vec![])
        .await
        .map(|_| ())
        .map_err(|e| format!("the page did not settle: {e}"))
}

/// Waits until there are `n` cards.
pub async fn wait_cards(ctx: &Ctx<'_>, n: usize) -> Outcome {
    wait_until(
        ctx,
        &format!("document.querySelectorAll('#projects article.card').length == {n}"),
        &format!("{n} cards"),
    )
    .await
}

/// Waits until the cards are those of `want`, in its order; says how they differ if they do
/// not get there.
pub async fn wait_card_ids(ctx: &Ctx<'_>, want: &[String], what: &str) -> Outcome {
    let want_js = serde_json::to_string(want).map_err(|e| e.to_string())?;
    let arrived = wait_until(
        ctx,
        &format!("JSON.stringify({CARD_IDS}) == JSON.stringify({want_js})"),
        what,
    )
    .await;
    match arrived {
        Ok(()) => Ok(()),
        Err(_) => Err(format!(
            "{what}: {}",
            order_or_set_difference(&card_ids(ctx).await?, want)
        )),
    }
}

/// How the cards shown differ from the cards expected: in which, or in what order.
pub fn order_or_set_difference(got: &[String], want: &[String]) -> String {
    let (mut a, mut b) = (got.to_vec(), want.to_vec());
    a.sort();
    b.sort();
    if a == b {
        let at = got.iter().zip(want).position(|(g, w)| g != w).unwrap_or(0);
        format!(
            "the right {} cards in the wrong order: card {} is {:?}, expected {:?} \
             (shown: {got:?}; expected: {want:?})",
            got.len(),
            at + 1,
            got[at],
            want[at]
        )
    } else {
        let extra: Vec<&String> = got.iter().filter(|g| !want.contains(g)).collect();
        let missing: Vec<&String> = want.iter().filter(|w| !got.contains(w)).collect();
        format!(
            "{} cards, expected {}: shown but not expected {extra:?}, expected but not shown {missing:?}",
            got.len(),
            want.len()
        )
    }
}

/// The app's own answer for a filter in `lang`, as card ids: what the cards must show.
pub fn expected_cards(filter: &Filter, lang: Lang) -> Vec<String> {
    Catalog::new(&dataset().projects)
        .select(filter, lang)
        .into_iter()
        .map(|i| dataset().projects[i].id.clone())
        .collect()
}

pub async fn script(ctx: &Ctx<'_>, js: &str) -> Result<Value, String> {
    script_with(ctx, js, vec![]).await
}

/// Runs `js` with `args` as its `arguments`.
pub async fn script_with(ctx: &Ctx<'_>, js: &str, args: Vec<Value>) -> Result<Value, String> {
    ctx.client
        .execute(js, args)
        .await
        .map_err(|e| format!("script failed: {e}\n{js}"))
}

pub async fn script_on(ctx: &Ctx<'_>, js: &str, element: &Element) -> Result<Value, String> {
    let arg = serde_json::to_value(element).map_err(|e| e.to_string())?;
    script_with(ctx, js, vec![arg]).await
}

pub async fn find(ctx: &Ctx<'_>, css: &str) -> Result<Element, String> {
    ctx.client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("no `{css}`: {e}"))
}

/// Each chart of `ds` is on the page, in order, naming the figures of its bars
/// (`data-figures`), so that a figure on a chart is not shown again elsewhere.
pub async fn expect_charts_list_their_bars(
    ctx: &Ctx<'_>,
    ds: &torch2024::model::Dataset,
    what: &str,
) -> Outcome {
    let pictured = script(
        ctx,
        "return Array.from(document.querySelectorAll('figure.chart')).map(f => f.dataset.figures);",
    )
    .await?;
    let want: Vec<String> = ds
        .charts
        .iter()
        .map(|c| {
            c.bars
                .iter()
                .map(|b| b.figure.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    expect_eq(
        &format!("{what}, each with the figures of its bars"),
        pictured,
        json!(want),
    )
}

/// Runs `check`, then puts the window back to the size it had before.
pub async fn keeping_the_window_size(
    ctx: &Ctx<'_>,
    check: impl Future<Output = Outcome>,
) -> Outcome {
    let (w, h) = ctx
        .client
        .get_window_size()
        .await
        .map_err(|e| format!("the window's size: {e}"))?;
    let outcome = check.await;
    let restored = ctx
        .client
        .set_window_size(w as u32, h as u32)
        .await
        .map_err(|e| format!("cannot put the window back to {w}×{h}: {e}"));
    outcome.and(restored)
}

/// Unfolds the cards' facets where a narrow page folds them behind their button, as a reader
/// there does before ticking one.
pub async fn show_facets(ctx: &Ctx<'_>) -> Outcome {
    let folded = script(
        ctx,
        "var b = document.querySelector('.facets-toggle'); return !!b && b.offsetParent !== null && b.getAttribute('aria-expanded') !== 'true';",
    )
    .await?;
    if folded == json!(true) {
        click(ctx, ".facets-toggle").await?;
    }
    Ok(())
}

/// Finds `css` and scrolls it to the middle of the window.
pub async fn find_in_view(ctx: &Ctx<'_>, css: &str) -> Result<Element, String> {
    let element = find(ctx, css).await?;
    script_on(
        ctx,
        "arguments[0].scrollIntoView({block: 'center'});",
        &element,
    )
    .await?;
    Ok(element)
}

pub async fn click(ctx: &Ctx<'_>, css: &str) -> Outcome {
    let element = find_in_view(ctx, css).await?;
    element
        .click()
        .await
        .map_err(|e| format!("cannot click `{css}`: {e}"))
}

pub async fn text(ctx: &Ctx<'_>, css: &str) -> Result<String, String> {
    let value = script(
        ctx,
        &format!("var e = document.querySelector({css:?}); return e ? e.textContent : null;"),
    )
    .await?;
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("no `{css}` on the page"))
}

/// The ids of the projects on the cards, in page order.
pub async fn card_ids(ctx: &Ctx<'_>) -> Result<Vec<String>, String> {
    let value = script(ctx, &format!("return {CARD_IDS};")).await?;
    serde_json::from_value(value).map_err(|e| e.to_string())
}

pub async fn current_query(ctx: &Ctx<'_>) -> Result<String, String> {
    Ok(script(ctx, "return location.search;")
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string())
}

/// The language whose tag is `tag`.
pub fn lang_of(tag: &str) -> Option<Lang> {
    Lang::ALL.iter().copied().find(|l| l.tag() == tag)
}

/// The page's language, as `<html lang>` says.
pub async fn page_lang(ctx: &Ctx<'_>) -> Result<Lang, String> {
    let tag = script(ctx, "return document.documentElement.lang;").await?;
    let tag = tag.as_str().unwrap_or_default();
    lang_of(tag).ok_or_else(|| format!("the page's language is `{tag}`"))
}

/// Types `text` into the cards' search field, in place of what it held.
pub async fn type_search(ctx: &Ctx<'_>, text: &str) -> Outcome {
    let input = find(ctx, "#projects input[type=search]").await?;
    input.clear().await.map_err(|e| e.to_string())?;
    input
        .send_keys(text)
        .await
        .map_err(|e| format!("cannot type `{text}`: {e}"))
}

/// The value of the cards' search field.
pub async fn search_field(ctx: &Ctx<'_>) -> Result<Value, String> {
    script(
        ctx,
        "return document.querySelector('#projects input[type=search]').value;",
    )
    .await
}

/// Errors the test probe recorded since the page loaded.
pub async fn probe_errors(ctx: &Ctx<'_>) -> Result<Value, String> {
    script(
        ctx,
        "return window.__probe ? window.__probe.errors : ['the test probe did not run'];",
    )
    .await
}

/// What the browser itself logged to the console (warnings and errors only; messages of the
/// page's own scripts are also in `probe_errors`) since the last call. `None` where the engine
/// cannot tell: only chromedriver keeps this log (`goog:loggingPrefs` in `engines.rs`).
pub async fn browser_log(ctx: &Ctx<'_>) -> Option<Vec<String>> {
    let read = Chromedriver {
        path: "se/log",
        body: json!({ "type": "browser" }),
    };
    let entries = ctx.client.issue_cmd(read).await.ok()?;
    let entries = entries.as_array().cloned().unwrap_or_default();
    Some(
        entries
            .iter()
            .filter(|e| matches!(e["level"].as_str(), Some("WARNING" | "SEVERE")))
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect(),
    )
}

// ── The source panel ──────────────────────────────────────────────────────────────────────

/// Waits until the source panel is open (`open`) or closed, after `what`.
pub async fn wait_panel(ctx: &Ctx<'_>, open: bool, what: &str) -> Outcome {
    let js = if open {
        format!("{PANEL}.open")
    } else {
        format!("!{PANEL}.open")
    };
    let state = if open { "open" } else { "close" };
    wait_until(ctx, &js, &format!("{what} to {state} the source panel")).await
}

/// Clicks `opener` and waits until the source panel is open.
pub async fn open_panel(ctx: &Ctx<'_>, opener: &str) -> Outcome {
    click(ctx, opener).await?;
    wait_panel(ctx, true, &format!("a click on `{opener}`")).await
}

/// Presses Escape in the open source panel and waits until it has closed.
pub async fn escape_closes_the_panel(ctx: &Ctx<'_>) -> Outcome {
    press(ctx, Key::Escape, 1).await?;
    wait_panel(ctx, false, "Escape").await
}

// ── Windows ───────────────────────────────────────────────────────────────────────────────

/// Opens a new window and goes to it, for a check that counts history entries: its history
/// starts empty (`history.length` stops growing at 50 entries, which the checks before may have
/// reached in the session's window). A window, not a tab: WebKit's new tab is a hidden page,
/// which draws no frames. Gives the session's window, for [`close_window`].
pub async fn new_window(ctx: &Ctx<'_>) -> Result<WindowHandle, String> {
    let first = ctx
        .client
        .window()
        .await
        .map_err(|e| format!("the session's window: {e}"))?;
    let window = ctx
        .client
        .new_window(false)
        .await
        .map_err(|e| format!("cannot open a new window: {e}"))?;
    ctx.client
        .switch_to_window(window.handle)
        .await
        .map_err(|e| format!("cannot go to the new window: {e}"))?;
    Ok(first)
}

/// Closes the window [`new_window`] opened and goes back to the session's window, `first`.
pub async fn close_window(ctx: &Ctx<'_>, first: WindowHandle) -> Outcome {
    let closed = ctx.client.close_window().await;
    let back = ctx.client.switch_to_window(first).await;
    closed.map_err(|e| format!("cannot close the new window: {e}"))?;
    back.map_err(|e| format!("cannot go back to the session's window: {e}"))
}

// ── Figures ───────────────────────────────────────────────────────────────────────────────

/// Opens, as a reader does (a click on its summary), the data table of the chart that draws
/// figure `id`, unless it is open already.
pub async fn open_table_of(ctx: &Ctx<'_>, id: &str) -> Outcome {
    let table = format!("figure.chart[data-figures~='{id}'] details.data-table");
    let open = script(
        ctx,
        &format!("var d = document.querySelector({table:?}); return d ? d.open : null;"),
    )
    .await?;
    match open {
        Value::Bool(true) => Ok(()),
        Value::Bool(false) => {
            click(ctx, &format!("{table} > summary")).await?;
            wait_until(
                ctx,
                &format!("document.querySelector({table:?}).open"),
                &format!("the data table of {id} to open"),
            )
            .await
        }
        _ => Err(format!("no chart shows {id} (no `{table}`)")),
    }
}

/// The control a reader activates to open figure `id`'s source: its tile's number where it has
/// a tile; else its row in its chart's data table, which this opens.
pub async fn figure_opener(ctx: &Ctx<'_>, id: &str) -> Result<String, String> {
    let tile = format!(".tile[data-figure='{id}'] .tile-main");
    if script(ctx, &format!("return !!document.querySelector({tile:?});")).await? == json!(true) {
        return Ok(tile);
    }
    open_table_of(ctx, id).await?;
    Ok(format!(".data-table tr[data-figure='{id}'] .row-source"))
}

// ── The keyboard ──────────────────────────────────────────────────────────────────────────

/// Installs `__kb` in the page (`js/keyboard-probe.js`): the tab stops, a log of focus changes,
/// and what has focus.
pub async fn install_keyboard_probe(ctx: &Ctx<'_>) -> Outcome {
    script(ctx, KEYBOARD_PROBE).await.map(|_| ())
}

/// Presses `key` `times` times, as one sequence of real key events.
pub async fn press(ctx: &Ctx<'_>, key: Key, times: usize) -> Outcome {
    let mut keys = KeyActions::new("keyboard".to_string());
    for _ in 0..times {
        keys = keys
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
    }
    perform_keys(ctx, keys, &format!("{key:?}")).await
}

/// Performs `keys` (`what` they are, for the error), then releases them.
pub async fn perform_keys(ctx: &Ctx<'_>, keys: KeyActions, what: &str) -> Outcome {
    ctx.client
        .perform_actions(keys)
        .await
        .map_err(|e| format!("cannot press {what}: {e}"))?;
    ctx.client
        .release_actions()
        .await
        .map_err(|e| e.to_string())
}

/// Focuses the first element matching `css`.
pub async fn focus(ctx: &Ctx<'_>, css: &str) -> Outcome {
    let focused = script(
        ctx,
        &format!("var e = document.querySelector({css:?}); if (e) e.focus(); return !!e;"),
    )
    .await?;
    expect(
        &format!("`{css}` on the page, to focus"),
        focused == json!(true),
    )
}

/// What has focus now (with `__kb` installed): its description, whether the focus is visible,
/// and why it is hidden.
pub async fn active(ctx: &Ctx<'_>) -> Result<(String, bool, String), String> {
    let a = script(ctx, "return __kb.active();").await?;
    Ok((
        a["what"].as_str().unwrap_or_default().to_string(),
        a["visible"] == json!(true),
        a["hidden"].as_str().unwrap_or_default().to_string(),
    ))
}

/// Focus is on a control matching `css`, visibly, and the control is shown (with `__kb`
/// installed).
pub async fn expect_focus_on(ctx: &Ctx<'_>, css: &str, when: &str) -> Outcome {
    let on = script(
        ctx,
        &format!("return !!document.activeElement && document.activeElement.matches({css:?});"),
    )
    .await?;
    let (what, visible, hidden) = active(ctx).await?;
    expect(
        &format!("{when}: focus on `{css}`, but it is on {what}"),
        on == json!(true),
    )?;
    expect(
        &format!("{when}: a visible focus indicator on {what}"),
        visible,
    )?;
    expect(
        &format!("{when}: {what} to be shown, but it is {hidden}"),
        hidden.is_empty(),
    )
}

// ── Outcomes ──────────────────────────────────────────────────────────────────────────────

/// The requests that failed since the server's log had `before` entries, as `path → status`.
pub fn failed_requests_since(ctx: &Ctx<'_>, before: usize) -> Vec<String> {
    ctx.server.failures()[before..]
        .iter()
        .map(|r| format!("{} → {}", r.path, r.status))
        .collect()
}

pub fn expect_eq<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Outcome {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: expected {want:?}, got {got:?}"))
    }
}

pub fn expect(what: &str, ok: bool) -> Outcome {
    if ok {
        Ok(())
    } else {
        Err(format!("expected {what}"))
    }
}
