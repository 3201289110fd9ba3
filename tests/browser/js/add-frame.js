// Test-only, run by checks/embed.rs: puts an iframe#test-frame showing `arguments[0]` (a URL),
// `arguments[1]` px wide, sandboxed as `arguments[2]` says (null: not sandboxed), at the top of
// the page; `window.__frameLoaded` turns true when it has loaded.
var f = document.createElement('iframe');
f.id = 'test-frame';
if (arguments[2] !== null) f.setAttribute('sandbox', arguments[2]);
f.style.width = arguments[1] + 'px';
f.style.height = '800px';
f.style.border = '0';
window.__frameLoaded = false;
f.onload = () => window.__frameLoaded = true;
f.src = arguments[0];
document.body.prepend(f);
