//! Figures: percentages, amounts of rupiah, counts with their noun, and ranks.
//!
//! [`FigureScanner`] reads the normalized text of an article once, left to right, and
//! reports every number that means something on its own: "73 persen", "Rp 103 Miliar",
//! "37 provinsi", "ke-5". Numbers that name or date something (years, clock times,
//! article numbers, unit designations, phone numbers, durations) are left alone.
//!
//! ```
//! use warta::figures::FigureScanner;
//! use warta::record::FigureKind;
//!
//! let text = "Anggaran Pilkada sebesar Rp 103 Miliar untuk 37 provinsi, partisipasi 79,5 %.";
//! let folded = text.to_lowercase();
//! let hits = FigureScanner::new().scan(text, &folded, &[]);
//! let found: Vec<(FigureKind, f64, &str)> =
//!     hits.iter().map(|h| (h.kind, h.value, &text[h.range.clone()])).collect();
//! assert_eq!(found, vec![
//!     (FigureKind::Money, 103e9, "Rp 103 Miliar"),
//!     (FigureKind::Count, 37.0, "37 provinsi"),
//!     (FigureKind::Percent, 79.5, "79,5 %"),
//! ]);
//! ```
//!
//! # Grammar
//!
//! The scanner works on the folded text (`text` is used only to see capital letters) and
//! visits each digit run and each word that can start a number once.
//!
//! **Numerals.** Digits in Indonesian format: a dot followed by exactly three digits
//! groups thousands ("1.250.000"), a lone dot followed by another count of digits is a
//! decimal point ("2.5"), a comma is the decimal separator ("79,5"; "1.250,50"), except
//! that two or more ",ddd" groups are English thousands ("1,250,000"). Malformed numerals
//! ("1.2.3", "20.15.30", "1,2,3") and runs of more than 18 digits are skipped whole.
//! Number words: nol, satu … sembilan, sepuluh, sebelas, N belas, N puluh, seratus,
//! N ratus, seribu, sejuta, and the scales ribu, juta, miliar/milyar, triliun combined as
//! written ("dua puluh lima" = 25, "dua ribu lima ratus" = 2500). A phrase stops at the
//! first word that cannot continue it ("dua tiga" reads "dua"). Vague plurals ("ribuan
//! warga", "puluhan", "jutaan") are not numbers.
//!
//! **Not numbers.** A numeral is skipped when it
//! * overlaps an `exclude` range (dates, times, unit designations given by the caller);
//! * is glued to letters ("B1234XY", "5G", "COVID-19"), except "Rp103", "ke-5", "73persen";
//! * touches "/" or ":" ("6/7/2023", "UU 10/2016", "20:15"), or "-" and another digit or
//!   word ("10-15", "2025-2030", "1990-an"): ranges and scores are not reported;
//! * (for counts and ranks) is a year — four digits 1900–2100 without separators —, starts
//!   with a zero ("05", "0908", "0812…"), has more than 7 digits without separators, or
//!   follows a code word: no/nomor, pasal, ayat, RT/RW, UU, perda, tahun, pukul, jam,
//!   tanggal, kelas, halaman, lantai, versi, menit, skor, usia … (also "No. 12"); or follows
//!   a capitalized word that does not open a clause ("Kodim 0908", "Yonif 611", "Liga 1"),
//!   unless a listed noun follows, capitalized too, as in a Title-Case headline ("Polisi
//!   Amankan 14 Orang").
//!
//! **Percent** (unit "%"): a numeral or number-word phrase followed by "%", " %", "persen"
//! or "prosen": "73 persen", "79,5%", "seratus persen". A decimal broken by a space before
//! a percent sign, "41, 27 persen", reads 41.27 (one or two digits after ", ", and not
//! inside a list such as "10, 20, 30 persen").
//!
//! **Money** (unit "IDR", value in rupiah): "Rp"/"IDR" (optionally "." and spaces, or glued)
//! before a numeral, with an optional scale word after it: ribu, juta, miliar/milyar,
//! triliun, and after "Rp" also rb, jt, M, T ("Rp103 M" = 103e9). Without "Rp", a numeral
//! or number phrase is money when "rupiah" follows it ("lima ratus ribu rupiah"), or when
//! it carries a scale word, no counted noun follows, and a money word stands among the
//! four words before it: anggaran, dana, biaya, nilai, senilai, hibah, APBD, harga,
//! kerugian … for any scale; the generic sebesar, sejumlah, total, mencapai only with
//! miliar/triliun ("sebesar 18 miliar"). Foreign currencies (dolar, euro, ringgit …) are
//! not reported.
//!
//! **Count** (unit = the counted noun, lowercase, as written: "kabupaten/kota"): a numeral
//! or number phrase, an optional scale word ("4,2 juta jiwa"), an optional echo in
//! brackets that repeats the value ("dua (2) kali", "2 (dua) orang"; reported once), then
//! one space and the noun (letters, with "/" or "-" compounds). The noun is accepted when
//! it is in the list of countable nouns (provinsi, orang, personel, unit, kali, TPS …), or
//! else when it is lowercase, has three letters or more, is not a stop word (function
//! words, time units such as hari/bulan/tahun — durations belong to the time module —,
//! measures such as meter/kg/hektare, foreign currencies, months, weekdays, number words),
//! and does not look like a verb or clitic form (≥ 6 letters beginning with me-/di-/ber-/
//! ter-, or ending in -nya, -kan (≥ 6 letters), -lah, -kah).
//! Number words are not read when capitalized inside a clause ("Lima" the city; a clause
//! of a Title-Case headline opens after a comma too: "…, Satu Remaja Terluka"), when
//! hyphenated ("satu-satunya", "dua-duanya"), or after "salah" ("salah satu"); "satu"
//! counts only with a noun from the countable list ("satu orang", not "satu sisi").
//!
//! **Rank** (unit none, value the position): "ke-5" (always), "ke 5" (unless a countable
//! noun follows: "ke 10 kabupaten/kota" is a count of 10 after the preposition "ke"), a
//! numeral after a rank noun ("peringkat 5", "juara 1"), and an ordinal word — kedua,
//! ketiga … kesepuluh, "kedua puluh", "pertama" — only right after a rank noun (peringkat,
//! urutan, posisi, ranking, juara): "pertama" and "kedua" are too often an adjective or
//! "both" to be ranks on their own.
//!
//! Hits come in text order and never overlap; the scan resumes after each hit.

pub(crate) mod numeral;
pub(crate) mod words;

use std::ops::Range;

use crate::record::FigureKind;

use numeral::{
    digit_run_end, is_letter, next_candidate, parse_digits, parse_words, word_end, Digits,
};
use words::{
    factor_words, idiom, num_word, opening, role, scale_word, second_words, Lexicon, NumWord,
    Opening,
};

/// A figure found in normalized text.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureHit {
    /// Normalized byte range of the figure (number and its unit or noun).
    pub range: Range<usize>,
    /// What the number is.
    pub kind: FigureKind,
    /// The value ("Rp 103 Miliar" → 103e9).
    pub value: f64,
    /// "%", "IDR", the counted noun, or `None` for ranks.
    pub unit: Option<String>,
}

/// The compiled figure grammar. Build once, use for every document.
#[derive(Clone, Debug)]
pub struct FigureScanner {
    lex: Lexicon,
}

impl Default for FigureScanner {
    fn default() -> FigureScanner {
        FigureScanner::new()
    }
}

impl FigureScanner {
    /// Compiles the grammar (builds the word-role table).
    pub fn new() -> FigureScanner {
        FigureScanner {
            lex: Lexicon::new(),
        }
    }

    /// Finds figures in `text` (cleaned, original case) / `folded` (lowercase twin),
    /// skipping numbers inside `exclude` (normalized ranges of dates, unit
    /// designations such as "Kodim 0908", ...; sorted by start).
    ///
    /// `text` and `folded` must have the same length (byte for byte the same offsets);
    /// when they do not, nothing is found.
    pub fn scan(&self, text: &str, folded: &str, exclude: &[Range<usize>]) -> Vec<FigureHit> {
        if text.len() != folded.len() {
            return Vec::new();
        }
        let mut scan = Scan {
            lex: &self.lex,
            orig: text.as_bytes(),
            b: folded.as_bytes(),
            folded,
            excl: Excl {
                ranges: exclude,
                cur: 0,
            },
            hits: Vec::new(),
            last_end: 0,
        };
        scan.run();
        scan.hits
    }
}

/// The caller's exclusion ranges, queried with increasing positions.
struct Excl<'r> {
    ranges: &'r [Range<usize>],
    cur: usize,
}

impl Excl<'_> {
    /// True when `start..end` overlaps an excluded range (`start` never decreases).
    fn hits(&mut self, start: usize, end: usize) -> bool {
        while self.ranges.get(self.cur).is_some_and(|r| r.end <= start) {
            self.cur += 1;
        }
        let rest = self.ranges.get(self.cur..).unwrap_or(&[]);
        rest.iter()
            .take_while(|r| r.start < end)
            .any(|r| r.end > start)
    }
}

/// What stands left of a digit numeral.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Left {
    /// Nothing special.
    Plain,
    /// "Rp"/"IDR" starting at the offset.
    Money(usize),
    /// "ke-" starting at the offset.
    RankHyphen(usize),
    /// "ke " starting at the offset.
    RankSpace(usize),
    /// Glued to letters or digits, or after "/", ":", "$" …: not a figure.
    Blocked,
}

/// What is glued to the right of a digit numeral.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Right {
    /// Nothing glued.
    Free,
    /// "73persen": the percent word ends at the offset.
    Percent(usize),
    /// "Rp103M": a scale abbreviation ending at the offset.
    Scale(u64, usize),
    /// Glued to letters, "/", ":" or "-": not a figure.
    Blocked,
}

/// A word after a number: `start..end`, its first part ending at `first_end`, with the
/// roles of the whole compound when listed, else of its first part.
#[derive(Clone, Copy, Debug)]
struct Next {
    start: usize,
    end: usize,
    first_end: usize,
    roles: u16,
}

/// One scan over one document.
struct Scan<'a> {
    lex: &'a Lexicon,
    orig: &'a [u8],
    b: &'a [u8],
    folded: &'a str,
    excl: Excl<'a>,
    hits: Vec<FigureHit>,
    last_end: usize,
}

impl Scan<'_> {
    /// Visits each digit run and each word that may start a number, left to right. Where
    /// a step ends (after a word, a numeral or a hit) the scan looks at that byte itself;
    /// past a byte that is neither a digit nor a letter, [`next_candidate`] skips to the
    /// next place with work.
    fn run(&mut self) {
        let mut i = 0;
        while let Some(&c) = self.b.get(i) {
            i = if c.is_ascii_digit() {
                self.at_digit(i)
            } else if is_letter(c) {
                self.at_word(i)
            } else {
                next_candidate(self.b, i + 1)
            };
        }
    }

    /// Records a hit (unless it would overlap the previous one) and returns its end.
    fn push(
        &mut self,
        range: Range<usize>,
        kind: FigureKind,
        value: f64,
        unit: Option<String>,
    ) -> usize {
        let end = range.end;
        if range.start >= self.last_end && value.is_finite() {
            self.last_end = end;
            self.hits.push(FigureHit {
                range,
                kind,
                value,
                unit,
            });
        }
        end
    }

    /// The folded word `start..end` as an owned unit string.
    fn unit(&self, start: usize, end: usize) -> Option<String> {
        self.folded.get(start..end).map(str::to_string)
    }

    // ----- digit numerals -------------------------------------------------------------

    /// Handles the digit run at `i`; returns where to continue.
    fn at_digit(&mut self, i: usize) -> usize {
        let num = match parse_digits(self.b, i) {
            Ok(num) => num,
            Err(end) => return end,
        };
        if self.excl.hits(i, num.end) {
            return num.end;
        }
        let prev = self.prev_word(i);
        let left = self.left(i, prev);
        if left == Left::Blocked {
            return num.end;
        }
        let right = self.right(num.end, matches!(left, Left::Money(_)));
        match (left, right) {
            (_, Right::Blocked) => num.end,
            (Left::Money(start), _) => self.money_rp(start, &num, right),
            (Left::RankHyphen(start), Right::Free) if num.is_integer() => {
                self.ke_hyphen(start, &num)
            }
            (Left::RankHyphen(_), _) => num.end,
            _ => self.after_digits(i, &num, left, right, prev),
        }
    }

    /// A digit numeral without "Rp" or "ke-": percent, count, rank or context money.
    /// `prev` is the word before it ([`Scan::prev_word`]).
    fn after_digits(
        &mut self,
        i: usize,
        num: &Digits,
        left: Left,
        right: Right,
        prev: Option<(usize, usize)>,
    ) -> usize {
        if let Some(end) = self.percent_after(num.end, right) {
            let (start, value) = match self.minus_sign(i) {
                Some(m) => (m, -num.value(1)),
                None => (i, num.value(1)),
            };
            return self.push(start..end, FigureKind::Percent, value, Some("%".into()));
        }
        if let Some((value, end)) = self.broken_percent(i, num) {
            return self.push(i..end, FigureKind::Percent, value, Some("%".into()));
        }
        let code =
            num.is_year() || num.leading_zero(self.b, i) || (num.is_plain() && num.lead_len > 7);
        if right != Right::Free || code {
            return num.end;
        }
        self.plain_number(i, num, left, prev)
    }

    /// A plain numeral: "ke 5", "peringkat 5", "37 provinsi", "4,2 juta jiwa", "18 miliar".
    fn plain_number(
        &mut self,
        i: usize,
        num: &Digits,
        left: Left,
        prev: Option<(usize, usize)>,
    ) -> usize {
        let (scale, scale_end) = self.scale_after(num.end, false);
        let value = num.value(scale);
        let after = self.echo_after(scale_end, value);
        let next = self.next_word(after);
        if let Left::RankSpace(ke) = left {
            return self.ke_number(ke, i, num, scale, next);
        }
        if let Some(n) = next.filter(|n| &self.b[n.start..n.end] == b"rupiah") {
            return self.push(i..n.end, FigureKind::Money, value, Some("IDR".into()));
        }
        if next.is_some_and(|n| n.roles & role::FOREIGN != 0) {
            return scale_end;
        }
        let prev_roles = prev.map_or(0, |(s, e)| self.lex.roles(&self.b[s..e]));
        if prev_roles & role::RANK != 0 && scale == 1 && num.is_integer() {
            return self.push(i..num.end, FigureKind::Rank, value, None);
        }
        // After a capitalized word a number is a designation ("Kodim 0908", "Liga 1"), but
        // for a listed noun capitalized after it: a Title-Case headline ("Polisi Amankan 14
        // Orang").
        let headline_count =
            next.is_some_and(|n| n.roles & role::NOUN != 0 && self.capitalized(n.start));
        if prev_roles & role::CODE != 0
            || (prev.is_some_and(|(s, e)| self.designation(s, e)) && !headline_count)
        {
            return num.end;
        }
        if let Some(n) = next.filter(|n| self.counted(n)) {
            let unit = self.unit(n.start, n.end);
            return self.push(i..n.end, FigureKind::Count, value, unit);
        }
        if scale >= 1_000 && self.money_context(i, scale) {
            return self.push(i..scale_end, FigureKind::Money, value, Some("IDR".into()));
        }
        scale_end
    }

    /// "ke 5": a rank, unless a countable noun follows ("ke 10 kabupaten/kota").
    fn ke_number(
        &mut self,
        ke: usize,
        i: usize,
        num: &Digits,
        scale: u64,
        next: Option<Next>,
    ) -> usize {
        let value = num.value(scale);
        if next.is_some_and(|n| n.roles & role::UNIT != 0) {
            return num.end;
        }
        if let Some(n) = next.filter(|n| n.roles & role::NOUN != 0) {
            let unit = self.unit(n.start, n.end);
            return self.push(i..n.end, FigureKind::Count, value, unit);
        }
        if scale == 1 && num.is_integer() {
            return self.push(ke..num.end, FigureKind::Rank, value, None);
        }
        num.end
    }

    /// "ke-5": a rank; but "ke-24 aplikasi" after a verb or at a clause start is the
    /// collective "all 24 apps", a count.
    fn ke_hyphen(&mut self, ke: usize, num: &Digits) -> usize {
        let value = num.value(1);
        let collective = self.clause_start(ke)
            || self
                .prev_word(ke)
                .is_some_and(|(s, e)| verb_form(&self.b[s..e]));
        if let Some(n) = self
            .next_word(num.end)
            .filter(|n| collective && self.counted(n))
        {
            let unit = self.unit(n.start, n.end);
            return self.push(ke..n.end, FigureKind::Count, value, unit);
        }
        self.push(ke..num.end, FigureKind::Rank, value, None)
    }

    /// "Rp 103 Miliar", "Rp.120 miliar", "Rp103 M", "Rp 1.250.000", "Rp 7,000".
    fn money_rp(&mut self, start: usize, num: &Digits, right: Right) -> usize {
        let (scale, end) = match right {
            Right::Scale(scale, end) => (scale, end),
            Right::Percent(_) => return num.end,
            _ => self.scale_after(num.end, true),
        };
        if self.range_follows(end) {
            return end;
        }
        let value = match num.as_english_thousands() {
            Some(v) if scale == 1 => v,
            _ => num.value(scale),
        };
        self.push(start..end, FigureKind::Money, value, Some("IDR".into()))
    }

    /// True when " - 7" or "- 7" follows: a range ("Rp 5 - 7 jutaan"), not reported.
    fn range_follows(&self, end: usize) -> bool {
        let b = self.b;
        let mut k = end;
        while b.get(k) == Some(&b' ') && k < end + 2 {
            k += 1;
        }
        if b.get(k) != Some(&b'-') {
            return false;
        }
        k += 1;
        if b.get(k) == Some(&b' ') {
            k += 1;
        }
        b.get(k).is_some_and(u8::is_ascii_digit)
    }

    /// Classifies what stands left of the digit run at `i`, whose previous word is `prev`.
    fn left(&self, i: usize, prev: Option<(usize, usize)>) -> Left {
        let b = self.b;
        let Some(&p) = i.checked_sub(1).and_then(|k| b.get(k)) else {
            return Left::Plain;
        };
        let before = i.checked_sub(2).and_then(|k| b.get(k)).copied();
        match p {
            c if is_letter(c) => self.money_sign(i).map_or(Left::Blocked, Left::Money),
            b'.' if before.is_some_and(is_letter) => {
                self.money_sign(i - 1).map_or(Left::Blocked, Left::Money)
            }
            b'-' if before.is_some_and(is_letter) => match self.word_ending_at(i - 1) {
                Some(ws) if &b[ws..i - 1] == b"ke" && !self.after_bracket(ws) => {
                    Left::RankHyphen(ws)
                }
                _ => Left::Blocked,
            },
            b'-' | b',' | b'.' if before.is_some_and(|c| c.is_ascii_digit()) => Left::Blocked,
            b'.' => Left::Blocked,
            b' ' => self.left_of_space(i, prev),
            b'/' | b':' | b'#' | b'+' | b'$' | b'@' | b'&' | b'_' | b'=' | b'^' | b'\\' => {
                Left::Blocked
            }
            _ => Left::Plain,
        }
    }

    /// Left context across spaces: "Rp 5", "Rp. 35", "ke 5", "No. 12"; `prev` is the word
    /// before the spaces ([`Scan::prev_word`] of `i`).
    fn left_of_space(&self, i: usize, prev: Option<(usize, usize)>) -> Left {
        let b = self.b;
        let k = skip_spaces_back(b, i);
        match k.checked_sub(1).and_then(|j| b.get(j)) {
            Some(&c) if is_letter(c) => match prev.map(|(ws, we)| (ws, &b[ws..we])) {
                Some((ws, b"rp" | b"idr")) => Left::Money(ws),
                Some((ws, b"ke")) if self.after_bracket(ws) => Left::Blocked,
                Some((ws, b"ke")) => Left::RankSpace(ws),
                _ => Left::Plain,
            },
            Some(b'.') => {
                if let Some(ws) = self.money_sign(k - 1) {
                    return Left::Money(ws);
                }
                match self.word_ending_at(k - 1) {
                    Some(ws) if self.lex.is(&b[ws..k - 1], role::CODE) => Left::Blocked,
                    _ => Left::Plain,
                }
            }
            Some(b'$' | b'/' | b':' | b'#') => Left::Blocked,
            _ => Left::Plain,
        }
    }

    /// True after a closing bracket: "Pasal 55 ayat (1) ke-1" numbers a legal item.
    fn after_bracket(&self, pos: usize) -> bool {
        let k = skip_spaces_back(self.b, pos);
        k > 0 && self.b[k - 1] == b')'
    }

    /// Start of "rp"/"idr" when that whole word ends at `end`.
    fn money_sign(&self, end: usize) -> Option<usize> {
        let ws = self.word_ending_at(end)?;
        matches!(&self.b[ws..end], b"rp" | b"idr").then_some(ws)
    }

    /// Start of the letter word ending at `end`, when it is a whole word (not glued to a
    /// digit on its left).
    fn word_ending_at(&self, end: usize) -> Option<usize> {
        let mut ws = end;
        while ws > 0 && is_letter(self.b[ws - 1]) {
            ws -= 1;
        }
        let glued = ws > 0 && self.b[ws - 1].is_ascii_digit();
        (ws < end && !glued).then_some(ws)
    }

    /// Classifies what is glued right of a digit numeral ending at `end`.
    fn right(&self, end: usize, money: bool) -> Right {
        let b = self.b;
        let next = b.get(end + 1).copied();
        match b.get(end).copied() {
            Some(c) if is_letter(c) => {
                let we = word_end(b, end);
                let w = &b[end..we];
                if b.get(we).is_some_and(u8::is_ascii_digit) {
                    Right::Blocked
                } else if w == b"persen" && !money {
                    Right::Percent(we)
                } else if let Some(s) = scale_word(w, money).filter(|_| money) {
                    Right::Scale(s, we)
                } else {
                    Right::Blocked
                }
            }
            Some(b'/') => Right::Blocked,
            Some(b':') if next.is_some_and(|c| c.is_ascii_digit()) => Right::Blocked,
            Some(b'-') if next.is_some_and(|c| c.is_ascii_alphanumeric()) => Right::Blocked,
            _ => Right::Free,
        }
    }

    /// End of a percent sign or word right after a number ending at `end`.
    fn percent_after(&self, end: usize, right: Right) -> Option<usize> {
        let b = self.b;
        if let Right::Percent(e) = right {
            return Some(e);
        }
        match (b.get(end), b.get(end + 1)) {
            (Some(b'%'), _) => Some(end + 1),
            (Some(b' '), Some(b'%')) => Some(end + 2),
            (Some(b' '), Some(&c)) if is_letter(c) => {
                let we = word_end(b, end + 1);
                let w = &b[end + 1..we];
                (w == b"persen" || w == b"prosen").then_some(we)
            }
            _ => None,
        }
    }

    /// The offset of a minus sign glued before `i` ("tumbuh -1,8 persen").
    fn minus_sign(&self, i: usize) -> Option<usize> {
        let m = i.checked_sub(1)?;
        let free = m == 0 || matches!(self.b[m - 1], b' ' | b'(' | b'\n');
        (self.b[m] == b'-' && free).then_some(m)
    }

    /// "41, 27 persen": a decimal comma followed by a space, read as 41.27.
    fn broken_percent(&mut self, i: usize, num: &Digits) -> Option<(f64, usize)> {
        let b = self.b;
        let in_list = i >= 3 && &b[i - 2..i] == b", " && b[i - 3].is_ascii_digit();
        if !num.is_plain()
            || num.lead_len > 3
            || in_list
            || b.get(num.end..num.end + 2) != Some(b", ")
        {
            return None;
        }
        let fs = num.end + 2;
        let fe = digit_run_end(b, fs);
        let frac_len = fe - fs;
        if !(1..=2).contains(&frac_len) || matches!(b.get(fe), Some(b'.' | b',' | b'-' | b'/')) {
            return None;
        }
        let end = self.percent_after(fe, Right::Free)?;
        if self.excl.hits(i, end) {
            return None;
        }
        let frac = parse_digits(b, fs).ok()?;
        let scale = 10f64.powi(frac_len as i32);
        Some((
            (num.mantissa as f64 * scale + frac.mantissa as f64) / scale,
            end,
        ))
    }

    /// A scale word after one space ("juta", and after "Rp" also "M"): (scale, end).
    fn scale_after(&self, end: usize, money: bool) -> (u64, usize) {
        let b = self.b;
        if b.get(end) != Some(&b' ') || !b.get(end + 1).copied().is_some_and(is_letter) {
            return (1, end);
        }
        let we = word_end(b, end + 1);
        let glued = b.get(we).is_some_and(|c| c.is_ascii_digit() || *c == b'-');
        match scale_word(&b[end + 1..we], money) {
            Some(s) if !glued => (s, we),
            _ => (1, end),
        }
    }

    // ----- number words --------------------------------------------------------------

    /// Handles the word at `i`; returns where to continue.
    fn at_word(&mut self, i: usize) -> usize {
        let b = self.b;
        let we = word_end(b, i);
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        match opening(&b[i..we]) {
            Some(Opening::Cardinal(nw)) if boundary => self.cardinal(i, we, nw),
            Some(Opening::Ordinal(nw)) if boundary => self.ordinal(i, we, nw),
            _ => we,
        }
    }

    /// "sembilan kabupaten/kota", "seratus persen", "dua (2) kali", "lima ratus ribu rupiah".
    fn cardinal(&mut self, i: usize, we: usize, nw: NumWord) -> usize {
        let b = self.b;
        let hyphen = (i > 0 && b[i - 1] == b'-') || b.get(we) == Some(&b'-');
        let prev = self.prev_word(i).map(|(s, e)| &b[s..e]);
        let code = prev.is_some_and(|w| w == b"salah" || self.lex.is(w, role::CODE));
        let inside = !self.clause_start(i) && !self.title_case_clause(i, we);
        if hyphen || code || (self.capitalized(i) && inside) {
            return we;
        }
        let Some(words) = parse_words(b, nw, we) else {
            return we;
        };
        if self.excl.hits(i, words.end) {
            return words.end;
        }
        let value = words.value as f64;
        if let Some(end) = self.percent_after(words.end, Right::Free) {
            return self.push(i..end, FigureKind::Percent, value, Some("%".into()));
        }
        let after = self.echo_after(words.end, value);
        if let Some(n) = self.next_word(after) {
            if &b[n.start..n.end] == b"rupiah" {
                return self.push(i..n.end, FigureKind::Money, value, Some("IDR".into()));
            }
            if n.roles & role::FOREIGN != 0 {
                return words.end;
            }
            let only_satu = words.value == 1 && words.end == we;
            let idiom = idiom(&b[i..we], &b[n.start..n.first_end]);
            if !idiom && self.count_noun(&n, only_satu) && !self.factor(&n) {
                let unit = self.unit(n.start, n.end);
                return self.push(i..n.end, FigureKind::Count, value, unit);
            }
        }
        if words.scale >= 1_000_000 && self.money_context(i, words.scale) {
            return self.push(i..words.end, FigureKind::Money, value, Some("IDR".into()));
        }
        words.end
    }

    /// "peringkat kelima", "juara pertama", "urutan kedua puluh"; and at a clause start,
    /// before a counted noun, the collective "ke-" form: "Kelima korban tewas tersebut"
    /// (the five dead), "Kedua pelaku diamankan" (both), a count as "ke-24 aplikasi" is.
    fn ordinal(&mut self, i: usize, we: usize, nw: NumWord) -> usize {
        let rank = self
            .prev_word(i)
            .is_some_and(|(s, e)| self.lex.is(&self.b[s..e], role::RANK));
        if self.b.get(we) == Some(&b'-') {
            return we;
        }
        let collective = !rank && self.b[i..].starts_with(b"ke") && self.clause_start(i);
        if !rank && !collective {
            return we;
        }
        let Some(words) = parse_words(self.b, nw, we) else {
            return we;
        };
        if self.excl.hits(i, words.end) {
            return words.end;
        }
        if collective {
            return match self.next_word(words.end).filter(|n| self.counted(n)) {
                Some(n) => {
                    let unit = self.unit(n.start, n.end);
                    self.push(i..n.end, FigureKind::Count, words.value as f64, unit)
                }
                None => words.end,
            };
        }
        self.push(i..words.end, FigureKind::Rank, words.value as f64, None)
    }

    // ----- context ---------------------------------------------------------------------

    /// The word after `end` across one space, with "/" and "-" compounds.
    fn next_word(&self, end: usize) -> Option<Next> {
        let b = self.b;
        if b.get(end) != Some(&b' ') || !b.get(end + 1).copied().is_some_and(is_letter) {
            return None;
        }
        let start = end + 1;
        let first_end = word_end(b, start);
        let mut we = first_end;
        while matches!(b.get(we), Some(b'/' | b'-'))
            && b.get(we + 1).copied().is_some_and(is_letter)
        {
            we = word_end(b, we + 1);
        }
        if b.get(we).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let seconds = second_words(&b[start..we]);
        if !seconds.is_empty() && b.get(we) == Some(&b' ') {
            let we2 = word_end(b, we + 1);
            if seconds.contains(&&b[we + 1..we2]) {
                we = we2;
            }
        }
        // Roles of the whole compound when listed, else of its first part.
        let roles = match self.lex.roles(&b[start..we]) {
            0 => self.lex.roles(&b[start..first_end]),
            r => r,
        };
        Some(Next {
            start,
            end: we,
            first_end,
            roles,
        })
    }

    /// The letter word before `pos` across spaces (None across punctuation or digits).
    fn prev_word(&self, pos: usize) -> Option<(usize, usize)> {
        let we = skip_spaces_back(self.b, pos);
        if we == pos {
            return None;
        }
        self.word_ending_at(we).map(|ws| (ws, we))
    }

    /// True when `n` can be the counted noun; `listed_only` for "satu".
    fn count_noun(&self, n: &Next, listed_only: bool) -> bool {
        let roles = n.roles;
        if roles & role::NOUN != 0 {
            return true;
        }
        let open = roles & role::STOP == 0 && !listed_only && !self.capitalized(n.start);
        open && open_noun(&self.b[n.start..n.first_end])
    }

    /// True when `n` is the counted noun and no factor word follows it.
    fn counted(&self, n: &Next) -> bool {
        self.count_noun(n, false) && !self.factor(n)
    }

    /// "12 kali lipat", "empat kali lebih tinggi": a factor, not a count.
    fn factor(&self, n: &Next) -> bool {
        let b = self.b;
        let words = factor_words(&b[n.start..n.end]);
        !words.is_empty()
            && self
                .next_word(n.end)
                .is_some_and(|m| words.contains(&&b[m.start..m.first_end]))
    }

    /// "2 (dua) orang", "dua (2) kali": skips a bracketed echo of `value` after `end`.
    fn echo_after(&self, end: usize, value: f64) -> usize {
        let b = self.b;
        let open = match (b.get(end), b.get(end + 1)) {
            (Some(b'('), _) => end + 1,
            (Some(b' '), Some(b'(')) => end + 2,
            _ => return end,
        };
        let echo = match b.get(open) {
            Some(c) if c.is_ascii_digit() => {
                parse_digits(b, open).ok().map(|d| (d.value(1), d.end))
            }
            Some(&c) if is_letter(c) => {
                let we = word_end(b, open);
                num_word(&b[open..we])
                    .and_then(|w| parse_words(b, w, we))
                    .map(|w| (w.value as f64, w.end))
            }
            _ => None,
        };
        match echo {
            Some((v, e)) if v == value && b.get(e) == Some(&b')') => e + 1,
            _ => end,
        }
    }

    /// True when a money word stands among the four words before `pos`.
    fn money_context(&self, pos: usize, scale: u64) -> bool {
        let b = self.b;
        let mut at = pos;
        for _ in 0..4 {
            let k = skip_spaces_back(b, at);
            if k == at || k == 0 {
                return false;
            }
            let mut ws = k;
            while ws > 0 && b[ws - 1].is_ascii_alphanumeric() {
                ws -= 1;
            }
            let roles = self.lex.roles(&b[ws..k]);
            if roles & role::MONEY != 0 || (roles & role::MONEY_WEAK != 0 && scale >= 1_000_000_000)
            {
                return true;
            }
            if ws == k {
                return false;
            }
            at = ws;
        }
        false
    }

    /// True when the original text has a capital letter at `i`.
    fn capitalized(&self, i: usize) -> bool {
        self.orig.get(i).is_some_and(u8::is_ascii_uppercase)
    }

    /// True when the word `s..e` has a capital and does not open a clause ("Kodim 0908").
    fn designation(&self, s: usize, e: usize) -> bool {
        let caps = self
            .orig
            .get(s..e)
            .is_some_and(|w| w.iter().any(u8::is_ascii_uppercase));
        caps && !self.clause_start(s)
    }

    /// True when `i` opens a sentence, a quote, a bracket or a line. A dot after a short
    /// capitalized abbreviation ("Dr.", "Jl.", "H.") does not end a sentence.
    fn clause_start(&self, i: usize) -> bool {
        let k = skip_spaces_back(self.b, i);
        match k.checked_sub(1).map(|j| self.b[j]) {
            None => true,
            // Paragraphs joined by a comma after their final mark ("… 5 orang.,Kelima …").
            Some(b',') => k >= 2 && matches!(self.b[k - 2], b'.' | b'!' | b'?' | b'"'),
            Some(b'.') => !self.abbreviation(k - 1),
            Some(c) => matches!(
                c,
                b'!' | b'?' | b'"' | b'\'' | b'(' | b'\n' | b':' | b';' | b'-'
            ),
        }
    }

    /// True when the capitalized word at `i` (ending at `we`) opens a clause of a
    /// Title-Case line after a comma, as headlines write them ("Tawuran Pecah, Satu Remaja
    /// Terluka"): the word after it is capitalized too.
    fn title_case_clause(&self, i: usize, we: usize) -> bool {
        let k = skip_spaces_back(self.b, i);
        let mut next = we;
        while self.b.get(next) == Some(&b' ') {
            next += 1;
        }
        k > 0 && self.b[k - 1] == b',' && next > we && self.capitalized(next)
    }

    /// True when the dot at `dot` closes a capitalized word of one to three letters.
    fn abbreviation(&self, dot: usize) -> bool {
        self.word_ending_at(dot)
            .is_some_and(|ws| dot - ws <= 3 && self.capitalized(ws))
    }
}

/// Position before the run of spaces that ends at `pos`.
fn skip_spaces_back(b: &[u8], mut pos: usize) -> usize {
    while pos > 0 && b[pos - 1] == b' ' {
        pos -= 1;
    }
    pos
}

/// True when an unlisted word may be a counted noun: not a verb or clitic form.
fn open_noun(w: &[u8]) -> bool {
    let clitic = ["nya", "lah", "kah"]
        .iter()
        .any(|s| w.ends_with(s.as_bytes()));
    w.len() >= 3 && !verb_form(w) && !clitic
}

/// A word of six letters or more that begins with me-, di-, ber-, ter- or ends in -kan.
fn verb_form(w: &[u8]) -> bool {
    let prefix = ["me", "di", "ber", "ter"]
        .iter()
        .any(|p| w.starts_with(p.as_bytes()));
    w.len() >= 6 && (prefix || w.ends_with(b"kan"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(FigureKind, f64, String)> {
        let folded = text.to_lowercase();
        FigureScanner::new()
            .scan(text, &folded, &[])
            .into_iter()
            .map(|h| (h.kind, h.value, text[h.range].to_string()))
            .collect()
    }

    #[test]
    fn seed_like_sentence() {
        let got = scan("Digelar di 37 provinsi, 415 kabupaten dan 93 kota se Indonesia.");
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (FigureKind::Count, 415.0, "415 kabupaten".into()));
    }

    #[test]
    fn mismatched_folded_finds_nothing() {
        assert!(FigureScanner::new().scan("73 persen", "73", &[]).is_empty());
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in [
            "",
            "1",
            "Rp",
            "Rp.",
            "ke-",
            "ke 1",
            "41, 2",
            "dua",
            "9".repeat(40).as_str(),
            "é5%",
            "5 (",
            "Rp 5 (",
            "(2)",
        ] {
            let _ = scan(t);
        }
    }
}
