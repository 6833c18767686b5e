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
mod place_group;
mod place_words;
pub mod places;
pub mod proper_nouns;
pub mod quotes;
pub mod rules;
mod schedule;
pub mod terms;
pub mod titles;

pub use schedule::warm_up;

use crate::model::{Analysis, Document, Quote, QuoteKind};

/// The analysis of `doc`: every stage, run once (on two threads for a long document).
pub fn analyze(doc: &Document) -> Analysis {
    analyze_with(doc, true)
}

/// [`analyze`] for an analysis that is only shown (`newsdesk extract`): everything but
/// the fingerprint, which the store alone reads (to spot an article added twice) and
/// which is left empty.
pub fn analyze_to_show(doc: &Document) -> Analysis {
    analyze_with(doc, false)
}

fn analyze_with(doc: &Document, fingerprint: bool) -> Analysis {
    let trace = rules::Trace::start();
    // A long document splits its stages over a helper thread when one is free; its rule
    // firings join this thread's trace. A short one (a news article) runs everything
    // here: a thread would cost more than it saves.
    let helper = (doc.text.len() >= PARALLEL_FROM)
        .then(crate::parallel::Slot::take)
        .flatten();
    let (mut analysis, side_fired) = match helper {
        Some(_slot) => schedule::two_threads(doc, fingerprint),
        None => (schedule::one_thread(doc, fingerprint), Vec::new()),
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
