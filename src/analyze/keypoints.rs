//! Key points: an extractive summary of 3–5 sentences for briefings.
//!
//! Each body sentence scores on its position (news puts the gist first), its centrality
//! (how much of the article's weighted vocabulary it shares: TF-IDF overlap with the
//! whole article), and its density of named people, quotes and figures. The best are
//! taken greedily, skipping near-duplicates of a sentence already taken and furniture
//! (captions, share prompts, datelines, the headline); the result is in article order.

use crate::model::{Analysis, Document};

/// Openings of caption and page-furniture lines.
const FURNITURE_OPENINGS: &[&str] = &[
    "Image:",
    "Photo:",
    "Picture:",
    "Video:",
    "Share",
    "Have an opinion",
    "Follow ",
    "Read more",
    "Click ",
    "Sign up",
    "Subscribe",
    "Advertisement",
    "Related:",
    "Source:",
    "Sources:",
];

fn is_furniture(text: &str) -> bool {
    // Cheapest tests first; the last one reads every character.
    text.split_whitespace().nth(5).is_none()
        || FURNITURE_OPENINGS.iter().any(|o| text.starts_with(o))
        || !text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?', ':'])
        // Captions run into the text they sit under ("… launch. Image: NASA.").
        || (text.contains(':') && ["Image:", "Photo:", "Picture:", "Credit:"].iter().any(|c| text.contains(c)))
        // Title-case or shouted lines (headings, bylines) have few lower-case letters.
        || mostly_capitals(text)
}

fn mostly_capitals(text: &str) -> bool {
    let (mut letters, mut lower) = (0, 0);
    for c in text.chars() {
        letters += c.is_alphabetic() as usize;
        lower += c.is_lowercase() as usize;
    }
    lower * 2 < letters
}

/// How many key points an article of `n` usable sentences gets.
fn wanted(n: usize) -> usize {
    match n {
        0..=10 => 3,
        11..=25 => 4,
        _ => 5,
    }
}

pub fn select(doc: &Document, analysis: &Analysis) -> Vec<usize> {
    let n = doc.sentences.len();
    let index = &analysis.terms;
    if n == 0 || index.lengths.len() != n {
        return Vec::new();
    }
    // Postings are sorted by term, so each term's document frequency (in sentences) and
    // total count come from its run; each sentence's weighted vocabulary mass adds up in
    // term order, and its terms are kept (ascending) for the near-duplicate test.
    let mut mass = vec![0.0f32; n];
    // Where each sentence's terms start in `flat_terms`: counts, then running sums.
    let mut offsets = vec![0usize; n + 1];
    for &(_, s, _) in &index.postings {
        offsets[s as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut flat_terms = vec![0u32; index.postings.len()];
    for run in index.postings.chunk_by(|a, b| a.0 == b.0) {
        let df = run.len() as f32;
        let tf: u32 = run.iter().map(|p| p.2 as u32).sum();
        let idf = ((n as f32 + 1.0) / (df + 0.5)).ln().max(0.0);
        let weight = (tf as f32 - 1.0).max(0.0) * idf;
        for &(term, s, _) in run {
            let s = s as usize;
            mass[s] += weight;
            flat_terms[fill[s]] = term;
            fill[s] += 1;
        }
    }
    let sentence_terms = |i: usize| &flat_terms[offsets[i]..offsets[i + 1]];

    let candidates: Vec<usize> = (0..n)
        .filter(|&i| {
            let span = doc.sentences[i].span;
            !doc.headline.is_some_and(|h| h.overlaps(span)) && !is_furniture(doc.sentence_text(i))
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }

    let mut density = vec![0.0f32; n];
    for q in &analysis.quotes {
        if let Some(d) = density.get_mut(q.sentence) {
            *d += 1.0;
        }
    }
    for f in &analysis.figures {
        if let Some(d) = density.get_mut(f.sentence) {
            *d += 0.5;
        }
    }
    for p in &analysis.people {
        for m in &p.mentions {
            if let Some(d) = doc.sentence_at(m.start).and_then(|i| density.get_mut(i)) {
                *d += 0.5;
            }
        }
    }

    let mut centrality = vec![0.0f32; n];
    for &i in &candidates {
        let terms = sentence_terms(i);
        if terms.is_empty() {
            continue;
        }
        // Weighted share of the article's vocabulary, damped for long sentences.
        centrality[i] = mass[i] / (terms.len() as f32).sqrt();
    }
    let max_c = candidates
        .iter()
        .map(|&i| centrality[i])
        .fold(0.0f32, f32::max)
        .max(1e-6);

    let mut scored: Vec<(f32, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(rank, &i)| {
            // The lede counts most; later sentences must earn their place by centrality.
            let position = if rank == 0 {
                1.0
            } else {
                0.6 / (1.0 + rank as f32 * 0.4)
            };
            let score = position + centrality[i] / max_c + 0.2 * density[i].min(3.0);
            (score, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

    let k = wanted(candidates.len()).min(candidates.len());
    let mut chosen: Vec<usize> = Vec::new();
    for &(_, i) in &scored {
        if chosen.len() == k {
            break;
        }
        let near_duplicate = chosen
            .iter()
            .any(|&j| jaccard(sentence_terms(i), sentence_terms(j)) > 0.5);
        if !near_duplicate {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
}

fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|t| b.contains(t)).count();
    shared as f32 / (a.len() + b.len() - shared) as f32
}
