//! The briefing digest: what a set of articles (those added over a period, optionally
//! about a topic) says — per article its key points, top quotes and key figures; across
//! articles the most-quoted people, the people and organizations that recur, and the
//! figures that disagree. Plain data; `render` turns it into text or Discord messages.
//!
//! Nothing is invented: every item carries the `Evidence` sentence it comes from, and
//! every string is a span or a label the engine took from the article.

use super::words::{content_stems, name_key};
use crate::model::{Article, FigureKind, QuoteKind};
use crate::query::Evidence;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What goes into a digest and how much of each.
#[derive(Debug, Clone)]
pub struct DigestOptions {
    /// Articles added strictly after this instant (all when `None`).
    pub since: Option<DateTime<Utc>>,
    /// Articles added at or before this instant (no bound when `None`).
    pub until: Option<DateTime<Utc>>,
    /// When set, the period is "articles stored after article number N" (ids are
    /// `a<N>`, increasing per guild) instead of `since`/`until`: a schedule's watermark,
    /// immune to clock changes. `since` still names the period's start for readers.
    pub after_article: Option<u64>,
    /// Keywords; comma-separated alternatives ("rare earths, tariffs"): an article
    /// matches when all words of one alternative occur in it (stemmed).
    pub topic: Option<String>,
    pub key_points_per_article: usize,
    pub quotes_per_article: usize,
    pub figures_per_article: usize,
    /// Cap on the cross-article lists.
    pub max_cross_items: usize,
}

impl DigestOptions {
    pub fn new(since: Option<DateTime<Utc>>, until: DateTime<Utc>, topic: Option<String>) -> Self {
        DigestOptions {
            since,
            until: Some(until),
            after_article: None,
            topic: topic.filter(|t| !t.trim().is_empty()),
            key_points_per_article: 3,
            quotes_per_article: 3,
            figures_per_article: 3,
            max_cross_items: 8,
        }
    }
}

/// An article, by id and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
}

impl ArticleRef {
    fn of(a: &Article) -> Self {
        ArticleRef {
            id: a.id.clone(),
            title: a.title().to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DigestQuote {
    pub speaker: String,
    pub role: String,
    pub text: String,
    pub kind: QuoteKind,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct DigestFigure {
    pub text: String,
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub unit: String,
    pub qualifier: Option<String>,
    pub about: String,
    pub evidence: Evidence,
}

/// One article's share of the digest.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleDigest {
    pub article: ArticleRef,
    /// Where it came from (file name, URL, "pasted text").
    pub origin: String,
    pub added_at: DateTime<Utc>,
    pub word_count: usize,
    pub key_points: Vec<Evidence>,
    pub quotes: Vec<DigestQuote>,
    pub figures: Vec<DigestFigure>,
}

/// A speaker quoted in the period, with how often and where.
#[derive(Debug, Clone, Serialize)]
pub struct QuotedSpeaker {
    pub name: String,
    pub role: String,
    /// Direct quotes (their words in quotation marks).
    pub quotes: usize,
    /// Paraphrases (reported speech), counted apart from direct quotes.
    pub paraphrases: usize,
    pub articles: Vec<ArticleRef>,
    /// The first of their statements.
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
}

/// A person or organization named in several of the period's articles.
#[derive(Debug, Clone, Serialize)]
pub struct RecurringEntity {
    pub name: String,
    pub kind: EntityKind,
    pub role: String,
    /// One mention per article, in article order.
    pub evidence: Vec<Evidence>,
}

/// The same thing measured differently in two articles.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    /// The content words both figures are about (as written in the first).
    pub subject: String,
    pub unit: String,
    pub first: DigestFigure,
    pub second: DigestFigure,
}

#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// The highest article number in the period (topic or not): the next period's
    /// watermark.
    pub last_article: Option<u64>,
    pub topic: Option<String>,
    /// Articles in the period before the topic filter.
    pub articles_in_period: usize,
    pub articles: Vec<ArticleDigest>,
    pub most_quoted: Vec<QuotedSpeaker>,
    pub recurring: Vec<RecurringEntity>,
    pub disagreements: Vec<Disagreement>,
}

impl Digest {
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

/// Builds the digest of `articles` (any order) for the period and topic in `opts`.
pub fn build_digest(articles: &[&Article], opts: &DigestOptions) -> Digest {
    let in_window = |a: &Article| match opts.after_article {
        Some(n) => article_number(&a.id).is_some_and(|m| m > n),
        None => {
            opts.since.is_none_or(|s| a.added_at > s) && opts.until.is_none_or(|u| a.added_at <= u)
        }
    };
    let mut in_period: Vec<&Article> = articles.iter().copied().filter(|a| in_window(a)).collect();
    let last_article = in_period.iter().filter_map(|a| article_number(&a.id)).max();
    in_period.sort_by(|a, b| {
        a.added_at
            .cmp(&b.added_at)
            .then_with(|| id_order(&a.id, &b.id))
    });
    let articles_in_period = in_period.len();
    let topic = opts
        .topic
        .as_deref()
        .map(Topic::parse)
        .filter(|t| !t.alternatives.is_empty());
    let selected: Vec<&Article> = in_period
        .into_iter()
        .filter(|a| topic.as_ref().is_none_or(|t| t.matches(a)))
        .collect();

    Digest {
        since: opts.since,
        until: opts.until,
        last_article,
        topic: opts.topic.clone(),
        articles_in_period,
        articles: selected.iter().map(|a| article_digest(a, opts)).collect(),
        most_quoted: most_quoted(&selected, opts.max_cross_items),
        recurring: recurring_entities(&selected, opts.max_cross_items),
        disagreements: disagreements(&selected, opts.max_cross_items),
    }
}

/// The number in an article id ("a12" → 12).
pub fn article_number(id: &str) -> Option<u64> {
    id.trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()
}

/// "a2" before "a10".
fn id_order(a: &str, b: &str) -> std::cmp::Ordering {
    article_number(a)
        .cmp(&article_number(b))
        .then_with(|| a.cmp(b))
}

/// Topic keywords: alternatives separated by commas or " or ", each a set of stems.
struct Topic {
    alternatives: Vec<Vec<String>>,
}

impl Topic {
    fn parse(topic: &str) -> Topic {
        let alternatives = topic
            .split(',')
            .flat_map(|part| part.split(" or "))
            .map(content_stems)
            .filter(|stems| !stems.is_empty())
            .collect();
        Topic { alternatives }
    }

    fn matches(&self, article: &Article) -> bool {
        let stems: HashSet<String> = content_stems(&article.doc.text)
            .into_iter()
            .chain(content_stems(&article.doc.title))
            .collect();
        self.alternatives
            .iter()
            .any(|alt| alt.iter().all(|s| stems.contains(s)))
    }
}

fn article_digest(a: &Article, opts: &DigestOptions) -> ArticleDigest {
    ArticleDigest {
        article: ArticleRef::of(a),
        origin: a.origin.clone(),
        added_at: a.added_at,
        word_count: a.doc.word_count(),
        key_points: key_points(a, opts.key_points_per_article),
        quotes: top_quotes(a, opts.quotes_per_article),
        figures: top_figures(a, opts.figures_per_article),
    }
}

/// The engine's key points; failing those, the article's first body sentences.
/// The headline (already the embed's title) is never a key point.
fn key_points(a: &Article, limit: usize) -> Vec<Evidence> {
    let headline_sentence = a.doc.headline.and_then(|h| a.doc.sentence_at(h.start));
    let title = a.doc.title.trim();
    let usable = |i: usize| {
        i < a.doc.sentences.len()
            && Some(i) != headline_sentence
            && a.doc.sentence_text(i).trim() != title
            && !is_standalone_line(a, i)
    };
    let mut picked: Vec<usize> = a
        .analysis
        .key_points
        .iter()
        .copied()
        .filter(|&i| usable(i))
        .collect();
    if picked.is_empty() {
        picked = (0..a.doc.sentences.len())
            .filter(|&i| usable(i))
            .take(limit)
            .collect();
    }
    picked
        .into_iter()
        .take(limit)
        .map(|i| Evidence::new(a, i))
        .filter(|e| !e.sentence.trim().is_empty())
        .collect()
}

/// A sentence that is a whole paragraph and ends without sentence punctuation: a
/// headline, dateline or page furniture, not a statement worth a key point.
fn is_standalone_line(a: &Article, i: usize) -> bool {
    let Some(sentence) = a.doc.sentences.get(i) else {
        return false;
    };
    let whole_paragraph = a
        .doc
        .paragraphs
        .get(sentence.paragraph)
        .is_some_and(|p| a.doc.slice(*p).trim() == a.doc.slice(sentence.span).trim());
    let text = a.doc.slice(sentence.span).trim_end();
    let ends_like_a_sentence = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', '…', ':']);
    whole_paragraph && !ends_like_a_sentence
}

/// The role the article gives a speaker: the quote's own, else the matching person's.
fn speaker_role(a: &Article, speaker: &str, quote_role: &str) -> String {
    if !quote_role.is_empty() {
        return quote_role.to_string();
    }
    let key = name_key(speaker);
    a.analysis
        .people
        .iter()
        .find(|p| name_key(&p.name) == key || p.aliases.iter().any(|al| name_key(al) == key))
        .map(|p| p.role.clone())
        .unwrap_or_default()
}

/// Quotes worth leading with: direct words of a named person with a role, of a
/// readable length; one per speaker before a speaker's second.
fn top_quotes(a: &Article, limit: usize) -> Vec<DigestQuote> {
    let person_keys: HashSet<String> = a
        .analysis
        .people
        .iter()
        .map(|p| name_key(&p.name))
        .collect();
    let mut ranked: Vec<(i32, usize)> = a
        .analysis
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.text.is_empty() && q.text.end <= a.doc.text.len())
        .map(|(i, q)| {
            let words = a.doc.slice(q.text).split_whitespace().count();
            let mut score = 0;
            if q.kind == QuoteKind::Direct {
                score += 3;
            }
            if person_keys.contains(&name_key(&q.speaker)) {
                score += 2;
            }
            if !q.role.is_empty() {
                score += 1;
            }
            if (6..=45).contains(&words) {
                score += 2;
            } else if words < 3 {
                score -= 3;
            }
            (score, i)
        })
        .collect();
    ranked.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut speakers: HashSet<String> = HashSet::new();
    for &(_, i) in &ranked {
        if chosen.len() < limit && speakers.insert(name_key(&a.analysis.quotes[i].speaker)) {
            chosen.push(i);
        }
    }
    for &(_, i) in &ranked {
        if chosen.len() < limit && !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| {
            let q = &a.analysis.quotes[i];
            DigestQuote {
                speaker: q.speaker.clone(),
                role: speaker_role(a, &q.speaker, &q.role),
                text: a.doc.slice(q.text).to_string(),
                kind: q.kind,
                evidence: Evidence::new(a, q.sentence),
            }
        })
        .collect()
}

fn digest_figure(a: &Article, f: &crate::model::Figure) -> DigestFigure {
    DigestFigure {
        text: a.doc.slice(f.text).to_string(),
        kind: f.kind,
        value: f.value,
        value_max: f.value_max,
        unit: f.unit.clone(),
        qualifier: f.qualifier.clone(),
        about: f.about.clone(),
        evidence: Evidence::new(a, f.sentence),
    }
}

fn figure_ok(a: &Article, f: &crate::model::Figure) -> bool {
    !f.text.is_empty()
        && f.text.end <= a.doc.text.len()
        && a.doc.text.is_char_boundary(f.text.start)
        && a.doc.text.is_char_boundary(f.text.end)
}

/// The highest-scored figures, one per sentence first, in article order.
fn top_figures(a: &Article, limit: usize) -> Vec<DigestFigure> {
    let mut ranked: Vec<usize> = (0..a.analysis.figures.len())
        .filter(|&i| figure_ok(a, &a.analysis.figures[i]))
        .collect();
    ranked.sort_by(|&x, &y| {
        a.analysis.figures[y]
            .score
            .total_cmp(&a.analysis.figures[x].score)
            .then(x.cmp(&y))
    });
    let mut chosen: Vec<usize> = Vec::new();
    let mut sentences = HashSet::new();
    for &i in &ranked {
        if chosen.len() < limit && sentences.insert(a.analysis.figures[i].sentence) {
            chosen.push(i);
        }
    }
    for &i in &ranked {
        if chosen.len() < limit && !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| digest_figure(a, &a.analysis.figures[i]))
        .collect()
}

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

fn most_quoted(articles: &[&Article], limit: usize) -> Vec<QuotedSpeaker> {
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

fn recurring_entities(articles: &[&Article], limit: usize) -> Vec<RecurringEntity> {
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
fn disagreements(articles: &[&Article], limit: usize) -> Vec<Disagreement> {
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
