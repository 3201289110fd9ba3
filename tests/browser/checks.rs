//! What a reader does and sees, checked in each engine.

use crate::server::Server;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::time::Duration;

/// What a check needs: a browser session and the server the app is on.
pub struct Ctx<'a> {
    pub client: &'a Client,
    pub server: &'a Server,
}

#[derive(Clone, Copy, Debug)]
pub enum Check {
    TitleAndChartRender,
    NoConsoleErrorOrFailedRequest,
}

impl Check {
    pub const ALL: [Check; 2] = [
        Check::TitleAndChartRender,
        Check::NoConsoleErrorOrFailedRequest,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Check::TitleAndChartRender => "title_and_chart_render",
            Check::NoConsoleErrorOrFailedRequest => "no_console_error_or_failed_request",
        }
    }

    pub async fn run(self, ctx: &Ctx<'_>) -> Result<(), String> {
        match self {
            Check::TitleAndChartRender => title_and_chart_render(ctx).await,
            Check::NoConsoleErrorOrFailedRequest => no_console_error_or_failed_request(ctx).await,
        }
    }
}

type Outcome = Result<(), String>;

/// Opens the app at its sub-path and waits until the app has rendered its chart.
async fn open(ctx: &Ctx<'_>, query: &str) -> Outcome {
    let url = format!("{}{query}", ctx.server.base);
    ctx.client
        .goto(&url)
        .await
        .map_err(|e| format!("cannot open {url}: {e}"))?;
    wait_for(ctx, "#app h1").await?;
    wait_for(ctx, "#chart-investment canvas").await
}

async fn wait_for(ctx: &Ctx<'_>, css: &str) -> Outcome {
    ctx.client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .map(|_| ())
        .map_err(|e| format!("`{css}` did not appear within 20 s: {e}"))
}

async fn script(ctx: &Ctx<'_>, js: &str) -> Result<Value, String> {
    ctx.client
        .execute(js, vec![])
        .await
        .map_err(|e| format!("script failed: {e}\n{js}"))
}

fn expect_eq(what: &str, got: Value, want: Value) -> Outcome {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: expected {want}, got {got}"))
    }
}

async fn title_and_chart_render(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "").await?;
    let title = script(ctx, "return document.querySelector('#app h1').textContent").await?;
    expect_eq("the title", title, json!("火炬高新區 數讀2024"))?;
    let data = script(
        ctx,
        "var chart = echarts.getInstanceByDom(document.getElementById('chart-investment'));
         return chart.getOption().series[0].data;",
    )
    .await?;
    expect_eq(
        "the investment chart's data",
        data,
        json!([131, 58, 11, 31]),
    )
}

async fn no_console_error_or_failed_request(ctx: &Ctx<'_>) -> Outcome {
    let before = ctx.server.failures().len();
    open(ctx, "").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let errors = script(
        ctx,
        "return window.__probe ? window.__probe.errors : ['the test probe did not run']",
    )
    .await?;
    expect_eq(
        "console errors, uncaught errors and failed loads",
        errors,
        json!([]),
    )?;
    let failed: Vec<String> = ctx.server.failures()[before..]
        .iter()
        .map(|r| format!("{} → {}", r.path, r.status))
        .collect();
    if !failed.is_empty() {
        return Err(format!("failed requests: {failed:?}"));
    }
    let foreign = script(
        ctx,
        "return performance.getEntriesByType('resource').map(e => e.name)
           .filter(n => !n.startsWith(location.origin + '/'));",
    )
    .await?;
    expect_eq("requests to other hosts", foreign, json!([]))
}
