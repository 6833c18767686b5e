//! The console end to end: commands piped into the real `newsdesk` binary, on its own
//! data directory; answers cite their article; errors do not stop the session; a
//! restart keeps the articles.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/articles/seed-us-china-rare-earths.txt"
);
const OTHER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/articles/wn-2010-chile-aftershocks.txt"
);

struct Run {
    stdout: String,
    stderr: String,
    success: bool,
}

/// Runs `newsdesk <args>` with `input` on stdin, data in `data`, from an empty working
/// directory (so no stray .env is read).
fn run_with(data: &Path, args: &[&str], input: &str, env: &[(&str, &str)]) -> Run {
    let cwd = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.args(args)
        .current_dir(cwd.path())
        .env("NEWSDESK_DATA_DIR", data)
        .env_remove("DISCORD_TOKEN")
        .env("NEWSDESK_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("the newsdesk binary starts");
    // Feed stdin from its own thread while the output is read, so neither side waits on
    // a full pipe. A child that exits before reading everything (a refused start-up, or
    // `quit` before the end of the input) closes the pipe: that is not a test failure,
    // the output says what happened.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_owned();
    let writer = std::thread::spawn(move || match stdin.write_all(input.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    });
    let out = child.wait_with_output().unwrap();
    writer
        .join()
        .expect("the stdin writer does not panic")
        .expect("stdin is written or closed by the child");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        success: out.status.success(),
    }
}

fn console(data: &Path, input: &str) -> Run {
    run_with(data, &["console"], input, &[])
}

#[test]
fn added_articles_are_acknowledged_listed_and_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let first = console(
        data.path(),
        &format!(
            "/article add file:{SEED} title:\"Rare earths row\"\n/article add file:{OTHER}\n/article list\n"
        ),
    );
    assert!(first.success, "{}", first.stderr);
    assert!(
        first.stdout.contains("Added “Rare earths row” as a1 — "),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains(" words."), "{}", first.stdout);
    assert!(first.stdout.contains("Found: "), "{}", first.stdout);
    assert!(first.stdout.contains(" as a2 — "), "{}", first.stdout);
    assert!(first.stdout.contains("2 articles:"), "{}", first.stdout);

    let second = console(
        data.path(),
        "/article list\n/article show article:a1\n/article remove article:a2\n",
    );
    assert!(second.success, "{}", second.stderr);
    assert!(
        second.stdout.contains("2 articles:") && second.stdout.contains("Rare earths row"),
        "{}",
        second.stdout
    );
    assert!(
        second.stdout.contains("seed-us-china-rare-earths.txt"),
        "show names the source: {}",
        second.stdout
    );
    assert!(second.stdout.contains("Removed "), "{}", second.stdout);

    let third = console(data.path(), "/article list\n");
    assert!(
        third.stdout.contains("1 article:")
            && third.stdout.contains("a1")
            && !third.stdout.contains("a2 "),
        "{}",
        third.stdout
    );
}

#[test]
fn every_answer_cites_its_article_and_sentence() {
    let data = tempfile::tempdir().unwrap();
    let run = console(
        data.path(),
        &format!(
            "/article add file:{SEED} title:\"Rare earths row\"\n/search query:\"rare earth\"\n/summary\n/people article:a1\n/timeline\n"
        ),
    );
    assert!(run.success);
    // A search hit prints the sentence and the article it is from.
    assert!(
        run.stdout.contains("restrictions on rare earth exports"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("— a1 “Rare earths row”"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Key points of “Rare earths row” (a1):"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("People in “Rare earths row” (a1):"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Timeline of “Rare earths row” (a1):"),
        "{}",
        run.stdout
    );
}

#[test]
fn errors_print_a_message_and_the_session_carries_on() {
    let data = tempfile::tempdir().unwrap();
    let run = console(
        data.path(),
        "/who-said\n/bogus thing\n/article add file:/no/such/file.txt\n/key-figures kind:apples\n/article show article:a9\n/article add text:\"The mayor said the bridge would reopen in May.\"\n",
    );
    assert!(run.success, "the console exits cleanly: {}", run.stderr);
    let out = &run.stdout;
    assert!(out.contains("Error: No articles yet"), "{out}");
    assert!(
        out.contains("Error: I don't know the command `bogus`"),
        "{out}"
    );
    assert!(
        out.contains("Error: There is no file /no/such/file.txt"),
        "{out}"
    );
    assert!(
        out.contains("Error: kind: is one of money, percent"),
        "{out}"
    );
    assert!(out.contains("Error: No article `a9` here"), "{out}");
    assert!(
        out.contains("as a1 — "),
        "the last command still ran: {out}"
    );
}

#[test]
fn an_empty_store_offers_the_sample_article() {
    let data = tempfile::tempdir().unwrap();
    let run = console(
        data.path(),
        "/article add sample\n/search query:\"uranium exports\"\n",
    );
    assert!(
        run.stdout.contains("/article add sample"),
        "the hint is on stdout: {}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Added “Australia will not export uranium to India”"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("46,600 tonnes of uranium"),
        "{}",
        run.stdout
    );
    // With an article stored, no hint.
    let again = console(data.path(), "/article list\n");
    assert!(
        !again.stdout.contains("No articles yet"),
        "{}",
        again.stdout
    );
}

#[test]
fn the_main_command_without_a_token_explains_and_opens_the_console() {
    let data = tempfile::tempdir().unwrap();
    let run = run_with(data.path(), &[], "/help\n", &[]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stderr.contains("DISCORD_TOKEN is not set"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("/who-said") && run.stdout.contains("e.g. /key-figures kind:money"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_bad_setting_is_refused_with_its_name() {
    let data = tempfile::tempdir().unwrap();
    let run = run_with(
        data.path(),
        &["console"],
        "/article list\n",
        &[("NEWSDESK_MAX_ARTICLES", "many")],
    );
    assert!(!run.success);
    assert!(
        run.stderr.contains("NEWSDESK_MAX_ARTICLES"),
        "{}",
        run.stderr
    );
}

#[test]
fn limits_from_the_environment_apply_in_the_console() {
    let data = tempfile::tempdir().unwrap();
    let run = run_with(
        data.path(),
        &["console"],
        &format!("/article add file:{SEED}\n/article add file:{OTHER}\n"),
        &[("NEWSDESK_MAX_ARTICLES", "1")],
    );
    assert!(run.stdout.contains("as a1 — "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Error: This server already has 1 article, the most it may keep")
            && run.stdout.contains("NEWSDESK_MAX_ARTICLES"),
        "{}",
        run.stdout
    );
}

#[test]
fn url_articles_are_fetched_from_a_local_server() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let _ = conn.read(&mut buf);
        let body = "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>\
                    <p>The harbour reopened on Tuesday after repairs costing $12 million, officials said.</p>\
                    <p>\"We are open for business,\" said harbour master Lena Berg.</p></article></body></html>";
        let reply = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = conn.write_all(reply.as_bytes());
    });
    let data = tempfile::tempdir().unwrap();
    let run = run_with(
        data.path(),
        &["console"],
        &format!("/article add url:http://127.0.0.1:{port}/harbour\n/search query:harbour\n"),
        &[("NEWSDESK_ALLOW_PRIVATE_URLS", "true")],
    );
    let _ = server.join();
    assert!(
        run.stdout.contains("as a1 — "),
        "stdout: {}\nstderr: {}",
        run.stdout,
        run.stderr
    );
    assert!(
        run.stdout.contains("repairs costing $12 million"),
        "{}",
        run.stdout
    );
    // Without the opt-in, the same private address is refused.
    let refused = console(data.path(), "/article add url:http://127.0.0.1:9/x\n");
    assert!(refused.stdout.starts_with("Error: "), "{}", refused.stdout);
}

#[test]
fn who_said_and_key_figures_on_the_seed_name_the_speakers_and_figures() {
    let data = tempfile::tempdir().unwrap();
    let run = console(
        data.path(),
        &format!("/article add file:{SEED}\n/who-said\n/key-figures\n"),
    );
    assert!(run.success, "{}", run.stderr);
    for expected in ["Wu Xinbo", "Cory Combs", "$660 billion", "over 90%"] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected}:\n{}",
            run.stdout
        );
    }
    // The font-size widget is page furniture, not a figure.
    assert!(!run.stdout.contains("16 px"), "{}", run.stdout);
}

#[test]
fn the_built_in_sample_is_openly_licensed_and_says_so() {
    let sample = include_str!("../data/sample-article.txt");
    let last = sample.trim_end().lines().last().unwrap_or_default();
    assert!(
        last.contains("Wikinews") && last.contains("CC BY 2.5") && last.contains("https://"),
        "the sample ends with its attribution line: {last}"
    );
}

/// The first steps the README and /help give work on the built-in sample, piped: the
/// hint is on standard output, a topic finds statements by their story, the /help
/// example question is answered, and a second copy or a one-word "article" is refused.
#[test]
fn the_documented_first_steps_answer_on_the_sample() {
    let data = tempfile::tempdir().unwrap();
    let run = console(
        data.path(),
        "/help\n/article add sample\n/who-said topic:\"rare earths\"\n/ask question:\"How much trade is at stake?\"\n/who-said topic:uranium\n/ask question:\"What share of the world's uranium does Australia have?\"\n/who-said topic:proliferation\n/article add sample\n/article add text:\"Hi\"\n",
    );
    assert!(run.success, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains("No articles yet") && out.contains("/article add sample"),
        "the hint is on stdout: {out}"
    );
    assert!(
        !out.contains("No statements match"),
        "topic:uranium finds the sample's statements: {out}"
    );
    assert!(
        out.contains("Added “Australia will not export uranium to India” as a1")
            && out.contains("as a2"),
        "both samples are added: {out}"
    );
    assert!(
        out.contains("Ingrid Halvorsen"),
        "topic:\"rare earths\": {out}"
    );
    assert!(
        out.contains("A: about €2.1 billion"),
        "the trade at stake: {out}"
    );
    assert!(out.contains("Alexander Downer"), "{out}");
    assert!(out.contains("A: 30%"), "{out}");
    assert!(
        out.contains("Mohamed ElBaradei"),
        "topic:proliferation finds non-proliferation: {out}"
    );
    assert!(out.contains("already added as a1"), "{out}");
    assert!(out.contains("too short to be an article"), "{out}");
}
