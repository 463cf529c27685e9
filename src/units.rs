//! The units Chinese statistical reports use, with their English form. A unit is read as an
//! optional magnitude (万 1e4, 亿 1e8) and a base from [`BASES`]: 320亿美元 is 3.2e10 US
//! dollars, which English writes "32 billion US dollars". A unit neither here nor given an
//! English form in the report (`unit_en`) draws as written and earns the editor a warning.

use crate::format::indexed;
use crate::locale::Locale;
use crate::report::Report;

/// Base units and their English form. "" for measure words English leaves to the label
/// (4786个 → 4,786); "%", "‰" are set without a space.
static BASES: &[(&str, &str)] = &[
    ("元", "yuan"),
    ("美元", "US dollars"),
    ("欧元", "euros"),
    ("港元", "HK dollars"),
    ("人", "people"),
    ("名", "people"),
    ("人次", "person-times"),
    ("次", "times"),
    ("户", ""),
    ("个", ""),
    ("家", ""),
    ("所", ""),
    ("条", ""),
    ("套", ""),
    ("件", ""),
    ("项", ""),
    ("张", ""),
    ("座", ""),
    ("处", ""),
    ("台", ""),
    ("部", ""),
    ("栋", ""),
    ("幢", ""),
    ("间", ""),
    ("场", ""),
    ("批", ""),
    ("笔", ""),
    ("宗", ""),
    ("支", ""),
    ("位", ""),
    ("辆", "vehicles"),
    ("棵", "trees"),
    ("株", "trees"),
    ("床", "beds"),
    ("公里", "km"),
    ("千米", "km"),
    ("米", "m"),
    ("平方公里", "km²"),
    ("平方千米", "km²"),
    ("平方米", "㎡"),
    ("㎡", "㎡"),
    ("立方米", "m³"),
    ("亩", "mu"),
    ("公顷", "hectares"),
    ("吨", "tonnes"),
    ("吨标准煤", "tonnes of standard coal"),
    ("载重吨", "dwt"),
    ("标准箱", "TEU"),
    ("千克", "kg"),
    ("公斤", "kg"),
    ("千瓦", "kW"),
    ("千瓦时", "kWh"),
    ("度", "kWh"),
    ("兆瓦", "MW"),
    ("微克/立方米", "µg/m³"),
    ("毫克/立方米", "mg/m³"),
    // Per something: what the extractor reads as one unit (2.1万元/户, 4.2万辆/日).
    ("元/平方米", "yuan/m²"),
    ("元/㎡", "yuan/m²"),
    ("元/户", "yuan per household"),
    ("元/人", "yuan per person"),
    ("元/吨", "yuan per tonne"),
    ("辆/日", "vehicles a day"),
    ("人次/日", "visits a day"),
    ("吨/日", "tonnes a day"),
    ("立方米/日", "m³ a day"),
    ("吨标准煤/万元", "tonnes of standard coal per 10,000 yuan"),
    ("立方米/万元", "m³ per 10,000 yuan"),
    ("千瓦时/万元", "kWh per 10,000 yuan"),
    ("%", "%"),
    ("‰", "‰"),
    ("个百分点", "percentage points"),
    ("个千分点", "points per thousand"),
    ("倍", "times"),
    ("天", "days"),
    ("日", "days"),
    ("小时", "hours"),
    ("分钟", "minutes"),
    ("年", "years"),
    ("岁", "years"),
];

/// A unit split into its Chinese magnitude and its base: 亿元 is 1e8 and 元.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit<'a> {
    pub magnitude: f64,
    pub base: &'a str,
}

impl<'a> Unit<'a> {
    /// Splits a leading 亿 or 万 off a unit, unless the unit is a base itself.
    pub fn parse(unit: &'a str) -> Unit<'a> {
        if english(unit).is_none() {
            for (prefix, magnitude) in [("亿", 1e8), ("万", 1e4)] {
                if let Some(base) = unit.strip_prefix(prefix) {
                    return Unit { magnitude, base };
                }
            }
        }
        Unit { magnitude: 1.0, base: unit }
    }

    /// The base in English, or as written when the table does not know it.
    pub fn english(&self) -> &'a str {
        english(self.base).unwrap_or(self.base)
    }
}

/// The English form of a base unit, if the table has it.
pub fn english(base: &str) -> Option<&'static str> {
    BASES.iter().find(|(zh, _)| *zh == base).map(|(_, en)| *en)
}

/// Whether English can write `unit` from the table (magnitude and base): 亿美元 yes, 标方 no.
pub fn known(unit: &str) -> bool {
    let parsed = Unit::parse(unit);
    parsed.base.is_empty() || english(parsed.base).is_some()
}

/// A unit English readers would see in Chinese: not in the table and no `unit_en`.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownUnit {
    /// The field to fill in: `sections[2].figures[0].unit_en`.
    pub path: String,
    pub unit: String,
}

impl UnknownUnit {
    /// What to tell the editor, in their language.
    pub fn message(&self, locale: Locale) -> String {
        match locale {
            Locale::Zh => [&self.path, ": 单位“", &self.unit, "”不在单位表中,英文版将照原样显示;请填写英文单位(unit_en)"].concat(),
            Locale::En => [&self.path, ": the unit \"", &self.unit, "\" is not in the unit table; English readers will see it as written: fill in its English unit (unit_en)"].concat(),
        }
    }
}

/// Every figure whose unit English cannot write: a warning, not an error (the report draws).
pub fn unknown_units(report: &Report) -> Vec<UnknownUnit> {
    let mut found = Vec::new();
    for (s, slot) in report.sections.iter().enumerate() {
        let crate::report::SectionSlot::Valid(section) = slot else { continue };
        for (f, figure) in section.figures.iter().enumerate() {
            if figure.unit_en.is_none() && !known(&figure.unit) {
                let figures = indexed("sections", s) + ".figures";
                // The field to fill in: the English unit (an editor's click lands there).
                let path = indexed(&figures, f) + ".unit_en";
                found.push(UnknownUnit { path, unit: figure.unit.clone() });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::format_value;

    fn en(value: f64, unit: &str) -> String {
        format_value(value, unit, None, None, Locale::En)
    }

    #[test]
    fn english_scales_with_the_magnitude() {
        assert_eq!(en(320.0, "亿美元"), "32 billion US dollars");
        assert_eq!(en(48.0, "微克/立方米"), "48 µg/m³");
        assert_eq!(en(86.3, "万人"), "863,000 people");
        assert_eq!(en(1250.0, "万人次"), "12.5 million person-times");
        assert_eq!(en(3.5, "万亩"), "35,000 mu");
        assert_eq!(en(12.0, "万千瓦时"), "120,000 kWh");
        assert_eq!(en(6.8, "‰"), "6.8‰");
        // Deadweight tonnes take the magnitude; a unit per 万元 keeps it in the unit.
        assert_eq!(en(86.5, "万载重吨"), "865,000 dwt");
        assert_eq!(en(0.86, "吨标准煤/万元"), "0.86 tonnes of standard coal per 10,000 yuan");
        assert_eq!(en(74.4, "万㎡"), "744,000 ㎡");
        // 万 and 亿 alone are magnitudes of a count.
        assert_eq!(en(3.0, "万"), "30,000");
    }

    #[test]
    fn units_outside_the_table_are_named() {
        assert!(known("亿美元") && known("万千瓦时") && known("个") && known("") && known("%"));
        assert!(!known("标方") && !known("万标方"));
        let report = Report::from_json_str(
            r#"{"title": "T", "period": "P", "source": "S", "sections": [{"id": "s", "kind": "stats", "title": "t", "figures": [
                {"id": "a", "label": "a", "value": 1, "unit": "标方"},
                {"id": "b", "label": "b", "value": 1, "unit": "标方", "unit_en": "standard m³"},
                {"id": "c", "label": "c", "value": 1, "unit": "亿美元"}]}]}"#,
        );
        let found = report.map(|r| unknown_units(&r)).unwrap_or_default();
        assert_eq!(found, vec![UnknownUnit { path: "sections[0].figures[0].unit_en".into(), unit: "标方".into() }]);
        assert!(found[0].message(Locale::En).contains("unit_en"));
    }
}
