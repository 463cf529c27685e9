//! Palettes and the type scale: the newsroom look, in light and dark.

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: f64,
}

impl Color {
    /// An opaque colour from 0xRRGGBB.
    pub const fn hex(rgb: u32) -> Color {
        Color { r: (rgb >> 16) as u8, g: (rgb >> 8) as u8, b: rgb as u8, a: 1.0 }
    }

    /// The same colour at `alpha` opacity.
    pub const fn alpha(self, a: f64) -> Color {
        Color { a, ..self }
    }

    /// This colour mixed with `other`: 0 is self, 1 is other.
    pub fn mix(self, other: Color, t: f64) -> Color {
        let lerp = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Color {
            r: lerp(self.r, other.r),
            g: lerp(self.g, other.g),
            b: lerp(self.b, other.b),
            a: self.a + (other.a - self.a) * t,
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                // The page's Math.pow in the browser: libm's would add 2 KB to the wasm.
                crate::math::pow((c + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG contrast ratio between two opaque colours.
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `#rrggbb` for CSS (the alpha is left out).
    pub fn css_hex(self) -> String {
        css_color(self.r, self.g, self.b, 1000)
    }
}

/// A colour as CSS writes it: `#rrggbb` when opaque (`alpha` in thousandths, 1000 and up), else
/// `rgba(r,g,b,0.aaa)`. The one place a colour string is made, for the canvas backend and the
/// page's styles alike; integer digits only, so no float formatting reaches the wasm.
pub fn css_color(r: u8, g: u8, b: u8, alpha: u16) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(22);
    if alpha >= 1000 {
        text.push('#');
        for channel in [r, g, b] {
            text.push(char::from(HEX[usize::from(channel >> 4)]));
            text.push(char::from(HEX[usize::from(channel & 15)]));
        }
        return text;
    }
    text.push_str("rgba(");
    for channel in [r, g, b] {
        push_decimal(&mut text, u16::from(channel), 1);
        text.push(',');
    }
    text.push_str("0.");
    push_decimal(&mut text, alpha, 3);
    text.push(')');
    text
}

/// Appends `n` (below 1000) in decimal, padded with zeros to at least `width` digits (1 to 3).
fn push_decimal(text: &mut String, n: u16, width: usize) {
    let digits = [n / 100 % 10, n / 10 % 10, n % 10];
    let first = digits.iter().position(|d| *d != 0).unwrap_or(2).min(3 - width);
    for digit in &digits[first..] {
        text.push(char::from(b'0' + *digit as u8));
    }
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

impl ThemeName {
    /// Parses `light` or `dark`.
    pub fn parse(name: &str) -> Option<ThemeName> {
        match name {
            "light" => Some(ThemeName::Light),
            "dark" => Some(ThemeName::Dark),
            _ => None,
        }
    }
}

/// Every colour the infographic uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub background: Color,
    pub card: Color,
    pub rule: Color,
    pub ink: Color,
    pub muted: Color,
    /// Tracks behind bars and rings (the room a value has, not a value: below 3:1 by design).
    pub track: Color,
    /// The previous period's bars and columns, and a pictogram's icons in no subset: marks
    /// that carry a value, so at least 3:1 against `card` (WCAG 1.4.11).
    pub previous: Color,
    /// One accent a chapter, in order; text-safe against `card`.
    pub accents: [Color; 5],
    /// For each accent, the palest mix of it towards `card` (0 the accent, 1 the card, to 0.01)
    /// that still has 3:1 against the card (WCAG 1.4.11): the lightest shade of a chart's parts.
    /// Constants beside their colours, checked by a test: worked out at each layout, they cost
    /// a few dozen calls of the page's Math.pow a chart and an animation frame.
    pub palest: [f64; 5],
    /// A change for the better and for the worse, when the report says which way is better;
    /// text-safe against `card`. Otherwise a change is drawn in `ink`.
    pub good: Color,
    pub bad: Color,
    pub focus: Color,
    pub notice: Color,
    pub notice_background: Color,
}

const LIGHT: Theme = Theme {
    name: ThemeName::Light,
    background: Color::hex(0xF6F3EE),
    card: Color::hex(0xFFFFFF),
    rule: Color::hex(0xE4DED4),
    ink: Color::hex(0x1D1B19),
    muted: Color::hex(0x5E5850),
    track: Color::hex(0xEEEAE3),
    previous: Color::hex(0x958C7F),
    // Newsprint red, pine, ink blue, ochre, plum.
    accents: [
        Color::hex(0xB8202F),
        Color::hex(0x1E7145),
        Color::hex(0x1F5A96),
        Color::hex(0xA35A00),
        Color::hex(0x7A3E8E),
    ],
    palest: [0.41, 0.33, 0.37, 0.29, 0.38],
    good: Color::hex(0x1B6B3A),
    bad: Color::hex(0xB42318),
    focus: Color::hex(0x0B57D0),
    notice: Color::hex(0x7A4A00),
    notice_background: Color::hex(0xFFF4DC),
};

const DARK: Theme = Theme {
    name: ThemeName::Dark,
    background: Color::hex(0x121316),
    card: Color::hex(0x1C1E23),
    rule: Color::hex(0x2E3138),
    ink: Color::hex(0xF1EFEA),
    muted: Color::hex(0xB2AEA6),
    track: Color::hex(0x2B2E35),
    previous: Color::hex(0x6E6A64),
    accents: [
        Color::hex(0xFF7B7F),
        Color::hex(0x5CCB8A),
        Color::hex(0x7DB3F0),
        Color::hex(0xF2B35B),
        Color::hex(0xD29BE4),
    ],
    palest: [0.43, 0.5, 0.48, 0.53, 0.48],
    good: Color::hex(0x6FD39A),
    bad: Color::hex(0xFF8A7A),
    focus: Color::hex(0x8AB4F8),
    notice: Color::hex(0xF6C46B),
    notice_background: Color::hex(0x3A2F1A),
};

impl Theme {
    /// The palette for `name`: copied from a constant, which costs the wasm less code than
    /// building each colour field by field.
    pub fn get(name: ThemeName) -> Theme {
        match name {
            ThemeName::Light => LIGHT,
            ThemeName::Dark => DARK,
        }
    }

    /// The accent of the `index`-th chapter.
    pub fn accent(&self, index: usize) -> Color {
        self.accents[index % self.accents.len()]
    }

    /// [`Theme::palest`] for `accent`; 0 (the accent itself, 4.5:1) for a colour not an accent.
    pub fn palest_mix(&self, accent: Color) -> f64 {
        self.accents.iter().position(|a| *a == accent).map_or(0.0, |i| self.palest[i])
    }
}

/// The type scale, in CSS pixels.
pub mod size {
    pub const TITLE: f64 = 26.0;
    pub const TITLE_PHONE: f64 = 21.0;
    pub const SUBTITLE: f64 = 15.0;
    pub const CHAPTER: f64 = 18.0;
    pub const CARD_TITLE: f64 = 16.0;
    pub const LABEL: f64 = 13.0;
    pub const VALUE: f64 = 14.0;
    pub const BIG: f64 = 28.0;
    pub const SMALL: f64 = 12.0;
    pub const LINE: f64 = 1.4;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colours_meet_wcag_aa_in_both_themes() {
        for name in [ThemeName::Light, ThemeName::Dark] {
            let t = Theme::get(name);
            for (what, c) in [
                ("ink", t.ink),
                ("muted", t.muted),
                ("notice", t.notice),
                ("good", t.good),
                ("bad", t.bad),
            ] {
                let bg = if what == "notice" { t.notice_background } else { t.card };
                assert!(c.contrast(bg) >= 4.5, "{name:?} {what}: {}", c.contrast(bg));
                assert!(
                    c.contrast(t.background) >= 4.5 || matches!(what, "notice" | "good" | "bad"),
                    "{name:?} {what} on page"
                );
            }
            for (i, a) in t.accents.iter().enumerate() {
                assert!(a.contrast(t.card) >= 4.5, "{name:?} accent {i}: {}", a.contrast(t.card));
            }
            assert!(t.previous.contrast(t.card) >= 3.0, "{name:?} previous: {}", t.previous.contrast(t.card));
            for (i, (a, palest)) in t.accents.iter().zip(t.palest).enumerate() {
                // The palest shade keeps 3:1, and the next hundredth would not.
                assert!(a.mix(t.card, palest).contrast(t.card) >= 3.0, "{name:?} accent {i} at {palest}");
                assert!(a.mix(t.card, palest + 0.01).contrast(t.card) < 3.0, "{name:?} accent {i}: paler than {palest} keeps 3:1");
            }
        }
    }

    #[test]
    fn colours_are_hex_when_opaque_and_rgba_when_not() {
        assert_eq!(css_color(184, 32, 47, 1000), "#b8202f");
        assert_eq!(css_color(0, 0, 0, 500), "rgba(0,0,0,0.500)");
        assert_eq!(css_color(255, 7, 30, 5), "rgba(255,7,30,0.005)");
        assert_eq!(Color::hex(0x0a0b0c).alpha(0.5).css_hex(), "#0a0b0c");
        for (r, g, b, alpha) in [(1, 22, 133, 0), (9, 10, 99, 999), (100, 200, 250, 42)] {
            assert_eq!(css_color(r, g, b, alpha), format!("rgba({r},{g},{b},0.{alpha:03})"));
        }
    }
}
