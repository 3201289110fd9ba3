#!/usr/bin/env bash
# Measures the built app and writes BENCHMARKS.md from what it measured (never by hand).
#   scripts/bench.sh           everything; `make bench` runs it after `make dist`
#   scripts/bench.sh budget    only the first-load budget: exits 1 if the gzip transfer of the
#                              first visit is over 300 KB (reads dist/, starts nothing)
#   scripts/bench.sh gates     what `make test` checks: the budget, then one Lighthouse run on
#                              dist/ (nginx, gzip); exits 1 if Accessibility, Best Practices or
#                              SEO scores under 95. Performance and timings are only reported.
# Everything it measures, and how, is written into BENCHMARKS.md. Work files (the logs, the JSON
# of every measurement, the Lighthouse reports) go to target/bench/.
# Knobs (environment): BENCH_LIGHTHOUSE_RUNS (3), BENCH_LOAD_RUNS (7), BENCH_KEY_REPS (4),
# BENCH_SIZES (1000,10000: synthetic card counts in the browser).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# As the Makefile: trunk needs wasm-bindgen (cargo) and wasm-opt (npm's binaryen) on PATH.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

PREFIX=/news/2025/torch/          # where the app is served, like an article's folder
BUDGET=300000                     # first-load gzip transfer, bytes (1 KB = 1,000 bytes here)
AIM=200000
LIGHTHOUSE_VERSION=12.2.3
CHROMIUM=/usr/bin/chromium
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
DIST=$ROOT/dist
SYNTH_DIST=$ROOT/target/dist-synthetic
WORK=$ROOT/target/bench
RUN=$WORK/run
# What is measured: a copy of dist/ taken at the start, so that a `make dist` running meanwhile
# (another terminal) cannot mix two builds into one report.
SNAP=$RUN/dist
LH_RUNS=${BENCH_LIGHTHOUSE_RUNS:-3}
export BENCH_LOAD_RUNS=${BENCH_LOAD_RUNS:-7}
export BENCH_KEY_REPS=${BENCH_KEY_REPS:-4}
export BENCH_SIZES=${BENCH_SIZES:-1000,10000}

say() { printf '==> %s\n' "$*"; }
stop() {
  printf '\nbench stopped: %s\n' "$1" >&2
  [ $# -gt 1 ] && printf 'to fix it: %s\n' "$2" >&2
  exit 1
}
need() { # command, how to get it
  command -v "$1" >/dev/null 2>&1 || stop "\`$1\` is not installed" "$2"
}

# The files a first visit downloads: index.html and the stylesheets, scripts and wasm it loads
# (<link rel=stylesheet|modulepreload|preload>, <script src>, the paths in trunk's inline
# loader, and <img src>: the chart pictures for a narrow, light screen). Not the icon, nor
# files that are only linked (<a href>). One name a line.
first_load_files() { # dist directory
  DIR=$1 node - <<'JS'
const fs = require('fs'), path = require('path');
const dir = process.env.DIR;
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const names = new Set(['index.html']);
const local = (u) => u && !/^[a-z]+:|^\/\//i.test(u) ? u.replace(/^\.\//, '').split(/[?#]/)[0] : null;
for (const tag of html.match(/<link\b[^>]*>/gi) || []) {
  const rel = (tag.match(/\brel\s*=\s*["']?([^"'>]+)/i) || [])[1] || '';
  const href = (tag.match(/\bhref\s*=\s*["']([^"']+)/i) || [])[1];
  if (/\b(stylesheet|modulepreload|preload)\b/i.test(rel) && local(href)) names.add(local(href));
}
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const src = (m[1].match(/\bsrc\s*=\s*["']([^"']+)/i) || [])[1];
  if (local(src)) names.add(local(src));
  for (const s of m[2].matchAll(/["'`]((?:\.\/)?[\w./-]+\.(?:m?js|wasm|css))["'`]/g)) names.add(local(s[1]));
}
for (const tag of html.match(/<img\b[^>]*>/gi) || []) {
  const src = (tag.match(/\bsrc\s*=\s*["']([^"']+)/i) || [])[1];
  if (local(src)) names.add(local(src));
}
for (const n of names) if (fs.existsSync(path.join(dir, n))) console.log(n);
JS
}

gz() { gzip "-$1" -n -c "$2" | wc -c; } # level, file: gzip bytes

# The budget: the first-load files at gzip -1 (the level nginx sends with just `gzip on`; -1 is
# within a few bytes of it, see BENCHMARKS.md), deterministic and with no server.
budget() {
  [ -f "$DIST/index.html" ] || stop "no built app in dist/" "make dist"
  local total=0 total9=0 name b1 b9
  printf '%-48s %12s %12s\n' "first-load file (dist/)" "gzip -1" "gzip -9"
  while read -r name; do
    b1=$(gz 1 "$DIST/$name")
    b9=$(gz 9 "$DIST/$name")
    total=$((total + b1))
    total9=$((total9 + b9))
    printf '%-48s %12s %12s\n' "$name" "$b1" "$b9"
  done < <(first_load_files "$DIST")
  printf '%-48s %12s %12s\n' "total" "$total" "$total9"
  local kb
  kb=$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1000 }')
  if [ "$total" -gt "$BUDGET" ]; then
    printf 'first-load transfer %s KB (gzip -1) is OVER the budget of %s KB\n' "$kb" $((BUDGET / 1000)) >&2
    exit 1
  fi
  printf 'first-load transfer %s KB (gzip -1): within the budget of %s KB' "$kb" $((BUDGET / 1000))
  if [ "$total" -gt "$AIM" ]; then printf ' (the aim is %s KB)\n' $((AIM / 1000)); else printf ', and the aim of %s KB\n' $((AIM / 1000)); fi
}

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

NGINX_PID=
cleanup() {
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
}

# nginx on two loopback ports, both with gzip at nginx's default level:
#   SITE    dist/ under $PREFIX as a static host serves it (for the sizes and Lighthouse);
#   TIMING  the same with `Cache-Control: no-store` (every page load in the browser timings is a
#           first visit), plus the synthetic build under /synthetic$PREFIX and the static copy
#           of the page at ${PREFIX}static.html, next to the app's files.
start_nginx() {
  if ! command -v nginx >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "nginx is missing: installing Debian's nginx-light (apt-get), the web server that serves dist/ with gzip here"
      apt-get update -q || stop "apt-get update failed (no network to Debian's mirrors?)" "apt-get update"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light \
        || stop "apt-get could not install nginx-light" "apt-get install -y nginx-light"
    else
      stop "nginx is not installed (the benchmark serves dist/ with it, with gzip)" "sudo apt-get install -y nginx-light"
    fi
  fi
  local ng=$WORK/nginx
  mkdir -p "$ng/tmp"
  SITE_PORT=$(free_port)
  TIMING_PORT=$(free_port)
  while [ "$TIMING_PORT" = "$SITE_PORT" ]; do TIMING_PORT=$(free_port); done
  cat >"$ng/nginx.conf" <<EOF
# Written by scripts/bench.sh for one run; one process, in the foreground, on loopback only.
daemon off;
master_process off;
pid $ng/nginx.pid;
error_log $ng/error.log warn;
events { worker_connections 256; }
http {
  types {
    text/html html; text/css css; text/javascript js mjs; application/wasm wasm;
    image/svg+xml svg; application/json json; text/csv csv; text/plain txt; image/png png;
  }
  default_type application/octet-stream;
  access_log $ng/access.log;
  client_body_temp_path $ng/tmp/body;
  proxy_temp_path $ng/tmp/proxy;
  fastcgi_temp_path $ng/tmp/fastcgi;
  uwsgi_temp_path $ng/tmp/uwsgi;
  scgi_temp_path $ng/tmp/scgi;
  sendfile on;
  gzip on;
  gzip_types text/css text/javascript application/javascript application/wasm image/svg+xml application/json text/csv text/plain;
  gzip_vary on;
  server {
    listen 127.0.0.1:$SITE_PORT;
    location $PREFIX { alias $SNAP/; }
  }
  server {
    listen 127.0.0.1:$TIMING_PORT;
    add_header Cache-Control "no-store" always;
    location = ${PREFIX}static.html { alias $RUN/static.html; }
    location $PREFIX { alias $SNAP/; }
    location /synthetic$PREFIX { alias $SYNTH_DIST/; }
  }
}
EOF
  nginx -t -q -p "$ng" -e "$ng/error.log" -c "$ng/nginx.conf" 2>"$ng/test.log" \
    || stop "nginx rejected the benchmark's configuration: $(cat "$ng/test.log")"
  nginx -p "$ng" -e "$ng/error.log" -c "$ng/nginx.conf" &
  NGINX_PID=$!
  trap cleanup EXIT
  local i
  for i in $(seq 50); do
    curl -sf -o /dev/null "http://127.0.0.1:$SITE_PORT${PREFIX}" && curl -sf -o /dev/null "http://127.0.0.1:$TIMING_PORT${PREFIX}" && return
    kill -0 "$NGINX_PID" 2>/dev/null || stop "nginx did not start: $(cat "$ng/error.log")"
    sleep 0.1
  done
  stop "nginx did not answer on ports $SITE_PORT/$TIMING_PORT within 5 s: see $ng/error.log"
}

# Each phase's wall time and the load average (1 minute) before and after it.
phase() { # name
  PHASE_NAME=$1
  PHASE_START=$(date +%s.%N)
  PHASE_LOAD=$(cut -d' ' -f1 /proc/loadavg)
}
phase_end() {
  printf '%s\t%s\t%s\t%s\n' "$PHASE_NAME" "$(awk -v a="$PHASE_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')" \
    "$PHASE_LOAD" "$(cut -d' ' -f1 /proc/loadavg)" >>"$RUN/phases.tsv"
}

check_prerequisites() {
  need node "apt-get install -y nodejs npm (Node 20 or newer)"
  need cargo "install Rust with rustup (see scripts/setup.sh)"
  need trunk "make dist (scripts/setup.sh installs it)"
  need gzip "apt-get install -y gzip"
  need curl "apt-get install -y curl"
  [ -f "$DIST/index.html" ] || stop "no built app in dist/" "make dist (make bench does it first)"
  [ -x "$CHROMIUM" ] || stop "Chromium is not at $CHROMIUM" "scripts/setup.sh test (apt-get install -y chromium chromium-driver)"
  need chromedriver "scripts/setup.sh test (apt-get install -y chromium chromium-driver)"
  [ -x node_modules/.bin/lighthouse ] || stop "Lighthouse is not installed in node_modules" "npm ci (package.json pins lighthouse $LIGHTHOUSE_VERSION)"
  local v
  v=$(node_modules/.bin/lighthouse --version 2>/dev/null || true)
  [ "$v" = "$LIGHTHOUSE_VERSION" ] || stop "Lighthouse is $v, not $LIGHTHOUSE_VERSION" "npm ci"
}

machine_info() {
  local dirty=""
  git diff --quiet HEAD 2>/dev/null || dirty=" (with uncommitted changes)"
  {
    printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'nproc\t%s\n' "$(nproc)"
    printf 'cpu\t%s\n' "$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    printf 'memory\t%s\n' "$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
    printf 'os\t%s\n' "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), Linux $(uname -r)"
    printf 'commit\t%s\n' "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$dirty"
    printf 'rustc\t%s\n' "$(rustc --version)"
    printf 'trunk\t%s\n' "$(trunk --version)"
    printf 'node\t%s\n' "$(node --version)"
    printf 'chromium\t%s\n' "$("$CHROMIUM" --version 2>/dev/null | tail -1)"
    printf 'chromedriver\t%s\n' "$(chromedriver --version | cut -d' ' -f1-2)"
    printf 'nginx\t%s\n' "$(nginx -v 2>&1 | sed 's/^nginx version: //')"
    printf 'lighthouse\t%s\n' "$(node_modules/.bin/lighthouse --version)"
    printf 'criterion\t%s\n' "$(awk '/^name = "criterion"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
    printf 'release_profile\t%s\n' "$(awk '/^\[/ { on = ($0 == "[profile.release]") } on && /=/' Cargo.toml | paste -sd ';' | sed 's/;/, /g')"
  } >"$RUN/machine.tsv"
}

sizes() {
  say "sizes of dist/: raw, gzip -9, gzip -1, and the bytes nginx sends (curl with Accept-Encoding: gzip)"
  local first f rel raw g9 g1 sent enc
  first=$(first_load_files "$SNAP")
  printf 'file\traw\tgzip9\tgzip1\tnginx\tencoding\tfirst_load\n' >"$RUN/sizes.tsv"
  while IFS= read -r f; do
    rel=${f#"$SNAP"/}
    raw=$(wc -c <"$f")
    g9=$(gz 9 "$f")
    g1=$(gz 1 "$f")
    sent=$(curl -sf -H 'Accept-Encoding: gzip' -D "$RUN/headers.txt" -o /dev/null -w '%{size_download}' \
      "http://127.0.0.1:$SITE_PORT$PREFIX$rel") || stop "nginx did not serve $rel"
    enc=$(tr -d '\r' <"$RUN/headers.txt" | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rel" "$raw" "$g9" "$g1" "$sent" "${enc:-identity}" \
      "$(grep -qxF "$rel" <<<"$first" && echo yes || echo no)" >>"$RUN/sizes.tsv"
  done < <(find "$SNAP" -type f | LC_ALL=C sort)
  { column -t -s $'\t' "$RUN/sizes.tsv" 2>/dev/null || cat "$RUN/sizes.tsv"; } | sed 's/^/  /'
}

criterion() {
  say "filter + search, native: cargo bench -p torch2024 --bench query (criterion; about a minute, longer if it must compile)"
  touch "$RUN/criterion.stamp"
  sleep 1 # file times have a 1 s resolution on some file systems
  if ! cargo bench -p torch2024 --bench query 2>&1 | tee "$RUN/criterion.log" \
    | { grep --line-buffered -E 'time:|^[A-Za-z:+_-]+/[a-z0-9-]+$' | sed -u 's/^/  /' || true; }; then
    stop "cargo bench --bench query failed: see $RUN/criterion.log" "cargo bench -p torch2024 --bench query"
  fi
}

synthetic_build() {
  say "building the synthetic-data edition: trunk build --release --features synthetic --dist target/dist-synthetic (a few minutes)"
  trunk build --release --features synthetic --dist "$SYNTH_DIST" >"$RUN/trunk-synthetic.log" 2>&1 \
    || stop "the synthetic build failed: see $RUN/trunk-synthetic.log" "trunk build --release --features synthetic --dist target/dist-synthetic"
  [ -f "$SYNTH_DIST/index.html" ] || stop "the synthetic build wrote no $SYNTH_DIST/index.html"
}

browser() {
  say "headless Chromium: navigation to interactive (app and static copy), keystroke to painted cards (real, synthetic $BENCH_SIZES)"
  say "  cargo bench -p browser-tests --bench browser-bench --profile dev"
  BENCH_URL="http://127.0.0.1:$TIMING_PORT$PREFIX" \
    BENCH_SYNTHETIC_URL="http://127.0.0.1:$TIMING_PORT/synthetic$PREFIX" \
    BENCH_STATIC_FILE="$RUN/static.html" \
    BENCH_STATIC_URL="http://127.0.0.1:$TIMING_PORT${PREFIX}static.html" \
    BENCH_OUT="$RUN/browser.json" \
    cargo bench -q -p browser-tests --bench browser-bench --profile dev 2>"$RUN/browser.log" \
    || stop "the browser measurements failed: $(tail -3 "$RUN/browser.log")" "see $RUN/browser.log"
}

lighthouse() {
  local i url="http://127.0.0.1:$SITE_PORT$PREFIX"
  for i in $(seq "$LH_RUNS"); do
    say "Lighthouse $LIGHTHOUSE_VERSION run $i of $LH_RUNS (mobile preset) on $url"
    CHROME_PATH=$CHROMIUM node_modules/.bin/lighthouse "$url" --quiet \
      --output=json --output=html --output-path="$RUN/lighthouse-$i" \
      --chrome-flags="$CHROME_FLAGS" >"$RUN/lighthouse-$i.log" 2>&1 \
      || stop "Lighthouse run $i failed: $(tail -3 "$RUN/lighthouse-$i.log")" "see $RUN/lighthouse-$i.log"
    node -e '
      const r = require(process.argv[1]);
      const c = r.categories, a = r.audits;
      console.log("    performance %d, accessibility %d, best practices %d, SEO %d; LCP %s, TBT %s, CLS %s",
        c.performance.score * 100, c.accessibility.score * 100, c["best-practices"].score * 100, c.seo.score * 100,
        a["largest-contentful-paint"].displayValue, a["total-blocking-time"].displayValue, a["cumulative-layout-shift"].displayValue);
    ' "$RUN/lighthouse-$i.report.json"
  done
}

report() {
  say "writing BENCHMARKS.md"
  RUN=$RUN ROOT=$ROOT PREFIX=$PREFIX BUDGET=$BUDGET AIM=$AIM LH_RUNS=$LH_RUNS CHROME_FLAGS=$CHROME_FLAGS \
    TOTAL_SECONDS=$(($(date +%s) - START)) node - <<'JS'
const fs = require('fs'), path = require('path');
const E = process.env, RUN = E.RUN;
const read = (f) => fs.readFileSync(path.join(RUN, f), 'utf8');
const tsv = (f) => read(f).trim().split('\n').map((l) => l.split('\t'));
const machine = Object.fromEntries(tsv('machine.tsv'));
const num = (n, d = 0) => Number(n).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const kb = (b) => `${num(b / 1000, 1)} KB`;
const BUDGET_KB = `${num(+E.BUDGET / 1000)} KB`, AIM_KB = `${num(+E.AIM / 1000)} KB`;
const ms = (x) => (x == null || Number.isNaN(x) ? 'n/a' : `${num(x, x < 10 ? 2 : 1)} ms`);
const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const dur = (ns) => (ns < 1e3 ? `${num(ns, 0)} ns` : ns < 1e6 ? `${num(ns / 1e3, 2)} µs` : `${num(ns / 1e6, 2)} ms`);
const out = [];
const w = (s = '') => out.push(s);
const table = (head, rows, left = 1) => {
  w(`| ${head.join(' | ')} |`);
  w(`|${head.map((h, i) => (i < left ? '---' : '---:')).join('|')}|`);
  for (const r of rows) w(`| ${r.join(' | ')} |`);
  w();
};

// ---- data
const sizes = tsv('sizes.tsv').slice(1).map(([file, raw, g9, g1, nginx, enc, first]) =>
  ({ file, raw: +raw, g9: +g9, g1: +g1, nginx: +nginx, enc, first: first === 'yes' }));
const wasmStems = new Set(sizes.filter((f) => /_bg\.wasm$/.test(f.file)).map((f) => f.file.replace(/_bg\.wasm$/, '')));
const kindOf = (f) => {
  const n = f.file;
  if (/\.wasm$/.test(n)) return 'wasm';
  if (/^charts\/.*\.svg$/.test(n)) return 'SVG: chart pictures';
  if (/\.m?js$/.test(n) && wasmStems.has(n.replace(/\.m?js$/, ''))) return 'JS: wasm-bindgen glue';
  if (/\.m?js$/.test(n)) return 'JS: other';
  if (/\.css$/.test(n)) return 'CSS';
  if (/\.html$/.test(n)) return 'HTML';
  return 'other';
};
const phases = fs.existsSync(path.join(RUN, 'phases.tsv')) ? tsv('phases.tsv') : [];
const browser = JSON.parse(read('browser.json'));
const lh = [];
for (let i = 1; i <= +E.LH_RUNS; i++) lh.push(JSON.parse(read(`lighthouse-${i}.report.json`)));

// criterion: the estimates written by this run only
const crit = [];
const stamp = fs.statSync(path.join(RUN, 'criterion.stamp')).mtimeMs;
const cdir = path.join(E.ROOT, 'target/criterion');
for (const g of fs.readdirSync(cdir)) {
  const gdir = path.join(cdir, g);
  if (!fs.statSync(gdir).isDirectory()) continue;
  for (const b of fs.readdirSync(gdir)) {
    const est = path.join(gdir, b, 'new/estimates.json');
    const meta = path.join(gdir, b, 'new/benchmark.json');
    if (!fs.existsSync(est) || !fs.existsSync(meta) || fs.statSync(est).mtimeMs < stamp) continue;
    const m = JSON.parse(fs.readFileSync(meta, 'utf8'));
    const e = JSON.parse(fs.readFileSync(est, 'utf8'));
    const id = m.value_str || m.function_id || b;
    const n = +(id.match(/(\d+)$/) || [])[1];
    crit.push({ group: m.group_id, id, n, real: /^real/.test(id), median: e.median.point_estimate,
      lo: e.median.confidence_interval.lower_bound, hi: e.median.confidence_interval.upper_bound });
  }
}
if (!crit.length) throw new Error('no criterion results from this run in target/criterion');

// ---- the page
w('# Benchmarks: 數讀2024');
w();
w('<!-- Generated by scripts/bench.sh (`make bench`). Do not edit: run `make bench` again. -->');
w();
w(`Measured on ${machine.date} by \`make bench\` (\`scripts/bench.sh\`), which wrote this file from its measurements; run it again rather than edit it. Commit ${machine.commit}.`);
w();
w(`Machine: ${machine.nproc} cores (\`nproc\`), ${machine.cpu} (\`/proc/cpuinfo\`), ${machine.memory} RAM, ${machine.os}. ` +
  `${machine.rustc}; ${machine.trunk}; Node ${machine.node}; ${machine.chromium}, ChromeDriver ${machine.chromedriver.replace(/^ChromeDriver /, '')}; ${machine.nginx}; Lighthouse ${machine.lighthouse}.`);
w();

// summary
const first = sizes.filter((f) => f.first);
const firstNginx = first.reduce((s, f) => s + f.nginx, 0);
const firstG9 = first.reduce((s, f) => s + f.g9, 0);
const firstG1 = first.reduce((s, f) => s + f.g1, 0);
const verdict = (b) => (b > +E.BUDGET ? `**over** the budget of ${BUDGET_KB} (by ${kb(b - +E.BUDGET)})` : b > +E.AIM ? `within the budget of ${BUDGET_KB}, above the aim of ${AIM_KB}` : `within the budget of ${BUDGET_KB} and the aim of ${AIM_KB}`);
const keys = browser.keys.map((k) => {
  const s = k.samples.filter((x) => !x.warmup);
  return { ...k, measured: s, med: median(s.map((x) => x.latency)) };
});
const loadMed = (name) => median(browser.load[name].map((r) => r.interactive));
const appLoad = loadMed('app'), staticLoad = loadMed('static');
const lhMed = (f) => median(lh.map(f));
const score = (r, c) => Math.round(r.categories[c].score * 100);
const audit = (r, a) => r.audits[a].numericValue;
w('## Summary');
w();
w(`- First-load transfer (gzip as nginx sends it with \`gzip on\`): **${kb(firstNginx)}**, ${verdict(firstNginx)}. At gzip -9: ${kb(firstG9)}.`);
const big = crit.filter((c) => c.group === 'select').sort((a, b) => b.n - a.n)[0];
if (big) w(`- Filter + search (\`Catalog::select\`, native, ${num(big.n)} projects): median ${dur(big.median)}.`);
w(`- Keystroke in the search field to the changed cards painted (headless Chromium, median): ${keys.map((k) => `${ms(k.med)} with ${num(k.projects)} projects`).join(', ')}.`);
w(`- Navigation to interactive cards (headless Chromium, first visit, loopback, median): app ${ms(appLoad)}, static HTML copy ${ms(staticLoad)}: the app takes ×${num(appLoad / staticLoad, 1)} as long.`);
w(`- Lighthouse ${machine.lighthouse} mobile, median of ${lh.length}: Performance ${lhMed((r) => score(r, 'performance'))}, Accessibility ${lhMed((r) => score(r, 'accessibility'))}, Best Practices ${lhMed((r) => score(r, 'best-practices'))}, SEO ${lhMed((r) => score(r, 'seo'))}; LCP ${ms(lhMed((r) => audit(r, 'largest-contentful-paint')))}, TBT ${ms(lhMed((r) => audit(r, 'total-blocking-time')))}, CLS ${num(lhMed((r) => audit(r, 'cumulative-layout-shift')), 3)}.`);
w();

// 1. sizes
w('## 1. Sizes of `dist/`');
w();
w((fs.existsSync(path.join(RUN, 'dist-changed')) && fs.readFileSync(path.join(RUN, 'dist-changed'), 'utf8').trim() === 'changed' ? '**Note:** `dist/` was rebuilt by something else during this run; every figure here is of the copy taken at its start (`target/bench/run/dist`).\n\n' : '') +
  'The release build of `make dist` (copied to `target/bench/run/dist` at the start of the run, and measured there). For each file: its size, `gzip -9 -n -c FILE | wc -c`, `gzip -1 -n -c FILE | wc -c`, and the body bytes nginx sent for it ' +
  `(\`curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' URL\`) from the configuration below, which says only \`gzip on\` and the types to compress, so nginx uses its default level, 1. 1 KB = 1,000 bytes.`);
w();
const pictures = sizes.filter((f) => kindOf(f) === 'SVG: chart pictures');
w(`\`dist/charts/\` holds ${pictures.length} chart pictures (each chart in 3 languages, light and dark, 340 and 560 px wide); a first visit loads the ${pictures.filter((f) => f.first).length} that the page names in its \`<img src>\` (light, 340 px, the default language), and only those are listed one by one. A wider or dark screen loads the same number of other pictures of about the same size instead.`);
w();
table(['file', 'kind', 'raw', 'gzip -9', 'gzip -1', 'nginx sends', 'first load'],
  sizes.filter((f) => kindOf(f) !== 'SVG: chart pictures' || f.first).map((f) => [`\`${f.file}\``, kindOf(f), num(f.raw), num(f.g9), num(f.g1), `${num(f.nginx)}${f.enc === 'gzip' ? '' : ` (${f.enc})`}`, f.first ? 'yes' : '']), 2);
const kinds = ['wasm', 'JS: wasm-bindgen glue', 'JS: other', 'SVG: chart pictures', 'CSS', 'HTML', 'other'];
const sum = (fs_, k) => fs_.reduce((s, f) => s + f[k], 0);
const totalRows = [];
for (const k of kinds) {
  const fs_ = sizes.filter((f) => kindOf(f) === k);
  if (fs_.length) totalRows.push([k, `${fs_.length}`, kb(sum(fs_, 'raw')), kb(sum(fs_, 'g9')), kb(sum(fs_, 'nginx'))]);
  if (k === 'JS: other') {
    const js = sizes.filter((f) => kindOf(f).startsWith('JS'));
    totalRows.push(['JS, all', `${js.length}`, kb(sum(js, 'raw')), kb(sum(js, 'g9')), kb(sum(js, 'nginx'))]);
  }
}
totalRows.push(['**all of dist/**', `${sizes.length}`, kb(sum(sizes, 'raw')), kb(sum(sizes, 'g9')), kb(sum(sizes, 'nginx'))]);
w('Totals by kind:');
w();
table(['kind', 'files', 'raw', 'gzip -9', 'nginx sends'], totalRows);
w('### First-load transfer');
w();
w('What a first visit downloads: `index.html` and the stylesheets, scripts, wasm and chart pictures it loads (`<link rel=stylesheet|modulepreload|preload>`, `<script src>`, the paths in trunk\'s inline loader, and `<img src>`: the pictures for a light screen under 520 px in the default language), found in `dist/index.html` by `scripts/bench.sh`. ' +
  `Budget ${BUDGET_KB}, aim ${AIM_KB} (gzip).`);
w();
table(['part', 'file', 'raw', 'gzip -9', 'nginx sends'],
  [...first.map((f) => [kindOf(f), `\`${f.file}\``, num(f.raw), num(f.g9), num(f.nginx)]),
   ['**total**', '', num(sum(first, 'raw')), num(firstG9), `**${num(firstNginx)}**`]], 2);
const others = sizes.filter((f) => !f.first && kindOf(f) !== 'SVG: chart pictures');
const otherPictures = pictures.filter((f) => !f.first);
w(`Total as nginx sends it: **${kb(firstNginx)}**, ${verdict(firstNginx)}; at gzip -9 ${kb(firstG9)}. ` +
  (others.length ? `Not counted, as \`index.html\` does not load them to start: ${others.map((f) => `\`${f.file}\` (${num(f.nginx)} B)`).join(', ')}, and the other ${otherPictures.length} chart pictures (${num(Math.min(...otherPictures.map((f) => f.nginx)))} – ${num(Math.max(...otherPictures.map((f) => f.nginx)))} B each as nginx sends them; a dark or wider screen, or another language, loads 8 of those instead).` : ''));
w();
const fetched = (browser.load.app[0] || {}).resources || [];
w(`The budget check \`scripts/bench.sh budget\` adds up the same files at \`gzip -1\` (${num(firstG1)} bytes here, against ${num(firstNginx)} from nginx) and fails over ${BUDGET_KB}; it needs no server.`);
w();
w('nginx configuration (written by the script for the run, `target/bench/nginx/nginx.conf`):');
w();
w('```nginx');
w('gzip on;');
w('gzip_types text/css text/javascript application/javascript application/wasm image/svg+xml application/json text/csv text/plain;');
w(`location ${E.PREFIX} { alias /path/to/dist/; }`);
w('```');
w();

// 2. criterion
w('## 2. Filter + search, pure Rust (native)');
w();
w(`\`cargo bench -p torch2024 --bench query\` (\`benches/query.rs\`, criterion ${machine.criterion}, the release profile as shipped: \`${machine.release_profile}\`; native code for this CPU, not wasm). ` +
  'The medians below are `median.point_estimate` of `target/criterion/<group>/<size>/new/estimates.json` from this run, with criterion\'s 95 % confidence interval. ' +
  '`select`: `Catalog::select` with the typical filter of the bench (text `二期`, one milestone kind, one sector); `select-text-only`: the same text with no facet (every project is searched); ' +
  '`kind_counts+sector_counts`: the facet counts for that filter; `Catalog::new`: preparing the catalog (once per page load). The synthetic projects are `query::synthetic::projects(n, 2024)`.');
w();
const groups = [...new Set(crit.map((c) => c.group))];
const ns = [...new Set(crit.map((c) => c.n))].sort((a, b) => a - b);
const label = (n) => `${num(n)}${crit.find((c) => c.n === n && c.real) ? ' (real)' : ''}`;
const fit = (g) => {
  const pts = crit.filter((c) => c.group === g).sort((a, b) => a.n - b.n);
  const a = pts.find((c) => c.n >= 1000), b = pts[pts.length - 1];
  if (!a || !b || a === b) return 'n/a';
  return `×${num(b.median / a.median, 0)} for ×${num(b.n / a.n, 0)} projects (∝ n^${num(Math.log(b.median / a.median) / Math.log(b.n / a.n), 2)})`;
};
table(['benchmark', ...ns.map(label), `growth, ${num(1000)} → ${num(ns[ns.length - 1])}`],
  groups.map((g) => [`\`${g}\``, ...ns.map((n) => {
    const c = crit.find((x) => x.group === g && x.n === n);
    return c ? dur(c.median) : '';
  }), fit(g)]));
w('Per project (median ÷ projects):');
w();
table(['benchmark', ...ns.map(label)],
  groups.map((g) => [`\`${g}\``, ...ns.map((n) => {
    const c = crit.find((x) => x.group === g && x.n === n);
    return c ? dur(c.median / n) : '';
  })]));
w('With 95 % confidence intervals of the median:');
w();
table(['benchmark', ...ns.map(label)],
  groups.map((g) => [`\`${g}\``, ...ns.map((n) => {
    const c = crit.find((x) => x.group === g && x.n === n);
    return c ? `${dur(c.lo)} – ${dur(c.hi)}` : '';
  })]));

// 3. keystrokes
const engines = fs.readFileSync(path.join(E.ROOT, 'tests/browser/engines.rs'), 'utf8');
const chromeArgs = (((engines.match(/goog:chromeOptions[\s\S]*?"args":\s*\[([\s\S]*?)\]/) || [])[1] || '').match(/"--[^"]*"/g) || [])
  .filter((a) => !/user-data-dir/.test(a));
const chrome = `Chromium ${browser.chromium} (\`/usr/bin/chromium\` through chromedriver, with the flags of \`tests/browser/engines.rs\`: ${chromeArgs.map((f) => `\`${f.slice(1, -1)}\``).join(' ')} and a fresh \`--user-data-dir\`; viewport ${browser.viewport[0]}×${browser.viewport[1]} at ${browser.viewport[2]}×)`;
w('## 3. Keystroke to updated cards, headless Chromium');
w();
w(`${chrome}, driven by \`cargo bench -p browser-tests --bench browser-bench --profile dev\` (\`tests/browser/bench.rs\`), pages served by nginx with gzip and \`Cache-Control: no-store\`. ` +
  `The real size is \`dist/\`; the synthetic sizes are a second build, \`trunk build --release --features synthetic --dist target/dist-synthetic\`, opened with \`?synthetic=N\`.`);
w();
w('Method: the search field (`#projects input[type=search]`) is scrolled to the top of the window and WebDriver types into it one key at a time (Element Send Keys). In the page, a `keydown` listener (capture phase) starts a sample at the event\'s `timeStamp`; ' +
  'a `MutationObserver` on `#projects` sees the first `article.card` added or removed; a `requestAnimationFrame` callback then marks the frame that draws the change, and a `MessageChannel` message posted from it marks the first task after that frame, i.e. after it was painted. ' +
  'The sample is that last time minus the keydown\'s. Each query has 4 characters taken from the projects\' names, chosen (by the harness, with the app\'s own `Catalog`) so that each keystroke changes the cards shown; it is typed, then deleted with Backspace, so a query gives 8 samples. ' +
  `One query is typed and deleted first without being counted (warm-up), then ${browser.key_reps} are measured. The harness checks after each keystroke that the page shows as many cards as \`Catalog::select\` gives for that text (capped at the page of cards).`);
w();
table(['projects', 'cards drawn at first', '“more” button', 'samples', 'median', '90th pct', 'min', 'max', 'median to DOM change', 'median to frame', 'queries'],
  keys.map((k) => [
    `${num(k.projects)}${k.label === 'real' ? ' (real)' : ''}`, num(k.initial_cards), k.more_button ? `\`${k.more_button}\`` : 'none', num(k.measured.length),
    `**${ms(k.med)}**`, ms(quantile(k.measured.map((s) => s.latency), 0.9)), ms(Math.min(...k.measured.map((s) => s.latency))), ms(Math.max(...k.measured.map((s) => s.latency))),
    ms(median(k.measured.map((s) => s.to_mutation))), ms(median(k.measured.map((s) => s.to_frame))),
    [...new Set(k.measured.map((s) => s.query))].map((q) => `\`${q}\``).join(' '),
  ]));
const paged = keys.filter((k) => k.initial_cards < k.projects);
if (paged.length) {
  const page = paged[0].initial_cards;
  w(`The app draws at most ${num(page)} cards (\`PAGE\` in \`src/ui/cards.rs\`) and a “+ N” button for the rest. So with ${paged.map((k) => num(k.projects)).join(' and ')} projects a keystroke runs the filter and search over all of them, updates the facet counts and the result count, and changes only the first ${num(page)} cards (fewer when fewer match); it never draws thousands.`);
  w();
}
const mism = keys.flatMap((k) => k.mismatches.map((m) => `${k.label}: ${m}`));
if (mism.length) {
  w(`**Warning:** the cards shown did not match the catalog ${mism.length} time(s): ${mism.slice(0, 5).join('; ')}.`);
  w();
}
const late = keys.reduce((s, k) => s + k.measured.filter((x) => x.late_mutations > 0).length, 0);
const frame = median(keys.map((k) => k.frame_interval));
w(`“To DOM change” is the MutationObserver callback, “to frame” the requestAnimationFrame callback, both from the keydown. Samples in which cards still changed after the measured frame: ${late}. ` +
  `Frames come every ${ms(frame)} here (median interval of 30 \`requestAnimationFrame\` callbacks), and a sample ends after the next frame, so each includes a wait for it of up to one frame interval: at this level, differences of less than a frame between sizes are not significant.`);
w();

// 4. load
w('## 4. Navigation to interactive cards: app vs static HTML');
w();
const sp = browser.static_page;
w(`The same Chromium. The static page is the app's own page: once the app is interactive, the harness takes \`document.documentElement\`, removes every \`<script>\` and \`<link rel=modulepreload|preload>\` from a copy, and saves its \`outerHTML\` (${num(sp.html)} bytes, ${num(sp.cards)} cards, ${num(sp.tables)} tables, ${num(sp.pictures)} chart pictures) as \`static.html\` next to \`dist/\`'s files, so it uses the same stylesheet. ` +
  'The chart pictures are images there too, so the static copy shows the same content. ' +
  `Chromium's language is \`${browser.language}\`, and the copy's \`<html lang>\` is \`${sp.lang}\`: the page in the language the app chose for that browser. ` +
  `Pages are loaded alternately, app then static, ${browser.load_runs} times each after one unmeasured pair, each from \`about:blank\`; nginx sends \`Cache-Control: no-store\`, so every load is a first visit (nothing from the HTTP cache, no compiled-code cache).`);
w();
w('Method: a script given to Chromium through the DevTools Protocol (`Page.addScriptToEvaluateOnNewDocument`, via chromedriver), which runs in every document before the page\'s own scripts and is not part of either page, watches the DOM with a `MutationObserver`. ' +
  '“Cards present”: `#projects .result-count` and `#projects input[type=search]` are in the DOM. “Interactive”: present and, for a page with a module script (the app), the app has started (trunk\'s loader fires `TrunkApplicationStarted` after the wasm `main` has mounted the app and its event handlers), then the next frame and the first task after it: painted, and the main thread free to take a keystroke. ' +
  'Times are `performance.now()`, from the start of the navigation. FCP is the browser\'s `first-contentful-paint` entry, the time the frame reached the screen, so it can come after “interactive”, which is marked on the main thread as soon as the frame is produced. Bytes are the `transferSize` of the navigation and every resource (headers included).');
w();
const loadRow = (name, rs) => [name, num(rs.length), `**${ms(median(rs.map((r) => r.interactive)))}**`,
  `${ms(Math.min(...rs.map((r) => r.interactive)))} – ${ms(Math.max(...rs.map((r) => r.interactive)))}`,
  ms(median(rs.map((r) => r.present))), ms(median(rs.map((r) => r.fcp))), ms(median(rs.map((r) => r.dom_content_loaded))), ms(median(rs.map((r) => r.load_event))),
  num(median(rs.map((r) => r.bytes))), num(median(rs.map((r) => r.requests)))];
table(['page', 'runs', 'median to interactive', 'range', 'cards present', 'FCP', 'DOMContentLoaded', 'load event', 'bytes', 'requests'],
  [loadRow('app (`dist/`)', browser.load.app), loadRow('static HTML copy', browser.load.static)]);
const appPresent = median(browser.load.app.map((r) => r.present));
if (appPresent < appLoad / 2) {
  w(`The app's cards are present after ${ms(appPresent)} but interactive only after ${ms(appLoad)}: \`dist/index.html\` already holds the page rendered at build time, and it responds to the search field once the wasm has started.`);
  w();
}
w(`Ratio of the medians to interactive, app ÷ static: **×${num(appLoad / staticLoad, 2)}** (${ms(appLoad - staticLoad)} more). Loopback, no network throttling and no CPU slowdown: this is the cost of the code (download from loopback, wasm compile, start, first render), not of a phone on a mobile network; Lighthouse below simulates that.`);
w();
if (fetched.length) {
  w(`What the app fetched besides the page (first measured run, \`transferSize\`): ${fetched.map((r) => `\`${r.name}\` ${num(r.transfer)} B`).join(', ')}.`);
  w();
}
const notListed = fetched.filter((r) => /\.(m?js|wasm|css)$/.test(r.name) && !first.some((f) => f.file === r.name));
if (notListed.length) {
  w(`**Warning:** the app fetched files that the first-load list above does not count: ${notListed.map((r) => `\`${r.name}\``).join(', ')}.`);
  w();
}

// 5. lighthouse
w('## 5. Lighthouse');
w();
const cs = lh[0].configSettings, th = cs.throttling, se = cs.screenEmulation;
w(`Lighthouse ${machine.lighthouse} (npm, pinned in \`package.json\`), Node ${machine.node}, its default preset: form factor ${cs.formFactor}, screen ${se.width}×${se.height} at ${se.deviceScaleFactor}×, throttling \`${cs.throttlingMethod}\` ` +
  `(RTT ${num(th.rttMs)} ms, ${num(th.throughputKbps)} kbit/s, CPU slowdown ×${num(th.cpuSlowdownMultiplier)}), categories ${Object.keys(lh[0].categories).join(', ')}; ${lh.length} runs against \`dist/\` served by nginx with gzip (no cache headers, as a plain static host) on loopback:`);
w();
w('```sh');
w(`CHROME_PATH=/usr/bin/chromium node_modules/.bin/lighthouse http://127.0.0.1:PORT${E.PREFIX} \\`);
w(`  --output=json --output=html --output-path=target/bench/run/lighthouse-N \\`);
w(`  --chrome-flags="${E.CHROME_FLAGS}"`);
w('```');
w();
function fmtLh(name, v) { return name === 'CLS' ? num(v, 3) : /Performance|Accessibility|Best|SEO|benchmark/.test(name) ? num(v) : ms(v); }
const lhRows = [
  ['Performance', (r) => score(r, 'performance')], ['Accessibility', (r) => score(r, 'accessibility')],
  ['Best Practices', (r) => score(r, 'best-practices')], ['SEO', (r) => score(r, 'seo')],
  ['First Contentful Paint', (r) => audit(r, 'first-contentful-paint')], ['Largest Contentful Paint', (r) => audit(r, 'largest-contentful-paint')],
  ['Total Blocking Time', (r) => audit(r, 'total-blocking-time')], ['CLS', (r) => audit(r, 'cumulative-layout-shift')],
  ['Speed Index', (r) => audit(r, 'speed-index')], ['benchmarkIndex (machine speed)', (r) => r.environment.benchmarkIndex],
];
table(['', ...lh.map((_, i) => `run ${i + 1}`), 'median'],
  lhRows.map(([name, f]) => [name, ...lh.map((r) => fmtLh(name, f(r))), `**${fmtLh(name, lhMed(f))}**`]));
const failing = {};
for (const r of lh) for (const c of ['performance', 'accessibility', 'best-practices', 'seo']) for (const ref of r.categories[c].auditRefs) {
  const a = r.audits[ref.id];
  if (ref.weight > 0 && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative') (failing[`${c}: ${a.title}`] ||= []).push(a.score);
}
const fl = Object.entries(failing);
w(fl.length ? `Scored audits below 0.9 (in how many runs): ${fl.map(([t, s]) => `${t} (${s.length})`).join('; ')}.` : 'Every scored audit is at 0.9 or above in every run.');
w();
const warns = [...new Set(lh.flatMap((r) => r.runWarnings || []))];
if (warns.length) { w(`Lighthouse's warnings: ${warns.join(' ')}`); w(); }
w('The HTML reports are in `target/bench/run/lighthouse-N.report.html` after a run.');
w();

// notes
w('## What varies, and with what');
w();
{
  const spread = (xs) => `${ms(Math.min(...xs))} – ${ms(Math.max(...xs))}`;
  const widest = crit.map((c) => ({ c, r: (c.hi - c.lo) / 2 / c.median })).sort((a, b) => b.r - a.r)[0];
  const calm = crit.map((c) => (c.hi - c.lo) / 2 / c.median).sort((a, b) => a - b)[crit.length >> 1];
  const perf = lh.map((r) => score(r, 'performance'));
  const bi = lh.map((r) => r.environment.benchmarkIndex);
  w(`- Sizes are exact for a given build and change only with the code, the data or the tool versions. The level matters: gzip -9 sends ${kb(firstNginx - firstG9)} less than nginx's default level on the first load here; brotli or a higher level on the host would send less still.`);
  w(`- Criterion: half the width of the 95 % interval of the median is ${num(calm * 100, 1)} % of the median for the median benchmark of this run, and ${num(widest.r * 100, 1)} % at worst (\`${widest.c.group}/${widest.c.id}\`). Anything else running on the cores widens them and moves the medians; see the load average below.`);
  w(`- The browser timings are wall-clock times on a shared ${machine.nproc}-core machine, and other processes (a build, another browser) slow them, the load times most (wasm compile and start). In this run the app's load took ${spread(browser.load.app.map((r) => r.interactive))} and the static copy's ${spread(browser.load.static.map((r) => r.interactive))} over ${browser.load_runs} runs each; a keystroke took ${spread(keys.flatMap((k) => k.measured.map((s) => s.latency)))} over all sizes. Medians damp this; compare figures of one run (app vs static, one size vs another) rather than across runs.`);
  w(`- Lighthouse simulates a slow phone from a trace taken on this machine, so its figures move with the machine's load: Performance ranged ${Math.min(...perf)} – ${Math.max(...perf)} over the ${lh.length} runs here, while Lighthouse's own measure of the machine's speed (\`benchmarkIndex\`, higher is faster) ranged ${num(Math.min(...bi))} – ${num(Math.max(...bi))}.`);
}
if (phases.length) {
  w();
  w('Wall time of each step of this run, and the load average (1 minute) before and after it:');
  w();
  table(['step', 'seconds', 'load before', 'load after'], phases.map(([n, s, a, b]) => [n, num(+s, 1), a, b]));
}
w(`\`scripts/bench.sh\` took ${num(+E.TOTAL_SECONDS)} s in all, after \`make dist\`.`);
w();
w('## How to reproduce');
w();
w('```sh');
w('make bench                     # make dist, then scripts/bench.sh: everything above, rewrites BENCHMARKS.md');
w('scripts/bench.sh budget        # only the first-load budget check (exit 1 over 300 KB)');
w('cargo bench -p torch2024 --bench query                  # section 2 alone');
w('trunk build --release --features synthetic --dist target/dist-synthetic   # the synthetic build of section 3');
w('```');
w();
w('Needs what `scripts/setup.sh test` installs (Chromium and chromedriver from Debian), `npm ci` (Lighthouse), and nginx (`apt-get install -y nginx-light`; the script installs it when missing and run as root). ' +
  `Knobs: \`BENCH_LIGHTHOUSE_RUNS\` (${E.LH_RUNS} here), \`BENCH_LOAD_RUNS\` (${browser.load_runs}), \`BENCH_KEY_REPS\` (${browser.key_reps}), \`BENCH_SIZES\` (${keys.filter((k) => k.label !== 'real').map((k) => k.projects).join(',')}). Work files, logs and the raw JSON are in \`target/bench/run/\`.`);
fs.writeFileSync(path.join(E.ROOT, 'BENCHMARKS.md'), out.join('\n') + '\n');
JS
}

main() {
  START=$(date +%s)
  check_prerequisites
  rm -rf "$RUN"
  mkdir -p "$RUN"
  say "copying dist/ to target/bench/run/dist: the build this run measures"
  cp -a "$DIST" "$SNAP"
  machine_info
  say "serving dist/ with nginx (gzip on) on loopback"
  start_nginx
  phase "sizes"; sizes; phase_end
  phase "criterion (cargo bench --bench query)"; criterion; phase_end
  phase "synthetic build (trunk)"; synthetic_build; phase_end
  phase "browser timings (Chromium)"; browser; phase_end
  phase "Lighthouse x$LH_RUNS"; lighthouse; phase_end
  if diff -rq "$DIST" "$SNAP" >/dev/null 2>&1; then
    echo same >"$RUN/dist-changed"
  else
    say "note: dist/ was rebuilt during the run; every figure is of the copy taken at the start"
    echo changed >"$RUN/dist-changed"
  fi
  report
  say "done in $(($(date +%s) - START)) s: BENCHMARKS.md"
}

# The deterministic gates of `make test` (see the top of this file).
gates() {
  budget
  [ -x "$CHROMIUM" ] || stop "Chromium is not at $CHROMIUM" "scripts/setup.sh test (apt-get install -y chromium chromium-driver)"
  [ -x node_modules/.bin/lighthouse ] || stop "Lighthouse is not installed in node_modules" "npm ci (package.json pins lighthouse $LIGHTHOUSE_VERSION)"
  RUN=$WORK/gates
  SNAP=$DIST
  rm -rf "$RUN"
  mkdir -p "$RUN"
  start_nginx
  LH_RUNS=1 lighthouse
  node -e '
    const c = require(process.argv[1]).categories;
    const low = ["accessibility", "best-practices", "seo"].filter((k) => c[k].score * 100 < 95);
    for (const k of low) console.error(`Lighthouse ${c[k].title} is ${c[k].score * 100}, under 95: see ${process.argv[2]}`);
    process.exit(low.length ? 1 : 0);
  ' "$RUN/lighthouse-1.report.json" "$RUN/lighthouse-1.report.html"
  say "Lighthouse Accessibility, Best Practices and SEO are each at least 95"
}

case "${1:-all}" in
  all) main ;;
  budget) budget ;;
  gates) gates ;;
  *) stop "usage: scripts/bench.sh [all|budget|gates]" ;;
esac
