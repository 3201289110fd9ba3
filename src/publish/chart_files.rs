//! The charts as files to download, as Datawrapper gives them: each chart's image, as SVG and
//! as PNG at twice its size, with its title above it and its source and credit below (so an
//! editor can put it in a slide or a print page), and its figures as CSV. The image is the
//! chart's inline SVG (`chart_svg`) in the page's light colours; resvg draws the PNG with the
//! fonts of the preview images.

use super::{downloads, preview, PublishError};
use crate::charts::{data_path, height, image_path, WIDTH};
use crate::i18n::strings;
use crate::model::{BarChart, Dataset, Lang};
use html_escape::encode_text;
use std::sync::Arc;

/// Room around the chart, above it for the title and below it for the source and credit.
const PAD: u32 = 16;
const HEAD: u32 = 44;
/// The foot's lines of 10 px text.
const FOOT_LINE: u32 = 16;
/// The page's light colours (style/main.css), which the inline SVG takes from CSS.
const STYLE: &str = "text{fill:#1b1f24;font-size:12px}.chart-axis{fill:none;stroke:#4d5560}.bar-shape{fill:#b3261e}.bar-hit{fill:none}.title{font-size:16px;font-weight:700}.foot{fill:#4d5560;font-size:10px}";

/// The files of one chart in `lang`, drawn from its inline SVG: (path in `dist/`, content).
pub fn files(
    ds: &Dataset,
    spec: &BarChart,
    lang: Lang,
    inline: &str,
    fonts: &Arc<resvg::usvg::fontdb::Database>,
) -> Result<Vec<(String, Vec<u8>)>, PublishError> {
    let svg = image(ds, spec, lang, inline);
    let png = preview::draw(&svg, 2.0, fonts).map_err(|e| {
        PublishError::Preview(format!("{}: {e}", image_path(&spec.id, lang, "png")))
    })?;
    Ok(vec![
        (image_path(&spec.id, lang, "svg"), svg.into_bytes()),
        (image_path(&spec.id, lang, "png"), png),
    ])
}

/// The chart's figures as CSV, for all languages.
pub fn data(ds: &Dataset, spec: &BarChart) -> (String, Vec<u8>) {
    (
        data_path(&spec.id),
        downloads::chart_csv(ds, spec).into_bytes(),
    )
}

/// The image as SVG: title, chart, source and credit.
fn image(ds: &Dataset, spec: &BarChart, lang: Lang, inline: &str) -> String {
    let meta = &ds.meta;
    let title = ds
        .groups
        .iter()
        .find(|g| g.id == spec.group)
        .map_or("", |g| g.title.get(lang));
    let (width, chart) = (WIDTH + 2 * PAD, height(spec));
    let source = format!("{}: {}", strings(lang).source_title, meta.source.get(lang));
    let credit = format!("{} · {}", meta.title.get(lang), meta.byline.get(lang));
    // Columns to the chart's width: 34 CJK characters (two columns each), or about 62 Latin.
    let columns = if lang == Lang::En { 62 } else { 68 };
    let foot: String = [source, credit]
        .iter()
        .flat_map(|text| textwrap::wrap(text, columns))
        .enumerate()
        .map(|(i, line)| {
            let y = HEAD + chart + 20 + FOOT_LINE * i as u32;
            format!(
                r#"<text class="foot" x="{PAD}" y="{y}">{}</text>"#,
                encode_text(&line)
            )
        })
        .collect();
    let total = HEAD + chart + 8 + FOOT_LINE * foot.matches("<text").count() as u32;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total}" viewBox="0 0 {width} {total}" font-family="{family}, sans-serif"><style>{STYLE}</style><rect width="{width}" height="{total}" fill="#ffffff"/><text class="title" x="{PAD}" y="28">{title}</text><g transform="translate({PAD} {HEAD})">{inline}</g>{foot}</svg>"##,
        // (Readers' systems may not have Noto: then their own sans-serif.)
        family = preview::family(lang),
        title = encode_text(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::dataset;

    #[test]
    fn the_image_carries_its_title_source_and_credit() {
        let spec = crate::charts::chart(dataset(), "investment-projects").unwrap();
        let svg = image(
            dataset(),
            spec,
            Lang::Hant,
            "<svg class=\"chart-svg\"></svg>",
        );
        for want in [
            ">招商引資強磁場</text>",
            "出處: 關於廈門火炬高新區",
            "火炬高新區 數讀2024 · 記者",
            "<style>text{fill:#1b1f24",
        ] {
            assert!(svg.contains(want), "{want} not in {svg}");
        }
        // The chart, with the title above it and the two lines of its foot below.
        let size = format!(r#"width="372" height="{}""#, height(spec) + 84);
        assert!(
            svg.starts_with(&format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" {size}"#
            )),
            "{svg}"
        );
    }

    #[test]
    fn a_chart_s_data_is_its_figures_in_its_order() {
        let spec = crate::charts::chart(dataset(), "investment-projects").unwrap();
        let (path, csv) = data(dataset(), spec);
        assert_eq!(path, "charts/investment-projects.csv");
        let csv = String::from_utf8(csv).unwrap();
        let ids: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap())
            .collect();
        assert_eq!(
            ids,
            [
                "capital-increase-projects",
                "industrial-projects-landed",
                "fund-projects-landed"
            ]
        );
    }
}
