//! The commands users run — the same set in Discord and in the console — as plain data,
//! and their execution against the store and the query layer. Front ends parse their
//! own input into a `Command`, call `execute`, and render the `Response`
//! (`render::text` for the console and CLI, `render::discord` for the bot).
//!
//! [`COMMANDS`] describes every command once (what it does, an example), for `/help`
//! in both front ends.

use crate::briefing::{self, Digest};
use crate::error::{Error, Result};
use crate::model::{Article, FigureKind};
use crate::query::{
    self, AskAnswer, Evidence, FigureHit, PersonHit, SearchHit, SpeakerStatements, TimelineEntry,
};
use crate::store::{AddChecks, NewArticle, Scope, Store};
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// One article of the built-in sample set.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// Its title unless the user gives one.
    pub title: &'static str,
    /// Its text, with its licence line last.
    pub text: &'static str,
}

/// The built-in samples offered to newcomers (`/article add sample` adds them all; see
/// data/README.md): a Wikinews story on Australian uranium exports (CC BY 2.5,
/// attribution at the end of the text) and an example trade story written for newsdesk
/// (people, companies and figures invented; the project's licence).
pub const SAMPLES: &[Sample] = &[
    Sample {
        title: "Australia will not export uranium to India",
        text: include_str!("../data/sample-article.txt"),
    },
    Sample {
        title: "Magnet makers warn of rare earths squeeze as export permits stall",
        text: include_str!("../data/sample-article-2.txt"),
    },
];
/// The first sample's text (the Wikinews story).
pub const SAMPLE_ARTICLE: &str = SAMPLES[0].text;
/// The origin recorded for a sample article.
pub const SAMPLE_ORIGIN: &str = "built-in sample article";

/// Where an article's content comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// An uploaded or local file: its name and bytes.
    File {
        name: String,
        bytes: Vec<u8>,
    },
    Text(String),
    Url(String),
    /// The built-in sample articles ([`SAMPLES`]).
    Sample,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    ArticleAdd {
        content: Content,
        title: Option<String>,
    },
    ArticleList {
        page: usize,
    },
    ArticleShow {
        article: String,
    },
    ArticleRemove {
        article: String,
    },
    WhoSaid {
        topic: Option<String>,
        speaker: Option<String>,
        article: Option<String>,
    },
    KeyFigures {
        article: Option<String>,
        kind: Option<FigureKind>,
    },
    People {
        article: Option<String>,
    },
    Timeline {
        article: Option<String>,
    },
    Summary {
        article: Option<String>,
    },
    Ask {
        question: String,
        article: Option<String>,
    },
    Search {
        query: String,
    },
    /// A digest of recent articles for a channel (the front end posts it). `channel` is
    /// a channel id or mention (`<#123>`), or a console label; `since` as in
    /// `briefing::parse_since`; default: since that channel's last briefing, else 24h.
    BriefingPost {
        channel: Option<String>,
        since: Option<String>,
        topic: Option<String>,
    },
    /// The same digest, shown only to the caller; default period 24h.
    BriefingPreview {
        since: Option<String>,
        topic: Option<String>,
    },
    Help,
}

/// A command's answer, structured; `render::text` and `render::discord` turn it into output.
#[derive(Debug, Clone)]
pub enum Response {
    Added {
        article: Arc<Article>,
    },
    /// `/article add sample`: the sample articles this call added (at least one).
    AddedSamples {
        articles: Vec<Arc<Article>>,
    },
    List {
        articles: Vec<Arc<Article>>,
        page: usize,
    },
    Show {
        article: Arc<Article>,
    },
    Removed {
        article: Arc<Article>,
    },
    WhoSaid {
        groups: Vec<SpeakerStatements>,
    },
    /// The best figures, and how many there are in all (`figures` may hold fewer).
    KeyFigures {
        figures: Vec<FigureHit>,
        total: usize,
    },
    People {
        article: Arc<Article>,
        people: Vec<PersonHit>,
    },
    Timeline {
        article: Arc<Article>,
        entries: Vec<TimelineEntry>,
    },
    Summary {
        article: Arc<Article>,
        points: Vec<Evidence>,
    },
    Ask {
        question: String,
        answer: AskAnswer,
    },
    Search {
        query: String,
        hits: Vec<SearchHit>,
    },
    /// A plain message (e.g. a feature that is not available in this front end yet).
    Notice {
        message: String,
    },
    /// Render with `briefing::render::text` or `briefing::render::discord_messages`.
    Briefing {
        digest: Box<Digest>,
        channel: Option<u64>,
    },
    Help,
}

/// Who runs a command, as far as permissions go.
#[derive(Debug, Clone)]
pub struct Caller {
    pub scope: Scope,
    pub name: Option<String>,
    /// Holds Manage Messages (or is in DMs / the console).
    pub can_manage: bool,
}

/// One command's help: its name as typed, what it does, and an example.
#[derive(Debug, Clone, Copy)]
pub struct CommandHelp {
    pub name: &'static str,
    pub what: &'static str,
    pub example: &'static str,
}

/// Every command, in the order `/help` lists them.
pub const COMMANDS: &[CommandHelp] = &[
    CommandHelp {
        name: "/article add",
        what: "Add an article from a file (.txt, .md, .html), pasted text or a web page; optional title. `/article add sample` (in Discord `sample:True`) loads the built-in sample articles to try the other commands on.",
        example: "/article add sample",
    },
    CommandHelp {
        name: "/article list",
        what: "List this server's articles with their ids.",
        example: "/article list",
    },
    CommandHelp {
        name: "/article show",
        what: "Show one article: its source, size and what was found in it.",
        example: "/article show article:a1",
    },
    CommandHelp {
        name: "/article remove",
        what: "Remove an article (needs Manage Messages).",
        example: "/article remove article:a1",
    },
    CommandHelp {
        name: "/who-said",
        what: "Statements grouped by speaker, with role, quote and source; filter by topic, speaker, article.",
        example: "/who-said topic:\"rare earths\"",
    },
    CommandHelp {
        name: "/key-figures",
        what: "The numbers that matter (money, percent, count, quantity, ratio, rank, age, score, year-span).",
        example: "/key-figures kind:money",
    },
    CommandHelp {
        name: "/people",
        what: "Who is named in an article, with their roles.",
        example: "/people article:a1",
    },
    CommandHelp {
        name: "/timeline",
        what: "The dates an article mentions, in order.",
        example: "/timeline article:a1",
    },
    CommandHelp {
        name: "/summary",
        what: "An article's key points, in its own sentences.",
        example: "/summary article:a1",
    },
    CommandHelp {
        name: "/ask",
        what: "Ask a question; the answer quotes the sentence it comes from.",
        example: "/ask question:\"How much trade is at stake?\"",
    },
    CommandHelp {
        name: "/search",
        what: "Find sentences across all articles.",
        example: "/search query:\"uranium exports\"",
    },
    CommandHelp {
        name: "/briefing post",
        what: "Post a digest of the articles added since the channel's last briefing: key points, quotes, figures, and figures that disagree.",
        example: "/briefing post since:24h topic:\"rare earths\"",
    },
    CommandHelp {
        name: "/briefing preview",
        what: "See the digest yourself before posting it (default: the last 24 hours).",
        example: "/briefing preview since:7d",
    },
    CommandHelp {
        name: "/help",
        what: "This list.",
        example: "/help",
    },
];

/// Runs a command. Blocking (ingest, analysis and URL fetches run inline): async
/// callers use `spawn_blocking`.
pub fn execute(store: &Store, caller: &Caller, command: Command) -> Result<Response> {
    let scope = caller.scope;
    match command {
        Command::ArticleAdd { content, title } => add_article(store, caller, content, title),
        Command::ArticleList { page } => Ok(Response::List {
            articles: store.articles(scope),
            page,
        }),
        Command::ArticleShow { article } => Ok(Response::Show {
            article: store.find_article(scope, &article)?,
        }),
        Command::ArticleRemove { article } => {
            if !caller.can_manage {
                return Err(Error::Forbidden(
                    "Removing articles needs the Manage Messages permission. Ask a moderator to remove it.".into(),
                ));
            }
            Ok(Response::Removed {
                article: store.remove_article(scope, &article)?,
            })
        }
        Command::WhoSaid {
            topic,
            speaker,
            article,
        } => {
            let topic = topic.filter(|t| !t.trim().is_empty());
            let speaker = speaker.filter(|s| !s.trim().is_empty());
            let groups = in_index(store, scope, article.as_deref(), |i| {
                query::who_said_in(i, speaker.as_deref(), topic.as_deref())
            })?;
            Ok(Response::WhoSaid { groups })
        }
        Command::KeyFigures { article, kind } => {
            let (figures, total) = in_index(store, scope, article.as_deref(), |i| {
                query::key_figures_in(i, kind)
            })?;
            Ok(Response::KeyFigures { figures, total })
        }
        Command::People { article } => {
            let article = pick_one(store, scope, article.as_deref())?;
            Ok(Response::People {
                people: query::people(&article),
                article,
            })
        }
        Command::Timeline { article } => {
            let article = pick_one(store, scope, article.as_deref())?;
            Ok(Response::Timeline {
                entries: query::timeline(&article),
                article,
            })
        }
        Command::Summary { article } => {
            let article = pick_one(store, scope, article.as_deref())?;
            Ok(Response::Summary {
                points: query::summary(&article),
                article,
            })
        }
        Command::Ask { question, article } => {
            if question.trim().is_empty() {
                return Err(Error::BadInput(
                    "Ask a question, e.g. /ask question:\"Who is Wu Xinbo?\"".into(),
                ));
            }
            let answer = in_index(store, scope, article.as_deref(), |i| {
                query::ask_in(i, &question)
            })?;
            Ok(Response::Ask { answer, question })
        }
        Command::Search { query: q } => {
            if q.trim().is_empty() {
                return Err(Error::BadInput(
                    "Say what to search for, e.g. /search query:\"export controls\"".into(),
                ));
            }
            Ok(Response::Search {
                hits: in_index(store, scope, None, |i| query::search_in(i, &q))?,
                query: q,
            })
        }
        Command::BriefingPost {
            channel,
            since,
            topic,
        } => briefing_post(store, scope, channel, since, topic),
        Command::BriefingPreview { since, topic } => {
            let digest = briefing_digest(store, scope, since.as_deref(), None, topic)?;
            Ok(Response::Briefing {
                digest: Box::new(digest),
                channel: None,
            })
        }
        Command::Help => Ok(Response::Help),
    }
}

/// `/article add`: ingests one article (or the sample set) into the caller's scope.
fn add_article(
    store: &Store,
    caller: &Caller,
    content: Content,
    title: Option<String>,
) -> Result<Response> {
    // A file, a page or the sample is refused when the scope already holds the same
    // story; pasted text is taken as given (the way to add a copy anyway).
    let checks = AddChecks::for_user(matches!(content, Content::Text(_)));
    let (origin, bytes) = match content {
        Content::File { name, bytes } => (name, bytes),
        Content::Text(t) => {
            if t.trim().is_empty() {
                return Err(Error::BadInput(
                    "The text is empty: paste the article after `text:`.".into(),
                ));
            }
            ("pasted text".to_string(), t.into_bytes())
        }
        Content::Url(u) => fetch_url(store, &u)?,
        Content::Sample => return add_samples(store, caller, title, checks),
    };
    let article = store.add_article_with(
        caller.scope,
        NewArticle {
            bytes,
            origin,
            title,
            added_by: caller.name.clone(),
        },
        checks,
    )?;
    Ok(Response::Added { article })
}

/// `/article add sample`: adds each sample article the scope does not hold yet; a title
/// the user gives names the first. When every sample is there already, the first
/// refusal ("already added as …") is the answer.
fn add_samples(
    store: &Store,
    caller: &Caller,
    title: Option<String>,
    checks: AddChecks,
) -> Result<Response> {
    let mut title = title;
    let mut articles = Vec::new();
    let mut first_refusal = None;
    for sample in SAMPLES {
        let added = store.add_article_with(
            caller.scope,
            NewArticle {
                bytes: sample.text.as_bytes().to_vec(),
                origin: SAMPLE_ORIGIN.to_string(),
                title: Some(title.take().unwrap_or_else(|| sample.title.to_string())),
                added_by: caller.name.clone(),
            },
            checks,
        );
        match added {
            Ok(article) => articles.push(article),
            Err(e) => {
                first_refusal.get_or_insert(e);
            }
        }
    }
    match (articles.is_empty(), first_refusal) {
        (true, Some(e)) => Err(e),
        _ => Ok(Response::AddedSamples { articles }),
    }
}

/// `/briefing post`: the digest since the channel's last briefing (or `since`).
fn briefing_post(
    store: &Store,
    scope: Scope,
    channel: Option<String>,
    since: Option<String>,
    topic: Option<String>,
) -> Result<Response> {
    let channel_id = channel.as_deref().and_then(briefing::parse_channel_id);
    let last = channel_id.and_then(|c| briefing::schedule::last_run(store, scope, c));
    let digest = match (since, last) {
        (None, Some(last)) => {
            let opts = briefing::scheduler::channel_period(Some(&last), last.covered_until, topic);
            let articles = store.articles(scope);
            let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
            briefing::build_digest(&refs, &opts)
        }
        (since, _) => briefing_digest(store, scope, since.as_deref(), None, topic)?,
    };
    Ok(Response::Briefing {
        digest: Box::new(digest),
        channel: channel_id,
    })
}

/// Downloads a web page for `/article add url:`, within the configured fetch limits
/// (size, time, redirects, no private addresses); the origin is the URL after redirects.
fn fetch_url(store: &Store, url: &str) -> Result<(String, Vec<u8>)> {
    let url = url.trim();
    if url.is_empty() {
        return Err(Error::BadInput(
            "Give the page's address after url:, e.g. url:https://example.com/story.".into(),
        ));
    }
    let opts = crate::ingest::fetch::FetchOptions::from(&store.limits().fetch);
    let fetched = crate::ingest::fetch::fetch_blocking(url, &opts)?;
    Ok((fetched.final_url, fetched.bytes))
}

/// The digest for `since` (or `default_since`, or the last 24 hours) up to now.
fn briefing_digest(
    store: &Store,
    scope: Scope,
    since: Option<&str>,
    default_since: Option<DateTime<Utc>>,
    topic: Option<String>,
) -> Result<Digest> {
    let now = Utc::now();
    let since = match since {
        Some(s) => briefing::parse_since(s, now, chrono_tz::Tz::UTC)?,
        None => default_since.unwrap_or(now - chrono::Duration::hours(24)),
    };
    let articles = store.articles(scope);
    let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
    Ok(briefing::build_digest(
        &refs,
        &briefing::DigestOptions::new(Some(since), now, topic),
    ))
}

/// Runs a query on the named article, or on the scope's index (all its articles).
fn in_index<R>(
    store: &Store,
    scope: Scope,
    article: Option<&str>,
    run: impl FnOnce(&query::ScopeIndex) -> R,
) -> Result<R> {
    match article.filter(|a| !a.trim().is_empty()) {
        Some(id) => Ok(run(&query::ScopeIndex::from_shared(&[
            store.find_article(scope, id)?
        ]))),
        None => {
            if store.article_count(scope) == 0 {
                return Err(no_articles());
            }
            Ok(store.with_index(scope, run))
        }
    }
}

/// The named article, or the scope's most recent one.
fn pick_one(store: &Store, scope: Scope, article: Option<&str>) -> Result<Arc<Article>> {
    match article.filter(|a| !a.trim().is_empty()) {
        Some(id) => store.find_article(scope, id),
        None => store.articles(scope).pop().ok_or_else(no_articles),
    }
}

fn no_articles() -> Error {
    Error::NotFound(
        "No articles yet. Add one with /article add (a file, pasted text or a URL).".into(),
    )
}
