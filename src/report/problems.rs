//! What can be wrong with a report, and how each language says it.
//!
//! A problem is data ([`ProblemKind`], with a typed [`Expected`] and a described [`Got`]); the
//! sentences are made only when a reader asks, from one table per language (`english`,
//! `chinese`), so a Chinese message holds no English words and neither is made from the other.

use crate::format::{plain_number, whole_number};
use crate::json::Value;
use crate::locale::{Locale, Phrase};

use super::Kind;

/// Every problem found in a report that has nothing drawable.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportError {
    /// The problems, in the order the report was read.
    pub problems: Vec<Problem>,
}

impl ReportError {
    /// All problems, one a line, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let lines: Vec<String> = self.problems.iter().map(|p| p.message(locale)).collect();
        // Joined as &strs, the one kind of join the wasm holds.
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        [locale.say(Phrase::ReportRefused), &lines.join("; ")].concat()
    }
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for ReportError {}

/// One problem, located by the path of the field at fault: `sections[2].figures[0].value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: a field path, or for a syntax error `line L, column C`.
    pub path: String,
    /// What is wrong there.
    pub kind: ProblemKind,
}

/// What a field should have held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A JSON number.
    Number,
    /// A JSON string.
    String,
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// A text: a string, or an object `{zh, en}`.
    Text,
    /// One of the words `"over"` and `"about"` (a figure's `approx`).
    Approx,
    /// One of the words `"higher"` and `"lower"` (a figure's `better`).
    Better,
    /// One of the palette's colour names (a chapter's `accent`).
    Accent,
}

/// A short description of the value a field held, for messages: `"abc"`, `null`, an array.
#[derive(Debug, Clone, PartialEq)]
pub enum Got {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string, cut to its first 40 characters (the flag says whether it was cut).
    String(String, bool),
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Got {
    /// The description of `value`.
    pub fn of(value: &Value) -> Got {
        const SHOWN: usize = 40;
        match value {
            Value::Null => Got::Null,
            Value::Bool(b) => Got::Bool(*b),
            Value::Number(n) => Got::Number(*n),
            Value::String(s) => Got::String(s.chars().take(SHOWN).collect(), s.chars().nth(SHOWN).is_some()),
            Value::Array(_) => Got::Array,
            Value::Object(_) => Got::Object,
        }
    }
}

/// The field a chart kind needs and a figure lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    /// `previous` (compare).
    Previous,
    /// `total`, or the unit `%` (ring).
    TotalOrPercent,
    /// `progress` or `target` (gauge).
    ProgressOrTarget,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The text is not JSON at all; `detail` is the parser's own (English) account.
    Syntax {
        /// The line of the fault, from 1.
        line: usize,
        /// The column of the fault, from 1.
        column: usize,
        /// The JSON parser's description.
        detail: String,
    },
    /// A required field is absent (or `null`).
    Missing {
        /// What it should hold.
        expected: Expected,
    },
    /// A field holds the wrong type of value.
    WrongType {
        /// What it should hold.
        expected: Expected,
        /// What it holds.
        got: Got,
    },
    /// A field the format does not have.
    UnknownField {
        /// The fields allowed where it stands.
        allowed: &'static [&'static str],
    },
    /// A chart kind the format does not have.
    UnknownKind(String),
    /// An empty text, list or blank string.
    Empty,
    /// A text over its length limit.
    TooLong {
        /// The limit in characters.
        max: usize,
    },
    /// A list over its length limit.
    TooMany {
        /// The limit in items.
        max: usize,
    },
    /// NaN or an infinity.
    NotFinite,
    /// A number beyond [`super::MAX_MAGNITUDE`].
    TooLarge,
    /// A negative length.
    Negative,
    /// An id used before in the report.
    DuplicateId(String),
    /// A value above its whole (ring) or a subset above its set (pictogram).
    ExceedsWhole {
        /// The whole.
        whole: f64,
    },
    /// A kind needs a field that is absent: `compare` needs `previous`.
    NeedsField {
        /// The field.
        field: Needed,
        /// The kind that needs it.
        kind: Kind,
    },
    /// A count that must be whole is not.
    NotWholeNumber,
    /// A whole that must be above zero is not.
    NotPositive,
    /// A number outside its range.
    OutOfRange {
        /// The least allowed.
        min: f64,
        /// The most allowed.
        max: f64,
    },
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind }
    }

    /// Text that is not JSON, at `line` and `column`.
    pub fn syntax(line: usize, column: usize, detail: String) -> Problem {
        let path = ["line ", &whole_number(line as u64), ", column ", &whole_number(column as u64)].concat();
        Problem::new(path, ProblemKind::Syntax { line, column, detail })
    }

    /// The problem as a sentence in `locale`, starting with its path.
    pub fn message(&self, locale: Locale) -> String {
        match (locale, &self.kind) {
            // The path of a syntax error is words, not a field: say it in Chinese too.
            (Locale::Zh, ProblemKind::Syntax { line, column, .. }) => {
                ["第", &whole_number(*line as u64), "行第", &whole_number(*column as u64), "列: ", &chinese(&self.kind)].concat()
            }
            (Locale::Zh, kind) => [self.path.as_str(), ": ", &chinese(kind)].concat(),
            (Locale::En, kind) => [self.path.as_str(), ": ", &english(kind)].concat(),
        }
    }
}

/// The name of a chart kind in the JSON format (the same word in both languages).
fn kind_name(kind: Kind) -> &'static str {
    Kind::ALL.iter().find(|(k, _)| *k == kind).map_or("", |(_, name)| *name)
}

fn kind_names(separator: &str) -> String {
    let names: Vec<&str> = Kind::ALL.iter().map(|(_, name)| *name).collect();
    names.join(separator)
}

/// The English table.
fn english(kind: &ProblemKind) -> String {
    let expected = |e: &Expected| match e {
        Expected::Number => "a number",
        Expected::String => "a string",
        Expected::Object => "an object",
        Expected::Array => "an array",
        Expected::Text => "a text: a string or {zh, en}",
        Expected::Approx => "\"over\" or \"about\"",
        Expected::Better => "\"higher\" or \"lower\"",
        Expected::Accent => "\"red\", \"green\", \"blue\", \"ochre\" or \"plum\"",
    };
    let got = |g: &Got| match g {
        Got::Array => "an array".to_string(),
        Got::Object => "an object".to_string(),
        other => literal(other),
    };
    let needed = |n: &Needed| match n {
        Needed::Previous => "previous",
        Needed::TotalOrPercent => "total (or unit \"%\")",
        Needed::ProgressOrTarget => "progress or target",
    };
    match kind {
        ProblemKind::Syntax { detail, .. } => ["not valid JSON (", detail, ")"].concat(),
        ProblemKind::Missing { expected: e } => ["missing, expected ", expected(e)].concat(),
        ProblemKind::WrongType { expected: e, got: g } => ["expected ", expected(e), ", got ", &got(g)].concat(),
        ProblemKind::UnknownField { allowed } => ["unknown field; allowed: ", &allowed.join(", ")].concat(),
        ProblemKind::UnknownKind(k) => {
            ["unknown chart kind ", &quoted(k), "; expected one of ", &kind_names(", ")].concat()
        }
        ProblemKind::Empty => "must not be empty".to_string(),
        ProblemKind::TooLong { max } => ["too long, at most ", &whole_number(*max as u64), " characters"].concat(),
        ProblemKind::TooMany { max } => ["too many, at most ", &whole_number(*max as u64)].concat(),
        ProblemKind::NotFinite => "expected a finite number".to_string(),
        ProblemKind::TooLarge => "too large, at most 1e15 in magnitude".to_string(),
        ProblemKind::Negative => "must not be negative".to_string(),
        ProblemKind::DuplicateId(id) => ["id ", &quoted(id), " is used twice"].concat(),
        ProblemKind::ExceedsWhole { whole } => ["must not exceed the whole, ", &plain_number(*whole, 3)].concat(),
        ProblemKind::NeedsField { field, kind } => ["a ", kind_name(*kind), " chart needs ", needed(field)].concat(),
        ProblemKind::NotPositive => "must be greater than 0".to_string(),
        ProblemKind::NotWholeNumber => "expected a whole number".to_string(),
        ProblemKind::OutOfRange { min, max } => {
            ["expected between ", &plain_number(*min, 3), " and ", &plain_number(*max, 3)].concat()
        }
    }
}

/// The Chinese table.
fn chinese(kind: &ProblemKind) -> String {
    let expected = |e: &Expected| match e {
        Expected::Number => "数字",
        Expected::String => "字符串",
        Expected::Object => "对象",
        Expected::Array => "数组",
        Expected::Text => "文本(字符串或 {zh, en})",
        Expected::Approx => "\"over\" 或 \"about\"",
        Expected::Better => "\"higher\" 或 \"lower\"",
        Expected::Accent => "\"red\"、\"green\"、\"blue\"、\"ochre\" 或 \"plum\"",
    };
    let got = |g: &Got| match g {
        Got::Array => "数组".to_string(),
        Got::Object => "对象".to_string(),
        other => literal(other),
    };
    let needed = |n: &Needed| match n {
        Needed::Previous => "previous 字段",
        Needed::TotalOrPercent => "total 字段(或单位 \"%\")",
        Needed::ProgressOrTarget => "progress 或 target 字段",
    };
    match kind {
        ProblemKind::Syntax { .. } => "不是有效的 JSON".to_string(),
        ProblemKind::Missing { expected: e } => ["缺少此项,应为", expected(e)].concat(),
        ProblemKind::WrongType { expected: e, got: g } => ["应为", expected(e), ",实际是 ", &got(g)].concat(),
        ProblemKind::UnknownField { allowed } => ["未知字段,可用字段:", &allowed.join("、")].concat(),
        ProblemKind::UnknownKind(k) => ["未知图表类型 ", &quoted(k), ",可用:", &kind_names("、")].concat(),
        ProblemKind::Empty => "不能为空".to_string(),
        ProblemKind::TooLong { max } => ["过长,最多", &whole_number(*max as u64), "个字符"].concat(),
        ProblemKind::TooMany { max } => ["过多,最多", &whole_number(*max as u64), "项"].concat(),
        ProblemKind::NotFinite => "应为有限的数字".to_string(),
        ProblemKind::TooLarge => "数值过大,绝对值不超过10¹⁵".to_string(),
        ProblemKind::Negative => "不能为负数".to_string(),
        ProblemKind::DuplicateId(id) => ["编号 ", &quoted(id), " 重复"].concat(),
        ProblemKind::ExceedsWhole { whole } => ["不能超过整体 ", &plain_number(*whole, 3)].concat(),
        ProblemKind::NeedsField { field, kind } => [kind_name(*kind), " 类型需要 ", needed(field)].concat(),
        ProblemKind::NotPositive => "应大于0".to_string(),
        ProblemKind::NotWholeNumber => "应为整数".to_string(),
        ProblemKind::OutOfRange { min, max } => {
            ["应在 ", &plain_number(*min, 3), " 到 ", &plain_number(*max, 3), " 之间"].concat()
        }
    }
}

/// A value written as JSON writes it, the same in every language: `null`, `true`, `12.5`,
/// `"abc"`. Arrays and objects are named by each language's table instead.
fn literal(got: &Got) -> String {
    match got {
        Got::Null => "null".to_string(),
        Got::Bool(true) => "true".to_string(),
        Got::Bool(false) => "false".to_string(),
        Got::Number(n) => plain_number(*n, 6),
        Got::String(s, cut) => quoted(&[s.as_str(), if *cut { "…" } else { "" }].concat()),
        Got::Array | Got::Object => String::new(),
    }
}

/// A string in double quotes, its quotes and backslashes escaped and control characters shown
/// as spaces (no Debug formatting: it would pull Unicode tables into the wasm).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
