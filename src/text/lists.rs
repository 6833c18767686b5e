//! Numbered and lettered lists written inside one paragraph ("1. Cut taxes 2. Raise
//! wages", "a) first b) second", "• 9. item • 10. item"): each item is a sentence of its
//! own even when the item before it has no final period, and the marker's own period
//! or parenthesis never ends a sentence.
//!
//! A run of markers counts as a list only when its first marker opens the paragraph or
//! a line and the following markers continue its numbering (1, 2, 3 or a, b, c) in the
//! same style, so a stray "2." or "b)" in prose is left to the ordinary rules.

use super::abbrev::{AbbrevClass, abbreviation_class};
use super::chars::{char_at, word_before};
use super::spaces;

/// Characters that may stand before a list marker as a bullet.
const BULLETS: &[char] = &['•', '⁃', '‣', '◦', '▪', '▫', '●', '○', '■', '□', '·'];

/// What closes a list label, in the forms the splitter recognises.
const LABEL_SUFFIXES: &[&str] = &[".)", ")", "."];

/// Longest numeric label (items beyond 999 are not list items).
const MAX_DIGITS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    Number,
    Letter,
}

/// One list item inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListItem {
    /// Where the item starts (its bullet, or its label when it has none).
    pub start: usize,
    /// Where the label and its suffix end (`1.)`, `b.`); its punctuation is no boundary.
    pub label_end: usize,
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    item: ListItem,
    kind: LabelKind,
    value: u32,
    suffix: &'static str,
    bulleted: bool,
    opens_line: bool,
}

/// The list items of `body` (one paragraph), in order. Linear in `body`'s length.
pub(crate) fn list_items(body: &str) -> Vec<ListItem> {
    let mut out = Vec::new();
    let mut run: Vec<Marker> = Vec::new();
    let mut flush = |run: &mut Vec<Marker>| {
        if run.len() >= 2 {
            out.extend(run.iter().map(|m| m.item));
        }
        run.clear();
    };
    let b = body.as_bytes();
    // Whether the character before `i` is whitespace (or there is none).
    let mut after_space = true;
    let mut line_blank = true;
    let mut next = 0;
    while next < b.len() {
        // Inside a word, printable ASCII changes nothing: skip to the word's end.
        if !after_space {
            while b.get(next).is_some_and(|&x| (0x21..0x7F).contains(&x)) {
                next += 1;
            }
            if next == b.len() {
                break;
            }
        }
        // Eight ASCII letters and spaces (most of a paragraph) at once: no marker starts
        // there (a capital never opens one, a small letter only before '.' or ')') and
        // no line ends; only what a word start changes is kept.
        if let Some(blank) = spaces::ascii_group(b, next).and_then(spaces::only_letters_and_blanks)
        {
            let starts = spaces::word_starts(spaces::word_bits(blank), blank, after_space);
            let last_opens = starts >> 63 != 0;
            if !last_opens || !matches!(b.get(next + 8), Some(b'.' | b')')) {
                line_blank &= starts == 0;
                after_space = blank >> 63 != 0;
                next += 8;
                continue;
            }
        }
        // A byte loop: ASCII characters (most of them) are classified without decoding.
        let i = next;
        let c = if b[i] < 0x80 {
            char::from(b[i])
        } else {
            body[i..].chars().next().unwrap_or(' ')
        };
        next += c.len_utf8();
        let at_word = after_space;
        after_space = c.is_whitespace();
        if c == '\n' {
            line_blank = true;
        }
        if !at_word || after_space {
            continue;
        }
        let opens_line = line_blank;
        line_blank = false;
        // Most words start with a letter that is no label: a capital never is, a small
        // letter only before '.' or ')'. Skip them without the full parse.
        if b[i].is_ascii_uppercase()
            || b[i].is_ascii_lowercase() && !matches!(b.get(i + 1), Some(b'.' | b')'))
        {
            continue;
        }
        let Some(m) = marker_at(body, i, opens_line) else {
            continue;
        };
        let continues = run.last().is_some_and(|last| {
            last.kind == m.kind
                && last.suffix == m.suffix
                && last.bulleted == m.bulleted
                && m.value == last.value + 1
        });
        if continues {
            run.push(m);
        } else if m.opens_line {
            flush(&mut run);
            run.push(m);
        }
    }
    flush(&mut run);
    out
}

/// A list marker starting at byte `i` (at a word start; `opens_line` when nothing but
/// whitespace precedes it on its line): optional bullet, label, suffix, then
/// whitespace and the item's first character.
fn marker_at(body: &str, i: usize, opens_line: bool) -> Option<Marker> {
    let mut at = i;
    let first = char_at(body, at)?;
    let bulleted = BULLETS.contains(&first);
    if bulleted {
        at += first.len_utf8();
        at += body[at..].len() - body[at..].trim_start_matches(' ').len();
    }
    let label_start = at;
    let digits = body[at..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .take(MAX_DIGITS + 1)
        .count();
    let (kind, value) = if digits > 0 {
        if digits > MAX_DIGITS {
            return None;
        }
        (LabelKind::Number, body[at..at + digits].parse().ok()?)
    } else {
        let c = body[at..].bytes().next()?;
        if !c.is_ascii_lowercase() {
            return None;
        }
        (LabelKind::Letter, u32::from(c - b'a') + 1)
    };
    at += if digits > 0 { digits } else { 1 };
    let suffix = *LABEL_SUFFIXES
        .iter()
        .find(|s| body[at..].starts_with(**s))?;
    at += suffix.len();
    let rest = &body[at..];
    let gap = rest.len() - rest.trim_start().len();
    let first_of_item = rest[gap..].chars().next()?;
    if gap == 0 || (kind == LabelKind::Letter && !first_of_item.is_uppercase()) {
        return None;
    }
    if !bulleted && after_number_abbreviation(body, label_start) {
        return None;
    }
    Some(Marker {
        item: ListItem {
            start: i,
            label_end: at,
        },
        kind,
        value,
        suffix,
        bulleted,
        opens_line,
    })
}

/// "No. 2." or "p. 3." is a reference, not a list label.
fn after_number_abbreviation(body: &str, label_start: usize) -> bool {
    let before = body[..label_start].trim_end();
    word_before(before, before.len())
        .is_some_and(|(_, w)| abbreviation_class(w) == Some(AbbrevClass::Number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(body: &str) -> Vec<&str> {
        list_items(body)
            .iter()
            .map(|it| &body[it.start..it.label_end])
            .collect()
    }

    #[test]
    fn numbered_lettered_and_bulleted_runs() {
        assert_eq!(starts("1) Cut taxes 2) Raise wages"), vec!["1)", "2)"]);
        assert_eq!(starts("a. Alpha b. Beta c. Gamma"), vec!["a.", "b.", "c."]);
        assert_eq!(starts("• 4. One • 5. Two"), vec!["• 4.", "• 5."]);
    }

    #[test]
    fn stray_labels_in_prose_are_no_list() {
        assert!(starts("He came 1. Then he went 2. Away").is_empty());
        assert!(starts("1. He ranked No. 2. Then he fell.").is_empty());
        assert!(starts("1. Alpha 3. Gamma").is_empty());
        assert!(starts("a. alpha b. beta").is_empty());
    }

    /// The eight-byte skip over letters and spaces finds the same markers wherever
    /// they fall in a group: at its last byte, right after it, inside it.
    #[test]
    fn markers_are_found_at_every_alignment() {
        for pad in 0..10 {
            let lead = format!("{}Two goals for the year", "x".repeat(pad));
            let body = format!("{lead}\na) Cut taxes b) Raise wages c) Build more homes");
            assert_eq!(starts(&body), vec!["a)", "b)", "c)"], "{body:?}");
            let body = format!("{lead}\n1. Cut taxes now 2. Raise wages 3. Build");
            assert_eq!(starts(&body), vec!["1.", "2.", "3."], "{body:?}");
            let body = format!("{lead} and a. then b. more words");
            assert!(starts(&body).is_empty(), "{body:?}");
        }
    }
}
