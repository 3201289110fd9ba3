// Test-only, run asynchronously by the checks: finishes once the page has loaded, has drawn two
// frames since, and the browser is idle (its queued work, late console messages included, done).
// A page that draws no frames (hidden) goes on to the idle wait after a second.
var done = arguments[arguments.length - 1], finished = false;
function finish() { if (!finished) { finished = true; done(true); } }
function idle() {
  if (window.requestIdleCallback) requestIdleCallback(finish, {timeout: 5000});
  else setTimeout(finish, 0);
}
function frames() {
  requestAnimationFrame(function () { requestAnimationFrame(idle); });
  setTimeout(idle, 1000);
}
if (document.readyState === 'complete') frames();
else addEventListener('load', frames, {once: true});
