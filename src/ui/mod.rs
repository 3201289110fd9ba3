//! The user interface: Leptos components that only wire signals to views.

mod chart;
mod panic;

use crate::embedded::dataset;
use crate::model::Lang;
use chart::ChartView;
use leptos::prelude::*;

/// Shows panics on the page, then mounts the app in place of the loading skeleton.
pub fn start() {
    panic::show_panics_on_page();
    let Some(root) = document().get_element_by_id("app") else {
        panic!("index.html has no element with id `app` to mount the infographic in");
    };
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, App).forget();
}

#[component]
fn App() -> impl IntoView {
    let ds = dataset();
    let lang = Lang::Hant;
    let chart = crate::charts::investment_projects(ds, lang);
    view! {
        <header class="masthead">
            <h1>{ds.meta.title.get(lang).to_string()}</h1>
            <p class="dek">{ds.meta.dek.get(lang).to_string()}</p>
        </header>
        <section class="group" aria-labelledby="investment-title">
            <h2 id="investment-title">{ds.groups.iter().find(|g| g.id == "investment").map(|g| g.title.get(lang).to_string())}</h2>
            <ChartView id="chart-investment" chart=chart label="招商引資項目數".to_string()/>
        </section>
        <p class="placeholder">"更多內容即將推出"</p>
    }
}
