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
    /// The answer contains this, or one of its `|`-separated forms (case-insensitive).
    Answer(&'static str),
    /// The answer contains the first, the evidence sentence the second.
    AnswerWithEvidence(&'static str, &'static str),
    /// "Not in the articles".
    Absent,
}
use Expect::*;

/// The dev articles and the short articles written for this table
/// (tests/fixtures/ask), loaded into one scope.
static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| {
    let mut paths = common::fixtures::article_paths();
    let own = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ask");
    let mut extra: Vec<_> = std::fs::read_dir(own)
        .expect("tests/fixtures/ask")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    extra.sort();
    paths.extend(extra);
    // The built-in example trade story (the other sample is a dev article already).
    paths.push(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-article-2.txt"));
    paths
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
    (
        "where did the train crash?",
        Answer("Cumbria|Tebay|Grayrigg"),
    ),
    (
        "when did the train hit something on the track?",
        Answer("20:15"),
    ),
    // Document found on a street.
    ("who is Paul Dewar?", Answer("Ottawa New Democrat MP")),
    ("how many pages did the document have?", Answer("131")),
    (
        "where was the document found?",
        Answer("Ottawa|Castlefrank Road"),
    ),
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

/// Questions phrased as readers ask them — not in the articles' words — over the dev
/// articles and the short articles in tests/fixtures/ask (written for this table).
const USER_TABLE: &[(&str, Expect)] = &[
    // Rare earths (seed; the example trade story has a sum at stake too).
    (
        "How much trade is at stake?",
        Answer("$660 billion|€2.1 billion"),
    ),
    (
        "what's the US-China trade relationship worth?",
        Answer("$660 billion"),
    ),
    ("Who's the analyst at Trivium China?", Answer("Cory Combs")),
    (
        "which country refines most of the world's rare earths?",
        Answer("China"),
    ),
    (
        "What did Wu Xinbo say?",
        Answer("negotiations alone are insufficient"),
    ),
    (
        "who said China's new rules are surprisingly explicit?",
        Answer("Cory Combs"),
    ),
    (
        "When did China bring in its rare earth restrictions?",
        Answer("earlier this month"),
    ),
    ("Where were the September talks held?", Answer("Madrid")),
    (
        "what percentage of rare earths does China refine?",
        Answer("90%"),
    ),
    // Iodine.
    (
        "How many kids took part in the iodine survey?",
        Answer("1709"),
    ),
    ("how many schools took part?", Answer("88")),
    (
        "Who runs the National Iodine Nutrition study?",
        Answer("Cres Eastman"),
    ),
    (
        "what share of Australian salt is iodised?",
        Answer("10 per cent"),
    ),
    // Uranium.
    ("Who is Alexander Downer?", Answer("foreign minister")),
    (
        "Will Australia sell uranium to India?",
        Answer("will not export uranium to India"),
    ),
    // "How much X": an amount of X, not a share of something else in the article.
    (
        "How much uranium did Australia export?",
        Answer("46,600 tonnes"),
    ),
    // Carling Cup.
    ("Where was the final held?", Answer("Millennium Stadium")),
    ("Who scored Arsenal's goal?", Answer("Theo Walcott")),
    ("Who refereed the Carling Cup final?", Answer("Howard Webb")),
    // Grayrigg.
    ("Who was the driver?", Answer("Ian Black")),
    ("How many people were on the derailed train?", Answer("180")),
    ("Which company ran the Pendolino?", Answer("Virgin Trains")),
    (
        "How many people are still in hospital after the derailment?",
        Answer("11|5 people"),
    ),
    (
        "What time did the train come off the rails near Grayrigg?",
        Answer("20:15"),
    ),
    (
        "How many rail points did Network Rail check?",
        Answer("700"),
    ),
    ("Who owns Virgin?", Answer("Richard Branson")),
    // Canada document.
    (
        "How long was the lost Environment Canada document?",
        Answer("131"),
    ),
    (
        "Where was the Environment Canada document picked up?",
        Answer("Ottawa|Castlefrank Road"),
    ),
    ("Who is John Baird?", Answer("Environment Minister")),
    ("When was the NEMISIS database launched?", Answer("1999")),
    // Beef protests.
    (
        "How many people were arrested at the beef protests?",
        Answer("70"),
    ),
    (
        "How many people were hurt in Saturday's protests?",
        Answer("200"),
    ),
    ("Who is Kim Kyung Han?", Answer("Justice Minister")),
    (
        "How many police buses were used to block the plaza?",
        Answer("300"),
    ),
    ("When was tear gas banned in South Korea?", Answer("1999")),
    (
        "When did Lee agree to resume US beef imports?",
        Answer("April"),
    ),
    // Senate bailout.
    ("How many senators voted for the bailout?", Answer("74")),
    (
        "How many senators voted against the bailout bill?",
        Answer("25"),
    ),
    (
        "How much did the rum industry get in tax rebates?",
        Answer("$192 million"),
    ),
    ("what is the new FDIC insurance limit?", Answer("$250,000")),
    ("Who is Harry Reid?", Answer("Senate Majority Leader")),
    (
        "How much went to the wool industry in tax cuts?",
        Answer("$148 million"),
    ),
    // Homeopathy.
    ("How old is Manju Sam?", Answer("36")),
    ("Who is the prosecutor?", Answer("Mark Tedeschi")),
    ("Who defended the parents?", Answer("Tom Molomby")),
    ("Who died in the homeopathy case?", Answer("Gloria")),
    // Chile.
    (
        "How strong was the strongest aftershock in Chile?",
        Answer("5.6"),
    ),
    (
        "When did the first Chilean aftershock hit?",
        Answer("00:37"),
    ),
    // Flash crash.
    ("How far did the Dow drop at its worst?", Answer("9%")),
    (
        "How much market value was wiped out at the height of the losses?",
        Answer("$1 trillion"),
    ),
    (
        "Why did stocks plunge so fast?",
        Answer("because a trader mistyped an order"),
    ),
    (
        "What caused the flash crash?",
        Answer("because a trader mistyped an order"),
    ),
    ("How much did Procter & Gamble shares lose?", Answer("37%")),
    ("Who is Jennifer Chelune?", Answer("spokeswoman")),
    // Scientology.
    ("How much was Montalvo's bail?", Answer("20,000")),
    ("How old is Daniel Montalvo?", Answer("19")),
    ("Where did Montalvo go to meet Devocht?", Answer("Florida")),
    ("Who is Kendrick Moxon?", Answer("attorney")),
    // IE6.
    (
        "What share of the browser market did IE have in 2009?",
        Answer("70 percent"),
    ),
    (
        "When did Microsoft tell people to stop using IE6?",
        Answer("Friday"),
    ),
    ("How many vulnerabilities does IE6 have?", Answer("277")),
    // Shuttles.
    ("Where is Enterprise going?", Answer("New York City")),
    (
        "Where will Endeavour be displayed?",
        Answer("California Science Center"),
    ),
    ("When did Columbia first launch?", Answer("April 12, 1981")),
    ("Who is Charles Bolden?", Answer("NASA Administrator")),
    // Bandit King.
    ("How much did Lai Changxing smuggle?", Answer("£2 billion")),
    ("How many officials did Lai bribe?", Answer("64")),
    ("What sentence did Lai Changxing get?", Answer("life")),
    ("Where did Lai run to?", Answer("Canada")),
    // Ferry strike (tests/fixtures/ask).
    (
        "How many commuters were stranded by the ferry strike?",
        Answer("4,000"),
    ),
    ("What pay rise does the union want?", Answer("9%")),
    (
        "How much will the ferry strike cost the company each day?",
        Answer("£300,000"),
    ),
    (
        "How many men did police arrest at the ferry terminal?",
        Answer("three"),
    ),
    ("Who is Helen Marsh?", Answer("regional secretary")),
    (
        "Who is the boss of Northsound Ferries?",
        Answer("David Okoro"),
    ),
    ("When did the ferry talks break down?", Answer("Monday")),
    (
        "Why can't the ferry company pay more?",
        Answer("because fuel costs had risen sharply"),
    ),
    // Museum fire.
    (
        "How many firefighters were hurt in the museum fire?",
        Answer("Two"),
    ),
    ("Did anyone die in the museum fire?", Answer("nobody died")),
    ("What caused the museum fire?", Answer("electrical cabinet")),
    (
        "How much was the Valdoria museum insured for?",
        Answer("80 million euros"),
    ),
    ("How many objects were in the burned wing?", Answer("1,200")),
    ("Who is the museum's director?", Answer("Clara Weiss")),
    ("When did the history museum open?", Answer("1887")),
    // Chip plant.
    (
        "How much is Lumen investing in Ostrava?",
        Answer("2.4 billion euros"),
    ),
    ("How many jobs will the chip plant create?", Answer("1,500")),
    (
        "How big is the government subsidy for the chip factory?",
        Answer("400 million euros"),
    ),
    (
        "When will the Ostrava plant start making chips?",
        Answer("2028"),
    ),
    ("Who runs Lumen Semiconductor?", Answer("Priya Raman")),
    ("By how much did Lumen shares rise?", Answer("6%")),
    (
        "Why did Lumen pick Ostrava?",
        Answer("because of its skilled workforce"),
    ),
    // Not in the articles.
    (
        "How many people died in the Grayrigg crash in 2020?",
        Absent,
    ),
    ("Who won the 2010 World Cup?", Absent),
    ("How much does the new iPhone cost?", Absent),
    (
        "When will the ferry strike in Porthaven end for good?",
        Absent,
    ),
    ("Who is the mayor of Ostrava?", Absent),
    ("What did Priya Raman say about tariffs?", Absent),
    // Place lists, roles with a proper adjective, and the built-in trade sample.
    (
        "Which countries does Australia export uranium to?",
        AnswerWithEvidence("Japan", "currently exports"),
    ),
    (
        "Which countries have not signed the NPT?",
        Answer("Pakistan"),
    ),
    ("Who is the Australian foreign minister?", Answer("Downer")),
    (
        "How many people does Baltic Magnet Works employ?",
        Answer("1,400"),
    ),
    (
        "How long will the magnet maker's oxide stock last?",
        Answer("six weeks"),
    ),
    (
        "How much have spot prices for rare earths risen?",
        Answer("40%"),
    ),
    (
        "When will the magnet producers meet in Brussels?",
        Answer("June 9"),
    ),
    (
        "Who is the analyst at Harbourline Research?",
        Answer("Anjali Rao"),
    ),
    (
        "How long do rare earth shipments take to clear?",
        Answer("11 weeks"),
    ),
    (
        "How much magnet material did the Eindhoven pilot plant recover?",
        Answer("120 tonnes"),
    ),
    (
        "Which city will host the magnet producers' meeting?",
        Answer("Brussels"),
    ),
    (
        "How many magnets did Baltic Magnet Works export to Japan?",
        Absent,
    ),
    ("Who heads Baltic Magnet Works?", Answer("Ingrid Halvorsen")),
    ("Who runs NASA?", Answer("Bolden")),
    ("Who runs Harbourline Research?", Absent),
    // A role's qualifiers must hold ("Bush (President)" is not South Korea's), and a
    // passive sentence's subject did not do it ("was found … by someone").
    (
        "Who is the president of South Korea?",
        Answer("Lee Myung-Bak"),
    ),
    ("Who is the defence lawyer?", Answer("Molomby")),
    ("Who found the Environment Canada document?", Absent),
];

/// How one question came out.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// Answered, and the answer is the expected one (with its evidence).
    Right,
    /// An unanswerable question declined: also right.
    RightlyDeclined,
    /// An answerable question declined ("not sure", with the closest sentences).
    Declined,
    /// A wrong answer, or an answer to a question the articles do not answer.
    Wrong(String),
}

fn check(question: &str, expect: &Expect) -> Outcome {
    let refs: Vec<&Article> = ARTICLES.iter().collect();
    let got = ask(&refs, question);
    let declined = matches!(got, AskAnswer::NotFound { .. } | AskAnswer::Unsure { .. });
    match (expect, &got) {
        (Absent, _) if declined => Outcome::RightlyDeclined,
        (Absent, _) => Outcome::Wrong(format!("{question:?}: answered {got:?}")),
        (_, _) if declined => Outcome::Declined,
        (Answer(want), AskAnswer::Found { answer, evidence })
        | (AnswerWithEvidence(want, _), AskAnswer::Found { answer, evidence })
            if want
                .split('|')
                .any(|w| answer.to_lowercase().contains(&w.to_lowercase())) =>
        {
            let Some(first) = evidence.first() else {
                return Outcome::Wrong(format!("{question:?}: no evidence"));
            };
            if first.sentence.is_empty() {
                return Outcome::Wrong(format!("{question:?}: empty evidence sentence"));
            }
            if let AnswerWithEvidence(_, sentence) = expect
                && !first.sentence.contains(sentence)
            {
                return Outcome::Wrong(format!(
                    "{question:?}: evidence {:?} lacks {sentence:?}",
                    first.sentence
                ));
            }
            Outcome::Right
        }
        _ => Outcome::Wrong(format!("{question:?}: got {got:?}")),
    }
}

/// Runs a table: no wrong answer, and at least `min_right` of its answerable questions
/// answered. Prints the counts (right / wrong / declined) for the report.
fn run_table(name: &str, table: &[(&str, Expect)], min_right: f32) {
    let outcomes: Vec<(&str, Outcome)> = table.iter().map(|(q, e)| (*q, check(q, e))).collect();
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
    let right = count(|o| *o == Outcome::Right);
    let rightly_declined = count(|o| *o == Outcome::RightlyDeclined);
    let declined = count(|o| *o == Outcome::Declined);
    let wrong: Vec<&str> = outcomes
        .iter()
        .filter_map(|(_, o)| match o {
            Outcome::Wrong(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let declined_list: Vec<&str> = outcomes
        .iter()
        .filter(|(_, o)| *o == Outcome::Declined)
        .map(|(q, _)| *q)
        .collect();
    println!(
        "{name}: {} questions — right {right}, wrong {}, declined {declined} (answerable), \
         rightly declined {rightly_declined} (not in the articles)\ndeclined: {declined_list:#?}",
        table.len(),
        wrong.len()
    );
    assert!(
        wrong.is_empty(),
        "{name}: {} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let answerable = table.iter().filter(|(_, e)| !matches!(e, Absent)).count();
    assert!(
        right as f32 >= min_right * answerable as f32,
        "{name}: only {right} of {answerable} answerable questions answered; declined: {declined_list:#?}"
    );
}

#[test]
fn the_question_table_is_answered_from_the_articles() {
    assert!(TABLE.len() >= 50);
    run_table("article-worded table", TABLE, 0.6);
}

#[test]
fn questions_phrased_as_users_ask_them() {
    assert!(USER_TABLE.len() >= 80);
    run_table("user-worded table", USER_TABLE, 0.5);
}

#[test]
fn every_answer_is_verbatim_from_its_evidence_or_names_what_it_holds() {
    // A number or date answer must be a span of the evidence sentence: nothing is made up.
    let refs: Vec<&Article> = ARTICLES.iter().collect();
    for q in [
        "how much is the trade relationship worth",
        "how many schools were in the survey?",
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

/// "How many senators …" counts senators: a count of votes is not the answer.
#[test]
fn a_count_of_another_thing_does_not_answer_how_many() {
    use newsdesk::query::answer_kind::{Measure, fits, measure_of};
    let measure = measure_of("How many senators voted for the bailout?");
    assert!(
        matches!(&measure, Measure::Count(c) if !c.is_empty()),
        "{measure:?}"
    );
    let votes = ARTICLES
        .iter()
        .flat_map(|a| a.analysis.figures.iter().map(move |f| (a, f)))
        .find(|(a, f)| a.doc.slice(f.text) == "two votes")
        .expect("the bailout article counts two votes");
    let following = &votes.0.doc.text[votes.1.text.end..];
    assert!(
        !fits(&measure, votes.1, following),
        "{:?} / {following:.30}",
        votes.1
    );
}

/// A part of what is asked is not its amount: a sum the plan "included" is not what the
/// plan cost, and the question is declined rather than answered with the part.
#[test]
fn a_part_of_the_thing_asked_about_is_not_its_amount() {
    let text = "Harbour towns get a relief plan\n\nThe relief plan approved on Tuesday \
                included $40 million in grants for fishing crews and $12 million for \
                repairs.\n\nThe town council said the plan would cost $310 million over \
                five years.\n";
    let article = article_of(text);
    let answer = newsdesk::query::ask(&[&article], "How much was the relief plan?");
    let newsdesk::query::AskAnswer::Found { answer, .. } = answer else {
        panic!("not answered: {answer:?}");
    };
    assert_eq!(answer, "$310 million");
}

/// "Which countries …" is answered with countries, and not with the place a thing the
/// question names comes from ("protests against grain from Canada" were not in Canada).
#[test]
fn which_countries_names_countries_and_not_where_the_topic_comes_from() {
    let text = "Farm protests spread\n\nProtests against cheap grain from Canada spread on \
                Monday to Belgium and the Netherlands and closed the port of Antwerp.\n";
    let article = article_of(text);
    let answer = newsdesk::query::ask(
        &[&article],
        "Which countries were hit by the grain protests?",
    );
    let newsdesk::query::AskAnswer::Found { answer, .. } = answer else {
        panic!("not answered: {answer:?}");
    };
    assert_eq!(answer, "Belgium, Netherlands");
}

/// One article analyzed from `text`, as the store would hold it.
fn article_of(text: &str) -> Article {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingest");
    let analysis = analyze(&doc);
    Article {
        id: "own".into(),
        added_at: chrono::Utc::now(),
        added_by: None,
        origin: "own.txt".into(),
        doc,
        analysis,
    }
}
