//! People and their roles, by rules: capitalised name sequences confirmed by a
//! first-name or family-name gazetteer, an honorific, a title or role noun, an
//! appositive, or a speech verb; one entity per person with its canonical (fullest)
//! name, its aliases (surname, "Mr. X", first name) and the role the article gives
//! (pre-modifier, appositive, predicate or possessive). Organizations and places are
//! kept out by negative evidence (head words, a short place list).

mod affiliation;
mod as_role;
mod build;
pub mod evidence;
mod lead_role;
pub mod lexicon;
mod list_roles;
mod name_words;
mod role_coref;
pub mod roles;
pub mod tokens;

use crate::analyze::rules::{self, fire};
use crate::lexicon::compiled;
use crate::model::{Document, Person, Span};
use lexicon::{LEX, PLACES, ROLE_MODIFIERS, class, classes, classes_of, contains};
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
    build::build_people(text, &view.toks, &view.para, &cands)
}

/// Whether token `t` can be a word of a person's name; asked once per token, when
/// [`tokens::tokenize`] makes it ([`Tok::is_name_word`]).
pub(crate) fn is_name_word(text: &str, t: &Tok) -> bool {
    if !t.is_word() {
        return false;
    }
    let w = t.text(text);
    // Most tokens open with an ASCII byte that is no capital and opens no particle
    // prefix (those start with one of "abdeilu"): answered without decoding the word.
    if let Some(&b) = w.as_bytes().first()
        && b.is_ascii()
        && !b.is_ascii_uppercase()
        && !matches!(b, b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b'u')
    {
        return false;
    }
    if !is_capitalized(w) && !has_particle_prefix(w) {
        return false;
    }
    // All-caps words of two or more letters are acronyms (NASA, IAEA), not names,
    // except short particles written in capitals are rare enough to ignore.
    let mut letters = 0;
    let mut all_upper = true;
    if w.is_ascii() {
        // The same count over bytes (every token is asked, several times).
        for b in w.bytes().filter(u8::is_ascii_alphabetic) {
            letters += 1;
            all_upper &= b.is_ascii_uppercase();
        }
    } else {
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            all_upper &= c.is_uppercase();
        }
    }
    !(letters >= 2 && all_upper && !w.contains('.'))
}

/// Lower-case particles written onto a capitalised name ("al-Karim", "d'Alembert").
const PARTICLE_PREFIXES: &[&str] = &[
    "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "ud-", "bin-", "ibn-", "abu-", "d'",
    "d’", "l'", "l’", "dell'", "dell’",
];

fn has_particle_prefix(w: &str) -> bool {
    // Every particle ends in a hyphen or an apostrophe: most words have neither. A byte
    // scan ('’' is E2 80 99), then the exact test: a char-set search decodes every char.
    if !w.bytes().any(|b| matches!(b, b'-' | b'\'' | 0xE2)) || !w.contains(['-', '\'', '’']) {
        return false;
    }
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

/// Both given-name lists.
const FIRST_NAMES: u32 = compiled::FIRST_NAMES_MALE | compiled::FIRST_NAMES_FEMALE;

/// [`is_given_name`] of a token.
fn given_name_tok(text: &str, t: &Tok) -> bool {
    t.lists(text) & FIRST_NAMES != 0
        || t.text(text)
            .split_once('-')
            .is_some_and(|(head, _)| LEX.is_first_name(head))
}

/// Where the name starts in the capitalised run `start..=end`: after its last title-like
/// word ("Former Senator Jane Roe"), with that word's index when it is an honorific.
fn name_after_titles(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    start: usize,
    end: usize,
) -> (usize, Option<usize>) {
    let mut name_start = start;
    let mut honorific = None;
    for k in start..=end {
        let w = toks[k].text(text);
        let word_lists = toks[k].lists(text);
        let word_classes = classes_of(word_lists);
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
            && given_name_tok(text, &toks[name_start]);
        // "Howard Dean", "Ann Bishop": a role word closing a run that a given name
        // opens is the family name (a title comes before the name it titles).
        let role_surname = k == end
            && k > name_start
            && word_classes & class::ROLE_NOUN != 0
            && word_classes & class::HONORIFIC == 0
            && !w.ends_with('.')
            && !roles::is_party_word(w)
            && given_name_tok(text, &toks[name_start])
            // "Clinton Chief of Staff Jane Roe": a title with its complement.
            && !toks.get(end + 1).is_some_and(|t| t.text(text) == "of")
            // "from Hilton Head, South Carolina": a town, not a person.
            && !place_after_preposition(text, toks, name_start, end)
            // "The Perry Chief", a newspaper: a name does not follow "the".
            && !name_start
                .checked_sub(1)
                .is_some_and(|p| toks[p].text(text).eq_ignore_ascii_case("the"));
        // "Senators Ann Roe", "Flu Virus Jo Roe" (headlines): an ordinary English word,
        // plural or inside the run, before a given name that opens a name of two words
        // or more is not part of it ("Time Warner Cable", "Operation Jade Helm" stay).
        // At the run's start a singular ordinary word stays ("Time Warner Cable",
        // "Operation Jade Helm"), but a noun for a kind of person or a compound modifier
        // is cut ("Billionaire Jo Roe", "Texas-based Jo Roe", "Co-anchor Jo Roe") when
        // the run does not end in an ordinary word ("Guest Muslim Violence", a headline).
        let describes = (word_lists & compiled::PERSON_NOUNS != 0 || compound_modifier(w))
            && toks[end].lists(text) & compiled::COMMON_WORDS == 0;
        let common_before_name = k + 1 < end
            && ((k > start || w.ends_with('s')) && word_lists & compiled::COMMON_WORDS != 0
                || describes)
            && toks[k + 1].lists(text) & FIRST_NAMES != 0;
        // "Lawyer Jo Church", "Jo Church, an aide": an organization head closing a run
        // of a given name and one more word is the family name after a title or before
        // a role appositive.
        let head_surname = k == end
            && k == name_start + 1
            && word_classes & (class::ORG_HEAD | class::FUNCTION | class::HONORIFIC)
                == class::ORG_HEAD
            && given_name_tok(text, &toks[name_start])
            && title_like(w, word_classes)
            && head_surname_evidence(text, toks, paras, name_start, end)
            && fire(
                rules::PEOPLE_HEAD_WORD_SURNAME,
                Span::new(toks[name_start].start, toks[end].end),
            );
        if common_before_name
            || (title_like(w, word_classes)
                && !name_first
                && !place_in_name
                && !role_surname
                && !head_surname)
        {
            name_start = k + 1;
            if word_classes & class::HONORIFIC != 0 {
                honorific = Some(k);
            } else {
                honorific = None;
            }
        }
    }
    (name_start, honorific)
}

/// Titles of sovereigns and popes, before a given name with a regnal number ("King Abdullah
/// II", "Pope John Paul II"); after a family name the numeral is a generation ("Ann Roe III").
const SOVEREIGN_TITLES: &[&str] = &[
    "king", "queen", "pope", "emperor", "empress", "tsar", "czar", "prince", "princess", "sultan",
    "shah", "emir", "grand", "duke", "archduke",
];

/// A Roman numeral of two or more letters that follows a monarch's or pope's given name
/// ("II", "XIV"); single letters ("I", "V") read as a pronoun or an initial.
fn regnal_numeral(w: &str) -> bool {
    const NUMERALS: &[&str] = &[
        "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI",
        "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII",
    ];
    NUMERALS.contains(&w)
}

/// A capitalized compound whose last part is an ordinary lower-case word: "Texas-based",
/// "Co-anchor", "Soap-maker"; a name's parts are capitalized ("Lloyd-George").
fn compound_modifier(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(_, tail)| {
        tail.starts_with(|c: char| c.is_ascii_lowercase())
            && (tail == "based" || LEX.is_common_word(tail))
    })
}

/// A capitalized speech verb in the present ("Says", "Tells", "Warns"): in a headline it
/// follows the name of its speaker; no surname has that form.
fn headline_verb(w: &str) -> bool {
    w.ends_with('s') && is_capitalized(w) && LEX.speech_verb(w).is_some()
}

/// Every word of `first..=last` is an ordinary English noun or adjective that is no given
/// name or surname ("Planned Parenthood", "Seventh Circuit").
fn all_common_words(text: &str, toks: &[Tok], first: usize, last: usize) -> bool {
    (first..=last).all(|k| toks[k].lists(text) & compiled::COMMON_WORDS != 0)
}

/// "in Ashford Bishop, Kent": the run `first..=last` follows a locative preposition and
/// a comma and a place (a state, a country) follow it, as after a town's name.
fn place_after_preposition(text: &str, toks: &[Tok], first: usize, last: usize) -> bool {
    const LOCATIVE: &[&str] = &["in", "from", "at", "near", "outside"];
    let after_preposition = first
        .checked_sub(1)
        .is_some_and(|p| toks[p].is_word() && contains(LOCATIVE, toks[p].text(text)));
    after_preposition
        && toks.get(last + 1).is_some_and(|t| t.text(text) == ",")
        && toks
            .get(last + 2)
            .is_some_and(|t| t.is_word() && classes(t.text(text)) & class::PLACE != 0)
}

/// A word that ends a name on its left: a title, honorific, organization or place word.
pub(crate) fn is_title_like(w: &str) -> bool {
    title_like(w, classes(w))
}

/// [`is_title_like`] of `w`, whose classes are `word_classes`.
fn title_like(w: &str, word_classes: u16) -> bool {
    const TITLE_LIKE: u16 = class::HONORIFIC
        | class::ROLE_NOUN
        | class::ORG_HEAD
        | class::PLACE
        | class::NON_NAME_CAP
        | class::FUNCTION;
    word_classes & TITLE_LIKE != 0
        || (w.ends_with('.') && (LEX.is_role_noun(w) || roles::plural_role_word(w)))
        || w.contains('.') && w.len() > 2 && !w.ends_with('.')
}

const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "bin", "al", "el", "la",
    "le", "ter", "dos", "das",
];

/// The longest of [`PARTICLES`] (a test checks it).
const LONGEST_PARTICLE: usize = 5;

/// Whether the word is one of [`PARTICLES`], in any case. A word longer than every
/// particle is none: lower-casing keeps an ASCII word's length, and a word with other
/// letters never lower-cases to a particle (see the test).
fn is_particle(w: &str) -> bool {
    w.len() <= LONGEST_PARTICLE && contains(PARTICLES, w)
}

/// All capitalised runs read as person names, in text order.
pub(crate) fn name_candidates(text: &str, toks: &[Tok], paras: &[usize]) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    let mut unconfirmed = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_name_word() {
            i += 1;
            continue;
        }
        let start = i;
        let (end, resume) = run_end(text, toks, paras, start);
        i = resume.unwrap_or(end + 1);
        let (name_start, honorific) = name_after_titles(text, toks, paras, start, end);
        if name_start > end || continues_place(text, toks, start, name_start) {
            continue;
        }
        // Particles in lower case cannot start a name; capitalised, they can ("Van
        // Hollen", "Le Pen", "Al Sharpton").
        let mut first = name_start;
        while first <= end
            && contains(PARTICLES, toks[first].text(text))
            && !is_capitalized(toks[first].text(text))
        {
            first += 1;
        }
        if first < end && sentence_adverb(text, toks, first) {
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
            || words
                .iter()
                .all(|w| w.trim_end_matches('.').chars().count() == 1)
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
        } else if all_common_words(text, toks, first, end)
            || after_inner_connector(text, toks, start)
        {
            // "the Seventh Circuit and Jo Roe": not a name joined to a list; nor the words
            // after "of"/"for" inside a longer name ("Friends for Fair Play, Jo Roe").
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

/// Where the capitalised run that opens at `start` ends (particles, a regnal number and
/// one paragraph line inside), and where the scan resumes when a headline verb cut it.
fn run_end(text: &str, toks: &[Tok], paras: &[usize], start: usize) -> (usize, Option<usize>) {
    let mut end = start;
    let mut resume = None;
    while end + 1 < toks.len() && paras[end + 1] == paras[start] {
        let next = &toks[end + 1];
        if next.start > toks[end].end + 1 {
            // more than one space or a line break: still a run if a single space
            if text[toks[end].end..next.start].contains('\n') {
                break;
            }
        }
        if toks[end + 1].is_name_word()
            && headline_verb(next.text(text))
            && evidence::is_plain_name_word(text, &toks[end])
            && !LEX.is_common_word(toks[end].text(text))
        {
            // "Jo Roe Says Plan Fails", a headline: the verb ends a name that ends in a
            // name word, and the capitalized words after it are the headline's
            // clause, no new name.
            let mut after = end + 2;
            while after < toks.len()
                && toks[after].is_name_word()
                && paras[after] == paras[start]
                && !text[toks[after - 1].end..toks[after].start].contains('\n')
            {
                after += 1;
            }
            resume = Some(after);
            break;
        } else if toks[end + 1].is_name_word() {
            end += 1;
        } else if regnal_numeral(next.text(text))
            && given_name_tok(text, &toks[end])
            && (end == start || contains(SOVEREIGN_TITLES, toks[start].text(text)))
        {
            // "Queen Margrethe II", "Louis XIV", "Carl XVI Gustaf": a regnal number.
            end += 1;
        } else if !(next.is_word() && is_particle(next.text(text))) {
            break;
        } else if end + 2 < toks.len() && toks[end + 2].is_name_word() {
            end += 2;
        } else if end + 3 < toks.len()
            && toks[end + 2].is_word()
            && is_particle(toks[end + 2].text(text))
            && toks[end + 3].is_name_word()
        {
            // Two particles: "van der", "de la".
            end += 3;
        } else {
            break;
        }
    }
    (end, resume)
}

/// Whether the run starting at token `start` follows "of" or "for" right after a
/// capitalized word: the tail of a longer name ("Friends for Fair Play"), not a name.
fn after_inner_connector(text: &str, toks: &[Tok], start: usize) -> bool {
    start >= 2
        && matches!(toks[start - 1].text(text), "of" | "for")
        && toks[start - 2].text(text).starts_with(char::is_uppercase)
}

/// Evidence that the two-word run `first..=last` is a person although it ends in an
/// organization head: a title or role noun right before it, or a role appositive after.
fn head_surname_evidence(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    first: usize,
    last: usize,
) -> bool {
    // A lower-case role noun or an abbreviated title ("director", "Sen."); a capitalised
    // title word can open a place's or a work's name ("Emperor Norton Bridge").
    let title_before = first.checked_sub(1).is_some_and(|p| {
        let w = toks[p].text(text);
        toks[p].is_word()
            && (w.ends_with('.') || !is_capitalized(w))
            && (LEX.is_role_noun(w) || LEX.honorific(w).is_some())
            && !roles::is_party_word(w)
    });
    // The appositive opens with an article or a role word ("Jo Church, a former aide",
    // "Jo Church, director of ..."), not with a plural ("X, majorities of voters").
    let appositive_head = toks.get(last + 2).is_some_and(|t| {
        t.is_word()
            && (matches!(t.text(text), "a" | "an" | "the")
                || LEX.is_role_noun(t.text(text))
                || contains(ROLE_MODIFIERS, t.text(text)))
    });
    title_before
        || (appositive_head && roles::appositive_role(text, toks, paras, last, false).is_some())
}

/// "Interestingly Blocher said": a sentence-opening adverb in -ly that is no given name
/// is not part of the name after it.
fn sentence_adverb(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = toks[k].text(text);
    w.len() > 5
        && w.ends_with("ly")
        && !LEX.is_first_name(w)
        && (k == 0 || toks[k - 1].kind == TokKind::Punct)
}

/// Whether the name after a stripped title-like word continues a place's name ("San
/// Francisco Bulletin", "New York Minute"): not a person.
fn continues_place(text: &str, toks: &[Tok], run_start: usize, name_start: usize) -> bool {
    (1..=2).any(|back| {
        name_start >= run_start + back
            && crate::analyze::gazetteer::PLACES
                .lookup(&text[toks[name_start - back].start..toks[name_start].end])
                .is_some()
    })
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
        // Candidates in order, each first <= last (as built): the neighbours are found by
        // binary search; otherwise by the plain scans, which give the same answer.
        let ordered = out.iter().all(|c| c.first <= c.last)
            && unconfirmed.iter().all(|&(f, l)| f <= l)
            && out.is_sorted_by_key(|c| c.first);
        unconfirmed.retain(|&(first, last)| {
            let (next, prev) = if ordered {
                let after = out.partition_point(|c| c.first <= last);
                let before = out.partition_point(|c| c.first < first);
                (
                    out.get(after),
                    out[..before].iter().rev().find(|c| c.last < first),
                )
            } else {
                (
                    out.iter().find(|c| c.first > last),
                    out.iter().rev().find(|c| c.last < first),
                )
            };
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
    // "her children, Ann and Tom": a list of lone given names, outside a place's slot.
    let lone = |&(f, l): &(usize, usize)| f == l && LEX.is_first_name(toks[f].text(text));
    for pair in unconfirmed.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let place_slot = a.0 > 0 && evidence::place_cue(toks[a.0 - 1].text(text));
        if lone(&a) && lone(&b) && !place_slot && evidence::list_gap(text, toks, a.1 + 1, b.0) {
            for (first, last) in [a, b] {
                if !out.iter().any(|c| c.first == first) {
                    let at = out.partition_point(|c| c.first < first);
                    let honorific = None;
                    out.insert(
                        at,
                        NameCandidate {
                            first,
                            last,
                            honorific,
                        },
                    );
                }
            }
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
        // "Republican Jews": a party word alone does not title a one-word name.
        (LEX.is_role_noun(t) && !(len == 1 && roles::is_party_word(t)))
            || LEX.honorific(t).is_some()
    };
    let prev_word = first.checked_sub(1).map(|p| toks[p]);
    let role_before = prev_word.is_some_and(|p| {
        p.is_word() && paras[p.start.min(paras.len() - 1)] == paras[first.min(paras.len() - 1)] && {
            let w = p.text(text);
            !is_capitalized(w) && LEX.is_role_noun(w)
        }
    });
    let by_honorific = honorific.is_some_and(|h| h + 1 == first);
    let titled = by_honorific || has_title_in_run || role_before;
    let span = Span::new(toks[first].start, toks[last].end);
    // "Republican Presidential candidate": a capitalised word before a role noun
    // modifies it.
    let before_role_noun = toks.get(last + 1).is_some_and(|t| {
        t.is_word() && !is_capitalized(t.text(text)) && LEX.is_role_noun(t.text(text))
    });
    // "General Electric", "Executive Order", "Planned Parenthood": words that are all
    // ordinary English nouns or adjectives, none a given name or surname, name no one
    // (after an honorific they still do: "Mr. Bean").
    if !by_honorific && all_common_words(text, toks, first, last) {
        return false;
    }
    if len == 1 {
        return !contains(PLACES, w0)
            && !before_role_noun
            && ((titled && fire(rules::PEOPLE_TITLED_SURNAME, span))
                || (first == run_start
                    && evidence::relation_slot(text, toks, first)
                    && fire(rules::PEOPLE_PERSON_CONTEXT, span))
                || (lone_given_name(text, toks, paras, first, first > run_start)
                    && fire(rules::PEOPLE_LONE_GIVEN_NAME, span)));
    }
    if evidence::known_non_person(text, toks, first, last) {
        // "Steven Law, a former aide", "the lawyer Ana Church": a given name and a
        // surname that is also an organization's head word, named a person by a title
        // or a role appositive (a listed organization or place stays one; a speech verb
        // is no evidence: organizations speak too).
        let head_surname = len == 2
            && is_given_name(w0)
            && !evidence::listed_non_person(text, toks, first, last)
            && head_surname_evidence(text, toks, paras, first, last)
            && fire(rules::PEOPLE_HEAD_WORD_SURNAME, span);
        if head_surname {
            return true;
        }
        if fire(rules::PEOPLE_KNOWN_NON_PERSON, span) {
            return false;
        }
    }
    if (is_given_name(w0) || LEX.is_east_asian_family(w0)) && fire(rules::PEOPLE_GIVEN_NAME, span) {
        return true;
    }
    if titled && fire(rules::PEOPLE_TITLED_NAME, span) {
        return true;
    }
    // "Bloomberg Politics said", "the Rust Belt told": context alone does not make a
    // person of a name that ends in an ordinary English word, which no US surname is
    // (data/common_words.txt leaves the Census surnames out).
    let surname_last = !LEX.is_common_word(toks[last].text(text));
    if surname_last
        && evidence::name_shaped(text, toks, first, last)
        && evidence::person_context(text, toks, first, last)
        && fire(rules::PEOPLE_PERSON_CONTEXT, span)
    {
        return true;
    }
    if w0.ends_with('.') && w0.chars().count() == 2 && fire(rules::PEOPLE_INITIAL, span) {
        // "L. Ron Hubbard"
        return true;
    }
    // Context: an appositive with a role noun, or a speech verb next to the name. A noun
    // for a kind of person heading the appositive ("X, a close friend of the family")
    // counts when the run does not open with an ordinary English word ("Election Day,
    // the ...").
    let person_nouns = !LEX.is_common_word(w0);
    if (roles::appositive_role(text, toks, paras, last, person_nouns).is_some()
        || roles::pre_appositive_role(text, toks, paras, first).is_some())
        && fire(rules::PEOPLE_ROLE_APPOSITIVE, span)
    {
        return true;
    }
    if affiliation::party_tag(text, toks, last).is_some() && fire(rules::PEOPLE_PARTY_TAG, span) {
        return true;
    }
    surname_last && speech_next_to(text, toks, first, last) && fire(rules::PEOPLE_SPEECH_VERB, span)
}

/// A speech verb right after the run `first..=last` ("X said"), or a reporting verb
/// right before it ("said X").
fn speech_next_to(text: &str, toks: &[Tok], first: usize, last: usize) -> bool {
    let next_is_speech = toks
        .get(last + 1)
        .is_some_and(|t| t.is_word() && LEX.speech_verb(t.text(text)).is_some_and(|v| !v.gerund));
    let prev_is_speech = first.checked_sub(1).is_some_and(|p| {
        toks[p].is_word()
            && matches!(
                toks[p].text(text).to_lowercase().as_str(),
                "said" | "says" | "added" | "told" | "wrote"
            )
    });
    next_is_speech || prev_is_speech
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

#[allow(dead_code)]
fn kind_is_possessive(t: &Tok) -> bool {
    t.kind == TokKind::Possessive
}

#[cfg(test)]
mod particle_tests {
    use super::*;

    #[test]
    fn every_particle_ends_in_a_hyphen_or_an_apostrophe() {
        // `has_particle_prefix` relies on it for its fast path.
        for p in PARTICLE_PREFIXES {
            assert!(p.ends_with(['-', '\'', '’']), "{p}");
        }
        assert!(has_particle_prefix("al-Karim") && !has_particle_prefix("alKarim"));
    }

    #[test]
    fn particles_are_short_lower_case_ascii_without_k() {
        // `is_particle` skips longer words: only the Kelvin sign lower-cases from
        // non-ASCII to ASCII ("k"), and no particle holds a "k".
        assert_eq!(
            PARTICLES.iter().map(|p| p.len()).max(),
            Some(LONGEST_PARTICLE)
        );
        for p in PARTICLES {
            assert!(
                p.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'),
                "{p}"
            );
            assert!(is_particle(p) && is_particle(&p.to_uppercase()));
        }
        assert!(!is_particle("dellas") && !is_particle("Van-") && !is_particle("Dé"));
    }
}
