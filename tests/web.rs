//! Browser tests (wasm-bindgen-test, headless Chrome and Firefox): what only a browser has.
//! The layout itself is tested natively beside the code.
#![cfg(target_arch = "wasm32")]

use district_infographic::report::Report;
use district_infographic::web::{validate_report, Infographic};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, KeyboardEvent, KeyboardEventInit, PointerEvent, PointerEventInit};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, Deserialize)]
struct Item {
    id: String,
    section: String,
    label: String,
    unit: String,
    value: f64,
    text: String,
    comparison: Option<String>,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

#[derive(Debug, Deserialize)]
struct Label {
    text: String,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

/// A canvas in the page, `width` CSS pixels wide.
fn canvas(width: f64) -> HtmlCanvasElement {
    let document = document();
    let holder: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    holder.style().set_property("width", &format!("{width}px")).unwrap();
    document.body().unwrap().append_child(&holder).unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    holder.append_child(&canvas).unwrap();
    canvas
}

/// The tiles the picture is painted on: the canvases of the strip just before the page's canvas,
/// top to bottom (the page's canvas lies over them, transparent).
fn tiles(canvas: &HtmlCanvasElement) -> Vec<HtmlCanvasElement> {
    let strip = canvas.previous_element_sibling().expect("the strip of tiles before the canvas");
    let children = strip.children();
    (0..children.length()).map(|i| children.item(i).unwrap().dyn_into().unwrap()).collect()
}

/// The picture's width and height in device pixels, over all its tiles.
fn picture_size(canvas: &HtmlCanvasElement) -> (u32, u32) {
    let tiles = tiles(canvas);
    (tiles.first().map_or(0, |t| t.width()), tiles.iter().map(|t| t.height()).sum())
}

/// The RGBA bytes of the picture's device rows from `top`, `rows` of them, read across its tiles.
fn pixels(canvas: &HtmlCanvasElement, top: u32, rows: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut tile_top = 0;
    for tile in tiles(canvas) {
        let (from, to) = (top.max(tile_top), (top + rows).min(tile_top + tile.height()));
        if from < to {
            let context: CanvasRenderingContext2d = tile.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
            bytes.extend(context.get_image_data(0.0, f64::from(from - tile_top), f64::from(tile.width()), f64::from(to - from)).unwrap().data().0);
        }
        tile_top += tile.height();
    }
    bytes
}

/// The whole picture's RGBA bytes.
fn picture(canvas: &HtmlCanvasElement) -> Vec<u8> {
    pixels(canvas, 0, picture_size(canvas).1)
}

/// Waits `n` animation frames: a ResizeObserver reports after layout.
async fn next_frames(n: usize) {
    for _ in 0..n {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    }
}

/// Waits until every row of the picture is painted: a paint draws the rows in view at once and
/// the others afterwards, a few milliseconds a frame (at most 4 ms of drawing a frame: forty
/// frames and two and a half seconds are more than any report here needs, in every engine).
async fn painted_whole() {
    let start = js_sys::Date::now();
    let mut frames = 0;
    while frames < 40 || js_sys::Date::now() - start < 2500.0 {
        next_frames(1).await;
        frames += 1;
    }
}

/// Waits (at most two seconds) until `ready()` holds: for what the component writes once the
/// page is idle after a paint, such as the fallback table.
async fn until(what: &str, ready: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !ready() {
        assert!(js_sys::Date::now() - start < 2000.0, "{what} never came");
        next_frames(1).await;
    }
}

/// How many pixels of `shown` (RGBA bytes, as `read` gives them) differ from what a full
/// `render()` then draws.
async fn off_a_full_repaint(infographic: &mut Infographic, shown: &[u8], read: impl Fn() -> Vec<u8>) -> usize {
    infographic.render().unwrap();
    painted_whole().await;
    shown.chunks(4).zip(read().chunks(4)).filter(|(a, b)| a != b).count()
}

/// The report the page loads, parsed by the browser (the wasm has none built in).
fn default_report() -> JsValue {
    js_sys::JSON::parse(district_infographic::report::DEFAULT_REPORT_JSON).unwrap()
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn mount(width: f64, extra: &str) -> (HtmlCanvasElement, Infographic) {
    let canvas = canvas(width);
    let mut infographic = Infographic::new(canvas.clone(), default_report(), options(&format!("{{\"animate\": false{extra}}}"))).expect("mounts");
    infographic.render().expect("renders");
    (canvas, infographic)
}

fn items(infographic: &Infographic) -> Vec<Item> {
    serde_wasm_bindgen::from_value(infographic.items().unwrap()).unwrap()
}

fn error_message(result: Result<Infographic, JsValue>) -> String {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => {
            let error: js_sys::Error = e.dyn_into().expect("a JS Error, not a panic");
            String::from(error.message())
        }
    }
}

#[wasm_bindgen_test]
fn draws_every_figure_of_the_report_with_its_unit() {
    let (canvas, mut infographic) = mount(390.0, "");
    let items = items(&infographic);
    let report = Report::default_report().unwrap();
    for section in report.valid_sections() {
        for figure in &section.figures {
            let item = items.iter().find(|i| i.id == figure.id).unwrap_or_else(|| panic!("no item {}", figure.id));
            assert_eq!((item.value, item.unit.as_str(), item.section.as_str()), (figure.value, figure.unit.as_str(), section.id.as_str()));
            assert!(item.x >= 0.0 && item.x + item.width <= 390.5 && item.height > 0.0, "{item:?}");
        }
    }
    let air = items.iter().find(|i| i.id == "good-air-days").unwrap();
    assert_eq!((air.text.as_str(), air.comparison.as_deref()), ("85天", Some("同比+23天")));
    // Not a blank canvas: many pixels differ from the background.
    let data = pixels(&canvas, 0, 600);
    let background = [data[0], data[1], data[2]];
    let differing = data.chunks(4).filter(|p| [p[0], p[1], p[2]] != background).count();
    assert!(differing > 10_000, "only {differing} drawn pixels");
    infographic.destroy();
}

#[wasm_bindgen_test]
fn the_backing_store_matches_the_pixel_ratio() {
    for ratio in [1.0f64, 2.0, 2.75, 3.0] {
        let (canvas, mut infographic) = mount(390.0, &format!(", \"pixelRatio\": {ratio}"));
        let css_height: f64 = canvas.style().get_property_value("height").unwrap().trim_end_matches("px").parse().unwrap();
        let (width, height) = picture_size(&canvas);
        assert_eq!(width, (390.0 * ratio).round() as u32, "ratio {ratio}");
        assert_eq!(height, (css_height * ratio).round() as u32, "ratio {ratio}");
        assert_eq!(canvas.get_bounding_client_rect().width(), 390.0);
        // The tiles lie under the canvas' box, row for row: none over 512 CSS pixels, no gap
        // (within a layout unit: Firefox's is 1/60 px, Chrome's 1/64).
        let strip = canvas.previous_element_sibling().unwrap().get_bounding_client_rect();
        let rect = canvas.get_bounding_client_rect();
        assert_eq!((strip.top(), strip.height(), strip.width()), (rect.top(), rect.height(), rect.width()), "ratio {ratio}");
        let tiles = tiles(&canvas);
        let mut bottom = rect.top();
        for tile in &tiles {
            let box_ = tile.get_bounding_client_rect();
            assert!((box_.top() - bottom).abs() < 0.05 && box_.height() <= 512.05, "ratio {ratio}: a tile at {} to {}", box_.top(), box_.bottom());
            bottom = box_.bottom();
        }
        assert!((bottom - rect.top() - css_height).abs() < 0.5, "ratio {ratio}: the tiles end at {bottom}");
        infographic.destroy();
    }
}

#[wasm_bindgen_test]
fn a_bad_report_throws_an_error_naming_the_field() {
    let bad = options(r#"{"title": "T", "period": "P", "source": "S", "sections": [
        {"id": "s", "kind": "bars", "title": "t", "figures": [{"id": "a", "label": "x", "value": "abc", "unit": "个"}]}]}"#);
    let message = error_message(Infographic::new(canvas(390.0), bad, options(r#"{"locale": "en"}"#)));
    assert!(message.contains("sections[0].figures[0].value: expected a number, got \"abc\""), "{message}");
    let message = error_message(Infographic::new(canvas(390.0), options("[1, 2]"), JsValue::UNDEFINED));
    assert!(message.contains("应为对象"), "{message}");
    let message = error_message(Infographic::new(canvas(390.0), default_report(), options(r#"{"locale": "fr"}"#)));
    assert!(message.contains("options.locale"), "{message}");
    let message = error_message(Infographic::new(canvas(390.0), JsValue::UNDEFINED, options(r#"{"locale": "en"}"#)));
    assert!(message.contains("report: expected a report object"), "{message}");
    // In the options' language, Chinese when they name none.
    let message = error_message(Infographic::new(canvas(390.0), JsValue::UNDEFINED, JsValue::UNDEFINED));
    assert!(message.starts_with("report: 应为报告对象"), "{message}");
    // The module keeps working after an error.
    let (_, mut infographic) = mount(390.0, "");
    assert!(!items(&infographic).is_empty());
    infographic.destroy();
}

#[wasm_bindgen_test]
fn validate_report_lists_every_problem_with_its_path() {
    #[derive(Deserialize)]
    struct Found {
        path: String,
    }
    let found: Vec<Found> = serde_wasm_bindgen::from_value(validate_report(default_report(), None).unwrap()).unwrap();
    assert!(found.is_empty());
    let bad = options(r#"{"title": "T", "period": "P", "source": "S", "sections": [{"id": "s", "kind": "pie", "title": "t", "figures": [{"id": "a", "label": "", "value": 1, "unit": "个"}]}]}"#);
    let found: Vec<Found> = serde_wasm_bindgen::from_value(validate_report(bad, Some("en".into())).unwrap()).unwrap();
    let paths: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, vec!["sections[0].kind", "sections[0].figures[0].label"]);
    // A unit English cannot write is a warning: the report still draws.
    let unknown = options(r#"{"title": "T", "period": "P", "source": "S", "sections": [{"id": "s", "kind": "stats", "title": "t", "figures": [{"id": "a", "label": "a", "value": 1, "unit": "标方"}]}]}"#);
    let found: Vec<Leveled> = serde_wasm_bindgen::from_value(validate_report(unknown, Some("en".into())).unwrap()).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].path.as_str(), found[0].level.as_str()), ("sections[0].figures[0].unit_en", "warning"));
    assert!(found[0].message.contains("unit_en"), "{}", found[0].message);
}

#[derive(Deserialize)]
struct Leveled {
    path: String,
    message: String,
    level: String,
}

fn tooltip_for(canvas: &HtmlCanvasElement) -> HtmlElement {
    let selector = format!("[data-infographic-tooltip=\"{}\"]", canvas.id());
    document().query_selector(&selector).unwrap().expect("tooltip").dyn_into().unwrap()
}

fn live_for(canvas: &HtmlCanvasElement) -> HtmlElement {
    let selector = format!("[data-infographic-live=\"{}\"]", canvas.id());
    document().query_selector(&selector).unwrap().expect("live region").dyn_into().unwrap()
}

fn pointer(canvas: &HtmlCanvasElement, kind: &str, pointer_type: &str, x: f64, y: f64) {
    let rect = canvas.get_bounding_client_rect();
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_pointer_type(pointer_type);
    init.set_client_x((rect.left() + x).round() as i32);
    init.set_client_y((rect.top() + y).round() as i32);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    canvas.dispatch_event(&event).unwrap();
}

/// The mark whose tooltip `canvas` shows, if any (the tooltip is made when first needed).
fn shown(canvas: &HtmlCanvasElement) -> Option<String> {
    let selector = format!("[data-infographic-tooltip=\"{}\"]", canvas.id());
    let tip: HtmlElement = document().query_selector(&selector).unwrap()?.dyn_into().unwrap();
    (tip.style().get_property_value("display").unwrap() != "none").then(|| tip.get_attribute("data-item").unwrap_or_default())
}

#[wasm_bindgen_test]
fn a_touch_or_a_hover_at_each_mark_shows_its_tooltip() {
    let (canvas, mut infographic) = mount(390.0, "");
    for item in items(&infographic) {
        // Bring the mark into the viewport, as a reader scrolling to it would.
        web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, canvas.get_bounding_client_rect().top() + web_sys::window().unwrap().scroll_y().unwrap() + item.y - 200.0);
        let (x, y) = (item.x + item.width / 2.0, item.y + item.height / 2.0);
        pointer(&canvas, "pointerdown", "touch", x, y);
        assert_eq!(shown(&canvas).as_deref(), Some(item.id.as_str()), "touch at the centre of {}", item.id);
        let tip = tooltip_for(&canvas);
        // Exactly this mark's lines: nothing left over from the mark before.
        let lines = format!("{}{}{}", item.label, item.text, item.comparison.as_deref().unwrap_or(""));
        assert_eq!(tip.text_content().unwrap_or_default(), lines, "{}", item.id);
        let box_ = tip.get_bounding_client_rect();
        let view_width = web_sys::window().unwrap().inner_width().unwrap().as_f64().unwrap();
        assert!(box_.left() >= 0.0 && box_.right() <= view_width, "tooltip inside the viewport for {}", item.id);
        pointer(&canvas, "pointermove", "mouse", x, y);
        assert_eq!(shown(&canvas).as_deref(), Some(item.id.as_str()), "hover at the centre of {}", item.id);
        // A mouse's press where its move has just shown the tooltip keeps it (WebKitGTK gives
        // every WebDriver tap as a mouse's move then press).
        pointer(&canvas, "pointerdown", "mouse", x, y);
        assert_eq!(shown(&canvas).as_deref(), Some(item.id.as_str()), "mouse press at the centre of {}", item.id);
    }
    // A tap elsewhere on the page dismisses it.
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    document().body().unwrap().dispatch_event(&PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap()).unwrap();
    assert_eq!(shown(&canvas), None);
    infographic.destroy();
    assert!(document().query_selector(&format!("[data-infographic-tooltip=\"{}\"]", canvas.id())).unwrap().is_none(), "destroy removes the tooltip");
}

fn key(canvas: &HtmlCanvasElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    canvas.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
fn the_keyboard_steps_through_every_mark_and_announces_it() {
    let (canvas, mut infographic) = mount(1280.0, "");
    assert_eq!(canvas.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(canvas.get_attribute("aria-label").unwrap_or_default().contains("中原区"));
    let items = items(&infographic);
    for item in &items {
        key(&canvas, "ArrowRight");
        let live = live_for(&canvas);
        assert_eq!(shown(&canvas).as_deref(), Some(item.id.as_str()));
        let said = live.text_content().unwrap_or_default();
        assert!(said.contains(&item.text), "announced {said:?} for {}", item.id);
    }
    key(&canvas, "ArrowRight");
    assert_eq!(shown(&canvas).as_deref(), Some(items.last().unwrap().id.as_str()), "stops at the last mark");
    key(&canvas, "Home");
    assert_eq!(shown(&canvas).as_deref(), Some(items[0].id.as_str()));
    key(&canvas, "Escape");
    assert_eq!(shown(&canvas), None);
    infographic.destroy();
}

#[wasm_bindgen_test]
async fn the_fallback_table_holds_every_figure() {
    let (canvas, mut infographic) = mount(390.0, "");
    let items = items(&infographic);
    // Written once the page is idle after the first paint.
    until("the fallback table", || canvas.query_selector("table").unwrap().is_some()).await;
    let rows = canvas.query_selector_all("table tbody tr").unwrap();
    assert_eq!(rows.length() as usize, items.len());
    let text = canvas.text_content().unwrap_or_default();
    for item in &items {
        assert!(text.contains(&item.text), "table lacks {}", item.text);
    }
    let summary = canvas.query_selector("p").unwrap().unwrap().text_content().unwrap();
    assert!(summary.starts_with("中原区2020年上半年成绩单"), "{summary}");
    assert_eq!(canvas.get_attribute("aria-describedby"), canvas.query_selector("p").unwrap().map(|p| p.id()));
    infographic.destroy();
}

#[wasm_bindgen_test]
fn no_two_labels_overlap_at_phone_tablet_and_desktop_widths() {
    for width in [320.0, 390.0, 768.0, 1440.0] {
        for locale in ["zh", "en"] {
            let (_, mut infographic) = mount(width, &format!(", \"locale\": \"{locale}\""));
            let labels: Vec<Label> = serde_wasm_bindgen::from_value(infographic.labels().unwrap()).unwrap();
            assert!(labels.len() > 100);
            for (i, a) in labels.iter().enumerate() {
                assert!(a.x >= 0.0 && a.x + a.width <= width + 0.5, "{width}px {locale}: {:?} leaves the canvas", a.text);
                for b in &labels[i + 1..] {
                    let apart = a.x + a.width <= b.x + 0.01 || b.x + b.width <= a.x + 0.01 || a.y + a.height <= b.y + 0.01 || b.y + b.height <= a.y + 0.01;
                    assert!(apart, "{width}px {locale}: {:?} overlaps {:?}", a.text, b.text);
                }
            }
            infographic.destroy();
        }
    }
}

#[wasm_bindgen_test]
fn a_destroyed_instance_says_so() {
    let (canvas, mut infographic) = mount(390.0, ", \"locale\": \"en\"");
    infographic.destroy();
    // The canvas is back in the flow as the page had it: no strip before it, none of the
    // styles that laid it over the strip.
    assert!(canvas.previous_element_sibling().map_or(true, |e| e.tag_name() != "DIV" || e.get_attribute("aria-hidden").is_none()), "the strip is gone");
    for name in ["margin-top", "position", "height", "display"] {
        assert_eq!(canvas.style().get_property_value(name).unwrap(), "", "{name} after destroy()");
    }
    let error: js_sys::Error = infographic.render().unwrap_err().dyn_into().unwrap();
    assert_eq!(String::from(error.message()), "render(): this infographic was destroyed");
    // In Chinese for a Chinese reader, and a second destroy() does nothing.
    let (_, mut infographic) = mount(390.0, "");
    infographic.destroy();
    infographic.destroy();
    let error: js_sys::Error = infographic.items().unwrap_err().dyn_into().unwrap();
    assert_eq!(String::from(error.message()), "items(): 此信息图已销毁,不能再使用");
}

/// Counts listeners added minus removed on every EventTarget from now on.
fn count_listeners() -> js_sys::Function {
    let install = js_sys::Function::new_no_args(
        "const p = EventTarget.prototype;
         if (!p.__counted) {
           p.__counted = true; globalThis.__listeners = 0;
           const add = p.addEventListener, remove = p.removeEventListener;
           const seen = new WeakMap();
           p.addEventListener = function (type, f, o) {
             const key = type + (typeof o === 'object' ? !!o.capture : !!o);
             let set = seen.get(this); if (!set) { set = new Map(); seen.set(this, set); }
             let fs = set.get(key); if (!fs) { fs = new Set(); set.set(key, fs); }
             if (!fs.has(f)) { fs.add(f); globalThis.__listeners++; }
             return add.call(this, type, f, o);
           };
           p.removeEventListener = function (type, f, o) {
             const key = type + (typeof o === 'object' ? !!o.capture : !!o);
             const fs = seen.get(this)?.get(key);
             if (fs?.delete(f)) globalThis.__listeners--;
             return remove.call(this, type, f, o);
           };
         }
         return () => globalThis.__listeners;",
    );
    install.call0(&JsValue::NULL).unwrap().dyn_into().unwrap()
}

fn wasm_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    let buffer: js_sys::ArrayBuffer = memory.buffer().dyn_into().unwrap();
    f64::from(buffer.byte_length())
}

fn small_report() -> JsValue {
    options(r#"{"title": "T", "period": "P", "source": "S", "sections": [
        {"id": "s", "kind": "bars", "title": "t", "figures": [{"id": "a", "label": "甲", "value": 3, "unit": "个"}, {"id": "b", "label": "乙", "value": 5, "unit": "个"}]},
        {"id": "r", "kind": "ring", "title": "r", "figures": [{"id": "c", "label": "丙", "value": 30, "unit": "%"}]}]}"#)
}

#[wasm_bindgen_test]
fn a_thousand_mounts_and_resizes_leave_memory_and_listeners_flat() {
    let listeners = count_listeners();
    let count = || listeners.call0(&JsValue::NULL).unwrap().as_f64().unwrap();
    let canvas = canvas(390.0);
    let holder: HtmlElement = canvas.parent_element().unwrap().dyn_into().unwrap();
    let cycle = |n: usize| {
        for _ in 0..n {
            let mut infographic = Infographic::new(canvas.clone(), small_report(), options("{\"animate\": false}")).unwrap();
            infographic.render().unwrap();
            infographic.destroy();
        }
    };
    cycle(50);
    let (memory, before) = (wasm_memory_bytes(), count());
    cycle(1000);
    assert_eq!(count(), before, "listeners left behind by mount/destroy");
    assert_eq!(wasm_memory_bytes(), memory, "wasm memory grew over 1000 mount/destroy cycles");
    let mut infographic = Infographic::new(canvas.clone(), small_report(), options("{\"animate\": false}")).unwrap();
    for i in 0..1050 {
        holder.style().set_property("width", &format!("{}px", 320 + (i % 40) * 20)).unwrap();
        infographic.render().unwrap();
        if i == 49 {
            assert_eq!(wasm_memory_bytes(), memory, "after warm-up");
        }
    }
    assert_eq!(wasm_memory_bytes(), memory, "wasm memory grew over 1000 resizes");
    infographic.destroy();
    assert_eq!(count(), before);
}

#[wasm_bindgen_test]
fn two_instances_on_one_page_do_not_interfere() {
    let (first, mut one) = mount(390.0, "");
    let second = canvas(390.0);
    let mut two = Infographic::new(second.clone(), small_report(), options("{\"animate\": false}")).unwrap();
    two.render().unwrap();
    let a = items(&two).into_iter().next().unwrap();
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, second.get_bounding_client_rect().top() + web_sys::window().unwrap().scroll_y().unwrap() - 100.0);
    pointer(&second, "pointermove", "mouse", a.x + a.width / 2.0, a.y + a.height / 2.0);
    assert_eq!(shown(&second).as_deref(), Some("a"));
    assert_eq!(shown(&first), None, "the other instance's tooltip stays hidden");
    one.destroy();
    key(&second, "End");
    assert_eq!(shown(&second).as_deref(), Some("c"), "still works after the other is destroyed");
    assert_eq!(items(&two).len(), 3);
    two.destroy();
}

#[wasm_bindgen_test]
async fn a_resize_of_the_container_redraws_at_the_new_width() {
    let (canvas, mut infographic) = mount(390.0, ", \"pixelRatio\": 2");
    let columns = |items: &[Item]| {
        let mut xs: Vec<i64> = items.iter().map(|i| i.x.round() as i64).collect();
        xs.sort_unstable();
        xs.dedup();
        xs.len()
    };
    let narrow = items(&infographic);
    let holder: HtmlElement = canvas.parent_element().unwrap().dyn_into().unwrap();
    holder.style().set_property("width", "1280px").unwrap();
    next_frames(2).await;
    assert_eq!(picture_size(&canvas).0, 2560, "the backing store follows the new width");
    let wide = items(&infographic);
    assert!(columns(&wide) > columns(&narrow), "the grid reflows into columns");
    infographic.destroy();
}

#[wasm_bindgen_test]
fn the_fast_backend_draws_what_plotters_canvas_draws() {
    use district_infographic::draw::{draw, DrawOptions, WEB_FONTS};
    use district_infographic::layout::layout_simple;
    use district_infographic::web::backend::Canvas2d;
    use district_infographic::{Locale, Theme, ThemeName};
    let report = Report::default_report().unwrap();
    let scene = layout_simple(&report, 390.0, Locale::Zh);
    let options = DrawOptions { scale: 2.0, font: WEB_FONTS, highlight: Some(3), focus: Theme::get(ThemeName::Light).focus, background: true };
    let (width, height) = ((scene.width * 2.0) as u32, (scene.height * 2.0) as u32);
    let pixels = |fast: bool| {
        let canvas: HtmlCanvasElement = document().create_element("canvas").unwrap().dyn_into().unwrap();
        canvas.set_width(width);
        canvas.set_height(height);
        let context: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        if fast {
            draw(&scene, &mut Canvas2d::new(context.clone(), width, height), &options).unwrap();
        } else {
            draw(&scene, &mut plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()).unwrap(), &options).unwrap();
        }
        context.get_image_data(0.0, 0.0, f64::from(width), f64::from(height)).unwrap().data().0
    };
    let (fast, reference) = (pixels(true), pixels(false));
    let differing = fast.chunks(4).zip(reference.chunks(4)).filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 48)).count();
    let total = fast.len() / 4;
    assert!(differing * 200 < total, "{differing} of {total} pixels differ from plotters-canvas");
}

#[wasm_bindgen_test]
async fn the_rows_painted_after_the_first_paint_make_the_same_picture_as_one_paint() {
    use district_infographic::draw::{draw, DrawOptions, WEB_FONTS};
    use district_infographic::layout::layout_simple;
    use district_infographic::web::backend::Canvas2d;
    use district_infographic::{Locale, Theme, ThemeName};
    let (canvas, mut infographic) = mount(390.0, ", \"pixelRatio\": 2, \"theme\": \"light\"");
    let (width, height) = picture_size(&canvas);
    let view = web_sys::window().unwrap().inner_height().unwrap().as_f64().unwrap();
    assert!(f64::from(height) / 2.0 > view + 400.0, "the report is taller than the viewport");
    let first = picture(&canvas);
    let rows_drawn = |pixels: &[u8]| pixels.chunks(4 * width as usize).filter(|row| row.chunks(4).any(|p| p[3] != 0)).count();
    assert!(rows_drawn(&first) < height as usize * 9 / 10, "render() paints the rows in view first, not all of them");
    painted_whole().await;
    let banded = picture(&canvas);
    // The same scene drawn in one go on canvases of the tiles' sizes (each translated to its
    // rows), so that both are rasterised alike (a GPU canvas and a canvas over the GPU's
    // largest texture set text a little differently).
    let scene = layout_simple(&Report::default_report().unwrap(), 390.0, Locale::Zh);
    let options = DrawOptions { scale: 2.0, font: WEB_FONTS, highlight: None, focus: Theme::get(ThemeName::Light).focus, background: false };
    let mut reference = Vec::new();
    let mut top = 0;
    for tile in tiles(&canvas) {
        let whole: HtmlCanvasElement = document().create_element("canvas").unwrap().dyn_into().unwrap();
        whole.set_width(width);
        whole.set_height(tile.height());
        // The language picks the CJK glyphs' regional forms.
        whole.set_attribute("lang", &canvas.get_attribute("lang").unwrap()).unwrap();
        canvas.parent_element().unwrap().append_child(&whole).unwrap();
        let context: CanvasRenderingContext2d = whole.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        context.translate(0.0, -f64::from(top)).unwrap();
        draw(&scene, &mut Canvas2d::new(context.clone(), width, height), &options).unwrap();
        reference.extend(context.get_image_data(0.0, 0.0, f64::from(width), f64::from(tile.height())).unwrap().data().0);
        top += tile.height();
        whole.remove();
    }
    // Pixel for pixel, but for a few anti-aliased edge pixels: a few levels apart on GPU
    // rasterisation, where a path under a clip is rasterised a little differently, and in
    // WebKit now and then a handful (6 of 7.4 million in one CI run) further apart. A band
    // missing, doubled or shifted by a row changes thousands of pixels.
    let pixels = banded.len() / 4;
    let apart = |a: &[u8], b: &[u8]| a.iter().zip(b.iter()).map(|(x, y)| x.abs_diff(*y)).max().unwrap_or(0);
    let differing: Vec<usize> = banded.chunks(4).zip(reference.chunks(4)).enumerate().filter(|(_, (a, b))| apart(a, b) > 12).map(|(k, _)| k).collect();
    let touched = banded.chunks(4).zip(reference.chunks(4)).filter(|(a, b)| a != b).count();
    let at: Vec<String> = differing.iter().take(8).map(|k| format!("({}, {})", k % width as usize, k / width as usize)).collect();
    // Or all on one or two neighbouring rows: WebKit sets a line of text cut by a band's edge a
    // little differently on each side (76 pixels on device row 2382 in one run here, as in the
    // fifth pass's failed CI run), which a band missing, doubled or shifted is not.
    let rows: Vec<usize> = differing.iter().map(|k| k / width as usize).collect();
    let one_line = rows.iter().max().zip(rows.iter().min()).is_some_and(|(max, min)| max - min <= 1) && differing.len() <= 2 * width as usize;
    assert!(
        (differing.len() * 100_000 < pixels || one_line) && touched * 10_000 < pixels,
        "{} pixels differ from one paint of the whole scene (at {}), {touched} by a level or more, of {pixels}",
        differing.len(),
        at.join(" ")
    );
    infographic.destroy();
}

#[wasm_bindgen_test]
async fn progressive_paints_nothing_at_once_then_the_rows_in_view_then_fires_painted() {
    let canvas = canvas(390.0);
    let fired = std::rc::Rc::new(std::cell::Cell::new(0));
    let count = fired.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || count.set(count.get() + 1));
    canvas.add_event_listener_with_callback("painted", listener.as_ref().unchecked_ref()).unwrap();
    // At a ratio of 1: reading and comparing the picture is then quick enough for the test
    // runner, whose page must answer within a few seconds.
    let options = options("{\"animate\": false, \"pixelRatio\": 1, \"progressive\": true}");
    let mut infographic = Infographic::new(canvas.clone(), default_report(), options).unwrap();
    infographic.render().unwrap();
    assert!(!items(&infographic).is_empty(), "laid out at once: items(), the keyboard and hit tests work");
    let drawn = |pixels: &[u8]| pixels.chunks(4).filter(|p| p[3] != 0).count();
    assert_eq!(drawn(&picture(&canvas)), 0, "nothing painted in render()");
    // After the microtasks that follow render() (where a paint at once would announce itself).
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await.unwrap();
    assert_eq!(fired.get(), 0, "not painted yet, not announced");
    painted_whole().await;
    assert_eq!(fired.get(), 1, "painted once, announced once");
    let sliced = picture(&canvas);
    assert!(drawn(&sliced) > 50_000, "painted: {} pixels", drawn(&sliced));
    // The same picture as a render() that paints the rows in view at once.
    let differing = off_a_full_repaint(&mut infographic, &sliced, || picture(&canvas)).await;
    assert_eq!(differing, 0, "{differing} pixels differ from a paint at once");
    assert_eq!(fired.get(), 1, "a later render() does not announce again");
    infographic.destroy();
}

#[wasm_bindgen_test]
async fn a_hover_repaints_only_what_changed_and_matches_a_full_repaint() {
    let (canvas, mut infographic) = mount(390.0, ", \"pixelRatio\": 2");
    painted_whole().await;
    let read = || picture(&canvas);
    let before = read();
    let all = items(&infographic);
    for item in [&all[0], &all[9], &all[2]] {
        web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, canvas.get_bounding_client_rect().top() + web_sys::window().unwrap().scroll_y().unwrap() + item.y - 200.0);
        pointer(&canvas, "pointermove", "mouse", item.x + item.width / 2.0, item.y + item.height / 2.0);
    }
    let hovered = read();
    assert_ne!(before, hovered, "the focus ring is drawn");
    let differing = off_a_full_repaint(&mut infographic, &hovered, read).await;
    assert!(differing * 1000 < hovered.len() / 4, "{differing} pixels differ from a full repaint");
    infographic.destroy();
}

#[wasm_bindgen_test]
async fn a_detached_or_zero_width_canvas_still_draws_and_catches_up_when_sized() {
    let detached: HtmlCanvasElement = document().create_element("canvas").unwrap().dyn_into().unwrap();
    let mut infographic = Infographic::new(detached.clone(), default_report(), options("{\"animate\": false}")).expect("mounts detached");
    infographic.render().expect("renders detached");
    assert!(!items(&infographic).is_empty(), "laid out at a phone's width");
    // Put in the page, it takes its strip of tiles along and is drawn there.
    let holder = canvas(390.0).parent_element().unwrap();
    holder.append_child(&detached).unwrap();
    next_frames(4).await;
    let (width, height) = picture_size(&detached);
    let drawn = picture(&detached).chunks(4).filter(|p| p[3] != 0).count();
    assert!(width > 0 && height > 0 && drawn > 10_000, "drawn once in the page, not blank ({width} x {height}, {drawn} pixels)");
    infographic.destroy();

    let canvas = canvas(0.0);
    let mut infographic = Infographic::new(canvas.clone(), default_report(), options("{\"animate\": false, \"pixelRatio\": 1}")).unwrap();
    infographic.render().expect("renders at zero width");
    assert!(!items(&infographic).is_empty());
    let holder: HtmlElement = canvas.parent_element().unwrap().dyn_into().unwrap();
    holder.style().set_property("width", "700px").unwrap();
    next_frames(2).await;
    assert_eq!(picture_size(&canvas).0, 700, "redrawn once the container has a width");
    infographic.destroy();
}

#[wasm_bindgen_test]
async fn the_entry_animation_repaints_what_is_in_view_and_ends_on_the_full_picture() {
    let canvas = canvas(390.0);
    let window = web_sys::window().unwrap();
    let mut infographic = Infographic::new(canvas.clone(), default_report(), options("{\"animate\": true, \"pixelRatio\": 2}")).unwrap();
    infographic.render().unwrap();
    // The canvas' top at the top of the viewport; the report runs far below it.
    window.scroll_to_with_x_and_y(0.0, canvas.get_bounding_client_rect().top() + window.scroll_y().unwrap());
    let view = window.inner_height().unwrap().as_f64().unwrap();
    let total = f64::from(picture_size(&canvas).1) / 2.0;
    assert!(total > view + 400.0, "the report is taller than the viewport");
    let band = |top: f64, height: f64| pixels(&canvas, (top * 2.0) as u32, (height * 2.0) as u32);
    let read = || band(0.0, total);
    let (in_view, below) = (band(0.0, view - 10.0), band(view + 10.0, total - view - 10.0));
    next_frames(4).await;
    // (Compared with ==, not assert_eq!: a failure must not print millions of pixels.)
    assert!(in_view != band(0.0, view - 10.0), "the marks in view grow");
    assert!(below == band(view + 10.0, total - view - 10.0), "below the viewport, nothing is repainted");
    // 750 ms of animation, then a frame or two more: the last frame paints everything. A frame
    // moves the animation on by 100 ms at most (WebKit's frames on a canvas this tall are
    // slower than that), so it takes at least eight frames.
    let start = js_sys::Date::now();
    let mut frames = 0;
    while js_sys::Date::now() - start < 1000.0 || frames < 10 {
        next_frames(1).await;
        frames += 1;
    }
    painted_whole().await;
    let animated = read();
    let differing = off_a_full_repaint(&mut infographic, &animated, read).await;
    assert!(differing * 1000 < animated.len() / 4, "{differing} pixels differ from a full repaint");
    infographic.destroy();
}

#[wasm_bindgen_test]
async fn the_tooltip_is_prepared_after_the_first_paint_and_stays_hidden() {
    let (canvas, mut infographic) = mount(390.0, "");
    assert_eq!(shown(&canvas), None);
    assert!(
        document().query_selector(&format!("[data-infographic-tooltip=\"{}\"]", canvas.id())).unwrap().is_none(),
        "nothing is made before the page has painted"
    );
    // Made 100 ms after the paint; a page a browser counts as hidden (WebKit's WebDriver session
    // on a loaded machine) may run that timer up to a second late, so this waits up to three.
    let start = js_sys::Date::now();
    let selector = format!("[data-infographic-tooltip=\"{}\"]", canvas.id());
    while document().query_selector(&selector).unwrap().is_none() && js_sys::Date::now() - start < 3000.0 {
        next_frames(1).await;
    }
    let tip = tooltip_for(&canvas);
    let first = &items(&infographic)[0];
    let text = tip.text_content().unwrap_or_default();
    assert!(text.contains(&first.text), "prepared with the first mark: {text}");
    assert_eq!(shown(&canvas), None, "and hidden");
    assert_eq!(tip.style().get_property_value("visibility").unwrap(), "visible", "ready to show");
    // A real hover then shows it as usual.
    pointer(&canvas, "pointermove", "mouse", first.x + first.width / 2.0, first.y + first.height / 2.0);
    assert_eq!(shown(&canvas), Some(first.id.clone()));
    infographic.destroy();
}
