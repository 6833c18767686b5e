//! `/help`: what each command does, with an example (the text is
//! `commands::COMMANDS`, shared with the console).

use super::{Context, Error, reply};
use crate::commands::Command;

/// What each newsdesk command does, with an example.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    reply::run(ctx, Command::Help, false).await
}
