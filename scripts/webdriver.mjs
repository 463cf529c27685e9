// WebDriver glue for the page tests in engines other than Chromium: starts a display (Xvfb) when
// the browser needs one and the browser's WebDriver server on a free port, opens sessions with
// selenium-webdriver, and stops everything it started, also when a test fails.
//
//   import { WEBKIT, start } from '../scripts/webdriver.mjs';
//   const server = await start(WEBKIT);          // Xvfb + WebKitWebDriver
//   const driver = await server.session();       // a selenium-webdriver WebDriver
//   ...; await driver.quit(); await server.stop();
//
// As a command it runs another command beside a running server, with SAFARIDRIVER_REMOTE (and
// WEBDRIVER_URL) set to it, which is how wasm-bindgen-test-runner reaches WebKitWebDriver:
//
//   node scripts/webdriver.mjs webkit -- cargo test --target wasm32-unknown-unknown --test web
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Builder } from 'selenium-webdriver';

/**
 * WebKitGTK, the engine of Safari, of every browser on iOS and of WeChat on iOS. Its driver
 * starts MiniBrowser, which has no headless mode: it needs an X display (Xvfb).
 */
export const WEBKIT = {
  name: 'WebKit',
  driver: process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver',
  needsDisplay: true,
  capabilities: {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': {
      binary: process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      args: ['--automation'],
    },
  },
  // wasm-bindgen-test-runner's name for a remote server it should use as it uses safaridriver.
  runnerVariable: 'SAFARIDRIVER_REMOTE',
};

/** Firefox through geckodriver (`make setup` installs both); headless, so no display. */
export const FIREFOX = {
  name: 'Firefox',
  driver: process.env.GECKODRIVER ?? 'geckodriver',
  needsDisplay: false,
  capabilities: { browserName: 'firefox', 'moz:firefoxOptions': { args: ['-headless'] } },
  runnerVariable: 'GECKODRIVER_REMOTE',
};

export const BROWSERS = { webkit: WEBKIT, firefox: FIREFOX };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spawns `command` in a process group of its own, so that stopping it also stops what it
 * started (the driver's browser and the browser's web processes), and nothing else.
 */
function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...options });
  let errors = '';
  child.stderr?.on('data', (chunk) => { errors = (errors + chunk).slice(-4000); });
  child.output = () => errors;
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  return { child, stop };
}

/** Starts Xvfb on the first free display (it picks and reports it); resolves to { display, stop }. */
export function startXvfb({ screen = '1440x1000x24' } = {}) {
  const { child, stop } = spawnGroup('Xvfb', ['-displayfd', '3', '-screen', '0', screen, '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let number = '';
    const timer = setTimeout(() => { stop(); reject(new Error(`Xvfb did not report a display: ${child.output()}`)); }, 15000);
    child.once('error', (error) => { clearTimeout(timer); reject(new Error(`cannot start Xvfb (make setup installs it): ${error.message}`)); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${child.output()}`)); });
    child.stdio[3].on('data', (chunk) => {
      number += chunk;
      if (!number.includes('\n')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ display: `:${number.trim()}`, stop });
    });
  });
}

/** A TCP port that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Waits until the driver at `url` answers /status as ready. */
async function waitReady(url, child, seconds = 20) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the driver exited (${child.exitCode}): ${child.output()}`);
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value?.ready) return;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error(`the driver did not become ready at ${url}: ${child.output()}`);
}

/**
 * Starts `browser`'s WebDriver server (and Xvfb first when it needs a display). Resolves to
 * { url, display, session(), stop() }; `session()` opens a selenium-webdriver session with the
 * browser's capabilities, `stop()` ends the sessions opened through it, the driver and Xvfb.
 */
export async function start(browser) {
  const stops = [];
  const stopAll = () => { for (const stop of stops.splice(0).reverse()) stop(); };
  process.once('exit', stopAll);
  try {
    let display = process.env.DISPLAY;
    if (browser.needsDisplay) {
      const xvfb = await startXvfb();
      display = xvfb.display;
      stops.push(xvfb.stop);
    }
    const port = await freePort();
    const driver = spawnGroup(browser.driver, [`--port=${port}`], { env: { ...process.env, ...(display ? { DISPLAY: display } : {}) } });
    stops.push(driver.stop);
    await new Promise((resolve, reject) => {
      driver.child.once('spawn', resolve);
      driver.child.once('error', (error) => reject(new Error(`cannot start ${browser.driver} (make setup installs it): ${error.message}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    await waitReady(url, driver.child);
    const sessions = new Set();
    return {
      url,
      display,
      async session() {
        const session = await new Builder().usingServer(url).withCapabilities(browser.capabilities).build();
        sessions.add(session);
        const quit = session.quit.bind(session);
        session.quit = async () => { sessions.delete(session); await quit(); };
        return session;
      },
      async stop() {
        await Promise.allSettled([...sessions].map((session) => session.quit()));
        process.off('exit', stopAll);
        stopAll();
      },
    };
  } catch (error) {
    process.off('exit', stopAll);
    stopAll();
    throw error;
  }
}

/**
 * Opens `url` in a viewport `width` x `height` CSS pixels. The window is sized so that its
 * inner size is that; a width below the browser window's minimum (MiniBrowser's is 447 px,
 * its toolbar's) is had from an iframe of that size in tests/viewport.html on the same origin,
 * and the session is switched into it. Either way scripts then run in the page at that width.
 */
export async function openAt(driver, url, { width, height }) {
  const window = driver.manage().window();
  await driver.switchTo().defaultContent();
  await window.setRect({ width, height });
  const [innerWidth, innerHeight, outer] = await driver.executeScript('return [innerWidth, innerHeight, outerHeight]');
  await window.setRect({ width: width + (width - innerWidth), height: height + (outer - innerHeight) });
  if (await driver.executeScript('return innerWidth') === width) {
    await driver.get(url);
    return;
  }
  await window.setRect({ width: Math.max(width + 100, 800), height: height + 200 });
  await driver.get(new URL('/tests/viewport.html', url).href);
  const frame = await driver.executeAsyncScript(`const [url, width, height, done] = arguments;
    const frame = document.getElementById('viewport');
    frame.width = width;
    frame.height = height;
    frame.addEventListener('load', () => done(frame), { once: true });
    frame.src = url;`, url, width, height);
  await driver.switchTo().frame(frame);
}

/** Starts collecting the page's uncaught errors, rejections and console.error calls. */
export function collectErrors(driver) {
  return driver.executeScript(`if (window.pageErrors) return;
    const errors = window.pageErrors = [];
    addEventListener('error', (event) => errors.push('page error: ' + event.message));
    addEventListener('unhandledrejection', (event) => errors.push('unhandled rejection: ' + (event.reason?.message ?? event.reason)));
    const original = console.error;
    console.error = (...args) => { errors.push('console: ' + args.join(' ')); original.apply(console, args); };`);
}

/** The errors collected since collectErrors(). */
export function pageErrors(driver) {
  return driver.executeScript('return window.pageErrors ?? []');
}

/** Waits until `script` (a function body) returns something truthy in the page; returns it. */
export async function waitFor(driver, script, { timeout = 15000, message = script, args = [] } = {}) {
  return driver.wait(() => driver.executeScript(script, ...args), timeout, `timed out waiting for: ${message}`);
}

/** Runs `command` while `browser`'s server runs; resolves to the command's exit code. */
export async function runWith(browser, command, args) {
  const server = await start(browser);
  const env = { ...process.env, [browser.runnerVariable]: server.url, WEBDRIVER_URL: server.url };
  if (server.display) env.DISPLAY = server.display;
  console.log(`[webdriver] ${browser.name}: ${browser.driver} at ${server.url}${server.display ? ` on display ${server.display}` : ''}`);
  const child = spawn(command, args, { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise((resolve) => {
    child.once('error', (error) => { console.error(`[webdriver] ${error.message}`); resolve(127); });
    child.once('exit', (status, signal) => resolve(status ?? (signal ? 128 : 1)));
  });
  await server.stop();
  return code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [name, separator, command, ...args] = process.argv.slice(2);
  const browser = BROWSERS[name];
  if (!browser || separator !== '--' || !command) {
    console.error(`usage: node scripts/webdriver.mjs ${Object.keys(BROWSERS).join('|')} -- COMMAND [ARGS...]`);
    process.exit(2);
  }
  process.exit(await runWith(browser, command, args));
}
