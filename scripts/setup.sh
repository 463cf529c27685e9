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
# WebKit comes as WebKitGTK's own driver (it starts MiniBrowser), which needs an X display: Xvfb.
apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_packages+=(chromium-driver)
have firefox-esr || have firefox || apt_packages+=(firefox-esr)
have WebKitWebDriver || apt_packages+=(webkit2gtk-driver)
have Xvfb || apt_packages+=(xvfb)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || apt_packages+=(fonts-noto-cjk fontconfig)
if [ ${#apt_packages[@]} -gt 0 ]; then
  log "apt-get install ${apt_packages[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_packages[@]}"
fi

# Rust: the dated nightly of rust-toolchain.toml with the wasm target and std's source (for
# the size-optimised release build), then the wasm tools, the CLI pinned to Cargo.lock.
toolchain=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
[ -n "$toolchain" ] || { echo "[setup] no channel in rust-toolchain.toml" >&2; exit 1; }
if ! rustup run "$toolchain" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --toolchain "$toolchain" --installed | grep -q '^rust-src' \
  || ! rustup target list --toolchain "$toolchain" --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "rustup toolchain install $toolchain"
  rustup toolchain install "$toolchain" --profile minimal --component rust-src,clippy,rustfmt --target wasm32-unknown-unknown
fi
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

# npm: a working wasm-opt (binaryen; Debian's is too old), playwright-core for the page tests in
# Chromium and selenium-webdriver for those in WebKit.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/selenium-webdriver ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "ready"
