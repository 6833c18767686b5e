//! The per-guild article store: articles, schedules and settings of each scope (a guild,
//! or a user in DMs), held in memory and made durable by a journal on disk.
//!
//! - Every change (article added or removed, setting set or removed — schedules are
//!   settings under a key prefix) is appended to `journal.jsonl` in the data directory
//!   and fsynced **before** the call returns, so an acknowledged change survives a crash.
//! - Every `compact_every` records the state is written to `snapshot.jsonl` (atomically)
//!   and the journal is emptied.
//! - At start the snapshot is loaded and the journal replayed; a torn last record is
//!   dropped with a warning, any other damage refuses to start (see [`journal`] for the
//!   format and why it was chosen).
//! - Articles are stored as their source (as uploaded) plus metadata, never their
//!   analysis: analysis is recomputed after load, so improved rules apply to old
//!   articles. A disk-backed store does not keep sources in memory: each article
//!   remembers where its `add` line is (journal or snapshot) and reads it again to
//!   analyze, export or compact (compaction moves the lines and updates where they are). The store is usable as soon as the files are read; background threads
//!   (one per core) analyze every article, and a reader that needs an article first
//!   analyzes it itself (each article is analyzed once, behind a `OnceLock`). Start-up
//!   time therefore does not grow with the engine's cost.
//! - Each scope has a query index ([`ScopeIndex`]: terms, names, speakers, quote stems
//!   → where they occur). An article joins it when it is analyzed (inside the same
//!   `OnceLock` initialisation, so an analyzed article is always indexed) and leaves it
//!   when removed; [`Store::with_index`] first analyzes whatever a load left pending.
//!   The articles the store hands out carry no term index of their own
//!   (`analysis.terms` is moved into the scope's index, so it is held once).
//! - Limits (article size, articles and text per scope, concurrent ingests) come from
//!   [`Limits`]; each refusal names the setting an admin changes.
//!
//! One process owns a data directory at a time (an advisory lock on `newsdesk.lock`).
//!
//! Adding an article ingests and analyzes it synchronously: async callers run
//! `add_article` inside `tokio::task::spawn_blocking`.

mod duplicates;
mod entry;
mod gate;
pub mod journal;
mod load;

use crate::analyze::analyze;
use crate::config::{Limits, human_size, vars};
use crate::error::{Error, Result};
use crate::ingest::{IngestOptions, ingest_within, too_big};
use crate::model::Article;
use crate::query::ScopeIndex;
use chrono::Utc;
use entry::{Entry, SharedIndex, SourceFiles, SourceHome, force_all, shrink_article, write_index};
use gate::Gate;
use journal::{Journal, LinePos, Record, Source, StoredArticle};
use load::disk_journal_due;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// Whose data: a guild's, or one user's in direct messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Guild(u64),
    User(u64),
}

pub use duplicates::AddChecks;

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
    articles: Vec<Entry>,
    /// Number of the last article id handed out; ids are never reused.
    next_id: u64,
    settings: BTreeMap<String, serde_json::Value>,
    text_bytes: usize,
    index: SharedIndex,
}

#[derive(Debug, Default)]
struct State {
    scopes: HashMap<Scope, ScopeData>,
    /// Sequence number of the last journal record.
    last_seq: u64,
}

/// The article store. Cheap to share behind an `Arc`; all methods take `&self`.
#[derive(Debug)]
pub struct Store {
    state: RwLock<State>,
    /// `None` for an in-memory store.
    disk: Option<Disk>,
    limits: Limits,
    compact_every: usize,
    ingest_gate: Gate,
    /// Tells the background analysis started by `open` to stop when the store goes.
    closing: Arc<AtomicBool>,
}

impl Drop for Store {
    fn drop(&mut self) {
        self.closing.store(true, Ordering::Relaxed);
    }
}

#[derive(Debug)]
struct Disk {
    dir: PathBuf,
    journal: Mutex<Journal>,
    sources: Arc<SourceFiles>,
    /// Held for the store's lifetime: one process per data directory.
    _lock: File,
}

impl Default for Store {
    fn default() -> Self {
        Store::in_memory()
    }
}

/// What loading a data directory found, for a start-up log line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadReport {
    pub scopes: usize,
    pub articles: usize,
    pub journal_records: usize,
    pub dropped_torn_record: bool,
    pub seconds: f64,
}

impl Store {
    /// A store that keeps nothing on disk (tests, one-off CLI runs), with default limits.
    pub fn in_memory() -> Store {
        Store::in_memory_with(Limits::default())
    }

    pub fn in_memory_with(limits: Limits) -> Store {
        Store {
            state: RwLock::default(),
            disk: None,
            ingest_gate: Gate::new(limits.max_concurrent_requests),
            limits,
            compact_every: 1_000,
            closing: Arc::default(),
        }
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The data directory, for a disk-backed store.
    pub fn data_dir(&self) -> Option<&Path> {
        self.disk.as_ref().map(|d| d.dir.as_path())
    }

    /// Analyzes every article loaded at start-up that is not analyzed yet, on every
    /// core, and returns when all are (benchmarks, and callers that want no first-query
    /// delay).
    pub fn wait_for_analysis(&self) {
        let all: Vec<Entry> = self
            .read()
            .scopes
            .values()
            .flat_map(|d| d.articles.iter().cloned())
            .collect();
        force_all(&all);
    }

    /// Ingests, analyzes and stores an article; returns it once it is durable.
    pub fn add_article(&self, scope: Scope, new: NewArticle) -> Result<Arc<Article>> {
        self.add_article_with(scope, new, AddChecks::default())
    }

    /// [`Store::add_article`] with the checks a user's add gets: a minimum length, and
    /// no second copy of an article the scope already holds (unless allowed).
    pub fn add_article_with(
        &self,
        scope: Scope,
        new: NewArticle,
        checks: AddChecks,
    ) -> Result<Arc<Article>> {
        let max = self.limits.max_upload_bytes;
        // Raw input may shrink when decoded (HTML markup), so allow some slack before
        // even looking at it; the real check is on the decoded text below.
        if new.bytes.len() > max.saturating_mul(4) {
            return Err(too_big(new.bytes.len(), max));
        }
        let _permit = self.ingest_gate.enter();
        let title = new
            .title
            .as_ref()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        let opts = IngestOptions {
            name_hint: Some(new.origin.clone()),
            title: title.clone(),
        };
        // An engine bug must cost one article, not the process (or a bot shard).
        let read = std::panic::catch_unwind(|| -> Result<_> {
            let doc = ingest_within(&new.bytes, &opts, max)?;
            let analysis = analyze(&doc);
            Ok((doc, analysis))
        });
        let (doc, mut analysis) = match read {
            Ok(result) => result?,
            Err(_) => {
                return Err(Error::BadInput(
                    "Reading this article hit a bug in newsdesk, so it was not added. Please report it with the \
                     article attached; other articles are not affected."
                        .into(),
                ));
            }
        };
        checks.check_length(&doc)?;
        let size = new.bytes.len();
        let source = Source::from_bytes(new.bytes);

        let mut state = self.write();
        let data = state.scopes.entry(scope).or_default();
        if checks.refuse_duplicates {
            duplicates::refuse_copy(&data.articles, &analysis)?;
        }
        self.check_room(data, size)?;
        let id = format!("a{}", data.next_id + 1);
        let mut stored = StoredArticle {
            id: id.clone(),
            added_at: Utc::now(),
            added_by: new.added_by,
            origin: new.origin,
            title,
            source,
        };
        let seq = state.last_seq + 1;
        let line = self.append(&Record::Add {
            seq,
            scope,
            article: stored.clone(),
        })?;
        let home = match line {
            Some(at) => {
                stored.source.leave_on_disk();
                SourceHome::Journal(at)
            }
            None => SourceHome::Memory,
        };
        // The term index lives in the scope's index only (it is the largest part of an analysis).
        let terms = std::mem::take(&mut analysis.terms);
        let mut article = Article {
            id,
            added_at: stored.added_at,
            added_by: stored.added_by.clone(),
            origin: stored.origin.clone(),
            doc,
            analysis,
        };
        shrink_article(&mut article);
        let article = Arc::new(article);
        state.last_seq = seq;
        let data = state.scopes.entry(scope).or_default();
        data.next_id += 1;
        data.text_bytes += size;
        let index = data.index.clone();
        let slot = {
            let mut index = write_index(&index);
            let slot = index.reserve();
            index.insert_with_terms(slot, article.clone(), &terms);
            slot
        };
        data.articles.push(Entry {
            cell: Arc::new(OnceLock::from(article.clone())),
            stored: Arc::new(stored),
            size,
            slot,
            index,
            home: Arc::new(Mutex::new(home)),
            files: self.source_files(),
            unanalyzed: None,
        });
        drop(state);
        self.compact_if_due();
        Ok(article)
    }

    fn check_room(&self, data: &ScopeData, size: usize) -> Result<()> {
        let max_articles = self.limits.max_articles_per_scope;
        if data.articles.len() >= max_articles {
            return Err(Error::Limit(format!(
                "This server already has {} article{}, the most it may keep. Remove some with /article remove, \
                 or an admin can raise the limit with {}.",
                data.articles.len(),
                if data.articles.len() == 1 { "" } else { "s" },
                vars::MAX_ARTICLES
            )));
        }
        let max_text = self.limits.max_text_bytes_per_scope;
        if data.text_bytes.saturating_add(size) > max_text {
            return Err(Error::Limit(format!(
                "This server's articles already take {} of the {} of text it may keep, and this one adds {}. \
                 Remove some with /article remove, or an admin can raise the limit with {}.",
                human_size(data.text_bytes),
                human_size(max_text),
                human_size(size),
                vars::MAX_TEXT_BYTES
            )));
        }
        Ok(())
    }

    /// Removes an article by id (or unique title prefix); durable before it returns.
    pub fn remove_article(&self, scope: Scope, id_or_title: &str) -> Result<Arc<Article>> {
        let id = self.find_article_id(scope, id_or_title)?;
        // Analyzed (reading its source back) while it is still where the store keeps it:
        // the removed article is returned, and compaction stops tracking its line.
        let entry = self
            .read()
            .scopes
            .get(&scope)
            .and_then(|d| d.articles.iter().find(|e| e.id() == id))
            .cloned();
        if let Some(entry) = entry {
            entry.article();
        }
        let mut state = self.write();
        let data = state
            .scopes
            .get(&scope)
            .ok_or_else(|| not_found(id_or_title))?;
        // Looked up again: another caller may have removed it meanwhile.
        let pos = data
            .articles
            .iter()
            .position(|e| e.id() == id)
            .ok_or_else(|| not_found(id_or_title))?;
        let seq = state.last_seq + 1;
        self.append(&Record::Remove { seq, scope, id })?;
        state.last_seq = seq;
        let data = state
            .scopes
            .get_mut(&scope)
            .ok_or_else(|| not_found(id_or_title))?;
        let entry = data.articles.remove(pos);
        data.text_bytes = data.text_bytes.saturating_sub(entry.size);
        write_index(&entry.index).remove(entry.slot);
        drop(state);
        self.compact_if_due();
        Ok(entry.article())
    }

    /// The scope's articles, oldest first.
    pub fn articles(&self, scope: Scope) -> Vec<Arc<Article>> {
        force_all(&self.entries(scope))
    }

    fn entries(&self, scope: Scope) -> Vec<Entry> {
        self.read()
            .scopes
            .get(&scope)
            .map(|d| d.articles.clone())
            .unwrap_or_default()
    }

    /// Runs `query` on the scope's index once every article of the scope is in it
    /// (analyzing, on every core, any that a load left for the background).
    pub fn with_index<R>(&self, scope: Scope, query: impl FnOnce(&ScopeIndex) -> R) -> R {
        let (pending, index) = {
            let state = self.read();
            match state.scopes.get(&scope) {
                Some(d) => (
                    d.articles
                        .iter()
                        .filter(|e| e.cell.get().is_none())
                        .cloned()
                        .collect::<Vec<_>>(),
                    d.index.clone(),
                ),
                None => (Vec::new(), SharedIndex::default()),
            }
        };
        if !pending.is_empty() {
            force_all(&pending);
        }
        let index = index.read().unwrap_or_else(PoisonError::into_inner);
        query(&index)
    }

    /// Bytes of article text a scope holds (as counted against its text limit).
    pub fn scope_text_bytes(&self, scope: Scope) -> usize {
        self.read().scopes.get(&scope).map_or(0, |d| d.text_bytes)
    }

    /// Number of articles in a scope.
    pub fn article_count(&self, scope: Scope) -> usize {
        self.read()
            .scopes
            .get(&scope)
            .map_or(0, |d| d.articles.len())
    }

    /// One article by its exact id.
    pub fn article(&self, scope: Scope, id: &str) -> Result<Arc<Article>> {
        let entry = {
            let state = self.read();
            state
                .scopes
                .get(&scope)
                .and_then(|d| {
                    d.articles
                        .iter()
                        .find(|e| e.id().eq_ignore_ascii_case(id.trim()))
                })
                .cloned()
                .ok_or_else(|| not_found(id))?
        };
        Ok(entry.article())
    }

    /// One article by id, by exact title, or by a title prefix or words that match
    /// only one article (case-insensitive) — what a person types in the console.
    pub fn find_article(&self, scope: Scope, id_or_title: &str) -> Result<Arc<Article>> {
        if let Ok(a) = self.article(scope, id_or_title) {
            return Ok(a);
        }
        let articles = self.articles(scope);
        let pos = find_by_title(&articles, id_or_title)?;
        Ok(articles[pos].clone())
    }

    fn find_article_id(&self, scope: Scope, id_or_title: &str) -> Result<String> {
        let by_id = self
            .read()
            .scopes
            .get(&scope)
            .and_then(|d| {
                d.articles
                    .iter()
                    .find(|e| e.id().eq_ignore_ascii_case(id_or_title.trim()))
            })
            .map(|e| e.id().to_string());
        match by_id {
            Some(id) => Ok(id),
            None => self.find_article(scope, id_or_title).map(|a| a.id.clone()),
        }
    }

    /// An article's source exactly as it was added (for export, and to check integrity).
    pub fn article_source(&self, scope: Scope, id: &str) -> Option<Vec<u8>> {
        let entry = self
            .read()
            .scopes
            .get(&scope)?
            .articles
            .iter()
            .find(|e| e.id() == id)?
            .clone();
        match entry.source() {
            Ok(source) => source.to_bytes(),
            Err(e) => {
                tracing::warn!("{e}");
                None
            }
        }
    }

    pub fn setting(&self, scope: Scope, key: &str) -> Option<serde_json::Value> {
        self.read()
            .scopes
            .get(&scope)
            .and_then(|d| d.settings.get(key).cloned())
    }

    /// All settings of a scope whose key starts with `prefix`.
    pub fn settings_with_prefix(
        &self,
        scope: Scope,
        prefix: &str,
    ) -> Vec<(String, serde_json::Value)> {
        let state = self.read();
        state
            .scopes
            .get(&scope)
            .map(|d| {
                d.settings
                    .range(prefix.to_string()..)
                    .take_while(|(k, _)| k.starts_with(prefix))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Sets (or with `None`, removes) a setting; durable before it returns.
    pub fn set_setting(
        &self,
        scope: Scope,
        key: &str,
        value: Option<serde_json::Value>,
    ) -> Result<()> {
        let mut state = self.write();
        let seq = state.last_seq + 1;
        let record = match &value {
            Some(v) => Record::Set {
                seq,
                scope,
                key: key.to_string(),
                value: v.clone(),
            },
            None => {
                if state
                    .scopes
                    .get(&scope)
                    .is_none_or(|d| !d.settings.contains_key(key))
                {
                    return Ok(()); // nothing to remove, nothing to journal
                }
                Record::Unset {
                    seq,
                    scope,
                    key: key.to_string(),
                }
            }
        };
        self.append(&record)?;
        state.last_seq = seq;
        let data = state.scopes.entry(scope).or_default();
        match value {
            Some(v) => data.settings.insert(key.to_string(), v),
            None => data.settings.remove(key),
        };
        drop(state);
        self.compact_if_due();
        Ok(())
    }

    /// Every scope that has data (for the scheduler at start-up).
    pub fn scopes(&self) -> Vec<Scope> {
        let state = self.read();
        let mut scopes: Vec<Scope> = state
            .scopes
            .iter()
            .filter(|(_, d)| !d.articles.is_empty() || !d.settings.is_empty())
            .map(|(s, _)| *s)
            .collect();
        scopes.sort();
        scopes
    }

    /// Writes the whole state to the snapshot and empties the journal. Runs by itself
    /// every `compact_every` records; callable any time (e.g. before a backup).
    pub fn compact(&self) -> Result<()> {
        let Some(disk) = &self.disk else {
            return Ok(());
        };
        // Lock order everywhere: state, then journal.
        let state = self.read();
        let mut journal = disk.journal.lock().unwrap_or_else(PoisonError::into_inner);
        // Every source line moves: no reader may look for one until the homes are updated.
        let _moving = disk
            .sources
            .moving
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        /// A snapshot line: a record as it is, or an article whose source is read back now.
        enum Line<'a> {
            Record(Record),
            Article(Scope, &'a Entry),
        }
        let mut lines = Vec::new();
        let mut scopes: Vec<(&Scope, &ScopeData)> = state.scopes.iter().collect();
        scopes.sort_by_key(|(s, _)| **s);
        for (scope, data) in scopes {
            if data.articles.is_empty() && data.settings.is_empty() && data.next_id == 0 {
                continue;
            }
            lines.push(Line::Record(Record::Scope {
                scope: *scope,
                next_id: data.next_id,
            }));
            for (key, value) in &data.settings {
                lines.push(Line::Record(Record::Set {
                    seq: 0,
                    scope: *scope,
                    key: key.clone(),
                    value: value.clone(),
                }));
            }
            lines.extend(
                data.articles
                    .iter()
                    .map(|entry| Line::Article(*scope, entry)),
            );
        }
        let records = lines.iter().map(|line| match line {
            Line::Record(r) => Ok(r.clone()),
            Line::Article(scope, entry) => {
                let mut article = (*entry.stored).clone();
                if matches!(article.source, Source::OnDisk { .. }) {
                    let home = *entry.home.lock().unwrap_or_else(PoisonError::into_inner);
                    article.source = disk.sources.read(home, &article.id)?;
                }
                Ok(Record::Add {
                    seq: 0,
                    scope: *scope,
                    article,
                })
            }
        });
        let (written, at) = journal::write_snapshot(&disk.dir, state.last_seq, records)?;
        // The snapshot is in place: its lines are now where every source is.
        for (line, at) in lines.iter().zip(at) {
            if let Line::Article(_, entry) = line {
                let mut home = entry.home.lock().unwrap_or_else(PoisonError::into_inner);
                if *home != SourceHome::Memory {
                    *home = SourceHome::Snapshot(at);
                }
            }
        }
        journal.truncate_after_snapshot(written)
    }

    fn compact_if_due(&self) {
        if disk_journal_due(self)
            && let Err(e) = self.compact()
        {
            // The journal still holds everything, so nothing is lost; try again later.
            tracing::warn!("Compacting the store failed (the journal keeps every change): {e}");
        }
    }

    /// Appends a record to the journal; where its line is, for a disk-backed store.
    fn append(&self, record: &Record) -> Result<Option<LinePos>> {
        match &self.disk {
            None => Ok(None),
            Some(disk) => disk
                .journal
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .append(record)
                .map(Some),
        }
    }

    fn source_files(&self) -> Option<Arc<SourceFiles>> {
        self.disk.as_ref().map(|d| d.sources.clone())
    }

    // A panic elsewhere while holding a lock must not take the store down: the state is
    // only changed after the journal write succeeds, so it is consistent at every await
    // point and a poisoned lock can be used as is.
    fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Index of the article `query` names by title: the exact title, or a unique title
/// prefix, or a unique title containing it (all case-insensitive).
fn find_by_title(articles: &[Arc<Article>], query: &str) -> Result<usize> {
    let q = query.trim();
    if q.is_empty() {
        return Err(not_found(query));
    }
    let ql = q.to_lowercase();
    let titles: Vec<String> = articles.iter().map(|a| a.title().to_lowercase()).collect();
    if let Some(i) = titles.iter().position(|t| *t == ql) {
        return Ok(i);
    }
    for matches in [
        titles
            .iter()
            .enumerate()
            .filter(|(_, t)| t.starts_with(&ql))
            .map(|(i, _)| i)
            .collect::<Vec<_>>(),
        titles
            .iter()
            .enumerate()
            .filter(|(_, t)| t.contains(&ql))
            .map(|(i, _)| i)
            .collect::<Vec<_>>(),
    ] {
        match matches.len() {
            0 => continue,
            1 => return Ok(matches[0]),
            n => {
                let names: Vec<String> = matches
                    .iter()
                    .take(5)
                    .map(|&i| format!("{} ({})", articles[i].title(), articles[i].id))
                    .collect();
                return Err(Error::NotFound(format!(
                    "`{q}` matches {n} articles: {}{}. Use the article id instead.",
                    names.join("; "),
                    if n > 5 { "; …" } else { "" }
                )));
            }
        }
    }
    Err(not_found(query))
}

fn not_found(id: &str) -> Error {
    let shown: String = id.trim().chars().take(80).collect();
    Error::NotFound(format!(
        "No article `{shown}` here. Use /article list to see this server's articles."
    ))
}
