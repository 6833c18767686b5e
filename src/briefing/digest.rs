//! The briefing digest: what a set of articles (those added over a period, optionally
//! about a topic) says — per article its key points, top quotes and key figures; across
//! articles the most-quoted people, the people and organizations that recur, and the
//! figures that disagree. Plain data; `render` turns it into text or Discord messages.
//!
//! Nothing is invented: every item carries the `Evidence` sentence it comes from, and
//! every string is a span or a label the engine took from the article.

mod across;

use super::words::{content_stems, name_key};
use crate::model::{Article, FigureKind, QuoteKind};
use crate::query::Evidence;
use across::{disagreements, most_quoted, recurring_entities};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::HashSet;

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
        // A question whose asker is not named is no one's statement to brief.
        .filter(|(_, q)| {
            !q.text.is_empty() && q.text.end <= a.doc.text.len() && !q.speaker.is_empty()
        })
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
