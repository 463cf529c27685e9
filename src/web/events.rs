//! The browser events the infographic listens to, one `install_*` function per family, all
//! through [`add_event_listener`], which does the upgrade of the weak handle, the borrow and
//! the downcast in one place. Every listener is returned to the handle, which drops (and so
//! removes) them on `destroy()`.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Event, EventTarget, HtmlCanvasElement, KeyboardEvent, MediaQueryList, PointerEvent, Window};

use super::app_runner::{with_runner, AppRunner, Shared};
use super::listeners::{Listener, ListenerOptions, Resize};

/// Cannot delay scrolling; the default for everything we only observe.
const PASSIVE: ListenerOptions = ListenerOptions { passive: true, capture: false };
/// Sees the event before the page's listeners can stop it.
const PASSIVE_CAPTURE: ListenerOptions = ListenerOptions { passive: true, capture: true };
/// May prevent the default action (the arrow keys' scrolling).
const ACTIVE: ListenerOptions = ListenerOptions { passive: false, capture: false };

/// Listens for `name` on `target`, handing `handler` the event as an `E` and the runner,
/// borrowed. An event of another type, or one that arrives after the runner is gone or while
/// it draws, is dropped.
fn add_event_listener<E: JsCast>(
    runner: &Shared,
    target: &EventTarget,
    name: &'static str,
    how: ListenerOptions,
    mut handler: impl FnMut(E, &mut AppRunner) -> Result<(), JsValue> + 'static,
) -> Result<Listener, JsValue> {
    let weak = Rc::downgrade(runner);
    Listener::new(target, name, how, move |event: Event| {
        if let Ok(event) = event.dyn_into::<E>() {
            with_runner(&weak, |runner| handler(event, runner));
        }
    })
}

/// Every listener and observer of one canvas.
pub fn install(runner: &Shared, canvas: &HtmlCanvasElement) -> Result<(Vec<Listener>, Option<Resize>), JsValue> {
    let mut listeners = Vec::new();
    install_pointer(runner, canvas, &mut listeners)?;
    install_keyboard(runner, canvas, &mut listeners)?;
    if let Some(window) = web_sys::window() {
        if let Some(document) = window.document() {
            install_dismissal(runner, &window, &document, &mut listeners)?;
        }
        install_color_scheme(runner, &window, &mut listeners)?;
        // A zoom also fires a window resize; see [`watch_ratio`] for the ratio's other changes.
        listeners.push(add_event_listener(runner, &window, "resize", PASSIVE, |_: Event, runner| runner.refresh(false))?);
    }
    // A ResizeObserver is missing only in old browsers: they still draw, at the first width.
    let weak = Rc::downgrade(runner);
    let resize = Resize::new(canvas, move |_| with_runner(&weak, |runner| runner.refresh(false))).ok();
    runner.borrow_mut().watch_ratio()?;
    Ok((listeners, resize))
}

thread_local! {
    /// The media queries asked so far, by their text: a MediaQueryList's `matches` is live, so
    /// one list serves every mount (each mount asked for three new ones, 2% of its time).
    static QUERIES: std::cell::RefCell<Vec<(String, MediaQueryList)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The page's MediaQueryList for `query`, made once.
pub(super) fn media(window: &Window, query: &str) -> Option<MediaQueryList> {
    QUERIES.with(|queries| {
        let mut queries = queries.borrow_mut();
        if let Some((_, list)) = queries.iter().find(|(text, _)| text == query) {
            return Some(list.clone());
        }
        let list = window.match_media(query).ok().flatten()?;
        queries.push((query.to_string(), list.clone()));
        Some(list)
    })
}

/// A listener that redraws when the device pixel ratio stops being `ratio`: moving the window
/// to another screen, and some zooms, change it without a window resize (so does Chromium's
/// emulation of a phone), and only a `(resolution: …dppx)` query that stops matching says so.
/// A query matches one ratio, so the runner watches anew for each ratio it draws at.
pub(super) fn watch_ratio(runner: &Shared, window: &Window, ratio: f64) -> Result<Option<Listener>, JsValue> {
    // The ratio is written by JavaScript's Number, which keeps core's float formatting out.
    let dppx = String::from(js_sys::Number::from(ratio).to_string_with_radix(10)?);
    let Some(query) = media(window, &["(resolution: ", &dppx, "dppx)"].concat()) else { return Ok(None) };
    let listener = add_event_listener(runner, &query, "change", PASSIVE, |_: Event, runner| {
        runner.watch_ratio()?;
        runner.refresh(false)
    })?;
    Ok(Some(listener))
}

/// Hover with a mouse, tap with a finger or a pen.
fn install_pointer(runner: &Shared, canvas: &HtmlCanvasElement, listeners: &mut Vec<Listener>) -> Result<(), JsValue> {
    let at = |event: &PointerEvent| (f64::from(event.client_x()), f64::from(event.client_y()));
    listeners.push(add_event_listener(runner, canvas, "pointermove", PASSIVE, move |event: PointerEvent, runner| {
        if event.pointer_type() != "mouse" {
            return Ok(());
        }
        let (x, y) = at(&event);
        runner.point(x, y, false)
    })?);
    listeners.push(add_event_listener(runner, canvas, "pointerdown", PASSIVE, move |event: PointerEvent, runner| {
        let (x, y) = at(&event);
        // A second tap of a finger on a mark hides its tooltip; a mouse press does not, since
        // the pointer's move onto the mark has just shown it (WebKitGTK delivers WebDriver's
        // taps, touch ones included, as a mouse's move then press: each tap hid the tooltip).
        runner.point(x, y, event.pointer_type() != "mouse")
    })?);
    listeners.push(add_event_listener(runner, canvas, "pointerleave", PASSIVE, |event: PointerEvent, runner| {
        if event.pointer_type() == "mouse" {
            runner.dismiss()?;
        }
        Ok(())
    })?);
    Ok(())
}

/// The arrows, Home, End and Escape on the focused canvas; losing focus dismisses.
fn install_keyboard(runner: &Shared, canvas: &HtmlCanvasElement, listeners: &mut Vec<Listener>) -> Result<(), JsValue> {
    listeners.push(add_event_listener(runner, canvas, "keydown", ACTIVE, |event: KeyboardEvent, runner| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return Ok(());
        }
        let key = event.key();
        if !matches!(key.as_str(), "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home" | "End" | "Escape") {
            return Ok(());
        }
        event.prevent_default();
        runner.key(&key)
    })?);
    listeners.push(add_event_listener(runner, canvas, "blur", PASSIVE, |_: Event, runner| runner.dismiss())?);
    Ok(())
}

/// A tap anywhere else, a scroll or the tab going away dismisses the tooltip: tooltips that
/// stick on phones are the commonest complaint about chart libraries.
fn install_dismissal(runner: &Shared, window: &Window, document: &Document, listeners: &mut Vec<Listener>) -> Result<(), JsValue> {
    listeners.push(add_event_listener(runner, document, "pointerdown", PASSIVE_CAPTURE, |event: Event, runner| {
        let inside = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|node| runner.canvas.contains(Some(&node)));
        if inside {
            return Ok(());
        }
        runner.dismiss()
    })?);
    for name in ["scroll", "blur"] {
        listeners.push(add_event_listener(runner, window, name, PASSIVE_CAPTURE, |_: Event, runner| {
            // Our own keyboard scrolling keeps the tooltip it scrolls to.
            if runner.now() < runner.own_scroll_until {
                return Ok(());
            }
            runner.hide_tooltip()
        })?);
    }
    Ok(())
}

/// Follows the reader's light or dark setting while the page is open.
fn install_color_scheme(runner: &Shared, window: &Window, listeners: &mut Vec<Listener>) -> Result<(), JsValue> {
    let Some(query) = media(window, "(prefers-color-scheme: dark)") else { return Ok(()) };
    let target = query.clone();
    listeners.push(add_event_listener(runner, &query, "change", PASSIVE, move |_: Event, runner| {
        runner.dark = target.matches();
        runner.refresh(false)
    })?);
    Ok(())
}
