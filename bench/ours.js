import init, { Infographic } from '../pkg/district_infographic.js';
import { WIDTH, report, measure, hoverLatency, painted } from './scene.mjs';

const host = document.getElementById('host');
host.style.width = `${WIDTH}px`;
let canvas;
let chart;
let wasm;

const library = {
  mount() {
    canvas = document.createElement('canvas');
    host.append(canvas);
    chart = new Infographic(canvas, report, { animate: false, width: WIDTH });
    chart.render();
  },
  destroy() {
    chart?.destroy();
    canvas?.remove();
    chart = undefined;
  },
  redraw() {
    chart.render();
  },
  hover() {
    const gdp = chart.items().find((i) => i.id === 'e0');
    const tip = () => document.querySelector('[role=tooltip]');
    return hoverLatency(canvas, gdp.x + gdp.width / 2, gdp.y + gdp.height - 6, () => tip()?.style.display === 'block');
  },
};

wasm = await init();
library.mount();
await painted();
window.coldPaint = performance.now();
window.ourHeight = canvas.getBoundingClientRect().height;
window.library = library;
window.measure = (options) => measure(library, options);
/** wasm memory over `cycles` mount/destroy cycles. */
window.memoryCycles = (cycles) => {
  for (let i = 0; i < 50; i++) { library.destroy(); library.mount(); }
  const before = wasm.memory.buffer.byteLength;
  for (let i = 0; i < cycles; i++) { library.destroy(); library.mount(); }
  return { before, after: wasm.memory.buffer.byteLength };
};
