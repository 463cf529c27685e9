#!/usr/bin/env bash
# Installs everything the build and the tests need, and only what is missing (idempotent).
# Called by `make setup`; `make serve` and `make test` run it first.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

# Debian packages: browsers, their drivers, a CJK font, fontconfig for the native renderer.
apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_packages+=(chromium-driver)
have firefox-esr || have firefox || apt_packages+=(firefox-esr)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || apt_packages+=(fonts-noto-cjk fontconfig)
if [ ${#apt_packages[@]} -gt 0 ]; then
  log "apt-get install ${apt_packages[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_packages[@]}"
fi

# Rust: the wasm target and the wasm tools, the CLI pinned to the wasm-bindgen in Cargo.lock.
rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# std's source, for the size-optimised release build (build-std).
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
have wasm-pack || { log "cargo install wasm-pack"; cargo install wasm-pack --locked; }
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  log "cargo install wasm-bindgen-cli $bindgen_version"
  # --locked can name a dependency release the registry no longer serves; then resolve afresh.
  cargo install wasm-bindgen-cli --locked --version "$bindgen_version" --force \
    || cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi
have geckodriver || { log "cargo install geckodriver"; cargo install geckodriver --locked; }
have cargo-fuzz || { log "cargo install cargo-fuzz"; cargo install cargo-fuzz --locked; }

# npm: a working wasm-opt (binaryen; Debian's is too old) and playwright-core for page tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "ready"
