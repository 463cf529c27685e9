//! The constructor's options, read field by field from whatever the page passed: each wrong
//! field is refused by its path (`options.width`), in the language the options ask for when
//! that much can be read, else in Chinese.

use wasm_bindgen::JsValue;

use super::refusal::{Refusal, Refused};
use crate::locale::Locale;
use crate::theme::ThemeName;

/// Options a page may pass as the third argument of the constructor.
#[derive(Debug, Default)]
pub struct Options {
    /// `zh` (default) or `en`.
    pub locale: Locale,
    /// `light` or `dark`; `None` (`auto`, the default) follows prefers-color-scheme.
    pub theme: Option<ThemeName>,
    /// A width in CSS pixels, for a canvas that has no layout width of its own.
    pub width: Option<f64>,
    /// Overrides window.devicePixelRatio.
    pub pixel_ratio: Option<f64>,
    /// `false` turns the entry animation off.
    pub animate: Option<bool>,
    /// `true`: the first `render()` paints nothing at once; the rows in view are painted a few
    /// milliseconds a frame, then the canvas fires `painted` (for a page that shows a poster
    /// meanwhile: no long task).
    pub progressive: Option<bool>,
}

impl Options {
    /// Reads `options`; a refusal comes with the language to say it in.
    pub fn parse(options: &JsValue) -> Result<Options, (Locale, Refused)> {
        if options.is_undefined() || options.is_null() {
            return Ok(Options::default());
        }
        if !options.is_object() {
            return Err((Locale::Zh, Refused::new("options", Refusal::ExpectedObject)));
        }
        // The language first: every later refusal is said in it.
        let locale = match field(options, "locale").map_err(|r| (Locale::Zh, r))? {
            None => Locale::Zh,
            Some(tag) => tag
                .as_string()
                .as_deref()
                .and_then(Locale::parse)
                .ok_or((Locale::Zh, Refused::new("options.locale", Refusal::ExpectedLocale)))?,
        };
        let read = || -> Result<Options, Refused> {
            let theme = match field(options, "theme")? {
                None => None,
                Some(name) => match name.as_string().as_deref() {
                    Some("auto") => None,
                    Some(name) if ThemeName::parse(name).is_some() => ThemeName::parse(name),
                    _ => return Err(Refused::new("options.theme", Refusal::ExpectedTheme)),
                },
            };
            let positive = |name: &str| -> Result<Option<f64>, Refused> {
                match field(options, name)? {
                    None => Ok(None),
                    Some(value) => match value.as_f64() {
                        Some(v) if v.is_finite() && v > 0.0 => Ok(Some(v)),
                        _ => Err(Refused::new(["options.", name].concat(), Refusal::ExpectedPositiveNumber)),
                    },
                }
            };
            let flag = |name: &str| -> Result<Option<bool>, Refused> {
                match field(options, name)? {
                    None => Ok(None),
                    Some(flag) => Ok(Some(flag.as_bool().ok_or(Refused::new(["options.", name].concat(), Refusal::ExpectedBoolean))?)),
                }
            };
            Ok(Options {
                locale,
                theme,
                width: positive("width")?,
                pixel_ratio: positive("pixelRatio")?,
                animate: flag("animate")?,
                progressive: flag("progressive")?,
            })
        };
        read().map_err(|refused| (locale, refused))
    }
}

/// The field `name` of `options`, `None` when undefined or null; a getter or a Proxy trap that
/// throws is refused by the field's path rather than let through as the page's own exception.
fn field(options: &JsValue, name: &str) -> Result<Option<JsValue>, Refused> {
    js_sys::Reflect::get(options, &JsValue::from_str(name))
        .map(|value| Some(value).filter(|v| !v.is_undefined() && !v.is_null()))
        .map_err(|_| Refused::new(["options.", name].concat(), Refusal::Unreadable))
}
