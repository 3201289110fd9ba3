//! The app's shared state (language, card filter, open source panel, announcements), and
//! keeping it in step with the URL.

use crate::model::Lang;
use crate::query::url::{self, UrlState};
use crate::query::Filter;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// Signals shared by every component (given through Leptos context).
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub filter: RwSignal<Filter>,
    pub embed: RwSignal<bool>,
    pub source: RwSignal<Option<SourceRef>>,
    /// Text for the polite live region: what just changed, for screen readers.
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
            lang: RwSignal::new(Lang::default()),
            filter: RwSignal::new(Filter::default()),
            embed: RwSignal::new(false),
            source: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
        }
    }
}

impl AppState {
    /// State from the URL. With no `lang` there, a hosted page keeps its own language (its
    /// script in `<head>` has already sent the reader to the page of their language), and the
    /// one-file edition takes the browser's.
    pub fn from_location() -> AppState {
        let parsed = url::parse(&location_search());
        let lang = parsed
            .lang
            .or_else(hosted_page_lang)
            .unwrap_or_else(preferred_lang);
        let state = AppState::default();
        state.lang.set(lang);
        state.filter.set(parsed.filter);
        state.embed.set(parsed.embed);
        state
    }

    fn url_state(&self) -> UrlState {
        UrlState {
            filter: self.filter.get_untracked(),
            lang: Some(self.lang.get_untracked()),
            embed: self.embed.get_untracked(),
        }
    }

    /// Writes state changes to the URL, and follows back/forward.
    pub fn connect(self) {
        // A change of facets, sort or language is a step in the history; typing in the search
        // field only replaces the current entry, so Back does not replay every keystroke.
        let last = StoredValue::new(self.url_state());
        Effect::new(move |_| {
            let now = UrlState {
                filter: self.filter.get(),
                lang: Some(self.lang.get()),
                embed: self.embed.get(),
            };
            let before = last.get_value();
            if now == before {
                return;
            }
            let only_text = Filter {
                text: before.filter.text.clone(),
                ..now.filter.clone()
            } == before.filter
                && now.lang == before.lang;
            write_url(&url::to_query(&now), !only_text);
            last.set_value(now);
        });
        listen(
            &web_sys::window().expect("a window"),
            "popstate",
            move || {
                let parsed = url::parse(&location_search());
                last.set_value(UrlState {
                    lang: parsed.lang.or(Some(self.lang.get_untracked())),
                    ..parsed.clone()
                });
                self.filter.set(parsed.filter);
                if let Some(lang) = parsed.lang {
                    self.lang.set(lang);
                }
            },
        );
    }

    /// Keeps the document's language and title in step with the reader's language: set at once,
    /// then on every change.
    pub fn follow_language(self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(html) = document.document_element() else {
            return;
        };
        let title = &crate::embedded::dataset().meta.title;
        let show = move |lang: Lang| {
            // A change of `lang` restyles every element of the page: only when it differs.
            if html.get_attribute("lang").as_deref() != Some(lang.tag()) {
                let _ = html.set_attribute("lang", lang.tag());
            }
            document.set_title(title.get(lang));
        };
        show(self.lang.get_untracked());
        Effect::new(move |_| show(self.lang.get()));
    }
}

/// Calls `f` on every `event` of `target`, for the life of the page.
fn listen(target: &web_sys::EventTarget, event: &str, f: impl Fn() + 'static) {
    let closure = Closure::<dyn Fn()>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

fn write_url(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    let target = format!("{path}{query}{hash}");
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&target))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&target))
    };
}

/// The language of the page, unless it is the one-file edition (which has all three).
fn hosted_page_lang() -> Option<Lang> {
    let html = web_sys::window()?.document()?.document_element()?;
    if html.has_attribute("data-edition") {
        return None;
    }
    Lang::from_tag(&html.get_attribute("lang")?)
}

/// The reader's language from the browser's list: Chinese by region or script, English for
/// other languages; Traditional if nothing decides.
fn preferred_lang() -> Lang {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::Hant;
    };
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Lang::for_browser(&tags)
}
