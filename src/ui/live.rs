//! Starting the app in the browser: it adopts the page rendered at build time.

use super::state::AppState;
use super::{bars, cards, clicks, early, embed, embed_code, panic, source, switch};
use super::{ANNOUNCEMENT, CARDS, EMBED_CODE, SOURCE_PANEL};
use crate::model::Lang;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Makes the page live without drawing it again: the DOM that arrived is the DOM that stays.
///
/// The work is spread over three tasks, so that none holds the main thread for long
/// (Lighthouse's Total Blocking Time):
/// 1. the dataset is read and the cards' catalog built (`cards::catalog`);
/// 2. what the reader has done so far is read from the page (`early`), the cards are hydrated
///    in the state the build rendered them in, and then the URL's state and the reader's early
///    input are applied to them as ordinary updates;
/// 3. the source panel and the embed code are hydrated and the static page is wired up. After
///    the next frame a host page learns the height (`embed`) and `#app` is marked `data-ready`.
pub fn start() {
    panic::show_panics_on_page();
    let Some(page) = document().query_selector("#app > .page").ok().flatten() else {
        panic!("the page has no infographic (`#app > .page`) to make live");
    };
    let lang = page
        .get_attribute("lang")
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let state = AppState::rendered(lang);
    cards::catalog();
    in_a_task(move || {
        let early = early::EarlyInput::read(&page);
        adopt_cards(root(CARDS), state);
        // In the same task, so that nothing the reader does comes in between. The history
        // starts from the URL's state: the reader's own input is a change of it.
        state.apply_url();
        state.connect();
        early.apply(state);
        in_a_task(move || {
            hydrate(
                root(SOURCE_PANEL),
                state,
                || view! { <source::SourceDialog/> },
            );
            hydrate(
                root(EMBED_CODE),
                state,
                || view! { <embed_code::EmbedCode/> },
            );
            clicks::listen(&page, state);
            bars::listen(&page, state);
            switch::carry_the_view(&page, state);
            announce(state);
            after_next_frame(move || {
                // Measured first: right after a frame, the layout is up to date.
                embed::report_height_to_host();
                // Tells tests and host pages that the app (not just the HTML rendered at build
                // time) is live.
                if let Some(app) = document().get_element_by_id("app") {
                    let _ = app.set_attribute("data-ready", "");
                }
            });
        });
    });
}

/// Runs `f` in a task of its own, after what the browser has waiting (input, a frame).
fn in_a_task(f: impl FnOnce() + 'static) {
    set_timeout(f, Duration::ZERO);
}

/// Makes the cards section `root` live: hydrates it as the build rendered it. (With
/// `?synthetic=N`, for benchmarks only, N generated cards replace the rendered ones.)
fn adopt_cards(root: web_sys::HtmlElement, state: AppState) {
    #[cfg(feature = "synthetic")]
    if cards::synthetic_count().is_some() {
        root.set_inner_html("");
        leptos::mount::mount_to(root, move || {
            provide_context(state);
            view! { <cards::ProjectsBody/> }
        })
        .forget();
        return;
    }
    hydrate(root, state, || view! { <cards::ProjectsBody/> });
}

/// The element with id `id`, which the page rendered at build time always has.
fn root(id: &str) -> web_sys::HtmlElement {
    let Some(element) = document().get_element_by_id(id) else {
        panic!("the page has no element with id `{id}` to make live");
    };
    element.unchecked_into()
}

/// Hydrates the contents of `root` as `view`, with the shared state.
fn hydrate<N: IntoView + 'static>(
    root: web_sys::HtmlElement,
    state: AppState,
    view: impl FnOnce() -> N + 'static,
) {
    leptos::mount::hydrate_from(root, move || {
        provide_context(state);
        view()
    })
    .forget();
}

/// Speaks each announcement through the polite live region.
fn announce(state: AppState) {
    let region = root(ANNOUNCEMENT);
    Effect::new(move |_| region.set_text_content(Some(&state.announcement.get())));
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
