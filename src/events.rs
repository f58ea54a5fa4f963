//! Events: the meeting an article reports, and what happened during it (a handover, a
//! signing, a visit, a declaration …), with date, venue, place, scope, election, chair,
//! participants and speakers.
//!
//! This stage reads the output of the earlier ones (gazetteer hits, places, institution
//! mentions, people, times, quotes); it never rescans the text with the automaton.
//!
//! # Rules
//!
//! * **Triggers** come from `lexicons/events.tsv`. A trigger starts an event *name* that
//!   runs on over parentheses, capitalized words, places, institutions, election names,
//!   "se-"/"tingkat" scopes and the linking words "bersama"/"dengan"/"antara" ("rapat
//!   koordinasi (Rakor) bersama Forkopimda Kaltim"), and stops at a comma, a lowercase
//!   word, a title or a date. A row with qualifiers applies when one of them is in the
//!   name ("Rakor Forkopimda" → `rakor-forkopimda`); else the row without qualifiers.
//!   Trigger words inside the name ("Rapat Koordinasi (Rakor)") are the same mention.
//! * A mention inside a quotation or in indirect speech ("… mengatakan bahwa …",
//!   "Menurutnya, …") is what someone said, not a report: it is skipped. A
//!   mention whose clause says it has not happened ("akan", "berencana", "agar",
//!   "tidak" … before it; "mendatang", "serupa" after it) is *irrealis*: it makes an
//!   event only when the article reports no realized one.
//! * Mentions of one kind are one event. The **main event** is the one of the first
//!   realized mention, unless that mention's sentence puts it inside a meeting ("…
//!   menyerahkan bantuan saat Rakor …"): then the meeting. It comes first in the output;
//!   the others (sub-events) follow in text order.
//! * The **evidence** of an event is the sentences of its mentions, and, for the main
//!   event, the sentences opened by "Acara"/"Kegiatan"/"Agenda" ("Acara yang dibuka oleh
//!   …"). Each field is taken from the first evidence sentence that gives it:
//!   - `date`: a day-precision date that is not a publication stamp and not an election's
//!     voting day; else the first such date of the main mention's paragraph; sub-events
//!     without one inherit the main event's;
//!   - `venue`: a venue word from the lexicon ("Hotel", "Gedung", "Aula", "Pendopo", a
//!     misspelt one after "di": "Hitel") and the capitalized words, parentheses and
//!     places that follow; its place is the most specific place inside it or right after
//!     a comma ("Ballroom Hotel X, Balikpapan");
//!   - `place`: the venue's place (the dateline's regency or city when the venue names
//!     only the province the dateline lies in), else a place after "di", else the
//!     dateline; sub-events inherit the main event's;
//!   - `scope`: a "se-"/"se"/"tingkat"/"seluruh" place in an event name, else the
//!     jurisdiction of an institution in the name ("Rakor Forkopimda Kaltim"), else the
//!     jurisdiction of the chair's office, else a scoped place in the evidence;
//!   - `election`: an election in an event name, else in the evidence, else in the
//!     main mention's paragraph, else the headline, else the election the article names
//!     most often (when one does); without a written year, the next one of its kind in
//!     `lexicons/elections.tsv` at the reference date;
//!   - `chair`: the person after "dibuka oleh"/"dipimpin (oleh)"/"diketuai", or the
//!     subject before "membuka"/"memimpin" (past "bersama"/"didampingi" companions);
//!     an office named there without a name ("dibuka oleh Bupati Berau") still gives
//!     the scope.
//!     Attending and standing in ("menghadiri", "diwakili") are not chairing.
//! * `participants`: the chair, and the people and institutions named (outside quotes) in
//!   the evidence and, for the main event, in the sentences with "hadir", "dihadiri",
//!   "mewakili" …; `speakers`: for the main event, the speakers of the article's quotes.

use std::ops::Range;

use jiff::civil::Date;

use crate::entities::institutions::Mention;
use crate::entities::people::{FoundPerson, Office};
use crate::entities::places::Places;
use crate::entities::{one_edit, Context};
use crate::gazetteer::Entry;
use crate::quotes::QuoteHit;
use crate::record::{Precision, TimeKind};
use crate::segment::sentence_at;
use crate::time::ResolvedTime;

/// Everything the event stage reads.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    /// Text, hits and lexicons.
    pub ctx: &'a Context<'a>,
    /// Places resolved per hit, and the dateline.
    pub places: &'a Places,
    /// Institution mentions in text order.
    pub institutions: &'a [Mention],
    /// People with their mentions.
    pub people: &'a [FoundPerson],
    /// Offices named without a name that no person was found for.
    pub offices: &'a [Office],
    /// Times in text order.
    pub times: &'a [ResolvedTime],
    /// Quotations in text order.
    pub quotes: &'a [QuoteHit],
    /// The speaker (index into `people`) of each quote.
    pub speakers: &'a [Option<usize>],
    /// The headline's normalized range, if the text starts with one.
    pub headline: Option<Range<usize>>,
    /// The reference date (for an election named without its year).
    pub reference: Option<Date>,
}

/// A venue, found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundVenue {
    /// The venue's name (normalized range).
    pub range: Range<usize>,
    /// Its place (index into `lexicons.places`).
    pub place: Option<u32>,
}

/// An event, found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundEvent {
    /// Kind ("meeting").
    pub kind: String,
    /// Subtype ("rakor-forkopimda").
    pub subtype: Option<String>,
    /// The event's name when it is more than its trigger (normalized range).
    pub title: Option<Range<usize>>,
    /// The trigger of the mention that made the event (normalized range).
    pub trigger: Range<usize>,
    /// The date (index into the times).
    pub date: Option<usize>,
    /// The venue.
    pub venue: Option<FoundVenue>,
    /// Where it happened (index into `lexicons.places`).
    pub place: Option<u32>,
    /// Its scope (index into `lexicons.places`).
    pub scope: Option<u32>,
    /// The election it is about: kind and year.
    pub election: Option<(String, i32)>,
    /// Who opened, led or chaired it (index into people).
    pub chair: Option<usize>,
    /// People present (indices into people).
    pub people: Vec<usize>,
    /// Institutions present (indices into the institution mentions).
    pub institutions: Vec<usize>,
    /// People quoted (indices into people).
    pub speakers: Vec<usize>,
}

/// One trigger mention with its name.
#[derive(Clone, Debug)]
struct EventMention {
    row: usize,
    trigger: Range<usize>,
    name: Range<usize>,
    realized: bool,
    qualified: bool,
    scope: Option<u32>,
    jurisdiction: Option<u32>,
    election: Option<(String, i32)>,
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
];

/// Words right after a trigger that put it in the future or elsewhere.
const IRREALIS_AFTER: &[&str] = &["mendatang", "berikutnya", "serupa", "selanjutnya"];

/// Sentence-initial words that refer back to the main event.
const ANAPHORS: &[&str] = &["acara", "kegiatan", "agenda"];

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

/// Finds the events of a document: the main event first, then the others in text order.
pub fn find(input: &Input) -> Vec<FoundEvent> {
    let mentions = mentions(input);
    if mentions.is_empty() {
        return Vec::new();
    }
    let lex = input.ctx.lex;
    let kind_of = |m: &EventMention| lex.events[m.row].kind.as_str();
    let any_realized = mentions.iter().any(|m| m.realized);
    let usable: Vec<&EventMention> = if any_realized {
        mentions.iter().filter(|m| m.realized).collect()
    } else {
        mentions.iter().take(1).collect()
    };
    let mut main = usable[0];
    if kind_of(main) != "meeting" {
        if let Some(m) = container_meeting(input, main, &usable) {
            main = m;
        }
    }
    let mut kinds: Vec<&str> = vec![kind_of(main)];
    for m in &usable {
        if !kinds.contains(&kind_of(m)) {
            kinds.push(kind_of(m));
        }
    }
    let mut sentences = SentenceCache::default();
    let mut out: Vec<FoundEvent> = Vec::new();
    for (n, kind) in kinds.iter().enumerate() {
        let group: Vec<&EventMention> = usable
            .iter()
            .copied()
            .filter(|m| kind_of(m) == *kind)
            .collect();
        let lead = if n == 0 { main } else { group[0] };
        let ev = build(input, &mut sentences, lead, &group, n == 0, out.first());
        out.push(ev);
    }
    out
}

/// Every trigger mention outside quotes, in text order.
fn mentions(input: &Input) -> Vec<EventMention> {
    let ctx = input.ctx;
    let mut out: Vec<EventMention> = Vec::new();
    let mut absorbed = 0;
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
        if rows.is_empty()
            || range.start < absorbed
            || in_quote(input.quotes, range.start)
            || reported_speech(ctx, range.start)
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

fn in_quote(quotes: &[QuoteHit], pos: usize) -> bool {
    let i = quotes.partition_point(|q| q.inner.end <= pos);
    quotes
        .get(i)
        .is_some_and(|q| q.inner.start <= pos && pos < q.inner.end)
}

/// Whether `pos` is inside indirect speech: its sentence has "bahwa" before it, or
/// opens with "menurut" ("Kapolres mengatakan bahwa …", "Menurutnya, …").
fn reported_speech(ctx: &Context, pos: usize) -> bool {
    let start = sentence_at(ctx.text, pos).start.min(pos);
    let mut words = ctx.folded[start..pos]
        .split([' ', ',', '"'])
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    first.starts_with("menurut") || first == "bahwa" || words.any(|w| w == "bahwa")
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

/// Weekday and month names: a date, never part of an event or venue name.
fn is_time_word(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "jum'at",
        "sabtu",
        "minggu",
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "pukul",
        "tanggal",
    ];
    WORDS.contains(&lower)
}

/// The end of the line of `pos`, looked for within `cap` bytes (the search stays bounded
/// on texts without line breaks); on a char boundary.
fn line_end(text: &str, pos: usize, cap: usize) -> usize {
    let mut high = (pos + cap).min(text.len());
    while !text.is_char_boundary(high) {
        high -= 1;
    }
    memchr::memchr(b'\n', &text.as_bytes()[pos..high]).map_or(high, |i| pos + i)
}

fn skip_spaces(text: &str, p: usize) -> usize {
    p + (text[p..].len() - text[p..].trim_start_matches(' ').len())
}

/// Whether the clause of a trigger says the event has not happened.
fn irrealis(ctx: &Context, trigger: Range<usize>, name_end: usize) -> bool {
    let text = ctx.folded;
    let clause_start = text[..trigger.start]
        .rfind([',', '.', ';', ':', '!', '?', '\n', '"'])
        .map_or(0, |i| i + 1);
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

/// A meeting mention that contains `first` ("… menyerahkan bantuan saat Rakor …").
fn container_meeting<'m>(
    input: &Input,
    first: &EventMention,
    usable: &[&'m EventMention],
) -> Option<&'m EventMention> {
    let text = input.ctx.text;
    let s = sentence_at(text, first.trigger.start);
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

/// Sentence and paragraph lookups, each found by scanning only around a position
/// ([`sentence_at`]), and remembered.
#[derive(Default)]
struct SentenceCache {
    sentences: Vec<Range<usize>>,
}

impl SentenceCache {
    fn at(&mut self, text: &str, pos: usize) -> Range<usize> {
        // Sorted, not overlapping: one binary search.
        let i = self.sentences.partition_point(|s| s.end <= pos);
        if let Some(s) = self.sentences.get(i).filter(|s| s.start <= pos) {
            return s.clone();
        }
        let s = sentence_at(text, pos);
        if s.start <= pos && pos < s.end {
            self.sentences.insert(i, s.clone());
        }
        s
    }

    /// The paragraph (line) containing `pos`.
    fn paragraph(&mut self, text: &str, pos: usize) -> Range<usize> {
        let bytes = text.as_bytes();
        let pos = pos.min(text.len());
        let start = memchr::memrchr(b'\n', &bytes[..pos]).map_or(0, |k| k + 1);
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |k| pos + k);
        start..end
    }
}

/// Builds one event from its mentions.
fn build(
    input: &Input,
    cache: &mut SentenceCache,
    lead: &EventMention,
    group: &[&EventMention],
    main: bool,
    main_event: Option<&FoundEvent>,
) -> FoundEvent {
    let ctx = input.ctx;
    let text = ctx.text;
    let lex = ctx.lex;
    let mut order: Vec<&EventMention> = vec![lead];
    order.extend(group.iter().copied().filter(|m| m.trigger != lead.trigger));
    order.sort_by_key(|m| m.trigger.start);
    let mut evidence: Vec<Range<usize>> = Vec::new();
    for m in &order {
        evidence.push(cache.at(text, m.trigger.start));
    }
    if main {
        evidence.extend(anaphor_sentences(input, cache, lead.trigger.start));
    }
    evidence.sort_by_key(|s| s.start);
    evidence.dedup();
    let named = order
        .iter()
        .find(|m| m.qualified && lex.events[m.row].kind == lex.events[lead.row].kind)
        .filter(|m| !lead.qualified && same_family(lex, lead.row, m.row))
        .copied();
    let defining = named.unwrap_or(lead);
    let extended = |m: &&&EventMention| m.name.end > m.trigger.end;
    let title = order
        .iter()
        .filter(|m| m.row == defining.row)
        .filter(extended)
        .max_by_key(|m| m.name.len())
        .or_else(|| order.iter().filter(extended).max_by_key(|m| m.name.len()))
        .map(|m| m.name.clone());

    let date = evidence
        .iter()
        .find_map(|s| event_date(input, s))
        .or_else(|| {
            let para = cache.paragraph(text, lead.trigger.start);
            event_date(input, &para)
        })
        .or_else(|| main_event.and_then(|e| e.date));
    let venue = evidence.iter().find_map(|s| venue_in(input, s));
    let chair_found = evidence.iter().find_map(|s| chair_in(input, s));
    let chair = chair_found.and_then(|c| c.person);
    let place = venue
        .as_ref()
        .and_then(|v| v.place)
        .map(|p| narrower_dateline(input, p))
        .or_else(|| evidence.iter().find_map(|s| place_after_di(input, s)))
        .or_else(|| main_event.and_then(|e| e.place))
        .or(input.places.dateline);
    let scope = order
        .iter()
        .find_map(|m| m.scope)
        .or_else(|| order.iter().find_map(|m| m.jurisdiction))
        .or_else(|| {
            chair
                .and_then(|c| input.people[c].roles.iter().find_map(|r| r.jurisdiction))
                .or(chair_found.and_then(|c| c.office))
        })
        .or_else(|| evidence.iter().find_map(|s| scoped_place(input, s)));
    let election = order
        .iter()
        .find_map(|m| m.election.clone())
        .or_else(|| evidence.iter().find_map(|s| election_in(input, s)))
        .or_else(|| {
            let para = cache.paragraph(text, lead.trigger.start);
            election_in(input, &para)
        })
        .or_else(|| input.headline.as_ref().and_then(|h| election_in(input, h)))
        .or_else(|| dominant_election(input));

    let mut people: Vec<usize> = Vec::new();
    let mut institutions: Vec<usize> = Vec::new();
    if let Some(c) = chair {
        people.push(c);
    }
    let mut present = evidence.clone();
    if main {
        present.extend(attendance_sentences(input, cache));
    }
    present.sort_by_key(|s| s.start);
    present.dedup();
    // Sentences do not overlap: the one that may hold `r` is the first ending at or
    // after it.
    let said_in_present = |r: &Range<usize>| {
        let i = present.partition_point(|s| s.end < r.end);
        present
            .get(i)
            .is_some_and(|s| s.start <= r.start && r.end <= s.end)
            && !in_quote(input.quotes, r.start)
    };
    for (k, p) in input.people.iter().enumerate() {
        if !people.contains(&k) && p.mentions.iter().any(&said_in_present) {
            people.push(k);
        }
    }
    for (k, m) in input.institutions.iter().enumerate() {
        if said_in_present(&m.range) {
            institutions.push(k);
        }
    }
    let mut speakers: Vec<usize> = Vec::new();
    if main {
        for s in input.speakers.iter().flatten() {
            if !speakers.contains(s) {
                speakers.push(*s);
            }
        }
    }
    let row = &lex.events[defining.row];
    FoundEvent {
        kind: lex.events[lead.row].kind.clone(),
        subtype: Some(row.subtype.clone()).filter(|s| !s.is_empty()),
        title,
        trigger: lead.trigger.clone(),
        date,
        venue,
        place,
        scope,
        election,
        chair,
        people,
        institutions,
        speakers,
    }
}

/// Whether two event rows share a trigger ("Rakor" for `rakor` and `rakor-forkopimda`).
fn same_family(lex: &crate::lexicon::Lexicons, a: usize, b: usize) -> bool {
    let fold = crate::normalize::fold;
    let (a, b) = (&lex.events[a], &lex.events[b]);
    a.triggers
        .iter()
        .any(|t| b.triggers.iter().any(|u| fold(t) == fold(u)))
}

/// `p`, or, when `p` is a province and the dateline lies inside it ("Hotel X, Kalbar"
/// written in Pontianak), the dateline's regency or city: a province is too coarse to
/// say where a meeting was.
fn narrower_dateline(input: &Input, p: u32) -> u32 {
    let lex = input.ctx.lex;
    let outer = &lex.places[p as usize].id;
    let Some(d) = input.places.dateline else {
        return p;
    };
    let inner = &lex.places[d as usize].id;
    if depth(outer) != 0 || !inner.starts_with(&format!("{outer}.")) {
        return p;
    }
    let regency: String = inner.split('.').take(2).collect::<Vec<_>>().join(".");
    lex.place_index(&regency).unwrap_or(d)
}

/// Sentences after `from` that open with "Acara", "Kegiatan" or "Agenda", within the
/// paragraph of `from` and the next two.
fn anaphor_sentences(input: &Input, cache: &mut SentenceCache, from: usize) -> Vec<Range<usize>> {
    let text = input.ctx.text;
    let folded = input.ctx.folded;
    let mut end = cache.paragraph(text, from).end;
    for _ in 0..2 {
        if end + 1 < text.len() {
            end = cache.paragraph(text, end + 1).end;
        }
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for word in ANAPHORS {
        // The paragraphs are often the whole article (one line): memmem's vectorized
        // search, not str's byte-wise one.
        for at in memchr::memmem::find_iter(&folded.as_bytes()[from..end], word) {
            let at = from + at;
            let boundary = folded[at + word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !boundary {
                continue;
            }
            let s = cache.at(text, at);
            if s.start == at && !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// Sentences that say who attended or stood in.
fn attendance_sentences(input: &Input, cache: &mut SentenceCache) -> Vec<Range<usize>> {
    let ctx = input.ctx;
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in 0..ctx.hits.len() {
        if ctx.term(i, "attend").is_some() || ctx.term(i, "represent").is_some() {
            let start = ctx.hits[i].range.start;
            if in_quote(input.quotes, start) {
                continue;
            }
            let s = cache.at(ctx.text, start);
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// The event date within `s`: a day-precision date, not a publication stamp and not an
/// election's voting day.
fn event_date(input: &Input, s: &Range<usize>) -> Option<usize> {
    let is_voting_day = |v: &str| {
        input
            .ctx
            .lex
            .elections
            .iter()
            .any(|e| v.parse::<jiff::civil::Date>().is_ok_and(|d| d == e.date))
    };
    // Times are in text order: start at the first one inside `s`.
    let first = input.times.partition_point(|t| t.range.start < s.start);
    (first..input.times.len())
        .take_while(|&k| input.times[k].range.start < s.end)
        .find(|&k| {
            let t = &input.times[k];
            t.range.end <= s.end
                && t.kind() == TimeKind::Date
                && t.precision() == Some(Precision::Day)
                && !t.is_publication()
                && t.value().is_some_and(|v| !is_voting_day(v))
        })
}

/// A venue in sentence `s`.
fn venue_in(input: &Input, s: &Range<usize>) -> Option<FoundVenue> {
    let ctx = input.ctx;
    let mut starts: Vec<(usize, bool)> = Vec::new();
    for i in ctx.hits.partition_point(|h| h.range.start < s.start)..ctx.hits.len() {
        let r = &ctx.hits[i].range;
        if r.start >= s.end {
            break;
        }
        if ctx.term(i, "venue").is_some() && ctx.text[r.clone()].starts_with(char::is_uppercase) {
            starts.push((r.start, after_di(ctx, r.start)));
        }
    }
    // A misspelt venue word after "di" ("di Hitel Novotel").
    let mut at = s.start;
    while let Some(n) = ctx.folded[at..s.end].find(" di ") {
        let w = at + n + 4;
        let word_end = ctx.text[w..s.end]
            .find(|c: char| !c.is_alphabetic())
            .map_or(s.end, |e| w + e);
        let word = &ctx.text[w..word_end];
        if word.starts_with(char::is_uppercase)
            && word.len() >= 5
            && !starts.iter().any(|(p, _)| *p == w)
            && venue_heads(input).any(|v| one_edit(&ctx.folded[w..word_end], v))
        {
            starts.push((w, true));
        }
        at = w;
    }
    starts.sort_by_key(|&(p, di)| (!di, p));
    let &(start, _) = starts.first()?;
    let end = venue_end(input, start, s.end);
    let place = deepest_place(input, start..end).or_else(|| {
        let rest = &ctx.text[end..s.end];
        let after = rest.strip_prefix(',')?;
        let p = end + 1 + (after.len() - after.trim_start().len());
        let i = ctx.hits.partition_point(|h| h.range.start < p);
        ctx.hits
            .get(i)
            .filter(|h| h.range.start == p)
            .and_then(|_| input.places.by_hit[i])
    });
    Some(FoundVenue {
        range: start..end,
        place,
    })
}

/// The single-word venue heads of the lexicon ("hotel", "gedung" …), folded.
fn venue_heads<'a>(input: &'a Input) -> impl Iterator<Item = &'a str> + 'a {
    input
        .ctx
        .lex
        .term_words("venue")
        .map(|(w, _)| w)
        .filter(|w| w.len() >= 5)
}

/// Whether the words before `pos` are "di" (or "bertempat di", "berlangsung di").
fn after_di(ctx: &Context, pos: usize) -> bool {
    ctx.word_before(pos) == "di"
}

/// Where a venue name that starts at `start` ends: it runs on over capitalized words,
/// Roman numerals, parentheses, numbers after a capitalized word and places, and stops at
/// a comma, a lowercase word, a date or a time word.
fn venue_end(input: &Input, start: usize, limit: usize) -> usize {
    let text = input.ctx.text;
    let mut end = start;
    let mut p = start;
    let mut words = 0;
    while p < limit && words < 9 {
        let q = skip_spaces(text, p);
        if q >= limit {
            break;
        }
        let rest = &text[q..limit];
        if rest.starts_with('(') {
            match rest.find(')').filter(|&c| c < 40) {
                Some(c) => {
                    p = q + c + 1;
                    end = p;
                    continue;
                }
                None => break,
            }
        }
        if input.times.iter().any(|t| t.range.start == q) {
            break;
        }
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '.' || c == '/'))
            .unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches('.');
        if word.is_empty() {
            break;
        }
        let lower = word.to_lowercase();
        let capital = word.starts_with(|c: char| c.is_uppercase());
        let number = words > 0
            && word.starts_with(|c: char| c.is_ascii_digit())
            && (word.bytes().all(|b| b.is_ascii_digit()) || word.contains('/'));
        if !(capital || number) || is_time_word(&lower) || STOP_CAPS.contains(&lower.as_str()) {
            break;
        }
        p = q + word.len();
        end = p;
        words += 1;
    }
    end
}

/// Capitalized words that end a venue name.
const STOP_CAPS: &[&str] = &["yang", "dan", "di", "pada", "dalam", "saat", "untuk"];

/// The most specific place hit inside `r`.
fn deepest_place(input: &Input, r: Range<usize>) -> Option<u32> {
    let ctx = input.ctx;
    let first = ctx.hits.partition_point(|h| h.range.start < r.start);
    (first..ctx.hits.len())
        .take_while(|&i| ctx.hits[i].range.end <= r.end)
        .filter_map(|i| input.places.by_hit[i])
        .max_by_key(|&p| depth(&ctx.lex.places[p as usize].id))
}

fn depth(id: &str) -> usize {
    id.matches('.').count()
}

/// The first place in `s` written after "di" (or "di Kota", "di Kabupaten" …), not after
/// "di seluruh".
fn place_after_di(input: &Input, s: &Range<usize>) -> Option<u32> {
    place_after(
        input,
        s,
        &["kota", "kabupaten", "kab.", "provinsi", "kecamatan", "kec."],
        |b| b.ends_with(" di") || b == "di",
    )
}

/// The first place in `s` after "se-", "se", "tingkat" or "seluruh".
fn scoped_place(input: &Input, s: &Range<usize>) -> Option<u32> {
    place_after(input, s, &["provinsi", "kabupaten", "kota"], |b| {
        let word = b.rsplit(' ').next().unwrap_or("");
        matches!(word, "se" | "se-" | "tingkat" | "seluruh") || b.ends_with("se-")
    })
}

/// The first place in `s` whose preceding text (folded, without one of `levels`) passes
/// `before`.
fn place_after(
    input: &Input,
    s: &Range<usize>,
    levels: &[&str],
    before: impl Fn(&str) -> bool,
) -> Option<u32> {
    let ctx = input.ctx;
    let first = ctx.hits.partition_point(|h| h.range.start < s.start);
    (first..ctx.hits.len())
        .take_while(|&i| ctx.hits[i].range.end <= s.end)
        .find_map(|i| {
            let p = input.places.by_hit[i]?;
            let head = ctx.folded[s.start..ctx.hits[i].range.start].trim_end();
            let head = levels
                .iter()
                .find_map(|w| head.strip_suffix(w))
                .unwrap_or(head)
                .trim_end();
            before(head).then_some(p)
        })
}

/// The election named at hit `h` (an election word, then parentheses, "Serentak",
/// "Tahun" and a year), with the next one of its kind at the reference date when no
/// year is written.
fn election_at(input: &Input, h: usize) -> Option<(String, i32)> {
    let ctx = input.ctx;
    for e in ctx.entries(h) {
        if let Entry::Election(k) = e {
            let e = &ctx.lex.elections[*k as usize];
            return Some((e.kind.clone(), i32::from(e.year)));
        }
    }
    let kind = ctx.term(h, "election")?.to_string();
    election_year(input, kind, ctx.hits[h].range.end)
}

/// The year written after an election word ending at `end` (past parentheses,
/// "Serentak", "Tahun" …), else the next election of `kind` at the reference date.
fn election_year(input: &Input, kind: String, end: usize) -> Option<(String, i32)> {
    let ctx = input.ctx;
    let text = ctx.text;
    let limit = line_end(text, end, 60);
    let mut year = None;
    for (n, word) in text[end..limit]
        .split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
        if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            year = w.parse::<i32>().ok().filter(|y| (1950..=2100).contains(y));
            break;
        }
        let lower = w.to_lowercase();
        let carries = matches!(
            lower.as_str(),
            "serentak" | "tahun" | "nasional" | "lanjutan" | "ulang"
        ) || word.starts_with('(');
        if !carries || n > 4 || word.ends_with([',', '.']) {
            break;
        }
    }
    let year = year.or_else(|| {
        let reference = input.reference?;
        ctx.lex
            .elections
            .iter()
            .filter(|e| {
                e.kind == kind && e.date >= reference.saturating_sub(jiff::Span::new().days(120))
            })
            .min_by_key(|e| e.date)
            .map(|e| i32::from(e.year))
    })?;
    Some((kind, year))
}

/// An election word inside hit `h` ("Desk Pilkada" → pilkada), with its year read after
/// the hit or the next one of its kind at the reference date.
fn election_in_words(input: &Input, h: usize) -> Option<(String, i32)> {
    let ctx = input.ctx;
    let folded = &ctx.folded[ctx.hits[h].range.clone()];
    let kind = ctx
        .lex
        .term_words("election")
        .find(|(a, _)| folded.split(' ').any(|w| w == *a))?
        .1
        .value
        .clone();
    election_year(input, kind, ctx.hits[h].range.end)
}

/// The first election named in `s`.
fn election_in(input: &Input, s: &Range<usize>) -> Option<(String, i32)> {
    let ctx = input.ctx;
    let first = ctx.hits.partition_point(|h| h.range.start < s.start);
    (first..ctx.hits.len())
        .take_while(|&i| ctx.hits[i].range.end <= s.end)
        .find_map(|i| election_at(input, i))
}

/// The election the article names most often, when one is named more often than any
/// other.
fn dominant_election(input: &Input) -> Option<(String, i32)> {
    let mut counts: Vec<((String, i32), usize)> = Vec::new();
    for i in 0..input.ctx.hits.len() {
        if let Some(e) = election_at(input, i) {
            match counts.iter_mut().find(|(k, _)| *k == e) {
                Some((_, n)) => *n += 1,
                None => counts.push((e, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(e, _)] => Some(e.clone()),
        [(e, a), (_, b), ..] if a > b => Some(e.clone()),
        _ => None,
    }
}

/// Who chaired, from sentence `s`: the person named, and the jurisdiction of the office
/// the cue names (known even when the office holder is not named: "dibuka oleh Bupati
/// Berau").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Chair {
    person: Option<usize>,
    office: Option<u32>,
}

/// The chair named in sentence `s`.
fn chair_in(input: &Input, s: &Range<usize>) -> Option<Chair> {
    let ctx = input.ctx;
    let first = ctx.hits.partition_point(|h| h.range.start < s.start);
    for i in (first..ctx.hits.len()).take_while(|&i| ctx.hits[i].range.end <= s.end) {
        if ctx.term(i, "chair").is_none() || in_quote(input.quotes, ctx.hits[i].range.start) {
            continue;
        }
        let cue = ctx.hits[i].range.clone();
        let passive = ctx.folded[cue.clone()].starts_with("di");
        let chair = if passive {
            Chair {
                person: first_mention_after(input, cue.end, s.end),
                office: office_where(input, |r| r.start >= cue.end && r.start <= cue.end + 20),
            }
        } else {
            Chair {
                person: subject_before(input, s.start, cue.start),
                office: office_where(input, |r| {
                    r.start >= s.start && r.end <= cue.start && r.end + 40 >= cue.start
                }),
            }
        };
        if chair.person.is_some() || chair.office.is_some() {
            return Some(chair);
        }
    }
    None
}

/// The jurisdiction of an office (an unnamed title, or an institution a title implies)
/// whose range passes `at`.
fn office_where(input: &Input, at: impl Fn(&Range<usize>) -> bool) -> Option<u32> {
    input
        .offices
        .iter()
        .filter(|o| at(&o.range))
        .find_map(|o| o.role.jurisdiction)
        .or_else(|| {
            input
                .institutions
                .iter()
                .filter(|m| at(&m.range))
                .find_map(|m| m.jurisdiction)
        })
}

/// The first person named within 100 bytes after `pos`, before `limit`.
fn first_mention_after(input: &Input, pos: usize, limit: usize) -> Option<usize> {
    input
        .people
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.mentions.iter().map(move |m| (m.start, k)))
        .filter(|&(start, _)| start >= pos && start < limit.min(pos + 100))
        .min()
        .map(|(_, k)| k)
}

/// The subject of a verb at `verb`: the person named last before it in the sentence, or
/// the one before that when the last follows "bersama", "didampingi", "dan" or "serta".
fn subject_before(input: &Input, sentence: usize, verb: usize) -> Option<usize> {
    let mut named: Vec<(Range<usize>, usize)> = input
        .people
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.mentions.iter().map(move |m| (m.clone(), k)))
        .filter(|(m, _)| m.start >= sentence && m.end <= verb)
        .collect();
    named.sort_by_key(|(m, _)| m.start);
    let (last, k) = named.pop()?;
    if let Some((prev, j)) = named.last() {
        // Mentions may overlap (an office and the name inside it): nothing between them.
        let between = input.ctx.folded.get(prev.end..last.start).unwrap_or("");
        let companion = between
            .split([' ', ','])
            .any(|w| matches!(w, "bersama" | "didampingi" | "dan" | "serta"));
        if companion {
            return Some(*j);
        }
    }
    Some(k)
}
