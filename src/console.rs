//! The console: the bot's commands, one per line, from a terminal or a pipe, answered
//! as plain text (`render::text`) from the store in `NEWSDESK_DATA_DIR`.
//!
//! A line is a command and its options, as in Discord: `/who-said topic:"rare earths"`.
//! Values with spaces are quoted ("…", '…' or “…”; `\"`, `\\` and `\n` work inside
//! double quotes). A command's main option may also be given bare: `/ask Who is Wu
//! Xinbo?`, `/article show a1`, `/article add sample`. In the console `file:` is a local
//! path. Errors print their message and the console carries on; `quit` (or end of input)
//! leaves.

use crate::commands::{self, COMMANDS, Caller, Command, Content};
use crate::config::{Config, human_size, vars};
use crate::error::{Error, Result};
use crate::model::FigureKind;
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
        eprintln!(
            "No articles yet. To try newsdesk on a built-in sample (a Reuters report on US–China trade talks), \
             send `/article add sample`, then /who-said or /key-figures."
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
        "\nNo articles yet. Load the built-in sample (a Reuters report on US–China trade talks and rare earths) \
         to try the commands? [Y/n] "
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
             /ask question:\"What share of rare earths does China refine?\"\nand add your own with \
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

/// What a console line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Command(Command),
    Quit,
}

/// Parses one console line; `None` for a blank line or a `#` comment. A `file:` path
/// comes back as `Content::File` with no bytes yet (the console reads it).
pub fn parse_line(line: &str) -> Result<Option<Input>> {
    let line = line.trim().trim_start_matches('\u{feff}');
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let tokens = tokenize(line)?;
    let words: Vec<String> = tokens
        .iter()
        .take(2)
        .filter_map(|t| t.bare())
        .map(|w| w.trim_start_matches('/').to_lowercase())
        .collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    if matches!(first, "quit" | "exit" | "q") && tokens.len() == 1 {
        return Ok(Some(Input::Quit));
    }
    // Two-word commands: /article add|list|show|remove, /briefing post|preview.
    let (name, used) = match (first, words.get(1).map(String::as_str)) {
        ("article", Some(sub @ ("add" | "list" | "show" | "remove"))) => {
            (format!("article {sub}"), 2)
        }
        ("briefing", Some(sub @ ("post" | "preview"))) => (format!("briefing {sub}"), 2),
        ("article", _) => {
            return Err(Error::BadInput(
                "Say what to do with articles: /article add, list, show or remove.".into(),
            ));
        }
        ("briefing", _) => {
            return Err(Error::BadInput(
                "In the console /briefing post and /briefing preview work; scheduling briefings is done in Discord.".into(),
            ));
        }
        (w, _) => (w.to_string(), 1),
    };
    let spec = SPECS
        .iter()
        .find(|s| s.name == name || s.aliases.contains(&name.as_str()))
        .ok_or_else(|| {
            let shown: String = name.chars().take(40).collect();
            Error::BadInput(format!(
                "I don't know the command `{shown}`. Type /help for the list."
            ))
        })?;
    let mut options = Options::default();
    let mut positional: Vec<String> = Vec::new();
    for token in tokens.into_iter().skip(used) {
        match token {
            Token::Option { name, value }
                if spec.options.contains(&name.to_lowercase().as_str()) =>
            {
                let key = name.to_lowercase();
                if options.get(&key).is_some() {
                    return Err(Error::BadInput(format!(
                        "The option {key}: is given twice."
                    )));
                }
                options.0.push((key, value));
            }
            // Free-text questions may contain colons ("3:1"); elsewhere an unknown
            // option is a typo worth pointing out.
            Token::Option { name, .. } if !matches!(spec.main, Some("question" | "query")) => {
                let shown: String = name.chars().take(40).collect();
                return Err(Error::BadInput(format!(
                    "/{} has no option `{shown}:`. {}",
                    spec.name,
                    describe_options(spec)
                )));
            }
            other => positional.push(other.raw()),
        }
    }
    if !positional.is_empty() {
        let Some(main) = spec.main else {
            return Err(Error::BadInput(format!(
                "I don't understand `{}` after /{}. {}",
                positional.join(" ").chars().take(60).collect::<String>(),
                spec.name,
                describe_options(spec)
            )));
        };
        if options.get(main).is_some() {
            return Err(Error::BadInput(format!(
                "I don't understand `{}`: {main}: is already given. {}",
                positional.join(" ").chars().take(60).collect::<String>(),
                describe_options(spec)
            )));
        }
        options.0.push((main.to_string(), positional.join(" ")));
    }
    build(spec, options).map(|c| Some(Input::Command(c)))
}

fn build(spec: &Spec, mut o: Options) -> Result<Command> {
    let command = match spec.name {
        "article add" => {
            let title = o.take("title");
            let mut sources = Vec::new();
            if let Some(f) = o.take("file") {
                sources.push(Content::File {
                    name: f,
                    bytes: Vec::new(),
                });
            }
            if let Some(t) = o.take("text") {
                sources.push(Content::Text(t));
            }
            if let Some(u) = o.take("url") {
                sources.push(Content::Url(u));
            }
            if let Some(s) = o.take("source") {
                if s.trim().eq_ignore_ascii_case("sample") {
                    sources.push(Content::Sample);
                } else {
                    // A bare path is the friendliest reading of `/article add x.html`.
                    sources.push(Content::File {
                        name: s,
                        bytes: Vec::new(),
                    });
                }
            }
            if sources.len() > 1 {
                return Err(Error::BadInput(
                    "Give only one of file:, text: or url: per /article add.".into(),
                ));
            }
            let content = sources.pop().ok_or_else(|| {
                Error::BadInput(
                    "Say what to add: /article add file:path/to/article.html, text:\"…\", url:https://…, or \
                     /article add sample for the built-in sample."
                        .into(),
                )
            })?;
            Command::ArticleAdd { content, title }
        }
        "article list" => Command::ArticleList {
            page: match o.take("page") {
                None => 0,
                Some(p) => p
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|p| *p >= 1)
                    .map(|p| p - 1)
                    .ok_or_else(|| {
                        Error::BadInput(format!("page: takes a page number from 1, not `{p}`."))
                    })?,
            },
        },
        "article show" => Command::ArticleShow {
            article: required(&mut o, "article", "/article show article:a1")?,
        },
        "article remove" => Command::ArticleRemove {
            article: required(&mut o, "article", "/article remove article:a1")?,
        },
        "who-said" => Command::WhoSaid {
            topic: o.take("topic"),
            speaker: o.take("speaker"),
            article: o.take("article"),
        },
        "key-figures" => Command::KeyFigures {
            article: o.take("article"),
            kind: match o.take("kind") {
                None => None,
                Some(k) => Some(FigureKind::parse(&k).ok_or_else(|| {
                    let kinds: Vec<&str> = FigureKind::ALL.iter().map(|k| k.as_str()).collect();
                    Error::BadInput(format!(
                        "kind: is one of {}, not `{}`.",
                        kinds.join(", "),
                        k.chars().take(40).collect::<String>()
                    ))
                })?),
            },
        },
        "people" => Command::People {
            article: o.take("article"),
        },
        "timeline" => Command::Timeline {
            article: o.take("article"),
        },
        "summary" => Command::Summary {
            article: o.take("article"),
        },
        "ask" => Command::Ask {
            question: required(&mut o, "question", "/ask question:\"Who is Wu Xinbo?\"")?,
            article: o.take("article"),
        },
        "search" => Command::Search {
            query: required(&mut o, "query", "/search query:\"export controls\"")?,
        },
        "briefing post" => Command::BriefingPost {
            channel: o.take("channel"),
            since: o.take("since"),
            topic: o.take("topic"),
        },
        "briefing preview" => Command::BriefingPreview {
            since: o.take("since"),
            topic: o.take("topic"),
        },
        _ => Command::Help,
    };
    Ok(command)
}

fn required(o: &mut Options, name: &str, example: &str) -> Result<String> {
    o.take(name)
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| Error::BadInput(format!("This command needs {name}:, e.g. {example}")))
}

fn describe_options(spec: &Spec) -> String {
    if spec.options.is_empty() {
        return "It takes no options.".to_string();
    }
    let names: Vec<String> = spec
        .options
        .iter()
        .filter(|o| **o != "source")
        .map(|o| format!("{o}:"))
        .collect();
    let example = COMMANDS
        .iter()
        .find(|c| c.name.trim_start_matches('/') == spec.name)
        .map(|c| c.example);
    match example {
        Some(e) => format!("Its options are {}; e.g. {e}", names.join(", ")),
        None => format!("Its options are {}.", names.join(", ")),
    }
}

/// A console command: its name, the options it takes, and which option bare words fill.
struct Spec {
    name: &'static str,
    aliases: &'static [&'static str],
    options: &'static [&'static str],
    main: Option<&'static str>,
}

const SPECS: &[Spec] = &[
    Spec {
        name: "article add",
        aliases: &[],
        options: &["file", "text", "url", "title", "source"],
        main: Some("source"),
    },
    Spec {
        name: "article list",
        aliases: &[],
        options: &["page"],
        main: Some("page"),
    },
    Spec {
        name: "article show",
        aliases: &[],
        options: &["article"],
        main: Some("article"),
    },
    Spec {
        name: "article remove",
        aliases: &[],
        options: &["article"],
        main: Some("article"),
    },
    Spec {
        name: "who-said",
        aliases: &["whosaid", "who"],
        options: &["topic", "speaker", "article"],
        main: Some("topic"),
    },
    Spec {
        name: "key-figures",
        aliases: &["figures", "keyfigures"],
        options: &["article", "kind"],
        main: Some("kind"),
    },
    Spec {
        name: "people",
        aliases: &[],
        options: &["article"],
        main: Some("article"),
    },
    Spec {
        name: "timeline",
        aliases: &[],
        options: &["article"],
        main: Some("article"),
    },
    Spec {
        name: "summary",
        aliases: &[],
        options: &["article"],
        main: Some("article"),
    },
    Spec {
        name: "ask",
        aliases: &[],
        options: &["question", "article"],
        main: Some("question"),
    },
    Spec {
        name: "search",
        aliases: &[],
        options: &["query"],
        main: Some("query"),
    },
    Spec {
        name: "briefing post",
        aliases: &[],
        options: &["channel", "since", "topic"],
        main: None,
    },
    Spec {
        name: "briefing preview",
        aliases: &[],
        options: &["since", "topic"],
        main: None,
    },
    Spec {
        name: "help",
        aliases: &["?", "h"],
        options: &[],
        main: None,
    },
];

#[derive(Default)]
struct Options(Vec<(String, String)>);

impl Options {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn take(&mut self, name: &str) -> Option<String> {
        let i = self.0.iter().position(|(k, _)| k == name)?;
        Some(self.0.remove(i).1)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A word with no `name:` prefix, as written (quotes removed).
    Bare(String),
    Option {
        name: String,
        value: String,
    },
}

impl Token {
    fn bare(&self) -> Option<&str> {
        match self {
            Token::Bare(w) => Some(w),
            Token::Option { .. } => None,
        }
    }
    /// The token as a word of free text (for bare words such as a question).
    fn raw(self) -> String {
        match self {
            Token::Bare(w) => w,
            Token::Option { name, value } => format!("{name}:{value}"),
        }
    }
}

/// Splits a line into bare words and `name:value` options; values may be quoted.
fn tokenize(line: &str) -> Result<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let mut word = String::new();
        let mut name: Option<String> = None;
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            if let Some(close) = closing_quote(c) {
                chars.next();
                word.push_str(&read_quoted(&mut chars, c, close)?);
                continue;
            }
            chars.next();
            if c == ':' && name.is_none() && is_option_name(&word) {
                name = Some(std::mem::take(&mut word));
                continue;
            }
            word.push(c);
        }
        tokens.push(match name {
            Some(name) => Token::Option { name, value: word },
            None => Token::Bare(word),
        });
    }
    Ok(tokens)
}

fn is_option_name(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 32
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn closing_quote(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '\'' => Some('\''),
        '“' => Some('”'),
        '„' => Some('“'),
        '«' => Some('»'),
        _ => None,
    }
}

fn read_quoted(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    open: char,
    close: char,
) -> Result<String> {
    let mut value = String::new();
    while let Some(c) = chars.next() {
        if c == close || (open == '“' && c == '"') {
            return Ok(value);
        }
        if c == '\\' && open == '"' {
            match chars.next() {
                Some('n') => value.push('\n'),
                Some('t') => value.push('\t'),
                Some(other) => value.push(other),
                None => value.push('\\'),
            }
            continue;
        }
        value.push(c);
    }
    Err(Error::BadInput(format!(
        "A quote {open} is not closed. Close it with {close}."
    )))
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
        return Err(Error::Limit(format!(
            "{path} is over {}, too big for an article (the limit is {} of text). An admin can raise it with {}.",
            human_size(cap),
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

#[cfg(test)]
mod tests {
    use super::*;

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
            out.matches("1 article:").count(),
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
        assert_eq!(store.article_count(CONSOLE_SCOPE), 1);

        let store = Store::in_memory();
        let mut out = Vec::new();
        assert!(offer_sample(&store, &caller, &mut "no thanks\n".as_bytes(), &mut out).unwrap());
        assert_eq!(store.article_count(CONSOLE_SCOPE), 0);

        let mut out = Vec::new();
        assert!(
            offer_sample(&store, &caller, &mut "/article list\n".as_bytes(), &mut out).unwrap()
        );
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
}
