//! A document's fingerprint, to spot the same article added twice: the smallest hashes
//! of its five-word shingles (bottom-k MinHash over lower-cased words). Two copies of
//! one story — the same file again, or the same text with another headline, a byline
//! or a few words changed — share most of their smallest shingle hashes; different
//! stories share almost none. Linear in the text.

use crate::model::Document;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Hashes kept.
const KEEP: usize = 64;

fn hash_words<'a>(words: impl Iterator<Item = &'a [u8]>) -> u32 {
    // FNV-1a over the words with a separator, then a final mix.
    let mut h: u32 = 0x811c_9dc5;
    for w in words {
        for &b in w {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
        h ^= b' ' as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x7feb_352d);
    h ^ (h >> 15)
}

/// The lower-cased words of `text` (runs of alphanumeric characters), appended to one
/// buffer: their bytes to `bytes`, where each ends to `ends` — no string per word.
fn push_words(text: &str, bytes: &mut Vec<u8>, ends: &mut Vec<usize>) {
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if w.is_ascii() {
            bytes.extend(w.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            bytes.extend_from_slice(w.to_lowercase().as_bytes());
        }
        ends.push(bytes.len());
    }
}

/// The fingerprint of the document's body (headline and dateline left out, so the
/// same story under another headline matches).
pub fn of(doc: &Document) -> Vec<u32> {
    let mut bytes = Vec::with_capacity(doc.text.len());
    let mut ends = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if doc.in_headline(i) || doc.dateline.is_some_and(|d| d.overlaps(s.span)) {
            continue;
        }
        push_words(doc.slice(s.span), &mut bytes, &mut ends);
    }
    let word = |i: usize| &bytes[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
    let mut hashes: Vec<u32> = if ends.len() < SHINGLE {
        (!ends.is_empty())
            .then(|| hash_words((0..ends.len()).map(word)))
            .into_iter()
            .collect()
    } else {
        (0..=ends.len() - SHINGLE)
            .map(|i| hash_words((i..i + SHINGLE).map(word)))
            .collect()
    };
    hashes.sort_unstable();
    hashes.dedup();
    hashes.truncate(KEEP);
    hashes
}

/// Estimated share of shingles two fingerprints have in common (0 to 1): of the
/// smallest `KEEP` hashes of their union, the share both hold.
pub fn resemblance(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut union: Vec<u32> = a.iter().chain(b).copied().collect();
    union.sort_unstable();
    union.dedup();
    union.truncate(KEEP);
    let both = union
        .iter()
        .filter(|h| a.binary_search(h).is_ok() && b.binary_search(h).is_ok())
        .count();
    both as f32 / union.len() as f32
}
