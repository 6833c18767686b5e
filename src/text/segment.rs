//! Segmentation with byte spans: paragraphs (blank-line separated blocks), news-grade
//! sentences, and tokens (see `tokens.rs`, re-exported here).
//!
//! The sentence splitter is a single left-to-right pass over each paragraph. A candidate
//! boundary is a run of `.`, `?`, `!` or `…`, followed by any closing quotes/brackets
//! and reference markers (`[3]`), followed by whitespace. Whether it ends the sentence
//! is decided in `boundary.rs` from what comes before the mark (abbreviations in
//! `data/abbreviations.txt`, initials, dotted acronyms, spaced ellipses) and what comes
//! after (lowercase continuation, an attribution such as `"…!" Trump said`, a common
//! sentence starter from `data/sentence_starters.txt`); a short parenthetical the
//! sentence runs on through (`"…" (Smith 55).`) keeps it open. List items found by
//! `lists.rs` (`1) … 2) …`) start sentences of their own. Look-around is bounded, so
//! the pass is linear in the paragraph length.

use super::boundary::ends_sentence;
use super::chars::{char_at, is_closer, is_opener, is_terminal};
use super::lists::list_items;
pub use super::tokens::{Token, TokenKind, tokens};
use crate::model::{Sentence, Span};

/// Paragraphs: maximal runs of non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(trim_span(text, Span::new(s, end)));
            }
        } else {
            if start.is_none() {
                start = Some(pos);
            }
            end = pos + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(trim_span(text, Span::new(s, end)));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// `span` without leading and trailing whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    let trail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// Sentences of each paragraph, in order. A long text splits its paragraphs in two
/// halves, the second on a helper thread when one is free (paragraphs are split
/// independently, so the result is the same).
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    if text.len() < SPLIT_FROM || paragraphs.len() < 2 {
        return sentences_of(text, paragraphs, 0);
    }
    let half = paragraphs
        .partition_point(|p| p.start < text.len() / 2)
        .max(1);
    let (mut out, second) = crate::parallel::join(
        || sentences_of(text, &paragraphs[..half], 0),
        || sentences_of(text, &paragraphs[half..], half),
    );
    out.extend(second);
    out
}

/// Text length (bytes) from which [`sentences`] splits its work.
const SPLIT_FROM: usize = 64 * 1024;

/// Sentences of `paragraphs`, the first of which is paragraph number `first`.
fn sentences_of(text: &str, paragraphs: &[Span], first: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        for span in split_sentences(text, *p) {
            out.push(Sentence {
                span,
                paragraph: first + pi,
            });
        }
    }
    out
}

/// Sentence spans inside `block` (one paragraph).
pub fn split_sentences(text: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(body) = text.get(block.start..block.end) else {
        return out;
    };
    let bytes = body.as_bytes();
    let items = list_items(body);
    let mut item = 0usize;
    let mut sent_start = 0usize;
    let mut line_start = 0usize;
    let push = |out: &mut Vec<Span>, a: usize, b: usize| {
        let span = trim_span(text, Span::new(block.start + a, block.start + b));
        if !span.is_empty() {
            out.push(span);
        }
    };
    let mut i = 0usize;
    while i < bytes.len() {
        while items.get(item).is_some_and(|it| it.start < i) {
            item += 1;
        }
        if let Some(it) = items.get(item)
            && it.start == i
        {
            // A list item starts a sentence; its label's punctuation ends none.
            push(&mut out, sent_start, it.start);
            sent_start = it.start;
            i = it.label_end;
            item += 1;
            continue;
        }
        // Up to the next list item, only a line break or a terminal mark can end a
        // sentence: skip every other byte.
        let limit = items.get(item).map_or(bytes.len(), |it| it.start);
        let skip = bytes[i..limit]
            .iter()
            .position(|b| matches!(b, b'.' | b'?' | b'!' | b'\n' | 0xE2))
            .unwrap_or(limit - i);
        if skip > 0 {
            i += skip;
            continue;
        }
        let b = bytes[i];
        if b == b'\n' {
            if line_breaks_sentence(body, line_start, i) {
                push(&mut out, sent_start, i);
                sent_start = i + 1;
            }
            line_start = i + 1;
            i += 1;
            continue;
        }
        let is_term_start = matches!(b, b'.' | b'?' | b'!')
            || (b == 0xE2 && char_at(body, i).is_some_and(is_terminal));
        if !is_term_start {
            i += 1;
            continue;
        }
        let Some(c) = candidate(body, i) else {
            break;
        };
        if !c.spaced {
            i = c.punct_end;
            continue;
        }
        if ends_sentence(body, sent_start, i, c.punct_end, c.after, c.next)
            && !parenthetical_continues(body, c.end)
        {
            push(&mut out, sent_start, c.end);
            sent_start = c.end;
        }
        i = c.end;
    }
    push(&mut out, sent_start, bytes.len());
    out
}

/// A possible sentence end found at a terminal mark.
struct Candidate {
    /// End of the run of terminal marks.
    punct_end: usize,
    /// End of the closing quotes and brackets after it.
    after: usize,
    /// Where the sentence would end: after reference markers such as " [3] [4]".
    end: usize,
    /// Whether whitespace follows `end` (no whitespace, no boundary).
    spaced: bool,
    /// The first character of the next word, past whitespace and opening marks.
    next: usize,
}

/// The candidate boundary at the terminal mark at `i`; `None` when the paragraph
/// ends there.
fn candidate(body: &str, i: usize) -> Option<Candidate> {
    let mut punct_end = i;
    while let Some(c) = char_at(body, punct_end).filter(|&c| is_terminal(c)) {
        punct_end += c.len_utf8();
    }
    let mut after = punct_end;
    while let Some(c) = char_at(body, after).filter(|&c| is_closer(c) || is_terminal(c)) {
        after += c.len_utf8();
    }
    let end = skip_reference_markers(body, after);
    let ws = char_at(body, end)?;
    let mut next = end;
    while let Some(c) = char_at(body, next).filter(|c| c.is_whitespace()) {
        next += c.len_utf8();
    }
    while let Some(c) = char_at(body, next).filter(|&c| is_opener(c)) {
        next += c.len_utf8();
    }
    Some(Candidate {
        punct_end,
        after,
        end,
        spaced: ws.is_whitespace(),
        next,
    })
}

/// Past the reference markers that follow a sentence in encyclopedic text
/// ("…in 1971. [1] [2]"): they belong to the sentence they cite.
fn skip_reference_markers(body: &str, from: usize) -> usize {
    let mut end = from;
    let mut at = from;
    loop {
        at += body[at..].len() - body[at..].trim_start_matches(' ').len();
        let rest = &body[at..];
        let Some(inner) = rest.strip_prefix('[') else {
            return end;
        };
        let digits = inner
            .bytes()
            .take_while(u8::is_ascii_digit)
            .take(MAX_REFERENCE_DIGITS + 1)
            .count();
        if digits == 0 || digits > MAX_REFERENCE_DIGITS || !inner[digits..].starts_with(']') {
            return end;
        }
        at += digits + 2;
        end = at;
    }
}

/// Longest reference number in a marker such as "[12]".
const MAX_REFERENCE_DIGITS: usize = 3;

/// Longest parenthetical read ahead by [`parenthetical_continues`].
const MAX_PARENTHETICAL: usize = 80;

/// After a sentence-ending mark, a short parenthetical that the sentence goes on
/// through is no new sentence: a citation closed by the period (`"…" (Smith 55).`), or
/// an aside followed by a comma or a lowercase word (`Viva Maria! (1965), and`).
fn parenthetical_continues(body: &str, end: usize) -> bool {
    let rest = body[end..].trim_start();
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
    let mut close = None;
    for (k, c) in inner.char_indices() {
        if k > MAX_PARENTHETICAL || c == '(' || c == '\n' || is_terminal(c) {
            return false;
        }
        if c == ')' {
            close = Some(k);
            break;
        }
    }
    let Some(close) = close else {
        return false;
    };
    let tail = &inner[close + 1..];
    match tail.chars().next() {
        Some('.' | '!' | '?' | ',' | ';' | ':') => true,
        Some(c) if c.is_whitespace() => tail
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase),
        _ => false,
    }
}

/// A line break inside a paragraph ends a sentence when the line before it is short
/// and unpunctuated (a heading, a caption, a table row) and the next line starts a
/// new unit; long lines are taken as wrapped prose.
fn line_breaks_sentence(body: &str, line_start: usize, newline: usize) -> bool {
    let line = body[line_start..newline].trim();
    if line.is_empty() {
        return false;
    }
    let rest = body[newline + 1..].trim_start();
    let Some(next) = rest.chars().next() else {
        return false;
    };
    if next.is_lowercase() {
        return false;
    }
    let last = line.chars().next_back().unwrap_or(' ');
    if matches!(last, ',' | ';' | ':' | '-' | '–' | '—' | '&' | '(' | '/') {
        return false;
    }
    let unclosed = line.trim_end_matches(is_closer);
    if unclosed.chars().next_back().is_some_and(is_terminal) {
        // Punctuated lines were handled by the sentence rules already.
        return false;
    }
    line.chars().count() < 60 || matches!(next, '-' | '*' | '•' | '·')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let ps = paragraphs(text);
        sentences(text, &ps)
            .iter()
            .map(|s| s.span.of(text))
            .collect()
    }

    #[test]
    fn abbreviation_then_starter_splits() {
        assert_eq!(
            split("He lives in the U.S. The next day he left."),
            vec!["He lives in the U.S.", "The next day he left."]
        );
        assert_eq!(
            split("U.S. President Donald J. Trump spoke."),
            vec!["U.S. President Donald J. Trump spoke."]
        );
    }

    #[test]
    fn tokens_keep_abbreviations_and_numbers() {
        let t = "Mr. Wu paid $1,500.50 in the U.S. today.";
        let toks: Vec<(&str, TokenKind)> = tokens(t, Span::new(0, t.len()))
            .iter()
            .map(|k| (k.span.of(t), k.kind))
            .collect();
        assert_eq!(toks[0], ("Mr.", TokenKind::Word));
        assert!(toks.contains(&("$", TokenKind::Symbol)));
        assert!(toks.contains(&("1,500.50", TokenKind::Number)));
        assert!(toks.contains(&("U.S.", TokenKind::Word)));
        assert_eq!(toks.last(), Some(&(".", TokenKind::Punct)));
    }

    #[test]
    fn long_unbroken_line_is_linear() {
        let s = "a.".repeat(2_000_000) + " The end.";
        // A quadratic splitter would not finish this in hours; speed itself is measured in
        // benches/engine.rs, not asserted here.
        let out = split(&s);
        assert!(!out.is_empty());
    }
}
