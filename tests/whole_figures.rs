//! A number is never cut: in every example report and in generated ones, at 280–1600 px in
//! both languages, no drawn text run that holds a digit ends in an ellipsis, and no text run
//! leaves its card.
#![cfg(not(target_arch = "wasm32"))]

use district_infographic::layout::grid::bare_share;
use district_infographic::layout::layout_simple;
use district_infographic::report::Report;
use district_infographic::scene::Scene;
use district_infographic::Locale;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Every report file in www/reports and tests/reports.
fn example_reports() -> Vec<(String, Report)> {
    let mut reports = Vec::new();
    for folder in ["www/reports", "tests/reports"] {
        let Ok(entries) = std::fs::read_dir(folder) else { continue };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            let json = std::fs::read_to_string(&path).unwrap_or_default();
            if let Ok(report) = Report::from_json_str(&json) {
                reports.push((path.display().to_string(), report));
            }
        }
    }
    reports
}

/// The faults of a scene: figures ellipsized, texts outside their card.
fn faults(scene: &Scene) -> Vec<String> {
    let mut faults = Vec::new();
    for (text, r) in scene.text_bounds() {
        if text.ends_with('…') && text.chars().any(|c| c.is_ascii_digit()) {
            faults.push(format!("{text:?} is cut"));
        }
        let (cx, cy) = r.center();
        for district_infographic::scene::Card { section: id, rect: card } in &scene.cards {
            if card.contains(cx, cy) && (r.x < card.x - 0.5 || r.right() > card.right() + 0.5 || r.y < card.y - 0.5 || r.bottom() > card.bottom() + 0.5) {
                faults.push(format!("{text:?} {r:?} leaves card {id} {card:?}"));
            }
        }
    }
    faults
}

#[test]
fn example_reports_draw_every_figure_whole() {
    let reports = example_reports();
    assert!(reports.len() >= 2, "the examples are found");
    for (name, report) in &reports {
        for locale in [Locale::Zh, Locale::En] {
            for width in (280..=1600).step_by(40) {
                let scene = layout_simple(report, width as f64, locale);
                let faults = faults(&scene);
                assert!(faults.is_empty(), "{name} {locale:?} {width}px: {faults:#?}");
            }
        }
    }
}

const KINDS: [&str; 8] = ["bars", "compare", "ring", "gauge", "parts", "funnel", "pictogram", "stats"];
const UNITS: [(&str, Option<&str>); 12] = [
    ("微克/立方米", None),
    ("万人次", None),
    ("亿美元", None),
    ("人", None),
    ("万人", None),
    ("%", None),
    ("千瓦时", None),
    ("平方米", None),
    ("个", None),
    ("元", None),
    ("标准立方米每小时", Some("standard cubic metres an hour")),
    ("万吨", None),
];

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0f64..1000.0,
        2 => 1e6f64..1e14,
        1 => 0.0001f64..0.01,
        1 => Just(1e15),
        1 => Just(0.0),
    ]
}

fn figure(section: usize, index: usize) -> impl Strategy<Value = Value> {
    (0..UNITS.len(), value(), prop::option::of(value()), any::<bool>(), "[a-zA-Z ]{1,80}", "[\u{4e00}-\u{4e80}]{1,30}")
        .prop_map(move |(unit, value, previous, long, en, zh)| {
            let (unit, unit_en) = UNITS[unit];
            let label = if long { json!({ "zh": zh.repeat(3), "en": en.repeat(3) }) } else { json!({ "zh": zh, "en": en }) };
            let mut f = json!({ "id": format!("f{section}_{index}"), "label": label, "value": value, "unit": unit,
                                "previous": previous.unwrap_or(value * 1.3 + 1.0), "total": value * 2.0 + 1.0, "progress": (value % 150.0) });
            if let Some(unit_en) = unit_en {
                f["unit_en"] = json!(unit_en);
            }
            f
        })
}

fn section(index: usize, chunk: usize) -> impl Strategy<Value = Value> {
    (0..KINDS.len(), 1usize..7, "[\u{4e00}-\u{4e80}]{1,40}")
        .prop_flat_map(move |(kind, count, title)| {
            let figures: Vec<_> = (0..count).map(|i| figure(index, i)).collect();
            (Just(kind), Just(title), figures)
        })
        .prop_map(move |(kind, title, mut figures)| {
            if KINDS[kind] == "pictogram" {
                if let Some(first) = figures.first_mut() {
                    first["value"] = json!(120);
                }
            }
            json!({ "id": format!("s{index}"), "kind": KINDS[kind], "title": title, "chapter": format!("第{}章", index / chunk), "figures": figures })
        })
}

fn report_of(sections: std::ops::Range<usize>) -> impl Strategy<Value = Value> {
    (sections, 1usize..7)
        .prop_flat_map(|(n, chunk)| (0..n).map(|i| section(i, chunk)).collect::<Vec<_>>())
        .prop_map(|sections| json!({ "title": "测试报告", "period": "2020年上半年", "previous_period": "2019年上半年", "source": "来源", "sections": sections }))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_reports_draw_every_figure_whole(value in report_of(1..8), width in 280.0f64..1600.0, en in any::<bool>()) {
        let locale = if en { Locale::En } else { Locale::Zh };
        let Ok(report) = Report::from_value(&value.into()) else { return Ok(()) };
        let scene = layout_simple(&report, width, locale);
        let faults = faults(&scene);
        prop_assert!(faults.is_empty(), "{width}px {locale:?}: {faults:#?}");
    }

    /// Generated reports of 4–40 sections, any kinds and chapter sizes, leave at most 30% of
    /// the area between the first chapter heading and the last mark bare at 1280 and 1440 px.
    #[test]
    fn generated_reports_fill_the_desktop_grid(value in report_of(4..41), wide in any::<bool>(), en in any::<bool>()) {
        let locale = if en { Locale::En } else { Locale::Zh };
        let width = if wide { 1440.0 } else { 1280.0 };
        let Ok(report) = Report::from_value(&value.into()) else { return Ok(()) };
        let scene = layout_simple(&report, width, locale);
        let share = bare_share(&scene);
        prop_assert!(share <= 0.30, "{width}px {locale:?}: {:.1}% bare; cards {:?}; headings {:?}", share * 100.0, scene.cards, scene.headings);
    }
}
