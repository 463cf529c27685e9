//! From the numbers of one sentence to drafted figures: each figure's label (the phrase it
//! belongs to), and the relations the sentence states between numbers: a previous value, a
//! change, a share of a target, a whole and its parts (其中…, 487个…267个完成改造), and steps
//! (上报77个, 审核通过51个).

use super::basis;
use super::parts::{derived_rates, find_parts, summed_parts};
use super::figures::{in_base, starts_with_change, tokens, Approx, Role, Token};
use super::labels::{clean, clean_label, counted_noun, cut_label, subject_of, text, without_from_time, without_point, LEADING, MAX_LABEL_CHARS};
use super::scan::{is_clause_break, quoted, sentences};

/// Words before a number that do not name what it counts (全镇23个行政村).
const GENERIC_BEFORE: &[&str] = &["全镇", "全区", "全县", "全市", "全乡", "全省", "辖区", "全街道", "首批", "第一批", "全线", "全长", "共", "累计", "合计", "总计", "其中"];


/// The most characters of one sentence read.
const MAX_SENTENCE_CHARS: usize = 3_000;
/// The most numbers of one sentence read.
const MAX_SENTENCE_NUMBERS: usize = 100;

/// Words that mark a step of a process, for funnels.
const STEP_WORDS: &[&str] = &[
    "上报", "申报", "受理", "审核", "审批", "通过", "办结", "立项", "签约", "开工", "竣工", "推送", "网办", "入库", "注册",
    "登记", "初审", "复审", "录用", "报名", "面试", "验收", "批复", "备案", "落地", "投产",
];

/// How a figure's previous value was found.
#[derive(Debug, Clone, PartialEq)]
pub enum PreviousFrom {
    /// Stated in the prose (上年为62天, 由62天增加到85天).
    Stated,
    /// Computed from a stated change (同比增加23天): the change's text.
    Computed(String),
}

/// How a figure's label was found.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelFrom {
    /// The phrase before the number.
    Before,
    /// The phrase after it (16个督导组).
    After,
    /// Cut from a longer phrase: the whole phrase.
    Cut(String),
    /// Nothing around the number: borrowed from the sentence or the heading.
    Borrowed,
}

/// A figure as drafted from one paragraph, before it is placed in a section.
#[derive(Debug, Clone)]
pub struct Drafted {
    pub label: String,
    pub label_from: LabelFrom,
    pub value: f64,
    pub unit: String,
    pub approx: Option<Approx>,
    pub range_low: Option<f64>,
    pub previous: Option<(f64, PreviousFrom)>,
    /// The whole this figure is a part of, with the whole's label.
    pub total: Option<(f64, String)>,
    pub progress: Option<f64>,
    /// A target stated in the same sentence (年度目标为15亿元).
    pub target: Option<f64>,
    /// Other stated facts about the figure for the section's note, written whole
    /// (占一般公共预算收入的比重为79.2%, 整改率96.9%).
    pub notes: Vec<String>,
    /// The index (in the paragraph's list) of the stated whole these parts sum to (三次产业).
    pub part_of: Option<usize>,
    /// A rate the draft reads as the ratio of two of its figures: in the note, not a figure.
    pub derived: bool,
    /// Changes stated in the prose, as written (同比增长5.6%), for the section's note.
    pub changes: Vec<String>,
    /// The index (in the paragraph's list) of the figure this one is a subset of (其中).
    pub subset_of: Option<usize>,
    /// Whether the whole of a part (`total`) was dropped as a figure of its own.
    pub whole_consumed: bool,
    /// The sentence it was found in, counted in the paragraph.
    pub sentence: usize,
    /// Part of a sequence of steps.
    pub step: bool,
}

/// A paragraph's drafted figures, and its lead phrase (重点防控、统筹兼顾) when it has one.
pub struct DraftedParagraph {
    pub figures: Vec<Drafted>,
    pub lead: Option<String>,
}

/// The clause spans of a sentence.
pub(super) fn clauses(sentence: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..sentence.len() {
        if is_clause_break(sentence, i) {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, sentence.len()));
    out
}

/// Reads one paragraph of a report that covers a whole year when `annual` (then a change
/// against the start of the year gives `previous`).
pub fn paragraph(chars: &[char], annual: bool) -> DraftedParagraph {
    let quoted = quoted(chars);
    let mut figures: Vec<Drafted> = Vec::new();
    let spans = sentences(chars);
    let lead = spans.first().and_then(|&(from, to)| {
        let first = clauses(&chars[from..to]).first().copied()?;
        let phrase = &chars[from + first.0..from + first.1];
        let count = phrase.len();
        let has_digit = phrase.iter().any(|c| c.is_ascii_digit());
        let cleaned = clean_label(phrase);
        let time_word = cleaned.contains('年') || LEADING.contains(&cleaned.as_str());
        (spans.len() > 1 || first.1 < to - from).then_some(())?;
        ((4..=16).contains(&count) && !has_digit && !time_word).then(|| without_point(&text(phrase)).to_string())
    });
    for (index, &(from, to)) in spans.iter().enumerate() {
        // A sentence longer than any an editor writes is cut: it bounds the work on hostile text.
        let to = to.min(from + MAX_SENTENCE_CHARS);
        let sentence = &chars[from..to];
        let mut found = tokens(chars, &quoted, from, to);
        found.truncate(MAX_SENTENCE_NUMBERS);
        if found.is_empty() {
            continue;
        }
        sentence_figures(sentence, &found, index, annual, &mut figures);
    }
    derived_rates(&mut figures);
    summed_parts(&mut figures);
    DraftedParagraph { figures, lead }
}

fn sentence_figures(sentence: &[char], found: &[Token], index: usize, annual: bool, out: &mut Vec<Drafted>) {
    // A share with no figure before it in the sentence is a figure of its own (占比67%).
    let mut found = found.to_vec();
    for k in 0..found.len() {
        if found[k].role == Role::Share && !found[..k].iter().any(|o| o.role == Role::Figure && o.unit != "%") {
            found[k].role = Role::Figure;
        }
    }
    let found = &found[..];
    let spans = clauses(sentence);
    let base = out.len();
    // The index in `out` of each figure token.
    let mut slot: Vec<Option<usize>> = vec![None; found.len()];
    for (k, token) in found.iter().enumerate() {
        if token.role != Role::Figure {
            continue;
        }
        let (clause_start, clause_end) = spans[token.clause.min(spans.len() - 1)];
        // The phrase before: from the end of the last number of the clause that is not a
        // threshold or a previous value, to this number (a previous value's 由 cut off).
        let mut from = clause_start;
        let mut to = token.start;
        for other in &found[..k] {
            if other.clause != token.clause {
                continue;
            }
            match other.role {
                Role::Qualifier => {}
                Role::Previous => to = to.min(other.start),
                _ => from = from.max(other.end),
            }
        }
        let mut before = clean_label(&sentence[from.min(to)..to]);
        for tail in ["由", "从"] {
            if let Some(rest) = before.strip_suffix(tail) {
                before = clean_label(&rest.chars().collect::<Vec<char>>());
            }
        }
        // 由去年同期的217起下降到190起: the time of the previous value is no label; the subject
        // is before 由, or opens the clause before (刑事案件发案数同比下降12.4%,由…).
        let (mut before, from_time) = without_from_time(&before);
        if from_time && before.chars().count() < 2 && token.clause > 0 {
            let (s, e) = spans[token.clause - 1];
            before = subject_of(&sentence[s..e]);
        }
        let next_token = found[k + 1..].iter().find(|o| o.clause == token.clause);
        let next = next_token.map_or(clause_end, |o| o.start);
        let after = clean(&sentence[token.end.min(next)..next], false);
        let after = after.trim_end_matches(|c: char| "全部均都已".contains(c)).to_string();
        // 12栋商务楼宇入驻率达到87.5%: a phrase running on to the next number names this count
        // by its noun, without the verb and the rate that belong to the next.
        let after = if next_token.is_some() { counted_noun(&after, next_token.is_some_and(|o| o.unit == "%")) } else { after };
        // 职业技能培训23期、培训1150人次: a word of the figure just before, after a 、, counts
        // the same activity in another unit (培训人次).
        let listed = found[..k].iter().rev().find(|o| o.clause == token.clause && o.role == Role::Figure).filter(|o| sentence.get(o.end) == Some(&'、'));
        let before = match (listed, out[base..].last()) {
            (Some(_), Some(last)) if (1..=3).contains(&before.chars().count()) && last.label.contains(&before) && last.unit != token.unit => {
                let unit = token.unit.trim_start_matches(['万', '亿']);
                if unit.ends_with('次') { format!("{before}{unit}") } else { last.label.clone() }
            }
            _ => before,
        };
        // 全镇23个行政村…, 首批2家企业…: a place or a batch before the number does not name it.
        let generic = GENERIC_BEFORE.contains(&before.as_str());
        // 低保对象318户452人, 居民楼136栋、4820户: a number right after another (nothing but a
        // 、 between) counts the same thing in another unit and takes its label.
        let joined = found[..k].iter().rev().find(|o| o.clause == token.clause && o.role == Role::Figure).is_some_and(|o| {
            sentence[o.end.min(token.start)..token.start].iter().all(|c| "、和及".contains(*c))
        });
        let borrowed = out[base..].last().filter(|_| joined && before.chars().count() < 2 && after.chars().count() < 2).map(|o| o.label.clone());
        let (label, label_from) = if let Some(label) = borrowed {
            (label, LabelFrom::Before)
        } else if generic && after.chars().count() >= 2 {
            (after, LabelFrom::After)
        } else if before.chars().count() >= 2 {
            (before, LabelFrom::Before)
        } else if after.chars().count() >= 2 {
            (after, LabelFrom::After)
        } else if !before.is_empty() {
            (before, LabelFrom::Before)
        } else {
            (String::new(), LabelFrom::Borrowed)
        };
        let (label, label_from) = if label.chars().count() > MAX_LABEL_CHARS {
            (cut_label(&label), LabelFrom::Cut(label))
        } else {
            (label, label_from)
        };
        slot[k] = Some(out.len());
        out.push(Drafted {
            label,
            label_from,
            value: token.value,
            unit: token.unit.clone(),
            approx: token.approx,
            range_low: token.range_low,
            previous: None,
            total: None,
            progress: None,
            target: None,
            notes: Vec::new(),
            derived: false,
            part_of: None,
            changes: Vec::new(),
            subset_of: None,
            whole_consumed: false,
            sentence: index,
            step: false,
        });
    }
    // 1. 芦湾新材料产业园一期项目:总投资8.5亿元,完成投资3.2亿元 — an item of a list names its
    // figures, whose own labels (总投资) say only what they measure.
    if let Some(topic) = list_topic(sentence, &spans, found) {
        for figure in &mut out[base..] {
            if matches!(figure.label_from, LabelFrom::Before | LabelFrom::After) && figure.label.chars().count() <= 8 {
                figure.label = format!("{topic}{}", figure.label);
            }
        }
    }
    // A figure with no phrase of its own takes the sentence's first clause, else nothing.
    for figure in &mut out[base..] {
        if figure.label.is_empty() {
            let (s, e) = spans[0];
            let phrase = clean_label(&sentence[s..e]);
            figure.label = if phrase.is_empty() || phrase.chars().any(|c| c.is_ascii_digit()) { figure.unit.clone() } else { cut_label(&phrase) };
        }
    }
    attach_relations(sentence, found, &slot, annual, out);
    find_parts(sentence, found, &slot, out);
    find_steps(base, out);
}

/// The name a list item gives before its colon, when the sentence has figures after it.
fn list_topic(sentence: &[char], spans: &[(usize, usize)], found: &[Token]) -> Option<String> {
    let &(start, end) = spans.first()?;
    if sentence.get(end) != Some(&':') || spans.len() < 2 || found.iter().any(|t| t.clause == 0) {
        return None;
    }
    let mut topic = text(&sentence[start..end]);
    // 1. / 1、 / (1) / - : the list's own marks.
    let marks: usize = topic.chars().take_while(|c| c.is_ascii_digit() || "..、()-· ".contains(*c)).map(char::len_utf8).sum();
    topic = topic[marks..].trim().to_string();
    let count = topic.chars().count();
    let speech = ["指出", "表示", "强调", "认为", "提出", "要求", "是", "为", "如下", "包括", "情况"].iter().any(|w| topic.ends_with(w));
    ((2..=24).contains(&count) && !speech && !topic.chars().any(|c| c.is_ascii_digit())).then_some(topic)
}

/// Changes, previous values and shares of a target, attached to their figures.
fn attach_relations(sentence: &[char], found: &[Token], slot: &[Option<usize>], annual: bool, out: &mut Vec<Drafted>) {
    let spans = clauses(sentence);
    let figure_before = |k: usize| (0..k).rev().find_map(|j| slot[j]);
    let mut k = 0;
    while k < found.len() {
        let token = &found[k];
        match token.role {
            Role::ChangePercent(_) | Role::ChangeAbsolute(_) | Role::ChangeOther(_) => {
                // 分别增长5%、3%: a run of changes in one clause goes to as many figures before.
                let run_end = (k..found.len())
                    .take_while(|&j| found[j].clause == token.clause && matches!(found[j].role, Role::ChangePercent(_) | Role::ChangeAbsolute(_) | Role::ChangeOther(_)))
                    .count()
                    + k;
                let figures_before: Vec<usize> = (0..k).filter_map(|j| slot[j]).collect();
                let run = run_end - k;
                let targets: Vec<Option<usize>> = if run > 1 && figures_before.len() >= run {
                    figures_before[figures_before.len() - run..].iter().map(|&i| Some(i)).collect()
                } else if run == 1 && matches!(token.role, Role::ChangeAbsolute(_)) {
                    // 低保对象318户452人,比上年末减少21户: a change in a unit goes to the nearest
                    // figure before in that unit.
                    let unit = in_base(1.0, &token.unit).1;
                    let same = (0..k).rev().filter_map(|j| slot[j]).find(|&i| in_base(1.0, &out[i].unit).1 == unit);
                    vec![same.or_else(|| figure_before(k))]
                } else {
                    vec![figure_before(k); run]
                };
                for (offset, target) in targets.into_iter().enumerate() {
                    let change = &found[k + offset];
                    let Some(target) = target else { continue };
                    let (clause_start, _) = spans[change.clause.min(spans.len() - 1)];
                    let from = found[..k + offset].iter().filter(|o| o.clause == change.clause).map(|o| o.end).max().unwrap_or(clause_start).max(clause_start);
                    let written = text(&sentence[from..change.end]).trim_matches(|c: char| "、和及,".contains(c)).to_string();
                    let figure = &mut out[target];
                    let (change_base, change_unit) = in_base(change.value, &change.unit);
                    let (figure_base, figure_unit) = in_base(figure.value, &figure.unit);
                    let scale = if figure_base != 0.0 { figure.value / figure_base } else { 1.0 };
                    // 比年初增加96.3亿元 in a half-year report, 比一季度末下降0.1个百分点: a note only.
                    let previous_basis = basis::is_previous(basis::of_change(&written), annual);
                    let written = if starts_with_change(&written) { format!("{}{written}", figure.label) } else { written };
                    match change.role {
                        Role::ChangeAbsolute(sign) if previous_basis && change_unit == figure_unit && figure.previous.is_none() => {
                            let previous = round((figure_base - sign * change_base) * scale);
                            if previous >= 0.0 {
                                figure.previous = Some((previous, PreviousFrom::Computed(written)));
                                continue;
                            }
                            figure.changes.push(written);
                        }
                        Role::ChangeOther(sign) if previous_basis && change.unit.ends_with("百分点") && figure.unit == "%" && figure.previous.is_none() => {
                            let previous = round(figure.value - sign * change.value);
                            if previous >= 0.0 {
                                figure.previous = Some((previous, PreviousFrom::Computed(written.clone())));
                            }
                            figure.changes.push(written);
                        }
                        _ => figure.changes.push(written),
                    }
                }
                k = run_end;
                continue;
            }
            Role::Previous => {
                // 由N增加到M: the next figure of the clause; 上年为N: the figure before.
                let next = (k + 1..found.len()).find(|&j| found[j].clause == token.clause && slot[j].is_some()).and_then(|j| slot[j]);
                let target = next.filter(|_| found[k + 1..].iter().any(|o| o.clause == token.clause)).or_else(|| figure_before(k));
                // 比上年末的54.89万人 is `previous` only in a report of a whole year.
                let (clause_start, _) = spans[token.clause.min(spans.len() - 1)];
                let from = found[..k].iter().filter(|o| o.clause == token.clause).map(|o| o.end).max().unwrap_or(clause_start).max(clause_start);
                let before = text(&sentence[from.min(token.start)..token.start]);
                let previous_basis = basis::is_previous(basis::of_earlier(&before), annual);
                if let Some(target) = target {
                    if !previous_basis {
                        out[target].changes.push(text(&sentence[from.min(token.start)..token.end]).trim_matches(|c: char| "、和及,".contains(c)).to_string());
                    } else if out[target].unit == token.unit && out[target].previous.is_none() && token.value >= 0.0 {
                        out[target].previous = Some((token.value, PreviousFrom::Stated));
                    }
                }
            }
            Role::Progress => {
                let target = (0..k).rev().filter_map(|j| slot[j]).find(|&i| out[i].unit != "%");
                if let Some(target) = target.filter(|_| (0.0..=1000.0).contains(&token.value)) {
                    out[target].progress = Some(token.value);
                }
            }
            Role::Target => {
                // The figure it is the target of: one that says it is done (完成投资) first, else
                // the nearest of its unit.
                let done = |i: usize| ["完成", "实际", "实现", "累计"].iter().any(|w| out[i].label.contains(w));
                let nearest = (0..found.len())
                    .filter_map(|j| slot[j].map(|i| (j.abs_diff(k), i)))
                    .filter(|&(_, i)| out[i].unit == token.unit && out[i].target.is_none() && out[i].value >= 0.0)
                    .min_by_key(|&(d, i)| (!done(i), d));
                if let Some((_, target)) = nearest {
                    out[target].target = Some(token.value);
                }
            }
            Role::Share => {
                let Some(part) = (0..k).rev().filter_map(|j| slot[j]).find(|&i| out[i].unit != "%") else {
                    k += 1;
                    continue;
                };
                let (clause_start, _) = spans[token.clause.min(spans.len() - 1)];
                let written = text(&sentence[clause_start.max(found[..k].iter().filter(|o| o.clause == token.clause).map(|o| o.end).max().unwrap_or(0))..token.end]);
                let written = written.trim_matches(|c: char| "、和及,".contains(c)).to_string();
                // The whole it is a share of, when the paragraph names it as a figure.
                let name: String = written.split('占').nth(1).unwrap_or("").split(['的', '比']).next().unwrap_or("").to_string();
                let part_value = out[part].value;
                let part_unit = out[part].unit.clone();
                let whole = (0..out.len()).find(|&i| {
                    i != part && out[i].unit == part_unit && out[i].value > part_value && name.chars().count() >= 2 && (out[i].label.contains(&name) || name.contains(&out[i].label))
                });
                match whole {
                    Some(whole) => {
                        if out[part].total.is_none() {
                            out[part].total = Some((out[whole].value, out[whole].label.clone()));
                        }
                        out[part].notes.push(written);
                    }
                    // A share of a whole the paragraph does not give, right after its part
                    // (老年人2.18万人,占常住人口的22.7%): it says how large the part is, in its note,
                    // as editors write it.
                    None if written.starts_with('占') => out[part].notes.push(written),
                    // A share with a subject of its own, of a whole the article does not give, is a
                    // figure of its own (数字经济核心产业增加值占GDP比重9.8%).
                    None => {
                        let (clause_start, _) = spans[token.clause.min(spans.len() - 1)];
                        let label = clean_label(&sentence[clause_start.min(token.start)..token.start]);
                        let label = if label.chars().count() > MAX_LABEL_CHARS { cut_label(&label) } else { label };
                        let mut share = out[part].clone();
                        share.label = if label.is_empty() { written } else { label };
                        share.label_from = LabelFrom::Before;
                        share.value = token.value;
                        share.unit = token.unit.clone();
                        share.approx = token.approx;
                        share.range_low = None;
                        share.previous = None;
                        share.total = None;
                        share.progress = None;
                        share.target = None;
                        share.notes = Vec::new();
                        share.changes = Vec::new();
                        share.subset_of = None;
                        share.whole_consumed = false;
                        share.derived = false;
                        share.part_of = None;
                        share.step = false;
                        out.push(share);
                    }
                }
            }
            Role::Figure | Role::Qualifier | Role::Plan => {}
        }
        k += 1;
    }
}

fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// Steps: two or more figures of one unit in one sentence, not growing, most named by a step
/// word (上报, 审核通过, 办结).
fn find_steps(base: usize, out: &mut [Drafted]) {
    let figures = &out[base..];
    let Some(first) = figures.first() else { return };
    let same: Vec<usize> = (0..figures.len()).filter(|&i| figures[i].unit == first.unit && !figures[i].whole_consumed).collect();
    if same.len() < 2 {
        return;
    }
    let falling = same.windows(2).all(|w| figures[w[1]].value <= figures[w[0]].value);
    let named = same.iter().filter(|&&i| STEP_WORDS.iter().any(|w| figures[i].label.contains(w))).count();
    let related = figures.iter().any(|f| f.subset_of.is_some() || f.total.is_some());
    // Only the figures of the steps' unit: a funnel never mixes units (19个…已开工15个,其中总投资82亿元的…).
    if falling && named >= 2 && !related {
        for i in same {
            out[base + i].step = true;
        }
    }
}
