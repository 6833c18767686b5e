//! Tests of the Discord embeds: limits, escaping, paging and what each answer shows.

use super::*;
use crate::model::{FigureKind, QuoteKind};
use crate::query::Evidence;

#[test]
fn truncate_respects_char_boundaries_and_marks_the_cut() {
    assert_eq!(truncate("héllo wörld", 20), "héllo wörld");
    let t = truncate("ééééééééé", 4);
    assert_eq!(t.chars().count(), 4);
    assert!(t.ends_with('…'));
    assert_eq!(truncate("abc", 0), "");
}

#[test]
fn escape_keeps_markdown_literal() {
    assert_eq!(escape("a*b*_c_"), "a\\*b\\*\\_c\\_");
    assert_eq!(escape("> quote\n# head"), "\\> quote\n\\# head");
    assert_eq!(escape("3 - 2 > 1"), "3 - 2 > 1");
}

#[test]
fn clip_never_leaves_a_dangling_escape() {
    let s = "x".repeat(8) + "*****";
    let c = clip(&s, 10);
    assert!(c.chars().count() <= 10);
    assert!(!c.ends_with("\\…"));
}

#[test]
fn clamped_embed_fits_every_limit() {
    let e = EmbedSpec {
        title: "t".repeat(1000),
        description: "d".repeat(10_000),
        fields: (0..40)
            .map(|i| FieldSpec::new(format!("n{i}").repeat(200), "v".repeat(3000)))
            .collect(),
        footer: "f".repeat(5000),
        color: 0,
        url: None,
    }
    .clamped();
    assert!(e.title.chars().count() <= MAX_TITLE);
    assert!(e.description.chars().count() <= MAX_DESCRIPTION);
    assert!(e.fields.len() <= MAX_FIELDS);
    assert!(
        e.fields
            .iter()
            .all(|f| f.name.chars().count() <= MAX_FIELD_NAME
                && f.value.chars().count() <= MAX_FIELD_VALUE)
    );
    assert!(e.footer.chars().count() <= MAX_FOOTER);
    assert!(e.chars() <= MAX_TOTAL, "{}", e.chars());
}

#[test]
fn empty_fields_get_a_placeholder() {
    let f = FieldSpec::new("", "  ").clamped();
    assert!(!f.name.is_empty() && !f.value.is_empty());
}

#[test]
fn paginate_splits_by_count_and_budget() {
    let head = EmbedSpec::new("Head", 0);
    let items: Vec<FieldSpec> = (0..20)
        .map(|i| FieldSpec::new(format!("item {i}"), "v".repeat(1000)))
        .collect();
    let mut pages = paginate(&head, items, 6);
    number_pages(&mut pages, "");
    // 1,000+ characters per field: at most five fit in 6,000 with the head.
    assert!(pages.len() >= 4);
    let total_fields: usize = pages.iter().map(|p| p.embeds[0].fields.len()).sum();
    assert_eq!(total_fields, 20);
    for (i, p) in pages.iter().enumerate() {
        assert!(p.chars() <= MAX_TOTAL);
        assert!(p.embeds[0].fields.len() <= 6);
        assert!(p.embeds[0].footer.contains(&format!("Page {} of", i + 1)));
    }
}

#[test]
fn paginate_lines_keeps_every_line() {
    let head = EmbedSpec::new("List", 0);
    let lines: Vec<String> = (0..35).map(|i| format!("line {i}")).collect();
    let pages = paginate_lines(&head, lines, 10);
    assert_eq!(pages.len(), 4);
    assert!(pages[3].embeds[0].description.contains("line 34"));
}

#[test]
fn help_lists_every_command_within_limits() {
    let pages = pages(&Response::Help);
    assert_eq!(pages.len(), 1);
    let e = &pages[0].embeds[0];
    for name in [
        "/article add",
        "/who-said",
        "/key-figures",
        "/briefing post",
        "/search",
        "/ask",
    ] {
        assert!(e.fields.iter().any(|f| f.name == name), "{name}");
    }
    assert!(e.chars() <= MAX_TOTAL);
}

#[test]
fn page_clamp_drops_embeds_over_the_total() {
    let big = EmbedSpec {
        description: "x".repeat(4000),
        ..EmbedSpec::new("a", 0)
    };
    let page = Page {
        content: "c".repeat(3000),
        embeds: vec![big.clone(), big.clone(), big],
    }
    .clamped();
    assert!(page.chars() <= MAX_TOTAL);
    assert_eq!(page.embeds.len(), 1);
    assert!(page.content.chars().count() <= MAX_CONTENT);
}

fn evidence(i: usize) -> Evidence {
    Evidence {
        article_id: "a7".into(),
        article_title: "Talks *stall* over rare earths".into(),
        sentence_index: i,
        sentence: format!(
            "“We will not back down,” said Wu Xinbo, sentence {i}, in a long speech {}.",
            "x".repeat(300)
        ),
    }
}

#[test]
fn who_said_items_name_speaker_role_quote_article_and_sentence() {
    use crate::query::{SpeakerStatements, Statement};
    let groups = vec![SpeakerStatements {
        speaker: "Wu Xinbo".into(),
        role: "director of the Center for American Studies at Fudan University".into(),
        aliases: vec!["Wu".into()],
        total: 20,
        statements: (0..20)
            .map(|i| Statement {
                text: if i % 2 == 0 {
                    "We will not back down".into()
                } else {
                    "talks would resume".into()
                },
                kind: if i % 2 == 0 {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Indirect
                },
                evidence: evidence(i),
            })
            .collect(),
    }];
    let pages = pages(&Response::WhoSaid { groups });
    assert!(pages.len() >= 3, "20 statements page: {}", pages.len());
    let mut items = 0;
    for (i, p) in pages.iter().enumerate() {
        assert!(p.chars() <= MAX_TOTAL && p.embeds.len() == 1);
        let e = &p.embeds[0];
        assert!(
            e.footer
                .contains(&format!("Page {} of {}", i + 1, pages.len()))
        );
        for f in &e.fields {
            items += 1;
            assert!(f.name.starts_with("Wu Xinbo — director"), "{}", f.name);
            assert!(
                f.value.contains("(`a7`)") && f.value.contains("Talks \\*stall\\*"),
                "{}",
                f.value
            );
            assert!(f.value.contains("sentence "), "{}", f.value);
            assert!(f.value.chars().count() <= MAX_FIELD_VALUE);
        }
    }
    assert_eq!(items, 20, "nothing lost between pages");
    let first = &pages[0].embeds[0].fields;
    assert!(first[0].value.starts_with("“We will not back down”"));
    assert!(
        first[1].value.contains("paraphrase") && first[1].value.contains("> "),
        "indirect quotes show their sentence"
    );
}

#[test]
fn key_figures_show_what_they_measure_and_where() {
    use crate::query::FigureHit;
    let figures = vec![FigureHit {
        text: "$660 billion".into(),
        kind: FigureKind::Money,
        value: Some(660e9),
        unit: "USD".into(),
        qualifier: None,
        about: "trade between the two countries".into(),
        evidence: evidence(3),
    }];
    let shown = pages(&Response::KeyFigures {
        total: figures.len(),
        figures,
    });
    let f = &shown[0].embeds[0].fields[0];
    assert_eq!(f.name, "$660 billion · money");
    assert!(
        f.value.contains("trade between the two countries")
            && f.value.contains("sentence 4")
            && f.value.contains("`a7`")
    );
    let empty = pages(&Response::KeyFigures {
        figures: vec![],
        total: 0,
    });
    assert!(empty[0].embeds[0].description.contains("No figures found"));
}
