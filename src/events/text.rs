//! Small readers of the text every step shares: quotations, lines, spaces and time words.

use crate::quotes::QuoteHit;

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
