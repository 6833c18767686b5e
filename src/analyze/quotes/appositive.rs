//! Speaker phrases holding more than one name: the subject of a speech verb when the words
//! before it end in an appositive that names someone else ("Ann Lee, an aide to Governor
//! Cole, said …" is Ann Lee's, not Cole's), and a name modifying a role before the
//! speaker's own name ("former Cole aide Ann Lee").

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
                    && !self.opens_appositive(c)
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
        let mut o = c.checked_sub(1)?;
        // "Ann Lee (D-Ore.), an aide to Cole, said": past a short bracket after the name.
        if self.w(o) == ")" {
            let open = (o.saturating_sub(8)..o).rev().find(|&b| self.w(b) == "(")?;
            o = open.checked_sub(1)?;
        }
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

    /// The verb at `c` opens a participle or relative appositive (", recalling …",
    /// ", who thinks …"), so it belongs to the description, not to another clause.
    fn opens_appositive(&self, c: usize) -> bool {
        let opens = c >= 2
            && (self.w(c - 1) == ","
                || self.lw(c - 1) == "who"
                    && self.w(c - 2) == ","
                    && self.mention[c - 3].is_some());
        opens
            && fire(
                rules::QUOTES_APPOSITIVE_CLAUSE,
                Span::new(self.toks[c - 1].start, self.toks[c].end),
            )
    }
}

impl Ctx<'_> {
    /// `trim_name_np` for a speaker phrase, past a name that only modifies a role before
    /// the speaker's own name: in "former Dole aide Ann Lee" or "Cole's campaign manager
    /// Ann Lee" the speaker is Ann Lee, not Dole or Cole.
    pub fn speaker_name_end(&self, s: usize, e: usize) -> usize {
        let end = self.trim_name_np(s, e);
        let Some(first) = self.mention[end] else {
            return end;
        };
        let mut j = end + 1;
        let mut role = false;
        while j <= e && self.mention[j].is_none() {
            if j == end + 1 && self.toks[j].kind == TokKind::Possessive {
                j += 1;
                continue;
            }
            if !self.is_word(j) || is_capitalized(self.w(j)) && !LEX.is_role_noun(self.w(j)) {
                return end;
            }
            role |= LEX.is_role_noun(self.lw(j));
            j += 1;
        }
        let Some(second) = self.mention.get(j).copied().flatten() else {
            return end;
        };
        if !role || second == first || j > e {
            return end;
        }
        let mut last = j;
        while last < e && self.mention[last + 1] == Some(second) {
            last += 1;
        }
        if fire(
            rules::QUOTES_NAME_MODIFIER_HEAD,
            Span::new(self.toks[j].start, self.toks[last].end),
        ) {
            last
        } else {
            end
        }
    }
}
