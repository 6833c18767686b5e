//! The per-guild article store: articles, schedules and settings of each scope (a guild,
//! or a user in DMs), in memory. Placeholder without durability — the journal on disk
//! and the limits are issue 7.
//!
//! Adding an article ingests and analyzes it synchronously: async callers run
//! `add_article` inside `tokio::task::spawn_blocking`.

use crate::analyze::analyze;
use crate::error::{Error, Result};
use crate::ingest::{IngestOptions, ingest};
use crate::model::Article;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock};

/// Whose data: a guild's, or one user's in direct messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    Guild(u64),
    User(u64),
}

/// What a user hands in.
#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    pub bytes: Vec<u8>,
    /// File name, URL or "pasted text".
    pub origin: String,
    pub title: Option<String>,
    pub added_by: Option<String>,
}

#[derive(Debug, Default)]
struct ScopeData {
    articles: Vec<Arc<Article>>,
    next_id: u64,
    settings: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Default)]
pub struct Store {
    scopes: RwLock<HashMap<Scope, ScopeData>>,
}

impl Store {
    pub fn in_memory() -> Store {
        Store::default()
    }

    /// Ingests, analyzes and stores an article; returns it once it is stored.
    pub fn add_article(&self, scope: Scope, new: NewArticle) -> Result<Arc<Article>> {
        let opts = IngestOptions { name_hint: Some(new.origin.clone()), title: new.title.clone() };
        let doc = ingest(&new.bytes, &opts)?;
        let analysis = analyze(&doc);
        let mut scopes = self.scopes.write().expect("store lock poisoned");
        let data = scopes.entry(scope).or_default();
        data.next_id += 1;
        let article = Arc::new(Article {
            id: format!("a{}", data.next_id),
            added_at: Utc::now(),
            added_by: new.added_by,
            origin: new.origin,
            doc,
            analysis,
        });
        data.articles.push(article.clone());
        Ok(article)
    }

    pub fn remove_article(&self, scope: Scope, id: &str) -> Result<Arc<Article>> {
        let mut scopes = self.scopes.write().expect("store lock poisoned");
        let data = scopes.get_mut(&scope).ok_or_else(|| not_found(id))?;
        let pos = data.articles.iter().position(|a| a.id == id).ok_or_else(|| not_found(id))?;
        Ok(data.articles.remove(pos))
    }

    /// The scope's articles, oldest first.
    pub fn articles(&self, scope: Scope) -> Vec<Arc<Article>> {
        let scopes = self.scopes.read().expect("store lock poisoned");
        scopes.get(&scope).map(|d| d.articles.clone()).unwrap_or_default()
    }

    /// One article by id.
    pub fn article(&self, scope: Scope, id: &str) -> Result<Arc<Article>> {
        let scopes = self.scopes.read().expect("store lock poisoned");
        scopes
            .get(&scope)
            .and_then(|d| d.articles.iter().find(|a| a.id == id).cloned())
            .ok_or_else(|| not_found(id))
    }

    pub fn setting(&self, scope: Scope, key: &str) -> Option<serde_json::Value> {
        let scopes = self.scopes.read().expect("store lock poisoned");
        scopes.get(&scope).and_then(|d| d.settings.get(key).cloned())
    }

    /// All settings of a scope whose key starts with `prefix`.
    pub fn settings_with_prefix(&self, scope: Scope, prefix: &str) -> Vec<(String, serde_json::Value)> {
        let scopes = self.scopes.read().expect("store lock poisoned");
        scopes
            .get(&scope)
            .map(|d| d.settings.range(prefix.to_string()..).take_while(|(k, _)| k.starts_with(prefix)).map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default()
    }

    /// Sets (or with `None`, removes) a setting; durable before it returns.
    pub fn set_setting(&self, scope: Scope, key: &str, value: Option<serde_json::Value>) -> Result<()> {
        let mut scopes = self.scopes.write().expect("store lock poisoned");
        let data = scopes.entry(scope).or_default();
        match value {
            Some(v) => data.settings.insert(key.to_string(), v),
            None => data.settings.remove(key),
        };
        Ok(())
    }

    /// Every scope that has data (for the scheduler at start-up).
    pub fn scopes(&self) -> Vec<Scope> {
        let scopes = self.scopes.read().expect("store lock poisoned");
        scopes.keys().copied().collect()
    }
}

fn not_found(id: &str) -> Error {
    Error::NotFound(format!(
        "No article `{id}` here. Use /article list to see this server's articles."
    ))
}
