// Test-only, run asynchronously by checks/a11y.rs once axe-core is in the page: axe on the whole
// document with the WCAG 2.x A/AA rules; gives the violations, each with its rule, impact, what
// it asks, how many elements, the first few of them and why the first one fails.
var done = arguments[arguments.length - 1];
// The text of the charts' inline SVGs: axe cannot tell what is behind text in an <svg> (it
// reports every one as "could not be checked"), so its contrast is worked out here: its fill
// against what the page paints behind the chart (and the band of an active bar), at least
// 4.5:1 (WCAG 1.4.3 for text of its size, 12 px).
function rgba(s) {
  var m = String(s).match(/[\d.]+/g);
  return m && m.length >= 3 ? [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1] : [0, 0, 0, 0];
}
function over(top, bottom) {
  return [0, 1, 2].map(function (i) { return top[i] * top[3] + bottom[i] * (1 - top[3]); }).concat([1]);
}
function behind(el) {
  var layers = [];
  for (var e = el; e; e = e.parentElement) {
    var c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  return layers.reduceRight(function (bg, c) { return over(c, bg); }, [255, 255, 255, 1]);
}
function luminance(c) {
  var lin = c.slice(0, 3).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}
function chartText() {
  var low = [];
  document.querySelectorAll('svg.chart-svg text').forEach(function (t) {
    var svg = t.closest('svg.chart-svg'), words = t.closest('.bar-text');
    var bar = t.closest('.bar') || (words && svg.querySelector('.bar[data-bar="' + words.getAttribute('data-bar') + '"]'));
    var hit = bar && bar.querySelector('.bar-hit');
    var bg = behind(svg.parentElement);
    if (hit) bg = over(rgba(getComputedStyle(hit).fill), bg);
    var fg = over(rgba(getComputedStyle(t).fill), bg);
    var a = luminance(fg), b = luminance(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (!(ratio >= 4.5)) {
      low.push({target: ['#' + svg.id + ' text "' + t.textContent + '"'],
                failureSummary: 'contrast ' + ratio.toFixed(2) + ':1 (fill ' + getComputedStyle(t).fill + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + '))'});
    }
  });
  return low.length ? [{id: 'color-contrast (chart text, checked by the test)', impact: 'serious',
                        help: 'The charts\u2019 text must have a contrast ratio of at least 4.5:1', nodes: low}] : [];
}
axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
  resultTypes: ['violations', 'incomplete'],
  elementRef: true
}).then(function (r) {
  // Colour contrast must pass: text whose contrast axe cannot work out (usually because
  // something overlaps it) counts against it too, but for the charts' text, checked above.
  var unsure = r.incomplete.filter(function (v) { return v.id === 'color-contrast'; })
    .map(function (v) {
      return {id: 'color-contrast (could not be checked)', impact: v.impact, help: v.help,
              nodes: v.nodes.filter(function (n) { return !(n.element && n.element.closest('svg.chart-svg')); })};
    })
    .filter(function (v) { return v.nodes.length > 0; });
  done({violations: r.violations.concat(unsure, chartText()).map(function (v) {
    return {
      id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
      targets: v.nodes.slice(0, 4).map(function (n) { return n.target.join(' >>> '); }),
      why: (v.nodes[0] && (v.nodes[0].failureSummary || ((v.nodes[0].any || [])[0] || {}).message) || '').replace(/\s+/g, ' ')
    };
  })});
}, function (e) { done({error: String(e && e.stack || e)}); });
