//! The description between a speaker and a speech verb ("Ann Lee, a former state
//! legislator who spoke to us on Monday, said …"): which speech-verb words inside it
//! are nouns or verbs of a relative clause rather than a second speech verb, and the
//! noun phrase a relative clause describes when no person is named there ("The
//! official, who spoke on the condition of anonymity, said …").

use super::context::{Ctx, DETS, PP_IN_NP};
use crate::analyze::people::lexicon::LEX;
use crate::analyze::people::tokens::is_capitalized;
use crate::analyze::rules::{self, fire};

/// Words after which a speech-verb word is a noun ("a project", "their claims").
const NOUN_OPENERS: &[&str] = &[
    "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "on",
    "in", "with", "about",
];

/// Words opening the description set off after a name ("Jo Roe, the chair,", "Acme,
/// which sells boats,").
const DESCRIPTION_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "which", "who", "whose",
];

/// Most words in a name before its description.
const MAX_NAME_WORDS: usize = 4;

impl Ctx<'_> {
    /// "Jo Roe, the harbour chair, announced …" / "Acme, which sells boats, denied the
    /// report": tokens `s..=e` before the comma of a speech verb are a capitalised name
    /// and one description set off by a comma, the verb's subject, not a statement.
    pub(super) fn name_and_description(&self, s: usize, e: usize) -> bool {
        let Some(c) = (s..=e).find(|&j| self.w(j) == ",") else {
            return false;
        };
        c > s
            && c < e
            && c - s <= MAX_NAME_WORDS
            && (s..c).all(|j| self.is_word(j) && is_capitalized(self.w(j)))
            && DESCRIPTION_OPENERS.contains(&self.lw(c + 1))
            && (c + 1..=e).all(|j| self.w(j) != "," && self.in_quote[j].is_none())
            && fire(rules::QUOTES_SKIP_NAME_DESCRIPTION, self.span_of(s, e))
    }

    /// The speech-verb word at `j` belongs to a description, not to a clause of its own:
    /// the verb of a relative clause ("who spoke", "who described herself"), a noun after
    /// a determiner or preposition ("a project on farm policy", "for comments"), or a
    /// noun modifying a role noun ("a state legislator").
    pub(super) fn speech_word_in_description(&self, j: usize) -> bool {
        if j == 0 {
            return false;
        }
        let prev = self.lw(j - 1);
        let noun = DETS.contains(&prev) || PP_IN_NP.contains(&prev) || NOUN_OPENERS.contains(&prev);
        let relative = prev == "who";
        let modifier = self.toks.get(j + 1).is_some_and(|_| {
            let next = self.w(j + 1);
            self.is_word(j + 1) && LEX.is_role_noun(next) && next == self.lw(j + 1)
        });
        (noun || relative || modifier)
            && fire(
                rules::QUOTES_DESCRIPTION_SPEECH_WORD,
                self.span_of(j - 1, j),
            )
    }

    /// "The official, who spoke on the condition of anonymity, said": when token `j` is the "who"
    /// after a comma and no person stands before the comma, the noun phrase there is the
    /// subject of verb `v` (the caller uses it only when no person is found further back).
    pub(super) fn relative_antecedent(&self, v: usize, j: usize) -> Option<(usize, usize)> {
        if self.lw(j) != "who" || j < 2 || self.w(j - 1) != "," || self.mention[j - 2].is_some() {
            return None;
        }
        let (s, e) = self.np_before(v, j - 2)?;
        fire(rules::QUOTES_RELATIVE_ANTECEDENT, self.span_of(s, e)).then_some((s, e))
    }

    /// Of two speech-verb words in a row at `v` and `v + 1`, the second is the verb
    /// ("investigators' reports say": "reports" is a noun) unless the first is a past
    /// form, which is never a noun, and the second an -s form, which then is a plural
    /// noun ("an aide said comments from the mayor were …").
    pub(super) fn next_speech_word_is_verb(&self, v: usize) -> bool {
        if !self.is_word(v + 1) || !LEX.speech_verb(self.w(v + 1)).is_some_and(|n| !n.gerund) {
            return false;
        }
        let next = self.lw(v + 1);
        let past = LEX.speech_verb(self.w(v)).is_some_and(|verb| {
            let lemma = LEX.lemma(verb);
            let word = self.lw(v);
            !verb.gerund && word != lemma && !word.ends_with('s')
        });
        let plural = next.len() > 3 && next.ends_with('s') && !next.ends_with("ss");
        !(past && plural && fire(rules::QUOTES_PAST_VERB_PLURAL_NOUN, self.span_of(v, v + 1)))
    }

    /// "Hospital reports early on Saturday indicate …": an -s speech-verb word at `v`
    /// followed by a phrase of time words only ("from" may open it) and then a speech
    /// verb is a plural noun,
    /// the subject of that verb, not a verb of its own.
    pub(super) fn speech_noun_before_timed_verb(&self, v: usize) -> bool {
        let word = self.lw(v);
        if !(word.len() > 3 && word.ends_with('s') && !word.ends_with("ss")) {
            return false;
        }
        let Some(next) = (v + 1..v + 8)
            .take_while(|&j| self.is_word(j) && self.same_sent(j, v))
            // "Clinic reports from late on Sunday indicate": the phrase may open with
            // "from" or "since".
            .find(|&j| {
                !(self.is_time_phrase_word(j)
                    || j == v + 1 && matches!(self.lw(j), "from" | "since"))
            })
        else {
            return false;
        };
        next > v + 1
            && LEX.speech_verb(self.w(next)).is_some_and(|n| !n.gerund)
            && fire(rules::QUOTES_NOUN_BEFORE_TIMED_VERB, self.span_of(v, next))
    }
}
