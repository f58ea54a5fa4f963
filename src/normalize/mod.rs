//! Normalized text with an offset map back to the caller's original bytes.
//!
//! Scraped Indonesian news arrives with curly quotes, mangled encodings, stray markup,
//! zero-width characters and page chrome. [`Normalized::new`] makes one cleaned copy for
//! matching, in one pass, and remembers where every normalized byte came from, so that
//! everything later found in the clean copy can be reported as a [`Span`] of the original.
//!
//! ```
//! use warta::normalize::Normalized;
//!
//! let input = "Wali Kota\u{a0}Samarinda  menyebut â€œsiapâ€\u{9d} —\u{200b} kata dia.";
//! let n = Normalized::new(input);
//! assert_eq!(n.text(), "Wali Kota Samarinda menyebut \"siap\" - kata dia.");
//! assert_eq!(n.folded(), "wali kota samarinda menyebut \"siap\" - kata dia.");
//! let at = n.text().find("\"siap\"").unwrap();
//! let span = n.span(input, at..at + 6);
//! assert_eq!(span.text, "â€œsiapâ€\u{9d}");
//! ```
//!
//! # What changes
//!
//! 1. **Markup.** When the input looks like HTML (it has tags such as `<p>`, `<div`,
//!    `<br`), tags are removed: block tags (`p div br li h1`–`h6 tr` …) become line
//!    breaks, `td`/`th` a space, inline tags nothing; `<script>`, `<style>` and
//!    `<noscript>` are dropped with their content. When the markup has block structure
//!    (`<p`, `<div` …), source line breaks are spaces, as in a browser. Character
//!    references (`&amp;`, `&#8220;`, `&#x2019;`, `&eacute;` …, with the `;`) are decoded
//!    in any input.
//! 2. **Mojibake.** UTF-8 that was decoded as Windows-1252 (`â€œ`, `â€™`, `Ã©`, `Â `) is
//!    decoded back, by the general rule (see `chars::repair_mojibake`), as are lone C1
//!    controls that stand for Windows-1252 punctuation.
//! 3. **Unification.** Double quotes `“ ” „ ‟ « » ″` become `"`; single quotes and
//!    apostrophes `‘ ’ ‚ ‛ ′ ‹ › ´` become `'`; dashes `– — ‒ ― − ‐` become `-`; `…`
//!    becomes `...`; every Unicode space becomes a space; zero-width chars, bidi marks and
//!    soft hyphens are removed; other control chars become spaces.
//! 4. **Whitespace.** A run of horizontal whitespace becomes one space; a run that holds
//!    a line break becomes one `\n`, so each line is a paragraph. Leading and trailing
//!    whitespace is dropped.
//! 5. **Boilerplate** (page chrome: "Baca juga", share widgets, polls, `{{templates}}`…)
//!    is blanked to spaces in both copies, keeping offsets; see `boilerplate`.
//!
//! [`Normalized::folded`] is the same text lowercased char by char, keeping byte length
//! and char boundaries, so one offset serves both copies. [`fold`] folds a lexicon alias
//! the same way.

mod boilerplate;
mod chars;
mod html;
mod map;

use std::ops::Range;

use crate::record::Span;
use chars::{Class, Repair};
use html::{Mode, Tag};
use map::OffsetMap;

/// A cleaned copy of an article for matching, with a map back to the original.
///
/// * `text()` — cleaned text in its original case.
/// * `folded()` — the same text lowercased; same byte length and char boundaries as
///   `text()`, so one offset serves both.
/// * Boilerplate is blanked to spaces (newlines kept) in both copies.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    folded: String,
    boilerplate: Vec<Range<usize>>,
    blank_lines: Vec<usize>,
    map: OffsetMap,
}

impl Normalized {
    /// Normalizes `input`.
    pub fn new(input: &str) -> Normalized {
        let Cleaned {
            mut text,
            mut folded,
            mut map,
            para_breaks,
        } = Cleaner::clean(input);
        let mut boilerplate = boilerplate::find(&text, &folded, &para_breaks);
        boilerplate.shrink_to_fit();
        if !boilerplate.is_empty() {
            map.isolate(&wide_chars(&text, &boilerplate));
            text = blank(text, &boilerplate);
            folded = blank(folded, &boilerplate);
        }
        Normalized {
            text,
            folded,
            boilerplate,
            blank_lines: para_breaks,
            map,
        }
    }

    /// The cleaned text, original case.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cleaned text, lowercased (same offsets as [`Normalized::text`]).
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Blanked boilerplate ranges, in normalized offsets, sorted and disjoint.
    pub fn boilerplate(&self) -> &[Range<usize>] {
        &self.boilerplate
    }

    /// Offsets of the newlines of [`Normalized::text`] that stood for one or more blank
    /// lines in the original (or for a paragraph break in markup), sorted.
    pub fn blank_lines(&self) -> &[usize] {
        &self.blank_lines
    }

    /// True when normalized byte `pos` lies in blanked boilerplate.
    pub fn is_boilerplate(&self, pos: usize) -> bool {
        let i = self.boilerplate.partition_point(|r| r.end <= pos);
        self.boilerplate.get(i).is_some_and(|r| r.start <= pos)
    }

    /// Maps a normalized range to the original input's range (char boundaries).
    ///
    /// The start maps to the start of the original unit that produced the first
    /// normalized char, the end to the end of the unit that produced the last one. Bounds
    /// are clamped to the text and widened to char boundaries; an empty range maps to an
    /// empty range. The map is monotone in both bounds.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let mut start = range.start.min(len);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = range.end.clamp(start, len);
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let orig_start = self.map.start(start);
        if end == start {
            return orig_start..orig_start;
        }
        orig_start..self.map.end(end).max(orig_start)
    }

    /// The original-text [`Span`] of a normalized range.
    ///
    /// `input` must be the string this value was built from; with another string the
    /// span text is empty when the range does not fit it.
    pub fn span(&self, input: &str, range: Range<usize>) -> Span {
        let r = self.original_range(range);
        let text = input.get(r.clone()).unwrap_or_default().to_string();
        Span {
            start: r.start,
            end: r.end,
            text,
        }
    }
}

/// Folds a short string (a lexicon alias) exactly as [`Normalized::folded`] folds text,
/// so that aliases and texts meet in the same form.
///
/// ```
/// assert_eq!(warta::normalize::fold("  Jum’at\u{a0}KLIWON "), "jum'at kliwon");
/// ```
pub fn fold(s: &str) -> String {
    // The common case, plain ASCII words with single spaces, is only lowercased.
    if !s.contains('<') && plain_len(s.as_bytes(), false) == s.len() {
        return s.to_ascii_lowercase();
    }
    Cleaner::clean(s).folded
}

/// Appends `s` to a folded text: lowercased char by char, keeping every char whose
/// lowercase would change the byte length or expand to several chars.
fn push_folded(folded: &mut String, s: &str) {
    let start = folded.len();
    folded.push_str(s);
    folded[start..].make_ascii_lowercase();
    if s.is_ascii() {
        return;
    }
    for (i, c) in s.char_indices().filter(|(_, c)| !c.is_ascii()) {
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            if l != c && l.len_utf8() == c.len_utf8() {
                let at = start + i;
                let mut buf = [0u8; 4];
                folded.replace_range(at..at + l.len_utf8(), l.encode_utf8(&mut buf));
            }
        }
    }
}

/// Replaces every byte of `ranges` (sorted, on char boundaries, without newlines) by a
/// space.
fn blank(text: String, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.into_bytes();
    for r in ranges {
        if let Some(b) = bytes.get_mut(r.clone()) {
            b.iter_mut()
                .filter(|b| **b != b'\n')
                .for_each(|b| *b = b' ');
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
}

/// The multi-byte chars inside `ranges`, which blanking turns into several spaces.
fn wide_chars(text: &str, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for r in ranges {
        let Some(s) = text.get(r.clone()) else {
            continue;
        };
        if s.is_ascii() {
            continue;
        }
        for (i, c) in s.char_indices().filter(|(_, c)| !c.is_ascii()) {
            out.push(r.start + i..r.start + i + c.len_utf8());
        }
    }
    out
}

/// Bytes copied unchanged in plain text: printable ASCII and the space, but `&`.
static RUN_TEXT: [bool; 256] = run_table(b'&', b'&');
/// Bytes copied unchanged in markup: printable ASCII and the space, but `&` and `<`.
static RUN_MARKUP: [bool; 256] = run_table(b'&', b'<');

/// A table of the printable ASCII bytes and the space, but `a` and `b`.
const fn run_table(a: u8, b: u8) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0x20;
    while i <= 0x7E {
        t[i] = i != a as usize && i != b as usize;
        i += 1;
    }
    t
}

/// Length of the run at the start of `bytes` that the cleaner copies unchanged:
/// printable ASCII but `&` (and `<` in `markup`), with single spaces between them.
///
/// A space is copied only between two copied bytes, so that the gap logic sees every
/// other run of whitespace: the run stops before a double space and drops a final space.
/// Most text is such bytes, so they are checked eight at a time (see [`swar`]), and the
/// word where the run ends byte by byte.
fn plain_len(bytes: &[u8], markup: bool) -> usize {
    if bytes.first() == Some(&b' ') {
        return 0;
    }
    let mut i = 0;
    // The eight bytes at `i`, and the eight at `i + 1` to pair each byte with the next.
    while let Some((x, next)) = swar::load_pair(bytes, i) {
        let spaces = x ^ swar::splat(b' ');
        let mut stop = swar::less(x, 0x20)
            | swar::more(x, 0x7E)
            | swar::zero(x ^ swar::splat(b'&'))
            // Byte k of the `|` is zero when bytes k and k + 1 are both spaces.
            | swar::zero(spaces | (next ^ swar::splat(b' ')));
        if markup {
            stop |= swar::zero(x ^ swar::splat(b'<'));
        }
        if swar::any(stop) {
            break;
        }
        i += 8;
    }
    let table = if markup { &RUN_MARKUP } else { &RUN_TEXT };
    let mut prev_space = i > 0 && bytes[i - 1] == b' ';
    for &b in &bytes[i..] {
        let space = b == b' ';
        if !table[usize::from(b)] || (space && prev_space) {
            break;
        }
        prev_space = space;
        i += 1;
    }
    if i > 0 && bytes[i - 1] == b' ' {
        i - 1
    } else {
        i
    }
}

/// Tests of eight bytes at once in a `u64` ("SIMD within a register").
///
/// `zero`, `less` and `more` leave the high bit of some byte set exactly when some
/// byte passes the test (which byte is not exact); results may be or-ed before `any`.
mod swar {
    /// `b` in every byte.
    pub(super) const fn splat(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }

    /// The eight bytes at `i` and the eight at `i + 1`, if there are nine.
    pub(super) fn load_pair(bytes: &[u8], i: usize) -> Option<(u64, u64)> {
        let nine = bytes.get(i..i.checked_add(9)?)?;
        let word = |at: usize| {
            let mut b = [0; 8];
            b.copy_from_slice(&nine[at..at + 8]);
            u64::from_le_bytes(b)
        };
        Some((word(0), word(1)))
    }

    /// True when a test passed for some byte.
    pub(super) fn any(tests: u64) -> bool {
        tests & splat(0x80) != 0
    }

    /// Some byte is zero.
    pub(super) fn zero(x: u64) -> u64 {
        x.wrapping_sub(splat(1)) & !x
    }

    /// Some byte is below `n` (`n <= 128`).
    pub(super) fn less(x: u64, n: u8) -> u64 {
        x.wrapping_sub(splat(n)) & !x
    }

    /// Some byte is above `n` (`n <= 127`).
    pub(super) fn more(x: u64, n: u8) -> u64 {
        x.wrapping_add(splat(127 - n)) | x
    }
}

/// The output of [`Cleaner::clean`].
struct Cleaned {
    text: String,
    /// `text` folded (see [`Normalized::folded`]).
    folded: String,
    map: OffsetMap,
    /// Offsets of the newlines that stood for a blank line (or more) in the original.
    para_breaks: Vec<usize>,
}

/// A pending run of whitespace, written out when the next visible char comes.
#[derive(Clone, Copy, Debug)]
struct Gap {
    start: usize,
    end: usize,
    breaks: u32,
    /// The run is one original `' '` or `'\n'`, copied as it is.
    plain: bool,
}

/// The single pass that builds the cleaned text and its map.
struct Cleaner<'a> {
    input: &'a str,
    mode: Mode,
    out: String,
    /// `out` folded, written along with it.
    folded: String,
    map: OffsetMap,
    gap: Option<Gap>,
    para_breaks: Vec<usize>,
}

impl<'a> Cleaner<'a> {
    /// Cleans `input` (steps 1 to 4 of the module doc).
    fn clean(input: &'a str) -> Cleaned {
        let mut c = Cleaner {
            input,
            mode: html::detect(input),
            out: String::with_capacity(input.len()),
            folded: String::with_capacity(input.len()),
            map: OffsetMap::default(),
            gap: None,
            para_breaks: Vec::new(),
        };
        c.run();
        Cleaned {
            text: c.out,
            folded: c.folded,
            map: c.map,
            para_breaks: c.para_breaks,
        }
    }

    /// The main loop: plain ASCII runs are copied whole, anything else goes char by char.
    fn run(&mut self) {
        let bytes = self.input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let end = self.plain_run(i);
            if end > i {
                self.copy_plain(i..end);
                i = end;
            } else {
                i = self.special(i);
            }
        }
    }

    /// End of the run of bytes from `start` that are copied unchanged (see [`plain_len`]).
    fn plain_run(&self, start: usize) -> usize {
        let rest = self.input.as_bytes().get(start..).unwrap_or_default();
        start + plain_len(rest, self.mode.strip)
    }

    /// Handles the unit at byte `i` (a char boundary) and returns where the next starts.
    fn special(&mut self, i: usize) -> usize {
        let rest = &self.input[i..];
        let Some(c) = rest.chars().next() else {
            return self.input.len();
        };
        let one = i + c.len_utf8();
        match c {
            '<' if self.mode.strip => match html::lex(rest) {
                Some((tag, len)) => {
                    self.tag(tag, i..i + len);
                    i + len
                }
                None => {
                    self.copy(i..one);
                    one
                }
            },
            '&' => match chars::decode_entity(rest) {
                Some((d, len)) => {
                    self.char_unit(d, i..i + len);
                    i + len
                }
                None => {
                    self.copy(i..one);
                    one
                }
            },
            '\r' => {
                let end = if rest.as_bytes().get(1) == Some(&b'\n') {
                    i + 2
                } else {
                    one
                };
                self.space(i..end, !self.mode.flow);
                end
            }
            'Â'..='ô' => self.mojibake(c, i),
            _ => {
                self.char_at(c, i..one);
                one
            }
        }
    }

    /// Repairs mojibake at `i` when there is some, else handles `c` as itself.
    fn mojibake(&mut self, c: char, i: usize) -> usize {
        match chars::repair_mojibake(&self.input[i..]) {
            Some((Repair::Char(d), len)) => {
                self.char_unit(d, i..i + len);
                i + len
            }
            Some((Repair::Drop, len)) => i + len,
            None => {
                self.char_at(c, i..i + c.len_utf8());
                i + c.len_utf8()
            }
        }
    }

    /// Applies a lexed tag.
    fn tag(&mut self, tag: Tag, orig: Range<usize>) {
        match tag {
            Tag::Block => self.space(orig, true),
            Tag::Space => self.space(orig, false),
            Tag::Inline => {}
        }
    }

    /// Handles char `c` found as itself at `orig`.
    fn char_at(&mut self, c: char, orig: Range<usize>) {
        match chars::classify(c) {
            Class::Keep => self.copy(orig),
            Class::Replace(s) => self.write(s, orig),
            Class::Space => self.space(orig, false),
            Class::Break => self.space(orig, !self.mode.flow),
            Class::Delete => {}
        }
    }

    /// Handles char `c` decoded from the unit `orig` (an entity or mojibake).
    fn char_unit(&mut self, c: char, orig: Range<usize>) {
        match chars::classify(c) {
            Class::Keep => {
                let mut buf = [0u8; 4];
                self.write(c.encode_utf8(&mut buf), orig);
            }
            Class::Replace(s) => self.write(s, orig),
            Class::Space => self.space(orig, false),
            Class::Break => self.space(orig, !self.mode.flow),
            Class::Delete => {}
        }
    }

    /// Adds whitespace at `orig` to the pending gap.
    fn space(&mut self, orig: Range<usize>, is_break: bool) {
        let breaks = u32::from(is_break);
        match &mut self.gap {
            Some(g) => {
                g.end = orig.end;
                g.breaks = g.breaks.saturating_add(breaks);
                g.plain = false;
            }
            None => {
                let plain = orig.len() == 1
                    && self.input.as_bytes().get(orig.start)
                        == Some(if is_break { &b'\n' } else { &b' ' });
                self.gap = Some(Gap {
                    start: orig.start,
                    end: orig.end,
                    breaks,
                    plain,
                });
            }
        }
    }

    /// Writes out the pending gap before visible text (dropping it at the start).
    fn flush_gap(&mut self) {
        let Some(g) = self.gap.take() else {
            return;
        };
        if self.out.is_empty() {
            return;
        }
        let s = if g.breaks > 0 { "\n" } else { " " };
        if g.breaks > 1 {
            self.para_breaks.push(self.out.len());
        }
        if g.plain {
            self.map.push_exact(g.start..g.end);
        } else {
            self.map.push_unit(1, g.start..g.end);
        }
        self.out.push_str(s);
        self.folded.push_str(s);
    }

    /// Copies the original bytes `orig` unchanged.
    fn copy(&mut self, orig: Range<usize>) {
        self.flush_gap();
        let s = &self.input[orig.clone()];
        self.out.push_str(s);
        push_folded(&mut self.folded, s);
        self.map.push_exact(orig);
    }

    /// Copies the original bytes `orig`, which are ASCII, unchanged.
    fn copy_plain(&mut self, orig: Range<usize>) {
        self.flush_gap();
        let s = &self.input[orig.clone()];
        self.out.push_str(s);
        let at = self.folded.len();
        self.folded.push_str(s);
        self.folded[at..].make_ascii_lowercase();
        self.map.push_exact(orig);
    }

    /// Writes `s` in place of the original unit `orig`.
    fn write(&mut self, s: &str, orig: Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.flush_gap();
        self.out.push_str(s);
        push_folded(&mut self.folded, s);
        self.map.push_unit(s.len(), orig);
    }
}

/// A small deterministic generator for the generated-input tests of this module: the
/// same numbers on every run.
#[cfg(test)]
pub(crate) fn test_rng(mut seed: u64) -> impl FnMut() -> usize {
    move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_is_one_piece() {
        let n = Normalized::new("Kapolres membuka rapat di Tenggarong, Senin (3/9).");
        assert_eq!(
            n.text(),
            "Kapolres membuka rapat di Tenggarong, Senin (3/9)."
        );
        assert_eq!(n.map.pieces(), 1);
    }

    #[test]
    fn map_grows_with_edits_not_bytes() {
        let para = "Rapat koordinasi digelar di Samarinda, Senin (3/9/2024).\n";
        let n = Normalized::new(&para.repeat(20_000));
        assert_eq!(n.text().len(), para.len() * 20_000 - 1);
        assert_eq!(n.map.pieces(), 1);
        let quoted = "Dia berkata, \u{201c}siap\u{201d}.\n";
        let n = Normalized::new(&quoted.repeat(1000));
        // Per line: exact text, opening quote, exact, closing quote, exact ".\n".
        assert_eq!(n.map.pieces(), 4 * 1000 + 1);
    }

    /// The byte-at-a-time rule that [`plain_len`] implements.
    fn plain_len_reference(b: &[u8], markup: bool) -> usize {
        let plain = |i: usize| {
            b.get(i)
                .is_some_and(|&c| (0x21..=0x7E).contains(&c) && c != b'&' && !(markup && c == b'<'))
        };
        let mut i = 0;
        loop {
            while plain(i) {
                i += 1;
            }
            if i > 0 && b.get(i) == Some(&b' ') && plain(i + 1) {
                i += 2;
            } else {
                return i;
            }
        }
    }

    #[test]
    fn plain_runs() {
        assert_eq!(plain_len(b"Rapat di Samarinda, Senin.", false), 26);
        assert_eq!(plain_len(b"Rapat di Samarinda,  Senin.", false), 19);
        assert_eq!(plain_len(b"Rapat di Samarinda, Senin.\nBesok", false), 26);
        assert_eq!(plain_len(b"Rapat di Samarinda, Senin. \nBesok", false), 26);
        assert_eq!(plain_len(b"Harga naik 5 &amp; turun", false), 12);
        assert_eq!(plain_len(b"nilai x < 5", false), 11);
        assert_eq!(plain_len(b"nilai x < 5", true), 7);
        assert_eq!(plain_len(b" awal", false), 0);
        assert_eq!(plain_len("Kota\u{a0}Bontang".as_bytes(), false), 4);
        // Every byte class at every position of a word, against the byte-at-a-time rule.
        let alphabet = [b'&', b'<', b'\n', 0x7F, 0x1F, b'~', 0xC3, b'!', 0x20, 0x21];
        let mut next = test_rng(7);
        for _ in 0..50_000 {
            let len = next() % 40;
            let bytes: Vec<u8> = (0..len)
                .map(|_| match next() % 16 {
                    0..=7 => b'a',
                    8..=10 => b' ',
                    r if r < 15 || next() % 4 == 0 => alphabet[next() % alphabet.len()],
                    _ => b'a',
                })
                .collect();
            for markup in [false, true] {
                assert_eq!(
                    plain_len(&bytes, markup),
                    plain_len_reference(&bytes, markup),
                    "{bytes:?}"
                );
            }
        }
    }

    #[test]
    fn swar_tests_every_byte_pair() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for k in 0..7 {
                    let mut bytes = [b'a'; 8];
                    bytes[k] = a;
                    bytes[k + 1] = b;
                    let x = u64::from_le_bytes(bytes);
                    let any = |f: fn(u8) -> bool| bytes.iter().any(|&c| f(c));
                    assert_eq!(swar::any(swar::zero(x)), any(|c| c == 0), "{bytes:?}");
                    assert_eq!(
                        swar::any(swar::less(x, 0x20)),
                        any(|c| c < 0x20),
                        "{bytes:?}"
                    );
                    assert_eq!(
                        swar::any(swar::more(x, 0x7E)),
                        any(|c| c > 0x7E),
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn fold_fast_path_agrees() {
        for s in [
            "Kutai Kartanegara",
            "H. Budi, S.H.",
            "a  b",
            " a",
            "a ",
            "A&amp;B",
            "<b>X</b>",
            "",
        ] {
            assert_eq!(fold(s), Cleaner::clean(s).folded, "{s:?}");
        }
        assert_eq!(fold("Kutai  KARTANEGARA "), "kutai kartanegara");
    }

    #[test]
    fn blank_lines_are_remembered() {
        let n = Normalized::new("Judul\n\n  Paragraf satu.\nParagraf dua.\r\n \r\nTiga.");
        assert_eq!(n.text(), "Judul\nParagraf satu.\nParagraf dua.\nTiga.");
        assert_eq!(n.blank_lines(), &[5, 34]);
        let html = Normalized::new("<p>Satu</p>\n<p>Dua<br>tiga</p>");
        assert_eq!(html.text(), "Satu\nDua\ntiga");
        assert_eq!(html.blank_lines(), &[4]);
    }

    #[test]
    fn folding_keeps_lengths() {
        assert_eq!(fold("ÀB İstanbul ẞ"), "àb İstanbul ẞ");
        let t = "ĞÜŞ Ẽ Ω";
        assert_eq!(fold(t).len(), t.len());
        // The folded copy is written along with the text: it is the text folded char by
        // char, whatever path each char took (copied, decoded, repaired, replaced).
        let fold_char = |c: char| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        };
        for input in [
            "ÀB &Eacute;TAT Ã‰LU “Kata” İzmir ẞ ÑANDÚ  <b>X</b>",
            "<p>Bupati &AMP; WAKIL</p><p>\u{c9}COLE Ã©</p>",
            "Ω  Σ\u{a0}Ǆ ǅ ǆ DŽ",
        ] {
            let n = Normalized::new(input);
            let want: String = n.text().chars().map(fold_char).collect();
            assert_eq!(n.folded(), want, "{input:?}");
        }
    }

    #[test]
    fn boilerplate_with_wide_chars_maps_to_whole_chars() {
        let input = "Isi berita.\nCopyright © 2024 Redaksi";
        let n = Normalized::new(input);
        let at = n.text().find('\n').unwrap() + 1 + "Copyright ".len();
        assert!(n.is_boilerplate(at));
        assert_eq!(n.original_range(at + 1..at + 2), at..at + 2);
        assert_eq!(n.original_range(at..at + 1), at..at + 2);
    }
}
