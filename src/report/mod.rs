//! The report model an editor writes as JSON: texts, figures, sections and the report, and the
//! constructors that read and validate one.
//!
//! The rest of the folder: [`problems`] names what can be wrong and says it in each language,
//! `fields` reads one JSON object's fields, `validate` reads a report, its sections and figures,
//! and `kinds` holds each chart kind's own rules.
//!
//! Validation walks the raw JSON value by hand rather than through serde's derive so that it can
//! report every problem at once, each with the path of the field at fault, and so that one broken
//! section never costs the others: a section with problems is kept as [`SectionSlot::Broken`] and
//! drawn as a notice, while the rest of the report draws as usual.

mod fields;
mod kinds;
pub mod problems;
#[cfg(test)]
mod tests;
mod validate;

use crate::json::Value;
use crate::locale::Locale;

pub use problems::{Expected, Got, Needed, Problem, ProblemKind, ReportError};
pub use validate::{CHAPTER_FIELDS, FIGURE_FIELDS, REPORT_FIELDS, SECTION_FIELDS};

/// The sample report, Zhongyuan District, first half of 2020, for the tests and the CLI; the
/// browser bundle has no report built in (the page loads the JSON file).
pub const DEFAULT_REPORT_JSON: &str = include_str!("../../www/reports/zhongyuan-2020-h1.json");

/// The largest magnitude a figure may have; beyond it no reader can take a number in.
pub const MAX_MAGNITUDE: f64 = 1e15;
/// The longest label or title, in characters.
pub const MAX_TEXT_CHARS: usize = 300;
/// The longest English text (`en`): English runs about twice as long as Chinese.
pub const MAX_TEXT_CHARS_EN: usize = 600;
/// The most figures one section may hold.
pub const MAX_FIGURES: usize = 200;
/// The most sections one report may hold.
pub const MAX_SECTIONS: usize = 200;
/// The most icons a pictogram draws: a larger whole is drawn one icon per 2, 5, 10, 20, 50 …
/// units, as few as keep it within this.
pub const MAX_PICTOGRAM: f64 = 500.0;
/// The longest unit, in characters.
pub const MAX_UNIT_CHARS: usize = 16;
/// The largest progress a gauge takes, in percent.
pub const MAX_PROGRESS: f64 = 1000.0;

/// A text in both of the report's languages; `en` falls back to `zh` when absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The Chinese text, always present.
    pub zh: String,
    /// The English text, if the report gives one.
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
    /// A rise is good news.
    Higher,
    /// A fall is good news.
    Lower,
}

/// A chapter's colour, named from the palette (`"accent": "green"` in the chapter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accent {
    /// Newsprint red.
    Red,
    /// Pine green.
    Green,
    /// Ink blue.
    Blue,
    /// Ochre.
    Ochre,
    /// Plum.
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

    /// The accent of a name in the report format.
    pub fn parse(name: &str) -> Option<Accent> {
        Accent::ALL.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }
}

/// One figure of a section.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure's id, unique in the report.
    pub id: String,
    /// What the figure counts.
    pub label: Text,
    /// The figure itself, in `unit`.
    pub value: f64,
    /// The unit as Chinese writes it, magnitude included: 亿元, 万㎡, 个, %.
    pub unit: String,
    /// An English unit that overrides the built-in translation.
    pub unit_en: Option<String>,
    /// Whether the figure is a rounded one (余, 约).
    pub approx: Option<Approx>,
    /// The value a year before (`compare`, or a ghost bar in `bars`).
    pub previous: Option<f64>,
    /// The whole this figure is a part of (`ring`).
    pub total: Option<f64>,
    /// What the whole is called (`ring`).
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
    /// The section's id, unique in the report.
    pub id: String,
    /// The chapter heading it sits under; sections in a row with the same chapter share one.
    pub chapter: Option<Text>,
    /// The chapter's colour, when the report names one.
    pub accent: Option<Accent>,
    /// The chart form it is drawn in.
    pub kind: Kind,
    /// The card's title.
    pub title: Text,
    /// A line under the chart.
    pub note: Option<Text>,
    /// Its figures, in order, at least one.
    pub figures: Vec<Figure>,
}

/// A section that failed validation: what is known of it, to draw a notice in its place.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenSection {
    /// Its place among the report's sections.
    pub index: usize,
    /// Its id, if that could be read.
    pub id: Option<String>,
    /// Its chapter, if that could be read.
    pub chapter: Option<Text>,
    /// Its title, if that could be read.
    pub title: Option<Text>,
    /// Everything wrong with it.
    pub problems: Vec<Problem>,
}

/// A section as validated: drawable, or broken with its problems.
#[derive(Debug, Clone, PartialEq)]
pub enum SectionSlot {
    /// A section that draws.
    Valid(Section),
    /// A section drawn as a notice.
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
    /// The report's title.
    pub title: Text,
    /// A line under the title.
    pub subtitle: Option<Text>,
    /// The period it reports on: 2020年上半年.
    pub period: Text,
    /// The period comparisons are made with; the reader is told "same period last year" without it.
    pub previous_period: Option<Text>,
    /// The source line at the foot.
    pub source: Text,
    /// Every section in order, valid or broken.
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
        self.each_problem().cloned().collect()
    }

    /// Every problem of every broken section, borrowed: the wasm then holds no code to clone one.
    pub fn each_problem(&self) -> impl Iterator<Item = &Problem> {
        self.sections.iter().flat_map(|s| match s {
            SectionSlot::Broken(b) => b.problems.as_slice(),
            SectionSlot::Valid(_) => &[],
        })
    }

    /// Every problem of every broken section, taken out of the report.
    fn into_problems(self) -> Vec<Problem> {
        let mut all = Vec::new();
        for section in self.sections {
            if let SectionSlot::Broken(broken) = section {
                all.extend(broken.problems);
            }
        }
        all
    }

    /// The sample report ([`DEFAULT_REPORT_JSON`]).
    pub fn default_report() -> Result<Report, ReportError> {
        Report::from_json_str(DEFAULT_REPORT_JSON)
    }

    /// Parses and validates a report from JSON text.
    pub fn from_json_str(json: &str) -> Result<Report, ReportError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| ReportError {
            problems: vec![Problem::syntax(e.line(), e.column(), e.to_string())],
        })?;
        Report::from_value(&Value::from(value))
    }

    /// Validates a report from a JSON value. Succeeds when at least one section draws; broken
    /// sections are kept with their problems.
    pub fn from_value(value: &Value) -> Result<Report, ReportError> {
        let mut problems = Vec::new();
        let report = validate::parse_report(value, &mut problems);
        match report {
            Some(report) if report.valid_sections().next().is_some() => Ok(report),
            Some(report) => {
                let mut all = report.into_problems();
                if all.is_empty() {
                    all.push(Problem::new("sections", ProblemKind::Empty));
                }
                Err(ReportError { problems: all })
            }
            None => Err(ReportError { problems }),
        }
    }
}

