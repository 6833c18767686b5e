//! Recognition: finds each figure in the token stream, decides its kind, value, unit and
//! qualifier, and throws out numbers that are not figures (dates, years, clock times,
//! codes, versions, addresses, phone numbers, list numbering, page furniture).
//!
//! The grammar is anchored on a number core (a numeral such as `46,600`, `5.2bn`, `33rd`,
//! or number words such as `twenty-five`, `a dozen`, `two billion`); the words to its
//! left give the currency and the qualifier, the words to its right the unit or the
//! counted noun. Every decision reads a few neighbouring tokens, so the pass is linear.

use super::lexer::{Gap, TokKind, Token, tokenize};
use super::lexicon::{
    COUNT_LABELS, CurrencyPosition, IDENTIFIER_NOUNS, LEXICON, NP_STOP, PEOPLE_PREDICATES,
    QUALIFIERS, RANK_NOUNS, SPORTS_WORDS, STREET_WORDS, TIME_MARKERS, UnitKind, WordClass, is_in,
};
use crate::analyze::rules::{self, fire};
use crate::lexicon;
use crate::model::{FigureKind, RuleId, Span};

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

/// Verbs whose object count is people: "killing 12", "injured more than 150".
const HARM_VERBS: &[&str] = &[
    "kill",
    "kills",
    "killed",
    "killing",
    "injure",
    "injures",
    "injured",
    "injuring",
    "wound",
    "wounds",
    "wounded",
    "wounding",
    "left",
    "leaving",
    "claimed",
    "claiming",
    "evacuated",
    "evacuating",
    "rescued",
    "arrested",
    "detained",
    "displaced",
    "displacing",
    "employs",
    "employed",
];
/// Verbs of change: "rose from 5 to 7" states two values, not a range.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "fell",
    "fallen",
    "fall",
    "falls",
    "increased",
    "decreased",
    "dropped",
    "climbed",
    "jumped",
    "grew",
    "grown",
    "cut",
    "raised",
    "lowered",
    "slipped",
    "surged",
    "soared",
    "plunged",
    "plummeted",
    "declined",
    "shrank",
    "up",
    "down",
    "moved",
    "went",
    "changed",
    "slid",
    "tumbled",
    "sank",
    "gained",
    "lost",
    "revised",
    "reduced",
    "boosted",
    "doubled",
];
const SUPERLATIVE_WORDS: &[&str] = &["best", "worst", "most", "least"];
const DETERMINERS: &[&str] = &[
    "its", "the", "their", "his", "her", "our", "these", "those", "all", "your", "my",
];
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "schoolchildren",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "cattle",
    "feet",
    "teeth",
    "mice",
    "geese",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "livestock",
    "clergy",
    "troops",
    "crew",
    "media",
    "data",
    "spectators",
];
/// Adjectives ending in -ed that commonly sit inside a counted noun phrase.
const ED_ADJECTIVES: &[&str] = &[
    "armed",
    "skilled",
    "unarmed",
    "retired",
    "licensed",
    "registered",
    "elected",
    "talented",
    "disabled",
    "infected",
    "confirmed",
    "suspected",
    "undocumented",
];

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
                if is_in(SPORTS_WORDS, w) {
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
        if l.contains("us$") || l.contains("u.s. dollar") || l.contains("us dollar") {
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
        lexicon::is_month(w)
    }

    // ---- the number core ----------------------------------------------------------

    fn numeral(&self, i: usize, money: bool) -> Option<Core> {
        let raw = self.s(i);
        if raw.matches('.').count() > 1 {
            return None;
        }
        if raw.contains(',') {
            let mut groups = raw.split('.').next().unwrap_or("").split(',');
            let head = groups.next().unwrap_or("");
            if head.is_empty() || head.len() > 3 || groups.any(|g| g.len() != 3) {
                return None;
            }
        }
        let clean: String = raw.chars().filter(|c| *c != ',').collect();
        let value: f64 = clean.parse().ok()?;
        let int = !raw.contains('.');
        let digits = clean.split('.').next().map(str::len).unwrap_or(0);
        let year_like =
            int && !raw.contains(',') && digits == 4 && (1000.0..=2100.0).contains(&value);
        let mut core = Core {
            first: i,
            last: i,
            value,
            scale: 1.0,
            words: false,
            int,
            ordinal: false,
            year_like,
            digits,
        };
        let j = i + 1;
        if self.is_word(j) && self.attached(j) && matches!(self.l(j), "st" | "nd" | "rd" | "th") {
            core.ordinal = true;
            core.last = j;
            return Some(core);
        }
        if self.is_word(j) && self.joined(j) {
            let w = self.l(j);
            let scale = LEXICON
                .number_word(w, WordClass::Scale)
                .or_else(|| LEXICON.number_word(w, WordClass::Hundred))
                .or_else(|| {
                    let abbr = LEXICON.number_word(w, WordClass::Abbr)?;
                    // "5m" is five metres unless money is meant; single letters only attached.
                    let single = w.len() == 1;
                    // "1.5m people": a scale when a plural noun follows.
                    let plural_next =
                        self.is_word(j + 1) && self.joined(j + 1) && self.is_plural(self.l(j + 1));
                    if single && (!self.attached(j) || !(money || plural_next)) {
                        return None;
                    }
                    Some(abbr)
                });
            if let Some(scale) = scale {
                core.value *= scale;
                core.scale = scale;
                core.last = j;
                core.year_like = false;
            }
        }
        Some(core)
    }

    /// Number words from `i`: "twenty-five", "two hundred and fifty", "a dozen",
    /// "more than two billion" (the qualifier is found separately).
    fn word_number(&self, i: usize) -> Option<Core> {
        let mut j = i;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last_class: Option<WordClass> = None;
        let mut end = None;
        let mut scale = 1.0;
        if matches!(self.l(i), "a" | "an") && self.is_word(i) {
            let next = i + 1;
            // "a billion-dollar contract": the article belongs to the noun, not the number.
            if self.is_dash(next + 1) && self.attached(next + 1) {
                return None;
            }
            let w = self.l(next);
            let ok = self.is_word(next)
                && self.joined(next)
                && (LEXICON.number_word(w, WordClass::Scale).is_some()
                    || LEXICON.number_word(w, WordClass::Hundred).is_some()
                    || LEXICON.number_word(w, WordClass::Dozen).is_some());
            if !ok {
                return None;
            }
            current = 1.0;
            j = next;
        }
        while j < self.n() && self.is_word(j) {
            if j > i && !self.joined(j) {
                break;
            }
            let w = self.l(j);
            if w == "and" && matches!(last_class, Some(WordClass::Hundred | WordClass::Scale)) {
                let nw = self.l(j + 1);
                if self.is_word(j + 1)
                    && (LEXICON.number_word(nw, WordClass::Unit).is_some()
                        || LEXICON.number_word(nw, WordClass::Tens).is_some())
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if let Some(v) = LEXICON.number_word(w, WordClass::Unit) {
                if matches!(last_class, Some(WordClass::Unit | WordClass::Tens)) {
                    break;
                }
                current += v;
                last_class = Some(WordClass::Unit);
            } else if let Some(v) = LEXICON.number_word(w, WordClass::Tens) {
                if matches!(last_class, Some(WordClass::Unit | WordClass::Tens)) {
                    break;
                }
                current += v;
                last_class = Some(WordClass::Tens);
                // twenty-five
                if self.is_dash(j + 1) && self.attached(j + 1) && self.attached(j + 2) {
                    if let Some(u) = LEXICON
                        .number_word(self.l(j + 2), WordClass::Unit)
                        .filter(|u| *u < 10.0)
                    {
                        current += u;
                        j += 2;
                        last_class = Some(WordClass::Unit);
                    }
                }
            } else if let Some(v) = LEXICON.number_word(w, WordClass::Hundred) {
                if last_class == Some(WordClass::Hundred) {
                    break;
                }
                current = current.max(1.0) * v;
                last_class = Some(WordClass::Hundred);
            } else if let Some(v) = LEXICON.number_word(w, WordClass::Scale) {
                if last_class.is_none() && current == 0.0 {
                    break;
                }
                total += current.max(1.0) * v;
                current = 0.0;
                scale = v;
                last_class = Some(WordClass::Scale);
            } else if let Some(v) = LEXICON.number_word(w, WordClass::Dozen) {
                current = current.max(1.0) * v;
                last_class = Some(WordClass::Dozen);
            } else {
                break;
            }
            end = Some(j);
            j += 1;
        }
        let last = end?;
        Some(Core {
            first: i,
            last,
            value: total + current,
            scale,
            words: true,
            int: true,
            ordinal: false,
            year_like: false,
            digits: 0,
        })
    }

    fn core(&self, i: usize, money: bool) -> Option<Core> {
        match self.kind(i)? {
            TokKind::Num => self.numeral(i, money),
            TokKind::Word => self.word_number(i),
            TokKind::Sym => None,
        }
    }

    // ---- left context ---------------------------------------------------------------

    /// A currency written before the number: "$", "US$", "HK$ ", "€", "USD ", "Rs. ".
    fn currency_before(&self, first: usize) -> Option<(usize, String)> {
        let p = self.prev(first)?;
        if !self.joined(first) {
            return None;
        }
        if self.kind(p) == Some(TokKind::Sym) {
            let sym = self.s(p);
            let cur = LEXICON
                .currencies
                .get(sym)
                .filter(|c| c.position == CurrencyPosition::Symbol)?;
            if sym == "$" {
                if let Some(pp) = self.prev(p) {
                    if self.is_word(pp) && self.attached(p) {
                        let key = format!("{}$", self.s(pp));
                        if let Some(c) = LEXICON.currencies.get(key.as_str()) {
                            return Some((pp, c.code.to_string()));
                        }
                    }
                }
                return Some((p, self.dollar.to_string()));
            }
            return Some((p, cur.code.to_string()));
        }
        // "Rs. 500"
        let (code_tok, start) = if self.is_sym(p, ".") {
            (p.checked_sub(1)?, p.checked_sub(1)?)
        } else {
            (p, p)
        };
        if self.is_word(code_tok) {
            if let Some(c) = LEXICON.currencies.get(self.s(code_tok)) {
                if c.position == CurrencyPosition::Code {
                    return Some((start, c.code.to_string()));
                }
            }
        }
        None
    }

    /// A qualifier ending just before token `start`; returns its first token and text.
    fn qualifier_before(&self, start: usize, floor: usize) -> Option<(usize, String)> {
        for len in [3usize, 2, 1] {
            let Some(first) = start.checked_sub(len) else {
                continue;
            };
            if first < floor {
                continue;
            }
            if !(first..start).all(|k| self.is_word(k)) {
                continue;
            }
            if !(first + 1..=start).all(|k| self.joined(k)) {
                continue;
            }
            let phrase: Vec<&str> = (first..start).map(|k| self.l(k)).collect();
            let phrase = phrase.join(" ");
            if QUALIFIERS.contains(&phrase.as_str()) {
                let text = &self.text[self.toks[first].start..self.toks[start - 1].end];
                return Some((first, text.to_string()));
            }
        }
        None
    }

    // ---- exclusions -------------------------------------------------------------------

    /// Numbers glued to letters or codes: "IE6", "STS-135", "H.R.1424", "39A", "1990s",
    /// "+44 …", and leading-zero numbers (phone numbers, codes).
    fn is_code(&self, c: &Core) -> bool {
        let f = c.first;
        if c.words {
            return false;
        }
        if let Some(p) = self.prev(f) {
            if self.attached(f) {
                if self.is_word(p) {
                    return true;
                }
                if self.is_sym(p, "+") {
                    return true;
                }
                if (self.is_dash(p)
                    || self.is_sym(p, ".")
                    || self.is_sym(p, "/")
                    || self.is_sym(p, "_"))
                    && p > 0
                    && self.attached(p)
                    && (self.is_word(p - 1) || self.is_num(p - 1))
                    && !(self.is_dash(p) && self.word_is(p - 1, "magnitude"))
                {
                    return true;
                }
            }
        }
        let raw = self.s(f);
        if raw.len() >= 3 && raw.starts_with('0') && !raw.starts_with("0.") {
            return true;
        }
        // Letters glued after the numeral that are not its scale, ordinal or unit.
        let j = c.last + 1;
        if self.is_word(j) && self.attached(j) && c.last == f {
            let w = self.s(j);
            let lw = self.l(j);
            let unit = LEXICON.units.contains_key(lw) || LEXICON.units_exact.contains_key(w);
            if !unit && !is_in(TIME_MARKERS, lw) {
                return true;
            }
        }
        false
    }

    fn is_date_or_time(&self, c: &Core) -> bool {
        let f = c.first;
        let j = c.last + 1;
        if c.words {
            return false;
        }
        // Month next to the number: "March 9", "9 March", "12th of March".
        if let Some(p) = self.prev(f) {
            if self.is_month(p) && self.joined(f) {
                return true;
            }
            if self.is_sym(p, ".") && p > 0 && self.is_month(p - 1) {
                return true;
            }
        }
        if self.is_month(j) && self.joined(j) {
            return true;
        }
        if self.word_is(j, "of") && self.is_month(j + 1) {
            return true;
        }
        // Clock times and dates written with separators: 17:15, 10/1/2008, 2025-10-23.
        if self.is_sym(j, ":") && self.attached(j) && self.is_num(j + 1) && self.attached(j + 1) {
            return true;
        }
        if self.is_sym(j, "/") && self.attached(j) && self.is_num(j + 1) && self.is_sym(j + 2, "/")
        {
            return true;
        }
        if c.year_like
            && self.is_dash(j)
            && self.attached(j)
            && self.is_num(j + 1)
            && self.s(j + 1).len() == 2
            && self.is_dash(j + 2)
        {
            return true;
        }
        if self.is_word(j) && self.joined(j) {
            let w = self.l(j);
            if is_in(TIME_MARKERS, w) && !c.ordinal {
                return true;
            }
            // "5 a.m.", "2.40 p.m."
            if (w == "a" || w == "p") && self.is_sym(j + 1, ".") && self.word_is(j + 2, "m") {
                return true;
            }
            if w == "local" && self.word_is(j + 1, "time") {
                return true;
            }
        }
        if let Some(p) = self.prev(f) {
            if self.is_sym(p, ":") && self.attached(f) && p > 0 && self.is_num(p - 1) {
                return true;
            }
            if self.is_sym(p, "/")
                && self.attached(f)
                && p > 0
                && self.is_num(p - 1)
                && p >= 2
                && self.is_sym(p - 2, "/")
            {
                return true;
            }
        }
        false
    }

    /// A number inside a name or identifier: "Class 390", "Internet Explorer 6", "HTML 5",
    /// "page 5", "Route 66", "the 747", an address "10 Downing Street".
    fn is_name_part(&self, c: &Core) -> bool {
        let f = c.first;
        if c.words {
            return false;
        }
        if let Some(p) = self.prev(f) {
            if self.is_word(p) && self.joined(f) {
                let w = self.l(p);
                if is_in(IDENTIFIER_NOUNS, w) {
                    return true;
                }
                let common = is_in(NP_STOP, w)
                    || QUALIFIERS
                        .iter()
                        .any(|q| q.split(' ').next_back() == Some(w))
                    || COUNT_LABELS.iter().any(|(l, _)| *l == w)
                    || w == "magnitude"
                    || w == "aged"
                    || LEXICON.number_words.contains_key(w);
                if self.capitalized(p) && !common && !self.in_headline(f) && !self.is_month(p) {
                    return true;
                }
            }
            if self.is_sym(p, ".")
                && p > 0
                && self.is_word(p - 1)
                && is_in(IDENTIFIER_NOUNS, self.l(p - 1))
            {
                return true;
            }
        }
        // An address: number, capitalized words, street word.
        let mut k = c.last + 1;
        let mut caps = 0;
        while caps < 4 && self.capitalized(k) && self.joined(k) {
            if caps > 0 && is_in(STREET_WORDS, self.l(k)) {
                return true;
            }
            caps += 1;
            k += 1;
        }
        false
    }

    /// "1." or "2)" opening a line.
    fn is_list_number(&self, c: &Core) -> bool {
        let f = c.first;
        c.last == f
            && self.gap(f) >= Gap::Line
            && (self.is_sym(f + 1, ".") || self.is_sym(f + 1, ")"))
            && self.attached(f + 1)
            && self.gap(f + 2) >= Gap::Space
    }

    // ---- right context -------------------------------------------------------------

    /// A unit from the table starting at token `j` (one to three words, or a symbol such
    /// as `°C`); returns the unit and its last token.
    fn unit_at(&self, j: usize) -> Option<(super::lexicon::Unit, usize)> {
        if self.is_sym(j, "°") && self.is_word(j + 1) && self.attached(j + 1) {
            let key = format!("°{}", self.s(j + 1));
            if let Some(u) = LEXICON.units_exact.get(key.as_str()) {
                return Some((*u, j + 1));
            }
        }
        if self.is_sym(j, "%") {
            return Some((
                super::lexicon::Unit {
                    name: "%",
                    kind: UnitKind::Percent,
                },
                j,
            ));
        }
        if !self.is_word(j) {
            return None;
        }
        for len in (1..=LEXICON.max_unit_words).rev() {
            let end = j + len - 1;
            if end >= self.n()
                || !(j..=end).all(|k| self.is_word(k))
                || !(j + 1..=end).all(|k| self.joined(k))
            {
                continue;
            }
            let phrase: Vec<&str> = (j..=end).map(|k| self.l(k)).collect();
            if let Some(u) = LEXICON.units.get(&phrase.join(" ")) {
                // "m" alone is a metre only right after a numeral.
                if phrase.len() == 1
                    && phrase[0].len() == 1
                    && !self.attached(j)
                    && self.is_word(j + 1)
                    && self.joined(j + 1)
                {
                    continue;
                }
                return Some((*u, end));
            }
        }
        let w = self.s(j);
        if w.len() == 1 && !self.attached(j) {
            return None;
        }
        LEXICON.units_exact.get(w).map(|u| (*u, j))
    }

    /// A currency name after the number: "dollars", "Australian dollars", "yuan", "cents".
    fn currency_after(&self, j: usize) -> Option<(super::lexicon::Currency, usize)> {
        for len in (1..=LEXICON.max_currency_words).rev() {
            let end = j + len - 1;
            if end >= self.n() || !(j..=end).all(|k| self.is_word(k) || self.is_sym(k, ".")) {
                continue;
            }
            if !(j..=end).all(|k| self.joined(k)) {
                continue;
            }
            let mut phrase = String::new();
            for k in j..=end {
                if self.is_word(k) && !phrase.is_empty() && !phrase.ends_with('.') {
                    phrase.push(' ');
                } else if self.is_word(k) && phrase.ends_with('.') && k > j && !self.attached(k) {
                    phrase.push(' ');
                }
                phrase.push_str(self.l(k));
            }
            if let Some(c) = LEXICON.currency_words.get(&phrase) {
                return Some((*c, end));
            }
        }
        None
    }

    fn word_ok_in_np(&self, k: usize) -> bool {
        if !self.is_word(k) {
            return false;
        }
        let w = self.l(k);
        if is_in(NP_STOP, w)
            || lexicon::is_month(w)
            || lexicon::is_weekday(w)
            || LEXICON.number_words.contains_key(w)
        {
            return false;
        }
        if w.len() > 4 && w.ends_with("ly") {
            return false;
        }
        if w.len() > 4 && w.ends_with("ed") && !is_in(ED_ADJECTIVES, w) {
            return false;
        }
        true
    }

    /// The counted noun phrase starting at `j`: "nuclear reactors", "police buses",
    /// "Royal Air Force Sea King helicopters". Returns (last token, unit text).
    fn counted_np(&self, j: usize) -> Option<(usize, String)> {
        let mut k = j;
        let mut last = None;
        let mut all_caps = true;
        let mut words = 0;
        while words < 6 && k < self.n() && self.joined(k) && self.word_ok_in_np(k) {
            let cap = self.capitalized(k);
            if !cap && self.l(k).ends_with("ing") {
                // "remaining orbiters" yes, "orbiters following the" no.
                if !(self.joined(k + 1) && self.word_ok_in_np(k + 1)) {
                    break;
                }
            }
            if cap && !all_caps {
                break;
            }
            all_caps &= cap;
            last = Some(k);
            words += 1;
            k += 1;
            // A plural noun ends the phrase: "22 reactors as", "people live", "jobs worldwide".
            let adjunct = matches!(
                self.l(k - 1),
                "police"
                    | "staff"
                    | "crew"
                    | "media"
                    | "data"
                    | "aircraft"
                    | "fish"
                    | "sales"
                    | "sports"
                    | "news"
                    | "arms"
                    | "savings"
            );
            if !cap
                && !adjunct
                && self.is_plural(self.l(k - 1))
                && !(self.is_dash(k) && self.attached(k))
            {
                break;
            }
            // "anti-government protesters"
            if self.is_dash(k)
                && self.attached(k)
                && self.attached(k + 1)
                && self.word_ok_in_np(k + 1)
            {
                k += 1;
            }
        }
        let mut last = last?;
        if all_caps {
            // A name after a number ("2 Arsenal") is rarely what is counted; keep one word.
            last = j;
        }
        if !all_caps && words > 4 && self.capitalized(j) {
            // fine: proper-noun modifiers before a common head noun
        } else if !all_caps && words > 4 {
            return None;
        }
        let mut unit = self.text[self.toks[j].start..self.toks[last].end].to_string();
        if all_caps {
            unit = unit.to_lowercase();
        }
        Some((last, unit))
    }

    fn is_plural(&self, word: &str) -> bool {
        is_in(IRREGULAR_PLURALS, word)
            || (word.ends_with('s')
                && !word.ends_with("ss")
                && !word.ends_with("us")
                && !word.ends_with("is"))
    }

    // ---- the scan ---------------------------------------------------------------------

    pub fn scan(&self) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let mut i = 0;
        while i < self.n() {
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
    fn tag(&self, id: RuleId, first: usize, last: usize) -> bool {
        fire(id, Span::new(self.toks[first].start, self.toks[last].end))
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
                        if c.int && self.tag(rules::FIGURES_HASH_RANK, i, c.last) {
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

    /// Spelled figures: "three people", "a dozen", "half", "two-thirds", "fourth place",
    /// "nine-month-old".
    fn word_step(&self, i: usize, floor: usize, out: &[Found]) -> Step {
        let w = self.l(i);
        // Every rule below starts from a number word, "half" or "a"/"an"; most words are none.
        if !(matches!(w, "half" | "a" | "an") || LEXICON.number_words.contains_key(w)) {
            return Step::Nothing;
        }
        // Ordinal ranks: "fourth place", "third-largest", "second lowest grade".
        if let Some(v) = LEXICON.number_word(w, WordClass::Ordinal) {
            if let Some(f) = self
                .ordinal_rank(i, v)
                .filter(|f| self.tag(rules::FIGURES_ORDINAL_RANK, f.first, f.last))
            {
                return Step::Found(f);
            }
        }
        // Fractions: "half", "almost half", "two-thirds", "a third of", "one in five".
        if let Some(f) = self
            .word_fraction(i, floor)
            .filter(|f| self.tag(rules::FIGURES_WORD_FRACTION, f.first, f.last))
        {
            return Step::Found(f);
        }
        // "billion-year contract", "million-dollar": a bare scale word fused to a unit.
        if let Some(scale) = LEXICON.number_word(w, WordClass::Scale) {
            if self.is_dash(i + 1) && self.attached(i + 1) && self.attached(i + 2) {
                let prev_num = self
                    .prev(i)
                    .is_some_and(|p| self.is_num(p) || LEXICON.is_cardinal_word(self.l(p)));
                if !prev_num {
                    if let Some((u, end)) = self.unit_at(i + 2) {
                        if matches!(u.kind, UnitKind::Duration | UnitKind::Quantity) {
                            return Step::Found(self.found(
                                i,
                                end,
                                FigureKind::Quantity,
                                Some(scale),
                                u.name,
                            ));
                        }
                    }
                    if let Some((c, end)) = self.currency_after(i + 2) {
                        if c.position == CurrencyPosition::Word {
                            let code = if c.code == "$" { self.dollar } else { c.code };
                            return Step::Found(self.found(
                                i,
                                end,
                                FigureKind::Money,
                                Some(scale),
                                code,
                            ));
                        }
                    }
                }
            }
        }
        if !(LEXICON.is_cardinal_word(w) || matches!(w, "a" | "an")) {
            return Step::Nothing;
        }
        let Some(core) = self.word_number(i) else {
            return Step::Nothing;
        };
        // "one" alone is an article-like pronoun far more often than a figure ("one of
        // the", "one serious"); keep it only in a list of counts or with a unit.
        let lone_one = core.first == core.last && matches!(w, "one" | "a" | "an");
        match self.classify(core, floor) {
            Some(mut f) => {
                let speech =
                    |f: &Found| self.tag(rules::FIGURES_SKIP_SPEECH_COUNT, f.first, f.last);
                if lone_one
                    && f.kind == FigureKind::Count
                    && !self.coordinated_with_count(f.first, out)
                    && speech(&f)
                {
                    return Step::Skip(core.last + 1);
                }
                // "the two countries": an anaphoric pair, not a figure.
                if core.value <= 2.0 && f.qualifier.is_none() && f.kind == FigureKind::Count {
                    if let Some(p) = self.prev(core.first) {
                        if matches!(self.l(p), "the" | "these" | "those" | "both") && speech(&f) {
                            return Step::Skip(core.last + 1);
                        }
                    }
                }
                // Small spelled counts inside a direct quote are speech, not figures
                // ("two things", "three guys"); measured amounts stay.
                if f.in_quote && f.kind == FigureKind::Count && core.value <= 10.0 && speech(&f) {
                    return Step::Skip(core.last + 1);
                }
                if f.first < floor {
                    f.first = floor.max(core.first);
                }
                Step::Found(f)
            }
            None => Step::Skip(core.last + 1),
        }
    }

    /// "two mountain rescue teams and one police helicopter".
    fn coordinated_with_count(&self, first: usize, out: &[Found]) -> bool {
        let Some(p) = self.prev(first) else {
            return false;
        };
        if !(self.word_is(p, "and") || self.is_sym(p, ",")) {
            return false;
        }
        out.last().is_some_and(|f| {
            f.kind == FigureKind::Count && f.last + 1 >= p.saturating_sub(1) && f.last < p
        })
    }

    fn ordinal_rank(&self, i: usize, v: f64) -> Option<Found> {
        let j = i + 1;
        // "third-largest"
        let (k, hyphen) = if self.is_dash(j) && self.attached(j) && self.attached(j + 1) {
            (j + 1, true)
        } else {
            (j, false)
        };
        if !self.is_word(k) || !(hyphen || self.joined(k)) {
            return None;
        }
        let w = self.l(k);
        let superlative = (w.len() > 4
            && w.ends_with("est")
            && !matches!(
                w,
                "interest"
                    | "protest"
                    | "request"
                    | "contest"
                    | "harvest"
                    | "forest"
                    | "honest"
                    | "modest"
                    | "suggest"
                    | "arrest"
                    | "invest"
                    | "digest"
                    | "manifest"
                    | "conquest"
                    | "behest"
                    | "quest"
            ))
            || is_in(SUPERLATIVE_WORDS, w);
        if is_in(RANK_NOUNS, w) {
            return Some(self.found(i, k, FigureKind::Rank, Some(v), "rank"));
        }
        if superlative {
            let mut last = k;
            if matches!(w, "most" | "least") && self.is_word(k + 1) && self.joined(k + 1) {
                last = k + 1;
            }
            // and the noun it ranks: "second lowest grade", "second-largest copper mine"
            for _ in 0..2 {
                if self.word_ok_in_np(last + 1)
                    && self.joined(last + 1)
                    && !self.capitalized(last + 1)
                {
                    last += 1;
                    if self.is_plural(self.l(last)) {
                        break;
                    }
                } else {
                    break;
                }
            }
            return Some(self.found(i, last, FigureKind::Rank, Some(v), "rank"));
        }
        None
    }

    fn word_fraction(&self, i: usize, floor: usize) -> Option<Found> {
        let w = self.l(i);
        let n = self.n();
        let with_qualifier = |mut f: Found| {
            if let Some((q0, q)) = self.qualifier_before(f.first, floor) {
                f.first = q0;
                f.qualifier = Some(q);
            }
            f
        };
        // "half"
        if w == "half" {
            let next = self.l(i + 1);
            let prev = self.prev(i).map(|p| self.l(p)).unwrap_or("");
            if self.is_dash(i + 1) && self.attached(i + 1) {
                return None; // half-time, half-brother
            }
            if matches!(
                prev,
                "first"
                    | "second"
                    | "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "each"
                    | "other"
                    | "latter"
                    | "former"
                    | "one"
                    | "and"
                    | "final"
                    | "opening"
            ) {
                return None;
            }
            let qualified = self.qualifier_before(i, floor).is_some() || prev == "than";
            let follows = self.joined(i + 1)
                && matches!(
                    next,
                    "of" | "the"
                        | "as"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "them"
                        | "those"
                        | "these"
                        | "all"
                        | "that"
                );
            if qualified || follows {
                return Some(with_qualifier(self.found(
                    i,
                    i,
                    FigureKind::Ratio,
                    Some(0.5),
                    "fraction",
                )));
            }
            return None;
        }
        // "two-thirds", "two thirds of", "a third of", "one-quarter", "three quarters"
        let numerator = if matches!(w, "a" | "an") {
            Some(1.0)
        } else {
            LEXICON
                .number_word(w, WordClass::Unit)
                .filter(|v| *v >= 1.0 && *v <= 10.0)
        };
        if let Some(num) = numerator {
            let (k, hyphen) = if self.is_dash(i + 1) && self.attached(i + 1) && self.attached(i + 2)
            {
                (i + 2, true)
            } else {
                (i + 1, false)
            };
            if k < n && self.is_word(k) && (hyphen || self.joined(k)) {
                if let Some(den) = LEXICON.number_word(self.l(k), WordClass::Fraction) {
                    let plural = self.l(k).ends_with('s') || self.l(k) == "halves";
                    let of_follows = self.word_is(k + 1, "of");
                    let ok = if num > 1.0 {
                        plural
                    } else {
                        !plural && (hyphen || of_follows) && den > 2.0
                    };
                    if ok {
                        return Some(with_qualifier(self.found(
                            i,
                            k,
                            FigureKind::Ratio,
                            Some(num / den),
                            "fraction",
                        )));
                    }
                }
            }
            // "one in five", "9 out of 10" (spelled)
            if let Some(f) = self.n_in_m(i, num, i) {
                return Some(with_qualifier(f));
            }
        }
        None
    }

    /// "one in five", "1 in 4", "nine out of ten": a ratio.
    fn n_in_m(&self, first: usize, num: f64, last_of_num: usize) -> Option<Found> {
        let mut k = last_of_num + 1;
        if self.word_is(k, "in") {
            k += 1;
        } else if self.word_is(k, "out") && self.word_is(k + 1, "of") {
            k += 2;
        } else {
            return None;
        }
        if !self.joined(k) {
            return None;
        }
        let den = self.core(k, false)?;
        if den.ordinal || den.year_like || den.value <= num || !den.int || den.value > 1000.0 {
            return None;
        }
        // "5 in 10 years" is a time span, not a ratio.
        if self.unit_at(den.last + 1).is_some() {
            return None;
        }
        Some(self.found(
            first,
            den.last,
            FigureKind::Ratio,
            Some(num / den.value),
            "fraction",
        ))
    }

    /// A minus sign written before a numeral ("-5 degrees", "−0.3%", "minus 5"), not a
    /// hyphen inside a range or a code.
    fn negative_sign(&self, i: usize) -> Option<usize> {
        let p = self.prev(i)?;
        if self.word_is(p, "minus") && self.joined(i) {
            return Some(p);
        }
        if self.attached(i)
            && (self.is_sym(p, "-") || self.is_sym(p, "−"))
            && self.gap(p) >= Gap::Space
        {
            let before = self.prev(p);
            let after_number =
                before.is_some_and(|b| self.is_num(b) || LEXICON.is_cardinal_word(self.l(b)));
            if !after_number {
                return Some(p);
            }
        }
        None
    }

    fn number_step(&self, i: usize, floor: usize) -> Step {
        let step = self.unsigned_number_step(i, floor);
        match (step, self.negative_sign(i)) {
            (Step::Found(mut f), Some(sign))
                if sign >= floor
                    && f.first == i
                    && self.tag(rules::FIGURES_NEGATIVE, sign, f.last) =>
            {
                f.first = sign;
                f.value = f.value.map(|v| -v);
                f.value_max = f.value_max.map(|v| -v);
                Step::Found(f)
            }
            (step, _) => step,
        }
    }

    fn unsigned_number_step(&self, i: usize, floor: usize) -> Step {
        let money_prefix = self.currency_before(i).filter(|(s, _)| *s >= floor);
        let Some(core) = self.numeral(i, money_prefix.is_some()) else {
            // "1.2.3": a version number; skip the whole code.
            return Step::Skip(i + 1);
        };
        let (a, b) = (core.first, core.last);
        if self.is_code(&core) && self.tag(rules::FIGURES_SKIP_CODE, a, b)
            || self.is_date_or_time(&core) && self.tag(rules::FIGURES_SKIP_DATE_OR_TIME, a, b)
            || self.is_list_number(&core)
        {
            return Step::Skip(self.skip_number_run(core.last));
        }
        // Fraction "3/5".
        if self.is_sym(core.last + 1, "/")
            && self.attached(core.last + 1)
            && self.is_num(core.last + 2)
            && self.attached(core.last + 2)
        {
            let den = self.numeral(core.last + 2, false);
            if let Some(den) = den {
                if core.int
                    && den.int
                    && den.value >= 2.0
                    && den.value <= 100.0
                    && core.value < den.value
                    && !self.is_sym(den.last + 1, "/")
                    && self.tag(rules::FIGURES_SLASH_FRACTION, i, den.last)
                {
                    let mut f = self.found(
                        i,
                        den.last,
                        FigureKind::Ratio,
                        Some(core.value / den.value),
                        "fraction",
                    );
                    if let Some((q0, q)) = self.qualifier_before(i, floor) {
                        f.first = q0;
                        f.qualifier = Some(q);
                    }
                    return Step::Found(f);
                }
            }
            return Step::Skip(self.skip_number_run(core.last));
        }
        if let Some(f) = self
            .n_in_m(i, core.value, core.last)
            .filter(|_| core.int && !core.ordinal && core.scale == 1.0)
            .filter(|f| self.tag(rules::FIGURES_N_IN_M, f.first, f.last))
        {
            return Step::Found(f);
        }
        if let Some(f) = self
            .score_line(core, floor)
            .filter(|f| self.tag(rules::FIGURES_SCORE_LINE, f.first, f.last))
        {
            return Step::Found(f);
        }
        if self.is_name_part(&core)
            && money_prefix.is_none()
            && !self.has_unit_after(&core)
            && self.tag(rules::FIGURES_SKIP_NAME_PART, a, b)
        {
            return Step::Skip(self.skip_number_run(core.last));
        }
        match self.classify(core, floor) {
            Some(f) => Step::Found(f),
            None => Step::Skip(core.last + 1),
        }
    }

    fn has_unit_after(&self, c: &Core) -> bool {
        let j = c.last + 1;
        self.unit_at(j)
            .is_some_and(|(u, _)| u.kind != UnitKind::Furniture)
            || self.currency_after(j).is_some()
    }

    /// After a number that is part of a code or date, skip the numbers glued to it.
    fn skip_number_run(&self, mut last: usize) -> usize {
        while last + 2 < self.n()
            && self.attached(last + 1)
            && self.kind(last + 1) == Some(TokKind::Sym)
            && !self.is_sym(last + 1, "%")
            && self.attached(last + 2)
            && self.is_num(last + 2)
        {
            last += 2;
        }
        last + 1
    }

    /// Score lines: "Chelsea FC 2 1 Arsenal FC".
    fn score_line(&self, core: Core, floor: usize) -> Option<Found> {
        if core.words || !core.int || core.value > 30.0 || core.last != core.first {
            return None;
        }
        let j = core.last + 1;
        if !(self.is_num(j) && self.gap(j) == Gap::Space && self.s(j).len() <= 2) {
            return None;
        }
        let before_cap = self
            .prev(core.first)
            .is_some_and(|p| self.capitalized(p) && self.joined(core.first));
        let after_cap = self.capitalized(j + 1) && self.joined(j + 1);
        if !(before_cap && after_cap) {
            return None;
        }
        let mut a = core.first;
        while a > floor && self.capitalized(a - 1) && self.joined(a) {
            a -= 1;
        }
        let mut b = j;
        while self.capitalized(b + 1) && self.joined(b + 1) {
            b += 1;
        }
        Some(self.found(a, b, FigureKind::Score, None, "goals"))
    }

    /// Decide kind, unit and extent for a number core (with its left context).
    fn classify(&self, core: Core, floor: usize) -> Option<Found> {
        let money_prefix = if core.words {
            None
        } else {
            self.currency_before(core.first)
                .filter(|(s, _)| *s >= floor)
        };
        let start = money_prefix.as_ref().map(|(s, _)| *s).unwrap_or(core.first);
        let mut value = core.value;
        let mut value_max = None;
        let mut end = core.last;

        // Ranges: "8–10", "$1.5-2 billion", "5 to 7 percent", "between 5 and 10".
        let j = core.last + 1;
        let mut range_second: Option<Core> = None;
        let mut between: Option<usize> = None;
        if !core.ordinal {
            let dash = self.is_dash(j) && self.joined(j);
            // "from 40 to 45 percent" is a range, "rose from 40 to 45 percent" a change.
            let change = self.prev(start).is_some_and(|p| {
                self.word_is(p, "from") && p > 0 && is_in(CHANGE_VERBS, self.l(p - 1))
            });
            let to = self.word_is(j, "to")
                && self.gap(j) == Gap::Space
                && money_prefix.is_none()
                && !change;
            let and = self.word_is(j, "and")
                && self.prev(start).is_some_and(|p| self.word_is(p, "between"));
            if dash || to || and {
                let mut k = j + 1;
                // "$1.5-$2 billion"
                if money_prefix.is_some()
                    && self.kind(k) == Some(TokKind::Sym)
                    && self.currency_before(k + 1).is_some()
                {
                    k += 1;
                }
                if self.joined(k) {
                    if let Some(c2) = self.core(k, money_prefix.is_some()) {
                        let same_form = c2.words == core.words && !c2.ordinal;
                        if same_form
                            && c2.value > core.value / core.scale.max(1.0)
                            && !(core.year_like && (c2.year_like || c2.digits == 2))
                        {
                            range_second = Some(c2);
                        } else if core.year_like || c2.year_like {
                            // "2000-2005", "1995 to 1999": a span of years, which is a date.
                            return None;
                        }
                    }
                }
            }
        }
        // A bare "2-1" with no unit is a score.
        if !core.words
            && core.int
            && core.value <= 200.0
            && money_prefix.is_none()
            && self.is_dash(j)
            && self.joined(j)
            && self.joined(j + 1)
        {
            if let Some(c2) = self
                .numeral(j + 1, false)
                .filter(|c2| c2.int && c2.value <= 200.0 && c2.last == j + 1)
            {
                let unit_follows = self.has_unit_after(&c2)
                    || self.is_sym(c2.last + 1, "%")
                    || self.counted_np(c2.last + 1).is_some();
                let aged = self
                    .prev(start)
                    .is_some_and(|p| matches!(self.l(p), "aged" | "ages" | "age"));
                let glued_on = self.is_dash(c2.last + 1) || self.is_sym(c2.last + 1, "/");
                if !unit_follows && !aged && !glued_on {
                    let mut f = self.found(start, c2.last, FigureKind::Score, None, "");
                    if self.sports {
                        f.unit = "goals".into();
                    }
                    return Some(f);
                }
            }
        }
        if let Some(c2) = range_second {
            let unit_follows = self.has_unit_after(&c2)
                || self.is_sym(c2.last + 1, "%")
                || self.counted_np(c2.last + 1).is_some();
            let dash = self.is_dash(j);
            if !dash && !unit_follows {
                range_second = None;
            }
        }
        if let Some(c2) = range_second {
            let mut lo = core.value;
            if core.scale == 1.0 && c2.scale > 1.0 {
                lo *= c2.scale;
            }
            value = lo;
            value_max = Some(c2.value);
            end = c2.last;
            if self.word_is(j, "and") {
                between = self.prev(start);
            }
        }
        let year_like = core.year_like && range_second.is_none();

        // Qualifier.
        let (qual_start, qualifier) = match (between, self.qualifier_before(start, floor)) {
            (Some(b), _) => (b, Some(self.s(b).to_string())),
            (None, Some((q0, q))) => (q0, Some(q)),
            (None, None) => (start, None),
        };

        let finish = |mut f: Found| -> Found {
            f.first = qual_start.min(f.first);
            if f.qualifier.is_none() {
                f.qualifier = qualifier.clone();
            }
            f.value_max = f.value_max.or(value_max);
            f
        };

        // Numeric ordinals: "33rd floor", "his 28th of the campaign", "30th anniversary".
        if core.ordinal {
            let k = end + 1;
            if self.word_is(k, "century") || self.word_is(k, "centuries") {
                return None;
            }
            if let Some((last, unit)) = self.counted_np(k) {
                let unit = if is_in(RANK_NOUNS, self.l(k)) {
                    "rank".to_string()
                } else {
                    unit
                };
                return Some(finish(self.found(
                    start,
                    last,
                    FigureKind::Rank,
                    Some(core.value),
                    unit,
                )));
            }
            if self.word_is(k, "of") && !self.is_month(k + 1) {
                return Some(finish(self.found(
                    start,
                    end,
                    FigureKind::Rank,
                    Some(core.value),
                    "",
                )));
            }
            // "-largest"
            if self.is_dash(k) && self.attached(k) {
                if let Some(f) = self
                    .ordinal_rank(core.first, core.value)
                    .filter(|f| self.tag(rules::FIGURES_ORDINAL_RANK, f.first, f.last))
                {
                    return Some(finish(f));
                }
            }
            return None;
        }

        // Money with a symbol or code before it.
        if let Some((_, code)) = &money_prefix {
            let mut f = self.found(start, end, FigureKind::Money, Some(value), code.clone());
            // "$5 billion dollars" / "US$ 20,000": swallow a repeated currency word.
            if let Some((c, last)) = self.currency_after(end + 1) {
                if c.position == CurrencyPosition::Word {
                    f.last = last;
                }
            }
            return Some(finish(f));
        }

        let k = end + 1;
        // Currency written after the number: "20€", "100 USD".
        if self.joined(k) && !year_like {
            if let Some(c) = LEXICON.currencies.get(self.s(k)) {
                let after_ok = match c.position {
                    CurrencyPosition::Symbol => {
                        self.kind(k) == Some(TokKind::Sym) && self.s(k) != "$"
                    }
                    CurrencyPosition::Code => self.is_word(k) && self.s(k).len() == 3,
                    _ => false,
                };
                if after_ok {
                    return Some(finish(self.found(
                        start,
                        k,
                        FigureKind::Money,
                        Some(value),
                        c.code,
                    )));
                }
            }
        }
        // Percent, units.
        let hyphen_unit = self.is_dash(k) && self.attached(k) && self.attached(k + 1);
        let unit_here = if hyphen_unit {
            self.unit_at(k + 1)
        } else if self.joined(k) {
            self.unit_at(k)
        } else {
            None
        };

        // "a 1,700-strong unit": a count of members.
        if hyphen_unit && self.word_is(k + 1, "strong") && !year_like {
            let unit = self
                .counted_np(k + 2)
                .map(|(_, u)| u)
                .unwrap_or_else(|| "people".to_string());
            return Some(finish(self.found(
                start,
                k + 1,
                FigureKind::Count,
                Some(value),
                unit,
            )));
        }
        // Ages: "62-year-old", "84 year old", "nine-month-old", "10 years old".
        if let Some((u, uend)) = unit_here {
            if u.kind == UnitKind::Duration
                && matches!(u.name, "years" | "months" | "weeks" | "days")
            {
                let mut m = uend + 1;
                if self.is_dash(m) && self.attached(m) {
                    m += 1;
                }
                if self.word_is(m, "old") && self.joined(m) {
                    return Some(finish(self.found(
                        start,
                        m,
                        FigureKind::Age,
                        Some(value),
                        u.name,
                    )));
                }
            }
        }
        // "aged 42", "aged 8–10 years", "at the age of four months"
        let aged = self
            .prev(qual_start)
            .is_some_and(|p| matches!(self.l(p), "aged" | "ages" | "age"))
            || (self.prev(qual_start).is_some_and(|p| self.word_is(p, "of"))
                && qual_start >= 2
                && self.word_is(qual_start - 2, "age"));
        if aged && !year_like && value <= 130.0 {
            let (last, unit) = match unit_here {
                Some((u, uend)) if u.kind == UnitKind::Duration => (uend, u.name),
                _ => (end, "years"),
            };
            let p = qual_start - 1;
            let first = if self.word_is(p, "aged") { p } else { start };
            return Some(finish(self.found(
                first,
                last,
                FigureKind::Age,
                Some(value),
                unit,
            )));
        }

        // Magnitudes: "a 5.6 magnitude", "magnitude 6.2", "a magnitude of 4.1".
        if !core.words && !year_like {
            if self.word_is(k, "magnitude") && self.joined(k)
                || (hyphen_unit && self.word_is(k + 1, "magnitude"))
            {
                let last = if hyphen_unit { k + 1 } else { k };
                return Some(finish(self.found(
                    start,
                    last,
                    FigureKind::Quantity,
                    Some(value),
                    "magnitude",
                )));
            }
            if let Some(p) = self.prev(qual_start) {
                let p2 = if self.word_is(p, "of") || self.is_dash(p) {
                    p.checked_sub(1)
                } else {
                    Some(p)
                };
                if let Some(p2) = p2 {
                    if self.word_is(p2, "magnitude") {
                        return Some(finish(self.found(
                            p2,
                            end,
                            FigureKind::Quantity,
                            Some(value),
                            "magnitude",
                        )));
                    }
                }
            }
        }

        if let Some((u, uend)) = unit_here {
            match u.kind {
                UnitKind::Furniture => return None,
                UnitKind::Percent => {
                    return Some(finish(self.found(
                        start,
                        uend,
                        FigureKind::Percent,
                        Some(value),
                        u.name,
                    )));
                }
                UnitKind::Duration => {
                    let after = self.l(uend + 1);
                    if matches!(after, "ago" | "later" | "earlier" | "previously") {
                        return None;
                    }
                    // "[Ten] years ago"
                    if self.is_sym(uend + 1, "]")
                        || (core.words
                            && self.prev(core.first).is_some_and(|p| self.is_sym(p, "[")))
                    {
                        return None;
                    }
                    if year_like {
                        return None;
                    }
                    // "on 12 minutes", "at 101 minutes": a moment in a match.
                    let moment = u.name == "minutes"
                        && qualifier.is_none()
                        && self
                            .prev(start)
                            .is_some_and(|p| matches!(self.l(p), "on" | "at"));
                    if moment {
                        let p = start - 1;
                        return Some(self.found(p, uend, FigureKind::Other, Some(value), "minute"));
                    }
                    return Some(finish(self.found(
                        start,
                        uend,
                        FigureKind::Quantity,
                        Some(value),
                        u.name,
                    )));
                }
                UnitKind::Count => {
                    return Some(finish(self.found(
                        start,
                        uend,
                        FigureKind::Count,
                        Some(value),
                        u.name,
                    )));
                }
                UnitKind::Quantity => {
                    // "one point" is not a score of points; "a point" neither.
                    if core.words && value <= 1.0 && u.name == "points" {
                        return None;
                    }
                    if year_like {
                        return None;
                    }
                    return Some(finish(self.found(
                        start,
                        uend,
                        FigureKind::Quantity,
                        Some(value),
                        u.name,
                    )));
                }
            }
        }

        // Currency names after the number: "660 billion dollars", "four cents", "5 billion yuan",
        // "a 5-dollar bill".
        let currency_at = if hyphen_unit { k + 1 } else { k };
        if self.joined(k) {
            if let Some((c, cend)) = self.currency_after(currency_at) {
                let code = if c.code == "$" { self.dollar } else { c.code };
                match c.position {
                    CurrencyPosition::Minor => {
                        let code = if c.code == "$" { self.dollar } else { c.code };
                        return Some(finish(self.found(
                            start,
                            cend,
                            FigureKind::Money,
                            Some(value / 100.0),
                            code,
                        )));
                    }
                    CurrencyPosition::Word => {
                        let lw = self.l(currency_at);
                        // "won" is the verb far more often than the currency.
                        let doubtful = (lw == "won" && core.scale == 1.0)
                            || (matches!(lw, "pound" | "pounds")
                                && core.scale == 1.0
                                && (self.word_is(cend + 1, "of")
                                    || self.text.contains('£') == false
                                        && !self.lower.contains("sterling")));
                        if !doubtful && !year_like {
                            return Some(finish(self.found(
                                start,
                                cend,
                                FigureKind::Money,
                                Some(value),
                                code,
                            )));
                        }
                    }
                    _ => {}
                }
            }
        }

        // A counted noun phrase: "1,200 people", "three newer versions".
        if let Some((last, unit)) = self.counted_np(k) {
            let head = unit.rsplit(' ').next().unwrap_or("").to_string();
            if year_like
                && !(self.is_plural(&head)
                    && !self.prev(start).is_some_and(|p| {
                        matches!(
                            self.l(p),
                            "in" | "since"
                                | "the"
                                | "from"
                                | "by"
                                | "until"
                                | "during"
                                | "after"
                                | "before"
                        )
                    }))
            {
                return None;
            }
            // A head noun that is itself a unit ("15 IQ points").
            if let Some(u) = LEXICON.units.get(head.as_str()) {
                if u.kind == UnitKind::Quantity || u.kind == UnitKind::Duration {
                    return Some(finish(self.found(
                        start,
                        last,
                        FigureKind::Quantity,
                        Some(value),
                        unit,
                    )));
                }
            }
            // "700 sets of rail points"
            return Some(finish(self.found(
                start,
                last,
                FigureKind::Count,
                Some(value),
                unit,
            )));
        }
        if year_like {
            return None;
        }
        self.bare_number(core, start, end, value, qualifier.is_some())
            .map(finish)
    }

    /// A number with no unit and no noun after it: a figure only in a few frames.
    fn bare_number(
        &self,
        core: Core,
        start: usize,
        end: usize,
        value: f64,
        qualified: bool,
    ) -> Option<Found> {
        let k = end + 1;
        let p = self.prev(start);
        let pw = p.map(|p| self.l(p)).unwrap_or("");
        // "one a piece", "2 apiece": a level score.
        if self.word_is(k, "apiece") || (self.word_is(k, "a") && self.word_is(k + 1, "piece")) {
            let last = if self.word_is(k, "apiece") { k } else { k + 1 };
            return Some(self.found(start, last, FigureKind::Score, Some(value), "goals"));
        }
        // "kills 12", "injuring more than 150": the victims of a verb of harm.
        let harm_at = if qualified {
            self.prev(start).and_then(|_| self.prev(start))
        } else {
            p
        };
        let harm = |q: usize| is_in(HARM_VERBS, self.l(q));
        if p.is_some_and(harm) || harm_at.is_some_and(|q| self.is_word(q) && harm(q)) {
            return Some(self.found(start, end, FigureKind::Count, Some(value), "people"));
        }
        // "6 dead", "all six aboard".
        if self.is_word(k) && is_in(PEOPLE_PREDICATES, self.l(k)) && self.joined(k) {
            return Some(self.found(start, k, FigureKind::Count, Some(value), "people"));
        }
        // "14 of its 22 nuclear reactors"
        if self.word_is(k, "of") && core.int {
            let mut m = k + 1;
            while self.is_word(m) && is_in(DETERMINERS, self.l(m)) {
                m += 1;
            }
            let mut np_at = m;
            if let Some(c2) = self.core(m, false) {
                np_at = c2.last + 1;
            }
            if let Some((_, unit)) = self.counted_np(np_at) {
                return Some(self.found(start, end, FigureKind::Count, Some(value), unit));
            }
        }
        // "Attendance 70073"
        if let Some(p) = p {
            if let Some((_, unit)) = COUNT_LABELS.iter().find(|(l, _)| *l == self.l(p)) {
                if self.is_word(p) {
                    return Some(self.found(p, end, FigureKind::Count, Some(value), *unit));
                }
            }
        }
        // An index level: "to a level of 10,520", "closed at 10,520".
        if !core.words
            && (pw == "of" && p.is_some_and(|p| p > 0 && self.word_is(p - 1, "level"))
                || (pw == "at"
                    && p.is_some_and(|p| {
                        p > 0
                            && matches!(
                                self.l(p - 1),
                                "closed" | "close" | "ended" | "finished" | "stood" | "opened"
                            )
                    })))
        {
            let unit = if self.mentions_points { "points" } else { "" };
            return Some(self.found(start, end, FigureKind::Quantity, Some(value), unit));
        }
        // Appositive ages: "Thomas Sam, 42, and"; "(42)" after a name.
        if !core.words && core.int && value >= 1.0 && value <= 120.0 {
            if let Some(p) = p {
                let closes = |m: usize| {
                    self.is_sym(m, ",")
                        || self.is_sym(m, ")")
                        || self.is_sym(m, ";")
                        || self.is_sym(m, ".")
                        || m >= self.n()
                };
                if self.is_sym(p, ",")
                    && p > 0
                    && self.capitalized(p - 1)
                    && !self.is_month(p - 1)
                    && !lexicon::is_weekday(self.l(p - 1))
                    && closes(k)
                {
                    return Some(self.found(start, end, FigureKind::Age, Some(value), "years"));
                }
                if self.is_sym(p, "(") && self.is_sym(k, ")") && p > 0 && self.capitalized(p - 1) {
                    let label = self.l(p - 1);
                    if matches!(label, "yellow" | "red") {
                        return Some(self.found(
                            p - 1,
                            k,
                            FigureKind::Count,
                            Some(value),
                            format!("{label} cards"),
                        ));
                    }
                    if self.sports {
                        return Some(self.found(
                            p - 1,
                            k,
                            FigureKind::Other,
                            Some(value),
                            "minute",
                        ));
                    }
                    return Some(self.found(start, end, FigureKind::Age, Some(value), "years"));
                }
            }
        }
        // A scaled number stands on its own: "sold 2 million last year".
        if core.scale >= 1000.0 {
            return Some(self.found(start, end, FigureKind::Count, Some(value), ""));
        }
        // A qualified bare number: "as many as 80,000", "about 300".
        if qualified && !core.ordinal {
            let unit = if self.word_is(k, "in") && self.word_is(k + 1, "attendance") {
                "people"
            } else {
                ""
            };
            return Some(self.found(start, end, FigureKind::Count, Some(value), unit));
        }
        None
    }
}
