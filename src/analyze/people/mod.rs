//! People and their roles, by rules: capitalised name sequences confirmed by a
//! first-name or family-name gazetteer, an honorific, a title or role noun, an
//! appositive, or a speech verb; one entity per person with its canonical (fullest)
//! name, its aliases (surname, "Mr. X", first name) and the role the article gives
//! (pre-modifier, appositive, predicate or possessive). Organizations and places are
//! kept out by negative evidence (head words, a short place list).

pub mod evidence;
pub mod lexicon;
pub mod roles;
pub mod tokens;

use crate::analyze::rules::{self, fire};
use crate::model::{Document, Person, Span};
use foldhash::{HashMap, HashMapExt};
use lexicon::{LEX, PLACES, class, classes, contains};
use std::collections::BTreeMap;
use tokens::{Tok, TokKind, TokenView, is_capitalized};

/// A capitalised run that was read as a person's name.
#[derive(Debug, Clone)]
pub(crate) struct NameCandidate {
    /// Token range of the name itself (titles excluded).
    pub first: usize,
    pub last: usize,
    pub honorific: Option<usize>,
}

/// Finds the people an article names, with roles and aliases.
pub fn extract(doc: &Document) -> Vec<Person> {
    extract_from(doc, &TokenView::new(&doc.text, &doc.paragraphs))
}

/// [`extract`] on tokens already made (the quote stage reuses them).
pub fn extract_from(doc: &Document, view: &TokenView) -> Vec<Person> {
    let text = doc.text.as_str();
    let cands = name_candidates(text, &view.toks, &view.para);
    build_people(text, &view.toks, &view.para, &cands)
}

fn is_name_word(text: &str, t: &Tok) -> bool {
    if !t.is_word() {
        return false;
    }
    let w = t.text(text);
    if !is_capitalized(w) && !has_particle_prefix(w) {
        return false;
    }
    // All-caps words of two or more letters are acronyms (NASA, IAEA), not names,
    // except short particles written in capitals are rare enough to ignore.
    let mut letters = 0;
    let mut all_upper = true;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        all_upper &= c.is_uppercase();
    }
    !(letters >= 2 && all_upper && !w.contains('.'))
}

/// Lower-case particles written onto a capitalised name ("al-Karim", "d'Alembert").
const PARTICLE_PREFIXES: &[&str] = &[
    "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "ud-", "bin-", "ibn-", "abu-", "d'",
    "d’", "l'", "l’", "dell'", "dell’",
];

fn has_particle_prefix(w: &str) -> bool {
    PARTICLE_PREFIXES.iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Whether a word is a known given name, or a hyphenated one whose first part is
/// ("Pierre-Simon", "Jean-Louis").
fn is_given_name(w: &str) -> bool {
    LEX.is_first_name(w)
        || w.split_once('-')
            .is_some_and(|(head, _)| LEX.is_first_name(head))
}

/// A word that ends a name on its left: a title, honorific, organization or place word.
fn is_title_like(w: &str) -> bool {
    const TITLE_LIKE: u16 = class::HONORIFIC
        | class::ROLE_NOUN
        | class::ORG_HEAD
        | class::PLACE
        | class::NON_NAME_CAP
        | class::FUNCTION;
    classes(w) & TITLE_LIKE != 0
        || (w.ends_with('.') && LEX.is_role_noun(w))
        || w.contains('.') && w.len() > 2 && !w.ends_with('.')
}

const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "bin", "al", "el", "la",
    "le", "ter", "dos", "das",
];

/// All capitalised runs read as person names, in text order.
pub(crate) fn name_candidates(text: &str, toks: &[Tok], paras: &[usize]) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    let mut unconfirmed = Vec::new();
    let name_word: Vec<bool> = toks.iter().map(|t| is_name_word(text, t)).collect();
    let mut i = 0;
    while i < toks.len() {
        if !name_word[i] {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end + 1 < toks.len() && paras[end + 1] == paras[start] {
            let next = &toks[end + 1];
            if next.start > toks[end].end + 1 {
                // more than one space or a line break: still a run if a single space
                if text[toks[end].end..next.start].contains('\n') {
                    break;
                }
            }
            if name_word[end + 1] {
                end += 1;
            } else if next.is_word()
                && contains(PARTICLES, next.text(text))
                && end + 2 < toks.len()
                && name_word[end + 2]
            {
                end += 2;
            } else {
                break;
            }
        }
        i = end + 1;
        // The name is what follows the last title-like word of the run.
        let mut name_start = start;
        let mut honorific = None;
        for k in start..=end {
            let w = toks[k].text(text);
            let word_classes = classes(w);
            // "Bill Clinton", "Park Geun-hye", "Virginia Woolf": a given or family name
            // that is also a head or place word is a name when a plain name follows.
            let next_plain = k < end && evidence::is_plain_name_word(text, &toks[k + 1]);
            let name_first = k < end
                && word_classes & (class::FIRST_NAME | class::EAST_ASIAN_FAMILY) != 0
                && word_classes & class::FUNCTION == 0
                && (word_classes & class::PLACE == 0 || next_plain);
            // "Valeska Paris": a place word after a given name is the family name.
            let place_in_name = k > name_start
                && word_classes & !(class::PLACE | class::FIRST_NAME) == 0
                && is_given_name(toks[name_start].text(text));
            if is_title_like(w) && !name_first && !place_in_name {
                name_start = k + 1;
                if word_classes & class::HONORIFIC != 0 {
                    honorific = Some(k);
                } else {
                    honorific = None;
                }
            }
        }
        if name_start > end {
            continue;
        }
        // Particles cannot start or end a name.
        let mut first = name_start;
        while first <= end && contains(PARTICLES, toks[first].text(text)) {
            first += 1;
        }
        if first > end {
            continue;
        }
        let len = end - first + 1;
        if len > 4 {
            continue;
        }
        let words: Vec<&str> = (first..=end).map(|k| toks[k].text(text)).collect();
        // A name never ends in a bare initial ("Donald J." is cut off by the tokenizer),
        // and is not all initials ("U. S.").
        if words
            .iter()
            .any(|w| w.ends_with('.') && w.chars().count() > 2)
            || words.iter().all(|w| w.chars().count() <= 2)
        {
            continue;
        }
        if is_person(text, toks, paras, first, end, honorific, start) {
            let honorific = honorific.filter(|&h| h + 1 == first);
            out.push(NameCandidate {
                first,
                last: end,
                honorific,
            });
        } else if evidence::name_shaped(text, toks, first, end)
            || (first == end
                && first == name_start
                && LEX.is_first_name(toks[first].text(text))
                && classes(toks[first].text(text)) & !class::FIRST_NAME == 0)
        {
            // Kept aside: a list that holds a person makes these people too.
            unconfirmed.push((first, end));
        }
    }
    join_lists(text, toks, &mut out, unconfirmed);
    out
}

/// Name-shaped runs listed next to a person are people too ("A, B and C").
fn join_lists(
    text: &str,
    toks: &[Tok],
    out: &mut Vec<NameCandidate>,
    mut unconfirmed: Vec<(usize, usize)>,
) {
    loop {
        let before = unconfirmed.len();
        unconfirmed.retain(|&(first, last)| {
            let next = out.iter().find(|c| c.first > last);
            let prev = out.iter().rev().find(|c| c.last < first);
            let joined = next.is_some_and(|c| evidence::list_gap(text, toks, last + 1, c.first))
                || prev.is_some_and(|c| evidence::list_gap(text, toks, c.last + 1, first));
            if joined {
                let at = out.partition_point(|c| c.first < first);
                out.insert(
                    at,
                    NameCandidate {
                        first,
                        last,
                        honorific: None,
                    },
                );
            }
            !joined
        });
        if unconfirmed.len() == before {
            break;
        }
    }
}

/// Evidence that tokens `first..=last` (after titles starting at `run_start`) name a person.
fn is_person(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    first: usize,
    last: usize,
    honorific: Option<usize>,
    run_start: usize,
) -> bool {
    let len = last - first + 1;
    let w0 = toks[first].text(text);
    let has_title_in_run = first > run_start && {
        let t = toks[first - 1].text(text);
        LEX.is_role_noun(t) || LEX.honorific(t).is_some()
    };
    let prev_word = first.checked_sub(1).map(|p| toks[p]);
    let role_before = prev_word.is_some_and(|p| {
        p.is_word() && paras[p.start.min(paras.len() - 1)] == paras[first.min(paras.len() - 1)] && {
            let w = p.text(text);
            !is_capitalized(w) && LEX.is_role_noun(w)
        }
    });
    let titled = honorific.is_some_and(|h| h + 1 == first) || has_title_in_run || role_before;
    let span = Span::new(toks[first].start, toks[last].end);
    if len == 1 {
        return !contains(PLACES, w0)
            && ((titled && fire(rules::PEOPLE_TITLED_SURNAME, span))
                || (lone_given_name(text, toks, paras, first, first > run_start)
                    && fire(rules::PEOPLE_LONE_GIVEN_NAME, span)));
    }
    if evidence::known_non_person(text, toks, first, last)
        && fire(rules::PEOPLE_KNOWN_NON_PERSON, span)
    {
        return false;
    }
    if (is_given_name(w0) || LEX.is_east_asian_family(w0)) && fire(rules::PEOPLE_GIVEN_NAME, span) {
        return true;
    }
    if titled && fire(rules::PEOPLE_TITLED_NAME, span) {
        return true;
    }
    if evidence::name_shaped(text, toks, first, last)
        && evidence::person_context(text, toks, first, last)
        && fire(rules::PEOPLE_PERSON_CONTEXT, span)
    {
        return true;
    }
    if w0.ends_with('.') && w0.chars().count() == 2 && fire(rules::PEOPLE_INITIAL, span) {
        // "L. Ron Hubbard"
        return true;
    }
    // Context: an appositive with a role noun, or a speech verb next to the name.
    if (roles::appositive_role(text, toks, paras, last).is_some()
        || roles::pre_appositive_role(text, toks, paras, first).is_some())
        && fire(rules::PEOPLE_ROLE_APPOSITIVE, span)
    {
        return true;
    }
    let next_is_speech = toks
        .get(last + 1)
        .is_some_and(|t| t.is_word() && LEX.speech_verb(t.text(text)).is_some_and(|v| !v.gerund));
    let prev_is_speech = prev_word.is_some_and(|t| {
        t.is_word()
            && matches!(
                t.text(text).to_lowercase().as_str(),
                "said" | "says" | "added" | "told" | "wrote"
            )
    });
    (next_is_speech || prev_is_speech) && fire(rules::PEOPLE_SPEECH_VERB, span)
}

/// A known given name standing alone, inside a sentence or before a speech verb
/// ("… told Jennifer …", "Ottavio said").
fn lone_given_name(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    k: usize,
    after_title_word: bool,
) -> bool {
    let w = toks[k].text(text);
    if after_title_word || !LEX.is_first_name(w) || classes(w) & !class::FIRST_NAME != 0 {
        return false;
    }
    let speech_after = toks
        .get(k + 1)
        .is_some_and(|t| t.is_word() && LEX.speech_verb(t.text(text)).is_some_and(|v| !v.gerund));
    let _ = paras;
    speech_after || evidence::person_context(text, toks, k, k)
}

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

fn build_people(text: &str, toks: &[Tok], paras: &[usize], cands: &[NameCandidate]) -> Vec<Person> {
    let mut ents: Vec<Entity> = Vec::new();
    let words_of = |c: &NameCandidate| -> Vec<String> {
        (c.first..=c.last)
            .map(|k| toks[k].text(text).to_string())
            .collect()
    };
    // Entities by the lowercased last word of their name, so a name is only compared
    // with the few entities it could extend ("Trump" / "Donald Trump").
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    // Full names first.
    for c in cands.iter().filter(|c| c.last != c.first) {
        let words = words_of(c);
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
                    ents[ei].words = words.clone();
                    ents[ei].name_span = span;
                }
                ei
            }
            None => {
                ents.push(Entity {
                    words: words.clone(),
                    name_span: span,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                    role: String::new(),
                });
                by_last.entry(last).or_default().push(ents.len() - 1);
                ents.len() - 1
            }
        };
        ents[ei].mentions.push(span);
    }
    // Mentions by surname key and position, for "the nearest person with this surname".
    let mut by_key: HashMap<String, BTreeMap<usize, usize>> = HashMap::new();
    for (ei, e) in ents.iter().enumerate() {
        for k in e.surname_keys() {
            let slot = by_key.entry(k).or_default();
            for m in &e.mentions {
                slot.insert(m.start, ei);
            }
        }
    }
    // Single-word names (after an honorific or title) join the nearest person sharing the surname.
    for c in cands.iter().filter(|c| c.last == c.first) {
        let w = toks[c.first].text(text).to_lowercase();
        let span = Span::new(toks[c.first].start, toks[c.first].end);
        let ei = match nearest_with_key(&by_key, &w, span.start)
            .filter(|_| fire(rules::PEOPLE_SURNAME_MENTION, span))
        {
            Some(ei) => ei,
            None => {
                ents.push(Entity {
                    words: vec![toks[c.first].text(text).to_string()],
                    name_span: span,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                    role: String::new(),
                });
                ents.len() - 1
            }
        };
        by_key.entry(w).or_default().insert(span.start, ei);
        ents[ei].mentions.push(span);
        if let Some(h) = c.honorific {
            let form = format!("{} {}", toks[h].text(text), toks[c.first].text(text));
            push_unique(&mut ents[ei].aliases, form);
        }
    }
    // First names that exactly one person has.
    let mut first_names: HashMap<String, Vec<usize>> = HashMap::new();
    for (ei, e) in ents.iter().enumerate() {
        if e.words.len() >= 2 && LEX.is_first_name(&e.words[0]) {
            first_names
                .entry(e.words[0].to_lowercase())
                .or_default()
                .push(ei);
        }
    }
    // Bare surname and first-name mentions anywhere else.
    let mut covered: Vec<Span> = ents
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    covered.sort();
    for (k, t) in toks.iter().enumerate() {
        if !is_name_word(text, t) {
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
            .is_some_and(|n| is_name_word(text, n) && n.start == t.end + 1);
        let prev_cap = k > 0
            && is_name_word(text, &toks[k - 1])
            && toks[k - 1].end + 1 == t.start
            && !is_title_like(toks[k - 1].text(text));
        if next_cap || prev_cap {
            continue;
        }
        let w = t.text(text).to_lowercase();
        if let Some(ei) = nearest_with_key(&by_key, &w, t.start)
            .filter(|_| fire(rules::PEOPLE_SURNAME_MENTION, span))
        {
            ents[ei].mentions.push(span);
            push_unique(&mut ents[ei].aliases, t.text(text).to_string());
        } else if let Some([only]) = first_names
            .get(&w)
            .map(Vec::as_slice)
            .filter(|_| fire(rules::PEOPLE_FIRST_NAME_MENTION, span))
        {
            ents[*only].mentions.push(span);
            push_unique(&mut ents[*only].aliases, t.text(text).to_string());
        }
    }
    let _ = paras;
    // Roles: the first mention that carries one (pre-modifier and appositive together);
    // a later mention whose role adds words to it ("skipper" -> "Chelsea skipper") wins.
    for e in ents.iter_mut() {
        e.mentions.sort();
        e.mentions.dedup();
        for m in e.mentions.clone() {
            let first = toks.partition_point(|t| t.start < m.start);
            let last = toks.partition_point(|t| t.start < m.end).saturating_sub(1);
            if first >= toks.len() || last < first {
                continue;
            }
            let pre = roles::premodifier_role(text, toks, paras, first)
                .or_else(|| roles::pre_appositive_role(text, toks, paras, first))
                .filter(|_| fire(rules::PEOPLE_ROLE_BEFORE, m));
            let post = roles::appositive_role(text, toks, paras, last)
                .or_else(|| roles::predicate_role(text, toks, paras, last))
                .or_else(|| {
                    pre.as_ref()
                        .and_then(|_| roles::affiliation(text, toks, paras, last))
                })
                .filter(|_| fire(rules::PEOPLE_ROLE_AFTER, m));
            let pre = pre.map(|a| match roles::name_suffix(text, toks, paras, last) {
                Some(tag) => format!("{a} {tag}"),
                None => a,
            });
            let role = match (pre, post) {
                (Some(a), Some(b)) => format!("{a}, {b}"),
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => continue,
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
    }
    ents.into_iter()
        .map(|mut e| {
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
        })
        .collect()
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
    let slot = by_key.get(key)?;
    slot.range(..=at)
        .next_back()
        .or_else(|| slot.range(at..).next())
        .map(|(_, &e)| e)
}

#[allow(dead_code)]
fn kind_is_possessive(t: &Tok) -> bool {
    t.kind == TokKind::Possessive
}
