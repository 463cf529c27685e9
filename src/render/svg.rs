//! The SVG document: plotters' SVG backend with text written at the size asked for, and the
//! float noise of its font sizes rounded away.

use plotters::prelude::SVGBackend;
use plotters_backend::text_anchor::{Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle, FontTransform};

use super::typeset::{Typeset, Typesetter};
use super::RenderError;
use crate::draw::{draw, DrawOptions, WEB_FONTS};
use crate::scene::Scene;
use crate::theme::Color;

/// The scene as an SVG document, one CSS pixel a unit. Text is left to the reader's browser,
/// with the same CJK font stack as the canvas ([`WEB_FONTS`]).
pub fn svg(scene: &Scene, focus: Color) -> Result<String, RenderError> {
    let mut document = String::new();
    {
        let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let mut backend = Typeset { inner: SVGBackend::with_string(&mut document, size), typesetter: &SvgTypesetter, offset: (0, 0) };
        let options = DrawOptions { scale: 1.0, font: WEB_FONTS, highlight: None, focus, background: true };
        draw(scene, &mut backend, &options).map_err(|e| RenderError::Drawing(e.to_string()))?;
    }
    Ok(tidy_font_sizes(&document))
}

/// Rounds every `font-size` to two decimals: the size went through a division by 1.24 and back,
/// which leaves float noise such as `13.000000000000002`. The SVG backend escapes quotes in
/// attribute values and text, so the pattern can only be the attribute itself.
fn tidy_font_sizes(document: &str) -> String {
    const ATTRIBUTE: &str = " font-size=\"";
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    while let Some(at) = rest.find(ATTRIBUTE) {
        let (before, after) = rest.split_at(at + ATTRIBUTE.len());
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        match after[..end].parse::<f64>() {
            Ok(size) if size.is_finite() => out.push_str(&format!("{}", (size * 100.0).round() / 100.0)),
            _ => out.push_str(&after[..end]),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// SVG text at the size asked for: plotters' SVG backend divides `font-size` by 1.24 (the ratio
/// of its bitmap fonts' line height to their em), and sets a centred run `0.5ex` below its
/// anchor, which for CJK fonts leaves ideographs above the centre.
struct SvgTypesetter;

/// The ratio plotters' SVG backend divides a font size by.
const SVG_FONT_RATIO: f64 = 1.24;
/// How far below the anchor, in ems, a centred run is moved so that ideographs and digits are
/// centred on it as on the canvas.
const SVG_CENTRE_SHIFT: f64 = 0.15;

impl Typesetter for SvgTypesetter {
    fn draw_text<DB: DrawingBackend, S: BackendTextStyle>(&self, backend: &mut DB, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let shift = match style.anchor().v_pos {
            VPos::Center => (style.size() * SVG_CENTRE_SHIFT).round() as i32,
            VPos::Top | VPos::Bottom => 0,
        };
        let sized = Resized { style, size: style.size() * SVG_FONT_RATIO };
        backend.draw_text(text, &sized, (pos.0, pos.1 + shift))
    }
}

/// A text style at another size.
struct Resized<'a, S> {
    style: &'a S,
    size: f64,
}

impl<S: BackendTextStyle> BackendTextStyle for Resized<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.style.color()
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn transform(&self) -> FontTransform {
        self.style.transform()
    }

    fn style(&self) -> FontStyle {
        self.style.style()
    }

    fn anchor(&self) -> Pos {
        self.style.anchor()
    }

    fn family(&self) -> FontFamily<'_> {
        self.style.family()
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.style.layout_box(text)
    }

    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(&self, text: &str, pos: BackendCoord, draw: DrawFunc) -> Result<Result<(), E>, Self::FontError> {
        self.style.draw(text, pos, draw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Align, Rect, Shape, TextRun};
    use crate::theme::{Theme, ThemeName};

    #[test]
    fn font_sizes_lose_their_float_noise() {
        let svg = r#"<text font-size="13.000000000000002" x="1">a font-size="2"</text><text font-size="10.483870967741936">"#;
        assert_eq!(tidy_font_sizes(svg), r#"<text font-size="13" x="1">a font-size="2"</text><text font-size="10.48">"#);
    }

    #[test]
    fn svg_text_is_written_at_the_size_asked_for() {
        let theme = Theme::get(ThemeName::Light);
        let run = TextRun {
            x: 10.0,
            y: 20.0,
            text: "317.8亿元 <b>".to_string(),
            size: 13.0,
            bold: true,
            color: theme.ink,
            align: Align::Left,
            bounds: Rect::new(10.0, 10.0, 100.0, 20.0),
        };
        let scene = Scene { width: 200.0, height: 40.0, background: theme.background, shapes: vec![Shape::Text(run)], items: vec![], cards: vec![], hotspots: vec![], headings: vec![] };
        let svg = svg(&scene, theme.focus).unwrap_or_default();
        assert!(svg.contains(r#"font-size="13""#), "{svg}");
        assert!(svg.contains("317.8亿元 &lt;b&gt;"), "{svg}");
        assert!(svg.contains("&quot;Noto Sans CJK SC&quot;"), "{svg}");
    }
}
