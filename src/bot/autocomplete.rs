//! Autocomplete for every `article` option: the scope's article titles (newest first,
//! at most 25, matching what was typed in the title or id); the value sent back is the
//! article id. Also resolves what a user typed without picking a suggestion.

use super::{Context, scope_of};
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
        .filter(|a| needle.is_empty() || a.title().to_lowercase().contains(&needle) || a.id.to_lowercase() == needle)
        .take(MAX_CHOICES)
        .map(|a| {
            let suffix = format!(" ({})", a.id);
            let label = format!("{}{suffix}", truncate(a.title(), 100 - suffix.chars().count()));
            (label, a.id.clone())
        })
        .collect()
}

pub async fn article(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = suggestions(&ctx.data().store, scope(ctx), partial)
        .into_iter()
        .map(|(name, id)| serenity::AutocompleteChoice::new(name, id))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
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
    if let Some(a) = articles.iter().rev().find(|a| a.title().to_lowercase() == lower) {
        return Some(a.id.clone());
    }
    let mut containing = articles.iter().filter(|a| a.title().to_lowercase().contains(&lower));
    match (containing.next(), containing.next()) {
        (Some(a), None) => Some(a.id.clone()),
        _ => Some(given),
    }
}
