// Test-only, run by checks/page.rs: where each figure of `arguments[0]` (ids) is shown, leaving
// out what repeats a figure shown elsewhere (the data tables, the source panel, the cards'
// "more"): for each id, `places`, every element that shows it (`[data-figure=id]`: a tile, or a
// bar of a chart's SVG; and each chart whose `data-figures` names it but draws no bar of it),
// each as [what, the id of the section it is in]; and `tile`, its tile's value (text, number,
// whether it is rendered) where it has one tile.
var repeats = '.data-table, #source-panel, .card-more';
function what(e) {
  var s = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');
  if (typeof e.className === 'string' && e.className.trim()) s += '.' + e.className.trim().split(/\s+/).join('.');
  var svg = e.closest('svg.chart-svg');
  return svg ? s + ' (in svg#' + svg.id + ')' : s;
}
function rendered(e) {
  if (e.checkVisibility && !e.checkVisibility()) return false;
  return e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
}
var figures = Array.from(document.querySelectorAll('[data-figure]')).filter(e => !e.closest(repeats));
var charts = Array.from(document.querySelectorAll('figure.chart')).filter(e => !e.closest(repeats));
var out = {};
arguments[0].forEach(function (id) {
  var at = figures.filter(e => e.dataset.figure === id)
    .concat(charts.filter(e => (e.dataset.figures || '').split(/\s+/).indexOf(id) >= 0 &&
                               !Array.from(e.querySelectorAll('.chart-svg .bar')).some(b => b.dataset.figure === id)));
  var tiles = at.filter(e => e.matches('.tile'));
  var value = tiles.length === 1 && tiles[0].querySelector('.tile-value');
  var number = value && value.querySelector('.tile-number');
  out[id] = {
    places: at.map(e => { var s = e.closest('section[id]'); return [what(e), s ? s.id : null]; }),
    tile: value ? {text: value.textContent, number: number ? number.textContent : null, rendered: rendered(value),
                   derived: tiles[0].classList.contains('derived')} : null
  };
});
return out;
