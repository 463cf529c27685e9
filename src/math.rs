//! The few transcendental functions the core needs. In the browser they are the page's own
//! `Math`, which is already there: Rust's libm versions of sine, cosine, power and logarithm
//! cost about 7 KB of wasm. Natively they are std's.

#[cfg(target_arch = "wasm32")]
pub use js_sys::Math::{cos, log10, pow, sin};

#[cfg(not(target_arch = "wasm32"))]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn cos(x: f64) -> f64 {
    x.cos()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn pow(base: f64, exponent: f64) -> f64 {
    base.powf(exponent)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn log10(x: f64) -> f64 {
    x.log10()
}
