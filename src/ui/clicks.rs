//! The live app's one click listener for the whole page: it opens the source a clicked element
//! names, follows the link it carries (see `actions`), and brings a chapter's project to its
//! card.

use super::actions::{link_from_attr, SourceRef};
use super::card_id;
use super::state::AppState;
use crate::charts::link_label;
use crate::i18n::strings;
use crate::model::Link;
use crate::query::Filter;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The cards' filter cleared, but for the reader's sort.
fn cleared(state: AppState) -> Filter {
    Filter {
        sort: state.filter.get_untracked().sort,
        ..Filter::default()
    }
}

/// Filters the cards to the projects `link` stands for, scrolls to them and says so.
pub fn follow(state: AppState, link: Link) {
    let mut filter = cleared(state);
    match link {
        Link::Kind(k) => filter.toggle_kind(k),
        Link::Sector(s) => filter.toggle_sector(s),
    }
    state.filter.set(filter);
    let lang = state.lang;
    state.announcement.set(format!(
        "{} · {}",
        strings(lang).projects_title,
        link_label(link, lang)
    ));
    if let Some(cards) = document().get_element_by_id("projects") {
        cards.scroll_into_view();
    }
}

/// Brings a project's card into view and focus (a chapter's link to it); when the cards'
/// filter hides it, the filter is cleared first.
fn show_card(state: AppState, project: &str) {
    let id = card_id(project);
    if document().get_element_by_id(&id).is_none() {
        state.filter.set(cleared(state));
    }
    // After the cards are drawn anew (effects run after this task).
    request_animation_frame(move || {
        if let Some(card) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = card.focus();
        }
    });
}

/// Opens sources and follows links for every click in `page`.
pub fn listen(page: &web_sys::Element, state: AppState) {
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        move |ev: web_sys::MouseEvent| {
            let Some(target) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            if activate(state, &target) == Some(Action::ProjectLink) {
                ev.prevent_default();
            }
        },
    );
    let _ = page.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// What activating an element did.
#[derive(PartialEq)]
pub enum Action {
    /// Brought a chapter's project to its card (a link the page need not follow).
    ProjectLink,
    Source,
    Link,
}

/// Does what activating `target` (or the element it is in) does, a click or the keyboard on a
/// chart's bar: the project link, source or projects it carries.
pub fn activate(state: AppState, target: &web_sys::Element) -> Option<Action> {
    let attr = |css: &str, name: &str| {
        target
            .closest(css)
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute(name))
    };
    if let Some(project) = attr("a[data-project-link]", "data-project-link") {
        show_card(state, &project);
        Some(Action::ProjectLink)
    } else if let Some(source) = attr("[data-source]", "data-source") {
        state.source.set(Some(SourceRef::from_attr(&source)?));
        Some(Action::Source)
    } else if let Some(link) = attr("[data-link]", "data-link") {
        follow(state, link_from_attr(&link)?);
        Some(Action::Link)
    } else {
        None
    }
}
