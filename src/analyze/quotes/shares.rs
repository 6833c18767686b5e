//! Shares of a surveyed group as the speaker of reported speech, in the forms the digit
//! shares of `sources::quantity_subject` leave out: number words ("Two in three said …",
//! "About one in five voters say …"), the people a poll asked ("Those surveyed say …"),
//! and a share opened by "a", which takes a plural verb ("A majority of her backers say
//! …", "A mere 9 percent say …", "a third of them say …").

use super::context::Ctx;
use super::speakers::Speaker;
use crate::analyze::figures::lexicon::LEXICON;
use crate::analyze::people::lexicon::LEX;
use crate::analyze::rules::{self, fire};
use crate::text::case::capitalize;

/// Nouns after "a"/"an" that make a share of a group ("a majority of voters").
const SHARE_NOUNS: &[&str] = &[
    "majority",
    "minority",
    "plurality",
    "third",
    "quarter",
    "fifth",
    "tenth",
    "half",
    "handful",
    "number",
    "few",
    "couple",
    "dozen",
];

/// Adjectives between "a" and a share ("a mere 9 percent", "a slim majority").
const SHARE_ADJECTIVES: &[&str] = &[
    "mere",
    "full",
    "slim",
    "narrow",
    "clear",
    "strong",
    "large",
    "small",
    "solid",
    "bare",
    "whopping",
    "big",
    "sizable",
    "overwhelming",
];

/// Participles after "those" naming the people a poll asked ("those surveyed say").
const SURVEYED: &[&str] = &[
    "surveyed",
    "polled",
    "questioned",
    "interviewed",
    "asked",
    "sampled",
];

/// Words that may open a share before its first number ("About one in five", "More than
/// six in 10", "Just over two in three").
const SHARE_OPENERS: &[&str] = &[
    "about", "around", "roughly", "nearly", "almost", "only", "just", "over", "under", "more",
    "fewer", "less", "than", "some", "at", "least", "most",
];

impl Ctx<'_> {
    /// Whether the subject opening at `s` is a share opened by "a"/"an", which takes a
    /// plural verb ("A majority of voters say").
    pub(super) fn plural_share(&self, s: usize) -> bool {
        if !matches!(self.lw(s), "a" | "an") {
            return false;
        }
        let mut j = s + 1;
        if SHARE_ADJECTIVES.contains(&self.lw(j)) {
            j += 1;
        }
        SHARE_NOUNS.contains(&self.lw(j)) || self.is_number_word(j)
    }

    /// [`Ctx::verb_agrees`], letting a share opened by "a" take a plural verb.
    pub(super) fn speech_agrees(&self, v: usize, s: usize) -> bool {
        self.verb_agrees(v, s) || self.plural_share(s)
    }

    /// A number as a word or in digits ("two", "10", "65").
    pub(super) fn is_number_word(&self, j: usize) -> bool {
        let w = self.lw(j);
        w.chars().next().is_some_and(|c| c.is_ascii_digit()) || LEXICON.is_cardinal_word(w)
    }

    /// The share of a surveyed group that is the subject of the speech verb at `v`:
    /// "<N> in <M> [<group noun>]" past openers ("About one in five voters say"), or
    /// "those surveyed" ("Those polled said").
    pub(super) fn share_subject(&self, v: usize) -> Option<Speaker> {
        let k = self.subject_end(v)?;
        let e = k.checked_sub(1)?;
        let mut s = if e >= 1 && SURVEYED.contains(&self.lw(e)) && self.lw(e - 1) == "those" {
            e - 1
        } else {
            // "one in four voters": a plural group noun may close the share.
            let n = if LEX.is_group_head(self.lw(e)) && self.lw(e).ends_with('s') {
                e.checked_sub(1)?
            } else {
                e
            };
            // "4 in 10" in digits is `quantity_subject`'s.
            let digit = |j: usize| self.lw(j).starts_with(|c: char| c.is_ascii_digit());
            let ok = n >= 2
                && self.is_number_word(n)
                && self.lw(n - 1) == "in"
                && self.is_number_word(n - 2)
                && !(digit(n) && digit(n - 2));
            if !ok {
                return None;
            }
            n - 2
        };
        while s > 0 && self.same_sent(s - 1, v) && SHARE_OPENERS.contains(&self.lw(s - 1)) {
            s -= 1;
        }
        let opens = s == 0
            || !self.same_sent(s - 1, v)
            || matches!(
                self.lw(s - 1),
                "," | "and" | "but" | "while" | ";" | "\u{2014}"
            );
        (opens
            && self.in_quote[s..=e].iter().all(Option::is_none)
            && fire(rules::QUOTES_SHARE_SUBJECT, self.span_of(s, e)))
        .then(|| Speaker::Group(capitalize(self.slice(s, e))))
    }
}
