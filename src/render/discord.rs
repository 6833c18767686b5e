//! Discord embeds for command answers, within Discord's limits.
//!
//! Answers become neutral [`EmbedSpec`]s (title, description, fields, footer, colour)
//! grouped into [`Page`]s; one page is one message. Discord rejects a message that breaks
//! any of its limits (and serenity does not check them), so every string is cut here on a
//! character boundary with "…", a page holds at most [`MAX_FIELDS`] fields and
//! [`MAX_TOTAL`] characters across its embeds, and long answers spill onto more pages
//! that the bot pages through with buttons. Conversion to serenity's `CreateEmbed`
//! happens only at the edge, in `bot::embed`.
//!
//! Every item cites its article (title and id) and the sentence it comes from.

mod answers;
#[cfg(test)]
mod tests;

use crate::commands::Response;

pub use crate::discord_limits::{
    MAX_CONTENT, MAX_DESCRIPTION, MAX_EMBEDS, MAX_FIELD_NAME, MAX_FIELD_VALUE, MAX_FIELDS,
    MAX_FOOTER, MAX_TITLE, MAX_TOTAL,
};

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

/// The pages of an answer. Always at least one page; every page within the limits.
pub fn pages(response: &Response) -> Vec<Page> {
    let mut pages = match response {
        Response::Added { article } => answers::added(article),
        Response::AddedSamples { articles } => answers::added_samples(articles),
        Response::List { articles, .. } => answers::list(articles),
        Response::Show { article } => answers::show(article),
        Response::Removed { article } => answers::removed(article),
        Response::WhoSaid { groups } => answers::who_said(groups),
        Response::KeyFigures { figures, total } => answers::key_figures(figures, *total),
        Response::People { article, people } => answers::people(article, people),
        Response::Timeline { article, entries } => answers::timeline(article, entries),
        Response::Summary { article, points } => answers::summary(article, points),
        Response::Ask { question, answer } => answers::ask(question, answer),
        Response::Search { query, hits } => answers::search(query, hits),
        Response::Notice { message } => answers::notice(message),
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
