//! Property tests (issue 7.6): arbitrary bytes, arbitrary strings and generated
//! article-like text (quotation marks of every kind, numbers and money, capitalised names,
//! speech verbs, HTML tags, zero-width and right-to-left marks, emoji) through
//! ingest → analyze → JSON rendering. Properties: no panic; every span the engine reports
//! lies within the text on char boundaries; every sentence index exists; analysis is
//! deterministic; only `BadInput`/`Limit` errors come back.
//!
//! Bounded for CI (`cargo test --release` finishes it in well under a minute). For a longer
//! run set `PROPTEST_CASES`, e.g. `PROPTEST_CASES=20000 cargo test --release --test fuzz_props`,
//! or use the cargo-fuzz target in `fuzz/` (see the README's "Fuzzing" note).

mod hostile_support;

use hostile_support::{check_spans, pipeline};
use newsdesk::Error;
use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};
use proptest::prelude::*;

/// Cases per property: `PROPTEST_CASES` when set, else a CI-sized default.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(192)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

/// Pieces that stress the engine's rules: every quote style, figures and their units,
/// names and titles, attribution cues, markup, and Unicode edge cases.
const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "``",
    "''",
    "—",
    "–",
    "-",
    "…",
    "...",
    "said",
    "says",
    "told",
    "according to",
    "added",
    "warned",
    "he said",
    "she told reporters",
    "Mr.",
    "Dr.",
    "Gov.",
    "U.S.",
    "Laura",
    "Chen",
    "Baker",
    "O'Neil",
    "McDonald",
    "van der Berg",
    "Jean-Luc",
    "Ministry of Finance",
    "the Council",
    "Inc.",
    "Corp.",
    "Paris",
    "New York",
    "Beijing",
    "$",
    "€",
    "£",
    "¥",
    "4.2",
    "1,200",
    "15%",
    "3.5 million",
    "$4.2bn",
    "7-2",
    "1990s",
    "2nd",
    "50th",
    "0.001",
    "1e9",
    "99999999999999999999",
    "½",
    "٣",
    "一千",
    "-5",
    "+3",
    "%",
    "per cent",
    "km",
    "kg",
    "Jan.",
    "March 3",
    "2024",
    "last Tuesday",
    "10 a.m.",
    "1990-2000",
    "Q3",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<b>",
    "</b>",
    "<a href=\"x\">",
    "</a>",
    "&amp;",
    "&nbsp;",
    "&#8220;",
    "<!--",
    "-->",
    "<h1>",
    "</h1>",
    "<title>",
    "</title>",
    "\u{200b}",
    "\u{200d}",
    "\u{200f}",
    "\u{202e}",
    "\u{feff}",
    "\u{00ad}",
    "\u{0301}",
    "e\u{0301}",
    "😀",
    "👩🏽‍🔬",
    "🇨🇭",
    "قال",
    "שלום",
    "Привет",
    "日本語",
    "\t",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    "[",
    "]",
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "price",
    "rose",
    "fell",
    "people",
    "year",
    "government",
];

/// Article-like text: a few hundred pieces glued with spaces or nothing.
fn article_like() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), any::<bool>()), 0..400).prop_map(|parts| {
        let mut text = String::new();
        for (piece, space) in parts {
            text.push_str(piece);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// Runs the pipeline and checks the error kind when it refuses.
fn check(bytes: &[u8], hint: Option<&str>) -> Result<(), TestCaseError> {
    match pipeline(bytes, hint) {
        Ok(_) => Ok(()),
        Err(Error::BadInput(msg)) | Err(Error::Limit(msg)) => {
            prop_assert!(!msg.trim().is_empty(), "empty error message");
            Ok(())
        }
        Err(other) => Err(TestCaseError::fail(format!(
            "unexpected error kind: {other:?}"
        ))),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes, None)?;
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>(), html in any::<bool>()) {
        check(text.as_bytes(), html.then_some("page.html"))?;
    }

    #[test]
    fn article_like_text_has_valid_spans(text in article_like(), hint in prop::sample::select(&[None, Some("a.txt"), Some("a.md"), Some("a.html")][..])) {
        check(text.as_bytes(), hint)?;
    }

    #[test]
    fn analysis_is_deterministic(text in article_like()) {
        if let Ok(doc) = ingest(text.as_bytes(), &IngestOptions::default()) {
            let first = analyze(&doc);
            check_spans(&doc, &first);
            prop_assert_eq!(first, analyze(&doc));
        }
    }
}
