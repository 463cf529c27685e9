//! One layout function per chart kind. Each lays its section's figures out in a column from a
//! top y and returns the y below what it placed. Figures whose unit differs from the first
//! figure's (47.3亿元 beside 77 projects) are set as number tiles under the chart.

use std::f64::consts::PI;

use super::figures::{self, MIN_FIGURE};
use super::{label, Builder};
use crate::format::{decimals_of, figure_value, SharedMagnitude, format_change, format_delta, format_value, format_written, percent, round_like};
use crate::locale::{Locale, Phrase, Template};
use crate::report::{Better, Figure, Kind, Report, Section};
use crate::scene::{Align, Hotspot, Item, Rect, Shape};
use crate::text;
use crate::theme::{size, Color};

pub(crate) mod pictogram;
mod compare;
mod stats;

use compare::compare;
use pictogram::pictogram;
use stats::stats;

/// Where and what a chart lays out.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub section: &'a Section,
    pub report: &'a Report,
    pub x: f64,
    pub width: f64,
    pub accent: Color,
    pub phone: bool,
}

/// Lays out the section's chart from `y`; returns the y below it.
pub(crate) fn lay_out(b: &mut Builder, c: &Context, y: f64) -> f64 {
    let figures: Vec<&Figure> = c.section.figures.iter().collect();
    let (main, extra) = match c.section.kind {
        Kind::Bars | Kind::Parts | Kind::Funnel | Kind::Pictogram => split_by_unit(&figures),
        _ => (figures, Vec::new()),
    };
    // Values read against each other share one English magnitude (format::SharedMagnitude; a
    // compare's pairs each their own).
    let shared = matches!(c.section.kind, Kind::Bars | Kind::Parts | Kind::Funnel).then(|| {
        let mut values: Vec<f64> = main.iter().flat_map(|f| [Some(f.value), f.previous, f.total]).flatten().collect();
        if c.section.kind == Kind::Parts {
            // A parts chart also writes its total.
            values.push(main.iter().map(|f| f.value.max(0.0)).sum());
        }
        SharedMagnitude::new(&values, main.first().map_or("", |f| f.unit.as_str()))
    });
    let mut y = match c.section.kind {
        Kind::Bars => bars(b, c, &main, y),
        Kind::Compare => side_by_side(b, c, &main, y, 300.0, compare),
        Kind::Ring => rings(b, c, &main, y),
        Kind::Gauge => side_by_side(b, c, &main, y, 180.0, gauges),
        Kind::Parts => parts(b, c, &main, y),
        Kind::Funnel => funnel(b, c, &main, y),
        Kind::Pictogram => pictogram(b, c, &main, y),
        Kind::Stats => stats(b, c, &main, y),
    };
    drop(shared);
    if !extra.is_empty() {
        y += 14.0;
        b.shapes.push(Shape::Rect { rect: Rect::new(c.x, y, c.width, 1.0), radius: 0.0, color: b.theme.rule });
        y = stats(b, c, &extra, y + 12.0);
    }
    y
}

/// A compare's or a gauge's figures side by side, `min` CSS px or more each, where the card
/// has the room (a wide card on a desktop, a gauge card on a tablet); else one under another.
fn side_by_side(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64, min: f64, chart: fn(&mut Builder, &Context, &[&Figure], f64) -> f64) -> f64 {
    const GAP: f64 = 24.0;
    // A compare needs the period before; one without it would leave a hole in the row.
    let figures: Vec<&Figure> = figures.iter().copied().filter(|f| c.section.kind != Kind::Compare || f.previous.is_some()).collect();
    let per_row = (((c.width + GAP) / (min + GAP)).floor() as usize).clamp(1, figures.len().max(1));
    if per_row == 1 || c.phone {
        return chart(b, c, &figures, y);
    }
    let block = (c.width - GAP * (per_row - 1) as f64) / per_row as f64;
    let mut y = y;
    for (r, row) in figures.chunks(per_row).enumerate() {
        if r > 0 {
            y += 18.0;
        }
        let mut bottom = y;
        let offset = (per_row - row.len()) as f64 * (block + GAP) / 2.0;
        for (k, figure) in row.iter().enumerate() {
            let block_context = Context { x: c.x + offset + k as f64 * (block + GAP), width: block, ..*c };
            bottom = bottom.max(chart(b, &block_context, &[*figure], y));
        }
        y = bottom;
    }
    y
}

fn split_by_unit<'f>(figures: &[&'f Figure]) -> (Vec<&'f Figure>, Vec<&'f Figure>) {
    let unit = figures.first().map(|f| f.unit.as_str()).unwrap_or("");
    figures.iter().partition(|f| f.unit == unit)
}

/// The figure's value as it shows at the current animation progress.
fn shown_value(b: &Builder, figure: &Figure) -> String {
    if b.progress >= 1.0 {
        return figure_value(figure, b.locale);
    }
    format_written(figure.value * b.progress, decimals_of(figure.value), &figure.unit, figure.unit_en.as_deref(), figure.approx, b.locale)
}

fn item(b: &mut Builder, c: &Context, figure: &Figure, rect: Rect, comparison: Option<String>) -> usize {
    b.item(Item {
        id: figure.id.clone(),
        section: c.section.id.clone(),
        label: label(&figure.label, b.locale),
        value: figure.value,
        unit: figure.unit.clone(),
        text: figure_value(figure, b.locale),
        comparison,
        rect,
    })
}

fn share_text(locale: Locale, share: f64, whole: Option<String>) -> String {
    match whole {
        Some(whole) => locale.fill(Template::ShareOf, &[&percent(share * 100.0), &whole]),
        None => locale.fill(Template::ShareOfTotal, &[&percent(share * 100.0)]),
    }
}

fn fraction(value: f64, max: f64) -> f64 {
    if max > 0.0 && value.is_finite() {
        (value / max).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Horizontal bars on one scale: label above, bar, value at the bar's end.
fn bars(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64) -> f64 {
    let max = figures
        .iter()
        .flat_map(|f| [f.value, f.previous.unwrap_or(0.0)])
        .fold(0.0, f64::max);
    let value_width = figures
        .iter()
        .map(|f| b.measure.width(&figure_value(f, b.locale), size::VALUE, true))
        .fold(0.0, f64::max)
        .min(c.width * 0.5);
    let bar_height = if c.phone { 12.0 } else { 14.0 };
    let track = (c.width - value_width - 8.0).max(c.width * 0.4);
    let mut y = y;
    // Where the thin grey bars (the period before) are drawn, a key says which period is which.
    if figures.iter().any(|f| f.previous.is_some()) {
        let previous_period = c.report.previous_period.as_ref().map(|t| label(t, b.locale)).unwrap_or_else(|| b.locale.say(Phrase::PreviousPeriod).to_string());
        let line = Builder::line_height(size::SMALL);
        let mut x = c.x;
        for (text, color, height) in [(label(&c.report.period, b.locale), c.accent, 10.0), (previous_period, b.theme.previous, 4.0)] {
            // A period's name may be shortened (only figures are never cut).
            let text = text::fit(b.measure, &text, size::SMALL, false, (c.width - 18.0).max(1.0));
            let width = b.measure.width(&text, size::SMALL, false);
            if x > c.x && x + 18.0 + width > c.x + c.width {
                x = c.x;
                y += line + 2.0;
            }
            b.shapes.push(Shape::Rect { rect: Rect::new(x, y + line / 2.0 - height / 2.0, 14.0, height), radius: 2.0, color });
            let bounds = b.text(&text, x + 18.0, y + line / 2.0, size::SMALL, false, b.theme.muted, Align::Left);
            x = bounds.right() + 14.0;
        }
        y += line + 8.0;
    }
    for (i, figure) in figures.iter().enumerate() {
        if i > 0 {
            y += 10.0;
        }
        let top = y;
        y = b.paragraph(&label(&figure.label, b.locale), c.x, y, c.width, size::LABEL, false, b.theme.ink, 2);
        y += 4.0;
        let length = (track * fraction(figure.value, max) * b.progress).max(2.0);
        let bar = Rect::new(c.x, y, length, bar_height);
        b.shapes.push(Shape::Rect { rect: bar, radius: 3.0, color: c.accent });
        // The value is set for the bar's final length, so the card keeps its height as it grows.
        let room = c.width - (track * fraction(figure.value, max)).max(2.0) - 8.0;
        let setting = figures::set(b.measure, &figure_value(figure, b.locale), size::VALUE, MIN_FIGURE, true, room);
        let shown = figures::set(b.measure, &shown_value(b, figure), setting.size, setting.size, true, room);
        let line = Builder::line_height(setting.size);
        let value_top = y + bar_height / 2.0 - line / 2.0;
        b.set_lines(&shown, c.x + length + 8.0, value_top, true, b.theme.ink, Align::Left);
        y = (y + bar_height).max(value_top + setting.height());
        let mut comparison = None;
        if let Some(previous) = figure.previous {
            y += 3.0;
            let previous_length = track * fraction(previous, max) * b.progress;
            b.shapes.push(Shape::Rect { rect: Rect::new(c.x, y, previous_length.max(1.0), 4.0), radius: 2.0, color: b.theme.previous });
            y += 4.0;
            comparison = Some(format_change(figure, previous, b.locale));
        }
        item(b, c, figure, Rect::new(c.x, top, c.width, y - top), comparison);
    }
    y
}

/// How far a badge reaches beyond its text, left and right (half of it above and below).
pub(crate) const BADGE_INSET: f64 = 4.0;

/// A change for the better or the worse (drawn in `color` from [`change_color`], by the texts
/// from `from` on) on a tint of its colour; a change in ink gets none. A chapter's accent may
/// be a red or a green much like the bad or the good colour, which the stats' numbers and the
/// compare's columns are drawn in: the tint sets the verdict apart from the chapter's colour.
pub(crate) fn badge(b: &mut Builder, from: usize, color: Color) {
    if color == b.theme.ink {
        return;
    }
    let bounds = b.shapes[from..]
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text(run) => Some(run.bounds),
            _ => None,
        })
        .reduce(|a, r| a.union(&r));
    if let Some(r) = bounds {
        let rect = Rect::new(r.x - BADGE_INSET, r.y - BADGE_INSET / 2.0, r.width + 2.0 * BADGE_INSET, r.height + BADGE_INSET);
        b.shapes.push(Shape::Rect { rect, radius: 4.0, color: color.mix(b.theme.card, 0.86) });
    }
}

/// A change in neutral ink, unless the report says which way is better: then good or bad.
fn change_color(b: &Builder, better: Option<Better>, delta: f64) -> Color {
    let up = match better {
        None => return b.theme.ink,
        Some(Better::Higher) => 1.0,
        Some(Better::Lower) => -1.0,
    };
    if delta * up > 0.0 {
        b.theme.good
    } else if delta * up < 0.0 {
        b.theme.bad
    } else {
        b.theme.ink
    }
}

/// Round rings: part of a whole, the share in the middle.
fn rings(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64) -> f64 {
    let per_row = ((c.width / 150.0).floor() as usize).clamp(1, figures.len().max(1));
    let cell = c.width / per_row as f64;
    let radius = (cell / 2.0 - 8.0).clamp(24.0, if c.phone { 58.0 } else { 66.0 });
    let thickness = (radius * 0.24).round();
    let mut y = y;
    for row in figures.chunks(per_row) {
        let mut bottom = y;
        // A short last row is centred under the full ones (a third ring does not sit alone at
        // the left of an empty half).
        let offset = (per_row - row.len()) as f64 * cell / 2.0;
        for (k, figure) in row.iter().enumerate() {
            let share = figure.ring_fraction().unwrap_or(0.0).clamp(0.0, 1.0);
            let cx = c.x + offset + cell * (k as f64 + 0.5);
            let cy = y + radius;
            b.shapes.push(Shape::Arc { cx, cy, outer: radius, inner: radius - thickness, start: 0.0, end: 2.0 * PI, color: b.theme.track });
            let sweep = 2.0 * PI * share * b.progress;
            if sweep > 0.0 {
                b.shapes.push(Shape::Arc { cx, cy, outer: radius, inner: radius - thickness, start: 0.0, end: sweep, color: c.accent });
            }
            let inner = 2.0 * (radius - thickness) - 6.0;
            let setting = figures::set(b.measure, &percent(share * 100.0), size::BIG * 0.8, MIN_FIGURE, true, inner);
            // Counting up in steps of 0.1, and at the end exactly the share (<0.1% stays <0.1%).
            let shown = if b.progress >= 1.0 { share * 100.0 } else { round_like(share * 100.0 * b.progress, 0.1) };
            let centre = figures::set(b.measure, &percent(shown), setting.size, setting.size, true, inner);
            b.set_lines(&centre, cx, cy - setting.height() / 2.0, true, b.theme.ink, Align::Center);
            let mut ty = cy + radius + 10.0;
            let name = label(&figure.label, b.locale);
            ty = b.centred_paragraph(&name, cx, ty, cell - 8.0, size::LABEL, true, b.theme.ink, 2);
            let whole = figure.total.map(|total| {
                format_value(total, &figure.unit, figure.unit_en.as_deref(), None, b.locale)
            });
            // The figures wrap but are never cut; only the whole's name may be shortened.
            let detail = match &whole {
                Some(whole) => [&shown_value(b, figure), " / ", whole].concat(),
                None => shown_value(b, figure),
            };
            let final_detail = match &whole {
                Some(whole) => [&figure_value(figure, b.locale), " / ", whole].concat(),
                None => figure_value(figure, b.locale),
            };
            // A percentage without a whole is already the ring's centre.
            let lines = if whole.is_none() && figure.unit == "%" { 0 } else { text::wrap(b.measure, &final_detail, size::SMALL, false, cell - 8.0, 64).len() };
            let detail_top = ty + 2.0;
            if lines > 0 {
                b.centred_paragraph(&detail, cx, detail_top, cell - 8.0, size::SMALL, false, b.theme.muted, lines);
            }
            ty = detail_top + Builder::line_height(size::SMALL) * lines as f64;
            if let Some(total_label) = &figure.total_label {
                ty = b.centred_paragraph(&label(total_label, b.locale), cx, ty, cell - 8.0, size::SMALL, false, b.theme.muted, 2);
            }
            let rect = Rect::new(cx - cell / 2.0 + 2.0, y, cell - 4.0, ty - y);
            item(b, c, figure, rect, Some(share_text(b.locale, share, whole)));
            bottom = bottom.max(ty);
        }
        y = bottom + 12.0;
    }
    y - 12.0
}

/// Half-circle gauges: progress towards a target.
fn gauges(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64) -> f64 {
    let mut y = y;
    for (i, figure) in figures.iter().enumerate() {
        if i > 0 {
            y += 16.0;
        }
        let top = y;
        let progress = figure.progress_percent().unwrap_or(0.0);
        let radius = (c.width / 2.0 - 12.0).clamp(30.0, if c.phone { 100.0 } else { 112.0 });
        let thickness = (radius * 0.2).round();
        let cx = c.x + c.width / 2.0;
        let cy = y + radius;
        let (start, end) = (-PI / 2.0, PI / 2.0);
        b.shapes.push(Shape::Arc { cx, cy, outer: radius, inner: radius - thickness, start, end, color: b.theme.track });
        let sweep = PI * (progress / 100.0).clamp(0.0, 1.0) * b.progress;
        if sweep > 0.0 {
            b.shapes.push(Shape::Arc { cx, cy, outer: radius, inner: radius - thickness, start, end: start + sweep, color: c.accent });
        }
        // Past the target the arc is full; what lies beyond goes round again on a thinner lap
        // inside it, in the accent darkened towards the ink, so that 135% and 312% differ at a glance
        // (a lap is 100 points; from 200% on it is full).
        let mut hole = radius - thickness - 3.0;
        if progress > 100.0 {
            let lap = (thickness * 0.4).round().max(3.0);
            let beyond = PI * ((progress - 100.0) / 100.0).clamp(0.0, 1.0) * b.progress;
            let (outer, inner) = (radius - thickness - 2.0, radius - thickness - 2.0 - lap);
            b.shapes.push(Shape::Arc { cx, cy, outer, inner, start, end, color: b.theme.track });
            if beyond > 0.0 {
                b.shapes.push(Shape::Arc { cx, cy, outer, inner, start, end: start + beyond, color: c.accent.mix(b.theme.ink, 0.35) });
            }
            hole = inner - 3.0;
        }
        let big = if c.phone { 28.0 } else { 32.0 };
        // The percentage sits inside the arc, its bottom 14 px above the centre: its room is the
        // inner circle's width at its top, which narrows as the type grows (312.4% in a gauge
        // of four a row would otherwise run into the arc).
        let room = |size: f64| {
            let top = 14.0 + Builder::line_height(size);
            if top >= hole { 0.0 } else { 2.0 * (hole * hole - top * top).sqrt() }
        };
        let share = percent(progress);
        let mut at = big;
        while at > MIN_FIGURE && b.measure.width(&share, at, true) > room(at) {
            at -= 1.0;
        }
        let inner = room(at).max(b.measure.width(&share, MIN_FIGURE, true));
        let setting = figures::set(b.measure, &share, at, MIN_FIGURE, true, inner);
        let shown = if b.progress >= 1.0 { progress } else { round_like(progress * b.progress, 0.1) };
        let centre = figures::set(b.measure, &percent(shown), setting.size, setting.size, true, inner);
        // Nothing done yet is not set in the accent, which reads as an achievement.
        let ink = if progress > 0.0 { c.accent } else { b.theme.muted };
        b.set_lines(&centre, cx, cy - 14.0 - setting.height(), true, ink, Align::Center);
        let of_target = b.locale.say(Phrase::OfTarget);
        let caption = text::fit(b.measure, of_target, size::SMALL, false, 2.0 * hole - 6.0);
        b.text(&caption, cx, cy - 5.0, size::SMALL, false, b.theme.muted, Align::Center);
        for (x, mark) in [(cx - radius + thickness / 2.0, "0"), (cx + radius - thickness / 2.0, "100%")] {
            b.text(mark, x, cy + 10.0, size::SMALL, false, b.theme.muted, Align::Center);
        }
        y = cy + 24.0;
        let setting = figures::set(b.measure, &figure_value(figure, b.locale), size::BIG * 0.85, MIN_FIGURE, true, c.width);
        let shown = figures::set(b.measure, &shown_value(b, figure), setting.size, setting.size, true, c.width);
        b.set_lines(&shown, cx, y, true, b.theme.ink, Align::Center);
        y += setting.height().max(32.0);
        // A stated target is drawn whole under the value: 115.5% says how far, not of what.
        if let Some(target) = figure.target {
            let target = format_value(target, &figure.unit, figure.unit_en.as_deref(), None, b.locale);
            y = b.figure(&b.locale.fill(Template::TargetOf, &[&target]), cx, y, c.width, size::SMALL, false, b.theme.muted, Align::Center) + 2.0;
        }
        y = b.centred_paragraph(&label(&figure.label, b.locale), cx, y, c.width, size::LABEL, false, b.theme.muted, 2);
        let comparison = b.locale.fill(Template::TargetShare, &[&share]);
        item(b, c, figure, Rect::new(c.x, top, c.width, y - top), Some(comparison));
    }
    y
}

/// Shades of the accent for the `count` parts or steps of a whole, strongest first and paler
/// in one direction, so that an order reads as an order: from the accent mixed towards the
/// ink (three or more) to the palest mix towards the card that still has 3:1 against it
/// ([`crate::theme::Theme::palest`]; WCAG 1.4.11: a part is a value, and the palest of six
/// used to all but vanish on white).
fn shades(b: &Builder, accent: Color, count: usize) -> Vec<Color> {
    let palest = b.theme.palest_mix(accent);
    let strongest = if count >= 3 { -0.35 } else { 0.0 };
    (0..count)
        .map(|index| {
            let t = strongest + (palest - strongest) * index as f64 / count.saturating_sub(1).max(1) as f64;
            if t < 0.0 {
                accent.mix(b.theme.ink, -t)
            } else {
                accent.mix(b.theme.card, t)
            }
        })
        .collect()
}

/// One bar split into its parts, a legend row a part, the total beneath.
fn parts(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64) -> f64 {
    let total: f64 = figures.iter().map(|f| f.value.max(0.0)).sum();
    let height = 24.0;
    let mut x = c.x;
    let mut segments = Vec::new();
    let fills = shades(b, c.accent, figures.len());
    b.shapes.push(Shape::Rect { rect: Rect::new(c.x, y, c.width, height), radius: 4.0, color: b.theme.track });
    for (i, figure) in figures.iter().enumerate() {
        // Items keep the final geometry; the drawn segment grows with the animation.
        let width = c.width * fraction(figure.value, total);
        let segment = Rect::new(x, y, width.max(1.0), height);
        // A hairline of the track between two parts: neighbours of close shades stay apart
        // without telling them by colour alone.
        let gap = if i + 1 < figures.len() && width > 6.0 { 2.0 } else { 0.0 };
        let grown = Rect::new(c.x + (x - c.x) * b.progress, y, ((width - gap) * b.progress).max(1.0), height);
        b.shapes.push(Shape::Rect { rect: grown, radius: 0.0, color: fills[i] });
        segments.push(segment);
        x += width;
    }
    let mut ly = y + height + 12.0;
    let total_text = format_value(total, &figures[0].unit, figures[0].unit_en.as_deref(), None, b.locale);
    for (i, figure) in figures.iter().enumerate() {
        let share = percent(fraction(figure.value, total) * 100.0);
        let row = legend_row(b, c, ly, Swatch::Square(fills[i]), figure, Some(&share));
        let index = item(b, c, figure, segments[i], Some(share_text(b.locale, fraction(figure.value, total), Some(total_text.clone()))));
        b.hotspots.push(Hotspot { rect: row, item: index });
        ly = row.bottom() + 6.0;
    }
    let total_line = [b.locale.say(Phrase::Total), " ", &total_text].concat();
    b.figure(&total_line, c.x, ly + 2.0, c.width, size::LABEL, true, b.theme.ink, Align::Left) + 2.0
}

/// The mark beside a legend row.
#[derive(Clone, Copy)]
enum Swatch {
    Square(Color),
    Dot(Color),
}

/// A legend row: swatch, name, the value (and a share) at the right. A value too wide to leave
/// the name room goes on a line of its own under the name; the value is never cut.
fn legend_row(b: &mut Builder, c: &Context, ly: f64, swatch: Swatch, figure: &Figure, share: Option<&str>) -> Rect {
    let share_width = share.map_or(0.0, |s| b.measure.width(s, size::SMALL, false) + 8.0);
    let room = c.width - 20.0 - share_width;
    let setting = figures::set(b.measure, &figure_value(figure, b.locale), size::VALUE, MIN_FIGURE, true, room);
    let value = figures::set(b.measure, &shown_value(b, figure), setting.size, setting.size, true, room);
    let value_width = setting.lines.iter().map(|l| b.measure.width(l, setting.size, true)).fold(0.0, f64::max);
    let name_room = c.width - 20.0 - value_width - share_width - 8.0;
    let line = Builder::line_height(size::LABEL).max(16.0);
    let own_line = setting.lines.len() > 1 || name_room < c.width * 0.3;
    let name_width = if own_line { c.width - 20.0 } else { name_room };
    let name_bottom = b.paragraph(&label(&figure.label, b.locale), c.x + 20.0, ly + (line - Builder::line_height(size::LABEL)) / 2.0, name_width, size::LABEL, false, b.theme.ink, 4);
    match swatch {
        Swatch::Square(color) => b.shapes.push(Shape::Rect { rect: Rect::new(c.x, ly + line / 2.0 - 6.0, 12.0, 12.0), radius: 2.0, color }),
        Swatch::Dot(color) => b.shapes.push(Shape::Circle { cx: c.x + 6.0, cy: ly + line / 2.0, r: 6.0, color }),
    }
    let value_top = if own_line { name_bottom.max(ly + line) } else { ly + line / 2.0 - Builder::line_height(setting.size) / 2.0 };
    let value_right = c.x + c.width - share_width;
    b.set_lines(&value, value_right, value_top, true, b.theme.ink, Align::Right);
    if let Some(share) = share {
        b.text(share, c.x + c.width, value_top + Builder::line_height(setting.size) / 2.0, size::SMALL, false, b.theme.muted, Align::Right);
    }
    let bottom = (ly + line).max(value_top + setting.height()).max(name_bottom);
    Rect::new(c.x, ly, c.width, bottom - ly)
}

/// Steps that narrow: each a centred bar, the rate from the step before between them.
fn funnel(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64) -> f64 {
    let max = figures.iter().map(|f| f.value).fold(0.0, f64::max);
    let fills = shades(b, c.accent, figures.len());
    let height = 30.0;
    let mut y = y;
    for (i, figure) in figures.iter().enumerate() {
        let top = y;
        let mut comparison = None;
        if i > 0 {
            let before = figures[i - 1].value;
            if before > 0.0 {
                let rate = percent(figure.value / before * 100.0);
                let text = b.locale.fill(Template::StepRate, &[&rate]);
                y = b.figure(&text, c.x + c.width / 2.0, y + 2.0, c.width, size::SMALL, false, b.theme.muted, Align::Center) + 3.0;
                comparison = Some(text.trim_start_matches("↓ ").to_string());
            }
        }
        y = b.centred_paragraph(&label(&figure.label, b.locale), c.x + c.width / 2.0, y, c.width, size::LABEL, false, b.theme.ink, 2);
        y += 4.0;
        let final_width = (c.width * fraction(figure.value, max)).max(4.0);
        let width = (c.width * fraction(figure.value, max) * b.progress).max(4.0);
        let rect = Rect::new(c.x + (c.width - width) / 2.0, y, width, height);
        let fill = fills[i];
        b.shapes.push(Shape::Rect { rect, radius: 3.0, color: fill });
        // Where the value goes is decided at the final width, so the card keeps its height.
        let final_text = figure_value(figure, b.locale);
        let value = shown_value(b, figure);
        let value_y = y + height / 2.0;
        let beside = ((c.width - final_width) / 2.0 - 6.0).max(0.0);
        if b.measure.width(&final_text, size::VALUE, true) + 12.0 <= final_width {
            // Card-coloured or ink text, whichever reads better on the shade.
            let color = if b.theme.card.contrast(fill) >= b.theme.ink.contrast(fill) { b.theme.card } else { b.theme.ink };
            b.text(&value, c.x + c.width / 2.0, value_y, size::VALUE, true, color, Align::Center);
            y += height;
        } else if b.measure.width(&final_text, MIN_FIGURE, true) <= beside {
            // Too narrow for the number inside: set it beside the bar.
            let setting = figures::set(b.measure, &final_text, size::VALUE, MIN_FIGURE, true, beside);
            let shown = figures::set(b.measure, &value, setting.size, setting.size, true, beside);
            b.set_lines(&shown, c.x + (c.width + width) / 2.0 + 6.0, value_y - setting.height() / 2.0, true, b.theme.ink, Align::Left);
            y += height;
        } else {
            // No room beside it either: under the bar.
            y += height;
            let setting = figures::set(b.measure, &final_text, size::VALUE, MIN_FIGURE, true, c.width);
            let shown = figures::set(b.measure, &value, setting.size, setting.size, true, c.width);
            b.set_lines(&shown, c.x + c.width / 2.0, y + 2.0, true, b.theme.ink, Align::Center);
            y += setting.height() + 2.0;
        }
        item(b, c, figure, Rect::new(c.x, top, c.width, y - top), comparison);
    }
    y
}
