//! The two languages the infographic reads in, and the interface strings of each.

/// A reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// Simplified Chinese, the report's own language.
    #[default]
    Zh,
    /// English.
    En,
}

impl Locale {
    /// Parses `zh` or `en` (and regional forms such as `zh-CN`, `en-GB`).
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Locale::Zh),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// An interface string in this language.
    pub fn say(self, phrase: Phrase) -> &'static str {
        let zh = self == Locale::Zh;
        match phrase {
            Phrase::PreviousPeriod if zh => "去年同期",
            Phrase::PreviousPeriod => "A year before",
            Phrase::Total if zh => "合计",
            Phrase::Total => "Total",
            Phrase::BrokenSection if zh => "这部分数据暂时无法显示",
            Phrase::BrokenSection => "This part of the report cannot be shown yet",
            Phrase::BrokenHint if zh => "其余图表不受影响。编辑可用 check 命令查看详情。",
            Phrase::BrokenHint => "The other charts are not affected. Editors: run check for details.",
            Phrase::OfTarget if zh => "年度目标",
            Phrase::OfTarget => "of the annual target",
            Phrase::Infographic if zh => "信息图",
            Phrase::Infographic => "infographic",
        }
    }
}

/// A fixed piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    PreviousPeriod,
    Total,
    BrokenSection,
    BrokenHint,
    OfTarget,
    /// What the canvas is, for assistive technology (aria-roledescription).
    Infographic,
}
