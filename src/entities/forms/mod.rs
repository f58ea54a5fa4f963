//! Institutions found by their form rather than by a full name in the lexicon.
//!
//! * A head word of the lexicon with a `pattern` ("Dinas", "Universitas", "Partai", "PT")
//!   takes the capitalized name after it: "Dinas Perikanan" → `dinas-perikanan`
//!   (pattern `compose`), "Universitas Mulawarman" → type `universitas`, label
//!   `universitas-mulawarman` (pattern `named`). A place right after the name is its
//!   jurisdiction, not part of it ("Dinas Perikanan Kabupaten Berau").
//! * A party's board: "DPD Partai Golkar", "DPW PKB", "DPC PDIP" are the party (its
//!   jurisdiction, from the place after it, tells the level).
//! * A name that ends with a word of the `org-tail` class ("Hamburger SV", "Valencia
//!   CF", "Peace TV", "Warner Bros") is a body of that class's type (`klub`, `media`,
//!   `perusahaan`, `kelompok-musik`), labelled with its name.
//!   A school's name may begin with its number and ends with the place after it ("SMA 3
//!   Soe", "SMP Negeri 1 Sukamaju"): what follows is no longer the name ("Kepala SMPN 1
//!   Plaosan Prayitno"). A head word right after a street word names a street ("Jalan SMA
//!   XIV").
//! * An acronym defined after a body, in parentheses or after "atau" ("Sekolah Tinggi
//!   Kesejahteraan Sosial (STKS)", "Partai Indonesia Baru atau PIB"), names that body
//!   wherever it is written again ("STKS").

use std::ops::Range;

use super::institutions::Mention;
use super::proper::{Runs, Shape};
use super::Context;
use crate::gazetteer::Entry;
use crate::lexicon::NamePattern;

mod led;
pub(super) use led::led;

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
    "kecamatan",
    "kec",
    "kec.",
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
    // In a list ("…, Yayasan Bina Insani dan Persija FC") "dan" ends the list, not a name.
    let in_list = text[..ctx.hits[i].range.start].trim_end().ends_with(',');
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
            // A place inside the name, not at its end ("Partai Indonesia Baru"), or the
            // whole name of a body named after its place ("Universitas Semarang").
            let place = ctx
                .entries(next_hit)
                .iter()
                .any(|e| matches!(e, Entry::Place(_)));
            let end = h.range.end;
            let more = text[end..].starts_with(' ')
                && text[end + 1..].starts_with(|c: char| c.is_uppercase())
                && !LINKS.contains(&crate::entities::proper_word(ctx.folded, end + 1));
            // And the place a school's number is followed by: "SMP Negeri 1 Sukamaju".
            let after_number = pattern == NamePattern::Named
                && out.last().is_some_and(|r| is_number(&text[r.clone()]));
            if place && (more || after_number || (out.is_empty() && pattern == NamePattern::Named))
            {
                out.push(q..end);
                p = end;
                continue;
            }
            let stop = ctx.entries(next_hit).iter().any(|e| match e {
                Entry::Place(_) | Entry::Title(_) | Entry::Event(_) | Entry::Election(_) => true,
                // Another body's head word begins another name ("… dan Partai X").
                Entry::Institution(k) | Entry::Guarded(k) => {
                    pattern == NamePattern::Compose
                        || ctx.lex.institutions[*k as usize].pattern.is_some()
                }
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
                continue;
            }
        }
        let first = word.chars().next().unwrap_or(' ');
        // A number may begin a body's own name ("SMA 3 Soe", "Universitas 17 Agustus").
        let number_ok = !out.is_empty() || (pattern == NamePattern::Named && len <= 3);
        let number = is_number(word);
        // After a number, one word more at most (its place: "SMPN 1 Plaosan"), or
        // another number: what follows is someone's name ("Kepala SMPN 1 Plaosan
        // Prayitno").
        if !number && words_past_number(text, &out) >= 1 {
            break;
        }
        if first.is_uppercase() || (first.is_ascii_digit() && number_ok) {
            out.push(q..q + len);
        } else if folded == "dan" && in_list {
            break;
        } else if matches!(folded, "dan" | "of" | "&" | "de") && !out.is_empty() {
            // A link inside the name ("Pendidikan dan Kebudayaan"): the name goes on if a
            // capitalized word follows (a link with none after it was never pushed).
        } else {
            break;
        }
        p = q + len;
    }
    out
}

/// Bodies named by a tail word: the capitalized words of a run before a word of the
/// `org-tail` class (at most four), where no other mention stands.
pub(super) fn tailed(ctx: &Context, runs: &Runs, out: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for run in runs.runs() {
        for k in run.clone().skip(1) {
            let w = &runs.words[k];
            let folded = &ctx.folded[w.range.clone()];
            let Some(kind) = org_tail(ctx, folded) else {
                continue;
            };
            let first = k.saturating_sub(4).max(run.start);
            let mut start = k;
            while start > first && runs.words[start - 1].shape != Shape::Particle {
                start -= 1;
            }
            let range = runs.words[start].range.start..w.range.end;
            let taken = out
                .iter()
                .any(|m| m.range.start < range.end && range.start < m.range.end);
            if start == k || taken {
                continue;
            }
            found.push(named_body(ctx, kind, range));
        }
    }
    merge(out, found);
}

/// A body of type `kind` found by its form, labelled with its name at `range`.
fn named_body(ctx: &Context, kind: &str, range: Range<usize>) -> Mention {
    Mention {
        kind: kind.to_string(),
        category: ctx.lex.category_of(kind).map(str::to_string),
        label: Some(crate::extract::slug(&ctx.text[range.clone()])),
        range,
        ..Mention::default()
    }
}

/// Adds `found` to the mentions `out`, kept in text order.
fn merge(out: &mut Vec<Mention>, found: Vec<Mention>) {
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|m| m.range.start);
    }
}

/// The type of the `org-tail` term that a folded word is, if any.
fn org_tail<'a>(ctx: &Context<'a>, folded: &str) -> Option<&'a str> {
    let t = ctx.lex.closed(folded).org_tail?;
    Some(ctx.lex.terms[t as usize].value.as_str())
}

/// Whether `word` is a Roman numeral of a school or a unit ("I", "IV", "XIV").
fn is_roman(word: &str) -> bool {
    (1..=5).contains(&word.len()) && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Whether a name word is a number: digits or a Roman numeral ("1", "07", "XIV").
fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) || is_roman(word)
}

/// How many of the name words `out` come after its last number (0 when none is a number).
fn words_past_number(text: &str, out: &[Range<usize>]) -> usize {
    match out.iter().rposition(|r| is_number(&text[r.clone()])) {
        Some(k) => out.len() - 1 - k,
        None => 0,
    }
}

/// The acronym that `rest` (the text right after a body's name) defines for it, if any:
/// in parentheses ("(STKS)", "( STKS )") or after "atau" ("atau PIB", "atau yang biasa
/// disingkat GP Ansor" gives none: one word only).
fn acronym_after(rest: &str) -> Option<&str> {
    if let Some(inner) = rest.strip_prefix(" (") {
        let inner = &inner[..inner.find(')')?];
        return Some(inner.trim_matches(' '));
    }
    let mut after = rest.strip_prefix(" atau ")?;
    for lead in [
        "yang ",
        "biasa ",
        "sering ",
        "lebih ",
        "dikenal ",
        "disingkat ",
        "dengan ",
    ] {
        after = after.strip_prefix(lead).unwrap_or(after);
    }
    let len = after
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after.len());
    // One word, and nothing of a longer name after it.
    let next = after[len..].chars().nth(1);
    (!next.is_some_and(char::is_uppercase)).then_some(&after[..len])
}

/// Acronyms defined after a body ("… (STKS)", "… atau PIB") name it again where they
/// are written alone in capitals.
pub(super) fn acronyms(ctx: &Context, runs: &Runs, out: &mut Vec<Mention>) {
    let text = ctx.text;
    let mut defined: Vec<(&str, usize)> = Vec::new();
    for (k, m) in out.iter().enumerate() {
        // After the mention, or inside it before its place ("Pengadilan Negeri (PN)
        // Pekanbaru").
        let inside = text[m.range.clone()].find(" (").and_then(|at| {
            let rest = &text[m.range.start + at..m.range.end];
            let len = super::institutions::acronym_in_parens(rest)?;
            Some(rest[2..len - 1].trim())
        });
        let Some(acr) = inside.or_else(|| acronym_after(&text[m.range.end..])) else {
            continue;
        };
        let upper = (2..=8).contains(&acr.len())
            && acr
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && acr.bytes().any(|b| b.is_ascii_uppercase());
        if upper {
            defined.push((acr, k));
        }
    }
    if defined.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for w in runs.words.iter().filter(|w| w.shape == Shape::Upper) {
        let written = &text[w.range.clone()];
        let Some(&(_, k)) = defined.iter().find(|(a, _)| *a == written) else {
            continue;
        };
        let taken = out
            .iter()
            .any(|m| m.range.start < w.range.end && w.range.start < m.range.end);
        if !taken {
            let m = &out[k];
            found.push(Mention {
                range: w.range.clone(),
                unit: None,
                ..m.clone()
            });
        }
    }
    merge(out, found);
}
