//! The top of the page (title, dek, date, byline, language switch) and its foot (source).

use super::state::use_state;
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::Lang;
use leptos::prelude::*;

#[component]
pub fn Masthead() -> impl IntoView {
    let state = use_state();
    let meta = &dataset().meta;
    let lang = move || state.lang.get();
    let s = move || strings(state.lang.get());
    view! {
        <header class="masthead">
            <LanguageSwitch/>
            <h1>{move || meta.title.get(lang()).to_string()}</h1>
            <p class="dek">{move || meta.dek.get(lang()).to_string()}</p>
            <p class="byline">
                <span>{move || format!("{} {}", s().published, (s().date)(&meta.date))}</span>
                " · "
                <span>{move || format!("{} {}", s().by, meta.byline.get(lang()))}</span>
            </p>
        </header>
    }
}

/// Three buttons, each labelled in its own language; the pressed one is the page's language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="lang-switch" role="group" aria-label=move || strings(state.lang.get()).language>
            {Lang::ALL.iter().map(|&l| view! {
                <button
                    type="button"
                    lang=l.tag()
                    data-lang=l.tag()
                    aria-pressed=move || (state.lang.get() == l).to_string()
                    on:click=move |_| switch_keeping_place(state.lang, l)
                >
                    {strings(l).own_name}
                </button>
            }).collect_view()}
        </div>
    }
}

/// Changes the language and keeps the reader's place: the section at the top of the viewport
/// is put back where it was once the longer or shorter text has been laid out.
fn switch_keeping_place(lang: RwSignal<Lang>, to: Lang) {
    let anchor = document()
        .query_selector_all("#app section[id]")
        .ok()
        .and_then(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                .find(|e| e.get_bounding_client_rect().bottom() > 0.0)
        });
    let top = anchor.as_ref().map(|e| e.get_bounding_client_rect().top());
    lang.set(to);
    if let (Some(anchor), Some(top)) = (anchor, top) {
        request_animation_frame(move || {
            let moved = anchor.get_bounding_client_rect().top() - top;
            window().scroll_by_with_x_and_y(0.0, moved);
        });
    }
}

#[component]
pub fn Colophon() -> impl IntoView {
    let state = use_state();
    let meta = &dataset().meta;
    view! {
        <footer class="colophon">
            <p>{move || format!("{}: {}", strings(state.lang.get()).source_title, meta.source.get(state.lang.get()))}</p>
        </footer>
    }
}
