//! Charts: which figures each chart draws, their text summaries and data tables, and where the
//! picture of each is and which bar a point on it falls in. One [`ChartSpec`] feeds all of
//! these and the picture (`options`), so they cannot disagree.
//!
//! The pictures are drawn at build time: charming builds each chart's ECharts option
//! (`options`), ECharts renders it to SVG (`publish::pictures`), once per language, theme and
//! width. The page shows them as images, so the reader downloads no charting library.

#[cfg(not(target_arch = "wasm32"))]
pub mod options;

use crate::format;
use crate::i18n::strings;
use crate::model::{Dataset, Figure, Lang, MilestoneKind, Sector};

/// What activating a bar shows in the project cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    Kind(MilestoneKind),
    Sector(Sector),
}

/// One bar chart: which figures it draws, from zero, and where each bar leads.
#[derive(Clone, Copy, Debug)]
pub struct ChartSpec {
    /// Element id on the page: `chart-<id>`.
    pub id: &'static str,
    pub group: &'static str,
    pub bars: &'static [(&'static str, Option<Link>)],
}

use Link::{Kind, Sector as InSector};
use MilestoneKind::*;

/// Every chart of the page, in page order. Only figures that count or measure the same kind of
/// thing share a chart (no pies: none of these are parts of one whole).
pub const CHARTS: &[ChartSpec] = &[
    ChartSpec {
        id: "investment-projects",
        group: "investment",
        bars: &[
            ("landed-projects", Some(Kind(Landed))),
            ("capital-increase-projects", Some(Kind(CapitalIncrease))),
            ("industrial-projects-landed", Some(Kind(Landed))),
            ("fund-projects-landed", Some(InSector(Sector::Finance))),
        ],
    },
    ChartSpec {
        id: "investment-sums",
        group: "investment",
        bars: &[
            ("landed-investment", Some(Kind(Landed))),
            ("capital-increase-investment", Some(Kind(CapitalIncrease))),
            ("landed-investment-completed", None),
            ("new-registered-capital", None),
        ],
    },
    ChartSpec {
        id: "construction-projects",
        group: "construction",
        bars: &[
            ("construction-starts", Some(Kind(ConstructionStart))),
            ("completions", Some(Kind(Completion))),
        ],
    },
    ChartSpec {
        id: "construction-land",
        group: "construction",
        bars: &[("land-put-back-to-use", None), ("land-acquired", None)],
    },
    ChartSpec {
        id: "facilities-projects",
        group: "facilities",
        bars: &[
            ("facility-projects-started", Some(Kind(ConstructionStart))),
            ("facility-projects-completed", Some(Kind(Completion))),
        ],
    },
    ChartSpec {
        id: "innovators-firms",
        group: "innovators",
        bars: &[
            ("high-tech-enterprises", None),
            ("little-giants", None),
            ("gazelle-firms", None),
        ],
    },
    ChartSpec {
        id: "innovators-centres",
        group: "innovators",
        bars: &[
            ("provincial-tech-centres", None),
            ("municipal-joint-labs", None),
            ("municipal-rd-institutions", None),
        ],
    },
    ChartSpec {
        id: "smart-funnel",
        group: "smart",
        bars: &[("smart-needs", None), ("smart-projects", None)],
    },
];

/// The widths, in CSS pixels, each picture is drawn at: phones, and everything wider.
pub const NARROW: u32 = 340;
pub const WIDE: u32 = 560;
/// The viewport width from which the wide picture is shown.
pub const WIDE_FROM: u32 = 520;
/// Height of one bar's band, and the margin above and below the bars.
pub const BAND: u32 = 44;
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

impl ChartSpec {
    /// The picture's height in pixels: one band per bar (the same at both widths).
    pub fn height(&self) -> u32 {
        2 * MARGIN + BAND * self.bars.len() as u32
    }

    /// The bar whose band holds a point `fraction` of the way down the picture, if any.
    pub fn bar_at(&self, fraction: f64) -> Option<usize> {
        let y = fraction * f64::from(self.height()) - f64::from(MARGIN);
        let band = (y / f64::from(BAND)).floor();
        (y >= 0.0 && band < self.bars.len() as f64).then_some(band as usize)
    }

    pub fn rows(&self, ds: &Dataset, lang: Lang) -> Vec<Row> {
        self.bars
            .iter()
            .filter_map(|(id, link)| ds.figure(id).map(|f| (f, *link)))
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
    pub fn summary(&self, ds: &Dataset, lang: Lang) -> String {
        let rows = self.rows(ds, lang);
        let items: Vec<String> = rows
            .iter()
            .map(|r| format!("{} {}", r.label, r.text))
            .collect();
        (strings(lang).bar_chart)(&items)
    }
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
        let spec = CHARTS.iter().find(|c| c.id == "investment-sums").unwrap();
        assert_eq!(spec.rows(dataset(), Lang::Hans)[0].text, "超400亿元");
        assert_eq!(spec.rows(dataset(), Lang::Hant)[0].text, "超400億元");
        assert!(spec
            .summary(dataset(), Lang::En)
            .contains("over CNY 40 billion"));
        assert!(spec.summary(dataset(), Lang::Hant).starts_with("條形圖:"));
    }

    #[test]
    fn a_point_on_a_picture_falls_in_one_bar_or_none() {
        let spec = &CHARTS[0];
        let h = f64::from(spec.height());
        assert_eq!(spec.height(), 16 + 4 * 44);
        assert_eq!(spec.bar_at(0.0), None, "top margin");
        assert_eq!(spec.bar_at(9.0 / h), Some(0));
        assert_eq!(spec.bar_at((8.0 + 44.0 * 2.5) / h), Some(2));
        assert_eq!(spec.bar_at((h - 9.0) / h), Some(3));
        assert_eq!(spec.bar_at((h - 1.0) / h), None, "bottom margin");
        assert_eq!(spec.bar_at(-1.0), None);
        assert_eq!(spec.bar_at(f64::NAN), None);
    }

    #[test]
    fn picture_names_say_chart_language_theme_and_width() {
        assert_eq!(
            picture_name("smart-funnel", Lang::Hans, true, NARROW),
            "smart-funnel-zh-Hans-dark-340.svg"
        );
    }
}
