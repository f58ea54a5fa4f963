//! Entities: decisions over gazetteer hits, with the whole document in view.
//!
//! This stage never rescans the raw text with the automaton: it reads the [`Hit`]s of
//! the gazetteer, the few characters between neighbouring hits (a parenthesis, a comma,
//! "se-"), and the capitalized words after a title (for names).
//!
//! * [`places`] — picks one candidate per place hit: level words ("Kota", "Kab."),
//!   parents mentioned in the article, the dateline; districts only count when written
//!   with "Kecamatan"/"Kec." or when their regency or province is in the article.
//! * [`institutions`] — institution mentions with their jurisdiction ("KPU Kukar",
//!   "Forkopimda se-Kaltim") and unit ("Kodim 0908/Bontang").
//! * [`people`] — `title [acting] [jurisdiction] [,] [honorifics] Name [, degrees]`.

mod forms;
pub mod groups;
pub mod institutions;
pub mod names;
pub mod people;
pub mod places;
pub mod proper;

use std::ops::Range;

use crate::gazetteer::{Entry, Gazetteer, Hit};
use crate::lexicon::{Lexicons, TitleClass};

/// Street words: a name right after one is a street's ("Jalan Kuningan Persada", "Jl.
/// Bontang", "Jalan SMA XIV"), not a place's or a body's.
pub(crate) const STREET_WORDS: &[&str] =
    &["jalan", "jl", "jl.", "jln", "jln.", "gang", "gg", "gg."];

/// Everything the entity resolvers read.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// Normalized text, original case.
    pub text: &'a str,
    /// Normalized text, folded (same offsets).
    pub folded: &'a str,
    /// Gazetteer hits in text order.
    pub hits: &'a [Hit],
    /// The automaton's entry table.
    pub gazetteer: &'a Gazetteer,
    /// The lexicons.
    pub lex: &'a Lexicons,
}

impl<'a> Context<'a> {
    /// The candidates of hit `i` (none when there is no hit `i`).
    pub fn entries(&self, i: usize) -> &'a [Entry] {
        self.hits.get(i).map_or(&[], |h| self.gazetteer.entries(h))
    }

    /// The normalized text of hit `i`.
    pub fn hit_text(&self, i: usize) -> &'a str {
        &self.text[self.hits[i].range.clone()]
    }

    /// The first institution candidate of hit `i`.
    pub fn institution(&self, i: usize) -> Option<u32> {
        let hit = self.hits.get(i)?;
        let capitals = self.gazetteer.capitals_only(hit);
        let written_low = || self.text[hit.range.clone()].chars().any(char::is_lowercase);
        self.entries(i)
            .iter()
            .zip(capitals)
            .find_map(|(e, &caps)| match e {
                Entry::Institution(k) if !(caps && written_low()) => Some(*k),
                _ => None,
            })
    }

    /// The first office title candidate of hit `i` (titles of class `role`, the
    /// descriptions of people without an office, are no hits: they are looked up with
    /// [`crate::lexicon::Lexicons::role`]).
    pub fn title(&self, i: usize) -> Option<u32> {
        self.entries(i).iter().find_map(|e| match e {
            Entry::Title(k) if self.lex.titles[*k as usize].class == TitleClass::Office => Some(*k),
            _ => None,
        })
    }

    /// Whether hit `i` may be an honorific or a rank ("Pak", "H.", "AKBP").
    pub fn honorific(&self, i: usize) -> bool {
        self.term(i, "honorific").is_some() || self.term(i, "rank").is_some()
    }

    /// The index of the last hit that ends at or before `pos`.
    pub fn hit_before(&self, pos: usize) -> Option<usize> {
        self.hits
            .partition_point(|h| h.range.end <= pos)
            .checked_sub(1)
    }

    /// The index of the first hit that starts at or after `pos`.
    pub fn hit_from(&self, pos: usize) -> Option<usize> {
        let i = self.hits.partition_point(|h| h.range.start < pos);
        (i < self.hits.len()).then_some(i)
    }

    /// The first unit candidate of hit `i`.
    pub fn unit(&self, i: usize) -> Option<u32> {
        self.entries(i).iter().find_map(|e| match e {
            Entry::Unit(k) => Some(*k),
            _ => None,
        })
    }

    /// The value of the first term of word class `kind` that hit `i` may be.
    pub fn term(&self, i: usize, kind: &str) -> Option<&'a str> {
        self.entries(i).iter().find_map(|e| match e {
            Entry::Term(k) if self.lex.terms[*k as usize].kind == kind => {
                Some(self.lex.terms[*k as usize].value.as_str())
            }
            _ => None,
        })
    }

    /// The text between the end of hit `i` and the start of hit `i + 1`
    /// (`None` when there is no next hit).
    pub fn gap_after(&self, i: usize) -> Option<&'a str> {
        let next = self.hits.get(i + 1)?;
        self.text.get(self.hits[i].range.end..next.range.start)
    }

    /// The text between the end of hit `i - 1` (or the paragraph start) and hit `i`.
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = self.hits[i].range.start;
        let prev_end = i.checked_sub(1).map_or(0, |p| self.hits[p].range.end);
        // Only the text after the previous hit is searched for the paragraph start.
        let para = memchr::memrchr(b'\n', &self.text.as_bytes()[prev_end..start])
            .map_or(prev_end, |p| prev_end + p + 1);
        &self.text[para..start]
    }

    /// The word right before byte `pos` (folded), skipping spaces and one '-'.
    pub fn word_before(&self, pos: usize) -> &'a str {
        let bytes = self.folded.as_bytes();
        let mut end = pos;
        while end > 0 && matches!(bytes[end - 1], b' ' | b'-') {
            end -= 1;
        }
        // Bytes back while they are ASCII letters, digits or dots; a non-ASCII byte
        // sends the search to the char-by-char reading.
        let mut start = end;
        while start > 0 {
            let b = bytes[start - 1];
            if b >= 0x80 {
                let head = &self.folded[..end];
                let start = head
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                return &head[start..];
            }
            if !(b.is_ascii_alphanumeric() || b == b'.') {
                break;
            }
            start -= 1;
        }
        &self.folded[start..end]
    }
}

/// Whether `pos` starts a sentence: nothing but spaces, and before them a line start, a
/// sentence mark, a quote, an opening parenthesis or a dash.
pub(crate) fn sentence_start(text: &str, pos: usize) -> bool {
    let head = text[..pos].trim_end_matches(' ');
    head.is_empty() || head.ends_with(['.', '!', '?', ':', '"', '\'', '(', '-', '\n', ';'])
}

/// The word starting at `pos` of a folded text (letters and digits).
pub(crate) fn proper_word(folded: &str, pos: usize) -> &str {
    let rest = folded.get(pos..).unwrap_or("");
    let len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..len]
}

/// Whether two words are at most one substitution, insertion or deletion apart
/// ("Kapala"/"Kepala", "Hitel"/"Hotel").
pub(crate) fn one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit_apart(&a, &b)
}

/// [`one_edit`] over bytes or chars: what the common prefix and suffix leave is at most
/// one unit on each side.
fn one_edit_apart<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix + 1 >= a.len().max(b.len())
}

/// Adds `range` to `list` unless it is there already.
pub(crate) fn push_range(list: &mut Vec<Range<usize>>, range: Range<usize>) {
    if !list.contains(&range) {
        list.push(range);
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit;

    #[test]
    fn one_edit_apart() {
        assert!(one_edit("hitel", "hotel"));
        assert!(one_edit("hotl", "hotel"));
        assert!(one_edit("gedungg", "gedung"));
        assert!(one_edit("hostel", "hotel"));
        assert!(one_edit("kapala", "kepala"));
        assert!(!one_edit("motel", "hotels"));
        assert!(!one_edit("aula", "hotel"));
        // One edit apart, though a different word: callers exclude it (people::title_at).
        assert!(one_edit("kepada", "kepala"));
    }
}
