//! `draftReport`, the article-to-report extractor for the editor page: only in the editor's
//! build (`--features editor`, pkg/editor/), so that the reader's module does not carry it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::draft::{draft, DraftReport};
use crate::locale::Locale;

/// A draft report from an article's text: `{report, warnings: [{path, message}]}`, each warning
/// a guess the editor should check, in `locale` (`zh` default, or `en`). Throws an `Error` with
/// a plain message when `text` is not a string or holds no figure.
#[wasm_bindgen(js_name = draftReport)]
pub fn draft_report(text: JsValue, locale: Option<String>) -> Result<JsValue, JsValue> {
    let locale = locale.as_deref().and_then(Locale::parse).unwrap_or_default();
    let Some(text) = text.as_string() else {
        let message = match locale {
            Locale::Zh => "应为文章的文字(字符串)",
            Locale::En => "expected the article's text (a string)",
        };
        return Err(js_sys::Error::new(message).into());
    };
    let drafted = draft(&text).map_err(|e| JsValue::from(js_sys::Error::new(e.message(locale))))?;
    #[derive(Serialize)]
    struct Found<'a> {
        path: &'a str,
        message: &'a str,
    }
    #[derive(Serialize)]
    struct Drafted<'a> {
        report: &'a DraftReport,
        warnings: Vec<Found<'a>>,
    }
    let warnings = drafted.warnings.iter().map(|w| Found { path: &w.path, message: w.message(locale) }).collect();
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    Drafted { report: &drafted.report, warnings }
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("internal: {e}"))))
}
