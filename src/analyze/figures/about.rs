//! `about`: what a figure measures, in a few words taken from its own sentence — the
//! noun phrase it quantifies or introduces ("of the world's rare earths", "trade
//! relationship"), else the subject and verb before it ("The Nasdaq fell").

use super::lexer::{TokKind, Token};
use super::recognize::Found;
use crate::model::{FigureKind, Span};

const MAX_WORDS: usize = 6;

/// Words that end the phrase after a figure.
const STOP_AFTER: &[&str] = &[
    "and",
    "or",
    "but",
    "which",
    "who",
    "that",
    "while",
    "when",
    "because",
    "although",
    "though",
    "said",
    "says",
    "according",
    "before",
    "after",
    "since",
    "as",
    "than",
    "to",
    "from",
    "by",
    "with",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "on",
    "at",
    "into",
    "over",
];
/// Leading words skipped before the phrase after a figure.
const LINKS: &[&str] = &["of", "in", "for", "worth"];
/// Words that start a clause: the phrase before a figure begins after them.
const CLAUSE_START: &[&str] = &[
    "that", "which", "who", "and", "but", "while", "when", "said", "says", "after", "as",
    "although",
];

fn word(text: &str, t: &Token) -> String {
    text[t.start..t.end].to_string()
}

fn is_break(text: &str, t: &Token) -> bool {
    t.kind == TokKind::Sym && !matches!(&text[t.start..t.end], "-" | "'" | "’" | "&")
}

pub fn describe(text: &str, toks: &[Token], f: &Found, sentence: Span) -> String {
    let in_sentence = |t: &Token| sentence.start <= t.start && t.end <= sentence.end;
    // Counts carry their own noun; say what happened to them when the sentence does.
    let mut after: Vec<String> = Vec::new();
    let mut k = f.last + 1;
    while k < toks.len()
        && in_sentence(&toks[k])
        && LINKS.contains(&text[toks[k].start..toks[k].end].to_lowercase().as_str())
        && after.is_empty()
    {
        k += 1;
    }
    let mut skipped_link = k > f.last + 1;
    while k < toks.len() && in_sentence(&toks[k]) && after.len() < MAX_WORDS {
        let t = &toks[k];
        if is_break(text, t) {
            break;
        }
        let w = word(text, t);
        let lw = w.to_lowercase();
        if STOP_AFTER.contains(&lw.as_str()) && !(skipped_link && after.is_empty() && lw == "the") {
            break;
        }
        if !(after.is_empty() && matches!(lw.as_str(), "the" | "a" | "an")) {
            after.push(w);
        }
        k += 1;
        skipped_link = false;
    }
    let mut before: Vec<String> = Vec::new();
    let mut k = f.first;
    while k > 0 && before.len() < MAX_WORDS {
        k -= 1;
        let t = &toks[k];
        if !in_sentence(t) || is_break(text, t) {
            break;
        }
        let w = word(text, t);
        if CLAUSE_START.contains(&w.to_lowercase().as_str()) {
            break;
        }
        before.push(w);
    }
    before.reverse();
    while before.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "to" | "of" | "by" | "with" | "at" | "from" | "in"
        )
    }) {
        before.remove(0);
    }
    while before.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "to" | "of" | "by" | "with" | "at" | "from" | "in" | "for"
        )
    }) {
        before.pop();
    }
    let unit_words = f.unit.split_whitespace().count();
    let phrase = match f.kind {
        FigureKind::Count if !f.unit.is_empty() && !after.is_empty() => {
            format!("{} {}", f.unit, after.join(" "))
        }
        FigureKind::Count if !f.unit.is_empty() && unit_words > 0 => {
            if before.is_empty() {
                f.unit.clone()
            } else {
                format!("{} {}", before.join(" "), f.unit)
            }
        }
        _ if !after.is_empty() && before.is_empty() => after.join(" "),
        _ if !after.is_empty() && after.len() >= 2 => after.join(" "),
        _ => {
            if before.is_empty() {
                after.join(" ")
            } else {
                before.join(" ")
            }
        }
    };
    phrase.trim().to_string()
}
