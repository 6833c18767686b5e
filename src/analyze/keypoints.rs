//! Key points (extractive summary). Placeholder (issue 5): the lead sentences.
use crate::model::{Analysis, Document};
pub fn select(doc: &Document, _analysis: &Analysis) -> Vec<usize> {
    let first_body = usize::from(doc.headline.is_some());
    (first_body..doc.sentences.len()).take(3).collect()
}
