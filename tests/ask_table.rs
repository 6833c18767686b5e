//! Questions over the dev articles (all fifteen loaded into one scope, as a guild would
//! have them), each with the answer a reader expects — or "not in the articles" for
//! questions the articles do not answer. Answers must come with their evidence sentence.

mod common;

use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::Article;
use newsdesk::query::{AskAnswer, ask};
use std::sync::LazyLock;

enum Expect {
    /// The answer contains this (case-insensitive).
    Answer(&'static str),
    /// The answer contains the first, the evidence sentence the second.
    AnswerWithEvidence(&'static str, &'static str),
    /// "Not in the articles".
    Absent,
}
use Expect::*;

static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| {
    common::fixtures::article_paths()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let bytes = std::fs::read(p).expect("fixture readable");
            let doc = ingest(
                &bytes,
                &IngestOptions {
                    name_hint: Some(p.display().to_string()),
                    title: None,
                },
            )
            .expect("fixture ingests");
            let analysis = analyze(&doc);
            Article {
                id: format!("a{}", i + 1),
                added_at: chrono::Utc::now(),
                added_by: None,
                origin: p.display().to_string(),
                doc,
                analysis,
            }
        })
        .collect()
});

const TABLE: &[(&str, Expect)] = &[
    // The seed article.
    (
        "who is Wu Xinbo",
        AnswerWithEvidence(
            "director of the American Studies Center at Fudan University",
            "said Wu Xinbo",
        ),
    ),
    (
        "how much is the trade relationship worth",
        AnswerWithEvidence("$660 billion", "trade relationship"),
    ),
    (
        "who refines over 90% of the world's rare earths",
        AnswerWithEvidence("China", "refines over 90% of the world’s rare earths"),
    ),
    (
        "when did China introduce the restrictions on rare earth exports?",
        Answer("earlier this month"),
    ),
    ("who is Cory Combs?", Answer("analyst at Trivium China")),
    ("where did the talks with Xi take place?", Answer("Madrid")),
    (
        "what could happen to the summit if tensions continue to rise?",
        Answer("canceled"),
    ),
    (
        "what did Wu Xinbo say?",
        Answer("negotiations alone are insufficient"),
    ),
    (
        "who said the language in China's new controls is surprisingly explicit?",
        Answer("Cory Combs"),
    ),
    // Iodine deficiency.
    ("how many schoolchildren were surveyed?", Answer("1709")),
    ("how many schools were in the survey?", Answer("88")),
    (
        "which state was excluded from the study?",
        Answer("Tasmania"),
    ),
    (
        "where does most iodine in food come from?",
        Answer("seafood, milk and iodised salt"),
    ),
    // Uranium and India.
    (
        "will Australia export uranium to India?",
        Answer("will not export uranium to India"),
    ),
    (
        "which agency will inspect India's reactors?",
        Answer("International Atomic Energy Agency"),
    ),
    // Carling Cup final.
    (
        "where was the Carling Cup final played?",
        Answer("Millennium Stadium"),
    ),
    // Grayrigg derailment.
    ("how many people were on board the train?", Answer("180")),
    (
        "which company operated the Pendolino train?",
        Answer("Virgin Trains"),
    ),
    ("where did the train crash?", Answer("Tebay")),
    (
        "when did the train hit something on the track?",
        Answer("20:15"),
    ),
    // Document found on a street.
    ("who is Paul Dewar?", Answer("Ottawa New Democrat MP")),
    ("how many pages did the document have?", Answer("131")),
    ("where was the document found?", Answer("Ottawa")),
    // Beef protests.
    (
        "how many police buses blocked the protesters?",
        Answer("300"),
    ),
    (
        "how many people attended the daily vigils?",
        Answer("80,000"),
    ),
    (
        "which news agency reported that around 70 people were detained?",
        Answer("Yonhap"),
    ),
    // Senate bailout.
    (
        "how much is the new FDIC insurance cap?",
        Answer("$250,000"),
    ),
    (
        "how much in tax rebates went to the Virgin Islands rum industry?",
        Answer("$192 million"),
    ),
    ("when did the House reject the bill?", Answer("Monday")),
    // Homeopathy trial.
    ("how old is Thomas Sam?", Answer("42")),
    (
        "what did the parents shun?",
        Answer("conventional medical treatment"),
    ),
    // Chile aftershocks.
    ("when did the first shaking take place?", Answer("00:37")),
    ("what was the magnitude of the fourth quake?", Answer("5.6")),
    // Flash crash.
    (
        "how much did Procter & Gamble stock fall during the sell-off?",
        Answer("37%"),
    ),
    (
        "how much equity value did the losses wipe out?",
        Answer("$1 trillion"),
    ),
    (
        "since when was this the worst fall of the DJIA?",
        Answer("1987"),
    ),
    // Scientology defector.
    ("how much was the bail for Montalvo?", Answer("20,000")),
    (
        "where did Montalvo travel to meet Devocht?",
        Answer("Florida"),
    ),
    // Internet Explorer 6.
    (
        "what share of the market did IE have in 2009?",
        Answer("70 percent"),
    ),
    (
        "when did Microsoft announce it is time for IE6 users to move away?",
        Answer("Friday"),
    ),
    // Shuttle homes.
    (
        "where will Space Shuttle Enterprise be relocated?",
        Answer("New York City"),
    ),
    (
        "when did Space Shuttle Columbia lift off on STS-1?",
        Answer("April 12, 1981"),
    ),
    // Bandit King.
    ("who is Lai Changxing?", Answer("Yuanhua Group")),
    (
        "how much did Lai smuggle into Xiamen?",
        Answer("£2 billion"),
    ),
    ("where did Lai flee to in 1999?", Answer("Canada")),
    // Not in the articles.
    ("what is the population of Brazil?", Absent),
    ("who is Barack Obama?", Absent),
    ("when did the Berlin Wall fall?", Absent),
    ("how much does a Tesla cost?", Absent),
    ("where is the Eiffel Tower?", Absent),
    ("what did Angela Merkel say about the euro?", Absent),
    ("how many goals did Lionel Messi score?", Absent),
    ("what is the weather in Tokyo today?", Absent),
    ("who invented the telephone?", Absent),
    ("why did the Roman Empire fall?", Absent),
    ("", Absent),
];

fn check(question: &str, expect: &Expect) -> Result<(), String> {
    let refs: Vec<&Article> = ARTICLES.iter().collect();
    let got = ask(&refs, question);
    match (expect, &got) {
        (Absent, AskAnswer::NotFound { .. }) => Ok(()),
        (Answer(want), AskAnswer::Found { answer, evidence })
        | (AnswerWithEvidence(want, _), AskAnswer::Found { answer, evidence })
            if answer.to_lowercase().contains(&want.to_lowercase()) =>
        {
            let Some(first) = evidence.first() else {
                return Err(format!("{question:?}: no evidence"));
            };
            if first.sentence.is_empty() {
                return Err(format!("{question:?}: empty evidence sentence"));
            }
            if let AnswerWithEvidence(_, sentence) = expect {
                if !first.sentence.contains(sentence) {
                    return Err(format!(
                        "{question:?}: evidence {:?} lacks {sentence:?}",
                        first.sentence
                    ));
                }
            }
            Ok(())
        }
        _ => Err(format!("{question:?}: got {got:?}")),
    }
}

#[test]
fn the_question_table_is_answered_from_the_articles() {
    assert!(TABLE.len() >= 50);
    let failures: Vec<String> = TABLE
        .iter()
        .filter_map(|(q, e)| check(q, e).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} questions wrong:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn every_answer_is_verbatim_from_its_evidence_or_names_what_it_holds() {
    // A number or date answer must be a span of the evidence sentence: nothing is made up.
    let refs: Vec<&Article> = ARTICLES.iter().collect();
    for q in [
        "how much is the trade relationship worth",
        "how many people were on board the train?",
        "when did the train hit something on the track?",
    ] {
        match ask(&refs, q) {
            AskAnswer::Found { answer, evidence } => {
                let head = answer.split(" (").next().unwrap_or(&answer);
                assert!(
                    evidence[0].sentence.contains(head),
                    "{q}: {answer:?} not in {:?}",
                    evidence[0].sentence
                );
            }
            other => panic!("{q}: {other:?}"),
        }
    }
}

#[test]
fn search_finds_organizations_places_and_keywords_with_their_sentences() {
    let refs: Vec<&Article> = ARTICLES.iter().collect();
    let reuters = newsdesk::query::search(&refs, "Reuters");
    let articles: std::collections::BTreeSet<&str> = reuters
        .iter()
        .map(|h| h.evidence.article_title.as_str())
        .collect();
    assert!(
        articles.len() >= 2,
        "Reuters is named in two articles: {reuters:?}"
    );
    assert!(
        reuters
            .iter()
            .all(|h| h.evidence.sentence.contains("Reuters")),
        "{reuters:?}"
    );

    let madrid = newsdesk::query::search(&refs, "madrid");
    assert!(
        !madrid.is_empty()
            && madrid
                .iter()
                .all(|h| h.evidence.sentence.contains("Madrid")),
        "{madrid:?}"
    );

    let keywords = newsdesk::query::search(&refs, "rare earth export restrictions");
    assert!(
        keywords.first().is_some_and(|h| h
            .evidence
            .sentence
            .contains("restrictions on rare earth exports")),
        "{keywords:?}"
    );
    assert!(
        keywords.windows(2).all(|w| w[0].score >= w[1].score),
        "best first"
    );

    assert!(newsdesk::query::search(&refs, "zebra quantum violin").is_empty());
}
