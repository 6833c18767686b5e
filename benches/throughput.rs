//! Whole-engine throughput on one core, in MB/s: ingest + analyze every `.txt` article
//! of a directory (default tests/fixtures/articles) for a few seconds and report.
//! `cargo bench --bench throughput [-- DIR]`; benches/spacy_compare.py reads its last line.

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(fixtures::articles_dir);
    let inputs: Vec<(String, Vec<u8>)> = fixtures::article_paths_in(&dir)
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(&p).expect("readable article"),
            )
        })
        .collect();
    let bytes_per_round: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let run = || {
        for (name, bytes) in &inputs {
            let opts = IngestOptions {
                name_hint: Some(name.clone()),
                title: None,
            };
            if let Ok(doc) = ingest(bytes, &opts) {
                black_box(analyze(&doc));
            }
        }
    };
    run(); // warm up lazily built tables
    // For instruction-count profiling: a fixed number of rounds inside one named function,
    // e.g. `valgrind --tool=callgrind --toggle-collect='throughput::profiled_rounds' …`.
    if let Some(rounds) = std::env::var("NEWSDESK_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
    {
        profiled_rounds(rounds, &run);
        println!("{rounds} rounds of {bytes_per_round} bytes");
        return;
    }
    let start = Instant::now();
    let mut rounds = 0usize;
    while start.elapsed() < Duration::from_secs(3) || rounds < 3 {
        run();
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes_per_round * rounds) as f64 / 1e6;
    println!(
        "{} articles, {} bytes, {rounds} rounds in {secs:.2} s",
        inputs.len(),
        bytes_per_round
    );
    println!("engine throughput: {:.2} MB/s", mb / secs);
}

#[inline(never)]
fn profiled_rounds(rounds: usize, run: &dyn Fn()) {
    for _ in 0..rounds {
        run();
    }
}
