//! The charts as charming values: horizontal bars from zero, in each language, with no colours
//! (the page's CSS gives them theirs). Build time only: `publish::pictures` has ECharts draw
//! each to SVG.
//!
//! A chart is a value: tests serialize it and check its numbers and labels against the
//! dataset, with no browser.

use super::{rows, Row, BAND, MARGIN};
use crate::model::BarChart;
use crate::model::{Dataset, Lang};
use charming::component::{Axis, Grid};
use charming::datatype::{CompositeValue, DataPoint};
use charming::element::{AxisLabel, AxisLine, AxisTick, AxisType, Label, LabelPosition};
use charming::series::Bar;
use charming::Chart;

/// Pixels left of the axis labels beyond the margin.
const LABEL_SLACK: u32 = 14;

/// The chart: horizontal bars from zero, one series per figure so that each bar's label can say
/// its figure exactly as the article does (超, 約, 左右 included).
///
/// Each bar is labelled with its value, so there is no value axis; the bars fill the height
/// between fixed margins in equal bands, which `publish::chart_svg` makes each bar's target.
pub fn chart(spec: &BarChart, ds: &Dataset, lang: Lang) -> Chart {
    let rows = rows(spec, ds, lang);
    let labels: Vec<String> = rows.iter().map(|r| wrap(&r.label, lang)).collect();
    let mut chart = Chart::new()
        .animation(false)
        .background_color("transparent")
        // Room on the right for the longest value label (containLabel covers only the axes).
        .grid(
            Grid::new()
                // More than the margin: ECharts measures the labels' text narrower than
                // browsers draw it, and would cut their first letters.
                .left(f64::from(MARGIN + LABEL_SLACK))
                .right(label_room(&rows))
                .top(f64::from(MARGIN))
                .bottom(f64::from(MARGIN))
                .contain_label(true),
        )
        // Hidden, labels too: ECharts' containLabel makes room for an axis's labels even when
        // the axis is hidden, and the bars would not fill the bands their targets cover.
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .show(false)
                .axis_label(AxisLabel::new().show(false)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(labels)
                .axis_line(AxisLine::new().show(true))
                .axis_tick(AxisTick::new().show(false))
                .axis_label(
                    // Every label, even where ECharts would think two-line ones crowd.
                    AxisLabel::new().font_size(12).interval(0),
                ),
        );
    for (i, row) in rows.iter().enumerate() {
        let data: Vec<DataPoint> = (0..rows.len())
            .map(|j| {
                if i == j {
                    DataPoint::from(row.value)
                } else {
                    DataPoint::from(CompositeValue::from("-"))
                }
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(row.label.clone())
                .stack("bars")
                .bar_width(f64::from(BAND) * 0.6)
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter(row.text.as_str()),
                )
                .data(data),
        );
    }
    chart
}

/// Pixels for the widest value label at 12 px: CJK characters are about twice as wide.
fn label_room(rows: &[Row]) -> f64 {
    let width = |text: &str| {
        text.chars()
            .map(|c| if c.is_ascii() { 7.0 } else { 12.5 })
            .sum::<f64>()
    };
    rows.iter().map(|r| width(&r.text)).fold(0.0, f64::max) + 12.0
}

/// Breaks a long axis label into lines that fit a phone-width chart's label column, as even as
/// the fewest lines allow: no character or word left alone on the last line.
fn wrap(label: &str, lang: Lang) -> String {
    let width = if lang == Lang::En { 24 } else { 8 };
    let fewest = lines(label, lang, width).len();
    let even = (1..width)
        .find(|&w| lines(label, lang, w).len() <= fewest)
        .unwrap_or(width);
    lines(label, lang, even).join("\n")
}

/// The label's lines, each as many words (characters, in Chinese) as fit `width` characters.
fn lines(label: &str, lang: Lang, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_inclusive(|c: char| c == ' ' || lang != Lang::En) {
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() && last.chars().count() + word.trim_end().chars().count() > width {
            lines.push(String::new());
        }
        lines.last_mut().expect("one line at least").push_str(word);
    }
    lines.iter().map(|l| l.trim_end().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::dataset;
    use serde_json::Value;

    fn drawn(spec: &BarChart, lang: Lang) -> Value {
        serde_json::to_value(chart(spec, dataset(), lang)).unwrap()
    }

    /// The value each series draws (the one non-empty point of each series).
    fn values(json: &Value) -> Vec<f64> {
        json["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                s["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find_map(|d| d.as_f64())
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn every_chart_draws_its_figures_from_the_dataset() {
        for spec in &dataset().charts {
            let json = drawn(spec, Lang::Hant);
            let want: Vec<f64> = spec
                .bars
                .iter()
                .map(|b| dataset().figure(&b.figure).expect(&b.figure).value)
                .collect();
            assert_eq!(values(&json), want, "{}", spec.id);
            assert_eq!(json["xAxis"]["min"], 0, "{}: bars start at zero", spec.id);
            // Else ECharts keeps room for the hidden axis's labels, and the bars would not
            // fill the bands their targets cover (`publish::chart_svg`).
            assert_eq!(json["xAxis"]["axisLabel"]["show"], false, "{}", spec.id);
            assert!(
                dataset().groups.iter().any(|g| g.id == spec.group),
                "{}",
                spec.id
            );
        }
    }

    #[test]
    fn investment_chart_draws_the_three_project_counts() {
        let json = drawn(&dataset().charts[0], Lang::Hant);
        assert_eq!(values(&json), vec![58.0, 11.0, 31.0]);
    }

    #[test]
    fn qualifiers_reach_the_labels() {
        let spec = crate::charts::chart(dataset(), "investment-sums").unwrap();
        let json = drawn(spec, Lang::Hant);
        assert_eq!(json["series"][0]["label"]["formatter"], "超200億元");
        let en = drawn(spec, Lang::En);
        assert_eq!(en["series"][0]["label"]["formatter"], "over CNY 20 billion");
    }

    /// A bar's band has room for two lines of its label, in every language.
    #[test]
    fn every_label_fits_its_band_in_two_lines() {
        for spec in &dataset().charts {
            for &lang in <Lang as crate::names::Named>::ALL {
                for row in rows(spec, dataset(), lang) {
                    let lines = wrap(&row.label, lang).lines().count();
                    assert!(lines <= 2, "{} in {}: {lines} lines", row.label, lang.tag());
                }
            }
        }
    }

    #[test]
    fn long_labels_wrap_in_even_lines() {
        for (label, lang, lines) in [
            (
                "Capital-increase projects landed",
                Lang::En,
                "Capital-increase\nprojects landed",
            ),
            (
                "Industrial projects set up",
                Lang::En,
                "Industrial\nprojects set up",
            ),
            (
                "國家級高新技術企業新認定",
                Lang::Hant,
                "國家級高新技\n術企業新認定",
            ),
            ("新增省企業技術中心", Lang::Hant, "新增省企業\n技術中心"),
            ("Short", Lang::En, "Short"),
        ] {
            assert_eq!(wrap(label, lang), lines);
        }
    }
}
