//! The console: the bot's commands, one per line, from a terminal or a pipe, answered
//! as plain text (`render::text`) from the store in `NEWSDESK_DATA_DIR`.
//!
//! A line is a command and its options, as in Discord: `/who-said topic:"rare earths"`.
//! Values with spaces are quoted ("…", '…' or “…”; `\"`, `\\` and `\n` work inside
//! double quotes). A command's main option may also be given bare: `/ask Who is Wu
//! Xinbo?`, `/article show a1`, `/article add sample`. In the console `file:` is a local
//! path. Errors print their message and the console carries on; `quit` (or end of input)
//! leaves.

mod parse;
#[cfg(test)]
mod tests;

pub use parse::{Input, parse_line};

use crate::commands::{self, Caller, Command, Content};
use crate::config::{Config, human_size, vars};
use crate::error::{Error, Result};
use crate::render;
use crate::store::{Scope, Store};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::Path;

/// The scope console commands act on: the console's own user.
pub const CONSOLE_SCOPE: Scope = Scope::User(0);

/// Runs the console on standard input and output with settings from the environment.
pub fn run() -> Result<()> {
    let config = Config::try_from_env()?;
    let (store, report) = Store::open_with(
        &config.data_dir,
        config.limits.clone(),
        config.compact_every,
    )?;
    let interactive = std::io::stdin().is_terminal();
    let mut input = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    let caller = Caller {
        scope: CONSOLE_SCOPE,
        name: std::env::var("USER").ok(),
        can_manage: true,
    };
    let empty = store.article_count(CONSOLE_SCOPE) == 0;
    if interactive {
        let _ = writeln!(
            out,
            "newsdesk console — the bot's commands, typed here. {} article{} in {} (loaded in {:.1} s).\n\
             Type /help for the commands, quit (or Ctrl-D) to leave.",
            report.articles,
            if report.articles == 1 { "" } else { "s" },
            config.data_dir.display(),
            report.seconds
        );
        if empty && !offer_sample(&store, &caller, &mut input, &mut out)? {
            return Ok(());
        }
    } else if empty {
        // On standard output, with the answers: a piped session shows it where it reads.
        let _ = writeln!(
            out,
            "No articles yet. To try newsdesk on the built-in samples (a Wikinews story on Australian uranium exports, CC BY 2.5, \
             and an example story on the rare earths trade), send `/article add sample`, then /who-said or /key-figures."
        );
    }
    run_session(&store, &caller, input, &mut out, interactive)
}

/// For a newcomer at a terminal with an empty store: offers to load the sample article.
/// Returns false when the input ended.
fn offer_sample(
    store: &Store,
    caller: &Caller,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    let _ = write!(
        out,
        "\nNo articles yet. Load the built-in samples (a Wikinews story on Australian uranium exports, CC BY 2.5, and an \
         example story on the rare earths trade) to try the commands? [Y/n] "
    );
    let _ = out.flush();
    let answer = match read_line_limited(input, 64 * 1024)? {
        None => return Ok(false),
        Some(Line::TooLong) => String::new(),
        Some(Line::Text(a)) => a,
    };
    let answer = answer.trim();
    if answer.starts_with('/') || matches!(answer, "quit" | "exit") {
        // They went straight to a command: run it.
        return Ok(handle_line(store, caller, answer, out) != Flow::Quit);
    }
    if answer.is_empty() || answer.to_lowercase().starts_with('y') {
        handle_line(store, caller, "/article add sample", out);
        say(
            out,
            "\nNow try:\n  /who-said topic:\"rare earths\"\n  /key-figures kind:money\n  /people\n  \
             /ask question:\"How much trade is at stake?\"\nand add your own with \
             /article add file:path/to/article.html (or text:\"…\", url:https://…).\n",
        );
    } else {
        say(
            out,
            "Add an article with /article add file:path/to/article.html, text:\"…\" or url:https://… — /help lists everything.\n",
        );
    }
    Ok(true)
}

/// Reads commands from `input` until `quit` or its end, writing answers to `out`.
pub fn run_session(
    store: &Store,
    caller: &Caller,
    mut input: impl BufRead,
    out: &mut impl Write,
    prompt: bool,
) -> Result<()> {
    let max_line = store
        .limits()
        .max_upload_bytes
        .saturating_mul(2)
        .saturating_add(64 * 1024);
    loop {
        if prompt {
            let _ = write!(out, "newsdesk> ");
            let _ = out.flush();
        }
        let line = match read_line_limited(&mut input, max_line)? {
            None => break,
            Some(Line::TooLong) => {
                say(
                    out,
                    &format!(
                        "Error: that line is longer than {}, more than any article may be. Add long articles with \
                         file: (an admin can raise {}).",
                        human_size(max_line),
                        vars::MAX_UPLOAD_BYTES
                    ),
                );
                continue;
            }
            Some(Line::Text(l)) => l,
        };
        match handle_line(store, caller, &line, out) {
            Flow::Quit => break,
            Flow::Skipped => continue,
            Flow::Answered => {
                if prompt {
                    let _ = writeln!(out);
                }
            }
        }
    }
    if prompt {
        let _ = writeln!(out, "Bye.");
    }
    Ok(())
}

#[derive(Debug, PartialEq)]
enum Flow {
    Answered,
    Skipped,
    Quit,
}

/// Runs one console line and prints its answer or error.
fn handle_line(store: &Store, caller: &Caller, line: &str, out: &mut impl Write) -> Flow {
    let parsed = match parse_line(line) {
        Ok(None) => return Flow::Skipped,
        Ok(Some(Input::Quit)) => return Flow::Quit,
        Ok(Some(Input::Command(c))) => load_local_file(c, store),
        Err(e) => Err(e),
    };
    let answer = parsed.and_then(|command| {
        // A bug in one command must not end the session (the panic message still goes
        // to standard error).
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            commands::execute(store, caller, command)
        }))
        .unwrap_or_else(|_| {
            Err(Error::BadInput(
                "That command hit a bug in newsdesk; please report it. The console carries on."
                    .into(),
            ))
        })
    });
    match answer {
        Ok(resp) => say(out, &render::text::response(&resp)),
        Err(e) => say(out, &format!("Error: {e}")),
    }
    Flow::Answered
}

fn say(out: &mut impl Write, text: &str) {
    // A closed pipe is not worth dying over; the next read ends the session anyway.
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

enum Line {
    Text(String),
    TooLong,
}

/// One line (without its end), lossily decoded; `TooLong` (rest of the line skipped)
/// when it exceeds `max` bytes; `None` at the end of input.
fn read_line_limited(input: &mut impl BufRead, max: usize) -> Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut too_long = false;
    let mut saw_any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        if chunk.is_empty() {
            break;
        }
        saw_any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > max + 1 {
                too_long = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        input.consume(take);
        if done {
            break;
        }
    }
    if !saw_any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(Line::TooLong));
    }
    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        buf.pop();
    }
    Ok(Some(Line::Text(String::from_utf8_lossy(&buf).into_owned())))
}

/// Fills in the bytes of a console `file:` path (a local file, within the upload limit).
fn load_local_file(command: Command, store: &Store) -> Result<Command> {
    match command {
        Command::ArticleAdd {
            content: Content::File { name, bytes },
            title,
        } if bytes.is_empty() => {
            let bytes = read_local_file(&name, store.limits().max_upload_bytes)?;
            let display = Path::new(&name)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or(name);
            Ok(Command::ArticleAdd {
                content: Content::File {
                    name: display,
                    bytes,
                },
                title,
            })
        }
        other => Ok(other),
    }
}

fn read_local_file(path: &str, max_upload: usize) -> Result<Vec<u8>> {
    let expanded = match path.strip_prefix("~/") {
        Some(rest) => std::env::var("HOME")
            .map(|h| format!("{h}/{rest}"))
            .unwrap_or_else(|_| path.to_string()),
        None => path.to_string(),
    };
    let not_readable = |e: std::io::Error| {
        Error::BadInput(match e.kind() {
            std::io::ErrorKind::NotFound => format!(
                "There is no file {path}. Check the path (it is relative to {}).",
                cwd()
            ),
            std::io::ErrorKind::PermissionDenied => {
                format!("I may not read {path} (permission denied).")
            }
            _ => format!("I could not read {path}: {e}."),
        })
    };
    let file = std::fs::File::open(&expanded).map_err(not_readable)?;
    let meta = file.metadata().map_err(not_readable)?;
    if meta.is_dir() {
        return Err(Error::BadInput(format!(
            "{path} is a directory. Give one article file (.txt, .md or .html)."
        )));
    }
    // Markup may shrink by decoding, so read up to four times the text limit; the store
    // checks the decoded text against the limit itself.
    let cap = max_upload.saturating_mul(4);
    let mut bytes = Vec::with_capacity(meta.len().min(cap as u64) as usize);
    file.take(cap as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(not_readable)?;
    if bytes.len() > cap {
        // The file's own size, not the read cap, so the two numbers never disagree.
        return Err(Error::Limit(format!(
            "{path} is {}, too big for an article: the limit is {} of text. An admin can raise it with {}.",
            human_size(meta.len().max(bytes.len() as u64) as usize),
            human_size(max_upload),
            vars::MAX_UPLOAD_BYTES
        )));
    }
    Ok(bytes)
}

fn cwd() -> String {
    std::env::current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_else(|_| "the current directory".into())
}
