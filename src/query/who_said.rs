//! Who said: statements grouped by speaker, filtered by speaker and topic.

#![allow(unused_imports)]
use super::Evidence;
use crate::model::{Article, FigureKind, QuoteKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub text: String,
    pub kind: QuoteKind,
    pub evidence: Evidence,
}

/// A speaker's statements across the articles asked about.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerStatements {
    pub speaker: String,
    pub role: String,
    pub aliases: Vec<String>,
    pub statements: Vec<Statement>,
}

/// Statements grouped by speaker, filtered by speaker (any alias) and topic words.
pub fn who_said(articles: &[&Article], speaker: Option<&str>, topic: Option<&str>) -> Vec<SpeakerStatements> {
    let mut groups: Vec<SpeakerStatements> = Vec::new();
    for a in articles {
        for q in &a.analysis.quotes {
            if let Some(s) = speaker {
                let s = s.to_lowercase();
                let hit = q.speaker.to_lowercase().contains(&s)
                    || q.aliases.iter().any(|al| al.to_lowercase().contains(&s));
                if !hit {
                    continue;
                }
            }
            let evidence = Evidence::new(a, q.sentence);
            if let Some(t) = topic {
                let t = t.to_lowercase();
                if !evidence.sentence.to_lowercase().contains(&t) {
                    continue;
                }
            }
            let statement = Statement { text: a.doc.slice(q.text).to_string(), kind: q.kind, evidence };
            match groups.iter_mut().find(|g| g.speaker == q.speaker) {
                Some(g) => g.statements.push(statement),
                None => groups.push(SpeakerStatements {
                    speaker: q.speaker.clone(),
                    role: q.role.clone(),
                    aliases: q.aliases.clone(),
                    statements: vec![statement],
                }),
            }
        }
    }
    groups
}

