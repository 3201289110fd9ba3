// Test-only, run by checks/cards.rs: each chapter's link to a project, as
// [project, href, whether the page as served (without the app) has an article.card with the id
// the href names]; the page is fetched again and parsed, so the app's changes do not count.
var links = Array.from(document.querySelectorAll('.chapter-projects a[data-project-link]'));
return fetch(location.href).then(r => r.text()).then(html => {
  var served = new DOMParser().parseFromString(html, 'text/html');
  return links.map(a => {
    var href = a.getAttribute('href');
    var target = href && href[0] === '#' ? served.getElementById(href.slice(1)) : null;
    return [a.dataset.projectLink, href, !!target && target.matches('article.card')];
  });
});
