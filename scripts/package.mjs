// After wasm-pack: adds the custom element to pkg/ and completes pkg/package.json so that pkg/
// is an npm-ready package (wasm-pack writes name, version, description, licence, repository
// and the TypeScript declarations from Cargo.toml and the doc comments).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('pkg/package.json', 'utf8'));
copyFileSync('js/element.js', 'pkg/element.js');
copyFileSync('js/element.d.ts', 'pkg/element.d.ts');
manifest.files = [...new Set([...(manifest.files ?? []), 'element.js', 'element.d.ts'])];
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
