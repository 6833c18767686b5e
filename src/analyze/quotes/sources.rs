//! Sources of reported speech that are not a person or a named group: a share of the
//! people surveyed ("36 percent of Democrats said …", "About 4 in 10 say …", "a
//! majority of voters say …"). Used by `indirect` when the subject before a speech
//! verb names no speaker.

use super::context::Ctx;
use super::context::DETS;
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::text::case::capitalize;

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
    "fourth",
    "fourths",
    "fifth",
    "fifths",
];

/// Nouns naming a thing made, started, ended or planned ("the creation of", "a plan
/// to", "the launch of"): after a speech verb such a phrase is what was announced, the
/// verb's object, not who announced it.
const ANNOUNCED_THINGS: &[&str] = &[
    "creation",
    "launch",
    "plan",
    "plans",
    "proposal",
    "formation",
    "establishment",
    "opening",
    "closure",
    "closing",
    "start",
    "end",
    "release",
    "introduction",
    "expansion",
    "return",
    "resignation",
    "appointment",
    "nomination",
    "withdrawal",
    "suspension",
    "cancellation",
    "sale",
    "purchase",
    "construction",
    "passage",
    "approval",
    "signing",
    "repeal",
    "elimination",
    "extension",
    "removal",
    "rollout",
    "hiring",
    "firing",
    "arrival",
    "departure",
    "intention",
];

/// Words joining an announced thing to its complement ("the creation of", "a plan to").
const THING_LINKS: &[&str] = &["of", "to", "for"];

impl Ctx<'_> {
    /// "…, the chair, announced the creation of a new office": the noun phrase opening
    /// at `s` after a speech verb is its object when it is an announced thing and its
    /// complement ("the creation of", "a plan to", "plans for"), not an inverted speaker.
    pub(super) fn announced_thing(&self, s: usize) -> bool {
        let n = if DETS.contains(&self.lw(s)) { s + 1 } else { s };
        n + 1 < self.toks.len()
            && ANNOUNCED_THINGS.contains(&self.lw(n))
            && THING_LINKS.contains(&self.lw(n + 1))
            && fire(rules::QUOTES_SKIP_ANNOUNCED_THING, self.span_of(s, n + 1))
    }

    /// "veteran Republicans", "some Democrats", "many economists": a short phrase of
    /// modifiers ending in a plural group noun (capitalised or not) that the speaker
    /// rules did not take, in the article's words.
    pub fn group_phrase(&self, s: usize, e: usize) -> Option<Speaker> {
        if e < s || e - s > 5 || self.mention[e].is_some() {
            return None;
        }
        let head = self.w(e);
        let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
        let words_only = (s..=e).all(|j| self.is_word(j) && self.in_quote[j].is_none());
        if !(plural && words_only && LEX.is_group_head(head)) {
            return None;
        }
        fire(rules::QUOTES_GROUP_PHRASE, self.span_of(s, e))
            .then(|| Speaker::Group(capitalize(self.slice(s, e))))
    }

    /// "36 percent of Democrats said", "About 4 in 10 say", "a majority of voters say":
    /// the share of people ending right before the verb at `v` (past auxiliaries).
    pub fn quantity_subject(&self, v: usize) -> Option<(usize, usize, Speaker)> {
        let k = self.subject_end(v)?;
        let e = self.past_restated_share(k.checked_sub(1)?, v);
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
            // "two-thirds", "three-quarters": the hyphenated share's last part.
            QUANTITY_MARKERS.contains(&self.lw(j).rsplit('-').next().unwrap_or_default())
                || self.lw(j) == "in" && j > start && is_number(j - 1) && is_number(j + 1)
        });
        // "43 said …", "520 superdelegates have said …": a count of people, not a year.
        let counted = is_number(start)
            && !self.is_year(start)
            && (e == start || e == start + 1 && self.plural_noun(e))
            && (start == 0
                || !self.same_sent(start - 1, v)
                || matches!(self.w(start - 1), "," | "and"));
        if !(marked || counted) || !(self.is_word(e) || self.w(e) == "%") {
            return None;
        }
        // "23 percent who said …": the relative word is not part of the group's name.
        let last = if e > start && matches!(self.lw(e), "who" | "that") {
            e - 1
        } else {
            e
        };
        let label = capitalize(self.slice(start, last));
        fire(rules::QUOTES_QUANTITY_SOURCE, self.span_of(start, e)).then_some((
            start,
            e,
            Speaker::Group(label),
        ))
    }
}

impl Ctx<'_> {
    /// "about two-thirds, 67 percent, say": when the subject ends at `e` in a comma
    /// closing a share restated in numbers, the token before that restatement; else `e`.
    fn past_restated_share(&self, e: usize, v: usize) -> usize {
        if self.w(e) != "," {
            return e;
        }
        let Some(c) = (e.saturating_sub(4)..e).rev().find(|&j| self.w(j) == ",") else {
            return e;
        };
        let numbers = (c + 1..e).any(|j| self.w(j).starts_with(|ch: char| ch.is_ascii_digit()))
            && (c + 1..e).any(|j| matches!(self.lw(j), "percent" | "%"))
            && (c + 1..e).all(|j| self.in_quote[j].is_none() && self.same_sent(j, v));
        if numbers && c > 0 && fire(rules::QUOTES_RESTATED_SHARE, self.span_of(c, e)) {
            c - 1
        } else {
            e
        }
    }

    /// A four-digit number from 1900 to 2099 at `j` ("in 2016").
    fn is_year(&self, j: usize) -> bool {
        let w = self.w(j);
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit())
    }

    /// A lower-case plural noun at `j` ("superdelegates", "voters").
    fn plural_noun(&self, j: usize) -> bool {
        let w = self.w(j);
        self.is_word(j)
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !is_capitalized(w)
            && !is_function_word(w)
    }
}

/// Words that may open the modifier between a sentence-opening speaker phrase and its
/// speech verb ("Friends of the mayor who have seen him say", "people close to her say").
const SUBJECT_MODIFIERS: &[&str] = &[
    "who",
    "of",
    "from",
    "at",
    "in",
    "with",
    "familiar",
    "close",
    "inside",
    "within",
    "like",
    "including",
    "on",
    "across",
    "around",
];

/// Speech verbs whose subject a long phrase may be ("say", "tell", "argue"), not a verb
/// that also takes a plain object ("announce", "reveal").
const STRONG_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "argue",
    "insist",
    "contend",
    "warn",
    "predict",
    "acknowledge",
    "admit",
    "agree",
    "believe",
    "add",
    "note",
    "suggest",
    "claim",
];

impl Ctx<'_> {
    /// "Friends of the mayor who have seen him lately say …", "Farm economists, like
    /// their city colleagues, say …": the speaker phrase opens the sentence (past "But",
    /// "And") and a modifier — a relative clause, a prepositional phrase, or an aside set
    /// off by commas — runs from it to the speech verb at `v`. The phrase must classify as
    /// a speaker or a group on its own.
    pub fn long_subject(&mut self, v: usize, log: &[super::speakers::Said]) -> Option<Speaker> {
        let (ss, _) = *self.sents.get(*self.sent.get(v)?)?;
        let mut k = ss;
        while k < v && !self.is_word(k) {
            k += 1;
        }
        if matches!(self.lw(k), "but" | "and" | "yet" | "still") {
            k += 1;
        }
        self.long_subject_at(k, v, log)
    }

    /// The speaker phrase from `k` with its modifier running to the speech verb at `v`
    /// (see `long_subject`); `inversion` starts it after the comma that closes the clause
    /// before it ("…, people close to the mayor said, …").
    pub fn long_subject_at(
        &mut self,
        k: usize,
        v: usize,
        log: &[super::speakers::Said],
    ) -> Option<Speaker> {
        if v < k + 3 || v > k + 22 || !self.is_word(k) {
            return None;
        }
        // The head phrase: words up to the first function word or punctuation.
        let mut e = k;
        while e + 1 < v
            && self.is_word(e + 1)
            && !crate::analyze::people::lexicon::is_function_word(self.lw(e + 1))
            && e < k + 4
        {
            e += 1;
        }
        // Only a role or group noun heads such a phrase ("officials", "a senior aide"):
        // a name or a capitalised opener ("Back in May", "Start with …") sets a scene.
        let head = self.lw(e);
        let strong = LEX
            .speech_verb(self.w(v))
            .is_some_and(|sv| STRONG_LEMMAS.contains(&LEX.lemma(sv)));
        if !(LEX.is_group_head(head) || LEX.is_role_noun(head))
            || self.mention[e].is_some()
            || !strong
        {
            return None;
        }
        let m = e + 1;
        if m >= v - 1 || !(SUBJECT_MODIFIERS.contains(&self.lw(m)) || self.w(m) == ",") {
            return None;
        }
        // An aside opened by a comma closes with one right before the verb.
        if self.w(m) == ","
            && (self.w(v - 1) != "," || !SUBJECT_MODIFIERS.contains(&self.lw(m + 1)))
        {
            return None;
        }
        let clean = (m..v).all(|j| {
            self.in_quote[j].is_none()
                && !matches!(self.w(j), ";" | ":" | "(" | ")")
                && !matches!(
                    self.lw(j),
                    "that" | "which" | "said" | "says" | "say" | "told"
                )
                && !self.is_speech_word(j)
        });
        if !clean || !self.verb_agrees(v, k) {
            return None;
        }
        let sp = self
            .classify(k, e, log)
            .or_else(|| self.group_phrase(k, e))?;
        fire(rules::QUOTES_LONG_SUBJECT, self.span_of(k, v - 1)).then_some(sp)
    }
}

/// Speech verbs whose plain described subject is a source ("The letter warned that …",
/// "That person said …"): the said-type verbs, not verbs of hoping or revealing.
const DESCRIBED_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "warn",
    "claim",
    "argue",
    "insist",
    "acknowledge",
    "explain",
    "state",
    "write",
    "announce",
    "accuse",
    "deny",
];
/// Heads of a described subject that state a norm, not a statement ("The rules say drivers
/// must stop …").
const NORM_HEADS: &[&str] = &[
    "rule",
    "rules",
    "law",
    "laws",
    "regulation",
    "regulations",
    "guideline",
    "guidelines",
    "policy",
    "code",
    "constitution",
    "statute",
    "statutes",
];
/// Determiners that open a described subject besides "the", "a", "an".
const DESCRIBED_DETS: &[&str] = &["that", "this", "another"];
/// Words before a described subject that open its clause ("…, and the letter warned …").
const DESCRIBED_OPENERS: &[&str] = &[
    ",", "and", "but", "while", "although", "though", "because", "when", "since", "so", "yet",
];

impl Ctx<'_> {
    /// `source_subject`, or else a subject described in plain words (see
    /// [`Self::described_subject`]).
    pub fn source_or_described(&mut self, v: usize, log: &[Said]) -> Option<(Speaker, usize)> {
        self.source_subject(v, log)
            .or_else(|| self.described_subject(v))
    }

    /// The described subject (see [`Self::described_subject`]) of an inversion ("…, the
    /// brothers noted, …"), opened by "the", "that" or "this": after a clause, "a" opens
    /// an appositive ("…, a plan announced in May", "…, a swing state where …").
    pub(super) fn described_inverted(&self, v: usize) -> Option<Speaker> {
        let (sp, s) = self.described_subject(v)?;
        (!matches!(self.lw(s), "a" | "an" | "another")).then_some(sp)
    }

    /// "The letter warned that …", "That person said …", "The budget office said …": a
    /// determiner and one to three lower-case nouns right before the said-type verb `v`,
    /// opening the sentence or its clause, that no speaker rule took: the phrase as
    /// written.
    fn described_subject(&self, v: usize) -> Option<(Speaker, usize)> {
        let said_type = LEX
            .speech_verb(self.w(v))
            .is_some_and(|sv| !sv.gerund && DESCRIBED_LEMMAS.contains(&LEX.lemma(sv)));
        let (mut s, e) = self.subject_of(v)?;
        // "The delay adds to the worry that …": a verb before "to" reports nothing.
        if !said_type || self.subject_end(v)? != e + 1 || self.lw(v + 1) == "to" {
            return None;
        }
        if s > 0 && self.same_sent(s - 1, v) && DESCRIBED_DETS.contains(&self.lw(s - 1)) {
            s -= 1;
        }
        let first = self.lw(s);
        let nouns = (s + 1..=e).all(|j| {
            self.is_word(j)
                && self.in_quote[j].is_none()
                && self.mention[j].is_none()
                && !is_capitalized(self.w(j))
                && !is_function_word(self.lw(j))
        });
        let (ss, _) = self.sents[self.sent[v]];
        let opens = s == ss || s > ss && DESCRIBED_OPENERS.contains(&self.lw(s - 1));
        if !(nouns && opens && e > s && e - s <= 3)
            || !(DETS.contains(&first) || DESCRIBED_DETS.contains(&first))
            || super::told::TIME_NOUNS.contains(&self.lw(e))
            || NORM_HEADS.contains(&self.lw(e))
        {
            return None;
        }
        let label = capitalize(self.slice(s, e));
        fire(rules::QUOTES_DESCRIBED_SUBJECT, self.span_of(s, e))
            .then_some((Speaker::Group(label), s))
    }
}
