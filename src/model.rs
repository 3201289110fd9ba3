//! The model: the typed facts, projects and sentences the infographic shows.
//!
//! Plain data with no web types. It is built at compile time from `data/` by the `dataset`
//! module (which validates it), embedded in the app as postcard, and read once at start-up.

use serde::{Deserialize, Serialize};

/// The three languages (and scripts) of every text the reader sees.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Lang {
    /// Traditional Chinese, the script of the source article.
    #[default]
    #[serde(rename = "zh-Hant")]
    Hant,
    /// Simplified Chinese, converted from the Traditional text at build time.
    #[serde(rename = "zh-Hans")]
    Hans,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Hant, Lang::Hans, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>` and in the URL.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Hant => "zh-Hant",
            Lang::Hans => "zh-Hans",
            Lang::En => "en",
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
    pub tasks: Vec<Task>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Meta {
    pub title: Text,
    pub dek: Text,
    /// Date of the source, ISO 8601.
    pub date: String,
    pub byline: Text,
    pub source: Text,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SentenceKind {
    #[default]
    Text,
    Heading,
    Byline,
}

/// One sentence of the source article.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Sentence {
    pub id: String,
    pub paragraph: String,
    pub kind: SentenceKind,
    /// Exactly as in the source file, damaged characters included (for provenance).
    pub original: String,
    /// The restored reading, in pieces so that restored spans can be marked.
    pub reading: Vec<Piece>,
    /// English rendering of the restored reading.
    pub en: String,
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

/// Why a span was restored and what the source had there.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Restoration {
    pub damaged: String,
    pub why: Text,
}

/// A section of the infographic: the headline indicators or one 【數讀2024】 group.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Group {
    pub id: String,
    pub title: Text,
    /// The sentence id of the group's heading in the article, if it has one.
    pub heading: Option<String>,
}

/// How exactly the article states a number.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    /// 約
    About,
    /// 左右
    Around,
    /// 超
    Over,
}

/// The unit of a figure, as the article writes it.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Unit {
    #[serde(rename = "元")]
    Yuan,
    #[serde(rename = "億元")]
    HundredMillionYuan,
    #[serde(rename = "美元")]
    Dollar,
    #[serde(rename = "億美元")]
    HundredMillionDollar,
    #[serde(rename = "%")]
    Percent,
    /// 家: firms, institutions.
    #[serde(rename = "家")]
    Firms,
    /// 個: projects, items.
    #[serde(rename = "個")]
    Items,
    /// 名: people.
    #[serde(rename = "名")]
    People,
    /// 畝: mu, about 666.7 m².
    #[serde(rename = "畝")]
    Mu,
    #[serde(rename = "萬平方米")]
    TenThousandSquareMetres,
    /// 套: flats.
    #[serde(rename = "套")]
    Flats,
    /// 位: a rank.
    #[serde(rename = "位")]
    Rank,
}

impl Unit {
    /// Every unit, with the spelling used in the data files.
    pub const ALL: [(Unit, &'static str); 12] = [
        (Unit::Yuan, "元"),
        (Unit::HundredMillionYuan, "億元"),
        (Unit::Dollar, "美元"),
        (Unit::HundredMillionDollar, "億美元"),
        (Unit::Percent, "%"),
        (Unit::Firms, "家"),
        (Unit::Items, "個"),
        (Unit::People, "名"),
        (Unit::Mu, "畝"),
        (Unit::TenThousandSquareMetres, "萬平方米"),
        (Unit::Flats, "套"),
        (Unit::Rank, "位"),
    ];

    /// The unit as the Traditional Chinese text writes it.
    pub fn symbol(self) -> &'static str {
        Unit::ALL
            .iter()
            .find(|(u, _)| *u == self)
            .map(|(_, s)| *s)
            .unwrap_or_default()
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

/// How a derived figure is computed from stated ones.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum DerivedOp {
    /// a / b × 100
    Percent,
    /// a / b
    Quotient,
}

impl DerivedOp {
    pub fn apply(self, a: f64, b: f64) -> f64 {
        match self {
            DerivedOp::Percent => a / b * 100.0,
            DerivedOp::Quotient => a / b,
        }
    }
}

/// A number the app shows that the article does not state, with how it was derived.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Derived {
    pub id: String,
    pub group: String,
    pub label: Text,
    pub op: DerivedOp,
    pub inputs: Vec<String>,
    pub value: f64,
    /// Decimal places `value` is rounded to.
    pub decimals: u8,
    pub unit: Unit,
    /// `About` when rounded or when an input is itself approximate.
    pub qualifier: Qualifier,
    pub how: Text,
}

/// The sector of a project.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
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

impl Sector {
    pub const ALL: [Sector; 9] = [
        Sector::NewEnergy,
        Sector::SemiconductorsDisplays,
        Sector::AdvancedManufacturing,
        Sector::DigitalAi,
        Sector::Logistics,
        Sector::Finance,
        Sector::Research,
        Sector::PublicFacilities,
        Sector::Infrastructure,
    ];
}

/// What happened to a project in 2024.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum MilestoneKind {
    /// Signed and landed (簽約落地).
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

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 11] = [
        MilestoneKind::Landed,
        MilestoneKind::CapitalIncrease,
        MilestoneKind::ConstructionStart,
        MilestoneKind::Completion,
        MilestoneKind::ProductionStart,
        MilestoneKind::ToppedOut,
        MilestoneKind::Listed,
        MilestoneKind::Award,
        MilestoneKind::Recognition,
        MilestoneKind::Platform,
        MilestoneKind::Breakthrough,
    ];
}

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

/// One of the 2025 key tasks.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Task {
    pub number: u8,
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
}
