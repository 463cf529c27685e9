//! Native output: a laid-out [`Scene`](crate::scene::Scene) as an SVG document or a PNG image,
//! drawn by [`crate::draw`] through plotters' SVG and bitmap backends, for the command-line
//! tool's share image and the `<noscript>` and print fallback. Not in the wasm build.
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
//!
//! The folder, by concern: `svg` writes the SVG document, `poster` the inline SVG a page shows
//! before the wasm has arrived, `png` draws the bitmap in oversampled
//! strips and averages them down, `fonts` finds and loads the CJK faces, and `typeset` is the
//! backend wrapper and the bitmap typesetter.
//!
//! Why not resvg (render plotters' SVG, fonts through fontdb) for the PNG, as charts-rs does:
//! it was not measured against `tests/reference/` in this change. It would add resvg, usvg,
//! tiny-skia and fontdb to the native build, its text shaping and anti-aliasing differ from
//! ab_glyph's, so the reference images would have to be redrawn and checked by eye, and the
//! SVG's font stack names web fonts that fontdb resolves differently from the canvas. Splitting
//! this file kept the output byte for byte; trying resvg is left as its own change.

mod fonts;
mod png;
mod poster;
mod svg;
mod typeset;

use std::fmt;

pub use fonts::{FontFile, Fonts, FONT_VARIABLE};
pub use png::png;
pub use poster::{into_page, poster, Poster};
pub use svg::svg;

/// The largest bitmap drawn, in pixels: a report 4096 px wide at 4x is far beyond any screen.
pub const MAX_PIXELS: u64 = 120_000_000;

/// Why a scene could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// No usable CJK font for bitmap text.
    Font(String),
    /// The image would be too large to hold in memory.
    TooLarge {
        /// The image's width in pixels.
        width: u64,
        /// The image's height in pixels.
        height: u64,
    },
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
