//! Organizations named in an article: well-known names from a gazetteer
//! (data/organizations.txt), names ending in an organization head ("Fudan University",
//! "Virgin Trains", "U.S. Senate"; data/org_heads.txt) or holding one before "of"
//! ("University of Chile"), acronyms ("FDIC"), web names ("Secunia.com"), and names in an
//! organization's slot ("an analyst at Trivium China", "Environment Canada spokeswoman").
//! People's names and places are never reported as organizations.

use super::gazetteer::{
    GROUP_PLURAL_ENDINGS, ORG_HEADS, ORGS, PLACE_HEADS, PLACES, is_country, is_language,
    is_place_word, is_title,
};
use super::org_group::group;
use super::org_shapes::{advocacy_name, officer_offices};
use super::org_words::{
    MEDIA_WORKS, NOT_ORG_ACRONYMS, NOT_TEAM_PLURALS, ORG_FOLLOWERS, OUTLET_WORDS, ROLE_NOUNS,
    WORK_FOLLOWERS,
};
use super::people::lexicon::LEX;
use super::proper_nouns::{self, Chunk};
use crate::analyze::rules::{self, fire};
use crate::model::{Document, NamedEntity, Person, Span};
use foldhash::{HashMap, HashMapExt, HashSet};
use regex::Regex;
use std::sync::LazyLock;

/// A name that is no sentence opener, date, common capitalized word or one-word
/// adjective ("Tuesday's poll", "a Republican poll", "Today's show").
fn plain_name(doc: &Document, chunk: &Chunk) -> bool {
    let text = chunk.text(doc);
    let lower = crate::text::case::lower_cow(text);
    let last = chunk.last_word(doc);
    !chunk.sentence_initial
        && !crate::lexicon::WEEKDAYS.contains(&last)
        && !crate::lexicon::MONTHS.iter().any(|&(m, _)| m == last)
        && !proper_nouns::is_stopword(&lower)
        && crate::lexicon::compiled::WORDS.get(&lower) & crate::lexicon::compiled::NON_NAME_CAPS
            == 0
        && !(chunk.words.len() == 1 && (lower.ends_with("an") || lower.ends_with("ic")))
}

/// Whether a possessive name is followed, within three lower-case words, by a media work.
fn owns_media_work(doc: &Document, chunk: &Chunk) -> bool {
    if !chunk.possessive || !plain_name(doc, chunk) {
        return false;
    }
    let rest = doc.text[chunk.span.end..].trim_start_matches(['\'', '’', 's']);
    rest.split_whitespace()
        .take(4)
        .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .any(|w| MEDIA_WORKS.contains(&w.trim_end_matches([',', '.', ';', ':'])))
}

/// Words before a name that make it a source organization ("according to Radio Cooperativa").
const SOURCE_CUES: &[&[&str]] = &[
    &["according", "to"],
    &["citing"],
    &["reported", "by"],
    &["published", "by"],
];

static WEB_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Za-z0-9]+(?:\.[A-Za-z]{2,4})+$").expect("web-name pattern compiles")
});

fn is_acronym(w: &str) -> bool {
    // Capitals, digits and "&" only (the shape test fails most words at their second
    // byte), so the letters are the capitals.
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'&')
        && (2..=5).contains(&w.bytes().filter(u8::is_ascii_uppercase).count())
        && !NOT_ORG_ACRONYM_SET.contains(w)
}

/// [`NOT_ORG_ACRONYMS`] as a set: most chunks of one short word were compared with
/// every entry of the same length.
static NOT_ORG_ACRONYM_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOT_ORG_ACRONYMS.iter().copied().collect());

/// Whether the sentence around `span` is written in capitals (a shouted headline).
fn in_all_caps_text(doc: &Document, chunk: &Chunk) -> bool {
    let s = doc.sentence_text(chunk.sentence);
    // Counted in one pass, nothing collected.
    let (letters, upper) = s
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0usize, 0usize), |(n, up), c| {
            (n + 1, up + usize::from(c.is_uppercase()))
        });
    letters > 12 && upper * 10 > letters * 7
}

/// Whether a proper-noun chunk names an organization by its form alone (gazetteer,
/// head word, acronym, web name). Shared with the place rules so "University of Chile"
/// is not taken for Chile.
pub(crate) fn org_by_form(doc: &Document, chunk: &Chunk) -> bool {
    // Asked of most chunks by both the place and the organization rules.
    chunk.memo.get(proper_nouns::Asked::OrgByForm, || {
        org_by_form_now(doc, chunk)
    })
}

/// [`org_by_form`], computed.
fn org_by_form_now(doc: &Document, chunk: &Chunk) -> bool {
    let text = chunk.text(doc);
    if ORGS.lookup(text).is_some() && fire(rules::ORGS_GAZETTEER, chunk.span) {
        return true;
    }
    // "Metro Toronto Convention Centre", "Sydney Opera House": a venue ending in a place
    // head is a place, though "Centre" alone makes an organization.
    // … unless what comes before the place head is an organization ("Fox News Channel").
    if proper_nouns::ends_with_head(doc, chunk, &PLACE_HEADS) {
        let n = chunk.words.len();
        let before_head = doc.slice(Span::new(chunk.span.start, chunk.words[n - 2].end));
        return ORGS.lookup(before_head).is_some() && fire(rules::ORGS_GAZETTEER, chunk.span);
    }
    if (proper_nouns::ends_with_head(doc, chunk, &ORG_HEADS)
        || proper_nouns::head_before_of(doc, chunk, &ORG_HEADS))
        && fire(rules::ORGS_HEAD_WORD, chunk.span)
    {
        return true;
    }
    if PLACES.lookup(text).is_some() {
        return false;
    }
    if is_team_name(doc, chunk)
        || (the_plural_name(doc, chunk) && fire(rules::ORGS_THE_PLURAL_NAME, chunk.span))
        || (fans_team(doc, chunk) && fire(rules::ORGS_FANS_TEAM, chunk.span))
    {
        return true;
    }
    if advocacy_name(doc, chunk) && fire(rules::ORGS_ADVOCACY_NAME, chunk.span) {
        return true;
    }
    // "Procter & Gamble", "Texas A&M", "Social Science & Medicine".
    if chunk.words.len() > 1
        && chunk.words.iter().any(|w| doc.slice(*w).contains('&'))
        && fire(rules::ORGS_AMPERSAND, chunk.span)
    {
        return true;
    }
    chunk.words.len() == 1 && WEB_NAME.is_match(text) && fire(rules::ORGS_WEB_NAME, chunk.span)
}

/// A sports team named after its home: a known place followed by one or two capitalised
/// words ending in a plural ("Houston Astros", "Boston Red Sox", "Tampa Bay Rays").
fn is_team_name(doc: &Document, chunk: &Chunk) -> bool {
    let n = chunk.words.len();
    if !(2..=5).contains(&n) {
        return false;
    }
    let last = chunk.last_word(doc);
    let plural = (last.ends_with('s') && !last.ends_with("ss")) || last == "Sox";
    if !plural || NOT_TEAM_PLURALS.contains(&last) || last.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    (1..n).any(|k| {
        n - k <= 2
            && chunk.words[k..]
                .iter()
                .all(|w| doc.slice(*w).starts_with(char::is_uppercase))
            && PLACES
                .lookup(&doc.text[chunk.span.start..chunk.words[k - 1].end])
                .is_some()
    })
}

/// A name shaped like a team's, band's or club's: capitalized words ending in a plural of
/// four letters or more — not a people or party ("Republicans", caught by their endings),
/// a range or islands ([`NOT_TEAM_PLURALS`]), a place head or a known place.
fn team_plural_shape(doc: &Document, chunk: &Chunk) -> bool {
    let last = chunk.last_word(doc);
    let plural =
        (last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us")) || last == "Sox";
    plural
        && last.chars().count() >= 4
        && !NOT_TEAM_PLURALS.contains(&last)
        && !GROUP_PLURAL_ENDINGS.iter().any(|e| last.ends_with(e))
        && !PLACE_HEADS.is_one_word_head(last)
        && chunk
            .words
            .iter()
            .all(|w| doc.slice(*w).starts_with(char::is_uppercase))
        && PLACES.lookup(chunk.text(doc)).is_none()
        // "the East Los Angeles": a known place at the end.
        && !PLACES
            .find(chunk.text(doc))
            .iter()
            .any(|m| m.span.end == chunk.span.len())
}

/// "the Rice Owls", "the Altona Harriers" in a sentence about sport: a team-shaped name
/// of two words or more after "the" is a team (one word, "the Owls", is as often a
/// family: "the Clintons").
fn the_plural_name(doc: &Document, chunk: &Chunk) -> bool {
    chunk.words.len() >= 2
        && team_plural_shape(doc, chunk)
        && proper_nouns::word_before(doc, chunk.span.start).as_deref() == Some("the")
        && proper_nouns::in_sports_sentence(doc, chunk.sentence)
}

/// "a Harriers fan", "Owls fans": a team-shaped name of up to three words before "fan(s)".
fn fans_team(doc: &Document, chunk: &Chunk) -> bool {
    (
        // "Sports fans aren't …": a sentence's first word may be capitalized only for that.
        (2..=3).contains(&chunk.words.len()) || (chunk.words.len() == 1 && !chunk.sentence_initial)
    ) && matches!(next_lower_word(doc, chunk), "fan" | "fans")
        && team_plural_shape(doc, chunk)
}

/// Whether a one-word chunk is a newspaper called by its head word after "the", and
/// not a modifier of the noun after it ("the Independent candidate").
fn the_outlet(doc: &Document, chunk: &Chunk) -> bool {
    let text = chunk.text(doc);
    // Most chunks are no outlet's one word: asked before the words after it are read.
    if chunk.words.len() != 1 || !OUTLET_WORDS.contains(&text) {
        return false;
    }
    let next_lower = doc.text[chunk.span.end..]
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_lowercase);
    let next_word = proper_nouns::letters_opening(doc.text[chunk.span.end..].trim_start());
    let modifier = next_lower && !proper_nouns::is_stopword(next_word) && !is_verb_like(next_word);
    !chunk.sentence_initial
        && proper_nouns::word_before(doc, chunk.span.start).as_deref() == Some("the")
        && !modifier
}

/// A lower-case word that reads as a verb after a subject ("reported", "says", "ran").
fn is_verb_like(word: &str) -> bool {
    word.ends_with("ed")
        || word.ends_with("es")
        || matches!(
            word,
            "says" | "said" | "ran" | "wrote" | "has" | "had" | "is" | "was" | "only"
        )
}

/// How an acronym is introduced: "Nuclear Non-Proliferation Treaty (NPT)" makes NPT
/// whatever the name before it is. Returns the chunk index of that name.
fn acronym_definition(doc: &Document, chunks: &[Chunk], ci: usize) -> Option<usize> {
    let c = &chunks[ci];
    let prev = ci.checked_sub(1)?;
    let p = &chunks[prev];
    let gap = &doc.text[p.span.end..c.span.start];
    let after = &doc.text[c.span.end..];
    (p.sentence == c.sentence && gap == " (" && after.starts_with(')')).then_some(prev)
}

/// Whether an acronym names an organization: a known one, one introduced after an
/// organization's name, one in an organization's slot, or one used with "the" as the
/// head of its phrase ("a lawyer for the XYZ said") — never a place's or a defined
/// non-organization's acronym, nor an unknown one that only modifies a noun ("the XYZ
/// version of the bill", "the LGBT community"): shape alone is no evidence.
fn acronym_is_org(
    doc: &Document,
    chunks: &[Chunk],
    ci: usize,
    people: &PeopleIndex,
    defined: &Definitions,
) -> bool {
    let c = &chunks[ci];
    let text = c.text(doc);
    if c.words.len() != 1
        || !is_acronym(text)
        || in_all_caps_text(doc, c)
        || PLACES.lookup(text).is_some()
    {
        return false;
    }
    if ORGS.lookup(text).is_some() {
        return true;
    }
    // The same acronym introduced anywhere in the article decides.
    if let Some(&is_org) = defined.expanded.get(text) {
        return is_org;
    }
    if let Some(&def) = defined.before.get(text) {
        let name = &chunks[def];
        return !people.overlaps(doc, name)
            && (org_by_form(doc, name) || org_named_after_country(doc, name));
    }
    let before = proper_nouns::word_before(doc, c.span.start);
    // "the XYZ of the rocket" names a thing of the rocket's.
    let of_phrase = next_lower_word(doc, c) == "of";
    org_by_context(doc, c)
        || (before.as_deref() == Some("the")
            && ((heads_its_phrase(doc, c) && !of_phrase) || names_its_staff(doc, c)))
        || acronym_speaks(doc, c, before.as_deref())
        || (employs_person(doc, c, people) && fire(rules::ORGS_ACRONYM_EMPLOYER, c.span))
}

/// "XYZ's Jane Roe", "XYZ's chief economist": an acronym whose possessive is followed
/// by a person's name or a role noun is that person's employer.
fn employs_person(doc: &Document, c: &Chunk, people: &PeopleIndex) -> bool {
    if !c.possessive {
        return false;
    }
    let rest = &doc.text[c.span.end..];
    let Some(after) = ["'s ", "’s ", "' ", "’ "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return false;
    };
    let at = doc.text.len() - after.len();
    let next = proper_nouns::letters_opening(after);
    people.starts_at(at) || (next.starts_with(char::is_lowercase) && LEX.is_role_noun(next))
}

/// The lower-case word right after a chunk, when only a space separates them.
fn next_lower_word<'a>(doc: &'a Document, chunk: &Chunk) -> &'a str {
    let rest = &doc.text[chunk.span.end..];
    if chunk.possessive || !rest.starts_with(' ') {
        return "";
    }
    let w = proper_nouns::letters_opening(&rest[1..]);
    if w.starts_with(char::is_lowercase) {
        w
    } else {
        ""
    }
}

/// "the XYZ chair", "the XYZ hosts", "the XYZ spokesman", "the XYZ show": an acronym
/// before a role noun or what an organization has or makes is the employer or maker.
fn names_its_staff(doc: &Document, chunk: &Chunk) -> bool {
    let next = next_lower_word(doc, chunk);
    let singular = next.strip_suffix('s').unwrap_or(next);
    !next.is_empty()
        && (LEX.is_role_noun(next)
            || LEX.is_role_noun(singular)
            || ORG_FOLLOWERS.contains(&next)
            // "the XYZ program" is more often a government programme (a law's acronym).
            || (MEDIA_WORKS.contains(&next) && !next.starts_with("program")))
}

/// "XYZ said in a statement", "told XYZ": a speaker or addressee written in capitals is
/// no person, so an acronym there is an organization.
fn acronym_speaks(doc: &Document, chunk: &Chunk, before: Option<&str>) -> bool {
    let next = next_lower_word(doc, chunk);
    // A verb's past or third-person form: "reply", "review" are as often nouns.
    let finite = next.ends_with("ed")
        || next.ends_with('s')
        || matches!(next, "said" | "told" | "wrote" | "spoke");
    before == Some("told") || (finite && LEX.speech_verb(next).is_some())
}

/// Whether a name after "the" is the head of its noun phrase, not a modifier of a noun
/// after it: "the XYZ said" or "by the XYZ." names something, while "the XYZ version of
/// the bill" or "the XYZ community" only describes the noun (an acronym used so is as
/// often a programme, a law or a trait as an organization).
fn heads_its_phrase(doc: &Document, chunk: &Chunk) -> bool {
    let rest = &doc.text[chunk.span.end..];
    if chunk.possessive || !rest.starts_with(' ') {
        return true;
    }
    let next: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    !next.starts_with(char::is_lowercase) || proper_nouns::is_stopword(&next) || is_verb_like(&next)
}

/// Whether the chunk follows a role noun and "at"/"of"/"for"/"with" ("an analyst at
/// X", "director of X"), or "at" after a role with its field ("a professor of law at X",
/// "vice president for public affairs at X"): the employer's slot.
pub(crate) fn in_role_slot(doc: &Document, chunk: &Chunk) -> bool {
    // Asked in every round of the place slot rules and by the organization rules.
    chunk.memo.get(proper_nouns::Asked::InRoleSlot, || {
        in_role_slot_now(doc, chunk)
    })
}

/// [`in_role_slot`], computed.
fn in_role_slot_now(doc: &Document, chunk: &Chunk) -> bool {
    // Both slots open with one of four words: the six words are read only after one.
    let slot_word = proper_nouns::word_before(doc, chunk.span.start);
    if !matches!(slot_word.as_deref(), Some("at" | "of" | "for" | "with")) {
        return false;
    }
    let before = proper_nouns::words_before(doc, chunk.span.start, 6);
    let b = |i: usize| before.get(i).map(|w| w.as_ref()).unwrap_or("");
    // "a professor of linguistics": after an academic's "of" comes a field.
    let field_of =
        b(0) == "of" && matches!(b(1), "professor" | "lecturer" | "student" | "students");
    if matches!(b(0), "at" | "of" | "for" | "with") && ROLE_NOUNS.contains(&b(1)) && !field_of {
        return true;
    }
    b(0) == "at"
        && (3..before.len()).any(|k| {
            ROLE_NOUNS.contains(&b(k))
                && matches!(b(k - 1), "of" | "in" | "for")
                && (1..k - 1).all(|i| {
                    !matches!(b(i), "the" | "a" | "an" | "and" | "or")
                        && b(i).chars().all(|ch| ch.is_lowercase())
                })
        })
}

/// Whether one of [`SOURCE_CUES`] ends right before the chunk ("according to X"): the
/// word before is read first, the cue's other words only when it ends a cue.
fn after_source_cue(doc: &Document, chunk: &Chunk) -> bool {
    let Some(last) = proper_nouns::word_before(doc, chunk.span.start) else {
        return false;
    };
    if !SOURCE_CUES
        .iter()
        .any(|cue| cue.last() == Some(&last.as_ref()))
    {
        return false;
    }
    let before = proper_nouns::words_before(doc, chunk.span.start, 3);
    let b = |i: usize| before.get(i).map(|w| w.as_ref()).unwrap_or("");
    SOURCE_CUES
        .iter()
        .any(|cue| cue.iter().rev().enumerate().all(|(i, w)| b(i) == *w))
}

/// Whether the chunk sits in an organization's slot by its context.
fn org_by_context(doc: &Document, chunk: &Chunk) -> bool {
    // "taught English at a school": a language's name is not an organization.
    if is_language(chunk.text(doc)) {
        return false;
    }
    if in_role_slot(doc, chunk) || owns_media_work(doc, chunk) {
        return true;
    }
    if !chunk.possessive && after_source_cue(doc, chunk) {
        return true;
    }
    let after = doc.text[chunk.span.end..]
        .trim_start_matches(['\'', '’', 's'])
        .trim_start();
    let word_end = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let next = crate::text::case::lower_cow(&after[..word_end]);
    // "American officials", "City officials": a nationality or a bare head word is no name.
    let one_word = chunk.words.len() == 1;
    let not_a_name = one_word
        && (is_place_word(&crate::text::case::lower_cow(chunk.text(doc)))
            || ORG_HEADS.is_one_word_head(chunk.text(doc))
            || PLACE_HEADS.is_one_word_head(chunk.text(doc)));
    let plain_name = plain_name(doc, chunk);
    let follower = ORG_FOLLOWERS.contains(&next.as_ref())
        || (WORK_FOLLOWERS.contains(&next.as_ref()) && plain_name);
    // "Government officials said": a sentence's first word is capitalized for its place,
    // and an ordinary English word there names nothing.
    let opener = one_word
        && chunk.sentence_initial
        && LEX.is_common_word(chunk.text(doc))
        && fire(rules::ORGS_OPENER_COMMON_WORD, chunk.span);
    if opener {
        return false;
    }
    if !chunk.possessive && !not_a_name && follower && doc.text[chunk.span.end..].starts_with(' ') {
        return true;
    }
    false
}

/// A name that ends in a country but starts with other words is a company or agency
/// named after the country ("Environment Canada", "Trivium China") — unless the leading
/// words are directions ("South China") or titles.
pub(crate) fn org_named_after_country(doc: &Document, chunk: &Chunk) -> bool {
    if chunk.words.len() < 2 || chunk.words.iter().any(|w| doc.slice(*w) == "of") {
        return false;
    }
    let last = chunk.last_word(doc);
    let Some(entry) = PLACES.lookup(last) else {
        return false;
    };
    if !is_country(entry) {
        return false;
    }
    let lead = doc.slice(chunk.words[0]);
    const DIRECTIONS: &[&str] = &[
        "North",
        "South",
        "East",
        "West",
        "Central",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Upper",
        "Lower",
        "Greater",
        "Inner",
        "Outer",
        "New",
        "Old",
        "Mainland",
        "Communist",
        "Imperial",
        "Modern",
        "Ancient",
    ];
    // "Spanish Netherlands", "British India": a nationality before a country.
    !DIRECTIONS.contains(&lead)
        && !is_place_word(&lead.to_lowercase())
        && !chunk.words.iter().any(|w| is_title(doc.slice(*w)))
        && PLACES.lookup(chunk.text(doc)).is_none()
        && !chunk.sentence_initial
}

/// The people found, indexed so that checking a chunk against all of them costs a
/// binary search and two hash probes, not a scan (a scan made long documents quadratic).
struct PeopleIndex<'a> {
    /// Every mention, by start.
    mentions: Vec<Span>,
    /// For each mention in `mentions`, the furthest end among it and those before it.
    max_end: Vec<usize>,
    names: HashSet<&'a str>,
    /// Aliases of more than one word.
    aliases: HashSet<&'a str>,
}

impl<'a> PeopleIndex<'a> {
    fn new(people: &'a [Person]) -> Self {
        let mut mentions: Vec<Span> = people
            .iter()
            .flat_map(|p| p.mentions.iter().copied())
            .collect();
        mentions.sort_by_key(|m| m.start);
        let max_end = mentions
            .iter()
            .scan(0, |far, m| {
                *far = (*far).max(m.end);
                Some(*far)
            })
            .collect();
        PeopleIndex {
            mentions,
            max_end,
            names: people.iter().map(|p| p.name.as_str()).collect(),
            aliases: people
                .iter()
                .flat_map(|p| p.aliases.iter())
                .filter(|a| a.contains(' '))
                .map(String::as_str)
                .collect(),
        }
    }

    /// "Jo Roe Slams The Council", "Jo Roe To Release Records": a title-case headline
    /// run opening with a person's name and a verb or function word after it is no
    /// organization's name, whatever it ends in ("… Bad News").
    fn opens_headline(&self, doc: &Document, chunk: &Chunk) -> bool {
        let n = chunk.words.len();
        (2..n).any(|k| {
            let name = &doc.text[chunk.span.start..chunk.words[k - 1].end];
            let next = doc.slice(chunk.words[k]);
            if !(self.names.contains(name) || self.aliases.contains(name))
                || !next.starts_with(char::is_uppercase)
            {
                return false;
            }
            let lower = next.to_lowercase();
            is_verb_like(&lower)
                || super::people::lexicon::is_function_word(&lower)
                || LEX.speech_verb(&lower).is_some()
                || (lower.ends_with('s') && !lower.ends_with("ss") && k + 1 < n)
        })
    }

    /// Whether a person's mention starts at byte `at`.
    fn starts_at(&self, at: usize) -> bool {
        let i = self.mentions.partition_point(|m| m.start < at);
        self.mentions.get(i).is_some_and(|m| m.start == at)
    }

    /// Whether the chunk overlaps a person's mention or spells a person's name or
    /// multi-word alias.
    fn overlaps(&self, doc: &Document, chunk: &Chunk) -> bool {
        let text = chunk.text(doc);
        // Mentions starting before the chunk ends overlap it when one ends after its start.
        let before_end = self.mentions.partition_point(|m| m.start < chunk.span.end);
        let overlapping = before_end > 0 && self.max_end[before_end - 1] > chunk.span.start;
        overlapping || self.names.contains(text) || self.aliases.contains(text)
    }
}

/// How the article spells out its acronyms.
struct Definitions<'a> {
    /// "… Treaty (NPT)": the chunk index of the name before the acronym, first use.
    before: HashMap<&'a str, usize>,
    /// "ROS [reactive oxygen species]", "the VM (virtual microscope)": an expansion
    /// after the acronym, and whether it names an organization.
    expanded: HashMap<&'a str, bool>,
}

/// Each acronym's definition, the first place in the article where it is introduced.
fn defined_acronyms<'a>(doc: &'a Document, chunks: &[Chunk]) -> Definitions<'a> {
    let mut before = HashMap::new();
    let mut expanded = HashMap::new();
    for di in 0..chunks.len() {
        if let Some(def) = acronym_definition(doc, chunks, di) {
            before.entry(chunks[di].text(doc)).or_insert(def);
        }
        let c = &chunks[di];
        if c.words.len() == 1
            && is_acronym(c.text(doc))
            && let Some(expansion) = expansion_after(doc, c)
        {
            let last = expansion.rsplit(' ').next().unwrap_or("");
            let is_org = ORGS.lookup(expansion).is_some()
                || (expansion.contains(' ')
                    && last.starts_with(char::is_uppercase)
                    && ORG_HEADS.is_one_word_head(last));
            expanded.entry(c.text(doc)).or_insert(is_org);
        }
    }
    Definitions { before, expanded }
}

/// The words in brackets right after an acronym, up to a comma or the closing bracket,
/// when their initials spell it: "ROS [Reactive Oxygen Species, the …]" → "Reactive
/// Oxygen Species".
fn expansion_after<'a>(doc: &'a Document, c: &Chunk) -> Option<&'a str> {
    let rest = &doc.text[c.span.end..];
    let inner = rest
        .strip_prefix(" (")
        .or_else(|| rest.strip_prefix(" ["))?;
    let end = inner.find([',', ')', ']', ';'])?;
    let expansion = inner[..end].trim();
    let spelled: String = expansion
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|ch| ch.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    let letters: String = c
        .text(doc)
        .chars()
        .filter(|ch| ch.is_alphabetic())
        .collect();
    (expansion.len() <= 80 && spelled == letters).then_some(expansion)
}

/// Organizations in the article, fullest form first-mentioned order.
pub fn extract(doc: &Document, people: &[Person], places: &[NamedEntity]) -> Vec<NamedEntity> {
    extract_from(doc, &proper_nouns::chunks(doc), people, places)
}

/// [`extract`] over the document's proper-noun chunks, computed once for every stage.
pub fn extract_from(
    doc: &Document,
    chunks: &[proper_nouns::Chunk],
    people: &[Person],
    places: &[NamedEntity],
) -> Vec<NamedEntity> {
    let place_spans: HashSet<Span> = places
        .iter()
        .flat_map(|p| p.mentions.iter().copied())
        .collect();
    let people = PeopleIndex::new(people);
    let defined = defined_acronyms(doc, chunks);
    // "Kennedy Space Center (KSC)" where the place stage took the venue: KSC is the place's.
    let place_acronyms: HashSet<&str> = defined
        .before
        .iter()
        .filter(|(_, def)| place_spans.contains(&chunks[**def].span))
        .map(|(acronym, _)| *acronym)
        .collect();
    let mut found: Vec<(String, Span)> = Vec::new();
    for (ci, chunk) in chunks.iter().enumerate() {
        if people.overlaps(doc, chunk) {
            continue;
        }
        if PLACES.lookup(chunk.text(doc)).is_some() && ORGS.lookup(chunk.text(doc)).is_none() {
            continue;
        }
        if people.opens_headline(doc, chunk) && fire(rules::ORGS_HEADLINE_PERSON, chunk.span) {
            continue;
        }
        // "super PAC", "GDP": capitals that are never an organization's name.
        if chunk.words.len() == 1
            && NOT_ORG_ACRONYM_SET.contains(chunk.text(doc))
            && ORGS.lookup(chunk.text(doc)).is_none()
        {
            continue;
        }
        // A venue the place stage took ("a lab at Johnson Space Center").
        if place_spans.contains(&chunk.span) && super::facilities::is_facility(doc, chunk) {
            continue;
        }
        let outlet = the_outlet(doc, chunk) && fire(rules::ORGS_THE_OUTLET, chunk.span);
        let is_org = outlet
            || org_by_form(doc, chunk)
            || (org_named_after_country(doc, chunk)
                && fire(rules::ORGS_NAMED_AFTER_COUNTRY, chunk.span))
            || (acronym_is_org(doc, chunks, ci, &people, &defined)
                && !place_acronyms.contains(chunk.text(doc))
                && fire(rules::ORGS_ACRONYM, chunk.span));
        // A bare head word ("Government", "Police") is not a name.
        let bare_head =
            chunk.words.len() == 1 && ORG_HEADS.is_one_word_head(chunk.text(doc)) && !outlet;
        if bare_head && ORGS.lookup(chunk.text(doc)).is_none() {
            continue;
        }
        let is_place = place_spans.contains(&chunk.span);
        let acronym_like = chunk.words.len() == 1 && is_acronym(chunk.text(doc));
        if is_org
            || (!is_place
                && !acronym_like
                && org_by_context(doc, chunk)
                && !chunk.words.iter().any(|w| is_title(doc.slice(*w)))
                && fire(rules::ORGS_CONTEXT, chunk.span))
        {
            // "Standard & Poor's" keeps the apostrophe that is part of its name.
            let mut span = chunk.span;
            if chunk.possessive {
                for suffix in ["'s", "’s"] {
                    let longer = Span::new(span.start, span.end + suffix.len());
                    if doc.text[span.end..].starts_with(suffix)
                        && ORGS.lookup(doc.slice(longer)).is_some()
                    {
                        span = longer;
                    }
                }
            }
            found.push((doc.slice(span).to_string(), span));
        }
    }
    // "the Lake County Coroner's Office": the office holds the names inside it.
    for span in officer_offices(doc) {
        if fire(rules::ORGS_OFFICER_OFFICE, span) {
            found.retain(|(_, s)| !(s.start >= span.start && s.end <= span.end));
            found.push((doc.slice(span).to_string(), span));
        }
    }
    // The news agency of a dateline ("SPRINGFIELD (AP) —").
    for d in super::datelines::datelines(doc) {
        if let Some(span) = d.agency
            && !found.iter().any(|(_, s)| *s == span)
            && fire(rules::ORGS_DATELINE_AGENCY, span)
        {
            found.push((doc.slice(span).to_string(), span));
        }
    }
    // Gazetteer names outside any chunk (lower-case starts such as "eBay").
    for m in ORGS.find(&doc.text) {
        if proper_nouns::chunk_containing(chunks, m.span).is_none()
            && doc.sentence_at(m.span.start).is_some()
            && fire(rules::ORGS_LOWERCASE_GAZETTEER, m.span)
        {
            found.push((doc.slice(m.span).to_string(), m.span));
        }
    }
    found.sort_by_key(|(_, s)| s.start);
    group(doc, found)
}
