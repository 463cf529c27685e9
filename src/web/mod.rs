//! The browser layer: the `Infographic` class JavaScript uses. The only module that touches
//! web-sys. It owns the canvas (sized for the devicePixelRatio), the listeners, the animation
//! frames and the accessible DOM, and hands plain numbers to the pure layout and drawing code.

pub mod backend;
mod convert;
mod dom;
mod listeners;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement, HtmlElement, KeyboardEvent, PointerEvent, Window};

use crate::draw::{self, DrawOptions};
use crate::layout::{self, LayoutOptions};
use crate::locale::Locale;
use crate::report::{Report, ReportError};
use crate::scene::{Item, Scene};
use crate::summary;
use crate::text::EstimatedMeasure;
use crate::theme::{Theme, ThemeName};
use backend::Canvas2d;
use listeners::{Frame, Listener, Resize, Timeout};

/// How long the entry animation runs, in milliseconds.
const ENTRY_MS: f64 = 750.0;

/// The largest backing store drawn, in device pixels: iOS (and so WeChat's in-app browser)
/// leaves a larger canvas blank. A very tall infographic gets a slightly lower ratio instead.
pub const MAX_BACKING_PIXELS: f64 = 16_777_216.0;

/// Options a page may pass as the third argument of the constructor.
#[derive(Debug, Default)]
struct Options {
    /// `zh` (default) or `en`.
    locale: Option<String>,
    /// `light`, `dark`, or `auto` (default: follows prefers-color-scheme).
    theme: Option<String>,
    /// A width in CSS pixels, for a canvas that has no layout width of its own.
    width: Option<f64>,
    /// Overrides window.devicePixelRatio.
    pixel_ratio: Option<f64>,
    /// `false` turns the entry animation off.
    animate: Option<bool>,
}

/// The interactive infographic drawn on one canvas.
#[wasm_bindgen]
pub struct Infographic {
    state: Option<Rc<RefCell<State>>>,
    listeners: Vec<Listener>,
    resize: Option<Resize>,
}

struct State {
    this: Weak<RefCell<State>>,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    document: Document,
    report: Report,
    locale: Locale,
    /// `None` follows the reader's colour-scheme preference.
    fixed_theme: Option<ThemeName>,
    /// Whether the reader prefers a dark colour scheme, kept up to date by a listener: reading
    /// the query's `matches` on every paint would bring the page's style up to date each time.
    dark: bool,
    window: Option<Window>,
    /// The canvas' CSS height, theme (its background colour) and width as last set.
    styled: Option<(u32, ThemeName, u64)>,
    theme: Theme,
    fixed_width: Option<f64>,
    fixed_ratio: Option<f64>,
    animate: bool,
    scene: Scene,
    /// The width and ratio the canvas was last drawn at.
    drawn: Option<(f64, f64)>,
    /// The mark under the pointer or keyboard focus, and whether its tooltip shows.
    active: Option<usize>,
    /// The mark whose focus ring is on the canvas now.
    painted_active: Option<usize>,
    tooltip_shown: bool,
    tooltip: HtmlElement,
    live: HtmlElement,
    /// The entry animation: when it started, and the pending frame.
    progress: f64,
    started: Option<f64>,
    frame: Option<Frame>,
    /// Lays the tooltip out once, hidden, after the first paint and after a change of language:
    /// see [`State::warm_tooltip`].
    warm: Option<Timeout>,
    /// Scroll events before this time (performance.now()) are our own keyboard scrolling.
    own_scroll_until: f64,
    /// The language the fallback table and summary were last written in.
    fallback_locale: Option<Locale>,
}

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

fn install_panic_hook() {
    #[cfg(debug_assertions)]
    {
        use std::sync::Once;
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            std::panic::set_hook(Box::new(|info| {
                web_sys::console::error_1(&format!("district-infographic: internal error (a bug): {info}").into());
            }));
        });
    }
}

/// Reads the options object field by field, naming the field whose type is wrong.
fn parse_options(options: JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(js_error("options: expected an object"));
    }
    let field = |name: &str| js_sys::Reflect::get(&options, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null());
    let text = |name: &str| match field(name) {
        None => Ok(None),
        Some(v) => v.as_string().map(Some).ok_or_else(|| js_error(format!("options.{name}: expected a string"))),
    };
    let number = |name: &str| match field(name) {
        None => Ok(None),
        Some(v) => v.as_f64().map(Some).ok_or_else(|| js_error(format!("options.{name}: expected a number"))),
    };
    let animate = match field("animate") {
        None => None,
        Some(v) => Some(v.as_bool().ok_or_else(|| js_error("options.animate: expected true or false"))?),
    };
    Ok(Options { locale: text("locale")?, theme: text("theme")?, width: number("width")?, pixel_ratio: number("pixelRatio")?, animate })
}

/// The report as a JSON value. There is no report built into the wasm: every reader would
/// download it once more beside the JSON file the page loads anyway.
fn report_value(report: JsValue) -> Result<crate::json::Value, JsValue> {
    if report.is_undefined() || report.is_null() {
        return Err(js_error("report: expected a report object (the parsed JSON of a report file), got nothing"));
    }
    convert::to_json(&report).map_err(|e| js_error(format!("report: {e}")))
}

fn parse_report(report: JsValue, locale: Locale) -> Result<Report, JsValue> {
    Report::from_value(&report_value(report)?).map_err(|e: ReportError| js_error(e.message(locale)))
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
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

#[wasm_bindgen]
impl Infographic {
    /// Creates the infographic on `canvas`. `report` is a plain object in the report format
    /// (the parsed JSON of a report file); `options` may set `locale` (`zh`|`en`), `theme`
    /// (`light`|`dark`|`auto`), `width`, `pixelRatio` and `animate`. Throws an Error naming the
    /// field at fault when the report has nothing that can be drawn.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, report: JsValue, options: JsValue) -> Result<Infographic, JsValue> {
        install_panic_hook();
        let options = parse_options(options)?;
        let locale = match options.locale.as_deref() {
            None => Locale::Zh,
            Some(tag) => Locale::parse(tag).ok_or_else(|| js_error(format!("options.locale: expected \"zh\" or \"en\", got \"{tag}\"")))?,
        };
        let fixed_theme = match options.theme.as_deref() {
            None | Some("auto") => None,
            Some(name) => Some(ThemeName::parse(name).ok_or_else(|| js_error(format!("options.theme: expected \"light\", \"dark\" or \"auto\", got \"{name}\"")))?),
        };
        for (name, value) in [("options.width", options.width), ("options.pixelRatio", options.pixel_ratio)] {
            if value.is_some_and(|v| !(v.is_finite() && v > 0.0)) {
                return Err(js_error(format!("{name}: expected a positive number")));
            }
        }
        let report = parse_report(report, locale)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| js_error("no document: the infographic runs in a browser page"))?;
        let context: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok())
            .ok_or_else(|| js_error("the canvas cannot give a 2D drawing context"))?;
        canvas.set_attribute("tabindex", "0")?;
        canvas.set_attribute("role", "group")?;
        canvas.set_attribute("aria-roledescription", match locale {
            Locale::Zh => "信息图",
            Locale::En => "infographic",
        })?;
        canvas.set_attribute("lang", locale.tag())?;
        dom::style(canvas.unchecked_ref(), &[("display", "block"), ("width", "100%"), ("touch-action", "manipulation")])?;
        let tooltip = dom::tooltip(&canvas, &document)?;
        let live = dom::live_region(&canvas, &document)?;
        let dark = prefers("(prefers-color-scheme: dark)");
        let theme_name = fixed_theme.unwrap_or(scheme(dark));
        let animate = options.animate.unwrap_or(true) && !prefers("(prefers-reduced-motion: reduce)");
        let state = Rc::new_cyclic(|this| {
            RefCell::new(State {
                this: this.clone(),
                canvas: canvas.clone(),
                context,
                document: document.clone(),
                report,
                locale,
                fixed_theme,
                dark,
                window: web_sys::window(),
                styled: None,
                theme: Theme::get(theme_name),
                fixed_width: options.width,
                fixed_ratio: options.pixel_ratio,
                animate,
                scene: Scene { width: 0.0, height: 0.0, background: Theme::get(theme_name).background, shapes: Vec::new(), items: Vec::new(), cards: Vec::new(), hotspots: Vec::new(), headings: Vec::new() },
                drawn: None,
                active: None,
                painted_active: None,
                tooltip_shown: false,
                tooltip,
                live,
                progress: if animate { 0.0 } else { 1.0 },
                started: None,
                frame: None,
                warm: None,
                own_scroll_until: 0.0,
                fallback_locale: None,
            })
        });
        let listeners = install_listeners(&state, &canvas, &document)?;
        let weak = Rc::downgrade(&state);
        let resize = Resize::new(canvas.unchecked_ref(), move |_| with_state(&weak, |s| s.refresh(false))).ok();
        Ok(Infographic { state: Some(state), listeners, resize })
    }

    /// Lays the report out at the canvas' current width and draws it (starting the entry
    /// animation the first time).
    pub fn render(&mut self) -> Result<(), JsValue> {
        let state = self.state()?;
        let mut state = state.try_borrow_mut().map_err(|_| js_error("render() called while drawing"))?;
        state.refresh(true)
    }

    /// Every drawn mark as `{id, section, label, value, unit, text, comparison, x, y, width,
    /// height}`, the box in CSS pixels relative to the canvas, in reading order.
    pub fn items(&self) -> Result<JsValue, JsValue> {
        let state = self.state()?;
        let state = state.try_borrow().map_err(|_| js_error("items() called while drawing"))?;
        to_js(&state.scene.items)
    }

    /// The mark under the point (CSS pixels relative to the canvas), or undefined.
    #[wasm_bindgen(js_name = hitTest)]
    pub fn hit_test(&self, x: f64, y: f64) -> Result<JsValue, JsValue> {
        let state = self.state()?;
        let state = state.try_borrow().map_err(|_| js_error("hitTest() called while drawing"))?;
        match state.scene.hit_test(x, y) {
            Some(i) => to_js(&state.scene.items[i]),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Every text run drawn, as `{text, x, y, width, height}` in CSS pixels: for checking that
    /// no label overlaps another.
    pub fn labels(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Label<'a> {
            text: &'a str,
            #[serde(flatten)]
            rect: crate::scene::Rect,
        }
        let state = self.state()?;
        let state = state.try_borrow().map_err(|_| js_error("labels() called while drawing"))?;
        let labels: Vec<Label> = state.scene.text_bounds().map(|(text, rect)| Label { text, rect }).collect();
        to_js(&labels)
    }

    /// The whole infographic as a tall PNG share image (长图, title to source line), `width` CSS
    /// pixels wide (default 750) at twice that resolution, as a `data:` URL for an `<img>` a
    /// phone reader can long-press to save.
    #[wasm_bindgen(js_name = shareImage)]
    pub fn share_image(&self, width: Option<f64>) -> Result<String, JsValue> {
        let state = self.state()?;
        let state = state.try_borrow().map_err(|_| js_error("shareImage() called while drawing"))?;
        let width = width.filter(|w| w.is_finite() && *w > 0.0).unwrap_or(750.0).clamp(layout::MIN_WIDTH, 1600.0);
        let scene = layout::layout(&state.report, &state.options(width, 1.0));
        let canvas: HtmlCanvasElement = state.document.create_element("canvas")?.dyn_into()?;
        const SCALE: f64 = 2.0;
        canvas.set_width((scene.width * SCALE).round() as u32);
        canvas.set_height((scene.height * SCALE).round() as u32);
        let context: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .and_then(|c| c.dyn_into().ok())
            .ok_or_else(|| js_error("the canvas cannot give a 2D drawing context"))?;
        let mut backend = Canvas2d::new(context, canvas.width(), canvas.height());
        let options = DrawOptions { scale: SCALE, font: draw::WEB_FONTS, highlight: None, focus: state.theme.focus, background: true };
        draw::draw(&scene, &mut backend, &options).map_err(|e| js_error(format!("drawing failed: {e}")))?;
        canvas.to_data_url_with_type("image/png")
    }

    /// The report's title in the current language, for the page around the canvas.
    pub fn title(&self) -> Result<String, JsValue> {
        let state = self.state()?;
        let state = state.try_borrow().map_err(|_| js_error("busy"))?;
        Ok(crate::layout::label(&state.report.title, state.locale))
    }

    /// Switches the language (`zh` or `en`) and redraws.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, locale: &str) -> Result<(), JsValue> {
        let locale = Locale::parse(locale).ok_or_else(|| js_error(format!("locale: expected \"zh\" or \"en\", got \"{locale}\"")))?;
        let state = self.state()?;
        let mut state = state.try_borrow_mut().map_err(|_| js_error("busy"))?;
        state.locale = locale;
        let _ = state.canvas.set_attribute("lang", locale.tag());
        state.refresh(true)
    }

    /// Switches the theme (`light`, `dark` or `auto`) and redraws.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, theme: &str) -> Result<(), JsValue> {
        let fixed = match theme {
            "auto" => None,
            name => Some(ThemeName::parse(name).ok_or_else(|| js_error(format!("theme: expected \"light\", \"dark\" or \"auto\", got \"{name}\"")))?),
        };
        let state = self.state()?;
        let mut state = state.try_borrow_mut().map_err(|_| js_error("busy"))?;
        state.fixed_theme = fixed;
        state.refresh(true)
    }

    /// Releases every listener, observer and animation frame, and removes the tooltip and live
    /// region. The instance cannot be used afterwards.
    pub fn destroy(&mut self) {
        // A new Vec, not clear(): the emptied one would keep its capacity until the JS wrapper
        // is collected.
        self.listeners = Vec::new();
        self.resize = None;
        if let Some(state) = self.state.take() {
            if let Ok(mut state) = state.try_borrow_mut() {
                state.frame = None;
                state.tooltip.remove();
                state.live.remove();
            }
        }
    }

    fn state(&self) -> Result<&Rc<RefCell<State>>, JsValue> {
        self.state.as_ref().ok_or_else(|| js_error("this infographic was destroyed"))
    }
}

/// Every problem in a report as `{path, message}`, in `locale` (`zh` default, or `en`); an
/// empty array for a report that is fine.
#[wasm_bindgen(js_name = validateReport)]
pub fn validate_report(report: JsValue, locale: Option<String>) -> Result<JsValue, JsValue> {
    let locale = locale.as_deref().and_then(Locale::parse).unwrap_or_default();
    #[derive(Serialize)]
    struct Found {
        path: String,
        message: String,
        /// "error" (the field or its section cannot be drawn) or "warning" (it draws).
        level: &'static str,
    }
    let problems = match convert::to_json(&report) {
        Err(e) => vec![Found { path: String::new(), message: format!("report: {e}"), level: "error" }],
        Ok(value) => match Report::from_value(&value) {
            Ok(report) => {
                let errors = report.problems().into_iter().map(|p| Found { path: p.path.clone(), message: p.message(locale), level: "error" });
                let warnings = crate::units::unknown_units(&report)
                    .into_iter()
                    .map(|w| Found { message: w.message(locale), path: w.path, level: "warning" });
                errors.chain(warnings).collect()
            }
            Err(e) => e.problems.iter().map(|p| Found { path: p.path.clone(), message: p.message(locale), level: "error" }).collect(),
        },
    };
    to_js(&problems)
}

/// Every figure of a report as table rows `{section, label, value, comparison}` in `locale`,
/// for a page to show as text when the canvas cannot be drawn. Throws like the constructor
/// when the report has nothing drawable.
#[wasm_bindgen(js_name = figureTable)]
pub fn figure_table(report: JsValue, locale: Option<String>) -> Result<JsValue, JsValue> {
    let locale = locale.as_deref().and_then(Locale::parse).unwrap_or_default();
    let report = parse_report(report, locale)?;
    let theme = Theme::get(ThemeName::Light);
    let scene = layout::layout(&report, &LayoutOptions { width: 390.0, locale, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
    #[derive(Serialize)]
    struct Row {
        section: String,
        label: String,
        value: String,
        comparison: String,
    }
    let rows: Vec<Row> = summary::rows(&report, &scene, locale)
        .into_iter()
        .map(|r| Row { section: r.section, label: r.label, value: r.value, comparison: r.comparison })
        .collect();
    to_js(&rows)
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(|e| js_error(format!("internal: {e}")))
}

/// Runs `f` on the state if it is still alive and not already borrowed (an event that fires
/// while the component draws is dropped rather than allowed to re-enter it).
fn with_state(weak: &Weak<RefCell<State>>, f: impl FnOnce(&mut State) -> Result<(), JsValue>) {
    if let Some(state) = weak.upgrade() {
        if let Ok(mut state) = state.try_borrow_mut() {
            if let Err(e) = f(&mut state) {
                web_sys::console::warn_2(&"district-infographic:".into(), &e);
            }
        }
    }
}

fn install_listeners(state: &Rc<RefCell<State>>, canvas: &HtmlCanvasElement, document: &Document) -> Result<Vec<Listener>, JsValue> {
    let window = web_sys::window().ok_or_else(|| js_error("no window"))?;
    let mut listeners = Vec::new();
    let canvas_target: &web_sys::EventTarget = canvas.unchecked_ref();

    let weak = Rc::downgrade(state);
    listeners.push(Listener::new(canvas_target, "pointermove", true, false, move |event| {
        let Some(event) = event.dyn_ref::<PointerEvent>() else { return };
        if event.pointer_type() != "mouse" {
            return;
        }
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        with_state(&weak, |s| s.point(x, y, false));
    })?);

    let weak = Rc::downgrade(state);
    listeners.push(Listener::new(canvas_target, "pointerdown", true, false, move |event| {
        let Some(event) = event.dyn_ref::<PointerEvent>() else { return };
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        with_state(&weak, |s| s.point(x, y, true));
    })?);

    let weak = Rc::downgrade(state);
    listeners.push(Listener::new(canvas_target, "pointerleave", true, false, move |event| {
        let mouse = event.dyn_ref::<PointerEvent>().is_some_and(|e| e.pointer_type() == "mouse");
        if mouse {
            with_state(&weak, |s| s.dismiss());
        }
    })?);

    // A tap anywhere else, a scroll or the tab going away dismisses the tooltip: tooltips that
    // stick on phones are the commonest complaint about chart libraries.
    let weak = Rc::downgrade(state);
    let own_canvas = canvas.clone();
    listeners.push(Listener::new(document.unchecked_ref(), "pointerdown", true, true, move |event| {
        let inside = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|node| own_canvas.contains(Some(&node)));
        if !inside {
            with_state(&weak, |s| s.dismiss());
        }
    })?);
    for (target, kind) in [(window.unchecked_ref::<web_sys::EventTarget>(), "scroll"), (window.unchecked_ref(), "blur")] {
        let weak = Rc::downgrade(state);
        listeners.push(Listener::new(target, kind, true, true, move |_| {
            with_state(&weak, |s| if s.now() < s.own_scroll_until { Ok(()) } else { s.hide_tooltip() })
        })?);
    }

    let weak = Rc::downgrade(state);
    listeners.push(Listener::new(canvas_target, "keydown", false, false, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        let key = event.key();
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let handled = matches!(key.as_str(), "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home" | "End" | "Escape");
        if handled {
            event.prevent_default();
            with_state(&weak, |s| s.key(&key));
        }
    })?);

    let weak = Rc::downgrade(state);
    listeners.push(Listener::new(canvas_target, "blur", true, false, move |_| with_state(&weak, |s| s.dismiss()))?);

    // The pixel ratio changes when the page is zoomed or moved to another screen; both fire
    // a window resize.
    let weak = Rc::downgrade(state);
    listeners.push(Listener::new(window.unchecked_ref(), "resize", true, false, move |_| with_state(&weak, |s| s.refresh(false)))?);

    if let Ok(Some(query)) = window.match_media("(prefers-color-scheme: dark)") {
        let weak = Rc::downgrade(state);
        let target = query.clone();
        listeners.push(Listener::new(query.unchecked_ref(), "change", true, false, move |_| {
            with_state(&weak, |s| {
                s.dark = target.matches();
                s.refresh(false)
            })
        })?);
    }
    Ok(listeners)
}

impl State {
    fn now(&self) -> f64 {
        self.window.as_ref().and_then(Window::performance).map_or(0.0, |p| p.now())
    }

    /// The viewport's width and height in CSS pixels.
    fn viewport(&self) -> (f64, f64) {
        let dimension = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        self.window.as_ref().map_or((0.0, 0.0), |w| (dimension(w.inner_width()), dimension(w.inner_height())))
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
    /// the width option, then its parent's width, then a phone's.
    fn css_width(&self) -> f64 {
        if let Some(width) = self.fixed_width {
            return width;
        }
        let own = self.canvas.get_bounding_client_rect().width();
        if own > 0.0 {
            return own;
        }
        self.canvas
            .parent_element()
            .map(|p| f64::from(p.client_width()))
            .filter(|w| *w > 0.0)
            .unwrap_or(360.0)
    }

    fn options(&self, width: f64, progress: f64) -> LayoutOptions<'_> {
        LayoutOptions { width, locale: self.locale, theme: &self.theme, progress, measure: &EstimatedMeasure }
    }

    /// Lays out and draws again if the width, ratio, theme or language changed (or `force`).
    fn refresh(&mut self, force: bool) -> Result<(), JsValue> {
        let width = self.css_width().clamp(layout::MIN_WIDTH, layout::MAX_WIDTH);
        let ratio = self.ratio();
        let theme = self.fixed_theme.unwrap_or(scheme(self.dark));
        if !force && self.drawn == Some((width, ratio)) && theme == self.theme.name {
            return Ok(());
        }
        let relayout = self.drawn.map(|(w, _)| w) != Some(width) || theme != self.theme.name || self.scene.items.is_empty() || force;
        self.theme = Theme::get(theme);
        if relayout {
            self.scene = layout::layout(&self.report, &self.options(width, 1.0));
            self.active = self.active.filter(|i| *i < self.scene.items.len());
        }
        self.drawn = Some((width, ratio));
        if self.animate && self.started.is_none() && self.progress < 1.0 {
            self.schedule_frame()?;
        }
        let painted = self.paint();
        // The table, the summary and the tooltip's text depend on the report and the language
        // only, not on the width. Written after the paint (and whether or not it worked): the
        // canvas' first font resolves the canvas' style, which would otherwise take the new
        // table's style with it.
        if self.fallback_locale != Some(self.locale) {
            let weak = self.this.clone();
            let after = if self.animate && self.progress < 1.0 { ENTRY_MS + 100.0 } else { 100.0 };
            self.warm = Some(Timeout::new(after as i32, move || with_state(&weak, |s| s.warm_tooltip()))?);
            let title = crate::layout::label(&self.report.title, self.locale);
            let rows = summary::rows(&self.report, &self.scene, self.locale);
            let text = summary::summary(&self.report, &self.scene, self.locale);
            dom::fill_fallback(&self.canvas, &self.document, &text, &title, &rows, self.locale)?;
            self.canvas.set_attribute("aria-label", &title)?;
            self.fallback_locale = Some(self.locale);
        }
        painted
    }

    /// The device pixels per CSS pixel the canvas is drawn at: the screen's ratio, lowered for
    /// a scene so tall that its backing store would pass [`MAX_BACKING_PIXELS`].
    fn backing_ratio(&self) -> f64 {
        let ratio = self.ratio();
        let area = self.scene.width * self.scene.height;
        if area * ratio * ratio > MAX_BACKING_PIXELS {
            ((MAX_BACKING_PIXELS / area).sqrt() * 100.0).floor() / 100.0
        } else {
            ratio
        }
    }

    /// The backing store's size in device pixels for the current scene.
    fn backing_size(&self) -> (u32, u32) {
        let ratio = self.backing_ratio();
        let device = |css: f64| (css * ratio).round().max(1.0) as u32;
        (device(self.scene.width), device(self.scene.height))
    }

    fn draw_options(&self, scale: f64) -> DrawOptions<'static> {
        DrawOptions { scale, font: draw::WEB_FONTS, highlight: self.active, focus: self.theme.focus, background: false }
    }

    /// Draws the whole scene (or the animation's current frame) at the device's resolution.
    fn paint(&mut self) -> Result<(), JsValue> {
        let scene_width = self.scene.width;
        let (backing_width, backing_height) = self.backing_size();
        // Sizing the canvas clears it: then a clearRect would touch every pixel once more
        // (on a fresh backing store, a third of a mount's time).
        let resized = self.canvas.width() != backing_width || self.canvas.height() != backing_height;
        if resized {
            self.canvas.set_width(backing_width);
            self.canvas.set_height(backing_height);
        }
        // The page background is CSS: one less fill of the whole backing store per frame.
        let styled = (self.scene.height as u32, self.theme.name, scene_width.to_bits());
        if resized || self.styled != Some(styled) {
            let style = self.canvas.style();
            style.set_property("height", &format!("{}px", styled.0))?;
            style.set_property("background-color", &self.theme.background.css_hex())?;
            if self.fixed_width.is_some() {
                style.set_property("width", &format!("{}px", crate::format::plain_number(scene_width, 2)))?;
            }
            self.styled = Some(styled);
        }
        let frame;
        let scene = if self.progress < 1.0 {
            frame = layout::layout(&self.report, &self.options(scene_width, ease(self.progress)));
            &frame
        } else {
            &self.scene
        };
        if !resized {
            self.context.clear_rect(0.0, 0.0, f64::from(backing_width), f64::from(backing_height));
        }
        let options = self.draw_options(f64::from(backing_width) / scene_width);
        let mut backend = Canvas2d::new(self.context.clone(), backing_width, backing_height);
        draw::draw(scene, &mut backend, &options).map_err(|e| js_error(format!("drawing failed: {e}")))?;
        self.painted_active = self.active;
        Ok(())
    }

    /// Moves the focus ring: repaints only the old and the new mark's areas, clipped, so that a
    /// hover costs a few marks rather than the whole page.
    fn paint_highlight(&mut self) -> Result<(), JsValue> {
        if self.progress < 1.0 || self.drawn.is_none() {
            return self.paint();
        }
        let scale = f64::from(self.canvas.width()) / self.scene.width;
        let areas: Vec<crate::scene::Rect> = [self.painted_active, self.active]
            .into_iter()
            .flatten()
            .filter_map(|i| self.scene.items.get(i))
            .map(|item| draw::focus_area(&item.rect))
            .collect();
        self.repaint(&self.scene, &areas, scale)?;
        self.painted_active = self.active;
        Ok(())
    }

    fn schedule_frame(&mut self) -> Result<(), JsValue> {
        let weak = self.this.clone();
        self.frame = Some(Frame::request(move |time| {
            with_state(&weak, |s| s.tick(time));
        })?);
        Ok(())
    }

    fn tick(&mut self, time: f64) -> Result<(), JsValue> {
        let started = *self.started.get_or_insert(time);
        self.progress = ((time - started) / ENTRY_MS).clamp(0.0, 1.0);
        if self.progress < 1.0 {
            self.schedule_frame()?;
        } else {
            self.frame = None;
        }
        self.paint_frame()
    }

    /// A frame of the entry animation. The last frame, and any frame after the canvas was
    /// sized, is painted whole; the others repaint only the part of the canvas in the viewport,
    /// which on a phone is a fifth of the whole report or less. What lies outside keeps the
    /// frame it last had (the theme, language and size being the same: any change of those
    /// paints everything) until the last frame paints it all.
    fn paint_frame(&mut self) -> Result<(), JsValue> {
        if self.progress >= 1.0 || self.backing_size() != (self.canvas.width(), self.canvas.height()) {
            return self.paint();
        }
        let scale = f64::from(self.canvas.width()) / self.scene.width;
        let bounds = self.canvas.get_bounding_client_rect();
        let (_, view_height) = self.viewport();
        let top = (-bounds.top()).max(0.0);
        let bottom = (view_height - bounds.top()).min(self.scene.height);
        if top <= 0.0 && bottom >= self.scene.height {
            return self.paint();
        }
        if bottom > top {
            let frame = layout::layout(&self.report, &self.options(self.scene.width, ease(self.progress)));
            self.repaint(&frame, &[crate::scene::Rect::new(0.0, top, self.scene.width, bottom - top)], scale)?;
        }
        Ok(())
    }

    /// Repaints `areas` (CSS pixels) of `scene`, each clipped to itself.
    fn repaint(&self, scene: &Scene, areas: &[crate::scene::Rect], scale: f64) -> Result<(), JsValue> {
        let options = self.draw_options(scale);
        for area in areas {
            self.context.save();
            self.context.begin_path();
            self.context.rect(area.x * scale, area.y * scale, area.width * scale, area.height * scale);
            self.context.clip();
            let mut backend = Canvas2d::new(self.context.clone(), self.canvas.width(), self.canvas.height());
            let drawn = draw::draw_region(scene, &mut backend, &options, area);
            self.context.restore();
            drawn.map_err(|e| js_error(format!("drawing failed: {e}")))?;
        }
        Ok(())
    }

    /// A pointer at viewport point (x, y): hover (`tap` false) or a tap/click.
    fn point(&mut self, x: f64, y: f64, tap: bool) -> Result<(), JsValue> {
        let canvas = self.canvas.get_bounding_client_rect();
        match self.scene.hit_test(x - canvas.left(), y - canvas.top()) {
            Some(i) if tap && self.active == Some(i) && self.tooltip_shown => self.dismiss(),
            Some(i) => self.activate(i, false),
            None => self.dismiss(),
        }
    }

    fn key(&mut self, key: &str) -> Result<(), JsValue> {
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
        self.activate(next, true)
    }

    /// Highlights mark `index`, shows its tooltip, and (from the keyboard) announces it and
    /// scrolls it into view.
    fn activate(&mut self, index: usize, keyboard: bool) -> Result<(), JsValue> {
        let changed = self.active != Some(index) || !self.tooltip_shown;
        if !changed && !keyboard {
            // The pointer moved within the same mark: nothing to redraw or rewrite.
            return Ok(());
        }
        self.active = Some(index);
        if keyboard {
            self.scroll_into_view(index);
            let text = summary::announcement(&self.scene, index, self.locale);
            self.live.set_text_content(Some(&text));
        }
        self.show_tooltip(index)?;
        if changed {
            self.paint_highlight()?;
        }
        Ok(())
    }

    fn dismiss(&mut self) -> Result<(), JsValue> {
        self.hide_tooltip()?;
        if self.active.take().is_some() {
            self.paint_highlight()?;
        }
        Ok(())
    }

    /// Shows the tooltip once, invisibly, with the first mark's text: the browser then has its
    /// style, its layout and the Chinese font's glyphs at hand, and the reader's first tap
    /// shows the tooltip as fast as later ones. Runs a moment after the text's language is
    /// written (and after the entry animation), so that neither the paint nor a frame waits.
    fn warm_tooltip(&mut self) -> Result<(), JsValue> {
        self.warm = None;
        if self.tooltip_shown {
            return Ok(());
        }
        let Some(item) = self.scene.items.first() else { return Ok(()) };
        dom::set_tooltip_text(&self.tooltip, tooltip_lines(item));
        dom::style(&self.tooltip, &[("visibility", "hidden"), ("display", "block")])?;
        self.tooltip.offset_width();
        dom::style(&self.tooltip, &[("display", "none"), ("visibility", "visible")])
    }

    fn hide_tooltip(&mut self) -> Result<(), JsValue> {
        if self.tooltip_shown {
            self.tooltip.style().set_property("display", "none")?;
            self.tooltip_shown = false;
        }
        Ok(())
    }

    fn show_tooltip(&mut self, index: usize) -> Result<(), JsValue> {
        let Some(item) = self.scene.items.get(index) else { return Ok(()) };
        dom::set_tooltip_text(&self.tooltip, tooltip_lines(item));
        self.tooltip.set_attribute("data-item", &item.id)?;
        dom::style(&self.tooltip, &[
            ("display", "block"),
            ("background", &self.theme.ink.css_hex()),
            ("color", &self.theme.card.css_hex()),
            ("left", "0px"),
            ("top", "0px"),
        ])?;
        let (left, top) = self.tooltip_position(item);
        dom::style(&self.tooltip, &[("left", &format!("{}px", left as i32)), ("top", &format!("{}px", top as i32))])?;
        self.tooltip_shown = true;
        Ok(())
    }

    /// Above the mark, centred on it; below when there is no room above; always inside the
    /// viewport.
    fn tooltip_position(&self, item: &Item) -> (f64, f64) {
        let canvas = self.canvas.get_bounding_client_rect();
        let (view_width, view_height) = self.viewport();
        let (tip_width, tip_height) = (f64::from(self.tooltip.offset_width()), f64::from(self.tooltip.offset_height()));
        let mark_x = canvas.left() + item.rect.x + item.rect.width / 2.0;
        let mark_top = canvas.top() + item.rect.y;
        let mark_bottom = mark_top + item.rect.height;
        let left = (mark_x - tip_width / 2.0).clamp(8.0, (view_width - tip_width - 8.0).max(8.0));
        let above = mark_top - tip_height - 10.0;
        let top = if above >= 8.0 {
            above
        } else if mark_bottom + 10.0 + tip_height <= view_height - 8.0 {
            mark_bottom + 10.0
        } else {
            (mark_top + 8.0).clamp(8.0, (view_height - tip_height - 8.0).max(8.0))
        };
        (left.round(), top.round())
    }

    fn scroll_into_view(&mut self, index: usize) {
        let Some(item) = self.scene.items.get(index) else { return };
        let canvas = self.canvas.get_bounding_client_rect();
        let (_, view_height) = self.viewport();
        let top = canvas.top() + item.rect.y;
        let bottom = top + item.rect.height;
        self.own_scroll_until = self.now() + 300.0;
        let Some(window) = &self.window else { return };
        // Leave room above the mark for its tooltip.
        if top < 90.0 {
            window.scroll_by_with_x_and_y(0.0, top - 90.0);
        } else if bottom > view_height - 16.0 {
            window.scroll_by_with_x_and_y(0.0, bottom - view_height + 16.0 + (item.rect.height.min(view_height / 3.0)));
        }
    }
}

/// A mark's tooltip: its label, its value, and its comparison if it has one.
fn tooltip_lines(item: &Item) -> [&str; 3] {
    [&item.label, &item.text, item.comparison.as_deref().unwrap_or("")]
}

/// Ease-out cubic: fast start, gentle landing.
fn ease(t: f64) -> f64 {
    1.0 - (1.0 - t.clamp(0.0, 1.0)).powi(3)
}
