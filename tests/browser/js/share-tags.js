// The tags of the page's <head> that link previews, search engines and oEmbed clients read
// (checks/publishing.rs): each by name (null when missing), the hreflang alternates, the
// JSON-LD's types and its article's publisher, and every URL the tags and the JSON-LD give.
var head = document.head;
function attr(css, name) {
  var e = head.querySelector(css);
  return e ? e.getAttribute(name) : null;
}
var out = {
  canonical: attr('link[rel=canonical]', 'href'),
  oembed: attr('link[rel=alternate][type="application/json+oembed"]', 'href'),
  hreflang: {},
  urls: [],
  ld_types: [],
};
['og:title', 'og:description', 'og:url', 'og:image', 'og:image:width', 'og:image:height', 'og:image:alt'].forEach(function (p) {
  out[p] = attr('meta[property="' + p + '"]', 'content');
});
['twitter:card', 'twitter:image'].forEach(function (n) {
  out[n] = attr('meta[name="' + n + '"]', 'content');
});
head.querySelectorAll('link[rel=alternate][hreflang]').forEach(function (l) {
  out.hreflang[l.getAttribute('hreflang')] = l.getAttribute('href');
});
head.querySelectorAll('link[rel=canonical], link[rel=alternate]').forEach(function (l) {
  out.urls.push(l.getAttribute('href'));
});
head.querySelectorAll('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]').forEach(function (m) {
  out.urls.push(m.getAttribute('content'));
});
// Every string of the JSON-LD that looks like an address.
function walk(v, key) {
  if (typeof v === 'string') {
    if (/^(https?:|\/|\.|data\/)/.test(v) || key === 'url' || key === 'contentUrl') out.urls.push(v);
  } else if (Array.isArray(v)) {
    v.forEach(function (x) { walk(x, key); });
  } else if (v && typeof v === 'object') {
    Object.keys(v).forEach(function (k) { walk(v[k], k); });
  }
}
head.querySelectorAll('script[type="application/ld+json"]').forEach(function (s) {
  var ld = JSON.parse(s.textContent);
  walk(ld, '');
  (ld['@graph'] || [ld]).forEach(function (n) {
    out.ld_types.push(n['@type']);
    if (n['@type'] === 'NewsArticle') out.ld_publisher = n.publisher ? n.publisher.name : null;
  });
});
return out;
