// Test-only, run in the page by checks/robust.rs. Installs `__robust`: `snapshot()`, the page's
// state after a step; `run(steps, apply, done)`, which applies each step, lets the app settle
// (its effects run in microtasks; two macrotasks are past them) and takes a snapshot; and the
// two kinds of step, `steps.history` and `steps.search`. Gives the number of img and inline
// script elements in #app, to compare the snapshots' with (and a first snapshot, if asked).
window.__robust = {
  markup: function () { return document.querySelectorAll('#app img, #app script:not([src])').length; },
  snapshot: function (input, search) {
    var count = document.querySelector('#app #projects .result-count');
    var field = document.querySelector('#projects input[type=search]');
    return {
      input: input, search: search, lang: document.documentElement.lang,
      ids: Array.prototype.map.call(document.querySelectorAll('#projects article.card'), function (e) { return e.dataset.project; }),
      count: count ? count.textContent : null,
      injected: this.markup(), app_error: !!document.getElementById('app-error'),
      errors: window.__probe ? window.__probe.errors.length : 999,
      checked: Array.prototype.map.call(document.querySelectorAll('.facet-option input:checked'), function (e) { return e.closest('.facet-option').dataset.key; }),
      field: field ? field.value : null
    };
  },
  run: function (steps, apply, done) {
    var self = this, out = [], i = 0;
    (function next() {
      if (i >= steps.length) return done(out);
      var input = steps[i++];
      try {
        apply(input, function (search, failed) {
          if (failed) { out.push({input: input, threw: failed}); return setTimeout(next, 0); }
          setTimeout(function () { setTimeout(function () { out.push(self.snapshot(input, search())); next(); }, 0); }, 0);
        });
      } catch (e) { out.push({input: input, threw: String(e)}); setTimeout(next, 0); }
    })();
  }
};
window.__robust.steps = {
  // A query string put in the URL with `history.replaceState` and announced with `popstate`,
  // as Back and Forward do. Browsers limit how often a page may change its URL (WebKit: 100
  // times in 10 s): a refused or dropped change is tried again until it takes.
  // Tabs and newlines are removed, as the URL parser removes them anyway (so the app sees the
  // same query): after a URL set with both a newline and `<`, Chromium's dangling-markup guard
  // blocks every later image load of the page. A reader cannot reach such a URL; a script
  // calling the history API can.
  history: function (q, proceed) {
    var url = location.pathname + '?' + q.replace(/[\t\n\r]/g, ''), want = new URL(url, location.href).search;
    var started = Date.now();
    (function attempt() {
      try { history.replaceState(null, '', url); }
      catch (e) { if (e.name !== 'SecurityError') throw e; }
      if (location.search !== want) {
        if (Date.now() - started > 20000) return proceed(null, 'the URL change was refused for 20 s');
        return setTimeout(attempt, 250);
      }
      var search = location.search;
      dispatchEvent(new PopStateEvent('popstate', {state: null}));
      proceed(function () { return search; });
    })();
  },
  // A text typed in one go into the search field: its value set and an `input` event sent, as
  // an IME or a paste does.
  search: function (text, proceed) {
    var field = document.querySelector('#projects input[type=search]');
    field.value = text;
    field.dispatchEvent(new Event('input', {bubbles: true}));
    proceed(function () { return location.search; });
  }
};
// With `arguments[0]` true, also a snapshot of the page as it is, in the same turn (for a page
// just opened: nothing can come between the probe and the snapshot).
var markup = window.__robust.markup();
return arguments[0] ? {markup: markup, snapshot: window.__robust.snapshot('', location.search)} : markup;
