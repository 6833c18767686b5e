//! The head of a statement split by its attribution: "In his town, Lee said, most
//! offenders go to treatment." / "The golf club, she said, is “doing much better”." The
//! words opening the sentence before an attribution set off by commas belong to the
//! statement that attribution introduces, whether it goes on as a clause or as a
//! quotation; they are reported as a statement of their own, with that speaker.

use super::context::Ctx;
use super::context::MEDIUM_NOUNS;
use super::reported::PREDICATE_OPENERS;
use super::speakers::Speaker;
use crate::analyze::people::lexicon::{LEX, is_function_word};
use crate::analyze::people::tokens::is_capitalized;
use crate::analyze::rules::{self, fire};
use crate::model::{QuoteKind, Span};

/// A statement found so far: span, speaker, kind and cue token.
pub(super) type Found = (Span, Speaker, QuoteKind, Option<usize>);

/// Most words in a head; a longer opening is a statement the inversion rule reads.
const MAX_HEAD_WORDS: usize = 8;
/// Most tokens between the head's comma and the cue (the speaker and a description).
const MAX_SPEAKER_TOKENS: usize = 12;
/// Most tokens between the cue and the comma closing the attribution ("in a telephone
/// interview").
const MAX_AFTER_CUE: usize = 6;
/// First words of a short phrase between the cue and the comma closing the attribution
/// ("she said in an interview,", "he added on Tuesday,"); any other word there opens the
/// statement itself ("Lee said Ann Roe, the mayor, …").
const PHRASE_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "this",
    "last",
    "earlier",
    "later",
    "afterward",
    "afterwards",
    "recently",
    "yesterday",
    "today",
    "then",
    "again",
    "also",
];
/// One-word heads that carry no content of the statement: "But, he said, …".
const CONNECTIVES: &[&str] = &[
    "however",
    "instead",
    "now",
    "perhaps",
    "indeed",
    "meanwhile",
    "then",
    "also",
    "again",
    "moreover",
    "still",
    "thus",
    "yes",
    "no",
    "well",
    "so",
];
/// First words of a head that sets the scene of a quotation rather than opening it
/// ("At the same time, she said, “…”", "Later, …", "Asked about it, …").
const SCENE_OPENERS: &[&str] = &[
    "on",
    "at",
    "during",
    "later",
    "earlier",
    "now",
    "then",
    "meanwhile",
    "less",
    "more",
    "asked",
    "speaking",
    "but",
    "and",
    "so",
    "yet",
    "still",
];

/// Words of a head that dates or places the quotation or names the document it comes
/// from (beside `MEDIUM_NOUNS`): "Eight years ago", "In the excerpt", "In his book".
const SCENE_WORDS: &[&str] = &[
    "ago",
    "later",
    "earlier",
    "excerpt",
    "book",
    "memoir",
    "passage",
    "article",
    "piece",
    "remarks",
    "newsletter",
    "blog",
    "message",
    "note",
    "report",
    "editorial",
    "transcript",
];

/// Adds the head before each attribution set inside a sentence whose statement follows
/// it (see the module doc), unless a statement already holds it.
pub(super) fn add_split_heads(ctx: &Ctx, found: &mut Vec<Found>) {
    let mut heads: Vec<Found> = Vec::new();
    for (span, speaker, _, cue) in found.iter() {
        let Some(k) = *cue else { continue };
        let Some((a, e)) = ctx.split_head(k, span.start) else {
            continue;
        };
        let head = Span::new(ctx.toks[a].start, ctx.toks[e].end);
        let taken = found
            .iter()
            .chain(heads.iter())
            .any(|(s, ..)| s.start < head.end && head.start < s.end);
        if !taken && fire(rules::QUOTES_SPLIT_HEAD, head) {
            heads.push((head, speaker.clone(), QuoteKind::Indirect, Some(k)));
        }
    }
    found.extend(heads);
}

impl Ctx<'_> {
    /// The head (first and last token) of the statement starting at byte `start` whose
    /// attribution, with cue `k`, stands between two commas after the sentence's opening
    /// words: "<head>, <speaker> <cue> [<phrase>], <statement>".
    fn split_head(&self, k: usize, start: usize) -> Option<(usize, usize)> {
        LEX.speech_verb(self.w(k))?;
        let (ss, se) = *self.sents.get(*self.sent.get(k)?)?;
        let close = (k + 1..=se.min(k + MAX_AFTER_CUE)).find(|&j| !self.is_word(j))?;
        if close > k + 1 && !PHRASE_OPENERS.contains(&self.lw(k + 1)) {
            return None;
        }
        // "In cases of theft, Lee said, “…”": before a quotation opening right after the
        // comma, the head is the quotation's opening words unless it sets the scene
        // (see `opens_quote`).
        let quoted = self.is_mark(close + 1);
        if self.w(close) != ","
            || self.toks[close].end > start
            || self.toks.get(se).is_none_or(|t| t.end < start)
        {
            return None;
        }
        let open = (ss..k)
            .rev()
            .take(MAX_SPEAKER_TOKENS)
            .find(|&j| !self.is_word(j) && !matches!(self.w(j), "." | "’s" | "'s" | "-"))?;
        if self.w(open) != "," || self.lw(open + 1) == "as" || open + 1 == k {
            return None;
        }
        if !quoted && !self.head_is_needed(close + 1) {
            return None;
        }
        let mut a = ss;
        while a < open && !self.is_word(a) && self.in_quote[a].is_none() {
            a += 1;
        }
        let words = (a..open).filter(|&j| self.is_word(j)).count();
        if quoted && !self.opens_quote(a, open) {
            return None;
        }
        // A speech-verb word in the head ("At one point", "In his state") is a noun
        // here: a head that held an attribution would be its statement already.
        let clean = (a..open).all(|j| {
            self.in_quote[j].is_none()
                && !matches!(self.w(j), "," | ";" | ":" | "—" | "–" | "(" | ")")
                && self.lw(j) != "according"
        });
        let lone =
            words == 1 && (is_function_word(self.lw(a)) || CONNECTIVES.contains(&self.lw(a)));
        if !(1..=MAX_HEAD_WORDS).contains(&words) || !clean || lone || !self.is_word(open - 1) {
            return None;
        }
        Some((a, open - 1))
    }

    /// Whether the head `a..end` before an attribution and a quotation opens what is
    /// quoted ("In cases of theft", "Sooner or later", "As the boat sank") rather than
    /// setting the scene of the words: two words or more, no medium ("In a statement",
    /// "In her post"), no time or setting opener ("At the same time", "Later", "Now"), no
    /// participle ("Holding up a book", "Asked about …"), no date, no person named (the
    /// speaker before an appositive) and no speech verb.
    fn opens_quote(&self, a: usize, end: usize) -> bool {
        let first = self.lw(a);
        let words = (a..end).filter(|&j| self.is_word(j)).count();
        words >= 2
            && !SCENE_OPENERS.contains(&first)
            && !(first == "when" && self.lw(a + 1) == "asked")
            && !first.ends_with("ing")
            && !(first == "in" && self.lw(a + 1) == "addition")
            && (a..end).all(|j| {
                let w = self.lw(j);
                !MEDIUM_NOUNS.contains(&w)
                    && !SCENE_WORDS.contains(&w)
                    && !crate::lexicon::is_weekday(w)
                    && !(crate::lexicon::is_month(w) && is_capitalized(self.w(j)))
                    && self.mention[j].is_none()
                    && !self.speech_cue_word(j)
            })
    }

    /// Whether the words at `n`, after the attribution's closing comma, go on as the
    /// head's predicate ("…, she said, is “doing much better”", "…, he added, were based
    /// on …") or complement ("The records show, he said, that …"): then the head is the
    /// statement's subject or main clause. A head before a clause of its own ("In 2008,
    /// Lee said, the fund …") is an adverbial the annotators of reported speech leave in
    /// or out, and is left to `reported::head_fragment`.
    fn head_is_needed(&self, n: usize) -> bool {
        let w = self.lw(n);
        self.is_word(n)
            && (PREDICATE_OPENERS.contains(&w)
                || w == "that"
                || w.len() > 4 && w.ends_with("ed") && !is_capitalized(self.w(n)))
    }
}
