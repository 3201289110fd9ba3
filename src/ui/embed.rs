//! Talking to a host page: inside an iframe, the app reports its height whenever it changes
//! (start, filters, resizing), in Pym.js's and AMP's message formats. (The code a newsroom
//! pastes to embed it is `embed_code`'s.)

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page's reports to its host window.
struct Reporter {
    window: web_sys::Window,
    parent: web_sys::Window,
    body: web_sys::HtmlElement,
    /// Pym.js's parent only listens to its own child id, given in the iframe's URL.
    child_id: Option<String>,
    last: std::cell::Cell<i32>,
    /// Runs `report(false)` again shortly after each report (set once the reporter exists).
    settle: std::cell::RefCell<Option<js_sys::Function>>,
}

impl Reporter {
    /// Sends the height if it changed (or always, with `force`). Each report is checked again
    /// 300 ms later: a height measured mid-layout is then corrected, even if the layout returns
    /// to a size the ResizeObserver had already seen (and so does not report again).
    fn report(&self, force: bool) {
        let height = self.body.get_bounding_client_rect().height().ceil() as i32;
        if height == self.last.replace(height) && !force {
            return;
        }
        if let Some(id) = &self.child_id {
            let _ = self
                .parent
                .post_message(&format!("pymxPYMx{id}xPYMxheightxPYMx{height}").into(), "*");
        }
        let amp = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&amp, &"sentinel".into(), &"amp".into());
        let _ = js_sys::Reflect::set(&amp, &"type".into(), &"embed-size".into());
        let _ = js_sys::Reflect::set(&amp, &"height".into(), &height.into());
        let _ = self.parent.post_message(&amp, "*");
        if let Some(settle) = self.settle.borrow().as_ref() {
            let _ = self
                .window
                .set_timeout_with_callback_and_timeout_and_arguments_0(settle, 300);
        }
    }
}

/// Starts reporting the page height to the parent window, if there is one: on every change
/// of size, and again whenever the host asks (Pym.js's width message, as `embed.js` sends).
pub fn report_height_to_host() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let child_id = window
        .location()
        .search()
        .ok()
        .and_then(|q| pym_child_id(&q));
    let reporter = std::rc::Rc::new(Reporter {
        window: window.clone(),
        parent,
        body,
        child_id,
        last: std::cell::Cell::new(0),
        settle: std::cell::RefCell::new(None),
    });
    let on_change = |force: bool| {
        let reporter = std::rc::Rc::clone(&reporter);
        Closure::<dyn Fn()>::new(move || reporter.report(force))
    };
    let settle = on_change(false);
    *reporter.settle.borrow_mut() = Some(settle.as_ref().clone().unchecked_into());
    settle.forget();
    let on_resize = on_change(false);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&reporter.body);
    }
    on_resize.forget();
    // The observer reports only once the page is rendered, which a browser may put off for an
    // iframe out of view: the first height goes at once.
    reporter.report(true);

    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let asks = event
                .data()
                .as_string()
                .is_some_and(|d| d.starts_with("pymxPYMx") && d.contains("xPYMxwidthxPYMx"));
            if asks {
                reporter.report(true);
            }
        });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// The `childId` parameter Pym.js adds to the iframe's URL.
fn pym_child_id(query: &str) -> Option<String> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == "childId")
        .map(|(_, v)| {
            v.chars()
                .filter(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
                .collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pyms_child_id() {
        assert_eq!(
            pym_child_id("?initialWidth=600&childId=example-1&parentTitle=x"),
            Some("example-1".into())
        );
        assert_eq!(pym_child_id("?lang=en"), None);
        assert_eq!(pym_child_id("?childId=a%22%3E"), Some("a".into()));
    }
}
