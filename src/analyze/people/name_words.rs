//! The proper-noun chunker's words (`text::words::NAME_RULES`) read off the tokens the
//! people and quote stages already made, so the words of a sentence are not scanned a
//! second time. The two readings differ in four ways, each undone here: the tokens split
//! a possessive off its word ("China" + "’s"; the chunker keeps "China’s"), join two
//! words over a double hyphen ("well--known"; the chunker reads "well", "known"), keep
//! a period only after an abbreviation (the chunker keeps any one period after a word),
//! and leave a lone ampersand as punctuation (the chunker reads it as a word).

use super::tokens::{TokKind, TokenView};
use crate::model::Span;
use crate::text::words::{NAME_RULES, words};

impl TokenView {
    /// The spans (offsets into `text`) that `words(&text[span], NAME_RULES)` finds,
    /// in order. `text` is the text the view was made from. A sentence whose edge cuts
    /// a token (a word running into the next sentence) is scanned as before.
    pub fn name_words(&self, text: &str, span: Span) -> Vec<(usize, usize)> {
        let toks = &self.toks;
        let a = toks.partition_point(|t| t.start < span.start);
        let b = toks.partition_point(|t| t.start < span.end);
        let cut_at_start = a > 0 && toks[a - 1].end >= span.start;
        let cut_at_end = b > a && toks[b - 1].end > span.end;
        if cut_at_start || cut_at_end || span.end > text.len() || span.start > span.end {
            return scanned(text, span);
        }
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(b - a);
        let mut k = a;
        while k < b {
            let t = toks[k];
            k += 1;
            match t.kind {
                TokKind::Punct if t.end == t.start + 1 && bytes[t.start] == b'&' => {
                    out.push((t.start, t.end))
                }
                TokKind::Word => {
                    let mut end = t.end;
                    // A possessive split off this word goes back onto it.
                    if let Some(p) = toks.get(k).filter(|p| {
                        k < b
                            && p.kind == TokKind::Possessive
                            && p.start == end
                            && matches!(
                                bytes[p.start..p.end],
                                [b'\'', b's'] | [0xE2, 0x80, 0x99, b's']
                            )
                    }) {
                        end = p.end;
                        k += 1;
                    }
                    // Words joined over a double hyphen are read apart.
                    let mut start = t.start;
                    if bytes[start..end].contains(&b'-') {
                        while let Some(at) = bytes[start..end].windows(2).position(|w| w == b"--") {
                            out.push((start, start + at));
                            start += at + 2;
                        }
                    }
                    // One period after the word is kept (the token keeps one only after
                    // an abbreviation; a word itself never ends in a period).
                    if bytes[end - 1] != b'.' && end < span.end && bytes[end] == b'.' {
                        end += 1;
                    }
                    out.push((start, end));
                }
                // Other punctuation, and an apostrophe read as a plural's possessive.
                _ => {}
            }
        }
        out
    }
}

/// `words(&text[span], NAME_RULES)` with offsets into `text`.
fn scanned(text: &str, span: Span) -> Vec<(usize, usize)> {
    words(span.of(text), NAME_RULES)
        .map(|(s, e)| (span.start + s, span.start + e))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, cuts: &[usize]) {
        let view = TokenView::new(text, &[Span::new(0, text.len())]);
        let mut bounds: Vec<usize> = cuts
            .iter()
            .map(|&c| c % (text.len() + 1))
            .filter(|&c| text.is_char_boundary(c))
            .collect();
        bounds.extend([0, text.len()]);
        bounds.sort_unstable();
        bounds.dedup();
        for w in bounds.windows(2) {
            let span = Span::new(w[0], w[1]);
            assert_eq!(
                view.name_words(text, span),
                scanned(text, span),
                "{text:?} {span:?}"
            );
        }
    }

    #[test]
    fn reads_the_chunker_words_off_the_tokens() {
        let t = "Dae-hyun met AT&T’s chief in the U.S. on well--known terms & more. Mr. Roe's \
                 parents’ home, No. 5 at St. Paul--Minneapolis. It's a--b---c end.Next";
        check(t, &[]);
        check(t, &[36, 67, 70, 120]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_scanner(
            text in "[a-zA-Z0-9 .'’&\\-éÉ—,\"“”sS]{0,60}",
            cuts in proptest::collection::vec(0usize..64, 0..4),
        ) {
            check(&text, &cuts);
        }
    }
}
