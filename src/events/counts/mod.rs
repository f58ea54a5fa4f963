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
//! ("dua orang tewas dan 7 lainnya luka-luka"). A collective ("Kedua korban", "Kelima
//! korban tewas tersebut") names people already counted: it restates a toll, never starts
//! one. Without a figure of the dead or the injured,
//! the people the text names as dead or hurt count, each once: a name followed in its
//! clause, past an age in parentheses and an apposition between commas, by "tewas",
//! "meninggal", "terluka", "mengalami luka" … ("Ismail (62), warga Matangkuli, meninggal
//! dunia" → dead 1).
//!
//! # Layout
//!
//! One concern per module: `nouns` (what a number may count: people, security forces,
//! crowds, buildings and vehicles), `numbers` (the numbers of a clause with their nouns:
//! figures, vague plurals, "N lainnya", a part of a total), `victims` (the people named
//! as dead or hurt); [`read`] here ties each number to its nearest toll word, or to a
//! crowd, with the words around it.

mod nouns;
mod numbers;
mod victims;

use std::ops::Range;

use self::nouns::{BUILDINGS, CROWD, PEOPLE, SECURITY};
use self::numbers::{numbers, Number};
use self::victims::named_victims;
use crate::entities::Context;
use crate::figures::FigureHit;

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

/// The least toll of people (dead, injured, missing, arrested) read as history, not news.
const HISTORIC: f64 = 10_000.0;

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
            // "Kedua korban", "Kelima korban tewas tersebut": people already counted,
            // named again. They may restate a toll (and carry the total its breakdown
            // keeps), never start one ("Kedua korban terluka", of the two dead).
            let word = ctx.folded.as_bytes().get(n.range.start..n.range.start + 3);
            let collective =
                word.is_some_and(|w| w.starts_with(b"ke") && w[2].is_ascii_alphabetic());
            if collective && !out.iter().any(|c| c.kind == kind) {
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
    let unknown: Vec<&str> = ["dead", "injured"]
        .into_iter()
        .filter(|kind| wanted.contains(kind) && !out.iter().any(|c| c.kind == *kind))
        .collect();
    if !unknown.is_empty() {
        let named = named_victims(ctx, within, people, &unknown);
        for (kind, found) in unknown.iter().zip(named) {
            if let Some((n, range)) = found {
                out.push(FoundCount {
                    kind: kind.to_string(),
                    value: n as f64,
                    approx: false,
                    range,
                });
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
/// A number in parentheses (an age: "JN (47) tewas") is passed over, and so is an age in
/// words ("berusia 17 tahun").
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
    // Whether the last word read was an age's number: its "tahun" goes with it.
    let mut aged = false;
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
            // An age in words is passed over with them ("seorang remaja berusia 17 tahun
            // terluka"), as one in parentheses.
            let age = !backward && matches!(out.last(), Some(&("berusia" | "berumur")));
            if age {
                out.pop();
                aged = true;
            } else if !in_parens && !joined {
                break;
            }
        } else if aged && word == "tahun" {
            aged = false;
        } else {
            aged = false;
            out.push(word);
        }
        rest = left;
    }
    out
}
