//! The pure logic behind the filterable project cards: the [`Filter`] a reader sets (milestone
//! kinds, sectors, free text, sort order), the [`Catalog`] that answers it (matching projects in
//! order, and the disjunctive facet counts), and the text normalisation used by the search.
//!
//! No web types: the UI owns the signals, this module only answers questions, and is tested
//! natively. The URL form of the state lives in [`url`]; `synthetic` (in tests, and with the
//! `synthetic` feature for benchmarks) makes large catalogs.

#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod url;

use crate::model::{Lang, MilestoneKind, Project, Sector};
use crate::names::Named;
use std::collections::BTreeSet;
use strum::{VariantArray, VariantNames};

/// The order of the project cards.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, VariantArray, VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Sort {
    /// The order in which the article names the projects (the data order).
    #[default]
    Article,
    /// By the name in the view language, see [`Catalog::select`].
    Name,
    /// By sector (in [`Sector::ALL`] order), then in article order.
    Sector,
}

impl Named for Sort {}

/// What the reader has chosen to see.
///
/// Within a facet the chosen values are alternatives (a project with *any* of the chosen kinds
/// matches); the two facets and the text must all match. An empty facet does not filter.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Filter {
    pub kinds: BTreeSet<MilestoneKind>,
    pub sectors: BTreeSet<Sector>,
    /// Free text, searched as described in [`normalize`] and [`Catalog::select`].
    pub text: String,
    pub sort: Sort,
}

impl Filter {
    /// True when the filter is exactly [`Filter::default()`]: no facet value chosen, empty text
    /// (a text of only spaces counts as not default here; it still matches everything) and the
    /// article order.
    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }

    /// Adds the kind to the facet, or removes it if it is there.
    pub fn toggle_kind(&mut self, kind: MilestoneKind) {
        if !self.kinds.remove(&kind) {
            self.kinds.insert(kind);
        }
    }

    /// Adds the sector to the facet, or removes it if it is there.
    pub fn toggle_sector(&mut self, sector: Sector) {
        if !self.sectors.remove(&sector) {
            self.sectors.insert(sector);
        }
    }
}

/// Normalises a text for searching, on both the query and the names:
///
/// - Unicode lowercase;
/// - full-width ASCII forms (U+FF01–U+FF5E) become ASCII, so `ＡＢＢ` is `abb`;
/// - any whitespace (the ideographic space U+3000 included) becomes one ASCII space;
/// - every other character that is neither alphanumeric nor CJK is dropped, so punctuation,
///   `·`, `-`, `(`, emoji, combining marks and the like do not matter (`Micro-LED` is `microled`).
///
/// CJK ideographs are letters to Unicode, so they are kept as alphanumerics; CJK radicals and
/// strokes are kept too. No script conversion happens here: Traditional and Simplified names are
/// both in a project's search text instead.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`], appending to `out`.
fn normalize_into(text: &str, out: &mut String) {
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_whitespace() {
            out.push(' ');
        } else if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else {
            for l in c.to_lowercase() {
                if l.is_alphanumeric() || is_cjk(l) {
                    out.push(l);
                }
            }
        }
    }
}

/// CJK characters that are not already alphanumeric to Unicode: radicals and strokes (an IME
/// sometimes gives a radical such as `⾦` for the ideograph). Ideographs themselves are letters.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'   // CJK radicals supplement, Kangxi radicals
        | '\u{31C0}'..='\u{31EF}' // CJK strokes
        | '\u{3400}'..='\u{4DBF}' // extension A
        | '\u{4E00}'..='\u{9FFF}' // unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{20000}'..='\u{3134F}') // extensions B to G, compatibility supplement
}

/// The search terms of a query: its normalised whitespace-separated words, longest first (the
/// most selective, so a non-match is found early), without repeats. Borrowed from `normalized`.
fn terms(normalized: &str) -> Vec<&str> {
    let mut terms: Vec<&str> = normalized.split(' ').filter(|t| !t.is_empty()).collect();
    terms.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    terms.dedup();
    terms
}

/// One project, as the catalog needs it.
#[derive(Clone, Debug)]
struct Row {
    /// Its normalised search text is `Catalog::hay[start..end]`.
    start: usize,
    end: usize,
    /// Bit `k as u16` is set for each milestone kind `k` the project has.
    kinds: u16,
    /// `sector as usize`.
    sector: usize,
}

/// The projects, prepared once for filtering: the search text of every project normalised, and
/// the name and sector orders sorted. Owns all it needs (no borrow of the projects), so it can be
/// kept in a `static` or an `Rc`.
#[derive(Clone, Debug)]
pub struct Catalog {
    rows: Vec<Row>,
    /// The normalised names of all projects, one after another (see [`Row`]). Within a project
    /// the names are separated by `'\n'`, which no search term contains, so a term never spans
    /// two names.
    hay: String,
    /// Project indices sorted by name, one order per language, in [`Lang::ALL`] order.
    by_name: [Vec<usize>; 3],
    /// Project indices sorted by sector, then article order.
    by_sector: Vec<usize>,
}

/// The result of [`Catalog::facet_counts`]: what [`Catalog::kind_counts`] and
/// [`Catalog::sector_counts`] return.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct FacetCounts {
    pub kinds: Vec<(MilestoneKind, usize)>,
    pub sectors: Vec<(Sector, usize)>,
}

/// The parsed form of a [`Filter`] for one call.
struct Query<'a> {
    /// Bit set of the chosen kinds; 0 when the facet does not filter.
    kinds: u16,
    /// Bit set of the chosen sectors; 0 when the facet does not filter.
    sectors: u16,
    terms: Vec<&'a str>,
}

impl<'a> Query<'a> {
    fn new(filter: &Filter, normalized: &'a str) -> Query<'a> {
        Query {
            kinds: filter.kinds.iter().fold(0, |m, &k| m | kind_bit(k)),
            sectors: filter.sectors.iter().fold(0, |m, &s| m | sector_bit(s)),
            terms: terms(normalized),
        }
    }

    fn kind_ok(&self, row: &Row) -> bool {
        self.kinds == 0 || row.kinds & self.kinds != 0
    }

    fn sector_ok(&self, row: &Row) -> bool {
        self.sectors == 0 || (1 << row.sector) & self.sectors != 0
    }

    fn text_ok(&self, row: &Row, hay: &str) -> bool {
        let hay = &hay[row.start..row.end];
        self.terms.iter().all(|t| hay.contains(t))
    }

    fn matches(&self, row: &Row, hay: &str) -> bool {
        self.kind_ok(row) && self.sector_ok(row) && self.text_ok(row, hay)
    }
}

fn kind_bit(kind: MilestoneKind) -> u16 {
    1 << kind as u16
}

fn sector_bit(sector: Sector) -> u16 {
    1 << sector as u16
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Hant => 0,
        Lang::Hans => 1,
        Lang::En => 2,
    }
}

impl Catalog {
    pub fn new(projects: &[Project]) -> Catalog {
        let mut hay = String::new();
        let mut rows = Vec::with_capacity(projects.len());
        for p in projects {
            let start = hay.len();
            normalize_into(&p.name.hant, &mut hay);
            if p.name.hans != p.name.hant {
                hay.push('\n');
                normalize_into(&p.name.hans, &mut hay);
            }
            hay.push('\n');
            normalize_into(&p.name.en, &mut hay);
            rows.push(Row {
                start,
                end: hay.len(),
                kinds: p.milestones.iter().fold(0, |m, s| m | kind_bit(s.kind)),
                sector: p.sector as usize,
            });
        }
        hay.shrink_to_fit();

        let article: Vec<usize> = (0..projects.len()).collect();
        let by_name = std::array::from_fn(|i| {
            let lang = Lang::ALL[i];
            let mut order = article.clone();
            if lang == Lang::En {
                order.sort_by_cached_key(|&i| projects[i].name.en.to_lowercase());
            } else {
                order.sort_by(|&a, &b| projects[a].name.get(lang).cmp(projects[b].name.get(lang)));
            }
            order
        });
        let mut by_sector = article;
        by_sector.sort_by_key(|&i| projects[i].sector);

        Catalog {
            rows,
            hay,
            by_name,
            by_sector,
        }
    }

    /// The number of projects.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Indices into the projects the catalog was made from, of those that match `filter`, in the
    /// order of `filter.sort`.
    ///
    /// The text matches when every whitespace-separated term of the [normalised](normalize) query
    /// occurs in one of the project's normalised names; the Traditional, Simplified and English
    /// names are all searched whatever `lang` is, so `天马` finds `天馬` and `tianma` finds
    /// `Tianma`. A query with no term (empty, spaces, punctuation only) matches everything.
    ///
    /// With [`Sort::Name`] the names are compared in `lang`: in English alphabetically, ignoring
    /// case (by the Unicode lowercase of the whole name); in Chinese by the Unicode code points of
    /// the name in that script (no pinyin or stroke collation). Equal names keep article order.
    /// `lang` matters for nothing else.
    pub fn select(&self, filter: &Filter, lang: Lang) -> Vec<usize> {
        let normalized = normalize(&filter.text);
        let q = Query::new(filter, &normalized);
        let keep = |&i: &usize| q.matches(&self.rows[i], &self.hay);
        match filter.sort {
            Sort::Article => (0..self.len()).filter(keep).collect(),
            Sort::Name => self.by_name[lang_index(lang)]
                .iter()
                .copied()
                .filter(keep)
                .collect(),
            Sort::Sector => self.by_sector.iter().copied().filter(keep).collect(),
        }
    }

    /// For each kind of [`MilestoneKind::ALL`], in that order: how many projects would match if the
    /// kind facet were exactly that kind, with the sectors and the text as they are (the usual
    /// "disjunctive" facet count, which does not depend on the kinds chosen now).
    pub fn kind_counts(&self, filter: &Filter) -> Vec<(MilestoneKind, usize)> {
        self.facet_counts(filter).kinds
    }

    /// For each sector of [`Sector::ALL`], in that order: how many projects would match if the
    /// sector facet were exactly that sector, with the kinds and the text as they are.
    pub fn sector_counts(&self, filter: &Filter) -> Vec<(Sector, usize)> {
        self.facet_counts(filter).sectors
    }

    /// [`Catalog::kind_counts`] and [`Catalog::sector_counts`] together, in one pass over the
    /// projects (the text is matched once), for a UI that shows both.
    pub fn facet_counts(&self, filter: &Filter) -> FacetCounts {
        let normalized = normalize(&filter.text);
        let q = Query::new(filter, &normalized);
        let mut kinds = [0usize; MilestoneKind::ALL.len()];
        let mut sectors = [0usize; Sector::ALL.len()];
        for row in &self.rows {
            let kind_ok = q.kind_ok(row);
            let sector_ok = q.sector_ok(row);
            if !(kind_ok || sector_ok) || !q.text_ok(row, &self.hay) {
                continue;
            }
            if sector_ok {
                let mut bits = row.kinds;
                while bits != 0 {
                    kinds[bits.trailing_zeros() as usize] += 1;
                    bits &= bits - 1;
                }
            }
            if kind_ok {
                sectors[row.sector] += 1;
            }
        }
        FacetCounts {
            kinds: MilestoneKind::ALL.iter().copied().zip(kinds).collect(),
            sectors: Sector::ALL.iter().copied().zip(sectors).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Milestone, Text};

    fn project(
        hant: &str,
        hans: &str,
        en: &str,
        sector: Sector,
        kinds: &[MilestoneKind],
    ) -> Project {
        Project {
            id: en.to_lowercase().replace(' ', "-"),
            name: Text {
                hant: hant.into(),
                hans: hans.into(),
                en: en.into(),
            },
            sector,
            figures: vec![],
            milestones: kinds
                .iter()
                .map(|&kind| Milestone {
                    kind,
                    source: "s".into(),
                    also: vec![],
                })
                .collect(),
        }
    }

    fn sample() -> Vec<Project> {
        use MilestoneKind::*;
        vec![
            project(
                "天馬微電子",
                "天马微电子",
                "Tianma Microelectronics",
                Sector::SemiconductorsDisplays,
                &[Landed, Completion],
            ),
            project(
                "ABB低壓",
                "ABB低压",
                "ABB Low Voltage",
                Sector::AdvancedManufacturing,
                &[Award],
            ),
            project("貨拉拉", "货拉拉", "Lalamove", Sector::Logistics, &[Landed]),
            project(
                "內垵大道(溪東路至蓮溪段)工程",
                "内垵大道(溪东路至莲溪段)工程",
                "Nei'an Avenue works",
                Sector::Infrastructure,
                &[ConstructionStart],
            ),
            project(
                "天馬8.6代線",
                "天马8.6代线",
                "Tianma Gen 8.6 line",
                Sector::SemiconductorsDisplays,
                &[ProductionStart],
            ),
            project("溥泉基金", "溥泉基金", "Puquan Fund", Sector::Finance, &[]),
            project("阿爾法", "阿尔法", "alpha", Sector::Research, &[Platform]),
        ]
    }

    fn text(t: &str) -> Filter {
        Filter {
            text: t.into(),
            ..Filter::default()
        }
    }

    #[test]
    fn normalize_folds_case_width_space_and_punctuation() {
        assert_eq!(normalize("ABB低壓"), "abb低壓");
        assert_eq!(normalize("ＡＢＢ\u{3000}低壓！"), "abb 低壓");
        assert_eq!(normalize("Micro-LED (8.6) · Nei'an"), "microled 86  neian");
        assert_eq!(normalize("ÉCOLE Straße"), "école straße");
        assert_eq!(normalize("\t a\nb "), "  a b ");
        assert_eq!(normalize("🚀<script>.*[]\u{301}"), "script");
        assert_eq!(normalize("〇々⾦"), "〇々⾦");
        assert_eq!(normalize("ｔｉａｎｍａ１２"), "tianma12");
    }

    #[test]
    fn terms_are_deduplicated_longest_first() {
        assert_eq!(terms("a  bb a ccc "), vec!["ccc", "bb", "a"]);
        assert!(terms("   ").is_empty());
    }

    #[test]
    fn toggles_and_default() {
        let mut f = Filter::default();
        assert!(f.is_default());
        f.toggle_kind(MilestoneKind::Landed);
        f.toggle_sector(Sector::Finance);
        assert!(f.kinds.contains(&MilestoneKind::Landed));
        assert!(f.sectors.contains(&Sector::Finance));
        assert!(!f.is_default());
        f.toggle_kind(MilestoneKind::Landed);
        f.toggle_sector(Sector::Finance);
        assert!(f.is_default());
        f.sort = Sort::Name;
        assert!(!f.is_default());
    }

    #[test]
    fn bits_follow_the_all_order() {
        for (i, k) in MilestoneKind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
        }
        for (i, s) in Sector::ALL.iter().enumerate() {
            assert_eq!(*s as usize, i);
        }
        const { assert!(MilestoneKind::ALL.len() <= 16 && Sector::ALL.len() <= 16) };
    }

    #[test]
    fn text_search_uses_every_script() {
        let c = Catalog::new(&sample());
        for &lang in Lang::ALL {
            assert_eq!(c.select(&text("天马"), lang), vec![0, 4]);
            assert_eq!(c.select(&text("天馬"), lang), vec![0, 4]);
            assert_eq!(c.select(&text("TIANMA"), lang), vec![0, 4]);
        }
        assert_eq!(c.select(&text("ABB低壓"), Lang::En), vec![1]);
        assert_eq!(c.select(&text("abb 低压"), Lang::En), vec![1]);
        assert_eq!(c.select(&text("ＡＢＢ"), Lang::En), vec![1]);
        assert_eq!(c.select(&text("8.6 tianma"), Lang::En), vec![4]);
        assert_eq!(c.select(&text("溪東路至蓮溪"), Lang::En), vec![3]);
        assert_eq!(c.select(&text("neian"), Lang::En), vec![3]);
        assert_eq!(c.select(&text("nei'an"), Lang::En), vec![3]);
        // Terms must all match, but each may match a different name of the project.
        assert_eq!(c.select(&text("天馬 microelectronics"), Lang::En), vec![0]);
        assert_eq!(
            c.select(&text("天馬 lalamove"), Lang::En),
            Vec::<usize>::new()
        );
        // A term never spans two names.
        assert!(c.select(&text("lalamove貨"), Lang::En).is_empty());
        assert!(c.select(&text("拉拉货"), Lang::En).is_empty());
    }

    #[test]
    fn queries_without_terms_match_everything() {
        let c = Catalog::new(&sample());
        let all: Vec<usize> = (0..c.len()).collect();
        for q in ["", "   ", "\u{3000}", "!!!", "·-()", "🚀", "\u{301}"] {
            assert_eq!(c.select(&text(q), Lang::Hant), all, "{q:?}");
        }
    }

    #[test]
    fn facets_or_within_and_across() {
        let c = Catalog::new(&sample());
        let mut f = Filter::default();
        f.toggle_kind(MilestoneKind::Landed);
        assert_eq!(c.select(&f, Lang::Hant), vec![0, 2]);
        f.toggle_kind(MilestoneKind::Award);
        assert_eq!(c.select(&f, Lang::Hant), vec![0, 1, 2]);
        f.toggle_sector(Sector::Logistics);
        assert_eq!(c.select(&f, Lang::Hant), vec![2]);
        f.toggle_sector(Sector::AdvancedManufacturing);
        assert_eq!(c.select(&f, Lang::Hant), vec![1, 2]);
        f.text = "abb".into();
        assert_eq!(c.select(&f, Lang::Hant), vec![1]);
    }

    #[test]
    fn sorts() {
        let c = Catalog::new(&sample());
        let mut f = Filter {
            sort: Sort::Name,
            ..Filter::default()
        };
        // English ignores case: "alpha" sorts before "Lalamove".
        assert_eq!(c.select(&f, Lang::En), vec![1, 6, 2, 3, 5, 4, 0]);
        // Chinese: by code point (A < 內 < 天 < 溥 < 貨 < 阿 in Traditional; 天馬8 < 天馬微).
        assert_eq!(c.select(&f, Lang::Hant), vec![1, 3, 4, 0, 5, 2, 6]);
        // Simplified: 内 U+5185 < 天 < 溥 < 货 U+8D27 < 阿.
        assert_eq!(c.select(&f, Lang::Hans), vec![1, 3, 4, 0, 5, 2, 6]);
        f.sort = Sort::Sector;
        assert_eq!(c.select(&f, Lang::En), vec![0, 4, 1, 2, 5, 6, 3]);
        f.sort = Sort::Article;
        assert_eq!(c.select(&f, Lang::En), vec![0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn name_ties_keep_article_order() {
        use MilestoneKind::*;
        let ps = vec![
            project("乙", "乙", "b", Sector::Finance, &[Landed]),
            project("甲", "甲", "A", Sector::Finance, &[Landed]),
            project("乙", "乙", "B", Sector::Finance, &[Landed]),
            project("甲", "甲", "a", Sector::Finance, &[Landed]),
        ];
        let c = Catalog::new(&ps);
        let f = Filter {
            sort: Sort::Name,
            ..Filter::default()
        };
        assert_eq!(c.select(&f, Lang::En), vec![1, 3, 0, 2]);
        // 乙 U+4E59 comes before 甲 U+7532 by code point.
        assert_eq!(c.select(&f, Lang::Hant), vec![0, 2, 1, 3]);
    }

    #[test]
    fn facet_counts_are_disjunctive() {
        let c = Catalog::new(&sample());
        let count = |v: &[(MilestoneKind, usize)], k| v.iter().find(|(x, _)| *x == k).unwrap().1;
        let mut f = Filter::default();
        let kinds = c.kind_counts(&f);
        assert_eq!(kinds.len(), MilestoneKind::ALL.len());
        assert_eq!(count(&kinds, MilestoneKind::Landed), 2);
        assert_eq!(count(&kinds, MilestoneKind::Listed), 0);
        // Choosing a kind does not change the kind counts, only the sector counts.
        f.toggle_kind(MilestoneKind::Landed);
        assert_eq!(c.kind_counts(&f), kinds);
        let sectors = c.sector_counts(&f);
        assert_eq!(sectors.iter().map(|(_, n)| n).sum::<usize>(), 2);
        f.toggle_sector(Sector::Logistics);
        assert_eq!(count(&c.kind_counts(&f), MilestoneKind::Landed), 1);
        assert_eq!(c.sector_counts(&f), sectors);
        f.text = "天馬".into();
        assert_eq!(count(&c.kind_counts(&f), MilestoneKind::Landed), 0);
        let both = c.facet_counts(&f);
        assert_eq!(
            (both.kinds, both.sectors),
            (c.kind_counts(&f), c.sector_counts(&f))
        );
    }

    #[test]
    fn empty_catalog() {
        let c = Catalog::new(&[]);
        assert!(c.is_empty());
        assert_eq!(c.len(), 0);
        assert!(c.select(&text("x"), Lang::En).is_empty());
        assert!(c
            .kind_counts(&Filter::default())
            .iter()
            .all(|(_, n)| *n == 0));
    }
}
