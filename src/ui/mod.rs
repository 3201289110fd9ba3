//! The user interface: Leptos components that only wire signals to views.
//!
//! `state` holds the shared signals and their link to the URL; the other modules are the
//! page's parts, top to bottom: `header`, `groups` (tiles and `chart`s), `cards`, `source`.

mod cards;
mod chart;
mod embed;
mod groups;
mod header;
mod panic;
mod pictures;
mod source;
mod state;

use crate::charts::{link_label, Link};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::query::Filter;
use groups::{GroupSection, TasksSection};
use leptos::prelude::*;
use state::{use_state, AppState};

/// Shows panics on the page, then mounts the app in place of the HTML rendered at build time
/// (the same components with the default state, so nothing moves for most readers).
pub fn start() {
    panic::show_panics_on_page();
    let Some(root) = document().get_element_by_id("app") else {
        panic!("index.html has no element with id `app` to mount the infographic in");
    };
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    let mounted = root.clone();
    leptos::mount::mount_to(root, || {
        let state = AppState::from_location();
        view! { <App state=state/> }
    })
    .forget();
    // Tells tests and host pages that the app (not just the HTML rendered at build time) is live.
    let _ = mounted.set_attribute("data-ready", "");
    embed::report_height_to_host();
}

/// The page as HTML, for `bake` to put in `dist/index.html` at build time.
#[cfg(feature = "ssr")]
pub fn render_to_html() -> String {
    use leptos::tachys::view::RenderHtml;
    let owner = Owner::new();
    owner.with(|| view! { <App state=AppState::default()/> }.to_html())
}

#[component]
fn App(state: AppState) -> impl IntoView {
    provide_context(state);
    #[cfg(target_arch = "wasm32")]
    state.connect();
    let ds = dataset();

    // A chart bar or tile that stands for a kind of project filters the cards to it, scrolls
    // to them and says so.
    let on_link = Callback::new(move |link: Link| {
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
        let lang = state.lang.get_untracked();
        state.announcement.set(format!(
            "{} · {}",
            strings(lang).projects_title,
            link_label(link, lang)
        ));
        if let Some(cards) = document().get_element_by_id("projects") {
            cards.scroll_into_view();
        }
    });

    view! {
        <div class="page" class:embed=move || state.embed.get()>
            <a class="skip-link" href="#projects">{move || strings(state.lang.get()).skip_to_projects}</a>
            <header::Masthead/>
            {ds.groups.iter().map(|g| view! { <GroupSection group=g on_link=on_link/> }).collect_view()}
            <TasksSection/>
            <cards::ProjectsSection/>
            <header::Colophon/>
            <source::SourceDialog/>
            <p class="visually-hidden" role="status" aria-live="polite">{move || use_state().announcement.get()}</p>
        </div>
    }
}
