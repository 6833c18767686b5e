//! The `/briefing` command tree. `post` lives here; further subcommands (schedule,
//! preview, list, stop, watched channels) live in their own modules and join the tree
//! by being listed in [`subcommands`].
//!
//! `/briefing` needs Manage Messages: Discord hides it from other members through
//! `default_member_permissions` on the top-level command, and every subcommand checks
//! again at run time with [`require_manager`].

use super::reply::{Responder, require_manager};
use super::{Command, Context, Error, caller, embed};
use crate::commands::{Command as Command_, Response};
use crate::render::discord::{self, Page};
use poise::serenity_prelude as serenity;

/// The `/briefing` command with all its subcommands.
pub fn briefing() -> Command {
    let mut command = briefing_root();
    command.subcommands = subcommands();
    command.subcommand_required = true;
    command
}

/// Every `/briefing` subcommand. Add new ones here.
pub fn subcommands() -> Vec<Command> {
    let mut all = vec![post()];
    all.extend(super::briefing_schedule::subcommands());
    all
}

/// Team briefings: digests of this server's articles.
#[poise::command(
    slash_command,
    rename = "briefing",
    default_member_permissions = "MANAGE_MESSAGES"
)]
pub async fn briefing_root(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Post a digest of recent articles to a channel.
#[poise::command(slash_command)]
pub async fn post(
    ctx: Context<'_>,
    #[description = "Where to post it (default: here)"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread")]
    channel: Option<serenity::ChannelId>,
    #[description = "Since: 24h, 3d, 2w or a date like 2025-04-01 (default: since the last briefing, or 24h)"]
    #[max_length = 40]
    since: Option<String>,
    #[description = "Only articles about this"]
    #[max_length = 100]
    topic: Option<String>,
) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    if !require_manager(ctx, &mut responder).await? {
        return Ok(());
    }
    // Building and posting a digest may take a while: acknowledge first, privately.
    responder.defer(true).await?;
    let target = channel.unwrap_or_else(|| ctx.channel_id());
    let command = Command_::BriefingPost {
        channel: Some(target.get().to_string()),
        since: since
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        topic: topic
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
    };
    let digest = match responder.execute(ctx.data(), caller(ctx), command).await? {
        Ok(Response::Briefing { digest, .. }) if digest.is_empty() => {
            return responder
                .error("No articles were added in that period, so there is nothing to post. Try a longer `since:` (e.g. 7d) or add articles with /article add.")
                .await;
        }
        Ok(Response::Briefing { digest, .. }) => digest,
        Ok(_) => {
            return responder
                .error("That did not produce a briefing. Try /briefing post again.")
                .await;
        }
        Err(e) => return responder.error(&e.to_string()).await,
    };
    let laid_out = digest.clone();
    let pages = tokio::task::spawn_blocking(move || discord::briefing_pages(&laid_out))
        .await
        .map_err(|e| Error::Task(e.to_string()))?;
    let http = ctx.serenity_context().http.clone();
    for page in &pages {
        let mut message = serenity::CreateMessage::new()
            .embeds(page.embeds.iter().map(embed::to_create_embed).collect())
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        if !page.content.is_empty() {
            message = message.content(page.content.clone());
        }
        if let Err(e) = http.send_message(target, vec![], &message).await {
            tracing::warn!("posting a briefing to {target} failed: {e}");
            return responder
                .error(&format!(
                    "I couldn't post in <#{target}>. Give me View Channel, Send Messages and Embed Links there, or pick another channel."
                ))
                .await;
        }
    }
    // The channel's next scheduled briefing starts after what was just posted.
    let (store, scope, now) = (
        ctx.data().store.clone(),
        caller(ctx).scope,
        ctx.data().briefings.now(),
    );
    let marked = tokio::task::spawn_blocking(move || {
        crate::briefing::mark_posted(&store, scope, target.get(), &digest, now)
    })
    .await;
    if !matches!(marked, Ok(Ok(()))) {
        tracing::warn!("could not record the briefing posted to {target}");
    }
    let mut done = discord::EmbedSpec::new("Briefing posted", discord::COLOR_BRIEFING);
    done.description = format!(
        "Posted the briefing to <#{target}> in {} message{}.",
        pages.len(),
        if pages.len() == 1 { "" } else { "s" }
    );
    responder
        .send(
            &Page {
                content: String::new(),
                embeds: vec![done],
            },
            vec![],
            true,
        )
        .await
}
