//! The DOM the component adds around its canvas: the fallback summary and table inside the
//! canvas and a polite live region (the tooltip is [`super::tooltip`]). The elements are made
//! by `js/dom.js`, which the wasm imports and hands plain strings: a few lines of JavaScript
//! cost the bundle less than the same DOM calls made one by one through web-sys. Text always
//! goes in as textContent, never as markup, and styles through the CSSOM, so a strict
//! Content-Security-Policy holds.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

use crate::locale::Locale;
use crate::summary::{self, Row};

#[wasm_bindgen(module = "/js/dom.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = fillFallback)]
    fn fill_fallback_js(canvas: &HtmlCanvasElement, key: &str, summary: &str, caption: &str, headings: Array, cells: Array) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = liveRegion)]
    fn live_region_js(canvas: &HtmlCanvasElement, key: &str, style: &str) -> Result<HtmlElement, JsValue>;
}

/// Sets several CSS properties through the CSSOM.
pub fn style(element: &HtmlElement, properties: &[(&str, &str)]) -> Result<(), JsValue> {
    let declaration = element.style();
    for (name, value) in properties {
        declaration.set_property(name, value)?;
    }
    Ok(())
}

/// Hidden from sight, still read by screen readers.
const VISUALLY_HIDDEN: &str =
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0";

/// The strings as a JS array.
pub fn strings<'a>(texts: impl IntoIterator<Item = &'a str>) -> Array {
    let array = Array::new();
    for text in texts {
        array.push(&JsValue::from_str(text));
    }
    array
}

/// Replaces the canvas' fallback content with the summary and a table of every figure.
pub fn fill_fallback(canvas: &HtmlCanvasElement, summary_text: &str, caption: &str, rows: &[Row], locale: Locale) -> Result<(), JsValue> {
    let headings = strings(summary::headings(locale));
    let cells = strings(rows.iter().flat_map(|row| [row.section.as_str(), &row.label, &row.value, &row.comparison]));
    fill_fallback_js(canvas, &canvas_key(canvas), summary_text, caption, headings, cells)
}

/// A stable key for the elements that belong to one canvas.
pub fn canvas_key(canvas: &HtmlCanvasElement) -> String {
    if canvas.id().is_empty() {
        let key = ["district-infographic-", &crate::format::whole_number(next_serial().into())].concat();
        canvas.set_id(&key);
    }
    canvas.id()
}

fn next_serial() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static SERIAL: AtomicU32 = AtomicU32::new(1);
    SERIAL.fetch_add(1, Ordering::Relaxed)
}

/// The polite live region that announces the focused mark, placed right after the canvas (at
/// the end of the body when the canvas is not in the page).
pub fn live_region(canvas: &HtmlCanvasElement) -> Result<HtmlElement, JsValue> {
    live_region_js(canvas, &canvas_key(canvas), VISUALLY_HIDDEN)
}
