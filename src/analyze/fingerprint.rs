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

/// FNV-1a over the words of a shingle, each followed by a space, then a final mix: the
/// words are stored that way, so a shingle is one run of bytes.
fn hash_shingle(bytes: &[u8]) -> u32 {
    const PRIME: u32 = 0x0100_0193;
    let mut h: u32 = 0x811c_9dc5;
    // Four bytes a round: the same steps with a quarter of the loop's own work.
    let mut quads = bytes.chunks_exact(4);
    for q in &mut quads {
        h = (h ^ q[0] as u32).wrapping_mul(PRIME);
        h = (h ^ q[1] as u32).wrapping_mul(PRIME);
        h = (h ^ q[2] as u32).wrapping_mul(PRIME);
        h = (h ^ q[3] as u32).wrapping_mul(PRIME);
    }
    for &b in quads.remainder() {
        h = (h ^ b as u32).wrapping_mul(PRIME);
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x7feb_352d);
    h ^ (h >> 15)
}

/// The lower-cased words of `text` (runs of alphanumeric characters), appended to one
/// buffer: their bytes to `bytes`, each followed by a space, and where each starts to
/// `starts` — no string per word. A byte loop: ASCII characters are classified without
/// decoding and an ASCII word is lower-cased as it is copied; a word with any other
/// character goes through `str::to_lowercase` (which knows a word-final sigma).
fn push_words(text: &str, bytes: &mut Vec<u8>, starts: &mut Vec<usize>) {
    let b = text.as_bytes();
    // Whether the character at `at` is alphanumeric, and its length.
    let wide = |at: usize| {
        let c = text[at..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), c.len_utf8())
    };
    let mut at = 0;
    while let Some(&c) = b.get(at) {
        match FOLD[c as usize] {
            SPLIT => {
                at += 1;
                continue;
            }
            WIDE => {
                let (alnum, n) = wide(at);
                if !alnum {
                    at += n;
                    continue;
                }
            }
            _ => {}
        }
        let (start, from) = (at, bytes.len());
        // ASCII letters and digits, lower-cased as they are copied.
        while let Some(&f) = b.get(at).map(|&c| &FOLD[c as usize])
            && f < SPLIT
        {
            bytes.push(f);
            at += 1;
        }
        if b.get(at).is_some_and(|&c| FOLD[c as usize] == WIDE) && wide(at).0 {
            // The word goes on with a wider letter or digit: find its end and lower-case
            // it whole.
            loop {
                while b.get(at).is_some_and(|&c| FOLD[c as usize] < SPLIT) {
                    at += 1;
                }
                if b.get(at).is_some_and(|&c| FOLD[c as usize] == WIDE) {
                    let (alnum, n) = wide(at);
                    if alnum {
                        at += n;
                        continue;
                    }
                }
                break;
            }
            bytes.truncate(from);
            bytes.extend_from_slice(text[start..at].to_lowercase().as_bytes());
        }
        bytes.push(b' ');
        starts.push(from);
    }
}

/// Not part of a word: an ASCII character other than a letter or digit.
const SPLIT: u8 = 0xFE;
/// A byte of a character longer than one byte: decoded to be classified.
const WIDE: u8 = 0xFF;
/// Each byte's word class: an ASCII letter or digit maps to its lower-case form
/// (below `SPLIT`), anything else to `SPLIT` or `WIDE`.
const FOLD: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            SPLIT
        };
        i += 1;
    }
    t
};

/// The `KEEP` smallest distinct values of `hashes`, in order, kept while they stream
/// by: a value at or above the largest kept one (once `KEEP` are kept) costs one
/// comparison, so no list of every shingle's hash is made, selected or sorted.
fn smallest(hashes: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let mut kept: Vec<u32> = Vec::with_capacity(KEEP + 1);
    for h in hashes {
        if kept.len() == KEEP && h >= kept[KEEP - 1] {
            continue;
        }
        if let Err(i) = kept.binary_search(&h) {
            kept.insert(i, h);
            kept.truncate(KEEP);
        }
    }
    kept
}

/// The fingerprint of the document's body (headline and dateline left out, so the
/// same story under another headline matches).
pub fn of(doc: &Document) -> Vec<u32> {
    let mut bytes = Vec::with_capacity(doc.text.len() + doc.text.len() / 4);
    // News text runs about six bytes a word.
    let mut starts = Vec::with_capacity(doc.text.len() / 5 + 1);
    for (i, s) in doc.sentences.iter().enumerate() {
        if doc.in_headline(i) || doc.dateline.is_some_and(|d| d.overlaps(s.span)) {
            continue;
        }
        push_words(doc.slice(s.span), &mut bytes, &mut starts);
    }
    if starts.len() < SHINGLE {
        return (!starts.is_empty())
            .then(|| hash_shingle(&bytes))
            .into_iter()
            .collect();
    }
    starts.push(bytes.len());
    smallest(
        starts
            .windows(SHINGLE + 1)
            .map(|w| hash_shingle(&bytes[w[0]..w[SHINGLE]])),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The fingerprint as first written (a `String` per word): stored analyses hold
    /// its hashes, so the faster `of` must give exactly the same.
    fn reference(doc: &Document) -> Vec<u32> {
        let mut words: Vec<String> = Vec::new();
        for (i, s) in doc.sentences.iter().enumerate() {
            if doc.in_headline(i) || doc.dateline.is_some_and(|d| d.overlaps(s.span)) {
                continue;
            }
            words.extend(
                doc.slice(s.span)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase),
            );
        }
        let hash = |ws: &[String]| {
            // FNV-1a over the words with a separator, then a final mix.
            let mut h: u32 = 0x811c_9dc5;
            for w in ws {
                for &b in w.as_bytes() {
                    h ^= b as u32;
                    h = h.wrapping_mul(0x0100_0193);
                }
                h ^= b' ' as u32;
                h = h.wrapping_mul(0x0100_0193);
            }
            h ^= h >> 16;
            h = h.wrapping_mul(0x7feb_352d);
            h ^ (h >> 15)
        };
        let mut hashes: Vec<u32> = if words.len() < SHINGLE {
            (!words.is_empty())
                .then(|| hash(&words))
                .into_iter()
                .collect()
        } else {
            words.windows(SHINGLE).map(hash).collect()
        };
        hashes.sort_unstable();
        hashes.dedup();
        hashes.truncate(KEEP);
        hashes
    }

    #[test]
    fn the_fingerprint_is_the_one_stored_analyses_hold() {
        let mut texts: Vec<String> = crate::text::fixture_files()
            .into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|x| x == "txt"))
            .map(|(_, text)| text)
            .collect();
        texts.push("Ça VA? ΟΔΟΣ ΣΟΦΟΣ don’t 42°C.\n\nOne two three.".into());
        texts.push("Short one.".into());
        for text in &texts {
            let opts = crate::ingest::IngestOptions::default();
            let Ok(doc) = crate::ingest::ingest(text.as_bytes(), &opts) else {
                continue;
            };
            assert_eq!(of(&doc), reference(&doc));
        }
        assert!(texts.len() > 10);
    }

    fn naive(mut v: Vec<u32>) -> Vec<u32> {
        v.sort_unstable();
        v.dedup();
        v.truncate(KEEP);
        v
    }

    #[test]
    fn smallest_keeps_the_smallest_distinct_values_as_a_full_sort_does() {
        let mut x: u32 = 12345;
        for (n, modulus) in [
            (10, 1000),
            (300, 1000),
            (5000, 1 << 30),
            (5000, 70),
            (2000, 3),
        ] {
            let v: Vec<u32> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    x % modulus
                })
                .collect();
            assert_eq!(smallest(v.clone()), naive(v), "{n} values below {modulus}");
        }
    }

    #[test]
    fn words_are_lower_cased_runs_of_letters_and_digits() {
        let (mut bytes, mut starts) = (Vec::new(), Vec::new());
        push_words("Ça VA? ΟΔΟΣ don’t 42°C x", &mut bytes, &mut starts);
        starts.push(bytes.len());
        let mut words = Vec::new();
        for w in starts.windows(2) {
            assert_eq!(bytes[w[1] - 1], b' ');
            words.push(String::from_utf8(bytes[w[0]..w[1] - 1].to_vec()).unwrap());
        }
        assert_eq!(words, ["ça", "va", "οδος", "don", "t", "42", "c", "x"]);
    }
}
