//! The console: the bot's commands, one per line, from a terminal or a pipe, answered
//! as plain text. Placeholder (issue 6).

use crate::error::Result;

pub fn run() -> Result<()> {
    eprintln!("The console is not built yet.");
    Ok(())
}
