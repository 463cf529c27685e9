//! The command-line tool, run as an editor runs it: `check` and `render`, their exit codes and
//! messages, and the images it writes, compared with the references in `tests/reference/`.
//! `UPDATE_REFERENCE=1 cargo test --test cli` writes the references anew (look at them before
//! committing them).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use district_infographic::layout::{layout, LayoutOptions};
use district_infographic::text::EstimatedMeasure;
use district_infographic::{Locale, Report, Theme, ThemeName};

const DEFAULT: &str = "www/reports/zhongyuan-2020-h1.json";
const EXAMPLE: &str = "www/reports/example-2021-q1.json";

fn run(args: &[&str]) -> Output {
    run_with(args, &[])
}

fn run_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_infographic"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for (name, value) in env {
        command.env(name, value);
    }
    match command.output() {
        Ok(output) => output,
        Err(e) => panic!("the binary does not run: {e}"),
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn all(output: &Output) -> String {
    format!("{}{}", stdout(output), String::from_utf8_lossy(&output.stderr))
}

/// A path for an output file, under Cargo's scratch directory for integration tests.
fn scratch(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The report as the library reads it, and its scene as `render` lays it out.
fn scene(path: &str, width: f64, theme: ThemeName) -> (Report, district_infographic::Scene) {
    let json = String::from_utf8_lossy(&read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path))).into_owned();
    let report = Report::from_json_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
    let theme = Theme::get(theme);
    let scene = layout(&report, &LayoutOptions { width, locale: Locale::Zh, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
    (report, scene)
}

#[test]
fn check_passes_both_example_reports_with_their_counts() {
    for path in [DEFAULT, EXAMPLE] {
        let (report, _) = scene(path, 750.0, ThemeName::Light);
        let figures: usize = report.valid_sections().map(|s| s.figures.len()).sum();
        let output = run(&["check", path]);
        assert_eq!(output.status.code(), Some(0), "{}", all(&output));
        let expected = format!("{path}: OK, {} sections, {figures} figures\n", report.sections.len());
        assert_eq!(stdout(&output), expected);
    }
}

#[test]
fn check_names_each_problem_by_its_path() {
    let output = run(&["check", "tests/fixtures/bad-value.json", "--locale", "en"]);
    assert_eq!(output.status.code(), Some(1), "{}", all(&output));
    assert_eq!(stdout(&output), "sections[0].figures[0].value: expected a number, got \"abc\"\n");
    assert!(all(&output).contains("1 problem(s); nothing can be drawn"), "{}", all(&output));

    let output = run(&["check", "tests/fixtures/bad-value.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "sections[0].figures[0].value: 应为数字,实际是 \"abc\"\n");

    // One broken section among drawable ones is still a failed check, with the count that draws.
    let output = run(&["check", "tests/fixtures/one-broken-section.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "sections[1].figures[0].value: 不能超过整体 4\n");
    assert!(all(&output).contains("2 of 3 sections would still draw"), "{}", all(&output));
}

#[test]
fn check_warns_of_a_unit_english_cannot_write_and_still_passes() {
    let path = scratch("unknown-unit.json");
    let json = r#"{"title": "t", "period": "p", "source": "s", "sections": [
        {"id": "a", "kind": "stats", "title": "x", "figures": [
            {"id": "f", "label": "l", "value": 3, "unit": "标方"},
            {"id": "g", "label": "l", "value": 320, "unit": "亿美元"}]}]}"#;
    if let Err(e) = std::fs::write(&path, json) {
        panic!("{}: {e}", path.display());
    }
    let output = run(&["check", path.to_str().unwrap_or_default(), "--locale", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("warning: sections[0].figures[0].unit_en: the unit \"标方\""), "{lines:?}");
    assert!(lines[1].ends_with("OK, 1 sections, 2 figures"), "{lines:?}");
}

#[test]
fn check_lists_every_problem_one_a_line() {
    let path = scratch("many-problems.json");
    let json = r#"{"title": "t", "period": "p", "source": "s", "sections": [
        {"id": "a", "kind": "bars", "title": "x", "figures": [{"id": "f", "label": "l", "value": "abc", "unit": "个"}]},
        {"id": "b", "kind": "pie", "title": "y", "figures": [{"id": "f", "label": "l", "value": 1, "unit": "个", "colour": "red"}]}
    ]}"#;
    if let Err(e) = std::fs::write(&path, json) {
        panic!("{}: {e}", path.display());
    }
    let output = run(&["check", path.to_str().unwrap_or_default(), "--locale=en"]);
    assert_eq!(output.status.code(), Some(1), "{}", all(&output));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    assert!(lines.len() >= 3, "{lines:?}");
    assert!(lines.iter().all(|l| l.starts_with("sections[")), "{lines:?}");
    for path in ["sections[0].figures[0].value: ", "sections[1].kind: ", "sections[1].figures[0].colour: "] {
        assert!(lines.iter().any(|l| l.starts_with(path)), "no line for {path}: {lines:?}");
    }
}

#[test]
fn check_reports_json_syntax_with_its_place() {
    let path = scratch("truncated.json");
    if let Err(e) = std::fs::write(&path, "{\"title\": \"t\",\n  \"sections\": [") {
        panic!("{}: {e}", path.display());
    }
    let output = run(&["check", path.to_str().unwrap_or_default(), "--locale", "en"]);
    assert_eq!(output.status.code(), Some(1), "{}", all(&output));
    assert!(stdout(&output).starts_with("line 2, column "), "{}", all(&output));
    assert!(stdout(&output).contains("not valid JSON"), "{}", all(&output));
}

#[test]
fn usage_errors_and_unreadable_files_exit_2_with_a_clear_message() {
    for (args, message) in [
        (vec![], "no command given"),
        (vec!["draw", DEFAULT], "unknown command draw"),
        (vec!["check"], "no report file given"),
        (vec!["check", DEFAULT, "--locale", "fr"], "--locale: expected zh or en, got fr"),
        (vec!["check", DEFAULT, "--colour", "red"], "unknown option --colour"),
        (vec!["check", DEFAULT, "other.json"], "unexpected argument other.json"),
        (vec!["render", DEFAULT], "render needs --out"),
        (vec!["render", DEFAULT, "--out", "x.gif"], "ending in .svg or .png"),
        (vec!["render", DEFAULT, "--out", "x.svg", "--width", "abc"], "--width: expected a number from 280 to 4096, got abc"),
        (vec!["render", DEFAULT, "--out", "x.png", "--scale", "9"], "--scale: expected a number"),
        (vec!["render", DEFAULT, "--out", "x.svg", "--theme", "sepia"], "--theme: expected light or dark, got sepia"),
        (vec!["render", DEFAULT, "--out"], "--out needs a value"),
        (vec!["check", "no/such/report.json"], "no/such/report.json: cannot read the file"),
        (vec!["render", "no/such/report.json", "--out", "x.svg"], "no/such/report.json: cannot read the file"),
        (vec!["check", "tests"], "tests: cannot read the file"),
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", all(&output));
        assert!(all(&output).contains(message), "{args:?}: {}", all(&output));
        assert!(!all(&output).contains("panicked"), "{args:?}: {}", all(&output));
    }
    let output = run(&["render", DEFAULT, "--out", "no/such/dir/out.svg"]);
    assert_eq!(output.status.code(), Some(2), "{}", all(&output));
    assert!(all(&output).contains("no/such/dir/out.svg: cannot write the file"), "{}", all(&output));
    assert!(run(&["--help"]).status.success());
}

#[test]
fn render_refuses_a_report_with_nothing_to_draw() {
    let out = scratch("nothing.svg");
    let output = run(&["render", "tests/fixtures/bad-value.json", "--out", out.to_str().unwrap_or_default(), "--locale", "en"]);
    assert_eq!(output.status.code(), Some(1), "{}", all(&output));
    assert!(all(&output).contains("sections[0].figures[0].value: expected a number"), "{}", all(&output));
    assert!(!out.exists(), "no image for a report that cannot be drawn");
}

/// The reference file `name`, or, with UPDATE_REFERENCE set, `produced` written as it.
fn reference(name: &str, produced: &Path) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference").join(name);
    if std::env::var_os("UPDATE_REFERENCE").is_some() {
        if let Err(e) = std::fs::copy(produced, &path) {
            panic!("{}: {e}", path.display());
        }
        eprintln!("wrote {}", path.display());
        return None;
    }
    Some(path)
}

#[test]
fn render_svg_carries_the_text_at_the_page_sizes_and_matches_the_reference() {
    let out = scratch("default-zh-light-390.svg");
    let output = run(&["render", DEFAULT, "--out", out.to_str().unwrap_or_default(), "--width", "390"]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    let svg = String::from_utf8_lossy(&read(&out)).into_owned();
    let (_, scene) = scene(DEFAULT, 390.0, ThemeName::Light);
    assert!(svg.starts_with(&format!("<svg width=\"390\" height=\"{}\"", scene.height)), "{}", &svg[..80.min(svg.len())]);
    for expected in [">\n317.8亿元\n<", ">\n中原区2020年上半年成绩单\n<", "同比增减", "数据来源"] {
        assert!(svg.contains(expected), "the SVG lacks {expected}");
    }
    // The title at a phone width is 21 px, as on the page (plotters alone would write 16.94).
    assert!(svg.contains("font-size=\"21\" opacity=\"1\" fill=\"#1D1B19\" font-weight=\"bold\">\n中原区"), "the title's size");
    assert!(svg.contains("font-family=\"&quot;PingFang SC&quot;, "), "the CJK font stack");
    if let Some(path) = reference("default-zh-light-390.svg", &out) {
        let expected = String::from_utf8_lossy(&read(&path)).into_owned();
        let normalise = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(normalise(&svg) == normalise(&expected), "{} differs from {}", out.display(), path.display());
    }
}

#[test]
fn render_svg_escapes_markup_in_labels_and_warns_of_broken_sections() {
    let out = scratch("one-broken-section.svg");
    let output = run(&["render", "tests/fixtures/one-broken-section.json", "--out", out.to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    assert!(all(&output).contains("warning: sections[1].figures[0].value: 不能超过整体 4 (drawn as a notice)"), "{}", all(&output));
    let svg = String::from_utf8_lossy(&read(&out)).into_owned();
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !svg.contains("<script"), "labels are text");
    assert!(svg.contains("这部分数据暂时无法显示"), "the notice in place of the broken section");
}

/// Width, height and RGB pixels of a PNG.
fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    buffer.truncate(info.buffer_size());
    let rgb = match info.color_type {
        png::ColorType::Rgba => buffer.chunks(4).flat_map(|p| [p[0], p[1], p[2]]).collect(),
        png::ColorType::Rgb => buffer,
        other => panic!("{}: unexpected colour type {other:?}", path.display()),
    };
    (info.width, info.height, rgb)
}

/// Renders the default report to a PNG at 390 CSS px and 1x, checks that it is the scene's size
/// and full of drawing, Chinese included, and compares it with the reference.
fn check_png(theme: ThemeName, name: &str) {
    let out = scratch(name);
    let theme_name = if theme == ThemeName::Dark { "dark" } else { "light" };
    let output = run(&["render", DEFAULT, "--out", out.to_str().unwrap_or_default(), "--width", "390", "--scale", "1", "--theme", theme_name]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    let (width, height, pixels) = decode(&out);
    let (_, scene) = scene(DEFAULT, 390.0, theme);
    assert_eq!((width, height), (390, scene.height as u32));
    let background = [scene.background.r, scene.background.g, scene.background.b];
    let drawn = pixels.chunks(3).filter(|p| *p != background).count();
    assert!(drawn > (width * height / 4) as usize, "only {drawn} pixels drawn");
    // The title line (21 px, 7 ideographs and 4 digits) is dense with ink: Chinese was drawn,
    // not boxes or nothing.
    let ink = Theme::get(theme).ink;
    let title = scene.text_bounds().find(|(t, _)| *t == "中原区2020年上半年成绩单").map(|(_, r)| r);
    let Some(title) = title else { panic!("no title in the scene") };
    let near_ink = |p: &[u8]| p.iter().zip([ink.r, ink.g, ink.b]).all(|(a, b)| a.abs_diff(b) < 60);
    let rows = title.y as usize..title.bottom() as usize;
    let glyph_pixels = rows.flat_map(|y| pixels[y * 390 * 3..(y + 1) * 390 * 3].chunks(3).filter(|p| near_ink(p)).collect::<Vec<_>>()).count();
    assert!(glyph_pixels > 900, "only {glyph_pixels} ink pixels in the title");
    if let Some(path) = reference(name, &out) {
        let (w, h, expected) = decode(&path);
        assert_eq!((w, h), (width, height), "{} differs in size from {}", out.display(), path.display());
        let differing = pixels.chunks(3).zip(expected.chunks(3)).filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 32)).count();
        assert!(differing * 100 < (w * h) as usize, "{differing} pixels of {} differ from {}", out.display(), path.display());
    }
}

#[test]
fn render_png_draws_chinese_and_matches_the_light_reference() {
    check_png(ThemeName::Light, "default-zh-light-390.png");
}

#[test]
fn render_png_draws_chinese_and_matches_the_dark_reference() {
    check_png(ThemeName::Dark, "default-zh-dark-390.png");
}

#[test]
fn render_png_defaults_to_a_750_px_layout_at_2x() {
    let out = scratch("default-size.png");
    let output = run(&["render", "tests/fixtures/one-broken-section.json", "--out", out.to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    let (_, scene) = scene("tests/fixtures/one-broken-section.json", 750.0, ThemeName::Light);
    let (width, height, _) = decode(&out);
    assert_eq!((width, height), (1500, (scene.height * 2.0).round() as u32));
}

#[test]
fn render_png_without_a_chinese_font_names_the_way_to_get_one() {
    let out = scratch("no-font.png");
    let output = run_with(&["render", DEFAULT, "--out", out.to_str().unwrap_or_default()], &[("INFOGRAPHIC_FONT", "/no/such/font.ttc")]);
    assert_eq!(output.status.code(), Some(2), "{}", all(&output));
    assert!(all(&output).contains("INFOGRAPHIC_FONT=/no/such/font.ttc: font /no/such/font.ttc: cannot read it"), "{}", all(&output));
    let latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if Path::new(latin).is_file() {
        let output = run_with(&["render", DEFAULT, "--out", out.to_str().unwrap_or_default()], &[("INFOGRAPHIC_FONT", latin)]);
        assert_eq!(output.status.code(), Some(2), "{}", all(&output));
        assert!(all(&output).contains("no face in it has Chinese glyphs"), "{}", all(&output));
    }
    assert!(!out.exists());
    // SVG leaves fonts to the browser and needs none.
    let svg = scratch("no-font.svg");
    let output = run_with(&["render", DEFAULT, "--out", svg.to_str().unwrap_or_default()], &[("INFOGRAPHIC_FONT", "/no/such/font.ttc")]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
}

#[test]
fn draft_writes_a_report_that_check_passes_and_lists_its_guesses() {
    let out = scratch("draft.json");
    let article = "tests/articles/zhongyuan-2020-h1.txt";
    let output = run(&["draft", article, "--out", out.to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.contains("sections[0].kind: 图表类型猜测为"), "{stderr}");
    assert!(stderr.contains("figures, ") && stderr.contains("warnings to check"), "{stderr}");
    let json = String::from_utf8_lossy(&read(&out)).into_owned();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert!(value["$schema"].as_str().is_some_and(|s| s.ends_with("report.schema.json")), "{json}");
    let output = run(&["check", out.to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    assert!(stdout(&output).contains(": OK, "), "{}", all(&output));

    // Without --out the report goes to standard output and the guesses (in English on request)
    // to standard error.
    let output = run(&["draft", article, "--locale", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    assert!(stdout(&output).starts_with("{\n  \"$schema\": \"report.schema.json\""), "{}", stdout(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("chart kind guessed as"), "{}", all(&output));
}

#[test]
fn draft_refuses_text_with_no_figure_and_files_that_are_not_text() {
    let empty = scratch("empty.txt");
    std::fs::write(&empty, "").unwrap_or_else(|e| panic!("{e}"));
    let output = run(&["draft", empty.to_str().unwrap_or_default(), "--locale", "en"]);
    assert_eq!(output.status.code(), Some(1), "{}", all(&output));
    assert!(all(&output).contains("the article is empty"), "{}", all(&output));

    let prose = scratch("prose.txt");
    std::fs::write(&prose, "7月31日上午,区委十一届十次全体会议召开。").unwrap_or_else(|e| panic!("{e}"));
    let output = run(&["draft", prose.to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(1), "{}", all(&output));
    assert!(all(&output).contains("文中没有找到带单位的数字"), "{}", all(&output));

    let binary = scratch("binary.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x81, 0x9f]).unwrap_or_else(|e| panic!("{e}"));
    let output = run(&["draft", binary.to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(1), "{}", all(&output));
    assert!(all(&output).contains("not UTF-8 text"), "{}", all(&output));

    let output = run(&["draft", "tests/articles/no-such-article.txt"]);
    assert_eq!(output.status.code(), Some(2), "{}", all(&output));
}

#[test]
fn poster_refuses_wrong_calls_with_a_clear_message() {
    let page = scratch("no-place.html");
    if let Err(e) = std::fs::write(&page, "<p>no place for a poster</p>") {
        panic!("{}: {e}", page.display());
    }
    for (args, code, message) in [
        (vec!["poster", DEFAULT], 2, "poster needs either --out FILE.svg or --into PAGE.html"),
        (vec!["poster", DEFAULT, "--out", "x.svg", "--into", "x.html"], 2, "poster needs either"),
        (vec!["poster", DEFAULT, "--out", "x.png"], 2, "--out: expected a file name ending in .svg, got x.png"),
        (vec!["poster", DEFAULT, "--into", "no/such/page.html"], 2, "no/such/page.html: cannot read the file"),
        (vec!["poster", DEFAULT, "--into", page.to_str().unwrap_or_default()], 1, "no poster to replace and no <!-- poster --> comment"),
        (vec!["poster", "tests/fixtures/bad-value.json", "--out", "x.svg", "--locale", "en"], 1, "sections[0].figures[0].value: expected a number"),
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(code), "{args:?}: {}", all(&output));
        assert!(all(&output).contains(message), "{args:?}: {}", all(&output));
    }
    assert_eq!(String::from_utf8_lossy(&read(&page)), "<p>no place for a poster</p>", "a refused page is left as it was");
}

/// The `<svg data-poster …>…</svg>` element in `html`.
fn poster_in(html: &str) -> &str {
    let start = html.find("<svg data-poster").unwrap_or_else(|| panic!("no poster in the page"));
    let end = start + html[start..].find("</svg>").unwrap_or_else(|| panic!("an unclosed poster")) + "</svg>".len();
    &html[start..end]
}

#[test]
fn poster_goes_into_a_page_once_escaped_and_says_where_it_fits() {
    let page = scratch("snippet.html");
    let snippet = "<district-infographic src=\"r.json\"><!-- poster --></district-infographic>\n<p>after</p>\n";
    if let Err(e) = std::fs::write(&page, snippet) {
        panic!("{}: {e}", page.display());
    }
    let into = ["poster", "tests/fixtures/one-broken-section.json", "--into", page.to_str().unwrap_or_default()];
    let output = run(&into);
    assert_eq!(output.status.code(), Some(0), "{}", all(&output));
    assert!(stdout(&output).contains("the canvas has this height in a container"), "{}", all(&output));
    let first = String::from_utf8_lossy(&read(&page)).into_owned();
    // Again: the poster is replaced, not added.
    assert_eq!(run(&into).status.code(), Some(0));
    let html = String::from_utf8_lossy(&read(&page)).into_owned();
    assert_eq!(html, first);
    assert_eq!(html.matches("<svg").count(), 1);
    assert!(html.starts_with("<district-infographic src=\"r.json\"><svg data-poster=\"\" data-widths=\""));
    assert!(html.ends_with("</svg></district-infographic>\n<p>after</p>\n"));
    let poster = poster_in(&html);
    assert!(poster.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !poster.contains("<script"), "labels are text");
    assert!(!poster.contains("style"), "a strict CSP blocks inline styles");
    assert!(poster.contains("aria-hidden=\"true\""));
}

#[test]
fn the_demo_and_embed_pages_carry_the_posters_of_the_current_layout() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // make posters draws each for its first POSTER_SCREEN CSS px.
    let makefile = String::from_utf8_lossy(&read(&root.join("Makefile"))).into_owned();
    let screen = makefile
        .lines()
        .find_map(|line| line.strip_prefix("POSTER_SCREEN ?= "))
        .unwrap_or_else(|| panic!("the Makefile sets POSTER_SCREEN"))
        .trim()
        .to_string();
    let (_, scene) = scene(DEFAULT, 390.0, ThemeName::Light);
    for page in ["www/index.html", "www/embed.html"] {
        let html = String::from_utf8_lossy(&read(&root.join(page))).into_owned();
        let mut rest = html.as_str();
        let mut count = 0;
        while rest.contains("<svg data-poster") {
            let poster = poster_in(rest);
            // The width it was laid out at, from its viewBox; the same poster drawn afresh there.
            let width = poster.split("viewBox=\"0 0 ").nth(1).and_then(|tail| tail.split(' ').next()).unwrap_or_default();
            let out = scratch(&format!("poster-{count}.svg"));
            let output = run(&["poster", DEFAULT, "--out", out.to_str().unwrap_or_default(), "--width", width, "--screen", &screen]);
            assert_eq!(output.status.code(), Some(0), "{}", all(&output));
            let fresh = String::from_utf8_lossy(&read(&out)).trim_end().to_string();
            if width == "390" {
                assert!(fresh.contains(&format!(" height=\"{}\" ", scene.height as u32)), "the canvas' height at 390 px");
            }
            assert!(poster == fresh, "{page}: its poster at {width} px is not the current layout's: run make posters");
            rest = &rest[rest.find(poster).unwrap_or_default() + poster.len()..];
            count += 1;
        }
        assert_eq!(count, 2, "{page}: a poster per width class");
    }
}
