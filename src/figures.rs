//! Figures: percentages, money, counts with their noun, ranks.
//!
//! STUB — the full implementation replaces this file.

use std::ops::Range;

use crate::record::FigureKind;

/// A figure found in normalized text.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureHit {
    /// Normalized byte range of the figure (number and its unit or noun).
    pub range: Range<usize>,
    /// What the number is.
    pub kind: FigureKind,
    /// The value ("Rp 103 Miliar" → 103e9).
    pub value: f64,
    /// "%", "IDR", the counted noun, or `None` for ranks.
    pub unit: Option<String>,
}

/// The compiled figure grammar. Build once, use for every document.
#[derive(Clone, Debug, Default)]
pub struct FigureScanner {}

impl FigureScanner {
    /// Compiles the grammar.
    pub fn new() -> FigureScanner {
        FigureScanner {}
    }

    /// Finds figures in `text` (cleaned, original case) / `folded` (lowercase twin),
    /// skipping numbers inside `exclude` (normalized ranges of dates, unit
    /// designations such as "Kodim 0908", ...; sorted by start).
    pub fn scan(&self, _text: &str, _folded: &str, _exclude: &[Range<usize>]) -> Vec<FigureHit> {
        Vec::new()
    }
}
