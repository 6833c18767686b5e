//! Key points lead first, and what is never a key point or a statement: picture
//! captions, credits, the headline, quotations, pull quotes and fragments whose marks
//! do not balance. The articles here are written for these tests.

use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::{Analysis, Document, QuoteKind};

fn load(text: &str) -> (Document, Analysis) {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingests");
    let analysis = analyze(&doc);
    (doc, analysis)
}

fn key_points(doc: &Document, analysis: &Analysis) -> Vec<String> {
    analysis
        .key_points
        .iter()
        .map(|&i| doc.sentence_text(i).to_string())
        .collect()
}

const HARBOUR: &str = "Harbour council approves new ferry terminal after long dispute

Tuesday, June 3, 2025

\"We waited a decade for this. Finally the boats can dock,\" a fisherman said. In the picture, the old pier at low tide.
Image: Port Authority.

The harbour council voted on Monday to build a new ferry terminal on the east quay, ending a dispute that had stalled the project for six years. The vote was seven to two.

Construction will start in September and is expected to cost 48 million dollars, the council's finance officer, Maria Lindqvist, told reporters. The terminal will handle up to 12 sailings a day.

\"This terminal will bring visitors back to the old town,\" said the mayor, Tomas Berg.

Residents of the east quay had objected to the noise of construction. A residents' group said it would not appeal the decision.

The old terminal, built in 1968, will be turned into a market hall.

Share this:";

#[test]
fn key_points_start_with_the_lede_and_skip_captions_and_quotes() {
    let (doc, analysis) = load(HARBOUR);
    let points = key_points(&doc, &analysis);
    assert!((3..=5).contains(&points.len()), "{points:#?}");
    assert!(
        points[0].starts_with("The harbour council voted on Monday"),
        "the lede leads: {points:#?}"
    );
    for p in &points {
        assert!(
            !p.contains("fisherman"),
            "a caption is not a key point: {p}"
        );
        assert!(
            !p.contains("In the picture"),
            "a caption is not a key point: {p}"
        );
        assert!(
            !p.starts_with(['"', '“']),
            "a quotation is not a key point: {p}"
        );
        assert!(
            p.matches('"').count() % 2 == 0,
            "marks must balance in a key point: {p}"
        );
    }
    assert!(
        points
            .iter()
            .any(|p| p.starts_with("Construction will start")),
        "the second paragraph's news is a key point: {points:#?}"
    );
}

#[test]
fn caption_and_headline_are_not_paraphrases() {
    let text = "Council warns of closures as budget shortfall grows

Mayor Anna Holm announces the budget cuts at city hall on Monday. Photo: City Press Office.

The city council said on Monday that it would close three libraries next year to cover a budget shortfall of 12 million euros. The closures were approved by a narrow vote.

Mayor Anna Holm said the decision was painful but unavoidable, and that staff would be offered jobs elsewhere in the city.

Opposition members said the council had not considered raising fees instead.";
    let (doc, analysis) = load(text);
    for q in &analysis.quotes {
        let sentence = doc.sentence_text(q.sentence);
        assert!(
            !sentence.contains("announces the budget cuts"),
            "a caption became a statement: {q:?}"
        );
        assert!(
            !sentence.starts_with("Council warns"),
            "the headline became a statement: {q:?}"
        );
    }
    assert!(
        analysis
            .quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Indirect && q.speaker.contains("Holm")),
        "the statement in the body is kept: {:#?}",
        analysis.quotes
    );
    let points = key_points(&doc, &analysis);
    assert!(
        points[0].starts_with("The city council said on Monday"),
        "{points:#?}"
    );
}

#[test]
fn a_pull_quote_and_background_do_not_crowd_out_the_news() {
    let text = "Rail line to reopen after storm repairs

Wednesday, May 7, 2025

Engineers have finished repairing the coastal rail line, and trains will run again from Friday, the operator said on Wednesday.

\"Every bridge on the line has been checked twice.\"

The storm in March washed away two embankments and damaged a bridge near the harbour. Repairs cost about 9 million pounds.

The line first opened in 1911 and carried fish to the capital for decades.

\"Every bridge on the line has been checked twice,\" said the operator's chief engineer, Ruth Okafor. She said passengers should expect slower trains for the first week.

Tickets bought for cancelled trains will be refunded.";
    let (doc, analysis) = load(text);
    let points = key_points(&doc, &analysis);
    assert!(
        points[0].starts_with("Engineers have finished"),
        "{points:#?}"
    );
    assert!(
        !points.iter().any(|p| p.contains("checked twice")),
        "{points:#?}"
    );
    assert!(
        !points.iter().any(|p| p.contains("1911")) || points.len() == 5,
        "background outranks news: {points:#?}"
    );
}
