//! The compare: this period's column beside the period before's, the change beside them.

use super::{badge, change_color, decimals_of, figure_value, figures, format_change, format_delta, format_value, format_written, fraction, item, label, shown_value, size, Align, Builder, Context, Figure, Hotspot, Item, Phrase, Rect, Shape, SharedMagnitude, Template, BADGE_INSET, MIN_FIGURE};

/// This period against the one before: two columns and the change in large type.
pub(super) fn compare(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64) -> f64 {
    let mut y = y;
    for (i, figure) in figures.iter().enumerate() {
        let Some(previous) = figure.previous else { continue };
        // The pair's two values in one English magnitude: 998 million beside 1,020 million.
        let _shared = SharedMagnitude::new(&[previous, figure.value], &figure.unit);
        y = compare_pair(b, c, i, figure, previous, y);
    }
    y
}

/// One figure's pair of columns (the `i`-th of its card's) from `y`; returns the y below.
fn compare_pair(b: &mut Builder, c: &Context, i: usize, figure: &Figure, previous: f64, y: f64) -> f64 {
    let mut y = y;
    if i > 0 {
        y += 22.0;
    }
    // The figure's name heads its pair of columns (under them, in a stack of compares, it
    // read as the title of the next pair), unless it is the card's only pair and the card's
    // title already says it (空气质量优良天数 over 优良天数).
    let name = label(&figure.label, b.locale);
    if c.section.figures.len() > 1 || !label(&c.section.title, b.locale).contains(name.as_str()) {
        y = b.paragraph(&name, c.x, y, c.width, size::LABEL, true, b.theme.ink, 2) + 8.0;
    }
    let change = format_change(figure, previous, b.locale);
    let delta = figure.value - previous;
    let delta_text = format_delta(figure, delta, b.locale);
    let chart_height = if c.phone { 120.0 } else { 140.0 };
    let delta_size = if c.phone { 24.0 } else { 28.0 };
    let annotation_width = b.measure.width(&delta_text, delta_size, true).max(70.0).min(c.width * 0.45);
    // Wider columns on a desktop card, whose values then keep a larger size on fewer lines.
    let column = ((c.width - annotation_width - 40.0) / 2.0 - 12.0).clamp(24.0, if c.phone { 76.0 } else { 104.0 });
    let max = figure.value.max(previous);
    // A value may pass its column by 8 px a side: two values stay 8 px apart over the 24 px gap.
    let room = column + 16.0;
    let previous_period = c.report.previous_period.as_ref().map(|t| label(t, b.locale)).unwrap_or_else(|| b.locale.say(Phrase::PreviousPeriod).to_string());
    let columns = [
        (previous, b.theme.previous, format_value(previous, &figure.unit, figure.unit_en.as_deref(), None, b.locale), previous_period),
        (figure.value, c.accent, figure_value(figure, b.locale), label(&c.report.period, b.locale)),
    ];
    // Values and periods are set before the columns are placed: a long unit goes under its
    // number and the chart makes room for it.
    let settings: Vec<_> = columns
        .iter()
        .map(|(_, _, value, period)| {
            (
                figures::set(b.measure, value, size::VALUE, MIN_FIGURE, true, room),
                figures::set(b.measure, period, size::SMALL, size::SMALL, false, room),
            )
        })
        .collect();
    // The two values side by side share one size (the smaller): 38.6 and 44.2 million US
    // dollars read as a pair, not one large and one small.
    let shared = settings.iter().map(|(v, _)| v.size).fold(size::VALUE, f64::min);
    let settings: Vec<_> = settings
        .into_iter()
        .zip(&columns)
        .map(|((value, period), (_, _, text, _))| if value.size > shared { (figures::set(b.measure, text, shared, shared, true, room), period) } else { (value, period) })
        .collect();
    let label_space = settings.iter().map(|(v, _)| v.height()).fold(0.0, f64::max) + 6.0;
    let period_space = settings.iter().map(|(_, p)| p.height()).fold(0.0, f64::max) + 6.0;
    let base = y + label_space + chart_height;
    let mut column_rects = Vec::new();
    for (k, ((value, color, _, _), (value_setting, period_setting))) in columns.iter().zip(&settings).enumerate() {
        let x = c.x + k as f64 * (column + 24.0);
        let height = (chart_height * fraction(*value, max) * b.progress).max(2.0);
        let rect = Rect::new(x, base - height, column, height);
        b.shapes.push(Shape::Rect { rect, radius: 3.0, color: *color });
        let shown = if k == 0 {
            format_written(value * b.progress, decimals_of(*value), &figure.unit, figure.unit_en.as_deref(), None, b.locale)
        } else {
            shown_value(b, figure)
        };
        let shown = figures::set(b.measure, &shown, value_setting.size, value_setting.size, true, room);
        b.set_lines(&shown, x + column / 2.0, base - height - 4.0 - value_setting.height(), true, b.theme.ink, Align::Center);
        b.set_lines(period_setting, x + column / 2.0, base + 4.0, false, b.theme.muted, Align::Center);
        column_rects.push(Rect::new(x, y, column, base + period_space - y));
    }
    // The change, beside the columns.
    let ax = c.x + 2.0 * column + 24.0 + 20.0;
    let aw = c.x + c.width - ax;
    let color = change_color(b, figure.better, delta);
    let inset = if color == b.theme.ink { 0.0 } else { BADGE_INSET };
    let delta_setting = figures::set(b.measure, &delta_text, delta_size, 14.0, true, aw - 2.0 * inset);
    let ay = base - chart_height * 0.62 - Builder::line_height(delta_setting.size) / 2.0;
    let from = b.shapes.len();
    let below = b.set_lines(&delta_setting, ax + inset, ay, true, color, Align::Left);
    badge(b, from, color);
    let caption = b.locale.say(Phrase::ChangeYearOnYear);
    b.paragraph(caption, ax, below + inset / 2.0, aw, size::SMALL, false, b.theme.muted, 2);
    b.shapes.push(Shape::Line {
        from: (c.x, base),
        to: (c.x + 2.0 * column + 24.0, base),
        width: 1.0,
        color: b.theme.rule,
    });
    let previous_label = b.locale.fill(Template::PreviousOf, &[&label(&figure.label, b.locale)]);
    b.item(Item {
        id: figure.id.clone() + ".previous",
        section: c.section.id.clone(),
        label: previous_label,
        value: previous,
        unit: figure.unit.clone(),
        text: format_value(previous, &figure.unit, figure.unit_en.as_deref(), figure.approx, b.locale),
        comparison: None,
        rect: column_rects[0],
    });
    let current = item(b, c, figure, column_rects[1], Some(change));
    b.hotspots.push(Hotspot { rect: Rect::new(ax, y, aw, base - y), item: current });
    base + period_space
}
