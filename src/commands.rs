//! The commands users run — the same set in Discord and in the console — as plain data,
//! and their execution against the store and the query layer. Front ends parse their
//! own input into a `Command`, call `execute`, and render the `Response`.
//!
//! Skeleton: issue 6 (console) and issue 7 (limits, URL fetching) complete it.

use crate::error::{Error, Result};
use crate::model::{Article, FigureKind};
use crate::query::{self, AskAnswer, Evidence, FigureHit, PersonHit, SearchHit, SpeakerStatements, TimelineEntry};
use crate::store::{NewArticle, Scope, Store};
use std::sync::Arc;

/// Where an article's content comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// An uploaded or local file: its name and bytes.
    File { name: String, bytes: Vec<u8> },
    Text(String),
    Url(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    ArticleAdd { content: Content, title: Option<String> },
    ArticleList { page: usize },
    ArticleShow { article: String },
    ArticleRemove { article: String },
    WhoSaid { topic: Option<String>, speaker: Option<String>, article: Option<String> },
    KeyFigures { article: Option<String>, kind: Option<FigureKind> },
    People { article: Option<String> },
    Timeline { article: Option<String> },
    Summary { article: Option<String> },
    Ask { question: String, article: Option<String> },
    Search { query: String },
    Help,
}

/// A command's answer, structured; `render::text` and `render::discord` turn it into output.
#[derive(Debug, Clone)]
pub enum Response {
    Added { article: Arc<Article> },
    List { articles: Vec<Arc<Article>>, page: usize },
    Show { article: Arc<Article> },
    Removed { article: Arc<Article> },
    WhoSaid { groups: Vec<SpeakerStatements> },
    KeyFigures { figures: Vec<FigureHit> },
    People { article: Arc<Article>, people: Vec<PersonHit> },
    Timeline { article: Arc<Article>, entries: Vec<TimelineEntry> },
    Summary { article: Arc<Article>, points: Vec<Evidence> },
    Ask { question: String, answer: AskAnswer },
    Search { query: String, hits: Vec<SearchHit> },
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

/// Runs a command. Blocking (ingest and analysis run inline): async callers use
/// `spawn_blocking`.
pub fn execute(store: &Store, caller: &Caller, command: Command) -> Result<Response> {
    let scope = caller.scope;
    match command {
        Command::ArticleAdd { content, title } => {
            let (origin, bytes) = match content {
                Content::File { name, bytes } => (name, bytes),
                Content::Text(t) => ("pasted text".to_string(), t.into_bytes()),
                Content::Url(u) => {
                    return Err(Error::Fetch(format!("Fetching URLs is not available yet ({u}).")));
                }
            };
            let article = store.add_article(scope, NewArticle { bytes, origin, title, added_by: caller.name.clone() })?;
            Ok(Response::Added { article })
        }
        Command::ArticleList { page } => Ok(Response::List { articles: store.articles(scope), page }),
        Command::ArticleShow { article } => Ok(Response::Show { article: store.article(scope, &article)? }),
        Command::ArticleRemove { article } => {
            if !caller.can_manage {
                return Err(Error::Forbidden(
                    "Removing articles needs the Manage Messages permission.".into(),
                ));
            }
            Ok(Response::Removed { article: store.remove_article(scope, &article)? })
        }
        Command::WhoSaid { topic, speaker, article } => {
            let articles = pick_many(store, scope, article.as_deref())?;
            let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
            Ok(Response::WhoSaid { groups: query::who_said(&refs, speaker.as_deref(), topic.as_deref()) })
        }
        Command::KeyFigures { article, kind } => {
            let articles = pick_many(store, scope, article.as_deref())?;
            let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
            Ok(Response::KeyFigures { figures: query::key_figures(&refs, kind) })
        }
        Command::People { article } => {
            let article = pick_one(store, scope, article.as_deref())?;
            Ok(Response::People { people: query::people(&article), article })
        }
        Command::Timeline { article } => {
            let article = pick_one(store, scope, article.as_deref())?;
            Ok(Response::Timeline { entries: query::timeline(&article), article })
        }
        Command::Summary { article } => {
            let article = pick_one(store, scope, article.as_deref())?;
            Ok(Response::Summary { points: query::summary(&article), article })
        }
        Command::Ask { question, article } => {
            let articles = pick_many(store, scope, article.as_deref())?;
            let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
            Ok(Response::Ask { answer: query::ask(&refs, &question), question })
        }
        Command::Search { query: q } => {
            let articles = pick_many(store, scope, None)?;
            let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
            Ok(Response::Search { hits: query::search(&refs, &q), query: q })
        }
        Command::Help => Ok(Response::Help),
    }
}

/// The named article, or all of the scope's articles.
fn pick_many(store: &Store, scope: Scope, article: Option<&str>) -> Result<Vec<Arc<Article>>> {
    match article {
        Some(id) => Ok(vec![store.article(scope, id)?]),
        None => {
            let all = store.articles(scope);
            if all.is_empty() {
                return Err(no_articles());
            }
            Ok(all)
        }
    }
}

/// The named article, or the scope's most recent one.
fn pick_one(store: &Store, scope: Scope, article: Option<&str>) -> Result<Arc<Article>> {
    match article {
        Some(id) => store.article(scope, id),
        None => store.articles(scope).pop().ok_or_else(no_articles),
    }
}

fn no_articles() -> Error {
    Error::NotFound("No articles yet. Add one with /article add (a file, pasted text or a URL).".into())
}
