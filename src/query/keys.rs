//! The normalized keys the scope index stores and the questions look up: name words
//! (honorifics dropped), speaker and topic words, and their stems. One definition, used
//! by the index when an article joins it and by who-said and ask when a question is
//! matched against it, so both sides of a lookup always agree.

use crate::analyze::terms;
use crate::model::{Article, Quote};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

/// Honorifics and titles dropped from a name in a question ("Mr. Baird").
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "president",
    "minister",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "mayor",
    "judge",
    "chairman",
    "secretary",
];

/// Lower-cased name words without honorifics and punctuation; an initialism's letters
/// joined ("us" for "U.S." and "US").
pub(crate) fn name_words(s: &str) -> Vec<String> {
    terms::words(s)
        .map(|w| w.replace('.', ""))
        .filter(|w| !HONORIFICS.contains(&w.as_str()) && w != "the")
        .collect()
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words that never decide a name or topic match.
const IGNORED: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "about",
    "on",
    "in",
    "to",
    "for",
    "what",
    "who",
    "said",
    "say",
    "says",
    "did",
    "does",
    "is",
    "are",
    "was",
];

/// Lower-cased words of a speaker label or topic, without the words in [`IGNORED`]. A
/// dotted initialism is one word ("us" for "U.S.", as for "US"; a topic typed "us" is
/// more likely the country than the pronoun, so it is kept).
pub(crate) fn words(s: &str) -> Vec<String> {
    terms::undotted(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !IGNORED.contains(&w.as_str()))
        .collect()
}

/// English stems of [`words`], apostrophes read as word breaks; a hyphenated compound
/// also gives its parts ("chip-related" → "chip-rel", "chip", "relat"), so `topic:chips`
/// finds it.
pub(crate) fn stems(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words(&s.replace(['’', '\''], " ")) {
        if w.contains('-') {
            out.extend(
                w.split('-')
                    .filter(|p| !p.is_empty() && !IGNORED.contains(p))
                    .map(|p| STEMMER.stem(p).into_owned()),
            );
        }
        out.push(STEMMER.stem(&w).into_owned());
    }
    out
}

/// Times a word must occur in an article to count among its main terms.
const MAIN_TERM_MIN: usize = 3;

/// Stems of the paragraph a statement stands in: a statement is on the topic its
/// paragraph is about even when its own words are not.
pub(crate) fn paragraph_stems(a: &Article, q: &Quote) -> Vec<String> {
    let doc = &a.doc;
    doc.sentences
        .get(q.sentence)
        .and_then(|s| doc.paragraphs.get(s.paragraph))
        .map(|p| stems(doc.slice(*p)))
        .unwrap_or_default()
}

/// An article's main terms, which every statement in it is about: its title, its lead
/// paragraph and the words it uses at least [`MAIN_TERM_MIN`] times (sorted, once each).
pub(crate) fn article_stems(a: &Article) -> Vec<String> {
    let doc = &a.doc;
    let mut all = stems(&doc.text);
    all.sort_unstable();
    let mut out: Vec<String> = all
        .chunk_by(|x, y| x == y)
        .filter(|run| run.len() >= MAIN_TERM_MIN)
        .map(|run| run[0].clone())
        .collect();
    out.extend(stems(a.title()));
    let lead = doc.paragraphs.iter().find(|p| {
        doc.headline.is_none_or(|h| !h.overlaps(**p))
            && doc.dateline.is_none_or(|d| !d.overlaps(**p))
    });
    if let Some(p) = lead {
        out.extend(stems(doc.slice(*p)));
    }
    out.sort_unstable();
    out.dedup();
    out
}
