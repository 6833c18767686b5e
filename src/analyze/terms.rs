//! Search terms: lower-cased, apostrophe-folded, Porter2-stemmed words without stop
//! words, hashed to `u32` ids. Built once per article at analysis time (`TermIndex`) so
//! questions and searches stem only the query, never the articles.

use crate::model::{Document, TermIndex};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// FNV-1a, stable across runs and platforms (ids are stored with the analysis).
fn hash(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Lower-cased words of `text` (letters and digits; inner apostrophes, dots and
/// hyphens split words, a possessive "'s" is dropped).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.trim_matches(['\'', '’']);
            let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
            w.replace('’', "'").to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

/// The term id of one lower-cased word, or `None` for a stop word.
pub fn term(word: &str) -> Option<u32> {
    if super::proper_nouns::is_stopword(word) {
        return None;
    }
    Some(hash(&STEMMER.stem(word)))
}

/// Term ids of a text, in order, stop words left out.
pub fn terms(text: &str) -> Vec<u32> {
    words(text).filter_map(|w| term(&w)).collect()
}

/// The per-sentence term index of a document.
pub fn index(doc: &Document) -> TermIndex {
    let mut postings: Vec<(u32, u32, u16)> = Vec::new();
    let mut lengths = Vec::with_capacity(doc.sentences.len());
    let mut sentence_terms: Vec<u32> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        sentence_terms.clear();
        sentence_terms.extend(terms(doc.slice(s.span)));
        lengths.push(sentence_terms.len().min(u16::MAX as usize) as u16);
        sentence_terms.sort_unstable();
        for chunk in sentence_terms.chunk_by(|a, b| a == b) {
            postings.push((chunk[0], si as u32, chunk.len().min(u16::MAX as usize) as u16));
        }
    }
    postings.sort_unstable();
    TermIndex { postings, lengths }
}

impl TermIndex {
    /// Postings of one term: (sentence, count), in sentence order.
    pub fn postings_of(&self, term: u32) -> &[(u32, u32, u16)] {
        let lo = self.postings.partition_point(|p| p.0 < term);
        let hi = self.postings.partition_point(|p| p.0 <= term);
        &self.postings[lo..hi]
    }
    /// Distinct terms of one sentence (a linear scan; for per-article work only).
    pub fn sentence_terms(&self, sentence: usize) -> Vec<u32> {
        self.postings.iter().filter(|p| p.1 as usize == sentence).map(|p| p.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_fold_inflections_and_drop_stop_words() {
        assert_eq!(terms("The restrictions"), terms("restricted"));
        assert_eq!(terms("negotiations"), terms("negotiation"));
        assert_eq!(terms("China’s rules").len(), 2);
        assert_eq!(terms("China’s"), terms("china"));
        assert!(terms("the of and was").is_empty());
    }
}
