//! The build-time data pipeline: read the hand-edited files in `data/`, check every entry,
//! generate the Simplified Chinese text, and build the [`Dataset`] the app embeds.
//!
//! Each stage checks its entries against the finished parts before it and hands its own part
//! on: sentences (which must give back the article's text), groups, figures, derived figures,
//! projects, tasks. Runs in `build.rs` (so a bad data file fails the build) and in native tests.

mod error;
pub mod hans;
mod numbers;
mod raw;

pub use error::DataError;

use crate::model::*;
use crate::names::Named;
use hans::ToHans;
use raw::*;
use serde::de::DeserializeOwned;
use std::collections::HashSet;
use std::path::Path;

/// Reads and checks every file in `dir`, and returns the dataset or the first problem found.
pub fn load(dir: &Path) -> Result<Dataset, DataError> {
    let overrides: Vec<RawOverride> =
        DataFile::list(dir, "zh-hans-overrides.toml", "override", false)?;
    let b = Builder {
        to_hans: ToHans::new(overrides.into_iter().map(|o| (o.hant, o.hans)).collect()),
    };

    let article = DataFile::read(dir, "article.toml")?;
    article.only_keys(&["meta", "paragraph"])?;
    let meta: RawMeta = article.single("meta")?;
    let paragraphs: Vec<RawParagraph> = article.entries("paragraph", true)?;
    check_article(dir, &meta.article, &paragraphs)?;

    let sentences = b.sentences(&paragraphs)?;
    let groups_file = DataFile::read(dir, "groups.toml")?;
    groups_file.only_keys(&["lead", "group"])?;
    let groups = b.groups(
        &sentences,
        &chapter_ends(&paragraphs),
        groups_file.entries("group", true)?,
    )?;
    let figures = b.figures(
        &sentences,
        &groups,
        DataFile::list(dir, "figures.toml", "figure", true)?,
    )?;
    let derived = b.derived(
        &groups,
        &figures,
        DataFile::list(dir, "derived.toml", "derived", false)?,
    )?;
    let projects = b.projects(
        &sentences,
        &figures,
        DataFile::list(dir, "projects.toml", "project", true)?,
    )?;
    let charts = charts(
        &groups,
        &figures,
        DataFile::list(dir, "charts.toml", "chart", false)?,
    )?;
    let lead = lead(&figures, &charts, groups_file.optional("lead")?)?;
    let tasks_file = DataFile::read(dir, "tasks.toml")?;
    tasks_file.only_keys(&["title", "task"])?;
    let tasks_title = b.text(
        "data/tasks.toml",
        "",
        "title",
        &tasks_file.single::<RawText>("title")?,
    )?;
    let tasks = b.tasks(&sentences, tasks_file.entries("task", true)?)?;
    Ok(Dataset {
        meta: b.meta(meta)?,
        sentences,
        groups,
        figures,
        derived,
        projects,
        charts,
        lead,
        tasks_title,
        tasks,
    })
}

/// The sentences, as the source has them (damage included), one line a paragraph, must be the
/// article's text to the byte (but for the file's final line break): every figure points to
/// words the article really has.
fn check_article(dir: &Path, file: &str, paragraphs: &[RawParagraph]) -> Result<(), DataError> {
    const FILE: &str = "data/article.toml";
    let text = std::fs::read_to_string(dir.join(file)).map_err(|e| {
        DataError::new(
            FILE,
            "[meta]",
            "article",
            format!("cannot read the article `{file}` (relative to the data folder): {e}"),
        )
    })?;
    let lines: Vec<&str> = text.trim_end().split('\n').collect();
    if lines.len() != paragraphs.len() {
        return Err(DataError::new(
            FILE,
            "",
            "paragraph",
            format!(
                "the article `{file}` has {} paragraphs (lines), the data {}",
                lines.len(),
                paragraphs.len()
            ),
        ));
    }
    for (line, p) in lines.iter().zip(paragraphs) {
        let joined: String = p.sentence.iter().map(|s| s.text.as_str()).collect();
        if joined != *line {
            let at = common_prefix(&joined, line);
            return Err(DataError::new(
                FILE,
                &format!("paragraph \"{}\"", p.id),
                "sentence",
                format!(
                    "its sentences differ from the article `{file}` after `{}`: the data has `{}`, the article `{}`",
                    &joined[..at],
                    joined[at..].chars().take(12).collect::<String>(),
                    line[at..].chars().take(12).collect::<String>(),
                ),
            ));
        }
    }
    Ok(())
}

/// One parsed data file, kept as a TOML table so that each entry is checked on its own.
struct DataFile {
    name: String,
    table: toml::Table,
}

impl DataFile {
    fn read(dir: &Path, name: &str) -> Result<Self, DataError> {
        let shown = format!("data/{name}");
        let text = std::fs::read_to_string(dir.join(name))
            .map_err(|e| DataError::new(&shown, "", "", format!("cannot read the file: {e}")))?;
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            DataError::new(&shown, "", "", format!("not valid TOML: {e}"))
        })?;
        Ok(DataFile { name: shown, table })
    }

    /// Fails on any top-level key but `allowed`.
    fn only_keys(&self, allowed: &[&str]) -> Result<(), DataError> {
        match self.table.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(DataError::new(
                &self.name,
                "",
                k,
                format!("unknown section `{k}`; valid: {}", quoted(allowed)),
            )),
            None => Ok(()),
        }
    }

    fn single<T: DeserializeOwned>(&self, key: &str) -> Result<T, DataError> {
        let value = self.table.get(key).ok_or_else(|| {
            DataError::new(&self.name, "", key, format!("missing section `[{key}]`"))
        })?;
        deserialize(value.clone(), &self.name, &format!("[{key}]"))
    }

    /// The value of the top-level `key`, if the file has it.
    fn optional<T: DeserializeOwned + Default>(&self, key: &str) -> Result<T, DataError> {
        match self.table.get(key) {
            Some(value) => deserialize(value.clone(), &self.name, ""),
            None => Ok(T::default()),
        }
    }

    /// The entries of the `[[key]]` array, each deserialized on its own.
    fn entries<T: DeserializeOwned>(&self, key: &str, required: bool) -> Result<Vec<T>, DataError> {
        let Some(value) = self.table.get(key) else {
            return if required {
                Err(DataError::new(
                    &self.name,
                    "",
                    key,
                    format!("no `[[{key}]]` entries"),
                ))
            } else {
                Ok(Vec::new())
            };
        };
        let array = value.as_array().ok_or_else(|| {
            DataError::new(
                &self.name,
                "",
                key,
                format!("`{key}` must be a list of `[[{key}]]` entries"),
            )
        })?;
        array
            .iter()
            .enumerate()
            .map(|(i, v)| deserialize(v.clone(), &self.name, &entry_name(key, i, v)))
            .collect()
    }

    /// The entries of a file that holds nothing but a `[[key]]` list.
    fn list<T: DeserializeOwned>(
        dir: &Path,
        name: &str,
        key: &str,
        required: bool,
    ) -> Result<Vec<T>, DataError> {
        let file = DataFile::read(dir, name)?;
        file.only_keys(&[key])?;
        file.entries(key, required)
    }
}

/// `figure "fixed-asset-investment"`, or `task #3` when the entry has no id.
fn entry_name(kind: &str, index: usize, value: &toml::Value) -> String {
    match value.get("id").and_then(|v| v.as_str()) {
        Some(id) => format!("{kind} \"{id}\""),
        None => format!("{kind} #{}", index + 1),
    }
}

fn deserialize<T: DeserializeOwned>(
    value: toml::Value,
    file: &str,
    entry: &str,
) -> Result<T, DataError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { String::new() } else { path };
        DataError::new(file, entry, &field, e.inner().to_string())
    })
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks the raw entries and turns them into the model.
struct Builder {
    to_hans: ToHans,
}

impl Builder {
    fn meta(&self, meta: RawMeta) -> Result<Meta, DataError> {
        const FILE: &str = "data/article.toml";
        Ok(Meta {
            title: self.text(FILE, "meta", "title", &meta.title)?,
            dek: self.text(FILE, "meta", "dek", &meta.dek)?,
            description: self.text(
                FILE,
                "meta",
                "description",
                meta.description.as_ref().unwrap_or(&meta.dek),
            )?,
            date: meta.date,
            byline: self.text(FILE, "meta", "byline", &meta.byline)?,
            authors: meta
                .authors
                .iter()
                .enumerate()
                .map(|(i, a)| self.text(FILE, "meta", &format!("authors[{i}]"), a))
                .collect::<Result<_, _>>()?,
            publisher: meta
                .publisher
                .as_ref()
                .map(|p| self.text(FILE, "meta", "publisher", p))
                .transpose()?,
            source: self.text(FILE, "meta", "source", &meta.source)?,
        })
    }

    /// A reader-facing text: both written languages must be there; Simplified is generated.
    fn text(&self, file: &str, entry: &str, field: &str, raw: &RawText) -> Result<Text, DataError> {
        for (lang, value) in [("zh_hant", &raw.zh_hant), ("en", &raw.en)] {
            if value.trim().is_empty() {
                return Err(DataError::new(
                    file,
                    entry,
                    &format!("{field}.{lang}"),
                    "missing translation: write the text in both `zh_hant` and `en`",
                ));
            }
        }
        Ok(Text {
            hans: self.to_hans.convert(&raw.zh_hant),
            hant: raw.zh_hant.clone(),
            en: raw.en.clone(),
        })
    }

    fn sentences(&self, paragraphs: &[RawParagraph]) -> Result<Vec<Sentence>, DataError> {
        const FILE: &str = "data/article.toml";
        let mut ids = Ids::new(FILE, "sentence");
        let mut paragraph_ids = Ids::new(FILE, "paragraph");
        let mut out = Vec::new();
        for (p, number) in paragraphs.iter().zip(1..) {
            paragraph_ids.insert(&p.id)?;
            for s in &p.sentence {
                let entry = format!("sentence \"{}\"", s.id);
                ids.insert(&s.id)?;
                if s.text.is_empty() {
                    return Err(DataError::new(
                        FILE,
                        &entry,
                        "text",
                        "the sentence has no text",
                    ));
                }
                if s.en.trim().is_empty() {
                    return Err(DataError::new(
                        FILE,
                        &entry,
                        "en",
                        "missing translation: write the English rendering",
                    ));
                }
                out.push(Sentence {
                    id: s.id.clone(),
                    original: s.text.clone(),
                    reading: self.reading(s, &entry)?,
                    en: s.en.clone(),
                    paragraph: number,
                });
            }
        }
        Ok(out)
    }

    /// Splits a sentence into pieces, marking the spans its restorations replace.
    fn reading(&self, s: &RawSentence, entry: &str) -> Result<Vec<Piece>, DataError> {
        const FILE: &str = "data/article.toml";
        let mut spans = Vec::new();
        for (i, r) in s.restore.iter().enumerate() {
            let field = format!("restore[{i}].find");
            let count = s.text.matches(r.find.as_str()).count();
            if r.find.is_empty() || count != 1 {
                return Err(DataError::new(
                    FILE,
                    entry,
                    &field,
                    format!("`{}` occurs {count} times in the sentence's text; it must occur exactly once (add context around it)", r.find),
                ));
            }
            let start = s.text.find(r.find.as_str()).unwrap_or_default();
            // Keep only the characters that differ, so that just those are marked as restored.
            let prefix = common_prefix(&r.find, &r.replace);
            let suffix = common_prefix_rev(&r.find[prefix..], &r.replace[prefix..]);
            let restored = &r.replace[prefix..r.replace.len() - suffix];
            let why = self.text(FILE, entry, &format!("restore[{i}].why"), &r.why)?;
            spans.push((
                start + prefix,
                start + r.find.len() - suffix,
                restored.to_string(),
                why,
            ));
        }
        spans.sort_by_key(|span| span.0);
        let mut pieces = Vec::new();
        let mut at = 0;
        for (start, end, restored, why) in spans {
            if start < at {
                return Err(DataError::new(
                    FILE,
                    entry,
                    "restore",
                    "two restorations overlap",
                ));
            }
            self.push_plain(&mut pieces, &s.text[at..start]);
            pieces.push(Piece {
                hans: self.to_hans.convert(&restored),
                hant: restored,
                restored: Some(Restoration { why }),
            });
            at = end;
        }
        self.push_plain(&mut pieces, &s.text[at..]);
        Ok(pieces)
    }

    fn push_plain(&self, pieces: &mut Vec<Piece>, text: &str) {
        if !text.is_empty() {
            pieces.push(Piece {
                hant: text.to_string(),
                hans: self.to_hans.convert(text),
                restored: None,
            });
        }
    }

    /// The sentence `id` names; an error unless there is one.
    fn sentence<'s>(
        sentences: &'s [Sentence],
        file: &str,
        entry: &str,
        field: &str,
        id: &str,
    ) -> Result<&'s Sentence, DataError> {
        sentences.iter().find(|s| s.id == id).ok_or_else(|| {
            DataError::new(
                file,
                entry,
                field,
                format!(
                    "no sentence has the id `{id}`; sentence ids are listed in data/article.toml"
                ),
            )
        })
    }

    /// The groups; `ends` are the sentences that end a chapter's items.
    fn groups(
        &self,
        sentences: &[Sentence],
        ends: &HashSet<&str>,
        raw: Vec<RawGroup>,
    ) -> Result<Vec<Group>, DataError> {
        const FILE: &str = "data/groups.toml";
        let mut ids = Ids::new(FILE, "group");
        raw.into_iter()
            .map(|g| {
                let entry = format!("group \"{}\"", g.id);
                ids.insert(&g.id)?;
                let mut items = Vec::new();
                if let Some(h) = &g.heading {
                    Self::sentence(sentences, FILE, &entry, "heading", h)?;
                    // Its items: the sentences after the heading, up to the next heading.
                    items = sentences
                        .iter()
                        .skip_while(|s| &s.id != h)
                        .skip(1)
                        .take_while(|s| !ends.contains(s.id.as_str()))
                        .map(|s| s.id.clone())
                        .collect();
                }
                for (i, id) in g.highlights.iter().enumerate() {
                    Self::sentence(sentences, FILE, &entry, &format!("highlights[{i}]"), id)?;
                }
                if let Some(icon) = &g.icon {
                    if icon.is_empty()
                        || !icon.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        return Err(DataError::new(FILE, &entry, "icon", "an icon is the name of a Lucide icon (lower-case letters, digits and `-`, as on https://lucide.dev/icons)"));
                    }
                }
                let context = match &g.context {
                    Some(c) => {
                        let text = self.text(FILE, &entry, "context", c)?;
                        if let Some(lang) = Lang::ALL.iter().find(|&&l| text.get(l).chars().any(|c| c.is_ascii_digit())) {
                            return Err(DataError::new(FILE, &entry, "context", format!("the context ({}) has a number in it: each figure is shown once, as a figure", lang.tag())));
                        }
                        Some(text)
                    }
                    None => None,
                };
                Ok(Group {
                    title: self.text(FILE, &entry, "title", &g.title)?,
                    context,
                    icon: g.icon,
                    id: g.id,
                    highlights: g.highlights,
                    items,
                })
            })
            .collect()
    }

    /// An error unless `id` names one of `groups`.
    fn group(groups: &[Group], file: &str, entry: &str, id: &str) -> Result<(), DataError> {
        if groups.iter().any(|g| g.id == id) {
            return Ok(());
        }
        let valid: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
        Err(DataError::new(
            file,
            entry,
            "group",
            format!("unknown group `{id}`; valid: {}", quoted(&valid)),
        ))
    }

    fn figures(
        &self,
        sentences: &[Sentence],
        groups: &[Group],
        raw: Vec<RawFigure>,
    ) -> Result<Vec<Figure>, DataError> {
        const FILE: &str = "data/figures.toml";
        let mut ids = Ids::new(FILE, "figure");
        raw.into_iter()
            .map(|f| {
                let entry = format!("figure \"{}\"", f.id);
                ids.insert(&f.id)?;
                Self::group(groups, FILE, &entry, &f.group)?;
                let source = Self::sentence(sentences, FILE, &entry, "source", &f.source)?;
                for (i, id) in f.also.iter().enumerate() {
                    Self::sentence(sentences, FILE, &entry, &format!("also[{i}]"), id)?;
                }
                numbers::check_quote(
                    &source.restored(Lang::Hant),
                    &f.quote,
                    f.value,
                    f.unit,
                    f.qualifier,
                )
                .map_err(|m| DataError::new(FILE, &entry, "quote", m))?;
                let period = match &f.period {
                    RawPeriod::Plain(p) => Text {
                        hant: p.clone(),
                        hans: p.clone(),
                        en: p.clone(),
                    },
                    RawPeriod::Words(w) => self.text(FILE, &entry, "period", w)?,
                };
                Ok(Figure {
                    label: self.text(FILE, &entry, "label", &f.label)?,
                    note: f
                        .note
                        .as_ref()
                        .map(|n| self.text(FILE, &entry, "note", n))
                        .transpose()?,
                    id: f.id,
                    group: f.group,
                    value: f.value,
                    unit: f.unit,
                    qualifier: f.qualifier,
                    period,
                    source: f.source,
                    quote: f.quote,
                    also: f.also,
                })
            })
            .collect()
    }

    fn derived(
        &self,
        groups: &[Group],
        figures: &[Figure],
        raw: Vec<RawDerived>,
    ) -> Result<Vec<Derived>, DataError> {
        const FILE: &str = "data/derived.toml";
        let mut ids = Ids::new(FILE, "derived figure");
        for f in figures {
            ids.seen.insert(f.id.clone());
        }
        raw.into_iter()
            .map(|d| {
                let entry = format!("derived \"{}\"", d.id);
                ids.insert(&d.id)?;
                Self::group(groups, FILE, &entry, &d.group)?;
                let inputs: Vec<&Figure> = d
                    .inputs
                    .iter()
                    .enumerate()
                    .map(|(i, id)| {
                        figures.iter().find(|f| f.id == *id).ok_or_else(|| {
                            DataError::new(FILE, &entry, &format!("inputs[{i}]"), format!("no figure has the id `{id}`; inputs are ids from data/figures.toml"))
                        })
                    })
                    .collect::<Result<_, _>>()?;
                let [a, b] = inputs[..] else {
                    return Err(DataError::new(FILE, &entry, "inputs", "give exactly two inputs: [a, b]"));
                };
                let computed = d.op.apply(a.value, b.value);
                let scale = 10f64.powi(i32::from(d.decimals));
                if ((computed * scale).round() - d.value * scale).abs() > 1e-6 {
                    let places = usize::from(d.decimals);
                    return Err(DataError::new(
                        FILE,
                        &entry,
                        "value",
                        format!("the inputs give {computed:.4}, which rounds to {computed:.places$}, not {}", d.value),
                    ));
                }
                let exact = (computed - d.value).abs() < 1e-9 && a.qualifier == Qualifier::Exact && b.qualifier == Qualifier::Exact;
                Ok(Derived {
                    label: self.text(FILE, &entry, "label", &d.label)?,
                    how: self.text(FILE, &entry, "how", &d.how)?,
                    qualifier: if exact { Qualifier::Exact } else { Qualifier::About },
                    id: d.id,
                    group: d.group,
                    inputs: d.inputs,
                    value: d.value,
                    unit: d.unit,
                })
            })
            .collect()
    }

    fn projects(
        &self,
        sentences: &[Sentence],
        figures: &[Figure],
        raw: Vec<RawProject>,
    ) -> Result<Vec<Project>, DataError> {
        const FILE: &str = "data/projects.toml";
        let mut ids = Ids::new(FILE, "project");
        raw.into_iter()
            .map(|p| {
                let entry = format!("project \"{}\"", p.id);
                ids.insert(&p.id)?;
                let name = self.text(FILE, &entry, "name", &p.name)?;
                if p.milestone.is_empty() {
                    return Err(DataError::new(FILE, &entry, "milestone", "a project needs at least one `[[project.milestone]]`"));
                }
                for (i, id) in p.figures.iter().enumerate() {
                    if !figures.iter().any(|f| f.id == *id) {
                        return Err(DataError::new(FILE, &entry, &format!("figures[{i}]"), format!("no figure has the id `{id}`")));
                    }
                }
                let milestones = p
                    .milestone
                    .into_iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let sources = std::iter::once((format!("milestone[{i}].source"), &m.source))
                            .chain(m.also.iter().enumerate().map(|(j, id)| (format!("milestone[{i}].also[{j}]"), id)));
                        for (field, id) in sources {
                            let s = Self::sentence(sentences, FILE, &entry, &field, id)?;
                            if !s.restored(Lang::Hant).contains(&name.hant) {
                                return Err(DataError::new(
                                    FILE,
                                    &entry,
                                    &field,
                                    format!("sentence `{id}` does not name `{}`; the name must be written as in the sentence", name.hant),
                                ));
                            }
                        }
                        Ok(Milestone { kind: m.kind, source: m.source, also: m.also })
                    })
                    .collect::<Result<_, DataError>>()?;
                Ok(Project { id: p.id, name, sector: p.sector, figures: p.figures, milestones })
            })
            .collect()
    }

    fn tasks(&self, sentences: &[Sentence], raw: Vec<RawTask>) -> Result<Vec<Task>, DataError> {
        const FILE: &str = "data/tasks.toml";
        raw.into_iter()
            .enumerate()
            .map(|(i, t)| {
                let entry = format!("task #{}", i + 1);
                if usize::from(t.number) != i + 1 {
                    return Err(DataError::new(
                        FILE,
                        &entry,
                        "number",
                        format!("tasks are numbered 1, 2, 3 … in order; expected {}", i + 1),
                    ));
                }
                let source = Self::sentence(sentences, FILE, &entry, "source", &t.source)?;
                if !source.restored(Lang::Hant).contains(&t.text.zh_hant) {
                    return Err(DataError::new(
                        FILE,
                        &entry,
                        "text.zh_hant",
                        format!("the text does not occur in sentence `{}`", t.source),
                    ));
                }
                Ok(Task {
                    text: self.text(FILE, &entry, "text", &t.text)?,
                    source: t.source,
                })
            })
            .collect()
    }
}

/// The charts: each bar a figure of the chart's group, all in one unit, each figure on one
/// chart at most, and a bar leads to a milestone kind or a sector, not both.
fn charts(
    groups: &[Group],
    figures: &[Figure],
    raw: Vec<RawChart>,
) -> Result<Vec<BarChart>, DataError> {
    const FILE: &str = "data/charts.toml";
    let mut ids = Ids::new(FILE, "chart");
    let mut charted: HashSet<String> = HashSet::new();
    raw.into_iter()
        .map(|c| {
            let entry = format!("chart \"{}\"", c.id);
            ids.insert(&c.id)?;
            Builder::group(groups, FILE, &entry, &c.group)?;
            if c.bar.len() < 2 {
                return Err(DataError::new(FILE, &entry, "bar", "a chart compares: give it at least two `[[chart.bar]]`"));
            }
            let mut unit = None;
            let bars = c
                .bar
                .into_iter()
                .enumerate()
                .map(|(i, b)| {
                    let field = format!("bar[{i}].figure");
                    let f = figures.iter().find(|f| f.id == b.figure).ok_or_else(|| {
                        DataError::new(FILE, &entry, &field, format!("no figure has the id `{}`; bars show figures of data/figures.toml", b.figure))
                    })?;
                    if f.group != c.group {
                        return Err(DataError::new(FILE, &entry, &field, format!("figure `{}` is in group `{}`, not in the chart's group `{}`", f.id, f.group, c.group)));
                    }
                    let first = *unit.get_or_insert(f.unit);
                    if !f.unit.comparable(first) {
                        return Err(DataError::new(FILE, &entry, &field, format!("figure `{}` is in {}, the chart's first bar in {}: a chart compares figures of one unit (家 and 個 may mix)", f.id, f.unit.name(), first.name())));
                    }
                    if !charted.insert(f.id.clone()) {
                        return Err(DataError::new(FILE, &entry, &field, format!("figure `{}` is already on another chart: each figure is shown once", f.id)));
                    }
                    let link = match (b.kind, b.sector) {
                        (Some(k), None) => Some(Link::Kind(k)),
                        (None, Some(s)) => Some(Link::Sector(s)),
                        (None, None) => None,
                        (Some(_), Some(_)) => {
                            return Err(DataError::new(FILE, &entry, &format!("bar[{i}]"), "a bar leads to a `kind` or a `sector`, not both"));
                        }
                    };
                    Ok(Bar { figure: b.figure, link })
                })
                .collect::<Result<_, _>>()?;
            Ok(BarChart { id: c.id, group: c.group, bars })
        })
        .collect()
}

/// The sentences that end a chapter's items: headings and the byline.
fn chapter_ends(paragraphs: &[RawParagraph]) -> HashSet<&str> {
    paragraphs
        .iter()
        .flat_map(|p| &p.sentence)
        .filter(|s| matches!(s.kind, SentenceKind::Heading | SentenceKind::Byline))
        .map(|s| s.id.as_str())
        .collect()
}

/// The figures the page leads with (`lead` in groups.toml): stated figures, each once, on no
/// chart (the page shows each figure once).
fn lead(
    figures: &[Figure],
    charts: &[BarChart],
    raw: Vec<String>,
) -> Result<Vec<String>, DataError> {
    const FILE: &str = "data/groups.toml";
    let mut ids = HashSet::new();
    for (i, id) in raw.iter().enumerate() {
        let field = format!("lead[{i}]");
        if !figures.iter().any(|f| &f.id == id) {
            return Err(DataError::new(
                FILE,
                "lead",
                &field,
                format!("no figure has the id `{id}`; the lead shows figures of data/figures.toml"),
            ));
        }
        if !ids.insert(id) {
            return Err(DataError::new(
                FILE,
                "lead",
                &field,
                format!("figure `{id}` is in the lead twice"),
            ));
        }
        if let Some(c) = charts
            .iter()
            .find(|c| c.bars.iter().any(|b| &b.figure == id))
        {
            return Err(DataError::new(FILE, "lead", &field, format!("figure `{id}` is also on chart `{}` (data/charts.toml): each figure is shown once", c.id)));
        }
    }
    Ok(raw)
}

/// Ids seen so far in one namespace, to catch duplicates.
struct Ids {
    file: &'static str,
    kind: &'static str,
    seen: HashSet<String>,
}

impl Ids {
    fn new(file: &'static str, kind: &'static str) -> Self {
        Ids {
            file,
            kind,
            seen: HashSet::new(),
        }
    }

    fn insert(&mut self, id: &str) -> Result<(), DataError> {
        let entry = format!("{} \"{id}\"", self.kind);
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(DataError::new(
                self.file,
                &entry,
                "id",
                "ids are made of ASCII letters, digits and `-`",
            ));
        }
        if !self.seen.insert(id.to_string()) {
            return Err(DataError::new(
                self.file,
                &entry,
                "id",
                format!("duplicate id `{id}`: every id must be unique"),
            ));
        }
        Ok(())
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or_else(|| a.len().min(b.len()), |((i, _), _)| i)
}

fn common_prefix_rev(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}
