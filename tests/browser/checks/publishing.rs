//! What a page tells the places it is shared in and embedded from: the tags a link preview, a
//! search engine or an oEmbed client reads, the files they point to, the charts' downloads,
//! and a host page that embeds with the real Pym.js parent.

use super::embed::leave_frame;
use super::*;

/// The address the second edition is built for: the Makefile's `EDITION_SITE_URL`.
const EDITION_SITE: &str = "https://news.example/2025/edition/";
const SHARE_TAGS: &str = include_str!("../js/share-tags.js");

/// The absolute address of `lang`'s page on the edition's site.
fn edition_page(lang: Lang) -> String {
    format!(
        "{EDITION_SITE}{}",
        torch2024::query::url::page_href(lang).trim_start_matches("./")
    )
}

/// The page's tags, as `js/share-tags.js` reads them.
async fn share_tags(ctx: &Ctx<'_>) -> Result<Value, String> {
    script(ctx, SHARE_TAGS).await
}

/// An image the page's folder serves, with its size once loaded (`[0, 0]` if it failed).
async fn image_size(ctx: &Ctx<'_>, path: &str) -> Result<Value, String> {
    ctx.client
        .execute_async(
            "var done = arguments[arguments.length - 1], img = new Image(); \
             img.onload = function () { done([img.naturalWidth, img.naturalHeight]); }; \
             img.onerror = function () { done([0, 0]); }; img.src = arguments[0];",
            vec![json!(path)],
        )
        .await
        .map_err(|e| format!("cannot load {path}: {e}"))
}

/// A JSON file the page's folder serves (`null` if it is none).
async fn json_file(ctx: &Ctx<'_>, path: &str) -> Result<Value, String> {
    ctx.client
        .execute_async(
            "var done = arguments[arguments.length - 1]; \
             fetch(arguments[0]).then(function (r) { return r.ok ? r.json() : null; }).then(done, function () { done(null); });",
            vec![json!(path)],
        )
        .await
        .map_err(|e| format!("cannot fetch {path}: {e}"))
}

/// With its public address, every page of the edition names itself, its other languages, its
/// preview image and its oEmbed answer by absolute URLs on that address; the image is
/// 1,200 × 630 and the answer has oEmbed 1.0's fields for a rich embed.
pub async fn share_tags_use_the_public_address(ctx: &Ctx<'_>) -> Outcome {
    for &lang in Lang::ALL {
        let page = format!(
            "{}{}?lang={}",
            ctx.edition.base,
            page_file(lang),
            lang.tag()
        );
        open_at(ctx, &page).await?;
        let tags = share_tags(ctx).await?;
        let at = |what: &str| format!("{what} of the edition's {} page", lang.tag());
        expect_eq(
            &at("the canonical address"),
            tags["canonical"].clone(),
            json!(edition_page(lang)),
        )?;
        expect_eq(
            &at("og:url"),
            tags["og:url"].clone(),
            json!(edition_page(lang)),
        )?;
        for &other in Lang::ALL {
            expect_eq(
                &at(&format!("the {} alternate", other.tag())),
                tags["hreflang"][other.tag()].clone(),
                json!(edition_page(other)),
            )?;
        }
        expect_eq(
            &at("the x-default alternate"),
            tags["hreflang"]["x-default"].clone(),
            json!(edition_page(Lang::default())),
        )?;
        let image = format!("{EDITION_SITE}preview-{}.png", lang.tag());
        for key in ["og:image", "twitter:image"] {
            expect_eq(&at(key), tags[key].clone(), json!(image))?;
        }
        expect_eq(
            &at("og:image's size"),
            json!([
                tags["og:image:width"].clone(),
                tags["og:image:height"].clone()
            ]),
            json!(["1200", "630"]),
        )?;
        expect(
            &at("og:image:alt"),
            tags["og:image:alt"].as_str().is_some_and(|a| !a.is_empty()),
        )?;
        expect_eq(
            &at("the Twitter card"),
            tags["twitter:card"].clone(),
            json!("summary_large_image"),
        )?;
        let oembed = format!("{EDITION_SITE}oembed-{}.json", lang.tag());
        expect_eq(
            &at("the oEmbed link"),
            tags["oembed"].clone(),
            json!(oembed),
        )?;
        // Every URL the tags and the JSON-LD give is absolute, on the site's address.
        let urls = tags["urls"].as_array().cloned().unwrap_or_default();
        expect(&at("URLs in the tags and the JSON-LD"), urls.len() >= 10)?;
        for url in urls {
            let url = url.as_str().unwrap_or_default();
            expect(
                &at(&format!("`{url}`, absolute on {EDITION_SITE}")),
                url.starts_with(EDITION_SITE) || url == "https://schema.org",
            )?;
        }
        expect_eq(
            &at("the JSON-LD types"),
            tags["ld_types"].clone(),
            json!(["NewsArticle", "Dataset"]),
        )?;
        let publisher = super::edition::edition()
            .meta
            .publisher
            .as_ref()
            .map(|p| p.get(lang));
        expect_eq(
            &at("the JSON-LD article's publisher"),
            tags["ld_publisher"].clone(),
            json!(publisher),
        )?;
        // The files they name, served from the page's own folder.
        let size = image_size(ctx, &format!("preview-{}.png", lang.tag())).await?;
        expect_eq(&at("the preview image's size"), size, json!([1200, 630]))?;
        let answer = json_file(ctx, &format!("oembed-{}.json", lang.tag())).await?;
        expect_eq(
            &at("oEmbed version"),
            answer["version"].clone(),
            json!("1.0"),
        )?;
        expect_eq(&at("oEmbed type"), answer["type"].clone(), json!("rich"))?;
        for field in ["width", "height", "thumbnail_width", "thumbnail_height"] {
            expect(
                &at(&format!("oEmbed {field}, a positive integer")),
                answer[field].as_u64().is_some_and(|n| n > 0),
            )?;
        }
        let html = answer["html"].as_str().unwrap_or_default();
        expect(
            &at(&format!("oEmbed html, an iframe of the page: {html}")),
            html.starts_with(&format!(
                "<iframe src=\"{}?lang={}&amp;embed=1\"",
                edition_page(lang),
                lang.tag()
            )),
        )?;
        expect_eq(
            &at("oEmbed thumbnail"),
            answer["thumbnail_url"].clone(),
            json!(image),
        )?;
        for field in ["title", "provider_name", "provider_url"] {
            expect(
                &at(&format!("oEmbed {field}")),
                answer[field].as_str().is_some_and(|s| !s.is_empty()),
            )?;
        }
    }
    Ok(())
}

/// Built without an address (as `dist/` is), a page has the tags that need none and leaves out
/// those that need absolute URLs; its preview image is there all the same.
pub async fn without_an_address_what_needs_one_is_left_out(ctx: &Ctx<'_>) -> Outcome {
    let ds = dataset();
    for &lang in Lang::ALL {
        open(ctx, &format!("?lang={}", lang.tag())).await?;
        let tags = share_tags(ctx).await?;
        let at = |what: &str| format!("{what} of the {} page without an address", lang.tag());
        for key in ["canonical", "og:url", "og:image", "twitter:image", "oembed"] {
            expect_eq(&at(key), tags[key].clone(), Value::Null)?;
        }
        expect_eq(
            &at("hreflang alternates"),
            tags["hreflang"].clone(),
            json!({}),
        )?;
        expect_eq(
            &at("og:title"),
            tags["og:title"].clone(),
            json!(ds.meta.title.get(lang)),
        )?;
        expect_eq(
            &at("og:description"),
            tags["og:description"].clone(),
            json!(ds.meta.description.get(lang)),
        )?;
        expect_eq(
            &at("the Twitter card"),
            tags["twitter:card"].clone(),
            json!("summary"),
        )?;
        expect_eq(
            &at("the JSON-LD types"),
            tags["ld_types"].clone(),
            json!(["NewsArticle", "Dataset"]),
        )?;
        let size = image_size(ctx, &format!("preview-{}.png", lang.tag())).await?;
        expect_eq(&at("the preview image's size"), size, json!([1200, 630]))?;
    }
    Ok(())
}

/// Each chart's downloads open: its image as SVG, with its title, the source and the credit
/// drawn in, as PNG at twice its size, and its figures as CSV, one row a bar.
pub async fn chart_downloads_open_and_carry_their_credit(ctx: &Ctx<'_>) -> Outcome {
    let ds = dataset();
    for lang in [Lang::Hant, Lang::En] {
        open(ctx, &format!("?lang={}", lang.tag())).await?;
        let credit = format!("{} · {}", ds.meta.title.get(lang), ds.meta.byline.get(lang));
        for chart in &ds.charts {
            let links = script_with(
                ctx,
                "return Array.from(document.querySelectorAll('figure.chart[data-chart=\"' + arguments[0] + '\"] .chart-downloads a[download]')).map(a => a.getAttribute('href'));",
                vec![json!(chart.id)],
            )
            .await?;
            let at = |what: &str| format!("{what} of chart {} in {}", chart.id, lang.tag());
            let (svg, png, csv) = (
                torch2024::charts::image_path(&chart.id, lang, "svg"),
                torch2024::charts::image_path(&chart.id, lang, "png"),
                torch2024::charts::data_path(&chart.id),
            );
            expect_eq(&at("the download links"), links, json!([svg, png, csv]))?;
            let text = text_file(ctx, &svg).await?;
            let title = ds
                .groups
                .iter()
                .find(|g| g.id == chart.group)
                .map_or("", |g| g.title.get(lang));
            // Its words as drawn: the foot may break the credit into lines, so its start.
            let credit_start: String = credit.chars().take(12).collect();
            for (what, want) in [("title", title), ("credit", credit_start.as_str())] {
                expect(
                    &at(&format!("the image's {what} `{want}`")),
                    !want.is_empty() && text.contains(want),
                )?;
            }
            let svg_size = image_size(ctx, &svg).await?;
            let png_size = image_size(ctx, &png).await?;
            let (w, h) = (
                svg_size[0].as_u64().unwrap_or(0),
                svg_size[1].as_u64().unwrap_or(0),
            );
            expect(
                &at(&format!("the SVG image opens ({svg_size})")),
                w > 0 && h > 0,
            )?;
            expect_eq(
                &at("the PNG, twice the SVG's size"),
                png_size,
                json!([w * 2, h * 2]),
            )?;
            let rows = text_file(ctx, &csv).await?;
            let ids: Vec<&str> = rows
                .lines()
                .skip(1)
                .filter_map(|l| l.split(',').next())
                .collect();
            let want: Vec<&str> = chart.bars.iter().map(|b| b.figure.as_str()).collect();
            expect_eq(&at("the CSV's figures"), ids, want)?;
        }
    }
    Ok(())
}

/// A text file the page's folder serves ("" if it is none).
async fn text_file(ctx: &Ctx<'_>, path: &str) -> Result<String, String> {
    let text = ctx
        .client
        .execute_async(
            "var done = arguments[arguments.length - 1]; \
             fetch(arguments[0]).then(function (r) { return r.ok ? r.text() : ''; }).then(done, function () { done(''); });",
            vec![json!(path)],
        )
        .await
        .map_err(|e| format!("cannot fetch {path}: {e}"))?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

/// The example host page embeds the page a third time with the real Pym.js parent (npm
/// `pym.js`): its iframe fits the page after load, and again after the reader filters the cards.
pub async fn a_pym_parent_fits_the_frame(ctx: &Ctx<'_>) -> Outcome {
    super::embed::open_example(ctx).await?;
    wait_for(ctx, "#embed-pym iframe").await?;
    // The `height` attribute is Pym.js's own doing (embed.js, also on the page, sets the
    // iframe's style instead), so the frame fits by Pym.js alone.
    const FITS: &str = "(function () { var f = document.querySelector('#embed-pym iframe'); \
        var d = f.contentDocument; if (!d || !d.querySelector('#app[data-ready]')) return false; \
        return Math.abs(parseInt(f.getAttribute('height'), 10) - d.documentElement.scrollHeight) <= 2; })()";
    const HEIGHT: &str =
        "parseInt(document.querySelector('#embed-pym iframe').getAttribute('height'), 10)";
    wait_until(ctx, FITS, "the Pym.js frame to fit its page after load").await?;
    let loaded = script(ctx, &format!("return {HEIGHT};")).await?;
    let index = script(ctx, "return Array.from(document.querySelectorAll('iframe')).indexOf(document.querySelector('#embed-pym iframe'));").await?;
    let index = index.as_u64().ok_or("no Pym.js iframe among the page's")? as u16;
    ctx.client
        .enter_frame(index)
        .await
        .map_err(|e| format!("cannot enter the Pym.js iframe: {e}"))?;
    show_facets(ctx).await?;
    click(ctx, ".facet-option[data-key='completion'] input").await?;
    leave_frame(ctx).await?;
    wait_until(
        ctx,
        &format!("{HEIGHT} != {loaded} && {FITS}"),
        "the Pym.js frame to fit its page again after a filter",
    )
    .await
}
