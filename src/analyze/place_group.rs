//! One entity per place: the mentions the place rules found are grouped by gazetteer
//! entry or by their lower-cased words, named by the article's fullest form (or the
//! gazetteer's name for an initialism or a dateline's capitals); a place that only
//! modifies ("U.S. officials") everywhere is left out.

use super::gazetteer::PLACES;
use super::proper_nouns;
use crate::model::{Document, NamedEntity, Span};

/// One place mention the rules found.
pub(super) struct Found {
    pub span: Span,
    /// Its gazetteer entry, when it is a listed form.
    pub entry: Option<usize>,
    /// Whether it names the place (not an abbreviation used as a modifier).
    pub strong: bool,
}

/// An initialism such as "U.S.", "US", "UK".
pub(super) fn is_abbreviation(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=4).contains(&letters) && s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Whether a surface form should give way to the gazetteer's name: initialisms written
/// with dots or that read as an English word ("U.S.", "US" = "us"), lower-case forms
/// ("the States") and a dateline's capitals ("NEW YORK").
fn prefer_canonical(surface: &str) -> bool {
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    !surface.chars().next().is_some_and(|c| c.is_uppercase())
        || (letters > 3 && !surface.chars().any(char::is_lowercase))
        || (is_abbreviation(surface)
            && (surface.contains('.') || proper_nouns::is_stopword(&surface.to_lowercase())))
}

/// The places of the article, one per entry or name, in order of first mention.
pub(super) fn group(doc: &Document, found: Vec<Found>) -> Vec<NamedEntity> {
    // Key to index in `out`: one probe per mention, not a scan of every key. A
    // gazetteer entry, or the lower-cased name of a place found otherwise.
    #[derive(PartialEq, Eq, Hash)]
    enum Key {
        Entry(usize),
        Name(String),
    }
    let mut keys: foldhash::HashMap<Key, usize> = Default::default();
    let mut strong: Vec<bool> = Vec::new();
    let mut out: Vec<NamedEntity> = Vec::new();
    for f in found {
        let surface = doc.slice(f.span).to_string();
        let key = match f.entry {
            Some(e) => Key::Entry(e),
            None => Key::Name(surface.to_lowercase()),
        };
        let i = match keys.get(&key) {
            Some(&i) => i,
            None => {
                keys.insert(key, out.len());
                strong.push(false);
                let name = match f.entry {
                    Some(e) if prefer_canonical(&surface) => PLACES.canonical[e].clone(),
                    _ => surface.clone(),
                };
                out.push(NamedEntity {
                    name,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    rules: Default::default(),
                });
                out.len() - 1
            }
        };
        strong[i] |= f.strong;
        let e = &mut out[i];
        e.mentions.push(f.span);
        // A longer form, or the article's mixed-case form of a dateline's "SPRINGFIELD".
        let shouted = !e.name.chars().any(char::is_lowercase);
        let better = !prefer_canonical(&surface)
            && (surface.chars().count() > e.name.chars().count()
                || (shouted && surface.chars().any(char::is_lowercase)));
        if better {
            let old = std::mem::replace(&mut e.name, surface);
            if !e.aliases.contains(&old) {
                e.aliases.push(old);
            }
        } else if surface != e.name && !e.aliases.contains(&surface) {
            e.aliases.push(surface);
        }
    }
    out.into_iter()
        .zip(strong)
        .filter(|(_, s)| *s)
        .map(|(e, _)| e)
        .collect()
}
