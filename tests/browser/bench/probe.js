// Added by CDP (`Page.addScriptToEvaluateOnNewDocument`) to every document before its own
// scripts run, in the page and its static copy alike. `tests/browser/bench.rs` calls it with
// `{ page, ready, app }`: the CSS selectors that must all be in the DOM for a document to count
// as interactive are `ready` in the measured page (URL `page`, without query) and its static
// copy, and `app` elsewhere (the app's project cards' result count and search field, for the
// keystroke timings). Records when the page is interactive:
// those elements are present and, on a page with a module script (the app), the app has started
// (trunk's loader fires `TrunkApplicationStarted` once `main` has mounted the app and its
// handlers); then the next frame (`requestAnimationFrame`) and the first task after it (a
// `MessageChannel` message), i.e. painted and the main thread free to take a keystroke.
(config) => {
  const url = location.href.split(/[?#]/)[0];
  const ready = url === config.page || url === config.static ? config.ready : config.app;
  const B = (window.__bench = { load: null });
  let resolve;
  B.loaded = new Promise((r) => (resolve = r));
  let started = false, present = null, done = false;
  const isApp = () => !!document.querySelector('script[type=module]');
  const check = () => {
    if (done) return;
    if (!ready.every((selector) => document.querySelector(selector))) return;
    if (present === null) present = performance.now();
    if (isApp() && !started) return;
    done = true;
    observer.disconnect();
    const readyAt = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        B.load = { app: isApp(), present, ready: readyAt, frame, interactive: performance.now() };
        resolve(B.load);
      };
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', () => { started = true; check(); });
}
