//! What a digest says across articles: the most-quoted people, the people and
//! organizations that recur, and figures in different articles that measure the same
//! thing yet disagree.

use super::{
    ArticleRef, DigestFigure, Disagreement, EntityKind, QuotedSpeaker, RecurringEntity,
    digest_figure, figure_ok, speaker_role,
};
use crate::briefing::words::{content_stems, name_key};
use crate::model::{Article, FigureKind, QuoteKind};
use crate::query::Evidence;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Groups names across articles: the same full name (or a full-name alias) is one
/// entity; a lone surname joins the one multi-word name ending in it, if exactly one.
struct NameGroups {
    by_key: HashMap<String, usize>,
    display: Vec<String>,
}

impl NameGroups {
    fn new<'a>(all_names: impl Iterator<Item = (&'a str, &'a [String])>) -> NameGroups {
        let mut groups = NameGroups {
            by_key: HashMap::new(),
            display: Vec::new(),
        };
        let mut singles: Vec<(String, String)> = Vec::new();
        // One-word aliases an article gives a full name ("Wu" for "Wu Xinbo").
        let mut short_aliases: Vec<(String, String)> = Vec::new();
        for (name, aliases) in all_names {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            if !key.contains(' ') {
                singles.push((key, name.to_string()));
                continue;
            }
            let existing = std::iter::once(&key)
                .chain(
                    aliases
                        .iter()
                        .map(|a| name_key(a))
                        .filter(|k| k.contains(' '))
                        .collect::<Vec<_>>()
                        .iter(),
                )
                .find_map(|k| groups.by_key.get(k).copied());
            let id = existing.unwrap_or_else(|| {
                groups.display.push(name.to_string());
                groups.display.len() - 1
            });
            // The fullest spelling names the group.
            if name.len() > groups.display[id].len() {
                groups.display[id] = name.to_string();
            }
            groups.by_key.insert(key, id);
            for al in aliases {
                let k = name_key(al);
                if k.contains(' ') {
                    groups.by_key.entry(k).or_insert(id);
                } else if !k.is_empty() {
                    short_aliases.push((k, name_key(name)));
                }
            }
        }
        for (key, name) in singles {
            if groups.by_key.contains_key(&key) {
                continue;
            }
            let endings: HashSet<usize> = groups
                .by_key
                .iter()
                .filter(|(k, _)| k.rsplit(' ').next() == Some(key.as_str()))
                .map(|(_, &id)| id)
                .chain(
                    short_aliases
                        .iter()
                        .filter(|(alias, _)| *alias == key)
                        .filter_map(|(_, full)| groups.by_key.get(full).copied()),
                )
                .collect();
            let id = if endings.len() == 1 {
                endings.into_iter().next().unwrap_or_default()
            } else {
                groups.display.push(name);
                groups.display.len() - 1
            };
            groups.by_key.insert(key, id);
        }
        groups
    }

    fn group_of(&self, name: &str) -> Option<usize> {
        self.by_key.get(&name_key(name)).copied()
    }
}

pub(super) fn most_quoted(articles: &[&Article], limit: usize) -> Vec<QuotedSpeaker> {
    let names = articles.iter().flat_map(|a| {
        a.analysis
            .quotes
            .iter()
            .map(|q| (q.speaker.as_str(), q.aliases.as_slice()))
    });
    let groups = NameGroups::new(names);
    let mut tally: BTreeMap<usize, QuotedSpeaker> = BTreeMap::new();
    for a in articles {
        for q in &a.analysis.quotes {
            let Some(g) = groups.group_of(&q.speaker) else {
                continue;
            };
            let entry = tally.entry(g).or_insert_with(|| QuotedSpeaker {
                name: groups.display[g].clone(),
                role: String::new(),
                quotes: 0,
                paraphrases: 0,
                articles: Vec::new(),
                evidence: Evidence::new(a, q.sentence),
            });
            match q.kind {
                QuoteKind::Direct => entry.quotes += 1,
                QuoteKind::Indirect => entry.paraphrases += 1,
            }
            if entry.role.is_empty() {
                entry.role = speaker_role(a, &q.speaker, &q.role);
            }
            if entry.articles.last().is_none_or(|r| r.id != a.id) {
                entry.articles.push(ArticleRef::of(a));
            }
        }
    }
    let mut out: Vec<QuotedSpeaker> = tally
        .into_values()
        .filter(|s| s.quotes + s.paraphrases >= 2)
        .collect();
    // Direct quotes weigh most: a speaker quoted in their own words outranks one only
    // paraphrased as often.
    out.sort_by(|x, y| {
        (y.quotes + y.paraphrases)
            .cmp(&(x.quotes + x.paraphrases))
            .then(y.quotes.cmp(&x.quotes))
            .then(y.articles.len().cmp(&x.articles.len()))
    });
    out.truncate(limit);
    out
}

/// (name, aliases, role, first mention) of one entity in one article.
type EntityMention<'a> = (&'a str, &'a [String], &'a str, Option<crate::model::Span>);

pub(super) fn recurring_entities(articles: &[&Article], limit: usize) -> Vec<RecurringEntity> {
    let mut out = Vec::new();
    for kind in [EntityKind::Person, EntityKind::Organization] {
        // (name, aliases, role, first mention) per article.
        let per_article: Vec<Vec<EntityMention>> = articles
            .iter()
            .map(|a| match kind {
                EntityKind::Person => a
                    .analysis
                    .people
                    .iter()
                    .map(|p| {
                        (
                            p.name.as_str(),
                            p.aliases.as_slice(),
                            p.role.as_str(),
                            p.mentions.first().copied(),
                        )
                    })
                    .collect(),
                EntityKind::Organization => a
                    .analysis
                    .organizations
                    .iter()
                    .map(|o| {
                        (
                            o.name.as_str(),
                            o.aliases.as_slice(),
                            "",
                            o.mentions.first().copied(),
                        )
                    })
                    .collect(),
            })
            .collect();
        let groups = NameGroups::new(per_article.iter().flatten().map(|(n, al, _, _)| (*n, *al)));
        let mut found: BTreeMap<usize, RecurringEntity> = BTreeMap::new();
        for (a, entities) in articles.iter().zip(&per_article) {
            for &(name, _, role, mention) in entities {
                let Some(g) = groups.group_of(name) else {
                    continue;
                };
                let entry = found.entry(g).or_insert_with(|| RecurringEntity {
                    name: groups.display[g].clone(),
                    kind,
                    role: String::new(),
                    evidence: Vec::new(),
                });
                if entry.role.is_empty() {
                    entry.role = role.to_string();
                }
                if entry.evidence.iter().any(|e| e.article_id == a.id) {
                    continue;
                }
                let sentence = mention
                    .and_then(|m| a.doc.sentence_at(m.start))
                    .or_else(|| {
                        a.doc
                            .sentences
                            .iter()
                            .position(|s| a.doc.slice(s.span).contains(name))
                    });
                if let Some(i) = sentence {
                    entry.evidence.push(Evidence::new(a, i));
                }
            }
        }
        let mut several: Vec<RecurringEntity> = found
            .into_values()
            .filter(|e| e.evidence.len() >= 2)
            .collect();
        several.sort_by_key(|e| std::cmp::Reverse(e.evidence.len()));
        out.extend(several);
    }
    out.truncate(limit.max(1) * 2);
    out
}

/// Qualifiers that make a figure a bound or an estimate rather than a point value.
const LOWER_BOUND: &[&str] = &[
    "over",
    "more than",
    "at least",
    "above",
    "exceeding",
    "in excess of",
    "upwards of",
    "no fewer than",
    "no less than",
    "greater than",
    "higher than",
    "beyond",
    "just over",
    "well over",
    "more that",
];
const UPPER_BOUND: &[&str] = &[
    "under",
    "less than",
    "fewer than",
    "up to",
    "at most",
    "below",
    "no more than",
    "as many as",
    "as much as",
    "just under",
    "just below",
    "well under",
];
const JUST_BELOW: &[&str] = &["nearly", "almost", "close to", "approaching", "just shy of"];
const APPROXIMATE: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "an estimated",
    "estimated",
    "circa",
    "approx",
    "more or less",
];

/// The values a figure allows, from its value, range and qualifier.
fn allowed_range(f: &DigestFigure) -> Option<(f64, f64)> {
    let v = f.value?;
    let q = f
        .qualifier
        .as_deref()
        .map(|q| q.trim().to_lowercase())
        .unwrap_or_default();
    let is = |table: &[&str]| !q.is_empty() && table.contains(&q.as_str());
    let (mut lo, mut hi) = (v, f.value_max.filter(|m| *m >= v).unwrap_or(v));
    if is(LOWER_BOUND) {
        hi = f64::INFINITY;
    } else if is(UPPER_BOUND) {
        lo = f64::NEG_INFINITY;
    } else if is(JUST_BELOW) {
        lo = v - v.abs() * 0.1;
    } else if is(APPROXIMATE) {
        lo = v - v.abs() * 0.1;
        hi += hi.abs() * 0.1;
    }
    // Values within 1 % are the same figure rounded differently.
    let slack = lo.abs().max(hi.abs()).min(f64::MAX) * 0.01;
    let slack = if slack.is_finite() {
        slack
    } else {
        v.abs() * 0.01
    };
    Some((lo - slack, hi + slack))
}

/// Words near the figure that say what it measures: the engine's `about`, else the
/// content words of the sentence within a few words of the figure.
fn subject_stems(f: &DigestFigure) -> Vec<String> {
    let about = content_stems(&f.about);
    // An `about` of fewer than two content words ("last year") says too little.
    if about.len() >= 2 {
        return about;
    }
    let sentence = &f.evidence.sentence;
    let (before, after) = match sentence.find(&f.text) {
        Some(at) => (&sentence[..at], &sentence[at + f.text.len()..]),
        None => (sentence.as_str(), ""),
    };
    let mut stems: Vec<String> = content_stems(before).into_iter().rev().take(6).collect();
    stems.extend(content_stems(after).into_iter().take(6));
    stems
}

/// Pairs of figures in different articles that measure the same thing (same kind and
/// unit, and mostly the same subject words) with values no reading reconciles.
pub(super) fn disagreements(articles: &[&Article], limit: usize) -> Vec<Disagreement> {
    struct Candidate {
        article: usize,
        figure: DigestFigure,
        stems: Vec<String>,
    }
    let mut buckets: BTreeMap<(&'static str, String), Vec<Candidate>> = BTreeMap::new();
    for (ai, a) in articles.iter().enumerate() {
        for f in &a.analysis.figures {
            if f.value.is_none()
                || matches!(f.kind, FigureKind::Score | FigureKind::Other)
                || !figure_ok(a, f)
            {
                continue;
            }
            let unit = f.unit.trim().to_lowercase();
            if unit.is_empty() {
                continue;
            }
            let figure = digest_figure(a, f);
            let unit_stems: HashSet<String> = content_stems(&unit).into_iter().collect();
            let stems: Vec<String> = subject_stems(&figure)
                .into_iter()
                .filter(|s| !unit_stems.contains(s))
                .collect();
            if stems.len() < 2 {
                continue;
            }
            buckets
                .entry((f.kind.as_str(), unit))
                .or_default()
                .push(Candidate {
                    article: ai,
                    figure,
                    stems,
                });
        }
    }
    let mut found: Vec<(f64, Disagreement)> = Vec::new();
    for candidates in buckets.values() {
        for (i, x) in candidates.iter().enumerate() {
            let xs: HashSet<&String> = x.stems.iter().collect();
            for y in &candidates[i + 1..] {
                if y.article == x.article {
                    continue;
                }
                let shared: Vec<&String> = y.stems.iter().filter(|s| xs.contains(s)).collect();
                let smaller = x.stems.len().min(y.stems.len());
                let overlap = shared.len() as f64 / smaller as f64;
                if shared.len() < 2 || overlap < 0.5 {
                    continue;
                }
                let (Some((xlo, xhi)), Some((ylo, yhi))) =
                    (allowed_range(&x.figure), allowed_range(&y.figure))
                else {
                    continue;
                };
                if xlo <= yhi && ylo <= xhi {
                    continue;
                }
                let subject = if content_stems(&x.figure.about).len() >= 2 {
                    x.figure.about.trim().to_string()
                } else if content_stems(&y.figure.about).len() >= 2 {
                    y.figure.about.trim().to_string()
                } else {
                    shared
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                found.push((
                    overlap,
                    Disagreement {
                        subject,
                        unit: x.figure.unit.clone(),
                        first: x.figure.clone(),
                        second: y.figure.clone(),
                    },
                ));
            }
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    // One line per pair of sentences.
    let mut seen = HashSet::new();
    found
        .into_iter()
        .map(|(_, d)| d)
        .filter(|d| {
            seen.insert((
                d.first.evidence.article_id.clone(),
                d.first.evidence.sentence_index,
                d.second.evidence.article_id.clone(),
                d.second.evidence.sentence_index,
            ))
        })
        .take(limit)
        .collect()
}
