//! The one error type of the data pipeline: it names the file, the entry and the field.

use std::fmt;

/// A problem in one of the data files, precise enough for an editor to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// The data file, e.g. `data/figures.toml`.
    pub file: String,
    /// The entry, e.g. `figure "fixed-asset-investment"`; empty for a whole-file problem.
    pub entry: String,
    /// The field within the entry, e.g. `unit` or `milestone[1].source`; empty if none.
    pub field: String,
    /// What is wrong, and what would be valid.
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, entry: &str, field: &str, message: impl Into<String>) -> Self {
        DataError {
            file: file.to_string(),
            entry: entry.to_string(),
            field: field.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if !self.entry.is_empty() {
            write!(f, ": {}", self.entry)?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for DataError {}
