//! What stands between a speech verb and the clause it reports, beyond a bare "that":
//! the listener of "tell"/"ask" when it is a possessive or group noun phrase ("told his
//! audience they …", "told friends he …"), a time phrase ("said last week she …", "told
//! the paper earlier this month the plan …"), and a short aside in commas before "that"
//! ("told the paper, however, that …"). `indirect::clause_start` asks these before it
//! gives up on a clause.

use super::context::Ctx;
use crate::analyze::people::lexicon::{LEX, is_function_word};
use crate::analyze::people::tokens::is_capitalized;
use crate::analyze::rules::{self, fire};

/// Object pronouns: the listener of "ask"/"tell" or the object of "accuse".
pub(super) const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "me", "us", "you", "it"];

/// Words that open a time phrase before a reported clause ("last week", "this month",
/// "earlier this year", "late last night").
const TIME_OPENERS: &[&str] = &["last", "this", "next", "earlier", "later", "late", "early"];

/// Nouns that close a time phrase, here and before a speech verb (`reported.rs`); weekday
/// and month names count as well.
pub(super) const TIME_NOUNS: &[&str] = &[
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "fall",
    "winter",
];

/// Nouns that close a time phrase only between a verb and its clause ("said last
/// season the …").
const CLAUSE_TIME_NOUNS: &[&str] = &["autumn", "season", "time"];

/// Whether `w` closes a time phrase between a verb and its clause.
fn closes_clause_time(w: &str) -> bool {
    TIME_NOUNS.contains(&w) || CLAUSE_TIME_NOUNS.contains(&w)
}

/// Possessive determiners that open a listener phrase ("told his audience …").
const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// Words after "this" (or a time phrase) that make it the subject of the reported clause
/// ("told reporters this was the last chance", "said this year will be hard"), not the
/// opener of a time phrase.
const THIS_VERBS: &[&str] = &[
    "is", "was", "will", "would", "could", "should", "might", "may", "has", "had", "must", "can",
    "isn't", "wasn't", "won't", "wouldn't",
];

/// How many words an aside between a listener and "that" may hold.
const MAX_ASIDE_WORDS: usize = 4;

impl Ctx<'_> {
    /// The token after a time phrase starting at `c` ("last week", "earlier this month",
    /// "late Tuesday"), when the phrase ends inside the sentence; `None` when none starts
    /// there.
    pub(super) fn past_time_phrase(&self, c: usize, sent_end: usize) -> Option<usize> {
        let mut j = c;
        while j <= sent_end && j < c + 3 && TIME_OPENERS.contains(&self.lw(j)) {
            j += 1;
        }
        let noun = self.lw(j);
        let closes = closes_clause_time(noun)
            || crate::lexicon::is_weekday(noun)
            || crate::lexicon::is_month(noun) && is_capitalized(self.w(j));
        // "said earlier he would …": a bare "earlier" or "later" is a phrase of its own.
        let bare = j == c + 1 && matches!(self.lw(c), "earlier" | "later");
        if j > sent_end || !(closes && j > c || bare) {
            return None;
        }
        // "saying this year will meet …": the phrase is the clause's subject.
        let end = if closes { j + 1 } else { j };
        (end <= sent_end
            && !THIS_VERBS.contains(&self.lw(end))
            && fire(rules::QUOTES_TIME_BEFORE_CLAUSE, self.span_of(c, end - 1)))
        .then_some(end)
    }

    /// Whether "this" at `c` opens the reported clause as its subject ("told reporters
    /// this was …", "said this year will …") rather than a time phrase ("said this week
    /// …").
    pub(super) fn this_opens_clause(&self, c: usize) -> bool {
        let verb_at = |j: usize| THIS_VERBS.contains(&self.lw(j));
        self.lw(c) == "this"
            && (verb_at(c + 1) || closes_clause_time(self.lw(c + 1)) && verb_at(c + 2))
    }

    /// The token after the listener of "tell"/"ask" starting at `c` when it is a
    /// possessive noun phrase ending in a person or group noun ("his audience", "her
    /// supporters", "their donors") or a plural group noun alone ("friends", "voters").
    pub(super) fn listener_phrase_end(&self, c: usize, sent_end: usize) -> Option<usize> {
        let s = if POSSESSIVES.contains(&self.lw(c)) {
            c + 1
        } else {
            c
        };
        let mut e = s;
        while e < sent_end
            && e < s + 3
            && self.is_word(e + 1)
            && self.in_quote[e + 1].is_none()
            && !is_function_word(self.lw(e + 1))
            && !TIME_OPENERS.contains(&self.lw(e + 1))
            && !is_capitalized(self.w(e + 1))
        {
            e += 1;
        }
        let head = self.lw(e);
        let person_head = LEX.is_group_head(head) || LEX.is_role_noun(head) || head == "audience";
        let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
        let ok = self.is_word(s)
            && (s..=e).all(|j| self.in_quote[j].is_none() && !is_capitalized(self.w(j)))
            && !is_function_word(self.lw(s))
            && person_head
            && (s > c || plural && e == s);
        // "asked her aides to leave": a request's content takes in its listener.
        (ok && e < sent_end
            && self.lw(e + 1) != "to"
            && fire(rules::QUOTES_TOLD_LISTENER_PHRASE, self.span_of(c, e)))
        .then_some(e + 1)
    }

    /// "asked the council to cancel the contract", "told Jo Roe to sit down": the
    /// object of "ask"/"tell" from `c` to `j` followed by "to" and a verb is the listener
    /// of a request or an order, and the statement is the listener with the infinitive.
    pub(super) fn request_infinitive(&self, c: usize, j: usize, sent_end: usize) -> bool {
        let verb = self.lw(j + 1);
        let plural = verb.ends_with('s') && !verb.ends_with("ss") && !verb.ends_with("us");
        self.lw(j) == "to"
            && j < sent_end
            && self.is_word(j + 1)
            && self.in_quote[j + 1].is_none()
            && !is_capitalized(self.w(j + 1))
            && !is_function_word(verb)
            && !plural
            && !verb.ends_with("ing")
            && fire(rules::QUOTES_REQUEST_INFINITIVE, self.span_of(c, j + 1))
    }

    /// "told the paper, however, that …": the token after "that" when a short aside
    /// in commas starting at the comma `c` is followed by it.
    pub(super) fn aside_then_that(&self, c: usize, sent_end: usize) -> Option<usize> {
        if self.w(c) != "," {
            return None;
        }
        let close =
            (c + 1..=(c + MAX_ASIDE_WORDS + 1).min(sent_end)).find(|&j| self.w(j) == ",")?;
        let clean = (c + 1..close).all(|j| self.is_word(j) && self.in_quote[j].is_none());
        let that = close + 1;
        (clean
            && close > c + 1
            && self.lw(that) == "that"
            && that < sent_end
            && fire(rules::QUOTES_ASIDE_BEFORE_THAT, self.span_of(c, that)))
        .then_some(that + 1)
    }

    /// "accused him of lying", "criticized them for the delay": an object pronoun at `c`
    /// with the charge after it is the start of the statement of a verb that takes an
    /// object, like a noun phrase would be.
    pub(super) fn pronoun_object_of(&self, c: usize) -> bool {
        OBJECT_PRONOUNS.contains(&self.lw(c))
            && matches!(self.lw(c + 1), "of" | "for")
            && self.is_word(c + 2)
            && self.in_quote[c + 2].is_none()
            && fire(rules::QUOTES_PRONOUN_OBJECT, self.span_of(c, c + 1))
    }
}
