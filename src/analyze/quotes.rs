//! Quotes and their attribution. Placeholder (issue 3).
use crate::model::{Document, Person, Quote};
/// Finds statements and their speakers; speakers that are people and not yet in
/// `people` are added there.
pub fn extract(_doc: &Document, _people: &mut Vec<Person>) -> Vec<Quote> {
    Vec::new()
}
