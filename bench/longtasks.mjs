// The long tasks of a cold load, as a reader's phone has them: a page loaded at 412 x 823 CSS px,
// devicePixelRatio 1.75 (Lighthouse's mobile screen), CPU 4x slower, GPU on SwiftShader; prints
// every task over 50 ms (start and duration from navigation) until the page has been quiet for
// two seconds, and when the canvas was first drawn. Repeats --runs times.
// Usage: node bench/longtasks.mjs [--page www/index.html] [--runs 3] [--rate 4] [--scroll]
import { launch, startServer } from '../scripts/browser.mjs';

const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const target = flag('page', 'www/index.html');
const runs = Number(flag('runs', 3));
const rate = Number(flag('rate', 4));

const { server, url } = await startServer();
const browser = await launch({ gpu: true });
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    await context.addInitScript(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('page error:', e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${url}/${target}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('canvas') && !document.querySelector('svg[data-widths]'), null, { timeout: 30000 }).catch(() => {});
    if (process.argv.includes('--scroll')) {
      for (let i = 0; i < 8; i++) { await page.mouse.wheel(0, 600); await page.waitForTimeout(300); }
    }
    // Quiet for two seconds: no new task.
    let seen = -1;
    for (;;) {
      await page.waitForTimeout(2000);
      const n = await page.evaluate(() => window.__tasks.length);
      if (n === seen) break;
      seen = n;
    }
    const tasks = await page.evaluate(() => window.__tasks);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
    const blocking = tasks.filter(([s]) => s > fcp).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    console.log(`run ${run + 1}: fcp ${Math.round(fcp)} ms; tasks over 50 ms (start+duration): ${tasks.map(([s, d]) => `${s}+${d}`).join(', ') || 'none'}; blocking after fcp ${blocking} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
