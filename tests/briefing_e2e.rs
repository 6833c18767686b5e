//! Team briefings end to end: the real bot (`bot::run_with_clock`) against the fake
//! Discord in `tests/fake_discord`, with the scheduler on a manual clock (no real
//! sleeping). An admin schedules a briefing at 08:00 Europe/Berlin; it fires at 08:00
//! local on both sides of the March DST change; a non-admin is refused; a restart does
//! not repeat it; a run missed while the bot was down is posted once at start-up.

mod fake_discord;

use chrono::{DateTime, Utc};
use fake_discord::{Actor, FakeDiscord, TOKEN, message_text};
use newsdesk::bot::{Shutdown, run_with_clock};
use newsdesk::briefing::schedule;
use newsdesk::briefing::scheduler::{Clock, ManualClock};
use newsdesk::config::Config;
use newsdesk::store::{NewArticle, Scope, Store};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

const GUILD: u64 = (6000 << 22) | 21;
const MEMBER: u64 = 8001;
const MODERATOR: u64 = 8002;
const NEWS: u64 = GUILD + 50;
const ROLE: u64 = GUILD + 77;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn sub(name: &str, options: Value) -> Value {
    json!([{"name": name, "type": 1, "options": options}])
}

fn opt(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

fn news_channel() -> Value {
    json!({"channels": {NEWS.to_string(): {"id": NEWS.to_string(), "name": "news-desk", "type": 0, "permissions": "0"}},
           "roles": {ROLE.to_string(): {"id": ROLE.to_string(), "name": "newsroom", "color": 0, "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null}, "hoist": false, "icon": null,
                     "unicode_emoji": null, "position": 1, "permissions": "0", "managed": false, "mentionable": true, "flags": 0}}})
}

/// One bot process over a shared fake, store and clock; `restart` is a new process.
struct Bot {
    fake: Arc<FakeDiscord>,
    store: Arc<Store>,
    clock: Arc<ManualClock>,
    shutdown: Shutdown,
    task: tokio::task::JoinHandle<newsdesk::Result<()>>,
}

impl Bot {
    async fn start(fake: Arc<FakeDiscord>, store: Arc<Store>, clock: Arc<ManualClock>) -> Bot {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("NEWSDESK_LOG")
                    .unwrap_or_else(|_| "warn".into()),
            )
            .with_test_writer()
            .try_init();
        let before = fake.command_overwrites();
        let config = Config {
            discord_token: Some(TOKEN.into()),
            discord_api_base: Some(fake.api_base()),
            ..Config::default()
        };
        let shutdown = Shutdown::new();
        let task = tokio::spawn(run_with_clock(
            config,
            store.clone(),
            shutdown.clone(),
            clock.clone(),
        ));
        let ready = fake
            .wait_until(Duration::from_secs(20), |f| {
                f.command_overwrites() > before && !f.connected_shards().is_empty()
            })
            .await;
        assert!(ready, "bot did not connect: {:?}", fake.violations());
        Bot {
            fake,
            store,
            clock,
            shutdown,
            task,
        }
    }

    async fn stop(self) -> (Arc<FakeDiscord>, Arc<Store>, Arc<ManualClock>) {
        self.shutdown.trigger();
        let result = tokio::time::timeout(Duration::from_secs(10), self.task).await;
        assert!(
            matches!(result, Ok(Ok(Ok(())))),
            "bot did not stop cleanly: {result:?}"
        );
        assert_eq!(
            self.fake.violations(),
            Vec::<String>::new(),
            "the fake rejected requests"
        );
        (self.fake, self.store, self.clock)
    }

    async fn slash(
        &self,
        actor: &Actor,
        name: &str,
        options: Value,
        resolved: Value,
    ) -> fake_discord::Reply {
        let reply = self.fake.run_slash(actor, name, options, resolved).await;
        assert!(
            reply.ack_after < Duration::from_secs(3),
            "/{name} acknowledged after {:?}",
            reply.ack_after
        );
        reply
    }

    /// Waits until the scheduler sleeps until `deadline` (it reacts on its own task).
    async fn scheduler_sleeps_until(&self, deadline: DateTime<Utc>) {
        let clock = self.clock.clone();
        let ok = self
            .fake
            .wait_until(Duration::from_secs(10), move |_| {
                clock.sleeping_until() == Some(deadline)
            })
            .await;
        assert!(
            ok,
            "scheduler sleeps until {:?}, expected {deadline}",
            self.clock.sleeping_until()
        );
    }

    fn posts(&self) -> Vec<Value> {
        self.fake.channel_messages(NEWS)
    }

    async fn wait_for_posts(&self, count: usize) -> Vec<Value> {
        let ok = self
            .fake
            .wait_until(Duration::from_secs(10), |f| {
                f.channel_messages(NEWS).len() >= count
            })
            .await;
        assert!(
            ok,
            "expected {count} messages in #news-desk, got {}",
            self.posts().len()
        );
        self.posts()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scheduled_briefings_end_to_end() {
    let fake = FakeDiscord::start(vec![GUILD], 1).await;
    let clock = Arc::new(ManualClock::new(at("2026-03-27T12:00:00Z")));
    let bot = Bot::start(fake, Arc::new(Store::in_memory()), clock).await;
    let moderator = Actor::moderator(GUILD, MODERATOR);
    let member = Actor::member(GUILD, MEMBER);

    // The subcommands are registered under /briefing.
    let briefing = bot
        .fake
        .commands(None)
        .into_iter()
        .find(|c| c["name"] == "briefing")
        .expect("/briefing registered");
    let subs: Vec<&str> = briefing["options"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    for s in ["post", "preview", "schedule", "list", "stop"] {
        assert!(subs.contains(&s), "{s} missing: {subs:?}");
    }

    for (file, title) in [
        (
            "seed-us-china-rare-earths.txt",
            "US and China race to rescue a summit",
        ),
        (
            "wn-2008-us-senate-bailout-vote.txt",
            "Senate approves revised bailout",
        ),
        (
            "wn-2010-flash-crash-us-stocks.txt",
            "US stocks see 9% drop before recovery",
        ),
    ] {
        let added = bot
            .slash(
                &moderator,
                "article",
                sub(
                    "add",
                    json!([opt("text", &fixture(file)), opt("title", title)]),
                ),
                Value::Null,
            )
            .await;
        assert!(!added.ephemeral, "{}", added.text());
    }

    let schedule_options = json!([
        {"name": "channel", "type": 7, "value": NEWS.to_string()},
        opt("time", "08:00"),
        opt("timezone", "Europe/Berlin"),
        {"name": "mention", "type": 8, "value": ROLE.to_string()},
    ]);
    // A member without Manage Messages is refused, and nothing is stored.
    let refused = bot
        .slash(
            &member,
            "briefing",
            sub("schedule", schedule_options.clone()),
            news_channel(),
        )
        .await;
    assert!(
        refused.ephemeral && refused.text().contains("Manage Messages"),
        "{}",
        refused.text()
    );
    assert!(schedule::load_schedules(&bot.store, Scope::Guild(GUILD)).is_empty());

    // The moderator schedules it: 08:00 in Berlin is 07:00 UTC before 29 March.
    let made = bot
        .slash(
            &moderator,
            "briefing",
            sub("schedule", schedule_options),
            news_channel(),
        )
        .await;
    assert!(made.ephemeral, "{}", made.text());
    let text = made.text();
    assert!(
        text.contains("every day at 08:00 (Europe/Berlin)") && text.contains(&format!("<#{NEWS}>")),
        "{text}"
    );
    let first_due = at("2026-03-28T07:00:00Z");
    assert!(
        text.contains(&format!("<t:{}:F>", first_due.timestamp())),
        "names the next run: {text}"
    );
    bot.scheduler_sleeps_until(first_due).await;

    // A preview only the caller sees; nothing is posted.
    let preview = bot
        .slash(
            &moderator,
            "briefing",
            sub("preview", json!([])),
            Value::Null,
        )
        .await;
    assert!(
        preview.ephemeral
            && preview.text().contains("Preview")
            && preview.text().contains("3 new articles"),
        "{}",
        preview.text()
    );
    assert!(bot.posts().is_empty());

    bot.clock.advance_to(first_due);
    let posts = bot.wait_for_posts(1).await;
    let digest: String = posts
        .iter()
        .map(message_text)
        .collect::<Vec<_>>()
        .join("\n---\n");
    println!("=== briefing as the fake captured it ===\n{digest}\n=== end ===");
    assert!(
        posts[0]["content"]
            .as_str()
            .unwrap_or("")
            .starts_with(&format!("<@&{ROLE}> 📰 **Briefing** — 3 new articles")),
        "{digest}"
    );
    let sent = bot
        .fake
        .requests()
        .into_iter()
        .find(|r| r.path == "/channels/{channel}/messages" && r.status == 200)
        .expect("the post request");
    assert_eq!(
        sent.body["allowed_mentions"]["roles"],
        json!([ROLE.to_string()]),
        "only the chosen role may be pinged"
    );
    for title in [
        "US and China race",
        "Senate approves revised bailout",
        "US stocks see 9% drop",
    ] {
        assert!(digest.contains(title), "{title} missing from the briefing");
    }
    for id in ["a1", "a2", "a3"] {
        assert!(
            digest.contains(&format!("/article show article:{id}")),
            "{id} linked back"
        );
    }

    // After the DST change 08:00 in Berlin is 06:00 UTC; an empty day posts nothing.
    let second_due = at("2026-03-29T06:00:00Z");
    bot.scheduler_sleeps_until(second_due).await;
    bot.clock.advance_to(second_due);
    bot.scheduler_sleeps_until(at("2026-03-30T06:00:00Z")).await;
    let count_after_first = bot.posts().len();

    // Restart: nothing is repeated, and the schedule survives.
    let (fake, store, clock) = bot.stop().await;
    clock.advance_to(at("2026-03-29T12:00:00Z"));
    let bot = Bot::start(fake, store, clock).await;
    bot.scheduler_sleeps_until(at("2026-03-30T06:00:00Z")).await;
    assert_eq!(
        bot.posts().len(),
        count_after_first,
        "a restart does not repeat a briefing"
    );

    // Down across three slots; an article arrives meanwhile: one catch-up briefing.
    let (fake, store, clock) = bot.stop().await;
    store
        .add_article(
            Scope::Guild(GUILD),
            NewArticle {
                bytes: fixture("wn-2007-grayrigg-train-derailment.txt").into_bytes(),
                origin: "upload".into(),
                title: Some("Train derails in Cumbria".into()),
                added_by: None,
            },
        )
        .expect("stored");
    clock.advance_to(at("2026-04-02T09:00:00Z"));
    let bot = Bot::start(fake, store, clock).await;
    let posts = bot.wait_for_posts(count_after_first + 1).await;
    bot.scheduler_sleeps_until(at("2026-04-03T06:00:00Z")).await;
    let posts_now = bot.posts();
    assert_eq!(
        posts_now.len(),
        posts.len(),
        "the missed runs are posted once, not once per day"
    );
    let catch_up = message_text(&posts_now[count_after_first]);
    assert!(
        catch_up.contains("1 new article") && catch_up.contains("Train derails in Cumbria"),
        "{catch_up}"
    );
    assert!(
        !catch_up.contains("Senate approves"),
        "earlier articles are not repeated: {catch_up}"
    );

    // /briefing list shows it; /briefing stop removes it (and needs Manage Messages too).
    let listed = bot
        .slash(&moderator, "briefing", sub("list", json!([])), Value::Null)
        .await;
    assert!(
        listed.ephemeral
            && listed.text().contains(&format!("<#{NEWS}>"))
            && listed.text().contains("Europe/Berlin"),
        "{}",
        listed.text()
    );
    let stop_options = json!([{"name": "channel", "type": 7, "value": NEWS.to_string()}]);
    let refused = bot
        .slash(
            &member,
            "briefing",
            sub("stop", stop_options.clone()),
            news_channel(),
        )
        .await;
    assert!(refused.ephemeral && refused.text().contains("Manage Messages"));
    let stopped = bot
        .slash(
            &moderator,
            "briefing",
            sub("stop", stop_options.clone()),
            news_channel(),
        )
        .await;
    assert!(
        stopped.text().contains("no longer gets its briefing"),
        "{}",
        stopped.text()
    );
    assert!(schedule::load_schedules(&bot.store, Scope::Guild(GUILD)).is_empty());
    let again = bot
        .slash(
            &moderator,
            "briefing",
            sub("stop", stop_options),
            news_channel(),
        )
        .await;
    assert!(
        again.ephemeral && again.text().contains("/briefing list"),
        "{}",
        again.text()
    );

    // Bad input says what to do.
    let bad = bot
        .slash(&moderator, "briefing", sub("schedule", json!([{"name": "channel", "type": 7, "value": NEWS.to_string()}, opt("time", "25:99")])), news_channel())
        .await;
    assert!(
        bad.ephemeral && bad.text().contains("HH:MM"),
        "{}",
        bad.text()
    );
    let bad_tz = bot
        .slash(&moderator, "briefing", sub("schedule", json!([{"name": "channel", "type": 7, "value": NEWS.to_string()}, opt("time", "08:00"), opt("timezone", "Mars/Base")])), news_channel())
        .await;
    assert!(
        bad_tz.ephemeral && bad_tz.text().contains("IANA"),
        "{}",
        bad_tz.text()
    );
    let _ = bot.clock.now();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_watched_channel_ingests_an_attachment() {
    use fake_discord::{BOT_USER_ID, perms};
    let fake = FakeDiscord::start(vec![GUILD], 1).await;
    let bot = Bot::start(
        fake,
        Arc::new(Store::in_memory()),
        Arc::new(ManualClock::new(Utc::now())),
    )
    .await;
    let moderator = Actor::moderator(GUILD, MODERATOR);
    let member = Actor::member(GUILD, MEMBER);
    let channel_option = json!([{"name": "channel", "type": 7, "value": NEWS.to_string()}]);

    let refused = bot
        .slash(
            &member,
            "article",
            sub("watch", channel_option.clone()),
            news_channel(),
        )
        .await;
    assert!(
        refused.ephemeral && refused.text().contains("Manage Messages"),
        "{}",
        refused.text()
    );
    let watching = bot
        .slash(
            &moderator,
            "article",
            sub("watch", channel_option.clone()),
            news_channel(),
        )
        .await;
    assert!(
        watching.ephemeral && watching.text().contains(&format!("<#{NEWS}>")),
        "{}",
        watching.text()
    );
    assert!(
        watching.text().contains("Message Content"),
        "explains the intent: {}",
        watching.text()
    );

    // A member drops the seed article into the watched channel (mentioning the bot, as
    // Discord requires without the Message Content intent).
    let in_news = Actor {
        guild: Some(GUILD),
        channel: NEWS,
        user: MEMBER,
        permissions: perms::MEMBER,
    };
    let file = bot.fake.add_attachment(
        "rare-earths.txt",
        "text/plain",
        fixture("seed-us-china-rare-earths.txt").as_bytes(),
    );
    let message = bot
        .fake
        .post_user_message(
            &in_news,
            &format!("<@{BOT_USER_ID}> for the morning brief"),
            vec![file],
        )
        .expect("message sent");
    let store = bot.store.clone();
    assert!(
        bot.fake
            .wait_until(Duration::from_secs(10), |f| !f.threads().is_empty())
            .await,
        "no thread reply"
    );
    let articles = store.articles(Scope::Guild(GUILD));
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].origin, "rare-earths.txt");
    assert_eq!(
        bot.fake.reactions(),
        vec![(NEWS.to_string(), message.clone(), "📰".to_string())]
    );
    let (parent, on, thread, _) = bot.fake.threads()[0].clone();
    assert_eq!((parent, on), (NEWS.to_string(), message));
    assert!(
        bot.fake
            .wait_until(Duration::from_secs(5), |f| !f
                .channel_messages(thread)
                .is_empty())
            .await
    );
    let reply = message_text(&bot.fake.channel_messages(thread)[0]);
    assert!(
        reply.contains(&format!("as `{}`", articles[0].id)) && reply.contains("words"),
        "{reply}"
    );

    // Chat and unsupported files are not articles; unwatched channels are not read.
    let pdf = bot
        .fake
        .add_attachment("scan.pdf", "application/pdf", b"%PDF-1.4");
    bot.fake
        .post_user_message(
            &in_news,
            &format!("<@{BOT_USER_ID}> thanks, great piece"),
            vec![pdf],
        )
        .unwrap();
    let elsewhere = Actor {
        channel: NEWS + 1,
        ..in_news
    };
    let file = bot.fake.add_attachment(
        "other.txt",
        "text/plain",
        fixture("wn-2010-flash-crash-us-stocks.txt").as_bytes(),
    );
    bot.fake
        .post_user_message(&elsewhere, &format!("<@{BOT_USER_ID}>"), vec![file])
        .unwrap();
    let unwatched = bot
        .slash(
            &moderator,
            "article",
            sub("unwatch", channel_option),
            news_channel(),
        )
        .await;
    assert!(
        unwatched.text().contains("no longer added"),
        "{}",
        unwatched.text()
    );
    let file = bot.fake.add_attachment(
        "late.txt",
        "text/plain",
        fixture("wn-2010-flash-crash-us-stocks.txt").as_bytes(),
    );
    bot.fake
        .post_user_message(&in_news, &format!("<@{BOT_USER_ID}>"), vec![file])
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        store.articles(Scope::Guild(GUILD)).len(),
        1,
        "nothing else was added"
    );
    assert_eq!(bot.fake.reactions().len(), 1);
    bot.stop().await;
}

/// Two outlets state the same trade figure differently: the posted briefing has a
/// "disagrees" entry citing both articles and sentences.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conflicting_figures_are_flagged_in_the_posted_briefing() {
    let fake = FakeDiscord::start(vec![GUILD], 1).await;
    let bot = Bot::start(
        fake,
        Arc::new(Store::in_memory()),
        Arc::new(ManualClock::new(Utc::now())),
    )
    .await;
    let moderator = Actor::moderator(GUILD, MODERATOR);
    let other_outlet = "Trade talks stall again\n\nOfficials in Beijing and Washington traded accusations on Friday. The trade relationship between the two countries, worth $580 billion last year, is now at risk, economists said.";
    for (text, title) in [
        (
            fixture("seed-us-china-rare-earths.txt"),
            "US and China race to rescue a summit",
        ),
        (other_outlet.to_string(), "Trade talks stall again"),
    ] {
        let added = bot
            .slash(
                &moderator,
                "article",
                sub("add", json!([opt("text", &text), opt("title", title)])),
                Value::Null,
            )
            .await;
        assert!(!added.ephemeral, "{}", added.text());
    }
    let posted = bot
        .slash(&moderator, "briefing", sub("post", json!([{"name": "channel", "type": 7, "value": NEWS.to_string()}, opt("since", "24h")])), news_channel())
        .await;
    assert!(posted.ephemeral, "{}", posted.text());
    let messages = bot.wait_for_posts(1).await;
    let all: String = messages
        .iter()
        .map(message_text)
        .collect::<Vec<_>>()
        .join("\n");
    let embeds: Vec<&Value> = messages
        .iter()
        .flat_map(|m| m["embeds"].as_array().into_iter().flatten())
        .collect();
    let fields: Vec<&Value> = embeds
        .iter()
        .flat_map(|e| e["fields"].as_array().into_iter().flatten())
        .collect();
    let disagrees = fields
        .iter()
        .find(|f| f["name"].as_str().is_some_and(|n| n.contains("Disagrees")))
        .unwrap_or_else(|| panic!("no disagreement in:\n{all}"));
    let value = disagrees["value"].as_str().unwrap_or("");
    assert!(
        value.contains("**$660 billion** in a1") && value.contains("**$580 billion** in a2"),
        "{value}"
    );
    assert!(
        value.contains("fragile $660 billion trade relationship")
            && value.contains("worth $580 billion last year"),
        "{value}"
    );
    bot.stop().await;
}
