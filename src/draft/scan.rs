//! The article's structure: its headline, its headings (chapters) and its paragraphs, cut into
//! sentences and clauses. Text is normalised first (full-width digits and punctuation to ASCII,
//! markdown emphasis and HTML tags dropped), so that the figure finder meets one spelling.
//!
//! A hand-written scanner rather than `regex`: the extractor also ships in the editor's wasm,
//! where regex's automata and Unicode tables would weigh more than the extractor itself (regex
//! was not tried in this crate; the editor module's measured size is in the README), and
//! everything here is a walk over characters with short look-arounds that regex would not make
//! simpler: the roles of a number depend on words on both sides and on the figures around it.

use super::tables;

/// The most characters of one paragraph the scanner keeps; a longer run of text with no blank
/// line is not prose an editor wrote, and cutting it bounds the work on hostile input.
const MAX_PARAGRAPH_CHARS: usize = 20_000;
/// The longest line taken as a heading.
const MAX_HEADING_CHARS: usize = 40;

/// An article as the extractor reads it.
#[derive(Debug, Default)]
pub struct Article {
    /// The first line when it reads as a headline (short, no full stop), or the first `# `.
    pub headline: Option<String>,
    /// Every heading in order; paragraphs point into this list.
    pub headings: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph: its characters, normalised, and the heading it sits under.
#[derive(Debug)]
pub struct Paragraph {
    pub heading: Option<usize>,
    pub text: Vec<char>,
    /// Not results: a plan for the next period (under 2024年工作安排), a note or the
    /// definitions of indicators (注:, 主要指标解释). Its numbers are not figures.
    pub aside: bool,
}

/// Headings of parts that hold no results: plans, notes, definitions.
const ASIDE_HEADINGS: &[&str] = &["工作安排", "工作打算", "工作计划", "工作思路", "工作目标", "预期目标", "主要目标", "指标解释", "名词解释", "注释", "附注", "问题"];
/// Paragraph openings of notes and definitions.
const ASIDE_OPENINGS: &[&str] = &["注:", "注:", "说明:", "附注", "资料来源"];

/// The outline number in front of a heading (一、 (一) 1. 第一部分), removed.
fn without_outline(heading: &str) -> &str {
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let mut rest = heading.trim();
    if let Some(inner) = rest.strip_prefix('(') {
        if let Some(close) = inner.find(')') {
            if inner[..close].chars().all(numeral) && close > 0 {
                rest = inner[close + 1..].trim();
            }
        }
    } else {
        let digits: usize = rest.chars().take_while(|c| numeral(*c)).map(char::len_utf8).sum();
        if digits > 0 {
            let after = &rest[digits..];
            if let Some(after) = after.strip_prefix('、').or_else(|| after.strip_prefix(". ")).or_else(|| after.strip_prefix('.')) {
                rest = after.trim();
            }
        }
    }
    if rest.is_empty() {
        heading
    } else {
        rest
    }
}

/// A heading's level: its `#`s, or 1 for 一、 and 2 for (一) without them.
fn heading_level(line: &str) -> usize {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if hashes > 0 {
        hashes
    } else if line.starts_with('(') {
        3
    } else {
        2
    }
}

/// Maps full-width ASCII variants to ASCII and the ideographic space to a space; other
/// characters pass unchanged.
pub fn normalise_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\t' => ' ',
        '\u{FE50}' => ',',
        '\u{FE52}' => '.',
        _ => c,
    }
}

/// The line without markdown emphasis, inline code marks and HTML tags, normalised.
fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().map(normalise_char).collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '*' || c == '`' || c == '\u{FEFF}' || (c.is_control() && c != ' ') {
            i += 1;
            continue;
        }
        // An HTML tag: `<` then a letter or `/`, closed by `>` within a short distance.
        if c == '<' && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!') {
            if let Some(close) = chars[i..chars.len().min(i + 200)].iter().position(|&x| x == '>') {
                i += close + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A heading marker at the start of a line: markdown `#`s, or a Chinese outline number such as
/// 一、 / (一) / 第一部分. Returns the heading text without it.
fn heading_text(line: &str) -> Option<String> {
    let trimmed = line.trim();
    if let Some(rest) = trimmed.strip_prefix('#') {
        let rest = rest.trim_start_matches('#').trim();
        return (!rest.is_empty()).then(|| rest.to_string());
    }
    let count = trimmed.chars().count();
    if count == 0 || count > MAX_HEADING_CHARS {
        return None;
    }
    let ends_open = !trimmed.ends_with(['。', '!', '?', ';', ',', ':', '、', '”', ')']);
    let has_stop = trimmed.contains('。');
    // 一、农业 / (二)工业 / 第三部分
    let chars: Vec<char> = trimmed.chars().collect();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut body = None;
    if chars.len() > 2 && numeral(chars[0]) {
        let digits = chars.iter().take_while(|c| numeral(**c)).count();
        if chars.get(digits) == Some(&'、') {
            body = Some(chars[digits + 1..].iter().collect::<String>());
        }
    } else if chars.len() > 3 && chars[0] == '(' && numeral(chars[1]) {
        if let Some(close) = chars.iter().position(|&c| c == ')') {
            if chars[1..close].iter().all(|c| numeral(*c)) {
                body = Some(chars[close + 1..].iter().collect::<String>());
            }
        }
    }
    match body {
        Some(body) if ends_open && !has_stop && !body.trim().is_empty() => Some(body.trim().to_string()),
        _ => None,
    }
}

/// Whether a paragraph's text ends a sentence; one that does not is continued by the next
/// paragraph (articles pasted from a page often break a sentence across blank lines).
fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end();
    let text = text.trim_end_matches(['”', '」', ')', '’']);
    text.ends_with(['。', '!', '?', ';', ':', '…', '.'])
}

/// Reads an article: headline, headings and paragraphs.
pub fn scan(text: &str) -> Article {
    let mut article = Article::default();
    let mut pending = String::new();
    let mut pending_heading = None;
    let mut seen_text = false;
    let one_per_line = !text.contains("\n\n");
    // The level of the heading of a part that holds no results, while inside it.
    let mut aside_level: Option<usize> = None;
    let mut aside_note = false;
    // Whether the paragraph being read follows a table: a note opening it (注:…) is the table's,
    // an aside of its own that does not make the rest of the chapter one.
    let mut after_table = false;
    let flush = |pending: &mut String, heading: Option<usize>, article: &mut Article, aside: bool, aside_note: &mut bool, after_table: &mut bool| {
        let text = pending.trim();
        if !text.is_empty() {
            let chars: Vec<char> = text.chars().take(MAX_PARAGRAPH_CHARS).collect();
            // **常住人口:** 指… : a definition.
            let definition = text.split_once(':').is_some_and(|(term, rest)| term.chars().count() <= 20 && rest.trim_start().starts_with('指'));
            let note = ASIDE_OPENINGS.iter().any(|o| text.starts_with(o));
            // 会议对下半年工作作出部署:一是… : the plan for the next period.
            let opening: String = text.chars().take_while(|c| !matches!(c, ',' | '。' | ';')).take(40).collect();
            let plan = ["下半年", "明年", "下一步", "今后"].iter().any(|w| opening.contains(w))
                && ["部署", "安排", "打算", "要求", "重点", "目标"].iter().any(|w| opening.contains(w));
            let table_note = note && *after_table;
            *aside_note |= note && !table_note;
            *after_table = false;
            article.paragraphs.push(Paragraph { heading, text: chars, aside: aside || definition || plan || table_note || *aside_note });
        }
        pending.clear();
    };
    let lines: Vec<String> = text.lines().map(clean_line).collect();
    let mut at = 0;
    while at < lines.len() {
        let line = &lines[at];
        at += 1;
        let trimmed = line.trim();
        let aside = aside_level.is_some();
        // A table: read as prose, its own paragraph, opened by its title (表1 …) when the line
        // before is one.
        if tables::starts_table(&lines, at - 1) {
            let title = tables::title(&pending).is_some().then(|| std::mem::take(&mut pending));
            flush(&mut pending, pending_heading, &mut article, aside, &mut aside_note, &mut after_table);
            let (prose, used) = tables::read(&lines, at - 1, title.as_deref());
            pending = prose;
            flush(&mut pending, pending_heading, &mut article, aside, &mut aside_note, &mut after_table);
            after_table = true;
            seen_text = true;
            at += used - 1;
            continue;
        }
        if trimmed.is_empty() {
            if ends_sentence(&pending) {
                flush(&mut pending, pending_heading, &mut article, aside, &mut aside_note, &mut after_table);
            }
            continue;
        }
        if let Some(heading) = heading_text(trimmed) {
            flush(&mut pending, pending_heading, &mut article, aside, &mut aside_note, &mut after_table);
            if !seen_text && article.headline.is_none() && trimmed.starts_with("# ") {
                article.headline = Some(heading);
                continue;
            }
            let level = heading_level(trimmed);
            if aside_level.is_some_and(|l| level <= l) {
                aside_level = None;
            }
            if aside_level.is_none() && ASIDE_HEADINGS.iter().any(|h| heading.contains(h)) {
                aside_level = Some(level);
            }
            aside_note = false;
            let heading = without_outline(&heading).to_string();
            article.headings.push(heading);
            pending_heading = Some(article.headings.len() - 1);
            seen_text = true;
            continue;
        }
        // 首页 > 政务公开 > 统计信息: a page's navigation, not its headline.
        if !seen_text && is_breadcrumb(trimmed) {
            continue;
        }
        // The first short line without a full stop, before any heading or text: the headline.
        if !seen_text && article.headline.is_none() && trimmed.chars().count() <= MAX_HEADING_CHARS && !trimmed.contains('。') {
            article.headline = Some(trimmed.to_string());
            continue;
        }
        seen_text = true;
        if pending.is_empty() && !ASIDE_OPENINGS.iter().any(|o| trimmed.starts_with(o)) {
            after_table = false;
        }
        if pending.len() > MAX_PARAGRAPH_CHARS * 4 {
            flush(&mut pending, pending_heading, &mut article, aside, &mut aside_note, &mut after_table);
        }
        pending.push_str(trimmed);
        // A line that ends a sentence ends its paragraph when the article puts one a line.
        if one_per_line && ends_sentence(trimmed) {
            flush(&mut pending, pending_heading, &mut article, aside, &mut aside_note, &mut after_table);
        }
    }
    let aside = aside_level.is_some();
    flush(&mut pending, pending_heading, &mut article, aside, &mut aside_note, &mut after_table);
    article
}

/// Who published the article and when, from a web page's dateline near its top (发布时间:
/// 2025-10-24 16:05　来源:澄溪县统计局　浏览次数:1286): the publisher and the date as 2025年10月24日.
pub fn dateline(text: &str) -> Option<(String, Option<String>)> {
    for line in text.lines().take(15) {
        let line: String = line.chars().map(normalise_char).collect();
        if line.chars().count() > 100 {
            continue;
        }
        let Some((_, after)) = line.split_once("来源:") else { continue };
        let publisher: String = after.trim_start().chars().take_while(|c| !c.is_whitespace() && !"【[|(".contains(*c)).collect();
        if !(2..=20).contains(&publisher.chars().count()) || publisher.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let date = ["发布时间:", "发布日期:", "日期:", "时间:"].iter().find_map(|w| line.split_once(w)).and_then(|(_, d)| {
            let numbers: Vec<u32> = d.trim_start().split(|c: char| !c.is_ascii_digit()).take(3).filter_map(|n| n.parse().ok()).collect();
            match numbers[..] {
                [y, m, d] if (1900..2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) => Some(format!("{y}年{m}月{d}日")),
                _ => None,
            }
        });
        return Some((publisher, date));
    }
    None
}

/// Whether a line is a page's navigation (首页 > 政务公开 > 统计信息): short words between two
/// or more of > › » →.
fn is_breadcrumb(line: &str) -> bool {
    let parts: Vec<&str> = line.split(['>', '›', '»', '→']).map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|p| (1..=12).contains(&p.chars().count()) && !p.contains(['。', ',']))
}

/// Splits a paragraph into sentences at 。!?; (and a full stop that is not a decimal point).
pub fn sentences(text: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in text.iter().enumerate() {
        let stop = match c {
            '。' | '!' | '?' | ';' | '…' => true,
            '.' => !(i > 0 && text[i - 1].is_ascii_digit() && text.get(i + 1).is_some_and(|n| n.is_ascii_digit())),
            _ => false,
        };
        if stop {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Whether the character at `i` ends a clause: a comma or colon that is not a thousands
/// separator between digits.
pub fn is_clause_break(text: &[char], i: usize) -> bool {
    match text[i] {
        ':' => true,
        ',' => !(i > 0
            && text[i - 1].is_ascii_digit()
            && text.len() > i + 3
            && text[i + 1..i + 4].iter().all(char::is_ascii_digit)
            && !text.get(i + 4).is_some_and(char::is_ascii_digit)),
        _ => false,
    }
}

/// Marks the characters inside quotation marks or book-title marks: names (“四个中原”,
/// 《实施方案》), whose numbers are not figures. An opening mark left unclosed for more than a
/// short name quotes nothing.
pub fn quoted(text: &[char]) -> Vec<bool> {
    let mut mask = vec![false; text.len()];
    let mut i = 0;
    while i < text.len() {
        let close = match text[i] {
            '“' => Some('”'),
            '《' => Some('》'),
            '「' => Some('」'),
            '"' => Some('"'),
            _ => None,
        };
        if let Some(close) = close {
            let limit = text.len().min(i + 40);
            if let Some(offset) = text[i + 1..limit].iter().position(|&c| c == close) {
                let end = i + 1 + offset;
                for m in &mut mask[i..=end] {
                    *m = true;
                }
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_headings_and_broken_paragraphs() {
        let article = scan("务实重干\n\n## 第一章\n\n夜经济商\n\n户近百家。\n\n一、农业\n\n粮食产量10万吨。");
        assert_eq!(article.headline.as_deref(), Some("务实重干"));
        assert_eq!(article.headings, vec!["第一章".to_string(), "农业".to_string()]);
        let texts: Vec<String> = article.paragraphs.iter().map(|p| p.text.iter().collect()).collect();
        assert_eq!(texts, vec!["夜经济商户近百家。".to_string(), "粮食产量10万吨。".to_string()]);
        assert_eq!(article.paragraphs[1].heading, Some(1));
    }

    #[test]
    fn full_width_and_markup_are_normalised() {
        let article = scan("标题\n\n生产总值**３１７．８亿元**<b>,</b>增长５％。");
        let text: String = article.paragraphs[0].text.iter().collect();
        assert_eq!(text, "生产总值317.8亿元,增长5%。");
    }

    #[test]
    fn a_breadcrumb_is_not_the_headline() {
        let article = scan("首页 > 政务公开 > 统计信息 > 统计分析\n\n2025年前三季度经济运行简析\n\n生产总值312.46亿元。");
        assert_eq!(article.headline.as_deref(), Some("2025年前三季度经济运行简析"));
    }

    #[test]
    fn a_table_is_a_paragraph_and_its_note_an_aside_of_its_own() {
        let article = scan("标题\n\n表1 主要指标\n| 指标 | 单位 | 数值 |\n|---|---|---|\n| 利润总额 | 亿元 | 26.84 |\n\n注:统计范围为年主营业务收入2000万元及以上的企业。\n\n用电量30.52亿千瓦时。");
        let texts: Vec<(String, bool)> = article.paragraphs.iter().map(|p| (p.text.iter().collect(), p.aside)).collect();
        assert_eq!(
            texts,
            vec![
                ("主要指标。利润总额26.84亿元。".to_string(), false),
                ("注:统计范围为年主营业务收入2000万元及以上的企业。".to_string(), true),
                ("用电量30.52亿千瓦时。".to_string(), false)
            ]
        );
    }

    #[test]
    fn sentences_keep_decimal_points() {
        let text: Vec<char> = "增长3.5%。下降1.2%;完成".chars().collect();
        assert_eq!(sentences(&text).len(), 3);
    }
}
