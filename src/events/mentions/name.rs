//! The event name a trigger starts: it runs on over parentheses, capitalized words,
//! places, institutions, election names, scopes and linking words, and stops at a comma,
//! a lowercase word, a title or a date; with the qualifiers, scope, jurisdiction and
//! election it holds.

use crate::events::election::{election_at, election_in_words};
use crate::events::text::{is_time_word, line_end, skip_spaces};
use crate::events::Input;
use crate::gazetteer::Entry;

/// Lowercase words that continue an event name: links, scopes and the modifiers the
/// press puts between a trigger and its qualifier ("rapat koordinasi rutin Forkopimda").
const NAME_LINKS: &[&str] = &[
    "bersama",
    "dengan",
    "antara",
    "se",
    "tingkat",
    "seluruh",
    "rutin",
    "mingguan",
    "bulanan",
    "triwulan",
    "tahunan",
    "terbatas",
    "khusus",
    "gabungan",
    "lanjutan",
    "perdana",
    "internal",
    "terpadu",
    "persiapan",
];

/// What an event name holds.
#[derive(Debug, Default)]
pub(super) struct Window {
    pub(super) end: usize,
    pub(super) qualifiers: Vec<usize>,
    pub(super) scope: Option<u32>,
    pub(super) jurisdiction: Option<u32>,
    pub(super) election: Option<(String, i32)>,
}

/// Reads the event name that starts with trigger hit `i`.
pub(super) fn name_window(input: &Input, i: usize) -> Window {
    let ctx = input.ctx;
    let text = ctx.text;
    let start = ctx.hits[i].range.start;
    let limit = line_end(text, start, 200);
    let mut w = Window {
        end: ctx.hits[i].range.end,
        ..Window::default()
    };
    let mut h = i + 1;
    let mut p = w.end;
    let mut scoped = false;
    while p < limit {
        let q = skip_spaces(text, p);
        if q >= limit {
            break;
        }
        while h < ctx.hits.len() && ctx.hits[h].range.start < q {
            h += 1;
        }
        let rest = &text[q..limit];
        if rest.starts_with('(') {
            let Some(close) = rest.find(')').filter(|&c| c < 80) else {
                break;
            };
            // Hits inside the parentheses count as part of the name.
            while h < ctx.hits.len() && ctx.hits[h].range.end <= q + close {
                note_hit(input, h, scoped, &mut w);
                h += 1;
            }
            p = q + close + 1;
            w.end = p;
            continue;
        }
        if let Some(hit) = ctx.hits.get(h).filter(|hit| hit.range.start == q) {
            let entries = ctx.entries(h);
            let stop = entries.iter().any(|e| match e {
                Entry::Title(_) | Entry::Official(_) | Entry::OfficialShort(_) => true,
                Entry::Term(k) => !matches!(
                    ctx.lex.terms[*k as usize].kind.as_str(),
                    "scope" | "election" | "venue"
                ),
                _ => false,
            });
            let known = input.places.by_hit[h].is_some()
                || entries.iter().any(|e| {
                    matches!(
                        e,
                        Entry::Institution(_)
                            | Entry::Unit(_)
                            | Entry::Event(_)
                            | Entry::EventQualifier(_)
                            | Entry::Election(_)
                            | Entry::Term(_)
                    )
                });
            if stop || !known {
                if stop {
                    break;
                }
            } else {
                let is_scope = ctx.term(h, "scope").is_some();
                note_hit(input, h, scoped, &mut w);
                scoped = is_scope;
                p = hit.range.end;
                if is_scope {
                    // "se-Kaltim": the place follows the hyphen.
                    p += usize::from(text[p..].starts_with('-'));
                } else {
                    w.end = p;
                }
                h += 1;
                continue;
            }
        }
        let word_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '.'))
            .unwrap_or(rest.len());
        let word = rest[..word_len].trim_end_matches('.');
        if word.is_empty() {
            break;
        }
        let lower = word.to_lowercase();
        if let Some(place_word) = lower.strip_prefix("se-") {
            // "se-Kaltim" where the place is the next hit.
            let _ = place_word;
            scoped = true;
            p = q + 3;
            continue;
        }
        let capital = word.starts_with(|c: char| c.is_uppercase());
        let year = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
        if NAME_LINKS.contains(&lower.as_str()) {
            scoped = matches!(lower.as_str(), "se" | "tingkat" | "seluruh");
            p = q + word.len();
            continue;
        }
        if (capital && !is_time_word(&lower)) || year {
            p = q + word.len();
            w.end = p;
            scoped = scoped && matches!(lower.as_str(), "provinsi" | "kabupaten" | "kota");
            continue;
        }
        break;
    }
    w
}

/// Records what hit `h` inside an event name says.
fn note_hit(input: &Input, h: usize, scoped: bool, w: &mut Window) {
    let ctx = input.ctx;
    for e in ctx.entries(h) {
        match e {
            Entry::EventQualifier(r) => {
                w.qualifiers.push(*r as usize);
                // "Desk Pilkada": the qualifier names the election too.
                if w.election.is_none() {
                    w.election = election_in_words(input, h);
                }
            }
            Entry::Election(k) => {
                let e = &ctx.lex.elections[*k as usize];
                w.election
                    .get_or_insert_with(|| (e.kind.clone(), i32::from(e.year)));
            }
            Entry::Term(k)
                if ctx.lex.terms[*k as usize].kind == "election" && w.election.is_none() =>
            {
                w.election = election_at(input, h);
            }
            _ => {}
        }
    }
    if let Some(p) = input.places.by_hit[h] {
        if scoped {
            w.scope.get_or_insert(p);
        }
    }
    if w.jurisdiction.is_none() {
        // Institution mentions are in text order: the one that may hold the hit is the
        // last starting at or before it.
        let r = &ctx.hits[h].range;
        let i = input
            .institutions
            .partition_point(|m| m.range.start <= r.start);
        w.jurisdiction = i
            .checked_sub(1)
            .map(|i| &input.institutions[i])
            .filter(|m| r.end <= m.range.end)
            .and_then(|m| m.jurisdiction);
    }
}
