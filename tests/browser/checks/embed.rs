//! Hosting and embedding: the strict CSP, the page without JavaScript, iframes that size
//! themselves (also sandboxed), narrow columns, the embed code, and the one-file edition.

use super::*;
use torch2024::embedded::dataset;
use torch2024::model::{Lang, MilestoneKind};
use torch2024::query::Filter;

const ADD_FRAME: &str = include_str!("../js/add-frame.js");
const FRAMED_PAGE: &str = include_str!("../js/framed-page.js");
const WIDER_THAN_THE_PAGE: &str = include_str!("../js/wider-than-the-page.js");

/// The example host page (an article embedding the graphic twice). Test iframes go there too:
/// the app's own CSP allows no frames.
pub(super) async fn open_example(ctx: &Ctx<'_>) -> Outcome {
    // Visit the app first. With a cold cache, Chromium under chromedriver has stalled loading
    // this page (two frames starting the app at once) against the test server; the same cold
    // load in a plain headless Chromium against a static server completes in ~2 s.
    open(ctx, "").await?;
    let url = format!("{}example.html", ctx.server.base);
    ctx.client
        .goto(&url)
        .await
        .map_err(|e| format!("cannot open {url}: {e}"))?;
    wait_for(ctx, "article iframe").await.map(|_| ())
}

/// Puts an iframe of `width` px showing `src` (relative to the app) into the current page and
/// waits until it has loaded.
pub(super) async fn add_frame(
    ctx: &Ctx<'_>,
    src: &str,
    width: u32,
    sandbox: Option<&str>,
) -> Outcome {
    script_with(
        ctx,
        ADD_FRAME,
        vec![json!(src), json!(width), json!(sandbox)],
    )
    .await?;
    wait_until(ctx, "window.__frameLoaded", "the iframe to load").await
}

/// Enters the page's iframe number `index`.
async fn enter_frame(ctx: &Ctx<'_>, index: u16) -> Outcome {
    ctx.client
        .enter_frame(index)
        .await
        .map_err(|e| format!("cannot enter iframe {index}: {e}"))
}

/// Leaves the iframe for the page that holds it.
pub(super) async fn leave_frame(ctx: &Ctx<'_>) -> Outcome {
    ctx.client
        .enter_parent_frame()
        .await
        .map_err(|e| format!("cannot leave the iframe: {e}"))
}

/// The cards after the page's filter is `kind` alone.
fn cards_of(kind: MilestoneKind) -> Vec<String> {
    let mut filter = Filter::default();
    filter.toggle_kind(kind);
    expected_cards(&filter, Lang::Hant)
}

const IN_FRAME: &str = "document.getElementById('test-frame').contentDocument";

pub async fn strict_csp_holds(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let policy = script(ctx, "var m = document.querySelector('meta[http-equiv=Content-Security-Policy]'); return m ? m.content : '';").await?;
    let policy = policy.as_str().unwrap_or_default().to_string();
    expect(
        &format!("a strict policy, got `{policy}`"),
        policy.starts_with("default-src 'none'") && !policy.contains("http"),
    )?;
    // Use the page: charts, a panel, filters. Any blocked script, style or request would be
    // recorded by the probe as a CSP violation.
    click(ctx, ".tile[data-figure='landed-projects'] .tile-main").await?;
    click(ctx, "dialog.source-dialog button.close").await?;
    click(ctx, ".facet-option[data-key='landed'] input").await?;
    wait_for_charts(ctx).await?;
    expect_eq(
        "CSP violations and errors",
        probe_errors(ctx).await?,
        json!([]),
    )
}

/// Each language's page, with JavaScript off, is the whole infographic in its language.
pub async fn readable_without_javascript(ctx: &Ctx<'_>) -> Outcome {
    open_example(ctx).await?;
    let ds = dataset();
    for &lang in Lang::ALL {
        let path = match page_file(lang) {
            "" => "./",
            file => file,
        };
        // A sandbox without allow-scripts: the page loads with JavaScript off.
        add_frame(ctx, path, 1000, Some("allow-same-origin")).await?;
        wait_until(
            ctx,
            &format!("{} == {}", charts_drawn_in(IN_FRAME), charts()),
            &format!("every chart's SVG on {path} without JavaScript"),
        )
        .await?;
        let page = script(ctx, FRAMED_PAGE).await?;
        for (what, key, want) in [
            ("the language", "lang", json!(lang.tag())),
            (
                "the document's title",
                "head_title",
                json!(ds.meta.title.get(lang)),
            ),
            ("the title", "title", json!(ds.meta.title.get(lang))),
            ("a page where no script ran", "scripted", json!(false)),
            ("project cards", "cards", json!(ds.projects.len())),
            ("data tables", "tables", json!(charts())),
            (
                "charts drawn, each an inline SVG with its bars",
                "charts",
                json!(charts()),
            ),
            (
                "charts that say they could not be drawn",
                "chart_errors",
                json!(0),
            ),
        ] {
            expect_eq(
                &format!("{what} of {path} without JavaScript"),
                page[key].clone(),
                want,
            )?;
        }
        let text = page["text"].as_str().unwrap_or_default();
        for p in &ds.projects {
            expect(
                &format!("`{}` on {path} without JavaScript", p.name.get(lang)),
                text.contains(p.name.get(lang)),
            )?;
        }
        let figure = ds
            .figure("landed-investment")
            .expect("a figure the article leads with");
        let said = torch2024::charts::figure_text(figure, lang);
        expect(
            &format!("`{said}` on {path} without JavaScript"),
            text.contains(&said),
        )?;
        script(ctx, "document.getElementById('test-frame').remove();").await?;
    }
    Ok(())
}

/// A JS expression: the language links of the page in iframe#test-frame, each with the page
/// its `href` resolves to (path and `lang=`), whether it is marked current, and whether it
/// is shown.
const FRAME_LINKS: &str = "Array.from(document.getElementById('test-frame').contentDocument \
    .querySelectorAll('.lang-switch a[data-lang]')).map(a => { \
      var u = new URL(a.getAttribute('href'), a.ownerDocument.baseURI); \
      return [a.dataset.lang, u.pathname, u.searchParams.get('lang'), a.getAttribute('aria-current'), a.getClientRects().length > 0]; })";

/// The path of `lang`'s page under the app's sub-path.
fn page_path(lang: Lang) -> String {
    format!("{}{}", crate::PREFIX, page_file(lang))
}

/// Without JavaScript, each language page has its language links, and they lead to the other
/// pages: each link is shown, its `href` resolves to its language's file beside the page (with
/// `lang=`; the current page's marked `aria-current`), and following one (in a frame where no
/// script runs) loads that language's page.
pub async fn language_links_lead_to_each_page_without_javascript(ctx: &Ctx<'_>) -> Outcome {
    open_example(ctx).await?;
    let ds = dataset();
    for (i, &lang) in Lang::ALL.iter().enumerate() {
        let path = match page_file(lang) {
            "" => "./",
            file => file,
        };
        // A sandbox without allow-scripts: the page loads with JavaScript off.
        add_frame(ctx, path, 1000, Some("allow-same-origin")).await?;
        let links = script(ctx, &format!("return {FRAME_LINKS};")).await?;
        let want: Vec<Value> = Lang::ALL
            .iter()
            .map(|&l| {
                json!([
                    l.tag(),
                    page_path(l),
                    l.tag(),
                    (l == lang).then_some("page"),
                    true
                ])
            })
            .collect();
        expect_eq(
            &format!("the language links of {path} without JavaScript ([language, page, lang=, aria-current, shown])"),
            links,
            json!(want),
        )?;
        // Follow the next language's link. (The link's own activation, from the host page:
        // geckodriver's and WebKitWebDriver's clicks reach a link in a frame where scripts may
        // not run, as `elementFromPoint` there shows, but do not follow it.)
        let next = Lang::ALL[(i + 1) % Lang::ALL.len()];
        script(
            ctx,
            &format!(
                "{IN_FRAME}.querySelector('.lang-switch a[data-lang=\"{}\"]').click();",
                next.tag()
            ),
        )
        .await?;
        wait_until(
            ctx,
            &format!(
                "{IN_FRAME} && {IN_FRAME}.location.pathname == {:?} && {IN_FRAME}.readyState == 'complete' \
                 && {IN_FRAME}.documentElement.lang == {:?}",
                page_path(next),
                next.tag()
            ),
            &format!("the {} page, from its link on {path} without JavaScript", next.tag()),
        )
        .await?;
        let page = script(ctx, FRAMED_PAGE).await?;
        expect_eq(
            &format!(
                "the title of the {} page, followed from {path} without JavaScript",
                next.tag()
            ),
            page["title"].clone(),
            json!(ds.meta.title.get(next)),
        )?;
        expect_eq(
            &format!("a page where no script ran, followed from {path}"),
            page["scripted"].clone(),
            json!(false),
        )?;
        script(ctx, "document.getElementById('test-frame').remove();").await?;
    }
    Ok(())
}

/// The frame's own height report reached the host: the iframe is as tall as its content.
async fn frame_fits(ctx: &Ctx<'_>, index: u16, what: &str) -> Outcome {
    let mut last = (0.0, 0.0);
    // Polled from here: the sandboxed frame's document cannot be read from the host page.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while std::time::Instant::now() < deadline {
        enter_frame(ctx, index).await?;
        let inner = script(
            ctx,
            "return Math.ceil(document.body.getBoundingClientRect().height);",
        )
        .await?;
        leave_frame(ctx).await?;
        let outer = script(ctx, &format!("return {};", frame_height(index))).await?;
        last = (
            inner.as_f64().unwrap_or(0.0),
            outer.as_f64().unwrap_or(-1.0),
        );
        if (last.0 - last.1).abs() <= 1.0 {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err(format!(
        "{what}: iframe {index} is {}px tall for {}px of content",
        last.1, last.0
    ))
}

/// A JS expression: the height of the page's iframe number `index`.
fn frame_height(index: u16) -> String {
    format!("document.getElementsByTagName('iframe')[{index}].getBoundingClientRect().height")
}

async fn enter_ready_frame(ctx: &Ctx<'_>, index: u16) -> Outcome {
    enter_frame(ctx, index).await?;
    if let Err(e) = wait_ready(ctx).await {
        let seen = script(ctx, "return [location.href, document.readyState, String(window.__probe && window.__probe.errors), (document.getElementById('app') || document.body).outerHTML.slice(0, 300)];").await;
        return Err(format!("frame {index}: {e}; the frame shows {seen:?}"));
    }
    Ok(())
}

pub async fn iframes_size_themselves(ctx: &Ctx<'_>) -> Outcome {
    open_example(ctx).await?;
    for index in [0, 1] {
        enter_ready_frame(ctx, index).await?;
        leave_frame(ctx).await?;
        frame_fits(ctx, index, "after load").await?;
    }
    // A filter change inside the first frame changes its height, and the host follows.
    let before = script(ctx, &format!("return {};", frame_height(0))).await?;
    enter_ready_frame(ctx, 0).await?;
    show_facets(ctx).await?;
    click(ctx, ".facet-option[data-key='listed'] input").await?;
    wait_card_ids(ctx, &cards_of(MilestoneKind::Listed), "the listed company").await?;
    leave_frame(ctx).await?;
    wait_until(
        ctx,
        &format!("{} < {before}", frame_height(0)),
        "the iframe to shrink with its content",
    )
    .await?;
    frame_fits(ctx, 0, "after a filter change").await
}

pub async fn sandboxed_iframe_works(ctx: &Ctx<'_>) -> Outcome {
    open_example(ctx).await?;
    let sandbox = script(
        ctx,
        "return document.getElementsByTagName('iframe')[1].getAttribute('sandbox');",
    )
    .await?;
    expect(
        "the second example iframe to be sandboxed without same-origin",
        sandbox
            .as_str()
            .is_some_and(|s| s.contains("allow-scripts") && !s.contains("allow-same-origin")),
    )?;
    enter_ready_frame(ctx, 1).await?;
    let starts = cards_of(MilestoneKind::ConstructionStart);
    wait_card_ids(ctx, &starts, "the filter from the iframe's URL").await?;
    wait_for_charts(ctx).await?;
    // A script click: WebKitWebDriver misplaces pointer clicks inside a scrolled sandboxed frame.
    let facet = find(ctx, ".facet-option[data-key='public-facilities'] input").await?;
    script_on(ctx, "arguments[0].click();", &facet).await?;
    wait_until(
        ctx,
        &format!(
            "document.querySelectorAll('#projects article.card').length < {}",
            starts.len()
        ),
        "a filter in the sandbox",
    )
    .await?;
    expect_eq(
        "errors in the sandboxed iframe",
        probe_errors(ctx).await?,
        json!([]),
    )?;
    leave_frame(ctx).await
}

pub async fn narrow_columns_never_scroll_sideways(ctx: &Ctx<'_>) -> Outcome {
    for (query, width) in [
        ("?lang=en&embed=1", 300),
        ("?lang=en", 320),
        ("?lang=zh-Hant", 320),
        ("?lang=en", 1440),
    ] {
        open_example(ctx).await?;
        add_frame(ctx, &format!("./{query}"), width, None).await?;
        wait_until(
            ctx,
            &format!("{IN_FRAME}.querySelector('#app[data-ready] #projects .result-count')"),
            "the framed app",
        )
        .await?;
        wait_until(
            ctx,
            &format!("{} > 0", charts_drawn_in(IN_FRAME)),
            "the framed charts",
        )
        .await?;
        let wide = script(
            ctx,
            &format!("var d = {IN_FRAME}; return d.documentElement.scrollWidth;"),
        )
        .await?;
        if !wide.as_f64().is_some_and(|w| w <= width as f64) {
            let over = script_with(ctx, WIDER_THAN_THE_PAGE, vec![json!("test-frame")]).await?;
            return Err(format!(
                "expected {query} at {width}px: page {wide}px wide; what sticks out: {over}"
            ));
        }
        // `?embed=1` marks the document itself (the page's first script does, for the CSS).
        let marked = script(
            ctx,
            &format!("return {IN_FRAME}.documentElement.classList.contains('embed');"),
        )
        .await?;
        expect_eq(
            &format!("{query}: <html class=embed>"),
            marked,
            json!(query.contains("embed=1")),
        )?;
        // The page chrome (the colophon) is there, but not in embed mode.
        let chrome = script(
            ctx,
            &format!(
                "var c = {IN_FRAME}.querySelector('.colophon'); return c ? c.offsetHeight : -1;"
            ),
        )
        .await?;
        let chrome = chrome.as_i64().unwrap_or(-1);
        if query.contains("embed=1") {
            expect(
                &format!("no page chrome in embed mode, got {chrome}px"),
                chrome <= 0,
            )?;
        } else {
            expect(
                &format!("the page chrome at {width}px, got {chrome}px"),
                chrome > 0,
            )?;
        }
    }
    Ok(())
}

pub async fn embed_code_carries_the_view(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=en&kind=landed").await?;
    let code = script(
        ctx,
        "return document.querySelector('.embed-code textarea').value;",
    )
    .await?;
    let code = code.as_str().unwrap_or_default().to_string();
    expect(
        &format!("the iframe code with the view, got `{code}`"),
        code.contains("<iframe src=") && code.contains("lang=en&amp;kind=landed&amp;embed=1"),
    )?;
    expect(
        "the sizing script",
        code.contains(&format!("{}embed.js", ctx.server.base)),
    )?;
    click(ctx, ".embed-code button").await?;
    expect_eq("errors after copying", probe_errors(ctx).await?, json!([]))
}

/// The one-file edition opens from disk, works, fetches nothing, and switches language within
/// itself (its English page, from its template, with the filter).
pub async fn standalone_file_opens_from_disk(ctx: &Ctx<'_>) -> Outcome {
    let file = ctx.server.root.join("standalone.html");
    let file = file
        .canonicalize()
        .map_err(|e| format!("{}: {e}", file.display()))?;
    open_at(ctx, &format!("file://{}", file.display())).await?;
    wait_for_charts(ctx).await?;
    click(ctx, ".facet-option[data-key='landed'] input").await?;
    wait_card_ids(ctx, &cards_of(MilestoneKind::Landed), "the cards to filter").await?;
    let fetched = script(ctx, "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'));").await?;
    expect_eq("files fetched by the one-file edition", fetched, json!([]))?;
    // Its language links stay in the file: the English page comes from its template, with the
    // filter.
    let href = script(
        ctx,
        "return document.querySelector('.lang-switch a[data-lang=\"en\"]').getAttribute('href');",
    )
    .await?;
    expect_eq(
        "the English link of the one-file edition",
        href,
        json!("?lang=en&kind=landed"),
    )?;
    mark_page(ctx).await?;
    click(ctx, ".lang-switch a[data-lang='en']").await?;
    wait_new_page(ctx, "the one-file edition in English").await?;
    let at = script(
        ctx,
        "return [location.pathname.split('/').pop(), location.search, document.documentElement.lang, \
                 document.title, document.querySelectorAll('#app > .page').length, document.querySelector('#app > .page').lang, \
                 document.querySelector('.lang-switch a[aria-current=page]').dataset.lang];",
    )
    .await?;
    expect_eq(
        "the one-file edition after its English link ([file, query, lang, title, pages, page lang, current link])",
        at,
        json!([
            "standalone.html",
            "?lang=en&kind=landed",
            "en",
            dataset().meta.title.en,
            1,
            "en",
            "en"
        ]),
    )?;
    let mut filter = Filter::default();
    filter.toggle_kind(MilestoneKind::Landed);
    wait_card_ids(
        ctx,
        &expected_cards(&filter, Lang::En),
        "the filter kept in English",
    )
    .await?;
    wait_for_charts(ctx).await?;
    let fetched = script(ctx, "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'));").await?;
    expect_eq(
        "files fetched by the one-file edition in English",
        fetched,
        json!([]),
    )
}
