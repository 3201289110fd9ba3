// Test-only, run by checks/page.rs on a page whose app is not live yet: keeps, in `__arrived`,
// the elements of the page as they arrived (by the CSS that finds each), every element removed
// from #app from now on (where it was), and the Largest Contentful Paint candidates (where the
// engine reports them). Gives the selectors that found nothing, and whether LCP is reported.
var wanted = {
  page: '#app > .page', h1: '#app h1', tile: '.tile', chart: 'svg.chart-svg', bar: '.chart-svg .bar',
  card: '#projects article.card', search: '#projects input[type=search]',
  'lang-zh-Hant': '.lang-switch a[data-lang="zh-Hant"]', 'lang-zh-Hans': '.lang-switch a[data-lang="zh-Hans"]',
  'lang-en': '.lang-switch a[data-lang="en"]', skip: '.skip-link', table: 'details.data-table',
  tasks: '#section-tasks li', colophon: '.colophon'
};
var arrived = window.__arrived = {elements: {}, css: wanted, removed: [], lcp: []};
var missing = [];
Object.keys(wanted).forEach(function (name) {
  var el = document.querySelector(wanted[name]);
  if (el) arrived.elements[name] = el; else missing.push(name);
});
function where(node) {
  var s = node.tagName ? node.tagName.toLowerCase() : '#node';
  if (node.id) s += '#' + node.id;
  if (typeof node.className === 'string' && node.className) s += '.' + node.className.trim().split(/\s+/).join('.');
  return s;
}
arrived.record = function (records) {
  records.forEach(function (r) {
    Array.prototype.forEach.call(r.removedNodes, function (n) {
      if (n.nodeType === 1) arrived.removed.push(where(n) + ' from ' + where(r.target));
    });
  });
};
arrived.observer = new MutationObserver(arrived.record);
arrived.observer.observe(document.getElementById('app'), {childList: true, subtree: true});
var lcp = typeof PerformanceObserver !== 'undefined' &&
  (PerformanceObserver.supportedEntryTypes || []).indexOf('largest-contentful-paint') >= 0;
if (lcp) {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { arrived.lcp.push({element: e.element, what: e.element ? where(e.element) : 'no element', live: !!document.querySelector('#app[data-ready]')}); });
  }).observe({type: 'largest-contentful-paint', buffered: true});
}
return {missing: missing, lcp: lcp, live: !!document.querySelector('#app[data-ready]')};
