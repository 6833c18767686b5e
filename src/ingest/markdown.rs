//! Markdown to plain article text: headings, emphasis, links, images, block quotes,
//! list bullets, code fences and rules lose their markup; the words stay as written.

use regex::Regex;
use std::sync::LazyLock;

static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[([^\]\n]*)\]\([^)\n]*\)").unwrap());
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])").unwrap());
static AUTOLINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<((?:https?://|mailto:)[^>\s]+)>").unwrap());
static STRONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*\*|__)([^\s*_](?:[^*\n]*?[^\s*_])?)(\*\*|__)").unwrap());
static EMPH_STAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\w*])\*([^\s*](?:[^*\n]*?[^\s*])?)\*").unwrap());
static EMPH_UNDERSCORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\w_])_([^\s_](?:[^_\n]*?[^\s_])?)_([^\w]|$)").unwrap());
static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`([^`\n]+)`").unwrap());
static STRIKE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"~~([^~\n]+)~~").unwrap());
static LINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s{0,3}(?:>\s?)+)?\s{0,3}(?:#{1,6}\s+|[*+-]\s+(?:\[[ xX]\]\s+)?)?").unwrap()
});
static TRAILING_HASHES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+#+\s*$").unwrap());
static RULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|={3,}\s*)$").unwrap()
});
static REFERENCE_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}\[[^\]]+\]:\s+\S+").unwrap());

/// The plain text of a Markdown document, with the first `# heading` (if any).
pub fn to_text(md: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(md.len());
    let mut title = None;
    let mut in_fence = false;
    for line in md.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line.trim_end());
            out.push('\n');
            continue;
        }
        if RULE.is_match(line) || REFERENCE_DEF.is_match(line) || trimmed.starts_with("<!--") {
            out.push('\n');
            continue;
        }
        let is_heading = trimmed.starts_with('#');
        let prefix_len = LINE_PREFIX.find(line).map_or(0, |m| m.end());
        let mut body = line[prefix_len..].to_owned();
        if is_heading {
            body = TRAILING_HASHES.replace(&body, "").into_owned();
        }
        body = IMAGE.replace_all(&body, "").into_owned();
        body = LINK.replace_all(&body, "$1").into_owned();
        body = AUTOLINK.replace_all(&body, "$1").into_owned();
        body = CODE.replace_all(&body, "$1").into_owned();
        body = STRONG.replace_all(&body, "$2").into_owned();
        body = EMPH_STAR.replace_all(&body, "$1$2").into_owned();
        body = EMPH_UNDERSCORE.replace_all(&body, "$1$2$3").into_owned();
        body = STRIKE.replace_all(&body, "$1").into_owned();
        let body = body
            .trim_end()
            .replace("\\*", "*")
            .replace("\\_", "_")
            .replace("\\#", "#");
        if is_heading && title.is_none() && trimmed.starts_with("# ") && !body.trim().is_empty() {
            title = Some(body.trim().to_owned());
        }
        // A heading is a paragraph of its own.
        if is_heading && !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(&body);
        out.push('\n');
        if is_heading {
            out.push('\n');
        }
    }
    (out, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_and_keeps_words() {
        let (text, title) = to_text(
            "# Big *news* today\n\nThe **minister** said [the plan](http://x.org/a) was _final_.\n\n- first point\n- second\n\n> \"We are done,\" she said.\n\n![chart](c.png)\n\n---\n",
        );
        assert_eq!(title.as_deref(), Some("Big news today"));
        assert!(
            text.contains("The minister said the plan was final."),
            "{text}"
        );
        assert!(text.contains("first point\nsecond"));
        assert!(text.contains("\"We are done,\" she said."));
        assert!(!text.contains("png") && !text.contains("---") && !text.contains('#'));
    }

    #[test]
    fn keeps_arithmetic_and_snake_case() {
        let (text, _) = to_text("It rose 2 * 3 times in file_name_here.\n");
        assert_eq!(text.trim(), "It rose 2 * 3 times in file_name_here.");
    }
}
