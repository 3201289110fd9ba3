//! One chart: the ECharts picture (drawn by charming), its text summary, and its data table
//! with a way to show the projects a bar stands for. The picture follows the language and the
//! theme, resizes with its container, and is disposed when it leaves the page.

use super::state::use_state;
use crate::charts::{link_label, ChartSpec, Link};
use crate::embedded::dataset;
use crate::i18n::strings;
use charming::WasmRenderer;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance: the methods charming does not bind.
    #[derive(Clone)]
    type Instance;
    #[wasm_bindgen(method)]
    fn on(this: &Instance, event: &str, handler: &js_sys::Function);
    #[wasm_bindgen(method)]
    fn dispose(this: &Instance);
    #[wasm_bindgen(method, js_name = resize)]
    fn fit(this: &Instance);
}

/// Whether the ECharts script loaded (it is a separate, deferred file).
fn echarts_loaded() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"echarts".into()).is_ok_and(|v| v.is_object())
}

/// The live parts of a drawn chart, released together.
struct Drawn {
    chart: Instance,
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn Fn()>,
    _on_click: Closure<dyn Fn(JsValue)>,
}

impl Drop for Drawn {
    fn drop(&mut self) {
        self.observer.disconnect();
        self.chart.dispose();
    }
}

#[component]
pub fn ChartView(spec: &'static ChartSpec, on_link: Callback<Link>) -> impl IntoView {
    let state = use_state();
    let node = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let element_id = format!("chart-{}", spec.id);
    // Not Send (JS objects): kept in a local store, replaced on every redraw, dropped on cleanup.
    let drawn = StoredValue::new_local(None::<Drawn>);
    let id_for_render = element_id.clone();
    Effect::new(move |_| {
        let lang = state.lang.get();
        let theme = state.theme.get();
        let Some(div) = node.get() else { return };
        drawn.set_value(None);
        if !echarts_loaded() {
            failed.set(true);
            return;
        }
        let chart = spec.chart(dataset(), lang, theme);
        let Ok(echarts) = WasmRenderer::new_opt(None, None).render(&id_for_render, &chart) else {
            failed.set(true);
            return;
        };
        let echarts: Instance = echarts.unchecked_into();
        let on_resize = Closure::<dyn Fn()>::new({
            let echarts = echarts.clone();
            move || echarts.fit()
        });
        let on_click = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
            let index = js_sys::Reflect::get(&params, &"seriesIndex".into())
                .ok()
                .and_then(|v| v.as_f64());
            if let Some(link) = index
                .and_then(|i| spec.bars.get(i as usize))
                .and_then(|(_, link)| *link)
            {
                on_link.run(link);
            }
        });
        echarts.on("click", on_click.as_ref().unchecked_ref());
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&div);
        drawn.set_value(Some(Drawn {
            chart: echarts,
            observer,
            _on_resize: on_resize,
            _on_click: on_click,
        }));
    });
    on_cleanup(move || drawn.set_value(None));

    let s = move || strings(state.lang.get());
    let rows = move || spec.rows(dataset(), state.lang.get());
    view! {
        <figure class="chart">
            <figcaption class="visually-hidden">{move || spec.summary(dataset(), state.lang.get())}</figcaption>
            <div class="chart-canvas" id=element_id node_ref=node aria-hidden="true"></div>
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
