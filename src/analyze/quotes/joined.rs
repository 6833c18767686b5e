//! Where a reported clause ends when a second attribution is joined to it inside the
//! sentence: "Most riders said the fare was fair, and a third said it was too high",
//! "Lee said the fees rose but noted that …", "…; 40 percent said …", "…, while the
//! mayor says …", "…, saying …". The first statement stops before the joint and the
//! second cue reports its own clause, so neither statement holds the other.

use super::context::Ctx;
use super::indirect::{NO_CLAUSE_LEMMAS, PASSIVE_OR_INFINITIVE};
use crate::analyze::people::lexicon::LEX;
use crate::analyze::people::lexicon::VerbClass;
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};

/// Conjunctions that join a second attribution to a reported clause.
const JOINTS: &[&str] = &[
    "and", "but", "while", "though", "although", "whereas", "yet",
];

/// Words that make the phrase before the second cue part of the first clause (a nested
/// or subordinate clause, not a new subject): "…, and that voters say …".
const NOT_SUBJECT: &[&str] = &[
    "that", "which", "if", "whether", "because", "when", "where", "whom", "whose", "as", "than",
    "to", "so", "how", "what", "why",
];

/// Words opening an adverbial clause: "After the vote ended, the mayor said …" joins
/// no second statement to a first one with its comma.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "since", "if", "because", "although", "though", "as",
    "once", "until", "unless", "whether",
];

/// Words before a speech-verb word that make it a noun or a gerund, no cue of a new
/// attribution: "was aimed at explaining the rules", "safe from any challenge".
const NOUN_BEFORE: &[&str] = &[
    "a", "an", "the", "any", "no", "some", "this", "his", "her", "their", "its", "our", "my",
    "your", "every", "each", "at", "of", "for", "about", "by", "from", "in", "on", "with",
    "without", "after", "before",
];

/// Comparatives that may come before "than" in a share of people ("more than half").
const QUANTITY_COMPARATIVES: &[&str] = &["more", "fewer", "less"];

/// Share words after "more than" that are no number token ("more than half said").
const SHARE_WORDS: &[&str] = &["half", "a", "one", "two", "three", "four", "five", "six"];

/// Words opening an appositive after a name ("Jo Roe, the budget chief, said").
const APPOSITIVE_OPENERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];

/// Most words between an inner cue and the comma closing a fronted attribution ("As
/// the mayor noted earlier, …").
const MAX_FRONT_TAIL: usize = 3;

/// One-word answers that are a whole statement before a joint ("said yes, but …").
const ANSWERS: &[&str] = &["yes", "no", "so"];

/// Most words between a relative pronoun and the speech verb of its clause.
const MAX_RELATIVE_SUBJECT: usize = 6;

/// Most words in the subject of the second cue ("only 49 percent of the town's voters").
const MAX_SUBJECT_WORDS: usize = 8;

impl Ctx<'_> {
    /// The joint before the second attribution whose cue is `k`, inside a statement that
    /// starts at token `from`: the comma, semicolon or conjunction right before `k`'s
    /// subject, or before `k` itself when the subject is shared ("… but noted that",
    /// "…, saying"). Returns the last token of the first statement, which keeps three
    /// words or more, and whether the second cue shares the first one's subject.
    pub fn joined_attribution(&self, k: usize, from: usize) -> Option<(usize, bool)> {
        let verb = LEX.speech_verb(self.w(k))?;
        // "…, and the United States will …": a capitalised form inside a name is no cue.
        if self.in_name(k) {
            return None;
        }
        // "Ohio state Rep. Ann Lee", "Illinois state Senate candidate": a bare form
        // after a singular name, or before a capitalised word after any name, is a noun.
        let before = self.w(k.checked_sub(1)?);
        if LEX.lemma(verb) == self.lw(k)
            && is_capitalized(before)
            && !self.is_pronoun(k - 1)
            && (!before.ends_with('s') || is_capitalized(self.w(k + 1)))
        {
            return None;
        }
        let mut joint = self.subject_joint(k.checked_sub(1)?, k, from)?;
        // "…, and Jo Roe, the budget chief, said …": the comma before the cue closes an
        // appositive of the second subject, whose joint lies before the name.
        if joint + 1 == k
            && self.w(joint) == ","
            && !verb.gerund
            && let Some(j) = self.appositive_joint(joint, k, from)
        {
            joint = j;
        }
        // A comma right before a finite cue is an inversion ("…, said Roe"), not a joint;
        // a participle after a comma ("…, saying …") shares the subject.
        if joint + 1 == k && self.w(joint) == "," && !verb.gerund {
            return None;
        }
        // "…, after examining the leg, she insisted …": a comma closing an adverbial
        // clause joins nothing.
        if self.w(joint) == "," && SUBORDINATORS.contains(&self.lw(from)) {
            return None;
        }
        let mut end = joint - 1;
        while end > from && (!self.is_word(end) || JOINTS.contains(&self.lw(end))) {
            end -= 1;
        }
        let kept = (from..=end).filter(|&i| self.is_word(i)).count();
        // "Most voters said yes, but 40 percent say …": a one-word answer is a statement.
        let answer = kept == 1 && ANSWERS.contains(&self.lw(end));
        ((kept >= 3 || answer) && fire(rules::QUOTES_JOINED_ATTRIBUTION, self.span_of(joint, k)))
            .then_some((end, joint + 1 == k))
    }

    /// The joint before the subject of the second cue `k`, walking back from token
    /// `start`: the first comma, semicolon or conjunction, or a capitalised article
    /// after a lowercase word. `None` when the phrase before `k` is no subject (a
    /// subordinate word, another speech verb, more than eight words).
    fn subject_joint(&self, start: usize, k: usize, from: usize) -> Option<usize> {
        let mut j = start;
        let mut words = 0;
        loop {
            if j <= from || !self.same_sent(j, k) || self.in_quote[j].is_some() {
                return None;
            }
            let lw = self.lw(j);
            if matches!(lw, "," | ";") || JOINTS.contains(&lw) {
                return Some(j);
            }
            // "… the regional centers The agency said …": a capitalised article after a
            // lowercase word opens a sentence whose full stop the text lost.
            if matches!(self.w(j), "The" | "A" | "An")
                && self.is_word(j - 1)
                && !is_capitalized(self.w(j - 1))
            {
                return Some(j);
            }
            if self.is_word(j) {
                // "…, compared with 23 percent who said": "who" only right before the cue.
                if NOT_SUBJECT.contains(&lw) && !self.quantity_than(j) || lw == "who" && j + 1 != k
                {
                    return None;
                }
                // "…, and United States Steel workers say …": a name's word is no verb.
                if self.speech_verb_word(j) {
                    return None;
                }
                words += 1;
            } else if !matches!(lw, "(" | ")" | "-" | "’s" | "'s" | "%") {
                return None;
            }
            if words > MAX_SUBJECT_WORDS {
                return None;
            }
            j -= 1;
        }
    }

    /// "more than 4 in 10", "fewer than half", "less than a third": a "than" after a
    /// comparative quantifier inside a share of people is part of the subject.
    fn quantity_than(&self, j: usize) -> bool {
        self.lw(j) == "than"
            && j > 0
            && QUANTITY_COMPARATIVES.contains(&self.lw(j - 1))
            && j + 1 < self.toks.len()
            && (self.w(j + 1).starts_with(|c: char| c.is_ascii_digit())
                || SHARE_WORDS.contains(&self.lw(j + 1)))
    }

    /// "…, and Jo Roe, the budget chief, said …": when the comma at `close` right before
    /// cue `k` closes an appositive (a lowercase phrase of one to eight words opening
    /// with a determiner or possessive) after a capitalised name, the joint of the
    /// attribution: a conjunction or semicolon right before the name.
    fn appositive_joint(&self, close: usize, k: usize, from: usize) -> Option<usize> {
        let open = (close.saturating_sub(MAX_SUBJECT_WORDS + 1)..close)
            .rev()
            .find(|&j| self.w(j) == ",")?;
        let first = open + 1;
        if open <= from
            || !APPOSITIVE_OPENERS.contains(&self.w(first))
            || (first..close).any(|j| {
                !self.same_sent(j, k) || self.in_quote[j].is_some() || self.speech_verb_word(j)
            })
            || !is_capitalized(self.w(open - 1))
        {
            return None;
        }
        let joint = self.subject_joint(open - 1, k, from)?;
        (joint + 1 < open
            && (JOINTS.contains(&self.lw(joint)) || self.w(joint) == ";")
            && fire(rules::QUOTES_JOINED_APPOSITIVE, self.span_of(joint, k)))
        .then_some(joint)
    }

    /// Where a statement reported by an attribution after it ("…, officials said.",
    /// "…, according to the audit.") starts, given the stretch `cs..=ce` before the cue:
    /// when that stretch holds an attribution of its own, the statement is the clause
    /// after that attribution's joint — "As the mayor noted, the fare rose 5 percent,
    /// according to the audit" / "The board praised the plan, which would cut the fare,
    /// officials said" / "…, as the Courier reported, and the fare will rise, aides
    /// said". The joint is a comma before a conjunction, a comma before "which" or "who"
    /// opening a relative clause that runs up to the cue, a semicolon, or a comma at most
    /// three words after the inner cue (a fronted attribution); past a "that" of the
    /// inner cue's clause, only the first two.
    /// Returns `cs` when there is no such joint or fewer than four words would remain.
    pub fn backward_start(&self, cs: usize, ce: usize) -> usize {
        let Some(j) = (cs + 1..ce).rev().find(|&j| self.inner_cue(j)) else {
            return cs;
        };
        // "As the Courier reported, …": a fronted attribution opening with "as".
        let fronted_as = (j.saturating_sub(6).max(cs)..j).any(|i| self.lw(i) == "as");
        let mut words = 0;
        let mut clause = false;
        for t in j + 1..ce {
            if self.in_quote[t].is_some() {
                return cs;
            }
            let lw = self.lw(t);
            if self.is_word(t) {
                // "said that the city, …": past a complementiser only a conjunction or
                // a relative clause closing the stretch is a joint.
                if matches!(lw, "that" | "whether" | "if") {
                    clause = true;
                }
                words += 1;
                continue;
            }
            // "5,000": a comma between digits joins nothing.
            let in_number = |i: usize| self.w(i).starts_with(|c: char| c.is_ascii_digit());
            if !matches!(lw, "," | ";") || in_number(t - 1) && in_number(t + 1) {
                continue;
            }
            let next = self.lw(t + 1);
            let fronted = !clause && (words == 0 || fronted_as && words <= MAX_FRONT_TAIL);
            // ", which stood at 263, according to …": a relative clause running up to
            // the cue, with no comma of its own.
            let relative =
                matches!(next, "which" | "who") && (t + 1..=ce).all(|i| self.w(i) != ",");
            let start = if JOINTS.contains(&next) {
                t + 2
            } else if relative || lw == ";" && !clause || fronted {
                t + 1
            } else {
                continue;
            };
            let rest = (start..=ce).filter(|&i| self.is_word(i)).count();
            return if rest >= 4 && fire(rules::QUOTES_BACKWARD_AFTER_CUE, self.span_of(start, ce)) {
                start
            } else {
                cs
            };
        }
        cs
    }

    /// The last token of a statement starting at `from` that gives way at token `cs` to
    /// a second statement: the last word before `cs`, past commas and joining words,
    /// when the first statement keeps three words or more.
    pub fn first_statement_end(&self, from: usize, cs: usize) -> Option<usize> {
        let mut end = cs.checked_sub(1)?;
        while end > from && (!self.is_word(end) || JOINTS.contains(&self.lw(end))) {
            end -= 1;
        }
        ((from..=end).filter(|&i| self.is_word(i)).count() >= 3).then_some(end)
    }

    /// Whether the word at `j` is the finite cue of an attribution inside a stretch of
    /// text: an inflected speech verb that takes a clause ("noted", "reported", "says"),
    /// not after an article, preposition, possessive, number or auxiliary of the
    /// passive or infinitive ("her reported income", "758 pledged delegates"), not
    /// capitalised, not before "to".
    pub(super) fn inner_cue(&self, j: usize) -> bool {
        let Some(verb) = LEX.speech_verb(self.w(j)) else {
            return false;
        };
        self.in_quote[j].is_none()
            && self.speech_cue_word(j)
            && verb.class == VerbClass::Clause
            && !verb.gerund
            && LEX.lemma(verb) != self.lw(j)
            && !is_capitalized(self.w(j))
            // "in many states", "its claims": an -s form other than "says" reads as a noun.
            && (!self.lw(j).ends_with('s') || self.lw(j) == "says")
            // "promised to build": an infinitive, no statement.
            && self.lw(j + 1) != "to"
            && !PASSIVE_OR_INFINITIVE.contains(&self.lw(j - 1))
            && self.toks[j - 1].kind != TokKind::Possessive
            && !self.w(j - 1).starts_with(|c: char| c.is_ascii_digit())
    }

    /// The last token of the clause going on after an attribution set inside the
    /// sentence, tokens `start..=end` ("…, Roe said, the plan failed, and Lee said …"):
    /// `end`, unless a speech verb in it cues a second attribution; then the token before
    /// that attribution's joint, or `None` when no joint is found. A speech-verb word
    /// after an article or preposition ("aimed at explaining", "safe from any
    /// challenge"), a passive or infinitive form, or a verb of thinking is no cue.
    pub fn tail_end(&self, start: usize, end: usize) -> Option<usize> {
        for j in start + 1..=end {
            if !self.is_word(j)
                || self.in_quote[j].is_some()
                || PASSIVE_OR_INFINITIVE.contains(&self.lw(j - 1))
                || NOUN_BEFORE.contains(&self.lw(j - 1))
                // "…, and the United States will …": a word of a name.
                || self.in_name(j)
            {
                continue;
            }
            let Some(verb) = LEX.speech_verb(self.w(j)) else {
                continue;
            };
            if verb.class != VerbClass::Clause || NO_CLAUSE_LEMMAS.contains(&LEX.lemma(verb)) {
                continue;
            }
            if let Some((e, _)) = self.joined_attribution(j, start) {
                return Some(e);
            }
            // "most state laws", "the audit report found": a bare form with no joint
            // before it is a noun; an inflected one is an attribution left unread.
            if LEX.lemma(verb) != self.lw(j) {
                return None;
            }
        }
        Some(end)
    }

    /// Whether the word at `j` is a speech verb that may cue an attribution: not after
    /// an article, possessive or preposition, where it is a noun or gerund ("In his
    /// state", "at explaining").
    pub fn speech_cue_word(&self, j: usize) -> bool {
        self.is_word(j)
            && LEX.speech_verb(self.w(j)).is_some()
            && !(j > 0 && NOUN_BEFORE.contains(&self.lw(j - 1)))
    }

    /// The relative pronoun before the speech verb at `k` when it is the cue of a
    /// restrictive relative clause ("repairs that the engineers said would cost …";
    /// "something the aides argue is possible" is not, the pronoun is needed): a
    /// "which", "that" or "whom" before its subject of one to six words, in the same
    /// sentence, with no punctuation between. Inside a statement reported already, such
    /// a clause is a second statement, the relative clause's predicate.
    fn relative_cue(&self, k: usize) -> Option<usize> {
        let mut j = k;
        let mut words = 0;
        while j > 0 && words <= MAX_RELATIVE_SUBJECT {
            j -= 1;
            if !self.same_sent(j, k) || self.in_quote[j].is_some() {
                return None;
            }
            let lw = self.lw(j);
            if matches!(lw, "which" | "that" | "whom") {
                // "said that for decades critics …": "that" after a speech verb opens
                // the reported clause, not a relative one.
                let complement = j > 0 && self.speech_cue_word(j - 1);
                // "the fee, which critics say is unfair, …": a clause set off by commas
                // stays part of the statement around it.
                let aside = j > 0 && self.w(j - 1) == ",";
                return (words >= 1 && !complement && !aside).then_some(j);
            }
            if !self.is_word(j) && !matches!(lw, "’s" | "'s") || self.speech_verb_word(j) {
                return None;
            }
            words += 1;
        }
        None
    }

    /// Whether the statement `cs..=ce` of the speech verb at `k`, inside a statement
    /// reported already, is the predicate of a restrictive relative clause (see
    /// `relative_cue`) and so a statement of its own.
    pub fn relative_inside(&self, k: usize, cs: usize, ce: usize) -> bool {
        cs > k
            && self.relative_cue(k).is_some()
            && fire(rules::QUOTES_RELATIVE_INSIDE, self.span_of(cs, ce))
    }
}
