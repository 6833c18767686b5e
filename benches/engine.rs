//! Analysis throughput (MB/s of article text), per stage and end to end, on the news
//! articles in tests/fixtures/articles. Run with `cargo bench --bench engine`.

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdesk::analyze::{self, dates, figures, keypoints, organizations, people, places, quotes};
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::Document;
use newsdesk::text::segment;
use std::hint::black_box;

fn bench_engine(c: &mut Criterion) {
    let inputs = fixtures::articles();
    let total_bytes: u64 = inputs.iter().map(|(_, b)| b.len() as u64).sum();
    let docs: Vec<Document> = inputs
        .iter()
        .map(|(name, b)| {
            ingest(
                b,
                &IngestOptions {
                    name_hint: Some(name.clone()),
                    title: None,
                },
            )
            .expect("fixture ingests")
        })
        .collect();
    let analyses: Vec<_> = docs.iter().map(analyze::analyze).collect();

    let mut g = c.benchmark_group("analysis");
    g.throughput(Throughput::Bytes(total_bytes));
    g.bench_function("total (ingest + analyze)", |b| {
        b.iter(|| {
            for (name, bytes) in &inputs {
                let doc = ingest(
                    bytes,
                    &IngestOptions {
                        name_hint: Some(name.clone()),
                        title: None,
                    },
                )
                .unwrap();
                black_box(analyze::analyze(&doc));
            }
        })
    });
    g.bench_function("ingest/clean + segment", |b| {
        b.iter(|| {
            for (name, bytes) in &inputs {
                black_box(
                    ingest(
                        bytes,
                        &IngestOptions {
                            name_hint: Some(name.clone()),
                            title: None,
                        },
                    )
                    .unwrap(),
                );
            }
        })
    });
    g.bench_function("segment (paragraphs + sentences)", |b| {
        b.iter(|| {
            for d in &docs {
                let p = segment::paragraphs(&d.text);
                black_box(segment::sentences(&d.text, &p));
            }
        })
    });
    g.bench_function("people", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(people::extract(d))))
        })
    });
    g.bench_function("quotes (with people)", |b| {
        b.iter(|| {
            for d in &docs {
                let mut p = people::extract(d);
                black_box(quotes::extract(d, &mut p));
            }
        })
    });
    g.bench_function("figures", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(figures::extract(d))))
        })
    });
    g.bench_function("places + organizations", |b| {
        b.iter(|| {
            for d in &docs {
                let pl = places::extract(d);
                black_box(organizations::extract(d, &[], &pl));
            }
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| docs.iter().for_each(|d| drop(black_box(dates::extract(d)))))
    });
    g.bench_function("key points", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&analyses)
                .for_each(|(d, a)| drop(black_box(keypoints::select(d, a))))
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench_engine
}
criterion_main!(benches);
