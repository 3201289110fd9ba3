# 數讀2024 — the two commands of the README, and the rest.
#   make serve   build and serve the app at http://127.0.0.1:8080
#   make test    every test and check (installs what it needs first)
#   make dist    release build of the static site into dist/ (DATA=folder: another edition's
#                data, DIST=folder: somewhere else than dist/, SITE_URL=https://…/: the address
#                it will be published at)
#   make bench   measure sizes and speed, write BENCHMARKS.md
SHELL := /bin/bash
# trunk must find wasm-bindgen (cargo) and wasm-opt (npm's binaryen) of the pinned versions.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve dist edition test lint unit browser gates bench setup-build setup-test

# The edition's data (build.rs reads DATA), where the site is built, and the address it will be
# published at (SITE_URL, for the tags and files that need absolute URLs; bake says which it
# leaves out without it).
DATA ?= data
DIST ?= dist
SITE_URL ?=
export DATA SITE_URL

setup-build:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

serve: setup-build
	trunk serve

# trunk builds the app, then its post-build hook (Trunk.toml) runs bake: the page rendered into
# index.html (readable without JavaScript), the CSP, the chart pictures, the downloads and
# standalone.html.
dist: setup-build
	trunk build --release --dist $(DIST)

# The second, small edition of tests/fixtures/edition, built from its data alone, for the
# browser suite (EDITION_DIST); with a public address, so that the suite checks the tags and
# files that need one (dist/ is built without, as `make dist` is by default).
EDITION_SITE_URL = https://news.example/2025/edition/
edition: setup-build
	DATA=tests/fixtures/edition SITE_URL=$(EDITION_SITE_URL) trunk build --release --dist target/dist-edition

lint: setup-test
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --features torch2024/synthetic -- -D warnings
	cargo clippy -p torch2024 --lib --bins --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p torch2024 --no-default-features --features ssr --bin bake -- -D warnings

# (`synthetic`: the large generated catalogs that tests/query.rs and the benches use.)
unit: setup-build
	cargo test --workspace --exclude browser-tests --features torch2024/synthetic

browser: setup-test dist edition
	cargo test -p browser-tests

# The first-load size budget, then one Lighthouse run (Lighthouse CI) whose Accessibility, Best
# Practices and SEO must each be >= 95: `cargo run -p xtask -- gates` (xtask/).
gates: setup-test dist
	cargo run -q -p xtask -- gates

test: lint unit browser gates

# Chromium, chromedriver, nginx (setup-test) and dist/; xtask says what else it needs. Options:
# make bench BENCH_ARGS="--page example.html --ready iframe --lighthouse-runs 1"
# (all of them: cargo run -p xtask -- help).
bench: setup-test dist
	cargo run -q -p xtask -- bench $(BENCH_ARGS)
