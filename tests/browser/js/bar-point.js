// Test-only, run by checks/bars.rs: a point of bar `arguments[1]` (0 for the first) of chart
// `arguments[0]`, from the bar's own geometry: horizontally the middle of its shape
// (`.bar-shape`), vertically `arguments[2]` of the way down its band (its `.bar-hit` target;
// 0: 2 px below the band's top edge, 0.5: its middle, 1: 2 px above its bottom edge); as
// [x, y], in CSS pixels from the centre of the bar's `.bar-hit` (the origin of a WebDriver
// pointer move to that element).
var bar = document.querySelector('#chart-' + arguments[0] + ' .bar[data-bar="' + arguments[1] + '"]'), part = arguments[2];
var hit = bar.querySelector('.bar-hit').getBoundingClientRect(), shape = bar.querySelector('.bar-shape').getBoundingClientRect();
var x = shape.left + shape.width / 2, y = hit.top + 2 + part * (hit.height - 4);
return [Math.round(x - (hit.left + hit.width / 2)), Math.round(y - (hit.top + hit.height / 2))];
