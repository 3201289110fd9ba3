//! A chart's SVG as ECharts drew it, made fit to stand inline in the page: no `style`
//! attributes or elements (the strict CSP allows neither), no colours of its own (the page's
//! CSS colours it, so dark mode, forced colours and print need no second picture), and each bar
//! one `<g class="bar">` that holds its shape and a band-high target for the pointer, carrying
//! what activating it does (`data-link` or `data-source`, as the page's buttons do) and, in a
//! chart with bars that lead to projects, what the keyboard and screen readers need; its label
//! and value follow it in a `<g class="bar-text">` of the same `data-bar`.

use crate::charts::{rows, summary_id, BAND, MARGIN};
use crate::model::{BarChart, Dataset, Lang};
use crate::ui::actions::{link_attr, SourceRef};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::fmt::Write;

/// One bar's parts, as they are read.
#[derive(Default)]
struct Parts {
    texts: Vec<String>,
    shape: Option<String>,
}

/// The SVG `raw` that ECharts drew for `spec` in `lang`, inline-ready; or what in it was not
/// as expected.
pub fn inline(raw: &str, spec: &BarChart, ds: &Dataset, lang: Lang) -> Result<String, String> {
    let rows = rows(spec, ds, lang);
    let mut bars: Vec<Parts> = (0..rows.len()).map(|_| Parts::default()).collect();
    let mut axis = String::new();
    let mut root = None;
    let mut reader = Reader::from_str(raw);
    // The element being copied (`text`) or skipped (`rect`, `style`), with its content.
    let mut open: Option<(String, Option<usize>)> = None;
    loop {
        let event = reader.read_event().map_err(|e| format!("not SVG: {e}"))?;
        let has_content = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if open.is_none() => {
                let name = e.name().as_ref().to_string();
                let attrs = attributes(&e)?;
                let get = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                match name.as_str() {
                    "svg" => {
                        let size = |key| get(key).cloned().ok_or(format!("svg has no {key}"));
                        root = Some((size("width")?, size("height")?));
                        continue;
                    }
                    "text" => {
                        let y = get("transform")
                            .and_then(|t| translate_y(t))
                            .ok_or("a text without translate(x y)")?;
                        let bar = band(y, bars.len())?;
                        let class = match get("text-anchor").map(String::as_str) {
                            Some("end") => "chart-label",
                            _ => "chart-value",
                        };
                        let mut text = format!(r#"<text class="{class}""#);
                        for key in ["dominant-baseline", "text-anchor", "transform", "y"] {
                            if let Some(v) = get(key) {
                                write!(text, r#" {key}="{v}""#).expect("to a string");
                            }
                        }
                        text.push('>');
                        if has_content {
                            open = Some(("text".into(), Some(bar)));
                        } else {
                            text.push_str("</text>");
                        }
                        bars[bar].texts.push(text);
                    }
                    "path" => {
                        let d = get("d").ok_or("a path without d")?;
                        match get("ecmeta_data_index") {
                            Some(i) => {
                                let i: usize = i.parse().map_err(|_| "a bad ecmeta_data_index")?;
                                let parts = bars.get_mut(i).ok_or("a bar beyond the rows")?;
                                parts.shape = Some(format!(r#"<path class="bar-shape" d="{d}"/>"#));
                            }
                            None => axis = format!(r#"<path class="chart-axis" d="{d}"/>"#),
                        }
                        if has_content {
                            open = Some((name, None));
                        }
                    }
                    // The background and ECharts' own hover styles.
                    _ => {
                        if has_content {
                            open = Some((name, None));
                        }
                    }
                }
            }
            Event::Text(t) => append(&mut bars, &open, &t.into_inner()),
            // An entity or character reference in a text (`&amp;`), kept as written.
            Event::GeneralRef(r) => append(&mut bars, &open, &format!("&{};", &*r.into_inner())),
            Event::End(e) => {
                if let Some((name, bar)) = &open {
                    if e.name().as_ref() == name {
                        if let Some(bar) = bar {
                            bars[*bar]
                                .texts
                                .last_mut()
                                .expect("open")
                                .push_str("</text>");
                        }
                        open = None;
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (width, height) = root.ok_or("no svg element")?;
    let interactive = spec.bars.iter().any(|b| b.link.is_some());
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" id="chart-{id}" viewBox="0 0 {width} {height}" width="{width}" height="{height}""#,
        id = spec.id
    );
    if interactive {
        write!(
            svg,
            r#" role="group" aria-labelledby="{}""#,
            summary_id(&spec.id)
        )
    } else {
        write!(svg, r#" aria-hidden="true""#)
    }
    .expect("to a string");
    svg.push('>');
    svg.push_str(&axis);
    for (i, ((parts, row), bar)) in bars.iter().zip(&rows).zip(&spec.bars).enumerate() {
        let shape = parts
            .shape
            .as_ref()
            .ok_or(format!("bar {i} has no shape"))?;
        if parts.texts.len() < 2 {
            return Err(format!("bar {i} has no label or no value"));
        }
        let action = match bar.link {
            Some(link) => format!(r#"data-link="{}""#, link_attr(link)),
            None => format!(
                r#"data-source="{}" aria-haspopup="dialog""#,
                SourceRef::Figure(row.figure.clone()).attr()
            ),
        };
        write!(
            svg,
            r#"<g class="bar" data-bar="{i}" data-figure="{}" {action}"#,
            row.figure
        )
        .expect("to a string");
        if interactive {
            let label = html_escape::encode_double_quoted_attribute(&row.label);
            let text = html_escape::encode_double_quoted_attribute(&row.text);
            write!(
                svg,
                r#" role="button" tabindex="{}" aria-label="{label}: {text}""#,
                if i == 0 { 0 } else { -1 },
            )
            .expect("to a string");
        }
        let top = MARGIN + BAND * i as u32;
        // The bar's words stand beside it, not in it: a button named by its `aria-label` must
        // not hold other visible text, and these lines are not spaced as words.
        write!(
            svg,
            r#"><rect class="bar-hit" x="0" y="{top}" width="{width}" height="{BAND}" fill="transparent"/>{shape}</g><g class="bar-text" data-bar="{i}"{hidden}>{}</g>"#,
            parts.texts.concat(),
            hidden = if interactive { r#" aria-hidden="true""# } else { "" },
        )
        .expect("to a string");
    }
    svg.push_str("</svg>");
    Ok(svg)
}

/// Adds `text` to the text element open in `bars`, if one is.
fn append(bars: &mut [Parts], open: &Option<(String, Option<usize>)>, text: &str) {
    if let Some((_, Some(bar))) = open {
        if let Some(last) = bars[*bar].texts.last_mut() {
            last.push_str(text);
        }
    }
}

/// An element's attributes, unescaped values re-escaped for a double-quoted attribute.
fn attributes(e: &BytesStart) -> Result<Vec<(String, String)>, String> {
    e.attributes()
        .map(|a| {
            let a = a.map_err(|e| format!("a bad attribute: {e}"))?;
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| format!("a bad value: {e}"))?;
            Ok((
                a.key.as_ref().to_string(),
                html_escape::encode_double_quoted_attribute(&value).into_owned(),
            ))
        })
        .collect()
}

/// The y of `translate(x y)`.
fn translate_y(transform: &str) -> Option<f64> {
    let inner = transform.strip_prefix("translate(")?.strip_suffix(')')?;
    inner
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .nth(1)?
        .parse()
        .ok()
}

/// The bar whose band holds height `y`, of `bars`.
fn band(y: f64, bars: usize) -> Result<usize, String> {
    let band = ((y - f64::from(MARGIN)) / f64::from(BAND)).floor();
    if band >= 0.0 && band < bars as f64 {
        Ok(band as usize)
    } else {
        Err(format!("a text at y = {y}, outside the bars"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::dataset;

    /// What ECharts draws for a two-bar chart, one label on two lines (as scripts/draw-charts.mjs
    /// gives it).
    const DRAWN: &str = r##"<svg width="340" height="80" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 340 80">
<rect width="340" height="80" x="0" y="0" fill="none"></rect>
<path d="M151.5 8L151.5 72" fill="none" stroke="#6E7079" class="zr8-cls-16"></path>
<text dominant-baseline="central" text-anchor="end" style="font-size:12px;" y="-6" transform="translate(143.2 24)" fill="#1b1f24">Projects &amp;</text>
<text dominant-baseline="central" text-anchor="end" style="font-size:12px;" y="6" transform="translate(143.2 24)" fill="#1b1f24">starts</text>
<text dominant-baseline="central" text-anchor="end" style="font-size:12px;" transform="translate(143.2 56)" fill="#1b1f24">Completed</text>
<path d="M151.2 14.4l157.4 0l0 19.2l-157.4 0Z" fill="#b3261e" ecmeta_series_index="0" ecmeta_data_index="0" class="zr8-cls-17"></path>
<path d="M151.2 46.4l29.8 0l0 19.2l-29.8 0Z" fill="#b3261e" ecmeta_series_index="1" ecmeta_data_index="1" class="zr8-cls-17"></path>
<text dominant-baseline="central" text-anchor="start" style="font-size:12px;" transform="translate(313.5 24)" fill="#1b1f24">24</text>
<text dominant-baseline="central" text-anchor="start" style="font-size:12px;" transform="translate(186.0 56)" fill="#1b1f24">18</text>
<style ><![CDATA[
.zr8-cls-17:hover { fill:rgba(196,41,33,1); }
]]>
</style>
</svg>"##;

    fn spec() -> &'static BarChart {
        crate::charts::chart(dataset(), "construction-projects").unwrap()
    }

    #[test]
    fn keeps_no_style_and_no_colour_of_its_own() {
        let svg = inline(DRAWN, spec(), dataset(), Lang::En).unwrap();
        for banned in ["style", "#b3261e", "#1b1f24", "#6E7079", "zr8", "ecmeta"] {
            assert!(!svg.contains(banned), "{banned} in {svg}");
        }
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" id="chart-construction-projects" viewBox="0 0 340 80""#));
        assert!(svg.contains(r#"<path class="chart-axis" d="M151.5 8L151.5 72"/>"#));
    }

    #[test]
    fn each_bar_holds_its_label_shape_and_value_and_says_what_it_does() {
        let svg = inline(DRAWN, spec(), dataset(), Lang::En).unwrap();
        let bars: Vec<&str> = svg.split(r#"<g class="bar""#).skip(1).collect();
        assert_eq!(bars.len(), 2);
        let (bar, words) = bars[0]
            .split_once(r#"<g class="bar-text" data-bar="0" aria-hidden="true">"#)
            .unwrap();
        assert!(bar.contains("M151.2 14.4l157.4") && !bar.contains("<text"));
        assert!(words.contains(">Projects &amp;</text>") && words.contains(">starts</text>"));
        assert!(words.contains(">24</text>"));
        assert!(bars[1].contains(">Completed</text>") && bars[1].contains(">18</text>"));
        assert!(bars[0].contains(r#"data-link="kind:construction-start""#));
        assert!(bars[0].contains(r#"role="button" tabindex="0""#));
        assert!(bars[1].contains(r#"tabindex="-1""#));
        // Described by its readout only while it shows (`ui::bars`).
        assert!(!bars[0].contains("aria-describedby"));
        let hit = format!(
            r#"<rect class="bar-hit" x="0" y="{}" width="340" height="{BAND}""#,
            MARGIN + BAND
        );
        assert!(bars[1].contains(&hit), "{hit} not in {}", bars[1]);
        assert!(
            svg.contains(r#"role="group" aria-labelledby="chart-construction-projects-summary""#)
        );
    }

    #[test]
    fn a_chart_whose_bars_lead_to_no_projects_is_no_stop_for_the_keyboard() {
        let land = crate::charts::chart(dataset(), "construction-land").unwrap();
        let svg = inline(DRAWN, land, dataset(), Lang::En).unwrap();
        assert!(svg.contains(r#"aria-hidden="true""#));
        assert!(!svg.contains("tabindex") && !svg.contains("role="));
        assert!(svg.contains(r#"data-source="figure:land-put-back-to-use""#));
    }

    #[test]
    fn says_what_was_not_as_expected() {
        let no_value: String = DRAWN.lines().filter(|l| !l.contains(">18<")).collect();
        assert!(inline(&no_value, spec(), dataset(), Lang::En)
            .unwrap_err()
            .contains("bar 1 has no label or no value"));
        let outside = DRAWN.replace("translate(143.2 56)", "translate(143.2 99)");
        assert!(inline(&outside, spec(), dataset(), Lang::En)
            .unwrap_err()
            .contains("outside the bars"));
        assert!(inline("not svg <", spec(), dataset(), Lang::En).is_err());
    }
}
