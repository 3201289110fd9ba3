// Test-only: injected by the test server into every HTML page it serves (never part of dist/).
// Records console errors and warnings, uncaught errors, failed loads and CSP violations.
(function () {
  var probe = (window.__probe = { errors: [] });
  function record(kind, message) { probe.errors.push(kind + ": " + message); }
  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      record("console." + level, Array.prototype.map.call(arguments, String).join(" "));
      return original.apply(console, arguments);
    };
  });
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t instanceof HTMLImageElement) {
      // A picture whose load was cut short (its element removed, or its source changed) is
      // not a failure; one that ended with nothing to show is.
      var src = t.currentSrc || t.src;
      setTimeout(function () {
        if (t.isConnected && t.complete && t.naturalWidth === 0 && (t.currentSrc || t.src) === src)
          record("failed to load", src);
      }, 0);
    } else if (t && t !== window && (t.src || t.href)) record("failed to load", t.src || t.href);
    else record("uncaught", e.message);
  }, true);
  window.addEventListener("unhandledrejection", function (e) { record("unhandled rejection", String(e.reason)); });
  document.addEventListener("securitypolicyviolation", function (e) {
    record("CSP violation", e.violatedDirective + " " + e.blockedURI);
  });
})();
