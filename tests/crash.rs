//! Crash test (issue 7.2): start the console, stream `/article add` lines into it,
//! SIGKILL it at a random moment, restart, and check that every article acknowledged
//! before the kill is present and intact and that the store loads — many times over,
//! with frequent compaction so kills also land inside snapshot writes.
//!
//! The seed is printed; set NEWSDESK_CRASH_SEED to replay a run.

use newsdesk::config::Limits;
use newsdesk::store::{Scope, Store};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The console's scope (`console::CONSOLE_SCOPE`).
const CONSOLE: Scope = newsdesk::console::CONSOLE_SCOPE;

/// xorshift64*: enough randomness for kill times and article sizes, reproducible by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The body of article `tag`: unique, checkable, sometimes long (a longer write window).
fn body(tag: &str, rng: &mut Rng) -> String {
    let mut text = format!(
        "Crash report {tag}. The port authority said on Monday it would spend {} million dollars on new cranes.",
        rng.below(900) + 10
    );
    let filler = rng.below(4) == 0;
    let repeats = if filler {
        50 + rng.below(200)
    } else {
        rng.below(5)
    };
    for i in 0..repeats {
        text.push_str(&format!(
            " Paragraph {i} of {tag} notes that shipping volumes rose again."
        ));
    }
    text.push_str(&format!(" End of {tag}."));
    text
}

struct Session {
    /// Acknowledged articles: title → (id, body).
    acked: Vec<(String, String)>,
}

/// One console run: streams adds until killed after `kill_after`.
fn crash_once(
    data: &Path,
    round: usize,
    kill_after: Duration,
    rng: &mut Rng,
    bodies: &mut HashMap<String, String>,
) -> Session {
    let cwd = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("console")
        .current_dir(cwd.path())
        .env("NEWSDESK_DATA_DIR", data)
        .env("NEWSDESK_COMPACT_EVERY", "7")
        .env("NEWSDESK_LOG", "error")
        .env_remove("DISCORD_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the console starts");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (ack_tx, ack_rx) = std::sync::mpsc::channel::<()>();
    let reader = std::thread::spawn(move || {
        let mut acked = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            // "Added “crash-3-7” as a21 — 40 words."
            if let Some(rest) = line.strip_prefix("Added “")
                && let Some((title, tail)) = rest.split_once("” as ")
            {
                let id = tail.split_whitespace().next().unwrap_or("").to_string();
                acked.push((title.to_string(), id));
                let _ = ack_tx.send(());
            }
        }
        acked
    });
    let mut lines = Vec::new();
    for n in 0..400 {
        let tag = format!("crash-{round}-{n}");
        let text = body(&tag, rng);
        lines.push(format!("/article add title:\"{tag}\" text:\"{text}\"\n"));
        bodies.insert(tag, text);
    }
    let writer = std::thread::spawn(move || {
        for line in lines {
            if stdin.write_all(line.as_bytes()).is_err() {
                break; // the console was killed
            }
        }
    });
    // Kill while adds are streaming: a random moment after the first acknowledgement
    // (start-up time grows with the store, so a fixed delay would often kill too early).
    let _ = ack_rx.recv_timeout(Duration::from_secs(20));
    std::thread::sleep(kill_after);
    child.kill().expect("SIGKILL the console");
    let _ = child.wait();
    let _ = writer.join();
    let acked_ids = reader.join().unwrap();
    Session {
        acked: acked_ids.into_iter().collect(),
    }
}

#[test]
fn acknowledged_articles_survive_sigkill_at_random_points() {
    let seed = std::env::var("NEWSDESK_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("crash test seed: {seed} (set NEWSDESK_CRASH_SEED={seed} to replay)");
    let mut rng = Rng(seed);
    let data = tempfile::tempdir().unwrap();
    let mut bodies: HashMap<String, String> = HashMap::new();
    // title → id, for everything ever acknowledged.
    let mut expected: HashMap<String, String> = HashMap::new();
    let started = Instant::now();
    let mut rounds = 0;
    let mut total_acked = 0;
    while rounds < 30 && started.elapsed() < Duration::from_secs(25) {
        let kill_after = Duration::from_millis(rng.below(250));
        let session = crash_once(data.path(), rounds, kill_after, &mut rng, &mut bodies);
        total_acked += session.acked.len();
        for (title, id) in session.acked {
            assert!(
                expected.insert(title.clone(), id).is_none(),
                "{title} acknowledged twice"
            );
        }

        // The store loads, and every acknowledged article is there, whole, under its id.
        let store = match Store::open(data.path(), Limits::default()) {
            Ok(s) => s,
            Err(e) => {
                panic!("round {rounds} (seed {seed}): the store did not load after SIGKILL: {e}")
            }
        };
        let articles = store.articles(CONSOLE);
        let by_title: HashMap<&str, _> = articles.iter().map(|a| (a.title(), a)).collect();
        assert_eq!(
            by_title.len(),
            articles.len(),
            "round {rounds}: duplicate titles in the store"
        );
        for (title, id) in &expected {
            let Some(a) = by_title.get(title.as_str()) else {
                panic!(
                    "round {rounds} (seed {seed}): acknowledged article {title} ({id}) is missing"
                );
            };
            assert_eq!(&a.id, id, "{title} changed id");
            let want = &bodies[title];
            let source = store
                .article_source(CONSOLE, id)
                .expect("the source is kept");
            assert_eq!(
                String::from_utf8_lossy(&source),
                *want,
                "round {rounds}: {title}'s source is not intact"
            );
            assert!(
                a.doc.text.contains(&format!("End of {title}.")),
                "round {rounds}: {title} was not re-read whole"
            );
        }
        // Ids are unique and increasing in insertion order.
        let numbers: Vec<u64> = articles
            .iter()
            .map(|a| a.id[1..].parse().unwrap())
            .collect();
        assert!(
            numbers.windows(2).all(|w| w[0] < w[1]),
            "round {rounds}: ids out of order: {numbers:?}"
        );
        drop(store);
        rounds += 1;
    }
    eprintln!("{rounds} kills, {total_acked} acknowledged adds, all present after restart");
    assert!(
        rounds >= 5,
        "too few rounds ran ({rounds}) to mean anything"
    );
    assert!(
        total_acked > 0,
        "no add was acknowledged before any kill; the test proves nothing"
    );

    // The console itself restarts on the crashed data and lists everything.
    let cwd = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("console")
        .current_dir(cwd.path())
        .env("NEWSDESK_DATA_DIR", data.path())
        .env_remove("DISCORD_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(b"/article list\n")?;
            c.wait_with_output()
        })
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = String::from_utf8_lossy(&out.stdout);
    for title in expected.keys() {
        assert!(
            listing.contains(title.as_str()),
            "{title} not listed after restart"
        );
    }
}
