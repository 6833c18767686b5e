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

pub mod journal;

use crate::analyze::analyze;
use crate::config::{Limits, human_size, vars};
use crate::error::{Error, Result};
use crate::ingest::{IngestOptions, ingest, ingest_within, too_big};
use crate::model::{Article, Document};
use crate::query::ScopeIndex;
use chrono::Utc;
use journal::{Journal, LinePos, Record, Source, StoredArticle};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{
    Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError, RwLock, RwLockReadGuard,
    RwLockWriteGuard,
};

/// Whose data: a guild's, or one user's in direct messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// A stored article and the source it is rebuilt from.
#[derive(Debug, Clone)]
struct Entry {
    /// The analyzed article: set when added, or after a load by the background
    /// analysis or by the first reader that needs it, whichever comes first.
    cell: Arc<OnceLock<Arc<Article>>>,
    stored: Arc<StoredArticle>,
    /// Bytes counted against the scope's text limit.
    size: usize,
    /// Position in the scope's index (oldest first, never reused).
    slot: u32,
    /// The scope's query index, which the article joins once analyzed.
    index: SharedIndex,
    /// Where the source is when `stored` does not hold it ([`Source::OnDisk`]).
    home: Arc<Mutex<SourceHome>>,
    files: Option<Arc<SourceFiles>>,
}

/// Where an article's source can be read back from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum SourceHome {
    /// In `StoredArticle::source` (a store without a disk).
    Memory,
    Journal(LinePos),
    Snapshot(LinePos),
}

/// The files sources are read back from. Compaction moves every source line, so it
/// holds `moving` for writing while it replaces the files and updates each home;
/// readers hold it for reading.
#[derive(Debug)]
struct SourceFiles {
    dir: PathBuf,
    moving: RwLock<()>,
}

impl SourceFiles {
    /// The source in the `add` line at `home`, checked to be article `id`'s. The caller
    /// holds `moving`.
    fn read(&self, home: SourceHome, id: &str) -> Result<Source> {
        let (file, at) = match home {
            SourceHome::Memory => {
                return Err(Error::Storage(format!(
                    "Article {id} has no source on disk."
                )));
            }
            SourceHome::Journal(at) => (journal::JOURNAL_FILE, at),
            SourceHome::Snapshot(at) => (journal::SNAPSHOT_FILE, at),
        };
        let path = self.dir.join(file);
        match journal::read_record_at(&path, at)? {
            Record::Add { article, .. } if article.id == id => Ok(article.source),
            _ => Err(Error::Storage(format!(
                "{} changed under newsdesk: article {id} is no longer where it was written. Restart newsdesk; if this \
                 repeats, restore the data directory from a backup.",
                path.display()
            ))),
        }
    }
}

type SharedIndex = Arc<RwLock<ScopeIndex>>;

fn write_index(index: &SharedIndex) -> RwLockWriteGuard<'_, ScopeIndex> {
    index.write().unwrap_or_else(PoisonError::into_inner)
}

impl Entry {
    fn id(&self) -> &str {
        &self.stored.id
    }

    /// The source as uploaded, from memory or read back from disk.
    fn source(&self) -> Result<Source> {
        if !matches!(self.stored.source, Source::OnDisk { .. }) {
            return Ok(self.stored.source.clone());
        }
        let files = self.files.as_ref().ok_or_else(|| {
            Error::Storage(format!("Article {} has no source on disk.", self.id()))
        })?;
        let _not_moving = files.moving.read().unwrap_or_else(PoisonError::into_inner);
        let home = *self.home.lock().unwrap_or_else(PoisonError::into_inner);
        files.read(home, self.id())
    }

    /// The analyzed article, analyzing it now if nobody has yet. It joins the scope's
    /// index before the cell is set, so whoever sees it analyzed finds it indexed.
    fn article(&self) -> Arc<Article> {
        self.cell
            .get_or_init(|| {
                let mut article = rebuild(&self.stored, self.source());
                let terms = std::mem::take(&mut article.analysis.terms);
                shrink_article(&mut article);
                let article = Arc::new(article);
                write_index(&self.index).insert_with_terms(self.slot, article.clone(), &terms);
                article
            })
            .clone()
    }
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

    /// Opens (creating) the data directory `dir`: loads the snapshot and replays the
    /// journal. Articles are re-analyzed in the background on every core; a reader
    /// that needs one first analyzes it itself (see [`Store::wait_for_analysis`]).
    pub fn open(dir: &Path, limits: Limits) -> Result<Store> {
        Store::open_with(dir, limits, 1_000).map(|(s, _)| s)
    }

    /// [`Store::open`] with a compaction threshold (journal records between snapshots),
    /// also returning what was loaded.
    pub fn open_with(
        dir: &Path,
        limits: Limits,
        compact_every: usize,
    ) -> Result<(Store, LoadReport)> {
        let started = std::time::Instant::now();
        std::fs::create_dir_all(dir).map_err(|e| journal::storage_io(dir, "create", e))?;
        let lock_path = dir.join("newsdesk.lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| journal::storage_io(&lock_path, "open", e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Storage(format!(
                    "Another newsdesk process is using the data directory {}. Stop it first, or point {} at another directory.",
                    dir.display(),
                    vars::DATA_DIR
                )));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(journal::storage_io(&lock_path, "lock", e));
            }
        }

        let snapshot = journal::read_snapshot(&dir.join(journal::SNAPSHOT_FILE), true)?;
        let mut journal_contents = journal::read_journal(&dir.join(journal::JOURNAL_FILE), true)?;
        let mut loading = Loading {
            last_seq: snapshot.last_seq,
            ..Loading::default()
        };
        for (record, at) in snapshot.records.into_iter().zip(snapshot.lines) {
            loading.apply(record, SourceHome::Snapshot(at), true);
        }
        let mut replayed = 0usize;
        for (record, at) in std::mem::take(&mut journal_contents.records)
            .into_iter()
            .zip(std::mem::take(&mut journal_contents.lines))
        {
            if record.seq() > snapshot.last_seq {
                loading.apply(record, SourceHome::Journal(at), false);
                replayed += 1;
            }
        }
        let sources = Arc::new(SourceFiles {
            dir: dir.to_path_buf(),
            moving: RwLock::new(()),
        });
        let state = loading.finish(Some(&sources));
        let pending: Vec<Entry> = state
            .scopes
            .values()
            .flat_map(|d| d.articles.iter().cloned())
            .collect();
        let report = LoadReport {
            scopes: state.scopes.len(),
            articles: pending.len(),
            journal_records: replayed,
            dropped_torn_record: journal_contents.dropped_torn_tail,
            seconds: started.elapsed().as_secs_f64(),
        };
        let journal = Journal::open(dir, journal_contents.good_len, replayed)?;
        let store = Store {
            state: RwLock::new(state),
            disk: Some(Disk {
                dir: dir.to_path_buf(),
                journal: Mutex::new(journal),
                sources,
                _lock: lock,
            }),
            ingest_gate: Gate::new(limits.max_concurrent_requests),
            limits,
            compact_every: compact_every.max(1),
            closing: Arc::default(),
        };
        analyze_in_background(pending, store.closing.clone());
        let due = disk_journal_due(&store);
        if due {
            store.compact()?;
        }
        tracing::info!(
            "Loaded {} articles in {} scopes from {} ({} journal records) in {:.2} s.",
            report.articles,
            report.scopes,
            dir.display(),
            report.journal_records,
            report.seconds
        );
        Ok((store, report))
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
        let size = new.bytes.len();
        let source = Source::from_bytes(new.bytes);

        let mut state = self.write();
        let data = state.scopes.entry(scope).or_default();
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
        if disk_journal_due(self) {
            if let Err(e) = self.compact() {
                // The journal still holds everything, so nothing is lost; try again later.
                tracing::warn!("Compacting the store failed (the journal keeps every change): {e}");
            }
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

fn disk_journal_due(store: &Store) -> bool {
    store.disk.as_ref().is_some_and(|d| {
        d.journal
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .compaction_due(store.compact_every)
    })
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

/// State being rebuilt from the snapshot and journal, before analysis.
#[derive(Default)]
struct Loading {
    scopes: HashMap<Scope, LoadingScope>,
    last_seq: u64,
}

#[derive(Default)]
struct LoadingScope {
    articles: Vec<(StoredArticle, SourceHome)>,
    next_id: u64,
    settings: BTreeMap<String, serde_json::Value>,
}

impl Loading {
    fn apply(&mut self, record: Record, home: SourceHome, from_snapshot: bool) {
        if !from_snapshot {
            self.last_seq = self.last_seq.max(record.seq());
        }
        match record {
            Record::Add { scope, article, .. } => {
                let data = self.scopes.entry(scope).or_default();
                if let Some(n) = article
                    .id
                    .strip_prefix('a')
                    .and_then(|n| n.parse::<u64>().ok())
                {
                    data.next_id = data.next_id.max(n);
                }
                match data.articles.iter_mut().find(|a| a.0.id == article.id) {
                    Some(existing) => {
                        tracing::warn!(
                            "The store has article {} twice in {scope:?}; keeping the later copy.",
                            article.id
                        );
                        *existing = (article, home);
                    }
                    None => data.articles.push((article, home)),
                }
            }
            Record::Remove { scope, id, .. } => {
                if let Some(data) = self.scopes.get_mut(&scope) {
                    data.articles.retain(|a| a.0.id != id);
                }
            }
            Record::Set {
                scope, key, value, ..
            } => {
                self.scopes
                    .entry(scope)
                    .or_default()
                    .settings
                    .insert(key, value);
            }
            Record::Unset { scope, key, .. } => {
                if let Some(data) = self.scopes.get_mut(&scope) {
                    data.settings.remove(&key);
                }
            }
            Record::Scope { scope, next_id } => {
                let data = self.scopes.entry(scope).or_default();
                data.next_id = data.next_id.max(next_id);
            }
            Record::End { .. } => {}
        }
    }

    /// The loaded state, articles not analyzed yet.
    fn finish(self, files: Option<&Arc<SourceFiles>>) -> State {
        let scopes = self
            .scopes
            .into_iter()
            .map(|(scope, data)| {
                let index = SharedIndex::default();
                let articles: Vec<Entry> = data
                    .articles
                    .into_iter()
                    .map(|(stored, home)| Entry {
                        cell: Arc::default(),
                        size: stored.source.len(),
                        stored: Arc::new(stored),
                        slot: write_index(&index).reserve(),
                        index: index.clone(),
                        home: Arc::new(Mutex::new(home)),
                        files: files.cloned(),
                    })
                    .collect();
                let text_bytes = articles.iter().map(|e| e.size).sum();
                (
                    scope,
                    ScopeData {
                        articles,
                        next_id: data.next_id,
                        settings: data.settings,
                        text_bytes,
                        index,
                    },
                )
            })
            .collect();
        State {
            scopes,
            last_seq: self.last_seq,
        }
    }
}

/// Workers for re-analysis, at most one per core.
fn worker_count(jobs: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs)
        .max(1)
}

/// Analyzes loaded articles on background threads (one per core) until all are done or
/// the store is dropped. Readers that get there first analyze an article themselves;
/// `OnceLock` makes sure each is analyzed once.
fn analyze_in_background(entries: Vec<Entry>, closing: Arc<AtomicBool>) {
    if entries.is_empty() {
        return;
    }
    let entries = Arc::new(entries);
    let next = Arc::new(AtomicUsize::new(0));
    for n in 0..worker_count(entries.len()) {
        let (entries, next, closing) = (entries.clone(), next.clone(), closing.clone());
        let spawned = std::thread::Builder::new()
            .name(format!("newsdesk-load-{n}"))
            .spawn(move || {
                while !closing.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(entry) = entries.get(i) else { break };
                    entry.article();
                }
            });
        if let Err(e) = spawned {
            // Readers analyze on demand, so this only costs speed.
            tracing::warn!("Could not start a background analysis thread: {e}");
        }
    }
}

/// The articles of `entries`, analyzing the ones not done yet on every core.
fn force_all(entries: &[Entry]) -> Vec<Arc<Article>> {
    let missing: Vec<&Entry> = entries.iter().filter(|e| e.cell.get().is_none()).collect();
    if missing.len() > 1 {
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..worker_count(missing.len()) {
                scope.spawn(|| {
                    while let Some(entry) = missing.get(next.fetch_add(1, Ordering::Relaxed)) {
                        entry.article();
                    }
                });
            }
        });
    }
    entries.iter().map(Entry::article).collect()
}

/// Gives back the spare capacity the analysis left in an article's lists and strings
/// (they grow by doubling while the article is read), since a store holds thousands of
/// articles for as long as it runs.
fn shrink_article(article: &mut Article) {
    fn names(name: &mut String, aliases: &mut Vec<String>) {
        name.shrink_to_fit();
        aliases.iter_mut().for_each(String::shrink_to_fit);
        aliases.shrink_to_fit();
    }
    let doc = &mut article.doc;
    doc.title.shrink_to_fit();
    doc.text.shrink_to_fit();
    doc.paragraphs.shrink_to_fit();
    doc.sentences.shrink_to_fit();
    let an = &mut article.analysis;
    for q in &mut an.quotes {
        names(&mut q.speaker, &mut q.aliases);
        q.role.shrink_to_fit();
    }
    an.quotes.shrink_to_fit();
    for f in &mut an.figures {
        f.unit.shrink_to_fit();
        f.about.shrink_to_fit();
    }
    an.figures.shrink_to_fit();
    for p in &mut an.people {
        names(&mut p.name, &mut p.aliases);
        p.role.shrink_to_fit();
        p.mentions.shrink_to_fit();
    }
    an.people.shrink_to_fit();
    for e in an.organizations.iter_mut().chain(&mut an.places) {
        names(&mut e.name, &mut e.aliases);
        e.mentions.shrink_to_fit();
    }
    an.organizations.shrink_to_fit();
    an.places.shrink_to_fit();
    an.dates.shrink_to_fit();
    an.key_points.shrink_to_fit();
}

/// An article from its stored source: ingested and analyzed with today's rules.
fn rebuild(stored: &StoredArticle, source: Result<Source>) -> Article {
    let source = match source {
        Ok(s) => s,
        Err(e) => {
            return fallback_article(
                stored,
                None,
                &format!("its source could not be read back ({e})"),
            );
        }
    };
    let Some(bytes) = source.to_bytes() else {
        return fallback_article(stored, None, "its stored source is damaged");
    };
    let opts = IngestOptions {
        name_hint: Some(stored.origin.clone()),
        title: stored.title.clone(),
    };
    match std::panic::catch_unwind(|| ingest(&bytes, &opts).map(|doc| (analyze(&doc), doc))) {
        Ok(Ok((analysis, doc))) => Article {
            id: stored.id.clone(),
            added_at: stored.added_at,
            added_by: stored.added_by.clone(),
            origin: stored.origin.clone(),
            doc,
            analysis,
        },
        Ok(Err(e)) => fallback_article(stored, Some(&bytes), &e.to_string()),
        Err(_) => fallback_article(stored, Some(&bytes), "the analysis crashed"),
    }
}

/// Keeps an article that today's rules refuse or crash on: listed and removable, with
/// its raw text and no analysis, rather than silently dropped.
fn fallback_article(stored: &StoredArticle, source: Option<&[u8]>, why: &str) -> Article {
    tracing::warn!(
        "Article {} ({}) could not be analyzed at load: {why}. It is kept without analysis.",
        stored.id,
        stored.origin
    );
    let text = source
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    let title = stored
        .title
        .clone()
        .unwrap_or_else(|| stored.origin.clone());
    Article {
        id: stored.id.clone(),
        added_at: stored.added_at,
        added_by: stored.added_by.clone(),
        origin: stored.origin.clone(),
        doc: Document {
            title,
            text,
            ..Document::default()
        },
        analysis: Default::default(),
    }
}

/// A counting gate: at most `max` ingests run at once; the rest wait their turn.
#[derive(Debug)]
struct Gate {
    max: usize,
    running: Mutex<usize>,
    freed: Condvar,
}

struct Permit<'a>(&'a Gate);

impl Gate {
    fn new(max: usize) -> Gate {
        Gate {
            max: max.max(1),
            running: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    fn enter(&self) -> Permit<'_> {
        let mut running = self.lock();
        while *running >= self.max {
            running = self
                .freed
                .wait(running)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *running += 1;
        Permit(self)
    }

    fn lock(&self) -> MutexGuard<'_, usize> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut running = self.0.lock();
        *running = running.saturating_sub(1);
        self.0.freed.notify_one();
    }
}
