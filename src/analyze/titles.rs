//! Titles of works in running text: a name followed by a colon and a capitalized
//! subtitle ("Skyforge: The Lost Coast", "Regularity in Grammar: A Study"), or a name
//! inside a quoted title written in title case (“Notes on Small Harbours”). A word in
//! such a title sits in a place's slot only by accident ("in Grammar"), so the slot
//! rules leave it alone.

use super::proper_nouns::Chunk;
use crate::model::Document;

/// Whether a subtitle follows the chunk: ": " and a capital letter.
fn before_subtitle(doc: &Document, chunk: &Chunk) -> bool {
    doc.text[chunk.span.end..]
        .strip_prefix(": ")
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The quoted stretch of the chunk's sentence that holds the chunk, if any (double
/// quotes, straight or curly).
fn quoted_around<'a>(doc: &'a Document, chunk: &Chunk) -> Option<&'a str> {
    let sentence = doc.sentences.get(chunk.sentence)?.span;
    let before = &doc.text[sentence.start..chunk.span.start];
    let after = &doc.text[chunk.span.end..sentence.end.max(chunk.span.end)];
    let open = rfind_mark(before, 0x9C)?;
    // An even number of straight quotes before means the last one closed a quote.
    if before[open..].starts_with('"') && before.matches('"').count().is_multiple_of(2) {
        return None;
    }
    if before[open..].contains('”') {
        return None;
    }
    let close = find_mark(after, 0x9D)?;
    let start = sentence.start + open + 1;
    let end = chunk.span.end + close;
    doc.text.get(start..end)
}

/// Whether byte `i` of `b` starts a straight double quote or the curly one whose UTF-8
/// form is E2 80 `curly` (9C “, 9D ”). Byte tests: the text is not decoded.
fn is_mark(b: &[u8], i: usize, curly: u8) -> bool {
    b[i] == b'"' || (b[i] == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&curly))
}

/// Where the last `"` or curly mark (see [`is_mark`]) of `s` starts.
fn rfind_mark(s: &str, curly: u8) -> Option<usize> {
    let b = s.as_bytes();
    // Every mark starts with one of two bytes: look for those, then test the curly one.
    let mut end = b.len();
    while let Some(i) = memchr::memrchr2(b'"', 0xE2, &b[..end]) {
        if is_mark(b, i, curly) {
            return Some(i);
        }
        end = i;
    }
    None
}

/// Where the first `"` or curly mark (see [`is_mark`]) of `s` starts.
fn find_mark(s: &str, curly: u8) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr2(b'"', 0xE2, &b[from..]) {
        if is_mark(b, from + i, curly) {
            return Some(from + i);
        }
        from += i + 1;
    }
    None
}

/// Whether a quoted stretch reads as a title: three or more words, and two thirds of
/// its words of four letters or more capitalized.
fn title_case(quoted: &str) -> bool {
    // Counted in one pass, nothing collected.
    let (mut words, mut long, mut capitalized) = (0usize, 0usize, 0usize);
    for w in quoted.split_whitespace() {
        words += 1;
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            capitalized += w.chars().next().is_some_and(char::is_uppercase) as usize;
        }
    }
    words >= 3 && long >= 2 && capitalized * 3 >= long * 2
}

/// Whether the chunk is (part of) the title of a work.
pub fn in_work_title(doc: &Document, chunk: &Chunk) -> bool {
    before_subtitle(doc, chunk) || quoted_around(doc, chunk).is_some_and(title_case)
}

#[cfg(test)]
mod tests {
    use super::title_case;

    #[test]
    fn title_case_needs_capitalized_long_words() {
        assert!(title_case("Notes on the Small Harbours of Fife"));
        assert!(!title_case("we will rebuild in Dunmore this year"));
        assert!(!title_case("Yes"));
    }
}
