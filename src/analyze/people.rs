//! People and their roles. Placeholder (issues 3 and 5).
use crate::model::{Document, Person};
pub fn extract(_doc: &Document) -> Vec<Person> {
    Vec::new()
}
