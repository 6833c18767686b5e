//! `about`: what a figure measures, as a noun phrase from its own sentence, or nothing.
//!
//! The phrase is, in order of preference: the counted noun of a count ("74 yeas" →
//! "yeas"), the noun phrase the figure quantifies ("45% of the world's rare earths" →
//! "world's rare earths"), the noun phrase right after it ("a $660 billion trade
//! relationship" → "trade relationship"), or the noun phrase before the verb or
//! preposition that leads to the figure ("the jobless rate rose to 5.7%" → "jobless
//! rate"). A phrase never starts or ends with a function word and holds no numbers,
//! comparatives or one-letter fragments; when no such phrase exists the label is empty
//! rather than a few stray words.

use super::lexer::{TokKind, Token};
use super::lexicon::LEXICON;
use super::recognize::Found;
use crate::analyze::proper_nouns::is_stopword;
use crate::model::{FigureKind, Span};
use crate::text::case::lower_cow;
use std::borrow::Cow;

const MAX_WORDS: usize = 6;

/// Prepositions that link a figure to the noun phrase it measures ("45% of", "$5m for").
const LINKS_AFTER: &[&str] = &["of", "for", "worth"];
/// Words after "in" that give a time or a manner, not what a sum is made of ("$5m in
/// total", "$2bn in recent years").
const NOT_MADE_OF: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her", "recent", "all", "addition",
    "return", "part", "order", "time", "total",
];
/// Comparatives and adverbs that follow a figure without naming anything ("60% higher").
const NOT_NOUNS: &[&str] = &[
    "higher",
    "lower",
    "bigger",
    "smaller",
    "larger",
    "greater",
    "fewer",
    "cheaper",
    "faster",
    "slower",
    "longer",
    "shorter",
    "older",
    "younger",
    "earlier",
    "later",
    "ago",
    "apiece",
    "each",
    "overall",
    "total",
    "respectively",
    "instead",
    "alone",
    "again",
];
/// Words between a noun phrase and a figure after it: prepositions and qualifiers.
const LINKS_BEFORE: &[&str] = &[
    "to",
    "by",
    "at",
    "of",
    "from",
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "over",
    "under",
    "than",
    "more",
    "less",
    "fewer",
    "least",
    "up",
    "down",
    "a",
    "an",
    "the",
    "roughly",
    "approximately",
    "just",
    "only",
    "as",
    "many",
    "much",
    "high",
    "low",
];
/// Auxiliaries that may sit before the verb leading to a figure ("has risen to").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "could",
    "may", "might", "did", "does", "do",
];

struct View<'a> {
    text: &'a str,
    toks: &'a [Token],
    sentence: Span,
}

impl View<'_> {
    fn inside(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| self.sentence.start <= t.start && t.end <= self.sentence.end)
    }
    fn word(&self, k: usize) -> &str {
        &self.text[self.toks[k].start..self.toks[k].end]
    }
    fn lower(&self, k: usize) -> Cow<'_, str> {
        lower_cow(self.word(k))
    }
    /// A word that can be part of a noun phrase: letters, not a function word.
    fn content(&self, k: usize) -> bool {
        self.inside(k)
            && self.toks[k].kind == TokKind::Word
            && self.word(k).chars().count() > 1
            && !is_stopword(&self.lower(k))
            && !NOT_NOUNS.contains(&self.lower(k).as_ref())
            && !LEXICON.number_words.contains_key(self.lower(k).as_ref())
    }
    /// A hyphen or apostrophe inside a compound ("anti-government", "world's").
    fn joiner(&self, k: usize) -> bool {
        self.inside(k)
            && self.toks[k].kind == TokKind::Sym
            && matches!(self.word(k), "-" | "'" | "’")
            && self
                .toks
                .get(k + 1)
                .is_some_and(|t| t.start == self.toks[k].end)
    }

    /// The noun phrase starting at `k` (content words and joiners), as text.
    fn phrase_from(&self, mut k: usize) -> Option<String> {
        while self.inside(k) && matches!(self.lower(k).as_ref(), "the" | "a" | "an") {
            k += 1;
        }
        let first = k;
        let mut last = None;
        let mut words = 0;
        while words < MAX_WORDS && (self.content(k) || (last.is_some() && self.joiner(k))) {
            if self.content(k) {
                last = Some(k);
                words += 1;
            }
            k += 1;
        }
        self.span_text(first, last?)
    }

    /// The noun phrase ending at `k`, read backwards.
    fn phrase_to(&self, k: usize) -> Option<String> {
        if !self.content(k) {
            return None;
        }
        let mut first = k;
        let mut words = 1;
        while first > 0 && words < MAX_WORDS {
            let p = first - 1;
            if self.content(p) {
                words += 1;
                first = p;
            } else if p > 0 && self.joiner(p) && self.content(p - 1) {
                first = p;
            } else {
                break;
            }
        }
        self.span_text(first, k)
    }

    fn span_text(&self, first: usize, last: usize) -> Option<String> {
        let s = &self.text[self.toks[first].start..self.toks[last].end];
        (!s.is_empty()).then(|| s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

pub fn describe(text: &str, toks: &[Token], f: &Found, sentence: Span) -> String {
    let v = View {
        text,
        toks,
        sentence,
    };
    let after = f.last + 1;
    // A count carries its own noun: "1,200 people", "74 yeas".
    let counted = matches!(f.kind, FigureKind::Count | FigureKind::Rank) && !f.unit.is_empty();
    if counted && f.unit != "rank" {
        return f.unit.clone();
    }
    let linked = v.inside(after) && LINKS_AFTER.contains(&v.lower(after).as_ref());
    // "$40 million in tax credits": a sum names what it is made of after "in", when a
    // lowercase noun phrase follows (not a month, a place or "in recent years").
    if f.kind == FigureKind::Money
        && v.inside(after)
        && v.lower(after) == "in"
        && v.inside(after + 1)
        && v.word(after + 1).starts_with(|c: char| c.is_lowercase())
        && !NOT_MADE_OF.contains(&v.lower(after + 1).as_ref())
        && let Some(p) = v.phrase_from(after + 1)
    {
        return p;
    }
    // "45% of the world's rare earths", "$5m for flood defences"
    if linked && let Some(p) = v.phrase_from(after + 1) {
        return p;
    }
    // "a $660 billion trade relationship", "a 22-point loss": a figure before a noun
    // modifies it; one ending in a plural unit is a noun phrase of its own ("373 days
    // left", "300 miles north", "two years running"), and the word after it is not what
    // it measures (nor is the phrase before it: "she waited 30 minutes").
    let plural_unit = f.kind == FigureKind::Quantity && ends_in_plural(&v, f.last);
    if !counted
        && !linked
        && !plural_unit
        && let Some(p) = v.phrase_from(after)
    {
        return p;
    }
    if plural_unit {
        return String::new();
    }
    before_phrase(&v, f.first).unwrap_or_default()
}

/// Whether the figure's last token is a plural word ("days", "miles", "feet").
fn ends_in_plural(v: &View, last: usize) -> bool {
    if v.toks[last].kind != TokKind::Word {
        return false;
    }
    super::recognize::is_plural(&v.lower(last))
}

/// The noun phrase before the figure: "the unemployment rate rose to 5.7%", "a rate of
/// 5.7%", "Smith, 46," (an age names its person).
fn before_phrase(v: &View, first: usize) -> Option<String> {
    let mut k = first.checked_sub(1)?;
    let mut saw_of = false;
    // Punctuation right before the figure: an apposition ("Smith, 46,") or a list.
    if v.inside(k) && v.toks[k].kind == TokKind::Sym && matches!(v.word(k), "," | "(") {
        return v.phrase_to(k.checked_sub(1)?);
    }
    while v.inside(k) && LINKS_BEFORE.contains(&v.lower(k).as_ref()) {
        saw_of |= v.lower(k) == "of";
        k = k.checked_sub(1)?;
    }
    if !saw_of {
        // The verb that leads to the figure ("rose", "costs"), then any auxiliary
        // ("has risen", "were up").
        if v.content(k) && !AUXILIARIES.contains(&v.lower(k).as_ref()) {
            k = k.checked_sub(1)?;
        }
        while v.inside(k) && AUXILIARIES.contains(&v.lower(k).as_ref()) {
            k = k.checked_sub(1)?;
        }
    }
    v.phrase_to(k)
}
