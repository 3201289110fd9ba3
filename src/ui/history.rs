//! Keeping the state in step with the URL: the URL's state applied at start, each change
//! written back (a step in the history, or a replacement while typing), Back and Forward
//! followed.

use super::state::AppState;
use crate::query::url::{self, UrlState};
use crate::query::Filter;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

impl AppState {
    /// Applies what the URL asks for: the filter and the embed mode. (Its `lang` has already
    /// been followed: the script in `<head>` leads to the page of that language.)
    pub fn apply_url(self) {
        let parsed = url::parse(&location_search());
        self.filter.set(parsed.filter);
        self.embed.set(parsed.embed);
    }

    fn url_state(&self) -> UrlState {
        UrlState {
            filter: self.filter.get_untracked(),
            lang: Some(self.lang),
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
                lang: Some(self.lang),
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
                    lang: Some(self.lang),
                    ..parsed.clone()
                });
                self.filter.set(parsed.filter);
            },
        );
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
