//! What a reader did on the page before the app was live: text typed into the search field and
//! facet options ticked. The app reads them from the page before it hydrates the cards (which
//! sets the controls to the state the build rendered) and applies them after, so nothing done
//! in that window is lost. (A data table opened stays open by itself: that part of the page is
//! never touched.)

use super::state::AppState;
use crate::model::{MilestoneKind, Sector};
use crate::names::Named;
use leptos::prelude::Update;
use wasm_bindgen::JsCast;

pub struct EarlyInput {
    text: String,
    /// The names of the facet options ticked (`data-key`).
    ticked: Vec<String>,
}

/// The elements of `root` that `css` selects, in page order.
fn all<T: JsCast>(root: &web_sys::Element, css: &str) -> Vec<T> {
    let Ok(found) = root.query_selector_all(css) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<T>().ok())
        .collect()
}

impl EarlyInput {
    pub fn read(page: &web_sys::Element) -> EarlyInput {
        let text = all::<web_sys::HtmlInputElement>(page, "#projects input[type=search]")
            .first()
            .map(|input| input.value())
            .unwrap_or_default();
        let ticked = all::<web_sys::Element>(page, ".facet-option[data-key]")
            .into_iter()
            .filter(|option| {
                all::<web_sys::HtmlInputElement>(option, "input[type=checkbox]")
                    .first()
                    .is_some_and(|input| input.checked())
            })
            .filter_map(|option| option.get_attribute("data-key"))
            .collect();
        EarlyInput { text, ticked }
    }

    /// Adds the reader's choices to the state: their text replaces the URL's, their ticks join
    /// its facets.
    pub fn apply(self, state: AppState) {
        if self.text.is_empty() && self.ticked.is_empty() {
            return;
        }
        state.filter.update(|f| {
            if !self.text.is_empty() {
                f.text = self.text.clone();
            }
            for key in &self.ticked {
                if let Some(k) = MilestoneKind::from_name(key) {
                    f.kinds.insert(k);
                } else if let Some(s) = Sector::from_name(key) {
                    f.sectors.insert(s);
                }
            }
        });
    }
}
