//! Shared by the hostile-input table, the property tests and the cargo-fuzz target: run one
//! input through ingest → analyze → JSON rendering on a thread with an ordinary 2 MiB
//! stack (what the bot's blocking pool and the console's worker threads get), catch hangs
//! with a generous deadline, and check that everything the engine reports points into the
//! text on char boundaries.

#![allow(dead_code)]

use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::{Analysis, Document, Span};
use newsdesk::render::json::extract_json;
use std::sync::mpsc;
use std::time::Duration;

/// Hang detector, not a timing assertion: debug builds get a wide margin.
pub const HANG_BOUND: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(60)
} else {
    Duration::from_secs(20)
};

/// What one pipeline run produced.
pub struct Outcome {
    pub doc: Document,
    pub analysis: Analysis,
    pub json: serde_json::Value,
}

/// Ingest, analyze and render `bytes`, checking every span. Returns the ingest error, if any.
pub fn pipeline(bytes: &[u8], name_hint: Option<&str>) -> newsdesk::Result<Outcome> {
    let opts = IngestOptions {
        name_hint: name_hint.map(str::to_string),
        ..Default::default()
    };
    let doc = ingest(bytes, &opts)?;
    let analysis = analyze(&doc);
    check_spans(&doc, &analysis);
    let json = extract_json(&doc, &analysis);
    // The rendered object must serialize (no NaN/inf smuggled in as numbers, etc.).
    serde_json::to_string(&json).expect("extract JSON serializes");
    Ok(Outcome {
        doc,
        analysis,
        json,
    })
}

/// Runs `work` on a fresh 2 MiB-stack thread and fails the test if it panics or takes
/// longer than `bound`.
pub fn bounded<T: Send + 'static>(
    label: &str,
    bound: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name(format!("hostile:{label}"))
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(work());
        })
        .expect("spawn worker");
    match rx.recv_timeout(bound) {
        Ok(value) => {
            let _ = handle.join();
            value
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{label}: still running after {bound:?} — a hang or a quadratic blow-up")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let payload = handle.join().err();
            let why = payload
                .as_ref()
                .and_then(|p| {
                    p.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                })
                .unwrap_or_else(|| "unknown panic".into());
            panic!("{label}: the pipeline panicked: {why}")
        }
    }
}

/// [`pipeline`] under [`bounded`].
pub fn run(
    label: &str,
    bytes: Vec<u8>,
    name_hint: Option<&'static str>,
) -> newsdesk::Result<Outcome> {
    bounded(label, HANG_BOUND, move || pipeline(&bytes, name_hint))
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} past the end ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} is not on char boundaries"
    );
}

/// Every span the document and the analysis report lies within the text, on char
/// boundaries; every sentence index is a sentence.
pub fn check_spans(doc: &Document, a: &Analysis) {
    let text = doc.text.as_str();
    let sentences = doc.sentences.len();
    if let Some(h) = doc.headline {
        check_span(text, h, "headline");
    }
    for p in &doc.paragraphs {
        check_span(text, *p, "paragraph");
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(text, s.span, "sentence");
        assert!(
            s.paragraph < doc.paragraphs.len().max(1),
            "sentence {i}: paragraph {} of {}",
            s.paragraph,
            doc.paragraphs.len()
        );
    }
    assert!(
        doc.sentences
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "sentences are not in text order"
    );
    for q in &a.quotes {
        check_span(text, q.text, "quote");
        if let Some(c) = q.cue {
            check_span(text, c, "quote cue");
        }
        assert!(
            q.sentence < sentences,
            "quote sentence {} of {sentences}",
            q.sentence
        );
    }
    for f in &a.figures {
        check_span(text, f.text, "figure");
        assert!(
            f.sentence < sentences,
            "figure sentence {} of {sentences}",
            f.sentence
        );
        assert!(
            f.value.is_none_or(f64::is_finite),
            "figure value {:?} is not finite",
            f.value
        );
        assert!(
            f.value_max.is_none_or(f64::is_finite),
            "figure value_max {:?} is not finite",
            f.value_max
        );
        assert!(f.score.is_finite(), "figure score is not finite");
    }
    for p in &a.people {
        for m in &p.mentions {
            check_span(text, *m, "person mention");
        }
    }
    for e in a.organizations.iter().chain(&a.places) {
        for m in &e.mentions {
            check_span(text, *m, "entity mention");
        }
    }
    for d in &a.dates {
        check_span(text, d.text, "date");
        assert!(
            d.sentence < sentences,
            "date sentence {} of {sentences}",
            d.sentence
        );
    }
    for &k in &a.key_points {
        assert!(k < sentences, "key point {k} of {sentences}");
    }
}
