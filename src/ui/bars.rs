//! The charts' bars, live: a bar under the pointer, focused or tapped shows its readout (label,
//! value as the article words it, the start of its source sentence) beside it; in a chart whose
//! bars lead to projects the arrow keys move between its bars (one tab stop, a roving
//! `tabindex`), Enter or Space does what the bar does and Escape leaves; and the bars follow the
//! cards: those the filter stands for are marked selected, the others dimmed. On touch, the
//! first tap on a bar shows its readout and the second does what it does.
//!
//! The bars are the build's inline SVG (`publish::chart_svg`); what activating one does is its
//! `data-link` or `data-source`, which `clicks` follows.

use super::clicks::activate;
use super::state::AppState;
use crate::charts::{readout, selected, selection};
use crate::embedded::dataset;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Makes the bars in `page` answer the pointer, the keyboard and the cards.
pub fn listen(page: &web_sys::Element, state: AppState) {
    // Whether the bar a touch went down on was showing its readout (None: no touch on a
    // bar). Read at the touch's start, before the tap focuses the bar.
    let touched: Rc<Cell<Option<bool>>> = Rc::new(Cell::new(None));
    let lang = state.lang;
    on(
        page,
        "pointerover",
        false,
        move |ev: web_sys::PointerEvent| {
            if ev.pointer_type() != "touch" {
                if let Some(bar) = bar_of(ev.target()) {
                    show(&bar, lang);
                }
            }
        },
    );
    on(
        page,
        "pointerout",
        false,
        move |ev: web_sys::PointerEvent| {
            let Some(bar) = bar_of(ev.target()) else {
                return;
            };
            let into = ev
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if ev.pointer_type() != "touch" && !bar.contains(into.as_ref()) && !is_focused(&bar) {
                hide(&bar);
                // A bar of the chart that has the focus keeps its readout.
                if let Some(focused) = bar_of(document().active_element().map(Into::into)) {
                    show(&focused, lang);
                }
            }
        },
    );
    let down = touched.clone();
    on(
        page,
        "pointerdown",
        false,
        move |ev: web_sys::PointerEvent| {
            let touch = ev.pointer_type() == "touch";
            let bar = bar_of(ev.target());
            down.set(
                bar.as_ref()
                    .filter(|_| touch)
                    .map(|b| b.class_list().contains("is-active")),
            );
            if touch && bar.is_none() {
                hide_all();
            }
        },
    );
    // Before `clicks` acts on a click: the first tap on a bar shows its readout only.
    on(page, "click", true, move |ev: web_sys::MouseEvent| {
        let Some(bar) = bar_of(ev.target()) else {
            return;
        };
        if touched.take() == Some(false) {
            ev.stop_propagation();
            show(&bar, lang);
        }
    });
    on(page, "focusin", false, move |ev: web_sys::FocusEvent| {
        if let Some(bar) = bar_of(ev.target()) {
            // However the bar got the focus (keys, a click, a tap), it is the chart's one stop.
            if let Some(svg) = bar.closest(".chart-svg").ok().flatten() {
                for other in all(&svg, ".bar") {
                    let _ = other.set_attribute("tabindex", "-1");
                }
            }
            let _ = bar.set_attribute("tabindex", "0");
            show(&bar, lang);
        }
    });
    on(page, "focusout", false, move |ev: web_sys::FocusEvent| {
        if let Some(bar) = bar_of(ev.target()) {
            hide(&bar);
        }
    });
    on(page, "keydown", false, move |ev: web_sys::KeyboardEvent| {
        let Some(bar) = bar_of(ev.target()) else {
            return;
        };
        // The browser's and the system's own shortcuts (Alt+Left goes back) pass.
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let key = ev.key();
        let next = match key.as_str() {
            "ArrowDown" | "ArrowRight" => sibling(&bar, 1),
            "ArrowUp" | "ArrowLeft" => sibling(&bar, -1),
            "Home" => sibling(&bar, i32::MIN),
            "End" => sibling(&bar, i32::MAX),
            "Enter" | " " => {
                ev.prevent_default();
                activate(state, &bar);
                return;
            }
            "Escape" => {
                leave(&bar);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(next) = next {
            // (Its readout and its place as the chart's tab stop follow on focus.)
            focus(&next);
        }
    });
    follow_the_cards(state);
}

/// Adds a listener for `event` of type `E` to `target`, for the page's life.
fn on<E: JsCast + 'static>(
    target: &web_sys::Element,
    event: &str,
    capture: bool,
    f: impl Fn(E) + 'static,
) {
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Ok(ev) = ev.dyn_into::<E>() {
            f(ev);
        }
    });
    let _ = target.add_event_listener_with_callback_and_bool(
        event,
        listener.as_ref().unchecked_ref(),
        capture,
    );
    listener.forget();
}

/// The elements under `root` that match `css`.
fn all(root: &web_sys::Element, css: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(css) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// The bar (`g.bar` of a chart) the event target is in, if any.
fn bar_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    element.closest(".chart-svg .bar").ok().flatten()
}

/// The chart (`figure.chart`) a bar is in.
fn figure_of(bar: &web_sys::Element) -> Option<web_sys::Element> {
    bar.closest("figure.chart").ok().flatten()
}

fn is_focused(bar: &web_sys::Element) -> bool {
    document().active_element().as_ref() == Some(bar)
}

/// The bar `step` places after `bar` in its chart (clamped to the first and the last).
fn sibling(bar: &web_sys::Element, step: i32) -> Option<web_sys::Element> {
    let svg = bar.closest(".chart-svg").ok().flatten()?;
    let bars = all(&svg, ".bar");
    let here: i64 = bar.get_attribute("data-bar")?.parse().ok()?;
    let to = (here + i64::from(step)).clamp(0, bars.len() as i64 - 1);
    (to != here)
        .then(|| bars.get(to as usize).cloned())
        .flatten()
}

fn focus(bar: &web_sys::Element) {
    if let Some(bar) = bar.dyn_ref::<web_sys::SvgElement>() {
        let _ = bar.focus();
    }
}

/// Escape: the readout goes, and focus moves on to the chart's data table.
fn leave(bar: &web_sys::Element) {
    hide(bar);
    let summary =
        figure_of(bar).and_then(|f| f.query_selector(".data-table > summary").ok().flatten());
    if let Some(summary) = summary.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = summary.focus();
    }
}

/// The readout element of the chart `bar` is in.
fn readout_of(bar: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    figure_of(bar)?
        .query_selector(".chart-readout")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Shows `bar`'s readout just below its band, so that it never covers the bar, and emphasises
/// the bar.
fn show(bar: &web_sys::Element, lang: crate::model::Lang) {
    let (Some(box_), Some(figure)) = (readout_of(bar), bar.get_attribute("data-figure")) else {
        return;
    };
    let Some(r) = readout(dataset(), &figure, lang) else {
        return;
    };
    if let Some(svg) = bar.closest(".chart-svg").ok().flatten() {
        for other in all(&svg, ".bar.is-active") {
            let _ = other.class_list().remove_1("is-active");
            let _ = other.remove_attribute("aria-describedby");
        }
    }
    let _ = bar.class_list().add_1("is-active");
    for (part, text) in [
        (".readout-label", &r.label),
        (".readout-value", &r.value),
        (".readout-source", &r.source),
    ] {
        if let Ok(Some(e)) = box_.query_selector(part) {
            e.set_text_content(Some(text));
        }
    }
    // The bar is described by the readout's source while it shows (its name says the rest).
    if let Ok(Some(source)) = box_.query_selector(".readout-source") {
        let _ = bar.set_attribute("aria-describedby", &source.id());
    }
    box_.set_hidden(false);
    let plot = box_.parent_element();
    let hit = bar.query_selector(".bar-hit").ok().flatten();
    if let (Some(plot), Some(hit)) = (plot, hit) {
        let top = hit.get_bounding_client_rect().bottom() - plot.get_bounding_client_rect().top();
        // Whole pixels: formatting a float would bring its formatter into the WebAssembly.
        let _ = box_
            .style()
            .set_property("top", &format!("{}px", top.ceil() as i32));
    }
}

/// Hides every readout on the page (a touch elsewhere).
fn hide_all() {
    if let Some(root) = document().document_element() {
        for bar in all(&root, ".chart-svg .bar.is-active") {
            hide(&bar);
        }
    }
}

fn hide(bar: &web_sys::Element) {
    let _ = bar.class_list().remove_1("is-active");
    let _ = bar.remove_attribute("aria-describedby");
    if let Some(box_) = readout_of(bar) {
        box_.set_hidden(true);
    }
}

/// Keeps each chart's bars marked as the cards' filter selects them, and its summary saying
/// so.
fn follow_the_cards(state: AppState) {
    Effect::new(move |_| {
        let filter = state.filter.get();
        for chart in &dataset().charts {
            let Ok(Some(figure)) =
                document().query_selector(&format!("figure.chart[data-chart=\"{}\"]", chart.id))
            else {
                continue;
            };
            let marks = selected(chart, &filter);
            // Each bar, and its words (`[data-bar]` both).
            for part in all(&figure, "[data-bar]") {
                let bar = part
                    .get_attribute("data-bar")
                    .and_then(|b| b.parse::<usize>().ok());
                let on = marks.as_ref().zip(bar).and_then(|(m, b)| m.get(b).copied());
                let _ = match on {
                    Some(on) => {
                        part.set_attribute("data-state", if on { "selected" } else { "dimmed" })
                    }
                    None => part.remove_attribute("data-state"),
                };
                if part.class_list().contains("bar") {
                    let _ = if on == Some(true) {
                        part.set_attribute("aria-current", "true")
                    } else {
                        part.remove_attribute("aria-current")
                    };
                }
            }
            if let Ok(Some(said)) = figure.query_selector(".chart-selection") {
                said.set_text_content(Some(&selection(chart, &filter, dataset(), state.lang)));
            }
        }
    });
}
