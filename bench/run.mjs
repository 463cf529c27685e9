// The benchmark: district-infographic beside ECharts (full build) and Chart.js, one headless
// Chromium run, pages interleaved A B C A B C, medians, at 1x and at 4x CPU slowdown (Chrome's
// throttling, the usual stand-in for a mid-range phone). Prints a table and the ratios; writes
// bench/results.json. A benchmark, not a test: it fails only when a page breaks.
// Usage: node bench/run.mjs [--iterations N] [--quick]
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, startServer } from '../scripts/browser.mjs';

const argument = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const iterations = Number(argument('iterations') ?? (quick ? 2 : 9));
const runs = quick ? 2 : 5;

const libraries = [
  { name: 'district-infographic', page: 'bench/ours.html', files: ['pkg/district_infographic_bg.wasm', 'pkg/district_infographic.js'] },
  { name: 'ECharts', page: 'bench/echarts.html', files: ['node_modules/echarts/dist/echarts.min.js'] },
  { name: 'Chart.js', page: 'bench/chartjs.html', files: ['node_modules/chart.js/dist/chart.umd.js'] },
];
const gzipBytes = (files) => files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
for (const library of libraries) library.bytes = gzipBytes(library.files);

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

const { server, url } = await startServer();
const browser = await launch();
const errors = [];
const results = { iterations, runs, conditions: {} };

async function visit(library, rate, inPage) {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${library.name}: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${url}/${library.page}`);
  await page.waitForFunction(() => window.coldPaint !== undefined, null, { timeout: 60000 });
  const sample = { cold: await page.evaluate(() => window.coldPaint) };
  if (inPage) Object.assign(sample, await page.evaluate((r) => window.measure({ runs: r }), runs));
  if (library.name === 'district-infographic' && !results.height) {
    results.height = await page.evaluate(() => window.ourHeight);
    const { CHART_HEIGHT } = await import('./scene.mjs');
    if (Math.abs(results.height - 4 * CHART_HEIGHT) > 12) {
      console.warn(`our scene is ${results.height} px tall; set CHART_HEIGHT in bench/scene.mjs to ${Math.round(results.height / 4)} so all three paint the same area`);
    }
  }
  if (library.name === 'district-infographic' && rate === 1 && !results.memory) {
    results.memory = await page.evaluate(() => window.memoryCycles(1000));
  }
  await context.close();
  return sample;
}

try {
  for (const rate of [1, 4]) {
    const samples = Object.fromEntries(libraries.map((l) => [l.name, []]));
    for (let i = 0; i < iterations; i++) {
      for (const library of libraries) samples[library.name].push(await visit(library, rate, true));
    }
    results.conditions[`${rate}x`] = Object.fromEntries(libraries.map((l) => {
      const s = samples[l.name];
      return [l.name, {
        bytes: l.bytes,
        cold: median(s.map((x) => x.cold)),
        mount: median(s.map((x) => x.mount)),
        redraw: median(s.map((x) => x.redraw)),
        hover: median(s.map((x) => x.hover)),
      }];
    }));
  }
} finally {
  await browser.close();
  server.close();
}

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : 'n/a');
const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}` : 'n/a');
const rows = [['bundle (gzip)', 'bytes', kb], ['cold first paint', 'cold', ms], ['mount (data to pixels)', 'mount', ms], ['full redraw', 'redraw', ms], ['pointer to tooltip', 'hover', ms]];
for (const [condition, values] of Object.entries(results.conditions)) {
  const ours = values['district-infographic'];
  console.log(`\n${condition} CPU, medians of ${iterations} page loads (${runs} in-page runs each), 390 CSS px at devicePixelRatio 2`);
  const table = rows.map(([label, key, format]) => ({
    metric: label,
    'district-infographic': format(ours[key]),
    ECharts: format(values.ECharts[key]),
    'Chart.js': format(values['Chart.js'][key]),
    'ours / ECharts': ratio(ours[key], values.ECharts[key]),
    'ours / Chart.js': ratio(ours[key], values['Chart.js'][key]),
  }));
  console.table(table);
}
if (results.memory) {
  console.log(`wasm memory over 1000 mount/destroy cycles: ${results.memory.before} -> ${results.memory.after} bytes`);
}
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
