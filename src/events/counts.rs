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
//!
//! A number is the nearest toll word's: "menangkap Budi yang menewaskan dua orang" counts
//! two dead, not two arrested; reading on from a number stops at the next one ("lima
//! orang, tiga orang dikabarkan meninggal": the three died). A part of a total counts
//! ("tiga dari tujuh korban kemudian meninggal" → 3), unless the toll word describes the
//! total ("satu dari delapan korban tewas" → 8). A smaller figure later in the same
//! sentence breaks the toll down and leaves it ("Empat anggota tewas, tiga di lokasi …"). "N lainnya" counts the others whether N is a word or digits
//! ("dua orang tewas dan 7 lainnya luka-luka"). Without a figure of the dead or the injured,
//! the people the text names as dead or hurt count, each once: a name followed in its
//! clause, past an age in parentheses and an apposition between commas, by "tewas",
//! "meninggal", "terluka", "mengalami luka" … ("Ismail (62), warga Matangkuli, meninggal
//! dunia" → dead 1).

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
/// text ties to numbers in `within` (normalized offsets), the last of each kind; without
/// a figure of the dead or the injured, the people (name mentions of each, from
/// `people`) that the text says died or were hurt, each once.
pub fn read(
    ctx: &Context,
    figures: &[FigureHit],
    people: &[&[Range<usize>]],
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
                // A smaller figure later in the same sentence breaks the toll down ("Empat
                // anggota KKB tewas …, tiga orang tewas di tempat dan satu di rumah sakit").
                Some(c)
                    if found.value < c.value
                        && !ctx.folded[c.range.end..found.range.start.max(c.range.end)]
                            .contains(['.', '!', '?', '\n']) => {}
                // A later figure of the same kind is the toll as it stands.
                Some(c) if found.range.start > c.range.start => *c = found,
                Some(_) => {}
                None => out.push(found),
            }
        }
    }
    // Named victims, when no figure gives the toll: "Iyus tewas dalam perjalanan".
    for kind in ["dead", "injured"] {
        if !wanted.contains(&kind) || out.iter().any(|c| c.kind == kind) {
            continue;
        }
        if let Some((n, range)) = named_victims(ctx, within, people, kind) {
            out.push(FoundCount {
                kind: kind.to_string(),
                value: n as f64,
                approx: false,
                range,
            });
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
    // A number tied to a toll is the nearest toll's (after it, else before it), or no
    // count of this event: "menangkap Budi yang menewaskan dua orang" counts the dead.
    // A toll verb right before the number takes it as its object ("menewaskan tiga remaja
    // dan satu orang terluka": three dead), before anything after it.
    let object_of = before
        .first()
        .filter(|w| {
            ctx.folded[clause.start..n.range.start]
                .trim_end()
                .ends_with(**w)
        })
        .and_then(|w| toll_word(ctx, w));
    if let Some(kind) =
        object_of.or_else(|| after.iter().chain(&before).find_map(|w| toll_word(ctx, w)))
    {
        return wanted.iter().copied().find(|w| *w == kind && fits(kind));
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
    // Digits, or (reading on from the number) a number word: the words past another
    // number are that number's ("lima orang, tiga orang dikabarkan meninggal"). Back from
    // it, a number word is passed over: a verb before a list of numbers is theirs
    // ("mengamankan dua pemilik dan lima orang pegawai").
    let numeric = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit())
            || (!backward
                && matches!(
                    crate::figures::words::num_word(w.as_bytes()),
                    Some(crate::figures::words::NumWord::Unit(_))
                ))
    };
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
            // A number joined by "dan"/"serta" shares what follows ("tujuh mahasiswa dan
            // empat polisi mengalami luka-luka": the seven are hurt too).
            let joined = !backward && matches!(out.last(), Some(&("dan" | "serta")));
            if !in_parens && !joined {
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
        // "lima lainnya", "30 lainnya" (digits, which are no figure without a noun).
        let Some(value) = small_number(word).filter(|&v| v > 0.0) else {
            continue;
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
    // "tiga dari tujuh korban … meninggal": a part of a total counts, with the total's
    // noun; not where a toll word describes the total ("satu dari delapan korban tewas
    // diidentifikasi": the eight are the dead).
    for n in out.iter_mut() {
        let next = words(ctx.folded, n.range.end..range.end, 1, false);
        if next.first().is_some_and(|w| toll_word(ctx, w).is_some()) {
            continue;
        }
        let head = &ctx.folded[range.start..n.range.start];
        let Some(rest) = head.strip_suffix(" dari ") else {
            continue;
        };
        let s = rest.rfind(' ').map_or(0, |k| k + 1);
        let word = &rest[s..];
        if let Some(part) = small_number(word).filter(|&p| p > 0.0 && p < n.value) {
            n.value = part;
            n.approx = false;
            n.range = range.start + s..n.range.end;
        }
    }
    out.sort_by_key(|n| n.range.start);
    out
}

/// A number written as one word: digits ("30", "1.200") or a number word up to eleven
/// ("lima", "sepuluh", "sebelas").
fn small_number(word: &str) -> Option<f64> {
    use crate::figures::words::{num_word, NumWord};
    whole_number(word).or_else(|| match num_word(word.as_bytes())? {
        NumWord::Unit(v) => Some(v as f64),
        NumWord::Sepuluh => Some(10.0),
        NumWord::Sebelas => Some(11.0),
        _ => None,
    })
}

/// A whole number written in digits, with dots between groups of three ("30",
/// "1.200"), as `f64`; `None` for anything else.
fn whole_number(word: &str) -> Option<f64> {
    let mut groups = word.split('.');
    let first = groups.next()?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) || (word.contains('.') && first.len() > 3) {
        return None;
    }
    let mut value: f64 = first.parse().ok()?;
    for g in groups {
        if g.len() != 3 || !digits(g) {
            return None;
        }
        value = value * 1000.0 + g.parse::<f64>().ok()?;
    }
    Some(value)
}

/// What a named person is said to have suffered, by the word after their name: died
/// ("Iyus tewas", "AS (35) meninggal dunia", "Budi ditemukan tewas") or was hurt ("MK,
/// yang mengalami luka tembak", "Rina terluka"). Intransitive and passive words only,
/// never "menewaskan" or "melukai" (whose subject did it).
const SUFFERED: &[(&str, &str)] = &[
    ("tewas", "dead"),
    ("meninggal", "dead"),
    ("wafat", "dead"),
    ("terbunuh", "dead"),
    ("gugur", "dead"),
    ("meregang", "dead"),
    ("terluka", "injured"),
    ("luka", "injured"),
    ("luka-luka", "injured"),
    ("cedera", "injured"),
    ("kritis", "injured"),
];

/// Words that may stand between a named person and a word of [`SUFFERED`] ("yang
/// akhirnya meninggal", "dinyatakan meninggal dunia", "ditemukan tewas", "mengalami
/// luka").
const BEFORE_SUFFERED: &[&str] = &[
    "yang",
    "dinyatakan",
    "ditemukan",
    "sudah",
    "telah",
    "akhirnya",
    "pun",
    "juga",
    "langsung",
    "kemudian",
    "mengalami",
    "menderita",
];

/// The dead and injured a text names without a figure: for `kind` ("dead" or
/// "injured"), the people (name mentions, normalized ranges) of `within` whose name a
/// word of [`SUFFERED`] of that kind follows in its clause, past an age in parentheses
/// and an apposition between commas ("Ismail (62), warga Matangkuli, meninggal dunia"),
/// each person once. Their number, and the range of the first name and its word.
fn named_victims(
    ctx: &Context,
    within: &[Range<usize>],
    people: &[&[Range<usize>]],
    kind: &str,
) -> Option<(usize, Range<usize>)> {
    let mut count = 0;
    let mut first: Option<Range<usize>> = None;
    for mentions in people {
        let suffered = mentions.iter().find_map(|m| {
            let clause = within
                .iter()
                .find(|r| r.start <= m.start && m.end <= r.end)?;
            let from = past_apposition(ctx.folded, m.end, clause.end);
            let after = words(ctx.folded, from..clause.end, 4, false);
            let k = after
                .iter()
                .position(|w| SUFFERED.iter().any(|(s, _)| s == w))?;
            let fits = SUFFERED.iter().any(|(s, c)| *s == after[k] && *c == kind);
            (fits && after[..k].iter().all(|w| BEFORE_SUFFERED.contains(w))).then(|| {
                let end = ctx.folded[from..clause.end]
                    .find(after[k])
                    .map_or(from, |i| from + i + after[k].len());
                m.start..end
            })
        });
        if let Some(range) = suffered {
            count += 1;
            if first.as_ref().is_none_or(|f| range.start < f.start) {
                first = Some(range);
            }
        }
    }
    first.map(|r| (count, r))
}

/// Where what is said of a name ending at `at` begins: past an age in parentheses
/// ("(62)") and an apposition between commas (", warga Matangkuli,") of at most 60
/// bytes, before `end`.
fn past_apposition(folded: &str, at: usize, end: usize) -> usize {
    let Some(rest) = folded.get(at..end) else {
        return at;
    };
    let mut from = at;
    let trimmed = rest.trim_start();
    if trimmed.starts_with('(') {
        if let Some(k) = trimmed.find(')') {
            from += rest.len() - trimmed.len() + k + 1;
        }
    }
    // An apposition describes the person: it opens with a noun for people ("warga",
    // "pengemudi", "anak") or "yang", and holds no sentence mark.
    let rest = &folded[from..end];
    if let Some(inner) = rest.strip_prefix(',') {
        let opens = inner
            .split_whitespace()
            .next()
            .is_some_and(|w| PEOPLE.contains(&w) || KIN.contains(&w));
        if let Some(k) = inner.find(',').filter(|&k| k <= 60 && opens) {
            if !inner[..k].contains(['.', ';', '?', '!', '"']) {
                from += 1 + k + 1;
            }
        }
    }
    from
}

/// Kinship and household nouns, and the relative "yang", that open an apposition
/// ("Siti, istri korban,", "Rizal, yang mencoba melerai,").
const KIN: &[&str] = &[
    "istri",
    "suami",
    "putra",
    "putri",
    "ayah",
    "ibu",
    "adik",
    "kakak",
    "kakek",
    "nenek",
    "paman",
    "bibi",
    "cucu",
    "menantu",
    "mertua",
    "sepupu",
    "keponakan",
    "pengemudi",
    "sopir",
    "pemilik",
    "salah",
    "yang",
];

#[cfg(test)]
mod tests {
    use super::{past_apposition, whole_number, VAGUE, VAGUE_WORDS};

    #[test]
    fn whole_numbers_in_digits() {
        assert_eq!(whole_number("30"), Some(30.0));
        assert_eq!(whole_number("1.200"), Some(1200.0));
        assert_eq!(whole_number("12.500.000"), Some(12_500_000.0));
        assert_eq!(whole_number("1.20"), None);
        assert_eq!(whole_number("1200.000"), None);
        assert_eq!(whole_number("lima"), None);
        assert_eq!(whole_number("3a"), None);
        assert_eq!(whole_number(""), None);
    }

    #[test]
    fn what_is_said_of_a_name_begins_past_its_age_and_apposition() {
        let s = "ismail (62), warga matangkuli, meninggal dunia";
        assert_eq!(&s[past_apposition(s, 6, s.len())..], " meninggal dunia");
        let s = "rizal (25), yang mencoba melerai, mengalami luka";
        assert_eq!(&s[past_apposition(s, 5, s.len())..], " mengalami luka");
        // No apposition: a verb opens the part between commas.
        let s = "salha, juga membenarkan sang mantan, meninggal";
        assert_eq!(past_apposition(s, 5, s.len()), 5);
        // Not across a sentence mark.
        let s = "febri, warga bandung. luka, kata dia";
        assert_eq!(past_apposition(s, 5, s.len()), 5);
        let s = "iyus tewas";
        assert_eq!(past_apposition(s, 4, s.len()), 4);
    }

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
