//! Page furniture: the noise users paste along with an article (font-size widgets,
//! share buttons, "Advertisement", "Read more", comment prompts, a trailing outlet
//! name, datelines and bylines). Lines are dropped only when the whole line matches a
//! furniture shape, so real sentences survive; the dateline's date and the byline's
//! author become metadata. A picture credit ("Image: Jane Roe.") is kept: it names a
//! person, and it marks the block it closes or follows as a caption (`captions`).
//!
//! The cleaned text is rebuilt from the kept lines: paragraphs separated by one blank
//! line, lines inside a paragraph by a newline. A dateline's date itself is kept as a
//! paragraph of its own (the date as written), so date mentions stay verbatim spans;
//! `Cleaned::dateline` points at it so stages can skip it.

use super::credit;
use crate::model::Span;
use chrono::NaiveDate;
use regex::{Regex, RegexSet};
use std::sync::{LazyLock, OnceLock};

/// The result of cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub text: String,
    pub date: Option<NaiveDate>,
    pub byline: Option<String>,
    /// The headline's span in `text` (the first paragraph, when it reads like one).
    pub headline: Option<Span>,
    /// The dateline's date, kept as its own paragraph.
    pub dateline: Option<Span>,
    /// Picture captions: kept blocks that carried an image credit (a credit line under
    /// them or closing them) — text to read, but not news sentences or statements.
    pub captions: Vec<Span>,
}

/// The furniture shapes of data/furniture.txt, one whole-line pattern each.
static FURNITURE_PATTERNS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::lexicon::FURNITURE
        .words()
        .map(|p| format!(r"(?i)^(?:{p})$"))
        .collect()
});

/// The furniture shapes with every `{m,n}` loosened to `{m,}` and every `[\w …]` class
/// widened to `.`: a superset of the exact shapes that compiles many times faster (a
/// bounded `.{1,150}` is 150 copies of a Unicode class; `\w` is hundreds of ranges),
/// so a CLI call on one article does not pay for the exact set. A line it matches is
/// confirmed with the exact pattern, compiled on first need.
static FURNITURE_LOOSE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(
        FURNITURE_PATTERNS
            .iter()
            .map(|p| widen_word_classes(&loosen_repeats(p))),
    )
    .expect("data/furniture.txt holds valid regular expressions")
});

/// Every bounded repetition `{m,n}` of a pattern loosened to `{m,}`.
fn loosen_repeats(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let m = digits(after);
        let n = after.get(m + 1..).map_or(0, digits);
        if m > 0 && n > 0 && after[m..].starts_with(',') && after[m + 1 + n..].starts_with('}') {
            out.push('{');
            out.push_str(&after[..=m]);
            out.push('}');
            rest = &after[m + 2 + n..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Every character class of word characters (`[\w …]`) of a pattern widened to `.`.
fn widen_word_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find(r"[\w") {
        out.push_str(&rest[..open]);
        match rest[open + 3..].find(']') {
            Some(close) => {
                out.push('.');
                rest = &rest[open + 3 + close + 1..];
            }
            None => {
                out.push('[');
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The exact furniture shapes, each compiled when a line first loosely matches it.
static FURNITURE_EXACT: LazyLock<Vec<OnceLock<Regex>>> =
    LazyLock::new(|| FURNITURE_PATTERNS.iter().map(|_| OnceLock::new()).collect());

/// Whether the whole line has one of the furniture shapes.
fn furniture_shape(line: &str) -> bool {
    FURNITURE_LOOSE.matches(line).into_iter().any(|i| {
        FURNITURE_EXACT[i]
            .get_or_init(|| {
                Regex::new(&FURNITURE_PATTERNS[i])
                    .expect("data/furniture.txt holds valid regular expressions")
            })
            .is_match(line)
    })
}

const MONTHS: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const WEEKDAYS: &str = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?";

/// A full calendar date as written in datelines. Digits are ASCII (`[0-9]`, not Unicode
/// `\d`): the numbers are parsed with `str::parse`, which reads no other digits, and the
/// Unicode class made the pattern cost twice as much to compile.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<iso>\b(?P<y1>[0-9]{{4}})-(?P<m1>[0-9]{{2}})-(?P<d1>[0-9]{{2}})(?:\b|T))
        | (?P<mdy>\b(?:{WEEKDAYS},?\s+)?(?P<m2>{MONTHS})\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>[0-9]{{4}})\b)
        | (?P<dmy>\b(?:{WEEKDAYS},?\s+)?(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m3>{MONTHS}),?\s+(?P<y3>[0-9]{{4}})\b)"
    ))
    .unwrap()
});
/// Words that may accompany a date on a dateline line without making it prose. ASCII
/// word boundaries and digits (a third of the Unicode pattern's compile cost): what is
/// left after removing them differs only around letters or digits outside ASCII, which
/// no alternative removes, so the leftover is empty (or one of the widget words) under
/// both or neither.
static DATELINE_LEFTOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:date|dated|published|updated|posted|last|first|modified|on|at|am|pm|local time|time|gmt|utc)(?-u:\b)|(?-i:(?-u:\b)[A-Z]{2,4}(?-u:\b))|(?-u:\b)[ap]\.m\.|[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?|T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}:?[0-9]{2})?|[+-][0-9]{2}:?[0-9]{2}|[\s,|/·•()\[\]:–—-]",
    )
    .unwrap()
});
/// The font-size widget some sites render as text: "+ ↺ − 16 px", "A- A A+".
static FONT_WIDGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[+＋]\s*)?(?:[↺⟲↻⟳]\s*)?(?:[−–-]\s*)?\b\d{1,2}\s?px\b|\bA\s?[−-]\s+A\s+A\s?\+")
        .unwrap()
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[\p{Lu}][\p{L}'’.-]*(?:\s+(?:(?:de|da|van|von|der|del|la|le|al|bin|ibn)\s+)?[\p{Lu}][\p{L}'’.-]*){1,3}";
    Regex::new(&format!(
        r"^(?:[Bb][Yy]|Written by|Words by|Story by|Report(?:ed)? by|Author:|Reporter:|Text:)\s*:?\s+(?P<names>{name}(?:\s*(?:,|and|&)\s*{name})*)(?:\s*(?:,|\||/|·|•|-|–|—|\bin\b)\s*(?P<tail>.*))?$"
    ))
    .unwrap()
});
static ALL_CAPS_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:BY|By)\s+(?P<names>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3})(?:\s*(?:,|\||-|–|—)\s*(?P<tail>.*))?$").unwrap()
});

/// A parsed date and its byte range in the line.
fn find_date(line: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    // Every form has a four-digit year: a line without a digit needs no regex (and a
    // one-article CLI call then never compiles it).
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for caps in DATE.captures_iter(line) {
        let whole = caps.get(0)?;
        let date = if caps.name("iso").is_some() {
            let y = caps.name("y1")?.as_str().parse().ok()?;
            let m = caps.name("m1")?.as_str().parse().ok()?;
            let d = caps.name("d1")?.as_str().parse().ok()?;
            NaiveDate::from_ymd_opt(y, m, d)
        } else if caps.name("mdy").is_some() {
            ymd(
                caps.name("y2")?.as_str(),
                caps.name("m2")?.as_str(),
                caps.name("d2")?.as_str(),
            )
        } else {
            ymd(
                caps.name("y3")?.as_str(),
                caps.name("m3")?.as_str(),
                caps.name("d3")?.as_str(),
            )
        };
        if let Some(date) = date {
            return Some((date, whole.range()));
        }
    }
    None
}

fn ymd(y: &str, month: &str, d: &str) -> Option<NaiveDate> {
    let m = match month.get(..3)?.to_ascii_lowercase().as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
}

/// Parses a date string from metadata ("2011-03-08T10:00:00Z", "March 8, 2011").
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    find_date(s).map(|(d, _)| d)
}

/// What a line is.
#[derive(Debug, Clone, PartialEq)]
enum LineKind {
    Keep,
    Drop,
    /// A dateline (or widget line carrying a date): the date and where it is in the line.
    Dateline(NaiveDate, std::ops::Range<usize>),
    Byline(String, Option<(NaiveDate, std::ops::Range<usize>)>),
}

/// Builds the furniture pattern set, the one costly table of cleaning, then the credit
/// patterns (a command-line run builds them on a spare core while it reads and decodes
/// its input; the line patterns cleaning needs first are left to the cleaning thread).
pub fn warm_up() {
    LazyLock::force(&FURNITURE_LOOSE);
    super::credit::warm_up();
}

fn is_furniture(line: &str) -> bool {
    // Every furniture shape is short; long lines are prose (and stay cheap to check).
    if line.len() > 400 {
        return false;
    }
    let words = words_upto(line, 26);
    if words > 25 {
        return false;
    }
    furniture_shape(line)
        || words <= 40 && line.contains(" by") && credit::is_reporting_credit(line)
}

/// A line that is only a date (with weekday, time, labels): "Sunday, November 28, 2010".
fn dateline(line: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    if line.len() > 120 {
        return None;
    }
    let (date, range) = find_date(line)?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    DATELINE_LEFTOVER
        .replace_all(&rest, "")
        .trim()
        .is_empty()
        .then_some((date, range))
}

/// A font-size widget line, possibly with a date in it ("date 2025-10-23 + ↺ − 16 px").
fn widget_line(line: &str) -> Option<Option<(NaiveDate, std::ops::Range<usize>)>> {
    // Length first: most lines are long prose, and scanning them three times cost more
    // than the rest of this check.
    if line.len() > 160 {
        return None;
    }
    let maybe_widget = line.contains("px") || line.contains('↺') || line.contains("A+");
    if !maybe_widget || !FONT_WIDGET.is_match(line) {
        return None;
    }
    let without_widget =
        FONT_WIDGET.replace_all(line, |c: &regex::Captures| " ".repeat(c[0].len()));
    let date = find_date(&without_widget);
    let mut rest = without_widget.into_owned();
    if let Some((_, r)) = &date {
        rest.replace_range(r.clone(), "");
    }
    let rest = DATELINE_LEFTOVER.replace_all(&rest, "");
    let rest = rest.replace(['↺', '⟲', '↻', '⟳', '+', '−', '＋'], "");
    let leftover_words = rest
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "a" | "aa" | "font" | "size" | "text" | "reset"
            )
        })
        .count();
    (leftover_words == 0).then_some(date)
}

/// A byline's name, and the date it carries with where that date is in the line.
type Byline = (String, Option<(NaiveDate, std::ops::Range<usize>)>);

fn byline(line: &str) -> Option<Byline> {
    if line.len() > 300
        || words_upto(line, 17) > 16
        || line.ends_with('.') && !line.ends_with("Jr.")
    {
        return None;
    }
    let caps = BYLINE
        .captures(line)
        .or_else(|| ALL_CAPS_BYLINE.captures(line))?;
    let names = caps.name("names")?.as_str().trim();
    // "By Tuesday the storm…" is prose: every name word must be capitalized and the
    // names must not start with a weekday or month.
    let first = names.split_whitespace().next()?;
    if find_date(&format!("{first} 1, 2000")).is_some() || first.ends_with("day") {
        return None;
    }
    let tail = caps.name("tail").map(|t| t.as_str()).unwrap_or("");
    if words_upto(tail, 9) > 8 {
        return None;
    }
    let date = find_date(line);
    Some((names.to_owned(), date))
}

/// Does this paragraph read like a headline (one short line, no final period)?
fn is_headline_like(block: &str) -> bool {
    let block = block.trim();
    if block.contains('\n') || block.is_empty() {
        return false;
    }
    let words = block.split_whitespace().count();
    let last = block.chars().next_back().unwrap_or('.');
    (2..=25).contains(&words)
        && !matches!(last, '.' | ',' | ';' | ':')
        && block.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// A last line that names the outlet ("News.Az", "Wikinews", "Reuters"): a few
/// capitalized words or a domain, with no sentence punctuation.
fn is_outlet_line(line: &str) -> bool {
    if line.len() > 160 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || line.chars().count() > 40 {
        return false;
    }
    let last = line.chars().next_back().unwrap_or('.');
    if matches!(last, '.' | '?' | '!' | ',' | ';' | ':' | '"' | '”') {
        return false;
    }
    words.iter().all(|w| {
        let w = w
            .trim_start_matches(['(', '©', '—', '–', '-'])
            .trim_end_matches(')');
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || w.contains('.') && w.chars().all(|c| c.is_alphanumeric() || c == '.')
    })
}

/// Cleans `raw` (plain text; HTML and Markdown are converted before).
pub fn clean(raw: &str) -> Cleaned {
    let normalized;
    let raw = if raw.contains('\r') {
        normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        raw
    };
    let blocks = blocks_of(raw);
    let mut kinds = classify(&blocks);
    drop_trailing_outlets(&blocks, &mut kinds);
    assemble(&blocks, &kinds, raw.len())
}

/// The text's blocks of lines (split on blank lines), each line with its end trimmed.
fn blocks_of(raw: &str) -> Vec<Vec<&str>> {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in raw.split('\n') {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// What each line of each block is. Datelines and bylines are looked for only in the
/// header zone: the first four blocks, or before the third kept line.
fn classify(blocks: &[Vec<&str>]) -> Vec<Vec<LineKind>> {
    let mut kinds: Vec<Vec<LineKind>> = Vec::with_capacity(blocks.len());
    let mut seen_body = 0usize;
    for (bi, block) in blocks.iter().enumerate() {
        let mut ks = Vec::with_capacity(block.len());
        for line in block {
            let t = line.trim();
            let header_zone = seen_body < 3 || bi < 4;
            let kind = if let Some(d) = widget_line(t) {
                match d {
                    Some((dd, r)) => LineKind::Dateline(dd, r),
                    None => LineKind::Drop,
                }
            } else if is_furniture(t) {
                LineKind::Drop
            } else if let Some((d, r)) = header_zone.then(|| dateline(t)).flatten() {
                LineKind::Dateline(d, r)
            } else if let Some((name, d)) = header_zone.then(|| byline(t)).flatten() {
                LineKind::Byline(name, d)
            } else {
                seen_body += 1;
                LineKind::Keep
            };
            ks.push(kind);
        }
        kinds.push(ks);
    }
    kinds
}

/// Drops trailing outlet name(s) at the end of the article (past furniture lines).
fn drop_trailing_outlets(blocks: &[Vec<&str>], kinds: &mut [Vec<LineKind>]) {
    let mut dropped_outlets = 0;
    'outer: for bi in (0..blocks.len()).rev() {
        for li in (0..blocks[bi].len()).rev() {
            match kinds[bi][li] {
                LineKind::Drop => continue,
                LineKind::Keep
                    if dropped_outlets < 2 && bi > 0 && is_outlet_line(blocks[bi][li].trim()) =>
                {
                    kinds[bi][li] = LineKind::Drop;
                    dropped_outlets += 1;
                }
                _ => break 'outer,
            }
        }
    }
}

/// The dateline's date as written in its line (a widget line's widget blanked out).
fn dateline_shown(line: &str, r: &std::ops::Range<usize>) -> Option<String> {
    let t = line.trim();
    if widget_line(t).is_some() {
        FONT_WIDGET
            .replace_all(t, |c: &regex::Captures| " ".repeat(c[0].len()))
            .get(r.clone())
            .map(str::to_owned)
    } else {
        t.get(r.clone()).map(str::to_owned)
    }
}

/// Rebuilds the text from the kept lines, taking the date, byline, headline, dateline
/// and captions on the way.
fn assemble(blocks: &[Vec<&str>], kinds: &[Vec<LineKind>], capacity: usize) -> Cleaned {
    let mut date: Option<NaiveDate> = None;
    let mut byline_name: Option<String> = None;
    let mut dateline_text: Option<(usize, String)> = None; // (block index, date as written)
    let mut out = String::with_capacity(capacity);
    let mut headline = None;
    let mut dateline_span = None;
    let mut first_block = true;
    let mut captions: Vec<Span> = Vec::new();
    // The last kept block, while it is short enough to be a caption a credit block follows.
    let mut last_short_block: Option<Span> = None;
    for (bi, block) in blocks.iter().enumerate() {
        let mut block_text = String::new();
        let mut credited = false;
        // Whether every kept line is a credit standing alone ("Image: Jane Roe.").
        let mut only_credits = true;
        for (li, line) in block.iter().enumerate() {
            match &kinds[bi][li] {
                LineKind::Keep => {
                    let kept = line.trim_start_matches('\u{feff}');
                    let credit_line = is_credit_line(kept.trim());
                    only_credits &= credit_line || kept.trim().is_empty();
                    credited |= credit_line || ends_with_credit(kept);
                    if !block_text.is_empty() {
                        block_text.push('\n');
                    }
                    block_text.push_str(kept);
                }
                LineKind::Drop => credited |= is_credit_line(line.trim()),
                LineKind::Dateline(d, r) => {
                    if date.is_none() {
                        date = Some(*d);
                        dateline_text = dateline_shown(line, r).map(|s| (bi, s));
                    }
                }
                LineKind::Byline(name, d) => {
                    byline_name.get_or_insert_with(|| name.clone());
                    if let (None, Some((dd, _))) = (date, d) {
                        date = Some(*dd);
                    }
                }
            }
        }
        if let Some((dbi, shown)) = &dateline_text
            && *dbi == bi
            && dateline_span.is_none()
            && !shown.trim().is_empty()
        {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            let start = out.len();
            out.push_str(shown.trim());
            dateline_span = Some(Span::new(start, out.len()));
        }
        let trimmed = block_text.trim();
        if trimmed.is_empty() {
            // A block that is only a credit line captions the short block above it.
            if credited {
                captions.extend(last_short_block.take());
            }
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let start = out.len();
        out.push_str(trimmed);
        let span = Span::new(start, out.len());
        if credited {
            // A block that is only a credit line also captions the short block above it.
            if only_credits {
                captions.extend(last_short_block.take());
            }
            captions.push(span);
        }
        last_short_block = (!credited
            && words_upto(trimmed, MAX_CAPTION_WORDS + 1) <= MAX_CAPTION_WORDS)
            .then_some(span);
        if first_block && is_headline_like(trimmed) && bi + 1 < blocks.len() {
            headline = Some(span);
        }
        first_block = false;
    }
    Cleaned {
        text: out,
        date,
        byline: byline_name,
        headline,
        dateline: dateline_span,
        captions,
    }
}

/// The number of whitespace-separated words of `s`, counted up to `max`:
/// `s.split_whitespace().take(max).count()`, with ASCII bytes read without decoding
/// them (the line checks only ask whether a line is short).
fn words_upto(s: &str, max: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() && words < max {
        // Eight ASCII bytes at once; the count may pass `max` there, hence the `min`.
        if let Some(x) = crate::text::spaces::ascii_group(bytes, i) {
            let space = crate::text::spaces::space_bits(x);
            let word = crate::text::spaces::word_bits(space);
            let starts = crate::text::spaces::word_starts(word, space, !in_word);
            words += starts.count_ones() as usize;
            in_word = word >> 63 != 0;
            i += 8;
            continue;
        }
        let (space, len) = match bytes[i] {
            b @ 0..0x80 => (b == b' ' || (b'\t'..=b'\r').contains(&b), 1),
            _ => s[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        i += len;
    }
    words.min(max)
}

/// Longest block a credit standing alone below it marks as a caption.
const MAX_CAPTION_WORDS: usize = 60;

/// A picture credit on its own line ("Image: Diego Grez.").
fn is_credit_line(line: &str) -> bool {
    line.contains(':') && words_upto(line, 13) <= 12 && credit::is_credit_line(line)
}

/// Whether an image credit closes the line (a caption: "… at dusk. Photo: Jane Roe.").
fn ends_with_credit(line: &str) -> bool {
    // The credit is short: only the line's tail is searched, so long lines stay linear.
    let mut from = line.len().saturating_sub(200);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    let tail = &line[from..];
    tail.contains(':') && credit::has_trailing_credit(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loose furniture shapes are what the two rewriting regexes they replace made.
    #[test]
    fn loosened_shapes_match_the_regex_rewrite() {
        let repeat = Regex::new(r"\{(\d+),\d+\}").unwrap();
        let class = Regex::new(r"\[\\w[^\]]*\]").unwrap();
        let extra = [
            r"a{1,2}b{3}c{,4}{5,}d{10,200}",
            r"[\w .]{1,20} [\w x [\w",
            "{1,2",
        ];
        let all = FURNITURE_PATTERNS.iter().map(String::as_str).chain(extra);
        for p in all {
            let want = class
                .replace_all(&repeat.replace_all(p, "{$1,}"), ".")
                .into_owned();
            assert_eq!(widen_word_classes(&loosen_repeats(p)), want, "{p}");
        }
    }

    #[test]
    fn words_upto_counts_as_split_whitespace() {
        for s in [
            "",
            "   ",
            "one",
            " two  words ",
            "tabs\tand\nnew\x0blines\x0c\r end",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}next",
            "Café “quoted” — ΟΔΟΣ 🙂 \u{1c}x\u{1f}",
            "eight by eight: groups of ASCII words,\tsome\n\nlonger than others do",
            "abcdefgh ijklmnop\rqrstuvwx  yz12345678 é abcdefghijklmnopqrstuvwxyz tail",
        ] {
            for max in [0, 1, 2, 3, 5, 8, 9, 100] {
                let want = s.split_whitespace().take(max).count();
                assert_eq!(words_upto(s, max), want, "{s:?} {max}");
            }
        }
    }

    #[test]
    fn widget_line_gives_the_date_and_goes() {
        let c = clean(
            " date 2025-10-23 + ↺ − 16 px\n\nJust weeks after the talks, both sides met.\n\nNews.Az",
        );
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 10, 23));
        assert_eq!(
            c.text,
            "2025-10-23\n\nJust weeks after the talks, both sides met."
        );
        assert_eq!(c.dateline.map(|s| s.of(&c.text)), Some("2025-10-23"));
    }

    #[test]
    fn dates_parse_in_dateline_formats() {
        assert_eq!(
            dateline("Saturday, November 27, 2010").map(|d| d.0),
            NaiveDate::from_ymd_opt(2010, 11, 27)
        );
        assert_eq!(
            dateline("March 8, 2011").map(|d| d.0),
            NaiveDate::from_ymd_opt(2011, 3, 8)
        );
        assert_eq!(
            dateline("Published: 8 March 2011, 10:32 GMT").map(|d| d.0),
            NaiveDate::from_ymd_opt(2011, 3, 8)
        );
        assert_eq!(
            dateline("Updated Sept. 5, 2024 at 4:10 p.m. EDT").map(|d| d.0),
            NaiveDate::from_ymd_opt(2024, 9, 5)
        );
        assert!(dateline("On March 8, 2011 the company collapsed").is_none());
    }

    #[test]
    fn bylines_are_recognized_conservatively() {
        assert_eq!(
            byline("By Jane Doe").map(|b| b.0).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            byline("By Jane Doe and John Roe, Reuters")
                .map(|b| b.0)
                .as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(
            byline("BY JANE DOE | March 8, 2011")
                .map(|b| b.0)
                .as_deref(),
            Some("JANE DOE")
        );
        assert!(byline("By Tuesday the Senate had voted.").is_none());
        assert!(byline("By Monday Morning Standards").is_none());
        assert!(byline("By the end of the year, prices rose").is_none());
    }

    #[test]
    fn a_picture_credit_stays_and_marks_the_caption_above_it() {
        let body = "The council met on Tuesday and voted to close the old bridge for repairs.";
        let raw = format!(
            "Bridge closes\n\n{body}\n\nThe old bridge at dusk.\n\nImage: Jane Roe.\n\n{body}"
        );
        let c = clean(&raw);
        assert!(c.text.contains("Image: Jane Roe."), "{}", c.text);
        let captioned: Vec<&str> = c.captions.iter().map(|s| &c.text[s.start..s.end]).collect();
        assert_eq!(captioned, ["The old bridge at dusk.", "Image: Jane Roe."]);
        let c = clean(&format!(
            "Bridge closes\n\n{body}\n\nThe old bridge. Photo: Jane Roe.\n\n{body}"
        ));
        assert!(
            c.text.contains("The old bridge. Photo: Jane Roe."),
            "{}",
            c.text
        );
        assert_eq!(c.captions.len(), 1);
    }
}
