//! Subjects that a restrictive relative clause or an "of" phrase carries to the speech
//! verb: "Those who studied the plans acknowledge that …", "But some who back the fare
//! argue …", "Lark and others who want the pier closed said …", "The judges who ruled
//! on it, for instance, said …", "Most of them said …". The phrase opens the sentence;
//! the speaker is the phrase in the article's own words (a group), never a person named
//! inside the relative clause.

use super::context::Ctx;
use super::speakers::Speaker;
use crate::analyze::people::lexicon::LEX;
use crate::analyze::people::tokens::TokKind;
use crate::analyze::rules::{self, fire};
use crate::text::case::capitalize;

/// Words that head such a subject on their own ("those who …", "some who …").
const PRONOUN_HEADS: &[&str] = &[
    "those", "some", "others", "many", "most", "people", "few", "several", "all", "anyone",
    "everyone", "none", "both", "one",
];

/// Heads that take a singular verb ("anyone who … says").
const SINGULAR_HEADS: &[&str] = &["anyone", "everyone", "one", "none"];

/// Quantifiers before "of them/those/us" ("most of them said").
const OF_QUANTIFIERS: &[&str] = &[
    "most", "some", "many", "all", "none", "both", "several", "few", "half", "each", "one", "two",
    "three", "four", "five", "majority",
];

/// What a quantifier's "of" phrase may take ("most of them", "half of those").
const OF_OBJECTS: &[&str] = &["them", "those", "us", "these"];

/// How many tokens the head phrase before "who" may span, and the relative clause.
const MAX_HEAD: usize = 5;
const MAX_RELATIVE: usize = 20;
/// How many words a trailing aside before the verb may hold (", for instance,").
const MAX_ASIDE: usize = 4;

impl Ctx<'_> {
    /// The speaker of the speech verb at `v` when the sentence opens with a phrase that
    /// a restrictive "who" clause or a quantifier's "of them" carries to the verb.
    pub(super) fn relative_subject(&self, v: usize) -> Option<Speaker> {
        let (_, k) = self.sentence_opening(v, v)?;
        if v < k + 2 || (k..v).any(|j| self.in_quote[j].is_some()) {
            return None;
        }
        // "Most of them said …"
        if v == k + 3
            && OF_QUANTIFIERS.contains(&self.lw(k))
            && self.lw(k + 1) == "of"
            && OF_OBJECTS.contains(&self.lw(k + 2))
        {
            return self.relative_label(k, k + 2, k, v);
        }
        let w = (k + 1..(k + MAX_HEAD + 1).min(v)).find(|&j| self.lw(j) == "who")?;
        let head = w - 1;
        let head_ok = (k..w).all(|j| self.is_word(j))
            && self.mention[head].is_none()
            && (PRONOUN_HEADS.contains(&self.lw(head))
                || LEX.is_group_head(self.lw(head))
                || LEX.is_role_noun(self.lw(head)));
        if !head_ok || v > w + MAX_RELATIVE {
            return None;
        }
        // The relative clause runs to the verb, or to an aside in commas right before it.
        let mut end = v - 1;
        if self.w(end) == "," {
            let open = (w + 1..end).rev().find(|&j| self.w(j) == ",")?;
            let aside = (open + 1..end).filter(|&j| self.is_word(j)).count();
            if aside > MAX_ASIDE || aside == 0 {
                return None;
            }
            end = open - 1;
        }
        let clean = (w + 1..=end).all(|j| {
            !(self.toks[j].kind == TokKind::Punct && self.w(j) != "-") && !self.is_speech_word(j)
        });
        if !clean || end <= w || !self.verb_agrees(v, k) {
            return None;
        }
        self.relative_label(k, end, head, v)
    }

    /// The group "k..=e" with head `head` as the article words it, when the rule fires.
    fn relative_label(&self, k: usize, e: usize, head: usize, v: usize) -> Option<Speaker> {
        // "Most of them says", "those who … says": a plural head takes no "-s" verb.
        let h = self.lw(head);
        let plural = SINGULAR_HEADS.iter().all(|s| *s != h)
            && (h.ends_with('s') && !h.ends_with("ss") || PRONOUN_HEADS.contains(&h) || k < head);
        let verb = self.lw(v);
        if plural && verb.ends_with('s') && !verb.ends_with("ss") {
            return None;
        }
        // Fired over the subject and the rest of its sentence, so that the statement
        // the verb reports carries the rule (`extract --explain`).
        let (_, sent_end) = self.sents[self.sent[v]];
        fire(rules::QUOTES_RELATIVE_SUBJECT, self.span_of(k, sent_end))
            .then(|| Speaker::Group(capitalize(self.slice(k, e))))
    }
}
