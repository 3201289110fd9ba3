//! Test-only: hostile inputs, as proptest strategies. Text a search field or a URL should never
//! choke on, and random query strings, in one place for the native properties
//! (`tests/robustness.rs`) and the browser checks (`tests/browser/checks/robust.rs`), which draw
//! their samples with a [`Sampler`]: a seeded runner, so the same inputs on every run.
//!
//! The crate knows nothing of the app: what it needs of it (the slugs of the milestone kinds and
//! sectors, real project names) is passed in.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Text a search field or a URL should never choke on: markup and script, regex syntax,
/// right-to-left and bidi controls, zero-width and combining characters, emoji sequences,
/// characters outside the BMP, controls, letters whose case mapping changes their length, and
/// real names in the three scripts.
pub const HOSTILE: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<b>bold</b>",
    "&lt;img&gt; &amp; &#60;script&#62;",
    "{{7*7}} ${7*7}",
    ".*[(",
    "\\d+(?<=x)|^$",
    "(a+)+$",
    "[[:alpha:]]\\",
    "%s%n%x",
    "'; DROP TABLE projects;--",
    "\u{202E}gnp.exe",
    "مرحبا بالعالم",
    "שלום",
    "\u{200F}\u{200E}\u{2066}\u{2069}",
    "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",
    "e\u{301}\u{302}\u{303}\u{304}",
    "Z\u{364}\u{311}\u{313}a\u{308}\u{356}\u{36D}l\u{36E}\u{312}g\u{30C}\u{317}o\u{319}\u{314}",
    "🚀",
    "👩\u{200D}👩\u{200D}👧\u{200D}👦",
    "🇹🇼🇨🇳",
    "🏳\u{FE0F}\u{200D}🌈",
    "𠀀𪚥",
    "天馬",
    "天马",
    "Tianma",
    "ＡＢＢ",
    "\u{3000}",
    "\t",
    "\n",
    "\r\n",
    "\0",
    "\u{1}\u{1f}\u{7f}",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{E000}",
    "İ ß ǅ",
    "ẞ",
    "ᾼ",
    "ﬃ",
    "Σ",
    " ",
    "+",
    "%",
    "%E0%A4",
    "&q=",
    "#",
];

/// Characters the search ignores: format and bidi controls, zero-width characters, combining
/// marks, variation selectors, emoji, and punctuation (regex and HTML syntax included).
pub const IGNORED: &[&str] = &[
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{200E}",
    "\u{200F}",
    "\u{202A}",
    "\u{202B}",
    "\u{202E}",
    "\u{2066}",
    "\u{2069}",
    "\u{0301}",
    "\u{0308}",
    "\u{20DD}",
    "\u{FE0F}",
    "🚀",
    "😀",
    "👩\u{200D}💻",
    "🇹🇼",
    "·",
    "-",
    "_",
    ".",
    "*",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "^",
    "$",
    "|",
    "\\",
    "/",
    "<",
    ">",
    "&",
    ";",
    "\"",
    "'",
    "!",
    "@",
    "#",
    "%",
    "?",
    "+",
    ".*[(",
    "</>",
    "\u{0}",
];

/// Parameter names: the app's, in odd case, padded or escaped, and noise.
pub const PARAM_NAMES: &[&str] = &[
    "lang",
    "LANG",
    "embed",
    "Embed",
    "kind",
    "Kind",
    "KIND",
    "sector",
    "SECTOR",
    "SeCtOr",
    "q",
    "Q",
    "sort",
    "Sort",
    " q",
    " q ",
    "%71",
    "%6Bind",
    "x",
    "utm_source",
    "",
];

const LANG_VALUES: &[&str] = &[
    "zh-Hant", "zh-Hans", "en", "zh-TW", "zh-cn", "EN-gb", "zh", "fr", "", "en_US",
];
const EMBED_VALUES: &[&str] = &["1", "0", "true", "FALSE", "maybe", ""];
const SORT_VALUES: &[&str] = &["name", "sector", "article", "NAME", "weird", ""];
/// Items of a kind or sector list that are not slugs, or not quite.
const ODD_SLUGS: &[&str] = &[
    "nope",
    "LANDED",
    "",
    " finance ",
    "New-Energy",
    "landed%2Caward",
];
/// What may follow an encoded text: broken escapes.
const BROKEN_TAILS: &[&str] = &["%", "%Z", "%E0%A4", "%%"];
const SEPARATORS: &[&str] = &["&", "&", "&", "&&", ";"];

/// Text from every corner of Unicode, some of it very long: pieces of [`IGNORED`] and
/// [`HOSTILE`], any string, right-to-left scripts, combining marks, emoji, full-width forms.
pub fn text() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        select(IGNORED).prop_map(String::from),
        select(HOSTILE).prop_map(String::from),
        any::<String>(),
        "\\PC{0,12}",
        "[\u{590}-\u{6FF} ]{1,12}",
        "[a-zA-Z天馬马微電电子新能二期 ]{1,6}",
        "[\u{300}-\u{36F}]{1,20}",
        "[\u{1F300}-\u{1FAFF}\u{200D}\u{FE0F}]{1,8}",
        "[\u{FF01}-\u{FF5E}\u{3000}]{1,8}",
    ];
    prop_oneof![
        8 => vec(piece, 0..12).prop_map(|v| v.concat()),
        1 => ("\\PC{1,4}", 1_000usize..20_000).prop_map(|(s, n)| s.repeat(n)),
        1 => vec("[ a-z天馬\u{301}🚀]{1,3}", 2_000..6_000).prop_map(|v| v.join(" ")),
    ]
    .boxed()
}

/// One to six characters from somewhere in one of `names` (which must not be empty).
pub fn name_fragment(names: Vec<String>) -> BoxedStrategy<String> {
    (select(names), any::<Index>(), 1usize..=6)
        .prop_map(|(name, start, len)| {
            let chars: Vec<char> = name.chars().collect();
            if chars.is_empty() {
                return String::new();
            }
            let start = start.index(chars.len());
            chars[start..(start + len).min(chars.len())]
                .iter()
                .collect()
        })
        .boxed()
}

/// What a reader could type or paste into a search field: one to four pieces, each a piece of
/// [`HOSTILE`] or of a real name (so that some inputs find something), now and then a few
/// thousand characters long.
pub fn search_input(names: Vec<String>) -> BoxedStrategy<String> {
    let piece = prop_oneof![
        2 => name_fragment(names),
        3 => select(HOSTILE).prop_map(String::from),
    ];
    let word =
        (piece, proptest::bool::weighted(0.2))
            .prop_map(|(piece, space)| if space { piece + " " } else { piece });
    let short = vec(word, 1..=4).prop_map(|words| words.concat());
    prop_oneof![
        92 => short.clone(),
        8 => (short, 200usize..1_700).prop_map(|(text, n)| text.repeat(n)),
    ]
    .boxed()
}

/// Query strings made to break a percent-decoder: escapes valid and broken (a lone `%`, one hex
/// digit, non-hex digits, truncated and overlong UTF-8, encoded surrogates, NUL), separators in
/// odd places, the parameter names the parser looks for in any case, raw non-ASCII and control
/// characters.
pub fn decoder_query() -> BoxedStrategy<String> {
    let atom = prop_oneof![
        Just("%".to_string()),
        Just("%%".to_string()),
        "%[0-9A-Fa-f]",
        "%[G-Zg-z!-/: ]{1,2}",
        "(%[0-9A-Fa-f]{2}){1,6}",
        select(vec![
            "%E0%A4",
            "%F0%9F%98",
            "%C0%AF",
            "%ED%A0%80",
            "%00",
            "%FF%FE",
            "%EF%BB%BF",
            "%2B",
            "%26",
            "%3D",
            "%25",
            "%2C",
            "%E5%A4%A9%E9%A6%AC",
            "%F4%90%80%80",
        ])
        .prop_map(String::from),
        "[&=+?#;, ]{1,3}",
        select(PARAM_NAMES).prop_map(String::from),
        select(vec![
            "landed",
            "LANDED",
            "finance",
            "new-energy",
            "zh-Hant",
            "zh-cn",
            "en",
            "1",
            "true",
            "0",
            "name",
            "sector",
            "article",
        ])
        .prop_map(String::from),
        "[a-z0-9-]{0,8}",
        any::<char>().prop_map(String::from),
        "\\PC{0,8}",
        "[\u{0}-\u{1f}\u{7f}]{1,3}",
    ];
    vec(atom, 0..40).prop_map(|v| v.concat()).boxed()
}

/// The slugs the app's URL parameters take.
#[derive(Clone, Debug)]
pub struct Vocabulary {
    pub kinds: Vec<&'static str>,
    pub sectors: Vec<&'static str>,
}

/// A random query string (without `?`) of at most `max_len` bytes: the app's parameters with
/// good and bad values, in any case, repeated, encoded or raw, with broken escapes, noise
/// parameters and separators; the values of other parameters (`q` among them) are `text`.
pub fn app_query(
    vocabulary: &Vocabulary,
    text: BoxedStrategy<String>,
    max_len: usize,
) -> BoxedStrategy<String> {
    let kinds = slug_list(vocabulary.kinds.clone());
    let sectors = slug_list(vocabulary.sectors.clone());
    let text = (text, 0..4u8, select(BROKEN_TAILS))
        .prop_map(|(text, how, tail)| match how {
            0 => text,
            1 => encode_component(&text),
            2 => encode_component(&text).replace("%20", "+"),
            _ => format!("{}{tail}", encode_component(&text)),
        })
        .boxed();
    let keyword = |values: &'static [&'static str]| select(values).prop_map(String::from).boxed();
    let param = (select(PARAM_NAMES), 0..10u8).prop_flat_map(move |(name, form)| {
        let value = match name.trim().to_ascii_lowercase().as_str() {
            "lang" => keyword(LANG_VALUES),
            "embed" => keyword(EMBED_VALUES),
            "sort" => keyword(SORT_VALUES),
            "kind" => kinds.clone(),
            "sector" => sectors.clone(),
            _ => text.clone(),
        };
        value.prop_map(move |value| match form {
            0 => name.to_string(),
            1 => format!("{name}=={value}"),
            _ => format!("{name}={value}"),
        })
    });
    (
        vec(param, 0..8),
        select(SEPARATORS),
        proptest::bool::weighted(0.1),
    )
        .prop_map(move |(pieces, separator, fragment)| {
            let mut query = pieces.join(separator);
            if fragment {
                query.push_str("#frag=<b>");
            }
            let mut end = query.len().min(max_len);
            while !query.is_char_boundary(end) {
                end -= 1;
            }
            query.truncate(end);
            query
        })
        .boxed()
}

/// Zero to three of `slugs`, sometimes with an item that is not quite one, joined by `,` (or
/// `,,`).
fn slug_list(slugs: Vec<&'static str>) -> BoxedStrategy<String> {
    (
        vec(select(slugs), 0..4),
        proptest::option::weighted(0.3, select(ODD_SLUGS)),
        proptest::bool::weighted(0.8),
    )
        .prop_map(|(mut items, odd, single)| {
            items.extend(odd);
            items.join(if single { "," } else { ",," })
        })
        .boxed()
}

/// Percent-encodes every byte that is not unreserved, as `encodeURIComponent` does.
pub fn encode_component(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Draws values from strategies with a seeded runner: the same seed and stream give the same
/// values on every run and machine.
pub struct Sampler {
    runner: TestRunner,
}

impl Sampler {
    /// A runner for `seed`; `stream` tells apart the users of one seed.
    pub fn new(seed: u64, stream: u64) -> Sampler {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..16].copy_from_slice(&stream.to_le_bytes());
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
        Sampler {
            runner: TestRunner::new_with_rng(Config::default(), rng),
        }
    }

    pub fn draw<S: Strategy>(&mut self, strategy: &S, count: usize) -> Vec<S::Value> {
        (0..count)
            .map(|_| {
                strategy
                    .new_tree(&mut self.runner)
                    .unwrap_or_else(|why| panic!("no value from the strategy: {why}"))
                    .current()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary {
            kinds: vec!["landed", "listed"],
            sectors: vec!["finance"],
        }
    }

    #[test]
    fn a_seed_gives_the_same_samples_and_streams_differ() {
        let query = app_query(&vocabulary(), text(), 300);
        let a = Sampler::new(7, 1).draw(&query, 20);
        assert_eq!(a, Sampler::new(7, 1).draw(&query, 20));
        assert_ne!(a, Sampler::new(7, 2).draw(&query, 20));
        assert!(a.iter().all(|q| q.len() <= 300));
    }

    #[test]
    fn search_inputs_draw_on_names_and_the_list() {
        let inputs = Sampler::new(1, 1).draw(&search_input(vec!["ΩψΩψ".to_string()]), 200);
        assert!(inputs.iter().any(|t| t.contains('Ω') || t.contains('ψ')));
        assert!(inputs.iter().any(|t| HOSTILE.iter().any(|h| t.contains(h))));
    }
}
