//! Coordinated subjects of a speech verb: "current and former officials said", "…,
//! teachers and union officials told the paper.", "Lark and others said …", "she and
//! another reporter said …"; not people named in it, whom `classify` resolves. The subject walk stops at "and"; this takes the first
//! conjunct in, when it stands right after the sentence start, a comma or an opening
//! conjunction, and the whole phrase is the speaker in the article's words.

use super::context::Ctx;
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, is_function_word};
use crate::analyze::people::tokens::is_capitalized;
use crate::analyze::rules::{self, fire};
use crate::text::case::capitalize;

/// How many words the first conjunct may hold ("union members and …").
const MAX_CONJUNCT: usize = 3;

/// Words that may close the phrase as its head besides group and role nouns.
const OTHER_HEADS: &[&str] = &["others", "colleagues", "aides", "allies"];

/// Pronouns that may open the first conjunct ("she and another reporter").
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// Words before the first conjunct that leave it the sentence's subject.
const BEFORE: &[&str] = &[
    ",", "but", "and", "yet", "while", "though", "although", "because",
];

impl Ctx<'_> {
    /// The speaker of the subject `s..=e` of a speech verb when the word before `s` is
    /// "and"/"or" and a short first conjunct opens the subject.
    pub(super) fn conjoined_subject(
        &mut self,
        s: usize,
        e: usize,
        log: &[Said],
    ) -> Option<(usize, Speaker)> {
        let and = s.checked_sub(1)?;
        if !matches!(self.lw(and), "and" | "or") || e < s || e > s + 4 {
            return None;
        }
        let (ss, _) = *self.sents.get(*self.sent.get(and)?)?;
        let mut a = and;
        while a > ss
            && and - (a - 1) <= MAX_CONJUNCT
            && self.is_word(a - 1)
            && self.in_quote[a - 1].is_none()
            && !BEFORE.contains(&self.lw(a - 1))
        {
            a -= 1;
        }
        let opens = a == ss || BEFORE.contains(&self.lw(a - 1));
        let first_ok = a < and
            && (a..and).all(|k| {
                self.is_word(k)
                    && (!is_function_word(self.lw(k)) || SUBJECT_PRONOUNS.contains(&self.lw(k)))
            });
        let head = self.lw(e);
        let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
        // People named in the phrase are `classify`'s (two names, or a name with its
        // coordinated roles): only groups and pronouns are taken here.
        let unnamed = (a..=e).all(|k| self.mention[k].is_none());
        let head_ok = OTHER_HEADS.contains(&head)
            || plural && (LEX.is_group_head(head) || LEX.is_role_noun(head))
            || LEX.is_role_noun(head) && !is_capitalized(self.w(e));
        if !(opens && first_ok && head_ok && unnamed) {
            return None;
        }
        let sp = self
            .classify(a, e, log)
            .filter(|sp| matches!(sp, Speaker::Group(_)))
            .unwrap_or_else(|| Speaker::Group(capitalize(self.slice(a, e))));
        // Fired over the whole sentence, so that the statement carries the rule.
        let (_, sent_end) = self.sents[self.sent[e]];
        fire(rules::QUOTES_CONJOINED_SUBJECT, self.span_of(ss, sent_end)).then_some((a, sp))
    }
}
