//! The `/briefing` command tree. `post` lives here; further subcommands (schedule,
//! preview, list, stop, watched channels) live in their own modules and join the tree
//! by being listed in [`subcommands`].
//!
//! `/briefing` needs Manage Messages: Discord hides it from other members through
//! `default_member_permissions` on the top-level command, and every subcommand checks
//! again at run time with [`require_manager`].

use super::reply::Responder;
use super::{Command, Context, Error, caller};
use crate::render::discord::{self, Page};
use crate::store::Scope;
use chrono::{DateTime, Duration as Span, NaiveDate, Utc};
use poise::serenity_prelude as serenity;

/// At most this many articles go into one posted briefing (newest first).
const MAX_ARTICLES: usize = 20;
/// Without `since`, a briefing covers this many days.
const DEFAULT_DAYS: i64 = 7;

/// The `/briefing` command with all its subcommands.
pub fn briefing() -> Command {
    let mut command = briefing_root();
    command.subcommands = subcommands();
    command.subcommand_required = true;
    command
}

/// Every `/briefing` subcommand. Add new ones here.
pub fn subcommands() -> Vec<Command> {
    vec![post()]
}

/// Team briefings: digests of this server's articles.
#[poise::command(slash_command, rename = "briefing", default_member_permissions = "MANAGE_MESSAGES")]
pub async fn briefing_root(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// The runtime half of the permission rule: answers ephemerally and returns false when
/// the caller lacks Manage Messages.
pub async fn require_manager(ctx: Context<'_>, responder: &mut Responder) -> Result<bool, Error> {
    if caller(ctx).can_manage {
        return Ok(true);
    }
    responder
        .error("Briefings need the Manage Messages permission. Ask a moderator, or an admin can grant it to your role.")
        .await?;
    Ok(false)
}

/// `since`: "24h", "3d", "2w", or a date (YYYY-MM-DD); `None` on nonsense.
pub fn parse_since(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let v = value.trim().to_ascii_lowercase();
    if let Ok(date) = NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
        return date.and_hms_opt(0, 0, 0).map(|d| d.and_utc());
    }
    let split = v.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = v.split_at(split);
    let n: i64 = n.parse().ok().filter(|n| *n > 0 && *n <= 10_000)?;
    let span = match unit.trim() {
        "m" | "min" | "mins" | "minute" | "minutes" => Span::minutes(n),
        "h" | "hr" | "hrs" | "hour" | "hours" => Span::hours(n),
        "d" | "day" | "days" => Span::days(n),
        "w" | "week" | "weeks" => Span::weeks(n),
        _ => return None,
    };
    now.checked_sub_signed(span)
}

/// The briefing messages for `scope`'s articles added since `since`; `None` when there
/// are none.
pub fn briefing_messages(store: &crate::store::Store, scope: Scope, since: DateTime<Utc>, label: &str) -> Option<(usize, Vec<Page>)> {
    let mut recent: Vec<_> = store.articles(scope).into_iter().filter(|a| a.added_at >= since).collect();
    if recent.is_empty() {
        return None;
    }
    recent.reverse();
    let count = recent.len();
    recent.truncate(MAX_ARTICLES);
    let more = count.saturating_sub(MAX_ARTICLES);
    let mut title = format!("**Briefing** — {count} article{} {label}", if count == 1 { "" } else { "s" });
    if more > 0 {
        title.push_str(&format!(" (newest {MAX_ARTICLES} shown; /article list has all)"));
    }
    Some((count, discord::briefing_pages(&title, &recent)))
}

/// Post a digest of recent articles to a channel.
#[poise::command(slash_command)]
pub async fn post(
    ctx: Context<'_>,
    #[description = "Where to post it (default: here)"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread")]
    channel: Option<serenity::ChannelId>,
    #[description = "Articles added since: 24h, 3d, 2w or a date like 2025-04-01 (default: 7d)"]
    #[max_length = 40]
    since: Option<String>,
) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else { return Ok(()) };
    if !require_manager(ctx, &mut responder).await? {
        return Ok(());
    }
    let now = Utc::now();
    let (cutoff, label) = match since.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => (now - Span::days(DEFAULT_DAYS), format!("from the last {DEFAULT_DAYS} days")),
        Some(s) => match parse_since(s, now) {
            Some(t) => (t, format!("since {}", t.format("%Y-%m-%d %H:%M UTC"))),
            None => {
                return responder
                    .error(&format!(
                        "I can't read `since:{}`. Use a span like 24h, 3d or 2w, or a date like 2025-04-01.",
                        discord::truncate(s, 40)
                    ))
                    .await;
            }
        },
    };
    responder.defer(true).await?;
    let target = channel.unwrap_or_else(|| ctx.channel_id());
    let store = ctx.data().store.clone();
    let scope = caller(ctx).scope;
    let built = tokio::task::spawn_blocking(move || briefing_messages(&store, scope, cutoff, &label))
        .await
        .map_err(|e| Error::Task(e.to_string()))?;
    let Some((count, pages)) = built else {
        return responder
            .error("No articles were added in that time. Try a longer `since:` (e.g. 30d) or add articles with /article add.")
            .await;
    };
    let http = ctx.serenity_context().http.clone();
    for page in &pages {
        let mut message = serenity::CreateMessage::new()
            .embeds(page.embeds.iter().map(discord::to_create_embed).collect())
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
    let mut done = discord::EmbedSpec::new("Briefing posted", discord::COLOR_BRIEFING);
    done.description = format!(
        "Posted {count} article{} to <#{target}> in {} message{}.",
        if count == 1 { "" } else { "s" },
        pages.len(),
        if pages.len() == 1 { "" } else { "s" }
    );
    responder.send(&Page { content: String::new(), embeds: vec![done] }, vec![], true).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_accepts_spans_and_dates() {
        let now = DateTime::parse_from_rfc3339("2026-11-29T12:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(parse_since("24h", now), Some(now - Span::hours(24)));
        assert_eq!(parse_since("3 days", now), Some(now - Span::days(3)));
        assert_eq!(parse_since("2w", now), Some(now - Span::weeks(2)));
        assert_eq!(parse_since("2026-11-01", now).map(|t| t.to_rfc3339()), Some("2026-11-01T00:00:00+00:00".into()));
        for bad in ["", "soon", "0d", "-3d", "5 fortnights", "99999999d"] {
            assert_eq!(parse_since(bad, now), None, "{bad}");
        }
    }
}
