//! Turning a matched date expression into its value: explicit dates as they are written,
//! relative ones ("last week", "three days ago", "Tuesday", "the following year")
//! counted from the article's anchor date or from the date before them.

use super::{Kind, NUMBER_WORDS, WEEKDAYS};
use crate::lexicon::MONTHS;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A match's capture groups, by index.
struct Groups<'a>(&'a [Option<String>]);

impl Groups<'_> {
    fn s(&self, i: usize) -> Option<&str> {
        self.0.get(i).and_then(|x| x.as_deref())
    }

    fn num(&self, i: usize) -> Option<u32> {
        self.s(i).and_then(|x| x.parse::<u32>().ok())
    }
}

pub(super) fn resolve(
    kind: Kind,
    g: &[Option<String>],
    anchor: Option<NaiveDate>,
    previous: Option<&str>,
) -> Option<String> {
    let g = Groups(g);
    let s = |i| g.s(i);
    let num = |i| g.num(i);
    match kind {
        Kind::Iso => NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?).map(ymd),
        Kind::Slashed => NaiveDate::from_ymd_opt(num(3)? as i32, num(1)?, num(2)?).map(ymd),
        Kind::YearRange => Some(format!("{}/{}", s(1)?, s(2)?)),
        Kind::MonthDay | Kind::DayMonth => {
            let (month, day) = if kind == Kind::MonthDay {
                (month_number(s(1)?)?, num(2)?)
            } else {
                (month_number(s(2)?)?, num(1)?)
            };
            match num(3) {
                Some(y) => NaiveDate::from_ymd_opt(y as i32, month, day).map(ymd),
                None => year_near(anchor?, month, day).map(ymd),
            }
        }
        Kind::MonthYear => Some(format!("{:04}-{:02}", num(2)?, month_number(s(1)?)?)),
        Kind::Month => resolve_month(&g, anchor),
        Kind::Clock => resolve_clock(&g, anchor),
        Kind::Relative => resolve_relative(&g, anchor),
        Kind::Ago => resolve_ago(&g, anchor),
        Kind::Following => resolve_following(&g, previous),
        Kind::Deictic => {
            let a = anchor?;
            Some(match s(1)?.to_lowercase().as_str() {
                "yesterday" => ymd(a - Duration::days(1)),
                "tomorrow" => ymd(a + Duration::days(1)),
                _ => ymd(a),
            })
        }
        Kind::Weekday => resolve_weekday(&g, anchor),
        Kind::Year => Some(s(2)?.to_string()),
    }
}

fn resolve_month(g: &Groups, anchor: Option<NaiveDate>) -> Option<String> {
    let s = |i| g.s(i);
    let month = month_number(s(2)?)?;
    let cue = s(1).map(str::to_lowercase);
    let a = anchor?;
    Some(match cue.as_deref() {
        Some("next") => {
            let y = if month > a.month() {
                a.year()
            } else {
                a.year() + 1
            };
            format!("{y:04}-{month:02}")
        }
        Some("last") => {
            let y = if month < a.month() {
                a.year()
            } else {
                a.year() - 1
            };
            format!("{y:04}-{month:02}")
        }
        Some("this") => format!("{:04}-{month:02}", a.year()),
        _ => month_near(a, month, true),
    })
}

fn resolve_clock(g: &Groups, anchor: Option<NaiveDate>) -> Option<String> {
    let s = |i| g.s(i);
    let num = |i| g.num(i);
    let a = anchor?;
    let (mut hour, minute, zone) = if let Some(h) = num(1) {
        (h, num(2)?, s(3).map(str::to_lowercase))
    } else {
        (num(4)?, num(5).unwrap_or(0), s(6).map(str::to_lowercase))
    };
    match zone.as_deref() {
        Some(z) if z.starts_with('p') && hour < 12 => hour += 12,
        Some(z) if z.starts_with('a') && hour == 12 => hour = 0,
        _ => {}
    }
    let suffix = if matches!(zone.as_deref(), Some("utc") | Some("gmt")) {
        "Z"
    } else {
        ""
    };
    Some(format!("{}T{hour:02}:{minute:02}{suffix}", ymd(a)))
}

fn resolve_relative(g: &Groups, anchor: Option<NaiveDate>) -> Option<String> {
    let s = |i| g.s(i);
    let a = anchor?;
    let which = s(2)?.to_lowercase();
    let unit = s(3)?.to_lowercase();
    let offset: i32 = match which.as_str() {
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    Some(match unit.as_str() {
        "week" => week_range(a + Duration::weeks(offset as i64)),
        "weekend" => {
            let sat = a - Duration::days(a.weekday().num_days_from_monday() as i64)
                + Duration::days(5)
                + Duration::weeks(offset.min(0) as i64);
            format!("{}/{}", ymd(sat), ymd(sat + Duration::days(1)))
        }
        "month" => {
            let (y, m) = shift_months(a, offset);
            format!("{y:04}-{m:02}")
        }
        _ => format!("{:04}", a.year() + offset),
    })
}

fn resolve_ago(g: &Groups, anchor: Option<NaiveDate>) -> Option<String> {
    let s = |i| g.s(i);
    let a = anchor?;
    let n_text = s(1)?.to_lowercase();
    let n: i64 = n_text.parse().ok().or_else(|| {
        NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == n_text)
            .map(|(_, v)| *v)
    })?;
    if n < 0 {
        return None;
    }
    Some(match s(2)?.to_lowercase().as_str() {
        "day" => ymd(a - Duration::days(n)),
        "week" => ymd(a - Duration::weeks(n)),
        "month" => {
            let (y, m) = shift_months(a, -(n as i32));
            format!("{y:04}-{m:02}")
        }
        "year" => format!("{:04}", a.year() - n as i32),
        _ => format!("{:03}X", (a.year() - 10 * n as i32) / 10),
    })
}

fn resolve_following(g: &Groups, previous: Option<&str>) -> Option<String> {
    let s = |i| g.s(i);
    let step: i64 = if s(1)?.eq_ignore_ascii_case("previous") {
        -1
    } else {
        1
    };
    let prev = previous?;
    let unit = s(2)?.to_lowercase();
    if unit == "year" {
        let y: i64 = prev.get(..4)?.parse().ok()?;
        return Some(format!("{:04}", y + step));
    }
    let d = NaiveDate::parse_from_str(prev.get(..10)?, "%Y-%m-%d").ok()?;
    Some(match unit.as_str() {
        "day" => ymd(d + Duration::days(step)),
        "week" => week_range(d + Duration::weeks(step)),
        _ => {
            let (y, m) = shift_months(d, step as i32);
            format!("{y:04}-{m:02}")
        }
    })
}

fn resolve_weekday(g: &Groups, anchor: Option<NaiveDate>) -> Option<String> {
    let s = |i| g.s(i);
    let a = anchor?;
    let wd = weekday_of(s(2)?)?;
    let back =
        (7 + a.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    Some(match s(1).map(str::to_lowercase).as_deref() {
        Some("next") => ymd(a + Duration::days(if back == 0 { 7 } else { 7 - back })),
        Some("last") => ymd(a - Duration::days(if back == 0 { 7 } else { back })),
        _ => ymd(a - Duration::days(back)),
    })
}

pub(super) fn month_number(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == s).map(|(_, v)| *v)
}

pub(super) fn weekday_of(s: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(n, _)| *n == s).map(|(_, v)| *v)
}

/// The year that puts month/day within nine months before or three months after `anchor`.
pub(super) fn year_near(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let y = anchor.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|yy| NaiveDate::from_ymd_opt(yy, month, day))
        .find(|d| {
            let diff = (*d - anchor).num_days();
            (-275..=92).contains(&diff)
        })
}

pub(super) fn month_near(anchor: NaiveDate, month: u32, look_back: bool) -> String {
    let am = anchor.month() as i32;
    let m = month as i32;
    let year = if look_back {
        if m <= am {
            anchor.year()
        } else {
            anchor.year() - 1
        }
    } else if m - am > 2 {
        anchor.year() - 1
    } else if am - m > 9 {
        anchor.year() + 1
    } else {
        anchor.year()
    };
    format!("{year:04}-{month:02}")
}

pub(super) fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn shift_months(d: NaiveDate, months: i32) -> (i32, u32) {
    let total = d.year() * 12 + d.month0() as i32 + months;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

pub(super) fn week_range(d: NaiveDate) -> String {
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    format!("{}/{}", ymd(monday), ymd(monday + Duration::days(6)))
}
