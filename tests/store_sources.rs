//! A disk-backed store keeps articles' sources on disk, not in memory: each is read back
//! from its journal or snapshot line to analyze it after a load, to export it, and to
//! compact. These tests check that every source read back is the one uploaded, byte for
//! byte (UTF-8 and not), wherever its line is: in the journal, in a snapshot, after a
//! compaction that runs while articles loaded earlier are still waiting for analysis,
//! and after removals and reopens.

use newsdesk::config::Limits;
use newsdesk::store::{NewArticle, Scope, Store};
use std::collections::BTreeMap;
use std::path::Path;

const G: Scope = Scope::Guild(3);

/// An article in plain text, or (every third one) in Latin-1, which is not UTF-8.
fn upload(n: usize) -> Vec<u8> {
    let text = format!(
        "Harbour report {n}\n\nThe port authority approved berth {n} on Tuesday. \"We expect {n} more ships a week,\" \
         said Director Lena Okafor.\n\nWork starts in the spring, the authority said.\n"
    );
    if n.is_multiple_of(3) {
        // "Café" in Latin-1: the é is one byte that is not valid UTF-8.
        let mut bytes = b"Caf\xe9 notes. ".to_vec();
        bytes.extend(text.into_bytes());
        bytes
    } else {
        text.into_bytes()
    }
}

fn add(store: &Store, n: usize) -> String {
    let new = NewArticle {
        bytes: upload(n),
        origin: format!("harbour-{n}.txt"),
        title: None,
        added_by: None,
    };
    store.add_article(G, new).expect("add").id.clone()
}

fn open(dir: &Path, compact_every: usize) -> Store {
    Store::open_with(dir, Limits::default(), compact_every)
        .expect("open")
        .0
}

/// Every stored article's source is the upload it came from, and its analysis is the
/// one that upload gives (not an article kept without analysis).
fn assert_sources(store: &Store, expected: &BTreeMap<String, usize>) {
    let articles = store.articles(G);
    let mut ids: Vec<&String> = articles.iter().map(|a| &a.id).collect();
    ids.sort();
    assert_eq!(
        ids,
        expected.keys().collect::<Vec<_>>(),
        "the stored articles"
    );
    for a in &articles {
        let n = expected[&a.id];
        assert_eq!(
            store.article_source(G, &a.id).as_deref(),
            Some(upload(n).as_slice()),
            "source of {}",
            a.id
        );
        assert!(
            a.doc.text.contains(&format!("berth {n} on Tuesday")),
            "{} was analyzed from its source: {:?}",
            a.id,
            a.doc.text
        );
        assert!(
            a.analysis
                .quotes
                .iter()
                .any(|q| q.speaker.contains("Okafor")),
            "{} has its quote: {:?}",
            a.id,
            a.analysis.quotes
        );
    }
}

#[test]
fn sources_read_back_from_journal_and_snapshot_lines_are_the_uploads() {
    let dir = tempfile::tempdir().unwrap();
    let mut expected = BTreeMap::new();
    {
        // No automatic compaction: sources live in journal lines.
        let store = open(dir.path(), 1_000);
        for n in 0..9 {
            expected.insert(add(&store, n), n);
        }
        assert_sources(&store, &expected);
        // Into a snapshot; then more in the journal after it.
        store.compact().unwrap();
        assert_sources(&store, &expected);
        for n in 9..12 {
            expected.insert(add(&store, n), n);
        }
        let gone = store.articles(G)[4].id.clone();
        store.remove_article(G, &gone).unwrap();
        expected.remove(&gone);
        assert_sources(&store, &expected);
    }
    // Reopened: half the sources in the snapshot, half in the journal, none analyzed yet.
    let store = open(dir.path(), 1_000);
    assert_sources(&store, &expected);
}

#[test]
fn a_compaction_before_the_analysis_of_a_load_moves_every_source_it_will_need() {
    let dir = tempfile::tempdir().unwrap();
    let mut expected = BTreeMap::new();
    {
        let store = open(dir.path(), 1_000);
        for n in 0..20 {
            expected.insert(add(&store, n), n);
        }
        store.compact().unwrap();
        for n in 20..30 {
            expected.insert(add(&store, n), n);
        }
    }
    {
        // Reopen and compact at once, while the background analysis is still reading
        // sources from the old snapshot and journal; then again after more changes.
        let store = open(dir.path(), 1_000);
        store.compact().unwrap();
        let early = store.articles(G)[25].id.clone();
        // Removing an article that may not be analyzed yet still returns it, analyzed.
        let removed = store.remove_article(G, &early).unwrap();
        assert!(
            removed
                .doc
                .text
                .contains(&format!("berth {} on Tuesday", expected[&early]))
        );
        expected.remove(&early);
        store.compact().unwrap();
        expected.insert(add(&store, 30), 30);
        assert_sources(&store, &expected);
    }
    // A store that compacts itself every few records while articles are added and
    // removed, then reopened.
    {
        let store = open(dir.path(), 3);
        for n in 31..40 {
            expected.insert(add(&store, n), n);
            if n % 4 == 0 {
                let id = store.articles(G)[0].id.clone();
                store.remove_article(G, &id).unwrap();
                expected.remove(&id);
            }
        }
        assert_sources(&store, &expected);
    }
    let store = open(dir.path(), 3);
    assert_sources(&store, &expected);
}

#[test]
fn an_in_memory_store_keeps_its_sources() {
    let store = Store::in_memory();
    let mut expected = BTreeMap::new();
    for n in 0..4 {
        expected.insert(add(&store, n), n);
    }
    store.compact().unwrap();
    assert_sources(&store, &expected);
}
