//! Team briefings: one digest of the articles a guild added over a period — per article
//! its key points, quotes and figures; across articles who was quoted most, who and what
//! recurs, and which figures disagree — plus the schedules that post it to a channel.
//!
//! - [`digest`]: builds a [`Digest`] from articles (library only, no Discord types).
//! - [`render`]: a digest as console text, or as Discord-sized messages.
//! - [`schedule`]: when a channel's briefing is due (IANA time zones, DST), and the
//!   schedules and last-run marks kept in the store's settings.
//! - [`scheduler`]: the one task that sleeps until the next due briefing and posts it
//!   through an injected sink, with an injected clock.

pub mod digest;
pub mod render;
pub mod schedule;
pub mod scheduler;
mod words;

pub use digest::{Digest, DigestOptions, build_digest};
pub use schedule::Schedule;

use crate::error::{Error, Result};
use crate::store::{Scope, Store};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;

/// Records that `digest` was posted to `channel_id` (by `/briefing post`), so the
/// channel's next briefing starts after it. Call once the post succeeded.
pub fn mark_posted(
    store: &Store,
    scope: Scope,
    channel_id: u64,
    digest: &Digest,
    now: DateTime<Utc>,
) -> Result<()> {
    let previous = schedule::last_run(store, scope, channel_id);
    schedule::record_run(
        store,
        scope,
        channel_id,
        scheduler::run_mark(digest, previous.as_ref(), now),
    )
}

/// A channel id from `123`, `<#123>` or `#123`; `None` for a name.
pub fn parse_channel_id(channel: &str) -> Option<u64> {
    let c = channel.trim();
    let c = c
        .strip_prefix("<#")
        .and_then(|c| c.strip_suffix('>'))
        .unwrap_or(c);
    c.trim_start_matches('#').parse().ok()
}

/// Parses a `since` option: a duration back from `now` (`24h`, `7d`, `2w`, `90m`,
/// `1d12h`), a date (`2026-11-28`, midnight in `tz`), or a date and time
/// (`2026-11-28 08:00`, in `tz`).
pub fn parse_since(input: &str, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>> {
    let s = input.trim();
    let bad = || {
        Error::BadInput(format!(
            "I can't read `since:{s}`. Use a duration like 24h, 7d or 2w, or a date like 2026-11-28."
        ))
    };
    if s.is_empty() {
        return Err(bad());
    }
    if let Some(d) = parse_duration(s) {
        return now.checked_sub_signed(d).ok_or_else(bad);
    }
    let local = if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        date.and_time(NaiveTime::MIN)
    } else {
        ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
            .ok_or_else(bad)?
    };
    let at = schedule::resolve_local(tz, local).ok_or_else(bad)?;
    if at > now {
        return Err(Error::BadInput(format!(
            "`since:{s}` is in the future. Give a past date, or a duration like 24h."
        )));
    }
    Ok(at)
}

/// `24h`, `7d`, `2w`, `90m`, `1d12h` (units: m, h, d, w; also spelled out).
fn parse_duration(s: &str) -> Option<Duration> {
    let lower = s.to_ascii_lowercase();
    let mut rest = lower.as_str().trim();
    let mut total = Duration::zero();
    let mut any = false;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let n: i64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = rest[unit_len..].trim_start();
        let one = match unit {
            "m" | "min" | "mins" | "minute" | "minutes" => Duration::minutes(1),
            "h" | "hr" | "hrs" | "hour" | "hours" => Duration::hours(1),
            "d" | "day" | "days" => Duration::days(1),
            "w" | "wk" | "week" | "weeks" => Duration::weeks(1),
            _ => return None,
        };
        // Cap at ten years so nothing overflows.
        if n > 3660 * 24 * 60 {
            return None;
        }
        total += one * i32::try_from(n).ok()?;
        any = true;
    }
    any.then_some(total)
}

/// Parses an IANA time zone name, ignoring case (`europe/berlin`, `UTC`).
pub fn parse_timezone(name: &str) -> Result<Tz> {
    let n = name.trim();
    if let Ok(tz) = n.parse::<Tz>() {
        return Ok(tz);
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .copied()
        .find(|tz| tz.name().eq_ignore_ascii_case(n))
        .ok_or_else(|| {
            Error::BadInput(format!(
                "Unknown time zone `{n}`. Use an IANA name such as Europe/Berlin, America/New_York or UTC."
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn since_accepts_durations_and_dates() {
        let now = at("2026-11-29T12:00:00Z");
        assert_eq!(
            parse_since("24h", now, Tz::UTC).unwrap(),
            at("2026-11-28T12:00:00Z")
        );
        assert_eq!(
            parse_since("7d", now, Tz::UTC).unwrap(),
            at("2026-11-22T12:00:00Z")
        );
        assert_eq!(
            parse_since("1d12h", now, Tz::UTC).unwrap(),
            at("2026-11-28T00:00:00Z")
        );
        assert_eq!(
            parse_since("2 weeks", now, Tz::UTC).unwrap(),
            at("2026-11-15T12:00:00Z")
        );
        assert_eq!(
            parse_since("2026-11-28", now, Tz::UTC).unwrap(),
            at("2026-11-28T00:00:00Z")
        );
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(
            parse_since("2026-11-28 08:00", now, berlin).unwrap(),
            at("2026-11-28T07:00:00Z")
        );
    }

    #[test]
    fn since_refuses_nonsense_and_the_future() {
        let now = at("2026-11-29T12:00:00Z");
        for bad in ["", "soon", "24", "h", "2026-13-01", "-3d", "99999999999d"] {
            let err = parse_since(bad, now, Tz::UTC).unwrap_err().to_string();
            assert!(err.contains("24h"), "{bad}: {err}");
        }
        assert!(
            parse_since("2027-01-01", now, Tz::UTC)
                .unwrap_err()
                .to_string()
                .contains("future")
        );
    }

    #[test]
    fn timezones_parse_ignoring_case() {
        assert_eq!(
            parse_timezone("europe/berlin").unwrap().name(),
            "Europe/Berlin"
        );
        assert_eq!(parse_timezone("UTC").unwrap().name(), "UTC");
        assert!(
            parse_timezone("Mars/Olympus")
                .unwrap_err()
                .to_string()
                .contains("IANA")
        );
    }
}
