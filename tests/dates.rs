//! Date expressions: explicit and relative forms resolved against the article date
//! (past bias), look-alikes that are not dates, and timeline ordering.

use chrono::NaiveDate;
use newsdesk::analyze::{analyze, dates};
use newsdesk::model::{Article, Document, Sentence, Span};

/// A one-paragraph document dated `date`, split at ". " before a capital letter.
fn doc(date: Option<&str>, text: &str) -> Document {
    let mut sentences = Vec::new();
    let mut start = 0;
    let starts_upper = |i: usize| text[i + 2..].chars().next().is_some_and(char::is_uppercase);
    for (i, _) in text
        .match_indices(". ")
        .filter(|(i, _)| starts_upper(*i) && !text[..*i].ends_with("Oct"))
    {
        sentences.push(Sentence {
            span: Span::new(start, i + 1),
            paragraph: 0,
        });
        start = i + 2;
    }
    sentences.push(Sentence {
        span: Span::new(start, text.len()),
        paragraph: 0,
    });
    Document {
        date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        text: text.to_string(),
        paragraphs: vec![Span::new(0, text.len())],
        sentences,
        ..Default::default()
    }
}

fn found(date: Option<&str>, text: &str) -> Vec<(String, Option<String>)> {
    let d = doc(date, text);
    dates::extract(&d)
        .into_iter()
        .map(|m| (d.slice(m.text).to_string(), m.value))
        .collect()
}

fn value_of(date: Option<&str>, text: &str, phrase: &str) -> Option<String> {
    let all = found(date, text);
    all.iter()
        .find(|(t, _)| t.contains(phrase))
        .unwrap_or_else(|| panic!("no date mention containing {phrase:?} in {all:?}"))
        .1
        .clone()
}

const ARTICLE_DATE: Option<&str> = Some("2025-10-23"); // a Thursday

#[test]
fn explicit_dates_resolve_to_iso() {
    let cases = [
        (
            "The deal was signed on 2025-10-23 in Madrid.",
            "2025-10-23",
            "2025-10-23",
        ),
        ("Talks began Oct. 23 in Madrid.", "Oct. 23", "2025-10-23"),
        (
            "The ban starts Sept. 5, officials said.",
            "Sept. 5",
            "2025-09-05",
        ),
        (
            "It was agreed on 23 October 2025 after talks.",
            "23 October 2025",
            "2025-10-23",
        ),
        (
            "The vote was held on March 9, 2007 in the Senate.",
            "March 9, 2007",
            "2007-03-09",
        ),
        (
            "The bill was dated 10/1/2008 by the clerk.",
            "10/1/2008",
            "2008-10-01",
        ),
        (
            "Prices peaked in December 2004 before falling.",
            "December 2004",
            "2004-12",
        ),
        (
            "Trump praised cooperation in September, when talks were held.",
            "September",
            "2025-09",
        ),
        (
            "The summit was agreed on Tuesday after a call.",
            "Tuesday",
            "2025-10-21",
        ),
        ("Exports fell in 1992 and recovered later.", "1992", "1992"),
        (
            "Output rose from 2000 to 2005 across the region.",
            "from 2000 to 2005",
            "2000/2005",
        ),
    ];
    for (text, phrase, want) in cases {
        assert_eq!(
            value_of(ARTICLE_DATE, text, phrase).as_deref(),
            Some(want),
            "{text}"
        );
    }
}

#[test]
fn relative_dates_resolve_against_the_article_date_looking_back() {
    let cases = [
        (
            "Restrictions were introduced earlier this month in retaliation.",
            "earlier this month",
            "2025-10",
        ),
        (
            "The ministry warned last week that supplies were short.",
            "last week",
            "2025-10-13/2025-10-19",
        ),
        (
            "The minister resigned yesterday after the vote.",
            "yesterday",
            "2025-10-22",
        ),
        ("Shares fell today on the news.", "today", "2025-10-23"),
        (
            "Sales dropped last month as costs rose.",
            "last month",
            "2025-09",
        ),
        (
            "Profits rose last year despite the war.",
            "last year",
            "2024",
        ),
        (
            "The plant closed three days ago without notice.",
            "three days ago",
            "2025-10-20",
        ),
        (
            "He was born on Jan 5, 1990 in Ohio.",
            "Jan 5, 1990",
            "1990-01-05",
        ),
    ];
    for (text, phrase, want) in cases {
        assert_eq!(
            value_of(ARTICLE_DATE, text, phrase).as_deref(),
            Some(want),
            "{text}"
        );
    }
    // A day without a year far after the article date belongs to the year before.
    assert_eq!(
        value_of(
            Some("2011-01-10"),
            "The fire started on December 28 near the port.",
            "December 28"
        )
        .as_deref(),
        Some("2010-12-28")
    );
    // A day shortly after the article date is upcoming, in the same year.
    assert_eq!(
        value_of(
            Some("2011-04-13"),
            "The launch is set for June 28 at the cape.",
            "June 28"
        )
        .as_deref(),
        Some("2011-06-28")
    );
    // "the following year" continues from the previous date mentioned.
    assert_eq!(
        value_of(
            None,
            "He was arrested in 1999. He fled the following year.",
            "following year"
        )
        .as_deref(),
        Some("2000")
    );
}

#[test]
fn without_an_article_date_relative_dates_stay_unresolved() {
    assert_eq!(
        value_of(
            None,
            "The minister resigned yesterday after the vote.",
            "yesterday"
        ),
        None
    );
    assert_eq!(
        value_of(None, "The summit was agreed on Tuesday.", "Tuesday"),
        None
    );
    assert_eq!(
        value_of(None, "Talks began Oct. 23 in Madrid.", "Oct. 23"),
        None
    );
}

#[test]
fn a_dateline_anchors_relative_dates_when_the_document_has_no_date() {
    let text = "Sunday, November 28, 2010. Four aftershocks hit the region today. The first came at 00:37 local time (03:37 UTC).";
    assert_eq!(value_of(None, text, "today").as_deref(), Some("2010-11-28"));
    assert_eq!(
        value_of(None, text, "03:37 UTC").as_deref(),
        Some("2010-11-28T03:37Z")
    );
}

#[test]
fn look_alikes_are_not_dates() {
    let texts = [
        "Officials may decide to march on the capital.",
        "The company employs 2000 people in three plants.",
        "Sales reached $2010 per unit, up 2.40 on the week.",
    ];
    for t in texts {
        assert!(
            found(ARTICLE_DATE, t).is_empty(),
            "{t}: {:?}",
            found(ARTICLE_DATE, t)
        );
    }
}

#[test]
fn the_timeline_lists_dated_events_in_order() {
    let d = doc(
        ARTICLE_DATE,
        "The ban was announced yesterday. Talks had failed in September. A deal was first signed in 2019. Officials will meet again tomorrow.",
    );
    let analysis = analyze(&d);
    let article = Article {
        id: "a1".into(),
        added_at: chrono::Utc::now(),
        added_by: None,
        origin: "test".into(),
        doc: d,
        analysis,
    };
    let values: Vec<Option<String>> = newsdesk::query::timeline(&article)
        .into_iter()
        .map(|e| e.value)
        .collect();
    assert_eq!(
        values,
        [
            Some("2019".into()),
            Some("2025-09".into()),
            Some("2025-10-22".into()),
            Some("2025-10-24".into())
        ]
    );
}

#[test]
fn an_inline_dateline_anchors_weekdays_and_dates_without_a_year() {
    let text = "LISBON, June 4, 2024 — The port authority said on Monday that the new cranes would arrive on July 1. Unions will meet next week.";
    assert_eq!(
        value_of(None, text, "Monday").as_deref(),
        Some("2024-06-03"),
        "the Monday before a Tuesday dateline"
    );
    assert_eq!(
        value_of(None, text, "July 1").as_deref(),
        Some("2024-07-01")
    );
    assert!(value_of(None, text, "next week").is_some());
    let with_agency = "OSLO, March 3, 2023 (Nordic Wire) — Ministers met on Wednesday to discuss the fishing quota for next year.";
    assert_eq!(
        value_of(None, with_agency, "Wednesday").as_deref(),
        Some("2023-03-01")
    );
}

#[test]
fn the_timeline_merges_local_and_utc_forms_and_repeats() {
    let d = doc(
        Some("2024-02-10"),
        "A tremor struck at 01:10 local time (04:10 UTC) near the coast. A second tremor came at 03:45 local time (06:45 UTC). The last one, at 05:00 local time, was the weakest. Officials repeated that the tremor at 04:10 UTC caused no damage.",
    );
    let analysis = analyze(&d);
    let article = Article {
        id: "a1".into(),
        added_at: chrono::Utc::now(),
        added_by: None,
        origin: "test".into(),
        doc: d,
        analysis,
    };
    let entries: Vec<(String, Option<String>)> = newsdesk::query::timeline(&article)
        .into_iter()
        .map(|e| (e.date_text, e.value))
        .collect();
    assert_eq!(
        entries,
        [
            (
                "01:10 local time (04:10 UTC)".to_string(),
                Some("2024-02-10T01:10-03:00".to_string())
            ),
            (
                "03:45 local time (06:45 UTC)".to_string(),
                Some("2024-02-10T03:45-03:00".to_string())
            ),
            (
                "05:00 local time".to_string(),
                Some("2024-02-10T05:00-03:00".to_string())
            ),
        ],
        "one entry per moment, each with its zone"
    );
}
