//! The extraction engine: from a `Document` to its `Analysis`, once, at load.
//! Each stage is a plain function in its own module; `analyze` runs them in order
//! (people before quotes, so speakers resolve to the people the article names).
//! Every decision a stage makes is a named rule in [`rules`]; the rules that fired on a
//! finding's text are attached to it at the end.

pub mod dates;
pub mod figures;
pub mod keypoints;
pub mod language;
pub mod organizations;
pub mod people;
pub mod places;
pub mod proper_nouns;
pub mod quotes;
pub mod rules;
pub mod terms;

use crate::model::{Analysis, Document};

pub fn analyze(doc: &Document) -> Analysis {
    let trace = rules::Trace::start();
    let tokens = people::tokens::TokenView::new(&doc.text, &doc.paragraphs);
    let mut people = people::extract_from(doc, &tokens);
    let quotes = quotes::extract_from(doc, &tokens, &mut people);
    let chunks = proper_nouns::chunks(doc);
    let mut places = places::extract_from(doc, &chunks);
    places::drop_people(&mut places, &people);
    let organizations = organizations::extract_from(doc, &chunks, &people, &places);
    let figures = figures::extract(doc);
    let dates = dates::extract(doc);
    let mut analysis = Analysis {
        quotes,
        figures,
        people,
        organizations,
        places,
        dates,
        key_points: Vec::new(),
        foreign_language: language::detect_foreign(doc),
        terms: terms::index(doc),
    };
    analysis.key_points = keypoints::select(doc, &analysis);
    rules::attach(&mut analysis, &trace.finish());
    analysis
}
