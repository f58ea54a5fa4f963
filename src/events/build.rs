//! Building an event from its mentions: the evidence sentences, and each field read from
//! the first of them that gives it.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::actors::chair_in;
use super::election::{dominant_election, election_in};
use super::fields::{event_date, narrower_dateline, place_after_di, scoped_place, venue_in};
use super::mentions::EventMention;
use super::text::{in_quote, paragraph, Sentences};
use super::{FoundEvent, Input};
use crate::gazetteer::Entry;

/// Sentence-initial words that refer back to the main event.
const ANAPHORS: &[&str] = &["acara", "kegiatan", "agenda"];

/// Builds one event from its mentions. `dominant` keeps the election the article names
/// most often, read once for all its events.
pub(super) fn build(
    input: &Input,
    cache: &mut Sentences,
    lead: &EventMention,
    group: &[&EventMention],
    main: bool,
    main_event: Option<&FoundEvent>,
    dominant: &OnceCell<Option<(String, i32)>>,
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
            let para = paragraph(text, lead.trigger.start);
            event_date(input, &para)
        })
        .or_else(|| {
            // An event the headline reports is dated by the lead, the paragraph after it.
            let headline = input.headline.as_ref()?;
            if !(main && headline.contains(&lead.trigger.start)) {
                return None;
            }
            let next = headline.end + text[headline.end..].find(|c: char| !c.is_whitespace())?;
            let para = paragraph(text, next);
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
            let para = paragraph(text, lead.trigger.start);
            election_in(input, &para)
        })
        .or_else(|| input.headline.as_ref().and_then(|h| election_in(input, h)))
        .or_else(|| dominant.get_or_init(|| dominant_election(input)).clone());

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
    // The outlet that reports or is quoted ("GOWA, KOMPAS.com –", "dilansir Antara") takes
    // no part in the event.
    for (k, m) in input.institutions.iter().enumerate() {
        if m.category.as_deref() != Some("media") && said_in_present(&m.range) {
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
        actor1: Vec::new(),
        actor2: Vec::new(),
        counts: Vec::new(),
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

/// Sentences after `from` that open with "Acara", "Kegiatan" or "Agenda", within the
/// paragraph of `from` and the next two.
fn anaphor_sentences(input: &Input, cache: &mut Sentences, from: usize) -> Vec<Range<usize>> {
    let text = input.ctx.text;
    let folded = input.ctx.folded;
    let mut end = paragraph(text, from).end;
    for _ in 0..2 {
        if end + 1 < text.len() {
            end = paragraph(text, end + 1).end;
        }
    }
    // The paragraphs are often the whole article (one line): memmem's vectorized search,
    // not str's byte-wise one, with its searchers built once.
    static FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        LazyLock::new(|| ANAPHORS.iter().map(memchr::memmem::Finder::new).collect());
    let mut out: Vec<Range<usize>> = Vec::new();
    for (word, finder) in ANAPHORS.iter().zip(FINDERS.iter()) {
        for at in finder.find_iter(&folded.as_bytes()[from..end]) {
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
fn attendance_sentences(input: &Input, cache: &mut Sentences) -> Vec<Range<usize>> {
    let ctx = input.ctx;
    let mut out: Vec<Range<usize>> = Vec::new();
    let lex = ctx.lex;
    for i in 0..ctx.hits.len() {
        // One look at each hit's entries for either kind.
        let attends = ctx.entries(i).iter().any(|e| {
            matches!(e, Entry::Term(k)
                if matches!(lex.terms[*k as usize].kind.as_str(), "attend" | "represent"))
        });
        if attends {
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
