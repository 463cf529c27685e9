//! The draft extractor: a work-report article (Chinese prose, plain or markdown) in, a draft
//! report out that passes validation and draws, with a warning for every guess (a chart kind,
//! a title, a chapter, a label cut from a long clause, a previous value computed from a change)
//! so that an editor checks a draft instead of typing a report.
//!
//! The stages, each its own module: [`scan`] (headline, headings, paragraphs, sentences; a
//! Markdown table read as prose by [`tables`]),
//! [`figures`] (numbers with units, read by [`unit_words`], and their roles), [`relate`] (labels
//! and the relations a sentence states; wholes and parts in [`parts`], what a change is against
//! in [`basis`]), [`group`] (sections and chart kinds); this module adds the report's title,
//! period and source, the ids and the warnings. Pure Rust: the CLI and the editor's wasm build
//! (`draftReport`) share it.

mod basis;
mod figures;
mod labels;
mod numbers;
mod parts;
mod group;
mod relate;
mod scan;
mod tables;
mod unit_words;

use serde::{Serialize, Serializer};

use crate::json::{Map, Value};
use crate::locale::Locale;
use crate::report::{MAX_FIGURES, MAX_SECTIONS, MAX_TEXT_CHARS};
use figures::Approx;
use relate::{LabelFrom, PreviousFrom};

/// Where the JSON Schema is, as written in a draft by default (relative to the repository).
pub const SCHEMA_PATH: &str = "report.schema.json";

/// The most characters of article the extractor reads; an article is a few thousand.
pub const MAX_ARTICLE_CHARS: usize = 2_000_000;

/// A draft: the report and what the editor must check.
#[derive(Debug, Clone)]
pub struct Draft {
    pub report: DraftReport,
    pub warnings: Vec<Warning>,
}

/// A guess the draft makes, at the field path it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub path: String,
    pub message_zh: String,
    pub message_en: String,
}

impl Warning {
    fn new(path: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Warning {
        Warning { path: path.into(), message_zh: zh.into(), message_en: en.into() }
    }

    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> &str {
        match locale {
            Locale::Zh => &self.message_zh,
            Locale::En => &self.message_en,
        }
    }
}

/// Why there is no draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftError {
    /// The text is empty or only white space.
    Empty,
    /// No number with a unit was found in it.
    NoFigure,
}

impl DraftError {
    /// The message in `locale`, for a person.
    pub fn message(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (DraftError::Empty, Locale::Zh) => "文章为空:请粘贴或打开工作报告的正文",
            (DraftError::Empty, Locale::En) => "the article is empty: paste or open the text of a work report",
            (DraftError::NoFigure, Locale::Zh) => "文中没有找到带单位的数字(如317.8亿元、85天、96%),无法起草报告",
            (DraftError::NoFigure, Locale::En) => {
                "no number with a unit (such as 317.8亿元, 85天, 96%) was found in the text, so there is nothing to draft"
            }
        }
    }
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(Locale::En))
    }
}

impl std::error::Error for DraftError {}

/// A drafted report, serialised in the report format (field order as editors read it).
#[derive(Debug, Clone, Serialize)]
pub struct DraftReport {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub version: u32,
    pub title: String,
    pub period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_period: Option<String>,
    pub source: String,
    pub sections: Vec<DraftSection>,
}

/// A drafted section.
#[derive(Debug, Clone, Serialize)]
pub struct DraftSection {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
    pub kind: &'static str,
    pub title: String,
    pub figures: Vec<DraftFigure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A drafted figure.
#[derive(Debug, Clone, Serialize)]
pub struct DraftFigure {
    pub id: String,
    pub label: String,
    #[serde(serialize_with = "number")]
    pub value: f64,
    pub unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_number")]
    pub previous: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_number")]
    pub total: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_number")]
    pub progress: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_number")]
    pub target: Option<f64>,
}

/// A whole number as an integer (20000, not 20000.0), as an editor writes it.
fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

fn optional_number<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => number(v, serializer),
        None => serializer.serialize_none(),
    }
}

impl DraftReport {
    /// The report as the validator's JSON value, built directly: no JSON text and no serde_json
    /// in the editor's wasm.
    pub fn to_value(&self) -> Value {
        let text = |s: &str| Value::String(s.to_string());
        let mut report = Map::new();
        report.insert("$schema".into(), text(&self.schema));
        report.insert("version".into(), Value::Number(self.version as f64));
        report.insert("title".into(), text(&self.title));
        report.insert("period".into(), text(&self.period));
        if let Some(previous) = &self.previous_period {
            report.insert("previous_period".into(), text(previous));
        }
        report.insert("source".into(), text(&self.source));
        let sections = self
            .sections
            .iter()
            .map(|s| {
                let mut section = Map::new();
                section.insert("id".into(), text(&s.id));
                if let Some(chapter) = &s.chapter {
                    section.insert("chapter".into(), text(chapter));
                }
                section.insert("kind".into(), text(s.kind));
                section.insert("title".into(), text(&s.title));
                let figures = s
                    .figures
                    .iter()
                    .map(|f| {
                        let mut figure = Map::new();
                        figure.insert("id".into(), text(&f.id));
                        figure.insert("label".into(), text(&f.label));
                        figure.insert("value".into(), Value::Number(f.value));
                        figure.insert("unit".into(), text(&f.unit));
                        if let Some(approx) = f.approx {
                            figure.insert("approx".into(), text(approx));
                        }
                        for (key, number) in [("previous", f.previous), ("total", f.total), ("progress", f.progress), ("target", f.target)] {
                            if let Some(n) = number {
                                figure.insert(key.into(), Value::Number(n));
                            }
                        }
                        if let Some(label) = &f.total_label {
                            figure.insert("total_label".into(), text(label));
                        }
                        Value::Object(figure)
                    })
                    .collect();
                section.insert("figures".into(), Value::Array(figures));
                if let Some(note) = &s.note {
                    section.insert("note".into(), text(note));
                }
                Value::Object(section)
            })
            .collect();
        report.insert("sections".into(), Value::Array(sections));
        Value::Object(report)
    }
}

impl Draft {
    /// The report as formatted JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.report).unwrap_or_default()
    }

    /// How many figures the draft holds.
    pub fn figure_count(&self) -> usize {
        self.report.sections.iter().map(|s| s.figures.len()).sum()
    }
}

/// The text cut to `max` characters.
fn at_most(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Drafts a report from an article.
pub fn draft(text: &str) -> Result<Draft, DraftError> {
    let text: String = text.chars().take(MAX_ARTICLE_CHARS).collect();
    if text.trim().is_empty() {
        return Err(DraftError::Empty);
    }
    let article = scan::scan(&text);
    // A report of a whole year: its previous period ends where it starts (比年初 is `previous`).
    let annual = matches!(year_part(&text), None | Some("全年"));
    let mut groups = Vec::new();
    for paragraph in article.paragraphs.iter().filter(|p| !p.aside) {
        let drafted = relate::paragraph(&paragraph.text, annual);
        if !drafted.figures.is_empty() {
            group::paragraph_groups(drafted, paragraph.heading, &mut groups);
        }
        if groups.len() > MAX_SECTIONS {
            break;
        }
    }
    let groups = group::merge_small(group::without_repeats(groups));
    if groups.is_empty() {
        return Err(DraftError::NoFigure);
    }
    let mut warnings = Vec::new();
    let (title, period, previous_period, source) = metadata(&text, &article, &mut warnings);
    let mut sections = Vec::new();
    let mut last_chapter = None;
    let truncated = groups.len() > MAX_SECTIONS;
    for (index, group) in groups.into_iter().take(MAX_SECTIONS).enumerate() {
        let path = format!("sections[{index}]");
        let chapter = group.chapter.and_then(|h| article.headings.get(h)).map(|h| chapter_name(h));
        if group.chapter != last_chapter {
            if let Some(chapter) = &chapter {
                warnings.push(Warning::new(
                    format!("{path}.chapter"),
                    format!("章节名取自小标题“{chapter}”,可改短"),
                    format!("chapter taken from the heading “{chapter}”; shorten it if need be"),
                ));
            }
            last_chapter = group.chapter;
        }
        let (zh, en) = kind_words(group.kind);
        warnings.push(Warning::new(
            format!("{path}.kind"),
            format!("图表类型猜测为 {zh}({}):{}", group.kind, group.why.0),
            format!("chart kind guessed as {en} ({}): {}", group.kind, group.why.1),
        ));
        let title = if group.title.trim().is_empty() { group.figures[0].unit.clone() } else { at_most(&group.title, 40) };
        warnings.push(Warning::new(
            format!("{path}.title"),
            format!("标题取自{}“{title}”,请核对", group.title_from.0),
            format!("title taken from {}, “{title}”: check it", group.title_from.1),
        ));
        let mut notes: Vec<String> = Vec::new();
        let mut figures = Vec::new();
        for (f, drafted) in group.figures.into_iter().take(MAX_FIGURES).enumerate() {
            let at = format!("{path}.figures[{f}]");
            figure_warnings(&drafted, &at, &mut warnings);
            notes.extend(drafted.changes.iter().cloned());
            notes.extend(drafted.notes.iter().cloned());
            let label = if drafted.label.trim().is_empty() { drafted.unit.clone() } else { at_most(&drafted.label, MAX_TEXT_CHARS) };
            figures.push(DraftFigure {
                id: format!("s{}-{}", index + 1, f + 1),
                label,
                value: drafted.value,
                unit: drafted.unit.clone(),
                approx: drafted.approx.map(|a| match a {
                    Approx::Over => "over",
                    Approx::About => "about",
                }),
                previous: drafted.previous.as_ref().map(|p| p.0),
                total: drafted.total.as_ref().map(|t| t.0),
                total_label: drafted.total.as_ref().map(|t| at_most(&t.1, MAX_TEXT_CHARS)).filter(|l| !l.trim().is_empty()),
                progress: drafted.progress,
                target: drafted.target.filter(|t| *t > 0.0),
            });
        }
        let note = (!notes.is_empty()).then(|| {
            warnings.push(Warning::new(
                format!("{path}.note"),
                "说明汇集了文中所述的增减变化,请核对",
                "the note gathers the changes the article states: check it",
            ));
            at_most(&notes.join(";"), MAX_TEXT_CHARS)
        });
        sections.push(DraftSection { id: format!("s{}", index + 1), chapter, kind: group.kind, title, figures, note });
    }
    if truncated {
        warnings.push(Warning::new(
            "sections",
            format!("文中的数字过多,只起草了前{MAX_SECTIONS}个部分"),
            format!("the article holds too many figures: only the first {MAX_SECTIONS} sections are drafted"),
        ));
    }
    let mut report = DraftReport { schema: SCHEMA_PATH.to_string(), version: 1, title, period, previous_period, source, sections };
    ensure_valid(&mut report, &mut warnings);
    if report.sections.is_empty() {
        return Err(DraftError::NoFigure);
    }
    Ok(Draft { report, warnings })
}

/// The draft through the report's own validation: a section it refuses (a relation read out
/// of range) becomes number tiles without its relations, with a warning; one still refused is
/// left out. The draft always validates.
fn ensure_valid(report: &mut DraftReport, warnings: &mut Vec<Warning>) {
    let broken = |report: &DraftReport| -> Vec<usize> {
        let problems = match crate::report::Report::from_value(&report.to_value()) {
            Ok(valid) => valid.problems(),
            Err(error) => error.problems,
        };
        let mut indices: Vec<usize> = problems
            .iter()
            .filter_map(|p| p.path.strip_prefix("sections[")?.split(']').next()?.parse().ok())
            .collect();
        indices.dedup();
        indices
    };
    for index in broken(report) {
        let Some(section) = report.sections.get_mut(index) else { continue };
        section.kind = "stats";
        for figure in &mut section.figures {
            figure.previous = None;
            figure.total = None;
            figure.total_label = None;
            figure.progress = None;
            figure.target = None;
        }
        warnings.push(Warning::new(
            format!("sections[{index}].kind"),
            "读出的关系不成立(如部分大于整体),改为数字卡片,请核对",
            "the relations read do not hold (a part above its whole, say): drawn as number tiles; check it",
        ));
    }
    let still = broken(report);
    if !still.is_empty() {
        for &index in still.iter().rev() {
            if index < report.sections.len() {
                report.sections.remove(index);
            }
        }
        warnings.retain(|w| !still.iter().any(|i| w.path.starts_with(&format!("sections[{i}]"))));
        warnings.push(Warning::new("sections", "有部分无法起草,已略去", "some sections could not be drafted and are left out"));
    }
}

/// A heading as a chapter name: without a lead-in such as 今年上半年: .
fn chapter_name(heading: &str) -> String {
    let name = heading.rsplit(':').next().unwrap_or(heading).trim();
    let name = if name.chars().count() >= 2 { name } else { heading };
    at_most(name, 40)
}

fn figure_warnings(figure: &relate::Drafted, at: &str, warnings: &mut Vec<Warning>) {
    match &figure.label_from {
        LabelFrom::Cut(whole) => warnings.push(Warning::new(
            format!("{at}.label"),
            format!("标签从长句“{whole}”中截取为“{}”,请核对", figure.label),
            format!("label “{}” cut from the longer phrase “{whole}”: check it", figure.label),
        )),
        LabelFrom::Borrowed => warnings.push(Warning::new(
            format!("{at}.label"),
            format!("数字前后没有名称,标签“{}”取自句首,请改写", figure.label),
            format!("nothing names this number; the label “{}” is the sentence's opening: rewrite it", figure.label),
        )),
        LabelFrom::After => warnings.push(Warning::new(
            format!("{at}.label"),
            format!("标签“{}”取自数字之后的文字,请核对", figure.label),
            format!("label “{}” taken from the words after the number: check it", figure.label),
        )),
        LabelFrom::Before => {}
    }
    if let Some((previous, PreviousFrom::Computed(change))) = &figure.previous {
        warnings.push(Warning::new(
            format!("{at}.previous"),
            format!("上期数值 {} 由“{change}”算出,文中未直接给出", crate::format::plain_number(*previous, 4)),
            format!("previous value {} computed from “{change}”; the article does not state it", crate::format::plain_number(*previous, 4)),
        ));
    }
    if let Some(low) = figure.range_low {
        warnings.push(Warning::new(
            format!("{at}.value"),
            format!("文中是范围 {}–{},取上限并标为约数", crate::format::plain_number(low, 4), crate::format::plain_number(figure.value, 4)),
            format!("the article gives a range {}–{}: the upper end is drafted, as approximate", crate::format::plain_number(low, 4), crate::format::plain_number(figure.value, 4)),
        ));
    }
    if let Some((_, label)) = &figure.total {
        warnings.push(Warning::new(
            format!("{at}.total"),
            format!("整体“{label}”由同一句中的前一个数字推断,请核对"),
            format!("the whole, “{label}”, is read from the number before it in the sentence: check it"),
        ));
    }
}

/// The report's title, period, previous period and source line, guessed from the article.
fn metadata(text: &str, article: &scan::Article, warnings: &mut Vec<Warning>) -> (String, String, Option<String>, String) {
    let headline = article.headline.clone().or_else(|| article.headings.first().cloned());
    let title = match headline {
        Some(h) if !h.trim().is_empty() => {
            let h = at_most(h.trim(), 60);
            warnings.push(Warning::new("title", format!("标题取自文章标题“{h}”,请改为读者看到的标题"), format!("title taken from the article's headline “{h}”: write the one readers see")));
            h
        }
        _ => {
            warnings.push(Warning::new("title", "文章没有标题,请填写", "the article has no headline: write a title"));
            "工作报告".to_string()
        }
    };
    let year = find_year(text);
    let part = year_part(text);
    let (period, previous_period) = match (year, part) {
        (Some(y), Some(p)) => (format!("{y}年{p}"), Some(format!("{}年{p}", y - 1))),
        (Some(y), None) => (format!("{y}年"), Some(format!("{}年", y - 1))),
        (None, Some(p)) => {
            warnings.push(Warning::new("period", format!("文中没有年份,报告期暂作“{p}”,请补上年份"), format!("the article names no year; the period is “{p}” for now: add the year")));
            (p.to_string(), None)
        }
        (None, None) => {
            warnings.push(Warning::new("period", "文中没有找到报告期,请填写", "no period was found in the article: write it"));
            ("报告期".to_string(), None)
        }
    };
    if year.is_some() {
        warnings.push(Warning::new("period", format!("报告期“{period}”由文中的年份和时段推断,请核对"), format!("period “{period}” read from the year and the part of it the article names: check it")));
    }
    let source = match scan::dateline(text) {
        Some((publisher, date)) => {
            warnings.push(Warning::new("source", "来源行取自文章的发布单位和日期,请核对", "source line made from the article's publisher and date: check it"));
            format!("数据来源:{publisher}《{title}》{}", date.map(|d| format!(",{d}")).unwrap_or_default())
        }
        None => {
            warnings.push(Warning::new("source", "来源行由文章标题生成,请补上发布单位和日期", "source line made from the headline: add who published it and when"));
            format!("据《{title}》整理")
        }
    };
    (title, period, previous_period, source)
}

/// The part of the year the article reports on (上半年, 前三季度…), the first it names; none
/// for a whole year unless it says 全年.
fn year_part(text: &str) -> Option<&'static str> {
    ["上半年", "前三季度", "第一季度", "一季度", "第三季度", "下半年", "全年"]
        .iter()
        .filter_map(|p| text.find(p).map(|at| (at, *p)))
        .min()
        .map(|(_, p)| if p == "第一季度" { "一季度" } else { p })
}

/// The year the article reports on: the first 19xx or 20xx followed by 年 (a later 年 that is a
/// date, such as 2023年7月31日, counts too: it names the year of the report).
/// The first year the article names, passing over a date (a dateline such as ——2026年1月14日在…会议上
/// is when the report was given, not the period it covers) unless only dates name one.
fn find_year(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().take(20_000).collect();
    let mut dated = None;
    for i in 0..chars.len().saturating_sub(4) {
        let digits: String = chars[i..i + 4].iter().collect();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        if before_ok && chars.get(i + 4) == Some(&'年') && (digits.starts_with("19") || digits.starts_with("20")) {
            if let Ok(y) = digits.parse::<u32>() {
                let month = chars[i + 5..].iter().take_while(|c| c.is_ascii_digit()).count();
                if month > 0 && chars.get(i + 5 + month) == Some(&'月') {
                    dated = dated.or(Some(y));
                    continue;
                }
                return Some(y);
            }
        }
    }
    dated
}

/// A chart kind as the editor's 图表类型 menu names it (www/editor.js, `kind_…`), beside the
/// report format's word that a JSON file holds: the note reads for both kinds of editor.
fn kind_words(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "bars" => ("条形图", "bars"),
        "compare" => ("同比对照", "this period against the last"),
        "ring" => ("圆环", "ring"),
        "gauge" => ("仪表", "gauge"),
        "parts" => ("分段条", "parts of one bar"),
        "funnel" => ("漏斗", "funnel"),
        "pictogram" => ("象形图", "pictogram"),
        _ => ("大数字", "big numbers"),
    }
}

#[cfg(test)]
mod tests;
