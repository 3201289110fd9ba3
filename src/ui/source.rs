//! The source panel: the sentence(s) a figure, project or task comes from, in the reader's script,
//! with restored characters marked and the damaged original kept for provenance.

use super::actions::SourceRef;
use super::state::use_state;
use crate::charts::figure_text;
use crate::embedded::dataset;
use crate::format;
use crate::i18n::strings;
use crate::model::{Lang, Sentence};
use leptos::either::{Either, EitherOf5};
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
    let s = strings(state.lang);
    view! {
        <dialog class="source-dialog" node_ref=dialog aria-labelledby="source-title" on:close=on_close>
            <div class="source-head">
                <h2 id="source-title">{s.source_title}</h2>
                <button type="button" class="close" on:click=move |_| state.source.set(None)>{s.close}</button>
            </div>
            {move || state.source.get().map(|r| view! { <SourceBody source=r/> })}
        </dialog>
    }
}

#[component]
fn SourceBody(source: SourceRef) -> impl IntoView {
    let state = use_state();
    let ds = dataset();
    let lang = state.lang;
    let s = strings(lang);
    match source {
        SourceRef::Figure(id) => EitherOf5::A(ds.figure(&id).map(|f| {
            view! {
                <p class="source-figure">
                    <strong>{f.label.get(lang).to_string()}</strong>
                    " "
                    <span class="value">{figure_text(f, lang)}</span>
                    <span class="period">{format!(" · {}", f.period.get(lang))}</span>
                </p>
                {f.note.as_ref().map(|n| view! { <p class="note">{n.get(lang).to_string()}</p> })}
                <SentenceView id=f.source.clone() quote=f.quote.as_str()/>
                {(!f.also.is_empty()).then(|| view! {
                    <p class="also">{s.also_stated_in}</p>
                    {f.also.iter().map(|a| view! { <SentenceView id=a.clone()/> }).collect_view()}
                })}
            }
        })),
        SourceRef::Derived(id) => EitherOf5::B(ds.derived.iter().find(|d| d.id == id).map(|d| {
            view! {
                <p class="source-figure">
                    <strong>{d.label.get(lang).to_string()}</strong>
                    " "
                    <span class="value">{format::figure(d.value, d.unit, d.qualifier, lang).full()}</span>
                    <span class="derived-badge">{format!(" · {}", s.derived)}</span>
                </p>
                <p class="note"><strong>{s.how_derived}</strong>": "{d.how.get(lang).to_string()}</p>
                {d.inputs.iter().filter_map(|i| ds.figure(i)).map(|f| view! { <SentenceView id=f.source.clone() quote=f.quote.as_str()/> }).collect_view()}
            }
        })),
        SourceRef::Sentence(id) => EitherOf5::C(view! { <SentenceView id=id/> }),
        SourceRef::Task(i) => EitherOf5::D(ds.tasks.get(i).map(|t| {
            view! {
                <p class="source-figure"><strong>{t.text.get(lang).to_string()}</strong></p>
                <SentenceView id=t.source.clone()/>
            }
        })),
        SourceRef::Project(id) => EitherOf5::E(ds.projects.iter().find(|p| p.id == id).map(|p| {
            view! {
                <p class="source-figure"><strong>{p.name.get(lang).to_string()}</strong></p>
                {p.milestones.iter().map(|m| view! {
                    <p class="milestone-kind">{(s.milestone)(m.kind)}</p>
                    <SentenceView id=m.source.clone()/>
                }).collect_view()}
            }
        })),
    }
}

/// One sentence: the restored reading in the reader's script (in English: the Traditional
/// original with an English rendering), restored characters marked, the figure's words set
/// off, damaged original kept.
#[component]
fn SentenceView(
    id: String,
    /// The words of the sentence that state the figure shown, if any.
    #[prop(optional)]
    quote: Option<&'static str>,
) -> impl IntoView {
    let lang = use_state().lang;
    let s = strings(lang);
    dataset().sentence(&id).map(|sentence| {
        let damaged = sentence.reading.iter().any(|p| p.restored.is_some());
        view! {
            <blockquote class="sentence" data-sentence=sentence.id.clone()>
                <p lang=if lang == Lang::Hans { "zh-Hans" } else { "zh-Hant" }>
                    {reading(sentence, lang, quote)}
                </p>
                {(lang == Lang::En).then(|| view! {
                    <p class="rendering" lang="en"><span class="visually-hidden">{s.english_rendering}": "</span>{sentence.en.clone()}</p>
                })}
                {damaged.then(|| view! {
                    <p class="restored-note">{s.restored_mark}</p>
                    <details class="original">
                        <summary>{s.original_text}</summary>
                        <p lang="zh-Hant">{sentence.original.clone()}</p>
                    </details>
                })}
                <p class="paragraph">{(s.paragraph)(sentence.paragraph)}</p>
            </blockquote>
        }
    })
}

/// The sentence's runs (see `Sentence::segments`): restored characters marked, and the words
/// that state the figure (`quote`) set off.
fn reading(sentence: &'static Sentence, lang: Lang, quote: Option<&str>) -> impl IntoView {
    sentence
        .segments(lang, quote)
        .into_iter()
        .map(|run| {
            let text = match run.restored {
                Some(r) => Either::Left(view! {
                    <mark class="restored" title=r.why.get(lang).to_string()>{run.text}</mark>
                }),
                None => Either::Right(run.text),
            };
            if run.quoted {
                Either::Left(view! { <strong class="quote">{text}</strong> })
            } else {
                Either::Right(text)
            }
        })
        .collect_view()
}
