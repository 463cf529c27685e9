import { launch, startServer } from '../scripts/browser.mjs';
const what = process.argv[2] ?? 'new';
const { server, url } = await startServer();
const browser = await launch({ gpu: true });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
const page = await context.newPage();
await page.goto(`${url}/www/index.html`, { waitUntil: 'load' });
await page.waitForFunction(() => window.__marks, null, { timeout: 30000 });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await page.evaluate(async () => {
  const { Infographic } = await import('../pkg/district_infographic.js');
  window.__I = Infographic;
  window.__report = await (await fetch('reports/zhongyuan-2020-h1.json')).json();
});
await cdp.send('Profiler.start');
const times = await page.evaluate(async (what) => {
  const rows = [];
  for (let i = 0; i < 30; i++) {
    const canvas = document.createElement('canvas');
    document.querySelector('main').append(canvas);
    const t0 = performance.now();
    const chart = new window.__I(canvas, window.__report, { animate: false });
    if (what === 'render') chart.render();
    rows.push(performance.now() - t0);
    chart.destroy(); chart.free(); canvas.remove();
    await new Promise((r) => setTimeout(r, 20));
  }
  rows.sort((a, b) => a - b);
  return rows[15];
}, what);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); let total = 0;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const { functionName, url: file } = byId.get(id).callFrame;
  if (functionName === '(idle)') return;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const key = `${functionName || '(anon)'} ${file.split('/').pop()}`;
  total += dt; self.set(key, (self.get(key) ?? 0) + dt);
});
console.log(`median ${what} ${times.toFixed(2)} ms at 1x; busy ${total.toFixed(1)}`);
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(100 * ms / total).toFixed(1).padStart(5)}% ${ms.toFixed(1).padStart(7)} ms ${k.slice(0, 130)}`);
await browser.close(); server.close();
