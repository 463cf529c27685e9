//! `infographic`: the native command-line tool over the same validation, layout and drawing as
//! the browser component. `check` validates a report file; `render` draws it as SVG or PNG (the
//! <noscript> and print fallback, a first paint before the wasm arrives, and the tall share
//! image for WeChat).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The tool draws with native plotters backends; in a wasm build it has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::process::{Command, ExitCode};

    use district_infographic::draw::{draw, DrawOptions, WEB_FONTS};
    use district_infographic::layout::{layout, LayoutOptions};
    use district_infographic::report::Report;
    use district_infographic::text::EstimatedMeasure;
    use district_infographic::{Locale, Theme, ThemeName};
    use plotters::prelude::{BitMapBackend, SVGBackend};
    use plotters::style::{register_font, FontStyle};

    const USAGE: &str = "usage:
      infographic check REPORT.json [--locale zh|en]
      infographic render REPORT.json --out FILE.svg|FILE.png [--width N] [--locale zh|en] [--theme light|dark] [--scale S]

    check    lists every problem in the report with its field path (exit 1 if any)
    render   draws the report; --width in CSS pixels (default 750, a phone share image),
             --scale device pixels per CSS pixel for PNG (default 2)
    A PNG needs a CJK font: INFOGRAPHIC_FONT=/path/to/font.ttc[,bold.ttc], or fontconfig with
    fonts-noto-cjk installed.";

    /// The family name the CJK font is registered under for bitmap text.
    const BITMAP_FAMILY: &str = "district-infographic-cjk";

    /// A failure: its message and the exit code (1: the report is at fault, 2: the call or the
    /// machine is).
    struct Failure(String, u8);

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let outcome = match args.first().map(String::as_str) {
            Some("check") => check(&args[1..]),
            Some("render") => render(&args[1..]),
            Some("-h" | "--help" | "help") => {
                println!("{USAGE}");
                Ok(())
            }
            _ => Err(Failure(USAGE.to_string(), 2)),
        };
        match outcome {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failure(message, code)) => {
                eprintln!("{message}");
                ExitCode::from(code)
            }
        }
    }

    /// The command's arguments: one positional report path and `--name value` options.
    struct Arguments {
        report: PathBuf,
        options: Vec<(String, String)>,
    }

    impl Arguments {
        fn parse(args: &[String], allowed: &[&str]) -> Result<Arguments, Failure> {
            let mut report = None;
            let mut options = Vec::new();
            let mut rest = args.iter();
            while let Some(arg) = rest.next() {
                if let Some(name) = arg.strip_prefix("--") {
                    if !allowed.contains(&name) {
                        return Err(Failure(format!("unknown option --{name}\n{USAGE}"), 2));
                    }
                    let value = rest.next().ok_or_else(|| Failure(format!("--{name} needs a value"), 2))?;
                    options.push((name.to_string(), value.clone()));
                } else if report.is_none() {
                    report = Some(PathBuf::from(arg));
                } else {
                    return Err(Failure(format!("unexpected argument {arg}\n{USAGE}"), 2));
                }
            }
            let report = report.ok_or_else(|| Failure(format!("no report file given\n{USAGE}"), 2))?;
            Ok(Arguments { report, options })
        }

        fn get(&self, name: &str) -> Option<&str> {
            self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
        }

        fn locale(&self) -> Result<Locale, Failure> {
            match self.get("locale") {
                None => Ok(Locale::Zh),
                Some(tag) => Locale::parse(tag).ok_or_else(|| Failure(format!("--locale: expected zh or en, got {tag}"), 2)),
            }
        }

        fn number(&self, name: &str, default: f64, range: std::ops::RangeInclusive<f64>) -> Result<f64, Failure> {
            match self.get(name) {
                None => Ok(default),
                Some(text) => text
                    .parse::<f64>()
                    .ok()
                    .filter(|n| range.contains(n))
                    .ok_or_else(|| Failure(format!("--{name}: expected a number from {} to {}, got {text}", range.start(), range.end()), 2)),
            }
        }
    }

    fn read(path: &Path) -> Result<String, Failure> {
        std::fs::read_to_string(path).map_err(|e| Failure(format!("{}: cannot read the file ({e})", path.display()), 2))
    }

    fn check(args: &[String]) -> Result<(), Failure> {
        let args = Arguments::parse(args, &["locale"])?;
        let locale = args.locale()?;
        let name = args.report.display();
        match Report::from_json_str(&read(&args.report)?) {
            Ok(report) => {
                let problems = report.problems();
                let sections = report.valid_sections().count();
                let figures: usize = report.valid_sections().map(|s| s.figures.len()).sum();
                if problems.is_empty() {
                    println!("{name}: OK, {sections} sections, {figures} figures");
                    return Ok(());
                }
                for problem in &problems {
                    println!("{}", problem.message(locale));
                }
                Err(Failure(format!("{name}: {} problem(s); {sections} of {} sections would still draw", problems.len(), report.sections.len()), 1))
            }
            Err(error) => {
                for problem in &error.problems {
                    println!("{}", problem.message(locale));
                }
                Err(Failure(format!("{name}: {} problem(s); nothing can be drawn", error.problems.len()), 1))
            }
        }
    }

    fn render(args: &[String]) -> Result<(), Failure> {
        let args = Arguments::parse(args, &["out", "width", "locale", "theme", "scale"])?;
        let out = PathBuf::from(args.get("out").ok_or_else(|| Failure(format!("render needs --out FILE.svg or FILE.png\n{USAGE}"), 2))?);
        let locale = args.locale()?;
        let theme = match args.get("theme") {
            None => ThemeName::Light,
            Some(name) => ThemeName::parse(name).ok_or_else(|| Failure(format!("--theme: expected light or dark, got {name}"), 2))?,
        };
        let width = args.number("width", 750.0, 280.0..=4096.0)?;
        let scale = args.number("scale", 2.0, 0.5..=4.0)?;
        let report = Report::from_json_str(&read(&args.report)?).map_err(|e| Failure(format!("{}: {}", args.report.display(), e.message(locale)), 1))?;
        for problem in report.problems() {
            eprintln!("warning: {} (drawn as a notice)", problem.message(locale));
        }
        let theme = Theme::get(theme);
        let scene = layout(&report, &LayoutOptions { width, locale, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
        let extension = out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let failed = |e: String| Failure(format!("{}: cannot draw ({e})", out.display()), 2);
        match extension.as_deref() {
            Some("svg") => {
                let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
                let mut backend = SVGBackend::new(&out, size);
                let options = DrawOptions { scale: 1.0, font: WEB_FONTS, highlight: None, focus: theme.focus, background: true };
                draw(&scene, &mut backend, &options).map_err(|e| failed(e.to_string()))?;
            }
            Some("png") => {
                register_cjk_fonts()?;
                let size = ((scene.width * scale).round() as u32, (scene.height * scale).round() as u32);
                let mut backend = BitMapBackend::new(&out, size);
                let options = DrawOptions { scale, font: BITMAP_FAMILY, highlight: None, focus: theme.focus, background: true };
                draw(&scene, &mut backend, &options).map_err(|e| failed(e.to_string()))?;
            }
            _ => return Err(Failure(format!("--out: expected a file ending in .svg or .png, got {}", out.display()), 2)),
        }
        println!("{}: {} x {} CSS px, {} marks", out.display(), scene.width, scene.height, scene.items.len());
        Ok(())
    }

    /// Registers a regular and a bold CJK font for bitmap text, found at run time: never embedded.
    fn register_cjk_fonts() -> Result<(), Failure> {
        let configured = std::env::var("INFOGRAPHIC_FONT").ok();
        let (regular, bold) = match configured.as_deref().map(|v| v.split_once(',').unwrap_or((v, v))) {
            Some((regular, bold)) => (PathBuf::from(regular), PathBuf::from(bold)),
            None => {
                let regular = find_font("Noto Sans CJK SC:style=Regular").or_else(|| find_font("sans-serif:lang=zh-cn"));
                let bold = find_font("Noto Sans CJK SC:style=Bold").or_else(|| regular.clone());
                match (regular, bold) {
                    (Some(regular), Some(bold)) => (regular, bold),
                    _ => {
                        return Err(Failure(
                            "no CJK font found for the PNG: install fonts-noto-cjk (and fontconfig), or set INFOGRAPHIC_FONT=/path/to/font.ttc".to_string(),
                            2,
                        ))
                    }
                }
            }
        };
        for (path, style) in [(regular, FontStyle::Normal), (bold, FontStyle::Bold)] {
            let bytes = std::fs::read(&path).map_err(|e| Failure(format!("font {}: {e}", path.display()), 2))?;
            // plotters keeps registered fonts for the life of the program.
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            register_font(BITMAP_FAMILY, style, bytes).map_err(|_| Failure(format!("font {}: not a font file plotters can read", path.display()), 2))?;
        }
        Ok(())
    }

    /// Asks fontconfig for a font file matching `pattern`; only one that covers Chinese will do.
    fn find_font(pattern: &str) -> Option<PathBuf> {
        let output = Command::new("fc-match").args(["-f", "%{file}\n%{lang}", pattern]).output().ok()?;
        let text = String::from_utf8(output.stdout).ok()?;
        let (file, languages) = text.split_once('\n')?;
        let covers_chinese = languages.split('|').any(|l| l == "zh-cn");
        (covers_chinese && Path::new(file).is_file()).then(|| PathBuf::from(file))
    }
}
