//! One chart: its picture, its text summary, and its data table with a way to show the projects
//! a bar stands for. The picture is an SVG drawn at build time (see `charts`): the browser picks
//! the one for the screen's width and colour scheme, and a click on a bar is found by its band.

use super::pictures::src;
use super::state::use_state;
use crate::charts::{
    bar_at, height, link_label, picture_name, rows, summary, NARROW, WIDE, WIDE_FROM,
};
use crate::embedded::dataset;
use crate::i18n::strings;
use crate::model::{BarChart, Link};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ChartView(spec: &'static BarChart, on_link: Callback<Link>) -> impl IntoView {
    let state = use_state();
    let failed = RwSignal::new(false);
    let picture =
        move |dark: bool, width: u32| src(&picture_name(&spec.id, state.lang.get(), dark, width));
    let wide = format!("(min-width: {WIDE_FROM}px)");
    let dark = "(prefers-color-scheme: dark)";
    let height = height(spec);
    let linked = spec.bars.iter().any(|bar| bar.link.is_some());
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(img) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = img.get_bounding_client_rect();
        let fraction = (f64::from(ev.client_y()) - rect.top()) / rect.height();
        if let Some(link) = bar_at(spec, fraction).and_then(|i| spec.bars[i].link) {
            on_link.run(link);
        }
    };

    let s = move || strings(state.lang.get());
    let rows = move || rows(spec, dataset(), state.lang.get());
    view! {
        <figure class="chart">
            <figcaption class="visually-hidden">{move || summary(spec, dataset(), state.lang.get())}</figcaption>
            <picture>
                <source media=format!("{wide} and {dark}") srcset=move || picture(true, WIDE) width=WIDE height=height/>
                <source media=wide srcset=move || picture(false, WIDE) width=WIDE height=height/>
                <source media=dark srcset=move || picture(true, NARROW) width=NARROW height=height/>
                <img class="chart-picture" class:linked=linked id=format!("chart-{}", spec.id)
                    src=move || picture(false, NARROW) width=NARROW height=height alt=""
                    // No Referer: a page URL with a very long query would make the request's
                    // headers larger than servers accept, and the picture does not need it.
                    referrerpolicy="no-referrer"
                    on:click=on_click
                    // A load cut short by a language switch also ends in `error`; the next
                    // picture's `load` clears it.
                    on:error=move |_| failed.set(true) on:load=move |_| failed.set(false)/>
            </picture>
            <Show when=move || failed.get()>
                <p class="chart-error" role="note">{move || s().chart_failed}</p>
            </Show>
            <details class="data-table">
                <summary>{move || s().data_table}</summary>
                <table>
                    <thead>
                        <tr><th scope="col">{move || s().table_item}</th><th scope="col">{move || s().table_value}</th></tr>
                    </thead>
                    <tbody>
                        {move || rows().into_iter().map(|row| {
                            let link = row.link;
                            view! {
                                <tr data-figure=row.figure.clone()>
                                    <th scope="row">{row.label.clone()}</th>
                                    <td>
                                        <span class="value">{row.text.clone()}</span>
                                        {link.map(|link| view! {
                                            <button type="button" class="link-button" on:click=move |_| on_link.run(link)>
                                                {move || format!("{} · {}", s().show_projects, link_label(link, state.lang.get()))}
                                            </button>
                                        })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
