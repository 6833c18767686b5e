//! A normalized view of a text for matching: curly quotes, primes and guillemets fold to
//! ASCII quotes, dashes to '-', NBSP and thin spaces to ' ', zero-width characters drop.
//! `Folded::original` maps any byte offset of the folded text back to the original,
//! so a match found in the folded view is reported as a verbatim span of the original.

/// The folded text and, for every byte of it, the offset in the original it came from.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// `map[i]` = original byte offset of folded byte `i`; `map[text.len()]` = original length.
    map: Vec<usize>,
}

impl Folded {
    /// Original byte offset for folded byte offset `at` (an end offset maps to the end
    /// of the original character).
    pub fn original(&self, at: usize) -> usize {
        self.map[at.min(self.map.len() - 1)]
    }
    pub fn original_span(&self, start: usize, end: usize) -> crate::model::Span {
        crate::model::Span::new(self.original(start), self.original(end))
    }
}

/// The ASCII (or empty) replacement for a character, if it folds.
pub fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' | '\u{2002}' | '\u{2003}' => " ",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        '\u{2026}' => "...",
        _ => return None,
    })
}

pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        match fold_char(c) {
            Some(rep) => {
                for _ in 0..rep.len() {
                    map.push(i);
                }
                out.push_str(rep);
            }
            None => {
                for _ in 0..c.len_utf8() {
                    map.push(i);
                }
                out.push(c);
            }
        }
    }
    map.push(text.len());
    // An end offset that lands after a multi-byte char must map past the whole char.
    Folded { text: out, map }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_spans_map_back_to_verbatim_original() {
        let orig = "He said “it’s fine” — really";
        let f = fold(orig);
        assert_eq!(f.text, "He said \"it's fine\" - really");
        let start = f.text.find('"').unwrap();
        let end = f.text.rfind('"').unwrap() + 1;
        let span = f.original_span(start, end);
        assert_eq!(span.start, orig.find('“').unwrap());
        // end maps to the start of the char after the closing quote
        assert_eq!(&orig[span.start..span.end], "“it’s fine”");
    }
}
