//! Where a reported clause gives way to a new attribution inside it: "Most voters said
//! yes, but 55 percent say she does not" holds two statements, and the first ends
//! before the conjunction that opens the second speaker's clause.

use super::context::Ctx;
use crate::analyze::people::lexicon::{LEX, VerbClass, is_function_word};
use crate::analyze::people::tokens::is_capitalized;
use crate::analyze::rules::{self, fire};
use crate::model::Span;

/// Words that open a new clause inside a reported clause.
const CLAUSE_JOINS: &[&str] = &["and", "but", "while", "whereas", "although", "though"];

/// Words that open a relative clause after a comma ("the plan, which critics say is
/// unfair, …"): what follows still belongs to the first statement.
const RELATIVES: &[&str] = &["which", "who", "whom", "that", "what", "where", "when"];

/// Function words that may stand in the new subject ("55 percent of all voters", "the
/// others", "some of them").
const SUBJECT_WORDS: &[&str] = &[
    "the", "a", "an", "of", "all", "some", "many", "most", "other", "others", "both", "his", "her",
    "their", "its", "those", "these", "he", "she", "they", "it", "we", "i",
];

/// Auxiliaries between the new subject and its speech verb ("others have said").
const AUXILIARIES: &[&str] = &["has", "have", "had", "also", "now", "would", "will"];

/// How many words the new subject (with its auxiliaries) may hold.
const MAX_SUBJECT: usize = 8;

impl Ctx<'_> {
    /// The last token of the reported clause `c..=end` when a new attribution opens
    /// inside it: a conjunction or comma followed by a short subject and a speech verb
    /// that reports a clause of its own. `None` when there is none, or when the first
    /// statement would keep fewer than three words.
    pub(super) fn end_before_next_cue(&self, c: usize, end: usize) -> Option<usize> {
        for j in c + 1..end {
            let joins = CLAUSE_JOINS.contains(&self.lw(j)) || self.w(j) == ",";
            if !joins || self.in_quote[j].is_some() {
                continue;
            }
            let mut k = j + 1;
            if self.w(j) == "," && CLAUSE_JOINS.contains(&self.lw(k)) {
                k += 1;
            }
            if RELATIVES.contains(&self.lw(k)) {
                continue;
            }
            let Some(v) = (k..(k + MAX_SUBJECT).min(end))
                .find(|&m| !self.is_word(m) || self.in_quote[m].is_some() || self.new_cue_at(m))
            else {
                continue;
            };
            let subject_ok = (k..v).all(|m| {
                let lw = self.lw(m);
                !is_function_word(lw) || SUBJECT_WORDS.contains(&lw) || AUXILIARIES.contains(&lw)
            });
            let first_words = (c..j).filter(|&m| self.is_word(m)).count();
            if v > k
                && self.is_word(v)
                && self.new_cue_at(v)
                && subject_ok
                && first_words >= 3
                && fire(
                    rules::QUOTES_END_BEFORE_NEXT_CUE,
                    Span::new(self.toks[j].start, self.toks[v].end),
                )
            {
                return Some(j - 1);
            }
        }
        None
    }

    /// A finite speech verb at `m` that reports a clause of its own: lower-case, not a
    /// participle, and followed by a word or "that" (not a comma or the sentence end).
    fn new_cue_at(&self, m: usize) -> bool {
        self.is_word(m)
            && !is_capitalized(self.w(m))
            && LEX
                .speech_verb(self.w(m))
                .is_some_and(|sv| sv.class == VerbClass::Clause && !sv.gerund)
            && self.lw(m - 1) != "to"
            && self.is_word(m + 1)
            && self.in_quote[m + 1].is_none()
    }
}
