//! Speaker phrases holding more than one name: the subject of a speech verb when the words
//! before it end in an appositive that names someone else ("Ann Lee, an aide to Governor
//! Cole, said …" is Ann Lee's, not Cole's), and a name modifying a role before the
//! speaker's own name ("former Cole aide Ann Lee").

use super::context::Ctx;
use crate::analyze::people::lexicon::{LEX, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};

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
        fire(rules::QUOTES_APPOSITIVE_OWNER, self.span_of(start, o)).then_some((start, o))
    }

    /// The verb at `c` opens a participle or relative appositive (", recalling …",
    /// ", who thinks …"), so it belongs to the description, not to another clause.
    fn opens_appositive(&self, c: usize) -> bool {
        let opens = c >= 2
            && (self.w(c - 1) == ","
                || self.lw(c - 1) == "who"
                    && self.w(c - 2) == ","
                    && self.mention[c - 3].is_some());
        opens && fire(rules::QUOTES_APPOSITIVE_CLAUSE, self.span_of(c - 1, c))
    }
}

impl Ctx<'_> {
    /// `trim_name_np` for a speaker phrase, past a name that only modifies a role before
    /// the speaker's own name: in "former Dole aide Ann Lee" or "Cole's campaign manager
    /// Ann Lee" the speaker is Ann Lee, not Dole or Cole; and past a name that modifies
    /// the phrase's head noun ("a senior Cole adviser", "one Cole confidant", "Cole
    /// campaign spokesman Hal Ito" with Hal Ito unknown): the whole phrase is the speaker.
    pub fn speaker_name_end(&self, s: usize, e: usize) -> usize {
        let end = self.trim_name_np(s, e);
        let Some(first) = self.mention[end] else {
            return end;
        };
        let mut j = end + 1;
        let mut role = false;
        let mut plain = true;
        while j <= e && self.mention[j].is_none() {
            if j == end + 1 && self.toks[j].kind == TokKind::Possessive {
                plain = false;
                j += 1;
                continue;
            }
            if !self.is_word(j) || is_capitalized(self.w(j)) && !LEX.is_role_noun(self.w(j)) {
                break;
            }
            role |= LEX.is_role_noun(self.lw(j));
            plain &= !is_capitalized(self.w(j)) && !is_function_word(self.lw(j));
            j += 1;
        }
        let second = self.mention.get(j).copied().flatten().filter(|_| j <= e);
        let Some(second) = second else {
            return self
                .name_modifies_noun(end, j, e, role && plain)
                .unwrap_or(end);
        };
        // "Cole ally Ann Lee": a plain noun between the names works as a role.
        let plain_role = plain && j > end + 1;
        if !(role || plain_role) || second == first {
            return end;
        }
        let mut last = j;
        while last < e && self.mention[last + 1] == Some(second) {
            last += 1;
        }
        let rule = if role {
            rules::QUOTES_NAME_MODIFIER_HEAD
        } else {
            rules::QUOTES_NAME_MODIFIES_NOUN
        };
        if fire(rule, self.span_of(j, last)) {
            last
        } else {
            end
        }
    }

    /// A name ending at `end` that modifies the head of the speaker phrase `..=e`, with
    /// no other known person after it (`j` is where the walk past it stopped): lower-case
    /// words up to a person, role or group noun ending the phrase ("a senior Cole
    /// adviser"), or, with `role`, a role and a capitalised name the people stage did not
    /// know ("Cole campaign spokesman Hal Ito"). Returns the phrase's end.
    fn name_modifies_noun(&self, end: usize, j: usize, e: usize, role: bool) -> Option<usize> {
        if j <= end + 1 || e <= end {
            return None;
        }
        let ok = if j > e {
            let head = self.lw(e);
            (end + 1..=e).all(|k| self.is_word(k) && !is_capitalized(self.w(k)))
                && (LEX.is_role_noun(head) || LEX.is_person_noun(head) || LEX.is_group_head(head))
        } else {
            role && (j..=e).all(|k| self.is_word(k) && is_capitalized(self.w(k)))
        };
        (ok && fire(rules::QUOTES_NAME_MODIFIES_NOUN, self.span_of(end, e))).then_some(e)
    }
}
