//! The figure finder: in one sentence, every number with a unit (317.8亿元, 2万余家, 近百家,
//! 96%, 45微克/立方米), its approximation, and the role the prose gives it: a figure, a change
//! against last year (同比增长5.6%, 同比增加23天), a previous value (上年为62天, 由62天增加到85天),
//! a share of a target (占年度目标的56.9%), or a threshold that only qualifies the next figure
//! (其中超10亿元项目6个). Dates, ordinals, addresses, names and numbers inside quotation marks
//! have no unit from the lists of [`super::unit_words`] or are refused by their context, and so
//! are never figures.

use super::numbers::{ascii_number, chinese_digit, chinese_number, chinese_unit, digit_run_end};
use super::scan::is_clause_break;
use super::unit_words::read_unit;

const OVER_BEFORE: &[&str] = &["超过", "突破", "逾", "超"];
const ABOUT_BEFORE: &[&str] = &["将近", "接近", "大约", "约", "近"];
/// Words that end in an approximation word but are words of their own (家庭医生签约1.26万人,
/// 附近3个小区, 赶超): a number after them is exact.
pub(super) const NOT_APPROX_BEFORE: &[&str] = &[
    "签约", "预约", "节约", "制约", "公约", "条约", "合约", "特约", "邀约", "违约", "履约", "集约", "相约", "契约", "附近", "最近", "就近",
    "靠近", "邻近", "临近", "亲近", "贴近", "赶超", "高超",
];
/// Words before a count that make it the rest of a whole (剩余23个正在加紧施工, 其余3件): a note.
const REST_BEFORE: &[&str] = &["剩余", "其余", "尚余", "还剩", "余下"];
/// Words that start with an approximation word after a unit but are words of their own
/// (3个多功能活动室, 1000万元余额): the number before them is exact.
const NOT_APPROX_AFTER: &[&str] = &["多功能", "多元", "多样", "多种", "多层", "多方", "多渠道", "多部门", "多媒体", "多措", "余额", "余量", "余热", "余款"];
const CHANGE_VERBS_UP: &[&str] = &["净增", "增长", "增加", "提高", "提升", "上升", "回升", "上涨", "增幅", "增速", "多"];
const CHANGE_VERBS_DOWN: &[&str] = &["净减", "下降", "减少", "降低", "回落", "下滑", "下跌", "降幅", "缩短", "精简", "压减", "缩减"];
const COMPARISONS: &[&str] = &["同比", "比上年", "较上年", "比去年", "较去年", "环比", "比年初", "较年初", "与上年相比", "比上期", "较上期"];
const PREVIOUS_MARKS: &[&str] = &["上年同期", "去年同期", "上年末", "去年末", "上年底", "去年底", "上年", "去年", "上期"];
const TARGET_WORDS: &[&str] = &["目标", "计划", "任务", "年度预算", "全年预算"];
/// Words right before a number that make it a target (年度目标为15亿元, 年度计划投资3亿元).
const TARGET_BEFORE: &[&str] = &["目标为", "目标是", "目标", "任务为", "任务是", "任务", "计划投资", "计划为", "预算为"];
/// Words that make a clause a plan, not a result (确保年内完成126个).
const PLAN_WORDS: &[&str] = &["确保", "力争", "预计", "预期", "计划到", "将达到", "目标到"];

/// Words after a count that make it the field of a ranking (13个街镇中排名第2位).
const RANKED_AFTER: &[&str] = &["中排名", "中排第", "中位列", "中位居", "中居第", "中名列"];
/// Words before a count that make it the field of a ranking when an ordinal follows it
/// (居全市11个县第4位, 位列全省…, 排全市…).
const RANK_BEFORE: &[&str] = &["居", "列", "排"];
/// Words right before a number that make it a bound to stay within (控制在3.5%以内): a target.
const BOUND_BEFORE: &[&str] = &["控制在", "控制到", "控制于", "压降到", "压减到", "压减至"];

/// Whether a figure is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    Over,
    About,
}

/// What the prose makes of a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// A figure to draw.
    Figure,
    /// A change in percent (增长5.6%, 下降3%): signed, kept as text for the note.
    ChangePercent(f64),
    /// A change in the figure's own unit (同比增加23天): signed.
    ChangeAbsolute(f64),
    /// A change in percentage points or a multiple: signed when in points.
    ChangeOther(f64),
    /// The value a year before of a figure in the same sentence.
    Previous,
    /// A share of a target, in percent, of the figure before it.
    Progress,
    /// A threshold that qualifies the next figure's noun (超10亿元项目): not a figure.
    Qualifier,
    /// A share in percent of a named whole (占一般公共预算收入的比重为79.2%).
    Share,
    /// A stated target of a figure in the same sentence (年度目标为15亿元).
    Target,
    /// A number in a plan (确保年内完成126个): not a figure.
    Plan,
}

/// One number with its unit, as found in a sentence.
#[derive(Debug, Clone)]
pub struct Token {
    /// Where the match starts (its approximation word included) and ends (suffix included),
    /// in the sentence's characters.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: String,
    pub approx: Option<Approx>,
    /// The low end when the prose gives a range (3至5个).
    pub range_low: Option<f64>,
    pub clause: usize,
    pub role: Role,
}

pub(super) fn starts_with(text: &[char], at: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, c)| text.get(at + k) == Some(&c))
}

fn ends_with(text: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && starts_with(text, end - n, word)
}

/// A value in its unit's bare form: 1.26 万人 is 12600 人. For comparing changes with figures.
pub fn in_base(value: f64, unit: &str) -> (f64, &str) {
    for (prefix, m) in [("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("亿", 1e8)] {
        if let Some(rest) = unit.strip_prefix(prefix) {
            if !rest.is_empty() {
                return (value * m, rest);
            }
        }
    }
    (value, unit)
}

/// Whether a change as written starts with its comparison or its verb (同比增长5.6%), so that
/// it reads after the figure's label; else it names its own subject.
pub fn starts_with_change(text: &str) -> bool {
    COMPARISONS.iter().chain(CHANGE_VERBS_UP).chain(CHANGE_VERBS_DOWN).chain(["比", "较", "分别"].iter()).any(|w| text.starts_with(w))
}

/// Finds every number with a unit in `sentence` (characters `from..to` of `text`), with its
/// role. `quoted` marks characters inside quotation marks.
pub fn tokens(text: &[char], quoted: &[bool], from: usize, to: usize) -> Vec<Token> {
    let sentence = &text[from..to];
    let mut clause_of = vec![0usize; sentence.len() + 1];
    let mut clause_start = vec![0usize; sentence.len() + 1];
    let mut clause = 0;
    let mut start = 0;
    for i in 0..sentence.len() {
        clause_of[i] = clause;
        clause_start[i] = start;
        if is_clause_break(sentence, i) {
            clause += 1;
            start = i + 1;
        }
    }
    clause_of[sentence.len()] = clause;
    clause_start[sentence.len()] = start;
    let mut found = Vec::new();
    let mut i = 0;
    while i < sentence.len() {
        let c = sentence[i];
        let ascii = c.is_ascii_digit();
        let chinese = chinese_digit(c).is_some() || chinese_unit(c).is_some();
        if !ascii && !chinese {
            i += 1;
            continue;
        }
        let before = if i > 0 { Some(sentence[i - 1]) } else { None };
        // Not the dash of a range (7%-8%, 3-5个).
        let minus = ascii && matches!(before, Some('-') | Some('−')) && !(i >= 2 && (sentence[i - 2].is_ascii_alphanumeric() || "-%‰".contains(sentence[i - 2])));
        let glued = !minus && before.is_some_and(|b| b.is_ascii_alphanumeric() || b == '.' || b == '-' || b == '/' || b == '第' || b == '前');
        let number = if ascii { ascii_number(sentence, i) } else { chinese_number(sentence, i) };
        let Some((value, number_end)) = number else {
            i = if ascii { digit_run_end(sentence, i) } else { i + 1 };
            continue;
        };
        if glued || quoted.get(from + i).copied().unwrap_or(false) {
            i = number_end.max(i + 1);
            continue;
        }
        // A range: 3至5个, 3-5个; the figure is its high end.
        let mut range_low = None;
        let mut value = value;
        let mut number_end = number_end;
        let dash = matches!(sentence.get(number_end), Some('-') | Some('~') | Some('至') | Some('到') | Some('—'));
        if ascii && dash && sentence.get(number_end + 1).is_some_and(char::is_ascii_digit) {
            if let Some((high, end)) = ascii_number(sentence, number_end + 1) {
                if high > value {
                    range_low = Some(value);
                    value = high;
                    number_end = end;
                }
            }
        }
        let value = if minus { -value } else { value };
        let mut approx = None;
        let mut start = if minus { i - 1 } else { i };
        for (words, kind) in [(OVER_BEFORE, Approx::Over), (ABOUT_BEFORE, Approx::About)] {
            for word in words {
                if ends_with(sentence, i, word) && approx.is_none() && !NOT_APPROX_BEFORE.iter().any(|w| w.ends_with(word) && ends_with(sentence, i, w)) {
                    approx = Some(kind);
                    start = i - word.chars().count();
                }
            }
        }
        let Some((mut value, unit, mut end, change_unit)) = read_unit(sentence, number_end, value, &mut approx) else {
            i = number_end.max(i + 1);
            continue;
        };
        // A Chinese numeral is a figure when rounded (近百家, 十余个) or from ten up (十件民生实事);
        // one digit alone is a set phrase (一批, 三送一强, “四个中原”), unless it ends a list's
        // item after its noun (新建学校三所、改扩建学校8所; not 一周来一次).
        let item_end = end >= sentence.len() || is_clause_break(sentence, end) || sentence[end] == '、';
        if chinese && approx.is_none() && value < 10.0 && !(item_end && value >= 2.0 && !change_unit && i > 0 && ('\u{4e00}'..='\u{9fff}').contains(&sentence[i - 1])) {
            i = number_end.max(i + 1);
            continue;
        }
        // 数据中心二期、: a phase's name; 剩余23个: the rest of a whole, not a figure.
        if (chinese && unit == "期") || REST_BEFORE.iter().any(|w| ends_with(sentence, start, w)) {
            i = number_end.max(i + 1);
            continue;
        }
        // A range of rates, 7%-8%: its high end, like 3至5个.
        if matches!(unit.as_str(), "%" | "‰") && matches!(sentence.get(end), Some('-') | Some('~') | Some('至') | Some('—')) {
            if let Some((high, high_end)) = ascii_number(sentence, end + 1) {
                if high > value && starts_with(sentence, high_end, &unit) {
                    range_low = Some(value);
                    value = high;
                    end = high_end + 1;
                }
            }
        }
        let mut qualifier_suffix = false;
        for (word, kind) in [("以上", Approx::Over), ("左右", Approx::About), ("有余", Approx::Over), ("余", Approx::Over), ("多", Approx::Over)] {
            if starts_with(sentence, end, word) && !NOT_APPROX_AFTER.iter().any(|w| starts_with(sentence, end, w)) {
                if word == "以上" {
                    qualifier_suffix = true;
                }
                approx = approx.or(Some(kind));
                end += word.chars().count();
                break;
            }
        }
        if starts_with(sentence, end, "以下") || starts_with(sentence, end, "及以上") {
            qualifier_suffix = true;
            end += 2;
        }
        // 在全区13个街镇中排名第2位: the size of a ranking's field, not a figure.
        if RANKED_AFTER.iter().any(|w| (end..sentence.len().min(end + 8)).any(|j| starts_with(sentence, j, w) && !(end..j).any(|k| is_clause_break(sentence, k))))
            || ranking_field(sentence, clause_start[start], start, end)
        {
            i = end.max(i + 1);
            continue;
        }
        let role = classify(sentence, start, end, &unit, change_unit, clause_start[start]);
        let role = match role {
            // 2000万元及以上的工业企业: a threshold naming a kind of thing.
            Role::Figure if qualifier_suffix && (sentence.get(end) == Some(&'的') || sentence.get(end).is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(c))) => Role::Qualifier,
            // 税收超过千万元的楼宇达到9栋: a bound naming a kind of thing, when a figure follows.
            Role::Figure if approx == Some(Approx::Over) && sentence.get(end) == Some(&'的') && OVER_BEFORE.iter().any(|w| ends_with(sentence, i, w)) && has_number_after(sentence, end) => Role::Qualifier,
            // 全部超过10万元, 均超过: a bound all of them pass, not a figure.
            Role::Figure if approx == Some(Approx::Over) && ["全部", "均", "都"].iter().any(|w| OVER_BEFORE.iter().any(|o| ends_with(sentence, i, &format!("{w}{o}")))) => Role::Qualifier,
            Role::Figure if qualifier_suffix || OVER_BEFORE.iter().any(|w| ends_with(sentence, i, w)) => {
                if qualifies_next(sentence, end, &clause_of) {
                    Role::Qualifier
                } else {
                    Role::Figure
                }
            }
            other => other,
        };
        found.push(Token { start, end, value, unit, approx, range_low, clause: clause_of[start], role });
        i = end.max(i + 1);
    }
    for k in 1..found.len() {
        let between: String = sentence[found[k - 1].end.min(found[k].start)..found[k].start].iter().collect();
        let listed = ["、", "和", "及", "、和"].contains(&between.as_str());
        match (&found[k - 1].role, &found[k].role) {
            // 分别减少4.2%、5.1%: the changes of a list, each with the first one's direction.
            (Role::ChangePercent(sign), Role::Figure) if listed && found[k].unit == found[k - 1].unit => found[k].role = Role::ChangePercent(*sign),
            // 超过50万元、100万元的村: the bounds of a list.
            (Role::Qualifier, Role::Figure) if listed && sentence.get(found[k].end) == Some(&'的') => found[k].role = Role::Qualifier,
            _ => {}
        }
    }
    // 42微克/立方米,下降5微克/立方米: a change verb before a number of the unit of a figure
    // before it in the sentence is a change, with or without 同比.
    for k in 0..found.len() {
        if found[k].role != Role::Figure {
            continue;
        }
        let start = found[k].start;
        let up = CHANGE_VERBS_UP.iter().any(|v| *v != "多" && ends_with(sentence, start, v));
        let down = CHANGE_VERBS_DOWN.iter().any(|v| ends_with(sentence, start, v));
        let unit = in_base(1.0, &found[k].unit).1.to_string();
        if (up || down) && found[..k].iter().any(|o| o.role == Role::Figure && in_base(1.0, &o.unit).1 == unit) {
            found[k].role = Role::ChangeAbsolute(if down { -1.0 } else { 1.0 });
        }
    }
    found
}

/// Whether the count at `start..end` is the field of a ranking that follows it in its clause,
/// asides in parentheses passed over: 居全市11个县(市、区)第4位, 位列全省100个县第12名.
fn ranking_field(sentence: &[char], clause_start: usize, start: usize, end: usize) -> bool {
    let before: String = sentence[clause_start.max(start.saturating_sub(8))..start].iter().collect();
    let ranked_before = RANK_BEFORE.iter().any(|w| before.contains(w));
    let (mut j, mut depth, mut read) = (end, 0usize, 0usize);
    while j < sentence.len() && read <= 10 {
        match sentence[j] {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            '第' if depth == 0 => {
                let digits = sentence[j + 1..].iter().take_while(|c| c.is_ascii_digit() || chinese_digit(**c).is_some() || chinese_unit(**c).is_some()).count();
                let ordinal = digits > 0 && matches!(sentence.get(j + 1 + digits), Some('位') | Some('名'));
                return ordinal && (ranked_before || sentence[end..j].ends_with(&['中']));
            }
            _ if depth == 0 && (is_clause_break(sentence, j) || sentence[j].is_ascii_digit()) => return false,
            _ if depth == 0 => read += 1,
            _ => {}
        }
        j += 1;
    }
    false
}

/// Whether a digit or a Chinese numeral stands in `sentence` after `end`.
fn has_number_after(sentence: &[char], end: usize) -> bool {
    sentence[end.min(sentence.len())..].iter().any(|c| c.is_ascii_digit() || chinese_digit(*c).is_some())
}

/// Whether a threshold at `end` is followed, in its clause and within a short noun phrase, by
/// another number: then it qualifies that number's noun (超10亿元项目6个, 亿元以上项目12个).
fn qualifies_next(sentence: &[char], end: usize, clause_of: &[usize]) -> bool {
    let clause = clause_of[end.min(sentence.len())];
    for j in end..sentence.len().min(end + 10) {
        if clause_of[j] != clause || "完成实现达为是".contains(sentence[j]) {
            return false;
        }
        if sentence[j].is_ascii_digit() {
            return true;
        }
    }
    false
}

/// The role of the number at `start..end` by the words around it in its clause.
fn classify(sentence: &[char], start: usize, end: usize, unit: &str, change_unit: bool, clause_start: usize) -> Role {
    let before = &sentence[clause_start..start];
    let before_text: String = before.iter().collect();
    let verb = |verbs: &[&str]| verbs.iter().any(|v| ends_with(sentence, start, v) || ends_with(sentence, start, &format!("{v}了")));
    let up = verb(CHANGE_VERBS_UP);
    let down = verb(CHANGE_VERBS_DOWN);
    let sign = if down { -1.0 } else { 1.0 };
    let compared = COMPARISONS.iter().any(|c| before_text.contains(c));
    if change_unit {
        return Role::ChangeOther(sign);
    }
    let percent = unit == "%" || unit == "‰";
    // A rate named as the figure itself (人口自然增长率为-1.43‰, 城镇化率达62.1%).
    let named = before_text.trim_end_matches(['为', '是', '达', '到']).trim_end_matches("达到").ends_with('率');
    if percent && named && !up && !down {
        return Role::Figure;
    }
    if percent && (up || down || ["增长", "增速", "增幅", "降幅", "下降"].iter().any(|w| before_text.contains(w))) {
        return Role::ChangePercent(sign);
    }
    if !percent && (up || down) && compared {
        return Role::ChangeAbsolute(sign);
    }
    if percent && TARGET_WORDS.iter().any(|w| before_text.contains(w)) && ["占", "完成", "为", "达", "的"].iter().any(|w| before_text.contains(w)) {
        return Role::Progress;
    }
    // 占一般公共预算收入的比重为79.2%; not the noun 占比 (事项占比均达到100%).
    if percent && before_text.replace("占比", "").contains('占') {
        return Role::Share;
    }
    if PLAN_WORDS.iter().any(|w| before_text.contains(w)) {
        return Role::Plan;
    }
    // 控制在3.5%的年度调控目标以内, 控制在5%以下: a ceiling, not a result.
    let clause_end = (end.min(sentence.len())..sentence.len()).find(|&j| is_clause_break(sentence, j)).unwrap_or(sentence.len());
    let rest_of_clause: String = sentence[end.min(clause_end)..clause_end].iter().collect();
    let bound = ["以内", "以下", "之内"].iter().any(|w| rest_of_clause.contains(w) || ends_with(sentence, end, w));
    if bound && BOUND_BEFORE.iter().any(|w| ends_with(sentence, start, w)) {
        return Role::Plan;
    }
    // 高于年初确定的7%-8%预期目标: a number that names a target is not a result.
    let after: String = sentence[end.min(sentence.len())..sentence.len().min(end + 5)].iter().collect();
    if ["预期目标", "目标", "的预期目标", "的目标", "左右的目标"].iter().any(|w| after.starts_with(w)) {
        return Role::Plan;
    }
    if !percent && TARGET_BEFORE.iter().any(|w| ends_with(sentence, start, w)) {
        return Role::Target;
    }
    for mark in PREVIOUS_MARKS {
        for tail in ["为", "的", "是", ""] {
            if ends_with(sentence, start, &format!("{mark}{tail}")) {
                return Role::Previous;
            }
        }
    }
    // 由62天增加到85天, 由年初的34个减少到9个: the first number is the previous value of the second.
    let from = before.iter().rposition(|c| *c == '由' || *c == '从').filter(|&p| {
        let between: String = before[p + 1..].iter().collect();
        between.is_empty() || (between.chars().count() <= 5 && (between.ends_with('的') || PREVIOUS_MARKS.contains(&between.as_str()) || ["年初", "年末", "年底"].contains(&between.as_str())))
    });
    if from.is_some() {
        let after: String = sentence[end..sentence.len().min(end + 4)].iter().collect();
        if ["增加", "提高", "上升", "增长", "提升", "下降", "减少", "降低", "降", "增", "缩短", "压减", "缩减", "扩大"].iter().any(|v| after.starts_with(v)) {
            return Role::Previous;
        }
    }
    Role::Figure
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(f64, String, Option<Approx>, Role)> {
        let chars: Vec<char> = text.chars().collect();
        let quoted = super::super::scan::quoted(&chars);
        tokens(&chars, &quoted, 0, chars.len()).into_iter().map(|t| (t.value, t.unit, t.approx, t.role)).collect()
    }

    #[test]
    fn numbers_units_and_approximations() {
        let found = find("企业2万余家,协助招聘4000余人,夜经济商户近百家,新增绿地74.4万平方米,发放贷款6700万元");
        let values: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.1.as_str())).collect();
        assert_eq!(values, vec![(2.0, "万家"), (4000.0, "人"), (100.0, "家"), (74.4, "万㎡"), (6700.0, "万元")]);
        assert_eq!(found[0].2, Some(Approx::Over));
        assert_eq!(found[2].2, Some(Approx::About));
    }

    #[test]
    fn not_figures() {
        assert!(find("7月31日上午,十一届十次全体会议,西站路82号院,世界500强,“四个中原”,5G基站,PM2.5,第1批,2020年").is_empty());
    }

    #[test]
    fn roles() {
        let found = find("优良天数85天,同比增加23天,生产总值增长5.6%,占年度目标的56.9%");
        let roles: Vec<Role> = found.into_iter().map(|f| f.3).collect();
        assert_eq!(roles, vec![Role::Figure, Role::ChangeAbsolute(1.0), Role::ChangePercent(1.0), Role::Progress]);
        let found = find("其中超10亿元项目6个");
        assert_eq!(found[0].3, Role::Qualifier);
        assert_eq!(found[1].3, Role::Figure);
        // 由年初的34个减少到9个: the first is the second's previous value.
        let roles: Vec<Role> = find("无物业小区由年初的34个减少到9个").into_iter().map(|f| f.3).collect();
        assert_eq!(roles, vec![Role::Previous, Role::Figure]);
        // A bound before 的 names a kind of thing when a figure follows.
        let found = find("税收超过千万元的楼宇达到9栋");
        assert_eq!((found[0].3.clone(), found[1].3.clone()), (Role::Qualifier, Role::Figure));
    }

    #[test]
    fn units_per_something_time_and_ranking_fields() {
        let found = find("户均约2.1万元/户,通行能力4.2万辆/日,均价8000元/平方米,累计服务约16万小时");
        let units: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.1.as_str())).collect();
        assert_eq!(units, vec![(2.1, "万元/户"), (4.2, "万辆/日"), (8000.0, "元/平方米"), (16.0, "万小时")]);
        // Hours before a noun name a kind of service, and a ranking's field is not a figure.
        assert!(find("开设24小时自助图书馆,满意率在全区13个街镇中排名第2位").is_empty());
        // 吨标准煤 whole; minutes before a change; a range of rates naming a target; a list of
        // changes and of bounds; a one-digit numeral ending a list's item.
        let found = find("能源消费量68.4万吨标准煤,车程由40分钟缩短到18分钟");
        let got: Vec<(f64, &str, Role)> = found.iter().map(|f| (f.0, f.1.as_str(), f.3.clone())).collect();
        assert_eq!(got, vec![(68.4, "万吨标准煤", Role::Figure), (40.0, "分钟", Role::Previous), (18.0, "分钟", Role::Figure)]);
        let roles: Vec<Role> = find("高于年初确定的7%-8%预期目标").into_iter().map(|f| f.3).collect();
        assert_eq!(roles, vec![Role::Plan]);
        let roles: Vec<Role> = find("化学需氧量、氨氮排放量分别减少4.2%、5.1%").into_iter().map(|f| f.3).collect();
        assert_eq!(roles, vec![Role::ChangePercent(-1.0), Role::ChangePercent(-1.0)]);
        let roles: Vec<Role> = find("其中超过50万元、100万元的村分别达到41个、12个").into_iter().map(|f| f.3).collect();
        assert_eq!(roles, vec![Role::Qualifier, Role::Qualifier, Role::Figure, Role::Figure]);
        let found = find("新建学校三所、改扩建学校8所,专班一周来一次");
        assert_eq!(found.iter().map(|f| f.0).collect::<Vec<f64>>(), vec![3.0, 8.0]);
    }

    #[test]
    fn a_word_ending_in_an_approximation_word_is_not_one() {
        // 签约 is a word: its 约 is not "about"; 大约 is.
        let found = find("家庭医生签约1.26万人,预约挂号3000人次,节约资金20万元,大约5000人");
        let approx: Vec<Option<Approx>> = found.iter().map(|f| f.2).collect();
        assert_eq!(approx, vec![None, None, None, Some(Approx::About)]);
        let found = find("附近3个小区,最近5年,靠近2所学校,近百家,建成3个多功能活动室,贷款100亿元余额");
        let approx: Vec<(f64, Option<Approx>)> = found.iter().map(|f| (f.0, f.2)).collect();
        assert_eq!(approx, vec![(3.0, None), (2.0, None), (100.0, Some(Approx::About)), (3.0, None), (100.0, None)]);
    }

    #[test]
    fn a_phase_and_the_rest_of_a_whole_are_not_figures() {
        let found = find("培训23期、数据中心二期、剩余23个正在施工,其余3件年底前完成");
        assert_eq!(found.iter().map(|f| (f.0, f.1.as_str())).collect::<Vec<(f64, &str)>>(), vec![(23.0, "期")]);
    }

    #[test]
    fn deadweight_tonnes() {
        let found = find("造船完工量86.5万载重吨,新接订单量142.3万载重吨");
        let units: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.1.as_str())).collect();
        assert_eq!(units, vec![(86.5, "万载重吨"), (142.3, "万载重吨")]);
    }

    #[test]
    fn a_unit_per_a_magnitude_is_read_whole() {
        // X/万元 whole, and the previous value stated in the same unit.
        let found = find("单位增加值能耗0.86吨标准煤/万元,去年同期为0.89吨标准煤/万元,床位5.2张/千人");
        let got: Vec<(f64, &str, Role)> = found.iter().map(|f| (f.0, f.1.as_str(), f.3.clone())).collect();
        assert_eq!(got, vec![(0.86, "吨标准煤/万元", Role::Figure), (0.89, "吨标准煤/万元", Role::Previous), (5.2, "张/千人", Role::Figure)]);
    }

    #[test]
    fn a_ranking_field_with_an_aside_is_not_a_figure() {
        let found = find("地区生产总值486.3亿元,居全市11个县(市、区)第4位,位列全省100个县第12名");
        assert_eq!(found.iter().map(|f| f.0).collect::<Vec<f64>>(), vec![486.3]);
    }

    #[test]
    fn a_net_change_is_a_change() {
        let roles: Vec<Role> = find("规上工业企业达到236家,比上年同期净增14家,亏损企业比上年净减3家").into_iter().map(|f| f.3).collect();
        assert_eq!(roles, vec![Role::Figure, Role::ChangeAbsolute(1.0), Role::ChangeAbsolute(-1.0)]);
    }

    #[test]
    fn a_ceiling_to_stay_within_is_a_target() {
        let roles: Vec<Role> = find("城镇登记失业率2.8%,控制在3.5%的年度调控目标以内,能耗控制在5万吨标准煤以下").into_iter().map(|f| f.3).collect();
        assert_eq!(roles, vec![Role::Figure, Role::Plan, Role::Plan]);
    }
}
