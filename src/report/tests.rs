//! The validation tests: field paths, every class of problem, messages in each language.

use super::*;
use serde_json::json;
use serde_json::Value;

/// Validates a report written with serde_json's json! macro.
fn check(value: Value) -> Result<Report, ReportError> {
    Report::from_value(&crate::json::Value::from(value))
}

fn minimal(sections: Value) -> Value {
    json!({ "title": "T", "period": "P", "source": "S", "sections": sections })
}

fn bars(figures: Value) -> Value {
    json!({ "id": "s", "kind": "bars", "title": "t", "figures": figures })
}

/// A section, the path of the problem it must raise, and a test of the problem's kind.
type Case = (Value, &'static str, fn(&ProblemKind) -> bool);

fn paths(err: &ReportError) -> Vec<String> {
    err.problems.iter().map(|p| p.path.clone()).collect()
}

#[test]
fn default_report_parses_with_every_section_valid() {
    let Ok(report) = Report::default_report() else { panic!("the sample report is invalid") };
    assert_eq!(report.problems(), vec![]);
    assert_eq!(report.sections.len(), report.valid_sections().count());
    let gdp = report.valid_sections().flat_map(|s| &s.figures).find(|f| f.id == "gdp");
    assert_eq!(gdp.map(|f| (f.value, f.unit.as_str())), Some((317.8, "亿元")));
}

#[test]
fn wrong_type_names_path_and_value() {
    let value = minimal(json!([bars(json!([{ "id": "a", "label": "x", "value": "abc", "unit": "个" }]))]));
    let err = check(value).unwrap_err();
    assert_eq!(
        err.problems[0].message(Locale::En),
        "sections[0].figures[0].value: expected a number, got \"abc\""
    );
    assert_eq!(
        err.problems[0].message(Locale::Zh),
        "sections[0].figures[0].value: 应为数字,实际是 \"abc\""
    );
}

#[test]
fn every_problem_is_listed_at_once() {
    let value = minimal(json!([bars(json!([
        { "id": "a", "label": "", "value": 1, "unit": "个" },
        { "id": "a", "label": "y", "value": null, "unit": "个", "colour": "red" }
    ]))]));
    let err = check(value).unwrap_err();
    assert_eq!(
        paths(&err),
        vec![
            "sections[0].figures[0].label",
            "sections[0].figures[1].colour",
            "sections[0].figures[1].id",
            "sections[0].figures[1].value",
        ]
    );
}

#[test]
fn a_broken_section_keeps_the_others() {
    let good = bars(json!([{ "id": "a", "label": "x", "value": 1, "unit": "个" }]));
    let bad = json!({ "id": "b", "kind": "pie", "title": "坏", "figures": [] });
    let Ok(report) = check(minimal(json!([good, bad]))) else { panic!("one section draws") };
    assert_eq!(report.valid_sections().count(), 1);
    match &report.sections[1] {
        SectionSlot::Broken(b) => {
            assert_eq!(b.title.as_ref().map(|t| t.zh.as_str()), Some("坏"));
            let p: Vec<&str> = b.problems.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(p, vec!["sections[1].kind", "sections[1].figures"]);
        }
        other => panic!("expected a broken section, got {other:?}"),
    }
}

#[test]
fn top_level_faults_refuse_the_report() {
    let err = check(json!({ "title": 3, "sections": {} })).unwrap_err();
    assert_eq!(paths(&err), vec!["title", "period", "source", "sections"]);
    let err = check(json!([])).unwrap_err();
    assert_eq!(err.problems[0].message(Locale::En), ": expected an object, got an array");
    let err = Report::from_json_str("{\"title\": ").unwrap_err();
    assert!(err.problems[0].path.starts_with("line 1"), "{err}");
}

#[test]
fn kind_rules_are_checked() {
    let ring = json!({ "id": "r", "kind": "ring", "title": "t", "figures": [
        { "id": "a", "label": "x", "value": 5, "unit": "个", "total": 4 },
        { "id": "b", "label": "x", "value": 5, "unit": "个" } ] });
    let compare = json!({ "id": "c", "kind": "compare", "title": "t", "figures": [
        { "id": "c1", "label": "x", "value": 5, "unit": "天" } ] });
    let picto = json!({ "id": "p", "kind": "pictogram", "title": "t", "figures": [
        { "id": "p1", "label": "x", "value": 2.5, "unit": "个" } ] });
    let err = check(minimal(json!([ring, compare, picto]))).unwrap_err();
    assert_eq!(
        paths(&err),
        vec![
            "sections[0].figures[0].value",
            "sections[0].figures[1].total",
            "sections[1].figures[0].previous",
            "sections[2].figures[0].value",
        ]
    );
}

#[test]
fn every_class_of_problem_is_named_with_its_path() {
    let long = "长".repeat(MAX_TEXT_CHARS + 1);
    let figure = |id: &str, extra: Value| {
        let mut f = json!({ "id": id, "label": "x", "value": 1, "unit": "个" });
        if let (Some(f), Some(extra)) = (f.as_object_mut(), extra.as_object()) {
            f.extend(extra.clone());
        }
        f
    };
    let section = |id: &str, kind: &str, figures: Value| json!({ "id": id, "kind": kind, "title": "t", "figures": figures });
    let cases: Vec<Case> = vec![
        (section("a", "bars", json!([figure("a1", json!({ "value": "abc" }))])), "sections[0].figures[0].value", |k| matches!(k, ProblemKind::WrongType { .. })),
        (section("a", "bars", json!([figure("a1", json!({ "value": null }))])), "sections[0].figures[0].value", |k| matches!(k, ProblemKind::Missing { .. })),
        (section("a", "bars", json!([figure("a1", json!({ "colour": "red" }))])), "sections[0].figures[0].colour", |k| matches!(k, ProblemKind::UnknownField { .. })),
        (section("a", "pie", json!([figure("a1", json!({}))])), "sections[0].kind", |k| matches!(k, ProblemKind::UnknownKind(_))),
        (section("a", "bars", json!([figure("a1", json!({ "label": " " }))])), "sections[0].figures[0].label", |k| *k == ProblemKind::Empty),
        (section("a", "bars", json!([figure("a1", json!({ "label": long }))])), "sections[0].figures[0].label", |k| matches!(k, ProblemKind::TooLong { .. })),
        (section("a", "bars", json!(vec![figure("x", json!({})); MAX_FIGURES + 1])), "sections[0].figures", |k| matches!(k, ProblemKind::TooMany { .. })),
        (section("a", "bars", json!([figure("a1", json!({ "value": 2e15 }))])), "sections[0].figures[0].value", |k| *k == ProblemKind::TooLarge),
        (section("a", "bars", json!([figure("a1", json!({ "value": -3 }))])), "sections[0].figures[0].value", |k| *k == ProblemKind::Negative),
        (section("a", "compare", json!([figure("a1", json!({ "previous": -3 }))])), "sections[0].figures[0].previous", |k| *k == ProblemKind::Negative),
        (section("a", "bars", json!([figure("a1", json!({ "label": { "zh": "长", "en": "l".repeat(MAX_TEXT_CHARS_EN + 1) } }))])), "sections[0].figures[0].label.en", |k| matches!(k, ProblemKind::TooLong { max: MAX_TEXT_CHARS_EN })),
        (section("a", "bars", json!([figure("a1", json!({})), figure("a1", json!({}))])), "sections[0].figures[1].id", |k| matches!(k, ProblemKind::DuplicateId(_))),
        (section("a", "ring", json!([figure("a1", json!({ "value": 5, "total": 4 }))])), "sections[0].figures[0].value", |k| matches!(k, ProblemKind::ExceedsWhole { .. })),
        (section("a", "ring", json!([figure("a1", json!({ "total": 0 }))])), "sections[0].figures[0].total", |k| *k == ProblemKind::NotPositive),
        (section("a", "compare", json!([figure("a1", json!({}))])), "sections[0].figures[0].previous", |k| matches!(k, ProblemKind::NeedsField { .. })),
        (section("a", "pictogram", json!([figure("a1", json!({ "value": 2.5 }))])), "sections[0].figures[0].value", |k| *k == ProblemKind::NotWholeNumber),
        (section("a", "gauge", json!([figure("a1", json!({ "progress": 2000 }))])), "sections[0].figures[0].progress", |k| matches!(k, ProblemKind::OutOfRange { .. })),
    ];
    for (section, path, kind) in cases {
        let err = check(minimal(json!([section]))).unwrap_err();
        let found = err.problems.iter().find(|p| p.path == path);
        assert!(found.is_some_and(|p| kind(&p.kind)), "{path}: {:?}", err.problems);
        let problem = found.map(|p| (p.message(Locale::Zh), p.message(Locale::En))).unwrap_or_default();
        assert!(problem.0.starts_with(path) && problem.1.starts_with(path), "{problem:?}");
        assert_ne!(problem.0, problem.1, "a message in each language");
    }
    let err = Report::from_json_str("{ not json").unwrap_err();
    assert!(matches!(err.problems[0].kind, ProblemKind::Syntax { .. }));
}

#[test]
fn stats_take_a_negative_previous_and_english_a_longer_text() {
    // A CPI of −0.7% against −0.2% a year before; a faithful English note longer than its Chinese.
    let value = minimal(json!([json!({ "id": "s", "kind": "stats", "title": "t", "note": { "zh": "注".repeat(MAX_TEXT_CHARS), "en": "n".repeat(MAX_TEXT_CHARS + 50) },
        "figures": [{ "id": "cpi", "label": "x", "value": -0.7, "previous": -0.2, "unit": "%", "better": "higher" }] })]));
    assert!(check(value).is_ok());
}

#[test]
fn numbers_must_be_finite_and_readable() {
    let value = minimal(json!([
        bars(json!([{ "id": "a", "label": "x", "value": 1e300, "unit": "个" }])),
        json!({ "id": "t", "kind": "bars", "title": "t", "figures": [{ "id": "b", "label": "x", "value": -1, "unit": "个" }] })
    ]));
    let err = check(value).unwrap_err();
    assert_eq!(err.problems[0].kind, ProblemKind::TooLarge);
    assert_eq!(err.problems[1].kind, ProblemKind::Negative);
}

#[test]
fn chinese_messages_hold_no_english_words() {
    let value = minimal(json!([bars(json!([{ "id": "a", "label": ["x"], "value": {}, "unit": "个", "approx": true }]))]));
    let err = check(json!({ "title": [], "period": "P", "source": "S", "sections": [] })).unwrap_err();
    assert_eq!(err.problems[0].message(Locale::Zh), "title: 应为文本(字符串或 {zh, en}),实际是 数组");
    let err = check(value).unwrap_err();
    let zh: Vec<String> = err.problems.iter().map(|p| p.message(Locale::Zh)).collect();
    assert_eq!(
        zh,
        vec![
            "sections[0].figures[0].label: 应为文本(字符串或 {zh, en}),实际是 数组",
            "sections[0].figures[0].value: 应为数字,实际是 对象",
            "sections[0].figures[0].approx: 应为\"over\" 或 \"about\",实际是 true",
        ]
    );
    let ring = json!({ "id": "r", "kind": "ring", "title": "t", "figures": [{ "id": "a", "label": "x", "value": 5, "unit": "个" }] });
    let err = check(minimal(json!([ring]))).unwrap_err();
    assert_eq!(err.problems[0].message(Locale::Zh), "sections[0].figures[0].total: ring 类型需要 total 字段(或单位 \"%\")");
    assert_eq!(err.problems[0].message(Locale::En), "sections[0].figures[0].total: a ring chart needs total (or unit \"%\")");
    let err = Report::from_json_str("{\"title\":\n ").unwrap_err();
    let zh = err.problems[0].message(Locale::Zh);
    assert!(zh.starts_with("第2行第") && zh.ends_with("列: 不是有效的 JSON"), "{zh}");
}

#[test]
fn every_chinese_message_is_in_chinese() {
    use super::problems::{Expected, Got, Needed};
    let expected = [Expected::Number, Expected::String, Expected::Object, Expected::Array, Expected::Text, Expected::Approx];
    let got = [Got::Null, Got::Bool(true), Got::Number(2.5), Got::String("abc".into(), true), Got::Array, Got::Object];
    let mut kinds = vec![
        ProblemKind::Syntax { line: 2, column: 7, detail: "EOF while parsing a value".into() },
        ProblemKind::UnknownField { allowed: &["id", "label"] },
        ProblemKind::UnknownKind("pie".into()),
        ProblemKind::Empty,
        ProblemKind::TooLong { max: 300 },
        ProblemKind::TooMany { max: 200 },
        ProblemKind::NotFinite,
        ProblemKind::TooLarge,
        ProblemKind::Negative,
        ProblemKind::DuplicateId("gdp".into()),
        ProblemKind::ExceedsWhole { whole: 4.0 },
        ProblemKind::NotWholeNumber,
        ProblemKind::NotPositive,
        ProblemKind::OutOfRange { min: 0.0, max: 1000.0 },
    ];
    for e in expected {
        kinds.push(ProblemKind::Missing { expected: e });
        kinds.extend(got.iter().map(|g| ProblemKind::WrongType { expected: e, got: g.clone() }));
    }
    for (field, kind) in [(Needed::Previous, Kind::Compare), (Needed::TotalOrPercent, Kind::Ring), (Needed::ProgressOrTarget, Kind::Gauge)] {
        kinds.push(ProblemKind::NeedsField { field, kind });
    }
    // Words a Chinese message may hold: the format's own names (fields, kinds, JSON literals,
    // the values of approx) and the quoted values of the report itself.
    let names: Vec<&str> = Kind::ALL.iter().map(|(_, name)| *name).collect();
    let allowed = ["id", "label", "zh", "en", "over", "about", "null", "true", "false", "JSON", "previous", "total", "progress", "target", "abc", "pie", "gdp"];
    for kind in kinds {
        let problem = Problem::new("sections[0].figures[0].value", kind);
        let (zh, en) = (problem.message(Locale::Zh), problem.message(Locale::En));
        assert_ne!(zh, en);
        let text = zh.trim_start_matches("sections[0].figures[0].value");
        for word in text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
            assert!(allowed.contains(&word) || names.contains(&word), "{word:?} in {zh}");
        }
    }
}

#[test]
fn publisher_better_and_chapter_accent_are_read_and_checked() {
    let report = check(json!({"publisher": {"zh": "某区新闻网", "en": "District News"}, "title": "T", "period": "P", "source": "S", "sections": [
        {"id": "s", "kind": "bars", "title": "t", "chapter": {"zh": "生态", "en": "Ecology", "accent": "green"},
         "figures": [{"id": "a", "label": "a", "value": 1, "unit": "个", "better": "lower"}]}]}));
    let report = report.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.publisher.as_ref().map(|p| p.get(Locale::En)), Some("District News"));
    let section = report.valid_sections().next().unwrap_or_else(|| panic!("a section"));
    assert_eq!((section.accent, section.figures[0].better), (Some(Accent::Green), Some(Better::Lower)));
    assert_eq!(section.chapter.as_ref().map(|c| c.get(Locale::En)), Some("Ecology"));
    let bad = check(json!({"title": "T", "period": "P", "source": "S", "sections": [
        {"id": "s", "kind": "bars", "title": "t", "chapter": {"zh": "生态", "accent": "teal"},
         "figures": [{"id": "a", "label": "a", "value": 1, "unit": "个", "better": "up"}]},
        {"id": "t", "kind": "bars", "title": "t", "figures": [{"id": "b", "label": "b", "value": 1, "unit": "个"}]}]}));
    let problems = bad.map(|r| r.problems()).unwrap_or_default();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, vec!["sections[0].chapter.accent", "sections[0].figures[0].better"]);
    let zh: Vec<String> = problems.iter().map(|p| p.message(Locale::Zh)).collect();
    assert!(zh[1].contains("\"higher\" 或 \"lower\""), "{zh:?}");
}
