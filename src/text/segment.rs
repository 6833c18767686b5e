//! Segmentation with byte spans: paragraphs (blank-line separated blocks), news-grade
//! sentences, and tokens.
//!
//! The sentence splitter is a single left-to-right pass over each paragraph. A candidate
//! boundary is a run of `.`, `?`, `!` or `…`, followed by any closing quotes/brackets,
//! followed by whitespace. Whether it ends the sentence depends on what comes before the
//! period (abbreviations in `data/abbreviations.txt`, initials, dotted acronyms, list
//! markers) and what comes after (lowercase continuation, an attribution such as
//! `"…!" Trump said`, a common sentence starter from `data/sentence_starters.txt`).
//! Look-behind is bounded, so the pass is linear in the paragraph length.

use crate::model::{Sentence, Span};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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

/// How an abbreviation behaves before the next word (see data/abbreviations.txt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevClass {
    Title,
    Inner,
    Number,
    Time,
    End,
}

struct Lexicon {
    exact: HashMap<&'static str, AbbrevClass>,
    /// All-lowercase entries, matched case-insensitively.
    folded: HashMap<String, AbbrevClass>,
    starters: HashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut exact = HashMap::new();
    let mut folded = HashMap::new();
    for entry in crate::lexicon::ABBREVIATIONS.entries() {
        let (word, class) = (entry.field(0), entry.field(1));
        let class = match class {
            "title" => AbbrevClass::Title,
            "inner" => AbbrevClass::Inner,
            "number" => AbbrevClass::Number,
            "time" => AbbrevClass::Time,
            _ => AbbrevClass::End,
        };
        exact.insert(word, class);
        if word.chars().all(|c| !c.is_uppercase()) {
            folded.insert(word.to_lowercase(), class);
        }
    }
    let starters = crate::lexicon::SENTENCE_STARTERS.words().collect();
    Lexicon {
        exact,
        folded,
        starters,
    }
});

/// Words that continue a clock time after "a.m."/"p.m." rather than start a sentence.
const TIME_CONTINUATIONS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Eastern",
    "Pacific",
    "Central",
    "Mountain",
    "Atlantic",
    "local",
    "Local",
    "Greenwich",
    "Moscow",
    "Beijing",
    "London",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Verbs of saying that attach a quotation ending in `.`/`!`/`?` to its speaker
/// (`"Enough!" Trump said.` is one sentence).
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "tells",
    "replied",
    "replies",
    "wrote",
    "writes",
    "explained",
    "explains",
    "continued",
    "shouted",
    "yelled",
    "insisted",
    "noted",
    "stated",
    "recalled",
    "remarked",
    "exclaimed",
    "declared",
    "warned",
    "cried",
    "answered",
    "responded",
    "argued",
    "concluded",
    "tweeted",
    "posted",
    "joked",
    "quipped",
    "admitted",
    "acknowledged",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_quote_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '„'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‽')
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The word starting at byte `i` (letters, digits and inner `.'’-&`), without a
/// trailing comma or other punctuation except a final period.
fn word_at(s: &str, i: usize) -> &str {
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
fn word_before(s: &str, end: usize) -> Option<(usize, &str)> {
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

fn is_starter(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';', ':', '\'', '’']);
    let w = w.split(['\'', '’']).next().unwrap_or(w);
    LEXICON.starters.contains(w)
}

/// "U.S.", "a.m.", "F.B.I.": letters separated by periods, ending in one.
fn is_dotted_acronym(word: &str) -> bool {
    let core = match word.strip_suffix('.') {
        Some(c) => c,
        None => return false,
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A list marker at the start of a sentence: "1.", "12.", "a.", "iv.".
fn is_list_marker(word: &str) -> bool {
    let Some(core) = word.strip_suffix('.') else {
        return false;
    };
    (!core.is_empty() && core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit()))
        || (core.len() == 1 && core.bytes().all(|b| b.is_ascii_lowercase()))
        || (!core.is_empty()
            && core.len() <= 4
            && core.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
}

fn abbreviation_class(word: &str) -> Option<AbbrevClass> {
    if let Some(&c) = LEXICON.exact.get(word) {
        return Some(c);
    }
    if word.chars().any(char::is_uppercase) {
        let lower = word.to_lowercase();
        if let Some(&c) = LEXICON.folded.get(&lower) {
            // "Approx." at a sentence start, not "No." vs "no." (those are exact entries).
            return Some(c);
        }
    }
    None
}

/// After a closing quote: do the next words attribute the quotation (`Trump said`,
/// `He asked`, `Senator Mary Smith told`)?
fn is_attribution(s: &str, mut i: usize) -> bool {
    for n in 0..6 {
        let w = word_at(s, i);
        if w.is_empty() {
            return false;
        }
        let bare = w.trim_end_matches(['.', ',']);
        if n >= 1 && ATTRIBUTION_VERBS.contains(&bare) {
            return true;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if w.ends_with('.')
            && !abbreviation_class(w).is_some_and(|c| c == AbbrevClass::Title)
            && !is_initial(w)
        {
            return false;
        }
        i += w.len();
        let rest = &s[i..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if spaces == 0 {
            return false;
        }
        i += spaces;
    }
    false
}

/// Decides whether the punctuation run `s[punct_start..punct_end]` (plus closers up to
/// `after`) ends a sentence, given the next word starting at `next`.
fn ends_sentence(
    s: &str,
    sent_start: usize,
    punct_start: usize,
    punct_end: usize,
    after: usize,
    next: usize,
) -> bool {
    let Some(next_char) = char_at(s, next) else {
        return true;
    };
    if next_char.is_lowercase() {
        // Only an enumeration marker ("b. Second option") starts a sentence in lowercase.
        return starts_list_item(s, next);
    }
    if matches!(next_char, '.' | '…') && !is_opener_before(s, next) {
        // "… of Scientology. ... The next thing": the loose ellipsis stays with the
        // sentence before it rather than becoming a sentence of its own.
        return false;
    }
    let punct = &s[punct_start..punct_end];
    let closers = &s[punct_end..after];
    let quoted = closers.chars().any(is_quote_closer);
    let next_word = word_at(s, next);
    let next_is_upper = next_char.is_uppercase();

    if quoted && next_is_upper && is_attribution(s, next) {
        return false;
    }
    let ellipsis = punct.contains("..") || punct.contains('…');
    if ellipsis {
        // An omission inside a sentence ("We will … The") is common in quotes; only
        // a sentence starter or a new quotation makes it a boundary.
        return !closers.is_empty()
            || is_starter(next_word)
            || next > after + 1 && is_opener_before(s, next);
    }
    if punct == "!" && closers.is_empty() {
        if let Some((_, w)) = word_before(s, punct_end)
            && abbreviation_class(w) == Some(AbbrevClass::Inner)
        {
            return false;
        }
        return true;
    }
    if punct != "." || !closers.is_empty() {
        return true;
    }
    let Some((word_start, word)) = word_before(s, punct_end) else {
        return true;
    };
    if s[sent_start..word_start].trim().is_empty() && is_list_marker(word) {
        return false;
    }
    let starter = is_starter(next_word);
    match abbreviation_class(word) {
        Some(AbbrevClass::Title) | Some(AbbrevClass::Inner) => false,
        Some(AbbrevClass::Number) => {
            !next_char.is_ascii_digit() && (starter || !next_is_upper || word.len() > 3)
        }
        Some(AbbrevClass::Time) => {
            let bare = next_word.trim_end_matches([',', '.']);
            let tz =
                bare.len() <= 5 && bare.len() >= 2 && bare.chars().all(|c| c.is_ascii_uppercase());
            next_is_upper
                && !tz
                && !TIME_CONTINUATIONS.contains(&next_word)
                && !TIME_CONTINUATIONS.contains(&bare)
        }
        Some(AbbrevClass::End) => starter,
        None if is_initial(word) || is_dotted_acronym(word) => starter,
        None => true,
    }
}

/// "b. Next item": a one-letter list marker followed by a capitalized word.
fn starts_list_item(s: &str, at: usize) -> bool {
    let w = word_at(s, at);
    if !(w.len() == 2 && w.ends_with('.') && w.as_bytes()[0].is_ascii_lowercase()) {
        return false;
    }
    let rest = &s[at + w.len()..];
    let trimmed = rest.trim_start_matches(' ');
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

fn is_opener_before(s: &str, next: usize) -> bool {
    s[..next].chars().next_back().is_some_and(is_opener)
}

/// Sentences of each paragraph, in order.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        for span in split_sentences(text, *p) {
            out.push(Sentence {
                span,
                paragraph: pi,
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
        // The punctuation run, then closing quotes/brackets (possibly more punctuation).
        let mut j = i;
        let mut punct_end = i;
        while let Some(c) = char_at(body, j) {
            if is_terminal(c) {
                j += c.len_utf8();
                punct_end = j;
            } else {
                break;
            }
        }
        let mut after = j;
        while let Some(c) = char_at(body, after) {
            if is_closer(c) || is_terminal(c) {
                after += c.len_utf8();
            } else {
                break;
            }
        }
        let Some(ws) = char_at(body, after) else {
            break;
        };
        if !ws.is_whitespace() {
            i = j;
            continue;
        }
        let mut next = after;
        while let Some(c) = char_at(body, next) {
            if c.is_whitespace() {
                next += c.len_utf8();
            } else {
                break;
            }
        }
        while let Some(c) = char_at(body, next) {
            if is_opener(c) {
                next += c.len_utf8();
            } else {
                break;
            }
        }
        if ends_sentence(body, sent_start, i, punct_end, after, next) {
            push(&mut out, sent_start, after);
            sent_start = after;
        }
        i = after;
    }
    push(&mut out, sent_start, bytes.len());
    out
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
