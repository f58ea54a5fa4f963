//! Place resolution: one decision per place hit, from the document's own evidence.
//!
//! # Rules, in order
//! 1. A place name must be capitalized in the text ("Batu" the city, not "batu" the stone).
//! 2. A level word right before the name ("Kota", "Kabupaten"/"Kab.", "Kecamatan"/"Kec.",
//!    "Provinsi") keeps only candidates of that level.
//! 3. A district (kecamatan) counts only when written as one ("Kecamatan X", "Kec. X",
//!    or after a district office: "Camat X", "Kapolsek X", "Danramil X") or
//!    when its regency or province is named elsewhere in the article unambiguously; a
//!    district in the dateline also counts when it is the only candidate left.
//! 4. Between several candidates, those whose parent (or child) is named in the article
//!    win, then those in the dateline's region, then regencies/cities over districts.
//! 5. When candidates are still tied, the hit is resolved to their common parent (a
//!    lower-precision place) when they share one, and a warning names the candidates;
//!    without a common parent, the hit is left out with a warning.

use std::collections::HashSet;
use std::ops::Range;

use super::Context;
use crate::gazetteer::Entry;
use crate::lexicon::Lexicons;
use crate::record::Level;

/// Words that make the place after them a district: "Kecamatan X", "Camat X",
/// "Kapolsek X", "Danramil X", "PPK X" …
const DISTRICT_WORDS: &[&str] = &[
    "kecamatan",
    "kec.",
    "kec",
    "camat",
    "kapolsek",
    "polsek",
    "danramil",
    "koramil",
    "forkopimcam",
    "ppk",
    "panwascam",
];

/// The decision for every hit.
#[derive(Clone, Debug, Default)]
pub struct Places {
    /// For hit `i`, the chosen place (index into `lexicons.places`).
    pub by_hit: Vec<Option<u32>>,
    /// The dateline's place, if the dateline names one.
    pub dateline: Option<u32>,
    /// Undecided names.
    pub warnings: Vec<String>,
}

/// Resolves every place hit. `dateline` is the normalized range of the dateline prefix.
pub fn resolve(ctx: &Context, dateline: Option<Range<usize>>) -> Places {
    let lex = ctx.lex;
    let candidates: Vec<Vec<u32>> = (0..ctx.hits.len()).map(|i| candidates(ctx, i)).collect();
    let anchors: HashSet<&str> = candidates
        .iter()
        .filter(|c| c.len() == 1 && lex.places[c[0] as usize].level != Level::Kecamatan)
        .map(|c| lex.places[c[0] as usize].id.as_str())
        .collect();
    let in_dateline = |i: usize| {
        dateline
            .as_ref()
            .is_some_and(|d| d.contains(&ctx.hits[i].range.start))
    };
    let mut out = Places {
        by_hit: vec![None; ctx.hits.len()],
        ..Places::default()
    };
    // The dateline first: it breaks ties for the rest.
    for (i, cands) in candidates
        .iter()
        .enumerate()
        .filter(|(i, _)| in_dateline(*i))
    {
        out.by_hit[i] = choose(ctx, i, cands, &anchors, None, true, &mut out.warnings);
        if out.dateline.is_none() {
            out.dateline = out.by_hit[i];
        }
    }
    let dl = out.dateline;
    for (i, cands) in candidates
        .iter()
        .enumerate()
        .filter(|(i, _)| !in_dateline(*i))
    {
        out.by_hit[i] = choose(ctx, i, cands, &anchors, dl, false, &mut out.warnings);
    }
    out
}

/// Place candidates of hit `i` after rules 1 and 2.
fn candidates(ctx: &Context, i: usize) -> Vec<u32> {
    let all: Vec<u32> = ctx
        .entries(i)
        .iter()
        .filter_map(|e| match e {
            Entry::Place(p) => Some(*p),
            _ => None,
        })
        .collect();
    if all.is_empty()
        || !ctx
            .hit_text(i)
            .starts_with(|c: char| c.is_uppercase() || c.is_numeric())
    {
        return Vec::new();
    }
    let wanted = match ctx.word_before(ctx.hits[i].range.start) {
        "kota" => Some(Level::Kota),
        "kabupaten" | "kab." | "kab" => Some(Level::Kabupaten),
        w if DISTRICT_WORDS.contains(&w) => Some(Level::Kecamatan),
        "provinsi" | "prov." | "propinsi" => Some(Level::Provinsi),
        _ => None,
    };
    let level = |p: &u32| ctx.lex.places[*p as usize].level;
    match wanted {
        Some(l) if all.iter().any(|p| level(p) == l) => {
            all.into_iter().filter(|p| level(p) == l).collect()
        }
        _ => all,
    }
}

/// Rules 3 to 5 for one hit.
fn choose(
    ctx: &Context,
    i: usize,
    cands: &[u32],
    anchors: &HashSet<&str>,
    dateline: Option<u32>,
    is_dateline: bool,
    warnings: &mut Vec<String>,
) -> Option<u32> {
    let lex = ctx.lex;
    if cands.is_empty() {
        return None;
    }
    let explicit = {
        let before = ctx.word_before(ctx.hits[i].range.start);
        let hit = &ctx.folded[ctx.hits[i].range.clone()];
        hit.starts_with("kec") || DISTRICT_WORDS.contains(&before)
    };
    let districts_ok = |p: &u32| {
        let e = &lex.places[*p as usize];
        e.level != Level::Kecamatan || explicit || ancestors(lex, e).any(|a| anchors.contains(a))
    };
    let mut left: Vec<u32> = cands.iter().copied().filter(districts_ok).collect();
    if left.is_empty() && is_dateline && cands.len() == 1 {
        left = cands.to_vec();
    }
    narrow(&mut left, |p| {
        let e = &lex.places[*p as usize];
        ancestors(lex, e).any(|a| anchors.contains(a)) || has_child_in(lex, &e.id, anchors)
    });
    if let Some(d) = dateline.map(|d| &lex.places[d as usize]) {
        narrow(&mut left, |p| {
            let e = &lex.places[*p as usize];
            e.id == d.id
                || ancestors(lex, d).any(|a| a == e.id)
                || ancestors(lex, e).any(|a| a == d.id)
                || e.parent == d.parent
        });
    }
    narrow(&mut left, |p| {
        lex.places[*p as usize].level != Level::Kecamatan
    });
    match left.as_slice() {
        [] => None,
        [one] => Some(*one),
        many => undecided(lex, ctx.hit_text(i), many, warnings),
    }
}

/// Keeps the candidates that pass `keep`, unless none does.
fn narrow(list: &mut Vec<u32>, keep: impl Fn(&u32) -> bool) {
    if list.iter().any(&keep) {
        list.retain(keep);
    }
}

/// Rule 5: the common parent, or nothing; a warning either way.
fn undecided(lex: &Lexicons, name: &str, many: &[u32], warnings: &mut Vec<String>) -> Option<u32> {
    let ids: Vec<String> = many
        .iter()
        .map(|p| {
            let e = &lex.places[*p as usize];
            format!("{} ({})", e.id, e.level.as_str())
        })
        .collect();
    let parent = lex.places[many[0] as usize].parent.as_deref();
    let common = parent.filter(|par| {
        many.iter()
            .all(|p| lex.places[*p as usize].parent.as_deref() == Some(*par))
    });
    let found = common.and_then(|id| lex.places.iter().position(|p| p.id == id));
    let msg = match found {
        Some(p) => format!(
            "ambiguous place '{name}': {}; reported as {}",
            ids.join(", "),
            lex.places[p].id
        ),
        None => format!("ambiguous place '{name}': {}; left out", ids.join(", ")),
    };
    if !warnings.contains(&msg) {
        warnings.push(msg);
    }
    found.map(|p| p as u32)
}

/// The ids of `e`'s parent, grandparent, ... (at most 4 levels).
fn ancestors<'a>(
    lex: &'a Lexicons,
    e: &'a crate::lexicon::PlaceEntry,
) -> impl Iterator<Item = &'a str> {
    let mut next = e.parent.as_deref();
    std::iter::from_fn(move || {
        let id = next?;
        next = lex.place(id).and_then(|p| p.parent.as_deref());
        Some(id)
    })
    .take(4)
}

/// Whether any anchor is a child of `id`.
fn has_child_in(lex: &Lexicons, id: &str, anchors: &HashSet<&str>) -> bool {
    anchors
        .iter()
        .any(|a| lex.place(a).and_then(|p| p.parent.as_deref()) == Some(id))
}
