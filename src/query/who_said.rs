//! Who said: statements grouped by speaker across articles, filtered by speaker (any
//! name or alias, case-insensitive, surname alone, honorifics ignored) and by topic
//! words (stemmed; matched in the statement, its sentence and paragraph, and its
//! article's title, lead and main terms; compounds match their parts). The same
//! person quoted in several articles ("Donald Trump", "Trump") is one group.

use super::Evidence;
use super::index::{ItemRef, ScopeIndex, SpeakerSummary};
use super::keys::{stems, words};
use crate::model::{Article, Quote, QuoteKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub text: String,
    pub kind: QuoteKind,
    pub evidence: Evidence,
}

/// A speaker's statements across the articles asked about.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerStatements {
    pub speaker: String,
    pub role: String,
    pub aliases: Vec<String>,
    /// The statements, or the first of them when the answer is cut at [`MAX_STATEMENTS`].
    pub statements: Vec<Statement>,
    /// How many statements the speaker has, shown or not.
    pub total: usize,
}

/// Two speaker labels name the same source: equal word sets, one a shorter form of the
/// other sharing its last word ("Trump" / "Donald Trump"), or one's words (two or more)
/// opening the other's.
fn same_source(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // An organization's short name inside its full one ("University of Chile" in "The
    // University of Chile Seismological Service"): two or more words opening it.
    let run_inside = short.len() >= 2 && long.starts_with(short);
    run_inside
        || short.iter().all(|w| long.contains(w)) && long.last().is_some_and(|l| short.contains(l))
}

/// Does a speaker query name this group (its name or any alias)?
fn speaker_matches(query: &[String], names: &[Vec<String>]) -> bool {
    !query.is_empty() && names.iter().any(|n| query.iter().all(|q| n.contains(q)))
}

/// Statements grouped by speaker, filtered by speaker (any alias) and topic words.
pub fn who_said(
    articles: &[&Article],
    speaker: Option<&str>,
    topic: Option<&str>,
) -> Vec<SpeakerStatements> {
    who_said_in(&ScopeIndex::from_articles(articles), speaker, topic)
}

/// The quotes that pass the filters, in article order: read from the index's speaker-word
/// and stem lists (intersected), never by visiting every quote unless there is no filter.
fn candidates(
    index: &ScopeIndex,
    speaker_query: Option<&[String]>,
    topic_stems: Option<&[String]>,
) -> Vec<ItemRef> {
    let mut lists: Vec<Vec<ItemRef>> = Vec::new();
    if let Some(q) = speaker_query {
        // Every query word must be in one name; the first word's list holds all of them.
        lists.extend(q.first().map(|w| index.quotes_with_speaker_word(w)));
    }
    if let Some(t) = topic_stems {
        lists.extend(t.iter().map(|s| index.quotes_with_stem(s)));
    }
    let Some(shortest) = lists.iter().min_by_key(|l| l.len()) else {
        return index.all_quotes().collect();
    };
    shortest
        .iter()
        .copied()
        .filter(|r| lists.iter().all(|l| l.binary_search(r).is_ok()))
        .collect()
}

/// Most statements a who-said answer carries (the most-quoted speakers' first); every
/// group still counts all of its statements in [`SpeakerStatements::total`]. Keeps a
/// server with thousands of articles from building a hundred thousand statements for
/// one page of a Discord reply.
pub const MAX_STATEMENTS: usize = 300;

/// Quotes that join a group together: all the quotes of one speaker key (with the
/// index's summary of them), or one quote.
#[derive(Clone, Copy)]
enum Part<'a> {
    Key(&'a SpeakerSummary),
    Quote(ItemRef),
}

impl Part<'_> {
    fn quotes(&self) -> &[ItemRef] {
        match self {
            Part::Key(s) => &s.quotes,
            Part::Quote(r) => std::slice::from_ref(r),
        }
    }
}

/// Speakers being grouped: each group's label words and its quotes.
struct Group<'a> {
    /// The group's first quote: groups are listed in this order.
    created: ItemRef,
    /// The quote whose speaker labels the group (the fullest name, first seen).
    label_quote: ItemRef,
    label: Vec<String>,
    /// Earlier labels, which become aliases.
    old_labels: Vec<ItemRef>,
    parts: Vec<Part<'a>>,
    total: usize,
}

/// The groups of an answer, in order of creation, and which groups' labels hold each
/// word: a speaker key can only name the same source as a label holding its last word
/// (see [`same_source`]), so finding its group looks at those groups only.
#[derive(Default)]
struct Groups<'a> {
    groups: Vec<Group<'a>>,
    /// Quotes whose speaker key has no words: each stands alone.
    alone: Vec<Group<'a>>,
    by_word: std::collections::HashMap<String, Vec<usize>>,
}

impl<'a> Groups<'a> {
    /// Adds quotes of one speaker key to the first group whose label names the same
    /// source, or starts a group. A key with no words matches nothing and nothing
    /// matches it, so such a quote stands alone.
    fn join(&mut self, key: &[String], first: ItemRef, part: Part<'a>) {
        let total = part.quotes().len();
        if key.is_empty() {
            let g = Group {
                created: first,
                label_quote: first,
                label: Vec::new(),
                old_labels: Vec::new(),
                parts: vec![part],
                total,
            };
            self.alone.push(g);
            return;
        }
        let found = key
            .last()
            .and_then(|w| self.by_word.get(w))
            .and_then(|candidates| {
                candidates
                    .iter()
                    .copied()
                    .filter(|&i| same_source(&self.groups[i].label, key))
                    .min()
            });
        match found {
            Some(i) => {
                let g = &mut self.groups[i];
                // The fullest name wins as the group's label.
                if key.len() > g.label.len() {
                    g.old_labels
                        .push(std::mem::replace(&mut g.label_quote, first));
                    g.label = key.to_vec();
                    for w in key {
                        let list = self.by_word.entry(w.clone()).or_default();
                        if !list.contains(&i) {
                            list.push(i);
                        }
                    }
                }
                g.parts.push(part);
                g.total += total;
            }
            None => {
                let i = self.groups.len();
                for w in key {
                    let list = self.by_word.entry(w.clone()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
                self.groups.push(Group {
                    created: first,
                    label_quote: first,
                    label: key.to_vec(),
                    old_labels: Vec::new(),
                    parts: vec![part],
                    total,
                });
            }
        }
    }

    /// Every group, in order of first appearance.
    fn into_list(mut self) -> Vec<Group<'a>> {
        if !self.alone.is_empty() {
            self.groups.append(&mut self.alone);
            self.groups.sort_by_key(|g| g.created);
        }
        self.groups
    }
}

/// [`who_said`] over a scope's index.
pub fn who_said_in(
    index: &ScopeIndex,
    speaker: Option<&str>,
    topic: Option<&str>,
) -> Vec<SpeakerStatements> {
    let speaker_query = speaker.map(words).filter(|q| !q.is_empty());
    let topic_stems = topic.map(stems).filter(|t| !t.is_empty());
    let quote = |r: &ItemRef| index.article(r.slot).analysis.quotes.get(r.item as usize);
    let mut groups = Groups::default();
    if speaker_query.is_none() && topic_stems.is_none() {
        // Every quote: group the distinct speaker keys in order of first appearance,
        // each with the index's summary of its quotes. A key with no words (a speaker of
        // ignored words only) never matches a group, so each of its quotes stands alone,
        // as in a quote-by-quote scan.
        let mut units: Vec<(ItemRef, &[String], Part)> = Vec::new();
        for (key, summary) in index.speaker_keys() {
            if key.is_empty() {
                units.extend(summary.quotes.iter().map(|q| (*q, key, Part::Quote(*q))));
            } else if let Some(first) = summary.quotes.first() {
                units.push((*first, key, Part::Key(summary)));
            }
        }
        units.sort_by_key(|u| u.0);
        for (first, key, part) in units {
            groups.join(key, first, part);
        }
    } else {
        for r in candidates(index, speaker_query.as_deref(), topic_stems.as_deref()) {
            let Some(q) = quote(&r) else { continue };
            let key = words(&q.speaker);
            if let Some(query) = &speaker_query {
                let mut names: Vec<Vec<String>> = vec![key.clone()];
                names.extend(q.aliases.iter().map(|al| words(al)));
                names.retain(|n| !n.is_empty());
                if !speaker_matches(query, &names) {
                    continue;
                }
            }
            groups.join(&key, r, Part::Quote(r));
        }
    }
    // In order of first appearance, then most-quoted first (a stable sort keeps ties so).
    let mut groups = groups.into_list();
    groups.sort_by_key(|b| std::cmp::Reverse(b.total));
    let shares = fair_shares(&groups.iter().map(|g| g.total).collect::<Vec<_>>());
    let mut out = Vec::with_capacity(groups.len());
    for (g, shown) in groups.into_iter().zip(shares) {
        let Some(label) = quote(&g.label_quote) else {
            continue;
        };
        // The role of the group's first quote that has one.
        let first_role = g
            .parts
            .iter()
            .filter_map(|p| match p {
                Part::Key(s) => s.first_role,
                Part::Quote(r) => quote(r).is_some_and(|q| !q.role.is_empty()).then_some(*r),
            })
            .min();
        let role = first_role
            .and_then(|r| quote(&r))
            .map(|q| q.role.clone())
            .unwrap_or_default();
        let aliases = group_aliases(&g, &label.speaker, quote);
        // The group's first `shown` quotes: each part's are sorted, so they are among
        // the first `shown` of each part.
        let mut first: Vec<ItemRef> = match g.parts.as_slice() {
            [one] => one.quotes()[..shown].to_vec(),
            parts => parts
                .iter()
                .flat_map(|p| &p.quotes()[..shown.min(p.quotes().len())])
                .copied()
                .collect(),
        };
        first.sort_unstable();
        first.truncate(shown);
        let statements = first
            .iter()
            .filter_map(|r| {
                let a = index.article(r.slot);
                let q = a.analysis.quotes.get(r.item as usize)?;
                Some(Statement {
                    text: a.doc.slice(q.text).to_string(),
                    kind: q.kind,
                    evidence: Evidence::new(a, q.sentence),
                })
            })
            .collect();
        out.push(SpeakerStatements {
            speaker: if label.speaker.is_empty() {
                crate::model::UNNAMED_SPEAKER.to_string()
            } else {
                label.speaker.clone()
            },
            role,
            aliases,
            total: g.total,
            statements,
        });
    }
    out
}

/// Statements each group shows within [`MAX_STATEMENTS`]: first every group its first
/// [`FAIR_SHARE`] (so one long article's many speakers never crowd out every other
/// article's), then the rest to the most-quoted first.
fn fair_shares(totals: &[usize]) -> Vec<usize> {
    let mut room = MAX_STATEMENTS;
    let mut shares: Vec<usize> = totals
        .iter()
        .map(|&t| {
            let n = t.min(FAIR_SHARE).min(room);
            room -= n;
            n
        })
        .collect();
    for (share, &total) in shares.iter_mut().zip(totals) {
        let more = (total - *share).min(room);
        *share += more;
        room -= more;
    }
    shares
}

/// Statements every group is shown before any group gets more.
const FAIR_SHARE: usize = 2;

/// A group's aliases: those of its first quote, then the labels it had before, then the
/// other quotes' in order (each once, ASCII case ignored, spelled as first seen), less
/// the label itself.
fn group_aliases<'a>(
    g: &Group,
    label: &str,
    quote: impl Fn(&ItemRef) -> Option<&'a Quote>,
) -> Vec<String> {
    // (quote, position in its aliases, alias) from every part, in scan order.
    let mut found: Vec<(ItemRef, u32, &str)> = Vec::new();
    for part in &g.parts {
        match part {
            Part::Key(s) => found.extend(s.aliases.iter().map(|(r, p, a)| (*r, *p, a.as_str()))),
            Part::Quote(r) => {
                if let Some(q) = quote(r) {
                    found.extend(
                        q.aliases
                            .iter()
                            .enumerate()
                            .map(|(p, a)| (*r, p as u32, a.as_str())),
                    );
                }
            }
        }
    }
    if g.parts.len() > 1 {
        found.sort_by_key(|f| (f.0, f.1));
    }
    let first_quote = g
        .parts
        .iter()
        .filter_map(|p| p.quotes().first())
        .min()
        .copied();
    let mut aliases: Vec<String> = Vec::new();
    // Alias strings already looked at, exactly as written (most repeat), so the
    // case-insensitive comparison runs once per distinct spelling.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut old_labels_done = g.old_labels.is_empty();
    for (r, _, alias) in found {
        if !old_labels_done && Some(r) != first_quote {
            for old in g.old_labels.iter().filter_map(&quote) {
                push_alias(&mut aliases, &old.speaker);
            }
            old_labels_done = true;
        }
        if seen.insert(alias) {
            push_alias(&mut aliases, alias);
        }
    }
    if !old_labels_done {
        for old in g.old_labels.iter().filter_map(&quote) {
            push_alias(&mut aliases, &old.speaker);
        }
    }
    aliases.retain(|al| !al.eq_ignore_ascii_case(label));
    aliases
}

fn push_alias(aliases: &mut Vec<String>, alias: &str) {
    if !aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
        aliases.push(alias.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::ingest::{IngestOptions, ingest};
    use chrono::Utc;

    fn article(id: &str, text: &str) -> Article {
        let doc = ingest(text.as_bytes(), &IngestOptions::default()).unwrap();
        let analysis = analyze(&doc);
        Article {
            id: id.into(),
            added_at: Utc::now(),
            added_by: None,
            origin: "test".into(),
            doc,
            analysis,
        }
    }

    #[test]
    fn groups_the_same_person_across_articles_and_filters() {
        let a = article(
            "a1",
            "U.S. President Donald Trump said tariffs on rare earths would rise.\n\n“We are winning,” Trump said.",
        );
        let b = article(
            "a2",
            "“The talks on rare earth exports are over,” said Donald Trump.\n\nAnalysts say the markets are calm.",
        );
        let refs = [&a, &b];
        let all = who_said(&refs, None, None);
        let trump = all
            .iter()
            .find(|g| g.speaker == "Donald Trump")
            .expect("Trump grouped");
        assert_eq!(trump.statements.len(), 3);
        assert_eq!(all[0].speaker, "Donald Trump", "most quoted first");
        assert!(all.iter().any(|g| g.speaker == "Analysts"));

        // Speaker by surname, any case, honorific ignored.
        let by_surname = who_said(&refs, Some("mr. TRUMP"), None);
        assert_eq!(by_surname.len(), 1);
        assert_eq!(by_surname[0].statements.len(), 3);
        assert!(who_said(&refs, Some("Xi"), None).is_empty());

        // Topic by stem: "earths" finds "earth" and "earths"; a statement is on its
        // article's topic (title and lead), so all four statements of these two articles
        // match, and none of an article about something else.
        let c = article(
            "a3",
            "Forecasters said the weekend would be wet.\n\n“Bring an umbrella,” said Jane Roe.",
        );
        let refs = [&a, &b, &c];
        let topic = who_said(&refs, None, Some("rare earths"));
        let n: usize = topic.iter().map(|g| g.statements.len()).sum();
        assert_eq!(n, 4, "{topic:?}");
        assert!(
            topic
                .iter()
                .all(|g| g.statements.iter().all(|s| s.evidence.article_id != "a3")),
            "{topic:?}"
        );
        assert!(
            topic
                .iter()
                .all(|g| g.statements.iter().all(|s| !s.evidence.sentence.is_empty()))
        );
        assert_eq!(topic[0].statements[0].evidence.article_id, "a1");
    }

    /// The quote-by-quote grouping the index replaced: (speaker, role, statements as
    /// (article, sentence, text)) per group, most-quoted first.
    /// (speaker, role, statements as (article, sentence, text)).
    type Group = (String, String, Vec<(String, usize, String)>);

    fn scan(articles: &[&Article]) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for a in articles {
            for q in &a.analysis.quotes {
                let key = words(&q.speaker);
                let statement = (a.id.clone(), q.sentence, a.doc.slice(q.text).to_string());
                match groups.iter_mut().find(|g| same_source(&words(&g.0), &key)) {
                    Some(g) => {
                        if key.len() > words(&g.0).len() {
                            g.0 = q.speaker.clone();
                        }
                        if g.1.is_empty() {
                            g.1 = q.role.clone();
                        }
                        g.2.push(statement);
                    }
                    None => groups.push((q.speaker.clone(), q.role.clone(), vec![statement])),
                }
            }
        }
        groups.sort_by_key(|b| std::cmp::Reverse(b.2.len()));
        groups
    }

    fn fixture_articles() -> Vec<Article> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .enumerate()
            .map(|(i, p)| article(&format!("a{}", i + 1), &std::fs::read_to_string(p).unwrap()))
            .collect()
    }

    #[test]
    fn unfiltered_grouping_by_speaker_key_matches_a_quote_by_quote_scan() {
        let arts = fixture_articles();
        let refs: Vec<&Article> = arts.iter().collect();
        let expected = scan(&refs);
        let got = who_said(&refs, None, None);
        assert!(
            expected.iter().map(|g| g.2.len()).sum::<usize>() <= MAX_STATEMENTS,
            "fixtures fit in one answer"
        );
        let got: Vec<Group> = got
            .into_iter()
            .map(|g| {
                assert_eq!(g.total, g.statements.len());
                let st = g
                    .statements
                    .into_iter()
                    .map(|s| (s.evidence.article_id, s.evidence.sentence_index, s.text))
                    .collect();
                (g.speaker, g.role, st)
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_large_answer_is_cut_but_counts_every_statement() {
        let arts = fixture_articles();
        // The fixtures many times over: far more statements than one answer carries.
        let many: Vec<&Article> = (0..40).flat_map(|_| arts.iter()).collect();
        let expected = scan(&many);
        let all: usize = expected.iter().map(|g| g.2.len()).sum();
        assert!(all > MAX_STATEMENTS * 2, "{all}");
        let got = who_said(&many, None, None);
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!((&g.speaker, g.total), (&e.0, e.2.len()));
            assert!(g.statements.len() <= g.total);
        }
        assert_eq!(
            got.iter().map(|g| g.statements.len()).sum::<usize>(),
            MAX_STATEMENTS
        );
        // The most-quoted speaker's statements come first, in article order.
        let first = &got[0];
        let shown: Vec<(String, usize)> = first
            .statements
            .iter()
            .map(|s| (s.evidence.article_id.clone(), s.evidence.sentence_index))
            .collect();
        let want: Vec<(String, usize)> = expected[0]
            .2
            .iter()
            .take(shown.len())
            .map(|s| (s.0.clone(), s.1))
            .collect();
        assert_eq!(shown, want);
        // A filter sees the same counts.
        let by_speaker = who_said(&many, Some(&first.speaker), None);
        assert_eq!(
            by_speaker
                .iter()
                .find(|g| g.speaker == first.speaker)
                .map(|g| g.total),
            Some(first.total)
        );
    }
}
