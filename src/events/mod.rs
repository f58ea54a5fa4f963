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
//!
//! # Layout
//!
//! One concern per module, each using only the ones before it: `text` (quotations,
//! lines, time words), `election`, `fields` (date, venue, place), `actors` (the chair),
//! `mentions` (triggers, event names, irrealis), `build` (evidence and fields of one
//! event); [`find`] here puts them together.

mod actors;
mod build;
mod election;
mod fields;
mod mentions;
mod text;

use std::ops::Range;

use jiff::civil::Date;

use self::build::{build, SentenceCache};
use self::mentions::{container_meeting, mentions, EventMention};
use crate::entities::institutions::Mention;
use crate::entities::people::{FoundPerson, Office};
use crate::entities::places::Places;
use crate::entities::Context;
use crate::quotes::QuoteHit;
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
