//! Indonesian time expressions, anchored to a reference date and weekday-checked.
//!
//! Indonesian news writes dates in many ways and often without the year: "Kamis (6/7)",
//! "Rabu, 13 November 2024", "kurang 8 hari lagi", "pekan depan", "H-8". This module
//! finds them in one pass over normalized text ([`TimeParser::scan`], giving typed
//! [`TimeHit`]s), then anchors them to a reference date ([`TimeParser::resolve`]):
//! it infers missing years from the weekday written, checks weekdays against explicit
//! dates, counts relative expressions from the reference and election days, and tells
//! publication stamps apart from event dates. Calendar arithmetic is jiff's.
//!
//! ```
//! use jiff::civil::date;
//! use warta::record::{TimeKind, YearSource};
//! use warta::time::TimeParser;
//!
//! let parser = TimeParser::new(vec![]);
//! // 6 July fell on a Thursday in 2023; that year is nearest the reference.
//! let t = parser.parse_one("Kamis (6/7)", date(2024, 2, 6))?;
//! assert_eq!(t.value.as_deref(), Some("2023-07-06"));
//! assert_eq!(t.year, Some(YearSource::Inferred));
//!
//! let t = parser.parse_one("kurang 8 hari lagi", date(2024, 2, 6))?;
//! assert_eq!((t.value.as_deref(), t.kind), (Some("2024-02-14"), TimeKind::Relative));
//!
//! let err = parser.parse_one("Kamis (6/7) di Balikpapan", date(2024, 2, 6)).unwrap_err();
//! assert!(err.to_string().contains("\"di Balikpapan\""));
//! # Ok::<(), warta::time::Error>(())
//! ```
//!
//! # Grammar
//!
//! The grammar matches the *folded* (lowercase) normalized text; a few rules also look
//! at the original case. `[x]` is optional, `a|b` is a choice, `WS` is spaces. At one
//! position the first production listed wins; hits never overlap.
//!
//! ```text
//! weekday   = senin | selasa | rabu | kamis | jumat | jum'at | sabtu | minggu | ahad
//! month     = januari | februari | pebruari | maret | april | mei | juni | juli | agustus
//!           | september | oktober | november | nopember | desember
//!           | jan | feb | peb | mar | mrt | apr | jun | jul | agt | agu | ags | agst | aug
//!           | sep | sept | okt | oct | nov | nop | des | dec            (abbreviations: [.])
//! pod       = pagi | siang | sore | petang | malam | subuh | dini hari | tengah malam
//! zone      = wib | wita | wit
//! clock     = H[H] (. | :) MM                                  hour <= 24, minute <= 59
//! timeofday = [sekitar|sekira|mulai|hingga] (pukul|pkl|jam) clock [- clock] [zone] [pod]
//! tail      = [[,] pod] [[,] timeofday | [-|,|"|"] clock [zone]] [lalu|kemarin|silam|mendatang|nanti]
//! rangesep  = - | s.d. | s/d | sampai [dengan] | hingga
//! number    = digits | satu .. sembilan | sepuluh | sebelas | dua belas .. sembilan puluh sembilan
//!
//! decade    = [sekitar] (tahun|era|dekade) [19|20]D0[-]an            "tahun 90-an"
//! numeric   = [[hari] weekday [,] | tanggal] ["("] D/M[/YY[YY]] [")"] tail
//!           | [[hari] weekday [,]] ["("] D-M-YYYY [")"] tail              "Kamis (6/7/2023)"
//! dayrange  = [weekday [pod] [,]] [tanggal] D rangesep D month [[,] YYYY] tail
//!           | [weekday [pod] [,]] [tanggal] D month [YYYY] rangesep [weekday] D month [YYYY] tail
//! written   = [[hari] weekday [pod] [,]] [tanggal] D month [[,] YYYY] tail
//! monthyear = [bulan] month [YYYY] [rangesep month] [,] YYYY [lalu|silam|mendatang|ini]
//! month     = [ctx] [bulan] month-full [lalu|kemarin|silam|mendatang|depan|nanti|ini]
//! year      = [awal|akhir|pertengahan|medio] tahun YYYY [lalu|silam|mendatang|nanti|ini|depan]
//!           | ctx YYYY [lalu|silam|mendatang|nanti|ini]                   span = the year
//!           | YYYY (lalu|silam|mendatang|nanti)
//! election  = H (-|+) N                                                 "H-8", "H+1"
//! sameday   = hari itu | hari yang sama | keesokan hari[nya] | esok harinya
//!           | hari berikutnya | pod itu
//! deictic   = hari ini | kemarin [lusa] | besok | esok [hari] | lusa | tadi pod
//!           | pod ini | nanti pod                                          [pod]
//! offset    = [kurang|hampir|sekitar|lebih dari|kurang lebih] (number unit | se-unit)
//!             (lagi | mendatang | yang akan datang | [yang] lalu | silam      -> reference
//!             | kemudian | sebelumnya | setelahnya | berikutnya | ...)     -> last day named
//! period    = [awal|akhir|pertengahan] (pekan|minggu|bulan|tahun)
//!             (depan|mendatang|[yang] lalu|kemarin|silam|ini)
//! dayonly   = tanggal D [lalu|kemarin|mendatang|depan|nanti|ini]           "tanggal 24"
//! recurring = (setiap|tiap|tiap-tiap|saban) [hari] (weekday|hari|minggu|pekan|bulan|tahun
//!           | pagi|siang|sore|malam|akhir pekan|tanggal D)
//! weekday   = [hari] weekday [pod] [lalu|kemarin|depan|mendatang|nanti|besok|ini|itu]
//! clockonly = timeofday | clock zone                                     "14.00 WIT"
//! vague     = saat ini | kini | sekarang | dewasa ini | saat itu | waktu itu | ketika itu
//!           | kala itu | [pada] saat yang sama | dulu | dahulu | kelak | masa depan
//!           | masa lalu | musim (hujan|penghujan|kemarau)
//! ctx       = pemilu | pilkada [serentak] | pilpres | pileg | pilgub | pilbup | pilwali
//!           | pada | sejak | hingga | sampai | di | awal | akhir | pertengahan | medio
//!           | jelang | menjelang | selama | sepanjang | memasuki
//! ```
//!
//! ## Decisions
//!
//! * **Day/month order** is Indonesian: `6/7/2023` is 6 July. Two-digit years 00–69
//!   are 2000s, 70–99 are 1900s.
//! * **Numeric dates need a license**, so that fractions, unit numbers and reference
//!   numbers stay numbers: a weekday, parentheses, or "tanggal"; a four-digit year
//!   alone also licenses one unless "Nomor"/"No." precedes it. `(9/2)` without a year
//!   needs a weekday, "tanggal", or parentheses that open a clause (after a comma,
//!   "pada" or line start). Nothing glued to letters, digits or `/` counts
//!   ("0908/Bontang", "100/12/2024"), and impossible dates ("30/2/2023") are not dates.
//! * **A bare four-digit year** is a year only in a year context: after "tahun", an
//!   election name ("Pemilu 2024"), a month, a preposition of time (the `ctx` list), or
//!   before "lalu"/"silam"/"mendatang"/"nanti". Years joined by `-` or `/` ("periode
//!   2025-2030", "2023/2024") are terms, not mentions, and "Nomor 7 Tahun 2017" is a
//!   legal citation. A year must lie in 1900–2099 unless "tahun" precedes it.
//! * **Minggu** is Sunday only as "hari Minggu" or capitalized "Minggu" standing alone;
//!   "minggu depan/lalu/ini", "tiga minggu", "setiap minggu" are weeks.
//!   "salat Jumat" is a prayer, not a date.
//! * **A weekday alone** resolves against the reference: the most recent such weekday
//!   on or before it; "lalu"/"kemarin" strictly before; "depan"/"mendatang"/"nanti"/
//!   "besok" strictly after; "ini" the one in the reference's ISO week.
//! * **Months without a year** need "bulan", a context word, or a direction, and a
//!   capital letter unless "bulan" is written; "lalu" means strictly before the
//!   reference month, "depan"/"mendatang" strictly after, otherwise the nearest.
//! * **Year inference** for a day and month without a year: with a weekday, among the
//!   years (±40) in which that day falls on it, the one nearest the reference date —
//!   or, without a reference, nearest the article's explicit years. Without a weekday,
//!   the occurrence nearest the reference in the written direction; without a
//!   reference, the explicit year written last before it. Such years are `inferred`.
//! * **Weekday contradictions** keep the written date and set `weekday_ok: false` with
//!   a warning, e.g. `weekday 'rabu' contradicts 2023-07-06 (kamis)` — unless the year
//!   is a slip of the pen: the same day of the reference year, within 45 days of the
//!   reference, falls on the weekday ("Rabu (18/9/2018)" in September 2019). That day
//!   is taken, its year `inferred`, with a warning (`year 2018 contradicts weekday
//!   'rabu': 2018-09-18 read as 2019-09-18`).
//! * **Relative precision**: counted days and weeks from the reference give a day
//!   ("8 hari lagi"), months a month ("sebulan yang lalu"), years a year. Counted from
//!   the last day named ("sebulan kemudian") they keep day precision. "pekan depan" is
//!   an ISO week (`YYYY-Www`).
//! * **Anaphora**: "hari itu", "sehari kemudian" and a time of day without a date
//!   ("pukul 20.15 WIB") count from the last day named before them (not from
//!   publication stamps), else from the reference.
//! * **Publication stamps** are full dates followed by a clock with a colon ("- 10:12
//!   WIB", "19:05"), alone on their line, after a cue ("Diterbitkan:"), or in a byline
//!   ("Oleh: Budi | Senin, 4 Maret 2024"). They set the reference when the caller gave
//!   none, and never anchor anaphora.
//! * **Reference date**: the caller's; else the first publication stamp; else the first
//!   explicit full date written with a weekday that agrees ("Kamis (6/7/2023)", the way
//!   Indonesian news marks the reporting day); else the latest explicit full date
//!   (background dates are older than the news).
//! * **Elections** come from the caller ([`ElectionDay`]). "H-8" counts from the
//!   election named nearest before it (kind, and year when written); with no year, the
//!   election of that kind nearest the reference.
//! * **Vague expressions** ("saat ini", "dulu", "tahun 90-an", "musim hujan") have a
//!   TimeML value ([`ResolvedTime::timex_value`]) but no calendar value; they are
//!   returned in [`Resolved::vague`], not as record times.
//! * Durations ("tiga hari") are not reported.

mod grammar;
pub(crate) mod labels;
mod resolve;

use std::fmt;

use jiff::civil::Date;

pub use grammar::{Anchor, Clock, DayMonth, Direction, Form, TimeHit, Unit};
pub use resolve::{Resolved, ResolvedTime};

use crate::record::{Span, Time};

/// An election day from the lexicon (`lexicons/elections.tsv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionDay {
    /// Lexicon id ("pemilu-2024").
    pub id: String,
    /// Election kind ("pemilu", "pilkada").
    pub kind: String,
    /// Election year.
    pub year: i16,
    /// Voting day.
    pub date: Date,
}

/// The compiled time grammar. Build once, use for every document.
///
/// The regex is compiled once per process, on first use, and shared; a parser only
/// owns its election days, so it is cheap to clone and `Send + Sync`.
#[derive(Clone, Debug)]
pub struct TimeParser {
    elections: Vec<ElectionDay>,
}

impl TimeParser {
    /// Compiles the grammar; `elections` anchor "H-8" and election names.
    pub fn new(elections: Vec<ElectionDay>) -> TimeParser {
        std::sync::LazyLock::force(&grammar::GRAMMAR);
        TimeParser { elections }
    }

    /// A parser knowing the election days of `lex` (`lexicons/elections.tsv`).
    pub fn for_lexicons(lex: &crate::lexicon::Lexicons) -> TimeParser {
        let elections = lex
            .elections
            .iter()
            .map(|e| ElectionDay {
                id: e.id.clone(),
                kind: e.kind.clone(),
                year: e.year,
                date: e.date,
            })
            .collect();
        TimeParser::new(elections)
    }

    /// The election days this parser knows.
    pub fn elections(&self) -> &[ElectionDay] {
        &self.elections
    }

    /// Finds time expressions in one pass over the normalized text.
    /// `text` is the cleaned text (original case), `folded` its lowercase twin with
    /// identical byte offsets.
    pub fn scan(&self, text: &str, folded: &str) -> Vec<TimeHit> {
        grammar::GRAMMAR.scan(text, folded)
    }

    /// Anchors `hits` to `published` (the caller's date), or to a reference found in
    /// the article when `published` is `None`.
    pub fn resolve(&self, hits: &[TimeHit], published: Option<Date>) -> Resolved {
        resolve::resolve(hits, published, &self.elections)
    }

    /// Parses a text that is exactly one time expression (surrounding spaces and
    /// punctuation aside) against `reference`, and returns its record form with a span
    /// into `text`.
    ///
    /// Errors quote the input: when no expression is found, or when text is left over.
    pub fn parse_one(&self, text: &str, reference: Date) -> Result<Time, Error> {
        let folded = text.to_ascii_lowercase();
        let hits = self.scan(text, &folded);
        let first = hits
            .iter()
            .find(|h| !matches!(h.form, Form::Election(_)))
            .ok_or_else(|| Error::new(text, ErrorKind::NoMatch))?;
        let range = first.range.clone();
        let filler = |s: &str| {
            s.chars()
                .all(|c| c.is_whitespace() || ".,;:!?()\"'".contains(c))
        };
        let (before, after) = (&text[..range.start], &text[range.end..]);
        if !filler(before) {
            return Err(Error::unparsed(text, 0..before.trim_end().len()));
        }
        if !filler(after) {
            let start = range.end + (after.len() - after.trim_start().len());
            return Err(Error::unparsed(text, start..text.trim_end().len()));
        }
        let resolved = self.resolve(&hits, Some(reference));
        let found = resolved
            .times
            .iter()
            .chain(&resolved.vague)
            .find(|t| t.range == range)
            .ok_or_else(|| Error::new(text, ErrorKind::NoMatch))?;
        let span = Span::of(text, range.start, range.end)
            .ok_or_else(|| Error::new(text, ErrorKind::NoMatch))?;
        Ok(found.to_record(span))
    }
}

/// Why [`TimeParser::parse_one`] could not parse its input. The message quotes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    input: String,
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    NoMatch,
    Unparsed(std::ops::Range<usize>),
}

impl Error {
    fn new(input: &str, kind: ErrorKind) -> Error {
        Error {
            input: input.to_string(),
            kind,
        }
    }

    fn unparsed(input: &str, range: std::ops::Range<usize>) -> Error {
        Error::new(input, ErrorKind::Unparsed(range))
    }

    /// The input that failed.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Whether no time expression was found at all.
    pub fn is_no_match(&self) -> bool {
        self.kind == ErrorKind::NoMatch
    }

    /// The part of the input left over around the time expression, if that is the
    /// problem.
    pub fn unparsed_text(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::Unparsed(range) => self.input.get(range.clone()),
            ErrorKind::NoMatch => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NoMatch => write!(f, "no time expression in {:?}", self.input),
            ErrorKind::Unparsed(range) => {
                let rest = self.input.get(range.clone()).unwrap_or("");
                write!(f, "unparsed text {rest:?} in {:?}", self.input)?;
                if !self.input.contains('\n') {
                    let pad = self
                        .input
                        .get(..range.start)
                        .map_or(0, |s| s.chars().count());
                    let width = rest.chars().count().max(1);
                    write!(
                        f,
                        "\n  {}\n  {}{}",
                        self.input,
                        " ".repeat(pad),
                        "^".repeat(width)
                    )?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}

/// `s` read as a number when it is nothing but one to `max` ASCII digits.
pub(crate) fn digits<T: std::str::FromStr>(s: &str, max: usize) -> Option<T> {
    (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The day of year `y`, month `m`, day `d` written as integers, if it exists.
pub(crate) fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn assert_send_sync_clone<T: Send + Sync + Clone>() {}

    #[test]
    fn parser_is_send_sync_clone() {
        assert_send_sync_clone::<TimeParser>();
    }

    #[test]
    fn errors_quote_the_input() {
        let p = TimeParser::new(vec![]);
        let err = p
            .parse_one("besok-besok saja", date(2024, 1, 1))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "unparsed text \"-besok saja\" in \"besok-besok saja\"\n  besok-besok saja\n       ^^^^^^^^^^^"
        );
        let err = p
            .parse_one("tidak ada tanggal", date(2024, 1, 1))
            .unwrap_err();
        assert!(err.is_no_match());
        assert_eq!(
            err.to_string(),
            "no time expression in \"tidak ada tanggal\""
        );
    }
}
