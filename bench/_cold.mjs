import { launch, startServer } from '../scripts/browser.mjs';
const { server, url } = await startServer();
const browser = await launch({ gpu: !process.argv.includes('--software') });
for (let run = 0; run < 4; run++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  await page.goto(`${url}/bench/empty.html`, { waitUntil: 'load' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const t = await page.evaluate(async () => {
    const out = {};
    let t0 = performance.now();
    const c = document.createElement('canvas'); c.width = 721; c.height = 896; document.body.append(c);
    const x = c.getContext('2d');
    x.fillStyle = '#b8202f'; x.fillRect(0, 0, 10, 10);
    out.context = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    t0 = performance.now();
    x.font = '600 28px system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
    x.fillText('地区生产总值 317.8亿元', 10, 40);
    out.firstCjkText = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    t0 = performance.now();
    x.font = '400 14px system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
    x.fillText('空气质量优良天数 同比增长 老旧小区改造', 10, 80);
    out.secondText = performance.now() - t0;
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
  });
  console.log(JSON.stringify(t));
  await context.close();
}
await browser.close(); server.close();
