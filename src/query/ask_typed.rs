//! Typed answers with a confidence: each question type wants one kind of answer (how
//! much → a figure of the right measure; when → a date in the sentence of the event;
//! where → a place; who did → the person or organization doing it; why → a reason
//! clause; who was the <role> → the person the article gives that role) from a sentence
//! that holds the question's topic (its words or words that stand for them). An answer
//! is given only when the sentence holds at least [`THRESHOLD`] of the topic and the
//! answer is of the wanted kind; otherwise the reply says so and shows the closest
//! sentences as evidence. Answers come only from the articles a question names.

use super::{AskAnswer, CANDIDATES, NUMBER_SPAN, QUESTION_WORDS, found, not_found};
use crate::analyze::{gazetteer, terms};
use crate::model::{Article, Span};
use crate::query::Evidence;
use crate::query::answer_kind::{self, Measure};
use crate::query::index::ScopeIndex;
use crate::query::question::Topic;

/// Least share of the topic an evidence sentence must hold for an answer.
pub const THRESHOLD: f32 = 0.6;
/// A sentence given whole as the answer must hold more of the topic.
const SENTENCE_THRESHOLD: f32 = 0.75;
/// Closest sentences shown when the answer is declined.
const SHOWN_WHEN_UNSURE: usize = 2;
/// Least coverage for a sentence shown as "closest".
const SHOWN_MIN: f32 = 0.3;

/// Words that say what a typed question wants, never what it is about.
const TYPE_WORDS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "why",
    "how",
    "which",
    "many",
    "much",
    "did",
    "does",
    "do",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "the",
    "cause",
    "caused",
    "causes",
    "reason",
    "led",
    "come",
    "percentage",
    "percent",
    "number",
    "date",
    "day",
    "time",
    "year",
    "place",
    "happen",
    "happened",
    "take",
    "took",
];

fn skip_words() -> Vec<&'static str> {
    let mut v: Vec<&str> = QUESTION_WORDS.to_vec();
    v.extend_from_slice(TYPE_WORDS);
    v
}

pub(super) fn topic(index: &ScopeIndex, q: &str) -> Topic {
    Topic::new(index, q, &skip_words())
}

/// The reply when no candidate reaches the threshold: the closest sentences, or "not in
/// the articles" when nothing comes close.
pub(super) fn unsure(index: &ScopeIndex, topic: &Topic, what: &str) -> AskAnswer {
    let evidence: Vec<Evidence> = topic
        .ranked(SHOWN_WHEN_UNSURE)
        .into_iter()
        .filter(|&(_, _, c)| c >= SHOWN_MIN)
        .map(|(slot, s, _)| Evidence::new(index.article(slot), s))
        .collect();
    if evidence.is_empty() {
        return not_found();
    }
    AskAnswer::Unsure {
        message: format!(
            "I can't answer that with confidence: no sentence in the loaded articles gives {what}. The closest:"
        ),
        evidence,
    }
}

/// Sentences that hold at least `min` of the topic and all but at most one of its
/// words (or words standing for them), best first.
pub(super) fn candidates(topic: &Topic, min: f32) -> Vec<(u32, usize, f32)> {
    topic
        .ranked(CANDIDATES)
        .into_iter()
        .filter(|&(_, _, c)| c >= min)
        .filter(|&(slot, s, _)| topic.missing(slot, s) <= 1)
        .collect()
}

/// Topic groups held in `text` (a stretch of a sentence).
fn groups_in(topic: &Topic, text: &str) -> usize {
    let held = terms::terms(text);
    topic
        .groups
        .iter()
        .filter(|g| g.ids.iter().any(|t| held.contains(t)))
        .count()
}

/// The clause around byte range `[start, end)` of `text`: from the previous comma,
/// semicolon or colon to the next.
fn clause_around(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let to = text[end..]
        .find([',', ';', ':'])
        .map_or(text.len(), |i| end + i);
    &text[from..to]
}

/// The `width` bytes before `start` (on a char boundary).
fn before(text: &str, start: usize, width: usize) -> &str {
    let mut from = start.saturating_sub(width);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..start]
}

/// Byte offsets (in the sentence) of the words that carry a topic group.
fn anchors(a: &Article, sentence: usize, topic: &Topic) -> Vec<usize> {
    anchors_of(a, sentence, |t| {
        topic.groups.iter().any(|g| g.ids.contains(&t))
    })
}

/// Byte offsets (in the sentence) of the words whose term passes `wanted`.
pub(super) fn anchors_of(a: &Article, sentence: usize, wanted: impl Fn(u32) -> bool) -> Vec<usize> {
    terms::terms_at(a.doc.sentence_text(sentence))
        .into_iter()
        .filter(|&(_, t)| wanted(t))
        .map(|(at, _)| at)
        .collect()
}

/// Words that make a figure after them one part of the thing before them.
const PART_OF: &[&str] = &[
    "include",
    "includes",
    "included",
    "including",
    "contain",
    "contains",
    "contained",
    "containing",
    "among",
];

/// Whether a part-of word stands between the nearest topic word before `fs` and the
/// figure at `fs` ("the bill included $40 million …").
fn part_of_topic(text: &str, fs: usize, anchors: &[usize]) -> bool {
    let Some(&from) = anchors.iter().filter(|&&a| a < fs).max() else {
        return false;
    };
    text.get(from..fs)
        .is_some_and(|between| terms::words(between).any(|w| PART_OF.contains(&w.as_str())))
}

fn distance(span_start: usize, anchors: &[usize]) -> usize {
    anchors
        .iter()
        .map(|&a| a.abs_diff(span_start))
        .min()
        .unwrap_or(usize::MAX / 2)
}

/// "How much / how many": a figure of the wanted measure, nearest the topic's words.
pub fn how_much(index: &ScopeIndex, q: &str) -> AskAnswer {
    let topic = topic(index, q);
    let measure = answer_kind::measure_of(q);
    let counted: Vec<u32> = match &measure {
        Measure::Count(c) | Measure::AmountOf(c) => c.clone(),
        _ => Vec::new(),
    };
    // The question's names ("Thomas Sam"): words written with a capital inside it.
    let name_groups: Vec<&crate::query::question::Group> = topic
        .groups
        .iter()
        .filter(|g| {
            q.split(|c: char| !c.is_alphanumeric())
                .skip(1)
                .any(|w| w.to_lowercase() == g.word && w.chars().any(char::is_uppercase))
        })
        .collect();
    for (slot, s, _) in candidates(&topic, THRESHOLD) {
        let a = index.article(slot);
        let start = a.doc.sentences[s].span.start;
        let near = anchors(a, s, &topic);
        let text = a.doc.sentence_text(s);
        // The figure whose clause holds most of the topic, then the one with most of it
        // just before it ("Manju Sam, 36"), then the nearest.
        let best = a
            .analysis
            .figures
            .iter()
            .filter(|f| f.sentence == s)
            .filter(|f| {
                let following = a.doc.text.get(f.text.end..).unwrap_or("");
                answer_kind::fits(&measure, f, following)
            })
            // Not a number the question itself gives ("the 2008 bailout").
            .filter(|f| !q.contains(a.doc.slice(f.text)))
            // A part of what is asked is not its amount: "the package includes $5
            // billion for schools" does not say how much the package is.
            .filter(|f| !part_of_topic(text, f.text.start - start, &near))
            // Tied to what is asked: its clause holds a topic word besides the counted
            // noun; an age stands right after every name the question gives.
            .filter(|f| {
                let (fs, fe) = (f.text.start - start, f.text.end - start);
                let clause = clause_around(text, fs, fe);
                let tied = topic.missing(slot, s) == 0
                    || topic.groups.iter().any(|g| {
                        !counted.iter().any(|c| g.ids.contains(c))
                            && terms::terms(clause).iter().any(|t| g.ids.contains(t))
                    });
                let named = measure != Measure::Age || {
                    let just_before = terms::terms(before(text, fs, 30));
                    name_groups
                        .iter()
                        .all(|g| g.ids.iter().any(|t| just_before.contains(t)))
                };
                tied && named
            })
            .max_by_key(|f| {
                let (fs, fe) = (f.text.start - start, f.text.end - start);
                (
                    groups_in(&topic, clause_around(text, fs, fe)),
                    groups_in(&topic, before(text, fs, 40)),
                    std::cmp::Reverse(distance(fs, &near)),
                )
            });
        if let Some(f) = best {
            return found(a.doc.slice(f.text).to_string(), vec![Evidence::new(a, s)]);
        }
        if a.analysis.figures.is_empty() && matches!(measure, Measure::Amount | Measure::Money) {
            // No figures were extracted for this article: a number with a unit as written.
            let text = a.doc.sentence_text(s);
            let number = NUMBER_SPAN
                .find_iter(text)
                .filter(|m| {
                    m.as_str()
                        .chars()
                        .any(|c| !c.is_ascii_digit() && c != ',' && c != '.')
                })
                .min_by_key(|m| distance(m.start(), &near));
            if let Some(m) = number {
                return found(m.as_str().trim().to_string(), vec![Evidence::new(a, s)]);
            }
        }
    }
    let what = match measure {
        Measure::Money => "a sum of money for that",
        Measure::Percent => "a percentage for that",
        Measure::Count(_) => "that number",
        _ => "that figure",
    };
    unsure(index, &topic, what)
}

/// "When …": a date in the sentence that tells the event, nearest its words; never the
/// bare dateline.
pub fn when(index: &ScopeIndex, q: &str) -> AskAnswer {
    let topic = topic(index, q);
    for (slot, s, _) in candidates(&topic, THRESHOLD) {
        let a = index.article(slot);
        let start = a.doc.sentences[s].span.start;
        let near = anchors(a, s, &topic);
        let date = a
            .analysis
            .dates
            .iter()
            .filter(|d| d.sentence == s)
            .filter(|d| !a.doc.dateline.is_some_and(|l| l.overlaps(d.text)))
            .min_by_key(|d| distance(d.text.start - start, &near));
        if let Some(d) = date {
            let text = a.doc.slice(d.text);
            let answer = match &d.value {
                Some(v) if v != text => format!("{text} ({v})"),
                _ => text.to_string(),
            };
            return found(answer, vec![Evidence::new(a, s)]);
        }
    }
    unsure(index, &topic, "a date for that")
}

/// "Where …": the places the event's sentence names that the question does not.
pub fn where_(index: &ScopeIndex, q: &str) -> AskAnswer {
    let topic = topic(index, q);
    let lower = q.to_lowercase();
    for (slot, s, _) in candidates(&topic, THRESHOLD) {
        let a = index.article(slot);
        let in_sentence = |m: &Span| a.doc.sentence_at(m.start) == Some(s);
        // A place the event is at: named after a locative word ("in Madrid", "near
        // Grayrigg"), not one the question names or one met "with".
        let located = |m: &Span| {
            let head = a.doc.text[..m.start].trim_end();
            let word = head
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            LOCATIVES.contains(&word.as_str())
        };
        let names: Vec<&str> = a
            .analysis
            .places
            .iter()
            .filter(|p| p.mentions.iter().any(|m| in_sentence(m) && located(m)))
            .filter(|p| !named_in(&lower, a, p))
            .map(|p| p.name.as_str())
            .collect();
        if !names.is_empty() {
            return found(names.join(", "), vec![Evidence::new(a, s)]);
        }
    }
    unsure(index, &topic, "a place for that")
}

/// Whether the (lower-cased) question names the entity, by its name or a mention.
fn named_in(question: &str, a: &Article, e: &crate::model::NamedEntity) -> bool {
    question.contains(&e.name.to_lowercase())
        || e.mentions
            .iter()
            .any(|m| question.contains(&a.doc.slice(*m).to_lowercase()))
}

/// Nouns that make "which/what X" a question about places.
const PLACE_NOUNS: &[&str] = &[
    "country",
    "countries",
    "nation",
    "nations",
    "state",
    "states",
    "city",
    "cities",
    "town",
    "towns",
    "region",
    "regions",
    "province",
    "provinces",
    "places",
];

/// Place nouns that ask for countries only.
const COUNTRY_NOUNS: &[&str] = &["country", "countries", "nation", "nations"];

/// Whether the question asks "which countries / what cities …".
pub fn is_place_question(q: &str) -> bool {
    let mut words = terms::words(q);
    matches!(words.next().as_deref(), Some("which" | "what"))
        && words
            .next()
            .is_some_and(|w| PLACE_NOUNS.contains(&w.as_str()))
}

/// "Which countries …": the places the event's sentence names that the question does
/// not, wherever they stand in it (a list after "to", a subject, an object).
pub fn which_places(index: &ScopeIndex, q: &str) -> AskAnswer {
    let mut skip = skip_words();
    skip.extend_from_slice(PLACE_NOUNS);
    let topic = Topic::new(index, q, &skip);
    let lower = q.to_lowercase();
    // "Which countries / nations": a city or a building is not an answer.
    let countries = terms::words(q)
        .nth(1)
        .is_some_and(|w| COUNTRY_NOUNS.contains(&w.as_str()));
    for (slot, s, _) in candidates(&topic, THRESHOLD) {
        let a = index.article(slot);
        // "Which countries does it export to?" is not answered by "it will not export
        // to India" or "any deal with India would have to …", nor "which have not
        // signed" by the ones that have.
        let text = a.doc.sentence_text(s);
        if negated(text) != negated(q) || hypothetical(text) != hypothetical(q) {
            continue;
        }
        // A headline's places are the story's, not an answer's ("protests against US
        // beef" names no country hit by protests).
        if a.doc
            .headline
            .is_some_and(|h| h.contains(a.doc.sentences[s].span))
        {
            continue;
        }
        // Each place with its first mention in the sentence, in the order written.
        let near = anchors(a, s, &topic);
        let start = a.doc.sentences[s].span.start;
        let mut placed: Vec<(usize, &crate::model::NamedEntity)> = a
            .analysis
            .places
            .iter()
            .filter_map(|p| {
                let m = p
                    .mentions
                    .iter()
                    .find(|m| a.doc.sentence_at(m.start) == Some(s))?;
                let (at, end) = (m.start - start, m.end - start);
                (!origin_of_topic(text, at, &near) && !modifies_topic(text, end, &near))
                    .then_some((m.start, p))
            })
            .collect();
        placed.sort_by_key(|&(at, _)| at);
        let names: Vec<&str> = placed
            .into_iter()
            .map(|(_, p)| p)
            .filter(|p| !named_in(&lower, a, p))
            .filter(|p| !countries || gazetteer::is_country_name(&p.name))
            .map(|p| p.name.as_str())
            .collect();
        if !names.is_empty() {
            return found(names.join(", "), vec![Evidence::new(a, s)]);
        }
    }
    unsure(index, &topic, "places for that")
}

/// Whether the place at `at` only says where a topic word's thing comes from or belongs
/// ("imports of grain from Canada" when grain is asked about): it tells the thing, not
/// the place the question is after.
fn origin_of_topic(text: &str, at: usize, anchors: &[usize]) -> bool {
    let lead = before(text, at, 24).to_lowercase();
    let mut lead = lead.split_whitespace().rev();
    let mut link = lead.next();
    if link == Some("the") {
        link = lead.next();
    }
    matches!(link, Some("from" | "of"))
        && anchors.iter().any(|&a| {
            a < at
                && text
                    .get(a..at)
                    .is_some_and(|between| between.split_whitespace().count() <= 5)
        })
}

/// Whether the place ending at `end` stands right before a topic word as its modifier
/// ("Canadian grain", "U.S. grain imports" when grain is asked about).
fn modifies_topic(text: &str, end: usize, anchors: &[usize]) -> bool {
    anchors
        .iter()
        .any(|&a| a >= end && text.get(end..a).is_some_and(|gap| gap.trim().is_empty()))
}

/// Words that negate a clause.
const NEGATIONS: &[&str] = &["not", "never", "no", "neither", "nor", "cannot"];

/// Whether `text` holds a negation ("not", "never", "won't", …).
fn negated(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| {
            let w = w.to_lowercase();
            NEGATIONS.contains(&w.as_str()) || w.ends_with("n't") || w.ends_with("n’t")
        })
}

/// Words that make a clause a condition, a wish or a possibility rather than a fact.
const HYPOTHETICALS: &[&str] = &["if", "unless", "would", "could", "might", "must", "should"];

/// Whether `text` states a possibility rather than a fact ("if", "would", "must", …).
fn hypothetical(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| HYPOTHETICALS.contains(&w.to_lowercase().as_str()))
}

/// Words after which a place is where something is or happens.
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "outside", "inside", "to", "from", "into", "across", "on", "around",
    "between", "off", "via", "towards", "toward",
];

/// Words that open a reason.
const REASON_CUES: &[&str] = &[
    "because of ",
    "because ",
    "due to ",
    "owing to ",
    "as a result of ",
    "caused by ",
    "blamed on ",
    "after ",
    "since ",
];

/// "Why …" / "What caused …": the reason clause of the event's sentence.
pub fn why(index: &ScopeIndex, q: &str) -> AskAnswer {
    let topic = topic(index, q);
    for (slot, s, _) in candidates(&topic, THRESHOLD) {
        let a = index.article(slot);
        let text = a.doc.sentence_text(s);
        let lower = text.to_lowercase();
        let cue = REASON_CUES
            .iter()
            .filter_map(|c| lower.find(c).map(|at| (at, c.len())))
            .filter(|&(at, _)| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphabetic())
            .min_by_key(|&(at, _)| at);
        let Some((at, len)) = cue else { continue };
        let rest = &text[at + len..];
        let end = rest.find([';', '.']).unwrap_or(rest.len());
        let reason = text[at..at + len + end].trim().trim_end_matches(',');
        if reason.split_whitespace().count() >= 3 {
            return found(reason.to_string(), vec![Evidence::new(a, s)]);
        }
    }
    unsure(index, &topic, "a reason for that")
}

/// Any other question: the sentence that holds nearly all of its topic.
pub fn sentence(index: &ScopeIndex, q: &str) -> AskAnswer {
    let topic = topic(index, q);
    if topic.is_empty() {
        return not_found();
    }
    if let Some((slot, s, _)) = candidates(&topic, SENTENCE_THRESHOLD).into_iter().next() {
        let a = index.article(slot);
        return found(
            a.doc.sentence_text(s).to_string(),
            vec![Evidence::new(a, s)],
        );
    }
    unsure(index, &topic, "an answer to that")
}
