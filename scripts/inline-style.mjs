// www/style.css goes into the demo's and the embed page's <head> as an inline <style>, so that the
// first paint does not wait for one more round trip (a linked stylesheet blocks rendering). The
// pages' Content-Security-Policy allows that one block by its SHA-256 hash, never by
// 'unsafe-inline': this script writes the hash into each page's meta policy, and scripts/serve.mjs
// puts the hash of www/style.css into its header. style.css stays the file to edit; run
// `make styles` afterwards (tests/page.test.mjs fails on a page whose copy or hash is stale, and
// a stale copy would be refused by the browser, not applied).
// Usage: node scripts/inline-style.mjs [--check]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
export const STYLE = 'www/style.css';
export const PAGES = ['www/index.html', 'www/embed.html'];
const read = (path) => readFileSync(new URL(path, root), 'utf8');

/** The CSP source that allows exactly `css` as an inline <style>'s text. */
export const styleHash = (css) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

/** The stylesheet's hash, read now (serve.mjs asks per request: an edit needs no restart). */
export const currentStyleHash = () => styleHash(read(STYLE));

const BLOCK = /<style>[\s\S]*?<\/style>|<link rel="stylesheet" href="style\.css">/;

/** `html` with `css` as its inline <style> (in place of the old one or of the link) and its hash in the meta CSP. */
export function inlineStyle(html, css, page = 'page') {
  if (!BLOCK.test(html)) throw new Error(`${page}: no <style> block or <link rel="stylesheet" href="style.css"> to replace`);
  const policy = /(<meta http-equiv="Content-Security-Policy" content="[^"]*style-src 'self')((?: 'sha256-[A-Za-z0-9+/=]+')*)/;
  if (!policy.test(html)) throw new Error(`${page}: no meta Content-Security-Policy with style-src 'self'`);
  // A function as the replacement: the stylesheet's text is taken as it is, `$` included.
  return html.replace(BLOCK, () => `<style>${css}</style>`).replace(policy, (_, head) => `${head} ${styleHash(css)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const css = read(STYLE);
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const page of PAGES) {
    const html = read(page);
    const next = inlineStyle(html, css, page);
    if (next === html) continue;
    if (check) {
      console.error(`${page}: its inline style or CSP hash is not ${STYLE}'s (run make styles)`);
      stale += 1;
    } else {
      writeFileSync(new URL(page, root), next);
      console.log(`${page}: ${STYLE} inlined, CSP ${styleHash(css)}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
