//! A fake Discord for end-to-end tests: the REST API and the gateway websocket on
//! 127.0.0.1, close enough to the real thing that the real bot (serenity + poise, pointed
//! at it with `DISCORD_API_BASE`) connects, registers its commands and answers
//! interactions. It records everything and rejects what real Discord rejects: messages and
//! embeds over Discord's limits, invalid command registrations, autocomplete and modal
//! payloads out of bounds, a second acknowledgement, follow-ups before the acknowledgement,
//! and callbacks later than 3 s. Every rejection is also kept in `violations()` so a test
//! can assert there were none.
//!
//! Tests drive it like users would: `slash`, `autocomplete`, `press_button`,
//! `submit_modal` send `INTERACTION_CREATE` events through the gateway shard that owns
//! the guild, and `reply` waits for what the user would see.

#![allow(dead_code)]

use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post, put};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

pub const TOKEN: &str = "fake-token.for-tests.only";
pub const APP_ID: u64 = 1_100_000_000_000_000_001;
pub const BOT_USER_ID: u64 = 1_100_000_000_000_000_001;
pub const OWNER_ID: u64 = 1_100_000_000_000_000_002;
/// How long Discord waits for the first response to an interaction.
pub const CALLBACK_DEADLINE: Duration = Duration::from_secs(3);

/// Permission bits the fake uses.
pub mod perms {
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const MANAGE_MESSAGES: u64 = 1 << 13;
    pub const EMBED_LINKS: u64 = 1 << 14;
    pub const ATTACH_FILES: u64 = 1 << 15;
    pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
    pub const MEMBER: u64 = VIEW_CHANNEL
        | SEND_MESSAGES
        | EMBED_LINKS
        | ATTACH_FILES
        | READ_MESSAGE_HISTORY
        | USE_APPLICATION_COMMANDS;
    pub const MODERATOR: u64 = MEMBER | MANAGE_MESSAGES;
}

/// Who acts, and where.
#[derive(Debug, Clone, Copy)]
pub struct Actor {
    /// `None` for a direct message.
    pub guild: Option<u64>,
    pub channel: u64,
    pub user: u64,
    pub permissions: u64,
}

impl Actor {
    pub fn member(guild: u64, user: u64) -> Actor {
        Actor {
            guild: Some(guild),
            channel: guild + 1,
            user,
            permissions: perms::MEMBER,
        }
    }
    pub fn moderator(guild: u64, user: u64) -> Actor {
        Actor {
            guild: Some(guild),
            channel: guild + 1,
            user,
            permissions: perms::MODERATOR,
        }
    }
    pub fn dm(user: u64) -> Actor {
        Actor {
            guild: None,
            channel: user + 7,
            user,
            permissions: perms::MEMBER,
        }
    }
}

/// One REST request as the fake received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub body: Value,
    pub status: u16,
}

#[derive(Debug, Default)]
struct InteractionRecord {
    kind: u8,
    channel: String,
    sent_at: Option<Instant>,
    callback: Option<Value>,
    callback_at: Option<Instant>,
    /// Messages the user sees after the acknowledgement: follow-ups and edits of the
    /// original, in order.
    followups: Vec<Value>,
    original: Option<Value>,
    original_deleted: bool,
}

/// What the user sees in answer to one interaction.
#[derive(Debug, Clone)]
pub struct Reply {
    /// Interaction callback type: 4 message, 5 deferred message, 7 update message,
    /// 8 autocomplete result, 9 modal.
    pub callback_type: u64,
    /// How long the bot took to acknowledge.
    pub ack_after: Duration,
    /// The final message (or the modal, or the autocomplete choices) as Discord stored it.
    pub message: Value,
    pub ephemeral: bool,
}

impl Reply {
    /// All visible text of the message: content, embed titles, descriptions, fields, footers.
    pub fn text(&self) -> String {
        message_text(&self.message)
    }
    pub fn custom_ids(&self) -> Vec<String> {
        let mut out = Vec::new();
        for row in self.message["components"].as_array().into_iter().flatten() {
            for c in row["components"].as_array().into_iter().flatten() {
                if let Some(id) = c["custom_id"].as_str()
                    && !c["disabled"].as_bool().unwrap_or(false)
                {
                    out.push(id.to_string());
                }
            }
        }
        out
    }
    /// The enabled button whose label contains `label`.
    pub fn button(&self, label: &str) -> Option<String> {
        for row in self.message["components"].as_array().into_iter().flatten() {
            for c in row["components"].as_array().into_iter().flatten() {
                if c["label"].as_str().is_some_and(|l| l.contains(label))
                    && !c["disabled"].as_bool().unwrap_or(false)
                {
                    return c["custom_id"].as_str().map(str::to_string);
                }
            }
        }
        None
    }
}

/// All visible text of a stored message.
pub fn message_text(m: &Value) -> String {
    let mut out = String::new();
    let mut push = |v: &Value| {
        if let Some(s) = v.as_str() {
            out.push_str(s);
            out.push('\n');
        }
    };
    push(&m["content"]);
    push(&m["title"]);
    for e in m["embeds"].as_array().into_iter().flatten() {
        push(&e["author"]["name"]);
        push(&e["title"]);
        push(&e["description"]);
        for f in e["fields"].as_array().into_iter().flatten() {
            push(&f["name"]);
            push(&f["value"]);
        }
        push(&e["footer"]["text"]);
    }
    for c in m["choices"].as_array().into_iter().flatten() {
        push(&c["name"]);
    }
    out
}

struct Session {
    shard: (u32, u32),
    tx: mpsc::UnboundedSender<Value>,
}

#[derive(Default)]
struct Inner {
    log: Vec<Recorded>,
    violations: Vec<String>,
    commands: HashMap<Option<u64>, Vec<Value>>,
    command_puts: usize,
    sessions: HashMap<u64, Session>,
    interactions: HashMap<String, InteractionRecord>,
    channel_messages: Vec<Value>,
    attachments: HashMap<String, (String, Vec<u8>)>,
    identifies: Vec<Value>,
    reactions: Vec<(String, String, String)>,
    threads: Vec<(String, String, u64, String)>,
}

pub struct FakeDiscord {
    addr: SocketAddr,
    guilds: Vec<u64>,
    recommended_shards: u32,
    next_id: AtomicU64,
    next_session: AtomicU64,
    inner: Mutex<Inner>,
}

fn now_iso() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn bot_user() -> Value {
    json!({"id": BOT_USER_ID.to_string(), "username": "newsdesk", "discriminator": "0", "global_name": null,
           "avatar": null, "bot": true, "verified": true, "mfa_enabled": false, "flags": 0, "public_flags": 0})
}

fn user_json(id: u64) -> Value {
    json!({"id": id.to_string(), "username": format!("user{id}"), "discriminator": "0",
           "global_name": format!("User {}", id % 1000), "avatar": null, "public_flags": 0})
}

impl FakeDiscord {
    /// Starts the fake on a free 127.0.0.1 port, knowing `guilds`, recommending
    /// `recommended_shards` shards from `GET /gateway/bot`.
    pub async fn start(guilds: Vec<u64>, recommended_shards: u32) -> Arc<FakeDiscord> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local addr");
        let fake = Arc::new(FakeDiscord {
            addr,
            guilds,
            recommended_shards: recommended_shards.max(1),
            next_id: AtomicU64::new(1_200_000_000_000_000_000),
            next_session: AtomicU64::new(1),
            inner: Mutex::new(Inner::default()),
        });
        let app = Router::new()
            .route("/api/v10/gateway", get(gateway))
            .route("/api/v10/gateway/bot", get(gateway_bot))
            .route("/api/v10/oauth2/applications/@me", get(application_info))
            .route("/api/v10/users/@me", get(current_user))
            .route(
                "/api/v10/applications/{app}/commands",
                put(put_global_commands).get(get_global_commands),
            )
            .route(
                "/api/v10/applications/{app}/guilds/{guild}/commands",
                put(put_guild_commands).get(get_guild_commands),
            )
            .route(
                "/api/v10/interactions/{id}/{token}/callback",
                post(interaction_callback),
            )
            .route("/api/v10/webhooks/{app}/{token}", post(followup))
            .route(
                "/api/v10/webhooks/{app}/{token}/messages/{message}",
                patch(edit_webhook_message)
                    .get(get_webhook_message)
                    .delete(delete_webhook_message),
            )
            .route(
                "/api/v10/channels/{channel}/messages",
                post(channel_message),
            )
            .route(
                "/api/v10/channels/{channel}/messages/{message}/reactions/{emoji}/@me",
                put(add_reaction),
            )
            .route(
                "/api/v10/channels/{channel}/messages/{message}/threads",
                post(thread_from_message),
            )
            .route("/attachments/{id}/{name}", get(attachment))
            .route("/gateway", get(gateway_ws))
            .fallback(unknown_route)
            .with_state(fake.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        fake
    }

    /// The value for `DISCORD_API_BASE`.
    pub fn api_base(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn snowflake(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn record(&self, method: &str, path: &str, body: &Value, status: u16) {
        self.lock().log.push(Recorded {
            method: method.into(),
            path: path.into(),
            body: body.clone(),
            status,
        });
    }

    fn violation(&self, what: String) {
        eprintln!("fake discord: rejected: {what}");
        self.lock().violations.push(what);
    }

    /// Everything the fake refused (400/404 a real Discord would also return).
    pub fn violations(&self) -> Vec<String> {
        self.lock().violations.clone()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.lock().log.clone()
    }

    pub fn identifies(&self) -> Vec<Value> {
        self.lock().identifies.clone()
    }

    /// Shards currently connected and identified, as (id, total).
    pub fn connected_shards(&self) -> Vec<(u32, u32)> {
        let mut v: Vec<_> = self.lock().sessions.values().map(|s| s.shard).collect();
        v.sort();
        v
    }

    /// The registered commands (`None` = global) and how many bulk overwrites happened.
    pub fn commands(&self, guild: Option<u64>) -> Vec<Value> {
        self.lock()
            .commands
            .get(&guild)
            .cloned()
            .unwrap_or_default()
    }
    pub fn command_overwrites(&self) -> usize {
        self.lock().command_puts
    }

    /// Messages the bot posted with `POST /channels/{id}/messages`.
    pub fn channel_messages(&self, channel: u64) -> Vec<Value> {
        self.lock()
            .channel_messages
            .iter()
            .filter(|m| m["channel_id"] == json!(channel.to_string()))
            .cloned()
            .collect()
    }

    /// Reactions the bot added: (channel, message, emoji).
    pub fn reactions(&self) -> Vec<(String, String, String)> {
        self.lock().reactions.clone()
    }

    /// Threads the bot started on a message: (parent channel, message, thread id, name).
    pub fn threads(&self) -> Vec<(String, String, u64, String)> {
        self.lock().threads.clone()
    }

    /// A user posts a message in a guild channel (MESSAGE_CREATE to the bot's shard);
    /// returns the message id. `attachments` as from [`FakeDiscord::add_attachment`].
    pub fn post_user_message(
        &self,
        actor: &Actor,
        content: &str,
        attachments: Vec<Value>,
    ) -> Result<String, String> {
        let id = self.snowflake();
        let guild = actor
            .guild
            .ok_or("post_user_message is for guild channels")?;
        let attachments: Vec<Value> = attachments
            .into_iter()
            .map(|mut a| {
                if let Some(o) = a.as_object_mut() {
                    o.remove("ephemeral");
                }
                a
            })
            .collect();
        let message = json!({
            "id": id.to_string(), "channel_id": actor.channel.to_string(), "guild_id": guild.to_string(),
            "author": user_json(actor.user), "content": content, "timestamp": now_iso(), "edited_timestamp": null,
            "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": attachments,
            "embeds": [], "pinned": false, "type": 0, "components": [], "flags": 0,
            "member": {"roles": [], "joined_at": "2024-01-01T00:00:00.000Z", "deaf": false, "mute": false, "flags": 0, "pending": false},
        });
        if let Err(e) = serde_json::from_value::<serenity::all::Message>(message.clone()) {
            return Err(format!(
                "the fake built a message serenity cannot read: {e}"
            ));
        }
        let tx = self
            .shard_of(actor.guild)
            .ok_or_else(|| format!("no shard connected for {:?}", actor.guild))?;
        tx.send(json!({"op": 0, "t": "MESSAGE_CREATE", "d": message}))
            .map_err(|_| "shard closed".to_string())?;
        Ok(id.to_string())
    }

    /// Waits until `cond` holds, polling.
    pub async fn wait_until(
        &self,
        timeout: Duration,
        mut cond: impl FnMut(&FakeDiscord) -> bool,
    ) -> bool {
        let start = Instant::now();
        loop {
            if cond(self) {
                return true;
            }
            if start.elapsed() > timeout {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(15)).await;
        }
    }

    /// Makes `bytes` downloadable and returns the attachment object Discord would resolve.
    pub fn add_attachment(&self, filename: &str, content_type: &str, bytes: &[u8]) -> Value {
        let id = self.snowflake();
        let url = format!("{}/attachments/{id}/{filename}", self.api_base());
        self.lock()
            .attachments
            .insert(id.to_string(), (content_type.to_string(), bytes.to_vec()));
        json!({"id": id.to_string(), "filename": filename, "size": bytes.len(), "url": url, "proxy_url": url,
               "content_type": content_type, "ephemeral": true})
    }

    fn shard_of(&self, guild: Option<u64>) -> Option<mpsc::UnboundedSender<Value>> {
        let inner = self.lock();
        inner
            .sessions
            .values()
            .find(|s| match guild {
                Some(g) => (g >> 22) % u64::from(s.shard.1) == u64::from(s.shard.0),
                None => s.shard.0 == 0,
            })
            .map(|s| s.tx.clone())
    }

    fn interaction_base(&self, kind: u8, actor: &Actor, data: Value) -> (String, Value) {
        let id = self.snowflake();
        let token = format!("itoken-{id}");
        let mut v = json!({
            "id": id.to_string(),
            "application_id": APP_ID.to_string(),
            "type": kind,
            "data": data,
            "channel_id": actor.channel.to_string(),
            "channel": {"id": actor.channel.to_string(), "type": if actor.guild.is_some() { 0 } else { 1 }},
            "token": token,
            "version": 1,
            "app_permissions": (perms::MEMBER | perms::MANAGE_MESSAGES).to_string(),
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 26_214_400,
        });
        match actor.guild {
            Some(g) => {
                v["guild_id"] = json!(g.to_string());
                v["guild_locale"] = json!("en-US");
                v["member"] = json!({
                    "user": user_json(actor.user), "nick": null, "avatar": null, "roles": [],
                    "joined_at": "2024-01-01T00:00:00.000Z", "premium_since": null, "deaf": false, "mute": false,
                    "flags": 0, "pending": false, "permissions": actor.permissions.to_string(),
                    "communication_disabled_until": null,
                });
                v["authorizing_integration_owners"] = json!({"0": g.to_string()});
                v["context"] = json!(0);
            }
            None => {
                v["user"] = user_json(actor.user);
                v["authorizing_integration_owners"] = json!({"1": actor.user.to_string()});
                v["context"] = json!(1);
            }
        }
        (token, v)
    }

    fn dispatch(&self, actor: &Actor, token: &str, kind: u8, payload: Value) -> Result<(), String> {
        // serenity silently drops an interaction it cannot deserialize: catch that here.
        if let Err(e) = serde_json::from_value::<serenity::all::Interaction>(payload.clone()) {
            return Err(format!(
                "the fake built an interaction serenity cannot read: {e}"
            ));
        }
        let tx = self
            .shard_of(actor.guild)
            .ok_or_else(|| format!("no shard connected for {:?}", actor.guild))?;
        self.lock().interactions.insert(
            token.to_string(),
            InteractionRecord {
                kind,
                channel: actor.channel.to_string(),
                sent_at: Some(Instant::now()),
                ..Default::default()
            },
        );
        tx.send(json!({"op": 0, "t": "INTERACTION_CREATE", "d": payload}))
            .map_err(|_| "shard closed".to_string())
    }

    fn command_id(&self, guild: Option<u64>, name: &str) -> String {
        let inner = self.lock();
        for key in [guild, None] {
            if let Some(c) = inner
                .commands
                .get(&key)
                .and_then(|cs| cs.iter().find(|c| c["name"] == name))
            {
                return c["id"].as_str().unwrap_or("1").to_string();
            }
        }
        "1".into()
    }

    /// Sends a slash command. `options` as Discord sends them (subcommands as type 1
    /// options with nested options); `resolved` e.g. `{"attachments": {...}}`.
    pub fn slash(
        &self,
        actor: &Actor,
        name: &str,
        options: Value,
        resolved: Value,
    ) -> Result<String, String> {
        let mut data = json!({"id": self.command_id(actor.guild, name), "name": name, "type": 1, "options": options});
        if !resolved.is_null() {
            data["resolved"] = resolved;
        }
        if let Some(g) = actor.guild {
            data["guild_id"] = json!(g.to_string());
        }
        let (token, payload) = self.interaction_base(2, actor, data);
        self.dispatch(actor, &token, 2, payload)?;
        Ok(token)
    }

    /// Sends an autocomplete request; one option in `options` carries `"focused": true`.
    pub fn autocomplete(
        &self,
        actor: &Actor,
        name: &str,
        options: Value,
    ) -> Result<String, String> {
        let data = json!({"id": self.command_id(actor.guild, name), "name": name, "type": 1, "options": options});
        let (token, payload) = self.interaction_base(4, actor, data);
        self.dispatch(actor, &token, 4, payload)?;
        Ok(token)
    }

    /// Presses the button `custom_id` on `message` (a message as the fake stored it).
    pub fn press_button(
        &self,
        actor: &Actor,
        message: &Value,
        custom_id: &str,
    ) -> Result<String, String> {
        let data = json!({"custom_id": custom_id, "component_type": 2});
        let (token, mut payload) = self.interaction_base(3, actor, data);
        payload["message"] = message.clone();
        self.dispatch(actor, &token, 3, payload)?;
        Ok(token)
    }

    /// Submits the modal `custom_id` with text input values by their custom ids.
    pub fn submit_modal(
        &self,
        actor: &Actor,
        custom_id: &str,
        fields: &[(&str, &str)],
    ) -> Result<String, String> {
        let rows: Vec<Value> = fields
            .iter()
            .map(|(id, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]}))
            .collect();
        let data = json!({"custom_id": custom_id, "components": rows});
        let (token, payload) = self.interaction_base(5, actor, data);
        self.dispatch(actor, &token, 5, payload)?;
        Ok(token)
    }

    /// Waits for what the user sees: the callback within 3 s, and for a deferred
    /// response the follow-up (or edit) within `timeout`.
    pub async fn reply(&self, token: &str, timeout: Duration) -> Result<Reply, String> {
        let start = Instant::now();
        loop {
            {
                let inner = self.lock();
                let rec = inner
                    .interactions
                    .get(token)
                    .ok_or("unknown interaction token")?;
                if let (Some(cb), Some(at), Some(sent)) =
                    (&rec.callback, rec.callback_at, rec.sent_at)
                {
                    let ack_after = at.duration_since(sent);
                    let callback_type = cb["type"].as_u64().unwrap_or(0);
                    let data = cb.get("data").cloned().unwrap_or(Value::Null);
                    match callback_type {
                        5 | 6 => {
                            if let Some(last) = rec.followups.last() {
                                let ephemeral = last["flags"].as_u64().unwrap_or(0) & 64 != 0;
                                return Ok(Reply {
                                    callback_type,
                                    ack_after,
                                    message: last.clone(),
                                    ephemeral,
                                });
                            }
                        }
                        _ => {
                            let message = rec.original.clone().unwrap_or(data.clone());
                            let ephemeral = data["flags"].as_u64().unwrap_or(0) & 64 != 0;
                            return Ok(Reply {
                                callback_type,
                                ack_after,
                                message,
                                ephemeral,
                            });
                        }
                    }
                } else if rec.callback.is_none()
                    && start.elapsed() > CALLBACK_DEADLINE + Duration::from_millis(200)
                {
                    return Err(format!("no interaction callback within 3 s for {token}"));
                }
            }
            if start.elapsed() > timeout {
                return Err(format!("no follow-up within {timeout:?} for {token}"));
            }
            tokio::time::sleep(Duration::from_millis(15)).await;
        }
    }

    /// All follow-ups and edits the bot made after acknowledging `token`.
    pub fn followups(&self, token: &str) -> Vec<Value> {
        self.lock()
            .interactions
            .get(token)
            .map(|r| r.followups.clone())
            .unwrap_or_default()
    }

    /// Convenience: a slash command and its reply.
    pub async fn run_slash(
        &self,
        actor: &Actor,
        name: &str,
        options: Value,
        resolved: Value,
    ) -> Reply {
        let token = self
            .slash(actor, name, options, resolved)
            .expect("send interaction");
        match self.reply(&token, Duration::from_secs(30)).await {
            Ok(r) => r,
            Err(e) => panic!("/{name}: {e}"),
        }
    }

    fn channel_of(&self, token: &str) -> String {
        self.lock()
            .interactions
            .get(token)
            .map(|r| r.channel.clone())
            .unwrap_or_else(|| "1".into())
    }

    fn stored_message(&self, channel: &str, body: &Value, interaction: bool) -> Value {
        let id = self.snowflake();
        let mut m = json!({
            "id": id.to_string(), "channel_id": channel, "author": bot_user(),
            "content": body["content"].as_str().unwrap_or(""), "timestamp": now_iso(), "edited_timestamp": null,
            "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": body.get("embeds").cloned().unwrap_or(json!([])), "pinned": false,
            "type": if interaction { 20 } else { 0 },
            "components": body.get("components").cloned().unwrap_or(json!([])),
            "flags": body["flags"].as_u64().unwrap_or(0),
        });
        if interaction {
            m["application_id"] = json!(APP_ID.to_string());
            m["webhook_id"] = json!(APP_ID.to_string());
        }
        m
    }
}

// ---------------------------------------------------------------- validation

fn chars(v: &Value) -> usize {
    v.as_str().map(|s| s.chars().count()).unwrap_or(0)
}

/// Checks a message payload against Discord's documented limits.
pub fn validate_message(body: &Value, require_content: bool) -> Result<(), String> {
    if chars(&body["content"]) > 2000 {
        return Err(format!(
            "content is {} characters (max 2000)",
            chars(&body["content"])
        ));
    }
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    if embeds.len() > 10 {
        return Err(format!("{} embeds (max 10)", embeds.len()));
    }
    let mut total = 0;
    for (i, e) in embeds.iter().enumerate() {
        let check = |what: &str, v: &Value, max: usize| -> Result<usize, String> {
            let n = chars(v);
            if n > max {
                Err(format!("embed {i} {what} is {n} characters (max {max})"))
            } else {
                Ok(n)
            }
        };
        total += check("title", &e["title"], 256)?;
        total += check("description", &e["description"], 4096)?;
        total += check("footer", &e["footer"]["text"], 2048)?;
        total += check("author", &e["author"]["name"], 256)?;
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        if fields.len() > 25 {
            return Err(format!("embed {i} has {} fields (max 25)", fields.len()));
        }
        for f in &fields {
            let name = check("field name", &f["name"], 256)?;
            let value = check("field value", &f["value"], 1024)?;
            if name == 0 || value == 0 {
                return Err(format!("embed {i} has an empty field name or value"));
            }
            total += name + value;
        }
        if e.as_object().is_some_and(|o| {
            o.keys()
                .all(|k| k == "type" || k == "color" || k == "timestamp")
        }) {
            return Err(format!("embed {i} is empty"));
        }
    }
    if total > 6000 {
        return Err(format!("embeds total {total} characters (max 6000)"));
    }
    let rows = body["components"].as_array().cloned().unwrap_or_default();
    if rows.len() > 5 {
        return Err(format!("{} action rows (max 5)", rows.len()));
    }
    let mut ids = std::collections::HashSet::new();
    for row in &rows {
        let comps = row["components"].as_array().cloned().unwrap_or_default();
        if comps.is_empty() || comps.len() > 5 {
            return Err(format!(
                "an action row with {} components (1 to 5)",
                comps.len()
            ));
        }
        for c in &comps {
            if chars(&c["label"]) > 80 {
                return Err("button label over 80 characters".into());
            }
            let style = c["style"].as_u64().unwrap_or(0);
            if style != 5 {
                let id = c["custom_id"].as_str().unwrap_or("");
                if id.is_empty() || id.chars().count() > 100 {
                    return Err(format!("custom_id {id:?} must be 1 to 100 characters"));
                }
                if !ids.insert(id.to_string()) {
                    return Err(format!("duplicate custom_id {id:?}"));
                }
            }
        }
    }
    if require_content && chars(&body["content"]) == 0 && embeds.is_empty() && rows.is_empty() {
        return Err("Cannot send an empty message".into());
    }
    Ok(())
}

fn validate_modal(data: &Value) -> Result<(), String> {
    let title = chars(&data["title"]);
    if title == 0 || title > 45 {
        return Err(format!("modal title is {title} characters (1 to 45)"));
    }
    let id = chars(&data["custom_id"]);
    if id == 0 || id > 100 {
        return Err("modal custom_id must be 1 to 100 characters".into());
    }
    let rows = data["components"].as_array().cloned().unwrap_or_default();
    if rows.is_empty() || rows.len() > 5 {
        return Err(format!("modal has {} rows (1 to 5)", rows.len()));
    }
    for row in &rows {
        for c in row["components"].as_array().into_iter().flatten() {
            if c["type"] != 4 {
                return Err("modal components must be text inputs".into());
            }
            let label = chars(&c["label"]);
            if label == 0 || label > 45 {
                return Err(format!("text input label is {label} characters (1 to 45)"));
            }
            if c["max_length"].as_u64().is_some_and(|m| m > 4000)
                || c["min_length"].as_u64().is_some_and(|m| m > 4000)
            {
                return Err("text input length bounds over 4000".into());
            }
            if chars(&c["value"]) > 4000 || chars(&c["placeholder"]) > 100 {
                return Err("text input value over 4000 or placeholder over 100 characters".into());
            }
        }
    }
    Ok(())
}

fn validate_choices(data: &Value) -> Result<(), String> {
    let choices = data["choices"].as_array().cloned().unwrap_or_default();
    if choices.len() > 25 {
        return Err(format!("{} autocomplete choices (max 25)", choices.len()));
    }
    for c in &choices {
        let n = chars(&c["name"]);
        if n == 0 || n > 100 {
            return Err(format!("choice name is {n} characters (1 to 100)"));
        }
        if c["value"].is_string() && chars(&c["value"]) > 100 {
            return Err("choice value over 100 characters".into());
        }
    }
    Ok(())
}

fn valid_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=32).contains(&n)
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || (c.is_alphanumeric() && !c.is_uppercase()))
}

fn validate_options(options: &[Value], depth: usize) -> Result<(), String> {
    if options.len() > 25 {
        return Err(format!("{} options (max 25)", options.len()));
    }
    let mut seen_optional = false;
    let mut names = std::collections::HashSet::new();
    for o in options {
        let name = o["name"].as_str().unwrap_or("");
        if !valid_name(name) || !names.insert(name.to_string()) {
            return Err(format!("invalid or duplicate option name {name:?}"));
        }
        let d = chars(&o["description"]);
        if d == 0 || d > 100 {
            return Err(format!(
                "option {name} description is {d} characters (1 to 100)"
            ));
        }
        let kind = o["type"].as_u64().unwrap_or(0);
        if kind == 1 || kind == 2 {
            if depth >= 2 {
                return Err("subcommands nested too deep".into());
            }
            validate_options(
                o["options"].as_array().map(Vec::as_slice).unwrap_or(&[]),
                depth + 1,
            )?;
            continue;
        }
        let required = o["required"].as_bool().unwrap_or(false);
        if required && seen_optional {
            return Err(format!("required option {name} after an optional one"));
        }
        seen_optional |= !required;
        let choices = o["choices"].as_array().cloned().unwrap_or_default();
        if choices.len() > 25 {
            return Err(format!(
                "option {name} has {} choices (max 25)",
                choices.len()
            ));
        }
        if !choices.is_empty() && o["autocomplete"].as_bool().unwrap_or(false) {
            return Err(format!("option {name} has both choices and autocomplete"));
        }
    }
    Ok(())
}

fn validate_commands(cmds: &[Value]) -> Result<(), String> {
    if cmds.len() > 100 {
        return Err("more than 100 commands".into());
    }
    let mut names = std::collections::HashSet::new();
    for c in cmds {
        let name = c["name"].as_str().unwrap_or("");
        if !valid_name(name) || !names.insert(name.to_string()) {
            return Err(format!("invalid or duplicate command name {name:?}"));
        }
        let d = chars(&c["description"]);
        if c["type"].as_u64().unwrap_or(1) == 1 && (d == 0 || d > 100) {
            return Err(format!(
                "command {name} description is {d} characters (1 to 100)"
            ));
        }
        validate_options(c["options"].as_array().map(Vec::as_slice).unwrap_or(&[]), 0)?;
    }
    Ok(())
}

fn bad_request(message: String) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"code": 50035, "message": format!("Invalid Form Body: {message}")})),
    )
        .into_response()
}

fn unknown(code: u32, message: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"code": code, "message": message})),
    )
        .into_response()
}

fn check_auth(fake: &FakeDiscord, headers: &HeaderMap) -> Option<Response> {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if auth != format!("Bot {TOKEN}") {
        fake.violation(format!("bad Authorization header {auth:?}"));
        return Some(
            (
                StatusCode::UNAUTHORIZED,
                Json(json!({"code": 0, "message": "401: Unauthorized"})),
            )
                .into_response(),
        );
    }
    None
}

// ---------------------------------------------------------------- REST handlers

type Fake = State<Arc<FakeDiscord>>;

async fn gateway(State(fake): Fake) -> Json<Value> {
    fake.record("GET", "/gateway", &Value::Null, 200);
    Json(json!({"url": format!("ws://{}/gateway", fake.addr)}))
}

async fn gateway_bot(State(fake): Fake, headers: HeaderMap) -> Response {
    if let Some(r) = check_auth(&fake, &headers) {
        return r;
    }
    fake.record("GET", "/gateway/bot", &Value::Null, 200);
    Json(json!({"url": format!("ws://{}/gateway", fake.addr), "shards": fake.recommended_shards,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}}))
    .into_response()
}

async fn application_info(State(fake): Fake, headers: HeaderMap) -> Response {
    if let Some(r) = check_auth(&fake, &headers) {
        return r;
    }
    fake.record("GET", "/oauth2/applications/@me", &Value::Null, 200);
    Json(json!({"id": APP_ID.to_string(), "name": "newsdesk", "icon": null, "description": "", "bot_public": true,
                "bot_require_code_grant": false, "owner": user_json(OWNER_ID), "verify_key": "00", "team": null,
                "flags": 0}))
    .into_response()
}

async fn current_user(State(fake): Fake) -> Json<Value> {
    fake.record("GET", "/users/@me", &Value::Null, 200);
    Json(bot_user())
}

fn store_commands(fake: &FakeDiscord, guild: Option<u64>, path: &str, body: Value) -> Response {
    let cmds = body.as_array().cloned().unwrap_or_default();
    if let Err(e) = validate_commands(&cmds) {
        fake.record("PUT", path, &body, 400);
        fake.violation(format!("command registration: {e}"));
        return bad_request(e);
    }
    let stored: Vec<Value> = cmds
        .into_iter()
        .map(|mut c| {
            c["id"] = json!(fake.snowflake().to_string());
            c["application_id"] = json!(APP_ID.to_string());
            c["version"] = json!(fake.snowflake().to_string());
            if c.get("type").is_none() {
                c["type"] = json!(1);
            }
            if let Some(g) = guild {
                c["guild_id"] = json!(g.to_string());
            }
            c
        })
        .collect();
    fake.record("PUT", path, &body, 200);
    let mut inner = fake.lock();
    inner.commands.insert(guild, stored.clone());
    inner.command_puts += 1;
    Json(Value::Array(stored)).into_response()
}

async fn put_global_commands(
    State(fake): Fake,
    Path(app): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = check_auth(&fake, &headers) {
        return r;
    }
    if app != APP_ID.to_string() {
        fake.violation(format!("commands PUT for unknown application {app}"));
        return unknown(10002, "Unknown Application");
    }
    store_commands(&fake, None, "/applications/{app}/commands", body)
}

async fn get_global_commands(State(fake): Fake) -> Json<Value> {
    Json(Value::Array(fake.commands(None)))
}

async fn put_guild_commands(
    State(fake): Fake,
    Path((app, guild)): Path<(String, u64)>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = check_auth(&fake, &headers) {
        return r;
    }
    if app != APP_ID.to_string() || !fake.guilds.contains(&guild) {
        fake.violation(format!(
            "commands PUT for unknown application {app} or guild {guild}"
        ));
        return unknown(10004, "Unknown Guild");
    }
    store_commands(
        &fake,
        Some(guild),
        "/applications/{app}/guilds/{guild}/commands",
        body,
    )
}

async fn get_guild_commands(
    State(fake): Fake,
    Path((_app, guild)): Path<(String, u64)>,
) -> Json<Value> {
    Json(Value::Array(fake.commands(Some(guild))))
}

async fn interaction_callback(
    State(fake): Fake,
    Path((_id, token)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let body: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            fake.violation(format!(
                "callback body is not JSON ({e}); multipart uploads are not supported by the fake"
            ));
            return bad_request("not JSON".into());
        }
    };
    let path = format!("/interactions/{{id}}/{token}/callback");
    let kind = body["type"].as_u64().unwrap_or(0);
    let data = body.get("data").cloned().unwrap_or(Value::Null);
    let check = match kind {
        4 | 7 => validate_message(&data, true),
        5 | 6 => Ok(()),
        8 => validate_choices(&data),
        9 => validate_modal(&data),
        other => Err(format!("unsupported callback type {other}")),
    };
    let mut inner = fake.lock();
    let Some(rec) = inner.interactions.get_mut(&token) else {
        drop(inner);
        fake.violation(format!("callback for unknown interaction {token}"));
        return unknown(10062, "Unknown interaction");
    };
    let late = rec
        .sent_at
        .map(|t| t.elapsed() > CALLBACK_DEADLINE)
        .unwrap_or(false);
    let already = rec.callback.is_some();
    let kind_ok = match rec.kind {
        4 => kind == 8,
        2 => matches!(kind, 4 | 5 | 9),
        3 => matches!(kind, 4 | 5 | 6 | 7 | 9),
        5 => matches!(kind, 4..=7),
        _ => false,
    };
    let problem = if late {
        Some((
            StatusCode::NOT_FOUND,
            10062,
            "Unknown interaction (callback later than 3 s)".to_string(),
        ))
    } else if already {
        Some((
            StatusCode::BAD_REQUEST,
            40060,
            "Interaction has already been acknowledged.".to_string(),
        ))
    } else if !kind_ok {
        Some((
            StatusCode::BAD_REQUEST,
            50035,
            format!(
                "callback type {kind} not valid for interaction type {}",
                rec.kind
            ),
        ))
    } else if let Err(e) = check {
        Some((StatusCode::BAD_REQUEST, 50035, e))
    } else {
        None
    };
    if let Some((status, code, message)) = problem {
        drop(inner);
        fake.record("POST", &path, &body, status.as_u16());
        fake.violation(format!("interaction callback: {message}"));
        return (status, Json(json!({"code": code, "message": message}))).into_response();
    }
    rec.callback = Some(body.clone());
    rec.callback_at = Some(Instant::now());
    drop(inner);
    if matches!(kind, 4 | 7) {
        let channel = fake.channel_of(&token);
        let stored = fake.stored_message(&channel, &data, true);
        if let Some(rec) = fake.lock().interactions.get_mut(&token) {
            rec.original = Some(stored);
        }
    }
    fake.record("POST", &path, &body, 204);
    StatusCode::NO_CONTENT.into_response()
}

async fn followup(
    State(fake): Fake,
    Path((_app, token)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        fake.violation("follow-up body is not JSON".into());
        return bad_request("not JSON".into());
    };
    let path = "/webhooks/{app}/{token}";
    let acknowledged = fake
        .lock()
        .interactions
        .get(&token)
        .is_some_and(|r| r.callback.is_some());
    if !acknowledged {
        fake.record("POST", path, &body, 404);
        fake.violation(format!(
            "follow-up before the interaction was acknowledged ({token})"
        ));
        return unknown(10015, "Unknown Webhook");
    }
    if let Err(e) = validate_message(&body, true) {
        fake.record("POST", path, &body, 400);
        fake.violation(format!("follow-up: {e}"));
        return bad_request(e);
    }
    let stored = fake.stored_message(&fake.channel_of(&token), &body, true);
    if let Some(rec) = fake.lock().interactions.get_mut(&token) {
        rec.followups.push(stored.clone());
    }
    fake.record("POST", path, &body, 200);
    Json(stored).into_response()
}

async fn edit_webhook_message(
    State(fake): Fake,
    Path((_app, token, message)): Path<(String, String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        fake.violation("edit body is not JSON".into());
        return bad_request("not JSON".into());
    };
    let path = "/webhooks/{app}/{token}/messages/{message}";
    if let Err(e) = validate_message(&body, false) {
        fake.record("PATCH", path, &body, 400);
        fake.violation(format!("message edit: {e}"));
        return bad_request(e);
    }
    let mut inner = fake.lock();
    let Some(rec) = inner
        .interactions
        .get_mut(&token)
        .filter(|r| r.callback.is_some())
    else {
        drop(inner);
        fake.violation(format!(
            "edit of a message of an unacknowledged interaction ({token})"
        ));
        return unknown(10008, "Unknown Message");
    };
    let deferred = rec
        .callback
        .as_ref()
        .is_some_and(|c| matches!(c["type"].as_u64(), Some(5 | 6)));
    let base = if message == "@original" {
        rec.original.clone()
    } else {
        rec.followups
            .iter()
            .find(|m| m["id"] == json!(message))
            .cloned()
    };
    let mut stored = match base {
        Some(m) => m,
        None if message == "@original" && deferred => Value::Null,
        None => {
            drop(inner);
            fake.violation(format!("edit of unknown message {message}"));
            return unknown(10008, "Unknown Message");
        }
    };
    if stored.is_null() {
        drop(inner);
        stored = fake.stored_message(&fake.channel_of(&token), &json!({}), true);
        inner = fake.lock();
    }
    for key in ["content", "embeds", "components"] {
        if let Some(v) = body.get(key) {
            stored[key] = v.clone();
        }
    }
    stored["edited_timestamp"] = json!(now_iso());
    if let Some(rec) = inner.interactions.get_mut(&token) {
        if message == "@original" {
            if rec.original.is_none() {
                // The first edit of a deferred response is what the user sees.
                rec.followups.push(stored.clone());
            } else if let Some(f) = rec.followups.iter_mut().find(|f| f["id"] == stored["id"]) {
                *f = stored.clone();
            } else if deferred {
                rec.followups.push(stored.clone());
            }
            rec.original = Some(stored.clone());
        } else if let Some(f) = rec.followups.iter_mut().find(|f| f["id"] == json!(message)) {
            *f = stored.clone();
        }
    }
    drop(inner);
    fake.record("PATCH", path, &body, 200);
    Json(stored).into_response()
}

async fn get_webhook_message(
    State(fake): Fake,
    Path((_app, token, _message)): Path<(String, String, String)>,
) -> Response {
    let inner = fake.lock();
    match inner
        .interactions
        .get(&token)
        .and_then(|r| r.original.clone().or_else(|| r.followups.first().cloned()))
    {
        Some(m) => Json(m).into_response(),
        None => unknown(10008, "Unknown Message"),
    }
}

async fn delete_webhook_message(
    State(fake): Fake,
    Path((_app, token, message)): Path<(String, String, String)>,
) -> Response {
    let mut inner = fake.lock();
    let Some(rec) = inner
        .interactions
        .get_mut(&token)
        .filter(|r| r.callback.is_some())
    else {
        drop(inner);
        fake.violation(format!(
            "delete of a message of an unacknowledged interaction ({token})"
        ));
        return unknown(10008, "Unknown Message");
    };
    if message == "@original" {
        rec.original_deleted = true;
    } else {
        rec.followups.retain(|m| m["id"] != json!(message));
    }
    drop(inner);
    fake.record(
        "DELETE",
        "/webhooks/{app}/{token}/messages/{message}",
        &Value::Null,
        204,
    );
    StatusCode::NO_CONTENT.into_response()
}

async fn channel_message(
    State(fake): Fake,
    Path(channel): Path<u64>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Some(r) = check_auth(&fake, &headers) {
        return r;
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        fake.violation("channel message body is not JSON".into());
        return bad_request("not JSON".into());
    };
    if let Err(e) = validate_message(&body, true) {
        fake.record("POST", "/channels/{channel}/messages", &body, 400);
        fake.violation(format!("channel message: {e}"));
        return bad_request(e);
    }
    let stored = fake.stored_message(&channel.to_string(), &body, false);
    fake.lock().channel_messages.push(stored.clone());
    fake.record("POST", "/channels/{channel}/messages", &body, 200);
    Json(stored).into_response()
}

async fn add_reaction(
    State(fake): Fake,
    Path((channel, message, emoji)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Some(r) = check_auth(&fake, &headers) {
        return r;
    }
    let emoji = percent_decode(&emoji);
    fake.record(
        "PUT",
        "/channels/{channel}/messages/{message}/reactions/{emoji}/@me",
        &json!(emoji),
        204,
    );
    fake.lock().reactions.push((channel, message, emoji));
    StatusCode::NO_CONTENT.into_response()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(
                std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                16,
            )
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn thread_from_message(
    State(fake): Fake,
    Path((channel, message)): Path<(String, String)>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Some(r) = check_auth(&fake, &headers) {
        return r;
    }
    let body = serde_json::from_slice::<Value>(&body).unwrap_or(Value::Null);
    let name = body["name"].as_str().unwrap_or("").to_string();
    if name.is_empty() || name.chars().count() > 100 {
        fake.violation(format!("thread name must be 1 to 100 characters: {name:?}"));
        return bad_request("bad thread name".into());
    }
    let id = fake.snowflake();
    let guild = fake
        .guilds
        .iter()
        .copied()
        .find(|g| channel.parse::<u64>().is_ok_and(|c| c > *g && c - g < 1000))
        .unwrap_or(0);
    fake.record(
        "POST",
        "/channels/{channel}/messages/{message}/threads",
        &body,
        201,
    );
    fake.lock()
        .threads
        .push((channel.clone(), message, id, name.clone()));
    let thread = json!({
        "id": id.to_string(), "type": 11, "guild_id": guild.to_string(), "name": name, "parent_id": channel,
        "owner_id": BOT_USER_ID.to_string(), "last_message_id": null, "rate_limit_per_user": 0, "message_count": 0,
        "member_count": 1, "total_message_sent": 0, "flags": 0, "nsfw": false, "position": 0, "permission_overwrites": [],
        "thread_metadata": {"archived": false, "auto_archive_duration": 1440, "archive_timestamp": now_iso(), "locked": false},
    });
    (StatusCode::CREATED, Json(thread)).into_response()
}

async fn attachment(State(fake): Fake, Path((id, _name)): Path<(String, String)>) -> Response {
    let found = fake.lock().attachments.get(&id).cloned();
    fake.record(
        "GET",
        "/attachments/{id}/{name}",
        &Value::Null,
        if found.is_some() { 200 } else { 404 },
    );
    match found {
        Some((ct, bytes)) => ([("content-type", ct)], bytes).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn unknown_route(State(fake): Fake, method: Method, uri: Uri) -> Response {
    fake.violation(format!("unhandled route {method} {uri}"));
    fake.record(method.as_str(), uri.path(), &Value::Null, 404);
    unknown(0, "404: Not Found")
}

// ---------------------------------------------------------------- gateway

async fn gateway_ws(State(fake): Fake, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| gateway_session(fake, socket))
}

async fn gateway_session(fake: Arc<FakeDiscord>, mut socket: WebSocket) {
    let session = fake.next_session.fetch_add(1, Ordering::Relaxed);
    let (tx, mut rx) = mpsc::unbounded_channel::<Value>();
    let mut seq: u64 = 0;
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 2000}, "s": null, "t": null});
    if socket
        .send(WsMessage::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(msg)) = incoming else { break };
                let text = match msg {
                    WsMessage::Text(t) => t.to_string(),
                    WsMessage::Close(_) => break,
                    _ => continue,
                };
                let Ok(v) = serde_json::from_str::<Value>(&text) else {
                    fake.violation(format!("gateway: not JSON: {text}"));
                    break;
                };
                match v["op"].as_u64() {
                    Some(1) => {
                        let ack = json!({"op": 11, "d": null, "s": null, "t": null});
                        if socket.send(WsMessage::Text(ack.to_string().into())).await.is_err() { break; }
                    }
                    Some(2) => {
                        let d = &v["d"];
                        let token = d["token"].as_str().unwrap_or("");
                        if token.trim_start_matches("Bot ") != TOKEN {
                            fake.violation("gateway: IDENTIFY with a wrong token".into());
                            let _ = socket.send(WsMessage::Close(Some(axum::extract::ws::CloseFrame { code: 4004, reason: "Authentication failed.".into() }))).await;
                            break;
                        }
                        let shard = d["shard"].as_array().map(|s| (s[0].as_u64().unwrap_or(0) as u32, s[1].as_u64().unwrap_or(1) as u32)).unwrap_or((0, 1));
                        fake.lock().identifies.push(v.clone());
                        let mine: Vec<u64> = fake.guilds.iter().copied().filter(|g| (g >> 22) % u64::from(shard.1) == u64::from(shard.0)).collect();
                        seq += 1;
                        let ready = json!({"op": 0, "s": seq, "t": "READY", "d": {
                            "v": 10, "user": bot_user(),
                            "guilds": mine.iter().map(|g| json!({"id": g.to_string(), "unavailable": true})).collect::<Vec<_>>(),
                            "session_id": format!("session-{session}"),
                            "resume_gateway_url": format!("ws://{}/gateway", fake.addr),
                            "shard": [shard.0, shard.1],
                            "application": {"id": APP_ID.to_string(), "flags": 0},
                        }});
                        if socket.send(WsMessage::Text(ready.to_string().into())).await.is_err() { break; }
                        for g in mine {
                            seq += 1;
                            let create = json!({"op": 0, "s": seq, "t": "GUILD_CREATE", "d": guild_json(g)});
                            if socket.send(WsMessage::Text(create.to_string().into())).await.is_err() { break; }
                        }
                        fake.lock().sessions.insert(session, Session { shard, tx: tx.clone() });
                    }
                    Some(3) | Some(8) => {}
                    Some(6) => {
                        // No resuming: tell the client to identify afresh.
                        let invalid = json!({"op": 9, "d": false, "s": null, "t": null});
                        if socket.send(WsMessage::Text(invalid.to_string().into())).await.is_err() { break; }
                    }
                    other => fake.violation(format!("gateway: unexpected opcode {other:?}")),
                }
            }
            outgoing = rx.recv() => {
                let Some(mut event) = outgoing else { break };
                seq += 1;
                event["s"] = json!(seq);
                if socket.send(WsMessage::Text(event.to_string().into())).await.is_err() { break; }
            }
        }
    }
    fake.lock().sessions.remove(&session);
}

/// A GUILD_CREATE payload with every field serenity requires.
pub fn guild_json(id: u64) -> Value {
    let base = json!({
        "id": id.to_string(), "name": format!("Guild {}", id % 10_000), "icon": null, "icon_hash": null,
        "splash": null, "discovery_splash": null, "owner_id": OWNER_ID.to_string(), "afk_channel_id": null,
        "afk_timeout": 300, "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "roles": [{"id": id.to_string(), "name": "@everyone", "color": 0,
        "hoist": false, "icon": null, "unicode_emoji": null, "position": 0, "permissions": perms::MEMBER.to_string(),
        "managed": false, "mentionable": false, "flags": 0}], "emojis": [], "features": [], "mfa_level": 0,
        "application_id": null, "system_channel_id": null, "system_channel_flags": 0, "rules_channel_id": null,
        "vanity_url_code": null, "description": null, "banner": null, "premium_tier": 0,
        "preferred_locale": "en-US", "public_updates_channel_id": null, "nsfw_level": 0, "stickers": [],
    });
    let extra = json!({
        "premium_progress_bar_enabled": false, "joined_at": "2024-01-01T00:00:00.000Z", "large": false,
        "unavailable": false, "member_count": 2, "voice_states": [], "members": [],
        "channels": [{"id": (id + 1).to_string(), "type": 0, "guild_id": id.to_string(), "name": "news",
                      "position": 0, "permission_overwrites": [], "nsfw": false, "topic": null,
                      "last_message_id": null, "rate_limit_per_user": 0, "parent_id": null}],
        "threads": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
        "safety_alerts_channel_id": null,
    });
    let mut guild = base;
    if let (Some(g), Some(e)) = (guild.as_object_mut(), extra.as_object()) {
        g.extend(e.clone());
    }
    guild
}
