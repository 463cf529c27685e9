/* global echarts */
import { WIDTH, loadScene, chartHeight, start, visible } from './scene.mjs';

const { economy, air, ring, gauge } = await loadScene();
const host = document.getElementById('host');
host.style.width = `${WIDTH}px`;
const height = chartHeight();
const base = { animation: false, textStyle: { fontFamily: 'sans-serif' } };
const tooltip = (unit) => ({ formatter: `{b}<br/>{c}${unit}` });
const options = [
  { ...base, title: { text: economy.title }, tooltip: tooltip(economy.unit), grid: { left: 130, right: 60, top: 40, bottom: 10 },
    xAxis: { type: 'value', show: false }, yAxis: { type: 'category', inverse: true, data: economy.bars.map(([l]) => l) },
    series: [{ type: 'bar', data: economy.bars.map(([, v]) => v), label: { show: true, position: 'right', formatter: `{c}${economy.unit}` } }] },
  { ...base, title: { text: air.title }, tooltip: tooltip(air.unit),
    xAxis: { type: 'category', data: air.bars.map(([l]) => l) }, yAxis: { type: 'value', show: false },
    series: [{ type: 'bar', data: air.bars.map(([, v]) => v), label: { show: true, position: 'top', formatter: `{c}${air.unit}` } }] },
  { ...base, title: { text: ring.title }, tooltip: tooltip(ring.unit),
    series: [{ type: 'pie', radius: ['55%', '75%'], label: { show: true, position: 'center', formatter: ring.percent },
      data: [{ name: ring.label, value: ring.value }, { name: '未完成', value: ring.total - ring.value }] }] },
  // A plain progress arc with its figure, like ours: no needle, ticks or scale.
  { ...base, title: { text: gauge.title },
    series: [{ type: 'gauge', startAngle: 180, endAngle: 0, progress: { show: true }, pointer: { show: false },
      axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false },
      detail: { formatter: '{value}%' }, data: [{ name: gauge.label, value: gauge.progress }] }] },
];
let boxes;
let charts;

const library = {
  mount() {
    boxes = options.map(() => {
      const box = document.createElement('div');
      box.style.width = `${WIDTH}px`;
      box.style.height = `${height}px`;
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
    charts.forEach((chart) => chart.dispose());
    boxes.forEach((box) => box.remove());
  },
  redraw() {
    charts.forEach((chart, i) => chart.setOption(options[i], true));
  },
  hoverPoint() {
    const [x, y] = charts[0].convertToPixel({ seriesIndex: 0 }, [economy.bars[0][1] / 2, 0]);
    const rect = boxes[0].getBoundingClientRect();
    return { target: boxes[0].querySelector('canvas'), x: rect.left + x, y: rect.top + y };
  },
  tooltipShown() {
    // ECharts puts its HTML tooltip in the chart's box, beside the div that holds the canvas.
    const tip = [...boxes[0].children].find((el) => el.tagName === 'DIV' && el.textContent.includes('317.8'));
    return visible(tip);
  },
};

await start(library);
