// Where our time goes: samples the main thread with Chrome's profiler while the benchmark page
// mounts, redraws and hovers many times, and prints the functions with the most self time.
// Wasm functions are named when the module keeps its name section: `make profile ARGS="…"`
// builds one into pkg/ and runs this.
// --software: canvas rasterised on the main thread, as `run.mjs --software`.
// Usage: node bench/profile.mjs [--software] [--rate 4] [--cycles 40] [--what mount|redraw|hover|animation] [--top 30] [--page bench/echarts.html]
import { launch, startServer } from '../scripts/browser.mjs';

const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rate = Number(flag('rate', 1));
const cycles = Number(flag('cycles', 40));
const what = flag('what', 'mount');
const target = flag('page', 'bench/ours.html');

const { server, url } = await startServer();
const browser = await launch({ gpu: !process.argv.includes('--software') });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}/${target}`);
  await page.waitForFunction(() => window.bench);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const times = await page.evaluate(async ({ cycles, what }) => window.bench.profile(cycles, what), { cycles, what });
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const { functionName, url: file } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${file.split('/').pop()}`;
    const dt = (deltas[i + 1] ?? 0) / 1000;
    if (functionName === '(idle)' || functionName === '(program)') return;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  console.log(`${what} x${cycles} at ${rate}x: median ${times.median.toFixed(2)} ms; sampled busy time ${total.toFixed(1)} ms`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(flag('top', 30)))) {
    console.log(`${(100 * ms / total).toFixed(1).padStart(5)}%  ${ms.toFixed(1).padStart(7)} ms  ${key.slice(0, 150)}`);
  }
} finally {
  await browser.close();
  server.close();
}
