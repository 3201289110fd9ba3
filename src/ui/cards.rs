//! The project cards: facets (milestone kind, sector), free-text search, sort, the result
//! count, and one `article` per project. All selection logic is in `crate::query`.

use super::actions::SourceRef;
use super::icons::{sector_icon, Icon, PROJECTS_ICON};
use super::state::use_state;
use super::{card_id, section_id};
use crate::charts::figure_text;
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::{MilestoneKind, Project, Sector};
use crate::names::Named;
use crate::query::{Catalog, Filter, Sort};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Cards drawn at first; more on request, so that a keystroke stays fast with thousands.
const PAGE: usize = 60;

/// The projects on the cards: the dataset's. In a build with the `synthetic` feature (for
/// benchmarks only), `?synthetic=N` in the URL puts N generated projects there instead.
fn projects() -> &'static [Project] {
    static PROJECTS: OnceLock<Vec<Project>> = OnceLock::new();
    PROJECTS.get_or_init(|| {
        #[cfg(feature = "synthetic")]
        if let Some(n) = synthetic_count() {
            return crate::query::synthetic::projects(n, 2024);
        }
        dataset().projects.clone()
    })
}

#[cfg(feature = "synthetic")]
pub(super) fn synthetic_count() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    let n = search
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("synthetic="))?;
    n.parse().ok().filter(|n| (1..=1_000_000).contains(n))
}

/// The cards' catalog of [`projects`], built on first use.
pub(super) fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::new(projects()))
}

/// What the cards section (`#projects`, rendered at build time by `page`) holds.
#[component]
pub fn ProjectsBody() -> impl IntoView {
    let state = use_state();
    let projects = projects();
    let s = strings(state.lang);
    let selected = Memo::new(move |_| catalog().select(&state.filter.get(), state.lang));
    let counts = Memo::new(move |_| catalog().facet_counts(&state.filter.get()));
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        state.filter.track();
        shown.set(PAGE);
    });
    let total = catalog().len();
    // Each card's key carries the order the cards are in, so that a change of order (sort, or
    // the language when sorting by name) redraws the cards rather than moving them: Leptos's
    // keyed diff (tachys 0.2.19) misplaces cards when one update both removes and reorders them.
    let visible = move || {
        let order = state.filter.with(|f| match f.sort {
            Sort::Article => 0u8,
            Sort::Sector => 1,
            Sort::Name => 2 + state.lang as u8,
        });
        selected
            .get()
            .into_iter()
            .take(shown.get())
            .map(|i| (order, i))
            .collect::<Vec<_>>()
    };
    // Reset removes its own button: focus goes to the search field, not back to the page.
    let search_field = NodeRef::<leptos::html::Input>::new();
    let reset = move |_| {
        state.filter.set(Filter::default());
        if let Some(field) = search_field.get_untracked() {
            let _ = field.focus();
        }
    };
    let update = move |f: &dyn Fn(&mut Filter)| state.filter.update(|filter| f(filter));
    // On a phone the facets fold behind one button; they unfold when a facet is chosen (by a
    // link, a bar or the URL), so that what filters the cards is in sight.
    let facets_open = RwSignal::new(false);
    let chosen = move || state.filter.with(|f| f.kinds.len() + f.sectors.len());
    Effect::new(move |_| {
        if chosen() > 0 {
            facets_open.set(true);
        }
    });
    view! {
        <header class="chapter-head">
            <h2 id="projects-title"><Icon name=PROJECTS_ICON/><span>{s.projects_title}</span></h2>
            <p class="context">{s.projects_intro}</p>
        </header>
        <div class="controls" class:facets-open=move || facets_open.get()>
            <div class="search-row">
            <label class="search">
                <span>{s.search}</span>
                <input
                    node_ref=search_field
                    type="search"
                    autocomplete="off"
                    placeholder=s.search_placeholder
                    prop:value=move || state.filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        update(&|f| f.text = text.clone());
                    }
                />
            </label>
            <button type="button" class="facets-toggle" aria-controls="facets"
                aria-expanded=move || facets_open.get().to_string()
                on:click=move |_| facets_open.update(|open| *open = !*open)>
                {move || match chosen() {
                    0 => s.filters.to_string(),
                    n => format!("{} ({n})", s.filters),
                }}
            </button>
            </div>
            <div class="facets" id="facets">
            <Facet
                legend=s.milestone_facet
                options=Signal::derive(move || {
                    facet_options(counts.get().kinds, &state.filter.get().kinds, s.milestone)
                })
                on_toggle=Callback::new(move |key: &'static str| {
                    if let Some(k) = MilestoneKind::from_name(key) {
                        update(&|f| f.toggle_kind(k));
                    }
                })
            />
            <Facet
                legend=s.sector_facet
                options=Signal::derive(move || {
                    facet_options(counts.get().sectors, &state.filter.get().sectors, s.sector)
                })
                on_toggle=Callback::new(move |key: &'static str| {
                    if let Some(x) = Sector::from_name(key) {
                        update(&|f| f.toggle_sector(x));
                    }
                })
            />
            </div>
        </div>
        <div class="result-bar">
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                {move || (s.results)(selected.with(Vec::len), total)}
            </p>
            <label class="sort">
                <span>{s.sort}</span>
                <select on:change=move |ev| {
                    let sort = match event_target_value(&ev).as_str() {
                        "name" => Sort::Name,
                        "sector" => Sort::Sector,
                        _ => Sort::Article,
                    };
                    update(&|f| f.sort = sort);
                }>
                    <option value="article" selected=move || state.filter.with(|f| f.sort == Sort::Article)>{s.sort_article}</option>
                    <option value="name" selected=move || state.filter.with(|f| f.sort == Sort::Name)>{s.sort_name}</option>
                    <option value="sector" selected=move || state.filter.with(|f| f.sort == Sort::Sector)>{s.sort_sector}</option>
                </select>
            </label>
            {move || (!state.filter.with(Filter::is_default)).then(|| view! {
                <button type="button" class="reset" on:click=reset>{s.reset}</button>
            })}
        </div>
        {move || selected.with(Vec::is_empty).then(|| view! {
            <div class="empty">
                <p>{s.no_results}</p>
                <button type="button" on:click=reset>{s.reset}</button>
            </div>
        })}
        <div class="cards">
            <For each=visible key=|key| *key let:key>
                <ProjectCard project=&projects[key.1]/>
            </For>
        </div>
        {move || (selected.with(Vec::len) > shown.get()).then(|| view! {
            <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || format!("+ {}", selected.with(Vec::len) - shown.get())}
            </button>
        })}
    }
}

/// A group of checkboxes, each with the number of cards it would give.
/// A facet's options, in the order of `counts`: each value's name (its key in the URL and the
/// DOM), its label, how many projects it would show, and whether it is chosen.
fn facet_options<T: Named + Ord>(
    counts: Vec<(T, usize)>,
    chosen: &BTreeSet<T>,
    label: fn(T) -> &'static str,
) -> Vec<(&'static str, String, usize, bool)> {
    counts
        .into_iter()
        .map(|(v, n)| (v.name(), label(v).to_string(), n, chosen.contains(&v)))
        .collect()
}

#[component]
fn Facet(
    legend: &'static str,
    options: Signal<Vec<(&'static str, String, usize, bool)>>,
    on_toggle: Callback<&'static str>,
) -> impl IntoView {
    view! {
        <fieldset class="facet">
            <legend>{legend}</legend>
            <div class="facet-options">
                {move || options.get().into_iter().map(|(key, label, count, checked)| {
                    view! {
                        <label class="facet-option" class:empty=count == 0 data-key=key>
                            <input type="checkbox" prop:checked=checked on:change=move |_| on_toggle.run(key)/>
                            <span>{label}</span>
                            <span class="count">{count}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// A card: name (which opens the project's sentences), sector and milestones, compact; the
/// article's words about it, its chapter and its figures on request.
#[component]
fn ProjectCard(project: &'static Project) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let s = strings(state.lang);
    let ds = dataset();
    let clause = project.clause(ds, lang);
    let chapter = ds.chapter_of(project);
    view! {
        <article class="card" id=card_id(&project.id) data-project=project.id.clone() tabindex="-1">
            // The name opens the article's sentences about the project (dotted, as every
            // source on the page; the words for screen readers only).
            <h3>
                <button type="button" class="card-source" aria-haspopup="dialog"
                    data-source=SourceRef::Project(project.id.clone()).attr()>
                    {project.name.get(lang).to_string()}
                    <span class="visually-hidden">{format!(" · {}", s.show_source)}</span>
                </button>
            </h3>
            <div class="card-meta">
                <span class="sector"><Icon name=sector_icon(project.sector)/>{(s.sector)(project.sector)}</span>
                <ol class="milestones">
                    {project.milestones.iter().map(|m| view! {
                        <li data-kind=m.kind.name()>{(s.milestone)(m.kind)}</li>
                    }).collect_view()}
                </ol>
                <details class="card-more">
                // A chevron to the eye (not one more label repeated on every card); its words,
                // with the project's name, to screen readers.
                <summary>
                    <span class="visually-hidden">{format!("{} · {}", s.card_more, project.name.get(lang))}</span>
                </summary>
                {clause.map(|c| view! {
                    <blockquote class="card-clause">
                        {c.before}
                        {(!c.name.is_empty()).then(|| view! { <mark class="card-name">{c.name}</mark> })}
                        {(!c.after.is_empty()).then_some(c.after)}
                    </blockquote>
                })}
                {chapter.map(|g| view! {
                    <p class="card-chapter">
                        {format!("{}: ", s.card_chapter)}
                        <a href=format!("#{}", section_id(&g.id))>{g.title.get(lang).to_string()}</a>
                    </p>
                })}
                {(!project.figures.is_empty()).then(|| view! {
                    <ul class="card-figures">
                        {project.figures.iter().filter_map(|id| ds.figure(id)).map(|f| view! {
                            <li>{f.label.get(lang).to_string()}": "<strong>{figure_text(f, lang)}</strong></li>
                        }).collect_view()}
                    </ul>
                })}
                </details>
            </div>
        </article>
    }
}
