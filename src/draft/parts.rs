//! Wholes and parts in a paragraph's figures: parts that sum to a stated whole (三次产业), a
//! rate that is the ratio of two figures (整改率), a subset after 其中, and a count followed by
//! how many of it are done (487个…,267个完成改造; 19个新开工项目已开工15个).

use super::figures::{Role, Token};
use super::labels::{clean, text, MAX_LABEL_CHARS};
use super::relate::{clauses, Drafted, LabelFrom};
use super::unit_words::is_count_unit;

/// Words that say a part of a whole is done (267个完成改造).
const DONE_WORDS: &[&str] = &["完成", "完工", "建成", "竣工", "开工", "投用", "投产", "办结", "达标", "验收", "交付", "改造", "启用", "通车"];

/// Parts that sum to a whole stated before them (生产总值286.43亿元…第一产业41.27亿元,第二产业
/// 108.65亿元,第三产业136.51亿元): the next two to six figures of the whole's unit, when their
/// sum is the whole to within rounding.
pub(super) fn summed_parts(out: &mut [Drafted]) {
    for w in 0..out.len() {
        if out[w].part_of.is_some() || out[w].value <= 0.0 || out[w].unit == "%" || out[w].unit == "‰" {
            continue;
        }
        let whole = out[w].value;
        let following: Vec<usize> = (w + 1..out.len()).filter(|&i| out[i].unit == out[w].unit).take(6).collect();
        let mut sum = 0.0;
        let mut found = None;
        for (n, &i) in following.iter().enumerate() {
            let part = &out[i];
            if part.value <= 0.0 || part.value >= whole || part.part_of.is_some() || part.subset_of.is_some() || part.total.is_some() || part.approx.is_some() {
                break;
            }
            sum += part.value;
            let tolerance = (whole * 0.001).max(0.006 * (n + 1) as f64);
            if n >= 1 && (sum - whole).abs() <= tolerance {
                found = Some(n + 1);
            }
        }
        if let Some(n) = found {
            for &i in &following[..n] {
                out[i].part_of = Some(w);
            }
        }
    }
}

/// A rate that is the ratio of two figures before it in the paragraph (已整改4187处…整改率96.9%
/// of 排查4320处): the pair is a part and its whole, and the rate goes to the note.
pub(super) fn derived_rates(out: &mut [Drafted]) {
    for p in 0..out.len() {
        let rate = &out[p];
        if rate.unit != "%" || rate.derived || !["率", "比例", "比重", "占比"].iter().any(|w| rate.label.contains(w)) {
            continue;
        }
        let tolerance = if rate.value.fract() == 0.0 { 0.51 } else { 0.051 };
        let mut pair = None;
        'search: for a in 0..p {
            for b in 0..p {
                let (x, y) = (&out[a], &out[b]);
                if a != b && x.unit == y.unit && x.unit != "%" && x.value > 0.0 && x.value < y.value && ((x.value / y.value * 100.0) - rate.value).abs() <= tolerance {
                    pair = Some((a, b));
                    break 'search;
                }
            }
        }
        if let Some((a, b)) = pair {
            let note = format!("{}{}%", out[p].label, crate::format::plain_number(out[p].value, 4));
            out[p].derived = true;
            // 计划实施重点项目24个,已开工18个,开工率75%: a count given only as the base of a
            // completion rate lives only in the part's `total` (not 占比 of a stated whole).
            let base = &out[b];
            if out[p].label.contains('率') && is_count_unit(&base.unit) && base.previous.is_none() && base.progress.is_none() && base.target.is_none() {
                out[b].whole_consumed = true;
            }
            if out[a].total.is_none() {
                out[a].total = Some((out[b].value, out[b].label.clone()));
            }
            out[a].notes.push(note);
        }
    }
}

/// Wholes and parts: a subset after 其中, or a count at the head of a clause that counts the
/// same thing as the clause before (487个老旧小区改造已全部开工,267个完成改造).
pub(super) fn find_parts(sentence: &[char], found: &[Token], slot: &[Option<usize>], out: &mut [Drafted]) {
    let spans = clauses(sentence);
    for k in 0..found.len() {
        let Some(part) = slot[k] else { continue };
        let token = &found[k];
        let clause = token.clause.min(spans.len() - 1);
        let (clause_start, _) = spans[clause];
        let previous_clause_start = if clause > 0 { spans[clause - 1].0 } else { clause_start };
        let lead: String = text(&sentence[previous_clause_start..token.start]);
        // 其中…, or 126个老旧小区中已完成改造53个.
        let between: String = text(&sentence[found[..k].iter().rev().find(|o| slot_is_figure(o)).map_or(token.start, |o| o.end.min(token.start))..token.start]);
        let within = between.contains('中') && !between.contains("其中") && found[..k].iter().rev().find(|o| slot_is_figure(o)).is_some_and(|o| o.clause == token.clause);
        let subset = lead.contains("其中");
        let whole = (0..k).rev().filter_map(|j| slot[j].map(|i| (j, i))).find(|&(_, i)| out[i].unit == out[part].unit && out[i].value > out[part].value && out[i].subset_of.is_none() && out[i].total.is_none());
        let Some((whole_token, whole)) = whole else { continue };
        if within && found[whole_token].clause == token.clause {
            let label = out[whole].label.clone();
            out[part].total = Some((out[whole].value, label));
            out[whole].whole_consumed = true;
        } else if subset {
            out[part].subset_of = Some(whole);
        } else if let Some((noun, done)) = done_of_count(sentence, &found[whole_token], token).filter(|_| whole_token + 1 == k && out[whole].label_from == LabelFrom::After) {
            // 19个新开工项目已开工15个: a count before its noun, then how many of them are done.
            if out[part].approx.is_none() && out[whole].approx.is_none() {
                out[whole].label = noun;
                out[part].label = done;
                out[part].label_from = LabelFrom::Before;
                out[part].total = Some((out[whole].value, out[whole].label.clone()));
                out[whole].whole_consumed = true;
            }
        } else if (out[part].label_from == LabelFrom::After && DONE_WORDS.iter().any(|w| out[part].label.contains(w))
            // 发现隐患2046处,已整改2011处; 共有居民小区142个,已实现物业管理的小区118个: a count,
            // then in the next clause how many of it have done something (已…).
            || (out[part].label_from == LabelFrom::Before && out[part].label.starts_with('已') && is_count_unit(&out[part].unit) && !found[whole_token + 1..k].iter().any(slot_is_figure)))
            && found[whole_token].clause + 1 == token.clause
            && out[part].approx.is_none()
            && out[whole].approx.is_none()
        {
            let label = out[whole].label.clone();
            out[part].total = Some((out[whole].value, label));
            out[whole].whole_consumed = true;
        }
    }
}

/// The noun of a count and the done part's phrase when they share a clause, the noun after the
/// count and a done word before the part (19个新开工项目已开工15个 → 新开工项目, 已开工).
fn done_of_count(sentence: &[char], whole: &Token, part: &Token) -> Option<(String, String)> {
    if whole.clause != part.clause || whole.end >= part.start {
        return None;
    }
    let between = &sentence[whole.end..part.start];
    // The last done word: 新开工项目已开工 names the projects by one (新开工) before saying they are done.
    let at = (0..between.len()).rev().find(|&i| DONE_WORDS.iter().any(|w| text(&between[i..]).starts_with(w)))?;
    let at = if at > 0 && between[at - 1] == '已' { at - 1 } else { at };
    let noun = clean(&between[..at], false);
    let done = clean(&between[at..], false);
    (noun.chars().count() >= 2 && (2..=MAX_LABEL_CHARS).contains(&done.chars().count())).then_some((noun, done))
}

fn slot_is_figure(token: &Token) -> bool {
    token.role == Role::Figure
}
