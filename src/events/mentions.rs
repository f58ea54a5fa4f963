//! Triggers and mentions: each trigger outside quotes and reported speech, the event name
//! it starts, and whether the event happened.

use std::ops::Range;

use super::election::{election_at, election_in_words};
use super::text::{in_quote, is_time_word, line_end, skip_spaces, Sentences};
use super::Input;

use crate::entities::Context;
use crate::gazetteer::Entry;
use crate::lexicon::Lexicons;

/// One trigger mention with its name.
#[derive(Clone, Debug)]
pub(super) struct EventMention {
    pub(super) row: usize,
    pub(super) trigger: Range<usize>,
    pub(super) name: Range<usize>,
    pub(super) realized: bool,
    /// Said as the cause or background of another event ("Polisi Tangkap 14 Warga Usai
    /// Bentrok"): realized, but never the main event.
    pub(super) background: bool,
    /// Said as the cause of a death or an injury that no trigger reports ("Pelajar Tewas
    /// Usai Dikeroyok"): see [`harm_cause`].
    pub(super) harm_cause: bool,
    pub(super) qualified: bool,
    pub(super) scope: Option<u32>,
    pub(super) jurisdiction: Option<u32>,
    pub(super) election: Option<(String, i32)>,
}

/// Words before a trigger, in its clause, that say the event has not happened.
const IRREALIS_BEFORE: &[&str] = &[
    "akan",
    "bakal",
    "hendak",
    "berencana",
    "rencananya",
    "direncanakan",
    "dijadwalkan",
    "agar",
    "supaya",
    "harus",
    "perlu",
    "wajib",
    "jangan",
    "tidak",
    "belum",
    "ingin",
    "mengusulkan",
    "rencana",
    "mengimbau",
    "imbauan",
    "meminta",
    "mengajak",
    "menyerukan",
    "mendesak",
    "menuntut",
];

/// Words right before a trigger that make it a topic, a risk or a comparison, not an event
/// that happened: "jelang pemungutan suara", "antisipasi banjir", "rawan longsor", "seperti
/// banjir tahun lalu".
const TOPIC_BEFORE: &[&str] = &[
    "jelang",
    "menjelang",
    "persiapan",
    "kesiapan",
    "pengamanan",
    "antisipasi",
    "mengantisipasi",
    "mencegah",
    "pencegahan",
    "cegah",
    "potensi",
    "berpotensi",
    "rawan",
    "risiko",
    "ancaman",
    "simulasi",
    "seperti",
    "mirip",
    "bak",
    "layaknya",
    "ibarat",
    "peringatan",
    "memperingati",
    "mengenang",
    "mitigasi",
    "siaga",
    "waspada",
    "waspadai",
    // A landmark in time or a stage named as a period: "sepekan sebelum pemungutan
    // suara", "mulai masa kampanye hingga penetapan hasil".
    "sebelum",
    "hingga",
    "sampai",
    "menuju",
    "masa",
    "tahapan",
];

/// Words right before a trigger that make it the cause or background of the event the
/// sentence reports: "Polisi Tangkap 14 Warga Usai Bentrok".
const BACKGROUND: &[&str] = &[
    "usai",
    "seusai",
    "setelah",
    "sesudah",
    "pasca",
    "buntut",
    "akibat",
    "imbas",
    "dampak",
    "gara-gara",
    "terkait",
    "soal",
    "kasus",
    "perkara",
];

/// Whether the trigger at `pos` of folded text `folded` is said as the cause or the
/// background of another event: one of the two words before it is a word of
/// [`BACKGROUND`] ("Polisi Tangkap 14 Warga Usai Bentrok", "Terkait Karhutla, …").
pub(crate) fn is_background(folded: &str, pos: usize) -> bool {
    let mut before = words_before(folded, pos, 3);
    let (first, second, third) = (before.next(), before.next(), before.next());
    // "Duduk Perkara Kecelakaan …" tells the facts of the event: it is the subject.
    let cause = |w: Option<&str>, next: Option<&str>| {
        w.is_some_and(|w| BACKGROUND.contains(&w) && !(w == "perkara" && next == Some("duduk")))
    };
    cause(first, second) || cause(second, third)
}

/// Words of cause between a death or an injury and the trigger that caused it ("tewas
/// usai dikeroyok", "luka-luka akibat ditabrak").
const HARM_CAUSES: &[&str] = &[
    "usai",
    "seusai",
    "setelah",
    "sesudah",
    "akibat",
    "gara-gara",
    "pasca",
    "karena",
];

/// Whether the trigger at `pos` of folded text `folded` is the cause of a death or an
/// injury that the two words before it report ("Pelajar Tewas Usai Dikeroyok"): a toll
/// word of the dead or the injured (`terms`, kind `toll`), then a word of cause.
pub(crate) fn harm_cause(lex: &Lexicons, folded: &str, pos: usize) -> bool {
    let mut before = words_before(folded, pos, 2);
    let (Some(cause), Some(harm)) = (before.next(), before.next()) else {
        return false;
    };
    HARM_CAUSES.contains(&cause)
        && lex.word(harm).is_some_and(|info| {
            info.terms.iter().any(|&t| {
                let term = &lex.terms[t as usize];
                term.kind == "toll" && matches!(term.value.as_str(), "dead" | "injured")
            })
        })
}

/// Words right after a trigger that put it in the future or elsewhere.
/// And habits: "banjir yang kerap melanda".
const IRREALIS_AFTER: &[&str] = &[
    "mendatang",
    "berikutnya",
    "serupa",
    "selanjutnya",
    "kerap",
    "sering",
    "langganan",
];

/// Words before a meeting trigger that put another event inside it.
const CONTAINERS: &[&str] = &[
    "saat",
    "ketika",
    "dalam",
    "pada",
    "sela",
    "sela-sela",
    "disela",
];

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

/// Every trigger mention outside quotes, in text order.
pub(super) fn mentions(input: &Input, sentences: &mut Sentences) -> Vec<EventMention> {
    let ctx = input.ctx;
    let mut out: Vec<EventMention> = Vec::new();
    let mut absorbed = 0;
    let mut speech = Speech::default();
    // The sentence last read for context words, and the context words it holds.
    let mut seen: (Range<usize>, Vec<u32>) = (0..0, Vec::new());
    for i in 0..ctx.hits.len() {
        let rows: Vec<usize> = ctx
            .entries(i)
            .iter()
            .filter_map(|e| match e {
                Entry::Event(r) => Some(*r as usize),
                _ => None,
            })
            .collect();
        let range = ctx.hits[i].range.clone();
        // Rows that ask for a context word count only where their sentence has one.
        let mut rows = rows;
        if rows.iter().any(|&r| !ctx.lex.events[r].context.is_empty()) {
            // The sentence's context words, read once per sentence.
            if !seen.0.contains(&range.start) {
                let s = sentences.at(ctx.text, range.start);
                let s = s.start.min(range.start)..s.end.max(range.end);
                ctx.lex
                    .event_contexts_in(&ctx.folded[s.clone()], &mut seen.1);
                seen.0 = s;
            }
            rows.retain(|&r| ctx.lex.event_context_wanted(r, &seen.1));
        }
        if rows.is_empty()
            || range.start < absorbed
            || in_quote(input.quotes, range.start)
            || speech.reported(ctx, sentences, range.start)
        {
            continue;
        }
        let window = name_window(input, i);
        absorbed = window.end;
        let qualified_row = rows.iter().copied().find(|r| window.qualifiers.contains(r));
        let row = qualified_row
            .or_else(|| {
                rows.iter()
                    .copied()
                    .find(|&r| ctx.lex.events[r].qualifiers.is_empty())
            })
            .unwrap_or(rows[0]);
        out.push(EventMention {
            row,
            realized: !irrealis(ctx, range.clone(), window.end),
            background: is_background(ctx.folded, range.start),
            harm_cause: harm_cause(ctx.lex, ctx.folded, range.start),
            trigger: range.clone(),
            name: range.start..window.end,
            qualified: qualified_row.is_some(),
            scope: window.scope,
            jurisdiction: window.jurisdiction,
            election: window.election,
        });
    }
    out
}

/// Where indirect speech starts in the sentence last asked about: its sentence has
/// "bahwa" before a position, or opens with "menurut" ("Kapolres mengatakan bahwa …",
/// "Menurutnya, …"). One reading per sentence.
#[derive(Default)]
struct Speech {
    /// The sentence read.
    sentence: Range<usize>,
    /// The end of its first word when that word starts with "menurut", else of its
    /// first "bahwa": from there on, it is what someone said.
    from: Option<usize>,
}

impl Speech {
    /// Whether `pos` is inside indirect speech.
    fn reported(&mut self, ctx: &Context, sentences: &mut Sentences, pos: usize) -> bool {
        if !(self.sentence.start <= pos && pos < self.sentence.end) {
            let s = sentences.at(ctx.text, pos);
            self.sentence = s.start.min(pos)..s.end.max(pos + 1);
            let sentence = &ctx.folded[self.sentence.clone()];
            let opening = sentence.trim_start_matches([' ', ',', '"']);
            let first_end = opening.find([' ', ',', '"']).unwrap_or(opening.len());
            self.from = if opening.starts_with("menurut") {
                Some(self.sentence.end - opening.len() + first_end)
            } else {
                // The first "bahwa" standing as a word between separators.
                let sep = |b: Option<&u8>| b.is_none_or(|b| matches!(b, b' ' | b',' | b'"'));
                let bytes = sentence.as_bytes();
                memchr::memmem::find_iter(bytes, b"bahwa")
                    .find(|&k| sep(k.checked_sub(1).map(|j| &bytes[j])) && sep(bytes.get(k + 5)))
                    .map(|k| self.sentence.start + k + 5)
            };
        }
        self.from.is_some_and(|f| f <= pos)
    }
}

/// What an event name holds.
#[derive(Debug, Default)]
struct Window {
    end: usize,
    qualifiers: Vec<usize>,
    scope: Option<u32>,
    jurisdiction: Option<u32>,
    election: Option<(String, i32)>,
}

/// Reads the event name that starts with trigger hit `i`.
fn name_window(input: &Input, i: usize) -> Window {
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

/// Whether the clause of a trigger says the event has not happened.
fn irrealis(ctx: &Context, trigger: Range<usize>, name_end: usize) -> bool {
    let text = ctx.folded;
    if words_before(text, trigger.start, 2).any(|w| TOPIC_BEFORE.contains(&w)) {
        return true;
    }
    let clause_start = clause_start(text, trigger.start, false);
    let before = text[clause_start..trigger.start]
        .split(' ')
        .rev()
        .filter(|w| !w.is_empty())
        .take(8)
        .any(|w| IRREALIS_BEFORE.contains(&w));
    let after = text[name_end.min(text.len())..]
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| IRREALIS_AFTER.contains(&w.trim_end_matches([',', '.'])));
    before || after
}

/// Where the clause holding byte `pos` starts: after the last clause mark before it (a
/// comma, a sentence mark, a colon, a line break, a quote; an opening parenthesis too
/// when `paren`), else at 0. The readers of a clause look at its last few words only:
/// the mark is looked for in the 256 bytes before `pos`, and without one the clause is
/// taken to start at the first word that begins in them.
fn clause_start(text: &str, pos: usize, paren: bool) -> usize {
    const REACH: usize = 256;
    let low = pos.saturating_sub(REACH);
    let bytes = &text.as_bytes()[low..pos];
    let mark = bytes.iter().rposition(|&b| {
        matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?' | b'\n' | b'"') || (paren && b == b'(')
    });
    match mark {
        Some(i) => low + i + 1,
        None if low == 0 => 0,
        // The first whole word in reach (spaces and marks are ASCII: a char boundary).
        None => bytes
            .iter()
            .position(|&b| b == b' ')
            .map_or(pos, |i| low + i + 1),
    }
}

/// Up to `n` words right before byte `pos` of `folded`, nearest first, within its clause.
fn words_before(folded: &str, pos: usize, n: usize) -> impl Iterator<Item = &str> {
    let head = &folded[..pos];
    let clause = clause_start(folded, pos, true);
    head[clause..]
        .split(' ')
        .rev()
        .filter(|w| !w.is_empty())
        .take(n)
}

/// A meeting mention that contains `first` ("… menyerahkan bantuan saat Rakor …").
pub(super) fn container_meeting<'m>(
    input: &Input,
    sentences: &mut Sentences,
    first: &EventMention,
    usable: &[&'m EventMention],
) -> Option<&'m EventMention> {
    let text = input.ctx.text;
    let s = sentences.at(text, first.trigger.start);
    usable.iter().copied().find(|m| {
        input.ctx.lex.events[m.row].kind == "meeting"
            && m.trigger.start > first.trigger.end
            && m.trigger.start < s.end
            && input.ctx.folded[..m.trigger.start]
                .split(' ')
                .rev()
                .filter(|w| !w.is_empty())
                .take(3)
                .any(|w| CONTAINERS.contains(&w))
    })
}

#[cfg(test)]
mod tests {
    use super::{clause_start, words_before};

    #[test]
    fn a_clause_starts_after_its_mark_or_at_the_first_word_in_reach() {
        assert_eq!(clause_start("kata dia, akan ada rapat", 19, false), 9);
        assert_eq!(clause_start("akan ada rapat", 9, false), 0);
        assert_eq!(clause_start("ia (akan) rapat", 10, true), 4);
        // A clause longer than the reach: it starts at a whole word, and its last words
        // are still read.
        let long = format!("{}akan digelar rapat", "makan ".repeat(60));
        let pos = long.len() - "rapat".len();
        let start = clause_start(&long, pos, false);
        assert!(start > 0 && long[..start].ends_with(' '));
        let before: Vec<&str> = words_before(&long, pos, 2).collect();
        assert_eq!(before, ["digelar", "akan"]);
    }
}

#[cfg(test)]
mod harm_tests {
    use super::harm_cause;
    use crate::lexicon::{LexiconFiles, Lexicons};

    #[test]
    fn a_death_or_injury_then_a_cause_word_makes_the_trigger_its_cause() {
        let lex = Lexicons::load(&LexiconFiles::embedded()).unwrap();
        let at = |s: &str, w: &str| s.find(w).unwrap();
        let s = "pelajar smp tewas usai dikeroyok 2 temannya";
        assert!(harm_cause(&lex, s, at(s, "dikeroyok")));
        let s = "dua warga luka-luka akibat ditabrak truk";
        assert!(harm_cause(&lex, s, at(s, "ditabrak")));
        // A cause word without a death or an injury before it: a background.
        let s = "polisi tangkap 14 warga usai bentrok";
        assert!(!harm_cause(&lex, s, at(s, "bentrok")));
        // "duduk perkara" (the facts of) makes no background.
        assert!(super::is_background("usai kecelakaan", 5));
        assert!(super::is_background("kasus penganiayaan", 6));
        assert!(!super::is_background("duduk perkara kecelakaan", 15));
        // A death without a cause word between.
        let s = "dua orang tewas dalam bentrok";
        assert!(!harm_cause(&lex, s, at(s, "bentrok")));
        // "setelah" is a word of cause too.
        let s = "pria tewas setelah ditembak";
        assert!(harm_cause(&lex, s, at(s, "ditembak")));
    }
}
