//! Triggers and mentions: each trigger outside quotes and reported speech, the event name
//! it starts, and whether the event happened.
//!
//! # Layout
//!
//! `name` (the event name a trigger starts), `happened` (whether the event happened, and
//! as what); [`mentions`] here reads each trigger with them, past quotes and reported
//! speech.

mod happened;
mod name;

use std::ops::Range;

use self::happened::irrealis;
pub(crate) use self::happened::{
    harm_cause, is_background, is_headline_background, named_by_past_date,
};
use self::name::name_window;
use super::text::{in_quote, Sentences};
use super::Input;

use crate::entities::Context;
use crate::gazetteer::Entry;

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
        // The cheap reasons to pass a trigger by come first.
        if rows.is_empty() || range.start < absorbed || in_quote(input.quotes, range.start) {
            continue;
        }
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
        if rows.is_empty() || speech.reported(ctx, sentences, range.start) {
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
            background: is_background(ctx.folded, range.start)
                || named_by_past_date(ctx.folded, range.end, input.reference),
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
