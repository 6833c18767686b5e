//! The `newsdesk` command line: the bot (default), the console, and the engine's
//! `extract` and `ask` commands.

use clap::{Parser, Subcommand};
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::{analyze, render};
use std::io::{Read, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "newsdesk",
    version,
    about = "Reads news articles for your team: who said what, key figures, people, timeline."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze one article and print what was found.
    Extract {
        /// Print one JSON object (the eval schema) instead of text.
        #[arg(long)]
        json: bool,
        /// Print every finding with the rules that produced and typed it (with --json:
        /// add a `rules` list to every finding). NEWSDESK_RULES=-stage.rule,… switches
        /// rules off; `newsdesk rules` lists them.
        #[arg(long)]
        explain: bool,
        /// Title to use instead of the one found in the article.
        #[arg(long)]
        title: Option<String>,
        /// The article file (.txt, .md, .html), or - for standard input.
        file: String,
    },
    /// Answer a question from one or more article files.
    Ask {
        /// Article files (.txt, .md, .html).
        #[arg(required = true)]
        files: Vec<String>,
        /// The question, after `--`.
        #[arg(last = true, required = true)]
        question: Vec<String>,
    },
    /// List the engine's rules (the names NEWSDESK_RULES and --explain use).
    Rules,
    /// Run the same commands as the bot in a terminal, one per line.
    Console,
    /// Run the Discord bot (needs DISCORD_TOKEN).
    Bot,
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

fn finish(result: newsdesk::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsdesk: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes `text` to standard output. A reader that stops early (`newsdesk extract FILE | head`)
/// closes the pipe; that is a normal end, not an error, so it exits quietly with success.
/// Other write errors (a full disk) are reported.
fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsdesk: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_bot() -> newsdesk::Result<()> {
    let config = newsdesk::config::Config::from_env();
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(newsdesk::bot::run(config))
}

/// Reads and ingests one article file (or `-`); the error is the line to print after
/// "newsdesk: ".
fn load_document(file: &str, title: Option<String>) -> Result<newsdesk::Document, String> {
    let bytes = read_input(file)?;
    let opts = IngestOptions {
        name_hint: Some(file.to_string()),
        title,
    };
    ingest(&bytes, &opts).map_err(|e| format!("{file}: {e}"))
}

/// `newsdesk ask FILE... -- QUESTION`: load the files, answer from them, print the
/// answer with its evidence. "Not in the articles" is an answer too (exit 0).
fn run_ask(files: &[String], question: &str) -> ExitCode {
    let mut articles = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let doc = match load_document(file, None) {
            Ok(d) => d,
            Err(message) => {
                eprintln!("newsdesk: {message}");
                return ExitCode::from(2);
            }
        };
        let analysis = analyze::analyze(&doc);
        articles.push(newsdesk::model::Article {
            id: format!("a{}", i + 1),
            added_at: chrono::Utc::now(),
            added_by: None,
            origin: file.clone(),
            doc,
            analysis,
        });
    }
    let refs: Vec<&newsdesk::model::Article> = articles.iter().collect();
    let started = std::time::Instant::now();
    let answer = newsdesk::query::ask(&refs, question);
    tracing::info!(
        "answered from {} articles in {:?}",
        refs.len(),
        started.elapsed()
    );
    let mut out = String::new();
    let (head, evidence) = match answer {
        newsdesk::query::AskAnswer::Found { answer, evidence } => (answer, evidence),
        newsdesk::query::AskAnswer::Unsure { message, evidence } => (message, evidence),
        newsdesk::query::AskAnswer::NotFound { message } => (message, Vec::new()),
    };
    out.push_str(&format!("{head}\n"));
    for e in evidence {
        let origin = articles
            .iter()
            .find(|a| a.id == e.article_id)
            .map_or("", |a| a.origin.as_str());
        out.push_str(&format!("  — “{}”\n", e.sentence));
        out.push_str(&format!(
            "    ({}, {}, sentence {})\n",
            e.article_title,
            origin,
            e.sentence_index + 1
        ));
    }
    emit(&out)
}

/// Input size (bytes) from which `extract` builds the engine's tables on a spare core.
const WARM_UP_FROM: u64 = 64 * 1024;

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("NEWSDESK_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    if let Err(message) = analyze::rules::configure_from_env() {
        eprintln!("newsdesk: {message}");
        return ExitCode::from(2);
    }
    match cli.command {
        Some(Command::Rules) => {
            print!("{}", render::explain::rules_listing());
            ExitCode::SUCCESS
        }
        Some(Command::Extract {
            json,
            explain,
            title,
            file,
        }) => {
            // For a long input the engine's one-time tables are built on a spare core
            // while this thread reads and cleans it (the run's result does not change).
            // A short one is read at once: building them in parallel would only add the
            // second thread's cost.
            let len = std::fs::metadata(&file).map_or(0, |m| m.len());
            let long = len >= WARM_UP_FROM;
            let len = usize::try_from(len).unwrap_or(usize::MAX);
            // The heap kept to the exit and on huge pages: fewer page faults for a
            // process that reads one long document and ends.
            if long {
                newsdesk::heap::prefer_large_pages(len);
            }
            if long && newsdesk::parallel::max_helpers() > 0 {
                std::thread::spawn(|| {
                    newsdesk::heap::helper_started();
                    analyze::warm_up()
                });
            }
            let doc = match load_document(&file, title) {
                Ok(d) => d,
                Err(message) => {
                    eprintln!("newsdesk: {message}");
                    return ExitCode::from(2);
                }
            };
            // Shown, not stored: no fingerprint (only the store reads it).
            let analysis = analyze::analyze_to_show(&doc);
            if json {
                let mut text = render::json::extract_json_text(&doc, &analysis, explain);
                text.push('\n');
                // The process ends next: the OS takes the document and its analysis back
                // at once, instead of a free per string.
                std::mem::forget((doc, analysis));
                emit(&text)
            } else if explain {
                emit(&render::explain::explain_report(&doc, &analysis))
            } else {
                emit(&render::report::extract_report(&doc, &analysis))
            }
        }
        Some(Command::Ask { files, question }) => run_ask(&files, &question.join(" ")),
        Some(Command::Console) => finish(newsdesk::console::run()),
        Some(Command::Bot) => finish(run_bot()),
        None => {
            if std::env::var("DISCORD_TOKEN").is_ok_and(|t| !t.trim().is_empty()) {
                finish(run_bot())
            } else {
                eprintln!(
                    "DISCORD_TOKEN is not set, so the Discord bot is not started (put it in .env to run the bot; \
                     see .env.example).\nOpening the console instead: the bot's commands, typed here. \
                     `newsdesk console` opens it directly."
                );
                finish(newsdesk::console::run())
            }
        }
    }
}
