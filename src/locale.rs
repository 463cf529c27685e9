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
        match self {
            Locale::Zh => phrase.chinese(),
            Locale::En => phrase.english(),
        }
    }

    /// A phrase with slots, filled with `parts` in this language: `{0}` is `parts[0]`, and so
    /// on, so each language puts the parts in its own order. A slot with no part stays empty;
    /// braces inside the parts are left as they are.
    pub fn fill(self, template: Template, parts: &[&str]) -> String {
        let pattern = match self {
            Locale::Zh => template.chinese(),
            Locale::En => template.english(),
        };
        let mut out = String::with_capacity(pattern.len() + parts.iter().map(|p| p.len()).sum::<usize>());
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let slot = rest.as_bytes().get(open + 1).filter(|d| d.is_ascii_digit()).map(|d| usize::from(d - b'0'));
            match slot {
                Some(index) if rest.as_bytes().get(open + 2) == Some(&b'}') => {
                    out.push_str(parts.get(index).copied().unwrap_or(""));
                    rest = &rest[open + 3..];
                }
                _ => {
                    out.push('{');
                    rest = &rest[open + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// A fixed piece of text a reader sees. Each language has its own table below, so that the two
/// cannot drift apart; one concept has one wording in each ("same period last year" / 去年同期
/// names the period compared with, "year on year" / 同比 a change against it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The label of the previous period when the report names none.
    PreviousPeriod,
    /// The caption of a compare chart's change.
    ChangeYearOnYear,
    /// The heading of a sum of parts.
    Total,
    /// The notice in place of a broken section.
    BrokenSection,
    /// The line under that notice.
    BrokenHint,
    /// The caption inside a gauge.
    OfTarget,
    /// The fallback table's first column heading.
    HeadingSection,
    /// The fallback table's second column heading.
    HeadingFigure,
    /// The fallback table's third column heading.
    HeadingValue,
    /// The fallback table's fourth column heading.
    HeadingComparison,
    /// The start of the message of a report that cannot be drawn.
    ReportRefused,
    /// Between the parts of a list in running text.
    ListSeparator,
    /// The summary's last sentence: how to explore the figures.
    KeyboardHint,
    /// What the canvas is, for screen readers (its aria-roledescription).
    Infographic,
}

impl Phrase {
    /// The Chinese table.
    fn chinese(self) -> &'static str {
        match self {
            Phrase::PreviousPeriod => "去年同期",
            Phrase::ChangeYearOnYear => "同比增减",
            Phrase::Total => "合计",
            Phrase::BrokenSection => "这部分数据暂时无法显示",
            Phrase::BrokenHint => "其余图表不受影响。编辑可在编辑器的检查结果或 check 命令中查看原因。",
            Phrase::OfTarget => "完成率",
            Phrase::HeadingSection => "板块",
            Phrase::HeadingFigure => "指标",
            Phrase::HeadingValue => "数值",
            Phrase::HeadingComparison => "比较",
            Phrase::ReportRefused => "报告无法显示:",
            Phrase::ListSeparator => ";",
            Phrase::KeyboardHint => "可用方向键逐项浏览。",
            Phrase::Infographic => "信息图",
        }
    }

    /// The English table.
    fn english(self) -> &'static str {
        match self {
            Phrase::PreviousPeriod => "Same period last year",
            Phrase::ChangeYearOnYear => "Change year on year",
            Phrase::Total => "Total",
            Phrase::BrokenSection => "This part of the report cannot be shown yet",
            Phrase::BrokenHint => "The other charts are not affected. Editors: the editor's check list, or the check command, says why.",
            Phrase::OfTarget => "of target",
            Phrase::HeadingSection => "Section",
            Phrase::HeadingFigure => "Figure",
            Phrase::HeadingValue => "Value",
            Phrase::HeadingComparison => "Comparison",
            Phrase::ReportRefused => "The report cannot be shown: ",
            Phrase::ListSeparator => "; ",
            Phrase::KeyboardHint => " Use the arrow keys to step through every figure.",
            Phrase::Infographic => "infographic",
        }
    }
}

/// A piece of text a reader sees with slots for figures and labels, filled by [`Locale::fill`].
/// The slots each template takes are listed on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// A change against the same period last year: {0} sign, {1} amount with its unit.
    Change,
    /// A figure's label for its value in the same period last year: {0} label.
    PreviousOf,
    /// A part's share of a named whole: {0} percentage, {1} the whole.
    ShareOf,
    /// A part's share of the total: {0} percentage.
    ShareOfTotal,
    /// Progress towards the annual target: {0} percentage.
    TargetShare,
    /// A gauge's target under its value: {0} the target with its unit.
    TargetOf,
    /// What one icon of a large pictogram stands for: {0} a value with its unit.
    IconStandsFor,
    /// A funnel step's rate from the step before: {0} percentage.
    StepRate,
    /// A figure in the summary: {0} label, {1} value.
    SummaryFigure,
    /// A figure in the summary with its comparison: {0} label, {1} value, {2} comparison.
    SummaryFigureCompared,
    /// The summary: {0} title, {1} how many figures, {2} the figures listed.
    Summary,
    /// The summary's count of broken sections: {0} how many.
    SummaryBroken,
    /// The live region's words for a focused mark: {0} label, {1} value, {2} position (3/12).
    Announcement,
    /// The same with a comparison: {0} label, {1} value, {2} comparison, {3} position.
    AnnouncementCompared,
}

impl Template {
    /// The Chinese table.
    fn chinese(self) -> &'static str {
        match self {
            Template::Change => "同比{0}{1}",
            Template::PreviousOf => "{0}(去年同期)",
            Template::ShareOf => "占{0}(共{1})",
            Template::ShareOfTotal => "占{0}",
            Template::TargetShare => "占年度目标{0}",
            Template::TargetOf => "目标{0}",
            Template::IconStandsFor => "每个图标代表{0}",
            Template::StepRate => "↓ 为上一步的{0}",
            Template::SummaryFigure => "{0}{1}",
            Template::SummaryFigureCompared => "{0}{1}({2})",
            Template::Summary => "{0}。共{1}项数据,要点:{2}。",
            Template::SummaryBroken => "另有{0}部分数据暂时无法显示。",
            Template::Announcement => "{0}:{1}。第{2}项",
            Template::AnnouncementCompared => "{0}:{1},{2}。第{3}项",
        }
    }

    /// The English table.
    fn english(self) -> &'static str {
        match self {
            Template::Change => "{0}{1} year on year",
            Template::PreviousOf => "{0} (same period last year)",
            Template::ShareOf => "{0} of {1}",
            Template::ShareOfTotal => "{0} of the total",
            Template::TargetShare => "{0} of the annual target",
            Template::TargetOf => "target {0}",
            Template::IconStandsFor => "One icon stands for {0}",
            Template::StepRate => "↓ {0} of the step before",
            Template::SummaryFigure => "{0} {1}",
            Template::SummaryFigureCompared => "{0} {1} ({2})",
            Template::Summary => "{0}. {1} figures; highlights: {2}.",
            Template::SummaryBroken => " {0} part(s) of the report cannot be shown.",
            Template::Announcement => "{0}: {1}. {2}",
            Template::AnnouncementCompared => "{0}: {1}, {2}. {3}",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_filled_in_each_languages_order() {
        assert_eq!(Locale::Zh.fill(Template::Change, &["+", "23天"]), "同比+23天");
        assert_eq!(Locale::En.fill(Template::Change, &["+", "23 days"]), "+23 days year on year");
        assert_eq!(Locale::Zh.fill(Template::ShareOf, &["50%", "{1}"]), "占50%(共{1})");
        assert_eq!(Locale::En.fill(Template::StepRate, &[]), "↓  of the step before");
    }

    #[test]
    fn one_concept_has_one_wording() {
        for locale in [Locale::Zh, Locale::En] {
            // The previous period's bar names the period as the fallback label does.
            let period = locale.say(Phrase::PreviousPeriod).to_lowercase();
            assert!(locale.fill(Template::PreviousOf, &["x"]).to_lowercase().contains(&period), "{locale:?}");
            // A change and the compare chart's caption both say year on year.
            let change = locale.fill(Template::Change, &["", ""]);
            assert!(locale.say(Phrase::ChangeYearOnYear).to_lowercase().contains(change.trim()), "{locale:?}");
        }
    }
}
