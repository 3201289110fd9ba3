//! The model: the typed facts, projects and sentences the infographic shows.
//!
//! Plain data with no web types. It is built at compile time from `data/` by [`crate::load`]
//! (which checks it), embedded in the app as postcard, and read once at start-up. It holds
//! only what the app shows: what the data files say for checking alone (paragraph ids, the
//! characters a restoration replaced, how a derived figure is computed) stays in the build.

use crate::names::{serde_by_name, Named};
use serde::{Deserialize, Serialize};
use strum::{VariantArray, VariantNames};

/// The three languages (and scripts) of every text the reader sees.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, VariantArray, VariantNames)]
pub enum Lang {
    /// Traditional Chinese, the script of the source article.
    #[default]
    #[strum(serialize = "zh-Hant")]
    Hant,
    /// Simplified Chinese, converted from the Traditional text at build time.
    #[strum(serialize = "zh-Hans")]
    Hans,
    #[strum(serialize = "en")]
    En,
}

impl Named for Lang {}

impl Lang {
    /// The BCP 47 tag, as used in `<html lang>` and in the URL.
    pub fn tag(self) -> &'static str {
        self.name()
    }

    /// Reads a language tag: `zh-Hant`, `zh-Hans` and `en`, any ASCII case, `_` for `-`; also
    /// regional tags: `zh-TW`, `zh-HK`, `zh-MO` (and `zh-Hant-*`) are Traditional, `zh-CN`,
    /// `zh-SG`, `zh-MY` (and `zh-Hans-*`) Simplified, `en-*` English. A bare `zh` is not
    /// enough to choose a script, so it gives `None`, as does anything else.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut subtags = tag.split('-');
        match subtags.next()? {
            "en" => Some(Lang::En),
            "zh" => subtags.find_map(|s| match s {
                "hant" | "tw" | "hk" | "mo" => Some(Lang::Hant),
                "hans" | "cn" | "sg" | "my" => Some(Lang::Hans),
                _ => None,
            }),
            _ => None,
        }
    }

    /// The language for a browser whose preferred languages are `tags` (most preferred first):
    /// the first tag decides; a Chinese tag that names no script is Traditional, any other
    /// language English, and no tag at all the article's own Traditional.
    pub fn for_browser(tags: &[String]) -> Lang {
        match tags.first() {
            None => Lang::Hant,
            Some(first) => Lang::from_tag(first).unwrap_or_else(|| {
                let primary = first.trim().split(['-', '_']).next().unwrap_or_default();
                if primary.eq_ignore_ascii_case("zh") {
                    Lang::Hant
                } else {
                    Lang::En
                }
            }),
        }
    }
}

/// A text in the three languages.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
pub struct Text {
    pub hant: String,
    pub hans: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Hant => &self.hant,
            Lang::Hans => &self.hans,
            Lang::En => &self.en,
        }
    }
}

/// Everything the app shows, in article order.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Dataset {
    pub meta: Meta,
    pub sentences: Vec<Sentence>,
    pub groups: Vec<Group>,
    pub figures: Vec<Figure>,
    pub derived: Vec<Derived>,
    pub projects: Vec<Project>,
    /// The bar charts, in page order.
    pub charts: Vec<BarChart>,
    /// The figures the page leads with, in order (ids of stated figures; on no chart).
    pub lead: Vec<String>,
    /// The heading of the key tasks, e.g. 2025年重點任務.
    pub tasks_title: Text,
    pub tasks: Vec<Task>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Meta {
    pub title: Text,
    /// The line under the title. It has no figure in it: the lead under it shows them.
    pub dek: Text,
    /// What search results and link previews say of the page (may name figures).
    pub description: Text,
    /// Date of the source, ISO 8601.
    pub date: String,
    pub byline: Text,
    /// The byline's people, one by one (for JSON-LD).
    pub authors: Vec<Text>,
    /// Who publishes the page, if the edition says (for JSON-LD).
    pub publisher: Option<Text>,
    pub source: Text,
}

/// One sentence of the source article.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Sentence {
    pub id: String,
    /// Exactly as in the source file, damaged characters included (for provenance).
    pub original: String,
    /// The restored reading, in pieces so that restored spans can be marked.
    pub reading: Vec<Piece>,
    /// English rendering of the restored reading.
    pub en: String,
    /// Where it stands in the article: its paragraph's number (the line of the article it is
    /// on), from 1.
    pub paragraph: u32,
}

impl Sentence {
    /// The restored reading as one string, in Traditional or Simplified script.
    pub fn restored(&self, lang: Lang) -> String {
        let lang = if lang == Lang::Hans {
            Lang::Hans
        } else {
            Lang::Hant
        };
        self.reading.iter().map(|p| p.text(lang)).collect()
    }

    /// The sentence as a reader of `lang` reads it (the English rendering, or the restored
    /// reading in the reader's script), without the article's item number (❶).
    pub fn read(&self, lang: Lang) -> String {
        let text = if lang == Lang::En {
            self.en.clone()
        } else {
            self.restored(lang)
        };
        text.trim_start_matches(|c: char| ('❶'..='❿').contains(&c) || c.is_whitespace())
            .to_string()
    }
}

/// A span of a restored sentence: either as given, or restored from damaged characters.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Piece {
    pub hant: String,
    pub hans: String,
    pub restored: Option<Restoration>,
}

impl Piece {
    pub fn text(&self, lang: Lang) -> &str {
        if lang == Lang::Hans {
            &self.hans
        } else {
            &self.hant
        }
    }
}

/// A run of a sentence as the source panel shows it: restored or not, within the words that
/// state a figure or not (see [`Sentence::segments`]).
#[derive(Clone, PartialEq, Debug)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub restored: Option<&'a Restoration>,
    pub quoted: bool,
}

impl Sentence {
    /// The restored reading in `lang`'s script (Traditional for English), in runs that split
    /// where a restored span or the words `quote` (in the Traditional reading, as a figure's
    /// quote is) begin or end. Simplified text is converted character for character, so the
    /// quote covers the same characters in either script. A quote the sentence does not hold
    /// marks nothing.
    pub fn segments(&self, lang: Lang, quote: Option<&str>) -> Vec<Segment<'_>> {
        let script = if lang == Lang::Hans {
            Lang::Hans
        } else {
            Lang::Hant
        };
        let range = quote.filter(|q| !q.is_empty()).and_then(|q| {
            let hant = self.restored(Lang::Hant);
            let start = hant[..hant.find(q)?].chars().count();
            Some(start..start + q.chars().count())
        });
        let mut out = Vec::new();
        let mut at = 0;
        for piece in &self.reading {
            let text = piece.text(script);
            let chars = text.chars().count();
            // Where the piece is cut, in its characters: its ends, and where the quote begins
            // or ends within it (in that order, as the quote begins before it ends).
            let mut cuts = vec![0];
            if let Some(r) = &range {
                for edge in [r.start, r.end] {
                    if edge > at && edge < at + chars {
                        cuts.push(edge - at);
                    }
                }
            }
            cuts.push(chars);
            let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
            for pair in cuts.windows(2).filter(|pair| pair[0] < pair[1]) {
                let quoted = range
                    .as_ref()
                    .is_some_and(|r| r.start <= at + pair[0] && at + pair[1] <= r.end);
                out.push(Segment {
                    text: &text[byte(pair[0])..byte(pair[1])],
                    restored: piece.restored.as_ref(),
                    quoted,
                });
            }
            at += chars;
        }
        out
    }
}

/// Why a span was restored (what the source had there is in [`Sentence::original`]).
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Restoration {
    pub why: Text,
}

/// A section of the infographic: the headline indicators or one 【數讀2024】 group.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Group {
    pub id: String,
    pub title: Text,
    /// One sentence of context under the title, with no number in it.
    pub context: Option<Text>,
    /// The chapter's icon: the name of a Lucide icon (`lucide-static`), inlined at build.
    pub icon: Option<String>,
    /// Sentences the section shows as they stand: achievements that are no number.
    pub highlights: Vec<String>,
    /// The ids of the article's sentences under the group's heading (its numbered items).
    pub items: Vec<String>,
}

/// How exactly the article states a number.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, VariantArray, VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    /// 約
    About,
    /// 左右
    Around,
    /// 超
    Over,
}

/// The unit of a figure, named as the article writes it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, VariantArray, VariantNames)]
pub enum Unit {
    #[strum(serialize = "元")]
    Yuan,
    #[strum(serialize = "億元")]
    HundredMillionYuan,
    #[strum(serialize = "美元")]
    Dollar,
    #[strum(serialize = "億美元")]
    HundredMillionDollar,
    #[strum(serialize = "%")]
    Percent,
    /// 家: firms, institutions.
    #[strum(serialize = "家")]
    Firms,
    /// 個: projects, items.
    #[strum(serialize = "個")]
    Items,
    /// 名: people.
    #[strum(serialize = "名")]
    People,
    /// 畝: mu, about 666.7 m².
    #[strum(serialize = "畝")]
    Mu,
    #[strum(serialize = "萬平方米")]
    TenThousandSquareMetres,
    /// 套: flats.
    #[strum(serialize = "套")]
    Flats,
    /// 位: a rank.
    #[strum(serialize = "位")]
    Rank,
}

impl Unit {
    /// The unit as the Traditional Chinese text writes it.
    pub fn symbol(self) -> &'static str {
        self.name()
    }

    /// Whether figures in `self` and `other` can share a chart's axis as they are: the same
    /// unit, or two counts of things (家 and 個 both count firms, institutions or items).
    pub fn comparable(self, other: Unit) -> bool {
        let things = |u| matches!(u, Unit::Firms | Unit::Items);
        self == other || (things(self) && things(other))
    }
}

/// A number the article states.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Figure {
    pub id: String,
    pub group: String,
    pub label: Text,
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    pub period: Text,
    /// The sentence the figure is taken from.
    pub source: String,
    /// The words of that sentence that state the figure (restored reading).
    pub quote: String,
    /// Other sentences that state the same figure.
    pub also: Vec<String>,
    pub note: Option<Text>,
}

/// A number the app shows that the article does not state, with how it was derived.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Derived {
    pub id: String,
    pub group: String,
    pub label: Text,
    /// The figures it is computed from.
    pub inputs: Vec<String>,
    pub value: f64,
    pub unit: Unit,
    /// `About` when rounded or when an input is itself approximate.
    pub qualifier: Qualifier,
    pub how: Text,
}

/// The sector of a project.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, VariantArray, VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Sector {
    NewEnergy,
    SemiconductorsDisplays,
    AdvancedManufacturing,
    DigitalAi,
    Logistics,
    Finance,
    Research,
    PublicFacilities,
    Infrastructure,
}

/// What happened to a project in 2024.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, VariantArray, VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum MilestoneKind {
    /// Signed and launched, or set up (簽約落地, 落地).
    Landed,
    CapitalIncrease,
    ConstructionStart,
    Completion,
    ProductionStart,
    ToppedOut,
    Listed,
    Award,
    Recognition,
    Platform,
    Breakthrough,
}

impl Named for Qualifier {}
impl Named for Unit {}
impl Named for Sector {}
impl Named for MilestoneKind {}
serde_by_name!(Qualifier, Unit, Sector, MilestoneKind);

/// A named project, company, fund, facility or institution: one project card.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Project {
    pub id: String,
    pub name: Text,
    pub sector: Sector,
    /// Figures that belong to this project alone.
    pub figures: Vec<String>,
    pub milestones: Vec<Milestone>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub source: String,
    pub also: Vec<String>,
}

/// A bar chart: figures of one kind and one unit, compared from zero.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct BarChart {
    /// Element id on the page: `chart-<id>`.
    pub id: String,
    /// The group (chapter) it belongs to; its figures are that group's.
    pub group: String,
    pub bars: Vec<Bar>,
}

/// One bar of a chart: a figure, and the projects activating it shows, if any.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Bar {
    pub figure: String,
    pub link: Option<Link>,
}

/// What activating a bar shows in the project cards.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    Kind(MilestoneKind),
    Sector(Sector),
}

/// One of the key tasks for the coming year, in the article's order.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Task {
    pub text: Text,
    pub source: String,
}

impl Dataset {
    pub fn sentence(&self, id: &str) -> Option<&Sentence> {
        self.sentences.iter().find(|s| s.id == id)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn figures_of<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures.iter().filter(move |f| f.group == group)
    }

    /// Clears what only the build renders into the pages (the masthead's and colophon's texts
    /// but the title, the chapters' context, icons and highlights, the lead), so that the
    /// app's copy carries only what its live parts show: cards, source panel, embed code.
    pub fn for_the_app(&mut self) {
        for text in [
            &mut self.meta.dek,
            &mut self.meta.description,
            &mut self.meta.byline,
            &mut self.meta.source,
        ] {
            *text = Text::default();
        }
        self.meta.authors.clear();
        self.meta.publisher = None;
        for g in &mut self.groups {
            g.context = None;
            g.icon = None;
            g.highlights.clear();
        }
        self.lead.clear();
    }

    /// The stated figures the page leads with, in order.
    pub fn lead_figures(&self) -> impl Iterator<Item = &Figure> + '_ {
        self.lead.iter().filter_map(|id| self.figure(id))
    }

    /// The figures of `group` that stand alone as numbers: neither in the lead nor on a chart,
    /// so that the page shows each figure once.
    pub fn standalone_figures<'a>(
        &'a self,
        group: &'a str,
    ) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures_of(group)
            .filter(|f| !self.lead.contains(&f.id) && self.chart_of(&f.id).is_none())
    }

    /// The chart that draws `figure`, if one does (each figure is on one chart at most).
    pub fn chart_of(&self, figure: &str) -> Option<&BarChart> {
        self.charts
            .iter()
            .find(|c| c.bars.iter().any(|b| b.figure == figure))
    }

    /// The chapter a project belongs to: the group whose items first tell of it, in the
    /// order of its milestones.
    pub fn chapter_of(&self, project: &Project) -> Option<&Group> {
        project
            .milestones
            .iter()
            .flat_map(|m| std::iter::once(&m.source).chain(&m.also))
            .find_map(|s| self.groups.iter().find(|g| g.items.contains(s)))
    }

    /// The projects a chapter tells of, in the article's order.
    pub fn projects_in<'a>(&'a self, group: &'a Group) -> impl Iterator<Item = &'a Project> + 'a {
        self.projects
            .iter()
            .filter(move |p| self.chapter_of(p).is_some_and(|g| g.id == group.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for (tag, lang) in [
            ("ZH-hant", Some(Lang::Hant)),
            ("zh-TW", Some(Lang::Hant)),
            ("zh_hk", Some(Lang::Hant)),
            ("zh-MO", Some(Lang::Hant)),
            ("zh-Hant-CN", Some(Lang::Hant)),
            ("zh-CN", Some(Lang::Hans)),
            ("zh-SG", Some(Lang::Hans)),
            ("zh-Hans-HK", Some(Lang::Hans)),
            ("EN", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("zh", None),
            ("fr", None),
            ("", None),
            ("-", None),
            ("english", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
        for &l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
    }

    #[test]
    fn browser_languages_decide_the_default() {
        let pick = |tags: &[&str]| {
            Lang::for_browser(&tags.iter().map(|t| t.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(pick(&["zh-CN", "en"]), Lang::Hans);
        assert_eq!(pick(&["zh-SG"]), Lang::Hans);
        assert_eq!(pick(&["zh-Hans-HK"]), Lang::Hans);
        assert_eq!(pick(&["zh-TW"]), Lang::Hant);
        assert_eq!(pick(&["zh-HK"]), Lang::Hant);
        assert_eq!(pick(&["zh-MO"]), Lang::Hant);
        assert_eq!(pick(&["zh"]), Lang::Hant);
        assert_eq!(pick(&["zh-yue"]), Lang::Hant);
        assert_eq!(pick(&["en-US", "zh-CN"]), Lang::En);
        assert_eq!(pick(&["fr"]), Lang::En);
        assert_eq!(pick(&[]), Lang::Hant);
    }

    #[test]
    fn a_quote_marks_its_words_across_restored_pieces() {
        let piece = |hant: &str, hans: &str, restored: bool| Piece {
            hant: hant.into(),
            hans: hans.into(),
            restored: restored.then(|| Restoration {
                why: Text {
                    hant: "w".into(),
                    hans: "w".into(),
                    en: "w".into(),
                },
            }),
        };
        let sentence = Sentence {
            id: "s".into(),
            original: String::new(),
            reading: vec![
                piece("引進項目", "引进项目", false),
                piece("131個", "131个", true),
                piece(",總投資", ",总投资", false),
            ],
            en: String::new(),
            paragraph: 1,
        };
        let runs = |lang, quote| {
            sentence
                .segments(lang, quote)
                .into_iter()
                .map(|s| (s.text, s.restored.is_some(), s.quoted))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            runs(Lang::Hant, Some("項目131個,總")),
            vec![
                ("引進", false, false),
                ("項目", false, true),
                ("131個", true, true),
                (",總", false, true),
                ("投資", false, false),
            ]
        );
        // The same characters in Simplified; English shows the Traditional reading.
        assert_eq!(
            runs(Lang::Hans, Some("項目131個,總"))
                .iter()
                .filter(|r| r.2)
                .map(|r| r.0)
                .collect::<String>(),
            "项目131个,总"
        );
        assert_eq!(runs(Lang::En, None), runs(Lang::Hant, Some("not in it")));
        assert_eq!(runs(Lang::En, None).len(), 3);
    }
}
