//! HTML pages to article text: dom_smoothie (a Readability.js port) finds the article
//! body, title, byline and publication time; paragraphs come out as blank-line
//! separated blocks. Hostile pages are bounded: the element count and the nesting depth
//! are capped, the work
//! runs on a thread with a large stack (deep nesting cannot overflow ours), and when
//! readability finds nothing a linear tag stripper that drops script/style/nav/aside/
//! footer/comment blocks provides the text instead.

use crate::error::{Error, Result};
use dom_smoothie::{Article, Config, Readability, TextMode};
use regex::Regex;
use std::sync::LazyLock;

/// Publication-date metadata: `<meta property="article:published_time" content=…>` and
/// friends (either attribute order), or the first `<time datetime=…>`.
static META_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let names = r#"(?:article:published_time|og:published_time|datePublished|pubdate|publishdate|publish-date|date|dc\.date|dc\.date\.issued|dcterms\.created|sailthru\.date|parsely-pub-date)"#;
    Regex::new(&format!(
        r#"(?i)<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*["']{names}["'][^>]*?content\s*=\s*["']([^"']{{4,40}})["']|<meta\s[^>]*?content\s*=\s*["']([^"']{{4,40}})["'][^>]*?(?:property|name|itemprop)\s*=\s*["']{names}["']|<time\s[^>]*?datetime\s*=\s*["']([^"']{{4,40}})["']"#
    ))
    .unwrap()
});

/// The publication date metadata of a page, as written.
fn meta_published(html: &str) -> Option<String> {
    let head = &html[..floor_boundary(html, 512 * 1024)];
    let caps = META_DATE.captures(head)?;
    caps.iter()
        .skip(1)
        .flatten()
        .next()
        .map(|m| m.as_str().trim().to_owned())
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Pages with more elements than this skip readability and use the tag stripper.
const MAX_ELEMENTS: usize = 60_000;
/// Stack for the extraction thread; deep nesting recurses in the DOM code.
const EXTRACT_STACK: usize = 256 * 1024 * 1024;

/// What an HTML page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// Publication time from metadata, as written (ISO 8601 usually).
    pub published: Option<String>,
    /// Body text, paragraphs separated by blank lines.
    pub text: String,
}

/// Extracts the article from an HTML page.
pub fn extract(html: &str) -> Result<HtmlArticle> {
    let owned = html.to_owned();
    let worker = std::thread::Builder::new()
        .name("html-extract".into())
        .stack_size(EXTRACT_STACK)
        .spawn(move || extract_inline(&owned))
        .map_err(|e| {
            Error::BadInput(format!(
                "Could not start reading the HTML page ({e}); try again or paste the article text."
            ))
        })?;
    match worker.join() {
        Ok(article) => Ok(article),
        Err(_) => Err(Error::BadInput(
            "This HTML page could not be read (it is malformed in a way the reader cannot handle); paste the article text instead.".into(),
        )),
    }
}

fn extract_inline(html: &str) -> HtmlArticle {
    let stripped = strip_tags(html);
    // Readability's time grows with elements × depth: it only ever sees a page whose
    // nesting is capped (see `nesting`).
    let capped = super::nesting::cap_depth(html);
    // Photo captions and credits sit inside the article container, so readability keeps
    // them; they are not article text (HTML body F1 on the public benchmark: 0.954 -> 0.959).
    let capped = drop_element(&capped, "figcaption");
    let element_estimate = capped.bytes().filter(|&b| b == b'<').count();
    if element_estimate <= MAX_ELEMENTS
        && let Some(article) = read_article(&capped)
    {
        let text = normalize_blocks(&article.text_content);
        // Readability can settle on a teaser box; prefer the stripped page when
        // the pick holds only a sliver of the page's prose. A short pick from a
        // page with no prose outside nav/header/footer is navigation, not text.
        let (picked, prose) = (
            text.split_whitespace().count(),
            stripped.text.split_whitespace().count(),
        );
        if picked >= 30 || (prose > 0 && picked * 3 >= prose) {
            return HtmlArticle {
                title: non_empty(article.title.trim()).or(stripped.title),
                byline: article.byline.as_deref().map(str::trim).and_then(non_empty),
                published: article
                    .published_time
                    .as_deref()
                    .map(str::trim)
                    .and_then(non_empty)
                    .or_else(|| meta_published(html)),
                text,
            };
        }
    }
    HtmlArticle {
        published: meta_published(html),
        ..stripped
    }
}

/// The page without its `<name …>…</name>` elements (any case); linear.
fn drop_element(html: &str, name: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(k) = lower[at..].find(&open) {
        let start = at + k;
        out.push_str(&html[at..start]);
        // An element never closed is left alone, not allowed to swallow the page.
        let Some(end) = lower[start..].find(&close) else {
            at = start;
            break;
        };
        at = start + end + close.len();
    }
    out.push_str(&html[at..]);
    out
}

/// Readability's article from the (capped) page, its boilerplate blocks removed first
/// (a removed byline block still gives the byline).
fn read_article(page: &str) -> Option<Article> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut reader = Readability::new(page, None, Some(config)).ok()?;
    super::embeds::keep_embedded_posts(&reader);
    let removed = super::boilerplate::drop_boilerplate(&reader);
    let mut article = reader.parse().ok()?;
    if article.byline.is_none() {
        article.byline = removed.byline;
    }
    Some(article)
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// Collapses runs of spaces inside lines, trims lines, and separates paragraphs by one
/// blank line.
fn normalize_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = collapse_spaces(line);
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank_run = 0;
    }
    out
}

fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.trim().chars() {
        if c == ' ' || c == '\t' || c == '\r' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Elements whose whole content is dropped by the tag stripper.
const DROP_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "nav", "aside", "footer", "header", "form", "svg", "iframe",
    "template", "select", "button", "figure", "menu",
];
/// Elements that end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "article",
    "section",
    "blockquote",
    "ul",
    "ol",
    "table",
    "main",
    "dd",
    "dt",
    "hr",
    "pre",
    "body",
    "td",
    "th",
];

/// A linear, DOM-free fallback: page text with dropped blocks removed, block
/// elements as paragraph breaks, entities decoded; the `<title>` (or first `<h1>`)
/// as title.
pub fn strip_tags(html: &str) -> HtmlArticle {
    let mut out = String::with_capacity(html.len() / 2);
    let mut title: Option<String> = None;
    let mut h1: Option<String> = None;
    let bytes = html.as_bytes();
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    let mut text_start = 0;
    let mut capture: Option<(&str, usize)> = None;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        push_text(&mut out, &html[text_start..i]);
        if lower[i..].starts_with("<!--") {
            i = lower[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |k| i + 4 + k + 3);
            text_start = i;
            continue;
        }
        let Some(close) = lower[i..].find('>').map(|k| i + k) else {
            text_start = bytes.len();
            break;
        };
        let tag = &lower[i + 1..close];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        i = close + 1;
        text_start = i;
        if !closing && DROP_ELEMENTS.contains(&name.as_str()) && !tag.ends_with('/') {
            let end_tag = format!("</{name}");
            i = lower[i..].find(&end_tag).map_or(bytes.len(), |k| {
                let at = i + k;
                lower[at..].find('>').map_or(bytes.len(), |g| at + g + 1)
            });
            text_start = i;
            continue;
        }
        if (name == "title" || name == "h1") && !closing {
            capture = Some((if name == "title" { "title" } else { "h1" }, out.len()));
        } else if (name == "title" || name == "h1")
            && closing
            && let Some((which, at)) = capture.take()
        {
            let captured = collapse_spaces(&out[at.min(out.len())..]);
            if which == "title" {
                out.truncate(at.min(out.len()));
                title.get_or_insert(captured);
            } else {
                h1.get_or_insert(captured);
            }
        }
        if BLOCK_ELEMENTS.contains(&name.as_str()) || name == "title" || name == "h1" {
            out.push_str("\n\n");
        }
    }
    if text_start < bytes.len() {
        push_text(&mut out, &html[text_start..]);
    }
    let text = normalize_blocks(&out);
    let title = h1
        .filter(|t| !t.is_empty())
        .or(title.filter(|t| !t.is_empty()));
    HtmlArticle {
        title,
        text,
        ..Default::default()
    }
}

fn push_text(out: &mut String, raw: &str) {
    if raw.is_empty() {
        return;
    }
    let raw = raw.replace(['\n', '\r', '\t'], " ");
    out.push_str(&decode_entities(&raw));
}

/// Decodes the common named entities and all numeric ones.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|k| k + 1);
        let (Some(end), true) = (end, rest.len() > 1) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let semicolon = rest[end..].starts_with(';');
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "rdquo" => Some('”'),
            "ldquo" => Some('“'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            "eacute" => Some('é'),
            "copy" => Some('©'),
            "pound" => Some('£'),
            "euro" => Some('€'),
            _ if name.starts_with("#x") || name.starts_with("#X") => {
                u32::from_str_radix(&name[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if name.starts_with('#') => name[1..].parse::<u32>().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) if semicolon || name.starts_with('#') => {
                out.push(c);
                rest = &rest[end + usize::from(semicolon)..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripper_drops_boilerplate_blocks_and_keeps_paragraphs() {
        let page = "<html><head><title>T &amp; U</title><script>var x = '<p>';</script></head><body><nav>Home | News</nav>\
                    <h1>Big news</h1><p>First  paragraph.</p><!-- ad --><p>Second&nbsp;one &#8220;quoted&#8221;.</p><footer>(c) Site</footer></body></html>";
        let a = strip_tags(page);
        assert_eq!(a.title.as_deref(), Some("Big news"));
        assert_eq!(
            a.text,
            "Big news\n\nFirst paragraph.\n\nSecond\u{a0}one “quoted”."
        );
    }
}
