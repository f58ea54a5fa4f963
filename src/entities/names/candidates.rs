//! Cutting capitalized runs into name candidates.

use std::ops::Range;

use super::Input;
use crate::entities::proper::Shape;
use crate::entities::Context;
use crate::gazetteer::Entry;
use crate::lexicon::{NameClass, WordInfo};

/// A candidate: words of a run that no hit explains.
#[derive(Default)]
pub(super) struct Candidate {
    /// Indices into the runs' words.
    pub words: Range<usize>,
    /// Honorifics and ranks written right before it in its run.
    pub honorifics: Vec<String>,
    /// Where it starts with its honorifics.
    pub lead: usize,
    /// The official whose name the candidate is.
    pub known: Option<u32>,
    /// Whether the run has, right before the candidate, a word or hit that begins the name
    /// of something else ("Masjid Nurul Iman", "Kota Bandung Baru", "The Lovely Bones").
    pub prefixed: bool,
    /// Whether what comes right before it in its run is an institution ("Ketua Komisi II
    /// DPR Ahmad Doli …"): a body's name rarely goes on with a person's given name.
    pub after_body: bool,
}

/// Groups of `not-name` words that begin names of places, bodies, events and works: a
/// candidate right after one of them in a run continues that name.
const PREFIX_GROUPS: &[&str] = &[
    "place", "org", "event", "english", "religion", "ethnic", "language",
];

/// Cuts run `run` into candidates at hits, known names and `not-name` words. `hit` is the
/// index of the first hit that may overlap this run or a later one; `taken` are the
/// ranges already given to people (sorted by start).
pub(super) fn cut(
    input: &Input,
    infos: &[Option<&WordInfo>],
    run: Range<usize>,
    hit: &mut usize,
    taken: &[Range<usize>],
) -> Vec<Candidate> {
    let ctx = input.ctx;
    let words = &input.runs.words;
    let mut out = Vec::new();
    let mut cur = Candidate {
        words: run.start..run.start,
        ..Candidate::default()
    };
    // Whether the last thing read begins the name of something other than a person, and
    // whether it was an institution.
    let mut blocked = false;
    let mut body = false;
    let flush = |cur: &mut Candidate, next: usize, out: &mut Vec<Candidate>| {
        let mut w = cur.words.clone();
        while w.start < w.end && words[w.start].shape == Shape::Particle {
            w.start += 1;
        }
        while w.start < w.end && words[w.end - 1].shape == Shape::Particle {
            w.end -= 1;
        }
        // A common word before a name ("Menurut Yulia", "Warung Budi"): a capital at a
        // sentence start is no evidence; inside a sentence it begins another name.
        let mut prefixed = cur.prefixed;
        while w.end - w.start >= 2 && common_first(infos[w.start]) {
            prefixed |= !super::around::sentence_start(ctx.text, words[w.start].range.start);
            w.start += 1;
        }
        cur.prefixed = prefixed;
        let done = std::mem::replace(
            cur,
            Candidate {
                words: next..next,
                ..Candidate::default()
            },
        );
        if w.start < w.end {
            let lead = if done.honorifics.is_empty() {
                words[w.start].range.start
            } else {
                done.lead
            };
            out.push(Candidate {
                words: w,
                lead,
                ..done
            });
        }
    };
    let mut k = run.start;
    while k < run.end {
        let r = words[k].range.clone();
        while *hit < ctx.hits.len() && ctx.hits[*hit].range.end <= r.start {
            *hit += 1;
        }
        let covering = ctx
            .hits
            .get(*hit)
            .filter(|h| h.range.start <= r.start)
            .map(|_| *hit)
            .filter(|&h| effective(input, h));
        if let Some(h) = covering {
            let hr = ctx.hits[h].range.clone();
            // The words inside the hit.
            let mut next = k;
            while next < run.end && words[next].range.start < hr.end {
                next += 1;
            }
            let official = known_official(input, h);
            if ctx.honorific(h) && cur.words.is_empty() && hr.start == r.start {
                if cur.honorifics.is_empty() {
                    cur.lead = hr.start;
                }
                cur.honorifics
                    .push(ctx.text[hr.clone()].trim_end_matches('.').to_string());
                cur.words = next..next;
                blocked = false;
            } else if let Some(o) = official.filter(|_| hr.start == r.start && next > k) {
                let honorifics = std::mem::take(&mut cur.honorifics);
                flush(&mut cur, k, &mut out);
                out.push(Candidate {
                    words: k..next,
                    lead: if honorifics.is_empty() {
                        r.start
                    } else {
                        cur.lead
                    },
                    honorifics,
                    known: Some(o),
                    prefixed: false,
                    after_body: false,
                });
                cur.words = next..next;
                blocked = false;
            } else {
                flush(&mut cur, next, &mut out);
                body = ctx
                    .entries(h)
                    .iter()
                    .any(|e| matches!(e, Entry::Institution(_) | Entry::Guarded(_)));
                blocked = ctx.entries(h).iter().any(|e| {
                    matches!(
                        e,
                        Entry::Place(_)
                            | Entry::Institution(_)
                            | Entry::Event(_)
                            | Entry::Election(_)
                    )
                });
            }
            k = next.max(k + 1);
            continue;
        }
        let inside = {
            let i = taken.partition_point(|t| t.end <= r.start);
            taken.get(i).is_some_and(|t| t.start < r.end)
        };
        // Closed words are written in lower or title case ("As", "Dan"): in capitals a
        // short word is an acronym or initials ("AS").
        let closed = closed_group(ctx, infos[k]).filter(|_| words[k].shape != Shape::Upper);
        if inside || closed.is_some() {
            flush(&mut cur, k + 1, &mut out);
            blocked = closed.is_some_and(|g| PREFIX_GROUPS.contains(&g));
            body = false;
        } else {
            if cur.words.is_empty() {
                cur.prefixed = blocked;
                cur.after_body = blocked && body;
            }
            cur.words.end = k + 1;
        }
        k += 1;
    }
    flush(&mut cur, run.end, &mut out);
    out
}

/// Whether hit `h` stands for something in the text: a place that the places stage
/// kept (a district it set aside, "Bambang", may be a name), an institution written as
/// the lexicon writes it, an office, an event, a term, a known person's name.
fn effective(input: &Input, h: usize) -> bool {
    let ctx = input.ctx;
    let written = || &ctx.text[ctx.hits[h].range.clone()];
    ctx.entries(h).iter().any(|e| match e {
        Entry::Place(_) => input.places.by_hit.get(h).copied().flatten().is_some(),
        Entry::Institution(_) => ctx.institution(h).is_some(),
        // Unit names ("Hasanuddin", "Merdeka") count only after their type word, which
        // the institutions stage reads.
        Entry::Unit(_) => false,
        Entry::Guarded(k) => ctx.lex.institutions[*k as usize]
            .exact
            .iter()
            .any(|x| x == written()),
        _ => true,
    })
}

/// Whether a word is a common word of the press and no known name.
fn common_first(info: Option<&WordInfo>) -> bool {
    info.is_some_and(|i| i.common && !matches!(i.name, Some(NameClass::Given | NameClass::Family)))
}

/// The group of the `not-name` term that a folded word is ("place", "org" …), if any.
pub(super) fn closed_group<'a>(ctx: &Context<'a>, info: Option<&WordInfo>) -> Option<&'a str> {
    // A known name is a name ("Kartini"), whatever else it is.
    let info = info.filter(|i| {
        i.kinds & crate::lexicon::kind::NOT_NAME != 0
            && !matches!(i.name, Some(NameClass::Given | NameClass::Family))
    })?;
    info.terms.iter().find_map(|&t| {
        let term = &ctx.lex.terms[t as usize];
        (term.kind == "not-name").then_some(term.value.as_str())
    })
}

/// The official that hit `h` names: by the full name, or by a short name that is no
/// given name of the names lexicon ("Jokowi", not "Yulius") of an official in office on
/// the reference day.
fn known_official(input: &Input, h: usize) -> Option<u32> {
    let ctx = input.ctx;
    ctx.entries(h).iter().find_map(|e| match e {
        Entry::Official(o) => Some(*o),
        Entry::OfficialShort(o) => {
            let folded = &ctx.folded[ctx.hits[h].range.clone()];
            let given = ctx
                .lex
                .word(folded)
                .is_some_and(|w| w.name == Some(NameClass::Given));
            let id = &ctx.lex.officials[*o as usize].id;
            let serving = input
                .reference
                .is_none_or(|day| ctx.lex.official_rows(id).any(|r| r.serves_on(day)));
            (!given && serving).then_some(*o)
        }
        _ => None,
    })
}
