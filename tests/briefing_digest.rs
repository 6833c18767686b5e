//! The briefing digest on the dev articles and on pairs of articles that state the same
//! figure differently; rendering to text and to Discord-sized messages.

mod briefing_support;

use briefing_support::{analyzed, at, fixture, with_figures};
use newsdesk::briefing::render::{
    self, MAX_CONTENT, MAX_EMBED_TOTAL, MAX_EMBEDS_PER_MESSAGE, OutgoingMessage, RenderOptions,
};
use newsdesk::briefing::{DigestOptions, build_digest};
use newsdesk::model::{Article, FigureKind};
use newsdesk::store::{NewArticle, Scope, Store};

const SEED: &str = "seed-us-china-rare-earths.txt";
const DEV: [&str; 4] = [
    SEED,
    "wn-2008-us-senate-bailout-vote.txt",
    "wn-2010-flash-crash-us-stocks.txt",
    "wn-2008-south-korea-us-beef-protests.txt",
];

fn store_with(names: &[&str]) -> (Store, Scope) {
    let store = Store::in_memory();
    let scope = Scope::Guild(1);
    for name in names {
        store
            .add_article(
                scope,
                NewArticle {
                    bytes: fixture(name),
                    origin: (*name).into(),
                    title: None,
                    added_by: None,
                },
            )
            .expect("dev article stores");
    }
    (store, scope)
}

fn all(store: &Store, scope: Scope) -> Vec<std::sync::Arc<Article>> {
    store.articles(scope)
}

/// Every line of a digest traces to a sentence of the article it names.
#[test]
fn dev_digest_covers_each_article_and_traces_every_line() {
    let (store, scope) = store_with(&DEV);
    let articles = all(&store, scope);
    let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
    let now = chrono::Utc::now();
    let digest = build_digest(
        &refs,
        &DigestOptions::new(Some(now - chrono::Duration::hours(1)), now, None),
    );
    assert_eq!(digest.articles.len(), DEV.len());
    let ids: Vec<&str> = digest
        .articles
        .iter()
        .map(|a| a.article.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["a1", "a2", "a3", "a4"],
        "articles in the order they were added"
    );

    let by_id = |id: &str| {
        articles
            .iter()
            .find(|a| a.id == id)
            .expect("evidence names a digest article")
    };
    let traces = |e: &newsdesk::query::Evidence| {
        let a = by_id(&e.article_id);
        assert_eq!(
            a.doc.sentence_text(e.sentence_index),
            e.sentence,
            "evidence is the article's own sentence"
        );
        assert!(!e.sentence.trim().is_empty());
    };
    for ad in &digest.articles {
        assert!(
            !ad.key_points.is_empty() && ad.key_points.len() <= 3,
            "{}: 1–3 key points",
            ad.article.id
        );
        let a = by_id(&ad.article.id);
        for e in &ad.key_points {
            assert_eq!(e.article_id, ad.article.id);
            traces(e);
            assert_ne!(
                Some(e.sentence_index),
                a.doc.headline.and_then(|h| a.doc.sentence_at(h.start)),
                "the headline is not a key point"
            );
        }
        assert!(ad.quotes.len() <= 3 && ad.figures.len() <= 3);
        for q in &ad.quotes {
            traces(&q.evidence);
            assert!(a.doc.text.contains(&q.text), "quote is verbatim");
        }
        for f in &ad.figures {
            traces(&f.evidence);
            assert!(
                f.evidence.sentence.contains(&f.text),
                "figure lies in its sentence"
            );
        }
    }
    for s in &digest.most_quoted {
        assert!(s.quotes + s.paraphrases >= 2);
        traces(&s.evidence);
    }
    for e in &digest.recurring {
        assert!(e.evidence.len() >= 2, "{} recurs", e.name);
        e.evidence.iter().for_each(traces);
    }
    for d in &digest.disagreements {
        assert_ne!(d.first.evidence.article_id, d.second.evidence.article_id);
        traces(&d.first.evidence);
        traces(&d.second.evidence);
    }

    let text = render::text(&digest, chrono_tz::Tz::UTC);
    for ad in &digest.articles {
        assert!(
            text.contains(&format!("{} [{}]", ad.article.title, ad.article.id)),
            "text names {}",
            ad.article.id
        );
    }
    for m in render::discord_messages(&digest, RenderOptions::default()) {
        assert!(m.within_limits());
    }
}

#[test]
fn period_and_topic_select_articles() {
    let t0 = at("2026-11-28T08:00:00Z");
    let texts = [
        (
            "a1",
            "Rare earth exports fell.\n\nChina restricted rare earth exports sharply this month.",
            t0,
        ),
        (
            "a2",
            "Senate vote.\n\nThe Senate passed the bailout bill on Wednesday.",
            t0 + chrono::Duration::hours(2),
        ),
        (
            "a3",
            "More rare earths.\n\nJapan stockpiles rare earths as prices climb.",
            t0 + chrono::Duration::hours(4),
        ),
    ];
    let articles: Vec<Article> = texts
        .iter()
        .map(|(id, t, when)| with_figures(id, t, *when, &[]))
        .collect();
    let refs: Vec<&Article> = articles.iter().collect();

    let since_a1 = build_digest(
        &refs,
        &DigestOptions::new(Some(t0), t0 + chrono::Duration::hours(5), None),
    );
    assert_eq!(
        since_a1
            .articles
            .iter()
            .map(|a| a.article.id.as_str())
            .collect::<Vec<_>>(),
        ["a2", "a3"],
        "strictly after since"
    );
    let until = build_digest(
        &refs,
        &DigestOptions::new(None, t0 + chrono::Duration::hours(2), None),
    );
    assert_eq!(until.articles.len(), 2, "until is inclusive");

    let topic = build_digest(
        &refs,
        &DigestOptions::new(
            None,
            t0 + chrono::Duration::hours(5),
            Some("rare earth".into()),
        ),
    );
    assert_eq!(
        topic
            .articles
            .iter()
            .map(|a| a.article.id.as_str())
            .collect::<Vec<_>>(),
        ["a1", "a3"],
        "stemmed: earths ≈ earth"
    );
    assert_eq!(topic.articles_in_period, 3);
    let either = build_digest(
        &refs,
        &DigestOptions::new(
            None,
            t0 + chrono::Duration::hours(5),
            Some("bailout, stockpiles".into()),
        ),
    );
    assert_eq!(
        either
            .articles
            .iter()
            .map(|a| a.article.id.as_str())
            .collect::<Vec<_>>(),
        ["a2", "a3"]
    );
    let none = build_digest(
        &refs,
        &DigestOptions::new(
            None,
            t0 + chrono::Duration::hours(5),
            Some("football".into()),
        ),
    );
    assert!(none.is_empty());
    assert!(
        render::headline(&none, chrono_tz::Tz::UTC).contains("No new articles about “football”")
    );
}

const SEED_TRADE: &str = "The latest flare-up threatens to derail months of diplomatic groundwork and a fragile $660 billion trade relationship.";

/// A second outlet restating the seed's trade figure with another value.
const OTHER_OUTLET: &str = "Trade talks stall again\n\nOfficials in Beijing and Washington traded accusations on Friday. The trade relationship between the two countries, worth $580 billion last year, is now at risk, economists said. China refines about 90% of the world's rare earths.";

#[test]
fn conflicting_figures_produce_a_disagreement_citing_both() {
    let t0 = at("2026-11-28T08:00:00Z");
    let seed = String::from_utf8(fixture(SEED)).expect("seed is UTF-8");
    assert!(seed.contains(SEED_TRADE));
    let a = with_figures(
        "a1",
        &seed,
        t0,
        &[
            (
                "$660 billion",
                FigureKind::Money,
                660e9,
                "USD",
                "value of the US-China trade relationship",
                None,
            ),
            (
                "over 90%",
                FigureKind::Percent,
                90.0,
                "%",
                "share of the world's rare earths refined by China",
                Some("over"),
            ),
        ],
    );
    let b = with_figures(
        "a2",
        OTHER_OUTLET,
        t0 + chrono::Duration::hours(1),
        &[
            (
                "$580 billion",
                FigureKind::Money,
                580e9,
                "USD",
                "value of the trade relationship between the two countries",
                None,
            ),
            // "about 90%" fits "over 90%": no disagreement.
            (
                "about 90%",
                FigureKind::Percent,
                90.0,
                "%",
                "share of the world's rare earths China refines",
                Some("about"),
            ),
        ],
    );
    let digest = build_digest(
        &[&a, &b],
        &DigestOptions::new(None, t0 + chrono::Duration::hours(2), None),
    );
    assert_eq!(digest.disagreements.len(), 1, "{:#?}", digest.disagreements);
    let d = &digest.disagreements[0];
    assert_eq!(
        (d.first.text.as_str(), d.second.text.as_str()),
        ("$660 billion", "$580 billion")
    );
    assert_eq!(d.first.evidence.article_id, "a1");
    assert_eq!(d.second.evidence.article_id, "a2");
    assert_eq!(d.first.evidence.sentence.trim(), SEED_TRADE);
    assert!(
        d.second
            .evidence
            .sentence
            .contains("worth $580 billion last year")
    );

    let text = render::text(&digest, chrono_tz::Tz::UTC);
    let line = text
        .lines()
        .find(|l| l.contains("disagrees with"))
        .expect("a disagrees line");
    assert!(
        line.contains("$660 billion") && line.contains("$580 billion"),
        "{line}"
    );
    assert!(
        text.contains("$660 billion in a1 “") && text.contains("$580 billion in a2 “"),
        "both sources cited:\n{text}"
    );
    let messages = render::discord_messages(&digest, RenderOptions::default());
    let field = messages
        .iter()
        .flat_map(|m| &m.embeds)
        .flat_map(|e| &e.fields)
        .find(|f| f.name.contains("Disagrees"))
        .expect("a disagreement field");
    assert!(field.value.contains("in a1") && field.value.contains("in a2"));
}

#[test]
fn figures_without_about_match_on_their_sentence_words() {
    let t0 = at("2026-11-28T08:00:00Z");
    let a = with_figures(
        "a1",
        "Quake toll.\n\nThe earthquake killed 120 people in the coastal province, officials said.",
        t0,
        &[("120 people", FigureKind::Count, 120.0, "people", "", None)],
    );
    let b = with_figures(
        "a2",
        "Quake update.\n\nRescuers said the earthquake killed 95 people in the coastal province.",
        t0,
        &[("95 people", FigureKind::Count, 95.0, "people", "", None)],
    );
    let c = with_figures(
        "a3",
        "Protest.\n\nAbout 95,000 people marched through the capital against the beef deal.",
        t0,
        &[(
            "95,000 people",
            FigureKind::Count,
            95000.0,
            "people",
            "",
            None,
        )],
    );
    let digest = build_digest(&[&a, &b, &c], &DigestOptions::new(None, t0, None));
    assert_eq!(
        digest.disagreements.len(),
        1,
        "the march is about something else: {:#?}",
        digest.disagreements
    );
    let d = &digest.disagreements[0];
    assert_eq!(
        (
            d.first.evidence.article_id.as_str(),
            d.second.evidence.article_id.as_str()
        ),
        ("a1", "a2")
    );
    assert!(
        d.subject.contains("earthquak") && d.subject.contains("kill"),
        "subject from shared stems: {}",
        d.subject
    );
}

#[test]
fn agreeing_or_unrelated_figures_are_not_disagreements() {
    let t0 = at("2026-11-28T08:00:00Z");
    let a = with_figures(
        "a1",
        "Budget.\n\nThe city budget is $2.5 billion this year. The bridge will cost $40 million to repair.",
        t0,
        &[
            (
                "$2.5 billion",
                FigureKind::Money,
                2.5e9,
                "USD",
                "city budget",
                None,
            ),
            (
                "$40 million",
                FigureKind::Money,
                40e6,
                "USD",
                "cost to repair the bridge",
                None,
            ),
        ],
    );
    let b = with_figures(
        "a2",
        "Budget again.\n\nThe city budget reached $2.51 billion. Repairing the bridge will cost up to $45 million. The stadium will cost $40 million.",
        t0,
        &[
            (
                "$2.51 billion",
                FigureKind::Money,
                2.51e9,
                "USD",
                "city budget",
                None,
            ),
            (
                "$45 million",
                FigureKind::Money,
                45e6,
                "USD",
                "cost to repair the bridge",
                Some("up to"),
            ),
            (
                "$40 million",
                FigureKind::Money,
                40e6,
                "EUR",
                "cost of the stadium",
                None,
            ),
        ],
    );
    let digest = build_digest(&[&a, &b], &DigestOptions::new(None, t0, None));
    assert!(
        digest.disagreements.is_empty(),
        "rounding, bounds and other subjects agree: {:#?}",
        digest.disagreements
    );
    // Within one article two values are not a disagreement between sources.
    let c = with_figures(
        "a3",
        "Budget.\n\nThe city budget is $2.5 billion. Critics say the city budget is really $3 billion.",
        t0,
        &[
            (
                "$2.5 billion",
                FigureKind::Money,
                2.5e9,
                "USD",
                "city budget",
                None,
            ),
            (
                "$3 billion",
                FigureKind::Money,
                3e9,
                "USD",
                "city budget",
                None,
            ),
        ],
    );
    assert!(
        build_digest(&[&c], &DigestOptions::new(None, t0, None))
            .disagreements
            .is_empty()
    );
}

#[test]
fn people_and_organizations_recurring_across_articles() {
    use newsdesk::model::{NamedEntity, Person, Quote, QuoteKind, Span};
    let t0 = at("2026-11-28T08:00:00Z");
    let make =
        |id: &str, text: &str, people: &[(&str, &str)], orgs: &[&str], quotes: &[(&str, &str)]| {
            let mut a = with_figures(id, text, t0, &[]);
            let span_of = |a: &Article, s: &str| {
                let start = a
                    .doc
                    .text
                    .find(s)
                    .unwrap_or_else(|| panic!("{s:?} in {id}"));
                Span::new(start, start + s.len())
            };
            a.analysis.people = people
                .iter()
                .map(|(n, role)| Person {
                    name: (*n).into(),
                    role: (*role).into(),
                    mentions: vec![span_of(&a, n.split(' ').next_back().unwrap())],
                    ..Person::default()
                })
                .collect();
            a.analysis.organizations = orgs
                .iter()
                .map(|n| NamedEntity {
                    name: (*n).into(),
                    mentions: vec![span_of(&a, n)],
                    ..NamedEntity::default()
                })
                .collect();
            a.analysis.quotes = quotes
                .iter()
                .map(|(speaker, words)| {
                    let text = span_of(&a, words);
                    let aliases = if speaker.contains(' ') {
                        vec![speaker.split(' ').next().unwrap().to_string()]
                    } else {
                        vec![]
                    };
                    Quote {
                        speaker: (*speaker).into(),
                        aliases,
                        role: String::new(),
                        text,
                        kind: QuoteKind::Direct,
                        cue: None,
                        sentence: a.doc.sentence_at(text.start).unwrap(),
                        rules: Default::default(),
                    }
                })
                .collect();
            a
        };
    let a = make(
        "a1",
        "Talks.\n\n“We will not back down on tariffs,” said Wu Xinbo of Fudan University. Donald Trump praised progress. “The summit may be cancelled,” Wu Xinbo added.",
        &[
            ("Wu Xinbo", "director of the American Studies Center"),
            ("Donald Trump", "U.S. President"),
        ],
        &["Fudan University"],
        &[
            ("Wu Xinbo", "We will not back down on tariffs"),
            ("Wu Xinbo", "The summit may be cancelled"),
        ],
    );
    let b = make(
        "a2",
        "More talks.\n\nTrump threatened new tariffs. Scholars at Fudan University disagreed. “Tariffs hurt both sides,” Wu said.",
        &[("Trump", "")],
        &["Fudan University"],
        &[("Wu", "Tariffs hurt both sides")],
    );
    let digest = build_digest(&[&a, &b], &DigestOptions::new(None, t0, None));
    let names: Vec<&str> = digest.recurring.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"Donald Trump"),
        "a lone surname joins the full name: {names:?}"
    );
    assert!(names.contains(&"Fudan University"), "{names:?}");
    assert!(
        !names.contains(&"Wu Xinbo"),
        "named as a person in one article only: {names:?}"
    );
    let trump = digest
        .recurring
        .iter()
        .find(|e| e.name == "Donald Trump")
        .unwrap();
    assert_eq!(trump.role, "U.S. President");
    assert_eq!(
        trump
            .evidence
            .iter()
            .map(|e| e.article_id.as_str())
            .collect::<Vec<_>>(),
        ["a1", "a2"]
    );
    assert!(trump.evidence[1].sentence.contains("Trump threatened"));

    assert_eq!(digest.most_quoted.len(), 1);
    let wu = &digest.most_quoted[0];
    assert_eq!(
        (wu.name.as_str(), wu.quotes, wu.articles.len()),
        ("Wu Xinbo", 3, 2)
    );
    assert_eq!(
        wu.role, "director of the American Studies Center",
        "role from the person the article names"
    );
}

/// Many long articles: the Discord rendering splits into several messages, in order,
/// each within every limit, and every article keeps its id.
#[test]
fn a_large_digest_splits_into_messages_within_limits() {
    let t0 = at("2026-11-28T08:00:00Z");
    let long_sentence = |n: usize| {
        format!(
            "Sentence {n} of a long report says that {} and ends here.",
            "the committee reviewed the figures again ".repeat(20)
        )
    };
    let articles: Vec<Article> = (1..=24)
        .map(|i| {
            let body: Vec<String> = (0..5).map(long_sentence).collect();
            let text = format!(
                "Report number {i} on the committee's long review of public spending\n\n{}",
                body.join(" ")
            );
            with_figures(&format!("a{i}"), &text, t0, &[])
        })
        .collect();
    let refs: Vec<&Article> = articles.iter().collect();
    let digest = build_digest(&refs, &DigestOptions::new(None, t0, None));
    assert_eq!(digest.articles.len(), 24);
    let messages = render::discord_messages(
        &digest,
        RenderOptions {
            tz: chrono_tz::Tz::UTC,
            mention_role: Some(42),
        },
    );
    assert!(
        messages.len() >= 3,
        "24 long articles need several messages, got {}",
        messages.len()
    );
    for (i, m) in messages.iter().enumerate() {
        assert!(m.within_limits(), "message {i} breaks a limit");
        assert!(
            m.content.chars().count() <= MAX_CONTENT && m.embeds.len() <= MAX_EMBEDS_PER_MESSAGE
        );
        assert!(m.embeds.iter().map(|e| e.char_count()).sum::<usize>() <= MAX_EMBED_TOTAL);
        assert!(
            m.content
                .contains(&format!("({}/{})", i + 1, messages.len())),
            "{}",
            m.content
        );
    }
    assert!(
        messages[0].content.starts_with("<@&42> "),
        "the role is mentioned once, first"
    );
    assert_eq!(messages[0].mention_role, Some(42));
    assert!(
        messages[1..]
            .iter()
            .all(|m| m.mention_role.is_none() && !m.content.contains("<@&"))
    );
    let footers: Vec<String> = messages
        .iter()
        .flat_map(|m| &m.embeds)
        .map(|e| e.footer.clone())
        .collect();
    let expected: Vec<String> = (1..=24).map(|i| format!("Article a{i} ")).collect();
    assert_eq!(footers.len(), 24);
    for (f, e) in footers.iter().zip(&expected) {
        assert!(f.starts_with(e.as_str()), "in order: {f} vs {e}");
    }

    // The limit check itself rejects what Discord rejects.
    let too_long = OutgoingMessage {
        content: "x".repeat(MAX_CONTENT + 1),
        ..OutgoingMessage::default()
    };
    assert!(!too_long.within_limits());
    let mut too_many = messages[0].clone();
    too_many.embeds = vec![too_many.embeds[0].clone(); MAX_EMBEDS_PER_MESSAGE + 1];
    assert!(!too_many.within_limits());
}

#[test]
fn an_empty_period_renders_one_line() {
    let t0 = at("2026-11-28T08:00:00Z");
    let digest = build_digest(
        &[],
        &DigestOptions::new(Some(t0), t0 + chrono::Duration::days(1), None),
    );
    assert!(digest.is_empty());
    let m = render::discord_messages(&digest, RenderOptions::default());
    assert_eq!(m.len(), 1);
    assert!(
        m[0].embeds.is_empty()
            && m[0]
                .content
                .contains("No new articles since Sat 28 Nov 2026 08:00 (UTC)"),
        "{}",
        m[0].content
    );
    assert_eq!(render::text(&digest, chrono_tz::Tz::UTC).lines().count(), 1);
}

/// The real engine on a real article: whatever it finds is traceable (kept separate so
/// the hand-placed tests above pin the digest's own rules).
#[test]
fn seed_article_digest_through_the_engine() {
    let a = analyzed(
        "a1",
        &String::from_utf8(fixture(SEED)).unwrap(),
        at("2026-11-28T08:00:00Z"),
    );
    let digest = build_digest(
        &[&a],
        &DigestOptions::new(None, at("2026-11-29T08:00:00Z"), None),
    );
    assert_eq!(digest.articles.len(), 1);
    assert!(
        digest.disagreements.is_empty(),
        "one article cannot disagree with itself"
    );
    assert!(!digest.articles[0].key_points.is_empty());
}

/// `/briefing preview` and `/briefing post` in the console, on three dev articles.
#[test]
fn console_previews_and_posts_a_briefing() {
    use newsdesk::commands::Caller;
    let store = Store::in_memory();
    let caller = Caller {
        scope: Scope::User(1),
        name: None,
        can_manage: true,
    };
    let dir = env!("CARGO_MANIFEST_DIR");
    let mut script = String::new();
    for name in &DEV[..3] {
        script.push_str(&format!(
            "/article add file:{dir}/tests/fixtures/articles/{name}\n"
        ));
    }
    script.push_str("/briefing preview\n/briefing post since:1h topic:\"rare earths\"\n/briefing preview since:never\n");
    let mut out = Vec::new();
    newsdesk::console::run_session(&store, &caller, script.as_bytes(), &mut out, false)
        .expect("session runs");
    let out = String::from_utf8(out).expect("UTF-8 output");
    let preview = out.split("Briefing — ").nth(1).expect("a preview");
    assert!(preview.starts_with("3 new articles since "), "{preview}");
    for id in ["[a1]", "[a2]", "[a3]"] {
        assert!(preview.contains(id), "preview names {id}");
    }
    let post = out.split("Briefing — ").nth(2).expect("a post");
    assert!(
        post.starts_with("1 new article about “rare earths”"),
        "{post}"
    );
    assert!(post.contains("[a1]") && !post.contains("[a2]"));
    assert!(
        out.contains("I can't read `since:never`"),
        "bad since says what to do: {out}"
    );
}

/// The real engine on the seed and a second outlet restating its trade figure with
/// another value: the digest says they disagree and cites both sentences.
#[test]
fn engine_figures_from_two_outlets_disagree() {
    let seed = analyzed(
        "a1",
        &String::from_utf8(fixture(SEED)).unwrap(),
        at("2026-11-28T08:00:00Z"),
    );
    let other = analyzed("a2", OTHER_OUTLET, at("2026-11-28T09:00:00Z"));
    let third = analyzed(
        "a3",
        &String::from_utf8(fixture(DEV[2])).unwrap(),
        at("2026-11-28T10:00:00Z"),
    );
    let digest = build_digest(
        &[&seed, &other, &third],
        &DigestOptions::new(None, at("2026-11-29T08:00:00Z"), None),
    );
    let money: Vec<_> = digest
        .disagreements
        .iter()
        .filter(|d| d.unit == "USD")
        .collect();
    assert_eq!(money.len(), 1, "{:#?}", digest.disagreements);
    let d = money[0];
    assert_eq!(
        (d.first.text.as_str(), d.first.evidence.article_id.as_str()),
        ("$660 billion", "a1")
    );
    assert_eq!(
        (
            d.second.text.as_str(),
            d.second.evidence.article_id.as_str()
        ),
        ("$580 billion", "a2")
    );
    assert!(
        d.first.evidence.sentence.contains("trade relationship")
            && d.second.evidence.sentence.contains("trade relationship")
    );
    assert!(
        digest.disagreements.iter().all(|d| d.unit != "%"),
        "over 90% and about 90% agree: {:#?}",
        digest.disagreements
    );
    let text = render::text(&digest, chrono_tz::Tz::UTC);
    println!("{text}");
    assert!(
        text.contains("$660 billion disagrees with $580 billion"),
        "{text}"
    );
}
