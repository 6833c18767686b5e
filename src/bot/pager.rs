//! Paging buttons whose custom id carries everything needed to show another page — the
//! command with its options and the page number — so a button keeps working after the
//! bot restarts. Ids look like `nd:3:W|tariffs||a2` (page 3 of `/who-said topic:tariffs
//! article:a2`). Options too long for Discord's 100-character custom id are kept in the
//! scope's settings under a hash and the id says `nd:3:#<hash>`.
//!
//! A press re-runs the command in the presser's own scope (guild or DM user), so a
//! button cannot show another guild's data.

use crate::commands::Command;
use crate::model::FigureKind;
use crate::store::{Scope, Store};
use poise::serenity_prelude as serenity;

pub(super) const PREFIX: &str = "nd:";
const MAX_CUSTOM_ID: usize = 100;
const SETTING_PREFIX: &str = "bot.pager.";

fn esc(s: &str) -> String {
    s.replace('%', "%25").replace('|', "%7C")
}

fn unesc(s: &str) -> String {
    s.replace("%7C", "|").replace("%25", "%")
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(esc).unwrap_or_default()
}

fn parse_opt(s: Option<&str>) -> Option<String> {
    s.filter(|v| !v.is_empty()).map(unesc)
}

/// The paged command as `code|arg|arg…`; `None` for commands that do not page.
pub fn encode(command: &Command) -> Option<String> {
    let s = match command {
        Command::ArticleList { .. } => "L".to_string(),
        Command::WhoSaid {
            topic,
            speaker,
            article,
        } => format!("W|{}|{}|{}", opt(topic), opt(speaker), opt(article)),
        Command::KeyFigures { article, kind } => {
            format!(
                "K|{}|{}",
                opt(article),
                kind.map(|k| k.as_str()).unwrap_or("")
            )
        }
        Command::People { article } => format!("P|{}", opt(article)),
        Command::Timeline { article } => format!("T|{}", opt(article)),
        Command::Summary { article } => format!("M|{}", opt(article)),
        Command::Ask { question, article } => format!("A|{}|{}", esc(question), opt(article)),
        Command::Search { query } => format!("Q|{}", esc(query)),
        _ => return None,
    };
    Some(s)
}

/// The inverse of [`encode`].
pub fn decode(s: &str) -> Option<Command> {
    let mut parts = s.split('|');
    let code = parts.next()?;
    let mut next = || parse_opt(parts.next());
    Some(match code {
        "L" => Command::ArticleList { page: 0 },
        "W" => {
            let (topic, speaker, article) = (next(), next(), next());
            Command::WhoSaid {
                topic,
                speaker,
                article,
            }
        }
        "K" => {
            let article = next();
            let kind = match next() {
                Some(k) => Some(FigureKind::parse(&k)?),
                None => None,
            };
            Command::KeyFigures { article, kind }
        }
        "P" => Command::People { article: next() },
        "T" => Command::Timeline { article: next() },
        "M" => Command::Summary { article: next() },
        "A" => {
            let question = next()?;
            Command::Ask {
                question,
                article: next(),
            }
        }
        "Q" => Command::Search { query: next()? },
        _ => return None,
    })
}

/// A stable short hash (FNV-1a), for options kept in settings.
fn hash(s: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// The custom id of the button that shows `page` of `command`.
fn custom_id(store: &Store, scope: Scope, encoded: &str, page: usize) -> String {
    let id = format!("{PREFIX}{page}:{encoded}");
    if id.chars().count() <= MAX_CUSTOM_ID {
        return id;
    }
    let key = hash(encoded);
    if let Err(e) = store.set_setting(
        scope,
        &format!("{SETTING_PREFIX}{key}"),
        Some(serde_json::Value::String(encoded.into())),
    ) {
        tracing::warn!("could not keep paging options: {e}");
    }
    format!("{PREFIX}{page}:#{key}")
}

/// Splits a custom id into (page, command).
pub fn parse_custom_id(store: &Store, scope: Scope, id: &str) -> Option<(usize, Command)> {
    let rest = id.strip_prefix(PREFIX)?;
    let (page, encoded) = rest.split_once(':')?;
    let page: usize = page.parse().ok()?;
    let command = match encoded.strip_prefix('#') {
        Some(key) => {
            let stored = store.setting(scope, &format!("{SETTING_PREFIX}{key}"))?;
            decode(stored.as_str()?)?
        }
        None => decode(encoded)?,
    };
    Some((page, command))
}

/// Prev / "page i of n" / next buttons, or nothing for a single page.
pub fn buttons(
    store: &Store,
    scope: Scope,
    command: &Command,
    page: usize,
    pages: usize,
) -> Vec<serenity::CreateActionRow> {
    if pages <= 1 {
        return Vec::new();
    }
    let Some(encoded) = encode(command) else {
        return Vec::new();
    };
    let prev_page = page.saturating_sub(1);
    let next_page = (page + 1).min(pages - 1);
    let prev = serenity::CreateButton::new(if page == 0 {
        format!("{PREFIX}x:first")
    } else {
        custom_id(store, scope, &encoded, prev_page)
    })
    .label("◀ Prev")
    .style(serenity::ButtonStyle::Secondary)
    .disabled(page == 0);
    let position = serenity::CreateButton::new(format!("{PREFIX}x:position"))
        .label(format!("{} / {pages}", page + 1))
        .style(serenity::ButtonStyle::Secondary)
        .disabled(true);
    let next = serenity::CreateButton::new(if page + 1 >= pages {
        format!("{PREFIX}x:last")
    } else {
        custom_id(store, scope, &encoded, next_page)
    })
    .label("Next ▶")
    .style(serenity::ButtonStyle::Primary)
    .disabled(page + 1 >= pages);
    vec![serenity::CreateActionRow::Buttons(vec![
        prev, position, next,
    ])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_round_trip_through_custom_ids() {
        let commands = vec![
            Command::ArticleList { page: 0 },
            Command::WhoSaid {
                topic: Some("rare | earths 100%".into()),
                speaker: None,
                article: Some("a2".into()),
            },
            Command::KeyFigures {
                article: None,
                kind: Some(FigureKind::YearSpan),
            },
            Command::KeyFigures {
                article: Some("a1".into()),
                kind: None,
            },
            Command::People { article: None },
            Command::Timeline {
                article: Some("a9".into()),
            },
            Command::Summary { article: None },
            Command::Ask {
                question: "Who said what?".into(),
                article: None,
            },
            Command::Search {
                query: "tariffs".into(),
            },
        ];
        let store = Store::in_memory();
        for c in commands {
            let id = custom_id(&store, Scope::Guild(1), &encode(&c).unwrap(), 4);
            assert!(id.chars().count() <= MAX_CUSTOM_ID);
            let (page, back) = parse_custom_id(&store, Scope::Guild(1), &id).unwrap();
            assert_eq!(page, 4);
            assert_eq!(back, c);
        }
    }

    #[test]
    fn long_options_are_kept_per_scope() {
        let store = Store::in_memory();
        let c = Command::Search {
            query: "q".repeat(100),
        };
        let id = custom_id(&store, Scope::Guild(1), &encode(&c).unwrap(), 2);
        assert!(id.chars().count() <= MAX_CUSTOM_ID && id.contains('#'));
        assert_eq!(parse_custom_id(&store, Scope::Guild(1), &id), Some((2, c)));
        // Another guild cannot resolve it.
        assert_eq!(parse_custom_id(&store, Scope::Guild(2), &id), None);
    }

    #[test]
    fn foreign_or_broken_ids_are_ignored() {
        let store = Store::in_memory();
        for id in [
            "other:1",
            "nd:x:first",
            "nd:1:Z|",
            "nd:one:L",
            "nd:1:K||nonsense",
        ] {
            assert_eq!(parse_custom_id(&store, Scope::Guild(1), id), None, "{id}");
        }
    }
}
