//! A long document's work split over a helper thread (sentence splitting, the analysis
//! stages, the JSON sentence list) gives exactly what one thread gives.

use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::{analyze, parallel, render};

/// The fixture articles joined and repeated to about 200 KB (over every split threshold).
fn long_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture articles")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let one: String = paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .expect("article")
                .trim()
                .to_owned()
                + "\n\n"
        })
        .collect();
    one.repeat((200_000 / one.len()).max(1) + 1)
}

/// `extract --json --explain` text of `text`, ingested and analysed here.
fn extract(text: &str) -> (String, serde_json::Value) {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingest");
    let analysis = analyze::analyze(&doc);
    (
        render::json::extract_json_text(&doc, &analysis, true),
        render::json::extract_json_explained(&doc, &analysis),
    )
}

#[test]
fn split_work_gives_what_one_thread_gives() {
    let text = long_text();
    assert!(text.len() > 150_000);
    let (split, _) = extract(&text);
    // With every helper slot held, the same work runs on this thread alone.
    let held: Vec<parallel::Slot> = std::iter::from_fn(parallel::Slot::take).collect();
    let (alone, value) = extract(&text);
    drop(held);
    assert!(
        split == alone,
        "the split run's JSON differs from one thread's"
    );
    // The sentence list written apart and spliced in reads as the object written whole.
    let parsed: serde_json::Value = serde_json::from_str(&alone).expect("valid JSON");
    assert!(
        parsed == value,
        "the spliced JSON differs from the whole object"
    );
    assert!(
        parsed["sentences"]
            .as_array()
            .is_some_and(|s| s.len() > 1000)
    );
}

#[test]
fn an_analysis_only_shown_is_the_whole_one_without_its_fingerprint() {
    let long = long_text();
    let short = "Mayor Ada Lind said on Friday that the port will hire 300 workers.\n";
    for text in [long.as_str(), short] {
        let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingest");
        let mut whole = analyze::analyze(&doc);
        let shown = analyze::analyze_to_show(&doc);
        assert!(!whole.fingerprint.is_empty());
        assert!(shown.fingerprint.is_empty());
        assert_eq!(
            whole.fingerprint,
            analyze::fingerprint::of(&doc),
            "the split run's fingerprint is the document's"
        );
        whole.fingerprint.clear();
        assert!(shown == whole, "only the fingerprint may differ");
    }
}
