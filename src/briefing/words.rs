//! Content words for matching across articles: lower-cased, stop words dropped,
//! Porter2-stemmed — so "trade relationship" and "the trading relationships" meet.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::sync::LazyLock;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Function words and reporting filler that say nothing about what a figure measures.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "also",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "estimated",
    "few",
    "fewer",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "least",
    "less",
    "like",
    "more",
    "most",
    "much",
    "my",
    "nearly",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "roughly",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "total",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
];

static STOP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Lower-cased alphabetic words of `text` (numbers and punctuation split words apart).
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// The stems of `text`'s content words, in order, without duplicates.
pub fn content_stems(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for w in tokens(text) {
        if w.chars().count() < 2 || STOP.contains(w.as_str()) {
            continue;
        }
        let stem = STEMMER.stem(&w).into_owned();
        if seen.insert(stem.clone()) {
            out.push(stem);
        }
    }
    out
}

/// A name reduced for comparison: lower-case words, punctuation dropped ("U.S." → "us").
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(
            content_stems("the trading relationships"),
            content_stems("trade relationship")
        );
        assert_eq!(
            content_stems("US-China trade"),
            vec!["us", "china", "trade"]
        );
        assert!(content_stems("of the and").is_empty());
    }

    #[test]
    fn name_keys_drop_punctuation_and_case() {
        assert_eq!(name_key("  Dr.  Wu   Xinbo "), "dr wu xinbo");
        assert_eq!(name_key("U.S. Treasury"), "us treasury");
    }
}
