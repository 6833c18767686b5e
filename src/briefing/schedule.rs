//! Briefing schedules: when a channel's briefing is due, and where schedules live.
//!
//! A schedule posts at a wall-clock time (HH:MM) in an IANA time zone on every day or on
//! chosen weekdays. Local times that do not exist (the hour skipped when clocks go
//! forward) post when the clock jumps past them; local times that happen twice (clocks go
//! back) post at the first. Schedules and the mark of each channel's last briefing are
//! kept in the store's settings (`briefing.schedule.<channel>`, `briefing.last.<channel>`),
//! so they are as durable as the guild's data and survive restarts.

use crate::error::{Error, Result};
use crate::store::{Scope, Store};
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub const SCHEDULE_PREFIX: &str = "briefing.schedule.";
pub const LAST_PREFIX: &str = "briefing.last.";
pub const NOTICE_KEY: &str = "briefing.notices";
/// How many channels of one guild may have a schedule.
pub const MAX_SCHEDULES_PER_GUILD: usize = 25;

/// One channel's recurring briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub channel_id: u64,
    /// Local wall-clock time of day.
    pub time: NaiveTime,
    /// IANA name ("Europe/Berlin", "UTC").
    pub timezone: String,
    /// Weekdays to post on; empty means every day.
    #[serde(default)]
    pub days: Vec<Weekday>,
    #[serde(default)]
    pub topic: Option<String>,
    /// Role to mention at the top of the briefing.
    #[serde(default)]
    pub mention_role: Option<u64>,
    /// Post a one-line "no new articles" when the period is empty (else post nothing).
    #[serde(default)]
    pub post_when_empty: bool,
    #[serde(default = "yes")]
    pub enabled: bool,
    /// Why the schedule was switched off (e.g. the bot lost access to the channel).
    #[serde(default)]
    pub disabled_reason: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

fn yes() -> bool {
    true
}

/// The mark a posted (or deliberately skipped, empty) briefing leaves.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LastRun {
    /// End of the period the briefing covered; the next one starts here.
    pub covered_until: DateTime<Utc>,
    /// When it ran.
    pub ran_at: DateTime<Utc>,
    /// How many articles it covered (0 for an empty period).
    pub articles: usize,
    /// The highest article number it covered: the next briefing starts after it.
    #[serde(default)]
    pub last_article: Option<u64>,
}

impl Schedule {
    /// A daily schedule at `time` in `timezone` (validated).
    pub fn new(
        channel_id: u64,
        time: NaiveTime,
        timezone: Tz,
        created_at: DateTime<Utc>,
    ) -> Schedule {
        Schedule {
            channel_id,
            time,
            timezone: timezone.name().to_string(),
            days: Vec::new(),
            topic: None,
            mention_role: None,
            post_when_empty: false,
            enabled: true,
            disabled_reason: None,
            created_by: None,
            created_at,
        }
    }

    /// The schedule's time zone (UTC if the stored name no longer parses).
    pub fn tz(&self) -> Tz {
        self.timezone.parse().unwrap_or(Tz::UTC)
    }

    pub fn runs_on(&self, day: Weekday) -> bool {
        self.days.is_empty() || self.days.contains(&day)
    }

    /// The instant this schedule fires on local date `date`, if it runs that day.
    pub fn slot_on(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        if !self.runs_on(date.weekday()) {
            return None;
        }
        resolve_local(self.tz(), date.and_time(self.time))
    }

    /// The first time this schedule fires strictly after `after`.
    pub fn next_due(&self, after: DateTime<Utc>) -> DateTime<Utc> {
        let local_day = after.with_timezone(&self.tz()).date_naive();
        // Start a day early: a slot on the previous local date can still lie ahead
        // when a far-from-UTC offset or a DST shift moves it.
        let mut day = local_day.pred_opt().unwrap_or(local_day);
        for _ in 0..16 {
            if let Some(slot) = self.slot_on(day)
                && slot > after
            {
                return slot;
            }
            match day.succ_opt() {
                Some(d) => day = d,
                None => break,
            }
        }
        // Unreachable for a valid schedule (some weekday within 16 days always runs);
        // a day later keeps the scheduler from spinning if it ever happens.
        after + Duration::days(1)
    }

    /// The last time this schedule fired at or before `at`.
    pub fn previous_due(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let mut day = at.with_timezone(&self.tz()).date_naive().succ_opt()?;
        for _ in 0..16 {
            if let Some(slot) = self.slot_on(day)
                && slot <= at
            {
                return Some(slot);
            }
            day = day.pred_opt()?;
        }
        None
    }

    /// When the next briefing is due, given the channel's last run.
    pub fn due_after_last(&self, last: Option<&LastRun>) -> DateTime<Utc> {
        // A schedule created (or re-created) after the last run starts counting afresh.
        let after = last
            .map(|l| l.ran_at.max(l.covered_until))
            .unwrap_or(self.created_at)
            .max(self.created_at);
        self.next_due(after)
    }

    /// Where the briefing due at `due` starts its period: the end of the last one, or
    /// for a first briefing the previous slot (a day for a daily schedule).
    pub fn period_start(&self, last: Option<&LastRun>, due: DateTime<Utc>) -> DateTime<Utc> {
        match last {
            Some(l) => l.covered_until,
            None => self
                .previous_due(due - Duration::seconds(1))
                .unwrap_or(due - Duration::days(1)),
        }
    }

    /// "every day at 08:00 (Europe/Berlin)", "Mon, Wed at 07:30 (UTC)".
    pub fn describe_when(&self) -> String {
        format!(
            "{} at {} ({})",
            describe_days(&self.days),
            self.time.format("%H:%M"),
            self.timezone
        )
    }
}

/// "every day", "weekdays", "Mon, Wed, Fri".
pub fn describe_days(days: &[Weekday]) -> String {
    let mut sorted: Vec<Weekday> = days.to_vec();
    sorted.sort_by_key(|d| d.num_days_from_monday());
    sorted.dedup();
    let weekdays = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    if sorted.is_empty() || sorted.len() == 7 {
        "every day".into()
    } else if sorted == weekdays {
        "weekdays".into()
    } else if sorted == [Weekday::Sat, Weekday::Sun] {
        "weekends".into()
    } else {
        sorted
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The UTC instant of local wall time `local` in `tz`: the earlier one when the time
/// happens twice, the moment the clock jumps past it when it does not exist.
pub fn resolve_local(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
        LocalResult::None => {
            // In a gap: the first local minute after it that exists is when the clock
            // jumped (gaps are at most a few hours; give up after a day).
            (1..=24 * 60).find_map(|m| {
                match tz.from_local_datetime(&(local + Duration::minutes(m))) {
                    LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
                    LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
                    LocalResult::None => None,
                }
            })
        }
    }
}

/// Parses a time of day: `08:00`, `8:30`, `8`, `8am`, `7:45 pm`, `19h30`.
pub fn parse_time(input: &str) -> Result<NaiveTime> {
    let bad = || {
        Error::BadInput(format!(
            "I can't read the time `{}`. Use 24-hour HH:MM, like 08:00 or 17:30.",
            input.trim()
        ))
    };
    let s = input.trim().to_ascii_lowercase().replace(' ', "");
    let (body, pm) = if let Some(b) = s.strip_suffix("pm") {
        (b.to_string(), Some(true))
    } else if let Some(b) = s.strip_suffix("am") {
        (b.to_string(), Some(false))
    } else {
        (s.clone(), None)
    };
    let (h, m) = match body.split_once([':', 'h', '.']) {
        Some((h, m)) => (
            h.to_string(),
            if m.is_empty() {
                "0".to_string()
            } else {
                m.to_string()
            },
        ),
        None => (body.clone(), "0".to_string()),
    };
    if h.is_empty()
        || h.len() > 2
        || m.len() > 2
        || !h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let mut hour: u32 = h.parse().map_err(|_| bad())?;
    let minute: u32 = m.parse().map_err(|_| bad())?;
    if let Some(pm) = pm {
        if !(1..=12).contains(&hour) {
            return Err(bad());
        }
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(bad)
}

/// Parses weekdays: `daily`, `weekdays`, `weekends`, `mon,wed,fri`, `mon-fri`,
/// `Monday Thursday`. Empty result means every day.
pub fn parse_days(input: &str) -> Result<Vec<Weekday>> {
    let bad = |part: &str| {
        Error::BadInput(format!(
            "I can't read `{part}` as days. Use daily, weekdays, weekends, or names like mon,wed,fri or mon-fri."
        ))
    };
    let s = input.trim().to_lowercase();
    let mut days: Vec<Weekday> = Vec::new();
    for part in s.split([',', ' ', ';', '/']).filter(|p| !p.is_empty()) {
        match part {
            "daily" | "everyday" | "all" | "every" | "day" => return Ok(Vec::new()),
            "weekdays" | "workdays" => days.extend([
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ]),
            "weekends" | "weekend" => days.extend([Weekday::Sat, Weekday::Sun]),
            _ => {
                if let Some((from, to)) = part.split_once(['-', '–']) {
                    let from = parse_weekday(from).ok_or_else(|| bad(part))?;
                    let to = parse_weekday(to).ok_or_else(|| bad(part))?;
                    let mut d = from;
                    loop {
                        days.push(d);
                        if d == to {
                            break;
                        }
                        d = d.succ();
                    }
                } else {
                    days.push(parse_weekday(part).ok_or_else(|| bad(part))?);
                }
            }
        }
    }
    if days.is_empty() {
        return Err(bad(input.trim()));
    }
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    if days.len() == 7 {
        days.clear();
    }
    Ok(days)
}

fn parse_weekday(word: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    let w = word.trim().trim_end_matches('.');
    if w.len() < 2 {
        return None;
    }
    // "mo", "tue", "thurs", "wednesday", "weds".
    let w = if w == "weds" { "wed" } else { w };
    let hits: Vec<Weekday> = NAMES
        .iter()
        .filter(|(name, _)| name.starts_with(w))
        .map(|(_, d)| *d)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

fn schedule_key(channel_id: u64) -> String {
    format!("{SCHEDULE_PREFIX}{channel_id}")
}

fn last_key(channel_id: u64) -> String {
    format!("{LAST_PREFIX}{channel_id}")
}

fn storage(e: serde_json::Error) -> Error {
    Error::Storage(format!(
        "A briefing setting could not be saved ({e}). Try again; if it keeps failing, check the data directory."
    ))
}

/// Creates or replaces the schedule of `schedule.channel_id`; returns the one it replaced.
pub fn save_schedule(store: &Store, scope: Scope, schedule: &Schedule) -> Result<Option<Schedule>> {
    let previous = load_schedule(store, scope, schedule.channel_id);
    if previous.is_none() && load_schedules(store, scope).len() >= MAX_SCHEDULES_PER_GUILD {
        return Err(Error::Limit(format!(
            "This server already has {MAX_SCHEDULES_PER_GUILD} briefing schedules, the most it can have. Stop one with /briefing stop first."
        )));
    }
    let value = serde_json::to_value(schedule).map_err(storage)?;
    store.set_setting(scope, &schedule_key(schedule.channel_id), Some(value))?;
    Ok(previous)
}

pub fn load_schedule(store: &Store, scope: Scope, channel_id: u64) -> Option<Schedule> {
    store
        .setting(scope, &schedule_key(channel_id))
        .and_then(|v| serde_json::from_value(v).ok())
}

/// The scope's schedules, by channel id. Unreadable entries are skipped with a warning.
pub fn load_schedules(store: &Store, scope: Scope) -> Vec<Schedule> {
    store
        .settings_with_prefix(scope, SCHEDULE_PREFIX)
        .into_iter()
        .filter_map(|(key, value)| match serde_json::from_value::<Schedule>(value) {
            Ok(s) => Some(s),
            Err(e) => {
                tracing::warn!(?scope, key, error = %e, "skipping an unreadable briefing schedule");
                None
            }
        })
        .collect()
}

/// Removes a channel's schedule; returns it if there was one.
pub fn remove_schedule(store: &Store, scope: Scope, channel_id: u64) -> Result<Option<Schedule>> {
    let previous = load_schedule(store, scope, channel_id);
    if previous.is_some() {
        store.set_setting(scope, &schedule_key(channel_id), None)?;
    }
    Ok(previous)
}

pub fn last_run(store: &Store, scope: Scope, channel_id: u64) -> Option<LastRun> {
    store
        .setting(scope, &last_key(channel_id))
        .and_then(|v| serde_json::from_value(v).ok())
}

pub fn record_run(store: &Store, scope: Scope, channel_id: u64, run: LastRun) -> Result<()> {
    store.set_setting(
        scope,
        &last_key(channel_id),
        Some(serde_json::to_value(run).map_err(storage)?),
    )
}

/// Switches a schedule off (the bot can no longer post there) and leaves a notice for
/// the guild's next admin command.
pub fn disable_schedule(store: &Store, scope: Scope, channel_id: u64, reason: &str) -> Result<()> {
    let Some(mut schedule) = load_schedule(store, scope, channel_id) else {
        return Ok(());
    };
    schedule.enabled = false;
    schedule.disabled_reason = Some(reason.to_string());
    store.set_setting(
        scope,
        &schedule_key(channel_id),
        Some(serde_json::to_value(&schedule).map_err(storage)?),
    )?;
    push_notice(
        store,
        scope,
        format!(
            "The briefing schedule for <#{channel_id}> was switched off: {reason}. Give me permission to post there and run /briefing schedule again, or remove it with /briefing stop."
        ),
    )
}

pub fn push_notice(store: &Store, scope: Scope, notice: String) -> Result<()> {
    let mut notices: Vec<String> = store
        .setting(scope, NOTICE_KEY)
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    if !notices.contains(&notice) {
        notices.push(notice);
    }
    store.set_setting(
        scope,
        NOTICE_KEY,
        Some(serde_json::to_value(notices).map_err(storage)?),
    )
}

/// Notices waiting for an admin (and clears them): shown with the next admin reply.
pub fn take_notices(store: &Store, scope: Scope) -> Vec<String> {
    let notices: Vec<String> = store
        .setting(scope, NOTICE_KEY)
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    if !notices.is_empty() && store.set_setting(scope, NOTICE_KEY, None).is_err() {
        tracing::warn!(?scope, "could not clear briefing notices");
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn berlin(time: &str) -> Schedule {
        Schedule::new(
            1,
            parse_time(time).unwrap(),
            "Europe/Berlin".parse().unwrap(),
            at("2026-01-01T00:00:00Z"),
        )
    }

    #[test]
    fn daily_local_time_follows_dst() {
        let s = berlin("08:00");
        // Winter: CET = UTC+1.
        assert_eq!(
            s.next_due(at("2026-03-28T12:00:00Z")),
            at("2026-03-29T06:00:00Z")
        );
        // 29 March 2026 clocks go forward: CEST = UTC+2 from then on.
        assert_eq!(
            s.next_due(at("2026-03-29T06:00:00Z")),
            at("2026-03-30T06:00:00Z")
        );
        assert_eq!(
            s.next_due(at("2026-03-27T07:30:00Z")),
            at("2026-03-28T07:00:00Z")
        );
        // 25 October 2026 back to CET.
        assert_eq!(
            s.next_due(at("2026-10-24T07:00:00Z")),
            at("2026-10-25T07:00:00Z")
        );
    }

    #[test]
    fn skipped_and_repeated_local_times() {
        // 02:30 does not exist on 29 March 2026 in Berlin: posts when clocks jump to 03:00 CEST.
        let s = berlin("02:30");
        assert_eq!(
            s.next_due(at("2026-03-28T12:00:00Z")),
            at("2026-03-29T01:00:00Z")
        );
        // 02:30 happens twice on 25 October 2026: posts once, at the first (CEST, UTC+2).
        let first = s.next_due(at("2026-10-24T12:00:00Z"));
        assert_eq!(first, at("2026-10-25T00:30:00Z"));
        assert_eq!(s.next_due(first), at("2026-10-26T01:30:00Z"));
    }

    #[test]
    fn chosen_weekdays_only() {
        let mut s = berlin("09:15");
        s.days = parse_days("mon,thu").unwrap();
        // Sat 28 Nov 2026 → Mon 30 Nov, then Thu 3 Dec.
        let mon = s.next_due(at("2026-11-28T10:00:00Z"));
        assert_eq!(mon, at("2026-11-30T08:15:00Z"));
        assert_eq!(s.next_due(mon), at("2026-12-03T08:15:00Z"));
        assert_eq!(s.previous_due(at("2026-12-02T00:00:00Z")), Some(mon));
    }

    #[test]
    fn far_offsets_land_on_the_right_local_day() {
        let s = Schedule::new(
            1,
            parse_time("07:00").unwrap(),
            "Pacific/Kiritimati".parse().unwrap(),
            at("2026-01-01T00:00:00Z"),
        );
        // UTC+14: 07:00 local on 30 Nov is 17:00 UTC on 29 Nov.
        assert_eq!(
            s.next_due(at("2026-11-29T12:00:00Z")),
            at("2026-11-29T17:00:00Z")
        );
    }

    #[test]
    fn times_and_days_parse() {
        assert_eq!(
            parse_time("8").unwrap(),
            NaiveTime::from_hms_opt(8, 0, 0).unwrap()
        );
        assert_eq!(
            parse_time("07:45 pm").unwrap(),
            NaiveTime::from_hms_opt(19, 45, 0).unwrap()
        );
        assert_eq!(
            parse_time("12am").unwrap(),
            NaiveTime::from_hms_opt(0, 0, 0).unwrap()
        );
        assert_eq!(
            parse_time("19h30").unwrap(),
            NaiveTime::from_hms_opt(19, 30, 0).unwrap()
        );
        for bad in ["25:00", "8:60", "noon", "", "13pm", "123:00"] {
            assert!(
                parse_time(bad).unwrap_err().to_string().contains("HH:MM"),
                "{bad}"
            );
        }
        assert_eq!(
            parse_days("mon-fri").unwrap(),
            parse_days("weekdays").unwrap()
        );
        assert_eq!(
            parse_days("Fri-Mon").unwrap(),
            vec![Weekday::Mon, Weekday::Fri, Weekday::Sat, Weekday::Sun]
        );
        assert!(parse_days("daily").unwrap().is_empty());
        assert!(parse_days("mon-sun").unwrap().is_empty());
        assert_eq!(
            parse_days("Tuesday, thurs").unwrap(),
            vec![Weekday::Tue, Weekday::Thu]
        );
        assert!(
            parse_days("t").is_err() && parse_days("funday").is_err() && parse_days(" ").is_err()
        );
        assert_eq!(describe_days(&parse_days("sat sun").unwrap()), "weekends");
    }

    #[test]
    fn schedules_and_notices_persist_in_settings() {
        let store = Store::in_memory();
        let scope = Scope::Guild(7);
        let mut s = berlin("08:00");
        s.topic = Some("rare earths".into());
        assert!(save_schedule(&store, scope, &s).unwrap().is_none());
        assert_eq!(load_schedules(&store, scope), vec![s.clone()]);
        assert!(load_schedules(&store, Scope::Guild(8)).is_empty());
        disable_schedule(&store, scope, 1, "missing permission").unwrap();
        assert!(!load_schedule(&store, scope, 1).unwrap().enabled);
        let notices = take_notices(&store, scope);
        assert_eq!(notices.len(), 1);
        assert!(notices[0].contains("<#1>") && notices[0].contains("missing permission"));
        assert!(take_notices(&store, scope).is_empty());
        assert_eq!(
            remove_schedule(&store, scope, 1)
                .unwrap()
                .map(|s| s.channel_id),
            Some(1)
        );
        assert!(load_schedules(&store, scope).is_empty());
    }

    #[test]
    fn a_guild_has_a_schedule_limit() {
        let store = Store::in_memory();
        let scope = Scope::Guild(7);
        for ch in 0..MAX_SCHEDULES_PER_GUILD as u64 {
            let mut s = berlin("08:00");
            s.channel_id = ch;
            save_schedule(&store, scope, &s).unwrap();
        }
        let mut extra = berlin("08:00");
        extra.channel_id = 999;
        assert!(
            save_schedule(&store, scope, &extra)
                .unwrap_err()
                .to_string()
                .contains("/briefing stop")
        );
        // Replacing an existing channel's schedule is still fine.
        extra.channel_id = 3;
        assert!(save_schedule(&store, scope, &extra).unwrap().is_some());
    }
}
