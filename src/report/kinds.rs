//! Each chart kind's own rules over the figures it draws: a ring's part within its whole, a
//! compare's previous value, a gauge's target, a pictogram's whole number of icons.

use crate::format::indexed;

use super::problems::{Needed, Problem, ProblemKind};
use super::{Kind, Section};

/// The rules each chart kind adds to the figures it draws.
pub(super) fn check_kind(section: &Section, figures_path: &str, problems: &mut Vec<Problem>) {
    let at = |i: usize, key: &str| [&indexed(figures_path, i), ".", key].concat();
    let lengths = !matches!(section.kind, Kind::Stats);
    for (i, figure) in section.figures.iter().enumerate() {
        if lengths && figure.value < 0.0 {
            problems.push(Problem::new(at(i, "value"), ProblemKind::Negative));
        }
        // A previous value is drawn as a length too (a compare's earlier bar), except in stats.
        if lengths && figure.previous.is_some_and(|p| p < 0.0) {
            problems.push(Problem::new(at(i, "previous"), ProblemKind::Negative));
        }
        match section.kind {
            Kind::Compare if figure.previous.is_none() => problems.push(Problem::new(
                at(i, "previous"),
                ProblemKind::NeedsField { field: Needed::Previous, kind: Kind::Compare },
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
                    ProblemKind::NeedsField { field: Needed::TotalOrPercent, kind: Kind::Ring },
                )),
                _ => {}
            },
            Kind::Gauge if figure.progress_percent().is_none() => problems.push(Problem::new(
                at(i, "progress"),
                ProblemKind::NeedsField { field: Needed::ProgressOrTarget, kind: Kind::Gauge },
            )),
            _ => {}
        }
    }
    if section.kind == Kind::Pictogram {
        let whole = &section.figures[0];
        if whole.value.fract() != 0.0 {
            problems.push(Problem::new(at(0, "value"), ProblemKind::NotWholeNumber));
        } else if whole.value < 1.0 {
            problems.push(Problem::new(at(0, "value"), ProblemKind::NotPositive));
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
