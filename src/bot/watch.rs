//! Watched channels: `/article watch channel:<…>` and `/article unwatch`. A message in a
//! watched channel that carries an article — a .txt/.md/.html attachment, or a single
//! article link — is ingested like `/article add`, and acknowledged with a reaction and a
//! short reply in a thread on the message naming what was found.
//!
//! Discord shows a bot the text, attachments and links of a message only when the
//! message mentions the bot, unless the bot holds the privileged Message Content intent.
//! That intent is opt-in (`NEWSDESK_MESSAGE_CONTENT=true`, and enabled in the developer
//! portal); with it, pasted article text (150 words or more) is picked up too.

use super::article::{ACCEPTED, download, download_cap};
use super::reply::Responder;
use super::{Command, Context, Data, Error, caller};
use crate::commands::{self, Caller, Content, Response};
use crate::render::discord::{self, EmbedSpec, Page};
use crate::store::Scope;
use poise::serenity_prelude as serenity;

pub const WATCH_PREFIX: &str = "watch.channel.";
/// Pasted text shorter than this is conversation, not an article.
const MIN_PASTED_WORDS: usize = 150;
/// Attachments read from one message.
const MAX_ATTACHMENTS: usize = 3;
const ADDED_REACTION: &str = "📰";
const FAILED_REACTION: &str = "⚠️";

fn watch_key(channel: u64) -> String {
    format!("{WATCH_PREFIX}{channel}")
}

pub fn is_watched(data: &Data, scope: Scope, channel: u64) -> bool {
    data.store.setting(scope, &watch_key(channel)).is_some()
}

/// The `/article` subcommands this module adds.
pub fn subcommands() -> Vec<Command> {
    vec![watch(), unwatch()]
}

fn info(title: &str, description: String) -> Page {
    let mut e = EmbedSpec::new(title, discord::COLOR_ANSWER);
    e.description = description;
    Page {
        content: String::new(),
        embeds: vec![e],
    }
}

/// Read articles posted in a channel: attachments and article links become articles.
#[poise::command(slash_command)]
pub async fn watch(
    ctx: Context<'_>,
    #[description = "The channel to watch for articles"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread")]
    channel: serenity::ChannelId,
) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    let who = caller(ctx);
    if !who.can_manage {
        return responder
            .error("Watching a channel needs the Manage Messages permission. Ask a moderator.")
            .await;
    }
    let Scope::Guild(_) = who.scope else {
        return responder
            .error("Watching channels works in a server. In DMs, add articles with /article add.")
            .await;
    };
    let value = serde_json::json!({ "by": who.name, "since": chrono::Utc::now() });
    if let Err(e) = ctx
        .data()
        .store
        .set_setting(who.scope, &watch_key(channel.get()), Some(value))
    {
        return responder.error(&e.to_string()).await;
    }
    let what = if ctx.data().config.message_content_intent {
        "attachments (.txt, .md, .html), single article links and pasted articles (150+ words)"
    } else {
        "attachments (.txt, .md, .html) and single article links in messages that mention me \
         (an admin can let me read every message by enabling the Message Content intent: NEWSDESK_MESSAGE_CONTENT)"
    };
    let text = format!(
        "I'll add articles posted in <#{channel}>: {what}. Each one gets {ADDED_REACTION} and a short reply in a thread."
    );
    responder
        .send(&info("Watching for articles", text), vec![], true)
        .await
}

/// Stop reading articles from a channel.
#[poise::command(slash_command)]
pub async fn unwatch(
    ctx: Context<'_>,
    #[description = "The channel to stop watching (default: this channel)"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread")]
    channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    let who = caller(ctx);
    if !who.can_manage {
        return responder
            .error("Unwatching a channel needs the Manage Messages permission. Ask a moderator.")
            .await;
    }
    let channel = channel.unwrap_or_else(|| ctx.channel_id());
    if !is_watched(ctx.data(), who.scope, channel.get()) {
        return responder
            .error(&format!(
                "I'm not watching <#{channel}>. Start with /article watch."
            ))
            .await;
    }
    if let Err(e) = ctx
        .data()
        .store
        .set_setting(who.scope, &watch_key(channel.get()), None)
    {
        return responder.error(&e.to_string()).await;
    }
    responder
        .send(
            &info(
                "Stopped watching",
                format!("Messages in <#{channel}> are no longer added as articles."),
            ),
            vec![],
            true,
        )
        .await
}

fn extension(name: &str) -> Option<String> {
    name.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
}

/// A message's text is exactly one http(s) link (optionally in <…>).
fn single_url(text: &str) -> Option<String> {
    let t = text.trim().trim_start_matches('<').trim_end_matches('>');
    let one_word = !t.is_empty() && !t.contains(char::is_whitespace);
    (one_word
        && (t.starts_with("https://") || t.starts_with("http://"))
        && url::Url::parse(t).is_ok())
    .then(|| t.to_string())
}

/// A gateway message: ingest what it carries if its channel is watched.
pub async fn on_message(
    ctx: &serenity::Context,
    data: &Data,
    msg: &serenity::Message,
) -> Result<(), Error> {
    let Some(guild) = msg.guild_id else {
        return Ok(());
    };
    if msg.author.bot || msg.webhook_id.is_some() {
        return Ok(());
    }
    let scope = Scope::Guild(guild.get());
    if !is_watched(data, scope, msg.channel_id.get()) {
        return Ok(());
    }
    let contents = message_contents(data, msg).await;
    if contents.is_empty() {
        return Ok(());
    }
    let who = Caller {
        scope,
        name: Some(
            msg.author
                .global_name
                .clone()
                .unwrap_or_else(|| msg.author.name.clone()),
        ),
        can_manage: false,
    };
    let (lines, added) = add_all(data, &who, contents).await;
    acknowledge(ctx, msg, &lines, added).await;
    Ok(())
}

/// What a watched message carries, as `/article add` contents: its accepted
/// attachments (downloaded), else a single link, else (with the Message Content intent)
/// its text when long enough to be an article.
async fn message_contents(data: &Data, msg: &serenity::Message) -> Vec<Result<Content, String>> {
    let mut contents: Vec<Result<Content, String>> = Vec::new();
    for a in msg
        .attachments
        .iter()
        .filter(|a| extension(&a.filename).is_some_and(|e| ACCEPTED.contains(&e.as_str())))
        .take(MAX_ATTACHMENTS)
    {
        let bytes = download(&data.web, &a.url, download_cap(data)).await;
        contents.push(bytes.map(|bytes| Content::File {
            name: a.filename.clone(),
            bytes,
        }));
    }
    // Mentions of the bot are not part of the article.
    let text: String = msg
        .content
        .split_whitespace()
        .filter(|w| !(w.starts_with("<@") && w.ends_with('>')))
        .collect::<Vec<_>>()
        .join(" ");
    if contents.is_empty() {
        if let Some(url) = single_url(&text) {
            contents.push(Ok(Content::Url(url)));
        } else if data.config.message_content_intent
            && text.split_whitespace().count() >= MIN_PASTED_WORDS
        {
            contents.push(Ok(Content::Text(msg.content.clone())));
        }
    }
    contents
}

/// Adds each content as an article; returns a line per content for the reply and how
/// many were added.
async fn add_all(
    data: &Data,
    who: &Caller,
    contents: Vec<Result<Content, String>>,
) -> (Vec<String>, usize) {
    let mut lines = Vec::new();
    let mut added = 0;
    for content in contents {
        let outcome = match content {
            Err(e) => Err(e),
            Ok(content) => {
                let store = data.store.clone();
                let who = who.clone();
                let command = commands::Command::ArticleAdd {
                    content,
                    title: None,
                };
                match tokio::task::spawn_blocking(move || commands::execute(&store, &who, command))
                    .await
                {
                    Ok(Ok(response)) => Ok(response),
                    Ok(Err(e)) => Err(e.to_string()),
                    Err(e) => Err(format!(
                        "Something went wrong while reading it ({e}). Try /article add."
                    )),
                }
            }
        };
        match outcome {
            Ok(Response::Added { article }) => {
                added += 1;
                lines.push(format!(
                    "Added “{}” as `{}` — {} words. Found: {}. Try `/summary article:{}`.",
                    discord::escape(&discord::truncate(article.title(), 200)),
                    article.id,
                    article.doc.word_count(),
                    crate::render::text::found_summary(&article),
                    article.id
                ));
            }
            Ok(_) => {}
            Err(e) => lines.push(format!("Couldn't add it: {e}")),
        }
    }
    (lines, added)
}

/// Reacts to the message and answers in a thread on it (or as a reply where no thread
/// is allowed); failures are logged, the articles are added either way.
async fn acknowledge(
    ctx: &serenity::Context,
    msg: &serenity::Message,
    lines: &[String],
    added: usize,
) {
    let reaction = if added > 0 {
        ADDED_REACTION
    } else {
        FAILED_REACTION
    };
    if let Err(e) = msg
        .react(&ctx.http, serenity::ReactionType::Unicode(reaction.into()))
        .await
    {
        tracing::warn!("reacting to a watched message failed: {e}");
    }
    let reply = discord::truncate(&lines.join("\n"), 1900);
    let thread_name = discord::truncate(
        if added > 0 {
            "Article added"
        } else {
            "Article not added"
        },
        100,
    );
    let thread = msg
        .channel_id
        .create_thread_from_message(&ctx.http, msg.id, serenity::CreateThread::new(thread_name))
        .await;
    let message = serenity::CreateMessage::new()
        .content(reply)
        .allowed_mentions(serenity::CreateAllowedMentions::new());
    let sent = match thread {
        Ok(t) => t.id.send_message(&ctx.http, message).await,
        // No thread allowed (or already in a thread): answer as a reply instead.
        Err(_) => {
            msg.channel_id
                .send_message(&ctx.http, message.reference_message(msg))
                .await
        }
    };
    if let Err(e) = sent {
        tracing::warn!("replying to a watched message failed: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_lone_link_counts_as_an_article_link() {
        assert_eq!(
            single_url(" https://example.com/news/a-story "),
            Some("https://example.com/news/a-story".into())
        );
        assert_eq!(
            single_url("<https://example.com/x>"),
            Some("https://example.com/x".into())
        );
        assert_eq!(single_url("look at https://example.com/x"), None);
        assert_eq!(single_url("ftp://example.com/x"), None);
        assert_eq!(single_url(""), None);
    }
}
