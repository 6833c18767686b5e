//! Role coreference inside an article: a definite description "the driver of the
//! train" refers to the one person whose role has that head ("driver"), and completes
//! the role with its complement. The completed role is the description as written.

use super::lexicon::{LEX, is_function_word};
use super::roles::{same_para, slice};
use super::tokens::{Tok, TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::model::Span;
use crate::text::case::lower_cow;

/// The most words a complement may hold after its preposition.
const MAX_COMPLEMENT: usize = 6;

/// Completes `roles[i]` from a description "the HEAD of …" when HEAD is the last word
/// of that role and of no other person's role, and the description holds every word
/// of the role. A capitalised title ("President") is completed only by a named
/// complement ("of the United States"): "the president of the lawyers' club" is
/// someone else.
pub(crate) fn complete_roles(text: &str, toks: &[Tok], paras: &[usize], roles: &mut [String]) {
    // Each head's one owner (`None` once a second role has it): one probe per "the",
    // not a walk over every role.
    let mut owner_of: foldhash::HashMap<String, Option<usize>> = foldhash::HashMap::default();
    for (i, h) in roles.iter().enumerate() {
        if let Some(h) = head(h) {
            owner_of
                .entry(h)
                .and_modify(|o| *o = None)
                .or_insert(Some(i));
        }
    }
    if owner_of.is_empty() {
        return;
    }
    for k in 0..toks.len().saturating_sub(3) {
        if !toks[k].text(text).eq_ignore_ascii_case("the") {
            continue;
        }
        let noun = lower_cow(toks[k + 1].text(text));
        let Some(&Some(i)) = owner_of.get(noun.as_ref()) else {
            continue;
        };
        let Some(end) = complement_end(text, toks, paras, k + 2) else {
            continue;
        };
        if names_another(text, toks, k, end) {
            continue;
        }
        let titled = roles[i]
            .split_whitespace()
            .last()
            .is_some_and(is_capitalized);
        let named = (k + 3..=end).any(|j| is_capitalized(toks[j].text(text)));
        let found = slice(text, toks, k + 1, end);
        if (named || !titled)
            && extends(&roles[i], &found)
            && fire(
                rules::PEOPLE_ROLE_COREF,
                Span::new(toks[k].start, toks[end].end),
            )
        {
            roles[i] = found;
        }
    }
}

/// The role's head: its last word, lower-cased, when that is a role noun.
fn head(role: &str) -> Option<String> {
    let last = role.split_whitespace().last()?;
    let last = last.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    (!last.is_empty() && LEX.is_role_noun(last) && !role.contains(',')).then(|| last.to_lowercase())
}

/// The last token of an "of" complement starting at `p`: "of the train",
/// "of the Museum of Flight". Ends before punctuation, a verb form in -ing/-ed or a
/// function word (an "of" or "&" between capitalised words stays).
fn complement_end(text: &str, toks: &[Tok], paras: &[usize], p: usize) -> Option<usize> {
    if toks.get(p)?.text(text) != "of" {
        return None;
    }
    let mut e = p + 1;
    if toks
        .get(e)
        .is_some_and(|t| matches!(lower_cow(t.text(text)).as_ref(), "the" | "a" | "an"))
    {
        e += 1;
    }
    let mut last = None;
    while e < toks.len() && e - p <= MAX_COMPLEMENT && same_para(paras, e, p) {
        let t = toks[e];
        let w = t.text(text);
        let lower = lower_cow(w);
        let inner_joiner = matches!(lower.as_ref(), "of" | "&")
            && last.is_some_and(|l: usize| is_capitalized(toks[l].text(text)))
            && toks
                .get(e + 1)
                .is_some_and(|n| n.is_word() && is_capitalized(n.text(text)));
        let word_ok = t.kind == TokKind::Word
            && (inner_joiner
                || !is_function_word(w)
                    && (is_capitalized(w) || !(lower.ends_with("ing") || lower.ends_with("ed"))));
        if !word_ok {
            break;
        }
        last = Some(e);
        e += 1;
    }
    last
}

/// Whether the description belongs to someone else: a name right before it ("Acme's
/// the ...") or after it ("the driver of the bus, Tom Roe", "the head of X Jane Roe").
fn names_another(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let cap_word = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.is_word() && is_capitalized(t.text(text)))
    };
    let after = if toks.get(end + 1).is_some_and(|t| t.text(text) == ",") {
        end + 2
    } else {
        end + 1
    };
    cap_word(after)
        && toks
            .get(after)
            .is_some_and(|t| LEX.is_first_name(t.text(text)))
        || start > 0 && toks[start - 1].kind == TokKind::Possessive
}

/// Whether `found` holds every word of `role` (case aside) and more.
fn extends(role: &str, found: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let (old, new) = (words(role), words(found));
    new.len() > old.len() && old.iter().all(|w| new.contains(w))
}
