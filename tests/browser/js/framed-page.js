// Test-only, run by checks/embed.rs: what the page in iframe#test-frame shows.
var d = document.getElementById('test-frame').contentDocument;
return {
  lang: d.documentElement.lang,
  head_title: d.title,
  title: d.querySelector('h1').textContent,
  text: d.body.textContent,
  cards: d.querySelectorAll('article.card').length,
  tables: d.querySelectorAll('.data-table table').length,
  charts: Array.from(d.querySelectorAll('figure.chart svg.chart-svg')).filter(s => s.querySelector('.bar') && s.getBoundingClientRect().width > 0).length,
  chart_errors: d.querySelectorAll('.chart-error').length,
  scripted: d.documentElement.classList.contains('js')
};
