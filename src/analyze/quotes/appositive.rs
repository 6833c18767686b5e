//! The subject of a speech verb when the words before it end in an appositive that names
//! someone else: "Ann Lee, an aide to Governor Cole, said …" is Ann Lee's, not Cole's.

use super::context::Ctx;
use crate::analyze::people::lexicon::LEX;
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::model::Span;

/// How far back (in tokens) the comma opening an appositive may lie from the name in it.
const MAX_APPOSITIVE: usize = 30;

impl Ctx<'_> {
    /// The subject of speech verb `v` (`subject_of`), moved from a person named inside
    /// a comma-set appositive to the person the appositive describes.
    pub fn speaker_subject(&self, v: usize) -> Option<(usize, usize)> {
        let (s, e) = self.subject_of(v)?;
        Some(self.appositive_owner(s, e, v).unwrap_or((s, e)))
    }

    /// "Ann Lee, an aide to Cole, said" / "Ann Lee, Cole's aide, said": when the subject
    /// `s..=e` is a person inside an appositive closed by the comma before verb `v`, the
    /// person right before the comma that opens the appositive.
    fn appositive_owner(&self, s: usize, e: usize, v: usize) -> Option<(usize, usize)> {
        let k = self.subject_end(v)?;
        if k < 2 || self.w(k - 1) != "," || e + 1 >= k || s < 2 {
            return None;
        }
        let inner = self.mention[e]?;
        let mut c = s - 1;
        while self.w(c) != "," {
            if c == 0
                || s - c > MAX_APPOSITIVE
                || !self.same_sent(c, v)
                || self.in_quote[c].is_some()
                || self.is_word(c)
                    && !is_capitalized(self.w(c))
                    && LEX.speech_verb(self.w(c)).is_some()
            {
                return None;
            }
            c -= 1;
        }
        // A name right after the opening comma is the subject itself ("…, Ann Lee, a
        // former aide, said"), unless it is a possessive ("Ann Lee, Cole's aide, said").
        let possessive = self.toks.get(e + 1).map(|t| t.kind) == Some(TokKind::Possessive);
        if s == c + 1 && !possessive {
            return None;
        }
        let o = c.checked_sub(1)?;
        if !self.same_sent(o, v) || self.in_quote[o].is_some() {
            return None;
        }
        let owner = self.mention[o].filter(|&q| q != inner)?;
        let start = self.mention_start(o, owner);
        fire(
            rules::QUOTES_APPOSITIVE_OWNER,
            Span::new(self.toks[start].start, self.toks[o].end),
        )
        .then_some((start, o))
    }
}
