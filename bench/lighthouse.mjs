// Lighthouse (npm `lighthouse`, pinned to 12.2.3: 13 wants Node 22) on the demo and the embed
// page, as a phone reader meets them: mobile form factor, Lighthouse's simulated mobile network
// and 4x CPU, the repo served by scripts/serve.mjs (gzip) on a free port, Debian's Chromium
// (CHROME_PATH, /usr/bin/chromium by default). Prints, per page, the medians over --runs runs of
// the four category scores, total blocking time, largest contentful paint, cumulative layout
// shift and the longest main-thread task after the first contentful paint, and the audits that
// did not pass. Scores move a few points from run to run on a busy machine: read the medians.
// It never fails on scores (`make bench` calls it); it fails only when Lighthouse cannot run.
// Usage: node bench/lighthouse.mjs [--runs 3] [--pages www/index.html,www/embed.html] [--json out.json]
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from '../scripts/serve.mjs';

const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(flag('runs', 3));
const pages = flag('pages', 'www/index.html,www/embed.html').split(',');
const json = flag('json');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The figures this project reads from one Lighthouse result. */
function figures(lhr) {
  const audit = (id) => lhr.audits[id];
  const fcp = audit('first-contentful-paint')?.numericValue ?? 0;
  // The long-tasks audit lists main-thread tasks of 50 ms or more on the same (simulated) clock.
  const tasks = audit('long-tasks')?.details?.items ?? [];
  const after = tasks.filter((task) => task.startTime + task.duration > fcp);
  return {
    ...Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
    tbt: audit('total-blocking-time')?.numericValue,
    lcp: audit('largest-contentful-paint')?.numericValue,
    fcp,
    cls: audit('cumulative-layout-shift')?.numericValue,
    longestTask: Math.max(0, ...after.map((task) => task.duration)),
    tasks: after.map((task) => `${Math.round(task.startTime)}+${Math.round(task.duration)}${task.url ? ` (${String(task.url).split("/").pop()})` : ""}`),
    longestTaskUrl: after.reduce((a, b) => (b.duration > (a?.duration ?? 0) ? b : a), undefined)?.url,
    failed: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`),
  };
}

// The canvas rasterised as on a phone, by a GPU process (SwiftShader), as in bench/run.mjs and
// issue 14's measurements; --software rasterises it on the main thread (--disable-gpu, as this
// script did before the tiles), which a phone does not.
const software = process.argv.includes('--software');
const graphics = software ? ['--disable-gpu'] : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
const load = loadavg()[0];
const { server, url } = await serve({ host: '127.0.0.1', port: 0 });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', ...graphics, '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = {};
try {
  for (let run = 0; run < runs; run++) {
    for (const page of pages) {
      const { lhr } = await lighthouse(`${url}/${page}`, {
        port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories, formFactor: 'mobile',
      });
      if (lhr.runtimeError) console.log(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      (results[page] ??= []).push(figures(lhr));
    }
  }
} finally {
  await chrome.kill();
  server.close();
}

const line = (cells) => `| ${cells.join(' | ')} |`;
console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile (simulated 150 ms RTT, 1.6 Mbit/s, 4x CPU), served gzipped by scripts/serve.mjs, canvas rasterised ${software ? 'on the main thread (--software)' : 'by a GPU process (SwiftShader)'}; medians of ${runs} run(s); `
  + `load average ${load.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end (Lighthouse scales the main thread's observed times: a busy machine lowers the scores)\n`);
console.log(line(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'total blocking time', 'largest contentful paint', 'layout shift', 'longest task after first paint', 'performance per run']));
console.log(line(Array(10).fill('---')));
const summary = {};
for (const [page, list] of Object.entries(results)) {
  const m = (key) => median(list.map((r) => r[key]));
  summary[page] = Object.fromEntries(['performance', 'accessibility', 'best-practices', 'seo', 'tbt', 'lcp', 'cls', 'longestTask'].map((k) => [k, m(k)]));
  console.log(line([page, m('performance'), m('accessibility'), m('best-practices'), m('seo'), `${Math.round(m('tbt'))} ms`,
    `${(m('lcp') / 1000).toFixed(2)} s`, m('cls').toFixed(3), m('longestTask') ? `${Math.round(m('longestTask'))} ms` : 'none over 50 ms',
    list.map((r) => r.performance).join(', ')]));
}
for (const [page, list] of Object.entries(results)) {
  const failed = [...new Set(list.flatMap((r) => r.failed))];
  if (failed.length) console.log(`\n${page}: audits under 90 in some run: ${failed.join('; ')}`);
  const urls = [...new Set(list.map((r) => r.longestTaskUrl).filter(Boolean))];
  if (urls.length) console.log(`${page}: the longest task after first paint was attributed to ${urls.join(', ')}`);
  console.log(`${page}: tasks of 50 ms or more after the first paint (start+duration, simulated ms), by run: ${list.map((r) => r.tasks.join(' ') || 'none').join('; ')}`);
}
const budgets = Object.entries(summary).flatMap(([page, s]) => [
  [`${page}: performance >= 98`, s.performance >= 98],
  [`${page}: accessibility 100`, s.accessibility === 100],
  [`${page}: no task over 50 ms after the first paint`, !s.longestTask],
  [`${page}: layout shift 0`, s.cls === 0],
]);
console.log(`\nbudgets: ${budgets.map(([label, met]) => `${label}: ${met ? 'yes' : 'no'}`).join('; ')}`);
if (json) writeFileSync(json, `${JSON.stringify({ runs, summary, results }, null, 2)}\n`);
