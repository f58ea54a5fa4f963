//! People: "title [acting] [jurisdiction] [,] [honorifics] Name".
//!
//! # Rules
//! * A title hit ("Gubernur", "Sekretaris Daerah", "Kapolda") may be preceded by an
//!   acting prefix ("Pj", "Pjs", "Plt", "Plh"), followed by its abbreviation in
//!   parentheses ("(Sekda)"), a jurisdiction ("Kutai Kartanegara (Kukar)", "se Kukar") and,
//!   for military titles, a unit ("Pangdam VI/Mulawarman", "Dandim 0908/Bontang").
//! * Then, after an optional comma, honorifics and ranks from the lexicon ("H.", "Dr.",
//!   "AKBP") and the name: up to five capitalized words ("H SUnggono" is still a name),
//!   stopping at a lowercase word, punctuation, or a word the lexicons know as something
//!   else (a title, an institution, a cue verb).
//! * A title whose institution type is known implies an institution mention
//!   ("Kapolda Kaltim" → `polda@64`).
//! * The same name (case-insensitively) is one person; a person from the officials
//!   lexicon gets its id and `known: true`.

use std::collections::HashMap;
use std::ops::Range;

use super::institutions::{self, Mention};
use super::places::Places;
use super::{push_range, Context};
use crate::gazetteer::Entry;

/// One office of a person, resolved.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FoundRole {
    /// Title id.
    pub title: String,
    /// Acting prefix id.
    pub acting: Option<String>,
    /// Jurisdiction (index into `lexicons.places`).
    pub jurisdiction: Option<u32>,
    /// Institution type the title belongs to.
    pub institution: Option<String>,
}

/// A person, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundPerson {
    /// Name without honorifics.
    pub name: String,
    /// Honorifics, ranks and degrees in the order written.
    pub honorifics: Vec<String>,
    /// Index into `lexicons.officials` when known.
    pub official: Option<u32>,
    /// Offices.
    pub roles: Vec<FoundRole>,
    /// Name mentions (normalized ranges).
    pub mentions: Vec<Range<usize>>,
}

/// People and the institution mentions their titles imply.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// People by first mention.
    pub people: Vec<FoundPerson>,
    /// Institutions implied by titles ("Kapolda Kaltim" → polda@64).
    pub implied: Vec<Mention>,
}

/// Finds titled people and the institutions their titles imply.
pub fn resolve(ctx: &Context, places: &Places) -> People {
    let mut out = People::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < ctx.hits.len() {
        let Some(t) = ctx.title(i) else {
            i += 1;
            continue;
        };
        let title = &ctx.lex.titles[t as usize];
        let acting = acting_before(ctx, i);
        let start = if acting.is_some() {
            ctx.hits[i - 1].range.start
        } else {
            ctx.hits[i].range.start
        };
        let (last, end) = institutions::twin(ctx, i, |j| ctx.title(j).is_some());
        let kind = title.institution.clone().unwrap_or_default();
        let tail = institutions::tail(ctx, places, last, end, &kind);
        if let Some(k) = title.institution.clone() {
            out.implied.push(Mention {
                kind: k,
                jurisdiction: tail.jurisdiction,
                unit: tail.unit.clone(),
                range: start..tail.end,
            });
        }
        let role = FoundRole {
            title: title.id.clone(),
            acting,
            jurisdiction: tail.jurisdiction,
            institution: title.institution.clone(),
        };
        let (name, honorifics, next) = name_after(ctx, tail.end, tail.last_hit + 1);
        if let Some(range) = name {
            add_person(ctx, &mut out.people, &mut index, range, honorifics, role);
        }
        i = next.max(tail.last_hit + 1);
    }
    known_mentions(ctx, &mut out.people, &mut index);
    out
}

/// The acting prefix right before title hit `i`.
fn acting_before(ctx: &Context, i: usize) -> Option<String> {
    let prev = i.checked_sub(1)?;
    let value = ctx.term(prev, "acting")?;
    // "Pj Bupati", and "Penjabat (Pj) Bupati" where the hit before is inside parentheses.
    let gap = &ctx.text[ctx.hits[prev].range.end..ctx.hits[i].range.start];
    gap.chars()
        .all(|c| c == ' ' || c == ')')
        .then(|| value.to_string())
}

/// Reads "[,] [honorifics] Name" from `pos`; `next_hit` is the first hit at or after
/// `pos`. Returns the name range, the honorifics and the index of the next unread hit.
fn name_after(
    ctx: &Context,
    pos: usize,
    mut next_hit: usize,
) -> (Option<Range<usize>>, Vec<String>, usize) {
    let text = ctx.text;
    let line_end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
    let mut p = pos;
    let rest = &text[p..line_end];
    let skipped = rest.len() - rest.trim_start_matches([' ', ',']).len();
    if rest[..skipped].matches(',').count() > 1 {
        return (None, Vec::new(), next_hit);
    }
    p += skipped;
    let mut honorifics = Vec::new();
    let mut name: Option<Range<usize>> = None;
    let mut words = 0;
    while p < line_end && words < 5 {
        while next_hit < ctx.hits.len() && ctx.hits[next_hit].range.start < p {
            next_hit += 1;
        }
        if let Some(h) = ctx.hits.get(next_hit).filter(|h| h.range.start == p) {
            let is_honorific =
                ctx.term(next_hit, "honorific").is_some() || ctx.term(next_hit, "rank").is_some();
            if is_honorific && name.is_none() {
                honorifics.push(text[h.range.clone()].trim_end_matches('.').to_string());
                p = skip_spaces(text, h.range.end);
                next_hit += 1;
                continue;
            }
            let stop = ctx.entries(next_hit).iter().any(|e| {
                matches!(e, Entry::Title(_) | Entry::Institution(_) | Entry::Event(_))
                    || matches!(e, Entry::Term(k) if ctx.lex.terms[*k as usize].kind != "honorific")
            });
            if stop {
                break;
            }
        }
        let Some(len) = name_word(&text[p..line_end]) else {
            break;
        };
        name = Some(name.map_or(p..p + len, |r| r.start..p + len));
        words += 1;
        p = skip_spaces(text, p + len);
    }
    (name, honorifics, next_hit)
}

fn skip_spaces(text: &str, p: usize) -> usize {
    p + (text[p..].len() - text[p..].trim_start_matches(' ').len())
}

/// The byte length of a capitalized name word at the start of `s` ("Mas'ud", "Al-Hadi").
fn name_word(s: &str) -> Option<usize> {
    let first = s.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let len = s
        .char_indices()
        .find(|(_, c)| !(c.is_alphabetic() || *c == '\'' || *c == '-'))
        .map_or(s.len(), |(i, _)| i);
    let word = &s[..len];
    (len > 0 && !word.ends_with('-') && !STOP.contains(&word.to_lowercase().as_str()))
        .then_some(len)
}

/// Capitalized words that end a name: weekdays and sentence adverbs.
const STOP: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "saat", "ketika", "yang",
    "dan", "di", "ini", "itu", "pada", "dalam",
];

fn add_person(
    ctx: &Context,
    people: &mut Vec<FoundPerson>,
    index: &mut HashMap<String, usize>,
    range: Range<usize>,
    honorifics: Vec<String>,
    role: FoundRole,
) {
    let name = ctx.text[range.clone()].to_string();
    let key = ctx.folded[range.clone()].to_string();
    let official = official_named(ctx, &range);
    let slot = *index.entry(key).or_insert_with(|| {
        people.push(FoundPerson {
            name,
            honorifics: Vec::new(),
            official,
            roles: Vec::new(),
            mentions: Vec::new(),
        });
        people.len() - 1
    });
    let person = &mut people[slot];
    if person.honorifics.is_empty() {
        person.honorifics = honorifics;
    }
    push_range(&mut person.mentions, range);
    let same_title = person
        .roles
        .iter()
        .position(|r| r.title == role.title && r.acting == role.acting);
    match same_title {
        Some(k) if person.roles[k].jurisdiction.is_none() => person.roles[k] = role,
        Some(_) if role.jurisdiction.is_none() => {}
        _ if !person.roles.contains(&role) => person.roles.push(role),
        _ => {}
    }
}

/// The official whose full name the gazetteer matched exactly over `range`.
fn official_named(ctx: &Context, range: &Range<usize>) -> Option<u32> {
    let i = ctx.hits.partition_point(|h| h.range.start < range.start);
    let hit = ctx.hits.get(i).filter(|h| h.range == *range)?;
    ctx.gazetteer.entries(hit).iter().find_map(|e| match e {
        Entry::Official(o) => Some(*o),
        _ => None,
    })
}

/// Mentions of people already found, by lexicon full or short name.
fn known_mentions(ctx: &Context, people: &mut [FoundPerson], _index: &mut HashMap<String, usize>) {
    for (i, h) in ctx.hits.iter().enumerate() {
        for e in ctx.entries(i) {
            let (Entry::Official(o) | Entry::OfficialShort(o)) = e else {
                continue;
            };
            if let Some(p) = people.iter_mut().find(|p| p.official == Some(*o)) {
                push_range(&mut p.mentions, h.range.clone());
            }
        }
    }
    for p in people.iter_mut() {
        p.mentions.sort_by_key(|r| r.start);
    }
}

/// Adds a mention for every word-bounded, capitalized occurrence of a person's full name
/// or of one of its words ("Isran" for Isran Noor) when that word names no one else.
pub fn name_mentions(ctx: &Context, people: &mut [FoundPerson]) {
    use crate::segment::{is_word_end, is_word_start};
    let words: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            p.name
                .split(' ')
                .filter(|w| w.chars().count() >= 3)
                .map(crate::normalize::fold)
                .collect()
        })
        .collect();
    for (k, p) in people.iter_mut().enumerate() {
        let mut forms: Vec<String> = vec![crate::normalize::fold(&p.name)];
        for w in &words[k] {
            let shared = words
                .iter()
                .enumerate()
                .any(|(j, ws)| j != k && ws.contains(w));
            if !shared && !forms.contains(w) {
                forms.push(w.clone());
            }
        }
        for form in &forms {
            for (at, _) in ctx.folded.match_indices(form.as_str()) {
                let r = at..at + form.len();
                let capital = ctx.text[r.clone()].starts_with(|c: char| c.is_uppercase());
                let inside = p
                    .mentions
                    .iter()
                    .any(|m| m.start <= r.start && r.end <= m.end);
                if capital
                    && !inside
                    && is_word_start(ctx.folded, r.start)
                    && is_word_end(ctx.folded, r.end)
                {
                    p.mentions.push(r);
                }
            }
        }
        p.mentions.sort_by_key(|r| r.start);
    }
}

/// The speaker of each quote (index into `people`) and its cue text.
///
/// A cue with a name ("kata Isran") names the speaker; a "-nya" cue ("ujarnya") or a
/// lead-in clause without a name goes to the current speaker: the person named last since
/// the previous quote's attribution sentence, else whoever spoke last, else the person
/// named last before the quote.
pub fn attribute(
    ctx: &Context,
    people: &[FoundPerson],
    quotes: &[crate::quotes::QuoteHit],
) -> Vec<(Option<usize>, Option<String>)> {
    let last_before = |pos: usize| nearest(people, |m| m.end <= pos, |m| m.end, true);
    let within = |r: &Range<usize>| {
        nearest(
            people,
            |m| r.start <= m.start && m.end <= r.end,
            |m| m.start,
            false,
        )
    };
    let mut last_speaker: Option<usize> = None;
    // Mentions after this point name a new subject; those in the attribution sentence of
    // the previous quote ("ujarnya saat membacakan sambutan Bupati X") do not.
    let mut since = 0;
    let mut out = Vec::with_capacity(quotes.len());
    for q in quotes {
        let subject = last_before(q.inner.start).filter(|&k| {
            people[k]
                .mentions
                .iter()
                .any(|m| m.start >= since && m.end <= q.inner.start)
        });
        let current = subject
            .or(last_speaker)
            .or_else(|| last_before(q.inner.start));
        let cue = q.cue_after.as_ref().filter(|c| is_cue(ctx, c));
        let (speaker, cue) = match cue {
            Some(c) => (within(c).or(current), Some(ctx.text[c.clone()].to_string())),
            None => (q.lead_in.as_ref().and_then(within).or(current), None),
        };
        last_speaker = speaker.or(last_speaker);
        since = sentence_end(
            ctx.text,
            q.cue_after.as_ref().map_or(q.inner.end, |c| c.end),
        );
        out.push((speaker, cue));
    }
    out
}

/// The person with the latest (`latest`) or earliest mention among those that pass `keep`,
/// ordered by `key`.
fn nearest(
    people: &[FoundPerson],
    keep: impl Fn(&Range<usize>) -> bool,
    key: impl Fn(&Range<usize>) -> usize,
    latest: bool,
) -> Option<usize> {
    let mentions = people
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.mentions.iter().filter(|m| keep(m)).map(move |m| (m, k)));
    let best = if latest {
        mentions.max_by_key(|(m, _)| key(m))
    } else {
        mentions.min_by_key(|(m, _)| key(m))
    };
    best.map(|(_, k)| k)
}

/// The end of the sentence that contains `pos` (a period before a space or line end).
fn sentence_end(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let n = rest
        .find(". ")
        .map(|i| i + 1)
        .into_iter()
        .chain(rest.find('\n'))
        .min()
        .unwrap_or(rest.len());
    pos + n
}

/// Whether the first word of `r` is a quote cue verb from the lexicon.
fn is_cue(ctx: &Context, r: &Range<usize>) -> bool {
    let first = ctx.hits.partition_point(|h| h.range.start < r.start);
    let by_lexicon = ctx
        .hits
        .get(first)
        .is_some_and(|h| h.range.start == r.start)
        && ctx.term(first, "cue").is_some();
    let nya = ctx.folded[r.clone()]
        .split(' ')
        .take(2)
        .any(|w| w.ends_with("nya") && w.len() > 5);
    by_lexicon || nya
}
