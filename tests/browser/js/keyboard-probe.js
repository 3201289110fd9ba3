// Test-only, run in the page by checks/a11y.rs and checks/cards.rs (`install_keyboard_probe`).
// Installs `__kb`: `__kb.tabbable(root)`, the elements Tab should stop at, in order (no positive
// tabindex on the page, so document order), each described; `__kb.log`, every focus change with
// whether the focus is visible (an outline, a box shadow, or a chart bar's stroked band) and
// whether the focused element is shown (not zero-sized, clipped to a pixel, transparent, hidden,
// inert, under aria-hidden, or off the side of the page); `__kb.active()`, the same for what has
// focus now; and `__kb.focusBefore(el)`, which focuses the tab stop before `el`.
window.__kb = (function () {
  var all = function () { return Array.prototype.slice.call(document.getElementsByTagName('*')); };
  function describe(el) {
    if (!el || el === document.body || el === document.documentElement) return 'the page itself (no control focused)';
    var s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    var cls = el.getAttribute('class');
    if (cls && cls.trim()) s += '.' + cls.trim().split(/\s+/).join('.');
    if (el.type && el.tagName === 'INPUT') s += '[type=' + el.type + ']';
    var holder = el.closest('[data-figure], [data-project], [data-key], [data-lang], [data-sentence]');
    if (holder) {
      var d = holder.dataset;
      s += ' in ' + (d.figure ? (holder.tagName === 'TR' ? 'table row ' : holder.matches('.chart-svg .bar') ? 'bar ' : 'tile ') + d.figure : d.project ? 'project ' + d.project : d.key ? 'option ' + d.key : d.lang ? 'language ' + d.lang : 'sentence ' + d.sentence);
    }
    var text = (el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return text ? s + ' "' + text + '"' : s;
  }
  function kind(el) {
    if (!el || !el.closest) return 'none';
    if (el.closest('.skip-link')) return 'skip link';
    if (el.closest('.lang-switch')) return 'language switch';
    if (el.closest('.tile')) return 'tiles';
    if (el.closest('.chapter-index')) return 'chapter index';
    if (el.closest('.chart-svg')) return 'chart bars';
    if (el.closest('.chapter-projects')) return 'chapter projects';
    if (el.closest('.data-table')) return 'data tables';
    if (el.matches('input[type=search]')) return 'search field';
    if (el.closest('.facet')) return 'facet checkboxes';
    if (el.matches('select')) return 'sort';
    if (el.closest('.result-bar, .empty')) return 'reset';
    if (el.closest('article.card')) return 'cards';
    return 'other';
  }
  function rendered(el) {
    // The content of a closed <details> is not rendered (some engines still give it boxes).
    var closed = el.parentElement && el.parentElement.closest('details:not([open])');
    if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) return false;
    if (el.checkVisibility && !el.checkVisibility()) return false;
    if (!el.getClientRects().length) return false;
    return getComputedStyle(el).visibility !== 'hidden';
  }
  function tabbable(root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(
      'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]'))
      .filter(function (el) {
        if (el.disabled || el.tabIndex < 0 || el.closest('[inert]')) return false;
        if (el.tagName === 'SUMMARY' && el.parentElement.tagName === 'DETAILS' && el.parentElement.querySelector('summary') !== el) return false;
        var d = el.closest('dialog');
        if (d && !d.open) return false;
        var modal = document.querySelector('dialog[open]:modal');
        if (modal && !modal.contains(el)) return false;
        return rendered(el);
      })
      .map(function (el) { return {at: all().indexOf(el), what: describe(el), kind: kind(el)}; });
  }
  function shown(el) {
    var cs = getComputedStyle(el), r = el.getBoundingClientRect();
    var why = [];
    if (r.width < 2 || r.height < 2) why.push('size ' + r.width + '×' + r.height);
    if (r.right <= 0 || r.left >= innerWidth) why.push('off the side of the page');
    if (cs.visibility === 'hidden') why.push('visibility hidden');
    for (var e = el; e; e = e.parentElement) {
      var s = getComputedStyle(e);
      if (parseFloat(s.opacity) === 0) { why.push('transparent'); break; }
      if (e.getAttribute('aria-hidden') === 'true') { why.push('under aria-hidden'); break; }
      if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') { why.push('clipped away'); break; }
    }
    return why.join(', ');
  }
  // An outline or a box shadow; on a chart's bar (an SVG group, which draws neither), a stroke
  // around its band (`.bar-hit`).
  function focusVisible(el) {
    var cs = getComputedStyle(el);
    var outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    var band = el.matches('.chart-svg .bar') && el.querySelector('.bar-hit');
    var stroke = band && getComputedStyle(band);
    var stroked = !!stroke && stroke.stroke !== 'none' && parseFloat(stroke.strokeWidth) > 0;
    return outline || stroked || (cs.boxShadow && cs.boxShadow !== 'none');
  }
  var log = [];
  document.addEventListener('focusin', function (e) {
    var el = e.target;
    log.push({at: all().indexOf(el), what: describe(el), kind: kind(el), visible: !!focusVisible(el), hidden: shown(el)});
  }, true);
  // Focuses the tab stop just before `el`, to press Tab towards `el`; gives its description.
  function focusBefore(el) {
    var stops = tabbable(), at = all().indexOf(el);
    var i = stops.findIndex(function (s) { return s.at === at; });
    if (i < 1) return null;
    all()[stops[i - 1].at].focus();
    return stops[i - 1].what;
  }
  return {tabbable: tabbable, log: log, describe: describe, focusVisible: focusVisible, shown: shown, focusBefore: focusBefore,
          active: function () { var a = document.activeElement; return {what: describe(a), visible: !!(a && a !== document.body && focusVisible(a)), hidden: a && a !== document.body ? shown(a) : 'nothing focused'}; }};
})();
return true;
