//! The top of the page (title, dek, date, byline, language switch) and its foot (source,
//! downloads, and the embed code, which the live app keeps in step with the view).

use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::Lang;
use crate::names::Named;
use crate::query::url::{switch_href, UrlState};
use crate::ui::embed_code::EmbedCode;
use leptos::prelude::*;

#[component]
pub fn Masthead(lang: Lang) -> impl IntoView {
    let meta = &dataset().meta;
    let s = strings(lang);
    view! {
        <header class="masthead">
            <LanguageSwitch lang/>
            <h1>{meta.title.get(lang).to_string()}</h1>
            <p class="dek">{meta.dek.get(lang).to_string()}</p>
            <p class="byline">
                <span>{format!("{} {}", s.published, (s.date)(&meta.date))}</span>
                " · "
                <span>{format!("{} {}", s.by, meta.byline.get(lang))}</span>
            </p>
        </header>
    }
}

/// A link to each language's page, labelled in its own language; the live app adds the view
/// to each (`ui::start`).
#[component]
fn LanguageSwitch(lang: Lang) -> impl IntoView {
    view! {
        <nav class="lang-switch" aria-label=strings(lang).language>
            {Lang::ALL.iter().map(|&l| view! {
                <a
                    href=switch_href(l, &UrlState::default(), None, false)
                    lang=l.tag()
                    hreflang=l.tag()
                    data-lang=l.tag()
                    aria-current=(l == lang).then_some("page")
                >
                    {strings(l).own_name}
                </a>
            }).collect_view()}
        </nav>
    }
}

/// The foot of the page: the source, the downloads and the embed code.
#[component]
pub fn Colophon(lang: Lang) -> impl IntoView {
    let meta = &dataset().meta;
    let s = strings(lang);
    let downloads = [
        ("data/figures.csv", format!("{} (CSV)", s.all_figures)),
        ("data/figures.json", format!("{} (JSON)", s.all_figures)),
        ("data/projects.csv", format!("{} (CSV)", s.all_projects)),
        ("data/projects.json", format!("{} (JSON)", s.all_projects)),
        ("standalone.html", format!("{} (HTML)", s.one_file_edition)),
    ];
    view! {
        <footer class="colophon">
            <p>{format!("{}: {}", s.source_title, meta.source.get(lang))}</p>
            <p>{s.icons_credit}</p>
            <section class="downloads" aria-labelledby="downloads-title">
                <h2 id="downloads-title">{s.downloads}</h2>
                <ul>
                    {downloads.into_iter().map(|(href, label)| view! {
                        <li><a href=href download>{label}</a></li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="embed-code" id=crate::ui::EMBED_CODE aria-labelledby="embed-title">
                <EmbedCode/>
            </section>
        </footer>
    }
}
