// Shortens the names of the wasm's imports from its JavaScript glue. wasm-bindgen names each
// import after the function and a 16-digit hash (__wbg_fillRect_e1f0b9915220348b), once in the
// wasm and once in the glue, and repeats the module's name (./district_infographic_bg.js) for
// every import: about 4 KB gzipped that no reader needs. binaryen's --minify-imports only
// renames imports from "env", so this rewrites the import section itself and the glue's import
// object, and fails unless the glue has each name exactly once, as an object key.

/** Reads an unsigned LEB128 at `offset`: [value, next offset]. */
function readU32(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, offset];
  }
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const utf8 = new TextDecoder();
const encode = (text) => new TextEncoder().encode(text);

/** The offset after an import's description (function, table, memory, global or tag). */
function skipDescription(bytes, offset) {
  const kind = bytes[offset++];
  const limits = (at) => {
    const flags = bytes[at++];
    [, at] = readU32(bytes, at);
    if (flags & 1) [, at] = readU32(bytes, at);
    return at;
  };
  switch (kind) {
    case 0: return readU32(bytes, offset)[1];
    case 1: return limits(offset + 1);
    case 2: return limits(offset);
    case 3: return offset + 2;
    case 4: return readU32(bytes, offset + 1)[1];
    default: throw new Error(`wasm import of unknown kind ${kind}`);
  }
}

/** A short name for the n-th import: a, b, …, z, A, …, Z, a0, … */
function shortName(n) {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rest = `${first}0123456789`;
  let name = first[n % first.length];
  for (n = Math.floor(n / first.length); n > 0; n = Math.floor(n / rest.length)) name += rest[n % rest.length];
  return name;
}

/** Replaces the one object key `name` in `js` with `short`; fails unless there is exactly one. */
function renameKey(js, name, short) {
  const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const key = new RegExp(`(?<![\\w$])(["']?)${quoted}\\1(?=\\s*:)`, 'g');
  const found = js.match(key)?.length ?? 0;
  if (found !== 1) throw new Error(`the glue has the import key ${name} ${found} times, not once`);
  return js.replace(key, short);
}

/**
 * Renames `module` to `short` and each of its imports to a letter or two, in `wasm` (a
 * Uint8Array) and in the glue's source `js`. Returns { wasm, js, renamed }.
 */
export function minifyImports(wasm, js, module, short = 'm') {
  if (utf8.decode(wasm.subarray(0, 4)) !== '\0asm') throw new Error('not a wasm module');
  const out = [wasm.subarray(0, 8)];
  const renames = new Map();
  let offset = 8;
  while (offset < wasm.length) {
    const id = wasm[offset];
    const [size, start] = readU32(wasm, offset + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(wasm.subarray(offset, end));
      offset = end;
      continue;
    }
    let [count, at] = readU32(wasm, start);
    const body = writeU32(count);
    while (count--) {
      let length;
      [length, at] = readU32(wasm, at);
      const moduleName = utf8.decode(wasm.subarray(at, at + length));
      at += length;
      [length, at] = readU32(wasm, at);
      let name = utf8.decode(wasm.subarray(at, at + length));
      at += length;
      const description = wasm.subarray(at, (at = skipDescription(wasm, at)));
      if (moduleName === module) {
        if (!renames.has(name)) renames.set(name, shortName(renames.size));
        name = renames.get(name);
      }
      for (const text of [moduleName === module ? short : moduleName, name]) {
        const bytes = encode(text);
        body.push(...writeU32(bytes.length), ...bytes);
      }
      body.push(...description);
    }
    if (at !== end) throw new Error('wasm import section: unexpected length');
    out.push(Uint8Array.from([2, ...writeU32(body.length), ...body]));
    offset = end;
  }
  if (!renames.size) throw new Error(`the wasm has no imports from ${module}`);
  js = renameKey(js, module, short);
  for (const [name, letters] of renames) js = renameKey(js, name, letters);
  return { wasm: Buffer.concat(out), js, renamed: renames.size };
}
