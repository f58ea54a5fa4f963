//! Indonesian time expressions, anchored to a reference date and weekday-checked.
//!
//! STUB — the full implementation replaces this module. The API below is the contract
//! the extractor calls.

use std::ops::Range;

use jiff::civil::Date;

use crate::record::{Span, Time, TimeKind};

/// An election day from the lexicon (`lexicons/elections.tsv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionDay {
    /// Lexicon id ("pemilu-2024").
    pub id: String,
    /// Election kind ("pemilu", "pilkada").
    pub kind: String,
    /// Election year.
    pub year: i16,
    /// Voting day.
    pub date: Date,
}

/// The compiled time grammar. Build once, use for every document.
#[derive(Clone, Debug)]
pub struct TimeParser {
    elections: Vec<ElectionDay>,
}

/// A time expression found in normalized text, not yet anchored.
#[derive(Clone, Debug)]
pub struct TimeHit {
    /// Normalized byte range of the expression.
    pub range: Range<usize>,
}

/// A time expression anchored to the reference date.
#[derive(Clone, Debug)]
pub struct ResolvedTime {
    /// Normalized byte range of the expression.
    pub range: Range<usize>,
    value: Option<String>,
}

impl ResolvedTime {
    /// The record form, with `span` (original offsets) supplied by the caller.
    pub fn to_record(&self, span: Span) -> Time {
        Time {
            value: self.value.clone(),
            end: None,
            kind: TimeKind::Date,
            precision: None,
            weekday: None,
            weekday_ok: None,
            year: None,
            time: None,
            zone: None,
            part_of_day: None,
            publication: false,
            span,
        }
    }
}

/// All times of a document, anchored, with the reference date used.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    /// The reference date: the caller's, else a publication stamp, else the most
    /// specific explicit full date of the article.
    pub reference: Option<Date>,
    /// Every time expression in text order.
    pub times: Vec<ResolvedTime>,
    /// Weekday contradictions and the like.
    pub warnings: Vec<String>,
}

impl TimeParser {
    /// Compiles the grammar; `elections` anchor "H-8" and election names.
    pub fn new(elections: Vec<ElectionDay>) -> TimeParser {
        TimeParser { elections }
    }

    /// Finds time expressions in one pass over the normalized text.
    /// `text` is the cleaned text (original case), `folded` its lowercase twin.
    pub fn scan(&self, _text: &str, _folded: &str) -> Vec<TimeHit> {
        let _ = &self.elections;
        Vec::new()
    }

    /// Anchors `hits` to `published` (the caller's date), or to a reference found in
    /// the article when `published` is `None`.
    pub fn resolve(&self, _hits: &[TimeHit], published: Option<Date>) -> Resolved {
        Resolved {
            reference: published,
            times: Vec::new(),
            warnings: Vec::new(),
        }
    }
}
