//! The project-card queries against the real projects, at scale, and as properties: search,
//! facets and sorting against brute force, and the URL state's round trip.

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use std::collections::BTreeSet;
use torch2024::embedded::dataset;
use torch2024::model::{Lang, Milestone, MilestoneKind, Project, Sector, Text};
use torch2024::names::Named;
use torch2024::query::url::{canonical_text, parse, to_query, UrlState, MAX_TEXT_CHARS};
use torch2024::query::{normalize, synthetic, Catalog, Filter, Sort};

// ── Brute force: the rules of the brief, written as directly as possible ─────────────────────

fn text_matches(p: &Project, query: &str) -> bool {
    let names = [&p.name.hant, &p.name.hans, &p.name.en].map(|n| normalize(n));
    normalize(query)
        .split_whitespace()
        .all(|term| names.iter().any(|n| n.contains(term)))
}

fn has_kind(p: &Project, kinds: &BTreeSet<MilestoneKind>) -> bool {
    kinds.is_empty() || p.milestones.iter().any(|m| kinds.contains(&m.kind))
}

fn in_sector(p: &Project, sectors: &BTreeSet<Sector>) -> bool {
    sectors.is_empty() || sectors.contains(&p.sector)
}

fn brute_select(ps: &[Project], f: &Filter, lang: Lang) -> Vec<usize> {
    let mut found: Vec<usize> = (0..ps.len())
        .filter(|&i| {
            let p = &ps[i];
            has_kind(p, &f.kinds) && in_sector(p, &f.sectors) && text_matches(p, &f.text)
        })
        .collect();
    match f.sort {
        Sort::Article => {}
        Sort::Name if lang == Lang::En => {
            found.sort_by_key(|&i| (ps[i].name.en.to_lowercase(), i));
        }
        Sort::Name => found.sort_by_key(|&i| (ps[i].name.get(lang).to_string(), i)),
        Sort::Sector => found.sort_by_key(|&i| (ps[i].sector, i)),
    }
    found
}

/// For each value of a facet, in declaration order: how many projects match `f` with that
/// facet set to that value alone (`only` sets it on a filter).
fn brute_counts<T: Named>(
    ps: &[Project],
    f: &Filter,
    only: impl Fn(&mut Filter, T),
) -> Vec<(T, usize)> {
    T::ALL
        .iter()
        .map(|&v| {
            let mut one = Filter {
                sort: Sort::Article,
                ..f.clone()
            };
            only(&mut one, v);
            (v, brute_select(ps, &one, Lang::Hant).len())
        })
        .collect()
}

fn brute_kind_counts(ps: &[Project], f: &Filter) -> Vec<(MilestoneKind, usize)> {
    brute_counts(ps, f, |f, k| f.kinds = BTreeSet::from([k]))
}

fn brute_sector_counts(ps: &[Project], f: &Filter) -> Vec<(Sector, usize)> {
    brute_counts(ps, f, |f, s| f.sectors = BTreeSet::from([s]))
}

// ── The real projects ─────────────────────────────────────────────────────────────────────

fn real() -> (&'static [Project], Catalog) {
    let ps = &dataset().projects[..];
    (ps, Catalog::new(ps))
}

fn text(t: &str) -> Filter {
    Filter {
        text: t.into(),
        ..Filter::default()
    }
}

fn ids(ps: &[Project], found: &[usize]) -> Vec<String> {
    found.iter().map(|&i| ps[i].id.clone()).collect()
}

#[test]
fn real_catalog_default_shows_everything_in_article_order() {
    let (ps, c) = real();
    assert_eq!(c.len(), ps.len());
    assert!(!c.is_empty());
    for &lang in Lang::ALL {
        assert_eq!(
            c.select(&Filter::default(), lang),
            (0..ps.len()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn real_search_across_scripts() {
    let (ps, c) = real();
    let tianma: Vec<usize> = (0..ps.len())
        .filter(|&i| ps[i].name.hant.contains("天馬"))
        .collect();
    assert_eq!(tianma.len(), 3, "{:?}", ids(ps, &tianma));
    for q in [
        "天马",
        "天馬",
        "tianma",
        "TIANMA",
        "Ｔｉａｎｍａ",
        "  天馬  ",
    ] {
        for &lang in Lang::ALL {
            assert_eq!(c.select(&text(q), lang), tianma, "{q} in {lang:?}");
        }
    }
    let abb = vec![ps.iter().position(|p| p.name.hant == "ABB低壓").unwrap()];
    for q in [
        "ABB低壓",
        "abb 低壓",
        "abb低压",
        "低压",
        "ABB·低壓!",
        "low voltage",
    ] {
        assert_eq!(c.select(&text(q), Lang::Hant), abb, "{q}");
    }
    // Punctuation in names does not matter.
    assert_eq!(
        ids(ps, &c.select(&text("內垵大道溪東路"), Lang::Hant)).len(),
        1
    );
    assert_eq!(ids(ps, &c.select(&text("neian"), Lang::En)).len(), 1);
    assert_eq!(ids(ps, &c.select(&text("micro led"), Lang::En)).len(), 1);
    assert!(c.select(&text("天馬 lalamove"), Lang::Hant).is_empty());
}

#[test]
fn real_facets() {
    let (ps, c) = real();
    let f = Filter::default();
    assert_eq!(c.kind_counts(&f), brute_kind_counts(ps, &f));
    let sectors = c.sector_counts(&f);
    assert_eq!(sectors.iter().map(|(_, n)| n).sum::<usize>(), ps.len());
    assert!(
        sectors.iter().all(|(_, n)| *n > 0),
        "every sector has a project: {sectors:?}"
    );
    let mut f = text("二期");
    f.toggle_kind(MilestoneKind::Landed);
    f.toggle_sector(Sector::NewEnergy);
    assert_eq!(c.select(&f, Lang::Hant), brute_select(ps, &f, Lang::Hant));
    assert_eq!(c.kind_counts(&f), brute_kind_counts(ps, &f));
    assert_eq!(c.sector_counts(&f), brute_sector_counts(ps, &f));
}

#[test]
fn real_sorts() {
    let (ps, c) = real();
    for &sort in Sort::ALL {
        for &lang in Lang::ALL {
            let f = Filter {
                sort,
                ..Filter::default()
            };
            assert_eq!(
                c.select(&f, lang),
                brute_select(ps, &f, lang),
                "{sort:?} {lang:?}"
            );
        }
    }
    let f = Filter {
        sort: Sort::Name,
        ..Filter::default()
    };
    let en: Vec<&str> = c
        .select(&f, Lang::En)
        .iter()
        .map(|&i| ps[i].name.en.as_str())
        .collect();
    assert!(
        en.windows(2)
            .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()),
        "{en:?}"
    );
}

#[test]
fn hostile_queries_do_not_panic() {
    let (_, c) = real();
    let long = "天馬".repeat(50_000);
    let queries = [
        long.as_str(),
        "🚀👩‍👩‍👧‍👦🇹🇼",
        "\u{202E}مرحبا שלום\u{202C}",
        ".*[a-z]+(?:x)|^$\\",
        "<script>alert('x')</script>&amp;",
        "\u{301}\u{301}\u{20DD}",
        "\0\u{FFFF}\u{10FFFF}\u{FFFD}",
        "İSTANBUL ǅ ß ᾼ",
        "%E5%A4%A9",
    ];
    for q in queries {
        for &sort in Sort::ALL {
            let f = Filter {
                text: q.into(),
                sort,
                ..Filter::default()
            };
            let _ = c.select(&f, Lang::En);
            let _ = c.kind_counts(&f);
            let _ = c.sector_counts(&f);
        }
    }
}

// ── At scale ──────────────────────────────────────────────────────────────────────────────

#[test]
fn hundred_thousand_synthetic_projects() {
    let ps = synthetic::projects(100_000, 2024);
    let c = Catalog::new(&ps);
    assert_eq!(c.len(), 100_000);
    let mut f = text("二期");
    f.toggle_kind(MilestoneKind::Landed);
    f.toggle_sector(Sector::NewEnergy);
    let found = c.select(&f, Lang::Hant);
    assert!(!found.is_empty());
    assert_eq!(found, brute_select(&ps, &f, Lang::Hant));
    f.sort = Sort::Name;
    assert_eq!(c.select(&f, Lang::En), brute_select(&ps, &f, Lang::En));
    assert_eq!(c.select(&text("#99999"), Lang::En), vec![99_998]);
    let all = Filter::default();
    assert_eq!(
        c.sector_counts(&all).iter().map(|(_, n)| n).sum::<usize>(),
        100_000
    );
}

// ── URL state ─────────────────────────────────────────────────────────────────────────────

#[test]
fn url_full_example() {
    let s = parse(
        "?lang=zh-TW&embed=1&kind=landed,construction-start&kind=award\
         &sector=new-energy,finance&q=%E5%A4%A9%E9%A6%AC+abb&sort=name",
    );
    assert_eq!(s.lang, Some(Lang::Hant));
    assert!(s.embed);
    assert_eq!(
        s.filter.kinds,
        BTreeSet::from([
            MilestoneKind::Landed,
            MilestoneKind::ConstructionStart,
            MilestoneKind::Award
        ])
    );
    assert_eq!(
        s.filter.sectors,
        BTreeSet::from([Sector::NewEnergy, Sector::Finance])
    );
    assert_eq!(s.filter.text, "天馬 abb");
    assert_eq!(s.filter.sort, Sort::Name);
    assert_eq!(
        to_query(&s),
        "?lang=zh-Hant&embed=1&kind=landed,construction-start,award\
         &sector=new-energy,finance&q=%E5%A4%A9%E9%A6%AC+abb&sort=name"
    );
    // Without the '?', and with names and values in other cases.
    assert_eq!(
        parse("LANG=ZH-HANT&Embed=TRUE&KIND=Landed,Construction-Start,AWARD&sector=New-Energy&sector=finance&q=%E5%A4%A9%E9%A6%AC%20abb&sort=NAME"),
        s
    );
}

#[test]
fn url_bad_pieces_are_skipped() {
    let s = parse(
        "?kind=landed,bogus,,LANDED&sector=&sector=,finance,&lang=xx&lang=en&lang=zh-Hans\
         &foo=bar&embed=yes&sort=Sector&&=&==&q&q=%zz%E4+x&q=second&embed=0&embed=1",
    );
    assert_eq!(s.filter.kinds, BTreeSet::from([MilestoneKind::Landed]));
    assert_eq!(s.filter.sectors, BTreeSet::from([Sector::Finance]));
    assert_eq!(s.lang, Some(Lang::En), "the first usable lang counts");
    assert!(!s.embed, "the first usable embed (0) counts");
    assert_eq!(s.filter.sort, Sort::Sector);
    // As URLSearchParams does: a malformed escape stays as written, broken UTF-8 becomes U+FFFD.
    assert_eq!(s.filter.text, "%zz\u{FFFD} x");

    for q in [
        "",
        "?",
        "??",
        "&&&",
        "?q=",
        "?q=+++",
        "?kind=",
        "?=landed",
        "?sort=random",
        "#x",
    ] {
        let s = parse(q);
        assert_eq!(s.filter, parse("").filter, "{q}");
        assert_eq!(to_query(&s), "", "{q}");
    }
    assert_eq!(parse("q=a+b%2Bc").filter.text, "a b+c");
    assert_eq!(
        parse("kind=landed%2Cbreakthrough").filter.kinds,
        BTreeSet::from([MilestoneKind::Landed, MilestoneKind::Breakthrough])
    );
    let long = format!("q={}", "字".repeat(1000));
    assert_eq!(parse(&long).filter.text.chars().count(), MAX_TEXT_CHARS);
}

#[test]
fn url_default_is_empty() {
    assert_eq!(to_query(&UrlState::default()), "");
    assert_eq!(parse(""), UrlState::default());
    let s = UrlState {
        filter: text("   "),
        ..UrlState::default()
    };
    assert_eq!(to_query(&s), "");
}

// ── Properties ────────────────────────────────────────────────────────────────────────────

fn arb_kinds() -> impl Strategy<Value = BTreeSet<MilestoneKind>> {
    subsequence(MilestoneKind::ALL.to_vec(), 0..=MilestoneKind::ALL.len())
        .prop_map(|v| v.into_iter().collect())
}

fn arb_sectors() -> impl Strategy<Value = BTreeSet<Sector>> {
    subsequence(Sector::ALL.to_vec(), 0..=Sector::ALL.len()).prop_map(|v| v.into_iter().collect())
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9&=+%#?,;/\\\\'\"<>.*()\\-]{0,40}",
        "[ \u{3000}\t天馬马微電电子新能安二期ABBabb低壓压·]{0,20}",
        "\\PC{190,230}",
        " {0,3}[a-z ]{195,210} {0,3}",
    ]
}

fn arb_filter() -> impl Strategy<Value = Filter> {
    arb_filter_with(arb_text())
}

/// Any filter whose text comes from `text`.
fn arb_filter_with(text: impl Strategy<Value = String>) -> impl Strategy<Value = Filter> {
    (arb_kinds(), arb_sectors(), text, select(Sort::ALL.to_vec())).prop_map(
        |(kinds, sectors, text, sort)| Filter {
            kinds,
            sectors,
            text,
            sort,
        },
    )
}

fn arb_state() -> impl Strategy<Value = UrlState> {
    (
        arb_filter(),
        proptest::option::of(select(Lang::ALL.to_vec())),
        any::<bool>(),
    )
        .prop_map(|(filter, lang, embed)| UrlState {
            filter,
            lang,
            embed,
        })
}

/// Query strings built from the pieces the parser looks for, valid and not.
fn arb_query_string() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("lang"),
        Just("embed"),
        Just("kind"),
        Just("sector"),
        Just("q"),
        Just("sort"),
        Just("KIND"),
        Just(""),
        Just("x"),
    ];
    let value = prop_oneof![
        select(
            MilestoneKind::ALL
                .iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
        )
        .prop_map(String::from),
        select(Sector::ALL.iter().map(|s| s.name()).collect::<Vec<_>>()).prop_map(String::from),
        Just("zh-TW".to_string()),
        Just("1".to_string()),
        Just("name".to_string()),
        "[a-z,%0-9A-F+=&#-]{0,12}",
        any::<String>(),
    ];
    let piece = (name, proptest::option::of(value)).prop_map(|(n, v)| match v {
        Some(v) => format!("{n}={v}"),
        None => n.to_string(),
    });
    (proptest::bool::ANY, proptest::collection::vec(piece, 0..8))
        .prop_map(|(q, pieces)| format!("{}{}", if q { "?" } else { "" }, pieces.join("&")))
}

/// Small projects whose names share letters, so queries often match some and not others.
fn arb_projects() -> impl Strategy<Value = Vec<Project>> {
    let name = "[天馬马電电ab A-]{0,6}";
    let project = (
        name,
        name,
        name,
        select(Sector::ALL.to_vec()),
        subsequence(MilestoneKind::ALL.to_vec(), 0..=3),
    )
        .prop_map(|(hant, hans, en, sector, kinds)| Project {
            id: String::new(),
            name: Text { hant, hans, en },
            sector,
            figures: vec![],
            milestones: kinds
                .into_iter()
                .map(|kind| Milestone {
                    kind,
                    source: String::new(),
                    also: vec![],
                })
                .collect(),
        });
    proptest::collection::vec(project, 0..40)
}

fn arb_search_filter() -> impl Strategy<Value = Filter> {
    arb_filter_with(prop_oneof![3 => "[天馬马電电ab A·-]{0,5}", 1 => any::<String>()])
}

/// What [`normalize`] may leave: spaces, alphanumerics (not ASCII uppercase, not full-width
/// ASCII) and CJK radicals and strokes.
fn normalized_char(c: char) -> bool {
    c == ' '
        || (c.is_alphanumeric()
            && !c.is_ascii_uppercase()
            && !('\u{FF01}'..='\u{FF5E}').contains(&c))
        || ('\u{2E80}'..='\u{31EF}').contains(&c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn url_round_trip(state in arb_state()) {
        let canonical = state.canonical();
        let query = to_query(&state);
        prop_assert_eq!(&parse(&query), &canonical);
        prop_assert_eq!(&to_query(&canonical), &query);
        prop_assert_eq!(query.is_empty(), canonical == UrlState::default());
        prop_assert_eq!(canonical.canonical(), canonical.clone());
        // Canonical states come back exactly.
        prop_assert_eq!(parse(&to_query(&canonical)), canonical);
    }

    #[test]
    fn url_query_is_plain_ascii(state in arb_state()) {
        let query = to_query(&state);
        prop_assert!(query.bytes().all(|b| b.is_ascii_graphic()), "{}", query);
        prop_assert!(!query.contains('#'));
        prop_assert_eq!(query.matches('?').count(), usize::from(!query.is_empty()));
    }

    #[test]
    fn url_parse_never_panics_and_is_canonical(query in prop_oneof![any::<String>(), arb_query_string()]) {
        let state = parse(&query);
        prop_assert_eq!(&state.canonical(), &state);
        prop_assert!(state.filter.text.chars().count() <= MAX_TEXT_CHARS);
        prop_assert_eq!(parse(&to_query(&state)), state);
    }

    #[test]
    fn canonical_text_is_stable(text in arb_text()) {
        let c = canonical_text(&text);
        prop_assert_eq!(canonical_text(&c), c.clone());
        prop_assert_eq!(c.trim(), c.as_str());
        prop_assert!(c.chars().count() <= MAX_TEXT_CHARS);
        prop_assert!(text.trim().starts_with(&c));
    }

    #[test]
    fn select_matches_brute_force(ps in arb_projects(), f in arb_search_filter(), lang in select(Lang::ALL.to_vec())) {
        let c = Catalog::new(&ps);
        prop_assert_eq!(c.select(&f, lang), brute_select(&ps, &f, lang));
    }

    #[test]
    fn facet_counts_match_brute_force(ps in arb_projects(), f in arb_search_filter()) {
        let c = Catalog::new(&ps);
        prop_assert_eq!(c.kind_counts(&f), brute_kind_counts(&ps, &f));
        prop_assert_eq!(c.sector_counts(&f), brute_sector_counts(&ps, &f));
        let both = c.facet_counts(&f);
        prop_assert_eq!((both.kinds, both.sectors), (c.kind_counts(&f), c.sector_counts(&f)));
    }

    #[test]
    fn search_never_panics_on_real_names(f in arb_filter(), lang in select(Lang::ALL.to_vec())) {
        let (ps, c) = real();
        let found = c.select(&f, lang);
        prop_assert!(found.iter().all(|&i| i < ps.len()));
        let unique: BTreeSet<_> = found.iter().collect();
        prop_assert_eq!(unique.len(), found.len());
        prop_assert_eq!(found, brute_select(ps, &f, lang));
    }

    #[test]
    fn normalize_is_idempotent(text in arb_text()) {
        let n = normalize(&text);
        prop_assert_eq!(normalize(&n), n.clone());
        prop_assert!(n.chars().all(normalized_char), "{:?}", n);
    }
}
