//! A single pass over the document text that cuts it into words, numerals and symbols,
//! each with its byte span and the kind of gap before it. The figures grammar works on
//! these tokens, so the text is scanned once, with no regex per sentence.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, with inner apostrophes ("world's").
    Word,
    /// Digits with inner `,` or `.` between digits ("46,600", "998.50").
    Num,
    /// Any other single character.
    Sym,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Written together ("US$5", "IE6", "8–10").
    None,
    /// Spaces on the same line.
    Space,
    /// A line break.
    Line,
    /// A blank line (new paragraph).
    Para,
}

impl Gap {
    /// The gap after one more whitespace character (`newline` if it is a line break):
    /// two line breaks make a paragraph.
    fn widen(self, newline: bool) -> Gap {
        match (self, newline) {
            (Gap::Para, _) => Gap::Para,
            (Gap::Line, true) => Gap::Para,
            (Gap::Line, false) => Gap::Line,
            (_, true) => Gap::Line,
            (_, false) => Gap::Space,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub gap: Gap,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `i` of `text` and its length: an ASCII byte without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut gap = Gap::Para;
    let mut at = 0;
    // A byte loop: an ASCII character is classified without decoding; any other is
    // decoded where it starts.
    while let Some((c, len)) = char_at(text, at) {
        let start = at;
        at += len;
        if c.is_whitespace() {
            gap = gap.widen(c == '\n');
            continue;
        }
        let kind;
        if c.is_ascii_digit() {
            kind = TokKind::Num;
            while at < bytes.len() {
                let d = bytes[at];
                // A separator stays only when a digit follows it.
                let keep = d.is_ascii_digit()
                    || (matches!(d, b',' | b'.')
                        && bytes.get(at + 1).is_some_and(u8::is_ascii_digit));
                if !keep {
                    break;
                }
                at += 1;
            }
        } else if c.is_alphabetic() {
            kind = TokKind::Word;
            loop {
                // ASCII letters, the bulk of a word, one byte test each.
                while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
                    at += 1;
                }
                match char_at(text, at) {
                    Some((d, n)) if !d.is_ascii() && d.is_alphabetic() => at += n,
                    Some((d, n))
                        if is_apostrophe(d)
                            && char_at(text, at + n).is_some_and(|(c, _)| c.is_alphabetic()) =>
                    {
                        at += n
                    }
                    _ => break,
                }
            }
        } else {
            kind = TokKind::Sym;
        }
        let g = if out.is_empty() {
            Gap::Para
        } else if start == prev_end(&out) {
            Gap::None
        } else {
            gap
        };
        out.push(Token {
            start,
            end: at,
            kind,
            gap: g,
        });
        gap = Gap::None;
    }
    out
}

fn prev_end(out: &[Token]) -> usize {
    out.last().map(|t| t.end).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_money_and_codes() {
        let text = "US$5.2bn, IE6 and 46,600 tonnes.\n\nNew";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "US", "$", "5.2", "bn", ",", "IE", "6", "and", "46,600", "tonnes", ".", "New"
            ]
        );
        assert_eq!(toks[2].gap, Gap::None);
        assert_eq!(toks[9].gap, Gap::Space);
        assert_eq!(toks[11].gap, Gap::Para);
    }

    /// The lexer as first written (a `char_indices` loop): the byte loop must cut
    /// every text the same way.
    fn reference(text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5);
        let mut chars = text.char_indices().peekable();
        let mut gap = Gap::Para;
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                gap = gap.widen(c == '\n');
                continue;
            }
            let kind;
            let mut end = start + c.len_utf8();
            if c.is_ascii_digit() {
                kind = TokKind::Num;
                while let Some(&(i, d)) = chars.peek() {
                    if d.is_ascii_digit() {
                        end = i + 1;
                        chars.next();
                    } else if d == ',' || d == '.' {
                        // Keep the separator only when a digit follows it.
                        let next = text[i + 1..].chars().next();
                        if next.is_some_and(|n| n.is_ascii_digit()) {
                            chars.next();
                            end = i + 1;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            } else if c.is_alphabetic() {
                kind = TokKind::Word;
                while let Some(&(i, d)) = chars.peek() {
                    if d.is_alphabetic() {
                        end = i + d.len_utf8();
                        chars.next();
                    } else if is_apostrophe(d) {
                        let next = text[i + d.len_utf8()..].chars().next();
                        if next.is_some_and(|n| n.is_alphabetic()) {
                            chars.next();
                            end = i + d.len_utf8();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            } else {
                kind = TokKind::Sym;
            }
            let g = if out.is_empty() {
                Gap::Para
            } else if start == prev_end(&out) {
                Gap::None
            } else {
                gap
            };
            out.push(Token {
                start,
                end,
                kind,
                gap: g,
            });
            gap = Gap::None;
        }
        out
    }

    #[test]
    fn the_byte_loop_cuts_as_the_char_loop_did() {
        let mut texts: Vec<String> = crate::text::fixture_files()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        texts.push("Ça coûte 3,5 € l’unité; rock’n’roll '90s 1.2.3, 4,. x\u{a0}y\u{2003}z\r\n\n\nΟΔΟΣ’s ’ 5’".into());
        texts.push(String::new());
        for text in &texts {
            let (got, want) = (tokenize(text), reference(text));
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(
                    (g.start, g.end, g.kind, g.gap),
                    (w.start, w.end, w.kind, w.gap)
                );
            }
        }
        assert!(texts.len() > 10);
    }
}
