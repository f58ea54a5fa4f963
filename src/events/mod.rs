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
//!   "tidak" … before it; "mendatang", "serupa", "dijadwalkan" after it) is *irrealis*: it
//!   makes an
//!   event only when the article reports no realized one.
//! * A trigger row with `context` words counts only where one of them stands in the
//!   trigger's sentence ("diamankan" beside "pelaku", "orang"; "sidang" beside "hakim",
//!   "terdakwa"). A trigger right after a topic word ("jelang", "antisipasi", "rawan",
//!   "seperti", "sebelum", "masa"; "tentang", "mengenai": "keputusan KPU tentang penetapan
//!   hasil") names no event that happened; one right after a word
//!   of cause ("usai", "pasca", "akibat", "kasus") happened but is the background of
//!   another, never the main event. Phrases of the `not-event` terms ("bunuh diri",
//!   "banjir kritik", "sidang paripurna") are longer matches that hide the trigger.
//! * Mentions of one kind are one event. The **main event** is the one of the first
//!   realized mention in the headline (or the kinds of a JSONL `title`) that is no
//!   background, else one there that it names as the cause of a death or an injury
//!   ("Pelajar Tewas Usai Dikeroyok"), else the first
//!   realized mention of the text that is no background; an incident or a decision
//!   (protest … policy) leads only from the headline, the title or the lead (two
//!   sentences), else it is a backdrop and an article with nothing else has no event;
//!   when it is a ceremonial kind whose sentence puts it inside a meeting
//!   ("… menyerahkan bantuan saat Rakor …"), the meeting. It comes first in the output;
//!   the others (sub-events) follow in text order. A main event takes in the kinds that
//!   are parts of it (`absorbs`): the attacks of a riot or a clash, the drownings of a
//!   flood, the fire of an arson, the plenary that passed a Perda.
//! * **Counts** ([`counts`]) are read, for the main event, in every sentence but those
//!   of other events that count some of the same kinds (a sentence with its own trigger
//!   stays; an arrest's sentence still gives a clash its dead), for another event in the
//!   sentences of its mentions; a toll another event stands for is that event's (the
//!   arrests after a protest, its violence when a riot followed).
//! * **Sides** ([`sides`]): actor1 and actor2 by the categories each kind puts on each
//!   side, read in the same sentences as the counts.
//! * **Place** of an incident (protest, riot, clash, attack, disaster, accident, arrest,
//!   voting): the most specific Indonesian place in the sentence of its mention and, for
//!   the main event, the lead paragraph, but for people's homes ("warga Kecamatan X", "asal
//!   X", "tinggal di X", and the places after it and a comma), which count only when the
//!   text gives no other; of a ruling, a regulation or an election body's decision: the
//!   seat of the acting body.
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
//! One concern per module, each using only the ones before it: `kinds` (what each kind
//! counts, takes in and stands for), `text` (quotations, lines, time words), `election`,
//! `fields` (date, venue, place), `actors` (the chair), `mentions` (triggers, event names,
//! irrealis), `build` (evidence and fields of one event), `incident_place` (where an
//! incident happened); [`find`] here puts them together.

mod actors;
mod build;
pub mod counts;
mod election;
mod fields;
pub mod headline;
mod incident_place;
mod kinds;
mod mentions;
pub mod sides;
mod text;

use std::ops::Range;

use jiff::civil::Date;

use self::build::build;
use self::counts::FoundCount;
use self::incident_place::incident_place;
use self::kinds::{absorbs, count_kinds, owns, CEREMONIAL, INCIDENTS, TRIED};
use self::mentions::{container_meeting, mentions, EventMention};
use self::sides::{Actor, Candidate};
use self::text::Sentences;
use crate::entities::groups::FoundGroup;
use crate::entities::institutions::Mention;
use crate::entities::people::{FoundPerson, Office};
use crate::entities::places::Places;
use crate::entities::Context;
use crate::figures::FigureHit;
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
    /// Groups (unnamed collective actors).
    pub groups: &'a [FoundGroup],
    /// Figures in text order.
    pub figures: &'a [FigureHit],
    /// The event kinds a headline given apart from the text names (a JSONL `title`), in
    /// its order, but for those it names as a cause or background ("Terkait Karhutla,
    /// …"): the main event is of the first one the text reports.
    pub title_kinds: &'a [&'a str],
    /// The subtype of each of `title_kinds` as the headline's trigger says it ("Gempa …":
    /// `gempa`): of the text's mentions of that kind, one of this subtype leads.
    pub title_subtypes: &'a [&'a str],
    /// The event kinds that such a headline names as the cause of a death or an injury
    /// ("Pelajar Tewas Usai Dikeroyok": attack), in its order.
    pub title_harm: &'a [&'a str],
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
#[derive(Clone, Debug, PartialEq)]
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
    /// Who acted.
    pub actor1: Vec<Actor>,
    /// On whom, or the other side.
    pub actor2: Vec<Actor>,
    /// The figures the text ties to it.
    pub counts: Vec<FoundCount>,
}

/// The lead: the first paragraph after the headline (and its dateline), two sentences at
/// most.
fn lead_range(input: &Input, sentences: &mut Sentences) -> Range<usize> {
    let text = input.ctx.text;
    let from = input.headline.as_ref().map_or(0, |h| h.end);
    let Some(k) = text[from..].find(|c: char| !c.is_whitespace()) else {
        return 0..0;
    };
    let start = from + k;
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i);
    let mut end = line_end(start);
    // Without a headline found, the first line may be one: the lead is the next, too.
    if input.headline.is_none() && end < text.len() {
        end = line_end(end + 1);
    }
    // A lead is two sentences at most (archives that join paragraphs on one line).
    let first = sentences.at(text, start);
    if first.end < end {
        let next = text[first.end..]
            .find(|c: char| !c.is_whitespace())
            .map(|k| sentences.at(text, first.end + k).end);
        end = end.min(next.unwrap_or(first.end).max(first.end));
    }
    start..end
}

/// Finds the events of a document: the main event first, then the others in text order.
pub fn find(input: &Input) -> Vec<FoundEvent> {
    let mut sentences = Sentences::default();
    let mentions = mentions(input, &mut sentences);
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
    // The main event is what the headline reports, else the lead: the first realized
    // mention that is no cause or background of another.
    let in_headline = |m: &&EventMention| {
        input
            .headline
            .as_ref()
            .is_some_and(|h| h.contains(&m.trigger.start))
    };
    // An incident (a protest, a flood, an arrest …) is what the article is about only
    // when its headline or lead reports it: named further down, it is a backdrop.
    let lead = lead_range(input, &mut sentences);
    let in_lead = |m: &&EventMention| lead.contains(&m.trigger.start);
    let may_lead = |m: &&EventMention| {
        !INCIDENTS.contains(&kind_of(m))
            || in_headline(m)
            || in_lead(m)
            || input.title_kinds.contains(&kind_of(m))
    };
    // A headline that names an event as the cause of a death or an injury ("Pelajar
    // Tewas Usai Dikeroyok Saat Demo"): that event, whatever else it names.
    let Some(mut main) = usable
        .iter()
        .copied()
        .find(|m| m.harm_cause && in_headline(m))
        .or_else(|| {
            input
                .title_harm
                .iter()
                .find_map(|k| usable.iter().copied().find(|m| kind_of(m) == *k))
        })
        // What a headline names first, but a trial over the crime or the accident it is
        // about ("Pelaku Pembunuhan … Divonis 5 Tahun").
        .or_else(|| {
            let mut named = usable
                .iter()
                .copied()
                .filter(|m| !m.background && in_headline(m));
            let first = named.next()?;
            if !TRIED.contains(&kind_of(first)) {
                return Some(first);
            }
            named.find(|m| kind_of(m) == "court").or(Some(first))
        })
        // The first kind a separate headline names that the text reports, told as the
        // event itself, else as the background of another ("Usai membunuh, pelaku …");
        // a trial before what it tries.
        .or_else(|| {
            let court = input.title_kinds.contains(&"court");
            let tried = |k: &&&str| court && TRIED.contains(k);
            let mut order = input
                .title_kinds
                .iter()
                .filter(|k| !tried(k))
                .chain(input.title_kinds.iter().filter(|k| tried(k)));
            order.find_map(|k| {
                let all: Vec<&EventMention> = usable
                    .iter()
                    .copied()
                    .filter(|m| kind_of(m) == *k)
                    .collect();
                let at = input.title_kinds.iter().position(|t| t == k);
                let subtype = at.and_then(|i| input.title_subtypes.get(i)).copied();
                let same = |m: &&EventMention| Some(lex.events[m.row].subtype.as_str()) == subtype;
                all.iter()
                    .copied()
                    .find(|m| !m.background && same(m))
                    .or_else(|| all.iter().copied().find(|m| !m.background))
                    .or(all.first().copied())
            })
        })
        .or_else(|| {
            usable
                .iter()
                .copied()
                .find(|m| !m.background && may_lead(m))
        })
        .or_else(|| Some(usable[0]).filter(|m| may_lead(m)))
    else {
        return Vec::new();
    };
    if CEREMONIAL.contains(&kind_of(main)) {
        if let Some(m) = container_meeting(input, &mut sentences, main, &usable) {
            main = m;
        }
    }
    let mut kinds: Vec<&str> = vec![kind_of(main)];
    let absorbed = absorbs(kind_of(main));
    for m in &usable {
        if !kinds.contains(&kind_of(m)) && !absorbed.contains(&kind_of(m)) {
            kinds.push(kind_of(m));
        }
    }
    let mut out: Vec<FoundEvent> = Vec::new();
    let dominant = std::cell::OnceCell::new();
    for (n, kind) in kinds.iter().enumerate() {
        let group: Vec<&EventMention> = usable
            .iter()
            .copied()
            .filter(|m| kind_of(m) == *kind)
            .collect();
        let lead = if n == 0 { main } else { group[0] };
        let mut ev = build(
            input,
            &mut sentences,
            lead,
            &group,
            n == 0,
            out.first(),
            &dominant,
        );
        // The evidence of the main event is the article but for the sentences of other
        // events; of another event, the sentences of its mentions.
        let own: Vec<usize> = group.iter().map(|m| m.trigger.start).collect();
        let others: Vec<&EventMention> = mentions
            .iter()
            .filter(|m| n == 0 && kind_of(m) != *kind && !absorbed.contains(&kind_of(m)))
            .collect();
        let within: Vec<Range<usize>> = if n == 0 {
            let starts: Vec<usize> = others.iter().map(|m| m.trigger.start).collect();
            sentences_without(input.ctx.text, &mut sentences, &starts, &own)
        } else {
            group
                .iter()
                .map(|m| sentences.at(input.ctx.text, m.trigger.start))
                .collect()
        };
        // A toll another event of the article stands for is not the main event's: the
        // arrests after a protest are the arrest's, its violence the riot's.
        let wanted: Vec<&str> = count_kinds(kind)
            .iter()
            .copied()
            .filter(|c| n > 0 || !kinds.iter().skip(1).any(|k| owns(k, c)))
            .collect();
        if !wanted.is_empty() {
            let people: Vec<&[Range<usize>]> =
                input.people.iter().map(|p| p.mentions.as_slice()).collect();
            // The main event's tolls are read but in the sentences of other events that
            // count some of the same kinds: an arrest's sentence ("Empat anggota KKB tewas
            // … dan satu orang diamankan") still gives a clash its dead.
            let counting: Vec<usize> = others
                .iter()
                .filter(|m| count_kinds(kind_of(m)).iter().any(|c| wanted.contains(c)))
                .map(|m| m.trigger.start)
                .collect();
            let fewer;
            let count_within: &[Range<usize>] = if counting.len() < others.len() {
                fewer = sentences_without(input.ctx.text, &mut sentences, &counting, &own);
                &fewer
            } else {
                &within
            };
            ev.counts = counts::read(input.ctx, input.figures, &people, count_within, &wanted);
        }
        let subtype = ev.subtype.clone().unwrap_or_default();
        (ev.actor1, ev.actor2) = sides::sides(kind, &subtype, &candidates(input, &within));
        // Where it happened: a ruling, a regulation or an election body's decision where
        // the body sits; an incident, and a candidate's registration (at a party's office
        // as at the election body's), the most specific place the text gives.
        let seated = matches!(*kind, "court" | "policy")
            || (*kind == "election"
                && !matches!(
                    subtype.as_str(),
                    "pemungutan-suara" | "psu" | "kampanye" | "debat" | "pendaftaran"
                ));
        let seat = ev.actor1.iter().find_map(|a| match a {
            Actor::Institution(k) => input.institutions[*k].jurisdiction,
            _ => None,
        });
        if seated {
            ev.place = seat.or(ev.place);
        } else if !count_kinds(kind).is_empty() || *kind == "election" {
            ev.place = incident_place(input, &mut sentences, lead, n == 0).or(ev.place);
        }
        out.push(ev);
    }
    out
}

/// The parts of `text` outside the sentences of `others` (other events' triggers), but
/// for those that also hold a position of `own` (the event's triggers), in order: one
/// sentence segmentation per other trigger, not of the whole text.
fn sentences_without(
    text: &str,
    sentences: &mut Sentences,
    others: &[usize],
    own: &[usize],
) -> Vec<Range<usize>> {
    let mut cut: Vec<Range<usize>> = others
        .iter()
        .map(|&o| sentences.at(text, o))
        .filter(|s| !own.iter().any(|&p| s.start <= p && p < s.end))
        .collect();
    cut.sort_by_key(|s| s.start);
    let mut out = Vec::new();
    let mut pos = 0;
    for s in cut {
        if s.start > pos {
            out.push(pos..s.start);
        }
        pos = pos.max(s.end);
    }
    if pos < text.len() {
        out.push(pos..text.len());
    }
    out
}

/// The people, institutions and groups mentioned in `within`, in text order, with the
/// tags the sides are read by.
fn candidates<'a>(input: &Input<'a>, within: &[Range<usize>]) -> Vec<Candidate<'a>> {
    let inside = |r: &Range<usize>| within.iter().any(|w| w.start <= r.start && r.end <= w.end);
    let lex = input.ctx.lex;
    let mut out: Vec<Candidate<'a>> = Vec::new();
    for (k, p) in input.people.iter().enumerate() {
        if let Some(at) = p.mentions.iter().find(|m| inside(m)) {
            let mut tags: Vec<&str> = p.roles.iter().map(|r| r.title.as_str()).collect();
            if tags.is_empty() && p.official.is_none() {
                tags.push(sides::UNDESCRIBED);
            }
            out.push(Candidate {
                actor: Actor::Person(k),
                at: at.clone(),
                tags,
            });
        }
    }
    for (k, m) in input.institutions.iter().enumerate() {
        if inside(&m.range) {
            let mut tags = vec![m.kind.as_str()];
            tags.extend(m.category.as_deref());
            out.push(Candidate {
                actor: Actor::Institution(k),
                at: m.range.clone(),
                tags,
            });
        }
    }
    for (k, g) in input.groups.iter().enumerate() {
        if let Some(at) = g.mentions.iter().find(|m| inside(m)) {
            out.push(Candidate {
                actor: Actor::Group(k),
                at: at.clone(),
                tags: vec![lex.groups[g.kind as usize].kind.as_str()],
            });
        }
    }
    out.sort_by_key(|c| c.at.start);
    out
}
