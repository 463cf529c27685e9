//! The tooltip: a fixed-position box in the page beside the canvas, with three lines (the
//! mark's label, its value in bold, its comparison). It owns its element, made once by
//! `js/dom.js` and rewritten on each hover: new text in its lines costs the browser less than
//! new elements. Text goes in as textContent only. Where it goes (above the mark, below when
//! there is no room above, always inside the viewport) is decided in `js/dom.js`, which
//! measures it.

use wasm_bindgen::prelude::*;
use web_sys::{DomRect, HtmlCanvasElement, HtmlElement};

use super::dom;
use crate::scene::Item;
use crate::theme::Theme;

#[wasm_bindgen(module = "/js/dom.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = tooltip)]
    fn create(canvas: &HtmlCanvasElement, key: &str, style: &str) -> Result<HtmlElement, JsValue>;
    #[wasm_bindgen(catch, js_name = showTooltip)]
    #[allow(clippy::too_many_arguments)]
    fn show_js(
        tip: &HtmlElement,
        item: &str,
        label: &str,
        value: &str,
        comparison: &str,
        background: &str,
        color: &str,
        mark_x: f64,
        mark_top: f64,
        mark_bottom: f64,
        view_width: f64,
        view_height: f64,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = warmTooltip)]
    fn warm_js(tip: &HtmlElement, label: &str, value: &str, comparison: &str) -> Result<(), JsValue>;
}

/// The tooltip's whole inline style: hidden until a mark is pointed at.
const STYLE: &str = "position:fixed;z-index:2147483000;pointer-events:none;display:none;\
    max-width:min(280px,calc(100vw - 16px));padding:8px 10px;border-radius:6px;\
    font:13px/1.45 system-ui,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;\
    box-shadow:0 4px 14px rgba(0,0,0,.22);box-sizing:border-box";

/// The tooltip of one canvas. Its element is made when it is first needed (prepared a moment
/// after the first paint, or pointed at before): made with the canvas, it was part of every
/// mount's style work (docs/performance.md).
pub struct Tooltip {
    canvas: HtmlCanvasElement,
    key: String,
    element: Option<HtmlElement>,
    shown: bool,
}

impl Tooltip {
    /// The tooltip of `canvas`, not yet in the page.
    pub fn new(canvas: &HtmlCanvasElement) -> Tooltip {
        Tooltip { canvas: canvas.clone(), key: dom::canvas_key(canvas), element: None, shown: false }
    }

    /// Its element, made hidden right after the canvas the first time.
    fn element(&mut self) -> Result<&HtmlElement, JsValue> {
        let element = match self.element.take() {
            Some(element) => element,
            None => create(&self.canvas, &self.key, STYLE)?,
        };
        Ok(self.element.insert(element))
    }

    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// Shows `item`'s tooltip above its mark (below when there is no room above), inside a
    /// viewport of `viewport` CSS pixels; `canvas` is the canvas' box in the viewport, which
    /// shows a pixel of the scene as `scale` of the viewport's.
    pub fn show(&mut self, item: &Item, theme: &Theme, canvas: &DomRect, scale: f64, (view_width, view_height): (f64, f64)) -> Result<(), JsValue> {
        let mark_x = canvas.left() + (item.rect.x + item.rect.width / 2.0) * scale;
        let mark_top = canvas.top() + item.rect.y * scale;
        show_js(
            self.element()?,
            &item.id,
            &item.label,
            &item.text,
            item.comparison.as_deref().unwrap_or(""),
            &theme.ink.css_hex(),
            &theme.card.css_hex(),
            mark_x,
            mark_top,
            mark_top + item.rect.height * scale,
            view_width,
            view_height,
        )?;
        self.shown = true;
        Ok(())
    }

    pub fn hide(&mut self) -> Result<(), JsValue> {
        if let (true, Some(element)) = (self.shown, &self.element) {
            element.style().set_property("display", "none")?;
            self.shown = false;
        }
        Ok(())
    }

    /// Lays the tooltip out once, invisibly, with `item`'s text: the browser then has its
    /// style, its layout and the Chinese font's glyphs at hand, and the reader's first tap
    /// shows the tooltip as fast as later ones.
    pub fn warm(&mut self, item: &Item) -> Result<(), JsValue> {
        if self.shown {
            return Ok(());
        }
        warm_js(self.element()?, &item.label, &item.text, item.comparison.as_deref().unwrap_or(""))
    }

    /// Takes the tooltip out of the page (on destroy).
    pub fn remove(&mut self) {
        if let Some(element) = self.element.take() {
            element.remove();
        }
    }
}
