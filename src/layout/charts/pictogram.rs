//! The pictogram: one icon a unit (or a round number of units, for a large whole), with its
//! subsets highlighted.

use super::{figure_value, format_value, Template, fraction, item, legend_row, shades, share_text, Builder, Color, Context, Figure, Hotspot, Rect, Shape, Swatch};

/// One icon a unit; subsets (the later figures) highlighted in turn. Subsets that together
/// are no more than the whole follow one another in one grid (of 64 projects, 12 large and
/// 5 foreign-funded). Subsets that add up to more than the whole overlap (of 412 wardens, 297
/// with a degree and 118 under 35): one grid each, every subset counted from the first icon,
/// so that none is cut short and none reads as part of another.
pub(super) fn pictogram(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64) -> f64 {
    let Some(whole) = figures.first() else { return y };
    // 1280 households are 256 icons of 5, each subset rounded to whole icons; a caption says so.
    let per_icon = per_icon(whole.value);
    let count = (whole.value.max(0.0) / per_icon).round().min(crate::report::MAX_PICTOGRAM) as usize;
    let cell = if count <= 40 { 24.0 } else { ((c.width * 160.0 / count as f64).sqrt()).clamp(7.0, 24.0) };
    // As many rows as the width needs, the icons spread evenly over them: 27 in rows of at
    // most 13 are three rows of 9, not 13 + 13 and one stray icon.
    let most = ((c.width / cell).floor() as usize).max(1);
    let rows = count.div_ceil(most);
    let per_row = count.div_ceil(rows.max(1)).max(1);
    let radius = cell * 0.38;
    let parts = &figures[1..];
    let icons = |part: &Figure| ((part.value.max(0.0) / per_icon).round() as usize).min(count);
    let mut y = y;
    if per_icon > 1.0 {
        let unit = format_value(per_icon, &whole.unit, whole.unit_en.as_deref(), None, b.locale);
        let caption = b.locale.fill(Template::IconStandsFor, &[&unit]);
        y = b.paragraph(&caption, c.x, y, c.width, crate::theme::size::SMALL, false, b.theme.muted, 2) + 6.0;
    }
    let overlapping = parts.iter().map(|p| icons(p)).sum::<usize>() > count;
    let shown = (count as f64 * b.progress).round() as usize;
    // Subsets in one grid go from the strongest shade to the palest; a subset alone in its
    // grid takes the strongest.
    let fills = if overlapping { vec![c.accent; parts.len()] } else { shades(b, c.accent, parts.len()) };
    // Draws a grid from `top` whose icon n belongs to the subset `part_of(n)`; returns the
    // grid's box and each subset's icons' box.
    let grid = |b: &mut Builder, top: f64, part_of: &dyn Fn(usize) -> Option<usize>| {
        let mut part_rects: Vec<Option<Rect>> = vec![None; parts.len()];
        for n in 0..count {
            let cx = c.x + cell * ((n % per_row) as f64 + 0.5);
            let cy = top + cell * ((n / per_row) as f64 + 0.5);
            let part = part_of(n);
            let color = match part {
                _ if n >= shown => b.theme.track,
                Some(p) => fills[p],
                None => b.theme.previous,
            };
            b.shapes.push(Shape::Circle { cx, cy, r: radius, color });
            if let Some(p) = part {
                let icon = Rect::new(cx - cell / 2.0, cy - cell / 2.0, cell, cell);
                part_rects[p] = Some(part_rects[p].map_or(icon, |r| r.union(&icon)));
            }
        }
        (Rect::new(c.x, top, cell * per_row.min(count) as f64, cell * rows as f64), part_rects)
    };
    let legend = |b: &mut Builder, ly: f64, color: Color, figure: &Figure| legend_row(b, c, ly, Swatch::Dot(color), figure, None);
    let share = |b: &Builder, part: &Figure| share_text(b.locale, fraction(part.value, whole.value), Some(figure_value(whole, b.locale)));
    if overlapping {
        // The whole's row first, then each subset's grid with its row under it; the whole
        // answers wherever a grid's icon is not its subset's.
        let whole_row = legend(b, y, b.theme.previous, whole);
        let whole_index = item(b, c, whole, whole_row, None);
        let mut ly = whole_row.bottom() + 12.0;
        for (p, part) in parts.iter().enumerate() {
            let end = icons(part);
            let (grid_rect, part_rects) = grid(b, ly, &|n| (n < end).then_some(p));
            b.hotspots.push(Hotspot { rect: grid_rect, item: whole_index });
            let row = legend(b, grid_rect.bottom() + 8.0, fills[p], part);
            let comparison = share(b, part);
            let index = item(b, c, part, part_rects[p].unwrap_or(row), Some(comparison));
            if part_rects[p].is_some() {
                b.hotspots.push(Hotspot { rect: row, item: index });
            }
            ly = row.bottom() + 16.0;
        }
        return ly - 16.0;
    }
    let mut boundaries = Vec::new();
    let mut running = 0usize;
    for part in parts {
        running = (running + icons(part)).min(count);
        boundaries.push(running);
    }
    let (grid_rect, part_rects) = grid(b, y, &|n| boundaries.iter().position(|end| n < *end));
    let mut ly = grid_rect.bottom() + 12.0;
    // The whole's mark is its legend row, since highlighted subsets cover its grid; the grid
    // still answers for it wherever no subset does.
    let whole_row = legend(b, ly, b.theme.previous, whole);
    let whole_index = item(b, c, whole, whole_row, None);
    b.hotspots.push(Hotspot { rect: grid_rect, item: whole_index });
    ly = whole_row.bottom() + 6.0;
    for (p, part) in parts.iter().enumerate() {
        let row = legend(b, ly, fills[p], part);
        let comparison = share(b, part);
        let index = item(b, c, part, part_rects[p].unwrap_or(row), Some(comparison));
        if part_rects[p].is_some() {
            b.hotspots.push(Hotspot { rect: row, item: index });
        }
        ly = row.bottom() + 6.0;
    }
    ly - 6.0
}

/// How many units one icon stands for: 1 up to 500 units, then the first of 2, 5, 10, 20, 50 …
/// that keeps the icons within 500.
pub(crate) fn per_icon(whole: f64) -> f64 {
    let mut per = 1.0;
    let mut steps = [2.0, 2.5, 2.0].iter().cycle();
    while whole / per > crate::report::MAX_PICTOGRAM {
        per *= steps.next().copied().unwrap_or(2.0);
    }
    per
}
