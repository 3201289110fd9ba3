//! The embed code for the current view, with a button that copies it. The live app adopts it
//! (its section is rendered at build time by `page::header`) and keeps it in step with the view.

use super::state::use_state;
use crate::embedded::dataset;
use crate::i18n::strings;
use leptos::prelude::*;
use wasm_bindgen::prelude::{Closure, JsValue};

/// The page's address (none when rendering at build time).
fn page_url() -> String {
    #[cfg(target_arch = "wasm32")]
    return window().location().href().unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// What the embed code section holds.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let state = use_state();
    let s = strings(state.lang);
    let copied = RwSignal::new(false);
    let code = move || {
        let query = crate::query::url::to_query(&crate::query::url::UrlState {
            filter: state.filter.get(),
            lang: Some(state.lang),
            embed: false,
        });
        snippet(&page_url(), &query, dataset().meta.title.get(state.lang))
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
        <h2 id="embed-title">{s.embed_title}</h2>
        <p>{s.embed_intro}</p>
        <textarea readonly rows="4" aria-labelledby="embed-title" node_ref=area prop:value=code></textarea>
        <button type="button" on:click=copy>{move || if copied.get() { s.copied } else { s.copy_code }}</button>
    }
}

/// The embed's first height in pixels, before the page reports its own.
pub const HEIGHT: u32 = 1500;

/// The copy-paste code for a news page: the iframe at `page_url` (with the reader's language
/// and filters in `query`, plus `embed=1`) and, once per page, the script that sizes it.
pub fn snippet(page_url: &str, query: &str, title: &str) -> String {
    let base = page_url.split(['?', '#']).next().unwrap_or_default();
    let folder = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    let query = if query.is_empty() {
        "?embed=1".to_string()
    } else {
        format!("{query}&embed=1")
    };
    let escape = |s: &str| html_escape::encode_double_quoted_attribute(s).into_owned();
    format!(
        "<iframe src=\"{}\" title=\"{}\" style=\"width:100%;border:0\" height=\"{HEIGHT}\" scrolling=\"no\"></iframe>\n<script src=\"{}\" async></script>",
        escape(&format!("{base}{query}")),
        escape(title),
        escape(&format!("{folder}embed.js")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_carries_the_view_and_the_helper() {
        let code = snippet(
            "https://news.example/2025/torch/index.html?lang=en#x",
            "?lang=en&kind=landed",
            "A \"title\"",
        );
        assert_eq!(
            code,
            "<iframe src=\"https://news.example/2025/torch/index.html?lang=en&amp;kind=landed&amp;embed=1\" title=\"A &quot;title&quot;\" style=\"width:100%;border:0\" height=\"1500\" scrolling=\"no\"></iframe>\n<script src=\"https://news.example/2025/torch/embed.js\" async></script>"
        );
        assert!(snippet("http://h/a/", "", "t").starts_with("<iframe src=\"http://h/a/?embed=1\""));
    }
}
