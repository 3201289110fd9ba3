//! The source panel: the sentence(s) a figure, project or task comes from, in the reader's script,
//! with restored characters marked and the damaged original kept for provenance.

use super::actions::SourceRef;
use super::state::use_state;
use crate::charts::figure_text;
use crate::embedded::dataset;
use crate::format;
use crate::i18n::strings;
use crate::model::{Lang, Sentence};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn SourceDialog() -> impl IntoView {
    let state = use_state();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Where focus was when the panel opened, to return it there on close.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        match state.source.get() {
            Some(_) if !dialog.open() => {
                let active = document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                opener.set_value(active);
                let _ = dialog.show_modal();
            }
            None if dialog.open() => dialog.close(),
            _ => {}
        }
    });
    // The `close` event comes a task after the dialog closed. If the reader has opened a panel
    // again in between (a quick Escape then Enter), this late event must not close it.
    let on_close = move |_| {
        if dialog.get_untracked().is_some_and(|d| d.open()) {
            return;
        }
        state.source.set(None);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    let s = move || strings(state.lang.get());
    view! {
        <dialog class="source-dialog" node_ref=dialog aria-labelledby="source-title" on:close=on_close>
            <div class="source-head">
                <h2 id="source-title">{move || s().source_title}</h2>
                <button type="button" class="close" on:click=move |_| state.source.set(None)>{move || s().close}</button>
            </div>
            {move || state.source.get().map(|r| view! { <SourceBody source=r/> })}
        </dialog>
    }
}

#[component]
fn SourceBody(source: SourceRef) -> impl IntoView {
    let state = use_state();
    let ds = dataset();
    let lang = move || state.lang.get();
    let s = move || strings(state.lang.get());
    match source {
        SourceRef::Figure(id) => {
            let Some(f) = ds.figure(&id) else {
                return ().into_any();
            };
            view! {
                <p class="source-figure">
                    <strong>{move || f.label.get(lang()).to_string()}</strong>
                    " "
                    <span class="value">{move || figure_text(f, lang())}</span>
                    <span class="period">{move || format!(" · {}", f.period.get(lang()))}</span>
                </p>
                {f.note.as_ref().map(|n| view! { <p class="note">{move || n.get(lang()).to_string()}</p> })}
                <SentenceView id=f.source.clone()/>
                {(!f.also.is_empty()).then(|| view! {
                    <p class="also">{move || s().also_stated_in}</p>
                    {f.also.iter().map(|a| view! { <SentenceView id=a.clone()/> }).collect_view()}
                })}
            }
            .into_any()
        }
        SourceRef::Derived(id) => {
            let Some(d) = ds.derived.iter().find(|d| d.id == id) else {
                return ().into_any();
            };
            view! {
                <p class="source-figure">
                    <strong>{move || d.label.get(lang()).to_string()}</strong>
                    " "
                    <span class="value">{move || format::figure(d.value, d.unit, d.qualifier, lang()).full()}</span>
                    <span class="derived-badge">{move || format!(" · {}", s().derived)}</span>
                </p>
                <p class="note"><strong>{move || s().how_derived}</strong>": "{move || d.how.get(lang()).to_string()}</p>
                {d.inputs.iter().filter_map(|i| ds.figure(i)).map(|f| view! { <SentenceView id=f.source.clone()/> }).collect_view()}
            }
            .into_any()
        }
        SourceRef::Sentence(id) => view! { <SentenceView id=id/> }.into_any(),
        SourceRef::Task(i) => {
            let Some(t) = ds.tasks.get(i) else {
                return ().into_any();
            };
            view! {
                <p class="source-figure"><strong>{move || t.text.get(lang()).to_string()}</strong></p>
                <SentenceView id=t.source.clone()/>
            }
            .into_any()
        }
        SourceRef::Project(id) => {
            let Some(p) = ds.projects.iter().find(|p| p.id == id) else {
                return ().into_any();
            };
            view! {
                <p class="source-figure"><strong>{move || p.name.get(lang()).to_string()}</strong></p>
                {p.milestones.iter().map(|m| view! {
                    <p class="milestone-kind">{move || (s().milestone)(m.kind)}</p>
                    <SentenceView id=m.source.clone()/>
                }).collect_view()}
            }
            .into_any()
        }
    }
}

/// One sentence: the restored reading in the reader's script (in English: the Traditional
/// original with an English rendering), restored characters marked, damaged original kept.
#[component]
fn SentenceView(id: String) -> impl IntoView {
    let state = use_state();
    let Some(sentence) = dataset().sentence(&id) else {
        return ().into_any();
    };
    let s = move || strings(state.lang.get());
    let damaged = sentence.reading.iter().any(|p| p.restored.is_some());
    view! {
        <blockquote class="sentence" data-sentence=sentence.id.clone()>
            <p lang=move || if state.lang.get() == Lang::Hans { "zh-Hans" } else { "zh-Hant" }>
                {move || reading(sentence, state.lang.get())}
            </p>
            <Show when=move || state.lang.get() == Lang::En>
                <p class="rendering" lang="en"><span class="visually-hidden">{move || s().english_rendering}": "</span>{sentence.en.clone()}</p>
            </Show>
            {damaged.then(|| view! {
                <p class="restored-note">{move || s().restored_mark}</p>
                <details class="original">
                    <summary>{move || s().original_text}</summary>
                    <p lang="zh-Hant">{sentence.original.clone()}</p>
                </details>
            })}
        </blockquote>
    }
    .into_any()
}

fn reading(sentence: &'static Sentence, lang: Lang) -> impl IntoView {
    let script = if lang == Lang::Hans {
        Lang::Hans
    } else {
        Lang::Hant
    };
    sentence
        .reading
        .iter()
        .map(|piece| match &piece.restored {
            Some(r) => view! {
                <mark class="restored" title=r.why.get(lang).to_string()>{piece.text(script).to_string()}</mark>
            }
            .into_any(),
            None => piece.text(script).to_string().into_any(),
        })
        .collect_view()
}
