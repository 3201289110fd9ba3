//! The language switch: real links to the other language pages (rendered at build time by
//! `page::header`), which the live app keeps pointing at the current view — the filter, the
//! search, the sort, and, when followed, the section in view.

use super::state::AppState;
use crate::model::Lang;
use crate::query::url::{switch_href, UrlState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps each language link of `page` leading to the current view in its language.
pub fn carry_the_view(page: &web_sys::Element, state: AppState) {
    let edition = document()
        .document_element()
        .is_some_and(|html| html.has_attribute("data-edition"));
    let links: Vec<(Lang, web_sys::Element)> = page
        .query_selector_all(".lang-switch a[data-lang]")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                .filter_map(|a| Some((Lang::from_tag(&a.get_attribute("data-lang")?)?, a)))
                .collect()
        })
        .unwrap_or_default();
    let view = move || UrlState {
        filter: state.filter.get(),
        lang: None,
        embed: state.embed.get(),
    };
    let view_now = move || UrlState {
        filter: state.filter.get_untracked(),
        lang: None,
        embed: state.embed.get_untracked(),
    };
    for (lang, link) in links {
        let at = link.clone();
        Effect::new(move |_| {
            let _ = at.set_attribute("href", &switch_href(lang, &view(), None, edition));
        });
        // Followed, the link also names the section in view, so the reader stays in place.
        let at = link.clone();
        let on_click = Closure::<dyn Fn()>::new(move || {
            let href = switch_href(lang, &view_now(), section_in_view().as_deref(), edition);
            let _ = at.set_attribute("href", &href);
        });
        let _ = link.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
    }
}

/// The id of the section under the top of the viewport, if the reader has scrolled into one.
fn section_in_view() -> Option<String> {
    let sections = document().query_selector_all("#app section[id]").ok()?;
    (0..sections.length())
        .filter_map(|i| sections.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|s| {
            let rect = s.get_bounding_client_rect();
            // A section that starts at the top (to the pixel, as a link to it leaves it) counts.
            rect.top() < 1.0 && rect.bottom() > 1.0
        })
        .map(|s| s.id())
}
