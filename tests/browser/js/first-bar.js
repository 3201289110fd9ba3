// Test-only, run by checks/page.rs: the middle of the first bar's band of chart `arguments[0]`,
// relative to the centre of its picture, as [x, y] in CSS pixels, measured in the SVG the
// browser shows (ECharts drew the bar there, whatever the band arithmetic).
var img = document.getElementById('chart-' + arguments[0]);
return fetch(img.currentSrc).then(r => r.text()).then(svg => {
  var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  var bar = doc.querySelector('[ecmeta_series_index="0"]');
  var m = bar.getAttribute('d').match(/M([0-9.]+) ([0-9.]+)l([0-9.]+) 0l0 ([0-9.]+)/);
  var scale = img.getBoundingClientRect().width / img.naturalWidth;
  var x = (+m[1] + +m[3] / 2) * scale, y = (+m[2] + +m[4] / 2) * scale;
  var r = img.getBoundingClientRect();
  return [Math.round(x - r.width / 2), Math.round(y - r.height / 2)];
});
