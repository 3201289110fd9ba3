// Test-only, run by checks/page.rs and checks/bars.rs: what every chart of the page shows and
// says (of the document of iframe#test-frame with `arguments[0]` true, else of this one), in
// page order. For each `figure.chart`: its id; its inline SVG (id, role, aria-hidden,
// aria-labelledby, shown width) and each bar in it (its data and ARIA attributes, its labels'
// and value's texts and their group's data-state, in the bar or in the `.bar-text` of the same `data-bar` beside it, whether
// it is active or focused, and the boxes of its shape and of its band-high target, in CSS
// pixels of the viewport); its data table's rows ([figure, value]);
// its `.chart-selection` text; its readout (hidden or shown, its three texts, the id of its
// source part, its box); and whether it says it could not be drawn (`.chart-error`).
var doc = arguments[0] ? document.getElementById('test-frame').contentDocument : document;
function box(e) {
  if (!e) return null;
  var r = e.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height};
}
function text(root, css) { var e = root && root.querySelector(css); return e ? e.textContent : null; }
return Array.from(doc.querySelectorAll('figure.chart')).map(function (f) {
  var svg = f.querySelector('svg.chart-svg'), ro = f.querySelector('.chart-readout'), source = ro && ro.querySelector('.readout-source');
  var bars = svg ? Array.from(svg.querySelectorAll('.bar')) : [];
  return {
    id: f.dataset.chart,
    svg: svg && {id: svg.id, role: svg.getAttribute('role'), hidden: svg.getAttribute('aria-hidden'),
                 labelledby: svg.getAttribute('aria-labelledby'), width: svg.getBoundingClientRect().width,
                 in_figure: svg.closest('figure.chart') === f},
    bars: bars.map(function (g) {
      var attr = function (name) { return g.getAttribute(name); };
      // A bar's words: in the group of the same data-bar that follows it.
      var words = svg.querySelector('.bar-text[data-bar="' + attr('data-bar') + '"]') || g;
      return {
        index: attr('data-bar'), figure: attr('data-figure'), link: attr('data-link'), source: attr('data-source'),
        popup: attr('aria-haspopup'), role: attr('role'), tabindex: attr('tabindex'), label: attr('aria-label'),
        describedby: attr('aria-describedby'), state: attr('data-state'), current: attr('aria-current'),
        labels: Array.from(words.querySelectorAll('.chart-label')).map(function (t) { return t.textContent; }),
        value: text(words, '.chart-value'), active: g.classList.contains('is-active'),
        focused: doc.activeElement === g, shape: box(g.querySelector('.bar-shape')), hit: box(g.querySelector('.bar-hit'))
      };
    }),
    rows: Array.from(f.querySelectorAll('.data-table tr[data-figure]')).map(function (tr) {
      return [tr.dataset.figure, text(tr, '.value')];
    }),
    selection: text(f, '.chart-selection'),
    readout: ro && {hidden: ro.hidden, shown: !ro.hidden && ro.getClientRects().length > 0,
                    label: text(ro, '.readout-label'), value: text(ro, '.readout-value'),
                    source: source ? source.textContent : null, source_id: source ? source.id : null, box: box(ro)},
    error: !!f.querySelector('.chart-error')
  };
});
