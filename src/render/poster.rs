//! The poster: the report drawn as SVG at publish time, to sit inline in the page (inside
//! `<district-infographic>`, or in place of the demo's canvas) and be seen before the wasm has
//! arrived. The canvas then takes its place without a layout shift, which asks three things of it:
//! - the same height as the canvas: it is laid out by the same code with the same estimated text
//!   measure the canvas uses, and it says over which container widths the layout keeps that
//!   height (`data-widths="MIN MAX"`); between them it stretches to the container's width
//!   (`preserveAspectRatio="none"`, a few per cent at most across a phone's width class), outside
//!   them the element and the page's stylesheet hide it;
//! - nothing a strict Content-Security-Policy blocks: presentation attributes only, no `style`
//!   attribute or element (an inline SVG's styles fall under the page's `style-src`);
//! - nothing read twice: it is `aria-hidden`, the canvas brings the accessible layer.
//!
//! Its language and theme are written on it (`data-locale`, `data-theme`), so that a reader who
//! asked for the other is not shown it.

use super::svg::svg;
use super::RenderError;
use crate::layout::{layout, LayoutOptions, MAX_WIDTH, MIN_WIDTH};
use crate::report::Report;
use crate::text::EstimatedMeasure;
use crate::theme::{Theme, ThemeName};
use crate::Locale;

/// A report's poster at one width.
#[derive(Debug)]
pub struct Poster {
    /// The `<svg data-poster …>` element, ready to paste into a page.
    pub svg: String,
    /// The width it was laid out at, in CSS pixels.
    pub width: u32,
    /// Its height, which is the canvas' CSS height at every width of `widths`.
    pub height: u32,
    /// The narrowest and widest whole container widths whose layout has that height.
    pub widths: (u32, u32),
}

/// Lays `report` out at `width` and draws its poster; with `screen`, only the shapes that start
/// within that many CSS pixels of the top (the first screen, fewer bytes in the page), the rest
/// of its height left to its background.
pub fn poster(report: &Report, width: u32, locale: Locale, theme: ThemeName, screen: Option<f64>) -> Result<Poster, RenderError> {
    let palette = Theme::get(theme);
    let height_at = |w: u32| {
        let scene = layout(report, &LayoutOptions { width: f64::from(w), locale, theme: &palette, progress: 1.0, measure: &EstimatedMeasure });
        canvas_height(scene.height)
    };
    let width = width.clamp(MIN_WIDTH as u32, MAX_WIDTH as u32);
    let mut scene = layout(report, &LayoutOptions { width: f64::from(width), locale, theme: &palette, progress: 1.0, measure: &EstimatedMeasure });
    let height = canvas_height(scene.height);
    if let Some(screen) = screen {
        scene.shapes.retain(|shape| shape.bounds().y < screen);
    }
    let mut narrowest = width;
    while narrowest > MIN_WIDTH as u32 && height_at(narrowest - 1) == height {
        narrowest -= 1;
    }
    let mut widest = width;
    while widest < MAX_WIDTH as u32 && height_at(widest + 1) == height {
        widest += 1;
    }
    let document = svg(&scene, palette.focus)?;
    let body = document.find('>').map_or("", |end| &document[end + 1..]);
    let (view_width, view_height) = (scene.width.ceil(), scene.height.ceil());
    // As the element's `locale` and `theme` attributes spell them.
    let locale_name = match locale {
        Locale::Zh => "zh",
        Locale::En => "en",
    };
    let theme_name = match theme {
        ThemeName::Light => "light",
        ThemeName::Dark => "dark",
    };
    let svg = format!(
        "<svg data-poster=\"\" data-widths=\"{narrowest} {widest}\" data-locale=\"{locale_name}\" data-theme=\"{theme_name}\" \
         width=\"100%\" height=\"{height}\" viewBox=\"0 0 {view_width} {view_height}\" preserveAspectRatio=\"none\" \
         display=\"block\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">{}",
        body.trim_end()
    );
    Ok(Poster { svg, width, height, widths: (narrowest, widest) })
}

/// The canvas' CSS height for a scene of this height: the web layer sets it in whole pixels,
/// dropping the fraction.
fn canvas_height(height: f64) -> u32 {
    height as u32
}

/// `page` with `poster` in it: in place of its poster of the same width class, language and theme
/// (the element from `<svg data-poster` to its `</svg>`), else after its last poster (a page may
/// carry one per width class; the element and the page show the one that fits), else in place of
/// the comment `<!-- poster -->` that marks where the first one goes.
pub fn into_page(page: &str, poster: &str) -> Option<String> {
    const MARKER: &str = "<!-- poster -->";
    const OPEN: &str = "<svg data-poster";
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = page[from..].find(OPEN).map(|at| from + at) {
        let end = start + page[start..].find("</svg>")? + "</svg>".len();
        found.push((start, end));
        from = end;
    }
    let (start, end) = match found.iter().find(|(start, end)| class_of(&page[*start..*end]) == class_of(poster)) {
        Some(&same) => same,
        None => match found.last() {
            Some(&(_, last)) => (last, last),
            None => {
                let start = page.find(MARKER)?;
                (start, start + MARKER.len())
            }
        },
    };
    Some(format!("{}{poster}{}", &page[..start], &page[end..]))
}

/// What tells two posters of one page apart: their opening tag's `data-` attributes (the width
/// class, the language, the theme).
fn class_of(svg: &str) -> &str {
    let tag = svg.find('>').map_or(svg, |end| &svg[..end]);
    tag.find(" width=").map_or(tag, |end| &tag[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/reports/zhongyuan-2020-h1.json")).unwrap_or_default();
        Report::from_json_str(&text).unwrap_or_else(|e| panic!("the example report: {:?}", e.problems))
    }

    #[test]
    fn the_poster_has_the_canvas_height_across_its_widths_and_no_styles() {
        let report = report();
        let poster = poster(&report, 390, Locale::Zh, ThemeName::Light, None).unwrap_or_else(|e| panic!("{e}"));
        let (narrowest, widest) = poster.widths;
        assert!(narrowest <= 390 && 390 <= widest);
        let theme = Theme::get(ThemeName::Light);
        for width in [narrowest, widest] {
            let scene = layout(&report, &LayoutOptions { width: f64::from(width), locale: Locale::Zh, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
            assert_eq!(scene.height as u32, poster.height, "at {width}px");
        }
        for beyond in [narrowest - 1, widest + 1] {
            let scene = layout(&report, &LayoutOptions { width: f64::from(beyond), locale: Locale::Zh, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
            assert_ne!(scene.height as u32, poster.height, "at {beyond}px, outside the class");
        }
        assert!(poster.svg.starts_with("<svg data-poster=\"\" data-widths="), "{}", &poster.svg[..200]);
        assert!(poster.svg.contains("aria-hidden=\"true\""));
        assert!(poster.svg.contains(&format!("height=\"{}\"", poster.height)));
        assert!(!poster.svg.contains("style"), "a strict CSP blocks inline styles");
        assert!(!poster.svg.contains("<script"));
        assert_eq!(poster.svg.matches("<svg").count(), 1);
        assert!(poster.svg.ends_with("</svg>"));
        assert!(poster.svg.contains("317.8"));
        let first = super::poster(&report, 390, Locale::Zh, ThemeName::Light, Some(900.0)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((first.height, first.widths), (poster.height, poster.widths), "the same box");
        assert!(first.svg.contains("317.8") && first.svg.len() < poster.svg.len() / 2, "the first screen only");
    }

    #[test]
    fn a_page_gets_its_poster_replaced_or_put_at_the_marker() {
        let first = into_page("<p>a</p><!-- poster --><p>b</p>", "<svg data-poster=\"\">1</svg>");
        assert_eq!(first.as_deref(), Some("<p>a</p><svg data-poster=\"\">1</svg><p>b</p>"));
        let again = into_page(first.as_deref().unwrap_or_default(), "<svg data-poster=\"\">2</svg>");
        assert_eq!(again.as_deref(), Some("<p>a</p><svg data-poster=\"\">2</svg><p>b</p>"));
        assert_eq!(into_page("<p>no place for it</p>", "<svg data-poster=\"\"></svg>"), None);
    }

    #[test]
    fn a_page_keeps_one_poster_per_width_class() {
        let a = |n: u32| format!("<svg data-poster=\"\" data-widths=\"354 417\" data-locale=\"zh\" width=\"100%\" height=\"{n}\"><text>a</text></svg>");
        let b = |n: u32| format!("<svg data-poster=\"\" data-widths=\"418 443\" data-locale=\"zh\" width=\"100%\" height=\"{n}\"></svg>");
        let page = into_page("<main><!-- poster --></main>", &a(1)).unwrap_or_default();
        let page = into_page(&page, &b(1)).unwrap_or_default();
        assert_eq!(page, format!("<main>{}{}</main>", a(1), b(1)), "another class goes after the first");
        let page = into_page(&page, &a(2)).unwrap_or_default();
        assert_eq!(page, format!("<main>{}{}</main>", a(2), b(1)), "the same class is replaced where it is");
        let page = into_page(&page, &b(3)).unwrap_or_default();
        assert_eq!(page, format!("<main>{}{}</main>", a(2), b(3)));
    }
}
