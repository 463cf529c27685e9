// The floor under every cold first paint: a page with a module script and nothing to draw.
import { painted } from './scene.mjs';

await painted();
window.bench = { coldPaint: performance.now() };
