import init, { Infographic, validateReport } from '../pkg/district_infographic.js';
import { WIDTH, loadScene, start, visible } from './scene.mjs';

// The wasm and the report load side by side, as a page embedding the component would.
const [wasm, { report }] = await Promise.all([init(), loadScene()]);
// A section with a problem would be drawn as a notice and flatter our figures: refuse it.
const problems = validateReport(report, 'en');
if (problems.length) throw new Error(`bench report: ${problems.map((p) => p.message).join('; ')}`);

const host = document.getElementById('host');
host.style.width = `${WIDTH}px`;
let canvas;
let chart;

const library = {
  mount(animate = false) {
    canvas = document.createElement('canvas');
    // ours-svg.html shows the scene's SVG first, ours-poster.html its poster: the canvas takes its place.
    const first = document.getElementById('first') ?? host.querySelector('svg[data-poster]');
    if (first) first.replaceWith(canvas);
    else host.append(canvas);
    chart = new Infographic(canvas, report, { animate, width: WIDTH });
    chart.render();
  },
  destroy() {
    chart.destroy();
    chart.free();
    canvas.remove();
  },
  redraw() {
    chart.render();
  },
  hoverPoint() {
    const gdp = chart.items().find((item) => item.id === 'gdp');
    const rect = canvas.getBoundingClientRect();
    return { target: canvas, x: rect.left + gdp.x + gdp.width / 2, y: rect.top + gdp.y + gdp.height / 2 };
  },
  tooltipShown() {
    const tip = host.querySelector('[role=tooltip]');
    return visible(tip) && tip.textContent.includes('317.8');
  },
};

/**
 * One entry animation's frames, each timed alone: requestAnimationFrame is held for the
 * duration, and the frames it collects run one after another at 60 Hz timestamps, so each
 * sample is one frame's work (a layout at that point of the animation and its paint) and
 * nothing else. Runs on a warm page, after the other measurements; ms per frame.
 */
async function animation() {
  const real = window.requestAnimationFrame;
  const queue = [];
  window.requestAnimationFrame = (callback) => queue.push(callback);
  const times = [];
  try {
    library.destroy();
    library.mount(true);
    let time = performance.now();
    while (queue.length && times.length < 200) {
      const callbacks = queue.splice(0);
      time += 1000 / 60;
      const start = performance.now();
      for (const callback of callbacks) callback(time);
      times.push(performance.now() - start);
    }
  } finally {
    window.requestAnimationFrame = real;
    // Whatever else was waiting for a frame (the page's clock) goes back to the browser.
    for (const callback of queue) real(callback);
  }
  return times;
}

await start(library, {
  animation,
  /** The CSS height of our scene, which the other two pages take as ?height=. */
  height: () => canvas.getBoundingClientRect().height,
  /** wasm memory in bytes after 0, 1, 10, 100 and `cycles` mount/destroy cycles. */
  memory(cycles) {
    const bytes = { 0: wasm.memory.buffer.byteLength };
    for (let i = 1; i <= cycles; i++) {
      library.destroy();
      library.mount();
      if ([1, 10, 100, cycles].includes(i)) bytes[i] = wasm.memory.buffer.byteLength;
    }
    return bytes;
  },
});
