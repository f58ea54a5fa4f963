//! Quotations and their attribution cues.
//!
//! STUB — the full implementation replaces this file.

use std::ops::Range;

/// A quotation found in normalized text.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteHit {
    /// The words inside the marks (normalized range).
    pub inner: Range<usize>,
}

/// Finds quotations in normalized text.
pub fn scan(_text: &str) -> Vec<QuoteHit> {
    Vec::new()
}
