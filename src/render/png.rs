//! The PNG image: the scene drawn through plotters' bitmap backend oversampled, a strip of rows
//! at a time, averaged down (plotters' bitmap fills are not anti-aliased) and encoded.

use plotters::prelude::BitMapBackend;

use super::fonts::Fonts;
use super::typeset::Typeset;
use super::{RenderError, MAX_PIXELS};
use crate::draw::{draw_region, DrawOptions};
use crate::scene::{Rect, Scene};
use crate::theme::Color;

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
    // A share image travels over phone networks: choosing a filter per row makes the file much smaller.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout, LayoutOptions};
    use crate::report::Report;
    use crate::text::EstimatedMeasure;
    use crate::theme::{Theme, ThemeName};
    use crate::Locale;

    #[test]
    fn downsampling_averages_each_block() {
        // Two pixels of 2 x 2 samples: black and white, then a half-grey mix.
        let samples = [[0u8; 3], [0; 3], [255; 3], [0; 3], [0; 3], [0; 3], [255; 3], [0; 3]].concat();
        let mut out = [0u8; 6];
        downsample(&samples, 2, 2, &mut out);
        assert_eq!(out, [0, 0, 0, 128, 128, 128]);
    }

    #[test]
    fn strips_join_without_seams() {
        let fonts = super::super::fonts::tests::machine_fonts();
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
}
