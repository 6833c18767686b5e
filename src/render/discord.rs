//! Discord embeds for command answers, within Discord's limits.
//!
//! Answers become neutral [`EmbedSpec`]s (title, description, fields, footer, colour)
//! grouped into [`Page`]s; one page is one message. Discord rejects a message that breaks
//! any of its limits (and serenity does not check them), so every string is cut here on a
//! character boundary with "…", a page holds at most [`MAX_FIELDS`] fields and
//! [`MAX_TOTAL`] characters across its embeds, and long answers spill onto more pages
//! that the bot pages through with buttons. Conversion to serenity's `CreateEmbed`
//! happens only at the edge ([`to_create_embed`]).
//!
//! Every item cites its article (title and id) and the sentence it comes from.

use crate::commands::Response;
use crate::model::{Article, FigureKind, QuoteKind};
use crate::query::{AskAnswer, Evidence};

pub const MAX_TITLE: usize = 256;
pub const MAX_DESCRIPTION: usize = 4096;
pub const MAX_FIELDS: usize = 25;
pub const MAX_FIELD_NAME: usize = 256;
pub const MAX_FIELD_VALUE: usize = 1024;
pub const MAX_FOOTER: usize = 2048;
/// Characters across all embeds of one message.
pub const MAX_TOTAL: usize = 6000;
pub const MAX_EMBEDS: usize = 10;
pub const MAX_CONTENT: usize = 2000;

/// Fields per page for list-like answers: enough to be useful, few enough to read.
const FIELDS_PER_PAGE: usize = 6;
/// Lines per page for `/article list`.
const ARTICLES_PER_PAGE: usize = 10;
/// Room kept free on every page for the page footer the bot adds.
const FOOTER_RESERVE: usize = 120;

pub const COLOR_ANSWER: u32 = 0x2F6FB3;
pub const COLOR_ADDED: u32 = 0x2E9D5B;
pub const COLOR_ERROR: u32 = 0xC0392B;
pub const COLOR_BRIEFING: u32 = 0x8E5CC2;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldSpec {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

/// A Discord embed, without serenity types.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedSpec {
    pub title: String,
    pub description: String,
    pub fields: Vec<FieldSpec>,
    pub footer: String,
    pub color: u32,
    /// A link for the title.
    pub url: Option<String>,
}

/// One message: optional plain content and up to ten embeds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub content: String,
    pub embeds: Vec<EmbedSpec>,
}

/// Cuts `s` to at most `max` characters, ending with "…" when it was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let end = s
        .char_indices()
        .nth(max - 1)
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let mut out = s[..end].trim_end().to_string();
    out.push('…');
    out
}

/// Escapes Discord markdown in text taken from an article or a user, so it shows as
/// written.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut line_start = true;
    for c in s.chars() {
        match c {
            '*' | '_' | '`' | '~' | '|' | '\\' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '>' | '#' | '-' if line_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// Escaped and cut to `max` characters; the cut never splits an escape from its character.
fn clip(s: &str, max: usize) -> String {
    let escaped = escape(s);
    if escaped.chars().count() <= max {
        return escaped;
    }
    let mut cut = truncate(&escaped, max);
    // An escape left dangling before the ellipsis would escape the ellipsis itself.
    if cut.ends_with("\\…") {
        cut.truncate(cut.len() - "\\…".len());
        cut.push('…');
    }
    cut
}

impl FieldSpec {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> FieldSpec {
        FieldSpec {
            name: name.into(),
            value: value.into(),
            inline: false,
        }
    }
    pub fn inline(name: impl Into<String>, value: impl Into<String>) -> FieldSpec {
        FieldSpec {
            name: name.into(),
            value: value.into(),
            inline: true,
        }
    }
    /// Within the field limits; an empty name or value (refused by Discord) becomes a
    /// zero-width placeholder.
    pub fn clamped(&self) -> FieldSpec {
        let fix = |s: &str, max| {
            let t = truncate(s.trim(), max);
            if t.is_empty() {
                "\u{200b}".to_string()
            } else {
                t
            }
        };
        FieldSpec {
            name: fix(&self.name, MAX_FIELD_NAME),
            value: fix(&self.value, MAX_FIELD_VALUE),
            inline: self.inline,
        }
    }
    fn chars(&self) -> usize {
        self.name.chars().count() + self.value.chars().count()
    }
}

impl EmbedSpec {
    pub fn new(title: impl Into<String>, color: u32) -> EmbedSpec {
        EmbedSpec {
            title: title.into(),
            color,
            ..Default::default()
        }
    }

    /// Every part cut to its limit, at most 25 fields, and the whole within
    /// [`MAX_TOTAL`] (the description gives way first, then trailing fields).
    pub fn clamped(&self) -> EmbedSpec {
        let mut e = EmbedSpec {
            title: truncate(self.title.trim(), MAX_TITLE),
            description: truncate(&self.description, MAX_DESCRIPTION),
            fields: self
                .fields
                .iter()
                .take(MAX_FIELDS)
                .map(FieldSpec::clamped)
                .collect(),
            footer: truncate(&self.footer, MAX_FOOTER),
            color: self.color,
            url: self
                .url
                .clone()
                .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        };
        while e.chars() > MAX_TOTAL {
            let over = e.chars() - MAX_TOTAL;
            let desc = e.description.chars().count();
            if desc > 0 {
                e.description = truncate(&e.description, desc.saturating_sub(over + 1));
            } else if e.fields.pop().is_none() {
                e.footer = truncate(&e.footer, e.footer.chars().count().saturating_sub(over + 1));
                e.title = truncate(&e.title, MAX_TOTAL / 2);
                break;
            }
        }
        if e.is_empty() {
            e.description = "\u{200b}".into();
        }
        e
    }

    /// Characters Discord counts toward the 6,000 limit.
    pub fn chars(&self) -> usize {
        self.title.chars().count()
            + self.description.chars().count()
            + self.footer.chars().count()
            + self.fields.iter().map(FieldSpec::chars).sum::<usize>()
    }

    fn is_empty(&self) -> bool {
        self.title.is_empty()
            && self.description.is_empty()
            && self.fields.is_empty()
            && self.footer.is_empty()
    }
}

impl Page {
    /// The page within Discord's message limits: content ≤ 2,000, ≤ 10 embeds, and
    /// ≤ 6,000 characters across the embeds (later embeds are dropped first).
    pub fn clamped(&self) -> Page {
        let mut embeds: Vec<EmbedSpec> = self
            .embeds
            .iter()
            .take(MAX_EMBEDS)
            .map(EmbedSpec::clamped)
            .collect();
        while embeds.len() > 1 && embeds.iter().map(EmbedSpec::chars).sum::<usize>() > MAX_TOTAL {
            embeds.pop();
        }
        Page {
            content: truncate(&self.content, MAX_CONTENT),
            embeds,
        }
    }

    pub fn chars(&self) -> usize {
        self.embeds.iter().map(EmbedSpec::chars).sum()
    }
}

/// Splits items into pages of one embed each: `head` (title, description, colour) is
/// repeated on every page, items go in as fields while they fit the field count and
/// the character budget.
pub fn paginate(head: &EmbedSpec, items: Vec<FieldSpec>, per_page: usize) -> Vec<Page> {
    let head = EmbedSpec {
        fields: Vec::new(),
        footer: String::new(),
        ..head.clone()
    }
    .clamped();
    let budget = MAX_TOTAL.saturating_sub(head.chars() + FOOTER_RESERVE);
    let per_page = per_page.clamp(1, MAX_FIELDS);
    let mut pages = Vec::new();
    let mut current = head.clone();
    let mut used = 0;
    for item in items {
        let item = item.clamped();
        let n = item.chars();
        if !current.fields.is_empty() && (current.fields.len() >= per_page || used + n > budget) {
            pages.push(Page {
                content: String::new(),
                embeds: vec![std::mem::replace(&mut current, head.clone())],
            });
            used = 0;
        }
        used += n;
        current.fields.push(item);
    }
    pages.push(Page {
        content: String::new(),
        embeds: vec![current],
    });
    pages
}

/// Splits lines into pages of one embed each, the lines joined in the description.
pub fn paginate_lines(head: &EmbedSpec, lines: Vec<String>, per_page: usize) -> Vec<Page> {
    let head = head.clamped();
    let mut pages = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut used = 0;
    let budget = MAX_DESCRIPTION.min(MAX_TOTAL.saturating_sub(head.chars() + FOOTER_RESERVE));
    let flush = |current: &mut Vec<String>, pages: &mut Vec<Page>| {
        let mut e = head.clone();
        e.description = current.join("\n");
        pages.push(Page {
            content: String::new(),
            embeds: vec![e.clamped()],
        });
        current.clear();
    };
    for line in lines {
        let line = truncate(&line, budget.saturating_sub(1).max(1));
        let n = line.chars().count() + 1;
        if !current.is_empty() && (current.len() >= per_page || used + n > budget) {
            flush(&mut current, &mut pages);
            used = 0;
        }
        used += n;
        current.push(line);
    }
    if !current.is_empty() || pages.is_empty() {
        flush(&mut current, &mut pages);
    }
    pages
}

/// Adds "Page i of n" (and `note`) to each page's last embed footer.
pub fn number_pages(pages: &mut [Page], note: &str) {
    let n = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let Some(last) = page.embeds.last_mut() else {
            continue;
        };
        let mut footer = if n > 1 {
            format!("Page {} of {n}", i + 1)
        } else {
            String::new()
        };
        if !note.is_empty() {
            if !footer.is_empty() {
                footer.push_str(" · ");
            }
            footer.push_str(note);
        }
        if !last.footer.is_empty() {
            footer = if footer.is_empty() {
                last.footer.clone()
            } else {
                format!("{} · {footer}", last.footer)
            };
        }
        last.footer = truncate(&footer, MAX_FOOTER);
        *page = page.clamped();
    }
}

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

/// The pages of an answer. Always at least one page; every page within the limits.
pub fn pages(response: &Response) -> Vec<Page> {
    let mut pages = match response {
        Response::Added { article } => {
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
        Response::List { articles, .. } => {
            let head = EmbedSpec {
                title: format!("Articles ({})", articles.len()),
                color: COLOR_ANSWER,
                ..Default::default()
            };
            if articles.is_empty() {
                let mut e = head;
                e.description =
                    "No articles yet. Add one with `/article add` (a file, pasted text or a URL)."
                        .into();
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
        Response::Show { article } => {
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
        Response::Removed { article } => {
            let mut e = EmbedSpec::new(format!("Removed: {}", article.title()), COLOR_ANSWER);
            e.description = format!("`{}` is no longer in this server's articles.", article.id);
            vec![Page {
                content: String::new(),
                embeds: vec![e],
            }]
        }
        Response::WhoSaid { groups } => {
            let total: usize = groups.iter().map(|g| g.total).sum();
            let shown: usize = groups.iter().map(|g| g.statements.len()).sum();
            let mut head = EmbedSpec::new("Who said", COLOR_ANSWER);
            if groups.is_empty() {
                head.description = "No statements found. Try without `topic:` or `speaker:`, or pick another article.".into();
                return finish(vec![Page {
                    content: String::new(),
                    embeds: vec![head],
                }]);
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
        Response::KeyFigures { figures, total } => {
            let mut head = EmbedSpec::new("Key figures", COLOR_ANSWER);
            if figures.is_empty() {
                head.description = "No figures found. Try another `kind:` or article.".into();
                return finish(vec![Page {
                    content: String::new(),
                    embeds: vec![head],
                }]);
            }
            head.description = if figures.len() < *total {
                format!(
                    "{}, the {} most important first; narrow with `kind:` or `article:`.",
                    plural(*total, "figure", "figures"),
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
        Response::People { article, people } => {
            let mut head = EmbedSpec::new(format!("People in {}", article.title()), COLOR_ANSWER);
            if people.is_empty() {
                head.description = format!("No named people found in `{}`.", article.id);
                return finish(vec![Page {
                    content: String::new(),
                    embeds: vec![head],
                }]);
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
        Response::Timeline { article, entries } => {
            let mut head = EmbedSpec::new(format!("Timeline of {}", article.title()), COLOR_ANSWER);
            if entries.is_empty() {
                head.description = format!("No dates found in `{}`.", article.id);
                return finish(vec![Page {
                    content: String::new(),
                    embeds: vec![head],
                }]);
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
        Response::Summary { article, points } => {
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
                        e.footer =
                            truncate(&format!("From {} ({})", article.title(), article.id), 200);
                    }
                }
                pages
            }
        }
        Response::Ask { question, answer } => {
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
        Response::Search { query, hits } => {
            let mut head = EmbedSpec::new(format!("Search: {query}"), COLOR_ANSWER);
            if hits.is_empty() {
                head.description = "No sentence matches. Try fewer or other words.".into();
                return finish(vec![Page {
                    content: String::new(),
                    embeds: vec![head],
                }]);
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
        Response::Notice { message } => {
            let mut e = EmbedSpec::new("newsdesk", COLOR_ANSWER);
            e.description = message.clone();
            vec![Page {
                content: String::new(),
                embeds: vec![e],
            }]
        }
        // Already split and numbered within the limits by the briefing renderer.
        Response::Briefing { digest, .. } => return briefing_pages(digest),
        Response::Help => help_pages(),
    };
    if pages.is_empty() {
        pages.push(Page::default());
    }
    finish(pages)
}

fn finish(mut pages: Vec<Page>) -> Vec<Page> {
    number_pages(&mut pages, "");
    pages
}

fn help_pages() -> Vec<Page> {
    let mut e = EmbedSpec::new("newsdesk — commands", COLOR_ANSWER);
    e.description = "newsdesk reads your team's news articles and answers from them, citing the sentence behind every answer. \
Articles belong to this server (in DMs, to you). Without `article:`, per-article commands use the newest article and the others search all articles."
        .into();
    e.fields = crate::commands::COMMANDS
        .iter()
        .map(|c| FieldSpec::new(c.name, format!("{}\nExample: `{}`", c.what, c.example)))
        .collect();
    vec![Page {
        content: String::new(),
        embeds: vec![e],
    }]
}

/// An error as an embed: what went wrong and what to do next.
pub fn error_page(message: &str) -> Page {
    let mut e = EmbedSpec::new("That didn't work", COLOR_ERROR);
    e.description = message.to_string();
    Page {
        content: String::new(),
        embeds: vec![e],
    }
    .clamped()
}

/// A team briefing as Discord messages (laid out, split and numbered within the limits
/// by `briefing::render`), as pages.
pub fn briefing_pages(digest: &crate::briefing::Digest) -> Vec<Page> {
    crate::briefing::render::discord_messages(
        digest,
        crate::briefing::render::RenderOptions::default(),
    )
    .iter()
    .map(outgoing_page)
    .collect()
}

/// A briefing message (plain data from `briefing::render`) as a page.
pub fn outgoing_page(m: &crate::briefing::render::OutgoingMessage) -> Page {
    let embeds = m
        .embeds
        .iter()
        .map(|e| EmbedSpec {
            title: e.title.clone(),
            description: e.description.clone(),
            fields: e
                .fields
                .iter()
                .map(|f| FieldSpec {
                    name: f.name.clone(),
                    value: f.value.clone(),
                    inline: f.inline,
                })
                .collect(),
            footer: e.footer.clone(),
            color: COLOR_BRIEFING,
            url: e.url.clone(),
        })
        .collect();
    Page {
        content: m.content.clone(),
        embeds,
    }
    .clamped()
}

/// serenity's embed builder for a spec (already clamped by the page).
pub fn to_create_embed(spec: &EmbedSpec) -> serenity::all::CreateEmbed {
    let spec = spec.clamped();
    let mut e = serenity::all::CreateEmbed::new().colour(spec.color);
    if !spec.title.is_empty() {
        e = e.title(spec.title);
        if let Some(url) = spec.url {
            e = e.url(url);
        }
    }
    if !spec.description.is_empty() {
        e = e.description(spec.description);
    }
    for f in spec.fields {
        e = e.field(f.name, f.value, f.inline);
    }
    if !spec.footer.is_empty() {
        e = e.footer(serenity::all::CreateEmbedFooter::new(spec.footer));
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_respects_char_boundaries_and_marks_the_cut() {
        assert_eq!(truncate("héllo wörld", 20), "héllo wörld");
        let t = truncate("ééééééééé", 4);
        assert_eq!(t.chars().count(), 4);
        assert!(t.ends_with('…'));
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn escape_keeps_markdown_literal() {
        assert_eq!(escape("a*b*_c_"), "a\\*b\\*\\_c\\_");
        assert_eq!(escape("> quote\n# head"), "\\> quote\n\\# head");
        assert_eq!(escape("3 - 2 > 1"), "3 - 2 > 1");
    }

    #[test]
    fn clip_never_leaves_a_dangling_escape() {
        let s = "x".repeat(8) + "*****";
        let c = clip(&s, 10);
        assert!(c.chars().count() <= 10);
        assert!(!c.ends_with("\\…"));
    }

    #[test]
    fn clamped_embed_fits_every_limit() {
        let e = EmbedSpec {
            title: "t".repeat(1000),
            description: "d".repeat(10_000),
            fields: (0..40)
                .map(|i| FieldSpec::new(format!("n{i}").repeat(200), "v".repeat(3000)))
                .collect(),
            footer: "f".repeat(5000),
            color: 0,
            url: None,
        }
        .clamped();
        assert!(e.title.chars().count() <= MAX_TITLE);
        assert!(e.description.chars().count() <= MAX_DESCRIPTION);
        assert!(e.fields.len() <= MAX_FIELDS);
        assert!(
            e.fields
                .iter()
                .all(|f| f.name.chars().count() <= MAX_FIELD_NAME
                    && f.value.chars().count() <= MAX_FIELD_VALUE)
        );
        assert!(e.footer.chars().count() <= MAX_FOOTER);
        assert!(e.chars() <= MAX_TOTAL, "{}", e.chars());
    }

    #[test]
    fn empty_fields_get_a_placeholder() {
        let f = FieldSpec::new("", "  ").clamped();
        assert!(!f.name.is_empty() && !f.value.is_empty());
    }

    #[test]
    fn paginate_splits_by_count_and_budget() {
        let head = EmbedSpec::new("Head", 0);
        let items: Vec<FieldSpec> = (0..20)
            .map(|i| FieldSpec::new(format!("item {i}"), "v".repeat(1000)))
            .collect();
        let mut pages = paginate(&head, items, 6);
        number_pages(&mut pages, "");
        // 1,000+ characters per field: at most five fit in 6,000 with the head.
        assert!(pages.len() >= 4);
        let total_fields: usize = pages.iter().map(|p| p.embeds[0].fields.len()).sum();
        assert_eq!(total_fields, 20);
        for (i, p) in pages.iter().enumerate() {
            assert!(p.chars() <= MAX_TOTAL);
            assert!(p.embeds[0].fields.len() <= 6);
            assert!(p.embeds[0].footer.contains(&format!("Page {} of", i + 1)));
        }
    }

    #[test]
    fn paginate_lines_keeps_every_line() {
        let head = EmbedSpec::new("List", 0);
        let lines: Vec<String> = (0..35).map(|i| format!("line {i}")).collect();
        let pages = paginate_lines(&head, lines, 10);
        assert_eq!(pages.len(), 4);
        assert!(pages[3].embeds[0].description.contains("line 34"));
    }

    #[test]
    fn help_lists_every_command_within_limits() {
        let pages = pages(&Response::Help);
        assert_eq!(pages.len(), 1);
        let e = &pages[0].embeds[0];
        for name in [
            "/article add",
            "/who-said",
            "/key-figures",
            "/briefing post",
            "/search",
            "/ask",
        ] {
            assert!(e.fields.iter().any(|f| f.name == name), "{name}");
        }
        assert!(e.chars() <= MAX_TOTAL);
    }

    #[test]
    fn page_clamp_drops_embeds_over_the_total() {
        let big = EmbedSpec {
            description: "x".repeat(4000),
            ..EmbedSpec::new("a", 0)
        };
        let page = Page {
            content: "c".repeat(3000),
            embeds: vec![big.clone(), big.clone(), big],
        }
        .clamped();
        assert!(page.chars() <= MAX_TOTAL);
        assert_eq!(page.embeds.len(), 1);
        assert!(page.content.chars().count() <= MAX_CONTENT);
    }

    fn evidence(i: usize) -> Evidence {
        Evidence {
            article_id: "a7".into(),
            article_title: "Talks *stall* over rare earths".into(),
            sentence_index: i,
            sentence: format!(
                "“We will not back down,” said Wu Xinbo, sentence {i}, in a long speech {}.",
                "x".repeat(300)
            ),
        }
    }

    #[test]
    fn who_said_items_name_speaker_role_quote_article_and_sentence() {
        use crate::query::{SpeakerStatements, Statement};
        let groups = vec![SpeakerStatements {
            speaker: "Wu Xinbo".into(),
            role: "director of the Center for American Studies at Fudan University".into(),
            aliases: vec!["Wu".into()],
            total: 20,
            statements: (0..20)
                .map(|i| Statement {
                    text: if i % 2 == 0 {
                        "We will not back down".into()
                    } else {
                        "talks would resume".into()
                    },
                    kind: if i % 2 == 0 {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Indirect
                    },
                    evidence: evidence(i),
                })
                .collect(),
        }];
        let pages = pages(&Response::WhoSaid { groups });
        assert!(pages.len() >= 3, "20 statements page: {}", pages.len());
        let mut items = 0;
        for (i, p) in pages.iter().enumerate() {
            assert!(p.chars() <= MAX_TOTAL && p.embeds.len() == 1);
            let e = &p.embeds[0];
            assert!(
                e.footer
                    .contains(&format!("Page {} of {}", i + 1, pages.len()))
            );
            for f in &e.fields {
                items += 1;
                assert!(f.name.starts_with("Wu Xinbo — director"), "{}", f.name);
                assert!(
                    f.value.contains("(`a7`)") && f.value.contains("Talks \\*stall\\*"),
                    "{}",
                    f.value
                );
                assert!(f.value.contains("sentence "), "{}", f.value);
                assert!(f.value.chars().count() <= MAX_FIELD_VALUE);
            }
        }
        assert_eq!(items, 20, "nothing lost between pages");
        let first = &pages[0].embeds[0].fields;
        assert!(first[0].value.starts_with("“We will not back down”"));
        assert!(
            first[1].value.contains("paraphrase") && first[1].value.contains("> "),
            "indirect quotes show their sentence"
        );
    }

    #[test]
    fn key_figures_show_what_they_measure_and_where() {
        use crate::query::FigureHit;
        let figures = vec![FigureHit {
            text: "$660 billion".into(),
            kind: FigureKind::Money,
            value: Some(660e9),
            unit: "USD".into(),
            qualifier: None,
            about: "trade between the two countries".into(),
            evidence: evidence(3),
        }];
        let shown = pages(&Response::KeyFigures {
            total: figures.len(),
            figures,
        });
        let f = &shown[0].embeds[0].fields[0];
        assert_eq!(f.name, "$660 billion · money");
        assert!(
            f.value.contains("trade between the two countries")
                && f.value.contains("sentence 4")
                && f.value.contains("`a7`")
        );
        let empty = pages(&Response::KeyFigures {
            figures: vec![],
            total: 0,
        });
        assert!(empty[0].embeds[0].description.contains("No figures found"));
    }
}
