//! Where a chart picture is: `charts/<name>` beside the page, or, in the one-file edition
//! (`standalone.html`), the data URI the page carries for it in `<script id="pictures">`.

/// The URL of picture `name` (see `charts::picture_name`).
pub fn src(name: &str) -> String {
    embedded(name).unwrap_or_else(|| format!("charts/{name}"))
}

#[cfg(target_arch = "wasm32")]
fn embedded(name: &str) -> Option<String> {
    use wasm_bindgen::JsValue;
    thread_local! {
        /// The one-file edition's pictures by name, read once; `None` on a hosted page.
        static PICTURES: Option<JsValue> = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("pictures"))
            .and_then(|e| e.text_content())
            .and_then(|json| js_sys::JSON::parse(&json).ok());
    }
    PICTURES.with(|pictures| {
        js_sys::Reflect::get(pictures.as_ref()?, &name.into())
            .ok()?
            .as_string()
    })
}

/// Rendered at build time (`bake`): the hosted page's paths, which the one-file edition's
/// assembly then swaps for data URIs.
#[cfg(not(target_arch = "wasm32"))]
fn embedded(_name: &str) -> Option<String> {
    None
}
