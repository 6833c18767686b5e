//! Segmentation with byte spans: paragraphs (blank-line separated blocks), sentences and
//! tokens. Placeholder splitter — the news-grade rules live in issue 2.

use crate::model::{Sentence, Span};

/// Paragraphs: maximal runs of non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(trim_span(text, Span::new(s, end)));
            }
        } else {
            if start.is_none() {
                start = Some(pos);
            }
            end = pos + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(trim_span(text, Span::new(s, end)));
    }
    out.retain(|s| !s.is_empty());
    out
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// Sentences of each paragraph, in order.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let body = p.of(text);
        let mut start = 0;
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if (c == b'.' || c == b'?' || c == b'!') && i + 1 < bytes.len() && bytes[i + 1] == b' ' {
                let next = body[i + 1..].trim_start().chars().next();
                if next.is_some_and(|n| n.is_uppercase() || n == '“' || n == '"') {
                    let span = trim_span(text, Span::new(p.start + start, p.start + i + 1));
                    if !span.is_empty() {
                        out.push(Sentence { span, paragraph: pi });
                    }
                    start = i + 1;
                }
            }
            i += 1;
        }
        let span = trim_span(text, Span::new(p.start + start, p.end));
        if !span.is_empty() {
            out.push(Sentence { span, paragraph: pi });
        }
    }
    out
}
