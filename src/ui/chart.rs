//! One ECharts chart drawn by charming into a `div`, or a message when ECharts is missing.

use charming::{Chart, WasmRenderer};
use leptos::prelude::*;

/// Whether the ECharts script loaded (it is a separate, deferred file).
fn echarts_loaded() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"echarts".into()).unwrap_or(false)
}

#[component]
pub fn ChartView(id: &'static str, chart: Chart, label: String) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    Effect::new(move |_| {
        if node.get().is_none() {
            return;
        }
        if !echarts_loaded()
            || WasmRenderer::new_opt(None, None)
                .render(id, &chart)
                .is_err()
        {
            failed.set(true);
        }
    });
    view! {
        <figure class="chart">
            <div class="chart-canvas" id=id node_ref=node role="img" aria-label=label></div>
            <Show when=move || failed.get()>
                <p class="chart-error">"圖表未能繪製 · The chart could not be drawn."</p>
            </Show>
        </figure>
    }
}
