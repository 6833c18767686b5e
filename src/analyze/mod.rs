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
pub mod org_group;
pub mod org_shapes;
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

use crate::model::{
    Analysis, DateMention, Document, Figure, NamedEntity, Person, Quote, QuoteKind, TermIndex,
};

pub fn analyze(doc: &Document) -> Analysis {
    let trace = rules::Trace::start();
    // One reading of the words, shared by people, quotes and proper-noun chunks.
    let view = people::tokens::TokenView::new(&doc.text, &doc.paragraphs);
    // A long document runs the stages that need neither people nor quotes on a second
    // thread; its rule firings join this thread's trace. A short one (a news article)
    // runs everything here: a thread would cost more than it saves.
    let ((people, quotes, terms, fingerprint), (chunks, mut places, figures, dates), side_fired) =
        if doc.text.len() >= PARALLEL_FROM {
            std::thread::scope(|s| {
                let worker = s.spawn(|| rules::traced(|| side_stages(doc, &view)));
                let own = person_stages(doc, &view);
                let (side, fired) = worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (own, side, fired)
            })
        } else {
            (
                person_stages(doc, &view),
                side_stages(doc, &view),
                Vec::new(),
            )
        };
    places::drop_people(&mut places, &people);
    let organizations = organizations::extract_from(doc, &chunks, &people, &places);
    let mut analysis = Analysis {
        quotes,
        figures,
        people,
        organizations,
        places,
        dates,
        key_points: Vec::new(),
        foreign_language: language::detect_foreign(doc),
        terms,
        fingerprint,
    };
    analysis.key_points = keypoints::select(doc, &analysis);
    rules::absorb(&side_fired);
    let mut fired = trace.finish();
    fired.extend(side_fired);
    rules::attach(&mut analysis, &fired);
    analysis
}

/// Text length (bytes) from which [`analyze`] uses a second thread.
const PARALLEL_FROM: usize = 64 * 1024;

type PersonStages = (Vec<Person>, Vec<Quote>, TermIndex, Vec<u32>);
type SideStages = (
    Vec<proper_nouns::Chunk>,
    Vec<NamedEntity>,
    Vec<Figure>,
    Vec<DateMention>,
);

/// People, then quotes (whose speakers resolve to them), the term index and the
/// fingerprint.
fn person_stages(doc: &Document, tokens: &people::tokens::TokenView) -> PersonStages {
    let mut people = people::extract_from(doc, tokens);
    let mut quotes = quotes::extract_from(doc, tokens, &mut people);
    drop_headline_and_caption_statements(doc, &mut quotes);
    paraphrase::complete_clauses(doc, &mut quotes);
    (people, quotes, terms::index(doc), fingerprint::of(doc))
}

/// The stages that read only the document: proper-noun chunks, places (before people
/// are taken out of them), figures and dates.
fn side_stages(doc: &Document, tokens: &people::tokens::TokenView) -> SideStages {
    let chunks = proper_nouns::chunks_from(doc, tokens);
    let places = places::extract_from(doc, &chunks);
    (chunks, places, figures::extract(doc), dates::extract(doc))
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
