//! Date and time expressions, resolved against the article's date when one is known.
//!
//! Explicit forms: `2025-10-23`, `10/1/2008`, `Oct. 23`, `Sept. 5, 2011`, `23 October
//! 2025`, `March 2011`, `September`, `Tuesday`, `in 1999`, `from 2000 to 2005`, clock
//! times (`08:19 UTC`, `2.40 PM`). Relative forms: `today`, `yesterday`, `tomorrow`,
//! `last week`, `earlier this month`, `last year`, `three days ago`, `the following
//! year`. Values are ISO (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, or
//! `START/END` for ranges) or `None` when the text does not fix them.
//!
//! Dates without a year take the year that puts them within nine months before or three
//! months after the article date (news reports mostly look back); weekdays and bare
//! months look back ("Tuesday" in a Wednesday article is the day before).
//!
//! When the document has no date, a dateline (a full date standing alone in the
//! article's first lines) serves as the anchor.

use crate::analyze::rules;
use crate::lexicon::{self, MONTHS};
use crate::model::{DateMention, Document, RuleId, Span};
use aho_corasick::AhoCorasick;
use chrono::{NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

mod pattern;
mod resolve;
use pattern::{Caps, LazyPattern};
use resolve::{month_number, resolve};

/// The weekday names of `lexicon::WEEKDAYS` with their chrono values.
const WEEKDAYS: [(&str, Weekday); 7] = {
    let names = lexicon::WEEKDAYS;
    [
        (names[0], Weekday::Mon),
        (names[1], Weekday::Tue),
        (names[2], Weekday::Wed),
        (names[3], Weekday::Thu),
        (names[4], Weekday::Fri),
        (names[5], Weekday::Sat),
        (names[6], Weekday::Sun),
    ]
};
/// The months as a regex alternation: full names, then abbreviations with an optional
/// period ("January|…|Jan\.?|…").
fn month_alt() -> String {
    let (full, short) = MONTHS.split_at(12);
    full.iter()
        .map(|(m, _)| m.to_string())
        .chain(short.iter().map(|(m, _)| format!(r"{m}\.?")))
        .collect::<Vec<_>>()
        .join("|")
}
const NUMBER_WORDS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("several", -1),
    ("few", -1),
];

/// Every pattern, tried in order; earlier patterns win overlaps.
static PATTERNS: LazyLock<Vec<(Kind, LazyPattern)>> = LazyLock::new(|| {
    let m = &month_alt();
    let w = &lexicon::WEEKDAYS.join("|");
    // Every pattern is ASCII, so ASCII word boundaries mean the same here; Unicode ones
    // would make the fast DFA give up on every sentence with a curly quote or a dash.
    // Digits are ASCII too: the gates (`Shape`) and the resolver's `parse` read only
    // ASCII digits, and Unicode `\d` (every script's digits) made each pattern cost two
    // to six times as much to compile.
    let re = |s: &str| LazyPattern::new(s.replace(r"\b", r"(?-u:\b)").replace(r"\d", "[0-9]"));
    vec![
        (Kind::Iso, re(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
        (Kind::Slashed, re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")),
        (
            Kind::YearRange,
            re(
                r"\b(?:[Ff]rom|[Bb]etween) (1[6-9]\d\d|20\d\d) (?:to|and|until) (1[6-9]\d\d|20\d\d)\b",
            ),
        ),
        (
            Kind::MonthDay,
            re(&format!(
                r"\b(?:(?:{w}),? )?({m}) (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}})\b)?"
            )),
        ),
        (
            Kind::DayMonth,
            re(&format!(
                r"\b(?:(?:{w}),? )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({m})(?:,? (\d{{4}})\b)?"
            )),
        ),
        (Kind::MonthYear, re(&format!(r"\b({m}),? (\d{{4}})\b"))),
        (
            Kind::Clock,
            re(
                r"(?i)\b([01]?\d|2[0-3]):([0-5]\d)(?: ?(UTC|GMT|local time|a\.m\.|p\.m\.|am\b|pm\b))?|\b(1[0-2]|0?[1-9])[.:]?([0-5]\d)? ?(a\.m\.|p\.m\.|am\b|pm\b)",
            ),
        ),
        (
            Kind::Relative,
            re(
                r"(?i)\b(?:(earlier|later|early|late) )?(this|last|next|past|previous|coming) (week|month|year|weekend)\b",
            ),
        ),
        (
            Kind::Ago,
            re(
                r"(?i)\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few) (day|week|month|year|decade)s? ago\b",
            ),
        ),
        (
            Kind::Following,
            re(r"(?i)\bthe (following|next|previous) (day|week|month|year)\b"),
        ),
        (
            Kind::Deictic,
            re(r"(?i)\b(today|tonight|yesterday|tomorrow)(?:'s|’s)?\b"),
        ),
        (
            Kind::Weekday,
            re(&format!(r"\b(?:(last|next|this) )?({w})(?:'s|’s)?\b")),
        ),
        (
            Kind::Month,
            re(
                r"\b(?:(early|late|mid|last|next|this|in|of|since|until|by|from|during|before|after|through|In|Since|Until|By|From|During|Before|After)[ -])?(January|February|March|April|May|June|July|August|September|October|November|December)\b",
            ),
        ),
        (
            Kind::Year,
            re(
                r"\b(?:([Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Mm]id|[Tt]hrough|of|to|[Tt]he|and|year|[Aa]round) )?(1[6-9]\d\d|20\d\d)\b",
            ),
        ),
    ]
});

/// What a pattern needs in a sentence before it is worth running: a digit, or a word
/// from one of these groups. Most sentences hold no date, and one pass of a keyword
/// automaton plus a digit test rules out most of the fourteen patterns.
const CUE_MONTH: u8 = 1;
const CUE_WEEKDAY: u8 = 2;
const CUE_PERIOD: u8 = 4;
const CUE_AGO: u8 = 8;
const CUE_ORDER: u8 = 16;
const CUE_DEICTIC: u8 = 32;
const CUE_MONTH_SHORT: u8 = 64;
/// Cue words beside the month and weekday names (which come from `MONTHS` and `WEEKDAYS`).
const CUE_WORDS: &[(&str, u8)] = &[
    ("week", CUE_PERIOD),
    ("month", CUE_PERIOD),
    ("year", CUE_PERIOD),
    ("day", CUE_PERIOD),
    ("decade", CUE_PERIOD),
    ("ago", CUE_AGO),
    ("following", CUE_ORDER),
    ("next", CUE_ORDER),
    ("previous", CUE_ORDER),
    ("today", CUE_DEICTIC),
    ("tonight", CUE_DEICTIC),
    ("yesterday", CUE_DEICTIC),
    ("tomorrow", CUE_DEICTIC),
];
/// Every cue word with its group, and one automaton over them (ASCII case-insensitive).
static CUES: LazyLock<(Vec<u8>, AhoCorasick)> = LazyLock::new(|| {
    // The twelve full month names open `MONTHS`; their three-letter stems cover the
    // abbreviations, which only the patterns with a day or year use.
    let months = MONTHS.iter().take(12).map(|(name, _)| (*name, CUE_MONTH));
    let short = MONTHS
        .iter()
        .take(12)
        .map(|(name, _)| (&name[..3], CUE_MONTH_SHORT));
    let weekdays = WEEKDAYS.iter().map(|(name, _)| (*name, CUE_WEEKDAY));
    let all: Vec<(&str, u8)> = months
        .chain(short)
        .chain(weekdays)
        .chain(CUE_WORDS.iter().copied())
        .collect();
    let matcher = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(all.iter().map(|(w, _)| w))
        .expect("date cue words compile");
    (all.into_iter().map(|(_, group)| group).collect(), matcher)
});

/// What the digit patterns need besides a digit, read off a sentence's bytes in one pass.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    digits: bool,
    /// Four digits in a row (a year, or the year of a date).
    four_digits: bool,
    /// "1999" … "2099": four digits starting 16–20.
    year: bool,
    dash: bool,
    slash: bool,
    colon: bool,
    /// "am"/"pm" (either case, "a.m." too) after a digit, with at most a '.' or ':' and a
    /// space between.
    meridiem: bool,
}

/// The bytes [`Shape::of`] looks at: digits, '-', '/', ':' and the first letters of
/// "am" and "pm".
const SHAPE_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_digit() || matches!(b, b'-' | b'/' | b':' | b'a' | b'A' | b'p' | b'P');
        c += 1;
    }
    t
};

impl Shape {
    fn of(sentence: &str) -> Shape {
        let b = sentence.as_bytes();
        let mut shape = Shape::default();
        let mut run = 0;
        for (i, &c) in b.iter().enumerate() {
            // Most bytes are none of those looked at below: one load rules them out.
            if !SHAPE_BYTE[c as usize] {
                run = 0;
                continue;
            }
            if c.is_ascii_digit() {
                run += 1;
                shape.digits = true;
                if run >= 4 {
                    shape.four_digits = true;
                    let y = &b[i + 1 - 4..=i];
                    shape.year |= (y[0] == b'1' && y[1] >= b'6') || (y[0] == b'2' && y[1] == b'0');
                }
                continue;
            }
            run = 0;
            match c {
                b'-' => shape.dash = true,
                b'/' => shape.slash = true,
                b':' => shape.colon = true,
                b'a' | b'A' | b'p' | b'P' => {
                    // Before it: a digit, then at most a '.' or ':', then at most a space.
                    let mut k = i;
                    if k > 0 && b[k - 1] == b' ' {
                        k -= 1;
                    }
                    if k > 0 && matches!(b[k - 1], b'.' | b':') {
                        k -= 1;
                    }
                    let preceded = k > 0 && b[k - 1].is_ascii_digit();
                    let m_at = |k: usize| b.get(k).is_some_and(|m| m.eq_ignore_ascii_case(&b'm'));
                    if preceded && (m_at(i + 1) || (b.get(i + 1) == Some(&b'.') && m_at(i + 2))) {
                        shape.meridiem = true;
                    }
                }
                _ => {}
            }
        }
        shape
    }
}

/// Whether a sentence with these cues and this shape can hold a match of `kind`: every
/// test is a necessary condition of the pattern, so skipping never loses a match.
fn may_match(kind: Kind, cues: u8, shape: Shape) -> bool {
    let month = cues & (CUE_MONTH | CUE_MONTH_SHORT) != 0;
    match kind {
        Kind::Iso => shape.four_digits && shape.dash,
        Kind::Slashed => shape.four_digits && shape.slash,
        Kind::YearRange | Kind::Year => shape.year,
        Kind::MonthDay | Kind::DayMonth => shape.digits && month,
        Kind::MonthYear => shape.four_digits && month,
        Kind::Clock => shape.digits && (shape.colon || shape.meridiem),
        Kind::Relative => cues & CUE_PERIOD != 0,
        Kind::Ago => cues & CUE_AGO != 0,
        Kind::Following => cues & CUE_ORDER != 0,
        Kind::Deictic => cues & CUE_DEICTIC != 0,
        Kind::Weekday => cues & CUE_WEEKDAY != 0,
        Kind::Month => cues & CUE_MONTH != 0,
    }
}

fn cues_in(sentence: &str) -> u8 {
    let (groups, matcher) = &*CUES;
    matcher
        .find_overlapping_iter(sentence)
        .fold(0, |acc, m| acc | groups[m.pattern().as_usize()])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Iso,
    Slashed,
    YearRange,
    MonthDay,
    DayMonth,
    MonthYear,
    Clock,
    Relative,
    Ago,
    Following,
    Deictic,
    Weekday,
    Month,
    Year,
}

impl Kind {
    /// The registry rule of this pattern.
    fn rule(self) -> RuleId {
        match self {
            Kind::Iso => rules::DATES_ISO,
            Kind::Slashed => rules::DATES_SLASHED,
            Kind::YearRange => rules::DATES_YEAR_RANGE,
            Kind::MonthDay => rules::DATES_MONTH_DAY,
            Kind::DayMonth => rules::DATES_DAY_MONTH,
            Kind::MonthYear => rules::DATES_MONTH_YEAR,
            Kind::Clock => rules::DATES_CLOCK,
            Kind::Relative => rules::DATES_RELATIVE,
            Kind::Ago => rules::DATES_AGO,
            Kind::Following => rules::DATES_FOLLOWING,
            Kind::Deictic => rules::DATES_DEICTIC,
            Kind::Weekday => rules::DATES_WEEKDAY,
            Kind::Month => rules::DATES_MONTH,
            Kind::Year => rules::DATES_YEAR,
        }
    }
}

/// The article's date, or a dateline's: a full date alone on one of the first lines, or
/// an inline dateline opening the story ("BRUSSELS, March 12, 2025 — The EU said …").
fn anchor_date(doc: &Document) -> Option<NaiveDate> {
    if doc.date.is_some() {
        return doc.date;
    }
    for i in 0..doc.sentences.len().min(3) {
        let s = doc.sentence_text(i).trim();
        if s.split_whitespace().count() > 8 {
            if let Some(d) = inline_dateline(s) {
                return Some(d);
            }
            continue;
        }
        if let Some(d) = first_full_date(s) {
            return Some(d);
        }
    }
    None
}

fn first_full_date(s: &str) -> Option<NaiveDate> {
    // The gates that `extract` uses: a pattern they rule out is never compiled.
    let (cues, shape) = (cues_in(s), Shape::of(s));
    PATTERNS
        .iter()
        .take(5)
        .filter(|(kind, _)| may_match(*kind, cues, shape))
        .find_map(|(kind, re)| re.captures(s).and_then(|c| explicit_full_date(*kind, &c)))
}

/// Place (capitalized words, an optional agency in brackets), comma, full date, dash:
/// the wire dateline that opens a story.
static INLINE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}.'’-]*(?:[ /]+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:\([^()]{1,30}\)\s*)?,\s*(?P<date>[^—–:]{6,40}?)\s*(?:\([^()]{1,30}\)\s*)?(?:—|–|--| - |:)")
        .expect("dateline pattern compiles")
});

/// The date of an inline dateline at the start of `sentence`, when there is one.
fn inline_dateline(sentence: &str) -> Option<NaiveDate> {
    let mut end = sentence.len().min(120);
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    let head = &sentence[..end];
    // The pattern needs a comma, and every full date a digit: without both, the
    // (costly to compile) pattern is never built.
    if !head.contains(',') || !head.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = INLINE_DATELINE.captures(head)?.name("date")?.as_str();
    first_full_date(date)
}

fn explicit_full_date(kind: Kind, c: &Caps) -> Option<NaiveDate> {
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    match kind {
        Kind::Iso => NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?),
        Kind::Slashed => NaiveDate::from_ymd_opt(num(3)? as i32, num(1)?, num(2)?),
        Kind::MonthDay => {
            NaiveDate::from_ymd_opt(num(3)? as i32, month_number(c.get(1)?.as_str())?, num(2)?)
        }
        Kind::DayMonth => {
            NaiveDate::from_ymd_opt(num(3)? as i32, month_number(c.get(2)?.as_str())?, num(1)?)
        }
        _ => None,
    }
}

/// Date and time mentions in text order.
pub fn extract(doc: &Document) -> Vec<DateMention> {
    let anchor = anchor_date(doc);
    let mut taken: Vec<Span> = Vec::new();
    let mut raw: Vec<(Span, Kind, Vec<Option<String>>)> = Vec::new();
    // Sentences in text order without overlaps (as segmentation makes them): a match can
    // only overlap a date taken in its own sentence, so only those are compared.
    let in_order = doc
        .sentences
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.start);
    for s in &doc.sentences {
        let body = doc.slice(s.span);
        let own = if in_order { taken.len() } else { 0 };
        let (cues, shape) = (cues_in(body), Shape::of(body));
        for (kind, re) in PATTERNS
            .iter()
            .filter(|(kind, _)| may_match(*kind, cues, shape))
        {
            for c in re.captures_iter(body) {
                let Some(m) = c.get(0) else { continue };
                let span = Span::new(s.span.start + m.start(), s.span.start + m.end());
                if taken[own..].iter().any(|t| t.overlaps(span)) {
                    continue;
                }
                if !accept(doc, *kind, &c, span) || !rules::fire(kind.rule(), span) {
                    continue;
                }
                taken.push(span);
                let groups = (0..c.len())
                    .map(|i| c.get(i).map(|g| g.as_str().to_string()))
                    .collect();
                raw.push((span, *kind, groups));
            }
        }
    }
    raw.sort_by_key(|(s, _, _)| s.start);
    let mut out = Vec::new();
    let mut last_resolved: Option<String> = None;
    for (span, kind, g) in raw {
        let value = resolve(kind, &g, anchor, last_resolved.as_deref());
        if let Some(v) = &value {
            last_resolved = Some(v.clone());
        }
        let sentence = doc.sentence_at(span.start).unwrap_or(0);
        out.push(DateMention {
            text: span,
            value,
            sentence,
            rules: Default::default(),
        });
    }
    out
}

/// Filters out look-alikes: "May" the verb, "March" the verb, years that are counts.
fn accept(doc: &Document, kind: Kind, c: &Caps, span: Span) -> bool {
    let text = doc.slice(span);
    let after = &doc.text[span.end..];
    match kind {
        Kind::Month => {
            // A bare month needs a cue, except for months that are not also common words.
            let cue = c.get(1).is_some();
            let month = c.get(2).map(|m| m.as_str()).unwrap_or("");
            cue || !matches!(month, "May" | "March" | "August")
        }
        Kind::Year => {
            let cue = c.get(1).map(|m| m.as_str().to_lowercase());
            // Not a count ("2000 people"), money or part of a longer number.
            let before = &doc.text[..span.start];
            if before.ends_with('$')
                || before.ends_with(',')
                || before.ends_with('.')
                || after.starts_with(',') && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return false;
            }
            if after.starts_with('%') || after.starts_with(|c: char| c.is_ascii_digit()) {
                return false;
            }
            let next_word: String = after
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let counted = !next_word.is_empty()
                && next_word.chars().next().is_some_and(|c| c.is_lowercase())
                && !matches!(
                    next_word.as_str(),
                    "and"
                        | "to"
                        | "until"
                        | "when"
                        | "after"
                        | "before"
                        | "in"
                        | "the"
                        | "as"
                        | "but"
                        | "with"
                        | "at"
                        | "for"
                        | "on"
                        | "was"
                        | "were"
                        | "is"
                        | "had"
                        | "has"
                );
            match cue.as_deref() {
                Some("the") | Some("and") | Some("to") | Some("of") => !counted,
                Some(_) => true,
                None => !counted && !text.is_empty(),
            }
        }
        Kind::Clock => {
            // "2.40" alone is a number; it is a time only with am/pm.
            let t = c.get(0).map(|m| m.as_str()).unwrap_or("");
            t.contains(':') || c.get(6).is_some()
        }
        Kind::Weekday => true,
        _ => true,
    }
}

#[cfg(test)]
mod gate_tests {
    use super::*;

    /// The cheap gates must never skip a pattern that would match: every pattern that
    /// matches a sentence built from date-like pieces is allowed by `may_match`.
    #[test]
    fn gates_never_skip_a_matching_pattern() {
        let pieces = [
            "On",
            "Monday,",
            "March",
            "Sept.",
            "Sep",
            "Dec",
            "may",
            "5",
            "5th",
            "of",
            "2021",
            "1999",
            "1650",
            "2099",
            "12/05/2020",
            "2020-05-17",
            "from 1999 to 2005",
            "between 2001 and 2003",
            "10:30",
            "10.30pm",
            "10. pm",
            "7 a.m.",
            "7A.M.",
            "11 PM",
            "9am",
            "3:",
            "last",
            "next",
            "week",
            "weekend",
            "three years ago",
            "an hour",
            "the following day",
            "today’s",
            "Yesterday",
            "tonight",
            "in",
            "since",
            "year",
            "the",
            "market",
            "2nd",
        ];
        let mut checked = 0;
        for (i, a) in pieces.iter().enumerate() {
            for b in pieces.iter().skip(i % 5) {
                for c in ["", " by", " 14", " 2019,"] {
                    let sentence = format!("{a} {b}{c} they said.");
                    let (cues, shape) = (cues_in(&sentence), Shape::of(&sentence));
                    for (kind, re) in PATTERNS.iter() {
                        if re.is_match(&sentence) {
                            assert!(
                                may_match(*kind, cues, shape),
                                "{kind:?} skipped on {sentence:?}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "only {checked} matches exercised");
    }
}
