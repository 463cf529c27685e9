//! The extractor on short passages of the genre: each relation it reads, and what it leaves out.

use super::*;
use crate::report::Report;

fn drafted(text: &str) -> Draft {
    match draft(text) {
        Ok(draft) => draft,
        Err(e) => panic!("{e}: {text}"),
    }
}

/// Every figure as (label, value, unit).
fn figures(draft: &Draft) -> Vec<(String, f64, String)> {
    draft.report.sections.iter().flat_map(|s| s.figures.iter().map(|f| (f.label.clone(), f.value, f.unit.clone()))).collect()
}

fn valid(draft: &Draft) {
    let report = Report::from_json_str(&draft.to_json()).unwrap_or_else(|e| panic!("{}\n{}", e.message(Locale::En), draft.to_json()));
    assert!(report.problems().is_empty(), "{:?}\n{}", report.problems(), draft.to_json());
}

#[test]
fn a_statistical_communique() {
    let d = drafted("某县2023年国民经济和社会发展统计公报\n\n一、综合\n\n全年全县生产总值实现215.6亿元,比上年增长5.2%。年末常住人口38.2万人。");
    valid(&d);
    assert_eq!(d.report.period, "2023年全年");
    let found = figures(&d);
    assert!(found.contains(&("全县生产总值".to_string(), 215.6, "亿元".to_string())), "{found:?}");
    assert!(found.iter().any(|f| f.1 == 38.2 && f.2 == "万人"), "{found:?}");
    assert!(d.report.sections.iter().any(|s| s.note.as_deref().is_some_and(|n| n.contains("比上年增长5.2%"))));
}

#[test]
fn previous_from_an_absolute_change_is_computed_and_said() {
    let d = drafted("标题\n\n上半年优良天数85天,同比增加23天。");
    valid(&d);
    let figure = &d.report.sections[0].figures[0];
    assert_eq!((figure.value, figure.previous), (85.0, Some(62.0)));
    assert_eq!(d.report.sections[0].kind, "compare");
    assert!(d.warnings.iter().any(|w| w.path.ends_with(".previous")));
}

#[test]
fn a_percentage_change_is_never_a_previous_value() {
    let d = drafted("标题\n\n社会消费品零售总额115.1亿元,同比下降3.1%。");
    let figure = &d.report.sections[0].figures[0];
    assert_eq!(figure.previous, None);
    assert_eq!(figures(&d).len(), 1);
}

#[test]
fn subsets_parts_steps_and_targets() {
    let d = drafted("标题\n\n新引进项目18个,拟投资额163亿元,其中超10亿元项目6个。\n\n487个老旧小区改造已全部开工,267个完成改造。\n\n谋划上报中央投资项目77个,省发改委审核通过并推送国家发改委项目51个。\n\n25个重点项目完成投资172.4亿元,占年度目标的56.9%。");
    valid(&d);
    let kinds: Vec<&str> = d.report.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, vec!["pictogram", "ring", "funnel", "stats", "gauge"]);
    assert_eq!(d.report.sections[1].figures[0].total, Some(487.0));
    assert_eq!(d.report.sections[4].figures[0].progress, Some(56.9));
    assert!(!figures(&d).iter().any(|f| f.1 == 10.0), "the threshold 超10亿元 is not a figure");
}

#[test]
fn what_is_not_a_figure() {
    for text in ["7月31日上午,中原区委十一届十次全体(扩大)会议召开。", "西站路82号院、世界500强、“四个中原”、CCD、5G。", "电话0371-67890123。", "2020年上半年,第一季度。"] {
        assert_eq!(draft(&format!("标题\n\n{text}")).err(), Some(DraftError::NoFigure), "{text}");
    }
}

#[test]
fn full_width_digits_ranges_and_air_quality() {
    let d = drafted("标题\n\nPM2.5平均浓度为４５微克/立方米。新建公园3至5个。出口额1.2亿美元。");
    valid(&d);
    let found = figures(&d);
    assert!(found.iter().any(|f| f.1 == 45.0 && f.2 == "微克/立方米"), "{found:?}");
    assert!(found.iter().any(|f| f.1 == 5.0 && f.2 == "个"), "{found:?}");
    assert!(found.iter().any(|f| f.1 == 1.2 && f.2 == "亿美元"), "{found:?}");
    assert!(d.warnings.iter().any(|w| w.path.ends_with(".value")));
}

#[test]
fn empty_and_figureless_text() {
    assert_eq!(draft("").err(), Some(DraftError::Empty));
    assert_eq!(draft(" \n\t ").err(), Some(DraftError::Empty));
    assert_eq!(draft("只有文字,没有数字。").err(), Some(DraftError::NoFigure));
}

#[test]
fn a_change_since_the_year_start_is_previous_only_in_a_report_of_a_whole_year() {
    let half = drafted("2025年上半年经济运行情况\n\n6月末,各项存款余额1286.4亿元,比年初增加96.3亿元。城镇登记失业率2.8%,比一季度末下降0.1个百分点。高新技术企业286家,较去年同期增加39家。");
    valid(&half);
    let previous: Vec<(f64, Option<f64>)> = half.report.sections.iter().flat_map(|s| s.figures.iter().map(|f| (f.value, f.previous))).collect();
    assert_eq!(previous, vec![(1286.4, None), (2.8, None), (286.0, Some(247.0))], "{}", half.to_json());
    // The changes stay in the notes.
    let notes: Vec<&str> = half.report.sections.iter().filter_map(|s| s.note.as_deref()).collect();
    assert!(notes.iter().any(|n| n.contains("比年初增加96.3亿元")) && notes.iter().any(|n| n.contains("比一季度末下降0.1个百分点")), "{notes:?}");
    // An earlier value stated at the start of the year, likewise.
    let stated = drafted("2025年上半年工作总结\n\n无物业管理的老旧小区由年初的34个减少到9个。");
    assert_eq!(stated.report.sections[0].figures[0].previous, None, "{}", stated.to_json());
    let year = drafted("2024年统计公报\n\n年末各项存款余额412.6亿元,比年初增加46.8亿元。常住人口54.52万人,比上年末的54.89万人减少0.37万人。失业率2.8%,比三季度末下降0.1个百分点。");
    let previous: Vec<(f64, Option<f64>)> = year.report.sections.iter().flat_map(|s| s.figures.iter().map(|f| (f.value, f.previous))).collect();
    assert_eq!(previous, vec![(412.6, Some(365.8)), (54.52, Some(54.89)), (2.8, None)], "{}", year.to_json());
}

#[test]
fn no_funnel_bars_or_compare_mixes_units() {
    let d = drafted("标题\n\n19个新开工项目已开工15个,其中总投资82亿元的码头工程于5月28日开工建设。\n\n社会消费品零售总额152.7亿元;发放消费券2800万元,充电量2365万千瓦时,接待游客约46.8万人次,旅游收入3.2亿元。\n\n规上工业企业412家,比去年同期增加23家;亏损企业63家,比去年同期减少11家。单位增加值能耗0.86吨标准煤/万元,去年同期为0.89吨标准煤/万元。");
    valid(&d);
    for section in &d.report.sections {
        if matches!(section.kind, "funnel" | "bars" | "parts" | "compare") {
            let units: Vec<&str> = section.figures.iter().map(|f| f.unit.as_str()).collect();
            assert!(units.iter().all(|u| *u == units[0]), "{} {}: {units:?}", section.kind, section.title);
        }
    }
    let compares: Vec<usize> = d.report.sections.iter().filter(|s| s.kind == "compare").map(|s| s.figures.len()).collect();
    assert_eq!(compares, vec![2, 1], "{}", d.to_json());
    assert!(figures(&d).iter().any(|f| f.1 == 82.0 && f.2 == "亿元"));
}

#[test]
fn a_count_then_how_many_of_it_are_done_is_a_ring() {
    let d = drafted("标题\n\n19个新开工项目已开工15个,其中总投资82亿元的码头工程于5月28日开工建设。");
    valid(&d);
    let ring = d.report.sections.iter().find(|s| s.kind == "ring").unwrap_or_else(|| panic!("{}", d.to_json()));
    let figure = &ring.figures[0];
    assert_eq!((figure.label.as_str(), figure.value, figure.total, figure.total_label.as_deref()), ("已开工", 15.0, Some(19.0), Some("新开工项目")));
}

#[test]
fn a_markdown_table_is_read_as_prose() {
    let d = drafted("2025年前三季度某县经济运行简析\n\n二、工业\n\n主要指标见表1。\n\n表1　2025年前三季度某县工业主要指标\n\n| 指标 | 单位 | 2025年1-9月 | 2024年1-9月 | 同比增长(%) |\n| --- | --- | --- | --- | --- |\n| 规模以上工业增加值 | — | — | — | 7.8 |\n| 固定资产投资 | 亿元 | 168.42 | 172.56 | -2.4 |\n| 其中:工业投资 | 亿元 | 71.35 | 62.87 | 13.5 |\n| 　　　房地产开发投资 | 亿元 | 29.76 | 38.94 | -23.6 |\n| 亿元以上在建项目 | 个 | 127 | 118 | 7.6 |\n\n注:统计范围为计划总投资500万元及以上的项目。\n\n全县规上工业企业达到236家。");
    valid(&d);
    let got: Vec<(String, f64, Option<f64>, Option<f64>)> = d.report.sections.iter().flat_map(|s| s.figures.iter().map(|f| (f.label.clone(), f.value, f.previous, f.total))).collect();
    for wanted in [
        ("固定资产投资".to_string(), 168.42, Some(172.56), None),
        ("工业投资".to_string(), 71.35, Some(62.87), Some(168.42)),
        ("房地产开发投资".to_string(), 29.76, Some(38.94), Some(168.42)),
        ("亿元以上在建项目".to_string(), 127.0, Some(118.0), None),
    ] {
        assert!(got.contains(&wanted), "{wanted:?} in {got:?}");
    }
    assert!(!got.iter().any(|f| f.1 == 500.0 || f.1 == 7.8), "{got:?}");
    // The note under the table is its own: the prose after it is read.
    assert!(got.iter().any(|f| f.1 == 236.0), "{got:?}");
    assert!(d.report.sections.iter().any(|s| s.note.as_deref().is_some_and(|n| n.contains("工业投资同比增长13.5%"))), "{}", d.to_json());
}

#[test]
fn a_net_change_gives_the_previous_value() {
    let d = drafted("标题\n\n9月末,全县规上工业企业达到236家,比上年同期净增14家。");
    let found: Vec<(f64, Option<f64>)> = d.report.sections.iter().flat_map(|s| s.figures.iter().map(|f| (f.value, f.previous))).collect();
    assert_eq!(found, vec![(236.0, Some(222.0))], "{}", d.to_json());
}

#[test]
fn a_numbered_point_is_not_part_of_a_title() {
    let d = drafted("标题\n\n一是龙头企业支撑有力。产值超10亿元的企业达到11家,合计实现产值213.56亿元。");
    let titles: Vec<&str> = d.report.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, vec!["龙头企业支撑有力"], "{}", d.to_json());
}

#[test]
fn a_dateline_gives_the_source() {
    let d = drafted("首页 > 政务公开 > 统计信息 > 统计分析\n\n2025年前三季度某县经济运行简析\n\n发布时间:2025-10-24 16:05　　来源:某县统计局　　浏览次数:1286\n\n前三季度,全县地区生产总值312.46亿元。");
    assert_eq!(d.report.title, "2025年前三季度某县经济运行简析");
    assert_eq!(d.report.source, "数据来源:某县统计局《2025年前三季度某县经济运行简析》,2025年10月24日");
}

#[test]
fn a_figure_stated_in_prose_and_in_a_table_is_kept_once() {
    let d = drafted("2025年前三季度经济运行简析\n\n三、投资\n\n前三季度,全县固定资产投资168.42亿元,同比下降2.4%,降幅比上半年收窄1.3个百分点。\n\n| 指标 | 单位 | 2025年1-9月 | 2024年1-9月 | 同比增长(%) |\n| --- | --- | --- | --- | --- |\n| 固定资产投资 | 亿元 | 168.42 | 172.56 | -2.4 |\n| 商品房销售额 | 亿元 | 21.37 | 27.64 | -22.7 |");
    valid(&d);
    let found: Vec<(f64, Option<f64>)> = d.report.sections.iter().flat_map(|s| s.figures.iter().map(|f| (f.value, f.previous))).collect();
    assert_eq!(found, vec![(168.42, Some(172.56)), (21.37, Some(27.64))], "{}", d.to_json());
    assert!(d.report.sections[0].note.as_deref().is_some_and(|n| n.contains("收窄1.3个百分点")), "{}", d.to_json());
}

#[test]
fn a_word_ending_in_an_approximation_word_keeps_its_figure_exact() {
    let d = drafted("标题\n\n社区卫生服务中心完成家庭医生签约1.26万人,参与群众约1.8万人次。");
    let exact = d.report.sections.iter().flat_map(|s| &s.figures).find(|f| f.value == 1.26).unwrap_or_else(|| panic!("{}", d.to_json()));
    assert_eq!((exact.label.as_str(), exact.approx), ("社区卫生服务中心完成家庭医生签约", None));
    assert!(d.report.sections.iter().flat_map(|s| &s.figures).any(|f| f.value == 1.8 && f.approx == Some("about")));
}

#[test]
fn a_list_after_a_comma_mark_counts_each_item() {
    let d = drafted("标题\n\n开展职业技能培训23期、培训1150人次。");
    let found = figures(&d);
    assert!(found.contains(&("开展职业技能培训".to_string(), 23.0, "期".to_string())), "{found:?}");
    assert!(found.contains(&("培训人次".to_string(), 1150.0, "人次".to_string())), "{found:?}");
    // A phase before its noun is a name, not a count.
    assert!(figures(&drafted("标题\n\n3期项目已开工,投资5亿元。")).iter().all(|f| f.2 != "期"));
}

#[test]
fn the_time_of_a_previous_value_is_no_label() {
    let d = drafted("标题\n\n刑事案件发案数同比下降12.4%,由去年同期的217起下降到190起。无物业管理的老旧小区由年初的34个减少到9个。");
    valid(&d);
    let labels: Vec<(String, f64)> = figures(&d).into_iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(labels, vec![("刑事案件发案数".to_string(), 190.0), ("无物业管理的老旧小区".to_string(), 9.0)], "{}", d.to_json());
    assert!(d.report.sections.iter().all(|s| !s.title.contains("同期") && !s.title.contains("年初")));
}

#[test]
fn a_count_before_a_rate_is_labelled_by_its_noun() {
    let d = drafted("标题\n\n辖区12栋商务楼宇入驻率达到87.5%,比年初提高3.2个百分点。");
    let found = figures(&d);
    assert!(found.contains(&("商务楼宇".to_string(), 12.0, "栋".to_string())), "{found:?}");
    assert!(found.contains(&("商务楼宇入驻率".to_string(), 87.5, "%".to_string())), "{found:?}");
}

#[test]
fn rates_of_another_sentence_are_another_ring() {
    let d = drafted("标题\n\n垃圾分类小区覆盖率达到96%。受理12345热线诉求5231件,办结率99.2%,群众满意率97.6%。");
    valid(&d);
    let rings: Vec<(String, Vec<f64>)> = d.report.sections.iter().filter(|s| s.kind == "ring").map(|s| (s.title.clone(), s.figures.iter().map(|f| f.value).collect())).collect();
    assert_eq!(rings, vec![("垃圾分类小区覆盖率".to_string(), vec![96.0]), ("受理12345热线诉求".to_string(), vec![99.2, 97.6])], "{}", d.to_json());
}

#[test]
fn the_base_of_a_completion_rate_is_only_a_total() {
    let d = drafted("标题\n\n全年计划实施重点项目24个,上半年已开工18个,开工率75%。新签约项目31个。");
    valid(&d);
    let found = figures(&d);
    assert!(!found.iter().any(|f| f.1 == 24.0), "{found:?}");
    let ring = d.report.sections.iter().find(|s| s.kind == "ring").unwrap_or_else(|| panic!("{}", d.to_json()));
    assert_eq!((ring.figures[0].value, ring.figures[0].total), (18.0, Some(24.0)));
    // A stated whole with a subset (其中) stays a figure of its own, as the editors keep it.
    let d = drafted("标题\n\n便民服务中心上半年共办理各类事项2.7万件,其中“一网通办”事项1.9万件,占比70.4%。");
    assert!(figures(&d).iter().any(|f| f.1 == 2.7), "{}", d.to_json());
}

#[test]
fn a_count_then_how_many_of_it_have_done_something_is_a_ring() {
    let d = drafted("标题\n\n全街道共有居民小区142个,已实现物业管理全覆盖的小区118个。开展安全生产检查1530家次,发现隐患2046处,已整改2011处。");
    valid(&d);
    let rings: Vec<(f64, Option<f64>)> = d.report.sections.iter().filter(|s| s.kind == "ring").flat_map(|s| s.figures.iter().map(|f| (f.value, f.total))).collect();
    assert_eq!(rings, vec![(118.0, Some(142.0)), (2011.0, Some(2046.0))], "{}", d.to_json());
    let found = figures(&d);
    assert!(!found.iter().any(|f| f.1 == 142.0 || f.1 == 2046.0), "{found:?}");
}
