import { launch, startServer } from '../scripts/browser.mjs';
const { server, url } = await startServer();
const browser = await launch({ gpu: true });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
const page = await context.newPage();
await page.goto(`${url}/www/index.html`, { waitUntil: 'load' });
await page.waitForFunction(() => window.__marks, null, { timeout: 30000 });
console.log('cold marks', JSON.stringify(await page.evaluate(() => window.__marks)));
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const out = await page.evaluate(async () => {
  const { Infographic } = await import('../pkg/district_infographic.js');
  const report = await (await fetch('reports/zhongyuan-2020-h1.json')).json();
  const rows = [];
  for (let i = 0; i < 8; i++) {
    const canvas = document.createElement('canvas');
    document.querySelector('main').append(canvas);
    const t0 = performance.now();
    const chart = new Infographic(canvas, report, { animate: false });
    const t1 = performance.now();
    chart.render();
    const t2 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t3 = performance.now();
    rows.push([t1 - t0, t2 - t1, t3 - t2].map(Math.round));
    chart.destroy(); chart.free(); canvas.remove();
    await new Promise((r) => setTimeout(r, 100));
  }
  return rows;
});
console.log('warm at 4x [new, render, to next frame]', JSON.stringify(out));
await browser.close(); server.close();
