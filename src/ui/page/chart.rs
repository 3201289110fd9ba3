//! One chart: its picture, its text summary, and its data table with a way to show the projects
//! a bar stands for. The picture is the chart's SVG, drawn at build time and carried inline
//! (see `publish::chart_svg`): its bars carry what activating them does, and the live app
//! (`ui::bars`) shows a bar's readout, moves between bars with the keyboard and marks the bars
//! the cards' filter selects. Each row of the table opens its source; under the table are the
//! chart's downloads (its image and its data).

use crate::charts::{data_path, image_path, link_label, readout_id, rows, summary, summary_id};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::{BarChart, Lang};
use crate::ui::actions::{link_attr, SourceRef};
use leptos::either::Either;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The charts' SVGs for the page being rendered, by chart id (given through context).
#[derive(Clone)]
pub struct ChartSvgs(pub BTreeMap<String, String>);

#[component]
pub fn ChartView(spec: &'static BarChart, lang: Lang) -> impl IntoView {
    let s = strings(lang);
    let picture = use_context::<ChartSvgs>().and_then(|p| p.0.get(&spec.id).cloned());
    // The figures its bars show, for checking that each figure is shown once.
    let figures: Vec<&str> = spec.bars.iter().map(|b| b.figure.as_str()).collect();
    view! {
        <figure class="chart" data-chart=spec.id.clone() data-figures=figures.join(" ")>
            <figcaption class="visually-hidden" id=summary_id(&spec.id)>
                {summary(spec, dataset(), lang)}" "<span class="chart-selection"></span>
            </figcaption>
            {match picture {
                Some(svg) => Either::Left(view! {
                    <div class="chart-plot">
                        <div class="chart-art" inner_html=svg></div>
                        // Filled in by the live app for the bar it is shown for (`ui::bars`),
                        // which is then described by its source part.
                        <p class="chart-readout" aria-hidden="true" hidden>
                            <strong class="readout-label"></strong>
                            " "<span class="readout-value"></span>
                            " "<span class="readout-source" id=readout_id(&spec.id)></span>
                        </p>
                    </div>
                }),
                None => Either::Right(view! { <p class="chart-error" role="note">{s.chart_failed}</p> }),
            }}
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
                <p class="chart-downloads">
                    {s.chart_downloads}": "
                    <a href=image_path(&spec.id, lang, "svg") download>{format!("{} (SVG)", s.image)}</a>" · "
                    <a href=image_path(&spec.id, lang, "png") download>{format!("{} (PNG)", s.image)}</a>" · "
                    <a href=data_path(&spec.id) download>{format!("{} (CSV)", s.data)}</a>
                </p>
            </details>
        </figure>
    }
}
