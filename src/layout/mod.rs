//! Report + width + locale + theme -> [`Scene`]: the page, its chapters and the grid of cards.
//! Pure: no web-sys, so every box can be tested natively. Each chart kind is laid out in
//! [`charts`], one function a kind.

mod accents;
mod charts;
mod figures;
pub mod grid;

use crate::locale::{Locale, Phrase};
use crate::report::{BrokenSection, Report, SectionSlot, Text};
use crate::scene::{Align, Card, Hotspot, Item, Rect, Scene, Shape, TextRun};
use crate::text::{self, Measure};
use crate::theme::{size, Color, Theme};

/// The narrowest and widest widths the layout designs for; outside them it clamps.
pub const MIN_WIDTH: f64 = 280.0;
pub const MAX_WIDTH: f64 = 4096.0;
/// Content wider than this is centred.
const MAX_CONTENT: f64 = 1360.0;

/// What the layout needs beyond the report.
pub struct LayoutOptions<'a> {
    /// The width in CSS pixels.
    pub width: f64,
    pub locale: Locale,
    pub theme: &'a Theme,
    /// Entry animation, 0 (nothing grown) to 1 (final); bars grow, rings sweep, numbers count.
    pub progress: f64,
    pub measure: &'a dyn Measure,
}

/// Lays the whole report out at the given width. Never fails: broken sections become notices.
pub fn layout(report: &Report, options: &LayoutOptions) -> Scene {
    let width = if options.width.is_finite() {
        options.width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        MIN_WIDTH
    };
    let progress = if options.progress.is_finite() { options.progress.clamp(0.0, 1.0) } else { 1.0 };
    let phone = width < 600.0;
    let margin = if phone { 14.0 } else { 28.0 };
    let content = (width - 2.0 * margin).min(MAX_CONTENT);
    let left = (width - content) / 2.0;
    let mut page = Builder::new(options, progress);
    let theme = options.theme;

    // Masthead: the publisher when the report names one, period kicker, title, subtitle, a rule.
    let mut y = if phone { 18.0 } else { 32.0 };
    if let Some(publisher) = &report.publisher {
        y = page.paragraph(publisher.get(options.locale), left, y, content, size::SMALL, false, theme.muted, 2);
        y += 6.0;
    }
    let kicker = report.period.get(options.locale);
    y = page.paragraph(kicker, left, y, content, size::SMALL + 1.0, true, theme.accent(0), 1);
    y += 4.0;
    let title_size = if phone { size::TITLE_PHONE } else { size::TITLE };
    y = page.paragraph(report.title.get(options.locale), left, y, content, title_size, true, theme.ink, 3);
    if let Some(subtitle) = &report.subtitle {
        y += 4.0;
        let sub_size = if phone { size::LABEL + 1.0 } else { size::SUBTITLE };
        y = page.paragraph(subtitle.get(options.locale), left, y, content, sub_size, false, theme.muted, 3);
    }
    y += if phone { 14.0 } else { 20.0 };
    page.shapes.push(Shape::Rect {
        rect: Rect::new(left, y, content, 2.0),
        radius: 0.0,
        color: theme.ink,
    });
    y += 2.0;

    let columns = if content >= 960.0 {
        3
    } else if content >= 600.0 {
        2
    } else {
        1
    };
    let gap = if phone { 12.0 } else { 18.0 };
    let column_width = (content - gap * (columns as f64 - 1.0)) / columns as f64;

    // Chapters: consecutive sections under one heading, their cards in a masonry grid.
    let mut chapter_index = 0usize;
    let mut previous_accent = None;
    let mut start = 0usize;
    while start < report.sections.len() {
        let chapter = report.sections[start].chapter();
        let end = report.sections[start..]
            .iter()
            .position(|s| s.chapter().map(|c| &c.zh) != chapter.map(|c| &c.zh))
            .map_or(report.sections.len(), |offset| start + offset);
        let named = match &report.sections[start] {
            SectionSlot::Valid(section) => section.accent,
            SectionSlot::Broken(_) => None,
        };
        let next = report.sections.get(end).and_then(|s| accents::meaning(s.chapter()));
        let accent_index = accents::chapter_accent(chapter, named, chapter_index, previous_accent, next);
        previous_accent = Some(accent_index);
        let accent = theme.accent(accent_index);
        y += if phone { 22.0 } else { 30.0 };
        if let Some(chapter) = chapter {
            y = page.chapter_heading(chapter.get(options.locale), left, y, content, accent);
            y += if phone { 12.0 } else { 14.0 };
        }
        let grid = grid::Grid { left, column_width, gap, columns, phone };
        y = grid::chapter(&mut page, &report.sections[start..end], report, &grid, y, accent);
        chapter_index += 1;
        start = end;
    }

    // Source line.
    y += if phone { 20.0 } else { 28.0 };
    page.shapes.push(Shape::Rect { rect: Rect::new(left, y, content, 1.0), radius: 0.0, color: theme.rule });
    y += 10.0;
    y = page.paragraph(report.source.get(options.locale), left, y, content, size::SMALL, false, theme.muted, 4);
    y += if phone { 16.0 } else { 24.0 };

    Scene {
        width,
        height: y.ceil(),
        background: theme.background,
        shapes: page.shapes,
        items: page.items,
        cards: page.cards,
        hotspots: page.hotspots,
        headings: page.headings,
    }
}

/// Collects shapes, items and hotspots as the layout places them.
pub(crate) struct Builder<'a> {
    pub shapes: Vec<Shape>,
    pub items: Vec<Item>,
    pub hotspots: Vec<Hotspot>,
    pub cards: Vec<Card>,
    /// The background shape of each card, so that the grid can stretch a card to its row.
    pub card_backgrounds: Vec<usize>,
    /// Each card's body (what follows its title): its shapes, items and hotspots, as ranges.
    pub card_bodies: Vec<[std::ops::Range<usize>; 3]>,
    pub headings: Vec<Rect>,
    pub measure: &'a dyn Measure,
    pub locale: Locale,
    pub theme: &'a Theme,
    pub progress: f64,
}

impl<'a> Builder<'a> {
    fn new(options: &LayoutOptions<'a>, progress: f64) -> Builder<'a> {
        Builder {
            shapes: Vec::new(),
            items: Vec::new(),
            hotspots: Vec::new(),
            cards: Vec::new(),
            card_backgrounds: Vec::new(),
            card_bodies: Vec::new(),
            headings: Vec::new(),
            measure: options.measure,
            locale: options.locale,
            theme: options.theme,
            progress,
        }
    }

    /// The height of a line of text at `size`.
    pub fn line_height(size: f64) -> f64 {
        (size * size::LINE).ceil()
    }

    /// One line of text whose left, centre or right edge is at `x`, centred on `y`; returns its box.
    // Every chart kind calls this with literal arguments; a struct would only add a name per call.
    #[allow(clippy::too_many_arguments)]
    pub fn text(&mut self, text: &str, x: f64, y: f64, size: f64, bold: bool, color: Color, align: Align) -> Rect {
        let text = text::sanitize(text);
        let width = self.measure.width(&text, size, bold);
        let height = Self::line_height(size);
        let left = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        let bounds = Rect::new(left, y - height / 2.0, width, height);
        self.shapes.push(Shape::Text(TextRun { x, y, text, size, bold, color, align, bounds }));
        bounds
    }

    /// Wrapped text from the top `y` in a column; returns the y below its last line.
    #[allow(clippy::too_many_arguments)]
    pub fn paragraph(&mut self, text: &str, x: f64, y: f64, width: f64, size: f64, bold: bool, color: Color, max_lines: usize) -> f64 {
        self.lines(text, x, y, width, size, bold, color, max_lines, Align::Left)
    }

    /// Like [`Builder::paragraph`], each line centred on `x`.
    #[allow(clippy::too_many_arguments)]
    pub fn centred_paragraph(&mut self, text: &str, x: f64, y: f64, width: f64, size: f64, bold: bool, color: Color, max_lines: usize) -> f64 {
        self.lines(text, x, y, width, size, bold, color, max_lines, Align::Center)
    }

    #[allow(clippy::too_many_arguments)]
    fn lines(&mut self, text: &str, x: f64, y: f64, width: f64, size: f64, bold: bool, color: Color, max_lines: usize, align: Align) -> f64 {
        let line = Self::line_height(size);
        // A text that holds a number wraps further rather than cut the number short.
        let max_lines = if text.bytes().any(|c| c.is_ascii_digit()) { max_lines.max(12) } else { max_lines };
        let lines = text::wrap(self.measure, text, size, bold, width, max_lines);
        for (i, content) in lines.iter().enumerate() {
            self.text(content, x, y + line * (i as f64 + 0.5), size, bold, color, align);
        }
        y + line * lines.len() as f64
    }

    /// A chapter's name, wrapped (up to six lines) rather than cut: "Environment and
    /// low-carbon growth" at 360 px takes two lines. The accent mark stands at the first line, a
    /// rule runs on from the last.
    fn chapter_heading(&mut self, title: &str, x: f64, y: f64, width: f64, accent: Color) -> f64 {
        let size = size::CHAPTER;
        let line = Self::line_height(size);
        let lines = text::wrap(self.measure, title, size, true, width - 16.0, 6);
        let count = lines.len().max(1);
        self.headings.push(Rect::new(x, y, width, line * count as f64));
        self.shapes.push(Shape::Rect { rect: Rect::new(x, y + line * 0.5 - 8.0, 6.0, 16.0), radius: 1.0, color: accent });
        let mut right = x + 14.0;
        for (i, content) in lines.iter().enumerate() {
            right = self.text(content, x + 14.0, y + line * (i as f64 + 0.5), size, true, self.theme.ink, Align::Left).right();
        }
        let rule_x = right + 12.0;
        if rule_x < x + width {
            let rule_y = y + line * (count as f64 - 0.5);
            self.shapes.push(Shape::Rect {
                rect: Rect::new(rule_x, rule_y, x + width - rule_x, 1.0),
                radius: 0.0,
                color: self.theme.rule,
            });
        }
        y + line * count as f64
    }

    /// Lays out one card at (x, y); returns its bottom.
    // The grid's placement (x, y, width, phone) and the chapter's accent; called from one place.
    #[allow(clippy::too_many_arguments)]
    fn card(&mut self, slot: &SectionSlot, report: &Report, x: f64, y: f64, width: f64, accent: Color, phone: bool) -> f64 {
        let padding = if phone { 14.0 } else { 18.0 };
        // The card's background goes first; its height is known only once its content is laid out.
        let background = self.shapes.len();
        self.shapes.push(Shape::Rect { rect: Rect::default(), radius: 10.0, color: self.theme.card });
        self.shapes.push(Shape::Rect { rect: Rect::new(x, y, width, 4.0), radius: 0.0, color: accent });
        let inner_x = x + padding;
        let inner_width = width - 2.0 * padding;
        let mut cy = y + 4.0 + padding - 2.0;
        let mut body = (self.shapes.len(), self.items.len(), self.hotspots.len());
        let id = match slot {
            SectionSlot::Valid(section) => {
                cy = self.paragraph(section.title.get(self.locale), inner_x, cy, inner_width, size::CARD_TITLE, true, self.theme.ink, 3);
                cy += 12.0;
                body = (self.shapes.len(), self.items.len(), self.hotspots.len());
                let context = charts::Context { section, report, x: inner_x, width: inner_width, accent, phone };
                cy = charts::lay_out(self, &context, cy);
                if let Some(note) = &section.note {
                    cy += 10.0;
                    cy = self.paragraph(note.get(self.locale), inner_x, cy, inner_width, size::SMALL, false, self.theme.muted, 6);
                }
                section.id.clone()
            }
            SectionSlot::Broken(broken) => {
                cy = self.broken(broken, inner_x, cy, inner_width);
                broken.id.clone().unwrap_or_else(|| crate::format::indexed("sections", broken.index))
            }
        };
        let bottom = cy + padding;
        let rect = Rect::new(x, y, width, bottom - y);
        self.shapes[background] = Shape::Rect { rect, radius: 6.0, color: self.theme.card };
        self.cards.push(Card { section: id, rect });
        self.card_backgrounds.push(background);
        self.card_bodies.push([body.0..self.shapes.len(), body.1..self.items.len(), body.2..self.hotspots.len()]);
        bottom
    }

    /// A plain notice where a broken section would be: readers are told, not shown a stack trace.
    fn broken(&mut self, broken: &BrokenSection, x: f64, y: f64, width: f64) -> f64 {
        let mut y = y;
        if let Some(title) = &broken.title {
            y = self.paragraph(title.get(self.locale), x, y, width, size::CARD_TITLE, true, self.theme.ink, 3);
            y += 12.0;
        }
        let top = y;
        let box_index = self.shapes.len();
        self.shapes.push(Shape::Rect { rect: Rect::default(), radius: 6.0, color: self.theme.notice_background });
        let padding = 12.0;
        self.shapes.push(Shape::Circle { cx: x + padding + 9.0, cy: y + padding + 10.0, r: 9.0, color: self.theme.notice });
        self.text("!", x + padding + 9.0, y + padding + 10.0, size::LABEL, true, self.theme.notice_background, Align::Center);
        let text_x = x + padding + 26.0;
        let text_width = (width - padding * 2.0 - 26.0).max(20.0);
        y = self.paragraph(self.locale.say(Phrase::BrokenSection), text_x, y + padding + 1.0, text_width, size::LABEL, true, self.theme.notice, 3);
        y = self.paragraph(self.locale.say(Phrase::BrokenHint), text_x, y + 2.0, text_width, size::SMALL, false, self.theme.notice, 4);
        y += padding;
        self.shapes[box_index] = Shape::Rect { rect: Rect::new(x, top, width, y - top), radius: 6.0, color: self.theme.notice_background };
        y
    }

    /// Records a mark; returns its index.
    pub fn item(&mut self, item: Item) -> usize {
        self.items.push(item);
        self.items.len() - 1
    }
}

/// The label of a text in the current language.
pub(crate) fn label(text: &Text, locale: Locale) -> String {
    text::sanitize(text.get(locale))
}

/// Lays out a report at the given width with the estimating measure, final state, light theme.
pub fn layout_simple(report: &Report, width: f64, locale: Locale) -> Scene {
    let theme = Theme::get(crate::theme::ThemeName::Light);
    layout(report, &LayoutOptions { width, locale, theme: &theme, progress: 1.0, measure: &text::EstimatedMeasure })
}

#[cfg(test)]
mod tests;
