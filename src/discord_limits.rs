//! Discord's message limits, as plain numbers: defined once, below everything that lays
//! out messages (`render::discord` for command answers, `briefing::render` for
//! briefings). Discord rejects a message that breaks any of them, and serenity does not
//! check them.

/// Characters in an embed title.
pub const MAX_TITLE: usize = 256;
/// Characters in an embed description.
pub const MAX_DESCRIPTION: usize = 4096;
/// Fields in one embed.
pub const MAX_FIELDS: usize = 25;
/// Characters in a field name.
pub const MAX_FIELD_NAME: usize = 256;
/// Characters in a field value.
pub const MAX_FIELD_VALUE: usize = 1024;
/// Characters in an embed footer.
pub const MAX_FOOTER: usize = 2048;
/// Characters across all embeds of one message.
pub const MAX_TOTAL: usize = 6000;
/// Embeds in one message.
pub const MAX_EMBEDS: usize = 10;
/// Characters of plain content in one message.
pub const MAX_CONTENT: usize = 2000;
