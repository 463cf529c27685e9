//! The laid-out infographic: every shape and text run with its box, and every mark a reader
//! can point at. The scene is the one source for drawing, hit-testing, `items()`, the table
//! fallback and the share image, so none of them can disagree.

use serde::Serialize;

use crate::theme::Color;

/// An axis-aligned box in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect { x, y, width, height }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }

    /// Whether the two boxes share any area (touching edges do not count).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right() - 0.01
            && other.x < self.right() - 0.01
            && self.y < other.bottom() - 0.01
            && other.y < self.bottom() - 0.01
    }

    /// The smallest box holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect::new(x, y, self.right().max(other.right()) - x, self.bottom().max(other.bottom()) - y)
    }

    pub fn center(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// Horizontal alignment of a text run about its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One line of text, vertically centred on `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub size: f64,
    pub bold: bool,
    pub color: Color,
    pub align: Align,
    /// The box the run occupies, as layout measured it.
    pub bounds: Rect,
}

/// A drawn primitive, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle with rounded corners (radius 0 for square ones).
    Rect { rect: Rect, radius: f64, color: Color },
    /// A ring segment between two radii, angles in radians clockwise from 12 o'clock.
    Arc { cx: f64, cy: f64, outer: f64, inner: f64, start: f64, end: f64, color: Color },
    /// A filled circle.
    Circle { cx: f64, cy: f64, r: f64, color: Color },
    /// A straight line.
    Line { from: (f64, f64), to: (f64, f64), width: f64, color: Color },
    Text(TextRun),
}

impl Shape {
    /// The box the shape covers (a line's box includes its width).
    pub fn bounds(&self) -> Rect {
        match self {
            Shape::Rect { rect, .. } => *rect,
            Shape::Arc { cx, cy, outer, .. } => Rect::new(cx - outer, cy - outer, 2.0 * outer, 2.0 * outer),
            Shape::Circle { cx, cy, r, .. } => Rect::new(cx - r, cy - r, 2.0 * r, 2.0 * r),
            Shape::Line { from, to, width, .. } => {
                let x = from.0.min(to.0) - width;
                let y = from.1.min(to.1) - width;
                Rect::new(x, y, (from.0 - to.0).abs() + 2.0 * width, (from.1 - to.1).abs() + 2.0 * width)
            }
            Shape::Text(run) => run.bounds,
        }
    }
}

/// A mark a reader can point at, focus and hear: one figure as drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    pub section: String,
    pub label: String,
    pub value: f64,
    pub unit: String,
    /// The value with its unit as the reader reads it: 317.8亿元.
    pub text: String,
    /// The comparison that goes with it: 同比+23天, 占年度目标56.9%.
    pub comparison: Option<String>,
    #[serde(flatten)]
    pub rect: Rect,
}

/// The whole infographic, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub background: Color,
    pub shapes: Vec<Shape>,
    /// Marks in reading order.
    pub items: Vec<Item>,
    /// Every section's card, in order: (section id, box).
    pub cards: Vec<(String, Rect)>,
    /// Further areas that stand for an item, such as a legend row: (area, item index).
    pub hotspots: Vec<(Rect, usize)>,
    /// Every chapter heading's band across the content column.
    pub headings: Vec<Rect>,
}

impl Scene {
    /// The index of the item under the point: the smallest mark that contains it (a highlighted
    /// subset wins over its whole), then a hotspot such as a legend row, then a mark within a
    /// few pixels, so that a fingertip next to a thin bar still finds it.
    pub fn hit_test(&self, x: f64, y: f64) -> Option<usize> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let area = |r: &Rect| r.width * r.height;
        let smallest = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.rect.contains(x, y))
            .min_by(|(_, a), (_, b)| area(&a.rect).total_cmp(&area(&b.rect)))
            .map(|(i, _)| i);
        if smallest.is_some() {
            return smallest;
        }
        if let Some((_, i)) = self.hotspots.iter().find(|(r, _)| r.contains(x, y)) {
            return Some(*i);
        }
        const SLOP: f64 = 6.0;
        self.items.iter().position(|item| {
            let r = item.rect;
            Rect::new(r.x - SLOP, r.y - SLOP, r.width + 2.0 * SLOP, r.height + 2.0 * SLOP)
                .contains(x, y)
        })
    }

    /// Every text run's box.
    pub fn text_bounds(&self) -> impl Iterator<Item = (&str, Rect)> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text(run) => Some((run.text.as_str(), run.bounds)),
            _ => None,
        })
    }
}
