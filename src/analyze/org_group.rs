//! One entity per organization: the mentions the organizations stage found are grouped
//! by gazetteer entry or words, a short name is folded into the longer one it starts
//! ("Virgin" / "Virgin Trains"), and an acronym into the name it abbreviates.

use super::gazetteer::{ORGS, PLACES, is_country_name};
use super::people::lexicon::{LEX, is_function_word};
use crate::model::{Document, NamedEntity, Span};
use foldhash::{HashMap, HashMapExt};

/// One entity per organization: the same gazetteer entry, the same words, or an
/// acronym of a longer name in the article.
pub(crate) fn group(doc: &Document, found: Vec<(String, Span)>) -> Vec<NamedEntity> {
    let mut out: Vec<NamedEntity> = Vec::new();
    let key = |s: &str| -> String {
        let s = s.strip_prefix("The ").unwrap_or(s);
        match ORGS.lookup(s) {
            Some(e) => format!("#{e}"),
            None => place_key(s).unwrap_or_else(|| s.to_lowercase()),
        }
    };
    let mut keys: HashMap<String, usize> = HashMap::new();
    for (name, span) in found {
        let k = key(&name);
        if let Some(&i) = keys.get(&k) {
            let e = &mut out[i];
            e.mentions.push(span);
            if name.len() > e.name.len() {
                let old = std::mem::replace(&mut e.name, name);
                e.aliases.push(old);
            } else if name != e.name && !e.aliases.contains(&name) {
                e.aliases.push(name);
            }
            continue;
        }
        keys.insert(k, out.len());
        out.push(NamedEntity {
            name,
            aliases: Vec::new(),
            mentions: vec![span],
            rules: Default::default(),
        });
    }
    // A one-word name that starts a longer one ("Virgin" / "Virgin Trains"), or a name
    // that a longer one extends with "of <place>", is the same organization.
    let mut i = 0;
    while i < out.len() {
        let short = out[i].name.as_str();
        let one_word = !short.contains(' ');
        // What a longer name has after the short one, if it starts with it.
        let target = (0..out.len()).find(|&j| {
            j != i
                && out[j].name.strip_prefix(short).is_some_and(|rest| {
                    (one_word && rest.starts_with(' ')) || rest.starts_with(" of ")
                })
        });
        if let Some(j) = target {
            fold_into(&mut out, i, j);
            continue;
        }
        i += 1;
    }
    fold_tails(doc, &mut out);
    // Acronyms of longer names become their aliases.
    let mut i = 0;
    while i < out.len() {
        let acronym = out[i].name.as_str();
        let letters = || acronym.chars().filter(|c| c.is_alphabetic());
        if acronym.len() <= 6
            && letters().all(|c| c.is_uppercase())
            && letters().map(char::len_utf8).sum::<usize>() >= 2
            && let Some(j) = (0..out.len()).find(|&j| {
                j != i && out[j].name.contains(' ') && initials_of(&out[j].name).eq(letters())
            })
        {
            fold_into(&mut out, i, j);
            continue;
        }
        i += 1;
    }
    out
}

/// A later short form that ends exactly one longer name of the article is that name
/// ("the Post" after "The Washington Post", "the Journal", "the Kessler Foundation"
/// after "the Ann R. Kessler Foundation"), unless the longer name's extra words are a
/// place other than a country ("Democratic Party" / "Ohio Democratic Party" are two
/// bodies) or ordinary words that only describe ("Top …", "Several …").
fn fold_tails(doc: &Document, out: &mut Vec<NamedEntity>) {
    fn bare(s: &str) -> &str {
        s.strip_prefix("The ").unwrap_or(s)
    }
    // Whether `long` ends with a space and `short` ("… Post" for "Post").
    let ends_in = |long: &str, short: &str| {
        long.strip_suffix(short)
            .is_some_and(|head| head.ends_with(' '))
    };
    let mut i = 0;
    while i < out.len() {
        let short = bare(&out[i].name);
        let mut longer = (0..out.len()).filter(|&j| j != i && ends_in(bare(&out[j].name), short));
        let only = match (longer.next(), longer.next()) {
            (Some(j), None) => Some(j),
            _ => None,
        };
        if let Some(j) = only {
            let long = bare(&out[j].name);
            let prefix = &long[..long.len() - short.len() - 1];
            // "One State Department official …": a run opening its sentence may be
            // capitalized only for that.
            let opens = out[j].mentions.iter().all(|m| {
                doc.sentence_at(m.start)
                    .is_some_and(|k| doc.sentences[k].span.start == m.start)
            });
            if !opens && prefix_names_owner(prefix, short.contains(' ')) {
                fold_into(out, i, j);
                continue;
            }
        }
        i += 1;
    }
}

/// Whether the words a longer name adds before a short one make it the same body: a
/// country, or capitalized words that are no ordinary English words and, before a
/// several-word short form, no place of their own.
fn prefix_names_owner(prefix: &str, short_has_words: bool) -> bool {
    if is_country_name(prefix) {
        return true;
    }
    let place = PLACES.lookup(prefix).is_some()
        || PLACES
            .lookup(
                prefix
                    .trim_end_matches(" State")
                    .trim_end_matches(" County"),
            )
            .is_some();
    !(short_has_words && place)
        && !prefix.contains(" and ")
        && prefix.split(' ').all(|w| {
            w.starts_with(char::is_uppercase)
                && !LEX.is_common_word(w)
                && !is_function_word(&w.to_lowercase())
        })
}

/// "LA Coroner's Office" and "Los Angeles Coroner's Office": a name opening with a
/// known place (one to three words) is keyed by that place's entry and the rest, so the
/// place's short and long forms give one organization.
fn place_key(name: &str) -> Option<String> {
    let bounds: Vec<usize> = name.match_indices(' ').map(|(i, _)| i).take(3).collect();
    bounds.iter().rev().find_map(|&end| {
        let entry = PLACES.lookup(&name[..end])?;
        Some(format!("@{entry}{}", name[end..].to_lowercase()))
    })
}

/// Makes entity `from` an alias of entity `into` (both indices into `out`), keeping
/// mentions in text order.
fn fold_into(out: &mut Vec<NamedEntity>, from: usize, into: usize) {
    let moved = out.remove(from);
    let into = if into > from { into - 1 } else { into };
    out[into].aliases.push(moved.name);
    out[into].mentions.extend(moved.mentions);
    out[into].mentions.sort();
}

/// Initials of a name's capitalized words ("United States Geological Survey" → "USGS"),
/// one by one.
fn initials_of(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}
