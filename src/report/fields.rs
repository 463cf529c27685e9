//! Reading the fields of one JSON object: one generic accessor, [`Fields::get`], over every type
//! that can be read from a value ([`FromValue`]), each problem recorded under its field's path.

use crate::json::{Map, Value};

use super::problems::{Expected, Got, Problem, ProblemKind};
use super::{Accent, Approx, Better, Text, MAX_MAGNITUDE, MAX_TEXT_CHARS, MAX_TEXT_CHARS_EN};

/// Whether a field must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Presence {
    /// Absent or `null` is a problem.
    Required,
    /// Absent or `null` reads as `None`.
    Optional,
}

/// A type a field can hold, read from its JSON value with every problem recorded.
pub(super) trait FromValue: Sized {
    /// What the field should hold, named when it is missing.
    const EXPECTED: Expected;

    /// Reads `value` at `path`; `None` once a problem has been recorded.
    fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Self>;
}

fn wrong_type(value: &Value, path: &str, expected: Expected, problems: &mut Vec<Problem>) {
    problems.push(Problem::new(path, ProblemKind::WrongType { expected, got: Got::of(value) }));
}

/// A non-blank string of at most `max` characters, trimmed.
fn read_string(value: &Value, path: &str, max: usize, problems: &mut Vec<Problem>) -> Option<String> {
    let Some(s) = value.as_str() else {
        wrong_type(value, path, Expected::String, problems);
        return None;
    };
    if s.trim().is_empty() {
        problems.push(Problem::new(path, ProblemKind::Empty));
        return None;
    }
    if char_count(s) > max {
        problems.push(Problem::new(path, ProblemKind::TooLong { max }));
        return None;
    }
    Some(s.trim().to_string())
}

impl FromValue for String {
    const EXPECTED: Expected = Expected::String;

    fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<String> {
        read_string(value, path, MAX_TEXT_CHARS, problems)
    }
}

/// A text's English, which may run twice as long as its Chinese.
struct English(String);

impl FromValue for English {
    const EXPECTED: Expected = Expected::String;

    fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<English> {
        read_string(value, path, MAX_TEXT_CHARS_EN, problems).map(English)
    }
}

impl FromValue for Text {
    const EXPECTED: Expected = Expected::Text;

    fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Text> {
        match value {
            Value::String(_) => String::read(value, path, problems).map(|zh| Text { zh, en: None }),
            Value::Object(_) => {
                let mut fields = Fields::open(value, path, &["zh", "en"], problems)?;
                let zh = fields.get::<String>("zh", Presence::Required);
                let en = fields.get::<English>("en", Presence::Optional);
                Some(Text { zh: zh.flatten()?, en: en?.map(|English(en)| en) })
            }
            _ => {
                wrong_type(value, path, Expected::Text, problems);
                None
            }
        }
    }
}

impl FromValue for f64 {
    const EXPECTED: Expected = Expected::Number;

    fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<f64> {
        let Some(n) = value.as_f64() else {
            wrong_type(value, path, Expected::Number, problems);
            return None;
        };
        if !n.is_finite() {
            problems.push(Problem::new(path, ProblemKind::NotFinite));
            return None;
        }
        if n.abs() > MAX_MAGNITUDE {
            problems.push(Problem::new(path, ProblemKind::TooLarge));
            return None;
        }
        Some(n)
    }
}

impl FromValue for Approx {
    const EXPECTED: Expected = Expected::Approx;

    fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Approx> {
        match value.as_str() {
            Some("over") => Some(Approx::Over),
            Some("about") => Some(Approx::About),
            _ => {
                wrong_type(value, path, Expected::Approx, problems);
                None
            }
        }
    }
}

impl FromValue for Better {
    const EXPECTED: Expected = Expected::Better;

    fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Better> {
        match value.as_str() {
            Some("higher") => Some(Better::Higher),
            Some("lower") => Some(Better::Lower),
            _ => {
                wrong_type(value, path, Expected::Better, problems);
                None
            }
        }
    }
}

impl FromValue for Accent {
    const EXPECTED: Expected = Expected::Accent;

    fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Accent> {
        let accent = value.as_str().and_then(Accent::parse);
        if accent.is_none() {
            wrong_type(value, path, Expected::Accent, problems);
        }
        accent
    }
}

/// Reads the fields of one JSON object, recording problems under `path`.
pub(super) struct Fields<'a> {
    map: &'a Map,
    path: String,
    /// Every problem found so far (the caller's list, shared with nested readers).
    pub(super) problems: &'a mut Vec<Problem>,
}

impl<'a> Fields<'a> {
    /// Opens `value` as an object whose fields are among `allowed`; every other field is a
    /// problem. `None` (with the problem recorded) when it is not an object.
    pub(super) fn open(
        value: &'a Value,
        path: &str,
        allowed: &'static [&'static str],
        problems: &'a mut Vec<Problem>,
    ) -> Option<Fields<'a>> {
        let Some(map) = value.as_object() else {
            wrong_type(value, path, Expected::Object, problems);
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                problems.push(Problem::new(join(path, key), ProblemKind::UnknownField { allowed }));
            }
        }
        Some(Fields { map, path: path.to_string(), problems })
    }

    /// The path of the field `key`.
    pub(super) fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Records a problem with the field `key`.
    pub(super) fn problem(&mut self, key: &str, kind: ProblemKind) {
        let path = self.at(key);
        self.problems.push(Problem::new(path, kind));
    }

    /// The raw value of `key`; `null` counts as absent.
    pub(super) fn raw(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Reads the field `key` as a `T`. `None` when it is wrong (the problem is recorded);
    /// `Some(None)` when it is absent and optional; a required field that is absent is a
    /// problem.
    pub(super) fn get<T: FromValue>(&mut self, key: &str, presence: Presence) -> Option<Option<T>> {
        match (self.raw(key), presence) {
            (Some(value), _) => T::read(value, &self.at(key), self.problems).map(Some),
            (None, Presence::Optional) => Some(None),
            (None, Presence::Required) => {
                self.problem(key, ProblemKind::Missing { expected: T::EXPECTED });
                None
            }
        }
    }

    /// Reads the field `key` as a required array of 1 to `max` items.
    pub(super) fn array(&mut self, key: &str, max: usize) -> Option<&'a [Value]> {
        match self.raw(key) {
            None => {
                self.problem(key, ProblemKind::Missing { expected: Expected::Array });
                None
            }
            Some(Value::Array(items)) if items.is_empty() => {
                self.problem(key, ProblemKind::Empty);
                None
            }
            Some(Value::Array(items)) if items.len() > max => {
                self.problem(key, ProblemKind::TooMany { max });
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.problem(key, ProblemKind::WrongType { expected: Expected::Array, got: Got::of(other) });
                None
            }
        }
    }
}

/// The characters in `text`, counted as the bytes that start one: core's `Chars::count` is a
/// word-at-a-time routine the wasm need not hold for texts this short.
pub(super) fn char_count(text: &str) -> usize {
    text.bytes().filter(|byte| byte & 0xC0 != 0x80).count()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        [path, ".", key].concat()
    }
}
