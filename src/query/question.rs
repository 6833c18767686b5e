//! A question's topic as groups of terms (each question word with the words that may
//! stand for it in an article), how much of the topic a sentence holds, and which
//! articles the question is about.
//!
//! Coverage is the share of the topic's weight (inverse sentence frequency) whose group
//! the sentence holds, so "How many people were arrested?" is covered by "… were
//! detained …". A question that names something only some articles hold ("the flash
//! crash", "Grayrigg") is about those articles: answers come only from them.

use super::index::ScopeIndex;
use super::synonyms;
use crate::analyze::terms;
use std::collections::HashSet;

/// One question word: its own term, the terms that may stand for it, and the sentences
/// (slot, sentence) that hold any of them.
pub struct Group {
    pub word: String,
    /// Articles (slots) whose title holds the group: their every sentence has it.
    pub in_title: HashSet<u32>,
    pub ids: Vec<u32>,
    pub weight: f32,
    pub held: HashSet<(u32, u32)>,
    /// Sentences holding the question's own word (not only a word standing for it).
    pub held_own: HashSet<(u32, u32)>,
    /// Articles (slots) holding the group anywhere.
    pub articles: HashSet<u32>,
}

/// How much a word that only stands for the question's word counts (a synonym is
/// weaker evidence than the word itself).
const SYNONYM_STRENGTH: f32 = 0.7;

impl Group {
    /// 1 when the sentence (or its article's title) holds the question's own word,
    /// [`SYNONYM_STRENGTH`] when it holds only a word standing for it, else 0.
    pub fn strength(&self, slot: u32, sentence: usize) -> f32 {
        if self.held_own.contains(&(slot, sentence as u32)) || self.in_title.contains(&slot) {
            1.0
        } else if self.held.contains(&(slot, sentence as u32)) {
            SYNONYM_STRENGTH
        } else {
            0.0
        }
    }
    /// Whether the sentence holds the group, in its words or its article's title.
    pub fn holds(&self, slot: u32, sentence: usize) -> bool {
        self.held.contains(&(slot, sentence as u32)) || self.in_title.contains(&slot)
    }
}

/// The question's topic over one scope.
pub struct Topic {
    pub groups: Vec<Group>,
    /// Articles the question is about, when it names something only some of them hold.
    pub focus: Option<HashSet<u32>>,
}

impl Topic {
    /// Groups for the question's words that are not in `skip` (question words such as
    /// "how", "many").
    pub fn new(index: &ScopeIndex, question: &str, skip: &[&str]) -> Topic {
        let (total, _) = index.sentence_stats();
        let n = total.max(1) as f32;
        let mut groups: Vec<Group> = Vec::new();
        for w in terms::words(question) {
            if skip.contains(&w.as_str()) {
                continue;
            }
            let Some(own) = terms::term(&w) else { continue };
            if groups.iter().any(|g| g.ids[0] == own) {
                continue;
            }
            let mut ids = vec![own];
            ids.extend(synonyms::related(&w));
            let held_own: HashSet<(u32, u32)> = index
                .postings_of(own)
                .iter()
                .map(|p| (p.slot, p.sentence()))
                .collect();
            let mut held = HashSet::new();
            for &t in &ids {
                held.extend(index.postings_of(t).iter().map(|p| (p.slot, p.sentence())));
            }
            let own_df = index.sentences_with_term(own).max(held.len()) as f32;
            let weight = ((n - own_df + 0.5) / (own_df + 0.5) + 1.0).ln().max(0.05);
            let mut articles: HashSet<u32> = held.iter().map(|&(slot, _)| slot).collect();
            let in_title: HashSet<u32> = ids
                .iter()
                .flat_map(|&t| index.slots_with_title_term(t))
                .copied()
                .collect();
            articles.extend(&in_title);
            groups.push(Group {
                held_own,
                in_title,
                word: w,
                ids,
                weight,
                held,
                articles,
            });
        }
        // A common word no article uses ("at stake") weighs half an average word; a name
        // no article holds keeps its full weight, so the question stays unanswered.
        let present: Vec<f32> = groups
            .iter()
            .filter(|g| !g.articles.is_empty())
            .map(|g| g.weight)
            .collect();
        if !present.is_empty() {
            let mean = present.iter().sum::<f32>() / present.len() as f32;
            for g in groups.iter_mut().filter(|g| g.articles.is_empty()) {
                // An initialism ("US", "U.S.": its word has dots) is a name too.
                let is_name = g.word.contains('.')
                    || question
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.to_lowercase() == g.word && w.chars().any(char::is_uppercase));
                if !is_name {
                    g.weight = g.weight.min(mean * 0.5);
                }
            }
        }
        let focus = focus_of(index, &groups);
        Topic { groups, focus }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Share of the topic's weight the sentence holds.
    pub fn coverage(&self, slot: u32, sentence: usize) -> f32 {
        let total: f32 = self.groups.iter().map(|g| g.weight).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let got: f32 = self
            .groups
            .iter()
            .map(|g| g.weight * g.strength(slot, sentence))
            .sum();
        got / total
    }

    /// How many of the topic's groups the sentence lacks.
    pub fn missing(&self, slot: u32, sentence: usize) -> usize {
        self.groups
            .iter()
            .filter(|g| !g.holds(slot, sentence))
            .count()
    }

    /// Whether an article may answer: the question names none, or names this one.
    pub fn allows(&self, slot: u32) -> bool {
        self.focus.as_ref().is_none_or(|f| f.contains(&slot))
    }

    /// Every sentence holding some group, best covered first (only allowed articles).
    pub fn ranked(&self, limit: usize) -> Vec<(u32, usize, f32)> {
        let mut seen: HashSet<(u32, u32)> = HashSet::new();
        for g in &self.groups {
            seen.extend(g.held.iter().filter(|(slot, _)| self.allows(*slot)));
        }
        let mut out: Vec<(u32, usize, f32)> = seen
            .into_iter()
            .map(|(slot, s)| (slot, s as usize, self.coverage(slot, s as usize)))
            .collect();
        // Best covered first, then oldest article and earliest sentence: a total order,
        // so taking the best `limit` before sorting them gives the same list.
        let order = |a: &(u32, usize, f32), b: &(u32, usize, f32)| {
            b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1))
        };
        if limit < out.len() {
            out.select_nth_unstable_by(limit, order);
            out.truncate(limit);
        }
        out.sort_by(order);
        out
    }
}

/// The articles a question is about: when some of its words occur in only a few of the
/// loaded articles (a name, a rare word), the articles holding the most of them.
fn focus_of(index: &ScopeIndex, groups: &[Group]) -> Option<HashSet<u32>> {
    let loaded = index.len();
    if loaded < 2 {
        return None;
    }
    let specific: Vec<&Group> = groups
        .iter()
        .filter(|g| !g.articles.is_empty() && g.articles.len() * 3 <= loaded.max(3))
        .collect();
    if specific.is_empty() {
        return None;
    }
    let mut score: std::collections::HashMap<u32, f32> = std::collections::HashMap::new();
    for g in &specific {
        for &slot in &g.articles {
            *score.entry(slot).or_default() += g.weight;
        }
    }
    let best = score.values().copied().fold(0.0f32, f32::max);
    Some(
        score
            .into_iter()
            .filter(|&(_, s)| s >= best * 0.999)
            .map(|(slot, _)| slot)
            .collect(),
    )
}
