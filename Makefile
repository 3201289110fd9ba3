# 數讀2024 — the two commands of the README, and the rest.
#   make serve   build and serve the app at http://127.0.0.1:8080
#   make test    every test and check (installs what it needs first)
#   make dist    release build of the static site into dist/
#   make bench   measure sizes and speed, write BENCHMARKS.md
SHELL := /bin/bash
# trunk must find wasm-bindgen (cargo) and wasm-opt (npm's binaryen) of the pinned versions.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve dist test lint unit browser gates bench setup-build setup-test

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
	trunk build --release

lint: setup-test
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p torch2024 --lib --bins --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p torch2024 --no-default-features --features ssr --bin bake -- -D warnings

unit: setup-build
	cargo test

browser: setup-test dist
	cargo test -p browser-tests

# The first-load size budget and Lighthouse's Accessibility, Best Practices and SEO scores.
gates: setup-test dist
	scripts/bench.sh gates

test: lint unit browser gates

# Chromium and chromedriver (setup-test) and dist/; bench.sh says what else it needs.
bench: setup-test dist
	scripts/bench.sh
