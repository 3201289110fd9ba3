//! Every interface string, once per language. `Strings` is a struct, so a string added for one
//! language and missing in another is a compile error, not a blank on the page.
//!
//! Texts of the dataset (figures, projects, sentences) are not here: they live in `data/`.

use crate::model::{Lang, MilestoneKind, Sector};

pub struct Strings {
    /// The language's own name, for the language switch.
    pub own_name: &'static str,
    pub language: &'static str,
    pub skip_to_projects: &'static str,
    pub published: &'static str,
    pub by: &'static str,
    pub show_source: &'static str,
    pub source_title: &'static str,
    pub close: &'static str,
    pub restored_mark: &'static str,
    pub original_text: &'static str,
    pub english_rendering: &'static str,
    pub also_stated_in: &'static str,
    pub derived: &'static str,
    pub how_derived: &'static str,
    pub chart_failed: &'static str,
    pub data_table: &'static str,
    /// A chart's downloads: its image (SVG, PNG) and its data (CSV).
    pub chart_downloads: &'static str,
    pub image: &'static str,
    pub data: &'static str,
    pub table_item: &'static str,
    pub table_value: &'static str,
    pub show_projects: &'static str,
    /// The chapter index's name.
    pub chapters: &'static str,
    /// Before a chapter's links to the cards of the projects it names.
    pub chapter_projects: &'static str,
    /// A card's disclosure (its words for screen readers; the eye sees a chevron): the
    /// article's words, chapter and figures.
    pub card_more: &'static str,
    pub card_chapter: &'static str,
    /// Where the icons come from, and their licence.
    pub icons_credit: &'static str,
    pub projects_title: &'static str,
    pub projects_intro: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub milestone_facet: &'static str,
    pub sector_facet: &'static str,
    /// The button that unfolds the facets on a phone.
    pub filters: &'static str,
    pub sort: &'static str,
    pub sort_article: &'static str,
    pub sort_name: &'static str,
    pub sort_sector: &'static str,
    pub no_results: &'static str,
    pub reset: &'static str,
    pub downloads: &'static str,
    pub all_figures: &'static str,
    pub all_projects: &'static str,
    pub one_file_edition: &'static str,
    pub embed_title: &'static str,
    pub embed_intro: &'static str,
    pub copy_code: &'static str,
    pub copied: &'static str,
    pub error_banner: &'static str,
    /// The text summary of a bar chart, from its items (label and value each).
    pub bar_chart: fn(&[String]) -> String,
    /// What a chart says of the bars the cards' filter selects, from their labels (one or more).
    pub chart_selection: fn(&[String]) -> String,
    pub results: fn(usize, usize) -> String,
    /// Where a quoted sentence stands in the report: its paragraph.
    pub paragraph: fn(u32) -> String,
    pub date: fn(&str) -> String,
    pub sector: fn(Sector) -> &'static str,
    pub milestone: fn(MilestoneKind) -> &'static str,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Hant => &HANT,
        Lang::Hans => &HANS,
        Lang::En => &EN,
    }
}

/// `2025-01-10` → `2025年1月10日`.
fn chinese_date(iso: &str) -> String {
    let mut parts = iso.split('-').map(|p| p.trim_start_matches('0'));
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) => format!("{y}年{m}月{d}日"),
        _ => iso.to_string(),
    }
}

/// `2025-01-10` → `10 January 2025`.
fn english_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<usize> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [y, m @ 1..=12, d] => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

const HANT: Strings = Strings {
    own_name: "繁體中文",
    language: "語言",
    skip_to_projects: "跳到項目一覽",
    published: "資料來源日期",
    by: "撰文",
    show_source: "查看出處",
    source_title: "出處",
    close: "關閉",
    restored_mark: "標示的文字為修復的內容:原文在轉換時損壞。",
    original_text: "原文(含損壞字元)",
    english_rendering: "英文譯文",
    also_stated_in: "同一數字亦見於",
    derived: "推算",
    how_derived: "推算方法",
    chart_failed: "圖表未能繪製;下方的數據表列出相同數字。",
    data_table: "數據表",
    chart_downloads: "下載此圖",
    image: "圖片",
    data: "數據",
    table_item: "項目",
    table_value: "數值",
    show_projects: "查看相關項目",
    chapters: "章節",
    chapter_projects: "文中項目",
    card_more: "報道原文",
    card_chapter: "章節",
    icons_credit: "圖示:Lucide(ISC 授權)",
    projects_title: "項目一覽",
    projects_intro: "報道提及的每個項目、企業、基金與設施。可按進展與領域篩選,或直接搜尋。",
    search: "搜尋項目",
    search_placeholder: "例如:天馬、儲能、Tianma",
    milestone_facet: "進展",
    sector_facet: "領域",
    filters: "篩選",
    sort: "排序",
    sort_article: "按報道順序",
    sort_name: "按名稱",
    sort_sector: "按領域",
    no_results: "沒有符合條件的項目。",
    reset: "清除全部篩選",
    downloads: "下載數據",
    all_figures: "全部數字",
    all_projects: "全部項目",
    one_file_edition: "單一檔案版本(可離線開啟)",
    embed_title: "嵌入此圖表",
    embed_intro: "把以下代碼貼到文章中。圖表沿用目前的語言與篩選,並會自動調整高度。",
    copy_code: "複製代碼",
    copied: "已複製",
    error_banner: "抱歉,圖表出錯了,請重新載入頁面。",
    bar_chart: |items| format!("條形圖:{}。", items.join(";")),
    chart_selection: |labels| format!("已選:{}。", labels.join("、")),
    results: |n, total| format!("顯示 {n} / {total} 個項目"),
    paragraph: |n| format!("報道第{n}段"),
    date: chinese_date,
    sector: |s| match s {
        Sector::NewEnergy => "新能源與儲能",
        Sector::SemiconductorsDisplays => "電子、半導體與顯示",
        Sector::AdvancedManufacturing => "先進製造",
        Sector::DigitalAi => "數字經濟與人工智能",
        Sector::Logistics => "物流",
        Sector::Finance => "科技金融與基金",
        Sector::Research => "科研",
        Sector::PublicFacilities => "教育文化與公共配套",
        Sector::Infrastructure => "基礎設施",
    },
    milestone: |k| match k {
        MilestoneKind::Landed => "簽約落地",
        MilestoneKind::CapitalIncrease => "增資擴產",
        MilestoneKind::ConstructionStart => "開工",
        MilestoneKind::Completion => "竣工",
        MilestoneKind::ProductionStart => "投產",
        MilestoneKind::ToppedOut => "封頂",
        MilestoneKind::Listed => "上市",
        MilestoneKind::Award => "獲獎",
        MilestoneKind::Recognition => "獲評",
        MilestoneKind::Platform => "平台",
        MilestoneKind::Breakthrough => "技術突破",
    },
};

const HANS: Strings = Strings {
    own_name: "简体中文",
    language: "语言",
    skip_to_projects: "跳到项目一览",
    published: "资料来源日期",
    by: "撰文",
    show_source: "查看出处",
    source_title: "出处",
    close: "关闭",
    restored_mark: "标示的文字为修复的内容:原文在转换时损坏。",
    original_text: "原文(含损坏字符)",
    english_rendering: "英文译文",
    also_stated_in: "同一数字亦见于",
    derived: "推算",
    how_derived: "推算方法",
    chart_failed: "图表未能绘制;下方的数据表列出相同数字。",
    data_table: "数据表",
    chart_downloads: "下载此图",
    image: "图片",
    data: "数据",
    table_item: "项目",
    table_value: "数值",
    show_projects: "查看相关项目",
    chapters: "章节",
    chapter_projects: "文中项目",
    card_more: "报道原文",
    card_chapter: "章节",
    icons_credit: "图标:Lucide(ISC 许可)",
    projects_title: "项目一览",
    projects_intro: "报道提及的每个项目、企业、基金与设施。可按进展与领域筛选,或直接搜索。",
    search: "搜索项目",
    search_placeholder: "例如:天马、储能、Tianma",
    milestone_facet: "进展",
    sector_facet: "领域",
    filters: "筛选",
    sort: "排序",
    sort_article: "按报道顺序",
    sort_name: "按名称",
    sort_sector: "按领域",
    no_results: "没有符合条件的项目。",
    reset: "清除全部筛选",
    downloads: "下载数据",
    all_figures: "全部数字",
    all_projects: "全部项目",
    one_file_edition: "单一文件版本(可离线打开)",
    embed_title: "嵌入此图表",
    embed_intro: "把以下代码贴到文章中。图表沿用当前的语言与筛选,并会自动调整高度。",
    copy_code: "复制代码",
    copied: "已复制",
    error_banner: "抱歉,图表出错了,请重新加载页面。",
    bar_chart: |items| format!("条形图:{}。", items.join(";")),
    chart_selection: |labels| format!("已选:{}。", labels.join("、")),
    results: |n, total| format!("显示 {n} / {total} 个项目"),
    paragraph: |n| format!("报道第{n}段"),
    date: chinese_date,
    sector: |s| match s {
        Sector::NewEnergy => "新能源与储能",
        Sector::SemiconductorsDisplays => "电子、半导体与显示",
        Sector::AdvancedManufacturing => "先进制造",
        Sector::DigitalAi => "数字经济与人工智能",
        Sector::Logistics => "物流",
        Sector::Finance => "科技金融与基金",
        Sector::Research => "科研",
        Sector::PublicFacilities => "教育文化与公共配套",
        Sector::Infrastructure => "基础设施",
    },
    milestone: |k| match k {
        MilestoneKind::Landed => "签约落地",
        MilestoneKind::CapitalIncrease => "增资扩产",
        MilestoneKind::ConstructionStart => "开工",
        MilestoneKind::Completion => "竣工",
        MilestoneKind::ProductionStart => "投产",
        MilestoneKind::ToppedOut => "封顶",
        MilestoneKind::Listed => "上市",
        MilestoneKind::Award => "获奖",
        MilestoneKind::Recognition => "获评",
        MilestoneKind::Platform => "平台",
        MilestoneKind::Breakthrough => "技术突破",
    },
};

const EN: Strings = Strings {
    own_name: "English",
    language: "Language",
    skip_to_projects: "Skip to the projects",
    published: "Source dated",
    by: "By",
    show_source: "Show source",
    source_title: "Source",
    close: "Close",
    restored_mark: "Marked characters are restored: the source text was damaged in conversion.",
    original_text: "Original (with the damaged characters)",
    english_rendering: "English rendering",
    also_stated_in: "The same figure is also stated in",
    derived: "Derived",
    how_derived: "How it was derived",
    chart_failed: "The chart could not be drawn; the data table below lists the same numbers.",
    data_table: "Data table",
    chart_downloads: "Download this chart",
    image: "Image",
    data: "Data",
    table_item: "Item",
    table_value: "Value",
    show_projects: "Show these projects",
    chapters: "Chapters",
    chapter_projects: "Projects named",
    card_more: "From the report",
    card_chapter: "Chapter",
    icons_credit: "Icons: Lucide (ISC License)",
    projects_title: "The projects",
    projects_intro: "Every project, firm, fund and facility in the report. Filter by milestone and sector, or search.",
    search: "Search projects",
    search_placeholder: "e.g. Tianma, storage, school",
    milestone_facet: "Milestone",
    sector_facet: "Sector",
    filters: "Filter",
    sort: "Sort",
    sort_article: "Report order",
    sort_name: "By name",
    sort_sector: "By sector",
    no_results: "No project matches.",
    reset: "Clear all filters",
    downloads: "Download the data",
    all_figures: "All figures",
    all_projects: "All projects",
    one_file_edition: "One-file edition (opens offline)",
    embed_title: "Embed this graphic",
    embed_intro: "Paste this code into an article. The graphic keeps the current language and filters, and sizes itself.",
    copy_code: "Copy the code",
    copied: "Copied",
    error_banner: "Sorry, the infographic stopped working. Please reload the page.",
    bar_chart: |items| format!("Bar chart: {}.", items.join("; ")),
    chart_selection: |labels| format!("Selected: {}.", labels.join("; ")),
    results: |n, total| format!("{n} of {total} projects"),
    paragraph: |n| format!("Paragraph {n} of the report"),
    date: english_date,
    sector: |s| match s {
        Sector::NewEnergy => "New energy & storage",
        Sector::SemiconductorsDisplays => "Electronics, chips & displays",
        Sector::AdvancedManufacturing => "Advanced manufacturing",
        Sector::DigitalAi => "Digital & AI",
        Sector::Logistics => "Logistics",
        Sector::Finance => "Funds & finance",
        Sector::Research => "Research",
        Sector::PublicFacilities => "Education, culture & public facilities",
        Sector::Infrastructure => "Infrastructure",
    },
    milestone: |k| match k {
        MilestoneKind::Landed => "Signed & launched",
        MilestoneKind::CapitalIncrease => "Capital increase",
        MilestoneKind::ConstructionStart => "Construction start",
        MilestoneKind::Completion => "Completion",
        MilestoneKind::ProductionStart => "Production start",
        MilestoneKind::ToppedOut => "Topped out",
        MilestoneKind::Listed => "Listed",
        MilestoneKind::Award => "Award",
        MilestoneKind::Recognition => "Recognition",
        MilestoneKind::Platform => "Platform",
        MilestoneKind::Breakthrough => "Breakthrough",
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::Named;
    use dataset::load::hans::traditional_only_chars;

    #[test]
    fn dates_read_naturally() {
        assert_eq!((HANT.date)("2025-01-10"), "2025年1月10日");
        assert_eq!((EN.date)("2025-01-10"), "10 January 2025");
        assert_eq!((EN.date)("nonsense"), "nonsense");
    }

    #[test]
    fn simplified_strings_have_no_traditional_only_characters() {
        let s = &HANS;
        let mut all = vec![
            s.language,
            s.skip_to_projects,
            s.published,
            s.show_source,
            s.source_title,
            s.close,
            s.restored_mark,
            s.original_text,
            s.also_stated_in,
            s.chart_failed,
            s.data_table,
            s.chart_downloads,
            s.image,
            s.data,
            s.show_projects,
            s.chapters,
            s.chapter_projects,
            s.card_more,
            s.card_chapter,
            s.icons_credit,
            s.projects_title,
            s.projects_intro,
            s.search,
            s.milestone_facet,
            s.sector_facet,
            s.filters,
            s.sort_article,
            s.sort_name,
            s.sort_sector,
            s.no_results,
            s.reset,
            s.downloads,
            s.error_banner,
            s.how_derived,
        ];
        all.extend(Sector::ALL.iter().map(|&x| (s.sector)(x)));
        all.extend(MilestoneKind::ALL.iter().map(|&k| (s.milestone)(k)));
        for text in all {
            assert!(
                traditional_only_chars(text).is_empty(),
                "{text}: {:?}",
                traditional_only_chars(text)
            );
        }
    }
}
