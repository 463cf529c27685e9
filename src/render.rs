//! Native output: a laid-out [`Scene`] as an SVG document or a PNG image, drawn by [`crate::draw`]
//! through plotters' SVG and bitmap backends, for the command-line tool's share image and the
//! `<noscript>` and print fallback. Not in the wasm build.
//!
//! [`crate::draw`] stays the one drawing code for every target; what plotters does differently
//! from a canvas is made up for here, in a thin backend wrapper (`Typeset`):
//! - its SVG backend writes `font-size` as the size asked for divided by 1.24;
//! - its `ab_glyph` text scales a font by its line height instead of its em (text a third too
//!   small), reads only the first face of a `.ttc` collection (the Japanese one of Noto Sans CJK,
//!   with Japanese glyph forms) and drops each glyph's side bearing (gaps inside Chinese words).
//!   Bitmap text is therefore set here with ab_glyph directly, in a CJK font found on the machine
//!   at run time ([`Fonts::find`]), never one embedded in the binary;
//! - its bitmap fills are not anti-aliased, so a PNG is drawn oversampled, a strip at a time,
//!   and averaged down: rings and rounded bars come out smooth, as on a canvas.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use ab_glyph::{point, Font, FontVec, PxScale, ScaleFont};
use plotters::prelude::{BitMapBackend, SVGBackend};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle,
    FontTransform,
};

use crate::draw::{draw, draw_region, DrawOptions, WEB_FONTS};
use crate::scene::{Rect, Scene};
use crate::theme::Color;

/// The environment variable that names the font for bitmap text: `regular.ttc` or
/// `regular.ttc,bold.ttc`.
pub const FONT_VARIABLE: &str = "INFOGRAPHIC_FONT";

/// The largest bitmap drawn, in pixels: a report 4096 px wide at 4x is far beyond any screen.
pub const MAX_PIXELS: u64 = 120_000_000;

/// Why a scene could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// No usable CJK font for bitmap text.
    Font(String),
    /// The image would be too large to hold in memory.
    TooLarge { width: u64, height: u64 },
    /// The backend or the PNG encoder failed.
    Drawing(String),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Font(message) => f.write_str(message),
            RenderError::TooLarge { width, height } => write!(
                f,
                "the image would be {width} x {height} pixels, more than {MAX_PIXELS} in all; draw it narrower or at a smaller scale"
            ),
            RenderError::Drawing(message) => write!(f, "drawing failed: {message}"),
        }
    }
}

impl std::error::Error for RenderError {}

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

/// How many samples a side each image pixel is drawn with, so that the edges of rings, discs and
/// rounded bars come out smooth as on a canvas (plotters' bitmap fills are not anti-aliased):
/// three at 1x, two from 2x up, where the pixels are already small.
fn oversample(scale: f64) -> u32 {
    if scale >= 2.0 {
        2
    } else {
        3
    }
}

/// Image rows drawn at a time: the oversampled buffer stays a few megabytes for any height.
const STRIP_ROWS: u32 = 96;

/// The scene as a PNG image at `scale` device pixels per CSS pixel, its text set in `fonts`.
pub fn png(scene: &Scene, scale: f64, fonts: &Fonts, focus: Color) -> Result<Vec<u8>, RenderError> {
    let (width, height, pixels) = raster(scene, scale, fonts, focus, STRIP_ROWS)?;
    let mut encoded = Vec::new();
    let mut encoder = png::Encoder::new(&mut encoded, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // A share image travels over phone networks: choosing a filter per row halves the file.
    encoder.set_compression(png::Compression::Default);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let failed = |e: png::EncodingError| RenderError::Drawing(format!("PNG encoding: {e}"));
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&pixels).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(encoded)
}

/// The scene as RGB pixels, drawn oversampled `strip_rows` image rows at a time.
fn raster(scene: &Scene, scale: f64, fonts: &Fonts, focus: Color, strip_rows: u32) -> Result<(u32, u32, Vec<u8>), RenderError> {
    let scale = if scale.is_finite() && scale > 0.0 { scale } else { 1.0 };
    let width = (scene.width * scale).round().max(1.0) as u64;
    let height = (scene.height * scale).round().max(1.0) as u64;
    if width.saturating_mul(height) > MAX_PIXELS {
        return Err(RenderError::TooLarge { width, height });
    }
    let (width, height, strip_rows) = (width as u32, height as u32, strip_rows.clamp(1, height as u32));
    let n = oversample(scale);
    let (row_bytes, samples) = (width as usize * 3, n as usize);
    let mut pixels = vec![0u8; row_bytes * height as usize];
    let mut strip = vec![0u8; row_bytes * samples * strip_rows as usize * samples];
    let options = DrawOptions { scale: scale * f64::from(n), font: fonts.family(), highlight: None, focus, background: true };
    for top in (0..height).step_by(strip_rows as usize) {
        let rows = strip_rows.min(height - top);
        let buffer = &mut strip[..row_bytes * samples * rows as usize * samples];
        {
            let inner = BitMapBackend::with_buffer(buffer, (width * n, rows * n));
            let mut backend = Typeset { inner, typesetter: fonts, offset: (0, (top * n) as i32) };
            // The CSS-pixel band this strip shows; draw_region draws what touches it.
            let region = Rect::new(0.0, f64::from(top) / scale, scene.width, f64::from(rows) / scale);
            draw_region(scene, &mut backend, &options, &region).map_err(|e| RenderError::Drawing(e.to_string()))?;
        }
        let start = top as usize * row_bytes;
        downsample(buffer, width as usize, samples, &mut pixels[start..start + rows as usize * row_bytes]);
    }
    Ok((width, height, pixels))
}

/// Averages each `n`-square block of RGB samples, `width * n` samples a row, into one pixel of
/// `out`.
fn downsample(samples: &[u8], width: usize, n: usize, out: &mut [u8]) {
    let count = (n * n) as u32;
    let sample_row = width * n * 3;
    let mut sums = vec![0u32; width * 3];
    for (row, line) in out.chunks_exact_mut(width * 3).enumerate() {
        sums.fill(0);
        for dy in 0..n {
            let start = (row * n + dy) * sample_row;
            for (i, value) in samples[start..start + sample_row].iter().enumerate() {
                sums[i / (3 * n) * 3 + i % 3] += u32::from(*value);
            }
        }
        for (channel, sum) in line.iter_mut().zip(&sums) {
            *channel = ((sum + count / 2) / count) as u8;
        }
    }
}

/// A font file and, in a `.ttc` collection, the face to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontFile {
    pub path: PathBuf,
    /// The face in a collection; `None` picks the Simplified Chinese one.
    pub index: Option<u32>,
}

impl FontFile {
    fn at(path: impl Into<PathBuf>) -> FontFile {
        FontFile { path: path.into(), index: None }
    }
}

/// One loaded face.
struct Face {
    font: FontVec,
    family: String,
    file: FontFile,
    index: u32,
}

/// The regular and bold CJK faces bitmap text is set in. Without a bold face, bold text is
/// emboldened by drawing each glyph several times, each half a pixel to the right of the last.
pub struct Fonts {
    regular: Face,
    bold: Option<Face>,
}

/// Where fonts are commonly installed, regular and bold: Debian and Ubuntu (fonts-noto-cjk),
/// Arch, Fedora, WenQuanYi, macOS and Windows.
const KNOWN_FONTS: &[(&str, Option<&str>)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc")),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc")),
    ("/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Bold.ttc")),
    ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", Some("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf")),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", None),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", None),
    ("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", None),
    ("/System/Library/Fonts/PingFang.ttc", None),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", None),
    ("/Library/Fonts/Arial Unicode.ttf", None),
    ("C:\\Windows\\Fonts\\msyh.ttc", Some("C:\\Windows\\Fonts\\msyhbd.ttc")),
];

impl Fonts {
    /// Finds a CJK font for bitmap text: the files named by `INFOGRAPHIC_FONT` if it is set,
    /// else what fontconfig's `fc-match` gives for Noto Sans CJK SC (regular and bold) or any
    /// Chinese sans-serif, else a file at a well-known path.
    pub fn find() -> Result<Fonts, RenderError> {
        if let Some(value) = std::env::var_os(FONT_VARIABLE).filter(|v| !v.is_empty()) {
            let value = value.to_string_lossy().into_owned();
            let (regular, bold) = match value.split_once(',') {
                Some((regular, bold)) => (FontFile::at(regular.trim()), Some(FontFile::at(bold.trim()))),
                None => (FontFile::at(value.trim()), bold_sibling(Path::new(value.trim()))),
            };
            return Fonts::load(&regular, bold.as_ref())
                .map_err(|e| RenderError::Font(format!("{FONT_VARIABLE}={value}: {e}")));
        }
        if let Some(regular) = fc_match("Noto Sans CJK SC:style=Regular").or_else(|| fc_match("sans-serif:lang=zh-cn")) {
            let bold = fc_match("Noto Sans CJK SC:style=Bold")
                .or_else(|| fc_match("sans-serif:lang=zh-cn:weight=bold"))
                .filter(|bold| *bold != regular);
            if let Ok(fonts) = Fonts::load(&regular, bold.as_ref()) {
                return Ok(fonts);
            }
        }
        for (regular, bold) in KNOWN_FONTS {
            if Path::new(regular).is_file() {
                let bold = bold.map(FontFile::at).filter(|b| b.path.is_file());
                if let Ok(fonts) = Fonts::load(&FontFile::at(*regular), bold.as_ref()) {
                    return Ok(fonts);
                }
            }
        }
        Err(RenderError::Font(format!(
            "no font with Chinese glyphs found for the PNG: install one (Debian and Ubuntu: apt-get install fonts-noto-cjk), \
             or set {FONT_VARIABLE}=/path/to/NotoSansCJK-Regular.ttc (optionally ,/path/to/NotoSansCJK-Bold.ttc)"
        )))
    }

    /// Loads the regular face and, if given, the bold one; each must cover Chinese.
    pub fn load(regular: &FontFile, bold: Option<&FontFile>) -> Result<Fonts, RenderError> {
        let regular = Face::load(regular)?;
        let bold = bold.map(Face::load).transpose()?;
        Ok(Fonts { regular, bold })
    }

    /// The family name of the regular face, as named in [`DrawOptions::font`].
    pub fn family(&self) -> &str {
        &self.regular.family
    }

    /// Which files and faces are in use, for a person to read.
    pub fn describe(&self) -> String {
        let face = |f: &Face| format!("{} ({}, face {})", f.family, f.file.path.display(), f.index);
        match &self.bold {
            Some(bold) => format!("{}; bold {}", face(&self.regular), face(bold)),
            None => format!("{}; bold emboldened", face(&self.regular)),
        }
    }
}

impl Face {
    fn load(file: &FontFile) -> Result<Face, RenderError> {
        let shown = file.path.display();
        let data = std::fs::read(&file.path).map_err(|e| RenderError::Font(format!("font {shown}: cannot read it ({e})")))?;
        let index = match file.index {
            Some(index) => index,
            None => chinese_face(&data).ok_or_else(|| RenderError::Font(format!("font {shown}: not a font file, or no face in it has Chinese glyphs")))?,
        };
        let family = ttf_parser::Face::parse(&data, index).ok().and_then(|face| family_name(&face)).unwrap_or_else(|| "CJK".to_string());
        let font = FontVec::try_from_vec_and_index(data, index).map_err(|_| RenderError::Font(format!("font {shown}: face {index} cannot be read")))?;
        if font.glyph_id('中').0 == 0 {
            return Err(RenderError::Font(format!("font {shown}: face {index} ({family}) has no Chinese glyphs")));
        }
        Ok(Face { font, family, file: file.clone(), index })
    }
}

/// The face of a font file to use for Chinese: in a collection, the first one named for
/// Simplified Chinese (Noto Sans CJK SC, Microsoft YaHei's GB), else the first covering 中.
fn chinese_face(data: &[u8]) -> Option<u32> {
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    let faces: Vec<(u32, ttf_parser::Face)> = (0..count).filter_map(|i| ttf_parser::Face::parse(data, i).ok().map(|f| (i, f))).collect();
    let covers = |face: &ttf_parser::Face| face.glyph_index('中').is_some();
    let simplified = |face: &ttf_parser::Face| {
        family_name(face).is_some_and(|name| name.split([' ', '-']).any(|word| matches!(word, "SC" | "GB" | "CN" | "Simplified")))
    };
    faces
        .iter()
        .find(|(_, face)| covers(face) && simplified(face))
        .or_else(|| faces.iter().find(|(_, face)| covers(face)))
        .map(|(i, _)| *i)
}

/// The family name a face gives itself, the typographic one first.
fn family_name(face: &ttf_parser::Face) -> Option<String> {
    let names = face.names();
    [ttf_parser::name_id::TYPOGRAPHIC_FAMILY, ttf_parser::name_id::FAMILY]
        .iter()
        .find_map(|id| names.into_iter().filter(|n| n.name_id == *id && n.is_unicode()).find_map(|n| n.to_string()))
}

/// `NotoSansCJK-Bold.ttc` beside `NotoSansCJK-Regular.ttc`, if it is there.
fn bold_sibling(regular: &Path) -> Option<FontFile> {
    let name = regular.file_name()?.to_str()?;
    let bold = regular.with_file_name(name.replace("Regular", "Bold"));
    (name.contains("Regular") && bold.is_file()).then(|| FontFile::at(bold))
}

/// Asks fontconfig for the file and face that best match `pattern`; only one covering Chinese
/// will do (fc-match always answers, with a Latin font if it has nothing better).
fn fc_match(pattern: &str) -> Option<FontFile> {
    let output = Command::new("fc-match").args(["-f", "%{file}\n%{index}\n%{lang}", pattern]).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let mut lines = text.lines();
    let (file, index, languages) = (lines.next()?, lines.next()?, lines.next().unwrap_or(""));
    let covers_chinese = languages.split('|').any(|l| l == "zh-cn");
    let path = PathBuf::from(file);
    (covers_chinese && path.is_file()).then(|| FontFile { path, index: index.trim().parse().ok() })
}

/// Sets text on a backend, in place of the backend's own text.
trait Typesetter {
    fn draw_text<DB: DrawingBackend, S: BackendTextStyle>(&self, backend: &mut DB, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<DB::ErrorType>>;
}

/// A backend with its text set by a [`Typesetter`], and everything moved by `offset` device
/// pixels (a strip of a tall image is drawn into a buffer of its own).
struct Typeset<'t, DB, T> {
    inner: DB,
    typesetter: &'t T,
    offset: BackendCoord,
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
    use crate::layout::{layout, LayoutOptions};
    use crate::report::Report;
    use crate::scene::{Align, Shape, TextRun};
    use crate::text::EstimatedMeasure;
    use crate::theme::{Theme, ThemeName};
    use crate::Locale;
    use plotters::style::{FontDesc, RGBAColor, TextStyle};

    /// The fonts on this machine; `make setup` installs fonts-noto-cjk.
    fn fonts() -> Fonts {
        match Fonts::find() {
            Ok(fonts) => fonts,
            Err(e) => panic!("these tests need a CJK font: {e}"),
        }
    }

    #[test]
    fn font_sizes_lose_their_float_noise() {
        let svg = r#"<text font-size="13.000000000000002" x="1">a font-size="2"</text><text font-size="10.483870967741936">"#;
        assert_eq!(tidy_font_sizes(svg), r#"<text font-size="13" x="1">a font-size="2"</text><text font-size="10.48">"#);
    }

    #[test]
    fn downsampling_averages_each_block() {
        // Two pixels of 2 x 2 samples: black and white, then a half-grey mix.
        let samples = [[0u8; 3], [0; 3], [255; 3], [0; 3], [0; 3], [0; 3], [255; 3], [0; 3]].concat();
        let mut out = [0u8; 6];
        downsample(&samples, 2, 2, &mut out);
        assert_eq!(out, [0, 0, 0, 128, 128, 128]);
    }

    #[test]
    fn the_simplified_chinese_face_of_a_collection_is_chosen() {
        let path = Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        if !path.is_file() {
            eprintln!("skipped: {} is not installed", path.display());
            return;
        }
        let face = Face::load(&FontFile::at(path)).map_err(|e| e.to_string());
        // Face 0 of the collection is the Japanese one, with Japanese glyph forms.
        assert_eq!(face.map(|f| (f.family, f.index)), Ok(("Noto Sans CJK SC".to_string(), 2)));
    }

    #[test]
    fn a_font_without_chinese_is_refused() {
        let path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        if !Path::new(path).is_file() {
            eprintln!("skipped: {path} is not installed");
            return;
        }
        let error = Fonts::load(&FontFile::at(path), None).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("Chinese"), "{error}");
    }

    /// The box of every pixel darker than mid-grey on a white bitmap.
    fn ink(pixels: &[u8], width: usize) -> Option<(usize, usize, usize, usize)> {
        let dark: Vec<(usize, usize)> = pixels.chunks_exact(3).enumerate().filter(|(_, p)| p[0] < 128).map(|(i, _)| (i % width, i / width)).collect();
        let xs = dark.iter().map(|p| p.0);
        let ys = dark.iter().map(|p| p.1);
        Some((xs.clone().min()?, ys.clone().min()?, xs.max()?, ys.max()?))
    }

    #[test]
    fn bitmap_text_is_set_at_its_em_and_centred_like_a_canvas() {
        let fonts = fonts();
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

    #[test]
    fn strips_join_without_seams() {
        let fonts = fonts();
        let report = Report::default_report().map_err(|e| e.to_string());
        let Ok(report) = report else { panic!("{report:?}") };
        let theme = Theme::get(ThemeName::Light);
        let scene = layout(&report, &LayoutOptions { width: 320.0, locale: Locale::Zh, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
        let scene = Scene { height: 700.0, ..scene };
        let whole = raster(&scene, 1.0, &fonts, theme.focus, 100_000).map_err(|e| e.to_string());
        let strips = raster(&scene, 1.0, &fonts, theme.focus, 7).map_err(|e| e.to_string());
        let (Ok(whole), Ok(strips)) = (whole, strips) else { panic!("drawing failed") };
        assert_eq!((whole.0, whole.1), (320, 700));
        // Glyph edges may differ by one level: ab_glyph's f32 coverage depends a little on how far
        // from the buffer's origin a glyph sits.
        let seams: Vec<(usize, usize)> =
            whole.2.iter().zip(&strips.2).enumerate().filter(|(_, (a, b))| a.abs_diff(**b) > 2).map(|(i, _)| (i / 3 % 320, i / 3 / 320)).collect();
        assert!(seams.is_empty(), "strip edges show at {seams:?}");
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
