//! Embedded posts (a tweet or an Instagram post quoted in a story) are article text:
//! what a person posted is often the news, and who said it is what the bot answers.
//! Readability drops a block whose class or id says "social" as page furniture, and a
//! `<div>` with few commas and many links as a link box; sites wrap embeds in exactly such
//! blocks ("social-media-embed"). The `<div>` wrappers that hold nothing but a quoted
//! post are unwrapped before readability scores the page, so the post stays where the
//! story quotes it.

use dom_smoothie::Readability;

/// How many wrappers above an embedded post are looked at.
const MAX_WRAPPER_DEPTH: usize = 3;

/// A wrapper may hold at most this many characters besides its post (a label, spaces).
const MAX_WRAPPER_EXTRA_CHARS: usize = 80;

/// At most this many embedded posts are looked at; each costs its text's length.
const MAX_EMBEDS: usize = 500;

/// Unwraps the `<div>` wrappers that hold nothing but a quoted post; returns how many.
/// The post's text and place are unchanged; only the wrapper readability judges goes.
pub fn keep_embedded_posts(reader: &Readability) -> usize {
    let mut unwrapped = 0;
    for post in reader
        .doc
        .select("blockquote")
        .nodes()
        .iter()
        .take(MAX_EMBEDS)
    {
        let own = post.text().len();
        for _ in 0..MAX_WRAPPER_DEPTH {
            let Some(wrapper) = post.parent() else { break };
            if wrapper.node_name().as_deref() != Some("div")
                || wrapper.text().len() > own + MAX_WRAPPER_EXTRA_CHARS
            {
                break;
            }
            post.unwrap_node();
            if post.parent().is_some_and(|p| p.id == wrapper.id) {
                break; // no element above the wrapper to take the post
            }
            unwrapped += 1;
        }
    }
    unwrapped
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str =
        "The ferry company raised its fares on Monday and riders were not pleased. ";

    fn body_after(page: &str) -> String {
        let reader = Readability::new(page, None, None).unwrap();
        keep_embedded_posts(&reader);
        let mut reader = reader;
        reader.parse().unwrap().text_content.to_string()
    }

    #[test]
    fn a_post_in_a_social_wrapper_stays_in_the_story() {
        let page = format!(
            "<html><body><div class=\"story\"><p>{}</p><div class=\"social-media-embed\">\
             <blockquote class=\"twitter-tweet\"><p lang=\"en\">Fares up again? I will walk \
             <a href=\"https://t.example/a\">https://t.example/a</a></p>— A Rider (@rider) \
             <a href=\"https://x.example/rider/1\">May 2, 2024</a></blockquote>\
             <script src=\"https://x.example/widgets.js\"></script></div><p>{}</p></div>\
             <div class=\"social-links\">Share this</div></body></html>",
            STORY.repeat(8),
            STORY.repeat(8)
        );
        let body = body_after(&page);
        assert!(body.contains("I will walk"), "{body}");
        assert!(!body.contains("Share this"), "{body}");
    }
}
