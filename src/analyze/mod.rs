//! The extraction engine: from a `Document` to its `Analysis`, once, at load.
//! Each stage is a plain function in its own module; `analyze` runs them in order
//! (people before quotes, so speakers resolve to the people the article names).
//! Every decision a stage makes is a named rule in [`rules`]; the rules that fired on a
//! finding's text are attached to it at the end.

pub mod datelines;
pub mod dates;
pub mod facilities;
pub mod figures;
pub mod fingerprint;
pub mod gazetteer;
pub mod keypoints;
pub mod language;
pub mod org_words;
pub mod organizations;
pub mod paraphrase;
pub mod people;
pub mod places;
pub mod proper_nouns;
pub mod quotes;
pub mod rules;
pub mod terms;
pub mod titles;

use crate::model::{Analysis, Document, Quote, QuoteKind};

pub fn analyze(doc: &Document) -> Analysis {
    let trace = rules::Trace::start();
    let tokens = people::tokens::TokenView::new(&doc.text, &doc.paragraphs);
    let mut people = people::extract_from(doc, &tokens);
    let mut quotes = quotes::extract_from(doc, &tokens, &mut people);
    drop_headline_and_caption_statements(doc, &mut quotes);
    paraphrase::complete_clauses(doc, &mut quotes);
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
        fingerprint: fingerprint::of(doc),
    };
    analysis.key_points = keypoints::select(doc, &analysis);
    rules::attach(&mut analysis, &trace.finish());
    analysis
}

/// A headline ("EU threatens retaliation as …") and a picture caption ("X announces
/// where …") describe the story; they are not statements. A quotation a caption
/// reproduces with its speaker is still that speaker's words, so direct quotes in
/// captions stay.
fn drop_headline_and_caption_statements(doc: &Document, quotes: &mut Vec<Quote>) {
    quotes.retain(|q| {
        !doc.in_headline(q.sentence)
            && !(q.kind == QuoteKind::Indirect && doc.in_caption(q.sentence))
    });
}
