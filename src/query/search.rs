//! Ranked sentence search across a scope's articles.

#![allow(unused_imports)]
use super::Evidence;
use crate::model::{Article, FigureKind, QuoteKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub score: f32,
    pub evidence: Evidence,
}

pub fn search(articles: &[&Article], query: &str) -> Vec<SearchHit> {
    let q = query.to_lowercase();
    let mut hits = Vec::new();
    for a in articles {
        for (i, s) in a.doc.sentences.iter().enumerate() {
            if a.doc.slice(s.span).to_lowercase().contains(&q) {
                hits.push(SearchHit { score: 1.0, evidence: Evidence::new(a, i) });
            }
        }
    }
    hits
}
