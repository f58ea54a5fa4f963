//! Bodies named after a noun of their kind, of the `org-lead` class, written in lowercase:
//! right before the name ("maskapai Wings Air", "band Dewa 19", "harian Suara Merdeka"),
//! before "bernama" a few words ahead of it ("sebuah band amatir bernama Menilai
//! Filthy"), or after it as its predicate or apposition ("Hole adalah sebuah band rock",
//! "Dewa 19, band asal Surabaya").

use std::ops::Range;

use super::{merge, named_body};
use crate::entities::institutions::Mention;
use crate::entities::proper::{Runs, Shape};
use crate::entities::Context;
use crate::lexicon::NameClass;

/// The most words a name found this way has.
const MAX_WORDS: usize = 4;

/// How many words before "bernama" the noun may stand ("grup musik Barrett yang
/// nantinya bernama Pink Floyd").
const NAMED_REACH: usize = 6;

/// The capitalized runs that a lowercase noun of kind says are bodies, where no hit of
/// the gazetteer and no other mention stands. The name alone is the mention.
pub(in crate::entities) fn led(ctx: &Context, runs: &Runs, out: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for run in runs.runs() {
        let start = runs.words[run.start].range.start;
        let before = ctx.word_before(start);
        let Some((t, words)) = match before {
            "bernama" | "nama" => noun_of_named(ctx, start, before),
            _ => lead_word(ctx, start, before),
        }
        .map(|t| (t, run.start..run.end.min(run.start + MAX_WORDS)))
        .or_else(|| noun_after(ctx, runs, &run)) else {
            continue;
        };
        let range = runs.range(words.clone());
        let words = &runs.words[words];
        let folded = |k: usize| ctx.folded[words[k].range.clone()].trim_end_matches('.');
        let info = |k: usize| ctx.lex.word(folded(k));
        // A date ("majalah Oktober"), a person ("perusahaan Sukanto Tanoto") or common
        // words only ("klub Liga", "perusahaan Manufaktur Kendaraan") name no body.
        let person = info(0).is_some_and(|i| {
            !i.common && matches!(i.name, Some(NameClass::Given | NameClass::Family))
        });
        let date = crate::time::labels::month(folded(0)).is_some()
            || crate::time::labels::weekday(folded(0)).is_some();
        let common = (0..words.len()).all(|k| info(k).is_some_and(|i| i.common));
        if person || date || common {
            continue;
        }
        // A name the lexicons know (a place, a title, a body, a person) is not this one.
        let hit = ctx.hit_before(range.end).is_some_and(|h| {
            let r = &ctx.hits[h].range;
            r.start < range.end && range.start < r.end
        }) || ctx
            .hits
            .get(ctx.hits.partition_point(|h| h.range.end <= range.start))
            .is_some_and(|h| h.range.start < range.end);
        let taken = out
            .iter()
            .chain(&found)
            .any(|m| m.range.start < range.end && range.start < m.range.end);
        if hit || taken || words.iter().all(|w| w.shape == Shape::Upper) {
            continue;
        }
        let kind = ctx.lex.terms[t as usize].value.as_str();
        found.push(named_body(ctx, kind, range));
    }
    merge(out, found);
}

/// The `org-lead` term of `word`, the word right before `pos` ([`Context::word_before`]),
/// when it stands one space away and is written in lowercase ("maskapai Wings Air").
fn lead_word(ctx: &Context, pos: usize, word: &str) -> Option<u32> {
    let t = ctx.lex.closed(word).org_lead?;
    let head = ctx.text[..pos].strip_suffix(' ')?;
    let at = head.len().checked_sub(word.len())?;
    let written = ctx.text.get(at..head.len())?;
    (!word.is_empty()
        && ctx.folded.get(at..head.len()) == Some(word)
        && written.starts_with(char::is_lowercase))
    .then_some(t)
}

/// The noun of kind a few words before `cue`, "bernama" or "dengan nama", right before
/// `start`, in the same clause ("sebuah band penutup amatir bernama Menilai Filthy").
fn noun_of_named(ctx: &Context, start: usize, cue: &str) -> Option<u32> {
    let mut pos = ctx.text[..start]
        .strip_suffix(' ')?
        .len()
        .checked_sub(cue.len())?;
    if cue == "nama" {
        let before = ctx.text[..pos].strip_suffix(' ')?;
        pos = before.strip_suffix("dengan")?.len();
    }
    for _ in 0..NAMED_REACH {
        // One word back, unless a clause mark stands between.
        let word = ctx.word_before(pos);
        if let Some(t) = lead_word(ctx, pos, word) {
            return Some(t);
        }
        let head = ctx.text[..pos].strip_suffix(' ')?;
        if word.is_empty() {
            return None;
        }
        pos = head.len().checked_sub(word.len())?;
        if !ctx.text.is_char_boundary(pos) {
            return None;
        }
    }
    None
}

/// The noun of kind that run `run` is said to be, after it: "Hole adalah sebuah band",
/// "Grab merupakan perusahaan", or in apposition "Dewa 19, band asal Surabaya". The name
/// is then the run's last words but for the common words that open it ("Kemudian").
fn noun_after(ctx: &Context, runs: &Runs, run: &Range<usize>) -> Option<(u32, Range<usize>)> {
    let end = runs.words[run.end - 1].range.end;
    let mut rest = ctx.folded[end..].trim_start_matches(' ');
    // Most runs are followed by neither a comma nor a copula.
    if !rest.starts_with([',', 'a', 'm', 'i']) {
        return None;
    }
    let comma = rest.starts_with(',');
    rest = rest.strip_prefix(',').unwrap_or(rest);
    let mut copula = false;
    for cue in ["adalah ", "merupakan ", "ialah "] {
        if let Some(r) = rest.trim_start_matches(' ').strip_prefix(cue) {
            rest = r;
            copula = true;
            break;
        }
    }
    if !(comma || copula) {
        return None;
    }
    rest = rest.trim_start_matches(' ');
    for article in ["sebuah ", "suatu ", "salah satu "] {
        if let Some(r) = rest.strip_prefix(article) {
            rest = r;
            break;
        }
    }
    let at = ctx.folded.len() - rest.len();
    let len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let noun = &rest[..len];
    if noun.is_empty() || !ctx.text[at..].starts_with(char::is_lowercase) {
        return None;
    }
    let t = ctx.lex.closed(noun).org_lead?;
    // An apposition goes on with what the noun is ("band asal Surabaya"); a list goes on
    // with its next item ("Pemkab, perusahaan, dan warga"),
    // and a noun before a name leads that name ("…, perusahaan ALI Technologies").
    if !copula {
        let after = rest[len..].strip_prefix(' ')?;
        let next = after.split([' ', ',', '.']).next().unwrap_or_default();
        let written = &ctx.text[end + (ctx.folded.len() - end - after.len())..];
        if next.is_empty()
            || matches!(next, "dan" | "serta" | "atau")
            || !written.starts_with(char::is_lowercase)
        {
            return None;
        }
    }
    // The run's last words, at most four, from the last sentence start in it ("D. Di
    // Grup D": a capitalized common word after a dotted one), without a common word that
    // opens the sentence ("Kemudian").
    let common = |k: usize| {
        let w = &ctx.folded[runs.words[k].range.clone()];
        ctx.lex.word(w).is_some_and(|i| i.common)
    };
    let mut first = run.start.max(run.end.saturating_sub(MAX_WORDS));
    for k in first + 1..run.end {
        if ctx.text[runs.words[k - 1].range.clone()].ends_with('.') && common(k) {
            first = k;
        }
    }
    let opens = crate::entities::sentence_start(ctx.text, runs.words[first].range.start)
        || first > run.start;
    if first + 1 < run.end && opens && common(first) {
        first += 1;
    }
    // The tail of a longer name ("PT Jasa Marga (Persero) Tbk, emiten …").
    let head = &ctx.folded[runs.words[first].range.clone()];
    if ctx
        .lex
        .closed(head.trim_end_matches('.'))
        .org_tail
        .is_some()
    {
        return None;
    }
    Some((t, first..run.end))
}
