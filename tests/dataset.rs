//! The dataset against the article: counts, spot checks, the round trip to the source text,
//! and one broken copy of the data per kind of mistake an editor can make.

use dataset::clause::Clause;
use dataset::load::hans::{traditional_only_chars, ToHans};
use dataset::names::Named;
use dataset::{load, DataError};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use torch2024::model::*;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn dataset() -> Dataset {
    load(&data_dir()).unwrap_or_else(|e| panic!("the real data must load: {e}"))
}

#[test]
fn counts() {
    let ds = dataset();
    assert_eq!(ds.sentences.len(), 43);
    assert_eq!(ds.groups.len(), 8);
    assert_eq!(ds.figures.len(), 45);
    assert_eq!(ds.derived.len(), 2);
    assert_eq!(ds.projects.len(), 37);
    assert_eq!(ds.tasks.len(), 5);

    let per_group: Vec<(String, usize)> = ds
        .groups
        .iter()
        .map(|g| (g.id.clone(), ds.figures_of(&g.id).count()))
        .collect();
    let want = [
        ("headline", 6),
        ("investment", 8),
        ("construction", 9),
        ("facilities", 4),
        ("innovators", 9),
        ("achievements", 2),
        ("smart", 3),
        ("finance", 4),
    ];
    assert_eq!(per_group, want.map(|(g, n)| (g.to_string(), n)).to_vec());

    let mut per_kind: BTreeMap<MilestoneKind, usize> = BTreeMap::new();
    for m in ds.projects.iter().flat_map(|p| &p.milestones) {
        *per_kind.entry(m.kind).or_default() += 1;
    }
    use MilestoneKind::*;
    let want = [
        (Landed, 9),
        (CapitalIncrease, 3),
        (ConstructionStart, 8),
        (Completion, 5),
        (ProductionStart, 2),
        (ToppedOut, 2),
        (Listed, 1),
        (Award, 2),
        (Recognition, 3),
        (Platform, 3),
        (Breakthrough, 1),
    ];
    assert_eq!(per_kind, want.into_iter().collect());
}

#[test]
fn spot_checks_against_the_article() {
    let ds = dataset();
    let fig = |id: &str| ds.figure(id).unwrap_or_else(|| panic!("figure {id}"));
    let f = fig("fixed-asset-investment");
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (477.34, Unit::HundredMillionYuan, Qualifier::Exact)
    );
    let f = fig("landed-investment");
    assert_eq!((f.value, f.qualifier), (400.0, Qualifier::Over));
    assert_eq!(f.source, "g1-1");
    assert!(f.also.contains(&"p2-3".to_string()));
    let f = fig("industrial-value-added-growth");
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (10.0, Unit::Percent, Qualifier::Around)
    );
    let f = fig("foreign-capital-received");
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (3.71, Unit::HundredMillionDollar, Qualifier::About)
    );
    assert_eq!(fig("provincial-key-plan-share").value, 126.9);
    assert_eq!(fig("smart-needs").value, 1689.0);
    assert_eq!(fig("land-acquired").value, 2283.0);

    // One project, several milestones.
    let ampace = ds
        .projects
        .iter()
        .find(|p| p.name.hant == "新能安二期")
        .expect("新能安二期");
    let kinds: Vec<MilestoneKind> = ampace.milestones.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        vec![MilestoneKind::Landed, MilestoneKind::ConstructionStart]
    );
    assert_eq!(
        ds.projects
            .iter()
            .filter(|p| p.name.hant == "新能安二期")
            .count(),
        1
    );

    assert_eq!(ds.tasks[0].text.hant, "強化項目招引,進一步積蓄發展後勁");
}

#[test]
fn restored_readings_follow_the_source_readme() {
    let ds = dataset();
    let restored: Vec<(String, String)> =
        ds.sentences.iter().flat_map(damaged_and_restored).collect();
    let want = [
        ("&&", "平台"),
        ("髮", "發"),
        ("&&", "表示"),
        ("&", "台"),
        ("&&", "平台"),
        ("&&", "平台"),
    ];
    let mut got = restored.clone();
    got.sort();
    let mut want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want);
    for s in &ds.sentences {
        let text = s.restored(Lang::Hant);
        assert!(
            !text.contains('&') && !text.contains('髮'),
            "{}: damage left in {text}",
            s.id
        );
    }
}

/// The (damaged, restored) text of each restored span of a sentence: what stands in the
/// original between the plain pieces around the restored one.
fn damaged_and_restored(s: &Sentence) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.original.as_str();
    for (i, piece) in s.reading.iter().enumerate() {
        if piece.restored.is_none() {
            rest = rest.strip_prefix(piece.hant.as_str()).unwrap_or_else(|| {
                panic!("{}: plain text `{}` is in the original", s.id, piece.hant)
            });
            continue;
        }
        let next_plain = s.reading[i + 1..].iter().find(|p| p.restored.is_none());
        let end = next_plain.map_or(rest.len(), |p| {
            rest.find(p.hant.as_str()).unwrap_or(rest.len())
        });
        out.push((rest[..end].to_string(), piece.hant.clone()));
        rest = &rest[end..];
    }
    out
}

/// No restoration note loses, in Simplified, the characters it discusses. The characters
/// discussed are those of the damaged and restored text that the Traditional note quotes;
/// the Simplified note must keep each one in its Simplified form, or as itself where two of
/// them would become the same Simplified character (發 and 髮 both become 发, so a note
/// about which of the two is meant must keep them both).
#[test]
fn restoration_notes_keep_the_characters_they_discuss_in_simplified() {
    let lost = notes_losing_discussed_characters(&dataset());
    assert!(lost.is_empty(), "{lost:#?}");

    // The check catches the converter's merge: without the overrides that keep 「發」 and
    // 「髮」, the note on 積蓄髮展 reads 「发」应转为「发」,而非「发」 and is reported.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("torch2024-notes-{}-{n}", std::process::id()));
    copy_dir(&data_dir(), &dir);
    let path = dir.join("zh-hans-overrides.toml");
    let kept: String = std::fs::read_to_string(&path)
        .unwrap()
        .split("\n[[override]]")
        .filter(|entry| {
            !entry.contains("hant = \"「發」\"") && !entry.contains("hant = \"「髮」\"")
        })
        .collect::<Vec<_>>()
        .join("\n[[override]]");
    std::fs::write(&path, kept).unwrap();
    let without = load(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let lost = notes_losing_discussed_characters(&without.expect("the data loads without them"));
    let mut got: Vec<(&str, char)> = lost
        .iter()
        .map(|(id, what)| (id.as_str(), what.chars().next().unwrap()))
        .collect();
    got.sort();
    assert_eq!(got, [("p5-1", '發'), ("p5-1", '髮')], "{lost:#?}");
}

/// (sentence id, the character its Simplified note lost, then that note) for every
/// restoration note that loses a character it discusses; checks that there are six notes, each discussing something.
fn notes_losing_discussed_characters(ds: &Dataset) -> Vec<(String, String)> {
    let plain = ToHans::default();
    let hans_of = |c: char| plain.convert(&c.to_string());
    let cjk = |c: &char| matches!(*c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}');
    let mut notes = 0;
    let mut lost = Vec::new();
    for s in &ds.sentences {
        let restorations = s.reading.iter().filter_map(|p| p.restored.as_ref());
        for ((damaged, restored), r) in damaged_and_restored(s).into_iter().zip(restorations) {
            notes += 1;
            let (hant, hans) = (&r.why.hant, &r.why.hans);
            let mut discussed: Vec<char> = damaged
                .chars()
                .chain(restored.chars())
                .filter(cjk)
                .filter(|&c| hant.contains(c))
                .collect();
            discussed.sort();
            discussed.dedup();
            assert!(
                !discussed.is_empty(),
                "{}: the note `{hant}` quotes none of `{damaged}` → `{restored}`",
                s.id
            );
            for &c in &discussed {
                let merged = discussed
                    .iter()
                    .any(|&d| d != c && hans_of(d) == hans_of(c));
                let want = if merged { c.to_string() } else { hans_of(c) };
                if !hans.contains(&want) {
                    lost.push((s.id.clone(), format!("{want} (Simplified note: {hans})")));
                }
            }
        }
    }
    assert_eq!(notes, 6, "six restorations, each with its note");
    lost
}

/// The copy of the article in `data/source/` is the one the dataset was made from (the file
/// the project was given, SHA-256 below); the build checks that the sentences give it back.
#[test]
fn the_article_is_the_source_the_data_was_made_from() {
    let path = data_dir().join("source/torch-2024-work-report.zh-Hant.txt");
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("the source article is read from {}: {e}", path.display()));
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hash,
        "e134f471157c18c82f69f09fa10b3ea0435fb19bfbc582d3e84fabce61099a11"
    );
}

#[test]
fn refuses_sentences_that_differ_from_the_article() {
    let e = broken("article.toml", "剛過去的2024年", "剛過去的2023年");
    assert_names(
        &e,
        "data/article.toml",
        "paragraph \"p1\"",
        "sentence",
        "differ from the article",
    );
    let e = broken(
        "article.toml",
        "article = \"source/torch-2024-work-report.zh-Hant.txt\"",
        "article = \"source/missing.txt\"",
    );
    assert_names(
        &e,
        "data/article.toml",
        "[meta]",
        "article",
        "cannot read the article",
    );
}

#[test]
fn simplified_text_has_no_traditional_only_characters() {
    let ds = dataset();
    let mut texts: Vec<String> = Vec::new();
    texts.extend(ds.sentences.iter().map(|s| s.restored(Lang::Hans)));
    texts.extend(ds.figures.iter().map(|f| f.label.hans.clone()));
    texts.extend(ds.projects.iter().map(|p| p.name.hans.clone()));
    texts.extend(ds.groups.iter().map(|g| g.title.hans.clone()));
    texts.extend(ds.tasks.iter().map(|t| t.text.hans.clone()));
    let left: Vec<(String, Vec<char>)> = texts
        .into_iter()
        .filter_map(|t| {
            let chars = traditional_only_chars(&t);
            (!chars.is_empty()).then_some((t, chars))
        })
        .collect();
    assert!(
        left.is_empty(),
        "Traditional-only characters left in Simplified text: {left:#?}"
    );
}

/// Loads a copy of the real data with `from` replaced by `to` (once) in `file`.
fn broken(file: &str, from: &str, to: &str) -> DataError {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("torch2024-broken-{}-{n}", std::process::id()));
    copy_dir(&data_dir(), &dir);
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "fixture: `{from}` is not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let result = load(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    result.expect_err("the broken data must be refused")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, target).unwrap();
        }
    }
}

fn assert_names(e: &DataError, file: &str, entry: &str, field: &str, message: &str) {
    let shown = e.to_string();
    assert_eq!(
        (e.file.as_str(), e.entry.as_str(), e.field.as_str()),
        (file, entry, field),
        "{shown}"
    );
    assert!(
        e.message.contains(message),
        "message should say `{message}`: {shown}"
    );
}

#[test]
fn refuses_an_unknown_field() {
    let e = broken("figures.toml", "value = 477.34", "vaule = 477.34");
    assert_names(
        &e,
        "data/figures.toml",
        "figure \"fixed-asset-investment\"",
        "vaule",
        "unknown field `vaule`",
    );
    assert!(e.message.contains("expected one of"), "{e}");
}

#[test]
fn refuses_a_missing_field() {
    let e = broken("figures.toml", "value = 477.34\n", "");
    assert_names(
        &e,
        "data/figures.toml",
        "figure \"fixed-asset-investment\"",
        "",
        "missing field `value`",
    );
}

#[test]
fn refuses_an_unknown_source_sentence() {
    let e = broken("figures.toml", "source = \"g1-1\"", "source = \"g9-9\"");
    assert_names(
        &e,
        "data/figures.toml",
        "figure \"landed-projects\"",
        "source",
        "no sentence has the id `g9-9`",
    );
}

#[test]
fn refuses_a_number_not_in_its_source() {
    let e = broken("figures.toml", "value = 477.34", "value = 477.3");
    assert_names(
        &e,
        "data/figures.toml",
        "figure \"fixed-asset-investment\"",
        "quote",
        "not the value 477.3",
    );
}

#[test]
fn refuses_a_duplicate_id() {
    let e = broken(
        "figures.toml",
        "id = \"software-revenue-growth\"",
        "id = \"industrial-value-added-growth\"",
    );
    assert_names(
        &e,
        "data/figures.toml",
        "figure \"industrial-value-added-growth\"",
        "id",
        "duplicate id",
    );
}

/// A name that is not a variant's is refused, and the message lists the valid names.
fn refuses_an_unknown_name(
    file: &str,
    from: &str,
    to: &str,
    entry: &str,
    field: &str,
    valid: &str,
) {
    let e = broken(file, from, to);
    let unknown = to.split('"').nth(1).unwrap();
    assert_names(
        &e,
        &format!("data/{file}"),
        entry,
        field,
        &format!("unknown variant `{unknown}`"),
    );
    assert!(
        e.message.contains(valid),
        "should list the valid names: {e}"
    );
}

#[test]
fn refuses_an_unknown_unit() {
    refuses_an_unknown_name(
        "figures.toml",
        "unit = \"億元\"",
        "unit = \"萬元\"",
        "figure \"fixed-asset-investment\"",
        "unit",
        "億元",
    );
}

#[test]
fn refuses_an_unknown_sector() {
    refuses_an_unknown_name(
        "projects.toml",
        "sector = \"new-energy\"",
        "sector = \"energy\"",
        "project \"ampace-phase-2\"",
        "sector",
        "new-energy",
    );
}

#[test]
fn refuses_a_missing_translation() {
    let e = broken(
        "figures.toml",
        "en = \"Fixed-asset investment\"",
        "en = \"\"",
    );
    assert_names(
        &e,
        "data/figures.toml",
        "figure \"fixed-asset-investment\"",
        "label.en",
        "missing translation",
    );
}

#[test]
fn refuses_a_project_its_source_does_not_name() {
    let e = broken("projects.toml", "source = \"g2-2\"", "source = \"g2-3\"");
    assert_names(
        &e,
        "data/projects.toml",
        "project \"ampace-phase-2\"",
        "milestone[1].source",
        "does not name `新能安二期`",
    );
}

#[test]
fn refuses_a_wrong_derived_value() {
    let e = broken("derived.toml", "value = 58.1", "value = 58.2");
    assert_names(
        &e,
        "data/derived.toml",
        "derived \"smart-conversion-rate\"",
        "value",
        "rounds to 58.1",
    );
}

#[test]
fn refuses_invalid_toml_naming_the_line() {
    let e = broken("groups.toml", "[[group]]", "[[group]");
    assert_eq!(e.file, "data/groups.toml");
    assert!(
        e.message.contains("not valid TOML") && e.message.contains("line"),
        "{e}"
    );
}

#[test]
fn refuses_a_chart_of_unknown_or_mixed_figures() {
    let e = broken(
        "charts.toml",
        "figure = \"completions\"",
        "figure = \"completion\"",
    );
    assert_names(
        &e,
        "data/charts.toml",
        "chart \"construction-projects\"",
        "bar[1].figure",
        "no figure has the id `completion`",
    );
    let e = broken(
        "charts.toml",
        "figure = \"land-acquired\"",
        "figure = \"construction-starts\"",
    );
    assert_names(
        &e,
        "data/charts.toml",
        "chart \"construction-land\"",
        "bar[1].figure",
        "a chart compares figures of one unit",
    );
    let e = broken(
        "charts.toml",
        "figure = \"smart-projects\"",
        "figure = \"gazelle-firms\"",
    );
    assert_names(
        &e,
        "data/charts.toml",
        "chart \"smart-funnel\"",
        "bar[1].figure",
        "not in the chart's group `smart`",
    );
    let e = broken(
        "charts.toml",
        "figure = \"fund-projects-landed\"\nsector = \"finance\"",
        "figure = \"fund-projects-landed\"\nsector = \"finance\"\nkind = \"landed\"",
    );
    assert_names(
        &e,
        "data/charts.toml",
        "chart \"investment-projects\"",
        "bar[2]",
        "not both",
    );
}

/// A second edition, made from data alone (tests/fixtures/edition), loads with what it holds.
#[test]
fn another_edition_loads_from_its_own_folder() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/edition");
    let ds = load(&dir).unwrap_or_else(|e| panic!("the fixture edition must load: {e}"));
    assert_eq!(ds.meta.title.en, "Xingang Science Park: 2025 in numbers");
    assert_eq!(ds.meta.title.hans, "新港科技园 数读2025");
    assert_eq!(
        (
            ds.groups.len(),
            ds.charts.len(),
            ds.derived.len(),
            ds.projects.len(),
            ds.tasks.len()
        ),
        (2, 1, 1, 3, 1)
    );
    assert_eq!(ds.tasks_title.en, "Key tasks for 2026");
}

#[test]
fn each_figure_quote_is_marked_in_its_sentence_in_both_scripts() {
    let ds = dataset();
    for f in &ds.figures {
        let sentence = ds.sentence(&f.source).expect("the build checks sources");
        let quoted = |lang| {
            sentence
                .segments(lang, Some(&f.quote))
                .iter()
                .filter(|s| s.quoted)
                .map(|s| s.text)
                .collect::<String>()
        };
        assert_eq!(quoted(Lang::Hant), f.quote, "figure {}", f.id);
        assert_eq!(quoted(Lang::En), f.quote, "figure {}", f.id);
        // Simplified is converted character for character: the same characters are marked.
        assert_eq!(
            quoted(Lang::Hans).chars().count(),
            f.quote.chars().count(),
            "figure {}",
            f.id
        );
        assert!(sentence.restored(Lang::Hans).contains(&quoted(Lang::Hans)));
    }
}

#[test]
fn each_sentence_knows_its_paragraph_the_line_of_the_article() {
    let path = data_dir().join("source/torch-2024-work-report.zh-Hant.txt");
    let article = std::fs::read_to_string(&path).expect("the source article is UTF-8");
    let lines: Vec<&str> = article.lines().collect();
    for s in &dataset().sentences {
        let line = lines.get(s.paragraph as usize - 1).unwrap_or(&"");
        assert!(
            line.contains(&s.original),
            "sentence {} is not on line {}",
            s.id,
            s.paragraph
        );
    }
}

/// The page shows each stated figure once: in the lead, on one chart, or standing alone in
/// its chapter, never in two of these.
#[test]
fn each_figure_has_one_place_on_the_page() {
    let ds = dataset();
    for f in &ds.figures {
        let in_lead = ds.lead.contains(&f.id) as usize;
        let charts = ds
            .charts
            .iter()
            .filter(|c| c.bars.iter().any(|b| b.figure == f.id))
            .count();
        let alone = ds
            .standalone_figures(&f.group)
            .filter(|g| g.id == f.id)
            .count();
        assert_eq!(in_lead + charts + alone, 1, "figure {}", f.id);
    }
    let lead: Vec<&str> = ds.lead_figures().map(|f| f.id.as_str()).collect();
    assert_eq!(
        lead,
        [
            "industrial-value-added-growth",
            "software-revenue-growth",
            "fixed-asset-investment",
            "landed-projects",
            "landed-investment"
        ]
    );
}

#[test]
fn refuses_a_lead_figure_on_a_chart_or_unknown() {
    let e = broken("groups.toml", "\"landed-projects\",", "\"gazelle-firms\",");
    assert_names(
        &e,
        "data/groups.toml",
        "lead",
        "lead[3]",
        "also on chart `innovators-firms`",
    );
    let e = broken("groups.toml", "\"landed-projects\",", "\"landed-project\",");
    assert_names(
        &e,
        "data/groups.toml",
        "lead",
        "lead[3]",
        "no figure has the id `landed-project`",
    );
    let e = broken(
        "groups.toml",
        "context = { zh_hant = \"園區企業與機構獲國際",
        "context = { zh_hant = \"39家園區企業與機構獲國際",
    );
    assert_names(
        &e,
        "data/groups.toml",
        "group \"achievements\"",
        "context",
        "has a number in it",
    );
}

/// A chapter's items are the article's numbered sentences under its heading; a project
/// belongs to the chapter that first tells of it (SigmaStar only to the body of the report).
#[test]
fn each_project_belongs_to_the_chapter_that_tells_of_it() {
    let ds = dataset();
    let group = |id: &str| ds.groups.iter().find(|g| g.id == id).unwrap();
    assert_eq!(group("investment").items, ["g1-1", "g1-2", "g1-3"]);
    assert_eq!(
        group("finance").items,
        ["g7-1", "g7-2", "g7-3"],
        "the byline is no item"
    );
    assert!(group("headline").items.is_empty());
    let chapter = |project: &str| {
        let p = ds.projects.iter().find(|p| p.id == project).unwrap();
        ds.chapter_of(p).map(|g| g.id.as_str())
    };
    assert_eq!(
        chapter("ampace-phase-2"),
        Some("investment"),
        "landed first, started later"
    );
    assert_eq!(chapter("hithium-phase-2"), Some("construction"));
    assert_eq!(chapter("talent-apartments"), Some("facilities"));
    assert_eq!(chapter("sigmastar"), None);
    let in_chapters: usize = ds.groups.iter().map(|g| ds.projects_in(g).count()).sum();
    assert_eq!(in_chapters, ds.projects.len() - 1);
}

/// A card quotes the clause that names its project, with the name found in it: in both
/// Chinese scripts always, in English where the rendering names it as the card does.
#[test]
fn each_card_quotes_the_clause_that_names_it() {
    let ds = dataset();
    let project = |id: &str| ds.projects.iter().find(|p| p.id == id).unwrap();
    let ampace = project("ampace-phase-2");
    assert_eq!(
        ampace.clause(&ds, Lang::Hant).unwrap(),
        Clause {
            before: "新簽約落地".into(),
            name: "新能安二期".into(),
            after: "、中能瑞新、國家電化學儲能系統等131個項目".into()
        }
    );
    let en = project("tianma-gen-8-6-line")
        .clause(&ds, Lang::En)
        .unwrap();
    assert_eq!(
        (en.before.as_str(), en.name.as_str()),
        ("Projects such as the ", "Tianma Gen 8.6 line")
    );
    assert!(en.after.ends_with("have gone into production"), "{en:?}");
    let mut unnamed = Vec::new();
    for p in &ds.projects {
        for &lang in Lang::ALL {
            let c = p.clause(&ds, lang).unwrap();
            assert!(
                !c.before.starts_with('❶')
                    && !format!("{}{}{}", c.before, c.name, c.after)
                        .trim()
                        .is_empty()
            );
            if c.name.is_empty() {
                assert_eq!(lang, Lang::En, "{} must be named in {}", p.id, lang.tag());
                unnamed.push(p.id.as_str());
            } else {
                assert!(c.name.eq_ignore_ascii_case(p.name.get(lang)));
            }
        }
    }
    assert!(
        unnamed.len() <= 3,
        "English renderings that do not name their project: {unnamed:?}"
    );
}
