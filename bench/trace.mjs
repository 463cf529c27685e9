// What a cold load's long tasks are made of: one load of a page traced by Chrome at 412 x 823 CSS
// px, devicePixelRatio 1.75, CPU 4x slower, GPU on SwiftShader; prints every main-thread task
// over 30 ms (start+duration from navigation, ms) with the time in it spent compiling wasm
// lazily (V8 compiles a wasm function at its first call), compiling JavaScript and collecting
// garbage, and its direct children; with a second argument N, the whole tree of every task over
// N ms.
// Usage: node bench/trace.mjs [www/index.html] [N]
import { launch, startServer } from '../scripts/browser.mjs';
const target = process.argv[2] ?? 'www/index.html';
const { server, url } = await startServer();
const browser = await launch({ gpu: true });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'v8', 'disabled-by-default-v8.compile'] });
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
  const lazy = inside.filter((e) => e.name === 'wasm.CompileLazy').reduce((sum, e) => sum + e.dur, 0);
  const jsCompile = inside.filter((e) => e.name === 'V8.CompileCode').reduce((sum, e) => sum + e.dur, 0);
  const gc = inside.filter((e) => /GC|Scavenge|MarkCompact/.test(e.name)).reduce((sum, e) => sum + e.dur, 0);
  const kids = `[wasm lazy compile ${Math.round(lazy / 1000)}, js compile ${Math.round(jsCompile / 1000)}, gc ${Math.round(gc / 1000)}] ` + direct.filter((e) => e.dur > 1000).map(describe).join(', ');
  console.log(`${Math.round((task.ts - nav) / 1000)}+${Math.round(task.dur / 1000)}: ${kids}`);
  if (!direct.some((e) => e.dur > 1000)) {
    const all = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ts >= task.ts && e.ts <= end && e !== task);
    console.log(`    unlabelled; events: ${[...new Set(all.map((e) => `${e.name}${e.dur ? ' ' + Math.round(e.dur / 1000) : ''}`))].slice(0, 25).join(', ')}`);
  }
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
