//! The gazetteer: ONE Aho-Corasick automaton over every alias of every lexicon.
//!
//! Aliases are folded with [`normalize::fold`] so that they meet the article's
//! [`Normalized::folded`](crate::normalize::Normalized::folded) text in the same
//! form. Identical aliases of different entries share one pattern; a pattern id
//! indexes the list of [`Entry`] candidates it may mean ("Bekasi": a regency and a
//! city). Deciding between candidates is the job of the `entities` stage.
//!
//! A match counts only on word boundaries (the chars around it are not alphanumeric).
//! The scan tries each word start in turn and walks the automaton anchored there,
//! once: the longest alias that ends on a word boundary wins, so "Tenggarong Seberang"
//! beats "Tenggarong", and when the longest alias at a position fails the right
//! boundary ("Kota Bangunan") a shorter one on the same walk is taken ("Kota"). After
//! a hit the scan resumes at its end, else at the next word start, so no valid match
//! is hidden.
//!
//! Most words begin no alias. An alias that matches at a word start and ends on a word
//! boundary covers the whole first word there (its run of letters and digits), so a
//! filter of the aliases' first words (a bitset of hashes: false positives only cost a
//! walk) skips those words without touching the automaton. The filter has about 16 bits
//! per distinct first word, so that it stays small enough for the fastest cache while
//! letting few words through by accident (about 6,000 first words: 16 KiB, 1 word in
//! 20 at most). A word that passes is looked up, bytes and all, in a table of the
//! trie states after each first word: a walk starts there instead of stepping through
//! the first word's bytes, and a word not in the table walks nothing.
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

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::bytes::{ascii_alnum, chunk, HIGH};
use crate::error::Error;
use crate::lexicon::{Lexicons, TitleClass};
use crate::normalize;
use crate::segment::{is_word_end, is_word_start};

/// What an alias may mean: an index into one of the [`Lexicons`] tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// `lexicons.places[i]`.
    Place(u32),
    /// `lexicons.institutions[i]`.
    Institution(u32),
    /// `lexicons.institutions[i]` by an ambiguous short form ("MA", "BI"): it counts only
    /// when written exactly so and confirmed by the article.
    Guarded(u32),
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
    /// `lexicons.groups[i]`.
    Group(u32),
}

/// The case a pattern must be written in to count at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    /// Any case (some candidate is an ordinary alias).
    Any,
    /// No lowercase letter: every candidate is an acronym in capitals.
    Capitals,
    /// One of the exact spellings: every candidate is a guarded short form.
    Exact,
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
    /// A trie of every folded alias, walked anchored at word starts (a contiguous NFA:
    /// compact, and with anchored walks its failure links are never followed).
    automaton: NFA,
    /// Hashes of the aliases' first words ([`first_word`]), one bit each.
    first_words: Box<[u64]>,
    /// A hash's filter bit is its top bits: `hash >> filter_shift`.
    filter_shift: u32,
    /// Whether some alias begins with a char that is not a letter or digit: only then
    /// may a walk start at a separator.
    separator_starts: bool,
    /// The trie state after each distinct first word, so that a walk starts after the
    /// first word instead of stepping through its bytes (the trie's widest, least
    /// cache-friendly levels). A word not in the table begins no alias.
    after_first: FirstWords,
    /// `entries[starts[p]..starts[p + 1]]` are the candidates of pattern `p`.
    entries: Vec<Entry>,
    /// Parallel to `entries`: the candidate is written only in capitals.
    capitals: Vec<bool>,
    /// Per pattern: the case every candidate of the pattern asks for.
    case: Vec<Case>,
    /// The exact spellings of the patterns whose case is [`Case::Exact`].
    exact: FxHashMap<u32, Vec<String>>,
    starts: Vec<u32>,
    /// The folded aliases, concatenated in pattern order; pattern `p` is
    /// `aliases[alias_ends[p - 1]..alias_ends[p]]`.
    aliases: String,
    alias_ends: Vec<u32>,
}

impl Gazetteer {
    /// Builds the automaton over every alias of `lex`.
    pub fn new(lex: &Lexicons) -> Result<Gazetteer, Error> {
        let mut by_alias: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        // (folded alias, institution) pairs written with a lowercase letter somewhere: an
        // institution known only by acronyms in capitals ("PASI") needs capitals.
        let mut mixed: FxHashSet<(String, Entry)> = FxHashSet::default();
        let mut add = |alias: &str, entry: Entry| {
            let key = normalize::fold(alias.trim());
            if key.chars().any(char::is_alphanumeric) {
                let institution = matches!(entry, Entry::Institution(_));
                if institution && alias.chars().any(char::is_lowercase) {
                    mixed.insert((key.clone(), entry));
                }
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
            e.exact.iter().for_each(|a| add(a, Entry::Guarded(i)));
        }
        // Descriptions ("warga", "korban") are looked up around names, not matched.
        let offices = (0u32..)
            .zip(&lex.titles)
            .filter(|(_, e)| e.class == TitleClass::Office);
        for (i, e) in offices {
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
        for (i, e) in (0u32..).zip(&lex.groups) {
            e.aliases.iter().for_each(|a| add(a, Entry::Group(i)));
        }
        for (i, e) in (0u32..).zip(&lex.terms) {
            if !crate::lexicon::LOOKUP_KINDS.contains(&e.kind.as_str()) {
                e.aliases.iter().for_each(|a| add(a, Entry::Term(i)));
            }
        }
        let mut gaz = Self::from_aliases(by_alias, &mixed)?;
        gaz.set_cases(lex);
        Ok(gaz)
    }

    /// Per pattern, the case its candidates ask for ([`Case`]).
    fn set_cases(&mut self, lex: &Lexicons) {
        let mut case = Vec::with_capacity(self.patterns());
        let mut exact = FxHashMap::default();
        let aliases: Vec<String> = self.aliases().map(str::to_string).collect();
        for (p, alias) in aliases.iter().enumerate() {
            let range = self.starts[p] as usize..self.starts[p + 1] as usize;
            let entries = &self.entries[range.clone()];
            let guarded = entries.iter().all(|e| matches!(e, Entry::Guarded(_)));
            let capitals = self.capitals[range].iter().all(|&c| c);
            case.push(if guarded {
                let forms: Vec<String> = entries
                    .iter()
                    .filter_map(|e| match e {
                        Entry::Guarded(k) => Some(&lex.institutions[*k as usize].exact),
                        _ => None,
                    })
                    .flatten()
                    .filter(|f| normalize::fold(f.trim()) == *alias)
                    .cloned()
                    .collect();
                exact.insert(p as u32, forms);
                Case::Exact
            } else if capitals {
                Case::Capitals
            } else {
                Case::Any
            });
        }
        self.case = case;
        self.exact = exact;
    }

    fn from_aliases(
        by_alias: FxHashMap<String, Vec<Entry>>,
        mixed: &FxHashSet<(String, Entry)>,
    ) -> Result<Gazetteer, Error> {
        let mut pairs: Vec<(String, Vec<Entry>)> = by_alias.into_iter().collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut entries = Vec::new();
        let mut capitals = Vec::new();
        let mut starts = vec![0u32];
        let mut aliases = String::new();
        let mut alias_ends = Vec::with_capacity(pairs.len());
        let mut hashes = Vec::with_capacity(pairs.len());
        let mut separator_starts = false;
        for (alias, list) in &pairs {
            entries.extend_from_slice(list);
            capitals.extend(list.iter().map(|e| {
                matches!(e, Entry::Institution(_)) && !mixed.contains(&(alias.clone(), *e))
            }));
            starts.push(entries.len() as u32);
            aliases.push_str(alias);
            alias_ends.push(aliases.len() as u32);
            let (first_end, hash) = first_word(alias, 0);
            separator_starts |= first_end == 0;
            hashes.push(hash);
        }
        hashes.sort_unstable();
        hashes.dedup();
        let bits = (hashes.len() * 16)
            .next_power_of_two()
            .clamp(MIN_FILTER_BITS, MAX_FILTER_BITS);
        let filter_shift = 64 - bits.trailing_zeros();
        let mut first_words = vec![0u64; bits / 64].into_boxed_slice();
        for hash in hashes {
            let bit = (hash >> filter_shift) as usize;
            first_words[bit / 64] |= 1 << (bit % 64);
        }
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(pairs.iter().map(|(a, _)| a.as_bytes()))
            .map_err(|e| Error::Automaton(e.to_string()))?;
        let start = automaton
            .start_state(Anchored::Yes)
            .map_err(|e| Error::Automaton(e.to_string()))?;
        let mut after_first = FirstWords::with_capacity(pairs.len());
        for (alias, _) in &pairs {
            let (first_end, hash) = first_word(alias, 0);
            let word = &alias.as_bytes()[..first_end];
            if after_first.get(hash, word).is_none() {
                let state = word
                    .iter()
                    .fold(start, |sid, &b| automaton.next_state(Anchored::Yes, sid, b));
                after_first.insert(hash, word, state);
            }
        }
        Ok(Gazetteer {
            automaton,
            first_words,
            filter_shift,
            separator_starts,
            after_first,
            entries,
            capitals,
            case: Vec::new(),
            exact: FxHashMap::default(),
            starts,
            aliases,
            alias_ends,
        })
    }

    /// For each candidate of a hit (in the order of [`Gazetteer::entries`]), whether the
    /// lexicon writes it only in capitals (an acronym such as "PASI"): the text must then
    /// hold no lowercase letter ("Pasi" is another word).
    pub fn capitals_only(&self, hit: &Hit) -> &[bool] {
        let p = hit.pattern as usize;
        &self.capitals[self.starts[p] as usize..self.starts[p + 1] as usize]
    }

    /// The number of distinct patterns (folded aliases).
    pub fn patterns(&self) -> usize {
        self.starts.len() - 1
    }

    /// The folded aliases the automaton was built from, in pattern-id order (sorted,
    /// distinct): what `scan` looks for, as [`normalize::fold`] writes them.
    pub fn aliases(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.alias_ends.iter().copied());
        starts
            .zip(&self.alias_ends)
            .filter_map(|(a, &b)| self.aliases.get(a as usize..b as usize))
    }

    /// The candidates of a hit.
    pub fn entries(&self, hit: &Hit) -> &[Entry] {
        let p = hit.pattern as usize;
        &self.entries[self.starts[p] as usize..self.starts[p + 1] as usize]
    }

    /// Every match on word boundaries, leftmost-longest, in text order, not overlapping.
    pub fn scan(&self, folded: &str) -> Vec<Hit> {
        self.scan_cased(folded, None)
    }

    /// Like [`Gazetteer::scan`], and with `text` (the same text in its original case,
    /// same offsets) a match of an alias that counts only in capitals or exactly as
    /// written ("PASI", "ANTARA") is no hit when the text writes it otherwise ("antara"):
    /// it then costs the later stages nothing.
    pub fn scan_cased(&self, folded: &str, text: Option<&str>) -> Vec<Hit> {
        let mut hits = Vec::new();
        let bytes = folded.as_bytes();
        let mut at = 0;
        // Whether no letter or digit precedes `at`.
        let mut word_start = true;
        while let Some(&b) = bytes.get(at) {
            // Most separators are one ASCII byte (a space, a comma).
            if b < 0x80 && !ASCII_ALNUM[usize::from(b)] && !self.separator_starts {
                at += 1;
                word_start = true;
                continue;
            }
            // `at` is a char boundary; no word starts strictly inside the run of
            // letters and digits that begins here.
            let (word_end, hash) = first_word(folded, at);
            if word_start && self.may_begin_alias(hash) {
                let walked = self
                    .after_first
                    .get(hash, &bytes[at..word_end])
                    .and_then(|sid| self.longest_from(folded, at, word_end, sid));
                if let Some((end, pattern)) = walked {
                    let written = text.and_then(|t| t.get(at..end));
                    if written.is_none_or(|w| self.case_fits(pattern, w)) {
                        hits.push(Hit {
                            range: at..end,
                            pattern,
                        });
                        at = end;
                        word_start = is_word_start(folded, at);
                        continue;
                    }
                }
            }
            if word_end > at {
                at = word_end;
                word_start = false;
            } else {
                at = next_char(folded, at);
                word_start = true;
            }
        }
        hits
    }

    /// Whether `written` fits the case that pattern `p`'s candidates ask for: any case,
    /// unless every candidate is an acronym in capitals or a form exactly as written.
    fn case_fits(&self, p: u32, written: &str) -> bool {
        match self.case.get(p as usize) {
            Some(Case::Capitals) => !written.chars().any(char::is_lowercase),
            Some(Case::Exact) => self
                .exact
                .get(&p)
                .is_some_and(|forms| forms.iter().any(|f| f == written)),
            _ => true,
        }
    }

    /// Whether some alias's first word may have this hash.
    fn may_begin_alias(&self, hash: u64) -> bool {
        let bit = (hash >> self.filter_shift) as usize;
        self.first_words[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The longest pattern starting at `start` whose end is a word boundary: one
    /// anchored walk of the trie, until no pattern continues, from state `sid` that
    /// the walk reaches at `from` (the end of the first word: no pattern ending inside
    /// it ends on a word boundary).
    fn longest_from(
        &self,
        hay: &str,
        start: usize,
        from: usize,
        mut sid: StateID,
    ) -> Option<(usize, u32)> {
        let nfa = &self.automaton;
        let mut best = None;
        let mut check = |sid: StateID, end: usize| {
            if nfa.is_match(sid) && is_word_end(hay, end) {
                let pattern = nfa.match_pattern(sid, 0);
                if nfa.pattern_len(pattern) == end - start {
                    best = Some((end, pattern.as_u32()));
                }
            }
        };
        if nfa.is_special(sid) && !nfa.is_dead(sid) {
            check(sid, from);
        }
        for (end, &b) in (from + 1..).zip(&hay.as_bytes()[from..]) {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    break;
                }
                check(sid, end);
            }
        }
        best
    }
}

/// The trie state after each distinct first word, in an open-addressed table: a slot is
/// eight bytes (the hash's low half as a tag, and the index of the word plus one), so
/// that probing touches few cache lines; the word itself is compared only on a tag match.
#[derive(Clone, Debug)]
struct FirstWords {
    /// `tag << 32 | (index + 1)`, or 0 for an empty slot.
    slots: Box<[u64]>,
    /// A hash's first slot is its top bits: `hash >> shift`.
    shift: u32,
    /// Per word: where it starts in `words`, its length, the trie state after it.
    entries: Vec<(u32, u32, StateID)>,
    /// The words, concatenated.
    words: Vec<u8>,
}

impl FirstWords {
    /// A table for up to `n` words, at most half full.
    fn with_capacity(n: usize) -> FirstWords {
        let size = (2 * n).next_power_of_two().max(2);
        FirstWords {
            slots: vec![0; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            entries: Vec::new(),
            words: Vec::new(),
        }
    }

    /// The slots to probe for `hash`, in order: every slot once.
    fn probe(&self, hash: u64) -> impl Iterator<Item = usize> {
        let (first, mask) = ((hash >> self.shift) as usize, self.slots.len() - 1);
        (0..self.slots.len()).map(move |i| (first + i) & mask)
    }

    fn get(&self, hash: u64, word: &[u8]) -> Option<StateID> {
        let tag = hash & 0xffff_ffff;
        for i in self.probe(hash) {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if slot >> 32 == tag {
                let (start, len, sid) = self.entries[(slot & 0xffff_ffff) as usize - 1];
                if self.words.get(start as usize..(start + len) as usize) == Some(word) {
                    return Some(sid);
                }
            }
        }
        None
    }

    /// Adds `word` (not yet in the table).
    fn insert(&mut self, hash: u64, word: &[u8], sid: StateID) {
        let start = self.words.len() as u32;
        self.words.extend_from_slice(word);
        self.entries.push((start, word.len() as u32, sid));
        let slot = (hash & 0xffff_ffff) << 32 | self.entries.len() as u64;
        if let Some(i) = self.probe(hash).find(|&i| self.slots[i] == 0) {
            self.slots[i] = slot;
        }
    }
}

/// The fewest bits in the first-word filter (512 bytes).
const MIN_FILTER_BITS: usize = 1 << 12;

/// The most bits in the first-word filter (64 KiB).
const MAX_FILTER_BITS: usize = 1 << 19;

/// ASCII letters and digits.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the run of letters and digits starting at byte `at` of `s` (`at` itself
/// when none starts there), and a hash of that run ([`word_hash`]).
#[inline(always)]
fn first_word(s: &str, at: usize) -> (usize, u64) {
    let bytes = s.as_bytes();
    let mut end = at;
    loop {
        // ASCII letters and digits, eight bytes at a time (past the end, `chunk` pads
        // with zero bytes, which stop the word).
        loop {
            let stops = !ascii_alnum(chunk(bytes, end)) & HIGH;
            if stops != 0 {
                end += (stops.trailing_zeros() / 8) as usize;
                break;
            }
            end += 8;
        }
        // A non-ASCII letter or digit continues the word.
        match bytes.get(end) {
            Some(&b) if b >= 0x80 => match s.get(end..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    (end, word_hash(bytes, at, end))
}

/// A hash of the word `bytes[start..end]` from its length and first eight bytes, in
/// constant time: words that share both collide, which only costs the filter a false
/// positive.
#[inline(always)]
fn word_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let len = end - start;
    let head = match bytes.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        // Eight bytes read at once, those past the word masked off.
        Some(eight) if len < 8 => u64::from_le_bytes(*eight) & ((1u64 << (8 * len)) - 1),
        Some(eight) => u64::from_le_bytes(*eight),
        None => bytes[start..end]
            .iter()
            .rev()
            .fold(0u64, |h, &b| (h << 8) | u64::from(b)),
    };
    (head.wrapping_mul(K) ^ len as u64).wrapping_mul(K)
}

/// The index of the char after the one starting at `i`.
fn next_char(s: &str, i: usize) -> usize {
    s.get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or(i + 1, |c| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz(aliases: &[&str]) -> Gazetteer {
        let mut map: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        for (i, a) in (0u32..).zip(aliases) {
            map.entry(normalize::fold(a))
                .or_default()
                .push(Entry::Term(i));
        }
        Gazetteer::from_aliases(map, &FxHashSet::default()).unwrap()
    }

    #[test]
    fn a_word_hashes_the_same_alone_and_inside_a_text() {
        // Alone, short words are folded byte by byte; inside a longer text, eight
        // bytes are read at once and masked: both must agree.
        for (word, text, at) in [
            ("di", "rapat di kantor gubernur", 6),
            ("kaltim", "se-kaltim hari ini", 3),
            ("tenggarong", "di tenggarong seberang", 3),
            ("bumiçu", "kampung bumiçu lama", 8),
        ] {
            let (end, hash) = first_word(text, at);
            assert_eq!(&text[at..end], word);
            assert_eq!(first_word(word, 0), (word.len(), hash), "{word}");
        }
        assert_eq!(first_word("di, kantor", 0).0, 2);
        assert_eq!(first_word(", kantor", 0).0, 0);
    }

    #[test]
    fn a_walk_starts_after_the_first_word_only_for_that_very_word() {
        // Same length and same first eight bytes: the same hash, another word.
        let (_, a) = first_word("kabupaten", 0);
        let (_, b) = first_word("kabupatex", 0);
        assert_eq!(a, b);
        let g = gaz(&["kabupaten bogor", "kota", "kotabaru"]);
        assert_eq!(
            found(
                &g,
                "Kabupatex Bogor, Kabupaten Bogor, Kota Bogor, Kotabaru, Kot."
            ),
            ["kabupaten bogor", "kota", "kotabaru"]
        );
    }

    #[test]
    fn an_alias_may_begin_with_a_separator() {
        let g = gaz(&["#pilkada", "pilkada"]);
        assert_eq!(
            found(&g, "Tagar #Pilkada dan Pilkada."),
            ["#pilkada", "pilkada"]
        );
        let g = gaz(&["pilkada"]);
        assert_eq!(
            found(&g, "Tagar #Pilkada dan Pilkada."),
            ["pilkada", "pilkada"]
        );
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
        let mut map: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        map.insert("bekasi".into(), vec![Entry::Place(0), Entry::Place(1)]);
        let g = Gazetteer::from_aliases(map, &FxHashSet::default()).unwrap();
        let hits = g.scan("kota bekasi");
        assert_eq!(g.entries(&hits[0]), [Entry::Place(0), Entry::Place(1)]);
    }

    #[test]
    fn aliases_are_the_folded_patterns_in_id_order() {
        let g = gaz(&["Kota", "Bekasi", "kota", "Rp"]);
        assert_eq!(g.aliases().collect::<Vec<_>>(), ["bekasi", "kota", "rp"]);
        assert_eq!(g.patterns(), 3);
        let hits = g.scan("rp di kota");
        let pats: Vec<u32> = hits.iter().map(|h| h.pattern).collect();
        assert_eq!(pats, [2, 1]);
    }

    /// The scan as it was first written (an unanchored leftmost-longest search that
    /// restarts after every match inside a word, and anchored retries for a shorter
    /// match on a word boundary): the new scan must find exactly the same hits.
    fn reference_scan(ac: &aho_corasick::AhoCorasick, folded: &str) -> Vec<Hit> {
        use aho_corasick::Input;
        let next_char = |i: usize| {
            folded[i..]
                .chars()
                .next()
                .map_or(folded.len(), |c| i + c.len_utf8())
        };
        let longest = |start: usize, mut end: usize| loop {
            let input = Input::new(folded).range(start..end).anchored(Anchored::Yes);
            let m = ac.find(input)?;
            if is_word_end(folded, m.end()) {
                return Some((m.end(), m.pattern().as_u32()));
            }
            if m.end() <= start + 1 {
                return None;
            }
            end = m.end() - 1;
        };
        let (mut hits, mut at) = (Vec::new(), 0);
        while at < folded.len() {
            let Some(m) = ac.find(Input::new(folded).range(at..)) else {
                break;
            };
            if !is_word_start(folded, m.start()) {
                at = next_char(m.start());
                continue;
            }
            match longest(m.start(), m.end()) {
                Some((end, pattern)) => {
                    hits.push(Hit {
                        range: m.start()..end,
                        pattern,
                    });
                    at = end;
                }
                None => at = next_char(m.start()),
            }
        }
        hits
    }

    /// Article texts: the fixtures, and the first few hundred corpus articles when
    /// `../shared` (or `../../shared`, from a worktree) is there.
    fn sample_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = std::fs::read_dir(root.join("fixtures"))
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        assert!(!texts.is_empty(), "fixtures/*.txt are there");
        let corpus = ["../shared", "../../shared"]
            .map(|s| root.join(s).join("corpus/clickid-2019-09.jsonl"));
        match corpus
            .into_iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
        {
            Some(jsonl) => texts.extend(
                jsonl
                    .lines()
                    .take(300)
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .filter_map(|v| Some(v.get("content")?.as_str()?.to_string())),
            ),
            None => println!("../shared/corpus not found: comparing on the fixtures only"),
        }
        texts
    }

    #[test]
    fn word_start_walks_find_what_the_restarting_search_found() {
        use crate::lexicon::{LexiconFiles, Lexicons};
        let lex = Lexicons::load(&LexiconFiles::embedded()).unwrap();
        let g = Gazetteer::new(&lex).unwrap();
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Both)
            .build(g.aliases())
            .unwrap();
        let mut texts = sample_texts();
        // Edges: letters glued to aliases, non-ASCII letters, a trailing prefix.
        texts.push("ÉKota kotaé se-Kaltim, Kabupatenku di kab. X".into());
        let mut total = 0;
        for text in &texts {
            let folded = normalize::Normalized::new(text).folded().to_string();
            let new = g.scan(&folded);
            assert_eq!(new, reference_scan(&ac, &folded), "text: {text:.80}");
            total += new.len();
        }
        println!("{total} identical hits in {} texts", texts.len());
        assert!(total > texts.len(), "{total} hits in {} texts", texts.len());
    }
}
