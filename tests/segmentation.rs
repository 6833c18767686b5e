//! News-grade sentence splitting: a table of tricky cases (input → expected sentences),
//! plus span invariants and speed on pathological input.

use newsdesk::model::Span;
use newsdesk::text::segment::{TokenKind, paragraphs, sentences, tokens};

fn split(text: &str) -> Vec<String> {
    let ps = paragraphs(text);
    sentences(text, &ps)
        .iter()
        .map(|s| s.span.of(text).to_string())
        .collect()
}

/// (input, expected sentences)
const CASES: &[(&str, &[&str])] = &[
    // 1-5 plain
    (
        "The cat sat. The dog ran.",
        &["The cat sat.", "The dog ran."],
    ),
    (
        "Is it true? Nobody knows!",
        &["Is it true?", "Nobody knows!"],
    ),
    (
        "One sentence without a final stop",
        &["One sentence without a final stop"],
    ),
    ("Wait!? Really?! Yes.", &["Wait!?", "Really?!", "Yes."]),
    ("He left.  She stayed.", &["He left.", "She stayed."]),
    // 6-15 abbreviations and titles
    (
        "Mr. Smith went to Washington. He stayed.",
        &["Mr. Smith went to Washington.", "He stayed."],
    ),
    (
        "Mrs. Jones and Dr. Patel met Sen. Warren and Gov. Hochul on Monday.",
        &["Mrs. Jones and Dr. Patel met Sen. Warren and Gov. Hochul on Monday."],
    ),
    (
        "Gen. Milley spoke. Lt. Col. Vindman listened.",
        &["Gen. Milley spoke.", "Lt. Col. Vindman listened."],
    ),
    (
        "Apple Inc. said sales rose. Microsoft Corp. disagreed.",
        &["Apple Inc. said sales rose.", "Microsoft Corp. disagreed."],
    ),
    (
        "Shares of Acme Co. fell. The company blamed weather.",
        &["Shares of Acme Co. fell.", "The company blamed weather."],
    ),
    (
        "He sued Acme Ltd. The case was dismissed.",
        &["He sued Acme Ltd.", "The case was dismissed."],
    ),
    (
        "Rep. Nancy Pelosi and Prof. John Smith spoke.",
        &["Rep. Nancy Pelosi and Prof. John Smith spoke."],
    ),
    (
        "He lives on St. Mark's Place in St. Louis.",
        &["He lives on St. Mark's Place in St. Louis."],
    ),
    (
        "She works at 10 Main St. The office is small.",
        &["She works at 10 Main St.", "The office is small."],
    ),
    (
        "Martin Luther King Jr. Day is a holiday.",
        &["Martin Luther King Jr. Day is a holiday."],
    ),
    // 16-22 U.S., U.K., U.N.
    (
        "U.S. officials met U.K. diplomats at the U.N. headquarters.",
        &["U.S. officials met U.K. diplomats at the U.N. headquarters."],
    ),
    (
        "Prices rose in the U.S. The next day they fell.",
        &["Prices rose in the U.S.", "The next day they fell."],
    ),
    (
        "He moved to the U.K. It rained.",
        &["He moved to the U.K.", "It rained."],
    ),
    (
        "The plan went to the U.N. Security Council.",
        &["The plan went to the U.N. Security Council."],
    ),
    (
        "The U.S.-led coalition struck. Officials confirmed it.",
        &["The U.S.-led coalition struck.", "Officials confirmed it."],
    ),
    (
        "Agents from the F.B.I. But nobody was charged.",
        &["Agents from the F.B.I.", "But nobody was charged."],
    ),
    (
        "He flew to Washington, D.C. on Friday.",
        &["He flew to Washington, D.C. on Friday."],
    ),
    // 23-28 initials
    ("Donald J. Trump spoke.", &["Donald J. Trump spoke."]),
    (
        "J. R. R. Tolkien wrote books.",
        &["J. R. R. Tolkien wrote books."],
    ),
    (
        "They chose Plan B. The vote was close.",
        &["They chose Plan B.", "The vote was close."],
    ),
    (
        "George W. Bush and John F. Kennedy were presidents.",
        &["George W. Bush and John F. Kennedy were presidents."],
    ),
    ("I. M. Pei designed it.", &["I. M. Pei designed it."]),
    (
        "Steven F. Udvar-Hazy Center opened. It is large.",
        &["Steven F. Udvar-Hazy Center opened.", "It is large."],
    ),
    // 29-36 numbers, money, versions
    (
        "Pi is 3.14 roughly. It is irrational.",
        &["Pi is 3.14 roughly.", "It is irrational."],
    ),
    (
        "The deal is worth $1.5 billion. It closes soon.",
        &["The deal is worth $1.5 billion.", "It closes soon."],
    ),
    (
        "Version v2.0 shipped. Version 2.1.3 follows.",
        &["Version v2.0 shipped.", "Version 2.1.3 follows."],
    ),
    (
        "Shares fell 3.5%. Bonds rose 0.2 percent.",
        &["Shares fell 3.5%.", "Bonds rose 0.2 percent."],
    ),
    (
        "The score was 2-1. Fans cheered.",
        &["The score was 2-1.", "Fans cheered."],
    ),
    (
        "He is ranked No. 1 in the world.",
        &["He is ranked No. 1 in the world."],
    ),
    (
        "The meeting was in 2010. 15 people came.",
        &["The meeting was in 2010.", "15 people came."],
    ),
    (
        "It costs US$ 20,000. That is a lot.",
        &["It costs US$ 20,000.", "That is a lot."],
    ),
    // 37-42 times and dates
    (
        "It happened at 5 p.m. Police arrived later.",
        &["It happened at 5 p.m.", "Police arrived later."],
    ),
    (
        "The talks start at 9 a.m. EST on Monday.",
        &["The talks start at 9 a.m. EST on Monday."],
    ),
    (
        "He arrived at 10 a.m. Tuesday and left.",
        &["He arrived at 10 a.m. Tuesday and left."],
    ),
    (
        "It was signed on Jan. 5, 2010 in Paris.",
        &["It was signed on Jan. 5, 2010 in Paris."],
    ),
    (
        "Talks resume Sept. 12. Both sides agreed.",
        &["Talks resume Sept. 12.", "Both sides agreed."],
    ),
    (
        "The law took effect in Oct. The courts upheld it.",
        &["The law took effect in Oct.", "The courts upheld it."],
    ),
    // 43-47 ellipses
    (
        "Jinx Arjona... drift away from Chile!",
        &["Jinx Arjona... drift away from Chile!"],
    ),
    (
        "He paused... Then he spoke.",
        &["He paused...", "Then he spoke."],
    ),
    ("We will … fight on.", &["We will … fight on."]),
    (
        "\"...it was the right thing,\" he said.",
        &["\"...it was the right thing,\" he said."],
    ),
    (
        "The list goes on and on… But it ends.",
        &["The list goes on and on…", "But it ends."],
    ),
    // 48-50 enumerations
    (
        "1. Buy milk\n2. Buy bread",
        &["1. Buy milk", "2. Buy bread"],
    ),
    (
        "a. First option. b. Second option.",
        &["a. First option.", "b. Second option."],
    ),
    (
        "There are three steps. 1. Plan. 2. Act.",
        &["There are three steps.", "1. Plan.", "2. Act."],
    ),
    // 51-54 URLs, e-mails, names with punctuation
    (
        "Visit www.example.com for details. Or call us.",
        &["Visit www.example.com for details.", "Or call us."],
    ),
    (
        "Write to press@news.example.org today. We reply fast.",
        &["Write to press@news.example.org today.", "We reply fast."],
    ),
    (
        "Yahoo! said profits rose. Google did not comment.",
        &["Yahoo! said profits rose.", "Google did not comment."],
    ),
    (
        "Secunia.com reported the flaw. It was patched.",
        &["Secunia.com reported the flaw.", "It was patched."],
    ),
    // 55-64 quotations
    (
        "\u{201c}Countermeasures are necessary,\u{201d} said Wu Xinbo.",
        &["\u{201c}Countermeasures are necessary,\u{201d} said Wu Xinbo."],
    ),
    (
        "\"This is great.\" She left.",
        &["\"This is great.\"", "She left."],
    ),
    (
        "\"Is it over?\" she asked.",
        &["\"Is it over?\" she asked."],
    ),
    ("\"Enough!\" Trump said.", &["\"Enough!\" Trump said."]),
    (
        "\"Why now?\" Senator Mary Smith asked reporters.",
        &["\"Why now?\" Senator Mary Smith asked reporters."],
    ),
    (
        "\u{201c}It is explicit,\u{201d} said Combs. \u{201c}It targets chips.\u{201d}",
        &[
            "\u{201c}It is explicit,\u{201d} said Combs.",
            "\u{201c}It targets chips.\u{201d}",
        ],
    ),
    (
        "He said: \"We will win. The enemy will lose.\" Then he left.",
        &[
            "He said: \"We will win.",
            "The enemy will lose.\"",
            "Then he left.",
        ],
    ),
    (
        "The 'Bandit King.' He was caught.",
        &["The 'Bandit King.'", "He was caught."],
    ),
    (
        "\"Stop!\" The crowd froze.",
        &["\"Stop!\"", "The crowd froze."],
    ),
    (
        "\u{201c}We agreed.\u{201d} \u{201c}Then we signed.\u{201d}",
        &[
            "\u{201c}We agreed.\u{201d}",
            "\u{201c}Then we signed.\u{201d}",
        ],
    ),
    // 65-68 parentheses
    (
        "He left (he was tired.) Then she left.",
        &["He left (he was tired.)", "Then she left."],
    ),
    (
        "(The report was leaked.) Officials denied it.",
        &["(The report was leaked.)", "Officials denied it."],
    ),
    (
        "It occurred at 00:37 local time (03:37 UTC), the agency said.",
        &["It occurred at 00:37 local time (03:37 UTC), the agency said."],
    ),
    (
        "Texas A&M's team (led by Dr. Lee) won.",
        &["Texas A&M's team (led by Dr. Lee) won."],
    ),
    // 69-73 e.g., i.e., vs., etc.
    (
        "Some fruits, e.g. Apples, are red.",
        &["Some fruits, e.g. Apples, are red."],
    ),
    (
        "Brazil vs. Germany ended badly.",
        &["Brazil vs. Germany ended badly."],
    ),
    (
        "They sold apples, pears, etc. The shop closed.",
        &["They sold apples, pears, etc.", "The shop closed."],
    ),
    (
        "Smith et al. found a link. Others disagree.",
        &["Smith et al. found a link.", "Others disagree."],
    ),
    (
        "The case Roe v. Wade was cited.",
        &["The case Roe v. Wade was cited."],
    ),
    // 74-77 line structure
    (
        "Four aftershocks hit Chile\nNo damage reported",
        &["Four aftershocks hit Chile", "No damage reported"],
    ),
    (
        "This long sentence is wrapped by an email client at seventy two columns and\nContinues on the next line.",
        &[
            "This long sentence is wrapped by an email client at seventy two columns and\nContinues on the next line.",
        ],
    ),
    (
        "Headline here\n\nBody sentence one. Body two.",
        &["Headline here", "Body sentence one.", "Body two."],
    ),
    (
        "Attendance 70073\nReferee Howard Webb",
        &["Attendance 70073", "Referee Howard Webb"],
    ),
    // 78-80 odd spacing and closers
    ("He won.\u{a0}She lost.", &["He won.", "She lost."]),
    ("It ended.\" He smiled.", &["It ended.\"", "He smiled."]),
    ("Ask the F.D.A. about it.", &["Ask the F.D.A. about it."]),
    (
        "They met the church of Scientology. ... The next thing he knew, he was gone.",
        &[
            "They met the church of Scientology. ...",
            "The next thing he knew, he was gone.",
        ],
    ),
    (
        "Didier Drogba (20), Didier Drogba (84)\nGoalscorers for Arsenal FC",
        &[
            "Didier Drogba (20), Didier Drogba (84)",
            "Goalscorers for Arsenal FC",
        ],
    ),
    // 83-: lists, spaced ellipses, reference markers, parentheticals, camel case
    (
        "The plan has three steps 1) Cut costs 2) Hire staff 3) Expand abroad",
        &["The plan has three steps 1) Cut costs 2) Hire staff 3) Expand abroad"],
    ),
    (
        "1) Cut costs 2) Hire staff 3) Expand abroad",
        &["1) Cut costs", "2) Hire staff", "3) Expand abroad"],
    ),
    (
        "a. Call the mayor b. Call the council",
        &["a. Call the mayor", "b. Call the council"],
    ),
    (
        "1. The team ranked No. 2. The coach resigned.",
        &["1. The team ranked No. 2.", "The coach resigned."],
    ),
    (
        "The vote was close . . . and then it was over.",
        &["The vote was close . . . and then it was over."],
    ),
    (
        "She paused . . . Then she spoke again.",
        &["She paused . . . Then she spoke again."],
    ),
    (
        "\"We waited. . . . Nobody came,\" she said.",
        &["\"We waited.", ". . . Nobody came,\" she said."],
    ),
    (
        "He asked, \"Why now?\" . . . \"Why here?\"",
        &["He asked, \"Why now?\"", ". . . \"Why here?\""],
    ),
    (
        "The bridge opened in 1932. [4] [5] It was rebuilt later.",
        &[
            "The bridge opened in 1932. [4] [5]",
            "It was rebuilt later.",
        ],
    ),
    (
        "The mill closed in 1990.[7] Workers left town.",
        &["The mill closed in 1990.[7]", "Workers left town."],
    ),
    (
        "They sang \"Hold On!\" (2009), a song about home.",
        &["They sang \"Hold On!\" (2009), a song about home."],
    ),
    (
        "He cited the report: \"Costs rose sharply.\" (Table 3).",
        &["He cited the report: \"Costs rose sharply.\" (Table 3)."],
    ),
    (
        "He left early. (The meeting ran late.) Nobody noticed.",
        &[
            "He left early.",
            "(The meeting ran late.)",
            "Nobody noticed.",
        ],
    ),
    (
        "Her grandfather (b. 1901; d. 1980) was a miner.",
        &["Her grandfather (b. 1901; d. 1980) was a miner."],
    ),
    (
        "The store sold out. iPhone buyers queued for hours.",
        &["The store sold out.", "iPhone buyers queued for hours."],
    ),
    (
        "By 7 a.m. Mrs. Lee had opened the shop. She closed it at 6 p.m. Mrs. Lee then went home.",
        &[
            "By 7 a.m. Mrs. Lee had opened the shop.",
            "She closed it at 6 p.m.",
            "Mrs. Lee then went home.",
        ],
    ),
    (
        "The board voted no. Members left early. See p. 4 and vol. II of the report.",
        &[
            "The board voted no.",
            "Members left early.",
            "See p. 4 and vol. II of the report.",
        ],
    ),
    (
        "It was signed by Ed Cole Jr.. Nobody objected.",
        &["It was signed by Ed Cole Jr..", "Nobody objected."],
    ),
    (
        "Read the guide. (https://example.org/guide) It is short.",
        &[
            "Read the guide.",
            "(https://example.org/guide) It is short.",
        ],
    ),
];

#[test]
fn tricky_sentence_table() {
    assert!(CASES.len() >= 60, "the table must keep at least 60 cases");
    let mut failures = Vec::new();
    for (i, (input, expected)) in CASES.iter().enumerate() {
        let got = split(input);
        if got != *expected {
            failures.push(format!(
                "case {}: {input:?}\n  expected {expected:?}\n  got      {got:?}",
                i + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn sentences_are_ordered_trimmed_verbatim_slices() {
    for (input, _) in CASES {
        let ps = paragraphs(input);
        let ss = sentences(input, &ps);
        let mut last = 0;
        for s in &ss {
            assert!(s.span.start >= last, "overlap in {input:?}");
            assert!(input.is_char_boundary(s.span.start) && input.is_char_boundary(s.span.end));
            let t = s.span.of(input);
            assert_eq!(t, t.trim(), "untrimmed sentence in {input:?}");
            assert!(!t.is_empty());
            assert!(ps[s.paragraph].contains(s.span));
            last = s.span.end;
        }
        // All non-space text is covered.
        let covered: usize = ss
            .iter()
            .map(|s| {
                s.span
                    .of(input)
                    .split_whitespace()
                    .map(str::len)
                    .sum::<usize>()
            })
            .sum();
        let total: usize = input.split_whitespace().map(str::len).sum();
        assert_eq!(covered, total, "text lost in {input:?}");
    }
}

#[test]
fn five_megabyte_line_without_spaces_is_segmented() {
    let mut s = String::with_capacity(5_000_000);
    while s.len() < 5_000_000 {
        s.push_str("x.Y!z?\u{201d}…");
    }
    // Completes (a quadratic pass would not); throughput is measured by `cargo bench`.
    let ps = paragraphs(&s);
    let ss = sentences(&s, &ps);
    let _ = tokens(&s, Span::new(0, s.len().min(1_000_000)));
    assert!(!ss.is_empty());
}

#[test]
fn tokens_have_kinds_and_verbatim_spans() {
    let t = "\u{201c}Sales rose 4.5% to $660 billion,\u{201d} Mr. O\u{2019}Brien said in the U.S. on 2025-10-23.";
    let toks = tokens(t, Span::new(0, t.len()));
    let view: Vec<(&str, TokenKind)> = toks.iter().map(|k| (k.span.of(t), k.kind)).collect();
    assert_eq!(view[0], ("\u{201c}", TokenKind::Quote));
    assert!(view.contains(&("4.5", TokenKind::Number)));
    assert!(view.contains(&("%", TokenKind::Symbol)));
    assert!(view.contains(&("$", TokenKind::Symbol)));
    assert!(view.contains(&("660", TokenKind::Number)));
    assert!(view.contains(&("Mr.", TokenKind::Word)));
    assert!(view.contains(&("O\u{2019}Brien", TokenKind::Word)));
    assert!(view.contains(&("U.S.", TokenKind::Word)));
    assert!(view.contains(&("2025", TokenKind::Number)));
    assert!(view.contains(&("\u{201d}", TokenKind::Quote)));
    for k in &toks {
        assert!(!k.span.of(t).trim().is_empty());
    }
    // Spans relative to the whole text when tokenizing a sub-span.
    let sub = Span::new(t.find("Mr.").unwrap(), t.len());
    assert_eq!(tokens(t, sub)[0].span.of(t), "Mr.");
}
