//! The laid-out infographic: every shape and text run with its box, and every mark a reader
//! can point at. The scene is the one source for drawing, hit-testing, `items()`, the table
//! fallback and the share image, so none of them can disagree.

use serde::Serialize;

use crate::theme::Color;

/// An axis-aligned box in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Rect {
    /// The left edge.
    pub x: f64,
    /// The top edge.
    pub y: f64,
    /// The width.
    pub width: f64,
    /// The height.
    pub height: f64,
}

impl Rect {
    /// The box at (`x`, `y`) of `width` by `height`.
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect { x, y, width, height }
    }

    /// The right edge.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the point is inside the box or on its edge.
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

    /// The centre point.
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// Horizontal alignment of a text run about its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `x` is the run's left end.
    Left,
    /// `x` is the run's centre.
    Center,
    /// `x` is the run's right end.
    Right,
}

/// One line of text, vertically centred on `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Where the run is anchored horizontally, as `align` says.
    pub x: f64,
    /// The run's vertical centre.
    pub y: f64,
    /// What it says.
    pub text: String,
    /// The font size (the em) in CSS pixels.
    pub size: f64,
    /// Whether it is set in bold.
    pub bold: bool,
    /// Its colour.
    pub color: Color,
    /// How it sits about `x`.
    pub align: Align,
    /// The box the run occupies, as layout measured it.
    pub bounds: Rect,
}

/// A drawn primitive, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle with rounded corners (radius 0 for square ones).
    Rect {
        /// The box.
        rect: Rect,
        /// The corners' radius.
        radius: f64,
        /// The fill.
        color: Color,
    },
    /// A ring segment between two radii, angles in radians clockwise from 12 o'clock.
    Arc {
        /// The centre's x.
        cx: f64,
        /// The centre's y.
        cy: f64,
        /// The outer radius.
        outer: f64,
        /// The inner radius (0 for a pie slice).
        inner: f64,
        /// Where it starts.
        start: f64,
        /// Where it ends.
        end: f64,
        /// The fill.
        color: Color,
    },
    /// A filled circle.
    Circle {
        /// The centre's x.
        cx: f64,
        /// The centre's y.
        cy: f64,
        /// The radius.
        r: f64,
        /// The fill.
        color: Color,
    },
    /// A straight line.
    Line {
        /// One end.
        from: (f64, f64),
        /// The other end.
        to: (f64, f64),
        /// The stroke's width.
        width: f64,
        /// The stroke's colour.
        color: Color,
    },
    /// A line of text.
    Text(TextRun),
}

impl Shape {
    /// Moves the shape down by `dy`.
    pub fn shift(&mut self, dy: f64) {
        match self {
            Shape::Rect { rect, .. } => rect.y += dy,
            Shape::Arc { cy, .. } | Shape::Circle { cy, .. } => *cy += dy,
            Shape::Line { from, to, .. } => {
                from.1 += dy;
                to.1 += dy;
            }
            Shape::Text(run) => {
                run.y += dy;
                run.bounds.y += dy;
            }
        }
    }

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
    /// The figure's id.
    pub id: String,
    /// The id of the section it is in.
    pub section: String,
    /// The figure's label in the reader's language.
    pub label: String,
    /// The figure's value.
    pub value: f64,
    /// The figure's unit in the reader's language.
    pub unit: String,
    /// The value with its unit as the reader reads it: 317.8亿元.
    pub text: String,
    /// The comparison that goes with it: 同比+23天, 占年度目标56.9%.
    pub comparison: Option<String>,
    /// The mark's box.
    #[serde(flatten)]
    pub rect: Rect,
}

/// The whole infographic, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// The width in CSS pixels.
    pub width: f64,
    /// The height in CSS pixels, everything included.
    pub height: f64,
    /// The page's colour behind everything.
    pub background: Color,
    /// What is drawn, in painting order.
    pub shapes: Vec<Shape>,
    /// Marks in reading order.
    pub items: Vec<Item>,
    /// Every section's card, in order.
    pub cards: Vec<Card>,
    /// Further areas that stand for an item, such as a legend row.
    pub hotspots: Vec<Hotspot>,
    /// Every chapter heading's band across the content column.
    pub headings: Vec<Rect>,
}

/// One section's card: the box a section is drawn in.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The section's id (`sections[i]` for a broken section without one).
    pub section: String,
    /// The card's box.
    pub rect: Rect,
}

/// An area other than its mark that stands for an item, such as its legend row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hotspot {
    /// The area.
    pub rect: Rect,
    /// The index of the item in [`Scene::items`].
    pub item: usize,
}

impl Scene {
    /// How many viewport pixels the page shows a CSS pixel of the scene as: the width of the
    /// canvas' box in the viewport over the scene's. 1 but where a CSS transform scales the
    /// canvas or a parent (the editor's preview scaled to its column), or the box was resized
    /// and not yet laid out again; 1 for an empty box.
    pub fn shown_scale(&self, shown_width: f64) -> f64 {
        if shown_width > 0.0 && self.width > 0.0 {
            shown_width / self.width
        } else {
            1.0
        }
    }

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
        if let Some(hotspot) = self.hotspots.iter().find(|h| h.rect.contains(x, y)) {
            return Some(hotspot.item);
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
