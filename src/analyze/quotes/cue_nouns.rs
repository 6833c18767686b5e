//! Speech-verb spellings that are nouns or noun modifiers where they stand: "state" and
//! "states" as the political unit ("three state primaries", "Coastal states swing",
//! "in states that Lark won"), and "pledged" before "delegates". Such a word cues no
//! reported clause; the words after it are no one's statement.

use super::context::Ctx;
use crate::analyze::rules::{self, fire};

/// Words before "state"/"states" that make it the noun: determiners, quantifiers,
/// ordinals and prepositions ("the states", "a dozen states", "the fifth state",
/// "across the states", "in states"), and a comma ("Ohio and Utah, states that vote").
const STATE_NOUN_BEFORE: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "all",
    "most",
    "many",
    "some",
    "several",
    "both",
    "each",
    "every",
    "other",
    "few",
    "dozen",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "key",
    "swing",
    "battleground",
    "in",
    "of",
    "across",
    "among",
    "for",
    "from",
    "to",
    "by",
    "with",
    ",",
];

/// Tokens after "state"/"states" that a verb may take: its clause, a colon, a comma or
/// the sentence end of an inversion ("…, the report states."), a phrase of medium ("the
/// Saudis state in the paper …").
const STATE_VERB_AFTER: &[&str] = &["that", ":", ",", ".", ";", "in", "on"];

/// Nouns that "pledged" modifies ("pledged delegates", "pledged and super delegates").
const PLEDGED_NOUNS: &[&str] = &["delegate", "delegates", "super", "superdelegates"];

impl Ctx<'_> {
    /// Whether the speech-verb spelling at `v` is a noun or a noun's modifier here (the
    /// rule `quotes.cue_noun` applied: see `noun_use`).
    pub(super) fn cue_is_noun(&self, v: usize) -> bool {
        self.noun_use(v) && fire(rules::QUOTES_CUE_NOUN, self.span_of(v, v))
    }

    /// A speech verb at `j` that could cue a statement: a word the lexicon lists as one,
    /// not used as a noun ("voters in five states going to the polls say …").
    pub(super) fn is_speech_word(&self, j: usize) -> bool {
        self.is_word(j)
            && crate::analyze::people::lexicon::LEX
                .speech_verb(self.w(j))
                .is_some()
            && !self.cue_is_noun(j)
    }

    /// Whether the speech-verb spelling at `v` is a noun or a noun's modifier here.
    fn noun_use(&self, v: usize) -> bool {
        match self.lw(v) {
            "state" | "states" => {
                let before = v.checked_sub(1).map(|p| self.lw(p)).unwrap_or_default();
                let number = v > 0 && self.is_number_word(v - 1);
                !STATE_VERB_AFTER.contains(&self.lw(v + 1))
                    || STATE_NOUN_BEFORE.contains(&before)
                    || number
            }
            "pledged" => {
                let next = if self.lw(v + 1) == "and" {
                    v + 2
                } else {
                    v + 1
                };
                PLEDGED_NOUNS.contains(&self.lw(next))
            }
            _ => false,
        }
    }
}
