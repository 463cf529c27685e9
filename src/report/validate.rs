//! Reading a report, its sections and their figures from a JSON value, with every problem at
//! once; a section with problems becomes a [`SectionSlot::Broken`] and costs the others nothing.

use crate::format::indexed;
use crate::json::Value;

use super::fields::{char_count, Fields, Presence::Optional, Presence::Required};
use super::kinds::check_kind;
use super::problems::{Problem, ProblemKind};
use super::{Accent, Approx, Better, BrokenSection, Figure, Kind, Report, Section, SectionSlot, Text};
use super::{MAX_FIGURES, MAX_PROGRESS, MAX_SECTIONS, MAX_UNIT_CHARS};

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
/// The fields of a section.
pub const SECTION_FIELDS: &[&str] = &["id", "chapter", "kind", "title", "note", "figures"];
/// The fields of a chapter given as an object.
pub const CHAPTER_FIELDS: &[&str] = &["zh", "en", "accent"];
/// The fields of a figure.
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

/// Reads a report. `None` when its top level is at fault (the problems, those of its sections
/// included, are in `problems`).
pub(super) fn parse_report(value: &Value, problems: &mut Vec<Problem>) -> Option<Report> {
    let mut fields = Fields::open(value, "", REPORT_FIELDS, problems)?;
    if let Some(version) = fields.get::<f64>("version", Optional).flatten() {
        if version != 1.0 {
            fields.problem("version", ProblemKind::OutOfRange { min: 1.0, max: 1.0 });
        }
    }
    let publisher = fields.get::<Text>("publisher", Optional);
    let title = fields.get::<Text>("title", Required).flatten();
    let subtitle = fields.get::<Text>("subtitle", Optional);
    let period = fields.get::<Text>("period", Required).flatten();
    let previous_period = fields.get::<Text>("previous_period", Optional);
    let source = fields.get::<Text>("source", Required).flatten();
    let sections = fields.array("sections", MAX_SECTIONS);
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
    match (publisher, title, subtitle, period, previous_period, source) {
        (Some(publisher), Some(title), Some(subtitle), Some(period), Some(previous_period), Some(source))
            if top_level_ok =>
        {
            Some(Report { publisher, title, subtitle, period, previous_period, source, sections: slots })
        }
        _ => {
            for slot in slots {
                if let SectionSlot::Broken(broken) = slot {
                    problems.extend(broken.problems);
                }
            }
            None
        }
    }
}

fn parse_section(value: &Value, index: usize, seen_ids: &mut Vec<String>) -> SectionSlot {
    let path = indexed("sections", index);
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
                    .and_then(|v| <Text as super::fields::FromValue>::read(v, "", &mut Vec::new()))
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
    let id = read_id(&mut fields, seen_ids);
    let chapter = match fields.raw("chapter") {
        None => Some((None, None)),
        Some(value) => {
            let path = fields.at("chapter");
            parse_chapter(value, &path, fields.problems).map(|(text, accent)| (Some(text), accent))
        }
    };
    let kind = match fields.get::<String>("kind", Required).flatten() {
        Some(name) => match Kind::parse(&name) {
            Some(kind) => Some(kind),
            None => {
                fields.problem("kind", ProblemKind::UnknownKind(name));
                None
            }
        },
        None => None,
    };
    let title = fields.get::<Text>("title", Required).flatten();
    let note = fields.get::<Text>("note", Optional);
    let figures_path = fields.at("figures");
    let figures = fields.array("figures", MAX_FIGURES).and_then(|items| {
        let parsed: Vec<Option<Figure>> = items
            .iter()
            .enumerate()
            .map(|(i, v)| parse_figure(v, &indexed(&figures_path, i), seen_ids, fields.problems))
            .collect();
        parsed.into_iter().collect::<Option<Vec<Figure>>>()
    });
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
        return <Text as super::fields::FromValue>::read(value, path, problems).map(|text| (text, None));
    };
    let mut fields = Fields::open(value, path, CHAPTER_FIELDS, problems)?;
    let zh = fields.get::<String>("zh", Required).flatten();
    let en = fields.get::<String>("en", Optional);
    let accent = fields.get::<Accent>("accent", Optional);
    Some((Text { zh: zh?, en: en? }, accent?))
}

/// Reads the required `id`, which must be new in the report (sections and figures share one
/// set of ids).
fn read_id(fields: &mut Fields, seen_ids: &mut Vec<String>) -> Option<String> {
    let id = fields.get::<String>("id", Required).flatten()?;
    if seen_ids.contains(&id) {
        fields.problem("id", ProblemKind::DuplicateId(id.clone()));
    } else {
        seen_ids.push(id.clone());
    }
    Some(id)
}

fn parse_figure(
    value: &Value,
    path: &str,
    seen_ids: &mut Vec<String>,
    problems: &mut Vec<Problem>,
) -> Option<Figure> {
    let mut fields = Fields::open(value, path, FIGURE_FIELDS, problems)?;
    let id = read_id(&mut fields, seen_ids);
    let label = fields.get::<Text>("label", Required).flatten();
    let value = fields.get::<f64>("value", Required).flatten();
    let unit = fields.get::<String>("unit", Required).flatten();
    if unit.as_ref().is_some_and(|unit| char_count(unit) > MAX_UNIT_CHARS) {
        fields.problem("unit", ProblemKind::TooLong { max: MAX_UNIT_CHARS });
    }
    let unit_en = fields.get::<String>("unit_en", Optional);
    let approx = fields.get::<Approx>("approx", Optional);
    let previous = fields.get::<f64>("previous", Optional);
    let total = fields.get::<f64>("total", Optional);
    let total_label = fields.get::<Text>("total_label", Optional);
    let progress = fields.get::<f64>("progress", Optional);
    let target = fields.get::<f64>("target", Optional);
    let better = fields.get::<Better>("better", Optional);
    // A negative previous value is the kind's to refuse (stats take it, as they take a negative value).
    for (key, number) in [("total", &total), ("target", &target)] {
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
