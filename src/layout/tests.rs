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
    // The issue's headline figures, as a reader sees them.
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
fn a_scaled_box_maps_each_marks_shown_centre_back_to_it() {
    // The editor's desktop preview: 1280 px shown 800 px wide.
    let scene = scene(1280.0, Locale::Zh);
    let scale = scene.shown_scale(800.0);
    assert!((scale - 0.625).abs() < 1e-9);
    for (i, item) in scene.items.iter().enumerate() {
        let (x, y) = item.rect.center();
        let (shown_x, shown_y) = (x * scale, y * scale);
        assert_eq!(scene.hit_test(shown_x / scale, shown_y / scale), Some(i), "{}", item.id);
    }
    assert_eq!(scene.shown_scale(0.0), 1.0, "a box not laid out");
    assert_eq!(scene.shown_scale(1280.0), 1.0);
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
    for path in ["www/reports/zhongyuan-2020-h1.json", "www/reports/example-2021-q1.json", "tests/reports/showcase.json", "tests/reports/narrow.json", "tests/reports/long.json", "tests/reports/riverside.json", "tests/reports/hillside.json", "tests/reports/lakeside.json", "tests/reports/qinglan.json"] {
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

/// A report of one section of `kind` with the figures given as JSON.
fn one_section(kind: &str, figures: &str) -> Report {
    let json = format!(r#"{{"title": "测试", "period": "2025年", "previous_period": "2024年", "source": "测试", "sections": [{{"id": "s", "kind": "{kind}", "title": "测试", "figures": [{figures}]}}]}}"#);
    Report::from_json_str(&json).expect("a valid report")
}

#[test]
fn stats_tiles_show_the_change_in_its_colour_and_share_a_size_a_row() {
    let report = one_section(
        "stats",
        r#"{"id": "gdp", "label": "地区生产总值", "value": 1286.45, "unit": "亿元", "previous": 1241.2, "better": "higher"},
           {"id": "industry", "label": "规上工业增加值", "value": 402.7, "unit": "亿元", "previous": 431.9, "better": "higher"},
           {"id": "cpi", "label": "居民消费价格指数涨幅", "value": -0.4, "unit": "%"}"#,
    );
    let theme = crate::theme::Theme::get(ThemeName::Light);
    for width in [320.0, 390.0, 1280.0] {
        let scene = layout_simple(&report, width, Locale::Zh);
        let run = |text: &str| scene.text_bounds().find(|(t, _)| *t == text).map(|(_, r)| r).unwrap_or_else(|| panic!("{width}px: no \"{text}\""));
        let colour = |text: &str| {
            scene.shapes.iter().find_map(|s| match s {
                Shape::Text(t) if t.text == text => Some(t.color),
                _ => None,
            })
        };
        assert_eq!(colour("同比+45.25亿元"), Some(theme.good), "{width}px: a rise that is good news");
        assert_eq!(colour("同比−29.2亿元"), Some(theme.bad), "{width}px: a fall that is bad news");
        let item = |id: &str| scene.items.iter().find(|i| i.id == id).unwrap();
        assert_eq!(item("industry").comparison.as_deref(), Some("同比−29.2亿元"));
        assert_eq!(item("cpi").comparison, None, "no previous, no change");
        // The change is inside its tile, under the number and above the label.
        assert!(item("industry").rect.contains(run("同比−29.2亿元").center().0, run("同比−29.2亿元").center().1));
        // Tiles side by side are set at one size.
        let sizes: Vec<f64> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text(t) if t.bold && ["1286.45", "402.7", "−0.4%"].iter().any(|n| t.text.starts_with(n)) => Some(t.size),
                _ => None,
            })
            .collect();
        assert_eq!(sizes.len(), 3, "{width}px: {sizes:?}");
        if width >= 420.0 {
            assert!(sizes.iter().all(|s| *s == sizes[0]), "{width}px: one row, one size: {sizes:?}");
        }
    }
}

#[test]
fn overlapping_subsets_each_get_every_icon_and_disjoint_ones_share_a_grid() {
    let icons = |report: &Report| {
        let scene = layout_simple(report, 390.0, Locale::Zh);
        let mut by_colour: Vec<(crate::theme::Color, usize)> = Vec::new();
        for shape in &scene.shapes {
            if let Shape::Circle { color, r, .. } = shape {
                if *r < 12.0 {
                    match by_colour.iter_mut().find(|(c, _)| c == color) {
                        Some((_, n)) => *n += 1,
                        None => by_colour.push((*color, 1)),
                    }
                }
            }
        }
        by_colour
    };
    // 297 + 118 > 412: they overlap; each is drawn whole in a grid of its own.
    let overlapping = one_section(
        "pictogram",
        r#"{"id": "all", "label": "专职网格员", "value": 412, "unit": "名"},
           {"id": "degree", "label": "其中大专以上学历", "value": 297, "unit": "名"},
           {"id": "young", "label": "其中35岁以下", "value": 118, "unit": "名"}"#,
    );
    // In drawing order: the whole's legend dot, a grid of 412 with 297 highlighted and its
    // legend dot, a grid of 412 with 118 highlighted and its legend dot.
    let scene = layout_simple(&overlapping, 390.0, Locale::Zh);
    let dots: Vec<crate::theme::Color> = scene.shapes.iter().filter_map(|s| if let Shape::Circle { color, .. } = s { Some(*color) } else { None }).collect();
    assert_eq!(dots.len(), 1 + 412 + 1 + 412 + 1);
    let grey = dots[0];
    let highlighted = |grid: &[crate::theme::Color]| grid.iter().filter(|c| **c != grey).count();
    assert_eq!(highlighted(&dots[1..413]), 297);
    assert_eq!(highlighted(&dots[414..826]), 118);
    assert!(dots[1..297].iter().all(|c| *c != grey) && dots[414..532].iter().all(|c| *c != grey), "each counted from the first icon");
    // 12 + 5 <= 64: one grid, the subsets one after the other.
    let disjoint = one_section(
        "pictogram",
        r#"{"id": "all", "label": "新开工项目", "value": 64, "unit": "个"},
           {"id": "large", "label": "其中10亿元以上", "value": 12, "unit": "个"},
           {"id": "foreign", "label": "其中外资", "value": 5, "unit": "个"}"#,
    );
    let mut counts: Vec<usize> = icons(&disjoint).into_iter().map(|(_, n)| n).collect();
    counts.sort();
    assert_eq!(counts, vec![5 + 1, 12 + 1, 47 + 1]);
}

#[test]
fn a_gauge_past_its_target_keeps_its_percentage_inside_and_shows_the_excess() {
    let report = one_section(
        "gauge",
        r#"{"id": "a", "label": "光伏发电量", "value": 3.4, "unit": "万千瓦时", "progress": 312.4},
           {"id": "b", "label": "重点项目投资", "value": 456.78, "unit": "亿元", "progress": 135.7},
           {"id": "c", "label": "新增就业", "value": 1.23, "unit": "万人", "progress": 246},
           {"id": "d", "label": "污水治理", "value": 87, "unit": "个", "progress": 72.5}"#,
    );
    for width in [360.0, 1280.0, 1440.0] {
        let scene = layout_simple(&report, width, Locale::Zh);
        let arcs: Vec<(f64, f64, f64, f64, f64)> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Arc { cx, cy, outer, inner, end, .. } => Some((*cx, *cy, *outer, *inner, *end)),
                _ => None,
            })
            .collect();
        for share in ["312.4%", "135.7%", "246%", "72.5%"] {
            let (_, r) = scene.text_bounds().find(|(t, _)| *t == share).unwrap_or_else(|| panic!("{width}px: no {share}"));
            // The gauge whose centre is nearest the text, and the innermost arc of it.
            let (tx, ty) = r.center();
            let distance = |a: &(f64, f64)| (a.0 - tx).powi(2) + (a.1 - ty).powi(2);
            let (cx, cy) = arcs.iter().map(|a| (a.0, a.1)).filter(|a| a.1 > ty).min_by(|a, b| distance(a).total_cmp(&distance(b))).unwrap();
            let hole = arcs.iter().filter(|a| a.0 == cx && a.1 == cy).map(|a| a.3).fold(f64::INFINITY, f64::min);
            for (x, y) in [(r.x, r.y), (r.right(), r.y), (r.x, r.bottom()), (r.right(), r.bottom())] {
                assert!(((x - cx).powi(2) + (y - cy).powi(2)).sqrt() <= hole + 0.5, "{width}px: {share} runs into its arc");
            }
        }
        // 135.7%, 246% and 312.4% each get a second lap (track and excess), 72.5% none.
        let laps = arcs.iter().filter(|a| arcs.iter().any(|o| o.0 == a.0 && o.1 == a.1 && o.2 > a.2 + 1.0)).count();
        assert_eq!(laps, 6, "{width}px: {arcs:?}");
    }
}

#[test]
fn a_tiny_share_reads_less_than_a_tenth_not_zero() {
    let report = one_section("ring", r#"{"id": "ev", "label": "新能源汽车", "value": 3, "unit": "辆", "total": 12345}"#);
    let scene = layout_simple(&report, 390.0, Locale::Zh);
    assert!(scene.text_bounds().any(|(t, _)| t == "<0.1%"));
    assert!(!scene.text_bounds().any(|(t, _)| t == "0%"));
}

#[test]
fn a_long_chapter_name_wraps_rather_than_being_cut() {
    let json = r#"{"title": "测试", "period": "2025年", "source": "测试", "sections": [{"id": "s", "kind": "stats", "title": "测试",
        "chapter": {"zh": "生态环境保护与绿色低碳高质量发展及城乡人居环境综合整治", "en": "Environmental protection, low-carbon high-quality growth and the living environment"},
        "figures": [{"id": "a", "label": "x", "value": 1, "unit": "个"}]}]}"#;
    let report = Report::from_json_str(json).expect("a valid report");
    for locale in [Locale::Zh, Locale::En] {
        let scene = layout_simple(&report, 320.0, locale);
        let heading = scene.headings[0];
        let runs: Vec<&str> = scene.text_bounds().filter(|(_, r)| heading.contains(r.center().0, r.center().1)).map(|(t, _)| t).collect();
        assert!(runs.len() >= 2, "{locale:?}: {runs:?}");
        assert!(runs.iter().all(|t| !t.contains('…')), "{locale:?}: {runs:?}");
        let name = report.sections[0].chapter().unwrap().get(locale);
        assert_eq!(runs.concat().replace(' ', ""), name.replace(' ', ""), "{locale:?}: every word is there");
    }
}

#[test]
fn a_pictogram_of_more_than_five_hundred_draws_one_icon_per_round_number() {
    let report = one_section(
        "pictogram",
        r#"{"id": "all", "label": "建档立卡户", "value": 1280, "unit": "户"},
           {"id": "jobs", "label": "其中稳定就业", "value": 487, "unit": "户"}"#,
    );
    for locale in [Locale::Zh, Locale::En] {
        let scene = layout_simple(&report, 390.0, locale);
        let icons = |color: crate::theme::Color| scene.shapes.iter().filter(|s| matches!(s, Shape::Circle { color: c, .. } if *c == color)).count();
        let theme = crate::theme::Theme::get(ThemeName::Light);
        let all = scene.shapes.iter().filter(|s| matches!(s, Shape::Circle { .. })).count();
        // 1280 in icons of 5: 256, of which 97 (487 / 5, rounded) are the subset's; the rest
        // are the whole's. (Legend swatches are circles too: one each.)
        assert_eq!(all, 256 + 2, "{locale:?}");
        assert_eq!(icons(theme.previous), 256 - 97 + 1, "{locale:?}");
        let caption = match locale {
            Locale::Zh => "每个图标代表5户",
            Locale::En => "One icon stands for 5",
        };
        assert!(scene.text_bounds().any(|(t, _)| t == caption), "{locale:?}: {:?}", scene.text_bounds().map(|(t, _)| t).collect::<Vec<_>>());
    }
    assert_eq!(super::charts::pictogram::per_icon(500.0), 1.0);
    assert_eq!(super::charts::pictogram::per_icon(501.0), 2.0);
    assert_eq!(super::charts::pictogram::per_icon(12000.0), 50.0);
}

#[test]
fn tiles_fill_their_rows_evenly() {
    let figures: Vec<String> = (1..=8).map(|i| format!(r#"{{"id": "t{i}", "label": "指标{i}", "value": {i}{i}, "unit": "个"}}"#)).collect();
    let report = one_section("stats", &figures.join(","));
    let scene = layout_simple(&report, 1280.0, Locale::Zh);
    let mut rows: Vec<f64> = scene.items.iter().map(|i| i.rect.y).collect();
    rows.dedup();
    assert_eq!(rows.len(), 2, "{:?}", scene.items.iter().map(|i| (i.id.clone(), i.rect.y)).collect::<Vec<_>>());
    let first_row = scene.items.iter().filter(|i| i.rect.y == rows[0]).count();
    assert_eq!(first_row, 4, "8 tiles as 4 + 4, not 5 + 3");
}

#[test]
fn a_compares_two_values_share_one_size() {
    let report = one_section(
        "compare",
        r#"{"id": "fdi", "label": "实际使用外资", "value": 3860, "unit": "万美元", "approx": "over", "previous": 4420}"#,
    );
    for (width, locale) in [(390.0, Locale::En), (1280.0, Locale::En), (390.0, Locale::Zh)] {
        let scene = layout_simple(&report, width, locale);
        let sizes: Vec<f64> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text(t) if t.bold && (t.text.contains("38.6") || t.text.contains("44.2") || t.text.contains("3860") || t.text.contains("4420")) => Some(t.size),
                _ => None,
            })
            .collect();
        assert!(sizes.len() >= 2 && sizes.iter().all(|s| *s == sizes[0]), "{width} px {locale:?}: {sizes:?}");
    }
}

#[test]
fn parts_and_steps_stand_out_from_the_card_and_from_each_other() {
    let figures = (1..=6).map(|i| format!(r#"{{"id": "p{i}", "label": "第{i}项", "value": {}, "unit": "亿元"}}"#, 10 - i)).collect::<Vec<_>>().join(",");
    for kind in ["parts", "funnel"] {
        let report = one_section(kind, &figures);
        for name in [ThemeName::Light, ThemeName::Dark] {
            let theme = crate::theme::Theme::get(name);
            let options = LayoutOptions { width: 390.0, locale: Locale::Zh, theme: &theme, progress: 1.0, measure: &EstimatedMeasure };
            let scene = layout(&report, &options);
            // The fills of the parts' segments (or the steps' bars), in order, without the
            // card, the track and the legend's swatches (12 px squares).
            let mut fills: Vec<Color> = Vec::new();
            for shape in &scene.shapes {
                if let Shape::Rect { rect, color, .. } = shape {
                    if rect.height >= 20.0 && rect.height <= 40.0 && *color != theme.track && *color != theme.card && !fills.contains(color) {
                        fills.push(*color);
                    }
                }
            }
            assert_eq!(fills.len(), 6, "{kind} {name:?}: {fills:?}");
            for (i, fill) in fills.iter().enumerate() {
                assert!(fill.contrast(theme.card) >= 3.0, "{kind} {name:?}: part {i} {fill:?} has {:.2}:1 against the card", fill.contrast(theme.card));
                if i > 0 {
                    let (a, b) = (fills[i - 1].luminance(), fill.luminance());
                    assert!((a - b).abs() > 0.01, "{kind} {name:?}: parts {} and {i} look alike", i - 1);
                }
            }
        }
    }
}
