//! The DOM the component adds around its canvas: the fallback summary and table inside the
//! canvas, a polite live region, and the tooltip. Text always goes in as textContent, never as
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
fn restyle(element: &HtmlElement, css: &str) {
    element.style().set_css_text(css);
}

/// Hidden from sight, still read by screen readers.
const VISUALLY_HIDDEN: &str =
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0";

/// The tooltip, hidden until a mark is pointed at.
const TOOLTIP: &str = "position:fixed;z-index:2147483000;pointer-events:none;display:none;\
    max-width:min(280px,calc(100vw - 16px));padding:8px 10px;border-radius:6px;\
    font:13px/1.45 system-ui,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;\
    box-shadow:0 4px 14px rgba(0,0,0,.22);box-sizing:border-box";

/// Replaces the canvas' fallback content with the summary and a table of every figure.
pub fn fill_fallback(canvas: &HtmlCanvasElement, document: &Document, summary_text: &str, caption: &str, rows: &[Row], locale: Locale) -> Result<(), JsValue> {
    canvas.set_text_content(None);
    let summary = element(document, "p", Some(summary_text))?;
    summary.set_id(&format!("{}-summary", canvas_key(canvas)));
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
        let key = format!("district-infographic-{}", next_serial());
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

/// The tooltip: a fixed-position box in the page, hidden until a mark is pointed at, with its
/// three lines: the label, the value in bold and the comparison.
pub fn tooltip(canvas: &HtmlCanvasElement, document: &Document) -> Result<HtmlElement, JsValue> {
    let tip = element(document, "div", None)?;
    tip.set_attribute("role", "tooltip")?;
    tip.set_attribute("aria-hidden", "true")?;
    tip.set_attribute("data-infographic-tooltip", &canvas_key(canvas))?;
    restyle(&tip, TOOLTIP);
    for css in [None, Some("font-weight:700;font-size:15px"), None] {
        let line = element(document, "div", None)?;
        if let Some(css) = css {
            restyle(&line, css);
        }
        tip.append_child(&line)?;
    }
    insert_after(canvas, &tip)?;
    Ok(tip)
}

fn insert_after(reference: &Element, node: &Element) -> Result<(), JsValue> {
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

/// Writes a mark's label, value and comparison into the tooltip's three lines (an empty line
/// takes no room). The lines stay: new text in them costs the browser less than new elements.
pub fn set_tooltip_text(tip: &HtmlElement, lines: [&str; 3]) {
    let mut line = tip.first_child();
    for text in lines {
        let Some(node) = line else { return };
        node.set_text_content(Some(text));
        line = node.next_sibling();
    }
}
