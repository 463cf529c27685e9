//! A figure's label from the words around its number: the connectives, time words and verbs
//! around the noun phrase taken off (clean_label), and a long phrase cut to the noun phrase at
//! its end (cut_label).

use super::figures::NOT_APPROX_BEFORE;

/// The longest label kept whole; a longer phrase is cut to its end, with a warning.
pub(super) const MAX_LABEL_CHARS: usize = 16;

pub(super) fn text(chars: &[char]) -> String {
    chars.iter().collect()
}

pub(super) const LEADING: &[&str] = &[
    "一季度末", "二季度末", "三季度末", "上半年末", "季度末", "其中", "同时", "此外", "另外", "以及", "并且", "而且", "并", "和", "及", "与", "还", "今年以来", "今年", "上半年",
    "下半年", "全年", "年内", "当年", "截至目前", "截至年底", "截至", "目前", "一季度", "前三季度", "第一季度", "第二季度",
    "第三季度", "第四季度", "年末", "年底", "期间", "先后", "共有", "共",
];
/// The marks of a numbered point (一是…, 其一, 首先): not part of a label or a title.
const POINTS: &[&str] = &["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "其一", "其二", "其三", "其四", "首先", "其次"];

/// A phrase without the mark of a numbered point in front (一是龙头企业支撑有力), when
/// something is left.
pub(super) fn without_point(phrase: &str) -> &str {
    let phrase = phrase.trim();
    POINTS
        .iter()
        .find_map(|p| phrase.strip_prefix(p))
        .map(|rest| rest.trim_start_matches([',', ':', ' ']))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(phrase)
}

const TRAILING: &[&str] = &[
    "分别为", "分别达到", "分别达", "分别", "均达到", "均达", "均为", "均", "完成", "实现", "达到了", "达到", "达", "为", "是",
    "共计", "合计", "总计", "累计达", "共", "已有", "共有", "拥有", "约", "超过", "超", "逾", "近", "突破", "增至", "增加到",
    "提高到", "上升到", "的", "已", "有", "达成", "约为", "高达", "多达", "等",
];

/// A label without the connectives, time words and verbs around the noun phrase, and without
/// parenthesised asides. A phrase after its number (16个督导组日夜督导) keeps its words: only a
/// phrase before the number is led by connectives (、和驻区单位) and ends in a verb (完成).
pub fn clean_label(raw: &[char]) -> String {
    clean(raw, true)
}

pub(super) fn clean(raw: &[char], front: bool) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(raw.len());
    let mut depth = 0usize;
    for &c in raw {
        match c {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 => chars.push(c),
            _ => {}
        }
    }
    let mut s = text(&chars);
    loop {
        let before = s.clone();
        s = s.trim_matches(|c: char| c.is_whitespace() || "、,:;—-/".contains(c)).to_string();
        // A year or a month in front: 2023年, 1-6月.
        let lead_digits: String = s.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
        if !lead_digits.is_empty() {
            let rest = &s[lead_digits.len()..];
            // 9月末, 6月底: the whole time phrase, not its 末 left on the label.
            for unit in ["年末", "年底", "月末", "月底", "年", "月份", "月"] {
                if let Some(r) = rest.strip_prefix(unit) {
                    s = r.to_string();
                    break;
                }
            }
        }
        // 全镇完成地区生产总值, 实现旅游收入: the subject and the verb before the noun.
        if front {
            for place in ["全镇", "全区", "全县", "全市", "全乡", "全省", ""] {
                for verb in ["完成", "实现", "共有"] {
                    if place.is_empty() && verb != "实现" {
                        continue;
                    }
                    if let Some(rest) = s.strip_prefix(&format!("{place}{verb}")) {
                        if rest.chars().count() >= 2 {
                            s = rest.to_string();
                        }
                    }
                }
            }
        }
        if front {
            s = without_point(&s).to_string();
        }
        for word in LEADING.iter().filter(|_| front) {
            if let Some(rest) = s.strip_prefix(*word) {
                if rest.chars().count() >= 2 {
                    s = rest.to_string();
                    break;
                }
            }
        }
        for word in TRAILING.iter().filter(|_| front) {
            if let Some(rest) = s.strip_suffix(*word) {
                // 户均, 人均, 日均: "per" belongs to the label (户均改造资金), unlike 均达到.
                if *word == "均" && rest.ends_with(['户', '人', '日', '年', '月', '亩', '家']) {
                    break;
                }
                // 家庭医生签约: a word ending in 约 or 近 keeps it.
                if NOT_APPROX_BEFORE.iter().any(|w| w.ends_with(*word) && s.ends_with(w)) {
                    break;
                }
                s = rest.to_string();
                break;
            }
        }
        if s == before {
            break;
        }
    }
    s
}

/// Cuts a long label to the noun phrase at its end: after the last 的/对/在…, or its last
/// characters.
pub(super) fn cut_label(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= MAX_LABEL_CHARS {
        return label.to_string();
    }
    // The longest tail of at most MAX_LABEL_CHARS that starts after a break, a verb or the
    // name of a body (社区卫生服务中心家庭医生…签约率), or at an opening quotation mark.
    let breaks = "的对在把将向让使给于,、和及与";
    for at in 0..chars.len() {
        let rest = chars.len() - at;
        if !(2..=MAX_LABEL_CHARS).contains(&rest) {
            continue;
        }
        let after_break = at > 0 && breaks.contains(chars[at - 1]);
        let after = |words: &[&str]| words.iter().any(|v| at >= v.chars().count() && text(&chars[at - v.chars().count()..at]) == *v);
        if after_break || after(CUT_VERBS) || after(BODIES) || chars[at] == '“' {
            return text(&chars[at..]);
        }
    }
    // Its last characters, not starting inside a quotation (”“金秋招聘月”等招聘会).
    let mut start = chars.len() - MAX_LABEL_CHARS + 4;
    while start + 2 < chars.len() && "”’」』)".contains(chars[start]) {
        start += 1;
    }
    text(&chars[start..])
}

/// Names of bodies and places after which a long phrase may be cut: what follows is what they do.
const BODIES: &[&str] = &["中心", "街道", "社区", "辖区", "全区", "全市", "全县", "全镇", "机构", "部门"];

/// Verbs after which a long phrase may be cut: what follows names the thing counted.
const CUT_VERBS: &[&str] = &["实施", "推进", "开展", "组织", "发动", "完成", "实现", "建设", "打造", "落实", "整合"];

/// Time phrases a previous value is stated against (由去年同期的217起下降到190起).
const FROM_TIMES: &[&str] = &["去年同期", "上年同期", "去年末", "上年末", "去年底", "上年底", "去年", "上年", "年初", "年底", "期初", "同期"];

/// A label without the 由/从 and the time phrase of a previous value at its end (刑事案件发案数由
/// 去年同期 → 刑事案件发案数; 由去年同期 → nothing), and whether there was one.
pub(super) fn without_from_time(label: &str) -> (String, bool) {
    for from in ['由', '从'] {
        if let Some(at) = label.rfind(from) {
            let rest = label[at + from.len_utf8()..].trim_end_matches('的');
            let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            if FROM_TIMES.contains(&rest) || (digits.len() < rest.len() && ["年", "年末", "年底", "年初"].contains(&digits)) {
                return (clean_label(&label[..at].chars().collect::<Vec<char>>()), true);
            }
        }
    }
    (label.to_string(), false)
}

/// Words after which a clause says how its subject changed: the subject is before them.
const CHANGE_WORDS: &[&str] = &["同比", "比上年", "较上年", "比去年", "较去年", "环比", "比年初", "较年初", "增长", "下降", "增加", "减少", "提高", "降低"];

/// The subject a clause opens with, before its number or its change (刑事案件发案数同比下降12.4%
/// → 刑事案件发案数).
pub(super) fn subject_of(clause: &[char]) -> String {
    let end = (0..clause.len()).find(|&i| clause[i].is_ascii_digit() || CHANGE_WORDS.iter().any(|w| text(&clause[i..]).starts_with(w))).unwrap_or(clause.len());
    clean_label(&clause[..end])
}

/// Verbs an after-phrase may end in before the next number (12栋商务楼宇入驻率达到87.5%).
const AFTER_VERBS: &[&str] = &["达到", "达", "为", "实现", "完成", "是", "超过", "突破"];

/// The noun a count counts when the phrase after it runs on to the next number: without the
/// verb at its end and, before a rate, without the rate's word (12栋商务楼宇入驻率达到87.5% →
/// 商务楼宇).
pub(super) fn counted_noun(after: &str, before_rate: bool) -> String {
    let mut noun = after.to_string();
    while let Some(rest) = AFTER_VERBS.iter().find_map(|v| noun.strip_suffix(v).filter(|r| r.chars().count() >= 2)) {
        noun = rest.to_string();
    }
    let chars: Vec<char> = noun.chars().collect();
    if before_rate && chars.len() >= 5 && chars.last() == Some(&'率') {
        return text(&chars[..chars.len() - 3]);
    }
    noun
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_phrase_in_front_is_dropped_whole() {
        for (raw, label) in [("9月末商品房待售面积", "商品房待售面积"), ("9月末全县实有经营主体", "全县实有经营主体"), ("一季度末贷款余额", "贷款余额"), ("年末常住人口", "常住人口"), ("6月底存款余额", "存款余额")] {
            assert_eq!(clean_label(&raw.chars().collect::<Vec<char>>()), label);
        }
    }

    #[test]
    fn a_from_time_and_a_verb_are_not_part_of_a_label() {
        assert_eq!(without_from_time("刑事案件发案数由去年同期"), ("刑事案件发案数".to_string(), true));
        assert_eq!(without_from_time("由去年同期"), (String::new(), true));
        assert_eq!(without_from_time("无物业管理的老旧小区由年初"), ("无物业管理的老旧小区".to_string(), true));
        assert_eq!(without_from_time("由企业承担的项目"), ("由企业承担的项目".to_string(), false));
        assert_eq!(subject_of(&"刑事案件发案数同比下降12.4%".chars().collect::<Vec<char>>()), "刑事案件发案数");
        assert_eq!(counted_noun("商务楼宇入驻率达到", true), "商务楼宇");
        assert_eq!(clean_label(&"社区卫生服务中心完成家庭医生签约".chars().collect::<Vec<char>>()), "社区卫生服务中心完成家庭医生签约");
        assert_eq!(clean_label(&"参与群众约".chars().collect::<Vec<char>>()), "参与群众");
        assert_eq!(counted_noun("新开工项目已开工", false), "新开工项目已开工");
    }
}
