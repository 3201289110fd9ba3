//! The user interface: Leptos components that only wire signals to views.
//!
//! `state` holds the shared signals and their link to the URL; the other modules are the
//! page's parts, top to bottom: `header`, `groups` (tiles and `chart`s), `cards`, `source`.

mod cards;
mod chart;
mod early;
mod embed;
mod groups;
mod header;
mod panic;
mod pictures;
mod source;
mod state;

use crate::charts::link_label;
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::Link;
use crate::query::Filter;
use groups::{GroupSection, TasksSection};
use leptos::prelude::*;
use state::{use_state, AppState};
use std::time::Duration;

/// Shows panics on the page, then replaces the HTML rendered at build time (the same components
/// with the default state, so nothing moves for most readers) with the live app.
///
/// The work is spread over three tasks, so that no one of them holds the main thread for long
/// (Lighthouse's Total Blocking Time):
/// 1. the app is built out of the document;
/// 2. what the reader did on the old page so far (`early`) is applied to it, it goes in, and
///    the old page is hidden (the browser drops its layout while rendering);
/// 3. after that frame, a host page learns the height (`embed`), the old page is removed, and
///    the document takes the reader's language.
///    A change of `lang` on `<html>` restyles every element with a computed style, so it waits
///    until the old page has none; the app's own root carries its `lang` from the start.
pub fn start() {
    panic::show_panics_on_page();
    let Some(old) = document().get_element_by_id("app") else {
        panic!("index.html has no element with id `app` to mount the infographic in");
    };
    let old: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(old);
    let Ok(fresh) = document().create_element("main") else {
        panic!("the document cannot create a `main` element");
    };
    fresh.set_id("app");
    let fresh: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(fresh);
    let state = AppState::from_location();
    leptos::mount::mount_to(fresh.clone(), move || view! { <App state=state/> }).forget();
    set_timeout(
        move || {
            early::EarlyInput::read(&old).apply(state, &fresh);
            old.remove_attribute("id").ok();
            old.set_hidden(true);
            if let Some(parent) = old.parent_node() {
                let _ = parent.insert_before(&fresh, Some(&old));
            }
            after_next_frame(move || {
                // Measured first: right after a frame, the layout is up to date.
                embed::report_height_to_host();
                old.remove();
                state.follow_language();
                // Tells tests and host pages that the app (not just the HTML rendered at build
                // time) is live.
                let _ = fresh.set_attribute("data-ready", "");
            });
        },
        Duration::ZERO,
    );
}

/// Runs `f` in a task after the next frame, or after 300 ms if no frame comes (a background
/// tab, or an iframe out of view, may not render).
fn after_next_frame(f: impl FnOnce() + 'static) {
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let by_frame = run.clone();
    request_animation_frame(move || set_timeout(by_frame, Duration::ZERO));
    set_timeout(run, Duration::from_millis(300));
}

/// The page in `lang` as HTML, for `bake` to write its language's page at build time.
#[cfg(feature = "ssr")]
pub fn render_to_html(lang: crate::model::Lang) -> String {
    use leptos::tachys::view::RenderHtml;
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::default();
        state.lang.set(lang);
        view! { <App state=state/> }.to_html()
    })
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
        <div class="page" class:embed=move || state.embed.get() lang=move || state.lang.get().tag()>
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
