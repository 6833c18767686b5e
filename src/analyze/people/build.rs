//! Turning name candidates into people: one entity per person, with its fullest
//! name, its mentions and aliases (surname, "Mr. X", unique first name) and its role.

use super::lexicon::{Gender, LEX};
use super::tokens::Tok;
use super::{
    NameCandidate, affiliation, as_role, is_title_like, lead_role, list_roles, role_coref, roles,
};
use crate::analyze::rules::{self, fire};
use crate::model::{Person, Span};
use crate::text::case::{lower_cow, with_lowercase};
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;

/// One person being assembled from its mentions.
struct Entity {
    /// Name tokens of the fullest mention.
    words: Vec<String>,
    name_span: Span,
    mentions: Vec<Span>,
    aliases: Vec<String>,
    role: String,
}

impl Entity {
    fn surname_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        if let Some(last) = self.words.last() {
            keys.push(last.to_lowercase());
        }
        if self.words.len() >= 2
            && LEX.is_east_asian_family(&self.words[0])
            && !LEX.is_first_name(&self.words[0])
        {
            keys.push(self.words[0].to_lowercase());
        }
        if self.words.len() >= 2
            && LEX.is_east_asian_family(&self.words[0])
            && LEX.is_first_name(&self.words[0])
            && self.words.len() == 2
            && self.words[1].contains('-')
        {
            // "Lee Myung-Bak": a hyphenated given name marks family-name-first order.
            keys.push(self.words[0].to_lowercase());
        }
        keys
    }
}

/// Assembles the people of an article from its name candidates: full names first,
/// then one-word mentions (after a title, or a unique first name), then bare surname and
/// first-name mentions anywhere, then roles.
pub(crate) fn build_people(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    cands: &[NameCandidate],
) -> Vec<Person> {
    let mut ents = full_names(text, toks, cands);
    let mut by_key = surname_index(&ents);
    let first_names = first_name_index(&ents);
    single_words(text, toks, cands, &mut ents, &mut by_key, &first_names);
    bare_mentions(text, toks, &mut ents, &by_key, &first_names);
    // Where person mentions start: "led Doe by six points" is a contest, no role.
    let mut person_starts: Vec<usize> = ents
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.start))
        .collect();
    person_starts.sort_unstable();
    for e in ents.iter_mut() {
        assign_role(text, toks, paras, &person_starts, e);
    }
    let mut roles: Vec<String> = ents.iter().map(|e| e.role.clone()).collect();
    role_coref::complete_roles(text, toks, paras, &mut roles);
    for (e, role) in ents.iter_mut().zip(roles) {
        e.role = role;
    }
    ents.into_iter().map(finish).collect()
}

fn new_entity(words: Vec<String>, span: Span) -> Entity {
    Entity {
        words,
        name_span: span,
        mentions: Vec::new(),
        aliases: Vec::new(),
        role: String::new(),
    }
}

/// One entity per distinct full name; "Trump" / "Donald Trump" / "Donald J. Trump" and
/// "Jane Goode" / "Jane Mary Goode" are one.
fn full_names(text: &str, toks: &[Tok], cands: &[NameCandidate]) -> Vec<Entity> {
    let mut ents: Vec<Entity> = Vec::new();
    // Entities by the lowercased last word of their name, so a name is only compared
    // with the few entities it could extend.
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for c in cands.iter().filter(|c| c.last != c.first) {
        let words: Vec<String> = (c.first..=c.last)
            .map(|k| toks[k].text(text).to_string())
            .collect();
        let span = Span::new(toks[c.first].start, toks[c.last].end);
        let key: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let last = key.last().cloned().unwrap_or_default();
        let found = by_last.get(&last).and_then(|list| {
            list.iter().copied().find(|&e| {
                let ek: Vec<String> = ents[e].words.iter().map(|w| w.to_lowercase()).collect();
                (ek == key
                    || (key.len() < ek.len() && ek.ends_with(&key))
                    || (ek.len() < key.len() && key.ends_with(&ek))
                    // "Jane Goode" / "Jane Mary Goode": same first and last word.
                    || ek.first() == key.first())
                    && fire(rules::PEOPLE_SAME_NAME, span)
            })
        });
        let ei = match found {
            Some(ei) => {
                if words.len() > ents[ei].words.len() {
                    ents[ei].words = words;
                    ents[ei].name_span = span;
                }
                ei
            }
            None => {
                ents.push(new_entity(words, span));
                by_last.entry(last).or_default().push(ents.len() - 1);
                ents.len() - 1
            }
        };
        ents[ei].mentions.push(span);
    }
    ents
}

type KeyIndex = HashMap<String, BTreeMap<usize, usize>>;

/// Mentions by surname key and position, for "the nearest person with this surname".
fn surname_index(ents: &[Entity]) -> KeyIndex {
    let mut by_key: KeyIndex = HashMap::new();
    for (ei, e) in ents.iter().enumerate() {
        for k in e.surname_keys() {
            let slot = by_key.entry(k).or_default();
            for m in &e.mentions {
                slot.insert(m.start, ei);
            }
        }
    }
    by_key
}

/// Entities by their lowercased first name (multi-word names only).
fn first_name_index(ents: &[Entity]) -> HashMap<String, Vec<usize>> {
    let mut first_names: HashMap<String, Vec<usize>> = HashMap::new();
    for (ei, e) in ents.iter().enumerate() {
        if e.words.len() >= 2 && LEX.is_first_name(&e.words[0]) {
            first_names
                .entry(e.words[0].to_lowercase())
                .or_default()
                .push(ei);
        }
    }
    first_names
}

/// The one person whose first name is `w`, if exactly one has it.
fn only_with_first_name(first_names: &HashMap<String, Vec<usize>>, w: &str) -> Option<usize> {
    match first_names.get(w).map(Vec::as_slice) {
        Some([only]) => Some(*only),
        _ => None,
    }
}

/// One-word candidates ("Mr. Lugli", "Ottavio said") join the nearest person sharing
/// the surname, else the only person with that first name, else stand alone.
fn single_words(
    text: &str,
    toks: &[Tok],
    cands: &[NameCandidate],
    ents: &mut Vec<Entity>,
    by_key: &mut KeyIndex,
    first_names: &HashMap<String, Vec<usize>>,
) {
    for c in cands.iter().filter(|c| c.last == c.first) {
        let w = lower_cow(toks[c.first].text(text));
        let span = Span::new(toks[c.first].start, toks[c.first].end);
        let by_first = || {
            c.honorific
                .is_none()
                .then(|| only_with_first_name(first_names, &w))
                .flatten()
                .filter(|_| fire(rules::PEOPLE_FIRST_NAME_MENTION, span))
        };
        // "Mr. Roe" is not the Ann Roe of the article; "Mrs. Roe" is not its Tom Roe.
        let want = c
            .honorific
            .and_then(|h| LEX.honorific(toks[h].text(text)))
            .filter(|&g| g != Gender::Unknown);
        let fits = |ei: usize| {
            want.is_none_or(|g| {
                let e: &Entity = &ents[ei];
                e.words.len() < 2
                    || LEX
                        .first_name_gender(&e.words[0])
                        .is_none_or(|eg| eg == g || eg == Gender::Unknown)
            })
        };
        let by_surname = nearest_with_key_where(by_key, &w, span.start, fits)
            .or_else(|| nearest_with_key(by_key, &w, span.start))
            .filter(|_| fire(rules::PEOPLE_SURNAME_MENTION, span));
        let ei = match by_surname.or_else(by_first) {
            Some(ei) => ei,
            None => {
                ents.push(new_entity(vec![toks[c.first].text(text).to_string()], span));
                ents.len() - 1
            }
        };
        by_key
            .entry(w.into_owned())
            .or_default()
            .insert(span.start, ei);
        ents[ei].mentions.push(span);
        if let Some(h) = c.honorific {
            let form = format!("{} {}", toks[h].text(text), toks[c.first].text(text));
            push_unique(&mut ents[ei].aliases, form);
        } else if ents[ei].words.len() > 1 {
            push_unique(&mut ents[ei].aliases, toks[c.first].text(text).to_string());
        }
    }
}

/// Bare surname and first-name mentions anywhere else ("Lugli said", "Ottavio").
fn bare_mentions(
    text: &str,
    toks: &[Tok],
    ents: &mut [Entity],
    by_key: &KeyIndex,
    first_names: &HashMap<String, Vec<usize>>,
) {
    let mut covered: Vec<Span> = ents
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    covered.sort();
    for (k, t) in toks.iter().enumerate() {
        if !t.is_name_word() {
            continue;
        }
        let span = Span::new(t.start, t.end);
        let i = covered.partition_point(|c| c.start <= span.start);
        if (i > 0 && covered[i - 1].overlaps(span))
            || covered.get(i).is_some_and(|c| c.overlaps(span))
        {
            continue;
        }
        // Part of a longer capitalised run that is not this person ("Trump Tower").
        let next_cap = toks
            .get(k + 1)
            .is_some_and(|n| n.is_name_word() && n.start == t.end + 1);
        let prev_cap = k > 0
            && toks[k - 1].is_name_word()
            && toks[k - 1].end + 1 == t.start
            && !is_title_like(toks[k - 1].text(text));
        if next_cap || prev_cap {
            continue;
        }
        let ei = with_lowercase(t.text(text), |w| {
            nearest_with_key(by_key, w, t.start)
                .filter(|_| fire(rules::PEOPLE_SURNAME_MENTION, span))
                .or_else(|| {
                    only_with_first_name(first_names, w)
                        .filter(|_| fire(rules::PEOPLE_FIRST_NAME_MENTION, span))
                })
        });
        if let Some(ei) = ei {
            ents[ei].mentions.push(span);
            push_unique(&mut ents[ei].aliases, t.text(text).to_string());
        }
    }
}

/// The role of a person: the first mention that carries one (pre-modifier and
/// appositive together); a later mention whose role adds words to it ("skipper" ->
/// "Chelsea skipper") wins.
fn assign_role(text: &str, toks: &[Tok], paras: &[usize], person_starts: &[usize], e: &mut Entity) {
    e.mentions.sort();
    e.mentions.dedup();
    // A role shared over a list ("Sens. A and B") is the fallback when no mention
    // gives the person a role of their own.
    let mut shared = None;
    for m in e.mentions.clone() {
        let first = toks.partition_point(|t| t.start < m.start);
        let last = toks.partition_point(|t| t.start < m.end).saturating_sub(1);
        if first >= toks.len() || last < first {
            continue;
        }
        let Some(role) = mention_role(text, toks, paras, person_starts, first, last) else {
            if shared.is_none() {
                shared = list_roles::list_role(text, toks, paras, first, last)
                    .filter(|_| fire(rules::PEOPLE_LIST_ROLE, m));
            }
            continue;
        };
        if e.role.is_empty() {
            e.role = role;
        } else {
            let old: Vec<String> = e
                .role
                .to_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let new: Vec<String> = role
                .to_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if new.len() > old.len() && old.iter().all(|w| new.contains(w)) {
                e.role = role;
            }
        }
    }
    if e.role.is_empty()
        && let Some(role) = shared
    {
        e.role = role;
    }
}

/// The role one mention (tokens `first..=last`) carries, before and after the name.
fn mention_role(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    person_starts: &[usize],
    first: usize,
    last: usize,
) -> Option<String> {
    let m = Span::new(toks[first].start, toks[last].end);
    let pre = roles::premodifier_role(text, toks, paras, first, false)
        .or_else(|| roles::pre_appositive_role(text, toks, paras, first))
        .filter(|_| fire(rules::PEOPLE_ROLE_BEFORE, m));
    let post = roles::appositive_role(text, toks, paras, last, true)
        .or_else(|| roles::predicate_role(text, toks, paras, last))
        .or_else(|| lead_role::lead_role(text, toks, paras, last, person_starts))
        .or_else(|| {
            as_role::as_role(text, toks, paras, last).filter(|_| fire(rules::PEOPLE_ROLE_AS, m))
        })
        .or_else(|| {
            pre.as_ref()
                .and_then(|_| affiliation::affiliation(text, toks, paras, last))
        })
        .filter(|_| fire(rules::PEOPLE_ROLE_AFTER, m));
    let party =
        affiliation::party_tag(text, toks, last).filter(|_| fire(rules::PEOPLE_PARTY_TAG, m));
    let of_org = || {
        affiliation::of_affiliation(text, toks, paras, last, true)
            .filter(|_| fire(rules::PEOPLE_OF_AFFILIATION, m))
    };
    let post = post.or_else(|| pre.is_none().then(of_org).flatten());
    let pre = pre.map(|a| {
        match affiliation::name_suffix(text, toks, paras, last).or_else(|| {
            affiliation::of_affiliation(text, toks, paras, last, false)
                .filter(|_| fire(rules::PEOPLE_OF_AFFILIATION, m))
        }) {
            Some(tag) => format!("{a} {tag}"),
            None => match &party {
                Some(tag) => format!("{a}, {tag}"),
                None => a,
            },
        }
    });
    match (pre, post) {
        (Some(a), Some(b)) => Some(format!("{a}, {b}")),
        (Some(a), None) => Some(a),
        (None, Some(b)) => Some(match party {
            Some(tag) => format!("{tag}, {b}"),
            None => b,
        }),
        (None, None) => party,
    }
}

/// The person as reported: fullest name, surname aliases first, then other forms.
fn finish(mut e: Entity) -> Person {
    e.mentions.sort();
    e.mentions.dedup();
    let name = e.words.join(" ");
    let mut aliases: Vec<String> = Vec::new();
    if e.words.len() >= 2 {
        for k in e.surname_keys() {
            if let Some(w) = e.words.iter().find(|w| w.to_lowercase() == k) {
                push_unique(&mut aliases, w.clone());
            }
        }
    }
    for a in e.aliases {
        if a != name {
            push_unique(&mut aliases, a);
        }
    }
    let _ = e.name_span;
    Person {
        name,
        aliases,
        role: e.role,
        mentions: e.mentions,
        rules: Default::default(),
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.iter().any(|x| x.eq_ignore_ascii_case(&s)) {
        v.push(s);
    }
}

/// The entity whose surname key is `key`: the one mentioned last before `at`, else the first after.
fn nearest_with_key(
    by_key: &HashMap<String, BTreeMap<usize, usize>>,
    key: &str,
    at: usize,
) -> Option<usize> {
    nearest_with_key_where(by_key, key, at, |_| true)
}

/// [`nearest_with_key`] among the entities that `fits` accepts: the nearest before `at`,
/// else the first after it.
fn nearest_with_key_where(
    by_key: &HashMap<String, BTreeMap<usize, usize>>,
    key: &str,
    at: usize,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    // A bounded look each way keeps a text full of one surname linear.
    const LOOK: usize = 256;
    let slot = by_key.get(key)?;
    slot.range(..=at)
        .rev()
        .take(LOOK)
        .map(|(_, &e)| e)
        .find(|&e| fits(e))
        .or_else(|| {
            slot.range(at..)
                .take(LOOK)
                .map(|(_, &e)| e)
                .find(|&e| fits(e))
        })
}
