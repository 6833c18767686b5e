//! Places named in an article: gazetteer names (data/places.txt: countries, capitals,
//! major cities, states, provinces, regions, with aliases such as U.S./United States),
//! names ending in a place head ("Castlefrank Road", "Maule Region"; data/place_heads.txt),
//! and unknown names in a place's slot: "near Lolol", "64 kilometers west of Navidad",
//! "Kanata, Ontario", "Melipilla (Santiago Metropolitan Region)", and the other members
//! of a list that holds a known place ("at Preston or Carlisle").
//!
//! A country abbreviation used as a modifier ("U.S. officials", "US-India agreement") is
//! a nationality, like "American", not a mention of the place; a place inside a longer
//! name ("University of Chile", "New York Stock Exchange") is not a mention either.

use super::gazetteer::{
    GROUP_PLURAL_ENDINGS, ORG_HEADS, PLACE_HEADS, PLACES, is_country, is_language, is_place_word,
    is_title,
};
use super::organizations::{in_role_slot, org_by_form, org_named_after_country};
use super::place_group::{Found, group, is_abbreviation};
use super::place_words::{
    COMPASS, DIRECTIONS, EVENT_HEADS, PLACE_LIST_NOUNS, REGION_COMPASS, WORK_SLOTS,
};
use super::proper_nouns::{self, Chunk};
use crate::analyze::rules::{self, fire};
use crate::lexicon::{MONTHS, WEEKDAYS};
use crate::model::{Document, NamedEntity, Person, Span};

/// First words that make a name a place ("Mount Everest", "Lake Geneva").
const PLACE_PREFIXES: &[&str] = &[
    "Mount", "Mt.", "Lake", "Cape", "Fort", "Port", "Isle", "Gulf", "Bay", "Saint", "San", "Santa",
    "St.",
];

/// Words before a name that put it in a place's slot.
const PLACE_CUES: &[&str] = &[
    "in",
    "near",
    "at",
    "from",
    "outside",
    "around",
    "across",
    "toward",
    "towards",
    "via",
    "into",
    "inside",
    "between",
    "throughout",
];
/// Whether the word before "to" (before the chunk) is capitalized: title case.
fn verb_capitalized_before_to(doc: &Document, c: &Chunk) -> bool {
    let before = doc.text[..c.span.start].trim_end();
    let before = before.strip_suffix("to").unwrap_or(before).trim_end();
    before
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Verbs and nouns of going somewhere, which put a name after "to" in a place's slot.
const MOTION_TO: &[&str] = &[
    "moved",
    "move",
    "moves",
    "moving",
    "travelled",
    "traveled",
    "travel",
    "travels",
    "travelling",
    "traveling",
    "returned",
    "return",
    "returns",
    "returning",
    "went",
    "go",
    "goes",
    "going",
    "flew",
    "fly",
    "flies",
    "flying",
    "emigrated",
    "immigrated",
    "relocated",
    "relocate",
    "fled",
    "flee",
    "sailed",
    "drove",
    "headed",
    "heading",
    "deported",
    "evacuated",
    "trip",
    "trips",
    "journey",
    "visit",
    "visits",
    "flight",
    "flights",
];

/// Words that may stand between a motion verb and "to": "moved south to", "went back to".
const MOTION_ADVERBS: &[&str] = &[
    "back", "south", "north", "east", "west", "home", "abroad", "later", "away", "again",
];

/// Word endings of fields of study and abstract nouns ("Linguistics", "Methodology").
const ABSTRACT_ENDINGS: &[&str] = &[
    "ology", "ics", "ism", "phy", "ment", "ness", "tion", "ity", "ship",
];

/// A one-word name shaped like a field of study or an abstract noun, or a name that
/// starts with "The" inside the sentence (a title: "in The Long Night").
fn looks_like_field_or_title(doc: &Document, c: &Chunk) -> bool {
    let before_the = doc.text[..c.span.start].ends_with("The ");
    // "Duo Interpretation", "Grammatical Constructions": the last word of a longer name
    // too, singular or plural, unless it is a place head ("Grand Junction").
    let last = c.last_word(doc).to_lowercase();
    let stem = last.strip_suffix('s').unwrap_or(&last);
    let abstract_word = ABSTRACT_ENDINGS
        .iter()
        .any(|e| last.ends_with(e) || stem.ends_with(e) || last.ends_with("ies"))
        && !PLACE_HEADS.is_one_word_head(c.last_word(doc))
        && c.last_word(doc) != "Junction";
    before_the || abstract_word
}

/// A month or weekday name as written in the lexicon ("March", "Sept", "Friday"), case
/// and all.
fn is_calendar_word(text: &str) -> bool {
    MONTHS.iter().any(|&(m, _)| m == text) || WEEKDAYS.contains(&text)
}

/// Capitalized words that are never places on their own, besides the months and weekdays
/// ([`is_calendar_word`]).
const NOT_PLACES: &[&str] = &[
    "Christmas",
    "Easter",
    "Ramadan",
    "I",
    "God",
    "Internet",
    "Web",
    "English",
    "Spanish",
    "French",
    "Chinese",
    "Image",
    "Photo",
    "Video",
    "Reuters",
    "Midnight",
    "Noon",
];

fn m_words(doc: &Document, span: Span) -> usize {
    doc.slice(span).split_whitespace().count()
}

/// Whether an abbreviation is used as a modifier: "U.S. officials", "US-India".
fn used_as_modifier(doc: &Document, span: Span) -> bool {
    let rest = &doc.text[span.end..];
    if rest.starts_with('-') || rest.starts_with('–') {
        return true;
    }
    // "the USA in 1990": a function word after it is no modifiee ("U.S. and European
    // officials" may still coordinate modifiers).
    let next = proper_nouns::letters_opening(rest.trim_start_matches(' '));
    let mut chars = rest.chars();
    chars.next() == Some(' ')
        && chars
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '$')
        && !(proper_nouns::is_stopword(next) && !matches!(next, "and" | "or"))
}

fn followed_by_modifiee(doc: &Document, chunk: &Chunk) -> bool {
    let rest = &doc.text[chunk.span.end..];
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let next = proper_nouns::letters_opening(rest);
    next.chars().next().is_some_and(|c| c.is_lowercase()) && !proper_nouns::is_stopword(next)
}

/// The first words of the article's organizations named with a head word ("Harvard"
/// for "Harvard University", "Tsinghua" for "Tsinghua University").
fn org_short_forms<'a>(doc: &'a Document, chunks: &[Chunk]) -> foldhash::HashSet<&'a str> {
    chunks
        .iter()
        .filter(|c| c.words.len() >= 2 && proper_nouns::ends_with_head(doc, c, &ORG_HEADS))
        .filter(|c| org_by_form(doc, c))
        .map(|c| doc.slice(c.words[0]))
        .collect()
}

/// "taught at Harvard" after "Harvard University": a one-word name that an
/// organization of the article starts with is that organization's short form, not a
/// place found from its slot.
fn is_org_short_form(doc: &Document, chunk: &Chunk, short_forms: &foldhash::HashSet<&str>) -> bool {
    // "near Exeter" is geography even when "Exeter School" is named too.
    let geographic = proper_nouns::word_before(doc, chunk.span.start).is_some_and(|w| {
        matches!(
            w.as_ref(),
            "near" | "outside" | "around" | "across" | "toward" | "towards" | "via" | "throughout"
        )
    });
    !geographic
        && chunk.words.len() == 1
        && short_forms.contains(&chunk.text(doc))
        && fire(rules::PLACES_ORG_SHORT_FORM, chunk.span)
}

/// "FrameNet", "RecentChangesCamp": a word with a capital inside after three or more
/// small letters is a product's or project's name, not a place ("McAllen", "LaSalle"
/// and "KwaZulu" have their inner capital sooner).
fn is_inner_capital_word(text: &str) -> bool {
    let mut lower_run = 0;
    for (i, c) in text.chars().enumerate() {
        if c.is_uppercase() && i > 0 && lower_run >= 3 {
            return true;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    false
}

/// A name for a group of people: one unknown capitalized word in the plural
/// ("Democrats", "Israelis", "Arabs"), or a longer name ending in a plural in "-ans"
/// ("Turkish Americans"). Known places ending in "s" ("Paris", "Texas") are in the
/// gazetteer and never reach the slot rules.
fn is_group_plural(doc: &Document, chunk: &Chunk) -> bool {
    let last = chunk.last_word(doc);
    let plural = last.chars().count() >= 4
        && GROUP_PLURAL_ENDINGS.iter().any(|e| last.ends_with(e))
        // "Annapolis", "Memphis".
        && !last.ends_with("polis")
        && !last.ends_with("phis")
        && last.chars().all(char::is_alphabetic);
    plural && (chunk.words.len() == 1 || last.ends_with("ans"))
}

fn is_plain_name(doc: &Document, chunk: &Chunk) -> bool {
    // Asked again in every round of the slot rules and for a list's next member.
    chunk.memo.get(proper_nouns::Asked::PlainPlaceName, || {
        is_plain_name_now(doc, chunk)
    })
}

/// [`is_plain_name`], computed: the tests that fire no rule come first, the costlier
/// of them last.
fn is_plain_name_now(doc: &Document, chunk: &Chunk) -> bool {
    let text = chunk.text(doc);
    chunk.words.len() <= 4
        && !is_group_plural(doc, chunk)
        // "Super Tuesday": a name ending in a weekday is a day's name.
        && !WEEKDAYS.contains(&chunk.last_word(doc))
        && !NOT_PLACES.contains(&text)
        && !is_calendar_word(text)
        && !is_inner_capital_word(text)
        // "wrote in Danish": a language's name.
        && !is_language(text)
        && !EVENT_HEADS.contains(&chunk.last_word(doc))
        && !chunk.possessive
        // An unknown name directly before a lower-case word is a modifier ("Australian researchers").
        && !followed_by_modifiee(doc, chunk)
        && !chunk.words.iter().any(|w| is_title(doc.slice(*w)))
        // A known place inside a longer unknown name makes it some other name ("Texas A&M").
        && !PLACES.find(text).iter().any(|m| m.span.len() < text.len())
        && !super::titles::in_work_title(doc, chunk)
        && !org_by_form(doc, chunk)
        && !org_named_after_country(doc, chunk)
        && !text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// Places in the article, in order of first mention.
pub fn extract(doc: &Document) -> Vec<NamedEntity> {
    extract_from(doc, &proper_nouns::chunks(doc))
}

/// [`extract`] over the document's proper-noun chunks, computed once for every stage.
pub fn extract_from(doc: &Document, chunks: &[proper_nouns::Chunk]) -> Vec<NamedEntity> {
    let mut found: Vec<Found> = Vec::new();
    let mut is_place = vec![false; chunks.len()];
    // 1. Gazetteer names that stand alone.
    for m in PLACES.find(&doc.text) {
        if doc.sentence_at(m.span.start).is_none() {
            continue;
        }
        let accept = match proper_nouns::chunk_containing(chunks, m.span) {
            Some(ci) if chunks[ci].span == m.span => {
                is_place[ci] = true;
                true
            }
            Some(ci) => {
                // "Texas Governor Rick Perry": a place before a title still names the place.
                let c = &chunks[ci];
                // "East Los Angeles", "Glasgow Central": the whole run is the place.
                if !org_by_form(doc, c) && c.words.len() == m_words(doc, m.span) + 1 {
                    let first = doc.slice(c.words[0]);
                    let last = c.last_word(doc);
                    // "Spanish Netherlands": a nationality before a country, too.
                    let nationality = is_place_word(&first.to_lowercase())
                        && PLACES.lookup(first).is_none()
                        && is_country(m.entry);
                    if ((c.span.end == m.span.end && (COMPASS.contains(&first) || nationality))
                        || (c.span.start == m.span.start && COMPASS.contains(&last)))
                        && fire(rules::PLACES_COMPASS, c.span)
                        && !is_place[ci]
                    {
                        is_place[ci] = true;
                        found.push(Found {
                            span: c.span,
                            entry: None,
                            strong: true,
                        });
                    }
                }
                c.span.start == m.span.start
                    && !org_by_form(doc, c)
                    && c.words
                        .iter()
                        .find(|w| w.start >= m.span.end)
                        .is_some_and(|w| is_title(doc.slice(*w)))
            }
            None => {
                // Chunks are in text order and do not overlap: only those from the first
                // one ending after the match start can overlap it.
                let from = chunks.partition_point(|c| c.span.end <= m.span.start);
                !chunks[from..]
                    .iter()
                    .take_while(|c| c.span.start < m.span.end)
                    .any(|c| c.span.overlaps(m.span) && !m.span.contains(c.span))
            }
        };
        if accept && fire(rules::PLACES_GAZETTEER, m.span) {
            mark_held_chunks(chunks, m.span, &mut is_place);
            let surface = doc.slice(m.span);
            let strong = !(is_abbreviation(surface) && used_as_modifier(doc, m.span));
            found.push(Found {
                span: m.span,
                entry: Some(m.entry),
                strong,
            });
        }
    }

    // 2. Names ending in a place head, or starting with a place prefix.
    for (ci, c) in chunks.iter().enumerate() {
        if !is_place[ci] && place_by_form(doc, c) {
            is_place[ci] = true;
            found.push(Found {
                span: c.span,
                entry: None,
                strong: true,
            });
        }
    }

    // 2b. Venues named like institutions that the article only locates things in.
    for ci in super::facilities::located_venues(doc, chunks) {
        if !is_place[ci] && fire(rules::PLACES_LOCATED_VENUE, chunks[ci].span) {
            is_place[ci] = true;
            found.push(Found {
                span: chunks[ci].span,
                entry: None,
                strong: true,
            });
        }
    }

    // 3. Unknown names in a place's slot, repeated so lists spread from a known member.
    let short_forms = org_short_forms(doc, chunks);
    for _round in 0..4 {
        let mut changed = false;
        for ci in 0..chunks.len() {
            if is_place[ci]
                || !is_plain_name(doc, &chunks[ci])
                || is_org_short_form(doc, &chunks[ci], &short_forms)
            {
                continue;
            }
            if place_by_context(doc, chunks, &is_place, ci) {
                is_place[ci] = true;
                changed = true;
                found.push(Found {
                    span: chunks[ci].span,
                    entry: None,
                    strong: true,
                });
            }
        }
        if !changed {
            break;
        }
    }

    found.extend(dateline_cities(doc));
    found.sort_by_key(|f| f.span.start);
    group(doc, found)
}

/// "Tampa, Fla.": the chunk lost the abbreviation's period, the gazetteer match kept
/// it; a chunk the match holds is this place, not another one for the context rules.
fn mark_held_chunks(chunks: &[Chunk], span: Span, is_place: &mut [bool]) {
    let from = chunks.partition_point(|c| c.span.end <= span.start);
    for (k, c) in chunks[from..].iter().enumerate() {
        if c.span.start >= span.end {
            break;
        }
        if span.contains(c.span) {
            is_place[from + k] = true;
        }
    }
}

/// "Recently, Texas voted": a sentence-opening adverb is no town before its state.
fn opening_adverb(doc: &Document, c: &Chunk) -> bool {
    c.sentence_initial && c.words.len() == 1 && super::gazetteer::is_adverb(c.text(doc))
}

/// The cities of the document's datelines.
fn dateline_cities(doc: &Document) -> impl Iterator<Item = Found> {
    super::datelines::datelines(doc)
        .into_iter()
        .filter(|d| fire(rules::PLACES_DATELINE, d.city))
        .map(|d| Found {
            span: d.city,
            entry: d.entry,
            strong: true,
        })
}

/// A name of two words or more that ends in a place head ("Castlefrank Road") or starts
/// with a place prefix ("Mount Kenya"), and is no organization or title.
fn place_by_form(doc: &Document, c: &Chunk) -> bool {
    if c.words.len() < 2 || org_by_form(doc, c) {
        return false;
    }
    // "Emperor Norton Bridge", "King Fahd Causeway": a place head after three or more
    // words outweighs a title inside.
    let long_with_head = c.words.len() >= 3 && proper_nouns::ends_with_head(doc, c, &PLACE_HEADS);
    if !long_with_head && c.words.iter().any(|w| is_title(doc.slice(*w))) {
        return false;
    }
    let first = doc.slice(c.words[0]);
    // "Plains of Arafat", "Bay of Bengal", "Isle of Skye": a place head before "of".
    if c.words.len() >= 3
        && PLACE_HEADS.is_one_word_head(first)
        && doc.slice(c.words[1]) == "of"
        && !ORG_HEADS.is_one_word_head(first)
        && fire(rules::PLACES_HEAD_WORD, c.span)
    {
        return true;
    }
    let has_org_head = || {
        c.words
            .iter()
            .any(|w| ORG_HEADS.is_one_word_head(doc.slice(*w)))
    };
    // "San Francisco Bulletin": a known place with more words after it names
    // something else, though it starts with "San". Asked last: it scans the chunk.
    let known_place_then_more = || {
        PLACES
            .find(c.text(doc))
            .first()
            .is_some_and(|m| m.span.start == 0 && m.span.end < c.span.len())
    };
    (proper_nouns::ends_with_head(doc, c, &PLACE_HEADS)
        || (PLACE_PREFIXES.contains(&first) && !has_org_head() && !known_place_then_more()))
        && fire(rules::PLACES_HEAD_WORD, c.span)
}

/// "between Oxenholme and Tebay": "between" puts a name in a place's slot only when
/// another plain name follows after "and" ("between Gorbachev and the government" is a
/// relation between parties).
fn between_names(doc: &Document, chunks: &[Chunk], ci: usize) -> bool {
    let c = &chunks[ci];
    chunks.get(ci + 1).is_some_and(|n| {
        n.sentence == c.sentence
            && &doc.text[c.span.end..n.span.start] == " and "
            && is_plain_name(doc, n)
            && !n.possessive
    })
}

fn place_by_context(doc: &Document, chunks: &[Chunk], is_place: &[bool], ci: usize) -> bool {
    let c = &chunks[ci];
    let before = proper_nouns::words_before(doc, c.span.start, 3);
    let b = |i: usize| before.get(i).map(|w| w.as_ref()).unwrap_or("");
    // "an analyst at X", "a professor of law at X": an organization's slot.
    if in_role_slot(doc, c) && fire(rules::PLACES_NOT_ROLE_SLOT, c.span) {
        return false;
    }
    // "in the West", "from the South": a compass region named with "the".
    if c.words.len() == 1
        && b(0) == "the"
        && REGION_COMPASS.contains(&c.text(doc))
        && !c.sentence_initial
        && fire(rules::PLACES_THE_REGION, c.span)
    {
        return true;
    }
    // "near the Masjid Al-Haram", "outside the Ritz": a spatial cue and "the".
    if b(0) == "the"
        && matches!(
            b(1),
            "near" | "outside" | "inside" | "around" | "across" | "toward" | "towards"
        )
        && !looks_like_field_or_title(doc, c)
        && fire(rules::PLACES_CUE_WORD, c.span)
    {
        return true;
    }
    // Sentence-initial words are capitalized anyway, so only context words count there.
    if PLACE_CUES.contains(&b(0))
        && (b(0) != "between" || between_names(doc, chunks, ci))
        && !c.sentence_initial
        && !WORK_SLOTS.contains(&b(1))
        && !looks_like_field_or_title(doc, c)
        && fire(rules::PLACES_CUE_WORD, c.span)
    {
        // "in Lolol", but not "in March" (excluded above), "at Mr Smith's", "a degree in
        // Linguistics" nor "starred in House of Wax".
        return true;
    }
    // "moved to Lolol", "flew back to Kanata", "a trip to Navidad".
    let motion = |w: &str| MOTION_TO.contains(&w);
    if b(0) == "to"
        && (motion(b(1)) || (MOTION_ADVERBS.contains(&b(1)) && motion(b(2))))
        && !c.possessive
        // A headline in title case capitalizes every word ("Headed to ER But …").
        && !doc.in_headline(c.sentence)
        && !verb_capitalized_before_to(doc, c)
        && fire(rules::PLACES_MOTION_TO, c.span)
    {
        return true;
    }
    if b(0) == "of" && DIRECTIONS.contains(&b(1)) && fire(rules::PLACES_DIRECTION_OF, c.span) {
        return true;
    }
    if ((b(0) == "as" && b(1) == "such" && PLACE_LIST_NOUNS.contains(&b(2)))
        || ((b(0) == "including" || b(0) == "like") && PLACE_LIST_NOUNS.contains(&b(1))))
        && fire(rules::PLACES_SUCH_AS, c.span)
    {
        return true;
    }
    // "Kanata, Ontario" / "Melipilla (Santiago Metropolitan Region)": a known place right after.
    let next = chunks.get(ci + 1).filter(|n| n.sentence == c.sentence);
    if let Some(n) = next {
        let gap = &doc.text[c.span.end..n.span.start];
        if is_place[ci + 1]
            && (gap == ", " || gap == " (")
            && !c.possessive
            && !opening_adverb(doc, c)
            && fire(rules::PLACES_BEFORE_KNOWN, c.span)
        {
            return true;
        }
    }
    // A list member next to a known place: "Preston or Carlisle", "Talca, Constitución,".
    let list_gap = |gap: &str| matches!(gap, ", " | " and " | ", and " | " or " | ", or ");
    if let Some(n) = next
        && is_place[ci + 1]
        && list_gap(&doc.text[c.span.end..n.span.start])
        && !c.possessive
        && !opening_adverb(doc, c)
        && fire(rules::PLACES_LIST_MEMBER, c.span)
    {
        return true;
    }
    if ci > 0 {
        let p = &chunks[ci - 1];
        if p.sentence == c.sentence
            && is_place[ci - 1]
            && !p.possessive
            && list_gap(&doc.text[p.span.end..c.span.start])
            && fire(rules::PLACES_LIST_MEMBER, c.span)
        {
            return true;
        }
    }
    false
}

/// Drops place mentions that are really people ("Jordan" in "Michael Jordan said"), and
/// places left with no mention.
pub fn drop_people(places: &mut Vec<NamedEntity>, people: &[Person]) {
    // Every person mention by start, with the furthest end so far: a place mention
    // overlaps one iff some mention starting before its end reaches past its start
    // (a binary search, not a scan of every person per place mention).
    let mut spans: Vec<Span> = people
        .iter()
        .flat_map(|p| p.mentions.iter().copied())
        .collect();
    spans.sort_unstable_by_key(|s| s.start);
    let mut reach = Vec::with_capacity(spans.len());
    spans.iter().fold(0, |r: usize, s| {
        reach.push(r.max(s.end));
        r.max(s.end)
    });
    let overlaps_person = |pm: Span| {
        let before_end = spans.partition_point(|s| s.start < pm.end);
        before_end > 0 && reach[before_end - 1] > pm.start
    };
    for place in places.iter_mut() {
        place
            .mentions
            .retain(|pm| !(overlaps_person(*pm) && fire(rules::PLACES_DROP_PEOPLE, *pm)));
    }
    let names: foldhash::HashSet<&str> = people.iter().map(|p| p.name.as_str()).collect();
    places.retain(|p| !p.mentions.is_empty() && !names.contains(p.name.as_str()));
}
