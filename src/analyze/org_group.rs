//! One entity per organization: the mentions the organizations stage found are grouped
//! by gazetteer entry or words, a short name is folded into the longer one it starts
//! ("Virgin" / "Virgin Trains"), and an acronym into the name it abbreviates.

use super::gazetteer::{ORGS, PLACES};
use crate::model::{Document, NamedEntity, Span};
use std::collections::HashMap;

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
        let short = out[i].name.clone();
        let target = (0..out.len()).find(|&j| {
            j != i && {
                let long = &out[j].name;
                (!short.contains(' ') && long.starts_with(&format!("{short} ")))
                    || long.starts_with(&format!("{short} of "))
            }
        });
        if let Some(j) = target {
            fold_into(&mut out, i, j);
            continue;
        }
        i += 1;
    }
    // Acronyms of longer names become their aliases.
    let mut i = 0;
    while i < out.len() {
        let acronym = out[i].name.clone();
        let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        if acronym.len() <= 6
            && letters.chars().all(|c| c.is_uppercase())
            && letters.len() >= 2
            && let Some(j) = (0..out.len())
                .find(|&j| j != i && out[j].name.contains(' ') && initials(&out[j].name) == letters)
        {
            fold_into(&mut out, i, j);
            continue;
        }
        i += 1;
    }
    let _ = doc;
    out
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

/// Initials of a name's capitalized words ("United States Geological Survey" → "USGS").
pub(crate) fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}
