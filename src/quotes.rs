//! Quotations and their attribution cues, over normalized text.
//!
//! # Grammar
//! * In normalized text every double quote mark is `"`. A mark opens a quote when it
//!   stands at a paragraph start or after a space or `(`/`:`/`,`; it closes one when the
//!   next char is not a letter or digit. Marks pair in order within a paragraph; an opening
//!   mark left unpaired at a paragraph end continues into the next paragraph when that one
//!   starts with a mark (the press convention for quotes across paragraphs), and is dropped
//!   otherwise.
//! * A quote shorter than three words is a term in quotes ("Jurdil"), not a quotation.
//! * The **cue** after a quote: up to two words right after the closing mark and an
//!   optional comma ("ujarnya", "kata Isran", "demikian ujarnya"); before a quote: the
//!   words from the last comma or colon before the opening mark back to the sentence
//!   start ("Sekda Kaltim Sri Wahyuni menjelaskan, "…"").

use std::ops::Range;

/// A quotation found in normalized text.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteHit {
    /// The words inside the marks (normalized range).
    pub inner: Range<usize>,
    /// The attribution words after the closing mark, if any ("ujarnya", "kata Isran").
    pub cue_after: Option<Range<usize>>,
    /// The clause before the opening mark that introduces it ("Sri menjelaskan,"), if any.
    pub lead_in: Option<Range<usize>>,
}

/// Finds quotations in normalized text.
pub fn scan(text: &str) -> Vec<QuoteHit> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = text.as_bytes();
    // Only quote marks matter, and newlines while a quote is open.
    let mut from = 0;
    loop {
        let rest = bytes.get(from..).unwrap_or_default();
        let found = match open {
            Some(_) => memchr::memchr2(b'\n', b'"', rest),
            None => memchr::memchr(b'"', rest),
        };
        let Some(i) = found.map(|k| from + k) else {
            break;
        };
        from = i + 1;
        match bytes[i] {
            b'\n' => {
                let next_starts_with_mark = bytes.get(i + 1) == Some(&b'"');
                if !next_starts_with_mark {
                    // A mark left open: the quote ends with its paragraph, unless
                    // other marks stand in it (stray marks, not a quote).
                    if let Some(start) = open.take() {
                        push_open(text, start..i, &mut out);
                    }
                }
            }
            b'"' => match open {
                None if opens(text, i) => open = Some(i + 1),
                Some(start) if closes(text, i) => {
                    open = None;
                    push(text, start..i, &mut out);
                }
                _ => {}
            },
            _ => {}
        }
    }
    if let Some(start) = open {
        push_open(text, start..text.len(), &mut out);
    }
    out
}

fn opens(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    before.is_none_or(|c| c == ' ' || c == '\n' || c == '(' || c == ':' || c == ',')
        && after.is_some_and(|c| !c.is_whitespace())
}

/// A mark closes a quote when no word follows it directly, or when the quote's own
/// punctuation comes right before it (`aman,"Tambahnya`: the cue glued to the mark).
fn closes(text: &str, i: usize) -> bool {
    let glued_cue = text[..i].ends_with([',', '.', '!', '?']);
    glued_cue
        || text[i + 1..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// A quote whose mark was never closed, up to the end of its paragraph: kept only when no
/// other mark stands in it.
fn push_open(text: &str, inner: Range<usize>, out: &mut Vec<QuoteHit>) {
    if !text[inner.clone()].contains('"') {
        push(text, inner, out);
    }
}

fn push(text: &str, inner: Range<usize>, out: &mut Vec<QuoteHit>) {
    let body = &text[inner.clone()];
    let trimmed_end = body.trim_end_matches([',', ' ', '\n']).len();
    let inner = inner.start..inner.start + trimmed_end;
    let inner_text = &text[inner.clone()];
    if !has_words(inner_text, 3) {
        return;
    }
    let cue_after = cue_after(text, inner.end);
    let lead_in = lead_in(text, inner.start.saturating_sub(1));
    out.push(QuoteHit {
        inner,
        cue_after,
        lead_in,
    });
}

/// True when `s` has at least `n` words separated by whitespace (as `split_whitespace`
/// counts them); reads no further than the first byte of the `n`th word.
fn has_words(s: &str, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&c) = s.as_bytes().get(i) {
        let (space, len) = if c.is_ascii() {
            (matches!(c, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let ch = s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            (ch.is_whitespace(), ch.len_utf8())
        };
        if !space && !in_word {
            words += 1;
            if words >= n {
                return true;
            }
        }
        in_word = !space;
        i += len;
    }
    false
}

/// Up to three words after the closing mark (skipping `,` and spaces), on the same line;
/// a short capitalized abbreviation keeps its dot and does not count ("harap Dr. Budi
/// Santoso").
fn cue_after(text: &str, inner_end: usize) -> Option<Range<usize>> {
    // The closing mark is right after the (trimmed) inner range; a quote left open has
    // none, and no cue.
    let near = text.as_bytes().get(inner_end..).unwrap_or_default();
    let close = inner_end + near.iter().take(5).position(|&c| c == b'"')? + 1;
    let rest = &text[close..];
    let line = rest; // the loop below stops at the line end: no search to it (linear)
    let lead = line.len() - line.trim_start_matches([',', ' ']).len();
    let mut end = lead;
    let mut words = 0;
    let mut word_start = lead;
    for (i, c) in line[lead..].char_indices() {
        let at = lead + i;
        if c == ' ' {
            if !line[..at].ends_with('.') {
                words += 1;
            }
            if words == 3 {
                break;
            }
            word_start = at + 1;
        } else if c == '.' {
            let word = &line[word_start..at];
            let abbreviation = (1..=4).contains(&word.len())
                && word.starts_with(|c: char| c.is_uppercase())
                && line[at + 1..].starts_with(' ');
            if !abbreviation {
                break;
            }
        } else if !(c.is_alphanumeric() || c == '\'' || c == '-') {
            break;
        }
        end = at + c.len_utf8();
    }
    let cue = line[lead..end].trim_end();
    (!cue.is_empty()).then(|| close + lead..close + lead + cue.len())
}

/// The clause before an opening mark at `mark` that ends in `,` or `:`.
fn lead_in(text: &str, mark: usize) -> Option<Range<usize>> {
    let head = text[..mark].trim_end();
    if !(head.ends_with(',') || head.ends_with(':')) {
        return None;
    }
    let head = &head[..head.len() - 1];
    let start = memchr::memrchr3(b'.', b'\n', b'"', head.as_bytes()).map_or(0, |p| p + 1);
    let clause = &head[start..];
    let lead = clause.len() - clause.trim_start().len();
    (!clause.trim().is_empty()).then(|| start + lead..head.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<(String, Option<String>)> {
        scan(t)
            .into_iter()
            .map(|q| {
                (
                    t[q.inner].to_string(),
                    q.cue_after.map(|c| t[c].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn quotes_and_cues() {
        let t = "Camat hadir. \"Kami siap menjaga desa ini,\" ujarnya.\n\"Semua harus netral dan jujur,\" kata Budi Santoso kemudian.";
        assert_eq!(
            texts(t),
            [
                (
                    "Kami siap menjaga desa ini".to_string(),
                    Some("ujarnya".to_string())
                ),
                (
                    "Semua harus netral dan jujur".to_string(),
                    Some("kata Budi Santoso".to_string())
                ),
            ]
        );
    }

    #[test]
    fn short_terms_are_not_quotes() {
        assert!(texts("Asas \"Luber\" dan \"Jurdil\" dijaga.").is_empty());
        assert!(texts("Ia menyebut \"asal jadi\nParagraf baru.").is_empty());
    }

    #[test]
    fn a_quote_left_open_ends_with_its_paragraph() {
        let t = "Ia berkata \"tanpa penutup sama sekali di sini.\nParagraf baru.";
        assert_eq!(
            texts(t),
            [("tanpa penutup sama sekali di sini.".to_string(), None)]
        );
        let t = "Lalu \"kalimat terakhir tanpa tanda tutup";
        assert_eq!(
            texts(t),
            [("kalimat terakhir tanpa tanda tutup".to_string(), None)]
        );
    }

    #[test]
    fn glued_cues_and_abbreviations_in_cues() {
        let t = "\"Jalan sudah aman kembali,\"Tambahnya.\n\"Jangan ada yang lengah,\" harap Dr. Budi Santoso.";
        assert_eq!(
            texts(t),
            [
                (
                    "Jalan sudah aman kembali".to_string(),
                    Some("Tambahnya".to_string())
                ),
                (
                    "Jangan ada yang lengah".to_string(),
                    Some("harap Dr. Budi Santoso".to_string())
                ),
            ]
        );
    }

    #[test]
    fn word_counts_agree_with_split_whitespace() {
        for s in [
            "",
            " ",
            "satu",
            "satu dua",
            " satu\tdua\ntiga ",
            "satu\u{a0}dua\u{2009}tiga",
            "é è\u{3000}ü",
            "a  b",
            "\u{85}x y z",
        ] {
            for n in 1..5 {
                let expect = s.split_whitespace().count() >= n;
                assert_eq!(has_words(s, n), expect, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn lead_in_clause() {
        let t = "Sekda Budi menjelaskan, \"Rapat digelar setiap pekan di kantor.\"";
        let q = &scan(t)[0];
        assert_eq!(&t[q.lead_in.clone().unwrap()], "Sekda Budi menjelaskan");
        assert_eq!(q.cue_after, None);
    }
}
