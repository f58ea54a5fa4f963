//! Normalized text with an offset map back to the caller's original bytes.
//!
//! STUB — the full implementation (mojibake repair, quote/dash/space unification,
//! boilerplate blanking) replaces this file. The API below is the contract.

use std::ops::Range;

use crate::record::Span;

/// A cleaned copy of an article for matching, with a map back to the original.
///
/// * `text()` — cleaned text in its original case.
/// * `folded()` — the same text lowercased; same byte length and char boundaries as
///   `text()`, so one offset serves both.
/// * Boilerplate is blanked to spaces (newlines kept) in both copies.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    folded: String,
    boilerplate: Vec<Range<usize>>,
}

impl Normalized {
    /// Normalizes `input`.
    pub fn new(input: &str) -> Normalized {
        let text = input.to_string();
        let folded = input.to_ascii_lowercase();
        Normalized {
            text,
            folded,
            boilerplate: Vec::new(),
        }
    }

    /// The cleaned text, original case.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cleaned text, lowercased (same offsets as [`Normalized::text`]).
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Blanked boilerplate ranges, in normalized offsets.
    pub fn boilerplate(&self) -> &[Range<usize>] {
        &self.boilerplate
    }

    /// Maps a normalized range to the original input's range (char boundaries).
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        range
    }

    /// The original-text [`Span`] of a normalized range.
    pub fn span(&self, input: &str, range: Range<usize>) -> Span {
        let r = self.original_range(range);
        Span {
            start: r.start,
            end: r.end,
            text: input[r].to_string(),
        }
    }
}

/// Folds a short string (a lexicon alias) exactly as [`Normalized::folded`] folds text,
/// so that aliases and texts meet in the same form.
pub fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}
