//! The report model an editor writes as JSON, and its validation with field paths.
//!
//! Validation walks the raw JSON value by hand rather than through serde's derive so that it can
//! report every problem at once, each with the path of the field at fault, and so that one broken
//! section never costs the others: a section with problems is kept as [`SectionSlot::Broken`] and
//! drawn as a notice, while the rest of the report draws as usual.

use crate::json::{Map, Value};

use crate::format::plain_number;
use crate::locale::Locale;

/// The sample report, Zhongyuan District, first half of 2020, for the tests and the CLI; the
/// browser bundle has no report built in (the page loads the JSON file).
pub const DEFAULT_REPORT_JSON: &str = include_str!("../www/reports/zhongyuan-2020-h1.json");

/// The largest magnitude a figure may have; beyond it no reader can take a number in.
pub const MAX_MAGNITUDE: f64 = 1e15;
/// The longest label or title, in characters.
pub const MAX_TEXT_CHARS: usize = 300;
/// The most figures one section may hold.
pub const MAX_FIGURES: usize = 200;
/// The most sections one report may hold.
pub const MAX_SECTIONS: usize = 200;
/// The most icons a pictogram draws.
pub const MAX_PICTOGRAM: f64 = 500.0;
/// The longest unit, in characters.
pub const MAX_UNIT_CHARS: usize = 12;
/// The largest progress a gauge takes, in percent.
pub const MAX_PROGRESS: f64 = 1000.0;

/// A text in both of the report's languages; `en` falls back to `zh` when absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub zh: String,
    pub en: Option<String>,
}

impl Text {
    /// The text in `locale`, falling back to Chinese.
    pub fn get(&self, locale: Locale) -> &str {
        match (locale, &self.en) {
            (Locale::En, Some(en)) => en,
            _ => &self.zh,
        }
    }
}

/// The chart form a section is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Horizontal bars on one scale.
    Bars,
    /// This period against the previous one, with the change annotated.
    Compare,
    /// A round ring per figure: a part of a whole.
    Ring,
    /// A half-circle gauge per figure: progress towards a target.
    Gauge,
    /// One bar split into its parts.
    Parts,
    /// Steps that narrow, such as reported then approved.
    Funnel,
    /// One icon per unit, a subset highlighted.
    Pictogram,
    /// Big-number tiles.
    Stats,
}

impl Kind {
    /// Every kind with its name in the JSON format.
    pub const ALL: [(Kind, &'static str); 8] = [
        (Kind::Bars, "bars"),
        (Kind::Compare, "compare"),
        (Kind::Ring, "ring"),
        (Kind::Gauge, "gauge"),
        (Kind::Parts, "parts"),
        (Kind::Funnel, "funnel"),
        (Kind::Pictogram, "pictogram"),
        (Kind::Stats, "stats"),
    ];

    fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
    }
}

/// Whether a figure is a rounded one, as in 14000余名 or 近百家.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// "more than": 余 / +.
    Over,
    /// "about": 约 / about.
    About,
}

/// Which way a figure is good news: a change is drawn in good or bad colours only when the
/// report says (more jobs is good, more PM2.5 is not); otherwise in neutral ink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// A chapter's colour, named from the palette (`"accent": "green"` in the chapter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accent {
    Red,
    Green,
    Blue,
    Ochre,
    Plum,
}

impl Accent {
    /// The names the report may use, in the theme's palette order.
    pub const ALL: [(Accent, &'static str); 5] =
        [(Accent::Red, "red"), (Accent::Green, "green"), (Accent::Blue, "blue"), (Accent::Ochre, "ochre"), (Accent::Plum, "plum")];

    /// The accent's place in the theme's palette.
    pub fn index(self) -> usize {
        Accent::ALL.iter().position(|(a, _)| *a == self).unwrap_or(0)
    }

    fn parse(name: &str) -> Option<Accent> {
        Accent::ALL.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }
}

/// One figure of a section.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub label: Text,
    pub value: f64,
    /// The unit as Chinese writes it, magnitude included: 亿元, 万㎡, 个, %.
    pub unit: String,
    /// An English unit that overrides the built-in translation.
    pub unit_en: Option<String>,
    pub approx: Option<Approx>,
    /// The value a year before (`compare`, or a ghost bar in `bars`).
    pub previous: Option<f64>,
    /// The whole this figure is a part of (`ring`).
    pub total: Option<f64>,
    pub total_label: Option<Text>,
    /// Share of the target reached, in percent, as the source states it (`gauge`).
    pub progress: Option<f64>,
    /// The target itself, when the share is not stated (`gauge`).
    pub target: Option<f64>,
    /// Which way is good news, if the report says.
    pub better: Option<Better>,
}

impl Figure {
    /// Progress towards the target in percent, from `progress` or from `value / target`.
    pub fn progress_percent(&self) -> Option<f64> {
        self.progress.or_else(|| {
            self.target
                .filter(|t| *t > 0.0)
                .map(|t| self.value / t * 100.0)
        })
    }

    /// The part-of-whole fraction a ring shows: `value / total`, or a percentage.
    pub fn ring_fraction(&self) -> Option<f64> {
        match self.total {
            Some(total) if total > 0.0 => Some(self.value / total),
            Some(_) => None,
            None if self.unit == "%" => Some(self.value / 100.0),
            None => None,
        }
    }
}

/// A valid section: one card of the infographic.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub chapter: Option<Text>,
    /// The chapter's colour, when the report names one.
    pub accent: Option<Accent>,
    pub kind: Kind,
    pub title: Text,
    pub note: Option<Text>,
    pub figures: Vec<Figure>,
}

/// A section that failed validation: what is known of it, to draw a notice in its place.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenSection {
    pub index: usize,
    pub id: Option<String>,
    pub chapter: Option<Text>,
    pub title: Option<Text>,
    pub problems: Vec<Problem>,
}

/// A section as validated: drawable, or broken with its problems.
#[derive(Debug, Clone, PartialEq)]
pub enum SectionSlot {
    Valid(Section),
    Broken(BrokenSection),
}

impl SectionSlot {
    /// The chapter heading the section sits under, if it is known.
    pub fn chapter(&self) -> Option<&Text> {
        match self {
            SectionSlot::Valid(s) => s.chapter.as_ref(),
            SectionSlot::Broken(b) => b.chapter.as_ref(),
        }
    }
}

/// A validated report: every section in order, valid or broken.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Who publishes the report (a newsroom, a government office): heads the page and the
    /// share image when given; no name is made up when it is not.
    pub publisher: Option<Text>,
    pub title: Text,
    pub subtitle: Option<Text>,
    pub period: Text,
    pub previous_period: Option<Text>,
    pub source: Text,
    pub sections: Vec<SectionSlot>,
}

impl Report {
    /// The sections that draw.
    pub fn valid_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter_map(|s| match s {
            SectionSlot::Valid(section) => Some(section),
            SectionSlot::Broken(_) => None,
        })
    }

    /// Every problem of every broken section.
    pub fn problems(&self) -> Vec<Problem> {
        self.sections
            .iter()
            .filter_map(|s| match s {
                SectionSlot::Broken(b) => Some(b.problems.iter().cloned()),
                SectionSlot::Valid(_) => None,
            })
            .flatten()
            .collect()
    }

    /// The sample report ([`DEFAULT_REPORT_JSON`]).
    pub fn default_report() -> Result<Report, ReportError> {
        Report::from_json_str(DEFAULT_REPORT_JSON)
    }

    /// Parses and validates a report from JSON text.
    pub fn from_json_str(json: &str) -> Result<Report, ReportError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| ReportError {
            problems: vec![Problem::new(
                format!("line {}, column {}", e.line(), e.column()),
                ProblemKind::Syntax(e.to_string()),
            )],
        })?;
        Report::from_value(&Value::from(value))
    }

    /// Validates a report from a JSON value. Succeeds when at least one section draws; broken
    /// sections are kept with their problems.
    pub fn from_value(value: &Value) -> Result<Report, ReportError> {
        let mut problems = Vec::new();
        let report = parse_report(value, &mut problems);
        match report {
            Some(report) if report.valid_sections().next().is_some() => Ok(report),
            Some(report) => {
                let mut all = report.problems();
                if all.is_empty() {
                    all.push(Problem::new("sections", ProblemKind::Empty));
                }
                Err(ReportError { problems: all })
            }
            None => Err(ReportError { problems }),
        }
    }
}

/// Every problem found in a report that has nothing drawable.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportError {
    pub problems: Vec<Problem>,
}

impl ReportError {
    /// All problems, one a line, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let lines: Vec<String> = self.problems.iter().map(|p| p.message(locale)).collect();
        let head = match locale {
            Locale::Zh => "报告无法显示:",
            Locale::En => "The report cannot be shown: ",
        };
        format!("{head}{}", lines.join("; "))
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
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The text is not JSON at all.
    Syntax(String),
    Missing { expected: &'static str },
    WrongType { expected: &'static str, got: String },
    UnknownField { allowed: &'static [&'static str] },
    UnknownKind(String),
    Empty,
    TooLong { max: usize },
    TooMany { max: usize },
    NotFinite,
    TooLarge,
    Negative,
    DuplicateId(String),
    /// A value above its whole (ring) or a subset above its set (pictogram).
    ExceedsWhole { whole: f64 },
    /// A kind needs a field that is absent: `compare` needs `previous`.
    NeedsField { field: &'static str, kind: &'static str },
    NotWholeNumber,
    NotPositive,
    OutOfRange { min: f64, max: f64 },
}

impl Problem {
    fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind }
    }

    /// The problem as a sentence in `locale`, starting with its path.
    pub fn message(&self, locale: Locale) -> String {
        let zh = locale == Locale::Zh;
        let what = match &self.kind {
            ProblemKind::Syntax(e) if zh => format!("不是有效的 JSON({e})"),
            ProblemKind::Syntax(e) => format!("not valid JSON ({e})"),
            ProblemKind::Missing { expected } if zh => format!("缺少此项,应为{}", zh_type(expected)),
            ProblemKind::Missing { expected } => format!("missing, expected {expected}"),
            ProblemKind::WrongType { expected, got } if zh => {
                format!("应为{},实际是 {got}", zh_type(expected))
            }
            ProblemKind::WrongType { expected, got } => format!("expected {expected}, got {got}"),
            ProblemKind::UnknownField { allowed } if zh => {
                format!("未知字段,可用字段:{}", allowed.join("、"))
            }
            ProblemKind::UnknownField { allowed } => {
                format!("unknown field; allowed: {}", allowed.join(", "))
            }
            ProblemKind::UnknownKind(k) => {
                let names: Vec<&str> = Kind::ALL.iter().map(|(_, n)| *n).collect();
                if zh {
                    format!("未知图表类型 {},可用:{}", quoted(k), names.join("、"))
                } else {
                    format!("unknown chart kind {}; expected one of {}", quoted(k), names.join(", "))
                }
            }
            ProblemKind::Empty if zh => "不能为空".to_string(),
            ProblemKind::Empty => "must not be empty".to_string(),
            ProblemKind::TooLong { max } if zh => format!("过长,最多{max}个字符"),
            ProblemKind::TooLong { max } => format!("too long, at most {max} characters"),
            ProblemKind::TooMany { max } if zh => format!("过多,最多{max}项"),
            ProblemKind::TooMany { max } => format!("too many, at most {max}"),
            ProblemKind::NotFinite if zh => "应为有限的数字".to_string(),
            ProblemKind::NotFinite => "expected a finite number".to_string(),
            ProblemKind::TooLarge if zh => "数值过大,绝对值不超过10¹⁵".to_string(),
            ProblemKind::TooLarge => "too large, at most 1e15 in magnitude".to_string(),
            ProblemKind::Negative if zh => "不能为负数".to_string(),
            ProblemKind::Negative => "must not be negative".to_string(),
            ProblemKind::DuplicateId(id) if zh => format!("编号 {} 重复", quoted(id)),
            ProblemKind::DuplicateId(id) => format!("id {} is used twice", quoted(id)),
            ProblemKind::ExceedsWhole { whole } if zh => format!("不能超过整体 {}", plain_number(*whole, 3)),
            ProblemKind::ExceedsWhole { whole } => format!("must not exceed the whole, {}", plain_number(*whole, 3)),
            ProblemKind::NeedsField { field, kind } if zh => {
                format!("{kind} 类型需要 {field} 字段")
            }
            ProblemKind::NeedsField { field, kind } => format!("a {kind} chart needs {field}"),
            ProblemKind::NotPositive if zh => "应大于0".to_string(),
            ProblemKind::NotPositive => "must be greater than 0".to_string(),
            ProblemKind::NotWholeNumber if zh => "应为整数".to_string(),
            ProblemKind::NotWholeNumber => "expected a whole number".to_string(),
            ProblemKind::OutOfRange { min, max } if zh => {
                format!("应在 {} 到 {} 之间", plain_number(*min, 3), plain_number(*max, 3))
            }
            ProblemKind::OutOfRange { min, max } => {
                format!("expected between {} and {}", plain_number(*min, 3), plain_number(*max, 3))
            }
        };
        format!("{}: {what}", self.path)
    }
}

fn zh_type(expected: &str) -> &str {
    match expected {
        "a number" => "数字",
        "a string" => "字符串",
        "an object" => "对象",
        "an array" => "数组",
        "a text: a string or {zh, en}" => "文本(字符串或 {zh, en})",
        "\"over\" or \"about\"" => "\"over\" 或 \"about\"",
        "\"higher\" or \"lower\"" => "\"higher\" 或 \"lower\"",
        "\"red\", \"green\", \"blue\", \"ochre\" or \"plum\"" => "\"red\"、\"green\"、\"blue\"、\"ochre\" 或 \"plum\"",
        other => other,
    }
}

/// A short description of a JSON value for messages: `"abc"`, `null`, `an array`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => plain_number(*n, 6),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let ellipsis = if s.chars().count() > 40 { "…" } else { "" };
            quoted(&format!("{short}{ellipsis}"))
        }
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
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

/// Reads the fields of one JSON object, recording problems under `path`.
struct Fields<'a> {
    map: &'a Map,
    path: String,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Fields<'a> {
    fn open(
        value: &'a Value,
        path: &str,
        allowed: &'static [&'static str],
        problems: &'a mut Vec<Problem>,
    ) -> Option<Fields<'a>> {
        let Some(map) = value.as_object() else {
            problems.push(Problem::new(
                path,
                ProblemKind::WrongType { expected: "an object", got: describe(value) },
            ));
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                problems.push(Problem::new(
                    join(path, key),
                    ProblemKind::UnknownField { allowed },
                ));
            }
        }
        Some(Fields { map, path: path.to_string(), problems })
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn problem(&mut self, key: &str, kind: ProblemKind) {
        let path = self.at(key);
        self.problems.push(Problem::new(path, kind));
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn text(&mut self, key: &str) -> Option<Text> {
        match self.get(key) {
            Some(v) => parse_text(v, &self.at(key), self.problems),
            None => {
                self.problem(key, ProblemKind::Missing { expected: "a text: a string or {zh, en}" });
                None
            }
        }
    }

    fn optional_text(&mut self, key: &str) -> Option<Option<Text>> {
        match self.get(key) {
            Some(v) => parse_text(v, &self.at(key), self.problems).map(Some),
            None => Some(None),
        }
    }

    fn string(&mut self, key: &str) -> Option<String> {
        match self.get(key) {
            Some(v) => parse_string(v, &self.at(key), self.problems),
            None => {
                self.problem(key, ProblemKind::Missing { expected: "a string" });
                None
            }
        }
    }

    fn optional_string(&mut self, key: &str) -> Option<Option<String>> {
        match self.get(key) {
            Some(v) => parse_string(v, &self.at(key), self.problems).map(Some),
            None => Some(None),
        }
    }

    fn number(&mut self, key: &str) -> Option<f64> {
        match self.get(key) {
            Some(v) => parse_number(v, &self.at(key), self.problems),
            None => {
                self.problem(key, ProblemKind::Missing { expected: "a number" });
                None
            }
        }
    }

    fn optional_number(&mut self, key: &str) -> Option<Option<f64>> {
        match self.get(key) {
            Some(v) => parse_number(v, &self.at(key), self.problems).map(Some),
            None => Some(None),
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn parse_string(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<String> {
    let Some(s) = value.as_str() else {
        problems.push(Problem::new(
            path,
            ProblemKind::WrongType { expected: "a string", got: describe(value) },
        ));
        return None;
    };
    if s.trim().is_empty() {
        problems.push(Problem::new(path, ProblemKind::Empty));
        return None;
    }
    if s.chars().count() > MAX_TEXT_CHARS {
        problems.push(Problem::new(path, ProblemKind::TooLong { max: MAX_TEXT_CHARS }));
        return None;
    }
    Some(s.trim().to_string())
}

fn parse_text(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Text> {
    match value {
        Value::String(_) => parse_string(value, path, problems).map(|zh| Text { zh, en: None }),
        Value::Object(_) => {
            let mut fields = Fields::open(value, path, &["zh", "en"], problems)?;
            let zh = fields.string("zh");
            let en = fields.optional_string("en");
            Some(Text { zh: zh?, en: en? })
        }
        _ => {
            problems.push(Problem::new(
                path,
                ProblemKind::WrongType {
                    expected: "a text: a string or {zh, en}",
                    got: describe(value),
                },
            ));
            None
        }
    }
}

fn parse_number(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<f64> {
    let Some(n) = value.as_f64() else {
        problems.push(Problem::new(
            path,
            ProblemKind::WrongType { expected: "a number", got: describe(value) },
        ));
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

/// The fields each object may have (report.schema.json's `properties` agree: tests/schema.rs).
pub const REPORT_FIELDS: &[&str] = &[
    "$schema",
    "version",
    "publisher",
    "title",
    "subtitle",
    "period",
    "previous_period",
    "source",
    "sections",
];
pub const SECTION_FIELDS: &[&str] = &["id", "chapter", "kind", "title", "note", "figures"];
/// The fields of a chapter given as an object.
pub const CHAPTER_FIELDS: &[&str] = &["zh", "en", "accent"];
pub const FIGURE_FIELDS: &[&str] = &[
    "id",
    "label",
    "value",
    "unit",
    "unit_en",
    "approx",
    "previous",
    "total",
    "total_label",
    "progress",
    "target",
    "better",
];

fn parse_report(value: &Value, problems: &mut Vec<Problem>) -> Option<Report> {
    let mut fields = Fields::open(value, "", REPORT_FIELDS, problems)?;
    if let Some(version) = fields.optional_number("version").flatten() {
        if version != 1.0 {
            fields.problem("version", ProblemKind::OutOfRange { min: 1.0, max: 1.0 });
        }
    }
    let publisher = fields.optional_text("publisher");
    let title = fields.text("title");
    let subtitle = fields.optional_text("subtitle");
    let period = fields.text("period");
    let previous_period = fields.optional_text("previous_period");
    let source = fields.text("source");
    let sections = match fields.get("sections") {
        None => {
            fields.problem("sections", ProblemKind::Missing { expected: "an array" });
            None
        }
        Some(Value::Array(items)) if items.is_empty() => {
            fields.problem("sections", ProblemKind::Empty);
            None
        }
        Some(Value::Array(items)) if items.len() > MAX_SECTIONS => {
            fields.problem("sections", ProblemKind::TooMany { max: MAX_SECTIONS });
            None
        }
        Some(Value::Array(items)) => Some(items),
        Some(other) => {
            let got = describe(other);
            fields.problem("sections", ProblemKind::WrongType { expected: "an array", got });
            None
        }
    };
    // Top-level problems so far make the whole report unusable; the rest are per section.
    let top_level_ok = fields.problems.is_empty();
    let mut seen_ids: Vec<String> = Vec::new();
    let slots: Vec<SectionSlot> = sections
        .map(|items| {
            items
                .iter()
                .enumerate()
                .map(|(i, v)| parse_section(v, i, &mut seen_ids))
                .collect()
        })
        .unwrap_or_default();
    let report = match (publisher, title, subtitle, period, previous_period, source) {
        (Some(publisher), Some(title), Some(subtitle), Some(period), Some(previous_period), Some(source))
            if top_level_ok =>
        {
            Report { publisher, title, subtitle, period, previous_period, source, sections: slots }
        }
        _ => {
            for slot in slots {
                if let SectionSlot::Broken(broken) = slot {
                    problems.extend(broken.problems);
                }
            }
            return None;
        }
    };
    Some(report)
}

fn parse_section(value: &Value, index: usize, seen_ids: &mut Vec<String>) -> SectionSlot {
    let path = format!("sections[{index}]");
    let mut problems = Vec::new();
    let section = parse_section_fields(value, &path, seen_ids, &mut problems);
    match section {
        Some(section) if problems.is_empty() => SectionSlot::Valid(section),
        _ => {
            // Recover what can be said of the section for its notice.
            let object = value.as_object();
            let text_of = |key: &str| {
                object
                    .and_then(|o| o.get(key))
                    .and_then(|v| parse_text(v, "", &mut Vec::new()))
            };
            SectionSlot::Broken(BrokenSection {
                index,
                id: object
                    .and_then(|o| o.get("id"))
                    .and_then(Value::as_str)
                    .map(str::to_string),
                chapter: text_of("chapter"),
                title: text_of("title"),
                problems,
            })
        }
    }
}

fn parse_section_fields(
    value: &Value,
    path: &str,
    seen_ids: &mut Vec<String>,
    problems: &mut Vec<Problem>,
) -> Option<Section> {
    let mut fields = Fields::open(value, path, SECTION_FIELDS, problems)?;
    let id = fields.string("id");
    if let Some(id) = &id {
        check_id(id, &fields.at("id"), seen_ids, fields.problems);
    }
    let chapter = match fields.get("chapter") {
        None => Some((None, None)),
        Some(value) => parse_chapter(value, &fields.at("chapter"), fields.problems).map(|(text, accent)| (Some(text), accent)),
    };
    let kind = match fields.string("kind") {
        Some(name) => match Kind::parse(&name) {
            Some(kind) => Some(kind),
            None => {
                fields.problem("kind", ProblemKind::UnknownKind(name));
                None
            }
        },
        None => None,
    };
    let title = fields.text("title");
    let note = fields.optional_text("note");
    let figures_path = fields.at("figures");
    let figures = match fields.get("figures") {
        None => {
            fields.problem("figures", ProblemKind::Missing { expected: "an array" });
            None
        }
        Some(Value::Array(items)) if items.is_empty() => {
            fields.problem("figures", ProblemKind::Empty);
            None
        }
        Some(Value::Array(items)) if items.len() > MAX_FIGURES => {
            fields.problem("figures", ProblemKind::TooMany { max: MAX_FIGURES });
            None
        }
        Some(Value::Array(items)) => {
            let parsed: Vec<Option<Figure>> = items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    parse_figure(v, &format!("{figures_path}[{i}]"), seen_ids, fields.problems)
                })
                .collect();
            parsed.into_iter().collect::<Option<Vec<Figure>>>()
        }
        Some(other) => {
            let got = describe(other);
            fields.problem("figures", ProblemKind::WrongType { expected: "an array", got });
            None
        }
    };
    let (chapter, accent) = chapter?;
    let section = Section {
        id: id?,
        chapter,
        accent,
        kind: kind?,
        title: title?,
        note: note?,
        figures: figures?,
    };
    check_kind(&section, &figures_path, problems);
    Some(section)
}

/// A chapter: a text, or `{zh, en, accent}` with a colour named from the palette.
fn parse_chapter(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<(Text, Option<Accent>)> {
    let Value::Object(_) = value else {
        return parse_text(value, path, problems).map(|text| (text, None));
    };
    let mut fields = Fields::open(value, path, CHAPTER_FIELDS, problems)?;
    let zh = fields.string("zh");
    let en = fields.optional_string("en");
    let accent = match fields.get("accent") {
        None => Some(None),
        Some(Value::String(name)) if Accent::parse(name).is_some() => Some(Accent::parse(name)),
        Some(other) => {
            let got = describe(other);
            fields.problem("accent", ProblemKind::WrongType { expected: "\"red\", \"green\", \"blue\", \"ochre\" or \"plum\"", got });
            None
        }
    };
    Some((Text { zh: zh?, en: en? }, accent?))
}

fn check_id(id: &str, path: &str, seen_ids: &mut Vec<String>, problems: &mut Vec<Problem>) {
    if seen_ids.iter().any(|seen| seen == id) {
        problems.push(Problem::new(path, ProblemKind::DuplicateId(id.to_string())));
    } else {
        seen_ids.push(id.to_string());
    }
}

fn parse_figure(
    value: &Value,
    path: &str,
    seen_ids: &mut Vec<String>,
    problems: &mut Vec<Problem>,
) -> Option<Figure> {
    let mut fields = Fields::open(value, path, FIGURE_FIELDS, problems)?;
    let id = fields.string("id");
    if let Some(id) = &id {
        check_id(id, &fields.at("id"), seen_ids, fields.problems);
    }
    let label = fields.text("label");
    let value = fields.number("value");
    let unit = fields.string("unit");
    if let Some(unit) = &unit {
        if unit.chars().count() > MAX_UNIT_CHARS {
            fields.problem("unit", ProblemKind::TooLong { max: MAX_UNIT_CHARS });
        }
    }
    let unit_en = fields.optional_string("unit_en");
    let approx = match fields.get("approx") {
        None => Some(None),
        Some(Value::String(s)) if s == "over" => Some(Some(Approx::Over)),
        Some(Value::String(s)) if s == "about" => Some(Some(Approx::About)),
        Some(other) => {
            let got = describe(other);
            fields.problem("approx", ProblemKind::WrongType { expected: "\"over\" or \"about\"", got });
            None
        }
    };
    let previous = fields.optional_number("previous");
    let total = fields.optional_number("total");
    let total_label = fields.optional_text("total_label");
    let progress = fields.optional_number("progress");
    let target = fields.optional_number("target");
    let better = match fields.get("better") {
        None => Some(None),
        Some(Value::String(s)) if s == "higher" => Some(Some(Better::Higher)),
        Some(Value::String(s)) if s == "lower" => Some(Some(Better::Lower)),
        Some(other) => {
            let got = describe(other);
            fields.problem("better", ProblemKind::WrongType { expected: "\"higher\" or \"lower\"", got });
            None
        }
    };
    for (key, number) in [("previous", &previous), ("total", &total), ("target", &target)] {
        if matches!(number, Some(Some(n)) if *n < 0.0) {
            fields.problem(key, ProblemKind::Negative);
        }
    }
    if matches!(progress, Some(Some(p)) if !(0.0..=MAX_PROGRESS).contains(&p)) {
        fields.problem("progress", ProblemKind::OutOfRange { min: 0.0, max: MAX_PROGRESS });
    }
    Some(Figure {
        id: id?,
        label: label?,
        value: value?,
        unit: unit?,
        unit_en: unit_en?,
        approx: approx?,
        previous: previous?,
        total: total?,
        total_label: total_label?,
        progress: progress?,
        target: target?,
        better: better?,
    })
}

/// The rules each chart kind adds to the figures it draws.
fn check_kind(section: &Section, figures_path: &str, problems: &mut Vec<Problem>) {
    let at = |i: usize, key: &str| format!("{figures_path}[{i}].{key}");
    let lengths = !matches!(section.kind, Kind::Stats);
    for (i, figure) in section.figures.iter().enumerate() {
        if lengths && figure.value < 0.0 {
            problems.push(Problem::new(at(i, "value"), ProblemKind::Negative));
        }
        match section.kind {
            Kind::Compare if figure.previous.is_none() => problems.push(Problem::new(
                at(i, "previous"),
                ProblemKind::NeedsField { field: "previous", kind: "compare" },
            )),
            Kind::Ring => match (figure.total, figure.unit.as_str()) {
                (Some(total), _) if total <= 0.0 => {
                    problems.push(Problem::new(at(i, "total"), ProblemKind::NotPositive))
                }
                (Some(total), _) if figure.value > total => problems.push(Problem::new(
                    at(i, "value"),
                    ProblemKind::ExceedsWhole { whole: total },
                )),
                (None, "%") if figure.value > 100.0 => problems.push(Problem::new(
                    at(i, "value"),
                    ProblemKind::ExceedsWhole { whole: 100.0 },
                )),
                (None, "%") => {}
                (None, _) => problems.push(Problem::new(
                    at(i, "total"),
                    ProblemKind::NeedsField { field: "total (or unit \"%\")", kind: "ring" },
                )),
                _ => {}
            },
            Kind::Gauge if figure.progress_percent().is_none() => problems.push(Problem::new(
                at(i, "progress"),
                ProblemKind::NeedsField { field: "progress or target", kind: "gauge" },
            )),
            _ => {}
        }
    }
    if section.kind == Kind::Pictogram {
        let whole = &section.figures[0];
        if whole.value.fract() != 0.0 {
            problems.push(Problem::new(at(0, "value"), ProblemKind::NotWholeNumber));
        } else if !(1.0..=MAX_PICTOGRAM).contains(&whole.value) {
            problems.push(Problem::new(at(0, "value"), ProblemKind::OutOfRange {
                min: 1.0,
                max: MAX_PICTOGRAM,
            }));
        }
        for (i, part) in section.figures.iter().enumerate().skip(1) {
            if part.unit == whole.unit && part.value > whole.value {
                problems.push(Problem::new(
                    at(i, "value"),
                    ProblemKind::ExceedsWhole { whole: whole.value },
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use serde_json::Value;

    /// Validates a report written with serde_json's json! macro.
    fn check(value: Value) -> Result<Report, ReportError> {
        Report::from_value(&crate::json::Value::from(value))
    }

    fn minimal(sections: Value) -> Value {
        json!({ "title": "T", "period": "P", "source": "S", "sections": sections })
    }

    fn bars(figures: Value) -> Value {
        json!({ "id": "s", "kind": "bars", "title": "t", "figures": figures })
    }

    fn paths(err: &ReportError) -> Vec<String> {
        err.problems.iter().map(|p| p.path.clone()).collect()
    }

    #[test]
    fn default_report_parses_with_every_section_valid() {
        let Ok(report) = Report::default_report() else { panic!("the sample report is invalid") };
        assert_eq!(report.problems(), vec![]);
        assert_eq!(report.sections.len(), report.valid_sections().count());
        let gdp = report.valid_sections().flat_map(|s| &s.figures).find(|f| f.id == "gdp");
        assert_eq!(gdp.map(|f| (f.value, f.unit.as_str())), Some((317.8, "亿元")));
    }

    #[test]
    fn wrong_type_names_path_and_value() {
        let value = minimal(json!([bars(json!([{ "id": "a", "label": "x", "value": "abc", "unit": "个" }]))]));
        let err = check(value).unwrap_err();
        assert_eq!(
            err.problems[0].message(Locale::En),
            "sections[0].figures[0].value: expected a number, got \"abc\""
        );
        assert_eq!(
            err.problems[0].message(Locale::Zh),
            "sections[0].figures[0].value: 应为数字,实际是 \"abc\""
        );
    }

    #[test]
    fn every_problem_is_listed_at_once() {
        let value = minimal(json!([bars(json!([
            { "id": "a", "label": "", "value": 1, "unit": "个" },
            { "id": "a", "label": "y", "value": null, "unit": "个", "colour": "red" }
        ]))]));
        let err = check(value).unwrap_err();
        assert_eq!(
            paths(&err),
            vec![
                "sections[0].figures[0].label",
                "sections[0].figures[1].colour",
                "sections[0].figures[1].id",
                "sections[0].figures[1].value",
            ]
        );
    }

    #[test]
    fn a_broken_section_keeps_the_others() {
        let good = bars(json!([{ "id": "a", "label": "x", "value": 1, "unit": "个" }]));
        let bad = json!({ "id": "b", "kind": "pie", "title": "坏", "figures": [] });
        let Ok(report) = check(minimal(json!([good, bad]))) else { panic!("one section draws") };
        assert_eq!(report.valid_sections().count(), 1);
        match &report.sections[1] {
            SectionSlot::Broken(b) => {
                assert_eq!(b.title.as_ref().map(|t| t.zh.as_str()), Some("坏"));
                let p: Vec<&str> = b.problems.iter().map(|p| p.path.as_str()).collect();
                assert_eq!(p, vec!["sections[1].kind", "sections[1].figures"]);
            }
            other => panic!("expected a broken section, got {other:?}"),
        }
    }

    #[test]
    fn top_level_faults_refuse_the_report() {
        let err = check(json!({ "title": 3, "sections": {} })).unwrap_err();
        assert_eq!(paths(&err), vec!["title", "period", "source", "sections"]);
        let err = check(json!([])).unwrap_err();
        assert_eq!(err.problems[0].message(Locale::En), ": expected an object, got an array");
        let err = Report::from_json_str("{\"title\": ").unwrap_err();
        assert!(err.problems[0].path.starts_with("line 1"), "{err}");
    }

    #[test]
    fn publisher_better_and_chapter_accent_are_read_and_checked() {
        let report = check(json!({"publisher": {"zh": "某区新闻网", "en": "District News"}, "title": "T", "period": "P", "source": "S", "sections": [
            {"id": "s", "kind": "bars", "title": "t", "chapter": {"zh": "生态", "en": "Ecology", "accent": "green"},
             "figures": [{"id": "a", "label": "a", "value": 1, "unit": "个", "better": "lower"}]}]}));
        let report = report.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(report.publisher.as_ref().map(|p| p.get(Locale::En)), Some("District News"));
        let section = report.valid_sections().next().unwrap_or_else(|| panic!("a section"));
        assert_eq!((section.accent, section.figures[0].better), (Some(Accent::Green), Some(Better::Lower)));
        assert_eq!(section.chapter.as_ref().map(|c| c.get(Locale::En)), Some("Ecology"));
        let bad = check(json!({"title": "T", "period": "P", "source": "S", "sections": [
            {"id": "s", "kind": "bars", "title": "t", "chapter": {"zh": "生态", "accent": "teal"},
             "figures": [{"id": "a", "label": "a", "value": 1, "unit": "个", "better": "up"}]},
            {"id": "t", "kind": "bars", "title": "t", "figures": [{"id": "b", "label": "b", "value": 1, "unit": "个"}]}]}));
        let problems = bad.map(|r| r.problems()).unwrap_or_default();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["sections[0].chapter.accent", "sections[0].figures[0].better"]);
    }

    #[test]
    fn kind_rules_are_checked() {
        let ring = json!({ "id": "r", "kind": "ring", "title": "t", "figures": [
            { "id": "a", "label": "x", "value": 5, "unit": "个", "total": 4 },
            { "id": "b", "label": "x", "value": 5, "unit": "个" } ] });
        let compare = json!({ "id": "c", "kind": "compare", "title": "t", "figures": [
            { "id": "c1", "label": "x", "value": 5, "unit": "天" } ] });
        let picto = json!({ "id": "p", "kind": "pictogram", "title": "t", "figures": [
            { "id": "p1", "label": "x", "value": 2.5, "unit": "个" } ] });
        let err = check(minimal(json!([ring, compare, picto]))).unwrap_err();
        assert_eq!(
            paths(&err),
            vec![
                "sections[0].figures[0].value",
                "sections[0].figures[1].total",
                "sections[1].figures[0].previous",
                "sections[2].figures[0].value",
            ]
        );
    }

    #[test]
    fn every_class_of_problem_is_named_with_its_path() {
        let long = "长".repeat(MAX_TEXT_CHARS + 1);
        let figure = |id: &str, extra: Value| {
            let mut f = json!({ "id": id, "label": "x", "value": 1, "unit": "个" });
            if let (Some(f), Some(extra)) = (f.as_object_mut(), extra.as_object()) {
                f.extend(extra.clone());
            }
            f
        };
        let section = |id: &str, kind: &str, figures: Value| json!({ "id": id, "kind": kind, "title": "t", "figures": figures });
        let cases: Vec<(Value, &str, fn(&ProblemKind) -> bool)> = vec![
            (section("a", "bars", json!([figure("a1", json!({ "value": "abc" }))])), "sections[0].figures[0].value", |k| matches!(k, ProblemKind::WrongType { .. })),
            (section("a", "bars", json!([figure("a1", json!({ "value": null }))])), "sections[0].figures[0].value", |k| matches!(k, ProblemKind::Missing { .. })),
            (section("a", "bars", json!([figure("a1", json!({ "colour": "red" }))])), "sections[0].figures[0].colour", |k| matches!(k, ProblemKind::UnknownField { .. })),
            (section("a", "pie", json!([figure("a1", json!({}))])), "sections[0].kind", |k| matches!(k, ProblemKind::UnknownKind(_))),
            (section("a", "bars", json!([figure("a1", json!({ "label": " " }))])), "sections[0].figures[0].label", |k| *k == ProblemKind::Empty),
            (section("a", "bars", json!([figure("a1", json!({ "label": long }))])), "sections[0].figures[0].label", |k| matches!(k, ProblemKind::TooLong { .. })),
            (section("a", "bars", json!(vec![figure("x", json!({})); MAX_FIGURES + 1])), "sections[0].figures", |k| matches!(k, ProblemKind::TooMany { .. })),
            (section("a", "bars", json!([figure("a1", json!({ "value": 2e15 }))])), "sections[0].figures[0].value", |k| *k == ProblemKind::TooLarge),
            (section("a", "bars", json!([figure("a1", json!({ "value": -3 }))])), "sections[0].figures[0].value", |k| *k == ProblemKind::Negative),
            (section("a", "bars", json!([figure("a1", json!({})), figure("a1", json!({}))])), "sections[0].figures[1].id", |k| matches!(k, ProblemKind::DuplicateId(_))),
            (section("a", "ring", json!([figure("a1", json!({ "value": 5, "total": 4 }))])), "sections[0].figures[0].value", |k| matches!(k, ProblemKind::ExceedsWhole { .. })),
            (section("a", "ring", json!([figure("a1", json!({ "total": 0 }))])), "sections[0].figures[0].total", |k| *k == ProblemKind::NotPositive),
            (section("a", "compare", json!([figure("a1", json!({}))])), "sections[0].figures[0].previous", |k| matches!(k, ProblemKind::NeedsField { .. })),
            (section("a", "pictogram", json!([figure("a1", json!({ "value": 2.5 }))])), "sections[0].figures[0].value", |k| *k == ProblemKind::NotWholeNumber),
            (section("a", "gauge", json!([figure("a1", json!({ "progress": 2000 }))])), "sections[0].figures[0].progress", |k| matches!(k, ProblemKind::OutOfRange { .. })),
        ];
        for (section, path, kind) in cases {
            let err = check(minimal(json!([section]))).unwrap_err();
            let found = err.problems.iter().find(|p| p.path == path);
            assert!(found.is_some_and(|p| kind(&p.kind)), "{path}: {:?}", err.problems);
            let problem = found.map(|p| (p.message(Locale::Zh), p.message(Locale::En))).unwrap_or_default();
            assert!(problem.0.starts_with(path) && problem.1.starts_with(path), "{problem:?}");
            assert_ne!(problem.0, problem.1, "a message in each language");
        }
        let err = Report::from_json_str("{ not json").unwrap_err();
        assert!(matches!(err.problems[0].kind, ProblemKind::Syntax(_)));
    }

    #[test]
    fn numbers_must_be_finite_and_readable() {
        let value = minimal(json!([
            bars(json!([{ "id": "a", "label": "x", "value": 1e300, "unit": "个" }])),
            json!({ "id": "t", "kind": "bars", "title": "t", "figures": [{ "id": "b", "label": "x", "value": -1, "unit": "个" }] })
        ]));
        let err = check(value).unwrap_err();
        assert_eq!(err.problems[0].kind, ProblemKind::TooLarge);
        assert_eq!(err.problems[1].kind, ProblemKind::Negative);
    }
}
