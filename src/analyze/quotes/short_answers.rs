//! Statements of one or two words after "say" that end the sentence: an answer ("Asked
//! if he would run, Lark said no.", "Everyone but Roe said yes."), "said so", and a
//! pronoun with an auxiliary that stands for a clause ("Roe said she would.", "They
//! said it was."). The clause rules want three words; these are whole statements.

use super::context::Ctx;
use crate::analyze::people::tokens::TokKind;
use crate::analyze::rules::{self, fire};

/// Words that are a whole answer after "said".
const ANSWERS: &[&str] = &["yes", "no", "so"];

/// Auxiliaries that stand for a whole clause after a pronoun ("she would", "it was").
const CLAUSE_AUXILIARIES: &[&str] = &[
    "would", "could", "will", "can", "did", "does", "do", "was", "were", "is", "are", "had", "has",
    "have", "should", "might", "may", "must",
];

impl Ctx<'_> {
    /// The one- or two-word statement from `c` to the end of the sentence of the "say"
    /// at `v` (lemma `lemma`), when it is an answer or a pronoun with an auxiliary.
    pub(super) fn short_answer(
        &self,
        v: usize,
        lemma: &str,
        c: usize,
        sent_end: usize,
    ) -> Option<(usize, usize)> {
        if lemma != "say" || c != v + 1 {
            return None;
        }
        let mut end = sent_end;
        while end > c && self.toks[end].kind == TokKind::Punct {
            end -= 1;
        }
        let closed = end == sent_end || matches!(self.w(end + 1), "." | "!" | ";");
        let words = (c..=end).filter(|&j| self.is_word(j)).count();
        let answer = words == 1 && ANSWERS.contains(&self.lw(c));
        let stands_for_clause = words == 2
            && end == c + 1
            && self.is_pronoun(c)
            && CLAUSE_AUXILIARIES.contains(&self.lw(end));
        let quoted = (c..=end).any(|j| self.in_quote[j].is_some());
        ((answer || stands_for_clause)
            && closed
            && !quoted
            && fire(rules::QUOTES_SHORT_ANSWER, self.span_of(c, end)))
        .then_some((c, end))
    }
}
