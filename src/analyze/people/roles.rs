//! Roles and titles as the article gives them, read around a name: a pre-modifier
//! ("U.S. President Donald Trump", "science fiction writer L. Ron Hubbard"), an
//! appositive after the name ("Wu Xinbo, director of the American Studies Center at
//! Fudan University"), one before it ("The Australian foreign minister, Alexander
//! Downer"), or a predicate ("X, who heads Y", "X is the chief economist at Y").
//! Every role is a verbatim slice of the text.

use super::lexicon::{LEX, NON_NAME_CAPS, ROLE_MODIFIERS, contains, is_function_word};
use super::tokens::{Tok, TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::model::Span;
use crate::text::case::{lower_cow, with_lower};

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "its", "their", "his", "her", "another",
];
const PP_HEADS: &[&str] = &["of", "for", "at", "in", "with", "on"];
pub(super) const CLAUSE_END: &[&str] = &[
    ",", ".", ";", ":", "(", ")", "“", "”", "\"", "?", "!", "—", "–", "‘", "«", "»",
];

pub(super) fn same_para(paras: &[usize], a: usize, b: usize) -> bool {
    paras.get(a).is_some() && paras.get(a) == paras.get(b)
}

pub(super) fn slice(text: &str, toks: &[Tok], a: usize, b: usize) -> String {
    text[toks[a].start..toks[b].end].to_string()
}

/// Whether `w` names a role. An honorific that is also a role noun ("Professor",
/// "Lady") is a form of address, not a role; only "professor" written in lower case
/// ("a law professor at Yale") is the occupation.
pub(super) fn is_role_word(w: &str) -> bool {
    let last = w.rsplit('-').next().unwrap_or(w);
    (LEX.is_role_noun(w) || (w.contains('-') && LEX.is_role_noun(last)))
        && (w == "professor"
            || LEX.honorific(w).is_none_or(|_| {
                !matches!(
                    lower_cow(w).trim_end_matches('.'),
                    "mr" | "mrs"
                        | "ms"
                        | "miss"
                        | "dr"
                        | "prof"
                        | "professor"
                        | "sir"
                        | "dame"
                        | "lord"
                        | "lady"
                )
            }))
}

/// Whether the lower-case word at `i` can stand inside a title before its role noun
/// ("science fiction writer"). Before a capitalised word it is a modifier only after
/// an article or at the start ("the presumptive Republican nominee"), not after
/// "to"/"will" ("to endorse House Speaker X").
fn lower_modifier(text: &str, toks: &[Tok], i: usize, right_cap: bool) -> bool {
    let w = toks[i].text(text);
    let lower = lower_cow(w);
    (!right_cap || opens_phrase(text, toks, i))
        && !is_function_word(w)
        && LEX.speech_verb(w).is_none()
        && !lower.ends_with("ing")
        && !lower.ends_with("ed")
        && lower.len() > 2
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Modifiers that open a title: what stands before "former" or "incumbent" is the
/// sentence or a possessor ("the agency's former chief"), never another lower-case
/// modifier ("the ad sent former Gov. Jo Roe": "sent" is no part of the role).
const STATUS_MODIFIERS: &[&str] = &[
    "former",
    "then",
    "retired",
    "outgoing",
    "incoming",
    "presumptive",
    "likely",
    "longtime",
    "incumbent",
    "late",
    "previous",
    "eventual",
    "prospective",
    "acting",
    "interim",
];

/// Whether the token after `i` is a title-opening modifier, so the lower-case word at
/// `i` cannot join the title.
fn before_status_modifier(text: &str, toks: &[Tok], i: usize) -> bool {
    toks.get(i + 1)
        .is_some_and(|t| t.is_word() && with_lower(t.text(text), |w| STATUS_MODIFIERS.contains(&w)))
}

/// "then-Chief", "ex-Senate": a modifier written onto the next word.
fn hyphen_modifier(w: &str) -> bool {
    w.split_once('-')
        .is_some_and(|(head, _)| head == "ex" || contains(ROLE_MODIFIERS, head))
}

/// A plural title or role noun: "Sens.", "Reps.", "ministers", "candidates",
/// "secretaries" (not a party: "Republicans").
pub(crate) fn plural_role_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    let bare = lower.trim_end_matches('.');
    let abbreviated = bare.len() < lower.len();
    let stems = [
        bare.strip_suffix("ies").map(|s| format!("{s}y")),
        bare.strip_suffix("es").map(str::to_string),
        bare.strip_suffix('s').map(str::to_string),
    ];
    !is_party_word(bare.trim_end_matches('s'))
        && stems.iter().flatten().any(|s| {
            s.len() > 2
                && if abbreviated {
                    LEX.is_role_noun(&format!("{s}."))
                } else {
                    is_role_word(s)
                }
        })
}

/// Whether token `i` opens a noun phrase: it follows an article, a possessive or
/// punctuation, or starts the text.
fn opens_phrase(text: &str, toks: &[Tok], i: usize) -> bool {
    i == 0 || {
        let p = toks[i - 1];
        p.kind != TokKind::Word || with_lower(p.text(text), |w| DETERMINERS.contains(&w))
    }
}

/// Party words that are also role nouns ("a Republican"); as a modifier they do not
/// start a title ("presumptive Republican nominee").
pub(crate) fn is_party_word(w: &str) -> bool {
    matches!(
        lower_cow(w).as_ref(),
        "republican" | "democrat" | "democratic" | "independent" | "libertarian"
    )
}

/// The title words right before a name (`name_first` is its first token): capitalised
/// titles and organization words, role nouns and their modifiers, and "of/at/for"
/// phrases inside them ("Chief investment officer at Fort Pitt Capital Group"). With
/// `plural_head` (a name in a list) the word right before it may be a plural title
/// ("Sens.", "foreign ministers").
pub(crate) fn premodifier_role(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_first: usize,
    plural_head: bool,
) -> Option<String> {
    let mut j = name_first;
    // "[former Museum of Flight CEO] Bonnie Dunbar": an editor's bracketed title.
    if j > 1 && toks[j - 1].text(text) == "]" {
        j -= 1;
        let inner_last = j.checked_sub(1)?;
        let open = (inner_last.saturating_sub(10)..=inner_last)
            .rev()
            .find(|&i| toks[i].text(text) == "[")?;
        let words = open + 1..=inner_last;
        return words
            .clone()
            .any(|i| is_role_word(toks[i].text(text)))
            .then(|| slice(text, toks, *words.start(), *words.end()));
    }
    // "First Lady Jane Roe": the title is the honorific with its ordinal.
    if j >= 2
        && toks[j - 1].text(text) == "Lady"
        && toks[j - 2].text(text).eq_ignore_ascii_case("first")
        && same_para(paras, j - 2, name_first)
    {
        let s = if j >= 3 && toks[j - 3].text(text).eq_ignore_ascii_case("former") {
            j - 3
        } else {
            j - 2
        };
        return Some(slice(text, toks, s, j - 1));
    }
    // An honorific right before the name is not part of the role.
    while j > 0
        && same_para(paras, j - 1, name_first)
        && toks[j - 1].is_word()
        && LEX.honorific(toks[j - 1].text(text)).is_some()
        && !is_role_word(toks[j - 1].text(text))
    {
        j -= 1;
    }
    let end = j.checked_sub(1)?;
    let mut start = None;
    let mut seen_role = false;
    let mut k = j;
    while k > 0 && j - k < 10 {
        let i = k - 1;
        if !same_para(paras, i, name_first) {
            break;
        }
        let t = toks[i];
        let w = t.text(text);
        let lower = lower_cow(w);
        let right_cap = toks
            .get(i + 1)
            .is_some_and(|r| r.is_word() && is_capitalized(r.text(text)));
        // "help President Obama", "Sanders and Sen. Cruz": a capitalised title to the
        // right starts the role; what stands before it is the sentence, not the title.
        let right_title = right_cap
            && toks
                .get(i + 1)
                .is_some_and(|r| is_role_word(r.text(text)) && !is_party_word(r.text(text)));
        let left = if i > 0 { toks[i - 1].text(text) } else { "" };
        let plural = plural_head && i + 1 == j && t.is_word() && plural_role_word(w);
        let person_head = i + 1 == j && person_noun_head(text, toks, paras, i, name_first);
        let plural = plural || person_head;
        let ok = plural
            || match t.kind {
                TokKind::Possessive => start.is_some(),
                TokKind::Punct => w == "&" && right_cap && is_capitalized(left),
                TokKind::Word => {
                    if is_role_word(w) || contains(ROLE_MODIFIERS, w) || hyphen_modifier(w) {
                        true
                    } else if lower == "and" {
                        // Before a name, "A and Sen. B" / "Trump and Ohio Gov. B" is a list of
                        // people: a title never runs on through "and".
                        false
                    } else if PP_HEADS.contains(&lower.as_ref()) {
                        start.is_some()
                            && right_cap
                            && !right_title
                            && (is_role_word(left) || is_capitalized(left))
                    } else if is_capitalized(w) {
                        !is_function_word(w)
                            && !contains(NON_NAME_CAPS, w)
                            && LEX.honorific(w).is_none()
                    } else {
                        seen_role
                            && !right_title
                            && !before_status_modifier(text, toks, i)
                            && lower_modifier(text, toks, i, right_cap)
                    }
                }
            };
        if !ok {
            break;
        }
        if plural || t.kind == TokKind::Word && is_role_word(w) {
            seen_role = true;
        }
        start = Some(i);
        k = i;
    }
    let mut s = start?;
    if !seen_role {
        return None;
    }
    // Leading words before the first role or title word that are not modifiers are a
    // sentence opener, not the role ("Yesterday"). Keep capitalised organization words.
    while s < end
        && (toks[s].kind != TokKind::Word
            || with_lower(toks[s].text(text), |w| PP_HEADS.contains(&w))
            || toks[s].text(text) == "and")
    {
        s += 1;
    }
    Some(slice(text, toks, s, end))
}

/// "Fox News host Jo Roe", "Clinton supporter Jo Roe": a lower-case noun naming a kind
/// of person (token `i`, right before the name) heads a title when a modifier stands
/// before it.
fn person_noun_head(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    i: usize,
    name_first: usize,
) -> bool {
    let t = toks[i];
    let w = t.text(text);
    let lower = lower_cow(w);
    i > 0
        && t.is_word()
        && !is_capitalized(w)
        && !(lower.ends_with("ed") || lower.ends_with("ing"))
        && LEX.is_person_noun(w)
        && toks[i - 1].is_word()
        && same_para(paras, i - 1, name_first)
        && {
            let left = toks[i - 1].text(text);
            is_capitalized(left) && !is_function_word(left)
                || lower_modifier(text, toks, i - 1, false)
        }
        && fire(
            rules::PEOPLE_PERSON_NOUN_TITLE,
            Span::new(t.start, toks[name_first].end),
        )
}

/// The appositive right after a name (`name_last` is its last token). With `person_nouns`
/// (reading a role, not deciding whether the name is a person) a noun naming a kind of
/// person heads it too when an article opens it ("Jo Roe, a Fox News host").
pub(crate) fn appositive_role(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_last: usize,
    person_nouns: bool,
) -> Option<String> {
    let mut k = name_last + 1;
    // "Jane Roe an analyst at Acme, said": an appositive whose comma was left out,
    // opened by an indefinite article.
    let indefinite = toks
        .get(k)
        .is_some_and(|t| matches!(t.text(text), "a" | "an"));
    if toks.get(k).map(|t| t.text(text)) != Some(",") && !indefinite {
        return None;
    }
    if !indefinite {
        k += 1;
    }
    // Skip an age: "Daniel Montalvo, 19, a member ..."
    if toks
        .get(k)
        .is_some_and(|t| t.text(text).chars().all(|c| c.is_ascii_digit()))
        && toks.get(k + 1).map(|t| t.text(text)) == Some(",")
    {
        k += 2;
    }
    // Without the comma only a role noun makes an appositive ("called X a liar").
    let person_nouns = person_nouns && !indefinite;
    let (s, e) = role_phrase(text, toks, paras, k, name_last, person_nouns)?;
    if titles_a_name(text, toks, s, e) {
        return None;
    }
    // An appositive is closed by punctuation or a speech verb ("Rathbun, a detective …
    // was provided" is a new clause, not a role).
    if !closes_appositive(text, toks, paras, e + 1, name_last) {
        return None;
    }
    // A phrase cut where a clause starts loses its dangling conjunction ("a mother of
    // two and").
    let mut end = e;
    while end > s && matches!(toks[end].text(text), "and" | "or" | "but") {
        end -= 1;
    }
    let mut role = slice(text, toks, s, end);
    // ", and Chairman of ..." continues the appositive.
    if toks.get(e + 1).map(|t| t.text(text)) == Some(",")
        && toks
            .get(e + 2)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case("and"))
        && !toks
            .get(e + 3)
            .is_some_and(|t| with_lower(t.text(text), |w| PP_HEADS.contains(&w)))
        && let Some((s2, e2)) = role_phrase(text, toks, paras, e + 3, name_last, person_nouns)
        && !titles_a_name(text, toks, s2, e2)
    {
        role = slice(text, toks, s, e2);
    }
    Some(role)
}

/// Whether a phrase holds a title followed by a name ("Sen. Tim Scott and Rep. Trey
/// Gowdy", "retired surgeon Ben Roe"): a list of other people, not the role of the name
/// before it.
/// A title inside a prepositional phrase ("nephew of the late King Abdullah") or
/// before a possessive ("Senator Ted Cruz's wife") belongs to the role and does not count.
fn titles_a_name(text: &str, toks: &[Tok], s: usize, e: usize) -> bool {
    (s..e).any(|k| {
        let (w, next) = (toks[k].text(text), toks[k + 1].text(text));
        // Walk back over the title's own modifiers ("former Ohio Gov.").
        let mut j = k;
        while j > s && {
            let p = toks[j - 1].text(text);
            toks[j - 1].is_word()
                && (contains(ROLE_MODIFIERS, p) || is_capitalized(p) && !is_function_word(p))
        } {
            j -= 1;
        }
        let list_item = j == s || matches!(toks[j - 1].text(text), "and" | ",");
        let possessor = || {
            let mut j = k + 1;
            while toks
                .get(j)
                .is_some_and(|t| t.is_word() && is_capitalized(t.text(text)))
            {
                j += 1;
            }
            toks.get(j).is_some_and(|t| t.kind == TokKind::Possessive)
        };
        list_item
            && is_role_word(w)
            && !is_party_word(w)
            && toks[k + 1].is_word()
            && is_capitalized(next)
            && !is_role_word(next)
            && !is_function_word(next)
            && LEX.is_first_name(next)
            && !possessor()
    })
}

fn closes_appositive(text: &str, toks: &[Tok], paras: &[usize], k: usize, anchor: usize) -> bool {
    match toks.get(k) {
        None => true,
        Some(t) => {
            !same_para(paras, k, anchor)
                || (t.kind == TokKind::Punct && CLAUSE_END.contains(&t.text(text)))
                || (t.is_word() && LEX.speech_verb(t.text(text)).is_some_and(|v| !v.gerund))
                // "Ana Ruiz, a nurse who treated him": a relative clause ends the role.
                || (t.is_word() && matches!(t.text(text), "who" | "whose" | "which"))
        }
    }
}

/// A noun phrase starting at token `k` whose head (within its first words) is a role noun,
/// or with `person_nouns` and a determiner, a lower-case noun naming a kind of person
/// (rule people.person_noun_appositive); returns its token range without the determiner.
pub(super) fn role_phrase(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    k: usize,
    anchor: usize,
    person_nouns: bool,
) -> Option<(usize, usize)> {
    let mut s = k;
    let det = toks.get(s).map(|t| lower_cow(t.text(text)));
    if det.as_deref().is_some_and(|d| DETERMINERS.contains(&d)) {
        s += 1;
    }
    // Only an article: "X, his wife" names another person.
    let article = matches!(det.as_deref(), Some("a" | "an" | "the"));
    // The person noun heads the phrase ("a voter from Ohio", "a voter born in Chile",
    // "a tech maverick"), not a modifier of another noun ("a grassroots update").
    let heads = |at: usize| {
        toks.get(at + 1).is_none_or(|t| {
            let n = t.text(text);
            // An acronym after it makes a compound ("a super PAC").
            let acronym = n.len() > 1 && n.chars().all(|c| c.is_ascii_uppercase());
            !t.is_word()
                || (is_capitalized(n) && !acronym)
                || is_function_word(n)
                || with_lower(n, |l| {
                    l.ends_with("ed")
                        || l.ends_with("ing")
                        || matches!(l, "born" | "known")
                        || LEX.is_person_noun(l)
                        || LEX.is_role_noun(l)
                })
        })
    };
    let person_head = |w: &str, at: usize| {
        person_nouns && article && !is_capitalized(w) && LEX.is_person_noun(w) && heads(at) && {
            let m = Span::new(toks[anchor.min(at)].start, toks[anchor.max(at)].end);
            fire(rules::PEOPLE_PERSON_NOUN_APPOSITIVE, m)
        }
    };
    let first = toks.get(s)?;
    if !first.is_word() || !same_para(paras, s, anchor) {
        return None;
    }
    let fw = lower_cow(first.text(text));
    if matches!(
        fw.as_ref(),
        "who" | "which" | "said" | "says" | "told" | "and" | "but" | "was" | "is" | "has" | "had"
    ) || (fw.ends_with("ed")
        && !fw.contains('-')
        && !LEX.is_role_noun(&fw)
        && !contains(ROLE_MODIFIERS, &fw))
    {
        return None;
    }
    // "X, questioning the plan": a participle opening a clause with its object or a
    // preposition is no role ("acting chairman", "managing partner" are titles).
    if fw.ends_with("ing")
        && !LEX.is_role_noun(&fw)
        && !contains(ROLE_MODIFIERS, &fw)
        && toks.get(s + 1).is_some_and(|t| {
            t.is_word()
                && (is_function_word(t.text(text))
                    || matches!(
                        t.text(text),
                        "himself" | "herself" | "themselves" | "itself"
                    ))
        })
    {
        return None;
    }
    let mut e = s;
    let mut role_at = None;
    let mut n = 0;
    while e < toks.len() && same_para(paras, e, anchor) && n < 20 {
        let t = toks[e];
        let w = t.text(text);
        if t.kind == TokKind::Punct && CLAUSE_END.contains(&w) {
            break;
        }
        if t.is_word() {
            let lw = lower_cow(w);
            if role_at.is_none() && (is_role_word(w) || person_head(w, e)) {
                role_at = Some(e);
            }
            // a verb ends the phrase
            if role_at.is_some()
                && (LEX.speech_verb(w).is_some_and(|v| !v.gerund)
                    || matches!(
                        lw.as_ref(),
                        "is" | "was" | "has" | "had" | "who" | "whose" | "which" | "said"
                    ))
            {
                break;
            }
            if role_at.is_none() && n >= 4 {
                return None;
            }
        }
        e += 1;
        n += 1;
    }
    role_at?;
    if e == s {
        return None;
    }
    let mut end = e - 1;
    while end > s && toks[end].kind == TokKind::Punct {
        end -= 1;
    }
    Some((s, end))
}

/// The noun phrase before ", Name" when it has a role head ("The director of the IAEA, Mohamed ElBaradei").
pub(crate) fn pre_appositive_role(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_first: usize,
) -> Option<String> {
    if name_first < 2 || toks[name_first - 1].text(text) != "," {
        return None;
    }
    let e = name_first - 2;
    if !toks[e].is_word() {
        return None;
    }
    let mut s = e + 1;
    let mut seen_role = false;
    while s > 0 && e + 1 - s < 10 {
        let k = s - 1;
        if !same_para(paras, k, name_first) {
            break;
        }
        let t = toks[k];
        let w = t.text(text);
        let lw = lower_cow(w);
        if t.kind == TokKind::Punct {
            break;
        }
        if DETERMINERS.contains(&lw.as_ref()) {
            // "of the IAEA": keep going through a prepositional phrase
            if k > 0 && with_lower(toks[k - 1].text(text), |w| PP_HEADS.contains(&w)) {
                s = k;
                continue;
            }
            break;
        }
        if PP_HEADS.contains(&lw.as_ref()) || lw == "and" {
            // a phrase attached to a role noun or inside a capitalised name
            let left = if k > 0 { toks[k - 1].text(text) } else { "" };
            if is_role_word(left) || is_capitalized(left) {
                s = k;
                continue;
            }
            break;
        }
        if t.kind == TokKind::Possessive {
            s = k;
            continue;
        }
        if is_function_word(w)
            || LEX.speech_verb(w).is_some()
            || lw.ends_with("ed") && !is_role_word(w)
        {
            break;
        }
        if is_role_word(w) {
            seen_role = true;
        }
        s = k;
    }
    if !seen_role || s > e {
        return None;
    }
    while s < e
        && (with_lower(toks[s].text(text), |w| PP_HEADS.contains(&w))
            || toks[s].kind != TokKind::Word)
    {
        s += 1;
    }
    // The role noun must head the phrase: it is the last word or followed by a preposition.
    let head_ok = (s..=e).any(|k| {
        is_role_word(toks[k].text(text))
            && (k == e || with_lower(toks[k + 1].text(text), |w| PP_HEADS.contains(&w)))
    });
    head_ok.then(|| slice(text, toks, s, e))
}

/// The token of the verb after a name ending at `name_last`, and whether a relative
/// pronoun comes between: "X is", "X, who is".
pub(crate) fn predicate_verb(text: &str, toks: &[Tok], name_last: usize) -> (usize, bool) {
    let k = name_last + 1;
    let relative = toks.get(k).map(|t| t.text(text)) == Some(",")
        && toks
            .get(k + 1)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case("who"));
    if relative { (k + 2, true) } else { (k, false) }
}

/// "X, who is the chief economist at Y" / "X is the chief economist at Y"; the verbs of
/// leading ("X, who heads Y") are lead_role.rs's.
pub(crate) fn predicate_role(
    text: &str,
    toks: &[Tok],
    paras: &[usize],
    name_last: usize,
) -> Option<String> {
    let (k, relative) = predicate_verb(text, toks, name_last);
    let verb = lower_cow(toks.get(k)?.text(text));
    match verb.as_ref() {
        "is" | "was" | "serves" | "served" => {
            let mut s = k + 1;
            if verb.starts_with("serve")
                && toks
                    .get(s)
                    .is_some_and(|t| t.text(text).eq_ignore_ascii_case("as"))
            {
                s += 1;
            }
            // "X, who was Rubio's campaign pollster": in a relative clause the role may
            // come without an article.
            let det = toks
                .get(s)
                .is_some_and(|t| with_lower(t.text(text), |w| DETERMINERS.contains(&w)));
            let bare_ok = relative
                && toks.get(s).is_some_and(|t| {
                    let w = t.text(text);
                    t.is_word()
                        && (is_role_word(w)
                            || contains(ROLE_MODIFIERS, w)
                            || is_capitalized(w) && !is_function_word(w))
                });
            if !det && !bare_ok {
                return None;
            }
            let (a, b) = role_phrase(text, toks, paras, s, name_last, false)?;
            Some(slice(text, toks, a, b))
        }
        _ => None,
    }
}
