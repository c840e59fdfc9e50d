//! Errors the user can act on, and the exit codes (SPEC §4, docs/exit-codes.md).

use std::fmt;

/// Success, or a check with nothing to report.
pub const SUCCESS: u8 = 0;
/// Findings: `check` found problems, or a gate found unfinished items.
pub const FINDINGS: u8 = 1;
/// The command could not do its job: usage, bad input, unknown id, unreadable file.
pub const FAILURE: u8 = 2;

/// An error with a message for the user and hints on what to do next.
#[derive(Debug)]
pub struct UserError {
    pub message: String,
    pub hints: Vec<String>,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> UserError {
        UserError { message: message.into(), hints: Vec::new() }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> UserError {
        self.hints.push(hint.into());
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

/// Shorthand: `bail_user!(UserError::new(..).hint(..))`.
pub fn user<T>(e: UserError) -> anyhow::Result<T> {
    Err(e.into())
}

/// The message of an error on one line, as `main` would print it (without hints).
pub fn one_line(err: &anyhow::Error) -> String {
    let text = match err.downcast_ref::<UserError>() {
        Some(e) => e.message.clone(),
        None => format!("{err:#}"),
    };
    text.lines().next().unwrap_or_default().to_string()
}
