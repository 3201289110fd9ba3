// Test-only, run by checks/embed.rs: the elements of the page in iframe `arguments[0]` that
// reach past its right edge while their parent does not (where the overflow starts), leaving
// out those in a box that scrolls or clips them (which the page's width does not count); each
// as `tag#id.class left..right "text"`; the first 12.
var d = document.getElementById(arguments[0]).contentDocument;
var view = d.defaultView, edge = d.documentElement.clientWidth, out = [];
function past(e) { var r = e.getBoundingClientRect(); return r.right > edge + 0.5 && r.width > 0; }
function clipped(e) {
  for (var p = e.parentElement; p && p !== d.body; p = p.parentElement) {
    if (view.getComputedStyle(p).overflowX !== 'visible') return true;
  }
  return false;
}
d.querySelectorAll('body *').forEach(function (e) {
  if (!past(e) || (e.parentElement && past(e.parentElement)) || clipped(e)) return;
  var r = e.getBoundingClientRect();
  var s = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');
  if (typeof e.className === 'string' && e.className.trim()) s += '.' + e.className.trim().split(/\s+/).join('.');
  out.push(s + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' "' + (e.textContent || '').trim().slice(0, 30) + '"');
});
return out.slice(0, 12);
