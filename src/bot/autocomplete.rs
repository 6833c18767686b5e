//! Autocomplete for every `article` option: the scope's article titles (newest first,
//! at most 25, matching what was typed in the title or id); the value sent back is the
//! article id. Also resolves what a user typed without picking a suggestion.

use super::{Context, scope_of};
use crate::commands::Command;
use crate::render::discord::truncate;
use crate::store::{Scope, Store};
use poise::serenity_prelude as serenity;

/// Discord shows at most 25 suggestions.
const MAX_CHOICES: usize = 25;

fn scope(ctx: Context<'_>) -> Scope {
    scope_of(ctx.guild_id(), ctx.author().id)
}

/// (label, id) suggestions for `partial`, newest first.
pub fn suggestions(store: &Store, scope: Scope, partial: &str) -> Vec<(String, String)> {
    let needle = partial.trim().to_lowercase();
    store
        .articles(scope)
        .iter()
        .rev()
        .filter(|a| {
            needle.is_empty()
                || a.title().to_lowercase().contains(&needle)
                || a.id.to_lowercase() == needle
        })
        .take(MAX_CHOICES)
        .map(|a| {
            let suffix = format!(" ({})", a.id);
            let label = format!(
                "{}{suffix}",
                truncate(a.title(), 100 - suffix.chars().count())
            );
            (label, a.id.clone())
        })
        .collect()
}

pub async fn article(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let (store, scope, partial) = (ctx.data().store.clone(), scope(ctx), partial.to_string());
    // The store may be busy writing its journal: never wait for it on the runtime.
    let found = tokio::task::spawn_blocking(move || suggestions(&store, scope, &partial))
        .await
        .unwrap_or_default();
    let choices = found
        .into_iter()
        .map(|(name, id)| serenity::AutocompleteChoice::new(name, id))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The command with every `article` option resolved by [`resolve`].
pub fn resolve_command(store: &Store, scope: Scope, command: Command) -> Command {
    let one = |a: Option<String>| resolve(store, scope, a);
    match command {
        Command::ArticleShow { article } => Command::ArticleShow {
            article: one(Some(article)).unwrap_or_default(),
        },
        Command::ArticleRemove { article } => Command::ArticleRemove {
            article: one(Some(article)).unwrap_or_default(),
        },
        Command::WhoSaid {
            topic,
            speaker,
            article,
        } => Command::WhoSaid {
            topic,
            speaker,
            article: one(article),
        },
        Command::KeyFigures { article, kind } => Command::KeyFigures {
            article: one(article),
            kind,
        },
        Command::People { article } => Command::People {
            article: one(article),
        },
        Command::Timeline { article } => Command::Timeline {
            article: one(article),
        },
        Command::Summary { article } => Command::Summary {
            article: one(article),
        },
        Command::Ask { question, article } => Command::Ask {
            question,
            article: one(article),
        },
        other => other,
    }
}

/// What the user gave for `article`: an id as is, or else a title (exact, then the only
/// one containing it) turned into its id. Unknown values pass through, so the command
/// reports them as not found.
pub fn resolve(store: &Store, scope: Scope, given: Option<String>) -> Option<String> {
    let given = given?.trim().to_string();
    if given.is_empty() {
        return None;
    }
    let articles = store.articles(scope);
    if articles.iter().any(|a| a.id == given) {
        return Some(given);
    }
    let lower = given.to_lowercase();
    if let Some(a) = articles
        .iter()
        .rev()
        .find(|a| a.title().to_lowercase() == lower)
    {
        return Some(a.id.clone());
    }
    let mut containing = articles
        .iter()
        .filter(|a| a.title().to_lowercase().contains(&lower));
    match (containing.next(), containing.next()) {
        (Some(a), None) => Some(a.id.clone()),
        _ => Some(given),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NewArticle;

    fn store_with(titles: &[&str]) -> Store {
        let store = Store::in_memory();
        for t in titles {
            let new = NewArticle {
                bytes: format!("{t}\n\nOfficials said the plan would cost $2 million.")
                    .into_bytes(),
                origin: "pasted text".into(),
                title: Some(t.to_string()),
                ..Default::default()
            };
            store.add_article(Scope::Guild(1), new).expect("add");
        }
        store
    }

    #[test]
    fn suggestions_are_newest_first_capped_and_within_discord_limits() {
        let titles: Vec<String> = (0..30)
            .map(|i| format!("Story {i:02} {}", "x".repeat(120)))
            .collect();
        let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
        let store = store_with(&refs);
        let all = suggestions(&store, Scope::Guild(1), "");
        assert_eq!(all.len(), MAX_CHOICES);
        assert!(all[0].0.starts_with("Story 29"));
        assert!(
            all.iter()
                .all(|(label, id)| label.chars().count() <= 100
                    && label.ends_with(&format!("({id})")))
        );
        assert_eq!(suggestions(&store, Scope::Guild(1), "story 03").len(), 1);
        assert!(
            suggestions(&store, Scope::Guild(2), "").is_empty(),
            "other scopes see nothing"
        );
    }

    #[test]
    fn typed_titles_resolve_to_ids_and_the_rest_passes_through() {
        let store = store_with(&["Harbour reopens", "Harbour strike ends", "Bridge closed"]);
        let scope = Scope::Guild(1);
        assert_eq!(resolve(&store, scope, Some("a2".into())), Some("a2".into()));
        assert_eq!(
            resolve(&store, scope, Some("bridge closed".into())),
            Some("a3".into())
        );
        assert_eq!(
            resolve(&store, scope, Some("strike".into())),
            Some("a2".into())
        );
        assert_eq!(
            resolve(&store, scope, Some("Harbour".into())),
            Some("Harbour".into()),
            "ambiguous"
        );
        assert_eq!(resolve(&store, scope, Some("  ".into())), None);
        assert_eq!(
            resolve(&store, Scope::Guild(9), Some("Bridge closed".into())),
            Some("Bridge closed".into())
        );
        let resolved = resolve_command(
            &store,
            scope,
            Command::People {
                article: Some("bridge".into()),
            },
        );
        assert_eq!(
            resolved,
            Command::People {
                article: Some("a3".into())
            }
        );
    }
}
