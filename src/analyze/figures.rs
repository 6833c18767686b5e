//! Key figures. Placeholder (issue 4).
use crate::model::{Document, Figure};
pub fn extract(_doc: &Document) -> Vec<Figure> {
    Vec::new()
}
