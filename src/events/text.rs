//! Small readers of the text every step shares: quotations, lines, spaces and time words.

use std::ops::Range;

use crate::quotes::QuoteHit;
use crate::segment::sentence_at;

/// The sentences of one text, each found by scanning only around a position
/// ([`sentence_at`]) the first time one of its positions is asked for, then remembered.
#[derive(Default)]
pub(super) struct Sentences {
    /// Sorted, not overlapping.
    found: Vec<Range<usize>>,
}

impl Sentences {
    /// The sentence holding byte `pos` of `text` (always the same text).
    pub(super) fn at(&mut self, text: &str, pos: usize) -> Range<usize> {
        let i = self.found.partition_point(|s| s.end <= pos);
        if let Some(s) = self.found.get(i).filter(|s| s.start <= pos) {
            return s.clone();
        }
        let s = sentence_at(text, pos);
        if s.start <= pos && pos < s.end {
            self.found.insert(i, s.clone());
        }
        s
    }
}

/// The paragraph (line) holding byte `pos` of `text`.
pub(super) fn paragraph(text: &str, pos: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let pos = pos.min(text.len());
    let start = memchr::memrchr(b'\n', &bytes[..pos]).map_or(0, |k| k + 1);
    let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |k| pos + k);
    start..end
}

/// Whether `pos` is inside the inner text of one of `quotes` (in text order).
pub(super) fn in_quote(quotes: &[QuoteHit], pos: usize) -> bool {
    let i = quotes.partition_point(|q| q.inner.end <= pos);
    quotes
        .get(i)
        .is_some_and(|q| q.inner.start <= pos && pos < q.inner.end)
}

/// Weekday and month names: a date, never part of an event or venue name.
pub(super) fn is_time_word(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "jum'at",
        "sabtu",
        "minggu",
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "pukul",
        "tanggal",
    ];
    WORDS.contains(&lower)
}

/// The end of the line of `pos`, looked for within `cap` bytes (the search stays bounded
/// on texts without line breaks); on a char boundary.
pub(super) fn line_end(text: &str, pos: usize, cap: usize) -> usize {
    let mut high = (pos + cap).min(text.len());
    while !text.is_char_boundary(high) {
        high -= 1;
    }
    memchr::memchr(b'\n', &text.as_bytes()[pos..high]).map_or(high, |i| pos + i)
}

/// `p` past the spaces that follow it.
pub(super) fn skip_spaces(text: &str, p: usize) -> usize {
    p + (text[p..].len() - text[p..].trim_start_matches(' ').len())
}
