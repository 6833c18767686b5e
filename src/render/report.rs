//! The human-readable report `newsdesk extract FILE` prints: the article's title,
//! date and byline, then one section per kind of finding (quotes, figures, people,
//! organizations, places, dates, key points). A section with nothing in it says
//! "none found" rather than disappearing, so a reader can tell "not there" from
//! "not shown".

use crate::model::{Analysis, Document, QuoteKind};
use std::fmt::Write;

/// Longest sentence excerpt shown under a finding.
const EXCERPT_CHARS: usize = 160;

pub fn extract_report(doc: &Document, a: &Analysis) -> String {
    let mut out = String::new();
    let title = if doc.title.is_empty() {
        "(untitled)"
    } else {
        doc.title.as_str()
    };
    let _ = writeln!(out, "{title}");
    let _ = writeln!(out, "{}", "=".repeat(title.chars().count().clamp(3, 80)));
    let date = doc
        .date
        .map(|d| d.format("%A, %B %-d, %Y").to_string())
        .unwrap_or_else(|| "unknown".into());
    let _ = writeln!(out, "Date:      {date}");
    let _ = writeln!(
        out,
        "Byline:    {}",
        doc.byline.as_deref().unwrap_or("none found")
    );
    let _ = writeln!(
        out,
        "Text:      {} words, {} paragraphs, {} sentences ({})",
        doc.word_count(),
        doc.paragraphs.len(),
        doc.sentences.len(),
        match doc.format {
            crate::model::Format::Text => "plain text",
            crate::model::Format::Markdown => "Markdown",
            crate::model::Format::Html => "HTML",
        }
    );
    if let Some(lang) = &a.foreign_language {
        let _ = writeln!(
            out,
            "Language:  {lang} (not English; findings may be incomplete)"
        );
    }

    section(&mut out, "Quotes", a.quotes.len(), |out| {
        for q in &a.quotes {
            let role = if q.role.is_empty() {
                String::new()
            } else {
                format!(" ({})", q.role)
            };
            let words = doc.slice(q.text);
            let shown = match q.kind {
                QuoteKind::Direct => format!("“{}”", excerpt(words)),
                QuoteKind::Indirect => format!("(reported) {}", excerpt(words)),
            };
            let _ = writeln!(out, "  - {}{role}: {shown}", q.speaker_label());
        }
    });
    section(&mut out, "Figures", a.figures.len(), |out| {
        for f in &a.figures {
            let about = if f.about.is_empty() {
                String::new()
            } else {
                format!(" — {}", f.about)
            };
            let _ = writeln!(
                out,
                "  - {} [{}]{about}",
                doc.slice(f.text),
                f.kind.as_str()
            );
            let _ = writeln!(out, "      in: {}", excerpt(doc.sentence_text(f.sentence)));
        }
    });
    section(&mut out, "People", a.people.len(), |out| {
        for p in &a.people {
            let role = if p.role.is_empty() {
                String::new()
            } else {
                format!(" — {}", p.role)
            };
            let _ = writeln!(out, "  - {}{role}", p.name);
        }
    });
    section(&mut out, "Organizations", a.organizations.len(), |out| {
        for o in &a.organizations {
            let _ = writeln!(out, "  - {}", o.name);
        }
    });
    section(&mut out, "Places", a.places.len(), |out| {
        for p in &a.places {
            let _ = writeln!(out, "  - {}", p.name);
        }
    });
    section(&mut out, "Dates", a.dates.len(), |out| {
        for d in &a.dates {
            let value = d
                .value
                .as_deref()
                .map(|v| format!(" → {v}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  - {}{value}", doc.slice(d.text));
        }
    });
    section(&mut out, "Key points", a.key_points.len(), |out| {
        for &i in &a.key_points {
            let _ = writeln!(out, "  - {}", doc.sentence_text(i));
        }
    });
    out
}

fn section(out: &mut String, name: &str, count: usize, body: impl FnOnce(&mut String)) {
    let _ = writeln!(out);
    if count == 0 {
        let _ = writeln!(out, "{name}: none found");
    } else {
        let _ = writeln!(out, "{name} ({count}):");
        body(out);
    }
}

/// `s` cut to `EXCERPT_CHARS` characters at a word boundary, with "…" when cut.
fn excerpt(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= EXCERPT_CHARS {
        return s;
    }
    let cut: String = s.chars().take(EXCERPT_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{IngestOptions, ingest};

    #[test]
    fn report_lists_metadata_and_says_none_found() {
        let doc = ingest(
            "Big storm hits coast\n\nSaturday, November 27, 2010\n\nBy Jane Doe\n\nThe storm hit at dawn. Nobody was hurt.".as_bytes(),
            &IngestOptions::default(),
        )
        .unwrap();
        let r = extract_report(&doc, &Analysis::default());
        assert!(r.starts_with("Big storm hits coast\n"));
        assert!(r.contains("Date:      Saturday, November 27, 2010"));
        assert!(r.contains("Byline:    Jane Doe"));
        assert!(r.contains("Quotes: none found"));
        assert!(r.contains("Key points: none found"));
    }

    #[test]
    fn long_excerpts_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let e = excerpt(&long);
        assert!(e.ends_with('…') && e.chars().count() <= EXCERPT_CHARS + 1);
    }
}
