/* global Chart */
import { WIDTH, loadScene, chartHeight, start } from './scene.mjs';

const { economy, air, ring, gauge } = await loadScene();
const host = document.getElementById('host');
host.style.width = `${WIDTH}px`;
const height = chartHeight();

// The figures as text on the chart, as ours and ECharts draw them (what chartjs-plugin-datalabels
// would do): beside horizontal bars, above vertical ones, in the middle of a doughnut.
const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart, args, { unit, centre }) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#333';
    ctx.font = '12px sans-serif';
    const meta = chart.getDatasetMeta(0);
    if (centre) {
      const { x, y } = meta.data[0];
      ctx.textAlign = 'center';
      ctx.font = 'bold 20px sans-serif';
      ctx.fillText(centre, x, y);
    } else if (chart.options.indexAxis === 'y') {
      ctx.textBaseline = 'middle';
      meta.data.forEach((bar, i) => ctx.fillText(`${chart.data.datasets[0].data[i]}${unit}`, bar.x + 4, bar.y));
    } else {
      ctx.textAlign = 'center';
      meta.data.forEach((bar, i) => ctx.fillText(`${chart.data.datasets[0].data[i]}${unit}`, bar.x, bar.y - 4));
    }
    ctx.restore();
  },
};
// The hover check, on the bar chart only: set once its tooltip is drawn, to the bar it is for.
let tooltipDrawnFor;
const tooltipProbe = {
  id: 'tooltipProbe',
  afterTooltipDraw(chart, { tooltip }) {
    if (tooltip.opacity > 0) tooltipDrawnFor = tooltip.dataPoints[0].dataIndex;
  },
};

const options = (title, unit, extra, centre) => ({
  animation: false, responsive: false, ...extra,
  plugins: {
    title: { display: true, text: title }, legend: { display: false }, valueLabels: { unit, centre },
    tooltip: { callbacks: { label: (item) => `${item.raw}${unit}` } },
  },
});
const configs = [
  { type: 'bar', data: { labels: economy.bars.map(([l]) => l), datasets: [{ data: economy.bars.map(([, v]) => v) }] },
    options: options(economy.title, economy.unit, { indexAxis: 'y', layout: { padding: { right: 60 } }, scales: { x: { display: false } } }) },
  { type: 'bar', data: { labels: air.bars.map(([l]) => l), datasets: [{ data: air.bars.map(([, v]) => v) }] },
    options: options(air.title, air.unit, { layout: { padding: { top: 20 } }, scales: { y: { display: false } } }) },
  { type: 'doughnut', data: { labels: [ring.label, '未完成'], datasets: [{ data: [ring.value, ring.total - ring.value] }] },
    options: options(ring.title, ring.unit, {}, ring.percent) },
  { type: 'doughnut', data: { labels: [gauge.label, '剩余'], datasets: [{ data: [gauge.progress, 100 - gauge.progress] }] },
    options: options(gauge.title, '%', { rotation: -90, circumference: 180 }, `${gauge.progress}%`) },
];
let canvases;
let charts;

const library = {
  mount() {
    tooltipDrawnFor = undefined;
    canvases = configs.map(() => {
      const canvas = document.createElement('canvas');
      canvas.width = WIDTH;
      canvas.height = height;
      canvas.style.display = 'block';
      host.append(canvas);
      return canvas;
    });
    charts = canvases.map((canvas, i) => new Chart(canvas, { ...configs[i], plugins: i ? [valueLabels] : [valueLabels, tooltipProbe] }));
  },
  destroy() {
    charts.forEach((chart) => chart.destroy());
    canvases.forEach((canvas) => canvas.remove());
  },
  redraw() {
    charts.forEach((chart) => chart.update('none'));
  },
  hoverPoint() {
    const bar = charts[0].getDatasetMeta(0).data[0];
    const rect = canvases[0].getBoundingClientRect();
    return { target: canvases[0], x: rect.left + (bar.x + bar.base) / 2, y: rect.top + bar.y };
  },
  tooltipShown: () => tooltipDrawnFor === 0,
};

await start(library);
