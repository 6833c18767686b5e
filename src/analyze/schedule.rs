//! Which stage runs when, and on which thread.
//!
//! The stages form two chains and four loose stages:
//! - people → quotes (speakers resolve to the people);
//! - proper-noun chunks → places;
//! - organizations need both chains' results (chunks, people, places without people);
//! - figures, dates, the term index and the fingerprint read only the document.
//!
//! On one thread they run one after the other. On two, this thread reads the words (the
//! token view both chains share) while the helper finds the figures; then each thread
//! takes one chain. The places chain is handed over as soon as it is done, so
//! organizations start while the helper goes on; the search terms, dates and
//! fingerprint go to whichever thread is free first. The result is the same either way.

use super::people::tokens::TokenView;
use super::{
    dates, drop_headline_and_caption_statements, figures, fingerprint, language, organizations,
    paraphrase, people, places, proper_nouns, quotes, rules, terms,
};
use crate::model::{
    Analysis, DateMention, Document, Figure, Format, NamedEntity, Person, Quote, RuleId, Span,
    TermIndex,
};
use crate::text::segment;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One reading of the words, shared by people, quotes and proper-noun chunks.
fn token_view(doc: &Document) -> TokenView {
    TokenView::new(&doc.text, &doc.paragraphs)
}

/// Every stage on the calling thread; the fingerprint only if `fingerprint`.
pub(super) fn one_thread(doc: &Document, fingerprint: bool) -> Analysis {
    let view = token_view(doc);
    let (people, quotes) = person_stages(doc, &view);
    let (chunks, places) = place_stages(doc, &view);
    let figures = figures::extract(doc);
    let loose = Loose::new(doc, fingerprint);
    loose.run();
    loose.fill(finish_here(doc, people, quotes, &chunks, places), figures)
}

/// The stages split over this thread and one helper; also the helper's rule firings.
/// This thread reads the words while the helper finds the figures, then hands it the
/// reading for the proper-noun chunks. The loose stages go to whichever thread is free
/// first; the fingerprint is made only if `fingerprint`.
pub(super) fn two_threads(doc: &Document, fingerprint: bool) -> (Analysis, Vec<(RuleId, Span)>) {
    let view_cell = OnceLock::new();
    let loose = Loose::new(doc, fingerprint);
    let (analysis, figures, fired) = std::thread::scope(|s| {
        let (give_view, take_view) = std::sync::mpsc::sync_channel::<&TokenView>(1);
        let (handover, placed) = std::sync::mpsc::sync_channel(1);
        let loose = &loose;
        let helper = s.spawn(move || {
            crate::heap::helper_started();
            rules::traced(|| {
                let figures = figures::extract(doc);
                // No view comes only when this thread panicked before sending it (its
                // panic is raised at the join); reading the words here keeps the helper
                // from waiting for ever.
                let own;
                let view = match take_view.recv() {
                    Ok(view) => view,
                    Err(_) => {
                        own = token_view(doc);
                        &own
                    }
                };
                // The receiver lives until this thread is joined; a failed send cannot
                // happen, and would only mean the places are computed again.
                let _ = handover.send(place_stages(doc, view));
                loose.run();
                figures
            })
        });
        let view: &TokenView = view_cell.get_or_init(|| token_view(doc));
        let _ = give_view.send(view);
        let (people, quotes) = person_stages(doc, view);
        // A helper that panicked sent nothing: the join below raises its panic.
        let (chunks, places) = placed.recv().unwrap_or_else(|_| place_stages(doc, view));
        let analysis = finish_here(doc, people, quotes, &chunks, places);
        loose.run();
        let (figures, fired) = helper
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (analysis, figures, fired)
    });
    (loose.fill(analysis, figures), fired)
}

/// The stages that read only the document and that nothing else waits for, taken one
/// at a time by whichever thread has nothing else to do: how long each chain takes
/// varies from run to run and machine to machine, so no fixed split keeps both threads
/// busy to the end. The longest come first.
struct Loose<'a> {
    doc: &'a Document,
    /// The next stage to take, an index into [`Loose::ORDER`] (past its end: none left).
    next: AtomicUsize,
    /// Whether the fingerprint is wanted (an analysis only shown needs none).
    fingerprint: bool,
    terms: OnceLock<TermIndex>,
    dates: OnceLock<Vec<DateMention>>,
    fingerprinted: OnceLock<Vec<u32>>,
}

/// A loose stage.
#[derive(Clone, Copy)]
enum LooseStage {
    Terms,
    Dates,
    Fingerprint,
}

impl<'a> Loose<'a> {
    /// The order the stages are taken in: the longest first (on the 1 MB joined dev
    /// articles about 9, 8 and 6 ms).
    const ORDER: [LooseStage; 3] = [
        LooseStage::Terms,
        LooseStage::Dates,
        LooseStage::Fingerprint,
    ];

    fn new(doc: &'a Document, fingerprint: bool) -> Loose<'a> {
        Loose {
            doc,
            next: AtomicUsize::new(0),
            fingerprint,
            terms: OnceLock::new(),
            dates: OnceLock::new(),
            fingerprinted: OnceLock::new(),
        }
    }

    /// Takes and runs stages until none is left (another thread may still be running
    /// the last ones it took).
    fn run(&self) {
        while let Some(stage) = Self::ORDER.get(self.next.fetch_add(1, Ordering::Relaxed)) {
            // Each stage is taken once, so each cell is set once.
            match stage {
                LooseStage::Terms => drop(self.terms.set(terms::index(self.doc))),
                LooseStage::Dates => drop(self.dates.set(dates::extract(self.doc))),
                LooseStage::Fingerprint if self.fingerprint => {
                    drop(self.fingerprinted.set(fingerprint::of(self.doc)))
                }
                LooseStage::Fingerprint => {}
            }
        }
    }

    /// `analysis` with these stages' findings (all run) and `figures` in their places.
    fn fill(self, mut analysis: Analysis, figures: Vec<Figure>) -> Analysis {
        analysis.figures = figures;
        analysis.dates = self.dates.into_inner().unwrap_or_default();
        analysis.terms = self.terms.into_inner().unwrap_or_default();
        analysis.fingerprint = self.fingerprinted.into_inner().unwrap_or_default();
        analysis
    }
}

/// People, then quotes (whose speakers resolve to them).
fn person_stages(doc: &Document, tokens: &TokenView) -> (Vec<Person>, Vec<Quote>) {
    let mut people = people::extract_from(doc, tokens);
    let mut quotes = quotes::extract_from(doc, tokens, &mut people);
    drop_headline_and_caption_statements(doc, &mut quotes);
    paraphrase::complete_clauses(doc, &mut quotes);
    (people, quotes)
}

/// Proper-noun chunks and the places among them (people not yet taken out).
fn place_stages(
    doc: &Document,
    tokens: &TokenView,
) -> (Vec<proper_nouns::Chunk>, Vec<NamedEntity>) {
    let chunks = proper_nouns::chunks_from(doc, tokens);
    let places = places::extract_from(doc, &chunks);
    (chunks, places)
}

/// The stages that need both chains (organizations), and the language. Figures, dates,
/// terms and the fingerprint are left empty for the caller to fill in.
fn finish_here(
    doc: &Document,
    people: Vec<Person>,
    quotes: Vec<Quote>,
    chunks: &[proper_nouns::Chunk],
    mut places: Vec<NamedEntity>,
) -> Analysis {
    places::drop_people(&mut places, &people);
    let organizations = organizations::extract_from(doc, chunks, &people, &places);
    Analysis {
        quotes,
        figures: Vec::new(),
        people,
        organizations,
        places,
        dates: Vec::new(),
        key_points: Vec::new(),
        foreign_language: language::detect_foreign(doc),
        terms: TermIndex::default(),
        fingerprint: Vec::new(),
    }
}

/// A short article of our own, covering what each stage looks for, so that analysing it
/// builds the word lists, automata and patterns the stages build on first use.
const WARM_UP_TEXT: &str = "City to buy 40 electric buses\n\n\
    SPRINGFIELD, Ohio (March 3, 2026) — Mayor Ilse Varga said on Monday that the city \
    council will spend $3.5 million, about 12 percent of its budget, on 40 buses by \
    June 2027.\n\n\
    “We have waited long enough,” Varga told reporters at City Hall. The Transit \
    Workers Union, according to its chair Tom Lark, expects 400 new jobs in Ohio and \
    Kentucky next year.\n";

/// Builds the engine's one-time tables (word lists, automata, date patterns, then the
/// cleaning furniture set) by analysing a short article. A command-line run calls it on
/// a spare core while the main thread reads and cleans its input, so the tables are
/// ready when the stages need them; nothing else changes. The stages' tables come first:
/// the cleaning needs its own at once, and the main thread waited for this thread to
/// finish building them (a few milliseconds with nothing to do) when they came first.
pub fn warm_up() {
    let text = WARM_UP_TEXT.to_string();
    let paragraphs = segment::paragraphs(&text);
    let sentences = segment::sentences(&text, &paragraphs);
    let doc = Document {
        title: String::new(),
        date: None,
        byline: None,
        format: Format::Text,
        text,
        headline: None,
        dateline: None,
        captions: Vec::new(),
        paragraphs,
        sentences,
    };
    let _ = super::analyze(&doc);
    // Usually built by the main thread already (a no-op then).
    crate::ingest::clean::warm_up();
}
