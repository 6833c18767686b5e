//! The Discord bot: poise slash commands as thin glue over `commands::execute` (run on
//! the blocking pool) and `render::discord` (embeds within Discord's limits).
//!
//! - `article`: `/article add|list|show|remove`, and the paste-an-article modal.
//! - `answers`: `/who-said`, `/key-figures`, `/people`, `/timeline`, `/summary`, `/ask`, `/search`.
//! - `briefing`: the `/briefing` command tree (`post` here; more subcommands plug in
//!   through [`briefing::subcommands`]).
//! - `briefing_schedule`: `/briefing preview|schedule|list|stop` and the sink the
//!   briefing scheduler posts through; the scheduler task starts with the bot.
//! - `help`: `/help`.
//! - `watch`: `/article watch|unwatch`; messages in watched channels become articles.
//! - `reply`: answering an interaction — acknowledge within Discord's 3 s, defer what may
//!   be slow, ephemeral errors, paged answers with buttons.
//! - `pager`: the buttons' custom ids, which carry the command and the page so paging
//!   keeps working after a restart.
//! - `autocomplete`: article titles for every `article` option.
//!
//! Data is per scope: a guild, or the user in DMs. Nothing here reads another scope.
//! Configuration: `DISCORD_TOKEN`, `DISCORD_GUILD_ID` (register commands in that guild
//! instead of globally), `DISCORD_API_BASE` (REST base URL, e.g. a rate-limit proxy or a
//! test fake; the gateway URL then comes from its `GET /api/v10/gateway`) and
//! `DISCORD_SHARDS` (`first..last/total`; unset = autosharding).

pub mod answers;
pub mod article;
pub mod autocomplete;
pub mod briefing;
pub mod briefing_schedule;
pub mod embed;
pub mod help;
pub mod pager;
pub mod reply;
pub mod watch;

use crate::commands::Caller;
use crate::config::Config;
use crate::store::{Scope, Store};
use poise::serenity_prelude as serenity;
use std::sync::Arc;
use std::time::Duration;

/// Shared state of every command handler.
pub struct Data {
    pub store: Arc<Store>,
    pub config: Config,
    /// For downloading attachments.
    pub web: reqwest::Client,
    /// Permits for command work on the blocking pool: about one per CPU, so analysis
    /// never starves the tasks that acknowledge interactions.
    pub workers: Arc<tokio::sync::Semaphore>,
    /// Wakes the briefing scheduler when a schedule changes.
    pub briefings: crate::briefing::scheduler::SchedulerHandle,
}

/// What a command handler can fail with. User-facing problems (`crate::Error`) are
/// answered inside the handlers; these reach `on_error` only when Discord itself fails.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("Discord request failed: {0}")]
    Discord(#[from] serenity::Error),
    #[error("{0}")]
    Newsdesk(#[from] crate::Error),
    #[error("internal task failed: {0}")]
    Task(String),
}

pub type Context<'a> = poise::Context<'a, Data, Error>;
pub type Command = poise::Command<Data, Error>;

/// Stops a running bot from elsewhere (tests, the Ctrl-C handler).
#[derive(Clone)]
pub struct Shutdown(Arc<tokio::sync::watch::Sender<bool>>);

impl Default for Shutdown {
    fn default() -> Self {
        Shutdown(Arc::new(tokio::sync::watch::channel(false).0))
    }
}

impl Shutdown {
    pub fn new() -> Shutdown {
        Shutdown::default()
    }
    /// Asks the bot to disconnect all shards and return.
    pub fn trigger(&self) {
        self.0.send_replace(true);
    }
    pub async fn wait(&self) {
        let mut rx = self.0.subscribe();
        let _ = rx.wait_for(|stop| *stop).await;
    }
}

/// A range of shards to run: `first..=last` out of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

/// Parses `DISCORD_SHARDS`: `first..last/total` (inclusive), or a single `n/total`.
pub fn parse_shards(value: &str) -> crate::Result<ShardRange> {
    let bad = || {
        crate::Error::Config(format!(
            "DISCORD_SHARDS={value:?} is not valid: write first..last/total, e.g. 0..3/8 for shards 0 to 3 of 8 \
             (or leave it empty for autosharding)."
        ))
    };
    let (range, total) = value.trim().split_once('/').ok_or_else(bad)?;
    let total: u32 = total.trim().parse().map_err(|_| bad())?;
    let (first, last) = match range.split_once("..") {
        Some((a, b)) => (
            a.trim().parse().map_err(|_| bad())?,
            b.trim()
                .trim_start_matches('=')
                .parse()
                .map_err(|_| bad())?,
        ),
        None => {
            let n: u32 = range.trim().parse().map_err(|_| bad())?;
            (n, n)
        }
    };
    if total == 0 || first > last || last >= total {
        return Err(bad());
    }
    Ok(ShardRange { first, last, total })
}

/// Whose data a command reads and changes.
pub fn scope_of(guild: Option<serenity::GuildId>, user: serenity::UserId) -> Scope {
    match guild {
        Some(g) => Scope::Guild(g.get()),
        None => Scope::User(user.get()),
    }
}

/// True when the member may moderate: Manage Messages or Administrator in this channel
/// (as Discord resolved it in the interaction), or anyone in their own DMs.
pub fn can_manage(guild: Option<serenity::GuildId>, member: Option<&serenity::Member>) -> bool {
    if guild.is_none() {
        return true;
    }
    member
        .and_then(|m| m.permissions)
        .is_some_and(|p| p.manage_messages() || p.administrator())
}

/// The caller of a slash command.
pub fn caller(ctx: Context<'_>) -> Caller {
    let (member, guild) = match ctx {
        poise::Context::Application(a) => (a.interaction.member.as_deref(), a.interaction.guild_id),
        poise::Context::Prefix(p) => (None, p.msg.guild_id),
    };
    Caller {
        scope: scope_of(guild, ctx.author().id),
        name: Some(
            ctx.author()
                .global_name
                .clone()
                .unwrap_or_else(|| ctx.author().name.clone()),
        ),
        can_manage: can_manage(guild, member),
    }
}

/// Every command, in the order `/help` lists them.
pub fn commands() -> Vec<Command> {
    vec![
        {
            let mut article = article::article();
            article.subcommands.extend(watch::subcommands());
            article
        },
        answers::who_said(),
        answers::key_figures(),
        answers::people(),
        answers::timeline(),
        answers::summary(),
        answers::ask(),
        answers::search(),
        briefing::briefing(),
        help::help(),
    ]
}

/// Runs the bot with the store under `NEWSDESK_DATA_DIR` until Ctrl-C.
pub async fn run(config: Config) -> crate::Result<()> {
    let (store, report) = Store::open_with(
        &config.data_dir,
        config.limits.clone(),
        config.compact_every,
    )?;
    tracing::info!(
        "loaded {} articles in {} scopes from {} in {:.1}s",
        report.articles,
        report.scopes,
        config.data_dir.display(),
        report.seconds
    );
    let store = Arc::new(store);
    let shutdown = Shutdown::new();
    let on_signal = shutdown.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_signal.trigger();
        }
    });
    run_with(config, store, shutdown).await
}

/// Runs the bot over `store` until `shutdown` is triggered or every shard stops.
/// Callable in-process (tests point `config.discord_api_base` at a fake Discord).
pub async fn run_with(config: Config, store: Arc<Store>, shutdown: Shutdown) -> crate::Result<()> {
    run_with_clock(
        config,
        store,
        shutdown,
        Arc::new(crate::briefing::scheduler::SystemClock),
    )
    .await
}

/// [`run_with`], with the briefing scheduler on `clock` (tests inject a manual one).
pub async fn run_with_clock(
    config: Config,
    store: Arc<Store>,
    shutdown: Shutdown,
    clock: Arc<dyn crate::briefing::scheduler::Clock>,
) -> crate::Result<()> {
    let token = config.discord_token.clone().ok_or_else(|| {
        crate::Error::Config(
            "DISCORD_TOKEN is not set: put the bot token from the Discord developer portal in the environment or .env."
                .into(),
        )
    })?;
    let shards = config
        .discord_shards
        .as_deref()
        .map(parse_shards)
        .transpose()?;
    let mut http = serenity::HttpBuilder::new(&token);
    if let Some(base) = &config.discord_api_base {
        // In serenity 0.12 the proxy base only applies with the built-in rate limiter off;
        // a rate-limit proxy (or the test fake) is then in charge of limits.
        http = http
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    let web = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| crate::Error::Config(format!("Cannot set up the HTTP client: {e}")))?;
    let guild_id = config.discord_guild_id;
    let message_content = config.message_content_intent;
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let workers = Arc::new(tokio::sync::Semaphore::new(
        cpus.clamp(1, config.limits.max_concurrent_requests.max(1)),
    ));

    let briefings = crate::briefing::scheduler::SchedulerHandle::new(clock);
    let scheduler_store = store.clone();
    let data = Data {
        store,
        config,
        web,
        workers,
        briefings: briefings.clone(),
    };

    let options = poise::FrameworkOptions {
        commands: commands(),
        on_error: |error| Box::pin(reply::on_error(error)),
        event_handler: |framework, event| Box::pin(on_event(framework, event)),
        initialize_owners: false,
        ..Default::default()
    };
    let framework = poise::Framework::builder()
        .options(options)
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                let commands = &framework.options().commands;
                let registered = match guild_id {
                    Some(g) => {
                        poise::builtins::register_in_guild(ctx, commands, serenity::GuildId::new(g))
                            .await
                    }
                    None => poise::builtins::register_globally(ctx, commands).await,
                };
                match registered {
                    Ok(()) => tracing::info!(
                        "connected as {}; {} commands registered {}",
                        ready.user.name,
                        commands.len(),
                        guild_id
                            .map(|g| format!("in guild {g}"))
                            .unwrap_or_else(|| "globally".into())
                    ),
                    Err(e) => tracing::error!("registering slash commands failed: {e}"),
                }
                Ok(data)
            })
        })
        .build();

    // Guild messages feed watched channels (/article watch); their text, attachments and
    // links need the privileged Message Content intent unless the bot is mentioned.
    let mut intents = serenity::GatewayIntents::GUILDS | serenity::GatewayIntents::GUILD_MESSAGES;
    if message_content {
        intents |= serenity::GatewayIntents::MESSAGE_CONTENT;
    }
    let mut client = serenity::ClientBuilder::new_with_http(http.build(), intents)
        .framework(framework)
        .await
        .map_err(|e| crate::Error::Config(format!("Cannot start the Discord client: {e}")))?;
    // The briefing scheduler starts with the bot: it posts what was missed while the bot
    // was down, then sleeps until the next due briefing.
    let sink = Arc::new(briefing_schedule::DiscordSink {
        http: client.http.clone(),
    });
    let scheduler =
        crate::briefing::scheduler::Scheduler::with_handle(scheduler_store, sink, &briefings);
    let (scheduler_task, _) = scheduler.spawn();
    let manager = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown.wait().await;
        scheduler_task.abort();
        manager.shutdown_all().await;
    });
    let started = match shards {
        None => client.start_autosharded().await,
        Some(r) => client.start_shard_range(r.first..r.last, r.total).await,
    };
    started.map_err(|e| {
        crate::Error::Config(format!(
            "The Discord connection failed: {e}. Check DISCORD_TOKEN (and DISCORD_API_BASE if you set it)."
        ))
    })
}

/// Gateway events poise does not handle itself: button presses and modal submissions.
async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    if let serenity::FullEvent::Message { new_message } = event {
        return watch::on_message(ctx, data, new_message).await;
    }
    let serenity::FullEvent::InteractionCreate { interaction } = event else {
        return Ok(());
    };
    match interaction {
        serenity::Interaction::Component(press) => reply::on_button(ctx, data, press).await,
        serenity::Interaction::Modal(submit) => article::on_modal(ctx, data, submit).await,
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_ranges_parse_and_validate() {
        assert_eq!(
            parse_shards("0..3/8").unwrap(),
            ShardRange {
                first: 0,
                last: 3,
                total: 8
            }
        );
        assert_eq!(
            parse_shards(" 2 / 4 ").unwrap(),
            ShardRange {
                first: 2,
                last: 2,
                total: 4
            }
        );
        assert_eq!(
            parse_shards("4..=7/8").unwrap(),
            ShardRange {
                first: 4,
                last: 7,
                total: 8
            }
        );
        for bad in ["", "3", "0..8/8", "5..2/8", "0..1/0", "a..b/c"] {
            let e = parse_shards(bad).unwrap_err().to_string();
            assert!(e.contains("DISCORD_SHARDS"), "{bad}: {e}");
        }
    }

    #[test]
    fn dms_are_per_user_and_guilds_per_guild() {
        let user = serenity::UserId::new(42);
        assert_eq!(scope_of(None, user), Scope::User(42));
        assert_eq!(
            scope_of(Some(serenity::GuildId::new(7)), user),
            Scope::Guild(7)
        );
        assert!(can_manage(None, None));
        assert!(!can_manage(Some(serenity::GuildId::new(7)), None));
    }
}
