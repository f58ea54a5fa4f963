//! The time grammar: one compiled regex over folded text, and the typed hits it yields.
//!
//! The productions of the module-level `# Grammar` are alternatives of a single regex,
//! in priority order (leftmost-first: at one position the first production that matches
//! wins). Every production has its own prefixed capture groups; [`scan`] runs the regex
//! once over the text and turns each match into a [`TimeHit`] after the context checks
//! that a regex cannot express (what comes right before a number, capital letters in
//! the original text, publication lines). A rejected match resumes the search one
//! character later, so a rejected production never hides a later one.

use std::ops::Range;
use std::sync::{LazyLock, Mutex};

use jiff::civil::Weekday;
use regex_automata::meta::{Cache, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};

use super::labels;

/// A day and month, with the year when written ("6/7/2023", "13 November", "9/10/23").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayMonth {
    /// Day of month, 1–31.
    pub day: i8,
    /// Month, 1–12.
    pub month: i8,
    /// The written year (two-digit years already expanded), if any.
    pub year: Option<i16>,
}

/// A direction word after an expression: "lalu", "depan", "ini".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// "lalu", "kemarin", "silam": on or before the reference.
    Past,
    /// "depan", "mendatang", "nanti", "besok": on or after the reference.
    Future,
    /// "ini": in the reference's own week, month or year.
    This,
}

/// The calendar unit of a relative expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// "hari".
    Day,
    /// "minggu", "pekan" (a week, never Sunday, in these expressions).
    Week,
    /// "bulan".
    Month,
    /// "tahun".
    Year,
}

/// What a relative expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The reference date ("8 hari lagi", "kemarin").
    Reference,
    /// The day mentioned last before it in the text ("sehari kemudian").
    Previous,
}

/// A time of day ("20.15" → 20:15).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// Hour, 0–24.
    pub hour: i8,
    /// Minute, 0–59.
    pub minute: i8,
}

impl Clock {
    /// `HH:MM`.
    pub fn to_hhmm(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// The shape of a time expression as written, before anchoring.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    /// A calendar day: "Kamis (6/7/2023)", "13 November 2024", "Jumat (9/2)".
    Date(DayMonth),
    /// A span of days: "6-7 Juli 2023", "30 Juni - 2 Juli 2024".
    DayRange(DayMonth, DayMonth),
    /// A month: "November 2024", "bulan Maret lalu".
    Month {
        /// Month, 1–12.
        month: i8,
        /// The written year, if any.
        year: Option<i16>,
    },
    /// A span of months: "Juli-Agustus 2024".
    MonthRange {
        /// First month and its year if written separately.
        start: (i8, Option<i16>),
        /// Last month and its year.
        end: (i8, i16),
    },
    /// A year: "tahun 2024", "Pemilu 2024", "2024 mendatang".
    Year {
        /// The year.
        year: i16,
        /// The election kind written before the year ("pemilu", "pilkada").
        election: Option<&'static str>,
    },
    /// A day of the month alone: "tanggal 24".
    DayOfMonth(i8),
    /// A weekday alone ("pada Senin", "Kamis lalu"); the weekday is [`TimeHit::weekday`].
    Weekday,
    /// A count of units from an anchor: "8 hari lagi", "kemarin", "sehari kemudian".
    Offset {
        /// Signed count (negative for the past).
        amount: i32,
        /// The unit counted.
        unit: Unit,
        /// What is counted from.
        anchor: Anchor,
    },
    /// A whole week, month or year around the reference: "pekan depan", "tahun ini".
    Period {
        /// Week, month or year.
        unit: Unit,
        /// -1 for "lalu", 0 for "ini", 1 for "depan".
        offset: i32,
    },
    /// "hari itu", "hari yang sama": the day mentioned last.
    SameDay,
    /// "H-8", "H+1": days from the election day in context.
    ElectionOffset(i32),
    /// A time of day without a date ("pukul 20.15 WIB").
    ClockOnly,
    /// "setiap Senin", "tiap bulan".
    Recurring,
    /// A vague reference with a TimeML value and no calendar value: "saat ini"
    /// (`PRESENT_REF`), "saat itu" (`PAST_REF`), "kelak" (`FUTURE_REF`).
    Vague(&'static str),
    /// A decade: "tahun 90-an" (1990).
    Decade(i16),
    /// A season of the reference year: "musim hujan" (`WI`), "musim kemarau" (`SU`).
    Season(&'static str),
    /// An election named without a year ("Pemilu", "pencoblosan"): not a time, it
    /// selects the election that "H-8" counts from.
    Election(&'static str),
}

/// A time expression found in normalized text, not yet anchored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeHit {
    /// Normalized byte range of the expression.
    pub range: Range<usize>,
    /// What was written.
    pub form: Form,
    /// The weekday written with it, if any.
    pub weekday: Option<Weekday>,
    /// "lalu", "depan", "ini" written after it, if any.
    pub direction: Option<Direction>,
    /// The time of day written with it, if any.
    pub clock: Option<Clock>,
    /// "WIB", "WITA" or "WIT", if written.
    pub zone: Option<&'static str>,
    /// "pagi", "malam", ... if written.
    pub part_of_day: Option<&'static str>,
    /// Whether this is a publication stamp or byline date rather than an event date.
    pub publication: bool,
    /// Index of the paragraph (line of the normalized text) the hit starts in.
    pub paragraph: usize,
}

impl TimeHit {
    fn new(range: Range<usize>, form: Form) -> TimeHit {
        TimeHit {
            range,
            form,
            weekday: None,
            direction: None,
            clock: None,
            zone: None,
            part_of_day: None,
            publication: false,
            paragraph: 0,
        }
    }
}

const S0: &str = "[ \\t]*";
const S1: &str = "[ \\t]+";
const B: &str = "(?-u:\\b)";
const DAY: &str = "[0-3]?[0-9]";
const Y4: &str = "[12][0-9]{3}";
const RANGE_SEP: &str = "(?:-|s/d|s\\.?[ \\t]*d\\.?|sampai[ \\t]+dengan|sampai|hingga)";
const DIR_AFTER_DATE: &str = "lalu|kemarin|silam|mendatang|nanti";

/// The compiled grammar.
pub(crate) struct Grammar {
    /// The heads of all productions as one multi-pattern regex without capture groups,
    /// for the single pass: where a hit starts, and (the pattern that matched) which
    /// production it is.
    all: Regex,
    /// Each production alone, for its captures (and for retrying a position after a
    /// rejection).
    each: Vec<Regex>,
    /// The capture group names of each production, by group index (group 0, the
    /// whole match, has none), as [`name_key`]s: looked up by a short linear scan
    /// over integers, without hashing or string comparison.
    names: Vec<Vec<u64>>,
    /// Search caches and capture slots, lent to one scan at a time and returned after
    /// it: the lazy DFAs built in them while scanning stay warm for later documents,
    /// whichever thread scans them.
    scratch: Mutex<Vec<Scratch>>,
}

/// The mutable state of one scan.
struct Scratch {
    /// Cache of `all`.
    all: Cache,
    /// Caches of `each`.
    each: Vec<Cache>,
    /// Capture slots of `each`.
    caps: Vec<Captures>,
}

/// The grammar, compiled on first use.
pub(crate) static GRAMMAR: LazyLock<Grammar> = LazyLock::new(Grammar::new);

fn month_any() -> String {
    format!(
        "(?:(?:{})|(?:{}){B}\\.?)",
        labels::MONTH_FULL,
        labels::MONTH_ABBR
    )
}

fn month_full() -> String {
    format!("(?:{}){B}", labels::MONTH_FULL)
}

fn weekday() -> String {
    format!("(?:{}){B}", labels::WEEKDAY)
}

fn pod() -> String {
    format!("(?:{}){B}", labels::PART_OF_DAY)
}

/// "pukul 20.15 WIB", "sekitar pukul 08.00-10.00 Wita malam", with groups `{p}_h`,
/// `{p}_m`, `{p}_z`, `{p}_tpod`.
fn clock_with_cue(p: &str) -> String {
    format!(
        "(?:(?:sekitar|sekira|kurang{S1}lebih|mulai|hingga|sampai){S1})?\
         (?:pukul|pkl\\.?|jam){S0}(?P<{p}_h>[0-2]?[0-9])[.:](?P<{p}_m>[0-5][0-9]){B}\
         (?:{S0}{RANGE_SEP}{S0}[0-2]?[0-9][.:][0-5][0-9]{B})?\
         (?:{S0}(?P<{p}_z>wita|wib|wit){B})?(?:{S1}(?P<{p}_tpod>{pod}))?",
        pod = pod()
    )
}

/// What may follow a date: part of day, time of day (with "pukul", or a bare clock as
/// in publication stamps), and a direction word.
fn tail(p: &str) -> String {
    format!(
        "(?:{S0},?{S0}(?P<{p}_pod>{pod}))?\
         (?:{S0},?{S0}(?P<{p}_tod>{cue})|{S0}(?P<{p}_sep>[-|,]?){S0}\
         (?P<{p}_sh>[0-2]?[0-9])(?P<{p}_sc>[.:])(?P<{p}_sm>[0-5][0-9]){B}\
         (?:{S0}(?P<{p}_sz>wita|wib|wit){B})?)?\
         (?:{S1}(?P<{p}_dir>{DIR_AFTER_DATE}){B})?",
        pod = pod(),
        cue = clock_with_cue(&format!("{p}c")),
    )
}

/// A weekday (optionally "hari Kamis", "Kamis pagi") and "tanggal" before a written date.
fn written_prefix(p: &str) -> String {
    format!(
        "(?:{B}(?:hari{S1})?(?P<{p}_wd>{wd})(?:{S1}(?P<{p}_wpod>{pod}))?{S0},?{S0})?\
         (?:{B}(?:tanggal|tgl\\.?){S0})?",
        wd = weekday(),
        pod = pod()
    )
}

/// A production: its name, its head, and a tail that can match the empty string anywhere
/// (every part of it optional). The production is head then tail; the head alone matches
/// at exactly the positions where the production does.
type Production = (&'static str, String, String);

fn productions() -> Vec<Production> {
    let wd = weekday();
    let pod = pod();
    let mon = month_any();
    let monf = month_full();
    let num = labels::NUMBER_WORD;
    vec![
        // Decades first: "tahun 1990-an" must not become the year 1990.
        (
            "dec",
            format!("{B}(?:sekitar{S1})?(?:tahun|era|dekade){S1}(?P<dec_y>(?:1[89]|20)?[0-9]0)-?an{B}"),
            String::new(),
        ),
        // Numeric dates: "Kamis (6/7/2023)", "(7/03/2024)", "Senin (9/10/23) pagi".
        (
            "n",
            format!(
                "(?:{B}(?:hari{S1})?(?P<n_wd>{wd})(?:{S1}(?P<n_wpod>{pod}))?(?:{S0},)?{S0}|{B}(?P<n_tgl>tanggal|tgl\\.?){S0})?\
                 (?P<n_lp>\\()?{S0}(?:(?P<n_d>{DAY})/(?P<n_m>[01]?[0-9])\
                 (?:/(?P<n_y>[0-9]{{4}}|[0-9]{{2}}))?|(?P<n_dd>{DAY})-(?P<n_dm>[01]?[0-9])-(?P<n_dy>{Y4}))\
                 {S0}(?P<n_rp>\\))?"
            ),
            tail("n"),
        ),
        // Written day ranges: "6-7 Juli 2023", "6 s.d. 8 Juli".
        (
            "ra",
            format!(
                "{pre}{B}(?P<ra_d1>{DAY}){S0}{RANGE_SEP}{S0}(?P<ra_d2>{DAY}){S1}(?P<ra_m>{mon})\
                 (?:{S0},?{S0}(?P<ra_y>{Y4}){B})?",
                pre = written_prefix("ra"),
            ),
            tail("ra"),
        ),
        // "30 Juni - 2 Juli 2024", "30 Desember 2023 s.d. 2 Januari 2024".
        (
            "rb",
            format!(
                "{pre}{B}(?P<rb_d1>{DAY}){S1}(?P<rb_m1>{mon})(?:{S0},?{S0}(?P<rb_y1>{Y4}){B})?\
                 {S0}{RANGE_SEP}{S0}(?:(?P<rb_wd2>{wd}){S0},?{S0})?(?P<rb_d2>{DAY}){S1}(?P<rb_m2>{mon})\
                 (?:{S0},?{S0}(?P<rb_y2>{Y4}){B})?",
                pre = written_prefix("rb"),
            ),
            tail("rb"),
        ),
        // Written dates: "Rabu, 13 November 2024", "Kamis pagi, 9 Mei 2024", "tanggal 10 Agustus".
        (
            "d",
            format!(
                "{pre}{B}(?P<d_d>{DAY}){S1}(?P<d_m>{mon})(?:{S0},?{S0}(?P<d_y>{Y4}){B})?",
                pre = written_prefix("d"),
            ),
            tail("d"),
        ),
        // Months with a year: "November 2024", "Juli-Agustus 2024".
        (
            "my",
            format!(
                "{B}(?:bulan{S1})?(?P<my_m1>{mon})(?:{S0},?{S0}(?P<my_y1>{Y4}){B})?\
                 (?:{S0}{RANGE_SEP}{S0}(?P<my_m2>{mon}))?{S0},?{S0}(?P<my_y2>{Y4}){B}"
            ),
            format!("(?:{S1}(?P<my_dir>lalu|silam|mendatang|ini){B})?"),
        ),
        // Months without a year: "bulan Maret lalu", "pada Mei", "Juli mendatang".
        (
            "mo",
            format!(
                "(?:{B}(?P<mo_ctx>awal|akhir|pertengahan|medio|sejak|pada|hingga|sampai|per|jelang|\
                 menjelang|selama|sepanjang|memasuki){S1})?\
                 (?P<mo_t>{B}(?P<mo_b>bulan{S1})?(?P<mo_m>{monf})\
                 (?:{S1}(?P<mo_dir>lalu|kemarin|silam|mendatang|depan|nanti|ini){B})?)"
            ),
            String::new(),
        ),
        // "tahun 2024", "akhir tahun 2024", "tahun 2014 ini".
        (
            "ya",
            format!(
                "{B}(?:(?:awal|akhir|pertengahan|medio){S1})?(?:tahun|thn\\.?){S1}(?P<ya_y>{Y4}){B}"
            ),
            format!("(?:{S1}(?P<ya_dir>lalu|silam|mendatang|nanti|ini|depan){B})?"),
        ),
        // A bare year after a year-context word: "Pemilu 2024", "pada 2015", "sejak 1998".
        (
            "yb",
            format!(
                "{B}(?P<yb_ctx>pemilu|pilkada(?:{S1}serentak)?|pilpres|pileg|pilgub|pilbup|\
                 pilwali|pilwalkot|pada|sejak|hingga|sampai|di|awal|akhir|pertengahan|medio|jelang|\
                 menjelang|selama|sepanjang|memasuki){S1}\
                 (?P<yb_t>(?P<yb_y>{Y4}){B}(?:{S1}(?P<yb_dir>lalu|silam|mendatang|nanti|ini){B})?)"
            ),
            String::new(),
        ),
        // A bare year before a direction word: "1988 lalu", "2024 mendatang".
        (
            "yc",
            format!("{B}(?P<yc_y>{Y4}){S1}(?P<yc_dir>lalu|silam|mendatang|nanti){B}"),
            String::new(),
        ),
        // "H-8", "H+1".
        (
            "hn",
            format!("{B}h{S0}(?P<hn_s>[-+]){S0}(?P<hn_n>[0-9]{{1,3}}){B}"),
            String::new(),
        ),
        // Anaphoric days: "hari itu", "keesokan harinya", "malam itu".
        (
            "an",
            format!(
                "{B}(?P<an_w>hari{S1}itu|hari{S1}yang{S1}sama|keesokan{S1}harinya|keesokan{S1}hari|\
                 esok{S1}harinya|hari{S1}berikutnya|(?P<an_pod>pagi|siang|sore|petang|malam){S1}itu){B}"
            ),
            String::new(),
        ),
        // Deictic days: "hari ini", "kemarin sore", "besok", "lusa".
        (
            "rd",
            format!(
                "{B}(?P<rd_w>hari{S1}ini|kemarin{S1}lusa|kemarin|besok|esok{S1}hari|esok|lusa|\
                 tadi{S1}(?:pagi|siang|sore)|(?:pagi|siang|sore|petang|malam){S1}ini|\
                 nanti{S1}(?:pagi|siang|sore|petang|malam)){B}"
            ),
            format!("(?:{S1}(?P<rd_pod>{pod}))?"),
        ),
        // Counted offsets: "kurang 8 hari lagi", "sebulan yang lalu", "tiga minggu kemudian".
        (
            "ro",
            format!(
                "{B}(?:(?:kurang{S1}lebih|lebih{S1}dari|kurang|hampir|sekitar){S1})?\
                 (?:(?P<ro_n>[0-9]{{1,3}}|{num}){S1}(?P<ro_u>hari|minggu|pekan|bulan|tahun)|\
                 se(?P<ro_u1>hari|minggu|pekan|bulan|tahun)){S1}\
                 (?P<ro_dir>lagi|mendatang|yang{S1}akan{S1}datang|yang{S1}lalu|lalu|silam|kemudian|\
                 sebelumnya|setelahnya|sesudahnya|berikutnya|setelah{S1}itu|sesudah{S1}itu){B}"
            ),
            String::new(),
        ),
        // Periods: "pekan depan", "minggu lalu", "bulan ini", "tahun depan".
        (
            "rp",
            format!(
                "{B}(?:(?:awal|akhir|pertengahan){S1})?(?P<rp_u>pekan|minggu|bulan|tahun){S1}\
                 (?P<rp_dir>depan|mendatang|yang{S1}lalu|lalu|kemarin|silam|ini){B}"
            ),
            String::new(),
        ),
        // A day of the month alone: "tanggal 24", "tanggal 24 kemarin".
        (
            "dm",
            format!(
                "{B}(?:tanggal|tgl\\.?){S0}(?P<dm_d>{DAY}){B}"
            ),
            format!("(?:{S1}(?P<dm_dir>lalu|kemarin|mendatang|depan|nanti|ini){B})?"),
        ),
        // Recurring: "setiap Senin", "tiap bulan", "setiap hari Minggu".
        (
            "rc",
            format!(
                "{B}(?:setiap|tiap-tiap|tiap|saban){S1}(?:(?P<rc_h>hari){S1})?\
                 (?P<rc_x>{wd}|hari|minggu|pekan|bulan|tahun|pagi|siang|sore|malam|\
                 akhir{S1}pekan|tanggal{S1}{DAY}){B}"
            ),
            String::new(),
        ),
        // A weekday alone: "pada Senin", "hari Minggu lalu", "Kamis depan".
        (
            "wd",
            format!(
                "{B}(?:hari{S1})?(?P<wd_w>{wd})"
            ),
            format!(
                "(?:{S1}(?P<wd_pod>{pod}))?\
                 (?:{S1}(?P<wd_dir>lalu|kemarin|depan|mendatang|nanti|besok|ini|itu){B})?"
            ),
        ),
        // A time of day alone: "pukul 20.15 WIB", "14.00 WIT".
        (
            "ck",
            format!(
                "(?P<ck_cue>{B}{cue})|{B}(?P<ck_h>[0-2]?[0-9])[.:](?P<ck_m>[0-5][0-9]){S0}\
                 (?P<ck_z>wita|wib|wit){B}",
                cue = clock_with_cue("ckc")
            ),
            String::new(),
        ),
        // Vague references: "saat ini", "kini", "saat itu", "dulu", "musim hujan".
        (
            "vg",
            format!(
                "{B}(?P<vg_w>saat{S1}ini|dewasa{S1}ini|kini|sekarang|saat{S1}itu|waktu{S1}itu|\
                 ketika{S1}itu|kala{S1}itu|(?:pada{S1})?(?:saat|waktu){S1}yang{S1}sama|dahulu|dulu|\
                 kelak|masa{S1}depan|masa{S1}lalu|musim{S1}(?:penghujan|hujan|kemarau)){B}"
            ),
            String::new(),
        ),
        // An election named without a year.
        (
            "el",
            format!(
                "{B}(?P<el_k>pemilu|pilkada|pilpres|pileg|pilgub|pilbup|pilwali|pilwalkot|\
                 pencoblosan|pemungutan{S1}suara){B}"
            ),
            String::new(),
        ),
    ]
}

impl Grammar {
    fn new() -> Grammar {
        let productions = productions();
        let patterns: Vec<String> = productions
            .iter()
            .map(|(name, head, tail)| format!("(?P<{name}>{head}{tail})"))
            .collect();
        // The single pass needs where a hit starts and which production it is, no more:
        // the heads alone give both (a production matches where its head does, and at
        // one position the first production listed wins), with a smaller automaton that
        // stops sooner, and without capture groups.
        let heads: Vec<&str> = productions
            .iter()
            .map(|(_, head, _)| head.as_str())
            .collect();
        // The patterns are constants of this module; a unit test compiles them.
        let all = Regex::builder()
            .configure(Regex::config().which_captures(WhichCaptures::Implicit))
            .build_many(&heads)
            .expect("the time grammar compiles");
        let each: Vec<Regex> = patterns
            .iter()
            .map(|p| Regex::new(p).expect("a time production compiles"))
            .collect();
        let names = each
            .iter()
            .map(|re| {
                let info = re.group_info();
                let pid = regex_automata::PatternID::ZERO;
                // A name too long for a key would share TOO_LONG with every lookup of
                // a long name: it is stored as NO_NAME, found by none.
                info.pattern_names(pid)
                    .map(|n| match n.map(|n| name_key(n, "")) {
                        Some(key) if key != TOO_LONG => key,
                        _ => NO_NAME,
                    })
                    .collect()
            })
            .collect();
        Grammar {
            all,
            each,
            names,
            scratch: Mutex::new(Vec::new()),
        }
    }

    fn new_scratch(&self) -> Scratch {
        Scratch {
            all: self.all.create_cache(),
            each: self.each.iter().map(Regex::create_cache).collect(),
            caps: self.each.iter().map(Regex::create_captures).collect(),
        }
    }

    /// Every hit in `folded`, in text order, without overlaps.
    pub(crate) fn scan(&self, text: &str, folded: &str) -> Vec<TimeHit> {
        let lent = self.scratch.lock().ok().and_then(|mut free| free.pop());
        let mut scratch = lent.unwrap_or_else(|| self.new_scratch());
        let hits = self.scan_with(text, folded, &mut scratch);
        if let Ok(mut free) = self.scratch.lock() {
            free.push(scratch);
        }
        hits
    }

    fn scan_with(&self, text: &str, folded: &str, scratch: &mut Scratch) -> Vec<TimeHit> {
        let newlines = memchr::memchr_iter(b'\n', folded.as_bytes()).collect();
        let doc = Doc {
            text,
            folded,
            newlines,
        };
        let mut hits: Vec<TimeHit> = Vec::new();
        let mut pos = 0;
        while pos <= folded.len() {
            let input = Input::new(folded).span(pos..folded.len());
            let Some(found) = self.all.search_with(&mut scratch.all, &input) else {
                break;
            };
            let start = found.start();
            let first = found.pattern().as_usize();
            match self.hit_at(&doc, start, first, scratch) {
                Some(mut hit) => {
                    pos = hit.range.end;
                    // The paragraph is the number of newlines before the hit.
                    hit.paragraph = doc.newlines.partition_point(|&p| p < hit.range.start);
                    hits.push(hit);
                }
                None => pos = next_char(folded, start),
            }
        }
        hits
    }

    /// The hit at `start`: production `first` (the one the single pass found), or when
    /// its context checks reject it, the next production that matches at the same
    /// position (leftmost-first order). Captures come from the production's own regex,
    /// anchored at `start`, so they cost little.
    fn hit_at(
        &self,
        doc: &Doc<'_>,
        start: usize,
        first: usize,
        scratch: &mut Scratch,
    ) -> Option<TimeHit> {
        let input = Input::new(doc.folded)
            .span(start..doc.folded.len())
            .anchored(Anchored::Yes);
        let slots = scratch.each.iter_mut().zip(scratch.caps.iter_mut());
        let productions = self.each.iter().zip(slots).enumerate();
        productions
            .skip(first)
            .find_map(|(index, (re, (cache, caps)))| {
                re.search_captures_with(cache, &input, caps);
                if !caps.is_match() {
                    return None;
                }
                let caps = Caps {
                    caps,
                    hay: doc.folded,
                    names: self.names.get(index).map_or(&[], Vec::as_slice),
                };
                let hit = trimmed(hit(&caps, doc, index)?, doc.folded);
                (hit.range.end > start && !hit.range.is_empty()).then_some(hit)
            })
    }
}

/// The key of an unnamed group: no name has it.
const NO_NAME: u64 = 0;

/// The key of a name longer than eight bytes: no group has it (keys of names are
/// ASCII bytes, never 0xFF).
const TOO_LONG: u64 = u64::MAX;

/// The group name `prefix` + `suffix` packed into an integer: its bytes, little-endian,
/// zero-padded. Names are at most eight bytes of ASCII without NUL (a unit test checks
/// every production), so distinct names get distinct keys and none gets [`NO_NAME`]
/// or [`TOO_LONG`].
fn name_key(prefix: &str, suffix: &str) -> u64 {
    let (prefix, suffix) = (prefix.as_bytes(), suffix.as_bytes());
    let len = prefix.len() + suffix.len();
    if len > 8 {
        return TOO_LONG;
    }
    let mut bytes = [0u8; 8];
    bytes[..prefix.len()].copy_from_slice(prefix);
    bytes[prefix.len()..len].copy_from_slice(suffix);
    u64::from_le_bytes(bytes)
}

/// Capture groups of one production match, over the folded document.
struct Caps<'a> {
    caps: &'a Captures,
    hay: &'a str,
    /// Group name keys by index.
    names: &'a [u64],
}

/// One capture group.
#[derive(Clone, Copy)]
struct Group<'h> {
    text: &'h str,
    start: usize,
}

impl<'h> Group<'h> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    fn as_str(&self) -> &'h str {
        self.text
    }
}

impl<'a> Caps<'a> {
    /// The group called `name`, if it took part in the match.
    fn get(&self, name: &str) -> Option<Group<'a>> {
        self.get_joined(name, "")
    }

    /// The group called `prefix` + `suffix` ("n" + "_dir"), without building the name.
    fn get_joined(&self, prefix: &str, suffix: &str) -> Option<Group<'a>> {
        let key = name_key(prefix, suffix);
        let index = self.names.iter().position(|&n| n == key)?;
        let span = self.caps.get_group(index)?;
        Some(Group {
            text: self.hay.get(span.range())?,
            start: span.start,
        })
    }

    /// The text of group `prefix` + `suffix`.
    fn text_joined(&self, prefix: &str, suffix: &str) -> Option<&'a str> {
        self.get_joined(prefix, suffix).map(|g| g.as_str())
    }
}

/// The hit with spaces trimmed from both ends of its range.
fn trimmed(mut hit: TimeHit, folded: &str) -> TimeHit {
    let inner = folded.get(hit.range.clone()).unwrap_or("");
    let start = hit.range.start + (inner.len() - inner.trim_start().len());
    hit.range = start..start + inner.trim().len();
    hit
}

/// The index of the char after the one starting at `i`.
fn next_char(s: &str, i: usize) -> usize {
    let len = s
        .get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8);
    i + len
}

/// The last word (letters and digits) of `head`, after trailing spaces, with its
/// byte offset.
fn last_word(head: &str) -> (usize, &str) {
    let head = head.trim_end_matches([' ', '\t']);
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start, &head[start..])
}

/// The document being scanned: original case and folded twin.
struct Doc<'a> {
    text: &'a str,
    folded: &'a str,
    /// Offsets of the newlines, so that a hit finds its line without scanning it.
    newlines: Vec<usize>,
}

impl Doc<'_> {
    /// The char just before byte `i` of the folded text.
    fn char_before(&self, i: usize) -> Option<char> {
        self.folded.get(..i)?.chars().next_back()
    }

    /// The char at byte `i` of the folded text.
    fn char_at(&self, i: usize) -> Option<char> {
        self.folded.get(i..)?.chars().next()
    }

    /// The word (letters and digits) that ends right before byte `i`, skipping spaces.
    fn word_before(&self, i: usize) -> &str {
        last_word(self.folded.get(..i).unwrap_or("")).1
    }

    /// Whether the original text has an uppercase letter at byte `i`.
    fn capital_at(&self, i: usize) -> bool {
        self.text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// The folded line (paragraph) around `range`, split into before / after parts.
    fn line_around(&self, range: &Range<usize>) -> (&str, &str) {
        // Found in the newline table: a search to the line ends costs a long line's
        // length per hit.
        let line_start = match self.newlines.partition_point(|&p| p < range.start) {
            0 => 0,
            i => self.newlines[i - 1] + 1,
        };
        let line_end = self.newlines[self.newlines.partition_point(|&p| p < range.end)..]
            .first()
            .map_or(self.folded.len(), |&p| p);
        let before = self.folded.get(line_start..range.start).unwrap_or("");
        let after = self.folded.get(range.end..line_end).unwrap_or("");
        (before, after)
    }
}

fn text_of<'h>(caps: &Caps<'h>, name: &str) -> Option<&'h str> {
    caps.get(name).map(|m| m.as_str())
}

fn num_of<T: std::str::FromStr>(caps: &Caps<'_>, name: &str) -> Option<T> {
    text_of(caps, name)?.parse().ok()
}

/// Production names, in the order of [`productions`].
const PRODUCTIONS: [&str; 21] = [
    "dec", "n", "ra", "rb", "d", "my", "mo", "ya", "yb", "yc", "hn", "an", "rd", "ro", "rp", "dm",
    "rc", "wd", "ck", "vg", "el",
];

/// Turns one match of production `index` into a hit, or rejects it.
fn hit(caps: &Caps<'_>, doc: &Doc<'_>, index: usize) -> Option<TimeHit> {
    let name = *PRODUCTIONS.get(index)?;
    let range = caps.get(name)?.range();
    match name {
        "dec" => decade(caps, range),
        "n" => numeric(caps, doc, range),
        "ra" => day_range_same_month(caps, doc, range),
        "rb" => day_range(caps, doc, range),
        "d" => written(caps, doc, range),
        "my" => month_year(caps, range),
        "mo" => month_alone(caps, doc),
        "ya" => year_after_tahun(caps, doc, range),
        "yb" => year_in_context(caps, doc),
        "yc" => year_before_direction(caps, doc, range),
        "hn" => election_offset(caps, doc, range),
        "an" => anaphoric(caps, doc, range),
        "rd" => deictic_day(caps, range),
        "ro" => counted_offset(caps, range),
        "rp" => period(caps, doc, range),
        "dm" => day_of_month(caps, doc, range),
        "rc" => recurring(caps, doc, range),
        "wd" => weekday_alone(caps, doc, range),
        "ck" => clock_alone(caps, doc, range),
        "vg" => vague(caps, doc, range),
        "el" => election(caps, range),
        _ => None,
    }
}

fn decade(caps: &Caps<'_>, range: Range<usize>) -> Option<TimeHit> {
    let digits = text_of(caps, "dec_y")?;
    let value: i16 = digits.parse().ok()?;
    let year = if digits.len() == 2 {
        1900 + value
    } else {
        value
    };
    Some(TimeHit::new(range, Form::Decade(year)))
}

/// A two-digit year: 00–69 are 2000s, 70–99 are 1900s.
fn expand_year(digits: &str) -> Option<i16> {
    let value: i16 = digits.parse().ok()?;
    Some(match digits.len() {
        2 if value < 70 => 2000 + value,
        2 => 1900 + value,
        _ => value,
    })
}

/// Whether a day and month can exist (in some year).
fn valid_day_month(day: i8, month: i8) -> bool {
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=max).contains(&day)
}

fn day_month(day: Option<i8>, month: Option<i8>, year: Option<i16>) -> Option<DayMonth> {
    let (day, month) = (day?, month?);
    if !valid_day_month(day, month) {
        return None;
    }
    if let Some(y) = year {
        jiff::civil::Date::new(y, month, day).ok()?;
    }
    Some(DayMonth { day, month, year })
}

fn numeric(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let slash = caps.get("n_d").is_some();
    let (d, m, y) = if slash {
        ("n_d", "n_m", "n_y")
    } else {
        ("n_dd", "n_dm", "n_dy")
    };
    let day = caps.get(d)?;
    let has_weekday = caps.get("n_wd").is_some();
    let paren = caps.get("n_lp");
    if paren.is_some() != caps.get("n_rp").is_some() {
        return None;
    }
    // "100/12/2024", "1.2/3", "0908/Bontang": not dates.
    if !has_weekday
        && paren.is_none()
        && doc
            .char_before(day.start())
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | ','))
    {
        return None;
    }
    let date_end = caps.get(y).or(caps.get(m)).map_or(range.end, |g| g.end());
    if doc
        .char_at(date_end)
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | ','))
        && paren.is_none()
    {
        return None;
    }
    let year_text = text_of(caps, y);
    let licensed = match year_text.map(str::len) {
        Some(4) => has_weekday || paren.is_some() || !reference_number(doc, range.start),
        Some(_) => has_weekday || paren.is_some(),
        None => {
            has_weekday
                || caps.get("n_tgl").is_some()
                || paren.is_some_and(|lp| {
                    matches!(doc.word_before(lp.start()), "" | "pada" | "hari" | "sejak")
                })
        }
    };
    if !licensed {
        return None;
    }
    let year = match year_text {
        Some(y) => Some(expand_year(y)?),
        None => None,
    };
    let dm = day_month(day.as_str().parse().ok(), num_of(caps, m), year)?;
    let mut hit = TimeHit::new(range, Form::Date(dm));
    hit.weekday = text_of(caps, "n_wd").and_then(labels::weekday);
    apply_tail(&mut hit, caps, "n", doc);
    Some(hit)
}

/// "Nomor 12/3/2024", "No. 5/2024": a reference number, not a date.
fn reference_number(doc: &Doc<'_>, start: usize) -> bool {
    matches!(
        doc.word_before(start),
        "nomor" | "no" | "nomer" | "nmr" | "surat" | "sk" | "perda" | "perkada"
    )
}

/// Applies part of day, time of day, zone and direction written after a date, and
/// decides whether the date is a publication stamp.
fn apply_tail(hit: &mut TimeHit, caps: &Caps<'_>, p: &str, doc: &Doc<'_>) {
    let g = |suffix: &str| caps.text_joined(p, suffix);
    hit.part_of_day = g("_pod")
        .or_else(|| g("_wpod"))
        .and_then(labels::part_of_day);
    hit.direction = g("_dir").and_then(direction);
    let mut colon_clock = false;
    if caps.get_joined(p, "_tod").is_some() {
        hit.clock = clock(g("c_h"), g("c_m"));
        hit.zone = g("c_z").and_then(labels::zone);
        if let Some(pod) = g("c_tpod").and_then(labels::part_of_day) {
            hit.part_of_day = Some(pod);
        }
    } else if caps.get_joined(p, "_sh").is_some() {
        // A clock without "pukul" needs a colon or a zone ("19:05", "10.12 WIB").
        let colon = g("_sc") == Some(":");
        let zone = g("_sz").and_then(labels::zone);
        let bare = clock(g("_sh"), g("_sm"));
        if bare.is_some() && (colon || zone.is_some()) {
            hit.clock = bare;
            hit.zone = zone;
            colon_clock = colon;
        } else if let Some(sep) = caps.get_joined(p, "_sep") {
            // Give the number back: the hit ends before it.
            let kept = doc.folded.get(hit.range.start..sep.start()).unwrap_or("");
            hit.range.end = hit.range.start + kept.trim_end().len();
            hit.direction = None;
        }
    }
    let full_date = matches!(&hit.form, Form::Date(dm) if dm.year.is_some());
    hit.publication = full_date && (colon_clock || publication_line(doc, &hit.range));
}

fn clock(hour: Option<&str>, minute: Option<&str>) -> Option<Clock> {
    let hour: i8 = hour?.parse().ok()?;
    let minute: i8 = minute?.parse().ok()?;
    let ok = ((0..=23).contains(&hour) && (0..=59).contains(&minute)) || (hour, minute) == (24, 0);
    ok.then_some(Clock { hour, minute })
}

fn direction(words: &str) -> Option<Direction> {
    Some(match words.split_ascii_whitespace().next_back()? {
        "lalu" | "kemarin" | "silam" => Direction::Past,
        "depan" | "mendatang" | "nanti" | "besok" | "datang" => Direction::Future,
        "ini" => Direction::This,
        _ => return None,
    })
}

/// Publication cues: the date is alone on its line, follows a "diterbitkan:" cue, or
/// sits in a byline ("Oleh: Budi | Senin, 4 Maret 2024").
fn publication_line(doc: &Doc<'_>, range: &Range<usize>) -> bool {
    let (before, after) = doc.line_around(range);
    let filler = |s: &str| {
        s.split(|c: char| c.is_whitespace() || "|-–,.:;()/".contains(c))
            .all(|w| matches!(w, "" | "wib" | "wita" | "wit"))
    };
    if filler(before) && filler(after) {
        return true;
    }
    let head = before.trim_end_matches(|c: char| c.is_whitespace() || ":|-,".contains(c));
    let last_word = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let pub_cue = matches!(
        last_word,
        "diterbitkan"
            | "dipublikasikan"
            | "diposting"
            | "diunggah"
            | "dimuat"
            | "terbit"
            | "posted"
            | "published"
            | "update"
            | "updated"
            | "diperbarui"
            | "dipublish"
    );
    let first_word = before
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let byline = before.len() <= 80
        && (before.contains('|')
            || matches!(
                first_word,
                "oleh" | "penulis" | "reporter" | "editor" | "redaktur" | "pewarta" | "laporan"
            ) && before.contains(':'));
    pub_cue || byline
}

fn written_hit(
    caps: &Caps<'_>,
    doc: &Doc<'_>,
    range: Range<usize>,
    p: &str,
    form: Form,
) -> TimeHit {
    let mut hit = TimeHit::new(range, form);
    hit.weekday = caps.text_joined(p, "_wd").and_then(labels::weekday);
    apply_tail(&mut hit, caps, p, doc);
    hit
}

fn month_of(caps: &Caps<'_>, name: &str) -> Option<i8> {
    labels::month(text_of(caps, name)?)
}

fn day_range_same_month(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    if doc
        .char_before(caps.get("ra_d1")?.start())
        .is_some_and(|c| matches!(c, '/' | '.' | ',' | '-'))
    {
        return None;
    }
    let month = month_of(caps, "ra_m");
    let year = num_of(caps, "ra_y");
    let start = day_month(num_of(caps, "ra_d1"), month, year)?;
    let end = day_month(num_of(caps, "ra_d2"), month, year)?;
    if end.day <= start.day {
        return None;
    }
    Some(written_hit(
        caps,
        doc,
        range,
        "ra",
        Form::DayRange(start, end),
    ))
}

fn day_range(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let end_year: Option<i16> = num_of(caps, "rb_y2");
    let start_year = num_of(caps, "rb_y1").or(end_year);
    let start = day_month(num_of(caps, "rb_d1"), month_of(caps, "rb_m1"), start_year)?;
    let end = day_month(num_of(caps, "rb_d2"), month_of(caps, "rb_m2"), end_year)?;
    Some(written_hit(
        caps,
        doc,
        range,
        "rb",
        Form::DayRange(start, end),
    ))
}

fn written(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let d = caps.get("d_d")?;
    if doc
        .char_before(d.start())
        .is_some_and(|c| matches!(c, '/' | '.' | ',' | '-'))
    {
        return None;
    }
    let dm = day_month(
        num_of(caps, "d_d"),
        month_of(caps, "d_m"),
        num_of(caps, "d_y"),
    )?;
    Some(written_hit(caps, doc, range, "d", Form::Date(dm)))
}

fn month_year(caps: &Caps<'_>, range: Range<usize>) -> Option<TimeHit> {
    let m1 = month_of(caps, "my_m1")?;
    let y2: i16 = num_of(caps, "my_y2")?;
    let y1: Option<i16> = num_of(caps, "my_y1");
    let form = match month_of(caps, "my_m2") {
        Some(m2) => Form::MonthRange {
            start: (m1, y1),
            end: (m2, y2),
        },
        None => Form::Month {
            month: m1,
            year: Some(y2),
        },
    };
    let mut hit = TimeHit::new(range, form);
    hit.direction = text_of(caps, "my_dir").and_then(direction);
    Some(hit)
}

fn month_alone(caps: &Caps<'_>, doc: &Doc<'_>) -> Option<TimeHit> {
    let t = caps.get("mo_t")?;
    let m = caps.get("mo_m")?;
    let licensed = caps.get("mo_b").is_some()
        || ((caps.get("mo_ctx").is_some() || caps.get("mo_dir").is_some())
            && doc.capital_at(m.start()));
    let rest = doc.folded.get(m.end()..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\t', ',']);
    let continued = rest.starts_with(|c: char| c.is_ascii_digit() || c == '-')
        || ["hingga ", "sampai ", "s.d", "s/d", "dan "]
            .iter()
            .any(|w| rest.starts_with(w));
    if !licensed || (continued && caps.get("mo_dir").is_none()) {
        return None;
    }
    let month = labels::month(m.as_str())?;
    let mut hit = TimeHit::new(t.range(), Form::Month { month, year: None });
    hit.direction = text_of(caps, "mo_dir").and_then(direction);
    Some(hit)
}

/// "Nomor 7 Tahun 2017": the year of a legal citation, not a time mention.
fn legal_citation(doc: &Doc<'_>, start: usize) -> bool {
    let (number_start, number) = last_word(doc.folded.get(..start).unwrap_or(""));
    number.starts_with(|c: char| c.is_ascii_digit())
        && matches!(
            doc.word_before(number_start),
            "nomor" | "no" | "nomer" | "nmr"
        )
}

/// "2025-2030", "2023/2024": a term or an academic year, not a year mention.
fn year_span(doc: &Doc<'_>, year: &Range<usize>) -> bool {
    const JOINERS: [char; 3] = ['-', '/', '–'];
    let digit = |c: char| c.is_ascii_digit();
    let after = doc.folded.get(year.end..).unwrap_or("");
    let after = after.trim_start_matches([' ', '\t']);
    let before = doc.folded.get(..year.start).unwrap_or("");
    let before = before.trim_end_matches([' ', '\t']);
    let joined_after = after
        .strip_prefix(JOINERS)
        .is_some_and(|rest| rest.trim_start().starts_with(digit));
    let joined_before = before
        .strip_suffix(JOINERS)
        .is_some_and(|rest| rest.trim_end().ends_with(digit));
    joined_after || joined_before
}

fn year_hit(
    caps: &Caps<'_>,
    doc: &Doc<'_>,
    range: Range<usize>,
    p: &str,
    election: Option<&'static str>,
) -> Option<TimeHit> {
    let y = caps.get_joined(p, "_y")?;
    if year_span(doc, &y.range()) {
        return None;
    }
    let year: i16 = y.as_str().parse().ok()?;
    let mut hit = TimeHit::new(range, Form::Year { year, election });
    hit.direction = caps.text_joined(p, "_dir").and_then(direction);
    Some(hit)
}

fn year_after_tahun(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    if legal_citation(doc, range.start) {
        return None;
    }
    year_hit(caps, doc, range, "ya", None)
}

fn election_kind(word: &str) -> Option<&'static str> {
    Some(match word.split_ascii_whitespace().next()? {
        "pemilu" | "pilpres" | "pileg" => "pemilu",
        "pilkada" | "pilgub" | "pilbup" | "pilwali" | "pilwalkot" => "pilkada",
        _ => return None,
    })
}

fn year_in_context(caps: &Caps<'_>, doc: &Doc<'_>) -> Option<TimeHit> {
    let t = caps.get("yb_t")?;
    let year: i16 = num_of(caps, "yb_y")?;
    if !(1900..=2099).contains(&year) {
        return None;
    }
    let election = text_of(caps, "yb_ctx").and_then(election_kind);
    year_hit(caps, doc, t.range(), "yb", election)
}

fn year_before_direction(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let year: i16 = num_of(caps, "yc_y")?;
    if !(1900..=2099).contains(&year)
        || doc
            .char_before(range.start)
            .is_some_and(|c| matches!(c, '.' | ',' | '-' | '/'))
    {
        return None;
    }
    year_hit(caps, doc, range, "yc", None)
}

fn election_offset(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    if doc
        .char_before(range.start)
        .is_some_and(|c| matches!(c, '-' | '/' | '.' | '+'))
    {
        return None;
    }
    let n: i32 = num_of(caps, "hn_n")?;
    let sign = if text_of(caps, "hn_s") == Some("-") {
        -1
    } else {
        1
    };
    Some(TimeHit::new(range, Form::ElectionOffset(sign * n)))
}

fn anaphoric(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    // "empat hari itu": those four days, not that day.
    if quantity(doc.word_before(range.start)) {
        return None;
    }
    let words = text_of(caps, "an_w")?;
    let next_day =
        words.starts_with("keesokan") || words.starts_with("esok") || words.ends_with("berikutnya");
    let form = if next_day {
        Form::Offset {
            amount: 1,
            unit: Unit::Day,
            anchor: Anchor::Previous,
        }
    } else {
        Form::SameDay
    };
    let mut hit = TimeHit::new(range, form);
    hit.part_of_day = text_of(caps, "an_pod").and_then(labels::part_of_day);
    Some(hit)
}

fn deictic_day(caps: &Caps<'_>, range: Range<usize>) -> Option<TimeHit> {
    let words = text_of(caps, "rd_w")?;
    let mut parts = words.split_ascii_whitespace();
    let first = parts.next()?;
    let second = parts.next();
    let (amount, pod) = match (first, second) {
        ("kemarin", Some("lusa")) => (-2, None),
        ("kemarin", _) => (-1, None),
        ("besok" | "esok", _) => (1, None),
        ("lusa", _) => (2, None),
        ("hari", _) => (0, None),
        ("tadi" | "nanti", Some(p)) => (0, labels::part_of_day(p)),
        (p, Some("ini")) => (0, labels::part_of_day(p)),
        _ => return None,
    };
    let mut hit = TimeHit::new(
        range,
        Form::Offset {
            amount,
            unit: Unit::Day,
            anchor: Anchor::Reference,
        },
    );
    hit.part_of_day = pod.or_else(|| text_of(caps, "rd_pod").and_then(labels::part_of_day));
    Some(hit)
}

fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "hari" => Unit::Day,
        "minggu" | "pekan" => Unit::Week,
        "bulan" => Unit::Month,
        "tahun" => Unit::Year,
        _ => return None,
    })
}

fn counted_offset(caps: &Caps<'_>, range: Range<usize>) -> Option<TimeHit> {
    let (n, u) = match (text_of(caps, "ro_n"), text_of(caps, "ro_u1")) {
        (Some(n), _) => (labels::number(n)?, unit(text_of(caps, "ro_u")?)?),
        (None, Some(u)) => (1, unit(u)?),
        (None, None) => return None,
    };
    let dir = text_of(caps, "ro_dir")?;
    let first = dir.split_ascii_whitespace().next()?;
    let (sign, anchor) = match first {
        "lagi" | "mendatang" => (1, Anchor::Reference),
        "yang" if dir.ends_with("datang") => (1, Anchor::Reference),
        "yang" | "lalu" | "silam" => (-1, Anchor::Reference),
        "sebelumnya" => (-1, Anchor::Previous),
        _ => (1, Anchor::Previous),
    };
    Some(TimeHit::new(
        range,
        Form::Offset {
            amount: sign * n,
            unit: u,
            anchor,
        },
    ))
}

fn period(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    // "240 juta tahun lalu", "dua tahun ini": a count, not "last year".
    if quantity(doc.word_before(range.start)) {
        return None;
    }
    let u = unit(text_of(caps, "rp_u")?)?;
    let offset = match direction(text_of(caps, "rp_dir")?)? {
        Direction::Past => -1,
        Direction::This => 0,
        Direction::Future => 1,
    };
    Some(TimeHit::new(range, Form::Period { unit: u, offset }))
}

fn day_of_month(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let d = caps.get("dm_d")?;
    if doc
        .char_at(d.end())
        .is_some_and(|c| matches!(c, '/' | '-' | '.' | ','))
        && doc
            .folded
            .get(d.end() + 1..)
            .is_some_and(|s| s.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let day: i8 = d.as_str().parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut hit = TimeHit::new(range, Form::DayOfMonth(day));
    hit.direction = text_of(caps, "dm_dir").and_then(direction);
    Some(hit)
}

fn recurring(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let x = caps.get("rc_x")?;
    let mut hit = TimeHit::new(range, Form::Recurring);
    let is_weekday = labels::weekday(x.as_str()).is_some()
        && (x.as_str() != "minggu" || caps.get("rc_h").is_some() || doc.capital_at(x.start()));
    if is_weekday {
        hit.weekday = labels::weekday(x.as_str());
    }
    Some(hit)
}

/// Whether `word` counts something: a number, a number word, "juta", "beberapa".
fn quantity(word: &str) -> bool {
    labels::number(word).is_some()
        || matches!(
            word,
            "puluh"
                | "belas"
                | "ratus"
                | "ribu"
                | "juta"
                | "miliar"
                | "beberapa"
                | "berapa"
                | "banyak"
                | "sekian"
                | "seratus"
                | "seribu"
                | "sejuta"
        )
}

/// Words before a weekday name that make it something else: "salat Jumat", "tiga minggu".
fn weekday_blocked(word: &str) -> bool {
    matches!(
        word,
        "salat" | "sholat" | "shalat" | "solat" | "sembahyang" | "ibadah" | "kebaktian" | "pasar"
    ) || quantity(word)
}

fn weekday_alone(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let w = caps.get("wd_w")?;
    let hari = w.start() != range.start;
    if w.as_str() == "minggu" && !hari && !doc.capital_at(w.start()) {
        return None;
    }
    if !hari && weekday_blocked(doc.word_before(range.start)) {
        return None;
    }
    if weekday_list(doc, &range) {
        return None;
    }
    let mut hit = TimeHit::new(range, Form::Weekday);
    hit.weekday = labels::weekday(w.as_str());
    hit.part_of_day = text_of(caps, "wd_pod").and_then(labels::part_of_day);
    hit.direction = text_of(caps, "wd_dir").and_then(direction);
    Some(hit)
}

/// "Senin-Jumat", "Senin hingga Kamis": a span of weekdays (a schedule), not a day.
fn weekday_list(doc: &Doc<'_>, range: &Range<usize>) -> bool {
    const JOINERS: [&str; 5] = ["-", "hingga", "sampai", "s.d.", "s/d"];
    let is_weekday = |w: &str| labels::weekday(w).is_some();
    let after = doc.folded.get(range.end..).unwrap_or("").trim_start();
    let joined_after = JOINERS.iter().any(|j| {
        after.strip_prefix(j).is_some_and(|rest| {
            let word = rest
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next();
            word.is_some_and(is_weekday)
        })
    });
    let before = doc.folded.get(..range.start).unwrap_or("").trim_end();
    let joined_before = JOINERS.iter().any(|j| {
        before
            .strip_suffix(j)
            .is_some_and(|rest| is_weekday(last_word(rest).1))
    });
    joined_after || joined_before
}

fn clock_alone(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let mut hit = TimeHit::new(range.clone(), Form::ClockOnly);
    if caps.get("ck_cue").is_some() {
        hit.clock = clock(text_of(caps, "ckc_h"), text_of(caps, "ckc_m"));
        hit.zone = text_of(caps, "ckc_z").and_then(labels::zone);
        hit.part_of_day = text_of(caps, "ckc_tpod").and_then(labels::part_of_day);
    } else {
        if doc
            .char_before(range.start)
            .is_some_and(|c| matches!(c, '.' | ',' | ':' | '/' | '-'))
        {
            return None;
        }
        hit.clock = clock(text_of(caps, "ck_h"), text_of(caps, "ck_m"));
        hit.zone = text_of(caps, "ck_z").and_then(labels::zone);
    }
    hit.clock?;
    Some(hit)
}

fn vague(caps: &Caps<'_>, doc: &Doc<'_>, range: Range<usize>) -> Option<TimeHit> {
    let words = text_of(caps, "vg_w")?;
    let first = words.split_ascii_whitespace().next()?;
    let last = words.split_ascii_whitespace().next_back()?;
    let form = match (first, last) {
        ("musim", "kemarau") => Form::Season("SU"),
        ("musim", _) => Form::Season("WI"),
        ("dulu" | "dahulu", _) => {
            // "tunda dulu", "terlebih dahulu": "first", not "in the past". "Dulu" is
            // temporal at the start of a clause or after a word that governs time.
            let before = doc.folded.get(..range.start).unwrap_or("").trim_end();
            let clause_start = before.is_empty() || before.ends_with(['.', ',', '"', '\n', ':']);
            let governed = matches!(
                last_word(before).1,
                "yang"
                    | "sejak"
                    | "semenjak"
                    | "dari"
                    | "zaman"
                    | "jaman"
                    | "masa"
                    | "seperti"
                    | "waktu"
                    | "saya"
                    | "aku"
                    | "kami"
                    | "kita"
                    | "dia"
                    | "ia"
                    | "mereka"
                    | "beliau"
                    | "padahal"
                    | "tetapi"
                    | "tapi"
                    | "namun"
                    | "sedangkan"
                    | "karena"
                    | "dan"
            );
            if !(clause_start || governed) {
                return None;
            }
            Form::Vague("PAST_REF")
        }
        ("kelak", _) | ("masa", "depan") => Form::Vague("FUTURE_REF"),
        (_, "ini") | ("kini" | "sekarang", _) => Form::Vague("PRESENT_REF"),
        _ => Form::Vague("PAST_REF"),
    };
    Some(TimeHit::new(range, form))
}

fn election(caps: &Caps<'_>, range: Range<usize>) -> Option<TimeHit> {
    let word = text_of(caps, "el_k")?;
    let kind = election_kind(word).unwrap_or("");
    Some(TimeHit::new(range, Form::Election(kind)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<TimeHit> {
        GRAMMAR.scan(text, &text.to_lowercase())
    }

    fn spans(text: &str) -> Vec<&str> {
        scan(text).into_iter().map(|h| &text[h.range]).collect()
    }

    #[test]
    fn the_grammar_compiles() {
        assert_eq!(GRAMMAR.all.pattern_len(), PRODUCTIONS.len());
        let names: Vec<&str> = productions().iter().map(|(n, _, _)| *n).collect();
        assert_eq!(names, PRODUCTIONS);
    }

    #[test]
    fn every_group_name_packs_into_a_distinct_key() {
        let mut keys = std::collections::HashMap::new();
        for re in &GRAMMAR.each {
            let pid = regex_automata::PatternID::ZERO;
            for name in re.group_info().pattern_names(pid).flatten() {
                assert!(
                    (1..=8).contains(&name.len()) && name.is_ascii() && !name.contains('\0'),
                    "group name {name:?} does not fit a key"
                );
                let key = name_key(name, "");
                assert!(key != NO_NAME && key != TOO_LONG);
                if let Some(other) = keys.insert(key, name.to_string()) {
                    assert_eq!(other, name, "two names share a key");
                }
            }
        }
        assert!(keys.len() > 100, "{} names", keys.len());
        assert_eq!(name_key("n", "_dir"), name_key("n_dir", ""));
        assert_ne!(name_key("n", "_d"), name_key("n_dd", ""));
        assert_eq!(name_key("ckc_tpod", "x"), TOO_LONG);
        assert_eq!(name_key("", ""), NO_NAME);
    }

    #[test]
    fn every_tail_matches_the_empty_string_anywhere() {
        // A control character starts no part of any tail, so a tail can only match there
        // by matching nothing: it must, after a letter, a digit, a space or nothing.
        let mut tails = 0;
        for (name, _, tail) in productions().iter().filter(|(_, _, t)| !t.is_empty()) {
            let re = Regex::new(tail).unwrap();
            for hay in ["\u{1}", "a\u{1}", "7\u{1}", " \u{1}", ""] {
                let at = hay.len() - hay.ends_with('\u{1}') as usize;
                let input = Input::new(hay).span(at..hay.len()).anchored(Anchored::Yes);
                let found = re.search(&input).map(|m| m.range());
                assert_eq!(found, Some(at..at), "tail of {name} in {hay:?}");
            }
            tails += 1;
        }
        assert_eq!(tails, 9);
    }

    #[test]
    fn the_heads_find_what_the_whole_productions_find() {
        // The single pass searches the heads only; at each position it must find the
        // same start and the same production as a search of the whole productions.
        let whole: Vec<String> = productions()
            .iter()
            .map(|(_, head, tail)| format!("{head}{tail}"))
            .collect();
        let whole = Regex::new_many(&whole).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap().to_lowercase())
            .collect();
        texts.push("kamis (6/7/2023) pukul 09.00 wita, rabu 13 november 2024 pagi lalu".into());
        let mut found = 0;
        for text in &texts {
            let mut pos = 0;
            while pos <= text.len() {
                let input = Input::new(text.as_str()).span(pos..text.len());
                let (a, b) = (GRAMMAR.all.search(&input), whole.search(&input));
                assert_eq!(
                    a.map(|m| (m.start(), m.pattern())),
                    b.map(|m| (m.start(), m.pattern())),
                    "{:?}",
                    &text[pos..]
                );
                let Some(m) = a else { break };
                found += 1;
                pos = next_char(text, m.start());
            }
        }
        assert!(found > 100, "{found} hits");
    }

    #[test]
    fn numeric_dates_need_a_license() {
        assert_eq!(
            spans("dibuka Kamis (6/7/2023) pagi."),
            ["Kamis (6/7/2023) pagi"]
        );
        assert!(spans("sebanyak 4/5 bagian warga").is_empty());
        assert!(spans("Kodim 0908/Bontang").is_empty());
        assert!(spans("surat Nomor 12/3/2024").is_empty());
        assert_eq!(spans("pada 6/7/2023 warga"), ["6/7/2023"]);
        assert!(spans("30/2/2023").is_empty());
    }

    #[test]
    fn bare_clock_tail_is_given_back_without_colon_or_zone() {
        let text = "Kamis, 6 Juli 2023 12.50 orang";
        assert_eq!(spans(text), ["Kamis, 6 Juli 2023"]);
    }

    #[test]
    fn scanning_odd_input_does_not_panic() {
        for text in [
            "",
            "(",
            "((((",
            "1/",
            "é/é",
            "H-",
            "pukul 99.99",
            "tanggal 99",
            "\u{0}",
        ] {
            let _ = scan(text);
        }
    }
}
