//! The infographic's sections: one per 【數讀2024】 group (headline first), each with its
//! figures as tiles and its charts, then the 2025 key tasks.

use super::chart::ChartView;
use crate::charts::{link_label, link_of};
use crate::embedded::dataset;
use crate::format;
use crate::i18n::strings;
use crate::model::{Group, Lang, Link, Qualifier, Sentence, Text, Unit};
use crate::ui::actions::{link_attr, SourceRef};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn GroupSection(group: &'static Group, lang: Lang) -> impl IntoView {
    let ds = dataset();
    let title_id = format!("group-{}", group.id);
    let stated = ds.figures_of(&group.id).map(|f| TileFigure {
        id: &f.id,
        label: &f.label,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        derived: false,
        source: SourceRef::Figure(f.id.clone()),
        link: link_of(ds, &f.id),
    });
    let derived = ds
        .derived
        .iter()
        .filter(|d| d.group == group.id)
        .map(|d| TileFigure {
            id: &d.id,
            label: &d.label,
            value: d.value,
            unit: d.unit,
            qualifier: d.qualifier,
            derived: true,
            source: SourceRef::Derived(d.id.clone()),
            link: None,
        });
    let tiles: Vec<TileFigure> = stated.chain(derived).collect();
    let charts: Vec<_> = ds.charts.iter().filter(|c| c.group == group.id).collect();
    view! {
        <section class="group" aria-labelledby=title_id.clone() id=format!("section-{}", group.id)>
            <h2 id=title_id.clone()>{group.title.get(lang).to_string()}</h2>
            <ul class="tiles" role="list">
                {tiles.into_iter().map(|tile| view! { <Tile tile=tile lang/> }).collect_view()}
            </ul>
            {(!group.highlights.is_empty()).then(|| view! {
                <ul class="highlights" role="list">
                    {group.highlights.iter().filter_map(|id| ds.sentence(id)).map(|sentence| view! {
                        <li>
                            // The words open the sentence they are, with its provenance.
                            <button type="button" class="highlight" aria-haspopup="dialog"
                                data-source=SourceRef::Sentence(sentence.id.clone()).attr()>
                                {highlight_text(sentence, lang)}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <div class="charts">
                {charts.into_iter().map(|spec| view! { <ChartView spec=spec lang/> }).collect_view()}
            </div>
        </section>
    }
}

/// A highlight as the section shows it: the sentence in the reader's language, without the
/// article's item number (❶).
fn highlight_text(sentence: &Sentence, lang: Lang) -> String {
    let text = if lang == Lang::En {
        sentence.en.clone()
    } else {
        sentence.restored(lang)
    };
    text.trim_start_matches(|c: char| ('❶'..='❿').contains(&c) || c.is_whitespace())
        .to_string()
}

/// What a tile shows: a stated or a derived figure.
struct TileFigure {
    id: &'static str,
    label: &'static Text,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    derived: bool,
    /// What activating it opens in the source panel.
    source: SourceRef,
    /// The projects it stands for, if a chart bar of it leads to some.
    link: Option<Link>,
}

/// One figure, large: activating it opens its source sentence.
#[component]
fn Tile(tile: TileFigure, lang: Lang) -> impl IntoView {
    let TileFigure {
        id,
        label,
        value,
        unit,
        qualifier,
        derived,
        source,
        link,
    } = tile;
    let text = format::figure(value, unit, qualifier, lang);
    let s = strings(lang);
    view! {
        <li class="tile" class:derived=derived data-figure=id>
            <button type="button" class="tile-main" aria-haspopup="dialog" data-source=source.attr()>
                <span class="tile-label">{label.get(lang).to_string()}</span>
                <span class="tile-value">
                    // Only the parts there are: an empty one would be written as a space.
                    {(!text.before.is_empty()).then(|| view! { <span class="tile-qualifier">{text.before}</span> })}
                    <span class="tile-number">{text.number}</span>
                    {(!text.after.is_empty()).then(|| view! { <span class="tile-unit">{text.after}</span> })}
                </span>
                // A stated figure's number is its own link to its source (dotted, as every
                // source on the page): the words are there for screen readers only. A derived
                // one says that it is, and how.
                {if derived {
                    Either::Left(view! { <span class="tile-more">{format!("{} · {}", s.derived, s.how_derived)}</span> })
                } else {
                    Either::Right(view! { <span class="visually-hidden">{s.show_source}</span> })
                }}
            </button>
            {link.map(|link| view! {
                <button type="button" class="link-button" data-link=link_attr(link)>
                    {format!("{} · {}", s.show_projects, link_label(link, lang))}
                </button>
            })}
        </li>
    }
}

#[component]
pub fn TasksSection(lang: Lang) -> impl IntoView {
    view! {
        <section class="group tasks" aria-labelledby="tasks-title" id="section-tasks">
            <h2 id="tasks-title">{dataset().tasks_title.get(lang).to_string()}</h2>
            <ol class="task-list">
                {dataset().tasks.iter().enumerate().map(|(i, t)| view! {
                    <li>
                        // The task's words open the sentence they come from.
                        <button type="button" class="task-source" aria-haspopup="dialog"
                            data-source=SourceRef::Task(i).attr()>
                            {t.text.get(lang).to_string()}
                        </button>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
