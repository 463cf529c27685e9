//! Event listeners, observers and animation frames owned by an instance and released when it
//! is dropped, so that `destroy()` leaves nothing behind.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, EventTarget};

/// How a listener listens.
#[derive(Debug, Clone, Copy)]
pub struct ListenerOptions {
    /// A passive listener cannot block scrolling (and cannot prevent the default action).
    pub passive: bool,
    /// A capture listener sees an event before the page's own listeners do.
    pub capture: bool,
}

/// One listener on one target; removed from the target when dropped.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Adds `handler` as a listener for `kind` on `target`.
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        how: ListenerOptions,
        handler: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Listener, JsValue> {
        let closure = Closure::wrap(Box::new(handler) as Box<dyn FnMut(web_sys::Event)>);
        let options = AddEventListenerOptions::new();
        options.set_passive(how.passive);
        options.set_capture(how.capture);
        target.add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            closure.as_ref().unchecked_ref(),
            &options,
        )?;
        Ok(Listener { target: target.clone(), kind, capture: how.capture, closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Removing a listener that is already gone is harmless; nothing to report.
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.closure.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// A ResizeObserver watching one element; disconnected when dropped.
pub struct Resize {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut(js_sys::Array)>,
}

impl Resize {
    pub fn new(target: &web_sys::Element, handler: impl FnMut(js_sys::Array) + 'static) -> Result<Resize, JsValue> {
        let closure = Closure::wrap(Box::new(handler) as Box<dyn FnMut(js_sys::Array)>);
        let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref())?;
        observer.observe(target);
        Ok(Resize { observer, _closure: closure })
    }
}

impl Drop for Resize {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A pending animation frame; cancelled when dropped.
pub struct Frame {
    handle: i32,
    _closure: Closure<dyn FnMut(f64)>,
}

impl Frame {
    pub fn request(handler: impl FnOnce(f64) + 'static) -> Result<Frame, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let mut handler = Some(handler);
        let closure = Closure::wrap(Box::new(move |time: f64| {
            if let Some(handler) = handler.take() {
                handler(time);
            }
        }) as Box<dyn FnMut(f64)>);
        let handle = window.request_animation_frame(closure.as_ref().unchecked_ref())?;
        Ok(Frame { handle, _closure: closure })
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.cancel_animation_frame(self.handle);
        }
    }
}

/// A pending timeout; cleared when dropped.
pub struct Timeout {
    handle: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Timeout {
    pub fn new(ms: i32, handler: impl FnOnce() + 'static) -> Result<Timeout, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let mut handler = Some(handler);
        let closure = Closure::wrap(Box::new(move || {
            if let Some(handler) = handler.take() {
                handler();
            }
        }) as Box<dyn FnMut()>);
        let handle = window.set_timeout_with_callback_and_timeout_and_arguments_0(closure.as_ref().unchecked_ref(), ms)?;
        Ok(Timeout { handle, _closure: closure })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// The page's `requestIdleCallback`; missing in WebKit (Safari, every iOS browser), where
    /// the call throws and [`Idle`] falls back to a timeout.
    #[wasm_bindgen(js_name = requestIdleCallback, catch)]
    fn request_idle_callback(callback: &js_sys::Function, options: &JsValue) -> Result<u32, JsValue>;
    #[wasm_bindgen(js_name = cancelIdleCallback)]
    fn cancel_idle_callback(handle: u32);
}

/// How a pending [`Idle`] task was scheduled, so that it is cancelled the same way.
enum IdleHandle {
    Idle(u32),
    Timeout(i32),
}

/// Work for when the page is idle: an idle callback that runs within `deadline` ms at the
/// latest, or, where the browser has none, a timeout of `fallback` ms. Cancelled when dropped.
pub struct Idle {
    handle: IdleHandle,
    _closure: Closure<dyn FnMut()>,
}

impl Idle {
    pub fn new(deadline: u32, fallback: i32, handler: impl FnOnce() + 'static) -> Result<Idle, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let mut handler = Some(handler);
        let closure = Closure::wrap(Box::new(move || {
            if let Some(handler) = handler.take() {
                handler();
            }
        }) as Box<dyn FnMut()>);
        let function: &js_sys::Function = closure.as_ref().unchecked_ref();
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"timeout".into(), &deadline.into())?;
        let handle = match request_idle_callback(function, &options) {
            Ok(handle) => IdleHandle::Idle(handle),
            Err(_) => IdleHandle::Timeout(window.set_timeout_with_callback_and_timeout_and_arguments_0(function, fallback)?),
        };
        Ok(Idle { handle, _closure: closure })
    }
}

impl Drop for Idle {
    fn drop(&mut self) {
        match self.handle {
            IdleHandle::Idle(handle) => cancel_idle_callback(handle),
            IdleHandle::Timeout(handle) => {
                if let Some(window) = web_sys::window() {
                    window.clear_timeout_with_handle(handle);
                }
            }
        }
    }
}
