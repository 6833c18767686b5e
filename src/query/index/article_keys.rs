//! What one article contributes to the scope index: its figure keys, the name, speaker
//! and stem keys of its entities and quotes, and the per-speaker summary who-said reads.
//! Computed the same way when an article is added and when it is removed.

use super::postings::{EntityKind, EntityRef, ItemRef, insert_sorted};
use crate::analyze::terms;
use crate::model::{Article, FigureKind, Quote, TermIndex};
use crate::query::keys::{article_stems, name_words, paragraph_stems, stems, words};
use std::borrow::Cow;

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
    pub(super) fn add(&mut self, r: ItemRef, quote: &Quote) {
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
    pub(super) fn remove_slot<'a>(
        &mut self,
        slot: u32,
        quote: impl Fn(ItemRef) -> Option<&'a Quote>,
    ) {
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
pub(super) fn figure_keys(slot: u32, a: &Article) -> impl Iterator<Item = FigureKey> + '_ {
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
pub(super) struct ArticleKeys {
    pub(super) entity_names: Vec<(String, EntityRef)>,
    pub(super) person_words: Vec<(String, ItemRef)>,
    pub(super) speaker_name_words: Vec<(String, ItemRef)>,
    pub(super) speaker_words: Vec<(String, ItemRef)>,
    /// Stems of each quote, its sentence and its paragraph, less the article's own.
    pub(super) quote_stems: Vec<(String, ItemRef)>,
    /// The article's main terms (sorted, once each), which every quote of it is on.
    pub(super) article_stems: Vec<String>,
    pub(super) speaker_keys: Vec<(Vec<String>, ItemRef)>,
}

pub(super) fn dedup_keys<T>(keys: &mut Vec<(String, T)>, from: usize) {
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

pub(super) fn article_keys(slot: u32, a: &Article) -> ArticleKeys {
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
    // Every statement is on its article's main terms (title, lead, recurring words).
    let article_wide = if an.quotes.is_empty() {
        Vec::new()
    } else {
        article_stems(a)
    };
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
        let own = stems(a.doc.slice(q.text))
            .into_iter()
            .chain(stems(a.doc.sentence_text(q.sentence)))
            .chain(paragraph_stems(a, q))
            .filter(|s| article_wide.binary_search(s).is_err());
        k.quote_stems.extend(own.map(|s| (s, r)));
        dedup_keys(&mut k.quote_stems, from);
    }
    k.article_stems = article_wide;
    k
}

/// An article's term index: its analysis's, or built from its text when the analysis
/// carries none.
pub(super) fn terms_of(article: &Article) -> Cow<'_, TermIndex> {
    let own = &article.analysis.terms;
    if own.lengths.is_empty() && !article.doc.sentences.is_empty() {
        Cow::Owned(terms::index(&article.doc))
    } else {
        Cow::Borrowed(own)
    }
}
