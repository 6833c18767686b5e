//! Caps how deep HTML elements nest before the page reaches the readability crate.
//!
//! dom_smoothie (like Readability.js) walks each candidate's descendants and ancestors,
//! so its time grows with elements × depth: `<div>` nested 10,000 deep took 20 s. Real
//! article pages nest a few dozen levels. One linear pass over the tags tracks an
//! estimate of the open-element stack (void elements, raw-text elements, comments and
//! the common implied end tags are understood) and, past [`MAX_DEPTH`], drops the start
//! tags and their matching end tags while keeping all text; a dropped block element
//! leaves a line break so its text does not run into its neighbour's. Pages that never
//! get that deep come back untouched (borrowed).

use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest element nesting handed to the extractor. Real pages stay far below it
/// (the deepest of the 181 benchmark pages nests well under half of this).
pub const MAX_DEPTH: usize = 96;

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose content is text up to their end tag (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];
/// Elements a start tag of the same kind closes (`<p>a<p>b`, `<li>a<li>b`).
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp",
];
/// How far up the stack an implied end tag looks for the sibling it closes.
const SIBLING_REACH: usize = 8;
/// Elements an implied end tag does not look past.
const LIST_SCOPES: &[&str] = &["ul", "ol", "dl", "table", "tbody", "thead", "select"];
/// Start tags that close an open `<p>`; dropped ones also leave a line break.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "dd",
    "dt",
];

/// One open element in the estimated stack.
struct Open {
    name: String,
    kept: bool,
}

/// The estimated stack of open elements.
#[derive(Default)]
struct Stack {
    open: Vec<Open>,
    /// Open elements per name, so an end tag with no open element costs nothing.
    count: HashMap<String, usize>,
    /// Open elements that were kept (the depth the extractor will see).
    kept: usize,
    /// Open `svg`/`math` elements: inside them `<x/>` closes itself.
    foreign: usize,
}

impl Stack {
    fn push(&mut self, name: &str, kept: bool) {
        *self.count.entry(name.to_owned()).or_default() += 1;
        self.kept += usize::from(kept);
        self.foreign += usize::from(name == "svg" || name == "math");
        self.open.push(Open {
            name: name.to_owned(),
            kept,
        });
    }

    fn pop(&mut self) -> Option<Open> {
        let top = self.open.pop()?;
        if let Some(n) = self.count.get_mut(&top.name) {
            *n -= 1;
        }
        self.kept -= usize::from(top.kept);
        self.foreign -= usize::from(top.name == "svg" || top.name == "math");
        Some(top)
    }

    fn top_is(&self, names: &[&str]) -> bool {
        self.open
            .last()
            .is_some_and(|o| names.contains(&o.name.as_str()))
    }

    /// Closes an open sibling (`<li>` closes the `<li>` before it) when it lies within
    /// a few levels (inline elements may sit between); the bound keeps this linear.
    fn close_nearby(&mut self, siblings: &[&str]) {
        let nearby = self.open.iter().rev().take(SIBLING_REACH);
        let Some(up) = nearby
            .take_while(|o| !LIST_SCOPES.contains(&o.name.as_str()))
            .position(|o| siblings.contains(&o.name.as_str()))
        else {
            return;
        };
        for _ in 0..=up {
            self.pop();
        }
    }

    /// Closes elements up to and including the innermost `name`; whether that element
    /// was kept, or `None` when none is open (a stray end tag).
    fn close(&mut self, name: &str) -> Option<bool> {
        if self.count.get(name).copied().unwrap_or(0) == 0 {
            return None;
        }
        while let Some(top) = self.pop() {
            if top.name == name {
                return Some(top.kept);
            }
        }
        None
    }
}

/// A tag found at some `<`.
struct Tag {
    /// Lower-cased element name.
    name: String,
    end_tag: bool,
    self_closing: bool,
    /// Byte just past the closing `>`.
    end: usize,
}

/// The page with elements deeper than [`MAX_DEPTH`] unwrapped (text kept); the page
/// itself when nothing nests that deep.
pub fn cap_depth(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut stack = Stack::default();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already copied into `out`
    let mut i = 0;
    while let Some(k) = memchr_lt(&bytes[i..]) {
        let at = i + k;
        let Some(tag) = read_tag(html, at) else {
            i = skip_markup(bytes, at);
            continue;
        };
        i = tag.end;
        let keep = if tag.end_tag {
            stack.close(&tag.name).unwrap_or(true)
        } else {
            let keep = open_element(&mut stack, &tag);
            if RAW_TEXT.contains(&tag.name.as_str()) && !tag.self_closing {
                i = raw_text_end(html, i, &tag.name);
            } else if tag.name == "plaintext" {
                i = bytes.len();
            }
            keep
        };
        if !keep {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..at]);
            if BLOCKS.contains(&tag.name.as_str()) {
                buf.push('\n');
            }
            copied = tag.end;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// Applies a start tag to the stack; whether the tag is kept.
fn open_element(stack: &mut Stack, tag: &Tag) -> bool {
    let name = tag.name.as_str();
    if BLOCKS.contains(&name) && stack.top_is(&["p"]) {
        stack.pop();
    }
    if SELF_CLOSING_SIBLINGS.contains(&name) {
        let siblings: &[&str] = match name {
            "td" | "th" => &["td", "th"],
            "dt" | "dd" => &["dt", "dd"],
            _ => &[name],
        };
        stack.close_nearby(siblings);
    }
    if VOID.contains(&name) || (tag.self_closing && stack.foreign > 0) {
        return true;
    }
    let keep = stack.kept < MAX_DEPTH;
    stack.push(name, keep);
    keep
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The tag starting at `at` (a `<`), or `None` when it is not a start or end tag.
fn read_tag(html: &str, at: usize) -> Option<Tag> {
    let bytes = html.as_bytes();
    let end_tag = bytes.get(at + 1) == Some(&b'/');
    let name_start = at + 1 + usize::from(end_tag);
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = name_start
        + bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .unwrap_or(bytes.len() - name_start);
    let end = tag_end(bytes, name_end);
    let self_closing = end >= 2 && bytes[end - 2] == b'/' && end - 1 > name_end;
    Some(Tag {
        name: html[name_start..name_end].to_ascii_lowercase(),
        end_tag,
        self_closing,
        end,
    })
}

/// Byte past the `>` that ends a tag whose attributes start at `from`; quoted attribute
/// values may hold `>`.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            b'=' => after_equals = true,
            q @ (b'"' | b'\'') if after_equals => {
                i = bytes[i + 1..]
                    .iter()
                    .position(|&b| b == q)
                    .map_or(bytes.len(), |k| i + 1 + k);
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    bytes.len()
}

/// Past a comment, doctype or processing instruction at `at`; past the `<` alone when
/// it starts none (a literal `<` in text).
fn skip_markup(bytes: &[u8], at: usize) -> usize {
    let rest = &bytes[at..];
    if rest.starts_with(b"<!--") {
        return find(&bytes[at + 4..], b"-->").map_or(bytes.len(), |k| at + 4 + k + 3);
    }
    if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
        return rest
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |k| at + k + 1);
    }
    at + 1
}

/// Start of the end tag `</name` (any case) at or after `from`, or the end of the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(k) = find(&bytes[i..], b"</") {
        let at = i + k;
        let after = at + 2 + name.len();
        if after <= bytes.len()
            && bytes[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(after)
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return at;
        }
        i = at + 2;
    }
    bytes.len()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The deepest estimated nesting of a page (for tests and the benchmark's report).
pub fn estimated_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut stack = Stack::default();
    let mut deepest = 0;
    let mut i = 0;
    while let Some(k) = memchr_lt(&bytes[i..]) {
        let at = i + k;
        let Some(tag) = read_tag(html, at) else {
            i = skip_markup(bytes, at);
            continue;
        };
        i = tag.end;
        if tag.end_tag {
            stack.close(&tag.name);
            continue;
        }
        open_element(&mut stack, &tag);
        deepest = deepest.max(stack.open.len());
        if RAW_TEXT.contains(&tag.name.as_str()) && !tag.self_closing {
            i = raw_text_end(html, i, &tag.name);
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_come_back_untouched() {
        let page = "<html><body><div><p>One<p>Two</div><script>if (a<b) x('</div>')</script></body></html>";
        assert!(matches!(cap_depth(page), Cow::Borrowed(_)));
        assert_eq!(estimated_depth(page), 4);
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let n = MAX_DEPTH * 3;
        for closed in [true, false] {
            let page = format!(
                "<body>{}Deep words.{}",
                "<div class=\"a>b\">".repeat(n),
                if closed {
                    "</div>".repeat(n)
                } else {
                    String::new()
                }
            );
            let capped = cap_depth(&page);
            assert!(estimated_depth(&capped) <= MAX_DEPTH, "closed: {closed}");
            assert!(capped.contains("Deep words."));
            let opened = capped.matches("<div").count();
            assert_eq!(opened, MAX_DEPTH - 1, "body counts as one level");
            if closed {
                assert_eq!(capped.matches("</div>").count(), opened);
            }
        }
    }

    #[test]
    fn implied_end_tags_do_not_count_as_depth() {
        let page = format!("<ul>{}</ul>", "<li>item<p>text".repeat(MAX_DEPTH * 2));
        assert!(estimated_depth(&page) <= 3);
        assert!(matches!(cap_depth(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn non_ascii_text_survives() {
        let page = format!("{}«Zürich — 東京»", "<span>".repeat(MAX_DEPTH + 5));
        assert!(cap_depth(&page).ends_with("«Zürich — 東京»"));
    }
}
