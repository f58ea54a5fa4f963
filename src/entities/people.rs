//! People: `title [acting] [jurisdiction] [,] [honorifics] Name`.
//!
//! # Rules
//! * A title hit ("Gubernur", "Sekretaris Daerah", "Kapolda") may be preceded by an
//!   acting prefix ("Pj", "Pjs", "Plt", "Plh"), followed by its abbreviation in
//!   parentheses ("(Sekda)"), a jurisdiction ("Kutai Kartanegara (Kukar)", "se Kukar") and,
//!   for military titles, a unit ("Pangdam VI/Mulawarman", "Dandim 0908/Bontang").
//! * Then, after an optional comma, honorifics and ranks from the lexicon ("H.", "Dr.",
//!   "AKBP") and the name: up to five capitalized words ("H SUnggono" is still a name),
//!   stopping at a lowercase word, punctuation, or a word the lexicons know as something
//!   else (a title, an institution, a cue verb).
//! * A title whose institution type is known implies an institution mention
//!   ("Kapolda Kaltim" → `polda@64`).
//! * The same name (case-insensitively) is one person; a person from the officials
//!   lexicon gets its id and `known: true`.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::institutions::{self, Mention};
use super::places::Places;
use super::{one_edit, push_range, Context};
use crate::gazetteer::Entry;
use jiff::civil::Date;

/// One office of a person, resolved.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FoundRole {
    /// Title id.
    pub title: String,
    /// Acting prefix id.
    pub acting: Option<String>,
    /// Jurisdiction (index into `lexicons.places`).
    pub jurisdiction: Option<u32>,
    /// Institution type the title belongs to.
    pub institution: Option<String>,
}

/// A person, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundPerson {
    /// Name without honorifics.
    pub name: String,
    /// Honorifics, ranks and degrees in the order written.
    pub honorifics: Vec<String>,
    /// Index into `lexicons.officials` when known.
    pub official: Option<u32>,
    /// Offices.
    pub roles: Vec<FoundRole>,
    /// Name mentions (normalized ranges).
    pub mentions: Vec<Range<usize>>,
}

/// People and the institution mentions their titles imply.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// People by first mention.
    pub people: Vec<FoundPerson>,
    /// Institutions implied by titles ("Kapolda Kaltim" → polda@64).
    pub implied: Vec<Mention>,
    /// Offices named without a name that no person was found for ("dibuka oleh Bupati
    /// Berau" when the lexicon has no holder for that day).
    pub offices: Vec<Office>,
}

/// A title written without a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    /// The office.
    pub role: FoundRole,
    /// The title and its jurisdiction (normalized range).
    pub range: Range<usize>,
}

/// Finds titled people and the institutions their titles imply. `reference` is the
/// day the article speaks of: an office named without a name ("yang mewakili Pj
/// Gubernur Kaltim") is the person the officials lexicon has in it that day.
pub fn resolve(
    ctx: &Context,
    places: &Places,
    bodies: &[Mention],
    reference: Option<Date>,
) -> People {
    let mut out = People::default();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut i = 0;
    while i < ctx.hits.len() {
        let Some(TitleAt {
            id: title_id,
            institution,
            start,
            body,
        }) = title_at(ctx, bodies, i)
        else {
            i += 1;
            continue;
        };
        let (acting, start) = match acting_before(ctx, start) {
            Some((value, at)) => (Some(value), at),
            None => (None, start),
        };
        let kind = institution.clone().unwrap_or_default();
        let tail = match body {
            // The body the title heads, as the institutions stage resolved it.
            Some(m) => institutions::Tail {
                jurisdiction: m.jurisdiction,
                unit: m.unit.clone(),
                end: m.range.end,
                last_hit: ctx
                    .hits
                    .partition_point(|h| h.range.start < m.range.end)
                    .saturating_sub(1)
                    .max(i),
            },
            None => {
                let (last, end) = institutions::twin(ctx, i, |j| {
                    ctx.title(j).is_some()
                        || ctx.entries(j).iter().any(|e| match e {
                            Entry::Institution(k) | Entry::Guarded(k) => {
                                ctx.lex.institutions[*k as usize].kind == kind
                            }
                            _ => false,
                        })
                });
                let (last, end) = if PORTFOLIO_TITLES.contains(&title_id.as_str()) {
                    skip_portfolio(ctx, last, end)
                } else {
                    (last, end)
                };
                let tail = institutions::tail(ctx, places, last, end, &kind);
                own_body(ctx, bodies, tail, &kind)
            }
        };
        // "Direktur Jenderal (Dirjen) Pajak Kemenkeu Suryo Utomo": the body after the
        // title's abbreviation and field.
        let (institution, tail) = match institution {
            None if body.is_none() => late_body(ctx, bodies, tail),
            other => (other, tail),
        };
        if let Some(k) = institution.clone().filter(|_| body.is_none()) {
            out.implied.push(Mention {
                category: ctx.lex.category_of(&k).map(str::to_string),
                kind: k,
                jurisdiction: tail.jurisdiction,
                unit: tail.unit.clone(),
                range: start..tail.end,
                ..Mention::default()
            });
        }
        let role = FoundRole {
            title: title_id,
            acting,
            jurisdiction: tail.jurisdiction,
            institution,
        };
        let (mut name, mut honorifics, mut next) = name_after(ctx, tail.end, tail.last_hit + 1);
        if name.is_none() {
            if let Some(found) = name_between_repeated_verb(ctx, tail.end, tail.last_hit + 1) {
                (name, honorifics, next) = found;
            }
        }
        // "Kepala Desa Sukalaksana, Asep Saepudin,": a place the lexicons do not know,
        // then the name after the comma.
        if let Some(r) = name.clone().filter(|r| !known_name(ctx, r)) {
            if ctx.text[r.end..].starts_with(", ") {
                let (second, h, n) = name_after(ctx, r.end, next);
                if let Some(r2) = second.filter(|r2| known_name(ctx, r2)) {
                    (name, honorifics, next) = (Some(r2), h, n);
                }
            }
        }
        match name {
            Some(range) => {
                let r = Some(role);
                add_person(ctx, &mut out.people, &mut index, range, honorifics, r);
            }
            None => out.offices.push(Office {
                role,
                range: start..tail.end,
            }),
        }
        i = next.max(tail.last_hit + 1);
    }
    tidy(&mut out.people);
    known_mentions(ctx, &mut out.people, &mut index);
    if let Some(day) = reference {
        known_jurisdictions(ctx, &mut out.people, day);
    }
    resolve_offices(ctx, &mut out, reference);
    out
}

/// A title found at a hit.
struct TitleAt<'m> {
    /// Title id.
    id: String,
    /// Institution type the title belongs to.
    institution: Option<String>,
    /// Where the title starts.
    start: usize,
    /// The resolved institution mention that the title heads ("Kepala [Dinas Perikanan
    /// Berau]", "Juru Bicara [KPK]"), which gives the jurisdiction and the end.
    body: Option<&'m Mention>,
}

/// The title at hit `i`:
/// * a title of the lexicon; when it belongs to no institution and one follows it
///   ("Juru Bicara KPK", "Ketua Umum Partai Gerindra", "Sekjen Kemendagri"), the
///   institution is its body;
/// * or a head word before an institution: "Kepala" (also misspelt: "Kapala"),
///   "Ketua", "Wakil Ketua", "Anggota", "Komisioner", "Sekretaris", "Bendahara", which
///   makes `<head>-<type>` ("Kepala Kejaksaan Negeri" → `kajari`, "Kepala BPS" →
///   `kepala-bps`, "Kepala Dinas Perikanan" → `kepala-dinas`); before a party ("Ketua DPD
///   Partai Golkar") the head alone is the title, the party its institution.
fn title_at<'m>(ctx: &Context, bodies: &'m [Mention], i: usize) -> Option<TitleAt<'m>> {
    let body_at = |pos: usize| {
        let k = bodies.partition_point(|m| m.range.start < pos);
        bodies.get(k).filter(|m| m.range.start == pos)
    };
    if let Some(t) = ctx.title(i) {
        let title = &ctx.lex.titles[t as usize];
        let end = ctx.hits[i].range.end;
        let body = title
            .institution
            .is_none()
            .then(|| body_at(past_field(ctx, end)))
            .flatten()
            .filter(|m| !REGIONAL_HEADS.contains(&title.id.as_str()) || m.category.is_some());
        return Some(TitleAt {
            id: title.id.clone(),
            institution: body.map(body_type).or(title.institution.clone()),
            start: ctx.hits[i].range.start,
            body,
        });
    }
    ctx.institution(i)?;
    let start = ctx.hits[i].range.start;
    let body = bodies
        .iter()
        .find(|m| m.range.start <= start && start < m.range.end)?;
    let (head, head_start) = head_before(ctx, body.range.start)?;
    let kind = body.kind.clone();
    let id = if kind.starts_with("partai") {
        head.to_string()
    } else if head == "kepala" && kind.starts_with("dinas") {
        "kepala-dinas".to_string()
    } else if head == "kepala" {
        HEADS
            .iter()
            .find(|(inst, _)| *inst == kind)
            .map_or_else(|| format!("kepala-{kind}"), |(_, t)| t.to_string())
    } else {
        format!("{head}-{kind}")
    };
    Some(TitleAt {
        id,
        institution: Some(body_type(body)),
        start: head_start,
        body: Some(body),
    })
}

/// The position after the words of a title's field written after it and before its
/// body: "Dirjen [Pajak] Kemenkeu", "Kepala Bidang [Humas] Polda" (one space, then
/// capitalized words the press writes in lowercase, or closed words).
fn past_field(ctx: &Context, end: usize) -> usize {
    let text = ctx.text;
    let mut p = end;
    loop {
        let Some(q) = text[p..].strip_prefix(' ').map(|_| p + 1) else {
            return p;
        };
        let len = text[q..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(text.len() - q);
        let capital = text[q..].starts_with(|c: char| c.is_uppercase());
        if len == 0 || !capital || !matches!(word_kind(ctx, q..q + len), NameWord::Field) {
            return q;
        }
        p = q + len;
    }
}

/// A body's type as a role names it: with the label of a body found by its form
/// ("perusahaan:pt-mitra-bauksit-khatulistiwa-tbk"), so that it matches the record's id.
fn body_type(m: &Mention) -> String {
    match &m.label {
        Some(label) => format!("{}:{label}", m.kind),
        None => m.kind.clone(),
    }
}

/// Titles of heads of government: the body after them is their place's government, not
/// theirs, unless the lexicon knows it ("Bupati Berau" is no title of a body "Berau").
const REGIONAL_HEADS: &[&str] = &["gubernur", "bupati", "wali-kota", "camat", "lurah"];

/// Head words that make a title of the institution after them, with the title's prefix.
const HEAD_WORDS: &[(&str, &str)] = &[
    ("ketua", "ketua"),
    ("anggota", "anggota"),
    ("komisioner", "anggota"),
    ("sekretaris", "sekretaris"),
    ("bendahara", "bendahara"),
];

/// The head word right before an institution starting at `pos` (across a party's board
/// word: "Ketua DPD Partai Golkar"): its title prefix and start. "Kepala" may be
/// misspelt ("Kapala"); "Wakil" before the head makes `wakil-<head>`.
fn head_before(ctx: &Context, pos: usize) -> Option<(&'static str, usize)> {
    let word_at = |end: usize| {
        let word = ctx.word_before(end);
        let head = ctx.folded[..end].trim_end_matches([' ', '-']);
        (word, head.len() - word.len())
    };
    let (mut word, mut start) = word_at(pos);
    if matches!(word, "dpd" | "dpw" | "dpc" | "dpp") {
        (word, start) = word_at(start);
    }
    let capital = ctx.text[start..].starts_with(|c: char| c.is_uppercase());
    if !capital {
        return None;
    }
    // "kepada" (to) is one letter from "kepala" but a word of its own.
    let head = if word.len() >= 5 && word != "kepada" && one_edit(word, "kepala") {
        "kepala"
    } else {
        HEAD_WORDS.iter().find(|(w, _)| *w == word)?.1
    };
    let (before, before_start) = word_at(start);
    if before == "wakil" && ctx.text[before_start..].starts_with('W') {
        let id = match head {
            "kepala" => "wakil-kepala",
            "ketua" => "wakil-ketua",
            "sekretaris" => "wakil-sekretaris",
            _ => return Some((head, start)),
        };
        return Some((id, before_start));
    }
    Some((head, start))
}

/// Heads of institutions whose title is not "kepala-<type>".
const HEADS: &[(&str, &str)] = &[
    ("kejari", "kajari"),
    ("kejati", "kajati"),
    ("polda", "kapolda"),
    ("polres", "kapolres"),
    ("polsek", "kapolsek"),
    ("polri", "kapolri"),
    ("satpol-pp", "kasatpol-pp"),
];

/// "Kepala Badan Kesbangpol Kaltim mengatakan H Sufian Agus mengatakan …": an editing
/// slip that leaves the verb on both sides of the name. The name between two
/// occurrences of the same speech verb belongs to the title before the first.
fn name_between_repeated_verb(
    ctx: &Context,
    pos: usize,
    next_hit: usize,
) -> Option<(Option<Range<usize>>, Vec<String>, usize)> {
    let p = skip_spaces(ctx.text, pos);
    let h = (next_hit..ctx.hits.len()).find(|&h| ctx.hits[h].range.start >= p)?;
    if ctx.hits[h].range.start != p {
        return None;
    }
    let verb = ctx.term(h, "cue")?;
    let (name, honorifics, next) = name_after(ctx, ctx.hits[h].range.end, h + 1);
    let range = name.clone()?;
    let after = skip_spaces(ctx.text, range.end);
    let again = ctx
        .hits
        .get(next)
        .filter(|hit| hit.range.start == after)
        .is_some_and(|_| ctx.term(next, "cue") == Some(verb));
    again.then_some((name, honorifics, next))
}

/// Titles followed by the field they head ("Menteri Pekerjaan Umum", "Kepala Dinas
/// Kesehatan") before the place and the name.
const PORTFOLIO_TITLES: &[&str] = &[
    "menteri",
    "kepala-dinas",
    "dirjen",
    "asisten",
    "kepala-badan",
    "direktur",
    "deputi",
    "staf-ahli",
    "kepala-bidang",
    "kepala-bagian",
];

/// Words of ministry, agency and department names: common nouns that are capitalized in
/// those names and are never a person's name ("Pekerjaan Umum dan Perumahan Rakyat").
const PORTFOLIO_WORDS: &[&str] = &[
    "agama",
    "agraria",
    "anak",
    "aparatur",
    "arsip",
    "aset",
    "bangsa",
    "bencana",
    "bidang",
    "birokrasi",
    "budaya",
    "bumn",
    "daerah",
    "dalam",
    "daya",
    "desa",
    "digital",
    "ekonomi",
    "energi",
    "hak",
    "ham",
    "hidup",
    "hukum",
    "industri",
    "informatika",
    "investasi",
    "kabinet",
    "kebakaran",
    "kebersihan",
    "kebudayaan",
    "kehutanan",
    "kelautan",
    "kemaritiman",
    "kependudukan",
    "kepegawaian",
    "keamanan",
    "kearsipan",
    "kerja",
    "kesatuan",
    "kesehatan",
    "ketahanan",
    "ketenagakerjaan",
    "keuangan",
    "komunikasi",
    "koordinator",
    "koperasi",
    "kreatif",
    "lingkungan",
    "luar",
    "manusia",
    "menengah",
    "milik",
    "mineral",
    "modal",
    "nasional",
    "negara",
    "negeri",
    "olahraga",
    "pangan",
    "pariwisata",
    "pekerjaan",
    "pemadam",
    "pembangunan",
    "pemberdayaan",
    "pemuda",
    "penanaman",
    "penanggulangan",
    "pencatatan",
    "pendapatan",
    "pendidikan",
    "penelitian",
    "perdagangan",
    "perekonomian",
    "perempuan",
    "perencanaan",
    "perhubungan",
    "perikanan",
    "perindustrian",
    "perizinan",
    "perkebunan",
    "perlindungan",
    "permukiman",
    "perpustakaan",
    "pertahanan",
    "pertamanan",
    "pertanahan",
    "pertanian",
    "perumahan",
    "peternakan",
    "pintu",
    "politik",
    "rakyat",
    "reformasi",
    "riset",
    "ruang",
    "sains",
    "satu",
    "sekretariat",
    "sipil",
    "sosial",
    "statistik",
    "sumber",
    "tata",
    "teknologi",
    "tenaga",
    "terpadu",
    "tertinggal",
    "tinggi",
    "transmigrasi",
    "ukm",
    "umum",
    "usaha",
    "wilayah",
    "pemerintahan",
    "kesejahteraan",
    "administrasi",
    "setda",
    "setdakab",
    "setdakot",
    "setdaprov",
    "setprov",
    "sekretariat",
];

/// Moves past the portfolio after a title ("Pekerjaan Umum dan Perumahan Rakyat (PUPR)"):
/// portfolio words, "dan"/"&" between them, and the acronym in parentheses after them.
/// Returns the last hit inside and the new end.
fn skip_portfolio(ctx: &Context, last: usize, end: usize) -> (usize, usize) {
    let text = ctx.text;
    let mut p = end;
    let mut new_end = end;
    loop {
        let q = skip_spaces(text, p);
        let rest = &text[q..line_end(text, q)];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let word = ctx.folded[q..q + len].to_string();
        if len > 0 && PORTFOLIO_WORDS.contains(&word.as_str()) {
            p = q + len;
            new_end = p;
        } else if (word == "dan" || rest.starts_with('&')) && new_end > end {
            p = q + len.max(1);
        } else if rest.starts_with('(') && new_end > end {
            match rest.find(')').filter(|&c| c <= 12) {
                Some(c) => {
                    new_end = q + c + 1;
                    break;
                }
                None => break,
            }
        } else {
            break;
        }
    }
    let last = ctx
        .hits
        .partition_point(|h| h.range.end <= new_end)
        .saturating_sub(1)
        .max(last);
    (last, new_end)
}

/// The end of the line of `pos`, looked for within 400 bytes (a name, its title and
/// degrees are never longer): the cost per title stays constant on one-line texts.
fn line_end(text: &str, pos: usize) -> usize {
    let cap = capped(text, pos, 400);
    memchr::memchr(b'\n', &text.as_bytes()[pos..cap]).map_or(cap, |n| pos + n)
}

/// `pos + len`, or less, on a char boundary, at most the text's end.
fn capped(text: &str, pos: usize, len: usize) -> usize {
    let mut end = (pos + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The acting prefix right before title hit `i`.
fn acting_before(ctx: &Context, start: usize) -> Option<(String, usize)> {
    let prev = ctx.hit_before(start)?;
    let value = ctx.term(prev, "acting")?;
    // "Pj Bupati", and "Penjabat (Pj) Bupati" where the hit before is inside parentheses.
    let gap = &ctx.text[ctx.hits[prev].range.end..start];
    let close = gap.chars().all(|c| c == ' ' || c == ')');
    // "Pelaksana Tugas (Plt) Kepala …": the long form before the abbreviation.
    let mut at = ctx.hits[prev].range.start;
    if ctx.text[..at].ends_with('(') {
        if let Some(p) = prev
            .checked_sub(1)
            .filter(|&p| ctx.term(p, "acting").is_some())
        {
            if ctx.text[ctx.hits[p].range.end..at].trim() == "(" {
                at = ctx.hits[p].range.start;
            }
        }
    }
    close.then(|| (value.to_string(), at))
}

/// Reads "[,] [honorifics] Name [, degrees]" from `pos`; `next_hit` is the first hit at
/// or after `pos`. Honorifics and degrees may be glued to the name and to each other
/// ("Dr.H.Abdul Rauf,SE.M.Si", "Irjen. Pol. Drs. Name", "H.M.Name AP,MAP"). Returns the
/// name range, the honorifics and degrees in the order written, and the index of the next
/// unread hit.
fn name_after(
    ctx: &Context,
    pos: usize,
    mut next_hit: usize,
) -> (Option<Range<usize>>, Vec<String>, usize) {
    let text = ctx.text;
    let line_end = line_end(text, pos);
    let mut p = pos;
    let rest = &text[p..line_end];
    let skipped = rest.len() - rest.trim_start_matches([' ', ',']).len();
    if rest[..skipped].matches(',').count() > 1 {
        return (None, Vec::new(), next_hit);
    }
    let after_comma = rest[..skipped].contains(',');
    let mut in_unit = false;
    p += skipped;
    let mut honorifics = Vec::new();
    let mut name: Option<Range<usize>> = None;
    let mut words = 0;
    while p < line_end && words < 5 {
        while next_hit < ctx.hits.len() && ctx.hits[next_hit].range.start < p {
            next_hit += 1;
        }
        if let Some(h) = ctx.hits.get(next_hit).filter(|h| h.range.start == p) {
            let is_honorific =
                ctx.term(next_hit, "honorific").is_some() || ctx.term(next_hit, "rank").is_some();
            if is_honorific && name.is_none() {
                honorifics.push(text[h.range.clone()].trim_end_matches('.').to_string());
                let after = h.range.end + usize::from(text[h.range.end..].starts_with('.'));
                p = skip_spaces(text, after);
                next_hit += 1;
                continue;
            }
            let stop = ctx.entries(next_hit).iter().any(|e| {
                matches!(e, Entry::Title(_) | Entry::Institution(_) | Entry::Event(_))
                    || matches!(e, Entry::Term(k) if !matches!(ctx.lex.terms[*k as usize].kind.as_str(), "honorific" | "degree"))
            });
            if stop {
                break;
            }
        }
        if name.is_none() {
            if let Some(len) = dotted_term(ctx, &text[p..line_end], &["honorific", "rank"]) {
                honorifics.push(text[p..p + len].trim_end_matches('.').to_string());
                p = skip_spaces(text, p + len);
                continue;
            }
        } else if is_degree_word(ctx, &text[p..line_end]) {
            break;
        }
        // "Lurah Kota Wetan, Iwan Gunawan": the unit's name, a comma, the name.
        if name.is_none() && in_unit && text[p..line_end].starts_with(", ") {
            p = skip_spaces(text, p + 1);
            in_unit = false;
            continue;
        }
        let Some(len) = name_word(&text[p..line_end]) else {
            break;
        };
        let kind = word_kind(ctx, p..p + len);
        // Inside a unit's name ("Bidang Dakwah dan Ukhuwah"), words that are no known
        // name belong to it.
        let unit_word = in_unit && name.is_none() && !known_name(ctx, &(p..p + len));
        match kind {
            // The title's field or unit, before the name: "Dirjen Pajak Suryo Utomo",
            // "Ketua MUI Bidang Dakwah dan Ukhuwah …"; never after a rank ("AKBP Teguh").
            NameWord::Closed | NameWord::Field
                if name.is_none() && honorifics.is_empty() && !after_comma =>
            {
                in_unit |= matches!(kind, NameWord::Closed);
                p = skip_spaces(text, p + len);
                if ctx.folded[p..].starts_with("dan ") {
                    p = skip_spaces(text, p + 3);
                }
                continue;
            }
            NameWord::Name if unit_word => {
                p = skip_spaces(text, p + len);
                if ctx.folded[p..].starts_with("dan ") {
                    p = skip_spaces(text, p + 3);
                }
                continue;
            }
            NameWord::Closed => break,
            NameWord::Field | NameWord::Name => {}
        }
        name = Some(name.map_or(p..p + len, |r| r.start..p + len));
        words += 1;
        p = skip_spaces(text, p + len);
    }
    // A name is not an acronym alone ("Sekjen DPP Partai Golkar").
    if name
        .as_ref()
        .is_some_and(|r| !text[r.clone()].chars().any(char::is_lowercase))
    {
        name = None;
    }
    if let Some(r) = &name {
        degrees_after(ctx, r.end, line_end, &mut honorifics);
    }
    (name, honorifics, next_hit)
}

/// What a capitalized word after a title is.
enum NameWord {
    /// A closed `not-name` word ("Bidang", "Selasa"): never in a name.
    Closed,
    /// A word the press writes in lowercase at least three times in four and no known
    /// name ("Pajak", "Tahun"): before a name, a word of the title's field or unit.
    Field,
    /// Possibly a word of a name.
    Name,
}

/// Whether the capitalized word at `r` may be part of a name.
fn word_kind(ctx: &Context, r: Range<usize>) -> NameWord {
    let Some(info) = ctx.lex.word(&ctx.folded[r]) else {
        return NameWord::Name;
    };
    let named = matches!(
        info.name,
        Some(crate::lexicon::NameClass::Given | crate::lexicon::NameClass::Family)
    );
    if named {
        NameWord::Name
    } else if info.kinds & crate::lexicon::kind::NOT_NAME != 0 {
        NameWord::Closed
    } else if info.common && info.lower_share >= 75 {
        NameWord::Field
    } else {
        NameWord::Name
    }
}

/// An honorific or rank of `kinds` at the start of `s`, written with a dot and possibly
/// glued to what follows ("Dr.H.Abdul" → "Dr."): its length with the dot.
fn dotted_term(ctx: &Context, s: &str, kinds: &[&str]) -> Option<usize> {
    let dot = s.find('.')?;
    let word = &s[..dot];
    if word.is_empty() || word.len() > 6 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let t = ctx.lex.compact_term(word)?;
    kinds
        .contains(&ctx.lex.terms[t as usize].kind.as_str())
        .then_some(dot + 1)
}

/// Whether `s` starts with a degree written in capitals or with dots ("AP", "S.H.").
fn is_degree_word(ctx: &Context, s: &str) -> bool {
    let len = s
        .find(|c: char| !(c.is_alphanumeric() || c == '.'))
        .unwrap_or(s.len());
    let word = &s[..len];
    let shaped = word.contains('.') || (word.len() >= 2 && !word.chars().any(char::is_lowercase));
    shaped && degree_parts(ctx, word).is_some()
}

/// Splits a token of degrees written together ("SE.M.Si", "S.H.", "MAP") into the
/// degrees of the lexicon, longest first; `None` when a part is not a degree.
fn degree_parts(ctx: &Context, token: &str) -> Option<Vec<String>> {
    let segs: Vec<&str> = token.split_inclusive('.').collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let j = (i + 1..=segs.len().min(i + 4)).rev().find(|&j| {
            let joined: String = segs[i..j].concat();
            ctx.lex
                .compact_term(&joined)
                .is_some_and(|t| ctx.lex.terms[t as usize].kind == "degree")
        })?;
        out.push(segs[i..j].concat().trim_end_matches('.').to_string());
        i = j;
    }
    (!out.is_empty()).then_some(out)
}

/// Reads degrees after a name (", S.H., M.Si", ",SE.M.Si", " AP,MAP") into `honorifics`.
fn degrees_after(ctx: &Context, pos: usize, line_end: usize, honorifics: &mut Vec<String>) {
    let text = ctx.text;
    let mut p = pos;
    while p < line_end {
        let q =
            p + (text[p..line_end].len() - text[p..line_end].trim_start_matches([' ', ',']).len());
        let Some(token) = degree_token(&text[q..line_end]) else {
            break;
        };
        let Some(parts) = degree_parts(ctx, token) else {
            break;
        };
        honorifics.extend(parts);
        p = q + token.len();
    }
}

/// The token at the start of `rest` (letters, digits and dots) when it has the shape of a
/// degree: a dot ("S.H.", "M.Si") or two or more letters none of them lowercase ("SE").
pub(crate) fn degree_token(rest: &str) -> Option<&str> {
    let len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '.'))
        .unwrap_or(rest.len());
    let token = &rest[..len];
    let shaped =
        token.contains('.') || (token.len() >= 2 && !token.chars().any(char::is_lowercase));
    shaped.then_some(token)
}

fn skip_spaces(text: &str, p: usize) -> usize {
    p + (text[p..].len() - text[p..].trim_start_matches(' ').len())
}

/// The byte length of a capitalized name word at the start of `s` ("Mas'ud", "Al-Hadi").
fn name_word(s: &str) -> Option<usize> {
    let first = s.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let len = s
        .char_indices()
        .find(|(_, c)| !(c.is_alphabetic() || *c == '\'' || *c == '-'))
        .map_or(s.len(), |(i, _)| i);
    // An initial with its dot, possibly glued to the next word ("M.Yusuf").
    if len == first.len_utf8() && s[len..].starts_with('.') {
        return Some(len + 1);
    }
    let word = &s[..len];
    (len > 0 && !word.ends_with('-') && !STOP.contains(&word.to_lowercase().as_str()))
        .then_some(len)
}

/// Capitalized words that end a name: weekdays and sentence adverbs.
const STOP: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "saat", "ketika", "yang",
    "dan", "di", "ini", "itu", "pada", "dalam",
];

/// Whether some word of the name at `r` is a given or family name of the lexicon.
fn known_name(ctx: &Context, r: &Range<usize>) -> bool {
    ctx.folded[r.clone()]
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| {
            matches!(
                ctx.lex.name_class(w),
                Some(crate::lexicon::NameClass::Given | crate::lexicon::NameClass::Family)
            )
        })
}

/// A title of body type `kind` followed by that body written out: "Kasi Pidsus Kejari
/// Banjarmasin", "Jampidsus Kejaksaan Agung": the body's place is the title's, and the
/// name comes after it.
fn own_body(
    ctx: &Context,
    bodies: &[Mention],
    tail: institutions::Tail,
    kind: &str,
) -> institutions::Tail {
    if kind.is_empty() || tail.jurisdiction.is_some() {
        return tail;
    }
    let at = skip_spaces(ctx.text, tail.end);
    if at == tail.end && !ctx.text[tail.end..].is_empty() {
        return tail;
    }
    let k = bodies.partition_point(|m| m.range.start < at);
    match bodies
        .get(k)
        .filter(|m| m.range.start == at && m.kind == kind)
    {
        Some(m) => through(ctx, m, m.jurisdiction, tail),
        None => tail,
    }
}

/// The body written after a title that names none, past its field: its type and the
/// extended tail.
fn late_body(
    ctx: &Context,
    bodies: &[Mention],
    tail: institutions::Tail,
) -> (Option<String>, institutions::Tail) {
    let at = past_field(ctx, tail.end);
    let k = bodies.partition_point(|m| m.range.start < at);
    match bodies
        .get(k)
        .filter(|m| m.range.start == at && at > tail.end)
    {
        Some(m) => (
            Some(m.kind.clone()),
            through(ctx, m, m.jurisdiction.or(tail.jurisdiction), tail),
        ),
        None => (None, tail),
    }
}

/// `tail` extended through body `m`, with `jurisdiction`.
fn through(
    ctx: &Context,
    m: &Mention,
    jurisdiction: Option<u32>,
    tail: institutions::Tail,
) -> institutions::Tail {
    institutions::Tail {
        jurisdiction,
        unit: m.unit.clone().or(tail.unit),
        end: m.range.end,
        last_hit: ctx
            .hits
            .partition_point(|h| h.range.start < m.range.end)
            .saturating_sub(1)
            .max(tail.last_hit),
    }
}

/// Offices that belong to a kind of body without naming it: a judge sits in a court, a
/// prosecutor in a prosecution office.
const BODY_OF_TITLE: &[(&str, &[&str])] = &[
    ("hakim", &["pengadilan"]),
    ("jaksa", &["kejari", "kejati", "kejagung"]),
];

/// A judge or a prosecutor named without their body ("hakim ketua Rinaldi Usman") serves
/// in the one body of that kind the article names ("Pengadilan Negeri Padang"); when it
/// names several, the office stays without one.
pub fn bodies_of_roles(people: &mut [FoundPerson], bodies: &[Mention]) {
    for p in people.iter_mut() {
        for role in p.roles.iter_mut().filter(|r| r.institution.is_none()) {
            let Some((_, kinds)) = BODY_OF_TITLE.iter().find(|(t, _)| *t == role.title) else {
                continue;
            };
            let mut named = bodies
                .iter()
                .filter(|m| kinds.contains(&m.kind.as_str()) && m.jurisdiction.is_some());
            let Some(first) = named.next() else { continue };
            if named.all(|m| m.kind == first.kind && m.jurisdiction == first.jurisdiction) {
                role.institution = Some(first.kind.clone());
                role.jurisdiction = first.jurisdiction;
            }
        }
    }
}

/// Sorts each person's mentions and drops repeats.
pub(super) fn tidy(people: &mut [FoundPerson]) {
    for p in people {
        p.mentions.sort_by_key(|r| (r.start, r.end));
        p.mentions.dedup();
    }
}

/// Adds a mention of the person named `text[range]` (one person per name, compared
/// case-insensitively through `index`), with its honorifics and, if given, a role.
pub(super) fn add_person(
    ctx: &Context,
    people: &mut Vec<FoundPerson>,
    index: &mut FxHashMap<String, usize>,
    range: Range<usize>,
    honorifics: Vec<String>,
    role: Option<FoundRole>,
) -> usize {
    let name = ctx.text[range.clone()].to_string();
    let key = ctx.folded[range.clone()].to_string();
    let official = official_named(ctx, &range);
    let slot = *index.entry(key).or_insert_with(|| {
        people.push(FoundPerson {
            name,
            honorifics: Vec::new(),
            official,
            roles: Vec::new(),
            mentions: Vec::new(),
        });
        people.len() - 1
    });
    let person = &mut people[slot];
    if person.honorifics.is_empty() {
        person.honorifics = honorifics;
    }
    // Duplicates are removed once at the end ([`tidy`]): a name repeated a thousand times
    // must not cost a million comparisons.
    person.mentions.push(range);
    let Some(role) = role else { return slot };
    add_role(person, role);
    slot
}

/// Adds `role` to a person: a role with a place replaces the same title without one.
pub(super) fn add_role(person: &mut FoundPerson, role: FoundRole) {
    let same_title = person
        .roles
        .iter()
        .position(|r| r.title == role.title && r.acting == role.acting);
    match same_title {
        // The same office written twice, once with more of its place or body: the two
        // complete each other ("Sekjen DPP Partai Golkar X" … "Sekjen X").
        Some(k) => {
            let old = &mut person.roles[k];
            let compatible = (old.jurisdiction.is_none()
                || role.jurisdiction.is_none()
                || old.jurisdiction == role.jurisdiction)
                && (old.institution.is_none()
                    || role.institution.is_none()
                    || old.institution == role.institution);
            if compatible {
                old.jurisdiction = old.jurisdiction.or(role.jurisdiction);
                if old.institution.is_none() {
                    old.institution = role.institution;
                }
            } else if !person.roles.contains(&role) {
                person.roles.push(role);
            }
        }
        None => person.roles.push(role),
    }
}

/// The official whose full name the gazetteer matched exactly over `range`.
fn official_named(ctx: &Context, range: &Range<usize>) -> Option<u32> {
    let i = ctx.hits.partition_point(|h| h.range.start < range.start);
    let hit = ctx.hits.get(i).filter(|h| h.range == *range)?;
    ctx.gazetteer.entries(hit).iter().find_map(|e| match e {
        Entry::Official(o) => Some(*o),
        _ => None,
    })
}

/// Mentions of people already found, by lexicon full or short name.
fn known_mentions(
    ctx: &Context,
    people: &mut [FoundPerson],
    _index: &mut FxHashMap<String, usize>,
) {
    for (i, h) in ctx.hits.iter().enumerate() {
        for e in ctx.entries(i) {
            let (Entry::Official(o) | Entry::OfficialShort(o)) = e else {
                continue;
            };
            if let Some(p) = people.iter_mut().find(|p| p.official == Some(*o)) {
                push_range(&mut p.mentions, h.range.clone());
            }
        }
    }
    for p in people.iter_mut() {
        p.mentions.sort_by_key(|r| r.start);
    }
}

/// A known official's role written without a place ("sambutan Bupati Edi Damansyah")
/// takes the jurisdiction of the office the lexicon gives them with that title on `day`
/// (or at any time, when no row covers the day).
fn known_jurisdictions(ctx: &Context, people: &mut [FoundPerson], day: Date) {
    for p in people.iter_mut() {
        let Some(o) = p.official else { continue };
        let id = &ctx.lex.officials[o as usize].id;
        for role in p.roles.iter_mut().filter(|r| r.jurisdiction.is_none()) {
            let rows = ctx
                .lex
                .officials
                .iter()
                .filter(|r| &r.id == id && r.title == role.title);
            let mut best = None;
            for r in rows {
                if best.is_none() || r.serves_on(day) {
                    best = Some(r);
                }
            }
            role.jurisdiction = best
                .and_then(|r| r.jurisdiction.as_deref())
                .and_then(|j| ctx.lex.place_index(j));
        }
    }
}

/// Resolves offices named without a name: through the officials lexicon on the
/// reference day, else to the person named before with the same title (and place):
/// "Sekda Sunggono … Sekda mengatakan" → Sunggono. Offices that stay unresolved are
/// kept in `offices`.
fn resolve_offices(ctx: &Context, out: &mut People, reference: Option<Date>) {
    let offices = std::mem::take(&mut out.offices);
    for office in offices {
        // A title in lowercase is a noun ("pemilu presiden Amerika Serikat"), no one's
        // office.
        if !ctx.text[office.range.clone()].starts_with(|c: char| c.is_uppercase()) {
            out.offices.push(office);
            continue;
        }
        let role = &office.role;
        let holder = reference.and_then(|day| holder_on(ctx, role, day));
        if let Some(o) = holder {
            let slot = match out.people.iter().position(|p| {
                p.official.is_some_and(|q| {
                    ctx.lex.officials[q as usize].id == ctx.lex.officials[o as usize].id
                })
            }) {
                Some(k) => k,
                None => {
                    out.people.push(FoundPerson {
                        name: ctx.lex.officials[o as usize].name.clone(),
                        honorifics: Vec::new(),
                        official: Some(o),
                        roles: Vec::new(),
                        mentions: Vec::new(),
                    });
                    out.people.len() - 1
                }
            };
            let p = &mut out.people[slot];
            push_range(&mut p.mentions, office.range.clone());
            p.mentions.sort_by_key(|r| r.start);
            if !p.roles.iter().any(|r| r.title == role.title) {
                p.roles.push(role.clone());
            }
            continue;
        }
        let before = out
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.roles.iter().any(|r| {
                    r.title == role.title
                        && (role.jurisdiction.is_none() || r.jurisdiction == role.jurisdiction)
                })
            })
            .filter_map(|(k, p)| {
                let first = p.mentions.iter().map(|m| m.start).min()?;
                (first < office.range.start).then_some((first, k))
            })
            .max();
        match before {
            Some((_, k)) => {
                let p = &mut out.people[k];
                push_range(&mut p.mentions, office.range.clone());
                p.mentions.sort_by_key(|r| r.start);
            }
            None => out.offices.push(office),
        }
    }
}

/// The official who holds `role`'s office on `day`: same title and jurisdiction, and the
/// same acting prefix when the text writes one ("Pj Gubernur" is never the elected one;
/// a plain "Gubernur" may be the acting holder).
fn holder_on(ctx: &Context, role: &FoundRole, day: Date) -> Option<u32> {
    let j = role.jurisdiction?;
    let place = &ctx.lex.places[j as usize].id;
    let mut found = ctx
        .lex
        .office_rows(&role.title, place)
        .filter(|(_, r)| r.serves_on(day) && (role.acting.is_none() || r.acting == role.acting));
    let first = found.next()?;
    // Two holders on one day (a handover day): prefer the one whose acting matches.
    let pick = std::iter::once(first)
        .chain(found)
        .find(|(_, r)| r.acting == role.acting)
        .unwrap_or(first);
    Some(pick.0)
}

/// Adds a mention for every word-bounded, capitalized occurrence of a person's full name
/// or of one of its words ("Isran" for Isran Noor) when that word names no one else.
pub fn name_mentions(ctx: &Context, people: &mut [FoundPerson]) {
    use crate::segment::{is_word_end, is_word_start};
    let words: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            p.name
                .split(' ')
                .filter(|w| w.chars().count() >= 3)
                .map(crate::normalize::fold)
                .collect()
        })
        .collect();
    for (k, p) in people.iter_mut().enumerate() {
        let mut forms: Vec<String> = vec![crate::normalize::fold(&p.name)];
        for w in &words[k] {
            let shared = words
                .iter()
                .enumerate()
                .any(|(j, ws)| j != k && ws.contains(w));
            if !shared && !forms.contains(w) {
                forms.push(w.clone());
            }
        }
        for form in forms.iter().filter(|f| !f.is_empty()) {
            // Non-overlapping, like `str::match_indices`; a valid UTF-8 needle only
            // matches on char boundaries.
            for at in memchr::memmem::find_iter(ctx.folded.as_bytes(), form.as_bytes()) {
                let r = at..at + form.len();
                let capital = ctx.text[r.clone()].starts_with(|c: char| c.is_uppercase());
                let inside = p
                    .mentions
                    .iter()
                    .any(|m| m.start <= r.start && r.end <= m.end);
                if capital
                    && !inside
                    && is_word_start(ctx.folded, r.start)
                    && is_word_end(ctx.folded, r.end)
                {
                    p.mentions.push(r);
                }
            }
        }
        p.mentions.sort_by_key(|r| r.start);
    }
}

/// Who said a quote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker (index into `people`).
    pub speaker: Option<usize>,
    /// The cue words after the quote ("ujarnya", "kata Isran").
    pub cue: Option<String>,
    /// A spokesman or reader through whom the speaker spoke ("Kapolres … melalui Kasi
    /// Humas …"): index into `people`.
    pub channel: Option<usize>,
}

/// The speaker of each quote, its cue text and its channel.
///
/// A cue with a name ("kata Isran") names the speaker; a "-nya" cue ("ujarnya") or a
/// lead-in clause without a name goes to the current speaker: the person named last since
/// the previous quote's attribution sentence, else whoever spoke last, else the person
/// named last before the quote. In "X melalui Y, menyampaikan" the speaker is X and Y is
/// the channel.
pub fn attribute(
    ctx: &Context,
    people: &[FoundPerson],
    quotes: &[crate::quotes::QuoteHit],
) -> Vec<Attribution> {
    // Every mention once, by end and by start: each lookup is a binary search.
    let mut by_end: Vec<(usize, usize, usize)> = people
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.mentions.iter().map(move |m| (m.end, m.start, k)))
        .collect();
    by_end.sort_unstable();
    let mut by_start: Vec<(usize, usize, usize)> =
        by_end.iter().map(|&(e, s, k)| (s, e, k)).collect();
    by_start.sort_unstable();
    // The mention ending last at or before `pos`: (start, person).
    let last_mention = |pos: usize| {
        let i = by_end.partition_point(|m| m.0 <= pos);
        i.checked_sub(1).map(|i| (by_end[i].1, by_end[i].2))
    };
    let last_before = |pos: usize| last_mention(pos).map(|(_, k)| k);
    let within = |r: &Range<usize>| {
        let i = by_start.partition_point(|m| m.0 < r.start);
        by_start[i..]
            .iter()
            .take_while(|m| m.0 < r.end)
            .find(|m| m.1 <= r.end)
            .map(|m| m.2)
    };
    let mut last_speaker: Option<usize> = None;
    // Mentions after this point name a new subject; those in the attribution sentence of
    // the previous quote ("ujarnya saat membacakan sambutan Bupati X") do not.
    let mut since = 0;
    let mut out = Vec::with_capacity(quotes.len());
    for q in quotes {
        // The person named last since the previous attribution, unless someone named
        // in between speaks ("Dwi menambahkan, polisi memburu penadah berinisial TN.
        // “…,” ujarnya": Dwi).
        let subject = speaking_subject(ctx, &by_end, since, q.inner.start).or_else(|| {
            last_mention(q.inner.start)
                .filter(|&(start, _)| start >= since)
                .map(|(_, k)| k)
        });
        // Suspects named by their initials ("HR") are talked about, not quoted: the last
        // speaker goes on speaking.
        let initials = |k: usize| {
            let n = &people[k].name;
            n.len() <= 4 && !n.chars().any(char::is_lowercase)
        };
        let subject = match (subject, last_speaker) {
            (Some(k), Some(s)) if initials(k) => Some(s),
            (s, _) => s,
        };
        let current = subject
            .or(last_speaker)
            .or_else(|| last_before(q.inner.start));
        let cue = q.cue_after.as_ref().filter(|c| is_cue(ctx, c));
        let nya = cue.is_some_and(|c| {
            ctx.folded[c.clone()]
                .split(' ')
                .next()
                .is_some_and(|w| w.ends_with("nya") && w.len() > 5)
        });
        let mut channel = None;
        let speaker = match cue {
            Some(_) if nya => current,
            Some(c) => within(c).or(current),
            None => match &q.lead_in {
                Some(l) => match channel_split(ctx, l) {
                    Some(via) => {
                        channel = within(&(via..l.end));
                        within(&(l.start..via)).or(current)
                    }
                    None => within(l).or(current),
                },
                None => current,
            },
        };
        last_speaker = speaker.or(last_speaker);
        since = sentence_end(
            ctx.text,
            q.cue_after.as_ref().map_or(q.inner.end, |c| c.end),
        );
        out.push(Attribution {
            speaker,
            cue: cue.map(|c| ctx.text[c.clone()].to_string()),
            channel,
        });
    }
    out
}

/// The last person named between `since` and `until` right before a speech verb
/// ("Dwi menambahkan", "Budi mengatakan"): mentions by end, `(end, start, person)`.
fn speaking_subject(
    ctx: &Context,
    by_end: &[(usize, usize, usize)],
    since: usize,
    until: usize,
) -> Option<usize> {
    let from = by_end.partition_point(|m| m.0 <= since);
    let to = by_end.partition_point(|m| m.0 <= until);
    if from >= to {
        return None;
    }
    // Someone named in a later sentence is the new subject: only a speaker of the last
    // sentence that names anyone counts ("Dwi menambahkan, polisi memburu TN." — Dwi;
    // "Menurut Bayu, …. Pandangan serupa disampaikan Ratna." — not Bayu).
    let last_start = by_end[from..to].iter().map(|m| m.1).max()?;
    let between = &ctx.text[since.min(last_start)..last_start];
    let last_sentence = since.min(last_start)
        + between
            .rfind(". ")
            .map_or(0, |i| i + 2)
            .max(between.rfind('\n').map_or(0, |i| i + 1));
    by_end[from..to].iter().rev().find_map(|&(end, start, k)| {
        if start < last_sentence {
            return None;
        }
        if start < since {
            return None;
        }
        // "Menurut Firli, …": the name after "menurut" speaks.
        if ctx.word_before(start) == "menurut" {
            return Some(k);
        }
        let h = ctx.hit_from(end)?;
        let gap = &ctx.text[end..ctx.hits[h].range.start];
        let written = &ctx.folded[ctx.hits[h].range.clone()];
        let verb = written.starts_with("me") || written.starts_with("ber");
        (gap == " " && verb && ctx.term(h, "cue").is_some()).then_some(k)
    })
}

/// The position of "melalui" (through) in a lead-in clause, if any.
fn channel_split(ctx: &Context, r: &Range<usize>) -> Option<usize> {
    ctx.folded[r.clone()]
        .find(" melalui ")
        .map(|i| r.start + i + 1)
}

/// The end of the sentence that contains `pos` (a period before a space or line end),
/// looked for within 2,000 bytes.
fn sentence_end(text: &str, pos: usize) -> usize {
    let rest = &text.as_bytes()[pos..capped(text, pos, 2000)];
    // A ". " before the first line end (none can straddle it: its space is no newline).
    let line = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
    let n = memchr::memchr_iter(b'.', &rest[..line])
        .find(|&i| rest.get(i + 1) == Some(&b' '))
        .map_or(line, |i| i + 1);
    pos + n
}

/// Whether the first word of `r` is a quote cue verb from the lexicon.
fn is_cue(ctx: &Context, r: &Range<usize>) -> bool {
    let first = ctx.hits.partition_point(|h| h.range.start < r.start);
    let by_lexicon = ctx
        .hits
        .get(first)
        .is_some_and(|h| h.range.start == r.start)
        && ctx.term(first, "cue").is_some();
    let nya = ctx.folded[r.clone()]
        .split(' ')
        .take(2)
        .any(|w| w.ends_with("nya") && w.len() > 5);
    by_lexicon || nya
}
