//! The question commands: `/who-said`, `/key-figures`, `/people`, `/timeline`,
//! `/summary`, `/ask`, `/search`. Each turns its options into a `commands::Command` and
//! leaves the rest to `reply::run` (which also resolves a typed title to its article id). Without `article`, per-article views use the newest
//! article and the others all of the scope's articles.

use super::autocomplete;
use super::{Context, Error, reply};
use crate::commands::Command;
use crate::model::FigureKind;

/// The figure kinds of the eval format, as slash-command choices.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum KindChoice {
    #[name = "money"]
    Money,
    #[name = "percent"]
    Percent,
    #[name = "count"]
    Count,
    #[name = "quantity"]
    Quantity,
    #[name = "ratio"]
    Ratio,
    #[name = "rank"]
    Rank,
    #[name = "age"]
    Age,
    #[name = "score"]
    Score,
    #[name = "year-span"]
    YearSpan,
    #[name = "other"]
    Other,
}

impl From<KindChoice> for FigureKind {
    fn from(k: KindChoice) -> FigureKind {
        match k {
            KindChoice::Money => FigureKind::Money,
            KindChoice::Percent => FigureKind::Percent,
            KindChoice::Count => FigureKind::Count,
            KindChoice::Quantity => FigureKind::Quantity,
            KindChoice::Ratio => FigureKind::Ratio,
            KindChoice::Rank => FigureKind::Rank,
            KindChoice::Age => FigureKind::Age,
            KindChoice::Score => FigureKind::Score,
            KindChoice::YearSpan => FigureKind::YearSpan,
            KindChoice::Other => FigureKind::Other,
        }
    }
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// Who said what: statements grouped by speaker, with role, quote and source.
#[poise::command(slash_command, rename = "who-said")]
pub async fn who_said(
    ctx: Context<'_>,
    #[description = "Only statements about this (a word or phrase)"]
    #[max_length = 100]
    topic: Option<String>,
    #[description = "Only this speaker (part of the name is enough)"]
    #[max_length = 100]
    speaker: Option<String>,
    #[description = "Only this article (default: all articles)"]
    #[autocomplete = "autocomplete::article"]
    article: Option<String>,
) -> Result<(), Error> {
    reply::run(
        ctx,
        Command::WhoSaid {
            topic: non_empty(topic),
            speaker: non_empty(speaker),
            article,
        },
        false,
    )
    .await
}

/// Key figures: money, percentages, counts and more, with what they measure.
#[poise::command(slash_command, rename = "key-figures")]
pub async fn key_figures(
    ctx: Context<'_>,
    #[description = "Only this article (default: all articles)"]
    #[autocomplete = "autocomplete::article"]
    article: Option<String>,
    #[description = "Only this kind of figure"] kind: Option<KindChoice>,
) -> Result<(), Error> {
    reply::run(
        ctx,
        Command::KeyFigures {
            article,
            kind: kind.map(FigureKind::from),
        },
        false,
    )
    .await
}

/// People named in an article, with their roles.
#[poise::command(slash_command)]
pub async fn people(
    ctx: Context<'_>,
    #[description = "The article (default: the newest)"]
    #[autocomplete = "autocomplete::article"]
    article: Option<String>,
) -> Result<(), Error> {
    reply::run(ctx, Command::People { article }, false).await
}

/// Dates in an article, in order, with what happened.
#[poise::command(slash_command)]
pub async fn timeline(
    ctx: Context<'_>,
    #[description = "The article (default: the newest)"]
    #[autocomplete = "autocomplete::article"]
    article: Option<String>,
) -> Result<(), Error> {
    reply::run(ctx, Command::Timeline { article }, false).await
}

/// An article's key points, in its own sentences.
#[poise::command(slash_command)]
pub async fn summary(
    ctx: Context<'_>,
    #[description = "The article (default: the newest)"]
    #[autocomplete = "autocomplete::article"]
    article: Option<String>,
) -> Result<(), Error> {
    reply::run(ctx, Command::Summary { article }, false).await
}

/// Ask a question; the answer comes from the articles, with the sentences that say it.
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question, e.g. Who imposed the tariffs?"]
    #[max_length = 300]
    question: String,
    #[description = "Only this article (default: all articles)"]
    #[autocomplete = "autocomplete::article"]
    article: Option<String>,
) -> Result<(), Error> {
    reply::run(
        ctx,
        Command::Ask {
            question: question.trim().to_string(),
            article,
        },
        false,
    )
    .await
}

/// Find sentences containing your words, across all articles.
#[poise::command(slash_command)]
pub async fn search(
    ctx: Context<'_>,
    #[description = "Words to look for"]
    #[max_length = 200]
    query: String,
) -> Result<(), Error> {
    reply::run(
        ctx,
        Command::Search {
            query: query.trim().to_string(),
        },
        false,
    )
    .await
}
