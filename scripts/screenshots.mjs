// Screenshots of the demo page with each report at phone and desktop widths (360, 390, 1280,
// 1440), zh and en, light and dark, into screenshots/REPORT-WIDTH-LOCALE-THEME.png.
// Usage: node scripts/screenshots.mjs [--full] [--report NAME] (NAME: showcase, zhongyuan, example, riverside, hillside, qinglan)
import { mkdirSync } from 'node:fs';
import { launch, startServer } from './browser.mjs';

const full = process.argv.includes('--full');
const only = process.argv.includes('--report') ? process.argv[process.argv.indexOf('--report') + 1] : undefined;
// Paths from www/index.html.
const reports = [
  { name: 'showcase', path: '../tests/reports/showcase.json' },
  { name: 'zhongyuan', path: 'reports/zhongyuan-2020-h1.json' },
  { name: 'example', path: 'reports/example-2021-q1.json' },
  { name: 'riverside', path: '../tests/reports/riverside.json' },
  { name: 'hillside', path: '../tests/reports/hillside.json' },
  { name: 'qinglan', path: '../tests/reports/qinglan.json' },
].filter((r) => !only || r.name === only);
const sizes = [
  { width: 360, height: 780, ratio: 2 },
  { width: 390, height: 844, ratio: 3 },
  { width: 1280, height: 900, ratio: 1 },
  { width: 1440, height: 900, ratio: 1 },
];
mkdirSync('screenshots', { recursive: true });
const { server, url } = await startServer();
const browser = await launch();
try {
  for (const report of reports) {
    for (const size of sizes) {
      for (const locale of ['zh', 'en']) {
        for (const theme of ['light', 'dark']) {
          const name = `${report.name}-${size.width}-${locale}-${theme}`;
          const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.ratio });
          page.on('pageerror', (e) => console.error(`${name}: page error: ${e.message}`));
          await page.goto(`${url}/www/index.html?report=${encodeURIComponent(report.path)}&locale=${locale}&theme=${theme}`);
          await page.waitForFunction(() => document.documentElement.dataset.state !== 'loading' && document.documentElement.dataset.state);
          // The rows out of view are painted in later frames: on a busy machine a second was
          // not always enough for a full-page shot.
          await page.waitForTimeout(full ? 3000 : 1000);
          await page.screenshot({ path: `screenshots/${name}.png`, fullPage: full });
          console.log(`screenshots/${name}.png (${await page.evaluate(() => document.documentElement.dataset.state)})`);
          await page.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
