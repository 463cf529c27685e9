// Page-level tests of the editor (www/editor.html) in headless Chromium (playwright-core) and
// headless Firefox ESR (selenium-webdriver with geckodriver: playwright cannot drive Debian's
// Firefox). Each case runs in both through one small session interface.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Builder, By, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { launch, startServer } from '../scripts/browser.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const ARTICLE = join(ROOT, 'tests/articles/zhongyuan-2020-h1.txt');
const HAS_DRAFTER = existsSync(join(ROOT, 'pkg/editor/district_infographic.js'));
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const run = promisify(execFile);

/** A small report for the cases that do not need the article. */
const SMALL = {
  title: { zh: '测试区2021年一季度成绩单', en: 'Test district, Q1 2021' },
  period: { zh: '2021年一季度', en: 'Q1 2021' },
  source: { zh: '数据来源:测试', en: 'Source: a test' },
  sections: [
    { id: 'economy', kind: 'bars', title: { zh: '经济', en: 'Economy' },
      figures: [{ id: 'gdp', label: { zh: '生产总值', en: 'GDP' }, value: 120.5, unit: '亿元' },
        { id: 'retail', label: { zh: '社会消费品零售总额', en: 'Retail sales' }, value: 60.2, unit: '亿元' }] },
    { id: 'jobs', kind: 'stats', title: { zh: '就业', en: 'Jobs' },
      figures: [{ id: 'new-jobs', label: { zh: '新增就业', en: 'New jobs' }, value: 5000, unit: '人' }] },
  ],
};

let server;
let base;
let chromium;
let downloads;

before(async () => {
  ({ server, url: base } = await startServer());
  chromium = await launch();
  downloads = await mkdtemp(join(tmpdir(), 'editor-downloads-'));
});

after(async () => {
  await chromium?.close();
  server?.close();
});

/** The editor in Chromium, through playwright. */
async function openChromium({ width, height, lang }) {
  const context = await chromium.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const session = {
    name: 'chromium', errors,
    goto: (path) => page.goto(`${base}${path}`),
    eval: (fn, arg) => page.evaluate(fn, arg),
    fill: (selector, text) => page.fill(selector, text),
    click: (selector) => page.click(selector),
    press: (keys) => page.keyboard.press(keys),
    setFile: (selector, file) => page.setInputFiles(selector, file),
    reload: () => page.reload(),
    async download(selector) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const file = join(downloads, `chromium-${download.suggestedFilename()}`);
      await download.saveAs(file);
      return file;
    },
    screenshot: (file) => page.screenshot({ path: file }),
    close: () => context.close(),
  };
  await session.goto(`/www/editor.html${lang === 'en' ? '?lang=en' : ''}`);
  return session;
}

/** The editor in Firefox ESR, through geckodriver; downloads go straight to a folder. */
async function openFirefox({ width, height, lang }) {
  const folder = await mkdtemp(join(downloads, 'firefox-'));
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless', `--width=${width}`, `--height=${height}`)
    .setPreference('browser.download.folderList', 2)
    .setPreference('browser.download.dir', folder)
    .setPreference('browser.download.useDownloadDir', true)
    .setPreference('browser.download.always_ask_before_handling_new_types', false)
    .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json,image/png')
    .setPreference('browser.download.manager.showWhenStarting', false);
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER)).build();
  await driver.manage().window().setRect({ width, height });
  const find = (selector) => driver.findElement(By.css(selector));
  const session = {
    name: 'firefox', errors: [],
    goto: (path) => driver.get(`${base}${path}`),
    eval: (fn, arg) => driver.executeScript(typeof fn === 'string' ? fn : `return (${fn}).apply(null, arguments)`, arg),
    async fill(selector, text) {
      const element = await find(selector);
      await driver.executeScript('arguments[0].select()', element);
      await element.sendKeys(text === '' ? Key.BACK_SPACE : text);
    },
    click: async (selector) => (await find(selector)).click(),
    async press(keys) {
      const parts = keys.split('+');
      const named = { Control: Key.CONTROL, Shift: Key.SHIFT, Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE };
      const actions = driver.actions();
      for (const part of parts.slice(0, -1)) actions.keyDown(named[part]);
      const last = parts.at(-1);
      const key = named[last] ?? last.toLowerCase();
      actions.keyDown(key).keyUp(key);
      for (const part of parts.slice(0, -1).reverse()) actions.keyUp(named[part]);
      await actions.perform();
    },
    setFile: async (selector, file) => (await find(selector)).sendKeys(file),
    reload: () => driver.navigate().refresh(),
    async download(selector) {
      const before = new Set(await readdir(folder));
      await (await find(selector)).click();
      for (let i = 0; i < 100; i += 1) {
        const added = (await readdir(folder)).filter((f) => !before.has(f) && !f.endsWith('.part'));
        if (added.length) return join(folder, added[0]);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no download arrived');
    },
    async screenshot(file) { await writeFile(file, await driver.takeScreenshot(), 'base64'); },
    close: () => driver.quit(),
  };
  await session.goto(`/www/editor.html${lang === 'en' ? '?lang=en' : ''}`);
  return session;
}

const BROWSERS = { chromium: openChromium, firefox: openFirefox };

async function ready(session) {
  for (let i = 0; i < 150; i += 1) {
    const state = await session.eval(() => document.documentElement.dataset.state);
    if (state === 'ready') return;
    if (state === 'error') throw new Error(await session.eval(() => document.getElementById('message').textContent));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the editor never became ready');
}

/** Opens the editor with an empty store (or keeps it with `keep`). */
async function open(browser, { width = 1440, height = 900, lang = 'zh', keep = false } = {}) {
  const session = await BROWSERS[browser]({ width, height, lang });
  await ready(session);
  if (!keep) {
    await session.eval(() => localStorage.clear());
    await session.reload();
    await ready(session);
  }
  return session;
}

/** Waits until `predicate` (run in the page) is true. */
async function until(session, predicate, arg, what = 'condition') {
  for (let i = 0; i < 100; i += 1) {
    if (await session.eval(predicate, arg)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const settle = (session) => session.eval(() => new Promise((r) => setTimeout(r, 200)));
const items = (session) => session.eval(() => window.editor.previewItems().map((i) => `${i.id}|${i.text}|${i.comparison ?? ''}`));

for (const browser of Object.keys(BROWSERS)) {
  test(`${browser}: the seed article becomes a draft, one edit changes the preview, the download passes check and draws the same`, { skip: HAS_DRAFTER ? false : 'pkg/editor/ (draftReport) is not built' }, async () => {
    const session = await open(browser);
    try {
      const article = await readFile(ARTICLE, 'utf8');
      assert.equal(await session.eval((text) => window.editor.load(text), article), true, 'the article drafts');
      const direct = await session.eval(async (text) => {
        const module = await import(new URL('../pkg/editor/district_infographic.js', location.href).href);
        await module.default();
        return module.draftReport(text).report.sections.flatMap((s) => s.figures.map((f) => f.id));
      }, article);
      const drafted = await session.eval(() => window.editor.report().sections.flatMap((s) => s.figures.map((f) => f.id)));
      assert.ok(drafted.length >= direct.length && direct.length > 0, `the draft has the extractor's ${direct.length} figures`);
      for (const id of direct) assert.ok(drafted.includes(id), `the draft has ${id}`);
      await settle(session);
      const before = await items(session);
      assert.ok(before.length > 0, 'the preview draws the draft');

      // A draft of many sections opens folded: the editor opens the first.
      assert.equal(await session.eval(() => document.querySelector('#f-sections-0 details.fold').open), false, 'the sections are folded');
      await session.click('#f-sections-0 details.fold > summary');
      await session.fill('#f-sections-0-figures-0-value', '12345');
      await until(session, () => window.editor.report().sections[0].figures[0].value === 12345, undefined, 'the edit');
      await settle(session);
      const after = await items(session);
      assert.notDeepEqual(after, before, 'the preview changed');

      await session.fill('#file-name', 'zhongyuan-draft.json');
      const file = await session.download('#download-json');
      const text = await readFile(file, 'utf8');
      const published = JSON.parse(text);
      assert.equal(Object.keys(published)[0], '$schema', 'the file starts with $schema');
      assert.match(text, /\n {2}"title"/, 'the file is formatted');
      const { stdout } = await run('cargo', ['run', '--quiet', '--release', '--bin', 'infographic', '--', 'check', file], { cwd: ROOT });
      assert.match(stdout, /OK/, `infographic check passes: ${stdout}`);
      const same = await session.eval(async (report) => {
        // An absolute URL: Firefox resolves a driver script's relative import elsewhere.
        const module = await import(new URL('../pkg/district_infographic.js', location.href).href);
        await module.default();
        const { Infographic } = module;
        const frame = document.createElement('div');
        frame.className = 'test-frame';
        document.querySelector('.frame.phone .viewport').after(frame);
        const canvas = document.createElement('canvas');
        frame.append(canvas);
        const chart = new Infographic(canvas, report, { locale: document.getElementById('preview-locale').value, theme: 'light', animate: false, width: 360 });
        chart.render();
        const marks = chart.items().map((i) => `${i.id}|${i.text}|${i.comparison ?? ''}`);
        chart.destroy();
        chart.free();
        frame.remove();
        return marks;
      }, published);
      assert.deepEqual(same, after, 'the published file draws the marks of the preview');

      const png = await session.download('#download-png');
      const head = (await readFile(png)).subarray(0, 8);
      assert.deepEqual([...head], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the share image is a PNG');
      assert.match(await session.eval(() => document.getElementById('embed').value), /<district-infographic src="\/infographic\/reports\/zhongyuan-draft\.json"/);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: a pointer on the scaled desktop preview finds its mark and shows the tooltip over it`, async () => {
    // 1100 px: the desktop preview, laid out at 1280 px, is scaled to its column.
    const session = await open(browser, { width: 1100, height: 900 });
    try {
      await session.eval((report) => window.editor.load(report), SMALL);
      await until(session, () => window.editor.desktopItems().length > 0, undefined, 'the desktop preview');
      const found = await session.eval(async () => {
        const canvas = document.getElementById('preview-desktop');
        const rect = canvas.getBoundingClientRect();
        const scale = rect.width / canvas.offsetWidth;
        // The first mark (the first bar), scrolled into view: its centre in the viewport, the
        // scale applied.
        const item = window.editor.desktopItems()[0];
        window.scrollBy(0, rect.top + (item.y + item.height / 2) * scale - innerHeight / 2);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
        const box = canvas.getBoundingClientRect();
        const x = box.left + (item.x + item.width / 2) * scale;
        const top = box.top + item.y * scale;
        canvas.dispatchEvent(new PointerEvent('pointerdown', { clientX: x, clientY: top + (item.height / 2) * scale, pointerType: 'touch', bubbles: true }));
        const tip = canvas.parentElement.querySelector('[role=tooltip]');
        const shown = tip?.getBoundingClientRect();
        return {
          scale, id: item.id, text: item.text, tipItem: tip?.getAttribute('data-item'), tipText: tip?.textContent ?? '',
          display: tip && getComputedStyle(tip).display, centre: shown && shown.left + shown.width / 2, x, bottom: shown?.bottom, top,
        };
      });
      assert.ok(found.scale < 0.95, `the preview is scaled (${found.scale})`);
      assert.equal(found.tipItem, found.id, 'the tapped mark is the one found');
      assert.equal(found.display, 'block');
      assert.ok(found.tipText.includes(found.text), `the tooltip says "${found.text}": ${found.tipText}`);
      // Above the mark and centred on it (within the page's margins), in the viewport.
      assert.ok(Math.abs(found.centre - found.x) < 12, `tooltip centred at ${found.centre}, mark at ${found.x}`);
      assert.ok(found.bottom <= found.top && found.bottom > found.top - 30, `tooltip bottom ${found.bottom}, mark top ${found.top}`);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: a reload mid-edit brings back the draft and its undo history`, async () => {
    const session = await open(browser);
    try {
      await session.eval((report) => window.editor.load(report), SMALL);
      await session.fill('#f-sections-0-figures-0-value', '130');
      await settle(session);
      await session.fill('#f-title-zh', '改过的标题');
      await until(session, () => window.editor.report().title.zh === '改过的标题', undefined, 'the title edit');
      const edited = await session.eval(() => window.editor.report());
      await session.reload();
      await ready(session);
      assert.deepEqual(await session.eval(() => window.editor.report()), edited, 'the draft is back');
      assert.match(await session.eval(() => document.getElementById('saved').textContent), /已保存草稿 \d/);
      await session.click('#undo');
      assert.deepEqual(await session.eval(() => window.editor.report().title), { zh: '测试区2021年一季度成绩单', en: 'Test district, Q1 2021' });
      await session.click('#undo');
      assert.equal(await session.eval(() => window.editor.report().sections[0].figures[0].value), 120.5, 'two steps back');
      await session.click('#redo');
      assert.equal(await session.eval(() => window.editor.report().sections[0].figures[0].value), 130, 'and one forward');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: a broken value is listed with its path, focuses its field, and clears when fixed`, async () => {
    const session = await open(browser);
    try {
      await session.eval((report) => window.editor.load(report), SMALL);
      assert.deepEqual(await session.eval(() => window.editor.problems()), []);
      await session.fill('#f-sections-0-figures-1-value', 'abc');
      await until(session, () => window.editor.problems().some((p) => p.path === 'sections[0].figures[1].value'), undefined, 'the problem');
      const problem = await session.eval(() => window.editor.problems().find((p) => p.path === 'sections[0].figures[1].value'));
      assert.equal(problem.level, 'error');
      assert.match(problem.message, /abc/);
      const shown = await session.eval(() => [...document.querySelectorAll('#problems .problem')].map((b) => b.textContent));
      // Counted from 1, as the form counts its sections and figures.
      assert.ok(shown.some((s) => s.includes('板块 1 · 数据 2 · 数值') && s.includes('应为数字')), `listed in plain words: ${shown}`);
      assert.equal(await session.eval(() => document.getElementById('f-sections-0').classList.contains('has-problem')), true, 'the section is marked');
      await session.click('#problems .problem[data-path="sections[0].figures[1].value"]');
      assert.equal(await session.eval(() => document.activeElement.id), 'f-sections-0-figures-1-value', 'the field has focus');
      await session.fill('#f-sections-0-figures-1-value', '61');
      await until(session, () => window.editor.problems().length === 0, undefined, 'the fix');
      assert.equal(await session.eval(() => document.querySelectorAll('#problems .problem').length), 0);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: a report with a problem makes no share image or embed code, the JSON box applies only a report, and the file name survives a reload`, async () => {
    const session = await open(browser);
    try {
      await session.eval((report) => window.editor.load(report), SMALL);
      await session.fill('#file-name', 'test-q1');
      await session.fill('#f-sections-0-figures-1-value', 'abc');
      await until(session, () => window.editor.problems().some((p) => p.level === 'error'), undefined, 'the problem');
      // The box holds no snippet to copy by hand while the report has a problem.
      assert.equal(await session.eval(() => document.getElementById('embed').value), '', 'no embed code in the box');
      await session.click('#copy-embed');
      await until(session, () => /1 个问题/.test(document.getElementById('publish-status').textContent), undefined, 'the refusal');
      assert.equal(await session.eval(() => document.getElementById('embed').value), '', 'no embed code from a report with a problem');
      await session.click('#download-png');
      assert.match(await session.eval(() => document.getElementById('publish-status').textContent), /未生成/);
      // A full-width number, as a Chinese IME types it, is a number.
      await session.fill('#f-sections-0-figures-1-value', '６１．５');
      await until(session, () => window.editor.report().sections[0].figures[1].value === 61.5, undefined, 'the full-width number');
      // A bare number typed over the JSON is not a report: nothing is applied.
      await session.eval(() => {
        document.getElementById('json-details').open = true;
        const box = document.getElementById('json');
        box.value = '1';
        box.dispatchEvent(new Event('input'));
      });
      await until(session, () => /不是成绩单报告/.test(document.getElementById('json-status').textContent), undefined, 'the JSON refusal');
      assert.equal(await session.eval(() => window.editor.report().sections.length), 2, 'the report is untouched');
      await session.reload();
      await ready(session);
      assert.equal(await session.eval(() => document.getElementById('file-name').value), 'test-q1', 'the file name is kept');
      assert.equal(await session.eval(() => window.editor.report().sections[0].figures[1].value), 61.5);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: beside the form, the preview follows the section being edited`, async () => {
    const session = await open(browser, { width: 1440, height: 900 });
    try {
      const seed = JSON.parse(await readFile(join(ROOT, 'www/reports/zhongyuan-2020-h1.json'), 'utf8'));
      await session.eval((report) => window.editor.load(report), seed);
      await settle(session);
      const last = seed.sections.length - 1;
      await session.click(`#f-sections-${last} details.fold > summary`);
      await session.click(`#f-sections-${last}-title-zh`);
      // The last section's first mark comes into the preview's view.
      await until(session, (id) => {
        const container = document.querySelector('.preview');
        const canvas = document.getElementById('preview-phone');
        const mark = window.editor.previewItems().find((item) => item.section === id);
        const y = canvas.getBoundingClientRect().top + mark.y;
        const box = container.getBoundingClientRect();
        return container.scrollTop > 0 && y >= box.top && y <= box.bottom;
      }, seed.sections[last].id, 'the preview scrolled to the section');
      // So did the desktop preview, which stays in view beside the phone's.
      await until(session, (id) => {
        const container = document.querySelector('.preview').getBoundingClientRect();
        const frame = document.getElementById('frame-desktop').getBoundingClientRect();
        const canvas = document.getElementById('preview-desktop');
        const scale = canvas.getBoundingClientRect().height / canvas.offsetHeight;
        const mark = window.editor.desktopItems().find((item) => item.section === id);
        if (!mark) return false;
        const y = canvas.getBoundingClientRect().top + mark.y * scale;
        return frame.top >= container.top - 1 && frame.top < container.bottom && y >= frame.top && y <= frame.bottom;
      }, seed.sections[last].id, 'the desktop preview scrolled to the section');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: a report of many sections folds them, says what each holds, and opens one at its problem`, async () => {
    const session = await open(browser, { width: 390, height: 844 });
    try {
      const seed = JSON.parse(await readFile(join(ROOT, 'www/reports/zhongyuan-2020-h1.json'), 'utf8'));
      seed.sections[5].figures[0].value = 'abc';
      await session.eval((report) => window.editor.load(report), seed);
      await settle(session);
      const folds = () => session.eval(() => [...document.querySelectorAll('#form details.fold')].map((d) => ({ open: d.open, text: d.querySelector('summary').textContent })));
      let state = await folds();
      assert.equal(state.length, seed.sections.length);
      // Folded but the one with a problem, which says so; each names its kind and its figures.
      assert.deepEqual(state.map((f) => f.open), seed.sections.map((_, i) => i === 5));
      assert.match(state[0].text, new RegExp(`^条形图 · ${seed.sections[0].figures.length} 项数据$`));
      assert.match(state[5].text, /· 1 个问题$/);
      // Folding it and choosing its problem opens it again, at the field.
      await session.click('#f-sections-5 details.fold > summary');
      assert.equal((await folds())[5].open, false);
      await session.click('#problems .problem[data-path="sections[5].figures[0].value"]');
      assert.equal(await session.eval(() => document.activeElement.id), 'f-sections-5-figures-0-value');
      assert.equal((await folds())[5].open, true);
      // A fold stays as the editor left it across an edit that rebuilds the form.
      await session.fill('#f-sections-5-figures-0-value', '42');
      await until(session, () => window.editor.problems().every((p) => p.level !== 'error'), undefined, 'the fix');
      await session.click('#close-all');
      assert.ok((await folds()).every((f) => !f.open), 'close all');
      await session.click('#undo');
      await settle(session);
      assert.ok((await folds()).every((f) => !f.open), 'folded after an undo');
      await session.click('#open-all');
      state = await folds();
      assert.ok(state.every((f) => f.open), 'open all');
      const height = await session.eval(() => document.getElementById('form').offsetHeight);
      await session.click('#close-all');
      const folded = await session.eval(() => document.getElementById('form').offsetHeight);
      assert.ok(folded < height / 4, `folded ${folded} px, open ${height} px`);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: nothing to publish before a report; the article survives a reload; a new figure waits for its value; headings follow the edits`, { skip: HAS_DRAFTER ? false : 'pkg/editor/ (draftReport) is not built' }, async () => {
    const session = await open(browser);
    try {
      const disabled = () => session.eval(() => ['download-json', 'download-png', 'copy-embed'].map((id) => document.getElementById(id).disabled));
      assert.deepEqual(await disabled(), [true, true, true], 'no report, nothing to publish');
      const article = await readFile(join(ROOT, 'tests/articles/zhongyuan-2020-h1.txt'), 'utf8');
      await session.eval((text) => { document.getElementById('article').value = text; }, article);
      await session.click('#draft');
      await until(session, () => window.editor.report() !== null, undefined, 'the draft');
      assert.deepEqual(await disabled(), [false, false, false]);
      // The drafting notes name report-level fields as the form does, and chart kinds as its menu.
      const notes = await session.eval(() => [...document.querySelectorAll('#draft-warnings .problem')].map((b) => [b.dataset.path, b.querySelector('code')?.textContent, b.textContent]));
      assert.ok(notes.some(([path, where]) => path === 'title' && where === '标题'), JSON.stringify(notes.slice(0, 3)));
      assert.ok(notes.some(([path, , text]) => /\.kind$/.test(path) && /图表类型猜测为 (条形图|同比对照|圆环|仪表|分段条|漏斗|象形图|大数字)\(/.test(text)), 'kind names as the menu has them');
      // Drafting again over the draft says that Undo brings the earlier one back.
      await session.click('#draft');
      await until(session, () => /撤销/.test(document.getElementById('message').textContent), undefined, 'the redraft note');
      await session.reload();
      await ready(session);
      assert.equal(await session.eval(() => document.getElementById('article').value), article, 'the article is kept with the draft');
      // A section's and a figure's headings, and its fold's line, follow what is typed and chosen.
      await session.click('#f-sections-0 details.fold > summary');
      await session.fill('#f-sections-0-title-zh', '新的板块标题');
      await session.fill('#f-sections-0-figures-0-label-zh', '新的数据名称');
      await until(session, () => window.editor.report().sections[0].figures[0].label.zh === '新的数据名称', undefined, 'the edits');
      assert.match(await session.eval(() => document.querySelector('#f-sections-0 > legend').textContent), /新的板块标题$/);
      assert.match(await session.eval(() => document.querySelector('#f-sections-0-figures-0 > .figure-heading').textContent), /新的数据名称$/);
      await session.eval(() => {
        const select = document.getElementById('f-sections-0-kind');
        select.value = 'stats';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await until(session, () => /^大数字/.test(document.querySelector('#f-sections-0-fold').textContent), undefined, 'the fold line');
      // A new figure has no value until one is typed: the check lists it, so it is not published.
      await session.click('#f-sections-0-add-figure');
      const count = await session.eval(() => window.editor.report().sections[0].figures.length);
      await until(session, (n) => window.editor.problems().some((p) => p.level === 'error' && p.path === `sections[0].figures[${n - 1}].value`), count, 'the missing value');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: a file that is not JSON, a JSON that is not a report and a 5 MB file leave the draft untouched`, async () => {
    const session = await open(browser);
    const folder = await mkdtemp(join(tmpdir(), 'editor-files-'));
    try {
      await session.eval((report) => window.editor.load(report), SMALL);
      const draft = await session.eval(() => JSON.stringify(window.editor.report()));
      const files = {
        'notes.json': ['这不是 JSON', /不是 JSON/],
        'list.json': [JSON.stringify([1, 2, 3]), /不是成绩单报告/],
        'huge.json': [JSON.stringify({ ...SMALL, padding: 'x'.repeat(5 * 1024 * 1024) }), /文件太大\(5\.0 MB\)/],
      };
      for (const [name, [content, message]] of Object.entries(files)) {
        const path = join(folder, name);
        await writeFile(path, content);
        await session.setFile('#open-file', path);
        await until(session, (pattern) => new RegExp(pattern).test(document.getElementById('message').textContent), message.source, `the message for ${name}`);
        assert.equal(await session.eval(() => JSON.stringify(window.editor.report())), draft, `${name} left the draft untouched`);
      }
      assert.ok((await stat(join(folder, 'huge.json'))).size > 5 * 1024 * 1024);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test(`${browser}: keyboard only reaches every control, adds a figure and undoes it`, async () => {
    const session = await open(browser);
    try {
      await session.eval((report) => window.editor.load(report), SMALL);
      await settle(session);
      await session.eval(() => document.activeElement?.blur());
      const controls = await session.eval(() => [...document.querySelectorAll('button, input, select, textarea, summary, canvas[tabindex]')]
        .filter((e) => !e.disabled && e.checkVisibility({ visibilityProperty: true }))
        .map((e, i) => { e.dataset.testIndex = String(i); return i; }).length);
      const reached = new Set();
      for (let i = 0; i < controls + 10 && reached.size < controls; i += 1) {
        await session.press('Tab');
        const index = await session.eval(() => document.activeElement?.dataset.testIndex);
        if (index !== undefined) reached.add(index);
      }
      const missed = await session.eval((seen) => [...document.querySelectorAll('[data-test-index]')]
        .filter((e) => !seen.includes(e.dataset.testIndex)).map((e) => e.id || e.outerHTML.slice(0, 80)), [...reached]);
      assert.deepEqual(missed, [], `Tab reached ${reached.size} of ${controls} controls`);
      const figures = () => session.eval(() => window.editor.report().sections[1].figures.length);
      assert.equal(await figures(), 1);
      // From the first section's add button, Tab moves on to the second section's fields.
      await session.eval(() => document.getElementById('f-sections-1-figures-0-id').focus());
      for (let i = 0; i < 20; i += 1) {
        if (await session.eval(() => document.activeElement.id === 'f-sections-1-add-figure')) break;
        await session.press('Tab');
      }
      assert.equal(await session.eval(() => document.activeElement.id), 'f-sections-1-add-figure', 'Tab reaches the add-figure button');
      await session.press('Enter');
      assert.equal(await figures(), 2, 'Enter added a figure');
      assert.equal(await session.eval(() => document.activeElement.id), 'f-sections-1-figures-1-label-zh', 'the new figure has focus');
      await session.press('Control+z');
      assert.equal(await figures(), 1, 'Ctrl+Z took it back');
      await session.press('Control+Shift+z');
      assert.equal(await figures(), 2, 'Ctrl+Shift+Z redid it');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  for (const lang of ['zh', 'en']) {
    test(`${browser}: axe-core finds no violations (${lang})`, async () => {
      const session = await open(browser, { lang, width: 1440 });
      try {
        await session.eval((report) => window.editor.load(report), SMALL);
        await session.fill('#f-sections-0-figures-1-value', 'abc');
        await settle(session);
        await session.eval(() => { document.getElementById('json-details').open = true; });
        // Injected through the driver, which the page's CSP does not restrict.
        await session.eval(`${await readFile(AXE, 'utf8')}; 0`);
        const violations = await session.eval(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`));
        assert.deepEqual(violations, []);
      } finally {
        await session.close();
      }
    });
  }
}
