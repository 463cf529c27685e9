//! Numbers and units as each language reads them: 317.8亿元 / 31.78 billion yuan,
//! 74.4万㎡ / 744,000 ㎡, 14000余名 / 14,000+.

use std::cell::Cell;
use crate::locale::{Locale, Template};
use crate::report::{Approx, Figure};

pub use crate::units::Unit;

/// A number with at most `decimals` decimals (up to 6), trailing zeros dropped, no grouping:
/// 317.8, 36. Integer arithmetic and digits pushed one by one rather than float formatting or
/// `format!`: this runs for every figure in every frame of the entry animation, and keeps the
/// wasm small.
pub fn plain_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round();
    if scaled >= 1e18 {
        return scientific(value);
    }
    let scaled = scaled as u64;
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    push_digits(&mut out, scaled / scale);
    let mut fraction = scaled % scale;
    if fraction != 0 {
        // The fraction's digits with their leading zeros, less its trailing ones.
        let mut digits = [b'0'; 9];
        for digit in digits[..decimals].iter_mut().rev() {
            *digit = b'0' + (fraction % 10) as u8;
            fraction /= 10;
        }
        let used = digits[..decimals].iter().rposition(|d| *d != b'0').map_or(0, |i| i + 1);
        out.push('.');
        out.extend(digits[..used].iter().map(|d| char::from(*d)));
    }
    out
}

/// A whole number in decimal digits, without `core::fmt` (which the wasm does not carry).
pub fn whole_number(n: u64) -> String {
    let mut out = String::new();
    push_digits(&mut out, n);
    out
}

/// The path of an item of the array at `path`: `sections[2]`.
pub fn indexed(path: &str, index: usize) -> String {
    [path, "[", &whole_number(index as u64), "]"].concat()
}

/// Appends the decimal digits of `n`.
fn push_digits(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|d| char::from(*d)));
}

/// 1.2e300 for numbers too large to write out.
fn scientific(value: f64) -> String {
    let exponent = crate::math::log10(value.abs()).floor();
    let mantissa = value / crate::math::pow(10.0, exponent);
    let mut out = plain_number(mantissa, 2);
    out.push('e');
    if exponent < 0.0 {
        out.push('-');
    }
    push_digits(&mut out, exponent.abs() as u64);
    out
}

/// A number grouped in thousands as English writes it: 11,348 and 744,000.5.
pub fn grouped_number(value: f64, decimals: usize) -> String {
    let text = plain_number(value, decimals);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    if !whole.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3);
    grouped.push_str(sign);
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if let Some(f) = fraction {
        grouped.push('.');
        grouped.push_str(f);
    }
    grouped
}

/// How many decimals a value as written carries (at most 3): 317.8 has 1, 36 has 0.
pub fn decimals_of(value: f64) -> usize {
    (0..3)
        .find(|d| {
            let scale = 10f64.powi(*d as i32);
            ((value * scale).round() - value * scale).abs() < 1e-6 * scale.max(1.0)
        })
        .unwrap_or(3)
}

thread_local! {
    /// The magnitude (6, 9 or 12) English writes every large value in while a chart is laid
    /// out; None: each value its own. Set only through [`SharedMagnitude`]. A scoped
    /// setting rather than a parameter: every formatting call of a chart, down to its legend
    /// rows and tooltips' texts, would otherwise carry it.
    static SHARED_POWER: Cell<Option<i32>> = const { Cell::new(None) };
}

/// While alive, English writes the large ones of a chart's values (in `unit`) in one
/// magnitude: the smallest that any of them reaches of million, billion and trillion. Chinese
/// keeps the report's unit, which is already one for all. A guard over a slice, not a function
/// taking the chart's closure: that one was made anew for each chart kind and iterator, with
/// the chart inlined in each (11 KB of wasm).
pub struct SharedMagnitude(Option<i32>);

impl SharedMagnitude {
    pub fn new(values: &[f64], unit: &str) -> SharedMagnitude {
        let magnitude = Unit::parse(unit).magnitude;
        let mut power = None;
        for full in values.iter().map(|v| (v * magnitude).abs()) {
            if let Some(p) = [12, 9, 6].into_iter().find(|p| full >= 10f64.powi(*p)) {
                power = Some(power.map_or(p, |q: i32| q.min(p)));
            }
        }
        SharedMagnitude(SHARED_POWER.with(|shared| shared.replace(power)))
    }
}

impl Drop for SharedMagnitude {
    fn drop(&mut self) {
        SHARED_POWER.with(|shared| shared.set(self.0));
    }
}

/// A value with its unit, as the reader's language writes it.
pub fn format_value(
    value: f64,
    unit: &str,
    unit_en: Option<&str>,
    approx: Option<Approx>,
    locale: Locale,
) -> String {
    format_written(value, decimals_of(value), unit, unit_en, approx, locale)
}

/// [`format_value`] for a value written with `decimals` decimals: a number counting up towards
/// 317.8 shows one decimal all the way, and at the end exactly what the figure shows.
pub fn format_written(
    value: f64,
    decimals: usize,
    unit: &str,
    unit_en: Option<&str>,
    approx: Option<Approx>,
    locale: Locale,
) -> String {
    match locale {
        Locale::Zh => {
            let number = minus_sign(plain_number(value, decimals));
            match approx {
                // 余 goes between the number and its unit: 14000余名, 520余万元.
                Some(Approx::Over) => [number.as_str(), "余", unit].concat(),
                Some(Approx::About) => ["约", number.as_str(), unit].concat(),
                None => number + unit,
            }
        }
        Locale::En => {
            let parsed = Unit::parse(unit);
            let (number, worded) = english_number(value, decimals, parsed.magnitude);
            let number = minus_sign(number);
            let base = unit_en.unwrap_or_else(|| parsed.english());
            let number = match approx {
                Some(Approx::Over) if worded => "over ".to_string() + &number,
                Some(Approx::Over) => number + "+",
                Some(Approx::About) => "about ".to_string() + &number,
                None => number,
            };
            match base {
                "" => number,
                "%" | "‰" => number + base,
                // One accident, one day: a unit's first word in the singular after exactly 1.
                base if value.abs() == 1.0 && !worded => [number.as_str(), " ", &singular(base)].concat(),
                base => [number.as_str(), " ", base].concat(),
            }
        }
    }
}

/// An English unit in the singular: its first plural word (the noun a count is of) made
/// singular. accidents → accident, vehicles a day → vehicle a day, percentage points →
/// percentage point, US dollars → US dollar, businesses → business, tonnes → tonne.
fn singular(unit: &str) -> String {
    let plural = |word: &str| word.ends_with('s') && !word.ends_with("ss") && word.len() > 2;
    let words: Vec<&str> = unit.split(' ').collect();
    let Some(at) = words.iter().position(|w| plural(w)) else { return unit.to_string() };
    let word = words[at];
    let one = if let Some(stem) = word.strip_suffix("ies") {
        [stem, "y"].concat()
    } else if ["sses", "xes", "ches", "shes"].iter().any(|e| word.ends_with(e)) {
        word[..word.len() - 2].to_string()
    } else {
        word[..word.len() - 1].to_string()
    };
    let mut out: Vec<&str> = words.clone();
    out[at] = &one;
    out.join(" ")
}

/// A negative number as typesetting writes it, with the minus sign (U+2212) that changes use
/// too: −3.2%, not -3.2%.
fn minus_sign(number: String) -> String {
    match number.strip_prefix('-') {
        Some(rest) => ["−", rest].concat(),
        None => number,
    }
}

/// `value` in units of `magnitude` (317.8 and 1e8), written with `decimals` decimals, as English writes it, "31.78 billion"
/// (and true: a word carries the magnitude); below a million, grouped digits. Every digit
/// the value was written with is kept: 1286.45亿 is 128.645 billion, 0.401 stays 0.401.
fn english_number(value: f64, decimals: usize, magnitude: f64) -> (String, bool) {
    let full = value * magnitude;
    // The decimal places the value was written with, moved by the magnitude's power of ten.
    let written = decimals as i32 - magnitude.log10().round() as i32;
    let places = |power: i32| (written + power).clamp(0, 9) as usize;
    // A chart's values read against each other in one magnitude (see `SharedMagnitude`):
    // 1,864.2 million kWh beside 248.8 million, not 1.8642 billion beside it. A value under a
    // thousandth of it keeps its own.
    if let Some(power) = SHARED_POWER.with(Cell::get) {
        let scale = 10f64.powi(power);
        if full.abs() >= scale / 1000.0 {
            let word = match power {
                12 => "trillion",
                9 => "billion",
                _ => "million",
            };
            return ([grouped_number(full / scale, places(power)).as_str(), " ", word].concat(), true);
        }
    }
    for (power, word) in [(12, "trillion"), (9, "billion"), (6, "million")] {
        let scale = 10f64.powi(power);
        // Below a billion, a value that would need more than three decimals in millions is
        // read more easily in grouped digits: 1,234,567, not 1.234567 million.
        if full.abs() >= scale && !(power == 6 && places(power) > 3 && full.abs() < 1e9) {
            return ([plain_number(full / scale, places(power)).as_str(), " ", word].concat(), true);
        }
    }
    (grouped_number(full, places(0)), false)
}

/// A value rounded to the precision of `like`: a number counting up towards 317.8 shows one
/// decimal all the way.
pub fn round_like(value: f64, like: f64) -> f64 {
    let scale = 10f64.powi(decimals_of(like) as i32);
    (value * scale).round() / scale
}

/// A figure's value as the reader reads it.
pub fn figure_value(figure: &Figure, locale: Locale) -> String {
    format_value(
        figure.value,
        &figure.unit,
        figure.unit_en.as_deref(),
        figure.approx,
        locale,
    )
}

/// A change against the same period last year: 同比+23天 / +23 days year on year.
pub fn format_change(figure: &Figure, previous: f64, locale: Locale) -> String {
    let delta = figure.value - previous;
    let change = locale.fill(Template::Change, &[sign_of(delta), &change_size(figure, delta.abs(), locale)]);
    approximate_change(figure, change, locale)
}

/// A change alone, signed: +23天 / −0.3 percentage points.
pub fn format_delta(figure: &Figure, delta: f64, locale: Locale) -> String {
    approximate_change(figure, [sign_of(delta), change_size(figure, delta.abs(), locale).as_str()].concat(), locale)
}

/// A change of a rounded figure (300余家, 约210.3亿元) is as rounded: 同比约+24家 / about +24.
fn approximate_change(figure: &Figure, change: String, locale: Locale) -> String {
    if figure.approx.is_none() {
        return change;
    }
    match (locale, change.strip_prefix("同比")) {
        (Locale::Zh, Some(rest)) => ["同比约", rest].concat(),
        (Locale::Zh, None) => ["约", change.as_str()].concat(),
        (Locale::En, _) => ["about ", change.as_str()].concat(),
    }
}

fn sign_of(delta: f64) -> &'static str {
    if delta >= 0.0 {
        "+"
    } else {
        "−"
    }
}

/// The size of a change in the figure's unit; a rate in percent changes by percentage points
/// (5.4% to 5.1% is 0.3个百分点, not 0.3%).
fn change_size(figure: &Figure, size: f64, locale: Locale) -> String {
    // A rate per thousand (a birth rate of 7.35‰) changes by points per thousand.
    match figure.unit.as_str() {
        "%" => format_value(size, "个百分点", None, None, locale),
        "‰" => format_value(size, "个千分点", None, None, locale),
        unit => format_value(size, unit, figure.unit_en.as_deref(), None, locale),
    }
}

/// A percentage with one decimal where it has one: 56.9%, 100%. A share too small to show at
/// one decimal is "<0.1%", not "0%" (3 of 12345 is there), and one just short of the whole
/// ">99.9%".
pub fn percent(value: f64) -> String {
    if value > 0.0 && value < 0.05 {
        return "<0.1%".into();
    }
    if value > 99.95 && value < 100.0 {
        return ">99.9%".into();
    }
    minus_sign(plain_number(value, 1)) + "%"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(value: f64, unit: &str, approx: Option<Approx>) -> (String, String) {
        (
            format_value(value, unit, None, approx, Locale::Zh),
            format_value(value, unit, None, approx, Locale::En),
        )
    }

    #[test]
    fn small_shares_and_negatives_read_as_what_they_are() {
        assert_eq!(percent(3.0 / 12345.0 * 100.0), "<0.1%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(99.97), ">99.9%");
        assert_eq!(percent(56.94), "56.9%");
        assert_eq!(format_value(-3.2, "%", None, None, Locale::Zh), "−3.2%");
        assert_eq!(format_value(-3.2, "%", None, None, Locale::En), "−3.2%");
        assert_eq!(format_value(123456.78, "万千瓦时", None, None, Locale::En), "1.2345678 billion kWh");
    }

    #[test]
    fn chinese_keeps_the_figure_as_written() {
        assert_eq!(both(317.8, "亿元", None).0, "317.8亿元");
        assert_eq!(both(11348.0, "人", None).0, "11348人");
        assert_eq!(both(14000.0, "名", Some(Approx::Over)).0, "14000余名");
        assert_eq!(both(520.0, "万元", Some(Approx::Over)).0, "520余万元");
        assert_eq!(both(100.0, "家", Some(Approx::About)).0, "约100家");
        assert_eq!(both(96.0, "%", None).0, "96%");
    }

    #[test]
    fn english_spells_out_magnitudes() {
        assert_eq!(both(317.8, "亿元", None).1, "31.78 billion yuan");
        assert_eq!(both(36.0, "亿元", None).1, "3.6 billion yuan");
        assert_eq!(both(6700.0, "万元", None).1, "67 million yuan");
        assert_eq!(both(74.4, "万㎡", None).1, "744,000 ㎡");
        assert_eq!(both(11348.0, "人", None).1, "11,348 people");
        assert_eq!(both(4786.0, "个", None).1, "4,786");
        assert_eq!(both(14000.0, "名", Some(Approx::Over)).1, "14,000+ people");
        assert_eq!(both(85.0, "天", None).1, "85 days");
        assert_eq!(both(520.0, "万元", Some(Approx::Over)).1, "over 5.2 million yuan");
        // Every digit as written: a magnitude moves the decimal point, it rounds nothing.
        assert_eq!(both(1286.45, "亿元", None).1, "128.645 billion yuan");
        assert_eq!(both(118.7, "万", None).1, "1.187 million");
        assert_eq!(both(1234567.0, "人", None).1, "1,234,567 people", "not 1.234567 million");
        // A chart's values in one magnitude, the smallest any of them reaches; a value under a
        // thousandth of it, and Chinese, as ever.
        let en = |v: f64| format_value(v, "万千瓦时", None, None, Locale::En);
        assert_eq!(en(186420.0), "1.8642 billion kWh");
        let shared = {
            let _shared = SharedMagnitude::new(&[186420.0, 24880.0, 96.4, 0.05], "万千瓦时");
            [en(186420.0), en(24880.0), en(96.4), en(0.05), format_value(186420.0, "万千瓦时", None, None, Locale::Zh)]
        };
        assert_eq!(shared, ["1,864.2 million kWh", "248.8 million kWh", "0.964 million kWh", "500 kWh", "186420万千瓦时"]);
        assert_eq!(en(24880.0), "248.8 million kWh", "the setting ends with the chart");
        let small = {
            let _shared = SharedMagnitude::new(&[5.0, 12.0], "万元");
            format_value(12.0, "万元", None, None, Locale::En)
        };
        assert_eq!(small, "120,000 yuan", "nothing large: each its own");
        assert_eq!(both(2073.42, "万吨", None).1, "20,734,200 tonnes");
        assert_eq!(both(12.3456, "亿元", None).1, "1.2346 billion yuan", "a value is read to three decimals as written");
        assert_eq!(both(0.401, "吨", None).1, "0.401 tonnes");
        assert_eq!(both(0.5, "万元", None).1, "5,000 yuan");
        assert_eq!(both(2.25, "%", None).1, "2.25%");
    }

    #[test]
    fn numbers_round_and_group() {
        assert_eq!(plain_number(0.1 + 0.2, 2), "0.3");
        assert_eq!(plain_number(-0.0001, 2), "0");
        assert_eq!(grouped_number(1234567.25, 2), "1,234,567.25");
        assert_eq!(grouped_number(-1000.0, 0), "-1,000");
        assert_eq!(decimals_of(317.8), 1);
        assert_eq!(decimals_of(36.0), 0);
        assert_eq!(decimals_of(1.0 / 3.0), 3);
        assert_eq!(plain_number(317.8, 1), "317.8");
        assert_eq!(plain_number(0.05, 2), "0.05");
        assert_eq!(plain_number(-2.5, 0), "-3");
        assert_eq!(plain_number(1e300, 2), "1e300");
        assert_eq!(plain_number(f64::NAN, 2), "–");
    }

    #[test]
    fn change_is_signed() {
        let figure = Figure {
            id: "d".into(),
            label: crate::report::Text { zh: "优良天数".into(), en: None },
            value: 85.0,
            unit: "天".into(),
            unit_en: None,
            approx: None,
            previous: Some(62.0),
            total: None,
            total_label: None,
            progress: None,
            target: None,
            better: None,
        };
        assert_eq!(format_change(&figure, 62.0, Locale::Zh), "同比+23天");
        assert_eq!(format_change(&figure, 62.0, Locale::En), "+23 days year on year");
        assert_eq!(format_delta(&figure, -4.0, Locale::En), "−4 days");
        // A rate changes by percentage points.
        let rate = Figure { value: 5.1, unit: "%".into(), previous: Some(5.4), ..figure.clone() };
        assert_eq!(format_change(&rate, 5.4, Locale::Zh), "同比−0.3个百分点");
        assert_eq!(format_change(&rate, 5.4, Locale::En), "−0.3 percentage points year on year");
        assert_eq!(format_delta(&rate, 1.0, Locale::En), "+1 percentage point");
        // One of a thing is singular.
        assert_eq!(format_value(1.0, "起", Some("accidents"), None, Locale::En), "1 accident");
        assert_eq!(format_value(-1.0, "天", None, None, Locale::En), "−1 day");
        assert_eq!(format_value(1.0, "辆/日", None, None, Locale::En), "1 vehicle a day");
        assert_eq!(format_value(2.0, "起", Some("accidents"), None, Locale::En), "2 accidents");
        assert_eq!(super::singular("businesses"), "business");
        assert_eq!(super::singular("US dollars"), "US dollar");
        // A rounded figure's change is as rounded.
        let over = Figure { approx: Some(Approx::Over), ..figure.clone() };
        assert_eq!(format_change(&over, 90.0, Locale::Zh), "同比约−5天");
        assert_eq!(format_delta(&over, -5.0, Locale::En), "about −5 days");
        // A rate per thousand, by points per thousand.
        let birth = Figure { value: 7.35, unit: "‰".into(), previous: Some(11.6), ..figure.clone() };
        assert_eq!(format_delta(&birth, -4.25, Locale::Zh), "−4.25个千分点");
        assert_eq!(format_delta(&birth, -4.25, Locale::En), "−4.25 points per thousand");
        assert_eq!(format_change(&figure, 90.0, Locale::Zh), "同比−5天");
    }
}
