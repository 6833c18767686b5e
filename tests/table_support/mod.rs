//! The harness the table tests share: every case is checked, the problems of each
//! failing case are collected, and the test fails once, listing every failing case
//! with its text. Quote tables also share how a case is run and how its quotes are
//! matched.
#![allow(dead_code)]

use newsdesk::analyze::{people, quotes};
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::QuoteKind;

/// A quote as a table sees it: speaker, quoted words, kind.
pub type Found = (String, String, QuoteKind);

/// The kinds, short, for quote tables.
pub const D: QuoteKind = QuoteKind::Direct;
pub const I: QuoteKind = QuoteKind::Indirect;

/// A quote-table case: article text, expected statements as (speaker, words inside the
/// statement, kind).
pub type QuoteCase = (
    &'static str,
    &'static [(&'static str, &'static str, QuoteKind)],
);

/// Checks a quote table: each case must give exactly its statements (see
/// [`quote_problems`]).
pub fn assert_quote_table(cases: &[QuoteCase]) {
    assert_table(cases, |(text, want)| {
        let got = quotes_of(text);
        (text.to_string(), quote_problems(&got, want))
    });
}

/// Checks every case; fails listing each case whose check returned problems.
/// `check` gives the case's text and its problems (none when it passes).
pub fn assert_table<C>(cases: &[C], check: impl Fn(&C) -> (String, Vec<String>)) {
    let failures: Vec<String> = cases
        .iter()
        .enumerate()
        .filter_map(|(i, case)| {
            let (text, problems) = check(case);
            (!problems.is_empty())
                .then(|| format!("case {i}: {text:?}\n    {}", problems.join("\n    ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The quotes the engine finds in `text` (people first, as the analysis runs them).
pub fn quotes_of(text: &str) -> Vec<Found> {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("case text ingests");
    let mut ppl = people::extract(&doc);
    quotes::extract(&doc, &mut ppl)
        .into_iter()
        .map(|q| (q.speaker, doc.slice(q.text).to_string(), q.kind))
        .collect()
}

/// What is wrong with `got` against `want`: each wanted (speaker, words, kind) must
/// match one quote of that speaker (any case) and kind whose text holds the words, and
/// no quote may be left over.
pub fn quote_problems(got: &[Found], want: &[(&str, &str, QuoteKind)]) -> Vec<String> {
    let mut used = vec![false; got.len()];
    let mut problems = Vec::new();
    for (speaker, words, kind) in want {
        let hit = got.iter().enumerate().position(|(j, (s, t, k))| {
            !used[j] && s.eq_ignore_ascii_case(speaker) && t.contains(words) && k == kind
        });
        match hit {
            Some(j) => used[j] = true,
            None => problems.push(format!("missing ({speaker:?}, {words:?}, {kind:?})")),
        }
    }
    for (j, g) in got.iter().enumerate() {
        if !used[j] {
            problems.push(format!("extra {g:?}"));
        }
    }
    problems
}
