//! Robustness against hostile input, as properties: the URL parser on broken escapes and huge
//! query strings (checked against an independent reading of its documented rules), the search
//! on text no reader would type, and the data validation on randomly damaged copies of the real
//! data files. The ordinary URL and search properties are in `tests/query.rs`; the hostile
//! inputs themselves (lists and strategies) are in `crates/hostile`, shared with the browser
//! checks.

use dataset::{load, DataError};
use hostile_inputs::IGNORED;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use torch2024::embedded::dataset;
use torch2024::model::{Dataset, Lang, MilestoneKind, Sector};
use torch2024::names::Named;
use torch2024::query::url::{canonical_text, parse, to_query, UrlState, MAX_TEXT_CHARS};
use torch2024::query::{normalize, Catalog, Filter, Sort};

// ── URL: an independent reading of the rules in `query::url` ─────────────────────────────────

/// `application/x-www-form-urlencoded` as the URL Standard (and `URLSearchParams`) reads it,
/// written out by hand: split on `&`, then on the first `=`; `+` is a space; `%XX` with two hex
/// digits is a byte, any other `%` stays as written; the bytes are read as UTF-8, with U+FFFD
/// for what is not.
fn form_pairs(query: &str) -> Vec<(String, String)> {
    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => match (
                    bytes.get(i + 1).and_then(|&b| hex(b)),
                    bytes.get(i + 2).and_then(|&b| hex(b)),
                ) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                },
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    query
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| match piece.split_once('=') {
            Some((name, value)) => (decode(name), decode(value)),
            None => (decode(piece), String::new()),
        })
        .collect()
}

/// What `query::url`'s documentation says a query string means, read as plainly as possible.
fn documented_meaning(query: &str) -> UrlState {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut state = UrlState::default();
    let (mut lang, mut embed, mut text, mut sort) = (None, None, None, None);
    for (name, value) in form_pairs(query) {
        let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
        let items = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
        match name.as_str() {
            "lang" if lang.is_none() => lang = Lang::from_tag(value),
            "embed" if embed.is_none() => {
                embed = match value.to_ascii_lowercase().as_str() {
                    "1" | "true" => Some(true),
                    "0" | "false" => Some(false),
                    _ => None,
                }
            }
            "kind" => state.filter.kinds.extend(items().filter_map(|v| {
                MilestoneKind::ALL
                    .iter()
                    .copied()
                    .find(|&k| k.name() == v.to_ascii_lowercase())
            })),
            "sector" => state.filter.sectors.extend(items().filter_map(|v| {
                Sector::ALL
                    .iter()
                    .copied()
                    .find(|&s| s.name() == v.to_ascii_lowercase())
            })),
            "q" if text.is_none() && !value.is_empty() => text = Some(canonical_text(value)),
            "sort" if sort.is_none() => {
                sort = Sort::ALL
                    .iter()
                    .copied()
                    .find(|&s| s.name() == value.to_ascii_lowercase())
            }
            _ => {}
        }
    }
    state.lang = lang;
    state.embed = embed.unwrap_or(false);
    state.filter.text = text.unwrap_or_default();
    state.filter.sort = sort.unwrap_or_default();
    state
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9&=+%#?,;/'\"<>.*()\\-]{0,30}",
        "[ \u{3000}天馬马微電电子新能二期·]{0,12}",
        "\\PC{195,205}",
    ]
}

fn arb_state() -> impl Strategy<Value = UrlState> {
    (
        subsequence(MilestoneKind::ALL.to_vec(), 0..=4),
        subsequence(Sector::ALL.to_vec(), 0..=4),
        arb_text(),
        select(Sort::ALL.to_vec()),
        proptest::option::of(select(Lang::ALL.to_vec())),
        any::<bool>(),
    )
        .prop_map(|(kinds, sectors, text, sort, lang, embed)| UrlState {
            filter: Filter {
                kinds: kinds.into_iter().collect(),
                sectors: sectors.into_iter().collect(),
                text,
                sort,
            },
            lang,
            embed,
        })
}

/// Percent-encodes each character of `s` (a query string as `to_query` writes it) whose flag is
/// set, except the characters that carry meaning in a query string (`?`, `&`, `=`, `+`, `,`)
/// and the escapes already there (a `%` and its two hex digits), which change it when encoded.
fn encode_some(s: &str, flags: &[bool]) -> String {
    let mut out = String::new();
    let mut chars = s.chars().enumerate();
    while let Some((i, c)) = chars.next() {
        if c == '%' {
            out.push(c);
            out.extend(chars.by_ref().take(2).map(|(_, c)| c));
        } else if flags[i % flags.len()] && !"?&=+,".contains(c) {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Flips the ASCII case of the names and of every value but `q`'s, where `flags` says.
fn recase(query: &str, flags: &[bool]) -> String {
    let flip = |s: &str, salt: usize| -> String {
        s.chars()
            .enumerate()
            .map(|(i, c)| {
                if flags
                    .get((i + salt) % flags.len().max(1))
                    .copied()
                    .unwrap_or(false)
                {
                    if c.is_ascii_lowercase() {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                } else {
                    c
                }
            })
            .collect()
    };
    let body = query.strip_prefix('?').unwrap_or(query);
    let pieces: Vec<String> = body
        .split('&')
        .enumerate()
        .map(|(n, piece)| match piece.split_once('=') {
            Some(("q", value)) => format!("{}={value}", flip("q", n)),
            Some((name, value)) => format!("{}={}", flip(name, n), flip(value, n + 7)),
            None => flip(piece, n),
        })
        .collect();
    format!("?{}", pieces.join("&"))
}

/// The state of `first` and `second` read as one query string, by the documented rules: the
/// facets merge, and of the other fields the first usable one counts. `to_query` writes only the
/// fields that differ from their defaults, so a field `first` left out comes from `second`.
fn merged(first: &UrlState, second: &UrlState) -> UrlState {
    let (a, b) = (first.canonical(), second.canonical());
    UrlState {
        filter: Filter {
            kinds: a.filter.kinds.union(&b.filter.kinds).copied().collect(),
            sectors: a.filter.sectors.union(&b.filter.sectors).copied().collect(),
            text: if a.filter.text.is_empty() {
                b.filter.text
            } else {
                a.filter.text
            },
            sort: if a.filter.sort == Sort::default() {
                b.filter.sort
            } else {
                a.filter.sort
            },
        },
        lang: a.lang.or(b.lang),
        embed: a.embed || b.embed,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Never panics, agrees with the documented rules read independently, and what it gives
    /// back survives a round trip through `to_query`.
    #[test]
    fn url_parse_follows_its_documentation_on_hostile_strings(
        query in prop_oneof![3 => hostile_inputs::decoder_query(), 1 => any::<String>()],
        prefix in any::<bool>(),
    ) {
        let query = if prefix { format!("?{query}") } else { query };
        let state = parse(&query);
        prop_assert_eq!(&state, &documented_meaning(&query), "{:?}", query);
        prop_assert!(state.filter.text.chars().count() <= MAX_TEXT_CHARS);
        let written = to_query(&state);
        prop_assert!(written.bytes().all(|b| b.is_ascii_graphic()), "{}", written);
        prop_assert_eq!(parse(&written), state);
    }

    /// Escaping any character (names included) does not change the meaning.
    #[test]
    fn url_parse_reads_escapes_anywhere(state in arb_state(), flags in proptest::collection::vec(any::<bool>(), 1..16)) {
        let query = to_query(&state);
        let encoded = encode_some(&query, &flags);
        prop_assert_eq!(parse(&encoded), state.canonical(), "{}", encoded);
    }

    /// Names and keyword values are read without regard to ASCII case.
    #[test]
    fn url_parse_ignores_ascii_case(state in arb_state(), flags in proptest::collection::vec(any::<bool>(), 1..16)) {
        let query = recase(&to_query(&state), &flags);
        prop_assert_eq!(parse(&query), state.canonical(), "{}", query);
    }

    /// Unknown parameters and empty pieces anywhere are skipped; two queries joined read as
    /// their merge.
    #[test]
    fn url_parse_skips_noise_and_merges(
        a in arb_state(),
        b in arb_state(),
        noise in select(vec!["&", "&&", "&x=1", "&utm_source=feed&fbclid=%E0", "&=", "&lang", "&q=", "&kind=,", "&sort=&embed=maybe"]),
    ) {
        let (qa, qb) = (to_query(&a), to_query(&b));
        let joined = format!("?{}{noise}&{}", qa.trim_start_matches('?'), qb.trim_start_matches('?'));
        prop_assert_eq!(parse(&joined), merged(&a, &b), "{}", joined);
        let padded = format!("?{noise}&{}{noise}", qa.trim_start_matches('?'));
        prop_assert_eq!(parse(&padded), a.canonical(), "{}", padded);
    }
}

#[test]
fn url_parse_survives_huge_query_strings() {
    let emoji = format!("?q={}", "%F0%9F%98%80".repeat(200_000));
    let s = parse(&emoji);
    assert_eq!(s.filter.text, "😀".repeat(MAX_TEXT_CHARS));
    let cases = [
        format!("?q={}", "a".repeat(2_000_000)),
        "kind=landed&".repeat(200_000),
        "%".repeat(1_000_000),
        "%25".repeat(500_000),
        "&".repeat(1_000_000),
        "=".repeat(1_000_000),
        format!("?lang={}", "zh-".repeat(300_000)),
        format!("?kind={}", ",".repeat(1_000_000)),
        format!("?q={}%E0%A4", "+".repeat(1_000_000)),
        format!("?q={}", "%E5%A4%A9".repeat(300_000)),
        format!("?sector={}", "finance,".repeat(200_000)),
    ];
    for query in &cases {
        let s = parse(query);
        assert!(s.filter.text.chars().count() <= MAX_TEXT_CHARS);
        assert_eq!(parse(&to_query(&s)), s);
        assert_eq!(s, documented_meaning(query), "{}…", &query[..40]);
    }
    assert_eq!(
        parse(&cases[1]).filter.kinds,
        BTreeSet::from([MilestoneKind::Landed])
    );
    assert_eq!(parse(&cases[0]).filter.text.len(), MAX_TEXT_CHARS);
    assert_eq!(parse(&cases[8]).filter.text, "\u{FFFD}");
}

// ── Search: text no reader would type ──────────────────────────────────────────────────────

fn real_catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| Catalog::new(&dataset().projects))
}

/// The query `clean` with noise put between its characters, ASCII letters and digits turned
/// into their full-width forms and upper case where the flags say.
fn disguise(clean: &str, noise: &[&str], flags: &[u8]) -> String {
    let mut out = String::new();
    for (i, c) in clean.chars().enumerate() {
        let f = flags[i % flags.len()];
        let c = match f % 4 {
            1 if c.is_ascii_alphanumeric() => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            2 => c.to_ascii_uppercase(),
            _ => c,
        };
        out.push(c);
        if f % 3 == 0 {
            out.push_str(noise[i % noise.len()]);
        }
    }
    out
}

#[test]
fn the_ignored_characters_are_ignored() {
    for s in IGNORED {
        assert_eq!(normalize(s), "", "{s:?} should normalise to nothing");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text, with any facets and sort, in any language: no panic, and an answer that is a
    /// set of distinct projects, the same in every sort order, and counted as the facets say.
    #[test]
    fn search_answers_any_text(
        text in hostile_inputs::text(),
        kinds in subsequence(MilestoneKind::ALL.to_vec(), 0..=2),
        sectors in subsequence(Sector::ALL.to_vec(), 0..=2),
        lang in select(Lang::ALL.to_vec()),
    ) {
        let c = real_catalog();
        let mut filter = Filter {
            kinds: kinds.into_iter().collect(),
            sectors: sectors.into_iter().collect(),
            text,
            sort: Sort::Article,
        };
        let found = c.select(&filter, lang);
        prop_assert!(found.windows(2).all(|w| w[0] < w[1]), "article order, no repeats");
        prop_assert!(found.iter().all(|&i| i < c.len()));
        let set: BTreeSet<usize> = found.iter().copied().collect();
        for sort in [Sort::Name, Sort::Sector] {
            filter.sort = sort;
            let sorted = c.select(&filter, lang);
            prop_assert_eq!(sorted.iter().copied().collect::<BTreeSet<_>>(), set.clone());
            prop_assert_eq!(sorted.len(), found.len());
        }
        let counts = c.facet_counts(&filter);
        for (k, n) in counts.kinds {
            if filter.kinds.contains(&k) && filter.kinds.len() == 1 {
                prop_assert_eq!(n, found.len());
            }
            prop_assert!(n <= c.len());
        }
    }

    /// A part of a real name, disguised with characters the search ignores, full-width forms
    /// and upper case, finds the same projects as the plain part, its own project among them.
    #[test]
    fn search_sees_through_invisible_characters(
        project in 0..dataset().projects.len(),
        lang in select(Lang::ALL.to_vec()),
        (start, len) in (0usize..40, 1usize..8),
        noise in proptest::collection::vec(select(IGNORED), 1..6),
        flags in proptest::collection::vec(any::<u8>(), 1..12),
    ) {
        let name: Vec<char> = dataset().projects[project].name.get(lang).chars().collect();
        let start = start % name.len();
        let clean: String = name[start..(start + len).min(name.len())].iter().collect();
        let plain = Filter { text: clean.clone(), ..Filter::default() };
        let c = real_catalog();
        let want = c.select(&plain, Lang::En);
        prop_assert!(normalize(&clean).trim().is_empty() || want.contains(&project), "{:?} finds its own project", clean);
        let disguised = disguise(&clean, &noise, &flags);
        let got = c.select(&Filter { text: disguised.clone(), ..Filter::default() }, Lang::En);
        prop_assert_eq!(got, want, "{:?} vs {:?}", disguised, clean);
    }
}

// ── Data validation: damaged copies of the real data files ───────────────────────────────────

const DATA_FILES: &[&str] = &[
    "article.toml",
    "charts.toml",
    "derived.toml",
    "figures.toml",
    "groups.toml",
    "projects.toml",
    "tasks.toml",
    "zh-hans-overrides.toml",
];

/// One edit to a file's bytes. Positions and lengths are taken modulo the file's size.
#[derive(Clone, Debug)]
enum Mutation {
    DeleteBytes {
        at: usize,
        len: usize,
    },
    SetByte {
        at: usize,
        byte: u8,
    },
    InsertText {
        at: usize,
        text: String,
    },
    DeleteLine {
        line: usize,
    },
    DuplicateLines {
        line: usize,
        count: usize,
    },
    SwapLines {
        a: usize,
        b: usize,
    },
    /// Replaces the character at `at` (a char index) with `with`: a digit, a letter, a quote…
    ChangeChar {
        at: usize,
        with: char,
    },
    /// Replaces the `at`-th character inside a `"…"` string with `with` (never a quote, a
    /// backslash or a line break), which keeps the TOML valid and puts the checks of ids,
    /// numbers, units and translations to work.
    EditString {
        at: usize,
        with: char,
    },
    Truncate {
        at: usize,
    },
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    let pos = any::<usize>();
    prop_oneof![
        1 => (pos, 1usize..40).prop_map(|(at, len)| Mutation::DeleteBytes { at, len }),
        1 => (pos, any::<u8>()).prop_map(|(at, byte)| Mutation::SetByte { at, byte }),
        6 => (pos, prop_oneof![
            proptest::char::range('0', '9'),
            select(vec!['a', 'e', 'x', '-', '.', ' ', '億', '萬', '約', '超', '左', '%', '天', '\u{3000}', '\u{301}']),
            any::<char>().prop_filter("not a quote, backslash or line break", |c| !matches!(c, '"' | '\\' | '\n' | '\r')),
        ]).prop_map(|(at, with)| Mutation::EditString { at, with }),
        2 => (pos, prop_oneof![
            select(vec!["\"", "[", "]", "[[", "]]", "=", "\n", "#", "{", "}", ",", "\\", "'''", "\"\"\"", "\r", "\t", "0", "-1", "1e400", "nan", "\u{0}", "\u{FEFF}", "天", "&&", "id = \"x\"\n", "[[figure]]\n", "[[project.milestone]]\n"]).prop_map(String::from),
            "\\PC{1,6}",
        ]).prop_map(|(at, text)| Mutation::InsertText { at, text }),
        3 => pos.prop_map(|line| Mutation::DeleteLine { line }),
        3 => (pos, 1usize..4).prop_map(|(line, count)| Mutation::DuplicateLines { line, count }),
        2 => (pos, pos).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        1 => (pos, prop_oneof![
            proptest::char::range('0', '9'),
            select(vec!['a', 'Z', '-', '.', '"', '\'', ' ', '=', '億', '萬', '約', '超', '%', '\\', '\u{3000}']),
            any::<char>(),
        ]).prop_map(|(at, with)| Mutation::ChangeChar { at, with }),
        1 => pos.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len().max(1);
    match *m {
        Mutation::DeleteBytes { at, len } => {
            let at = at % n;
            let end = (at + len).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Mutation::SetByte { at, byte } => {
            if !bytes.is_empty() {
                bytes[at % n] = byte;
            }
        }
        Mutation::InsertText { at, ref text } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, text.bytes());
        }
        Mutation::Truncate { at } => bytes.truncate(at % n),
        Mutation::ChangeChar { at, with } => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let count = text.chars().count().max(1);
            let at = at % count;
            *bytes = text
                .chars()
                .enumerate()
                .map(|(i, c)| if i == at { with } else { c })
                .collect::<String>()
                .into_bytes();
        }
        Mutation::EditString { at, with } => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            // Byte offsets of the characters between unescaped quotes, line by line.
            let mut inside = Vec::new();
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let (mut quoted, mut escaped) = (false, false);
                for (i, c) in line.char_indices() {
                    if c == '"' && !escaped {
                        quoted = !quoted;
                    } else if quoted && c != '\\' && !escaped {
                        inside.push(offset + i);
                    }
                    escaped = c == '\\' && !escaped;
                }
                offset += line.len();
            }
            if let Some(&at) = inside.get(at % inside.len().max(1)) {
                let len = text[at..].chars().next().map_or(0, char::len_utf8);
                *bytes = format!("{}{with}{}", &text[..at], &text[at + len..]).into_bytes();
            }
        }
        Mutation::DeleteLine { line }
        | Mutation::DuplicateLines { line, .. }
        | Mutation::SwapLines { a: line, .. } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let count = lines.len();
            let line = line % count;
            match *m {
                Mutation::DeleteLine { .. } => {
                    lines.remove(line);
                }
                Mutation::DuplicateLines { count: k, .. } => {
                    let end = (line + k).min(count);
                    let copy: Vec<Vec<u8>> = lines[line..end].to_vec();
                    lines.splice(end..end, copy);
                }
                Mutation::SwapLines { b, .. } => lines.swap(line, b % count),
                _ => unreachable!(),
            }
            *bytes = lines.join(&b'\n');
        }
    }
}

/// A scratch copy of `data/`, removed when dropped. Each case damages one file, loads the copy,
/// and puts the file back.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("torch2024-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        for file in DATA_FILES {
            std::fs::copy(data_dir().join(file), dir.join(file)).expect("a copy of the data");
        }
        // The article the data points to, as it is (it is never damaged here).
        let source = dir.join("source");
        std::fs::create_dir_all(&source).expect("a scratch source directory");
        for entry in std::fs::read_dir(data_dir().join("source")).expect("data/source/") {
            let path = entry.expect("an entry of data/source/").path();
            std::fs::copy(&path, source.join(path.file_name().unwrap()))
                .expect("a copy of the article");
        }
        Scratch { dir }
    }

    fn load_with(&self, file: &str, contents: &[u8]) -> Result<Dataset, DataError> {
        let path = self.dir.join(file);
        std::fs::write(&path, contents).expect("the damaged file written");
        let result = load(&self.dir);
        std::fs::copy(data_dir().join(file), &path).expect("the file put back");
        result
    }

    fn load_without(&self, file: &str) -> Result<Dataset, DataError> {
        let path = self.dir.join(file);
        std::fs::remove_file(&path).expect("the file removed");
        let result = load(&self.dir);
        std::fs::copy(data_dir().join(file), &path).expect("the file put back");
        result
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Checks that an error from loading the data with `damaged` changed names a data file, and
/// names `damaged` itself when the file could not be read or parsed.
fn check_names_a_file(e: &DataError, damaged: &str) -> Result<(), TestCaseError> {
    let shown = e.to_string();
    prop_assert!(
        DATA_FILES.iter().any(|f| e.file == format!("data/{f}")),
        "the error names no data file: {}",
        shown
    );
    prop_assert!(shown.starts_with(&e.file), "{}", shown);
    prop_assert!(!e.message.trim().is_empty(), "{}", shown);
    if e.message.starts_with("not valid TOML") || e.message.starts_with("cannot read") {
        prop_assert_eq!(&e.file, &format!("data/{damaged}"), "{}", shown);
    }
    Ok(())
}

proptest! {
    // Each case loads the whole dataset (about 5 ms in a debug build): 600 cases take about 3 s,
    // and keep this file well under 20 s.
    #![proptest_config(ProptestConfig { cases: 600, max_shrink_iters: 200, ..ProptestConfig::default() })]

    /// One to three random edits to one file: `load` returns the dataset or an error naming a
    /// data file, and never panics.
    #[test]
    fn damaged_data_is_refused_with_the_file_named(
        file in select(DATA_FILES.to_vec()),
        mutations in proptest::collection::vec(arb_mutation(), 1..=3),
    ) {
        thread_local! {
            static SCRATCH: Scratch = Scratch::new("damaged");
        }
        let mut bytes = std::fs::read(data_dir().join(file)).expect("the data file");
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let result = SCRATCH.with(|s| s.load_with(file, &bytes).map(|_| ()));
        if let Err(e) = result {
            check_names_a_file(&e, file)?;
        }
    }
}

#[test]
fn odd_but_valid_files_read_alike_and_pathological_ones_are_refused() {
    let scratch = Scratch::new("odd");
    let real = load(&data_dir()).unwrap_or_else(|e| panic!("the real data must load: {e}"));
    for file in DATA_FILES {
        let original = std::fs::read_to_string(data_dir().join(file)).unwrap();
        // Windows line endings and a byte-order mark, as some editors save: the same data.
        for (what, body) in [
            ("CRLF line endings", original.replace('\n', "\r\n")),
            ("a byte-order mark", format!("\u{FEFF}{original}")),
        ] {
            match scratch.load_with(file, body.as_bytes()) {
                Ok(ds) => assert!(ds == real, "{file} with {what} gives other data"),
                Err(e) => panic!("{file} with {what} is refused: {e}"),
            }
        }
        let deep = format!("x = {}", "[".repeat(100_000));
        let inline = format!("x = {}", "{ a = ".repeat(100_000));
        let long = format!(
            "# {}\nx = \"{}",
            "字".repeat(500_000),
            "a".repeat(1_000_000)
        );
        for (what, body) in [
            ("100,000 nested arrays", deep.into_bytes()),
            ("100,000 nested tables", inline.into_bytes()),
            ("a 1 MB unterminated string", long.into_bytes()),
            ("NUL bytes", format!("{original}\0\0").into_bytes()),
            ("broken UTF-8", [original.as_bytes(), b"\xff\xfe"].concat()),
        ] {
            let e = scratch
                .load_with(file, &body)
                .expect_err(&format!("{file} with {what} must be refused"));
            assert_eq!(e.file, format!("data/{file}"), "{file} with {what}: {e}");
        }
        let e = scratch
            .load_without(file)
            .expect_err(&format!("a missing {file} must be refused"));
        assert_eq!(e.file, format!("data/{file}"), "{e}");
    }
}
