//! The running infographic: the report, the scene laid out from it, the canvas it is painted
//! on, the entry animation, and what pointer and keyboard input do to it. It knows nothing of
//! JavaScript's calling conventions (that is [`super::web_runner`]) nor of how listeners are
//! wired (that is [`super::events`]).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlCanvasElement, HtmlElement, Window};

use super::dom;
use super::events;
use super::listeners::{Frame, Idle, Listener, Timeout};
use super::options::Options;
use super::refusal::{Refusal, Refused};
use super::tiles::Strip;
use super::tooltip::Tooltip;
use crate::bands::Pending;
use crate::layout::{self, LayoutOptions};
use crate::locale::{Locale, Phrase};
use crate::report::Report;
use crate::scene::Scene;
use crate::summary;
use crate::text::EstimatedMeasure;
use crate::theme::{Theme, ThemeName};

// The page-facing helpers of js/dom.js this file calls.
#[wasm_bindgen(module = "/js/dom.js")]
extern "C" {
    #[wasm_bindgen(js_name = announcePainted)]
    fn announce_painted(canvas: &HtmlCanvasElement);
    #[wasm_bindgen(js_name = containerWidth)]
    fn container_width(canvas: &HtmlCanvasElement) -> f64;
}

mod paint;

/// How long the entry animation runs, in milliseconds.
const ENTRY_MS: f64 = 750.0;

/// The most one frame moves the entry animation on, in milliseconds. WebKit composites the
/// whole backing store of a changed canvas in the next frame, so the frame after a tall
/// canvas' first paint comes hundreds of milliseconds late (and every frame of it is slow
/// under WebKitGTK's software compositing); counted in full, that late frame ended the
/// animation before a second one was drawn.
const MAX_FRAME_STEP_MS: f64 = 100.0;

/// How long a frame paints rows out of view (or, the first time with `progressive`, in view),
/// in milliseconds: it stops between two shapes once this is spent, and goes on in the next.
const SLICE_MS: f64 = 4.0;

/// How long the accessible table and summary may wait for an idle moment, in milliseconds;
/// and the timeout that stands in where the browser has no idle callback (WebKit).
const FALLBACK_DEADLINE_MS: u32 = 500;
const FALLBACK_TIMEOUT_MS: i32 = 50;

/// The largest picture drawn, in device pixels, over all its tiles: iOS (and so WeChat's
/// in-app browser) leaves a canvas larger than this blank, which no tile comes near, and the
/// whole picture stays within one such canvas' memory (64 MB) on a phone. A very tall
/// infographic gets a slightly lower ratio instead.
pub const MAX_BACKING_PIXELS: f64 = 16_777_216.0;

/// The running state shared by the handle JavaScript holds and the listeners.
pub type Shared = Rc<RefCell<AppRunner>>;

/// The entry animation.
struct Animation {
    /// Off under prefers-reduced-motion or `animate: false`.
    enabled: bool,
    /// From 0 to 1; 1 is the finished picture.
    progress: f64,
    /// When it would have started had no frame come more than [`MAX_FRAME_STEP_MS`] late.
    started: Option<f64>,
    /// The pending frame: the animation's next step, or the next band of rows to paint (one
    /// frame for both: each frame callback is code in the wasm).
    frame: Option<Frame>,
}

impl Animation {
    fn running(&self) -> bool {
        self.progress < 1.0
    }
}

/// What the canvas' inline style was last set to, so that a paint that changes none of it
/// touches no style (which would make the browser recompute the page's).
#[derive(Clone, Copy, PartialEq)]
struct CanvasStyle {
    /// The CSS height in whole pixels.
    height: u32,
    /// The theme, whose background colour the canvas takes.
    theme: ThemeName,
    /// The CSS width's bits (an f64 has no Eq).
    width: u64,
}

/// The width and device-pixel ratio the canvas was last laid out and drawn at.
#[derive(Clone, Copy, PartialEq)]
struct Drawn {
    width: f64,
    ratio: f64,
}

/// The infographic as it runs on one canvas.
pub struct AppRunner {
    this: Weak<RefCell<AppRunner>>,
    pub(super) canvas: HtmlCanvasElement,
    /// The tiles the picture is painted on, under the canvas (see [`super::tiles`]).
    strip: Strip,
    document: Document,
    report: Report,
    pub(super) locale: Locale,
    /// `None` follows the reader's colour-scheme preference.
    fixed_theme: Option<ThemeName>,
    /// Whether the reader prefers a dark colour scheme, kept up to date by a listener: reading
    /// the query's `matches` on every paint would bring the page's style up to date each time.
    pub(super) dark: bool,
    window: Option<Window>,
    styled: Option<CanvasStyle>,
    theme: Theme,
    fixed_width: Option<f64>,
    fixed_ratio: Option<f64>,
    pub(super) scene: Scene,
    drawn: Option<Drawn>,
    /// The mark under the pointer or keyboard focus.
    active: Option<usize>,
    /// The mark whose focus ring is on the canvas now.
    painted_active: Option<usize>,
    tooltip: Tooltip,
    live: Option<HtmlElement>,
    animation: Animation,
    /// Lays the tooltip out once, hidden, after the first paint and after a change of language:
    /// see [`Tooltip::warm`].
    warm: Option<Timeout>,
    /// Scroll events before this time (performance.now()) are our own keyboard scrolling.
    pub(super) own_scroll_until: f64,
    /// The language the fallback table, the summary and the canvas' labels were last written in.
    fallback_locale: Option<Locale>,
    /// Writes the fallback table and summary once the page is idle after a paint.
    fallback: Option<Idle>,
    /// The picture's rows that do not show it yet: a paint draws the rows in the viewport,
    /// and later frames draw these, a slice of a band at a time, so that no task is long however
    /// tall the report.
    pending: Pending,
    /// Whether the next paint is the first with `progressive`: it paints nothing at once.
    progressive: bool,
    /// Whether the canvas has fired `painted`.
    announced: bool,
    /// Watches the device pixel ratio the canvas was last sized for (see
    /// [`events::watch_ratio`]), with that ratio.
    ratio_watch: Option<(f64, Listener)>,
    /// The watch replaced at the last change of ratio: it may be the listener running when it
    /// is replaced, and a closure must not be dropped while it runs, so it goes at the next one.
    retired_watch: Option<Listener>,
}

/// Runs `f` on the runner if it is still alive and not already borrowed (an event that fires
/// while the component draws is dropped rather than allowed to re-enter it); an error is
/// logged, as there is no caller to throw it to.
pub fn with_runner(weak: &Weak<RefCell<AppRunner>>, f: impl FnOnce(&mut AppRunner) -> Result<(), JsValue>) {
    if let Some(runner) = weak.upgrade() {
        if let Ok(mut runner) = runner.try_borrow_mut() {
            if let Err(e) = f(&mut runner) {
                web_sys::console::warn_2(&"district-infographic:".into(), &e);
            }
        }
    }
}

/// The theme for a reader who does or does not prefer a dark colour scheme.
fn scheme(dark: bool) -> ThemeName {
    if dark {
        ThemeName::Dark
    } else {
        ThemeName::Light
    }
}

fn prefers(query: &str) -> bool {
    web_sys::window().and_then(|w| events::media(&w, query)).is_some_and(|m| m.matches())
}

/// Names the canvas' kind and language for assistive technology, in that language.
fn label_language(canvas: &HtmlCanvasElement, locale: Locale) -> Result<(), JsValue> {
    canvas.set_attribute("aria-roledescription", locale.say(Phrase::Infographic))?;
    canvas.set_attribute("lang", locale.tag())
}

/// Ease-out cubic: fast start, gentle landing.
fn ease(t: f64) -> f64 {
    1.0 - (1.0 - t.clamp(0.0, 1.0)).powi(3)
}

impl AppRunner {
    /// Sets `canvas` up (focusable, labelled, with its tooltip and live region) for `report`.
    pub fn new(canvas: HtmlCanvasElement, report: Report, options: &Options) -> Result<Shared, JsValue> {
        let locale = options.locale;
        let refuse = |why| Refused::new("canvas", why).error(locale);
        let window = web_sys::window();
        let document = window.as_ref().and_then(Window::document).ok_or_else(|| refuse(Refusal::NoDocument))?;
        // The page's canvas draws nothing itself (the tiles under it do): it is given no 2D
        // context, whose creation was a tenth of a mount (docs/performance.md). A tile that
        // gives none is refused at the first paint.
        canvas.set_width(0);
        canvas.set_height(0);
        let strip = Strip::new(&canvas)?;
        canvas.set_attribute("tabindex", "0")?;
        canvas.set_attribute("role", "group")?;
        label_language(&canvas, locale)?;
        // Its display (block, or none while it is `hidden`) follows the strip's (js/dom.js).
        dom::style(canvas.unchecked_ref(), &[("width", "100%"), ("touch-action", "manipulation")])?;
        // The tooltip and the live region are made after the first paint (or when first
        // needed): made here, they were part of every mount's style work.
        let tooltip = Tooltip::new(&canvas);
        let dark = prefers("(prefers-color-scheme: dark)");
        let theme = Theme::get(options.theme.unwrap_or(scheme(dark)));
        let enabled = options.animate.unwrap_or(true) && !prefers("(prefers-reduced-motion: reduce)");
        let scene = Scene { width: 0.0, height: 0.0, background: theme.background, shapes: Vec::new(), items: Vec::new(), cards: Vec::new(), hotspots: Vec::new(), headings: Vec::new() };
        Ok(Rc::new_cyclic(|this| {
            RefCell::new(AppRunner {
                this: this.clone(),
                canvas,
                strip,
                document,
                report,
                locale,
                fixed_theme: options.theme,
                dark,
                window,
                styled: None,
                theme,
                fixed_width: options.width,
                fixed_ratio: options.pixel_ratio,
                scene,
                drawn: None,
                active: None,
                painted_active: None,
                tooltip,
                live: None,
                animation: Animation { enabled, progress: if enabled { 0.0 } else { 1.0 }, started: None, frame: None },
                warm: None,
                own_scroll_until: 0.0,
                fallback_locale: None,
                fallback: None,
                pending: Pending::default(),
                progressive: options.progressive.unwrap_or(false),
                announced: false,
                ratio_watch: None,
                retired_watch: None,
            })
        }))
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Switches the language and redraws.
    pub fn set_locale(&mut self, locale: Locale) -> Result<(), JsValue> {
        self.locale = locale;
        self.refresh(true)
    }

    /// Fixes the theme (`None` follows the reader's preference) and redraws.
    pub fn set_theme(&mut self, theme: Option<ThemeName>) -> Result<(), JsValue> {
        self.fixed_theme = theme;
        self.refresh(true)
    }

    /// Stops the animation, takes the tooltip, the live region and the strip out of the page and
    /// the canvas' styles off it.
    pub fn tear_down(&mut self) {
        self.animation.frame = None;
        self.warm = None;
        self.fallback = None;
        self.tooltip.remove();
        if let Some(live) = self.live.take() {
            live.remove();
        }
        self.strip.remove(&self.canvas);
        self.unstyle_canvas();
    }

    /// A drawing failure, for the caller: plotters' own words stay out of the page.
    pub fn drawing_failed(&self) -> JsValue {
        Refused::new("canvas", Refusal::DrawingFailed).error(self.locale)
    }

    pub(super) fn now(&self) -> f64 {
        self.window.as_ref().and_then(Window::performance).map_or(0.0, |p| p.now())
    }

    /// The viewport's width and height in CSS pixels.
    fn viewport(&self) -> (f64, f64) {
        let dimension = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        self.window.as_ref().map_or((0.0, 0.0), |w| (dimension(w.inner_width()), dimension(w.inner_height())))
    }

    /// Watches for the device pixel ratio to change from the one the canvas now has, unless
    /// the page fixed the ratio or the watch is already for this one.
    pub(super) fn watch_ratio(&mut self) -> Result<(), JsValue> {
        let ratio = self.ratio();
        if self.fixed_ratio.is_some() || self.ratio_watch.as_ref().is_some_and(|(watched, _)| *watched == ratio) {
            return Ok(());
        }
        let (Some(runner), Some(window)) = (self.this.upgrade(), self.window.as_ref()) else { return Ok(()) };
        let watch = events::watch_ratio(&runner, window, ratio)?.map(|listener| (ratio, listener));
        self.retired_watch = std::mem::replace(&mut self.ratio_watch, watch).map(|(_, listener)| listener);
        Ok(())
    }

    fn ratio(&self) -> f64 {
        let ratio = self.fixed_ratio.or_else(|| self.window.as_ref().map(Window::device_pixel_ratio)).unwrap_or(1.0);
        if ratio.is_finite() && ratio > 0.0 {
            ratio.min(4.0)
        } else {
            1.0
        }
    }

    /// The canvas' layout width in CSS pixels; a canvas not laid out (detached or hidden) uses
    /// the width option, then its container's content width (the width it will have when
    /// shown: a page may paint it hidden behind a poster), then a phone's.
    fn css_width(&self) -> f64 {
        if let Some(width) = self.fixed_width {
            return width;
        }
        let own = self.canvas.get_bounding_client_rect().width();
        if own > 0.0 {
            return own;
        }
        Some(container_width(&self.canvas)).filter(|w| w.is_finite() && *w > 0.0).unwrap_or(360.0)
    }

    pub fn options(&self, width: f64, progress: f64) -> LayoutOptions<'_> {
        LayoutOptions { width, locale: self.locale, theme: &self.theme, progress, measure: &EstimatedMeasure }
    }

    /// Lays out and draws again if the width, ratio, theme or language changed (or `force`).
    pub fn refresh(&mut self, force: bool) -> Result<(), JsValue> {
        // A resize before the page's first render() (the observer reports the canvas' first
        // size) waits for it: a page may yield between the constructor and render().
        if !force && self.drawn.is_none() {
            return Ok(());
        }
        let width = self.css_width().clamp(layout::MIN_WIDTH, layout::MAX_WIDTH);
        let drawn = Drawn { width, ratio: self.ratio() };
        let theme = self.fixed_theme.unwrap_or(scheme(self.dark));
        if !force && self.drawn == Some(drawn) && theme == self.theme.name {
            return Ok(());
        }
        let relayout = self.drawn.map(|d| d.width) != Some(width) || theme != self.theme.name || self.scene.items.is_empty() || force;
        self.theme = Theme::get(theme);
        if relayout {
            self.scene = layout::layout(&self.report, &self.options(width, 1.0));
            self.active = self.active.filter(|i| *i < self.scene.items.len());
        }
        // The first paint of a mount does not ask where the canvas is: that would lay the page
        // out there and then, for the new canvas. It paints the rows a viewport's height from
        // the canvas' top, which are the rows in view unless the page is scrolled past that
        // top; then the next frame's band, drawn before that frame is shown, paints the rows
        // in view.
        let first = self.drawn.is_none();
        self.drawn = Some(drawn);
        if self.animation.enabled && self.animation.started.is_none() && self.animation.running() {
            self.schedule_frame()?;
        }
        let painted = self.paint_first(first);
        // The table, the summary and the tooltip's text depend on the report and the language
        // only, not on the width. Written after the paint (and whether or not it worked): the
        // canvas' first font resolves the canvas' style, which would otherwise take the new
        // table's style with it.
        if self.fallback_locale != Some(self.locale) {
            self.write_language()?;
        }
        painted
    }

    /// Writes everything in the DOM that is in the reader's language: the canvas' labels now;
    /// the fallback table and summary once the page is idle after this paint (a table of
    /// every figure is as long to build as the paint itself, and no reader waits for it more
    /// than for the picture); and prepares the tooltip in that language a moment later.
    fn write_language(&mut self) -> Result<(), JsValue> {
        let weak = self.this.clone();
        let after = if self.animation.enabled && self.animation.running() { ENTRY_MS + 100.0 } else { 100.0 };
        self.warm = Some(Timeout::new(after as i32, move || with_runner(&weak, |runner| runner.warm_tooltip()))?);
        let weak = self.this.clone();
        self.fallback = Some(Idle::new(FALLBACK_DEADLINE_MS, FALLBACK_TIMEOUT_MS, move || with_runner(&weak, |runner| runner.write_fallback()))?);
        let title = layout::label(&self.report.title, self.locale);
        self.canvas.set_attribute("aria-label", &title)?;
        label_language(&self.canvas, self.locale)?;
        self.fallback_locale = Some(self.locale);
        Ok(())
    }

    /// Fills the canvas' fallback content (the summary and the table of every figure) in the
    /// current language.
    fn write_fallback(&mut self) -> Result<(), JsValue> {
        self.fallback = None;
        // The live region is in the page before anything is announced in it.
        self.live()?;
        let title = layout::label(&self.report.title, self.locale);
        let rows = summary::rows(&self.report, &self.scene, self.locale);
        let text = summary::summary(&self.report, &self.scene, self.locale);
        dom::fill_fallback(&self.canvas, &text, &title, &rows, self.locale)
    }

    /// The polite live region that announces the focused mark, made right after the canvas
    /// the first time (once the page is idle after the first paint, or at the first focus).
    fn live(&mut self) -> Result<&HtmlElement, JsValue> {
        let live = match self.live.take() {
            Some(live) => live,
            None => dom::live_region(&self.canvas)?,
        };
        Ok(self.live.insert(live))
    }

    /// The canvas' box in the viewport, and how many viewport pixels it shows a scene pixel as
    /// (see [`Scene::shown_scale`]).
    fn shown_box(&self) -> (web_sys::DomRect, f64) {
        let canvas = self.canvas.get_bounding_client_rect();
        let scale = self.scene.shown_scale(canvas.width());
        (canvas, scale)
    }

    /// A pointer at viewport point (x, y): hover (`tap` false) or a tap/click.
    pub fn point(&mut self, x: f64, y: f64, tap: bool) -> Result<(), JsValue> {
        let (canvas, scale) = self.shown_box();
        match self.scene.hit_test((x - canvas.left()) / scale, (y - canvas.top()) / scale) {
            Some(i) if tap && self.active == Some(i) && self.tooltip.is_shown() => self.dismiss(),
            Some(i) => self.activate(i, Some((canvas, scale))),
            None => self.dismiss(),
        }
    }

    /// A key the canvas handles: the arrows, Home and End step through the marks, Escape
    /// dismisses.
    pub fn key(&mut self, key: &str) -> Result<(), JsValue> {
        let count = self.scene.items.len();
        if count == 0 {
            return Ok(());
        }
        let next = match (key, self.active) {
            ("Escape", _) => return self.dismiss(),
            ("Home", _) | (_, None) if key != "End" && key != "ArrowLeft" && key != "ArrowUp" => 0,
            ("End", _) | (_, None) => count - 1,
            ("ArrowRight" | "ArrowDown", Some(i)) => (i + 1).min(count - 1),
            (_, Some(i)) => i.saturating_sub(1),
        };
        self.activate(next, None)
    }

    /// Highlights mark `index` and shows its tooltip. From a pointer, `canvas` is the canvas' shown
    /// box and scale the pointer was hit-tested against (nothing has moved since); from the keyboard
    /// (`None`), the mark is announced and scrolled into view, and the box is read after that.
    fn activate(&mut self, index: usize, canvas: Option<(web_sys::DomRect, f64)>) -> Result<(), JsValue> {
        let keyboard = canvas.is_none();
        let changed = self.active != Some(index) || !self.tooltip.is_shown();
        if !changed && !keyboard {
            // The pointer moved within the same mark: nothing to redraw or rewrite.
            return Ok(());
        }
        self.active = Some(index);
        if keyboard {
            self.scroll_into_view(index);
            let text = summary::announcement(&self.scene, index, self.locale);
            self.live()?.set_text_content(Some(&text));
        }
        if let Some(item) = self.scene.items.get(index) {
            let (canvas, scale) = canvas.unwrap_or_else(|| self.shown_box());
            self.tooltip.show(item, &self.theme, &canvas, scale, self.viewport())?;
        }
        if changed {
            self.paint_highlight()?;
        }
        Ok(())
    }

    /// Hides the tooltip and the focus ring.
    pub fn dismiss(&mut self) -> Result<(), JsValue> {
        self.tooltip.hide()?;
        if self.active.take().is_some() {
            self.paint_highlight()?;
        }
        Ok(())
    }

    /// Hides the tooltip, keeping the focus ring (a scroll or the window losing focus).
    pub fn hide_tooltip(&mut self) -> Result<(), JsValue> {
        self.tooltip.hide()
    }

    /// Prepares the tooltip with the first mark's text. Runs a moment after the text's
    /// language is written (and after the entry animation), so that neither the paint nor a
    /// frame waits.
    fn warm_tooltip(&mut self) -> Result<(), JsValue> {
        self.warm = None;
        match self.scene.items.first() {
            Some(item) => self.tooltip.warm(item),
            None => Ok(()),
        }
    }

    fn scroll_into_view(&mut self, index: usize) {
        let Some(item) = self.scene.items.get(index) else { return };
        let (canvas, scale) = self.shown_box();
        let (_, view_height) = self.viewport();
        let top = canvas.top() + item.rect.y * scale;
        let bottom = top + item.rect.height * scale;
        self.own_scroll_until = self.now() + 300.0;
        let Some(window) = &self.window else { return };
        // Leave room above the mark for its tooltip.
        if top < 90.0 {
            window.scroll_by_with_x_and_y(0.0, top - 90.0);
        } else if bottom > view_height - 16.0 {
            window.scroll_by_with_x_and_y(0.0, bottom - view_height + 16.0 + ((item.rect.height * scale).min(view_height / 3.0)));
        }
    }
}
