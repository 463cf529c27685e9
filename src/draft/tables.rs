//! Markdown tables (GitHub style: a header row, a `|---|` rule, data rows; outer pipes optional)
//! read as the prose the extractor already reads: the row `| 规模以上工业利润总额 | 亿元 | 26.84 |
//! -5.3 |` under `同比增长(%)` becomes 规模以上工业利润总额26.84亿元,同比下降5.3%; a previous-period
//! column adds 上年同期为…; a row under 其中: (or indented under a total) follows its total's
//! sentence as 其中…, so that the whole and its parts are related as in prose. The table's title
//! line (表1 2025年前三季度…主要指标) becomes the paragraph's opening phrase.

use super::unit_words::read_unit;

/// What a column of a table holds, by its header.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Name,
    Unit,
    Value,
    Previous,
    /// A change against the previous period: in percent, or in points when `true`.
    Growth(bool),
    Other,
}

/// Header words of each kind of column, tried in this order (比上年增长 is a change, not the
/// previous value; 上年累计 a previous value, not this one).
const GROWTH_WORDS: &[&str] = &["同比", "增长", "增速", "增减", "增幅", "±", "百分点", "比上年", "比去年"];
const PREVIOUS_WORDS: &[&str] = &["上年", "去年", "上期", "前一年"];
const UNIT_WORDS: &[&str] = &["计量单位", "单位"];
const NAME_WORDS: &[&str] = &["指标名称", "指标", "项目", "名称"];
const VALUE_WORDS: &[&str] = &["数值", "绝对值", "本期", "累计", "总量", "金额", "本年", "本月", "实绩"];
/// What a row's name starts with when it is a part of the total above it.
const PART_MARKS: &[&str] = &["其中:", "其中,", "其中、", "其中", "内:"];

/// The cells of a table line, untrimmed; none when the line holds no `|`.
fn cells(line: &str) -> Option<Vec<&str>> {
    if !line.contains('|') {
        return None;
    }
    let mut body = line.trim_end();
    if let Some(rest) = body.trim_start().strip_prefix('|') {
        body = rest;
    }
    let body = body.strip_suffix('|').unwrap_or(body);
    Some(body.split('|').collect())
}

/// Whether a line is a table's rule: every cell dashes, with alignment colons.
fn is_rule(line: &str) -> bool {
    cells(line).is_some_and(|cells| {
        cells.len() >= 2 && cells.iter().all(|c| {
            let c = c.trim();
            !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | '—' | '–' | ' ')) && c.chars().any(|ch| ch != ':' && ch != ' ')
        })
    })
}

/// Whether `line` and the next one start a table: a header of two cells or more, then a rule.
pub(super) fn starts_table(lines: &[String], at: usize) -> bool {
    cells(&lines[at]).is_some_and(|c| c.len() >= 2 && c.iter().any(|c| !c.trim().is_empty())) && lines.get(at + 1).is_some_and(|l| is_rule(l))
}

/// A unit as the extractor reads it after a number (亿元, %, 万平方米), or none.
fn as_unit(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 10 {
        return None;
    }
    let chars: Vec<char> = std::iter::once('1').chain(text.chars()).collect();
    let (_, _, end, _) = read_unit(&chars, 1, 1.0, &mut None)?;
    (end == chars.len()).then(|| text.to_string())
}

/// The unit in parentheses in a header or a row's name (数值(亿元)), and the text without it.
fn parenthesised_unit(text: &str) -> (String, Option<String>) {
    let text = text.trim();
    if let Some(open) = text.rfind('(') {
        let inner = &text[open + 1..];
        let inner = inner.strip_suffix(')').unwrap_or(inner);
        let inner = inner.trim_start_matches("单位:").trim_start_matches("单位");
        if let Some(unit) = as_unit(inner) {
            return (text[..open].trim().to_string(), Some(unit));
        }
    }
    (text.to_string(), None)
}

/// A year in a header (2025年1-9月 → 2025).
fn year_of(header: &str) -> Option<u32> {
    let chars: Vec<char> = header.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let digits: String = chars[i..i + 4].iter().collect();
        let alone = (i == 0 || !chars[i - 1].is_ascii_digit()) && chars[i + 4] == '年';
        digits.chars().all(|c| c.is_ascii_digit()).then_some(()).filter(|_| alone).and_then(|_| digits.parse().ok())
    })
}

/// What each column holds, by its header; a year in two headers tells the current period (the
/// later) from the previous one (the year before).
fn columns(headers: &[&str]) -> Vec<Column> {
    let has = |h: &str, words: &[&str]| words.iter().any(|w| h.contains(w));
    let mut kinds: Vec<Column> = headers
        .iter()
        .map(|h| {
            let h = h.trim();
            if has(h, GROWTH_WORDS) {
                Column::Growth(h.contains("百分点"))
            } else if has(h, PREVIOUS_WORDS) {
                Column::Previous
            } else if has(h, UNIT_WORDS) && h.chars().count() <= 4 {
                Column::Unit
            } else if has(h, NAME_WORDS) && !is_value_header(h) {
                Column::Name
            } else {
                Column::Other
            }
        })
        .collect();
    let years: Vec<(usize, u32)> = (0..headers.len()).filter(|&i| kinds[i] == Column::Other).filter_map(|i| year_of(headers[i]).map(|y| (i, y))).collect();
    let latest = years.iter().map(|&(_, y)| y).max();
    if let Some(latest) = latest.filter(|_| years.len() >= 2) {
        for &(i, y) in &years {
            if y + 1 == latest {
                kinds[i] = Column::Previous;
            }
        }
    }
    let other = |kinds: &[Column], i: usize| kinds[i] == Column::Other;
    let value = (0..headers.len())
        .find(|&i| other(&kinds, i) && is_value_header(headers[i]))
        .or_else(|| (0..headers.len()).find(|&i| other(&kinds, i) && latest.is_some() && year_of(headers[i]) == latest))
        .or_else(|| (1..headers.len()).find(|&i| other(&kinds, i)));
    if let Some(i) = value {
        kinds[i] = Column::Value;
    }
    if !kinds.contains(&Column::Name) && kinds[0] == Column::Other {
        kinds[0] = Column::Name;
    }
    kinds
}

fn is_value_header(header: &str) -> bool {
    VALUE_WORDS.iter().any(|w| header.contains(w))
}

/// A number as a cell writes it (486.27, -2.7, 1,286.4), with its sign apart; none for an empty
/// cell, a dash or words.
fn number(cell: &str) -> Option<(bool, String)> {
    let cell = cell.trim().replace(',', "");
    let (negative, digits) = match cell.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim().to_string()),
        None => (false, cell.strip_prefix('+').unwrap_or(&cell).trim().to_string()),
    };
    let ok = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.') && digits.chars().next().is_some_and(|c| c.is_ascii_digit());
    ok.then_some((negative, digits))
}

/// A value cell as prose: the number and its unit, or the cell as written when it holds its own
/// unit (约46万套); none when empty or a dash.
fn amount(cell: &str, unit: &Option<String>) -> Option<String> {
    match number(cell) {
        Some((negative, digits)) => Some(format!("{}{digits}{}", if negative { "-" } else { "" }, unit.as_deref().unwrap_or(""))),
        None => {
            let cell = cell.trim();
            cell.chars().any(|c| c.is_ascii_digit()).then(|| cell.to_string())
        }
    }
}

/// One row read: its name, whether it is a part of the total above, and its sentence's clauses.
struct Row {
    part: bool,
    clauses: Vec<String>,
}

/// The title of a table from the line above it (表1 2025年前三季度澄溪县规模以上工业主要指标):
/// the words after its number, its period and its place, and a unit it states (单位:亿元).
pub(super) fn title(line: &str) -> Option<(String, Option<String>)> {
    let line = line.trim();
    let rest = line.strip_prefix('表')?;
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if !rest.starts_with(numeral) || line.chars().count() > 60 || line.contains('。') {
        return None;
    }
    let mut rest = rest.trim_start_matches(numeral).trim_start_matches(['-', '.', '、', ':', ' ']).trim().to_string();
    let mut unit = None;
    if let Some((before, after)) = rest.split_once("单位:") {
        unit = as_unit(after.trim().trim_end_matches(')'));
        rest = before.trim().trim_end_matches('(').trim().to_string();
    }
    // 2025年前三季度, 2025年1-9月: the period.
    if let Some(after) = year_of(&rest).and_then(|year| rest.strip_prefix(&format!("{year}年"))) {
        rest = after.to_string();
        for period in ["前三季度", "上半年", "下半年", "第一季度", "一季度", "第三季度", "全年"] {
            if let Some(r) = rest.strip_prefix(period) {
                rest = r.to_string();
            }
        }
        let months: usize = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '-').map(char::len_utf8).sum();
        if months > 0 {
            let after = &rest[months..];
            if let Some(r) = after.strip_prefix("月份").or_else(|| after.strip_prefix('月')) {
                rest = r.to_string();
            }
        }
    }
    // 澄溪县规模以上工业主要指标: the place.
    let chars: Vec<char> = rest.chars().collect();
    if let Some(at) = (2..=4).find(|&i| chars.get(i).is_some_and(|c| "省市县区镇乡".contains(*c))) {
        if chars.len() > at + 4 {
            rest = chars[at + 1..].iter().collect();
        }
    }
    let rest = rest.trim().to_string();
    Some((rest, unit))
}

/// Reads the table whose header is `lines[at]`: its prose, one sentence a total row and its
/// parts, and the number of lines it takes. `title_line` is the line above it, when a title;
/// a 注 in the lines after it may say that the changes of rates are in points.
pub(super) fn read(lines: &[String], at: usize, title_line: Option<&str>) -> (String, usize) {
    let headers = cells(&lines[at]).unwrap_or_default();
    let kinds = columns(&headers);
    let (title, title_unit) = title_line.and_then(title).unwrap_or_default();
    let mut end = at + 2;
    while end < lines.len() && !lines[end].trim().is_empty() && cells(&lines[end]).is_some() {
        end += 1;
    }
    // 注:…同比增长为增减百分点: the changes of rates are in points.
    let note = lines[end..].iter().map(|l| l.trim()).filter(|l| !l.is_empty()).take(2).find(|l| l.starts_with('注'));
    let points_for_rates = note.is_some_and(|n| n.contains("百分点"));
    let column = |kind: Column| kinds.iter().position(|k| *k == kind);
    let name_at = column(Column::Name).unwrap_or(0);
    let header_unit = |i: usize| parenthesised_unit(headers[i]).1;
    let rows: Vec<Vec<&str>> = lines[at + 2..end].iter().filter_map(|l| cells(l)).collect();
    let indent = |row: &Vec<&str>| row.get(name_at).map_or(0, |c| c.chars().take_while(|c| c.is_whitespace()).count());
    let least = rows.iter().map(indent).min().unwrap_or(0);
    let mut read: Vec<Row> = Vec::new();
    let mut under_total = false;
    // Whether the last row that is not a part has a value: its parts follow its sentence.
    let mut total_has_value = false;
    for row in &rows {
        let cell = |kind: Column| kinds.iter().position(|k| *k == kind).and_then(|i| row.get(i).map(|c| (i, c.trim())));
        let Some(raw_name) = row.get(name_at).map(|c| c.trim()) else { continue };
        let mut name = raw_name.to_string();
        let marked = PART_MARKS.iter().find_map(|m| raw_name.strip_prefix(m)).map(|rest| name = rest.trim().to_string()).is_some();
        let part = marked || (under_total && indent(row) > least + 1);
        under_total = if part { under_total || marked } else { true };
        let (name, name_unit) = parenthesised_unit(&name);
        let value = cell(Column::Value);
        let has_value = value.is_some_and(|(_, v)| amount(v, &None).is_some());
        if !part {
            total_has_value = has_value;
        }
        let part = part && total_has_value;
        let unit = cell(Column::Unit).map(|(_, u)| u.to_string()).filter(|u| as_unit(u).is_some()).or(name_unit).or_else(|| value.and_then(|(i, _)| header_unit(i))).or(title_unit.clone());
        let Some(written) = value.and_then(|(_, v)| amount(v, &unit)) else { continue };
        if name.is_empty() {
            continue;
        }
        let mut clauses = vec![format!("{}{name}{written}", if part { "其中" } else { "" })];
        if let Some(previous) = cell(Column::Previous).and_then(|(i, v)| amount(v, &unit.clone().or_else(|| header_unit(i)))) {
            clauses.push(format!("上年同期为{previous}"));
        }
        let growth = kinds.iter().enumerate().find_map(|(i, k)| match k {
            Column::Growth(points) => Some((*points, row.get(i).copied().unwrap_or(""))),
            _ => None,
        });
        if let Some((points, (negative, digits))) = growth.and_then(|(p, c)| number(c).map(|n| (p, n))) {
            let rate = matches!(unit.as_deref(), Some("%") | Some("‰"));
            if digits.chars().any(|c| c.is_ascii_digit() && c != '0') {
                if points || (rate && points_for_rates) {
                    clauses.push(format!("同比{}{digits}个百分点", if negative { "下降" } else { "提高" }));
                } else {
                    clauses.push(format!("同比{}{digits}%", if negative { "下降" } else { "增长" }));
                }
            }
        }
        read.push(Row { part, clauses });
    }
    let mut prose = String::new();
    if !title.is_empty() {
        prose.push_str(&title);
        prose.push('。');
    }
    for (i, row) in read.iter().enumerate() {
        prose.push_str(&row.clauses.join(","));
        let next_is_part = read.get(i + 1).is_some_and(|r| r.part);
        prose.push(if next_is_part { ',' } else { '。' });
    }
    (prose, end - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(table: &str, title: Option<&str>) -> String {
        let lines: Vec<String> = table.lines().map(|l| l.chars().map(super::super::scan::normalise_char).collect()).collect();
        assert!(starts_table(&lines, 0), "{table}");
        read(&lines, 0, title).0
    }

    #[test]
    fn rows_become_sentences_with_their_changes_and_parts() {
        let table = "| 指标 | 单位 | 数值 | 同比增长(%) |\n| --- | --- | --- | --- |\n| 规模以上工业增加值 | — | — | 7.8 |\n| 规模以上工业总产值 | 亿元 | 486.27 | 8.3 |\n| 其中:新材料产业 | 亿元 | 158.64 | 12.5 |\n| 　　　绿色食品产业 | 亿元 | 64.18 | -2.7 |\n| 产品销售率 | % | 97.6 | -0.8 |\n\n注:产品销售率一栏的同比增长为增减百分点。";
        assert_eq!(
            prose(table, Some("表1　2025年前三季度澄溪县规模以上工业主要指标")),
            "规模以上工业主要指标。规模以上工业总产值486.27亿元,同比增长8.3%,其中新材料产业158.64亿元,同比增长12.5%,其中绿色食品产业64.18亿元,同比下降2.7%。产品销售率97.6%,同比下降0.8个百分点。"
        );
    }

    #[test]
    fn a_previous_period_column_units_in_headers_and_no_outer_pipes() {
        let table = "指标 ｜ 2025年1-9月(亿元) ｜ 2024年1-9月(亿元) ｜ 增速(%)\n---｜---｜---｜---\n固定资产投资 ｜ 168.42 ｜ 172.56 ｜ -2.4\n商品房销售面积(万平方米) ｜ 36.82 ｜ 45.17 ｜ -18.5";
        assert_eq!(prose(table, None), "固定资产投资168.42亿元,上年同期为172.56亿元,同比下降2.4%。商品房销售面积36.82万平方米,上年同期为45.17万平方米,同比下降18.5%。");
        let table = "| 项目 | 本期 | 上年同期 | 比上年增减(百分点) |\n|:--|--:|--:|--:|\n| 城镇化率(%) | 62.1 | 61.3 | 0.8 |";
        assert_eq!(prose(table, None), "城镇化率62.1%,上年同期为61.3%,同比提高0.8个百分点。");
    }

    #[test]
    fn titles() {
        assert_eq!(title("表1　2025年前三季度澄溪县规模以上工业主要指标"), Some(("规模以上工业主要指标".to_string(), None)));
        assert_eq!(title("表2 2025年1-9月财政收支情况(单位:亿元)"), Some(("财政收支情况".to_string(), Some("亿元".to_string()))));
        assert_eq!(title("表1 1234 2025年主要指标").map(|t| t.0), Some("1234 2025年主要指标".to_string()));
        assert_eq!(title("主要指标见表1。"), None);
    }

    #[test]
    fn not_a_table() {
        let lines: Vec<String> = ["首页 | 政务公开", "正文"].iter().map(|s| s.to_string()).collect();
        assert!(!starts_table(&lines, 0));
    }
}
