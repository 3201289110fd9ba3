//! Robustness: random URLs (through the history, as Back and Forward deliver them, and by real
//! navigation) and random search input never break the page, and whatever they hold is shown
//! as text, never as markup. Every step is checked against the app's own pure logic
//! (`query::url::parse` and `Catalog::select`), run natively. And no console warning or error on
//! a plain visit in any language: none from the page's scripts in any engine, and in Chromium
//! none from the browser itself either (about the page's markup, say).

use super::*;
use torch2024::embedded::dataset;
use torch2024::i18n::strings;
use torch2024::model::{Lang, MilestoneKind, Sector};
use torch2024::query::url::{self, canonical_text};
use torch2024::query::{Catalog, Filter};

/// xorshift64*, seeded: the same inputs on every run. `ROBUST_SEED=n` explores other ones.
struct Rng(u64);

impl Rng {
    fn new(stream: u64) -> Rng {
        let seed = std::env::var("ROBUST_SEED")
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(2024_0110);
        Rng((seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Text a search field or a URL should never choke on: markup and script, regex syntax,
/// right-to-left and bidi controls, zero-width and combining characters, emoji sequences,
/// characters outside the BMP, controls, and real names in the three scripts.
const HOSTILE: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<b>bold</b>",
    "&lt;img&gt; &amp; &#60;script&#62;",
    "{{7*7}} ${7*7}",
    ".*[(",
    "\\d+(?<=x)|^$",
    "(a+)+$",
    "[[:alpha:]]\\",
    "%s%n%x",
    "'; DROP TABLE projects;--",
    "\u{202E}gnp.exe",
    "مرحبا بالعالم",
    "שלום",
    "\u{200F}\u{200E}\u{2066}\u{2069}",
    "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",
    "e\u{301}\u{302}\u{303}\u{304}",
    "Z\u{364}\u{311}\u{313}a\u{308}\u{356}\u{36D}l\u{36E}\u{312}g\u{30C}\u{317}o\u{319}\u{314}",
    "🚀",
    "👩\u{200D}👩\u{200D}👧\u{200D}👦",
    "🇹🇼🇨🇳",
    "🏳\u{FE0F}\u{200D}🌈",
    "𠀀𪚥",
    "天馬",
    "天马",
    "Tianma",
    "ＡＢＢ",
    "\u{3000}",
    "\t",
    "\n",
    "\r\n",
    "\0",
    "\u{1}\u{1f}\u{7f}",
    "\u{FFFD}",
    "\u{10FFFF}",
    "İ ß ǅ",
    " ",
    "+",
    "%",
    "%E0%A4",
    "&q=",
    "#",
];

/// A piece of a real project's name, so that some inputs find something.
fn real_piece(rng: &mut Rng) -> String {
    let projects = &dataset().projects;
    let p = &projects[rng.below(projects.len())];
    let name: Vec<char> = p.name.get(rng.pick(&Lang::ALL)).chars().collect();
    let start = rng.below(name.len());
    let len = 1 + rng.below(6);
    name[start..(start + len).min(name.len())].iter().collect()
}

fn hostile_text(rng: &mut Rng) -> String {
    let mut text = String::new();
    for _ in 0..1 + rng.below(4) {
        if rng.chance(40) {
            text.push_str(&real_piece(rng));
        } else {
            text.push_str(rng.pick(HOSTILE));
        }
        if rng.chance(20) {
            text.push(' ');
        }
    }
    if rng.chance(8) {
        // Very long: a few thousand characters.
        let times = 200 + rng.below(1_500);
        text = text.repeat(times);
    }
    text
}

/// Percent-encodes every byte that is not unreserved, as `encodeURIComponent` does.
fn encode_all(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn slug_list<T: Copy>(rng: &mut Rng, all: &[T], slug: fn(T) -> &'static str) -> String {
    let mut items: Vec<String> = (0..rng.below(4))
        .map(|_| slug(rng.pick(all)).to_string())
        .collect();
    if rng.chance(30) {
        items.push(
            rng.pick(&[
                "nope",
                "LANDED",
                "",
                " finance ",
                "New-Energy",
                "landed%2Caward",
            ])
            .to_string(),
        );
    }
    items.join(if rng.chance(80) { "," } else { ",," })
}

/// A random query string (without `?`): the app's parameters with good and bad values, in any
/// case, repeated, encoded or raw, with broken escapes, noise parameters and separators.
fn random_query(rng: &mut Rng, max_len: usize) -> String {
    let mut pieces = Vec::new();
    for _ in 0..rng.below(8) {
        let name = rng.pick(&[
            "lang",
            "embed",
            "kind",
            "sector",
            "q",
            "sort",
            "LANG",
            "Kind",
            "SECTOR",
            "Q",
            "Sort",
            " q",
            "%71",
            "x",
            "utm_source",
            "",
        ]);
        let value = match name.trim().to_ascii_lowercase().as_str() {
            "lang" => rng
                .pick(&[
                    "zh-Hant", "zh-Hans", "en", "zh-TW", "zh-cn", "EN-gb", "zh", "fr", "", "en_US",
                ])
                .to_string(),
            "embed" => rng
                .pick(&["1", "0", "true", "FALSE", "maybe", ""])
                .to_string(),
            "kind" => slug_list(rng, &MilestoneKind::ALL, url::kind_slug),
            "sector" => slug_list(rng, &Sector::ALL, url::sector_slug),
            "sort" => rng
                .pick(&["name", "sector", "article", "NAME", "weird", ""])
                .to_string(),
            _ => {
                let text = hostile_text(rng);
                match rng.below(4) {
                    0 => text,
                    1 => encode_all(&text),
                    2 => encode_all(&text).replace("%20", "+"),
                    _ => format!(
                        "{}{}",
                        encode_all(&text),
                        rng.pick(&["%", "%Z", "%E0%A4", "%%"])
                    ),
                }
            }
        };
        pieces.push(match rng.below(10) {
            0 => name.to_string(),
            1 => format!("{name}=={value}"),
            _ => format!("{name}={value}"),
        });
    }
    let mut query = pieces.join(rng.pick(&["&", "&", "&", "&&", ";"]));
    if rng.chance(10) {
        query.push_str("#frag=<b>");
    }
    // Keep it within what every engine takes in a URL without complaint.
    let mut end = query.len().min(max_len);
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    query.truncate(end);
    query
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

/// In-page helper: `__robust.snapshot()` and `__robust.run(steps, apply, done)`, which applies
/// each step, lets the app settle (its effects run in microtasks; two macrotasks are past
/// them), and takes a snapshot.
const PROBE: &str = r#"
window.__robust = {
  markup: function () { return document.querySelectorAll('#app img:not(picture > img.chart-picture), #app script:not([src])').length; },
  snapshot: function (input, search) {
    var count = document.querySelector('#app #projects .result-count');
    var field = document.querySelector('#projects input[type=search]');
    return {
      input: input, search: search, lang: document.documentElement.lang,
      ids: Array.prototype.map.call(document.querySelectorAll('#projects article.card'), function (e) { return e.dataset.project; }),
      count: count ? count.textContent : null,
      injected: this.markup(), app_error: !!document.getElementById('app-error'),
      errors: window.__probe ? window.__probe.errors.length : 999,
      checked: Array.prototype.map.call(document.querySelectorAll('.facet-option input:checked'), function (e) { return e.closest('.facet-option').dataset.key; }),
      field: field ? field.value : null
    };
  },
  run: function (steps, apply, done) {
    var self = this, out = [], i = 0;
    (function next() {
      if (i >= steps.length) return done(out);
      var input = steps[i++];
      try {
        apply(input, function (search, failed) {
          if (failed) { out.push({input: input, threw: failed}); return setTimeout(next, 0); }
          setTimeout(function () { setTimeout(function () { out.push(self.snapshot(input, search())); next(); }, 0); }, 0);
        });
      } catch (e) { out.push({input: input, threw: String(e)}); setTimeout(next, 0); }
    })();
  }
};
return window.__robust.markup();
"#;

/// The app's own answer for a filter, as card ids.
fn expected_ids(filter: &Filter, lang: Lang) -> Vec<String> {
    Catalog::new(&dataset().projects)
        .select(filter, lang)
        .into_iter()
        .map(|i| dataset().projects[i].id.clone())
        .collect()
}

/// A text as a search field shows it: browsers strip line breaks from an `<input>`'s value.
fn as_field_shows(text: &str) -> String {
    text.chars().filter(|&c| c != '\n' && c != '\r').collect()
}

fn lang_of(tag: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.tag() == tag)
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
    let want = expected_ids(filter, lang);
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
        .map(|&k| url::kind_slug(k).to_string())
        .chain(
            filter
                .sectors
                .iter()
                .map(|&x| url::sector_slug(x).to_string()),
        )
        .collect();
    want_checked.sort();
    if checked != want_checked {
        wrong.push(format!(
            "checked facets {checked:?}, expected {want_checked:?}"
        ));
    }
    wrong
}

/// How the cards shown differ from the cards expected: in which, or in what order.
fn order_or_set_difference(got: &[String], want: &[String]) -> String {
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

async fn report(ctx: &Ctx<'_>, failures: Vec<String>, what: &str) -> Outcome {
    if failures.is_empty() {
        return Ok(());
    }
    let n = failures.len();
    let shown: Vec<String> = failures.into_iter().take(8).collect();
    Err(format!(
        "{n} of the {what} went wrong (seed {}; first ones):\n  {}\n  console: {}",
        std::env::var("ROBUST_SEED").unwrap_or_else(|_| "default".into()),
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

async fn run_steps(ctx: &Ctx<'_>, apply: &str, steps: &[String]) -> Result<Vec<Snapshot>, String> {
    let js = format!(
        "var done = arguments[arguments.length - 1];
         window.__robust.run(arguments[0], {apply}, done);"
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
        wait_for_pictures(ctx).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
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
/// with `popstate`, as Back and Forward do, in one page load.
pub async fn random_urls_through_history_give_a_sane_page(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let markup = script(ctx, PROBE).await?.as_u64().unwrap_or(0);
    let mut rng = Rng::new(1);
    let queries: Vec<String> = (0..200).map(|_| random_query(&mut rng, 3_000)).collect();
    let mut lang = Lang::Hant;
    let mut failures = Vec::new();
    for (batch, chunk) in queries.chunks(25).enumerate() {
        let snapshots = run_steps(
            ctx,
            // Browsers limit how often a page may change its URL (WebKit: 100 times in 10 s):
            // a refused or dropped change is tried again until it takes.
            // Tabs and newlines are removed, as the URL parser removes them anyway (so the
            // app sees the same query): after a URL set with both a newline and `<`, Chromium's
            // dangling-markup guard blocks every later image load of the page. A reader cannot
            // reach such a URL; a script calling the history API can.
            "function (q, proceed) {
               var url = location.pathname + '?' + q.replace(/[\\t\\n\\r]/g, ''), want = new URL(url, location.href).search;
               var started = Date.now();
               (function attempt() {
                 try { history.replaceState(null, '', url); }
                 catch (e) { if (e.name !== 'SecurityError') throw e; }
                 if (location.search !== want) {
                   if (Date.now() - started > 20000) return proceed(null, 'the URL change was refused for 20 s');
                   return setTimeout(attempt, 250);
                 }
                 var search = location.search;
                 dispatchEvent(new PopStateEvent('popstate', {state: null}));
                 proceed(function () { return search; });
               })();
             }",
            chunk,
        )
        .await?;
        expect_eq("snapshots", snapshots.len(), chunk.len())?;
        for (i, s) in snapshots.iter().enumerate() {
            let parsed = url::parse(&s.search);
            lang = parsed.lang.unwrap_or(lang);
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
    let mut rng = Rng::new(2);
    let mut failures = Vec::new();
    for n in 1..=10 {
        let query = random_query(&mut rng, 1_500);
        open(ctx, &format!("?{query}")).await?;
        let markup = script(ctx, PROBE).await?.as_u64().unwrap_or(0);
        let snapshot = script(ctx, "return window.__robust.snapshot('', location.search);").await?;
        let mut s = Snapshot::read(&snapshot);
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
                "navigation #{n} to {} (location.search {}): {}",
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
    let mut rng = Rng::new(3);
    let mut failures = Vec::new();
    for (n, lang) in Lang::ALL.into_iter().enumerate() {
        open(ctx, &format!("?lang={}", lang.tag())).await?;
        let markup = script(ctx, PROBE).await?.as_u64().unwrap_or(0);
        let count = if n == 2 { 66 } else { 67 };
        let inputs: Vec<String> = (0..count).map(|_| hostile_text(&mut rng)).collect();
        for chunk in inputs.chunks(25) {
            let snapshots = run_steps(
                ctx,
                "function (text, proceed) {
                   var field = document.querySelector('#projects input[type=search]');
                   field.value = text;
                   field.dispatchEvent(new Event('input', {bubbles: true}));
                   proceed(function () { return location.search; });
                 }",
                chunk,
            )
            .await?;
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

/// Found by the random URLs above (URL #27 of the default seed), and reachable by hand: sort by
/// sector, sort by article, type `o`, Back, Forward: Forward both removes cards and reorders the
/// rest in one update. (FOUND A BUG: the cards come out in the wrong order; see the report.)
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
    let field = find(ctx, "#projects input[type=search]").await?;
    field.send_keys("o").await.map_err(|e| e.to_string())?;
    wait_until(
        ctx,
        "location.search.includes('q=o')",
        "the search in the URL",
    )
    .await?;
    let filter = Filter {
        text: "o".into(),
        ..Filter::default()
    };
    let want = expected_ids(&filter, Lang::En);
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
    wait_until(
        ctx,
        &format!(
            "document.querySelectorAll('#projects article.card').length == {}",
            dataset().projects.len()
        ),
        "every card back",
    )
    .await?;
    script(ctx, "history.forward();").await?;
    wait_until(
        ctx,
        &format!(
            "document.querySelectorAll('#projects article.card').length == {}",
            want.len()
        ),
        "Forward to the search",
    )
    .await?;
    let got = card_ids(ctx).await?;
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "after Back and Forward: {}",
            order_or_set_difference(&got, &want)
        ))
    }
}
