//! Speakers of speech participles that the person-and-group walks of
//! `phrases::gerund_subject` miss: a participle after the noun of a medium the subject
//! put out ("The board issued a statement saying the pier is safe", "The union sent an
//! email Wednesday saying that …": the subject of the verb before the medium), one after
//! "by", "while", "after" or "before" inside the sentence ("Lark ended the talks by
//! saying …"), and one after a comma whose sentence opens with a noun phrase the other
//! walks do not take ("Other officials echoed the plan, saying …"): the noun phrase
//! opening the sentence.

use super::attribution::Found;
use super::context::Ctx;
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, VerbClass, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};

/// Determiners that open the medium's noun phrase ("a statement", "her letter").
const MEDIUM_DETS: &[&str] = &["a", "an", "the", "his", "her", "their", "its", "our"];

/// Prepositions and conjunctions that put a participle inside its sentence's clause
/// ("ended the talks by saying …", "while arguing …").
const PARTICIPLE_PREPS: &[&str] = &["by", "while", "after", "before"];

/// Lemmas of participles that report a statement for the sentence's opening noun
/// phrase; other speech-verb participles ("rejecting the plan", "believing …") as
/// often take an object or a thought. "add" and "write" report only a "that" clause
/// ("adding that …", not "adding two seats").
const PARTICIPLE_LEMMAS: &[&str] = &[
    "say",
    "argue",
    "note",
    "tell",
    "claim",
    "warn",
    "insist",
    "explain",
    "suggest",
    "acknowledge",
    "contend",
    "assert",
    "complain",
    "declare",
    "stress",
    "predict",
    "add",
    "write",
];

/// Words that open a subject noun phrase even though they are function words.
const SUBJECT_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "other", "some", "many", "most",
    "several", "both", "all", "few", "these", "those",
];

/// How many modifiers may stand between the determiner and the medium noun ("a
/// two-page written statement").
const MAX_MEDIUM_MODIFIERS: usize = 3;

impl Ctx<'_> {
    /// "<subject> <verb> a statement (day) saying (that) <clause>": the participle at `v`
    /// reports the clause after it for the subject of the verb before the medium.
    pub(super) fn medium_participle(
        &mut self,
        v: usize,
        log: &[Said],
    ) -> Option<(Found, usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        if !verb.gerund || verb.class != VerbClass::Clause || v < 3 || self.negated(v) {
            return None;
        }
        let mut m = v - 1;
        while m > 0 && self.is_day(m) {
            m -= 1;
        }
        if !super::context::MEDIUM_NOUNS.contains(&self.lw(m)) || !self.same_sent(m, v) {
            return None;
        }
        let d = (m.saturating_sub(MAX_MEDIUM_MODIFIERS + 1)..m)
            .rev()
            .take_while(|&j| self.is_word(j) && self.in_quote[j].is_none())
            .find(|&j| MEDIUM_DETS.contains(&self.lw(j)))?;
        let main = d.checked_sub(1)?;
        let lw = self.lw(main);
        if !self.same_sent(main, v)
            || !self.is_word(main)
            || is_capitalized(self.w(main))
            || is_function_word(lw)
            || LEX.speech_verb(lw).is_some()
        {
            return None;
        }
        let (_, sent_end) = self.sents[self.sent[v]];
        let lemma = LEX.lemma(verb).to_string();
        let c = self.clause_start(v, &lemma, sent_end)?;
        let (c, end) = self.clause_extent(c, sent_end)?;
        let (s, e) = self.speaker_subject(main)?;
        if self.in_quote[s].is_some() {
            return None;
        }
        let speaker = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
        fire(rules::QUOTES_MEDIUM_PARTICIPLE, self.span_of(m, v)).then_some((
            Found {
                speaker,
                cue: Some(v),
            },
            c,
            end,
        ))
    }

    /// A weekday or a day relative to now ("Wednesday", "today").
    fn is_day(&self, j: usize) -> bool {
        let w = self.lw(j);
        crate::lexicon::is_weekday(w) || matches!(w, "today" | "yesterday" | "tonight")
    }

    /// Whether the participle (or infinitive) at `v` reports a statement by its lemma
    /// ([`PARTICIPLE_LEMMAS`]).
    pub(super) fn reporting_participle(&self, v: usize) -> bool {
        let Some(verb) = LEX.speech_verb(self.w(v)) else {
            return false;
        };
        let lemma = LEX.lemma(verb);
        PARTICIPLE_LEMMAS.contains(&lemma)
            && (!matches!(lemma, "add" | "write") || self.lw(v + 1) == "that")
    }

    /// Whether a speech participle at `v` is attached to its sentence's clause: after a
    /// comma or dash, or after "by", "while", "after" or "before" inside the sentence.
    pub(super) fn participle_break(&self, v: usize) -> bool {
        self.after_break(v) || self.prep_before_participle(v)
    }

    /// "by saying", "while arguing" inside a sentence (not opening it: "While saying …,
    /// Roe …" has its subject after the comma). Inside an open bracket the participle belongs to the aside, not the sentence.
    fn prep_before_participle(&self, v: usize) -> bool {
        let Some(&(ss, _)) = self.sent.get(v).and_then(|&si| self.sents.get(si)) else {
            return false;
        };
        let open = (ss..v).filter(|&j| self.w(j) == "(").count();
        let closed = (ss..v).filter(|&j| self.w(j) == ")").count();
        // "…, while saying …": a comma may set the phrase off from the clause.
        let before = if v >= 3 && self.w(v - 2) == "," {
            v - 3
        } else {
            v.saturating_sub(2)
        };
        v >= 2
            && PARTICIPLE_PREPS.contains(&self.w(v - 1))
            && self.same_sent(before, v)
            && self.is_word(before)
            && open == closed
    }

    /// The subject of a participle after "by"/"while"/"after"/"before" at `v`: the
    /// person or pronoun opening the sentence, else its opening noun phrase.
    pub(super) fn prep_participle_subject(&self, v: usize) -> Option<(usize, usize)> {
        if !self.prep_before_participle(v) || !self.reporting_participle(v) {
            return None;
        }
        let (s, e) = self
            .opening_subject(v)
            .or_else(|| self.opening_noun_phrase(v))?;
        fire(rules::QUOTES_PREP_PARTICIPLE, self.span_of(s, e)).then_some((s, e))
    }

    /// The speaker of a participle after a comma when the walks of `gerund_subject`
    /// found none: the noun phrase opening the sentence, when it names a speaker.
    pub(super) fn participle_opening_speaker(&mut self, v: usize, log: &[Said]) -> Option<Speaker> {
        if !self.after_break(v) || !self.reporting_participle(v) {
            return None;
        }
        let (s, e) = self.opening_noun_phrase(v)?;
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
        fire(rules::QUOTES_PARTICIPLE_OPENING_NP, self.span_of(s, e)).then_some(sp)
    }

    /// The noun phrase opening the sentence of `v`, past a leading conjunction and a
    /// short opening phrase closed by a comma that names nobody ("Minutes later, the
    /// union …"), cut at its head (the last capitalised word, group or role noun).
    fn opening_noun_phrase(&self, v: usize) -> Option<(usize, usize)> {
        let (_, mut a) = self.sentence_opening(v, v)?;
        let lw = self.lw(a);
        if !SUBJECT_OPENERS.contains(&lw) && !self.is_pronoun(a) && self.mention[a].is_none() {
            // "Minutes later, the union …", "On Friday, the crews …": an opening phrase.
            let comma = (a + 1..(a + 6).min(v.saturating_sub(1)))
                .find(|&j| self.toks[j].kind == TokKind::Punct)?;
            let plain = (a..comma).all(|j| self.mention[j].is_none() && self.in_quote[j].is_none());
            if self.w(comma) != "," || !plain {
                return None;
            }
            a = comma + 1;
        }
        if a + 1 >= v || self.in_quote[a].is_some() {
            return None;
        }
        let (s, e) = self.np_after(a)?;
        let e = (s..=e.min(v - 2)).rev().find(|&j| {
            is_capitalized(self.w(j))
                || LEX.is_group_head(self.w(j))
                || LEX.is_role_noun(self.lw(j))
                || self.is_pronoun(j)
        })?;
        Some((s, e))
    }

    /// "Noting that the pier had failed twice, Lark said …", "While saying that she
    /// respects him, Roe voted …": a reporting participle opening the sentence (or
    /// after "while"/"after"/"before" opening it) reports the clause up to the comma
    /// for the subject of the main clause after it.
    pub(super) fn opening_participle(
        &mut self,
        v: usize,
        log: &[Said],
    ) -> Option<(Found, usize, usize)> {
        let (ss, se) = *self.sents.get(*self.sent.get(v)?)?;
        let opens = v == ss || v == ss + 1 && PARTICIPLE_PREPS.contains(&self.lw(ss));
        if !opens || !self.reporting_participle(v) || self.negated(v) {
            return None;
        }
        let mut c = v + 1;
        if self.lw(c) == "that" {
            c += 1;
        }
        let comma = (c..se.min(c + 40)).find(|&j| self.w(j) == ",")?;
        let plain = (c..comma).all(|j| {
            self.in_quote[j].is_none() && !matches!(self.w(j), ";" | ":") && !self.is_speech_word(j)
        });
        let words = (c..comma).filter(|&j| self.is_word(j)).count();
        if !plain || words < 3 || !self.is_word(c) || comma + 2 > se {
            return None;
        }
        let (s, e) = self.np_after(comma + 1)?;
        if s != comma + 1 || e + 1 > se || !self.is_word(e + 1) {
            return None;
        }
        let speaker = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
        fire(rules::QUOTES_OPENING_PARTICIPLE, self.span_of(c, comma - 1)).then_some((
            Found {
                speaker,
                cue: Some(v),
            },
            c,
            comma - 1,
        ))
    }
}
