//! Settings from the environment (and `.env`), with defaults and validation.
//!
//! Every setting is one environment variable; `.env.example` lists them all with their
//! defaults. Sizes accept plain bytes or a unit (`2MB`, `512KB`, `1.5MiB`); durations
//! accept seconds or a unit (`10s`, `500ms`, `2m`). A malformed value is refused with a
//! message naming the variable, rather than silently replaced by a default.

use crate::error::{Error, Result};
use std::path::PathBuf;
use std::time::Duration;

/// Limits on what one URL fetch may cost. Read by `ingest::fetch`.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchLimits {
    /// Largest response body accepted, in bytes (`NEWSDESK_FETCH_MAX_BYTES`, default 5 MB).
    pub max_bytes: usize,
    /// Time allowed for the whole fetch, redirects and body included
    /// (`NEWSDESK_FETCH_TIMEOUT_SECS`, default 10 s).
    pub timeout: Duration,
    /// Redirects followed before giving up (`NEWSDESK_MAX_REDIRECTS`, default 5).
    pub max_redirects: usize,
    /// Allow loopback/private/link-local targets (`NEWSDESK_ALLOW_PRIVATE_URLS`, default
    /// false; tests set it to reach their own 127.0.0.1 server).
    pub allow_private: bool,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            max_bytes: 5 * MB,
            timeout: Duration::from_secs(10),
            max_redirects: 5,
            allow_private: false,
        }
    }
}

/// What one guild (or one user in DMs) may store, and how much work runs at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest article accepted, in bytes of text after decoding
    /// (`NEWSDESK_MAX_UPLOAD_BYTES`, default 2 MB).
    pub max_upload_bytes: usize,
    /// Articles kept per guild (`NEWSDESK_MAX_ARTICLES`, default 1,000).
    pub max_articles_per_scope: usize,
    /// Total article text kept per guild, in bytes (`NEWSDESK_MAX_TEXT_BYTES`, default 200 MB).
    pub max_text_bytes_per_scope: usize,
    /// Commands that ingest or analyze at the same time (`NEWSDESK_MAX_CONCURRENT`, default 8).
    pub max_concurrent_requests: usize,
    /// URL fetches.
    pub fetch: FetchLimits,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_upload_bytes: 2 * MB,
            max_articles_per_scope: 1_000,
            max_text_bytes_per_scope: 200 * MB,
            max_concurrent_requests: 8,
            fetch: FetchLimits::default(),
        }
    }
}

/// Environment variable names, in one place so error messages and docs agree.
pub mod vars {
    pub const DISCORD_TOKEN: &str = "DISCORD_TOKEN";
    pub const DISCORD_GUILD_ID: &str = "DISCORD_GUILD_ID";
    pub const DISCORD_API_BASE: &str = "DISCORD_API_BASE";
    pub const DATA_DIR: &str = "NEWSDESK_DATA_DIR";
    pub const MAX_UPLOAD_BYTES: &str = "NEWSDESK_MAX_UPLOAD_BYTES";
    pub const MAX_ARTICLES: &str = "NEWSDESK_MAX_ARTICLES";
    pub const MAX_TEXT_BYTES: &str = "NEWSDESK_MAX_TEXT_BYTES";
    pub const MAX_CONCURRENT: &str = "NEWSDESK_MAX_CONCURRENT";
    pub const MAX_FETCH_BYTES: &str = "NEWSDESK_FETCH_MAX_BYTES";
    pub const FETCH_TIMEOUT: &str = "NEWSDESK_FETCH_TIMEOUT_SECS";
    pub const MAX_REDIRECTS: &str = "NEWSDESK_MAX_REDIRECTS";
    pub const ALLOW_PRIVATE_URLS: &str = "NEWSDESK_ALLOW_PRIVATE_URLS";
    pub const COMPACT_EVERY: &str = "NEWSDESK_COMPACT_EVERY";
    pub const MESSAGE_CONTENT: &str = "NEWSDESK_MESSAGE_CONTENT";
}

const KB: usize = 1_000;
const MB: usize = 1_000_000;

#[derive(Debug, Clone)]
pub struct Config {
    pub discord_token: Option<String>,
    pub discord_guild_id: Option<u64>,
    pub discord_api_base: Option<String>,
    /// `DISCORD_SHARDS`: unset for autosharding, or `first..last/total` (e.g. `0..3/8`) to run
    /// a range of shards; parsed and validated by the bot at start-up.
    pub discord_shards: Option<String>,
    pub data_dir: PathBuf,
    pub limits: Limits,
    /// Journal records written before the store compacts them into its snapshot
    /// (`NEWSDESK_COMPACT_EVERY`, default 1,000).
    pub compact_every: usize,
    /// `NEWSDESK_MESSAGE_CONTENT`: ask Discord for the privileged Message Content intent,
    /// so watched channels see every message's text, attachments and links (otherwise
    /// only messages that mention the bot). Must also be enabled in the developer portal.
    pub message_content_intent: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            discord_token: None,
            discord_guild_id: None,
            discord_api_base: None,
            discord_shards: None,
            data_dir: PathBuf::from("newsdesk-data"),
            limits: Limits::default(),
            compact_every: 1_000,
            message_content_intent: false,
        }
    }
}

impl Config {
    /// Reads the environment; a malformed value is an error naming the variable.
    pub fn try_from_env() -> Result<Config> {
        Config::from_lookup(|k| std::env::var(k).ok())
    }

    /// Like [`Config::try_from_env`], but a malformed value is logged and its default used.
    /// Front ends should prefer `try_from_env` and show the error.
    pub fn from_env() -> Config {
        match Config::try_from_env() {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!("{e} Using the defaults for all settings.");
                Config::default()
            }
        }
    }

    /// Reads settings through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config> {
        let var = |k: &str| {
            lookup(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let d = Config::default();
        let size = |k: &str, default: usize| -> Result<usize> {
            match var(k) {
                None => Ok(default),
                Some(v) => {
                    parse_size(&v).ok_or_else(|| bad(k, &v, "a size such as 2MB, 512KB or 2000000"))
                }
            }
        };
        let count = |k: &str, default: usize| -> Result<usize> {
            match var(k) {
                None => Ok(default),
                Some(v) => v
                    .replace(['_', ','], "")
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| bad(k, &v, "a whole number above 0")),
            }
        };
        let fetch = FetchLimits {
            max_bytes: size(vars::MAX_FETCH_BYTES, d.limits.fetch.max_bytes)?,
            timeout: match var(vars::FETCH_TIMEOUT) {
                None => d.limits.fetch.timeout,
                Some(v) => parse_duration(&v).ok_or_else(|| {
                    bad(vars::FETCH_TIMEOUT, &v, "a duration such as 10s or 500ms")
                })?,
            },
            max_redirects: match var(vars::MAX_REDIRECTS) {
                None => d.limits.fetch.max_redirects,
                Some(v) => v
                    .parse()
                    .map_err(|_| bad(vars::MAX_REDIRECTS, &v, "a whole number"))?,
            },
            allow_private: match var(vars::ALLOW_PRIVATE_URLS) {
                None => false,
                Some(v) => parse_bool(&v)
                    .ok_or_else(|| bad(vars::ALLOW_PRIVATE_URLS, &v, "true or false"))?,
            },
        };
        let limits = Limits {
            max_upload_bytes: size(vars::MAX_UPLOAD_BYTES, d.limits.max_upload_bytes)?,
            max_articles_per_scope: count(vars::MAX_ARTICLES, d.limits.max_articles_per_scope)?,
            max_text_bytes_per_scope: size(
                vars::MAX_TEXT_BYTES,
                d.limits.max_text_bytes_per_scope,
            )?,
            max_concurrent_requests: count(vars::MAX_CONCURRENT, d.limits.max_concurrent_requests)?,
            fetch,
        };
        Ok(Config {
            discord_token: var(vars::DISCORD_TOKEN),
            discord_guild_id: match var(vars::DISCORD_GUILD_ID) {
                None => None,
                Some(v) => Some(
                    v.parse()
                        .map_err(|_| bad(vars::DISCORD_GUILD_ID, &v, "a numeric guild id"))?,
                ),
            },
            discord_api_base: var(vars::DISCORD_API_BASE),
            discord_shards: var("DISCORD_SHARDS"),
            data_dir: var(vars::DATA_DIR).map(PathBuf::from).unwrap_or(d.data_dir),
            limits,
            compact_every: count(vars::COMPACT_EVERY, d.compact_every)?,
            message_content_intent: match var(vars::MESSAGE_CONTENT) {
                None => false,
                Some(v) => {
                    parse_bool(&v).ok_or_else(|| bad(vars::MESSAGE_CONTENT, &v, "true or false"))?
                }
            },
        })
    }
}

fn bad(var: &str, value: &str, expected: &str) -> Error {
    Error::Config(format!(
        "The setting {var}={value:?} is not valid: expected {expected}. Fix it in the environment or .env."
    ))
}

/// "2MB", "512 KB", "1.5MiB", "2000000" → bytes. Decimal units are powers of 1000,
/// binary ones (KiB, MiB, GiB) powers of 1024.
pub fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().replace('_', "");
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let number: f64 = number.parse().ok()?;
    let scale: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => KB as f64,
        "m" | "mb" => MB as f64,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let bytes = number * scale;
    (bytes.is_finite() && bytes >= 1.0 && bytes < usize::MAX as f64).then_some(bytes as usize)
}

/// "10s", "500ms", "2m", "10" (seconds) → a duration above zero.
pub fn parse_duration(s: &str) -> Option<Duration> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let number: f64 = number.parse().ok()?;
    let seconds = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "s" | "sec" | "secs" => number,
        "ms" => number / 1000.0,
        "m" | "min" => number * 60.0,
        _ => return None,
    };
    (seconds.is_finite() && seconds > 0.0 && seconds < 86_400.0)
        .then(|| Duration::from_secs_f64(seconds))
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Human size for messages: "2 MB", "1.5 MB", "512 KB", "900 bytes".
pub fn human_size(bytes: usize) -> String {
    if bytes >= MB {
        format!("{} MB", trim_decimal(bytes as f64 / MB as f64))
    } else if bytes >= KB {
        format!("{} KB", trim_decimal(bytes as f64 / KB as f64))
    } else {
        format!("{bytes} bytes")
    }
}

fn trim_decimal(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_match_the_documented_values() {
        let c = config(&[]).unwrap();
        assert_eq!(c.limits.max_upload_bytes, 2_000_000);
        assert_eq!(c.limits.max_articles_per_scope, 1_000);
        assert_eq!(c.limits.fetch.max_bytes, 5_000_000);
        assert_eq!(c.limits.fetch.timeout, Duration::from_secs(10));
        assert!(!c.limits.fetch.allow_private);
        assert_eq!(c.data_dir, PathBuf::from("newsdesk-data"));
    }

    #[test]
    fn sizes_durations_and_flags_parse_with_units() {
        let c = config(&[
            (vars::MAX_UPLOAD_BYTES, "512KB"),
            (vars::MAX_FETCH_BYTES, "1MiB"),
            (vars::FETCH_TIMEOUT, "1500ms"),
            (vars::ALLOW_PRIVATE_URLS, "true"),
            (vars::MAX_ARTICLES, "1_000_000"),
        ])
        .unwrap();
        assert_eq!(c.limits.max_upload_bytes, 512_000);
        assert_eq!(c.limits.fetch.max_bytes, 1_048_576);
        assert_eq!(c.limits.fetch.timeout, Duration::from_millis(1500));
        assert!(c.limits.fetch.allow_private);
        assert_eq!(c.limits.max_articles_per_scope, 1_000_000);
    }

    #[test]
    fn a_malformed_value_names_its_variable() {
        let err = config(&[(vars::MAX_ARTICLES, "lots")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("NEWSDESK_MAX_ARTICLES"), "{err}");
        let err = config(&[(vars::FETCH_TIMEOUT, "-3s")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("NEWSDESK_FETCH_TIMEOUT_SECS"), "{err}");
        assert!(config(&[(vars::MAX_UPLOAD_BYTES, "2 parsecs")]).is_err());
    }

    #[test]
    fn human_sizes_read_naturally() {
        assert_eq!(human_size(2_000_000), "2 MB");
        assert_eq!(human_size(1_500_000), "1.5 MB");
        assert_eq!(human_size(512_000), "512 KB");
        assert_eq!(human_size(12), "12 bytes");
    }
}
