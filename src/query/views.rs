//! Per-article views: people, timeline, summary.

#![allow(unused_imports)]
use super::Evidence;
use super::timezone;
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

/// The article's dated events in time order, one entry per event: a local time and its
/// UTC form ("00:37 local time (03:37 UTC)") are one entry whose value carries the zone
/// (`2010-11-28T00:37-03:00`); a local time given alone takes the zone the article's
/// pairs fix; the same moment mentioned again (a caption, a pull quote) is listed once,
/// with the body sentence as its evidence; the bare dateline is not an event.
pub fn timeline(article: &Article) -> Vec<TimelineEntry> {
    let doc = &article.doc;
    let dates = &article.analysis.dates;
    let offset = timezone::article_offset(doc, dates);
    let mut out: Vec<(String, TimelineEntry)> = Vec::new();
    let mut i = 0;
    while i < dates.len() {
        let d = &dates[i];
        let in_dateline = doc.dateline.is_some_and(|l| l.overlaps(d.text));
        if in_dateline {
            i += 1;
            continue;
        }
        let (text, key, value, used) = match timezone::pair_at(doc, dates, i) {
            Some(pair) => (pair.text, pair.utc_key, Some(pair.value), 2),
            None => {
                let (key, value) = timezone::single(d.value.as_deref(), doc, d.text, offset);
                (doc.slice(d.text).to_string(), key, value, 1)
            }
        };
        let entry = TimelineEntry {
            date_text: text,
            value,
            evidence: Evidence::new(article, d.sentence),
        };
        i += used;
        merge_or_push(&mut out, key, entry, |s| doc.in_caption(s));
    }
    // Resolved dates in order; unresolved ones after them, in article order.
    out.sort_by(|(ka, a), (kb, b)| match (&a.value, &b.value) {
        (Some(_), Some(_)) => ka
            .cmp(kb)
            .then(a.evidence.sentence_index.cmp(&b.evidence.sentence_index)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.evidence.sentence_index.cmp(&b.evidence.sentence_index),
    });
    out.into_iter().map(|(_, e)| e).collect()
}

/// Adds `entry` unless it repeats one already listed: the same clock time (one moment is
/// one event), or the same date told in the same sentence words (a pull quote) or in a
/// caption. The repeat keeps the fuller date text and a body sentence as evidence.
fn merge_or_push(
    out: &mut Vec<(String, TimelineEntry)>,
    key: String,
    entry: TimelineEntry,
    in_caption: impl Fn(usize) -> bool,
) {
    if entry.value.is_some() {
        let is_time = key.contains('T');
        let same = out.iter_mut().find(|(k, e)| {
            *k == key
                && (is_time
                    || e.evidence.sentence == entry.evidence.sentence
                    || in_caption(e.evidence.sentence_index)
                    || in_caption(entry.evidence.sentence_index))
        });
        if let Some((_, kept)) = same {
            if in_caption(kept.evidence.sentence_index)
                && !in_caption(entry.evidence.sentence_index)
            {
                kept.evidence = entry.evidence;
            }
            if entry.date_text.len() > kept.date_text.len() {
                kept.date_text = entry.date_text;
                kept.value = entry.value;
            }
            return;
        }
    }
    out.push((key, entry));
}

pub fn summary(article: &Article) -> Vec<Evidence> {
    article
        .analysis
        .key_points
        .iter()
        .map(|&i| Evidence::new(article, i))
        .collect()
}
