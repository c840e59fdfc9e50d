//! Diagnostics: a problem in a file, pointed at a line and column.

use serde::Serialize;

pub use crate::model::schema::Severity;

/// One problem found in the project's files.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Diagnostic {
    /// Path as shown to the user (relative to where they stand, or as given with `-C`).
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub hints: Vec<String>,
    /// Work not done yet: an error `check` reports, but no contradiction, so
    /// no write is refused for it and no reader stops at it.
    pub incomplete: bool,
}

impl Diagnostic {
    /// A problem with no position in the file (line 1, column 1).
    pub fn file_level(path: &str, code: &str, message: String) -> Diagnostic {
        Diagnostic {
            path: path.to_string(),
            line: 1,
            column: 1,
            severity: Severity::Error,
            code: code.to_string(),
            message,
            hints: Vec::new(),
            incomplete: false,
        }
    }

    pub fn with_hint(mut self, hint: String) -> Diagnostic {
        self.hints.push(hint);
        self
    }

    /// Whether this is a contradiction: an error that is not work left to do.
    /// Writes never leave one behind, and whole-project readers stop at one.
    pub fn blocks(&self) -> bool {
        self.severity == Severity::Error && !self.incomplete
    }

    /// `path:line:col: error[code]: message`, then one `hint:` line per hint.
    pub fn render(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut s = format!(
            "{}:{}:{}: {}[{}]: {}",
            self.path, self.line, self.column, sev, self.code, self.message
        );
        for h in &self.hints {
            s.push_str("\n  hint: ");
            s.push_str(h);
        }
        s
    }

    /// The one-line form used when a command other than `check` meets a broken file.
    pub fn one_line(&self) -> String {
        format!("{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

/// Byte offset to 1-based line and column (columns count characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let col = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let idx = LineIndex::new("a = 1\nbø = 2\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(6), (2, 1));
        assert_eq!(idx.position(9), (2, 3));
    }
}
