//! A panic shows a readable message on the page (and in the console), never a blank page.

use std::panic;

pub fn show_panics_on_page() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = document.body() else { return };
        let Ok(banner) = document.create_element("div") else {
            return;
        };
        banner.set_id("app-error");
        let _ = banner.set_attribute("role", "alert");
        banner.set_text_content(Some(&format!(
            "抱歉,圖表出錯了 · Sorry, the infographic stopped working. Please reload the page. ({info})"
        )));
        let _ = body.prepend_with_node_1(&banner);
    }));
}
