//! Finishing the static site after trunk: the page rendered at build time, with its icons and
//! its charts drawn in, goes into `index.html` (so it reads without JavaScript), with the tags
//! link previews and search engines read; a strict Content-Security-Policy is set; the preview
//! images, the oEmbed answers, the charts' and the data's downloads are written, the
//! stylesheet is minified, and the one-file edition `standalone.html` is assembled.

mod chart_files;
mod chart_svg;
mod csp;
mod downloads;
mod error;
mod html;
mod icons;
mod pictures;
mod preview;
mod sharing;
mod site;
mod standalone;
mod styles;

pub use error::PublishError;
pub use sharing::left_out;
pub use site::Site;

use crate::embedded::dataset;
use crate::model::Lang;
use crate::names::Named;
use crate::query::url::page_name;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One file `publish` wrote.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: usize,
}

/// What the build drew for a language's page, for the page to carry inline.
pub struct Artwork<'a> {
    /// The icons the page uses, as one hidden SVG of symbols.
    pub sprite: &'a str,
    /// Each chart's SVG, by chart id.
    pub charts: &'a BTreeMap<String, String>,
}

/// Publishes the app, rendered in each language by `render` (given what the build drew for
/// it) into the trunk output in `dist`: one page per language ([`page_name`]), to be published
/// at `site` if it is known; returns what it wrote.
pub fn publish(
    dist: &Path,
    site: Option<&Site>,
    render: impl Fn(Lang, &Artwork) -> String,
) -> Result<Vec<Written>, PublishError> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|source| PublishError::Read {
        path: index_path.clone(),
        source,
    })?;
    if index.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err(PublishError::AlreadyBaked { path: index_path });
    }
    let mut out = Outputs(Vec::new());
    // First, as the one-file edition carries the stylesheet inside it.
    let (css_path, css) = styles::minified(dist)?;
    out.write(&css_path, css.as_bytes())?;
    let sprite = icons::sprite(Path::new(icons::PACKAGE), &crate::ui::used_icons(dataset()))?;
    let pictures = pictures::draw(dataset())?;
    let none = BTreeMap::new();
    let rendered: Vec<(Lang, String)> = Lang::ALL
        .iter()
        .map(|&lang| {
            let charts = pictures.get(&lang).unwrap_or(&none);
            let art = Artwork {
                sprite: &sprite,
                charts,
            };
            (lang, render(lang, &art))
        })
        .collect();
    let mut pages = Vec::new();
    for (lang, body) in &rendered {
        let page = html::page(&index, body, &dataset().meta, *lang)?;
        let tags = sharing::head(dataset(), *lang, site);
        pages.push((*lang, html::with_head_tags(&page, &tags)?));
    }

    // The one-file edition is the Traditional page, with the others inside it.
    let licence = icons::licence(Path::new(icons::PACKAGE))?;
    let standalone = icons::with_licence_inside(
        &standalone::assemble(dist, &pages[0].1, &rendered[1..])?,
        &licence,
    );
    out.write(&dist.join("standalone.html"), standalone.as_bytes())?;
    for (lang, page) in &pages {
        let page = html::with_page_choice(page)?;
        out.write(
            &dist.join(page_name(*lang)),
            csp::with_policy(&page)?.as_bytes(),
        )?;
    }
    let fonts = preview::fonts()?;
    for spec in &dataset().charts {
        let (path, csv) = chart_files::data(dataset(), spec);
        out.write(&dist.join(path), &csv)?;
        for &lang in Lang::ALL {
            let inline = pictures.get(&lang).and_then(|p| p.get(&spec.id));
            for (path, content) in inline
                .map(|svg| chart_files::files(dataset(), spec, lang, svg, &fonts))
                .transpose()?
                .unwrap_or_default()
            {
                out.write(&dist.join(path), &content)?;
            }
        }
    }
    for &lang in Lang::ALL {
        let png = preview::png(dataset(), lang, &fonts)?;
        out.write(&dist.join(preview::name(lang)), &png)?;
        if let Some(site) = site {
            let answer = sharing::oembed(dataset(), lang, site);
            out.write(&dist.join(sharing::oembed_name(lang)), answer.as_bytes())?;
        }
    }
    for (name, content) in downloads::files(dataset()) {
        out.write(&dist.join("data").join(name), content.as_bytes())?;
    }
    out.write(&dist.join(icons::LICENCE), licence.as_bytes())?;
    Ok(out.0)
}

/// The files written so far.
struct Outputs(Vec<Written>);

impl Outputs {
    /// Writes `content` to `path` (making its folder), and records it.
    fn write(&mut self, path: &Path, content: &[u8]) -> Result<(), PublishError> {
        let failed = |source| PublishError::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(failed)?;
        }
        std::fs::write(path, content).map_err(failed)?;
        self.0.push(Written {
            path: path.to_path_buf(),
            bytes: content.len(),
        });
        Ok(())
    }
}
