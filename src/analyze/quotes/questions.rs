//! Questions as reported speech: "Roe asked the mayor whether the pier is safe", "Roe
//! asked about the budget", and the passive forms that name no asker ("Asked whether
//! the pier is safe, the mayor said …", "when asked about the budget", "Lee was asked
//! if …"). The statement is the question: from its opening word ("whether", "if", a
//! wh-word, "about", a request's "to") to the next comma or the sentence end.
//!
//! Who asked: the subject of an active "asked", the agent of a passive one ("asked by
//! a reporter"), and otherwise nobody: such a question gets the unnamed speaker
//! ([`unnamed`], an empty label), never the person who answered it.

use super::attribution::Found;
use super::context::Ctx;
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::LEX;
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::model::RuleId;

/// Forms of "ask" that cue a question.
const ASK_FORMS: &[&str] = &["ask", "asks", "asked", "asking"];

/// Words that open an asked question ("asked whether …", "asked why …").
const QUESTION_OPENERS: &[&str] = &[
    "whether", "if", "why", "how", "what", "who", "whom", "which", "when", "where",
];

/// Forms of "be" (and "get") that make "asked" passive ("was asked", "has been asked").
const PASSIVE_AUX: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "get", "got", "gets", "getting",
];

/// Words before a participle "asked" that open a clause of its own ("when asked about
/// …", "if asked whether …", "…, asked about the plan, said").
const PARTICIPLE_OPENERS: &[&str] = &["when", "whenever", "if", "once", "after", ","];

/// Adverbs that may stand between the auxiliary or "asked" and what follows ("was also
/// asked", "asked specifically whether", "asked later about").
const ASK_ADVERBS: &[&str] = &[
    "also",
    "again",
    "first",
    "later",
    "then",
    "once",
    "twice",
    "repeatedly",
    "recently",
    "specifically",
    "directly",
    "pointedly",
    "publicly",
    "privately",
    "even",
    "previously",
    "frequently",
    "often",
];

/// Prepositions that open a setting between "asked" and the question ("asked on Fox
/// News whether …", "asked during a debate why …", "asked at a briefing about …").
const SETTING_PREPS: &[&str] = &[
    "on", "at", "in", "during", "after", "before", "while", "last", "this", "earlier",
];

/// Subjects that say nobody asked ("Nobody asked about …").
const NO_ASKER: &[&str] = &["nobody", "no", "none", "noone"];

/// How many tokens a setting phrase may span.
const MAX_SETTING: usize = 9;

/// The speaker of a question whose asker the article does not name.
pub(super) fn unnamed() -> Speaker {
    Speaker::Group(String::new())
}

/// Whether `sp` is the unnamed asker of [`unnamed`].
pub(super) fn is_unnamed(sp: &Speaker) -> bool {
    matches!(sp, Speaker::Group(g) if g.is_empty())
}

impl Ctx<'_> {
    /// The question cued by a form of "ask" at `v`: active ("Roe asked whether …") or
    /// passive ("Asked whether …, Lee said"). Returns the asker and the question.
    pub fn question_at(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        if !self.is_word(v) || !ASK_FORMS.contains(&self.lw(v)) || self.negated(v) {
            return None;
        }
        if self.lw(v) == "asked" && self.passive_ask(v) {
            // "Star Got Asked About …": a capitalised "Asked" inside a title-case line.
            let (sent_start, _) = self.sents[self.sent[v]];
            if is_capitalized(self.w(v)) && v != sent_start {
                return None;
            }
            self.passive_question(v, log)
        } else {
            self.active_question(v, log)
        }
    }

    /// "was asked", "has been asked", "Asked whether …" opening a sentence, "when asked
    /// about …", "…, asked about …,": the asker is not the subject.
    fn passive_ask(&self, v: usize) -> bool {
        let (sent_start, _) = self.sents[self.sent[v]];
        let mut p = v;
        while p > sent_start && ASK_ADVERBS.contains(&self.lw(p - 1)) {
            p -= 1;
        }
        if p == sent_start {
            return true;
        }
        let prev = self.lw(p - 1);
        PASSIVE_AUX.contains(&prev) || PARTICIPLE_OPENERS.contains(&prev)
    }

    /// "Asked by a reporter whether …, Lee said" / "Lee was asked about the pier": the
    /// asker is the agent after "by", else unnamed.
    fn passive_question(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let (_, sent_end) = self.sents[self.sent[v]];
        let mut j = v + 1;
        let mut agent = None;
        if self.lw(j) == "by" {
            let (s, e) = self.np_after(j + 1)?;
            let e = self.trim_name_np(s, e);
            agent = Some((s, e));
            j = e + 1;
        }
        let c = self.question_opening(j, sent_end, false)?;
        let (c, end) = self.question_extent(c, sent_end)?;
        let speaker = match agent {
            Some((s, e)) => self
                .classify(s, e, log)
                .or_else(|| self.group_phrase(s, e))
                .or_else(|| self.source_label(s, e))?,
            None => unnamed(),
        };
        self.question_found(rules::QUOTES_ASKED_PASSIVE, speaker, v, c, end)
    }

    /// "Roe asked the mayor whether …", "Roe asked about the pier", "asked for a
    /// recount": the subject of "asked" is the asker.
    fn active_question(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let (_, sent_end) = self.sents[self.sent[v]];
        if is_capitalized(self.w(v)) {
            return None;
        }
        let c = self.question_opening(v + 1, sent_end, true)?;
        // "asking for anonymity": a participle's "for" asks a favour, not a question.
        if self.lw(c) == "for" && self.lw(v) == "asking" {
            return None;
        }
        let (c, end) = self.question_extent(c, sent_end)?;
        let (s, e) = self.speaker_subject(v)?;
        if !self.speech_agrees(v, s) || NO_ASKER.contains(&self.lw(s)) {
            return None;
        }
        let speaker = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
        self.question_found(rules::QUOTES_ASKED_QUESTION, speaker, v, c, end)
    }

    /// The question `c..=end` asked with the verb at `v`, when `rule` is on.
    fn question_found(
        &self,
        rule: RuleId,
        speaker: Speaker,
        v: usize,
        c: usize,
        end: usize,
    ) -> Option<(Found, usize, usize)> {
        fire(rule, self.span_of(c, end)).then_some((
            Found {
                speaker,
                cue: Some(v),
            },
            c,
            end,
        ))
    }

    /// The first token of the question after "asked" from `j`: past adverbs, a day word
    /// or time phrase, a short setting ("on Fox News", "during a debate") and, for an
    /// active verb, the person asked ("asked the mayor whether").
    fn question_opening(&self, mut j: usize, sent_end: usize, active: bool) -> Option<usize> {
        let mut object_done = !active;
        for _ in 0..4 {
            if j > sent_end || self.in_quote[j].is_some() {
                return None;
            }
            while j < sent_end && ASK_ADVERBS.contains(&self.lw(j)) {
                j += 1;
            }
            if self.opens_question(j, sent_end, active) {
                return Some(j);
            }
            if let Some(t) = self.past_time_phrase(j, sent_end) {
                j = t;
            } else if crate::lexicon::is_weekday(self.lw(j)) {
                j += 1;
            } else if SETTING_PREPS.contains(&self.lw(j)) {
                j = self.past_setting(j, sent_end, active)?;
            } else if !object_done && super::told::OBJECT_PRONOUNS.contains(&self.lw(j)) {
                object_done = true;
                j += 1;
            } else if !object_done && self.is_word(j) {
                let (s, e) = self.np_after(j)?;
                object_done = true;
                // "asked the court for quick action": the phrase walk took the question in.
                j = (s + 1..=e)
                    .find(|&k| self.opens_question(k, sent_end, active))
                    .unwrap_or(e + 1);
            } else {
                return None;
            }
        }
        None
    }

    /// Whether the question opens at `j`: a question word, "about", a request's "to"
    /// and bare verb, or (active only) "for".
    fn opens_question(&self, j: usize, sent_end: usize, active: bool) -> bool {
        if j >= sent_end || !self.is_word(j) || !self.is_word(j + 1) {
            return false;
        }
        let lw = self.lw(j);
        QUESTION_OPENERS.contains(&lw)
            || lw == "about"
            || active && lw == "for"
            || lw == "to" && self.bare_verb(j + 1)
    }

    /// "to release", "to pick": a lower-case word after "to" that reads as a bare verb.
    fn bare_verb(&self, k: usize) -> bool {
        let w = self.lw(k);
        !is_capitalized(self.w(k))
            && !crate::analyze::people::lexicon::is_function_word(w)
            && !w.ends_with("ing")
            && !(w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
            && LEX.speech_verb(w).is_none_or(|sv| LEX.lemma(sv) == w)
    }

    /// The token after a setting phrase starting at the preposition `j` ("on Fox News",
    /// "at a briefing Monday in Washington"): the first question opening within a short
    /// run of words, with no punctuation but possessives and quote marks.
    fn past_setting(&self, j: usize, sent_end: usize, active: bool) -> Option<usize> {
        (j + 1..=(j + MAX_SETTING).min(sent_end))
            .take_while(|&k| {
                self.in_quote[k].is_some()
                    || self.toks[k].kind != TokKind::Punct
                    || matches!(self.w(k), "’s" | "'s" | "." | "&")
                        && !(self.w(k) == "." && k == sent_end)
            })
            .find(|&k| {
                self.in_quote[k].is_none()
                    && (self.opens_question(k, sent_end, active)
                        || SETTING_PREPS.contains(&self.lw(k)))
            })
    }

    /// The question from `c` to the next comma, dash, colon, quotation or the sentence
    /// end; at least two words.
    fn question_extent(&self, c: usize, sent_end: usize) -> Option<(usize, usize)> {
        let mut end = c;
        for k in c + 1..=sent_end {
            if self.in_quote[k].is_some()
                || self.toks[k].kind == TokKind::Punct
                    && !matches!(self.w(k), "’s" | "'s" | "-" | "&" | "$" | "%" | "'" | "’")
            {
                break;
            }
            end = k;
        }
        let words = (c..=end).filter(|&k| self.is_word(k)).count();
        (words >= 2).then_some((c, end))
    }
}
