//! Numerals: digit strings in Indonesian format ("1.250.000,50", "79,5", "2.5") and
//! cardinal number-word phrases ("dua puluh lima", "seratus ribu").
//!
//! Both parsers work on the folded (lowercase) bytes and return the end of what they
//! read, so the scanner never reads a numeral twice. [`next_candidate`] finds where they
//! are needed (digits, and words that may be number words) eight bytes at a time.

use super::words::{maybe_number_word, num_word, opening, starts_number, NumWord};
use crate::bytes::{chunk, digits, letters, HIGH};

/// At most this many digits in one numeral; longer runs are ids, not figures.
const MAX_DIGITS: usize = 18;

/// A digit numeral.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Digits {
    /// End of the numeral (exclusive).
    pub end: usize,
    /// All digits read as one integer ("79,5" → 795).
    pub mantissa: u64,
    /// Digits after the decimal separator ("79,5" → 1).
    pub decimals: u32,
    /// Number of digits in the first run ("1.250" → 1).
    pub lead_len: usize,
    /// True when thousands separators were read ("1.250").
    pub grouped: bool,
    /// True when the decimal separator was a comma ("79,5").
    pub comma: bool,
}

impl Digits {
    /// The value times `scale` ("4,2" × 1e6 → 4 200 000).
    pub(crate) fn value(&self, scale: u64) -> f64 {
        let n = u128::from(self.mantissa) * u128::from(scale);
        n as f64 / 10f64.powi(self.decimals as i32)
    }

    /// True for a plain integer: no separators, no decimals.
    pub(crate) fn is_plain(&self) -> bool {
        !self.grouped && self.decimals == 0
    }

    /// True for "05", "0908", "0812…": a code, not a quantity.
    pub(crate) fn leading_zero(&self, b: &[u8], start: usize) -> bool {
        self.lead_len > 1 && b.get(start) == Some(&b'0') && self.decimals == 0 && !self.grouped
    }

    /// True for a four-digit year 1900–2100 written without separators.
    pub(crate) fn is_year(&self) -> bool {
        self.is_plain() && self.lead_len == 4 && (1900..=2100).contains(&self.mantissa)
    }

    /// "7,000" read as English thousands (7000): a lone comma before exactly three digits.
    pub(crate) fn as_english_thousands(&self) -> Option<f64> {
        (self.comma && !self.grouped && self.decimals == 3).then_some(self.mantissa as f64)
    }

    /// True for an integer (the value of a rank).
    pub(crate) fn is_integer(&self) -> bool {
        self.decimals == 0
    }
}

/// End of the run of ASCII digits starting at `i`.
pub(crate) fn digit_run_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// True when `b[i]` is `sep` and a digit follows.
fn sep_digit(b: &[u8], i: usize, sep: u8) -> bool {
    b.get(i) == Some(&sep) && b.get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// Skips a malformed numeral (digits with dots and commas between them).
fn skip_numeral(b: &[u8], mut i: usize) -> usize {
    loop {
        i = digit_run_end(b, i);
        if sep_digit(b, i, b'.') || sep_digit(b, i, b',') {
            i += 1;
        } else {
            return i;
        }
    }
}

/// Accumulates digits into a mantissa, refusing more than [`MAX_DIGITS`].
struct Acc {
    mantissa: u64,
    count: usize,
}

impl Acc {
    fn push(&mut self, digits: &[u8]) -> bool {
        for d in digits {
            if self.count == MAX_DIGITS {
                return false;
            }
            self.mantissa = self.mantissa * 10 + u64::from(d - b'0');
            self.count += 1;
        }
        true
    }
}

/// Parses a digit numeral starting at `start` (a digit). `Err(end)` is a malformed or
/// overlong numeral ("1.2.3", "20.15.30", "1,2,3", a 20-digit id) to skip up to `end`.
///
/// Dots: a dot followed by exactly three digits groups thousands ("1.250.000"); a single
/// dot followed by another count of digits is a decimal point ("2.5"). Commas: a decimal
/// comma ("79,5"), or English thousands when two or more `,ddd` groups follow ("1,250,000").
pub(crate) fn parse_digits(b: &[u8], start: usize) -> Result<Digits, usize> {
    let mut acc = Acc {
        mantissa: 0,
        count: 0,
    };
    let lead_end = digit_run_end(b, start);
    let bad = |b: &[u8]| Err(skip_numeral(b, start));
    if !acc.push(&b[start..lead_end]) {
        return bad(b);
    }
    let mut d = Digits {
        end: lead_end,
        mantissa: 0,
        decimals: 0,
        lead_len: lead_end - start,
        grouped: false,
        comma: false,
    };
    let ok = dot_groups(b, &mut d, &mut acc) && comma_part(b, &mut d, &mut acc);
    if !ok || sep_digit(b, d.end, b'.') || sep_digit(b, d.end, b',') {
        return bad(b);
    }
    d.mantissa = acc.mantissa;
    Ok(d)
}

/// Reads ".ddd" thousands groups or one decimal dot; false when malformed.
fn dot_groups(b: &[u8], d: &mut Digits, acc: &mut Acc) -> bool {
    while sep_digit(b, d.end, b'.') {
        let run_end = digit_run_end(b, d.end + 1);
        let run = &b[d.end + 1..run_end];
        if run.len() == 3 && d.lead_len <= 3 {
            d.grouped = true;
        } else if d.grouped || run.len() == 3 {
            return false;
        } else {
            d.decimals = run.len() as u32;
            d.end = run_end;
            return acc.push(run) && !sep_digit(b, run_end, b',');
        }
        if !acc.push(run) {
            return false;
        }
        d.end = run_end;
    }
    true
}

/// Reads a decimal comma part or English ",ddd,ddd" groups; false when malformed.
fn comma_part(b: &[u8], d: &mut Digits, acc: &mut Acc) -> bool {
    if !sep_digit(b, d.end, b',') || d.decimals > 0 {
        return true;
    }
    let groups = english_groups(b, d.end);
    if !d.grouped && groups >= 2 && d.lead_len <= 3 {
        // Exactly the groups counted: a shorter group after them ("248,610,000,00") is
        // no group (and leaves the numeral malformed, below).
        for _ in 0..groups {
            let run_end = d.end + 4;
            if !acc.push(&b[d.end + 1..run_end]) {
                return false;
            }
            d.end = run_end;
        }
        d.grouped = true;
        return true;
    }
    let run_end = digit_run_end(b, d.end + 1);
    d.decimals = (run_end - d.end - 1) as u32;
    d.comma = true;
    let ok = acc.push(&b[d.end + 1..run_end]);
    d.end = run_end;
    ok
}

/// Counts consecutive ",ddd" groups (exactly three digits each) from `i`.
fn english_groups(b: &[u8], mut i: usize) -> usize {
    let mut n = 0;
    while sep_digit(b, i, b',') && digit_run_end(b, i + 1) == i + 4 {
        n += 1;
        i += 4;
    }
    n
}

/// A number-word phrase.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Words {
    /// End of the phrase (exclusive).
    pub end: usize,
    /// Its value.
    pub value: u64,
    /// Largest scale word in it (1 when none): "lima miliar" → 1e9.
    pub scale: u64,
}

/// Where the phrase parser stands.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// Nothing read in this group.
    Start,
    /// Read a unit (1–9) that may still take belas/puluh/ratus.
    Unit,
    /// Read "N puluh": a unit may follow.
    Tens,
    /// Read a complete 10–19: only a scale may follow.
    Teen,
    /// Read "N ratus"/"seratus": tens or a unit may follow.
    Hundred,
    /// Read "nol": nothing may follow.
    Zero,
}

/// The number-word state machine.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    total: u64,
    group: u64,
    phase: Phase,
    /// Phase before the last unit (decides whether belas/puluh/ratus may follow).
    before_unit: Phase,
    unit: u64,
    /// Scale of the last scale word (u64::MAX when none yet).
    last_scale: u64,
    max_scale: u64,
}

impl Phrase {
    fn new() -> Phrase {
        Phrase {
            total: 0,
            group: 0,
            phase: Phase::Start,
            before_unit: Phase::Start,
            unit: 0,
            last_scale: u64::MAX,
            max_scale: 1,
        }
    }

    /// True when a new group may start (nothing read, or just after a scale word).
    fn fresh(&self) -> bool {
        self.phase == Phase::Start
    }

    /// Feeds one word; false when it cannot continue the phrase.
    fn feed(&mut self, w: NumWord) -> bool {
        use NumWord::*;
        let p = self.phase;
        match w {
            Unit(0) if self.fresh() && self.total == 0 => self.phase = Phase::Zero,
            Unit(0) => return false,
            Unit(u) if matches!(p, Phase::Start | Phase::Tens | Phase::Hundred) => {
                self.group += u;
                self.unit = u;
                self.before_unit = p;
                self.phase = Phase::Unit;
            }
            Belas | Puluh | Ratus => return self.multiply(w),
            Sepuluh | Sebelas if matches!(p, Phase::Start | Phase::Hundred) => {
                self.group += if w == Sepuluh { 10 } else { 11 };
                self.phase = Phase::Teen;
            }
            Seratus if self.fresh() => {
                self.group += 100;
                self.phase = Phase::Hundred;
            }
            Seribu | Sejuta if self.fresh() => {
                let m = if w == Seribu { 1_000 } else { 1_000_000 };
                return self.scale_by(1, m);
            }
            Scale(m) if self.group > 0 && p != Phase::Start => {
                let g = self.group;
                return self.scale_by(g, m);
            }
            _ => return false,
        }
        true
    }

    /// belas / puluh / ratus after a unit.
    fn multiply(&mut self, w: NumWord) -> bool {
        let u = self.unit;
        let ok = self.phase == Phase::Unit && u >= 1;
        match w {
            NumWord::Belas if ok && self.before_unit != Phase::Tens => {
                self.group += 10;
                self.phase = Phase::Teen;
            }
            NumWord::Puluh if ok && self.before_unit != Phase::Tens => {
                self.group += u * 9;
                self.phase = Phase::Tens;
            }
            NumWord::Ratus if ok && self.before_unit == Phase::Start => {
                self.group += u * 99;
                self.phase = Phase::Hundred;
            }
            _ => return false,
        }
        true
    }

    /// Closes a group of value `g` with scale `m` (must be below the previous scale).
    fn scale_by(&mut self, g: u64, m: u64) -> bool {
        if m >= self.last_scale {
            return false;
        }
        self.total += g * m;
        self.group = 0;
        self.last_scale = m;
        self.max_scale = self.max_scale.max(m);
        self.phase = Phase::Start;
        true
    }

    fn value(&self) -> u64 {
        self.total + self.group
    }
}

/// True for a byte that can be part of a word (ASCII letter or any non-ASCII byte).
pub(crate) fn is_letter(c: u8) -> bool {
    c.is_ascii_alphabetic() || c >= 0x80
}

/// End of the word of letters starting at `i`.
///
/// Reads eight bytes at a time ([`letters`]); most words end within the first eight.
pub(crate) fn word_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let stops = !letters(chunk(b, i)) & HIGH;
        if stops != 0 {
            return (i + (stops.trailing_zeros() / 8) as usize).min(b.len());
        }
        i += 8;
    }
    b.len()
}

/// The next position at or after `i` where the figure scanner has work: a digit, or the
/// start of a word (a letter after a non-letter) with an [`opening`] (a number word or an
/// ordinal); `b.len()` when there is none.
///
/// Every other byte needs nothing: the scanner would step over it, or read its word and
/// skip it whole.
pub(crate) fn next_candidate(b: &[u8], mut i: usize) -> usize {
    loop {
        let k = next_digit_or_prefix(b, i);
        match b.get(k) {
            Some(c) if !c.is_ascii_digit() && !opens_at(b, k) => i = k + 1,
            _ => return k,
        }
    }
}

/// The next digit at or after `i`, or the next word start whose first three letters pass
/// [`maybe_number_word`]; `b.len()` when there is none. Eight bytes are classified at a
/// time ([`letters`], [`digits`]), with no call in the loop.
fn next_digit_or_prefix(b: &[u8], mut i: usize) -> usize {
    // The high bit of byte 0 when the byte before the chunk is a letter.
    let mut letter_before = match i.checked_sub(1).and_then(|k| b.get(k)) {
        Some(&c) if is_letter(c) => 0x80,
        _ => 0,
    };
    // Whole chunks, four at a time, each read with the next one (for the letters after a
    // word start).
    while i + 40 <= b.len() {
        let Ok(c) = <&[u8; 40]>::try_from(&b[i..i + 40]) else {
            break;
        };
        if let Some(k) = first_candidate(c, &[0, 8, 16, 24], &mut letter_before) {
            return i + k;
        }
        i += 32;
    }
    // The last chunks, padded with zero bytes (neither letters nor digits).
    let rest = b.get(i..).unwrap_or_default();
    let mut padded = [0u8; 56];
    if let Some(head) = padded.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    match first_candidate(&padded, &[0, 8, 16, 24, 32], &mut letter_before) {
        Some(k) => i + k,
        None => b.len(),
    }
}

/// The offset in `buf` of the first [`candidates`] hit in the 16-byte windows that start
/// at `offsets` (eight bytes apart), carrying whether a letter ends each window.
#[inline(always)]
fn first_candidate(buf: &[u8], offsets: &[usize], letter_before: &mut u64) -> Option<usize> {
    for &k in offsets {
        let c = buf.get(k..).and_then(<[u8]>::first_chunk::<16>)?;
        let (found, letters) = candidates(c, *letter_before);
        if found != 0 {
            return Some(k + (found.trailing_zeros() / 8) as usize);
        }
        *letter_before = letters >> 56;
    }
    None
}

/// The candidates in the first eight bytes of `c` (`letter_before` has the high bit of
/// byte 0 set when the byte before is a letter): the lowest digit or word start whose
/// prefix passes [`maybe_number_word`] (its high bit), and the chunk's [`letters`].
#[inline(always)]
fn candidates(c: &[u8; 16], letter_before: u64) -> (u64, u64) {
    let x = u128::from_le_bytes(*c) as u64;
    let letters = letters(x);
    let starts = letters & !((letters << 8) | letter_before);
    let digits = digits(x);
    if starts | digits == 0 {
        return (0, letters);
    }
    // Only the word starts before the first digit matter.
    let mut starts = if digits == 0 {
        starts
    } else {
        starts & digits.wrapping_sub(1) & !digits
    };
    while starts != 0 {
        let lane = (starts.trailing_zeros() / 8) as usize & 7;
        if maybe_number_word(c[lane], c[lane + 1], c[lane + 2]) {
            return (0x80 << (8 * lane), letters);
        }
        starts &= starts - 1;
    }
    (digits, letters)
}

/// True when the word starting at `k` has an [`opening`].
fn opens_at(b: &[u8], k: usize) -> bool {
    opening(b.get(k..word_end(b, k)).unwrap_or_default()).is_some()
}

/// Parses a number-word phrase whose first word (`first`, a phrase opener) ends at
/// `first_end`; reads further words separated by single spaces while they continue it.
pub(crate) fn parse_words(b: &[u8], first: NumWord, first_end: usize) -> Option<Words> {
    if !starts_number(first) {
        return None;
    }
    let mut p = Phrase::new();
    if !p.feed(first) {
        return None;
    }
    let mut end = first_end;
    while b.get(end) == Some(&b' ') {
        let we = word_end(b, end + 1);
        if we == end + 1 || b.get(we) == Some(&b'-') {
            break;
        }
        let mut next = p;
        match num_word(&b[end + 1..we]) {
            Some(w) if next.feed(w) => {
                p = next;
                end = we;
            }
            _ => break,
        }
    }
    Some(Words {
        end,
        value: p.value(),
        scale: p.max_scale,
    })
}

/// The value of a whole folded number-word phrase ("dua puluh lima" → 25), or `None`
/// when `s` is not exactly one such phrase. Shared with the time grammar, so that number
/// words are known in one place.
pub(crate) fn phrase_value(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    let first_end = word_end(b, 0);
    let first = super::words::num_word(&b[..first_end])?;
    let w = parse_words(b, first, first_end)?;
    (w.end == b.len()).then_some(w.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Option<f64> {
        parse_digits(s.as_bytes(), 0).ok().map(|d| d.value(1))
    }

    fn words(s: &str) -> Option<(u64, usize)> {
        let b = s.as_bytes();
        let fe = word_end(b, 0);
        let first = num_word(&b[..fe])?;
        parse_words(b, first, fe).map(|w| (w.value, w.end))
    }

    #[test]
    fn indonesian_digits() {
        assert_eq!(digits("1.250.000"), Some(1_250_000.0));
        assert_eq!(digits("79,5"), Some(79.5));
        assert_eq!(digits("64,18"), Some(64.18));
        assert_eq!(digits("1.250.000,50"), Some(1_250_000.5));
        assert_eq!(digits("2.5"), Some(2.5));
        assert_eq!(digits("1,250,000"), Some(1_250_000.0));
        assert_eq!(digits("1,250"), Some(1.25));
        assert_eq!(digits("20.15"), Some(20.15));
        assert_eq!(digits("415 kabupaten"), Some(415.0));
        assert_eq!(digits("5. Lalu"), Some(5.0));
    }

    #[test]
    fn malformed_digits_are_skipped_whole() {
        assert_eq!(parse_digits(b"1.2.3 x", 0), Err(5));
        assert_eq!(parse_digits(b"20.15.30", 0), Err(8));
        assert_eq!(parse_digits(b"1,2,3", 0), Err(5));
        assert_eq!(parse_digits(b"1234.567", 0), Err(8));
        assert!(parse_digits(b"12345678901234567890", 0).is_err());
        // English groups, then a shorter group: malformed, skipped whole (this read
        // past the groups and underflowed on the space once).
        assert_eq!(parse_digits(b"248,610,000,00 dan", 0), Err(14));
        assert_eq!(parse_digits(b"1,250,000,5", 0), Err(11));
    }

    #[test]
    fn word_end_agrees_with_is_letter() {
        assert_eq!(word_end(b"kabupaten", 0), 9);
        assert_eq!(word_end(b"kabupaten/kota", 0), 9);
        assert_eq!(word_end(b"ab9", 0), 2);
        assert_eq!(word_end(b"x 1", 2), 2);
        assert_eq!(word_end("peringkatnya@".as_bytes(), 0), 12);
        assert_eq!(word_end("ñandú es".as_bytes(), 0), 7);
        for c in 0..=255u8 {
            for at in 0..9 {
                let mut w = [b'a'; 9];
                w[at] = c;
                let expect = if is_letter(c) { 9 } else { at };
                assert_eq!(word_end(&w, 0), expect, "byte {c:#x} at {at}");
            }
        }
    }

    #[test]
    fn next_candidate_finds_digits_and_number_word_starts() {
        let b = b"ada dua (2) kapal di tempat, terdiri 10 unit; sebelas ke-3 keduanya";
        let mut found = Vec::new();
        let mut i = 0;
        while i < b.len() {
            i = next_candidate(b, i);
            if i < b.len() {
                found.push(i);
                i = word_end(b, i).max(digit_run_end(b, i));
            }
        }
        // "dua", "2", "10", "sebelas", "3"; not "ada", "kapal", "di", the "empat" inside
        // "tempat", "terdiri", "unit", "ke" or "keduanya".
        assert_eq!(found, [4, 9, 37, 46, 57]);
        // Inside a word nothing starts; across the chunk edge a start is still seen.
        assert_eq!(next_candidate(b"xxxxxxxdua 1", 0), 11);
        assert_eq!(next_candidate(b"xxxxxxx dua", 0), 8);
        assert_eq!(next_candidate(b"xxxxxx dua", 0), 7);
        assert_eq!(next_candidate(b"dua", 1), 3);
        assert_eq!(next_candidate(b"", 0), 0);
        assert_eq!(next_candidate(b"x", 5), 1);
        assert_eq!(next_candidate("é9".as_bytes(), 0), 2);
        assert_eq!(next_candidate(b"abcdefgh/:9", 0), 10);
        for c in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', c, b' ', c, 0x80 | c, c, b'-', b'9']);
            let lane = |m: u64, k: u32| m >> (8 * k + 7) & 1 == 1;
            let (l, d) = (letters(x), super::digits(x));
            assert!(
                lane(l, 0) && !lane(d, 0) && lane(d, 7) && !lane(l, 7),
                "{c:#x}"
            );
            assert_eq!(lane(l, 1), is_letter(c), "{c:#x}");
            assert_eq!(lane(d, 1), c.is_ascii_digit(), "{c:#x}");
            assert_eq!((lane(l, 3), lane(d, 3)), (lane(l, 1), lane(d, 1)), "{c:#x}");
            assert!(lane(l, 4) && !lane(d, 4), "{c:#x}");
        }
    }

    #[test]
    fn next_candidate_agrees_with_a_byte_by_byte_reading() {
        fn reference(b: &[u8], i: usize) -> usize {
            (i..b.len())
                .find(|&k| {
                    let start = is_letter(b[k]) && (k == 0 || !is_letter(b[k - 1]));
                    b[k].is_ascii_digit() || start && opening(&b[k..word_end(b, k)]).is_some()
                })
                .unwrap_or(b.len())
        }
        let tokens = [
            "dua",
            "tiga",
            " ",
            "ke",
            "-",
            "5",
            "12",
            "kedua",
            "tempat",
            "sebelas",
            "é",
            "x",
            ",",
            "(",
            "\n",
            "pertama",
            "satu",
            "sembilanbelas",
            "seribu",
            "  ",
            "nol",
            "7,5",
        ];
        let mut seed = 7u64;
        for _ in 0..400 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 59) * 3 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                text.push_str(tokens[(seed >> 33) as usize % tokens.len()]);
            }
            let b = text.as_bytes();
            for i in 0..=b.len() {
                assert_eq!(next_candidate(b, i), reference(b, i), "{text:?} from {i}");
            }
        }
    }

    #[test]
    fn number_words() {
        assert_eq!(words("sembilan kabupaten"), Some((9, 8)));
        assert_eq!(words("dua puluh lima orang"), Some((25, 14)));
        assert_eq!(words("tiga belas"), Some((13, 10)));
        assert_eq!(words("seratus dua puluh"), Some((120, 17)));
        assert_eq!(words("dua ribu lima ratus"), Some((2500, 19)));
        assert_eq!(words("seribu"), Some((1000, 6)));
        assert_eq!(words("dua juta jiwa"), Some((2_000_000, 8)));
        assert_eq!(words("dua tiga"), Some((2, 3)));
        assert_eq!(words("nol persen"), Some((0, 3)));
        assert_eq!(words("dua puluh tiga belas"), Some((23, 14)));
        assert_eq!(words("ribu"), None);
    }
}
