//! An article as the store holds it: its stored source, where that source can be read
//! back from, and the analyzed article, computed once (on first need or by the
//! background threads after a load) and shrunk to size before it joins the scope index.

use super::journal::{self, LinePos, Record, Source, StoredArticle};
use crate::analyze::analyze;
use crate::error::{Error, Result};
use crate::ingest::{IngestOptions, ingest};
use crate::model::{Article, Document};
use crate::query::ScopeIndex;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock, RwLockWriteGuard};

/// A stored article and the source it is rebuilt from.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// The analyzed article: set when added, or after a load by the background
    /// analysis or by the first reader that needs it, whichever comes first.
    pub(super) cell: Arc<OnceLock<Arc<Article>>>,
    pub(super) stored: Arc<StoredArticle>,
    /// Bytes counted against the scope's text limit.
    pub(super) size: usize,
    /// Position in the scope's index (oldest first, never reused).
    pub(super) slot: u32,
    /// The scope's query index, which the article joins once analyzed.
    pub(super) index: SharedIndex,
    /// Where the source is when `stored` does not hold it ([`Source::OnDisk`]).
    pub(super) home: Arc<Mutex<SourceHome>>,
    pub(super) files: Option<Arc<SourceFiles>>,
    /// For an article loaded from disk: how many of the load's articles are not
    /// analyzed yet (shared by all of them). Whoever analyzes the last one hands the
    /// memory the analyses' temporaries left in the allocator back to the system.
    pub(super) unanalyzed: Option<Arc<AtomicUsize>>,
}

/// Where an article's source can be read back from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum SourceHome {
    /// In `StoredArticle::source` (a store without a disk).
    Memory,
    Journal(LinePos),
    Snapshot(LinePos),
}

/// The files sources are read back from. Compaction moves every source line, so it
/// holds `moving` for writing while it replaces the files and updates each home;
/// readers hold it for reading.
#[derive(Debug)]
pub(super) struct SourceFiles {
    pub(super) dir: PathBuf,
    pub(super) moving: RwLock<()>,
}

impl SourceFiles {
    /// The source in the `add` line at `home`, checked to be article `id`'s. The caller
    /// holds `moving`.
    pub(super) fn read(&self, home: SourceHome, id: &str) -> Result<Source> {
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

pub(super) type SharedIndex = Arc<RwLock<ScopeIndex>>;

pub(super) fn write_index(index: &SharedIndex) -> RwLockWriteGuard<'_, ScopeIndex> {
    index.write().unwrap_or_else(PoisonError::into_inner)
}

impl Entry {
    pub(super) fn id(&self) -> &str {
        &self.stored.id
    }

    /// The source as uploaded, from memory or read back from disk.
    pub(super) fn source(&self) -> Result<Source> {
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
    pub(super) fn article(&self) -> Arc<Article> {
        let mut last = false;
        let article = self
            .cell
            .get_or_init(|| {
                let mut article = rebuild(&self.stored, self.source());
                let terms = std::mem::take(&mut article.analysis.terms);
                shrink_article(&mut article);
                let article = Arc::new(article);
                write_index(&self.index).insert_with_terms(self.slot, article.clone(), &terms);
                last = self
                    .unanalyzed
                    .as_ref()
                    .is_some_and(|left| left.fetch_sub(1, Ordering::AcqRel) == 1);
                article
            })
            .clone();
        if last {
            release_free_memory();
        }
        article
    }
}

/// Hands the memory freed in the allocator back to the system, once the load's articles
/// are all analyzed. The analysis of each article allocates several times its size in
/// temporaries on whichever thread analyzes it, and glibc keeps what they freed in that
/// thread's arena for as long as the process runs (at 10,000 articles about 6 MB free
/// in 202 MB of arenas; trimming gives back about 1 MB of resident memory, the rest is
/// scattered below live blocks). Runs once, on the thread that analyzed the last
/// article: a background worker, or a reader's thread, never an async runtime's (the
/// bot reads the store in `spawn_blocking`).
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks and trims the allocator's own free lists; it
    // takes the arenas' locks and has no preconditions.
    unsafe {
        libc::malloc_trim(0);
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
pub(super) fn analyze_in_background(entries: Vec<Entry>, closing: Arc<AtomicBool>) {
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
pub(super) fn force_all(entries: &[Entry]) -> Vec<Arc<Article>> {
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
/// articles for as long as it runs, and drops the findings' rule sets (only
/// `extract --explain` shows them).
pub(super) fn shrink_article(article: &mut Article) {
    pub(super) fn names(name: &mut String, aliases: &mut Vec<String>) {
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
        q.rules.clear();
    }
    an.quotes.shrink_to_fit();
    for f in &mut an.figures {
        f.unit.shrink_to_fit();
        f.about.shrink_to_fit();
        f.rules.clear();
    }
    an.figures.shrink_to_fit();
    for p in &mut an.people {
        names(&mut p.name, &mut p.aliases);
        p.role.shrink_to_fit();
        p.mentions.shrink_to_fit();
        p.rules.clear();
    }
    an.people.shrink_to_fit();
    for e in an.organizations.iter_mut().chain(&mut an.places) {
        names(&mut e.name, &mut e.aliases);
        e.mentions.shrink_to_fit();
        e.rules.clear();
    }
    an.organizations.shrink_to_fit();
    an.places.shrink_to_fit();
    an.dates.iter_mut().for_each(|d| d.rules.clear());
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
