//! Every word list under `data/`, by name, in one format: one entry a line, fields
//! separated by `|`, `#` comments, and a header naming the list's source and licence
//! (and the script that made it, for a generated list). See `data/README.md`.
//!
//! A stage reads a list through its named constant (`lexicon::HONORIFICS.entries()`),
//! never by file name, and builds whatever typed table it needs from the entries. Each
//! list declares its shape (how many fields, which values a field may take), and
//! [`List::check`] reports every line that does not fit — `tests/lexicon.rs` runs it on
//! every list, so a bad line fails the tests instead of being dropped in silence.
//!
//! This module sits below every other one (ingest, text and analyze all read lists), so
//! it imports nothing from the crate.

pub mod tables;

/// The tables `build.rs` makes from the data files (see [`tables`]): the word table
/// with one bit per list (`compiled::FIRST_NAMES_MALE`, …) and the gazetteer tries.
pub mod compiled {
    include!(concat!(env!("OUT_DIR"), "/word_lists.rs"));

    /// Every word of the lists `build.rs` indexes, to the bits of the lists it is in.
    pub static WORDS: super::tables::WordTable<'static> =
        super::tables::WordTable::new(include_bytes!(concat!(env!("OUT_DIR"), "/words.bin")));
    /// data/places.txt as a trie (see `tables::gazetteer_trie`).
    pub static PLACES_TRIE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.trie"));
    /// data/organizations.txt as a trie.
    pub static ORGANIZATIONS_TRIE: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/organizations.trie"));
    /// data/places.txt's forms as a word table (see `tables::gazetteer_forms`).
    pub static PLACES_FORMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.forms"));
    /// data/organizations.txt's forms as a word table.
    pub static ORGANIZATIONS_FORMS: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/organizations.forms"));
}

/// What every entry of a list must look like.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Fewest and most `|`-separated fields an entry may have.
    pub fields: (usize, usize),
    /// For some fields, the only values they may take: (field index, values).
    pub values: &'static [(usize, &'static [&'static str])],
    /// A field that must parse as a number, if any.
    pub number: Option<usize>,
    /// Whether `|` separates fields; `false` for lists whose entries are whole lines
    /// that may contain `|` (regular expressions).
    pub split: bool,
}

impl Shape {
    /// One word or phrase a line.
    pub const WORD: Shape = Shape {
        fields: (1, 1),
        values: &[],
        number: None,
        split: true,
    };
    /// One whole line an entry (a regular expression, which may hold `|`).
    pub const LINE: Shape = Shape {
        split: false,
        ..Shape::WORD
    };
    /// A gazetteer line: a canonical form and its aliases.
    pub const NAMES: Shape = Shape {
        fields: (1, 64),
        values: &[],
        number: None,
        split: true,
    };
}

/// One word list: a file under `data/`, compiled in.
#[derive(Debug, Clone, Copy)]
pub struct List {
    /// File name under `data/`.
    pub file: &'static str,
    pub text: &'static str,
    pub shape: Shape,
}

/// One entry: its 1-based line number and its fields, trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub line: usize,
    pub fields: Vec<&'static str>,
}

impl Entry {
    /// Field `i`, or "" when the entry has fewer fields.
    pub fn field(&self, i: usize) -> &'static str {
        self.fields.get(i).copied().unwrap_or("")
    }
}

/// A line of a list that does not fit its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The header of a list: `# source:`, `# licence:` and `# generated-by:` lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub source: Option<&'static str>,
    pub licence: Option<&'static str>,
    pub generated_by: Option<&'static str>,
}

impl List {
    /// The entries, in file order (comments and blank lines skipped).
    pub fn entries(&self) -> impl Iterator<Item = Entry> + 'static {
        let split = self.shape.split;
        self.text.lines().enumerate().filter_map(move |(i, raw)| {
            let line = raw.trim();
            (!line.is_empty() && !line.starts_with('#')).then(|| Entry {
                line: i + 1,
                fields: if split {
                    line.split('|').map(str::trim).collect()
                } else {
                    vec![line]
                },
            })
        })
    }

    /// The first field of every entry (the word, or a gazetteer's canonical form).
    pub fn words(&self) -> impl Iterator<Item = &'static str> + 'static {
        self.entries().map(|e| e.field(0))
    }

    /// The header lines at the top of the file.
    pub fn header(&self) -> Header {
        let mut h = Header::default();
        for line in self.text.lines().map(str::trim) {
            let Some(comment) = line.strip_prefix('#') else {
                if line.is_empty() {
                    continue;
                }
                break;
            };
            let comment = comment.trim();
            if let Some(v) = comment.strip_prefix("source:") {
                h.source = Some(v.trim());
            } else if let Some(v) = comment.strip_prefix("licence:") {
                h.licence = Some(v.trim());
            } else if let Some(v) = comment.strip_prefix("generated-by:") {
                h.generated_by = Some(v.trim());
            }
        }
        h
    }

    /// Every problem with the list: a missing header line, and every entry that does not
    /// fit the list's shape.
    pub fn check(&self) -> Vec<LineError> {
        let mut errors = Vec::new();
        let err = |line, message: String| LineError {
            file: self.file,
            line,
            message,
        };
        let h = self.header();
        if h.source.is_none_or(str::is_empty) {
            errors.push(err(1, "no `# source:` line in the header".into()));
        }
        if h.licence.is_none_or(str::is_empty) {
            errors.push(err(1, "no `# licence:` line in the header".into()));
        }
        let (min, max) = self.shape.fields;
        for e in self.entries() {
            let n = e.fields.len();
            if n < min || n > max {
                let want = if min == max {
                    format!("{min}")
                } else {
                    format!("{min} to {max}")
                };
                errors.push(err(e.line, format!("{n} fields, expected {want}")));
                continue;
            }
            if let Some(i) = e.fields.iter().position(|f| f.is_empty()) {
                errors.push(err(e.line, format!("field {} is empty", i + 1)));
            }
            for (i, allowed) in self.shape.values {
                if let Some(v) = e.fields.get(*i)
                    && !allowed.contains(v)
                {
                    errors.push(err(
                        e.line,
                        format!("field {} is {v:?}, expected one of {allowed:?}", i + 1),
                    ));
                }
            }
            if let Some(i) = self.shape.number
                && e.fields.get(i).is_some_and(|v| v.parse::<f64>().is_err())
            {
                errors.push(err(e.line, format!("field {} is not a number", i + 1)));
            }
        }
        errors
    }
}

/// Month names and the abbreviations news text writes (without their period), as
/// written, with their numbers: the one definition of the months every stage reads.
/// The twelve full names come first, in calendar order.
pub const MONTHS: &[(&str, u32)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sept", 9),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `word` is a month name or abbreviation ([`MONTHS`]), in any case.
pub fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|(m, _)| m.eq_ignore_ascii_case(word))
}

/// Whether `word` is a weekday name ([`WEEKDAYS`]), in any case.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

macro_rules! lists {
    ($( $(#[$doc:meta])* $id:ident = $file:literal, $shape:expr; )*) => {
        $(
            $(#[$doc])*
            pub const $id: List = List {
                file: $file,
                text: include_str!(concat!("../data/", $file)),
                shape: $shape,
            };
        )*
        /// Every list, for the tests.
        pub const ALL: &[(&str, List)] = &[ $( (stringify!($id), $id), )* ];
    };
}

lists! {
    /// Question-word synonyms from WordNet, `stem: stem stem…` (ask).
    ASK_SYNONYMS = "ask_synonyms.txt", Shape::LINE;
    /// Hand-kept groups of news wording, `stem stem…` a line (ask).
    ASK_SYNONYMS_NEWS = "ask_synonyms_news.txt", Shape::LINE;
    /// Abbreviations ending in a period, `abbreviation|class` (sentence splitter).
    ABBREVIATIONS = "abbreviations.txt", Shape {
        fields: (2, 2),
        values: &[(1, &["title", "inner", "number", "time", "end"])],
        number: None,
        split: true,
    };
    /// Words that commonly open a news sentence (sentence splitter).
    SENTENCE_STARTERS = "sentence_starters.txt", Shape::WORD;
    /// English function words (proper nouns, search terms).
    STOPWORDS = "stopwords.txt", Shape::WORD;
    /// Regular expressions matching whole page-furniture lines (ingest).
    FURNITURE = "furniture.txt", Shape::LINE;
    /// Speech and stance verbs: `class|lemma and inflections`.
    SPEECH_VERBS = "speech_verbs.txt", Shape {
        fields: (2, 2),
        values: &[(0, &["clause", "object"])],
        number: None,
        split: true,
    };
    /// Head nouns of groups that can be a statement's source.
    GROUP_SPEAKERS = "group_speakers.txt", Shape::WORD;
    /// Nouns naming people or groups of people, generated from WordNet 3.0 (quotes).
    GROUP_SPEAKERS_WORDNET = "group_speakers_wordnet.txt", Shape::WORD;
    /// Honorifics with the gender they imply: `honorific|m/f/-`.
    HONORIFICS = "honorifics.txt", Shape {
        fields: (2, 2),
        values: &[(1, &["m", "f", "-"])],
        number: None,
        split: true,
    };
    /// Nouns naming a role, office or occupation.
    ROLE_NOUNS = "role_nouns.txt", Shape::WORD;
    /// Nouns naming a kind of person (WordNet noun.person), heads of appositive roles.
    PERSON_NOUNS = "person_nouns.txt", Shape::WORD;
    /// Common nouns and adjectives that are no given name or surname, from WordNet 3.0 (people).
    COMMON_WORDS = "common_words.txt", Shape::WORD;
    /// Given names (male).
    FIRST_NAMES_MALE = "first_names_male.txt", Shape::WORD;
    /// Given names (female).
    FIRST_NAMES_FEMALE = "first_names_female.txt", Shape::WORD;
    /// Chinese, Korean and Vietnamese family names.
    FAMILY_NAMES_EAST_ASIAN = "family_names_east_asian.txt", Shape::WORD;
    /// Places gazetteer: `Canonical|alias|…` (`# --- Section` comments group entries).
    PLACES = "places.txt", Shape::NAMES;
    /// Final words that make a name a place.
    PLACE_HEADS = "place_heads.txt", Shape::WORD;
    /// Organizations gazetteer: `Canonical|alias|…`.
    ORGANIZATIONS = "organizations.txt", Shape::NAMES;
    /// Final words that make a name an organization.
    ORG_HEADS = "org_heads.txt", Shape::WORD;
    /// Closed-class words, never part of a personal name (people).
    FUNCTION_WORDS = "function_words.txt", Shape::WORD;
    /// Head words of organizations, facilities, works and events: not a personal name (people).
    NON_PERSON_HEADS = "non_person_heads.txt", Shape::WORD;
    /// Nationality adjectives, compass and place words: negative evidence for names (people).
    PLACE_WORDS = "place_words.txt", Shape::WORD;
    /// Capitalised words that start sentences or name times, never a person (people).
    NON_NAME_CAPS = "non_name_caps.txt", Shape::WORD;
    /// Modifiers that may stand inside a role before its noun (people).
    ROLE_MODIFIERS = "role_modifiers.txt", Shape::WORD;
    /// English names of languages, generated from Faker's ISO 639 list (places, organizations).
    LANGUAGES = "languages.txt", Shape::WORD;
    /// Adverbs that open a sentence before a comma ("Recently,"), from WordNet 3.0 (places).
    ADVERBS = "adverbs.txt", Shape::WORD;
    /// Number words: `word|value|class`.
    NUMBER_WORDS = "number_words.txt", Shape {
        fields: (3, 3),
        values: &[(2, &["unit", "tens", "hundred", "scale", "abbr", "dozen", "ordinal", "fraction"])],
        number: Some(1),
        split: true,
    };
    /// Currency forms: `form|ISO code|position`.
    CURRENCIES = "currencies.txt", Shape {
        fields: (3, 3),
        values: &[(2, &["symbol", "code", "word", "minor"])],
        number: None,
        split: true,
    };
    /// Currency forms generated from quantulum3 (read after `CURRENCIES`, which wins).
    CURRENCIES_QUANTULUM3 = "currencies_quantulum3.txt", Shape {
        fields: (3, 3),
        values: &[(2, &["symbol", "code", "word", "minor"])],
        number: None,
        split: true,
    };
    /// Units generated from quantulum3 (read after `UNITS`, which wins).
    UNITS_QUANTULUM3 = "units_quantulum3.txt", Shape {
        fields: (3, 3),
        values: &[(2, &["quantity", "duration", "count", "percent", "furniture"])],
        number: None,
        split: true,
    };
    /// Hand-kept place short forms, regions and seas: the input `scripts/gen_vocab.py`
    /// puts first in `places.txt` (read by the script, not by the engine).
    PLACE_ALIASES = "place_aliases.txt", Shape::NAMES;
    /// Units: `surface form|unit reported|kind`.
    UNITS = "units.txt", Shape {
        fields: (3, 3),
        values: &[(2, &["quantity", "duration", "count", "percent", "furniture"])],
        number: None,
        split: true,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAD: List = List {
        file: "bad.txt",
        text: "# source: a test\n# licence: MIT\none|1|unit\ntwo|x|unit\nthree|3|lots\nfour|4\n",
        shape: Shape {
            fields: (3, 3),
            values: &[(2, &["unit"])],
            number: Some(1),
            split: true,
        },
    };

    #[test]
    fn bad_lines_are_reported_with_their_line_numbers() {
        let lines: Vec<usize> = BAD.check().iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 5, 6]);
        assert_eq!(BAD.entries().count(), 4);
        assert_eq!(BAD.header().licence, Some("MIT"));
    }

    #[test]
    fn a_list_without_a_header_is_an_error() {
        let l = List {
            text: "one|1|unit\n",
            ..BAD
        };
        assert_eq!(l.check().len(), 2);
    }
}
