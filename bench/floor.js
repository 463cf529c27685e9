// The floor under every mount: a canvas of the scene's area at the page's pixel ratio, given
// its first pixel. The browser allocates and clears the backing store then, whatever draws.
import { WIDTH, painted } from './scene.mjs';

const height = Number(new URLSearchParams(location.search).get('height') ?? 1277);
const host = document.getElementById('host');

function mount() {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(WIDTH * devicePixelRatio);
  canvas.height = Math.round(height * devicePixelRatio);
  canvas.style.width = `${WIDTH}px`;
  host.append(canvas);
  canvas.getContext('2d').fillRect(0, 0, 1, 1);
  return canvas;
}

mount().remove();
await painted();
window.bench = {
  coldPaint: performance.now(),
  /** `runs` mounts of a blank canvas, each after a painted frame; ms each. */
  async floor(runs) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const canvas = mount();
      times.push(performance.now() - start);
      await painted();
      canvas.remove();
      await painted();
    }
    return times;
  },
};
