//! Ranked sentence search across a scope's articles: by person (any of their names), by
//! organization or place, or by keywords (BM25 over stemmed terms, using each article's
//! precomputed `TermIndex`, so only the query is stemmed).

use super::Evidence;
use crate::analyze::terms;
use crate::model::{Article, NamedEntity, Span};
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
    pub article: usize,
    pub sentence: usize,
}

/// Distinct query term ids.
pub(crate) fn query_terms(query: &str) -> Vec<u32> {
    let mut t = terms::terms(query);
    t.sort_unstable();
    t.dedup();
    t
}

/// Sentences ranked by BM25 over the whole scope, best first (at most `limit`).
pub(crate) fn rank_sentences(articles: &[&Article], query: &[u32], limit: usize) -> Vec<Ranked> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut total_sentences = 0usize;
    let mut total_length = 0usize;
    let mut df = vec![0u32; query.len()];
    for a in articles {
        let idx = &a.analysis.terms;
        total_sentences += idx.lengths.len();
        total_length += idx.lengths.iter().map(|&l| l as usize).sum::<usize>();
        for (qi, &t) in query.iter().enumerate() {
            df[qi] += idx.postings_of(t).len() as u32;
        }
    }
    if total_sentences == 0 {
        return Vec::new();
    }
    let avg_len = (total_length as f32 / total_sentences as f32).max(1.0);
    let n = total_sentences as f32;
    let idf: Vec<f32> = df.iter().map(|&d| ((n - d as f32 + 0.5) / (d as f32 + 0.5) + 1.0).ln()).collect();
    let idf_total: f32 = idf.iter().sum::<f32>().max(1e-6);

    let mut out: Vec<Ranked> = Vec::new();
    // Per-sentence (score, matched weight) of the current article, reused across articles.
    let mut per_sentence: Vec<(f32, f32)> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let idx = &a.analysis.terms;
        for (qi, &t) in query.iter().enumerate() {
            for &(_, s, count) in idx.postings_of(t) {
                let si = s as usize;
                if si >= per_sentence.len() {
                    per_sentence.resize(si + 1, (0.0, 0.0));
                }
                let len = idx.lengths.get(si).copied().unwrap_or(1) as f32;
                let tf = count as f32;
                let score = idf[qi] * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg_len));
                let e = &mut per_sentence[si];
                if e.1 == 0.0 {
                    touched.push(s);
                }
                e.0 += score;
                e.1 += idf[qi].max(1e-6);
            }
        }
        for &s in &touched {
            let (score, weight) = std::mem::take(&mut per_sentence[s as usize]);
            out.push(Ranked { score, coverage: weight / idf_total, article: ai, sentence: s as usize });
        }
        touched.clear();
    }
    let order = |a: &Ranked, b: &Ranked| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)).then(a.sentence.cmp(&b.sentence));
    if out.len() > limit && limit > 0 {
        out.select_nth_unstable_by(limit - 1, order);
        out.truncate(limit);
    }
    out.sort_by(order);
    out
}

/// Whether `query` names this entity (its name or an alias, ignoring case).
pub(crate) fn names_entity(query: &str, name: &str, aliases: &[String]) -> bool {
    let q = query.trim();
    !q.is_empty() && (name.eq_ignore_ascii_case(q) || aliases.iter().any(|a| a.eq_ignore_ascii_case(q)))
}

fn mention_hits(article: &Article, mentions: &[Span], score: f32, hits: &mut Vec<SearchHit>) {
    let mut seen: Vec<usize> = Vec::new();
    for m in mentions {
        if let Some(i) = article.doc.sentence_at(m.start) {
            if !seen.contains(&i) {
                seen.push(i);
                hits.push(SearchHit { score, evidence: Evidence::new(article, i) });
            }
        }
    }
}

/// Sentences about a person, organization or place when the query names one; otherwise
/// the sentences that best match the keywords. Best first.
pub fn search(articles: &[&Article], query: &str) -> Vec<SearchHit> {
    let mut hits = Vec::new();
    for a in articles {
        for p in &a.analysis.people {
            if names_entity(query, &p.name, &p.aliases) {
                mention_hits(a, &p.mentions, 2.0, &mut hits);
            }
        }
        let entities: [&[NamedEntity]; 2] = [&a.analysis.organizations, &a.analysis.places];
        for list in entities {
            for e in list {
                if names_entity(query, &e.name, &e.aliases) {
                    mention_hits(a, &e.mentions, 2.0, &mut hits);
                }
            }
        }
    }
    if !hits.is_empty() {
        hits.truncate(MAX_HITS);
        return hits;
    }
    let q = query_terms(query);
    rank_sentences(articles, &q, MAX_HITS)
        .into_iter()
        .filter(|r| r.coverage >= 0.5)
        .map(|r| SearchHit { score: r.score, evidence: Evidence::new(articles[r.article], r.sentence) })
        .collect()
}
