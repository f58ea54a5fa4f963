//! Institutions found by their form rather than by a full name in the lexicon.
//!
//! * A head word of the lexicon with a `pattern` ("Dinas", "Universitas", "Partai", "PT")
//!   takes the capitalized name after it: "Dinas Perikanan" → `dinas-perikanan`
//!   (pattern `compose`), "Universitas Mulawarman" → type `universitas`, label
//!   `universitas-mulawarman` (pattern `named`). A place right after the name is its
//!   jurisdiction, not part of it ("Dinas Perikanan Kabupaten Berau").
//! * A party's board: "DPD Partai Golkar", "DPW PKB", "DPC PDIP" are the party (its
//!   jurisdiction, from the place after it, tells the level).

use std::ops::Range;

use super::institutions::Mention;
use super::Context;
use crate::gazetteer::Entry;
use crate::lexicon::NamePattern;

/// Board words of a party ("DPD Partai Golkar Kaltim").
const BOARDS: &[&str] = &[
    "dpd", "dpw", "dpc", "dpp", "pac", "dpac", "dprt", "pw", "pc",
];

/// Level and scope words that end a name: the jurisdiction follows them.
const LINKS: &[&str] = &[
    "provinsi",
    "kabupaten",
    "kota",
    "kab",
    "kab.",
    "prov",
    "prov.",
    "se",
    "wilayah",
];

/// When hit `i` is a board word before a party ("DPD Partai Golkar"): the party's hit.
pub(super) fn board_of_party(ctx: &Context, i: usize) -> Option<usize> {
    let word = ctx.folded[ctx.hits[i].range.clone()].trim_end_matches('.');
    if !BOARDS.contains(&word) {
        return None;
    }
    let j = i + 1;
    let gap = ctx.gap_after(i)?;
    let gap_ok = gap.bytes().all(|b| b == b' ') && !gap.is_empty();
    (gap_ok && is_party(ctx, j)).then_some(j)
}

/// Whether hit `j` is a party (or the head word "Partai").
fn is_party(ctx: &Context, j: usize) -> bool {
    ctx.entries(j).iter().any(|e| match e {
        Entry::Institution(k) | Entry::Guarded(k) => {
            ctx.lex.institutions[*k as usize].kind.starts_with("partai")
        }
        _ => false,
    })
}

/// The start of a board word written right before party hit `i` ("DPW PKB").
pub(super) fn board_before(ctx: &Context, i: usize, kind: &str) -> Option<usize> {
    if !kind.starts_with("partai") {
        return None;
    }
    let start = ctx.hits[i].range.start;
    let word = ctx.word_before(start);
    if !BOARDS.contains(&word.trim_end_matches('.')) {
        return None;
    }
    let head = ctx.folded[..start].trim_end_matches(' ');
    let at = head.len() - word.len();
    let gap = &ctx.text[head.len()..start];
    // Written in capitals, one space before the party.
    let written = &ctx.text[at..head.len()];
    (gap == " " && written.chars().all(|c| c.is_uppercase() || c == '.')).then_some(at)
}

/// Reads the name after head hit `i` into `mention` (type, label, range end): the hit
/// index of the last hit inside and the name's end, or `None` when no name follows.
pub(super) fn named(
    ctx: &Context,
    i: usize,
    pattern: NamePattern,
    mention: &mut Mention,
) -> Option<(usize, usize)> {
    let head = ctx.hits[i].range.clone();
    let words = name_words(ctx, i, pattern);
    let last = words.last()?.clone();
    let mut end = last.end;
    // "(Persero)", "Tbk" after a company's name.
    let rest = &ctx.text[end..];
    for tail in [
        " (Persero)",
        " Tbk.",
        " Tbk",
        ", Tbk.",
        ", Tbk",
        " (Perseroda)",
    ] {
        if rest.starts_with(tail) {
            end += tail.len();
            break;
        }
    }
    let slug_of = |r: Range<usize>| crate::extract::slug(&ctx.text[r]);
    match pattern {
        NamePattern::Compose => {
            mention.kind = format!("{}-{}", mention.kind, slug_of(words[0].start..last.end));
        }
        NamePattern::Named => {
            mention.label = Some(slug_of(head.start..last.end));
        }
    }
    mention.range.end = end;
    let last_hit = ctx
        .hits
        .partition_point(|h| h.range.start < end)
        .saturating_sub(1)
        .max(i);
    Some((last_hit, end))
}

/// The words of the name after head hit `i`: capitalized words, numbers (for schools:
/// "SMA Negeri 1"), and "dan"/"&"/"of" between two of them; up to a line end, a mark,
/// a level word or a place.
fn name_words(ctx: &Context, i: usize, pattern: NamePattern) -> Vec<Range<usize>> {
    let text = ctx.text;
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut p = ctx.hits[i].range.end;
    let mut next_hit = i + 1;
    let mut pending_link = false;
    while out.len() < 8 {
        if !text[p..].starts_with(' ') {
            break;
        }
        let q = p + 1;
        let len = text[q..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .unwrap_or(text.len() - q);
        if len == 0 {
            break;
        }
        let word = &text[q..q + len];
        let folded = &ctx.folded[q..q + len];
        while next_hit < ctx.hits.len() && ctx.hits[next_hit].range.start < q {
            next_hit += 1;
        }
        let hit = ctx.hits.get(next_hit).filter(|h| h.range.start == q);
        if LINKS.contains(&folded) {
            break;
        }
        if let Some(h) = hit {
            let stop = ctx.entries(next_hit).iter().any(|e| match e {
                Entry::Place(_) | Entry::Title(_) | Entry::Event(_) | Entry::Election(_) => true,
                Entry::Institution(_) | Entry::Guarded(_) => pattern == NamePattern::Compose,
                Entry::Term(_) => !ctx.honorific(next_hit),
                _ => false,
            });
            if stop {
                break;
            }
            // A lexicon name inside the name ("Universitas Muhammadiyah …").
            if h.range.end > q + len && text[h.range.clone()].starts_with(char::is_uppercase) {
                out.push(q..h.range.end);
                p = h.range.end;
                pending_link = false;
                continue;
            }
        }
        let first = word.chars().next().unwrap_or(' ');
        if first.is_uppercase() || (first.is_ascii_digit() && !out.is_empty()) {
            out.push(q..q + len);
            pending_link = false;
        } else if matches!(folded, "dan" | "of" | "&" | "de") && !out.is_empty() {
            pending_link = true;
        } else {
            break;
        }
        p = q + len;
    }
    if pending_link {
        // A link word with no name after it is not part of the name.
    }
    out
}
