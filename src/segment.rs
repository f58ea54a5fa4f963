//! Paragraphs, sentences and word boundaries over normalized text.
//!
//! Works on the output of [`crate::normalize::Normalized::text`], where each line is a
//! paragraph and boilerplate is blanked to spaces.
//!
//! ```
//! use warta::segment::Segments;
//!
//! let text = "Rapat dibuka oleh Kapolres AKBP Drs. H. M. Yusuf di Jl. A. Yani No. 5. Hadir pula Camat.\nParagraf kedua.";
//! let seg = Segments::new(text);
//! let sentences: Vec<&str> = seg.sentences.iter().map(|r| &text[r.clone()]).collect();
//! assert_eq!(sentences, [
//!     "Rapat dibuka oleh Kapolres AKBP Drs. H. M. Yusuf di Jl. A. Yani No. 5.",
//!     "Hadir pula Camat.",
//!     "Paragraf kedua.",
//! ]);
//! ```
//!
//! # Grammar
//!
//! ```text
//! paragraph = a line, trimmed of spaces; blank lines are not paragraphs
//! sentence  = a Unicode sentence (UAX #29) inside one paragraph, trimmed of spaces,
//!             joined to the next one when it ends with
//!               an abbreviation          "Kab." "Jl." "Drs." "S.H." "M.Si." "a.n." …
//!               an initial               "M." "H.M."
//!               a dotted degree          "S.Pd." "M.Kes."  (letters and dots, ≥ 2 dots)
//!               a list marker alone      "1." "a."
//!               "dll." "dsb." "dkk." "dst." "Tbk." when the next one does not start
//!               with a capital letter
//! ```
//!
//! UAX #29 already keeps numbers ("1.250.000", "20.15", "79,5") and a closing quote
//! after the period (`."`) inside their sentence.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Paragraph and sentence ranges of a normalized text, in text order.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    /// Paragraphs (lines), without the newline and without surrounding spaces; lines
    /// that are empty or all spaces (blanked boilerplate) are left out.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences, never crossing a paragraph, without surrounding spaces.
    pub sentences: Vec<Range<usize>>,
}

impl Segments {
    /// Splits `text` into paragraphs and sentences.
    pub fn new(text: &str) -> Segments {
        let mut seg = Segments::default();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
            if let Some(p) = trim(text, start..end) {
                seg.paragraphs.push(p.clone());
                split_sentences(text, p, &mut seg.sentences);
            }
            start = end + 1;
        }
        seg
    }

    /// Index of the sentence containing byte `pos` (a sentence's end counts as inside).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        index_at(&self.sentences, pos)
    }

    /// Index of the paragraph containing byte `pos` (a paragraph's end counts as inside).
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        index_at(&self.paragraphs, pos)
    }

    /// Indices (into [`Segments::sentences`]) of the sentences of paragraph `i`.
    pub fn sentences_of(&self, i: usize) -> Range<usize> {
        let Some(p) = self.paragraphs.get(i) else {
            return 0..0;
        };
        let first = self.sentences.partition_point(|s| s.start < p.start);
        let last = self.sentences.partition_point(|s| s.start < p.end);
        first..last
    }

    /// The word tokens of `text[range]` (UAX #29 word bounds holding at least one
    /// letter or digit), as ranges of `text`. An out-of-bounds range yields nothing.
    pub fn words<'a>(
        &self,
        text: &'a str,
        range: Range<usize>,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let offset = range.start;
        text.get(range)
            .into_iter()
            .flat_map(|s| s.split_word_bound_indices())
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(move |(i, w)| offset + i..offset + i + w.len())
    }
}

/// The paragraph (line) of `text` containing byte `pos` and its sentences, found
/// without splitting the rest of the text. Returns an empty list for a blank line.
pub fn sentences_around(text: &str, pos: usize) -> (Range<usize>, Vec<Range<usize>>) {
    let pos = pos.min(text.len());
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..pos]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i);
    let mut sentences = Vec::new();
    if let Some(p) = trim(text, start..end) {
        split_sentences(text, p, &mut sentences);
    }
    (start..end, sentences)
}

/// The sentence of `text` containing byte `pos`, found by scanning only around `pos`
/// (cost: the sentence's length, not the text's). Same boundaries as [`Segments`]: a
/// line end, or `.`/`!`/`?` (with a closing `"`) before a space, unless the token it ends
/// is an abbreviation, an initial or a dotted degree. Trimmed of spaces.
pub fn sentence_at(text: &str, pos: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let pos = pos.min(text.len());
    // The line around `pos`, looked for within 4 KiB on each side: on a text without
    // line breaks each call stays bounded (a longer sentence is cut there).
    let mut low = pos.saturating_sub(4096);
    while !text.is_char_boundary(low) {
        low += 1;
    }
    let mut high = (pos + 4096).min(text.len());
    while !text.is_char_boundary(high) {
        high -= 1;
    }
    let line_start = memchr::memrchr(b'\n', &bytes[low..pos]).map_or(low, |k| low + k + 1);
    let line_end = memchr::memchr(b'\n', &bytes[pos..high]).map_or(high, |k| pos + k);
    // Backwards: the end of the previous sentence on this line.
    let mut start = line_start;
    let mut i = pos;
    while let Some(k) = memchr::memrchr3(b'.', b'!', b'?', &bytes[line_start..i]) {
        let k = line_start + k;
        if let Some(after) = boundary_after(text, k).filter(|&a| a <= pos) {
            start = after;
            break;
        }
        i = k;
    }
    // Forwards from the start: the first boundary past `pos`.
    let mut end = line_end;
    let mut i = start;
    while let Some(n) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..line_end]) {
        let k = i + n;
        if let Some(after) = boundary_after(text, k).filter(|&a| a > pos || k >= pos) {
            end = after.min(line_end);
            break;
        }
        i = k + 1;
    }
    trim(text, start..end.max(start)).unwrap_or(pos..pos)
}

/// When byte `k` (a `.`, `!`, `?` or line end) ends a sentence: where the next one may
/// start (after a closing `"` and the spaces).
fn boundary_after(text: &str, k: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes[k] == b'\n' {
        return Some(k + 1);
    }
    let mut after = k + 1;
    if bytes.get(after) == Some(&b'"') {
        after += 1;
    }
    match bytes.get(after) {
        None => return Some(after),
        Some(b' ') | Some(b'\n') => {}
        _ => return None,
    }
    let prev = text.get(..k + 1)?;
    let next = text[after..].trim_start();
    (!joins(prev, next)).then_some(after)
}

fn index_at(ranges: &[Range<usize>], pos: usize) -> Option<usize> {
    let i = ranges.partition_point(|r| r.end < pos);
    (i < ranges.len() && ranges[i].start <= pos).then_some(i)
}

/// `range` without leading and trailing spaces, or `None` when nothing is left.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(range.clone())?;
    let t = s.trim_start_matches([' ', '\t', '\r']);
    let start = range.start + (s.len() - t.len());
    let t = t.trim_end_matches([' ', '\t', '\r']);
    (!t.is_empty()).then(|| start..start + t.len())
}

/// Pushes the sentences of paragraph `para` of `text` to `out`.
fn split_sentences(text: &str, para: Range<usize>, out: &mut Vec<Range<usize>>) {
    let p = &text[para.clone()];
    let mut current: Option<Range<usize>> = None;
    for (i, s) in p.split_sentence_bound_indices() {
        let Some(next) = trim(text, para.start + i..para.start + i + s.len()) else {
            continue;
        };
        current = match current {
            Some(cur) if joins(&text[cur.clone()], &text[next.clone()]) => {
                Some(cur.start..next.end)
            }
            Some(cur) => {
                out.push(cur);
                Some(next)
            }
            None => Some(next),
        };
    }
    out.extend(current);
}

/// Abbreviations (folded) after which a sentence never ends.
const ABBREVIATIONS: &[&str] = &[
    "a.n.", "alm.", "almh.", "bpk.", "brigjen.", "dr.", "dra.", "drs.", "ds.", "gg.", "h.", "hj.",
    "inf.", "ir.", "irjen.", "jend.", "jl.", "jln.", "kab.", "kapt.", "kav.", "kec.", "kel.",
    "kh.", "kol.", "komjen.", "kp.", "letjen.", "letkol.", "m.si.", "mayjen.", "mr.", "mrs.",
    "no.", "ny.", "pol.", "prof.", "rt.", "rw.", "s.e.", "s.h.", "s.sos.", "sdr.", "sdri.", "st.",
    "telp.", "tn.", "u.p.", "ust.", "yth.",
    // Company forms before a name: "PT. Freeport", "Pte. Ltd".
    "pt.", "pte.", "cv.", "ud.",
];

/// Abbreviations that often end a sentence too: joined only when the next sentence
/// does not start with a capital letter.
const WEAK_ABBREVIATIONS: &[&str] = &[
    "cs.", "dkk.", "dll.", "dsb.", "dst.", "tbk.", "ltd.", "inc.", "corp.", "co.",
];

/// True when sentence `prev` was wrongly split from `next`.
fn joins(prev: &str, next: &str) -> bool {
    let Some(token) = last_token(prev) else {
        return false;
    };
    // Every abbreviation is ASCII and at most eight bytes: compared without folding a copy.
    let is = |list: &[&str]| token.len() <= 8 && list.iter().any(|a| a.eq_ignore_ascii_case(token));
    if is(ABBREVIATIONS) || is_initials(token) || is_dotted(token) {
        return true;
    }
    if token.len() == prev.len() && is_list_marker(token) {
        return true;
    }
    is(WEAK_ABBREVIATIONS) && !next.chars().next().is_some_and(char::is_uppercase)
}

/// The last whitespace-separated token of `s` when it ends with `.`, without leading
/// brackets, quotes or commas.
fn last_token(s: &str) -> Option<&str> {
    let token = s.rsplit([' ', '\t']).next()?;
    let token = token.trim_start_matches(['(', '[', '"', '\'', ',', '/']);
    (token.len() > 1 && token.ends_with('.')).then_some(token)
}

/// `M.`, `H.M.`, `A.B.C.`: capital letters each followed by a dot.
fn is_initials(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() % 2 == 0
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

/// Dotted degrees and abbreviations such as `S.Pd.`, `M.Kes.`, `S.I.Kom.`: at least two
/// dot-terminated groups of one to four ASCII letters.
fn is_dotted(token: &str) -> bool {
    let body = &token[..token.len() - 1];
    body.contains('.')
        && body
            .split('.')
            .all(|g| (1..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// A numbered or lettered list marker standing alone: `1.`, `12.`, `a.`.
fn is_list_marker(token: &str) -> bool {
    let body = &token[..token.len() - 1];
    (1..=2).contains(&body.len())
        && (body.bytes().all(|b| b.is_ascii_digit())
            || (body.len() == 1 && body.bytes().all(|b| b.is_ascii_alphabetic())))
}

/// True when `pos` starts a word: the char before it (if any) is not alphanumeric.
///
/// False when `pos` is not a char boundary of `text`. Looks at one char only.
pub fn is_word_start(text: &str, pos: usize) -> bool {
    text.is_char_boundary(pos)
        && !matches!(text[..pos].chars().next_back(), Some(c) if c.is_alphanumeric())
}

/// True when `pos` ends a word: the char at it (if any) is not alphanumeric.
///
/// False when `pos` is not a char boundary of `text`. Looks at one char only.
pub fn is_word_end(text: &str, pos: usize) -> bool {
    text.is_char_boundary(pos)
        && !matches!(text[pos..].chars().next(), Some(c) if c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_fit_the_short_comparison() {
        // `joins` compares tokens of at most eight bytes, ASCII-case-insensitively.
        for a in ABBREVIATIONS.iter().chain(WEAK_ABBREVIATIONS) {
            assert!(
                a.len() <= 8 && a.is_ascii() && *a == a.to_lowercase(),
                "{a}"
            );
        }
        assert!(joins("Kapolres AKBP Drs.", "H. Yusuf hadir."));
        assert!(joins("oleh Brigjen.", "Pol. Ahmad"));
        assert!(!joins("Rapat selesai.", "Hadir pula Camat."));
        assert!(joins("lulusan S.Pd.", "yang mengajar"));
        assert!(joins("PT Maju Tbk.", "yang berkantor"));
        assert!(!joins("PT Maju Tbk.", "Perusahaan itu"));
    }

    #[test]
    fn token_shapes() {
        assert!(is_initials("M."));
        assert!(is_initials("H.M."));
        assert!(!is_initials("Mr."));
        assert!(is_dotted("S.Pd."));
        assert!(is_dotted("S.I.Kom."));
        assert!(!is_dotted("Kab."));
        assert!(!is_dotted("1.250."));
        assert!(is_list_marker("1."));
        assert!(is_list_marker("b."));
        assert!(!is_list_marker("123."));
        assert_eq!(last_token("kata dia (Jl."), Some("Jl."));
        assert_eq!(last_token("selesai"), None);
    }

    #[test]
    fn word_edges() {
        let t = "Kota Bogor, Jawa Barat";
        assert!(is_word_start(t, 0));
        assert!(is_word_start(t, 5));
        assert!(!is_word_start(t, 6));
        assert!(is_word_end(t, 10));
        assert!(is_word_end(t, t.len()));
        assert!(!is_word_end(t, 9));
        assert!(!is_word_start(t, 99));
        let u = "Ñandú é";
        assert!(!is_word_start(u, 1));
        assert!(!is_word_end(u, 1));
        assert!(is_word_end(u, "Ñandú".len()));
    }

    #[test]
    fn sentences_around_a_position() {
        let text = "Judul berita\nRapat dibuka Kapolres. Hadir pula Camat.\n\nAkhir.";
        let at = text.find("Hadir").unwrap();
        let (para, sentences) = sentences_around(text, at);
        assert_eq!(&text[para], "Rapat dibuka Kapolres. Hadir pula Camat.");
        let got: Vec<&str> = sentences.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["Rapat dibuka Kapolres.", "Hadir pula Camat."]);
        let blank = text.find("\n\n").unwrap() + 1;
        assert!(sentences_around(text, blank).1.is_empty());
        assert_eq!(sentences_around(text, text.len()).1.len(), 1);
    }

    #[test]
    fn sentence_at_agrees_with_segments() {
        let text = "Rapat dibuka oleh Kapolres AKBP Drs. H. M. Yusuf di Jl. A. Yani No. 5. Hadir pula Camat. \"Kami siap.\" Angka 79.5 persen naik!\nParagraf kedua.";
        let seg = Segments::new(text);
        for s in &seg.sentences {
            for pos in [s.start, (s.start + s.end) / 2, s.end - 1] {
                assert_eq!(
                    sentence_at(text, pos),
                    *s,
                    "at {pos}: {:?}",
                    &text[s.clone()]
                );
            }
        }
        assert_eq!(sentence_at("", 0), 0..0);
    }

    #[test]
    fn a_company_form_with_a_dot_ends_no_sentence() {
        let text = "KPK menetapkan direktur Pertamina Energy Services Pte. Ltd Bambang sebagai \
                    tersangka. Saham PT. Freeport naik. Ia bekerja di CV. Maju Jaya. Modal \
                    itu milik Sinar Co. Sejak itu ia pindah.";
        let seg = Segments::new(text);
        let firsts: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| text[s.clone()].split(' ').next().unwrap_or_default())
            .collect();
        assert_eq!(firsts, ["KPK", "Saham", "Ia", "Modal", "Sejak"]);
        let at = text.find("tersangka").unwrap();
        assert_eq!(sentence_at(text, at).start, 0);
    }

    #[test]
    fn paragraphs_skip_blank_lines() {
        let t = "Satu.\n   \n  Dua tiga.  \n";
        let seg = Segments::new(t);
        assert_eq!(seg.paragraphs, vec![0..5, 12..21]);
        assert_eq!(seg.sentences, vec![0..5, 12..21]);
        assert_eq!(seg.paragraph_at(14), Some(1));
        assert_eq!(seg.paragraph_at(8), None);
        assert_eq!(seg.sentences_of(1), 1..2);
    }

    #[test]
    fn words_in_range() {
        let t = "Wali Kota, Rp 1.250.000 (20%).";
        let seg = Segments::new(t);
        let words: Vec<&str> = seg.words(t, 0..t.len()).map(|r| &t[r]).collect();
        assert_eq!(words, ["Wali", "Kota", "Rp", "1.250.000", "20"]);
        assert_eq!(seg.words(t, 5..99).count(), 0);
    }
}
