//! Character classes and bounded look-around used by the sentence splitter and the
//! tokenizer: which marks close or open a quotation or bracket, which end a sentence,
//! and the word at or before a byte offset.

pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

pub(crate) fn is_quote_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '„'
    )
}

pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‽')
}

pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The word starting at byte `i` (letters, digits and inner `.'’-&`), without a
/// trailing comma or other punctuation except a final period.
pub(crate) fn word_at(s: &str, i: usize) -> &str {
    let rest = &s[i..];
    let mut end = 0;
    for (k, c) in rest.char_indices() {
        if c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '&') {
            end = k + c.len_utf8();
        } else {
            break;
        }
        if k > 64 {
            break;
        }
    }
    &rest[..end]
}

/// The word ending at byte `end` (exclusive), going back to whitespace or an opening
/// mark; `None` when it is longer than a bounded look-behind.
pub(crate) fn word_before(s: &str, end: usize) -> Option<(usize, &str)> {
    const MAX: usize = 48;
    let floor = end.saturating_sub(MAX);
    let mut start = end;
    for (k, c) in s[..end].char_indices().rev() {
        if c.is_whitespace() || is_opener(c) || c == '—' || c == '–' || c == '/' {
            return Some((start, &s[start..end]));
        }
        if k < floor {
            return None;
        }
        start = k;
    }
    Some((start, &s[start..end]))
}

pub(crate) fn is_opener_before(s: &str, next: usize) -> bool {
    s[..next].chars().next_back().is_some_and(is_opener)
}
