//! Drafted figures into sections: one section per relation a paragraph states (a subset, parts
//! of a whole, steps, progress to a target, this year against last), the rest of a paragraph's
//! figures together; and the chart kind a designer would choose for each, with the reason.

use super::relate::{Drafted, DraftedParagraph};

/// The most figures a section of the rest of a paragraph holds before it is split.
const MAX_REST: usize = 8;

/// A section before ids and warnings: its kind, why, its title and its figures.
pub struct Group {
    pub kind: &'static str,
    /// Why this kind, in Chinese and English, for the warning.
    pub why: (&'static str, &'static str),
    pub title: String,
    /// Where the title came from, for the warning.
    pub title_from: (&'static str, &'static str),
    pub chapter: Option<usize>,
    pub figures: Vec<Drafted>,
}

fn is_rate(figure: &Drafted) -> bool {
    figure.unit == "%" && (0.0..=100.0).contains(&figure.value) && ["率", "占比", "比重", "比例", "覆盖"].iter().any(|w| figure.label.contains(w))
}

fn titled(figure: &Drafted) -> String {
    figure.label.clone()
}

/// Groups one paragraph's figures. `chapter` is the heading it sits under.
pub fn paragraph_groups(paragraph: DraftedParagraph, chapter: Option<usize>, groups: &mut Vec<Group>) {
    let DraftedParagraph { figures, lead } = paragraph;
    // A whole whose part names it (487个…,267个完成改造) is that part's `total`, not a figure.
    let mut used: Vec<bool> = figures.iter().map(|f| f.whole_consumed || f.derived).collect();
    // (first figure index, group) to keep the article's order.
    let mut made: Vec<(usize, Group)> = Vec::new();
    let new = |kind, why, title: String, title_from, figures| Group { kind, why, title, title_from, chapter, figures };

    // A count with its subsets (其中): a pictogram when the whole is a count a reader can see
    // as icons, else a ring per subset.
    for whole in 0..figures.len() {
        let subsets: Vec<usize> = (0..figures.len()).filter(|&i| figures[i].subset_of == Some(whole)).collect();
        if subsets.is_empty() || used[whole] {
            continue;
        }
        let w = &figures[whole];
        let title = titled(w);
        if w.value.fract() == 0.0 && (1.0..=500.0).contains(&w.value) && w.previous.is_none() && w.progress.is_none() {
            let mut members = vec![whole];
            members.extend(&subsets);
            // The other figures of the sentence go with it as tiles.
            for i in 0..figures.len() {
                if !members.contains(&i) && !used[i] && figures[i].sentence == w.sentence && figures[i].total.is_none() && figures[i].progress.is_none() && figures[i].previous.is_none() && !figures[i].step {
                    members.push(i);
                }
            }
            members.sort_by_key(|&i| if i == whole { 0 } else if subsets.contains(&i) { 1 } else { 2 });
            for &i in &members {
                used[i] = true;
            }
            let list = members.iter().map(|&i| figures[i].clone()).collect();
            made.push((whole, new("pictogram", ("数量及其中的一部分(“其中”)", "a count with a subset (其中)"), title, ("整体的标签", "the whole's label"), list)));
        } else {
            let mut list = Vec::new();
            for &i in &subsets {
                let mut part = figures[i].clone();
                part.total = Some((w.value, w.label.clone()));
                part.subset_of = None;
                used[i] = true;
                list.push(part);
            }
            made.push((whole, new("ring", ("整体中的一部分(“其中”)", "a part of a whole (其中)"), title, ("整体的标签", "the whole's label"), list)));
        }
    }
    // Parts that sum to a stated whole: one bar split into them, or a ring each when two.
    for whole in 0..figures.len() {
        let parts: Vec<usize> = (0..figures.len()).filter(|&i| figures[i].part_of == Some(whole) && !used[i]).collect();
        if parts.len() < 2 {
            continue;
        }
        for &i in &parts {
            used[i] = true;
        }
        let w = &figures[whole];
        if parts.len() == 2 {
            let list = parts
                .iter()
                .map(|&i| {
                    let mut part = figures[i].clone();
                    part.total = Some((w.value, w.label.clone()));
                    part
                })
                .collect();
            made.push((parts[0], new("ring", ("两部分之和等于前面所述的整体", "two parts that sum to the whole stated before"), titled(w), ("整体的标签", "the whole's label"), list)));
        } else {
            let list = parts.iter().map(|&i| figures[i].clone()).collect();
            made.push((parts[0], new("parts", ("几部分之和等于前面所述的整体", "parts that sum to the whole stated before"), titled(w), ("整体的标签", "the whole's label"), list)));
        }
    }
    // Parts of a whole named in the clause before.
    let parts: Vec<usize> = (0..figures.len()).filter(|&i| !used[i] && figures[i].total.is_some()).collect();
    if let Some(&first) = parts.first() {
        let title = figures[first].total.as_ref().map(|t| t.1.clone()).unwrap_or_default();
        let list = parts.iter().map(|&i| figures[i].clone()).collect();
        for &i in &parts {
            used[i] = true;
        }
        made.push((first, new("ring", ("整体中已完成的部分", "the part of a whole that is done"), title, ("整体的标签", "the whole's label"), list)));
    }
    // Steps.
    let mut sentence_steps: Vec<usize> = (0..figures.len()).filter(|&i| !used[i] && figures[i].step).collect();
    while let Some(members) = take_batch(&mut sentence_steps, |a, b| {
        // One unit a funnel: its steps narrow one quantity.
        figures[a].sentence == figures[b].sentence && figures[a].unit == figures[b].unit
    }) {
        let first = members[0];
        if members.len() < 2 {
            continue;
        }
        for &i in &members {
            used[i] = true;
        }
        let title = lead.clone().unwrap_or_else(|| titled(&figures[first]));
        let list = members.iter().map(|&i| figures[i].clone()).collect();
        made.push((first, new("funnel", ("逐步减少的步骤(上报、审核、办结…)", "narrowing steps (reported, approved, done…)"), title, title_source(&lead), list)));
    }
    // Progress towards a target.
    let progress: Vec<usize> = (0..figures.len()).filter(|&i| !used[i] && (figures[i].progress.is_some() || figures[i].target.is_some_and(|t| t > 0.0))).collect();
    if let Some(&first) = progress.first() {
        for &i in &progress {
            used[i] = true;
        }
        let list = progress.iter().map(|&i| figures[i].clone()).collect();
        made.push((first, new("gauge", ("完成目标的百分比", "a share of a target"), titled(&figures[first]), ("数字的标签", "the figure's label"), list)));
    }
    // This period against the previous: a section per unit, since a compare's bars share a scale.
    let mut compared: Vec<usize> = (0..figures.len()).filter(|&i| !used[i] && figures[i].previous.is_some()).collect();
    while let Some(members) = take_batch(&mut compared, |a, b| figures[a].unit == figures[b].unit) {
        let first = members[0];
        for &i in &members {
            used[i] = true;
        }
        let list = members.iter().map(|&i| figures[i].clone()).collect();
        made.push((first, new("compare", ("本期与上期的数值", "this period against the previous"), titled(&figures[first]), ("数字的标签", "the figure's label"), list)));
    }
    // Rates: a ring of each sentence's rates, a bare rate titled by the sentence's count when it has one
    // (受理12345热线诉求5231件,办结率99.2%,群众满意率97.6%): a rate of another sentence is of
    // another topic (垃圾分类小区覆盖率96% before it).
    let mut rates: Vec<usize> = (0..figures.len()).filter(|&i| !used[i] && is_rate(&figures[i])).collect();
    while let Some(members) = take_batch(&mut rates, |a, b| figures[a].sentence == figures[b].sentence) {
        let (first, sentence) = (members[0], figures[members[0]].sentence);
        for &i in &members {
            used[i] = true;
        }
        let bare = figures[first].label.chars().count() <= 4;
        let count = (0..first).find(|&i| bare && figures[i].sentence == sentence && figures[i].unit != "%" && figures[i].label.chars().count() >= 2);
        let (title, title_from) = match count {
            Some(i) => (titled(&figures[i]), ("同句数字的标签", "the label of the sentence's count")),
            None => (titled(&figures[first]), ("数字的标签", "the figure's label")),
        };
        let list = members.iter().map(|&i| figures[i].clone()).collect();
        made.push((first, new("ring", ("百分比的比率(…率)", "a rate in percent"), title, title_from, list)));
    }
    // The rest: bars when most share a unit, else number tiles.
    let rest: Vec<usize> = (0..figures.len()).filter(|&i| !used[i]).collect();
    for chunk in rest.chunks(MAX_REST) {
        let list: Vec<Drafted> = chunk.iter().map(|&i| figures[i].clone()).collect();
        let title = match (&lead, list.len()) {
            (Some(lead), _) => lead.clone(),
            (None, 1) => titled(&list[0]),
            (None, _) => format!("{}等", list[0].label),
        };
        made.push((chunk[0], rest_group(list, title, title_source(&lead), chapter)));
    }
    made.sort_by_key(|(first, _)| *first);
    groups.extend(made.into_iter().map(|(_, g)| g));
}

/// Takes the first of `pending` out of it, with every other that `together` says goes with it,
/// in their order; None once `pending` is empty.
fn take_batch(pending: &mut Vec<usize>, together: impl Fn(usize, usize) -> bool) -> Option<Vec<usize>> {
    let first = *pending.first()?;
    let members: Vec<usize> = pending.iter().copied().filter(|&i| i == first || together(first, i)).collect();
    pending.retain(|i| !members.contains(i));
    Some(members)
}

fn title_source(lead: &Option<String>) -> (&'static str, &'static str) {
    match lead {
        Some(_) => ("段首短语", "the paragraph's opening phrase"),
        None => ("第一个数字的标签", "the first figure's label"),
    }
}

/// Bars when two or more figures all share one unit (bars of 亿元 beside 万人次 would compare
/// what cannot be compared); else number tiles.
pub fn rest_group(list: Vec<Drafted>, title: String, title_from: (&'static str, &'static str), chapter: Option<usize>) -> Group {
    if list.iter().any(|f| f.value < 0.0) {
        return Group { kind: "stats", why: ("含负数,只能用数字卡片", "a negative figure: number tiles"), title, title_from, chapter, figures: list };
    }
    if list.len() >= 2 && list.iter().all(|f| f.unit == list[0].unit) {
        Group { kind: "bars", why: ("多个同单位的数字", "several figures of one unit"), title, title_from, chapter, figures: list }
    } else {
        Group { kind: "stats", why: ("单位不同的数字", "figures of different units"), title, title_from, chapter, figures: list }
    }
}

/// Joins a one-figure tile section to the tile or bar section just before it in the same
/// chapter, so that a chapter is not a column of single numbers.
pub fn merge_small(groups: Vec<Group>) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for group in groups {
        let small = matches!(group.kind, "stats" | "bars") && group.figures.len() == 1;
        if let Some(last) = out.last_mut() {
            if small && matches!(last.kind, "stats" | "bars") && last.chapter == group.chapter && last.figures.len() < MAX_REST {
                let mut figures = std::mem::take(&mut last.figures);
                figures.extend(group.figures);
                let title = std::mem::take(&mut last.title);
                *last = rest_group(figures, title, last.title_from, last.chapter);
                continue;
            }
        }
        out.push(group);
    }
    out
}

/// A figure stated twice in a chapter (in the prose and again in a table's row: 全县固定资产投资
/// 168.42亿元 and the row 固定资产投资 | 168.42), one label within the other: kept once, the
/// statement with a previous value, a whole or a target, with the other's changes in its note.
pub fn without_repeats(mut groups: Vec<Group>) -> Vec<Group> {
    let related = |f: &Drafted| f.previous.is_some() as u8 + f.total.is_some() as u8 + f.progress.is_some() as u8 + f.target.is_some() as u8;
    let same = |a: &Drafted, b: &Drafted| {
        let labelled = a.label.chars().count() >= 2 && b.label.chars().count() >= 2 && (a.label.contains(&b.label) || b.label.contains(&a.label));
        a.value == b.value && a.unit == b.unit && a.approx == b.approx && labelled
    };
    let places: Vec<(usize, usize)> = groups.iter().enumerate().flat_map(|(g, group)| (0..group.figures.len()).map(move |f| (g, f))).collect();
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    for (n, &(g, f)) in places.iter().enumerate() {
        if dropped.contains(&(g, f)) {
            continue;
        }
        for &(h, e) in &places[n + 1..] {
            if dropped.contains(&(h, e)) || groups[g].chapter != groups[h].chapter || !same(&groups[g].figures[f], &groups[h].figures[e]) {
                continue;
            }
            // Only from tiles, bars and compares: a part of a whole or a step is not left out.
            let loose = |g: usize| matches!(groups[g].kind, "stats" | "bars" | "compare");
            let (keep, drop) = if related(&groups[h].figures[e]) > related(&groups[g].figures[f]) { ((h, e), (g, f)) } else { ((g, f), (h, e)) };
            let (keep, drop) = if loose(drop.0) { (keep, drop) } else { (drop, keep) };
            if !loose(drop.0) {
                continue;
            }
            let gone = groups[drop.0].figures[drop.1].clone();
            let kept = &mut groups[keep.0].figures[keep.1];
            for change in gone.changes.into_iter().chain(gone.notes) {
                if !kept.changes.iter().chain(&kept.notes).any(|c| c.contains(&change) || change.contains(c.as_str())) {
                    kept.changes.push(change);
                }
            }
            dropped.push(drop);
            if drop == (g, f) {
                break;
            }
        }
    }
    let mut out = Vec::new();
    for (g, mut group) in groups.into_iter().enumerate() {
        let before = group.figures.len();
        let mut f = 0;
        group.figures.retain(|_| {
            f += 1;
            !dropped.contains(&(g, f - 1))
        });
        if group.figures.is_empty() {
            continue;
        }
        if group.figures.len() < before && matches!(group.kind, "stats" | "bars") {
            group = rest_group(group.figures, group.title, group.title_from, group.chapter);
        }
        out.push(group);
    }
    out
}
