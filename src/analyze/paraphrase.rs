//! Paraphrase spans end at a clause boundary, with their quote marks and brackets
//! balanced. The statement finder may stop a reported clause short — before a quoted
//! phrase ("… and called the response “a disgrace”") or inside a time ("… at around
//! 2.40 PM are to be cancelled"). A span that stops in the middle of its clause (the
//! next character is a word, an opening mark or bracket) runs on to the next comma,
//! semicolon, dash or sentence end outside marks and brackets, never past its cue;
//! one that opens a mark or bracket runs on to its closing one.

use crate::model::{Document, Quote, QuoteKind, Span};

/// Characters that end a clause (outside marks and brackets).
const CLAUSE_ENDS: &[char] = &[',', ';', ':', '—', '–'];
/// Opening and closing marks and brackets tracked for balance.
const OPENERS: &[char] = &['“', '(', '[', '‘'];
const CLOSERS: &[char] = &['”', ')', ']', '’'];
/// Longest run a span is extended by, in bytes: a clause, not a paragraph.
const MAX_EXTENSION: usize = 400;

/// Completes every paraphrase's span to its clause boundary, never across the cue of
/// another statement ("Lee said the fees rose but noted that …": the first statement
/// ends where the second attribution begins).
pub fn complete_clauses(doc: &Document, quotes: &mut [Quote]) {
    let cues: Vec<usize> = quotes
        .iter()
        .filter_map(|q| q.cue.map(|c| c.start))
        .collect();
    for q in quotes.iter_mut().filter(|q| q.kind == QuoteKind::Indirect) {
        let Some(sentence) = doc.sentences.get(q.sentence) else {
            continue;
        };
        // Never past the cue or the sentence: "<clause>, officials said."
        let mut limit = sentence.span.end.min(q.text.end + MAX_EXTENSION);
        // The byte cap may fall inside a character ("🏽"): back off to its start.
        while limit > q.text.end && !doc.text.is_char_boundary(limit) {
            limit -= 1;
        }
        if let Some(cue) = q.cue.filter(|c| c.start >= q.text.end) {
            limit = limit.min(cue.start);
        }
        let Some(end) = clause_end(&doc.text, q.text, limit) else {
            continue;
        };
        let crossed = cues
            .iter()
            .copied()
            .filter(|&c| c > q.text.end && c < end)
            .min();
        let end = match crossed {
            Some(cue) => end_before_cue(&doc.text, q.text, cue),
            None => Some(end),
        };
        if let Some(end) = end {
            q.text = Span::new(q.text.start, end);
        }
    }
}

/// Depth of unclosed marks and brackets in `s` (straight double quotes by parity).
fn open_depth(s: &str) -> i32 {
    let mut depth = 0i32;
    let mut straight = false;
    for c in s.chars() {
        if OPENERS.contains(&c) {
            depth += 1;
        } else if CLOSERS.contains(&c) && depth > 0 {
            // A closing single mark with nothing open is an apostrophe.
            depth -= 1;
        } else if c == '"' {
            straight = !straight;
        }
    }
    depth + straight as i32
}

/// Whether the span stops mid-clause: it leaves a mark or bracket open, or the text
/// goes on without punctuation.
fn stops_mid_clause(text: &str, span: Span) -> bool {
    if open_depth(&text[span.start..span.end]) > 0 {
        return true;
    }
    let rest = text[span.end..].trim_start_matches([' ', '\t']);
    rest.starts_with(|c: char| c.is_alphanumeric() || OPENERS.contains(&c) || c == '"')
        && !rest.starts_with("according to")
}

/// The new end of `span`, when it stops mid-clause and its clause ends before `limit`.
fn clause_end(text: &str, span: Span, limit: usize) -> Option<usize> {
    if span.end >= limit || !stops_mid_clause(text, span) {
        return None;
    }
    let mut depth = open_depth(&text[span.start..span.end]);
    let mut straight_open = text[span.start..span.end].matches('"').count() % 2 == 1;
    let tail = &text[span.end..limit];
    let mut end = limit;
    let mut chars = tail.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = span.end + i;
        if OPENERS.contains(&c) {
            depth += 1;
        } else if CLOSERS.contains(&c) && depth > 0 {
            depth -= 1;
        } else if c == '"' {
            if straight_open {
                depth -= 1;
            } else {
                depth += 1;
            }
            straight_open = !straight_open;
        } else if depth == 0 {
            let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
            if CLAUSE_ENDS.contains(&c) || (matches!(c, '.' | '!' | '?') && next_is_space) {
                end = at;
                break;
            }
        }
    }
    if depth > 0 {
        // The clause never closes what it opened inside the sentence: leave it.
        return None;
    }
    let end = span.end + text[span.end..end].trim_end().len();
    (end > span.end).then_some(end)
}

/// Words that join a second attribution to a clause ("… and tells the crowd …").
const JOINTS: &[&str] = &[
    "and", "but", "while", "though", "although", "whereas", "yet",
];

/// Where an extension of `span` that would run into the cue of another statement at
/// `cue` ends instead: after the last closing mark or bracket that leaves nothing open
/// ("… to be “messy,” adding …"), or before the last joining word ("… for the attack
/// but officials have said …"), whichever comes later; `None` when neither stands
/// between the span and the cue.
fn end_before_cue(text: &str, span: Span, cue: usize) -> Option<usize> {
    let mut depth = open_depth(&text[span.start..span.end]);
    let mut straight_open = text[span.start..span.end].matches('"').count() % 2 == 1;
    let mut best = None;
    let mut prev = ' ';
    for (i, c) in text[span.end..cue].char_indices() {
        let at = span.end + i;
        if OPENERS.contains(&c) {
            depth += 1;
        } else if (CLOSERS.contains(&c) && depth > 0) || (c == '"' && straight_open) {
            depth -= 1;
            if c == '"' {
                straight_open = false;
            }
            if depth == 0 {
                best = Some(at + c.len_utf8());
            }
        } else if c == '"' {
            depth += 1;
            straight_open = true;
        } else if depth == 0 && prev.is_whitespace() {
            let word = text[at..cue].split(|c: char| !c.is_alphabetic()).next();
            if word.is_some_and(|w| JOINTS.contains(&w)) {
                let head = text[span.start..at].trim_end_matches([' ', '\t', ',', ';']);
                best = Some(span.start + head.len());
            }
        }
        prev = c;
    }
    best.filter(|&e| e > span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extended(text: &str, upto: &str) -> String {
        let end = text.find(upto).unwrap() + upto.len();
        let span = Span::new(0, end);
        let e = clause_end(text, span, text.len()).unwrap_or(end);
        text[..e].to_string()
    }

    #[test]
    fn a_clause_cut_short_runs_to_its_end() {
        assert_eq!(
            extended(
                "trains leaving at or around 2.40 PM are to be cancelled, the operator said.",
                "2.40 PM"
            ),
            "trains leaving at or around 2.40 PM are to be cancelled"
        );
        assert_eq!(
            extended(
                "the plan was unfair and called the response “a disgrace to the region”, and left.",
                "called the response"
            ),
            "the plan was unfair and called the response “a disgrace to the region”"
        );
    }

    #[test]
    fn a_complete_clause_stays() {
        let text = "the vote would go ahead, the mayor said.";
        let span = Span::new(0, text.find(',').unwrap());
        assert_eq!(clause_end(text, span, text.len()), None);
    }
}
