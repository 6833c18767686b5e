//! The vocabularies the figures grammar reads: number words, currencies, units and the
//! small closed word classes (qualifiers, months, stop words). The open tables live in
//! `data/*.txt` so a reader finds every rule's vocabulary in one place; they are parsed
//! once, on first use.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// What a number word contributes to the value it is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// zero … nineteen
    Unit,
    /// twenty … ninety
    Tens,
    Hundred,
    /// thousand, million, … (multiplies everything before it)
    Scale,
    /// bn, m, k, … (only after a numeral)
    Abbr,
    Dozen,
    Ordinal,
    /// half, third(s), quarter(s): the denominator of a spelled fraction
    Fraction,
}

#[derive(Debug, Clone, Copy)]
pub struct NumberWord {
    pub value: f64,
    pub class: WordClass,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrencyPosition {
    Symbol,
    Code,
    Word,
    Minor,
}

#[derive(Debug, Clone, Copy)]
pub struct Currency {
    /// ISO code, or "$" for "the article's dollar".
    pub code: &'static str,
    pub position: CurrencyPosition,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Quantity,
    Duration,
    Count,
    Percent,
    Furniture,
}

#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub name: &'static str,
    pub kind: UnitKind,
}

pub struct Lexicon {
    /// Keyed by lowercase word; a word may have two readings ("third": ordinal, fraction).
    pub number_words: HashMap<&'static str, Vec<NumberWord>>,
    /// The first bytes and lengths of `number_words`' keys, to rule most words out
    /// before the map is asked ([`Lexicon::is_number_word`]).
    number_word_shapes: WordFilter,
    /// Keyed by the form as written (symbols and codes are case-sensitive).
    pub currencies: HashMap<&'static str, Currency>,
    /// Lowercase multiword currency names → currency, longest first when matching.
    pub currency_words: HashMap<String, Currency>,
    pub max_currency_words: usize,
    /// Lowercase unit surface forms (one to three words).
    pub units: HashMap<String, Unit>,
    /// Case-sensitive unit forms ("MW", "GB") that must not match lowercase words.
    pub units_exact: HashMap<&'static str, Unit>,
    pub max_unit_words: usize,
}

fn parse_number_words(list: crate::lexicon::List) -> HashMap<&'static str, Vec<NumberWord>> {
    let mut map: HashMap<&'static str, Vec<NumberWord>> = HashMap::new();
    for entry in list.entries() {
        let (word, value, class) = (entry.field(0), entry.field(1), entry.field(2));
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        let class = match class {
            "unit" => WordClass::Unit,
            "tens" => WordClass::Tens,
            "hundred" => WordClass::Hundred,
            "scale" => WordClass::Scale,
            "abbr" => WordClass::Abbr,
            "dozen" => WordClass::Dozen,
            "ordinal" => WordClass::Ordinal,
            "fraction" => WordClass::Fraction,
            _ => continue,
        };
        map.entry(word)
            .or_default()
            .push(NumberWord { value, class });
    }
    map
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let number_words = parse_number_words(crate::lexicon::NUMBER_WORDS);
    let mut currencies = HashMap::new();
    let mut currency_words = HashMap::new();
    let mut max_currency_words = 1;
    let currency_lines = crate::lexicon::CURRENCIES
        .text
        .lines()
        .chain(crate::lexicon::CURRENCIES_QUANTULUM3.text.lines());
    for line in currency_lines {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&'static str> = line.split('|').collect();
        if parts.len() != 3 {
            continue;
        }
        let position = match parts[2] {
            "symbol" => CurrencyPosition::Symbol,
            "code" => CurrencyPosition::Code,
            "word" => CurrencyPosition::Word,
            "minor" => CurrencyPosition::Minor,
            _ => continue,
        };
        let cur = Currency {
            code: parts[1],
            position,
        };
        match position {
            // The hand table comes first and wins over the generated one.
            CurrencyPosition::Symbol | CurrencyPosition::Code => {
                currencies.entry(parts[0]).or_insert(cur);
            }
            CurrencyPosition::Word | CurrencyPosition::Minor => {
                max_currency_words = max_currency_words.max(parts[0].split_whitespace().count());
                currency_words
                    .entry(normalize_phrase(parts[0]))
                    .or_insert(cur);
            }
        }
    }
    let mut units = HashMap::new();
    let mut units_exact = HashMap::new();
    let mut max_unit_words = 1;
    let unit_lines = crate::lexicon::UNITS
        .text
        .lines()
        .chain(crate::lexicon::UNITS_QUANTULUM3.text.lines());
    for line in unit_lines {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&'static str> = line.split('|').collect();
        if parts.len() != 3 {
            continue;
        }
        let kind = match parts[2] {
            "quantity" => UnitKind::Quantity,
            "duration" => UnitKind::Duration,
            "count" => UnitKind::Count,
            "percent" => UnitKind::Percent,
            "furniture" => UnitKind::Furniture,
            _ => continue,
        };
        let unit = Unit {
            name: parts[1],
            kind,
        };
        max_unit_words = max_unit_words.max(parts[0].split_whitespace().count());
        // Forms with capitals ("MW", "GB", "°C") are acronyms: match them exactly so
        // that "gb" or "mw" in running text is not a unit.
        if parts[0].chars().any(|c| c.is_ascii_uppercase()) && !parts[0].contains(' ') {
            units_exact.entry(parts[0]).or_insert(unit);
        } else {
            units.entry(normalize_phrase(parts[0])).or_insert(unit);
        }
    }
    Lexicon {
        number_word_shapes: WordFilter::of_words(number_words.keys().copied()),
        number_words,
        currencies,
        currency_words,
        max_currency_words,
        units,
        units_exact,
        max_unit_words,
    }
});

/// Lowercase, single-spaced.
pub fn normalize_phrase(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lexicon {
    /// Whether a lower-case word is one of `number_words`.
    #[inline]
    pub fn is_number_word(&self, lower: &str) -> bool {
        self.number_word_shapes.may_hold(lower) && self.number_words.contains_key(lower)
    }
    pub fn number_word(&self, lower: &str, class: WordClass) -> Option<f64> {
        self.number_words
            .get(lower)?
            .iter()
            .find(|w| w.class == class)
            .map(|w| w.value)
    }
    pub fn is_cardinal_word(&self, lower: &str) -> bool {
        self.number_words.get(lower).is_some_and(|v| {
            v.iter().any(|w| {
                matches!(
                    w.class,
                    WordClass::Unit
                        | WordClass::Tens
                        | WordClass::Hundred
                        | WordClass::Scale
                        | WordClass::Dozen
                )
            })
        })
    }
}

/// Words that put an approximation or bound on a figure, longest first.
pub const QUALIFIERS: &[&str] = &[
    "no more than",
    "no fewer than",
    "no less than",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "as high as",
    "as low as",
    "as long as",
    "in excess of",
    "upwards of",
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "at least",
    "at most",
    "up to",
    "close to",
    "just over",
    "just under",
    "well over",
    "well above",
    "well below",
    "an estimated",
    "the past",
    "the last",
    "the next",
    "the first",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "some",
    "over",
    "under",
    "below",
    "above",
    "estimated",
    "exactly",
    "precisely",
    "upward of",
];

/// Words after a number that make it a clock time or a time zone reading.
pub const TIME_MARKERS: &[&str] = &[
    "am", "pm", "gmt", "utc", "bst", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest",
    "jst", "ist", "aest", "aedt", "o'clock",
];

/// Nouns after which a number is an identifier, not an amount ("page 5", "Route 66").
pub const IDENTIFIER_NOUNS: &[&str] = &[
    "p",
    "pp",
    "page",
    "pages",
    "chapter",
    "section",
    "sections",
    "article",
    "articles",
    "clause",
    "paragraph",
    "para",
    "no",
    "nos",
    "number",
    "numbers",
    "room",
    "flight",
    "route",
    "highway",
    "interstate",
    "gate",
    "platform",
    "pad",
    "seat",
    "bus",
    "line",
    "apartment",
    "apt",
    "suite",
    "version",
    "v",
    "ver",
    "release",
    "build",
    "model",
    "series",
    "mark",
    "mk",
    "ward",
    "district",
    "precinct",
    "lot",
    "exit",
    "junction",
    "track",
    "channel",
    "phase",
    "episode",
    "season",
    "volume",
    "vol",
    "issue",
    "part",
    "act",
    "scene",
    "verse",
    "rule",
    "amendment",
    "resolution",
    "bill",
    "case",
    "code",
    "id",
    "ticket",
    "box",
    "unit",
    "level",
    "grade",
    "tier",
    "stage",
    "terminal",
    "pier",
    "berth",
    "hangar",
    "lane",
    "block",
    "sector",
    "zone",
    "region",
    "game",
    "match",
    "round",
    "week",
    "day",
    "year",
    "figure",
    "fig",
    "table",
    "item",
    "step",
    "class",
    "category",
    "type",
    "size",
    "division",
    "squad",
    "shirt",
    "jersey",
    "psalm",
    "ps",
    "vs",
];

/// Street words: a number before a capitalized name ending in one of these is an address.
pub const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "square",
    "sq",
    "court",
    "ct",
    "terrace",
    "crescent",
    "highway",
    "parkway",
    "close",
    "row",
    "walk",
    "gardens",
];

/// Words that end a counted noun phrase ("5 people *were* …", "22 reactors *as* …"):
/// function words, auxiliaries and common verbs and adverbs.
pub const NP_STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "without",
    "as",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "if",
    "because",
    "since",
    "until",
    "after",
    "before",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "around",
    "through",
    "between",
    "among",
    "against",
    "per",
    "each",
    "every",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "reported",
    "according",
    "not",
    "no",
    "also",
    "still",
    "now",
    "then",
    "there",
    "here",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "their",
    "them",
    "he",
    "his",
    "him",
    "she",
    "her",
    "we",
    "our",
    "us",
    "you",
    "your",
    "i",
    "my",
    "me",
    "all",
    "both",
    "either",
    "neither",
    "more",
    "most",
    "less",
    "least",
    "fewer",
    "many",
    "much",
    "some",
    "any",
    "another",
    "such",
    "same",
    "up",
    "down",
    "out",
    "off",
    "away",
    "back",
    "ago",
    "later",
    "earlier",
    "again",
    "already",
    "yet",
    "just",
    "only",
    "even",
    "too",
    "very",
    "times",
    "time",
    "apiece",
    "piece",
    "aboard",
    "onboard",
    "altogether",
    "total",
    "overall",
    "respectively",
    "instead",
    "ahead",
    "behind",
    "across",
    "along",
    "toward",
    "towards",
    "upon",
    "within",
    "during",
    "via",
    "like",
    "unlike",
    "including",
    "excluding",
    "remain",
    "remained",
    "remains",
    "went",
    "go",
    "goes",
    "came",
    "come",
    "comes",
    "got",
    "get",
    "gets",
    "made",
    "make",
    "makes",
    "took",
    "take",
    "takes",
    "gave",
    "give",
    "gives",
    "saw",
    "see",
    "sees",
    "left",
    "hit",
    "fell",
    "rose",
    "lost",
    "won",
    "killed",
    "died",
    "dead",
    "injured",
    "wounded",
    "missing",
    "arrested",
    "detained",
    "held",
    "became",
    "become",
    "becomes",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "percent",
    "cent",
    "what",
    "how",
    "why",
    "whether",
    "though",
    "although",
    "however",
    "yes",
    "ever",
    "never",
    "always",
    "often",
    "sometimes",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "ok",
];

/// Words after a bare number that say people are meant ("6 dead", "all six aboard").
pub const PEOPLE_PREDICATES: &[&str] = &[
    "dead",
    "killed",
    "injured",
    "wounded",
    "hurt",
    "missing",
    "aboard",
    "onboard",
    "arrested",
    "detained",
    "died",
    "survived",
    "evacuated",
    "displaced",
    "rescued",
    "hospitalised",
    "hospitalized",
];

/// Labels a bare number may follow in a stats line ("Attendance 70073"), with the unit.
pub const COUNT_LABELS: &[(&str, &str)] = &[
    ("attendance", "spectators"),
    ("crowd", "spectators"),
    ("spectators", "spectators"),
    ("population", "people"),
    ("turnout", "voters"),
    ("toll", "deaths"),
    ("deaths", "deaths"),
    ("casualties", "casualties"),
    ("injuries", "injuries"),
    ("votes", "votes"),
    ("yeas", "votes"),
    ("nays", "votes"),
];

/// Nouns after an ordinal that make it a rank ("fourth place").
pub const RANK_NOUNS: &[&str] = &[
    "place", "position", "spot", "seed", "rank", "ranking", "finish", "placed",
];

/// Words that mark a sports report (for "(20)" goal minutes and "2-1" scores).
pub const SPORTS_WORDS: &[&str] = &[
    "goal",
    "goals",
    "match",
    "halftime",
    "half-time",
    "scored",
    "scorer",
    "goalscorers",
    "penalty",
    "striker",
    "midfielder",
    "goalkeeper",
    "league",
    "cup",
    "innings",
    "wicket",
    "touchdown",
    "quarterback",
    "inning",
    "referee",
    "stadium",
];

pub fn is_in(list: &[&str], lower: &str) -> bool {
    list.contains(&lower)
}

/// The first bytes and lengths of a word list's entries, to rule a word out with one
/// load before the list is scanned: bit `len` (up to 31) of the entry for a first byte.
pub struct WordFilter([u32; 256]);

impl WordFilter {
    pub const fn of(list: &[&str]) -> WordFilter {
        let mut bits = [0u32; 256];
        let mut i = 0;
        while i < list.len() {
            let w = list[i].as_bytes();
            if !w.is_empty() {
                bits[w[0] as usize] |= 1 << Self::len_bit(w.len());
            }
            i += 1;
        }
        WordFilter(bits)
    }
    /// The filter of words known only at run time.
    pub fn of_words<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut bits = [0u32; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                bits[b as usize] |= 1 << Self::len_bit(w.len());
            }
        }
        WordFilter(bits)
    }
    const fn len_bit(len: usize) -> u32 {
        if len > 31 { 31 } else { len as u32 }
    }
    /// False when no entry has the word's first byte and length.
    #[inline]
    pub fn may_hold(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_none_or(|&b| self.0[b as usize] & (1 << Self::len_bit(word.len())) != 0)
    }
}
