//! Roles read from a verb of leading: "Jane Roe heads the state's water board",
//! "Roe, who runs Northwind Partners". In political and sports news the same verbs
//! mostly report a contest ("Roe leads Doe by six points", "led the field", "ran for
//! mayor"), so the object must look like something a person leads: it opens with a
//! determiner or a capital, holds no figure and no person other than an owner ("Doe's
//! campaign"), and names an organization or place by a capitalized word that is no party
//! word, or ends in a noun naming a group ("the dockworkers union").

use super::lexicon::is_function_word;
use super::roles::{is_party_word, predicate_verb, same_para, slice};
use super::tokens::{Tok, TokKind, is_capitalized};
use crate::analyze::gazetteer::ORG_HEADS;
use crate::text::case::{capitalize, with_lower};

/// The verbs of leading whose object is the role ("heads the agency").
const LEAD_VERBS: &[&str] = &[
    "heads", "headed", "leads", "led", "runs", "ran", "chairs", "chaired", "directs", "directed",
    "founded",
];

/// Words that open the object of a verb of leading: "heads the", "runs a", "led his".
const OBJECT_OPENERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];

/// Words that end the object: what follows is a margin, a time, a comparison or a new
/// clause, not part of what is led ("leads the poll by six points", "headed the office
/// from 2001 until 2009", "ran a campaign that failed").
const OBJECT_ENDS: &[&str] = &[
    "by", "with", "among", "over", "against", "before", "after", "when", "while", "during",
    "since", "until", "into", "through", "than", "that", "which", "who", "from",
];

/// Punctuation that ends the object.
const OBJECT_END_MARKS: &[&str] = &[
    ",", ".", ";", ":", "(", ")", "“", "”", "\"", "?", "!", "—", "–", "‘",
];

/// At most this many tokens after the verb.
const MAX_OBJECT: usize = 12;

/// The role "verb object" when the verb after the name ending at `name_last` ("X
/// heads", "X, who heads") is a verb of leading and its object names what the person
/// leads. `person_starts` holds the start offsets of the article's person mentions,
/// sorted: "led Doe" is a contest, "leads Doe's campaign" is a role.
pub(crate) fn lead_role(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_last: usize,
    person_starts: &[usize],
) -> Option<String> {
    let (verb, _) = predicate_verb(text, toks, name_last);
    if !with_lower(toks.get(verb)?.text(text), |w| LEAD_VERBS.contains(&w)) {
        return None;
    }
    let open = toks.get(verb + 1)?;
    let opens = open.kind == TokKind::Word
        && (with_lower(open.text(text), |w| OBJECT_OPENERS.contains(&w))
            || is_capitalized(open.text(text)));
    if !opens {
        return None;
    }
    let mut e = verb + 1;
    while e < toks.len() && same_para(paras, e, name_last) && e - verb <= MAX_OBJECT {
        let w = toks[e].text(text);
        let ends = match toks[e].kind {
            TokKind::Punct => OBJECT_END_MARKS.contains(&w),
            _ => with_lower(w, |l| OBJECT_ENDS.contains(&l)),
        };
        if ends {
            break;
        }
        e += 1;
    }
    let object = &toks[verb + 1..e];
    let figure = |t: &Tok| t.text(text).contains(|c: char| c.is_ascii_digit());
    if object.is_empty() || object.iter().any(figure) {
        return None;
    }
    let mut names_something = false;
    for (i, t) in object.iter().enumerate() {
        let w = t.text(text);
        if t.kind != TokKind::Word || !is_capitalized(w) || is_party_word(w) {
            continue;
        }
        if person_starts.binary_search(&t.start).is_ok() {
            // "Doe's campaign": a person's possession is part of the object.
            let owned = object[i + 1..]
                .iter()
                .find(|n| n.kind != TokKind::Word || !is_capitalized(n.text(text)))
                .is_some_and(|n| n.kind == TokKind::Possessive);
            if !owned {
                return None;
            }
            continue;
        }
        // "runs Our Town Trust": a capitalized function word names nothing by itself.
        names_something |= !with_lower(w, is_function_word);
    }
    // "heads the dockworkers union": an object in lower case names an organization by its
    // head, one of the organization heads (data/org_heads.txt) written in lower case.
    let head = object.last().map(|t| t.text(text)).unwrap_or_default();
    let org_head = !is_capitalized(head) && ORG_HEADS.is_one_word_head(&capitalize(head));
    (names_something || org_head).then(|| slice(text, toks, verb, e - 1))
}
