//! The user interface. The build renders the whole page once per language (`page`, for
//! `bake`); in the browser the app adopts that page as it is and makes it live (`start`).
//!
//! Only what a reader can change is a Leptos component in the WebAssembly, hydrated where it
//! stands: the cards (`cards`), the source panel (`source`) and the embed code (`embed_code`).
//! Everything else stays the HTML that arrived: one click listener (`clicks`) follows the
//! actions it carries (`actions`), the charts' bars answer the pointer, the keyboard and the
//! cards (`bars`), and the language links take the view along (`switch`). `state` holds the
//! shared signals, `history` their link to the URL.

pub(crate) mod actions;
#[cfg(feature = "hydrate")]
mod bars;
mod cards;
#[cfg(feature = "hydrate")]
mod clicks;
#[cfg(feature = "hydrate")]
mod early;
#[cfg(feature = "hydrate")]
mod embed;
pub(crate) mod embed_code;
#[cfg(feature = "hydrate")]
mod history;
mod icons;
#[cfg(feature = "hydrate")]
mod live;
#[cfg(feature = "ssr")]
mod page;
#[cfg(feature = "hydrate")]
mod panic;
mod source;
mod state;
#[cfg(feature = "hydrate")]
mod switch;

pub use icons::{icon_id, used as used_icons};
#[cfg(feature = "hydrate")]
pub use live::start;
#[cfg(feature = "ssr")]
pub use page::render_to_html;

/// The ids of the elements the live app hydrates (their contents are its components), and of
/// the polite live region it speaks through.
const CARDS: &str = "projects";
const SOURCE_PANEL: &str = "source-panel";
const EMBED_CODE: &str = "embed-code";
const ANNOUNCEMENT: &str = "announcement";

/// The element id of a chapter's section (`group`: its id in data/groups.toml).
pub fn section_id(group: &str) -> String {
    format!("section-{group}")
}

/// The element id of a project's card.
pub fn card_id(project: &str) -> String {
    format!("project-{project}")
}
