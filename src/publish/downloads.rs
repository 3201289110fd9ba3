//! The data as downloads: figures and projects, each as CSV (for spreadsheets) and JSON, and
//! each chart's figures as CSV.

use crate::model::{BarChart, Dataset, Figure, Lang};
use crate::names::Named;
use serde_json::json;

/// (file name, content) of every download.
pub fn files(ds: &Dataset) -> Vec<(&'static str, String)> {
    vec![
        ("figures.csv", figures_csv(ds)),
        (
            "figures.json",
            pretty(&json!({ "figures": ds.figures, "derived": ds.derived })),
        ),
        ("projects.csv", projects_csv(ds)),
        ("projects.json", pretty(&json!({ "projects": ds.projects }))),
    ]
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect("the dataset serializes")
}

fn csv_text(rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

/// The columns of the figures' CSV.
const FIGURE_COLUMNS: [&str; 15] = [
    "id",
    "kind",
    "group",
    "label_zh_hant",
    "label_zh_hans",
    "label_en",
    "value",
    "unit",
    "qualifier",
    "period",
    "source_sentence",
    "quote",
    "also_in",
    "source_text_zh_hant",
    "how_derived_en",
];

/// The CSV rows of stated `figures`.
fn stated_rows<'a>(ds: &Dataset, figures: impl Iterator<Item = &'a Figure>) -> Vec<Vec<String>> {
    figures
        .map(|f| {
            let source = ds
                .sentence(&f.source)
                .map(|s| s.restored(Lang::Hant))
                .unwrap_or_default();
            vec![
                f.id.clone(),
                "stated".into(),
                f.group.clone(),
                f.label.hant.clone(),
                f.label.hans.clone(),
                f.label.en.clone(),
                f.value.to_string(),
                f.unit.symbol().into(),
                f.qualifier.name().into(),
                f.period.en.clone(),
                f.source.clone(),
                f.quote.clone(),
                f.also.join(" "),
                source,
                String::new(),
            ]
        })
        .collect()
}

fn header() -> Vec<String> {
    FIGURE_COLUMNS.iter().map(|h| h.to_string()).collect()
}

/// The CSV of the figures one chart draws, in its order (the columns of `figures.csv`).
pub fn chart_csv(ds: &Dataset, chart: &BarChart) -> String {
    let mut rows = vec![header()];
    rows.extend(stated_rows(
        ds,
        chart.bars.iter().filter_map(|b| ds.figure(&b.figure)),
    ));
    csv_text(rows)
}

fn figures_csv(ds: &Dataset) -> String {
    let mut rows = vec![header()];
    rows.extend(stated_rows(ds, ds.figures.iter()));
    for d in &ds.derived {
        rows.push(vec![
            d.id.clone(),
            "derived".into(),
            d.group.clone(),
            d.label.hant.clone(),
            d.label.hans.clone(),
            d.label.en.clone(),
            d.value.to_string(),
            d.unit.symbol().into(),
            d.qualifier.name().into(),
            String::new(),
            String::new(),
            String::new(),
            d.inputs.join(" "),
            String::new(),
            d.how.en.clone(),
        ]);
    }
    csv_text(rows)
}

fn projects_csv(ds: &Dataset) -> String {
    let header = [
        "id",
        "name_zh_hant",
        "name_zh_hans",
        "name_en",
        "sector",
        "milestones",
        "figures",
    ];
    let mut rows = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for p in &ds.projects {
        let milestones: Vec<String> = p
            .milestones
            .iter()
            .map(|m| format!("{}@{}", m.kind.name(), m.source))
            .collect();
        rows.push(vec![
            p.id.clone(),
            p.name.hant.clone(),
            p.name.hans.clone(),
            p.name.en.clone(),
            p.sector.name().into(),
            milestones.join(" "),
            p.figures.join(" "),
        ]);
    }
    csv_text(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::dataset;

    #[test]
    fn downloads_hold_every_figure_and_project() {
        let ds = dataset();
        let files = files(ds);
        let csv = &files[0].1;
        assert_eq!(csv.lines().count(), 1 + ds.figures.len() + ds.derived.len());
        assert!(
            csv.contains("landed-investment,stated,investment,落地項目總投資"),
            "{csv}"
        );
        let json: serde_json::Value = serde_json::from_str(&files[1].1).unwrap();
        assert_eq!(json["figures"].as_array().unwrap().len(), ds.figures.len());
        let projects = &files[2].1;
        assert!(
            projects.contains("landed@g1-1 construction-start@g2-2"),
            "{projects}"
        );
        let json: serde_json::Value = serde_json::from_str(&files[3].1).unwrap();
        assert_eq!(
            json["projects"].as_array().unwrap().len(),
            ds.projects.len()
        );
    }
}
