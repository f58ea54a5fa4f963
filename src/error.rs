//! Errors: values that name the bad input, never panics.
//!
//! Lexicon problems are collected, not thrown one at a time: a broken lexicon folder
//! reports every bad row at once, each as `path:line: what is wrong`.

use std::fmt;
use std::path::PathBuf;

/// One problem in a lexicon file, at a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconProblem {
    /// The file (for embedded lexicons, `lexicons/<name>`).
    pub path: PathBuf,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong, quoting the bad value.
    pub message: String,
}

impl fmt::Display for LexiconProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

/// Everything that can go wrong in warta's library API.
#[derive(Debug)]
pub enum Error {
    /// One or more lexicon rows are bad; every one is listed.
    Lexicon(Vec<LexiconProblem>),
    /// A file or folder could not be read.
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The gazetteer automaton could not be built.
    Automaton(String),
    /// An input was rejected before extraction (too large, not UTF-8, ...).
    Input {
        /// A stable kind: "utf8", "empty", "too-large".
        kind: &'static str,
        /// What is wrong with the input.
        message: String,
    },
}

impl Error {
    /// The lexicon problems, if this is a lexicon error.
    pub fn lexicon_problems(&self) -> &[LexiconProblem] {
        match self {
            Error::Lexicon(problems) => problems,
            _ => &[],
        }
    }

    /// A stable machine-readable kind for error records.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Lexicon(_) => "lexicon",
            Error::Io { .. } => "io",
            Error::Automaton(_) => "automaton",
            Error::Input { kind, .. } => kind,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Lexicon(problems) => {
                write!(f, "{} lexicon problem(s):", problems.len())?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Automaton(msg) => write!(f, "cannot build the gazetteer: {msg}"),
            Error::Input { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_errors_list_every_problem_with_path_and_line() {
        let err = Error::Lexicon(vec![
            LexiconProblem {
                path: "lexicons/officials.tsv".into(),
                line: 42,
                message: "expected 8 columns, found 5".into(),
            },
            LexiconProblem {
                path: "lexicons/x.tsv".into(),
                line: 0,
                message: "empty file".into(),
            },
        ]);
        assert_eq!(
            err.to_string(),
            "2 lexicon problem(s):\n  lexicons/officials.tsv:42: expected 8 columns, found 5\n  lexicons/x.tsv: empty file"
        );
    }
}
