//! Per-article views: people, timeline, summary.

#![allow(unused_imports)]
use super::Evidence;
use crate::model::{Article, FigureKind, QuoteKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PersonHit {
    pub name: String,
    pub role: String,
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub evidence: Option<Evidence>,
}

pub fn people(article: &Article) -> Vec<PersonHit> {
    article
        .analysis
        .people
        .iter()
        .map(|p| PersonHit {
            name: p.name.clone(),
            role: p.role.clone(),
            aliases: p.aliases.clone(),
            mentions: p.mentions.len(),
            evidence: p
                .mentions
                .first()
                .and_then(|m| article.doc.sentence_at(m.start))
                .map(|i| Evidence::new(article, i)),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub date_text: String,
    pub value: Option<String>,
    pub evidence: Evidence,
}

pub fn timeline(article: &Article) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = article
        .analysis
        .dates
        .iter()
        .map(|d| TimelineEntry {
            date_text: article.doc.slice(d.text).to_string(),
            value: d.value.clone(),
            evidence: Evidence::new(article, d.sentence),
        })
        .collect();
    // Resolved dates in order; unresolved ones after them, in article order.
    out.sort_by(|a, b| match (&a.value, &b.value) {
        (Some(x), Some(y)) => x
            .cmp(y)
            .then(a.evidence.sentence_index.cmp(&b.evidence.sentence_index)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.evidence.sentence_index.cmp(&b.evidence.sentence_index),
    });
    out
}

pub fn summary(article: &Article) -> Vec<Evidence> {
    article
        .analysis
        .key_points
        .iter()
        .map(|&i| Evidence::new(article, i))
        .collect()
}
