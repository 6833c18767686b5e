//! Which side of an "according to X" the statement lies on: after it when the cue opens
//! the sentence ("According to X, the plan …"), when X runs straight on into the clause
//! ("According to X the plan …"), or when only a short opening phrase stands before
//! the cue ("Since May, according to X, the crews have …"); before it otherwise
//! ("The plan failed, according to X."); and the source itself, the noun phrase after
//! the cue or the words up to its closing comma.

use super::attribution::Found;
use super::context::{Ctx, LEADS};
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::is_function_word;
use crate::analyze::people::tokens::TokKind;
use crate::analyze::rules::{self, fire};

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
        // "(According to X, …)": a bracket opening the sentence before it.
        // "But according to X, …": an opening conjunction changes nothing.
        let opens = k == sent_start || k == sent_start + 1 && LEADS.contains(&self.lw(sent_start));
        opens
            || (k > sent_start && self.is_mark(k - 1))
            || (k == sent_start + 1 && self.w(sent_start) == "(")
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
        let plain = (sent_start..k - 1)
            .all(|j| self.in_quote[j].is_none() && !(self.is_word(j) && self.speech_verb_word(j)));
        before <= MAX_OPENER
            && after_words >= 4
            && clause
            && plain
            && fire(
                rules::QUOTES_ACCORDING_AFTER_OPENER,
                self.span_of(sent_start, k - 2),
            )
    }
}

impl Ctx<'_> {
    /// The source after "according to" when no noun phrase walk names it ("according to
    /// his biography", "according to state records", "according to early results of exit
    /// polls conducted for the networks,"): the words from `k` up to the comma or
    /// sentence end that closes them, at most 16 tokens, in the article's words.
    fn according_source(&self, k: usize, sent_end: usize) -> Option<(usize, usize, Speaker)> {
        let stop = (k..=sent_end.min(k + 16)).find(|&j| {
            self.in_quote[j].is_some()
                || self.toks[j].kind == TokKind::Punct
                    && !matches!(self.w(j), "&" | "-" | "/" | "’s" | "'s" | ".")
        });
        let mut e = stop.unwrap_or(sent_end + 1).checked_sub(1)?;
        if stop.is_none() && e < sent_end {
            return None;
        }
        while e > k && (self.toks[e].kind == TokKind::Punct || is_function_word(self.w(e))) {
            e -= 1;
        }
        if e < k
            || !self.is_word(k)
            || matches!(self.lw(k), "that" | "which" | "who")
            || self.in_quote[e].is_some()
        {
            return None;
        }
        let label = crate::text::case::capitalize(self.slice(k, e));
        fire(rules::QUOTES_ACCORDING_TO_SOURCE, self.span_of(k, e)).then_some((
            k,
            e,
            Speaker::Group(label),
        ))
    }

    /// "The cost, according to the audit, has doubled." / "Now, according to the poll,
    /// the race is close.": the statement before the cue (`cs..=ce`) is a head of at most
    /// two words, and the source ending at `e` is closed by a comma; the rest of the
    /// sentence, two words or more with no quotation, is the statement (the head is
    /// added as its own fragment by `reported::head_fragment`).
    fn short_head_tail(
        &self,
        cs: usize,
        ce: usize,
        e: usize,
        sent_end: usize,
    ) -> Option<(usize, usize)> {
        let head_words = (cs..=ce).filter(|&j| self.is_word(j)).count();
        // "But according to X, …": a conjunction is no head.
        let conjunction = (cs..=ce).all(|j| !self.is_word(j) || LEADS.contains(&self.lw(j)));
        if cs > ce
            || conjunction
            || head_words > 2
            || ce > e
            || self.w(e + 1) != ","
            || e + 2 > sent_end
        {
            return None;
        }
        let start = e + 2;
        let mut end = sent_end;
        while end > start && self.toks[end].kind == TokKind::Punct {
            end -= 1;
        }
        let words = (start..=end).filter(|&j| self.is_word(j)).count();
        let clean = (start..=end)
            .all(|j| self.in_quote[j].is_none() && !self.is_mark(j) && self.lw(j) != "according");
        (words >= 2
            && clean
            && self.is_word(start)
            && self.tag(rules::QUOTES_ACCORDING_SHORT_HEAD, start, end))
        .then_some((start, end))
    }

    /// "According to X, …" / "…, according to X."
    pub fn according_to(&mut self, k: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        if self.lw(k) != "according" || self.lw(k + 1) != "to" || self.in_quote[k].is_some() {
            return None;
        }
        let (sent_start, sent_end) = self.sents[self.sent[k]];
        if sent_end - sent_start > super::context::MAX_SENTENCE_TOKENS {
            return None;
        }
        let walked = self
            .np_after(k + 2)
            .map(|(s, e)| (s, self.trim_name_np(s, e)));
        let (_, e, sp) = match walked {
            Some((s, e))
                if let Some(sp) = self.classify(s, e, log).or_else(|| self.source_label(s, e)) =>
            {
                // "According to results of polls conducted for the networks by Edison,
                // …": the walk stopped inside a source that runs on to a comma.
                let longer = (self.is_word(e + 1) && e < sent_end)
                    .then(|| self.according_source(k + 2, sent_end))
                    .flatten()
                    .filter(|&(_, le, _)| le > e && self.w(le + 1) == ",");
                longer.unwrap_or((s, e, sp))
            }
            _ => self.according_source(k + 2, sent_end)?,
        };
        let (cs, ce) = if self.according_forward(k, e, sent_start, sent_end) {
            let mut c = e + 1;
            if self.w(c) == "," {
                c += 1;
            }
            (c, sent_end)
        } else {
            let ce = if self.w(k - 1) == "," { k - 2 } else { k - 1 };
            (self.backward_start(sent_start, ce), ce)
        };
        let mut ce = ce;
        while ce > cs && self.toks[ce].kind == TokKind::Punct {
            ce -= 1;
        }
        let (cs, ce) = self
            .short_head_tail(cs, ce, e, sent_end)
            .unwrap_or((cs, ce));
        if cs > ce
            || (cs..=ce).any(|j| self.in_quote[j].is_some())
            || (cs..=ce).filter(|&j| self.is_word(j)).count() < 3
            || !self.tag(rules::QUOTES_ACCORDING_TO, cs, ce)
        {
            return None;
        }
        Some((
            Found {
                speaker: sp,
                cue: Some(k),
            },
            cs,
            ce,
        ))
    }
}
