// The reference scene all three libraries draw: the six economic bars, the two air-quality
// bars, the renovation ring and the key-project target gauge, 390 CSS px wide.
export const WIDTH = 390;
/** Each of the other libraries' four charts is this tall, so that all three paint the same
 * area as our 390 x 1130 CSS px scene (run.mjs warns if our height drifts from 4 x this). */
export const CHART_HEIGHT = 282;
export const economy = [
  ['地区生产总值', 317.8], ['第三产业增加值', 223.4], ['固定资产投资', 167.5],
  ['社会消费品零售总额', 115.1], ['规模以上工业增加值', 36], ['一般公共预算收入', 28.6],
];
export const air = [['2019年上半年', 62], ['2020年上半年', 85]];
export const renovation = { done: 267, total: 487 };
export const progress = 56.9;

/** The same scene in our report format. */
export const report = {
  title: '中原区2020年上半年成绩单', period: '2020年上半年', previous_period: '2019年上半年', source: '中原区委全会',
  sections: [
    { id: 'economy', kind: 'bars', title: '主要经济指标', figures: economy.map(([label, value], i) => ({ id: `e${i}`, label, value, unit: '亿元' })) },
    { id: 'air', kind: 'compare', title: '空气质量优良天数', figures: [{ id: 'air', label: '优良天数', value: air[1][1], previous: air[0][1], unit: '天' }] },
    { id: 'renovation', kind: 'ring', title: '老旧小区改造', figures: [{ id: 'ring', label: '完成改造', value: renovation.done, total: renovation.total, unit: '个' }] },
    { id: 'projects', kind: 'gauge', title: '25个省市重点项目', figures: [{ id: 'gauge', label: '上半年完成投资', value: 172.4, unit: '亿元', progress }] },
  ],
};

/** Waits for the next frame to be painted. */
export const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Times fn() `n` times (each followed by cleanup), returning the median in ms. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the in-page measurements every library page shares, with its own mount/redraw/hover. */
export async function measure(library, { runs = 7 } = {}) {
  const mounts = [];
  const redraws = [];
  const hovers = [];
  for (let i = 0; i < runs; i++) {
    library.destroy();
    const start = performance.now();
    library.mount();
    mounts.push(performance.now() - start);
    await painted();
    const redraw = performance.now();
    library.redraw();
    redraws.push(performance.now() - redraw);
    hovers.push(await library.hover());
    await painted();
  }
  return { mount: median(mounts), redraw: median(redraws), hover: median(hovers) };
}

/** Dispatches a mouse move at (x, y) in `target` and resolves with the ms until `visible()`. */
export function hoverLatency(target, x, y, visible) {
  return new Promise((resolve) => {
    const rect = target.getBoundingClientRect();
    const start = performance.now();
    for (const type of ['pointermove', 'mousemove']) {
      target.dispatchEvent(new (type === 'pointermove' ? PointerEvent : MouseEvent)(type, {
        bubbles: true, clientX: rect.left + x, clientY: rect.top + y, pointerType: 'mouse',
      }));
    }
    const check = () => (visible() ? resolve(performance.now() - start) : performance.now() - start > 1000 ? resolve(NaN) : requestAnimationFrame(check));
    check();
  });
}
