//! The store's per-scope query index agrees with a brute-force scan of every article:
//! after adds, after removals, and after a reopen whose analysis runs lazily in the
//! background. The reference scans below are written independently of the index (they
//! read each article's own analysis and text), so a stale or missing posting shows.

mod common;

use newsdesk::analyze::terms;
use newsdesk::config::Limits;
use newsdesk::model::Article;
use newsdesk::query::{self, AskAnswer};
use newsdesk::store::{NewArticle, Scope, Store};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

const G: Scope = Scope::Guild(7);

/// (article id, sentence) of every sentence holding all of `query`'s terms, by reading
/// each sentence's text.
fn sentences_with_all_terms(articles: &[Arc<Article>], query: &str) -> BTreeSet<(String, usize)> {
    let wanted: BTreeSet<u32> = terms::terms(query).into_iter().collect();
    let mut out = BTreeSet::new();
    for a in articles {
        for i in 0..a.doc.sentences.len() {
            let have: BTreeSet<u32> = terms::terms(a.doc.sentence_text(i)).into_iter().collect();
            if wanted.is_subset(&have) {
                out.insert((a.id.clone(), i));
            }
        }
    }
    out
}

/// BM25 over every article's own term index (the scan the scope index replaced):
/// (article id, sentence, score, coverage) of the best `limit`, where coverage is the
/// share of the query's weight (IDF) the sentence holds.
fn bm25_scan(
    articles: &[Arc<Article>],
    query: &str,
    limit: usize,
) -> Vec<(String, usize, f32, f32)> {
    let mut q = terms::terms(query);
    q.sort_unstable();
    q.dedup();
    let (mut n, mut total) = (0usize, 0usize);
    let mut df = vec![0usize; q.len()];
    // The store's articles hand their term index to the scope index: rebuild each from its text.
    let indexes: Vec<_> = articles.iter().map(|a| terms::index(&a.doc)).collect();
    for idx in &indexes {
        n += idx.lengths.len();
        total += idx.lengths.iter().map(|&l| l as usize).sum::<usize>();
        for (qi, &t) in q.iter().enumerate() {
            df[qi] += idx.postings_of(t).len();
        }
    }
    let avg = (total as f32 / n as f32).max(1.0);
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n as f32 - d as f32 + 0.5) / (d as f32 + 0.5) + 1.0).ln())
        .collect();
    let idf_total: f32 = idf.iter().sum::<f32>().max(1e-6);
    let mut out = Vec::new();
    for (ai, (a, idx)) in articles.iter().zip(&indexes).enumerate() {
        let mut per: std::collections::BTreeMap<u32, (f32, f32)> = Default::default();
        for (qi, &t) in q.iter().enumerate() {
            for &(_, s, c) in idx.postings_of(t) {
                let len = idx.lengths[s as usize] as f32;
                let tf = c as f32;
                let (score, weight) = per.entry(s).or_default();
                *score += idf[qi] * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avg));
                *weight += idf[qi].max(1e-6);
            }
        }
        out.extend(
            per.into_iter().map(|(s, (score, weight))| {
                (ai, a.id.clone(), s as usize, score, weight / idf_total)
            }),
        );
    }
    out.sort_by(|a, b| b.3.total_cmp(&a.3).then(a.0.cmp(&b.0)).then(a.2.cmp(&b.2)));
    out.into_iter()
        .take(limit)
        .map(|(_, id, s, score, coverage)| (id, s, score, coverage))
        .collect()
}

/// (article id, sentence) of each quote whose speaker or an alias has `word`, and whose
/// text or sentence has every stem of `topic`.
fn quotes_scan(
    articles: &[Arc<Article>],
    word: Option<&str>,
    topic: Option<&str>,
) -> Vec<(String, usize)> {
    let stemmer = Stemmer::create(Algorithm::English);
    // Each word's stem, and for a hyphenated compound its parts' stems before it.
    let stem_list = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        for w in s
            .replace(['’', '\''], " ")
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
        {
            let w = w.to_lowercase();
            for part in w.split('-').filter(|p| !p.is_empty() && *p != w) {
                out.push(stemmer.stem(part).into_owned());
            }
            out.push(stemmer.stem(&w).into_owned());
        }
        out
    };
    let stems = |s: &str| -> BTreeSet<String> { stem_list(s).into_iter().collect() };
    // An article's main terms: its title, lead paragraph and words used three times or more.
    let article_terms = |a: &Article| -> BTreeSet<String> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for stem in stem_list(&a.doc.text) {
            *counts.entry(stem).or_default() += 1;
        }
        let mut out: BTreeSet<String> = counts
            .into_iter()
            .filter(|(_, n)| *n >= 3)
            .map(|(w, _)| w)
            .collect();
        out.extend(stems(a.title()));
        let doc = &a.doc;
        if let Some(p) = doc.paragraphs.iter().find(|p| {
            doc.headline.is_none_or(|h| !h.overlaps(**p))
                && doc.dateline.is_none_or(|d| !d.overlaps(**p))
        }) {
            out.extend(stems(doc.slice(*p)));
        }
        out
    };
    let mut out = Vec::new();
    for a in articles {
        let main_terms = topic.map(|_| article_terms(a)).unwrap_or_default();
        for q in &a.analysis.quotes {
            if let Some(w) = word {
                let named = std::iter::once(&q.speaker).chain(&q.aliases).any(|n| {
                    n.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                        .any(|x| x.eq_ignore_ascii_case(w))
                });
                if !named {
                    continue;
                }
            }
            if let Some(t) = topic {
                let mut have = stems(a.doc.slice(q.text));
                have.extend(stems(a.doc.sentence_text(q.sentence)));
                if let Some(p) = a
                    .doc
                    .sentences
                    .get(q.sentence)
                    .and_then(|s| a.doc.paragraphs.get(s.paragraph))
                {
                    have.extend(stems(a.doc.slice(*p)));
                }
                have.extend(main_terms.iter().cloned());
                if !stems(t).is_subset(&have) {
                    continue;
                }
            }
            out.push((a.id.clone(), q.sentence));
        }
    }
    out.sort();
    out
}

/// Who-said's words of a name: lower-cased words, titles and filler left out.
fn name_key(name: &str) -> Vec<String> {
    const IGNORED: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "about",
        "on",
        "in",
        "to",
        "for",
        "what",
        "who",
        "said",
        "say",
        "says",
        "did",
        "does",
        "is",
        "are",
        "was",
    ];
    name.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !IGNORED.contains(&w.as_str()))
        .collect()
}

/// Two speaker names are one source: same words, the shorter's words all in the longer,
/// which ends with one of them ("Trump" / "Donald Trump"), or two or more words opening it.
fn one_source(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // An organization's short name opening its full one ("University of Chile" /
    // "University of Chile Seismological Service").
    (short.len() >= 2 && long.starts_with(short))
        || short.iter().all(|w| long.contains(w)) && long.last().is_some_and(|l| short.contains(l))
}

/// A who-said group as compared: speaker, role, aliases, total, shown statements.
type WhoSaidGroup = (
    String,
    String,
    Vec<String>,
    usize,
    Vec<(String, usize, String)>,
);

/// Who-said with no filter, quote by quote over every article: each quote joins the
/// first group naming the same source (the fullest name labels it, earlier labels
/// become aliases), the role is the first one given, aliases come in order of first
/// appearance; most-quoted first, statements cut at `query::who_said::MAX_STATEMENTS`.
fn who_said_scan(articles: &[Arc<Article>]) -> Vec<WhoSaidGroup> {
    struct G<'a> {
        label: &'a str,
        old: Vec<&'a str>,
        quotes: Vec<(&'a Article, &'a newsdesk::model::Quote)>,
    }
    let mut groups: Vec<G> = Vec::new();
    for a in articles {
        for q in &a.analysis.quotes {
            let key = name_key(&q.speaker);
            match groups
                .iter_mut()
                .find(|g| one_source(&name_key(g.label), &key))
            {
                Some(g) => {
                    if key.len() > name_key(g.label).len() {
                        g.old.push(std::mem::replace(&mut g.label, &q.speaker));
                    }
                    g.quotes.push((a, q));
                }
                None => groups.push(G {
                    label: &q.speaker,
                    old: Vec::new(),
                    quotes: vec![(a, q)],
                }),
            }
        }
    }
    groups.sort_by_key(|b| std::cmp::Reverse(b.quotes.len()));
    let mut room = query::who_said::MAX_STATEMENTS;
    groups
        .iter()
        .map(|g| {
            let role = g
                .quotes
                .iter()
                .map(|(_, q)| q.role.as_str())
                .find(|r| !r.is_empty())
                .unwrap_or("")
                .to_string();
            let mut aliases: Vec<String> = Vec::new();
            let mut push = |al: &str| {
                if !aliases.iter().any(|x| x.eq_ignore_ascii_case(al)) {
                    aliases.push(al.to_string());
                }
            };
            for (n, (_, q)) in g.quotes.iter().enumerate() {
                if n == 1 {
                    g.old.iter().for_each(|o| push(o));
                }
                q.aliases.iter().for_each(|al| push(al));
            }
            if g.quotes.len() == 1 {
                g.old.iter().for_each(|o| push(o));
            }
            aliases.retain(|al| !al.eq_ignore_ascii_case(g.label));
            let shown = g.quotes.len().min(room);
            room -= shown;
            let statements = g.quotes[..shown]
                .iter()
                .map(|(a, q)| (a.id.clone(), q.sentence, a.doc.slice(q.text).to_string()))
                .collect();
            (
                g.label.to_string(),
                role,
                aliases,
                g.quotes.len(),
                statements,
            )
        })
        .collect()
}

fn who_said_found(
    store: &Store,
    speaker: Option<&str>,
    topic: Option<&str>,
) -> Vec<(String, usize)> {
    let groups = store.with_index(G, |i| query::who_said_in(i, speaker, topic));
    let mut out: Vec<(String, usize)> = groups
        .iter()
        .flat_map(|g| {
            g.statements
                .iter()
                .map(|s| (s.evidence.article_id.clone(), s.evidence.sentence_index))
        })
        .collect();
    out.sort();
    out
}

fn check_against_scans(store: &Store) {
    let articles = store.articles(G);
    assert!(!articles.is_empty());
    store.with_index(G, |i| {
        assert_eq!(
            i.len(),
            articles.len(),
            "every stored article is indexed, once"
        )
    });

    let mut queries_with_hits = 0;
    for q in [
        "rare earth exports",
        "police said",
        "train derailment",
        "stocks fell",
        "homes",
    ] {
        let scan = bm25_scan(&articles, q, 50);
        let hits = store.with_index(G, |i| query::search_in(i, q));
        // search keeps the sentences holding at least half of the query's weight.
        let got: Vec<(String, usize, f32)> = hits
            .iter()
            .map(|h| {
                (
                    h.evidence.article_id.clone(),
                    h.evidence.sentence_index,
                    h.score,
                )
            })
            .collect();
        // Exactly the scan's best 50 that hold at least half of the query's weight, in
        // the scan's order: nothing dropped, nothing added.
        let expected: Vec<&(String, usize, f32, f32)> = scan
            .iter()
            .filter(|(_, _, _, coverage)| *coverage >= 0.5)
            .collect();
        let got_keys: Vec<(&str, usize)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        let expected_keys: Vec<(&str, usize)> =
            expected.iter().map(|e| (e.0.as_str(), e.1)).collect();
        assert_eq!(
            got_keys, expected_keys,
            "{q}: the scan's hits, in its order"
        );
        if !got.is_empty() {
            queries_with_hits += 1;
        }
        for (g, e) in got.iter().zip(expected) {
            assert!(
                (g.2 - e.2).abs() < 1e-4,
                "{q}: same score ({} vs {})",
                g.2,
                e.2
            );
        }
        // Each sentence holding every query term is found by the scan's top list or scores below it.
        let all = sentences_with_all_terms(&articles, q);
        if all.len() <= 50 && !all.is_empty() {
            for key in &all {
                assert!(
                    got.iter().any(|g| (&g.0, g.1) == (&key.0, key.1)),
                    "{q}: {key:?} holds every term but was not found"
                );
            }
        }
    }

    assert!(
        queries_with_hits >= 3,
        "most keyword queries find sentences in the fixtures ({queries_with_hits} of 5 did)"
    );

    for (speaker, topic) in [
        (Some("trump"), None),
        (None, Some("rare earths")),
        (Some("police"), None),
        (None, Some("shuttle")),
        (None, None),
    ] {
        let expected = quotes_scan(&articles, speaker, topic);
        assert_eq!(
            who_said_found(store, speaker, topic),
            expected,
            "who-said speaker {speaker:?} topic {topic:?}"
        );
    }

    // With no filter: the same groups, labels, roles, aliases, counts and statements.
    let everything: Vec<WhoSaidGroup> = store
        .with_index(G, |i| query::who_said_in(i, None, None))
        .into_iter()
        .map(|g| {
            let st = g
                .statements
                .into_iter()
                .map(|s| (s.evidence.article_id, s.evidence.sentence_index, s.text))
                .collect();
            (g.speaker, g.role, g.aliases, g.total, st)
        })
        .collect();
    let expected = who_said_scan(&articles);
    assert!(
        expected.iter().any(|g| !g.2.is_empty()) && expected.iter().any(|g| !g.1.is_empty()),
        "the fixtures give roles and aliases"
    );
    assert_eq!(everything, expected, "who-said with no filter");

    // Name lookups: every person the scan finds by a surname is the one ask/search find.
    for a in articles.iter().take(6) {
        for p in a.analysis.people.iter().take(3) {
            let hits = store.with_index(G, |i| query::search_in(i, &p.name));
            let mut scan: Vec<(String, usize)> = Vec::new();
            for b in &articles {
                let people = b
                    .analysis
                    .people
                    .iter()
                    .map(|x| (&x.name, &x.aliases, &x.mentions));
                let orgs = b
                    .analysis
                    .organizations
                    .iter()
                    .chain(&b.analysis.places)
                    .map(|x| (&x.name, &x.aliases, &x.mentions));
                for (name, aliases, mentions) in people.chain(orgs) {
                    if name.eq_ignore_ascii_case(&p.name)
                        || aliases.iter().any(|al| al.eq_ignore_ascii_case(&p.name))
                    {
                        let mut seen = Vec::new();
                        for m in mentions {
                            if let Some(s) = b.doc.sentence_at(m.start)
                                && !seen.contains(&s)
                            {
                                seen.push(s);
                                scan.push((b.id.clone(), s));
                            }
                        }
                    }
                }
            }
            scan.truncate(50);
            let got: Vec<(String, usize)> = hits
                .iter()
                .map(|h| (h.evidence.article_id.clone(), h.evidence.sentence_index))
                .collect();
            assert_eq!(got, scan, "search {}", p.name);
            // ask over the index answers as ask over the plain list of articles does.
            let question = format!("who is {}?", p.name);
            let by_index = store.with_index(G, |i| query::ask_in(i, &question));
            let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
            match (by_index, query::ask(&refs, &question)) {
                (
                    AskAnswer::Found {
                        answer: x,
                        evidence: ex,
                    },
                    AskAnswer::Found {
                        answer: y,
                        evidence: ey,
                    },
                ) => {
                    assert_eq!((x, ex), (y, ey), "{question}")
                }
                (AskAnswer::NotFound { .. }, AskAnswer::NotFound { .. }) => {}
                (x, y) => panic!("{question}: {x:?} vs {y:?}"),
            }
        }
    }
}

#[test]
fn index_agrees_with_a_scan_after_adds_removes_and_a_lazy_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = common::fixtures::articles();
    {
        let store = Store::open(dir.path(), Limits::default()).unwrap();
        for round in 0..2 {
            for (name, bytes) in &inputs {
                let new = NewArticle {
                    bytes: bytes.clone(),
                    origin: format!("{round}-{name}"),
                    title: None,
                    added_by: None,
                };
                store.add_article(G, new).unwrap();
            }
        }
        check_against_scans(&store);
        // Remove every third article, and the newest one.
        let ids: Vec<String> = store.articles(G).iter().map(|a| a.id.clone()).collect();
        for id in ids.iter().step_by(3).chain(ids.last()) {
            store.remove_article(G, id).unwrap();
        }
        check_against_scans(&store);
        let (name, bytes) = &inputs[0];
        store
            .add_article(
                G,
                NewArticle {
                    bytes: bytes.clone(),
                    origin: format!("again-{name}"),
                    title: None,
                    added_by: None,
                },
            )
            .unwrap();
        check_against_scans(&store);
    }
    // Reopened: articles are analyzed in the background and by the first query.
    let store = Store::open(dir.path(), Limits::default()).unwrap();
    let first = store.with_index(G, |i| i.len());
    assert_eq!(
        first,
        store.article_count(G),
        "a query right after the load sees every article"
    );
    check_against_scans(&store);
    let id = store.articles(G)[1].id.clone();
    store.remove_article(G, &id).unwrap();
    check_against_scans(&store);
}
