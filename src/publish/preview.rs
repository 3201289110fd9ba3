//! The link-preview image of each language's page (`og:image`): 1,200 × 630 PNG with the
//! title, the date and the year's lead figures, large enough to read as a thumbnail. Written as
//! SVG here and drawn by resvg (`draw`, which the chart downloads use too), with the CJK fonts
//! of Debian's `fonts-noto-cjk`, at build time.

use super::PublishError;
use crate::charts::figure_text;
use crate::i18n::strings;
use crate::model::{Dataset, Lang};
use html_escape::encode_text;
use std::fmt::Write;
use std::path::Path;
use std::sync::Arc;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// Where Debian's `fonts-noto-cjk` puts the fonts the images are drawn with.
const FONTS: [&str; 2] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
];
/// How many lead figures the image shows: two rows of two.
const FIGURES: usize = 4;
const MARGIN: u32 = 64;
const COLUMN: u32 = (WIDTH - 3 * MARGIN) / 2;

/// The file name of `lang`'s preview image.
pub fn name(lang: Lang) -> String {
    format!("preview-{}.png", lang.tag())
}

/// What the image shows, for `og:image:alt`: the title and the figures with their labels.
pub fn alt(ds: &Dataset, lang: Lang) -> String {
    let figures: Vec<String> = ds
        .lead_figures()
        .take(FIGURES)
        .map(|f| format!("{} {}", f.label.get(lang), figure_text(f, lang)))
        .collect();
    let sep = if lang == Lang::En { "; " } else { ";" };
    let title = ds.meta.title.get(lang);
    if figures.is_empty() {
        return title.to_string();
    }
    format!("{title}: {}", figures.join(sep))
}

/// The fonts the images are drawn with, or what to install.
pub fn fonts() -> Result<Arc<resvg::usvg::fontdb::Database>, PublishError> {
    let mut db = resvg::usvg::fontdb::Database::new();
    for file in FONTS {
        let data = std::fs::read(Path::new(file)).map_err(|e| {
            PublishError::Preview(format!(
                "cannot read {file} ({e}): install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk; make dist does)"
            ))
        })?;
        db.load_font_data(data);
    }
    Ok(Arc::new(db))
}

/// The preview image of `lang`'s page as PNG.
pub fn png(
    ds: &Dataset,
    lang: Lang,
    fonts: &Arc<resvg::usvg::fontdb::Database>,
) -> Result<Vec<u8>, PublishError> {
    draw(&svg(ds, lang), 1.0, fonts)
        .map_err(|e| PublishError::Preview(format!("{}: {e}", name(lang))))
}

/// `svg` drawn as PNG, `scale` times its size, with `fonts`; or why not.
pub fn draw(
    svg: &str,
    scale: f32,
    fonts: &Arc<resvg::usvg::fontdb::Database>,
) -> Result<Vec<u8>, String> {
    let options = resvg::usvg::Options {
        fontdb: fonts.clone(),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("an empty image")?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("an empty image")?;
    let transform = resvg::tiny_skia::Transform::from_scale(scale, scale);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The font family the images of `lang` are drawn in (its script's Noto Sans CJK).
pub fn family(lang: Lang) -> &'static str {
    match lang {
        Lang::Hans => "Noto Sans CJK SC",
        _ => "Noto Sans CJK TC",
    }
}

/// The image as SVG.
fn svg(ds: &Dataset, lang: Lang) -> String {
    let family = family(lang);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="{family}"><rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/><rect width="{WIDTH}" height="12" fill="#b3261e"/>"##
    );
    let mut text = |x: u32, y: u32, size: f64, weight: u32, fill: &str, content: &str| {
        write!(
            svg,
            r#"<text x="{x}" y="{y}" font-size="{size:.0}" font-weight="{weight}" fill="{fill}">{}</text>"#,
            encode_text(content)
        )
        .expect("to a string");
    };
    text(MARGIN, 118, 56.0, 700, "#1b1f24", ds.meta.title.get(lang));
    text(
        MARGIN,
        166,
        26.0,
        400,
        "#4d5560",
        &(strings(lang).date)(&ds.meta.date),
    );
    for (i, f) in ds.lead_figures().take(FIGURES).enumerate() {
        let x = MARGIN + (i as u32 % 2) * (COLUMN + MARGIN);
        let y = 268 + (i as u32 / 2) * 200;
        let value = figure_text(f, lang);
        // As large as the column lets it be: about 0.56 em a column (a CJK character is two).
        let columns = textwrap::core::display_width(&value) as f64;
        let size = (f64::from(COLUMN) / (columns * 0.56)).min(64.0);
        text(x, y, size, 700, "#b3261e", &value);
        for (line, words) in textwrap::wrap(f.label.get(lang), 40)
            .iter()
            .take(3)
            .enumerate()
        {
            text(x, y + 40 + 32 * line as u32, 24.0, 400, "#1b1f24", words);
        }
    }
    text(MARGIN, 604, 20.0, 400, "#4d5560", ds.meta.source.get(lang));
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::dataset;

    #[test]
    fn the_image_says_the_title_and_the_lead_figures_as_the_article_does() {
        let svg = svg(dataset(), Lang::Hant);
        assert!(svg.contains(">火炬高新區 數讀2024</text>"), "{svg}");
        for value in ["10%左右", "約21.5%", "477.34億元", "131個"] {
            assert!(svg.contains(&format!(">{value}</text>")), "{value}");
        }
        let alt = alt(dataset(), Lang::En);
        assert!(
            alt.starts_with("Torch High-tech Zone: 2024 in numbers: "),
            "{alt}"
        );
        assert!(alt.contains("CNY 47.734 billion"), "{alt}");
        assert_eq!(name(Lang::En), "preview-en.png");
    }

    #[test]
    fn each_image_is_a_png_of_1200_by_630() {
        let fonts = fonts().unwrap();
        for &lang in <Lang as crate::names::Named>::ALL {
            let png = png(dataset(), lang, &fonts).unwrap();
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
            // The IHDR chunk comes first: width, then height.
            assert_eq!((size(16), size(20)), (WIDTH, HEIGHT), "{}", lang.tag());
        }
    }

    #[test]
    fn no_label_runs_past_its_column_or_past_three_lines() {
        for &lang in <Lang as crate::names::Named>::ALL {
            for f in dataset().lead_figures().take(FIGURES) {
                let lines = textwrap::wrap(f.label.get(lang), 40);
                assert!(lines.len() <= 3, "{} in {}", f.label.get(lang), lang.tag());
            }
        }
    }
}
