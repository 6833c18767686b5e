//! A small word tokenizer with byte spans, shared by the people and quote stages.
//! Words keep internal apostrophes, hyphens, dots and ampersands ("Dae-hyun", "News.Az",
//! "AT&T"); abbreviations keep their final dot ("U.S.", "Mr.", "L."); a possessive
//! "'s" / "’s" becomes its own token so "China’s" yields "China" + "’s".

use crate::text::words::{TOKEN_RULES, words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// A possessive ending split off a word ("'s", "’s", or a bare "’" after a plural).
    Possessive,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// What the token is, asked once when it is made (`Tok::NAME_WORD`…): the rules ask
    /// the same token several times.
    pub flags: u8,
    /// The word lists the token is in (`lexicon::lists` bits), kept for a name word
    /// (`Tok::LISTS_KNOWN`): the name rules look those up several times each.
    lists: u32,
}

impl Tok {
    /// The token can be a word of a person's name ([`super::is_name_word`]).
    pub const NAME_WORD: u8 = 1;
    /// `lists` holds the token's word lists.
    const LISTS_KNOWN: u8 = 2;

    fn new(start: usize, end: usize, kind: TokKind) -> Tok {
        Tok {
            start,
            end,
            kind,
            flags: 0,
            lists: 0,
        }
    }
    /// The word lists the token is in (`lexicon::compiled` bits), as
    /// `lexicon::lists(self.text(text))` gives them; read once for a name word.
    pub fn lists(&self, text: &str) -> u32 {
        if self.flags & Tok::LISTS_KNOWN != 0 {
            self.lists
        } else {
            super::lexicon::lists(self.text(text))
        }
    }
    /// The word classes of the token (`lexicon::class` bits), as `lexicon::classes`.
    pub fn classes(&self, text: &str) -> u16 {
        super::lexicon::classes_of(self.lists(text))
    }
    /// Whether the token can be a word of a person's name: a capitalised word (or one
    /// with a particle prefix) that is no acronym.
    pub fn is_name_word(&self) -> bool {
        self.flags & Tok::NAME_WORD != 0
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

/// Short forms that end with a period which is part of the word, not a sentence end.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
    "capt", "sgt", "rev", "fr", "inc", "corp", "ltd", "co", "no", "vs", "mt", "ft", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "univ", "assn",
    "bros", "gov't", "mme", "messrs", "adm", "maj", "cmdr", "supt", "insp", "det", "pres",
    "approx", "est", "etc", "sens", "reps", "govs", "drs", "gens", "profs",
];

/// The longest entry of [`ABBREVIATIONS`] (a test checks it).
const LONGEST_ABBREVIATION: usize = 6;

pub fn is_abbreviation(word: &str) -> bool {
    // A non-ASCII word equals no (ASCII) entry case-insensitively, nor a longer one.
    (word.len() <= LONGEST_ABBREVIATION
        && word.is_ascii()
        && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
        || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
        || (word.contains('.')
            && word
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic)))
}

/// The tokens of one document with what every token-level stage asks of them: the
/// paragraph of each token and its lower-cased spelling. Built once per document and
/// shared by the people and quote stages.
pub struct TokenView {
    pub toks: Vec<Tok>,
    /// Paragraph index of each token.
    pub para: Vec<usize>,
    /// The text with ASCII letters lower-cased (same offsets), followed by the lower-case
    /// forms of the few tokens whose non-ASCII letters change case too.
    lower: String,
    /// Where each token's lower-cased spelling is in `lower`.
    lower_span: Vec<(u32, u32)>,
}

impl TokenView {
    pub fn new(text: &str, paragraphs: &[crate::model::Span]) -> TokenView {
        let toks = tokenize(text);
        let mut para = Vec::with_capacity(toks.len());
        let mut p = 0;
        for t in &toks {
            while p + 1 < paragraphs.len() && paragraphs[p].end <= t.start {
                p += 1;
            }
            para.push(p);
        }
        let mut lower = text.to_ascii_lowercase();
        let mut lower_span = Vec::with_capacity(toks.len());
        for t in &toks {
            let mut span = (t.start as u32, t.end as u32);
            let w = t.text(text);
            if !w.is_ascii() && w.chars().any(|c| !c.is_ascii() && changes_case(c)) {
                // `str::to_lowercase` also knows a word-final sigma.
                let full = w.to_lowercase();
                span = (lower.len() as u32, (lower.len() + full.len()) as u32);
                lower.push_str(&full);
            }
            lower_span.push(span);
        }
        TokenView {
            toks,
            para,
            lower,
            lower_span,
        }
    }

    /// Token `k` lower-cased ("" past the end).
    pub fn lower(&self, k: usize) -> &str {
        self.lower_span.get(k).map_or("", |&(start, end)| {
            &self.lower[start as usize..end as usize]
        })
    }
}

/// Whether lower-casing changes the character.
fn changes_case(c: char) -> bool {
    let mut lower = c.to_lowercase();
    !(lower.next() == Some(c) && lower.next().is_none())
}

/// Tokens of `text` (whitespace dropped).
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    let bytes = text.as_bytes();
    for (word_start, word_end) in words(text, TOKEN_RULES) {
        push_punct(text, pos, word_start, &mut out);
        let (mut start, mut end) = (word_start, word_end);
        let word = &text[start..end];
        // Possessive split: "China’s" -> "China" + "’s" (but keep "it's"-style contractions
        // whole only when lowercase; they are harmless either way).
        let lower_tail = word.len() >= 3 && (word.ends_with("'s") || word.ends_with("’s"));
        if lower_tail {
            let cut = if word.ends_with("’s") {
                word.len() - "’s".len()
            } else {
                word.len() - 2
            };
            out.push(Tok::new(start, start + cut, TokKind::Word));
            out.push(Tok::new(start + cut, end, TokKind::Possessive));
            pos = end;
            continue;
        }
        // "No. 5" is an abbreviation, "No." ending a sentence is not.
        let number_sign = word.eq_ignore_ascii_case("no")
            && !text
                .get(end + 1..)
                .unwrap_or("")
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        if end < bytes.len() && bytes[end] == b'.' && is_abbreviation(word) && !number_sign {
            end += 1;
        }
        out.push(Tok::new(start, end, TokKind::Word));
        start = end;
        pos = start;
    }
    push_punct(text, pos, text.len(), &mut out);
    // A bare apostrophe right after a plural word is a possessive ("the parents’ defence").
    for i in 1..out.len() {
        if out[i].kind == TokKind::Punct {
            let t = out[i].text(text);
            let prev = out[i - 1];
            if (t == "’" || t == "'") && prev.is_word() && prev.end == out[i].start {
                let after = text[out[i].end..].chars().next();
                let p = prev.text(text);
                if p.ends_with('s') && after.is_some_and(|c| c.is_whitespace()) {
                    // Only when a word follows that is not a closing context; the quote
                    // scanner does its own reading of marks, so this only affects names.
                    out[i].kind = TokKind::Possessive;
                }
            }
        }
    }
    for t in &mut out {
        if super::is_name_word(text, t) {
            t.lists = super::lexicon::lists(t.text(text));
            t.flags |= Tok::NAME_WORD | Tok::LISTS_KNOWN;
        }
    }
    out
}

fn push_punct(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    // Most gaps between words are one space.
    if from >= to || to == from + 1 && text.as_bytes()[from] == b' ' {
        return;
    }
    for (i, c) in text[from..to].char_indices() {
        if !c.is_whitespace() {
            let s = from + i;
            out.push(Tok::new(s, s + c.len_utf8(), TokKind::Punct));
        }
    }
}

/// True when the word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn token_view_lower_cases_each_token_like_str_to_lowercase() {
        let text = "Mr. ÉMILE Zola’s “ODOS” ΟΔΟΣ said.\n\nNext Para";
        let paragraphs = [
            crate::model::Span::new(0, 45),
            crate::model::Span::new(47, text.len()),
        ];
        let view = TokenView::new(text, &paragraphs);
        for (k, t) in view.toks.iter().enumerate() {
            assert_eq!(view.lower(k), t.text(text).to_lowercase(), "token {k}");
        }
        assert_eq!(view.lower(view.toks.len()), "");
        assert_eq!(view.para.first(), Some(&0));
        assert_eq!(view.para.last(), Some(&1));
    }

    #[test]
    fn longest_abbreviation_bounds_the_list() {
        assert_eq!(
            ABBREVIATIONS.iter().map(|a| a.len()).max(),
            Some(LONGEST_ABBREVIATION)
        );
        assert!(ABBREVIATIONS.iter().all(|a| a.is_ascii()));
        assert!(is_abbreviation("MESSRS") && is_abbreviation("Gov't") && is_abbreviation("É"));
        assert!(!is_abbreviation("Messrsx") && !is_abbreviation("said"));
    }

    #[test]
    fn splits_possessives_and_keeps_abbreviations() {
        assert_eq!(
            words("U.S. President Trump’s plan."),
            vec!["U.S.", "President", "Trump", "’s", "plan", "."]
        );
        assert_eq!(
            words("Mr. Downer said, “No.”"),
            vec!["Mr.", "Downer", "said", ",", "“", "No", ".", "”"]
        );
        assert_eq!(
            words("Jang Dae-hyun of News.Az"),
            vec!["Jang", "Dae-hyun", "of", "News.Az"]
        );
    }
}
