//! Lines opened by a speaker label and a colon: interview transcripts ("ROE: We never
//! voted on it.", "Q: Why now?" / "A: Because the money ran out.") and headlines that
//! put a statement after its source ("Mayor Roe: Bridge will reopen in May"). The rest
//! of the line is the label's statement, reported in the article's words.

use super::attribution::Found;
use super::context::Ctx;
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::LEX;
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::text::case::capitalize;

/// Labels of page furniture, not speakers ("Update: …", "Photo: …", "Editor's note: …").
const FURNITURE: &[&str] = &[
    "update",
    "updated",
    "correction",
    "note",
    "photo",
    "photos",
    "video",
    "watch",
    "related",
    "read",
    "source",
    "editor",
    "click",
    "see",
    "also",
    "more",
    "listen",
    "advertisement",
    "tags",
    "filed",
    "posted",
    "published",
    "image",
    "credit",
    "caption",
    "warning",
    "spoiler",
    "breaking",
    "subscribe",
    "follow",
    "share",
    "comments",
    "email",
    "contact",
    "tip",
    "tips",
    "contributing",
    "paid",
    "previously",
    "look",
    "boom",
    "exclusive",
    "opinion",
    "analysis",
    "review",
];
/// At most this many words in a label.
const MAX_LABEL_WORDS: usize = 4;
/// At most this many tokens in a labelled line.
const MAX_LINE_TOKENS: usize = 160;

impl Ctx<'_> {
    /// Whether token `k` opens a line of the text.
    fn opens_line(&self, k: usize) -> bool {
        let before = &self.text[..self.toks[k].start];
        let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
        trimmed.is_empty() || trimmed.ends_with('\n')
    }

    /// "ROE: We never voted on it." / "Q: Why now?": the label at `k` opening a line,
    /// up to four capitalised words (or "Q"/"A") and a colon, and the rest of the line
    /// (three words or more, no quotation) as its statement.
    /// Asked of every word outside quotes: a word opening with an ASCII byte that is no
    /// capital leaves without a call.
    #[inline]
    pub fn labelled_line(&mut self, k: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let first = self
            .toks
            .get(k)
            .and_then(|t| self.text.as_bytes().get(t.start));
        if first.is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return None;
        }
        self.labelled_line_at(k, log)
    }

    fn labelled_line_at(&mut self, k: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        // "The Latest: …", "The Ninth Circle: …": a series or column title, not a source.
        if !is_capitalized(self.w(k)) || !self.opens_line(k) || self.lw(k) == "the" {
            return None;
        }
        let colon = (k..(k + 2 * MAX_LABEL_WORDS).min(self.toks.len()))
            .find(|&j| !self.is_word(j) && self.toks[j].kind != TokKind::Possessive)?;
        if self.w(colon) != ":" || colon == k || self.para.get(colon + 1) != Some(&self.para[k]) {
            return None;
        }
        let label_ok = (k..colon).all(|j| {
            self.toks[j].kind == TokKind::Possessive
                || is_capitalized(self.w(j)) && !FURNITURE.contains(&self.lw(j))
        }) && (k..colon).filter(|&j| self.is_word(j)).count() <= MAX_LABEL_WORDS;
        // A longer label is a person's name or a transcript's capitals ("JANE ROE"); a
        // title-case phrase ("Big Win For Roe: …") is a headline's kicker, not a source.
        let words: Vec<usize> = (k..colon).filter(|&j| self.is_word(j)).collect();
        let one_person =
            self.mention[k].is_some() && words.iter().all(|&j| self.mention[j] == self.mention[k]);
        let capitals = words
            .iter()
            .all(|&j| self.w(j).chars().all(|c| !c.is_lowercase()));
        if !label_ok || words.len() > 1 && !one_person && !capitals {
            return None;
        }
        let cs = colon + 1;
        let mut ce = cs;
        while ce + 1 < self.toks.len()
            && self.para[ce + 1] == self.para[k]
            && !self.opens_line(ce + 1)
            && ce < cs + MAX_LINE_TOKENS
        {
            ce += 1;
        }
        while ce > cs && self.toks[ce].kind == TokKind::Punct && !matches!(self.w(ce), "?" | "!") {
            ce -= 1;
        }
        let words = (cs..=ce).filter(|&j| self.is_word(j)).count();
        let clean = (k..=ce).all(|j| self.in_quote[j].is_none() && !self.is_mark(j));
        if words < 3 || !clean || ce >= cs + MAX_LINE_TOKENS || !self.is_word(cs) {
            return None;
        }
        let label_end = colon - 1;
        let speaker = self
            .classify(k, label_end, log)
            .unwrap_or_else(|| Speaker::Group(capitalize(self.slice(k, label_end))));
        fire(rules::QUOTES_LABELLED_LINE, self.span_of(cs, ce)).then_some((
            Found {
                speaker,
                cue: Some(colon),
            },
            cs,
            ce,
        ))
    }
}

/// Title-case headlines whose speech verb opens the statement ("Mayor Says …").
impl Ctx<'_> {
    /// "Mayor Says Bridge Will Reopen In May": in a title-case line of its own, the
    /// capitalised speech verb at `v` reports the rest of the line as the statement of
    /// the capitalised phrase opening it.
    pub(super) fn headline_statement(
        &mut self,
        v: usize,
        log: &[Said],
    ) -> Option<(Found, usize, usize)> {
        let para = self.para[v];
        let a = (0..v).rev().take_while(|&j| self.para[j] == para).last()?;
        let mut b = v;
        while b + 1 < self.toks.len() && self.para[b + 1] == para && b < v + 25 {
            b += 1;
        }
        // "Party Boosts Spending In Battleground States …", "… Rules Report": a short
        // subject and an inflected verb ("Says", "Warned"), not a bare noun-like form.
        let verb = LEX.speech_verb(self.w(v))?;
        let inflected = !LEX.lemma(verb).eq_ignore_ascii_case(self.w(v));
        if self.para.get(b + 1) == Some(&para) || v - a > 4 || v == a || !inflected {
            return None;
        }
        let words: Vec<usize> = (a..=b).filter(|&j| self.is_word(j)).collect();
        let caps = words.iter().filter(|&&j| is_capitalized(self.w(j))).count();
        let quoted = (a..=b).any(|j| self.in_quote[j].is_some());
        if quoted || words.len() < 4 || caps * 5 < words.len() * 4 {
            return None;
        }
        let mut ce = b;
        while ce > v && self.toks[ce].kind == TokKind::Punct {
            ce -= 1;
        }
        let cs = v + 1;
        let subject_end = v - 1;
        if ce < cs + 1 || !self.is_word(a) || !self.is_word(subject_end) {
            return None;
        }
        let sp = self
            .classify(a, subject_end, log)
            .or_else(|| self.source_label(a, subject_end))?;
        self.tag(rules::QUOTES_HEADLINE_SAYS, cs, ce).then_some((
            Found {
                speaker: sp,
                cue: Some(v),
            },
            cs,
            ce,
        ))
    }
}
