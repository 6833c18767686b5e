//! Plain-text rendering of every command answer, for the console and the CLI. Each item
//! cites the article it came from (id and title) and the sentence that says it.

use crate::commands::{COMMANDS, Response};
use crate::model::{Article, QuoteKind};
use crate::query::{
    AskAnswer, Evidence, FigureHit, PersonHit, SearchHit, SpeakerStatements, TimelineEntry,
};
use std::fmt::Write;
use std::sync::Arc;

/// The text for one answer, ending without a trailing newline.
pub fn response(resp: &Response) -> String {
    let mut out = String::new();
    match resp {
        Response::Added { article } => added(&mut out, article),
        Response::AddedSamples { articles } => {
            for (i, article) in articles.iter().enumerate() {
                if i > 0 {
                    out.push_str("\n\n");
                }
                added(&mut out, article);
            }
        }
        Response::List { articles, .. } => write_list(&mut out, articles),
        Response::Show { article } => show(&mut out, article),
        Response::Removed { article } => {
            let _ = write!(out, "Removed “{}” ({}).", article.title(), article.id);
        }
        Response::WhoSaid { groups } => write_who_said(&mut out, groups),
        Response::KeyFigures { figures, total } => write_key_figures(&mut out, figures, *total),
        Response::People { article, people } => write_people(&mut out, article, people),
        Response::Timeline { article, entries } => write_timeline(&mut out, article, entries),
        Response::Summary { article, points } => write_summary(&mut out, article, points),
        Response::Ask { question, answer } => match answer {
            AskAnswer::Found { answer, evidence } => {
                let _ = writeln!(out, "Q: {question}");
                let _ = writeln!(out, "A: {answer}");
                for e in evidence {
                    cite(&mut out, e, "    ");
                }
            }
            AskAnswer::NotFound { message } => {
                let _ = write!(out, "Q: {question}\n{message}");
            }
            AskAnswer::Unsure { message, evidence } => {
                let _ = writeln!(out, "Q: {question}");
                let _ = writeln!(out, "{message}");
                for e in evidence {
                    cite(&mut out, e, "    ");
                }
            }
        },
        Response::Search { query, hits } => write_search(&mut out, query, hits),
        Response::Notice { message } => out.push_str(message),
        Response::Briefing { digest, .. } => {
            out.push_str(&crate::briefing::render::text(digest, chrono_tz::Tz::UTC))
        }
        Response::Help => help(&mut out),
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// The scope's articles, one line each.
fn write_list(out: &mut String, articles: &[Arc<Article>]) {
    if articles.is_empty() {
        out.push_str("No articles yet. Add one with /article add (file:, text: or url:).");
    } else {
        let _ = writeln!(out, "{} article{}:", articles.len(), plural(articles.len()));
        for a in articles {
            let _ = writeln!(
                out,
                "  {:<5} {}  ({} words, added {}{}, from {})",
                a.id,
                a.title(),
                a.doc.word_count(),
                a.added_at.format("%Y-%m-%d %H:%M UTC"),
                a.added_by
                    .as_deref()
                    .map(|b| format!(" by {b}"))
                    .unwrap_or_default(),
                a.origin
            );
        }
    }
}

/// Statements grouped by speaker, each with its evidence.
fn write_who_said(out: &mut String, groups: &[SpeakerStatements]) {
    if groups.is_empty() {
        out.push_str(
            "No statements match. Try a shorter topic or speaker, /who-said with no options, or /search.",
        );
    }
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = write!(out, "{}", g.speaker);
        if !g.role.is_empty() {
            let _ = write!(out, " — {}", g.role);
        }
        let _ = writeln!(out, " ({} statement{})", g.total, plural(g.total));
        for s in &g.statements {
            match s.kind {
                QuoteKind::Direct => {
                    let _ = writeln!(out, "  • “{}”", s.text);
                }
                QuoteKind::Indirect => {
                    let _ = writeln!(out, "  • (paraphrase) {}", s.text);
                }
            }
            cite(out, &s.evidence, "    ");
        }
        if g.statements.len() < g.total {
            let _ = writeln!(
                out,
                "  … and {} more (narrow with a topic, speaker or article)",
                g.total - g.statements.len()
            );
        }
    }
}

/// The best figures, what they measure and where.
fn write_key_figures(out: &mut String, figures: &[FigureHit], total: usize) {
    if figures.is_empty() {
        out.push_str("No figures found. Try another kind, or /key-figures with no options.");
    }
    for f in figures {
        let _ = write!(out, "• {} ({})", f.text, f.kind.as_str());
        if !f.about.is_empty() {
            let _ = write!(out, " — {}", f.about);
        }
        out.push('\n');
        cite(out, &f.evidence, "    ");
    }
    if figures.len() < total {
        let _ = writeln!(
            out,
            "… the {} most important of {total} figures shown (narrow with a kind or article).",
            figures.len()
        );
    }
}

/// The people named in an article.
fn write_people(out: &mut String, article: &Article, people: &[PersonHit]) {
    let _ = writeln!(out, "People in “{}” ({}):", article.title(), article.id);
    if people.is_empty() {
        out.push_str("  No named people found.");
    }
    for p in people {
        let _ = write!(out, "• {}", p.name);
        if !p.role.is_empty() {
            let _ = write!(out, " — {}", p.role);
        }
        let _ = writeln!(out, " ({} mention{})", p.mentions, plural(p.mentions));
        if let Some(e) = &p.evidence {
            cite(out, e, "    ");
        }
    }
}

/// An article's dates in order.
fn write_timeline(out: &mut String, article: &Article, entries: &[TimelineEntry]) {
    let _ = writeln!(out, "Timeline of “{}” ({}):", article.title(), article.id);
    if entries.is_empty() {
        out.push_str("  No dates found.");
    }
    for e in entries {
        match &e.value {
            Some(v) => {
                let _ = writeln!(out, "• {v} — “{}”", e.date_text);
            }
            None => {
                let _ = writeln!(out, "• “{}” (date not fixed by the text)", e.date_text);
            }
        }
        cite(out, &e.evidence, "    ");
    }
}

/// An article's key points, numbered.
fn write_summary(out: &mut String, article: &Article, points: &[Evidence]) {
    let _ = writeln!(out, "Key points of “{}” ({}):", article.title(), article.id);
    if points.is_empty() {
        out.push_str("  No key points found.");
    }
    for (i, p) in points.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, one_line(&p.sentence));
    }
}

/// Sentences matching a search.
fn write_search(out: &mut String, query: &str, hits: &[SearchHit]) {
    if hits.is_empty() {
        let _ = write!(
            out,
            "No sentence matches “{query}”. Try fewer or other words."
        );
    } else {
        let _ = writeln!(
            out,
            "{} sentence{} match “{query}”:",
            hits.len(),
            plural(hits.len())
        );
    }
    for h in hits {
        let _ = writeln!(out, "• {}", one_line(&h.evidence.sentence));
        let _ = writeln!(
            out,
            "    — {} “{}”",
            h.evidence.article_id, h.evidence.article_title
        );
    }
}

fn added(out: &mut String, a: &Article) {
    let _ = writeln!(
        out,
        "Added “{}” as {} — {} words.",
        a.title(),
        a.id,
        a.doc.word_count()
    );
    let found = found_summary(a);
    let _ = writeln!(out, "Found: {found}.");
    if let Some(lang) = &a.analysis.foreign_language {
        let _ = writeln!(
            out,
            "Note: this article looks like it is not in English ({lang}); the rules read English, so answers about it will be thin."
        );
    }
    let _ = write!(
        out,
        "Try: /who-said article:{id} · /key-figures article:{id} · /summary article:{id}",
        id = a.id
    );
}

/// "5 statements by 3 speakers (Wu Xinbo, Cory Combs, Analysts), 7 figures, 6 people, 4 dates".
pub fn found_summary(a: &Article) -> String {
    let an = &a.analysis;
    let mut speakers: Vec<&str> = Vec::new();
    for q in &an.quotes {
        if !speakers.contains(&q.speaker.as_str()) {
            speakers.push(&q.speaker);
        }
    }
    let mut parts = Vec::new();
    if an.quotes.is_empty() {
        parts.push("no statements".to_string());
    } else {
        let shown: Vec<&str> = speakers.iter().take(5).copied().collect();
        parts.push(format!(
            "{} statement{} by {} speaker{} ({}{})",
            an.quotes.len(),
            plural(an.quotes.len()),
            speakers.len(),
            plural(speakers.len()),
            shown.join(", "),
            if speakers.len() > shown.len() {
                ", …"
            } else {
                ""
            }
        ));
    }
    parts.push(count(an.figures.len(), "figure"));
    parts.push(format!(
        "{} {}",
        an.people.len(),
        if an.people.len() == 1 {
            "person"
        } else {
            "people"
        }
    ));
    parts.push(count(an.organizations.len(), "organization"));
    parts.push(count(an.places.len(), "place"));
    parts.push(count(an.dates.len(), "date"));
    parts.join(", ")
}

fn show(out: &mut String, a: &Article) {
    let _ = writeln!(out, "“{}” ({})", a.title(), a.id);
    let _ = writeln!(
        out,
        "From {}, added {}{}.",
        a.origin,
        a.added_at.format("%Y-%m-%d %H:%M UTC"),
        a.added_by
            .as_deref()
            .map(|b| format!(" by {b}"))
            .unwrap_or_default()
    );
    let mut facts = vec![
        format!("{} words", a.doc.word_count()),
        format!("{} sentences", a.doc.sentences.len()),
    ];
    if let Some(d) = a.doc.date {
        facts.push(format!("dated {d}"));
    }
    if let Some(b) = &a.doc.byline {
        facts.push(format!("by {b}"));
    }
    let _ = writeln!(out, "{}.", facts.join(", "));
    let _ = writeln!(out, "Found: {}.", found_summary(a));
    let points: Vec<&str> = a
        .analysis
        .key_points
        .iter()
        .take(3)
        .map(|&i| a.doc.sentence_text(i))
        .collect();
    if !points.is_empty() {
        out.push_str("Key points:\n");
        for p in points {
            let _ = writeln!(out, "  • {}", one_line(p));
        }
    }
}

fn help(out: &mut String) {
    out.push_str(
        "Commands (options are name:value; quote values with spaces: topic:\"rare earths\"):\n",
    );
    let width = COMMANDS
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    for c in COMMANDS {
        let _ = writeln!(out, "  {:<width$}  {}", c.name, c.what);
        let _ = writeln!(out, "  {:<width$}    e.g. {}", "", c.example);
    }
}

/// "    — a1 “Title”: the sentence".
fn cite(out: &mut String, e: &Evidence, indent: &str) {
    let _ = writeln!(
        out,
        "{indent}— {} “{}”: {}",
        e.article_id,
        e.article_title,
        one_line(&e.sentence)
    );
}

/// Collapses runs of whitespace (sentences may span line breaks) to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::{Caller, Command, Content, execute};
    use crate::store::{Scope, Store};

    fn run(store: &Store, command: Command) -> String {
        let caller = Caller {
            scope: Scope::Guild(1),
            name: Some("ana".into()),
            can_manage: true,
        };
        match execute(store, &caller, command) {
            Ok(r) => response(&r),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn every_answer_names_its_article() {
        let store = Store::in_memory();
        let added = run(
            &store,
            Command::ArticleAdd {
                content: Content::Text(crate::commands::SAMPLE_ARTICLE.into()),
                title: Some("Sample news".into()),
            },
        );
        assert!(added.starts_with("Added “Sample news” as a1 — "), "{added}");
        assert!(added.contains("words"), "{added}");
        let list = run(&store, Command::ArticleList { page: 0 });
        assert!(
            list.contains("a1") && list.contains("Sample news"),
            "{list}"
        );
        for cmd in [
            Command::ArticleShow {
                article: "a1".into(),
            },
            Command::People { article: None },
            Command::Timeline { article: None },
            Command::Summary { article: None },
        ] {
            let text = run(&store, cmd);
            assert!(
                text.contains("a1") && text.contains("Sample news"),
                "{text}"
            );
        }
        let removed = run(
            &store,
            Command::ArticleRemove {
                article: "sample".into(),
            },
        );
        assert_eq!(removed, "Removed “Sample news” (a1).");
    }

    #[test]
    fn help_lists_every_command_with_an_example() {
        let text = response(&Response::Help);
        for c in COMMANDS {
            assert!(
                text.contains(c.name) && text.contains(c.example),
                "{}",
                c.name
            );
        }
    }
}
