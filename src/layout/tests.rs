use super::*;
use crate::report::Report;
use crate::text::EstimatedMeasure;
use crate::theme::ThemeName;

const WIDTHS: [f64; 7] = [280.0, 320.0, 360.0, 390.0, 768.0, 1280.0, 1440.0];

fn scene(width: f64, locale: Locale) -> Scene {
    let report = Report::default_report().expect("default report");
    layout_simple(&report, width, locale)
}

#[test]
fn every_figure_of_the_report_is_an_item_with_its_unit() {
    let report = Report::default_report().expect("default report");
    let scene = layout_simple(&report, 390.0, Locale::Zh);
    for section in report.valid_sections() {
        for figure in &section.figures {
            let item = scene.items.iter().find(|i| i.id == figure.id);
            let item = item.unwrap_or_else(|| panic!("no item for {}", figure.id));
            assert_eq!((item.value, item.unit.as_str(), item.section.as_str()), (figure.value, figure.unit.as_str(), section.id.as_str()));
        }
    }
    // The headline figures, as a reader sees them.
    let text = |id: &str| scene.items.iter().find(|i| i.id == id).map(|i| i.text.clone());
    assert_eq!(text("gdp").as_deref(), Some("317.8亿元"));
    assert_eq!(text("good-air-days").as_deref(), Some("85天"));
    assert_eq!(text("good-air-days.previous").as_deref(), Some("62天"));
    assert_eq!(text("parking-spaces").as_deref(), Some("4786个"));
    assert_eq!(text("new-jobs").as_deref(), Some("11348人"));
    let comparison = |id: &str| scene.items.iter().find(|i| i.id == id).and_then(|i| i.comparison.clone());
    assert_eq!(comparison("good-air-days").as_deref(), Some("同比+23天"));
    assert_eq!(comparison("key-projects-investment").as_deref(), Some("占年度目标56.9%"));
    assert_eq!(comparison("compounds-done").as_deref(), Some("占54.8%(共487个)"));
}

#[test]
fn no_two_text_runs_overlap_at_any_width_in_either_language() {
    for locale in [Locale::Zh, Locale::En] {
        for width in WIDTHS {
            let scene = scene(width, locale);
            let runs: Vec<(&str, Rect)> = scene.text_bounds().collect();
            for (i, (a, ra)) in runs.iter().enumerate() {
                for (b, rb) in &runs[i + 1..] {
                    assert!(!ra.intersects(rb), "{locale:?} {width}px: {a:?} {ra:?} overlaps {b:?} {rb:?}");
                }
            }
        }
    }
}

#[test]
fn everything_stays_inside_the_canvas() {
    for locale in [Locale::Zh, Locale::En] {
        for width in WIDTHS {
            let scene = scene(width, locale);
            let page = Rect::new(0.0, 0.0, scene.width, scene.height);
            for (text, r) in scene.text_bounds() {
                assert!(r.x >= 0.0 && r.right() <= page.right() + 0.5 && r.bottom() <= page.bottom(), "{locale:?} {width}px: {text:?} {r:?} outside");
            }
            for item in &scene.items {
                let r = item.rect;
                assert!(r.x >= 0.0 && r.right() <= page.right() + 0.5 && r.y >= 0.0 && r.bottom() <= page.bottom(), "{width}px: {} {r:?}", item.id);
            }
        }
    }
}

#[test]
fn text_stays_inside_its_card() {
    for width in WIDTHS {
        let scene = scene(width, Locale::En);
        for crate::scene::Card { section: id, rect: card } in &scene.cards {
            for (text, r) in scene.text_bounds() {
                let centre = r.center();
                if card.contains(centre.0, centre.1) {
                    assert!(r.x >= card.x && r.right() <= card.right() + 0.5, "{width}px {id}: {text:?} {r:?} leaves {card:?}");
                }
            }
        }
    }
}

#[test]
fn each_mark_is_found_at_its_centre() {
    for width in [320.0, 1280.0] {
        let scene = scene(width, Locale::Zh);
        for (i, item) in scene.items.iter().enumerate() {
            let (x, y) = item.rect.center();
            assert_eq!(scene.hit_test(x, y), Some(i), "{width}px: {} at its centre", item.id);
        }
        assert_eq!(scene.hit_test(-5.0, -5.0), None);
        assert_eq!(scene.hit_test(f64::NAN, 3.0), None);
    }
}

#[test]
fn phones_get_one_column_and_desktops_three() {
    let columns = |width: f64| {
        let scene = scene(width, Locale::Zh);
        let mut xs: Vec<i64> = scene.cards.iter().map(|card| card.rect.x.round() as i64).collect();
        xs.sort_unstable();
        xs.dedup();
        xs.len()
    };
    assert_eq!(columns(360.0), 1);
    assert_eq!(columns(768.0), 2);
    assert_eq!(columns(1280.0), 3);
}

#[test]
fn animation_grows_from_nothing_to_the_final_scene() {
    let report = Report::default_report().expect("default report");
    let theme = Theme::get(ThemeName::Dark);
    let at = |progress: f64| {
        layout(&report, &LayoutOptions { width: 390.0, locale: Locale::Zh, theme: &theme, progress, measure: &EstimatedMeasure })
    };
    let start = at(0.0);
    let end = at(1.0);
    assert_eq!(start.items, end.items, "marks keep their boxes while they grow");
    assert_eq!(start.height, end.height);
    let texts = |s: &Scene| s.text_bounds().map(|(t, _)| t.to_string()).collect::<Vec<_>>();
    assert!(texts(&start).iter().any(|t| t == "0亿元"), "numbers count up from zero");
    assert!(texts(&end).iter().any(|t| t == "317.8亿元"), "{:?}", texts(&end));
}

/// At 1280 and 1440 px, at most 30% of the area between the first chapter heading and the
/// last mark is bare page, in every example report (`-- --nocapture` prints each share).
#[test]
fn example_reports_leave_little_bare_page_on_desktops() {
    for path in ["www/reports/zhongyuan-2020-h1.json", "www/reports/example-2021-q1.json", "tests/reports/showcase.json", "tests/reports/narrow.json", "tests/reports/long.json"] {
        let Ok(json) = std::fs::read_to_string(path) else { continue };
        let Ok(report) = Report::from_json_str(&json) else { continue };
        for width in [1280.0, 1440.0] {
            for locale in [Locale::Zh, Locale::En] {
                let share = grid::bare_share(&layout_simple(&report, width, locale));
                println!("bare page: {path} {width} px {locale:?}: {:.1}%", share * 100.0);
                assert!(share <= 0.30, "{path} {width} px {locale:?}: {:.1}% bare", share * 100.0);
            }
        }
    }
}
