//! The decision at one candidate boundary: does a run of `.`, `?`, `!` or `…` (with
//! its closing quotes and brackets) end the sentence, given the word before it and the
//! word after it? Rule tables (time continuations, attribution verbs) are named data.

use super::abbrev::{AbbrevClass, abbreviation_class, is_dotted_acronym, is_initial, is_starter};
use super::chars::{char_at, is_opener_before, is_quote_closer, word_at, word_before};

/// Words that continue a clock time after "a.m."/"p.m." rather than start a sentence.
const TIME_CONTINUATIONS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Eastern",
    "Pacific",
    "Central",
    "Mountain",
    "Atlantic",
    "local",
    "Local",
    "Greenwich",
    "Moscow",
    "Beijing",
    "London",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Verbs of saying that attach a quotation ending in `.`/`!`/`?` to its speaker
/// (`"Enough!" Trump said.` is one sentence).
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "tells",
    "replied",
    "replies",
    "wrote",
    "writes",
    "explained",
    "explains",
    "continued",
    "shouted",
    "yelled",
    "insisted",
    "noted",
    "stated",
    "recalled",
    "remarked",
    "exclaimed",
    "declared",
    "warned",
    "cried",
    "answered",
    "responded",
    "argued",
    "concluded",
    "tweeted",
    "posted",
    "joked",
    "quipped",
    "admitted",
    "acknowledged",
];

/// A list marker at the start of a sentence: "1.", "12.", "a.", "iv.".
fn is_list_marker(word: &str) -> bool {
    let Some(core) = word.strip_suffix('.') else {
        return false;
    };
    (!core.is_empty() && core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit()))
        || (core.len() == 1 && core.bytes().all(|b| b.is_ascii_lowercase()))
        || (!core.is_empty()
            && core.len() <= 4
            && core.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
}

/// After a closing quote: do the next words attribute the quotation (`Trump said`,
/// `He asked`, `Senator Mary Smith told`)?
fn is_attribution(s: &str, mut i: usize) -> bool {
    for n in 0..6 {
        let w = word_at(s, i);
        if w.is_empty() {
            return false;
        }
        let bare = w.trim_end_matches(['.', ',']);
        if n >= 1 && ATTRIBUTION_VERBS.contains(&bare) {
            return true;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if w.ends_with('.')
            && !abbreviation_class(w).is_some_and(|c| c == AbbrevClass::Title)
            && !is_initial(w)
        {
            return false;
        }
        i += w.len();
        let rest = &s[i..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if spaces == 0 {
            return false;
        }
        i += spaces;
    }
    false
}

/// Decides whether the punctuation run `s[punct_start..punct_end]` (plus closers up to
/// `after`) ends a sentence, given the next word starting at `next`.
pub(crate) fn ends_sentence(
    s: &str,
    sent_start: usize,
    punct_start: usize,
    punct_end: usize,
    after: usize,
    next: usize,
) -> bool {
    let Some(next_char) = char_at(s, next) else {
        return true;
    };
    if next_char.is_lowercase() {
        // Only an enumeration marker ("b. Second option") starts a sentence in lowercase.
        return starts_list_item(s, next);
    }
    if matches!(next_char, '.' | '…') && !is_opener_before(s, next) {
        // "… of Scientology. ... The next thing": the loose ellipsis stays with the
        // sentence before it rather than becoming a sentence of its own.
        return false;
    }
    let punct = &s[punct_start..punct_end];
    let closers = &s[punct_end..after];
    let quoted = closers.chars().any(is_quote_closer);
    let next_word = word_at(s, next);
    let next_is_upper = next_char.is_uppercase();

    if quoted && next_is_upper && is_attribution(s, next) {
        return false;
    }
    let ellipsis = punct.contains("..") || punct.contains('…');
    if ellipsis {
        // An omission inside a sentence ("We will … The") is common in quotes; only
        // a sentence starter or a new quotation makes it a boundary.
        return !closers.is_empty()
            || is_starter(next_word)
            || next > after + 1 && is_opener_before(s, next);
    }
    if punct == "!" && closers.is_empty() {
        if let Some((_, w)) = word_before(s, punct_end)
            && abbreviation_class(w) == Some(AbbrevClass::Inner)
        {
            return false;
        }
        return true;
    }
    if punct != "." || !closers.is_empty() {
        return true;
    }
    let Some((word_start, word)) = word_before(s, punct_end) else {
        return true;
    };
    if s[sent_start..word_start].trim().is_empty() && is_list_marker(word) {
        return false;
    }
    let starter = is_starter(next_word);
    match abbreviation_class(word) {
        Some(AbbrevClass::Title) | Some(AbbrevClass::Inner) => false,
        Some(AbbrevClass::Number) => {
            !next_char.is_ascii_digit() && (starter || !next_is_upper || word.len() > 3)
        }
        Some(AbbrevClass::Time) => {
            let bare = next_word.trim_end_matches([',', '.']);
            let tz =
                bare.len() <= 5 && bare.len() >= 2 && bare.chars().all(|c| c.is_ascii_uppercase());
            next_is_upper
                && !tz
                && !TIME_CONTINUATIONS.contains(&next_word)
                && !TIME_CONTINUATIONS.contains(&bare)
        }
        Some(AbbrevClass::End) => starter,
        None if is_initial(word) || is_dotted_acronym(word) => starter,
        None => true,
    }
}

/// "b. Next item": a one-letter list marker followed by a capitalized word.
fn starts_list_item(s: &str, at: usize) -> bool {
    let w = word_at(s, at);
    if !(w.len() == 2 && w.ends_with('.') && w.as_bytes()[0].is_ascii_lowercase()) {
        return false;
    }
    let rest = &s[at + w.len()..];
    let trimmed = rest.trim_start_matches(' ');
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}
