//! The app's shared state: language, card filter, embed mode, open source panel,
//! announcements (kept in step with the URL by `history`).

use super::actions::SourceRef;
use crate::model::Lang;
use crate::query::Filter;
use leptos::prelude::*;

/// Signals shared by every component (given through Leptos context).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The page's language: each language has its own page.
    pub lang: Lang,
    pub filter: RwSignal<Filter>,
    /// Shown inside another page (the URL's `embed`); only the live app knows.
    #[cfg(feature = "hydrate")]
    pub embed: RwSignal<bool>,
    pub source: RwSignal<Option<SourceRef>>,
    /// Text for the polite live region: what just changed, for screen readers.
    #[cfg(feature = "hydrate")]
    pub announcement: RwSignal<String>,
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

impl Default for AppState {
    /// What a reader sees with no URL parameters and no browser preference: Traditional Chinese,
    /// no filter. The HTML rendered at build time shows this state.
    fn default() -> AppState {
        AppState {
            lang: Lang::default(),
            filter: RwSignal::new(Filter::default()),
            #[cfg(feature = "hydrate")]
            embed: RwSignal::new(false),
            source: RwSignal::new(None),
            #[cfg(feature = "hydrate")]
            announcement: RwSignal::new(String::new()),
        }
    }
}

impl AppState {
    /// The state of the page as it arrived: in `lang`, the page's language, and as the build
    /// rendered it (no filter). The live app adopts the page in this state, then applies the
    /// URL's (`apply_url`).
    pub fn rendered(lang: Lang) -> AppState {
        AppState {
            lang,
            ..AppState::default()
        }
    }
}
