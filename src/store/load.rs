//! Opening a data directory: taking its lock, loading the snapshot, replaying the
//! journal, and handing the articles to the background analysis.

use super::entry::{
    Entry, SharedIndex, SourceFiles, SourceHome, analyze_in_background, write_index,
};
use super::gate::Gate;
use super::journal::{self, Journal, Record, StoredArticle};
use super::{Disk, LoadReport, Scope, ScopeData, State, Store};
use crate::config::{Limits, vars};
use crate::error::{Error, Result};
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::path::Path;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

impl Store {
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
}

pub(super) fn disk_journal_due(store: &Store) -> bool {
    store.disk.as_ref().is_some_and(|d| {
        d.journal
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .compaction_due(store.compact_every)
    })
}

/// State being rebuilt from the snapshot and journal, before analysis.
#[derive(Default)]
struct Loading {
    pub(super) scopes: HashMap<Scope, LoadingScope>,
    pub(super) last_seq: u64,
}

#[derive(Default)]
struct LoadingScope {
    pub(super) articles: Vec<(StoredArticle, SourceHome)>,
    pub(super) next_id: u64,
    pub(super) settings: BTreeMap<String, serde_json::Value>,
}

impl Loading {
    pub(super) fn apply(&mut self, record: Record, home: SourceHome, from_snapshot: bool) {
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
    pub(super) fn finish(self, files: Option<&Arc<SourceFiles>>) -> State {
        let total = self.scopes.values().map(|d| d.articles.len()).sum();
        let unanalyzed = Arc::new(AtomicUsize::new(total));
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
                        unanalyzed: Some(unanalyzed.clone()),
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
