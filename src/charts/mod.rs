//! Charts: pure functions from the model to `charming::Chart`, their text summaries and their
//! data tables. One [`ChartSpec`] feeds all three, so they cannot disagree.
//!
//! A chart is a value: tests serialize it and check its numbers and labels against the
//! dataset, with no browser.

use crate::format;
use crate::i18n::strings;
use crate::model::{Dataset, Figure, Lang, MilestoneKind, Sector};
use charming::component::{Axis, Grid};
use charming::datatype::{CompositeValue, DataPoint};
use charming::element::{
    AxisLabel, AxisLine, AxisType, ItemStyle, Label, LabelPosition, SplitLine, TextStyle, Tooltip,
    Trigger,
};
use charming::series::Bar;
use charming::Chart;

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
        match lang {
            Lang::En => format!("Bar chart: {}.", items.join("; ")),
            _ => format!(
                "{}:{}。",
                if lang == Lang::Hans {
                    "条形图"
                } else {
                    "條形圖"
                },
                items.join(";")
            ),
        }
    }

    /// The chart: horizontal bars from zero, one series per figure so that each bar's label
    /// and tooltip can say its figure exactly as the article does (超, 約, 左右 included).
    pub fn chart(&self, ds: &Dataset, lang: Lang, theme: Theme) -> Chart {
        let rows = self.rows(ds, lang);
        let labels: Vec<String> = rows.iter().map(|r| wrap(&r.label, lang)).collect();
        let axis_text = TextStyle::new().color(theme.muted);
        let mut chart = Chart::new()
            .animation(!theme.reduced_motion)
            .background_color("transparent")
            // Room on the right for the longest value label (containLabel covers only the axes).
            .grid(
                Grid::new()
                    .left(8)
                    .right(label_room(&rows))
                    .top(8)
                    .bottom(8)
                    .contain_label(true),
            )
            .tooltip(Tooltip::new().trigger(Trigger::Item))
            .x_axis(
                Axis::new()
                    .type_(AxisType::Value)
                    .min(0)
                    .axis_label(AxisLabel::new().color(theme.muted))
                    .split_line(SplitLine::new().show(true)),
            )
            .y_axis(
                Axis::new()
                    .type_(AxisType::Category)
                    .inverse(true)
                    .data(labels)
                    .axis_line(AxisLine::new().show(true))
                    .axis_label(AxisLabel::new().color(theme.ink).font_size(12))
                    .name_text_style(axis_text),
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
                    .bar_width("60%")
                    .item_style(ItemStyle::new().color(theme.bar))
                    .label(
                        Label::new()
                            .show(true)
                            .position(LabelPosition::Right)
                            .formatter(row.text.as_str())
                            .color(theme.ink),
                    )
                    .tooltip(
                        Tooltip::new().formatter(format!("{}: {}", row.label, row.text).as_str()),
                    )
                    .data(data),
            );
        }
        chart
    }
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

/// Breaks a long axis label into lines that fit a phone-width chart's label column.
fn wrap(label: &str, lang: Lang) -> String {
    let width = if lang == Lang::En { 16 } else { 8 };
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_inclusive(|c: char| c == ' ' || lang != Lang::En) {
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() && last.chars().count() + word.trim_end().chars().count() > width {
            lines.push(String::new());
        }
        lines.last_mut().expect("one line at least").push_str(word);
    }
    lines
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The figure as read, e.g. 超400億元.
pub fn figure_text(f: &Figure, lang: Lang) -> String {
    format::figure(f.value, f.unit, f.qualifier, lang).full()
}

/// Colours and motion for one rendering; light and dark both pass WCAG AA on their background.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub ink: &'static str,
    pub muted: &'static str,
    pub bar: &'static str,
    pub reduced_motion: bool,
}

impl Theme {
    pub fn new(dark: bool, reduced_motion: bool) -> Theme {
        if dark {
            Theme {
                ink: "#f1f3f5",
                muted: "#b8c0ca",
                bar: "#f28b82",
                reduced_motion,
            }
        } else {
            Theme {
                ink: "#1b1f24",
                muted: "#4d5560",
                bar: "#b3261e",
                reduced_motion,
            }
        }
    }
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
    use serde_json::Value;

    fn drawn(spec: &ChartSpec, lang: Lang) -> Value {
        serde_json::to_value(spec.chart(dataset(), lang, Theme::new(false, false))).unwrap()
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
        for spec in CHARTS {
            let json = drawn(spec, Lang::Hant);
            let want: Vec<f64> = spec
                .bars
                .iter()
                .map(|(id, _)| dataset().figure(id).expect(id).value)
                .collect();
            assert_eq!(values(&json), want, "{}", spec.id);
            assert_eq!(json["xAxis"]["min"], 0, "{}: bars start at zero", spec.id);
            assert!(
                dataset().groups.iter().any(|g| g.id == spec.group),
                "{}",
                spec.id
            );
        }
    }

    #[test]
    fn investment_chart_draws_the_four_project_counts() {
        let json = drawn(&CHARTS[0], Lang::Hant);
        assert_eq!(values(&json), vec![131.0, 58.0, 11.0, 31.0]);
    }

    #[test]
    fn qualifiers_reach_labels_tooltips_and_tables() {
        let spec = CHARTS.iter().find(|c| c.id == "investment-sums").unwrap();
        let json = drawn(spec, Lang::Hant);
        assert_eq!(json["series"][0]["label"]["formatter"], "超400億元");
        assert!(json["series"][0]["tooltip"]["formatter"]
            .as_str()
            .unwrap()
            .ends_with("超400億元"));
        let en = drawn(spec, Lang::En);
        assert_eq!(en["series"][0]["label"]["formatter"], "over CNY 40 billion");
        assert_eq!(spec.rows(dataset(), Lang::Hans)[0].text, "超400亿元");
        assert!(spec
            .summary(dataset(), Lang::En)
            .contains("over CNY 40 billion"));
    }

    #[test]
    fn long_labels_wrap() {
        assert_eq!(
            wrap("Capital-increase projects landed", Lang::En),
            "Capital-increase\nprojects landed"
        );
        assert_eq!(
            wrap("國家級高新技術企業新認定", Lang::Hant),
            "國家級高新技術企\n業新認定"
        );
        assert_eq!(wrap("Short", Lang::En), "Short");
    }

    #[test]
    fn reduced_motion_turns_animation_off() {
        let json =
            serde_json::to_value(CHARTS[0].chart(dataset(), Lang::En, Theme::new(true, true)))
                .unwrap();
        assert_eq!(json["animation"], false);
    }
}
