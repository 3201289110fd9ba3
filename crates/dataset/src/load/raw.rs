//! The shapes of the hand-edited TOML files, exactly as an editor writes them.
//!
//! Every struct denies unknown fields, so a misspelt key fails the build instead of being
//! silently ignored.

use crate::model::{MilestoneKind, Qualifier, Sector, Unit};
use serde::Deserialize;

/// A text as written in the data: Traditional Chinese and English (Simplified is generated).
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub zh_hant: String,
    pub en: String,
}

/// A period is usually the same in every language ("2024"), but may need words.
#[derive(Deserialize, Debug, Clone)]
#[serde(untagged)]
pub enum RawPeriod {
    Plain(String),
    Words(RawText),
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    /// The article's text, relative to the data folder: the sentences must give it back.
    pub article: String,
    pub title: RawText,
    pub dek: RawText,
    /// What search results and link previews say of the page; the dek when omitted.
    pub description: Option<RawText>,
    pub date: String,
    pub byline: RawText,
    /// The byline's people, one by one, for search engines (JSON-LD `author`).
    #[serde(default)]
    pub authors: Vec<RawText>,
    /// Who publishes the page (JSON-LD `publisher`); the newsroom fills it in.
    pub publisher: Option<RawText>,
    pub source: RawText,
}

/// What a sentence is in the article; for the editors (the page shows every kind alike).
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SentenceKind {
    #[default]
    Text,
    Heading,
    Byline,
}

/// How a derived figure is computed from stated ones.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
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

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawParagraph {
    pub id: String,
    pub sentence: Vec<RawSentence>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawSentence {
    pub id: String,
    #[serde(default)]
    pub kind: SentenceKind,
    pub text: String,
    pub en: String,
    #[serde(default)]
    pub restore: Vec<RawRestore>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawRestore {
    pub find: String,
    pub replace: String,
    pub why: RawText,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: String,
    pub title: RawText,
    pub context: Option<RawText>,
    pub icon: Option<String>,
    pub heading: Option<String>,
    #[serde(default)]
    pub highlights: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: String,
    pub group: String,
    pub label: RawText,
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    pub period: RawPeriod,
    pub source: String,
    pub quote: String,
    #[serde(default)]
    pub also: Vec<String>,
    pub note: Option<RawText>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawDerived {
    pub id: String,
    pub group: String,
    pub label: RawText,
    pub op: DerivedOp,
    pub inputs: Vec<String>,
    pub value: f64,
    pub decimals: u8,
    pub unit: Unit,
    pub how: RawText,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawProject {
    pub id: String,
    pub name: RawText,
    pub sector: Sector,
    #[serde(default)]
    pub figures: Vec<String>,
    pub milestone: Vec<RawMilestone>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawMilestone {
    pub kind: MilestoneKind,
    pub source: String,
    #[serde(default)]
    pub also: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    pub id: String,
    pub group: String,
    pub bar: Vec<RawBar>,
}

/// A bar: its figure, and at most one of `kind` and `sector`, the projects it leads to.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawBar {
    pub figure: String,
    pub kind: Option<MilestoneKind>,
    pub sector: Option<Sector>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    pub number: u8,
    pub text: RawText,
    pub source: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawOverride {
    pub hant: String,
    pub hans: String,
    /// Why the converter is overridden: for the editors who review the table.
    #[serde(rename = "why")]
    pub _why: String,
}
