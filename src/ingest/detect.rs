//! Format detection from content (HTML, Markdown or plain text); the file name or URL
//! is only a tie-breaker, so a `.txt` holding a saved web page is still read as HTML
//! and a `.html` name on plain prose does not turn it into markup.

use crate::model::Format;
use regex::Regex;
use std::sync::LazyLock;

static HTML_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])").unwrap()
});
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:p|div|span|a|article|section|h[1-6]|br|ul|ol|li|em|strong|b|i|table|tr|td|img|meta|title|script|style|nav|header|footer|main|figure|blockquote)(?:\s[^<>]*)?/?>").unwrap()
});
static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^#{1,6}[ \t]+\S").unwrap());
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"!?\[[^\]\n]{1,300}\]\((?:[^)\s]{1,500})(?:\s+[^)\n]*)?\)").unwrap()
});
static MD_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\*\*|__)[^*_\n]{1,200}(?:\*\*|__)").unwrap());
static MD_LIST_OR_QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^(?:[*+-][ \t]+\S|>[ \t]?\S|```|---+\s*$)").unwrap());

/// The format `text` is in; `name_hint` (file name or URL) breaks ties.
pub fn detect(text: &str, name_hint: Option<&str>) -> Format {
    let head = prefix(text, 256 * 1024);
    let hint = name_hint
        .map(|n| {
            n.rsplit(['/', '\\'])
                .next()
                .unwrap_or(n)
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let html_named = hint.ends_with(".html") || hint.ends_with(".htm") || hint.ends_with(".xhtml");
    let md_named = hint.ends_with(".md") || hint.ends_with(".markdown");

    // Each pattern runs only when the text holds the characters it needs: compiling
    // them costs more than reading a short article, and plain text needs none.
    let has_tag = head.contains('<');
    if has_tag && HTML_START.is_match(head) {
        return Format::Html;
    }
    let tags = if has_tag {
        HTML_TAG.find_iter(head).take(64).count()
    } else {
        0
    };
    let tag_dense = || tags * 40 >= head.split_whitespace().take(4000).count().max(1);
    if tags >= 8 || (tags >= 2 && tag_dense()) || (html_named && tags >= 1) {
        return Format::Html;
    }
    // Takes the lazy cell itself: dereferencing it to a `&Regex` would compile it.
    // `at_line_start`: the pattern is `(?m)^…`, so what it needs must open a line.
    let count = |re: &LazyLock<Regex>, needed: &[&str], at_line_start: bool| {
        let holds = if at_line_start {
            head.split('\n')
                .any(|line| needed.iter().any(|n| line.starts_with(n)))
        } else {
            needed.iter().any(|n| head.contains(n))
        };
        if holds {
            LazyLock::force(re).find_iter(head).take(8).count()
        } else {
            0
        }
    };
    let md_signals = count(&MD_HEADING, &["#"], true) * 2
        + count(&MD_LINK, &["]("], false) * 2
        + count(&MD_EMPHASIS, &["**", "__"], false)
        + count(&MD_LIST_OR_QUOTE, &["*", "+", "-", ">", "```"], true);
    if md_signals >= 3 || (md_named && md_signals >= 1) {
        return Format::Markdown;
    }
    Format::Text
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_from_content_not_name() {
        assert_eq!(
            detect(
                "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
                Some("a.txt")
            ),
            Format::Html
        );
        assert_eq!(
            detect(
                "# Title\n\nSome **bold** text and a [link](http://x.org).",
                None
            ),
            Format::Markdown
        );
        assert_eq!(
            detect("Plain prose. It says 3 < 4 and 5 > 2.", Some("page.html")),
            Format::Text
        );
        assert_eq!(
            detect("Plain prose. Nothing else.", Some("notes.md")),
            Format::Text
        );
    }
}
