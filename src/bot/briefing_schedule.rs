//! `/briefing preview|schedule|list|stop`, and the Discord side of the briefing
//! scheduler: the sink that posts a due briefing to its channel.
//!
//! The schedules themselves live in the store (see `briefing::schedule`); these commands
//! edit them and wake the scheduler. Scheduling and stopping need Manage Messages.
//! Notices the scheduler left for the guild (a schedule switched off because the bot
//! lost access to its channel) are shown with the next reply of these commands.

use super::reply::{Responder, require_manager};
use super::{Command, Context, Error, caller, embed};
use crate::briefing::render::OutgoingMessage;
use crate::briefing::schedule::{self, Schedule, parse_days, parse_time};
use crate::briefing::scheduler::{BoxFuture, BriefingSink, PostError};
use crate::briefing::{self, parse_timezone};
use crate::commands::{self, Response};
use crate::render::discord::{self, EmbedSpec, Page};
use crate::store::{Scope, Store};
use chrono::{DateTime, Utc};
use poise::serenity_prelude as serenity;
use std::fmt::Write as _;
use std::sync::Arc;

/// The `/briefing` subcommands this module adds.
pub fn subcommands() -> Vec<Command> {
    vec![preview(), schedule(), list(), stop()]
}

/// Posts briefings with the bot's REST client.
pub struct DiscordSink {
    pub http: Arc<serenity::Http>,
}

/// Whether a failed post means the channel is out of reach for good (deleted, or the
/// bot lost View Channel / Send Messages / Embed Links), as opposed to a passing failure.
fn unreachable_reason(e: &serenity::Error) -> Option<String> {
    if let serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(response)) = e {
        let status = response.status_code.as_u16();
        if status == 403 || status == 404 {
            let what = if status == 404 {
                "the channel no longer exists"
            } else {
                "I am not allowed to post there"
            };
            return Some(format!(
                "{what} (Discord said: {})",
                discord::truncate(&response.error.message, 200)
            ));
        }
    }
    None
}

impl BriefingSink for DiscordSink {
    fn post(
        &self,
        _scope: Scope,
        channel_id: u64,
        messages: Vec<OutgoingMessage>,
    ) -> BoxFuture<'_, Result<(), PostError>> {
        Box::pin(async move {
            let channel = serenity::ChannelId::new(channel_id.max(1));
            for m in &messages {
                let page = discord::outgoing_page(m);
                let mut mentions = serenity::CreateAllowedMentions::new();
                if let Some(role) = m.mention_role {
                    mentions = mentions.roles(vec![serenity::RoleId::new(role.max(1))]);
                }
                let mut message = serenity::CreateMessage::new()
                    .embeds(page.embeds.iter().map(embed::to_create_embed).collect())
                    .allowed_mentions(mentions);
                if !page.content.is_empty() {
                    message = message.content(page.content.clone());
                }
                if let Err(e) = self.http.send_message(channel, vec![], &message).await {
                    return Err(match unreachable_reason(&e) {
                        Some(reason) => PostError::Unreachable(reason),
                        None => PostError::Transient(e.to_string()),
                    });
                }
            }
            Ok(())
        })
    }
}

/// `<t:…:F>` (full local date and time for each reader) and `<t:…:R>` ("in 3 hours").
fn discord_time(t: DateTime<Utc>) -> String {
    format!("<t:{0}:F> (<t:{0}:R>)", t.timestamp())
}

/// Notices waiting for this guild's admins, as a field.
fn notices_field(store: &Store, scope: Scope) -> Option<discord::FieldSpec> {
    let notices = schedule::take_notices(store, scope);
    (!notices.is_empty())
        .then(|| discord::FieldSpec::new("⚠️ Notice", discord::truncate(&notices.join("\n"), 1024)))
}

fn reply_page(title: &str, description: String, store: &Store, scope: Scope) -> Page {
    let mut e = EmbedSpec::new(title, discord::COLOR_BRIEFING);
    e.description = description;
    if let Some(f) = notices_field(store, scope) {
        e.fields.push(f);
    }
    Page {
        content: String::new(),
        embeds: vec![e],
    }
}

/// Preview a briefing, visible only to you (nothing is posted).
#[poise::command(slash_command)]
pub async fn preview(
    ctx: Context<'_>,
    #[description = "Since: 24h, 3d, 2w or a date like 2025-04-01 (default: since this channel's last briefing)"]
    #[max_length = 40]
    since: Option<String>,
    #[description = "Only articles about these words (commas separate alternatives)"]
    #[max_length = 100]
    topic: Option<String>,
) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    responder.defer(true).await?;
    let who = caller(ctx);
    let scope = who.scope;
    let command = commands::Command::BriefingPost {
        channel: Some(ctx.channel_id().get().to_string()),
        since: since.filter(|s| !s.trim().is_empty()),
        topic: topic.filter(|t| !t.trim().is_empty()),
    };
    let response = match responder.execute(ctx.data(), who, command).await? {
        Ok(r) => r,
        Err(e) => return responder.error(&e.to_string()).await,
    };
    let Response::Briefing { digest, .. } = response else {
        return responder
            .error("Something went wrong while building the preview. Please try again.")
            .await;
    };
    let messages = briefing::render::discord_messages(&digest, Default::default());
    let count = messages.len();
    for (i, m) in messages.iter().enumerate() {
        let mut page = discord::outgoing_page(m);
        if i == 0 {
            page.content = discord::truncate(
                &format!("**Preview** (only you see this) — {}", page.content),
                2000,
            );
        }
        if i + 1 == count
            && let Some(f) = notices_field(&ctx.data().store, scope)
        {
            let mut e = EmbedSpec::new("Notice", discord::COLOR_ERROR);
            e.fields.push(f);
            if page.embeds.len() < 10 {
                page.embeds.push(e);
            }
        }
        responder.send(&page.clamped(), vec![], true).await?;
    }
    Ok(())
}

/// Post a briefing to a channel every day (or on chosen days) at a set time.
#[poise::command(slash_command)]
#[allow(clippy::too_many_arguments)]
pub async fn schedule(
    ctx: Context<'_>,
    #[description = "Where to post it"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread")]
    channel: serenity::ChannelId,
    #[description = "Local time, 24-hour HH:MM (e.g. 08:00)"]
    #[max_length = 10]
    time: String,
    #[description = "IANA time zone, e.g. Europe/Berlin or America/New_York (default: UTC)"]
    #[max_length = 64]
    timezone: Option<String>,
    #[description = "Days: daily (default), weekdays, weekends, or e.g. mon,wed,fri"]
    #[max_length = 60]
    days: Option<String>,
    #[description = "Only articles about these words (commas separate alternatives)"]
    #[max_length = 100]
    topic: Option<String>,
    #[description = "A role to mention in each briefing"] mention: Option<serenity::RoleId>,
    #[description = "Post a one-line \"no new articles\" on quiet days (default: post nothing)"]
    when_empty: Option<bool>,
) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    if !require_manager(ctx, &mut responder).await? {
        return Ok(());
    }
    let who = caller(ctx);
    let store = ctx.data().store.clone();
    let now = ctx.data().briefings.now();
    let parsed = (|| -> crate::Result<Schedule> {
        let time = parse_time(&time)?;
        let tz = match timezone.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => parse_timezone(t)?,
            None => chrono_tz::Tz::UTC,
        };
        let mut s = Schedule::new(channel.get(), time, tz, now);
        if let Some(d) = days.as_deref().filter(|d| !d.trim().is_empty()) {
            s.days = parse_days(d)?;
        }
        s.topic = topic
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        s.mention_role = mention.map(|r| r.get());
        s.post_when_empty = when_empty.unwrap_or(false);
        s.created_by = who.name.clone();
        Ok(s)
    })();
    let s = match parsed {
        Ok(s) => s,
        Err(e) => return responder.error(&e.to_string()).await,
    };
    let replaced = match schedule::save_schedule(&store, who.scope, &s) {
        Ok(r) => r,
        Err(e) => return responder.error(&e.to_string()).await,
    };
    ctx.data().briefings.reschedule();
    let last = schedule::last_run(&store, who.scope, s.channel_id);
    let next = s.due_after_last(last.as_ref());
    let mut text = format!("<#{}> gets a briefing {}.", s.channel_id, s.describe_when());
    if let Some(t) = &s.topic {
        let _ = write!(text, "\nTopic: {}", discord::escape(t));
    }
    if let Some(r) = s.mention_role {
        let _ = write!(text, "\nMentions <@&{r}>.");
    }
    let _ = write!(
        text,
        "\n{}\nNext: {}",
        if s.post_when_empty {
            "A quiet day gets a one-line note."
        } else {
            "A quiet day posts nothing."
        },
        discord_time(next)
    );
    if replaced.is_some() {
        text.push_str("\n(This replaces the channel's earlier schedule.)");
    }
    responder
        .send(
            &reply_page("Briefing scheduled", text, &store, who.scope),
            vec![],
            true,
        )
        .await
}

/// List this server's briefing schedules.
#[poise::command(slash_command)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    let scope = caller(ctx).scope;
    let store = ctx.data().store.clone();
    let schedules = schedule::load_schedules(&store, scope);
    let text = if schedules.is_empty() {
        "No briefings are scheduled here. Set one up with `/briefing schedule channel:#news time:08:00`.".to_string()
    } else {
        let mut lines = Vec::new();
        for s in &schedules {
            let mut line = format!("<#{}> — {}", s.channel_id, s.describe_when());
            if let Some(t) = &s.topic {
                let _ = write!(
                    line,
                    " · topic: {}",
                    discord::escape(&discord::truncate(t, 60))
                );
            }
            if let Some(r) = s.mention_role {
                let _ = write!(line, " · mentions <@&{r}>");
            }
            let last = schedule::last_run(&store, scope, s.channel_id);
            if s.enabled {
                let _ = write!(
                    line,
                    "\n  next {}",
                    discord_time(s.due_after_last(last.as_ref()))
                );
            } else {
                let _ = write!(
                    line,
                    "\n  ⏸ switched off: {}",
                    s.disabled_reason.as_deref().unwrap_or("unknown reason")
                );
            }
            if let Some(l) = last {
                let _ = write!(
                    line,
                    " · last <t:{}:R> ({} articles)",
                    l.ran_at.timestamp(),
                    l.articles
                );
            }
            lines.push(line);
        }
        discord::truncate(&lines.join("\n"), 4000)
    };
    responder
        .send(
            &reply_page(
                &format!("Briefing schedules ({})", schedules.len()),
                text,
                &store,
                scope,
            ),
            vec![],
            true,
        )
        .await
}

/// Stop a channel's scheduled briefing.
#[poise::command(slash_command)]
pub async fn stop(
    ctx: Context<'_>,
    #[description = "Which channel's briefing to stop (default: this channel)"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread")]
    channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    if !require_manager(ctx, &mut responder).await? {
        return Ok(());
    }
    let scope = caller(ctx).scope;
    let store = ctx.data().store.clone();
    let channel = channel.unwrap_or_else(|| ctx.channel_id());
    match schedule::remove_schedule(&store, scope, channel.get()) {
        Ok(Some(s)) => {
            ctx.data().briefings.reschedule();
            let text = format!("<#{}> no longer gets its briefing ({}).", s.channel_id, s.describe_when());
            responder.send(&reply_page("Briefing stopped", text, &store, scope), vec![], true).await
        }
        Ok(None) => {
            responder
                .error(&format!("<#{channel}> has no scheduled briefing. `/briefing list` shows the ones this server has."))
                .await
        }
        Err(e) => responder.error(&e.to_string()).await,
    }
}
