//! The top of the page (title, dek, date, byline, language switch) and its foot (source).

use super::state::use_state;
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::Lang;
use crate::names::Named;
use leptos::prelude::*;
use wasm_bindgen::prelude::{Closure, JsValue};

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

/// The foot of the page: the source, the downloads and the embed code.
#[component]
pub fn Colophon() -> impl IntoView {
    let state = use_state();
    let meta = &dataset().meta;
    let s = move || strings(state.lang.get());
    let downloads = move || {
        let s = s();
        [
            ("data/figures.csv", format!("{} (CSV)", s.all_figures)),
            ("data/figures.json", format!("{} (JSON)", s.all_figures)),
            ("data/projects.csv", format!("{} (CSV)", s.all_projects)),
            ("data/projects.json", format!("{} (JSON)", s.all_projects)),
            ("standalone.html", format!("{} (HTML)", s.one_file_edition)),
        ]
    };
    view! {
        <footer class="colophon">
            <p>{move || format!("{}: {}", s().source_title, meta.source.get(state.lang.get()))}</p>
            <section class="downloads" aria-labelledby="downloads-title">
                <h2 id="downloads-title">{move || s().downloads}</h2>
                <ul>
                    {move || downloads().into_iter().map(|(href, label)| view! {
                        <li><a href=href download>{label}</a></li>
                    }).collect_view()}
                </ul>
            </section>
            <EmbedCode/>
        </footer>
    }
}

/// The page's address (none when rendering at build time).
fn page_url() -> String {
    #[cfg(target_arch = "wasm32")]
    return window().location().href().unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The embed code for the current view, with a button that copies it.
#[component]
fn EmbedCode() -> impl IntoView {
    let state = use_state();
    let s = move || strings(state.lang.get());
    let copied = RwSignal::new(false);
    let code = move || {
        let query = crate::query::url::to_query(&crate::query::url::UrlState {
            filter: state.filter.get(),
            lang: Some(state.lang.get()),
            embed: false,
        });
        super::embed::snippet(
            &page_url(),
            &query,
            dataset().meta.title.get(state.lang.get()),
        )
    };
    let area = NodeRef::<leptos::html::Textarea>::new();
    // Copies with the Clipboard API where the page may (a secure context, not sandboxed);
    // otherwise selects the code for the reader to copy.
    let copy = move |_| {
        let select = move || {
            if let Some(area) = area.get_untracked() {
                area.select();
            }
        };
        let navigator = window().navigator();
        let has_clipboard =
            js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| c.is_object());
        if !has_clipboard {
            select();
            return;
        }
        let done = Closure::<dyn FnMut(JsValue)>::new(move |_| copied.set(true));
        let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| select());
        let _ = navigator
            .clipboard()
            .write_text(&code())
            .then2(&done, &failed);
        // Each runs at most once, after this handler has returned.
        done.forget();
        failed.forget();
    };
    view! {
        <section class="embed-code" aria-labelledby="embed-title">
            <h2 id="embed-title">{move || s().embed_title}</h2>
            <p>{move || s().embed_intro}</p>
            <textarea readonly rows="4" aria-labelledby="embed-title" node_ref=area prop:value=code></textarea>
            <button type="button" on:click=copy>{move || if copied.get() { s().copied } else { s().copy_code }}</button>
        </section>
    }
}
