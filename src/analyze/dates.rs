//! Date expressions. Placeholder (issue 5).
use crate::model::{DateMention, Document};
pub fn extract(_doc: &Document) -> Vec<DateMention> {
    Vec::new()
}
