//! The story: the lead (the year's main figures, large), the chapter index, one chapter per
//! 【數讀2024】 group (title, context, figures as charts or numbers, the projects it names),
//! and, after the cards, the 2025 key tasks: the year's outlook closes the story.

use super::chart::ChartView;
use super::tiles::{standalone, TileFigure, Tiles};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::{Group, Lang};
use crate::ui::actions::SourceRef;
use crate::ui::icons::{Icon, PROJECTS_ICON, TASKS_ICON};
use crate::ui::{card_id, section_id, CARDS};
use leptos::prelude::*;

/// The first group (the report's opening indicators) as the lead: the figures the article
/// leads with, large, then the group's other figures.
#[component]
pub fn Lead(group: &'static Group, lang: Lang) -> impl IntoView {
    let title_id = format!("group-{}", group.id);
    let lead: Vec<TileFigure> = dataset().lead_figures().map(TileFigure::stated).collect();
    view! {
        <section class="lead" aria-labelledby=title_id.clone() id=section_id(&group.id)>
            <h2 class="eyebrow" id=title_id.clone()>{group.title.get(lang).to_string()}</h2>
            <Tiles figures=lead lang lead=true/>
            <Tiles figures=standalone(&group.id) lang/>
        </section>
    }
}

/// Links to each chapter, the cards and the tasks.
#[component]
pub fn ChapterIndex(lang: Lang) -> impl IntoView {
    let ds = dataset();
    let s = strings(lang);
    let chapters = ds.groups.iter().skip(1).map(|g| {
        (
            section_id(&g.id),
            g.icon.as_deref(),
            g.title.get(lang).to_string(),
        )
    });
    let rest = [
        (
            CARDS.to_string(),
            Some(PROJECTS_ICON),
            s.projects_title.to_string(),
        ),
        (
            "section-tasks".to_string(),
            Some(TASKS_ICON),
            ds.tasks_title.get(lang).to_string(),
        ),
    ];
    view! {
        <nav class="chapter-index" aria-label=s.chapters>
            <ol>
                {chapters.chain(rest).map(|(id, icon, title)| view! {
                    <li><a href=format!("#{id}")>{icon.map(|name| view! { <Icon name/> })}<span>{title}</span></a></li>
                }).collect_view()}
            </ol>
        </nav>
    }
}

#[component]
pub fn Chapter(group: &'static Group, lang: Lang) -> impl IntoView {
    let ds = dataset();
    let s = strings(lang);
    let title_id = format!("group-{}", group.id);
    let charts: Vec<_> = ds.charts.iter().filter(|c| c.group == group.id).collect();
    let projects: Vec<_> = ds.projects_in(group).collect();
    view! {
        <section class="group chapter" aria-labelledby=title_id.clone() id=section_id(&group.id)>
            <header class="chapter-head">
                <h2 id=title_id.clone()>
                    {group.icon.as_deref().map(|name| view! { <Icon name/> })}
                    <span>{group.title.get(lang).to_string()}</span>
                </h2>
                {group.context.as_ref().map(|c| view! { <p class="context">{c.get(lang).to_string()}</p> })}
            </header>
            <Tiles figures=standalone(&group.id) lang/>
            {(!group.highlights.is_empty()).then(|| view! {
                <ul class="highlights" role="list">
                    {group.highlights.iter().filter_map(|id| ds.sentence(id)).map(|sentence| view! {
                        <li>
                            // The words open the sentence they are, with its provenance.
                            <button type="button" class="highlight" aria-haspopup="dialog"
                                data-source=SourceRef::Sentence(sentence.id.clone()).attr()>
                                {sentence.read(lang)}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {(!charts.is_empty()).then(|| view! {
                <div class="charts">
                    {charts.into_iter().map(|spec| view! { <ChartView spec=spec lang/> }).collect_view()}
                </div>
            })}
            {(!projects.is_empty()).then(|| view! {
                <div class="chapter-projects">
                    <h3>{s.chapter_projects}</h3>
                    <ul role="list">
                        {projects.into_iter().map(|p| view! {
                            <li><a href=format!("#{}", card_id(&p.id)) data-project-link=p.id.clone()>{p.name.get(lang).to_string()}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </section>
    }
}

#[component]
pub fn TasksSection(lang: Lang) -> impl IntoView {
    view! {
        <section class="group chapter tasks" aria-labelledby="tasks-title" id="section-tasks">
            <header class="chapter-head">
                <h2 id="tasks-title"><Icon name=TASKS_ICON/><span>{dataset().tasks_title.get(lang).to_string()}</span></h2>
            </header>
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
