//! Tests of the scope index: packed lists and incremental updates against a rebuild.

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
    assert_eq!(
        decoded(index, &index.article_stems),
        decoded(&fresh, &fresh.article_stems)
    );
    assert_eq!(index.speaker_keys, fresh.speaker_keys);
    let titles = |i: &ScopeIndex| -> std::collections::BTreeMap<u32, Vec<u32>> {
        i.title_terms
            .iter()
            .map(|(&t, slots)| {
                let mut slots = slots.clone();
                slots.sort_unstable();
                (t, slots)
            })
            .collect()
    };
    assert_eq!(titles(index), titles(&fresh));
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
            && index.article_stems.is_empty()
            && index.speaker_keys.is_empty()
    );
}

#[test]
fn title_terms_follow_inserts_and_removals() {
    let mut index = ScopeIndex::default();
    let a = index.reserve();
    let b = index.reserve();
    index.insert(
        a,
        article(
            "a",
            "Harbour bridge reopens\n\nThe bridge opened again on Monday after repairs.",
        ),
    );
    index.insert(
        b,
        article(
            "b",
            "Ferry fares rise\n\nThe ferry company raised its fares by a tenth.",
        ),
    );
    let bridge = crate::analyze::terms::term("bridge").expect("a content word");
    let ferry = crate::analyze::terms::term("ferry").expect("a content word");
    assert_eq!(index.slots_with_title_term(bridge), &[a]);
    assert_eq!(index.slots_with_title_term(ferry), &[b]);
    index.remove(a);
    assert!(index.slots_with_title_term(bridge).is_empty());
    assert_eq!(index.slots_with_title_term(ferry), &[b]);
}
