//! `infographic`: the native command-line tool over the same validation, layout and drawing as
//! the browser component. `check` validates a report file; `render` draws it as SVG or PNG (the
//! tall share image for WeChat, and the `<noscript>` and print fallback); `draft` drafts a report
//! from a work-report article.

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
    use std::process::ExitCode;

    use district_infographic::layout::{layout, LayoutOptions};
    use district_infographic::render::{self, Fonts};
    use district_infographic::report::Report;
    use district_infographic::text::EstimatedMeasure;
    use district_infographic::{Locale, Theme, ThemeName};

    const USAGE: &str = "\
usage:
  infographic check REPORT.json [--locale zh|en]
  infographic draft ARTICLE.txt [--out REPORT.json] [--locale zh|en]
  infographic render REPORT.json --out FILE.svg|FILE.png [--width N] [--locale zh|en]
                     [--theme light|dark] [--scale S]
  infographic poster REPORT.json --out FILE.svg | --into PAGE.html [--width N]
                     [--locale zh|en] [--theme light|dark] [--screen H]

check   lists every problem in the report, one a line, each starting with its field path,
        and warnings (a unit English cannot write) starting with `warning: `; exit 0 when
        there is no problem, 1 when there are problems, 2 when the file cannot be read
draft   reads a work-report article (Chinese prose, plain text or markdown) and writes a draft
        report in the report format: to --out, or to standard output; every guess it made
        (chart kinds, titles, labels, computed values) is listed on standard error with its
        field path, for the editor to check before `check` and `render`
render  lays the report out at --width CSS pixels (default 750, a phone share image) and
        draws it as SVG or PNG by the name of --out; --scale is device pixels per CSS pixel
        in a PNG (default 2, so 750 gives a 1500 px wide image)
poster  lays the report out at --width CSS pixels (default 390, a phone) and writes the inline
        SVG a page shows until the canvas has drawn: to --out, or into --into PAGE.html in
        place of its poster of the same width class, language and theme (else after its last
        poster, or at the comment <!-- poster -->: a page may carry one per width class); it
        says over which container widths the canvas has the poster's height (outside them the
        element does not show it);
        --screen H draws only what starts in the first H CSS pixels (fewer bytes in the page)

A PNG needs a font with Chinese glyphs: INFOGRAPHIC_FONT=/path/regular.ttc[,/path/bold.ttc],
else fontconfig's Noto Sans CJK SC (Debian and Ubuntu: apt-get install fonts-noto-cjk).";

    /// A failure: its message and the exit code (1: the report is at fault, 2: the call, a file
    /// or the machine is).
    struct Failure(String, u8);

    impl Failure {
        fn usage(message: impl std::fmt::Display) -> Failure {
            Failure(format!("{message}\n\n{USAGE}"), 2)
        }
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let outcome = match args.first().map(String::as_str) {
            Some("check") => check(&args[1..]),
            Some("render") => render(&args[1..]),
            Some("draft") => draft(&args[1..]),
            Some("poster") => poster(&args[1..]),
            Some("-h" | "--help" | "help") => {
                println!("{USAGE}");
                Ok(())
            }
            Some(other) => Err(Failure::usage(format!("unknown command {other}"))),
            None => Err(Failure::usage("no command given")),
        };
        match outcome {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failure(message, code)) => {
                eprintln!("{message}");
                ExitCode::from(code)
            }
        }
    }

    /// A command's arguments: one report path and `--name value` (or `--name=value`) options.
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
                if let Some(option) = arg.strip_prefix("--") {
                    let (name, inline) = match option.split_once('=') {
                        Some((name, value)) => (name, Some(value.to_string())),
                        None => (option, None),
                    };
                    if !allowed.contains(&name) {
                        return Err(Failure::usage(format!("unknown option --{name}")));
                    }
                    let value = match inline {
                        Some(value) => value,
                        None => rest.next().cloned().ok_or_else(|| Failure::usage(format!("--{name} needs a value")))?,
                    };
                    options.push((name.to_string(), value));
                } else if report.is_none() {
                    report = Some(PathBuf::from(arg));
                } else {
                    return Err(Failure::usage(format!("unexpected argument {arg}")));
                }
            }
            let report = report.ok_or_else(|| Failure::usage("no report file given"))?;
            Ok(Arguments { report, options })
        }

        fn get(&self, name: &str) -> Option<&str> {
            self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
        }

        fn locale(&self) -> Result<Locale, Failure> {
            match self.get("locale") {
                None => Ok(Locale::Zh),
                Some(tag) => Locale::parse(tag).ok_or_else(|| Failure::usage(format!("--locale: expected zh or en, got {tag}"))),
            }
        }

        fn theme(&self) -> Result<ThemeName, Failure> {
            match self.get("theme") {
                None => Ok(ThemeName::Light),
                Some(name) => ThemeName::parse(name).ok_or_else(|| Failure::usage(format!("--theme: expected light or dark, got {name}"))),
            }
        }

        fn number(&self, name: &str, default: f64, range: std::ops::RangeInclusive<f64>) -> Result<f64, Failure> {
            match self.get(name) {
                None => Ok(default),
                Some(text) => text.parse::<f64>().ok().filter(|n| range.contains(n)).ok_or_else(|| {
                    Failure::usage(format!("--{name}: expected a number from {} to {}, got {text}", range.start(), range.end()))
                }),
            }
        }
    }

    /// The report file's text, without the byte-order mark some Windows editors write.
    fn read(path: &Path) -> Result<String, Failure> {
        let text = std::fs::read_to_string(path).map_err(|e| Failure(format!("{}: cannot read the file ({e})", path.display()), 2))?;
        Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
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
                // Warnings do not stop a report from drawing: they are listed, and the exit
                // status stays 0 when they are all there is.
                for warning in district_infographic::units::unknown_units(&report) {
                    println!("warning: {}", warning.message(locale));
                }
                if problems.is_empty() {
                    println!("{name}: OK, {sections} sections, {figures} figures");
                    return Ok(());
                }
                for problem in &problems {
                    println!("{}", problem.message(locale));
                }
                let total = report.sections.len();
                Err(Failure(format!("{name}: {} problem(s); {sections} of {total} sections would still draw", problems.len()), 1))
            }
            Err(error) => {
                for problem in &error.problems {
                    println!("{}", problem.message(locale));
                }
                Err(Failure(format!("{name}: {} problem(s); nothing can be drawn", error.problems.len()), 1))
            }
        }
    }

    fn draft(args: &[String]) -> Result<(), Failure> {
        let args = Arguments::parse(args, &["out", "locale"])?;
        let locale = args.locale()?;
        let bytes = std::fs::read(&args.report).map_err(|e| Failure(format!("{}: cannot read the file ({e})", args.report.display()), 2))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Failure(format!("{}: not UTF-8 text; save the article as UTF-8 plain text", args.report.display()), 1)
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut draft = district_infographic::draft::draft(text)
            .map_err(|e| Failure(format!("{}: {}", args.report.display(), e.message(locale)), 1))?;
        let out = args.get("out").map(PathBuf::from);
        if let Some(out) = &out {
            draft.report.schema = schema_path(out);
        }
        let json = format!("{}\n", draft.to_json());
        for warning in &draft.warnings {
            eprintln!("{}: {}", warning.path, warning.message(locale));
        }
        let summary = format!(
            "{} sections, {} figures, {} warnings to check",
            draft.report.sections.len(),
            draft.figure_count(),
            draft.warnings.len()
        );
        match out {
            Some(out) => {
                std::fs::write(&out, json).map_err(|e| Failure(format!("{}: cannot write the file ({e})", out.display()), 2))?;
                eprintln!("{}: {summary}", out.display());
            }
            None => {
                print!("{json}");
                eprintln!("{summary}");
            }
        }
        Ok(())
    }

    /// The JSON Schema's path relative to the directory `out` is written in, when the schema
    /// is in the working directory (the repository); else the repository-relative path.
    fn schema_path(out: &Path) -> String {
        let schema = Path::new(district_infographic::draft::SCHEMA_PATH);
        let (Ok(schema), Some(dir)) = (schema.canonicalize(), out.parent()) else {
            return district_infographic::draft::SCHEMA_PATH.to_string();
        };
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        let Ok(dir) = dir.canonicalize() else {
            return district_infographic::draft::SCHEMA_PATH.to_string();
        };
        let common = dir.ancestors().find(|a| schema.starts_with(a));
        match common {
            Some(common) => {
                let ups = dir.strip_prefix(common).map(|rest| rest.components().count()).unwrap_or(0);
                let rest = schema.strip_prefix(common).unwrap_or(&schema);
                let mut path = "../".repeat(ups);
                path.push_str(&rest.to_string_lossy());
                path
            }
            None => district_infographic::draft::SCHEMA_PATH.to_string(),
        }
    }

    fn poster(args: &[String]) -> Result<(), Failure> {
        let args = Arguments::parse(args, &["out", "into", "width", "locale", "theme", "screen"])?;
        let screen = match args.get("screen") {
            None => None,
            Some(_) => Some(args.number("screen", 0.0, 100.0..=100_000.0)?),
        };
        let locale = args.locale()?;
        let theme = args.theme()?;
        let width = args.number("width", 390.0, 280.0..=4096.0)?.round() as u32;
        let (target, page) = match (args.get("out"), args.get("into")) {
            (Some(out), None) if out.to_ascii_lowercase().ends_with(".svg") => (PathBuf::from(out), false),
            (Some(out), None) => return Err(Failure::usage(format!("--out: expected a file name ending in .svg, got {out}"))),
            (None, Some(page)) => (PathBuf::from(page), true),
            _ => return Err(Failure::usage("poster needs either --out FILE.svg or --into PAGE.html")),
        };
        let report = Report::from_json_str(&read(&args.report)?)
            .map_err(|e| Failure(format!("{}: {}", args.report.display(), e.message(locale)), 1))?;
        for problem in report.problems() {
            eprintln!("warning: {} (drawn as a notice)", problem.message(locale));
        }
        let poster = render::poster(&report, width, locale, theme, screen).map_err(|e| Failure(format!("{}: {e}", args.report.display()), 2))?;
        let text = if page {
            render::into_page(&read(&target)?, &poster.svg).ok_or_else(|| {
                Failure(format!("{}: no poster to replace and no <!-- poster --> comment to put it at", target.display()), 1)
            })?
        } else {
            format!("{}\n", poster.svg)
        };
        std::fs::write(&target, text).map_err(|e| Failure(format!("{}: cannot write the file ({e})", target.display()), 2))?;
        let (narrowest, widest) = poster.widths;
        println!(
            "{}: poster {} x {} CSS px, {} bytes; the canvas has this height in a container {narrowest} to {widest} px wide",
            target.display(),
            poster.width,
            poster.height,
            poster.svg.len()
        );
        Ok(())
    }

    fn render(args: &[String]) -> Result<(), Failure> {
        let args = Arguments::parse(args, &["out", "width", "locale", "theme", "scale"])?;
        let out = PathBuf::from(args.get("out").ok_or_else(|| Failure::usage("render needs --out FILE.svg or --out FILE.png"))?);
        let png = match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("png") => true,
            Some("svg") => false,
            _ => return Err(Failure::usage(format!("--out: expected a file name ending in .svg or .png, got {}", out.display()))),
        };
        let locale = args.locale()?;
        let theme = Theme::get(args.theme()?);
        let width = args.number("width", 750.0, 280.0..=4096.0)?;
        let scale = args.number("scale", 2.0, 0.25..=4.0)?;
        let report = Report::from_json_str(&read(&args.report)?)
            .map_err(|e| Failure(format!("{}: {}", args.report.display(), e.message(locale)), 1))?;
        for problem in report.problems() {
            eprintln!("warning: {} (drawn as a notice)", problem.message(locale));
        }
        let fonts = if png { Some(Fonts::find().map_err(|e| Failure(e.to_string(), 2))?) } else { None };
        let scene = layout(&report, &LayoutOptions { width, locale, theme: &theme, progress: 1.0, measure: &EstimatedMeasure });
        let failed = |e: render::RenderError| Failure(format!("{}: {e}", out.display()), 2);
        let (bytes, pixels, font) = match &fonts {
            Some(fonts) => {
                let image = render::png(&scene, scale, fonts, theme.focus).map_err(failed)?;
                let pixels = ((scene.width * scale).round(), (scene.height * scale).round());
                (image, pixels, format!(", text in {}", fonts.describe()))
            }
            None => (render::svg(&scene, theme.focus).map_err(failed)?.into_bytes(), (scene.width.ceil(), scene.height.ceil()), String::new()),
        };
        std::fs::write(&out, bytes).map_err(|e| Failure(format!("{}: cannot write the file ({e})", out.display()), 2))?;
        println!(
            "{}: {} x {} px ({} x {} CSS px), {} marks{font}",
            out.display(),
            pixels.0,
            pixels.1,
            scene.width,
            scene.height,
            scene.items.len()
        );
        Ok(())
    }
}
