// Test-only, run by checks/a11y.rs while a source panel is open: tries to focus a control of
// each part of the page behind the panel, gives the ones that took focus, and puts focus back.
var before = document.activeElement, taken = [];
['.lang-switch a', '.tile-main', '#projects input[type=search]', '#projects article.card .card-source']
  .forEach(function (css) {
    var el = document.querySelector(css);
    el.focus();
    if (document.activeElement === el) taken.push(css);
  });
before.focus();
return taken;
