// The median time between frames (`requestAnimationFrame`) over 30 frames. Async.
const done = arguments[arguments.length - 1];
const times = [];
const tick = (t) => {
  times.push(t);
  if (times.length <= 30) return requestAnimationFrame(tick);
  const d = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
  done(d[d.length >> 1]);
};
requestAnimationFrame(tick);
