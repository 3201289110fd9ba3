//! Traditional → Simplified Chinese, by `zhconv` plus a table of reviewed overrides.

use zhconv::{zhconv, Variant};

/// A converter that first protects the reviewed words, then converts the rest.
#[derive(Debug, Default, Clone)]
pub struct ToHans {
    /// (Traditional, Simplified) pairs, longest first so that longer words win.
    overrides: Vec<(String, String)>,
}

impl ToHans {
    pub fn new(mut overrides: Vec<(String, String)>) -> Self {
        overrides.sort_by_key(|(hant, _)| std::cmp::Reverse(hant.chars().count()));
        ToHans { overrides }
    }

    pub fn convert(&self, hant: &str) -> String {
        let mut out = String::with_capacity(hant.len());
        let mut plain_start = 0;
        let mut i = 0;
        while i < hant.len() {
            let rest = &hant[i..];
            if let Some((from, to)) = self
                .overrides
                .iter()
                .find(|(from, _)| rest.starts_with(from.as_str()))
            {
                out.push_str(&zhconv(&hant[plain_start..i], Variant::ZhHans));
                out.push_str(to);
                i += from.len();
                plain_start = i;
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        out.push_str(&zhconv(&hant[plain_start..], Variant::ZhHans));
        out
    }
}

/// The characters of `text` that the converter would still change: Traditional-only
/// characters left in what should be Simplified text.
pub fn traditional_only_chars(text: &str) -> Vec<char> {
    let mut found: Vec<char> = text
        .chars()
        .filter(|c| {
            let s = c.to_string();
            zhconv(&s, Variant::ZhHans) != s
        })
        .collect();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_and_respects_overrides() {
        let plain = ToHans::default();
        assert_eq!(plain.convert("廈門火炬高新區"), "厦门火炬高新区");
        let with = ToHans::new(vec![
            ("天馬".into(), "天马".into()),
            ("産".into(), "产".into()),
        ]);
        assert_eq!(with.convert("天馬8.6代線投産"), "天马8.6代线投产");
    }

    #[test]
    fn finds_traditional_leftovers() {
        assert_eq!(traditional_only_chars("厦门火炬高新區"), vec!['區']);
        assert!(traditional_only_chars("厦门火炬高新区").is_empty());
    }
}
