//! Ingestion: bytes from an upload, a paste or a URL become a cleaned, segmented
//! `Document`. Placeholder — decoding, format detection, HTML extraction and
//! page-furniture cleaning are issue 2.

pub mod fetch;

use crate::error::{Error, Result};
use crate::model::Document;
use crate::text::segment;

/// Options a caller may give alongside the bytes.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// File name or URL, used only as a hint for the format.
    pub name_hint: Option<String>,
    /// A title given by the user; wins over any found in the text.
    pub title: Option<String>,
}

pub fn ingest(bytes: &[u8], opts: &IngestOptions) -> Result<Document> {
    if bytes.contains(&0) {
        return Err(Error::BadInput(
            "This looks like a binary file, not an article. Upload .txt, .md or .html.".into(),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Error::BadInput("The text is not valid UTF-8.".into()))?
        .to_string();
    if text.trim().is_empty() {
        return Err(Error::BadInput("The article is empty: paste or upload some text.".into()));
    }
    let paragraphs = segment::paragraphs(&text);
    let sentences = segment::sentences(&text, &paragraphs);
    let title = opts
        .title
        .clone()
        .or_else(|| paragraphs.first().map(|p| p.of(&text).to_string()))
        .unwrap_or_default();
    Ok(Document { title, text, paragraphs, sentences, ..Default::default() })
}
