// The page's first script: marks an embedded page (`?embed=1`) for the stylesheet, and leads
// the reader to the page of their language before anything is drawn: the one `?lang=` asks
// for or, when the URL names none and the page is not embedded, the one the browser's
// languages prefer. The same rules as `Lang::from_tag` and `Lang::for_browser`
// (crates/dataset/src/model.rs).
function wantedLanguage() {
  function fromTag(tag) {
    var subtags = String(tag).trim().toLowerCase().replace(/_/g, '-').split('-');
    if (subtags[0] === 'en') return 'en';
    if (subtags[0] !== 'zh') return null;
    for (var i = 1; i < subtags.length; i++) {
      if (['hant', 'tw', 'hk', 'mo'].indexOf(subtags[i]) >= 0) return 'zh-Hant';
      if (['hans', 'cn', 'sg', 'my'].indexOf(subtags[i]) >= 0) return 'zh-Hans';
    }
    return null;
  }
  var want = null, embed = null;
  new URLSearchParams(location.search).forEach(function (value, name) {
    name = name.trim().toLowerCase();
    value = value.trim();
    if (name === 'lang' && !want) want = fromTag(value);
    if (name === 'embed' && embed === null) {
      if (value === '1' || value.toLowerCase() === 'true') embed = true;
      else if (value === '0' || value.toLowerCase() === 'false') embed = false;
    }
  });
  if (embed) document.documentElement.classList.add('embed');
  if (!want && !embed && window.top === window.self) {
    var first = (navigator.languages || [])[0];
    if (first === undefined) want = 'zh-Hant';
    else want = fromTag(first) || (String(first).trim().split(/[-_]/)[0].toLowerCase() === 'zh' ? 'zh-Hant' : 'en');
  }
  return want;
}
