// What a page holds (run on the static copy): cards, charts (each an inline SVG), tables, scripts,
// language.
const root = document.documentElement;
return {
  cards: root.querySelectorAll('#projects article.card').length,
  charts: root.querySelectorAll('svg.chart-svg').length,
  tables: root.querySelectorAll('table').length,
  scripts: root.querySelectorAll('script').length,
  lang: root.getAttribute('lang'),
};
