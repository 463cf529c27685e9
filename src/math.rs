//! The few transcendental functions the core needs. In the browser they are the page's own
//! `Math`, which is already there, so Rust's libm versions of sine, cosine, power and logarithm
//! need not be compiled into the wasm (what that saves is measured in the README's performance
//! notes, not here, where a number would drift). Natively they are std's.

#[cfg(target_arch = "wasm32")]
pub use js_sys::Math::{cos, log10, pow, sin};

/// The sine of `x` radians.
#[cfg(not(target_arch = "wasm32"))]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

/// The cosine of `x` radians.
#[cfg(not(target_arch = "wasm32"))]
pub fn cos(x: f64) -> f64 {
    x.cos()
}

/// `base` to the power `exponent`.
#[cfg(not(target_arch = "wasm32"))]
pub fn pow(base: f64, exponent: f64) -> f64 {
    base.powf(exponent)
}

/// The base-10 logarithm of `x`.
#[cfg(not(target_arch = "wasm32"))]
pub fn log10(x: f64) -> f64 {
    x.log10()
}
