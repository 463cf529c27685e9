/* global Chart */
import { WIDTH, CHART_HEIGHT, economy, air, renovation, progress, measure, hoverLatency, painted } from './scene.mjs';

const host = document.getElementById('host');
host.style.width = `${WIDTH}px`;
const plugins = (title) => ({ title: { display: true, text: title }, legend: { display: false } });
const configs = [
  { type: 'bar', data: { labels: economy.map(([l]) => l), datasets: [{ data: economy.map(([, v]) => v) }] },
    options: { indexAxis: 'y', animation: false, responsive: false, plugins: plugins('主要经济指标') } },
  { type: 'bar', data: { labels: air.map(([l]) => l), datasets: [{ data: air.map(([, v]) => v) }] },
    options: { animation: false, responsive: false, plugins: plugins('空气质量优良天数') } },
  { type: 'doughnut', data: { labels: ['完成改造', '未完成'], datasets: [{ data: [renovation.done, renovation.total - renovation.done] }] },
    options: { animation: false, responsive: false, plugins: plugins('老旧小区改造') } },
  { type: 'doughnut', data: { labels: ['完成', '剩余'], datasets: [{ data: [progress, 100 - progress] }] },
    options: { animation: false, responsive: false, rotation: -90, circumference: 180, plugins: plugins('25个省市重点项目 56.9%') } },
];
let charts = [];
let canvases = [];

const library = {
  mount() {
    canvases = configs.map(() => {
      const canvas = document.createElement('canvas');
      canvas.width = WIDTH;
      canvas.height = CHART_HEIGHT;
      host.append(canvas);
      return canvas;
    });
    charts = canvases.map((canvas, i) => new Chart(canvas, structuredClone(configs[i])));
  },
  destroy() {
    charts.forEach((c) => c.destroy());
    canvases.forEach((c) => c.remove());
    charts = [];
  },
  redraw() {
    charts.forEach((c) => c.update('none'));
  },
  hover() {
    const bar = charts[0].getDatasetMeta(0).data[0];
    const x = (bar.x + bar.base) / 2;
    return hoverLatency(canvases[0], x, bar.y, () => charts[0].tooltip.opacity > 0 && charts[0].tooltip.dataPoints?.[0]?.dataIndex === 0);
  },
};

library.mount();
await painted();
window.coldPaint = performance.now();
window.measure = (o) => measure(library, o);
