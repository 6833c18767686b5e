//! Settings from the environment (and `.env`), with defaults. Placeholder (issue 7
//! adds limits and validation).

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    pub discord_token: Option<String>,
    pub discord_guild_id: Option<u64>,
    pub discord_api_base: Option<String>,
    pub data_dir: PathBuf,
}

impl Config {
    pub fn from_env() -> Config {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        Config {
            discord_token: var("DISCORD_TOKEN"),
            discord_guild_id: var("DISCORD_GUILD_ID").and_then(|v| v.parse().ok()),
            discord_api_base: var("DISCORD_API_BASE"),
            data_dir: var("NEWSDESK_DATA_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("newsdesk-data")),
        }
    }
}
