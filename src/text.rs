//! Text measurement and line breaking for layout.
//!
//! Layout must know how wide a label is before anything is drawn, in the browser and natively
//! alike. [`Measure`] abstracts that: the browser layer measures with the canvas' own
//! `measureText`; [`EstimatedMeasure`] is a pure estimate from character classes, used natively
//! and in tests, and tuned to err wide so that nothing it lays out overlaps.

/// Slack for floating-point sums when comparing widths.
const EPSILON: f64 = 0.01;

/// Measures the advance width of a line of text in CSS pixels.
pub trait Measure {
    /// The width of `text` set at `size` px, bold or regular.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// A measurement from character classes: CJK full width, Latin proportional.
#[derive(Debug, Clone, Copy, Default)]
pub struct EstimatedMeasure;

impl Measure for EstimatedMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let ems: f64 = text.chars().map(char_em).sum();
        ems * size * if bold { 1.06 } else { 1.0 }
    }
}

/// An estimate of a character's advance in ems, generous for proportional fonts.
pub fn char_em(ch: char) -> f64 {
    match ch {
        ' ' => 0.3,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.4,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.9,
        '0'..='9' => 0.58,
        'A'..='Z' => 0.7,
        c if c.is_ascii() => 0.56,
        c if is_wide(c) => 1.0,
        _ => 0.7,
    }
}

/// Whether a character is set full width: CJK ideographs, kana, hangul, fullwidth forms.
pub fn is_wide(ch: char) -> bool {
    matches!(ch as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// Replaces control and formatting characters (bidi overrides included) with spaces, so that a
/// label can neither break a line nor reorder the text around it.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            let bidi = matches!(c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069);
            if c.is_control() || bidi {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Breaks `text` into lines no wider than `max_width`, at most `max_lines` of them; the last
/// line ends in an ellipsis when text was cut. CJK breaks between any two characters (not
/// before closing punctuation); Latin text breaks at spaces, and a word too long for a line is
/// broken where it must be.
pub fn wrap(
    measure: &dyn Measure,
    text: &str,
    size: f64,
    bold: bool,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    let text = sanitize(text);
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let fits = |s: &str| measure.width(s, size, bold) <= max_width + EPSILON;
    // Tokens are tried on the end of the line and taken off again when they do not fit: no
    // new string per token (layout runs again for every frame of the entry animation).
    for token in tokens(&text) {
        let kept = current.len();
        let was_blank = current.trim().is_empty();
        current.push_str(token);
        if fits(current.trim_end()) || was_blank && fits(token.trim()) {
            continue;
        }
        current.truncate(kept);
        if !was_blank {
            lines.push(current.trim().to_string());
        }
        current.clear();
        let token = token.trim_start();
        if fits(token.trim_end()) {
            current.push_str(token);
        } else {
            // A single token wider than the line: break it by characters.
            for ch in token.chars() {
                let kept = current.len();
                current.push(ch);
                if kept > 0 && !fits(&current) {
                    current.truncate(kept);
                    lines.push(current.trim().to_string());
                    current.clear();
                    current.push(ch);
                }
            }
        }
    }
    if !current.trim().is_empty() {
        lines.push(current.trim().to_string());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(measure, last, size, bold, max_width);
        }
    }
    lines
}

/// `text` shortened with a trailing ellipsis so that it fits `max_width` (always at least "…").
pub fn ellipsize(measure: &dyn Measure, text: &str, size: f64, bold: bool, max_width: f64) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    loop {
        let candidate: String = chars.iter().collect::<String>() + "…";
        if chars.is_empty() || measure.width(&candidate, size, bold) <= max_width + EPSILON {
            return candidate;
        }
        chars.pop();
    }
}

/// `text` itself if it fits in `max_width`, else shortened with an ellipsis.
pub fn fit(measure: &dyn Measure, text: &str, size: f64, bold: bool, max_width: f64) -> String {
    let clean = sanitize(text);
    if measure.width(&clean, size, bold) <= max_width + EPSILON {
        clean
    } else {
        ellipsize(measure, &clean, size, bold, max_width)
    }
}

/// Two characters a line never breaks between, beyond closing punctuation: a number and the
/// wide character after it (2026年, 56.9万, 3个: a figure and its unit or date stay whole), and
/// the period words of a report's title (一季度, 前三季度, 上半年), which read as one word.
fn glued(last: char, ch: char) -> bool {
    (last.is_ascii_digit() && is_wide(ch)) || matches!((last, ch), ('季', '度') | ('半', '年') | ('一' | '二' | '三' | '四', '季') | ('上' | '下', '半'))
}

/// Splits text into breakable units: each wide character alone (closing punctuation kept with
/// the character before it), each Latin word with its trailing space.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    // The token being read is text[start..], up to the current character; `last` is its last
    // character, None while it is empty.
    let mut start = 0;
    let mut last: Option<char> = None;
    for (i, ch) in text.char_indices() {
        let closing = matches!(
            ch,
            '\u{3001}' | '\u{3002}' | '\u{FF0C}' | '\u{FF1B}' | '\u{FF1A}' | '\u{FF01}' | '\u{FF1F}'
                | '\u{FF09}' | '\u{201D}' | '\u{300B}' | '%' | ',' | '.' | ')' | ';' | ':' | '!' | '?'
        );
        let closing = closing || last.is_some_and(|last| glued(last, ch));
        if !closing && (is_wide(ch) || last.is_some_and(is_wide)) && last.is_some() {
            out.push(&text[start..i]);
            start = i;
        }
        last = Some(ch);
        if ch == ' ' && !closing {
            out.push(&text[start..i + 1]);
            start = i + 1;
            last = None;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: EstimatedMeasure = EstimatedMeasure;

    /// The first tokenizer, one String per token: the slices must come out the same.
    fn owned_tokens(text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut word = String::new();
        for ch in text.chars() {
            let closing = matches!(ch, '\u{3001}' | '\u{3002}' | '\u{FF0C}' | '\u{FF1B}' | '\u{FF1A}' | '\u{FF01}' | '\u{FF1F}'
                | '\u{FF09}' | '\u{201D}' | '\u{300B}' | '%' | ',' | '.' | ')' | ';' | ':' | '!' | '?');
            if closing || word.chars().last().is_some_and(|last| glued(last, ch)) {
                word.push(ch);
                continue;
            }
            if is_wide(ch) {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                word.push(ch);
                continue;
            }
            if word.chars().last().is_some_and(is_wide) {
                out.push(std::mem::take(&mut word));
            }
            word.push(ch);
            if ch == ' ' {
                out.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    }

    #[test]
    fn tokens_are_slices_of_the_text_as_the_owned_tokenizer_made_them() {
        for text in ["中原区2020年上半年成绩单", "GDP 317.8亿元,同比+3.1%。", "Industrial value added (above designated size)",
            "“六稳”“六保”:  ok!", " 。,a 中 b ", "", "📈 增长 growth", "x%y,z)中)"] {
            let sliced: Vec<&str> = tokens(text);
            assert_eq!(sliced, owned_tokens(text), "{text}");
            assert_eq!(sliced.concat(), text);
        }
    }

    #[test]
    fn chinese_wraps_between_characters_and_keeps_punctuation() {
        let lines = wrap(&M, "占年度目标56.9%,23项并联审批任务全部完成", 10.0, false, 100.0, 5);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| M.width(l, 10.0, false) <= 100.0), "{lines:?}");
        assert!(lines.iter().all(|l| !l.starts_with(',')), "{lines:?}");
        assert_eq!(lines.concat(), "占年度目标56.9%,23项并联审批任务全部完成");
    }

    #[test]
    fn a_number_keeps_its_unit_and_a_period_its_words() {
        let tokens = tokens("青岚港2026年一季度运行,上半年新增3个");
        for whole in ["2026年", "一季度", "上半年", "3个"] {
            assert!(tokens.contains(&whole), "{whole}: {tokens:?}");
        }
        // Wherever the line ends (on lines wide enough for them), none of them is split.
        for width in 40..=160 {
            let lines = wrap(&M, "青岚港经济技术开发区2026年一季度运行情况", 10.0, false, f64::from(width), 9);
            for pair in lines.windows(2) {
                let (end, start) = (pair[0].chars().last().unwrap(), pair[1].chars().next().unwrap());
                assert!(!glued(end, start), "{width}: {lines:?}");
            }
        }
    }

    #[test]
    fn english_wraps_at_spaces() {
        let lines = wrap(&M, "Industrial value added above designated size", 10.0, false, 120.0, 5);
        assert_eq!(lines.join(" "), "Industrial value added above designated size");
        assert!(lines.iter().all(|l| M.width(l, 10.0, false) <= 120.0), "{lines:?}");
    }

    #[test]
    fn overlong_text_is_cut_with_an_ellipsis() {
        let long = "很".repeat(1000);
        let lines = wrap(&M, &long, 10.0, false, 50.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(M.width(&lines[1], 10.0, false) <= 50.0);
        assert_eq!(fit(&M, "abcdefghijklmnop", 10.0, false, 1.0), "…");
    }

    #[test]
    fn control_and_bidi_characters_become_spaces() {
        assert_eq!(sanitize("a\u{202E}b\nc"), "a b c");
    }
}
