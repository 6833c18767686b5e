//! Ingestion: bytes from an upload, a paste or a URL become a cleaned, segmented
//! `Document`.
//!
//! decode (UTF-8/UTF-16/Windows-1252; refuse binary) → detect the format from content →
//! HTML: article body via readability / Markdown: markup stripped / text as is →
//! drop page furniture, keep dateline date and byline as metadata → title → paragraphs
//! and sentences over the cleaned text.

pub mod boilerplate;
pub mod clean;
mod credit;
pub mod decode;
pub mod detect;
pub mod embeds;
pub mod html;
pub mod markdown;
pub mod nesting;

pub mod fetch;

use crate::error::{Error, Result};
use crate::model::{Document, Format, Span};
use crate::text::segment;

/// Options a caller may give alongside the bytes.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// File name or URL, used only as a hint for the format.
    pub name_hint: Option<String>,
    /// A title given by the user; wins over any found in the text.
    pub title: Option<String>,
}

/// Longest run of non-space Latin/Greek/Cyrillic characters accepted in an article.
/// No prose has a 20,000-character word; such a run is a mangled paste or encoded
/// data, and refusing it early keeps every later stage fast on hostile input.
const MAX_UNBROKEN_RUN: usize = 20_000;

/// Longest title we keep when none is given and no headline is found.
const FALLBACK_TITLE_WORDS: usize = 12;

pub fn ingest(bytes: &[u8], opts: &IngestOptions) -> Result<Document> {
    ingest_within(bytes, opts, usize::MAX)
}

/// [`ingest`] for an upload with a size limit: text longer than `max_text_bytes` once
/// decoded and cleaned is refused with [`too_big`], before any check of what the text
/// looks like, so an oversized upload is always told about the limit first.
pub fn ingest_within(
    bytes: &[u8],
    opts: &IngestOptions,
    max_text_bytes: usize,
) -> Result<Document> {
    let decoded = decode::decode(bytes)?;
    let format = detect::detect(&decoded, opts.name_hint.as_deref());
    // Markup does not count against the limit; everything else is text as uploaded.
    if format != Format::Html && decoded.len() > max_text_bytes {
        return Err(too_big(decoded.len(), max_text_bytes));
    }
    let (body, found_title, meta_byline, meta_date) = match format {
        Format::Html => {
            let page = html::extract(&decoded)?;
            let title = page
                .title
                .map(|t| clean_title(&t))
                .filter(|t| !t.is_empty());
            let mut body = page.text;
            // The headline belongs to the text: put the page title first unless the
            // body already starts with it.
            if let Some(t) = &title {
                let first_block = body.split("\n\n").next().unwrap_or("").trim();
                if !same_words(first_block, t) && !body.contains(t.as_str()) {
                    body = format!("{t}\n\n{body}");
                } else if !same_words(first_block, t) {
                    // The title appears later (e.g. after a kicker); leave the body alone.
                }
            }
            (
                body,
                title,
                page.byline,
                page.published.as_deref().and_then(clean::parse_date),
            )
        }
        Format::Markdown => {
            let (text, title) = markdown::to_text(&decoded);
            (text, title, None, None)
        }
        Format::Text => (decoded, None, None, None),
    };
    if body.len() > max_text_bytes {
        return Err(too_big(body.len(), max_text_bytes));
    }
    let cleaned = clean::clean(&body);
    if cleaned.text.trim().is_empty() {
        return Err(Error::BadInput(match format {
            Format::Html => "No article text was found in this HTML page; paste the article text instead.".into(),
            _ => "The article is empty once page furniture is removed: paste or upload the article text.".into(),
        }));
    }
    let run = longest_unbroken_run(&cleaned.text);
    if run > MAX_UNBROKEN_RUN {
        return Err(Error::BadInput(format!(
            "This does not read as article text: it holds a run of {run} characters without a space (encoded data or a broken paste?); paste the article's text."
        )));
    }
    let text = cleaned.text;
    let paragraphs = segment::paragraphs(&text);
    let sentences = segment::sentences(&text, &paragraphs);
    let headline_text = cleaned.headline.map(|s| s.of(&text).to_string());
    let title = opts
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .or(found_title)
        .or(headline_text)
        .unwrap_or_else(|| fallback_title(&text, &sentences, cleaned.dateline));
    let headline = cleaned.headline.or_else(|| {
        // An HTML/Markdown title placed first in the text is the headline even when
        // it is long or punctuated.
        let first = paragraphs.first().copied()?;
        (format != Format::Text && same_words(first.of(&text), &title)).then_some(first)
    });
    Ok(Document {
        title,
        date: cleaned.date.or(meta_date),
        byline: cleaned
            .byline
            .or(meta_byline.map(|b| b.trim().trim_start_matches("By ").trim().to_owned()))
            .filter(|b| !b.is_empty()),
        format,
        text,
        headline,
        dateline: cleaned.dateline,
        captions: cleaned.captions,
        paragraphs,
        sentences,
    })
}

/// Length in characters of the longest run without whitespace, counting only scripts
/// that separate words with spaces (CJK, Thai and similar scripts break a run).
fn longest_unbroken_run(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut longest = 0;
    let mut current = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes at once once a run of eight is known: only the runs at the
        // group's ends can then matter (one inside is at most six long).
        if longest >= 8
            && let Some(x) = crate::text::spaces::ascii_group(bytes, i)
        {
            let space = crate::text::spaces::space_bits(x);
            if space == 0 {
                current += 8;
            } else {
                // Bytes before the first space end the current run; those after the last
                // one start the next.
                current += space.trailing_zeros() as usize / 8;
                longest = longest.max(current);
                current = space.leading_zeros() as usize / 8;
            }
            longest = longest.max(current);
            i += 8;
            continue;
        }
        // ASCII bytes are read without decoding them (most of an article).
        let (breaks, len) = match bytes[i] {
            b @ 0..0x80 => (b == b' ' || (b'\t'..=b'\r').contains(&b), 1),
            _ => text[i..].chars().next().map_or((true, 1), |c| {
                let spaced_script = (c as u32) < 0x0530; // Latin, IPA, Greek, Cyrillic, Armenian
                (c.is_whitespace() || !spaced_script, c.len_utf8())
            }),
        };
        if breaks {
            current = 0;
        } else {
            current += 1;
            longest = longest.max(current);
        }
        i += len;
    }
    longest
}

/// "Big news | Site Name" → "Big news": drops a site name after a separator when the
/// remaining part still reads like a headline.
fn clean_title(title: &str) -> String {
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(at) = t.rfind(sep) {
            let (head, site) = (&t[..at], &t[at + sep.len()..]);
            if head.split_whitespace().count() >= 3 && site.split_whitespace().count() <= 4 {
                return head.trim().to_owned();
            }
        }
    }
    t
}

fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect::<Vec<_>>()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// The first sentence's opening words when there is no headline.
fn fallback_title(
    text: &str,
    sentences: &[crate::model::Sentence],
    dateline: Option<Span>,
) -> String {
    let Some(first) = sentences
        .iter()
        .find(|s| dateline.is_none_or(|d| !d.overlaps(s.span)))
    else {
        return String::new();
    };
    let words: Vec<&str> = first.span.of(text).split_whitespace().collect();
    if words.len() <= FALLBACK_TITLE_WORDS {
        words.join(" ")
    } else {
        format!(
            "{} …",
            words[..FALLBACK_TITLE_WORDS]
                .join(" ")
                .trim_end_matches([',', ';', ':'])
        )
    }
}

/// The refusal for an article over the upload limit, naming the setting that raises it.
pub fn too_big(bytes: usize, max: usize) -> Error {
    Error::Limit(format!(
        "This article is {} of text; the limit is {} per article. Upload a shorter piece, or an admin can raise \
         the limit with {}.",
        crate::config::human_size(bytes),
        crate::config::human_size(max),
        crate::config::vars::MAX_UPLOAD_BYTES
    ))
}

#[cfg(test)]
mod run_tests {
    use super::longest_unbroken_run;

    /// The run length character by character, as the function was first written.
    fn by_chars(text: &str) -> usize {
        let (mut longest, mut current) = (0, 0);
        for c in text.chars() {
            if c.is_whitespace() || (c as u32) >= 0x0530 {
                current = 0;
            } else {
                current += 1;
                longest = longest.max(current);
            }
        }
        longest
    }

    #[test]
    fn the_longest_run_is_the_one_counted_by_characters() {
        let long = "x".repeat(37);
        let texts = [
            String::new(),
            "a b".into(),
            "eight by eight words in groups of ASCII\tbytes\r\n".repeat(3),
            format!("short words then {long} and more short words after it ok"),
            format!("{long}é{long}{long} trailing"),
            format!("lead {long}"),
            format!("abcdefghijkl mnopqrstu vw xyz 漢字{long}x y"),
            "abcdefghij klmno pqrst uvw ab cd efghijklmnopqrs tuvwxyz0123".into(),
        ];
        for t in &texts {
            assert_eq!(longest_unbroken_run(t), by_chars(t), "{t:?}");
        }
    }
}
