// Page-level tests: the demo page in headless Chromium, as a reader gets it. Fails on any page
// error, console error or CSP violation, and on a blank canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer } from '../scripts/browser.mjs';

let browser;
let server;
let base;

before(async () => {
  ({ server, url: base } = await startServer());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the demo with `query`, collecting errors; resolves once data-state is set. */
async function open(query = '', { width = 390, height = 844, ratio = 2, colorScheme = 'light', hasTouch = false, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: ratio, colorScheme, hasTouch, isMobile: hasTouch });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(`${base}/www/index.html${query}`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 15000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, context, errors };
}

/**
 * In the page: the picture under `canvas` (its strip of tiles, just before it: src/web/tiles.rs)
 * copied onto one canvas, to read pixels from. Passed as source and evaluated in the page.
 */
const PICTURE = (canvas) => {
  const tiles = [...canvas.previousElementSibling.children];
  const whole = document.createElement('canvas');
  whole.width = tiles[0]?.width ?? 0;
  whole.height = tiles.reduce((sum, tile) => sum + tile.height, 0);
  let top = 0;
  for (const tile of tiles) {
    if (tile.height) whole.getContext('2d').drawImage(tile, 0, top);
    top += tile.height;
  }
  return whole;
};

/** How many distinct colours the canvas shows (a blank one has one). */
function colours(page) {
  return page.evaluate((PICTURE) => {
    const canvas = eval(PICTURE)(document.getElementById('infographic'));
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, Math.min(canvas.height, 2000)).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, PICTURE.toString());
}

for (const [name, width, ratio] of [['phone', 360, 3], ['desktop', 1280, 1]]) {
  test(`the demo draws the whole report on a ${name} (${width}px)`, async () => {
    const { page, context, errors } = await open('', { width, ratio });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
    assert.ok(await colours(page) > 50, 'the canvas is not blank');
    const size = await page.evaluate((PICTURE) => {
      const c = document.getElementById('infographic');
      const picture = eval(PICTURE)(c);
      return { width: picture.width, css: c.getBoundingClientRect().width, height: picture.height };
    }, PICTURE.toString());
    assert.equal(size.width, Math.round(size.css * ratio), 'backing store is CSS size times the ratio');
    const items = await page.evaluate(() => window.infographic.items());
    for (const id of ['gdp', 'tertiary', 'budget-revenue', 'industry', 'fixed-investment', 'retail', 'good-air-days', 'compounds-done', 'parking-spaces', 'new-jobs', 'volunteers', 'funds-raised']) {
      assert.ok(items.some((i) => i.id === id && i.unit), `items() has ${id} with its unit`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('dark colour scheme is followed by default', async () => {
  const { page, context, errors } = await open('', { colorScheme: 'dark' });
  const pixel = await page.evaluate((PICTURE) => Array.from(eval(PICTURE)(document.getElementById('infographic')).getContext('2d').getImageData(2, 2, 1, 1).data), PICTURE.toString());
  assert.ok(pixel[0] < 60 && pixel[1] < 60 && pixel[2] < 60, `dark background, got ${pixel}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a report URL that 404s shows a message and data-state=error', async () => {
  const { page, context } = await open('?report=reports/missing.json');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'error');
  assert.match(await page.textContent('#status'), /无法下载\(404\)/);
  await context.close();
});

test('a bad report shows the located error on the page', async () => {
  const { page, context } = await open('?report=../tests/fixtures/bad-value.json');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'error');
  assert.match(await page.textContent('#status'), /sections\[0\]\.figures\[0\]\.value: 应为数字,实际是 "abc"/);
  await context.close();
});

test('a broken section draws as a notice, markup in labels stays text', async () => {
  const { page, context, errors } = await open('?report=../tests/fixtures/one-broken-section.json');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
  const ids = (await page.evaluate(() => window.infographic.items())).map((i) => i.id);
  assert.deepEqual(ids, ['a', 'b', 'd']);
  assert.equal(await page.locator('img').count(), 0, 'no <img> was injected');
  assert.ok((await page.textContent('canvas table')).includes('<script>alert(1)</script>'), 'the label is in the table as text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('touch: a tap shows the tooltip, a tap elsewhere dismisses it', async () => {
  const { page, context, errors } = await open('', { hasTouch: true });
  const item = (await page.evaluate(() => window.infographic.items())).find((i) => i.id === 'gdp');
  const box = await page.locator('#infographic').boundingBox();
  await page.touchscreen.tap(box.x + item.x + item.width / 2, box.y + item.y + item.height / 2);
  const tip = page.locator('[role=tooltip]');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /地区生产总值.*317\.8亿元/);
  await page.touchscreen.tap(5, box.y + 5);
  await tip.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: Tab to the canvas, arrows step through marks with a live announcement', async () => {
  const { page, context, errors } = await open('', { width: 1280, ratio: 1 });
  await page.focus('#infographic');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const tip = page.locator('[role=tooltip]');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /第三产业增加值/);
  assert.match(await page.textContent('[aria-live]'), /第三产业增加值:223\.4亿元/);
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

/** Adds a <district-infographic> with `attributes` to www/embed.html; resolves to its final state. */
async function embed(page, attributes) {
  return page.evaluate((attributes) => new Promise((resolve) => {
    const element = document.createElement('district-infographic');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    const events = [];
    element.addEventListener('ready', (e) => { events.push('ready'); resolve({ state: element.dataset.state, events, detail: e.detail }); });
    element.addEventListener('error', (e) => { events.push('error'); resolve({ state: element.dataset.state, events, detail: e.detail, text: element.shadowRoot.textContent }); });
    document.body.append(element);
  }), attributes);
}

async function openEmbed(options) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, ...options });
  const page = await context.newPage();
  const errors = [];
  const reports = [];
  page.on('request', (request) => { if (request.url().endsWith('.json')) reports.push(request.url().split('/').pop()); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`); });
  await page.goto(`${base}/www/embed.html`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('embedded')?.dataset.state));
  return { page, context, errors, reports };
}

test('the one-tag embed draws, sizes itself to its container and says ready', async () => {
  const { page, context, errors, reports } = await openEmbed();
  assert.equal(await page.getAttribute('#embedded', 'data-state'), 'ready');
  assert.deepEqual(reports, ['zhongyuan-2020-h1.json'], 'the report is downloaded once');
  const sizes = await page.evaluate(() => {
    const element = document.getElementById('embedded');
    const canvas = element.shadowRoot.querySelector('canvas[role]');
    return { element: element.getBoundingClientRect().width, canvas: canvas.getBoundingClientRect().width, items: element.infographic.items().length, title: element.infographic.title() };
  });
  assert.equal(sizes.canvas, sizes.element);
  assert.ok(sizes.items > 50);
  const result = await embed(page, { src: 'reports/example-2021-q1.json', locale: 'en' });
  assert.equal(result.state, 'ready');
  assert.deepEqual(result.events, ['ready']);
  // A new src loads the new report.
  const changed = await page.evaluate(() => new Promise((resolve) => {
    const element = document.getElementById('embedded');
    element.addEventListener('ready', () => resolve(element.infographic.title()), { once: true });
    element.setAttribute('src', 'reports/example-2021-q1.json');
  }));
  assert.notEqual(changed, sizes.title);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed turns every loading fault into a visible, plain message and an error event', async () => {
  const { page, context, errors } = await openEmbed();
  await page.route('**/hangs.json', () => {});
  await page.route('**/html.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Login</title>' }));
  await page.route('**/truncated.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"title": "中原区", "sections": [' }));
  const cases = [
    [{}, /未指定报告文件/],
    [{ src: 'reports/missing.json' }, /报告文件无法下载\(404\)/],
    [{ src: 'hangs.json', timeout: '300' }, /下载超时/],
    [{ src: 'html.json' }, /不是 JSON/],
    [{ src: 'truncated.json' }, /不是 JSON/],
    [{ src: '../tests/fixtures/bad-value.json' }, /sections\[0\]\.figures\[0\]\.value/],
  ];
  for (const [attributes, message] of cases) {
    const result = await embed(page, attributes);
    assert.equal(result.state, 'error', JSON.stringify(attributes));
    assert.deepEqual(result.events, ['error']);
    assert.match(result.text, /图表暂时无法显示/);
    assert.match(result.text, message);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the share action shows the tall share image as an <img>', async () => {
  const { page, context, errors } = await openEmbed();
  await page.locator('#embedded').getByRole('button', { name: '生成分享图' }).click();
  const image = page.locator('#embedded').getByRole('dialog').locator('img');
  await image.waitFor();
  const size = await image.evaluate(async (img) => { await img.decode(); return { width: img.naturalWidth, height: img.naturalHeight, src: img.src.slice(0, 22), alt: img.alt }; });
  assert.equal(size.width, 1500);
  assert.ok(size.height > 3 * size.width, `a tall image, got ${size.width}x${size.height}`);
  assert.equal(size.src, 'data:image/png;base64,');
  assert.match(size.alt, /中原区/);
  await page.keyboard.press('Escape');
  await image.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('no 2D context: the embed says so and shows the figures as a table', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => { HTMLCanvasElement.prototype.getContext = () => null; });
  const page = await context.newPage();
  await page.goto(`${base}/www/embed.html`);
  await page.waitForFunction(() => document.getElementById('embedded')?.dataset.state === 'error');
  const text = await page.evaluate(() => document.getElementById('embedded').shadowRoot.textContent);
  assert.match(text, /图表暂时无法显示/);
  // In the reader's language: the embed is Chinese.
  assert.match(text, /canvas: 画布无法提供二维绘图环境/);
  assert.match(text, /地区生产总值317\.8亿元/, 'the figures are shown as a table');
  await context.close();
});

test('an old browser without WebAssembly gets a plain message, on the demo and in the embed', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => { delete globalThis.WebAssembly; });
  const page = await context.newPage();
  await page.goto(`${base}/www/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'error');
  assert.match(await page.textContent('#status'), /浏览器版本过旧/);
  await page.goto(`${base}/www/embed.html`);
  await page.waitForFunction(() => document.getElementById('embedded')?.dataset.state === 'error');
  assert.match(await page.evaluate(() => document.getElementById('embedded').shadowRoot.textContent), /浏览器版本过旧/);
  await context.close();
});

/** Mounts a second infographic on the demo page and reads the GDP bar's middle pixel at once and after the animation. */
async function barPixels(reducedMotion) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, reducedMotion, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${base}/www/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  const read = () => page.evaluate((PICTURE) => {
    const { canvas, chart } = window.motionTest;
    const gdp = chart.items().find((i) => i.id === 'gdp');
    const [r, g, b] = eval(PICTURE)(canvas).getContext('2d').getImageData(Math.round(gdp.x + gdp.width * 0.4), Math.round(gdp.y + gdp.height - 6), 1, 1).data;
    return [r, g, b];
  }, PICTURE.toString());
  await page.evaluate(async () => {
    const { Infographic } = await import('../pkg/district_infographic.js');
    const canvas = document.createElement('canvas');
    document.querySelector('main').append(canvas);
    const report = await (await fetch('reports/zhongyuan-2020-h1.json')).json();
    const chart = new Infographic(canvas, report, {});
    chart.render();
    window.motionTest = { canvas, chart };
  });
  const first = await read();
  await page.waitForTimeout(1200);
  const last = await read();
  await context.close();
  return { first, last };
}

test('bars grow on first view, and are drawn grown at once under prefers-reduced-motion', async () => {
  const accent = [0xb8, 0x20, 0x2f];
  const animated = await barPixels('no-preference');
  assert.notDeepEqual(animated.first, accent, 'the first frame shows the bar not yet grown');
  assert.deepEqual(animated.last, accent, 'the bar has grown by the end');
  const still = await barPixels('reduce');
  assert.deepEqual(still.first, accent, 'no animation under reduced motion');
});

// With the entry animation and without it (the demo after its poster). A real browser says
// that the ratio changed (another screen, a zoom) by a change event of a `(resolution: Ndppx)`
// query, which the component watches; Chromium's emulated change fires none (nor a resize), so
// the test sends the event to the queries the page made, as a browser would.
for (const query of ['?report=reports/zhongyuan-2020-h1.json', '']) test(`a change of devicePixelRatio redraws at the new resolution${query ? ' (animated)' : ' (after the poster)'}`, async () => {
  const init = () => {
    const made = (window.__resolutionQueries = []);
    const matchMedia = window.matchMedia.bind(window);
    window.matchMedia = (media) => {
      const list = matchMedia(media);
      if (media.includes('resolution')) made.push(list);
      return list;
    };
  };
  const { page, context, errors } = await open(query, { width: 390, ratio: 1, init });
  const backing = () => page.evaluate(() => document.getElementById('infographic').previousElementSibling.firstElementChild.width);
  assert.equal(await backing(), 390);
  assert.ok(await page.evaluate(() => window.__resolutionQueries.length > 0), 'the component watches the ratio');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 3, mobile: false });
  await page.evaluate(() => {
    for (const list of window.__resolutionQueries) if (!list.matches) list.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => document.getElementById('infographic').previousElementSibling.firstElementChild.width === 1170, null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Opens `path` at `width` with the wasm held back until `release()`, recording layout shifts and
 * CSP violations from the start; resolves once the page has painted without the wasm.
 */
async function openHeld(path, { width = 390, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 1, colorScheme });
  await context.addInitScript(() => {
    window.__shifts = [];
    window.__csp = [];
    // Each shift with what moved, so that a failure says where (tag#id.class, from and to).
    const box = (r) => r && [r.x, r.y, r.width, r.height].map(Math.round).join(',');
    const named = (n) => n ? `${n.nodeName}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className}` : ''}` : '?';
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => ({
      value: e.value, at: Math.round(e.startTime),
      sources: (e.sources ?? []).map((s) => `${named(s.node)} ${box(s.previousRect)} -> ${box(s.currentRect)}`),
    })))).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/district_infographic_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${base}/${path}`);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, context, errors, release };
}

/**
 * The shown poster's box (else the first poster's), whether it is shown and how many posters the
 * page still holds, or undefined when it holds none.
 */
const posterBox = (page) => page.evaluate(() => {
  const posters = [...document.querySelectorAll('svg[data-poster]')];
  const poster = posters.find((p) => p.checkVisibility()) ?? posters[0];
  if (!poster) return undefined;
  const { top, height, width } = poster.getBoundingClientRect();
  return { top, height, width, shown: poster.checkVisibility(), hidden: poster.getAttribute('aria-hidden'), count: posters.length };
});

/** In the page: the demo's or the embed's state holder, the place after the infographic, and its canvas. */
const PARTS = (name) => {
  const embedded = document.getElementById('embedded');
  return name === 'demo'
    ? { state: document.documentElement.dataset.state, last: document.getElementById('infographic'), canvas: document.getElementById('infographic') }
    : { state: embedded.dataset.state, last: embedded, canvas: embedded.shadowRoot.querySelector('canvas[role]') };
};

// Each page carries a poster for two width classes: the demo's second one for 428-430 px phones,
// the embed's for 360-375 px ones.
for (const [name, path, widths] of [['demo', 'www/index.html', [390, 412, 430]], ['embed', 'www/embed.html', [360, 390, 412]]]) {
  for (const width of widths) {
    test(`${name} at ${width}px: the poster shows before the wasm, and the canvas takes its place without a shift`, async () => {
      const { page, context, errors, release } = await openHeld(path, { width });
      const parts = (what) => page.evaluate(([parts, name, what]) => {
        const found = eval(parts)(name);
        if (what === 'state') return found.state;
        if (what === 'below') {
          // A paragraph after the infographic: where it sits must not change when the canvas comes.
          if (!document.getElementById('below')) found.last.after(Object.assign(document.createElement('p'), { id: 'below', textContent: '.' }));
          return document.getElementById('below').getBoundingClientRect().top;
        }
        const { top, height } = found.canvas.getBoundingClientRect();
        return { top, height };
      }, [PARTS.toString(), name, what]);
      assert.equal(await parts('state'), 'loading', 'the wasm is still held back');
      const poster = await posterBox(page);
      assert.ok(poster?.shown, 'the poster is shown before the wasm');
      assert.equal(poster.hidden, 'true', 'the poster is hidden from screen readers: the canvas brings the accessible layer');
      assert.equal(poster.count, 1, 'the poster of the other width class is gone');
      assert.ok(poster.height > 3000 && Math.abs(poster.width - (name === 'demo' ? width : width - 28)) < 1, JSON.stringify(poster));
      // Nothing else on the page reads the figures meanwhile.
      assert.equal(await page.evaluate(() => document.querySelectorAll('table').length), 0);
      const before = await parts('below');
      release();
      await page.waitForFunction(() => document.querySelector('[data-state=ready]'));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const drawn = await parts('canvas');
      assert.equal(drawn.top, poster.top, 'the canvas starts where the poster did');
      assert.equal(drawn.height, poster.height, 'the canvas has the poster\'s height');
      assert.equal(await parts('below'), before, 'what follows did not move');
      assert.equal(await posterBox(page), undefined, 'the poster is gone once the canvas drew: nothing is read twice');
      const shifts = await page.evaluate(() => window.__shifts);
      assert.deepEqual(shifts.map((shift) => shift.value), [], `no layout shift: ${JSON.stringify(shifts)}`);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('after the poster the canvas shows the figures whole at once: no entry animation counting up', async () => {
  const { page, context, release } = await openHeld('www/index.html');
  assert.ok((await posterBox(page))?.shown);
  release();
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const pixel = await page.evaluate((PICTURE) => {
    const canvas = eval(PICTURE)(document.getElementById('infographic'));
    const gdp = window.infographic.items().find((i) => i.id === 'gdp');
    return Array.from(canvas.getContext('2d').getImageData(Math.round(gdp.x + gdp.width * 0.4), Math.round(gdp.y + gdp.height - 6), 1, 1).data.slice(0, 3));
  }, PICTURE.toString());
  assert.deepEqual(pixel, [0xb8, 0x20, 0x2f], 'the GDP bar is grown in the first frames');
  await context.close();
});

for (const [why, path, options] of [
  ['a desktop width (another layout)', 'www/index.html', { width: 1280 }],
  ['a phone width outside its classes (embed)', 'www/embed.html', { width: 320 }],
  ['a width outside its classes (demo)', 'www/index.html', { width: 450 }],
  ['a dark colour scheme', 'www/index.html', { colorScheme: 'dark' }],
  ['another language', 'www/index.html?locale=en', {}],
  ['another report', 'www/index.html?report=reports/example-2021-q1.json', {}],
]) {
  test(`the poster is not shown for ${why}`, async () => {
    const { page, context, errors, release } = await openHeld(path, options);
    const poster = await posterBox(page);
    assert.ok(!poster?.shown, `not shown: ${JSON.stringify(poster)}`);
    release();
    await page.waitForFunction(() => document.querySelector('[data-state=ready]'));
    assert.equal(await posterBox(page), undefined);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("style.css hides each of the pages' posters before any script outside the width class it names", async () => {
  const { readFileSync } = await import('node:fs');
  const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  const css = read('www/style.css');
  // The demo's canvas is as wide as the viewport; the embed's is 28 px narrower (the article's padding).
  for (const [page, selector, gutter] of [['www/index.html', 'main > svg[data-poster]', 0], ['www/embed.html', '.article svg[data-poster]', 28]]) {
    const classes = [...read(page).matchAll(/<svg data-poster="" data-widths="(\d+) (\d+)"/g)].map((m) => m.slice(1).map(Number));
    assert.equal(classes.length, 2, `${page}: a poster per width class (make posters)`);
    for (const [min, max] of classes) {
      const rule = `@media (max-width: ${min + gutter - 1}.98px), (min-width: ${max + gutter}.02px) { ${selector}[data-widths="${min} ${max}"] { display: none; } }`;
      assert.ok(css.includes(rule), `${page}: style.css should have ${rule} (after make posters, the class may have moved)`);
    }
    // Two posters never show at once: their classes do not overlap.
    const [[a0, a1], [b0, b1]] = classes;
    assert.ok(a1 < b0 || b1 < a0, `${page}: ${classes}`);
  }
});

test('the pages carry www/style.css inline, allowed by its hash in their meta CSP and in the server\'s header, never by unsafe-inline', async () => {
  const { readFileSync } = await import('node:fs');
  const { PAGES, STYLE, inlineStyle, styleHash } = await import('../scripts/inline-style.mjs');
  const { csp } = await import('../scripts/serve.mjs');
  const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  const css = read(STYLE);
  const hash = styleHash(css);
  assert.ok(csp().includes(`style-src 'self' ${hash};`), 'the server allows the stylesheet\'s text by its hash');
  for (const page of PAGES) {
    const html = read(page);
    const blocks = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    assert.deepEqual(blocks, [css], `${page}: one inline <style>, ${STYLE} as it is (make styles)`);
    assert.ok(!html.includes('rel="stylesheet"'), `${page}: no stylesheet to wait for`);
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
    assert.match(policy, new RegExp(`style-src 'self' ${hash.replace(/[+/]/g, '\\$&')};`), `${page}: its CSP allows the block by its hash`);
    assert.ok(!/unsafe-inline/.test(policy + csp()), 'never unsafe-inline');
    assert.equal(inlineStyle(html, css, page), html, `${page}: make styles would change nothing`);
  }
  // The check can fail: a stylesheet edited after the pages were written has another hash.
  assert.notEqual(styleHash(`${css} `), hash);
});

test('the embed keeps the shadow root the page wrote: the poster is laid out once, through the page\'s slot', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  await context.addInitScript(() => {
    window.__attached = 0;
    window.__removed = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (...args) { window.__attached++; return attach.apply(this, args); };
    // Parsed, before the deferred element.js runs: from here on, whatever leaves the shadow root.
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const root = document.getElementById('embedded').shadowRoot;
      window.__slot = root?.querySelector('slot');
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.removedNodes) window.__removed.push(node.nodeName);
      }).observe(root, { childList: true });
    });
  });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/district_infographic_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${base}/www/embed.html`);
  await page.waitForFunction(() => document.getElementById('embedded')?.dataset.state === 'loading');
  const loading = await page.evaluate(() => {
    const root = document.getElementById('embedded').shadowRoot;
    const slot = root.querySelector('slot');
    return { same: !!window.__slot && slot === window.__slot, attached: window.__attached, removed: window.__removed.slice(), slotted: slot?.assignedElements().map((e) => e.nodeName) };
  });
  assert.deepEqual(loading, { same: true, attached: 0, removed: [], slotted: ['svg'] },
    'the parser\'s shadow root and slot stay, showing the poster, while the program loads');
  release();
  await page.waitForFunction(() => document.getElementById('embedded').dataset.state === 'ready');
  assert.equal(await page.evaluate(() => document.getElementById('embedded').shadowRoot.querySelector('slot')), null, 'the slot goes with the poster');
  await context.close();
});

test('a src changed while the poster shows drops the poster: it is the first report\'s', async () => {
  const { page, context, errors, release } = await openHeld('www/embed.html');
  assert.ok((await posterBox(page))?.shown);
  await page.evaluate(() => document.getElementById('embedded').setAttribute('src', 'reports/example-2021-q1.json'));
  assert.equal(await posterBox(page), undefined, 'the poster went with the report it showed');
  release();
  await page.waitForFunction(() => document.getElementById('embedded').dataset.state === 'ready');
  assert.notEqual(await page.evaluate(() => document.getElementById('embedded').infographic.title()), '');
  assert.deepEqual(errors, []);
  await context.close();
});
