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

mod article_keys;
mod postings;
#[cfg(test)]
mod tests;

pub use article_keys::{FigureKey, SpeakerSummary};
pub use postings::{EntityKind, EntityRef, ItemRef, Posting, PostingList};

use crate::model::{Article, FigureKind, TermIndex};
use article_keys::{article_keys, figure_keys, terms_of};
use postings::decode_refs;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

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
    /// Each article's main terms → the article's first quote id: every quote of an
    /// article is on its main terms, so they are listed once for the article rather
    /// than under each of its quotes (half of the quote stem lists).
    article_stems: HashMap<String, PostingList>,
    /// The first quote id of each indexed article, and its slot, in id order: the three
    /// quote lists above hold quote ids, numbered like sentences (see [`PostingList`]).
    quote_ids: Vec<(u32, u32)>,
    next_quote_id: u32,
    /// Each term of an article's title → the slots of the live articles whose title
    /// holds it (ask counts a title's words as said by every sentence of its article).
    title_terms: HashMap<u32, Vec<u32>>,
    /// Each quote under its speaker's who-said words (the grouping key), with what
    /// who-said shows of the key's quotes as a whole.
    speaker_keys: HashMap<Vec<String>, SpeakerSummary>,
    /// Every figure, best first (key-figures reads the top without sorting), and how
    /// many there are of each kind.
    figures: BTreeSet<FigureKey>,
    figure_kinds: HashMap<FigureKind, usize>,
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
        for term in title_terms_of(&article) {
            self.title_terms.entry(term).or_default().push(slot);
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
                if quotes > 0 {
                    for key in keys.article_stems {
                        self.article_stems
                            .entry(key)
                            .or_default()
                            .push(quote_base, 1);
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
            &mut self.article_stems,
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
        for term in title_terms_of(&article) {
            if let Some(slots) = self.title_terms.get_mut(&term) {
                slots.retain(|&s| s != slot);
                if slots.is_empty() {
                    self.title_terms.remove(&term);
                }
            }
        }
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
        for key in &keys.article_stems {
            if let Some(list) = self.article_stems.get_mut(key) {
                list.remove_range(quote_ids.clone());
                if list.is_empty() {
                    self.article_stems.remove(key);
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
            if self.figures.remove(&f)
                && let Some(n) = self.figure_kinds.get_mut(&f.kind)
            {
                *n = n.saturating_sub(1);
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

    /// The slots of the indexed articles whose title holds `term`.
    pub fn slots_with_title_term(&self, term: u32) -> &[u32] {
        self.title_terms.get(&term).map_or(&[], Vec::as_slice)
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
        let mut quotes = self.quotes_in(self.quote_stems.get(stem));
        let Some(articles) = self.article_stems.get(stem) else {
            return quotes;
        };
        // Each id is an article's first quote: all of that article's quotes are on it.
        for first in self.quotes_in(Some(articles)) {
            if let Some(Slot::Live(a, ..)) = self.slots.get(first.slot as usize) {
                let n = u32::try_from(a.analysis.quotes.len()).unwrap_or(u32::MAX);
                quotes.extend((0..n).map(|item| ItemRef {
                    slot: first.slot,
                    item,
                }));
            }
        }
        quotes.sort_unstable();
        quotes.dedup();
        quotes
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
                packed(&self.quote_stems)
                    + packed(&self.article_stems)
                    + self.quote_ids.capacity() * 8,
            ),
            (
                "title terms",
                self.title_terms
                    .values()
                    .map(|v| v.capacity() * 4 + std::mem::size_of::<(u32, Vec<u32>)>())
                    .sum(),
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

/// The distinct terms of an article's title.
fn title_terms_of(article: &Article) -> Vec<u32> {
    let mut terms = crate::analyze::terms::terms(article.title());
    terms.sort_unstable();
    terms.dedup();
    terms
}
