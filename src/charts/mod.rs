//! Charts: their text summaries and data tables, where the picture of each is and which bar a
//! point on it falls in. Which figures a chart draws and where its bars lead is data
//! (`data/charts.toml`, a [`BarChart`] of the dataset); one `BarChart` feeds all of these and
//! the picture (`options`), so they cannot disagree.
//!
//! The pictures are drawn at build time: charming builds each chart's ECharts option
//! (`options`), ECharts renders it to SVG (`publish::pictures`), once per language, theme and
//! width. The page shows them as images, so the reader downloads no charting library.

#[cfg(not(target_arch = "wasm32"))]
pub mod options;

use crate::format;
use crate::i18n::strings;
use crate::model::{BarChart, Dataset, Figure, Lang, Link};

/// The widths, in CSS pixels, each picture is drawn at: phones, and everything wider.
pub const NARROW: u32 = 340;
pub const WIDE: u32 = 560;
/// The viewport width from which the wide picture is shown.
pub const WIDE_FROM: u32 = 520;
/// Height of one bar's band, and the margin above and below the bars.
pub const BAND: u32 = 32;
pub const MARGIN: u32 = 8;

/// The file name of one picture, under `charts/` in `dist`.
pub fn picture_name(id: &str, lang: Lang, dark: bool, width: u32) -> String {
    let theme = if dark { "dark" } else { "light" };
    format!("{id}-{}-{theme}-{width}.svg", lang.tag())
}

/// One row of a chart's data table: exactly what one bar draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub figure: String,
    pub label: String,
    pub value: f64,
    /// The value as read: with its unit and qualifier (超400億元, over CNY 40 billion).
    pub text: String,
    pub link: Option<Link>,
}

/// The picture's height in pixels: one band per bar (the same at both widths).
pub fn height(chart: &BarChart) -> u32 {
    2 * MARGIN + BAND * chart.bars.len() as u32
}

/// The bar whose band holds a point `fraction` of the way down the picture, if any.
pub fn bar_at(chart: &BarChart, fraction: f64) -> Option<usize> {
    let y = fraction * f64::from(height(chart)) - f64::from(MARGIN);
    let band = (y / f64::from(BAND)).floor();
    (y >= 0.0 && band < chart.bars.len() as f64).then_some(band as usize)
}

/// The chart's data table: a row for each bar, in order.
pub fn rows(chart: &BarChart, ds: &Dataset, lang: Lang) -> Vec<Row> {
    chart
        .bars
        .iter()
        .filter_map(|bar| ds.figure(&bar.figure).map(|f| (f, bar.link)))
        .map(|(f, link)| Row {
            figure: f.id.clone(),
            label: f.label.get(lang).to_string(),
            value: f.value,
            text: figure_text(f, lang),
            link,
        })
        .collect()
}

/// A sentence a screen reader reads in place of the picture.
pub fn summary(chart: &BarChart, ds: &Dataset, lang: Lang) -> String {
    let items: Vec<String> = rows(chart, ds, lang)
        .iter()
        .map(|r| format!("{} {}", r.label, r.text))
        .collect();
    (strings(lang).bar_chart)(&items)
}

/// The chart `id` of the dataset.
pub fn chart<'a>(ds: &'a Dataset, id: &str) -> Option<&'a BarChart> {
    ds.charts.iter().find(|c| c.id == id)
}

/// The link of the bar that shows figure `id`, if a chart has one.
pub fn link_of(ds: &Dataset, figure: &str) -> Option<Link> {
    ds.charts
        .iter()
        .flat_map(|c| &c.bars)
        .find(|b| b.figure == figure)
        .and_then(|b| b.link)
}

/// The figure as read, e.g. 超400億元.
pub fn figure_text(f: &Figure, lang: Lang) -> String {
    format::figure(f.value, f.unit, f.qualifier, lang).full()
}

/// The label of a chart link, for the "show these projects" buttons and announcements.
pub fn link_label(link: Link, lang: Lang) -> &'static str {
    let s = strings(lang);
    match link {
        Link::Kind(k) => (s.milestone)(k),
        Link::Sector(sector) => (s.sector)(sector),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::dataset;

    #[test]
    fn rows_and_summaries_say_each_figure_as_the_article_does() {
        let spec = chart(dataset(), "investment-sums").unwrap();
        assert_eq!(rows(spec, dataset(), Lang::Hans)[0].text, "超200亿元");
        assert_eq!(rows(spec, dataset(), Lang::Hant)[0].text, "超200億元");
        assert!(summary(spec, dataset(), Lang::En).contains("over CNY 20 billion"));
        assert!(summary(spec, dataset(), Lang::Hant).starts_with("條形圖:"));
    }

    #[test]
    fn a_point_on_a_picture_falls_in_one_bar_or_none() {
        let spec = &dataset().charts[0];
        let h = f64::from(height(spec));
        assert_eq!(height(spec), 16 + 3 * 32);
        assert_eq!(bar_at(spec, 0.0), None, "top margin");
        assert_eq!(bar_at(spec, 9.0 / h), Some(0));
        assert_eq!(bar_at(spec, (8.0 + 32.0 * 1.5) / h), Some(1));
        assert_eq!(bar_at(spec, (h - 9.0) / h), Some(2));
        assert_eq!(bar_at(spec, (h - 1.0) / h), None, "bottom margin");
        assert_eq!(bar_at(spec, -1.0), None);
        assert_eq!(bar_at(spec, f64::NAN), None);
    }

    #[test]
    fn picture_names_say_chart_language_theme_and_width() {
        assert_eq!(
            picture_name("smart-funnel", Lang::Hans, true, NARROW),
            "smart-funnel-zh-Hans-dark-340.svg"
        );
    }
}
