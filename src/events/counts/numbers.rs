//! The numbers of a clause that may count people or buildings: count figures, vague
//! plurals ("ratusan rumah", "puluhan ribu warga"), "seorang", "N lainnya", each with the
//! noun it counts, approximate after "sekitar", "lebih dari" …; a part of a total
//! ("tiga dari tujuh korban") as the part.

use std::ops::Range;

use super::{toll_word, words};
use crate::entities::Context;
use crate::figures::FigureHit;
use crate::record::FigureKind;

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

/// A number of the text: a figure, a vague plural or "seorang".
#[derive(Clone, Debug)]
pub(super) struct Number {
    pub(super) value: f64,
    pub(super) approx: bool,
    /// The number and its noun.
    pub(super) range: Range<usize>,
    /// The noun's first word, folded.
    pub(super) noun: String,
}

/// The numbers of `folded[range]` that may count people or buildings: count figures,
/// vague plurals ("ratusan rumah") and "seorang", each with the noun it counts.
pub(super) fn numbers(ctx: &Context, figures: &[FigureHit], range: Range<usize>) -> Vec<Number> {
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
    let bytes = text.as_bytes();
    // Every word looked for starts with one of these letters: most words are passed over
    // on their first byte, found by one pass over the bytes (words are short: a search
    // call per space would cost more).
    let first = |b: u8| matches!(b, b'b' | b'p' | b'r' | b'j' | b's');
    let starts = (0..bytes.len()).filter(|&s| first(bytes[s]) && (s == 0 || bytes[s - 1] == b' '));
    for s in starts {
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

#[cfg(test)]
mod tests {
    use super::{whole_number, VAGUE, VAGUE_WORDS};

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
