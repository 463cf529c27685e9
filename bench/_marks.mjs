import { chromium } from 'playwright-core';
import { startServer } from '../scripts/browser.mjs';
const extra = process.argv.slice(2);
const { server, url } = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-quic', '--no-first-run', '--font-render-hinting=none', ...extra] });
for (let run = 0; run < 5; run++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${url}/www/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__marks, null, { timeout: 30000 });
  console.log('marks [start, new, render, dropPoster, toFrame, frameToTimeout]', JSON.stringify(await page.evaluate(() => window.__marks)));
  await context.close();
}
await browser.close(); server.close();
