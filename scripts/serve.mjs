// A static file server for the repo, on loopback only, with the demo's security headers. It
// compresses what it sends as every web server does: gzip, or brotli with --brotli (for a
// browser that accepts it; node:zlib has both), each compressed body kept in memory until its
// file changes. Files under 1 KB and files already compressed (images, fonts, archives) go as
// they are.
// Usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 8080] [--brotli | --no-compression]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { currentStyleHash } from './inline-style.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8', '.ts': 'text/plain; charset=utf-8',
};
/** Types worth compressing: text and wasm. Images, fonts and archives are compressed already. */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.md', '.ts', '.map']);
/** Below this size a compressed body saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 1024;
/**
 * The policy sent with every file. Styles: files from here, and the demo's and embed page's one
 * inline <style> (www/style.css, inlined by `make styles`) by its hash, read per request so that
 * an edited stylesheet needs no restart; never 'unsafe-inline'.
 */
export const csp = () => "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
  `style-src 'self' ${currentStyleHash()}; ` +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

const encoders = {
  gzip: (body) => gzipSync(body, { level: 9 }),
  br: (body) => brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }),
};

/** Which encodings a request accepts (q=0 refuses one). */
function accepted(header = '') {
  const names = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  return names;
}

/**
 * Starts the server; resolves to { server, url, compression } once it listens.
 * `compression`: 'gzip' (the default), 'brotli' (br when the browser accepts it, else gzip) or
 * 'none'.
 */
export function serve({ host = '127.0.0.1', port = 8080, compression = 'gzip' } = {}) {
  if (!['gzip', 'brotli', 'none'].includes(compression)) throw new Error(`compression: gzip, brotli or none, not ${compression}`);
  const offered = { gzip: ['gzip'], brotli: ['br', 'gzip'], none: [] }[compression];
  /** file + encoding → { mtimeMs, size, body }: each body compressed once while its file is unchanged. */
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      let file = join(root, path);
      if (!file.startsWith(root)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const ext = extname(file);
      const headers = {
        'Content-Type': types[ext] ?? 'application/octet-stream',
        'Content-Security-Policy': csp(),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      };
      let body;
      const canCompress = offered.length > 0 && compressible.has(ext) && info.size >= MIN_COMPRESS_BYTES;
      if (canCompress) {
        // The answer depends on the request's Accept-Encoding, whichever way it goes.
        headers.Vary = 'Accept-Encoding';
        const accepts = accepted(req.headers['accept-encoding']);
        const encoding = offered.find((name) => accepts.has(name));
        if (encoding) {
          const key = `${encoding} ${file}`;
          let cached = cache.get(key);
          if (!cached || cached.mtimeMs !== info.mtimeMs || cached.size !== info.size) {
            cached = { mtimeMs: info.mtimeMs, size: info.size, body: encoders[encoding](await readFile(file)) };
            cache.set(key, cached);
          }
          body = cached.body;
          headers['Content-Encoding'] = encoding;
        }
      }
      body ??= await readFile(file);
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR' ? 404 : 500, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      done({ server, url: `http://${host}:${bound}`, compression });
    });
  });
}

/** One line for a server's start: what it compresses, and how. */
export const describeCompression = (compression) => ({
  gzip: `Compression: gzip for text and wasm of ${MIN_COMPRESS_BYTES} bytes or more (--brotli for br when the browser accepts it)`,
  brotli: `Compression: brotli when the browser accepts it, else gzip, for text and wasm of ${MIN_COMPRESS_BYTES} bytes or more`,
  none: 'Compression: off (--no-compression)',
}[compression]);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const compression = process.argv.includes('--no-compression') ? 'none' : process.argv.includes('--brotli') ? 'brotli' : 'gzip';
  const { url } = await serve({ host: arg('host', '127.0.0.1'), port: Number(arg('port', 8080)), compression });
  console.log(`Demo:   ${url}/www/index.html`);
  console.log(`Editor: ${url}/www/editor.html`);
  console.log(`Embed:  ${url}/www/embed.html`);
  console.log(describeCompression(compression));
  console.log('Press Ctrl+C to stop.');
}
