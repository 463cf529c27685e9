//! Why a call from the page was refused, in the reader's language. Every refusal becomes a JS
//! `Error` whose message starts with the path of the value at fault (`options.width`,
//! `sections[0].figures[1].value`, `hitTest(x)`), so that a page developer can act on it
//! whatever the value was. The words of each language stay in that language: a Chinese
//! message holds no English besides the path and quoted values, and the other way round.

use wasm_bindgen::JsValue;

use crate::format::whole_number;
use crate::locale::Locale;

/// How deep a report may nest: the walk is recursive, and no report nests a tenth as deep.
pub const MAX_DEPTH: usize = 32;

/// The most items an array (or fields an object) may have before it is walked: a page can
/// pass an array whose length is 2³²−1, and walking its holes would hang the tab. The
/// validator's own limits are far lower; this one only keeps the walk short.
pub const MAX_ITEMS: u32 = 10_000;

/// The most values a report may hold in all, however they nest.
pub const MAX_VALUES: u32 = 100_000;

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
    /// An object that contains itself.
    Cycle,
    TooDeep,
    TooMany,
    /// More than [`MAX_VALUES`] values in all.
    TooLarge,
    Function,
    Symbol,
    BigInt,
    Destroyed,
    /// A method called from inside the component's own drawing (a listener of the page's).
    Busy,
    NoDocument,
    NoContext,
    DrawingFailed,
}

impl Refusal {
    /// The refusal as words in `locale`, without the path.
    fn words(self, locale: Locale) -> String {
        let zh = locale == Locale::Zh;
        let not_data = |got_zh: &str, got_en: &str| {
            if zh {
                ["应为文本、数字、数组或对象,实际是", got_zh].concat()
            } else {
                ["expected text, a number, an array or an object, got ", got_en].concat()
            }
        };
        let limit = |before: &str, limit: u32, after: &str| [before, &whole_number(limit.into()), after].concat();
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
            Refusal::TooDeep if zh => return limit("嵌套超过", MAX_DEPTH as u32, "层"),
            Refusal::TooDeep => return limit("nested more than ", MAX_DEPTH as u32, " levels deep"),
            Refusal::Cycle if zh => "引用了包含它的对象(循环引用)",
            Refusal::Cycle => "refers back to an object that contains it (a cycle)",
            Refusal::TooLarge if zh => return limit("报告过大,最多", MAX_VALUES, "个值"),
            Refusal::TooLarge => return limit("too large, at most ", MAX_VALUES, " values in all"),
            Refusal::TooMany if zh => return limit("项数过多,最多", MAX_ITEMS, "项"),
            Refusal::TooMany => return limit("too many items, at most ", MAX_ITEMS, ""),
            Refusal::Function => return not_data("函数", "a function"),
            Refusal::Symbol => return not_data("符号值", "a Symbol"),
            Refusal::BigInt => return not_data("大整数", "a BigInt"),
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
        [self.path.as_str(), ": ", &self.why.words(locale)].concat()
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
