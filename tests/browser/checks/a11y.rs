//! Accessibility: axe-core's WCAG 2.0/2.1/2.2 A and AA rules (colour contrast included) in each
//! language, with filters, with no results, with a source panel open, embedded and in the dark
//! colour scheme; and the keyboard: Tab reaches every control in page order with a visible
//! focus, the source panel holds focus and gives it back, and focus survives the controls that
//! change the page. (Escape on figure tiles and cards is in `page.rs` and `cards.rs`.)

use super::*;
use crate::engines::{Browser, Chromedriver, Engine};
use fantoccini::key::Key;
use std::sync::OnceLock;
use torch2024::model::{Lang, MilestoneKind};
use torch2024::query::{url, Filter};

const AXE_RUN: &str = include_str!("../js/axe-run.js");
const FOCUS_BEHIND_PANEL: &str = include_str!("../js/focus-behind-panel.js");

// ── axe-core ──────────────────────────────────────────────────────────────────────────────

/// axe-core from npm (package.json pins it; `npm ci` or `make setup-test` installs it).
fn axe_source() -> Result<&'static str, String> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../node_modules/axe-core/axe.min.js");
            std::fs::read_to_string(&path).map_err(|e| {
                format!(
                    "cannot read {} ({e}): run `npm ci` (make test does)",
                    path.display()
                )
            })
        })
        .as_deref()
        .map_err(|e| e.clone())
}

/// Runs axe on the whole document with the WCAG 2.x A/AA rules and returns one line per
/// violation: rule, impact, what it asks, how many elements, the first few of them and why the
/// first one fails.
async fn axe(ctx: &Ctx<'_>, situation: &str) -> Result<Vec<String>, String> {
    let loaded = script(ctx, "return typeof window.axe === 'object';").await?;
    if loaded != json!(true) {
        script(
            ctx,
            &format!("{}\n;return typeof window.axe;", axe_source()?),
        )
        .await?;
    }
    let result = ctx
        .client
        .execute_async(AXE_RUN, vec![])
        .await
        .map_err(|e| format!("axe did not run ({situation}): {e}"))?;
    if let Some(error) = result.get("error") {
        return Err(format!("axe failed ({situation}): {error}"));
    }
    let violations = result["violations"].as_array().cloned().unwrap_or_default();
    Ok(violations
        .iter()
        .map(|v| {
            format!(
                "[{situation}] {} ({}): {} — {} element(s), e.g. {} — {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                v["count"],
                v["targets"],
                v["why"].as_str().unwrap_or(""),
            )
        })
        .collect())
}

fn no_violations(found: Vec<String>) -> Outcome {
    if found.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} accessibility violation(s):\n  {}",
            found.len(),
            found.join("\n  ")
        ))
    }
}

/// Opens every data table, so that axe sees the tables and their buttons too.
async fn open_tables(ctx: &Ctx<'_>) -> Outcome {
    script(
        ctx,
        "document.querySelectorAll('details.data-table').forEach(d => d.open = true);",
    )
    .await
    .map(|_| ())
}

/// Opens the source panel with `opener`, and the damaged original in it where there is one
/// (it is part of what a reader can open).
async fn open_panel_fully(ctx: &Ctx<'_>, opener: &str) -> Outcome {
    open_panel(ctx, opener).await?;
    script(
        ctx,
        "document.querySelectorAll('dialog.source-dialog details').forEach(d => d.open = true);",
    )
    .await
    .map(|_| ())
}

pub async fn axe_passes_in_each_language(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for tag in ["zh-Hant", "zh-Hans", "en"] {
        open(ctx, &format!("?lang={tag}")).await?;
        open_tables(ctx).await?;
        found.extend(axe(ctx, &format!("?lang={tag}, tables open")).await?);
    }
    no_violations(found)
}

pub async fn axe_passes_with_filters_and_no_results(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for query in [
        "?kind=landed&sector=finance",
        "?lang=en&q=nothing-matches-this",
    ] {
        open(ctx, query).await?;
        found.extend(axe(ctx, query).await?);
    }
    no_violations(found)
}

pub async fn axe_passes_with_a_source_panel_open(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for (query, opener) in [
        (
            "?lang=zh-Hant",
            ".tile[data-figure='landed-projects'] .tile-main",
        ),
        // A sentence with restored characters and the damaged original.
        (
            "?lang=zh-Hans",
            ".tile[data-figure='firms-financed'] .tile-main",
        ),
        // A derived figure, and the English rendering under the Chinese sentence.
        ("?lang=en", ".tile.derived .tile-main"),
        ("?lang=en", "#projects article.card .card-source"),
    ] {
        open(ctx, query).await?;
        open_panel_fully(ctx, opener).await?;
        found.extend(axe(ctx, &format!("{query}, panel of `{opener}`")).await?);
    }
    no_violations(found)
}

pub async fn axe_passes_embedded(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for query in ["?embed=1", "?embed=1&lang=en&kind=landed"] {
        open(ctx, query).await?;
        found.extend(axe(ctx, query).await?);
    }
    no_violations(found)
}

// ── Dark colour scheme ─────────────────────────────────────────────────────────────────────

/// Chromium: asks the browser itself, through chromedriver's `goog/cdp/execute` (a DevTools
/// Protocol command), to emulate `prefers-color-scheme: dark` (what DevTools' rendering panel
/// does), or to stop. Nothing in the page is changed: the stylesheet's media query and the app's
/// `matchMedia` listener see a dark preference as they would on a reader's machine.
///
/// Firefox and WebKit have no honest way to switch to dark inside a running WebDriver session
/// (geckodriver refuses about:preferences and chrome context is not enabled, and WebKitGTK
/// follows the GTK theme it started with), so their dark check starts a second session that
/// prefers dark from the start (`Browser::start_dark`).
pub(super) async fn emulate_dark(ctx: &Ctx<'_>, dark: bool) -> Outcome {
    let features = if dark {
        json!([{"name": "prefers-color-scheme", "value": "dark"}])
    } else {
        json!([])
    };
    let command = Chromedriver {
        path: "goog/cdp/execute",
        body: json!({"cmd": "Emulation.setEmulatedMedia", "params": {"features": features}}),
    };
    ctx.client
        .issue_cmd(command)
        .await
        .map(|_| ())
        .map_err(|e| format!("Emulation.setEmulatedMedia through chromedriver: {e}"))
}

const PREFERS_DARK: &str = "matchMedia('(prefers-color-scheme: dark)').matches";

pub async fn axe_passes_in_dark_mode(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let already_dark = script(ctx, &format!("return {PREFERS_DARK};")).await? == json!(true);
    if already_dark {
        return dark_pages_pass(ctx).await;
    }
    if ctx.engine == Engine::Chromium {
        emulate_dark(ctx, true).await?;
        let outcome = dark_pages_pass(ctx).await;
        let reset = emulate_dark(ctx, false).await;
        return outcome.and(reset);
    }
    // Firefox and WebKit: a second session, started dark.
    let dark = Browser::start_dark(ctx.engine).await?;
    let outcome = dark_pages_pass(&Ctx {
        client: &dark.client,
        ..*ctx
    })
    .await;
    dark.stop().await;
    outcome
}

/// axe on three views of the page in a session that prefers dark.
async fn dark_pages_pass(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for (query, opener) in [
        ("?lang=zh-Hant&kind=landed", None),
        ("?lang=en", Some(".tile.derived .tile-main")),
        (
            "?lang=zh-Hans",
            Some(".tile[data-figure='firms-financed'] .tile-main"),
        ),
    ] {
        open(ctx, query).await?;
        wait_until(ctx, PREFERS_DARK, "the dark colour scheme").await?;
        // The page follows: its own background turns dark.
        wait_until(
            ctx,
            "getComputedStyle(document.documentElement).backgroundColor.match(/\\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0) < 150",
            "the page's dark background",
        )
        .await?;
        open_tables(ctx).await?;
        if let Some(opener) = opener {
            open_panel_fully(ctx, opener).await?;
        }
        found.extend(axe(ctx, &format!("dark, {query}")).await?);
    }
    no_violations(found)
}

// ── Keyboard ───────────────────────────────────────────────────────────────────────────────

pub async fn tab_reaches_every_control_in_order_with_visible_focus(ctx: &Ctx<'_>) -> Outcome {
    // With a filter, so that the reset button is there too.
    open(ctx, "?lang=zh-Hant&sector=finance").await?;
    install_keyboard_probe(ctx).await?;
    let want = script(ctx, "return __kb.tabbable();").await?;
    let want = want.as_array().cloned().unwrap_or_default();
    expect(
        &format!("a page full of controls, found {}", want.len()),
        want.len() > 30,
    )?;
    // From the top of the page, one Tab per control.
    script(
        ctx,
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);",
    )
    .await?;
    press(ctx, Key::Tab, want.len()).await?;
    let log = script(ctx, "return __kb.log;").await?;
    let log = log.as_array().cloned().unwrap_or_default();
    let describe = |v: &[Value]| -> Vec<String> {
        v.iter()
            .map(|e| e["what"].as_str().unwrap_or("?").to_string())
            .collect()
    };
    let (got, wanted) = (describe(&log), describe(&want));
    if log
        .iter()
        .map(|e| &e["at"])
        .ne(want.iter().map(|e| &e["at"]))
    {
        let first = got
            .iter()
            .zip(&wanted)
            .position(|(g, w)| g != w)
            .unwrap_or(got.len().min(wanted.len()));
        return Err(format!(
            "Tab order differs from the page order at stop {}: expected {:?}, got {:?}\n\
             ({} stops expected, {} reached; the next expected: {:?}; reached instead: {:?})",
            first + 1,
            wanted.get(first),
            got.get(first),
            wanted.len(),
            got.len(),
            &wanted[first..wanted.len().min(first + 5)],
            &got[first.min(got.len())..got.len().min(first + 5)],
        ));
    }
    // The parts of the page come in reading order.
    let mut kinds: Vec<&str> = want.iter().filter_map(|e| e["kind"].as_str()).collect();
    kinds.dedup();
    let order = [
        "skip link",
        "language switch",
        "tiles",
        "chapter index",
        "chart bars",
        "data tables",
        "chapter projects",
        "search field",
        "facet checkboxes",
        "sort",
        "reset",
        "cards",
    ];
    let firsts: Vec<usize> = order
        .iter()
        .map(|k| kinds.iter().position(|x| x == k).unwrap_or(usize::MAX))
        .collect();
    expect(
        &format!("every part of the page reachable and in reading order {order:?}, got {kinds:?}"),
        firsts.windows(2).all(|w| w[0] < w[1]) && firsts.iter().all(|&f| f != usize::MAX),
    )?;
    // The language switch: a link to each language's page.
    let switch = script(
        ctx,
        "return Array.from(document.querySelectorAll('.lang-switch > *')) \
           .map(e => e.tagName.toLowerCase() + (e.hasAttribute('href') ? '[href]' : ''));",
    )
    .await?;
    expect_eq(
        "the language switch's controls",
        switch,
        json!(["a[href]", "a[href]", "a[href]"]),
    )?;
    expect_eq(
        "tab stops in the language switch",
        stops_of_kind(&want, "language switch"),
        3,
    )?;
    let bad: Vec<String> = log
        .iter()
        .filter_map(|e| {
            let what = e["what"].as_str().unwrap_or("?");
            let hidden = e["hidden"].as_str().unwrap_or("");
            if e["visible"] != json!(true) {
                Some(format!(
                    "{what}: no visible focus (no outline, no box shadow)"
                ))
            } else if !hidden.is_empty() {
                Some(format!("{what}: focusable but hidden ({hidden})"))
            } else {
                None
            }
        })
        .collect();
    expect(
        &format!(
            "a visible focus on a shown control at every stop:\n  {}",
            bad.join("\n  ")
        ),
        bad.is_empty(),
    )
}

/// How many of the tab stops `stops` are of `kind`.
fn stops_of_kind(stops: &[Value], kind: &str) -> usize {
    stops.iter().filter(|e| e["kind"] == json!(kind)).count()
}

pub async fn source_panel_holds_and_returns_focus(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=en").await?;
    install_keyboard_probe(ctx).await?;
    // A derived figure's tile, opened with Enter (page.rs covers the others with Escape).
    let opener = ".tile.derived .tile-main";
    focus(ctx, opener).await?;
    press(ctx, Key::Enter, 1).await?;
    wait_panel(ctx, true, "Enter").await?;
    expect_focus_on(ctx, "dialog.source-dialog *", "the panel just opened").await?;
    // Tab goes through the panel's controls. (One more Tab leaves the page for the browser's
    // own controls, in Firefox, which is the browser's business.)
    let inside = script(
        ctx,
        "return __kb.tabbable(document.querySelector('dialog.source-dialog')).length;",
    )
    .await?
    .as_u64()
    .unwrap_or(0) as usize;
    expect("something to focus in the panel", inside >= 1)?;
    script(ctx, "__kb.log.length = 0;").await?;
    press(ctx, Key::Tab, inside - 1).await?;
    let outside = script(
        ctx,
        "var d = document.querySelector('dialog.source-dialog'); \
         return __kb.log.filter(e => !d.contains(document.getElementsByTagName('*')[e.at])).map(e => e.what);",
    )
    .await?;
    expect_eq(
        "controls outside the open panel that Tab reached",
        outside,
        json!([]),
    )?;
    expect_focus_on(ctx, "dialog.source-dialog *", "Tab in the panel").await?;
    // Nothing behind the panel can take focus while it is open (it is modal: the rest is inert).
    expect_eq(
        "controls behind the open panel that took focus",
        script(ctx, FOCUS_BEHIND_PANEL).await?,
        json!([]),
    )?;
    // Escape closes it, and focus is back, visibly, on the tile.
    press(ctx, Key::Escape, 1).await?;
    wait_panel(ctx, false, "Escape").await?;
    expect_focus_on(ctx, opener, "after Escape").await?;
    // The close button, with the keyboard, does the same.
    press(ctx, Key::Enter, 1).await?;
    wait_panel(ctx, true, "Enter again").await?;
    focus(ctx, "dialog.source-dialog button.close").await?;
    press(ctx, Key::Enter, 1).await?;
    wait_panel(ctx, false, "Enter on the close button").await?;
    expect_focus_on(ctx, opener, "after the close button").await
}

/// Focuses `button`, presses Enter, waits until `gone` (a JS expression) holds, and checks that
/// focus stayed, visibly, in the cards' section.
async fn enter_keeps_focus_in_the_cards(
    ctx: &Ctx<'_>,
    button: &str,
    gone: &str,
    what: &str,
) -> Outcome {
    focus(ctx, button).await?;
    press(ctx, Key::Enter, 1).await?;
    wait_until(ctx, gone, what).await?;
    let (focused, visible, _) = active(ctx).await?;
    let inside = script(ctx, "return !!document.activeElement.closest('#projects');").await?;
    expect(
        &format!("focus kept, visibly, in the cards' controls after {what} (it went to {focused})"),
        visible && inside == json!(true),
    )
}

/// The keyboard through the controls that change the page: the skip link takes focus to the
/// cards; the language links are focusable, visibly, and Enter on one loads that language's
/// page with the view (a new page, where Tab starts again at the skip link); the reset buttons,
/// which remove themselves, leave focus in the cards' section.
pub async fn skip_link_language_switch_and_reset_keep_focus(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant&kind=landed").await?;
    install_keyboard_probe(ctx).await?;
    script(
        ctx,
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);",
    )
    .await?;
    // The first Tab shows the skip link; Enter takes focus to the cards' section, and the next
    // Tab to its first control.
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(ctx, ".skip-link", "the first Tab").await?;
    press(ctx, Key::Enter, 1).await?;
    wait_until(
        ctx,
        "document.activeElement && document.activeElement.id == 'projects'",
        "the skip link to move focus to the projects",
    )
    .await?;
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(
        ctx,
        "#projects input[type=search]",
        "Tab after the skip link",
    )
    .await?;
    // The language links take focus, visibly; Enter on one follows it to that page, with the
    // filter.
    for tag in ["zh-Hans", "en"] {
        focus(ctx, &format!(".lang-switch a[data-lang='{tag}']")).await?;
        expect_focus_on(
            ctx,
            &format!(".lang-switch a[data-lang='{tag}'][href]"),
            &format!("the {tag} link focused"),
        )
        .await?;
    }
    mark_page(ctx).await?;
    press(ctx, Key::Enter, 1).await?;
    wait_new_page(ctx, "the English page, after Enter on its link").await?;
    expect_eq("the page's language", page_lang(ctx).await?, Lang::En)?;
    expect_eq(
        "the page",
        script(ctx, "return location.pathname;").await?,
        json!(format!("{}en.html", crate::PREFIX)),
    )?;
    let mut filter = Filter::default();
    filter.toggle_kind(MilestoneKind::Landed);
    expect_eq(
        "the filter in the URL",
        url::parse(&current_query(ctx).await?).filter,
        filter.clone(),
    )?;
    wait_card_ids(
        ctx,
        &expected_cards(&filter, Lang::En),
        "the filter kept on the English page",
    )
    .await?;
    // A new page: the keyboard starts again from its top.
    install_keyboard_probe(ctx).await?;
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(ctx, ".skip-link", "the first Tab on the English page").await?;
    // Reset removes itself: focus must not fall back to the page.
    enter_keeps_focus_in_the_cards(
        ctx,
        "#projects button.reset",
        "!document.querySelector('#projects button.reset')",
        "the reset clearing the filter",
    )
    .await?;
    // The same for the reset button of the empty result.
    type_search(ctx, "zzzz-no-such-project").await?;
    wait_for(ctx, "#projects .empty button").await?;
    enter_keeps_focus_in_the_cards(
        ctx,
        "#projects .empty button",
        "!document.querySelector('#projects .empty')",
        "the empty result's reset",
    )
    .await
}
