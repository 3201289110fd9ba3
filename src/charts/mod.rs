//! Charts: pure functions from the model to `charming::Chart`, one per chart on the page.
//!
//! A chart is a value: tests serialize it and check its numbers and labels against the
//! dataset, with no browser.

use crate::model::{Dataset, Figure, Lang, Unit};
use charming::component::{Axis, Grid};
use charming::element::{AxisType, Label, LabelPosition, Tooltip, Trigger};
use charming::series::Bar;
use charming::Chart;

/// The investment group's project counts: landed, capital increases, industrial, fund projects.
pub fn investment_projects(ds: &Dataset, lang: Lang) -> Chart {
    let figures: Vec<&Figure> = ds
        .figures_of("investment")
        .filter(|f| f.unit == Unit::Items)
        .collect();
    count_bars(&figures, lang)
}

/// Horizontal bars from zero, one per figure, labelled with their values.
fn count_bars(figures: &[&Figure], lang: Lang) -> Chart {
    let labels: Vec<String> = figures
        .iter()
        .map(|f| f.label.get(lang).to_string())
        .collect();
    let values: Vec<f64> = figures.iter().map(|f| f.value).collect();
    Chart::new()
        .animation(false)
        .grid(
            Grid::new()
                .left(8)
                .right(48)
                .top(8)
                .bottom(8)
                .contain_label(true),
        )
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .x_axis(Axis::new().type_(AxisType::Value).min(0))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(labels),
        )
        .series(
            Bar::new()
                .data(values)
                .label(Label::new().show(true).position(LabelPosition::Right)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::dataset;

    #[test]
    fn investment_chart_draws_the_four_project_counts() {
        let json = serde_json::to_value(investment_projects(dataset(), Lang::Hant)).unwrap();
        let data = &json["series"][0]["data"];
        assert_eq!(data, &serde_json::json!([131.0, 58.0, 11.0, 31.0]));
        assert_eq!(json["xAxis"]["min"], 0);
    }
}
