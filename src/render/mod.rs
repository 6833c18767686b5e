//! Rendering answers for the front ends: JSON for `extract --json`, plain text for the
//! console and CLI, embeds for Discord.
pub mod discord;
pub mod explain;
pub mod json;
pub mod report;
pub mod text;
