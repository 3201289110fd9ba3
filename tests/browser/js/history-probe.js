// Test-only, run by checks/cards.rs: records in `window.__history` every entry the page adds
// to the history from now on or changes (`pushState`, `replaceState`, each with its URL) and
// every jump to a fragment (`hashchange`). (A count of `history.length` alone cannot tell: it
// stops growing at 50 entries, which a session's tab may have reached.)
window.__history = [];
['pushState', 'replaceState'].forEach(function (name) {
  var original = history[name];
  history[name] = function () {
    window.__history.push(name + ' ' + arguments[2]);
    return original.apply(history, arguments);
  };
});
addEventListener('hashchange', function () { window.__history.push('hashchange ' + location.hash); });
return true;
