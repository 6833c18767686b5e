//! Answering an interaction the way Discord expects: the first response within 3 s
//! (anything slower is deferred first, and anything that might be slow is deferred after
//! [`DEFER_AFTER`] at the latest), answers as embeds with prev/next buttons when they run
//! over one page, and errors ephemeral — also after a public deferral, by deleting the
//! "thinking…" message and sending the error as an ephemeral follow-up.

use super::{Context, Data, Error, autocomplete, caller, can_manage, embed, pager, scope_of};
use crate::commands::{self, Caller, Command, Response};
use crate::render::discord::{self, Page};
use poise::serenity_prelude as serenity;
use std::sync::Arc;
use std::time::Duration;

/// A command still running after this long gets a deferred response, well inside
/// Discord's 3 s.
pub const DEFER_AFTER: Duration = Duration::from_millis(1000);

/// One interaction's response channel, for slash commands, buttons and modals alike.
pub struct Responder {
    http: Arc<serenity::Http>,
    id: serenity::InteractionId,
    token: String,
    acknowledged: bool,
    deferred: bool,
    /// A button press answers by updating the message it is on.
    component: bool,
}

impl Responder {
    pub fn new(http: Arc<serenity::Http>, id: serenity::InteractionId, token: &str) -> Responder {
        Responder {
            http,
            id,
            token: token.to_string(),
            acknowledged: false,
            deferred: false,
            component: false,
        }
    }

    pub fn for_component(
        http: Arc<serenity::Http>,
        press: &serenity::ComponentInteraction,
    ) -> Responder {
        Responder {
            component: true,
            ..Responder::new(http, press.id, &press.token)
        }
    }

    pub fn for_command(ctx: Context<'_>) -> Option<Responder> {
        match ctx {
            poise::Context::Application(a) => {
                let r = Responder::new(
                    ctx.serenity_context().http.clone(),
                    a.interaction.id,
                    &a.interaction.token,
                );
                // Tell poise we answer ourselves, so its error path does not answer twice.
                a.has_sent_initial_response
                    .store(true, std::sync::atomic::Ordering::SeqCst);
                Some(r)
            }
            poise::Context::Prefix(_) => None,
        }
    }

    pub fn is_acknowledged(&self) -> bool {
        self.acknowledged
    }

    /// Acknowledges now and answers later ("newsdesk is thinking…").
    pub async fn defer(&mut self, ephemeral: bool) -> Result<(), Error> {
        if self.acknowledged {
            return Ok(());
        }
        let response = if self.component {
            serenity::CreateInteractionResponse::Acknowledge
        } else {
            serenity::CreateInteractionResponse::Defer(
                serenity::CreateInteractionResponseMessage::new().ephemeral(ephemeral),
            )
        };
        self.http
            .create_interaction_response(self.id, &self.token, &response, vec![])
            .await?;
        self.acknowledged = true;
        self.deferred = true;
        Ok(())
    }

    /// Shows `page` with `components`: a new message, or for a button the message it is on.
    pub async fn send(
        &mut self,
        page: &Page,
        components: Vec<serenity::CreateActionRow>,
        ephemeral: bool,
    ) -> Result<(), Error> {
        let page = page.clamped();
        let embeds: Vec<serenity::CreateEmbed> =
            page.embeds.iter().map(embed::to_create_embed).collect();
        if !self.acknowledged {
            let mut msg = serenity::CreateInteractionResponseMessage::new()
                .embeds(embeds)
                .components(components)
                .allowed_mentions(serenity::CreateAllowedMentions::new());
            if !page.content.is_empty() {
                msg = msg.content(page.content.clone());
            }
            let response = if self.component && !ephemeral {
                serenity::CreateInteractionResponse::UpdateMessage(msg)
            } else {
                serenity::CreateInteractionResponse::Message(msg.ephemeral(ephemeral))
            };
            self.http
                .create_interaction_response(self.id, &self.token, &response, vec![])
                .await?;
            self.acknowledged = true;
            return Ok(());
        }
        if self.component && !ephemeral {
            let edit = serenity::EditInteractionResponse::new()
                .content(page.content.clone())
                .embeds(embeds)
                .components(components)
                .allowed_mentions(serenity::CreateAllowedMentions::new());
            self.http
                .edit_original_interaction_response(&self.token, &edit, vec![])
                .await?;
            return Ok(());
        }
        if self.deferred && ephemeral {
            // A public "thinking…" message cannot turn ephemeral: replace it.
            let _ = self
                .http
                .delete_original_interaction_response(&self.token)
                .await;
        }
        let mut followup = serenity::CreateInteractionResponseFollowup::new()
            .embeds(embeds)
            .components(components)
            .ephemeral(ephemeral)
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        if !page.content.is_empty() {
            followup = followup.content(page.content.clone());
        }
        self.http
            .create_followup_message(&self.token, &followup, vec![])
            .await?;
        Ok(())
    }

    /// An ephemeral error that says what to do next.
    pub async fn error(&mut self, message: &str) -> Result<(), Error> {
        self.send(&discord::error_page(message), vec![], true).await
    }

    /// Opens a modal (only as the first response).
    pub async fn modal(&mut self, modal: serenity::CreateModal) -> Result<(), Error> {
        let response = serenity::CreateInteractionResponse::Modal(modal);
        self.http
            .create_interaction_response(self.id, &self.token, &response, vec![])
            .await?;
        self.acknowledged = true;
        Ok(())
    }

    /// Runs `work` on the blocking pool (store access, analysis and rendering never run
    /// on the async runtime), deferring if it has to queue for a worker permit or takes
    /// longer than [`DEFER_AFTER`].
    pub async fn blocking<T: Send + 'static>(
        &mut self,
        data: &Data,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Error> {
        // Work runs at most `data.workers` at a time, so the runtime keeps the CPU it
        // needs to acknowledge interactions. Work that has to queue is acknowledged first.
        let permit = match data.workers.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                self.defer(false).await?;
                data.workers
                    .clone()
                    .acquire_owned()
                    .await
                    .map_err(|e| Error::Task(e.to_string()))?
            }
        };
        let mut task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        });
        let joined = if self.acknowledged {
            task.await
        } else {
            match tokio::time::timeout(DEFER_AFTER, &mut task).await {
                Ok(done) => done,
                Err(_) => {
                    self.defer(false).await?;
                    task.await
                }
            }
        };
        joined.map_err(|e| Error::Task(e.to_string()))
    }

    /// Runs `command` (its `article` options resolved) and returns its own result;
    /// Discord errors are `Err`.
    pub async fn execute(
        &mut self,
        data: &Data,
        caller: Caller,
        command: Command,
    ) -> Result<crate::Result<Response>, Error> {
        let store = data.store.clone();
        self.blocking(data, move || {
            let command = autocomplete::resolve_command(&store, caller.scope, command);
            commands::execute(&store, &caller, command)
        })
        .await
    }

    /// Runs `command` and shows page `page` of its answer (with paging buttons), or the
    /// error ephemerally.
    pub async fn answer(
        &mut self,
        data: &Data,
        caller: Caller,
        command: Command,
        page: usize,
    ) -> Result<(), Error> {
        let store = data.store.clone();
        let scope = caller.scope;
        let rendered = self
            .blocking(data, move || {
                let command = autocomplete::resolve_command(&store, scope, command);
                commands::execute(&store, &caller, command.clone()).map(|response| {
                    let pages = discord::pages(&response);
                    let page = page.min(pages.len().saturating_sub(1));
                    let components = pager::buttons(&store, scope, &command, page, pages.len());
                    (pages.into_iter().nth(page).unwrap_or_default(), components)
                })
            })
            .await?;
        match rendered {
            Ok((shown, components)) => self.send(&shown, components, false).await,
            Err(e) => self.error(&e.to_string()).await,
        }
    }
}

/// Runs a slash command's `Command` and answers it.
pub async fn run(ctx: Context<'_>, command: Command, defer_first: bool) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    if defer_first {
        responder.defer(false).await?;
    }
    responder
        .answer(ctx.data(), super::caller(ctx), command, 0)
        .await
}

/// Errors poise catches (option parsing, failed Discord calls): logged, and the user
/// told ephemerally when the interaction is still open.
pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::warn!("/{} failed: {error}", ctx.command().qualified_name);
            if let poise::Context::Application(a) = ctx {
                let message = "Something went wrong while answering. Please try again in a moment.";
                let page = discord::error_page(message);
                let embeds: Vec<serenity::CreateEmbed> =
                    page.embeds.iter().map(embed::to_create_embed).collect();
                let followup = serenity::CreateInteractionResponseFollowup::new()
                    .embeds(embeds.clone())
                    .ephemeral(true);
                let http = &ctx.serenity_context().http;
                if http
                    .create_followup_message(&a.interaction.token, &followup, vec![])
                    .await
                    .is_err()
                {
                    let msg = serenity::CreateInteractionResponseMessage::new()
                        .embeds(embeds)
                        .ephemeral(true);
                    let _ = http
                        .create_interaction_response(
                            a.interaction.id,
                            &a.interaction.token,
                            &serenity::CreateInteractionResponse::Message(msg),
                            vec![],
                        )
                        .await;
                }
            }
        }
        poise::FrameworkError::ArgumentParse {
            error, input, ctx, ..
        } => {
            let message = format!(
                "I couldn't read the option{}: {error}. Check it and run /{} again.",
                input
                    .map(|i| format!(" `{}`", discord::truncate(&i, 100)))
                    .unwrap_or_default(),
                ctx.command().qualified_name
            );
            let _ = ctx
                .send(
                    poise::CreateReply::default()
                        .embed(embed::to_create_embed(
                            &discord::error_page(&message).embeds[0],
                        ))
                        .ephemeral(true),
                )
                .await;
        }
        poise::FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::warn!(
                "/{}: options did not match the command: {description}",
                ctx.command().qualified_name
            );
            let page = discord::error_page(
                "This command's options changed since Discord last loaded them. Reload Discord (Ctrl+R) and run it again.",
            );
            let msg = serenity::CreateInteractionResponseMessage::new()
                .embeds(page.embeds.iter().map(embed::to_create_embed).collect())
                .ephemeral(true);
            let _ = ctx
                .framework
                .serenity_context
                .http
                .create_interaction_response(
                    ctx.interaction.id,
                    &ctx.interaction.token,
                    &serenity::CreateInteractionResponse::Message(msg),
                    vec![],
                )
                .await;
        }
        poise::FrameworkError::Setup { error, .. } => tracing::error!("bot setup failed: {error}"),
        poise::FrameworkError::EventHandler { error, event, .. } => {
            tracing::warn!("handling {} failed: {error}", event.snake_case_name())
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::warn!("error while handling an error: {e}");
            }
        }
    }
}

/// A paging button was pressed: re-run the command in the presser's scope and show the
/// page on the same message.
pub async fn on_button(
    ctx: &serenity::Context,
    data: &Data,
    press: &serenity::ComponentInteraction,
) -> Result<(), Error> {
    if !press.data.custom_id.starts_with(pager::PREFIX) {
        return Ok(());
    }
    let scope = scope_of(press.guild_id, press.user.id);
    let mut responder = Responder::for_component(ctx.http.clone(), press);
    let store = data.store.clone();
    let id = press.data.custom_id.clone();
    let parsed = tokio::task::spawn_blocking(move || pager::parse_custom_id(&store, scope, &id))
        .await
        .map_err(|e| Error::Task(e.to_string()))?;
    let Some((page, command)) = parsed else {
        return responder
            .error(
                "This button no longer works (its options were not kept). Run the command again.",
            )
            .await;
    };
    let caller = Caller {
        scope,
        name: Some(
            press
                .user
                .global_name
                .clone()
                .unwrap_or_else(|| press.user.name.clone()),
        ),
        can_manage: can_manage(press.guild_id, press.member.as_ref()),
    };
    responder.answer(data, caller, command, page).await
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
