//! What a change or an earlier value is stated against. A report's `previous` is the same
//! period a year before (its `previous_period`): 同比, 比上年, 上年同期为. The start of the year
//! (比年初, 比上年末, 由年初的) is that only when the report covers a whole year, whose previous
//! period ends where this one starts; another date (比一季度末, 比上月, 环比) or another place
//! (比全市高, 高于全省) never is. Such a change stays in the figure's note.

/// What a change or an earlier value is measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The same period a year before (同比, 比上年, 较去年同期).
    SamePeriod,
    /// The start of this year, the end of the last (比年初, 比上年末).
    YearStart,
    /// Another date or another place (比一季度末, 环比, 比全市).
    Other,
    /// No comparison written (下降5微克/立方米): read as against the same period, as the genre
    /// states it once for a sentence.
    Unstated,
}

/// Words that compare with what follows them.
const COMPARE: &[&str] = &["比", "较", "高于", "低于", "快于", "慢于", "好于"];
/// What 比/较 compare with that is the start of the year, longest first.
const YEAR_START: &[&str] = &["上年末", "去年末", "上年底", "去年底", "上年年末", "去年年末", "年初", "年末", "年底"];
/// What 比/较 compare with that is the same period a year before.
const SAME_PERIOD: &[&str] = &["上年同期", "去年同期", "上年", "去年", "上期", "前一年"];

/// What the change as written (比年初增加96.3亿元, 同比下降8.6%) is measured from.
pub fn of_change(written: &str) -> Basis {
    if written.contains("环比") {
        return Basis::Other;
    }
    if written.contains("同比") || ["与上年相比", "与去年相比", "与上年同期相比", "与去年同期相比"].iter().any(|w| written.contains(w)) {
        return Basis::SamePeriod;
    }
    for (at, _) in written.char_indices() {
        let rest = &written[at..];
        let Some(word) = COMPARE.iter().find(|w| rest.starts_with(**w)) else { continue };
        let before = written[..at].chars().next_back();
        let after = &rest[word.len()..];
        // 占比, 比重, 比例, 较快, 较好: not a comparison.
        if *word == "比" && (matches!(before, Some('占') | Some('相') | Some('之')) || ["重", "例", "率", "值", "较"].iter().any(|w| after.starts_with(w))) {
            continue;
        }
        if YEAR_START.iter().any(|w| after.starts_with(w)) {
            return Basis::YearStart;
        }
        if SAME_PERIOD.iter().any(|w| after.starts_with(w)) {
            return Basis::SamePeriod;
        }
        // 较 alone is also an adverb (较快增长): a comparison only before a date or a place.
        if *word == "较" && !["全", "本", "一", "二", "三", "四", "上", "前", "月", "季"].iter().any(|w| after.starts_with(w)) && !after.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        return Basis::Other;
    }
    Basis::Unstated
}

/// What a stated earlier value is from, by the words just before it (上年末为, 由年初的, 去年同期为).
pub fn of_earlier(before: &str) -> Basis {
    let tail: String = before.chars().rev().take(6).collect::<Vec<char>>().into_iter().rev().collect();
    if ["年初", "年末", "年底"].iter().any(|w| tail.contains(w)) {
        Basis::YearStart
    } else if ["季度", "季末", "月末", "月底", "上月"].iter().any(|w| tail.contains(w)) {
        Basis::Other
    } else {
        Basis::SamePeriod
    }
}

/// Whether a value against `basis` is the report's previous one; `annual` when the report covers
/// a whole year.
pub fn is_previous(basis: Basis, annual: bool) -> bool {
    match basis {
        Basis::SamePeriod | Basis::Unstated => true,
        Basis::YearStart => annual,
        Basis::Other => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_against_the_year_start_another_date_or_place() {
        assert_eq!(of_change("同比增加23天"), Basis::SamePeriod);
        assert_eq!(of_change("比上年减少640件"), Basis::SamePeriod);
        assert_eq!(of_change("较去年同期增加39家"), Basis::SamePeriod);
        assert_eq!(of_change("比年初增加96.3亿元"), Basis::YearStart);
        assert_eq!(of_change("比上年末减少0.42万人"), Basis::YearStart);
        assert_eq!(of_change("比一季度末下降0.1个百分点"), Basis::Other);
        assert_eq!(of_change("环比增加3家"), Basis::Other);
        assert_eq!(of_change("比上月增加12个"), Basis::Other);
        assert_eq!(of_change("增速比全市高1.9个百分点"), Basis::Other);
        assert_eq!(of_change("高于全市平均水平0.3个百分点"), Basis::Other);
        assert_eq!(of_change("下降5微克/立方米"), Basis::Unstated);
        assert_eq!(of_change("占比提高2个百分点"), Basis::Unstated);
        assert_eq!(of_earlier("由年初的"), Basis::YearStart);
        assert_eq!(of_earlier("去年同期为"), Basis::SamePeriod);
        assert!(is_previous(Basis::YearStart, true) && !is_previous(Basis::YearStart, false) && !is_previous(Basis::Other, true));
    }
}
