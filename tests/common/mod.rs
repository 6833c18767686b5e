//! Helpers shared by the integration tests.
pub mod eval;
pub mod fixtures;
