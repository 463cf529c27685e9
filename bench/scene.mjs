// The reference scene all three libraries draw, 390 CSS px wide: the six economic bars, the two
// air-quality bars, the renovation ring and the key-project target gauge. The figures and texts
// come from the 2020 H1 report file, so that all three draw the same thing in the same words. Also
// the in-page measurements every library page shares.
export const WIDTH = 390;
const SECTIONS = ['economy', 'air-quality', 'renovation', 'key-projects'];

const zh = (text) => (typeof text === 'string' ? text : text.zh);

/** Fetches the report and derives both our report and the other libraries' data from it. */
export async function loadScene() {
  const response = await fetch(new URL('../www/reports/zhongyuan-2020-h1.json', import.meta.url));
  if (!response.ok) throw new Error(`report: HTTP ${response.status}`);
  const source = await response.json();
  const sections = SECTIONS.map((id) => {
    const section = source.sections.find((s) => s.id === id);
    if (!section) throw new Error(`report: no section "${id}"`);
    // Chapter headings and notes go: the other two draw four titled charts and nothing more.
    const { chapter, note, ...rest } = section;
    return rest;
  });
  const [economy, air, renovation, projects] = sections;
  const [airDays] = air.figures;
  const [done] = renovation.figures;
  const [investment] = projects.figures;
  return {
    report: {
      title: source.title, period: source.period, previous_period: source.previous_period,
      source: source.source, sections,
    },
    economy: {
      title: zh(economy.title), unit: economy.figures[0].unit,
      bars: economy.figures.map((f) => [zh(f.label), f.value]),
    },
    air: {
      title: zh(air.title), unit: airDays.unit,
      bars: [[zh(source.previous_period), airDays.previous], [zh(source.period), airDays.value]],
    },
    ring: {
      title: zh(renovation.title), label: zh(done.label), value: done.value, total: done.total, unit: done.unit,
      percent: `${((done.value / done.total) * 100).toFixed(1)}%`,
    },
    gauge: { title: zh(projects.title), label: zh(investment.label), progress: investment.progress },
  };
}

/** The height each of the other libraries' four charts gets, so that all three paint the same
 * area: run.mjs passes our measured height as ?height= (1277 is its value at 390 px). */
export const chartHeight = () => Math.round(Number(new URLSearchParams(location.search).get('height') ?? 1277) / 4);

/** Resolves after the next frame has been painted. */
export const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// When the current frame's animation-frame callbacks began. Started as this module loads,
// before any library mounts, this chain stays the first callback of every frame: one that
// re-registers itself each frame keeps its place ahead of chains started later (zrender runs
// one for ten frames after each change).
let frameStart = 0;
const clock = () => {
  frameStart = performance.now();
  requestAnimationFrame(clock);
};
requestAnimationFrame(clock);

/**
 * Main-thread time from a pointer move at the library's GDP bar until the end of the frame
 * whose callbacks leave its tooltip shown: the event's own handling, plus everything the
 * library does in that frame's callbacks, the first thing to reach the screen. Ours and
 * ECharts show the tooltip inside the event (ECharts repaints the hovered bar in the frame),
 * Chart.js handles pointer events once a frame. The idle wait for the frame, the same for all
 * three, is left out. `tooltipShown()` reads the tooltip's box and computed visibility, so a
 * DOM tooltip's style and layout are counted as well.
 */
function tooltipLatency(library) {
  return new Promise((resolve, reject) => {
    const { target, x, y } = library.hoverPoint();
    const start = performance.now();
    // What a browser sends for a mouse move: ours and ECharts listen to the first, Chart.js to the second.
    target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: y, pointerType: 'mouse' }));
    target.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
    let spent = performance.now() - start;
    let frames = 0;
    // Registered after whatever the library scheduled, so it runs last in the frame.
    const check = () => {
      const shown = library.tooltipShown();
      spent += performance.now() - frameStart;
      if (shown) resolve(spent);
      else if (++frames < 120) requestAnimationFrame(check);
      else reject(new Error('the tooltip never showed'));
    };
    requestAnimationFrame(check);
  });
}

/** Whether a DOM tooltip is laid out and visible. */
export const visible = (element) => !!element && element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  && element.getBoundingClientRect().width > 0;

/**
 * Mounts the library, records the cold first paint (ms since navigation start) and exposes the
 * measurements to run.mjs as `window.bench`. A library is { mount(), destroy(), redraw(),
 * hoverPoint() → {target, x, y}, the middle of the GDP bar's mark in client px, tooltipShown() }.
 */
export async function start(library, extra = {}) {
  library.mount();
  await painted();
  const coldPaint = performance.now();
  window.bench = {
    coldPaint,
    /** `runs` times: destroy, mount (data to pixels), full redraw, tooltip; raw samples in ms. */
    async measure(runs) {
      const samples = { mount: [], redraw: [], hover: [] };
      for (let i = 0; i < runs; i++) {
        library.destroy();
        const mount = performance.now();
        library.mount();
        samples.mount.push(performance.now() - mount);
        await painted();
        const redraw = performance.now();
        library.redraw();
        samples.redraw.push(performance.now() - redraw);
        await painted();
        samples.hover.push(await tooltipLatency(library));
        await painted();
      }
      return samples;
    },
    /**
     * The page's first tooltip, as a reader's first tap: on the first mount, a second after it
     * painted (a library may prepare in the meantime, as ours does).
     */
    async firstTooltip() {
      await new Promise((resolve) => { setTimeout(resolve, 1000); });
      const latency = await tooltipLatency(library);
      await painted();
      return latency;
    },
    /** For bench/profile.mjs: `cycles` times the one operation `what` (mount, redraw, hover or
     * animation: a whole entry animation, frame by frame); the median in ms. */
    async profile(cycles, what) {
      const times = [];
      for (let i = 0; i < cycles; i++) {
        if (what === 'mount') library.destroy();
        const start = performance.now();
        if (what === 'mount') library.mount();
        else if (what === 'redraw') library.redraw();
        else if (what === 'animation') times.push(...await window.bench.animation());
        else times.push(await tooltipLatency(library));
        if (what === 'mount' || what === 'redraw') times.push(performance.now() - start);
        await painted();
        if (what === 'hover') {
          // Away from the bar, so that the next move is a change again.
          const { target } = library.hoverPoint();
          target.dispatchEvent(new PointerEvent('pointerleave', { bubbles: true, pointerType: 'mouse' }));
          target.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
          await painted();
        }
      }
      times.sort((a, b) => a - b);
      return { median: times[times.length >> 1] };
    },
    ...extra,
  };
}
