//! How fast the project cards answer a keystroke: `Catalog::select` with a typical filter, and
//! the facet counts, for the real projects and for 1,000, 10,000 and 100,000 synthetic ones;
//! also the search alone (no facet chosen) and building the catalog.
//!
//! Run with `cargo bench --bench query` (about a minute). Measured with the release profile,
//! which optimises for size as the shipped app does.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use torch2024::embedded::dataset;
use torch2024::model::{Lang, MilestoneKind, Project, Sector};
use torch2024::query::{synthetic, Catalog, Filter};

fn typical_filter() -> Filter {
    let mut filter = Filter {
        text: "二期".into(),
        ..Filter::default()
    };
    filter.toggle_kind(MilestoneKind::Landed);
    filter.toggle_sector(Sector::NewEnergy);
    filter
}

fn catalogs() -> Vec<(String, Vec<Project>)> {
    let real = dataset().projects.clone();
    let mut sets = vec![(format!("real-{}", real.len()), real)];
    for n in [1_000, 10_000, 100_000] {
        sets.push((format!("synthetic-{n}"), synthetic::projects(n, 2024)));
    }
    sets
}

fn bench(c: &mut Criterion) {
    let filter = typical_filter();
    let sets = catalogs();
    let catalogs: Vec<(String, Catalog)> = sets
        .iter()
        .map(|(name, projects)| (name.clone(), Catalog::new(projects)))
        .collect();

    let mut group = c.benchmark_group("select");
    for (name, catalog) in &catalogs {
        group.throughput(Throughput::Elements(catalog.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), catalog, |b, catalog| {
            b.iter(|| black_box(catalog.select(black_box(&filter), Lang::Hant)))
        });
    }
    group.finish();

    // The worst case for the search: no facet narrows the projects first.
    let text_only = Filter {
        text: filter.text.clone(),
        ..Filter::default()
    };
    let mut group = c.benchmark_group("select-text-only");
    for (name, catalog) in &catalogs {
        group.throughput(Throughput::Elements(catalog.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), catalog, |b, catalog| {
            b.iter(|| black_box(catalog.select(black_box(&text_only), Lang::Hant)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("kind_counts+sector_counts");
    for (name, catalog) in &catalogs {
        group.throughput(Throughput::Elements(catalog.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), catalog, |b, catalog| {
            b.iter(|| {
                let filter = black_box(&filter);
                black_box((catalog.kind_counts(filter), catalog.sector_counts(filter)))
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("Catalog::new");
    group.sample_size(10);
    for (name, projects) in &sets {
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            projects,
            |b, projects| b.iter(|| black_box(Catalog::new(black_box(projects)))),
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = bench
}
criterion_main!(benches);
