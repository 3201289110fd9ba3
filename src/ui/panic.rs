//! A panic shows a readable message on the page (and in the console), never a blank page.

use crate::i18n::strings;
use crate::model::Lang;
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
        // In the language of the page as it is (a panic can come before the app has one).
        let lang = document
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or_default();
        let message = strings(lang).error_banner;
        banner.set_text_content(Some(&format!("{message} ({info})")));
        let _ = body.prepend_with_node_1(&banner);
    }));
}
