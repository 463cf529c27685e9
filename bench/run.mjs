// The benchmark: district-infographic beside ECharts (full build) and Chart.js in one headless
// Chromium run, at 1x and at 4x CPU slowdown (Chrome's throttling, the usual stand-in for a
// mid-range phone). Page loads go A B C A B C, each a fresh browser context, so cold figures
// are cold; the in-page figures are pooled over every load's runs. Prints medians and ratios
// and writes bench/results.json. A benchmark, not a test: it fails only when a page breaks.
// Chromium's GPU process runs on SwiftShader, its software GPU, so that a canvas is drawn as on
// a phone: the main thread records the drawing and the GPU process rasterises it. --software
// rasterises on the main thread instead (--disable-gpu), which no phone does.
// First, what a reader waits for: the cold load of each page under the mobile profile Lighthouse
// uses (150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower from before the
// navigation; every file gzipped by scripts/serve.mjs, no cache), to a drawn chart: the three
// libraries on the same scene, an empty page, and our demo and embed pages. Then the local
// figures (the files from the same machine, at 1x and 4x CPU).
// A page with a poster is timed twice: to a visible infographic (the poster's first paint: the
// later of its first frame and the first contentful paint) and to the interactive canvas. Our
// scene as a publisher ships it (bench/ours-poster.html, the poster inline, written beforehand by
// the native tool, `infographic poster`, a cargo build) is the row the budget reads; the demo and
// embed pages carry their own posters.
// --svg adds our page with the scene's SVG as a separate file (bench/ours-svg.html, `infographic
// render`), shown first: the poster fetched instead of inline.
// Usage: node bench/run.mjs [--iterations N] [--quick] [--software] [--only mobile|local] [--svg]
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { launch, startServer } from '../scripts/browser.mjs';

const flag = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const software = process.argv.includes('--software');
const iterations = Number(flag('iterations') ?? (quick ? 3 : 15));
const only = flag('only');
const svg = process.argv.includes('--svg');
if (only !== undefined && !['mobile', 'local'].includes(only)) throw new Error('--only takes mobile or local');
if (!(Number.isInteger(iterations) && iterations > 0)) throw new Error('--iterations takes a whole number above 0');
/** Mount, redraw and tooltip runs inside each page load; the first tooltip is the page's first. */
const runs = quick ? 2 : 5;
const MEMORY_CYCLES = 1000;
const VIEWPORT = { width: 390, height: 900 };
const DPR = 2;
/** Lighthouse's mobile profile, as CDP takes it: bytes per second, round-trip latency in ms. */
const MOBILE = {
  latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4,
};
/**
 * For pages that are not benchmark pages (our demo and embed): `window.__coldLoad` is set when
 * the first frame after an element (or the document) says data-state="ready" has been painted,
 * as scene.mjs does for the benchmark pages.
 */
const READY_PROBE = () => {
  const painted = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  let seen = false;
  new MutationObserver(() => {
    if (seen || !document.querySelector('[data-state=ready]')) return;
    seen = true;
    painted(() => { window.__coldLoad = performance.now(); });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
};
/**
 * On pages with a poster: `window.__poster` is set when the first frame after a poster was in the
 * page and shown has been painted (inline, `svg[data-poster]`; a separate file, ours-svg.html's
 * `img#first`, once it has loaded).
 */
const POSTER_PROBE = () => {
  const painted = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  let done = false;
  const seen = () => {
    if (done) return true;
    const poster = document.querySelector('svg[data-poster], img#first');
    if (!poster || !poster.checkVisibility() || (poster.localName === 'img' && !poster.complete)) return false;
    done = true;
    painted(() => { window.__poster = performance.now(); });
    return true;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  observer.observe(document, { subtree: true, childList: true });
  document.addEventListener('load', () => { if (seen()) observer.disconnect(); }, { capture: true });
};
/** On every page under the mobile profile: the first and the largest contentful paint. */
const PAINT_PROBE = () => {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.__fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root));
const version = (path) => JSON.parse(read(path)).version;
const libraries = [
  { name: 'ours', page: 'bench/ours.html', version: version('pkg/package.json'),
    files: ['pkg/district_infographic_bg.wasm', 'pkg/district_infographic.js', 'pkg/element.js'] },
  { name: 'ECharts', page: 'bench/echarts.html', version: version('node_modules/echarts/package.json'),
    files: ['node_modules/echarts/dist/echarts.min.js'] },
  { name: 'Chart.js', page: 'bench/chartjs.html', version: version('node_modules/chart.js/package.json'),
    files: ['node_modules/chart.js/dist/chart.umd.js'] },
];
for (const library of libraries) {
  library.bytes = library.files.reduce((sum, file) => sum + gzipSync(read(file), { level: 9 }).length, 0);
}

/** The middle value, or the mean of the middle two. */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

{
  // The scene's report as scene.mjs derives it, its poster and (--svg) its SVG at the benchmark's width.
  const source = JSON.parse(read('www/reports/zhongyuan-2020-h1.json'));
  const sections = ['economy', 'air-quality', 'renovation', 'key-projects'].map((id) => {
    const { chapter, note, ...rest } = source.sections.find((s) => s.id === id);
    return rest;
  });
  const { title, period, previous_period, source: line } = source;
  const report = new URL('bench/scene.report.json', root);
  writeFileSync(report, JSON.stringify({ title, period, previous_period, source: line, sections }));
  const tool = (...args) => execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'infographic', '--', ...args,
    '--width', String(VIEWPORT.width)], { stdio: 'inherit' });
  const page = new URL('bench/ours-poster.built.html', root);
  writeFileSync(page, read('bench/ours-poster.html'));
  tool('poster', report.pathname, '--into', page.pathname);
  if (svg) tool('render', report.pathname, '--out', new URL('bench/scene.svg', root).pathname);
}

/** The pages loaded cold under the mobile profile: the three libraries' scene, the floor, and our two pages. */
const mobilePages = [
  ...libraries,
  { name: 'ours as published (its poster inline)', page: 'bench/ours-poster.built.html', poster: true },
  // A separate file may arrive after the wasm (an image is fetched at a lower priority than the
  // preloaded wasm): then the canvas is what the reader sees first, and counts as visible.
  ...(svg ? [{ name: 'ours, its SVG first (a separate file)', page: 'bench/ours-svg.html', poster: true, posterMayLose: true }] : []),
  { name: 'empty page', page: 'bench/empty.html' },
  { name: 'our demo page (www/index.html, the whole report)', short: 'demo page', page: 'www/index.html', probe: true, poster: true },
  { name: 'our embed page (www/embed.html, the whole report)', short: 'embed page', page: 'www/embed.html', probe: true, poster: true },
];

const started = Date.now();
const { server, url } = await startServer();
const browser = await launch({ gpu: !software });

/**
 * One fresh page load of `library` at CPU slowdown `rate`: runs `work(page, traffic)` once it
 * has painted. `network`: Lighthouse's mobile network (MOBILE) from before the navigation, the
 * cache off; `traffic` then counts the bytes that crossed it and each URL's requests, and lists
 * the requests sent after the first of the page's other files had come back: those may have
 * waited for another file to be fetched and run (a round trip) before anything asked for them.
 */
async function visit(library, rate, query, work, { network = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR });
  try {
    const page = await context.newPage();
    // A page error fails the run at once. Both sides of each race are marked handled, so that
    // the loser's later rejection (the page closing under it) does not end the process first.
    let fail;
    const broken = new Promise((_, reject) => { fail = reject; });
    broken.catch(() => {});
    page.on('pageerror', (error) => fail(new Error(`${library.name}: ${error.message}`)));
    const guarded = (promise) => {
      promise.catch(() => {});
      return Promise.race([promise, broken]);
    };
    const cdp = await context.newCDPSession(page);
    const traffic = { bytes: 0, requests: new Map(), late: [] };
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const { latency, downloadThroughput, uploadThroughput } = MOBILE;
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput, uploadThroughput });
      let document;
      const sent = [];
      cdp.on('Network.requestWillBeSent', ({ request, requestId, timestamp, type }) => {
        traffic.requests.set(request.url, (traffic.requests.get(request.url) ?? 0) + 1);
        if (type === 'Document') document ??= { requestId };
        else sent.push({ url: request.url, timestamp });
      });
      cdp.on('Network.responseReceived', ({ requestId, timestamp }) => {
        if (document && requestId !== document.requestId) document.firstOther ??= timestamp;
      });
      traffic.lateRequests = () => sent
        .filter(({ timestamp }) => document?.firstOther !== undefined && timestamp > document.firstOther)
        .map(({ url: address }) => address.replace(url, ''));
      cdp.on('Network.loadingFinished', ({ encodedDataLength }) => { traffic.bytes += encodedDataLength; });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (network) await page.addInitScript(PAINT_PROBE);
    if (library.probe) await page.addInitScript(READY_PROBE);
    if (library.poster) await page.addInitScript(POSTER_PROBE);
    await guarded(page.goto(`${url}/${library.page}${query}`));
    await guarded(page.waitForFunction(library.probe ? () => window.__coldLoad : () => window.bench, null, { timeout: 120_000 }));
    return await guarded(work(page, traffic));
  } finally {
    await context.close();
  }
}

// Other work on the machine shows in every figure: the load averages go with the results.
const results = {
  loadAverage: { start: loadavg()[0] }, chromium: browser.version(), raster: software ? 'main thread' : 'GPU process (SwiftShader)', iterations, runs, viewport: VIEWPORT, devicePixelRatio: DPR,
  versions: Object.fromEntries(libraries.map((l) => [l.name, l.version])), conditions: {},
};
try {
  // A discarded first round: a fresh browser's first loads are slow, and our page gives the
  // height the other two share among their four charts so that all three paint the same area.
  results.height = await visit(libraries[0], 1, '', (page) => page.evaluate(() => window.bench.height()));
  const query = `?height=${results.height}`;
  for (const library of libraries.slice(1)) await visit(library, 1, query, async () => {});

  // What a reader waits for: cold loads under the mobile profile, interleaved as below.
  if (only !== 'local') {
    const samples = new Map(mobilePages.map((p) => [p, { visible: [], cold: [], fcp: [], lcp: [], bytes: [] }]));
    const twice = new Set();
    const late = new Set();
    const lost = [];
    for (let i = 0; i < iterations; i++) {
      for (const target of mobilePages) {
        const load = await visit(target, MOBILE.cpu, target.probe ? '' : query, async (page, traffic) => {
          for (const [address, count] of traffic.requests) if (count > 1) twice.add(`${target.page}: ${address}`);
          for (const address of traffic.lateRequests()) late.add(`${target.page}: ${address}`);
          const times = await page.evaluate(() => ({
            cold: window.__coldLoad ?? window.bench.coldPaint,
            poster: window.__poster,
            fcp: window.__fcp,
            lcp: window.__lcp,
          }));
          if (target.poster && times.poster === undefined && !target.posterMayLose) throw new Error(`${target.page}: the poster was not shown`);
          if (times.poster === undefined && target.posterMayLose) lost.push(target.page);
          // A poster's frame is on screen no sooner than the first contentful paint.
          const visible = target.poster && times.poster !== undefined ? Math.max(times.poster, times.fcp ?? 0) : times.cold;
          return { visible, cold: times.cold, fcp: times.fcp, lcp: times.lcp, bytes: traffic.bytes };
        }, { network: true });
        const s = samples.get(target);
        for (const key of Object.keys(s)) if (load[key] !== undefined) s[key].push(load[key]);
      }
    }
    results.mobile = {
      profile: MOBILE,
      pages: Object.fromEntries(mobilePages.map((p) => {
        const s = samples.get(p);
        const medians = Object.fromEntries(Object.entries(s).map(([key, values]) => [key, values.length ? median(values) : undefined]));
        return [p.name, { page: p.page, ...medians, samples: s }];
      })),
      requestedTwice: [...twice],
      requestedLate: [...late],
      posterLost: lost,
    };
  }

  for (const rate of only === 'mobile' ? [] : [1, 4]) {
    const samples = new Map(libraries.map((l) => [l, { cold: [], mount: [], redraw: [], frame: [], hover: [], firstHover: [] }]));
    const empty = [];
    const blank = [];
    for (let i = 0; i < iterations; i++) {
      // The floors: the same navigation to a page that draws nothing, and a mount that only
      // gives a canvas of the same area its first pixel.
      empty.push(await visit({ name: 'empty page', page: 'bench/empty.html' }, rate, '', (page) => page.evaluate(() => window.bench.coldPaint)));
      blank.push(...await visit({ name: 'blank canvas', page: 'bench/floor.html' }, rate, query, (page) => page.evaluate((n) => window.bench.floor(n), runs)));
      for (const library of libraries) {
        const s = samples.get(library);
        const load = await visit(library, rate, query, (page) => page.evaluate(async (n) => ({
          cold: window.bench.coldPaint,
          firstHover: await window.bench.firstTooltip(),
          ...(await window.bench.measure(n)),
          frame: await window.bench.animation?.() ?? [],
        }), runs));
        s.frame.push(...load.frame);
        s.cold.push(load.cold);
        s.mount.push(...load.mount);
        s.redraw.push(...load.redraw);
        s.firstHover.push(load.firstHover);
        s.hover.push(...load.hover);
      }
    }
    // Medians, and every sample (0.1 ms is the page clock's resolution) for a look at the spread.
    results.floors = { ...results.floors, [`${rate}x`]: { coldPaint: median(empty), mount: median(blank) } };
    results.conditions[`${rate}x`] = Object.fromEntries(libraries.map((l) => {
      const s = samples.get(l);
      const medians = Object.fromEntries(Object.entries(s).map(([key, values]) => [key, values.length ? median(values) : undefined]));
      const rounded = Object.fromEntries(Object.entries(s).map(([key, values]) => [key, values.map((v) => Math.round(v * 10) / 10)]));
      return [l.name, { bytes: l.bytes, ...medians, samples: rounded }];
    }));
  }

  if (only !== 'mobile') results.memory = await visit(libraries[0], 1, '', (page) => page.evaluate((n) => window.bench.memory(n), MEMORY_CYCLES));
} finally {
  await browser.close();
  server.close();
}
results.loadAverage.end = loadavg()[0];

const ms = (v) => `${v.toFixed(v < 1 ? 2 : 1)} ms`;
const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
const rows = [
  ['bundle, gzip -9', 'bytes', kb],
  ['cold first paint (from navigation)', 'cold', ms],
  ['mount: data to pixels', 'mount', ms],
  ['full redraw', 'redraw', ms],
  ['a frame of the entry animation (ECharts and Chart.js: animation off)', 'frame', ms],
  ['pointer to tooltip', 'hover', ms],
  ["pointer to tooltip, page's first (a second after it painted)", 'firstHover', ms],
];
const line = (cells) => `| ${cells.join(' | ')} |`;
const names = libraries.map((l) => `${l.name} ${l.version}`);
console.log(`Chromium ${results.chromium}, canvas rasterised by the ${results.raster}; the scene ${VIEWPORT.width} x ${results.height} CSS px at devicePixelRatio ${DPR}; `
  + `medians of ${iterations} page loads per page (${runs} in-page runs each locally; the page's first tooltip a second after it painted); `
  + `load average ${results.loadAverage.start.toFixed(2)} at the start, ${results.loadAverage.end.toFixed(2)} at the end`);

const mobile = results.mobile?.pages;
if (mobile) {
  const { latency, downloadThroughput, uploadThroughput, cpu } = MOBILE;
  console.log(`\nmobile profile: ${latency} ms round trips, ${(downloadThroughput * 8 / 1024 / 1024).toFixed(1)} Mbit/s down, `
    + `${Math.round(uploadThroughput * 8 / 1024)} kbit/s up, CPU ${cpu}x slower, files gzipped, no cache; cold load from navigation to the first painted frame `
    + 'with the infographic visible (a poster, or the chart drawn), and with the chart drawn (for us: the interactive canvas)\n');
  console.log(line(['page', 'cold load to a visible infographic', 'ratio to ECharts', 'cold load to the drawn chart', 'ratio to ECharts',
    'first contentful paint', 'largest contentful paint', 'bundle, gzip -9', 'bytes over the network']));
  console.log(line(Array(9).fill('---')));
  const echarts = mobile.ECharts.cold;
  for (const target of mobilePages) {
    const m = mobile[target.name];
    const bundle = libraries.includes(target) ? kb(target.bytes) : '';
    const label = libraries.includes(target) ? `${target.name} ${target.version}` : target.name;
    const paint = (v) => (v === undefined ? '–' : ms(v));
    console.log(line([label, ms(m.visible), (m.visible / echarts).toFixed(2), ms(m.cold), (m.cold / echarts).toFixed(2), paint(m.fcp), paint(m.lcp), bundle, kb(m.bytes)]));
  }
  if (results.mobile.requestedTwice.length) console.log(`\nnote: requested twice in one load: ${results.mobile.requestedTwice.join(', ')}`);
  const { requestedLate, posterLost } = results.mobile;
  if (posterLost?.length) console.log(`\nnote: loads where the canvas came before the separate SVG file, timed by the canvas: ${posterLost.length} (${[...new Set(posterLost)].join(', ')})`);
  console.log(requestedLate.length
    ? `\nnote: requested after another of the page's files had come back (not in the first round trip): ${requestedLate.join(', ')}`
    : "\nevery page's files were requested in its first round trip (before any of them came back)");
}

for (const [condition, values] of Object.entries(results.conditions)) {
  const floor = results.floors[condition];
  console.log(`\nlocal, ${condition} CPU (files from the same machine; floors: an empty page's cold first paint ${ms(floor.coldPaint)}; `
    + `a blank canvas of the same area given its first pixel ${ms(floor.mount)})\n`);
  console.log(line(['metric', ...names, 'ours/ECharts', 'ours/Chart.js']));
  console.log(line(Array(6).fill('---')));
  for (const [label, key, format] of rows) {
    const [ours, echarts, chartjs] = libraries.map((l) => values[l.name][key]);
    const cell = (v) => (v === undefined ? '–' : format(v));
    const ratio = (a, b) => (a === undefined || b === undefined ? '–' : (a / b).toFixed(2));
    console.log(line([label, cell(ours), cell(echarts), cell(chartjs), ratio(ours, echarts), ratio(ours, chartjs)]));
  }
}
// Chrome's throttling slows the page in short slices, and on a busy machine a share of the
// millisecond-long samples runs between slices at full speed: say so where it shows.
const { '1x': full, '4x': slowed } = results.conditions;
for (const library of full && slowed ? libraries : []) {
  for (const [label, key] of rows.slice(1)) {
    const factor = slowed[library.name][key] / full[library.name][key];
    if (factor < 2) {
      console.log(`note: ${label}, ${library.name}: only ${factor.toFixed(1)}x slower at 4x than at 1x; `
        + 'many samples escaped the throttling (see the samples in bench/results.json)');
    }
  }
}
// The budgets of issue 14 (and the earlier ones of issue 5 still standing), against this run.
const ours = (condition, key) => results.conditions[condition].ours[key];
const other = (condition, name, key) => results.conditions[condition][name][key];
const budgets = [
  ['bundle (wasm + glue + element), gzip', kb(libraries[0].bytes), '<= 50 KB', libraries[0].bytes <= 50 * 1024],
];
if (mobile) {
  // Ours as a publisher ships it (the poster inline) to a visible infographic, against the
  // others' drawn charts; the canvas' own time is in the table beside it.
  const ours = mobile['ours as published (its poster inline)'].visible;
  const cold = (name) => mobile[name].cold;
  budgets.push(
    ["mobile cold load to a visible infographic (ours: its poster) / ECharts'", (ours / cold('ECharts')).toFixed(2), '<= 0.25', ours <= 0.25 * cold('ECharts')],
    ["mobile cold load to a visible infographic (ours: its poster) / Chart.js'", (ours / cold('Chart.js')).toFixed(2), '< 1', ours < cold('Chart.js')],
  );
}
if (full && slowed) {
  budgets.push(
    ...['1x', '4x'].flatMap((c) => [
      [`mount / ECharts' (${c})`, (ours(c, 'mount') / other(c, 'ECharts', 'mount')).toFixed(2), '<= 0.10', ours(c, 'mount') <= 0.1 * other(c, 'ECharts', 'mount')],
      [`mount / Chart.js' (${c})`, (ours(c, 'mount') / other(c, 'Chart.js', 'mount')).toFixed(2), '<= 0.25', ours(c, 'mount') <= 0.25 * other(c, 'Chart.js', 'mount')],
    ]),
    ['a frame of animation at 4x (issue 5)', ms(ours('4x', 'frame')), '< 2 ms', ours('4x', 'frame') < 2],
    ['a hover (pointer to tooltip) at 4x (issue 5)', ms(ours('4x', 'hover')), '< 2 ms', ours('4x', 'hover') < 2],
  );
}
if (results.memory) {
  const flat = new Set(Object.values(results.memory)).size === 1;
  budgets.push(['wasm memory over 1000 mount/destroy cycles', flat ? 'flat' : 'grows', 'flat', flat]);
}
console.log('\nbudgets (Lighthouse\'s: make lighthouse)\n');
console.log(line(['budget', 'this run', 'limit', 'met']));
console.log(line(Array(4).fill('---')));
for (const [label, value, limit, met] of budgets) console.log(line([label, value, limit, met ? 'yes' : '**no**']));
results.budgets = budgets.map(([label, value, limit, met]) => ({ label, value, limit, met }));
if (results.memory) {
  const memory = Object.entries(results.memory).map(([cycles, bytes]) => `${cycles}: ${bytes.toLocaleString('en')}`).join(', ');
  console.log(`\nwasm memory in bytes after N mount/destroy cycles (N: bytes): ${memory}`);
}
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
writeFileSync(new URL(only ? `results-${only}.json` : 'results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
