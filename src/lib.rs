//! # newsdesk
//!
//! A Discord bot that reads news articles for a team, and the rule-based engine
//! behind it. Data flows one way, each arrow a plain function over plain data:
//!
//! ```text
//! bytes ─► ingest ─► Document ─► analyze ─► Analysis ─► store (per guild) ─► query ─► render
//! ```
//!
//! - [`lexicon`]: every word list under `data/`, by name, in one format.
//! - [`ingest`]: decode, detect the format, extract HTML articles, drop page furniture.
//! - [`text`]: paragraphs, sentences and tokens with byte spans; a normalized view.
//! - [`analyze`]: quotes, figures, people, organizations, places, dates, key points.
//! - [`query`]: who said, key figures, people, timeline, summary, ask, search.
//! - [`render`]: JSON, plain text and Discord embeds within Discord's limits.
//!
//! Only `store` touches the disk, only the URL fetcher touches the network, and only
//! `bot` knows about Discord.

pub mod analyze;
pub mod bot;
pub mod briefing;
pub mod commands;
pub mod config;
pub mod console;
pub mod error;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod query;
pub mod render;
pub mod store;
pub mod text;

pub use error::{Error, Result};
pub use model::{Analysis, Article, Document};
