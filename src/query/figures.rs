//! Key figures across articles, ranked, filterable by kind. The ranking comes from the
//! analysis (`Figure::score`: money and percentages first, lead-paragraph and restated
//! figures up); ties keep article order and then text order, so answers are stable.
//! Callers cut the list to the top N (default [`DEFAULT_TOP`]); the rest stays available.

use super::Evidence;
use super::index::ScopeIndex;
use crate::model::{Article, FigureKind};
use serde::Serialize;

/// How many key figures a caller shows unless asked for more.
pub const DEFAULT_TOP: usize = 10;

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

/// Key figures of the given articles, best first, optionally of one kind only.
pub fn key_figures(articles: &[&Article], kind: Option<FigureKind>) -> Vec<FigureHit> {
    let order: Vec<(u32, &Article)> = articles.iter().enumerate().map(|(i, a)| (i as u32, *a)).collect();
    ranked(order.into_iter(), kind)
}

/// [`key_figures`] over a scope's index.
pub fn key_figures_in(index: &ScopeIndex, kind: Option<FigureKind>) -> Vec<FigureHit> {
    ranked(index.articles(), kind)
}

fn ranked<'a>(articles: impl Iterator<Item = (u32, &'a Article)>, kind: Option<FigureKind>) -> Vec<FigureHit> {
    // (score, article order, text position, hit)
    let mut hits: Vec<(f32, u32, usize, FigureHit)> = Vec::new();
    for (order, a) in articles {
        for f in &a.analysis.figures {
            if kind.is_some_and(|k| k != f.kind) {
                continue;
            }
            // A span that no longer fits the text (a stale analysis) is skipped, not a panic.
            let Some(text) = a.doc.text.get(f.text.start..f.text.end) else { continue };
            hits.push((
                f.score,
                order,
                f.text.start,
                FigureHit {
                    text: text.to_string(),
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
    hits.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    hits.into_iter().map(|(_, _, _, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{IngestOptions, ingest};
    use chrono::Utc;

    fn article(id: &str, text: &str) -> Article {
        let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingest");
        let analysis = crate::analyze::analyze(&doc);
        Article { id: id.into(), added_at: Utc::now(), added_by: None, origin: "test".into(), doc, analysis }
    }

    #[test]
    fn money_and_percent_rank_above_counts_with_evidence() {
        let a = article(
            "a1",
            "Officials met 12 reporters on Monday.\n\nThe deal is worth $660 billion, officials said. China refines over 90% of the metals.",
        );
        let hits = key_figures(&[&a], None);
        let texts: Vec<&str> = hits.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts.first(), Some(&"$660 billion"), "{texts:?}");
        assert_eq!(texts.get(1), Some(&"over 90%"), "{texts:?}");
        assert!(texts.contains(&"12 reporters"), "{texts:?}");
        assert!(hits[0].evidence.sentence.contains("$660 billion"));
        assert_eq!(hits[0].evidence.article_id, "a1");
    }

    #[test]
    fn kind_filter_and_several_articles() {
        let a = article("a1", "Prices rose 3.5 percent in May. About 200 people protested.");
        let b = article("a2", "The firm cut 4,000 jobs. Sales fell 12 per cent.");
        let hits = key_figures(&[&a, &b], Some(FigureKind::Percent));
        let texts: Vec<&str> = hits.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(hits.iter().all(|h| h.kind == FigureKind::Percent));
        assert!(texts.contains(&"3.5 percent") && texts.contains(&"12 per cent"), "{texts:?}");
        assert!(key_figures(&[&a, &b], Some(FigureKind::Money)).is_empty());
    }
}
