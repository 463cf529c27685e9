//! report.schema.json and the Rust validation agree: limits, enums, required and allowed fields.
//! Editors' tools read the schema; `infographic check` and the page read the Rust: a field or a
//! limit added to one and not the other fails here.
#![cfg(not(target_arch = "wasm32"))]

use district_infographic::report::{self, Accent, Kind, Report};
use serde_json::{json, Value};

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/report.schema.json")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn at<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('/').filter(|p| !p.is_empty()).fold(value, |v, key| match key.parse::<usize>() {
        Ok(i) => &v[i],
        Err(_) => &v[key],
    })
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
    keys.sort();
    keys
}

fn sorted(list: &[&str]) -> Vec<String> {
    let mut list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    list.sort();
    list
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

#[test]
fn limits_and_enums_agree() {
    let s = schema();
    assert_eq!(at(&s, "$defs/string/maxLength").as_u64(), Some(report::MAX_TEXT_CHARS as u64));
    assert_eq!(at(&s, "$defs/string_en/maxLength").as_u64(), Some(report::MAX_TEXT_CHARS_EN as u64));
    assert_eq!(at(&s, "properties/sections/maxItems").as_u64(), Some(report::MAX_SECTIONS as u64));
    assert_eq!(at(&s, "$defs/section/properties/figures/maxItems").as_u64(), Some(report::MAX_FIGURES as u64));
    assert_eq!(at(&s, "$defs/number/maximum").as_f64(), Some(report::MAX_MAGNITUDE));
    assert_eq!(at(&s, "$defs/number/minimum").as_f64(), Some(-report::MAX_MAGNITUDE));
    assert_eq!(at(&s, "$defs/figure/properties/unit/maxLength").as_u64(), Some(report::MAX_UNIT_CHARS as u64));
    assert_eq!(at(&s, "$defs/figure/properties/progress/maximum").as_f64(), Some(report::MAX_PROGRESS));
    let pictogram = at(&s, "$defs/section/allOf").as_array().and_then(|rules| {
        rules.iter().find_map(|r| r["then"]["properties"]["figures"]["prefixItems"][0]["properties"]["value"].as_object().cloned())
    });
    // Any whole number from 1: a large whole is drawn one icon per round number of units.
    let pictogram = pictogram.expect("the pictogram's rule");
    assert_eq!((pictogram.get("minimum").and_then(Value::as_f64), pictogram.contains_key("maximum")), (Some(1.0), false));
    let kinds: Vec<String> = Kind::ALL.iter().map(|(_, name)| name.to_string()).collect();
    assert_eq!(strings(at(&s, "$defs/section/properties/kind/enum")), kinds);
    assert_eq!(strings(at(&s, "$defs/figure/properties/approx/enum")), ["over", "about"]);
    assert_eq!(strings(at(&s, "$defs/figure/properties/better/enum")), ["higher", "lower"]);
    let accents: Vec<String> = Accent::ALL.iter().map(|(_, name)| name.to_string()).collect();
    let chapter = at(&s, "$defs/section/properties/chapter/oneOf/1");
    assert_eq!(strings(at(chapter, "properties/accent/enum")), accents);
}

#[test]
fn allowed_fields_agree() {
    let s = schema();
    assert_eq!(keys(at(&s, "properties")), sorted(report::REPORT_FIELDS));
    assert_eq!(keys(at(&s, "$defs/section/properties")), sorted(report::SECTION_FIELDS));
    assert_eq!(keys(at(&s, "$defs/figure/properties")), sorted(report::FIGURE_FIELDS));
    let chapter = at(&s, "$defs/section/properties/chapter/oneOf/1");
    assert_eq!(keys(at(chapter, "properties")), sorted(report::CHAPTER_FIELDS));
}

/// A report with every field of every object set.
fn full() -> Value {
    json!({
        "$schema": "x", "version": 1, "publisher": "P", "title": "T", "subtitle": "S", "period": "P",
        "previous_period": "Q", "source": "S",
        "sections": [{ "id": "s", "chapter": { "zh": "章", "en": "C", "accent": "red" }, "kind": "bars", "title": "t", "note": "n",
            "figures": [{ "id": "f", "label": "l", "value": 1, "unit": "个", "unit_en": "u", "approx": "over", "previous": 2,
                          "total": 3, "total_label": "t", "progress": 4, "target": 5, "better": "higher" }] }]
    })
}

/// The paths of the problems the Rust finds, wherever they are reported.
fn problem_paths(value: &Value) -> Vec<String> {
    match Report::from_value(&value.clone().into()) {
        Ok(report) => report.problems().into_iter().map(|p| p.path).collect(),
        Err(error) => error.problems.into_iter().map(|p| p.path).collect(),
    }
}

#[test]
fn required_fields_agree() {
    assert!(problem_paths(&full()).is_empty(), "{:?}", problem_paths(&full()));
    let s = schema();
    for (object, schema_path, properties) in [
        ("", "", keys(at(&s, "properties"))),
        ("sections/0", "$defs/section", keys(at(&s, "$defs/section/properties"))),
        ("sections/0/figures/0", "$defs/figure", keys(at(&s, "$defs/figure/properties"))),
    ] {
        let required = strings(at(&s, &format!("{schema_path}/required")));
        for field in properties {
            let mut report = full();
            let target = object.split('/').filter(|p| !p.is_empty()).fold(&mut report, |v, key| match key.parse::<usize>() {
                Ok(i) => &mut v[i],
                Err(_) => &mut v[key],
            });
            if let Some(map) = target.as_object_mut() {
                map.remove(&field);
            }
            let path = [object.replace("/0", "[0]").replace('/', "."), field.clone()].iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(".");
            let missing = problem_paths(&report).contains(&path);
            assert_eq!(missing, required.contains(&field), "{path}: the schema says required = {}", required.contains(&field));
        }
    }
}
