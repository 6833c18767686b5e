//! Scale figures for issue 8, with 10,000 articles in one guild: start-up time (load the
//! snapshot + journal and re-analyze everything), resident memory against the stored text,
//! and query latency (p50/p99 over repeated runs) of who-said, key-figures, ask and search.
//! `cargo bench --bench scale` (takes a few minutes: it first writes the 10,000 articles).

use newsdesk::config::Limits;
use newsdesk::model::Article;
use newsdesk::query;
use newsdesk::store::{NewArticle, Scope, Store};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

const ARTICLES: usize = 10_000;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
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

fn percentiles(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

fn time_query(name: &str, runs: usize, mut f: impl FnMut()) {
    f();
    let ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let (p50, p99) = percentiles(ms);
    println!("query {name:32} p50 {p50:7.2} ms   p99 {p99:7.2} ms");
}

fn main() {
    let limits = Limits { max_articles_per_scope: ARTICLES * 2, ..Limits::default() };
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = fixtures();
    let scope = Scope::Guild(1);
    let mut text_bytes = 0usize;
    {
        let (store, _) = Store::open_with(dir.path(), limits.clone(), ARTICLES * 2).expect("open store");
        let t = Instant::now();
        for n in 0..ARTICLES {
            let (name, bytes) = &inputs[n % inputs.len()];
            text_bytes += bytes.len();
            store
                .add_article(scope, NewArticle { bytes: bytes.clone(), origin: format!("{n}-{name}"), title: None, added_by: None })
                .expect("add");
        }
        println!("added {ARTICLES} articles ({:.1} MB of text) in {:.1} s", text_bytes as f64 / 1e6, t.elapsed().as_secs_f64());
        store.compact().expect("compact");
    }
    let before = rss_mb();
    let t = Instant::now();
    let (store, report) = Store::open_with(dir.path(), limits, ARTICLES * 2).expect("reopen store");
    println!("start-up: loaded {} articles in {:.2} s (target ≤ 3 s)", report.articles, t.elapsed().as_secs_f64());
    let rss = rss_mb();
    let text_mb = text_bytes as f64 / 1e6;
    println!(
        "memory: RSS {rss:.0} MB after load ({:.0} MB for the store); stored text {text_mb:.1} MB; budget 4 × text + 50 MB = {:.0} MB",
        rss - before,
        4.0 * text_mb + 50.0
    );

    let articles = store.articles(scope);
    let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
    let runs = 200;
    time_query("who-said (all)", runs, || drop(black_box(query::who_said(&refs, None, None))));
    time_query("who-said topic:\"rare earths\"", runs, || drop(black_box(query::who_said(&refs, None, Some("rare earths")))));
    time_query("who-said speaker:Combs", runs, || drop(black_box(query::who_said(&refs, Some("Combs"), None))));
    time_query("key-figures", runs, || drop(black_box(query::key_figures(&refs, None))));
    time_query("ask who is Wu Xinbo?", runs, || drop(black_box(query::ask(&refs, "who is Wu Xinbo?"))));
    time_query("ask how big is the trade relationship?", runs, || {
        drop(black_box(query::ask(&refs, "how big is the US-China trade relationship?")))
    });
    time_query("search rare earth exports", runs, || drop(black_box(query::search(&refs, "rare earth exports"))));
}
