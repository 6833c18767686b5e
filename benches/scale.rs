//! Scale figures for issue 8, with 10,000 articles in one guild: start-up (time until
//! the store answers commands, and until every article is analyzed), resident memory
//! after the load and after the analysis against the budget (4 × stored text + 50 MB),
//! and query latency (p50/p99) of who-said, key-figures, ask and search as the bot runs
//! them (through the store's per-scope index).
//!
//! `cargo bench --bench scale` (takes minutes: it first adds the 10,000 articles).
//! The measuring half runs in a fresh process (this binary again, with
//! `NEWSDESK_SCALE_DIR` set), so its memory figures do not include what writing the
//! articles left in the allocator. `NEWSDESK_SCALE_ARTICLES` changes the count.

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use newsdesk::commands::{Caller, Command, execute};
use newsdesk::config::Limits;
use newsdesk::query::{self, AskAnswer};
use newsdesk::store::{NewArticle, Scope, Store};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

const SCOPE: Scope = Scope::Guild(1);
const DIR_VAR: &str = "NEWSDESK_SCALE_DIR";
const COUNT_VAR: &str = "NEWSDESK_SCALE_ARTICLES";
const KEEP_VAR: &str = "NEWSDESK_SCALE_KEEP";

fn article_count() -> usize {
    std::env::var(COUNT_VAR)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

fn limits(n: usize) -> Limits {
    Limits {
        max_articles_per_scope: n * 2,
        max_text_bytes_per_scope: usize::MAX / 2,
        ..Limits::default()
    }
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

fn percentiles(mut ms: Vec<f64>) -> (f64, f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99), ms[ms.len() - 1])
}

fn time_query<R>(name: &str, runs: usize, mut f: impl FnMut() -> R) {
    drop(black_box(f()));
    let ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            drop(black_box(f()));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let (p50, p99, max) = percentiles(ms);
    let verdict = if p99 <= 10.0 {
        "ok"
    } else {
        "MISSED (target p99 ≤ 10 ms)"
    };
    println!("query {name:44} p50 {p50:7.2} ms   p99 {p99:7.2} ms   max {max:7.2} ms   {verdict}");
}

/// First half: write the articles into a data directory, then measure in a child process.
fn main() {
    if let Ok(dir) = std::env::var(DIR_VAR) {
        measure(Path::new(&dir));
        return;
    }
    let n = article_count();
    let temp = tempfile::tempdir().expect("temp dir");
    let kept = std::env::var_os(KEEP_VAR).map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temp.path());
    let inputs = fixtures::articles();
    let mut text_bytes = 0usize;
    if kept.is_some() && dir.join("snapshot.jsonl").exists() {
        println!("setup: reusing the articles in {}", dir.display());
    } else {
        let (store, _) = Store::open_with(dir, limits(n), n * 2).expect("open store");
        let t = Instant::now();
        for i in 0..n {
            let (name, bytes) = &inputs[i % inputs.len()];
            text_bytes += bytes.len();
            store
                .add_article(
                    SCOPE,
                    NewArticle {
                        bytes: bytes.clone(),
                        origin: format!("{i}-{name}"),
                        title: None,
                        added_by: None,
                    },
                )
                .expect("add");
        }
        println!(
            "setup: added {n} articles ({:.1} MB of text) in {:.1} s",
            text_bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
        store.compact().expect("compact");
    }
    let exe = std::env::current_exe().expect("own path");
    let status = std::process::Command::new(exe)
        .env(DIR_VAR, dir)
        .status()
        .expect("measuring process");
    assert!(status.success(), "the measuring process failed");
}

fn run(store: &Store, command: Command) {
    let caller = Caller {
        scope: SCOPE,
        name: None,
        can_manage: true,
    };
    drop(black_box(
        execute(store, &caller, command).expect("command runs"),
    ));
}

/// Second half, in a fresh process: start-up, memory, queries.
fn measure(dir: &Path) {
    let n = article_count();
    let base = rss_mb();
    let t = Instant::now();
    let (store, report) = Store::open_with(dir, limits(n), n * 2).expect("reopen store");
    let usable = t.elapsed().as_secs_f64();
    let text_mb = store.scope_text_bytes(SCOPE) as f64 / 1e6;
    let budget = 4.0 * text_mb + 50.0;
    let after_load = rss_mb();
    println!(
        "start-up: {} articles ({text_mb:.1} MB stored text) usable after {usable:.2} s (target ≤ 3 s)",
        report.articles
    );
    store.wait_for_analysis();
    let analyzed = t.elapsed().as_secs_f64();
    let after_analysis = rss_mb();
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    println!(
        "start-up: all {} articles analyzed and indexed after {analyzed:.2} s ({cores} cores)",
        report.articles
    );
    let verdict = |rss: f64| if rss <= budget { "ok" } else { "MISSED" };
    println!(
        "memory: RSS {after_load:.0} MB after load, {after_analysis:.0} MB after analysis (process before open: {base:.0} MB); \
         budget 4 × {text_mb:.1} MB + 50 MB = {budget:.0} MB: {} / {}",
        verdict(after_load),
        verdict(after_analysis)
    );

    let parts = store.with_index(SCOPE, |i| i.heap_estimate());
    let index_mb = parts.iter().map(|p| p.1).sum::<usize>() as f64 / 1e6;
    let shown: Vec<String> = parts
        .iter()
        .map(|(name, bytes)| format!("{name} {:.1}", *bytes as f64 / 1e6))
        .collect();
    println!(
        "memory: query index ≈ {index_mb:.0} MB ({} MB)",
        shown.join(", ")
    );
    let articles = store.articles(SCOPE);
    let terms_mb = articles
        .iter()
        .map(|a| {
            a.analysis.terms.postings.capacity() * 12 + a.analysis.terms.lengths.capacity() * 2
        })
        .sum::<usize>() as f64
        / 1e6;
    let doc_mb = articles
        .iter()
        .map(|a| {
            a.doc.text.capacity()
                + a.doc.sentences.capacity() * 24
                + a.doc.paragraphs.capacity() * 16
        })
        .sum::<usize>() as f64
        / 1e6;
    drop(articles);
    println!(
        "memory: articles' cleaned text + sentences ≈ {doc_mb:.0} MB; per-article term indexes ≈ {terms_mb:.0} MB"
    );

    let runs = 200;
    let w = |speaker: Option<&str>, topic: Option<&str>| {
        store.with_index(SCOPE, |i| query::who_said_in(i, speaker, topic))
    };
    time_query("who-said (no filter)", runs, || w(None, None));
    time_query("who-said topic:\"rare earths\"", runs, || {
        w(None, Some("rare earths"))
    });
    time_query("who-said speaker:Combs", runs, || w(Some("Combs"), None));
    time_query("who-said speaker:police topic:train", runs, || {
        w(Some("police"), Some("train"))
    });
    time_query("key-figures (all kinds)", runs, || {
        store.with_index(SCOPE, |i| query::key_figures_in(i, None))
    });
    time_query("key-figures kind:money", runs, || {
        store.with_index(SCOPE, |i| {
            query::key_figures_in(i, Some(newsdesk::model::FigureKind::Money))
        })
    });
    for q in [
        "who is Wu Xinbo?",
        "what did Trump say about rare earths?",
        "how big is the US-China trade relationship?",
        "when did the train derail?",
        "where did the aftershocks hit?",
        "who said the talks were over?",
        "why did the Senate reject the bailout?",
    ] {
        // Timed as the bot runs it; any reply counts (an answer, "not in the articles",
        // or the closest sentences when the engine is unsure).
        let answer = store.with_index(SCOPE, |i| query::ask_in(i, q));
        assert!(matches!(
            answer,
            AskAnswer::Found { .. } | AskAnswer::NotFound { .. } | AskAnswer::Unsure { .. }
        ));
        time_query(&format!("ask {q}"), runs, || {
            store.with_index(SCOPE, |i| query::ask_in(i, q))
        });
    }
    for q in [
        "rare earth exports",
        "Reuters",
        "police",
        "stock market crash",
    ] {
        time_query(&format!("search {q}"), runs, || {
            store.with_index(SCOPE, |i| query::search_in(i, q))
        });
    }
    // End to end as the bot runs them (index lookup plus building the response).
    time_query("command /who-said (no filter)", runs, || {
        run(
            &store,
            Command::WhoSaid {
                topic: None,
                speaker: None,
                article: None,
            },
        )
    });
    time_query("command /key-figures", runs, || {
        run(
            &store,
            Command::KeyFigures {
                article: None,
                kind: None,
            },
        )
    });
    time_query("command /ask who is Wu Xinbo?", runs, || {
        run(
            &store,
            Command::Ask {
                question: "who is Wu Xinbo?".into(),
                article: None,
            },
        )
    });
    time_query("command /search export controls", runs, || {
        run(
            &store,
            Command::Search {
                query: "export controls".into(),
            },
        )
    });
    println!("memory: RSS {:.0} MB after the queries", rss_mb());
}
