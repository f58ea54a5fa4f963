//! Groups: the unnamed collective actors of an article ("ratusan mahasiswa", "warga Desa
//! Sukamaju", "KKB"), from the gazetteer's hits of the `groups` lexicon.
//!
//! A hit is a group unless a singular determiner stands right before it ("seorang warga",
//! "salah satu mahasiswa": one person's description, which the names stage reads). The
//! group's name is its longest mention: with the quantity before it ("ratusan", "500",
//! "sejumlah", "para") and the body or place right after it ("mahasiswa Universitas
//! Cenderawasih", "warga Kecamatan Medan Johor", "warga Desa Sukamaju"). A place right after
//! it ties the group to that place: `group:warga@12.71.05`.
//!
//! ```
//! use warta::{Article, Extractor};
//!
//! let ex = Extractor::new()?;
//! let text = "MAKASSAR - Ratusan mahasiswa berunjuk rasa. Seorang warga melapor.";
//! let rec = ex.extract(&Article::new("x", text));
//! let ids: Vec<&str> = rec.groups.iter().map(|g| g.id.as_str()).collect();
//! assert_eq!(ids, ["group:mahasiswa"]);
//! assert_eq!(rec.groups[0].name, "Ratusan mahasiswa");
//! # Ok::<(), warta::Error>(())
//! ```

use std::ops::Range;

use crate::entities::institutions::Mention;
use crate::entities::places::Places;
use crate::entities::Context;
use crate::gazetteer::Entry;

/// One group of an article, with every mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundGroup {
    /// Index into `lexicons.groups`.
    pub kind: u32,
    /// The place it is tied to (index into `lexicons.places`).
    pub place: Option<u32>,
    /// The longest mention, quantity and qualifier included (normalized offsets).
    pub name: Range<usize>,
    /// Every mention (the group word itself), in text order.
    pub mentions: Vec<Range<usize>>,
}

/// Words before a group word that make it one person: "seorang warga".
const SINGULAR: &[&str] = &[
    "seorang",
    "sesosok",
    "satu",
    "salah",
    "seorangpun",
    "si",
    "sang",
];

/// Words before a group word that give its size or make it plural: kept in its name.
const QUANTITY: &[&str] = &[
    "ratusan",
    "ribuan",
    "puluhan",
    "belasan",
    "jutaan",
    "sejumlah",
    "para",
    "segelintir",
    "sekelompok",
    "kelompok",
    "rombongan",
    "gabungan",
];

/// Heads of a village-level place, which the lexicons do not list: "warga Desa Sukamaju".
const VILLAGE_HEADS: &[&str] = &["desa", "kelurahan", "kampung", "dusun", "nagari", "gampong"];

/// The groups of an article, in order of first mention.
pub fn resolve(ctx: &Context, places: &Places, bodies: &[Mention]) -> Vec<FoundGroup> {
    let mut out: Vec<FoundGroup> = Vec::new();
    for (i, hit) in ctx.hits.iter().enumerate() {
        let Some(kind) = ctx.entries(i).iter().find_map(|e| match e {
            Entry::Group(k) => Some(*k),
            _ => None,
        }) else {
            continue;
        };
        let before = ctx.word_before(hit.range.start);
        if SINGULAR.contains(&before) {
            continue;
        }
        let start = quantity_start(ctx, hit.range.start);
        let (end, place) = qualifier(ctx, places, bodies, i);
        let name = start..end;
        let mention = hit.range.clone();
        match out
            .iter_mut()
            .find(|g| g.kind == kind && (g.place == place || place.is_none()))
        {
            Some(g) => {
                g.mentions.push(mention);
                if name.len() > g.name.len() {
                    g.name = name;
                }
            }
            None => out.push(FoundGroup {
                kind,
                place,
                name,
                mentions: vec![mention],
            }),
        }
    }
    out
}

/// Where the group's name begins: before a quantity word or number right before `start`.
fn quantity_start(ctx: &Context, start: usize) -> usize {
    let before = ctx.word_before(start);
    // `before` is a slice of `ctx.folded`: its offset is where it begins.
    let word_start = before.as_ptr() as usize - ctx.folded.as_ptr() as usize;
    let number = !before.is_empty() && before.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if number || QUANTITY.contains(&before) {
        word_start
    } else {
        start
    }
}

/// Where the group's name ends, and the place it is tied to: a place, a body or a
/// village named right after hit `i` ("warga Kecamatan X", "mahasiswa Universitas Y").
fn qualifier(ctx: &Context, places: &Places, bodies: &[Mention], i: usize) -> (usize, Option<u32>) {
    let end = ctx.hits[i].range.end;
    let Some(next) = end
        .checked_add(1)
        .filter(|_| ctx.text[end..].starts_with(' '))
    else {
        return (end, None);
    };
    if let Some(j) = ctx.hits.get(i + 1).filter(|h| h.range.start == next) {
        let place = places.by_hit.get(i + 1).copied().flatten();
        if place.is_some() {
            return (j.range.end, place);
        }
    }
    if let Some(b) = bodies.iter().find(|b| b.range.start == next) {
        return (b.range.end, b.jurisdiction);
    }
    // "warga Desa Sukamaju": the village head and its capitalized name.
    let word_end = |from: usize| {
        ctx.text[from..]
            .find(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .map_or(ctx.text.len(), |n| from + n)
    };
    let head_end = word_end(next);
    if !VILLAGE_HEADS.contains(&&ctx.folded[next..head_end]) {
        return (end, None);
    }
    // The village's name: capitalized words that are no common words (a Title Case
    // headline goes on with verbs: "Warga Desa Sukamaju Perbaiki Jalan").
    let mut p = head_end;
    while ctx.text[p..].starts_with(' ') && ctx.text[p + 1..].starts_with(char::is_uppercase) {
        let e = word_end(p + 1);
        let common = ctx
            .lex
            .word(&ctx.folded[p + 1..e])
            .is_some_and(|w| w.common);
        if common || e == p + 1 {
            break;
        }
        p = e;
    }
    (if p > head_end { p } else { end }, None)
}
