//! End to end: the real bot (serenity + poise, `bot::run_with`) against the fake Discord
//! in `tests/fake_discord`: command registration, `/article add` three ways, answers on
//! the seed article, autocomplete, paging buttons, permissions, guild isolation, DMs and
//! `/briefing post`. Every test also asserts the fake saw nothing real Discord would
//! reject and that every interaction was acknowledged within 3 s.

mod fake_discord;

use fake_discord::{APP_ID, Actor, FakeDiscord, Reply, TOKEN, message_text, perms};
use newsdesk::bot::{Shutdown, run_with};
use newsdesk::config::Config;
use newsdesk::store::{Scope, Store};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

/// Guild ids on different shards when there are two: (id >> 22) % 2.
const GUILD_A: u64 = (5000 << 22) | 11;
const GUILD_B: u64 = (5001 << 22) | 12;
const ALICE: u64 = 7001;
const BOB: u64 = 7002;
const MOD: u64 = 7003;

fn seed() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/articles/seed-us-china-rare-earths.txt"
    ))
    .expect("seed fixture")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

struct Harness {
    fake: Arc<FakeDiscord>,
    store: Arc<Store>,
    shutdown: Shutdown,
    bot: tokio::task::JoinHandle<newsdesk::Result<()>>,
}

impl Harness {
    async fn start(shards: u32, guild_scoped: Option<u64>) -> Harness {
        Harness::start_with(shards, guild_scoped, |_| {}).await
    }

    async fn start_with(
        shards: u32,
        guild_scoped: Option<u64>,
        adjust: impl FnOnce(&mut Config),
    ) -> Harness {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("NEWSDESK_LOG")
                    .unwrap_or_else(|_| "warn".into()),
            )
            .with_test_writer()
            .try_init();
        let fake = FakeDiscord::start(vec![GUILD_A, GUILD_B], shards).await;
        let mut config = Config {
            discord_token: Some(TOKEN.into()),
            discord_api_base: Some(fake.api_base()),
            discord_guild_id: guild_scoped,
            ..Config::default()
        };
        adjust(&mut config);
        let store = Arc::new(Store::in_memory_with(config.limits.clone()));
        let shutdown = Shutdown::new();
        let bot = tokio::spawn(run_with(config, store.clone(), shutdown.clone()));
        let ready = fake
            .wait_until(Duration::from_secs(10 + 6 * u64::from(shards)), |f| {
                f.command_overwrites() > 0 && f.connected_shards().len() == shards as usize
            })
            .await;
        assert!(
            ready,
            "bot did not connect and register: shards {:?}, violations {:?}",
            fake.connected_shards(),
            fake.violations()
        );
        Harness {
            fake,
            store,
            shutdown,
            bot,
        }
    }

    async fn stop(self) {
        self.shutdown.trigger();
        let result = tokio::time::timeout(Duration::from_secs(10), self.bot).await;
        assert!(
            matches!(result, Ok(Ok(Ok(())))),
            "bot did not stop cleanly: {result:?}"
        );
        assert_eq!(
            self.fake.violations(),
            Vec::<String>::new(),
            "the fake rejected requests"
        );
    }

    async fn slash(&self, actor: &Actor, name: &str, options: Value) -> Reply {
        self.slash_resolved(actor, name, options, Value::Null).await
    }

    async fn slash_resolved(
        &self,
        actor: &Actor,
        name: &str,
        options: Value,
        resolved: Value,
    ) -> Reply {
        let reply = self.fake.run_slash(actor, name, options, resolved).await;
        assert!(
            reply.ack_after < Duration::from_secs(3),
            "/{name} acknowledged after {:?}",
            reply.ack_after
        );
        reply
    }

    async fn add_text(&self, actor: &Actor, text: &str, title: &str) -> Reply {
        let reply = self
            .slash(
                actor,
                "article",
                sub("add", json!([opt("text", text), opt("title", title)])),
            )
            .await;
        assert!(!reply.ephemeral, "adding failed: {}", reply.text());
        reply
    }
}

fn sub(name: &str, options: Value) -> Value {
    json!([{"name": name, "type": 1, "options": options}])
}

fn opt(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

/// The text of every page of a paged reply, pressing Next until the last page.
async fn all_pages(h: &Harness, actor: &Actor, first: &Reply) -> String {
    let mut text = first.text();
    let mut reply = first.clone();
    while let Some(next) = reply.button("Next") {
        let token = h
            .fake
            .press_button(actor, &reply.message, &next)
            .expect("press next");
        reply = h
            .fake
            .reply(&token, Duration::from_secs(10))
            .await
            .expect("next page");
        text.push_str(&reply.text());
    }
    text
}

/// The article id an "Added" reply names ("Saved as `a3`").
fn added_id(reply: &Reply) -> String {
    let text = reply.text();
    let start = text.find("Saved as `").expect("reply names the id") + "Saved as `".len();
    text[start..]
        .split('`')
        .next()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registers_commands_globally_with_one_bulk_overwrite() {
    let h = Harness::start(1, None).await;
    let fake = &h.fake;
    assert_eq!(fake.command_overwrites(), 1);
    let commands = fake.commands(None);
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    for expected in [
        "article",
        "who-said",
        "key-figures",
        "people",
        "timeline",
        "summary",
        "ask",
        "search",
        "briefing",
        "help",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} not registered: {names:?}"
        );
    }
    let article = commands.iter().find(|c| c["name"] == "article").unwrap();
    let subs: Vec<&str> = article["options"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert_eq!(subs, ["add", "list", "show", "remove", "watch", "unwatch"]);
    let add = &article["options"][0]["options"];
    let add_opts: Vec<(&str, u64)> = add
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["name"].as_str().unwrap(), o["type"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        add_opts,
        [
            ("file", 11),
            ("text", 3),
            ("url", 3),
            ("title", 3),
            ("sample", 5)
        ]
    );
    // Every `article` option autocompletes.
    let mut article_options = 0;
    fn walk(v: &Value, count: &mut usize) {
        for o in v["options"].as_array().into_iter().flatten() {
            if o["name"] == "article" {
                assert_eq!(o["autocomplete"], json!(true), "{o}");
                *count += 1;
            }
            walk(o, count);
        }
    }
    for c in &commands {
        walk(c, &mut article_options);
    }
    assert_eq!(article_options, 8, "{article_options} article options");
    let figures = commands
        .iter()
        .find(|c| c["name"] == "key-figures")
        .unwrap();
    let kind = figures["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "kind")
        .unwrap();
    let kinds: Vec<&str> = kind["choices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "money",
            "percent",
            "count",
            "quantity",
            "ratio",
            "rank",
            "age",
            "score",
            "year-span",
            "other"
        ]
    );
    let briefing = commands.iter().find(|c| c["name"] == "briefing").unwrap();
    assert_eq!(
        briefing["default_member_permissions"],
        json!(perms::MANAGE_MESSAGES.to_string())
    );
    assert!(
        briefing["options"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["name"] == "post")
    );
    // The gateway URL came from the fake, and the shard identified with our token.
    assert!(fake.requests().iter().any(|r| r.path == "/gateway/bot"));
    assert_eq!(fake.identifies().len(), 1);
    // /help answers with every command.
    let help = h
        .slash(&Actor::member(GUILD_A, ALICE), "help", json!([]))
        .await;
    for name in [
        "/article add",
        "/who-said",
        "/key-figures",
        "/people",
        "/timeline",
        "/summary",
        "/ask",
        "/search",
        "/briefing post",
    ] {
        assert!(help.text().contains(name), "help lacks {name}");
    }
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registers_in_one_guild_when_configured() {
    let h = Harness::start(1, Some(GUILD_B)).await;
    assert!(h.fake.commands(None).is_empty(), "nothing global");
    assert!(h.fake.commands(Some(GUILD_B)).len() >= 10);
    assert!(
        h.fake
            .requests()
            .iter()
            .any(|r| r.method == "PUT" && r.path.contains("/guilds/"))
    );
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adds_articles_by_file_text_and_modal_and_answers_from_them() {
    // The URL below is the fake's own 127.0.0.1 server, which production refuses.
    let h = Harness::start_with(1, None, |c| c.limits.fetch.allow_private = true).await;
    let alice = Actor::member(GUILD_A, ALICE);

    // A file attachment.
    let att = h
        .fake
        .add_attachment("rare-earths.txt", "text/plain; charset=utf-8", &seed());
    let att_id = att["id"].as_str().unwrap().to_string();
    let added = h
        .slash_resolved(
            &alice,
            "article",
            sub(
                "add",
                json!([{"name": "file", "type": 11, "value": att_id}]),
            ),
            json!({"attachments": {att_id.clone(): att}}),
        )
        .await;
    assert!(!added.ephemeral, "{}", added.text());
    let text = added.text();
    assert!(text.contains("Added"), "{text}");
    assert!(text.contains("words"), "{text}");
    assert!(
        h.fake
            .requests()
            .iter()
            .any(|r| r.path == "/attachments/{id}/{name}"),
        "attachment downloaded"
    );
    let seed_id = added_id(&added);

    // A refused file type says what to do.
    let pdf = h
        .fake
        .add_attachment("report.pdf", "application/pdf", b"%PDF-1.4");
    let pdf_id = pdf["id"].as_str().unwrap().to_string();
    let refused = h
        .slash_resolved(
            &alice,
            "article",
            sub(
                "add",
                json!([{"name": "file", "type": 11, "value": pdf_id}]),
            ),
            json!({"attachments": {pdf_id.clone(): pdf}}),
        )
        .await;
    assert!(refused.ephemeral);
    assert!(
        refused.text().contains(".txt, .md or .html"),
        "{}",
        refused.text()
    );

    // Pasted text with a title.
    let pasted = h
        .add_text(
            &alice,
            &fixture("wn-2010-chile-aftershocks.txt"),
            "Chile aftershocks",
        )
        .await;
    assert!(pasted.text().contains("Chile aftershocks"));

    // A URL is deferred first, then answered.
    let page = h.fake.add_attachment("story.html", "text/html; charset=utf-8", b"<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Friday after storm repairs costing $3 million, officials said.</p><p>\"We are open for business,\" said harbour master Jane Okafor.</p></article></body></html>");
    let from_url = h
        .slash(
            &alice,
            "article",
            sub("add", json!([opt("url", page["url"].as_str().unwrap())])),
        )
        .await;
    assert_eq!(from_url.callback_type, 5, "deferred first");
    assert!(
        !from_url.ephemeral && from_url.text().contains("Harbour reopens"),
        "{}",
        from_url.text()
    );
    // A failure after a public deferral still ends as an ephemeral error.
    let refused = h
        .slash(
            &alice,
            "article",
            sub("add", json!([opt("url", "ftp://example.com/story.txt")])),
        )
        .await;
    assert_eq!(refused.callback_type, 5);
    assert!(refused.ephemeral, "{}", refused.text());
    assert!(
        h.fake.requests().iter().any(|r| r.method == "DELETE"),
        "the thinking message was removed"
    );

    // No content: a modal, then its submission.
    let token = h
        .fake
        .slash(&alice, "article", sub("add", json!([])), Value::Null)
        .unwrap();
    let modal = h.fake.reply(&token, Duration::from_secs(5)).await.unwrap();
    assert_eq!(modal.callback_type, 9, "a modal opens");
    assert_eq!(modal.message["custom_id"], "nd-add");
    let body_input = &modal.message["components"][1]["components"][0];
    assert_eq!(body_input["max_length"], json!(4000));
    let token = h
        .fake
        .submit_modal(
            &alice,
            "nd-add",
            &[
                ("title", "Grayrigg derailment"),
                ("body", &fixture("wn-2007-grayrigg-train-derailment.txt")),
            ],
        )
        .unwrap();
    let from_modal = h.fake.reply(&token, Duration::from_secs(20)).await.unwrap();
    assert!(!from_modal.ephemeral, "{}", from_modal.text());
    assert!(
        from_modal.text().contains("Added: Grayrigg derailment"),
        "{}",
        from_modal.text()
    );
    assert_eq!(h.store.articles(Scope::Guild(GUILD_A)).len(), 4);

    // Answers on the seed article.
    let who = h
        .slash(&alice, "who-said", json!([opt("article", &seed_id)]))
        .await;
    assert!(!who.ephemeral, "{}", who.text());
    // A `kind` choice arrives as Discord sends it: the registered choice's value.
    let registered = h.fake.commands(None);
    let kind = registered
        .iter()
        .find(|c| c["name"] == "key-figures")
        .unwrap()["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "kind")
        .unwrap()
        .clone();
    let money_value = kind["choices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "money")
        .unwrap()["value"]
        .clone();
    let money = h
        .slash(&alice, "key-figures", json!([opt("article", &seed_id), {"name": "kind", "type": kind["type"], "value": money_value}]))
        .await;
    assert!(!money.ephemeral, "{}", money.text());
    assert!(money.text().contains("Key figures"), "{}", money.text());

    // Autocomplete offers titles with ids as values.
    let token = h
        .fake
        .autocomplete(
            &alice,
            "who-said",
            json!([{"name": "article", "type": 3, "value": "chile", "focused": true}]),
        )
        .unwrap();
    let choices = h.fake.reply(&token, Duration::from_secs(3)).await.unwrap();
    assert_eq!(choices.callback_type, 8);
    let listed = choices.message["choices"].as_array().unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(
        listed[0]["name"]
            .as_str()
            .unwrap()
            .contains("Chile aftershocks")
    );
    let all = h.fake.autocomplete(&alice, "article", json!([{"name": "show", "type": 1, "options": [{"name": "article", "type": 3, "value": "", "focused": true}]}])).unwrap();
    let all = h.fake.reply(&all, Duration::from_secs(3)).await.unwrap();
    assert_eq!(all.message["choices"].as_array().unwrap().len(), 4);

    // Per-article views default to the newest article; a typed title resolves too.
    let people = h.slash(&alice, "people", json!([])).await;
    assert!(
        people.text().contains("Grayrigg derailment"),
        "{}",
        people.text()
    );
    let show = h
        .slash(
            &alice,
            "article",
            sub("show", json!([opt("article", "chile aftershocks")])),
        )
        .await;
    assert!(show.text().contains("Chile aftershocks"), "{}", show.text());
    for (name, options) in [
        ("timeline", json!([opt("article", &seed_id)])),
        ("summary", json!([opt("article", &seed_id)])),
        (
            "ask",
            json!([opt("question", "Who warned about rare earths?")]),
        ),
        ("search", json!([opt("query", "rare earth")])),
    ] {
        let r = h.slash(&alice, name, options).await;
        assert!(!r.text().is_empty(), "/{name} answered");
    }
    let missing = h
        .slash(&alice, "summary", json!([opt("article", "a999")]))
        .await;
    assert!(
        missing.ephemeral && missing.text().contains("/article list"),
        "{}",
        missing.text()
    );
    h.stop().await;
}

/// `/article add sample:True` adds the built-in samples, which the first steps of /help
/// then answer on; a second request is refused as a copy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sample_option_adds_the_built_in_samples() {
    let h = Harness::start(1, None).await;
    let alice = Actor::member(GUILD_A, ALICE);
    let samples = h
        .slash(
            &alice,
            "article",
            sub("add", json!([{"name": "sample", "type": 5, "value": true}])),
        )
        .await;
    assert!(
        samples.text().contains("uranium") && samples.text().contains("rare earths"),
        "{}",
        samples.text()
    );
    let again = h
        .slash(
            &alice,
            "article",
            sub("add", json!([{"name": "sample", "type": 5, "value": true}])),
        )
        .await;
    assert!(
        again.ephemeral && again.text().contains("already added"),
        "{}",
        again.text()
    );
    assert_eq!(h.store.articles(Scope::Guild(GUILD_A)).len(), 2);
    let who = h
        .slash(&alice, "who-said", json!([opt("topic", "rare earths")]))
        .await;
    assert!(who.text().contains("Ingrid Halvorsen"), "{}", who.text());
    let ask = h
        .slash(
            &alice,
            "ask",
            json!([opt("question", "How much trade is at stake?")]),
        )
        .await;
    assert!(ask.text().contains("€2.1 billion"), "{}", ask.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_said_and_key_figures_answer_from_the_seed_article() {
    let h = Harness::start(1, None).await;
    let alice = Actor::member(GUILD_A, ALICE);
    h.add_text(
        &alice,
        &fixture("wn-2010-chile-aftershocks.txt"),
        "Chile aftershocks",
    )
    .await;
    let added = h
        .add_text(
            &alice,
            &String::from_utf8(seed()).unwrap(),
            "Rare earths talks",
        )
        .await;
    let seed_id = added_id(&added);
    assert!(
        added.text().contains("Wu Xinbo"),
        "the confirmation names the speakers: {}",
        added.text()
    );

    let who = h
        .slash(&alice, "who-said", json!([opt("article", &seed_id)]))
        .await;
    assert!(
        who.text().contains("Wu Xinbo") && who.text().contains("Cory Combs"),
        "page 1 names every speaker: {}",
        who.text()
    );
    let text = all_pages(&h, &alice, &who).await;
    assert!(
        text.contains("Wu Xinbo —") && text.contains("Cory Combs —"),
        "who-said: {text}"
    );
    assert!(
        text.contains(&format!("`{seed_id}`")) && text.contains("Rare earths talks"),
        "cites the article: {text}"
    );
    // All articles by default; a speaker filter narrows to one group.
    let wu = h
        .slash(&alice, "who-said", json!([opt("speaker", "Wu")]))
        .await;
    assert!(
        wu.text().contains("Wu Xinbo") && !wu.text().contains("Cory Combs"),
        "{}",
        wu.text()
    );

    let figures = h
        .slash(&alice, "key-figures", json!([opt("article", &seed_id)]))
        .await;
    let text = all_pages(&h, &alice, &figures).await;
    assert!(text.contains("$660 billion"), "key-figures: {text}");
    assert!(text.contains("90%"), "key-figures: {text}");
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_permissions_and_isolation() {
    let h = Harness::start(2, None).await;
    assert_eq!(h.fake.connected_shards(), vec![(0, 2), (1, 2)]);
    let alice = Actor::member(GUILD_A, ALICE);
    let moderator = Actor::moderator(GUILD_A, MOD);
    let bob = Actor::member(GUILD_B, BOB);
    let short = "Officials said on Monday that the bridge would reopen in May after repairs costing $4 million.";
    for i in 0..23 {
        h.add_text(&alice, short, &format!("Bridge update {i:02}"))
            .await;
    }

    // A paginated list and a button press.
    let list = h.slash(&alice, "article", sub("list", json!([]))).await;
    assert!(list.text().contains("Articles (23)"));
    assert!(list.text().contains("Page 1 of 3"), "{}", list.text());
    assert!(list.text().contains("Bridge update 22"), "newest first");
    let next = list.button("Next").expect("a next button");
    let token = h.fake.press_button(&alice, &list.message, &next).unwrap();
    let page2 = h.fake.reply(&token, Duration::from_secs(5)).await.unwrap();
    assert_eq!(page2.callback_type, 7, "the same message is updated");
    assert!(page2.text().contains("Page 2 of 3"), "{}", page2.text());
    assert!(page2.text().contains("Bridge update 12"));
    assert!(!page2.text().contains("Bridge update 22"));
    // The page lives in the custom id: pressing page 3's id works from any message.
    let last = page2.button("Next").unwrap();
    let token = h.fake.press_button(&alice, &page2.message, &last).unwrap();
    let page3 = h.fake.reply(&token, Duration::from_secs(5)).await.unwrap();
    assert!(page3.text().contains("Page 3 of 3") && page3.text().contains("Bridge update 00"));
    assert!(page3.button("Next").is_none(), "no next on the last page");

    // Permissions: a member may not remove; a moderator may.
    let refused = h
        .slash(
            &alice,
            "article",
            sub("remove", json!([opt("article", "a1")])),
        )
        .await;
    assert!(refused.ephemeral);
    assert!(
        refused.text().contains("Manage Messages"),
        "{}",
        refused.text()
    );
    assert_eq!(h.store.articles(Scope::Guild(GUILD_A)).len(), 23);
    let brief = h.slash(&alice, "briefing", sub("post", json!([]))).await;
    assert!(brief.ephemeral && brief.text().contains("Manage Messages"));
    let removed = h
        .slash(
            &moderator,
            "article",
            sub("remove", json!([opt("article", "a1")])),
        )
        .await;
    assert!(
        !removed.ephemeral && removed.text().contains("Removed"),
        "{}",
        removed.text()
    );
    assert_eq!(h.store.articles(Scope::Guild(GUILD_A)).len(), 22);

    // Guild B sees nothing of guild A.
    let b_list = h.slash(&bob, "article", sub("list", json!([]))).await;
    assert!(
        b_list.text().contains("No articles yet"),
        "{}",
        b_list.text()
    );
    assert!(!b_list.text().contains("Bridge"));
    let b_show = h
        .slash(&bob, "article", sub("show", json!([opt("article", "a2")])))
        .await;
    assert!(
        b_show.ephemeral && !b_show.text().contains("Bridge"),
        "{}",
        b_show.text()
    );
    let b_who = h.slash(&bob, "who-said", json!([])).await;
    assert!(b_who.ephemeral && b_who.text().contains("No articles yet"));
    let b_search = h
        .slash(&bob, "search", json!([opt("query", "bridge")]))
        .await;
    assert!(
        !b_search.text().contains("Bridge update"),
        "{}",
        b_search.text()
    );
    let token = h
        .fake
        .autocomplete(
            &bob,
            "people",
            json!([{"name": "article", "type": 3, "value": "", "focused": true}]),
        )
        .unwrap();
    let b_choices = h.fake.reply(&token, Duration::from_secs(3)).await.unwrap();
    assert_eq!(b_choices.message["choices"], json!([]));
    // Guild A's button pressed in guild B runs in guild B.
    let token = h.fake.press_button(&bob, &list.message, &next).unwrap();
    let b_page = h.fake.reply(&token, Duration::from_secs(5)).await.unwrap();
    assert!(!b_page.text().contains("Bridge"), "{}", b_page.text());
    // Bob's own article stays in guild B.
    h.add_text(
        &bob,
        "The council said the library would open on Sunday.",
        "Library news",
    )
    .await;
    let a_search = h
        .slash(&alice, "search", json!([opt("query", "library")]))
        .await;
    assert!(
        !a_search.text().contains("Library news"),
        "{}",
        a_search.text()
    );

    // DMs: per-user scope.
    let dm = Actor::dm(ALICE);
    let dm_list = h.slash(&dm, "article", sub("list", json!([]))).await;
    assert!(dm_list.text().contains("No articles yet"));
    h.add_text(
        &dm,
        "The mayor said taxes would fall by 2% next year.",
        "My private note",
    )
    .await;
    assert_eq!(h.store.articles(Scope::User(ALICE)).len(), 1);
    assert!(
        h.store
            .articles(Scope::Guild(GUILD_A))
            .iter()
            .all(|a| a.title() != "My private note")
    );
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn briefing_posts_a_digest_to_a_channel() {
    let h = Harness::start(1, None).await;
    let moderator = Actor::moderator(GUILD_A, MOD);
    h.add_text(
        &moderator,
        &String::from_utf8(seed()).unwrap(),
        "Rare earths talks",
    )
    .await;
    h.add_text(
        &moderator,
        &fixture("wn-2010-flash-crash-us-stocks.txt"),
        "Flash crash",
    )
    .await;
    let news = GUILD_A + 50;
    let resolved = json!({"channels": {news.to_string(): {"id": news.to_string(), "name": "news-digest", "type": 0, "permissions": perms::MEMBER.to_string()}}});
    let reply = h
        .slash_resolved(&moderator, "briefing", sub("post", json!([{"name": "channel", "type": 7, "value": news.to_string()}, opt("since", "24h")])), resolved)
        .await;
    assert!(reply.ephemeral, "the confirmation is for the moderator");
    assert!(
        reply.text().contains("Posted the briefing to"),
        "{}",
        reply.text()
    );
    let posted = h.fake.channel_messages(news);
    assert!(!posted.is_empty());
    let all: String = posted.iter().map(message_text).collect();
    assert!(
        all.contains("Rare earths talks") && all.contains("Flash crash"),
        "{all}"
    );
    eprintln!("SAMPLE /briefing post (channel message):\n{all}");
    // Nothing new in the period: the moderator is told privately, nothing is posted.
    let before = h.fake.channel_messages(news).len();
    let empty = h
        .slash(
            &moderator,
            "briefing",
            sub("post", json!([opt("topic", "volcano eruption")])),
        )
        .await;
    assert!(
        empty.ephemeral && empty.text().contains("nothing to post"),
        "{}",
        empty.text()
    );
    assert_eq!(h.fake.channel_messages(news).len(), before);
    let bad = h
        .slash(
            &moderator,
            "briefing",
            sub("post", json!([opt("since", "whenever")])),
        )
        .await;
    assert!(
        bad.ephemeral && bad.text().contains("24h"),
        "{}",
        bad.text()
    );
    assert_eq!(APP_ID, fake_discord::APP_ID);
    h.stop().await;
}

/// The binary, configured only through the environment, connects to the fake with a
/// shard range, registers in one guild, and keeps articles across a kill and restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_runs_from_the_environment_and_keeps_articles_across_restarts() {
    let fake = FakeDiscord::start(vec![GUILD_A], 1).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
            .arg("bot")
            .env("DISCORD_TOKEN", TOKEN)
            .env("DISCORD_API_BASE", fake.api_base())
            .env("DISCORD_GUILD_ID", GUILD_A.to_string())
            .env("DISCORD_SHARDS", "0..0/1")
            .env("NEWSDESK_DATA_DIR", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .expect("start the newsdesk binary")
    };
    let mut bot = spawn();
    let up = fake
        .wait_until(Duration::from_secs(60), |f| {
            f.command_overwrites() == 1 && f.connected_shards() == vec![(0, 1)]
        })
        .await;
    assert!(up, "binary did not connect: {:?}", fake.violations());
    assert_eq!(fake.commands(Some(GUILD_A)).len(), 10);
    let moderator = Actor::moderator(GUILD_A, MOD);
    let added = fake
        .run_slash(
            &moderator,
            "article",
            sub(
                "add",
                json!([
                    opt(
                        "text",
                        "The port authority said on Tuesday that exports rose 12% in March."
                    ),
                    opt("title", "Port exports")
                ]),
            ),
            Value::Null,
        )
        .await;
    assert!(!added.ephemeral, "{}", added.text());

    let _ = bot.kill();
    let _ = bot.wait();
    assert!(
        fake.wait_until(Duration::from_secs(10), |f| f.connected_shards().is_empty())
            .await
    );
    let mut bot = spawn();
    let up = fake
        .wait_until(Duration::from_secs(60), |f| {
            f.command_overwrites() == 2 && f.connected_shards().len() == 1
        })
        .await;
    assert!(up, "binary did not reconnect");
    let list = fake
        .run_slash(&moderator, "article", sub("list", json!([])), Value::Null)
        .await;
    assert!(
        list.text().contains("Port exports"),
        "the article survived the restart: {}",
        list.text()
    );
    let _ = bot.kill();
    let _ = bot.wait();
    assert_eq!(fake.violations(), Vec::<String>::new());
}

/// Runs every command once on the seed article and prints what the fake captured (run
/// with `--nocapture` for the samples); each answer is public, within limits and cites
/// its article.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_answers_on_the_seed_article() {
    let h = Harness::start(1, None).await;
    let moderator = Actor::moderator(GUILD_A, MOD);
    let added = h
        .add_text(
            &moderator,
            &String::from_utf8(seed()).unwrap(),
            "Rare earths talks",
        )
        .await;
    let id = added_id(&added);
    let samples: Vec<(&str, &str, Value)> = vec![
        (
            "/article add text:… title:\"Rare earths talks\"",
            "",
            Value::Null,
        ),
        ("/article list", "article", sub("list", json!([]))),
        (
            "/article show",
            "article",
            sub("show", json!([opt("article", &id)])),
        ),
        ("/who-said", "who-said", json!([])),
        ("/key-figures", "key-figures", json!([])),
        ("/people", "people", json!([])),
        ("/timeline", "timeline", json!([])),
        ("/summary", "summary", json!([])),
        (
            "/ask question:\"What does China refine?\"",
            "ask",
            json!([opt("question", "What does China refine?")]),
        ),
        (
            "/search query:\"rare earths\"",
            "search",
            json!([opt("query", "rare earths")]),
        ),
        ("/help", "help", json!([])),
    ];
    for (label, name, options) in samples {
        let reply = if name.is_empty() {
            added.clone()
        } else {
            h.slash(&moderator, name, options).await
        };
        assert!(!reply.ephemeral, "{label}: {}", reply.text());
        // Every item cites the article; an empty answer says so instead.
        let text = reply.text();
        if name != "help"
            && name != "article"
            && !text.contains("\nNo ")
            && !text.contains("not in the")
        {
            assert!(
                text.contains(&format!("`{id}`")) || text.contains("Rare earths talks"),
                "{label} cites the article: {text}"
            );
        }
        eprintln!("===== {label}\n{}", reply.text());
    }
    let removed = h
        .slash(
            &moderator,
            "article",
            sub("remove", json!([opt("article", &id)])),
        )
        .await;
    eprintln!("===== /article remove article:{id}\n{}", removed.text());
    assert!(removed.text().contains("Removed: Rare earths talks"));
    h.stop().await;
}

/// The fake is only useful if it refuses what Discord refuses.
#[test]
fn the_fake_rejects_what_discord_rejects() {
    use fake_discord::validate_message;
    let embed = |title: &str, description: &str, fields: usize, value: &str| {
        json!({"title": title, "description": description,
               "fields": (0..fields).map(|i| json!({"name": format!("f{i}"), "value": value})).collect::<Vec<_>>()})
    };
    assert!(
        validate_message(
            &json!({"content": "ok", "embeds": [embed("t", "d", 3, "v")]}),
            true
        )
        .is_ok()
    );
    assert!(validate_message(&json!({"content": "x".repeat(2001)}), true).is_err());
    assert!(validate_message(&json!({"embeds": vec![embed("t", "d", 0, ""); 11]}), true).is_err());
    assert!(
        validate_message(
            &json!({"embeds": [embed(&"t".repeat(257), "d", 0, "")]}),
            true
        )
        .is_err()
    );
    assert!(
        validate_message(
            &json!({"embeds": [embed("t", &"d".repeat(4097), 0, "")]}),
            true
        )
        .is_err()
    );
    assert!(validate_message(&json!({"embeds": [embed("t", "d", 26, "v")]}), true).is_err());
    assert!(
        validate_message(
            &json!({"embeds": [embed("t", "d", 1, &"v".repeat(1025))]}),
            true
        )
        .is_err()
    );
    assert!(
        validate_message(&json!({"embeds": [embed("t", "d", 1, "")]}), true).is_err(),
        "empty field value"
    );
    assert!(validate_message(&json!({"embeds": [embed("t", &"d".repeat(4000), 0, ""), embed("t", &"d".repeat(2100), 0, "")]}), true).is_err(), "6,000 across embeds");
    assert!(
        validate_message(&json!({"content": ""}), true).is_err(),
        "empty message"
    );
    let button = |id: &str| json!({"type": 2, "style": 1, "label": "b", "custom_id": id});
    assert!(validate_message(&json!({"content": "c", "components": [{"type": 1, "components": [button("a"), button("a")]}]}), true).is_err(), "duplicate custom ids");
    assert!(validate_message(&json!({"content": "c", "components": [{"type": 1, "components": [button(&"i".repeat(101))]}]}), true).is_err());
}
