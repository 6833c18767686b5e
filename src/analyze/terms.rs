//! Search terms: lower-cased, apostrophe-folded, Porter2-stemmed words without stop
//! words, hashed to `u32` ids. Built once per article at analysis time (`TermIndex`) so
//! questions and searches stem only the query, never the articles.
//!
//! An initialism is one term however it is written: letters joined by dots ("U.S.",
//! "U.S", "u.s.", "D.C.") or in capitals ("US", "UK"), so a question's "US" finds an
//! article's "U.S." and "UK" finds "U.K.". It is never a stop word: "US" and "IT" are
//! terms while the pronoun "us" and the word "it" are not. Capitals count as an
//! initialism only when no word next to them is in capitals too: a shouted headline or
//! question ("WHAT IT MEANS FOR US") is read as plain words. The rule is the same for
//! articles ([`index`]) and questions ([`words`], [`terms`]), so both sides agree.

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
/// split words, a possessive "'s" is dropped), except that single letters joined by dots
/// are one word ("U.S" of "U.S.", see [`WordRuns`]).
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
/// A dotted initialism is one run without its last dot: single ASCII letters each
/// followed by a dot and another single letter ("U.S" of "U.S.-China", "D.C", "a.m").
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

    #[inline(always)]
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
        if at - start == 1 && b[start].is_ascii_alphabetic() {
            let end = dotted_end(b, at);
            if end != at {
                self.at = end;
                return Some((&self.text[start..end], false));
            }
        }
        self.at = at;
        Some((&self.text[start..at], plain))
    }
}

/// Where a dotted initialism whose first letter ends at `at` ends: after each ". letter"
/// that follows, when that letter is a word of its own; `at` when there is none.
#[inline(never)]
fn dotted_end(b: &[u8], mut at: usize) -> usize {
    while b.get(at) == Some(&b'.')
        && b.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
        && b.get(at + 2)
            .is_none_or(|&c| BYTE_CLASS[c as usize] == OTHER)
    {
        at += 2;
    }
    at
}

/// Whether a word as written is in capitals: two or more ASCII capital letters.
fn is_caps(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// The byte offset in `text` just after `w`, a word of it.
fn end_in(text: &str, w: &str) -> usize {
    w.as_ptr() as usize - text.as_ptr() as usize + w.len()
}

/// Whether a word in capitals that is a stop word in lower case ("US", "IT", "WHO") is
/// an initialism: neither the word before it (`prev`, "" for none) nor the word after
/// it in `text` is in capitals (those of a shouted line are plain words).
fn caps_initialism(text: &str, prev: &str, w: &str) -> bool {
    !is_caps(prev)
        && !raw_words(&text[end_in(text, w)..])
            .next()
            .is_some_and(is_caps)
}

/// An initialism as [`words`] gives it: its lower-case letters joined by dots ("u.s").
fn dotted(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len() * 2);
    for c in lower.chars() {
        if !out.is_empty() {
            out.push('.');
        }
        out.push(c);
    }
    out
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

/// Each word of `text` as written, with the word its term is made of: lower-cased, an
/// initialism with dots ("u.s" for "U.S." and for "US" outside a shouted line).
fn read(text: &str) -> impl Iterator<Item = (&str, String)> + '_ {
    let mut prev = "";
    raw_words(text).map(move |w| {
        let lower = normalize(w);
        let out = if is_caps(w) && is_stop(&lower) && caps_initialism(text, prev, w) {
            dotted(&lower)
        } else {
            lower
        };
        prev = w;
        (w, out)
    })
}

/// Lower-cased words of `text` (letters and digits; inner apostrophes, dots and
/// hyphens split words, a possessive "'s" is dropped). A dotted initialism keeps its
/// dots ("u.k" for "U.K." or "U.K"), and so does one in capitals whose lower case is a
/// stop word ("u.s" for "US", not for "us"); see the module's documentation.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    read(text).map(|(_, w)| w)
}

/// The terms of `text` with the byte offset of the word each stands for, in order, stop
/// words left out.
pub fn terms_at(text: &str) -> Vec<(usize, u32)> {
    read(text)
        .filter_map(|(w, lower)| Some((end_in(text, w) - w.len(), term(&lower)?)))
        .collect()
}

/// Words a search leaves out although the stop-word list does not hold them: the
/// pronoun "us". That list also tells the extraction stages which capitalized words are
/// no names, where "US" must stay one; written "US" or "U.S.", it is an initialism and a
/// term here too.
const SEARCH_STOP_WORDS: &[&str] = &["us"];

/// Whether a lower-cased word (no initialism) gives no search term.
fn is_stop(lower: &str) -> bool {
    super::proper_nouns::is_stopword(lower) || SEARCH_STOP_WORDS.contains(&lower)
}

/// The term id of an initialism's letters, lower-cased ("us"): the term of the plain
/// word, but never a stop word.
fn initialism_term(letters: &str) -> u32 {
    hash(&STEMMER.stem(letters))
}

/// `text` with the dots of its dotted initialisms taken out ("US-China" for
/// "U.S.-China"), for the keys that split words at dots themselves.
pub fn undotted(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut last = 0;
    for (w, _) in word_runs(text) {
        if w.contains('.') {
            let start = end_in(text, w) - w.len();
            out.push_str(&text[last..start]);
            out.extend(w.chars().filter(|&c| c != '.'));
            last = start + w.len();
        }
    }
    if last == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[last..]);
    std::borrow::Cow::Owned(out)
}

/// Words whose term ids one thread remembers across articles. News vocabulary repeats
/// from article to article, so after the first few articles nearly every word is a hash
/// lookup instead of a Porter2 run; the bound keeps a hostile upload from growing it.
const REMEMBERED_TERMS: usize = 32_768;

thread_local! {
    static KNOWN_TERMS: RefCell<HashMap<String, Option<u32>>> = RefCell::new(HashMap::new());
}

/// The term id of one lower-cased word as [`words`] gives it, or `None` for a stop word.
/// An initialism written with dots ("u.s") is the term of its letters ("us").
pub fn term(word: &str) -> Option<u32> {
    KNOWN_TERMS.with(|known| {
        if let Some(id) = known.borrow().get(word) {
            return *id;
        }
        let id = if word.contains('.') {
            Some(initialism_term(&word.replace('.', "")))
        } else {
            (!is_stop(word)).then(|| hash(&STEMMER.stem(word)))
        };
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
        let text = doc.slice(s.span);
        // The word before, for a word in capitals (see `caps_initialism`).
        let mut prev = "";
        for w in raw_words(text) {
            let mut slot = *known.entry(w).or_insert_with(|| {
                let id = term(normalize_in(w, &mut buf));
                if id.is_none() && is_caps(w) {
                    CAPS
                } else {
                    slots.slot_of(id)
                }
            });
            if slot >= CAPS {
                if slot == STOP || !caps_initialism(text, prev, w) {
                    prev = w;
                    continue;
                }
                slot = slots.slot_of(Some(initialism_term(&w.to_ascii_lowercase())));
            }
            prev = w;
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
/// A stop word written in capitals: an initialism's slot or none, by its neighbours.
const CAPS: u32 = u32::MAX - 1;
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

    #[test]
    fn an_initialism_is_one_term_however_written() {
        let us = terms("US");
        assert_eq!(us.len(), 1);
        for w in ["U.S.", "U.S", "u.s.", "the U.S.", "US'"] {
            assert_eq!(terms(w), us, "{w}");
        }
        assert_eq!(terms("U.S.-China"), [us.clone(), terms("China")].concat());
        assert_eq!(terms("U.K."), terms("uk"));
        assert_eq!(terms("E.U. and U.N."), terms("EU and UN"));
        assert_eq!(terms("Washington, D.C."), terms("Washington DC"));
        assert_eq!(terms("U.S.A."), terms("USA"));
        // The pronoun is no term; a stop word in capitals is an initialism ("IT").
        assert!(terms("tell us").iter().all(|t| !us.contains(t)));
        assert_eq!(terms("tell us"), terms("tell"));
        assert_eq!(terms("IT staff").len(), 2);
        // A shouted line is plain words.
        assert_eq!(terms("WHAT IT MEANS FOR US"), terms("what it means for us"));
        // A single initial before a name stays a letter of its own.
        assert_eq!(terms("George W. Bush"), terms("George W Bush"));
        assert_eq!(
            words("U.S. and US").collect::<Vec<_>>(),
            ["u.s", "and", "u.s"]
        );
        assert_eq!(undotted("the U.S.-China talks"), "the US.-China talks");
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
        texts.push(
            "The U.S.-China talks. US and UK officials met in D.C. at 9 a.m.\n\nWHAT IT \
             MEANS FOR US. Tell us, IT said. A US-led team; U.S's. US"
                .into(),
        );
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
