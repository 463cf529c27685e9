//! The desktop grid: a chapter's cards in 2–3 columns, filled as a designer would. Cards that
//! need width span columns and lay their chart out wider; a chapter with fewer cards than
//! columns widens them into one row; a card is placed where it starts highest, in reading
//! order; and the columns of a chapter end together, the last card of a shorter column
//! stretched to the chapter's foot, as is a card above a hole left by a spanning one.
//! Phones keep one column.

use super::Builder;
use crate::report::{Kind, Report, SectionSlot};
use crate::scene::{Rect, Scene};
use crate::theme::Color;

/// The columns of the content area.
pub(crate) struct Grid {
    pub left: f64,
    pub column_width: f64,
    pub gap: f64,
    pub columns: usize,
    pub phone: bool,
}

impl Grid {
    fn x(&self, column: usize) -> f64 {
        self.left + column as f64 * (self.column_width + self.gap)
    }

    fn width(&self, span: usize) -> f64 {
        span as f64 * self.column_width + (span as f64 - 1.0) * self.gap
    }
}

/// How many columns a section's chart wants on a grid of `columns`: rings side by side,
/// many tiles in a row, a large pictogram.
fn wanted_span(slot: &SectionSlot, columns: usize) -> usize {
    let SectionSlot::Valid(section) = slot else { return 1 };
    let count = section.figures.len();
    let span = match section.kind {
        Kind::Ring if count >= 5 => 3,
        Kind::Ring if count >= 3 => 2,
        Kind::Stats if count >= 7 => 3,
        Kind::Stats if count >= 4 => 2,
        // Three or more compares or gauges go two or three a row in a wide card, which keeps
        // a card of four compares from running three times as tall as its neighbours.
        Kind::Gauge | Kind::Compare if count >= 3 => 2,
        Kind::Pictogram if section.figures.first().is_some_and(|f| f.value > 200.0) => 2,
        _ => 1,
    };
    span.min(columns)
}

/// A rough weight of a card's content, to give spare columns to the fullest cards.
fn weight(slot: &SectionSlot) -> usize {
    match slot {
        SectionSlot::Valid(section) => section.figures.len(),
        SectionSlot::Broken(_) => 0,
    }
}

/// Lays out one chapter's cards from `top`; returns the bottom of the lowest.
pub(crate) fn chapter(page: &mut Builder, slots: &[SectionSlot], report: &Report, grid: &Grid, top: f64, accent: Color) -> f64 {
    let columns = grid.columns.max(1);
    let mut spans: Vec<usize> = slots.iter().map(|s| wanted_span(s, columns)).collect();
    if columns > 1 && spans.iter().sum::<usize>() < columns && slots.len() < columns {
        // Fewer cards than columns: one row, the spare columns to the cards that want width,
        // then to the fullest.
        while spans.iter().sum::<usize>() < columns {
            let Some(widest) = (0..slots.len()).max_by_key(|&i| (weight(&slots[i]) / spans[i], usize::MAX - i)) else { break };
            spans[widest] += 1;
        }
    }
    let mut heights = vec![top; columns];
    // The card that ends each column, to stretch.
    let mut last: Vec<Option<usize>> = vec![None; columns];
    let count = slots.len();
    for (i, (slot, wanted)) in slots.iter().zip(spans).enumerate() {
        // Where the card starts highest; then where it leaves the least hole above it; then
        // at the span it wants (the chapter's last card: as wide as the free row allows).
        let mut best: Option<((f64, f64, usize), usize, usize)> = None;
        for span in 1..=columns {
            if span > wanted && i + 1 < count {
                continue;
            }
            for start in 0..=columns - span {
                let covered = &heights[start..start + span];
                let y = covered.iter().copied().fold(f64::MIN, f64::max);
                let hole: f64 = covered.iter().map(|h| y - h).sum();
                let preference = if i + 1 == count { columns - span } else { span.abs_diff(wanted) };
                let score = (y.round(), hole.round(), preference);
                // `Option::is_none_or` is newer than the crate's rust-version (1.81).
                let better = best.as_ref().map_or(true, |(b, _, _)| {
                    score.0 < b.0 || (score.0 == b.0 && (score.1 < b.1 || (score.1 == b.1 && score.2 < b.2)))
                });
                if better {
                    best = Some((score, start, span));
                }
            }
        }
        let Some((_, start, span)) = best else { continue };
        let y = heights[start..start + span].iter().copied().fold(f64::MIN, f64::max);
        for card in &last[start..start + span] {
            if let Some(card) = *card {
                page.stretch_card(card, y - grid.gap);
            }
        }
        let bottom = page.card(slot, report, grid.x(start), y, grid.width(span), accent, grid.phone);
        let card = page.cards.len() - 1;
        for column in start..start + span {
            heights[column] = bottom + grid.gap;
            last[column] = Some(card);
        }
    }
    let end = heights.iter().copied().fold(top, f64::max);
    if columns > 1 {
        for card in last.iter().flatten() {
            page.stretch_card(*card, end - grid.gap);
        }
    }
    end - grid.gap
}

impl Builder<'_> {
    /// Extends a card down to `bottom` (never shortens it), its body (all under its title)
    /// centred in the room it gains: a card of one bar beside one of eleven holds its bar in
    /// the middle rather than above a blank foot.
    fn stretch_card(&mut self, card: usize, bottom: f64) {
        let (Some(crate::scene::Card { rect, .. }), Some(&background)) = (self.cards.get_mut(card), self.card_backgrounds.get(card)) else { return };
        if bottom <= rect.bottom() {
            return;
        }
        let gained = bottom - rect.bottom();
        rect.height = bottom - rect.y;
        let stretched = *rect;
        if let Some(crate::scene::Shape::Rect { rect, .. }) = self.shapes.get_mut(background) {
            *rect = stretched;
        }
        let Some([shapes, items, hotspots]) = self.card_bodies.get(card).cloned() else { return };
        let dy = (gained / 2.0).floor();
        if dy < 1.0 {
            return;
        }
        self.shapes[shapes].iter_mut().for_each(|shape| shape.shift(dy));
        self.items[items].iter_mut().for_each(|item| item.rect.y += dy);
        self.hotspots[hotspots].iter_mut().for_each(|hotspot| hotspot.rect.y += dy);
    }
}

/// The content column at a page width: its left edge and width (as the layout places it).
pub fn content_box(width: f64) -> (f64, f64) {
    let width = if width.is_finite() { width.clamp(super::MIN_WIDTH, super::MAX_WIDTH) } else { super::MIN_WIDTH };
    let margin = if width < 600.0 { 14.0 } else { 28.0 };
    let content = (width - 2.0 * margin).min(super::MAX_CONTENT);
    ((width - content) / 2.0, content)
}

/// The share of the area between the first chapter heading (or card) and the last mark that
/// is bare page: inside the content column and covered by no card and no chapter heading.
pub fn bare_share(scene: &Scene) -> f64 {
    let (left, content) = content_box(scene.width);
    let first_card = scene.cards.iter().map(|card| card.rect.y).fold(f64::INFINITY, f64::min);
    let top = scene.headings.first().map_or(first_card, |h| h.y.min(first_card));
    let bottom = scene.items.iter().map(|i| i.rect.bottom()).fold(f64::NEG_INFINITY, f64::max);
    // No mark below the first card (or no card at all, NaN-free infinities): no area.
    if bottom.partial_cmp(&top) != Some(std::cmp::Ordering::Greater) {
        return 0.0;
    }
    let area = content * (bottom - top);
    let clipped = |r: &Rect| {
        let width = (r.right().min(left + content) - r.x.max(left)).max(0.0);
        let height = (r.bottom().min(bottom) - r.y.max(top)).max(0.0);
        width * height
    };
    let covered: f64 = scene.cards.iter().map(|card| clipped(&card.rect)).chain(scene.headings.iter().map(clipped)).sum();
    (1.0 - covered / area).clamp(0.0, 1.0)
}
