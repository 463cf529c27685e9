// One cold load traced at 4x: every main-thread task over 30 ms with its direct children.
import { launch, startServer } from '../scripts/browser.mjs';
const target = process.argv[2] ?? 'www/index.html';
const { server, url } = await startServer();
const browser = await launch({ gpu: true });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
await page.goto(`${url}/${target}`, { waitUntil: 'load' });
await page.waitForTimeout(4000);
const buffer = await browser.stopTracing();
const { traceEvents } = JSON.parse(buffer.toString());
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((t) => t.pid === e.pid && t.name === 'ParseHTML'));
const on = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.pid === main.pid)?.ts ?? on[0].ts;
const fcp = traceEvents.find((e) => e.name === 'firstContentfulPaint' && e.pid === main.pid);
console.log(`fcp ${fcp ? Math.round((fcp.ts - nav) / 1000) : '?'} ms`);
for (const task of on.filter((e) => e.name === 'RunTask' && e.dur > 30000)) {
  const end = task.ts + task.dur;
  const inside = on.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
  const direct = inside.filter((e) => !inside.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && p.dur > e.dur));
  const describe = (e) => {
    const d = e.args?.data ?? {};
    const what = d.url ? d.url.split('/').pop() : d.functionName || d.type || '';
    return `${e.name}${what ? `(${what})` : ''} ${Math.round(e.dur / 1000)}`;
  };
  const kids = direct.filter((e) => e.dur > 1000).map(describe).join(', ');
  console.log(`${Math.round((task.ts - nav) / 1000)}+${Math.round(task.dur / 1000)}: ${kids}`);
  if (process.argv[3] && task.dur > Number(process.argv[3]) * 1000) {
    const depth = (e) => inside.filter((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && p.dur > e.dur).length;
    for (const e of inside.filter((e) => e.dur > 2000)) console.log(`${'  '.repeat(depth(e) + 2)}${describe(e)}`);
    continue;
  }
  // One level deeper for the script parts.
  for (const e of direct.filter((e) => e.dur > 15000)) {
    const sub = inside.filter((c) => c !== e && c.ts >= e.ts && c.ts + c.dur <= e.ts + e.dur && c.dur > 3000);
    const subDirect = sub.filter((c) => !sub.some((p) => p !== c && p.ts <= c.ts && p.ts + p.dur >= c.ts + c.dur && p.dur > c.dur));
    if (subDirect.length) console.log(`    in ${e.name}: ${subDirect.map(describe).join(', ')}`);
  }
}
await browser.close(); server.close();
