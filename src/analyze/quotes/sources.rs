//! Sources of reported speech that are not a person or a named group: a share of the
//! people surveyed ("36 percent of Democrats said …", "About 4 in 10 say …", "a
//! majority of voters say …"). Used by `indirect` when the subject before a speech
//! verb names no speaker.

use super::context::Ctx;
use super::speakers::{Speaker, capitalize};
use crate::analyze::people::lexicon::LEX;
use crate::analyze::people::tokens::TokKind;
use crate::analyze::rules::{self, fire};
use crate::model::Span;

/// Words that end a backward walk over a quantity subject (a new clause or phrase).
const QUANTITY_STOPS: &[&str] = &[
    "and", "but", "or", "while", "whereas", "that", "who", "which", "when", "if", "as", "than",
    "because", "although", "though", "with", "compared", "to", "said", "say", "says",
];
/// Words that may open a quantity phrase before its number ("about 4 in 10", "a
/// majority of voters", "only 7 percent").
const QUANTITY_OPENERS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "only",
    "just",
    "some",
    "over",
    "under",
    "more",
    "fewer",
    "less",
    "a",
    "an",
    "the",
    "another",
    "most",
    "many",
    "half",
    "majorities",
    "majority",
    "those",
];
/// Words that make a phrase a share of people ("percent", "half", "a third").
const QUANTITY_MARKERS: &[&str] = &[
    "percent",
    "%",
    "percentage",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "majority",
    "majorities",
    "plurality",
    "fifth",
    "fifths",
];

impl Ctx<'_> {
    /// "36 percent of Democrats said", "About 4 in 10 say", "a majority of voters say":
    /// the share of people ending right before the verb at `v` (past auxiliaries).
    pub fn quantity_subject(&self, v: usize) -> Option<(usize, usize, Speaker)> {
        let k = self.subject_end(v)?;
        let e = k.checked_sub(1)?;
        let mut s = e;
        let mut n = 0;
        while n < 10 && s > 0 && self.same_sent(s - 1, v) && self.in_quote[s - 1].is_none() {
            let j = s - 1;
            let ok = match self.toks[j].kind {
                TokKind::Possessive => true,
                TokKind::Punct => matches!(self.w(j), "%" | "-"),
                TokKind::Word => {
                    !QUANTITY_STOPS.contains(&self.lw(j)) && LEX.speech_verb(self.w(j)).is_none()
                }
            };
            if !ok {
                break;
            }
            s = j;
            n += 1;
        }
        let is_number = |j: usize| self.w(j).chars().next().is_some_and(|c| c.is_ascii_digit());
        let start = (s..=e).find(|&j| is_number(j) || QUANTITY_OPENERS.contains(&self.lw(j)))?;
        let marked = (start..=e).any(|j| {
            QUANTITY_MARKERS.contains(&self.lw(j))
                || self.lw(j) == "in" && j > start && is_number(j - 1) && is_number(j + 1)
        });
        if !marked || !(self.is_word(e) || self.w(e) == "%") {
            return None;
        }
        let label = capitalize(self.slice(start, e));
        fire(
            rules::QUOTES_QUANTITY_SOURCE,
            Span::new(self.toks[start].start, self.toks[e].end),
        )
        .then_some((start, e, Speaker::Group(label)))
    }
}
