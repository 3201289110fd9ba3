// Test-only, run by checks/page.rs: the picture of chart `arguments[0]` (the SVG file the
// browser chose for it), as [its URL, its text].
var img = document.getElementById('chart-' + arguments[0]);
return fetch(img.currentSrc).then(r => r.text()).then(svg => [img.currentSrc, svg]);
