//! The chair: who opened, led or chaired an event, read around the cue, and the office named.

use std::ops::Range;

use super::text::in_quote;
use super::Input;

/// Who chaired, from sentence `s`: the person named, and the jurisdiction of the office
/// the cue names (known even when the office holder is not named: "dibuka oleh Bupati
/// Berau").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Chair {
    pub(super) person: Option<usize>,
    pub(super) office: Option<u32>,
}

/// The chair named in sentence `s`.
pub(super) fn chair_in(input: &Input, s: &Range<usize>) -> Option<Chair> {
    let ctx = input.ctx;
    let first = ctx.hits.partition_point(|h| h.range.start < s.start);
    for i in (first..ctx.hits.len()).take_while(|&i| ctx.hits[i].range.end <= s.end) {
        if ctx.term(i, "chair").is_none() || in_quote(input.quotes, ctx.hits[i].range.start) {
            continue;
        }
        let cue = ctx.hits[i].range.clone();
        let passive = ctx.folded[cue.clone()].starts_with("di");
        let chair = if passive {
            Chair {
                person: first_mention_after(input, cue.end, s.end),
                office: office_where(input, |r| r.start >= cue.end && r.start <= cue.end + 20),
            }
        } else {
            Chair {
                person: subject_before(input, s.start, cue.start),
                office: office_where(input, |r| {
                    r.start >= s.start && r.end <= cue.start && r.end + 40 >= cue.start
                }),
            }
        };
        if chair.person.is_some() || chair.office.is_some() {
            return Some(chair);
        }
    }
    None
}

/// The jurisdiction of an office (an unnamed title, or an institution a title implies)
/// whose range passes `at`.
fn office_where(input: &Input, at: impl Fn(&Range<usize>) -> bool) -> Option<u32> {
    input
        .offices
        .iter()
        .filter(|o| at(&o.range))
        .find_map(|o| o.role.jurisdiction)
        .or_else(|| {
            input
                .institutions
                .iter()
                .filter(|m| at(&m.range))
                .find_map(|m| m.jurisdiction)
        })
}

/// The first person named within 100 bytes after `pos`, before `limit`.
fn first_mention_after(input: &Input, pos: usize, limit: usize) -> Option<usize> {
    input
        .people
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.mentions.iter().map(move |m| (m.start, k)))
        .filter(|&(start, _)| start >= pos && start < limit.min(pos + 100))
        .min()
        .map(|(_, k)| k)
}

/// The subject of a verb at `verb`: the person named last before it in the sentence, or
/// the one before that when the last follows "bersama", "didampingi", "dan" or "serta".
fn subject_before(input: &Input, sentence: usize, verb: usize) -> Option<usize> {
    let mut named: Vec<(Range<usize>, usize)> = input
        .people
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.mentions.iter().map(move |m| (m.clone(), k)))
        .filter(|(m, _)| m.start >= sentence && m.end <= verb)
        .collect();
    named.sort_by_key(|(m, _)| m.start);
    let (last, k) = named.pop()?;
    if let Some((prev, j)) = named.last() {
        // Mentions may overlap (an office and the name inside it): nothing between them.
        let between = input.ctx.folded.get(prev.end..last.start).unwrap_or("");
        let companion = between
            .split([' ', ','])
            .any(|w| matches!(w, "bersama" | "didampingi" | "dan" | "serta"));
        if companion {
            return Some(*j);
        }
    }
    Some(k)
}
