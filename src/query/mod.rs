//! Questions a team asks of its articles, answered from their analyses. Front-end
//! neutral: the bot, the console and the CLI render these answers. Every item carries
//! `Evidence`: the article it came from and the sentence that says it.
//!
//! Scope-wide questions read a [`ScopeIndex`] (the store keeps one per scope), so their
//! cost follows what matches, not how many articles the scope holds.

use crate::model::Article;
use serde::Serialize;

pub mod answer_kind;
pub mod ask;
pub mod figures;
pub mod index;
mod keys;
pub mod question;
pub mod search;
pub mod synonyms;
pub mod timezone;
pub mod views;
pub mod who_said;

pub use ask::{AskAnswer, ask, ask_in};
pub use figures::{FigureHit, key_figures, key_figures_in};
pub use index::ScopeIndex;
pub use search::{SearchHit, search, search_in};
pub use views::{PersonHit, TimelineEntry, people, summary, timeline};
pub use who_said::{SpeakerStatements, Statement, who_said, who_said_in};

/// Where an answer comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub article_id: String,
    pub article_title: String,
    pub sentence_index: usize,
    pub sentence: String,
}

impl Evidence {
    pub fn new(article: &Article, sentence_index: usize) -> Self {
        Evidence {
            article_id: article.id.clone(),
            article_title: article.title().to_string(),
            sentence_index,
            sentence: article.doc.sentence_text(sentence_index).to_string(),
        }
    }
}
