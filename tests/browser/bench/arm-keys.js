// Installs the keystroke timer. A sample starts at the `keydown` of the search field (the
// event's `timeStamp`); its end is the first task after the next frame that follows the first
// change of the set of `article.card` elements (a MutationObserver sees cards added or removed).
// Returns the number of cards on the page.
const B = window.__bench;
B.key = null;
B.waiter = null;
document.addEventListener('keydown', (e) => {
  if (!e.target.matches || !e.target.matches('#projects input[type=search]')) return;
  B.key = { key: e.key, t0: e.timeStamp, mutation: null, frame: null, paint: null, late: 0 };
}, true);
const isCard = (n) => n.nodeType === 1 && n.matches('article.card');
new MutationObserver((records) => {
  const k = B.key;
  if (!k) return;
  if (!records.some((r) => [...r.addedNodes, ...r.removedNodes].some(isCard))) return;
  if (k.paint !== null) { k.late += 1; return; }
  if (k.mutation !== null) return;
  k.mutation = performance.now();
  requestAnimationFrame(() => {
    k.frame = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      k.paint = performance.now();
      k.cards = document.querySelectorAll('#projects article.card').length;
      k.count = (document.querySelector('#projects .result-count') || {}).textContent;
      if (B.waiter) { const w = B.waiter; B.waiter = null; w(k); }
    };
    channel.port2.postMessage(0);
  });
}).observe(document.querySelector('#projects'), { childList: true, subtree: true });
document.querySelector('#projects').scrollIntoView({ block: 'start' });
const more = document.querySelector('#projects button.more');
return { cards: document.querySelectorAll('#projects article.card').length, more: more ? more.textContent : null };
