//! Organization names known by their shape rather than a listed head word: an advocacy
//! group named for its members and its cause ("Hikers for Clean Rivers", "Parents
//! Against Noise"), and an office named after the officer who runs it ("the Lake County
//! Coroner's Office", "the Dalton Marshal's office").

use super::gazetteer::is_title;
use super::people::lexicon::LEX;
use super::proper_nouns::Chunk;
use crate::model::{Document, Span};

/// The words joining members to a cause in a group's name.
const CAUSE_LINKS: &[&str] = &["for", "Against", "Without", "United"];

/// Whether a word is a plural naming a kind of person: "Hikers", "Taxpayers",
/// "Americans", "Nurses" (person, role or group nouns of the generated lists, or a
/// nationality).
fn plural_of_people(word: &str) -> bool {
    let lower = word.to_lowercase();
    let singular = lower
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| lower.strip_suffix('s').map(str::to_string));
    let Some(singular) = singular else {
        return false;
    };
    word.starts_with(char::is_uppercase)
        && (LEX.is_person_noun(&singular)
            || LEX.is_role_noun(&singular)
            || LEX.is_group_head(&singular)
            || super::gazetteer::is_place_word(&singular))
}

/// "Hikers for Clean Rivers", "Young Taxpayers for Sound Budgets", "Parents Against
/// Noise": capitalized words ending in a plural of people, a linking word, and a
/// capitalized cause. The members alone ("Hikers") or a cause alone are no name.
pub(crate) fn advocacy_name(doc: &Document, chunk: &Chunk) -> bool {
    let n = chunk.words.len();
    let word = |i: usize| doc.slice(chunk.words[i]);
    (1..n.saturating_sub(1)).any(|i| {
        CAUSE_LINKS.contains(&word(i))
            && plural_of_people(word(i - 1))
            && (0..i).all(|k| word(k).starts_with(char::is_uppercase))
            && word(i + 1).starts_with(char::is_uppercase)
            // "Strategists for Jane Roe", "Workers for Acme": after "for", a cause is
            // an ordinary word ("Prosperity"), not the person or company served.
            && (matches!(word(i), "Against" | "Without") || LEX.is_common_word(word(i + 1)))
            && !is_title(word(i - 1))
    })
}

/// The nouns naming an officer's office after a possessive ("Coroner's Office").
const OFFICE_NOUNS: &[&str] = &["Office", "office", "Department", "department"];

/// Offices named after their officer: "the Lake County Coroner's Office", "the Dalton
/// Marshal's office". The officer is a role noun; with a lower-case "office" a name
/// before the role must say whose ("the Marshal's office" alone is a room). Returns the
/// spans, from the first capitalized word to the office noun.
pub(crate) fn officer_offices(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    for (at, apostrophe) in apostrophes(&doc.text) {
        let after = &doc.text[at + apostrophe..];
        let Some(rest) = after.strip_prefix("s ") else {
            continue;
        };
        let Some(&noun) = OFFICE_NOUNS.iter().find(|n| {
            rest.starts_with(**n)
                && !rest[n.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        }) else {
            continue;
        };
        let words = capitalized_run_before(doc, at);
        let Some(&(role_start, _)) = words.last() else {
            continue;
        };
        if !LEX.is_role_noun(&doc.text[role_start..at]) {
            continue;
        }
        let named = words.len() > 1;
        if !named && noun.starts_with(char::is_lowercase) {
            continue;
        }
        let start = words[0].0;
        let end = at + apostrophe + 2 + noun.len();
        out.push(Span::new(start, end));
    }
    out
}

/// Where each apostrophe (`'` or `’`) of `text` starts, and its length in bytes: a byte
/// search for the two bytes they start with, not a decoding of every character.
fn apostrophes(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = memchr::memchr2(b'\'', 0xE2, &b[from..]) {
            let at = from + i;
            from = at + 1;
            if b[at] == b'\'' {
                return Some((at, 1));
            }
            if b[at + 1..].starts_with(&[0x80, 0x99]) {
                from = at + 3;
                return Some((at, 3));
            }
        }
        None
    })
}

/// The capitalized words right before byte `at`, in order (start, end), stopping at a
/// sentence break, a lower-case word, "The" or a title abbreviation; at most five.
fn capitalized_run_before(doc: &Document, at: usize) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut end = at;
    while words.len() < 5 {
        let head = &doc.text[..end];
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let w = &doc.text[start..end];
        if w.is_empty()
            || !w.starts_with(char::is_uppercase)
            || w == "The"
            || w.ends_with('.')
            || (is_title(w) && !words.is_empty())
        {
            break;
        }
        words.push((start, end));
        // Only a single space joins the words of one name.
        if start == 0 || &doc.text[start - 1..start] != " " {
            break;
        }
        end = start - 1;
    }
    words.reverse();
    words
}
