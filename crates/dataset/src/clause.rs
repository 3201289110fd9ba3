//! The article's own words about a project, for its card: the clause of the first sentence
//! that tells of it which names it, with the name found in it.

use crate::model::{Dataset, Lang, Project};

/// A clause cut at the project's name: `before`, the `name` as the text writes it, `after`.
/// When the text does not hold the name (an English rendering may word it otherwise), the
/// whole sentence is `before` and `name` is empty.
#[derive(Clone, PartialEq, Debug)]
pub struct Clause {
    pub before: String,
    pub name: String,
    pub after: String,
}

impl Project {
    /// The clause of the project's first milestone sentence that names it, in `lang`.
    pub fn clause(&self, ds: &Dataset, lang: Lang) -> Option<Clause> {
        let sentence = ds.sentence(&self.milestones.first()?.source)?;
        let text = sentence.read(lang);
        let name = self.name.get(lang);
        // English names are found whatever their case ("the Torch ..." / "The Torch ...");
        // ASCII case folding keeps every byte where it is.
        let found = if lang == Lang::En {
            text.to_ascii_lowercase().find(&name.to_ascii_lowercase())
        } else {
            text.find(name)
        };
        let Some(start) = found.filter(|_| !name.is_empty()) else {
            return Some(Clause {
                before: text,
                name: String::new(),
                after: String::new(),
            });
        };
        let end = start + name.len();
        let stop = |c: char| {
            if lang == Lang::En {
                matches!(c, ';' | ':')
            } else {
                // The article writes , ; : in ASCII; other editions may write them full-width.
                matches!(
                    c,
                    ',' | ';'
                        | ':'
                        | '。'
                        | '!'
                        | '?'
                        | '\u{ff0c}'
                        | '\u{ff1b}'
                        | '\u{ff1a}'
                        | '\u{ff01}'
                        | '\u{ff1f}'
                )
            }
        };
        let from = text[..start]
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                stop(c) || (lang == Lang::En && c == '.' && text[i + 1..].starts_with(' '))
            })
            .map_or(0, |(i, c)| i + c.len_utf8());
        let to = text[end..]
            .char_indices()
            .find(|&(i, c)| {
                stop(c) || (c == '.' && text[end + i + 1..].chars().next().is_none_or(|n| n == ' '))
            })
            .map_or(text.len(), |(i, _)| end + i);
        Some(Clause {
            before: text[from..start].trim_start().to_string(),
            name: text[start..end].to_string(),
            after: text[end..to].trim_end().to_string(),
        })
    }
}
