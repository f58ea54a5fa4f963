//! Place resolution: one decision per place hit, from the document's own evidence.
//!
//! # Rules, in order
//! 1. A place name must be capitalized in the text ("Batu" the city, not "batu" the stone);
//!    a level word before it may be lowercase ("kota Semarang", "kecamatan Gabus"). A name
//!    of three letters or less is an acronym and must be all capitals ("RI", not "Ri").
//!    A name right after "Jalan"/"Jl."/"Gang" (a street) or "PT"/"CV" (a company) is not
//!    the place, nor one glued by a dot to the word before it (a domain: "NIAGA.ASIA").
//! 2. A level word right before the name ("Kota", "Kabupaten"/"Kab.", "Kecamatan"/"Kec.",
//!    "Provinsi") keeps only candidates of that level; so does a head-of-government title
//!    or regional government right before it ("Bupati Bekasi", "Wali Kota Bekasi",
//!    "Pemkot Bogor", "Gubernur Jambi").
//! 3. A district (kecamatan) counts only
//!    * when written as one ("Kecamatan X", "Kec. X", "Distrik X" in Papua, or after a
//!      district office: "Camat X", "Kapolsek X", "Danramil X");
//!    * or when its regency or city is named in the article (also as one candidate of an
//!      ambiguous name: "Bogor" licenses the districts of both Bogor);
//!    * or when a sibling district is written as a district in the article ("Kecamatan
//!      Tekarang dan Teluk Keramat");
//!    * or when the next place, after a comma, is its regency, city or province (the
//!      address form "Pancoran, Jakarta", "Cisolok, Sukabumi");
//!    * or, in the dateline, when it is the only candidate.
//!
//!    A province or the country named somewhere in the article is not enough: a province
//!    has hundreds of districts, many named like common words or foreign places ("Raya",
//!    "Juli", "Negara", "Cina", "Perak"); measured on a national news corpus, that rule
//!    made most bare district mentions wrong.
//! 4. Between several candidates, one named unambiguously elsewhere in the article wins
//!    ("Kota Bekasi … Bekasi"; when several are, the one named most often: an article
//!    about Kabupaten Bekasi that mentions Kota Bekasi once); then those whose parent (or child) is named unambiguously
//!    in the article; then, between districts only, those whose sibling is written as a
//!    district ("Kecamatan Tebas … Kecamatan Subah": Subah of the same regency), then
//!    those whose regency is one candidate of an ambiguous name; then those in the dateline's region; then
//!    regencies/cities over districts.
//! 5. When candidates are still tied, the hit is resolved to the nearest place that
//!    contains them all, if it is a province or lower (a lower-precision place: "Bogor" →
//!    Jawa Barat; "Bengkulu", province and city → the province), and a warning names the
//!    candidates; otherwise the hit is left out with a warning.
//! 6. A name whose every occurrence in the article is glued to a following capitalized
//!    word ("Bima Sakti", "Puncak Habibie", "Kuningan Persada") and never introduced as a
//!    place (by a level word, a scope word, a title, an institution or a unit number:
//!    "Bupati Bima Ahmad", "Kota Bima", "Dandim 0212/Tapanuli Selatan Letkol …") is part of longer names (people, streets, peaks), not a place.
//!    A name glued to the next place (a regency, city or province) of another province or
//!    country is a word of a longer name even after a body ("Polres Metro Jakarta
//!    Timur": no Kota Metro of Lampung; "Asrama Mahasiswa Papua Surabaya").
//!    The first line (a headline in Title Case) is exempt (of the modifier rule, only
//!    when short enough to be a headline). This rule runs first.
//! 7. In an address, a name followed by a comma and a province that contains none of its
//!    candidates is a local name there ("Gedung KPK, Kuningan, Jakarta": no Kabupaten
//!    Kuningan), unless the names around it make a list of places. It runs after rule 6.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::Context;
use crate::gazetteer::Entry;
use crate::lexicon::{Lexicons, TitleClass};
use crate::record::Level;

/// Words that make the place after them a district: "Kecamatan X", "Distrik X" (the
/// districts of the Papua provinces), "Camat X", "Kapolsek X", "Danramil X", "PPK X" …
const DISTRICT_WORDS: &[&str] = &[
    "kecamatan",
    "distrik",
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

/// Words after which a bare place name is part of a company's name ("PT Langgam Inti",
/// "CV Kutai"); after a street word ([`super::STREET_WORDS`]) it is a street's.
const COMPANY_HEADS: &[&str] = &["pt", "pt.", "cv", "cv."];

/// Level words that may open a hit ("kota Semarang"); rule 1 looks past them.
const LEVEL_PREFIXES: &[&str] = &[
    "kabupaten administrasi ",
    "kota administrasi ",
    "kecamatan ",
    "kabupaten ",
    "provinsi ",
    "propinsi ",
    "prov. ",
    "kab. ",
    "kec. ",
    "kota ",
    "kab ",
    "kec ",
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

/// What the whole article says, for rules 3 and 4. Places are indices into
/// `lexicons.places`; the sets are sorted and deduplicated.
struct Evidence {
    /// Places named unambiguously (one candidate, not a district, not the country), with
    /// how often each is named, sorted by place.
    named: Vec<(u32, usize)>,
    /// The places of `named`: the anchors.
    anchors: Vec<u32>,
    /// Every regency or city candidate of any hit.
    regencies: Vec<u32>,
    /// Parents of districts written unambiguously as districts.
    district_parents: Vec<u32>,
}

/// `list` sorted and deduplicated: a set for [`contains`].
fn set(mut list: Vec<u32>) -> Vec<u32> {
    list.sort_unstable();
    list.dedup();
    list
}

/// Whether the sorted `set` has `p`.
fn contains(set: &[u32], p: u32) -> bool {
    set.binary_search(&p).is_ok()
}

/// Resolves every place hit. `dateline` is the normalized range of the dateline prefix.
pub fn resolve(ctx: &Context, dateline: Option<Range<usize>>) -> Places {
    let lex = ctx.lex;
    let mut candidates: Vec<Vec<u32>> = (0..ctx.hits.len()).map(|i| candidates(ctx, i)).collect();
    drop_glued_names(ctx, &mut candidates);
    drop_local_names(ctx, &mut candidates);
    let level = |p: u32| lex.places[p as usize].level;
    let mut single: Vec<u32> = candidates
        .iter()
        .filter(|c| c.len() == 1)
        .map(|c| c[0])
        .filter(|p| !matches!(level(*p), Level::Kecamatan | Level::Negara))
        .collect();
    single.sort_unstable();
    let named: Vec<(u32, usize)> = single
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len()))
        .collect();
    let anchors: Vec<u32> = named.iter().map(|(p, _)| *p).collect();
    let regencies = set(candidates
        .iter()
        .flatten()
        .copied()
        .filter(|p| matches!(level(*p), Level::Kabupaten | Level::Kota))
        .collect());
    let district_parents = set(candidates
        .iter()
        .enumerate()
        .filter(|(i, c)| c.len() == 1 && level(c[0]) == Level::Kecamatan && explicit(ctx, *i))
        .filter_map(|(_, c)| lex.place_parent(c[0]))
        .collect());
    let ev = Evidence {
        named,
        anchors,
        regencies,
        district_parents,
    };
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
    for i in (0..candidates.len()).filter(|i| in_dateline(*i)) {
        out.by_hit[i] = choose(ctx, i, &candidates, &ev, None, true, &mut out.warnings);
        if out.dateline.is_none() {
            out.dateline = out.by_hit[i];
        }
    }
    let dl = out.dateline;
    for i in (0..candidates.len()).filter(|i| !in_dateline(*i)) {
        out.by_hit[i] = choose(ctx, i, &candidates, &ev, dl, false, &mut out.warnings);
    }
    out
}

/// A place id's region, and whether the place is Indonesian: the province of a Kemendagri
/// code ("31" of "31.75"), the country of a foreign id ("us" of "us-texas").
fn region(id: &str) -> (bool, &str) {
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        (true, id.split('.').next().unwrap_or(id))
    } else {
        (false, id.split('-').next().unwrap_or(id))
    }
}

/// The longest first line read as a headline, where a name glued to an unrelated place
/// may still be a place (Title Case).
const HEADLINE_MAX: usize = 300;

/// Rule 6: a name whose every occurrence in the article is glued to a following
/// capitalized word, and never introduced, is part of longer names, not a place.
fn drop_glued_names(ctx: &Context, candidates: &mut [Vec<u32>]) {
    let newline = memchr::memchr(b'\n', ctx.text.as_bytes());
    let first_line_end = newline.unwrap_or(ctx.text.len());
    // The headline, for modifiers: a first line short enough to be one (a text on one
    // line has none).
    let headline_end = newline.filter(|&n| n <= HEADLINE_MAX).unwrap_or(0);
    // For each place pattern of the article: seen free (or introduced) at least once?
    let mut free: FxHashMap<u32, bool> = FxHashMap::default();
    let places = &ctx.lex.places;
    // Whether places `a` and `b` lie in one province (or one foreign country), or one is
    // Indonesia and the other in it: "Sleman Yogyakarta", "Toba Samosir", "Republik
    // Indonesia Jakarta" are addresses and names of the region, not modifiers.
    let related = |a: u32, b: u32| {
        let (a, b) = (&places[a as usize].id, &places[b as usize].id);
        let ((a_id, a_key), (b_id, b_key)) = (region(a), region(b));
        a_key == b_key || (a == "ID" && b_id) || (b == "ID" && a_id)
    };
    // A name glued to the next place, with which it has nothing to do, is a word of a
    // longer name even after a body ("Polres Metro Jakarta Timur", "Polres Metro Bekasi
    // Kota": no Kota Metro of Lampung).
    let modifier = |i: usize| {
        let (h, Some(next)) = (&ctx.hits[i], ctx.hits.get(i + 1)) else {
            return false;
        };
        if ctx.text.get(h.range.end..next.range.start) != Some(" ") {
            return false;
        }
        let theirs = &candidates[i + 1];
        // A regency, city or province: a bare district name is no evidence (rule 3), and
        // "Kota" is a district's name too ("Polres Bekasi Kota").
        let regional = theirs.iter().any(|&b| {
            matches!(
                places[b as usize].level,
                Level::Provinsi | Level::Kabupaten | Level::Kota
            )
        });
        regional
            && !candidates[i]
                .iter()
                .any(|&a| theirs.iter().any(|&b| related(a, b)))
    };
    let mut modifiers: Vec<usize> = Vec::new();
    // The place after a modifier that a body introduced is introduced by that body
    // ("Kapolres Metro Bekasi Kota").
    let mut inherited: Option<usize> = None;
    for i in (0..candidates.len()).filter(|i| !candidates[*i].is_empty()) {
        let h = &ctx.hits[i];
        if h.range.start >= headline_end && modifier(i) {
            // This hit only: the same name may stand free elsewhere ("Kota Metro").
            modifiers.push(i);
            if introduced(ctx, i) {
                inherited = Some(i + 1);
            }
            continue;
        }
        let is_free = h.range.start < first_line_end
            || !glued(ctx, i)
            || introduced(ctx, i)
            || inherited == Some(i);
        *free.entry(h.pattern).or_default() |= is_free;
    }
    for i in modifiers {
        candidates[i].clear();
    }
    if free.values().all(|f| *f) {
        return;
    }
    for (i, c) in candidates.iter_mut().enumerate() {
        if free.get(&ctx.hits[i].pattern) == Some(&false) {
            c.clear();
        }
    }
}

/// Provinces made since 1999, with the province each was split from (Kemendagri codes):
/// Banten, Bangka Belitung, Gorontalo, Maluku Utara, Kepulauan Riau, Papua Barat,
/// Sulawesi Barat, Kalimantan Utara, and the Papua provinces of 2022.
const SPLIT_FROM: &[(&str, &str)] = &[
    ("36", "32"),
    ("19", "16"),
    ("75", "71"),
    ("82", "81"),
    ("21", "14"),
    ("92", "91"),
    ("76", "73"),
    ("65", "64"),
    ("93", "91"),
    ("94", "91"),
    ("95", "91"),
    ("96", "92"),
    ("96", "91"),
];

/// Rule 7: in an address ("Gedung KPK, Kuningan, Jakarta"), a name followed by a comma
/// and a province that contains none of its candidates is a local name of that province
/// (a neighbourhood, a building), not the regency or district of another province that
/// shares it (Kabupaten Kuningan of Jawa Barat); so is a name followed by a comma and a
/// place abroad ("Batu Muda, Kuala Lumpur": not Kota Batu). Not in a list of places
/// ("Garut, Jakarta, dan Bandung"), where the names before and after are places too.
fn drop_local_names(ctx: &Context, candidates: &mut [Vec<u32>]) {
    let lex = ctx.lex;
    let after_comma = |i: usize| ctx.gap_after(i).is_some_and(|g| g.trim() == ",");
    let is_place = |i: usize, c: &[Vec<u32>]| c.get(i).is_some_and(|c| !c.is_empty());
    let mut local = Vec::new();
    for i in 0..candidates.len().saturating_sub(1) {
        let (mine, next) = (&candidates[i], &candidates[i + 1]);
        // Or capitalized words then a comma: the rest of a longer local name ("Batu
        // Muda, Kuala Lumpur"), counted only before a place abroad.
        let glued_comma = || {
            ctx.gap_after(i).is_some_and(|g| {
                g.strip_suffix(',')
                    .or_else(|| g.strip_suffix(", "))
                    .is_some_and(|words| {
                        !words.trim().is_empty()
                            && words
                                .split(' ')
                                .filter(|w| !w.is_empty())
                                .all(|w| w.starts_with(char::is_uppercase))
                    })
            })
        };
        if mine.is_empty() || next.is_empty() || !(after_comma(i) || glued_comma()) {
            continue;
        }
        let provinces = next
            .iter()
            .all(|&b| lex.places[b as usize].level == Level::Provinsi);
        let below = mine.iter().all(|&a| {
            matches!(
                lex.places[a as usize].level,
                Level::Kabupaten | Level::Kota | Level::Kecamatan
            )
        });
        let indonesian = |p: u32| region(&lex.places[p as usize].id).0;
        // A country ("my") or a place in one ("my-kuala-lumpur"), but Indonesia.
        let foreign = |p: u32| {
            let id = lex.places[p as usize].id.as_str();
            let code = id.split('-').next().unwrap_or(id);
            code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) && code != "id"
        };
        let province = |p: u32| region(&lex.places[p as usize].id).1;
        // Inside, or inside a province split from it since 1999: the press still writes
        // "Raja Ampat, Papua Barat", "Natuna, Riau".
        let inside = mine.iter().any(|&a| {
            next.iter().any(|&b| {
                let (pa, pb) = (province(a), province(b));
                pa == pb || SPLIT_FROM.contains(&(pa, pb))
            })
        });
        // A place of another country after the comma ("Batu Muda, Kuala Lumpur"): the
        // name is one of that country's, not the Indonesian regency or city it shares.
        let abroad = mine.iter().all(|&p| indonesian(p)) && next.iter().all(|&p| foreign(p));
        if !abroad && !mine.iter().chain(next).all(|&p| indonesian(p)) {
            continue;
        }
        // A list: a place before it with a comma, a dash or "dan", or one after the
        // province ("Semarang, Lampung dan beberapa kabupaten di Jawa Timur").
        let list_gap = |g: &str| {
            let g = g.trim();
            matches!(g, "," | "-" | "dan" | "serta" | ", dan")
                || (g.len() < 40 && (g.starts_with("dan ") || g.starts_with("serta ")))
        };
        let listed_before =
            i > 0 && is_place(i - 1, candidates) && ctx.gap_after(i - 1).is_some_and(list_gap);
        let listed_after =
            is_place(i + 2, candidates) && ctx.gap_after(i + 1).is_some_and(list_gap);
        let address = after_comma(i) && provinces && !inside;
        if below && !listed_before && !listed_after && (abroad || address) {
            local.push(i);
        }
    }
    for i in local {
        candidates[i].clear();
    }
}

/// Whether hit `i` is followed by one space and a capitalized word ("Bima Sakti",
/// "Puncak Habibie", "Kuningan Persada").
fn glued(ctx: &Context, i: usize) -> bool {
    let rest = &ctx.text[ctx.hits[i].range.end..];
    rest.strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
}

/// Whether hit `i` is introduced as a place: written with its level word ("Kota
/// Bekasi", "kabupaten Bogor"), after a scope or level word, right after a title, an
/// institution or a unit ("Bupati Kukar Edi Damansyah", "KPU Bima Ahmad"), or as the
/// place of a unit designation ("Dandim 0212/Tapanuli Selatan Letkol …").
fn introduced(ctx: &Context, i: usize) -> bool {
    let folded = &ctx.folded[ctx.hits[i].range.clone()];
    // A unit designation: "Dandim 0212/Tapanuli Selatan Letkol Inf …".
    if LEVEL_PREFIXES.iter().any(|p| folded.starts_with(p))
        || ctx.folded[..ctx.hits[i].range.start].ends_with('/')
    {
        return true;
    }
    let before = ctx.word_before(ctx.hits[i].range.start);
    if LEVEL_PREFIXES.iter().any(|p| p.trim_end() == before)
        || DISTRICT_WORDS.contains(&before)
        || matches!(before, "se" | "tingkat" | "wilayah" | "provinsi")
    {
        return true;
    }
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    let close = ctx.hits[prev].range.end <= ctx.hits[i].range.start
        && ctx.text[ctx.hits[prev].range.end..ctx.hits[i].range.start]
            .chars()
            .all(|c| c == ' ' || c == '-');
    // An office ("Bupati Bima"), a body or a unit, a scope or venue word; not a
    // description or an honorific, which introduce people ("Pelatih Bima Sakti").
    close
        && ctx.entries(prev).iter().any(|e| match e {
            Entry::Title(t) => ctx.lex.titles[*t as usize].class == TitleClass::Office,
            Entry::Institution(_) | Entry::Unit(_) => true,
            Entry::Term(k) => !matches!(
                ctx.lex.terms[*k as usize].kind.as_str(),
                "honorific" | "rank" | "degree" | "cue"
            ),
            _ => false,
        })
}

/// Whether hit `i` is written as a district: "Kecamatan X", "Kec. X", "Camat X" …
fn explicit(ctx: &Context, i: usize) -> bool {
    let before = ctx.word_before(ctx.hits[i].range.start);
    let hit = &ctx.folded[ctx.hits[i].range.clone()];
    hit.starts_with("kec") || DISTRICT_WORDS.contains(&before)
}

/// Rule 1: the name, past a leading level word, starts with a capital or a digit.
fn capitalized(ctx: &Context, i: usize) -> bool {
    let range = ctx.hits[i].range.clone();
    let folded = &ctx.folded[range.clone()];
    let skip = LEVEL_PREFIXES
        .iter()
        .find(|p| folded.starts_with(*p) && folded.len() > p.len())
        .map_or(0, |p| p.len());
    ctx.text
        .get(range.start + skip..range.end)
        .is_some_and(|name| name.starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
}

/// Rule 1: a name glued by a dot to a word before it is part of a domain or file name
/// ("NIAGA.ASIA", "tribun-timur.com"), not the place.
fn in_domain(ctx: &Context, i: usize) -> bool {
    let start = ctx.hits[i].range.start;
    let head = &ctx.text.as_bytes()[..start];
    head.len() >= 2 && head[head.len() - 1] == b'.' && head[head.len() - 2].is_ascii_alphanumeric()
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
    let text = ctx.hit_text(i);
    // Short names are acronyms ("RI", "NTT", "HSU"): written in capitals ("Seo Ri" is a
    // name).
    let short_mixed = text.chars().count() <= 3 && text.chars().any(char::is_lowercase);
    if all.is_empty() || !capitalized(ctx, i) || short_mixed || in_domain(ctx, i) {
        return Vec::new();
    }
    let before = ctx.word_before(ctx.hits[i].range.start);
    if super::STREET_WORDS.contains(&before) || COMPANY_HEADS.contains(&before) {
        return Vec::new();
    }
    let wanted = match before {
        "kota" => Some(Level::Kota),
        "kabupaten" | "kab." | "kab" => Some(Level::Kabupaten),
        w if DISTRICT_WORDS.contains(&w) => Some(Level::Kecamatan),
        "provinsi" | "prov." | "propinsi" => Some(Level::Provinsi),
        _ => level_of_office(ctx, i),
    };
    let level = |p: &u32| ctx.lex.places[*p as usize].level;
    match wanted {
        Some(l) if all.iter().any(|p| level(p) == l) => {
            all.into_iter().filter(|p| level(p) == l).collect()
        }
        _ => all,
    }
}

/// The level implied by a head-of-government title or a regional government right before
/// hit `i`: "Bupati Bekasi" → regency, "Wali Kota Bekasi" → city, "Pemprov Jambi" →
/// province.
fn level_of_office(ctx: &Context, i: usize) -> Option<Level> {
    let prev = i.checked_sub(1)?;
    let gap = ctx
        .text
        .get(ctx.hits[prev].range.end..ctx.hits[i].range.start)?;
    // "Pemerintah Kabupaten (Pemkab) Bekasi": the closing parenthesis may stand between.
    if !gap.chars().all(|c| c == ' ' || c == ')') {
        return None;
    }
    ctx.entries(prev).iter().find_map(|e| {
        let key = match e {
            Entry::Title(t) => ctx.lex.titles[*t as usize].id.as_str(),
            Entry::Institution(k) => ctx.lex.institutions[*k as usize].kind.as_str(),
            _ => return None,
        };
        match key {
            "bupati" | "wakil-bupati" | "pemkab" => Some(Level::Kabupaten),
            "wali-kota" | "wakil-wali-kota" | "pemkot" => Some(Level::Kota),
            "gubernur" | "wakil-gubernur" | "pemprov" => Some(Level::Provinsi),
            _ => None,
        }
    })
}

/// Rule 3's address form: the next hit, right after a comma, may be an ancestor of
/// place `p`.
fn address_parent(ctx: &Context, i: usize, candidates: &[Vec<u32>], p: u32) -> bool {
    if ctx.gap_after(i).is_none_or(|g| g.trim() != ",") {
        return false;
    }
    let Some(next) = candidates.get(i + 1) else {
        return false;
    };
    ancestors(ctx.lex, p)
        .any(|a| next.contains(&a) && ctx.lex.places[a as usize].level != Level::Negara)
}

/// Rules 3 to 5 for one hit.
fn choose(
    ctx: &Context,
    i: usize,
    candidates: &[Vec<u32>],
    ev: &Evidence,
    dateline: Option<u32>,
    is_dateline: bool,
    warnings: &mut Vec<String>,
) -> Option<u32> {
    let lex = ctx.lex;
    let cands = &candidates[i];
    if cands.is_empty() {
        return None;
    }
    let explicit = explicit(ctx, i);
    let level = |p: u32| lex.places[p as usize].level;
    // The regency or city named elsewhere: not one of this very hit's candidates
    // ("Lumajang" is a regency and its seat district).
    let parent_in = |p: u32, set: &[u32]| {
        lex.place_parent(p)
            .is_some_and(|q| contains(set, q) && !cands.contains(&q))
    };
    let in_regency = |p: u32| parent_in(p, &ev.regencies);
    let has_sibling = |p: u32| parent_in(p, &ev.district_parents);
    let districts_ok = |p: &u32| {
        level(*p) != Level::Kecamatan
            || explicit
            || in_regency(*p)
            || has_sibling(*p)
            || address_parent(ctx, i, candidates, *p)
    };
    let mut left: Vec<u32> = cands.iter().copied().filter(districts_ok).collect();
    if left.is_empty() && is_dateline && cands.len() == 1 {
        left = cands.to_vec();
    }
    let times_named = |p: &u32| {
        ev.named
            .binary_search_by_key(p, |(q, _)| *q)
            .map_or(0, |k| ev.named[k].1)
    };
    let most = left.iter().map(times_named).max().unwrap_or(0);
    narrow(&mut left, |p| most > 0 && times_named(p) == most);
    narrow(&mut left, |p| {
        ancestors(lex, *p).any(|a| contains(&ev.anchors, a))
            || ev.anchors.iter().any(|a| lex.place_parent(*a) == Some(*p))
    });
    // Sibling and regency evidence only choose between districts: a regency of the same
    // name ("Bone, Soppeng dan Wajo") is not outweighed by a district of a city named
    // elsewhere (Wajo, a district of Makassar).
    if left.iter().all(|p| level(*p) == Level::Kecamatan) {
        narrow(&mut left, |p| has_sibling(*p));
        narrow(&mut left, |p| in_regency(*p));
    }
    if let Some(d) = dateline {
        narrow(&mut left, |p| {
            *p == d
                || ancestors(lex, d).any(|a| a == *p)
                || ancestors(lex, *p).any(|a| a == d)
                || lex.place_parent(*p) == lex.place_parent(d)
        });
    }
    narrow(&mut left, |p| level(*p) != Level::Kecamatan);
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

/// Rule 5: the nearest place containing every candidate (a candidate itself, or a
/// common ancestor) when it is a province or lower; else nothing. A warning either way.
fn undecided(lex: &Lexicons, name: &str, many: &[u32], warnings: &mut Vec<String>) -> Option<u32> {
    let ids: Vec<String> = many
        .iter()
        .map(|p| {
            let e = &lex.places[*p as usize];
            format!("{} ({})", e.id, e.level.as_str())
        })
        .collect();
    let contains_all = |q: u32| {
        many.iter()
            .all(|p| *p == q || ancestors(lex, *p).any(|a| a == q))
    };
    let found = std::iter::once(many[0])
        .chain(ancestors(lex, many[0]))
        .find(|q| contains_all(*q))
        .filter(|p| {
            !matches!(
                lex.places[*p as usize].level,
                Level::Negara | Level::Pulau | Level::Kawasan
            )
        });
    let msg = match found {
        Some(p) => format!(
            "ambiguous place '{name}': {}; reported as {}",
            ids.join(", "),
            lex.places[p as usize].id
        ),
        None => format!("ambiguous place '{name}': {}; left out", ids.join(", ")),
    };
    if !warnings.contains(&msg) {
        warnings.push(msg);
    }
    found
}

/// Place `p`'s parent, grandparent, ... (at most 4 levels).
fn ancestors(lex: &Lexicons, p: u32) -> impl Iterator<Item = u32> + '_ {
    let mut next = lex.place_parent(p);
    std::iter::from_fn(move || {
        let q = next?;
        next = lex.place_parent(q);
        Some(q)
    })
    .take(4)
}

#[cfg(test)]
mod tests {
    use crate::{Article, Extractor};
    use std::sync::LazyLock;

    static EX: LazyLock<Extractor> =
        LazyLock::new(|| Extractor::new().expect("embedded lexicons load"));

    /// (id, mention text) of every place mention, in record order.
    fn places(text: &str) -> Vec<(String, String)> {
        let rec = EX.extract(&Article::new("t", text));
        rec.places
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| (p.id.clone(), m.text.clone())))
            .collect()
    }

    fn ids(text: &str) -> Vec<String> {
        let mut v: Vec<String> = places(text).into_iter().map(|(id, _)| id).collect();
        v.dedup();
        v
    }

    #[test]
    fn a_name_in_an_address_of_another_province_is_a_local_name() {
        // Kuningan of Jakarta (Setiabudi) is no Kabupaten Kuningan of Jawa Barat.
        assert_eq!(
            ids("Massa berkumpul di Gedung KPK, Kuningan, Jakarta, Senin."),
            ["31"]
        );
        // A province split from the one the press still writes keeps the place.
        assert_eq!(
            ids("Wisatawan menyelam di Raja Ampat, Papua Barat, pekan lalu."),
            ["96.03", "92"]
        );
        // A list of places is no address.
        assert_eq!(
            ids("Banjir melanda Garut, Jakarta, dan Bandung pekan lalu."),
            ["32.05", "31", "32"]
        );
        // Before a place abroad, the name is one of that country's: Basel is no Bangka
        // Selatan, Batu Muda no Kota Batu; "Medan, Indonesia" stays.
        assert_eq!(
            ids("Kejuaraan itu digelar di Basel, Swiss, Agustus lalu."),
            ["ch"]
        );
        assert_eq!(
            ids("Udara buruk di Batu Muda, Kuala Lumpur, kemarin."),
            ["my-kuala-lumpur"]
        );
        assert_eq!(ids("Ia lahir di Medan, Indonesia."), ["12.71", "ID"]);
    }

    #[test]
    fn the_country_or_a_province_does_not_license_bare_districts() {
        // "Juli" (a district in Aceh), "Raya" (Simalungun), "Negara" (Jembrana) stay out;
        // "Indonesia" stands free once, so it counts everywhere (rule 6 is per name).
        let t = "Judul\nPada Juli lalu, lagu Indonesia Raya dinyanyikan di Aceh. Warga Negara \
                 Indonesia ikut.";
        assert_eq!(ids(t), ["ID", "11"]);
    }

    #[test]
    fn districts_count_with_their_regency_a_sibling_or_an_address() {
        // Regency named elsewhere: Tenggarong is a district of Kutai Kartanegara.
        assert_eq!(
            ids("Judul\nRapat di Tenggarong dihadiri Bupati Kukar."),
            ["64.02.06", "64.02"]
        );
        // Address form "district, city".
        assert_eq!(
            ids("Judul\nKantor itu ada di Pancoran, Jakarta Selatan."),
            ["31.74.08", "31.74"]
        );
        // A sibling written as a district licenses a bare one of the same regency.
        let t = "Judul\nRakor digelar di Kecamatan Tebas dan Teluk Keramat.";
        assert_eq!(ids(t), ["61.01.04", "61.01.02"]);
    }

    #[test]
    fn a_regency_and_its_seat_district_prefer_the_regency() {
        // Lumajang: regency 35.08 and its district 35.08.10; Makassar: city and district.
        assert_eq!(ids("Judul\nKapolres Lumajang hadir."), ["35.08"]);
        let t = "Judul\nKebakaran di Makassar, Sulawesi Selatan, meluas ke Kecamatan Manggala.";
        assert_eq!(ids(t), ["73.71", "73", "73.71.12"]);
    }

    #[test]
    fn titles_and_level_words_decide_regency_or_city() {
        assert_eq!(ids("Judul\nBupati Bekasi meninjau banjir."), ["32.16"]);
        assert_eq!(ids("Judul\nWali Kota Bekasi meninjau banjir."), ["32.75"]);
        // Decided once, the bare name follows the document's decision.
        assert_eq!(
            ids("Judul\nPemkot Bogor rapat. Warga Bogor senang."),
            ["32.71"]
        );
        // Undecided: the province that contains both, with a warning.
        let rec = EX.extract(&Article::new("t", "Judul\nWarga Bogor senang."));
        assert_eq!(rec.places[0].id, "32");
        assert!(rec.warnings.iter().any(|w| w.contains("'Bogor'")));
        // A province and its city of the same name: the province.
        assert_eq!(ids("Judul\nIa berasal dari Bengkulu."), ["17"]);
    }

    #[test]
    fn lowercase_level_word_before_a_capitalized_name() {
        assert_eq!(ids("Judul\nIa tinggal di kota Semarang."), ["33.74"]);
        assert!(ids("Judul\nIa pindah ke kota baru.").is_empty());
        assert!(ids("Judul\nTokoh Seo Ri bermimpi.").is_empty());
        assert_eq!(ids("Judul\nDuta Besar RI hadir."), ["ID"]);
    }

    #[test]
    fn names_inside_other_names_are_not_places() {
        // Street and company.
        assert!(
            ids("Judul\nKantornya di Jalan Samarinda nomor 5, milik PT Berau Jaya.").is_empty()
        );
        // Glued to a capitalized word everywhere in the article: a person's name.
        assert!(ids("Judul\nPelatih Bima Sakti memanggil pemain. Bima Sakti puas.").is_empty());
        // Introduced once by a title: a place everywhere.
        let t = "Judul\nBupati Bima Ahmad hadir. Bima Sakti juga.";
        assert_eq!(ids(t), ["52.06"]);
        // The headline is exempt.
        assert_eq!(ids("Kukar Gelar Rakor\nIsi berita."), ["64.02"]);
    }
}
