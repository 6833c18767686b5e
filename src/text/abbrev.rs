//! Abbreviations and word shapes that decide whether a period ends a sentence:
//! the classes of `data/abbreviations.txt`, the sentence starters of
//! `data/sentence_starters.txt`, dotted acronyms ("U.S.") and initials ("J.").

use super::case::with_lower;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

/// How an abbreviation behaves before the next word (see data/abbreviations.txt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    Title,
    Inner,
    Number,
    Time,
    End,
}

pub(crate) struct Lexicon {
    exact: HashMap<&'static str, AbbrevClass>,
    /// All-lowercase entries, matched case-insensitively.
    folded: HashMap<String, AbbrevClass>,
    starters: HashSet<&'static str>,
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut exact = HashMap::new();
    let mut folded = HashMap::new();
    for entry in crate::lexicon::ABBREVIATIONS.entries() {
        let (word, class) = (entry.field(0), entry.field(1));
        let class = match class {
            "title" => AbbrevClass::Title,
            "inner" => AbbrevClass::Inner,
            "number" => AbbrevClass::Number,
            "time" => AbbrevClass::Time,
            _ => AbbrevClass::End,
        };
        exact.insert(word, class);
        if word.chars().all(|c| !c.is_uppercase()) {
            folded.insert(word.to_lowercase(), class);
        }
    }
    let starters = crate::lexicon::SENTENCE_STARTERS.words().collect();
    Lexicon {
        exact,
        folded,
        starters,
    }
});

pub(crate) fn is_starter(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';', ':', '\'', '’']);
    let w = w.split(['\'', '’']).next().unwrap_or(w);
    LEXICON.starters.contains(w)
}

/// "U.S.", "a.m.", "F.B.I.": letters separated by periods, ending in one.
pub(crate) fn is_dotted_acronym(word: &str) -> bool {
    let core = match word.strip_suffix('.') {
        Some(c) => c,
        None => return false,
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

pub(crate) fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

pub(crate) fn abbreviation_class(word: &str) -> Option<AbbrevClass> {
    if let Some(&c) = LEXICON.exact.get(word) {
        return Some(c);
    }
    // "Approx." at a sentence start, not "No." vs "no." (those are exact entries).
    if word.chars().any(char::is_uppercase)
        && let Some(c) = with_lower(word, |lower| LEXICON.folded.get(lower).copied())
    {
        return Some(c);
    }
    None
}
