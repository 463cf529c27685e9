// Shared by the page test, the screenshots and the benchmark: Debian's Chromium, started with
// the flags that work as root on a closed network (playwright gives each launch a fresh
// profile), and the repo's static server.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * `gpu`: a GPU process on SwiftShader, Chromium's software GPU, as on a phone, where canvas
 * drawing is recorded on the main thread and rasterised by the GPU. Without it, the canvas is
 * rasterised on the main thread (`--disable-gpu`).
 */
export async function launch({ gpu = false } = {}) {
  const graphics = gpu ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] : ['--disable-gpu'];
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', ...graphics, '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
}

export async function startServer() {
  return serve({ host: '127.0.0.1', port: 0 });
}
