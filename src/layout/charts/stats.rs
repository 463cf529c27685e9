//! Number tiles: a big number a figure, its change and its label, a row of tiles at one size.

use super::{badge, change_color, BADGE_INSET, Locale, figure_value, figures, format_change, item, label, shown_value, size, Align, Builder, Context, Figure, Rect};

/// Big-number tiles, two or three a row.
pub(super) fn stats(b: &mut Builder, c: &Context, figures: &[&Figure], y: f64) -> f64 {
    let most = match c.width {
        w if w >= 860.0 => 5,
        w if w >= 640.0 => 4,
        w if w >= 420.0 => 3,
        _ => 2,
    }
    .min(figures.len().max(1));
    let gap = 12.0;
    let big = if c.phone { 24.0 } else { size::BIG };
    let tile_of = |per_row: usize| (c.width - gap * (per_row as f64 - 1.0)) / per_row as f64;
    // The number steps down the type scale rather than overflow its tile, then puts its unit
    // under it; the size is chosen for the final value so that a tile keeps its height while
    // the number counts up.
    let values: Vec<String> = figures.iter().map(|f| figure_value(f, b.locale)).collect();
    let sizes_at = |per_row: usize| values.iter().map(|v| figures::set(b.measure, v, big, 14.0, true, tile_of(per_row)).size).collect::<Vec<f64>>();
    // Fewer tiles a row where a long figure (128.645 billion yuan) would otherwise be set
    // small, since a row shares its size: every number at three quarters of the big size or
    // more, down to two a row.
    let mut per_row = most;
    let mut sizes = sizes_at(per_row);
    while per_row > 2 && sizes.iter().any(|size| *size < big * 0.72) {
        per_row -= 1;
        sizes = sizes_at(per_row);
    }
    // Rows as even as the same number of rows allows: 8 tiles as 4 + 4, not 5 + 3.
    let rows = figures.len().div_ceil(per_row.max(1));
    let even = figures.len().div_ceil(rows.max(1)).max(1);
    if even < per_row {
        per_row = even;
        sizes = sizes_at(per_row);
    }
    let tile = tile_of(per_row);
    let mut y = y;
    for (r, row) in figures.chunks(per_row).enumerate() {
        let mut bottom = y;
        let first = r * per_row;
        // The tiles of a row share the size of the one that needs the smallest: numbers side
        // by side read as equals.
        let row_size = sizes[first..first + row.len()].iter().copied().fold(big, f64::min);
        for (k, figure) in row.iter().enumerate() {
            let x = c.x + k as f64 * (tile + gap);
            // At the row's size exactly: each fits it, on one line or with its unit under it.
            let setting = figures::set(b.measure, &values[first + k], row_size, row_size, true, tile);
            let shown = figures::set(b.measure, &shown_value(b, figure), setting.size, setting.size, true, tile);
            b.set_lines(&shown, x, y, true, c.accent, Align::Left);
            let mut ty = y + setting.height();
            // The change, where the report gives the period before, in the good or the bad
            // colour where it says which way is better.
            let comparison = figure.previous.map(|previous| {
                let change = format_change(figure, previous, b.locale);
                let color = change_color(b, figure.better, figure.value - previous);
                let inset = if color == b.theme.ink { 0.0 } else { BADGE_INSET };
                let from = b.shapes.len();
                let (cx, cy, cw) = (x + inset, ty + inset / 2.0, tile - 2.0 * inset);
                // English wraps it between words (−7.3 percentage points / year on year); Chinese
                // keeps 同比−255.53 whole and puts 亿元 under it where the tile is narrow.
                ty = match b.locale {
                    Locale::En => b.paragraph(&change, cx, cy, cw, size::LABEL, true, color, 6),
                    Locale::Zh => b.figure(&change, cx, cy, cw, size::LABEL, true, color, Align::Left),
                } + inset / 2.0;
                badge(b, from, color);
                change
            });
            ty = b.paragraph(&label(&figure.label, b.locale), x, ty, tile, size::LABEL, false, b.theme.muted, 3);
            item(b, c, figure, Rect::new(x, y, tile, ty - y), comparison);
            bottom = bottom.max(ty);
        }
        y = bottom + 14.0;
    }
    y - 14.0
}
