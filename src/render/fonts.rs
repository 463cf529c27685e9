//! Finding and loading the CJK faces bitmap text is set in: `INFOGRAPHIC_FONT`, fontconfig, or
//! a well-known path; in a `.ttc` collection, the Simplified Chinese face.

use std::path::{Path, PathBuf};
use std::process::Command;

use ab_glyph::{Font, FontVec};

use super::RenderError;

/// The environment variable that names the font for bitmap text: `regular.ttc` or
/// `regular.ttc,bold.ttc`.
pub const FONT_VARIABLE: &str = "INFOGRAPHIC_FONT";
/// A font file and, in a `.ttc` collection, the face to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontFile {
    /// The file.
    pub path: PathBuf,
    /// The face in a collection; `None` picks the Simplified Chinese one.
    pub index: Option<u32>,
}

impl FontFile {
    /// The file at `path`, its face chosen for Simplified Chinese.
    pub(super) fn at(path: impl Into<PathBuf>) -> FontFile {
        FontFile { path: path.into(), index: None }
    }
}

/// One loaded face.
pub(super) struct Face {
    /// The face, ready for ab_glyph.
    pub(super) font: FontVec,
    family: String,
    file: FontFile,
    index: u32,
}

/// The regular and bold CJK faces bitmap text is set in. Without a bold face, bold text is
/// emboldened by drawing each glyph several times, each half a pixel to the right of the last.
pub struct Fonts {
    pub(super) regular: Face,
    pub(super) bold: Option<Face>,
}

/// Where fonts are commonly installed, regular and bold: Debian and Ubuntu (fonts-noto-cjk),
/// Arch, Fedora, WenQuanYi, macOS and Windows.
const KNOWN_FONTS: &[(&str, Option<&str>)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc")),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc")),
    ("/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Bold.ttc")),
    ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", Some("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf")),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", None),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", None),
    ("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", None),
    ("/System/Library/Fonts/PingFang.ttc", None),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", None),
    ("/Library/Fonts/Arial Unicode.ttf", None),
    ("C:\\Windows\\Fonts\\msyh.ttc", Some("C:\\Windows\\Fonts\\msyhbd.ttc")),
];

impl Fonts {
    /// Finds a CJK font for bitmap text: the files named by `INFOGRAPHIC_FONT` if it is set,
    /// else what fontconfig's `fc-match` gives for Noto Sans CJK SC (regular and bold) or any
    /// Chinese sans-serif, else a file at a well-known path.
    pub fn find() -> Result<Fonts, RenderError> {
        if let Some(value) = std::env::var_os(FONT_VARIABLE).filter(|v| !v.is_empty()) {
            let value = value.to_string_lossy().into_owned();
            let (regular, bold) = match value.split_once(',') {
                Some((regular, bold)) => (FontFile::at(regular.trim()), Some(FontFile::at(bold.trim()))),
                None => (FontFile::at(value.trim()), bold_sibling(Path::new(value.trim()))),
            };
            return Fonts::load(&regular, bold.as_ref())
                .map_err(|e| RenderError::Font(format!("{FONT_VARIABLE}={value}: {e}")));
        }
        if let Some(regular) = fc_match("Noto Sans CJK SC:style=Regular").or_else(|| fc_match("sans-serif:lang=zh-cn")) {
            let bold = fc_match("Noto Sans CJK SC:style=Bold")
                .or_else(|| fc_match("sans-serif:lang=zh-cn:weight=bold"))
                .filter(|bold| *bold != regular);
            if let Ok(fonts) = Fonts::load(&regular, bold.as_ref()) {
                return Ok(fonts);
            }
        }
        for (regular, bold) in KNOWN_FONTS {
            if Path::new(regular).is_file() {
                let bold = bold.map(FontFile::at).filter(|b| b.path.is_file());
                if let Ok(fonts) = Fonts::load(&FontFile::at(*regular), bold.as_ref()) {
                    return Ok(fonts);
                }
            }
        }
        Err(RenderError::Font(format!(
            "no font with Chinese glyphs found for the PNG: install one (Debian and Ubuntu: apt-get install fonts-noto-cjk), \
             or set {FONT_VARIABLE}=/path/to/NotoSansCJK-Regular.ttc (optionally ,/path/to/NotoSansCJK-Bold.ttc)"
        )))
    }

    /// Loads the regular face and, if given, the bold one; each must cover Chinese.
    pub fn load(regular: &FontFile, bold: Option<&FontFile>) -> Result<Fonts, RenderError> {
        let regular = Face::load(regular)?;
        let bold = bold.map(Face::load).transpose()?;
        Ok(Fonts { regular, bold })
    }

    /// The family name of the regular face, as named in [`DrawOptions::font`].
    pub fn family(&self) -> &str {
        &self.regular.family
    }

    /// Which files and faces are in use, for a person to read.
    pub fn describe(&self) -> String {
        let face = |f: &Face| format!("{} ({}, face {})", f.family, f.file.path.display(), f.index);
        match &self.bold {
            Some(bold) => format!("{}; bold {}", face(&self.regular), face(bold)),
            None => format!("{}; bold emboldened", face(&self.regular)),
        }
    }
}

impl Face {
    fn load(file: &FontFile) -> Result<Face, RenderError> {
        let shown = file.path.display();
        let data = std::fs::read(&file.path).map_err(|e| RenderError::Font(format!("font {shown}: cannot read it ({e})")))?;
        let index = match file.index {
            Some(index) => index,
            None => chinese_face(&data).ok_or_else(|| RenderError::Font(format!("font {shown}: not a font file, or no face in it has Chinese glyphs")))?,
        };
        let family = ttf_parser::Face::parse(&data, index).ok().and_then(|face| family_name(&face)).unwrap_or_else(|| "CJK".to_string());
        let font = FontVec::try_from_vec_and_index(data, index).map_err(|_| RenderError::Font(format!("font {shown}: face {index} cannot be read")))?;
        if font.glyph_id('中').0 == 0 {
            return Err(RenderError::Font(format!("font {shown}: face {index} ({family}) has no Chinese glyphs")));
        }
        Ok(Face { font, family, file: file.clone(), index })
    }
}

/// The face of a font file to use for Chinese: in a collection, the first one named for
/// Simplified Chinese (Noto Sans CJK SC, Microsoft YaHei's GB), else the first covering 中.
fn chinese_face(data: &[u8]) -> Option<u32> {
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    let faces: Vec<(u32, ttf_parser::Face)> = (0..count).filter_map(|i| ttf_parser::Face::parse(data, i).ok().map(|f| (i, f))).collect();
    let covers = |face: &ttf_parser::Face| face.glyph_index('中').is_some();
    let simplified = |face: &ttf_parser::Face| {
        family_name(face).is_some_and(|name| name.split([' ', '-']).any(|word| matches!(word, "SC" | "GB" | "CN" | "Simplified")))
    };
    faces
        .iter()
        .find(|(_, face)| covers(face) && simplified(face))
        .or_else(|| faces.iter().find(|(_, face)| covers(face)))
        .map(|(i, _)| *i)
}

/// The family name a face gives itself, the typographic one first.
fn family_name(face: &ttf_parser::Face) -> Option<String> {
    let names = face.names();
    [ttf_parser::name_id::TYPOGRAPHIC_FAMILY, ttf_parser::name_id::FAMILY]
        .iter()
        .find_map(|id| names.into_iter().filter(|n| n.name_id == *id && n.is_unicode()).find_map(|n| n.to_string()))
}

/// `NotoSansCJK-Bold.ttc` beside `NotoSansCJK-Regular.ttc`, if it is there.
fn bold_sibling(regular: &Path) -> Option<FontFile> {
    let name = regular.file_name()?.to_str()?;
    let bold = regular.with_file_name(name.replace("Regular", "Bold"));
    (name.contains("Regular") && bold.is_file()).then(|| FontFile::at(bold))
}

/// Asks fontconfig for the file and face that best match `pattern`; only one covering Chinese
/// will do (fc-match always answers, with a Latin font if it has nothing better).
fn fc_match(pattern: &str) -> Option<FontFile> {
    let output = Command::new("fc-match").args(["-f", "%{file}\n%{index}\n%{lang}", pattern]).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let mut lines = text.lines();
    let (file, index, languages) = (lines.next()?, lines.next()?, lines.next().unwrap_or(""));
    let covers_chinese = languages.split('|').any(|l| l == "zh-cn");
    let path = PathBuf::from(file);
    (covers_chinese && path.is_file()).then(|| FontFile { path, index: index.trim().parse().ok() })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The fonts on this machine; `make setup` installs fonts-noto-cjk.
    pub(in crate::render) fn machine_fonts() -> Fonts {
        match Fonts::find() {
            Ok(fonts) => fonts,
            Err(e) => panic!("these tests need a CJK font: {e}"),
        }
    }

    #[test]
    fn the_simplified_chinese_face_of_a_collection_is_chosen() {
        let path = Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        if !path.is_file() {
            eprintln!("skipped: {} is not installed", path.display());
            return;
        }
        let face = Face::load(&FontFile::at(path)).map_err(|e| e.to_string());
        // Face 0 of the collection is the Japanese one, with Japanese glyph forms.
        assert_eq!(face.map(|f| (f.family, f.index)), Ok(("Noto Sans CJK SC".to_string(), 2)));
    }

    #[test]
    fn a_font_without_chinese_is_refused() {
        let path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        if !Path::new(path).is_file() {
            eprintln!("skipped: {path} is not installed");
            return;
        }
        let error = Fonts::load(&FontFile::at(path), None).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("Chinese"), "{error}");
    }
}
