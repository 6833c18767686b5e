//! Key figures across articles, ranked, filterable by kind.

#![allow(unused_imports)]
use super::Evidence;
use crate::model::{Article, FigureKind, QuoteKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct FigureHit {
    pub text: String,
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub unit: String,
    pub qualifier: Option<String>,
    pub about: String,
    pub evidence: Evidence,
}

/// Key figures, best first.
pub fn key_figures(articles: &[&Article], kind: Option<FigureKind>) -> Vec<FigureHit> {
    let mut hits: Vec<(f32, FigureHit)> = Vec::new();
    for a in articles {
        for f in &a.analysis.figures {
            if kind.is_some_and(|k| k != f.kind) {
                continue;
            }
            hits.push((
                f.score,
                FigureHit {
                    text: a.doc.slice(f.text).to_string(),
                    kind: f.kind,
                    value: f.value,
                    unit: f.unit.clone(),
                    qualifier: f.qualifier.clone(),
                    about: f.about.clone(),
                    evidence: Evidence::new(a, f.sentence),
                },
            ));
        }
    }
    hits.sort_by(|a, b| b.0.total_cmp(&a.0));
    hits.into_iter().map(|(_, h)| h).collect()
}

