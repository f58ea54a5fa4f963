//! Date, venue and place: the fields read from an event's evidence sentences.

use std::ops::Range;
use std::sync::LazyLock;

use super::text::{is_time_word, skip_spaces};
use super::{FoundVenue, Input};
use crate::entities::{one_edit, Context};
use crate::record::{Precision, TimeKind};

/// The event date within `s`: a day-precision date, not a publication stamp and not an
/// election's voting day; not the day a speaker spoke where the sentence gives another
/// ("Kasat Reskrim … di Samarinda, Kamis (28/8/2025), mengatakan pembunuhan terjadi pada
/// Selasa (26/8/2025) malam").
pub(super) fn event_date(input: &Input, s: &Range<usize>) -> Option<usize> {
    dates_in(input, s)
        .find(|&k| !said_on(input, k))
        .or_else(|| dates_in(input, s).next())
}

/// Whether time `k` is the day of a speech act: a speech cue ("mengatakan", "kata") right
/// after it and a comma.
fn said_on(input: &Input, k: usize) -> bool {
    let ctx = input.ctx;
    let end = input.times[k].range.end;
    let i = ctx.hits.partition_point(|h| h.range.start < end);
    ctx.hits
        .get(i)
        .is_some_and(|h| ctx.text[end..h.range.start].trim() == "," && ctx.term(i, "cue").is_some())
}

/// The day-precision dates of `s` that may date an event ([`event_date`]), in text order.
fn dates_in<'a>(input: &'a Input, s: &Range<usize>) -> impl Iterator<Item = usize> + 'a {
    let is_voting_day = |v: &str| {
        input
            .ctx
            .lex
            .elections
            .iter()
            .any(|e| v.parse::<jiff::civil::Date>().is_ok_and(|d| d == e.date))
    };
    // Times are in text order: start at the first one inside `s`.
    let first = input.times.partition_point(|t| t.range.start < s.start);
    let end = s.end;
    (first..input.times.len())
        .take_while(move |&k| input.times[k].range.start < end)
        .filter(move |&k| {
            let t = &input.times[k];
            t.range.end <= end
                && t.kind() == TimeKind::Date
                && t.precision() == Some(Precision::Day)
                && !t.is_publication()
                && t.value().is_some_and(|v| !is_voting_day(v))
        })
}

/// " di ", the preposition of place.
static DI: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" di "));

/// A venue in sentence `s`.
pub(super) fn venue_in(input: &Input, s: &Range<usize>) -> Option<FoundVenue> {
    let ctx = input.ctx;
    let mut starts: Vec<(usize, bool)> = Vec::new();
    for i in ctx.hits.partition_point(|h| h.range.start < s.start)..ctx.hits.len() {
        let r = &ctx.hits[i].range;
        if r.start >= s.end {
            break;
        }
        if ctx.term(i, "venue").is_some() && ctx.text[r.clone()].starts_with(char::is_uppercase) {
            starts.push((r.start, after_di(ctx, r.start)));
        }
    }
    // A misspelt venue word after "di" ("di Hitel Novotel").
    let mut at = s.start;
    while let Some(n) = DI.find(&ctx.folded.as_bytes()[at..s.end]) {
        let w = at + n + 4;
        let word_end = ctx.text[w..s.end]
            .find(|c: char| !c.is_alphabetic())
            .map_or(s.end, |e| w + e);
        let word = &ctx.text[w..word_end];
        if word.starts_with(char::is_uppercase)
            && word.len() >= 5
            && !starts.iter().any(|(p, _)| *p == w)
            && venue_heads(input).any(|v| one_edit(&ctx.folded[w..word_end], v))
        {
            starts.push((w, true));
        }
        at = w;
    }
    starts.sort_by_key(|&(p, di)| (!di, p));
    let &(start, _) = starts.first()?;
    let end = venue_end(input, start, s.end);
    let place = deepest_place(input, start..end).or_else(|| {
        let rest = &ctx.text[end..s.end];
        let after = rest.strip_prefix(',')?;
        let p = end + 1 + (after.len() - after.trim_start().len());
        let i = ctx.hits.partition_point(|h| h.range.start < p);
        ctx.hits
            .get(i)
            .filter(|h| h.range.start == p)
            .and_then(|_| input.places.by_hit[i])
    });
    Some(FoundVenue {
        range: start..end,
        place,
    })
}

/// The single-word venue heads of the lexicon ("hotel", "gedung" …), folded.
fn venue_heads<'a>(input: &'a Input) -> impl Iterator<Item = &'a str> + 'a {
    input
        .ctx
        .lex
        .term_words("venue")
        .map(|(w, _)| w)
        .filter(|w| w.len() >= 5)
}

/// Whether the words before `pos` are "di" (or "bertempat di", "berlangsung di").
fn after_di(ctx: &Context, pos: usize) -> bool {
    ctx.word_before(pos) == "di"
}

/// Where a venue name that starts at `start` ends: it runs on over capitalized words,
/// Roman numerals, parentheses, numbers after a capitalized word and places, and stops at
/// a comma, a lowercase word, a date or a time word.
fn venue_end(input: &Input, start: usize, limit: usize) -> usize {
    let text = input.ctx.text;
    let mut end = start;
    let mut p = start;
    let mut words = 0;
    while p < limit && words < 9 {
        let q = skip_spaces(text, p);
        if q >= limit {
            break;
        }
        let rest = &text[q..limit];
        if rest.starts_with('(') {
            match rest.find(')').filter(|&c| c < 40) {
                Some(c) => {
                    p = q + c + 1;
                    end = p;
                    continue;
                }
                None => break,
            }
        }
        if input.times.iter().any(|t| t.range.start == q) {
            break;
        }
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '.' || c == '/'))
            .unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches('.');
        if word.is_empty() {
            break;
        }
        let lower = word.to_lowercase();
        let capital = word.starts_with(|c: char| c.is_uppercase());
        let number = words > 0
            && word.starts_with(|c: char| c.is_ascii_digit())
            && (word.bytes().all(|b| b.is_ascii_digit()) || word.contains('/'));
        if !(capital || number) || is_time_word(&lower) || STOP_CAPS.contains(&lower.as_str()) {
            break;
        }
        p = q + word.len();
        end = p;
        words += 1;
    }
    end
}

/// Capitalized words that end a venue name.
const STOP_CAPS: &[&str] = &["yang", "dan", "di", "pada", "dalam", "saat", "untuk"];

/// The most specific place hit inside `r`.
fn deepest_place(input: &Input, r: Range<usize>) -> Option<u32> {
    let ctx = input.ctx;
    let first = ctx.hits.partition_point(|h| h.range.start < r.start);
    (first..ctx.hits.len())
        .take_while(|&i| ctx.hits[i].range.end <= r.end)
        .filter_map(|i| input.places.by_hit[i])
        .max_by_key(|&p| depth(&ctx.lex.places[p as usize].id))
}

/// How deep a place id lies: its number of dots ("64" is 0, "64.72" is 1).
fn depth(id: &str) -> usize {
    id.matches('.').count()
}

/// The first place in `s` written after "di" (or "di Kota", "di Kabupaten" …), not after
/// "di seluruh".
pub(super) fn place_after_di(input: &Input, s: &Range<usize>) -> Option<u32> {
    place_after(
        input,
        s,
        &["kota", "kabupaten", "kab.", "provinsi", "kecamatan", "kec."],
        |b| b.ends_with(" di") || b == "di",
    )
}

/// The first place in `s` after "se-", "se", "tingkat" or "seluruh".
pub(super) fn scoped_place(input: &Input, s: &Range<usize>) -> Option<u32> {
    place_after(input, s, &["provinsi", "kabupaten", "kota"], |b| {
        let word = b.rsplit(' ').next().unwrap_or("");
        matches!(word, "se" | "se-" | "tingkat" | "seluruh") || b.ends_with("se-")
    })
}

/// The first place in `s` whose preceding text (folded, without one of `levels`) passes
/// `before`.
fn place_after(
    input: &Input,
    s: &Range<usize>,
    levels: &[&str],
    before: impl Fn(&str) -> bool,
) -> Option<u32> {
    let ctx = input.ctx;
    let first = ctx.hits.partition_point(|h| h.range.start < s.start);
    (first..ctx.hits.len())
        .take_while(|&i| ctx.hits[i].range.end <= s.end)
        .find_map(|i| {
            let p = input.places.by_hit[i]?;
            let head = ctx.folded[s.start..ctx.hits[i].range.start].trim_end();
            let head = levels
                .iter()
                .find_map(|w| head.strip_suffix(w))
                .unwrap_or(head)
                .trim_end();
            before(head).then_some(p)
        })
}

/// `p`, or, when `p` is a province and the dateline lies inside it ("Hotel X, Kalbar"
/// written in Pontianak), the dateline's regency or city: a province is too coarse to
/// say where a meeting was.
pub(super) fn narrower_dateline(input: &Input, p: u32) -> u32 {
    let lex = input.ctx.lex;
    let outer = &lex.places[p as usize].id;
    let Some(d) = input.places.dateline else {
        return p;
    };
    let inner = &lex.places[d as usize].id;
    if depth(outer) != 0 || !inner.starts_with(&format!("{outer}.")) {
        return p;
    }
    let regency: String = inner.split('.').take(2).collect::<Vec<_>>().join(".");
    lex.place_index(&regency).unwrap_or(d)
}
