//! The briefing scheduler with an injected clock (no real sleeping) and a recording
//! sink: local times across DST, restarts, missed runs, empty periods, unreachable
//! channels and retries.

mod briefing_support;

use briefing_support::{at, fixture};
use chrono::{DateTime, Utc};
use newsdesk::briefing::render::OutgoingMessage;
use newsdesk::briefing::schedule::{self, Schedule, parse_days, parse_time};
use newsdesk::briefing::scheduler::{
    BoxFuture, BriefingSink, Clock, ManualClock, PostError, Scheduler, SchedulerHandle,
};
use newsdesk::store::{NewArticle, Scope, Store};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

const GUILD: Scope = Scope::Guild(10);
const CHANNEL: u64 = 555;

#[derive(Debug, Clone)]
struct Post {
    at: DateTime<Utc>,
    scope: Scope,
    channel: u64,
    messages: Vec<OutgoingMessage>,
}

impl Post {
    fn text(&self) -> String {
        let mut s = self
            .messages
            .iter()
            .map(|m| m.content.clone())
            .collect::<Vec<_>>()
            .join("\n");
        for e in self.messages.iter().flat_map(|m| &m.embeds) {
            s.push('\n');
            s.push_str(&e.title);
            s.push('\n');
            s.push_str(&e.footer);
        }
        s
    }
    /// Article ids the briefing covers, from the embeds' footers.
    fn article_ids(&self) -> Vec<String> {
        self.messages
            .iter()
            .flat_map(|m| &m.embeds)
            .filter_map(|e| {
                e.footer
                    .strip_prefix("Article ")
                    .and_then(|f| f.split(' ').next())
                    .map(String::from)
            })
            .collect()
    }
}

struct RecordingSink {
    clock: Arc<ManualClock>,
    posts: Mutex<Vec<Post>>,
    unreachable: Mutex<HashSet<u64>>,
    transient_failures: Mutex<usize>,
}

impl RecordingSink {
    fn new(clock: Arc<ManualClock>) -> Arc<RecordingSink> {
        Arc::new(RecordingSink {
            clock,
            posts: Mutex::default(),
            unreachable: Mutex::default(),
            transient_failures: Mutex::default(),
        })
    }
    fn posts(&self) -> Vec<Post> {
        self.posts.lock().unwrap().clone()
    }
}

impl BriefingSink for RecordingSink {
    fn post(
        &self,
        scope: Scope,
        channel: u64,
        messages: Vec<OutgoingMessage>,
    ) -> BoxFuture<'_, Result<(), PostError>> {
        Box::pin(async move {
            if self.unreachable.lock().unwrap().contains(&channel) {
                return Err(PostError::Unreachable("Missing Access".into()));
            }
            {
                let mut failures = self.transient_failures.lock().unwrap();
                if *failures > 0 {
                    *failures -= 1;
                    return Err(PostError::Transient("502 Bad Gateway".into()));
                }
            }
            assert!(
                messages.iter().all(OutgoingMessage::within_limits),
                "the scheduler only posts what Discord accepts"
            );
            self.posts.lock().unwrap().push(Post {
                at: self.clock.now(),
                scope,
                channel,
                messages,
            });
            Ok(())
        })
    }
}

/// A running scheduler over a shared store, clock and sink; `restart` drops the task
/// and starts a fresh one, as a bot restart would.
struct Harness {
    store: Arc<Store>,
    clock: Arc<ManualClock>,
    sink: Arc<RecordingSink>,
    task: Option<tokio::task::JoinHandle<()>>,
    handle: Option<SchedulerHandle>,
}

impl Harness {
    fn new(start: DateTime<Utc>) -> Harness {
        let clock = Arc::new(ManualClock::new(start));
        Harness {
            store: Arc::new(Store::in_memory()),
            sink: RecordingSink::new(clock.clone()),
            clock,
            task: None,
            handle: None,
        }
    }

    /// Starts the scheduler and waits until it sleeps; returns the deadline it sleeps to.
    async fn start(&mut self) -> DateTime<Utc> {
        let scheduler = Scheduler::new(self.store.clone(), self.clock.clone(), self.sink.clone());
        let (task, handle) = scheduler.spawn();
        self.task = Some(task);
        self.handle = Some(handle);
        self.clock.wait_idle().await
    }

    async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }

    async fn restart(&mut self) -> DateTime<Utc> {
        self.stop().await;
        self.start().await
    }

    /// Moves the clock and waits until the scheduler has reacted and sleeps again.
    async fn advance_to(&self, t: DateTime<Utc>) -> DateTime<Utc> {
        self.clock.advance_to(t);
        self.clock.wait_idle().await
    }

    async fn schedules_changed(&self) -> DateTime<Utc> {
        self.handle.as_ref().expect("started").reschedule();
        self.advance_to(self.clock.now()).await
    }

    fn add(&self, fixture_name: &str) -> String {
        self.store
            .add_article(
                GUILD,
                NewArticle {
                    bytes: fixture(fixture_name),
                    origin: fixture_name.into(),
                    title: None,
                    added_by: Some("ana".into()),
                },
            )
            .expect("fixture stores")
            .id
            .clone()
    }

    fn schedule(
        &self,
        time: &str,
        tz: &str,
        created: DateTime<Utc>,
        edit: impl FnOnce(&mut Schedule),
    ) {
        let mut s = Schedule::new(
            CHANNEL,
            parse_time(time).unwrap(),
            tz.parse().unwrap(),
            created,
        );
        edit(&mut s);
        schedule::save_schedule(&self.store, GUILD, &s).unwrap();
    }
}

const A: &str = "seed-us-china-rare-earths.txt";
const B: &str = "wn-2008-us-senate-bailout-vote.txt";
const C: &str = "wn-2010-flash-crash-us-stocks.txt";
const D: &str = "wn-2007-grayrigg-train-derailment.txt";

#[tokio::test]
async fn fires_at_local_time_in_berlin_across_the_dst_change() {
    // Clocks in Berlin go forward on Sunday 29 March 2026: 08:00 is 07:00 UTC the day
    // before and 06:00 UTC from then on.
    let mut h = Harness::new(at("2026-03-27T12:00:00Z"));
    h.schedule("08:00", "Europe/Berlin", at("2026-03-27T12:00:00Z"), |s| {
        s.post_when_empty = true
    });
    let a1 = h.add(A);
    assert_eq!(
        h.start().await,
        at("2026-03-28T07:00:00Z"),
        "sleeps until 08:00 CET"
    );
    assert!(h.sink.posts().is_empty());

    assert_eq!(
        h.advance_to(at("2026-03-28T06:59:00Z")).await,
        at("2026-03-28T07:00:00Z")
    );
    assert!(h.sink.posts().is_empty(), "nothing before its time");
    let next = h.advance_to(at("2026-03-28T07:00:00Z")).await;
    assert_eq!(
        next,
        at("2026-03-29T06:00:00Z"),
        "08:00 CEST after the change"
    );
    let posts = h.sink.posts();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        (posts[0].at, posts[0].scope, posts[0].channel),
        (at("2026-03-28T07:00:00Z"), GUILD, CHANNEL)
    );
    assert_eq!(posts[0].article_ids(), std::slice::from_ref(&a1));

    // Nothing at the old UTC hour on the day of the change.
    assert_eq!(
        h.advance_to(at("2026-03-29T05:59:00Z")).await,
        at("2026-03-29T06:00:00Z")
    );
    assert_eq!(h.sink.posts().len(), 1);
    assert_eq!(
        h.advance_to(at("2026-03-29T06:00:00Z")).await,
        at("2026-03-30T06:00:00Z")
    );
    let posts = h.sink.posts();
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[1].at, at("2026-03-29T06:00:00Z"));
    assert!(
        posts[1].article_ids().is_empty()
            && posts[1]
                .text()
                .contains("No new articles since Sat 28 Mar 2026 08:00 (Europe/Berlin)"),
        "{}",
        posts[1].text()
    );
    h.stop().await;
}

#[tokio::test]
async fn an_empty_period_posts_nothing_by_default() {
    let mut h = Harness::new(at("2026-06-01T10:00:00Z"));
    h.schedule(
        "09:00",
        "America/New_York",
        at("2026-06-01T10:00:00Z"),
        |_| {},
    );
    // 09:00 EDT = 13:00 UTC.
    assert_eq!(h.start().await, at("2026-06-01T13:00:00Z"));
    assert_eq!(
        h.advance_to(at("2026-06-01T13:00:00Z")).await,
        at("2026-06-02T13:00:00Z")
    );
    assert!(h.sink.posts().is_empty(), "no articles, no post");
    let a1 = h.add(B);
    assert_eq!(
        h.advance_to(at("2026-06-02T13:00:00Z")).await,
        at("2026-06-03T13:00:00Z")
    );
    let posts = h.sink.posts();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].article_ids(), [a1]);
    h.stop().await;
}

#[tokio::test]
async fn a_restart_between_two_runs_neither_loses_nor_duplicates() {
    let mut h = Harness::new(at("2026-11-02T08:00:00Z"));
    h.schedule("07:30", "Asia/Tokyo", at("2026-11-02T08:00:00Z"), |_| {});
    let a1 = h.add(A);
    // 07:30 JST = 22:30 UTC the day before.
    assert_eq!(h.start().await, at("2026-11-02T22:30:00Z"));
    h.advance_to(at("2026-11-02T22:30:00Z")).await;
    assert_eq!(h.sink.posts().len(), 1);
    assert_eq!(h.sink.posts()[0].article_ids(), std::slice::from_ref(&a1));

    // Down for a while, then up again before the next slot: nothing is re-posted.
    h.stop().await;
    h.clock.advance_to(at("2026-11-03T01:00:00Z"));
    let a2 = h.add(B);
    assert_eq!(h.restart().await, at("2026-11-03T22:30:00Z"));
    assert_eq!(
        h.sink.posts().len(),
        1,
        "the run before the restart is not repeated"
    );

    // An immediate second restart changes nothing either.
    assert_eq!(h.restart().await, at("2026-11-03T22:30:00Z"));
    h.advance_to(at("2026-11-03T22:30:00Z")).await;
    let posts = h.sink.posts();
    assert_eq!(posts.len(), 2);
    assert_eq!(
        posts[1].article_ids(),
        [a2],
        "the article added while down is not lost, the old one not repeated"
    );
    h.stop().await;
}

#[tokio::test]
async fn briefings_missed_while_down_are_posted_once_at_start_up() {
    let mut h = Harness::new(at("2026-05-04T06:00:00Z"));
    h.schedule("08:00", "Europe/London", at("2026-05-04T06:00:00Z"), |_| {});
    let a1 = h.add(A);
    assert_eq!(h.start().await, at("2026-05-04T07:00:00Z"));
    h.advance_to(at("2026-05-04T07:00:00Z")).await;
    assert_eq!(h.sink.posts().len(), 1);
    assert_eq!(h.sink.posts()[0].article_ids(), [a1]);

    // Down from Monday to Thursday noon: Tuesday, Wednesday and Thursday are missed.
    h.stop().await;
    let (a2, a3) = (h.add(B), h.add(C));
    h.clock.advance_to(at("2026-05-07T12:00:00Z"));
    let next = h.start().await;
    assert_eq!(
        next,
        at("2026-05-08T07:00:00Z"),
        "then back on the daily rhythm"
    );
    let posts = h.sink.posts();
    assert_eq!(
        posts.len(),
        2,
        "one catch-up briefing, not one per missed day"
    );
    assert_eq!(posts[1].at, at("2026-05-07T12:00:00Z"));
    assert_eq!(posts[1].article_ids(), [a2, a3]);
    assert!(
        posts[1]
            .text()
            .contains("since Mon 4 May 2026 08:00 (Europe/London)"),
        "{}",
        posts[1].text()
    );

    // Friday: nothing new, nothing posted.
    h.advance_to(at("2026-05-08T07:00:00Z")).await;
    assert_eq!(h.sink.posts().len(), 2);
    h.stop().await;
}

#[tokio::test]
async fn chosen_weekdays_topic_and_mention() {
    let mut h = Harness::new(at("2026-11-27T12:00:00Z")); // a Friday
    h.schedule("09:00", "UTC", at("2026-11-27T12:00:00Z"), |s| {
        s.days = parse_days("mon,thu").unwrap();
        s.topic = Some("senate".into());
        s.mention_role = Some(777);
    });
    let _off_topic = h.add(A);
    let senate = h.add(B);
    assert_eq!(
        h.start().await,
        at("2026-11-30T09:00:00Z"),
        "skips the weekend to Monday"
    );
    assert_eq!(
        h.advance_to(at("2026-11-30T09:00:00Z")).await,
        at("2026-12-03T09:00:00Z"),
        "then Thursday"
    );
    let posts = h.sink.posts();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        posts[0].article_ids(),
        [senate],
        "only the article about the topic"
    );
    assert!(posts[0].messages[0].content.starts_with("<@&777> "));
    assert_eq!(posts[0].messages[0].mention_role, Some(777));
    // The off-topic article does not come back on Thursday.
    h.advance_to(at("2026-12-03T09:00:00Z")).await;
    assert_eq!(h.sink.posts().len(), 1);
    h.stop().await;
}

#[tokio::test]
async fn an_unreachable_channel_switches_its_schedule_off_and_says_so() {
    let mut h = Harness::new(at("2026-11-29T06:00:00Z"));
    h.schedule("08:00", "UTC", at("2026-11-29T06:00:00Z"), |_| {});
    h.add(A);
    h.sink.unreachable.lock().unwrap().insert(CHANNEL);
    h.start().await;
    let next = h.advance_to(at("2026-11-29T08:00:00Z")).await;
    assert!(h.sink.posts().is_empty());
    assert_eq!(
        next,
        at("2026-11-30T08:00:00Z"),
        "no schedules left: only the daily idle wake"
    );
    let s = schedule::load_schedule(&h.store, GUILD, CHANNEL).unwrap();
    assert!(!s.enabled);
    assert_eq!(s.disabled_reason.as_deref(), Some("Missing Access"));
    let notices = schedule::take_notices(&h.store, GUILD);
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].contains(&format!("<#{CHANNEL}>")) && notices[0].contains("/briefing schedule"),
        "{}",
        notices[0]
    );
    h.stop().await;
}

#[tokio::test]
async fn a_transient_failure_is_retried_and_posts_once() {
    let mut h = Harness::new(at("2026-11-29T06:00:00Z"));
    h.schedule("08:00", "UTC", at("2026-11-29T06:00:00Z"), |_| {});
    let a1 = h.add(A);
    *h.sink.transient_failures.lock().unwrap() = 1;
    h.start().await;
    assert_eq!(
        h.advance_to(at("2026-11-29T08:00:00Z")).await,
        at("2026-11-29T08:05:00Z"),
        "retries in five minutes"
    );
    assert!(h.sink.posts().is_empty());
    assert_eq!(
        h.advance_to(at("2026-11-29T08:05:00Z")).await,
        at("2026-11-30T08:00:00Z")
    );
    let posts = h.sink.posts();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].article_ids(), [a1]);
    assert!(
        schedule::load_schedule(&h.store, GUILD, CHANNEL)
            .unwrap()
            .enabled
    );
    h.stop().await;
}

#[tokio::test]
async fn a_new_schedule_wakes_the_sleeping_scheduler() {
    let mut h = Harness::new(at("2026-11-29T06:00:00Z"));
    let idle = h.start().await;
    assert!(
        idle >= at("2026-11-30T06:00:00Z"),
        "nothing scheduled: a long sleep"
    );
    h.add(D);
    h.schedule("06:30", "UTC", at("2026-11-29T06:00:00Z"), |_| {});
    assert_eq!(h.schedules_changed().await, at("2026-11-29T06:30:00Z"));
    h.advance_to(at("2026-11-29T06:30:00Z")).await;
    assert_eq!(h.sink.posts().len(), 1);
    // Stopping it: the scheduler no longer wakes for it.
    schedule::remove_schedule(&h.store, GUILD, CHANNEL).unwrap();
    assert_eq!(
        h.schedules_changed().await,
        at("2026-11-30T06:30:00Z"),
        "only the daily idle wake"
    );
    h.stop().await;
}
