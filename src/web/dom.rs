//! The DOM the component adds around its canvas: the fallback summary and table inside the
//! canvas and a polite live region (the tooltip is [`super::tooltip`]). Text always goes in as textContent, never as
//! markup, and styles through the CSSOM, so a strict Content-Security-Policy holds.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use crate::locale::Locale;
use crate::summary::{self, Row};

/// Creates an element of `tag` with `text` as its text content.
pub fn element(document: &Document, tag: &str, text: Option<&str>) -> Result<HtmlElement, JsValue> {
    let element: HtmlElement = document.create_element(tag)?.dyn_into()?;
    if let Some(text) = text {
        element.set_text_content(Some(text));
    }
    Ok(element)
}

/// Sets several CSS properties through the CSSOM.
pub fn style(element: &HtmlElement, properties: &[(&str, &str)]) -> Result<(), JsValue> {
    let declaration = element.style();
    for (name, value) in properties {
        declaration.set_property(name, value)?;
    }
    Ok(())
}

/// Gives an element of ours its whole inline style at once: one CSSOM call and one parse
/// rather than one per property.
pub fn restyle(element: &HtmlElement, css: &str) {
    element.style().set_css_text(css);
}

/// Hidden from sight, still read by screen readers.
const VISUALLY_HIDDEN: &str =
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0";

/// Replaces the canvas' fallback content with the summary and a table of every figure.
pub fn fill_fallback(canvas: &HtmlCanvasElement, document: &Document, summary_text: &str, caption: &str, rows: &[Row], locale: Locale) -> Result<(), JsValue> {
    canvas.set_text_content(None);
    let summary = element(document, "p", Some(summary_text))?;
    summary.set_id(&[canvas_key(canvas).as_str(), "-summary"].concat());
    canvas.append_child(&summary)?;
    let table = element(document, "table", None)?;
    let caption = element(document, "caption", Some(caption))?;
    table.append_child(&caption)?;
    let head = element(document, "thead", None)?;
    let head_row = element(document, "tr", None)?;
    for heading in summary::headings(locale) {
        let cell = element(document, "th", Some(heading))?;
        cell.set_attribute("scope", "col")?;
        head_row.append_child(&cell)?;
    }
    head.append_child(&head_row)?;
    table.append_child(&head)?;
    let body = element(document, "tbody", None)?;
    for row in rows {
        let tr = element(document, "tr", None)?;
        tr.append_child(&element(document, "td", Some(&row.section))?.into())?;
        let name = element(document, "th", Some(&row.label))?;
        name.set_attribute("scope", "row")?;
        tr.append_child(&name)?;
        tr.append_child(&element(document, "td", Some(&row.value))?.into())?;
        tr.append_child(&element(document, "td", Some(&row.comparison))?.into())?;
        body.append_child(&tr)?;
    }
    table.append_child(&body)?;
    canvas.append_child(&table)?;
    canvas.set_attribute("aria-describedby", &summary.id())?;
    Ok(())
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

/// The polite live region that announces the focused mark, placed right after the canvas.
pub fn live_region(canvas: &HtmlCanvasElement, document: &Document) -> Result<HtmlElement, JsValue> {
    let live = element(document, "div", None)?;
    live.set_attribute("aria-live", "polite")?;
    live.set_attribute("aria-atomic", "true")?;
    live.set_attribute("data-infographic-live", &canvas_key(canvas))?;
    restyle(&live, VISUALLY_HIDDEN);
    insert_after(canvas, &live)?;
    Ok(live)
}

/// Puts `node` right after `reference`, or at the end of the body when `reference` is not in
/// the page.
pub fn insert_after(reference: &Element, node: &Element) -> Result<(), JsValue> {
    match reference.parent_node() {
        Some(parent) => {
            parent.insert_before(node, reference.next_sibling().as_ref())?;
        }
        None => {
            if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                body.append_child(node)?;
            }
        }
    }
    Ok(())
}
