//! The browser layer: the only module that touches web-sys. It owns the canvas (sized for the
//! devicePixelRatio), the listeners, the animation frames and the accessible DOM, and hands
//! plain numbers to the pure layout and drawing code. One file per concern, as eframe's web
//! layer has them:
//!
//! - [`web_runner`]: the `Infographic` class JavaScript holds, `validateReport`, `figureTable`;
//!   every argument checked there
//! - [`app_runner`]: the running state, its paint and its entry animation, and what input does
//! - [`events`]: the listeners, one `install_*` function per event family
//! - [`tooltip`]: the tooltip, which owns its element and its lines
//! - [`options`]: the constructor's options
//! - [`convert`]: the page's report object to a JSON value, refusing what JSON cannot hold
//! - [`plain`]: our values (marks, labels, rows, problems) as plain JS objects
//! - [`refusal`]: why a call was refused, in each language
//! - [`dom`]: the fallback table and summary, the live region
//! - [`listeners`]: listeners, observers, frames and timeouts released when dropped
//! - [`backend`]: the plotters backend that draws on a 2D canvas context

mod app_runner;
pub mod backend;
mod convert;
mod dom;
#[cfg(feature = "editor")]
mod draft;
mod events;
mod listeners;
mod options;
mod plain;
mod refusal;
mod tiles;
mod tooltip;
mod web_runner;

pub use app_runner::MAX_BACKING_PIXELS;
pub use web_runner::{figure_table, validate_report, Infographic};
