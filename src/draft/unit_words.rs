//! The units a number may carry, as the genre writes them: counts (家, 个, 人次), measures
//! that keep their magnitude (万元, 亿千瓦时, 万载重吨), a unit per something (万元/户,
//! 吨标准煤/万元, 万人次/日), units of time that count only at a clause's end, and units of a
//! change (个百分点).

use super::figures::{starts_with, Approx};
use super::scan::is_clause_break;

/// Units that count things (人, 家, 个); a magnitude before them (1.26万人) stays in the unit.
const COUNT_UNITS: &[&str] = &[
    "人次", "户次", "家次", "批次", "个工作日", "人", "名", "位", "户", "家", "个", "项", "所", "座", "条", "次", "件",
    "套", "辆", "台", "处", "栋", "间", "张", "床", "场", "批", "篇", "部", "支", "只", "头", "株", "棵", "盏", "宗", "起",
    "例", "份", "册", "种", "架", "艘", "天", "家庭", "笔", "门", "匹", "羽", "枚", "块", "片", "所学校",
];
/// Units that keep their magnitude in the unit (万元, 亿美元, 万㎡), with the spelling the
/// report uses.
const MEASURE_UNITS: &[(&str, &str)] = &[
    ("微克/立方米", "微克/立方米"),
    ("毫克/立方米", "毫克/立方米"),
    ("平方公里", "平方公里"),
    ("平方千米", "平方公里"),
    ("平方米", "㎡"),
    ("㎡", "㎡"),
    ("立方米", "立方米"),
    ("千瓦时", "千瓦时"),
    ("吨标准煤", "吨标准煤"),
    ("载重吨", "载重吨"),
    ("千瓦", "千瓦"),
    ("兆瓦", "兆瓦"),
    ("标准箱", "标准箱"),
    ("美元", "美元"),
    ("欧元", "欧元"),
    ("元", "元"),
    ("公顷", "公顷"),
    ("亩", "亩"),
    ("公里", "公里"),
    ("千米", "公里"),
    ("延米", "米"),
    ("米", "米"),
    ("千克", "千克"),
    ("公斤", "公斤"),
    ("吨", "吨"),
];
/// What a unit may be per (2.1万元/户, 4.2万辆/日, 8000元/平方米): read into the unit.
const PER_UNITS: &[&str] = &[
    "平方米", "㎡", "人次", "小时", "公里", "千米", "户", "人", "日", "天", "年", "月", "次", "辆", "亩", "吨", "家", "个", "件", "台", "床",
    "元", "美元",
];
/// A magnitude the unit after the slash may carry (0.86吨标准煤/万元, 床/千人).
const PER_MAGNITUDES: &[&str] = &["", "万", "亿", "千", "百"];
/// Units of time that are a figure only at the end of a clause (累计服务时长约16万小时): before a
/// noun they name a kind of service (24小时自助图书馆, 12小时内办结).
const CLAUSE_END_UNITS: &[&str] = &["小时", "分钟"];
/// Units that count only at the end of a clause or of a list's item (培训23期、培训1150人次):
/// before a noun they name a phase (3期项目, 二期工程).
const ITEM_END_UNITS: &[&str] = &["期"];
/// What may follow a unit of [`CLAUSE_END_UNITS`] besides a clause's end: a change (由40分钟缩短到18分钟).
const AFTER_TIME: &[&str] = &["缩短", "减少", "降低", "压缩", "增加", "延长", "提高", "到", "至"];
/// Units that only ever measure a change.
const CHANGE_UNITS: &[&str] = &["个百分点", "百分点", "倍"];
/// A count unit followed by one of these is not that unit: 3个月 is a duration, 十次全会 a
/// meeting's name.
const NOT_AFTER_UNIT: &[&str] = &["月", "季度", "小时", "全会", "全体", "会议", "党代会", "代表大会", "届", "强", "号", "年"];

/// Whether a unit counts things (个, 万件), not a measure (亿元, 万吨).
pub(super) fn is_count_unit(unit: &str) -> bool {
    COUNT_UNITS.contains(&unit.trim_start_matches(['万', '亿']))
}

/// Reads a unit at `at` after a number of `value`: the unit as the report writes it, the value
/// with its magnitude (万, 亿) as the article writes it, and the end.
pub(super) fn read_unit(text: &[char], at: usize, value: f64, approx: &mut Option<Approx>) -> Option<(f64, String, usize, bool)> {
    let mut i = at;
    if matches!(text.get(i), Some('余') | Some('多')) {
        *approx = Some(Approx::Over);
        i += 1;
    }
    let mut magnitude_text = "";
    for word in ["万亿", "千万", "百万", "万", "亿"] {
        if starts_with(text, i, word) {
            magnitude_text = word;
            i += word.chars().count();
            break;
        }
    }
    if matches!(text.get(i), Some('余') | Some('多')) {
        *approx = Some(Approx::Over);
        i += 1;
    }
    if magnitude_text.is_empty() {
        for unit in ["%", "‰"] {
            if starts_with(text, i, unit) {
                return Some((value, unit.to_string(), i + 1, false));
            }
        }
        for unit in CHANGE_UNITS {
            if starts_with(text, i, unit) {
                return Some((value, unit.to_string(), i + unit.chars().count(), true));
            }
        }
    }
    let mut best: Option<(usize, String, bool)> = None;
    for (word, spelled) in MEASURE_UNITS {
        if starts_with(text, i, word) && best.as_ref().map_or(true, |b| word.chars().count() > b.0) {
            best = Some((word.chars().count(), format!("{magnitude_text}{spelled}"), false));
        }
    }
    for word in COUNT_UNITS {
        if starts_with(text, i, word) && best.as_ref().map_or(true, |b| word.chars().count() > b.0) {
            best = Some((word.chars().count(), word.to_string(), true));
        }
    }
    if best.is_none() {
        best = CLAUSE_END_UNITS
            .iter()
            .find(|w| {
                let end = i + w.chars().count();
                starts_with(text, i, w) && (end >= text.len() || is_clause_break(text, end) || AFTER_TIME.iter().any(|a| starts_with(text, end, a)))
            })
            .map(|w| (w.chars().count(), w.to_string(), true))
            .or_else(|| {
                ITEM_END_UNITS
                    .iter()
                    .find(|w| {
                        let end = i + w.chars().count();
                        starts_with(text, i, w) && (end >= text.len() || is_clause_break(text, end) || text[end] == '、')
                    })
                    .map(|w| (w.chars().count(), w.to_string(), true))
            });
    }
    let (length, unit, count) = best?;
    let mut end = i + length;
    if count && NOT_AFTER_UNIT.iter().any(|w| starts_with(text, end, w)) {
        return None;
    }
    // The magnitude stays as the article writes it (1.26万人, 2万余家): a designer keeps it.
    let mut unit = if count { format!("{magnitude_text}{unit}") } else { unit };
    if text.get(end) == Some(&'/') {
        let per = PER_MAGNITUDES
            .iter()
            .flat_map(|m| PER_UNITS.iter().map(move |w| [*m, *w].concat()))
            .filter(|w| starts_with(text, end + 1, w))
            .max_by_key(|w| w.chars().count());
        if let Some(per) = per {
            unit = [unit.as_str(), "/", &per].concat();
            end += 1 + per.chars().count();
        }
    }
    Some((value, unit, end, false))
}
