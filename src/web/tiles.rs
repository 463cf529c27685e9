//! The canvases the picture is painted on. The page's canvas stays the infographic's element
//! (focusable, labelled, holding the fallback table, hit by the pointer, its box the scene's)
//! but draws nothing: it lies, transparent, over a strip of tiles placed just before it, each
//! tile a canvas at most [`TILE_CSS`] high.
//!
//! Why: one canvas as tall as a long report passes the GPU's largest texture (8192 device
//! pixels on SwiftShader and on many phones; the seed report at a ratio of 1.75 is 8307). The
//! browser then keeps it in memory and sends it whole again at every change, so each band of
//! rows painted after the first screen was a long task whatever its height, and creating that
//! backing store was a fifth of the first paint (docs/performance.md). Tiles keep every backing
//! store small, and a tile costs what its rows cost.
//!
//! Rows are counted in the device pixels of the whole picture: tile `k` holds rows
//! `k * rows` to `(k + 1) * rows`, and a paint is given each tile's context translated so
//! that it draws in those coordinates.

use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

use crate::format::plain_number;

/// The most CSS pixels a tile is high.
pub const TILE_CSS: f64 = 512.0;

#[wasm_bindgen(module = "/js/dom.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = strip)]
    fn strip_js(canvas: &HtmlCanvasElement) -> Result<HtmlElement, JsValue>;
    #[wasm_bindgen(js_name = placeStrip)]
    fn place_js(canvas: &HtmlCanvasElement, strip: &HtmlElement);
    #[wasm_bindgen(catch, js_name = addTile)]
    fn add_tile_js(strip: &HtmlElement) -> Result<HtmlCanvasElement, JsValue>;
    #[wasm_bindgen(js_name = removeStrip)]
    fn remove_js(strip: &HtmlElement, canvas: &HtmlCanvasElement);
}

struct Tile {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// The picture's rows it holds, from and to.
    top: u32,
    bottom: u32,
}

/// The tiles, and the picture's size in device pixels.
pub struct Strip {
    element: HtmlElement,
    tiles: Vec<Tile>,
    size: (u32, u32),
    /// The `lang` attribute the strip was given.
    language: &'static str,
}

impl Strip {
    /// A strip for `canvas`, with no tile yet, not in the page until [`Self::place`].
    pub fn new(canvas: &HtmlCanvasElement) -> Result<Strip, JsValue> {
        Ok(Strip { element: strip_js(canvas)?, tiles: Vec::new(), size: (0, 0), language: "" })
    }

    /// The whole picture's width and height in device pixels.
    pub fn size(&self) -> (u32, u32) {
        self.size
    }

    /// Puts the strip before `canvas` in the page, where it is not already.
    pub fn place(&self, canvas: &HtmlCanvasElement) {
        place_js(canvas, &self.element);
    }

    /// Sizes the tiles for a picture of `width` × `height` device pixels shown `css_height` CSS
    /// pixels high, about `ratio` device pixels per CSS pixel, which clears every tile. Returns
    /// whether it did (not when nothing changed). `None` when a tile gives no 2D context.
    pub fn resize(&mut self, width: u32, height: u32, css_height: f64, ratio: f64) -> Result<Option<bool>, JsValue> {
        if self.size == (width, height) && !self.tiles.is_empty() {
            return Ok(Some(false));
        }
        let rows = ((TILE_CSS * ratio).round() as u32).max(1);
        let count = height.div_ceil(rows).max(1) as usize;
        while self.tiles.len() > count {
            if let Some(tile) = self.tiles.pop() {
                tile.canvas.remove();
            }
        }
        while self.tiles.len() < count {
            let canvas = add_tile_js(&self.element)?;
            let Some(context) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()) else {
                return Ok(None);
            };
            self.tiles.push(Tile { canvas, context, top: 0, bottom: 0 });
        }
        let css_per_row = css_height / f64::from(height.max(1));
        for (k, tile) in self.tiles.iter_mut().enumerate() {
            tile.top = k as u32 * rows;
            tile.bottom = (tile.top + rows).min(height);
            let held = tile.bottom - tile.top;
            if tile.canvas.width() == width && tile.canvas.height() == held {
                // A tile taken back from an earlier strip at the same size (js/dom.js) keeps its
                // backing store: setting its size again would make the browser discard and
                // allocate it anew (a sixth of a mount). Its context's state is the default
                // again after every paint (save and restore): only its pixels are cleared.
                tile.context.clear_rect(0.0, 0.0, f64::from(width), f64::from(held));
            } else {
                tile.canvas.set_width(width);
                tile.canvas.set_height(held);
            }
            let css = f64::from(held) * css_per_row;
            tile.canvas.style().set_property("height", &[plain_number(css, 3).as_str(), "px"].concat())?;
        }
        self.size = (width, height);
        Ok(Some(true))
    }

    /// Sets the tiles' language, which picks the CJK glyphs' regional forms as the canvas'
    /// own `lang` would; before a paint.
    pub fn set_language(&mut self, tag: &'static str) -> Result<(), JsValue> {
        if self.language != tag {
            self.element.set_attribute("lang", tag)?;
            self.language = tag;
        }
        Ok(())
    }

    /// Sets a property of the strip's style.
    pub fn style(&self, name: &str, value: &str) -> Result<(), JsValue> {
        self.element.style().set_property(name, value)
    }

    /// Runs `paint` on every tile that the rows from `top` to `bottom` reach, with its context
    /// translated to the whole picture's device pixels and clipped to those rows, given the
    /// rows it covers there (from, to). Stops at the first failure.
    pub fn paint<E>(&self, top: u32, bottom: u32, mut paint: impl FnMut(&CanvasRenderingContext2d, f64, f64) -> Result<(), E>) -> Result<(), E> {
        let width = f64::from(self.size.0);
        for tile in self.tiles.iter().filter(|t| t.top < bottom && top < t.bottom) {
            let (from, to) = (f64::from(top.max(tile.top)), f64::from(bottom.min(tile.bottom)));
            let context = &tile.context;
            context.save();
            // The translation is a whole number of rows: no tile boundary falls inside a pixel.
            let _ = context.translate(0.0, -f64::from(tile.top));
            context.begin_path();
            context.rect(0.0, from, width, to - from);
            context.clip();
            let painted = paint(context, from, to);
            context.restore();
            painted?;
        }
        Ok(())
    }

    /// How many rows a tile holds (the last may hold fewer).
    pub fn tile_rows(&self) -> u32 {
        self.tiles.first().map_or(1, |t| t.bottom - t.top)
    }

    /// Takes the strip and its tiles out of the page, and `canvas` (whose strip it is) back
    /// into the flow.
    pub fn remove(&self, canvas: &HtmlCanvasElement) {
        remove_js(&self.element, canvas);
    }
}
