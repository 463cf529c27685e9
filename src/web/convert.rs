//! The page's report object to a JSON value, walked with js-sys: smaller in the wasm than a
//! serde deserializer. A page builds the object in JavaScript, so it can hold what no JSON
//! file can; each such value is either kept for the validator to name (NaN and ±Infinity stay
//! numbers, so the validator says "expected a finite number" at their path) or refused here
//! by its path: a function, a Symbol, a BigInt, a getter or Proxy trap that throws, a cycle,
//! nesting past [`MAX_DEPTH`], an array longer than [`MAX_ITEMS`] (checked by its length,
//! before any item is read), more than [`MAX_VALUES`] values in all. Every read of the page's object goes through an import marked
//! `catch`: an exception thrown through wasm would skip our destructors and leave the
//! component half-borrowed.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use super::refusal::{Refusal, Refused, MAX_DEPTH, MAX_ITEMS, MAX_VALUES};
use crate::format::whole_number;
use crate::json::{Map, Value};

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Object.keys`: the own enumerable string keys, as JSON.stringify reads them; throws
    /// when a Proxy's `ownKeys` or `getOwnPropertyDescriptor` trap does.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
}

/// Converts the page's report to a JSON value, or refuses the first value that cannot be one.
pub fn to_json(value: &JsValue) -> Result<Value, Refused> {
    Walk { path: String::new(), ancestors: Vec::new(), budget: MAX_VALUES }.value(value)
}

/// Where the walk is: the path of the value at hand, the objects that contain it (to find a
/// cycle at once, rather than at [`MAX_DEPTH`] after walking every branch of it), and how many
/// more values it may read. The budget bounds the walk of an object that holds the same
/// object under many keys at many levels, which is not a cycle but would take for ever.
struct Walk {
    path: String,
    ancestors: Vec<JsValue>,
    budget: u32,
}

impl Walk {
    fn refuse(&self, why: Refusal) -> Refused {
        let path = if self.path.is_empty() { "report" } else { self.path.as_str() };
        Refused::new(path, why)
    }

    fn value(&mut self, value: &JsValue) -> Result<Value, Refused> {
        self.budget = self.budget.checked_sub(1).ok_or_else(|| self.refuse(Refusal::TooLarge))?;
        if value.is_null() || value.is_undefined() {
            return Ok(Value::Null);
        }
        if let Some(flag) = value.as_bool() {
            return Ok(Value::Bool(flag));
        }
        if let Some(number) = value.as_f64() {
            return Ok(Value::Number(number));
        }
        if let Some(text) = value.as_string() {
            return Ok(Value::String(text));
        }
        if value.is_function() {
            return Err(self.refuse(Refusal::Function));
        }
        if value.is_symbol() {
            return Err(self.refuse(Refusal::Symbol));
        }
        if value.is_bigint() {
            return Err(self.refuse(Refusal::BigInt));
        }
        // What is left is an object (typeof "object" and not null): an array, a plain object,
        // a class instance, a Date, a Map, a Proxy.
        if self.ancestors.iter().any(|ancestor| ancestor == value) {
            return Err(self.refuse(Refusal::Cycle));
        }
        if self.ancestors.len() >= MAX_DEPTH {
            return Err(self.refuse(Refusal::TooDeep));
        }
        self.ancestors.push(value.clone());
        let walked = if is_array(value).map_err(|_| self.refuse(Refusal::Unreadable))? { self.array(value) } else { self.object(value) };
        self.ancestors.pop();
        walked
    }

    fn array(&mut self, array: &JsValue) -> Result<Value, Refused> {
        let length = Reflect::get(array, &JsValue::from_str("length")).map_err(|_| self.refuse(Refusal::Unreadable))?.as_f64().unwrap_or(0.0);
        if length > f64::from(MAX_ITEMS) {
            return Err(self.refuse(Refusal::TooMany));
        }
        let start = self.path.len();
        let mut items = Vec::with_capacity(length as usize);
        for index in 0..length as u32 {
            self.path.push('[');
            self.path.push_str(&whole_number(index.into()));
            self.path.push(']');
            let item = Reflect::get_u32(array, index).map_err(|_| self.refuse(Refusal::Unreadable))?;
            items.push(self.value(&item)?);
            self.path.truncate(start);
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, object: &JsValue) -> Result<Value, Refused> {
        let keys = object_keys(object).map_err(|_| self.refuse(Refusal::Unreadable))?;
        if keys.length() > MAX_ITEMS {
            return Err(self.refuse(Refusal::TooMany));
        }
        let start = self.path.len();
        let mut map = Map::new();
        for key in keys.iter() {
            // Object.keys gives strings only.
            let Some(name) = key.as_string() else { continue };
            if start > 0 {
                self.path.push('.');
            }
            self.path.push_str(&name);
            let item = Reflect::get(object, &key).map_err(|_| self.refuse(Refusal::Unreadable))?;
            map.insert(name, self.value(&item)?);
            self.path.truncate(start);
        }
        Ok(Value::Object(map))
    }
}
