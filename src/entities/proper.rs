//! Capitalized runs: the proper-name candidates of an article, found in one pass.
//!
//! Indonesian writes names of people, bodies and places with capitals and common words
//! without. A *run* is a sequence of capitalized words written one space apart
//! ("Jusman Syafii Djamal", "Universitas Mulawarman", "PT Angkasa Pura II"), with the name
//! particles that are lowercase inside names ("Abdurrachman bin Ali", "Georg von Trapp")
//! and initials ("M. Yusuf", "H.M.Yusuf"). Any other mark (a comma, a period that is not an
//! initial's, a parenthesis, a quote, a line end) or a lowercase word ends a run.
//!
//! The runs know nothing of the lexicons: the gazetteer's hits and the decisions
//! (`names` for people, `institutions` for organizations found by their form) are taken
//! over them later.
//!
//! ```
//! use warta::entities::proper::{Runs, Shape};
//!
//! let text = "Kemudian Ketua RT, H.M. Yusuf bin Ali bertemu Budi di Kantor KPK.";
//! let runs = Runs::scan(text);
//! let got: Vec<&str> = runs.runs().map(|r| &text[runs.range(r)]).collect();
//! assert_eq!(got, ["Kemudian Ketua RT", "H.M. Yusuf bin Ali", "Budi", "Kantor KPK"]);
//! assert_eq!(runs.words[2].shape, Shape::Upper);
//! ```

use std::ops::Range;

/// How a word of a run is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// An initial capital and some lowercase letter: "Budi", "McCain", "O'Neil".
    Capitalized,
    /// Two or more letters and no lowercase one: "KPK", "AS", "II".
    Upper,
    /// One capital letter and its dot: "M.".
    Initial,
    /// A lowercase name particle between two capitalized words: "bin", "van".
    Particle,
}

/// One word of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the normalized text (an initial's dot included).
    pub range: Range<usize>,
    /// How it is written.
    pub shape: Shape,
}

/// The capitalized runs of a text.
#[derive(Clone, Debug, Default)]
pub struct Runs {
    /// Every word of every run, in text order.
    pub words: Vec<Word>,
    /// Each run as a range of indices into `words`.
    runs: Vec<Range<usize>>,
}

/// Lowercase words that stay inside a name between two capitalized words.
const PARTICLES: &[&str] = &[
    "bin", "binti", "van", "von", "de", "der", "den", "da", "dos", "del", "della", "al", "el",
    "ibn",
];

impl Runs {
    /// Finds the runs of `text` (normalized text, original case).
    ///
    /// Most words are lowercase: the text is searched eight bytes at a time for a capital
    /// letter or a non-ASCII byte, and only the words from there are read.
    pub fn scan(text: &str) -> Runs {
        let mut out = Runs::default();
        let mut at = 0;
        while let Some(p) = next_capital(text, at) {
            at = out.run_from(text, p);
        }
        out
    }

    /// Reads the run whose first word starts at `p` (a capitalized word start) and
    /// returns the position after it.
    fn run_from(&mut self, text: &str, p: usize) -> usize {
        let bytes = text.as_bytes();
        let first = self.words.len();
        let mut at = p;
        let mut after;
        loop {
            let end = word_end(text, at);
            let Some(shape) = shape(text, at, end) else {
                after = end.max(at + 1);
                break;
            };
            let end = if shape == Shape::Initial {
                end + 1
            } else {
                end
            };
            self.words.push(Word {
                range: at..end,
                shape,
            });
            after = end;
            // The next word: glued after an initial's dot ("H.M.Yusuf"), or one space on.
            let next =
                if shape == Shape::Initial && bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    end
                } else if bytes.get(end) == Some(&b' ') {
                    end + 1
                } else {
                    break;
                };
            let next_end = word_end(text, next);
            match shape_at(text, next, next_end) {
                Some(Shape::Particle) => {
                    // A particle stays only between two capitalized words.
                    let then = next_end + 1;
                    let capital = bytes.get(next_end) == Some(&b' ')
                        && matches!(
                            shape_at(text, then, word_end(text, then)),
                            Some(Shape::Capitalized | Shape::Upper | Shape::Initial)
                        );
                    if !capital {
                        break;
                    }
                    self.words.push(Word {
                        range: next..next_end,
                        shape: Shape::Particle,
                    });
                    at = then;
                }
                Some(_) => at = next,
                None => break,
            }
        }
        self.close(first);
        after
    }

    /// Ends the run that started at word `start`: a trailing particle is dropped.
    fn close(&mut self, start: usize) {
        while self
            .words
            .last()
            .is_some_and(|w| w.shape == Shape::Particle)
            && self.words.len() > start
        {
            self.words.pop();
        }
        if self.words.len() > start {
            self.runs.push(start..self.words.len());
        }
    }

    /// The runs, as ranges of indices into [`Runs::words`].
    pub fn runs(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.runs.iter().cloned()
    }

    /// The text range of words `w` (indices into [`Runs::words`]).
    pub fn range(&self, w: Range<usize>) -> Range<usize> {
        match (
            self.words.get(w.start),
            w.end.checked_sub(1).and_then(|e| self.words.get(e)),
        ) {
            (Some(a), Some(b)) if w.start < w.end => a.range.start..b.range.end,
            _ => 0..0,
        }
    }
}

/// The start of the next word at or after `from` whose first letter is a capital.
fn next_capital(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let mask = upper_or_high(crate::bytes::chunk(bytes, i));
        if mask == 0 {
            i += 8;
            continue;
        }
        let q = i + (mask.trailing_zeros() / 8) as usize;
        if q >= bytes.len() {
            return None;
        }
        let b = bytes[q];
        // A non-ASCII byte: only a char's first byte starts a char.
        let candidate = if b < 0x80 {
            true
        } else {
            text.is_char_boundary(q) && text[q..].chars().next().is_some_and(char::is_uppercase)
        };
        if candidate && crate::segment::is_word_start(text, q) {
            return Some(q);
        }
        i = q + 1;
    }
    None
}

/// The high bit of each byte of `x` that is an ASCII capital letter or a byte of 0x80 and
/// above (per byte, as in [`crate::bytes::letters`]).
fn upper_or_high(x: u64) -> u64 {
    use crate::bytes::{HIGH, ONES};
    let low7 = x & !HIGH;
    let from_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    ((from_a & !past_z) | x) & HIGH
}

/// The shape of a word starting at `at` and ending at `end`, or `None` when there is no
/// word there.
fn shape_at(text: &str, at: usize, end: usize) -> Option<Shape> {
    if end <= at {
        return None;
    }
    shape(text, at, end)
}

/// The end of the word starting at `at`: letters and digits, with an apostrophe or a
/// hyphen inside ("O'Neil", "Al-Hadi").
fn word_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    loop {
        // Eight ASCII letters or digits at a time.
        loop {
            let alnum = crate::bytes::ascii_alnum(crate::bytes::chunk(bytes, i));
            let run = (!alnum & crate::bytes::HIGH).trailing_zeros() / 8;
            i += run as usize;
            if run < 8 {
                break;
            }
        }
        let i_end = i.min(bytes.len());
        i = i_end;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        let inner = i > at
            && matches!(bytes.get(i), Some(b'\'' | b'-'))
            && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic());
        if !inner {
            return i;
        }
        i += 1;
    }
}

/// The shape of the word `text[at..end]`, or `None` when it cannot be in a name (a
/// lowercase word that is no particle, a number).
fn shape(text: &str, at: usize, end: usize) -> Option<Shape> {
    let word = &text[at..end];
    let bytes = word.as_bytes();
    if bytes.is_ascii() {
        let first = *bytes.first()?;
        if first.is_ascii_uppercase() {
            if bytes.len() == 1 {
                return text[end..]
                    .starts_with('.')
                    .then_some(Shape::Initial)
                    .or(Some(Shape::Upper));
            }
            let lower = bytes.iter().any(u8::is_ascii_lowercase);
            return Some(if lower {
                Shape::Capitalized
            } else {
                Shape::Upper
            });
        }
        return PARTICLES.contains(&word).then_some(Shape::Particle);
    }
    let first = word.chars().next()?;
    if first.is_uppercase() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 1 && first.len_utf8() == word.len() {
            return text[end..]
                .starts_with('.')
                .then_some(Shape::Initial)
                .or(Some(Shape::Upper));
        }
        if word.chars().any(char::is_lowercase) {
            return Some(Shape::Capitalized);
        }
        return Some(Shape::Upper);
    }
    PARTICLES.contains(&word).then_some(Shape::Particle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<&str> {
        let r = Runs::scan(text);
        r.runs().map(|w| &text[r.range(w)]).collect()
    }

    #[test]
    fn runs_end_at_marks_and_lowercase_words() {
        assert_eq!(
            runs("Menurut Ahmad Fauzi (45), warga Desa Sukamaju, banjir datang."),
            ["Menurut Ahmad Fauzi", "Desa Sukamaju"]
        );
        assert_eq!(
            runs("kata Grace O'Neil dan Al-Hadi bin Yusuf di Jakarta."),
            ["Grace O'Neil", "Al-Hadi bin Yusuf", "Jakarta"]
        );
    }

    #[test]
    fn initials_and_particles() {
        assert_eq!(
            runs("oleh Drs. H. M. Yusuf, S.H."),
            ["Drs", "H. M. Yusuf", "S.H."]
        );
        assert_eq!(runs("bin Ali datang"), ["Ali"]);
        assert_eq!(runs("Budi dan Ani"), ["Budi", "Ani"]);
        assert_eq!(runs("Yusuf bin"), ["Yusuf"]);
        let r = Runs::scan("PT Angkasa Pura II (Persero)");
        let shapes: Vec<Shape> = r.words.iter().map(|w| w.shape).collect();
        assert_eq!(
            shapes,
            [
                Shape::Upper,
                Shape::Capitalized,
                Shape::Capitalized,
                Shape::Upper,
                Shape::Capitalized
            ]
        );
    }

    #[test]
    fn capitals_are_found_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut eight = [b'a'; 8];
                eight[lane] = b;
                let bit = upper_or_high(u64::from_le_bytes(eight)) >> (8 * lane + 7) & 1 == 1;
                assert_eq!(bit, b.is_ascii_uppercase() || b >= 0x80, "{b:#x}");
            }
        }
        let long = format!(
            "{} Budi Santoso dan {} Ani",
            "kata ".repeat(7),
            "x".repeat(13)
        );
        assert_eq!(runs(&long), ["Budi Santoso", "Ani"]);
    }

    #[test]
    fn numbers_and_non_ascii() {
        assert_eq!(runs("SMA Negeri 6 Jakarta"), ["SMA Negeri", "Jakarta"]);
        assert_eq!(runs("Ümit Özdağ tiba"), ["Ümit Özdağ"]);
        assert_eq!(runs(""), Vec::<&str>::new());
        assert_eq!(runs("«Budi» ›Ani‹"), ["Budi", "Ani"]);
    }
}
