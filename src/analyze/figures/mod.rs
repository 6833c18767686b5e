//! Key figures: the numbers a reader would put in a briefing (money, percentages, counts,
//! quantities with units, ratios, ranks, ages, scores), each with its verbatim span,
//! normalized value and unit, qualifier ("over", "about"), what it measures (`about`)
//! and a score for ranking.
//!
//! Pipeline: [`lexer`] cuts the text into tokens once; [`recognize`] finds figures and
//! rejects dates, codes and furniture; [`about`] names what each figure measures; this
//! module merges restatements and scores the rest.

mod about;
pub mod lexer;
pub mod lexicon;
mod recognize;

use crate::analyze::rules;
use crate::model::{Document, Figure, FigureKind, RuleId, Span};
use recognize::Scanner;

/// All figures of `doc` in text order, restatements merged (the first body mention is kept).
pub fn extract(doc: &Document) -> Vec<Figure> {
    let scanner = Scanner::new(&doc.text, headline_span(doc));
    let found = scanner.scan();
    let toks = scanner.tokens();
    let mut figures: Vec<Figure> = Vec::with_capacity(found.len());
    let mut quoted: Vec<bool> = Vec::with_capacity(found.len());
    for f in &found {
        let span = Span::new(toks[f.first].start, toks[f.last].end);
        if kind_rule(f.kind).is_some_and(|r| !rules::fire(r, span)) {
            continue;
        }
        quoted.push(f.in_quote);
        let sentence = sentence_index(doc, span.start);
        let about = about::describe(&doc.text, toks, f, sentence_bounds(doc, sentence, span));
        figures.push(Figure {
            text: span,
            kind: f.kind,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit.clone(),
            qualifier: f.qualifier.clone(),
            about,
            sentence,
            score: 0.0,
            rules: Default::default(),
        });
    }
    rank_and_merge(doc, figures, &quoted)
}

/// The registry rule that types a figure as `kind` (none for kinds no test case produces
/// since the recognizer was reworked: scores, "other", year spans).
fn kind_rule(kind: FigureKind) -> Option<RuleId> {
    Some(match kind {
        FigureKind::Money => rules::FIGURES_MONEY,
        FigureKind::Percent => rules::FIGURES_PERCENT,
        FigureKind::Count => rules::FIGURES_COUNT,
        FigureKind::Quantity => rules::FIGURES_QUANTITY,
        FigureKind::Ratio => rules::FIGURES_RATIO,
        FigureKind::Rank => rules::FIGURES_RANK,
        FigureKind::Age => rules::FIGURES_AGE,
        // Scores, `Other` and `YearSpan` carry no kind rule (no test case produces them).
        FigureKind::Score | FigureKind::Other | FigureKind::YearSpan => return None,
    })
}

fn sentence_index(doc: &Document, at: usize) -> usize {
    if doc.sentences.is_empty() {
        return 0;
    }
    doc.sentence_at(at).unwrap_or_else(|| {
        doc.sentences
            .partition_point(|s| s.span.end <= at)
            .min(doc.sentences.len() - 1)
    })
}

fn sentence_bounds(doc: &Document, sentence: usize, fallback: Span) -> Span {
    doc.sentences
        .get(sentence)
        .map(|s| s.span)
        .filter(|s| s.contains(fallback))
        .unwrap_or_else(|| {
            // No segmentation: the line the figure is on.
            let start = doc.text[..fallback.start]
                .rfind('\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            let end = doc.text[fallback.end..]
                .find('\n')
                .map(|i| fallback.end + i)
                .unwrap_or(doc.text.len());
            Span::new(start, end)
        })
}

/// Two mentions state the same figure when kind, value and unit agree. Money, percent,
/// age, rank and measured quantities with equal values are restatements; equal small
/// counts and fractions often are not ("almost half" of one group, "about half" of
/// another), so those also need the same words or an overlapping `about`.
fn same_figure(text: &str, a: &Figure, b: &Figure) -> bool {
    if a.kind != b.kind {
        return false;
    }
    let same_value = match (a.value, b.value) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => false,
    };
    if !same_value || a.value_max != b.value_max {
        return false;
    }
    let head = |u: &str| u.rsplit(' ').next().unwrap_or("").to_lowercase();
    match a.kind {
        FigureKind::Rank | FigureKind::Age => true,
        FigureKind::Money | FigureKind::Percent | FigureKind::Quantity => {
            a.unit.eq_ignore_ascii_case(&b.unit)
        }
        _ => {
            // "aftershocks" restates "strong aftershocks"; "red cards" is not "yellow cards".
            let words = |u: &str| {
                u.to_lowercase()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            let (ua, ub) = (words(&a.unit), words(&b.unit));
            let nested = ua.iter().all(|w| ub.contains(w)) || ub.iter().all(|w| ua.contains(w));
            if head(&a.unit) != head(&b.unit) || !nested {
                return false;
            }
            let same_words = a.text.of(text).eq_ignore_ascii_case(b.text.of(text));
            same_words || shares_content_word(&a.about, &b.about)
        }
    }
}

fn shares_content_word(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect()
    };
    let wa = words(a);
    words(b).iter().any(|w| wa.contains(w))
}

/// The headline span: the document's own, or a first paragraph that reads like one
/// (one short line without closing punctuation).
fn headline_span(doc: &Document) -> Option<Span> {
    if doc.headline.is_some() {
        return doc.headline;
    }
    let p = *doc.paragraphs.first()?;
    let t = p.of(&doc.text);
    let looks_like = t.len() < 200
        && !t.contains('\n')
        && !t.trim_end().ends_with(['.', '!', '?', ':', '"', '”']);
    looks_like.then_some(p)
}

/// Money and percentages lead; a lead-paragraph or restated figure moves up within
/// its band but does not jump above them.
fn kind_weight(kind: FigureKind) -> f32 {
    match kind {
        FigureKind::Money => 4.0,
        FigureKind::Percent => 3.8,
        FigureKind::Ratio => 2.6,
        FigureKind::Score => 2.4,
        FigureKind::Count => 2.0,
        FigureKind::Quantity => 2.0,
        FigureKind::Rank => 1.4,
        FigureKind::Age => 1.2,
        FigureKind::YearSpan => 0.8,
        FigureKind::Other => 0.6,
    }
}

/// Is the figure in the headline or the lead (first body paragraph)?
fn in_lead(doc: &Document, f: &Figure) -> bool {
    if headline_span(doc).is_some_and(|h| h.contains(f.text)) {
        return true;
    }
    let Some(s) = doc.sentences.get(f.sentence) else {
        return f.text.start < 600;
    };
    let first_body_paragraph = headline_span(doc)
        .and_then(|h| doc.paragraphs.iter().position(|p| p.start >= h.end))
        .unwrap_or(0);
    s.paragraph <= first_body_paragraph || f.sentence <= 1
}

fn rank_and_merge(doc: &Document, figures: Vec<Figure>, quoted: &[bool]) -> Vec<Figure> {
    let headline = headline_span(doc);
    let mut kept: Vec<Figure> = Vec::with_capacity(figures.len());
    let mut restated: Vec<u32> = Vec::with_capacity(figures.len());
    let mut lead: Vec<bool> = Vec::with_capacity(figures.len());
    let mut in_quote: Vec<bool> = Vec::with_capacity(figures.len());
    for (f, q) in figures.into_iter().zip(quoted.iter().copied()) {
        let f_lead = in_lead(doc, &f);
        if let Some(i) = kept.iter().position(|k| same_figure(&doc.text, k, &f)) {
            restated[i] += 1;
            lead[i] |= f_lead;
            // A headline states the figure bare; the body sentence is the better evidence.
            let was_headline = headline.is_some_and(|h| h.contains(kept[i].text));
            if was_headline && !headline.is_some_and(|h| h.contains(f.text)) {
                kept[i] = f;
                in_quote[i] = q;
            }
            continue;
        }
        kept.push(f);
        restated.push(0);
        lead.push(f_lead);
        in_quote.push(q);
    }
    for (i, f) in kept.iter_mut().enumerate() {
        let mut score = kind_weight(f.kind);
        if lead[i] {
            score += 0.8;
        }
        score += 0.3 * (restated[i].min(2) as f32);
        if let Some(v) = f.value
            && matches!(f.kind, FigureKind::Money | FigureKind::Count)
            && v > 1.0
        {
            score += (v.log10() as f32 / 12.0).min(1.0);
        }
        if in_quote[i] {
            score -= 0.5;
        }
        if f.about.is_empty() {
            score -= 0.2;
        }
        f.score = score;
    }
    kept
}

/// Figures of `doc`, best first (for callers that want a ranked list directly).
pub fn ranked(figures: &[Figure]) -> Vec<&Figure> {
    let mut v: Vec<&Figure> = figures.iter().collect();
    v.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.text.start.cmp(&b.text.start))
    });
    v
}
