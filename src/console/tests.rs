//! Tests of console line parsing and of whole sessions.

use super::*;
use crate::model::FigureKind;

fn cmd(line: &str) -> Command {
    match parse_line(line) {
        Ok(Some(Input::Command(c))) => c,
        other => panic!("{line}: {other:?}"),
    }
}

fn err(line: &str) -> String {
    match parse_line(line) {
        Err(e) => e.to_string(),
        other => panic!("{line} should fail: {other:?}"),
    }
}

#[test]
fn options_take_quoted_values() {
    assert_eq!(
        cmd(r#"/who-said topic:"rare earths" speaker:Wu"#),
        Command::WhoSaid {
            topic: Some("rare earths".into()),
            speaker: Some("Wu".into()),
            article: None
        }
    );
    assert_eq!(
        cmd("/who-said topic:“rare earths”"),
        Command::WhoSaid {
            topic: Some("rare earths".into()),
            speaker: None,
            article: None
        }
    );
    assert_eq!(
        cmd(r#"/article add text:"He said \"no\".\nThen left." title:'A B'"#),
        Command::ArticleAdd {
            content: Content::Text("He said \"no\".\nThen left.".into()),
            title: Some("A B".into())
        }
    );
    assert_eq!(
        cmd("/article add file:articles/x.html title:\"X\""),
        Command::ArticleAdd {
            content: Content::File {
                name: "articles/x.html".into(),
                bytes: vec![]
            },
            title: Some("X".into())
        }
    );
    assert_eq!(
        cmd("/key-figures kind:MONEY article:a2"),
        Command::KeyFigures {
            article: Some("a2".into()),
            kind: Some(FigureKind::Money)
        }
    );
    assert_eq!(
        cmd("/article add url:https://example.com/a?b=c:d"),
        Command::ArticleAdd {
            content: Content::Url("https://example.com/a?b=c:d".into()),
            title: None
        }
    );
}

#[test]
fn bare_words_fill_the_main_option() {
    assert_eq!(
        cmd("/article add sample"),
        Command::ArticleAdd {
            content: Content::Sample,
            title: None
        }
    );
    assert_eq!(
        cmd("/article show a1"),
        Command::ArticleShow {
            article: "a1".into()
        }
    );
    assert_eq!(
        cmd("/ask What is 3:1 about?"),
        Command::Ask {
            question: "What is 3:1 about?".into(),
            article: None
        }
    );
    assert_eq!(
        cmd("ask question:\"Who?\" article:a1"),
        Command::Ask {
            question: "Who?".into(),
            article: Some("a1".into())
        }
    );
    assert_eq!(cmd("/article list"), Command::ArticleList { page: 0 });
    assert_eq!(cmd("/help"), Command::Help);
    assert_eq!(parse_line("quit").unwrap(), Some(Input::Quit));
    assert_eq!(parse_line("   ").unwrap(), None);
    assert_eq!(parse_line("# a comment").unwrap(), None);
}

#[test]
fn mistakes_get_a_message_that_says_what_to_do() {
    assert!(err("/frobnicate").contains("/help"));
    assert!(err("/who-said topic:\"rare earths").contains("not closed"));
    assert!(err("/key-figures kind:apples").contains("money"));
    assert!(err("/article add").contains("file:"));
    assert!(err("/article add text:a url:b").contains("only one"));
    assert!(err("/article show").contains("article:"));
    assert!(err("/search").contains("query:"));
    assert!(err("/who-said topic:x topic:y").contains("twice"));
    assert!(err("/help me").contains("no options"));
    assert!(err("/article list page:0").contains("page"));
}

#[test]
fn hostile_lines_do_not_panic() {
    for line in [
        "\"",
        "“",
        ":::",
        "/article add text:\"\\",
        "/ask \u{200f}\u{202e}",
        "/who-said :x",
        "/ ",
        "/article",
        "é:é",
    ] {
        let _ = parse_line(line);
    }
    let long = format!("/search query:\"{}\"", "x".repeat(100_000));
    assert!(matches!(
        parse_line(&long),
        Ok(Some(Input::Command(Command::Search { .. })))
    ));
}

#[test]
fn a_session_answers_and_carries_on_after_errors() {
    let store = Store::in_memory();
    let caller = Caller {
        scope: CONSOLE_SCOPE,
        name: None,
        can_manage: true,
    };
    let input = "/article list\n/nonsense\n/article add sample title:\"Trade talks\"\n/article list\nquit\n/article list\n";
    let mut out = Vec::new();
    run_session(&store, &caller, input.as_bytes(), &mut out, false).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("No articles yet"), "{out}");
    assert!(
        out.contains("Error: I don't know the command `nonsense`"),
        "{out}"
    );
    assert!(out.contains("Added “Trade talks” as a1"), "{out}");
    assert_eq!(
        out.matches("2 articles:").count(),
        1,
        "quit stops the session: {out}"
    );
}

#[test]
fn a_newcomer_at_a_terminal_is_offered_the_sample() {
    let caller = Caller {
        scope: CONSOLE_SCOPE,
        name: None,
        can_manage: true,
    };
    let store = Store::in_memory();
    let mut out = Vec::new();
    assert!(offer_sample(&store, &caller, &mut "\n".as_bytes(), &mut out).unwrap());
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("[Y/n]") && text.contains("Added “") && text.contains("Now try:"),
        "{text}"
    );
    assert_eq!(
        store.article_count(CONSOLE_SCOPE),
        crate::commands::SAMPLES.len()
    );

    let store = Store::in_memory();
    let mut out = Vec::new();
    assert!(offer_sample(&store, &caller, &mut "no thanks\n".as_bytes(), &mut out).unwrap());
    assert_eq!(store.article_count(CONSOLE_SCOPE), 0);

    let mut out = Vec::new();
    assert!(offer_sample(&store, &caller, &mut "/article list\n".as_bytes(), &mut out).unwrap());
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("No articles yet. Add one"),
        "a command is run as typed"
    );
    assert!(
        !offer_sample(&store, &caller, &mut "".as_bytes(), &mut Vec::new()).unwrap(),
        "end of input ends the console"
    );
}

#[test]
fn an_over_long_line_is_refused_and_skipped() {
    let store = Store::in_memory_with(crate::config::Limits {
        max_upload_bytes: 10,
        ..Default::default()
    });
    let caller = Caller {
        scope: CONSOLE_SCOPE,
        name: None,
        can_manage: true,
    };
    let input = format!("/search query:{}\n/article list\n", "y".repeat(200_000));
    let mut out = Vec::new();
    run_session(&store, &caller, input.as_bytes(), &mut out, false).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("longer than"), "{out}");
    assert!(out.contains("No articles yet"), "{out}");
}
