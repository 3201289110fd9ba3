//! One chart: its picture, its text summary, and its data table with a way to show the projects
//! a bar stands for. The picture is an SVG drawn at build time (see `charts`): the browser picks
//! the one for the screen's width and colour scheme. A click on a bar is found by its band (it
//! shows the bar's projects, or else its source), and a picture that cannot be shown is said
//! so, by the live app (`ui::clicks`, `ui::pictures`). Each row of the table opens its source.

use crate::charts::{height, link_label, picture_name, rows, summary, NARROW, WIDE, WIDE_FROM};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::{BarChart, Lang};
use crate::ui::actions::{link_attr, SourceRef};
use leptos::prelude::*;

#[component]
pub fn ChartView(spec: &'static BarChart, lang: Lang) -> impl IntoView {
    let picture =
        |dark: bool, width: u32| format!("charts/{}", picture_name(&spec.id, lang, dark, width));
    let wide = format!("(min-width: {WIDE_FROM}px)");
    let dark = "(prefers-color-scheme: dark)";
    let height = height(spec);
    let s = strings(lang);
    // The figures its bars show, for checking that each figure is shown once.
    let figures: Vec<&str> = spec.bars.iter().map(|b| b.figure.as_str()).collect();
    view! {
        <figure class="chart" data-figures=figures.join(" ")>
            <figcaption class="visually-hidden">{summary(spec, dataset(), lang)}</figcaption>
            <picture>
                <source media=format!("{wide} and {dark}") srcset=picture(true, WIDE) width=WIDE height=height/>
                <source media=wide srcset=picture(false, WIDE) width=WIDE height=height/>
                <source media=dark srcset=picture(true, NARROW) width=NARROW height=height/>
                <img class="chart-picture" id=format!("chart-{}", spec.id)
                    src=picture(false, NARROW) width=NARROW height=height alt=""
                    // No Referer: a page URL with a very long query would make the request's
                    // headers larger than servers accept, and the picture does not need it.
                    referrerpolicy="no-referrer"/>
            </picture>
            <p class="chart-error" role="note" hidden>{s.chart_failed}</p>
            <details class="data-table">
                <summary>{s.data_table}</summary>
                <table>
                    <thead>
                        <tr><th scope="col">{s.table_item}</th><th scope="col">{s.table_value}</th></tr>
                    </thead>
                    <tbody>
                        {rows(spec, dataset(), lang).into_iter().map(|row| view! {
                            <tr data-figure=row.figure.clone()>
                                // The label opens the figure's source, as a tile's number does.
                                <th scope="row">
                                    <button type="button" class="row-source" aria-haspopup="dialog"
                                        data-source=SourceRef::Figure(row.figure.clone()).attr()>
                                        {row.label.clone()}
                                    </button>
                                </th>
                                <td>
                                    <span class="value">{row.text.clone()}</span>
                                    {row.link.map(|link| view! {
                                        <button type="button" class="link-button" data-link=link_attr(link)>
                                            {format!("{} · {}", s.show_projects, link_label(link, lang))}
                                        </button>
                                    })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
