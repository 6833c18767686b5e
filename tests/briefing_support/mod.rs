//! Shared helpers for the briefing tests: articles from the dev fixtures (through the
//! real pipeline) or from text with hand-placed figures (to test the digest's own
//! logic independently of the engine's recall).

#![allow(dead_code)]

use chrono::{DateTime, Utc};
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::{Analysis, Article, Figure, FigureKind, Span};
use std::path::PathBuf;

pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("test timestamps are RFC 3339")
        .with_timezone(&Utc)
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An article built from text with the full analysis of the real engine.
pub fn analyzed(id: &str, text: &str, added_at: DateTime<Utc>) -> Article {
    let doc = ingest(
        text.as_bytes(),
        &IngestOptions {
            name_hint: Some(format!("{id}.txt")),
            title: None,
        },
    )
    .expect("test text ingests");
    let analysis = newsdesk::analyze::analyze(&doc);
    Article {
        id: id.into(),
        added_at,
        added_by: None,
        origin: format!("{id}.txt"),
        doc,
        analysis,
    }
}

/// An article from text whose figures are exactly `figures`: (verbatim text, kind,
/// value, unit, about, qualifier).
/// (verbatim text, kind, value, unit, about, qualifier).
pub type PlacedFigure<'a> = (&'a str, FigureKind, f64, &'a str, &'a str, Option<&'a str>);

pub fn with_figures(
    id: &str,
    text: &str,
    added_at: DateTime<Utc>,
    figures: &[PlacedFigure],
) -> Article {
    let doc = ingest(
        text.as_bytes(),
        &IngestOptions {
            name_hint: Some(format!("{id}.txt")),
            title: None,
        },
    )
    .expect("test text ingests");
    let figures = figures
        .iter()
        .map(|&(span_text, kind, value, unit, about, qualifier)| {
            let start = doc
                .text
                .find(span_text)
                .unwrap_or_else(|| panic!("{span_text:?} is not in {id}"));
            let sentence = doc.sentence_at(start).expect("figure lies in a sentence");
            Figure {
                text: Span::new(start, start + span_text.len()),
                kind,
                value: Some(value),
                value_max: None,
                unit: unit.into(),
                qualifier: qualifier.map(String::from),
                about: about.into(),
                sentence,
                score: 1.0,
                rules: Default::default(),
            }
        })
        .collect();
    Article {
        id: id.into(),
        added_at,
        added_by: None,
        origin: format!("{id}.txt"),
        doc,
        analysis: Analysis {
            figures,
            ..Analysis::default()
        },
    }
}
