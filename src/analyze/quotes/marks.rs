//! Quotation-mark scanning: finds quoted segments in each paragraph for every mark
//! style (“ ” " „ « » ‘ ’ '), keeps nested quotes inside their outer quote, links a
//! quote that runs across paragraphs (the mark re-opened at each new paragraph without
//! a close), and tells straight marks used as inches, apostrophes or elisions ('90s,
//! rock 'n' roll) from quotation marks.

use crate::model::Span;

/// One quoted stretch of text inside a single paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the closing mark, when the quote closes in this paragraph.
    pub close: Option<usize>,
    /// The words inside the marks (trimmed).
    pub inner: Span,
    pub paragraph: usize,
    /// This segment re-opens a quote left open at the end of the previous paragraph.
    pub continues: bool,
    /// Single marks (‘ ’ or ') rather than double.
    pub single: bool,
}

/// How a quotation mark is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Opens,
    Closes,
    /// Straight marks: the context decides.
    Either,
}

/// One quotation-mark style as written in text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    pub text: &'static str,
    pub double: bool,
    pub side: Side,
}

const fn mark(text: &'static str, double: bool, side: Side) -> Mark {
    Mark { text, double, side }
}

/// Every quotation mark the scanner reads: typographic, straight, guillemets, and the
/// two-character marks of typewriter and converted text (two apostrophes `''` for a
/// double mark, and the TeX/Penn Treebank opening pair of backticks). One table for
/// the scanner, the caption test and the token view.
pub(crate) const MARKS: &[Mark] = &[
    mark("“", true, Side::Opens),
    mark("”", true, Side::Closes),
    mark("„", true, Side::Opens),
    mark("«", true, Side::Opens),
    mark("»", true, Side::Closes),
    mark("''", true, Side::Either),
    mark("``", true, Side::Opens),
    mark("\"", true, Side::Either),
    mark("‘", false, Side::Opens),
    mark("’", false, Side::Closes),
    mark("‹", false, Side::Opens),
    mark("›", false, Side::Closes),
    mark("'", false, Side::Either),
];

/// The mark written at the start of `s` (the longest match), if any.
pub(crate) fn mark_at(s: &str) -> Option<&'static Mark> {
    MARKS.iter().find(|m| s.starts_with(m.text))
}

/// Whether the character is, or starts, a quotation mark.
#[inline]
pub(crate) fn is_mark_char(c: char) -> bool {
    // The only ASCII characters a mark starts with are `"`, `'` and the backtick (a test
    // checks it): most characters of a text leave here without a walk over the table.
    if c.is_ascii() {
        return matches!(c, '"' | '\'' | '`');
    }
    MARKS.iter().any(|m| m.text.starts_with(c))
}

/// Byte length of the mark written at byte `at` of `text` (1 when none is).
pub(crate) fn mark_len(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(mark_at)
        .map(|m| m.text.len())
        .unwrap_or(1)
}

/// Offset, from `at`, of the last character of the mark written at `at` (0 when the
/// mark is one character or none is written there).
pub(crate) fn last_char_offset(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(mark_at)
        .and_then(|m| m.text.char_indices().last())
        .map(|(i, _)| i)
        .unwrap_or(0)
}

/// Whether the text holds a double mark of any style.
fn has_double_mark(s: &str) -> bool {
    MARKS
        .iter()
        .filter(|m| m.double)
        .any(|m| s.contains(m.text))
}

/// The scanner reads each mark as one character: a two-character mark becomes the
/// one-character mark of the same use (`''` reads as `"`, the backtick pair as `“`).
fn canonical(m: &Mark) -> char {
    match (m.double, m.side) {
        (true, Side::Opens) => '“',
        (true, Side::Closes) => '”',
        (true, Side::Either) => '"',
        (false, Side::Opens) => '‘',
        (false, Side::Closes) => '’',
        (false, Side::Either) => '\'',
    }
}

/// Byte length, in `text`, of the entry `ch` of [`mark_chars`] written at byte `at`: a
/// folded mark (`''` read as `”`) is as wide as it is written, not as its stand-in.
fn written_len(text: &str, at: usize, ch: char) -> usize {
    if text[at..].starts_with(ch) {
        ch.len_utf8()
    } else {
        mark_len(text, at)
    }
}

/// The paragraph's characters with every multi-character mark folded into one entry
/// at the mark's offset, and the indices of the entries that are marks
/// ([`is_mark_char`]), in order.
fn mark_chars(body: &str) -> (Vec<(usize, char)>, Vec<usize>) {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(body.len());
    let mut marks = Vec::new();
    let mut prev: Option<char> = None;
    let mut off = 0;
    while off < bytes.len() {
        let b = bytes[off];
        // Most characters are ASCII and neither an apostrophe nor a backtick: one entry,
        // a mark only when it is `"` (see `is_mark_char`).
        if b.is_ascii() && b != b'\'' && b != b'`' {
            if b == b'"' {
                marks.push(out.len());
            }
            out.push((off, char::from(b)));
            prev = Some(char::from(b));
            off += 1;
            continue;
        }
        let Some(c) = body[off..].chars().next() else {
            break;
        };
        // "''… 'old-school,'''": three apostrophes after a word close the inner single
        // quote first, then the double one (`'` then `''`), not `''` then `'`.
        let closes_both =
            c == '\'' && body[off..].starts_with("'''") && prev.is_some_and(|p| !p.is_whitespace());
        prev = Some(c);
        if closes_both {
            marks.push(out.len());
            out.push((off, c));
            off += 1;
            continue;
        }
        if matches!(c, '\'' | '`')
            && let Some(m) = mark_at(&body[off..]).filter(|m| m.text.len() > 1)
        {
            marks.push(out.len());
            out.push((off, canonical(m)));
            off += m.text.len();
            continue;
        }
        if is_mark_char(c) {
            marks.push(out.len());
        }
        out.push((off, c));
        off += c.len_utf8();
    }
    (out, marks)
}

fn opens_double(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}
fn closes_double(c: char) -> bool {
    matches!(c, '”' | '»')
}
fn opens_single(c: char) -> bool {
    matches!(c, '‘' | '‹' | '\'')
}

/// Whitespace, start of text or an opening bracket/dash before a mark: it can open.
fn open_context(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
    }) && next.is_some_and(|n| !n.is_whitespace())
}

/// Elisions that start with an apostrophe: '90s, 'em, 'til, 'n', 'cause, 'tis.
fn is_elision(rest: &str) -> bool {
    let mut chars = rest.chars();
    let first = chars.next();
    if first.is_some_and(|c| c.is_ascii_digit()) {
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        let after = rest[digits.len()..].chars().next();
        return digits.len() == 2 && after.is_none_or(|c| c == 's' || !c.is_alphanumeric());
    }
    // The letters' length as written: lower-casing can change it ("Ⱥ" is 2 bytes, "ⱥ" 3).
    let letters = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = rest[..letters].to_lowercase();
    let after = rest[letters..].chars().next();
    matches!(
        word.as_str(),
        "em" | "til" | "cause" | "tis" | "twas" | "n" | "round"
    ) && after.is_none_or(|c| !c.is_alphabetic())
}

/// Credit markers of picture captions ("… on their launchpads. Image: NASA.").
const CAPTION_CUES: &[&str] = &[
    "Image:",
    "Photo:",
    "Picture:",
    "Photograph:",
    "Credit:",
    "Photo credit:",
];

/// A short paragraph without quotation marks that carries a picture credit.
pub fn is_caption(paragraph: &str) -> bool {
    paragraph.split_whitespace().count() <= 40
        && CAPTION_CUES.iter().any(|c| paragraph.contains(c))
        && !has_double_mark(paragraph)
}

/// Quoted segments of every paragraph, in text order.
pub fn scan(text: &str, paragraphs: &[Span]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut carry = false;
    for (pi, p) in paragraphs.iter().enumerate() {
        let Some(body) = text.get(p.start..p.end) else {
            continue;
        };
        // A picture caption (or its text once the credit is cleaned away) set between two
        // paragraphs of one quote does not end it: a short paragraph without marks, right
        // before a paragraph that re-opens the quote.
        let reopens_next = paragraphs
            .get(pi + 1)
            .and_then(|n| text.get(n.start..n.end))
            .and_then(mark_at)
            .is_some_and(|m| m.double && m.side != Side::Closes);
        if carry
            && (is_caption(body)
                || (reopens_next
                    && body.split_whitespace().count() <= 25
                    && !has_double_mark(body)))
        {
            continue;
        }
        if !has_any_mark(body) || opens_nothing(body) {
            // Nothing to scan, or nothing that can open a quote (so nothing the scan
            // would find); a quote carried into such a paragraph has ended.
            carry = false;
            continue;
        }
        let (chars, marks) = mark_chars(body);
        // Built on the first single mark that may open a quote; most paragraphs have none.
        let mut closers: Option<Vec<usize>> = None;
        let mut open: Option<usize> = None; // index into chars of the opening double mark
        let mut continues = false;
        let mut i = 0;
        // A quote carried from the previous paragraph continues only if this one re-opens it.
        let first_mark = chars.first().map(|&(_, c)| c);
        if carry && !first_mark.is_some_and(|c| opens_double(c) || c == '"') {
            carry = false;
        }
        // Only the marks are read: `next_mark` walks `marks` to the first at or after `i`.
        let mut next_mark = 0;
        while i < chars.len() {
            while marks.get(next_mark).is_some_and(|&m| m < i) {
                next_mark += 1;
            }
            let Some(&m) = marks.get(next_mark) else {
                break;
            };
            i = m;
            let (off, c) = chars[i];
            let prev = i.checked_sub(1).map(|k| chars[k].1);
            let next = chars.get(i + 1).map(|&(_, c)| c);
            match open {
                None => {
                    if opens_double(c) || (c == '"' && open_context(prev, next)) {
                        open = Some(i);
                        continues = carry && i == 0;
                    } else if opens_single(c)
                        && open_context(prev, next)
                        && !is_elision(&body[off + c.len_utf8()..])
                    {
                        let closers = closers.get_or_insert_with(|| single_closers(&chars));
                        if let Some(j) = find_single_close(&chars, closers, i) {
                            push(&mut out, text, p.start, &chars, i, Some(j), pi, false, true);
                            i = j + 1;
                            continue;
                        }
                    }
                }
                Some(o) => {
                    // A typo'd “ after a word and before a space closes the quote.
                    let misturned = c == '“'
                        && prev.is_some_and(|p| !p.is_whitespace())
                        && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
                    if closes_double(c) || c == '"' || misturned {
                        push(
                            &mut out,
                            text,
                            p.start,
                            &chars,
                            o,
                            Some(i),
                            pi,
                            continues,
                            false,
                        );
                        open = None;
                        continues = false;
                    } else if opens_double(c) && i > o + 1 {
                        // A second opening mark before any close: the first quote was left
                        // open (a typo); it ends here and a new one starts.
                        push_until(&mut out, text, p.start, &chars, o, i, pi, continues);
                        open = Some(i);
                        continues = false;
                    }
                }
            }
            i += 1;
        }
        carry = false;
        if let Some(o) = open {
            push(
                &mut out, text, p.start, &chars, o, None, pi, continues, false,
            );
            carry = true;
        }
    }
    out
}

/// Whether no mark of the paragraph can open a quote: no double mark that opens or may
/// open (`"`, “, „, «, and `''` or a backtick pair), no opening single mark (‘, ‹), and
/// every `'` right after an ASCII letter or digit ("don't", "Jones'"), where it cannot
/// open. Closing marks alone (’ ” » ›) open nothing, so such a paragraph yields no
/// segment and ends a carried quote: [`scan`] skips it without reading its characters.
fn opens_nothing(body: &str) -> bool {
    let b = body.as_bytes();
    // Byte searches for the few bytes such a mark starts with, not a test of every byte.
    memchr::memchr3_iter(b'"', b'\'', b'`', b)
        .all(|i| b[i] == b'\'' && i > 0 && b[i - 1].is_ascii_alphanumeric())
        && memchr::memchr2_iter(0xE2, 0xC2, b).all(|i| match b[i] {
            // “ „ ‘ ‹ are E2 80 9C/9E/98/B9 in UTF-8; « is C2 AB.
            0xE2 => {
                !(b.get(i + 1) == Some(&0x80)
                    && matches!(b.get(i + 2), Some(0x98 | 0x9C | 0x9E | 0xB9)))
            }
            _ => b.get(i + 1) != Some(&0xAB),
        })
}

/// Whether the paragraph holds any character the scanner reads as a mark; most do not.
fn has_any_mark(body: &str) -> bool {
    let bytes = body.as_bytes();
    // Byte searches: a straight mark at once, then the bytes the others start with.
    memchr::memchr2(b'"', b'\'', bytes).is_some()
        || memchr::memchr3_iter(b'`', 0xE2, 0xC2, bytes).any(|i| match bytes[i] {
            b'`' => bytes.get(i + 1) == Some(&b'`'),
            // “ ” „ ‘ ’ ‹ › are E2 80 9C/9D/9E/98/99/B9/BA in UTF-8; « » are C2 AB/BB.
            0xE2 => {
                bytes.get(i + 1) == Some(&0x80)
                    && matches!(
                        bytes.get(i + 2),
                        Some(0x98 | 0x99 | 0x9C | 0x9D | 0x9E | 0xB9 | 0xBA)
                    )
            }
            _ => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
        })
}

/// For each position, the next candidate closing single mark at or after it (a ’ or '
/// after a non-space and not followed by a letter, so not "don't"), or `usize::MAX`;
/// and a double mark resets the search, so a single quote never spans a double one.
fn single_closers(chars: &[(usize, char)]) -> Vec<usize> {
    let mut next = vec![usize::MAX; chars.len() + 1];
    for j in (0..chars.len()).rev() {
        let c = chars[j].1;
        next[j] = if matches!(c, '"' | '“' | '”') {
            usize::MAX
        } else if matches!(c, '’' | '›' | '\'')
            && j > 0
            && !chars[j - 1].1.is_whitespace()
            && chars.get(j + 1).is_none_or(|&(_, n)| !n.is_alphanumeric())
        {
            j
        } else {
            next[j + 1]
        };
    }
    next
}

/// The closing single mark for an opening one at `i`. "the parents' car": a plural
/// possessive followed by a lowercase word is skipped when a later candidate exists.
fn find_single_close(chars: &[(usize, char)], closers: &[usize], i: usize) -> Option<usize> {
    let mut j = *closers.get(i + 2)?;
    for _ in 0..4 {
        if j == usize::MAX {
            return None;
        }
        let prev = chars[j - 1].1;
        let next = chars.get(j + 1).map(|&(_, c)| c);
        let after_word = chars.get(j + 2).map(|&(_, c)| c);
        let possessive =
            prev == 's' && next == Some(' ') && after_word.is_some_and(|c| c.is_lowercase());
        let later = closers.get(j + 1).copied().unwrap_or(usize::MAX);
        if !possessive || later == usize::MAX {
            return Some(j);
        }
        j = later;
    }
    None
}

/// An unclosed quote cut short by a new opening mark at char index `until`.
#[allow(clippy::too_many_arguments)]
fn push_until(
    out: &mut Vec<Segment>,
    text: &str,
    base: usize,
    chars: &[(usize, char)],
    o: usize,
    until: usize,
    pi: usize,
    continues: bool,
) {
    push(
        out,
        text,
        base,
        &chars[..until],
        o,
        None,
        pi,
        continues,
        false,
    );
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Segment>,
    text: &str,
    base: usize,
    chars: &[(usize, char)],
    o: usize,
    close: Option<usize>,
    pi: usize,
    continues: bool,
    single: bool,
) {
    let open_off = base + chars[o].0;
    let inner_start = open_off + mark_len(text, open_off);
    let inner_end = match close {
        Some(c) => base + chars[c].0,
        None => chars
            .last()
            .map(|&(off, ch)| base + off + written_len(text, base + off, ch))
            .unwrap_or(base),
    };
    if inner_end <= inner_start {
        return;
    }
    let raw = &text[inner_start..inner_end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    // A trailing comma belongs to the attribution, not the statement.
    let trimmed = trimmed.trim_end_matches([',', ' ']);
    if trimmed.is_empty() {
        return;
    }
    let s = inner_start + lead;
    out.push(Segment {
        open: open_off,
        close: close.map(|c| base + chars[c].0),
        inner: Span::new(s, s + trimmed.len()),
        paragraph: pi,
        continues,
        single,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_nothing_only_without_an_opening_mark() {
        for quiet in [
            "Jo's dog won't bark",
            "the Joneses' house’s roof”",
            "plain » text ›",
        ] {
            assert!(opens_nothing(quiet), "{quiet}");
        }
        for opens in [
            "he said \"no\"",
            "a 'word'",
            "x ''y''",
            "``z''",
            "“q”",
            "„q“",
            "‘q’",
            "«q»",
            "‹q›",
            "'90s",
        ] {
            assert!(!opens_nothing(opens), "{opens}");
        }
    }

    #[test]
    fn no_mark_starts_with_a_letter_digit_or_space() {
        // `is_mark_char` relies on it for its fast path: of ASCII, only `"`, `'` and the
        // backtick start a mark.
        for m in MARKS {
            let c = m.text.chars().next().unwrap();
            assert!(!c.is_ascii_alphanumeric() && c != ' ', "{:?}", m.text);
            assert!(
                !c.is_ascii() || matches!(c, '"' | '\'' | '`'),
                "{:?}",
                m.text
            );
            assert!(is_mark_char(c));
        }
        for b in 0..128u8 {
            let c = char::from(b);
            let starts = MARKS.iter().any(|m| m.text.starts_with(c));
            assert_eq!(is_mark_char(c), starts, "{c:?}");
        }
    }

    #[test]
    fn elision_check_survives_letters_that_grow_when_lower_cased() {
        assert!(!is_elision("Ⱥ"));
        assert!(!is_elision("ȺȺ x"));
        assert!(is_elision("em, he said"));
        assert!(is_elision("90s"));
    }

    #[test]
    fn mark_precheck_sees_every_mark_style_and_nothing_else() {
        for mark in MARKS {
            let m = mark.text;
            assert!(has_any_mark(&format!("Prices rose{m} again")), "{m}");
        }
        assert!(!has_any_mark("Prices rose — by 5% … in Zürich – again"));
    }

    fn quoted(text: &str) -> Vec<&str> {
        let paras = crate::text::segment::paragraphs(text);
        scan(text, &paras)
            .iter()
            .map(|s| s.inner.of(text))
            .collect()
    }

    #[test]
    fn curly_straight_and_single() {
        assert_eq!(quoted("He said “yes, now,” and left."), vec!["yes, now"]);
        assert_eq!(quoted("He said \"no\" twice."), vec!["no"]);
        assert_eq!(
            quoted("She called it ‘a disaster’ today."),
            vec!["a disaster"]
        );
    }

    #[test]
    fn straight_marks_that_are_not_quotes() {
        assert!(quoted("A 12\" pizza and a 6'2\" man.").is_empty());
        assert!(quoted("Music of the '90s and rock 'n' roll, don't you think?").is_empty());
    }

    #[test]
    fn typewriter_and_tex_marks() {
        assert_eq!(
            quoted("''We will win,'' she said. ''Soon.''"),
            vec!["We will win", "Soon."]
        );
        assert_eq!(
            quoted("He said ``it is done'' and left."),
            vec!["it is done"]
        );
        assert_eq!(
            quoted("The workers' ''fair share'' plan"),
            vec!["fair share"]
        );
        assert_eq!(quoted("She called it ‹a farce› twice."), vec!["a farce"]);
        // a single quote closing inside a double one: `'''` is `'` then `''`
        assert_eq!(
            quoted("''I would call it 'a farce,''' he said. ''Twice.''"),
            vec!["I would call it 'a farce,'", "Twice."]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quoted("“He called me ‘a liar’ twice,” she said."),
            vec!["He called me ‘a liar’ twice"]
        );
    }

    #[test]
    fn a_caption_inside_a_quote_does_not_end_it() {
        let text = "He said, “First part of it.\n\nThe bridge at dawn. Photo: City Hall.\n\n“Second part.”";
        let paras = crate::text::segment::paragraphs(text);
        assert_eq!(scan(text, &paras).len(), 2);
        let text = "He said, “First part of it.\n\nThe bridge at dawn.\n\n“Second part.”";
        let paras = crate::text::segment::paragraphs(text);
        let segs = scan(text, &paras);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert!(segs[1].continues);
    }

    #[test]
    fn cross_paragraph_quote_is_linked() {
        let text = "“First part of it.\n\n“Second part,” he said.";
        let paras = crate::text::segment::paragraphs(text);
        let segs = scan(text, &paras);
        assert_eq!(segs.len(), 2);
        assert!(segs[0].close.is_none());
        assert!(segs[1].continues);
    }
}
