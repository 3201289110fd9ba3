//! The chart pictures: each chart in each language, built by charming (`charts::options`),
//! drawn to SVG by ECharts' server-side renderer, which runs in Node (`scripts/draw-charts.mjs`,
//! with ECharts from `node_modules`), and made fit to stand inline in its page (`chart_svg`).

use super::{chart_svg, PublishError};
use crate::charts::{height, options, WIDTH};
use crate::model::{Dataset, Lang};
use crate::names::Named;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::process::{Command, Stdio};

/// What ECharts is asked to draw.
#[derive(Serialize)]
struct Request {
    width: u32,
    height: u32,
    option: charming::Chart,
}

/// Each language's charts: chart id to its inline SVG.
pub type Drawn = HashMap<Lang, BTreeMap<String, String>>;

/// Every chart in every language.
pub fn draw(ds: &Dataset) -> Result<Drawn, PublishError> {
    let mut names = Vec::new();
    let mut requests = Vec::new();
    for spec in &ds.charts {
        for &lang in Lang::ALL {
            names.push((spec, lang));
            requests.push(Request {
                width: WIDTH,
                height: height(spec),
                option: options::chart(spec, ds, lang),
            });
        }
    }
    let input = serde_json::to_vec(&requests).expect("chart options serialize");
    let svgs: Vec<String> =
        serde_json::from_slice(&run_node(&input).map_err(PublishError::Charts)?).map_err(|e| {
            PublishError::Charts(format!("scripts/draw-charts.mjs gave no list of SVGs: {e}"))
        })?;
    if svgs.len() != names.len() {
        return Err(PublishError::Charts(format!(
            "scripts/draw-charts.mjs drew {} pictures, not {}",
            svgs.len(),
            names.len()
        )));
    }
    let mut pictures = Drawn::new();
    for ((spec, lang), raw) in names.into_iter().zip(svgs) {
        let svg = chart_svg::inline(&raw, spec, ds, lang).map_err(|e| {
            PublishError::Charts(format!("chart {} in {}: {e}", spec.id, lang.tag()))
        })?;
        pictures
            .entry(lang)
            .or_default()
            .insert(spec.id.clone(), svg);
    }
    Ok(pictures)
}

/// Runs the drawing script with `input` on its standard input; its standard output, or why not.
fn run_node(input: &[u8]) -> Result<Vec<u8>, String> {
    let missing = |e: std::io::Error| {
        format!("cannot run node (needed to draw the charts; apt-get install nodejs): {e}")
    };
    let mut child = Command::new("node")
        .arg("scripts/draw-charts.mjs")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(missing)?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .map_err(|e| format!("cannot write to scripts/draw-charts.mjs: {e}"))?;
    let out = child.wait_with_output().map_err(missing)?;
    if !out.status.success() {
        return Err(format!(
            "scripts/draw-charts.mjs failed ({}); is echarts in node_modules (npm ci)?",
            out.status
        ));
    }
    Ok(out.stdout)
}
