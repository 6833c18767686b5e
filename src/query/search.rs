//! Ranked sentence search across a scope's articles: by person (any of their names), by
//! organization or place, or by keywords (BM25 over stemmed terms, using each article's
//! scope's inverted index, so only the query is stemmed and only its terms' postings read).

use super::Evidence;
use super::index::{EntityKind, Posting, ScopeIndex};
use crate::analyze::terms;
use crate::model::{Article, Span};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub score: f32,
    pub evidence: Evidence,
}

/// BM25 parameters (the usual defaults; sentences are short documents).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Most hits a search returns.
const MAX_HITS: usize = 50;

/// One ranked sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub score: f32,
    /// Share of the query's weight (IDF) the sentence holds, 0–1.
    pub coverage: f32,
    /// The article's slot in the index.
    pub article: u32,
    pub sentence: usize,
}

/// Distinct query term ids.
pub(crate) fn query_terms(query: &str) -> Vec<u32> {
    let mut t = terms::terms(query);
    t.sort_unstable();
    t.dedup();
    t
}

/// Sentences ranked by BM25 over the whole scope, best first (at most `limit`); only
/// the postings of the query's terms are read.
pub(crate) fn rank_sentences(index: &ScopeIndex, query: &[u32], limit: usize) -> Vec<Ranked> {
    if query.is_empty() {
        return Vec::new();
    }
    let (total_sentences, total_length) = index.sentence_stats();
    if total_sentences == 0 {
        return Vec::new();
    }
    let lists: Vec<Vec<Posting>> = query.iter().map(|&t| index.postings_of(t)).collect();
    let avg_len = (total_length as f32 / total_sentences as f32).max(1.0);
    let n = total_sentences as f32;
    let idf: Vec<f32> = lists
        .iter()
        .map(|l| l.len() as f32)
        .map(|d| ((n - d + 0.5) / (d + 0.5) + 1.0).ln())
        .collect();
    let idf_total: f32 = idf.iter().sum::<f32>().max(1e-6);

    // (slot, sentence, query term) for every matching posting; a stable sort by sentence
    // keeps the terms in query order, so scores add up exactly as a per-article scan did.
    let mut matched: Vec<(u32, u32, u32, u16)> =
        Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
    for (qi, list) in lists.iter().enumerate() {
        matched.extend(
            list.iter()
                .map(|p| (p.slot, p.sentence(), qi as u32, p.count())),
        );
    }
    if lists.len() > 1 {
        matched.sort_by_key(|&(slot, sentence, _, _)| (slot, sentence));
    }
    let mut out: Vec<Ranked> = Vec::new();
    for group in matched.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let (slot, sentence) = (group[0].0, group[0].1);
        let len = index.sentence_length(slot, sentence) as f32;
        let (mut score, mut weight) = (0.0f32, 0.0f32);
        for &(_, _, qi, count) in group {
            let qi = qi as usize;
            let tf = count as f32;
            score += idf[qi] * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg_len));
            weight += idf[qi].max(1e-6);
        }
        out.push(Ranked {
            score,
            coverage: weight / idf_total,
            article: slot,
            sentence: sentence as usize,
        });
    }
    let order = |a: &Ranked, b: &Ranked| {
        b.score
            .total_cmp(&a.score)
            .then(a.article.cmp(&b.article))
            .then(a.sentence.cmp(&b.sentence))
    };
    if out.len() > limit && limit > 0 {
        out.select_nth_unstable_by(limit - 1, order);
        out.truncate(limit);
    }
    out.sort_by(order);
    out
}

fn mention_hits(article: &Article, mentions: &[Span], score: f32, hits: &mut Vec<SearchHit>) {
    let mut seen: Vec<usize> = Vec::new();
    for m in mentions {
        if let Some(i) = article.doc.sentence_at(m.start)
            && !seen.contains(&i)
        {
            seen.push(i);
            hits.push(SearchHit {
                score,
                evidence: Evidence::new(article, i),
            });
        }
    }
}

/// Sentences about a person, organization or place when the query names one; otherwise
/// the sentences that best match the keywords. Best first.
pub fn search(articles: &[&Article], query: &str) -> Vec<SearchHit> {
    search_in(&ScopeIndex::from_articles(articles), query)
}

/// [`search`] over a scope's index.
pub fn search_in(index: &ScopeIndex, query: &str) -> Vec<SearchHit> {
    let mut hits = Vec::new();
    if !query.trim().is_empty() {
        for e in index.entities_named(query) {
            if hits.len() >= MAX_HITS {
                break;
            }
            let a = index.article(e.slot);
            let i = e.item as usize;
            let mentions = match e.kind {
                EntityKind::Person => a.analysis.people.get(i).map(|p| p.mentions.as_slice()),
                EntityKind::Organization => a
                    .analysis
                    .organizations
                    .get(i)
                    .map(|o| o.mentions.as_slice()),
                EntityKind::Place => a.analysis.places.get(i).map(|p| p.mentions.as_slice()),
            };
            mention_hits(a, mentions.unwrap_or_default(), 2.0, &mut hits);
        }
    }
    if !hits.is_empty() {
        hits.truncate(MAX_HITS);
        return hits;
    }
    let q = query_terms(query);
    rank_sentences(index, &q, MAX_HITS)
        .into_iter()
        .filter(|r| r.coverage >= 0.5)
        .map(|r| SearchHit {
            score: r.score,
            evidence: Evidence::new(index.article(r.article), r.sentence),
        })
        .collect()
}
