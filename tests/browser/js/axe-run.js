// Test-only, run asynchronously by checks/a11y.rs once axe-core is in the page: axe on the whole
// document with the WCAG 2.x A/AA rules; gives the violations, each with its rule, impact, what
// it asks, how many elements, the first few of them and why the first one fails.
var done = arguments[arguments.length - 1];
axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
  resultTypes: ['violations', 'incomplete']
}).then(function (r) {
  // Colour contrast must pass: text whose contrast axe cannot work out (usually because
  // something overlaps it) counts against it too.
  var unsure = r.incomplete.filter(function (v) { return v.id === 'color-contrast'; })
    .map(function (v) {
      return {id: 'color-contrast (could not be checked)', impact: v.impact, help: v.help, nodes: v.nodes};
    });
  done({violations: r.violations.concat(unsure).map(function (v) {
    return {
      id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
      targets: v.nodes.slice(0, 4).map(function (n) { return n.target.join(' >>> '); }),
      why: (v.nodes[0] && (v.nodes[0].failureSummary || (v.nodes[0].any[0] || {}).message) || '').replace(/\s+/g, ' ')
    };
  })});
}, function (e) { done({error: String(e && e.stack || e)}); });
