//! A role shared by every name of a list: a plural title or role noun before the list
//! ("Sens. Ana Ruiz and Tom Bell", "foreign ministers A, B and C"), or a plural role
//! phrase before "including" / "such as" ("defectors from the party, including A and
//! B"). Each name of the list gets the phrase as written.

use super::lexicon::{LEX, ROLE_MODIFIERS, contains, is_function_word};
use super::roles::{plural_role_word, premodifier_role, same_para, slice};
use super::tokens::{Tok, TokKind, is_capitalized};

/// The most names a list may hold before the one asked about.
const MAX_ITEMS: usize = 8;
/// Prepositions that may follow the plural head inside the phrase ("defectors from the
/// party").
const PP_HEADS: &[&str] = &["of", "from", "for", "at", "in", "on", "with"];

/// The role the list gives the name at tokens `first..=last`, if it stands in a list
/// that a plural title or role phrase opens.
pub(crate) fn list_role(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    first: usize,
    last: usize,
) -> Option<String> {
    let (start, earlier) = list_start(text, toks, paras, first)?;
    // A plural title needs a list: the name is a later item, or more names follow it.
    if earlier == 0 && !continues(text, toks, paras, last) {
        return None;
    }
    if start > 0 && plural_role_word(toks[start - 1].text(text)) {
        return premodifier_role(text, toks, paras, start, true);
    }
    including_role(text, toks, paras, start)
}

/// Walks back from the name at `first` over earlier list items ("A, B and", "A and"):
/// returns the first token of the first item and how many items come before the name.
fn list_start(text: &str, toks: &[Tok], paras: &[usize], first: usize) -> Option<(usize, usize)> {
    let mut j = first;
    let mut items = 0;
    while items < MAX_ITEMS && j > 1 {
        let mut k = j - 1;
        match toks[k].text(text) {
            "and" => {
                if toks[k - 1].text(text) == "," {
                    k -= 1;
                }
            }
            "," => {}
            _ => break,
        }
        let Some(item) = name_run_start(text, toks, paras, k, first) else {
            break;
        };
        j = item;
        items += 1;
    }
    Some((j, items))
}

/// The first token of the run of capitalised name words that ends right before `sep`.
fn name_run_start(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    sep: usize,
    anchor: usize,
) -> Option<usize> {
    let mut i = sep;
    while i > 0 && sep - i < 5 {
        let t = toks[i - 1];
        let w = t.text(text);
        if !same_para(paras, i - 1, anchor)
            || !t.is_word()
            || !is_capitalized(w)
            || is_function_word(w)
            || plural_role_word(w)
            || LEX.is_role_noun(w)
            || LEX.honorific(w).is_some()
        {
            break;
        }
        i -= 1;
    }
    (i < sep).then_some(i)
}

/// Whether another name follows the name ending at `last` (", B" or "and B").
fn continues(text: &str, toks: &[Tok], paras: &[usize], last: usize) -> bool {
    let mut k = last + 1;
    if toks.get(k).is_some_and(|t| t.text(text) == ",") {
        k += 1;
    }
    if toks.get(k).is_some_and(|t| t.text(text) == "and") {
        k += 1;
    }
    k > last + 1
        && toks.get(k).is_some_and(|t| {
            t.is_word() && is_capitalized(t.text(text)) && same_para(paras, k, last)
        })
}

/// "high-ranking defectors from the party(,) including A and B", "lawmakers such as A":
/// the plural role phrase before "including" / "such as" at the list's `start`.
fn including_role(text: &str, toks: &[Tok], paras: &[usize], start: usize) -> Option<String> {
    let cue = start.checked_sub(1)?;
    let mut e = match toks[cue].text(text) {
        "including" => cue.checked_sub(1)?,
        "as" if cue >= 2 && toks[cue - 1].text(text) == "such" => cue - 2,
        _ => return None,
    };
    if toks[e].text(text) == "," {
        e = e.checked_sub(1)?;
    }
    // The plural head, followed by nothing or by a short prepositional phrase.
    let mut h = e;
    loop {
        let t = toks[h];
        if !same_para(paras, h, start) || t.kind == TokKind::Punct || e - h > 6 {
            return None;
        }
        if t.is_word() && plural_role_word(t.text(text)) {
            let pp_ok = h == e
                || PP_HEADS.contains(&toks[h + 1].text(text).to_lowercase().as_str())
                    && (h + 1..=e).all(|k| toks[k].kind != TokKind::Punct);
            if !pp_ok {
                return None;
            }
            break;
        }
        h = h.checked_sub(1)?;
    }
    // Modifiers before the head: "high-ranking", "former", "Republican".
    let mut s = h;
    while s > 0 && h - s < 4 && same_para(paras, s - 1, start) && modifier(text, toks[s - 1]) {
        s -= 1;
    }
    Some(slice(text, toks, s, e))
}

fn modifier(text: &str, t: Tok) -> bool {
    let w = t.text(text);
    let lower = w.to_lowercase();
    t.is_word()
        && !is_function_word(w)
        && LEX.speech_verb(w).is_none()
        && (contains(ROLE_MODIFIERS, w)
            || w.contains('-')
            || is_capitalized(w)
            || !(lower.ends_with("ed") || lower.ends_with("ing") || lower.ends_with("ly")))
        && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
}
