//! The per-scope query index: what ask, search and who-said look up instead of visiting
//! every article. The store keeps one per scope and updates it as articles are added,
//! removed, or analyzed after a load; a one-off caller (the CLI, tests, a question about
//! one article) builds one from a slice of articles with [`ScopeIndex::from_articles`].
//!
//! It holds, for the articles it was given (each under a *slot*: its position in the
//! scope, oldest first, never reused):
//! - term → postings (sentence, occurrences), with corpus-wide sentence count and length
//!   for BM25, so a keyword query touches only its terms' postings. There are millions,
//!   so each list is packed ([`PostingList`]): every indexed article's sentences get
//!   consecutive ids above all earlier ones, so lists only ever grow at the end and are
//!   stored as varint gaps (one or two bytes a posting instead of eight);
//! - lower-cased full names and aliases of people, organizations and places → the
//!   entities (search by name, "who is" for organizations and places);
//! - name words of people, and of quote speakers and their aliases → people / quotes
//!   ("who is X", "what did X say", who-said speaker filters);
//! - word stems of each quote and its sentence → quotes (who-said topic filter);
//! - each quote's speaker key (who-said's words of the speaker) → its quotes, the first
//!   of them with a role, and its distinct aliases where each first occurs, so who-said
//!   with no filter groups distinct speakers and labels them without visiting every quote.
//!
//! Every list is kept sorted by (slot, item), so reading a list yields the same order
//! as the old scan over articles in order, and answers are unchanged.

use super::ask::name_words;
use super::who_said::{stems, words};
use crate::analyze::terms;
use crate::model::{Article, FigureKind, Quote, TermIndex};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

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
    fn new(slot: u32, sentence: u32, count: u16) -> Option<Posting> {
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
fn decode_refs(list: Option<&PostingList>, bases: &[(u32, u32)]) -> Vec<ItemRef> {
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
    bytes: Vec<u8>,
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
    fn push(&mut self, id: u32, count: u16) {
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
    fn remove_range(&mut self, ids: std::ops::Range<u32>) {
        let kept: Vec<(u32, u16)> = self.iter().filter(|p| !ids.contains(&p.0)).collect();
        if kept.len() == self.len() {
            return;
        }
        *self = PostingList::default();
        kept.into_iter().for_each(|(i, c)| self.push(i, c));
        self.bytes.shrink_to_fit();
    }
}

#[derive(Debug, Clone, Default)]
enum Slot {
    /// Known to the scope, not analyzed yet.
    #[default]
    Pending,
    /// The article, the term count of each of its sentences (for BM25), and the ids of
    /// its first sentence, first quote and first entity in the packed lists.
    Live(Arc<Article>, Box<[u16]>, u32, u32, u32),
    Removed,
}

/// See the module documentation.
#[derive(Debug, Default)]
pub struct ScopeIndex {
    slots: Vec<Slot>,
    live: usize,
    /// Slots reserved and not analyzed (nor removed) yet.
    pending: usize,
    /// Articles indexed since the lists were last trimmed to size.
    inserted_since_trim: usize,
    postings: HashMap<u32, PostingList>,
    /// The first sentence id of each indexed article, and its slot, in id order.
    sentence_ids: Vec<(u32, u32)>,
    /// The next article's first sentence id.
    next_sentence_id: u32,
    total_sentences: usize,
    total_length: usize,
    /// Entity ids: an article's people, then its organizations, then its places,
    /// numbered like sentences (see [`PostingList`]).
    entity_names: HashMap<String, PostingList>,
    /// Person ids (the people come first among an article's entity ids).
    person_words: HashMap<String, PostingList>,
    /// The first entity id of each indexed article, and its slot, in id order.
    entity_ids: Vec<(u32, u32)>,
    next_entity_id: u32,
    /// `ask`'s name words of each quote's speaker and aliases.
    speaker_name_words: HashMap<String, PostingList>,
    /// `who_said`'s words of each quote's speaker and aliases.
    speaker_words: HashMap<String, PostingList>,
    quote_stems: HashMap<String, PostingList>,
    /// The first quote id of each indexed article, and its slot, in id order: the three
    /// quote lists above hold quote ids, numbered like sentences (see [`PostingList`]).
    quote_ids: Vec<(u32, u32)>,
    next_quote_id: u32,
    /// Each quote under its speaker's who-said words (the grouping key), with what
    /// who-said shows of the key's quotes as a whole.
    speaker_keys: HashMap<Vec<String>, SpeakerSummary>,
    /// Every figure, best first (key-figures reads the top without sorting), and how
    /// many there are of each kind.
    figures: BTreeSet<FigureKey>,
    figure_kinds: HashMap<FigureKind, usize>,
}

/// The quotes of one speaker key and what who-said shows of them, kept as quotes come
/// and go so an answer over every quote reads one summary per key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeakerSummary {
    /// The key's quotes, in scan order.
    pub quotes: Vec<ItemRef>,
    /// The first quote (in scan order) whose speaker has a role.
    pub first_role: Option<ItemRef>,
    /// Each alias of the key's quotes once (ASCII case ignored), spelled as where it
    /// first occurs: (quote, position in that quote's aliases, alias), in that order.
    pub aliases: Vec<(ItemRef, u32, String)>,
}

impl SpeakerSummary {
    /// Counts one more quote (in any order relative to the ones already in).
    fn add(&mut self, r: ItemRef, quote: &Quote) {
        insert_sorted(&mut self.quotes, r);
        if !quote.role.is_empty() && self.first_role.is_none_or(|f| r < f) {
            self.first_role = Some(r);
        }
        for (p, alias) in quote.aliases.iter().enumerate() {
            let at = (r, p as u32);
            match self
                .aliases
                .iter()
                .position(|a| a.2.eq_ignore_ascii_case(alias))
            {
                Some(i) if (self.aliases[i].0, self.aliases[i].1) <= at => continue,
                Some(i) => {
                    self.aliases.remove(i);
                }
                None => {}
            }
            let to = self.aliases.partition_point(|a| (a.0, a.1) < at);
            self.aliases.insert(to, (r, p as u32, alias.clone()));
        }
    }

    /// Drops the quotes of `slot`; the role and aliases are worked out again from the
    /// remaining quotes if that article supplied any of them.
    fn remove_slot<'a>(&mut self, slot: u32, quote: impl Fn(ItemRef) -> Option<&'a Quote>) {
        self.quotes.retain(|r| r.slot != slot);
        if self.first_role.is_some_and(|r| r.slot == slot)
            || self.aliases.iter().any(|a| a.0.slot == slot)
        {
            let quotes = std::mem::take(&mut self.quotes);
            *self = SpeakerSummary::default();
            for r in quotes {
                if let Some(q) = quote(r) {
                    self.add(r, q);
                } else {
                    self.quotes.push(r);
                }
            }
        }
    }
}

/// A figure in key-figures order: score (highest first), then article, text position,
/// and place in the article's list.
#[derive(Debug, Clone, Copy)]
pub struct FigureKey {
    pub score: f32,
    pub slot: u32,
    pub start: u32,
    pub item: u32,
    pub kind: FigureKind,
}

impl FigureKey {
    fn order(&self) -> (std::cmp::Reverse<u32>, u32, u32, u32) {
        // f32::total_cmp as an integer key: flip the magnitude bits of negative numbers.
        let bits = self.score.to_bits() as i32;
        let total = (bits ^ ((((bits >> 31) as u32) >> 1) as i32)) as u32 ^ 0x8000_0000;
        (std::cmp::Reverse(total), self.slot, self.start, self.item)
    }
}

impl PartialEq for FigureKey {
    fn eq(&self, other: &Self) -> bool {
        self.order() == other.order()
    }
}
impl Eq for FigureKey {}
impl PartialOrd for FigureKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for FigureKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order().cmp(&other.order())
    }
}

/// The figures of an article as index keys (those whose span fits its text).
fn figure_keys(slot: u32, a: &Article) -> impl Iterator<Item = FigureKey> + '_ {
    a.analysis
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| a.doc.text.get(f.text.start..f.text.end).is_some())
        .map(move |(i, f)| FigureKey {
            score: f.score,
            slot,
            start: f.text.start as u32,
            item: i as u32,
            kind: f.kind,
        })
}

/// The keys one article contributes, computed the same way when it is added and removed.
#[derive(Default)]
struct ArticleKeys {
    entity_names: Vec<(String, EntityRef)>,
    person_words: Vec<(String, ItemRef)>,
    speaker_name_words: Vec<(String, ItemRef)>,
    speaker_words: Vec<(String, ItemRef)>,
    quote_stems: Vec<(String, ItemRef)>,
    speaker_keys: Vec<(Vec<String>, ItemRef)>,
}

fn dedup_keys<T>(keys: &mut Vec<(String, T)>, from: usize) {
    let tail = &mut keys[from..];
    tail.sort_by(|a, b| a.0.cmp(&b.0));
    let mut kept: Vec<(String, T)> = Vec::with_capacity(tail.len());
    for k in keys.drain(from..) {
        if kept.last().is_none_or(|l| l.0 != k.0) {
            kept.push(k);
        }
    }
    keys.extend(kept);
}

fn article_keys(slot: u32, a: &Article) -> ArticleKeys {
    let mut k = ArticleKeys::default();
    let an = &a.analysis;
    let people = an
        .people
        .iter()
        .map(|p| (EntityKind::Person, &p.name, &p.aliases));
    let orgs = an
        .organizations
        .iter()
        .map(|e| (EntityKind::Organization, &e.name, &e.aliases));
    let places = an
        .places
        .iter()
        .map(|e| (EntityKind::Place, &e.name, &e.aliases));
    let mut counters = [0u32; 3];
    for (kind, name, aliases) in people.chain(orgs).chain(places) {
        let item = &mut counters[kind as usize];
        let r = EntityRef {
            slot,
            kind,
            item: *item,
        };
        *item += 1;
        let from = k.entity_names.len();
        for n in std::iter::once(name).chain(aliases) {
            let key = n.to_ascii_lowercase();
            if !key.is_empty() {
                k.entity_names.push((key, r));
            }
        }
        dedup_keys(&mut k.entity_names, from);
        if kind == EntityKind::Person {
            let from = k.person_words.len();
            let r = ItemRef { slot, item: r.item };
            for n in std::iter::once(name).chain(aliases) {
                k.person_words
                    .extend(name_words(n).into_iter().map(|w| (w, r)));
            }
            dedup_keys(&mut k.person_words, from);
        }
    }
    for (qi, q) in an.quotes.iter().enumerate() {
        let r = ItemRef {
            slot,
            item: qi as u32,
        };
        k.speaker_keys.push((words(&q.speaker), r));
        let (from_a, from_w) = (k.speaker_name_words.len(), k.speaker_words.len());
        for n in std::iter::once(&q.speaker).chain(&q.aliases) {
            k.speaker_name_words
                .extend(name_words(n).into_iter().map(|w| (w, r)));
            k.speaker_words.extend(words(n).into_iter().map(|w| (w, r)));
        }
        dedup_keys(&mut k.speaker_name_words, from_a);
        dedup_keys(&mut k.speaker_words, from_w);
        let from = k.quote_stems.len();
        k.quote_stems
            .extend(stems(a.doc.slice(q.text)).into_iter().map(|s| (s, r)));
        k.quote_stems.extend(
            stems(a.doc.sentence_text(q.sentence))
                .into_iter()
                .map(|s| (s, r)),
        );
        dedup_keys(&mut k.quote_stems, from);
    }
    k
}

/// An article's term index: its analysis's, or built from its text when the analysis
/// carries none.
fn terms_of(article: &Article) -> Cow<'_, TermIndex> {
    let own = &article.analysis.terms;
    if own.lengths.is_empty() && !article.doc.sentences.is_empty() {
        Cow::Owned(terms::index(&article.doc))
    } else {
        Cow::Borrowed(own)
    }
}

/// Inserts `item` into a sorted list, keeping it sorted (appends in the usual case).
/// Lists grow by a quarter rather than doubling: a scope's lists hold millions of
/// entries, and doubling leaves a third of that unused on average.
fn insert_sorted<T: Ord + Copy>(list: &mut Vec<T>, item: T) {
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

impl ScopeIndex {
    /// An index of these articles, slots in slice order (for one-off queries).
    pub fn from_articles(articles: &[&Article]) -> ScopeIndex {
        let mut index = ScopeIndex::default();
        for a in articles {
            let slot = index.reserve();
            index.insert(slot, Arc::new((*a).clone()));
        }
        index
    }

    /// An index of shared articles, slots in slice order.
    pub fn from_shared(articles: &[Arc<Article>]) -> ScopeIndex {
        let mut index = ScopeIndex::default();
        for a in articles {
            let slot = index.reserve();
            index.insert(slot, a.clone());
        }
        index
    }

    /// A new slot after every existing one, for an article about to be added or loaded.
    pub fn reserve(&mut self) -> u32 {
        self.pending += 1;
        self.slots.push(Slot::Pending);
        (self.slots.len() - 1) as u32
    }

    /// Indexes the analyzed article of `slot` (ignored if the slot was removed meanwhile
    /// or is indexed already), with its own term index, or one built now when its
    /// analysis carries none (the store keeps term indexes only here).
    pub fn insert(&mut self, slot: u32, article: Arc<Article>) {
        let terms = terms_of(&article);
        self.insert_with_terms(slot, article.clone(), &terms);
    }

    /// [`ScopeIndex::insert`] with the article's term index given (the store takes it out
    /// of the analysis, so it is held once, here).
    pub fn insert_with_terms(&mut self, slot: u32, article: Arc<Article>, terms: &TermIndex) {
        let at = slot as usize;
        if at >= self.slots.len() {
            self.pending += at + 1 - self.slots.len();
            self.slots.resize(at + 1, Slot::Pending);
        }
        if !matches!(self.slots[at], Slot::Pending) {
            return;
        }
        self.pending -= 1;
        self.total_sentences += terms.lengths.len();
        self.total_length += terms.lengths.iter().map(|&l| l as usize).sum::<usize>();
        // Sentence ids run out after four billion sentences indexed in one scope (in one
        // process); past that, articles are listed but not found by keyword.
        let sentences = u32::try_from(terms.lengths.len()).unwrap_or(u32::MAX);
        let base = self.next_sentence_id;
        match base.checked_add(sentences) {
            Some(next) => {
                self.next_sentence_id = next;
                self.sentence_ids.push((base, slot));
                for &(term, sentence, count) in &terms.postings {
                    if sentence < sentences {
                        self.postings
                            .entry(term)
                            .or_default()
                            .push(base + sentence, count);
                    }
                }
            }
            None => tracing::warn!(
                "The search index of a scope ran out of sentence ids; restart newsdesk to renumber it."
            ),
        }
        let keys = article_keys(slot, &article);
        let an = &article.analysis;
        let (people, orgs) = (an.people.len() as u32, an.organizations.len() as u32);
        let entities = u32::try_from(an.people.len() + an.organizations.len() + an.places.len())
            .unwrap_or(u32::MAX);
        let entity_base = self.next_entity_id;
        match entity_base.checked_add(entities) {
            Some(next) => {
                self.next_entity_id = next;
                self.entity_ids.push((entity_base, slot));
                for (key, r) in keys.entity_names {
                    let local = match r.kind {
                        EntityKind::Person => r.item,
                        EntityKind::Organization => people + r.item,
                        EntityKind::Place => people + orgs + r.item,
                    };
                    self.entity_names
                        .entry(key)
                        .or_default()
                        .push(entity_base + local, 1);
                }
                for (key, r) in keys.person_words {
                    self.person_words
                        .entry(key)
                        .or_default()
                        .push(entity_base + r.item, 1);
                }
            }
            None => tracing::warn!(
                "The name index of a scope ran out of entity ids; restart newsdesk to renumber it."
            ),
        }
        let quotes = u32::try_from(article.analysis.quotes.len()).unwrap_or(u32::MAX);
        let quote_base = self.next_quote_id;
        match quote_base.checked_add(quotes) {
            Some(next) => {
                self.next_quote_id = next;
                self.quote_ids.push((quote_base, slot));
                for (map, keys) in [
                    (&mut self.speaker_name_words, keys.speaker_name_words),
                    (&mut self.speaker_words, keys.speaker_words),
                    (&mut self.quote_stems, keys.quote_stems),
                ] {
                    for (key, r) in keys {
                        map.entry(key).or_default().push(quote_base + r.item, 1);
                    }
                }
            }
            None => tracing::warn!(
                "The quote index of a scope ran out of quote ids; restart newsdesk to renumber it."
            ),
        }
        for (key, r) in keys.speaker_keys {
            if let Some(q) = article.analysis.quotes.get(r.item as usize) {
                self.speaker_keys.entry(key).or_default().add(r, q);
            }
        }
        for f in figure_keys(slot, &article) {
            *self.figure_kinds.entry(f.kind).or_default() += 1;
            self.figures.insert(f);
        }
        self.slots[at] = Slot::Live(
            article,
            terms.lengths.clone().into_boxed_slice(),
            base,
            quote_base,
            entity_base,
        );
        self.live += 1;
        self.inserted_since_trim += 1;
        // Once a load's articles are all in (and now and then as articles are added),
        // give back what the lists grew beyond their size.
        if self.pending == 0 && self.inserted_since_trim >= (self.live / 4).max(256) {
            self.trim();
        }
    }

    /// Trims every list to its length.
    fn trim(&mut self) {
        self.postings
            .values_mut()
            .for_each(|l| l.bytes.shrink_to_fit());
        self.postings.shrink_to_fit();
        self.sentence_ids.shrink_to_fit();
        self.entity_ids.shrink_to_fit();
        for map in [
            &mut self.speaker_name_words,
            &mut self.speaker_words,
            &mut self.quote_stems,
            &mut self.entity_names,
            &mut self.person_words,
        ] {
            map.values_mut().for_each(|l| l.bytes.shrink_to_fit());
            map.shrink_to_fit();
        }
        self.quote_ids.shrink_to_fit();
        for summary in self.speaker_keys.values_mut() {
            summary.quotes.shrink_to_fit();
            summary.aliases.shrink_to_fit();
        }
        self.speaker_keys.shrink_to_fit();
        self.slots.shrink_to_fit();
        self.inserted_since_trim = 0;
    }

    /// Takes the article of `slot` out of every list; later inserts for it are ignored.
    pub fn remove(&mut self, slot: u32) {
        let Some(state) = self.slots.get_mut(slot as usize) else {
            return;
        };
        if matches!(state, Slot::Pending) {
            self.pending -= 1;
        }
        let Slot::Live(article, lengths, base, quote_base, entity_base) =
            std::mem::replace(state, Slot::Removed)
        else {
            return;
        };
        self.live -= 1;
        self.total_sentences -= lengths.len();
        self.total_length -= lengths.iter().map(|&l| l as usize).sum::<usize>();
        // The same terms as at insert: the analysis's own, or rebuilt from the same text.
        let terms = terms_of(&article);
        let mut last = None;
        for &(term, _, _) in &terms.postings {
            if last == Some(term) {
                continue;
            }
            last = Some(term);
            if let Some(list) = self.postings.get_mut(&term) {
                list.remove_range(base..base.saturating_add(lengths.len() as u32));
                if list.is_empty() {
                    self.postings.remove(&term);
                }
            }
        }
        self.sentence_ids.retain(|e| e.1 != slot);
        let keys = article_keys(slot, &article);
        let an = &article.analysis;
        let entity_ids = entity_base
            ..entity_base.saturating_add(
                (an.people.len() + an.organizations.len() + an.places.len()) as u32,
            );
        for (key, _) in &keys.entity_names {
            if let Some(list) = self.entity_names.get_mut(key) {
                list.remove_range(entity_ids.clone());
                if list.is_empty() {
                    self.entity_names.remove(key);
                }
            }
        }
        for (key, _) in &keys.person_words {
            if let Some(list) = self.person_words.get_mut(key) {
                list.remove_range(entity_ids.clone());
                if list.is_empty() {
                    self.person_words.remove(key);
                }
            }
        }
        self.entity_ids.retain(|e| e.1 != slot);
        let quote_ids = quote_base..quote_base.saturating_add(article.analysis.quotes.len() as u32);
        for (map, keys) in [
            (&mut self.speaker_name_words, &keys.speaker_name_words),
            (&mut self.speaker_words, &keys.speaker_words),
            (&mut self.quote_stems, &keys.quote_stems),
        ] {
            for (key, _) in keys {
                if let Some(list) = map.get_mut(key) {
                    list.remove_range(quote_ids.clone());
                    if list.is_empty() {
                        map.remove(key);
                    }
                }
            }
        }
        self.quote_ids.retain(|e| e.1 != slot);
        let slots = &self.slots;
        let quote = |r: ItemRef| match slots.get(r.slot as usize) {
            Some(Slot::Live(a, ..)) => a.analysis.quotes.get(r.item as usize),
            _ => None,
        };
        for (key, _) in &keys.speaker_keys {
            if let Some(summary) = self.speaker_keys.get_mut(key) {
                summary.remove_slot(slot, quote);
                if summary.quotes.is_empty() {
                    self.speaker_keys.remove(key);
                }
            }
        }
        for f in figure_keys(slot, &article) {
            if self.figures.remove(&f) {
                if let Some(n) = self.figure_kinds.get_mut(&f.kind) {
                    *n = n.saturating_sub(1);
                }
            }
        }
    }

    /// Number of indexed articles.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The article of a slot that is indexed.
    pub fn get(&self, slot: u32) -> Option<&Article> {
        match self.slots.get(slot as usize) {
            Some(Slot::Live(a, ..)) => Some(a),
            _ => None,
        }
    }

    /// The article of a slot taken from one of this index's lists (always indexed).
    pub fn article(&self, slot: u32) -> &Article {
        match self.slots.get(slot as usize) {
            Some(Slot::Live(a, ..)) => a,
            _ => {
                // Lists only hold indexed slots; an empty article keeps this panic-free.
                static EMPTY: std::sync::LazyLock<Article> = std::sync::LazyLock::new(|| Article {
                    id: String::new(),
                    added_at: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
                    added_by: None,
                    origin: String::new(),
                    doc: Default::default(),
                    analysis: Default::default(),
                });
                &EMPTY
            }
        }
    }

    /// Indexed articles with their slots, oldest first.
    pub fn articles(&self) -> impl Iterator<Item = (u32, &Article)> + '_ {
        self.slots.iter().enumerate().filter_map(|(i, s)| match s {
            Slot::Live(a, ..) => Some((i as u32, a.as_ref())),
            _ => None,
        })
    }

    /// Indexed articles, oldest first, shared.
    pub fn shared_articles(&self) -> Vec<Arc<Article>> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Live(a, ..) => Some(a.clone()),
                _ => None,
            })
            .collect()
    }

    /// The quotes of a packed quote list, in scan order.
    fn quotes_in(&self, list: Option<&PostingList>) -> Vec<ItemRef> {
        decode_refs(list, &self.quote_ids)
    }

    /// Number of sentences holding `term`.
    pub fn sentences_with_term(&self, term: u32) -> usize {
        self.postings.get(&term).map_or(0, PostingList::len)
    }

    /// The postings of `term`: (slot, sentence, occurrences), ordered by sentence id
    /// (the order articles were indexed in, not necessarily slot order).
    pub fn postings_of(&self, term: u32) -> Vec<Posting> {
        let Some(list) = self.postings.get(&term) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(list.len());
        // Ids only grow, so the article an id belongs to is found by moving forward.
        let mut article = 0usize;
        for (id, count) in list.iter() {
            while self
                .sentence_ids
                .get(article + 1)
                .is_some_and(|next| next.0 <= id)
            {
                article += 1;
            }
            let Some(&(base, slot)) = self.sentence_ids.get(article) else {
                break;
            };
            out.extend(Posting::new(slot, id - base, count));
        }
        out
    }

    /// The sentences, as (slot, sentence), that hold `term`.
    pub fn sentences_holding(&self, term: u32) -> std::collections::HashSet<(u32, u32)> {
        self.postings_of(term)
            .iter()
            .map(|p| (p.slot, p.sentence()))
            .collect()
    }

    /// Sentences and their total length (in terms) over the indexed articles.
    pub fn sentence_stats(&self) -> (usize, usize) {
        (self.total_sentences, self.total_length)
    }

    /// Term count of one sentence.
    pub fn sentence_length(&self, slot: u32, sentence: u32) -> u16 {
        match self.slots.get(slot as usize) {
            Some(Slot::Live(_, lengths, ..)) => {
                lengths.get(sentence as usize).copied().unwrap_or(1)
            }
            _ => 1,
        }
    }

    /// Entities whose name or an alias is `key` (ASCII case ignored), in scan order.
    pub fn entities_named(&self, name: &str) -> Vec<EntityRef> {
        let key = name.trim().to_ascii_lowercase();
        decode_refs(self.entity_names.get(&key), &self.entity_ids)
            .into_iter()
            .filter_map(|r| {
                let an = &self.get(r.slot)?.analysis;
                let (people, orgs) = (an.people.len() as u32, an.organizations.len() as u32);
                Some(if r.item < people {
                    EntityRef {
                        slot: r.slot,
                        kind: EntityKind::Person,
                        item: r.item,
                    }
                } else if r.item < people + orgs {
                    EntityRef {
                        slot: r.slot,
                        kind: EntityKind::Organization,
                        item: r.item - people,
                    }
                } else {
                    EntityRef {
                        slot: r.slot,
                        kind: EntityKind::Place,
                        item: r.item - people - orgs,
                    }
                })
            })
            .collect()
    }

    /// People one of whose name words (`ask`'s name words) is `word`.
    pub fn people_with_word(&self, word: &str) -> Vec<ItemRef> {
        decode_refs(self.person_words.get(word), &self.entity_ids)
    }

    /// Quotes whose speaker or a speaker alias has `word` among `ask`'s name words.
    pub fn quotes_with_name_word(&self, word: &str) -> Vec<ItemRef> {
        self.quotes_in(self.speaker_name_words.get(word))
    }

    /// Quotes whose speaker or a speaker alias has `word` among who-said's words.
    pub fn quotes_with_speaker_word(&self, word: &str) -> Vec<ItemRef> {
        self.quotes_in(self.speaker_words.get(word))
    }

    /// Quotes whose text or sentence has the stem `stem`.
    pub fn quotes_with_stem(&self, stem: &str) -> Vec<ItemRef> {
        self.quotes_in(self.quote_stems.get(stem))
    }

    /// Approximate heap bytes of each part of the index (entries × entry size, keys
    /// included, hash-table overhead not), for memory reports.
    pub fn heap_estimate(&self) -> Vec<(&'static str, usize)> {
        let packed = |map: &HashMap<String, PostingList>| -> usize {
            map.iter()
                .map(|(k, l)| {
                    k.capacity() + l.bytes.capacity() + std::mem::size_of::<(String, PostingList)>()
                })
                .sum()
        };
        vec![
            (
                "term postings",
                self.postings
                    .values()
                    .map(|l| l.bytes.capacity() + std::mem::size_of::<(u32, PostingList)>())
                    .sum::<usize>()
                    + self.sentence_ids.capacity() * 8,
            ),
            (
                "entity names",
                packed(&self.entity_names) + self.entity_ids.capacity() * 8,
            ),
            ("person name words", packed(&self.person_words)),
            ("speaker name words (ask)", packed(&self.speaker_name_words)),
            ("speaker words (who-said)", packed(&self.speaker_words)),
            (
                "quote stems",
                packed(&self.quote_stems) + self.quote_ids.capacity() * 8,
            ),
            (
                "speaker keys",
                self.speaker_keys
                    .iter()
                    .map(|(k, v)| {
                        k.iter().map(|w| w.capacity() + 24).sum::<usize>()
                            + v.quotes.capacity() * std::mem::size_of::<ItemRef>()
                            + v.aliases.iter().map(|a| a.2.capacity() + 40).sum::<usize>()
                            + 96
                    })
                    .sum(),
            ),
            (
                "slots and sentence lengths",
                self.slots.capacity() * std::mem::size_of::<Slot>()
                    + self
                        .slots
                        .iter()
                        .map(|s| {
                            if let Slot::Live(_, l, ..) = s {
                                l.len() * 2
                            } else {
                                0
                            }
                        })
                        .sum::<usize>(),
            ),
        ]
    }

    /// Figures best first, of one kind or all, and how many there are.
    pub fn figures(
        &self,
        kind: Option<FigureKind>,
    ) -> (impl Iterator<Item = &FigureKey> + '_, usize) {
        let total = match kind {
            Some(k) => self.figure_kinds.get(&k).copied().unwrap_or(0),
            None => self.figures.len(),
        };
        (
            self.figures
                .iter()
                .filter(move |f| kind.is_none_or(|k| k == f.kind)),
            total,
        )
    }

    /// Every quote grouped by its speaker's who-said words: (words, their quotes and summary).
    pub fn speaker_keys(&self) -> impl Iterator<Item = (&[String], &SpeakerSummary)> + '_ {
        self.speaker_keys.iter().map(|(k, v)| (k.as_slice(), v))
    }

    /// Every quote, in scan order.
    pub fn all_quotes(&self) -> impl Iterator<Item = ItemRef> + '_ {
        self.articles().flat_map(|(slot, a)| {
            (0..a.analysis.quotes.len() as u32).map(move |item| ItemRef { slot, item })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::ingest::{IngestOptions, ingest};
    use chrono::Utc;

    fn article(id: &str, text: &str) -> Arc<Article> {
        let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingest");
        let analysis = analyze(&doc);
        Arc::new(Article {
            id: id.into(),
            added_at: Utc::now(),
            added_by: None,
            origin: "test".into(),
            doc,
            analysis,
        })
    }

    /// Every term's postings as (slot, sentence, count), sorted.
    fn decoded_postings(index: &ScopeIndex) -> std::collections::BTreeMap<u32, Vec<Posting>> {
        index
            .postings
            .keys()
            .map(|&t| {
                let mut list = index.postings_of(t);
                assert_eq!(list.len(), index.sentences_with_term(t));
                list.sort();
                (t, list)
            })
            .collect()
    }

    /// Every list rebuilt from scratch over the live articles equals the incremental one.
    fn assert_same_as_rebuilt(index: &ScopeIndex) {
        let mut fresh = ScopeIndex::default();
        for (i, s) in index.slots.iter().enumerate() {
            let slot = fresh.reserve();
            assert_eq!(slot as usize, i);
            if let Slot::Live(a, ..) = s {
                fresh.insert(slot, a.clone());
            }
        }
        assert_eq!(index.live, fresh.live);
        assert_eq!(index.sentence_stats(), fresh.sentence_stats());
        assert_eq!(decoded_postings(index), decoded_postings(&fresh));
        let entities = |i: &ScopeIndex| -> std::collections::BTreeMap<String, Vec<EntityRef>> {
            i.entity_names
                .keys()
                .map(|k| (k.clone(), i.entities_named(k)))
                .collect()
        };
        assert_eq!(entities(index), entities(&fresh));
        let people = |i: &ScopeIndex| -> std::collections::BTreeMap<String, Vec<ItemRef>> {
            i.person_words
                .keys()
                .map(|k| (k.clone(), i.people_with_word(k)))
                .collect()
        };
        assert_eq!(people(index), people(&fresh));
        type Lists = std::collections::BTreeMap<String, Vec<ItemRef>>;
        let decoded = |i: &ScopeIndex, map: &HashMap<String, PostingList>| -> Lists {
            map.iter()
                .map(|(k, l)| (k.clone(), i.quotes_in(Some(l))))
                .collect()
        };
        assert_eq!(
            decoded(index, &index.speaker_name_words),
            decoded(&fresh, &fresh.speaker_name_words)
        );
        assert_eq!(
            decoded(index, &index.speaker_words),
            decoded(&fresh, &fresh.speaker_words)
        );
        assert_eq!(
            decoded(index, &index.quote_stems),
            decoded(&fresh, &fresh.quote_stems)
        );
        assert_eq!(index.speaker_keys, fresh.speaker_keys);
        assert_eq!(index.figures, fresh.figures);
        assert_eq!(
            index.figure_kinds.iter().filter(|(_, n)| **n > 0).count(),
            fresh.figure_kinds.len()
        );
    }

    #[test]
    fn posting_lists_keep_ids_and_counts_through_gaps_late_ids_and_removals() {
        let mut list = PostingList::default();
        let mut want = vec![
            (0u32, 1u16),
            (5, 3),
            (6, 1),
            (300, 1),
            (70_000, 255),
            (70_001, 1000),
            (4_000_000_000, 2),
        ];
        for &(id, count) in &want {
            list.push(id, count);
        }
        assert_eq!(list.iter().collect::<Vec<_>>(), want);
        assert_eq!(list.len(), want.len());
        // An id below the last one still lands in order.
        list.push(7, 4);
        want.insert(3, (7, 4));
        assert_eq!(list.iter().collect::<Vec<_>>(), want);
        list.remove_range(5..301);
        want.retain(|p| !(5..301).contains(&p.0));
        assert_eq!(list.iter().collect::<Vec<_>>(), want);
        list.remove_range(0..u32::MAX);
        assert!(list.is_empty() && list.iter().next().is_none());
    }

    #[test]
    fn out_of_order_inserts_and_removals_match_a_rebuild() {
        let texts = [
            "U.S. President Donald Trump said tariffs on rare earths would rise.\n\n“We are winning,” Trump said.",
            "“The talks on rare earth exports are over,” said Donald Trump in Madrid.\n\nAnalysts say the markets are calm.",
            "Reuters reported that Wu Xinbo, director of the American Studies Center at Fudan University, expects a deal.",
        ];
        let arts: Vec<Arc<Article>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| article(&format!("a{}", i + 1), t))
            .collect();
        let mut index = ScopeIndex::default();
        for _ in &arts {
            index.reserve();
        }
        // Background analysis finishes in any order.
        index.insert(2, arts[2].clone());
        index.insert(0, arts[0].clone());
        index.insert(1, arts[1].clone());
        index.insert(1, arts[1].clone()); // twice: ignored
        assert_eq!(index.len(), 3);
        assert!(
            index.postings.values().all(|l| l
                .iter()
                .collect::<Vec<_>>()
                .windows(2)
                .all(|w| w[0].0 < w[1].0)),
            "ids only grow"
        );
        assert_same_as_rebuilt(&index);
        assert_eq!(
            index.people_with_word("trump").first().map(|r| r.slot),
            Some(0)
        );

        index.remove(1);
        assert_eq!(index.len(), 2);
        assert!(
            index
                .quotes_with_speaker_word("trump")
                .iter()
                .all(|r| r.slot == 0)
        );
        assert_same_as_rebuilt(&index);
        // An analysis that finishes after its article was removed is not indexed.
        let late = index.reserve();
        index.remove(late);
        index.insert(late, arts[1].clone());
        assert_eq!(index.len(), 2);
        assert!(index.get(late).is_none());
        assert_same_as_rebuilt(&index);
        index.remove(0);
        index.remove(2);
        assert!(
            index.is_empty()
                && index.postings.is_empty()
                && index.quote_stems.is_empty()
                && index.speaker_keys.is_empty()
        );
    }
}
