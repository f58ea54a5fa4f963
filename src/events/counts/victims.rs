//! Named victims: without a figure of the dead or the injured, the people the text names
//! as dead or hurt ("Ismail (62), warga Matangkuli, meninggal dunia" → dead 1), each once.

use std::ops::Range;

use super::nouns::PEOPLE;
use super::words;
use crate::entities::Context;

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

/// The dead and injured a text names without a figure: for each of `kinds` ("dead",
/// "injured"), the people (name mentions, normalized ranges) of `within` whose name a
/// word of [`SUFFERED`] of that kind follows in its clause, in an apposition ("MK, yang
/// mengalami luka tembak"), or past an age in parentheses and an apposition between
/// commas ("Ismail (62), warga Matangkuli, meninggal dunia"),
/// each person once. Per kind, in the order of `kinds`: their number, and the range of
/// the first name and its word (`None` where no one is named so).
pub(super) fn named_victims(
    ctx: &Context,
    within: &[Range<usize>],
    people: &[&[Range<usize>]],
    kinds: &[&str],
) -> Vec<Option<(usize, Range<usize>)>> {
    let mut out: Vec<Option<(usize, Range<usize>)>> = vec![None; kinds.len()];
    // One reading of each mention: what it is said to have suffered, if anything.
    let said_from = |from: usize, end: usize| {
        let after = words(ctx.folded, from..end, 4, false);
        let k = after
            .iter()
            .position(|w| SUFFERED.iter().any(|(s, _)| s == w))?;
        if !after[..k].iter().all(|w| BEFORE_SUFFERED.contains(w)) {
            return None;
        }
        let kind = SUFFERED.iter().find(|(s, _)| *s == after[k])?.1;
        let to = ctx.folded[from..end]
            .find(after[k])
            .map_or(from, |i| from + i + after[k].len());
        Some((kind, to))
    };
    // Right after the name (an apposition may say it: "MK, yang mengalami luka tembak"),
    // else past its age and apposition.
    let suffered = |m: &Range<usize>| {
        let clause = within
            .iter()
            .find(|r| r.start <= m.start && m.end <= r.end)?;
        let (kind, to) = said_from(m.end, clause.end).or_else(|| {
            let from = past_apposition(ctx.folded, m.end, clause.end);
            (from != m.end)
                .then(|| said_from(from, clause.end))
                .flatten()
        })?;
        Some((kind, m.start..to))
    };
    for mentions in people {
        let said: Vec<(&str, Range<usize>)> = mentions.iter().filter_map(suffered).collect();
        for (slot, kind) in out.iter_mut().zip(kinds) {
            // The person's first mention said to have suffered this kind.
            let Some((_, range)) = said.iter().find(|(k, _)| k == kind) else {
                continue;
            };
            match slot {
                Some((count, first)) => {
                    *count += 1;
                    if range.start < first.start {
                        *first = range.clone();
                    }
                }
                None => *slot = Some((1, range.clone())),
            }
        }
    }
    out
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
    use super::past_apposition;

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
}
