//! Charts: their text summaries and data tables, the readout a bar shows and which bars the
//! cards' filter selects. Which figures a chart draws and where its bars lead is data
//! (`data/charts.toml`, a [`BarChart`] of the dataset); one `BarChart` feeds all of these and
//! the picture (`options`), so they cannot disagree.
//!
//! The pictures are drawn at build time: charming builds each chart's ECharts option
//! (`options`), ECharts renders it to SVG (`publish::pictures`), once per language, and the
//! page carries it inline, coloured by its CSS, so the reader downloads no charting library.

#[cfg(not(target_arch = "wasm32"))]
pub mod options;

use crate::format;
use crate::i18n::strings;
use crate::model::{BarChart, Dataset, Figure, Lang, Link};
use crate::query::Filter;

/// The width, in CSS pixels, each picture is drawn at: a phone's column. The page scales it to
/// its column, up to a little wider (style/main.css).
pub const WIDTH: u32 = 340;
/// Height of one bar's band, and the margin above and below the bars.
pub const BAND: u32 = 28;
pub const MARGIN: u32 = 8;

/// The id of the element that tells a chart's bar to screen readers (`aria-describedby`).
pub fn readout_id(chart: &str) -> String {
    format!("readout-{chart}")
}

/// The id of a chart's text summary, which names the chart's group of bars.
pub fn summary_id(chart: &str) -> String {
    format!("chart-{chart}-summary")
}

/// Where a chart's image is for download, in `dist/`: `ext` is `svg` or `png`.
pub fn image_path(id: &str, lang: Lang, ext: &str) -> String {
    format!("charts/{id}-{}.{ext}", lang.tag())
}

/// Where a chart's figures are for download, as CSV (in all three languages).
pub fn data_path(id: &str) -> String {
    format!("charts/{id}.csv")
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

/// The picture's height in pixels: one band per bar.
pub fn height(chart: &BarChart) -> u32 {
    2 * MARGIN + BAND * chart.bars.len() as u32
}

/// Which of the chart's bars stand for what the cards' `filter` shows (true) and which do not
/// (false); `None` when none of its bars does (the chart is not about what the cards show).
pub fn selected(chart: &BarChart, filter: &Filter) -> Option<Vec<bool>> {
    let marks: Vec<bool> = chart
        .bars
        .iter()
        .map(|b| match b.link {
            Some(Link::Kind(k)) => filter.kinds.contains(&k),
            Some(Link::Sector(s)) => filter.sectors.contains(&s),
            None => false,
        })
        .collect();
    marks.contains(&true).then_some(marks)
}

/// What a chart says, after its summary, of the bars the filter selects ("" when it selects
/// none).
pub fn selection(chart: &BarChart, filter: &Filter, ds: &Dataset, lang: Lang) -> String {
    let Some(selected) = selected(chart, filter) else {
        return String::new();
    };
    let labels: Vec<String> = chart
        .bars
        .iter()
        .zip(selected)
        .filter(|(_, on)| *on)
        .filter_map(|(bar, _)| ds.figure(&bar.figure))
        .map(|f| f.label.get(lang).to_string())
        .collect();
    (strings(lang).chart_selection)(&labels)
}

/// What a bar's readout says: its label, its value as the article words it, and how its source
/// sentence starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    pub label: String,
    pub value: String,
    pub source: String,
}

/// How many characters of the source sentence a readout shows, by language.
fn source_start(lang: Lang) -> usize {
    if lang == Lang::En {
        72
    } else {
        30
    }
}

/// The readout of the figure `id` on a chart, if the dataset has it.
pub fn readout(ds: &Dataset, id: &str, lang: Lang) -> Option<Readout> {
    let f = ds.figure(id)?;
    let sentence = ds
        .sentence(&f.source)
        .map(|s| s.read(lang))
        .unwrap_or_default();
    let room = source_start(lang);
    let source = if sentence.chars().count() <= room {
        sentence
    } else {
        // At a word's end in English.
        let cut: String = sentence.chars().take(room).collect();
        let cut = match (lang, cut.rfind(' ')) {
            (Lang::En, Some(space)) => cut[..space].to_string(),
            _ => cut,
        };
        format!("{}…", cut.trim_end_matches([',', ' ', '，', '、']))
    };
    Some(Readout {
        label: f.label.get(lang).to_string(),
        value: figure_text(f, lang),
        source,
    })
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
    fn the_filter_selects_the_bars_that_lead_to_its_projects() {
        use crate::model::MilestoneKind;
        let spec = chart(dataset(), "investment-sums").unwrap();
        let mut filter = Filter::default();
        assert_eq!(selected(spec, &filter), None, "nothing chosen");
        filter.text = "Tianma".into();
        assert_eq!(selected(spec, &filter), None, "text alone selects no bar");
        filter.toggle_kind(MilestoneKind::CapitalIncrease);
        assert_eq!(selected(spec, &filter), Some(vec![true, false, false]));
        assert_eq!(
            selection(spec, &filter, dataset(), Lang::En),
            "Selected: Total investment of expansions."
        );
        let land = chart(dataset(), "construction-land").unwrap();
        assert_eq!(
            selected(land, &filter),
            None,
            "no bar of it leads to projects"
        );
        assert_eq!(selection(land, &filter, dataset(), Lang::En), "");
        let projects = chart(dataset(), "investment-projects").unwrap();
        filter.toggle_sector(crate::model::Sector::Finance);
        assert_eq!(selected(projects, &filter), Some(vec![true, false, true]));
    }

    #[test]
    fn a_readout_says_the_figure_as_the_article_does_and_where_it_comes_from() {
        let r = readout(dataset(), "capital-increase-investment", Lang::Hant).unwrap();
        assert_eq!(r.value, "超200億元");
        assert!(
            r.source.ends_with('…') && r.source.chars().count() <= 31,
            "{}",
            r.source
        );
        let en = readout(dataset(), "capital-increase-investment", Lang::En).unwrap();
        assert_eq!(en.value, "over CNY 20 billion");
        assert!(
            en.source.chars().count() <= 73 && !en.source.contains("  "),
            "{}",
            en.source
        );
        assert_eq!(readout(dataset(), "no-such-figure", Lang::En), None);
    }
}
