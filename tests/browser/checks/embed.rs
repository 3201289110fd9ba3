//! Hosting and embedding: the strict CSP, the page without JavaScript, iframes that size
//! themselves (also sandboxed), narrow columns, the embed code, and the one-file edition.

use super::*;
use torch2024::embedded::dataset;
use torch2024::model::MilestoneKind;

/// The example host page (an article embedding the graphic twice). Test iframes go there too:
/// the app's own CSP allows no frames.
async fn open_example(ctx: &Ctx<'_>) -> Outcome {
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
async fn add_frame(ctx: &Ctx<'_>, src: &str, width: u32, sandbox: Option<&str>) -> Outcome {
    let sandbox = sandbox.map_or(String::new(), |s| {
        format!("f.setAttribute('sandbox', {s:?});")
    });
    script(
        ctx,
        &format!(
            "var f = document.createElement('iframe'); f.id = 'test-frame'; {sandbox}
             f.style.width = '{width}px'; f.style.height = '800px'; f.style.border = '0';
             window.__frameLoaded = false; f.onload = () => window.__frameLoaded = true;
             f.src = {src:?}; document.body.prepend(f);"
        ),
    )
    .await?;
    wait_until(ctx, "window.__frameLoaded", "the iframe to load").await
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
    wait_for_pictures(ctx).await?;
    expect_eq(
        "CSP violations and errors",
        probe_errors(ctx).await?,
        json!([]),
    )
}

pub async fn readable_without_javascript(ctx: &Ctx<'_>) -> Outcome {
    open_example(ctx).await?;
    // A sandbox without allow-scripts: the page loads with JavaScript off.
    add_frame(ctx, "./", 1000, Some("allow-same-origin")).await?;
    let charts = torch2024::charts::CHARTS.len();
    wait_until(
        ctx,
        &format!("{} == {charts}", pictures_shown_in(IN_FRAME)),
        "every chart's picture without JavaScript",
    )
    .await?;
    let page = script(
        ctx,
        &format!(
            "var d = {IN_FRAME};
             return {{ title: d.querySelector('h1').textContent, text: d.body.textContent,
                      cards: d.querySelectorAll('article.card').length,
                      tables: d.querySelectorAll('.data-table table').length,
                      charts: {},
                      scripted: d.documentElement.classList.contains('js') }};",
            pictures_shown_in(IN_FRAME)
        ),
    )
    .await?;
    let ds = dataset();
    expect_eq(
        "the title without JavaScript",
        page["title"].clone(),
        json!(ds.meta.title.hant),
    )?;
    expect_eq("no script ran", page["scripted"].clone(), json!(false))?;
    expect_eq(
        "project cards without JavaScript",
        page["cards"].clone(),
        json!(ds.projects.len()),
    )?;
    expect_eq(
        "data tables without JavaScript",
        page["tables"].clone(),
        json!(torch2024::charts::CHARTS.len()),
    )?;
    expect_eq(
        "chart pictures without JavaScript",
        page["charts"].clone(),
        json!(charts),
    )?;
    let text = page["text"].as_str().unwrap_or_default();
    for p in &ds.projects {
        expect(
            &format!("`{}` on the page without JavaScript", p.name.hant),
            text.contains(&p.name.hant),
        )?;
    }
    expect(
        "the figures without JavaScript",
        text.contains("477.34") && text.contains("超400"),
    )
}

/// The frame's own height report reached the host: the iframe is as tall as its content.
async fn frame_fits(ctx: &Ctx<'_>, index: u16, what: &str) -> Outcome {
    let mut last = (0.0, 0.0);
    for _ in 0..50 {
        ctx.client
            .enter_frame(index)
            .await
            .map_err(|e| e.to_string())?;
        let inner = script(
            ctx,
            "return Math.ceil(document.body.getBoundingClientRect().height);",
        )
        .await?;
        ctx.client
            .enter_parent_frame()
            .await
            .map_err(|e| e.to_string())?;
        let outer = script(ctx, &format!("return document.getElementsByTagName('iframe')[{index}].getBoundingClientRect().height;")).await?;
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

async fn enter_ready_frame(ctx: &Ctx<'_>, index: u16) -> Outcome {
    ctx.client
        .enter_frame(index)
        .await
        .map_err(|e| e.to_string())?;
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
        ctx.client
            .enter_parent_frame()
            .await
            .map_err(|e| e.to_string())?;
        frame_fits(ctx, index, "after load").await?;
    }
    // A filter change inside the first frame changes its height, and the host follows.
    let before = script(
        ctx,
        "return document.getElementsByTagName('iframe')[0].getBoundingClientRect().height;",
    )
    .await?;
    enter_ready_frame(ctx, 0).await?;
    click(ctx, ".facet-option[data-key='listed'] input").await?;
    wait_until(
        ctx,
        "document.querySelectorAll('#projects article.card').length == 1",
        "one listed company",
    )
    .await?;
    ctx.client
        .enter_parent_frame()
        .await
        .map_err(|e| e.to_string())?;
    wait_until(
        ctx,
        &format!(
            "document.getElementsByTagName('iframe')[0].getBoundingClientRect().height < {before}"
        ),
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
    let starts = dataset()
        .projects
        .iter()
        .filter(|p| {
            p.milestones
                .iter()
                .any(|m| m.kind == MilestoneKind::ConstructionStart)
        })
        .count();
    wait_until(
        ctx,
        &format!("document.querySelectorAll('#projects article.card').length == {starts}"),
        "the filter from the iframe's URL",
    )
    .await?;
    wait_for_pictures(ctx).await?;
    // A script click: WebKitWebDriver misplaces pointer clicks inside a scrolled sandboxed frame.
    let facet = find(ctx, ".facet-option[data-key='public-facilities'] input").await?;
    script_on(ctx, "arguments[0].click();", &facet).await?;
    wait_until(
        ctx,
        &format!("document.querySelectorAll('#projects article.card').length < {starts}"),
        "a filter in the sandbox",
    )
    .await?;
    expect_eq(
        "errors in the sandboxed iframe",
        probe_errors(ctx).await?,
        json!([]),
    )?;
    ctx.client
        .enter_parent_frame()
        .await
        .map_err(|e| e.to_string())
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
            &format!("{} > 0", pictures_shown_in(IN_FRAME)),
            "the framed charts",
        )
        .await?;
        let wide = script(
            ctx,
            &format!("var d = {IN_FRAME}; return d.documentElement.scrollWidth;"),
        )
        .await?;
        expect(
            &format!("{query} at {width}px: page {wide}px wide"),
            wide.as_f64().is_some_and(|w| w <= width as f64),
        )?;
        if query.contains("embed=1") {
            let chrome = script(
                ctx,
                &format!(
                    "var c = {IN_FRAME}.querySelector('.colophon'); return c ? c.offsetHeight : 0;"
                ),
            )
            .await?;
            expect_eq("no page chrome in embed mode", chrome, json!(0))?;
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

pub async fn standalone_file_opens_from_disk(ctx: &Ctx<'_>) -> Outcome {
    let file = ctx.server.root.join("standalone.html");
    let file = file
        .canonicalize()
        .map_err(|e| format!("{}: {e}", file.display()))?;
    ctx.client
        .goto(&format!("file://{}", file.display()))
        .await
        .map_err(|e| e.to_string())?;
    wait_ready(ctx).await?;
    wait_for_pictures(ctx).await?;
    click(ctx, ".facet-option[data-key='landed'] input").await?;
    let landed = dataset()
        .projects
        .iter()
        .filter(|p| p.milestones.iter().any(|m| m.kind == MilestoneKind::Landed))
        .count();
    wait_until(
        ctx,
        &format!("document.querySelectorAll('#projects article.card').length == {landed}"),
        "the cards to filter",
    )
    .await?;
    let fetched = script(ctx, "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'));").await?;
    expect_eq("files fetched by the one-file edition", fetched, json!([]))
}
