# The two commands a newcomer needs are `make serve` and `make test`; both run `setup` first.
SHELL := /bin/bash
# binaryen's wasm-opt from npm goes first: Debian's older one breaks the module.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export GECKODRIVER ?= $(HOME)/.cargo/bin/geckodriver
# wasm-bindgen-test-runner's budget for a whole browser suite, in seconds; its default of 20 is
# passed by Chrome on a busy machine and by WebKit on any (80-165 s here).
export WASM_BINDGEN_TEST_TIMEOUT ?= 600
# One WebDriver request (a long test such as the 1000 mounts) may take more than the default
# few seconds on a loaded 2-core machine.
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 120
FUZZ_SECONDS ?= 30
HOST ?= 127.0.0.1
PORT ?= 8080

REPORT ?= www/reports/zhongyuan-2020-h1.json
OUT ?= share.png

.PHONY: check draft share poster posters styles setup build serve test test-native test-chrome test-firefox test-webkit test-page test-page-webkit test-editor fuzz bench bench-quick lighthouse profile screenshots clean

setup:
	@bash scripts/setup.sh

# For editors: validate a report file, and render its tall share image (PNG, or SVG by name).
check:
	cargo run --quiet --release --bin infographic -- check $(REPORT)

# For editors: a draft report from a work-report article (warnings on what to check go to the
# terminal): make draft ARTICLE=article.txt OUT=www/reports/my-report.json (no OUT: to the screen).
draft:
	cargo run --quiet --release --bin infographic -- draft $(ARTICLE) $(if $(filter %.json,$(OUT)),--out $(OUT))

share: setup
	cargo run --quiet --release --bin infographic -- render $(REPORT) --out $(OUT)

# For editors: the poster, the report drawn as an inline SVG that the page shows until the canvas
# has drawn (seen before the wasm arrives). OUT=FILE.svg writes it alone; OUT=PAGE.html puts it
# in the page (or the saved embed snippet) in place of its poster of the same width class, else
# after its last poster (one per width class), else at <!-- poster -->.
# WIDTH (default 390, a phone), LOCALE (zh, en) and THEME (light, dark) as the readers'; SCREEN=H
# draws only what starts in the first H CSS px (fewer bytes in the page; the rest is background).
poster: setup
	cargo run --quiet --release --bin infographic -- poster $(REPORT) $(if $(filter %.html,$(OUT)),--into,--out) $(OUT) \
	  $(if $(WIDTH),--width $(WIDTH)) $(if $(LOCALE),--locale $(LOCALE)) $(if $(THEME),--theme $(THEME)) $(if $(SCREEN),--screen $(SCREEN))

# The demo's and the embed page's posters, after a change of the report, the layout or the drawing
# (tests/page.test.mjs fails on a poster whose height is no longer the canvas'). Two per page, one
# per width class, so that more phones see one: the demo's canvas is as wide as the viewport
# (390: 360 to 414 px phones; 430: 428 and 430), the embed's 28 px narrower (362: 390 to 414;
# 347: 360 and 375). Each draws only its first POSTER_SCREEN CSS px (the rest of its box is
# background until the canvas comes), which keeps both smaller than one whole poster. A width class
# the layout no longer has leaves its old poster in the page (the page test fails on a third one):
# remove it, and its rule in style.css. 1100 px is a phone's first screen and a scroll more, which
# the canvas covers a second or so later; at 1800 px the pages' two posters were 29 KB each, and
# their parse was one of the embed page's long tasks (Lighthouse: embed 96 and 96 at 1800 px, 99
# and 98 at 1100 px, in two sessions each; docs/performance.md, sixth pass).
POSTER_SCREEN ?= 1100
posters: setup
	for poster in www/index.html:390 www/index.html:430 www/embed.html:362 www/embed.html:347; do \
	  cargo run --quiet --release --bin infographic -- poster www/reports/zhongyuan-2020-h1.json \
	    --into $${poster%:*} --width $${poster#*:} --screen $(POSTER_SCREEN) || exit 1; done

# www/style.css into the demo's and the embed page's inline <style>, and its hash into their CSP
# (scripts/serve.mjs hashes the file itself), after an edit of the stylesheet.
styles:
	node scripts/inline-style.mjs

# The release wasm is built with std rebuilt for panic=immediate-abort, which drops the panic
# formatting machinery: nightly flags, taken by the dated nightly that rust-toolchain.toml pins.
# A failure stops the build: no silent fallback to a bigger module.
# The editor's build (pkg/editor/: the reader's module plus `draftReport`, the article-to-report
# extractor) comes second, inside pkg/, so that building pkg/ never leaves it stale; the
# reader's pkg/ is built without the feature and does not carry the extractor.
build: setup
	RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
	  wasm-pack build --release --target web --out-dir pkg . -- -Z build-std=std,panic_abort
	node scripts/package.mjs
	RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
	  wasm-pack build --release --target web --out-dir pkg/editor . -- --features editor -Z build-std=std,panic_abort

serve: build
	node scripts/serve.mjs --host $(HOST) --port $(PORT)

test: build test-native fuzz test-chrome test-firefox test-webkit test-page test-page-webkit test-editor

test-native:
	cargo test --all-targets

# One browser per wasm-pack call: `--chrome --firefox` together runs only Firefox. The test
# runner takes the first driver it finds in the environment, GECKODRIVER before CHROMEDRIVER,
# so each run sees only its own browser's driver.
test-chrome:
	env -u GECKODRIVER wasm-pack test --headless --chrome

test-firefox:
	env -u CHROMEDRIVER wasm-pack test --headless --firefox

# WebKit (WebKitGTK's MiniBrowser, the engine of iOS browsers and of WeChat on iOS) through its
# own WebDriver server, WebKitWebDriver, which wasm-pack cannot start: scripts/webdriver.mjs
# starts Xvfb (MiniBrowser has no headless mode) and the driver on free ones, runs the command
# with SAFARIDRIVER_REMOTE pointing wasm-bindgen-test-runner at the driver, and stops both
# afterwards, also when the tests fail. The runner is the one wasm-pack test uses.
test-webkit:
	env -u GECKODRIVER -u CHROMEDRIVER CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  WASM_BINDGEN_TEST_ONLY_WEB=1 node scripts/webdriver.mjs webkit -- cargo test --target wasm32-unknown-unknown

test-page:
	node --test tests/page.test.mjs tests/schema.test.mjs

# The page test's core cases in WebKit through WebDriver; the test starts and stops Xvfb and
# WebKitWebDriver itself.
test-page-webkit:
	node --test tests/webkit.test.mjs

# The editor page (www/editor.html) in headless Chromium and headless Firefox ESR (geckodriver);
# its download is checked with the release CLI, built first so that no test waits on it.
test-editor: build
	cargo build --quiet --release --bin infographic
	node --test --test-concurrency=1 tests/editor.test.mjs

# cargo fuzz wants nightly flags: the pinned nightly (rust-toolchain.toml) has them.
fuzz: setup
	cd fuzz && cargo fuzz run parse_layout -- -max_total_time=$(FUZZ_SECONDS)

# Beside ECharts and Chart.js in one headless Chromium run: cold loads under the mobile profile,
# then the local figures; prints medians, ratios and the budgets; then Lighthouse on both pages.
bench: build
	node bench/run.mjs
	node bench/lighthouse.mjs

# The same with three page loads, so that CI keeps it from rotting; it never fails on slowness.
bench-quick: build
	node bench/run.mjs --quick

# Lighthouse 12 (mobile) on www/index.html and www/embed.html served gzipped on a free port: the
# four scores, blocking time, LCP, layout shift, the longest task after first paint. Never fails
# on scores. ARGS go to bench/lighthouse.mjs, e.g. make lighthouse ARGS="--runs 5".
lighthouse: build
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} node bench/lighthouse.mjs $(ARGS)

# Where the time goes, by function name: puts a release wasm that keeps its name section in
# pkg/ (neither minified nor renamed; `make build` puts the shipped one back) and samples the
# benchmark page with Chrome's profiler. ARGS go to bench/profile.mjs, e.g.
# make profile ARGS="--what animation --rate 4".
profile: build
	RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
	  cargo build --release --lib --target wasm32-unknown-unknown -Z build-std=std,panic_abort
	wasm-bindgen --target web --keep-debug --out-dir pkg target/wasm32-unknown-unknown/release/district_infographic.wasm
	node bench/profile.mjs $(ARGS)

screenshots: build
	node scripts/screenshots.mjs

clean:
	rm -rf pkg target screenshots
