//! Venues named like institutions — museums, planetariums, zoos, space and science
//! centres — are places where the article only locates things in them ("a painting at
//! New York's Metropolitan Museum of Art", "a lab at Johnson Space Center"), as a reader
//! and GUM's guidelines take them, and organizations where the article has them act,
//! decide or employ ("the museum's CEO", "the Museum of Flight put in a bid").

use super::gazetteer::Heads;
use super::proper_nouns::{self, Chunk};
use crate::model::Document;
use std::sync::LazyLock;

/// Final words of venue names.
static FACILITY_HEADS: LazyLock<Heads> = LazyLock::new(|| {
    super::gazetteer::heads(
        "Museum\nPlanetarium\nObservatory\nZoo\nAquarium\nGallery\nSpace Center\n\
         Space Centre\nScience Center\nScience Centre\nArts Center\nArts Centre",
    )
});

/// Words before a name that only locate something in it.
const LOCATIVE: &[&str] = &["at", "in", "inside", "near", "outside", "from"];

/// Whether the chunk names a venue: it ends in a venue head ("Broad Art Museum") or
/// has one before "of" ("Museum of Flight").
pub fn is_facility(doc: &Document, chunk: &Chunk) -> bool {
    proper_nouns::ends_with_head(doc, chunk, &FACILITY_HEADS)
        || proper_nouns::head_before_of(doc, chunk, &FACILITY_HEADS)
}

/// Whether the mention at `ci` only locates: a locative preposition before it, past
/// "the" and a possessive name ("at New York's Metropolitan Museum of Art"), and no
/// possessive of its own ("the museum's curator").
fn locative(doc: &Document, chunks: &[Chunk], ci: usize) -> bool {
    let c = &chunks[ci];
    if c.possessive {
        return false;
    }
    let mut start = c.span.start;
    if let Some(p) = ci.checked_sub(1).map(|i| &chunks[i])
        && p.possessive
        && p.sentence == c.sentence
        && doc.text[p.span.end..start].trim_start_matches(['\'', '’', 's']) == " "
    {
        start = p.span.start;
    }
    let before = proper_nouns::words_before(doc, start, 2);
    let w = match before.first().map(|w| w.as_ref()) {
        Some("the") => before.get(1).map(|w| w.as_ref()),
        other => other,
    };
    w.is_some_and(|w| LOCATIVE.contains(&w))
}

/// The chunks that are venues mentioned only as locations: every chunk spelled the
/// same is a locative mention.
pub fn located_venues(doc: &Document, chunks: &[Chunk]) -> Vec<usize> {
    let venues: Vec<usize> = (0..chunks.len())
        .filter(|&ci| chunks[ci].words.len() >= 2 && is_facility(doc, &chunks[ci]))
        .collect();
    venues
        .iter()
        .copied()
        .filter(|&ci| {
            let text = chunks[ci].text(doc);
            venues
                .iter()
                .filter(|&&o| chunks[o].text(doc) == text)
                .all(|&o| locative(doc, chunks, o))
        })
        .collect()
}
