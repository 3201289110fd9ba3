//! A chart picture that cannot be shown is said so: its figure's note (rendered hidden at build
//! time) is shown, for a picture that had already failed when the app started and for one that
//! fails later.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Shows the note of each chart picture in `page` that failed, now or later.
pub fn say_when_missing(page: &web_sys::Element) {
    if let Ok(pictures) = page.query_selector_all("img.chart-picture") {
        for i in 0..pictures.length() {
            let Some(img) = pictures
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlImageElement>().ok())
            else {
                continue;
            };
            if img.complete() && img.natural_width() == 0 {
                show_note(&img);
            }
        }
    }
    // `error` does not bubble: it is caught on its way down.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        if let Some(img) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlImageElement>().ok())
        {
            if img.class_list().contains("chart-picture") {
                show_note(&img);
            }
        }
    });
    let _ = page.add_event_listener_with_callback_and_bool(
        "error",
        on_error.as_ref().unchecked_ref(),
        true,
    );
    on_error.forget();
}

fn show_note(img: &web_sys::Element) {
    let note = img
        .closest("figure")
        .ok()
        .flatten()
        .and_then(|figure| figure.query_selector(".chart-error").ok().flatten());
    if let Some(note) = note.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        note.set_hidden(false);
    }
}
