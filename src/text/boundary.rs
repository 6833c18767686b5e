//! The decision at one candidate boundary: does a run of `.`, `?`, `!` or `…` (with
//! its closing quotes and brackets) end the sentence, given the word before it and the
//! word after it? Rule tables (time continuations, attribution verbs) are named data.

use super::abbrev::{AbbrevClass, abbreviation_class, is_dotted_acronym, is_initial, is_starter};
use super::chars::{char_at, is_opener, is_opener_before, is_quote_closer, word_at, word_before};

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
    let next_word = word_at(s, next);
    let camel = is_camel_case(next_word);
    if next_char.is_lowercase() && !camel {
        if is_bracketed_url(s, next) && mark_against_word(s, punct_start) {
            // "… the site. (http://example.org)" is a unit of its own.
            return true;
        }
        // Only an enumeration marker ("b. Second option") starts a sentence in lowercase.
        return starts_list_item(s, next);
    }
    if matches!(next_char, '.' | '…') && !is_opener_before(s, next) {
        // "word. . . . The next", `asked?" . . . "Who`: the sentence ends, then an
        // omission opens the next one.
        if mark_against_word(s, punct_start)
            && let Some(resumes) = spaced_ellipsis_before_capital(s, next)
        {
            return ends_sentence(s, sent_start, punct_start, punct_end, after, resumes);
        }
        // "… of Scientology. ... The next thing": the loose ellipsis stays with the
        // sentence before it rather than becoming a sentence of its own.
        return false;
    }
    let punct = &s[punct_start..punct_end];
    let closers = &s[punct_end..after];
    let quoted = closers.chars().any(is_quote_closer);
    let next_is_upper = next_char.is_uppercase() || camel;

    if quoted && next_is_upper && is_attribution(s, next) {
        return false;
    }
    if punct == ".." && closers.is_empty() && abbreviation_doubled(s, punct_start) {
        // "Smith Jr.. The next": the abbreviation's period, then the sentence's.
        return next_is_upper;
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
    if spaced_periods_before(s, punct_end) == SPACED_ELLIPSIS {
        // "and so . . . I left": three spaced periods mark an omission; a fourth would
        // be the sentence's own period.
        return false;
    }
    period_ends_sentence(s, sent_start, punct_end, next, next_is_upper)
}

/// A single period written against the word before it, followed by whitespace and
/// the capitalized (or camel-case) word at `next`: does it end the sentence?
fn period_ends_sentence(
    s: &str,
    sent_start: usize,
    punct_end: usize,
    next: usize,
    next_is_upper: bool,
) -> bool {
    let Some((word_start, word)) = word_before(s, punct_end) else {
        return true;
    };
    if s[sent_start..word_start].trim().is_empty() && is_list_marker(word) {
        return false;
    }
    let next_char = char_at(s, next).unwrap_or(' ');
    let next_word = word_at(s, next);
    let starter = is_starter(next_word);
    match abbreviation_class(word) {
        Some(AbbrevClass::Title) | Some(AbbrevClass::Inner) => false,
        Some(AbbrevClass::Number) => {
            !next_char.is_ascii_digit()
                && !is_roman_numeral(next_word)
                && (starter
                    || !next_is_upper
                    || word.len() > 3
                    || lowercase_number_word(word, next_word))
        }
        Some(AbbrevClass::Time) => {
            let bare = next_word.trim_end_matches([',', '.']);
            let tz =
                bare.len() <= 5 && bare.len() >= 2 && bare.chars().all(|c| c.is_ascii_uppercase());
            next_is_upper
                && !tz
                && !TIME_CONTINUATIONS.contains(&next_word)
                && !TIME_CONTINUATIONS.contains(&bare)
                && !fronted_time_phrase(&s[sent_start..word_start])
        }
        Some(AbbrevClass::End) => starter,
        None if is_initial(word) || is_dotted_acronym(word) => starter,
        None if short_abbreviation_in_parenthesis(s, sent_start, word_start, word, punct_end) => {
            false
        }
        None => true,
    }
}

/// Prepositions that open a fronted time phrase: "At 5 a.m. Mr. Smith left" is one
/// sentence, since "At 5 a.m." cannot stand alone.
const TIME_PREPOSITIONS: &[&str] = &[
    "at", "by", "before", "after", "until", "till", "around", "about", "from", "since", "past",
];

/// Longest head of a sentence read as a fronted time phrase ("Shortly after 11").
const MAX_TIME_PHRASE_WORDS: usize = 4;

/// Is `head` (the sentence up to the clock time's "a.m."/"p.m.") only a preposition
/// and the time, with no clause of its own ("At 5", "Shortly after 11")?
fn fronted_time_phrase(head: &str) -> bool {
    let head = head.trim();
    if head.len() > 40 || !head.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words: Vec<String> = head
        .split_whitespace()
        .map(|w| w.trim_start_matches(is_opener).to_lowercase())
        .collect();
    let is_prep = |w: &String| TIME_PREPOSITIONS.contains(&w.as_str());
    match words.as_slice() {
        [first, .., _] if words.len() <= MAX_TIME_PHRASE_WORDS && is_prep(first) => true,
        [adverb, second, .., _] if words.len() <= MAX_TIME_PHRASE_WORDS => {
            adverb.ends_with("ly") && is_prep(second)
        }
        _ => false,
    }
}

/// A brand or term written in camel case ("iPhone", "eBay", "wikiHow") starts a
/// sentence without a capital first letter.
fn is_camel_case(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(|c| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_ascii_alphanumeric())
        && cs.any(|c| c.is_ascii_uppercase())
}

/// "Jr..", "Inc..": the word before a doubled period is an abbreviation.
fn abbreviation_doubled(s: &str, punct_start: usize) -> bool {
    word_before(s, punct_start + 1).is_some_and(|(_, w)| {
        abbreviation_class(w).is_some() || is_initial(w) || is_dotted_acronym(w)
    })
}

/// "They voted no. People left": a number abbreviation written in lowercase before a
/// capitalized word of letters only (not "No. 5", "p. A4", "vol. II") is the word it
/// spells, ending the sentence.
fn lowercase_number_word(word: &str, next_word: &str) -> bool {
    let next = next_word.trim_end_matches(['.', ',']);
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && next.len() > 1
        && next.chars().all(char::is_alphabetic)
        && !is_roman_numeral(next)
}

/// "II", "XIV": a Roman numeral of two or more letters (after "vol.", "No.").
fn is_roman_numeral(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    word.len() > 1
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// A web address in brackets starts at `next` ("(http://…", "(www.…").
fn is_bracketed_url(s: &str, next: usize) -> bool {
    let rest = &s[next..];
    s[..next].ends_with(['(', '['])
        && (rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www."))
}

/// Three spaced periods (" . . .") mark an omission.
const SPACED_ELLIPSIS: usize = 3;

/// How many periods each preceded by a space (" .") end at `end` (at most 8).
fn spaced_periods_before(s: &str, end: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut at = end;
    while n < 8 && at >= 2 && b[at - 1] == b'.' && b[at - 2] == b' ' {
        n += 1;
        at -= 2;
    }
    n
}

/// The terminal mark at `punct_start` is written against a word ("word.", "it?"),
/// not a spaced period of an ellipsis.
fn mark_against_word(s: &str, punct_start: usize) -> bool {
    s[..punct_start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace() && c != '.')
}

/// At `at`, a spaced ellipsis ". . ." then whitespace and a capital letter (perhaps
/// after an opening quote): where that capitalized word starts.
fn spaced_ellipsis_before_capital(s: &str, at: usize) -> Option<usize> {
    let rest = s.get(at..)?.strip_prefix(". . .")?;
    let gap = rest.trim_start();
    let word = gap.trim_start_matches(is_opener);
    (gap.len() < rest.len() && word.chars().next().is_some_and(char::is_uppercase))
        .then(|| s.len() - word.len())
}

/// Longest stretch looked at around a period inside parentheses.
const MAX_PARENTHETICAL: usize = 80;

/// Inside a parenthesis that closes soon, a short lowercase word with a period is an
/// abbreviation: "(b. 1950)", "(m. 1949; div. 1964)".
fn short_abbreviation_in_parenthesis(
    s: &str,
    sent_start: usize,
    word_start: usize,
    word: &str,
    punct_end: usize,
) -> bool {
    let core = word.trim_end_matches('.');
    if core.is_empty() || core.len() > 4 || !core.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut from = word_start.saturating_sub(MAX_PARENTHETICAL).max(sent_start);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let head = &s[from..word_start];
    let opened = match (head.rfind('('), head.rfind(')')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    };
    opened
        && s[punct_end..]
            .chars()
            .take(MAX_PARENTHETICAL)
            .find(|&c| matches!(c, '(' | ')' | '\n'))
            == Some(')')
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
