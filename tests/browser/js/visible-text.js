// Test-only, run by checks/langs.rs: the page's visible text, leaving out the language switch
// (each link is in its own language), the source panel, and anything marked with another
// `lang`; with the title and the placeholders.
var clone = document.querySelector('#app').cloneNode(true);
clone.querySelectorAll('.lang-switch, dialog').forEach(e => e.remove());
var page = document.documentElement.lang;
clone.querySelectorAll('[lang]').forEach(e => { if (e.lang !== page) e.remove(); });
clone.querySelectorAll('input').forEach(e => e.remove());
return clone.textContent + ' ' + document.title + ' ' +
    Array.from(document.querySelectorAll('#app input[placeholder]')).map(e => e.placeholder).join(' ');
