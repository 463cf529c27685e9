//! Numbers as Chinese work reports write them: ASCII digits with thousands separators and a
//! decimal part (317.8, 1,286.45), and Chinese numerals (近百, 两万, 十余). Read without core's
//! float parser, which the editor's wasm does not carry.

use super::scan::is_clause_break;

pub(super) fn chinese_digit(c: char) -> Option<u32> {
    "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or(match c {
        '〇' => Some(0),
        '两' => Some(2),
        _ => None,
    })
}

pub(super) fn chinese_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        _ => None,
    }
}

/// A Chinese numeral (近百, 两万, 十余): its value and end.
pub(super) fn chinese_number(text: &[char], at: usize) -> Option<(f64, usize)> {
    let (mut total, mut section, mut digit) = (0.0f64, 0.0f64, 0.0f64);
    let mut i = at;
    while i < text.len() && i < at + 12 {
        let c = text[i];
        if let Some(d) = chinese_digit(c) {
            digit = d as f64;
        } else if let Some(u) = chinese_unit(c) {
            section += if digit == 0.0 { 1.0 } else { digit } * u;
            digit = 0.0;
        } else if c == '万' || c == '亿' {
            // 万 after a whole numeral is its magnitude unless the unit follows directly.
            let m = if c == '万' { 1e4 } else { 1e8 };
            total = (total + section + digit) * m;
            section = 0.0;
            digit = 0.0;
        } else {
            break;
        }
        i += 1;
    }
    (i > at).then_some((total + section + digit, i))
}

/// ASCII digits with thousands separators and a decimal part: value and end. Refuses a number
/// glued to a letter (5G, PM2.5) and one too long to be a figure.
pub(super) fn ascii_number(text: &[char], at: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut i = at;
    while i < text.len() {
        let c = text[i];
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == ',' && is_thousands(text, i) {
        } else if c == '.' && text.get(i + 1).is_some_and(char::is_ascii_digit) && !digits.contains('.') {
            digits.push('.');
        } else {
            break;
        }
        i += 1;
    }
    if text.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let integer = digits.split('.').next().unwrap_or("");
    if digits.is_empty() || integer.len() > 15 {
        return None;
    }
    decimal(&digits).map(|v| (v, i))
}

/// A decimal number's value: its digits as a whole number over a power of ten, exact for the
/// 15 significant digits kept (one correctly rounded division, as `str::parse` gives), without
/// core's float parser in the editor's wasm.
pub(super) fn decimal(digits: &str) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    let mut scale = 0i32;
    let mut fraction = false;
    for c in digits.chars() {
        match c {
            '.' => fraction = true,
            '0'..='9' if significant < 15 => {
                mantissa = mantissa * 10 + (c as u64 - '0' as u64);
                if mantissa > 0 {
                    significant += 1;
                }
                if fraction {
                    scale += 1;
                }
            }
            // Digits past the fifteenth: whole-number ones still count tenfold.
            '0'..='9' if !fraction => scale -= 1,
            '0'..='9' => {}
            _ => return None,
        }
    }
    let value = mantissa as f64;
    Some(if scale >= 0 { value / 10f64.powi(scale) } else { value * 10f64.powi(-scale) })
}

fn is_thousands(text: &[char], i: usize) -> bool {
    i > 0 && text[i - 1].is_ascii_digit() && !is_clause_break(text, i)
}

/// The end of a run of ASCII digits and separators from `at`, to skip a refused number whole.
pub(super) fn digit_run_end(text: &[char], at: usize) -> usize {
    let mut i = at;
    while i < text.len() && (text[i].is_ascii_alphanumeric() || text[i] == '.' || (text[i] == ',' && is_thousands(text, i))) {
        i += 1;
    }
    i.max(at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_as_parse_reads_them() {
        for text in ["317.8", "0.5", "36", "1.26", "74.4", "0.00", "123456789012345", "2.35", "0.92", "98.65"] {
            assert_eq!(decimal(text), text.parse::<f64>().ok(), "{text}");
        }
    }
}
