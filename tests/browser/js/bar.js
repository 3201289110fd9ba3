// Test-only, run by checks/page.rs: a point of bar `arguments[1]` (0 for the first) of chart
// `arguments[0]`, `arguments[2]` of the way down it (0: 2 px below its top edge, 0.5: its
// middle, 1: 2 px above its bottom edge), relative to the centre of its picture, as [x, y] in
// CSS pixels; measured in the SVG the browser shows (ECharts drew the bar there, whatever the
// band arithmetic). Each bar is a series of its own.
var img = document.getElementById('chart-' + arguments[0]), index = arguments[1], part = arguments[2];
return fetch(img.currentSrc).then(r => r.text()).then(svg => {
  var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  var bar = doc.querySelector('path[ecmeta_series_index="' + index + '"]');
  var m = bar.getAttribute('d').match(/M([0-9.]+) ([0-9.]+)l([0-9.]+) 0l0 ([0-9.]+)/);
  // The picture keeps its proportions, centred in its box (should the box have others). Its
  // size is the SVG's own: WebKit gives an SVG picture's shown size as its natural size.
  var w = +doc.documentElement.getAttribute('width'), h = +doc.documentElement.getAttribute('height');
  var r = img.getBoundingClientRect();
  var scale = Math.min(r.width / w, r.height / h);
  var left = (r.width - w * scale) / 2, top = (r.height - h * scale) / 2;
  var x = left + (+m[1] + +m[3] / 2) * scale, y = top + (+m[2] + 2 + part * (+m[4] - 4)) * scale;
  return [Math.round(x - r.width / 2), Math.round(y - r.height / 2)];
});
