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

/// Most figures a scope-wide answer carries; [`key_figures_in`] also returns how many
/// there are in all. A server with thousands of articles has a hundred thousand figures,
/// and a reply shows a few pages of the best.
pub const MAX_FIGURES: usize = 300;

/// Key figures of the given articles, best first, optionally of one kind only.
pub fn key_figures(articles: &[&Article], kind: Option<FigureKind>) -> Vec<FigureHit> {
    let order = articles.iter().enumerate().map(|(i, a)| (i as u32, *a));
    ranked(order, kind, usize::MAX).0
}

/// [`key_figures`] over a scope's index: the best [`MAX_FIGURES`], and the number of
/// figures of that kind in all.
pub fn key_figures_in(index: &ScopeIndex, kind: Option<FigureKind>) -> (Vec<FigureHit>, usize) {
    let (best, total) = index.figures(kind);
    let hits = best
        .take(MAX_FIGURES)
        .filter_map(|k| hit(index.article(k.slot), k.item as usize))
        .collect();
    (hits, total)
}

fn hit(a: &Article, i: usize) -> Option<FigureHit> {
    let f = a.analysis.figures.get(i)?;
    Some(FigureHit {
        text: a.doc.text.get(f.text.start..f.text.end)?.to_string(),
        kind: f.kind,
        value: f.value,
        unit: f.unit.clone(),
        qualifier: f.qualifier.clone(),
        about: f.about.clone(),
        evidence: Evidence::new(a, f.sentence),
    })
}

fn ranked<'a>(
    articles: impl Iterator<Item = (u32, &'a Article)>,
    kind: Option<FigureKind>,
    limit: usize,
) -> (Vec<FigureHit>, usize) {
    // (score, article order, text position, article, figure); hits are built for the best only.
    let mut found: Vec<(f32, u32, usize, &'a Article, u32)> = Vec::new();
    for (order, a) in articles {
        for (i, f) in a.analysis.figures.iter().enumerate() {
            if kind.is_some_and(|k| k != f.kind) {
                continue;
            }
            // A span that no longer fits the text (a stale analysis) is skipped, not a panic.
            if a.doc.text.get(f.text.start..f.text.end).is_none() {
                continue;
            }
            found.push((f.score, order, f.text.start, a, i as u32));
        }
    }
    let total = found.len();
    let best_first = |a: &(f32, u32, usize, &Article, u32),
                      b: &(f32, u32, usize, &Article, u32)| {
        b.0.total_cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.4.cmp(&b.4))
    };
    if found.len() > limit && limit > 0 {
        found.select_nth_unstable_by(limit - 1, best_first);
        found.truncate(limit);
    }
    found.sort_by(best_first);
    let hits = found
        .into_iter()
        .filter_map(|(_, _, _, a, i)| hit(a, i as usize))
        .collect();
    (hits, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{IngestOptions, ingest};
    use chrono::Utc;

    fn article(id: &str, text: &str) -> Article {
        let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingest");
        let analysis = crate::analyze::analyze(&doc);
        Article {
            id: id.into(),
            added_at: Utc::now(),
            added_by: None,
            origin: "test".into(),
            doc,
            analysis,
        }
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
        let a = article(
            "a1",
            "Prices rose 3.5 percent in May. About 200 people protested.",
        );
        let b = article("a2", "The firm cut 4,000 jobs. Sales fell 12 per cent.");
        let hits = key_figures(&[&a, &b], Some(FigureKind::Percent));
        let texts: Vec<&str> = hits.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(hits.iter().all(|h| h.kind == FigureKind::Percent));
        assert!(
            texts.contains(&"3.5 percent") && texts.contains(&"12 per cent"),
            "{texts:?}"
        );
        assert!(key_figures(&[&a, &b], Some(FigureKind::Money)).is_empty());
    }

    #[test]
    fn a_scope_answer_keeps_the_best_and_counts_all() {
        let a = article(
            "a1",
            "Prices rose 3.5 percent in May. About 200 people protested. The deal is worth $660 billion.",
        );
        let many: Vec<&Article> = std::iter::repeat_n(&a, MAX_FIGURES).collect();
        let every = key_figures(&many, None);
        let index = ScopeIndex::from_articles(&many);
        let (best, total) = key_figures_in(&index, None);
        assert_eq!(total, every.len());
        assert!(total > MAX_FIGURES);
        assert_eq!(best.len(), MAX_FIGURES);
        let key = |h: &FigureHit| {
            (
                h.text.clone(),
                h.evidence.article_id.clone(),
                h.evidence.sentence_index,
            )
        };
        assert_eq!(
            best.iter().map(key).collect::<Vec<_>>(),
            every.iter().take(MAX_FIGURES).map(key).collect::<Vec<_>>()
        );
        let (money, money_total) = key_figures_in(&index, Some(FigureKind::Money));
        assert_eq!(money_total, MAX_FIGURES);
        assert!(money.iter().all(|h| h.kind == FigureKind::Money));
    }
}
