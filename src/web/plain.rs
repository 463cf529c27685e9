//! Our values as plain JS objects and arrays, built with js-sys one property at a time: smaller
//! in the wasm than serde-wasm-bindgen, whose serializer, key cache and `Serialize` code each
//! shape needs cost more than these few calls. The objects are fresh and plain, so setting a
//! property cannot throw.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::scene::{Item, Rect};

/// A plain object with these properties, in this order (the order `Object.keys` gives).
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// An array of `values` converted by `to_js`.
pub fn array<T>(values: impl IntoIterator<Item = T>, to_js: impl Fn(T) -> JsValue) -> JsValue {
    let array = Array::new();
    for value in values {
        array.push(&to_js(value));
    }
    array.into()
}

/// A mark as `{id, section, label, value, unit, text, comparison, x, y, width, height}`; no
/// comparison reads as undefined.
pub fn item(item: &Item) -> JsValue {
    let comparison = item.comparison.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
    with_rect(
        &[
            ("id", item.id.as_str().into()),
            ("section", item.section.as_str().into()),
            ("label", item.label.as_str().into()),
            ("value", item.value.into()),
            ("unit", item.unit.as_str().into()),
            ("text", item.text.as_str().into()),
            ("comparison", comparison),
        ],
        item.rect,
    )
}

/// A text run as `{text, x, y, width, height}`.
pub fn label((text, rect): (&str, Rect)) -> JsValue {
    with_rect(&[("text", text.into())], rect)
}

fn with_rect(fields: &[(&str, JsValue)], rect: Rect) -> JsValue {
    let object = object(fields);
    for (key, value) in [("x", rect.x), ("y", rect.y), ("width", rect.width), ("height", rect.height)] {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &value.into());
    }
    object
}
