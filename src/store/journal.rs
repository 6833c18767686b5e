//! The store's files on disk: an append-only journal of changes and a snapshot that
//! compaction folds the journal into.
//!
//! ## Format: JSON lines, on purpose
//!
//! Both files are UTF-8 JSON, one record per line (`serde_json`):
//!
//! - `journal.jsonl` — one line per change, appended and fsynced before the change is
//!   acknowledged:
//!   `{"op":"add","seq":7,"scope":{"guild":1},"id":"a3","added_at":"…","added_by":"ana","origin":"x.html","title":null,"text":"<source>"}`,
//!   `{"op":"remove",…,"id":"a3"}`, `{"op":"set",…,"key":"k","value":…}`, `{"op":"unset",…,"key":"k"}`.
//!   An article's source is kept as uploaded: `text` when it is UTF-8, else `base64`.
//! - `snapshot.jsonl` — a header line (`format`, `version`, `last_seq`), then per scope a
//!   `scope` line (its next article number), its `set` and `add` lines, and an `end`
//!   line with the record count. It is written to `snapshot.jsonl.tmp`, fsynced, renamed
//!   over the old one and the directory fsynced, so it is always whole.
//!
//! Why not SQLite or redb: the store's working set lives in memory anyway (analysis is
//! recomputed at load), so the disk only has to keep an ordered log of changes. JSON
//! lines make that log appendable with one `write` + `fsync`, readable and repairable
//! with a text editor or `jq`, easy to back up with `cp`, and they need no extra
//! dependency. A torn record can only be the last line (each append is fsynced before
//! the next begins), which makes "torn tail" and "corruption" easy to tell apart.
//!
//! The store does not keep articles' sources in memory once they are read: it remembers
//! where each one's `add` line is ([`LinePos`]) and reads that line again when it needs
//! the source (analysis after a load, export, compaction).
//!
//! Every journal record carries a sequence number; the snapshot remembers the last one
//! it contains, so a crash between writing the snapshot and truncating the journal
//! replays nothing twice.

use super::Scope;
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub const JOURNAL_FILE: &str = "journal.jsonl";
pub const SNAPSHOT_FILE: &str = "snapshot.jsonl";
const SNAPSHOT_TMP: &str = "snapshot.jsonl.tmp";
const SNAPSHOT_FORMAT: &str = "newsdesk-snapshot";
const SNAPSHOT_VERSION: u32 = 1;

/// One change (journal) or one piece of state (snapshot).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Record {
    Add {
        #[serde(default)]
        seq: u64,
        scope: Scope,
        #[serde(flatten)]
        article: StoredArticle,
    },
    Remove {
        #[serde(default)]
        seq: u64,
        scope: Scope,
        id: String,
    },
    Set {
        #[serde(default)]
        seq: u64,
        scope: Scope,
        key: String,
        value: serde_json::Value,
    },
    Unset {
        #[serde(default)]
        seq: u64,
        scope: Scope,
        key: String,
    },
    /// Snapshot only: a scope and the number of its last article id.
    Scope { scope: Scope, next_id: u64 },
    /// Snapshot only: the last line, counting the records before it (header excluded).
    End { records: u64 },
}

impl Record {
    /// Drops an article's source from memory (see [`Source::OnDisk`]).
    fn leave_source_on_disk(&mut self) {
        if let Record::Add { article, .. } = self {
            article.source.leave_on_disk();
        }
    }

    pub fn seq(&self) -> u64 {
        match self {
            Record::Add { seq, .. }
            | Record::Remove { seq, .. }
            | Record::Set { seq, .. }
            | Record::Unset { seq, .. } => *seq,
            Record::Scope { .. } | Record::End { .. } => 0,
        }
    }
}

/// An article as stored: its source as uploaded and its metadata. Analysis is not
/// stored; it is recomputed at load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub id: String,
    pub added_at: DateTime<Utc>,
    #[serde(default)]
    pub added_by: Option<String>,
    pub origin: String,
    /// The title the user gave, if any (a title found in the text is found again at load).
    #[serde(default)]
    pub title: Option<String>,
    #[serde(flatten)]
    pub source: Source,
}

/// An article's bytes as uploaded: text when it is UTF-8, base64 otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Text(String),
    Base64(String),
    /// Left on disk, in the line the record was read from or written to; `len` is the
    /// size in bytes. Never written: encoding a record that holds it fails.
    #[serde(skip)]
    OnDisk {
        len: usize,
    },
}

impl Source {
    pub fn from_bytes(bytes: Vec<u8>) -> Source {
        match String::from_utf8(bytes) {
            Ok(text) => Source::Text(text),
            Err(e) => Source::Base64(base64_encode(e.as_bytes())),
        }
    }
    /// The bytes; `None` when the base64 is damaged or the source was left on disk.
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        match self {
            Source::Text(t) => Some(t.as_bytes().to_vec()),
            Source::Base64(b) => base64_decode(b),
            Source::OnDisk { .. } => None,
        }
    }
    /// Size in bytes of the source as uploaded.
    pub fn len(&self) -> usize {
        match self {
            Source::Text(t) => t.len(),
            Source::Base64(b) => b.len() / 4 * 3,
            Source::OnDisk { len } => *len,
        }
    }
    /// Drops the bytes from memory, keeping the size.
    pub fn leave_on_disk(&mut self) {
        *self = Source::OnDisk { len: self.len() };
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct SnapshotHeader {
    format: String,
    version: u32,
    last_seq: u64,
    written_at: DateTime<Utc>,
}

/// Where a record's line is in its file: byte offset and length (line end excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinePos {
    pub offset: u64,
    pub len: u64,
}

/// Reads back the record on one line of a journal or snapshot.
pub fn read_record_at(path: &Path, at: LinePos) -> Result<Record> {
    let file = File::open(path).map_err(|e| storage_io(path, "open", e))?;
    let len = usize::try_from(at.len).map_err(|_| {
        Error::Storage(format!(
            "A record in {} is too large to read.",
            path.display()
        ))
    })?;
    let mut line = vec![0u8; len];
    read_exact_at(&file, &mut line, at.offset).map_err(|e| storage_io(path, "read", e))?;
    serde_json::from_slice(&line).map_err(|e| {
        Error::Storage(format!(
            "{} changed under newsdesk: the record at byte {} no longer reads ({e}). Restart newsdesk; if this repeats, restore the data directory from a backup.",
            path.display(),
            at.offset
        ))
    })
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_exact_at(mut file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

/// What a journal read found.
#[derive(Debug, Default)]
pub struct JournalContents {
    pub records: Vec<Record>,
    /// Where each record's line is, in the same order.
    pub lines: Vec<LinePos>,
    /// Byte length of the journal up to and including the last whole record; a torn
    /// tail beyond it is cut off before appending.
    pub good_len: u64,
    /// Whether a torn final record was dropped.
    pub dropped_torn_tail: bool,
}

/// Reads the journal. A bad final record is a torn write (dropped); a bad record
/// followed by good ones is corruption (an error naming the file and line). With
/// `sources_on_disk`, articles' sources are dropped as they are read ([`Source::OnDisk`]).
pub fn read_journal(path: &Path, sources_on_disk: bool) -> Result<JournalContents> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(JournalContents::default()),
        Err(e) => return Err(storage_io(path, "read", e)),
    };
    let mut out = JournalContents::default();
    let mut offset = 0usize;
    let mut line_no = 0usize;
    while offset < bytes.len() {
        line_no += 1;
        let (line, next, complete) = match bytes[offset..].iter().position(|&b| b == b'\n') {
            Some(i) => (&bytes[offset..offset + i], offset + i + 1, true),
            None => (&bytes[offset..], bytes.len(), false),
        };
        let is_last = next >= bytes.len();
        let parsed = if line.iter().all(u8::is_ascii_whitespace) {
            None // blank lines are harmless (an editor may add one)
        } else {
            match serde_json::from_slice::<Record>(line) {
                Ok(r) if complete && !matches!(r, Record::Scope { .. } | Record::End { .. }) => {
                    Some(Ok(r))
                }
                Ok(_) if !complete => Some(Err("the record has no line end".to_string())),
                Ok(_) => Some(Err("snapshot-only record in the journal".to_string())),
                Err(e) => Some(Err(e.to_string())),
            }
        };
        match parsed {
            None => {}
            Some(Ok(mut r)) => {
                if sources_on_disk {
                    r.leave_source_on_disk();
                }
                out.records.push(r);
                out.lines.push(LinePos {
                    offset: offset as u64,
                    len: line.len() as u64,
                });
            }
            Some(Err(why)) if is_last => {
                tracing::warn!(
                    "{}: dropping a torn last record (line {line_no}, {} bytes: {why}); it was never acknowledged.",
                    path.display(),
                    line.len()
                );
                out.dropped_torn_tail = true;
                return Ok(JournalContents {
                    good_len: offset as u64,
                    ..out
                });
            }
            Some(Err(why)) => {
                return Err(Error::Storage(format!(
                    "The journal {} is damaged at line {line_no} ({why}), and records follow it, so this is not an \
                     interrupted write. newsdesk will not start rather than lose data. Restore the data directory \
                     from a backup, or inspect the line (it is JSON) and fix or delete it.",
                    path.display()
                )));
            }
        }
        offset = next;
    }
    out.good_len = bytes.len() as u64;
    Ok(out)
}

/// What a snapshot holds.
#[derive(Debug, Default)]
pub struct SnapshotContents {
    pub last_seq: u64,
    pub records: Vec<Record>,
    /// Where each record's line is, in the same order.
    pub lines: Vec<LinePos>,
}

/// Reads the snapshot; any damage is an error (it is written atomically, so it is whole
/// unless something outside newsdesk changed it). With `sources_on_disk`, articles'
/// sources are dropped as they are read ([`Source::OnDisk`]).
pub fn read_snapshot(path: &Path, sources_on_disk: bool) -> Result<SnapshotContents> {
    let text = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(SnapshotContents::default());
        }
        Err(e) => return Err(storage_io(path, "read", e)),
    };
    let corrupt = |line: usize, why: &str| {
        Error::Storage(format!(
            "The snapshot {} is damaged at line {line} ({why}). newsdesk will not start rather than lose data. \
             Restore the data directory from a backup.",
            path.display()
        ))
    };
    // (line number, byte offset, line)
    let mut lines = text
        .split(|&b| b == b'\n')
        .scan(0usize, |offset, line| {
            let at = *offset;
            *offset += line.len() + 1;
            Some((at, line))
        })
        .enumerate()
        .map(|(i, (at, line))| (i, at, line))
        .filter(|(_, _, l)| !l.iter().all(u8::is_ascii_whitespace));
    let header: SnapshotHeader = match lines.next() {
        None => return Err(corrupt(1, "the file is empty")),
        Some((_, _, l)) => serde_json::from_slice(l).map_err(|e| corrupt(1, &e.to_string()))?,
    };
    if header.format != SNAPSHOT_FORMAT {
        return Err(corrupt(1, "this is not a newsdesk snapshot"));
    }
    if header.version > SNAPSHOT_VERSION {
        return Err(Error::Storage(format!(
            "The snapshot {} was written by a newer newsdesk (format version {}). Upgrade newsdesk to read it.",
            path.display(),
            header.version
        )));
    }
    let mut records = Vec::new();
    let mut positions = Vec::new();
    let mut ended = false;
    for (i, at, line) in lines {
        if ended {
            return Err(corrupt(i + 1, "data after the end record"));
        }
        match serde_json::from_slice::<Record>(line).map_err(|e| corrupt(i + 1, &e.to_string()))? {
            Record::End { records: n } => {
                if n != records.len() as u64 {
                    return Err(corrupt(
                        i + 1,
                        &format!("{} records, the end record says {n}", records.len()),
                    ));
                }
                ended = true;
            }
            mut r => {
                if sources_on_disk {
                    r.leave_source_on_disk();
                }
                records.push(r);
                positions.push(LinePos {
                    offset: at as u64,
                    len: line.len() as u64,
                });
            }
        }
    }
    if !ended {
        return Err(corrupt(
            text.split(|&b| b == b'\n').count(),
            "the end record is missing; the file is cut short",
        ));
    }
    Ok(SnapshotContents {
        last_seq: header.last_seq,
        records,
        lines: positions,
    })
}

/// Writes a snapshot atomically: temp file, fsync, rename, fsync of the directory.
/// Records come one at a time (each article's source is read back from disk as it is
/// written, so a snapshot never needs every source in memory at once); the first error
/// stops the write and leaves the old snapshot in place. Returns the snapshot's size
/// and where each record's line is.
pub fn write_snapshot(
    dir: &Path,
    last_seq: u64,
    records: impl Iterator<Item = Result<Record>>,
) -> Result<(u64, Vec<LinePos>)> {
    let tmp = dir.join(SNAPSHOT_TMP);
    let dest = dir.join(SNAPSHOT_FILE);
    let file = File::create(&tmp).map_err(|e| storage_io(&tmp, "create", e))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let header = SnapshotHeader {
        format: SNAPSHOT_FORMAT.into(),
        version: SNAPSHOT_VERSION,
        last_seq,
        written_at: Utc::now(),
    };
    let mut positions = Vec::new();
    let write_all = |w: &mut BufWriter<File>| -> Result<()> {
        let io = |e: std::io::Error| storage_io(&tmp, "write", e);
        let mut offset = 0u64;
        let mut line = encode(&header)?;
        for record in records {
            line.push(b'\n');
            w.write_all(&line).map_err(io)?;
            offset += line.len() as u64;
            line = encode(&record?)?;
            positions.push(LinePos {
                offset,
                len: line.len() as u64,
            });
        }
        line.push(b'\n');
        w.write_all(&line).map_err(io)?;
        let mut end = encode(&Record::End {
            records: positions.len() as u64,
        })?;
        end.push(b'\n');
        w.write_all(&end).map_err(io)?;
        w.flush().map_err(io)?;
        w.get_ref().sync_all().map_err(io)
    };
    write_all(&mut w)?;
    let written = w.get_ref().metadata().map_or(0, |m| m.len());
    drop(w);
    std::fs::rename(&tmp, &dest).map_err(|e| storage_io(&dest, "replace", e))?;
    sync_dir(dir)?;
    Ok((written, positions))
}

/// One line of a snapshot, without its line end.
fn encode<T: Serialize>(item: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(item)
        .map_err(|e| Error::Storage(format!("Could not encode a snapshot record: {e}")))
}

/// The open journal, appended to under the store's lock.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    len: u64,
    /// Records appended since the last compaction (or found at load).
    pub records_since_compaction: usize,
    /// Size of the snapshot on disk, to keep compaction's cost proportional to the
    /// journal it folds in.
    pub snapshot_len: u64,
    /// Set when a failed append could not be rolled back; further writes are refused.
    broken: Option<String>,
}

impl Journal {
    /// Opens (creating) the journal for appending, cutting off a torn tail first.
    pub fn open(dir: &Path, good_len: u64, existing_records: usize) -> Result<Journal> {
        let path = dir.join(JOURNAL_FILE);
        let created = !path.exists();
        let file = OpenOptions::new()
            .create(true)
            .read(true)
            .write(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| storage_io(&path, "open", e))?;
        let actual = file
            .metadata()
            .map_err(|e| storage_io(&path, "read", e))?
            .len();
        if actual != good_len {
            file.set_len(good_len)
                .map_err(|e| storage_io(&path, "repair", e))?;
            file.sync_all()
                .map_err(|e| storage_io(&path, "repair", e))?;
        }
        if created {
            sync_dir(dir)?;
        }
        let snapshot_len = std::fs::metadata(dir.join(SNAPSHOT_FILE)).map_or(0, |m| m.len());
        Ok(Journal {
            path,
            file,
            len: good_len,
            records_since_compaction: existing_records,
            snapshot_len,
            broken: None,
        })
    }

    /// Appends one record and fsyncs it, returning where its line is. On failure the
    /// file is cut back to where it was, so a failed append never leaves a bad record in
    /// the middle of the journal.
    pub fn append(&mut self, record: &Record) -> Result<LinePos> {
        if let Some(why) = &self.broken {
            return Err(Error::Storage(why.clone()));
        }
        let mut line = serde_json::to_vec(record)
            .map_err(|e| Error::Storage(format!("Could not encode a journal record: {e}")))?;
        line.push(b'\n');
        let result = (|| -> std::io::Result<()> {
            use std::io::{Seek, SeekFrom};
            self.file.seek(SeekFrom::Start(self.len))?;
            self.file.write_all(&line)?;
            self.file.sync_data()
        })();
        match result {
            Ok(()) => {
                let at = LinePos {
                    offset: self.len,
                    len: line.len() as u64 - 1,
                };
                self.len += line.len() as u64;
                self.records_since_compaction += 1;
                Ok(at)
            }
            Err(e) => {
                let rollback = self
                    .file
                    .set_len(self.len)
                    .and_then(|()| self.file.sync_all());
                if let Err(e2) = rollback {
                    self.broken = Some(format!(
                        "The journal {} could not be written ({e}) nor repaired ({e2}); newsdesk refuses changes \
                         until it is restarted. Check the disk (space, permissions).",
                        self.path.display()
                    ));
                }
                Err(storage_io(&self.path, "write", e))
            }
        }
    }

    /// Whether compaction is due: at least `every` records, and either the journal has
    /// grown to half the snapshot's size or ten times `every` records have piled up. A
    /// big store is thus not rewritten whole for every few small changes.
    pub fn compaction_due(&self, every: usize) -> bool {
        self.records_since_compaction >= every
            && (self.len.saturating_mul(2) >= self.snapshot_len
                || self.records_since_compaction >= every.saturating_mul(10))
    }

    /// Bytes in the journal.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Empties the journal after its records went into a snapshot of `snapshot_len` bytes.
    pub fn truncate_after_snapshot(&mut self, snapshot_len: u64) -> Result<()> {
        self.snapshot_len = snapshot_len;
        self.truncate()
    }

    /// Empties the journal after its records went into a snapshot.
    fn truncate(&mut self) -> Result<()> {
        self.file
            .set_len(0)
            .and_then(|()| self.file.sync_all())
            .map_err(|e| storage_io(&self.path, "truncate", e))?;
        self.len = 0;
        self.records_since_compaction = 0;
        Ok(())
    }
}

fn sync_dir(dir: &Path) -> Result<()> {
    // Directories can be opened read-only and fsynced on Unix; elsewhere this is best effort.
    match File::open(dir) {
        Ok(d) => {
            if let Err(e) = d.sync_all()
                && cfg!(unix)
            {
                return Err(storage_io(dir, "sync", e));
            }
            Ok(())
        }
        Err(e) if cfg!(unix) => Err(storage_io(dir, "open", e)),
        Err(_) => Ok(()),
    }
}

pub(crate) fn storage_io(path: &Path, what: &str, e: std::io::Error) -> Error {
    Error::Storage(format!(
        "Could not {what} {}: {e}. Check that the data directory (NEWSDESK_DATA_DIR) exists, is writable and has free space.",
        path.display()
    ))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for &c in text {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 200) as u8).collect();
            let enc = base64_encode(&bytes);
            assert_eq!(enc.len() % 4, 0);
            assert_eq!(base64_decode(&enc).unwrap(), bytes, "length {len}");
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_decode("not base64!"), None);
    }

    #[test]
    fn non_utf8_sources_survive_a_record_round_trip() {
        let latin1 = b"Caf\xe9 \"quoted\" \x00 end".to_vec();
        let rec = Record::Add {
            seq: 3,
            scope: Scope::Guild(9),
            article: StoredArticle {
                id: "a1".into(),
                added_at: Utc::now(),
                added_by: None,
                origin: "x.txt".into(),
                title: Some("T".into()),
                source: Source::from_bytes(latin1.clone()),
            },
        };
        let line = serde_json::to_string(&rec).unwrap();
        assert!(line.contains("\"base64\""), "{line}");
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, rec);
        match back {
            Record::Add { article, .. } => assert_eq!(article.source.to_bytes().unwrap(), latin1),
            _ => unreachable!(),
        }
    }
}
