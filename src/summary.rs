//! What a screen reader hears: a one-paragraph summary of the report and a table of every
//! figure, both generated from the same scene the canvas draws.

use crate::format::whole_number;
use crate::layout::label;
use crate::locale::{Locale, Phrase, Template};
use crate::report::{Report, SectionSlot};
use crate::scene::Scene;

/// One row of the fallback table: section, figure, value, comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The section's title.
    pub section: String,
    /// The figure's label.
    pub label: String,
    /// The value with its unit.
    pub value: String,
    /// The comparison, or empty.
    pub comparison: String,
}

/// The table's column headings.
pub fn headings(locale: Locale) -> [&'static str; 4] {
    [Phrase::HeadingSection, Phrase::HeadingFigure, Phrase::HeadingValue, Phrase::HeadingComparison].map(|p| locale.say(p))
}

/// Every mark of the scene as a table row, in reading order.
pub fn rows(report: &Report, scene: &Scene, locale: Locale) -> Vec<Row> {
    scene
        .items
        .iter()
        .map(|item| Row {
            section: section_title(report, &item.section, locale),
            label: item.label.clone(),
            value: item.text.clone(),
            comparison: item.comparison.clone().unwrap_or_default(),
        })
        .collect()
}

fn section_title(report: &Report, id: &str, locale: Locale) -> String {
    report
        .valid_sections()
        .find(|s| s.id == id)
        .map(|s| label(&s.title, locale))
        .unwrap_or_default()
}

/// A one-paragraph summary: the title, then the first figure of each section with its
/// comparison, and how many sections could not be shown.
pub fn summary(report: &Report, scene: &Scene, locale: Locale) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for item in &scene.items {
        if seen.contains(&item.section.as_str()) || item.id.ends_with(".previous") {
            continue;
        }
        seen.push(&item.section);
        parts.push(match &item.comparison {
            Some(c) => locale.fill(Template::SummaryFigureCompared, &[&item.label, &item.text, c]),
            None => locale.fill(Template::SummaryFigure, &[&item.label, &item.text]),
        });
    }
    let broken = report.sections.iter().filter(|s| matches!(s, SectionSlot::Broken(_))).count();
    let title = label(&report.title, locale);
    let count = whole_number(scene.items.len() as u64);
    // Joined as &strs, the one kind of join the wasm holds.
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let mut text = locale.fill(Template::Summary, &[&title, &count, &parts.join(locale.say(Phrase::ListSeparator))]);
    if broken > 0 {
        text.push_str(&locale.fill(Template::SummaryBroken, &[&whole_number(broken as u64)]));
    }
    text.push_str(locale.say(Phrase::KeyboardHint));
    text
}

/// What the live region announces for a focused mark: label, value, comparison, position.
pub fn announcement(scene: &Scene, index: usize, locale: Locale) -> String {
    let Some(item) = scene.items.get(index) else { return String::new() };
    let position = [whole_number(index as u64 + 1), "/".into(), whole_number(scene.items.len() as u64)].concat();
    match item.comparison.as_deref().filter(|c| !c.is_empty()) {
        Some(comparison) => locale.fill(Template::AnnouncementCompared, &[&item.label, &item.text, comparison, &position]),
        None => locale.fill(Template::Announcement, &[&item.label, &item.text, &position]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::layout_simple;

    #[test]
    fn the_table_holds_every_mark_and_the_summary_reads_first_figures() {
        let Ok(report) = Report::default_report() else { panic!("the sample report is invalid") };
        let scene = layout_simple(&report, 390.0, Locale::Zh);
        let rows = rows(&report, &scene, Locale::Zh);
        assert_eq!(rows.len(), scene.items.len());
        let Some(gdp) = rows.iter().find(|r| r.label == "地区生产总值") else { panic!("no GDP row") };
        assert_eq!((gdp.section.as_str(), gdp.value.as_str()), ("主要经济指标", "317.8亿元"));
        let text = summary(&report, &scene, Locale::Zh);
        assert!(text.starts_with("中原区2020年上半年成绩单。"), "{text}");
        assert!(text.contains("地区生产总值317.8亿元"), "{text}");
        assert!(text.contains("优良天数85天(同比+23天)"), "{text}");
        let en = summary(&report, &layout_simple(&report, 390.0, Locale::En), Locale::En);
        assert!(en.contains("Gross domestic product 31.78 billion yuan"), "{en}");
        assert_eq!(announcement(&scene, 0, Locale::Zh), format!("地区生产总值:317.8亿元。第1/{}项", scene.items.len()));
    }
}
