//! Tokens with byte spans: words (keeping an abbreviation's period), numbers, quote
//! marks, punctuation and symbols.

use super::abbrev::{abbreviation_class, is_dotted_acronym, is_initial};
use super::chars::char_at;
use crate::model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens, periods: "don't", "Xi-Trump", "U.S.").
    Word,
    /// Digits with inner separators ("1,000", "3.14", "2025-10-23" is three numbers).
    Number,
    /// A quotation mark, straight or curly.
    Quote,
    /// Sentence and clause punctuation, brackets, dashes.
    Punct,
    /// Currency and other symbols ("$", "%", "€").
    Symbol,
}

/// One token with its byte span in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '‘' | '’' | '\'' | '‚'
    )
}

/// Tokens of `text[span]`, with spans into `text`. A word keeps a final period when it
/// is a known abbreviation or a dotted acronym ("Mr.", "U.S."); an apostrophe that
/// closes or opens a quotation is a `Quote` token, one inside a word is part of it.
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(body) = text.get(span.start..span.end) else {
        return out;
    };
    let base = span.start;
    let mut it = body.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            let mut all_digits = numeric;
            while let Some(&(k, d)) = it.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    end = k + d.len_utf8();
                    it.next();
                    continue;
                }
                // Inner joiners: only when followed by an alphanumeric character.
                let joiner = if numeric && all_digits {
                    matches!(d, '.' | ',')
                } else {
                    matches!(d, '\'' | '’' | '-' | '.' | '&')
                };
                if joiner && char_at(body, k + d.len_utf8()).is_some_and(char::is_alphanumeric) {
                    // A digit group joiner must be followed by a digit.
                    if numeric
                        && all_digits
                        && !char_at(body, k + 1).is_some_and(|x| x.is_ascii_digit())
                    {
                        break;
                    }
                    it.next();
                    end = k + d.len_utf8();
                    continue;
                }
                break;
            }
            let kind = if numeric && all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            // Keep an abbreviation's period.
            if kind == TokenKind::Word && char_at(body, end) == Some('.') {
                let with_dot = &body[i..end + 1];
                if abbreviation_class(with_dot).is_some()
                    || is_dotted_acronym(with_dot)
                    || is_initial(with_dot)
                {
                    end += 1;
                    if it.peek().is_some_and(|&(k, _)| k < end) {
                        it.next();
                    }
                }
            }
            out.push(Token {
                span: Span::new(base + i, base + end),
                kind,
            });
            continue;
        }
        let kind = if is_quote_char(c) {
            TokenKind::Quote
        } else if matches!(
            c,
            '$' | '€'
                | '£'
                | '¥'
                | '₹'
                | '%'
                | '‰'
                | '°'
                | '#'
                | '@'
                | '+'
                | '='
                | '<'
                | '>'
                | '§'
                | '©'
                | '®'
                | '™'
        ) || matches!(c as u32, 0x20A0..=0x20CF | 0x2100..=0x214F | 0x2190..=0x21FF | 0x2200..=0x22FF)
        {
            TokenKind::Symbol
        } else {
            TokenKind::Punct
        };
        let mut end = i + c.len_utf8();
        // "..." is one token.
        if c == '.' {
            while let Some(&(k, '.')) = it.peek() {
                end = k + 1;
                it.next();
            }
        }
        out.push(Token {
            span: Span::new(base + i, base + end),
            kind,
        });
    }
    out
}
