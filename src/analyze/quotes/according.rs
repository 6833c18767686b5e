//! Which side of an "according to X" the statement lies on: after it when the cue opens
//! the sentence ("According to X, the plan …"), when X runs straight on into the clause
//! ("According to X the plan …"), or when only a short opening phrase stands before
//! the cue ("Since May, according to X, the crews have …"); before it otherwise
//! ("The plan failed, according to X.").

use super::context::Ctx;
use crate::analyze::people::lexicon::LEX;
use crate::analyze::rules::{self, fire};
use crate::model::Span;

/// Words that open a predicate rather than a clause: after "The crews, according to X,"
/// the statement is the whole sentence, not what follows the source.
const PREDICATE_OPENERS: &[&str] = &[
    "have", "has", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may",
    "might", "should", "must", "do", "does", "did",
];

/// How many tokens a phrase before a mid-sentence "according to" may hold and still
/// be an opening phrase rather than a subject with its own clause.
const MAX_OPENER: usize = 8;

impl Ctx<'_> {
    /// The statement of the "according to" at `k` (its source ending at `e`) follows the
    /// source.
    pub(super) fn according_forward(
        &self,
        k: usize,
        e: usize,
        sent_start: usize,
        sent_end: usize,
    ) -> bool {
        // "According to X the plan …" opens the sentence; mid-sentence, the source is
        // followed by its own modifiers ("according to a count by the AP").
        let next_is_word =
            self.is_word(e + 1) && e < sent_end && (k <= sent_start + 2 || self.w(k - 1) != ",");
        k == sent_start
            || (k > sent_start && self.is_mark(k - 1))
            || next_is_word
            || self.opener_before_according(k, e, sent_start, sent_end)
    }

    /// "Since May, according to the union, the crews have lost 400 jobs": a short
    /// phrase with no speech verb before the "according to" at `k`, both set off by
    /// commas, and a clause (not a predicate) after the source ending at `e`.
    fn opener_before_according(
        &self,
        k: usize,
        e: usize,
        sent_start: usize,
        sent_end: usize,
    ) -> bool {
        if k < sent_start + 2 || self.w(k - 1) != "," || self.w(e + 1) != "," || e + 2 > sent_end {
            return false;
        }
        let before = k - 1 - sent_start;
        let after_words = (e + 2..=sent_end).filter(|&j| self.is_word(j)).count();
        let c = e + 2;
        let clause = self.is_word(c)
            && !PREDICATE_OPENERS.contains(&self.lw(c))
            && !(self.lw(c).ends_with("ed") && self.w(c) == self.lw(c));
        let plain = (sent_start..k - 1).all(|j| {
            self.in_quote[j].is_none() && !(self.is_word(j) && LEX.speech_verb(self.w(j)).is_some())
        });
        before <= MAX_OPENER
            && after_words >= 4
            && clause
            && plain
            && fire(
                rules::QUOTES_ACCORDING_AFTER_OPENER,
                Span::new(self.toks[sent_start].start, self.toks[k - 2].end),
            )
    }
}
