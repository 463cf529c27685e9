//! What JavaScript calls: the `Infographic` class (the handle a page holds) and the functions
//! `validateReport` and `figureTable`. Every argument is taken as a `JsValue` and checked here,
//! so that whatever a page passes (a Symbol, a BigInt, a Proxy whose traps throw) is refused
//! with an `Error` naming the argument in the reader's language, never by wasm-bindgen's glue
//! in the engine's words or by a panic.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::app_runner::{AppRunner, Shared};
use super::backend::Canvas2d;
use super::convert;
use super::events;
use super::listeners::{Listener, Resize};
use super::options::Options;
use super::plain;
use super::refusal::{refuse, Refusal};
use crate::draw::{self, DrawOptions};
use crate::layout::{self, LayoutOptions};
use crate::locale::Locale;
use crate::report::Report;
use crate::summary;
use crate::text::EstimatedMeasure;
use crate::theme::{Theme, ThemeName};

/// The share image's default width in CSS pixels, and the widest it is laid out at.
const SHARE_WIDTH: f64 = 750.0;
const SHARE_MAX_WIDTH: f64 = 1600.0;
/// The share image's device pixels per CSS pixel.
const SHARE_SCALE: f64 = 2.0;

/// The interactive infographic drawn on one canvas.
#[wasm_bindgen]
pub struct Infographic {
    runner: Option<Shared>,
    listeners: Vec<Listener>,
    resize: Option<Resize>,
    /// The language refusals are said in, kept here so that calls after `destroy()` are
    /// refused in the reader's language too.
    locale: Locale,
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

/// Reads and validates the report; there is no report built into the wasm: every reader would
/// download it once more beside the JSON file the page loads anyway.
fn parse_report(report: &JsValue, locale: Locale) -> Result<Report, JsValue> {
    if report.is_undefined() || report.is_null() {
        return Err(refuse(locale, "report", Refusal::ExpectedReport));
    }
    let value = convert::to_json(report).map_err(|refused| refused.error(locale))?;
    Report::from_value(&value).map_err(|e| js_sys::Error::new(&e.message(locale)).into())
}

/// A locale argument of a free function: `zh` or `en`, anything else reads as Chinese.
fn locale_or_default(locale: Option<JsValue>) -> Locale {
    locale.and_then(|l| l.as_string()).as_deref().and_then(Locale::parse).unwrap_or_default()
}

#[wasm_bindgen]
impl Infographic {
    /// Creates the infographic on `canvas`. `report` is a plain object in the report format
    /// (the parsed JSON of a report file); `options` may set `locale` (`zh`|`en`), `theme`
    /// (`light`|`dark`|`auto`), `width`, `pixelRatio`, `animate` and `progressive`. Throws an
    /// Error naming the field at fault when the report has nothing that can be drawn, or an
    /// option is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, report: JsValue, options: JsValue) -> Result<Infographic, JsValue> {
        install_panic_hook();
        let options = Options::parse(&options).map_err(|(locale, refused)| refused.error(locale))?;
        let locale = options.locale;
        let report = parse_report(&report, locale)?;
        // Whatever the page passed as the canvas (wasm-bindgen's glue does not check it) is
        // refused there, by asking it for a 2D context.
        let runner = AppRunner::new(canvas.clone(), report, &options)?;
        let (listeners, resize) = events::install(&runner, &canvas)?;
        Ok(Infographic { runner: Some(runner), listeners, resize, locale })
    }

    /// Lays the report out at the canvas' current width and draws it (starting the entry
    /// animation the first time): the rows in view at once (with `progressive`, the first time,
    /// a few milliseconds a frame), the others a few milliseconds a frame after. The canvas
    /// fires `painted` once the rows in view show the picture, the first time.
    pub fn render(&mut self) -> Result<(), JsValue> {
        self.runner_mut("render()")?.refresh(true)
    }

    /// Every drawn mark as `{id, section, label, value, unit, text, comparison, x, y, width,
    /// height}`, the box in CSS pixels relative to the canvas, in reading order.
    pub fn items(&self) -> Result<JsValue, JsValue> {
        let runner = self.runner("items()")?;
        Ok(plain::array(&runner.scene.items, plain::item))
    }

    /// The mark under the point (CSS pixels relative to the canvas), or undefined.
    #[wasm_bindgen(js_name = hitTest)]
    pub fn hit_test(&self, #[wasm_bindgen(unchecked_param_type = "number")] x: JsValue, #[wasm_bindgen(unchecked_param_type = "number")] y: JsValue) -> Result<JsValue, JsValue> {
        let x = x.as_f64().ok_or_else(|| refuse(self.locale, "hitTest(x)", Refusal::ExpectedNumber))?;
        let y = y.as_f64().ok_or_else(|| refuse(self.locale, "hitTest(y)", Refusal::ExpectedNumber))?;
        let runner = self.runner("hitTest()")?;
        match runner.scene.hit_test(x, y).and_then(|i| runner.scene.items.get(i)) {
            Some(item) => Ok(plain::item(item)),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Every text run drawn, as `{text, x, y, width, height}` in CSS pixels: for checking that
    /// no label overlaps another.
    pub fn labels(&self) -> Result<JsValue, JsValue> {
        let runner = self.runner("labels()")?;
        Ok(plain::array(runner.scene.text_bounds(), plain::label))
    }

    /// The whole infographic as a tall PNG share image (长图, title to source line), `width` CSS
    /// pixels wide (default 750, at most 1600) at twice that resolution, as a `data:` URL for an
    /// `<img>` a phone reader can long-press to save.
    #[wasm_bindgen(js_name = shareImage)]
    pub fn share_image(&self, width: Option<JsValue>) -> Result<String, JsValue> {
        let width = match width.filter(|w| !w.is_null() && !w.is_undefined()) {
            None => SHARE_WIDTH,
            Some(width) => width
                .as_f64()
                .filter(|w| w.is_finite() && *w > 0.0)
                .ok_or_else(|| refuse(self.locale, "shareImage(width)", Refusal::ExpectedPositiveNumber))?,
        };
        let runner = self.runner("shareImage()")?;
        let scene = layout::layout(runner.report(), &runner.options(width.clamp(layout::MIN_WIDTH, SHARE_MAX_WIDTH), 1.0));
        let no_context = || refuse(self.locale, "shareImage()", Refusal::NoContext);
        let canvas: HtmlCanvasElement = runner.document().create_element("canvas")?.dyn_into().map_err(|_| no_context())?;
        canvas.set_width((scene.width * SHARE_SCALE).round() as u32);
        canvas.set_height((scene.height * SHARE_SCALE).round() as u32);
        let context: CanvasRenderingContext2d = canvas.get_context("2d")?.and_then(|c| c.dyn_into().ok()).ok_or_else(no_context)?;
        let mut backend = Canvas2d::new(context, canvas.width(), canvas.height());
        let options = DrawOptions { scale: SHARE_SCALE, font: draw::WEB_FONTS, highlight: None, focus: runner.theme().focus, background: true };
        draw::draw(&scene, &mut backend, &options).map_err(|_| runner.drawing_failed())?;
        canvas.to_data_url_with_type("image/png")
    }

    /// The report's title in the current language, for the page around the canvas.
    pub fn title(&self) -> Result<String, JsValue> {
        let runner = self.runner("title()")?;
        Ok(layout::label(&runner.report().title, runner.locale))
    }

    /// Switches the language (`zh` or `en`) and redraws.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] locale: JsValue) -> Result<(), JsValue> {
        let locale = locale
            .as_string()
            .as_deref()
            .and_then(Locale::parse)
            .ok_or_else(|| refuse(self.locale, "setLocale(locale)", Refusal::ExpectedLocale))?;
        self.runner_mut("setLocale()")?.set_locale(locale)?;
        self.locale = locale;
        Ok(())
    }

    /// Switches the theme (`light`, `dark` or `auto`) and redraws.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] theme: JsValue) -> Result<(), JsValue> {
        let fixed = match theme.as_string().as_deref() {
            Some("auto") => None,
            Some(name) if ThemeName::parse(name).is_some() => ThemeName::parse(name),
            _ => return Err(refuse(self.locale, "setTheme(theme)", Refusal::ExpectedTheme)),
        };
        self.runner_mut("setTheme()")?.set_theme(fixed)
    }

    /// Releases every listener, observer and animation frame, and removes the tooltip and live
    /// region. The instance cannot be used afterwards; a second call does nothing.
    pub fn destroy(&mut self) {
        // A new Vec, not clear(): the emptied one would keep its capacity until the JS wrapper
        // is collected.
        self.listeners = Vec::new();
        self.resize = None;
        if let Some(runner) = self.runner.take() {
            if let Ok(mut runner) = runner.try_borrow_mut() {
                runner.tear_down();
            }
        }
    }
}

impl Infographic {
    fn alive(&self, call: &str) -> Result<&Rc<RefCell<AppRunner>>, JsValue> {
        self.runner.as_ref().ok_or_else(|| refuse(self.locale, call, Refusal::Destroyed))
    }

    /// The runner, for `call`: refused after `destroy()` and while the runner draws (a method
    /// called from a listener of the page's that our own drawing set off).
    fn runner(&self, call: &str) -> Result<Ref<'_, AppRunner>, JsValue> {
        self.alive(call)?.try_borrow().map_err(|_| refuse(self.locale, call, Refusal::Busy))
    }

    fn runner_mut(&self, call: &str) -> Result<RefMut<'_, AppRunner>, JsValue> {
        self.alive(call)?.try_borrow_mut().map_err(|_| refuse(self.locale, call, Refusal::Busy))
    }
}

/// Every problem in a report as `{path, message}`, in `locale` (`zh` default, or `en`); an
/// empty array for a report that is fine.
#[wasm_bindgen(js_name = validateReport)]
pub fn validate_report(report: JsValue, locale: Option<JsValue>) -> Result<JsValue, JsValue> {
    let locale = locale_or_default(locale);
    // Each problem goes straight into the array as `{path, message, level}`: "error" (the field
    // or its section cannot be drawn) or "warning" (it draws).
    let found = js_sys::Array::new();
    let add = |path: &str, message: String, level: &str| {
        found.push(&plain::object(&[("path", path.into()), ("message", message.into()), ("level", level.into())]));
    };
    match convert::to_json(&report) {
        Err(refused) => add(&refused.path, refused.message(locale), "error"),
        Ok(value) => match Report::from_value(&value) {
            Ok(report) => {
                for problem in report.each_problem() {
                    add(&problem.path, problem.message(locale), "error");
                }
                for unknown in crate::units::unknown_units(&report) {
                    add(&unknown.path, unknown.message(locale), "warning");
                }
            }
            Err(e) => {
                for problem in &e.problems {
                    add(&problem.path, problem.message(locale), "error");
                }
            }
        },
    }
    Ok(found.into())
}

/// Every figure of a report as table rows `{section, label, value, comparison}` in `locale`,
/// for a page to show as text when the canvas cannot be drawn. Throws like the constructor
/// when the report has nothing drawable.
#[wasm_bindgen(js_name = figureTable)]
pub fn figure_table(report: JsValue, locale: Option<JsValue>) -> Result<JsValue, JsValue> {
    let locale = locale_or_default(locale);
    let report = parse_report(&report, locale)?;
    let theme = Theme::get(ThemeName::Light);
    let scene = layout::layout(&report, &LayoutOptions { width: 390.0, locale, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
    Ok(plain::array(summary::rows(&report, &scene, locale), |row| {
        plain::object(&[
            ("section", row.section.into()),
            ("label", row.label.into()),
            ("value", row.value.into()),
            ("comparison", row.comparison.into()),
        ])
    }))
}
