//! Text the way a canvas sets it, on plotters' backends: a wrapper backend ([`Typeset`]) that
//! hands every text run to a [`Typesetter`] and moves everything by an offset (for strips), and
//! the bitmap typesetter over ab_glyph ([`Fonts`]).

use ab_glyph::{point, Font, PxScale, ScaleFont};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};

use super::fonts::Fonts;

/// Sets text on a backend, in place of the backend's own text.
pub(super) trait Typesetter {
    /// Draws `text` on `backend` at `pos` in `style`.
    fn draw_text<DB: DrawingBackend, S: BackendTextStyle>(&self, backend: &mut DB, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<DB::ErrorType>>;
}

/// A backend with its text set by a [`Typesetter`], and everything moved by `offset` device
/// pixels (a strip of a tall image is drawn into a buffer of its own).
pub(super) struct Typeset<'t, DB, T> {
    /// The backend drawn on.
    pub(super) inner: DB,
    /// What sets the text.
    pub(super) typesetter: &'t T,
    /// Where the backend's origin is, in the whole image's device pixels.
    pub(super) offset: BackendCoord,
}

impl<DB, T> Typeset<'_, DB, T> {
    fn shift(&self, (x, y): BackendCoord) -> BackendCoord {
        (x - self.offset.0, y - self.offset.1)
    }
}

impl<DB: DrawingBackend, T: Typesetter> DrawingBackend for Typeset<'_, DB, T> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(self.shift(point), color)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(self.shift(from), self.shift(to), style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(self.shift(upper_left), self.shift(bottom_right), style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let path: Vec<BackendCoord> = path.into_iter().map(|p| self.shift(p)).collect();
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(self.shift(center), radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let vert: Vec<BackendCoord> = vert.into_iter().map(|p| self.shift(p)).collect();
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(self.shift(pos), size, src)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let pos = self.shift(pos);
        self.typesetter.draw_text(&mut self.inner, text, style, pos)
    }
}

/// Bitmap text set with ab_glyph the way a canvas sets it: `size` is the em, glyphs keep their
/// side bearings and kerning, and a centred run sits on the canvas' `middle` baseline (halfway
/// between the font's ascent and descent).
impl Typesetter for Fonts {
    fn draw_text<DB: DrawingBackend, S: BackendTextStyle>(&self, backend: &mut DB, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let color = style.color();
        let size = style.size() as f32;
        if color.alpha <= 0.0 || !(size.is_finite() && size > 0.0) {
            return Ok(());
        }
        let (face, embolden) = match (&self.bold, style.style()) {
            (Some(bold), FontStyle::Bold) => (bold, 0.0),
            (None, FontStyle::Bold) => (&self.regular, (size * 0.05).max(0.5)),
            _ => (&self.regular, 0.0),
        };
        let font = &face.font;
        let em = font.units_per_em().unwrap_or(1000.0);
        let scale = PxScale::from(size * font.height_unscaled() / em);
        let scaled = font.as_scaled(scale);

        let mut glyphs = Vec::with_capacity(text.len());
        let mut pen = 0.0f32;
        let mut previous = None;
        for ch in text.chars() {
            let id = scaled.glyph_id(ch);
            if let Some(previous) = previous {
                pen += scaled.kern(previous, id);
            }
            glyphs.push((id, pen));
            pen += scaled.h_advance(id);
            previous = Some(id);
        }
        let width = pen + embolden;
        let anchor = style.anchor();
        let left = pos.0 as f32
            - match anchor.h_pos {
                HPos::Left => 0.0,
                HPos::Center => width / 2.0,
                HPos::Right => width,
            };
        let baseline = pos.1 as f32
            + match anchor.v_pos {
                VPos::Top => scaled.ascent(),
                VPos::Center => (scaled.ascent() + scaled.descent()) / 2.0,
                VPos::Bottom => scaled.descent(),
            };

        let steps = (embolden / 0.5).ceil() as usize;
        let offsets: Vec<f32> = (0..=steps).map(|k| if steps == 0 { 0.0 } else { embolden * k as f32 / steps as f32 }).collect();
        let mut result = Ok(());
        'glyphs: for (id, x) in glyphs {
            for offset in &offsets {
                let glyph = id.with_scale_and_position(scale, point(left + x + offset, baseline));
                let Some(outline) = font.outline_glyph(glyph) else { continue };
                let bounds = outline.px_bounds();
                let (x0, y0) = (bounds.min.x as i32, bounds.min.y as i32);
                outline.draw(|x, y, coverage| {
                    if result.is_ok() && coverage > 0.0 {
                        let alpha = color.alpha * f64::from(coverage.min(1.0));
                        result = backend.draw_pixel((x0 + x as i32, y0 + y as i32), BackendColor { alpha, rgb: color.rgb });
                    }
                });
                if result.is_err() {
                    break 'glyphs;
                }
            }
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::BitMapBackend;
    use plotters::style::{FontDesc, RGBAColor, TextStyle};
    use plotters_backend::text_anchor::Pos;
    use plotters_backend::FontFamily;

    /// The box of every pixel darker than mid-grey on a white bitmap.
    fn ink(pixels: &[u8], width: usize) -> Option<(usize, usize, usize, usize)> {
        let dark: Vec<(usize, usize)> = pixels.chunks_exact(3).enumerate().filter(|(_, p)| p[0] < 128).map(|(i, _)| (i % width, i / width)).collect();
        let xs = dark.iter().map(|p| p.0);
        let ys = dark.iter().map(|p| p.1);
        Some((xs.clone().min()?, ys.clone().min()?, xs.max()?, ys.max()?))
    }

    #[test]
    fn bitmap_text_is_set_at_its_em_and_centred_like_a_canvas() {
        let fonts = super::super::fonts::tests::machine_fonts();
        let (width, height) = (240usize, 80usize);
        for (name, h, x) in [("left", HPos::Left, 20), ("centre", HPos::Center, 120), ("right", HPos::Right, 220)] {
            let mut pixels = vec![255u8; width * height * 3];
            {
                let inner = BitMapBackend::with_buffer(&mut pixels, (width as u32, height as u32));
                let mut backend = Typeset { inner, typesetter: &fonts, offset: (0, 0) };
                let style = TextStyle::from(FontDesc::new(FontFamily::Name(fonts.family()), 40.0, FontStyle::Normal))
                    .color(&RGBAColor(0, 0, 0, 1.0))
                    .pos(Pos::new(h, VPos::Center));
                let drawn = backend.draw_text("中国", &style, (x, 40));
                assert!(drawn.is_ok());
            }
            let Some((left, top, right, bottom)) = ink(&pixels, width) else { panic!("nothing drawn") };
            // Two ideographs at a 40 px em are about 80 px wide and 36 px tall (plotters' own
            // ab_glyph text would be a third smaller).
            assert!((70..=82).contains(&(right - left)) && (32..=40).contains(&(bottom - top)), "{:?}", (left, top, right, bottom));
            // Centred on the line as a canvas' middle baseline centres them, within 3 px.
            assert!((top + bottom).abs_diff(80) <= 6, "{:?}", (top, bottom));
            let ok = match h {
                HPos::Left => (20..=26).contains(&left),
                HPos::Center => (left + right).abs_diff(240) <= 4,
                HPos::Right => (214..=220).contains(&right),
            };
            assert!(ok, "{name}: {:?}", (left, right));
        }
    }
}
