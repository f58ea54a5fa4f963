//! The offset map from normalized bytes back to the original input.
//!
//! The map is a sorted list of [`Piece`]s, one per stretch of normalized text that came
//! from the original in one way:
//!
//! * an **exact** piece was copied byte for byte, so normalized byte `norm + k` is original
//!   byte `orig + k`;
//! * a **unit** piece replaced an original unit (`“`, `&amp;`, `â€™`, a run of whitespace)
//!   with other bytes; every position inside it maps to the whole unit.
//!
//! Pieces are only created where the normalized/original delta changes, so an article of
//! plain ASCII costs one piece, and a lookup is a binary search.

use std::ops::Range;

/// One stretch of normalized text and the original bytes it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    /// First normalized byte of the piece.
    norm: usize,
    /// First original byte.
    orig: usize,
    /// One past the last original byte.
    orig_end: usize,
    /// True when the piece was copied byte for byte.
    exact: bool,
}

/// Maps normalized byte offsets to original byte offsets.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    pieces: Vec<Piece>,
    norm_len: usize,
}

impl OffsetMap {
    /// Records that the original bytes `orig` were copied verbatim to the end of the
    /// normalized text.
    pub(crate) fn push_exact(&mut self, orig: Range<usize>) {
        let len = orig.len();
        match self.pieces.last_mut() {
            Some(last) if last.exact && last.orig_end == orig.start => last.orig_end = orig.end,
            _ => self.pieces.push(Piece {
                norm: self.norm_len,
                orig: orig.start,
                orig_end: orig.end,
                exact: true,
            }),
        }
        self.norm_len += len;
    }

    /// Records that `norm_len` normalized bytes replaced the original unit `orig`.
    pub(crate) fn push_unit(&mut self, norm_len: usize, orig: Range<usize>) {
        if norm_len == 0 {
            return;
        }
        self.pieces.push(Piece {
            norm: self.norm_len,
            orig: orig.start,
            orig_end: orig.end,
            exact: false,
        });
        self.norm_len += norm_len;
    }

    /// Number of pieces (for tests).
    #[cfg(test)]
    pub(crate) fn pieces(&self) -> usize {
        self.pieces.len()
    }

    /// Index of the piece holding normalized byte `pos` (`pos < norm_len`).
    fn piece_at(&self, pos: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.norm <= pos);
        self.pieces.get(i.checked_sub(1)?)
    }

    /// Original offset where the unit holding normalized byte `pos` starts.
    pub(crate) fn start(&self, pos: usize) -> usize {
        if pos >= self.norm_len {
            return self.pieces.last().map_or(0, |p| p.orig_end);
        }
        match self.piece_at(pos) {
            Some(p) if p.exact => p.orig + (pos - p.norm),
            Some(p) => p.orig,
            None => 0,
        }
    }

    /// Original offset where the unit holding normalized byte `pos - 1` ends.
    pub(crate) fn end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.start(0);
        }
        let pos = pos.min(self.norm_len);
        match self.piece_at(pos - 1) {
            Some(p) if p.exact => p.orig + (pos - p.norm),
            Some(p) => p.orig_end,
            None => 0,
        }
    }

    /// Turns the given normalized ranges (each one char, sorted, inside exact pieces or
    /// not) into unit pieces, so that every position inside them maps to the whole char.
    ///
    /// Used after boilerplate blanking has turned a multi-byte char into several spaces.
    pub(crate) fn isolate(&mut self, chars: &[Range<usize>]) {
        if chars.is_empty() {
            return;
        }
        let mut out = Vec::with_capacity(self.pieces.len() + 2 * chars.len());
        let mut next = chars.iter().peekable();
        for (i, p) in self.pieces.iter().enumerate() {
            let end = self.pieces.get(i + 1).map_or(self.norm_len, |q| q.norm);
            if !p.exact {
                while next.next_if(|c| c.start < end).is_some() {}
                out.push(*p);
                continue;
            }
            let mut cur = p.norm;
            while let Some(c) = next.next_if(|c| c.start < end) {
                if c.start < cur {
                    continue;
                }
                let orig = |n: usize| p.orig + (n - p.norm);
                if c.start > cur {
                    out.push(Piece {
                        norm: cur,
                        orig: orig(cur),
                        orig_end: orig(c.start),
                        exact: true,
                    });
                }
                let c_end = c.end.min(end);
                out.push(Piece {
                    norm: c.start,
                    orig: orig(c.start),
                    orig_end: orig(c_end),
                    exact: false,
                });
                cur = c_end;
            }
            if cur < end {
                out.push(Piece {
                    norm: cur,
                    orig: p.orig + (cur - p.norm),
                    orig_end: p.orig_end,
                    exact: true,
                });
            }
        }
        self.pieces = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> OffsetMap {
        // normalized: "ab" + "\"" + "cd"   original: "ab" + "“" (3 bytes) + "cd"
        let mut m = OffsetMap::default();
        m.push_exact(0..2);
        m.push_unit(1, 2..5);
        m.push_exact(5..7);
        m
    }

    #[test]
    fn exact_and_unit_pieces() {
        let m = map();
        assert_eq!(m.pieces(), 3);
        assert_eq!((m.start(0), m.end(2)), (0, 2));
        assert_eq!((m.start(2), m.end(3)), (2, 5));
        assert_eq!((m.start(3), m.end(5)), (5, 7));
        assert_eq!(m.start(5), 7);
        assert_eq!(m.end(0), 0);
    }

    #[test]
    fn adjacent_exact_pieces_merge() {
        let mut m = OffsetMap::default();
        m.push_exact(0..3);
        m.push_exact(3..10);
        assert_eq!(m.pieces(), 1);
        m.push_exact(12..13); // two bytes deleted in between
        assert_eq!(m.pieces(), 2);
        assert_eq!(m.start(10), 12);
        assert_eq!(m.end(10), 10);
    }

    #[test]
    fn isolate_splits_an_exact_piece() {
        // normalized "a©b" copied exactly from original "xa©b" (one byte deleted first).
        let mut m = OffsetMap::default();
        m.push_exact(1..5);
        m.isolate(std::slice::from_ref(&(1..3)));
        assert_eq!(m.pieces(), 3);
        assert_eq!((m.start(2), m.end(2)), (2, 4));
        assert_eq!(m.end(3), 4);
        assert_eq!(m.end(4), 5);
        assert_eq!(m.start(3), 4);
    }
}
