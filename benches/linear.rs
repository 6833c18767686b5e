//! Linear time on every input (issue 16): criterion groups whose per-byte figures must
//! stay flat as the input grows.
//!
//! - `html_nesting`: `<div>` nested 1,000 to 100,000 deep around one sentence, closed and
//!   unclosed, through ingest + analyze (what `newsdesk extract` does). Each depth should
//!   take well under a second; before the nesting cap, 10,000 took 20 s.
//! - `long_documents`: the joined dev articles repeated 1×–64×, ingest + analyze; the
//!   throughput (bytes/s) criterion prints should stay within 1.5× from 1× to 64×.
//!
//! `cargo bench --bench linear [-- html_nesting|long_documents]`

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};
use std::hint::black_box;
use std::time::Duration;

const SENTENCE: &str =
    "The harbour board said on Monday that repairs to the north pier would cost $3.4 million.";

/// One sentence inside `depth` nested `<div>`s, with or without the end tags.
fn nested_page(depth: usize, closed: bool) -> String {
    let ends = if closed {
        "</div>".repeat(depth)
    } else {
        String::new()
    };
    format!(
        "<html><body>{}<p>{SENTENCE}</p>{ends}</body></html>",
        "<div>".repeat(depth)
    )
}

fn run(bytes: &[u8], hint: &str) {
    let opts = IngestOptions {
        name_hint: Some(hint.to_owned()),
        title: None,
    };
    if let Ok(doc) = ingest(bytes, &opts) {
        black_box(analyze(&doc));
    }
}

fn html_nesting(c: &mut Criterion) {
    let mut g = c.benchmark_group("html_nesting");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    for closed in [true, false] {
        for depth in [1_000, 10_000, 30_000, 100_000] {
            let page = nested_page(depth, closed);
            g.throughput(Throughput::Bytes(page.len() as u64));
            let label = if closed { "closed" } else { "unclosed" };
            g.bench_with_input(BenchmarkId::new(label, depth), &page, |b, page| {
                b.iter(|| run(page.as_bytes(), "page.html"))
            });
        }
    }
    g.finish();
}

fn long_documents(c: &mut Criterion) {
    let joined: Vec<u8> = fixtures::articles()
        .into_iter()
        .flat_map(|(_, mut bytes)| {
            bytes.extend_from_slice(b"\n\n");
            bytes
        })
        .collect();
    let mut g = c.benchmark_group("long_documents");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    for times in [1usize, 4, 16, 64] {
        let text = joined.repeat(times);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("dev_articles_x", times),
            &text,
            |b, text| b.iter(|| run(text, "joined.txt")),
        );
    }
    g.finish();
}

criterion_group!(benches, html_nesting, long_documents);
criterion_main!(benches);
