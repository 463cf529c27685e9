//! A chapter's colour from what it is about, so that 生态环境 is green in every report: the
//! report's own `accent` first, then words of the chapter's name (the first in the name wins,
//! and words as broad as 发展 only when no other is there), then a fixed cycle.

use crate::report::{Accent, Text};

/// Words of a chapter's name (Chinese or English, lower case) and the accent they call for.
static MEANINGS: &[(&str, Accent)] = &[
    ("经济", Accent::Red),
    ("营商", Accent::Red),
    ("business", Accent::Red),
    ("产业", Accent::Red),
    ("工业", Accent::Red),
    ("投资", Accent::Red),
    ("财政", Accent::Red),
    ("econom", Accent::Red),
    ("industr", Accent::Red),
    ("invest", Accent::Red),
    ("生态", Accent::Green),
    ("环境", Accent::Green),
    ("绿色", Accent::Green),
    ("环保", Accent::Green),
    ("ecolog", Accent::Green),
    ("environment", Accent::Green),
    ("green", Accent::Green),
    ("建设", Accent::Blue),
    ("城市", Accent::Blue),
    ("城建", Accent::Blue),
    ("交通", Accent::Blue),
    ("urban", Accent::Blue),
    ("city", Accent::Blue),
    ("construction", Accent::Blue),
    ("infrastructure", Accent::Blue),
    ("民生", Accent::Ochre),
    ("社会", Accent::Ochre),
    ("就业", Accent::Ochre),
    ("教育", Accent::Ochre),
    ("医疗", Accent::Ochre),
    ("welfare", Accent::Ochre),
    ("social", Accent::Ochre),
    ("livelihood", Accent::Ochre),
    ("employment", Accent::Ochre),
    ("education", Accent::Ochre),
    ("党建", Accent::Plum),
    ("疫情", Accent::Plum),
    ("防控", Accent::Plum),
    ("party", Accent::Plum),
    ("epidemic", Accent::Plum),
    ("pandemic", Accent::Plum),
    ("covid", Accent::Plum),
];

/// Words so broad that nearly any chapter may hold them (生态环境与绿色低碳发展 is about the
/// environment): they decide only where no word above is in the name.
static BROAD: &[(&str, Accent)] = &[("发展", Accent::Red), ("growth", Accent::Red), ("development", Accent::Red)];

/// The palette index of the `index`-th chapter: its named accent, the colour its name means,
/// or the cycle.
pub(crate) fn chapter_accent(chapter: Option<&Text>, named: Option<Accent>, index: usize) -> usize {
    if let Some(accent) = named {
        return accent.index();
    }
    let meant = chapter.and_then(|text| {
        // ASCII case folding: Unicode case tables would cost the wasm several kilobytes.
        let english = text.en.as_deref().unwrap_or("").to_ascii_lowercase();
        // The word that comes first in the Chinese name, else in the English one.
        let first = |table: &[(&str, Accent)]| {
            table
                .iter()
                .filter_map(|(word, accent)| Some((position(&text.zh, word).or_else(|| position(&english, word).map(|p| p + text.zh.len()))?, *accent)))
                .min_by_key(|(at, _)| *at)
                .map(|(_, accent)| accent.index())
        };
        first(MEANINGS).or_else(|| first(BROAD))
    });
    meant.unwrap_or(index % Accent::ALL.len())
}

/// Where `text` holds `word`, by comparing bytes (a match of UTF-8 bytes is a match of
/// characters): chapter names are short, and `str::find` would bring core's Two-Way
/// searcher into the wasm.
fn position(text: &str, word: &str) -> Option<usize> {
    text.as_bytes().windows(word.len()).position(|window| window == word.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(zh: &str, en: Option<&str>) -> Text {
        Text { zh: zh.into(), en: en.map(str::to_string) }
    }

    #[test]
    fn a_chapter_keeps_its_colour_in_any_report() {
        assert_eq!(chapter_accent(Some(&text("生态环境", None)), None, 0), Accent::Green.index());
        assert_eq!(chapter_accent(Some(&text("生态环境", None)), None, 3), Accent::Green.index());
        assert_eq!(chapter_accent(Some(&text("经济运行", None)), None, 2), Accent::Red.index());
        assert_eq!(chapter_accent(Some(&text("某某", Some("Urban renewal"))), None, 0), Accent::Blue.index());
        assert_eq!(chapter_accent(Some(&text("民生保障", None)), None, 0), Accent::Ochre.index());
        assert_eq!(chapter_accent(Some(&text("疫情防控", None)), None, 0), Accent::Plum.index());
        assert_eq!(chapter_accent(Some(&text("生态环境", None)), Some(Accent::Plum), 0), Accent::Plum.index());
        assert_eq!(chapter_accent(Some(&text("其他", None)), None, 7), 2);
        assert_eq!(chapter_accent(None, None, 1), 1);
    }

    #[test]
    fn the_first_specific_word_decides() {
        let green = Accent::Green.index();
        assert_eq!(chapter_accent(Some(&text("生态环境与绿色低碳发展", Some("Environment and low-carbon growth"))), None, 0), green);
        assert_eq!(chapter_accent(Some(&text("营商环境持续优化", Some("A better business environment"))), None, 0), Accent::Red.index());
        assert_eq!(chapter_accent(Some(&text("城市建设与生态修复", None)), None, 0), Accent::Blue.index());
        assert_eq!(chapter_accent(Some(&text("高质量发展", Some("High-quality growth"))), None, 0), Accent::Red.index());
        assert_eq!(chapter_accent(Some(&text("某某", Some("Social development"))), None, 0), Accent::Ochre.index());
    }
}
