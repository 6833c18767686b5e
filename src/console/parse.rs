//! Reading a console line: tokens (bare words, `name:value` options, quoted values)
//! and the command they make, checked against each command's options.

use crate::commands::{COMMANDS, Command, Content};
use crate::error::{Error, Result};
use crate::model::FigureKind;

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
            let bare = o.take("source");
            if let (Some(s), false) = (&bare, sources.is_empty()) {
                // `url:not a url`: the words after an unquoted value read as a file name.
                return Err(Error::BadInput(format!(
                    "“{}” was read as a second article after the first option. Put a value with spaces in \
                     quotes — url:\"…\", text:\"…\", file:\"…\" — and give one article per /article add.",
                    s.trim()
                )));
            }
            if let Some(s) = bare {
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
