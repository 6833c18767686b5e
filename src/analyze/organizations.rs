//! Organizations. Placeholder (issue 5).
use crate::model::{Document, NamedEntity, Person};
pub fn extract(_doc: &Document, _people: &[Person], _places: &[NamedEntity]) -> Vec<NamedEntity> {
    Vec::new()
}
