//! What a reader did on the page before the app was live, read from the page that arrived just
//! before the app takes its place: text typed into the search field, facet options ticked, data
//! tables opened. The app applies them, so nothing done in that window is lost.

use super::state::AppState;
use crate::model::{MilestoneKind, Sector};
use crate::names::Named;
use leptos::prelude::Update;
use wasm_bindgen::JsCast;

pub struct EarlyInput {
    text: String,
    /// The names of the facet options ticked (`data-key`).
    ticked: Vec<String>,
    /// Which of the charts' data tables (`details.data-table`, in page order) are open.
    open_tables: Vec<u32>,
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
        let open_tables = all::<web_sys::HtmlDetailsElement>(page, "details.data-table")
            .iter()
            .zip(0..)
            .filter(|(details, _)| details.open())
            .map(|(_, i)| i)
            .collect();
        EarlyInput {
            text,
            ticked,
            open_tables,
        }
    }

    /// Adds the reader's choices to the state (their text replaces the URL's, their ticks join
    /// its facets) and opens the tables they opened in the app's page `live`.
    pub fn apply(self, state: AppState, live: &web_sys::Element) {
        if !self.text.is_empty() || !self.ticked.is_empty() {
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
        let tables = all::<web_sys::HtmlDetailsElement>(live, "details.data-table");
        for i in self.open_tables {
            if let Some(details) = tables.get(i as usize) {
                details.set_open(true);
            }
        }
    }
}
