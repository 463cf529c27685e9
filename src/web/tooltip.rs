//! The tooltip: a fixed-position box in the page beside the canvas, with three lines (the
//! mark's label, its value in bold, its comparison). It owns its element and its lines, made
//! once and rewritten on each hover: new text in them costs the browser less than new
//! elements. Text goes in as textContent only.

use wasm_bindgen::prelude::*;
use web_sys::{Document, DomRect, HtmlCanvasElement, HtmlElement};

use super::dom;
use crate::format::plain_number;
use crate::scene::Item;
use crate::theme::Theme;

/// The tooltip's whole inline style: hidden until a mark is pointed at.
const STYLE: &str = "position:fixed;z-index:2147483000;pointer-events:none;display:none;\
    max-width:min(280px,calc(100vw - 16px));padding:8px 10px;border-radius:6px;\
    font:13px/1.45 system-ui,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;\
    box-shadow:0 4px 14px rgba(0,0,0,.22);box-sizing:border-box";

/// The space kept between the tooltip and the viewport's edges, and between it and its mark.
const MARGIN: f64 = 8.0;
const GAP: f64 = 10.0;

/// The tooltip of one canvas.
pub struct Tooltip {
    element: HtmlElement,
    lines: [HtmlElement; 3],
    shown: bool,
}

impl Tooltip {
    /// Creates the tooltip, hidden, right after `canvas` in the page.
    pub fn new(canvas: &HtmlCanvasElement, document: &Document) -> Result<Tooltip, JsValue> {
        let element = dom::element(document, "div", None)?;
        element.set_attribute("role", "tooltip")?;
        element.set_attribute("aria-hidden", "true")?;
        element.set_attribute("data-infographic-tooltip", &dom::canvas_key(canvas))?;
        dom::restyle(&element, STYLE);
        let line = || -> Result<HtmlElement, JsValue> {
            let line = dom::element(document, "div", None)?;
            element.append_child(&line)?;
            Ok(line)
        };
        let lines = [line()?, line()?, line()?];
        // Only the value's line has a style of its own.
        dom::restyle(&lines[1], "font-weight:700;font-size:15px");
        dom::insert_after(canvas, &element)?;
        Ok(Tooltip { element, lines, shown: false })
    }

    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// Writes `item`'s label, value and comparison into the three lines (an empty line takes no
    /// room).
    fn write(&self, item: &Item) {
        let texts = [item.label.as_str(), item.text.as_str(), item.comparison.as_deref().unwrap_or("")];
        for (line, text) in self.lines.iter().zip(texts) {
            line.set_text_content(Some(text));
        }
    }

    /// Shows `item`'s tooltip above its mark (below when there is no room above), inside a
    /// viewport of `viewport` CSS pixels; `canvas` is the canvas' box in the viewport.
    pub fn show(&mut self, item: &Item, theme: &Theme, canvas: &DomRect, viewport: (f64, f64)) -> Result<(), JsValue> {
        self.write(item);
        self.element.set_attribute("data-item", &item.id)?;
        dom::style(&self.element, &[
            ("display", "block"),
            ("background", &theme.ink.css_hex()),
            ("color", &theme.card.css_hex()),
            ("left", "0px"),
            ("top", "0px"),
        ])?;
        let (left, top) = self.position(item, canvas, viewport);
        let px = |at: f64| [plain_number(f64::from(at as i32), 0).as_str(), "px"].concat();
        dom::style(&self.element, &[("left", &px(left)), ("top", &px(top))])?;
        self.shown = true;
        Ok(())
    }

    pub fn hide(&mut self) -> Result<(), JsValue> {
        if self.shown {
            self.element.style().set_property("display", "none")?;
            self.shown = false;
        }
        Ok(())
    }

    /// Lays the tooltip out once, invisibly, with `item`'s text: the browser then has its
    /// style, its layout and the Chinese font's glyphs at hand, and the reader's first tap
    /// shows the tooltip as fast as later ones.
    pub fn warm(&self, item: &Item) -> Result<(), JsValue> {
        if self.shown {
            return Ok(());
        }
        self.write(item);
        dom::style(&self.element, &[("visibility", "hidden"), ("display", "block")])?;
        self.element.offset_width();
        dom::style(&self.element, &[("display", "none"), ("visibility", "visible")])
    }

    /// Takes the tooltip out of the page (on destroy).
    pub fn remove(&self) {
        self.element.remove();
    }

    /// Above the mark, centred on it; below when there is no room above; always inside the
    /// viewport.
    fn position(&self, item: &Item, canvas: &DomRect, (view_width, view_height): (f64, f64)) -> (f64, f64) {
        let (tip_width, tip_height) = (f64::from(self.element.offset_width()), f64::from(self.element.offset_height()));
        let mark_x = canvas.left() + item.rect.x + item.rect.width / 2.0;
        let mark_top = canvas.top() + item.rect.y;
        let mark_bottom = mark_top + item.rect.height;
        let left = (mark_x - tip_width / 2.0).clamp(MARGIN, (view_width - tip_width - MARGIN).max(MARGIN));
        let above = mark_top - tip_height - GAP;
        let top = if above >= MARGIN {
            above
        } else if mark_bottom + GAP + tip_height <= view_height - MARGIN {
            mark_bottom + GAP
        } else {
            (mark_top + MARGIN).clamp(MARGIN, (view_height - tip_height - MARGIN).max(MARGIN))
        };
        (left.round(), top.round())
    }
}
