//! `newsdesk extract` end to end: valid JSON with verbatim, ordered sentences on every
//! dev article; page furniture gone from the seed; hostile input refused with exit
//! status 2, one clear stderr line, quickly and without a panic.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
}

fn fixtures() -> Vec<PathBuf> {
    common::fixtures::article_paths()
}

fn extract_json(path: &Path) -> serde_json::Value {
    let out = bin()
        .args(["extract", "--json"])
        .arg(path)
        .output()
        .expect("run newsdesk");
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", path.display()))
}

fn sentences(v: &serde_json::Value) -> Vec<(String, usize, usize)> {
    v["sentences"]
        .as_array()
        .expect("sentences array")
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap().to_string(),
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

#[test]
fn every_fixture_gives_valid_json_with_verbatim_ordered_sentences() {
    let files = fixtures();
    assert!(files.len() >= 15);
    for path in files {
        let v = extract_json(&path);
        for key in [
            "quotes",
            "figures",
            "people",
            "organizations",
            "places",
            "dates",
            "key_points",
        ] {
            assert!(
                v[key].is_array(),
                "{}: {key} is not an array",
                path.display()
            );
        }
        let ss = sentences(&v);
        assert!(!ss.is_empty(), "{}: no sentences", path.display());
        let original = std::fs::read_to_string(&path).unwrap();
        let mut last_end = 0;
        // Reconstruct the cleaned text's shape: sentences are slices of one text, so
        // the gap between consecutive sentences is whitespace only and the offsets
        // grow; each sentence's text must occur verbatim in the source article.
        for (text, start, end) in &ss {
            assert!(
                *start >= last_end && end > start,
                "{}: sentences out of order at {start}",
                path.display()
            );
            assert_eq!(
                end - start,
                text.len(),
                "{}: span length differs from text",
                path.display()
            );
            assert_eq!(text.trim(), text, "{}: untrimmed sentence", path.display());
            let first_line = text.lines().next().unwrap();
            assert!(
                original.contains(first_line),
                "{}: sentence not verbatim: {text:?}",
                path.display()
            );
            last_end = *end;
        }
        let title = v["title"].as_str().unwrap_or("");
        assert!(!title.is_empty(), "{}: empty title", path.display());
    }
}

#[test]
fn seed_drops_furniture_keeps_date_and_splits_body() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles/seed-us-china-rare-earths.txt");
    let v = extract_json(&path);
    assert_eq!(v["date"], "2025-10-23");
    let ss = sentences(&v);
    for (text, _, _) in &ss {
        assert!(
            !text.contains("px") && !text.contains('↺'),
            "widget left in {text:?}"
        );
        assert_ne!(text, "News.Az");
    }
    let body: Vec<&str> = ss
        .iter()
        .map(|s| s.0.as_str())
        .filter(|t| *t != "2025-10-23")
        .collect();
    assert_eq!(body.len(), 13, "{body:#?}");
    assert!(body[0].starts_with("Just weeks after U.S. President Donald Trump praised"));
    assert!(body[0].ends_with("trade and technology."));
    assert!(
        body[2].starts_with("\u{201c}China believes")
            && body[2].ends_with(
                "said Wu Xinbo, director of the American Studies Center at Fudan University."
            )
    );
    assert!(body[3].ends_with("new U.S. trade barriers."));
    assert!(body[4].starts_with("The move caught U.S. officials off guard"));
    assert!(body[7].ends_with("said Cory Combs, an analyst at Trivium China."));
    assert!(body[8].starts_with("\u{201c}It directly targets"));
    assert!(body[10].starts_with("U.S. officials have reportedly"));
    assert!(body[12].ends_with("a call with Xi."));
    // "News.Az reports" inside a sentence is prose, not furniture.
    assert!(body[1].contains("News.Az reports, citing Reuters."));
}

#[test]
fn noisy_fixtures_lose_share_lines_but_keep_captions_and_their_credits() {
    for name in [
        "wn-2010-chile-aftershocks",
        "wn-2011-nasa-shuttle-retirement-homes",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/articles/{name}.txt"));
        let v = extract_json(&path);
        let ss = sentences(&v);
        let all: Vec<&str> = ss.iter().map(|s| s.0.as_str()).collect();
        // A picture credit stays in the caption it closes: the photographer is a person
        // the article names (and the credit ends the caption's sentence).
        assert!(
            all.iter()
                .any(|t| t.starts_with("Image:") || t.contains(" Image: ")),
            "{name}: credit lost"
        );
        assert!(
            all.iter().all(|t| *t != "Share this:" && *t != "Wikinews"),
            "{name}: share/outlet kept"
        );
        assert!(v["date"].as_str().is_some(), "{name}: no date");
        assert!(all.len() > 20);
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles/wn-2010-chile-aftershocks.txt");
    let v = extract_json(&path);
    assert_eq!(v["date"], "2010-11-28");
    let all: Vec<String> = sentences(&v).into_iter().map(|s| s.0).collect();
    let people: Vec<&str> = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(people.contains(&"Diego Grez"), "{people:?}");
    // The caption holding Bárbara Ponce's quote is article text, not furniture.
    assert!(
        all.iter()
            .any(|t| t == "\"It catched my mother in Pichilemu.")
    );
    assert!(all.iter().all(|t| !t.starts_with("Have an opinion")));
}

/// A hang detector, not a speed check (speed is measured by `cargo bench`): a refusal
/// that takes this long means the input was processed instead of refused.
fn hang_bound() -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 30 })
}

fn run_with_input(bytes: &[u8]) -> (Output, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("input.txt");
    std::fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    let out = bin()
        .args(["extract", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    (out, start.elapsed())
}

fn assert_refused(out: &Output, elapsed: Duration, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{what}: status {:?}, stderr {stderr}",
        out.status
    );
    assert_eq!(
        stderr.trim().lines().count(),
        1,
        "{what}: stderr is not one line: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(out.stdout.is_empty(), "{what}: printed to stdout");
    assert!(elapsed < hang_bound(), "{what}: took {elapsed:?}");
}

#[test]
fn hostile_inputs_exit_2_with_one_clear_line() {
    // Random bytes (a fixed LCG, so the test is deterministic).
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let random: Vec<u8> = (0..200_000)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 56) as u8
        })
        .collect();
    let (out, t) = run_with_input(&random);
    assert_refused(&out, t, "random bytes");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(".txt"),
        "message should say what to upload"
    );

    let invalid_utf8 =
        b"\xC3\x28\xA0\xA1\xE2\x28\xA1\xF0\x28\x8C\xBC\xF0\x90\x28\xBC\xFF\xFE\xFD".repeat(100);
    let (out, t) = run_with_input(&invalid_utf8);
    assert_refused(&out, t, "invalid UTF-8");

    let (out, t) = run_with_input(b"");
    assert_refused(&out, t, "empty file");
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));

    let (out, t) = run_with_input(b"  \n\n\t  \n");
    assert_refused(&out, t, "whitespace only");

    let (out, t) =
        run_with_input(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    assert_refused(&out, t, "PDF");
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));

    let start = Instant::now();
    let out = bin()
        .args(["extract", "--json", "/nonexistent/article.txt"])
        .output()
        .unwrap();
    assert_refused(&out, start.elapsed(), "missing file");
}

/// A 5 MB line with no spaces is not article text (no prose has a 20,000-character
/// word): it is refused with a clear message, fast, before any analysis runs.
#[test]
fn five_megabyte_line_without_spaces_is_refused_quickly() {
    let line: Vec<u8> = b"abcdefghij."
        .iter()
        .copied()
        .cycle()
        .take(5_000_000)
        .collect();
    let (out, t) = run_with_input(&line);
    assert_refused(&out, t, "5 MB line without spaces");
    assert!(String::from_utf8_lossy(&out.stderr).contains("without a space"));
    // A long but plausible token (a URL) inside prose is fine.
    let text = format!(
        "Storm hits coast\n\nThe report is at https://example.org/{} and it is long.\n",
        "a".repeat(3_000)
    );
    let (out, _) = run_with_input(text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn standard_input_and_human_report() {
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Storm hits coast\n\nMarch 8, 2011\n\nBy Jane Doe\n\nThe storm hit at dawn. Nobody was hurt.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.starts_with("Storm hits coast\n"), "{report}");
    assert!(report.contains("Tuesday, March 8, 2011"), "{report}");
    assert!(report.contains("Jane Doe"), "{report}");
    for section in [
        "Quotes",
        "Figures",
        "People",
        "Organizations",
        "Places",
        "Dates",
        "Key points",
    ] {
        assert!(
            report.contains(&format!("\n{section}")),
            "missing {section}: {report}"
        );
    }
    assert!(
        !report.trim_start().starts_with('{'),
        "default output must not be JSON"
    );
}

/// A long input takes the one-shot path (the allocator on huge pages, the tables built
/// on a second core, the JSON written in two halves); its output must be what the
/// engine gives in-process, byte for byte.
#[test]
fn long_input_gives_the_same_json_as_the_engine_in_process() {
    let mut joined = String::new();
    while joined.len() < 200 * 1024 {
        for path in fixtures() {
            joined.push_str(std::fs::read_to_string(&path).expect("fixture").trim());
            joined.push_str("\n\n");
        }
    }
    let dir = std::env::temp_dir().join(format!("newsdesk-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("long.txt");
    std::fs::write(&path, &joined).expect("write the joined articles");
    let out = bin()
        .args(["extract", "--json"])
        .arg(&path)
        .output()
        .expect("run newsdesk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let opts = newsdesk::ingest::IngestOptions {
        name_hint: Some(path.to_string_lossy().into_owned()),
        title: None,
    };
    let doc = newsdesk::ingest::ingest(joined.as_bytes(), &opts).expect("ingest");
    let analysis = newsdesk::analyze::analyze(&doc);
    let expected = newsdesk::render::json::extract_json_text(&doc, &analysis, false) + "\n";
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.stdout == expected.as_bytes(),
        "the command's JSON ({} bytes) differs from the engine's ({} bytes)",
        out.stdout.len(),
        expected.len()
    );
}
