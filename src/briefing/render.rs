//! A digest as words: plain text for the console, and Discord-ready messages — plain
//! structs (content + embeds) that the bot turns into API calls — that respect Discord's
//! limits: 2,000 characters of content, 10 embeds and 6,000 embed characters per
//! message, 256 per title, 4,096 per description, 25 fields of 1,024. A digest that does
//! not fit one message is split into several, in order; nothing is cut mid-word without
//! an ellipsis, and every article names its id so readers can open it.

use super::digest::{
    ArticleDigest, Digest, DigestFigure, DigestQuote, Disagreement, EntityKind, QuotedSpeaker,
    RecurringEntity,
};
use crate::model::QuoteKind;
use crate::query::Evidence;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::fmt::Write as _;

// Discord's limits are defined once, below both renderers.
pub use crate::discord_limits::{
    MAX_CONTENT, MAX_DESCRIPTION, MAX_EMBEDS as MAX_EMBEDS_PER_MESSAGE, MAX_FIELD_NAME,
    MAX_FIELD_VALUE, MAX_FIELDS, MAX_FOOTER, MAX_TITLE, MAX_TOTAL as MAX_EMBED_TOTAL,
};

/// One embed field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

/// An embed, as plain data.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Embed {
    pub title: String,
    pub description: String,
    /// A link for the title (the article's URL when it came from one).
    pub url: Option<String>,
    pub fields: Vec<Field>,
    pub footer: String,
}

impl Embed {
    /// Characters Discord counts toward the 6,000 per message.
    pub fn char_count(&self) -> usize {
        chars(&self.title)
            + chars(&self.description)
            + chars(&self.footer)
            + self
                .fields
                .iter()
                .map(|f| chars(&f.name) + chars(&f.value))
                .sum::<usize>()
    }
}

/// One message to post, as plain data.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OutgoingMessage {
    pub content: String,
    pub embeds: Vec<Embed>,
    /// The role the content mentions (the sender allows pinging only this role).
    pub mention_role: Option<u64>,
}

impl OutgoingMessage {
    /// Whether the message is within every Discord limit.
    pub fn within_limits(&self) -> bool {
        chars(&self.content) <= MAX_CONTENT
            && self.embeds.len() <= MAX_EMBEDS_PER_MESSAGE
            && self.embeds.iter().map(Embed::char_count).sum::<usize>() <= MAX_EMBED_TOTAL
            && (!self.content.is_empty() || !self.embeds.is_empty())
            && self.embeds.iter().all(|e| {
                chars(&e.title) <= MAX_TITLE
                    && chars(&e.description) <= MAX_DESCRIPTION
                    && chars(&e.footer) <= MAX_FOOTER
                    && e.fields.len() <= MAX_FIELDS
                    && e.fields.iter().all(|f| {
                        !f.name.is_empty()
                            && !f.value.is_empty()
                            && chars(&f.name) <= MAX_FIELD_NAME
                            && chars(&f.value) <= MAX_FIELD_VALUE
                    })
            })
    }
}

/// How to present a digest.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// Time zone the period is shown in.
    pub tz: Tz,
    pub mention_role: Option<u64>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            tz: Tz::UTC,
            mention_role: None,
        }
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// `s` cut to at most `max` characters, at a word boundary where one is near, with "…".
pub fn truncate(s: &str, max: usize) -> String {
    if chars(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let keep: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match keep.rfind(char::is_whitespace) {
        Some(i) if i * 4 >= keep.len() * 3 => &keep[..i],
        _ => keep.as_str(),
    };
    format!("{}…", cut.trim_end())
}

fn when(t: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} ({})",
        t.with_timezone(&tz).format("%a %-d %b %Y %H:%M"),
        tz.name()
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 new articles since Sat 28 Nov 2026 08:00 (UTC) about “rare earths”".
pub fn headline(digest: &Digest, tz: Tz) -> String {
    let mut s = if digest.is_empty() {
        "No new articles".to_string()
    } else {
        plural(digest.articles.len(), "new article", "new articles")
    };
    if let Some(t) = &digest.topic {
        let _ = write!(s, " about “{}”", t.trim());
    }
    if let Some(since) = digest.since {
        let _ = write!(s, " since {}", when(since, tz));
    }
    if digest.is_empty() && digest.topic.is_some() && digest.articles_in_period > 0 {
        let _ = write!(s, " ({} on other topics)", digest.articles_in_period);
    }
    s
}

/// The one line posted for an empty period when a schedule asks for it.
pub fn empty_message(digest: &Digest, opts: RenderOptions) -> OutgoingMessage {
    let mut content = String::new();
    if let Some(role) = opts.mention_role {
        let _ = write!(content, "<@&{role}> ");
    }
    let _ = write!(content, "📰 **Briefing** — {}.", headline(digest, opts.tz));
    OutgoingMessage {
        content: truncate(&content, MAX_CONTENT),
        embeds: Vec::new(),
        mention_role: opts.mention_role,
    }
}

fn quote_line(q: &DigestQuote) -> String {
    let words = match q.kind {
        QuoteKind::Direct => format!("“{}”", q.text.trim()),
        QuoteKind::Indirect => format!("{} (paraphrase)", q.text.trim()),
    };
    if q.role.is_empty() {
        format!("{words} — {}", q.speaker)
    } else {
        format!("{words} — {}, {}", q.speaker, q.role)
    }
}

fn figure_line(f: &DigestFigure) -> String {
    if f.about.trim().is_empty() {
        f.text.clone()
    } else {
        format!("{} — {}", f.text, f.about.trim())
    }
}

fn speaker_line(s: &QuotedSpeaker) -> String {
    let ids: Vec<&str> = s.articles.iter().map(|a| a.id.as_str()).collect();
    let role = if s.role.is_empty() {
        String::new()
    } else {
        format!(" ({})", s.role)
    };
    let counts = match (s.quotes, s.paraphrases) {
        (q, 0) => plural(q, "quote", "quotes"),
        (0, p) => plural(p, "paraphrase", "paraphrases"),
        (q, p) => format!(
            "{}, {}",
            plural(q, "quote", "quotes"),
            plural(p, "paraphrase", "paraphrases")
        ),
    };
    format!("{}{role} — {counts} in {}", s.name, ids.join(", "))
}

fn entity_line(e: &RecurringEntity) -> String {
    let ids: Vec<&str> = e.evidence.iter().map(|ev| ev.article_id.as_str()).collect();
    let kind = match e.kind {
        EntityKind::Person if !e.role.is_empty() => format!(" ({})", e.role),
        EntityKind::Person => String::new(),
        EntityKind::Organization => " (organization)".to_string(),
    };
    format!("{}{kind} — {}", e.name, ids.join(", "))
}

fn source_line(f: &DigestFigure, sentence_max: usize) -> String {
    format!(
        "{} in {} “{}”",
        f.text,
        f.evidence.article_id,
        truncate(f.evidence.sentence.trim(), sentence_max)
    )
}

/// The digest as plain text (console, logs).
pub fn text(digest: &Digest, tz: Tz) -> String {
    let mut out = format!("Briefing — {}\n", headline(digest, tz));
    if digest.is_empty() {
        return out;
    }
    for (n, a) in digest.articles.iter().enumerate() {
        let _ = writeln!(out, "\n{}. {} [{}]", n + 1, a.article.title, a.article.id);
        let _ = writeln!(
            out,
            "   {} words, from {}, added {}",
            a.word_count,
            a.origin,
            when(a.added_at, tz)
        );
        section(
            &mut out,
            "Key points",
            a.key_points.iter().map(|e| e.sentence.trim().to_string()),
        );
        section(&mut out, "Quotes", a.quotes.iter().map(quote_line));
        section(&mut out, "Figures", a.figures.iter().map(figure_line));
    }
    if digest.most_quoted.is_empty()
        && digest.recurring.is_empty()
        && digest.disagreements.is_empty()
    {
        return out;
    }
    out.push_str("\nAcross these articles\n");
    section(
        &mut out,
        "Most quoted",
        digest.most_quoted.iter().map(speaker_line),
    );
    section(
        &mut out,
        "In several articles",
        digest.recurring.iter().map(entity_line),
    );
    section(
        &mut out,
        "Figures that disagree",
        digest.disagreements.iter().map(|d| {
            format!(
                "{} ({}): {} disagrees with {}\n       {}\n       {}",
                d.subject,
                d.unit,
                d.first.text,
                d.second.text,
                source_line(&d.first, 300),
                source_line(&d.second, 300)
            )
        }),
    );
    out
}

fn section(out: &mut String, name: &str, lines: impl Iterator<Item = String>) {
    let mut lines = lines.peekable();
    if lines.peek().is_none() {
        return;
    }
    let _ = writeln!(out, "   {name}:");
    for line in lines {
        let _ = writeln!(out, "     • {line}");
    }
}

/// Bullet lines joined into at most `max` characters; lines that do not fit are
/// dropped whole and counted ("… and 2 more").
fn bullets(lines: &[String], max: usize, line_max: usize) -> String {
    // Room kept for the "… and N more" note while more lines follow.
    const NOTE_ROOM: usize = 24;
    let mut out = String::new();
    let mut used = 0;
    for (i, line) in lines.iter().enumerate() {
        let line = format!(
            "• {}",
            truncate(line, line_max.min(max.saturating_sub(NOTE_ROOM + 3)))
        );
        let reserve = if i + 1 < lines.len() { NOTE_ROOM } else { 0 };
        let needed = used + usize::from(!out.is_empty()) + chars(&line);
        if needed + reserve > max {
            let note = format!("… and {} more", lines.len() - i);
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&note);
            return out;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
        used = needed;
    }
    out
}

fn article_embed(a: &ArticleDigest, n: usize) -> Embed {
    let mut fields = Vec::new();
    let quotes: Vec<String> = a.quotes.iter().map(quote_line).collect();
    if !quotes.is_empty() {
        fields.push(Field {
            name: "Quotes".into(),
            value: bullets(&quotes, MAX_FIELD_VALUE, 400),
            inline: false,
        });
    }
    let figures: Vec<String> = a
        .figures
        .iter()
        .map(|f| figure_line(f).replacen(&f.text, &format!("**{}**", f.text), 1))
        .collect();
    if !figures.is_empty() {
        fields.push(Field {
            name: "Key figures".into(),
            value: bullets(&figures, MAX_FIELD_VALUE, 300),
            inline: false,
        });
    }
    let points: Vec<String> = a
        .key_points
        .iter()
        .map(|e| e.sentence.trim().to_string())
        .collect();
    Embed {
        title: truncate(&format!("{n}. {}", a.article.title), MAX_TITLE),
        description: bullets(&points, 1500, 500),
        url: (a.origin.starts_with("https://") || a.origin.starts_with("http://"))
            .then(|| a.origin.clone()),
        fields,
        footer: truncate(
            &format!(
                "Article {} · /article show article:{} · {} words",
                a.article.id, a.article.id, a.word_count
            ),
            MAX_FOOTER,
        ),
    }
}

/// Fields packed into embeds of at most 25 fields and `budget` characters each.
fn fields_into_embeds(title: &str, fields: Vec<Field>, budget: usize) -> Vec<Embed> {
    let mut embeds: Vec<Embed> = Vec::new();
    for field in fields {
        let fits = embeds.last().is_some_and(|e| {
            e.fields.len() < MAX_FIELDS
                && e.char_count() + field.name.chars().count() + field.value.chars().count()
                    <= budget
        });
        if !fits {
            let title = if embeds.is_empty() {
                title.to_string()
            } else {
                format!("{title} (continued)")
            };
            embeds.push(Embed {
                title,
                ..Embed::default()
            });
        }
        if let Some(e) = embeds.last_mut() {
            e.fields.push(field);
        }
    }
    embeds
}

fn evidence_ref(e: &Evidence) -> String {
    e.article_id.clone()
}

fn cross_embeds(digest: &Digest) -> Vec<Embed> {
    let mut fields = Vec::new();
    let quoted: Vec<String> = digest.most_quoted.iter().map(speaker_line).collect();
    if !quoted.is_empty() {
        fields.push(Field {
            name: "Most quoted".into(),
            value: bullets(&quoted, MAX_FIELD_VALUE, 300),
            inline: false,
        });
    }
    let recurring: Vec<String> = digest.recurring.iter().map(entity_line).collect();
    if !recurring.is_empty() {
        fields.push(Field {
            name: "In several articles".into(),
            value: bullets(&recurring, MAX_FIELD_VALUE, 300),
            inline: false,
        });
    }
    for d in &digest.disagreements {
        fields.push(disagreement_field(d));
    }
    fields_into_embeds("Across these articles", fields, 5000)
}

fn disagreement_field(d: &Disagreement) -> Field {
    let name = truncate(
        &format!("⚖️ Disagrees: {} ({})", d.subject, d.unit),
        MAX_FIELD_NAME,
    );
    let side = |f: &DigestFigure| {
        format!(
            "**{}** in {}: “{}”",
            f.text,
            evidence_ref(&f.evidence),
            truncate(f.evidence.sentence.trim(), 440)
        )
    };
    let value = truncate(
        &format!("{}\n{}", side(&d.first), side(&d.second)),
        MAX_FIELD_VALUE,
    );
    Field {
        name,
        value,
        inline: false,
    }
}

/// The digest as Discord messages, in posting order, each within Discord's limits.
/// An empty digest gives the one-line "no new articles" message.
pub fn discord_messages(digest: &Digest, opts: RenderOptions) -> Vec<OutgoingMessage> {
    if digest.is_empty() {
        return vec![empty_message(digest, opts)];
    }
    let mut embeds: Vec<Embed> = digest
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| article_embed(a, i + 1))
        .collect();
    embeds.extend(cross_embeds(digest));

    // Pack in order: a new message when 10 embeds or 6,000 characters would be passed.
    let mut groups: Vec<Vec<Embed>> = Vec::new();
    let mut total = 0;
    for embed in embeds {
        let size = embed.char_count();
        let fits = groups
            .last()
            .is_some_and(|g| g.len() < MAX_EMBEDS_PER_MESSAGE && total + size <= MAX_EMBED_TOTAL);
        if !fits {
            groups.push(Vec::new());
            total = 0;
        }
        total += size;
        if let Some(g) = groups.last_mut() {
            g.push(embed);
        }
    }
    let parts = groups.len();
    let mut header = String::new();
    if let Some(role) = opts.mention_role {
        let _ = write!(header, "<@&{role}> ");
    }
    let _ = write!(header, "📰 **Briefing** — {}", headline(digest, opts.tz));
    groups
        .into_iter()
        .enumerate()
        .map(|(i, embeds)| {
            let content = match (i, parts) {
                (_, 1) => header.clone(),
                (0, n) => format!("{header} (1/{n})"),
                (i, n) => format!("📰 Briefing, continued ({}/{n})", i + 1),
            };
            OutgoingMessage {
                content: truncate(&content, MAX_CONTENT),
                embeds,
                mention_role: if i == 0 { opts.mention_role } else { None },
            }
        })
        .collect()
}
