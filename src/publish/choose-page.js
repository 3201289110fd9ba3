// A hosted page: `pages` maps each language tag to its page's address (`publish` calls this
// with it); another language's page replaces this one in the history.
function choosePage(pages) {
  var want = wantedLanguage();
  if (!want || want === document.documentElement.lang || !pages[want]) return;
  location.replace(pages[want] + location.search + location.hash);
}
