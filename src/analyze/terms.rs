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
        .map(|(w, plain)| {
            // Most words are ASCII letters and digits only: nothing to trim.
            if plain || !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
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
/// of splitting at every other character, each with whether it is ASCII letters and
/// digits only. A byte loop: an ASCII byte is classified by a table, without decoding.
fn word_runs(text: &str) -> WordRuns<'_> {
    WordRuns { text, at: 0 }
}

struct WordRuns<'a> {
    text: &'a str,
    at: usize,
}

/// Byte classes of the run scan ([`BYTE_CLASS`]).
const ALNUM: u8 = 0;
const APOSTROPHE: u8 = 1;
const OTHER: u8 = 2;
/// A byte of a character longer than one byte: decoded to be classified.
const WIDE: u8 = 3;
const BYTE_CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if b == b'\'' {
            APOSTROPHE
        } else {
            OTHER
        };
        i += 1;
    }
    t
};

impl<'a> WordRuns<'a> {
    /// Whether the character at byte `i`, a character longer than one byte, belongs to a
    /// run, and its length.
    #[inline(never)]
    fn wide_at(&self, i: usize) -> (bool, usize) {
        match self.text[i..].chars().next() {
            Some(c) => (c.is_alphanumeric() || c == '’', c.len_utf8()),
            None => (false, 1),
        }
    }
}

impl<'a> Iterator for WordRuns<'a> {
    type Item = (&'a str, bool);

    fn next(&mut self) -> Option<(&'a str, bool)> {
        let b = self.text.as_bytes();
        let mut at = self.at;
        let start = loop {
            let Some(&c) = b.get(at) else {
                self.at = at;
                return None;
            };
            match BYTE_CLASS[c as usize] {
                ALNUM | APOSTROPHE => break at,
                OTHER => at += 1,
                _ => {
                    let (run, n) = self.wide_at(at);
                    if run {
                        break at;
                    }
                    at += n;
                }
            }
        };
        let mut plain = true;
        while let Some(&c) = b.get(at) {
            match BYTE_CLASS[c as usize] {
                ALNUM => at += 1,
                APOSTROPHE => {
                    plain = false;
                    at += 1;
                }
                OTHER => break,
                _ => {
                    let (run, n) = self.wide_at(at);
                    if !run {
                        break;
                    }
                    plain = false;
                    at += n;
                }
            }
        }
        self.at = at;
        Some((&self.text[start..at], plain))
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
/// times, so each distinct spelling is lower-cased and stemmed once. Each distinct term
/// gets a slot; a sentence counts its terms in the slots, and the postings are put in
/// term order at the end by one counting pass (they are made in sentence order, so each
/// term's postings stay in sentence order).
pub fn index(doc: &Document) -> TermIndex {
    let mut lengths = Vec::with_capacity(doc.sentences.len());
    // Sized for the article's vocabulary (about one distinct spelling per 12 bytes of
    // news text), so the map is not grown step by step.
    let mut known: HashMap<&str, u32> = HashMap::with_capacity(doc.text.len() / 12);
    let mut slots = Slots::with_capacity(doc.text.len() / 16);
    // Postings in sentence order: (slot, sentence, count); about one per 9 bytes.
    let mut found: Vec<(u32, u32, u32)> = Vec::with_capacity(doc.text.len() / 8);
    let mut buf = String::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let first = found.len();
        let mut length = 0usize;
        for w in raw_words(doc.slice(s.span)) {
            let slot = *known
                .entry(w)
                .or_insert_with(|| slots.slot_of(term(normalize_in(w, &mut buf))));
            if slot == STOP {
                continue;
            }
            length += 1;
            let at = &mut slots.posting[slot as usize];
            if *at == NONE || (*at as usize) < first {
                *at = found.len() as u32;
                found.push((slot, si as u32, 0));
            }
            found[*at as usize].2 += 1;
        }
        lengths.push(length.min(u16::MAX as usize) as u16);
    }
    TermIndex {
        postings: slots.in_term_order(&found),
        lengths,
    }
}

/// No slot: a stop word.
const STOP: u32 = u32::MAX;
/// No posting yet.
const NONE: u32 = u32::MAX;

/// The distinct terms of one document, each in a slot (first-seen order).
struct Slots {
    of_term: HashMap<u32, u32>,
    /// Each slot's term.
    term: Vec<u32>,
    /// Each slot's latest posting (an index into the postings found so far).
    posting: Vec<u32>,
}

impl Slots {
    /// Room for about `terms` distinct terms.
    fn with_capacity(terms: usize) -> Slots {
        Slots {
            of_term: HashMap::with_capacity(terms),
            term: Vec::with_capacity(terms),
            posting: Vec::with_capacity(terms),
        }
    }

    /// The slot of a term (`STOP` for a stop word), a new one for a new term.
    fn slot_of(&mut self, term: Option<u32>) -> u32 {
        let Some(term) = term else { return STOP };
        *self.of_term.entry(term).or_insert_with(|| {
            self.term.push(term);
            self.posting.push(NONE);
            (self.term.len() - 1) as u32
        })
    }

    /// `found` (sentence order) as postings in term order, each term's in sentence order:
    /// what sorting them by (term, sentence) gives.
    fn in_term_order(&self, found: &[(u32, u32, u32)]) -> Vec<(u32, u32, u16)> {
        let mut by_term: Vec<u32> = (0..self.term.len() as u32).collect();
        by_term.sort_unstable_by_key(|&slot| self.term[slot as usize]);
        // Where each slot's postings start: counts, then running sums in term order.
        let mut start = vec![0u32; self.term.len()];
        for &(slot, _, _) in found {
            start[slot as usize] += 1;
        }
        let mut at = 0;
        for &slot in &by_term {
            let n = start[slot as usize];
            start[slot as usize] = at;
            at += n;
        }
        let mut postings = vec![(0, 0, 0); found.len()];
        for &(slot, sentence, count) in found {
            let k = &mut start[slot as usize];
            postings[*k as usize] = (
                self.term[slot as usize],
                sentence,
                count.min(u16::MAX as u32) as u16,
            );
            *k += 1;
        }
        postings
    }
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

    /// The index as first written (each sentence's terms sorted, then all postings
    /// sorted): the slot-counting `index` must give exactly the same.
    fn reference(doc: &Document) -> TermIndex {
        let mut postings: Vec<(u32, u32, u16)> = Vec::new();
        let mut lengths = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            let mut ids: Vec<u32> = words(doc.slice(s.span)).filter_map(|w| term(&w)).collect();
            lengths.push(ids.len().min(u16::MAX as usize) as u16);
            ids.sort_unstable();
            for run in ids.chunk_by(|a, b| a == b) {
                postings.push((run[0], si as u32, run.len().min(u16::MAX as usize) as u16));
            }
        }
        postings.sort_unstable();
        TermIndex { postings, lengths }
    }

    #[test]
    fn the_index_is_the_sorted_postings_of_each_sentence() {
        let mut texts: Vec<String> = crate::text::fixture_files()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        texts.push("Rules, rules and RULES. The ruling ruled.\n\nChina’s rules: china’s.".into());
        for text in &texts {
            let opts = crate::ingest::IngestOptions::default();
            let Ok(doc) = crate::ingest::ingest(text.as_bytes(), &opts) else {
                continue;
            };
            let (got, want) = (index(&doc), reference(&doc));
            assert_eq!(got.postings, want.postings);
            assert_eq!(got.lengths, want.lengths);
        }
        assert!(texts.len() > 10);
    }
}
