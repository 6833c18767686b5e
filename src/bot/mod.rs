//! The Discord bot: poise slash commands over `commands::execute`, rendered with
//! `render::discord`. Placeholder (issue 6).

use crate::config::Config;
use crate::error::{Error, Result};

pub async fn run(_config: Config) -> Result<()> {
    Err(Error::Config("The Discord bot is not built yet.".into()))
}
