//! Rule vocabularies for people and quotes, compiled into the binary from `data/`
//! (speech verbs, honorifics, first names, family names, role nouns, group speakers)
//! plus the word-class tables (function words, and the negative evidence — organization
//! head words, place words, non-name capitals — that keeps organizations and places out
//! of `people`), each a data file too. The word lists are one table that build.rs
//! makes (`lexicon::compiled::WORDS`, a bit per list); the speech verbs and honorifics
//! are parsed once into hash maps. Lookups are by lowercased word.

use crate::lexicon::{self, compiled};
use crate::text::case::with_lower;
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// How a speech or stance verb takes what is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// "X said (that) …", "…, X said".
    Clause,
    /// "X praised the driver …", "X accused China of …".
    Object,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeechVerb {
    pub class: VerbClass,
    /// The -ing form ("warning"), used in participle frames.
    pub gerund: bool,
    /// The bare or -s form is used as a present tense ("says", "warn").
    pub lemma_index: usize,
}

pub struct Lexicon {
    pub speech_verbs: HashMap<String, SpeechVerb>,
    pub lemmas: Vec<String>,
    pub honorifics: HashMap<String, Gender>,
    /// Which (first letter, last letter, length) an ASCII speech verb form can have:
    /// most words of a text fail it and skip the hash probe (see [`ShapeFilter`]).
    verb_shapes: ShapeFilter,
}

/// A filter over the shape of short ASCII words: a bit per (first letter, last letter,
/// byte length), set for every word of a list. A word whose shape has no bit is in no
/// list entry; any other word (longer, non-ASCII, or a shape some entry has) must be
/// looked up. Lists with an entry the filter cannot describe pass every word.
struct ShapeFilter {
    /// Length bits by `slot(first) * SLOTS + slot(last)`.
    bits: Vec<u64>,
    exact: bool,
}

impl ShapeFilter {
    /// Letters a..z, and one slot for every other byte.
    const SLOTS: usize = 27;

    fn slot(b: u8) -> usize {
        let l = b.to_ascii_lowercase();
        if l.is_ascii_lowercase() {
            (l - b'a') as usize
        } else {
            26
        }
    }

    fn index(w: &[u8]) -> usize {
        Self::slot(w[0]) * Self::SLOTS + Self::slot(w[w.len() - 1])
    }

    fn new<'s>(entries: impl Iterator<Item = &'s str>) -> ShapeFilter {
        let mut f = ShapeFilter {
            bits: vec![0; Self::SLOTS * Self::SLOTS],
            exact: true,
        };
        for e in entries {
            if e.is_empty() || e.len() >= 64 || !e.is_ascii() {
                f.exact = false;
                continue;
            }
            let b = e.as_bytes();
            f.bits[Self::index(b)] |= 1 << b.len();
        }
        f
    }

    /// False only when no entry can equal `word` lower-cased.
    fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        // Lower-casing an ASCII word keeps its length and its bytes' slots; any other
        // word is left to the full lookup.
        if !self.exact || b.is_empty() || b.len() >= 64 || !word.is_ascii() {
            return true;
        }
        self.bits[Self::index(b)] & (1 << b.len()) != 0
    }
}

/// The bits (`compiled::*`) of the word lists a word is in, from the word table
/// build.rs makes (names, role nouns, group heads and the class lists): one probe, no
/// start-up cost.
pub(crate) fn lists(word: &str) -> u32 {
    // The common case, a short ASCII word, is lower-cased into a buffer and probed as
    // bytes (no UTF-8 check of the copy).
    const SHORT: usize = 48;
    let b = word.as_bytes();
    if b.len() <= SHORT && word.is_ascii() {
        if !b.iter().any(u8::is_ascii_uppercase) {
            return compiled::WORDS.get_bytes(b);
        }
        let mut buf = [0u8; SHORT];
        for (to, c) in buf.iter_mut().zip(b) {
            *to = c.to_ascii_lowercase();
        }
        return compiled::WORDS.get_bytes(&buf[..b.len()]);
    }
    with_lower(word, |w| compiled::WORDS.get(w))
}

pub static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Lexicon {
        let mut speech_verbs = HashMap::new();
        let mut lemmas = Vec::new();
        for entry in lexicon::SPEECH_VERBS.entries() {
            let class = match entry.field(0) {
                "object" => VerbClass::Object,
                _ => VerbClass::Clause,
            };
            let forms: Vec<&str> = entry.field(1).split_whitespace().collect();
            let Some(lemma) = forms.first() else { continue };
            let idx = lemmas.len();
            lemmas.push(lemma.to_string());
            for f in forms {
                let gerund = f.ends_with("ing") && f.len() > 4;
                // A form listed under both classes keeps the first (clause) reading.
                speech_verbs.entry(f.to_lowercase()).or_insert(SpeechVerb {
                    class,
                    gerund,
                    lemma_index: idx,
                });
            }
        }
        let honorifics = lexicon::HONORIFICS
            .entries()
            .map(|e| {
                let g = match e.field(1) {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => Gender::Unknown,
                };
                (e.field(0).to_lowercase(), g)
            })
            .collect();
        let verb_shapes = ShapeFilter::new(speech_verbs.keys().map(String::as_str));
        Lexicon {
            speech_verbs,
            lemmas,
            honorifics,
            verb_shapes,
        }
    }

    pub fn speech_verb(&self, word: &str) -> Option<SpeechVerb> {
        if !self.verb_shapes.may_hold(word) {
            return None;
        }
        with_lower(word, |w| self.speech_verbs.get(w).copied())
    }
    pub fn lemma(&self, v: SpeechVerb) -> &str {
        &self.lemmas[v.lemma_index]
    }
    pub fn honorific(&self, word: &str) -> Option<Gender> {
        with_lower(word, |w| self.honorifics.get(w).copied())
    }
    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        let l = lists(word);
        match (
            l & compiled::FIRST_NAMES_MALE != 0,
            l & compiled::FIRST_NAMES_FEMALE != 0,
        ) {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            (true, true) => Some(Gender::Unknown),
            _ => None,
        }
    }
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_name_gender(word).is_some()
    }
    pub fn is_east_asian_family(&self, word: &str) -> bool {
        lists(word) & compiled::FAMILY_NAMES_EAST_ASIAN != 0
    }
    pub fn is_role_noun(&self, word: &str) -> bool {
        // Lower-casing neither makes nor removes a final period: trim, then probe (a
        // second probe only when there was a period to trim).
        let trimmed = word.trim_end_matches('.');
        lists(word) & compiled::ROLE_NOUNS != 0
            || (trimmed.len() != word.len() && lists(trimmed) & compiled::ROLE_NOUNS != 0)
    }
    /// A noun naming a kind of person that is not a role noun ("host", "supporter",
    /// "nephew"): a role only where an article introduces it after a name.
    pub fn is_person_noun(&self, word: &str) -> bool {
        lists(word) & compiled::PERSON_NOUNS != 0
    }
    /// An ordinary English common noun or adjective that is no given name or US
    /// surname ("Electric", "Order", "Assembly"): one alone after a title is no name.
    pub fn is_common_word(&self, word: &str) -> bool {
        lists(word) & compiled::COMMON_WORDS != 0
    }
    pub fn is_group_head(&self, word: &str) -> bool {
        lists(word) & (compiled::GROUP_SPEAKERS | compiled::GROUP_SPEAKERS_WORDNET) != 0
    }
}

/// Closed-class words: never part of a name, and they end a backward noun-phrase walk.
pub const FUNCTION_WORDS: ClassTable = ClassTable::new(class::FUNCTION, lexicon::FUNCTION_WORDS);

pub fn is_function_word(word: &str) -> bool {
    contains(FUNCTION_WORDS, word)
}

/// Head words of organizations, facilities, works and events: a capitalised sequence
/// containing one of these is not a person's name.
pub const ORG_HEADS: ClassTable = ClassTable::new(class::ORG_HEAD, lexicon::NON_PERSON_HEADS);

/// Nationality adjectives, compass words and a few place words that often start a
/// capitalised sequence; negative evidence for names and stripped from name chunks.
/// Every one-word name in data/places.txt (generated from GeoNames) joins them in the
/// `class::PLACE` bit.
pub const PLACES: ClassTable = ClassTable::new(class::PLACE, lexicon::PLACE_WORDS);

/// Capitalised words that start sentences or name times, never a person.
pub const NON_NAME_CAPS: ClassTable = ClassTable::new(class::NON_NAME_CAP, lexicon::NON_NAME_CAPS);

/// A word list that is also a word class (`class::*`): membership is one probe of the
/// class map, and every class a word has comes from that same probe.
#[derive(Debug, Clone, Copy)]
pub struct ClassTable {
    pub class: u16,
    /// The data file listing the words (lower case, one a line).
    pub list: lexicon::List,
}

impl ClassTable {
    pub const fn new(class: u16, list: lexicon::List) -> ClassTable {
        ClassTable { class, list }
    }
}

/// A list [`contains`] can look a word up in: a plain list of lower-case words, or a
/// [`ClassTable`].
pub trait WordTable {
    fn has(&self, word: &str) -> bool;
}

impl WordTable for &'static [&'static str] {
    fn has(&self, word: &str) -> bool {
        // Length and first byte before the comparison: most entries differ in them.
        with_lower(word, |w| {
            let first = w.as_bytes().first();
            self.iter()
                .any(|x| x.len() == w.len() && x.as_bytes().first() == first && *x == w)
        })
    }
}

impl WordTable for ClassTable {
    fn has(&self, word: &str) -> bool {
        classes(word) & self.class != 0
    }
}

/// Case-insensitive membership; class tables are looked up in the class map, each by
/// its own class (the table says which), plain lists by a scan.
pub fn contains(table: impl WordTable, word: &str) -> bool {
    table.has(word)
}

/// The word classes below as bits: every table a word belongs to comes from one hash
/// probe, for the rules that ask several questions of the same word.
pub mod class {
    pub const FUNCTION: u16 = 1 << 0;
    pub const ORG_HEAD: u16 = 1 << 1;
    pub const PLACE: u16 = 1 << 2;
    pub const NON_NAME_CAP: u16 = 1 << 3;
    pub const ROLE_MODIFIER: u16 = 1 << 4;
    pub const HONORIFIC: u16 = 1 << 5;
    pub const ROLE_NOUN: u16 = 1 << 6;
    pub const FIRST_NAME: u16 = 1 << 7;
    pub const EAST_ASIAN_FAMILY: u16 = 1 << 8;
}

/// The class each indexed word list gives its words. The class tables' lists are the
/// first five; honorifics, role nouns, first names and East Asian family names add
/// their classes, and every one-word form in the places gazetteer (countries, states,
/// cities) is a place.
const CLASS_OF_LIST: [(u32, u16); 11] = [
    (compiled::FUNCTION_WORDS, class::FUNCTION),
    (compiled::NON_PERSON_HEADS, class::ORG_HEAD),
    (compiled::PLACE_WORDS, class::PLACE),
    (compiled::NON_NAME_CAPS, class::NON_NAME_CAP),
    (compiled::ROLE_MODIFIERS, class::ROLE_MODIFIER),
    (compiled::HONORIFICS, class::HONORIFIC),
    (compiled::ROLE_NOUNS, class::ROLE_NOUN),
    (compiled::FIRST_NAMES_MALE, class::FIRST_NAME),
    (compiled::FIRST_NAMES_FEMALE, class::FIRST_NAME),
    (compiled::FAMILY_NAMES_EAST_ASIAN, class::EAST_ASIAN_FAMILY),
    (compiled::PLACES, class::PLACE),
];

/// The classes (`class::*` bits) of a word, case-insensitively.
pub fn classes(word: &str) -> u16 {
    classes_of(lists(word))
}

/// The classes (`class::*` bits) of a word in the lists `l` ([`lists`] bits).
pub fn classes_of(l: u32) -> u16 {
    if l == 0 {
        return 0;
    }
    CLASS_OF_LIST
        .iter()
        .filter(|(list, _)| l & list != 0)
        .fold(0, |c, (_, class)| c | class)
}

/// Modifiers that may stand inside a role before its noun ("former deputy prime minister").
pub const ROLE_MODIFIERS: ClassTable =
    ClassTable::new(class::ROLE_MODIFIER, lexicon::ROLE_MODIFIERS);

pub const PRONOUNS_SINGULAR_MALE: &[&str] = &["he", "him", "his"];
pub const PRONOUNS_SINGULAR_FEMALE: &[&str] = &["she", "her", "hers"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_filter_passes_every_speech_verb_in_any_case() {
        for form in LEX.speech_verbs.keys() {
            assert!(LEX.verb_shapes.may_hold(form), "{form}");
            assert!(LEX.speech_verb(&form.to_uppercase()).is_some(), "{form}");
            assert!(
                LEX.speech_verb(&crate::text::case::capitalize(form))
                    .is_some()
            );
        }
        // Shapes no verb has are answered without a lookup, and only those.
        for w in ["the", "of", "Zzzz", "x", "", "émile", "Said", "SAYS"] {
            let found = with_lower(w, |l| LEX.speech_verbs.contains_key(l));
            assert!(LEX.verb_shapes.may_hold(w) || !found, "{w}");
            assert_eq!(LEX.speech_verb(w).is_some(), found, "{w}");
        }
    }
}
