//! Elections: the election an event name, a sentence or the article names, with its year.

use std::ops::Range;

use super::text::line_end;
use super::Input;
use crate::gazetteer::Entry;

/// The election named at hit `h` (an election word, then parentheses, "Serentak",
/// "Tahun" and a year), with the next one of its kind at the reference date when no
/// year is written.
pub(super) fn election_at(input: &Input, h: usize) -> Option<(String, i32)> {
    let ctx = input.ctx;
    for e in ctx.entries(h) {
        if let Entry::Election(k) = e {
            let e = &ctx.lex.elections[*k as usize];
            return Some((e.kind.clone(), i32::from(e.year)));
        }
    }
    let kind = ctx.term(h, "election")?.to_string();
    election_year(input, kind, ctx.hits[h].range.end)
}

/// The year written after an election word ending at `end` (past parentheses,
/// "Serentak", "Tahun" …), else the next election of `kind` at the reference date.
fn election_year(input: &Input, kind: String, end: usize) -> Option<(String, i32)> {
    let ctx = input.ctx;
    let text = ctx.text;
    let limit = line_end(text, end, 60);
    let mut year = None;
    for (n, word) in text[end..limit]
        .split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
        if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            year = w.parse::<i32>().ok().filter(|y| (1950..=2100).contains(y));
            break;
        }
        let lower = w.to_lowercase();
        let carries = matches!(
            lower.as_str(),
            "serentak" | "tahun" | "nasional" | "lanjutan" | "ulang"
        ) || word.starts_with('(');
        if !carries || n > 4 || word.ends_with([',', '.']) {
            break;
        }
    }
    let year = year.or_else(|| {
        let reference = input.reference?;
        ctx.lex
            .elections
            .iter()
            .filter(|e| {
                e.kind == kind && e.date >= reference.saturating_sub(jiff::Span::new().days(120))
            })
            .min_by_key(|e| e.date)
            .map(|e| i32::from(e.year))
    })?;
    Some((kind, year))
}

/// An election word inside hit `h` ("Desk Pilkada" → pilkada), with its year read after
/// the hit or the next one of its kind at the reference date.
pub(super) fn election_in_words(input: &Input, h: usize) -> Option<(String, i32)> {
    let ctx = input.ctx;
    let folded = &ctx.folded[ctx.hits[h].range.clone()];
    let kind = ctx
        .lex
        .term_words("election")
        .find(|(a, _)| folded.split(' ').any(|w| w == *a))?
        .1
        .value
        .clone();
    election_year(input, kind, ctx.hits[h].range.end)
}

/// The first election named in `s`.
pub(super) fn election_in(input: &Input, s: &Range<usize>) -> Option<(String, i32)> {
    let ctx = input.ctx;
    let first = ctx.hits.partition_point(|h| h.range.start < s.start);
    (first..ctx.hits.len())
        .take_while(|&i| ctx.hits[i].range.end <= s.end)
        .find_map(|i| election_at(input, i))
}

/// The election the article names most often, when one is named more often than any
/// other.
pub(super) fn dominant_election(input: &Input) -> Option<(String, i32)> {
    let mut counts: Vec<((String, i32), usize)> = Vec::new();
    for i in 0..input.ctx.hits.len() {
        if let Some(e) = election_at(input, i) {
            match counts.iter_mut().find(|(k, _)| *k == e) {
                Some((_, n)) => *n += 1,
                None => counts.push((e, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(e, _)] => Some(e.clone()),
        [(e, a), (_, b), ..] if a > b => Some(e.clone()),
        _ => None,
    }
}
