//! How a figure's text (a value with its unit, a change, a total) is set in the room a chart
//! gives it: never cut. It steps down the type scale, then sets the unit under the number, and
//! only a number wider than its room at the smallest size is broken, never ellipsized.

use super::Builder;
use crate::scene::Align;
use crate::text::{self, Measure};
use crate::theme::Color;

/// The smallest size a figure is stepped down to before its unit goes under the number.
pub(crate) const MIN_FIGURE: f64 = 11.0;

/// A figure's text as it will be set: the size and the lines.
pub(crate) struct Setting {
    pub size: f64,
    pub lines: Vec<String>,
}

impl Setting {
    /// The height of the lines.
    pub fn height(&self) -> f64 {
        Builder::line_height(self.size) * self.lines.len() as f64
    }
}

/// Sets `value` at `size` or smaller (down to `min`) on one line if it fits `room`; else its
/// unit under its number, at the largest size at which both fit, wrapping only as a last resort.
pub(crate) fn set(measure: &dyn Measure, value: &str, size: f64, min: f64, bold: bool, room: f64) -> Setting {
    let value = text::sanitize(value);
    let fits = |text: &str, size: f64| measure.width(text, size, bold) <= room + 0.01;
    let min = min.min(size);
    // Down to about three quarters of its size a figure stays on one line; below that its
    // unit goes under the number at a larger size, when that fits, before it shrinks further.
    let floor = (size * 0.72).max(min);
    let (number, unit) = split(&value);
    let both_fit = |at: f64| fits(number, at) && (unit.is_empty() || fits(unit, at));
    let steps = |from: f64, to: f64| {
        let mut sizes = vec![from];
        let mut at = from;
        while at > to {
            at = (at - 1.0).max(to);
            sizes.push(at);
        }
        sizes
    };
    if let Some(at) = steps(size, floor).into_iter().find(|at| fits(&value, *at)) {
        return Setting { size: at, lines: vec![value] };
    }
    if !unit.is_empty() {
        if let Some(at) = steps(size, floor).into_iter().find(|at| both_fit(*at)) {
            return Setting { size: at, lines: vec![number.to_string(), unit.to_string()] };
        }
    }
    if let Some(at) = steps(floor, min).into_iter().find(|at| fits(&value, *at)) {
        return Setting { size: at, lines: vec![value] };
    }
    let at = steps(floor, min).into_iter().find(|at| both_fit(*at)).unwrap_or(min);
    let mut lines = Vec::new();
    for part in [number, unit] {
        if !part.is_empty() {
            // A line limit no real figure reaches: a figure is never ellipsized.
            lines.extend(text::wrap(measure, part, at, bold, room.max(1.0), 64));
        }
    }
    Setting { size: at, lines }
}

/// Splits "48微克/立方米" into "48" and "微克/立方米", "871,000 people" into "871,000" and
/// "people", keeping what belongs to the number with it: 14000余, 96%, 31.78 billion, 14,000+.
pub(crate) fn split(value: &str) -> (&str, &str) {
    // The number is the first run of digits (with its separators and decimal point): a unit may
    // hold digits of its own (0.003 deaths per 100 million yuan, 吨/100平方米).
    let Some(first_digit) = value.find(|c: char| c.is_ascii_digit()) else {
        return (value, "");
    };
    let mut end = first_digit;
    let bytes = value.as_bytes();
    while end < bytes.len() {
        let c = bytes[end];
        let digit_follows = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if c.is_ascii_digit() || ((c == b'.' || c == b',' || c == b'e') && digit_follows) || (c == b'e' && bytes.get(end + 1) == Some(&b'-')) {
            end += 1;
        } else {
            break;
        }
    }
    let rest = &value[end..];
    for word in [" trillion", " billion", " million"] {
        if rest.starts_with(word) {
            end += word.len();
        }
    }
    for ch in value[end..].chars() {
        if matches!(ch, '余' | '+' | '%' | '‰') {
            end += ch.len_utf8();
        } else {
            break;
        }
    }
    (value[..end].trim_end(), value[end..].trim())
}

impl Builder<'_> {
    /// Draws a setting's lines from the top `y`, aligned about `x`; returns the y below them.
    pub(crate) fn set_lines(&mut self, setting: &Setting, x: f64, y: f64, bold: bool, color: Color, align: Align) -> f64 {
        let line = Builder::line_height(setting.size);
        for (i, content) in setting.lines.iter().enumerate() {
            self.text(content, x, y + line * (i as f64 + 0.5), setting.size, bold, color, align);
        }
        y + line * setting.lines.len() as f64
    }

    /// Sets `value` in `room` (see [`set`]) and draws it from the top `y`; returns the y below.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn figure(&mut self, value: &str, x: f64, y: f64, room: f64, size: f64, bold: bool, color: Color, align: Align) -> f64 {
        let setting = set(self.measure, value, size, MIN_FIGURE, bold, room);
        self.set_lines(&setting, x, y, bold, color, align)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::EstimatedMeasure;

    #[test]
    fn the_unit_goes_under_the_number() {
        assert_eq!(split("48微克/立方米"), ("48", "微克/立方米"));
        assert_eq!(split("871,000 people"), ("871,000", "people"));
        assert_eq!(split("31.78 billion yuan"), ("31.78 billion", "yuan"));
        assert_eq!(split("14000余名"), ("14000余", "名"));
        assert_eq!(split("96%"), ("96%", ""));
        assert_eq!(split("−7微克/立方米"), ("−7", "微克/立方米"));
        assert_eq!(split("0.003 deaths per 100 million yuan"), ("0.003", "deaths per 100 million yuan"));
        assert_eq!(split("同比+45.25亿元"), ("同比+45.25", "亿元"));
        assert_eq!(split("over 1.56789 trillion yuan"), ("over 1.56789 trillion", "yuan"));
        assert_eq!(split("1.2e300元"), ("1.2e300", "元"));
        let setting = set(&EstimatedMeasure, "48微克/立方米", 14.0, 11.0, true, 60.0);
        assert_eq!(setting.lines.first().map(String::as_str), Some("48"));
        assert!(setting.lines.iter().all(|l| !l.ends_with('…')));
        let whole = set(&EstimatedMeasure, "48天", 14.0, 11.0, true, 60.0);
        assert_eq!((whole.size, whole.lines.len()), (14.0, 1));
    }
}
