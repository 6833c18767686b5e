//! Words before "to" that lend an infinitive speech verb their subject, beyond "went on
//! to" and "took to <medium> to" (`reported::infinitive_governor`): a verb of going on
//! ("Roe continued to say …", "began to argue"), a predicate adjective after a form of
//! "be" ("Roe was quick to add …", "Voters were more likely to say …", "is right to
//! note …"), and "went out of <his> way to say".

use super::context::Ctx;
use crate::analyze::rules::{self, fire};

/// Verbs of going on or starting that keep their subject as the speaker ("continued
/// to say", "began to argue").
const GOING_ON: &[&str] = &[
    "continued",
    "continues",
    "continue",
    "continuing",
    "began",
    "begins",
    "begun",
    "started",
    "starts",
    "hastened",
    "rushed",
];

/// Predicate adjectives after a form of "be" before "to" ("was quick to add", "were
/// more likely to say", "is poised to argue", "was careful to note").
const PREDICATES: &[&str] = &[
    "quick", "likely", "poised", "careful", "eager", "first", "right", "correct", "keen", "ready",
    "happy",
];

/// Words that may stand between "be" and the predicate ("were slightly more likely").
const DEGREE_WORDS: &[&str] = &[
    "more", "less", "most", "slightly", "much", "far", "also", "very", "quite", "even",
];

/// Forms of "be" before a predicate adjective.
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "'s", "’s", "'re", "’re",
];

/// Forms of "go" before "out of <his> way to".
const WENT: &[&str] = &["went", "goes", "go", "gone", "going"];

impl Ctx<'_> {
    /// The word whose subject speaks through the infinitive speech verb at `v` ("to" at
    /// `v - 1`): a verb of going on, the "be" before a predicate adjective, or "went" in
    /// "went out of his way to".
    pub(super) fn stance_governor(&self, v: usize) -> Option<usize> {
        // "continuing to write his tip sheet", "continues to maintain a lead": only verbs
        // that report a statement.
        if !self.reporting_participle(v) {
            return None;
        }
        let p = v.checked_sub(2)?;
        let lw = self.lw(p);
        let g = if GOING_ON.contains(&lw) {
            p
        } else if PREDICATES.contains(&lw) {
            let mut b = p.checked_sub(1)?;
            while b > 0 && DEGREE_WORDS.contains(&self.lw(b)) {
                b -= 1;
            }
            if !BE.contains(&self.lw(b)) {
                return None;
            }
            b
        } else if lw == "way" && p >= 4 && self.lw(p - 2) == "of" && self.lw(p - 3) == "out" {
            if !WENT.contains(&self.lw(p - 4)) {
                return None;
            }
            p - 4
        } else {
            return None;
        };
        (self.same_sent(g, v)
            && (g..v).all(|j| self.is_word(j) && self.in_quote[j].is_none())
            && fire(rules::QUOTES_STANCE_GOVERNOR, self.span_of(g, v)))
        .then_some(g)
    }
}
