// <district-infographic src="report.json" locale="zh" theme="auto"></district-infographic>
// (optional: timeout="15000", in milliseconds, for loading the report)
//
// The one-tag embed: this module registers the element. It sizes itself to its container,
// sets its data-state attribute to "ready" or "error", and dispatches `ready` and `error`
// events. A poster inside it (<svg data-poster>, written at publish time by `infographic
// poster`) shows until the canvas takes its place, where it has the canvas' height and the
// reader's language and theme. Everything it shows goes in as text (textContent), never as
// markup, so it runs under a strict Content-Security-Policy.
import init, { Infographic, figureTable } from './district_infographic.js';

const LOAD_TIMEOUT_MS = 15000;

const WORDS = {
  zh: {
    share: '生成分享图',
    close: '关闭',
    hint: '长按图片保存或分享',
    failed: '图表暂时无法显示',
    details: '详情:',
    unsupported: '您的浏览器版本过旧,无法显示此图表。请升级浏览器后重试。',
    notFound: (status) => `报告文件无法下载(${status})`,
    offline: '报告文件无法下载,请检查网络后重试',
    timeout: '报告文件下载超时,请稍后重试',
    notJson: '报告文件格式不正确(不是 JSON)',
    noSource: '未指定报告文件(src 属性)',
  },
  en: {
    share: 'Share image',
    close: 'Close',
    hint: 'Long-press the image to save or share it',
    failed: 'This chart cannot be shown right now',
    details: 'Details: ',
    unsupported: 'This browser is too old to show the chart. Please update it and try again.',
    notFound: (status) => `The report file could not be downloaded (${status})`,
    offline: 'The report file could not be downloaded; check the connection and try again',
    timeout: 'The report file took too long to download; please try again later',
    notJson: 'The report file is not valid JSON',
    noSource: 'No report file given (the src attribute)',
  },
};

let ready;

/** A moment for the browser between two steps of the first paint, so that neither is a long task. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Loads the wasm module once for every element on the page. */
function loadModule() {
  if (typeof WebAssembly !== 'object') return Promise.reject(new Error('unsupported'));
  ready ??= init();
  return ready;
}

/** Fetches a report; every failure becomes an Error whose message a reader can understand. */
async function fetchReport(src, words, timeout) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  try {
    let response;
    try {
      response = await fetch(src, { signal: abort.signal, headers: { Accept: 'application/json' } });
    } catch (error) {
      throw new Error(error.name === 'AbortError' ? words.timeout : words.offline);
    }
    if (!response.ok) throw new Error(words.notFound(response.status));
    let text;
    try {
      text = await response.text();
    } catch (error) {
      throw new Error(error.name === 'AbortError' ? words.timeout : words.offline);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(words.notJson);
    }
  } finally {
    clearTimeout(timer);
  }
}

function style(element, properties) {
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value);
  return element;
}

function make(tag, text, properties = {}) {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  return style(element, properties);
}

export class DistrictInfographic extends HTMLElement {
  static observedAttributes = ['src', 'locale', 'theme'];

  // A page may write the element's shadow root itself (<template shadowrootmode="open"><slot>
  // </slot></template>, as the editor's embed code does): the poster is then laid out through
  // the slot from the first frame, where a shadow root attached by this script would take the
  // poster out of the layout and put it back, laying the whole poster out twice.
  #root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
  #canvas;
  #chart;
  #report;
  #loading = 0;

  connectedCallback() {
    style(this, { display: 'block', position: 'relative' });
    this.#load();
  }

  disconnectedCallback() {
    this.#chart?.destroy();
    this.#chart?.free();
    this.#chart = undefined;
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.isConnected || previous === value) return;
    // An element upgraded in place hears of its attributes before connectedCallback, which
    // loads anyway: only a later change of src loads again.
    if (name === 'src') {
      if (this.#loading) this.#load();
    }
    else if (name === 'locale') this.#chart?.setLocale(this.#locale());
    else if (name === 'theme') this.#chart?.setTheme(this.#theme());
  }

  /** The drawn instance (items(), hitTest(), shareImage()...), once ready. */
  get infographic() {
    return this.#chart;
  }

  #locale() {
    return this.getAttribute('locale') === 'en' ? 'en' : 'zh';
  }

  #theme() {
    const theme = this.getAttribute('theme');
    return theme === 'light' || theme === 'dark' ? theme : 'auto';
  }

  async #load() {
    const attempt = ++this.#loading;
    const words = WORDS[this.#locale()];
    this.setAttribute('data-state', 'loading');
    this.#report = undefined;
    this.#chart?.destroy();
    this.#chart?.free();
    this.#chart = undefined;
    const poster = this.#poster();
    // The page's slot stays where it is: taken out and put back, it would lay the poster out again.
    const slot = (poster && [...this.#root.children].find((node) => node.localName === 'slot')) || document.createElement('slot');
    // Under the poster, the share button keeps its place (unseen), so nothing moves when the canvas comes.
    const share = this.#shareButton(words);
    share.style.visibility = 'hidden';
    for (const node of [...this.#root.childNodes]) if (node !== slot) node.remove();
    if (poster) {
      if (slot.parentNode !== this.#root) this.#root.append(slot);
      this.#root.append(share);
    }
    try {
      const src = this.getAttribute('src');
      if (!src) throw new Error(words.noSource);
      const timeout = Number(this.getAttribute('timeout')) || LOAD_TIMEOUT_MS;
      // The program and the report download side by side.
      const [, report] = await Promise.all([
        loadModule().catch(() => { throw new Error(words.unsupported); }),
        fetchReport(new URL(src, document.baseURI).href, words, timeout),
      ]);
      if (attempt !== this.#loading) return;
      this.#report = report;
      const canvas = document.createElement('canvas');
      this.#canvas = canvas;
      // Behind a poster the canvas paints a few milliseconds a frame (progressive), hidden,
      // then takes the poster's place; and it has no entry animation: the figures were
      // already shown whole.
      canvas.hidden = !!poster;
      this.#root.prepend(canvas);
      // Behind a poster, each step in a task of its own: the program's start, the report read,
      // the layout, then the paint a slice a frame.
      if (poster) await nextTask();
      if (attempt !== this.#loading) return;
      const chart = new Infographic(canvas, report, { locale: this.#locale(), theme: this.#theme(), animate: !poster, progressive: !!poster });
      this.#chart = chart;
      if (poster) {
        await nextTask();
        const painted = new Promise((resolve) => canvas.addEventListener('painted', resolve, { once: true }));
        if (attempt !== this.#loading) return;
        chart.render();
        await painted;
        if (attempt !== this.#loading) return;
        canvas.hidden = false;
      } else {
        chart.render();
      }
      poster?.remove();
      slot.remove();
      share.style.visibility = '';
      this.#root.append(share);
      this.setAttribute('data-state', 'ready');
      this.dispatchEvent(new CustomEvent('ready', { detail: { items: this.#chart.items().length } }));
    } catch (error) {
      if (attempt !== this.#loading) return;
      this.#chart?.destroy();
      this.#chart?.free();
      this.#chart = undefined;
      poster?.remove();
      this.#showError(words, error?.message ?? String(error));
    }
  }

  /** The publisher's poster that fits (its width class, the language and theme; one per class), on the first load only: a later src is another report. The others go. */
  #poster() {
    const posters = this.querySelectorAll(':scope > svg[data-poster]');
    if (!posters.length) return undefined;
    const { width } = this.getBoundingClientRect();
    const theme = this.#theme() === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : this.#theme();
    let kept;
    for (const poster of posters) {
      const [min, max] = (poster.dataset.widths ?? '').split(' ').map(Number);
      if (!kept && this.#loading === 1 && width >= min && width <= max && poster.dataset.locale === this.#locale() && poster.dataset.theme === theme) kept = poster;
      else poster.remove();
    }
    return kept;
  }

  #showError(words, message) {
    const box = make('div', undefined, {
      padding: '16px', 'border-radius': '8px', background: '#fff4dc', color: '#7a4a00',
      font: '14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    });
    box.setAttribute('role', 'alert');
    box.append(make('strong', words.failed, { display: 'block' }), make('span', message, { display: 'block', 'font-size': '13px' }));
    this.#root.replaceChildren(box);
    const table = this.#table();
    if (table) this.#root.append(table);
    this.setAttribute('data-state', 'error');
    this.dispatchEvent(new CustomEvent('error', { detail: { message } }));
  }

  /** The figures as a plain table, when the report was read but the canvas could not draw. */
  #table() {
    let rows;
    try {
      rows = this.#report === undefined ? [] : figureTable(this.#report, this.#locale());
    } catch {
      return undefined;
    }
    if (!rows.length) return undefined;
    const table = make('table', undefined, { 'border-collapse': 'collapse', margin: '12px 0', 'font-size': '13px' });
    for (const row of rows) {
      const tr = document.createElement('tr');
      for (const text of [row.section, row.label, row.value, row.comparison]) tr.append(make('td', text, { padding: '3px 8px', 'border-bottom': '1px solid #e4ded4' }));
      table.append(tr);
    }
    return table;
  }

  #shareButton(words) {
    const button = make('button', words.share, {
      display: 'block', margin: '12px auto', padding: '8px 18px', 'border-radius': '18px', border: '1px solid #b8202f',
      background: 'transparent', color: 'inherit', font: 'inherit', cursor: 'pointer',
    });
    button.type = 'button';
    button.addEventListener('click', () => this.share());
    return button;
  }

  /** Shows the tall share image (长图) as an <img> a phone reader can long-press to save. */
  share() {
    if (!this.#chart) return undefined;
    const words = WORDS[this.#locale()];
    const overlay = make('div', undefined, {
      position: 'fixed', inset: '0', 'z-index': '2147483600', background: 'rgba(0,0,0,.82)', overflow: 'auto',
      display: 'flex', 'flex-direction': 'column', 'align-items': 'center', padding: '16px',
    });
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', words.share);
    const close = make('button', words.close, { 'align-self': 'flex-end', padding: '6px 14px', 'border-radius': '16px', border: '0', font: 'inherit' });
    close.type = 'button';
    const image = make('img', undefined, { 'max-width': 'min(100%, 750px)', height: 'auto', 'box-shadow': '0 6px 30px rgba(0,0,0,.5)' });
    image.src = this.#chart.shareImage(750);
    image.alt = this.#chart.title();
    const hint = make('p', words.hint, { color: '#fff', margin: '10px 0' });
    const dismiss = () => overlay.remove();
    close.addEventListener('click', dismiss);
    overlay.addEventListener('keydown', (event) => { if (event.key === 'Escape') dismiss(); });
    overlay.append(close, hint, image);
    this.#root.append(overlay);
    close.focus();
    return image;
  }
}

if (!customElements.get('district-infographic')) customElements.define('district-infographic', DistrictInfographic);
