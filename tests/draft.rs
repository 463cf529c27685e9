//! The extractor measured against hand-made reports: every `tests/articles/NAME.txt` that has a
//! `NAME.json` (the report a person made from it) is drafted, and the draft is scored.
//!
//! - recall: the hand-made report's figures found in the draft with the right value and unit
//!   (as a figure, or as the `total` of a part or the `target` of a figure); labels are not compared. Values are compared
//!   as quantities: 2万家 and 20000家, 74.4万平方米 and 74.4万㎡ are the same.
//! - precision: the drafted figures that are real figures of the article, that is whose value
//!   and unit are in the hand-made report (as a figure, a total or a target) or in `NAME.extra.txt`, the
//!   list of real figures the hand-made report left out, one `value unit # why` a line.
//! - relations: how many of the report's `previous`, `total`, `progress`/`target` and pictogram
//!   subsets the draft recovered on the matching figure.
//!
//! It prints each article's scores (`cargo test --test draft -- --nocapture`) and fails below
//! recall 90% or precision 85% on any article. Every draft must also validate with no problem
//! and lay out at 390 and 1280 px. Hostile text gives an error or a valid draft, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use district_infographic::draft::{draft, Draft, DraftError};
use district_infographic::layout::{layout, LayoutOptions};
use district_infographic::text::EstimatedMeasure;
use district_infographic::{Locale, Report, Theme, ThemeName};
use proptest::prelude::*;
use serde_json::Value;

const MIN_RECALL: f64 = 0.90;
const MIN_PRECISION: f64 = 0.85;

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.to_string_lossy().ends_with(".extra.txt"))
        .filter(|p| p.with_extension("json").exists())
        .collect();
    found.sort();
    found
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A quantity: the value with any magnitude (万, 亿) multiplied out, and the bare unit.
#[derive(Debug, Clone, PartialEq)]
struct Quantity {
    value: f64,
    unit: String,
}

fn quantity(value: f64, unit: &str) -> Quantity {
    let unit = unit.trim().replace("平方米", "㎡").replace("平方千米", "平方公里");
    for (prefix, m) in [("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("亿", 1e8)] {
        if let Some(rest) = unit.strip_prefix(prefix) {
            if !rest.is_empty() {
                return Quantity { value: (value * m * 1e4).round() / 1e4, unit: rest.to_string() };
            }
        }
    }
    Quantity { value, unit }
}

fn same(a: &Quantity, b: &Quantity) -> bool {
    a.unit == b.unit && (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(b.value.abs()).max(1.0)
}

/// One figure of a report (hand-made or drafted), with what the scoring needs.
#[derive(Debug, Clone)]
struct Figure {
    label: String,
    quantity: Quantity,
    previous: Option<Quantity>,
    total: Option<Quantity>,
    target: Option<Quantity>,
    progress: bool,
    /// A later figure of a pictogram with the first figure's unit.
    subset: bool,
}

fn figures_of(report: &Value) -> Vec<Figure> {
    let mut out = Vec::new();
    for section in report["sections"].as_array().into_iter().flatten() {
        let figures = section["figures"].as_array().cloned().unwrap_or_default();
        let pictogram = section["kind"] == "pictogram";
        let first_unit = figures.first().and_then(|f| f["unit"].as_str()).unwrap_or("").to_string();
        for (i, f) in figures.iter().enumerate() {
            let unit = f["unit"].as_str().unwrap_or("");
            let value = f["value"].as_f64().unwrap_or(f64::NAN);
            let label = match &f["label"] {
                Value::String(s) => s.clone(),
                other => other["zh"].as_str().unwrap_or("").to_string(),
            };
            out.push(Figure {
                label,
                quantity: quantity(value, unit),
                previous: f["previous"].as_f64().map(|p| quantity(p, unit)),
                total: f["total"].as_f64().map(|t| quantity(t, unit)),
                target: f["target"].as_f64().map(|t| quantity(t, unit)),
                progress: f["progress"].is_number() || f["target"].is_number(),
                subset: pictogram && i > 0 && unit == first_unit,
            });
        }
    }
    out
}

/// The real figures the hand-made report left out: `value unit # why`, one a line.
fn extras(article: &Path) -> Vec<Quantity> {
    let path = PathBuf::from(article.to_string_lossy().replace(".txt", ".extra.txt"));
    let Ok(text) = std::fs::read_to_string(&path) else { return Vec::new() };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (figure, why) = line.split_once('#').unwrap_or((line, ""));
        assert!(why.trim().chars().count() >= 4, "{}:{}: each extra figure says why it is real", path.display(), n + 1);
        let mut parts = figure.split_whitespace();
        let value: f64 = parts.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{}:{}: expected `value unit # why`", path.display(), n + 1));
        let unit = parts.next().unwrap_or_else(|| panic!("{}:{}: expected a unit", path.display(), n + 1));
        out.push(quantity(value, unit));
    }
    out
}

/// Takes the first quantity of `pool` equal to `wanted` out of it.
fn take(pool: &mut Vec<Quantity>, wanted: &Quantity) -> bool {
    match pool.iter().position(|q| same(q, wanted)) {
        Some(i) => {
            pool.remove(i);
            true
        }
        None => false,
    }
}

/// Checks that a draft validates with no problem and lays out at a phone's and a desktop's width.
fn draws(name: &str, drafted: &Draft) -> Report {
    let json = drafted.to_json();
    let report = Report::from_json_str(&json).unwrap_or_else(|e| panic!("{name}: the draft does not validate: {}\n{json}", e.message(Locale::En)));
    let problems: Vec<String> = report.problems().iter().map(|p| p.message(Locale::En)).collect();
    assert!(problems.is_empty(), "{name}: {problems:?}");
    let theme = Theme::get(ThemeName::Light);
    let figures: usize = report.valid_sections().map(|s| s.figures.len()).sum();
    for width in [390.0, 1280.0] {
        let scene = layout(&report, &LayoutOptions { width, locale: Locale::Zh, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
        assert!(scene.items.len() >= figures, "{name} at {width}px: {} marks for {figures} figures", scene.items.len());
        assert!(scene.height > 0.0 && scene.height.is_finite());
    }
    report
}

struct Score {
    recall: f64,
    precision: f64,
}

fn score(article: &Path) -> Score {
    let name = article.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let drafted = draft(&read(article)).unwrap_or_else(|e| panic!("{name}: {e}"));
    draws(&name, &drafted);
    let hand: Value = serde_json::from_str(&read(&article.with_extension("json"))).unwrap_or_else(|e| panic!("{name}.json: {e}"));
    let mine: Value = serde_json::from_str(&drafted.to_json()).unwrap_or_else(|e| panic!("{name}: draft JSON: {e}"));
    let hand = figures_of(&hand);
    let mine = figures_of(&mine);

    // Recall: each hand-made figure found once, as a drafted figure or a drafted total.
    let mut pool: Vec<Quantity> = mine.iter().map(|f| f.quantity.clone()).chain(mine.iter().flat_map(|f| [f.total.clone(), f.target.clone()]).flatten()).collect();
    let missed: Vec<&Figure> = hand.iter().filter(|f| !take(&mut pool, &f.quantity)).collect();
    let recall = (hand.len() - missed.len()) as f64 / hand.len().max(1) as f64;

    // Precision: each drafted figure is real once: in the report (figure or total) or listed.
    let mut real: Vec<Quantity> = hand.iter().map(|f| f.quantity.clone()).chain(hand.iter().flat_map(|f| [f.total.clone(), f.target.clone()]).flatten()).collect();
    let mut listed = extras(article);
    let mut from_list = Vec::new();
    let mut wrong = Vec::new();
    for f in &mine {
        if take(&mut real, &f.quantity) {
            continue;
        }
        if take(&mut listed, &f.quantity) {
            from_list.push(f);
        } else {
            wrong.push(f);
        }
    }
    let precision = (mine.len() - wrong.len()) as f64 / mine.len().max(1) as f64;

    // Relations, on the drafted figure of the same quantity.
    let find = |f: &Figure| mine.iter().find(|m| same(&m.quantity, &f.quantity));
    let mut unrecovered = Vec::new();
    let mut count = |name: &str, has: &dyn Fn(&Figure) -> bool, got: &dyn Fn(&Figure, &Figure) -> bool| {
        let wanted: Vec<&Figure> = hand.iter().filter(|f| has(f)).collect();
        let found = wanted.iter().filter(|f| find(f).is_some_and(|m| got(f, m))).count();
        for f in wanted.iter().filter(|f| !find(f).is_some_and(|m| got(f, m))) {
            unrecovered.push(format!("{name} of {} {} {}", f.label, f.quantity.value, f.quantity.unit));
        }
        (found, wanted.len())
    };
    let previous = count("previous", &|f| f.previous.is_some(), &|f, m| m.previous.as_ref().is_some_and(|p| f.previous.as_ref().is_some_and(|q| same(p, q))));
    let total = count("total", &|f| f.total.is_some(), &|f, m| m.total.as_ref().is_some_and(|t| f.total.as_ref().is_some_and(|u| same(t, u))));
    let progress = count("progress", &|f| f.progress, &|_, m| m.progress);
    let subsets = count("subset", &|f| f.subset, &|_, m| m.subset || m.total.is_some());
    let extra_previous = mine.iter().filter(|m| m.previous.is_some()).count();

    println!(
        "{name}: recall {:.1}% ({}/{}), precision {:.1}% ({}/{}, {} from {name}.extra.txt; {:.1}% without it); relations recovered: previous {}/{}, total {}/{}, progress {}/{}, subsets {}/{} (the draft states {} previous values)",
        recall * 100.0,
        hand.len() - missed.len(),
        hand.len(),
        precision * 100.0,
        mine.len() - wrong.len(),
        mine.len(),
        from_list.len(),
        (mine.len() - wrong.len() - from_list.len()) as f64 / mine.len().max(1) as f64 * 100.0,
        previous.0,
        previous.1,
        total.0,
        total.1,
        progress.0,
        progress.1,
        subsets.0,
        subsets.1,
        extra_previous,
    );
    for f in &missed {
        println!("  missed: {} {} {}", f.label, f.quantity.value, f.quantity.unit);
    }
    for f in &from_list {
        println!("  real, not in the hand-made report (listed): {} {} {}", f.label, f.quantity.value, f.quantity.unit);
    }
    for f in &wrong {
        println!("  not a figure of the report: {} {} {}", f.label, f.quantity.value, f.quantity.unit);
    }
    for relation in &unrecovered {
        println!("  relation not recovered: {relation}");
    }
    Score { recall, precision }
}

#[test]
fn every_article_is_drafted_to_the_bars() {
    let articles = articles();
    assert!(!articles.is_empty(), "no tests/articles/*.txt with a report");
    let mut failures = Vec::new();
    for article in &articles {
        let Score { recall, precision } = score(article);
        if recall < MIN_RECALL || precision < MIN_PRECISION {
            failures.push(format!("{}: recall {:.1}%, precision {:.1}%", article.display(), recall * 100.0, precision * 100.0));
        }
    }
    assert!(failures.is_empty(), "below recall {MIN_RECALL} or precision {MIN_PRECISION}: {failures:?}");
}

/// Drafts `text`; an error must be one of the two the extractor names, and a draft must draw.
fn survives(name: &str, text: &str) -> Option<Draft> {
    match draft(text) {
        Ok(drafted) => {
            draws(name, &drafted);
            Some(drafted)
        }
        Err(DraftError::Empty | DraftError::NoFigure) => None,
    }
}

fn timed(name: &str, limit: Duration, text: &str) -> Option<Draft> {
    let start = Instant::now();
    let drafted = survives(name, text);
    let took = start.elapsed();
    println!("{name}: {} chars in {took:.2?}", text.chars().count());
    assert!(took < limit, "{name} took {took:?}");
    drafted
}

/// The bound for the large cases: a second or two in a release build; an unoptimised test
/// build is allowed ten times that.
fn limit() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(20)
    } else {
        Duration::from_secs(2)
    }
}

#[test]
fn hostile_text_gives_an_error_or_a_draft_that_draws() {
    let seed = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/zhongyuan-2020-h1.txt"));
    assert_eq!(draft("").err(), Some(DraftError::Empty));
    assert_eq!(draft("\n \u{3000}\t").err(), Some(DraftError::Empty));
    // A megabyte of prose: the article again and again.
    let mut prose = String::new();
    while prose.len() < 1 << 20 {
        prose.push_str(&seed);
    }
    assert!(timed("1 MB of prose", limit(), &prose).is_some());
    // One line of 100,000 characters, figures in it.
    let line: String = seed.lines().collect::<Vec<_>>().join("").chars().cycle().take(100_000).collect();
    timed("a 100k-character line", limit(), &line);
    // A million digits, alone and with a unit.
    let digits = "9".repeat(1_000_000);
    assert_eq!(timed("a million digits", limit(), &digits).map(|d| d.figure_count()), None);
    timed("a million digits and a unit", limit(), &format!("{digits}亿元"));
    // Only numbers: nothing is a figure without its unit.
    assert!(survives("only numbers", "1 2 3 4.5 6,789 0371-67890123 2023 7 31").is_none());
    // Binary bytes read as text.
    let bytes: Vec<u8> = (0..100_000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    timed("binary bytes", limit(), &String::from_utf8_lossy(&bytes));
    // Emoji, markup, right-to-left and control characters around real figures.
    let d = survives("emoji and markup", "🎉🎉\n\n<script>alert(1)</script>**新增就业11348人**😀,<b>再就业2266人</b>\u{202e}\u{0}。");
    let d = d.unwrap_or_else(|| panic!("the figures in markup are found"));
    assert!(d.to_json().contains("11348") && !d.to_json().contains("<script>"));
    assert!(survives("only emoji", &"😀🎉🇨🇳".repeat(1000)).is_none());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_an_error_or_a_draft_that_draws(text in ".{0,400}") {
        survives("generated", &text);
    }

    #[test]
    fn prose_like_text_gives_an_error_or_a_draft_that_draws(
        parts in prop::collection::vec(prop_oneof![
            Just("全区生产总值".to_string()), Just("完成".to_string()), Just("317.8".to_string()), Just("亿元".to_string()),
            Just(",".to_string()), Just("。".to_string()), Just("\n\n".to_string()), Just("## 标题\n".to_string()),
            Just("其中".to_string()), Just("同比增长".to_string()), Just("同比减少".to_string()), Just("%".to_string()),
            Just("个".to_string()), Just("余".to_string()), Just("近百".to_string()), Just("占年度目标的".to_string()),
            Just("由".to_string()), Just("增加到".to_string()), Just("上年为".to_string()), Just("、".to_string()),
            Just("“".to_string()), Just("”".to_string()), Just("第".to_string()), Just("年".to_string()),
            (0u32..100_000).prop_map(|n| n.to_string()), Just("万".to_string()), Just("0".to_string()),
        ], 0..60)
    ) {
        survives("prose-like", &parts.concat());
    }
}
