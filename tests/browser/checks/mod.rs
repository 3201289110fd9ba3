//! What a reader does and sees, checked in each engine. One module per part of the page;
//! `ALL` lists every check in the order they run.

mod a11y;
mod cards;
mod embed;
mod langs;
mod page;
mod robust;

use crate::engines::Chromedriver;
use crate::server::Server;
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// What a check needs: a browser session and the server the app is on.
pub struct Ctx<'a> {
    pub client: &'a Client,
    pub server: &'a Server,
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
    page::every_section_renders,
    page::no_console_error_or_failed_request,
    page::source_panel_shows_each_figures_sentence,
    page::source_panel_marks_restored_characters,
    page::chart_bar_filters_the_cards,
    page::tile_link_filters_the_cards,
    page::without_pictures_the_rest_still_works,
    cards::facets_combine_and_count,
    cards::search_works_across_scripts,
    cards::sort_orders_the_cards,
    cards::url_keeps_the_view_through_reload_back_and_forward,
    cards::malformed_urls_fall_back_to_defaults,
    cards::empty_result_offers_a_reset,
    cards::keyboard_alone_filters_and_opens_sources,
    langs::each_language_by_url,
    langs::switch_changes_every_text_and_keeps_the_view,
    embed::strict_csp_holds,
    embed::readable_without_javascript,
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
];

/// Opens the app at `query` under its sub-path and waits until it is interactive.
pub async fn open(ctx: &Ctx<'_>, query: &str) -> Outcome {
    open_at(ctx, &format!("{}{query}", ctx.server.base)).await
}

pub async fn open_at(ctx: &Ctx<'_>, url: &str) -> Outcome {
    ctx.client
        .goto(url)
        .await
        .map_err(|e| format!("cannot open {url}: {e}"))?;
    wait_ready(ctx).await
}

/// The app has replaced the loading content and drawn its cards.
pub async fn wait_ready(ctx: &Ctx<'_>) -> Outcome {
    wait_for(ctx, "#app[data-ready] .page #projects .result-count")
        .await
        .map(|_| ())
}

pub async fn wait_for(ctx: &Ctx<'_>, css: &str) -> Result<Element, String> {
    ctx.client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .map_err(|e| format!("`{css}` did not appear within 20 s: {e}"))
}

/// A JS expression: how many chart pictures in `doc` have loaded.
pub fn pictures_shown_in(doc: &str) -> String {
    format!(
        "Array.from({doc}.querySelectorAll('img.chart-picture')).filter(i => i.complete && i.naturalWidth > 0).length"
    )
}

/// Waits until every chart's picture has loaded.
pub async fn wait_for_pictures(ctx: &Ctx<'_>) -> Outcome {
    wait_until(
        ctx,
        &format!(
            "{} == {}",
            pictures_shown_in("document"),
            torch2024::charts::CHARTS.len()
        ),
        "every chart's picture",
    )
    .await
}

/// Waits until `js` (an expression) is truthy.
pub async fn wait_until(ctx: &Ctx<'_>, js: &str, what: &str) -> Outcome {
    for _ in 0..100 {
        if script(ctx, &format!("return !!({js});")).await? == json!(true) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("timed out waiting for {what} (`{js}`)"))
}

pub async fn script(ctx: &Ctx<'_>, js: &str) -> Result<Value, String> {
    ctx.client
        .execute(js, vec![])
        .await
        .map_err(|e| format!("script failed: {e}\n{js}"))
}

pub async fn find(ctx: &Ctx<'_>, css: &str) -> Result<Element, String> {
    ctx.client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("no `{css}`: {e}"))
}

pub async fn click(ctx: &Ctx<'_>, css: &str) -> Outcome {
    let element = find(ctx, css).await?;
    script_on(
        ctx,
        "arguments[0].scrollIntoView({block: 'center'});",
        &element,
    )
    .await?;
    element
        .click()
        .await
        .map_err(|e| format!("cannot click `{css}`: {e}"))
}

pub async fn script_on(ctx: &Ctx<'_>, js: &str, element: &Element) -> Result<Value, String> {
    let arg = serde_json::to_value(element).map_err(|e| e.to_string())?;
    ctx.client
        .execute(js, vec![arg])
        .await
        .map_err(|e| format!("script failed: {e}\n{js}"))
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
    let value = script(ctx, "return Array.from(document.querySelectorAll('#projects article.card')).map(e => e.dataset.project);").await?;
    serde_json::from_value(value).map_err(|e| e.to_string())
}

pub async fn current_query(ctx: &Ctx<'_>) -> Result<String, String> {
    Ok(script(ctx, "return location.search;")
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string())
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

/// Presses Escape in the open source panel and waits until it has closed.
pub async fn escape_closes_the_panel(ctx: &Ctx<'_>) -> Outcome {
    let focused = ctx
        .client
        .active_element()
        .await
        .map_err(|e| e.to_string())?;
    focused
        .send_keys(&fantoccini::key::Key::Escape.to_string())
        .await
        .map_err(|e| e.to_string())?;
    wait_until(
        ctx,
        "!document.querySelector('dialog.source-dialog').open",
        "Escape to close the panel",
    )
    .await
}

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
