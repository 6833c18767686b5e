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

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut gap = Gap::Para;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            let newline = c == '\n';
            gap = match (gap, newline) {
                (Gap::Para, _) => Gap::Para,
                (Gap::Line, true) => Gap::Para,
                (Gap::Line, false) => Gap::Line,
                (_, true) => Gap::Line,
                (_, false) => Gap::Space,
            };
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
}
