//! 200 interactions from four guilds on two shards, all at once, against the real bot and
//! the fake Discord: every one is acknowledged within 3 s and answered within Discord's
//! limits, every added article is stored in its own guild and nowhere else, and each
//! guild's paged `/article list` shows exactly its own articles.

mod fake_discord;

use fake_discord::{Actor, FakeDiscord, Reply, TOKEN};
use newsdesk::bot::{Shutdown, run_with};
use newsdesk::config::Config;
use newsdesk::store::{Scope, Store};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Two guilds per shard with two shards: (id >> 22) % 2 alternates.
const GUILDS: [u64; 4] = [
    (6000 << 22) | 1,
    (6001 << 22) | 2,
    (6002 << 22) | 3,
    (6003 << 22) | 4,
];
const ADDS_PER_GUILD: usize = 25;
const QUERIES_PER_GUILD: usize = 25;

const FIXTURES: [&str; 5] = [
    "wn-2010-chile-aftershocks.txt",
    "wn-2008-us-senate-bailout-vote.txt",
    "wn-2011-microsoft-ie6-countdown.txt",
    "wn-2007-grayrigg-train-derailment.txt",
    "seed-us-china-rare-earths.txt",
];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn title(guild_index: usize, i: usize) -> String {
    format!("G{guild_index} article {i:02}")
}

fn sub(name: &str, options: Value) -> Value {
    json!([{"name": name, "type": 1, "options": options}])
}

fn opt(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

/// Titles of other guilds' articles that appear in `text`.
fn foreign_titles(text: &str, own: usize) -> Vec<String> {
    let mut found = Vec::new();
    for g in 0..GUILDS.len() {
        if g != own && text.contains(&format!("G{g} article")) {
            found.push(format!("G{g}"));
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_interactions_from_four_guilds_at_once() {
    let fake = FakeDiscord::start(GUILDS.to_vec(), 2).await;
    let config = Config {
        discord_token: Some(TOKEN.into()),
        discord_api_base: Some(fake.api_base()),
        ..Config::default()
    };
    let store = Arc::new(Store::in_memory());
    let shutdown = Shutdown::new();
    let bot = tokio::spawn(run_with(config, store.clone(), shutdown.clone()));
    assert!(
        fake.wait_until(Duration::from_secs(30), |f| f.command_overwrites() > 0
            && f.connected_shards().len() == 2)
            .await,
        "bot did not connect two shards: {:?}",
        fake.connected_shards()
    );

    let texts: Vec<String> = FIXTURES.iter().map(|f| fixture(f)).collect();
    // Build all 200 interactions, interleaving guilds and kinds, then fire them together.
    let mut jobs: Vec<(usize, Option<usize>, &'static str, Value)> = Vec::new();
    for i in 0..ADDS_PER_GUILD.max(QUERIES_PER_GUILD) {
        for (g, _) in GUILDS.iter().enumerate() {
            if i < ADDS_PER_GUILD {
                let text = &texts[(i + g) % texts.len()];
                jobs.push((
                    g,
                    Some(i),
                    "article",
                    sub(
                        "add",
                        json!([opt("text", text), opt("title", &title(g, i))]),
                    ),
                ));
            }
            if i < QUERIES_PER_GUILD {
                let (name, options) = match i % 5 {
                    0 => ("article", sub("list", json!([]))),
                    1 => ("search", json!([opt("query", "said")])),
                    2 => ("who-said", json!([])),
                    3 => ("key-figures", json!([])),
                    _ => ("summary", json!([])),
                };
                jobs.push((g, None, name, options));
            }
        }
    }
    assert_eq!(jobs.len(), 200);
    let started = Instant::now();
    let mut tokens = Vec::new();
    for (g, add, name, options) in &jobs {
        let actor = Actor::member(GUILDS[*g], 9000 + *g as u64);
        let token = fake
            .slash(&actor, name, options.clone(), Value::Null)
            .expect("dispatch");
        tokens.push((*g, *add, *name, token));
    }
    let waits = tokens.iter().map(|(g, add, name, token)| {
        let fake = fake.clone();
        async move {
            (
                *g,
                *add,
                *name,
                fake.reply(token, Duration::from_secs(120)).await,
            )
        }
    });
    // (server, which article add it answers, command name, the reply)
    type Waited<'a> = (usize, Option<usize>, &'a str, Result<Reply, String>);
    let replies: Vec<Waited> = futures::future::join_all(waits).await;
    let elapsed = started.elapsed();

    let mut slowest_ack = Duration::ZERO;
    for (g, add, name, reply) in &replies {
        let reply = reply
            .as_ref()
            .unwrap_or_else(|e| panic!("/{name} in guild {g}: {e}"));
        slowest_ack = slowest_ack.max(reply.ack_after);
        assert!(
            reply.ack_after < Duration::from_secs(3),
            "/{name} acknowledged after {:?}",
            reply.ack_after
        );
        let text = reply.text();
        assert!(
            foreign_titles(&text, *g).is_empty(),
            "/{name} in guild {g} showed another guild's article: {text}"
        );
        match add {
            Some(i) => {
                assert!(!reply.ephemeral, "adding {} failed: {text}", title(*g, *i));
                assert!(
                    text.contains(&format!("Added: {}", title(*g, *i))),
                    "{text}"
                );
            }
            None => assert!(
                !reply.ephemeral || text.contains("No articles yet"),
                "/{name} in guild {g} failed: {text}"
            ),
        }
    }
    eprintln!("200 interactions answered in {elapsed:?}; slowest acknowledgement {slowest_ack:?}");

    // Nothing lost, nothing crossed over: the store holds exactly each guild's articles.
    for (g, guild) in GUILDS.iter().enumerate() {
        let stored: BTreeSet<String> = store
            .articles(Scope::Guild(*guild))
            .iter()
            .map(|a| a.title().to_string())
            .collect();
        let expected: BTreeSet<String> = (0..ADDS_PER_GUILD).map(|i| title(g, i)).collect();
        assert_eq!(stored, expected, "guild {g}");
    }

    // And Discord shows the same: page through each guild's list with the buttons.
    for (g, guild) in GUILDS.iter().enumerate() {
        let actor = Actor::member(*guild, 9100);
        let mut reply = fake
            .run_slash(&actor, "article", sub("list", json!([])), Value::Null)
            .await;
        let mut seen = BTreeSet::new();
        loop {
            let text = reply.text();
            for i in 0..ADDS_PER_GUILD {
                if text.contains(&format!("**{}**", title(g, i))) {
                    seen.insert(i);
                }
            }
            assert!(foreign_titles(&text, g).is_empty(), "{text}");
            let Some(next) = reply.button("Next") else {
                break;
            };
            let token = fake
                .press_button(&actor, &reply.message, &next)
                .expect("press");
            reply = fake
                .reply(&token, Duration::from_secs(10))
                .await
                .expect("next page");
        }
        assert_eq!(seen.len(), ADDS_PER_GUILD, "guild {g} list showed {seen:?}");
    }

    shutdown.trigger();
    let stopped = tokio::time::timeout(Duration::from_secs(10), bot).await;
    assert!(
        matches!(stopped, Ok(Ok(Ok(())))),
        "bot did not stop cleanly: {stopped:?}"
    );
    assert_eq!(
        fake.violations(),
        Vec::<String>::new(),
        "the fake rejected requests"
    );
}
