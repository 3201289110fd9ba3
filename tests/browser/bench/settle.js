// Two frames: time enough for a keystroke that changes no card to be handled. Async.
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));
