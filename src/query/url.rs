//! The reader's state in the URL's query string: the filter, the language and the embed switch,
//! parsed leniently and written in one stable, canonical form.
//!
//! Parameters, in the order [`to_query`] writes them (values at their default are left out):
//!
//! | name     | value                                                        |
//! |----------|--------------------------------------------------------------|
//! | `lang`   | `zh-Hant`, `zh-Hans` or `en` (see [`Lang::from_tag`])        |
//! | `embed`  | `1` (also read: `true`; `0` and `false` mean off)            |
//! | `kind`   | milestone kinds by [name](Named), comma separated, e.g. `landed,construction-start` |
//! | `sector` | sectors by [name](Named), comma separated, e.g. `new-energy,finance` |
//! | `q`      | the free text, form-encoded (`+` is a space)                  |
//! | `sort`   | `article`, `name` or `sector`                                 |
//!
//! Parsing never fails: an unknown parameter, an unknown or empty value, a repeated value or a
//! malformed piece is skipped and the rest is kept. Names and keyword values are read without
//! regard to ASCII case. `kind` and `sector` may also be repeated (their values are merged); of a
//! repeated `lang`, `embed`, `q` or `sort` the first usable one counts.

use super::{Filter, Sort};
use crate::model::{Lang, MilestoneKind, Sector};
use crate::names::Named;

/// The most characters of free text kept from a URL.
pub const MAX_TEXT_CHARS: usize = 200;

/// Everything the URL holds.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct UrlState {
    pub filter: Filter,
    /// The language the URL asks for; `None` leaves the choice to the app.
    pub lang: Option<Lang>,
    /// Shown inside another page: the app drops its own masthead and footer.
    pub embed: bool,
}

impl UrlState {
    /// The state as the URL keeps it: the text in its [canonical form](canonical_text).
    /// `parse(&to_query(s)) == s.canonical()` for every state `s`.
    pub fn canonical(&self) -> UrlState {
        let mut state = self.clone();
        state.filter.text = canonical_text(&state.filter.text);
        state
    }
}

/// The free text as the URL keeps it: without whitespace at either end, and at most
/// [`MAX_TEXT_CHARS`] characters (Unicode scalar values) long.
pub fn canonical_text(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => text[..cut].trim_end().to_string(),
        None => text.to_string(),
    }
}

/// Reads a query string such as `location.search`, with or without its leading `?`.
pub fn parse(query: &str) -> UrlState {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut state = UrlState::default();
    let (mut lang, mut embed, mut text, mut sort) = (None, None, None, None);
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let name = name.trim();
        let value = value.trim();
        if name.eq_ignore_ascii_case("lang") {
            lang = lang.or_else(|| Lang::from_tag(value));
        } else if name.eq_ignore_ascii_case("embed") {
            embed = embed.or_else(|| parse_bool(value));
        } else if name.eq_ignore_ascii_case("kind") {
            state
                .filter
                .kinds
                .extend(list(value).filter_map(MilestoneKind::from_name));
        } else if name.eq_ignore_ascii_case("sector") {
            state
                .filter
                .sectors
                .extend(list(value).filter_map(Sector::from_name));
        } else if name.eq_ignore_ascii_case("q") {
            if text.is_none() && !value.is_empty() {
                text = Some(canonical_text(value));
            }
        } else if name.eq_ignore_ascii_case("sort") {
            sort = sort.or_else(|| Sort::from_name(value));
        }
    }
    state.lang = lang;
    state.embed = embed.unwrap_or(false);
    state.filter.text = text.unwrap_or_default();
    state.filter.sort = sort.unwrap_or_default();
    state
}

/// Writes the state as a query string: `""` for the default state, otherwise `?` and the
/// parameters that differ from their default, in the order `lang`, `embed`, `kind`, `sector`,
/// `q`, `sort`. The text is written in its [canonical form](canonical_text).
pub fn to_query(state: &UrlState) -> String {
    let mut out = String::new();
    let mut push = |name: &str, value: &str| {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    };
    if let Some(lang) = state.lang {
        push("lang", lang.tag());
    }
    if state.embed {
        push("embed", "1");
    }
    // The names are lowercase ASCII letters and '-', which need no encoding, nor does ','.
    if !state.filter.kinds.is_empty() {
        let kinds: Vec<&str> = state.filter.kinds.iter().map(|k| k.name()).collect();
        push("kind", &kinds.join(","));
    }
    if !state.filter.sectors.is_empty() {
        let sectors: Vec<&str> = state.filter.sectors.iter().map(|s| s.name()).collect();
        push("sector", &sectors.join(","));
    }
    let text = canonical_text(&state.filter.text);
    if !text.is_empty() {
        push(
            "q",
            &form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>(),
        );
    }
    if state.filter.sort != Sort::default() {
        push("sort", state.filter.sort.name());
    }
    out
}

/// The file of each language's page, beside the others (so relative asset URLs hold):
/// `index.html` is the article's own Traditional Chinese.
pub fn page_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Hant => "index.html",
        Lang::Hans => "zh-Hans.html",
        Lang::En => "en.html",
    }
}

/// The address of `lang`'s page, relative to the others: the folder itself for `index.html`.
pub fn page_href(lang: Lang) -> &'static str {
    match page_name(lang) {
        "index.html" => "./",
        name => name,
    }
}

/// Where the language switch leads: `lang`'s page showing `state`, at the section with id
/// `section` if one is given. The query names `lang`, so the page's own choice (by the
/// browser's languages) keeps it. The one-file edition (`edition`) has every language in
/// itself: there the link stays in the file and only the query changes.
pub fn switch_href(lang: Lang, state: &UrlState, section: Option<&str>, edition: bool) -> String {
    let query = to_query(&UrlState {
        lang: Some(lang),
        ..state.clone()
    });
    let page = if edition { "" } else { page_href(lang) };
    let hash = section.map(|id| format!("#{id}")).unwrap_or_default();
    format!("{page}{query}{hash}")
}

fn parse_bool(value: &str) -> Option<bool> {
    if value == "1" || value.eq_ignore_ascii_case("true") {
        Some(true)
    } else if value == "0" || value.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// The non-empty items of a comma-separated list, trimmed.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text_trims_and_caps() {
        assert_eq!(canonical_text("  天馬 微  "), "天馬 微");
        assert_eq!(canonical_text("\u{3000}"), "");
        let long = "字".repeat(MAX_TEXT_CHARS + 5);
        assert_eq!(canonical_text(&long).chars().count(), MAX_TEXT_CHARS);
        // A cut that ends in a space is trimmed again, so the form is stable.
        let spaced = format!("{} tail", "a".repeat(MAX_TEXT_CHARS - 1));
        let c = canonical_text(&spaced);
        assert_eq!(c, "a".repeat(MAX_TEXT_CHARS - 1));
        assert_eq!(canonical_text(&c), c);
    }

    #[test]
    fn writes_in_a_stable_order() {
        let mut state = UrlState {
            lang: Some(Lang::En),
            embed: true,
            ..UrlState::default()
        };
        state.filter.toggle_sector(Sector::Finance);
        state.filter.toggle_sector(Sector::NewEnergy);
        state.filter.toggle_kind(MilestoneKind::ConstructionStart);
        state.filter.toggle_kind(MilestoneKind::Landed);
        state.filter.text = " 天馬 a&b=c+d%#? ".into();
        state.filter.sort = Sort::Name;
        assert_eq!(
            to_query(&state),
            "?lang=en&embed=1&kind=landed,construction-start&sector=new-energy,finance\
             &q=%E5%A4%A9%E9%A6%AC+a%26b%3Dc%2Bd%25%23%3F&sort=name"
        );
        assert_eq!(parse(&to_query(&state)), state.canonical());
        assert_eq!(to_query(&UrlState::default()), "");
    }

    #[test]
    fn the_switch_leads_to_the_page_of_its_language_with_the_view() {
        let mut state = UrlState {
            lang: Some(Lang::Hant),
            ..UrlState::default()
        };
        state.filter.toggle_kind(MilestoneKind::Landed);
        assert_eq!(
            switch_href(Lang::En, &state, Some("projects"), false),
            "en.html?lang=en&kind=landed#projects"
        );
        assert_eq!(
            switch_href(Lang::Hant, &UrlState::default(), None, false),
            "./?lang=zh-Hant"
        );
        assert_eq!(
            switch_href(Lang::Hans, &state, None, true),
            "?lang=zh-Hans&kind=landed"
        );
    }
}
