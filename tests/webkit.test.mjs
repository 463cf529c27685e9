// The page-level test's core cases in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver,
// under an Xvfb display that scripts/webdriver.mjs starts and stops): the demo ready and drawn at
// a phone's and a desktop's width, a tap that shows and dismisses the tooltip, the embed's
// states, and a bad report's located message. WebKit is the engine of every browser on iOS and
// of WeChat on iOS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../scripts/browser.mjs';
import { WEBKIT, start, openAt, collectErrors, pageErrors, waitFor } from '../scripts/webdriver.mjs';

let server;
let base;
let webkit;
let driver;

before(async () => {
  ({ server, url: base } = await startServer());
  webkit = await start(WEBKIT);
  driver = await webkit.session();
});

after(async () => {
  await webkit?.stop();
  server?.close();
});

/** Opens the demo with `query` at `width` CSS pixels; resolves once data-state is set. */
async function open(query = '', { width = 1280, height = 844 } = {}) {
  await openAt(driver, `${base}/www/index.html${query}`, { width, height });
  await collectErrors(driver);
  await waitFor(driver, "return ['ready', 'error'].includes(document.documentElement.dataset.state)", { message: 'data-state' });
  await driver.executeAsyncScript('requestAnimationFrame(() => requestAnimationFrame(arguments[0]))');
  return driver.executeScript('return document.documentElement.dataset.state');
}

/** How many distinct colours the demo's canvas shows (a blank one has one). */
function colours() {
  // The picture lies on the tiles of the strip before the canvas (src/web/tiles.rs).
  return driver.executeScript(`const tiles = [...document.getElementById('infographic').previousElementSibling.children];
    const canvas = document.createElement('canvas');
    canvas.width = tiles[0].width;
    canvas.height = tiles.reduce((sum, tile) => sum + tile.height, 0);
    let top = 0;
    for (const tile of tiles) { if (tile.height) canvas.getContext('2d').drawImage(tile, 0, top); top += tile.height; }
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, Math.min(canvas.height, 2000)).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;`);
}

for (const [name, width] of [['phone', 390], ['desktop', 1280]]) {
  test(`WebKit: the demo draws the whole report on a ${name} (${width}px)`, async () => {
    assert.equal(await open('', { width }), 'ready');
    assert.equal(await driver.executeScript('return innerWidth'), width, 'the viewport has the width asked for');
    assert.ok(await colours() > 50, 'the canvas is not blank');
    const size = await driver.executeScript(`const c = document.getElementById('infographic');
      return { width: c.previousElementSibling.firstElementChild.width, css: c.getBoundingClientRect().width, ratio: devicePixelRatio };`);
    assert.equal(size.width, Math.round(size.css * size.ratio), 'backing store is CSS size times the ratio');
    assert.ok(Math.abs(size.css - width) <= 1, `the canvas spans the page, got ${size.css}px`);
    const items = await driver.executeScript('return window.infographic.items()');
    for (const id of ['gdp', 'tertiary', 'budget-revenue', 'industry', 'fixed-investment', 'retail', 'good-air-days', 'compounds-done', 'parking-spaces', 'new-jobs', 'volunteers', 'funds-raised']) {
      assert.ok(items.some((i) => i.id === id && i.unit), `items() has ${id} with its unit`);
    }
    assert.deepEqual(await pageErrors(driver), []);
  });
}

/** The tooltip's text if it shows, else null. */
function tooltip() {
  return driver.executeScript(`const tip = document.querySelector('[role=tooltip]');
    return tip && getComputedStyle(tip).display !== 'none' && getComputedStyle(tip).visibility !== 'hidden' ? tip.textContent : null;`);
}

/** A press and release of the primary pointer at viewport point (x, y). */
function tap(x, y) {
  return driver.actions({ async: true }).move({ origin: 'viewport', x: Math.round(x), y: Math.round(y) }).press().release().perform();
}

test('WebKit: a tap shows the tooltip, a tap elsewhere dismisses it', async () => {
  assert.equal(await open(''), 'ready');
  const { item, box } = await driver.executeScript(`const item = window.infographic.items().find((i) => i.id === 'gdp');
    const box = document.getElementById('infographic').getBoundingClientRect();
    return { item, box: { x: box.x, y: box.y } };`);
  await tap(box.x + item.x + item.width / 2, box.y + item.y + item.height / 2);
  const shown = await driver.wait(tooltip, 5000, 'the tooltip shows');
  assert.match(shown, /地区生产总值.*317\.8亿元/);
  // The page's header bar, outside the canvas.
  await tap(5, 5);
  await driver.wait(async () => await tooltip() === null, 5000, 'the tooltip is dismissed');
  assert.deepEqual(await pageErrors(driver), []);
});

test('WebKit: a bad report shows the located error on the page', async () => {
  assert.equal(await open('?report=../tests/fixtures/bad-value.json'), 'error');
  const status = await driver.executeScript("return document.getElementById('status').textContent");
  assert.match(status, /sections\[0\]\.figures\[0\]\.value: 应为数字,实际是 "abc"/);
});

/**
 * Adds a <district-infographic> with `attributes` to the embed page; resolves to every
 * data-state it went through, the events it sent and its text once it is ready or failed.
 */
function embed(attributes) {
  return driver.executeAsyncScript(`const [attributes, done] = arguments;
    const element = document.createElement('district-infographic');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    const states = [];
    new MutationObserver(() => states.push(element.dataset.state)).observe(element, { attributes: true, attributeFilter: ['data-state'] });
    const events = [];
    const finish = (event) => {
      events.push(event.type);
      // The observer's records arrive as a microtask after the attribute is set.
      queueMicrotask(() => done({ states, events, text: element.shadowRoot.textContent, width: element.getBoundingClientRect().width,
        canvas: element.shadowRoot.querySelector('canvas[role]')?.getBoundingClientRect().width ?? 0,
        items: element.infographic?.items().length ?? 0 }));
    };
    element.addEventListener('ready', finish);
    element.addEventListener('error', finish);
    document.querySelector('main').append(element);`, attributes);
}

test("WebKit: the embed goes from loading to ready, or to an error state with a plain message", async () => {
  await openAt(driver, `${base}/www/embed.html`, { width: 1280, height: 844 });
  await collectErrors(driver);
  await waitFor(driver, "return ['ready', 'error'].includes(document.getElementById('embedded')?.dataset.state)", { message: 'the embed' });
  assert.equal(await driver.executeScript("return document.getElementById('embedded').dataset.state"), 'ready');

  const ready = await embed({ src: 'reports/example-2021-q1.json', locale: 'en' });
  assert.deepEqual(ready.states, ['loading', 'ready']);
  assert.deepEqual(ready.events, ['ready']);
  assert.ok(ready.items > 10, `${ready.items} marks`);
  assert.equal(ready.canvas, ready.width, 'the canvas spans the element');

  for (const [attributes, message] of [
    [{ src: 'reports/missing.json' }, /报告文件无法下载\(404\)/],
    [{ src: '../tests/fixtures/bad-value.json' }, /sections\[0\]\.figures\[0\]\.value/],
  ]) {
    const failed = await embed(attributes);
    assert.deepEqual(failed.states, ['loading', 'error'], JSON.stringify(attributes));
    assert.deepEqual(failed.events, ['error']);
    assert.match(failed.text, /图表暂时无法显示/);
    assert.match(failed.text, message);
  }
  // A 404 is logged by the browser itself, not by the page: only the page's own errors count.
  assert.deepEqual(await pageErrors(driver), []);
});

// 412: the embed's first width class; 360: its second (a poster of its own).
for (const width of [412, 360]) test(`WebKit at ${width}px: the embed page's poster has the size of the canvas that takes its place`, async () => {
  await openAt(driver, `${base}/www/embed.html`, { width, height: 844 });
  await collectErrors(driver);
  await waitFor(driver, "return document.getElementById('embedded')?.dataset.state === 'ready'", { message: 'the embed' });
  // The poster as the page was served (the element drops it once the canvas has drawn), in a box
  // of the element's width: WebKit sizes it by its attributes alone, as before any script.
  const sizes = await driver.executeAsyncScript(`const done = arguments[0];
    const element = document.getElementById('embedded');
    fetch(location.href).then((r) => r.text()).then((html) => {
      const width = element.getBoundingClientRect().width;
      const served = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('svg[data-poster]')]
        .find((poster) => { const [min, max] = poster.dataset.widths.split(' ').map(Number); return width >= min && width <= max; });
      const box = document.createElement('div');
      element.after(box);
      box.append(document.importNode(served, true));
      const poster = box.firstElementChild.getBoundingClientRect();
      const canvas = element.shadowRoot.querySelector('canvas[role]').getBoundingClientRect();
      done({ poster: [poster.width, poster.height], canvas: [canvas.width, canvas.height], left: !!element.querySelector('svg[data-poster]') });
    });`);
  assert.deepEqual(sizes.poster, sizes.canvas, 'the same box');
  assert.equal(sizes.left, false, 'the poster is gone from the element once the canvas drew');
  assert.deepEqual(await pageErrors(driver), []);
});
