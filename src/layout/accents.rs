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
    ("社会治理", Accent::Plum),
    ("治理", Accent::Plum),
    ("governance", Accent::Plum),
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
/// or the cycle; never the colour of the chapter before (`previous`) unless the report names
/// it, so that where one chapter ends and the next begins stays visible (民生保障 then
/// 社会事业 would both be ochre).
/// A chapter of no meaning also leaves the colour the next chapter means (`next`) to it.
pub(crate) fn chapter_accent(chapter: Option<&Text>, named: Option<Accent>, index: usize, previous: Option<usize>, next: Option<usize>) -> usize {
    if let Some(accent) = named {
        return accent.index();
    }
    let count = Accent::ALL.len();
    let meant = meaning(chapter).filter(|m| Some(*m) != previous);
    meant.unwrap_or_else(|| (0..count).map(|k| (index + k) % count).find(|c| Some(*c) != previous && Some(*c) != next).unwrap_or(index % count))
}

/// The colour a chapter's name means, if any.
pub(crate) fn meaning(chapter: Option<&Text>) -> Option<usize> {
    chapter.and_then(|text| {
        // ASCII case folding: Unicode case tables would cost the wasm several kilobytes.
        let english = text.en.as_deref().unwrap_or("").to_ascii_lowercase();
        // The word that comes first in the Chinese name, else in the English one.
        let first = |table: &[(&str, Accent)]| {
            table
                .iter()
                // The first word in the name; of two starting there, the longer (社会治理 over 社会).
                .filter_map(|(word, accent)| Some((position(&text.zh, word).or_else(|| position(&english, word).map(|p| p + text.zh.len()))?, word.len(), *accent)))
                .min_by_key(|(at, len, _)| (*at, usize::MAX - *len))
                .map(|(_, _, accent)| accent.index())
        };
        first(MEANINGS).or_else(|| first(BROAD))
    })
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
        assert_eq!(chapter_accent(Some(&text("生态环境", None)), None, 0, None, None), Accent::Green.index());
        assert_eq!(chapter_accent(Some(&text("生态环境", None)), None, 3, None, None), Accent::Green.index());
        assert_eq!(chapter_accent(Some(&text("经济运行", None)), None, 2, None, None), Accent::Red.index());
        assert_eq!(chapter_accent(Some(&text("某某", Some("Urban renewal"))), None, 0, None, None), Accent::Blue.index());
        assert_eq!(chapter_accent(Some(&text("民生保障", None)), None, 0, None, None), Accent::Ochre.index());
        assert_eq!(chapter_accent(Some(&text("疫情防控", None)), None, 0, None, None), Accent::Plum.index());
        assert_eq!(chapter_accent(Some(&text("生态环境", None)), Some(Accent::Plum), 0, None, None), Accent::Plum.index());
        assert_eq!(chapter_accent(Some(&text("其他", None)), None, 7, None, None), 2);
        assert_eq!(chapter_accent(None, None, 1, None, None), 1);
    }

    #[test]
    fn neighbours_differ_and_governance_is_plum() {
        let ochre = Accent::Ochre.index();
        // 社会事业 after 民生保障 (both ochre by meaning) takes another colour.
        assert_ne!(chapter_accent(Some(&text("社会事业", None)), None, 1, Some(ochre), None), ochre);
        // The cycle skips the colour before it.
        assert_eq!(chapter_accent(Some(&text("开放创新", None)), None, 0, Some(0), None), 1);
        assert_eq!(chapter_accent(Some(&text("社会治理", None)), None, 0, None, None), Accent::Plum.index());
        // A chapter of no meaning leaves the next chapter's colour to it: 开放创新 before 生态环境.
        assert_eq!(chapter_accent(Some(&text("开放创新", None)), None, 1, Some(0), Some(Accent::Green.index())), Accent::Blue.index());
        // A named accent is kept even so.
        assert_eq!(chapter_accent(Some(&text("其他", None)), Some(Accent::Red), 1, Some(Accent::Red.index()), None), Accent::Red.index());
    }

    #[test]
    fn the_first_specific_word_decides() {
        let green = Accent::Green.index();
        assert_eq!(chapter_accent(Some(&text("生态环境与绿色低碳发展", Some("Environment and low-carbon growth"))), None, 0, None, None), green);
        assert_eq!(chapter_accent(Some(&text("营商环境持续优化", Some("A better business environment"))), None, 0, None, None), Accent::Red.index());
        assert_eq!(chapter_accent(Some(&text("城市建设与生态修复", None)), None, 0, None, None), Accent::Blue.index());
        assert_eq!(chapter_accent(Some(&text("高质量发展", Some("High-quality growth"))), None, 0, None, None), Accent::Red.index());
        assert_eq!(chapter_accent(Some(&text("某某", Some("Social development"))), None, 0, None, None), Accent::Ochre.index());
    }
}
