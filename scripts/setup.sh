#!/usr/bin/env bash
# Installs what `make` needs, saying what it does; stops with one clear message when it cannot.
#   scripts/setup.sh build   the wasm target, trunk, wasm-bindgen-cli, npm packages, CJK fonts
#   scripts/setup.sh test    the above, plus rustfmt/clippy, the browsers and their drivers
# Nothing is downloaded from anywhere but the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
APT_PACKAGES_TEST=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb fonts-noto-cjk nginx-light)
MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser

say() { printf '==> %s\n' "$*"; }
stop() {
  printf '\nsetup stopped: %s\n' "$1" >&2
  [ $# -gt 1 ] && printf 'to get it: %s\n' "$2" >&2
  exit 1
}

need_command() { # name, how to get it
  command -v "$1" >/dev/null 2>&1 || stop "\`$1\` is not installed" "$2"
}

cargo_install() { # crate, version, binary, version-check string, extra cargo flags...
  local crate=$1 version=$2 bin=$3 want=$4
  shift 4
  # (Read the whole output: with pipefail, `| grep -q` would fail on the tool's broken pipe.)
  if command -v "$bin" >/dev/null 2>&1 && [[ "$("$bin" --version 2>/dev/null)" == *"$want"* ]]; then
    return
  fi
  # --debug: these tools only orchestrate (trunk, geckodriver) or run for a second
  # (wasm-bindgen), and a debug build installs in about a third of the time on two cores.
  say "installing $crate $version from crates.io (cargo install --debug; takes a few minutes)"
  cargo install --debug "$@" "$crate@$version" || stop "cargo could not install $crate $version (no network to crates.io?)" \
    "cargo install --debug $* $crate@$version"
}

setup_build() {
  need_command cargo "install Rust 1.85 or newer with rustup"
  need_command rustup "install Rust with rustup"
  need_command npm "apt-get install -y nodejs npm (Node 20 or newer)"
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the Rust target wasm32-unknown-unknown (rustup)"
    rustup target add wasm32-unknown-unknown || stop "rustup could not add the wasm32 target" "rustup target add wasm32-unknown-unknown"
  fi
  cargo_install trunk "$TRUNK_VERSION" trunk "trunk $TRUNK_VERSION" --locked
  # wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
  # (Installed without --locked: one of its locked dependencies is missing from the registry.)
  local bindgen
  bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
  [ -n "$bindgen" ] || stop "Cargo.lock has no wasm-bindgen entry" "cargo generate-lockfile"
  cargo_install wasm-bindgen-cli "$bindgen" wasm-bindgen "wasm-bindgen $bindgen"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing the npm packages of package-lock.json (npm ci): echarts, lucide-static (icons), binaryen (wasm-opt), axe-core, lighthouse"
    npm ci --no-audit --no-fund || stop "npm ci failed (no network to the npm registry?)" "npm ci"
  fi
  # The link-preview images are drawn with Noto Sans CJK (src/publish/preview.rs).
  if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ]; then
    [ "$(id -u)" = 0 ] || stop "the CJK fonts the preview images are drawn with are missing, and installing them needs root" \
      "sudo apt-get update && sudo apt-get install -y --no-install-recommends fonts-noto-cjk"
    say "installing the CJK fonts the preview images are drawn with: fonts-noto-cjk (apt-get)"
    apt-get update -q || stop "apt-get update failed (no network to Debian's mirrors?)" "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-cjk \
      || stop "apt-get could not install fonts-noto-cjk" "apt-get install -y --no-install-recommends fonts-noto-cjk"
  fi
}

setup_test() {
  setup_build
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding the Rust component $component (rustup)"
      rustup component add "$component" || stop "rustup could not add $component" "rustup component add $component"
    fi
  done
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null && [ -x "$MINIBROWSER" ] || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      stop "these Debian packages are missing and installing them needs root: ${missing[*]}" \
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends ${APT_PACKAGES_TEST[*]}"
    fi
    say "installing the browsers, their drivers and nginx from Debian: ${missing[*]} (apt-get)"
    apt-get update -q || stop "apt-get update failed (no network to Debian's mirrors?)" "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${APT_PACKAGES_TEST[@]}" \
      || stop "apt-get could not install the browsers" "apt-get install -y --no-install-recommends ${APT_PACKAGES_TEST[*]}"
  fi
  cargo_install geckodriver "$GECKODRIVER_VERSION" geckodriver "geckodriver $GECKODRIVER_VERSION" --locked
}

case "${1:-}" in
  build) setup_build ;;
  test) setup_test ;;
  *) stop "usage: scripts/setup.sh build|test" ;;
esac
