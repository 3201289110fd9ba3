//! The page as the build renders it, once per language (`render_to_html`, for `bake`). The
//! sections that never change after load are plain HTML written here only; the parts a reader
//! changes are the live app's own components, rendered into the elements it hydrates.

mod chapters;
mod chart;
mod header;
mod tiles;

use super::cards::ProjectsBody;
use super::source::SourceDialog;
use super::state::AppState;
use super::{ANNOUNCEMENT, CARDS, SOURCE_PANEL};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::Lang;
use crate::publish::Artwork;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

/// The page in `lang` as HTML, with the icons and charts the build drew for it (`art`), for
/// `bake` to write its language's page.
pub fn render_to_html(lang: Lang, art: &Artwork) -> String {
    let owner = Owner::new();
    let sprite = art.sprite.to_string();
    owner.with(|| {
        provide_context(AppState::rendered(lang));
        provide_context(chart::ChartSvgs(art.charts.clone()));
        view! { <Page lang sprite/> }.to_html()
    })
}

#[component]
fn Page(lang: Lang, sprite: String) -> impl IntoView {
    let s = strings(lang);
    let mut groups = dataset().groups.iter();
    let lead = groups.next();
    view! {
        <div class="page" lang=lang.tag()>
            <a class="skip-link" href=format!("#{CARDS}")>{s.skip_to_projects}</a>
            <header::Masthead lang/>
            {lead.map(|group| view! { <chapters::Lead group lang/> })}
            <chapters::ChapterIndex lang/>
            {groups.map(|group| view! { <chapters::Chapter group lang/> }).collect_view()}
            <section class="group chapter projects" id=CARDS aria-labelledby="projects-title" tabindex="-1">
                <ProjectsBody/>
            </section>
            <chapters::TasksSection lang/>
            <header::Colophon lang/>
            <div id=SOURCE_PANEL><SourceDialog/></div>
            <p class="visually-hidden" id=ANNOUNCEMENT role="status" aria-live="polite"></p>
            <div class="icon-sprite" inner_html=sprite></div>
        </div>
    }
}
