//! Every value a page can pass (browser tests, wasm-bindgen-test): a page builds the report in
//! JavaScript, so it can hold what no JSON file can. A small seeded generator puts such values
//! (NaN, BigInt, Symbols, functions, Proxies whose traps throw, cycles, an array of length
//! 2³²−1, ...) at random places of the sample report, of the options and of every method's
//! arguments, and checks each answer: it draws, or it throws an `Error` that names the place
//! in the reader's language; never a panic or the engine's words; and the component keeps
//! working afterwards. The seed is fixed, so a failure repeats.
#![cfg(target_arch = "wasm32")]

use district_infographic::web::{figure_table, validate_report, Infographic};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// How many reports, options and method calls are tried, each.
const CASES: usize = 100;

/// The values tried, as JavaScript expressions: each is evaluated afresh for each case.
const VALUES: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "-0",
    "0",
    "-1",
    "1e300",
    "2 ** 53 + 1",
    "10n",
    "-(2n ** 70n)",
    "Symbol('x')",
    "Symbol.iterator",
    "() => 1",
    "function named() { return 2; }",
    "class Shape {}",
    "new Date(0)",
    "new Date(NaN)",
    "new Map([['zh', '甲']])",
    "new Set([1, 2])",
    "new Uint8Array(4)",
    "new Float64Array([NaN, Infinity])",
    "new ArrayBuffer(8)",
    "[1, , 3]",
    "new Array(5)",
    "(() => { const a = []; a.length = 2 ** 32 - 1; return a; })()",
    "(() => { const o = { zh: '甲' }; o.self = o; return o; })()",
    "(() => { const a = [1]; a.push(a); return a; })()",
    "(() => { let o = { zh: '甲' }; for (let i = 0; i < 40; i++) o = { a: o, b: o }; return o; })()",
    "(() => { let o = 1; for (let i = 0; i < 100; i++) o = [o]; return o; })()",
    "Object.defineProperty({}, 'zh', { get() { throw new Error('getter'); }, enumerable: true })",
    "Object.defineProperty([1, 2], 0, { get() { throw new TypeError('index getter'); } })",
    "new Proxy({}, { ownKeys() { throw new Error('ownKeys trap'); } })",
    "new Proxy({ zh: '甲' }, { get() { throw new Error('get trap'); } })",
    "new Proxy([1, 2], { get(t, k) { if (k === 'length') throw new Error('length trap'); return t[k]; } })",
    "new Proxy({ zh: '甲' }, { getOwnPropertyDescriptor() { throw new Error('descriptor trap'); } })",
    "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()",
    "new Proxy({ zh: '甲', en: 'A' }, {})",
    "Object.create(null)",
    "Object.assign(Object.create(null), { zh: '甲', en: 'A' })",
    "Object.freeze({ zh: '甲' })",
    "Object.freeze([1, 2, 3])",
    "new (class Label { constructor() { this.zh = '甲'; } })()",
    "new Error('an error')",
    "/regex/g",
    "new Number(5)",
    "new String('s')",
    "new Boolean(false)",
    "Promise.resolve(1)",
    "new WeakMap()",
    "globalThis",
    "document.body",
    "''",
    "'x'.repeat(100000)",
    "'\\ud800'",
    "'<b>markup</b>'",
    "'en'",
    "'zh'",
    "'dark'",
    "'auto'",
    "'fr'",
    "true",
    "false",
    "null",
    "undefined",
    "[]",
    "{}",
    "{ zh: 1, en: [] }",
    "[NaN, Infinity]",
];

/// The JSON names a Chinese message may hold besides its Chinese words: the report format's
/// field names and kinds (from the schema, so a new field needs no change here), the JSON
/// literals, and the names of the options and methods.
fn allowed_names() -> Vec<String> {
    let schema = include_str!("../report.schema.json");
    let mut names: Vec<String> = ["null", "true", "false", "report", "options", "canvas", "locale", "theme", "width", "pixelRatio", "animate", "hitTest", "setLocale", "setTheme", "shareImage", "render", "items", "labels", "title", "x", "y"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    // Every quoted word of the schema that is a key (`"value": {`) or a value of an enum.
    for (i, piece) in schema.split('"').enumerate() {
        let is_word = !piece.is_empty() && piece.chars().all(is_name_char);
        let is_key = schema.split('"').nth(i + 1).is_some_and(|after| after.trim_start().starts_with(':'));
        if is_word && (i % 2 == 1) && is_key {
            names.push(piece.to_string());
        }
    }
    for enumeration in schema.split("\"enum\"").skip(1) {
        let list = enumeration.split(']').next().unwrap_or("");
        names.extend(list.split('"').skip(1).step_by(2).map(|s| s.to_string()));
    }
    names
}

/// A character of a JSON name such as `previous_period` or `$schema`.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// The message without its quoted data ("…").
fn unquoted(message: &str) -> String {
    message.split('"').step_by(2).collect::<Vec<_>>().join(" ")
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// A small deterministic generator (xorshift64*): no crate needed, the same cases each run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn eval(expression: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expression});")).call0(&JsValue::NULL).expect("the test's own expression")
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

fn canvas() -> HtmlCanvasElement {
    let document = document();
    let holder: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    holder.style().set_property("width", "390px").unwrap();
    document.body().unwrap().append_child(&holder).unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    holder.append_child(&canvas).unwrap();
    canvas
}

fn report() -> JsValue {
    js_sys::JSON::parse(district_infographic::report::DEFAULT_REPORT_JSON).unwrap()
}

/// Every place in `value` where another value can go: the path of each field and item, with
/// its holder and key.
fn places(value: &JsValue, path: &str, out: &mut Vec<(String, JsValue, JsValue)>) {
    if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        for (i, item) in array.iter().enumerate() {
            let here = format!("{path}[{i}]");
            out.push((here.clone(), value.clone(), JsValue::from(i as u32)));
            places(&item, &here, out);
        }
    } else if value.is_object() {
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let name = key.as_string().unwrap();
            let here = if path.is_empty() { name } else { format!("{path}.{name}") };
            out.push((here.clone(), value.clone(), key.clone()));
            places(&js_sys::Reflect::get(value, &key).unwrap(), &here, out);
        }
    }
}

/// Checks a refused call's error: an `Error` naming `path` (or a field that holds it; any
/// field when `path` is empty) in English or Chinese, in words of that language only.
fn check_error(error: JsValue, path: &str, english: bool, allowed: &[String], case: &str) {
    let error: js_sys::Error = error.dyn_into().unwrap_or_else(|e| panic!("{case}: not an Error: {e:?}"));
    let message = String::from(error.message());
    for word in ["unwrap", "panicked", "RuntimeError", "unreachable", "Option::", "called `"] {
        assert!(!message.contains(word), "{case}: {message}");
    }
    // The place, or a field that holds it (the validator may name a section as a whole).
    let named = path.is_empty() || message.contains(path) || (0..path.len()).any(|end| {
        let holder = &path[..end];
        !holder.is_empty() && path[end..].starts_with(['.', '[']) && message.contains(&format!("{holder}:"))
    });
    assert!(named, "{case}: the message does not name {path}: {message}");
    let mut text = unquoted(&message);
    // The path, and any deeper path under it that the refusal names (`title.self`).
    while let Some(start) = text.find(path).filter(|_| !path.is_empty()) {
        let end = text[start..].find([':', ' ', ';']).map_or(text.len(), |n| start + n);
        text.replace_range(start..end, " ");
    }
    if english {
        assert!(!text.chars().any(is_cjk), "{case}: Chinese in an English message: {message}");
    } else {
        let stray: Vec<&str> = text
            .split(|c: char| !is_name_char(c))
            .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()) && word.parse::<f64>().is_err())
            .filter(|word| !allowed.iter().any(|name| name == word))
            .collect();
        assert!(stray.is_empty(), "{case}: English words {stray:?} in a Chinese message: {message}");
    }
}

/// A new instance either draws something, or its error names `path` in its language.
fn draws_or_names(made: Result<Infographic, JsValue>, path: &str, english: bool, allowed: &[String], case: &str) {
    match made {
        Ok(mut drawn) => {
            drawn.render().unwrap_or_else(|e| panic!("{case}: render: {e:?}"));
            assert!(js_sys::Array::from(&drawn.items().unwrap()).length() > 0, "{case}: drew nothing");
            drawn.destroy();
        }
        Err(error) => check_error(error, path, english, allowed, case),
    }
}

/// Options without animation, in English or (naming no language) Chinese.
fn options_in(english: bool) -> JsValue {
    eval(if english { "{ animate: false, locale: 'en' }" } else { "{ animate: false }" })
}

/// The component still draws, hit-tests and lists its marks.
fn still_works(probe: &mut Infographic, case: &str) {
    probe.render().unwrap_or_else(|e| panic!("{case}: render after: {e:?}"));
    let items = js_sys::Array::from(&probe.items().unwrap_or_else(|e| panic!("{case}: items after: {e:?}")));
    assert!(items.length() > 0, "{case}: no items after");
    let first = items.get(0);
    let at = |name: &str| js_sys::Reflect::get(&first, &name.into()).unwrap().as_f64().unwrap();
    let hit = probe.hit_test((at("x") + at("width") / 2.0).into(), (at("y") + at("height") / 2.0).into()).unwrap();
    assert!(!hit.is_undefined(), "{case}: hit test after");
}

#[wasm_bindgen_test]
fn every_value_in_the_report_draws_or_is_refused_by_its_path() {
    let allowed = allowed_names();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut probe = Infographic::new(canvas(), report(), eval("{ animate: false }")).unwrap();
    let target = canvas();
    for case in 0..CASES {
        let report = report();
        let mut spots = Vec::new();
        places(&report, "", &mut spots);
        let expression = *rng.pick(VALUES);
        let value = eval(expression);
        // Mostly a field that exists; sometimes a new field, or the report itself.
        let (path, report) = match rng.below(10) {
            0 => (String::new(), value),
            1 => {
                js_sys::Reflect::set(&report, &"extra".into(), &value).unwrap();
                ("extra".to_string(), report)
            }
            _ => {
                let (path, holder, key) = rng.pick(&spots).clone();
                js_sys::Reflect::set(&holder, &key, &value).unwrap();
                (path, report)
            }
        };
        let english = rng.below(2) == 0;
        let options = options_in(english);
        let description = format!("case {case}: {expression} at {path:?}");
        // A report replaced whole is named by its fields, or as `report`.
        draws_or_names(Infographic::new(target.clone(), report.clone(), options), &path, english, &allowed, &description);
        // The same report through the free functions.
        let locale = JsValue::from_str(if english { "en" } else { "zh" });
        if let Err(error) = figure_table(report.clone(), Some(locale.clone())) {
            check_error(error, &path, english, &allowed, &format!("{description} (figureTable)"));
        }
        let found = validate_report(report, Some(locale)).unwrap_or_else(|e| panic!("{description}: validateReport threw {e:?}"));
        assert!(js_sys::Array::is_array(&found), "{description}");
        still_works(&mut probe, &description);
    }
    probe.destroy();
}

#[wasm_bindgen_test]
fn every_value_in_the_options_draws_or_is_refused_by_its_path() {
    let allowed = allowed_names();
    let mut rng = Rng(0x5eed_1234_abcd_0002);
    let mut probe = Infographic::new(canvas(), report(), eval("{ animate: false }")).unwrap();
    let target = canvas();
    let fields = ["locale", "theme", "width", "pixelRatio", "animate", "other"];
    for case in 0..CASES {
        let expression = *rng.pick(VALUES);
        let english = rng.below(2) == 0;
        let (path, options, english) = match rng.below(8) {
            0 => ("options".to_string(), eval(expression), false),
            1 => {
                // Options that are a Proxy whose every read throws.
                ("options".to_string(), eval("new Proxy({}, { get() { throw new Error('options trap'); } })"), false)
            }
            _ => {
                let field = *rng.pick(&fields);
                let options = options_in(english);
                js_sys::Reflect::set(&options, &field.into(), &eval(expression)).unwrap();
                // A bad locale is refused in Chinese: it cannot say which language to use.
                (format!("options.{field}"), options, english && field != "locale")
            }
        };
        let description = format!("case {case}: {expression} at {path}");
        draws_or_names(Infographic::new(target.clone(), report(), options), &path, english, &allowed, &description);
        still_works(&mut probe, &description);
    }
    probe.destroy();
}

#[wasm_bindgen_test]
fn every_value_as_a_method_argument_works_or_is_refused_by_its_name() {
    let allowed = allowed_names();
    let mut rng = Rng(0x5eed_1234_abcd_0003);
    let mut probe = Infographic::new(canvas(), report(), eval("{ animate: false }")).unwrap();
    for case in 0..CASES {
        let english = rng.below(2) == 0;
        probe.set_locale(JsValue::from_str(if english { "en" } else { "zh" })).unwrap();
        let expression = *rng.pick(VALUES);
        let (a, b) = (eval(expression), eval(rng.pick(VALUES)));
        let method = rng.below(4);
        let description = format!("case {case}: method {method} with {expression}");
        let (path, result) = match method {
            0 => ("hitTest(", probe.hit_test(a, b)),
            1 => ("setLocale(locale)", probe.set_locale(a).map(|_| JsValue::UNDEFINED)),
            2 => ("setTheme(theme)", probe.set_theme(a).map(|_| JsValue::UNDEFINED)),
            // A share image is a large PNG: only the arguments that cannot make one are tried.
            _ if a.as_f64().is_some_and(|w| w.is_finite() && w > 0.0) => ("shareImage(width)", Ok(JsValue::UNDEFINED)),
            _ => ("shareImage(width)", probe.share_image(Some(a)).map(JsValue::from)),
        };
        if let Err(error) = result {
            check_error(error, path, english, &allowed, &description);
        }
        still_works(&mut probe, &description);
    }
    probe.destroy();
}

#[wasm_bindgen_test]
fn every_call_after_destroy_is_refused_in_words_and_destroy_twice_does_nothing() {
    let allowed = allowed_names();
    let mut rng = Rng(0x5eed_1234_abcd_0004);
    for case in 0..20 {
        let english = rng.below(2) == 0;
        let options = options_in(english);
        let mut gone = Infographic::new(canvas(), report(), options).unwrap();
        gone.destroy();
        gone.destroy();
        let value = eval(rng.pick(VALUES));
        let description = format!("case {case}");
        let refused: Vec<(&str, Result<JsValue, JsValue>)> = vec![
            ("render()", gone.render().map(|_| JsValue::UNDEFINED)),
            ("items()", gone.items()),
            ("labels()", gone.labels()),
            ("title()", gone.title().map(JsValue::from)),
            ("hitTest(", gone.hit_test(1.0.into(), 1.0.into())),
            ("setLocale(", gone.set_locale("en".into()).map(|_| JsValue::UNDEFINED)),
            ("setTheme(", gone.set_theme(value.clone()).map(|_| JsValue::UNDEFINED)),
            ("shareImage(", gone.share_image(Some(value)).map(JsValue::from)),
        ];
        for (path, result) in refused {
            let error = result.expect_err("a destroyed instance refuses every call");
            check_error(error, path, english, &allowed, &format!("{description}: {path}"));
        }
    }
}
