// Test-only, run by checks/page.rs once the app is live, after js/arrived.js: for each element
// kept when the page arrived, whether it is still in the document and still the one its CSS
// finds; the elements removed from #app since; and the LCP candidates, each with whether its
// element is still in the document.
var a = window.__arrived;
a.record(a.observer.takeRecords());
var kept = {};
Object.keys(a.elements).forEach(function (name) {
  var el = a.elements[name];
  kept[name] = el.isConnected && el === document.querySelector(a.css[name]);
});
return {
  kept: kept,
  removed: a.removed,
  lcp: a.lcp.map(function (c) { return {what: c.what, live: c.live, connected: !!(c.element && c.element.isConnected)}; })
};
