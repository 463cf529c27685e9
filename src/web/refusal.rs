//! Why a call from the page was refused, in the reader's language. Every refusal becomes a JS
//! `Error` whose message starts with the path of the value at fault (`options.width`,
//! `sections[0].figures[1].value`, `hitTest(x)`), so that a page developer can act on it
//! whatever the value was. The words of each language stay in that language: a Chinese
//! message holds no English besides the path and quoted values, and the other way round.

use wasm_bindgen::JsValue;

use crate::locale::Locale;

/// How deep a report may nest: the walk is recursive, and no report nests a tenth as deep.
pub const MAX_DEPTH: usize = 32;

/// What was wrong with a value the page passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    ExpectedObject,
    /// The report argument was undefined or null.
    ExpectedReport,
    ExpectedLocale,
    ExpectedTheme,
    ExpectedPositiveNumber,
    ExpectedNumber,
    ExpectedBoolean,
    /// Reading it threw: a getter, or a Proxy's trap.
    Unreadable,
    TooDeep,
    Destroyed,
    /// A method called from inside the component's own drawing (a listener of the page's).
    Busy,
    NoDocument,
    NoContext,
    DrawingFailed,
    /// A value of ours could not be handed to JavaScript.
    Internal,
}

impl Refusal {
    /// The refusal as words in `locale`, without the path.
    fn words(self, locale: Locale) -> String {
        let zh = locale == Locale::Zh;
        let text = match self {
            Refusal::ExpectedObject if zh => "应为对象",
            Refusal::ExpectedObject => "expected an object",
            Refusal::ExpectedReport if zh => "应为报告对象(报告文件解析后的数据),实际没有传入",
            Refusal::ExpectedReport => "expected a report object (the parsed JSON of a report file), got nothing",
            Refusal::ExpectedLocale if zh => "应为 \"zh\" 或 \"en\"",
            Refusal::ExpectedLocale => "expected \"zh\" or \"en\"",
            Refusal::ExpectedTheme if zh => "应为 \"light\"、\"dark\" 或 \"auto\"",
            Refusal::ExpectedTheme => "expected \"light\", \"dark\" or \"auto\"",
            Refusal::ExpectedPositiveNumber if zh => "应为正数",
            Refusal::ExpectedPositiveNumber => "expected a positive number",
            Refusal::ExpectedNumber if zh => "应为数字",
            Refusal::ExpectedNumber => "expected a number",
            Refusal::ExpectedBoolean if zh => "应为 true 或 false",
            Refusal::ExpectedBoolean => "expected true or false",
            Refusal::Unreadable if zh => "无法读取(读取时出错)",
            Refusal::Unreadable => "cannot be read (reading it threw an error)",
            Refusal::TooDeep if zh => return format!("嵌套超过{MAX_DEPTH}层"),
            Refusal::TooDeep => return format!("nested more than {MAX_DEPTH} levels deep"),
            Refusal::Destroyed if zh => "此信息图已销毁,不能再使用",
            Refusal::Destroyed => "this infographic was destroyed",
            Refusal::Busy if zh => "正在绘制时不能调用",
            Refusal::Busy => "called while drawing",
            Refusal::NoDocument if zh => "没有页面文档:信息图须在浏览器页面中运行",
            Refusal::NoDocument => "no document: the infographic runs in a browser page",
            Refusal::NoContext if zh => "画布无法提供二维绘图环境",
            Refusal::NoContext => "the canvas cannot give a 2D drawing context",
            Refusal::DrawingFailed if zh => "绘制失败",
            Refusal::DrawingFailed => "drawing failed",
            Refusal::Internal if zh => "内部错误",
            Refusal::Internal => "internal error",
        };
        text.to_string()
    }
}

/// A refusal and the path of the value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub path: String,
    pub why: Refusal,
}

impl Refused {
    pub fn new(path: impl Into<String>, why: Refusal) -> Refused {
        Refused { path: path.into(), why }
    }

    /// `path: words`, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        format!("{}: {}", self.path, self.why.words(locale))
    }

    /// The JS `Error` a refused call throws.
    pub fn error(&self, locale: Locale) -> JsValue {
        js_error(&self.message(locale))
    }
}

/// A JS `Error` with `message`.
pub fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Refuses `why` at `path` in `locale`, as a JS `Error`.
pub fn refuse(locale: Locale, path: &str, why: Refusal) -> JsValue {
    Refused::new(path, why).error(locale)
}
