//! The JSON value the validator reads. In the browser it is built by walking the JavaScript
//! object the page parsed (`web::convert`), natively from serde_json's parse; having its own
//! small type keeps serde_json's `Value` and its B-tree map out of the wasm.

/// A JSON value. Numbers are f64, as in JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` (and, from JavaScript, `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// A JSON object's fields in their order; a repeated key reads as its last value, as in
/// JSON.parse.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// An object with no fields.
    pub fn new() -> Map {
        Map(Vec::new())
    }

    /// Adds a field; a later one with the same key hides the earlier.
    pub fn insert(&mut self, key: String, value: Value) {
        self.0.push((key, value));
    }

    /// The value of `key`: the last one given.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Every key, in order, repeats included.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl Value {
    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }
}

impl From<serde_json::Value> for Value {
    fn from(value: serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            // serde_json holds every JSON number it reads as an f64, an i64 or a u64.
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(items) => Value::Array(items.into_iter().map(Value::from).collect()),
            serde_json::Value::Object(fields) => Value::Object(Map(fields.into_iter().map(|(k, v)| (k, Value::from(v))).collect())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_from_serde_json_keeping_field_order_and_last_duplicate() {
        let value = Value::from(serde_json::from_str::<serde_json::Value>(r#"{"b": [1, 2.5, null, true, "x"], "a": {"k": 1, "k": 2}}"#).unwrap());
        let Value::Object(map) = &value else { panic!("an object") };
        // serde_json sorts keys; the order is the parser's, not a promise.
        let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(map.get("b"), Some(&Value::Array(vec![Value::Number(1.0), Value::Number(2.5), Value::Null, Value::Bool(true), Value::String("x".into())])));
        assert_eq!(map.get("a").and_then(Value::as_object).and_then(|o| o.get("k")).and_then(Value::as_f64), Some(2.0));
        assert_eq!(map.get("c"), None);
    }

    #[test]
    fn a_repeated_key_reads_as_its_last_value() {
        let mut map = Map::new();
        map.insert("k".into(), Value::Number(1.0));
        map.insert("k".into(), Value::Number(2.0));
        assert_eq!(map.get("k"), Some(&Value::Number(2.0)));
    }
}
