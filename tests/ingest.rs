//! Ingestion: decoding, format detection, HTML extraction, page furniture (dropped
//! and, just as important, real sentences kept), title, date and byline.

use chrono::NaiveDate;
use newsdesk::Error;
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::{Document, Format};

fn doc(text: &str) -> Document {
    ingest(text.as_bytes(), &IngestOptions::default()).unwrap_or_else(|e| panic!("{e}: {text:?}"))
}

fn sentences(d: &Document) -> Vec<&str> {
    d.sentences.iter().map(|s| d.slice(s.span)).collect()
}

fn assert_spans_verbatim(d: &Document) {
    let mut last = 0;
    for s in &d.sentences {
        assert!(s.span.start >= last && s.span.end <= d.text.len());
        assert!(d.text.is_char_boundary(s.span.start) && d.text.is_char_boundary(s.span.end));
        last = s.span.end;
    }
    for p in &d.paragraphs {
        assert!(d.text.is_char_boundary(p.start) && d.text.is_char_boundary(p.end));
    }
}

const BODY: &str = "The council approved the budget on Tuesday. \u{201c}It is a fair deal,\u{201d} said Mayor Ann Lee.";

#[test]
fn decodes_utf8_bom_utf16_and_windows_1252() {
    let plain = format!("Council passes budget\n\n{BODY}");
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()].concat();
    assert_eq!(
        ingest(&with_bom, &IngestOptions::default()).unwrap().text,
        doc(&plain).text
    );
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(plain.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(
        ingest(&utf16le, &IngestOptions::default()).unwrap().text,
        doc(&plain).text
    );
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(plain.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(
        ingest(&utf16be, &IngestOptions::default()).unwrap().text,
        doc(&plain).text
    );
    let cp1252 = b"Caf\xE9 owners protest\n\nThe owners of the caf\xE9 said \x93no\x94 to the plan \x96 again.";
    let d = ingest(cp1252, &IngestOptions::default()).unwrap();
    assert!(
        d.text
            .contains("caf\u{e9} said \u{201c}no\u{201d} to the plan \u{2013} again."),
        "{}",
        d.text
    );
}

#[test]
fn refuses_binary_and_empty_with_advice() {
    for (bytes, needle) in [
        (b"%PDF-1.4\n1 0 obj".as_slice(), "PDF"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice(), "PNG"),
        (b"PK\x03\x04\x14\0\0\0".as_slice(), "ZIP"),
        (b"hello\0world".as_slice(), "binary"),
        (b"".as_slice(), "empty"),
        (b" \n \t\r\n".as_slice(), "empty"),
    ] {
        match ingest(bytes, &IngestOptions::default()) {
            Err(Error::BadInput(msg)) => {
                assert!(msg.contains(needle), "{msg}");
                if needle != "empty" {
                    assert!(msg.contains(".txt"), "should say what to upload: {msg}");
                }
            }
            other => panic!("{needle}: expected BadInput, got {other:?}"),
        }
    }
}

#[test]
fn detects_format_from_content() {
    let html = "<!doctype html><html><head><title>Budget passes | City News</title></head><body><p>The council approved the budget.</p></body></html>";
    assert_eq!(
        ingest(
            html.as_bytes(),
            &IngestOptions {
                name_hint: Some("a.txt".into()),
                ..Default::default()
            }
        )
        .unwrap()
        .format,
        Format::Html
    );
    let md = "# Budget passes\n\nThe **council** approved [the budget](https://example.org/b).\n\n- It is big.\n";
    let d = ingest(md.as_bytes(), &IngestOptions::default()).unwrap();
    assert_eq!(d.format, Format::Markdown);
    assert_eq!(d.title, "Budget passes");
    assert!(
        d.text.contains("The council approved the budget."),
        "{}",
        d.text
    );
    assert!(!d.text.contains("https://") && !d.text.contains("**"));
    let txt = "Budget passes\n\nThe council approved 3 * 4 options.";
    assert_eq!(doc(txt).format, Format::Text);
}

#[test]
fn html_body_title_and_boilerplate() {
    let page = r#"<!DOCTYPE html>
<html><head><title>Council passes budget after long debate - City Gazette</title>
<meta property="article:published_time" content="2024-05-02T09:30:00Z">
<script>window.ads = ["<p>fake</p>"];</script><style>p { color: red }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>Council passes budget after long debate</h1>
<p class="byline">By Jane Doe</p>
<p>The city council approved the annual budget on Tuesday after a debate that lasted more than nine hours, officials said.</p>
<p>&ldquo;It is a fair deal for every neighbourhood,&rdquo; said Mayor Ann Lee, who had pushed for the plan since January.</p>
<p>The budget raises spending on parks by 4.5 percent and freezes property taxes for a second year in a row.</p>
<!-- comment block: <p>Hidden comment text</p> -->
<p>Opponents said the plan relied on optimistic revenue forecasts and would leave reserves too thin for emergencies.</p>
</article>
<aside><p>Most read: Ten things to do this weekend</p></aside>
<footer><p>Copyright 2024 City Gazette. All rights reserved.</p></footer>
</body></html>"#;
    let d = ingest(page.as_bytes(), &IngestOptions::default()).unwrap();
    assert_eq!(d.format, Format::Html);
    assert_eq!(d.title, "Council passes budget after long debate");
    let headline = d.headline.expect("headline span");
    assert_eq!(d.slice(headline), "Council passes budget after long debate");
    assert_eq!(d.sentences[0].span, headline);
    assert!(
        d.text.contains(
            "\u{201c}It is a fair deal for every neighbourhood,\u{201d} said Mayor Ann Lee"
        )
    );
    for gone in [
        "window.ads",
        "color: red",
        "Hidden comment",
        "Home",
        "Most read",
        "All rights reserved",
        "fake",
    ] {
        assert!(!d.text.contains(gone), "{gone} kept: {}", d.text);
    }
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 5, 2));
    assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
    // Paragraphs stay paragraphs.
    assert!(d.paragraphs.len() >= 5, "{:?}", d.text);
    assert_spans_verbatim(&d);
}

/// What bounds a hostile page's result: either a document no bigger than the page,
/// with no markup left in its text, spans on character boundaries, at most one sentence
/// per word and one paragraph per sentence; or a refusal that says what to do.
fn assert_bounded(page: &str, result: newsdesk::Result<Document>) -> Option<Document> {
    match result {
        Ok(d) => {
            assert!(
                d.text.len() <= page.len(),
                "the text ({} bytes) is no bigger than the page ({} bytes)",
                d.text.len(),
                page.len()
            );
            for tag in ["<div", "<span", "<b>", "<i>", "<script", "</"] {
                assert!(!d.text.contains(tag), "markup {tag} left in the text");
            }
            let words = d.text.split_whitespace().count();
            assert!(
                d.sentences.len() <= words.max(1),
                "{} sentences",
                d.sentences.len()
            );
            assert!(
                d.paragraphs.len() <= d.sentences.len().max(1),
                "{} paragraphs for {} sentences",
                d.paragraphs.len(),
                d.sentences.len()
            );
            assert_spans_verbatim(&d);
            Some(d)
        }
        Err(Error::BadInput(msg)) | Err(Error::Limit(msg)) => {
            assert!(msg.len() > 20, "a refusal says what to do: {msg}");
            None
        }
        Err(other) => panic!("a hostile page is read or refused, not {other:?}"),
    }
}

#[test]
fn hostile_html_is_bounded() {
    // 10,000 nested divs around one sentence: the sentence and nothing else.
    let deep = format!(
        "<html><body>{}<p>Deep text here.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let d = assert_bounded(&deep, ingest(deep.as_bytes(), &IngestOptions::default()))
        .expect("the deep page is read");
    assert_eq!(sentences(&d), ["Deep text here."]);

    // 100,000 elements (past the readability cap), spaced: every word once, none invented.
    let wide = format!(
        "<html><body>{}</body></html>",
        "<span>x</span> ".repeat(100_000)
    );
    let d = assert_bounded(&wide, ingest(wide.as_bytes(), &IngestOptions::default()))
        .expect("the wide page is read");
    assert_eq!(d.text.matches('x').count(), 100_000, "each word once");
    assert!(d.text.chars().all(|c| c == 'x' || c.is_whitespace()));
    // Unspaced, the same letters are one 100,000-character "word": refused, and said why.
    let run = format!(
        "<html><body>{}</body></html>",
        "<span>x</span>".repeat(100_000)
    );
    let refused = assert_bounded(&run, ingest(run.as_bytes(), &IngestOptions::default()));
    assert!(
        refused.is_none(),
        "a 100,000-letter run is not article text"
    );

    // Thousands of unclosed tags, script content after the text: the text alone.
    let unclosed = format!("<html><body><p>Start{}", "<b><i><script>".repeat(5_000));
    let d = assert_bounded(
        &unclosed,
        ingest(unclosed.as_bytes(), &IngestOptions::default()),
    )
    .expect("the unclosed page is read");
    assert_eq!(d.text.trim(), "Start");

    // A page with no article text is refused with a clear message.
    match ingest(
        b"<html><head><script>x()</script></head><body><nav>Home</nav></body></html>",
        &IngestOptions::default(),
    ) {
        Err(Error::BadInput(msg)) => assert!(msg.contains("HTML"), "{msg}"),
        other => panic!("expected BadInput, got {other:?}"),
    }
}

/// Deep nesting, closed and unclosed, at every depth from 1,000 to 100,000 finishes and
/// keeps the sentence. A hang guard with a generous bound (a quadratic extractor took
/// over a minute at 20,000), not a timing assertion: the benchmark `linear` measures.
#[test]
fn deep_nesting_finishes_and_keeps_the_text() {
    let bound = std::time::Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 30 });
    for depth in [1_000usize, 20_000, 100_000] {
        for closed in [true, false] {
            let page = format!(
                "<html><body>{}<p>The pier will reopen in May, the board said.</p>{}</body></html>",
                "<div>".repeat(depth),
                if closed {
                    "</div>".repeat(depth)
                } else {
                    String::new()
                }
            );
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(ingest(page.as_bytes(), &IngestOptions::default()).map(|d| d.text));
            });
            let text = rx
                .recv_timeout(bound)
                .unwrap_or_else(|_| {
                    panic!("depth {depth} (closed: {closed}) still running after {bound:?}")
                })
                .unwrap_or_else(|e| panic!("depth {depth} (closed: {closed}): {e}"));
            assert!(
                text.contains("The pier will reopen in May, the board said."),
                "depth {depth} (closed: {closed}): {text:?}"
            );
        }
    }
}

#[test]
fn furniture_is_dropped() {
    let text = "City passes budget\n\n\
                By Jane Doe and John Roe, Reuters\n\n\
                Saturday, November 27, 2010\n\n\
                + \u{21ba} \u{2212} 16 px\n\n\
                Share this article\n\n\
                The council approved the budget on Tuesday.\n\n\
                Advertisement\n\n\
                The mayor praised the deal. Image: City Hall.\n\n\
                Photo: Jane Doe/Reuters\n\n\
                Read more: Council delays vote on parks\n\n\
                Opponents said the plan was too optimistic.\n\n\
                Have an opinion on this story? Share it!\n\n\
                Leave a comment\n\n\
                Like this story? Share it with a friend!\n\n\
                Follow her on X at @cityreporter.\n\n\
                Get our morning headlines delivered to your inbox every day.\n\n\
                Sign up for the Gazette newsletters.\n\n\
                Share this:\n\n\
                City Gazette";
    let d = doc(text);
    let ss = sentences(&d);
    assert_eq!(
        ss,
        vec![
            "City passes budget",
            "Saturday, November 27, 2010",
            "The council approved the budget on Tuesday.",
            "The mayor praised the deal.",
            // Picture credits stay (they name people) and mark their blocks as captions.
            "Image: City Hall.",
            "Photo: Jane Doe/Reuters",
            "Opponents said the plan was too optimistic.",
        ]
    );
    let captions: Vec<&str> = d.captions.iter().map(|s| d.slice(*s)).collect();
    assert_eq!(
        captions,
        [
            "The mayor praised the deal. Image: City Hall.",
            "Photo: Jane Doe/Reuters"
        ]
    );
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2010, 11, 27));
    assert_eq!(d.byline.as_deref(), Some("Jane Doe and John Roe"));
    assert_eq!(d.title, "City passes budget");
    assert_eq!(
        d.dateline.map(|s| d.slice(s)),
        Some("Saturday, November 27, 2010")
    );
    assert_spans_verbatim(&d);
}

#[test]
fn real_sentences_that_look_like_furniture_survive() {
    let keep = [
        "Readers were asked to share this story with friends, the editor said.",
        "The advertisement ran in three newspapers last week.",
        "Read more carefully, the contract shows a loophole.",
        "By Tuesday the Senate had voted on the measure.",
        "Photo: the word appears in the caption of the exhibit, curators said.",
        "On March 8, 2011 the company filed for bankruptcy.",
        "News.Az reports, citing Reuters, that talks stalled.",
        "Comments from the minister angered the opposition.",
        "The image credit line was removed by editors before publication.",
        "Share prices fell 3 percent on Monday.",
        "He wrote 16 px-wide icons for the app.",
        "Residents who follow her on social media learned of the closure first.",
        "Want more stories like this one, the publisher asked the board.",
        "Members who subscribe to the union newsletter were told on Monday.",
    ];
    let text = format!("Markets fall on trade fears\n\n{}", keep.join("\n\n"));
    let d = doc(&text);
    let ss = sentences(&d);
    for k in keep {
        assert!(ss.contains(&k), "dropped a real sentence: {k:?}\n{ss:#?}");
    }
    assert_eq!(d.date, None, "a date inside prose is not a dateline");
    assert_eq!(d.byline, None);
}

#[test]
fn a_short_final_sentence_is_not_an_outlet_name() {
    let d = doc("Storm hits coast\n\nThe storm hit at dawn.\n\nNobody was hurt.");
    assert_eq!(sentences(&d).last(), Some(&"Nobody was hurt."));
    let d = doc("Storm hits coast\n\nThe storm hit at dawn.\n\nBBC News");
    assert_eq!(sentences(&d).last(), Some(&"The storm hit at dawn."));
}

#[test]
fn title_precedence_and_fallback() {
    let given = ingest(
        format!("Storm hits coast\n\n{BODY}").as_bytes(),
        &IngestOptions {
            title: Some("My title".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(given.title, "My title");
    assert_eq!(
        given.headline.map(|h| given.slice(h)),
        Some("Storm hits coast")
    );
    let no_headline = doc(
        "The council approved the budget on Tuesday after a debate that lasted more than nine hours. It passed.",
    );
    assert!(no_headline.headline.is_none());
    assert!(
        no_headline
            .title
            .starts_with("The council approved the budget"),
        "{}",
        no_headline.title
    );
}

#[test]
fn date_formats_in_datelines() {
    for (line, ymd) in [
        ("2025-10-23", (2025, 10, 23)),
        ("March 8, 2011", (2011, 3, 8)),
        ("Saturday, November 27, 2010", (2010, 11, 27)),
        ("Published: 8 March 2011 10:32 GMT", (2011, 3, 8)),
        ("Updated Sept. 5, 2024, 4:10 p.m. ET", (2024, 9, 5)),
        ("Posted on Oct 23, 2025 | 09:00", (2025, 10, 23)),
    ] {
        let d = doc(&format!(
            "Headline words here\n\n{line}\n\nThe body sentence is here."
        ));
        assert_eq!(
            d.date,
            NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2),
            "{line}"
        );
    }
}

#[test]
fn crlf_and_wrapped_lines() {
    let d = doc(
        "Storm hits coast\r\n\r\nThe storm hit the coast at dawn and\r\nknocked out power to thousands of homes.\r\n",
    );
    assert_eq!(
        sentences(&d),
        vec![
            "Storm hits coast",
            "The storm hit the coast at dawn and\nknocked out power to thousands of homes."
        ]
    );
    assert!(!d.text.contains('\r'));
}
