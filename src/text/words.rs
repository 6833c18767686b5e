//! Word scanning: the byte spans of the words of a text, where a word is a run of letters
//! and digits joined by inner apostrophes, dots, hyphens or ampersands ("Dae-hyun",
//! "AT&T", "U.S", "China's"). Every stage that reads words (people, quotes, figures,
//! proper nouns) scans with this one hand-written loop: it is the engine's hottest path,
//! and a loop over bytes beats a Unicode regex several times over.

/// How words are joined and ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRules {
    /// Two hyphens joining two words ("well--known") keep them one word.
    pub join_double_hyphen: bool,
    /// A word keeps one trailing period ("Inc.", "U.S.").
    pub keep_trailing_period: bool,
    /// A lone ampersand between words is a word of its own ("Johnson & Johnson").
    pub ampersand_alone: bool,
}

/// Rules of the people/quote tokenizer.
pub const TOKEN_RULES: WordRules = WordRules {
    join_double_hyphen: true,
    keep_trailing_period: false,
    ampersand_alone: false,
};
/// Rules of the proper-noun chunker.
pub const NAME_RULES: WordRules = WordRules {
    join_double_hyphen: false,
    keep_trailing_period: true,
    ampersand_alone: true,
};

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// Whether each byte is an ASCII letter or digit: one load per byte in the scanner's
/// inner loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The end of the run of word characters starting at `at` (`at` if there is none).
#[inline]
fn run_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    loop {
        while i < bytes.len() && ASCII_ALNUM[bytes[i] as usize] {
            i += 1;
        }
        if i >= bytes.len() || bytes[i].is_ascii() {
            return i;
        }
        match char_at(text, i) {
            Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// Iterator over word spans `(start, end)` in text order.
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
    rules: WordRules,
}

/// The words of `text` under `rules`.
pub fn words(text: &str, rules: WordRules) -> Words<'_> {
    Words {
        text,
        pos: 0,
        rules,
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Find the next word start (or a lone ampersand).
        let start = loop {
            if self.pos >= bytes.len() {
                return None;
            }
            let b = bytes[self.pos];
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break self.pos;
                }
                if b == b'&' && self.rules.ampersand_alone {
                    self.pos += 1;
                    return Some((self.pos - 1, self.pos));
                }
                self.pos += 1;
            } else {
                let c = char_at(text, self.pos)?;
                if c.is_alphanumeric() {
                    break self.pos;
                }
                self.pos += c.len_utf8();
            }
        };
        let mut end = run_end(text, start);
        loop {
            // A joiner: an apostrophe (straight or curly), a dot, a hyphen or an
            // ampersand; read off the byte (the curly one's lead byte is E2).
            let joiner = match bytes.get(end) {
                Some(b'\'' | b'.' | b'-' | b'&') => 1,
                Some(0xE2) if text[end..].starts_with('’') => '’'.len_utf8(),
                _ => break,
            };
            let next = end + joiner;
            if char_at(text, next).is_some_and(is_word_char) {
                end = run_end(text, next);
                continue;
            }
            if self.rules.join_double_hyphen
                && text[end..].starts_with("--")
                && char_at(text, end + 2).is_some_and(is_word_char)
            {
                end = run_end(text, end + 2);
                continue;
            }
            break;
        }
        if self.rules.keep_trailing_period && bytes.get(end) == Some(&b'.') {
            end += 1;
        }
        self.pos = end;
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    fn spans(text: &str, rules: WordRules) -> Vec<&str> {
        words(text, rules).map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn joins_and_ends() {
        let t = "Dae-hyun met AT&T's chief in the U.S. on well--known terms & more.";
        assert_eq!(
            spans(t, TOKEN_RULES),
            [
                "Dae-hyun",
                "met",
                "AT&T's",
                "chief",
                "in",
                "the",
                "U.S",
                "on",
                "well--known",
                "terms",
                "more"
            ]
        );
        assert_eq!(
            spans(t, NAME_RULES),
            [
                "Dae-hyun", "met", "AT&T's", "chief", "in", "the", "U.S.", "on", "well", "known",
                "terms", "&", "more."
            ]
        );
        assert_eq!(
            spans("Zürich’s café — 3.5%", TOKEN_RULES),
            ["Zürich’s", "café", "3.5"]
        );
    }

    /// The patterns this scanner replaced, kept as the reference it must agree with.
    const TOKEN_PATTERN: &str = r"[\p{L}\p{N}]+(?:(?:['’.\-&]|\-\-)[\p{L}\p{N}]+)*";
    const NAME_PATTERN: &str = r"[\p{L}\p{N}]+(?:[.&'’\-][\p{L}\p{N}]+)*\.?|&";

    proptest! {
        #[test]
        fn agrees_with_the_reference_patterns(text in "[a-zA-Z0-9 .'’&\\-éÉ—,\"“”]{0,60}") {
            for (pattern, rules) in [(TOKEN_PATTERN, TOKEN_RULES), (NAME_PATTERN, NAME_RULES)] {
                let re = Regex::new(pattern).unwrap();
                let want: Vec<&str> = re.find_iter(&text).map(|m| m.as_str()).collect();
                prop_assert_eq!(spans(&text, rules), want, "{}", pattern);
            }
        }
    }
}
