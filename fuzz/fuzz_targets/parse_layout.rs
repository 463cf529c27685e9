//! Fuzzes the parse-and-layout entry point: any bytes as a report file, laid out at a width the
//! input chooses. Parsing either fails with located problems or the scene keeps every mark and
//! label inside the canvas; nothing panics.
#![no_main]

use district_infographic::layout::{layout, LayoutOptions};
use district_infographic::report::Report;
use district_infographic::text::EstimatedMeasure;
use district_infographic::{Locale, Theme, ThemeName};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, json)) = data.split_first() else { return };
    let Ok(json) = std::str::from_utf8(json) else { return };
    let report = match Report::from_json_str(json) {
        Ok(report) => report,
        Err(error) => {
            assert!(!error.problems.is_empty());
            return;
        }
    };
    let width = 280.0 + f64::from(choice) * 5.0;
    let locale = if choice & 1 == 0 { Locale::Zh } else { Locale::En };
    let theme = Theme::get(if choice & 2 == 0 { ThemeName::Light } else { ThemeName::Dark });
    let scene = layout(&report, &LayoutOptions { width, locale, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
    for item in &scene.items {
        let r = item.rect;
        assert!(r.x >= -0.01 && r.x + r.width <= scene.width + 0.5 && r.y >= 0.0 && r.y + r.height <= scene.height, "{item:?}");
    }
    for (text, r) in scene.text_bounds() {
        assert!(r.x >= -0.01 && r.x + r.width <= scene.width + 0.5, "{text:?} {r:?}");
    }
});
