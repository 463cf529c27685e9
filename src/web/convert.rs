//! JavaScript values to JSON values by walking them with js-sys: smaller in the wasm than a
//! serde deserializer, and a NaN or a function becomes a value the validator can name.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::refusal::{Refusal, Refused, MAX_DEPTH};
use crate::json::{Map, Value};

/// Converts a plain JavaScript value (as from JSON.parse) to a JSON value.
pub fn to_json(value: &JsValue) -> Result<Value, Refused> {
    walk(value, 0)
}

fn walk(value: &JsValue, depth: usize) -> Result<Value, Refused> {
    if depth > MAX_DEPTH {
        return Err(Refused::new("report", Refusal::TooDeep));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if let Some(number) = value.as_f64() {
        // JSON has no NaN or Infinity; keep them visible as text so the message names them.
        return Ok(if number.is_finite() { Value::Number(number) } else { Value::String(js_text(value)) });
    }
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        return array.iter().map(|item| walk(&item, depth + 1)).collect::<Result<Vec<_>, _>>().map(Value::Array);
    }
    if value.is_object() && !value.is_function() {
        let mut map = Map::new();
        let object: &Object = value.unchecked_ref();
        for key in Object::keys(object).iter() {
            let Some(name) = key.as_string() else { continue };
            let item = Reflect::get(value, &key).map_err(|_| Refused::new(name.clone(), Refusal::Unreadable))?;
            map.insert(name, walk(&item, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    Ok(Value::String(js_text(value)))
}

fn js_text(value: &JsValue) -> String {
    js_sys::JsString::from(value.clone()).into()
}
