//! Accessibility: axe-core's WCAG 2.0/2.1/2.2 A and AA rules (colour contrast included) in each
//! language, with filters, with no results, with a source panel open, embedded and in the dark
//! colour scheme; and the keyboard: Tab reaches every control in page order with a visible
//! focus, the source panel holds focus and gives it back, and focus survives the controls that
//! change the page. (Escape on figure tiles and cards is in `page.rs` and `cards.rs`.)

use super::*;
use crate::engines::{Browser, Engine};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::OnceLock;

// ── axe-core ──────────────────────────────────────────────────────────────────────────────

/// axe-core from npm (package.json pins it; `npm ci` or `make setup-test` installs it).
fn axe_source() -> Result<&'static str, String> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../node_modules/axe-core/axe.min.js");
            std::fs::read_to_string(&path).map_err(|e| {
                format!(
                    "cannot read {} ({e}): run `npm ci` (make test does)",
                    path.display()
                )
            })
        })
        .as_deref()
        .map_err(|e| e.clone())
}

/// Runs axe on the whole document with the WCAG 2.x A/AA rules and returns one line per
/// violation: rule, impact, what it asks, how many elements, the first few of them and why the
/// first one fails.
async fn axe(ctx: &Ctx<'_>, situation: &str) -> Result<Vec<String>, String> {
    let loaded = script(ctx, "return typeof window.axe === 'object';").await?;
    if loaded != json!(true) {
        script(
            ctx,
            &format!("{}\n;return typeof window.axe;", axe_source()?),
        )
        .await?;
    }
    let result = ctx
        .client
        .execute_async(
            "var done = arguments[arguments.length - 1];
             axe.run(document, {
               runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
               resultTypes: ['violations', 'incomplete']
             }).then(function (r) {
               // Colour contrast must pass: text whose contrast axe cannot work out (usually
               // because something overlaps it) counts against it too.
               var unsure = r.incomplete.filter(function (v) { return v.id === 'color-contrast'; })
                 .map(function (v) {
                   return {id: 'color-contrast (could not be checked)', impact: v.impact, help: v.help, nodes: v.nodes};
                 });
               done({violations: r.violations.concat(unsure).map(function (v) {
                 return {
                   id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                   targets: v.nodes.slice(0, 4).map(function (n) { return n.target.join(' >>> '); }),
                   why: (v.nodes[0] && (v.nodes[0].failureSummary || (v.nodes[0].any[0] || {}).message) || '').replace(/\\s+/g, ' ')
                 };
               })});
             }, function (e) { done({error: String(e && e.stack || e)}); });",
            vec![],
        )
        .await
        .map_err(|e| format!("axe did not run ({situation}): {e}"))?;
    if let Some(error) = result.get("error") {
        return Err(format!("axe failed ({situation}): {error}"));
    }
    let violations = result["violations"].as_array().cloned().unwrap_or_default();
    Ok(violations
        .iter()
        .map(|v| {
            format!(
                "[{situation}] {} ({}): {} — {} element(s), e.g. {} — {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                v["count"],
                v["targets"],
                v["why"].as_str().unwrap_or(""),
            )
        })
        .collect())
}

fn no_violations(found: Vec<String>) -> Outcome {
    if found.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} accessibility violation(s):\n  {}",
            found.len(),
            found.join("\n  ")
        ))
    }
}

/// Opens every data table, so that axe sees the tables and their buttons too.
async fn open_tables(ctx: &Ctx<'_>) -> Outcome {
    script(
        ctx,
        "document.querySelectorAll('details.data-table').forEach(d => d.open = true);",
    )
    .await
    .map(|_| ())
}

async fn open_panel(ctx: &Ctx<'_>, opener: &str) -> Outcome {
    click(ctx, opener).await?;
    wait_until(
        ctx,
        "document.querySelector('dialog.source-dialog').open",
        "the source panel to open",
    )
    .await?;
    // The damaged original, where there is one, is part of what a reader can open.
    script(
        ctx,
        "document.querySelectorAll('dialog.source-dialog details').forEach(d => d.open = true);",
    )
    .await
    .map(|_| ())
}

pub async fn axe_passes_in_each_language(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for tag in ["zh-Hant", "zh-Hans", "en"] {
        open(ctx, &format!("?lang={tag}")).await?;
        open_tables(ctx).await?;
        found.extend(axe(ctx, &format!("?lang={tag}, tables open")).await?);
    }
    no_violations(found)
}

pub async fn axe_passes_with_filters_and_no_results(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for query in [
        "?kind=landed&sector=finance",
        "?lang=en&q=nothing-matches-this",
    ] {
        open(ctx, query).await?;
        found.extend(axe(ctx, query).await?);
    }
    no_violations(found)
}

pub async fn axe_passes_with_a_source_panel_open(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for (query, opener) in [
        (
            "?lang=zh-Hant",
            ".tile[data-figure='landed-projects'] .tile-main",
        ),
        // A sentence with restored characters and the damaged original.
        (
            "?lang=zh-Hans",
            ".tile[data-figure='firms-financed'] .tile-main",
        ),
        // A derived figure, and the English rendering under the Chinese sentence.
        ("?lang=en", ".tile.derived .tile-main"),
        ("?lang=en", "#projects article.card .link-button"),
    ] {
        open(ctx, query).await?;
        open_panel(ctx, opener).await?;
        found.extend(axe(ctx, &format!("{query}, panel of `{opener}`")).await?);
    }
    no_violations(found)
}

pub async fn axe_passes_embedded(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for query in ["?embed=1", "?embed=1&lang=en&kind=landed"] {
        open(ctx, query).await?;
        found.extend(axe(ctx, query).await?);
    }
    no_violations(found)
}

// ── Dark colour scheme ─────────────────────────────────────────────────────────────────────

/// A minimal client of Chromium's DevTools protocol over the debugging port that chromedriver
/// reports (`goog:chromeOptions.debuggerAddress`): a WebSocket to the page under test, to ask
/// the browser itself to emulate `prefers-color-scheme: dark` (what DevTools' rendering panel
/// does). Nothing in the page is changed: the stylesheet's media query and the app's
/// `matchMedia` listener see a dark preference as they would on a reader's machine.
///
/// Firefox and WebKit have no honest way to switch to dark inside a running WebDriver session
/// (geckodriver refuses about:preferences and chrome context is not enabled, and WebKitGTK
/// follows the GTK theme it started with), so their dark check starts a second session that
/// prefers dark from the start (`Browser::start_dark`).
struct DevTools {
    stream: TcpStream,
    next_id: u64,
}

impl DevTools {
    /// Connects to the page at `url_prefix`, or gives `None` when the browser is not Chromium.
    fn connect(ctx: &Ctx<'_>, url_prefix: &str) -> Result<Option<DevTools>, String> {
        let Some(address) = ctx
            .client
            .capabilities()
            .and_then(|c| c.get("goog:chromeOptions"))
            .and_then(|o| o.get("debuggerAddress"))
            .and_then(Value::as_str)
            .map(str::to_string)
        else {
            return Ok(None);
        };
        let targets: Value = serde_json::from_str(&http_get(&address, "/json/list")?)
            .map_err(|e| format!("DevTools target list: {e}"))?;
        let socket = targets
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| {
                t["type"] == "page" && t["url"].as_str().is_some_and(|u| u.starts_with(url_prefix))
            })
            .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            .ok_or_else(|| format!("no DevTools page target at {url_prefix}: {targets}"))?;
        let path = socket
            .splitn(4, '/')
            .nth(3)
            .map(|p| format!("/{p}"))
            .ok_or_else(|| format!("odd DevTools socket URL {socket}"))?;
        let mut stream = connect(&address)?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        .map_err(|e| e.to_string())?;
        let head = read_head(&mut stream)?;
        if !head.starts_with("HTTP/1.1 101") {
            return Err(format!("DevTools refused the WebSocket: {head}"));
        }
        Ok(Some(DevTools { stream, next_id: 1 }))
    }

    /// Sends one command and waits for its answer (events in between are skipped).
    fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        let message = json!({"id": id, "method": method, "params": params}).to_string();
        self.send(message.as_bytes())?;
        loop {
            let reply: Value = serde_json::from_slice(&self.receive()?)
                .map_err(|e| format!("DevTools reply: {e}"))?;
            if reply["id"] == json!(id) {
                return match reply.get("error") {
                    Some(error) => Err(format!("{method}: {error}")),
                    None => Ok(reply["result"].clone()),
                };
            }
        }
    }

    /// One masked text frame, as a WebSocket client must send.
    fn send(&mut self, payload: &[u8]) -> Result<(), String> {
        const MASK: [u8; 4] = [0x5a, 0x17, 0xc3, 0x2e];
        let mut frame = vec![0x81];
        match payload.len() {
            n if n < 126 => frame.push(0x80 | n as u8),
            n if n <= 0xffff => {
                frame.push(0x80 | 126);
                frame.extend((n as u16).to_be_bytes());
            }
            n => {
                frame.push(0x80 | 127);
                frame.extend((n as u64).to_be_bytes());
            }
        }
        frame.extend(MASK);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ MASK[i % 4]));
        self.stream.write_all(&frame).map_err(|e| e.to_string())
    }

    /// One whole message (its frames joined); control frames are skipped.
    fn receive(&mut self) -> Result<Vec<u8>, String> {
        let mut message = Vec::new();
        loop {
            let mut head = [0u8; 2];
            self.stream
                .read_exact(&mut head)
                .map_err(|e| format!("DevTools socket: {e}"))?;
            let mut len = u64::from(head[1] & 0x7f);
            if len == 126 {
                let mut b = [0u8; 2];
                self.stream.read_exact(&mut b).map_err(|e| e.to_string())?;
                len = u64::from(u16::from_be_bytes(b));
            } else if len == 127 {
                let mut b = [0u8; 8];
                self.stream.read_exact(&mut b).map_err(|e| e.to_string())?;
                len = u64::from_be_bytes(b);
            }
            let mut mask = [0u8; 4];
            if head[1] & 0x80 != 0 {
                self.stream
                    .read_exact(&mut mask)
                    .map_err(|e| e.to_string())?;
            }
            let mut payload = vec![0u8; len as usize];
            self.stream
                .read_exact(&mut payload)
                .map_err(|e| e.to_string())?;
            payload
                .iter_mut()
                .enumerate()
                .for_each(|(i, b)| *b ^= mask[i % 4]);
            match head[0] & 0x0f {
                0x8 => return Err("DevTools closed the socket".into()),
                0x9 | 0xa => continue,
                _ => message.extend(payload),
            }
            if head[0] & 0x80 != 0 {
                return Ok(message);
            }
        }
    }

    fn prefer_dark(&mut self, dark: bool) -> Outcome {
        let features = if dark {
            json!([{"name": "prefers-color-scheme", "value": "dark"}])
        } else {
            json!([])
        };
        self.call(
            "Emulation.setEmulatedMedia",
            json!({ "features": features }),
        )
        .map(|_| ())
    }
}

impl Drop for DevTools {
    fn drop(&mut self) {
        let _ = self.prefer_dark(false);
    }
}

fn connect(address: &str) -> Result<TcpStream, String> {
    let stream = TcpStream::connect(address)
        .map_err(|e| format!("cannot reach DevTools at {address}: {e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .map_err(|e| e.to_string())?;
    Ok(stream)
}

/// The head of an HTTP response, up to the blank line.
fn read_head(stream: &mut TcpStream) -> Result<String, String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream
            .read_exact(&mut byte)
            .map_err(|e| format!("DevTools: {e}"))?;
        head.push(byte[0]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

fn http_get(address: &str, path: &str) -> Result<String, String> {
    let mut stream = connect(address)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let head = read_head(&mut stream)?;
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|n| n.trim().parse::<usize>())
        })
        .and_then(Result::ok);
    let mut body = Vec::new();
    match length {
        Some(n) => {
            body.resize(n, 0);
            stream.read_exact(&mut body).map_err(|e| e.to_string())?;
        }
        None => {
            stream.read_to_end(&mut body).map_err(|e| e.to_string())?;
        }
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

const PREFERS_DARK: &str = "matchMedia('(prefers-color-scheme: dark)').matches";

pub async fn axe_passes_in_dark_mode(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant").await?;
    let already_dark = script(ctx, &format!("return {PREFERS_DARK};")).await? == json!(true);
    if already_dark {
        return dark_pages_pass(ctx).await;
    }
    if let Some(mut session) = DevTools::connect(ctx, &ctx.server.base)? {
        session.prefer_dark(true)?;
        return dark_pages_pass(ctx).await;
    }
    // Firefox and WebKit: a second session, started dark.
    let name = ctx
        .client
        .capabilities()
        .and_then(|c| c.get("browserName"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_lowercase();
    let engine = if name.contains("firefox") {
        Engine::Firefox
    } else {
        Engine::WebKit
    };
    let dark = Browser::start_dark(engine).await?;
    let outcome = dark_pages_pass(&Ctx {
        client: &dark.client,
        server: ctx.server,
    })
    .await;
    dark.stop().await;
    outcome
}

/// axe on three views of the page in a session that prefers dark.
async fn dark_pages_pass(ctx: &Ctx<'_>) -> Outcome {
    let mut found = Vec::new();
    for (query, opener) in [
        ("?lang=zh-Hant&kind=landed", None),
        ("?lang=en", Some(".tile.derived .tile-main")),
        (
            "?lang=zh-Hans",
            Some(".tile[data-figure='firms-financed'] .tile-main"),
        ),
    ] {
        open(ctx, query).await?;
        wait_until(ctx, PREFERS_DARK, "the dark colour scheme").await?;
        // The page follows: its own background turns dark.
        wait_until(
            ctx,
            "getComputedStyle(document.documentElement).backgroundColor.match(/\\d+/g).slice(0, 3)
               .reduce((a, b) => a + Number(b), 0) < 150",
            "the page's dark background",
        )
        .await?;
        open_tables(ctx).await?;
        if let Some(opener) = opener {
            open_panel(ctx, opener).await?;
        }
        found.extend(axe(ctx, &format!("dark, {query}")).await?);
    }
    no_violations(found)
}

// ── Keyboard ───────────────────────────────────────────────────────────────────────────────

/// Installs in the page: `__kb.tabbable()`, the elements Tab should stop at, in order (no
/// positive tabindex on the page, so document order), each described; and a log of every focus
/// change with whether the focus is visible (an outline or a box shadow) and whether the
/// focused element is shown (not zero-sized, clipped to a pixel, transparent, hidden, inert,
/// under aria-hidden, or off the side of the page).
const KEYBOARD_PROBE: &str = r#"
window.__kb = (function () {
  var all = function () { return Array.prototype.slice.call(document.getElementsByTagName('*')); };
  function describe(el) {
    if (!el || el === document.body || el === document.documentElement) return 'the page itself (no control focused)';
    var s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
    if (el.type && el.tagName === 'INPUT') s += '[type=' + el.type + ']';
    var holder = el.closest('[data-figure], [data-project], [data-key], [data-lang], [data-sentence]');
    if (holder) {
      var d = holder.dataset;
      s += ' in ' + (d.figure ? (holder.tagName === 'TR' ? 'table row ' : 'tile ') + d.figure : d.project ? 'project ' + d.project : d.key ? 'option ' + d.key : d.lang ? 'language ' + d.lang : 'sentence ' + d.sentence);
    }
    var text = (el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return text ? s + ' "' + text + '"' : s;
  }
  function kind(el) {
    if (!el || !el.closest) return 'none';
    if (el.closest('.skip-link')) return 'skip link';
    if (el.closest('.lang-switch')) return 'language switch';
    if (el.closest('.tile')) return 'tiles';
    if (el.closest('.data-table')) return 'data tables';
    if (el.matches('input[type=search]')) return 'search field';
    if (el.closest('.facet')) return 'facet checkboxes';
    if (el.matches('select')) return 'sort';
    if (el.closest('.result-bar, .empty')) return 'reset';
    if (el.closest('article.card')) return 'cards';
    return 'other';
  }
  function rendered(el) {
    // The content of a closed <details> is not rendered (some engines still give it boxes).
    var closed = el.parentElement && el.parentElement.closest('details:not([open])');
    if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) return false;
    if (el.checkVisibility && !el.checkVisibility()) return false;
    if (!el.getClientRects().length) return false;
    return getComputedStyle(el).visibility !== 'hidden';
  }
  function tabbable(root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(
      'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]'))
      .filter(function (el) {
        if (el.disabled || el.tabIndex < 0 || el.closest('[inert]')) return false;
        if (el.tagName === 'SUMMARY' && el.parentElement.tagName === 'DETAILS' && el.parentElement.querySelector('summary') !== el) return false;
        var d = el.closest('dialog');
        if (d && !d.open) return false;
        var modal = document.querySelector('dialog[open]:modal');
        if (modal && !modal.contains(el)) return false;
        return rendered(el);
      })
      .map(function (el) { return {at: all().indexOf(el), what: describe(el), kind: kind(el)}; });
  }
  function shown(el) {
    var cs = getComputedStyle(el), r = el.getBoundingClientRect();
    var why = [];
    if (r.width < 2 || r.height < 2) why.push('size ' + r.width + '×' + r.height);
    if (r.right <= 0 || r.left >= innerWidth) why.push('off the side of the page');
    if (cs.visibility === 'hidden') why.push('visibility hidden');
    for (var e = el; e; e = e.parentElement) {
      var s = getComputedStyle(e);
      if (parseFloat(s.opacity) === 0) { why.push('transparent'); break; }
      if (e.getAttribute('aria-hidden') === 'true') { why.push('under aria-hidden'); break; }
      if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') { why.push('clipped away'); break; }
    }
    return why.join(', ');
  }
  function focusVisible(el) {
    var cs = getComputedStyle(el);
    var outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    return outline || (cs.boxShadow && cs.boxShadow !== 'none');
  }
  var log = [];
  document.addEventListener('focusin', function (e) {
    var el = e.target;
    log.push({at: all().indexOf(el), what: describe(el), kind: kind(el), visible: !!focusVisible(el), hidden: shown(el)});
  }, true);
  return {tabbable: tabbable, log: log, describe: describe, focusVisible: focusVisible, shown: shown,
          active: function () { var a = document.activeElement; return {what: describe(a), visible: !!(a && a !== document.body && focusVisible(a)), hidden: a && a !== document.body ? shown(a) : 'nothing focused'}; }};
})();
return true;
"#;

async fn install_keyboard_probe(ctx: &Ctx<'_>) -> Outcome {
    script(ctx, KEYBOARD_PROBE).await.map(|_| ())
}

/// Presses `key` `times` times, as one sequence of real key events.
async fn press(ctx: &Ctx<'_>, key: Key, times: usize) -> Outcome {
    let mut keys = KeyActions::new("keyboard".to_string());
    for _ in 0..times {
        keys = keys
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
    }
    ctx.client
        .perform_actions(keys)
        .await
        .map_err(|e| format!("cannot press {key:?}: {e}"))?;
    ctx.client
        .release_actions()
        .await
        .map_err(|e| e.to_string())
}

/// What has focus now: its description, whether the focus is visible, and why it is hidden.
async fn active(ctx: &Ctx<'_>) -> Result<(String, bool, String), String> {
    let a = script(ctx, "return __kb.active();").await?;
    Ok((
        a["what"].as_str().unwrap_or_default().to_string(),
        a["visible"] == json!(true),
        a["hidden"].as_str().unwrap_or_default().to_string(),
    ))
}

/// Focus is on a control matching `css`, visibly, and the control is shown.
async fn expect_focus_on(ctx: &Ctx<'_>, css: &str, when: &str) -> Outcome {
    let on = script(
        ctx,
        &format!("return !!document.activeElement && document.activeElement.matches({css:?});"),
    )
    .await?;
    let (what, visible, hidden) = active(ctx).await?;
    expect(
        &format!("{when}: focus on `{css}`, but it is on {what}"),
        on == json!(true),
    )?;
    expect(
        &format!("{when}: a visible focus indicator on {what}"),
        visible,
    )?;
    expect(
        &format!("{when}: {what} to be shown, but it is {hidden}"),
        hidden.is_empty(),
    )
}

pub async fn tab_reaches_every_control_in_order_with_visible_focus(ctx: &Ctx<'_>) -> Outcome {
    // With a filter, so that the reset button is there too.
    open(ctx, "?lang=zh-Hant&sector=finance").await?;
    install_keyboard_probe(ctx).await?;
    let want = script(ctx, "return __kb.tabbable();").await?;
    let want = want.as_array().cloned().unwrap_or_default();
    expect(
        &format!("a page full of controls, found {}", want.len()),
        want.len() > 30,
    )?;
    // From the top of the page, one Tab per control.
    script(
        ctx,
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);",
    )
    .await?;
    press(ctx, Key::Tab, want.len()).await?;
    let log = script(ctx, "return __kb.log;").await?;
    let log = log.as_array().cloned().unwrap_or_default();
    let describe = |v: &[Value]| -> Vec<String> {
        v.iter()
            .map(|e| e["what"].as_str().unwrap_or("?").to_string())
            .collect()
    };
    let (got, wanted) = (describe(&log), describe(&want));
    if log
        .iter()
        .map(|e| &e["at"])
        .ne(want.iter().map(|e| &e["at"]))
    {
        let first = got
            .iter()
            .zip(&wanted)
            .position(|(g, w)| g != w)
            .unwrap_or(got.len().min(wanted.len()));
        return Err(format!(
            "Tab order differs from the page order at stop {}: expected {:?}, got {:?}\n\
             ({} stops expected, {} reached; the next expected: {:?}; reached instead: {:?})",
            first + 1,
            wanted.get(first),
            got.get(first),
            wanted.len(),
            got.len(),
            &wanted[first..wanted.len().min(first + 5)],
            &got[first.min(got.len())..got.len().min(first + 5)],
        ));
    }
    // The parts of the page come in reading order.
    let mut kinds: Vec<&str> = want.iter().filter_map(|e| e["kind"].as_str()).collect();
    kinds.dedup();
    let order = [
        "skip link",
        "language switch",
        "tiles",
        "search field",
        "facet checkboxes",
        "sort",
        "reset",
        "cards",
    ];
    let firsts: Vec<usize> = order
        .iter()
        .map(|k| kinds.iter().position(|x| x == k).unwrap_or(usize::MAX))
        .collect();
    expect(
        &format!("every part of the page reachable and in reading order {order:?}, got {kinds:?}"),
        firsts.windows(2).all(|w| w[0] < w[1]) && firsts.iter().all(|&f| f != usize::MAX),
    )?;
    let bad: Vec<String> = log
        .iter()
        .filter_map(|e| {
            let what = e["what"].as_str().unwrap_or("?");
            let hidden = e["hidden"].as_str().unwrap_or("");
            if e["visible"] != json!(true) {
                Some(format!(
                    "{what}: no visible focus (no outline, no box shadow)"
                ))
            } else if !hidden.is_empty() {
                Some(format!("{what}: focusable but hidden ({hidden})"))
            } else {
                None
            }
        })
        .collect();
    expect(
        &format!(
            "a visible focus on a shown control at every stop:\n  {}",
            bad.join("\n  ")
        ),
        bad.is_empty(),
    )
}

pub async fn source_panel_holds_and_returns_focus(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=en").await?;
    install_keyboard_probe(ctx).await?;
    // A derived figure's tile, opened with Enter (page.rs covers the others with Escape).
    let opener = ".tile.derived .tile-main";
    script(ctx, &format!("document.querySelector({opener:?}).focus();")).await?;
    press(ctx, Key::Enter, 1).await?;
    wait_until(
        ctx,
        "document.querySelector('dialog.source-dialog').open",
        "Enter to open the panel",
    )
    .await?;
    expect_focus_on(ctx, "dialog.source-dialog *", "the panel just opened").await?;
    // Tab goes through the panel's controls. (One more Tab leaves the page for the browser's
    // own controls, in Firefox, which is the browser's business.)
    let inside = script(
        ctx,
        "return __kb.tabbable(document.querySelector('dialog.source-dialog')).length;",
    )
    .await?
    .as_u64()
    .unwrap_or(0) as usize;
    expect("something to focus in the panel", inside >= 1)?;
    script(ctx, "__kb.log.length = 0;").await?;
    press(ctx, Key::Tab, inside - 1).await?;
    let outside = script(
        ctx,
        "var d = document.querySelector('dialog.source-dialog');
         return __kb.log.filter(e => !d.contains(document.getElementsByTagName('*')[e.at])).map(e => e.what);",
    )
    .await?;
    expect_eq(
        "controls outside the open panel that Tab reached",
        outside,
        json!([]),
    )?;
    expect_focus_on(ctx, "dialog.source-dialog *", "Tab in the panel").await?;
    // Nothing behind the panel can take focus while it is open (it is modal: the rest is inert).
    let taken = script(
        ctx,
        "var before = document.activeElement, taken = [];
         ['.lang-switch button', '.tile-main', '#projects input[type=search]', '#projects article.card .link-button']
           .forEach(function (css) {
             var el = document.querySelector(css);
             el.focus();
             if (document.activeElement === el) taken.push(css);
           });
         before.focus();
         return taken;",
    )
    .await?;
    expect_eq(
        "controls behind the open panel that took focus",
        taken,
        json!([]),
    )?;
    // Escape closes it, and focus is back, visibly, on the tile.
    press(ctx, Key::Escape, 1).await?;
    wait_until(
        ctx,
        "!document.querySelector('dialog.source-dialog').open",
        "Escape to close the panel",
    )
    .await?;
    expect_focus_on(ctx, opener, "after Escape").await?;
    // The close button, with the keyboard, does the same.
    press(ctx, Key::Enter, 1).await?;
    wait_until(
        ctx,
        "document.querySelector('dialog.source-dialog').open",
        "Enter to open the panel again",
    )
    .await?;
    script(
        ctx,
        "document.querySelector('dialog.source-dialog button.close').focus();",
    )
    .await?;
    press(ctx, Key::Enter, 1).await?;
    wait_until(
        ctx,
        "!document.querySelector('dialog.source-dialog').open",
        "Enter on the close button to close the panel",
    )
    .await?;
    expect_focus_on(ctx, opener, "after the close button").await
}

pub async fn skip_link_language_switch_and_reset_keep_focus(ctx: &Ctx<'_>) -> Outcome {
    open(ctx, "?lang=zh-Hant&kind=landed").await?;
    install_keyboard_probe(ctx).await?;
    script(
        ctx,
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);",
    )
    .await?;
    // The first Tab shows the skip link; Enter takes focus to the cards' section, and the next
    // Tab to its first control.
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(ctx, ".skip-link", "the first Tab").await?;
    press(ctx, Key::Enter, 1).await?;
    wait_until(
        ctx,
        "document.activeElement && document.activeElement.id == 'projects'",
        "the skip link to move focus to the projects",
    )
    .await?;
    press(ctx, Key::Tab, 1).await?;
    expect_focus_on(
        ctx,
        "#projects input[type=search]",
        "Tab after the skip link",
    )
    .await?;
    // The language switch, by keyboard, keeps focus on the pressed button.
    script(
        ctx,
        "document.querySelector('.lang-switch [data-lang=\"en\"]').focus();",
    )
    .await?;
    press(ctx, Key::Enter, 1).await?;
    wait_until(ctx, "document.documentElement.lang == 'en'", "English").await?;
    expect_focus_on(
        ctx,
        ".lang-switch [data-lang='en'][aria-pressed='true']",
        "after switching the language with Enter",
    )
    .await?;
    // Reset removes itself: focus must not fall back to the page (FOUND A BUG: it does; see the
    // report and the proposed fix in src/ui/cards.rs).
    script(
        ctx,
        "document.querySelector('#projects button.reset').focus();",
    )
    .await?;
    press(ctx, Key::Enter, 1).await?;
    wait_until(
        ctx,
        "!document.querySelector('#projects button.reset')",
        "the reset to clear the filter",
    )
    .await?;
    let (what, visible, _) = active(ctx).await?;
    expect(
        &format!("focus kept in the cards' controls after Reset (it went to {what})"),
        visible
            && script(ctx, "return !!document.activeElement.closest('#projects');").await?
                == json!(true),
    )?;
    // The same for the reset button of the empty result.
    let search = find(ctx, "#projects input[type=search]").await?;
    search
        .send_keys("zzzz-no-such-project")
        .await
        .map_err(|e| e.to_string())?;
    wait_for(ctx, "#projects .empty button").await?;
    script(
        ctx,
        "document.querySelector('#projects .empty button').focus();",
    )
    .await?;
    press(ctx, Key::Enter, 1).await?;
    wait_until(
        ctx,
        "!document.querySelector('#projects .empty')",
        "the empty result's reset",
    )
    .await?;
    let (what, visible, _) = active(ctx).await?;
    expect(
        &format!(
            "focus kept in the cards' controls after the empty result's Reset (it went to {what})"
        ),
        visible
            && script(ctx, "return !!document.activeElement.closest('#projects');").await?
                == json!(true),
    )
}
