//! Key points: an extractive summary of 3–5 sentences for briefings.
//!
//! Each body sentence scores on its position (news puts the gist first), its centrality
//! (how much of the article's weighted vocabulary it shares: TF-IDF overlap with the
//! whole article), and its density of named people, quotes and figures. The best are
//! taken greedily, skipping near-duplicates of a sentence already taken and furniture
//! (captions, share prompts, datelines, the headline); the result is in article order.

use crate::model::{Analysis, Document};
use foldhash::{HashMap, HashMapExt};

/// Openings of caption and page-furniture lines.
const FURNITURE_OPENINGS: &[&str] = &["Image:", "Photo:", "Picture:", "Video:", "Share", "Have an opinion", "Follow ", "Read more", "Click ", "Sign up", "Subscribe", "Advertisement", "Related:", "Source:", "Sources:"];

fn is_furniture(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    words < 6
        || FURNITURE_OPENINGS.iter().any(|o| text.starts_with(o))
        // Captions run into the text they sit under ("… launch. Image: NASA.").
        || ["Image:", "Photo:", "Picture:", "Credit:"].iter().any(|c| text.contains(c))
        // Title-case or shouted lines (headings, bylines) have few lower-case letters.
        || lower * 2 < letters
        || !text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?', ':'])
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
    // Terms per sentence and document frequencies (in sentences).
    let mut sentence_terms: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut df: HashMap<u32, u32> = HashMap::new();
    let mut tf: HashMap<u32, u32> = HashMap::new();
    for &(term, s, count) in &index.postings {
        sentence_terms[s as usize].push(term);
        *df.entry(term).or_default() += 1;
        *tf.entry(term).or_default() += count as u32;
    }
    let idf = |t: u32| ((n as f32 + 1.0) / (df.get(&t).copied().unwrap_or(0) as f32 + 0.5)).ln().max(0.0);

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
        let terms = &sentence_terms[i];
        if terms.is_empty() {
            continue;
        }
        // Weighted share of the article's vocabulary, damped for long sentences.
        let mass: f32 = terms.iter().map(|t| (tf[t] as f32 - 1.0).max(0.0) * idf(*t)).sum();
        centrality[i] = mass / (terms.len() as f32).sqrt();
    }
    let max_c = candidates.iter().map(|&i| centrality[i]).fold(0.0f32, f32::max).max(1e-6);

    let mut scored: Vec<(f32, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(rank, &i)| {
            // The lede counts most; later sentences must earn their place by centrality.
            let position = if rank == 0 { 1.0 } else { 0.6 / (1.0 + rank as f32 * 0.4) };
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
        let near_duplicate = chosen.iter().any(|&j| jaccard(&sentence_terms[i], &sentence_terms[j]) > 0.5);
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
