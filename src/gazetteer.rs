//! The gazetteer: ONE Aho-Corasick automaton over every alias of every lexicon.
//!
//! Aliases are folded with [`normalize::fold`] so that they meet the article's
//! [`Normalized::folded`](crate::normalize::Normalized::folded) text in the same
//! form. Identical aliases of different entries share one pattern; a pattern id
//! indexes the list of [`Entry`] candidates it may mean ("Bekasi": a regency and a
//! city). Deciding between candidates is the job of the `entities` stage.
//!
//! A match counts only on word boundaries (the chars around it are not alphanumeric).
//! The automaton is leftmost-longest, so "Tenggarong Seberang" beats "Tenggarong";
//! when the longest match at a position fails the right boundary ("Kota Bangunan"),
//! the next shorter pattern anchored at the same start is tried, and when a match
//! starts inside a word the search resumes one char later, so no valid match is hidden.
//!
//! ```
//! use warta::gazetteer::{Entry, Gazetteer};
//! use warta::lexicon::{LexiconFiles, Lexicons};
//! use warta::normalize::Normalized;
//!
//! let lex = Lexicons::load(&LexiconFiles::embedded())?;
//! let gaz = Gazetteer::new(&lex)?;
//! let text = Normalized::new("Rakor se-Kaltim di Tenggarong Seberang.");
//! let hits = gaz.scan(text.folded());
//! let names: Vec<&str> = hits.iter().map(|h| &text.text()[h.range.clone()]).collect();
//! assert_eq!(names, ["Rakor", "se", "Kaltim", "Tenggarong Seberang"]);
//! assert!(gaz.entries(&hits[2]).iter().any(|e| matches!(e, Entry::Place(_))));
//! # Ok::<(), warta::Error>(())
//! ```

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::normalize;
use crate::segment::{is_word_end, is_word_start};

/// What an alias may mean: an index into one of the [`Lexicons`] tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// `lexicons.places[i]`.
    Place(u32),
    /// `lexicons.institutions[i]`.
    Institution(u32),
    /// `lexicons.titles[i]`.
    Title(u32),
    /// `lexicons.units[i]`.
    Unit(u32),
    /// `lexicons.officials[i]` by full name.
    Official(u32),
    /// `lexicons.officials[i]` by a short name ("Isran").
    OfficialShort(u32),
    /// `lexicons.events[i]` by a trigger.
    Event(u32),
    /// `lexicons.events[i]` by a qualifier.
    EventQualifier(u32),
    /// `lexicons.elections[i]`.
    Election(u32),
    /// `lexicons.terms[i]`.
    Term(u32),
}

/// One match of the automaton, on word boundaries, in normalized offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Normalized byte range.
    pub range: Range<usize>,
    /// Pattern id; see [`Gazetteer::entries`].
    pub pattern: u32,
}

/// The compiled automaton and its entry table.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    automaton: AhoCorasick,
    /// `entries[starts[p]..starts[p + 1]]` are the candidates of pattern `p`.
    entries: Vec<Entry>,
    starts: Vec<u32>,
}

impl Gazetteer {
    /// Builds the automaton over every alias of `lex`.
    pub fn new(lex: &Lexicons) -> Result<Gazetteer, Error> {
        let mut by_alias: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut add = |alias: &str, entry: Entry| {
            let key = normalize::fold(alias.trim());
            if key.chars().any(char::is_alphanumeric) {
                let list = by_alias.entry(key).or_default();
                if !list.contains(&entry) {
                    list.push(entry);
                }
            }
        };
        for (i, p) in (0u32..).zip(&lex.places) {
            add(&p.name, Entry::Place(i));
            p.aliases.iter().for_each(|a| add(a, Entry::Place(i)));
        }
        for (i, e) in (0u32..).zip(&lex.institutions) {
            add(&e.name, Entry::Institution(i));
            e.aliases.iter().for_each(|a| add(a, Entry::Institution(i)));
        }
        for (i, e) in (0u32..).zip(&lex.titles) {
            e.aliases.iter().for_each(|a| add(a, Entry::Title(i)));
        }
        for (i, e) in (0u32..).zip(&lex.units) {
            e.aliases.iter().for_each(|a| add(a, Entry::Unit(i)));
        }
        for (i, e) in (0u32..).zip(&lex.officials) {
            add(&e.name, Entry::Official(i));
            e.short_names
                .iter()
                .for_each(|a| add(a, Entry::OfficialShort(i)));
        }
        for (i, e) in (0u32..).zip(&lex.events) {
            e.triggers.iter().for_each(|a| add(a, Entry::Event(i)));
            e.qualifiers
                .iter()
                .for_each(|a| add(a, Entry::EventQualifier(i)));
        }
        for (i, e) in (0u32..).zip(&lex.elections) {
            e.aliases.iter().for_each(|a| add(a, Entry::Election(i)));
        }
        for (i, e) in (0u32..).zip(&lex.terms) {
            e.aliases.iter().for_each(|a| add(a, Entry::Term(i)));
        }
        Self::from_aliases(by_alias)
    }

    fn from_aliases(by_alias: HashMap<String, Vec<Entry>>) -> Result<Gazetteer, Error> {
        let mut pairs: Vec<(String, Vec<Entry>)> = by_alias.into_iter().collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut entries = Vec::new();
        let mut starts = vec![0u32];
        for (_, list) in &pairs {
            entries.extend_from_slice(list);
            starts.push(entries.len() as u32);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(pairs.iter().map(|(a, _)| a.as_bytes()))
            .map_err(|e| Error::Automaton(e.to_string()))?;
        Ok(Gazetteer {
            automaton,
            entries,
            starts,
        })
    }

    /// The number of distinct patterns (folded aliases).
    pub fn patterns(&self) -> usize {
        self.starts.len() - 1
    }

    /// The candidates of a hit.
    pub fn entries(&self, hit: &Hit) -> &[Entry] {
        let p = hit.pattern as usize;
        &self.entries[self.starts[p] as usize..self.starts[p + 1] as usize]
    }

    /// Every match on word boundaries, leftmost-longest, in text order, not overlapping.
    pub fn scan(&self, folded: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut at = 0;
        while at < folded.len() {
            let input = Input::new(folded).range(at..);
            let Some(m) = self.automaton.find(input) else {
                break;
            };
            if !is_word_start(folded, m.start()) {
                // No match starts before `m` (leftmost), and a valid one starts a word:
                // resume at the next word.
                at = next_word(folded, m.start());
                continue;
            }
            match self.longest_ending_on_boundary(folded, m.start(), m.end()) {
                Some((end, pattern)) => {
                    hits.push(Hit {
                        range: m.start()..end,
                        pattern,
                    });
                    at = end;
                }
                None => at = next_word(folded, m.start()),
            }
        }
        hits
    }

    /// The longest pattern anchored at `start`, ending at or before `end`, whose end is
    /// a word boundary.
    fn longest_ending_on_boundary(
        &self,
        hay: &str,
        start: usize,
        end: usize,
    ) -> Option<(usize, u32)> {
        let mut end = end;
        loop {
            let input = Input::new(hay).range(start..end).anchored(Anchored::Yes);
            let m = self.automaton.find(input)?;
            if is_word_end(hay, m.end()) {
                return Some((m.end(), m.pattern().as_u32()));
            }
            if m.end() <= start + 1 {
                return None;
            }
            end = m.end() - 1;
        }
    }
}

/// The first position at or after `i` that follows a non-alphanumeric char (the earliest
/// place a word can start), or the end.
fn next_word(s: &str, i: usize) -> usize {
    s[i..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(k, c)| i + k + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz(aliases: &[&str]) -> Gazetteer {
        let mut map: HashMap<String, Vec<Entry>> = HashMap::new();
        for (i, a) in (0u32..).zip(aliases) {
            map.entry(normalize::fold(a))
                .or_default()
                .push(Entry::Term(i));
        }
        Gazetteer::from_aliases(map).unwrap()
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        let folded = normalize::fold(text);
        g.scan(&folded)
            .into_iter()
            .map(|h| folded[h.range].to_string())
            .collect()
    }

    #[test]
    fn boundaries_and_overlaps() {
        let g = gaz(&[
            "tenggarong",
            "tenggarong seberang",
            "kota",
            "kota bangun",
            "pj",
            "pjs",
            "kukar",
        ]);
        let cases: &[(&str, &[&str])] = &[
            ("di Tenggarong Seberang", &["tenggarong seberang"]),
            ("Tenggarong, Kukar", &["tenggarong", "kukar"]),
            // longest fails the right boundary: the shorter anchored one is used
            ("Kota Bangunan baru", &["kota"]),
            ("Kota Bangun", &["kota bangun"]),
            // inside a word: not a match, and a later match is still found
            ("Dakota Kukar", &["kukar"]),
            ("Pjs Wali", &["pjs"]),
            ("PJ.", &["pj"]),
            ("se-Kukar/Tenggarong", &["kukar", "tenggarong"]),
            ("Kukarnya", &[]),
            // after a failed match inside a word or at its start, the next word is tried
            ("Tenggarongan Kukar", &["kukar"]),
            ("pjx-Kukar pj.", &["kukar", "pj"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(found(&g, text), *want, "text: {text:?}");
        }
    }

    #[test]
    fn unicode_letters_are_word_chars() {
        let g = gaz(&["kota"]);
        assert_eq!(found(&g, "ékota kota"), ["kota"]);
        assert!(found(&g, "kotaé").is_empty());
    }

    #[test]
    fn shared_aliases_keep_every_candidate() {
        let mut map: HashMap<String, Vec<Entry>> = HashMap::new();
        map.insert("bekasi".into(), vec![Entry::Place(0), Entry::Place(1)]);
        let g = Gazetteer::from_aliases(map).unwrap();
        let hits = g.scan("kota bekasi");
        assert_eq!(g.entries(&hits[0]), [Entry::Place(0), Entry::Place(1)]);
    }
}
