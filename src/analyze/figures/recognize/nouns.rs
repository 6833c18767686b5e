//! The counted noun phrase after a number ("22 nuclear reactors", "1,200 people").

use super::*;

const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "schoolchildren",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "cattle",
    "feet",
    "teeth",
    "mice",
    "geese",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "livestock",
    "clergy",
    "troops",
    "crew",
    "media",
    "data",
    "spectators",
];
/// Adjectives ending in -ed that commonly sit inside a counted noun phrase.
const ED_ADJECTIVES: &[&str] = &[
    "armed",
    "skilled",
    "unarmed",
    "retired",
    "licensed",
    "registered",
    "elected",
    "talented",
    "disabled",
    "infected",
    "confirmed",
    "suspected",
    "undocumented",
];

impl Scanner<'_> {
    pub(super) fn word_ok_in_np(&self, k: usize) -> bool {
        if !self.is_word(k) {
            return false;
        }
        let w = self.l(k);
        if is_in(NP_STOP, w)
            || crate::lexicon::is_month(w)
            || crate::lexicon::is_weekday(w)
            || LEXICON.number_words.contains_key(w)
        {
            return false;
        }
        if w.len() > 4 && w.ends_with("ly") {
            return false;
        }
        if w.len() > 4 && w.ends_with("ed") && !is_in(ED_ADJECTIVES, w) {
            return false;
        }
        true
    }

    /// The counted noun phrase starting at `j`: "nuclear reactors", "police buses",
    /// "Royal Air Force Sea King helicopters". Returns (last token, unit text).
    pub(super) fn counted_np(&self, j: usize) -> Option<(usize, String)> {
        let mut k = j;
        let mut last = None;
        let mut all_caps = true;
        let mut words = 0;
        while words < 6 && k < self.n() && self.joined(k) && self.word_ok_in_np(k) {
            let cap = self.capitalized(k);
            if !cap && self.l(k).ends_with("ing") {
                // "remaining orbiters" yes, "orbiters following the" no.
                if !(self.joined(k + 1) && self.word_ok_in_np(k + 1)) {
                    break;
                }
            }
            if cap && !all_caps {
                break;
            }
            all_caps &= cap;
            last = Some(k);
            words += 1;
            k += 1;
            // A plural noun ends the phrase: "22 reactors as", "people live", "jobs worldwide".
            let adjunct = matches!(
                self.l(k - 1),
                "police"
                    | "staff"
                    | "crew"
                    | "media"
                    | "data"
                    | "aircraft"
                    | "fish"
                    | "sales"
                    | "sports"
                    | "news"
                    | "arms"
                    | "savings"
            );
            if !cap
                && !adjunct
                && self.is_plural(self.l(k - 1))
                && !(self.is_dash(k) && self.attached(k))
            {
                break;
            }
            // "anti-government protesters"
            if self.is_dash(k)
                && self.attached(k)
                && self.attached(k + 1)
                && self.word_ok_in_np(k + 1)
            {
                k += 1;
            }
        }
        let mut last = last?;
        if all_caps {
            // A name after a number ("2 Arsenal") is rarely what is counted; keep one word.
            last = j;
        }
        if !all_caps && words > 4 && self.capitalized(j) {
            // fine: proper-noun modifiers before a common head noun
        } else if !all_caps && words > 4 {
            return None;
        }
        let mut unit = self.text[self.toks[j].start..self.toks[last].end].to_string();
        if all_caps {
            unit = unit.to_lowercase();
        }
        Some((last, unit))
    }

    pub(super) fn is_plural(&self, word: &str) -> bool {
        is_in(IRREGULAR_PLURALS, word)
            || (word.ends_with('s')
                && !word.ends_with("ss")
                && !word.ends_with("us")
                && !word.ends_with("is"))
    }
}
