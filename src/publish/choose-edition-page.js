// The one-file edition, right after its page: the page of another language comes from its
// `<template id="page-…">`, before the first paint.
function chooseEditionPage() {
  var want = wantedLanguage();
  var page = want && want !== document.documentElement.lang && document.getElementById('page-' + want);
  if (!page) return;
  var app = document.getElementById('app');
  while (app.firstChild) app.removeChild(app.firstChild);
  app.appendChild(page.content.cloneNode(true));
  document.documentElement.lang = want;
  document.title = page.getAttribute('data-title');
}
