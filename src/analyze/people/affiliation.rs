//! What follows a name and ties it to a place, party or organization: a prepositional
//! appositive ("Jo Roe, of the state health department"), a bracketed party-state tag
//! ("(D-Ore.)", ", R-Ky.,"), a "from" phrase, or an "of" phrase naming an
//! organization ("Ana Ruiz of the Green Party"). Each is a verbatim slice of the text.

use super::lexicon::LEX;
use super::roles::{CLAUSE_END, is_role_word, same_para, slice};
use super::tokens::{Tok, TokKind, is_capitalized};

/// "Mu Li, of the University of NSW's school of public health": a prepositional
/// appositive that completes a title given before the name.
pub(crate) fn affiliation(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_last: usize,
) -> Option<String> {
    if toks.get(name_last + 1).map(|t| t.text(text)) != Some(",") {
        return None;
    }
    let s = name_last + 2;
    if !toks
        .get(s)
        .is_some_and(|t| matches!(t.text(text), "of" | "at" | "from" | "for"))
    {
        return None;
    }
    let mut e = s + 1;
    while e < toks.len() && same_para(paras, e, name_last) && e - s < 15 {
        if toks[e].kind == TokKind::Punct && CLAUSE_END.contains(&toks[e].text(text)) {
            break;
        }
        e += 1;
    }
    (e > s + 1).then(|| slice(text, toks, s, e - 1))
}

/// What directly follows a name and completes a title given before it: a short
/// bracketed party/state tag ("Representative Jim Ramstad (R Minnesota)") or a "from"
/// phrase ("senator Mark Warner from Virginia").
pub(crate) fn name_suffix(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_last: usize,
) -> Option<String> {
    let k = name_last + 1;
    let t = toks.get(k)?;
    if !same_para(paras, k, name_last) {
        return None;
    }
    match t.text(text) {
        "(" => {
            let close = (k + 1..(k + 7).min(toks.len())).find(|&j| toks[j].text(text) == ")")?;
            let inner_words = (k + 1..close).filter(|&j| toks[j].is_word()).count();
            let all_digits =
                (k + 1..close).all(|j| toks[j].text(text).chars().all(|c| c.is_ascii_digit()));
            (inner_words >= 1 && !all_digits).then(|| slice(text, toks, k, close))
        }
        "from" => {
            let mut e = k + 1;
            while e < toks.len()
                && toks[e].is_word()
                && is_capitalized(toks[e].text(text))
                && e - k <= 4
            {
                e += 1;
            }
            (e > k + 1).then(|| slice(text, toks, k, e - 1))
        }
        _ => None,
    }
}

/// A party-state tag right after a name: "(D-Ore.)", "(R)", "(I-Vt.)" or, between
/// commas, ", R-Ky.,". Returned as written (brackets kept).
pub(crate) fn party_tag(text: &str, toks: &[Tok], name_last: usize) -> Option<String> {
    let rest = &text[toks.get(name_last)?.end..];
    if let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) {
        let tag = &inner[..inner.find(')')?];
        return is_party_tag(tag, false).then(|| format!("({tag})"));
    }
    let inner = rest.strip_prefix(", ")?;
    let tag = &inner[..inner.find(',')?];
    is_party_tag(tag, true).then(|| tag.to_string())
}

/// "R", "D-N.Y.", "I-Vt.", "R Minnesota": a party letter, then a state after a hyphen
/// (or a space, in brackets). Between commas the state is required.
fn is_party_tag(tag: &str, needs_state: bool) -> bool {
    let mut chars = tag.chars();
    if !matches!(chars.next(), Some('R' | 'D' | 'I')) || tag.len() > 24 {
        return false;
    }
    let rest = chars.as_str();
    if rest.is_empty() {
        return !needs_state;
    }
    let state = match rest.strip_prefix('-') {
        Some(s) => s,
        None if !needs_state => match rest.strip_prefix(' ') {
            Some(s) => s,
            None => return false,
        },
        None => return false,
    };
    state.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && state
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | ' ' | '-'))
        && state.split_whitespace().count() <= 2
}

/// "Ingrid Olsen of the Green Party", "Mayor Ana Ruiz of Springfield": an "of" phrase
/// of capitalised words right after a name (inner "of", "and", "&", "for" allowed before
/// a capitalised word). Without a title before the name (`need_org`), the phrase must
/// name an organization: a known one, or one ending in an organization head or "Party".
pub(crate) fn of_affiliation(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_last: usize,
    need_org: bool,
) -> Option<String> {
    let k = name_last + 1;
    if toks.get(k)?.text(text) != "of" || !same_para(paras, k, name_last) {
        return None;
    }
    let mut s = k + 1;
    if toks.get(s).is_some_and(|t| t.text(text) == "the") {
        s += 1;
    }
    let cap = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.is_word() && is_capitalized(t.text(text)) && same_para(paras, i, k))
    };
    let mut e = s;
    while e < s + 7 {
        // "and" before a title or a given name starts another person ("of Texas and
        // Senator Rand Paul").
        let next_person = toks.get(e + 1).is_some_and(|t| {
            let w = t.text(text);
            is_role_word(w) || LEX.honorific(w).is_some() || LEX.is_first_name(w)
        });
        let joiner = e > s
            && match toks.get(e).map(|t| t.text(text)) {
                Some("of" | "for") => true,
                Some("and" | "&") => !next_person,
                _ => false,
            };
        if cap(e) || (joiner && cap(e + 1)) {
            e += 1;
        } else {
            break;
        }
    }
    if e == s || !cap(e - 1) || toks.get(e).is_some_and(|t| t.kind == TokKind::Possessive) {
        return None;
    }
    let last = toks[e - 1].text(text);
    let whole = &text[toks[s].start..toks[e - 1].end];
    let org = || {
        use crate::analyze::gazetteer::{ORG_HEADS, ORGS};
        last.eq_ignore_ascii_case("party")
            || ORG_HEADS.is_one_word_head(last)
            || ORGS.lookup(whole).is_some()
    };
    (!need_org || org()).then(|| slice(text, toks, k, e - 1))
}
