//! Everything that turns data into bytes for the user beside the output
//! handle in [`crate::ui`]: renderings shared by several commands.

pub mod check;
pub mod github;
