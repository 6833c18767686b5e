//! Search terms: lower-cased, apostrophe-folded, Porter2-stemmed words without stop
//! words, hashed to `u32` ids. Built once per article at analysis time (`TermIndex`) so
//! questions and searches stem only the query, never the articles.

use crate::model::{Document, TermIndex};
use foldhash::{HashMap, HashMapExt};
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
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

/// Words of `text` as written (letters and digits; inner apostrophes, dots and hyphens
/// split words, a possessive "'s" is dropped).
fn raw_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    word_runs(text)
        .map(|w| {
            // Most words hold no apostrophe (' or the E2-led ’): nothing to trim.
            if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
                return w;
            }
            let w = w.trim_matches(['\'', '’']);
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
}

/// The runs of letters, digits and apostrophes (' or ’) of `text`: the non-empty pieces
/// of splitting at every other character. A byte loop: an ASCII byte is classified by
/// a table, without decoding.
fn word_runs(text: &str) -> WordRuns<'_> {
    WordRuns { text, at: 0 }
}

struct WordRuns<'a> {
    text: &'a str,
    at: usize,
}

/// ASCII bytes that belong to a run: letters, digits and the straight apostrophe.
const RUN_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'\'';
        i += 1;
    }
    t
};

impl<'a> WordRuns<'a> {
    /// Whether the character at byte `i` belongs to a run, and its length.
    #[inline]
    fn class_at(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            return (RUN_BYTE[b as usize], 1);
        }
        match self.text[i..].chars().next() {
            Some(c) => (c.is_alphanumeric() || c == '’', c.len_utf8()),
            None => (false, 1),
        }
    }
}

impl<'a> Iterator for WordRuns<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        let mut at = self.at;
        let start = loop {
            if at >= len {
                self.at = at;
                return None;
            }
            let (run, n) = self.class_at(at);
            if run {
                break at;
            }
            at += n;
        };
        while at < len {
            let (run, n) = self.class_at(at);
            if !run {
                break;
            }
            at += n;
        }
        self.at = at;
        Some(&self.text[start..at])
    }
}

/// One word as [`words`] gives it: lower-cased, curly apostrophes made straight.
fn normalize(w: &str) -> String {
    w.replace('’', "'").to_lowercase()
}

/// [`normalize`] without an allocation for the common case: an ASCII word comes back
/// as is when already lower-case, or lower-cased in `buf`.
fn normalize_in<'w>(w: &'w str, buf: &'w mut String) -> &'w str {
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return w;
        }
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        *buf = normalize(w);
    }
    buf
}

/// Lower-cased words of `text` (letters and digits; inner apostrophes, dots and
/// hyphens split words, a possessive "'s" is dropped).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(normalize)
}

/// Words whose term ids one thread remembers across articles. News vocabulary repeats
/// from article to article, so after the first few articles nearly every word is a hash
/// lookup instead of a Porter2 run; the bound keeps a hostile upload from growing it.
const REMEMBERED_TERMS: usize = 32_768;

thread_local! {
    static KNOWN_TERMS: RefCell<HashMap<String, Option<u32>>> = RefCell::new(HashMap::new());
}

/// The term id of one lower-cased word, or `None` for a stop word.
pub fn term(word: &str) -> Option<u32> {
    KNOWN_TERMS.with(|known| {
        if let Some(id) = known.borrow().get(word) {
            return *id;
        }
        let id = (!super::proper_nouns::is_stopword(word)).then(|| hash(&STEMMER.stem(word)));
        let mut known = known.borrow_mut();
        if known.len() >= REMEMBERED_TERMS {
            known.clear();
        }
        known.insert(word.to_owned(), id);
        id
    })
}

/// The term id of a word already stemmed (Snowball English), as [`term`] gives it for
/// the words that stem to it. For generated word lists keyed by stem.
pub fn term_of_stem(stem: &str) -> u32 {
    hash(stem)
}

/// The stem of one lower-cased word (Snowball English).
pub fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

/// Term ids of a text, in order, stop words left out.
pub fn terms(text: &str) -> Vec<u32> {
    words(text).filter_map(|w| term(&w)).collect()
}

/// The per-sentence term index of a document. A news article uses each word many
/// times, so each distinct spelling is lower-cased and stemmed once.
pub fn index(doc: &Document) -> TermIndex {
    let mut postings: Vec<(u32, u32, u16)> = Vec::new();
    let mut lengths = Vec::with_capacity(doc.sentences.len());
    let mut sentence_terms: Vec<u32> = Vec::new();
    // Sized for the article's vocabulary (about one distinct spelling per 12 bytes of
    // news text), so the map is not grown step by step.
    let mut known: HashMap<&str, Option<u32>> = HashMap::with_capacity(doc.text.len() / 12);
    let mut buf = String::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        sentence_terms.clear();
        for w in raw_words(doc.slice(s.span)) {
            let id = *known
                .entry(w)
                .or_insert_with(|| term(normalize_in(w, &mut buf)));
            sentence_terms.extend(id);
        }
        lengths.push(sentence_terms.len().min(u16::MAX as usize) as u16);
        sentence_terms.sort_unstable();
        for chunk in sentence_terms.chunk_by(|a, b| a == b) {
            postings.push((
                chunk[0],
                si as u32,
                chunk.len().min(u16::MAX as usize) as u16,
            ));
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
        self.postings
            .iter()
            .filter(|p| p.1 as usize == sentence)
            .map(|p| p.0)
            .collect()
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
