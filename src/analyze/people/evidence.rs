//! Context evidence that a capitalised run names a person even when no list knows its
//! words: the slot it sits in ("directed by Ottavio Lugli", "the son of …"), what
//! follows it ("…, who", "…, 46,", "… was born"), and the run's own shape (every word
//! a plain name-like word, no place, organization or title word, not a known place or
//! organization as a whole). Lists are evidence here, never a gate.

use super::lexicon::{LEX, class, classes};
use super::tokens::{Tok, TokKind};
use crate::text::case::lower_cow;
use std::borrow::Cow;

/// Words after which a name-shaped run is a person ("written by", "met with").
const PERSON_SLOT_BEFORE: &[&str] = &[
    "by",
    "with",
    "married",
    "starring",
    "featuring",
    "interviewed",
    "replaced",
    "succeeded",
    "defeated",
    "beat",
    "hired",
    "fired",
    "appointed",
    "nominated",
    "elected",
    "named",
    "thanked",
    "praised",
    "criticized",
    "criticised",
];

/// Words that introduce a photo credit.
const CREDIT_WORDS: &[&str] = &[
    "image",
    "photo",
    "photograph",
    "picture",
    "credit",
    "photos",
];

/// Words before a name that put it in a place's slot ("in", "near").
const PLACE_CUES: &[&str] = &[
    "in", "near", "at", "from", "to", "outside", "around", "via", "into", "between", "across",
];

pub(crate) fn place_cue(w: &str) -> bool {
    PLACE_CUES.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// Last words of awards, events and titles of works, never of a person's name.
const WORK_HEADS: &[&str] = &[
    "Award",
    "Awards",
    "Prize",
    "Prizes",
    "Medal",
    "Trophy",
    "Cup",
    "Festival",
    "Lecture",
    "Lectures",
    "Mysteries",
    "Chronicles",
    "Diaries",
    "Adventures",
    "Girls",
    "Boys",
    "Show",
    "Series",
    "Saga",
    "Trilogy",
    "Bowl",
    // Party and national groups: "Reagan Democrats", "Young Americans".
    "Democrats",
    "Republicans",
    "Americans",
    "Conservatives",
    "Liberals",
];

/// Kinship and relation nouns: "the son of X", "X's widow".
const RELATION_NOUNS: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "father",
    "mother",
    "widow",
    "widower",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "cousin",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "parents",
    "child",
    "children",
    "girlfriend",
    "boyfriend",
    "partner",
    "fiancée",
    "fiance",
    "fiancé",
    "friend",
    "student",
    "pupil",
    "disciple",
    "sons",
    "daughters",
    "brothers",
    "sisters",
];

/// Words right after a name that make it a person ("X was born", "X died").
const PERSON_VERBS_AFTER: &[&str] = &[
    "died",
    "married",
    "starred",
    "resigned",
    "testified",
    "tweeted",
    "smiled",
    "laughed",
    "shrugged",
    "recalled",
    "himself",
    "herself",
];

/// Whether token `k` is a plain name-like word: capitalised, and in no word class other
/// than given name or family name.
pub(crate) fn is_plain_name_word(text: &str, t: &Tok) -> bool {
    if !t.is_word() {
        return false;
    }
    let w = t.text(text);
    let lists = t.lists(text);
    let bits = super::lexicon::classes_of(lists);
    // `LEX.is_role_noun(w)`, from the token's lists (a second probe only after a period).
    let role_noun = lists & crate::lexicon::compiled::ROLE_NOUNS != 0
        || (w.ends_with('.') && LEX.is_role_noun(w));
    bits & !(class::FIRST_NAME | class::EAST_ASIAN_FAMILY) == 0
        && !role_noun
        && LEX.honorific(w).is_none()
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().any(char::is_lowercase)
}

/// Whether the run `first..=last` has the shape of a personal name: two to four plain
/// name-like words (particles allowed inside) that are not a known place or organization.
pub(crate) fn name_shaped(text: &str, toks: &[Tok], first: usize, last: usize) -> bool {
    if last <= first || last - first > 4 {
        return false;
    }
    let plain = (first..=last)
        .filter(|&k| is_plain_name_word(text, &toks[k]))
        .count();
    let ends_plain =
        is_plain_name_word(text, &toks[first]) && is_plain_name_word(text, &toks[last]);
    let whole = &text[toks[first].start..toks[last].end];
    ends_plain
        && plain >= 2
        && crate::analyze::gazetteer::PLACES.lookup(whole).is_none()
        && crate::analyze::gazetteer::ORGS.lookup(whole).is_none()
}

/// Whether the run is a known place or organization, or ends in a place or
/// organization head ("Cruz Hill", "Virgin Media").
pub(crate) fn known_non_person(text: &str, toks: &[Tok], first: usize, last: usize) -> bool {
    use crate::analyze::gazetteer::{ORG_HEADS, PLACE_HEADS};
    let last_word = toks[last].text(text);
    listed_non_person(text, toks, first, last)
        || PLACE_HEADS.is_one_word_head(last_word)
        || ORG_HEADS.is_one_word_head(last_word)
        || WORK_HEADS.contains(&last_word)
}

/// Whether the run `first..=last` is a listed place or organization.
pub(crate) fn listed_non_person(text: &str, toks: &[Tok], first: usize, last: usize) -> bool {
    use crate::analyze::gazetteer::{ORGS, PLACES};
    let whole = &text[toks[first].start..toks[last].end];
    // "Al Qaeda" at a sentence start is listed as "al Qaeda": a capitalised first
    // particle is looked up in lower case too.
    let lowered = || {
        let first_word = toks[first].text(text);
        (first_word.len() <= 3 && first < last).then(|| {
            let mut s = first_word.to_lowercase();
            s.push_str(&whole[first_word.len()..]);
            s
        })
    };
    PLACES.lookup(whole).is_some()
        || ORGS.lookup(whole).is_some()
        || lowered().is_some_and(|w| ORGS.lookup(&w).is_some() || PLACES.lookup(&w).is_some())
}

fn lower<'t>(text: &'t str, toks: &[Tok], k: usize) -> Cow<'t, str> {
    toks.get(k)
        .map(|t| lower_cow(t.text(text)))
        .unwrap_or_default()
}

/// Evidence from the words around the run `first..=last` that it names a person.
pub(crate) fn person_context(text: &str, toks: &[Tok], first: usize, last: usize) -> bool {
    let before = |i: usize| first.checked_sub(i).map(|k| lower(text, toks, k));
    let b1 = before(1).unwrap_or_default();
    let b2 = before(2).unwrap_or_default();
    if PERSON_SLOT_BEFORE.contains(&b1.as_ref()) {
        return true;
    }
    // A photo credit: "Image: Jane Roe", "Photo by Jane Roe".
    if b1 == ":" && CREDIT_WORDS.contains(&b2.as_ref()) {
        return true;
    }
    // "the son of X", "a friend of X".
    if b1 == "of" && RELATION_NOUNS.contains(&b2.as_ref()) {
        return true;
    }
    // "his eldest son Jan de Wit", "her aunt, Mara Ost,": a kinship noun an owner holds.
    if relation_slot(text, toks, first) {
        return true;
    }
    let a1 = lower(text, toks, last + 1);
    let a2 = lower(text, toks, last + 2);
    let a3 = lower(text, toks, last + 3);
    // "X, who …", "X, 46, …", "X (born 1950)", "X was born".
    if a1 == "," && a2 == "who" {
        return true;
    }
    if a1 == "," && !a2.is_empty() && a2.chars().all(|c| c.is_ascii_digit()) && a3 == "," {
        return a2.len() <= 3;
    }
    if a1 == "(" && (a2 == "born" || a2 == "née" || a2 == "b.") {
        return true;
    }
    if (a1 == "was" || a1 == "is") && a2 == "born" {
        return true;
    }
    // "Ann and I".
    if a1 == "and" && (a2 == "i" || a2 == "me") {
        return true;
    }
    if PERSON_VERBS_AFTER.contains(&a1.as_ref()) {
        return true;
    }
    // "X's wife", "X's widow".
    toks.get(last + 1)
        .is_some_and(|t| t.kind == TokKind::Possessive)
        && RELATION_NOUNS.contains(&a2.as_ref())
}

/// A name right after a kinship noun, bare or as its appositive ("his daughter Ann",
/// "her father, Tomasz,"): a person even as one unknown word.
pub(crate) fn relation_slot(text: &str, toks: &[Tok], first: usize) -> bool {
    // The word `i` tokens back, lower-cased; asked only as far as the tests get.
    let back = |i: usize| {
        first
            .checked_sub(i)
            .map(|k| lower(text, toks, k))
            .unwrap_or_default()
    };
    let owner = |w: &str| matches!(w, "his" | "her" | "their" | "my" | "our" | "your");
    let kin = |w: &str| RELATION_NOUNS.contains(&w) && !matches!(w, "partner" | "student");
    // "their nine-month-old child, Gloria,", "her younger sister, Ann": one modifier
    // may stand between the owner and the kinship noun.
    let modifier = first >= 3
        && toks[first - 3].is_word()
        && !super::tokens::is_capitalized(toks[first - 3].text(text));
    let b1 = back(1);
    (kin(&b1) && (owner(&back(2)) || first >= 2 && toks[first - 2].is_word()))
        || (b1 == "," && kin(&back(2)) && {
            let b3 = back(3);
            owner(&b3) || b3 == "two" || b3 == "three" || modifier && owner(&back(4))
        })
}

/// Whether the tokens between two runs join them as members of one list
/// ("A, B and C", "A or B").
pub(crate) fn list_gap(text: &str, toks: &[Tok], from: usize, to: usize) -> bool {
    // "A, Arizona Sen. B": the next member's title stands in the gap.
    let mut to = to;
    while to > from + 1 && {
        let w = toks[to - 1].text(text);
        super::tokens::is_capitalized(w)
            && classes(w) & (class::ROLE_NOUN | class::PLACE | class::HONORIFIC) != 0
    } {
        to -= 1;
    }
    // Every gap that can match has one or two tokens: a longer one is read no further.
    match to.saturating_sub(from) {
        1 => matches!(toks[from].text(text), "," | "and" | "or" | "&"),
        2 => toks[from].text(text) == "," && matches!(toks[from + 1].text(text), "and" | "or"),
        _ => false,
    }
}
