//! Free-form questions answered from the analyses, or an honest "not in the articles".
//!
//! The question is classified (who is X; what did X say [about Y]; who said … about Y;
//! how much / how many; when; where; who <did something>; why / what happened) and
//! answered from what the analysis holds — people and roles, quotes, figures, dates,
//! places, organizations — each answer with its evidence sentence. Everything else goes
//! to BM25 sentence retrieval over the precomputed term index; a best sentence holding
//! less than half the question's weight is not an answer, and the reply says so.

use super::Evidence;
#[path = "ask_typed.rs"]
mod typed;
#[path = "ask_who.rs"]
mod who;
use super::index::{EntityKind, ItemRef, ScopeIndex};
use super::keys::name_words;
use super::search::rank_sentences;
use crate::analyze::terms;
use crate::model::{Article, Person, Span};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize)]
pub enum AskAnswer {
    Found {
        answer: String,
        evidence: Vec<Evidence>,
    },
    NotFound {
        message: String,
    },
    /// The best candidate falls below the confidence an answer needs: no answer, the
    /// closest evidence sentences instead.
    Unsure {
        message: String,
        evidence: Vec<Evidence>,
    },
}

const NOT_FOUND: &str = "That is not in the loaded articles.";
/// Least share of the question's weight the evidence sentence must hold.
const MIN_COVERAGE: f32 = 0.5;
/// How many ranked sentences a typed question (when, where, how much) looks through.
const CANDIDATES: usize = 40;

/// Question words that say what kind of answer is wanted, not what it is about.
const QUESTION_WORDS: &[&str] = &[
    "who", "whom", "whose", "what", "when", "where", "why", "how", "which", "many", "much", "big",
    "large", "long", "old", "worth", "value", "cost", "amount", "number", "total", "happen",
    "happened", "happens", "say", "says", "said", "tell", "told", "know", "mean", "article",
    "articles", "story", "date", "time", "day", "year", "place", "located", "location", "reason",
];

static WHO_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:who|what)(?:'s|’s| is| was| are| were)\s+(.+?)\s*[?.!]*\s*$")
        .expect("pattern")
});
static WHAT_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*what\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|tell|told|think|warn|claim|argue|state|announce)(?:\s+(?:about|on|of|regarding)\s+(.+?))?\s*[?.!]*\s*$").expect("pattern")
});
static WHO_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*who\s+(?:said|says|has said|warned|warns|claimed|claims|stated|argued|argues|told|believes|thinks|described|called)\b(.*)$").expect("pattern")
});
static HOW_MUCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:by\s+)?how\s+(?:much|many|big|large|long|high|far|fast|old|deep|heavy|strong|powerful)|what\s+(?:percentage|percent|share|proportion|fraction|number|amount|sum|price)|what\s+.*\b(?:worth|cost|value)\b)").expect("pattern")
});
static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:when|what\s+(?:date|day|time|year|month)|since\s+when)\b")
        .expect("pattern")
});
static WHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:where|in\s+what\s+(?:city|country|place|town))\b").expect("pattern")
});
static WHY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:why|what\s+(?:caused|causes|led\s+to|triggered|was\s+the\s+(?:cause|reason))|how\s+come)\b")
        .expect("pattern")
});
static WHO_DID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:who|whom|which\s+(?:countr(?:y|ies)|compan(?:y|ies)|organi[sz]ations?|groups?|persons?|people|officials?|agenc(?:y|ies)|states?|cit(?:y|ies)|regions?|teams?|clubs?|universit(?:y|ies)|newspapers?|news\s+agenc(?:y|ies)|players?|man|woman))\b").expect("pattern")
});
/// A number with its unit or currency, for articles whose figures were not extracted.
static NUMBER_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:over|about|nearly|almost|more than|less than|up to|around|some|at least|approximately)\s+)?(?:[$€£¥]\s?|(?:US|AU|C|NZ|HK)\$\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|(?:per ?cent|percent|billion|million|trillion|thousand|bn|m|km|kilometers|kilometres|tonnes|tons|people|years)\b))*").expect("pattern")
});

/// Question terms without the words that only say what kind of answer is wanted.
fn topic_terms(text: &str) -> Vec<u32> {
    let mut t: Vec<u32> = terms::words(text)
        .filter(|w| !QUESTION_WORDS.contains(&w.as_str()))
        .filter_map(|w| terms::term(&w))
        .collect();
    t.sort_unstable();
    t.dedup();
    t
}

/// Whether `target` (from a question) names this person: the full name, an alias, or the
/// surname alone.
fn names_person(target: &[String], p: &Person) -> bool {
    if target.is_empty() {
        return false;
    }
    let full = name_words(&p.name);
    if full == target {
        return true;
    }
    if p.aliases.iter().any(|a| name_words(a) == target) {
        return true;
    }
    // "Combs" for "Cory Combs"; "Xinbo Wu" for "Wu Xinbo" (any order, all words present).
    (target.len() == 1 && full.last() == target.first())
        || (target.len() > 1 && target.iter().all(|w| full.contains(w)))
}

fn found(answer: String, evidence: Vec<Evidence>) -> AskAnswer {
    AskAnswer::Found { answer, evidence }
}

fn not_found() -> AskAnswer {
    AskAnswer::NotFound {
        message: NOT_FOUND.into(),
    }
}

/// ASCII-case-insensitive substring test without allocating.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    !n.is_empty() && h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// The sentence index of a span in an article.
fn sentence_of(a: &Article, span: Span) -> Option<usize> {
    a.doc.sentence_at(span.start)
}

pub fn ask(articles: &[&Article], question: &str) -> AskAnswer {
    ask_in(&ScopeIndex::from_articles(articles), question)
}

/// [`ask`] over a scope's index.
pub fn ask_in(articles: &ScopeIndex, question: &str) -> AskAnswer {
    let q = question.trim();
    if q.is_empty() {
        return AskAnswer::NotFound {
            message: "Ask a question, for example: who is Wu Xinbo?".into(),
        };
    }
    if HOW_MUCH.is_match(q) {
        return typed::how_much(articles, q);
    }
    if let Some(c) = WHAT_SAID.captures(q) {
        let who = c.get(1).map_or("", |m| m.as_str());
        let about = c.get(2).map(|m| m.as_str());
        return what_did_say(articles, who, about);
    }
    if let Some(c) = WHO_SAID.captures(q) {
        return who_said(articles, c.get(1).map_or("", |m| m.as_str()));
    }
    if let Some((roles, led)) = who::leading_question(q) {
        return who::who_leads(articles, q, roles, &led);
    }
    if let Some(c) = WHO_IS.captures(q) {
        let target = c.get(1).map_or("", |m| m.as_str());
        let lower = q.trim_start().to_lowercase();
        // "Who was the driver?": a role, not a name — the person the article gives it.
        if lower.starts_with("who") && who::is_role_question(target) {
            return who::who_has_role(articles, q, target);
        }
        if let Some(answer) = who_is(articles, target) {
            return answer;
        }
        if lower.starts_with("who") {
            return who::who_did(articles, q);
        }
    }
    if WHEN.is_match(q) {
        return typed::when(articles, q);
    }
    if typed::is_place_question(q) {
        return typed::which_places(articles, q);
    }
    if WHERE.is_match(q) {
        return typed::where_(articles, q);
    }
    if WHY.is_match(q) {
        return typed::why(articles, q);
    }
    if WHO_DID.is_match(q) {
        return who::who_did(articles, q);
    }
    typed::sentence(articles, q)
}

/// "Who is X": the person's role with the sentence that gives it; an organization or
/// place by its first mention.
fn who_is(articles: &ScopeIndex, target: &str) -> Option<AskAnswer> {
    let words = name_words(target);
    let last = words.last()?.clone();
    // A person with a role beats one the article names without a role.
    let mut unroled: Option<AskAnswer> = None;
    // Every way a person can be named holds the question's last name word.
    for r in articles.people_with_word(&last) {
        let a = articles.article(r.slot);
        {
            let Some(p) = a.analysis.people.get(r.item as usize) else {
                continue;
            };
            if !names_person(&words, p) {
                continue;
            }
            let first = p.mentions.first().and_then(|m| sentence_of(a, *m));
            if p.role.is_empty() {
                if unroled.is_none() {
                    let evidence = first.map(|i| vec![Evidence::new(a, i)]).unwrap_or_default();
                    unroled = Some(found(
                        format!("{} is named in the article; no role is given.", p.name),
                        evidence,
                    ));
                }
                continue;
            }
            // The sentence that states the role, else the first mention.
            let stated =
                (0..a.doc.sentences.len()).find(|&i| contains_ci(a.doc.sentence_text(i), &p.role));
            let evidence = stated
                .or(first)
                .map(|i| vec![Evidence::new(a, i)])
                .unwrap_or_default();
            return Some(found(format!("{}: {}", p.name, p.role), evidence));
        }
    }
    // Names the people stage did not give a role: an appositive after the name, looked
    // for only in sentences holding every word of the name.
    let target_trim = target.trim();
    let name_terms = topic_terms(target_trim);
    for r in rank_sentences(articles, &name_terms, CANDIDATES) {
        if r.coverage < 0.999 {
            continue;
        }
        let a = articles.article(r.article);
        if let Some(role) = appositive_after(a.doc.sentence_text(r.sentence), target_trim) {
            return Some(found(
                format!("{target_trim}: {role}"),
                vec![Evidence::new(a, r.sentence)],
            ));
        }
    }
    if unroled.is_some() {
        return unroled;
    }
    if target_trim.is_empty() {
        return None;
    }
    for r in articles.entities_named(target_trim) {
        let a = articles.article(r.slot);
        let e = match r.kind {
            EntityKind::Person => continue,
            EntityKind::Organization => a.analysis.organizations.get(r.item as usize),
            EntityKind::Place => a.analysis.places.get(r.item as usize),
        };
        let Some(e) = e else { continue };
        let i = e.mentions.first().and_then(|m| sentence_of(a, *m))?;
        return Some(found(e.name.clone(), vec![Evidence::new(a, i)]));
    }
    None
}

/// "Wu Xinbo, director of the American Studies Center at Fudan University." → the role.
fn appositive_after(sentence: &str, name: &str) -> Option<String> {
    if name.split_whitespace().count() < 2 {
        return None;
    }
    let at = sentence.find(name)?;
    let rest = sentence[at + name.len()..].strip_prefix(", ")?;
    let end = rest
        .find([',', '.', ';', '"', '“', '”', '('])
        .unwrap_or(rest.len());
    let role = rest[..end].trim();
    let first = role.chars().next()?;
    (first.is_lowercase()
        && role.split_whitespace().count() >= 2
        && role.split_whitespace().count() <= 15)
        .then(|| role.to_string())
}

/// "What did X say (about Y)": X's statements, the most on-topic first.
fn what_did_say(articles: &ScopeIndex, who: &str, about: Option<&str>) -> AskAnswer {
    let words = name_words(who);
    let topic = about.map(topic_terms).unwrap_or_default();
    // (topic words in the sentence, quote); the text and evidence are built for the best three only.
    let mut statements: Vec<(usize, ItemRef)> = Vec::new();
    let mut speaker_name: Option<String> = None;
    let Some(last) = words.last() else {
        return not_found();
    };
    let topic_sentences: Vec<_> = topic
        .iter()
        .map(|&t| articles.sentences_holding(t))
        .collect();
    // Every way a speaker can be named holds the question's last name word.
    for r in articles.quotes_with_name_word(last) {
        let a = articles.article(r.slot);
        let Some(q) = a.analysis.quotes.get(r.item as usize) else {
            continue;
        };
        let speaker_words = name_words(&q.speaker);
        let matches = speaker_words == words
            || (words.len() == 1 && speaker_words.last() == words.first())
            || q.aliases.iter().any(|al| name_words(al) == words)
            || (words.len() > 1 && words.iter().all(|w| speaker_words.contains(w)));
        if !matches {
            continue;
        }
        let overlap = topic_sentences
            .iter()
            .filter(|held| held.contains(&(r.slot, q.sentence as u32)))
            .count();
        if !topic.is_empty() && overlap == 0 {
            continue;
        }
        speaker_name.get_or_insert_with(|| q.speaker.clone());
        statements.push((overlap, r));
    }
    if statements.is_empty() {
        return AskAnswer::NotFound {
            message: format!(
                "No statement by {} {}is in the loaded articles.",
                who.trim(),
                if about.is_some() { "on that " } else { "" }
            ),
        };
    }
    statements.sort_by_key(|b| std::cmp::Reverse(b.0));
    statements.truncate(3);
    let name = speaker_name.unwrap_or_else(|| who.trim().to_string());
    let mut said: Vec<String> = Vec::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    for (_, r) in statements {
        let a = articles.article(r.slot);
        let Some(q) = a.analysis.quotes.get(r.item as usize) else {
            continue;
        };
        said.push(format!(
            "“{}”",
            a.doc.slice(q.text).trim_matches(['"', '“', '”'])
        ));
        evidence.push(Evidence::new(a, q.sentence));
    }
    found(format!("{name}: {}", said.join(" … ")), evidence)
}

/// "Who said … (about Y)": the speaker of the statement that best matches.
fn who_said(articles: &ScopeIndex, rest: &str) -> AskAnswer {
    let topic = topic_terms(rest);
    for r in rank_sentences(articles, &topic, CANDIDATES) {
        if r.coverage < MIN_COVERAGE {
            continue;
        }
        let a = articles.article(r.article);
        if let Some(q) = a
            .analysis
            .quotes
            .iter()
            .find(|q| q.sentence == r.sentence || sentence_of(a, q.text) == Some(r.sentence))
        {
            let role = if q.role.is_empty() {
                String::new()
            } else {
                format!(", {}", q.role)
            };
            return found(
                format!("{}{role}", q.speaker),
                vec![Evidence::new(a, r.sentence)],
            );
        }
    }
    not_found()
}
