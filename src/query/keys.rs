//! The normalized keys the scope index stores and the questions look up: name words
//! (honorifics dropped), speaker and topic words, and their stems. One definition, used
//! by the index when an article joins it and by who-said and ask when a question is
//! matched against it, so both sides of a lookup always agree.

use crate::analyze::terms;
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

/// Lower-cased name words without honorifics and punctuation.
pub(crate) fn name_words(s: &str) -> Vec<String> {
    terms::words(s)
        .map(|w| w.trim_end_matches('.').to_string())
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

/// Lower-cased words of a speaker label or topic, without the words in [`IGNORED`].
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !IGNORED.contains(&w.as_str()))
        .collect()
}

/// English stems of [`words`], apostrophes read as word breaks.
pub(crate) fn stems(s: &str) -> Vec<String> {
    words(&s.replace(['’', '\''], " "))
        .iter()
        .map(|w| STEMMER.stem(w).into_owned())
        .collect()
}
