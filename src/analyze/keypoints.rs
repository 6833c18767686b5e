//! Key points: an extractive summary of 3–5 sentences for briefings, lead first.
//!
//! News puts the gist first, so the lede is always a key point and the opening
//! paragraphs' first sentences come next; a later sentence must earn its place by
//! centrality (TF-IDF overlap with the whole article) and its density of named people
//! and figures. Only the reporter's own news sentences qualify: never the headline, the
//! dateline, a picture caption, page furniture (credits, share prompts), a quotation
//! (a sentence that opens with a quote mark is a statement, listed under who said what;
//! a pull quote repeats one), a repeated sentence, or a fragment whose quote marks or
//! brackets do not balance. Background (a sentence dated years before the article)
//! ranks lower. Near-duplicates of a sentence already taken are skipped; the result is
//! in article order.

use crate::model::{Analysis, Document, QuoteKind, TermIndex};

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

/// `capitals`: whether the text is [`Shape::mostly_capitals`].
fn is_furniture(text: &str, capitals: bool) -> bool {
    // Cheapest tests first.
    text.split_whitespace().nth(5).is_none()
        || FURNITURE_OPENINGS.iter().any(|o| text.starts_with(o))
        || !text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?', ':'])
        // Captions run into the text they sit under ("… launch. Image: NASA.").
        || (text.contains(':') && ["Image:", "Photo:", "Picture:", "Credit:"].iter().any(|c| text.contains(c)))
        // Title-case or shouted lines (headings, bylines) have few lower-case letters.
        || capitals
}

/// What one pass over a sentence's bytes tells: whether its quote marks and brackets
/// pair up, and whether it is mostly capitals.
struct Shape {
    /// Quote marks and brackets pair up: a sentence cut out of a quotation or a
    /// parenthesis reads as a fragment.
    balanced: bool,
    /// Title-case or shouted text (headings, bylines): fewer than half its letters are
    /// lower case.
    mostly_capitals: bool,
}

/// Whether a block holds a byte [`Shape::of`] stops at: the ASCII quote marks and
/// brackets, and the lead byte of the curly quotes. Bitwise, so it is vectorized.
fn has_mark(block: &[u8]) -> bool {
    block.iter().fold(0u8, |m, &c| {
        m | ((c == b'"') as u8
            | (c == b'(') as u8
            | (c == b')') as u8
            | (c == b'[') as u8
            | (c == b']') as u8
            | (c == 0xE2) as u8)
    }) != 0
}

/// How many bytes of `b` pass `test`: summed a byte wide in blocks of up to 255, which
/// the compiler vectorizes (a `usize` count per byte would widen every lane).
fn count_bytes(b: &[u8], test: impl Fn(u8) -> bool) -> usize {
    b.chunks(255)
        .map(|block| block.iter().fold(0u8, |n, &c| n + test(c) as u8) as usize)
        .sum()
}

impl Shape {
    fn of(text: &str) -> Shape {
        let b = text.as_bytes();
        // ASCII letters are counted in loops the compiler vectorizes; other characters
        // are decoded, when there are any.
        let mut letters = count_bytes(b, |c| c.is_ascii_alphabetic());
        let mut lower = count_bytes(b, |c| c.is_ascii_lowercase());
        if !b.is_ascii() {
            for ch in text.chars().filter(|c| !c.is_ascii()) {
                letters += ch.is_alphabetic() as usize;
                lower += ch.is_lowercase() as usize;
            }
        }
        // Every mark is ASCII but the curly ones ('“' E2 80 9C, '”' E2 80 9D), and a
        // UTF-8 lead byte never matches a continuation byte, so no decoding is needed.
        let (mut straight, mut curly, mut round, mut square) = (0usize, 0i32, 0i32, 0i32);
        let mut broken = false;
        // Sixteen bytes at a time are ruled out by one vectorized test; most hold no mark.
        let is_mark = |c: u8| matches!(c, b'"' | b'(' | b')' | b'[' | b']' | 0xE2);
        let blocks = b.chunks_exact(16);
        let rest = b.len() - blocks.remainder().len();
        let open = blocks
            .enumerate()
            .filter(|(_, block)| has_mark(block))
            .flat_map(|(k, _)| k * 16..k * 16 + 16)
            .chain(rest..b.len());
        for i in open {
            let c = b[i];
            if !is_mark(c) {
                continue;
            }
            match c {
                b'"' => straight += 1,
                b'(' => round += 1,
                b')' => round -= 1,
                b'[' => square += 1,
                b']' => square -= 1,
                _ => {
                    if b.get(i + 1) == Some(&0x80) {
                        match b.get(i + 2) {
                            Some(0x9C) => curly += 1,
                            Some(0x9D) => curly -= 1,
                            _ => {}
                        }
                    }
                }
            }
            broken |= curly < 0 || round < 0 || square < 0;
        }
        Shape {
            balanced: !broken && straight % 2 == 0 && curly == 0 && round == 0 && square == 0,
            mostly_capitals: lower * 2 < letters,
        }
    }
}

/// Opening quotation marks: a sentence that starts with one is a statement.
const OPENING_MARKS: &[char] = &['"', '“', '„', '«', '‘', '\''];

/// Whether sentence `i` can be a key point at all.
fn is_news_sentence(doc: &Document, i: usize) -> bool {
    let text = doc.sentence_text(i);
    let span = doc.sentences[i].span;
    !doc.in_headline(i)
        && !doc.dateline.is_some_and(|d| d.overlaps(span))
        && !doc.in_caption(i)
        && !text.starts_with(OPENING_MARKS)
        && {
            let shape = Shape::of(text);
            shape.balanced && !is_furniture(text, shape.mostly_capitals)
        }
}

/// Whether direct quotation covers most of sentence `i` (a quote running over several
/// sentences, whose middle sentences open without a mark); `quoted` is
/// [`quoted_bytes`].
fn mostly_quoted(doc: &Document, quoted: &[usize], i: usize) -> bool {
    quoted[i] * 2 > doc.sentences[i].span.len()
}

/// Each sentence's bytes inside direct quotations (a byte inside two quotes counts
/// twice). Sentences stand in text order without overlapping, so each quote visits only
/// the sentences it overlaps: one pass over the quotes, not one per sentence.
fn quoted_bytes(doc: &Document, analysis: &Analysis) -> Vec<usize> {
    let sentences = &doc.sentences;
    let mut quoted = vec![0usize; sentences.len()];
    let in_order = sentences
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.start);
    for q in analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
    {
        let first = if in_order {
            sentences.partition_point(|s| s.span.end <= q.text.start)
        } else {
            0
        };
        for (i, s) in sentences.iter().enumerate().skip(first) {
            if in_order && s.span.start >= q.text.end {
                break;
            }
            if q.text.overlaps(s.span) {
                quoted[i] += q.text.end.min(s.span.end) - q.text.start.max(s.span.start);
            }
        }
    }
    quoted
}

/// Sentences that open on a pronoun lean on the sentence before them.
const PRONOUN_OPENINGS: &[&str] = &[
    "It ", "Its ", "He ", "She ", "They ", "This ", "These ", "Those ", "His ", "Her ", "Their ",
];

/// Which sentences are set years before the article (a date of theirs two or more
/// years before its own): background, not the news. One pass over the dates.
fn background_sentences(doc: &Document, analysis: &Analysis, n: usize) -> Vec<bool> {
    use chrono::Datelike;
    let mut background = vec![false; n];
    let Some(year) = doc.date.map(|d| d.year()) else {
        return background;
    };
    for d in &analysis.dates {
        let old = d
            .value
            .as_deref()
            .and_then(|v| v.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
            .is_some_and(|y| y + 1 < year);
        if let Some(b) = background.get_mut(d.sentence).filter(|_| old) {
            *b = true;
        }
    }
    background
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
    if n == 0 || analysis.terms.lengths.len() != n {
        return Vec::new();
    }
    let terms = SentenceTerms::new(&analysis.terms, n);
    let candidates = candidates(doc, analysis, n);
    if candidates.is_empty() {
        return Vec::new();
    }
    let ranks = paragraph_ranks(doc, &candidates);
    let density = density(doc, analysis, n);
    let background_at = background_sentences(doc, analysis, n);

    let mut centrality = vec![0.0f32; n];
    for &i in &candidates {
        let own = terms.of(i);
        if own.is_empty() {
            continue;
        }
        // Weighted share of the article's vocabulary, damped for long sentences.
        centrality[i] = terms.mass[i] / (own.len() as f32).sqrt();
    }
    let max_c = candidates
        .iter()
        .map(|&i| centrality[i])
        .fold(0.0f32, f32::max)
        .max(1e-6);

    let mut scored: Vec<(f32, usize)> = candidates
        .iter()
        .zip(&ranks)
        .enumerate()
        .map(|(k, (&i, &(para, in_para)))| {
            // The lede always leads; then each opening paragraph's first sentence; later
            // sentences must earn their place by centrality.
            let position = if k == 0 {
                10.0
            } else {
                0.9 / (1.0 + para as f32 * 0.35) - 0.15 * in_para.min(3) as f32
            };
            let mut background = if background_at[i] { 0.6 } else { 0.0 };
            if k > 0
                && PRONOUN_OPENINGS
                    .iter()
                    .any(|p| doc.sentence_text(i).starts_with(p))
            {
                background += 0.3;
            }
            let score =
                position + 0.6 * centrality[i] / max_c + 0.15 * density[i].min(3.0) - background;
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
            .any(|&j| jaccard(terms.of(i), terms.of(j)) > 0.5);
        if !near_duplicate {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Each sentence's terms (ascending) and weighted vocabulary mass, read from the term
/// index's postings.
struct SentenceTerms {
    mass: Vec<f32>,
    /// Where each sentence's terms start in `flat_terms`.
    offsets: Vec<usize>,
    flat_terms: Vec<u32>,
}

impl SentenceTerms {
    fn new(index: &TermIndex, n: usize) -> SentenceTerms {
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
        SentenceTerms {
            mass,
            offsets,
            flat_terms,
        }
    }

    fn of(&self, i: usize) -> &[u32] {
        &self.flat_terms[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// The sentences that may be key points: news sentences, not mostly quoted, each text
/// once.
fn candidates(doc: &Document, analysis: &Analysis, n: usize) -> Vec<usize> {
    // A hash set, not a list scanned per sentence: that was quadratic in the sentences.
    let mut seen_texts: foldhash::HashSet<&str> = foldhash::HashSet::default();
    let quoted = quoted_bytes(doc, analysis);
    (0..n)
        .filter(|&i| {
            let text = doc.sentence_text(i);
            // A repeated sentence (a pull quote, a refrain) counts once, where it first stands.
            let fresh = seen_texts.insert(text);
            fresh && is_news_sentence(doc, i) && !mostly_quoted(doc, &quoted, i)
        })
        .collect()
}

/// Each candidate's paragraph rank (among paragraphs with a candidate) and its rank
/// inside its paragraph.
fn paragraph_ranks(doc: &Document, candidates: &[usize]) -> Vec<(usize, usize)> {
    let mut ranks = Vec::with_capacity(candidates.len());
    let (mut para_rank, mut in_para) = (0usize, 0usize);
    for (k, &i) in candidates.iter().enumerate() {
        if k > 0 {
            if doc.sentences[i].paragraph == doc.sentences[candidates[k - 1]].paragraph {
                in_para += 1;
            } else {
                para_rank += 1;
                in_para = 0;
            }
        }
        ranks.push((para_rank, in_para));
    }
    ranks
}

/// How much each sentence carries: quotes, figures and people's mentions.
fn density(doc: &Document, analysis: &Analysis, n: usize) -> Vec<f32> {
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
    density
}

fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|t| b.contains(t)).count();
    shared as f32 / (a.len() + b.len() - shared) as f32
}
