// Screenshots of the demo page at phone and desktop widths, light and dark, zh and en, into
// screenshots/. Usage: node scripts/screenshots.mjs [--full]
import { mkdirSync } from 'node:fs';
import { launch, startServer } from './browser.mjs';

const full = process.argv.includes('--full');
const shots = [
  { name: 'phone-390-zh-light', width: 390, height: 844, ratio: 3, locale: 'zh', theme: 'light' },
  { name: 'phone-360-zh-light', width: 360, height: 780, ratio: 2, locale: 'zh', theme: 'light' },
  { name: 'phone-390-en-dark', width: 390, height: 844, ratio: 3, locale: 'en', theme: 'dark' },
  { name: 'desktop-1280-zh-light', width: 1280, height: 900, ratio: 1, locale: 'zh', theme: 'light' },
  { name: 'desktop-1440-en-dark', width: 1440, height: 900, ratio: 1, locale: 'en', theme: 'dark' },
  { name: 'desktop-1440-zh-dark', width: 1440, height: 900, ratio: 1, locale: 'zh', theme: 'dark' },
  { name: 'phone-390-en-light', width: 390, height: 844, ratio: 3, locale: 'en', theme: 'light' },
];
mkdirSync('screenshots', { recursive: true });
const { server, url } = await startServer();
const browser = await launch();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: shot.ratio });
    page.on('pageerror', (e) => console.error(`${shot.name}: page error: ${e.message}`));
    await page.goto(`${url}/www/index.html?locale=${shot.locale}&theme=${shot.theme}`);
    await page.waitForFunction(() => document.documentElement.dataset.state !== 'loading' && document.documentElement.dataset.state);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `screenshots/${shot.name}.png`, fullPage: full });
    console.log(`screenshots/${shot.name}.png (${await page.evaluate(() => document.documentElement.dataset.state)})`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
