//! The one error type at the library boundary. Messages are written for the person who
//! hit them and say what to do next; the bot shows them ephemerally, the CLI prints them
//! and exits with status 2.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    /// The input could not be read as an article (binary, empty, wrong format, …).
    #[error("{0}")]
    BadInput(String),
    /// A configured limit was hit; the message names the limit and its setting.
    #[error("{0}")]
    Limit(String),
    /// No such article (or not in this server).
    #[error("{0}")]
    NotFound(String),
    /// The user may not do this here.
    #[error("{0}")]
    Forbidden(String),
    /// Fetching a URL failed or was refused.
    #[error("{0}")]
    Fetch(String),
    /// The data directory is unusable or corrupt.
    #[error("{0}")]
    Storage(String),
    #[error("{0}")]
    Config(String),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
