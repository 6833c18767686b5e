//! Who said: statements grouped by speaker across articles, filtered by speaker (any
//! name or alias, case-insensitive, surname alone, honorifics ignored) and by topic
//! words (stemmed, matched in the statement or the sentence it comes from). The same
//! person quoted in several articles ("Donald Trump", "Trump") is one group.

use super::Evidence;
use super::index::{ItemRef, ScopeIndex};
use crate::model::{Article, QuoteKind};
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub text: String,
    pub kind: QuoteKind,
    pub evidence: Evidence,
}

/// A speaker's statements across the articles asked about.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerStatements {
    pub speaker: String,
    pub role: String,
    pub aliases: Vec<String>,
    pub statements: Vec<Statement>,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words that never decide a name or topic match.
const IGNORED: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "the", "a", "an", "of", "and", "or",
    "about", "on", "in", "to", "for", "what", "who", "said", "say", "says", "did", "does", "is", "are", "was",
];

pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !IGNORED.contains(&w.as_str()))
        .collect()
}

pub(crate) fn stems(s: &str) -> Vec<String> {
    words(&s.replace(['’', '\''], " ")).iter().map(|w| STEMMER.stem(w).into_owned()).collect()
}

/// Two speaker labels name the same source: equal word sets, or one a shorter form of
/// the other sharing its last word ("Trump" / "Donald Trump").
fn same_source(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().all(|w| long.contains(w)) && long.last().is_some_and(|l| short.contains(l))
}

/// Does a speaker query name this group (its name or any alias)?
fn speaker_matches(query: &[String], names: &[Vec<String>]) -> bool {
    !query.is_empty() && names.iter().any(|n| query.iter().all(|q| n.contains(q)))
}

/// Statements grouped by speaker, filtered by speaker (any alias) and topic words.
pub fn who_said(articles: &[&Article], speaker: Option<&str>, topic: Option<&str>) -> Vec<SpeakerStatements> {
    who_said_in(&ScopeIndex::from_articles(articles), speaker, topic)
}

/// The quotes that pass the filters, in article order: read from the index's speaker-word
/// and stem lists (intersected), never by visiting every quote unless there is no filter.
fn candidates(index: &ScopeIndex, speaker_query: Option<&[String]>, topic_stems: Option<&[String]>) -> Vec<ItemRef> {
    let mut lists: Vec<&[ItemRef]> = Vec::new();
    if let Some(q) = speaker_query {
        // Every query word must be in one name; the first word's list holds all of them.
        lists.extend(q.first().map(|w| index.quotes_with_speaker_word(w)));
    }
    if let Some(t) = topic_stems {
        lists.extend(t.iter().map(|s| index.quotes_with_stem(s)));
    }
    let Some(shortest) = lists.iter().min_by_key(|l| l.len()).copied() else {
        return index.all_quotes().collect();
    };
    shortest.iter().copied().filter(|r| lists.iter().all(|l| l.binary_search(r).is_ok())).collect()
}

/// [`who_said`] over a scope's index.
pub fn who_said_in(index: &ScopeIndex, speaker: Option<&str>, topic: Option<&str>) -> Vec<SpeakerStatements> {
    let speaker_query = speaker.map(words).filter(|q| !q.is_empty());
    let topic_stems = topic.map(stems).filter(|t| !t.is_empty());
    // Each group keeps the words of its label, and of its names and aliases for matching.
    let mut groups: Vec<(SpeakerStatements, Vec<String>)> = Vec::new();
    for r in candidates(index, speaker_query.as_deref(), topic_stems.as_deref()) {
        let a = index.article(r.slot);
        let Some(q) = a.analysis.quotes.get(r.item as usize) else { continue };
        let key = words(&q.speaker);
        if let Some(query) = &speaker_query {
            let mut names: Vec<Vec<String>> = vec![key.clone()];
            names.extend(q.aliases.iter().map(|al| words(al)));
            names.retain(|n| !n.is_empty());
            if !speaker_matches(query, &names) {
                continue;
            }
        }
        let evidence = Evidence::new(a, q.sentence);
        let text = a.doc.slice(q.text).to_string();
        let statement = Statement { text, kind: q.kind, evidence };
        match groups.iter_mut().find(|(_, label)| same_source(label, &key)) {
            Some((g, label)) => {
                // The fullest name wins as the group's label.
                if key.len() > label.len() {
                    let old = std::mem::replace(&mut g.speaker, q.speaker.clone());
                    *label = key;
                    push_alias(&mut g.aliases, old);
                }
                if g.role.is_empty() {
                    g.role = q.role.clone();
                }
                for al in &q.aliases {
                    push_alias(&mut g.aliases, al.clone());
                }
                g.statements.push(statement);
            }
            None => groups.push((
                SpeakerStatements {
                    speaker: q.speaker.clone(),
                    role: q.role.clone(),
                    aliases: q.aliases.clone(),
                    statements: vec![statement],
                },
                key,
            )),
        }
    }
    let mut out: Vec<SpeakerStatements> = groups
        .into_iter()
        .map(|(mut g, _)| {
            g.aliases.retain(|al| !al.eq_ignore_ascii_case(&g.speaker));
            g
        })
        .collect();
    // Most-quoted first; ties keep first appearance (stable sort).
    out.sort_by(|a, b| b.statements.len().cmp(&a.statements.len()));
    out
}

fn push_alias(aliases: &mut Vec<String>, alias: String) {
    if !aliases.iter().any(|a| a.eq_ignore_ascii_case(&alias)) {
        aliases.push(alias);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::ingest::{IngestOptions, ingest};
    use chrono::Utc;

    fn article(id: &str, text: &str) -> Article {
        let doc = ingest(text.as_bytes(), &IngestOptions::default()).unwrap();
        let analysis = analyze(&doc);
        Article { id: id.into(), added_at: Utc::now(), added_by: None, origin: "test".into(), doc, analysis }
    }

    #[test]
    fn groups_the_same_person_across_articles_and_filters() {
        let a = article("a1", "U.S. President Donald Trump said tariffs on rare earths would rise.\n\n“We are winning,” Trump said.");
        let b = article("a2", "“The talks on rare earth exports are over,” said Donald Trump.\n\nAnalysts say the markets are calm.");
        let refs = [&a, &b];
        let all = who_said(&refs, None, None);
        let trump = all.iter().find(|g| g.speaker == "Donald Trump").expect("Trump grouped");
        assert_eq!(trump.statements.len(), 3);
        assert_eq!(all[0].speaker, "Donald Trump", "most quoted first");
        assert!(all.iter().any(|g| g.speaker == "Analysts"));

        // Speaker by surname, any case, honorific ignored.
        let by_surname = who_said(&refs, Some("mr. TRUMP"), None);
        assert_eq!(by_surname.len(), 1);
        assert_eq!(by_surname[0].statements.len(), 3);
        assert!(who_said(&refs, Some("Xi"), None).is_empty());

        // Topic by stem: "earths" finds "earth" and "earths".
        let topic = who_said(&refs, None, Some("rare earths"));
        let n: usize = topic.iter().map(|g| g.statements.len()).sum();
        assert_eq!(n, 2, "{topic:?}");
        assert!(topic.iter().all(|g| g.statements.iter().all(|s| !s.evidence.sentence.is_empty())));
        assert_eq!(topic[0].statements[0].evidence.article_id, "a1");
    }
}
