//! What a click on the page does, carried by the page itself: a figure, highlight, task or card
//! names the source it opens (`data-source`), a chart bar or a link button the projects it
//! leads to (`data-link`). The build writes the attributes; the live app reads them with one
//! click listener (`clicks`), so the sections that never change need no code in the
//! WebAssembly.

use crate::model::Link;
use crate::names::Named;

/// What the source panel shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceRef {
    Figure(String),
    Derived(String),
    Project(String),
    /// A key task, by its place in the list.
    Task(usize),
    /// A sentence of the article, by its id.
    Sentence(String),
}

impl SourceRef {
    /// The value of `data-source` for it.
    pub fn attr(&self) -> String {
        match self {
            SourceRef::Figure(id) => format!("figure:{id}"),
            SourceRef::Derived(id) => format!("derived:{id}"),
            SourceRef::Project(id) => format!("project:{id}"),
            SourceRef::Task(i) => format!("task:{i}"),
            SourceRef::Sentence(id) => format!("sentence:{id}"),
        }
    }

    /// The source a `data-source` value names.
    #[cfg(any(feature = "hydrate", test))]
    pub fn from_attr(value: &str) -> Option<SourceRef> {
        let (kind, id) = value.split_once(':')?;
        let id = id.to_string();
        match kind {
            "figure" => Some(SourceRef::Figure(id)),
            "derived" => Some(SourceRef::Derived(id)),
            "project" => Some(SourceRef::Project(id)),
            "task" => id.parse().ok().map(SourceRef::Task),
            "sentence" => Some(SourceRef::Sentence(id)),
            _ => None,
        }
    }
}

/// The value of `data-link` for `link` (for the page and the charts the build draws).
#[cfg(not(target_arch = "wasm32"))]
pub fn link_attr(link: Link) -> String {
    match link {
        Link::Kind(k) => format!("kind:{}", k.name()),
        Link::Sector(s) => format!("sector:{}", s.name()),
    }
}

/// The link a `data-link` value names.
#[cfg(any(feature = "hydrate", test))]
pub fn link_from_attr(value: &str) -> Option<Link> {
    use crate::model::{MilestoneKind, Sector};
    match value.split_once(':')? {
        ("kind", name) => MilestoneKind::from_name(name).map(Link::Kind),
        ("sector", name) => Sector::from_name(name).map(Link::Sector),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MilestoneKind, Sector};

    #[test]
    fn sources_and_links_read_back_what_they_write() {
        for source in [
            SourceRef::Figure("g1-1".into()),
            SourceRef::Derived("d-2".into()),
            SourceRef::Project("p:3".into()),
            SourceRef::Task(4),
            SourceRef::Sentence("s5".into()),
        ] {
            assert_eq!(SourceRef::from_attr(&source.attr()), Some(source));
        }
        for &k in MilestoneKind::ALL {
            assert_eq!(
                link_from_attr(&link_attr(Link::Kind(k))),
                Some(Link::Kind(k))
            );
        }
        for &s in Sector::ALL {
            assert_eq!(
                link_from_attr(&link_attr(Link::Sector(s))),
                Some(Link::Sector(s))
            );
        }
        for nonsense in ["", "figure", "task:x", "kind:nope", "colour:red", "sector:"] {
            assert_eq!(SourceRef::from_attr(nonsense), None);
            assert_eq!(link_from_attr(nonsense), None);
        }
    }
}
