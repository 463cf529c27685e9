/* global echarts */
import { WIDTH, CHART_HEIGHT, economy, air, renovation, progress, measure, hoverLatency, painted } from './scene.mjs';

const host = document.getElementById('host');
host.style.width = `${WIDTH}px`;
const text = { fontFamily: 'sans-serif' };
const options = [
  { animation: false, tooltip: {}, textStyle: text, title: { text: '主要经济指标' }, grid: { left: 130, right: 50, top: 40, bottom: 10 },
    xAxis: { type: 'value', show: false }, yAxis: { type: 'category', inverse: true, data: economy.map(([l]) => l) },
    series: [{ type: 'bar', data: economy.map(([, v]) => v), label: { show: true, position: 'right', formatter: '{c}亿元' } }] },
  { animation: false, tooltip: {}, textStyle: text, title: { text: '空气质量优良天数' }, xAxis: { type: 'category', data: air.map(([l]) => l) }, yAxis: { show: false },
    series: [{ type: 'bar', data: air.map(([, v]) => v), label: { show: true, position: 'top', formatter: '{c}天' } }] },
  { animation: false, tooltip: {}, textStyle: text, title: { text: '老旧小区改造' },
    series: [{ type: 'pie', radius: ['55%', '75%'], label: { show: true, position: 'center', formatter: '54.8%' },
      data: [{ name: '完成改造', value: renovation.done }, { name: '未完成', value: renovation.total - renovation.done }] }] },
  { animation: false, tooltip: {}, textStyle: text, title: { text: '25个省市重点项目' },
    series: [{ type: 'gauge', startAngle: 180, endAngle: 0, progress: { show: true }, detail: { formatter: '{value}%' }, data: [{ name: '年度目标', value: progress }] }] },
];
let charts = [];
let boxes = [];

const library = {
  mount() {
    boxes = options.map(() => {
      const box = document.createElement('div');
      box.style.width = `${WIDTH}px`;
      box.style.height = `${CHART_HEIGHT}px`;
      host.append(box);
      return box;
    });
    charts = boxes.map((box, i) => {
      const chart = echarts.init(box, null, { renderer: 'canvas' });
      chart.setOption(options[i]);
      return chart;
    });
  },
  destroy() {
    charts.forEach((c) => c.dispose());
    boxes.forEach((b) => b.remove());
    charts = [];
  },
  redraw() {
    charts.forEach((c, i) => c.setOption(options[i], true));
  },
  hover() {
    // The GDP bar: first category, its middle.
    const [x, y] = charts[0].convertToPixel({ seriesIndex: 0 }, [150, 0]);
    const tip = () => [...boxes[0].querySelectorAll('div')].find((d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent.includes('317.8'));
    return hoverLatency(boxes[0].querySelector('canvas') ?? boxes[0], x, y, () => !!tip());
  },
};

library.mount();
await painted();
window.coldPaint = performance.now();
window.measure = (o) => measure(library, o);
