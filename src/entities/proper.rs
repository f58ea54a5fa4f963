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
    pub fn scan(text: &str) -> Runs {
        let mut out = Runs::default();
        let bytes = text.as_bytes();
        let mut at = 0;
        // The index in `out.words` where the current run starts, and the end of its last
        // word (the run continues only over one space from there).
        let mut run_start = 0;
        let mut last_end: Option<usize> = None;
        while at < bytes.len() {
            let b = bytes[at];
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let end = word_end(text, at);
            let shape = shape(text, at, end);
            let joined = last_end.is_some_and(|e| e == at || (e + 1 == at && bytes[e] == b' '));
            if !joined {
                out.close(run_start);
                run_start = out.words.len();
            }
            match shape {
                Some(s) => {
                    let end = if s == Shape::Initial { end + 1 } else { end };
                    if s == Shape::Particle && out.words.len() == run_start {
                        last_end = None;
                    } else {
                        out.words.push(Word {
                            range: at..end,
                            shape: s,
                        });
                        last_end = Some(end);
                    }
                    at = end;
                }
                None => {
                    out.close(run_start);
                    run_start = out.words.len();
                    last_end = None;
                    at = if end > at {
                        end
                    } else {
                        at + text[at..].chars().next().map_or(1, char::len_utf8)
                    };
                }
            }
        }
        out.close(run_start);
        out
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

/// The end of the word starting at `at`: letters and digits, with an apostrophe or a
/// hyphen inside ("O'Neil", "Al-Hadi").
fn word_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    loop {
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
    fn numbers_and_non_ascii() {
        assert_eq!(runs("SMA Negeri 6 Jakarta"), ["SMA Negeri", "Jakarta"]);
        assert_eq!(runs("Ümit Özdağ tiba"), ["Ümit Özdağ"]);
        assert_eq!(runs(""), Vec::<&str>::new());
        assert_eq!(runs("«Budi» ›Ani‹"), ["Budi", "Ani"]);
    }
}
