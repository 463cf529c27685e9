//! district-infographic: an interactive, accessible infographic of a district government's
//! work report, drawn by Rust compiled to WebAssembly onto a canvas.
//!
//! Data flows one way: report JSON -> validated [`report::Report`] -> laid-out
//! [`scene::Scene`] (every mark and text run with its box) -> pixels through any plotters
//! backend ([`draw`]). Everything but [`web`] is plain Rust, tested natively.

/// The rows of the picture left to paint after a paint, and the band a frame paints next.
pub mod bands;
/// The article-to-report extractor: natively (the CLI) and in the editor's wasm build only, so
/// that the reader's module does not carry it.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod draft;
pub mod draw;
pub mod format;
pub mod json;
pub mod layout;
pub mod locale;
pub mod math;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod report;
pub mod scene;
pub mod summary;
pub mod text;
pub mod theme;
pub mod units;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// talc rather than std's dlmalloc: the same job (memory is returned on free, so a page that
/// mounts and destroys many infographics stays flat) in less code. The module is
/// single-threaded (no atomics), which talc's dynamic allocator requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use layout::{layout, LayoutOptions};
pub use locale::Locale;
pub use report::{Report, ReportError};
pub use scene::{Item, Scene};
pub use theme::{Theme, ThemeName};
