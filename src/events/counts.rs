//! Counts: the figures the text ties to an event's toll ("dua orang tewas" → dead 2,
//! "12 orang diamankan" → arrested 12, "ratusan mahasiswa" at a protest → participants 100,
//! approximate).
//!
//! A number counts when a toll word of the `terms` lexicon (kind `toll`, value the count
//! kind) stands in its clause right after it ("7 orang meninggal dunia", "46 kios hangus")
//! or right before it ("menewaskan dua orang", "korban tewas bertambah menjadi 7 orang"),
//! and when its noun fits that kind: people for the dead, injured, missing, displaced and
//! arrested, buildings for the damaged. At a protest or a riot, a number of a group
//! ("500 buruh", "ribuan mahasiswa") with no toll word is its participants. Vague plurals
//! ("ratusan", "puluhan ribu") give the least number they say, approximate; so do numbers
//! after "sekitar", "lebih dari", "sedikitnya" …. A toll that rises through the article is
//! given by its last figure. Ten thousand or more dead, injured, missing or arrested are a
//! toll of history cited beside the event, not counted.

use std::ops::Range;

use crate::entities::Context;
use crate::figures::FigureHit;
use crate::record::FigureKind;

/// One count of an event, in normalized offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundCount {
    /// "dead", "injured", "missing", "displaced", "arrested", "participants", "damaged".
    pub kind: String,
    /// The number.
    pub value: f64,
    /// Whether the text gives it only roughly.
    pub approx: bool,
    /// The number and its noun.
    pub range: Range<usize>,
}

/// Nouns that count people (after a number: "dua orang", "4.215 jiwa").
const PEOPLE: &[&str] = &[
    "orang",
    "jiwa",
    "warga",
    "korban",
    "penumpang",
    "penduduk",
    "pelaku",
    "tersangka",
    "anak",
    "balita",
    "bayi",
    "pria",
    "wanita",
    "perempuan",
    "laki-laki",
    "pemuda",
    "remaja",
    "siswa",
    "pelajar",
    "mahasiswa",
    "santri",
    "pekerja",
    "buruh",
    "penambang",
    "nelayan",
    "petani",
    "pengendara",
    "pengemudi",
    "sopir",
    "penonton",
    "suporter",
    "personel",
    "anggota",
    "prajurit",
    "polisi",
    "pendaki",
    "wisatawan",
    "pengunjung",
    "pasien",
    "abk",
    "kk",
    "keluarga",
    "demonstran",
    "pendemo",
    "massa",
    "peserta",
    "tahanan",
    "napi",
    "narapidana",
    "pengedar",
    "kurir",
    "bandar",
    "terduga",
    "pemudik",
    "kepala",
    "lainnya",
    "tukang",
    "pengojek",
    "penghuni",
    "pedagang",
    "guru",
    "murid",
    "jemaah",
    "pemilih",
    "pendukung",
    "simpatisan",
];

/// Security forces: deployed, not arrested, and no crowd.
const SECURITY: &[&str] = &["personel", "polisi", "prajurit", "aparat", "petugas"];

/// Words for a crowd of protesters or supporters.
const CROWD: &[&str] = &[
    "demonstran",
    "pendemo",
    "peserta",
    "massa",
    "pemuda",
    "pengunjuk",
    "simpatisan",
    "pendukung",
];

/// Nouns that count buildings and vehicles (the damaged).
const BUILDINGS: &[&str] = &[
    "rumah",
    "unit",
    "bangunan",
    "kios",
    "toko",
    "gedung",
    "sekolah",
    "jembatan",
    "masjid",
    "gereja",
    "ruko",
    "lapak",
    "kantor",
    "fasilitas",
    "rumah warga",
    "los",
    "gudang",
    "pos",
    "mobil",
    "motor",
    "kendaraan",
    "kapal",
    "perahu",
    "pura",
    "musala",
    "asrama",
    "pabrik",
];

/// Words before a number that make it approximate.
const ROUGHLY: &[&str] = &[
    "sekitar",
    "kurang",
    "lebih",
    "hampir",
    "setidaknya",
    "sedikitnya",
    "kira-kira",
    "tak",
    "tidak",
    "mencapai",
    "ratusan",
    "ribuan",
    "puluhan",
    "±",
];

/// Vague plurals and the least number each says.
const VAGUE: &[(&str, f64)] = &[
    ("belasan", 11.0),
    ("puluhan", 10.0),
    ("ratusan", 100.0),
    ("ribuan", 1000.0),
    ("jutaan", 1_000_000.0),
];

/// The words of [`VAGUE`], in its order, then "seorang" and "sesosok" (one person, one
/// body).
const VAGUE_WORDS: &[&str] = &[
    "belasan", "puluhan", "ratusan", "ribuan", "jutaan", "seorang", "sesosok",
];

/// The least toll of people (dead, injured, missing, arrested) read as history, not news.
const HISTORIC: f64 = 10_000.0;

/// A number of the text: a figure, a vague plural or "seorang".
#[derive(Clone, Debug)]
struct Number {
    value: f64,
    approx: bool,
    /// The number and its noun.
    range: Range<usize>,
    /// The noun's first word, folded.
    noun: String,
}

/// The counts of kinds `wanted` (count kinds; "participants" also reads groups) that the
/// text ties to numbers in `within` (normalized offsets), the last of each kind.
pub fn read(
    ctx: &Context,
    figures: &[FigureHit],
    within: &[Range<usize>],
    wanted: &[&str],
) -> Vec<FoundCount> {
    let mut out: Vec<FoundCount> = Vec::new();
    for r in within {
        for n in numbers(ctx, figures, r.clone()) {
            let Some(kind) = toll_of(ctx, r, &n, wanted) else {
                continue;
            };
            // Tens of thousands dead, hurt, missing or arrested are a war's or a history's
            // toll cited beside the event ("Perang Dunia II menewaskan 20 juta orang"),
            // not a news event's: the biggest disaster of the archives (Aceh, 2004) is
            // cited, not reported.
            if n.value >= HISTORIC && matches!(kind, "dead" | "injured" | "missing" | "arrested") {
                continue;
            }
            let found = FoundCount {
                kind: kind.to_string(),
                value: n.value,
                approx: n.approx,
                range: n.range.clone(),
            };
            match out.iter_mut().find(|c| c.kind == found.kind) {
                // A later figure of the same kind is the toll as it stands.
                Some(c) if found.range.start > c.range.start => *c = found,
                Some(_) => {}
                None => out.push(found),
            }
        }
    }
    out
}

/// The count kind number `n` gives, if any, among `wanted`: the nearest toll word after
/// it, else before it, whose kind is wanted and fits its noun; else participants, for a
/// number of a group.
fn toll_of<'w>(
    ctx: &Context,
    clause: &Range<usize>,
    n: &Number,
    wanted: &[&'w str],
) -> Option<&'w str> {
    let after = words(ctx.folded, n.range.end..clause.end, 6, false);
    let before = words(ctx.folded, clause.start..n.range.start, 8, true);
    let noun = n.noun.as_str();
    let fits = |kind: &str| match kind {
        "damaged" => BUILDINGS.contains(&noun),
        // Security forces are deployed, not arrested.
        "arrested" => PEOPLE.contains(&noun) && !SECURITY.contains(&noun),
        _ => PEOPLE.contains(&noun),
    };
    let tolls: Vec<&str> = after
        .iter()
        .chain(&before)
        .filter_map(|w| toll_word(ctx, w))
        .collect();
    if !tolls.is_empty() {
        // A number tied to a toll is that toll's, or no count of this event.
        return tolls
            .iter()
            .find_map(|kind| wanted.iter().copied().find(|w| w == kind && fits(kind)));
    }
    // A crowd: a number of a group ("ribuan buruh", "ratusan guru honorer"), or of people
    // after a word for the crowd ("peserta aksi mencapai sekitar 3.000 orang"); not one.
    let group = ctx.folded[n.range.start..]
        .find(noun)
        .is_some_and(|i| group_at(ctx, n.range.start + i))
        || CROWD.contains(&noun)
        || (PEOPLE.contains(&noun) && before.iter().any(|w| CROWD.contains(w)));
    let plural = n.value > 1.0 && !SECURITY.contains(&noun);
    (group && plural && wanted.contains(&"participants")).then_some("participants")
}

/// Whether a group mention of the gazetteer ("buruh", "guru honorer") holds byte `pos`.
fn group_at(ctx: &Context, pos: usize) -> bool {
    let i = ctx.hits.partition_point(|h| h.range.start <= pos);
    i.checked_sub(1).is_some_and(|i| {
        ctx.hits[i].range.end > pos
            && ctx
                .entries(i)
                .iter()
                .any(|e| matches!(e, crate::gazetteer::Entry::Group(_)))
    })
}

/// The count kind of a toll word ("tewas" → "dead").
fn toll_word<'a>(ctx: &'a Context, word: &str) -> Option<&'a str> {
    let info = ctx.lex.word(word)?;
    info.terms.iter().find_map(|&t| {
        let term = &ctx.lex.terms[t as usize];
        (term.kind == "toll").then_some(term.value.as_str())
    })
}

/// Up to `max` words of `folded[range]`, nearest first (from the end when `backward`),
/// stopping at a clause mark (a period, semicolon, question mark, a quote) or a number.
/// A number in parentheses (an age: "JN (47) tewas") is passed over.
fn words(folded: &str, range: Range<usize>, max: usize, backward: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let Some(s) = folded.get(range) else {
        return out;
    };
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let is_mark = |c: char| matches!(c, '.' | ';' | '?' | '!' | '"' | '“' | '”' | '\n');
    let numeric = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
    // (word, the separators before it) in reading order from the number outwards.
    let mut rest = s;
    while out.len() < max {
        // The separators between the last word read and the next one.
        let (gap, tail) = if backward {
            let cut = rest.trim_end_matches(|c: char| !is_word(c));
            let n = cut.len();
            (&rest[n..], cut)
        } else {
            let cut = rest.trim_start_matches(|c: char| !is_word(c));
            (&rest[..rest.len() - cut.len()], cut)
        };
        if gap.chars().any(is_mark) || tail.is_empty() {
            break;
        }
        let (word, left) = if backward {
            let n = tail.trim_end_matches(is_word).len();
            (&tail[n..], &tail[..n])
        } else {
            let n = tail.len() - tail.trim_start_matches(is_word).len();
            (&tail[..n], &tail[n..])
        };
        if numeric(word) {
            let in_parens = if backward {
                left.ends_with('(') && gap.starts_with(')')
            } else {
                gap.ends_with('(') && left.starts_with(')')
            };
            if !in_parens {
                break;
            }
        } else {
            out.push(word);
        }
        rest = left;
    }
    out
}

/// The numbers of `folded[range]` that may count people or buildings: count figures,
/// vague plurals ("ratusan rumah") and "seorang", each with the noun it counts.
fn numbers(ctx: &Context, figures: &[FigureHit], range: Range<usize>) -> Vec<Number> {
    let mut out: Vec<Number> = figures
        .iter()
        .filter(|f| {
            f.kind == FigureKind::Count && f.range.start >= range.start && f.range.end <= range.end
        })
        .filter_map(|f| {
            let unit = f.unit.as_deref()?;
            let noun = unit.split(' ').next()?.to_lowercase();
            let before = words(ctx.folded, range.start..f.range.start, 2, true);
            let approx = before.iter().any(|w| ROUGHLY.contains(w));
            Some(Number {
                value: f.value,
                approx,
                range: f.range.clone(),
                noun,
            })
        })
        .collect();
    // Vague plurals and "seorang", which are no figures: each a word that a space (or the
    // range's start) opens and no letter or digit ends.
    let text = &ctx.folded[range.clone()];
    let mut found: Vec<(usize, usize, f64, bool)> = Vec::new();
    let starts =
        std::iter::once(0).chain(memchr::memchr_iter(b' ', text.as_bytes()).map(|k| k + 1));
    for s in starts {
        // Every word looked for starts with one of these letters: most words are passed
        // over on their first byte.
        if !matches!(
            text.as_bytes().get(s),
            Some(b'b' | b'p' | b'r' | b'j' | b's')
        ) {
            continue;
        }
        let rest = &text[s..];
        let Some((k, word)) = VAGUE_WORDS
            .iter()
            .enumerate()
            .find(|(_, w)| rest.starts_with(**w))
        else {
            continue;
        };
        let e = s + word.len();
        let piece_end = text[e..].find(' ').map_or(text.len(), |k| e + k);
        if text[e..piece_end].chars().any(char::is_alphanumeric) {
            continue;
        }
        let (value, approx) = match VAGUE.get(k) {
            Some((_, v)) => (*v, true),
            None => (1.0, false),
        };
        found.push((range.start + s, e - s, value, approx));
    }
    // "lima lainnya": a number word before "lainnya" counts the others.
    for k in memchr::memmem::find_iter(text.as_bytes(), b" lainnya") {
        let s = text[..k].rfind(' ').map_or(0, |b| b + 1);
        let word = &text[s..k];
        if !(3..=9).contains(&word.len()) {
            continue;
        }
        use crate::figures::words::{num_word, NumWord};
        let value = match num_word(word.as_bytes()) {
            Some(NumWord::Unit(v)) if v > 0 => v as f64,
            Some(NumWord::Sepuluh) => 10.0,
            Some(NumWord::Sebelas) => 11.0,
            _ => continue,
        };
        found.push((range.start + s, word.len(), value, false));
    }
    found.sort_by_key(|f| f.0);
    for (start, word_len, value, approx) in found {
        // The noun: the next word, after "ribu" or "orang" ("puluhan ribu warga").
        let rest = words(ctx.folded, start + word_len..range.end, 3, false);
        let mut value = value;
        let mut noun_at = 0;
        if rest.first() == Some(&"ribu") {
            value *= 1000.0;
            noun_at = 1;
        }
        let Some(noun) = rest.get(noun_at) else {
            continue;
        };
        // "ratusan orang" counts people; the noun word ends the number's range.
        let noun_end = ctx.folded[start..range.end]
            .find(noun)
            .map_or(start + word_len, |i| start + i + noun.len());
        if out
            .iter()
            .any(|n| n.range.start <= start && start < n.range.end)
        {
            continue;
        }
        out.push(Number {
            value,
            approx,
            range: start..noun_end,
            noun: noun.to_string(),
        });
    }
    out.sort_by_key(|n| n.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::{VAGUE, VAGUE_WORDS};

    #[test]
    fn vague_words_follow_the_vague_plurals() {
        // `numbers` reads the value of VAGUE_WORDS[k] as VAGUE[k], and passes over a word
        // whose first letter no entry starts with.
        for (k, (w, _)) in VAGUE.iter().enumerate() {
            assert_eq!(VAGUE_WORDS[k], *w);
        }
        assert_eq!(VAGUE_WORDS.len(), VAGUE.len() + 2);
        for w in VAGUE_WORDS {
            assert!(
                matches!(w.as_bytes()[0], b'b' | b'p' | b'r' | b'j' | b's'),
                "{w}"
            );
        }
    }
}
