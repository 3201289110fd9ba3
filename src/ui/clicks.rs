//! The live app's one click listener for the whole page: it opens the source a clicked element
//! names and follows the link it carries (see `actions`).

use super::actions::{link_from_attr, SourceRef};
use super::state::AppState;
use crate::charts::{bar_at, link_label};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::Link;
use crate::query::Filter;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Filters the cards to the projects `link` stands for, scrolls to them and says so.
pub fn follow(state: AppState, link: Link) {
    let sort = state.filter.get_untracked().sort;
    let mut filter = Filter {
        sort,
        ..Filter::default()
    };
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

/// Opens sources and follows links for every click in `page`. A click on a chart picture that
/// leads to projects is mapped to its bar by the bar's band.
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
            if let Some(source) = attr("[data-source]", "data-source") {
                if let Some(source) = SourceRef::from_attr(&source) {
                    state.source.set(Some(source));
                }
            } else if let Some(link) = attr("[data-link]", "data-link") {
                if let Some(link) = link_from_attr(&link) {
                    follow(state, link);
                }
            } else if let Some(link) = bar_link(&target, &ev) {
                follow(state, link);
            }
        },
    );
    let _ = page.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// The projects the bar under a click on a chart picture (`img#chart-<id>.linked`) lead to.
fn bar_link(target: &web_sys::Element, ev: &web_sys::MouseEvent) -> Option<Link> {
    if !target.matches("img.chart-picture.linked").unwrap_or(false) {
        return None;
    }
    let id = target.id();
    let spec = dataset()
        .charts
        .iter()
        .find(|c| id.strip_prefix("chart-") == Some(c.id.as_str()))?;
    let rect = target.get_bounding_client_rect();
    let fraction = (f64::from(ev.client_y()) - rect.top()) / rect.height();
    spec.bars[bar_at(spec, fraction)?].link
}
