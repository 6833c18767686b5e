//! `/article add|list|show|remove`, and the modal `/article add` opens when given no
//! content.
//!
//! Uploads: .txt, .md and .html/.htm attachments are downloaded (capped, streamed) and
//! handed to the library; anything else is refused before any download. A URL, a large
//! file or a slow ingest is deferred first so Discord never shows "did not respond".

use super::autocomplete;
use super::reply::Responder;
use super::{Context, Data, Error, caller, can_manage, reply, scope_of};
use crate::commands::{Caller, Command, Content};
use crate::render::discord::truncate;
use futures::StreamExt;
use poise::serenity_prelude as serenity;

/// Custom id of the paste-an-article modal and its inputs.
pub const MODAL_ID: &str = "nd-add";
pub const MODAL_TITLE_INPUT: &str = "title";
pub const MODAL_BODY_INPUT: &str = "body";
/// Discord's limit for a modal text input.
const MODAL_BODY_MAX: u16 = 4000;
/// Files above this are deferred before downloading.
const DEFER_FILE_BYTES: u64 = 256 * 1024;
/// Extensions accepted for uploads.
pub(crate) const ACCEPTED: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Add, list, show or remove this server's articles.
#[poise::command(
    slash_command,
    subcommands("add", "list", "show", "remove"),
    subcommand_required
)]
pub async fn article(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// The largest attachment downloaded: HTML carries markup around the text, so a few
/// times the text limit.
pub(crate) fn download_cap(data: &Data) -> u64 {
    (data.config.limits.max_upload_bytes as u64)
        .saturating_mul(4)
        .max(1 << 20)
}

fn extension(name: &str) -> Option<String> {
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// Downloads an attachment, refusing more than `cap` bytes while streaming.
pub(crate) async fn download(
    web: &reqwest::Client,
    url: &str,
    cap: u64,
) -> Result<Vec<u8>, String> {
    let response = web.get(url).send().await.map_err(|e| {
        format!("I couldn't download the attachment ({e}). Try uploading it again.")
    })?;
    if !response.status().is_success() {
        return Err(format!(
            "Discord did not hand over the attachment (HTTP {}). Try uploading it again.",
            response.status().as_u16()
        ));
    }
    let mut bytes = Vec::new();
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk =
            chunk.map_err(|e| format!("The download broke off ({e}). Try uploading it again."))?;
        if bytes.len() as u64 + chunk.len() as u64 > cap {
            return Err(too_big(cap));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

fn too_big(cap: u64) -> String {
    format!(
        "That file is larger than the {} KB this bot accepts for uploads (an admin can raise NEWSDESK_MAX_UPLOAD_BYTES). \
         Upload a shorter article or paste its main text.",
        cap / 1000
    )
}

/// Add an article: a file, pasted text, a URL or the samples — or nothing, to paste in a form.
#[poise::command(slash_command)]
pub async fn add(
    ctx: Context<'_>,
    #[description = "An article file: .txt, .md or .html"] file: Option<serenity::Attachment>,
    #[description = "The article text, pasted"] text: Option<String>,
    #[description = "A link to the article (http or https)"]
    #[max_length = 2000]
    url: Option<String>,
    #[description = "Title to use instead of the one found in the article"]
    #[max_length = 200]
    title: Option<String>,
    #[description = "Add the built-in sample articles to try the other commands on"] sample: Option<
        bool,
    >,
) -> Result<(), Error> {
    let Some(mut responder) = Responder::for_command(ctx) else {
        return Ok(());
    };
    let data = ctx.data();
    let title = title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let text = text.filter(|t| !t.trim().is_empty());
    let url = url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
    let sample = sample == Some(true);
    let given = usize::from(file.is_some())
        + usize::from(text.is_some())
        + usize::from(url.is_some())
        + usize::from(sample);
    if given > 1 {
        return responder
            .error("Give only one of `file`, `text`, `url` or `sample` — which one should I read? Run /article add again with just that one.")
            .await;
    }
    let content = if sample {
        Content::Sample
    } else if let Some(file) = file {
        let ext = extension(&file.filename);
        if !ext.as_deref().is_some_and(|e| ACCEPTED.contains(&e)) {
            return responder
                .error(&format!(
                    "I can't read `{}`: upload a .txt, .md or .html file, or paste the text with `text:`.",
                    truncate(&file.filename, 100)
                ))
                .await;
        }
        let cap = download_cap(data);
        if u64::from(file.size) > cap {
            return responder.error(&too_big(cap)).await;
        }
        if u64::from(file.size) > DEFER_FILE_BYTES {
            responder.defer(false).await?;
        }
        let (web, url) = (data.web.clone(), file.url.clone());
        let mut task = tokio::spawn(async move { download(&web, &url, cap).await });
        let joined = if responder.is_acknowledged() {
            (&mut task).await
        } else {
            match tokio::time::timeout(reply::DEFER_AFTER, &mut task).await {
                Ok(done) => done,
                Err(_) => {
                    responder.defer(false).await?;
                    (&mut task).await
                }
            }
        };
        let bytes = joined.map_err(|e| Error::Task(e.to_string()))?;
        match bytes {
            Ok(bytes) => Content::File {
                name: file.filename.clone(),
                bytes,
            },
            Err(message) => return responder.error(&message).await,
        }
    } else if let Some(text) = text {
        Content::Text(text)
    } else if let Some(url) = url {
        responder.defer(false).await?;
        Content::Url(url)
    } else {
        return responder.modal(add_modal(title.as_deref())).await;
    };
    responder
        .answer(data, caller(ctx), Command::ArticleAdd { content, title }, 0)
        .await
}

/// The form for pasting an article.
pub fn add_modal(title: Option<&str>) -> serenity::CreateModal {
    let mut title_input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Short,
        "Title (optional)",
        MODAL_TITLE_INPUT,
    )
    .required(false)
    .max_length(200)
    .placeholder("Found in the article when left empty");
    if let Some(t) = title {
        title_input = title_input.value(truncate(t, 200));
    }
    let body = serenity::CreateInputText::new(
        serenity::InputTextStyle::Paragraph,
        "Article text",
        MODAL_BODY_INPUT,
    )
    .required(true)
    .min_length(1)
    .max_length(MODAL_BODY_MAX)
    .placeholder("Paste the article here (up to 4,000 characters; attach a file for longer ones)");
    serenity::CreateModal::new(MODAL_ID, "Add an article").components(vec![
        serenity::CreateActionRow::InputText(title_input),
        serenity::CreateActionRow::InputText(body),
    ])
}

/// The pasted-article form was submitted.
pub async fn on_modal(
    ctx: &serenity::Context,
    data: &Data,
    submit: &serenity::ModalInteraction,
) -> Result<(), Error> {
    if submit.data.custom_id != MODAL_ID {
        return Ok(());
    }
    let mut title = None;
    let mut body = None;
    for row in &submit.data.components {
        for component in &row.components {
            if let serenity::ActionRowComponent::InputText(input) = component {
                let value = input.value.clone().unwrap_or_default();
                match input.custom_id.as_str() {
                    MODAL_TITLE_INPUT => {
                        title = Some(value.trim().to_string()).filter(|t| !t.is_empty())
                    }
                    MODAL_BODY_INPUT => body = Some(value),
                    _ => {}
                }
            }
        }
    }
    let mut responder = Responder::new(ctx.http.clone(), submit.id, &submit.token);
    let Some(body) = body.filter(|b| !b.trim().is_empty()) else {
        return responder
            .error("The article text was empty. Run /article add again and paste the text.")
            .await;
    };
    let caller = Caller {
        scope: scope_of(submit.guild_id, submit.user.id),
        name: Some(
            submit
                .user
                .global_name
                .clone()
                .unwrap_or_else(|| submit.user.name.clone()),
        ),
        can_manage: can_manage(submit.guild_id, submit.member.as_ref()),
    };
    responder
        .answer(
            data,
            caller,
            Command::ArticleAdd {
                content: Content::Text(body),
                title,
            },
            0,
        )
        .await
}

/// This server's articles, newest first.
#[poise::command(slash_command)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    reply::run(ctx, Command::ArticleList { page: 0 }, false).await
}

/// One article: lead, speakers, key figures, people.
#[poise::command(slash_command)]
pub async fn show(
    ctx: Context<'_>,
    #[description = "The article"]
    #[autocomplete = "autocomplete::article"]
    article: String,
) -> Result<(), Error> {
    reply::run(ctx, Command::ArticleShow { article }, false).await
}

/// Remove an article (needs Manage Messages).
///
/// Discord applies `default_member_permissions` to top-level commands only, so for this
/// subcommand the runtime check below is what enforces it.
#[poise::command(slash_command)]
pub async fn remove(
    ctx: Context<'_>,
    #[description = "The article to remove"]
    #[autocomplete = "autocomplete::article"]
    article: String,
) -> Result<(), Error> {
    let caller = caller(ctx);
    if !caller.can_manage {
        let Some(mut responder) = Responder::for_command(ctx) else {
            return Ok(());
        };
        return responder
            .error("Removing articles needs the Manage Messages permission. Ask a moderator, or an admin can grant it to your role.")
            .await;
    }
    reply::run(ctx, Command::ArticleRemove { article }, false).await
}
