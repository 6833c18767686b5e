//! The packed lists of the scope index: item references, postings and the
//! varint-gap [`PostingList`] that holds millions of them in a few bytes each.

/// A person, quote or entity of one article: its slot and its position in the article's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemRef {
    pub slot: u32,
    pub item: u32,
}

/// Which list of an article an entity is in, in the order a scan visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityRef {
    pub slot: u32,
    pub kind: EntityKind,
    pub item: u32,
}

/// One sentence holding a term: 8 bytes, the sentence and the occurrences packed in
/// one word (sentence in the high 24 bits, occurrences up to 255 in the low 8), since
/// there are millions. Orders by (slot, sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Posting {
    pub slot: u32,
    packed: u32,
}

impl Posting {
    const COUNT_BITS: u32 = 8;
    /// `None` past the 16,777,216th sentence of an article (far beyond any upload limit).
    pub(super) fn new(slot: u32, sentence: u32, count: u16) -> Option<Posting> {
        (sentence < 1 << (32 - Self::COUNT_BITS)).then(|| Posting {
            slot,
            packed: sentence << Self::COUNT_BITS | u32::from(count.min(255)),
        })
    }

    pub fn sentence(&self) -> u32 {
        self.packed >> Self::COUNT_BITS
    }

    /// Occurrences in the sentence (more than 255 count as 255).
    pub fn count(&self) -> u16 {
        (self.packed & ((1 << Self::COUNT_BITS) - 1)) as u16
    }
}

/// The items of a packed list as (slot, position in the article), in scan order; `bases`
/// holds each article's first id and slot, in id order.
pub(super) fn decode_refs(list: Option<&PostingList>, bases: &[(u32, u32)]) -> Vec<ItemRef> {
    let Some(list) = list else { return Vec::new() };
    let mut out = Vec::with_capacity(list.len());
    // Ids only grow, so the article an id belongs to is found by moving forward.
    let mut article = 0usize;
    for (id, _) in list.iter() {
        while bases.get(article + 1).is_some_and(|next| next.0 <= id) {
            article += 1;
        }
        let Some(&(base, slot)) = bases.get(article) else {
            break;
        };
        out.push(ItemRef {
            slot,
            item: id - base,
        });
    }
    if !out.is_sorted() {
        out.sort_unstable();
    }
    out
}

/// The postings of one term: (sentence id, occurrences) in id order, as LEB128 varints
/// of the gap to the previous id (doubled, plus one when the count follows as another
/// varint; a count of one is left out).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostingList {
    pub(super) bytes: Vec<u8>,
    last: u32,
    len: u32,
}

fn put_varint(bytes: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        bytes.push((v as u8) | 0x80);
        v >>= 7;
    }
    bytes.push(v as u8);
}

fn get_varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        if shift < 64 {
            v |= u64::from(b & 0x7f) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    v
}

impl PostingList {
    /// Number of postings.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// (sentence id, occurrences), in id order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u16)> + '_ {
        let mut at = 0usize;
        let mut id = 0u64;
        std::iter::from_fn(move || {
            if at >= self.bytes.len() {
                return None;
            }
            let v = get_varint(&self.bytes, &mut at);
            id += v >> 1;
            let count = if v & 1 == 1 {
                get_varint(&self.bytes, &mut at).min(u64::from(u16::MAX)) as u16
            } else {
                1
            };
            Some((id as u32, count))
        })
    }

    /// Adds a posting; ids normally come in increasing order, anything else rebuilds the list.
    pub(super) fn push(&mut self, id: u32, count: u16) {
        if self.len > 0 && id <= self.last {
            let mut all: Vec<(u32, u16)> = self.iter().filter(|p| p.0 != id).collect();
            let at = all.partition_point(|p| p.0 < id);
            all.insert(at, (id, count));
            *self = PostingList::default();
            all.into_iter().for_each(|(i, c)| self.push(i, c));
            return;
        }
        let gap = u64::from(id - if self.len == 0 { 0 } else { self.last });
        if self.bytes.len() + 8 > self.bytes.capacity() {
            // A quarter more rather than double (see `insert_sorted`).
            self.bytes.reserve_exact(self.bytes.len() / 4 + 16);
        }
        put_varint(&mut self.bytes, gap << 1 | u64::from(count != 1));
        if count != 1 {
            put_varint(&mut self.bytes, u64::from(count));
        }
        self.last = id;
        self.len += 1;
    }

    /// Drops the postings whose id is in `ids`.
    pub(super) fn remove_range(&mut self, ids: std::ops::Range<u32>) {
        let kept: Vec<(u32, u16)> = self.iter().filter(|p| !ids.contains(&p.0)).collect();
        if kept.len() == self.len() {
            return;
        }
        *self = PostingList::default();
        kept.into_iter().for_each(|(i, c)| self.push(i, c));
        self.bytes.shrink_to_fit();
    }
}

/// Inserts `item` into a sorted list, keeping it sorted (appends in the usual case).
/// Lists grow by a quarter rather than doubling: a scope's lists hold millions of
/// entries, and doubling leaves a third of that unused on average.
pub(super) fn insert_sorted<T: Ord + Copy>(list: &mut Vec<T>, item: T) {
    if list.len() == list.capacity() {
        list.reserve_exact(list.len() / 4 + 4);
    }
    if list.last().is_none_or(|l| *l < item) {
        list.push(item);
    } else {
        let at = list.partition_point(|x| *x < item);
        list.insert(at, item);
    }
}
