// Shared by the page test, the screenshots and the benchmark: Debian's Chromium, started with
// the flags that work as root on a closed network (playwright gives each launch a fresh
// profile), and the repo's static server.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
}

export async function startServer() {
  return serve({ host: '127.0.0.1', port: 0 });
}
