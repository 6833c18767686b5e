//! Speech participles whose speaker is not set off by a comma: a participle after the
//! noun of a medium the subject put out ("The board issued a statement saying the pier
//! is safe", "The union sent an email Wednesday saying that …"). The speaker is the
//! subject of the verb before the medium's noun phrase, and the statement the clause
//! after the participle.

use super::attribution::Found;
use super::context::Ctx;
use super::speakers::Said;
use crate::analyze::people::lexicon::{LEX, VerbClass, is_function_word};
use crate::analyze::people::tokens::is_capitalized;
use crate::analyze::rules::{self, fire};
use crate::model::Span;

/// Determiners that open the medium's noun phrase ("a statement", "her letter").
const MEDIUM_DETS: &[&str] = &["a", "an", "the", "his", "her", "their", "its", "our"];

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
        if !super::reported::MEDIUM_NOUNS.contains(&self.lw(m)) || !self.same_sent(m, v) {
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
        fire(
            rules::QUOTES_MEDIUM_PARTICIPLE,
            Span::new(self.toks[m].start, self.toks[v].end),
        )
        .then_some((
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
}
