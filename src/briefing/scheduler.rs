//! The briefing scheduler: one task for all guilds that sleeps until the next due
//! briefing (no polling), builds its digest, and posts it through a [`BriefingSink`].
//!
//! Time comes from an injected [`Clock`], so tests drive it with [`ManualClock`]
//! instead of sleeping. At start-up every briefing whose time passed while the bot was
//! down is posted once, covering everything since that channel's last briefing —
//! not once per missed day. A run is marked done (`briefing.last.<channel>`) after the
//! sink accepted it, so a restart neither loses nor repeats a briefing (a crash in the
//! instant between posting and marking would repeat one; losing one would be worse).

use super::digest::{Digest, DigestOptions, build_digest};
use super::render::{OutgoingMessage, RenderOptions, discord_messages, empty_message};
use super::schedule::{self, LastRun, Schedule};
use crate::model::Article;
use crate::store::{Scope, Store};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Where "now" comes from, and how to wait for a later instant.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// Completes once `now() >= deadline`.
    fn sleep_until(&self, deadline: DateTime<Utc>) -> BoxFuture<'_, ()>;
}

/// The real clock. Sleeps in slices of at most ten minutes and re-reads the wall clock,
/// so a suspended machine or a clock correction does not make a briefing late.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn sleep_until(&self, deadline: DateTime<Utc>) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            loop {
                let left = deadline - Utc::now();
                if left <= Duration::zero() {
                    return;
                }
                let slice = left
                    .min(Duration::minutes(10))
                    .to_std()
                    .unwrap_or(std::time::Duration::from_secs(1));
                tokio::time::sleep(slice).await;
            }
        })
    }
}

/// A clock that moves only when told to — for tests and simulations. `wait_idle`
/// tells a test when the scheduler has finished reacting and sleeps again.
#[derive(Debug)]
pub struct ManualClock {
    state: Mutex<ManualState>,
    advanced: Notify,
    slept: Notify,
}

#[derive(Debug)]
struct ManualState {
    now: DateTime<Utc>,
    /// Bumped on every advance.
    epoch: u64,
    /// The deadline someone sleeps until, and the epoch it started sleeping in.
    sleeper: Option<(DateTime<Utc>, u64)>,
}

impl ManualClock {
    pub fn new(now: DateTime<Utc>) -> ManualClock {
        ManualClock {
            state: Mutex::new(ManualState {
                now,
                epoch: 0,
                sleeper: None,
            }),
            advanced: Notify::new(),
            slept: Notify::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ManualState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Moves time to `t` (never backwards) and wakes sleepers.
    pub fn advance_to(&self, t: DateTime<Utc>) {
        {
            let mut s = self.lock();
            s.now = s.now.max(t);
            s.epoch += 1;
        }
        self.advanced.notify_waiters();
    }

    pub fn advance(&self, by: Duration) {
        let t = self.now() + by;
        self.advance_to(t);
    }

    /// The deadline someone currently sleeps until on this clock, if anyone does.
    pub fn sleeping_until(&self) -> Option<DateTime<Utc>> {
        self.lock().sleeper.map(|(deadline, _)| deadline)
    }

    /// Waits until someone sleeps on this clock having seen the latest advance, and
    /// returns the deadline they sleep until.
    pub async fn wait_idle(&self) -> DateTime<Utc> {
        loop {
            let slept = self.slept.notified();
            tokio::pin!(slept);
            slept.as_mut().enable();
            {
                let s = self.lock();
                if let Some((deadline, epoch)) = s.sleeper
                    && epoch == s.epoch
                {
                    return deadline;
                }
            }
            slept.await;
        }
    }
}

/// Clears the sleeper mark when a sleep ends or is abandoned.
struct SleeperGuard<'a>(&'a ManualClock);

impl Drop for SleeperGuard<'_> {
    fn drop(&mut self) {
        self.0.lock().sleeper = None;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.lock().now
    }
    fn sleep_until(&self, deadline: DateTime<Utc>) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            let _guard = SleeperGuard(self);
            loop {
                let advanced = self.advanced.notified();
                tokio::pin!(advanced);
                advanced.as_mut().enable();
                {
                    let mut s = self.lock();
                    if s.now >= deadline {
                        return;
                    }
                    s.sleeper = Some((deadline, s.epoch));
                }
                self.slept.notify_waiters();
                advanced.await;
            }
        })
    }
}

/// Why a post failed.
#[derive(Debug, Clone, PartialEq)]
pub enum PostError {
    /// The bot cannot post there any more (channel gone, access or permission lost):
    /// the schedule is switched off.
    Unreachable(String),
    /// Worth trying again later (network, Discord outage, rate limit).
    Transient(String),
}

/// Where briefings go: the Discord layer in the bot, a recorder in tests.
pub trait BriefingSink: Send + Sync {
    fn post(
        &self,
        scope: Scope,
        channel_id: u64,
        messages: Vec<OutgoingMessage>,
    ) -> BoxFuture<'_, Result<(), PostError>>;
}

/// What one due briefing came to.
#[derive(Debug, Clone, PartialEq)]
pub enum RunOutcome {
    Posted {
        scope: Scope,
        channel_id: u64,
        articles: usize,
        messages: usize,
    },
    /// Nothing new; `posted_line` when the schedule asked for a "no new articles" line.
    Empty {
        scope: Scope,
        channel_id: u64,
        posted_line: bool,
    },
    Disabled {
        scope: Scope,
        channel_id: u64,
        reason: String,
    },
    WillRetry {
        scope: Scope,
        channel_id: u64,
        at: DateTime<Utc>,
        error: String,
    },
}

/// How long to wait before retrying a briefing whose post failed transiently.
const RETRY_AFTER: Duration = Duration::minutes(5);
/// With no schedules at all the task still wakes daily (and on every change).
const IDLE_WAKE: Duration = Duration::days(1);

/// Wakes the scheduler after schedules change.
#[derive(Clone)]
pub struct SchedulerHandle {
    wake: Arc<Notify>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for SchedulerHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SchedulerHandle").finish_non_exhaustive()
    }
}

impl SchedulerHandle {
    /// A handle on `clock` for a scheduler made later with [`Scheduler::with_handle`].
    pub fn new(clock: Arc<dyn Clock>) -> SchedulerHandle {
        SchedulerHandle {
            wake: Arc::new(Notify::new()),
            clock,
        }
    }

    /// The scheduler's "now" (schedules made by commands count from it).
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn reschedule(&self) {
        self.wake.notify_one();
    }
}

pub struct Scheduler {
    store: Arc<Store>,
    clock: Arc<dyn Clock>,
    sink: Arc<dyn BriefingSink>,
    wake: Arc<Notify>,
    retry_at: Mutex<HashMap<(Scope, u64), DateTime<Utc>>>,
}

/// The digest and messages of one briefing (shared by schedules and `/briefing post`).
pub fn compose(
    articles: &[Arc<Article>],
    opts: &DigestOptions,
    render: RenderOptions,
) -> (Digest, Vec<OutgoingMessage>) {
    let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
    let digest = build_digest(&refs, opts);
    let messages = discord_messages(&digest, render);
    (digest, messages)
}

/// The digest options of a channel's next briefing: everything stored after the
/// article its last briefing covered, or (for a first briefing) added after `since`.
pub fn channel_period(
    last: Option<&LastRun>,
    since: DateTime<Utc>,
    topic: Option<String>,
) -> DigestOptions {
    let mut opts = DigestOptions::new(Some(since), since, topic);
    opts.until = None;
    opts.after_article = last.and_then(|l| l.last_article);
    opts
}

/// The mark a briefing of `digest` leaves, given the channel's previous mark.
pub fn run_mark(digest: &Digest, previous: Option<&LastRun>, now: DateTime<Utc>) -> LastRun {
    LastRun {
        covered_until: now,
        ran_at: now,
        articles: digest.articles.len(),
        last_article: digest
            .last_article
            .max(previous.and_then(|l| l.last_article)),
    }
}

impl Scheduler {
    pub fn new(store: Arc<Store>, clock: Arc<dyn Clock>, sink: Arc<dyn BriefingSink>) -> Scheduler {
        Scheduler {
            store,
            clock,
            sink,
            wake: Arc::new(Notify::new()),
            retry_at: Mutex::new(HashMap::new()),
        }
    }

    /// A scheduler woken through `handle` and running on its clock (the handle can be
    /// made first, e.g. for the bot's shared state).
    pub fn with_handle(
        store: Arc<Store>,
        sink: Arc<dyn BriefingSink>,
        handle: &SchedulerHandle,
    ) -> Scheduler {
        Scheduler {
            store,
            clock: handle.clock.clone(),
            sink,
            wake: handle.wake.clone(),
            retry_at: Mutex::new(HashMap::new()),
        }
    }

    pub fn handle(&self) -> SchedulerHandle {
        SchedulerHandle {
            wake: self.wake.clone(),
            clock: self.clock.clone(),
        }
    }

    fn retries(&self) -> std::sync::MutexGuard<'_, HashMap<(Scope, u64), DateTime<Utc>>> {
        self.retry_at.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every enabled schedule with the instant it is next due.
    pub fn due_times(&self) -> Vec<(Scope, Schedule, DateTime<Utc>)> {
        let retries = self.retries().clone();
        let mut out = Vec::new();
        for scope in self.store.scopes() {
            for s in schedule::load_schedules(&self.store, scope) {
                if !s.enabled {
                    continue;
                }
                let last = schedule::last_run(&self.store, scope, s.channel_id);
                let due = match retries.get(&(scope, s.channel_id)) {
                    Some(&retry) => retry,
                    None => s.due_after_last(last.as_ref()),
                };
                out.push((scope, s, due));
            }
        }
        out
    }

    /// The earliest instant any briefing is due.
    pub fn next_wake(&self) -> Option<DateTime<Utc>> {
        self.due_times().into_iter().map(|(_, _, due)| due).min()
    }

    /// Runs every briefing due now (each once, however many of its slots passed).
    pub async fn run_due(&self) -> Vec<RunOutcome> {
        let now = self.clock.now();
        let mut outcomes = Vec::new();
        for (scope, s, due) in self.due_times() {
            if due <= now {
                outcomes.push(self.run_one(scope, &s, due, now).await);
            }
        }
        outcomes
    }

    async fn run_one(
        &self,
        scope: Scope,
        s: &Schedule,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> RunOutcome {
        let channel_id = s.channel_id;
        let last = schedule::last_run(&self.store, scope, channel_id);
        let since = s.period_start(last.as_ref(), due.min(now));
        let render = RenderOptions {
            tz: s.tz(),
            mention_role: s.mention_role,
        };
        let (digest, messages) = compose(
            &self.store.articles(scope),
            &channel_period(last.as_ref(), since, s.topic.clone()),
            render,
        );
        let mark = run_mark(&digest, last.as_ref(), now);
        let outcome = if digest.is_empty() && !s.post_when_empty {
            RunOutcome::Empty {
                scope,
                channel_id,
                posted_line: false,
            }
        } else {
            let messages = if digest.is_empty() {
                vec![empty_message(&digest, render)]
            } else {
                messages
            };
            let count = messages.len();
            match self.sink.post(scope, channel_id, messages).await {
                Ok(()) if digest.is_empty() => RunOutcome::Empty {
                    scope,
                    channel_id,
                    posted_line: true,
                },
                Ok(()) => RunOutcome::Posted {
                    scope,
                    channel_id,
                    articles: digest.articles.len(),
                    messages: count,
                },
                Err(PostError::Unreachable(reason)) => {
                    tracing::warn!(?scope, channel_id, %reason, "briefing channel unreachable; schedule switched off");
                    if let Err(e) =
                        schedule::disable_schedule(&self.store, scope, channel_id, &reason)
                    {
                        tracing::error!(?scope, channel_id, error = %e, "could not switch off a briefing schedule");
                    }
                    self.retries().remove(&(scope, channel_id));
                    return RunOutcome::Disabled {
                        scope,
                        channel_id,
                        reason,
                    };
                }
                Err(PostError::Transient(error)) => {
                    let at = now + RETRY_AFTER;
                    tracing::warn!(?scope, channel_id, %error, %at, "briefing post failed; will retry");
                    self.retries().insert((scope, channel_id), at);
                    return RunOutcome::WillRetry {
                        scope,
                        channel_id,
                        at,
                        error,
                    };
                }
            }
        };
        self.retries().remove(&(scope, channel_id));
        if let Err(e) = schedule::record_run(&self.store, scope, channel_id, mark) {
            tracing::error!(?scope, channel_id, error = %e, "could not record a briefing run");
        }
        outcome
    }

    /// The scheduler loop: post what is due, then sleep until the next due briefing or
    /// a schedule change. Never returns.
    pub async fn run(self) {
        loop {
            for outcome in self.run_due().await {
                tracing::info!(?outcome, "briefing run");
            }
            let now = self.clock.now();
            let next = self.next_wake().unwrap_or(now + IDLE_WAKE);
            tracing::debug!(%next, "briefing scheduler sleeping");
            tokio::select! {
                _ = self.clock.sleep_until(next) => {}
                _ = self.wake.notified() => {}
            }
        }
    }

    /// Starts the loop on the current tokio runtime.
    pub fn spawn(self) -> (tokio::task::JoinHandle<()>, SchedulerHandle) {
        let handle = self.handle();
        (tokio::spawn(self.run()), handle)
    }
}
