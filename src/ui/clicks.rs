//! The live app's one click listener for the whole page: it opens the source a clicked element
//! names, follows the link it carries (see `actions`), and brings a chapter's project to its
//! card.

use super::actions::{link_from_attr, SourceRef};
use super::card_id;
use super::state::AppState;
use crate::charts::{bar_at, link_label};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::{Bar, Link};
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

/// Opens sources and follows links for every click in `page`. A click on a chart picture is
/// mapped to its bar by the bar's band: it shows the bar's projects, or else its source.
pub fn listen(page: &web_sys::Element, state: AppState) {
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        move |ev: web_sys::MouseEvent| {
            let Some(target) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let attr = |css: &str, name: &str| {
                target
                    .closest(css)
                    .ok()
                    .flatten()
                    .and_then(|e| e.get_attribute(name))
            };
            if let Some(project) = attr("a[data-project-link]", "data-project-link") {
                ev.prevent_default();
                show_card(state, &project);
            } else if let Some(source) = attr("[data-source]", "data-source") {
                if let Some(source) = SourceRef::from_attr(&source) {
                    state.source.set(Some(source));
                }
            } else if let Some(link) = attr("[data-link]", "data-link") {
                if let Some(link) = link_from_attr(&link) {
                    follow(state, link);
                }
            } else if let Some(bar) = bar_under(&target, &ev) {
                match bar.link {
                    Some(link) => follow(state, link),
                    None => state
                        .source
                        .set(Some(SourceRef::Figure(bar.figure.clone()))),
                }
            }
        },
    );
    let _ = page.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// The bar under a click on a chart picture (`img#chart-<id>`).
fn bar_under(target: &web_sys::Element, ev: &web_sys::MouseEvent) -> Option<&'static Bar> {
    if !target.matches("img.chart-picture").unwrap_or(false) {
        return None;
    }
    let id = target.id();
    let spec = dataset()
        .charts
        .iter()
        .find(|c| id.strip_prefix("chart-") == Some(c.id.as_str()))?;
    let rect = target.get_bounding_client_rect();
    // Where the picture is drawn in its box: an SVG keeps its proportions, centred, should the
    // box have other ones.
    let img = target.dyn_ref::<web_sys::HtmlImageElement>()?;
    let (w, h) = (
        f64::from(img.natural_width()),
        f64::from(img.natural_height()),
    );
    let drawn = if w > 0.0 && h > 0.0 {
        rect.height().min(rect.width() * h / w)
    } else {
        rect.height()
    };
    let top = rect.top() + (rect.height() - drawn) / 2.0;
    let fraction = (f64::from(ev.client_y()) - top) / drawn;
    spec.bars.get(bar_at(spec, fraction)?)
}
