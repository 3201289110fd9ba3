//! Robustness: random URLs (through the history, as Back and Forward deliver them, and by real
//! navigation) and random search input never break the page, and whatever they hold is shown
//! as text, never as markup. Every step is checked against the app's own pure logic
//! (`query::url::parse` and `Catalog::select`), run natively. And no console warning or error on
//! a plain visit in any language: none from the page's scripts in any engine, and in Chromium
//! none from the browser itself either (about the page's markup, say).

use super::*;
use hostile_inputs::{app_query, search_input, Sampler, Vocabulary};
use proptest::strategy::BoxedStrategy;
use torch2024::embedded::dataset;
use torch2024::i18n::strings;
use torch2024::model::{Lang, MilestoneKind, Sector};
use torch2024::names::Named;
use torch2024::query::url::{self, canonical_text};
use torch2024::query::Filter;

const PROBE: &str = include_str!("../js/robust-probe.js");

/// The inputs are drawn from `hostile_inputs`' strategies by a seeded runner: the same inputs on
/// every run. `ROBUST_SEED=n` explores other ones.
fn sampler(stream: u64) -> Sampler {
    Sampler::new(seed(), stream)
}

fn seed() -> u64 {
    std::env::var("ROBUST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2024_0110)
}

/// Search text: hostile pieces and pieces of the real names (so that some inputs find
/// something).
fn search_text() -> BoxedStrategy<String> {
    let names = dataset()
        .projects
        .iter()
        .flat_map(|p| Lang::ALL.iter().map(|&lang| p.name.get(lang).to_string()))
        .collect();
    search_input(names)
}

/// Query strings of the app's parameters, good and bad, of at most `max_len` bytes (what every
/// engine takes in a URL without complaint).
fn query_string(max_len: usize) -> BoxedStrategy<String> {
    let vocabulary = Vocabulary {
        kinds: MilestoneKind::NAMES.to_vec(),
        sectors: Sector::NAMES.to_vec(),
    };
    app_query(&vocabulary, search_text(), max_len)
}

/// The page's state after a step, as the probe script below returns it.
#[derive(Debug, Default)]
struct Snapshot {
    /// What the step did: the query string or the search text.
    input: String,
    threw: Option<String>,
    /// `location.search` as the app read it.
    search: String,
    lang: String,
    ids: Vec<String>,
    count: Option<String>,
    injected: u64,
    app_error: bool,
    errors: u64,
    checked: Vec<String>,
    field: Option<String>,
}

impl Snapshot {
    fn read(v: &Value) -> Snapshot {
        let text = |k: &str| v[k].as_str().map(str::to_string);
        let list = |k: &str| -> Vec<String> {
            v[k].as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        Snapshot {
            input: text("input").unwrap_or_default(),
            threw: text("threw"),
            search: text("search").unwrap_or_default(),
            lang: text("lang").unwrap_or_default(),
            ids: list("ids"),
            count: text("count"),
            injected: v["injected"].as_u64().unwrap_or(u64::MAX),
            app_error: v["app_error"] == json!(true),
            errors: v["errors"].as_u64().unwrap_or(u64::MAX),
            checked: list("checked"),
            field: text("field"),
        }
    }
}

/// A text as a search field shows it: browsers strip line breaks from an `<input>`'s value.
fn as_field_shows(text: &str) -> String {
    text.chars().filter(|&c| c != '\n' && c != '\r').collect()
}

/// Checks one snapshot against what the pure logic says the page shows for `filter` in `lang`.
fn check_snapshot(s: &Snapshot, filter: &Filter, lang: Lang, markup: u64) -> Vec<String> {
    let mut wrong = Vec::new();
    if let Some(threw) = &s.threw {
        wrong.push(format!("the step threw: {threw}"));
        return wrong;
    }
    if s.app_error {
        wrong.push("the panic banner #app-error is shown".into());
    }
    if s.errors > 0 {
        wrong.push(format!(
            "{} console error(s) or warning(s) so far",
            s.errors
        ));
    }
    if s.injected != markup {
        wrong.push(format!(
            "markup from the input was rendered: {} img/inline script elements in #app, {markup} before",
            s.injected
        ));
    }
    if s.lang != lang.tag() {
        wrong.push(format!("<html lang={}>, expected {}", s.lang, lang.tag()));
    }
    let want = expected_cards(filter, lang);
    let total = dataset().projects.len();
    if s.ids.len() > total {
        wrong.push(format!(
            "{} cards, more than the {total} projects",
            s.ids.len()
        ));
    }
    if s.ids != want {
        wrong.push(order_or_set_difference(&s.ids, &want));
    }
    let count = (strings(lang).results)(want.len(), total);
    if s.count.as_deref() != Some(count.as_str()) {
        wrong.push(format!("result count {:?}, expected {count:?}", s.count));
    }
    let mut checked = s.checked.clone();
    checked.sort();
    let mut want_checked: Vec<String> = filter
        .kinds
        .iter()
        .map(|&k| k.name().to_string())
        .chain(filter.sectors.iter().map(|&x| x.name().to_string()))
        .collect();
    want_checked.sort();
    if checked != want_checked {
        wrong.push(format!(
            "checked facets {checked:?}, expected {want_checked:?}"
        ));
    }
    wrong
}

async fn report(ctx: &Ctx<'_>, failures: Vec<String>, what: &str) -> Outcome {
    if failures.is_empty() {
        return Ok(());
    }
    let n = failures.len();
    let shown: Vec<String> = failures.into_iter().take(8).collect();
    Err(format!(
        "{n} of the {what} went wrong (ROBUST_SEED={}; first ones):\n  {}\n  console: {}",
        seed(),
        shown.join("\n  "),
        probe_errors(ctx).await?
    ))
}

/// Shortens a hostile input for a message.
fn shown(input: &str) -> String {
    let short: String = input.chars().take(80).collect();
    if short.len() < input.len() {
        format!("{short:?}… ({} chars)", input.chars().count())
    } else {
        format!("{short:?}")
    }
}

/// Runs `steps` in the page, each applied by the probe's step `kind` (`history` or `search`),
/// and gives a snapshot after each.
async fn run_steps(ctx: &Ctx<'_>, kind: &str, steps: &[String]) -> Result<Vec<Snapshot>, String> {
    let js = format!(
        "var done = arguments[arguments.length - 1]; \
         window.__robust.run(arguments[0], window.__robust.steps.{kind}, done);"
    );
    let result = ctx
        .client
        .execute_async(&js, vec![json!(steps)])
        .await
        .map_err(|e| format!("the steps did not run: {e}"))?;
    Ok(result
        .as_array()
        .map(|a| a.iter().map(Snapshot::read).collect())
        .unwrap_or_default())
}

pub async fn no_console_warning_in_any_language(ctx: &Ctx<'_>) -> Outcome {
    for tag in ["zh-Hant", "zh-Hans", "en"] {
        let before = ctx.server.failures().len();
        browser_log(ctx).await; // empties the log of the pages before
        open(ctx, &format!("?lang={tag}")).await?;
        wait_for_charts(ctx).await?;
        wait_settled(ctx).await?;
        expect_eq(
            &format!("console warnings and errors in {tag}"),
            probe_errors(ctx).await?,
            json!([]),
        )?;
        if let Some(logged) = browser_log(ctx).await {
            expect_eq(
                &format!("the browser's own console warnings and errors in {tag}"),
                logged,
                vec![],
            )?;
        }
        let failed = failed_requests_since(ctx, before);
        expect_eq(&format!("failed requests in {tag}"), failed, vec![])?;
    }
    Ok(())
}

/// 200 random query strings, each put in the URL with `history.replaceState` and announced
/// with `popstate`, as Back and Forward do, in one page load (the Traditional Chinese page,
/// which stays in its language whatever `lang` the URL names).
pub async fn random_urls_through_history_give_a_sane_page(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let markup = script(ctx, PROBE).await?.as_u64().unwrap_or(0);
    let queries = sampler(1).draw(&query_string(3_000), 200);
    // The language is the page's: a `lang` in the history's URL does not change it (Back and
    // Forward to another language's page load that page).
    let lang = Lang::Hant;
    let mut failures = Vec::new();
    for (batch, chunk) in queries.chunks(25).enumerate() {
        let snapshots = run_steps(ctx, "history", chunk).await?;
        expect_eq("snapshots", snapshots.len(), chunk.len())?;
        for (i, s) in snapshots.iter().enumerate() {
            let parsed = url::parse(&s.search);
            let mut wrong = check_snapshot(s, &parsed.filter, lang, markup);
            wrong.extend(search_field_problem(s, &parsed.filter.text));
            if !wrong.is_empty() {
                failures.push(format!(
                    "URL #{} {} (location.search {}): {}",
                    batch * 25 + i + 1,
                    shown(&s.input),
                    shown(&s.search),
                    wrong.join("; ")
                ));
            }
        }
    }
    report(ctx, failures, "200 URLs set through the history").await
}

/// What is wrong with the search field after the URL set `text` (nothing, or one problem).
fn search_field_problem(s: &Snapshot, text: &str) -> Option<String> {
    (s.field != Some(as_field_shows(text)))
        .then(|| format!("search field {:?}, expected {:?}", s.field, text))
}

/// A handful of random query strings opened for real (a fresh page load each).
pub async fn random_urls_by_navigation_give_a_sane_page(ctx: &Ctx<'_>) -> Outcome {
    let mut failures = Vec::new();
    for (n, query) in sampler(2)
        .draw(&query_string(1_500), 10)
        .into_iter()
        .enumerate()
    {
        open(ctx, &format!("?{query}")).await?;
        let probed = script_with(ctx, PROBE, vec![json!(true)]).await?;
        let markup = probed["markup"].as_u64().unwrap_or(u64::MAX);
        let mut s = Snapshot::read(&probed["snapshot"]);
        s.input = query.clone();
        let parsed = url::parse(&s.search);
        // Without a usable `lang`, the browser's languages choose; any of the three is right.
        let lang = parsed.lang.or(lang_of(&s.lang)).unwrap_or_default();
        let mut wrong = check_snapshot(&s, &parsed.filter, lang, 0);
        if s.errors > 0 {
            wrong.push(format!("console: {}", probe_errors(ctx).await?));
        }
        if markup != 0 {
            wrong.push(format!("{markup} img/inline script elements in #app"));
        }
        wrong.extend(search_field_problem(&s, &parsed.filter.text));
        if !wrong.is_empty() {
            failures.push(format!(
                "navigation #{} to {} (location.search {}): {}",
                n + 1,
                shown(&query),
                shown(&s.search),
                wrong.join("; ")
            ));
        }
    }
    report(ctx, failures, "10 URLs opened by navigation").await
}

/// 200 random search inputs (about 67 in each language), typed in one go each: the field's
/// value set and an `input` event sent, as an IME or a paste does.
pub async fn random_search_input_is_rendered_as_text(ctx: &Ctx<'_>) -> Outcome {
    let mut sampler = sampler(3);
    let text = search_text();
    let mut failures = Vec::new();
    for (n, &lang) in Lang::ALL.iter().enumerate() {
        open(ctx, &format!("?lang={}", lang.tag())).await?;
        let markup = script(ctx, PROBE).await?.as_u64().unwrap_or(0);
        let inputs = sampler.draw(&text, if n == 2 { 66 } else { 67 });
        for chunk in inputs.chunks(25) {
            let snapshots = run_steps(ctx, "search", chunk).await?;
            expect_eq("snapshots", snapshots.len(), chunk.len())?;
            for s in &snapshots {
                // The field keeps what the browser lets it keep (line breaks are dropped).
                let value = s.field.clone().unwrap_or_default();
                let filter = Filter {
                    text: value.clone(),
                    ..Filter::default()
                };
                let mut wrong = check_snapshot(s, &filter, lang, markup);
                let in_url = url::parse(&s.search);
                if in_url.filter.text != canonical_text(&value) || in_url.lang != Some(lang) {
                    wrong.push(format!(
                        "the URL {} does not hold the search {:?} in {}",
                        shown(&s.search),
                        canonical_text(&value),
                        lang.tag()
                    ));
                }
                if !wrong.is_empty() {
                    failures.push(format!(
                        "{} search {}: {}",
                        lang.tag(),
                        shown(&s.input),
                        wrong.join("; ")
                    ));
                }
            }
        }
    }
    report(ctx, failures, "200 search inputs").await
}

/// Found by the random URLs above, and reachable by hand: sort by sector, sort by article, type
/// `o`, Back, Forward: Forward both removes cards and reorders the rest in one update.
pub async fn back_and_forward_keep_the_cards_in_order(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=en").await?;
    for value in ["sector", "article"] {
        let select = find(ctx, "#projects select").await?;
        select
            .select_by_value(value)
            .await
            .map_err(|e| format!("cannot choose sort {value}: {e}"))?;
        wait_until(
            ctx,
            &format!("document.querySelector('#projects select').value == '{value}' && (location.search.includes('sort=sector') == ('{value}' == 'sector'))"),
            &format!("sort {value} in the URL"),
        )
        .await?;
    }
    type_search(ctx, "o").await?;
    wait_until(
        ctx,
        "location.search.includes('q=o')",
        "the search in the URL",
    )
    .await?;
    // The history API, as the browser's Back and Forward buttons use it. (WebKit's WebDriver
    // Back skips the entries of a <select> chosen through WebDriver, as made without a user
    // gesture, and leaves the page.)
    script(ctx, "history.back();").await?;
    wait_until(
        ctx,
        "location.search.includes('sort=sector')",
        "Back to the sector order",
    )
    .await?;
    wait_cards(ctx, dataset().projects.len()).await?;
    script(ctx, "history.forward();").await?;
    let filter = Filter {
        text: "o".into(),
        ..Filter::default()
    };
    wait_card_ids(
        ctx,
        &expected_cards(&filter, Lang::En),
        "after Back and Forward, the cards of the search",
    )
    .await
}
