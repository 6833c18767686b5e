//! Roles read after "as" following a verb of office: "Jane Roe resigned as finance
//! minister", "Roe served as mayor", "was sworn in as".

use super::lexicon::LEX;
use super::roles::{role_phrase, same_para, slice};
use super::tokens::{Tok, is_capitalized};

/// Verbs (and particles ending a phrasal verb) that take a role after "as": "served as",
/// "resigned as", "was named as", "stepped down as", "was sworn in as".
const AS_ROLE_VERBS: &[&str] = &[
    "serve",
    "serves",
    "served",
    "serving",
    "resign",
    "resigns",
    "resigned",
    "resigning",
    "work",
    "works",
    "worked",
    "working",
    "appointed",
    "named",
    "elected",
    "re-elected",
    "reelected",
    "hired",
    "installed",
    "nominated",
    "confirmed",
    "chosen",
    "selected",
    "retired",
    "retire",
    "retires",
    "quit",
    "quits",
    "remain",
    "remains",
    "remained",
    "continue",
    "continues",
    "continued",
    "joined",
    "joins",
    "down",
    "over",
    "in",
];

/// "Jane Roe was forced to resign as finance minister", "Roe served as mayor": a role
/// after "as" following one of [`AS_ROLE_VERBS`], with only lower-case words (an
/// auxiliary, "forced to") between the name and the verb, so the role stays the name's.
pub(crate) fn as_role(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_last: usize,
) -> Option<String> {
    let limit = (name_last + 8).min(toks.len());
    for k in name_last + 1..limit {
        let t = toks[k];
        let w = t.text(text);
        if !same_para(paras, k, name_last) || !t.is_word() || is_capitalized(w) {
            return None;
        }
        if LEX.speech_verb(w).is_some() {
            return None;
        }
        if w == "as" {
            let verb = toks[k - 1].text(text).to_lowercase();
            if k == name_last + 1 || !AS_ROLE_VERBS.contains(&verb.as_str()) {
                return None;
            }
            let (a, b) = role_phrase(text, toks, paras, k + 1, name_last, false)?;
            // "… as transport minister in June": a time or place after the role ends it.
            let b = (a + 1..=b)
                .find(|&j| AS_ROLE_ENDS.contains(&toks[j].text(text).to_lowercase().as_str()))
                .map_or(b, |j| j - 1);
            return Some(slice(text, toks, a, b));
        }
    }
    None
}

/// Words that end a role read after "as": what follows is when, where or why.
const AS_ROLE_ENDS: &[&str] = &[
    "in", "on", "since", "until", "after", "before", "when", "while", "during", "from", "between",
    "last", "this", "next", "and", "but", "because", "amid", "to",
];
