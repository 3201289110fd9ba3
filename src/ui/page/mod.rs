//! The page as the build renders it, once per language (`render_to_html`, for `bake`). The
//! sections that never change after load are plain HTML written here only; the parts a reader
//! changes are the live app's own components, rendered into the elements it hydrates.

mod chart;
mod groups;
mod header;

use super::cards::ProjectsBody;
use super::source::SourceDialog;
use super::state::AppState;
use super::{ANNOUNCEMENT, CARDS, SOURCE_PANEL};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::Lang;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

/// The page in `lang` as HTML, for `bake` to write its language's page.
pub fn render_to_html(lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(AppState::rendered(lang));
        view! { <Page lang/> }.to_html()
    })
}

#[component]
fn Page(lang: Lang) -> impl IntoView {
    let s = strings(lang);
    view! {
        <div class="page" lang=lang.tag()>
            <a class="skip-link" href=format!("#{CARDS}")>{s.skip_to_projects}</a>
            <header::Masthead lang/>
            {dataset().groups.iter().map(|g| view! { <groups::GroupSection group=g lang/> }).collect_view()}
            <groups::TasksSection lang/>
            <section class="group projects" id=CARDS aria-labelledby="projects-title" tabindex="-1">
                <ProjectsBody/>
            </section>
            <header::Colophon lang/>
            <div id=SOURCE_PANEL><SourceDialog/></div>
            <p class="visually-hidden" id=ANNOUNCEMENT role="status" aria-live="polite"></p>
        </div>
    }
}
