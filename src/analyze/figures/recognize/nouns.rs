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

/// Whether a lower-case word reads as a plural noun ("reactors", "people", "feet").
pub(in crate::analyze::figures) fn is_plural(word: &str) -> bool {
    is_in(IRREGULAR_PLURALS, word)
        || (word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is"))
}

/// The most tokens a name before a counted noun takes ("U", ".", "S", "." is four).
const MAX_NAME_MODIFIER_TOKENS: usize = 7;

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
        if let Some(np) = self.name_then_head(j) {
            return Some(np);
        }
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
            // "two former Republican hopefuls": a proper adjective inside the phrase.
            if cap && !all_caps && !self.proper_modifier(k) {
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
        let last = last?;
        // A name after a number ("2 Arsenal") is rarely what is counted; a capitalized
        // plural ("20 Republicans") is, and a title-case phrase ("A 9 Carriage train")
        // keeps its first word.
        if all_caps && !self.is_plural(self.l(last)) {
            // "2.23 E.R.A.": one letter of an abbreviation counts nothing.
            if self.l(j).chars().count() == 1 && self.is_sym(j + 1, ".") && self.attached(j + 1) {
                return None;
            }
            // "3 Marco Rubio", a numbered list of candidates: a person, not a unit.
            if crate::analyze::people::lexicon::LEX.is_first_name(self.l(j))
                && self.capitalized(j + 1)
                && self.joined(j + 1)
            {
                return None;
            }
            let unit = self.l(j).to_string();
            return Some((j, unit));
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
        is_plural(word)
    }

    /// A name or abbreviation modifying a counted plural noun: "139 Super Tuesday
    /// delegates", "five U.S. territories", "40 Fortune 500 firms". The name may hold
    /// weekday and month words, dotted initials and a number; what it modifies is a
    /// lowercase noun phrase ending in a plural. Returns (last token, unit text).
    fn name_then_head(&self, j: usize) -> Option<(usize, String)> {
        if !self.capitalized(j) || !self.joined(j) {
            return None;
        }
        let mut m = j + 1;
        while m < j + MAX_NAME_MODIFIER_TOKENS {
            let initial_dot = self.is_sym(m, ".")
                && self.attached(m)
                && self.is_word(m - 1)
                && self.s(m - 1).chars().count() <= 2;
            // Function and number words end it ("16 INJURED IN …", "Three people"); a
            // possessive name owns what follows ("… Smith's 40 cars"), it does not modify it.
            let name_word = self.capitalized(m)
                && self.joined(m)
                && !is_in(NP_STOP, self.l(m))
                && !LEXICON.number_words.contains_key(self.l(m));
            if name_word && (self.l(m).ends_with("'s") || self.l(m).ends_with("’s")) {
                return None;
            }
            let name_number = self.is_num(m) && self.joined(m) && !self.is_num(m - 1);
            if !(initial_dot || name_word || name_number) {
                break;
            }
            m += 1;
        }
        // Only a name with more than one part: one capitalized word is the old rule's.
        if m == j + 1 || self.capitalized(m) || !self.joined(m) || !self.word_ok_in_np(m) {
            return None;
        }
        let (last, _) = self.counted_np(m)?;
        if self.capitalized(last) || !self.is_plural(self.l(last)) {
            return None;
        }
        let unit = self.text[self.toks[j].start..self.toks[last].end].to_string();
        Some((last, unit))
    }

    /// Capitalized words at `k` (up to three) that a lowercase plural noun follows.
    fn proper_modifier(&self, k: usize) -> bool {
        let mut m = k;
        while m < k + 3 && self.capitalized(m) && self.joined(m) && self.word_ok_in_np(m) {
            m += 1;
        }
        m > k
            && self.joined(m)
            && self.word_ok_in_np(m)
            && !self.capitalized(m)
            && self.is_plural(self.l(m))
    }
}
