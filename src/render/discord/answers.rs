//! Each kind of command answer as embeds: who said, key figures, people, timeline,
//! summary, ask, search and the article commands. Every item cites its article and
//! sentence; [`super::pages`] picks the function and numbers the pages.

use super::{
    ARTICLES_PER_PAGE, COLOR_ADDED, COLOR_ANSWER, EmbedSpec, FIELDS_PER_PAGE, FieldSpec, Page,
    clip, escape, paginate, paginate_lines, truncate,
};
use crate::model::{Article, FigureKind, QuoteKind};
use crate::query::{
    AskAnswer, Evidence, FigureHit, PersonHit, SearchHit, SpeakerStatements, TimelineEntry,
};
use std::sync::Arc;

/// "from *Title* (`a3`), sentence 12".
fn cite(e: &Evidence) -> String {
    format!(
        "from *{}* (`{}`), sentence {}",
        clip(&e.article_title, 120),
        e.article_id,
        e.sentence_index + 1
    )
}

/// The evidence sentence as a block quote, cut to `max` characters.
fn sentence_quote(e: &Evidence, max: usize) -> String {
    format!("> {}", clip(e.sentence.trim(), max).replace('\n', " "))
}

fn figure_kind_label(k: FigureKind) -> &'static str {
    match k {
        FigureKind::Money => "money",
        FigureKind::Percent => "percent",
        FigureKind::Count => "count",
        FigureKind::Quantity => "quantity",
        FigureKind::Ratio => "ratio",
        FigureKind::Rank => "rank",
        FigureKind::Age => "age",
        FigureKind::Score => "score",
        FigureKind::YearSpan => "year span",
        FigureKind::Other => "other",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Distinct speakers of an article, in order of first statement.
fn speakers(article: &Article) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for q in &article.analysis.quotes {
        if !out.iter().any(|s| s == &q.speaker) {
            out.push(q.speaker.clone());
        }
    }
    out
}

/// A short list of names: "A, B, C and 4 more".
fn name_list(names: &[String], max: usize) -> String {
    let shown: Vec<String> = names.iter().take(max).map(|n| escape(n)).collect();
    let mut s = shown.join(", ");
    if names.len() > max {
        s.push_str(&format!(" and {} more", names.len() - max));
    }
    s
}

fn article_facts(article: &Article) -> Vec<FieldSpec> {
    let a = &article.analysis;
    let mut fields = vec![
        FieldSpec::inline("Words", article.doc.word_count().to_string()),
        FieldSpec::inline("Id", format!("`{}`", article.id)),
    ];
    if let Some(d) = article.doc.date {
        fields.push(FieldSpec::inline("Dated", d.to_string()));
    }
    let speakers = speakers(article);
    fields.push(FieldSpec::new(
        format!("Speakers ({})", speakers.len()),
        if speakers.is_empty() {
            "none found".to_string()
        } else {
            name_list(&speakers, 8)
        },
    ));
    let mut figures: Vec<&crate::model::Figure> = a.figures.iter().collect();
    figures.sort_by(|x, y| y.score.total_cmp(&x.score));
    let top: Vec<String> = figures
        .iter()
        .take(5)
        .map(|f| escape(article.doc.slice(f.text)))
        .collect();
    fields.push(FieldSpec::new(
        format!("Key figures ({})", a.figures.len()),
        if top.is_empty() {
            "none found".to_string()
        } else {
            top.join(" · ")
        },
    ));
    if !a.people.is_empty() {
        let names: Vec<String> = a.people.iter().map(|p| p.name.clone()).collect();
        fields.push(FieldSpec::new(
            format!("People ({})", names.len()),
            name_list(&names, 8),
        ));
    }
    if let Some(lang) = &a.foreign_language {
        fields.push(FieldSpec::new(
            "Language",
            format!("This article looks like `{lang}`, not English: answers may be incomplete."),
        ));
    }
    fields
}

/// An article just added: its facts and what to try next.
pub(super) fn added(article: &Article) -> Vec<Page> {
    let mut e = EmbedSpec::new(format!("Added: {}", article.title()), COLOR_ADDED);
    e.description = format!(
        "Saved as `{}` ({}, from {}). Try `/who-said article:{}` or `/key-figures article:{}`.",
        article.id,
        plural(article.doc.word_count(), "word", "words"),
        clip(&article.origin, 200),
        article.id,
        article.id,
    );
    e.fields = article_facts(article);
    vec![Page {
        content: String::new(),
        embeds: vec![e],
    }]
}

/// The sample articles just added: one embed each, on one page.
pub(super) fn added_samples(articles: &[Arc<Article>]) -> Vec<Page> {
    let embeds = articles
        .iter()
        .flat_map(|a| added(a))
        .flat_map(|page| page.embeds)
        .collect();
    vec![Page {
        content: String::new(),
        embeds,
    }]
}

/// The scope's articles, newest first, a few lines a page.
pub(super) fn list(articles: &[Arc<Article>]) -> Vec<Page> {
    let head = EmbedSpec {
        title: format!("Articles ({})", articles.len()),
        color: COLOR_ANSWER,
        ..Default::default()
    };
    if articles.is_empty() {
        let mut e = head;
        e.description =
            "No articles yet. Add one with `/article add` (a file, pasted text or a URL).".into();
        vec![Page {
            content: String::new(),
            embeds: vec![e],
        }]
    } else {
        let lines = articles
            .iter()
            .rev()
            .map(|a| {
                let by = a
                    .added_by
                    .as_deref()
                    .map(|b| format!(" by {}", clip(b, 40)))
                    .unwrap_or_default();
                format!(
                    "`{}` **{}** — {} · added {}{by}",
                    a.id,
                    clip(a.title(), 150),
                    plural(a.doc.word_count(), "word", "words"),
                    a.added_at.format("%Y-%m-%d %H:%M UTC"),
                )
            })
            .collect();
        paginate_lines(&head, lines, ARTICLES_PER_PAGE)
    }
}

/// One article: its lead, facts and source.
pub(super) fn show(article: &Article) -> Vec<Page> {
    let mut e = EmbedSpec::new(article.title().to_string(), COLOR_ANSWER);
    let lead: Vec<String> = article
        .analysis
        .key_points
        .iter()
        .take(3)
        .map(|&i| clip(article.doc.sentence_text(i), 600))
        .collect();
    let lead = if lead.is_empty() {
        article
            .doc
            .sentences
            .first()
            .map(|s| clip(article.doc.slice(s.span), 600))
            .unwrap_or_default()
    } else {
        lead.join("\n\n")
    };
    let byline = article
        .doc
        .byline
        .as_deref()
        .map(|b| format!("By {}\n", clip(b, 100)))
        .unwrap_or_default();
    e.description = format!("{byline}{lead}");
    e.fields = article_facts(article);
    e.fields.push(FieldSpec::new(
        "Source",
        format!(
            "{} · added {}{}",
            clip(&article.origin, 300),
            article.added_at.format("%Y-%m-%d %H:%M UTC"),
            article
                .added_by
                .as_deref()
                .map(|b| format!(" by {}", clip(b, 60)))
                .unwrap_or_default()
        ),
    ));
    vec![Page {
        content: String::new(),
        embeds: vec![e],
    }]
}

/// An article just removed.
pub(super) fn removed(article: &Article) -> Vec<Page> {
    let mut e = EmbedSpec::new(format!("Removed: {}", article.title()), COLOR_ANSWER);
    e.description = format!("`{}` is no longer in this server's articles.", article.id);
    vec![Page {
        content: String::new(),
        embeds: vec![e],
    }]
}

/// Statements grouped by speaker, each with its evidence.
pub(super) fn who_said(groups: &[SpeakerStatements]) -> Vec<Page> {
    let total: usize = groups.iter().map(|g| g.total).sum();
    let shown: usize = groups.iter().map(|g| g.statements.len()).sum();
    let mut head = EmbedSpec::new("Who said", COLOR_ANSWER);
    if groups.is_empty() {
        head.description =
            "No statements found. Try without `topic:` or `speaker:`, or pick another article."
                .into();
        return vec![Page {
            content: String::new(),
            embeds: vec![head],
        }];
    }
    let who: Vec<String> = groups
        .iter()
        .map(|g| format!("{} ({})", g.speaker, g.total))
        .collect();
    head.description = format!(
        "{} from {}: {}.",
        plural(total, "statement", "statements"),
        plural(groups.len(), "speaker", "speakers"),
        truncate(&escape(&who.join(", ")), 1500)
    );
    if shown < total {
        head.description.push_str(&format!(
            "\nShowing the first {shown} (most-quoted speakers first); narrow with `topic:`, `speaker:` or `article:`."
        ));
    }
    let mut items = Vec::new();
    for g in groups {
        let who = if g.role.trim().is_empty() {
            g.speaker.clone()
        } else {
            format!("{} — {}", g.speaker, g.role)
        };
        for s in &g.statements {
            let quote = match s.kind {
                QuoteKind::Direct => format!("“{}”", clip(s.text.trim(), 500)),
                QuoteKind::Indirect => {
                    format!("*(paraphrase)* {}", clip(s.text.trim(), 500))
                }
            };
            let mut value = format!("{quote}\n{}", cite(&s.evidence));
            // The sentence adds context unless the quote is most of it.
            let quote_len = s.text.trim().chars().count();
            let sentence_len = s.evidence.sentence.trim().chars().count();
            if s.kind == QuoteKind::Indirect
                || !s.evidence.sentence.contains(s.text.trim())
                || quote_len * 10 < sentence_len * 8
            {
                value.push('\n');
                value.push_str(&sentence_quote(&s.evidence, 300));
            }
            items.push(FieldSpec::new(who.clone(), value));
        }
    }
    paginate(&head, items, FIELDS_PER_PAGE)
}

/// The best figures, what they measure and where they come from.
pub(super) fn key_figures(figures: &[FigureHit], total: usize) -> Vec<Page> {
    let mut head = EmbedSpec::new("Key figures", COLOR_ANSWER);
    if figures.is_empty() {
        head.description = "No figures found. Try another `kind:` or article.".into();
        return vec![Page {
            content: String::new(),
            embeds: vec![head],
        }];
    }
    head.description = if figures.len() < total {
        format!(
            "{}, the {} most important first; narrow with `kind:` or `article:`.",
            plural(total, "figure", "figures"),
            figures.len()
        )
    } else {
        format!(
            "{}, most important first.",
            plural(figures.len(), "figure", "figures")
        )
    };
    let items = figures
        .iter()
        .map(|f| {
            let name = format!("{} · {}", f.text, figure_kind_label(f.kind));
            let about = if f.about.trim().is_empty() {
                String::new()
            } else {
                format!("**{}**\n", clip(&f.about, 200))
            };
            FieldSpec::new(
                name,
                format!(
                    "{about}{}\n{}",
                    sentence_quote(&f.evidence, 600),
                    cite(&f.evidence)
                ),
            )
        })
        .collect();
    paginate(&head, items, FIELDS_PER_PAGE)
}

/// The people named in an article.
pub(super) fn people(article: &Article, people: &[PersonHit]) -> Vec<Page> {
    let mut head = EmbedSpec::new(format!("People in {}", article.title()), COLOR_ANSWER);
    if people.is_empty() {
        head.description = format!("No named people found in `{}`.", article.id);
        return vec![Page {
            content: String::new(),
            embeds: vec![head],
        }];
    }
    head.description = format!(
        "{} named (article `{}`).",
        plural(people.len(), "person", "people"),
        article.id
    );
    let items = people
        .iter()
        .map(|p| {
            let name = if p.role.trim().is_empty() {
                p.name.clone()
            } else {
                format!("{} — {}", p.name, p.role)
            };
            let mut value = plural(p.mentions, "mention", "mentions");
            if !p.aliases.is_empty() {
                value.push_str(&format!(" · also {}", name_list(&p.aliases, 4)));
            }
            if let Some(e) = &p.evidence {
                value.push('\n');
                value.push_str(&sentence_quote(e, 500));
                value.push('\n');
                value.push_str(&cite(e));
            }
            FieldSpec::new(name, value)
        })
        .collect();
    paginate(&head, items, FIELDS_PER_PAGE)
}

/// An article's dates in order.
pub(super) fn timeline(article: &Article, entries: &[TimelineEntry]) -> Vec<Page> {
    let mut head = EmbedSpec::new(format!("Timeline of {}", article.title()), COLOR_ANSWER);
    if entries.is_empty() {
        head.description = format!("No dates found in `{}`.", article.id);
        return vec![Page {
            content: String::new(),
            embeds: vec![head],
        }];
    }
    head.description = format!(
        "{}, in date order (article `{}`).",
        plural(entries.len(), "date", "dates"),
        article.id
    );
    let items = entries
        .iter()
        .map(|t| {
            let name = match &t.value {
                Some(v) if v != &t.date_text => format!("{} ({v})", t.date_text),
                _ => t.date_text.clone(),
            };
            FieldSpec::new(
                name,
                format!(
                    "{}\n{}",
                    sentence_quote(&t.evidence, 600),
                    cite(&t.evidence)
                ),
            )
        })
        .collect();
    paginate(&head, items, FIELDS_PER_PAGE)
}

/// An article's key points.
pub(super) fn summary(article: &Article, points: &[Evidence]) -> Vec<Page> {
    let head = EmbedSpec {
        title: format!("Summary of {}", article.title()),
        color: COLOR_ANSWER,
        ..Default::default()
    };
    if points.is_empty() {
        let mut e = head;
        e.description = format!("No key points found in `{}`.", article.id);
        vec![Page {
            content: String::new(),
            embeds: vec![e],
        }]
    } else {
        let lines = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                format!(
                    "{}. {} *(sentence {})*",
                    i + 1,
                    clip(p.sentence.trim(), 900),
                    p.sentence_index + 1
                )
            })
            .collect();
        let mut pages = paginate_lines(&head, lines, 8);
        for p in &mut pages {
            for e in &mut p.embeds {
                e.footer = truncate(&format!("From {} ({})", article.title(), article.id), 200);
            }
        }
        pages
    }
}

/// An answer to a question with its evidence, or why there is none.
pub(super) fn ask(question: &str, answer: &AskAnswer) -> Vec<Page> {
    let mut head = EmbedSpec::new(format!("Q: {question}"), COLOR_ANSWER);
    match answer {
        AskAnswer::Found { answer, evidence } => {
            head.description = clip(answer, 1500);
            let items = evidence
                .iter()
                .map(|e| {
                    FieldSpec::new(
                        "Evidence",
                        format!("{}\n{}", sentence_quote(e, 700), cite(e)),
                    )
                })
                .collect();
            paginate(&head, items, FIELDS_PER_PAGE)
        }
        AskAnswer::Unsure { message, evidence } => {
            head.description = clip(message, 1500);
            let items = evidence
                .iter()
                .map(|e| {
                    FieldSpec::new(
                        "Closest sentence",
                        format!("{}\n{}", sentence_quote(e, 700), cite(e)),
                    )
                })
                .collect();
            paginate(&head, items, FIELDS_PER_PAGE)
        }
        AskAnswer::NotFound { message } => {
            head.description = format!(
                "{}\nTry `/search` with a key word, or `/who-said topic:…`.",
                clip(message, 1500)
            );
            vec![Page {
                content: String::new(),
                embeds: vec![head],
            }]
        }
    }
}

/// Sentences matching a search.
pub(super) fn search(query: &str, hits: &[SearchHit]) -> Vec<Page> {
    let mut head = EmbedSpec::new(format!("Search: {query}"), COLOR_ANSWER);
    if hits.is_empty() {
        head.description = "No sentence matches. Try fewer or other words.".into();
        return vec![Page {
            content: String::new(),
            embeds: vec![head],
        }];
    }
    head.description = plural(hits.len(), "matching sentence", "matching sentences");
    let items = hits
        .iter()
        .map(|h| {
            FieldSpec::new(
                format!(
                    "{} (`{}`)",
                    truncate(&h.evidence.article_title, 200),
                    h.evidence.article_id
                ),
                format!(
                    "{}\nsentence {}",
                    sentence_quote(&h.evidence, 800),
                    h.evidence.sentence_index + 1
                ),
            )
        })
        .collect();
    paginate(&head, items, FIELDS_PER_PAGE)
}

/// A plain message.
pub(super) fn notice(message: &str) -> Vec<Page> {
    let mut e = EmbedSpec::new("newsdesk", COLOR_ANSWER);
    e.description = message.to_string();
    vec![Page {
        content: String::new(),
        embeds: vec![e],
    }]
}
