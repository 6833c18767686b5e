//! Recognition: finds each figure in the token stream, decides its kind, value, unit and
//! qualifier, and throws out numbers that are not figures (dates, years, clock times,
//! codes, versions, addresses, phone numbers, list numbering, page furniture).
//!
//! The grammar is anchored on a number core (a numeral such as `46,600`, `5.2bn`, `33rd`,
//! or number words such as `twenty-five`, `a dozen`, `two billion`); the words to its
//! left give the currency and the qualifier, the words to its right the unit or the
//! counted noun. Every decision reads a few neighbouring tokens, so the pass is linear.

mod bare;
mod exclusions;
mod kinds;
mod nouns;
pub(super) use nouns::is_plural;
mod numbers;
mod ranges;
mod units;
mod words;

use super::lexer::{Gap, TokKind, Token, tokenize};
use super::lexicon::{
    COUNT_LABELS, Currency, CurrencyPosition, IDENTIFIER_NOUNS, LEXICON, NP_STOP,
    PEOPLE_PREDICATES, QUALIFIERS, RANK_NOUNS, SPORTS_WORDS, STREET_WORDS, TIME_MARKERS, Unit,
    UnitKind, WordClass, WordFilter, is_in,
};
use crate::analyze::rules::{self, fire};
use crate::model::RuleId;
use crate::model::{FigureKind, Span};

/// Which first letter and length the sports words have: most words are ruled out
/// before the list is scanned.
static SPORTS_FILTER: WordFilter = WordFilter::of(SPORTS_WORDS);

/// A recognized figure, in token coordinates.
#[derive(Debug, Clone)]
pub struct Found {
    /// First and last token of the reported span (qualifier included).
    pub first: usize,
    pub last: usize,
    /// Last token of the number and its unit (before a counted noun phrase ends).
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub unit: String,
    pub qualifier: Option<String>,
    pub in_quote: bool,
}

/// A number: one numeral (with its scale word or ordinal suffix) or a run of number words.
#[derive(Debug, Clone, Copy)]
struct Core {
    first: usize,
    last: usize,
    value: f64,
    /// The multiplier a scale word applied (1 when none).
    scale: f64,
    words: bool,
    int: bool,
    ordinal: bool,
    /// Four digits, no separators, 1000–2100: could be a year.
    year_like: bool,
    /// Digits before the decimal point.
    digits: usize,
}

enum Step {
    Found(Found),
    /// Not a figure; resume scanning after this token.
    Skip(usize),
    Nothing,
}

pub struct Scanner<'a> {
    text: &'a str,
    lower: String,
    toks: Vec<Token>,
    in_quote: Vec<bool>,
    /// ISO code a bare "$" stands for in this article.
    dollar: &'static str,
    sports: bool,
    headline: Option<Span>,
    mentions_points: bool,
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str, headline: Option<Span>) -> Self {
        let toks = tokenize(text);
        let lower = text.to_ascii_lowercase();
        let mut s = Scanner {
            text,
            lower,
            toks,
            in_quote: Vec::new(),
            dollar: "USD",
            sports: false,
            headline,
            mentions_points: false,
        };
        s.in_quote = s.quote_mask();
        s.dollar = s.article_dollar();
        let mut sports_hits = 0;
        for i in 0..s.toks.len() {
            if s.toks[i].kind == TokKind::Word {
                let w = s.l(i);
                if SPORTS_FILTER.may_hold(w) && is_in(SPORTS_WORDS, w) {
                    sports_hits += 1;
                }
                if w == "points" {
                    s.mentions_points = true;
                }
            }
        }
        s.sports = sports_hits >= 3;
        s
    }

    pub fn tokens(&self) -> &[Token] {
        &self.toks
    }

    /// Which tokens sit inside a direct quotation (curly pairs, or straight quotes
    /// toggled within a paragraph).
    fn quote_mask(&self) -> Vec<bool> {
        let mut mask = Vec::with_capacity(self.toks.len());
        let mut inside = false;
        for (i, t) in self.toks.iter().enumerate() {
            if t.gap == Gap::Para {
                inside = false;
            }
            if t.kind == TokKind::Sym {
                match self.s(i) {
                    "“" => inside = true,
                    "”" => inside = false,
                    "\"" => inside = !inside,
                    _ => {}
                }
            }
            mask.push(inside);
        }
        mask
    }

    /// The dollar a bare "$" means: USD unless the article names another dollar and
    /// never the US one.
    fn article_dollar(&self) -> &'static str {
        let l = &self.lower;
        // Every name below but "us$" holds "dollar", and "us$" gives USD too.
        if !l.contains("dollar")
            || l.contains("us$")
            || l.contains("u.s. dollar")
            || l.contains("us dollar")
        {
            return "USD";
        }
        for (name, code) in [
            ("australian dollar", "AUD"),
            ("canadian dollar", "CAD"),
            ("new zealand dollar", "NZD"),
            ("hong kong dollar", "HKD"),
            ("singapore dollar", "SGD"),
            ("taiwan dollar", "TWD"),
        ] {
            if l.contains(name) {
                return code;
            }
        }
        "USD"
    }

    // ---- token access -------------------------------------------------------------

    fn n(&self) -> usize {
        self.toks.len()
    }
    fn s(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| &self.text[t.start..t.end])
            .unwrap_or("")
    }
    fn l(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| &self.lower[t.start..t.end])
            .unwrap_or("")
    }
    fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }
    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }
    fn is_sym(&self, i: usize, sym: &str) -> bool {
        self.kind(i) == Some(TokKind::Sym) && self.s(i) == sym
    }
    fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Sym) && matches!(self.s(i), "-" | "–" | "—" | "‐" | "‑")
    }
    fn gap(&self, i: usize) -> Gap {
        self.toks.get(i).map(|t| t.gap).unwrap_or(Gap::Para)
    }
    /// Token `i` follows the previous one on the same line.
    fn joined(&self, i: usize) -> bool {
        self.gap(i) <= Gap::Space
    }
    fn attached(&self, i: usize) -> bool {
        self.gap(i) == Gap::None
    }
    fn capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.l(i) == w
    }
    fn prev(&self, i: usize) -> Option<usize> {
        i.checked_sub(1)
    }
    fn in_headline(&self, i: usize) -> bool {
        let Some(h) = self.headline else { return false };
        self.toks
            .get(i)
            .is_some_and(|t| h.start <= t.start && t.end <= h.end)
    }
    fn is_month(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.l(i);
        // "may" and "march" are verbs too: take them as months only when capitalized.
        if matches!(w, "may" | "march" | "mar" | "jan" | "dec") {
            return self.capitalized(i);
        }
        crate::lexicon::is_month(w)
    }

    // ---- the number core ----------------------------------------------------------

    // ---- the scan ---------------------------------------------------------------------

    pub fn scan(&self) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let mut i = 0;
        while i < self.n() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            let floor = out.last().map(|f| f.last + 1).unwrap_or(0);
            match self.step(i, floor, &out) {
                Step::Found(f) => {
                    i = f.last.max(i) + 1;
                    out.push(f);
                }
                Step::Skip(next) => i = next.max(i + 1),
                Step::Nothing => i += 1,
            }
        }
        out
    }

    fn found(
        &self,
        first: usize,
        last: usize,
        kind: FigureKind,
        value: Option<f64>,
        unit: impl Into<String>,
    ) -> Found {
        Found {
            first,
            last,
            kind,
            value,
            value_max: None,
            unit: unit.into(),
            qualifier: None,
            in_quote: self.in_quote.get(first).copied().unwrap_or(false),
        }
    }

    /// Applies rule `id` to the figure over tokens `first..=last` (see `analyze::rules`).
    pub(super) fn tag(&self, id: RuleId, first: usize, last: usize) -> bool {
        fire(
            id,
            crate::model::Span::new(self.toks[first].start, self.toks[last].end),
        )
    }

    /// Whether [`Self::step`] can find anything at token `i`: a numeral, a number word
    /// (or "half", "a", "an"), a vulgar fraction or "#". Most tokens are none, and this
    /// test is cheaper than the step.
    #[inline]
    fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            TokKind::Num => true,
            TokKind::Word => {
                let w = self.l(i);
                matches!(w, "half" | "a" | "an") || LEXICON.is_number_word(w)
            }
            TokKind::Sym => matches!(self.s(i), "½" | "⅓" | "⅔" | "¼" | "¾" | "⅕" | "⅛" | "#"),
        }
    }

    fn step(&self, i: usize, floor: usize, out: &[Found]) -> Step {
        let t = self.toks[i];
        match t.kind {
            TokKind::Sym => {
                // "½", "¾"
                let vulgar = match self.s(i) {
                    "½" => Some(0.5),
                    "⅓" => Some(1.0 / 3.0),
                    "⅔" => Some(2.0 / 3.0),
                    "¼" => Some(0.25),
                    "¾" => Some(0.75),
                    "⅕" => Some(0.2),
                    "⅛" => Some(0.125),
                    _ => None,
                };
                if let Some(v) = vulgar {
                    let glued_to_number = self
                        .prev(i)
                        .is_some_and(|p| self.is_num(p) && self.attached(i));
                    if !glued_to_number && self.tag(rules::FIGURES_VULGAR_FRACTION, i, i) {
                        return Step::Found(self.found(
                            i,
                            i,
                            FigureKind::Ratio,
                            Some(v),
                            "fraction",
                        ));
                    }
                    return Step::Nothing;
                }
                // "#2"
                if self.s(i) == "#" && self.is_num(i + 1) && self.attached(i + 1) {
                    let attached_before = self
                        .prev(i)
                        .is_some_and(|p| self.attached(i) && (self.is_word(p) || self.is_num(p)));
                    if let (false, Some(c)) = (attached_before, self.numeral(i + 1, false)) {
                        // "#1000Books" is a hashtag.
                        let glued_after = self.is_word(c.last + 1) && self.attached(c.last + 1);
                        if c.int && !glued_after && self.tag(rules::FIGURES_HASH_RANK, i, c.last) {
                            return Step::Found(self.found(
                                i,
                                c.last,
                                FigureKind::Rank,
                                Some(c.value),
                                "rank",
                            ));
                        }
                    }
                    return Step::Skip(i + 2);
                }
                Step::Nothing
            }
            TokKind::Word => self.word_step(i, floor, out),
            TokKind::Num => self.number_step(i, floor),
        }
    }
}
