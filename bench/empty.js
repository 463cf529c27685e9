const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
await painted(); window.cold = performance.now();
