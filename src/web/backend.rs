//! A plotters [`DrawingBackend`] for a canvas 2D context, made for speed and size.
//!
//! plotters-canvas formats a colour string with float formatting and crosses into JavaScript
//! for every style of every primitive. This backend keeps the context's fill, stroke and font
//! state and sets them only when they change, batches consecutive fills of one colour into one
//! path and one `fill()`, and builds colour strings with integer arithmetic (no float
//! formatting in the wasm). The browser tests draw the same scene with plotters-canvas and
//! compare the pixels.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

#[wasm_bindgen]
extern "C" {
    /// The 2D context, for a call bound here rather than through web-sys.
    type Context2d;
    /// `fillText` without web-sys' exception guard, which wraps every call in a try/catch
    /// (its cost is in the README's performance notes). It never throws: non-finite coordinates draw nothing.
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text(this: &Context2d, text: &str, x: f64, y: f64);
}

/// What went wrong in the canvas, as the browser said it.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

fn failed(error: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(error.as_string().unwrap_or_else(|| "canvas error".to_string())))
}

/// An sRGB colour and its alpha in thousandths: a key that compares exactly.
type ColorKey = (u8, u8, u8, u16);

fn key(color: BackendColor) -> ColorKey {
    let (r, g, b) = color.rgb;
    (r, g, b, (color.alpha.clamp(0.0, 1.0) * 1000.0).round() as u16)
}

/// `#rrggbb`, or `rgba(r,g,b,0.5)` when translucent ([`crate::theme::css_color`], tested natively).
fn css(color: ColorKey) -> String {
    let (r, g, b, alpha) = color;
    crate::theme::css_color(r, g, b, alpha)
}

/// Draws onto a canvas' 2D context, whose backing store is `width` × `height` device pixels.
pub struct Canvas2d {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<ColorKey>,
    stroke: Option<(ColorKey, u32)>,
    font: Option<(u32, bool, String)>,
    anchor: Option<(&'static str, &'static str)>,
    /// A path being built with the current fill colour, filled on the next change.
    pending: bool,
}

impl Canvas2d {
    pub fn new(context: CanvasRenderingContext2d, width: u32, height: u32) -> Canvas2d {
        Canvas2d { context, size: (width, height), fill: None, stroke: None, font: None, anchor: None, pending: false }
    }

    /// Clears the rows from `from` to `to` of the whole width.
    pub fn clear_rows(&mut self, from: f64, to: f64) {
        self.context.clear_rect(0.0, from, f64::from(self.size.0), to - from);
    }

    /// Clips every later drawing to a rectangle (until the context is restored).
    pub fn clip(&mut self, x: f64, y: f64, width: f64, height: f64) {
        self.flush();
        self.context.begin_path();
        self.context.rect(x, y, width, height);
        self.context.clip();
    }

    fn flush(&mut self) {
        if self.pending {
            self.context.fill();
            self.pending = false;
        }
    }

    /// Starts (or continues) the batched fill path in `color`.
    fn fill_path(&mut self, color: BackendColor) {
        let color = key(color);
        if self.pending && self.fill == Some(color) {
            return;
        }
        self.flush();
        if self.fill != Some(color) {
            self.context.set_fill_style_str(&css(color));
            self.fill = Some(color);
        }
        self.context.begin_path();
        self.pending = true;
    }

    fn set_fill(&mut self, color: BackendColor) {
        self.flush();
        let color = key(color);
        if self.fill != Some(color) {
            self.context.set_fill_style_str(&css(color));
            self.fill = Some(color);
        }
    }

    fn set_stroke(&mut self, style: &impl BackendStyle) {
        self.flush();
        let wanted = (key(style.color()), style.stroke_width());
        if self.stroke != Some(wanted) {
            self.context.set_stroke_style_str(&css(wanted.0));
            self.context.set_line_width(f64::from(wanted.1));
            self.stroke = Some(wanted);
        }
    }
}

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        if color.alpha > 0.0 {
            self.set_fill(color);
            self.context.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        if fill {
            // fillRect, not a rect in the batched path: a lone rectangle is the rasteriser's
            // fast path, and the large card backgrounds dominate the time spent filling.
            self.set_fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.set_stroke(style);
        // Odd widths sit on pixel centres to stay sharp.
        let offset = if style.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
        self.context.begin_path();
        let mut points = path.into_iter();
        if let Some(first) = points.next() {
            self.context.move_to(f64::from(first.0) + offset, f64::from(first.1) + offset);
            for point in points {
                self.context.line_to(f64::from(point.0) + offset, f64::from(point.1) + offset);
            }
        }
        self.context.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.fill_path(style.color());
        let mut points = path.into_iter();
        if let Some(first) = points.next() {
            self.context.move_to(f64::from(first.0), f64::from(first.1));
            for point in points {
                self.context.line_to(f64::from(point.0), f64::from(point.1));
            }
            self.context.close_path();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let (x, y, r) = (f64::from(center.0), f64::from(center.1), f64::from(radius));
        if fill {
            self.fill_path(style.color());
            self.context.move_to(x + r, y);
            self.context.arc(x, y, r, 0.0, std::f64::consts::TAU).map_err(failed)?;
        } else {
            self.set_stroke(style);
            self.context.begin_path();
            self.context.arc(x, y, r, 0.0, std::f64::consts::TAU).map_err(failed)?;
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(&mut self, text: &str, style: &TStyle, pos: BackendCoord) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        self.set_fill(color);
        let size = (style.size() * 100.0).round().max(1.0) as u32;
        let bold = matches!(style.style(), FontStyle::Bold);
        let family = style.family();
        let family = family.as_str();
        if self.font.as_ref().map_or(true, |(s, b, f)| *s != size || *b != bold || f != family) {
            let weight = if bold { "700" } else { "400" };
            let px = crate::format::plain_number(f64::from(size) / 100.0, 2);
            self.context.set_font(&[weight, " ", &px, "px ", family].concat());
            self.font = Some((size, bold, family.to_string()));
        }
        let anchor = style.anchor();
        let wanted = (
            match anchor.h_pos {
                HPos::Left => "left",
                HPos::Center => "center",
                HPos::Right => "right",
            },
            match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
        );
        if self.anchor != Some(wanted) {
            self.context.set_text_align(wanted.0);
            self.context.set_text_baseline(wanted.1);
            self.anchor = Some(wanted);
        }
        self.context.unchecked_ref::<Context2d>().fill_text(text, f64::from(pos.0), f64::from(pos.1));
        Ok(())
    }
}
