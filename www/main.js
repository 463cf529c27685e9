// The demo page: draws the 2020 H1 report (or ?report=URL, or a file the reader opens) and
// sets <html data-state> to "ready" or "error" for tests and embedding pages.
import init, { Infographic } from '../pkg/district_infographic.js';

const DEFAULT_REPORT = 'reports/zhongyuan-2020-h1.json';
const root = document.documentElement;
const status = document.getElementById('status');
const canvas = document.getElementById('infographic');
const params = new URLSearchParams(location.search);
const localeSelect = document.getElementById('locale');
const themeSelect = document.getElementById('theme');
const brand = document.querySelector('.brand');
// The default report drawn at publish time (make posters), one poster per width class: the one
// that fits shows until the canvas takes its place.
let poster;
let infographic;
let shownReport;

// The page's own words in each language: the page reads in the report's language.
const WORDS = {
  zh: {
    controls: '显示设置', language: '语言', theme: '配色', auto: '跟随系统', light: '浅色', dark: '深色', open: '打开报告',
    failed: '图表暂时无法显示。', tooOld: '您的浏览器版本过旧,请升级后重试。', noProgram: '图表程序加载失败,请刷新页面重试。',
    unreachable: (url) => `报告文件无法下载:${url}`, refused: (status, url) => `报告文件无法下载(${status}):${url}`,
    notJson: (url) => `报告文件不是有效的 JSON:${url}`,
  },
  en: {
    controls: 'Display settings', language: 'Language', theme: 'Colours', auto: 'As the system', light: 'Light', dark: 'Dark', open: 'Open a report',
    failed: 'The chart cannot be shown right now. ', tooOld: 'This browser is too old; please update it and try again.',
    noProgram: 'The chart program could not be loaded; please reload the page.',
    unreachable: (url) => `The report file could not be downloaded: ${url}`,
    refused: (status, url) => `The report file could not be downloaded (${status}): ${url}`,
    notJson: (url) => `The report file is not valid JSON: ${url}`,
  },
};

function words() {
  return WORDS[localeSelect.value] ?? WORDS.zh;
}

// The page's language, its controls' words included (as text, never markup). Only what
// changes is written: a `lang` written again, even the same, makes the browser work out the
// style of the whole page anew, the poster's thousands of nodes included (a long task at load).
function dressPage() {
  const lang = localeSelect.value === 'en' ? 'en' : 'zh-CN';
  if (root.lang !== lang) root.lang = lang;
  for (const element of document.querySelectorAll('[data-phrase]')) {
    const text = words()[element.dataset.phrase];
    if (element.textContent !== text) element.textContent = text;
  }
  document.querySelector('nav.controls')?.setAttribute('aria-label', words().controls);
}

// The page's colours: the reader's (no attribute) or those chosen.
function themePage() {
  const theme = themeSelect.value === 'auto' ? '' : themeSelect.value;
  if ((root.dataset.theme ?? '') !== theme) root.dataset.theme = theme;
}

// A report text (a string or {zh, en}) in the page's language; English falls back to Chinese.
function textOf(text, locale) {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') return (locale === 'en' && typeof text.en === 'string' ? text.en : text.zh) ?? '';
  return '';
}

// The page is the report's: its publisher heads the page (no name is made up without one) and
// its title names the tab.
function headPage(report) {
  const locale = localeSelect.value;
  brand.textContent = textOf(report?.publisher, locale);
  const title = textOf(report?.title, locale);
  if (title) document.title = locale === 'en' ? `${title} · Infographic` : `${title} · 信息图`;
}

// A poster stays only where the canvas will have its height (its width class) and look (the
// default report, its language and theme): the others go at once; with none, the canvas waits as before.
function keepPoster() {
  const { width } = canvas.parentElement.getBoundingClientRect();
  const theme = themeSelect.value === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : themeSelect.value;
  for (const candidate of document.querySelectorAll('main > svg[data-poster]')) {
    const [min, max] = (candidate.dataset.widths ?? '').split(' ').map(Number);
    const fits = width >= min && width <= max && !params.has('report') && candidate.dataset.locale === localeSelect.value && candidate.dataset.theme === theme;
    if (fits && !poster) poster = candidate;
    else candidate.remove();
  }
  if (!poster) dropPoster();
}

function dropPoster() {
  poster?.remove();
  poster = undefined;
  canvas.hidden = false;
}

function fail(message) {
  dropPoster();
  root.dataset.state = 'error';
  status.textContent = `${words().failed}${message}`;
}

async function loadReport(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new Error(words().unreachable(url));
  }
  if (!response.ok) throw new Error(words().refused(response.status, url));
  try {
    return await response.json();
  } catch {
    throw new Error(words().notJson(url));
  }
}

// A moment for the browser between two steps of the first paint, so that neither is a long task.
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

async function show(report) {
  infographic?.destroy();
  infographic?.free();
  infographic = undefined;
  // After the poster: no entry animation (its figures were already shown whole), and the canvas
  // paints a few milliseconds a frame behind it (progressive), then takes its place.
  const options = { locale: localeSelect.value, theme: themeSelect.value, animate: !poster, progressive: !!poster };
  // Behind a poster, each step in a task of its own: the program's start, the report read, the
  // layout, then the paint a slice a frame.
  if (poster) await yieldToPage();
  const shown = new Infographic(canvas, report, options);
  infographic = shown;
  if (poster) {
    await yieldToPage();
    const painted = new Promise((resolve) => canvas.addEventListener('painted', resolve, { once: true }));
    shown.render();
    await painted;
    if (infographic !== shown) return;
  } else {
    shown.render();
  }
  dropPoster();
  window.infographic = infographic;
  shownReport = report;
  headPage(report);
  status.textContent = '';
  root.dataset.state = 'ready';
}

async function start() {
  root.dataset.state = 'loading';
  localeSelect.value = params.get('locale') === 'en' ? 'en' : 'zh';
  themeSelect.value = ['light', 'dark'].includes(params.get('theme')) ? params.get('theme') : 'auto';
  themePage();
  dressPage();
  keepPoster();
  try {
    if (typeof WebAssembly !== 'object') throw new Error(words().tooOld);
    // The program and the report download side by side.
    const [, report] = await Promise.all([
      init().catch(() => { throw new Error(words().noProgram); }),
      loadReport(params.get('report') ?? DEFAULT_REPORT),
    ]);
    await show(report);
  } catch (error) {
    fail(error?.message ?? String(error));
  }
  localeSelect.addEventListener('change', () => {
    dressPage();
    infographic?.setLocale(localeSelect.value);
    if (shownReport) headPage(shownReport);
  });
  themeSelect.addEventListener('change', () => {
    themePage();
    infographic?.setTheme(themeSelect.value);
  });
  document.getElementById('report-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      await show(JSON.parse(await file.text()));
    } catch (error) {
      fail(error?.message ?? String(error));
    }
  });
}

start();
