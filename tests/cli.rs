//! The command-line tool: `check` and `render`, run as a reader of its output would. The PNG
//! and SVG are compared with checked-in references; `UPDATE_REFERENCE=1 cargo test --test cli`
//! writes them anew.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_infographic")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().expect("the binary runs")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("infographic-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

const DEFAULT: &str = "www/reports/zhongyuan-2020-h1.json";

#[test]
fn check_passes_both_example_reports() {
    for report in [DEFAULT, "www/reports/example-2021-q1.json"] {
        let output = run(&["check", report]);
        assert!(output.status.success(), "{}", text(&output));
        assert!(text(&output).contains("OK"), "{}", text(&output));
    }
}

#[test]
fn check_names_each_problem_by_its_path() {
    let output = run(&["check", "tests/fixtures/bad-value.json", "--locale", "en"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("sections[0].figures[0].value: expected a number, got \"abc\""), "{}", text(&output));
    let output = run(&["check", "tests/fixtures/one-broken-section.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("sections[1].figures[0].value: 不能超过整体 4"), "{}", text(&output));
    assert!(text(&output).contains("2 of 3 sections would still draw"), "{}", text(&output));
}

#[test]
fn usage_and_missing_files_are_clear_errors() {
    assert_eq!(run(&[]).status.code(), Some(2));
    let output = run(&["check", "no/such/report.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("no/such/report.json: cannot read the file"), "{}", text(&output));
    let output = run(&["render", DEFAULT, "--out", "x.gif"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains(".svg or .png"), "{}", text(&output));
}

/// Compares with the reference, or writes it when UPDATE_REFERENCE is set.
fn reference(name: &str, produced: &Path) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference").join(name);
    if std::env::var_os("UPDATE_REFERENCE").is_some() {
        std::fs::copy(produced, &path).expect("write reference");
        return None;
    }
    Some(path)
}

#[test]
fn render_svg_carries_the_text_and_matches_the_reference() {
    let out = temp("default.svg");
    let output = run(&["render", DEFAULT, "--out", out.to_str().unwrap_or_default(), "--width", "390"]);
    assert!(output.status.success(), "{}", text(&output));
    let svg = std::fs::read_to_string(&out).expect("svg written");
    for expected in ["317.8亿元", "中原区2020年上半年成绩单", "同比增减", "数据来源"] {
        assert!(svg.contains(expected), "the SVG lacks {expected}");
    }
    if let Some(path) = reference("default-zh-light-390.svg", &out) {
        let expected = std::fs::read_to_string(path).expect("reference svg");
        let normalise = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(normalise(&svg), normalise(&expected), "the SVG differs from tests/reference");
    }
}

fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::fs::File::open(path).expect("png"));
    let mut reader = decoder.read_info().expect("png header");
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).expect("png data");
    buffer.truncate(info.buffer_size());
    let rgb = match info.color_type {
        png::ColorType::Rgba => buffer.chunks(4).flat_map(|p| [p[0], p[1], p[2]]).collect(),
        _ => buffer,
    };
    (info.width, info.height, rgb)
}

#[test]
fn render_png_draws_chinese_and_matches_the_reference() {
    let out = temp("default.png");
    let output = run(&["render", DEFAULT, "--out", out.to_str().unwrap_or_default(), "--width", "390", "--scale", "1", "--theme", "dark"]);
    assert!(output.status.success(), "{}", text(&output));
    let (width, height, pixels) = decode(&out);
    assert_eq!(width, 390);
    assert!(height > 3000, "a tall image, {height} px");
    // The title's strip is full of glyph pixels: Chinese was drawn, not boxes or nothing.
    let background = [0x12, 0x13, 0x16];
    let title_ink = pixels.chunks(3).skip(390 * 40).take(390 * 40).filter(|p| p[0] > 200 && p[1] > 200).count();
    assert!(title_ink > 400, "only {title_ink} light pixels in the title strip");
    assert!(pixels.chunks(3).filter(|p| *p != background).count() > (width * height / 4) as usize);
    if let Some(path) = reference("default-zh-dark-390.png", &out) {
        let (w, h, expected) = decode(&path);
        assert_eq!((w, h), (width, height), "size differs from tests/reference");
        let differing = pixels.chunks(3).zip(expected.chunks(3)).filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 32)).count();
        assert!(differing * 100 < (w * h) as usize, "{differing} pixels differ from tests/reference");
    }
}
