//! Institution mentions, their jurisdiction and their unit.
//!
//! # Rules
//! * An institution hit may be followed by its other name in parentheses
//!   ("Badan Kesatuan Bangsa dan Politik (Kesbangpol)"): the two form one mention.
//! * The jurisdiction is the place written right after the mention, optionally after a
//!   scope or level word: "KPU Kukar", "Forkopimda se-Kaltim", "Forkopimda tingkat Kaltim",
//!   "Pemerintah Provinsi Kalimantan Timur".
//! * Units: a lexicon unit written after the type word ("Kodam VI/Mulawarman", also when
//!   the numeral is misprinted: the name decides), or a numbered designation
//!   ("Kodim 0908/Bontang": unit "0908/Bontang", jurisdiction Bontang).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::places::Places;
use super::proper::Runs;
use super::{forms, Context};
use crate::gazetteer::Entry;

/// Institution types that carry unit designations.
const UNIT_TYPES: &[&str] = &[
    "kodam", "korem", "kodim", "koramil", "lanal", "lanud", "lantamal", "yonif", "brimob", "polda",
];

/// Words that may stand between an institution (or title) and its jurisdiction.
const LINKS: &[&str] = &[
    "se",
    "tingkat",
    "provinsi",
    "kabupaten",
    "kab.",
    "kota",
    "wilayah",
    "propinsi",
];

/// A numbered unit designation right after the type word: "0908/Bontang", "IV/Mlw", "0908".
static DESIGNATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ ?([0-9]{2,4}|[IVXL]{1,6})(?: ?/ ?(\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*)?))?\b")
        .expect("valid regex")
});

/// The text from `start` up to the first char that no [`DESIGNATION`] contains: ASCII
/// punctuation other than '/' and '_', or a tab or line break. Those chars are not word
/// chars, so the pattern's final `\b` holds there just as at the end of the window:
/// the match is the same as in the whole text, and the regex does not look at the
/// rest of the article.
fn designation_window(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or("");
    let end = rest
        .bytes()
        .position(|b| {
            (b.is_ascii_punctuation() && b != b'/' && b != b'_')
                || matches!(b, b'\t' | b'\n' | b'\r')
        })
        .unwrap_or(rest.len());
    &rest[..end]
}

/// One institution mention, resolved.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Mention {
    /// Institution type id.
    pub kind: String,
    /// What kind of body it is ("ministry", "party" …), when the lexicon says.
    pub category: Option<String>,
    /// For a body found by its form ("Universitas Mulawarman": type `universitas`), a
    /// slug of its name, which tells it apart from other bodies of its type.
    pub label: Option<String>,
    /// Jurisdiction (index into `lexicons.places`).
    pub jurisdiction: Option<u32>,
    /// Unit designation.
    pub unit: Option<String>,
    /// Normalized range of the whole mention ("KPU Kukar").
    pub range: Range<usize>,
}

/// What follows a mention: its jurisdiction, unit and end.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tail {
    /// Jurisdiction (index into `lexicons.places`).
    pub jurisdiction: Option<u32>,
    /// Unit designation.
    pub unit: Option<String>,
    /// Normalized end of the mention with its tail.
    pub end: usize,
    /// Index of the last hit consumed.
    pub last_hit: usize,
}

/// Every institution mention, in text order.
pub fn resolve(ctx: &Context, places: &Places, runs: &Runs) -> Vec<Mention> {
    let named = named_kinds(ctx);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.hits.len() {
        let found = ctx
            .institution(i)
            .filter(|_| capitalized(ctx.hit_text(i)))
            .or_else(|| guarded(ctx, i, &named));
        let Some(k) = found else {
            i += 1;
            continue;
        };
        let entry = &ctx.lex.institutions[k as usize];
        // "Jalan SMA XIV", "Jl. Universitas": a street named after a body.
        if entry.pattern.is_some()
            && super::STREET_WORDS.contains(&ctx.word_before(ctx.hits[i].range.start))
        {
            i += 1;
            continue;
        }
        if let Some(m) = forms::board_of_party(ctx, i) {
            // "DPD Partai Golkar": the board of the party that follows.
            i = m;
            continue;
        }
        let start = forms::board_before(ctx, i, &entry.kind).unwrap_or(ctx.hits[i].range.start);
        let mut mention = Mention {
            kind: entry.kind.clone(),
            category: entry.category.clone(),
            range: start..ctx.hits[i].range.end,
            ..Mention::default()
        };
        let (last, end) = match entry.pattern {
            Some(pattern) => match forms::named(ctx, i, pattern, &mut mention) {
                Some(found) => found,
                None => {
                    i += 1;
                    continue;
                }
            },
            None => {
                let kind = entry.kind.as_str();
                let same = |j: usize| {
                    ctx.institution(j)
                        .is_some_and(|k2| ctx.lex.institutions[k2 as usize].kind == kind)
                };
                twin(ctx, i, same)
            }
        };
        let tail = tail(ctx, places, last, end, &mention.kind);
        mention.jurisdiction = tail.jurisdiction;
        mention.unit = tail.unit;
        mention.range.end = tail.end;
        // A regional office named with no region is the body itself: "Kantor
        // Kementerian Agama, Jakarta" is the ministry.
        if mention.jurisdiction.is_none() {
            if let Some(base) = mention.kind.strip_suffix("-kantor") {
                if let Some(e) = ctx.lex.institution_kind(base) {
                    mention.kind = e.kind.clone();
                    mention.category = e.category.clone();
                }
            }
        }
        out.push(mention);
        i = tail.last_hit + 1;
    }
    forms::tailed(ctx, runs, &mut out);
    forms::led(ctx, runs, &mut out);
    forms::acronyms(ctx, runs, &mut out);
    out
}

/// The institution types the article names by an unambiguous form (for [`guarded`]).
fn named_kinds<'a>(ctx: &Context<'a>) -> Vec<&'a str> {
    let mut kinds: Vec<&str> = (0..ctx.hits.len())
        .filter(|&i| capitalized(ctx.hit_text(i)))
        .filter_map(|i| ctx.institution(i))
        .map(|k| ctx.lex.institutions[k as usize].kind.as_str())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
}

/// An ambiguous short form at hit `i` ("MK", "BI", "PKB") that the article confirms: written
/// exactly as the lexicon has it, and the body named otherwise in the article or one of
/// its `context` words in the sentence.
fn guarded(ctx: &Context, i: usize, named: &[&str]) -> Option<u32> {
    let written = ctx.hit_text(i);
    let mut candidates = ctx.entries(i).iter().filter_map(|e| match e {
        Entry::Guarded(k) => Some(*k),
        _ => None,
    });
    let first = candidates.next()?;
    let sentence = crate::segment::sentence_at(ctx.text, ctx.hits[i].range.start);
    let folded = &ctx.folded[sentence];
    std::iter::once(first).chain(candidates).find(|&k| {
        let e = &ctx.lex.institutions[k as usize];
        e.exact.iter().any(|x| x == written)
            && (named.binary_search(&e.kind.as_str()).is_ok()
                || e.context.iter().any(|w| contains_word(folded, w)))
    })
}

/// Whether `hay` holds `word` between word boundaries.
fn contains_word(hay: &str, word: &str) -> bool {
    use crate::segment::{is_word_end, is_word_start};
    memchr::memmem::find_iter(hay.as_bytes(), word.as_bytes())
        .any(|at| is_word_start(hay, at) && is_word_end(hay, at + word.len()))
}

/// Institution names are proper nouns: "Polres", "KPU", not "polres".
fn capitalized(s: &str) -> bool {
    s.starts_with(|c: char| c.is_uppercase())
}

/// If hit `i` is followed by "(<twin>)" where `is_twin(j)`: the twin's index and the end
/// after ")"; by an acronym in parentheses that no lexicon knows ("Pengadilan Negeri (PN)
/// Pekanbaru"): hit `i` and the end after ")"; else hit `i` and its end.
pub(crate) fn twin(ctx: &Context, i: usize, is_twin: impl Fn(usize) -> bool) -> (usize, usize) {
    let end = ctx.hits[i].range.end;
    if ctx.gap_after(i).is_some_and(|g| g.trim() == "(") && is_twin(i + 1) {
        let after = ctx.hits[i + 1].range.end;
        let rest = &ctx.text[after..];
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.starts_with(')') {
            return (i + 1, after + (rest.len() - trimmed.len()) + 1);
        }
    }
    if let Some(len) = acronym_in_parens(&ctx.text[end..]) {
        let next = ctx.hits.get(i + 1).map_or(usize::MAX, |h| h.range.start);
        if end + len <= next {
            return (i, end + len);
        }
    }
    (i, end)
}

/// The length of " (ACR)" that `rest` opens with, where ACR is an acronym: two to eight
/// capital letters and digits, a capital among them.
pub(crate) fn acronym_in_parens(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix(" (")?;
    let close = inner.find(')')?;
    let acr = &inner[..close];
    let acronym = (2..=8).contains(&acr.len())
        && acr
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && acr.bytes().any(|b| b.is_ascii_uppercase());
    acronym.then_some(2 + close + 1)
}

/// Reads the unit and jurisdiction after hit `last` (ending at `end`) for an
/// institution of type `kind`.
pub(crate) fn tail(ctx: &Context, places: &Places, last: usize, end: usize, kind: &str) -> Tail {
    let mut t = Tail {
        end,
        last_hit: last,
        ..Tail::default()
    };
    if UNIT_TYPES.contains(&kind) {
        unit(ctx, places, kind, &mut t);
    }
    if t.jurisdiction.is_none() {
        jurisdiction(ctx, places, &mut t);
    }
    t
}

/// A unit from the lexicon or a numbered designation.
fn unit(ctx: &Context, places: &Places, kind: &str, t: &mut Tail) {
    let next = t.last_hit + 1;
    let of_kind = ctx.entries(next).iter().find_map(|e| match e {
        Entry::Unit(u) if ctx.lex.units[*u as usize].kind == kind => Some(*u),
        _ => None,
    });
    if let Some(u) = of_kind.map(|u| &ctx.lex.units[u as usize]) {
        let gap = &ctx.text[t.end..ctx.hits[next].range.start];
        if gap.trim().is_empty() || DESIGNATION.is_match(gap) && gap.trim_end().ends_with('/') {
            t.unit = Some(u.unit.clone());
            t.jurisdiction = u
                .jurisdiction
                .as_deref()
                .and_then(|j| ctx.lex.place_index(j));
            t.end = ctx.hits[next].range.end;
            t.last_hit = next;
            return;
        }
    }
    let Some(c) = DESIGNATION.captures(designation_window(ctx.text, t.end)) else {
        return;
    };
    let whole = c.get(0).map_or(0..0, |m| m.range());
    t.unit = Some(
        ctx.text[t.end + whole.start..t.end + whole.end]
            .trim()
            .replace(' ', ""),
    );
    let mut new_end = t.end + whole.end;
    if let Some(name) = c.get(2) {
        let at = t.end + name.start();
        let mut name_end = t.end + name.end();
        let starting_at = |pos: usize| {
            (next..ctx.hits.len())
                .take(4)
                .find(|j| ctx.hits[*j].range.start == pos)
        };
        let is_place = |j: usize| ctx.entries(j).iter().any(|e| matches!(e, Entry::Place(_)));
        if let Some(j) = starting_at(at).filter(|j| is_place(*j)) {
            // The place as the lexicon knows it: "0212/Tapanuli Selatan", "1604/Kupang".
            name_end = ctx.hits[j].range.end;
            t.jurisdiction = places.by_hit[j];
            t.last_hit = j;
        } else if let Some(space) = name.as_str().find(' ') {
            // A second word that is a rank or a title ("Kupang Letkol") is not part
            // of the name.
            let other = |j: usize| {
                ctx.entries(j)
                    .iter()
                    .all(|e| matches!(e, Entry::Term(_) | Entry::Title(_)))
            };
            if starting_at(at + space + 1).is_some_and(other) {
                name_end = at + space;
            }
        }
        t.unit = Some(format!("{}/{}", c[1].trim(), &ctx.text[at..name_end]));
        new_end = name_end;
    }
    t.end = new_end;
}

/// The place written right after the mention (after at most one link word, which may
/// itself be a lexicon hit such as the scope marker "se").
fn jurisdiction(ctx: &Context, places: &Places, t: &mut Tail) {
    let mut next = t.last_hit + 1;
    if ctx
        .hits
        .get(next)
        .is_some_and(|h| LINKS.contains(&ctx.folded[h.range.clone()].trim_end_matches('-')))
    {
        next += 1;
    }
    let Some(h) = ctx.hits.get(next) else { return };
    if h.range.start < t.end {
        return;
    }
    let gap = ctx.folded[t.end..h.range.start].trim_matches(|c: char| c == ' ' || c == '-');
    if !(gap.is_empty() || LINKS.contains(&gap)) {
        return;
    }
    if let Some(p) = places.by_hit[next] {
        t.jurisdiction = Some(p);
        (t.last_hit, t.end) = twin(ctx, next, |j| places.by_hit[j] == Some(p));
    }
}

/// Regional-government agencies: without a place of their own they belong to the
/// regional government named before them in the sentence ("Pemprov Kaltim, melalui
/// Badan Kesbangpol, …" → `kesbangpol@64`).
const AGENCIES: &[&str] = &["kesbangpol", "satpol-pp", "dukcapil"];

/// Regional governments and forums: written bare ("Pemkab", "Forkopimda") they are the
/// one of their type the article names with a place.
const REGIONAL: &[&str] = &[
    "pemprov",
    "pemkab",
    "pemkot",
    "forkopimda",
    "forkopimcam",
    "dprd",
    "kesbangpol",
    "satpol-pp",
];

/// A bare regional government or forum ("Pemkab menyiapkan …") takes the jurisdiction of
/// the one of its type named with a place, when the article names exactly one.
pub fn unify_bare(mentions: &mut [Mention]) {
    // Per regional type: the jurisdiction named, `None` once two differ.
    let mut named: Vec<(String, Option<u32>)> = Vec::new();
    for m in mentions.iter() {
        let Some(j) = m.jurisdiction else { continue };
        if !regional(m) {
            continue;
        }
        match named.iter_mut().find(|(k, _)| *k == m.kind) {
            Some((_, seen)) if *seen != Some(j) => *seen = None,
            Some(_) => {}
            None => named.push((m.kind.clone(), Some(j))),
        }
    }
    for m in mentions.iter_mut().filter(|m| m.jurisdiction.is_none()) {
        if let Some((_, j)) = named.iter().find(|(k, _)| *k == m.kind) {
            m.jurisdiction = *j;
        }
    }
}

/// A unit written right before the body it belongs to takes that body's place:
/// "Brimob Polda Sulteng", "Satreskrim Polres Klaten" (mentions in text order).
pub fn units_of_bodies(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (head, tail) = mentions.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &tail[0]);
        let adjacent = a.range.end <= b.range.start
            && text[a.range.end..b.range.start].bytes().all(|c| c == b' ');
        let unit_like = matches!(a.category.as_deref(), Some("police" | "military"));
        if adjacent && unit_like && a.jurisdiction.is_none() && b.jurisdiction.is_some() {
            a.jurisdiction = b.jurisdiction;
        }
    }
}

/// Whether a bare mention of `m`'s type is the one of its type that the article names
/// with a place: regional governments, forums, agencies and courts.
fn regional(m: &Mention) -> bool {
    REGIONAL.contains(&m.kind.as_str())
        || matches!(m.category.as_deref(), Some("regional-agency" | "court"))
}

/// Fills missing jurisdictions from the document (mentions sorted by start):
/// * a bare title's institution ("Kapolres mengatakan") is the one of the same type named
///   before with a place ("Kapolres Bontang …") — `implied[i]` marks title mentions;
/// * an agency takes the place of the regional government named before it in the sentence.
pub fn inherit(text: &str, mentions: &mut [Mention], implied: &[bool]) {
    // The jurisdiction of the last mention of each type that had one: one pass.
    let mut last: Vec<(String, u32)> = Vec::new();
    for i in 0..mentions.len() {
        if mentions[i].jurisdiction.is_none() {
            let kind = mentions[i].kind.as_str();
            let found = if implied[i] {
                last.iter().find(|(k, _)| k == kind).map(|(_, j)| *j)
            } else if AGENCIES.contains(&kind) {
                let start = mentions[i].range.start;
                let sentence = text[..start].rfind(['.', '\n']).map_or(0, |p| p + 1);
                mentions[..i]
                    .iter()
                    .rev()
                    .take_while(|m| m.range.start >= sentence)
                    .find(|m| {
                        matches!(m.kind.as_str(), "pemprov" | "pemkab" | "pemkot")
                            && m.jurisdiction.is_some()
                    })
                    .and_then(|m| m.jurisdiction)
            } else {
                None
            };
            mentions[i].jurisdiction = found;
        }
        if let Some(j) = mentions[i].jurisdiction {
            match last.iter_mut().find(|(k, _)| *k == mentions[i].kind) {
                Some(slot) => slot.1 = j,
                None => last.push((mentions[i].kind.clone(), j)),
            }
        }
    }
}
