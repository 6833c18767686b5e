//! Local and UTC times of one moment, for the timeline: "00:37 local time (03:37 UTC)"
//! is one event. The pair fixes the article's UTC offset, which then shows the zone of
//! a local time given alone. Values stay ISO: a local time with a known offset is
//! written `2010-11-28T00:37-03:00`; every entry also gets a UTC sort key.

use crate::model::{DateMention, Document, Span};
use chrono::NaiveDateTime;

/// The longest gap between a local time and its UTC form: " (", " / ", ", ".
const MAX_PAIR_GAP: usize = 4;
/// The widest UTC offset in use (UTC+14).
const MAX_OFFSET_MINUTES: i64 = 14 * 60;

/// A local time and its UTC form, merged.
pub struct Pair {
    /// The two as written, from the first to the second (with its closing bracket).
    pub text: String,
    /// The local time with its offset (`2010-11-28T00:37-03:00`).
    pub value: String,
    /// The UTC time (`2010-11-28T03:37`), to sort by.
    pub utc_key: String,
}

fn parse(value: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(value.trim_end_matches('Z'), "%Y-%m-%dT%H:%M").ok()
}

fn is_utc(m: &DateMention) -> bool {
    m.value.as_deref().is_some_and(|v| v.ends_with('Z'))
}

fn is_local(doc: &Document, m: &DateMention) -> bool {
    m.value
        .as_deref()
        .is_some_and(|v| v.contains('T') && !v.ends_with('Z'))
        && doc.slice(m.text).to_ascii_lowercase().contains("local")
}

/// "-03:00" for -180 minutes.
fn offset_text(minutes: i64) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

fn key_of(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// The pair starting at `dates[i]`, when `dates[i]` and `dates[i + 1]` are a local time
/// and its UTC form (in either order) side by side in one sentence.
pub fn pair_at(doc: &Document, dates: &[DateMention], i: usize) -> Option<Pair> {
    let (a, b) = (dates.get(i)?, dates.get(i + 1)?);
    if a.sentence != b.sentence || b.text.start < a.text.end {
        return None;
    }
    let gap = doc.text.get(a.text.end..b.text.start)?;
    if gap.len() > MAX_PAIR_GAP || gap.chars().any(char::is_alphanumeric) {
        return None;
    }
    let (local, utc) = if is_local(doc, a) && is_utc(b) {
        (a, b)
    } else if is_utc(a) && is_local(doc, b) {
        (b, a)
    } else {
        return None;
    };
    let (lt, ut) = (
        parse(local.value.as_deref()?)?,
        parse(utc.value.as_deref()?)?,
    );
    let minutes = (lt - ut).num_minutes();
    if minutes.abs() > MAX_OFFSET_MINUTES {
        return None;
    }
    let mut end = b.text.end;
    if gap.contains('(') && doc.text[end..].starts_with(')') {
        end += 1;
    }
    Some(Pair {
        text: doc.slice(Span::new(a.text.start, end)).to_string(),
        value: format!("{}{}", key_of(lt), offset_text(minutes)),
        utc_key: key_of(ut),
    })
}

/// The article's UTC offset in minutes, when its local/UTC pairs agree on one.
pub fn article_offset(doc: &Document, dates: &[DateMention]) -> Option<i64> {
    let mut found: Option<i64> = None;
    for i in 0..dates.len() {
        let Some(p) = pair_at(doc, dates, i) else {
            continue;
        };
        let (lt, ut) = (parse(p.value.get(..16)?)?, parse(&p.utc_key)?);
        let minutes = (lt - ut).num_minutes();
        match found {
            Some(m) if m != minutes => return None,
            _ => found = Some(minutes),
        }
    }
    found
}

/// Sort key and shown value of one mention: a local time given alone gets the article's
/// offset when the article fixes one; a UTC time sorts by its UTC minute.
pub fn single(
    value: Option<&str>,
    doc: &Document,
    text: Span,
    offset: Option<i64>,
) -> (String, Option<String>) {
    let Some(v) = value else {
        return (String::new(), None);
    };
    let local = v.contains('T') && !v.ends_with('Z') && doc.slice(text).contains("local");
    match (local, offset, parse(v)) {
        (true, Some(minutes), Some(t)) => (
            key_of(t - chrono::Duration::minutes(minutes)),
            Some(format!("{}{}", key_of(t), offset_text(minutes))),
        ),
        _ => (v.trim_end_matches('Z').to_string(), Some(v.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::offset_text;

    #[test]
    fn offsets_are_written_as_iso() {
        assert_eq!(offset_text(-180), "-03:00");
        assert_eq!(offset_text(330), "+05:30");
        assert_eq!(offset_text(0), "+00:00");
    }
}
