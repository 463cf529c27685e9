// After wasm-pack: adds the custom element to pkg/, minifies the two JavaScript files every
// reader downloads (wasm-bindgen's glue and the element: a third smaller gzipped; the readable
// element is js/element.js, the TypeScript declarations keep the documentation), and completes
// pkg/package.json so that pkg/ is an npm-ready package (wasm-pack writes name, version,
// description, licence, repository and the declarations from Cargo.toml and the doc comments).
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildSync, transformSync } from 'esbuild';
import { minifyImports } from './minify-imports.mjs';

const manifest = JSON.parse(readFileSync('pkg/package.json', 'utf8'));
copyFileSync('js/element.js', 'pkg/element.js');
copyFileSync('js/element.d.ts', 'pkg/element.d.ts');
const glue = minifyImports(readFileSync('pkg/district_infographic_bg.wasm'), readFileSync('pkg/district_infographic.js', 'utf8'), './district_infographic_bg.js');
writeFileSync('pkg/district_infographic_bg.wasm', glue.wasm);
writeFileSync('pkg/district_infographic.js', glue.js);
console.log(`pkg: ${glue.renamed} wasm imports renamed`);
// The glue imports the JavaScript the wasm calls (js/dom.js, which wasm-bindgen copies into
// pkg/snippets/): bundled into the glue, it costs a reader no request of its own, which a
// phone would wait one more round trip for.
const { outputFiles: [bundled] } = buildSync({
  entryPoints: ['pkg/district_infographic.js'], bundle: true, minify: true, format: 'esm', legalComments: 'none', write: false,
});
// V8's explicit compile hint (Chrome 136 on; a comment elsewhere): every function of the file is
// compiled eagerly, on a background thread while it downloads, instead of on the main thread at
// its first call, in the tasks that read, lay out and paint the report.
const EAGER = '//# allFunctionsCalledOnLoad\n';
writeFileSync('pkg/district_infographic.js', EAGER + bundled.text);
rmSync('pkg/snippets', { recursive: true, force: true });
const { code } = transformSync(readFileSync('pkg/element.js', 'utf8'), { minify: true, format: 'esm', legalComments: 'none' });
writeFileSync('pkg/element.js', EAGER + code);
const unbundled = (entry) => entry !== 'snippets' && entry !== './snippets/*';
manifest.files = [...new Set([...(manifest.files ?? []).filter(unbundled), 'element.js', 'element.d.ts'])];
manifest.sideEffects = (manifest.sideEffects ?? []).filter(unbundled);
const entry = manifest.module ?? manifest.main;
manifest.exports = {
  '.': { types: `./${manifest.types}`, default: `./${entry}` },
  './element': { types: './element.d.ts', default: './element.js' },
  './package.json': './package.json',
};
// Importing the element registers it: a side effect bundlers must keep.
manifest.sideEffects = [...new Set([...(manifest.sideEffects ?? []), './element.js'])];
manifest.keywords = ['infographic', 'chart', 'canvas', 'webassembly', 'accessibility', 'government-report'];
writeFileSync('pkg/package.json', `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`pkg/package.json: ${manifest.name}@${manifest.version}, files: ${manifest.files.join(', ')}`);
