//! Speakers of reported speech that the plain subject walk of `phrases::subject_of`
//! misses: a subject set off from its verb by an aside ("Ann Lee, the
//! union's lawyer since 2010, said …", "Roe — who ran twice — told …"), an adverb the
//! auxiliary list lacks ("has since said"), a relative clause with no comma
//! ("farmers who say …").

use super::context::{Ctx, DETS};
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::model::Span;

/// Adverbs between a subject and its speech verb that the auxiliary list does not hold
/// ("has since said", "now says", "even insist", "have long argued").
const VERB_ADVERBS: &[&str] = &[
    "since", "now", "even", "just", "long", "ever", "all", "both",
];

/// Dashes that set off an aside ("Roe — a former aide — said").
const DASHES: &[&str] = &["—", "–", "--"];

/// Words opening a sentence before its subject: a conjunction that is skipped ("But Roe,
/// …").
const LEADS: &[&str] = &["but", "and", "so", "yet", "still"];

/// How many tokens an aside between a subject and its verb may span.
const MAX_ASIDE: usize = 36;

impl Ctx<'_> {
    fn span_of(&self, s: usize, e: usize) -> Span {
        Span::new(self.toks[s].start, self.toks[e].end)
    }

    /// The speaker of the finite speech verb `v` when `subject_of` found none: past an
    /// adverb or a dashed aside, a relative clause without a comma, or an appositive
    /// after the phrase that opens the sentence.
    pub fn reported_subject(&mut self, v: usize, log: &[Said]) -> Option<Speaker> {
        let mut k = self.subject_end(v)?;
        while k > 1 && self.same_sent(k - 1, v) && VERB_ADVERBS.contains(&self.lw(k - 1)) {
            k = self.subject_end(k - 1)?;
        }
        if k > 1 && DASHES.contains(&self.w(k - 1)) {
            k = self.dash_aside_start(k - 1, v)?;
            k = self.subject_end(k).unwrap_or(k);
        }
        // "farmers who say …" / "critics who argue that …": a relative clause reports its
        // antecedent's words only with "say" or a "that" clause ("a rival who has
        // rejected the plan" is no statement).
        let says = LEX
            .speech_verb(self.w(v))
            .is_some_and(|sv| LEX.lemma(sv) == "say")
            || self.lw(v + 1) == "that";
        let (s, e, rule) = if self.lw(k - 1) == "who" && k >= 2 && self.w(k - 2) != "," {
            if !says {
                return None;
            }
            let (s, e) = self.np_before(v, k - 2)?;
            (s, e, rules::QUOTES_WHO_NO_COMMA)
        } else if matches!(self.w(k - 1), "," | ")") || DASHES.contains(&self.w(k - 1)) {
            let (s, e) = self.opening_np(v, k - 1)?;
            (s, e, rules::QUOTES_OPENING_NP_ASIDE)
        } else {
            let (s, e) = self.np_before(v, k - 1)?;
            if self.is_modifier_object(s, e, v) {
                return None;
            }
            (s, e, rules::QUOTES_SUBJECT_PAST_ADVERB)
        };
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))
            .or_else(|| self.descriptive(s, e))?;
        fire(rule, self.span_of(s, e)).then_some(sp)
    }

    /// The dash opening the aside closed by the dash at `close`, in the sentence of `v`
    /// and at most [`MAX_ASIDE`] tokens back, with no quotation inside.
    fn dash_aside_start(&self, close: usize, v: usize) -> Option<usize> {
        let open = (close.saturating_sub(MAX_ASIDE)..close)
            .rev()
            .take_while(|&j| self.same_sent(j, v) && self.in_quote[j].is_none())
            .find(|&j| DASHES.contains(&self.w(j)))?;
        (open > 0 && self.is_word(open - 1)).then_some(open)
    }

    /// The noun phrase opening the sentence of `v` when an aside ending at `close` (a
    /// comma, bracket or dash) follows it: "Ann Lee, the union's lawyer since 2010,
    /// said". The phrase ends right before the first comma, bracket or dash of the
    /// sentence (past an opening phrase closed by a comma, "In an interview, …"), and no
    /// other speech verb or quotation stands between it and `v`.
    fn opening_np(&self, v: usize, close: usize) -> Option<(usize, usize)> {
        let (ss, _) = self.sents[self.sent[v]];
        let mut a = ss;
        while a < close && !self.is_word(a) {
            a += 1;
        }
        if LEADS.contains(&self.lw(a)) && is_capitalized(self.w(a)) {
            a += 1;
        }
        // "In an interview, Roe, a lawyer, said": an opening phrase gives way.
        let lw = self.lw(a);
        let opener = is_function_word(lw) && !DETS.contains(&lw) && !self.is_pronoun(a)
            || lw.ends_with("ly") && self.w(a + 1) == ",";
        if opener && self.mention[a].is_none() {
            a = (a..(a + 10).min(close)).find(|&j| self.w(j) == ",")? + 1;
        }
        let stop = (a..close.min(a + 9))
            .find(|&j| !self.is_word(j) && self.toks[j].kind != TokKind::Possessive)?;
        if !(self.w(stop) == "," || self.w(stop) == "(" || DASHES.contains(&self.w(stop)))
            || stop <= a
            || v - stop > MAX_ASIDE
        {
            return None;
        }
        let clean = (stop..v).all(|j| {
            self.in_quote[j].is_none()
                && self.w(j) != ";"
                && !(self.is_word(j)
                    && !is_capitalized(self.w(j))
                    && LEX.speech_verb(self.w(j)).is_some_and(|sv| !sv.gerund))
        });
        let e = stop - 1;
        let head_ok = self.mention[e].is_some()
            || is_capitalized(self.w(e))
            || LEX.is_group_head(self.lw(e))
            || LEX.is_role_noun(self.lw(e));
        (clean && head_ok && self.is_word(e)).then_some((a, e))
    }
}
