// The DOM the infographic adds around its canvas: the fallback summary and table inside it, the
// polite live region and the tooltip after it. The wasm imports these functions
// (src/web/dom.rs, src/web/tooltip.rs) and hands them plain strings and numbers: written here,
// they cost the bundle less than the same calls made one by one through web-sys. Text goes in
// as textContent only, styles through the CSSOM, so a strict Content-Security-Policy holds.
// scripts/package.mjs bundles this file into the glue, so that a reader fetches no more files.

/** An element of `tag` with `text` as its text content. */
const element = (tag, text) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
};

/** A header cell of `scope` (col or row). */
const header = (text, scope) => {
  const cell = element('th', text);
  cell.setAttribute('scope', scope);
  return cell;
};

/** Puts `node` right after `reference`, or at the end of the body when `reference` is not in the page. */
const insertAfter = (reference, node) => {
  const parent = reference.parentNode;
  if (parent) parent.insertBefore(node, reference.nextSibling);
  else document.body?.appendChild(node);
};

/**
 * Replaces the canvas' fallback content with the summary and a table of every figure: `cells`
 * holds four strings a row (section, figure, value, comparison), `headings` the four column
 * headings. The summary's id is `key`-summary.
 */
export function fillFallback(canvas, key, summaryText, caption, headings, cells) {
  canvas.textContent = '';
  const summary = element('p', summaryText);
  summary.id = `${key}-summary`;
  canvas.appendChild(summary);
  const table = element('table');
  table.appendChild(element('caption', caption));
  const head = element('thead');
  const headRow = head.appendChild(element('tr'));
  for (const heading of headings) headRow.appendChild(header(heading, 'col'));
  table.appendChild(head);
  const body = element('tbody');
  for (let i = 0; i < cells.length; i += 4) {
    const row = body.appendChild(element('tr'));
    row.append(element('td', cells[i]), header(cells[i + 1], 'row'), element('td', cells[i + 2]), element('td', cells[i + 3]));
  }
  table.appendChild(body);
  canvas.appendChild(table);
  canvas.setAttribute('aria-describedby', summary.id);
}

/** The polite live region that announces the focused mark, hidden from sight, right after the canvas. */
export function liveRegion(canvas, key, style) {
  const live = element('div');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  live.setAttribute('data-infographic-live', key);
  live.style.cssText = style;
  insertAfter(canvas, live);
  return live;
}

/** The tooltip, hidden, right after the canvas: a box of three lines (label, value, comparison). */
export function tooltip(canvas, key, style) {
  const tip = element('div');
  tip.setAttribute('role', 'tooltip');
  tip.setAttribute('aria-hidden', 'true');
  tip.setAttribute('data-infographic-tooltip', key);
  tip.style.cssText = style;
  tip.append(element('div'), element('div'), element('div'));
  // Only the value's line has a style of its own.
  tip.children[1].style.cssText = 'font-weight:700;font-size:15px';
  insertAfter(canvas, tip);
  return tip;
}

/** Writes the three lines (an empty line takes no room). */
const write = (tip, label, value, comparison) => {
  const [first, second, third] = tip.children;
  first.textContent = label;
  second.textContent = value;
  third.textContent = comparison;
};

/** The space kept between the tooltip and the viewport's edges, and between it and its mark. */
const MARGIN = 8;
const GAP = 10;

const clamp = (value, min, max) => Math.min(Math.max(value, min), max);

/**
 * Shows the tooltip of the mark `item` above the mark (below when there is no room above), inside
 * a viewport of `viewWidth` × `viewHeight` CSS pixels. The mark's centre is at `markX`, its
 * top and bottom edges at `markTop` and `markBottom`, in the viewport.
 */
export function showTooltip(tip, item, label, value, comparison, background, color, markX, markTop, markBottom, viewWidth, viewHeight) {
  write(tip, label, value, comparison);
  tip.setAttribute('data-item', item);
  const style = tip.style;
  Object.assign(style, { display: 'block', background, color, left: '0px', top: '0px' });
  // Where its left and top of 0 put it, in the viewport, and how large it shows: a fixed box
  // is placed in the viewport, but in the box of a parent with a CSS transform (a preview
  // scaled to its column) when there is one, and scaled with it.
  const origin = tip.getBoundingClientRect();
  const scale = tip.offsetWidth > 0 ? origin.width / tip.offsetWidth : 1;
  const width = origin.width;
  const height = origin.height;
  const left = clamp(markX - width / 2, MARGIN, Math.max(viewWidth - width - MARGIN, MARGIN));
  const above = markTop - height - GAP;
  const top = above >= MARGIN ? above
    : markBottom + GAP + height <= viewHeight - MARGIN ? markBottom + GAP
    : clamp(markTop + MARGIN, MARGIN, Math.max(viewHeight - height - MARGIN, MARGIN));
  style.left = `${Math.round((left - origin.left) / scale)}px`;
  style.top = `${Math.round((top - origin.top) / scale)}px`;
}

/**
 * Lays the tooltip out once, invisibly, with a mark's text: the browser then has its style,
 * its layout and the Chinese font's glyphs at hand, and the reader's first tap shows the
 * tooltip as fast as later ones.
 */
export function warmTooltip(tip, label, value, comparison) {
  write(tip, label, value, comparison);
  const style = tip.style;
  Object.assign(style, { visibility: 'hidden', display: 'block' });
  void tip.offsetWidth;
  Object.assign(style, { display: 'none', visibility: 'visible' });
}

// The strip of tiles the picture is painted on (src/web/tiles.rs): a block just before the
// canvas, as high as the canvas, which lies over it, transparent. Neither is shown while the
// canvas is `hidden` (a page may hide the canvas until it is drawn: the canvas' inline display
// would otherwise override the attribute), and a canvas moved elsewhere takes its strip along
// at the next paint.
const strips = new WeakMap();

/** A new strip for `canvas`, not yet in the page (placeStrip puts it there). */
export function strip(canvas) {
  const node = element('div');
  node.setAttribute('aria-hidden', 'true');
  Object.assign(node.style, { pointerEvents: 'none', margin: '0', padding: '0', border: '0', overflow: 'hidden' });
  const follow = () => {
    const display = canvas.hidden ? 'none' : 'block';
    node.style.display = display;
    canvas.style.display = display;
  };
  const observer = new MutationObserver(follow);
  observer.observe(canvas, { attributes: true, attributeFilter: ['hidden'] });
  strips.set(node, observer);
  follow();
  return node;
}

/** Puts `node` right before `canvas`, if it is not there already. */
export function placeStrip(canvas, node) {
  if (canvas.previousSibling !== node && canvas.parentNode) canvas.parentNode.insertBefore(node, canvas);
}

// Tiles of removed strips, kept a few seconds for the next infographic (a page or an editor that
// draws again, a report swapped): a tile that is reused keeps its 2D context and, at the same
// size, its backing store, where a new one costs the browser both and the garbage collector the
// old ones (a third of a mount's time, docs/performance.md). Not reused in time, they are
// shrunk to nothing, which gives their memory back.
const spare = [];
const SPARE_TILES = 12;
const SPARE_MS = 5000;
let spareTimer = 0;
const dropSpare = () => {
  spareTimer = 0;
  for (const tile of spare.splice(0)) tile.width = tile.height = 0;
};

/** A tile at the end of the strip: a canvas as wide as the strip, no page style around it. */
export function addTile(node) {
  // First in, first out: a strip of the same picture gets each tile back at its place and size.
  let tile = spare.shift();
  if (!tile) {
    tile = element('canvas');
    Object.assign(tile.style, { display: 'block', width: '100%', margin: '0', padding: '0', border: '0' });
  }
  node.appendChild(tile);
  return tile;
}

/**
 * Takes the strip out of the page and stops following its canvas, whose `display` it takes
 * back (the styles that laid the canvas over the strip are the wasm's to take back).
 */
export function removeStrip(node, canvas) {
  strips.get(node)?.disconnect();
  strips.delete(node);
  node.remove();
  for (const tile of [...node.children]) {
    tile.remove();
    if (spare.length < SPARE_TILES) spare.push(tile);
  }
  if (spare.length && !spareTimer) spareTimer = setTimeout(dropSpare, SPARE_MS);
  canvas.style.removeProperty('display');
}

/**
 * Tells the page that the rows in view show the picture: a `painted` event on the canvas, once
 * the wasm that painted has returned (a listener may call the instance again).
 */
export function announcePainted(canvas) {
  queueMicrotask(() => canvas.dispatchEvent(new Event('painted')));
}

/**
 * The width a canvas that is not laid out (hidden, or not yet shown) will have, in CSS px: its
 * container's content width (a canvas at the top of a shadow root is in its host), 0 if none.
 */
export function containerWidth(canvas) {
  const parent = canvas.parentElement ?? canvas.getRootNode()?.host;
  if (!parent) return 0;
  const style = getComputedStyle(parent);
  return parent.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
}
