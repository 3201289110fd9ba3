// Waits (in the page) for the probe's result and the load event, then adds the navigation and
// paint timings and the bytes the page transferred. An async WebDriver script.
const done = arguments[arguments.length - 1];
const B = window.__bench;
if (!B) return done({ error: 'the bench probe did not run on ' + location.href });
const timer = setTimeout(() => done({ error: 'the page was not interactive within 20 s' }), 20000);
const loaded = document.readyState === 'complete' ? null : new Promise((r) => addEventListener('load', r));
// The paint entry can come a frame or two after the paint; wait for it (at most 2 s).
const painted = new Promise((r) => {
  new PerformanceObserver((list, obs) => {
    if (list.getEntriesByName('first-contentful-paint').length) { obs.disconnect(); r(); }
  }).observe({ type: 'paint', buffered: true });
  setTimeout(r, 2000);
});
Promise.all([B.loaded, loaded]).then(() => painted).then(() => setTimeout(() => {
  clearTimeout(timer);
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  done(Object.assign({}, B.load, {
    fcp: fcp ? fcp.startTime : null,
    dom_content_loaded: nav.domContentLoadedEventEnd,
    load_event: nav.loadEventEnd,
    bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    requests: 1 + resources.length,
    cards: document.querySelectorAll('#projects article.card').length,
    resources: resources.map((r) => ({ name: r.name.split(/[?#]/)[0].split('/').pop(), transfer: r.transferSize })),
  }));
}, 0));
