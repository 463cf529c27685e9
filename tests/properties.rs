//! Property tests over generated input: the report parser, the number formatter and the layout.
//! Every case either draws with all marks and labels inside the canvas, or is refused with
//! located problems; nothing panics.
#![cfg(not(target_arch = "wasm32"))]

use district_infographic::format::format_value;
use district_infographic::layout::{layout, LayoutOptions};
use district_infographic::report::{Approx, Report};
use district_infographic::text::EstimatedMeasure;
use district_infographic::{Locale, Theme, ThemeName};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Validates a report written as a serde_json value.
fn validate(value: &Value) -> Result<Report, district_infographic::ReportError> {
    Report::from_value(&value.clone().into())
}

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|n| json!(n)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_$]{1,10}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Numbers that break naive code: zero, negatives, huge, tiny, and (as JSON can't carry them)
/// the strings editors type by mistake.
fn edge_number() -> impl Strategy<Value = Value> {
    // Mostly readable values, so that most generated reports draw.
    prop_oneof![
        1 => Just(json!(0)),
        1 => Just(json!(-1)),
        1 => Just(json!(1e308)),
        1 => Just(json!(1e15)),
        1 => Just(json!(5e-324)),
        1 => Just(json!(100)),
        1 => Just(json!("NaN")),
        1 => Just(Value::Null),
        24 => (0.0f64..1e6).prop_map(|n| json!(n)),
        4 => (0.0f64..100.0).prop_map(|n| json!(n)),
        1 => (-1e6f64..1e6).prop_map(|n| json!(n)),
    ]
}

/// Labels that break naive layout: empty, very long, emoji, right-to-left, control characters.
fn edge_label() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(json!("")),
        3 => Just(json!("地区生产总值")),
        1 => Just(json!("x".repeat(100_000))),
        3 => Just(json!("很长".repeat(140))),
        3 => Just(json!("👩‍👩‍👧‍👦📈🏙️ 增长")),
        3 => Just(json!("مرحبا بالعالم \u{202E}abc")),
        3 => Just(json!("a\u{0}b\nc\td\u{7}")),
        3 => Just(json!("<img src=x onerror=alert(1)>")),
        3 => Just(json!({ "zh": "标签", "en": "Label with a long English text that must wrap somewhere sensible" })),
        12 => "[\\PC&&[^\\s]]\\PC{0,39}".prop_map(Value::String),
        3 => "[a-zA-Z]{1,60}".prop_map(Value::String),
    ]
}

const KINDS: [&str; 9] = ["bars", "compare", "ring", "gauge", "parts", "funnel", "pictogram", "stats", "pie"];
const UNITS: [&str; 8] = ["亿元", "万元", "万㎡", "个", "人", "%", "天", "名"];

fn figure(index: usize) -> impl Strategy<Value = Value> {
    (edge_label(), edge_number(), 0..UNITS.len(), prop::option::weighted(0.7, edge_number()), prop::option::weighted(0.6, edge_number()), prop::option::of(0.0f64..150.0), any::<bool>())
        .prop_map(move |(label, value, unit, previous, total, progress, approx)| {
            let mut f = json!({ "id": format!("f{index}"), "label": label, "value": value.clone(), "unit": UNITS[unit] });
            if let Some(p) = previous { f["previous"] = p; }
            // A total at least the value, most of the time, so that rings draw.
            if let Some(t) = total { f["total"] = match (t.as_f64(), value.as_f64()) { (Some(t), Some(v)) => json!(t.abs() + v.abs()), _ => t }; }
            if let Some(p) = progress { f["progress"] = json!(p); }
            if approx { f["approx"] = json!("over"); }
            f
        })
}

fn section(index: usize) -> impl Strategy<Value = Value> {
    (0..KINDS.len(), edge_label(), prop::collection::vec(0usize..1, 0..14))
        .prop_flat_map(move |(kind, title, slots)| {
            let figures: Vec<_> = (0..slots.len()).map(|i| figure(index * 1000 + i)).collect();
            (Just(kind), Just(title), figures)
        })
        .prop_map(move |(kind, title, figures)| json!({ "id": format!("s{index}"), "kind": KINDS[kind], "title": title, "chapter": "章", "figures": figures }))
}

fn report() -> impl Strategy<Value = Value> {
    prop::collection::vec(0usize..1, 1..6)
        .prop_flat_map(|slots| (0..slots.len()).map(section).collect::<Vec<_>>())
        .prop_map(|sections| json!({ "title": "测试报告", "period": "2020年上半年", "source": "来源", "sections": sections }))
}

/// Lays the report out and checks that every mark and label is inside the canvas.
fn check_layout(report: &Report, width: f64, locale: Locale, theme: ThemeName) -> Result<(), TestCaseError> {
    let theme = Theme::get(theme);
    let scene = layout(report, &LayoutOptions { width, locale, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
    prop_assert!(scene.height.is_finite() && scene.height > 0.0);
    for item in &scene.items {
        let r = item.rect;
        prop_assert!(r.x.is_finite() && r.y.is_finite() && r.width.is_finite() && r.height.is_finite(), "{item:?}");
        prop_assert!(r.x >= -0.01 && r.right() <= scene.width + 0.5 && r.y >= 0.0 && r.bottom() <= scene.height, "{} outside: {r:?} in {}x{}", item.id, scene.width, scene.height);
        let (cx, cy) = r.center();
        prop_assert!(scene.hit_test(cx, cy).is_some());
    }
    let labels: Vec<_> = scene.text_bounds().collect();
    for (i, (text, r)) in labels.iter().enumerate() {
        prop_assert!(r.x >= -0.01 && r.right() <= scene.width + 0.5 && r.bottom() <= scene.height, "label {text:?} outside: {r:?}");
        for (other, o) in &labels[i + 1..] {
            prop_assert!(!r.intersects(o), "{text:?} {r:?} overlaps {other:?} {o:?} at {}", scene.width);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_json_value_is_parsed_or_refused_with_located_problems(value in any_json()) {
        match validate(&value) {
            Ok(report) => prop_assert!(report.valid_sections().next().is_some()),
            Err(error) => {
                prop_assert!(!error.problems.is_empty());
                for problem in &error.problems {
                    prop_assert!(!problem.message(Locale::En).is_empty());
                }
            }
        }
    }

    #[test]
    fn generated_reports_draw_inside_the_canvas_or_name_the_fault(
        value in report(),
        width in 280.0f64..1700.0,
        en in any::<bool>(),
        dark in any::<bool>(),
    ) {
        let locale = if en { Locale::En } else { Locale::Zh };
        let theme = if dark { ThemeName::Dark } else { ThemeName::Light };
        match validate(&value) {
            Ok(report) => {
                for problem in report.problems() {
                    prop_assert!(problem.path.starts_with("sections["), "{problem:?}");
                }
                check_layout(&report, width, locale, theme)?;
            }
            Err(error) => {
                prop_assert!(!error.problems.is_empty());
                for problem in &error.problems {
                    prop_assert!(problem.path.starts_with("sections"), "{problem:?}");
                }
            }
        }
    }

    #[test]
    fn the_formatter_takes_any_number(value in any::<f64>(), unit in 0..UNITS.len(), approx in any::<bool>(), en in any::<bool>()) {
        let locale = if en { Locale::En } else { Locale::Zh };
        let text = format_value(value, UNITS[unit], None, approx.then_some(Approx::Over), locale);
        prop_assert!(!text.is_empty());
        prop_assert!(text.chars().count() < 400, "{text}");
    }
}

#[test]
fn huge_sections_are_refused_with_a_located_error_and_large_ones_draw() {
    let figures = |n: usize| (0..n).map(|i| json!({ "id": format!("f{i}"), "label": format!("指标{i}"), "value": i, "unit": "个" })).collect::<Vec<_>>();
    let report = |n: usize| json!({ "title": "T", "period": "P", "source": "S", "sections": [
        { "id": "ok", "kind": "stats", "title": "t", "figures": figures(3) },
        { "id": "big", "kind": "bars", "title": "t", "figures": figures(n) } ] });
    let huge = validate(&report(5000)).expect("the small section still draws");
    assert_eq!(huge.problems()[0].path, "sections[1].figures");
    let large = validate(&report(200)).expect("200 figures are fine");
    for width in [280.0, 390.0, 1440.0] {
        check_layout(&large, width, Locale::Zh, ThemeName::Light).expect("inside the canvas");
    }
}

#[test]
fn all_equal_and_all_zero_values_draw() {
    for value in [0.0, 7.0, 1e15] {
        let figures: Vec<_> = (0..6).map(|i| json!({ "id": format!("f{i}"), "label": "同", "value": value, "unit": "个" })).collect();
        let sections: Vec<_> = ["bars", "parts", "funnel", "stats"].iter().enumerate().map(|(i, kind)| {
            let figures: Vec<_> = figures.iter().map(|f| { let mut f = f.clone(); f["id"] = json!(format!("{kind}{}", f["id"].as_str().unwrap_or(""))); f }).collect();
            json!({ "id": format!("s{i}"), "kind": kind, "title": "t", "figures": figures })
        }).collect();
        let report = validate(&json!({ "title": "T", "period": "P", "source": "S", "sections": sections })).expect("valid");
        check_layout(&report, 390.0, Locale::En, ThemeName::Light).expect("inside the canvas");
    }
}


