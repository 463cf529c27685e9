//! Scene -> pixels on any plotters [`DrawingBackend`]: the browser canvas, SVG and bitmaps alike.
//!
//! The scene is in CSS pixels; `scale` maps it onto the backend's device pixels (the
//! devicePixelRatio on a canvas, 2 for a share image), so lines and text stay crisp. Arcs are
//! turned into polygons here, with as many vertices as the device resolution needs for a ring
//! to look round.

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, DrawingBackend, DrawingErrorKind};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor, TextStyle};

use crate::math;
use crate::scene::{Align, Rect, Scene, Shape};
use crate::theme::Color;

/// The font stack the canvas asks for: the reader's system CJK font first.
pub const WEB_FONTS: &str = "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", system-ui, sans-serif";

/// How to draw a scene.
#[derive(Debug, Clone, Copy)]
pub struct DrawOptions<'a> {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// The font family (a CSS font stack on a canvas, a registered family natively).
    pub font: &'a str,
    /// The item drawn highlighted, with a focus ring.
    pub highlight: Option<usize>,
    /// Colour of the focus ring.
    pub focus: Color,
    /// Whether to fill the background; a page canvas leaves it to CSS, an image needs it.
    pub background: bool,
}

struct Fill(Color);

impl BackendStyle for Fill {
    fn color(&self) -> BackendColor {
        BackendColor { alpha: self.0.a, rgb: (self.0.r, self.0.g, self.0.b) }
    }
}

struct Stroke(Color, u32);

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        BackendColor { alpha: self.0.a, rgb: (self.0.r, self.0.g, self.0.b) }
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

/// Draws the scene onto the backend: [`paint`] with every shape, over the backend's whole area
/// when `options.background` asks for a background.
pub fn draw<DB: DrawingBackend>(scene: &Scene, backend: &mut DB, options: &DrawOptions) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let background = options.background.then(|| {
        let (w, h) = backend.get_size();
        ((0, 0), (w as i32, h as i32))
    });
    paint(scene, backend, options, background, |_| true, 0, || true).map(|_| ())
}

/// The one drawing path of [`draw`], [`draw_region`] and [`draw_band_from`]: the background
/// over `background` (device pixels), the shapes `keep` accepts in [`paint_order`] from the
/// `skip`th on, the focus ring, then present. `more` is asked before each shape whether to go
/// on: when it says no, the count of shapes drawn so far comes back (`Some`), to go on from in
/// a later call; `None` once everything is drawn.
fn paint<DB: DrawingBackend>(
    scene: &Scene,
    backend: &mut DB,
    options: &DrawOptions,
    background: Option<(BackendCoord, BackendCoord)>,
    keep: impl Fn(&Shape) -> bool,
    skip: usize,
    mut more: impl FnMut() -> bool,
) -> Result<Option<usize>, DrawingErrorKind<DB::ErrorType>> {
    let s = scale(options);
    if let Some((from, to)) = background {
        backend.draw_rect(from, to, &Fill(scene.background), true)?;
    }
    for (index, shape) in paint_order(scene.shapes.iter().filter(|shape| keep(shape)).collect()).into_iter().enumerate().skip(skip) {
        if index > skip && !more() {
            backend.present()?;
            return Ok(Some(index));
        }
        draw_shape(backend, shape, s, options.font)?;
    }
    if let Some(item) = options.highlight.and_then(|i| scene.items.get(i)) {
        draw_focus(backend, &item.rect, s, options.focus)?;
    }
    backend.present()?;
    Ok(None)
}

/// Device pixels per CSS pixel: `options.scale`, or 1 when it is not a positive number.
fn scale(options: &DrawOptions) -> f64 {
    if options.scale.is_finite() && options.scale > 0.0 {
        options.scale
    } else {
        1.0
    }
}

/// The shapes in their order, then the texts grouped by font, and within a font by colour. No
/// text overlaps another (the layout tests check it) and none lies under a shape, so the
/// picture is the same; but a canvas parses its font string at every change of font, the
/// costliest call of a redraw, and the texts of a scene alternate between a handful of fonts
/// and, since chapters have accents of their own, a handful of colours (each change of colour
/// is a colour string made, passed and parsed).
fn paint_order(shapes: Vec<&Shape>) -> Vec<&Shape> {
    let font = |shape: &Shape| match shape {
        Shape::Text(run) => Some((run.size.to_bits(), run.bold)),
        _ => None,
    };
    let style = |shape: &Shape| match shape {
        Shape::Text(run) => Some((run.size.to_bits(), run.bold, run.color)),
        _ => None,
    };
    // One pass per font and colour, fonts in order of first use and colours in order of first
    // use within a font (no sort: the standard library's would add kilobytes to the wasm).
    let mut fonts = Vec::new();
    for key in shapes.iter().filter_map(|shape| font(shape)) {
        if !fonts.contains(&key) {
            fonts.push(key);
        }
    }
    let mut styles = Vec::new();
    for (size, bold) in fonts {
        for key in shapes.iter().filter_map(|shape| style(shape)) {
            if (key.0, key.1) == (size, bold) && !styles.contains(&key) {
                styles.push(key);
            }
        }
    }
    let mut order: Vec<&Shape> = shapes.iter().copied().filter(|shape| font(shape).is_none()).collect();
    for key in styles {
        order.extend(shapes.iter().copied().filter(|shape| style(shape) == Some(key)));
    }
    order
}

/// How far outside a mark its focus ring reaches, in CSS pixels.
pub const FOCUS_MARGIN: f64 = 8.0;

/// Redraws only what lies in `region` (CSS pixels): the background there, the shapes that touch
/// it, and the focus ring if the highlighted mark touches it. The caller clips the backend to
/// the region first, so that a hover repaints a few marks instead of the whole page.
pub fn draw_region<DB: DrawingBackend>(scene: &Scene, backend: &mut DB, options: &DrawOptions, region: &Rect) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let s = scale(options);
    let outer = Rect::new(region.x - 1.0, region.y - 1.0, region.width + 2.0, region.height + 2.0);
    let background = (point(outer.x, outer.y, s), point(outer.right(), outer.bottom(), s));
    paint_reaching(scene, backend, options, Some(background), outer, 0, &mut || true).map(|_| ())
}

/// [`paint`] with the shapes that reach into `reach`: one instance of it for both
/// [`draw_region`] and [`draw_band_from`] (each is code in the wasm).
fn paint_reaching<DB: DrawingBackend>(
    scene: &Scene,
    backend: &mut DB,
    options: &DrawOptions,
    background: Option<(BackendCoord, BackendCoord)>,
    reach: Rect,
    skip: usize,
    more: &mut dyn FnMut() -> bool,
) -> Result<Option<usize>, DrawingErrorKind<DB::ErrorType>> {
    paint(scene, backend, options, background, |shape| shape.bounds().intersects(&reach), skip, more)
}

/// Redraws the horizontal band of the scene from `top` to `bottom` (CSS pixels): the shapes
/// that reach into it (with a margin for glyphs that overhang their measured box) and the
/// focus ring, with no background. The caller clips the backend to the band's device rows, so
/// that bands painted one after another make the picture one [`draw`] makes: each pixel is
/// painted once, by the same shapes in the same order.
pub fn draw_band<DB: DrawingBackend>(scene: &Scene, backend: &mut DB, options: &DrawOptions, top: f64, bottom: f64) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    draw_band_from(scene, backend, options, top, bottom, 0, &mut || true).map(|_| ())
}

/// [`draw_band`] in slices, so that no task is long: draws the band's shapes from the `skip`th
/// on (in the order [`draw_band`] draws them) for as long as `more` says yes (asked before each
/// shape but the first), and returns how many are drawn then (`Some`, for the next slice), or
/// `None` once the band is done. The slices together make the picture one [`draw_band`] makes.
pub fn draw_band_from<DB: DrawingBackend>(
    scene: &Scene,
    backend: &mut DB,
    options: &DrawOptions,
    top: f64,
    bottom: f64,
    skip: usize,
    more: &mut dyn FnMut() -> bool,
) -> Result<Option<usize>, DrawingErrorKind<DB::ErrorType>> {
    let reach = Rect::new(-FOCUS_MARGIN, top - FOCUS_MARGIN, scene.width + 2.0 * FOCUS_MARGIN, bottom - top + 2.0 * FOCUS_MARGIN);
    paint_reaching(scene, backend, options, None, reach, skip, more)
}

/// The area a mark and its focus ring cover.
pub fn focus_area(rect: &Rect) -> Rect {
    Rect::new(rect.x - FOCUS_MARGIN, rect.y - FOCUS_MARGIN, rect.width + 2.0 * FOCUS_MARGIN, rect.height + 2.0 * FOCUS_MARGIN)
}

fn point(x: f64, y: f64, s: f64) -> BackendCoord {
    ((x * s).round() as i32, (y * s).round() as i32)
}

fn draw_shape<DB: DrawingBackend>(backend: &mut DB, shape: &Shape, s: f64, font: &str) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    match shape {
        Shape::Rect { rect, radius, color } => {
            if rect.width <= 0.0 || rect.height <= 0.0 {
                return Ok(());
            }
            let r = radius.min(rect.width / 2.0).min(rect.height / 2.0);
            let fill = Fill(*color);
            if r <= 0.0 {
                backend.draw_rect(point(rect.x, rect.y, s), point(rect.right(), rect.bottom(), s), &fill, true)
            } else if rect.width * rect.height * s * s > 40_000.0 {
                // A large rounded box (a card) as three rectangles and four corner discs: the
                // rasteriser fills rectangles far faster than a curved outline of that size.
                let (x0, x1, x2, x3) = (rect.x, rect.x + r, rect.right() - r, rect.right());
                let (y0, y1, y2, y3) = (rect.y, rect.y + r, rect.bottom() - r, rect.bottom());
                backend.draw_rect(point(x1, y0, s), point(x2, y3, s), &fill, true)?;
                backend.draw_rect(point(x0, y1, s), point(x1, y2, s), &fill, true)?;
                backend.draw_rect(point(x2, y1, s), point(x3, y2, s), &fill, true)?;
                for (cx, cy) in [(x1, y1), (x2, y1), (x1, y2), (x2, y2)] {
                    backend.draw_circle(point(cx, cy, s), (r * s).round() as u32, &fill, true)?;
                }
                Ok(())
            } else {
                backend.fill_polygon(rounded_rect(rect, r, s), &fill)
            }
        }
        Shape::Arc { cx, cy, outer, inner, start, end, color } => {
            backend.fill_polygon(arc_polygon(*cx, *cy, *outer, *inner, *start, *end, s), &Fill(*color))
        }
        Shape::Circle { cx, cy, r, color } => {
            backend.draw_circle(point(*cx, *cy, s), (r * s).round().max(1.0) as u32, &Fill(*color), true)
        }
        Shape::Line { from, to, width, color } => {
            backend.draw_line(point(from.0, from.1, s), point(to.0, to.1, s), &Stroke(*color, (width * s).round().max(1.0) as u32))
        }
        Shape::Text(run) => {
            let style = FontDesc::new(FontFamily::Name(font), run.size * s, if run.bold { FontStyle::Bold } else { FontStyle::Normal });
            let h = match run.align {
                Align::Left => HPos::Left,
                Align::Center => HPos::Center,
                Align::Right => HPos::Right,
            };
            let color = RGBAColor(run.color.r, run.color.g, run.color.b, run.color.a);
            let style = TextStyle::from(style).color(&color).pos(Pos::new(h, VPos::Center));
            backend.draw_text(&run.text, &style, point(run.x, run.y, s))
        }
    }
}

/// A visible focus ring, two pixels wide and two pixels clear of the mark.
fn draw_focus<DB: DrawingBackend>(backend: &mut DB, rect: &Rect, s: f64, color: Color) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let outer = Rect::new(rect.x - 4.0, rect.y - 4.0, rect.width + 8.0, rect.height + 8.0);
    let width = (2.0 * s).round().max(1.0) as u32;
    let path: Vec<BackendCoord> = rounded_rect(&outer, 4.0, s).into_iter().chain(std::iter::once(point(outer.x + 4.0, outer.y, s))).collect();
    backend.draw_path(path, &Stroke(color, width))
}

/// The outline of a rectangle with rounded corners, in device pixels.
fn rounded_rect(rect: &Rect, radius: f64, s: f64) -> Vec<BackendCoord> {
    let r = radius.min(rect.width / 2.0).min(rect.height / 2.0).max(0.0);
    let corners = [
        (rect.right() - r, rect.y + r, -std::f64::consts::FRAC_PI_2),
        (rect.right() - r, rect.bottom() - r, 0.0),
        (rect.x + r, rect.bottom() - r, std::f64::consts::FRAC_PI_2),
        (rect.x + r, rect.y + r, std::f64::consts::PI),
    ];
    let steps = ((r * s / 1.5).ceil() as usize).clamp(1, 16);
    let mut points = Vec::with_capacity(4 * (steps + 1));
    for (cx, cy, from) in corners {
        circle_points(&mut points, (cx, cy, r, s), from, std::f64::consts::FRAC_PI_2, steps);
    }
    points.dedup();
    points
}

/// How far, in device pixels, a polygon's edge may fall inside the circle it stands for:
/// half the rounding of its vertices to whole pixels, so invisible.
const MAX_SAGITTA: f64 = 0.25;

/// How many chords an arc of `radius` device pixels through `sweep` needs so that none falls
/// more than [`MAX_SAGITTA`] inside it: a chord through angle θ does by r(1 − cos θ/2) ≈ rθ²/8.
/// (A 120 px ring takes 49 chords; one per two pixels of its edge would be 377, each a call
/// into the canvas.)
fn arc_steps(radius: f64, sweep: f64) -> usize {
    ((sweep * (radius.max(0.0) / (8.0 * MAX_SAGITTA)).sqrt()).ceil() as usize).clamp(8, 2048)
}

/// A ring segment as a polygon: the outer edge forwards, the inner edge back. Angles run
/// clockwise from 12 o'clock.
pub fn arc_polygon(cx: f64, cy: f64, outer: f64, inner: f64, start: f64, end: f64, s: f64) -> Vec<BackendCoord> {
    let sweep = (end - start).clamp(0.0, 2.0 * std::f64::consts::PI);
    let steps = arc_steps(outer * s, sweep);
    let from = start - std::f64::consts::FRAC_PI_2;
    let mut points = Vec::with_capacity(2 * steps + 2);
    circle_points(&mut points, (cx, cy, outer, s), from, sweep, steps);
    circle_points(&mut points, (cx, cy, inner, s), from + sweep, -sweep, steps);
    points
}

/// Appends `steps + 1` evenly spaced points of the circle `(cx, cy, r)` from angle `from`
/// through `sweep` (radians, clockwise on screen), in device pixels at scale `s`. One sine and
/// cosine for the step, then each point is the last one turned by it: a rotation, not a sine
/// and a cosine per point.
fn circle_points(out: &mut Vec<BackendCoord>, (cx, cy, r, s): (f64, f64, f64, f64), from: f64, sweep: f64, steps: usize) {
    let angle = sweep / steps.max(1) as f64;
    let (turn_sin, turn_cos) = (math::sin(angle), math::cos(angle));
    let (mut c, mut n) = (math::cos(from), math::sin(from));
    for _ in 0..=steps {
        out.push(point(cx + r * c, cy + r * n, s));
        (c, n) = (c * turn_cos - n * turn_sin, n * turn_cos + c * turn_sin);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters_backend::BackendTextStyle;

    #[test]
    fn arcs_have_enough_vertices_to_look_round() {
        // No chord falls more than a quarter pixel inside its circle, small or large.
        for radius in [2.0, 10.0, 60.0, 180.0, 900.0, 5000.0] {
            for sweep in [0.1, 1.0, std::f64::consts::PI, 2.0 * std::f64::consts::PI] {
                let steps = arc_steps(radius, sweep);
                let sagitta = radius * (1.0 - (sweep / steps as f64 / 2.0).cos());
                assert!(sagitta <= MAX_SAGITTA || steps == 2048, "r {radius}, sweep {sweep}: {steps} chords, {sagitta} px inside");
            }
        }
        let full = arc_polygon(100.0, 100.0, 60.0, 45.0, 0.0, 2.0 * std::f64::consts::PI, 3.0);
        assert!(full.len() / 2 > 40, "{}", full.len());
        for p in &full[..full.len() / 2] {
            let r = (((p.0 - 300) as f64).powi(2) + ((p.1 - 300) as f64).powi(2)).sqrt();
            assert!((r - 180.0).abs() <= 1.0, "vertex off the circle: {r}");
        }
    }

    /// Writes down what is drawn, call by call.
    #[derive(Default)]
    struct Recorder(Vec<String>);

    impl DrawingBackend for Recorder {
        type ErrorType = std::fmt::Error;
        fn get_size(&self) -> (u32, u32) {
            (800, 4000)
        }
        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            Ok(())
        }
        fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            Ok(())
        }
        fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.push(format!("pixel {point:?} {:?}", color.rgb));
            Ok(())
        }
        fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.push(format!("rect {a:?} {b:?} {:?} {fill}", style.color().rgb));
            Ok(())
        }
        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, points: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.push(format!("polygon {:?} {:?}", points.into_iter().collect::<Vec<_>>(), style.color().rgb));
            Ok(())
        }
        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, points: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.push(format!("path {:?} {:?}", points.into_iter().collect::<Vec<_>>(), style.color().rgb));
            Ok(())
        }
        fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.push(format!("text {text} {pos:?} {:?}", style.color().rgb));
            Ok(())
        }
    }

    #[test]
    fn a_band_drawn_in_slices_is_the_band_drawn_at_once() {
        use crate::layout::layout_simple;
        use crate::report::Report;
        let scene = layout_simple(&Report::default_report().unwrap(), 390.0, crate::locale::Locale::Zh);
        let options = DrawOptions { scale: 2.0, font: WEB_FONTS, highlight: Some(2), focus: Color::hex(0x0b57d0), background: false };
        let (top, bottom) = (300.0, 900.0);
        let mut whole = Recorder::default();
        draw_band(&scene, &mut whole, &options, top, bottom).unwrap();
        assert!(whole.0.len() > 40, "a band of the seed report has many shapes: {}", whole.0.len());
        // Slices of three shapes each: `more` says no at every fourth question.
        let mut sliced = Recorder::default();
        let (mut next, mut slices) = (Some(0), 0);
        while let Some(skip) = next {
            let mut asked = 0;
            next = draw_band_from(&scene, &mut sliced, &options, top, bottom, skip, &mut || {
                asked += 1;
                asked < 3
            })
            .unwrap();
            slices += 1;
            assert!(slices < 1000, "the slices never end");
        }
        assert!(slices > 10, "drawn in {slices} slices");
        assert_eq!(sliced.0, whole.0);
    }

    #[test]
    fn a_quarter_arc_starts_at_twelve_and_ends_at_three() {
        let quarter = arc_polygon(0.0, 0.0, 10.0, 5.0, 0.0, std::f64::consts::FRAC_PI_2, 1.0);
        assert_eq!(quarter[0], (0, -10));
        assert_eq!(quarter[quarter.len() / 2 - 1], (10, 0));
    }

    #[test]
    fn turning_a_point_stays_on_the_angles_a_sine_and_cosine_give() {
        let (from, sweep, steps) = (0.3, 2.0 * std::f64::consts::PI, 2048);
        let mut points = Vec::new();
        // At scale 1000 a device pixel is a thousandth of a CSS pixel.
        circle_points(&mut points, (5.0, -7.0, 300.0, 1000.0), from, sweep, steps);
        assert_eq!(points.len(), steps + 1);
        for (k, (x, y)) in points.into_iter().enumerate() {
            let a = from + sweep * k as f64 / steps as f64;
            let (ex, ey) = ((5.0 + 300.0 * a.cos()) * 1000.0, (-7.0 + 300.0 * a.sin()) * 1000.0);
            assert!((f64::from(x) - ex).abs() <= 1.0 && (f64::from(y) - ey).abs() <= 1.0, "point {k}: {x}, {y} vs {ex}, {ey}");
        }
    }

    #[test]
    fn shapes_keep_their_order_and_texts_come_last_grouped_by_font_then_colour() {
        use crate::scene::TextRun;
        let text = |size: f64, bold: bool, label: &str| {
            Shape::Text(TextRun { text: label.into(), x: 0.0, y: 0.0, size, bold, color: Color::hex(0), align: Align::Left, bounds: Rect::new(0.0, 0.0, 1.0, 1.0) })
        };
        let rect = |x: f64| Shape::Rect { rect: Rect::new(x, 0.0, 1.0, 1.0), radius: 0.0, color: Color::hex(0x010203) };
        let mut grey = text(14.0, false, "e");
        if let Shape::Text(run) = &mut grey {
            run.color = Color::hex(0x777777);
        }
        let mut grey_bold = text(12.0, true, "f");
        if let Shape::Text(run) = &mut grey_bold {
            run.color = Color::hex(0x777777);
        }
        let shapes = [text(14.0, false, "a"), rect(1.0), grey_bold, text(12.0, true, "b"), rect(2.0), grey, text(14.0, false, "c"), text(12.0, true, "d")];
        let order: Vec<String> = paint_order(shapes.iter().collect())
            .into_iter()
            .map(|shape| match shape {
                Shape::Text(run) => run.text.clone(),
                other => format!("rect {}", other.bounds().x),
            })
            .collect();
        assert_eq!(order, ["rect 1", "rect 2", "a", "c", "e", "f", "b", "d"]);
    }
}
