//! The archive report: counts, events by kind over time and by place, the most-named
//! actors, as one page with inline SVG charts (`warta report`).
//!
//! A [`Report`] is an aggregator: feed it records one at a time ([`Report::add`], or
//! [`Report::add_line`] for the lines of a records JSONL file as `warta extract` writes
//! them), then [`Report::render`] the page. It keeps counts, never the records, so an
//! archive of any size streams through it. The page is self-contained (inline CSS and
//! SVG, no script, nothing fetched), readable when printed (black text, every bar
//! labelled with its number), and every value taken from a record is escaped.
//!
//! ```
//! use warta::html::report::Report;
//! use warta::lexicon::{LexiconFiles, Lexicons};
//! use warta::{Article, Extractor};
//!
//! let extractor = Extractor::new()?;
//! let lex = Lexicons::load(&LexiconFiles::embedded())?;
//! let mut report = Report::new();
//! report.add(&extractor.extract(&Article::new(
//!     "rakor-1",
//!     "Samarinda – Gubernur Kaltim membuka Rakor Forkopimda se-Kaltim, Kamis (6/7/2023).",
//! )));
//! assert!(report.add_line(b"not json", "records.jsonl", 2).is_err());
//! assert_eq!((report.records(), report.events(), report.bad_lines()), (1, 1, 1));
//! let page = report.render(&lex);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("Kalimantan Timur"));
//! assert!(!page.contains("<script"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What the page shows
//!
//! - the counts: records, error records (by `error.kind`), bad lines (the first
//!   [`MAX_BAD_LINES`] listed with their line numbers), events, records without events;
//! - the date range of the events' dates (`event.date.value`) and of the articles'
//!   reference (publication) dates;
//! - events by kind, and by kind over time, by week or by month: weeks when the central
//!   90% of the dated events span at most [`WEEK_SPAN_DAYS`] days, months otherwise. At
//!   most [`MAX_BUCKETS`] periods are drawn (the run of periods holding the most events);
//!   events without a date, with a date too coarse for the period (a year; a month when
//!   counting weeks) or outside the drawn periods are counted apart;
//! - events by province and by regency or city, the places above each event's place
//!   found in the records' places and in the lexicons given to [`Report::render`];
//! - the [`TOP`] people, institutions and groups named in the most records.

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::{Date, ISOWeekDate, Weekday};

use crate::acled::{parse_line, BadLine, Line};
use crate::html::{push_attr, push_text};
use crate::lexicon::Lexicons;
use crate::record::{ErrorRecord, Event, Level, Precision, Record};

/// How many bad lines (and error records) the page lists; the rest are only counted.
pub const MAX_BAD_LINES: usize = 20;
/// The most characters of an error message or a name the page shows.
const MAX_MESSAGE: usize = 300;
/// How many people, institutions, groups and regencies the page ranks.
pub const TOP: usize = 20;
/// The most periods (weeks or months) the chart of events over time draws.
pub const MAX_BUCKETS: usize = 36;
/// Events are counted by week when the central 90% of their dates span at most this many
/// days, by month otherwise.
pub const WEEK_SPAN_DAYS: i32 = 183;

/// An aggregator of records that renders them as one HTML report.
///
/// It holds counts keyed by kind, date, place and actor id, never a record.
#[derive(Clone, Debug, Default)]
pub struct Report {
    source: Option<String>,
    records: u64,
    without_events: u64,
    with_warnings: u64,
    errors: BTreeMap<String, u64>,
    error_examples: Vec<(String, String)>,
    bad_lines: u64,
    bad_examples: Vec<(u64, String)>,
    events: u64,
    kinds: BTreeMap<String, KindTally>,
    dated: BTreeMap<(EventDate, String), u64>,
    event_places: HashMap<String, u64>,
    without_place: u64,
    places: HashMap<String, PlaceInfo>,
    people: HashMap<String, Named>,
    institutions: HashMap<String, Named>,
    groups: HashMap<String, Named>,
    published: BTreeMap<Date, u64>,
    unreadable_dates: u64,
}

/// The events of one kind.
#[derive(Clone, Debug, Default)]
struct KindTally {
    total: u64,
    undated: u64,
}

/// A place as a record describes it: the fallback when the lexicons do not know its id.
#[derive(Clone, Debug)]
struct PlaceInfo {
    name: String,
    level: Level,
    parent: Option<String>,
}

/// An actor: the shortest name it was seen under (of equal ones the first in
/// alphabetical order, so that the label does not depend on the order of the records),
/// and in how many records.
#[derive(Clone, Debug)]
struct Named {
    name: String,
    records: u64,
}

/// The earliest and latest of some dates, how many there were, and the range of the
/// central 90% of them (a few wrong years, 1019 for 2019, stretch the full range).
#[derive(Clone, Copy, Debug, Default)]
struct DateRange {
    first: Option<Date>,
    last: Option<Date>,
    count: u64,
    central: Option<(Date, Date)>,
}

impl DateRange {
    fn add(&mut self, start: Date, end: Date, n: u64) {
        self.first = Some(self.first.map_or(start, |f| f.min(start)));
        self.last = Some(self.last.map_or(end, |l| l.max(end)));
        self.count += n;
    }
}

/// An event's date at the precision the record gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum EventDate {
    Day(Date),
    /// The Monday of an ISO week.
    Week(Date),
    /// The first of a month.
    Month(Date),
    Year(i16),
}

impl EventDate {
    /// Reads `value` (`YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `YYYY`) at `precision` (or, when
    /// the record gives none, at the precision its shape says).
    fn parse(value: &str, precision: Option<Precision>) -> Option<EventDate> {
        let shape = match value.len() {
            10 => Precision::Day,
            8 if value.as_bytes()[5] == b'W' => Precision::Week,
            7 => Precision::Month,
            4 => Precision::Year,
            _ => return None,
        };
        let precision = precision.unwrap_or(shape);
        if precision != shape {
            return None;
        }
        match precision {
            Precision::Day => value.parse().ok().map(EventDate::Day),
            Precision::Week => {
                let (y, w) = value.split_once("-W")?;
                let week = ISOWeekDate::new(y.parse().ok()?, w.parse().ok()?, Weekday::Monday);
                week.ok().map(|w| EventDate::Week(w.date()))
            }
            Precision::Month => {
                let d = format!("{value}-01").parse().ok()?;
                Some(EventDate::Month(d))
            }
            Precision::Year => value.parse().ok().filter(|y| *y >= 1).map(EventDate::Year),
        }
    }

    /// The first and last day it covers.
    fn days(self) -> (Date, Date) {
        match self {
            EventDate::Day(d) => (d, d),
            EventDate::Week(d) => (d, d.saturating_add(jiff::Span::new().days(6))),
            EventDate::Month(d) => (d, d.last_of_month()),
            EventDate::Year(y) => {
                let first = Date::new(y, 1, 1).unwrap_or_default();
                (first, first.last_of_year())
            }
        }
    }

    /// Its period (an index of weeks or months), when it fits in one.
    fn bucket(self, by: Period) -> Option<i32> {
        match (self, by) {
            (EventDate::Day(d) | EventDate::Week(d), Period::Week) => Some(week_index(d)),
            (EventDate::Day(d) | EventDate::Week(d) | EventDate::Month(d), Period::Month) => {
                Some(month_index(d))
            }
            _ => None,
        }
    }
}

/// The periods of the chart of events over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
}

/// A Monday: week indexes count weeks from it.
const MONDAY: Date = jiff::civil::date(1970, 1, 5);

/// The index of the ISO week holding `d` (weeks since 5 January 1970, a Monday).
fn week_index(d: Date) -> i32 {
    let days = MONDAY.until(d).map_or(0, |s| s.get_days());
    days.div_euclid(7)
}

/// The index of the month holding `d` (12 × year + month − 1).
fn month_index(d: Date) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.month()) - 1
}

/// The first day of period `i`.
fn period_start(i: i32, by: Period) -> Date {
    match by {
        Period::Week => MONDAY.saturating_add(jiff::Span::new().days(i64::from(i) * 7)),
        Period::Month => {
            let year = i.div_euclid(12).clamp(1, 9999) as i16;
            Date::new(year, i.rem_euclid(12) as i8 + 1, 1).unwrap_or_default()
        }
    }
}

impl Report {
    /// An empty report.
    pub fn new() -> Report {
        Report::default()
    }

    /// Names the input in the page's heading (a file name, or "-" for stdin).
    pub fn set_source(&mut self, source: &str) {
        self.source = Some(source.to_string());
    }

    /// Counts one record: its events (kind, date, place), the people, institutions and
    /// groups it names, its reference date.
    pub fn add(&mut self, record: &Record) {
        self.records += 1;
        self.without_events += u64::from(record.events.is_empty());
        self.with_warnings += u64::from(!record.warnings.is_empty());
        if let Some(d) = record.doc.reference_date.as_deref() {
            if let Some(EventDate::Day(d)) = EventDate::parse(d, Some(Precision::Day)) {
                *self.published.entry(d).or_default() += 1;
            }
        }
        for place in &record.places {
            self.places
                .entry(place.id.clone())
                .or_insert_with(|| PlaceInfo {
                    name: place.name.clone(),
                    level: place.level,
                    parent: place.parent.clone(),
                });
        }
        for event in &record.events {
            self.add_event(event);
        }
        count_named(
            &mut self.people,
            record.people.iter().map(|p| (&p.id, &p.name)),
        );
        let institutions = record.institutions.iter().map(|i| (&i.id, &i.name));
        count_named(&mut self.institutions, institutions);
        count_named(
            &mut self.groups,
            record.groups.iter().map(|g| (&g.id, &g.name)),
        );
    }

    fn add_event(&mut self, event: &Event) {
        self.events += 1;
        let tally = self.kinds.entry(event.kind.clone()).or_default();
        tally.total += 1;
        let date = event
            .date
            .as_ref()
            .and_then(|t| Some((t.value.as_deref()?, t)));
        match date {
            None => tally.undated += 1,
            Some((value, time)) => match EventDate::parse(value, time.precision) {
                Some(d) => *self.dated.entry((d, event.kind.clone())).or_default() += 1,
                None => {
                    tally.undated += 1;
                    self.unreadable_dates += 1;
                }
            },
        }
        match &event.place {
            Some(p) => *self.event_places.entry(p.clone()).or_default() += 1,
            None => self.without_place += 1,
        }
    }

    /// Counts an error record (an input `warta extract` could not read), by its kind.
    pub fn add_error(&mut self, error: &ErrorRecord) {
        *self.errors.entry(error.error.kind.clone()).or_default() += 1;
        if self.error_examples.len() < MAX_BAD_LINES {
            let id = error.doc.id.clone().unwrap_or_default();
            let message = svg::clip(&error.error.message, MAX_MESSAGE);
            self.error_examples
                .push((svg::clip(&id, MAX_MESSAGE), message));
        }
    }

    /// Counts a line of the input that is neither a record nor an error record; the first
    /// [`MAX_BAD_LINES`] are listed on the page with their line number and `message`.
    pub fn add_bad_line(&mut self, line: u64, message: &str) {
        self.bad_lines += 1;
        if self.bad_examples.len() < MAX_BAD_LINES {
            self.bad_examples
                .push((line, svg::clip(message, MAX_MESSAGE)));
        }
    }

    /// Reads line `line` of a records JSONL file (`bytes` without its line break) and
    /// counts it: a record, an error record, a blank line (ignored), or a bad line, which is
    /// counted and also returned (named `path:line`) for the caller to report.
    pub fn add_line(&mut self, bytes: &[u8], path: &str, line: u64) -> Result<(), BadLine> {
        match parse_line(bytes, path, line) {
            Ok(Line::Record(record)) => self.add(&record),
            Ok(Line::Error(error)) => self.add_error(&error),
            Ok(Line::Blank) => {}
            Err(bad) => {
                self.add_bad_line(line, &bad.message);
                return Err(bad);
            }
        }
        Ok(())
    }

    /// The records counted (error records apart).
    pub fn records(&self) -> u64 {
        self.records
    }

    /// The error records counted.
    pub fn error_records(&self) -> u64 {
        self.errors.values().sum()
    }

    /// The bad lines counted.
    pub fn bad_lines(&self) -> u64 {
        self.bad_lines
    }

    /// The events of all records counted.
    pub fn events(&self) -> u64 {
        self.events
    }

    /// The number of events of each kind, by kind.
    pub fn events_by_kind(&self) -> BTreeMap<&str, u64> {
        let kinds = self.kinds.iter();
        kinds.map(|(k, t)| (k.as_str(), t.total)).collect()
    }

    /// The chart of events over time: its period, and for each drawn period (its first
    /// day) the number of events of each kind.
    pub fn timeline(&self) -> Timeline {
        Timeline::of(self)
    }

    /// Renders the page; `lex` names the provinces and regencies above the events' places
    /// (the embedded lexicons, or those the records were extracted with).
    pub fn render(&self, lex: &Lexicons) -> String {
        let mut page = Page::default();
        page.head(self.source.as_deref());
        page.summary(self);
        page.errors(self);
        page.dates(self);
        page.kinds(self);
        page.timeline(&self.timeline(), self);
        page.places(&places::tally(self, lex));
        page.actors(self);
        page.finish()
    }
}

/// Counts each id once per record.
fn count_named<'a>(
    map: &mut HashMap<String, Named>,
    items: impl Iterator<Item = (&'a String, &'a String)>,
) {
    let mut seen = HashSet::new();
    for (id, name) in items {
        if !seen.insert(id) {
            continue;
        }
        let named = map.entry(id.clone()).or_insert_with(|| Named {
            name: name.clone(),
            records: 0,
        });
        named.records += 1;
        if (name.chars().count(), name) < (named.name.chars().count(), &named.name) {
            named.name.clone_from(name);
        }
    }
}

/// The `n` actors named in the most records (ties by name, then id).
fn top(map: &HashMap<String, Named>, n: usize) -> Vec<(&str, &Named)> {
    let mut all: Vec<_> = map.iter().map(|(id, n)| (id.as_str(), n)).collect();
    all.sort_by(|a, b| {
        b.1.records
            .cmp(&a.1.records)
            .then_with(|| a.1.name.cmp(&b.1.name))
            .then_with(|| a.0.cmp(b.0))
    });
    all.truncate(n);
    all
}

/// The events over time, as the page draws them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// Weeks or months.
    pub period: Period,
    /// The drawn periods: their first day, and the events of each kind in them.
    pub buckets: Vec<(Date, BTreeMap<String, u64>)>,
    /// Events without a date, or with one warta could not read.
    pub undated: u64,
    /// Events dated too coarsely for the period (a year; a month when counting weeks).
    pub coarse: u64,
    /// Dated events before the first drawn period.
    pub before: u64,
    /// Dated events after the last drawn period.
    pub after: u64,
}

impl Timeline {
    fn of(report: &Report) -> Timeline {
        let period = choose_period(&report.dated);
        let mut by_bucket: BTreeMap<i32, BTreeMap<String, u64>> = BTreeMap::new();
        let mut coarse = 0;
        for ((date, kind), n) in &report.dated {
            match date.bucket(period) {
                Some(b) => {
                    *by_bucket
                        .entry(b)
                        .or_default()
                        .entry(kind.clone())
                        .or_default() += n
                }
                None => coarse += n,
            }
        }
        let (lo, hi) = window(&by_bucket);
        let mut timeline = Timeline {
            period,
            buckets: Vec::new(),
            undated: report.kinds.values().map(|t| t.undated).sum(),
            coarse,
            before: 0,
            after: 0,
        };
        for (b, kinds) in &by_bucket {
            let n: u64 = kinds.values().sum();
            if *b < lo {
                timeline.before += n;
            } else if *b > hi {
                timeline.after += n;
            }
        }
        if !by_bucket.is_empty() {
            timeline.buckets = (lo..=hi)
                .map(|b| {
                    let kinds = by_bucket.get(&b).cloned().unwrap_or_default();
                    (period_start(b, period), kinds)
                })
                .collect();
        }
        timeline
    }
}

/// Weeks when the central 90% of the dated events (by their first day) span at most
/// [`WEEK_SPAN_DAYS`] days, else months.
fn choose_period(dated: &BTreeMap<(EventDate, String), u64>) -> Period {
    let Some((p5, p95)) = central(&first_days(dated)) else {
        return Period::Week;
    };
    let span = p5.until(p95).map_or(i32::MAX, |s| s.get_days());
    if span <= WEEK_SPAN_DAYS {
        Period::Week
    } else {
        Period::Month
    }
}

/// The first day of every event date finer than a year, with its count, in order.
fn first_days(dated: &BTreeMap<(EventDate, String), u64>) -> Vec<(Date, u64)> {
    let mut days: Vec<(Date, u64)> = dated
        .iter()
        .filter(|((d, _), _)| !matches!(d, EventDate::Year(_)))
        .map(|((d, _), n)| (d.days().0, *n))
        .collect();
    days.sort();
    days
}

/// The 5th and 95th percentiles of `days` (sorted, with counts).
fn central(days: &[(Date, u64)]) -> Option<(Date, Date)> {
    let total: u64 = days.iter().map(|(_, n)| n).sum();
    let at = |share: u64| {
        let mut seen = 0;
        for (d, n) in days {
            seen += n;
            if seen * 100 >= total * share {
                return Some(*d);
            }
        }
        None
    };
    Some((at(5)?, at(95)?))
}

/// The first and last period drawn: all of them when they fit in [`MAX_BUCKETS`], else the
/// run of [`MAX_BUCKETS`] periods holding the most events (the earliest such run).
fn window(by_bucket: &BTreeMap<i32, BTreeMap<String, u64>>) -> (i32, i32) {
    let keys: Vec<(i32, u64)> = by_bucket
        .iter()
        .map(|(b, kinds)| (*b, kinds.values().sum()))
        .collect();
    let (Some(first), Some(last)) = (keys.first(), keys.last()) else {
        return (0, -1);
    };
    let width = MAX_BUCKETS as i32;
    if i64::from(last.0) - i64::from(first.0) < i64::from(width) {
        return (first.0, last.0);
    }
    let (mut best, mut best_sum, mut sum, mut end) = (first.0, 0u64, 0u64, 0usize);
    for (i, (start, _)) in keys.iter().enumerate() {
        while end < keys.len() && keys[end].0 - start < width {
            sum += keys[end].1;
            end += 1;
        }
        if sum > best_sum {
            (best, best_sum) = (*start, sum);
        }
        sum -= keys[i].1;
    }
    let hi = keys
        .iter()
        .map(|(b, _)| *b)
        .filter(|b| *b < best + width)
        .max();
    (best, hi.unwrap_or(best))
}

/// Events by province and by regency or city.
mod places {
    use super::*;

    /// Where the events were, resolved through the places above them.
    #[derive(Debug, Default)]
    pub(super) struct Tally {
        /// Province id → (name, events, regency id → (name, events)).
        pub provinces: BTreeMap<String, Province>,
        /// Events in Indonesia above any province (the country, an island across
        /// provinces).
        pub national: u64,
        /// Events abroad.
        pub abroad: u64,
        /// Events whose place is in neither the records nor the lexicons.
        pub unknown: u64,
        /// Events in a province but in no regency or city of it.
        pub without_place: u64,
    }

    #[derive(Debug, Default)]
    pub(super) struct Province {
        pub name: String,
        pub events: u64,
        pub regencies: BTreeMap<String, (String, u64)>,
        pub no_regency: u64,
    }

    /// What the walk up from a place found: the first province and regency or city on
    /// the way, whether the walk ends in Indonesia, whether the place is known at all.
    #[derive(Default)]
    struct Above {
        province: Option<(String, String)>,
        regency: Option<(String, String)>,
        indonesia: bool,
        known: bool,
    }

    pub(super) fn tally(report: &Report, lex: &Lexicons) -> Tally {
        let mut t = Tally {
            without_place: report.without_place,
            ..Tally::default()
        };
        for (id, n) in &report.event_places {
            let above = walk(id, report, lex);
            match above.province.filter(|_| above.indonesia) {
                Some((pid, pname)) => {
                    let p = t.provinces.entry(pid).or_default();
                    p.name = pname;
                    p.events += n;
                    match above.regency {
                        Some((rid, rname)) => {
                            p.regencies.entry(rid).or_insert((rname, 0)).1 += n;
                        }
                        None => p.no_regency += n,
                    }
                }
                None if !above.known => t.unknown += n,
                None if above.indonesia => t.national += n,
                None => t.abroad += n,
            }
        }
        t
    }

    /// The name, level and parent of place `id`: the lexicons' when they know it, else
    /// the records'.
    fn info<'a>(id: &str, report: &'a Report, lex: &'a Lexicons) -> Option<PlaceRef<'a>> {
        if let Some(p) = lex.place(id) {
            return Some((&p.name, p.level, p.parent.as_deref()));
        }
        let p = report.places.get(id)?;
        Some((&p.name, p.level, p.parent.as_deref()))
    }

    type PlaceRef<'a> = (&'a str, Level, Option<&'a str>);

    /// Walks from `id` up to the country (ten steps at most: a cycle in hand-made input
    /// stops there).
    fn walk(id: &str, report: &Report, lex: &Lexicons) -> Above {
        let mut above = Above::default();
        let mut country = None;
        let mut next = Some(id.to_string());
        for _ in 0..10 {
            let Some(id) = next.take() else { break };
            let Some((name, level, parent)) = info(&id, report, lex) else {
                break;
            };
            above.known = true;
            match level {
                Level::Provinsi => {
                    above.province.get_or_insert((id.clone(), name.to_string()));
                }
                Level::Kabupaten | Level::Kota => {
                    let label = regency_label(name, level);
                    above.regency.get_or_insert((id.clone(), label));
                }
                Level::Negara => {
                    country = Some(id == "ID");
                    break;
                }
                _ => {}
            }
            next = parent.map(str::to_string);
        }
        // A walk that stops short of a country (a hand-made record) is in Indonesia when
        // its province has a Kemendagri code.
        above.indonesia = country.unwrap_or_else(|| {
            above.province.as_ref().is_some_and(|(id, _)| {
                !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            })
        });
        above
    }

    /// "Kab. Bogor" or "Kota Bogor": the names of a regency and a city can be the same.
    fn regency_label(name: &str, level: Level) -> String {
        match level {
            Level::Kota => format!("Kota {name}"),
            _ => format!("Kab. {name}"),
        }
    }
}

/// The page being written.
#[derive(Default)]
struct Page {
    out: String,
}

/// The page's style: plain, printable, no colour needed to read a chart.
const CSS: &str = "\
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;\
max-width:1000px;margin:0 auto;padding:16px 24px 48px;background:#fff}\
h1{font-size:24px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 6px;\
border-bottom:1px solid #ccc;padding-bottom:3px}h3{font-size:15px;margin:18px 0 4px}\
p.note{color:#444;font-size:13px;margin:4px 0}\
dl.counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:12px 0}\
dl.counts div{border:1px solid #ccc;border-radius:4px;padding:6px 10px}\
dl.counts dt{font-size:12px;color:#444}dl.counts dd{margin:0;font-size:22px;font-weight:600}\
table{border-collapse:collapse;margin:6px 0;font-size:13px}\
th,td{border-bottom:1px solid #ddd;padding:3px 10px 3px 0;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\
tr.sub td:first-child{padding-left:18px;color:#333}\
code{font-size:12px;color:#444;word-break:break-all}\
svg{display:block;max-width:100%;height:auto;margin:6px 0}\
svg text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#1a1a1a}\
svg .bar{fill:#4a78b0}svg .total{fill:#2f4f6f}svg .axis{stroke:#777;stroke-width:1}\
svg .num{font-size:10px}svg .lab{font-size:12px}\
svg .small{font-size:10px;fill:#555}\
.provinces{columns:3 260px;column-gap:32px}\
.provinces table{width:100%;break-inside:avoid;margin:0 0 12px}\
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:0 24px}\
@media print{body{max-width:none;padding:0;color:#000;font-size:11pt}\
svg text,svg .small{fill:#000}svg .bar{fill:#777}svg .total{fill:#444}\
h2{break-after:avoid}svg,table,dl{break-inside:avoid}p.note{color:#000}}";

impl Page {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        push_text(&mut self.out, s);
    }

    fn head(&mut self, source: Option<&str>) {
        self.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        self.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        self.raw("<title>warta report");
        if let Some(s) = source {
            self.raw(": ");
            self.text(s);
        }
        self.raw("</title><style>");
        self.raw(CSS);
        self.raw("</style></head>\n<body>\n<h1>warta report</h1>\n");
        if let Some(s) = source {
            self.raw("<p class=\"note\">Records read from <code>");
            self.text(s);
            self.raw("</code>.</p>\n");
        }
    }

    fn finish(mut self) -> String {
        self.raw("<p class=\"note\">Made by <code>warta report</code> ");
        self.raw(env!("CARGO_PKG_VERSION"));
        self.raw(" (warta/1 records).</p>\n</body></html>\n");
        self.out
    }

    /// One count: `id` names it for scripts (`data-value` holds the number).
    fn count(&mut self, id: &str, label: &str, n: u64) {
        self.raw(&format!(
            "<div><dt>{label}</dt><dd id=\"{id}\" data-value=\"{n}\">{}</dd></div>",
            group_digits(n)
        ));
    }

    fn summary(&mut self, r: &Report) {
        self.raw("<h2>Counts</h2>\n<dl class=\"counts\">");
        self.count("n-records", "records", r.records);
        self.count("n-error-records", "error records", r.error_records());
        self.count("n-bad-lines", "bad lines", r.bad_lines);
        self.count("n-events", "events", r.events);
        self.count(
            "n-without-events",
            "records without events",
            r.without_events,
        );
        self.count("n-with-warnings", "records with warnings", r.with_warnings);
        self.raw("</dl>\n");
        if r.records + r.error_records() + r.bad_lines == 0 {
            self.raw("<p class=\"note\" id=\"empty\">The input held no records.</p>\n");
        }
    }

    fn errors(&mut self, r: &Report) {
        if !r.errors.is_empty() {
            self.raw("<h3>Error records</h3>\n<p class=\"note\">Inputs <code>warta extract</code> could not read, by kind");
            self.raw(&format!(
                " (the first {} listed).</p>\n<table><tr><th>kind</th><th class=\"n\">records</th></tr>",
                MAX_BAD_LINES
            ));
            for (kind, n) in &r.errors {
                self.row_n(kind, *n);
            }
            self.raw("</table>\n<table><tr><th>doc id</th><th>message</th></tr>");
            for (id, message) in &r.error_examples {
                self.raw("<tr><td><code>");
                self.text(id);
                self.raw("</code></td><td>");
                self.text(message);
                self.raw("</td></tr>");
            }
            self.raw("</table>\n");
        }
        if r.bad_lines > 0 {
            self.raw(&format!(
                "<h3>Bad lines</h3>\n<p class=\"note\">Lines that are not a warta/1 record ({} in all; the first {} listed).</p>\n",
                group_digits(r.bad_lines),
                r.bad_examples.len()
            ));
            self.raw(
                "<table id=\"bad-lines\"><tr><th class=\"n\">line</th><th>what is wrong</th></tr>",
            );
            for (line, message) in &r.bad_examples {
                self.raw(&format!("<tr><td class=\"n\">{line}</td><td>"));
                self.text(message);
                self.raw("</td></tr>");
            }
            self.raw("</table>\n");
        }
    }

    /// A table row: a label and a number.
    fn row_n(&mut self, label: &str, n: u64) {
        self.raw("<tr><td>");
        self.text(label);
        self.raw(&format!(
            "</td><td class=\"n\">{}</td></tr>",
            group_digits(n)
        ));
    }

    fn dates(&mut self, r: &Report) {
        self.raw("<h2>Dates</h2>\n<table>");
        let mut events = DateRange::default();
        for ((d, _), n) in &r.dated {
            let (start, end) = d.days();
            events.add(start, end, *n);
        }
        events.central = central(&first_days(&r.dated));
        self.range_row("events' dates", "range-events", &events);
        let mut published = DateRange::default();
        for (d, n) in &r.published {
            published.add(*d, *d, *n);
        }
        let days: Vec<(Date, u64)> = r.published.iter().map(|(d, n)| (*d, *n)).collect();
        published.central = central(&days);
        self.range_row(
            "articles' reference (publication) dates",
            "range-published",
            &published,
        );
        self.raw("</table>\n");
        let undated: u64 = r.kinds.values().map(|t| t.undated).sum();
        self.raw(&format!(
            "<p class=\"note\">{} events have no date{}.</p>\n",
            group_digits(undated),
            if r.unreadable_dates > 0 {
                format!(
                    " (of which {} have one warta could not read)",
                    group_digits(r.unreadable_dates)
                )
            } else {
                String::new()
            }
        ));
    }

    fn range_row(&mut self, label: &str, id: &str, range: &DateRange) {
        self.raw(&format!("<tr><th>{label}</th><td id=\"{id}\">"));
        match (range.first, range.last) {
            (Some(f), Some(l)) => {
                self.raw(&format!("{f} to {l} ({} dated", group_digits(range.count)));
                if let Some((lo, hi)) = range.central.filter(|c| *c != (f, l)) {
                    self.raw(&format!("; the central 90% from {lo} to {hi}"));
                }
                self.raw(")");
            }
            _ => self.raw("none"),
        }
        self.raw("</td></tr>");
    }

    fn kinds(&mut self, r: &Report) {
        self.raw("<h2>Events by kind</h2>\n");
        let mut rows: Vec<(String, u64)> =
            r.kinds.iter().map(|(k, t)| (k.clone(), t.total)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if rows.is_empty() {
            self.raw("<p class=\"note\">No events.</p>\n");
            return;
        }
        let bars: Vec<Bar> = rows.iter().map(|(k, n)| Bar::new(k, *n)).collect();
        let bars = cap(bars, "other kinds");
        svg::hbars(&mut self.out, "chart-kinds", "events of each kind", &bars);
    }

    fn timeline(&mut self, t: &Timeline, r: &Report) {
        let unit = match t.period {
            Period::Week => "week",
            Period::Month => "month",
        };
        self.raw(&format!("<h2>Events by kind, by {unit}</h2>\n"));
        if t.buckets.is_empty() {
            self.raw("<p class=\"note\">No event has a date that falls in a week or month.</p>\n");
        } else {
            self.raw(&format!(
                "<p class=\"note\">By the events' dates. The first row counts every event, each \
                 other row one kind (its total in the period under its name); each row has its own \
                 scale and each bar is labelled with its number of events. {}</p>\n",
                match t.period {
                    Period::Month => "Counted by month: the dates span more than half a year.",
                    Period::Week => "Weeks run from Monday to Sunday.",
                }
            ));
            svg::timeline(&mut self.out, t, r);
        }
        let mut apart = Vec::new();
        let mut note = |n: u64, what: &str| {
            if n > 0 {
                apart.push(format!("{} {what}", group_digits(n)));
            }
        };
        note(t.undated, "without a date");
        let coarse = match t.period {
            Period::Week => "dated only by month or year",
            Period::Month => "dated only by year",
        };
        note(t.coarse, coarse);
        note(t.before, "dated before the first period drawn");
        note(t.after, "dated after the last period drawn");
        if !apart.is_empty() {
            self.raw(&format!(
                "<p class=\"note\" id=\"timeline-apart\">Not in the chart: {}.</p>\n",
                apart.join(", ")
            ));
        }
    }

    fn places(&mut self, t: &places::Tally) {
        self.raw("<h2>Events by province and regency</h2>\n");
        let mut provinces: Vec<(&String, &places::Province)> = t.provinces.iter().collect();
        provinces.sort_by(|a, b| b.1.events.cmp(&a.1.events).then_with(|| a.0.cmp(b.0)));
        let bars: Vec<Bar> = provinces
            .iter()
            .map(|(_, p)| Bar::new(&p.name, p.events))
            .collect();
        let bars = cap(bars, "other provinces");
        if bars.is_empty() {
            self.raw("<p class=\"note\">No event in a province.</p>\n");
        } else {
            self.raw("<p class=\"note\">The province above each event's place.</p>\n");
            svg::hbars(
                &mut self.out,
                "chart-provinces",
                "events by province",
                &bars,
            );
        }
        let others = [
            (t.without_place, "without a place"),
            (
                t.national,
                "in Indonesia above any province (the country, an island)",
            ),
            (t.abroad, "abroad"),
            (t.unknown, "at a place warta does not know"),
        ];
        let apart: Vec<String> = others
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{} {what}", group_digits(*n)))
            .collect();
        if !apart.is_empty() {
            self.raw(&format!(
                "<p class=\"note\" id=\"places-apart\">Not in a province: {}.</p>\n",
                apart.join(", ")
            ));
        }
        self.regencies(&provinces);
        self.province_table(&provinces);
    }

    fn regencies(&mut self, provinces: &[(&String, &places::Province)]) {
        let mut all: Vec<(String, u64)> = provinces
            .iter()
            .flat_map(|(_, p)| {
                p.regencies
                    .values()
                    .map(move |(name, n)| (format!("{name} ({})", p.name), *n))
            })
            .collect();
        if all.is_empty() {
            return;
        }
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        all.truncate(TOP);
        self.raw(&format!(
            "<h3>The {} regencies and cities with the most events</h3>\n",
            all.len()
        ));
        let bars: Vec<Bar> = all.iter().map(|(l, n)| Bar::new(l, *n)).collect();
        svg::hbars(
            &mut self.out,
            "chart-regencies",
            "events by regency or city",
            &bars,
        );
    }

    fn province_table(&mut self, provinces: &[(&String, &places::Province)]) {
        self.raw("<h3>Every province, and its regencies and cities</h3>\n<div id=\"table-provinces\" class=\"provinces\">");
        for (_, p) in provinces {
            self.raw("<table><tr><td><b>");
            self.text(&svg::clip(&p.name, MAX_MESSAGE));
            self.raw(&format!(
                "</b></td><td class=\"n\"><b>{}</b></td></tr>",
                group_digits(p.events)
            ));
            let mut regs: Vec<&(String, u64)> = p.regencies.values().collect();
            regs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            for (name, n) in regs {
                self.raw("<tr class=\"sub\">");
                self.raw("<td>");
                self.text(&svg::clip(name, MAX_MESSAGE));
                self.raw(&format!(
                    "</td><td class=\"n\">{}</td></tr>",
                    group_digits(*n)
                ));
            }
            if p.no_regency > 0 {
                self.raw(&format!(
                    "<tr class=\"sub\"><td><i>the province as a whole</i></td><td class=\"n\">{}</td></tr>",
                    group_digits(p.no_regency)
                ));
            }
            self.raw("</table>\n");
        }
        self.raw("</div>\n");
    }

    fn actors(&mut self, r: &Report) {
        self.raw(&format!(
            "<h2>The most-named actors</h2>\n<p class=\"note\">The {TOP} named in the most records \
             (a record that names one several times counts once).</p>\n<div class=\"columns\">"
        ));
        self.actor_table("People", "top-people", &r.people);
        self.actor_table("Institutions", "top-institutions", &r.institutions);
        self.actor_table("Groups", "top-groups", &r.groups);
        self.raw("</div>\n");
    }

    fn actor_table(&mut self, title: &str, id: &str, map: &HashMap<String, Named>) {
        self.raw(&format!("<div><h3>{title}</h3>"));
        let rows = top(map, TOP);
        if rows.is_empty() {
            self.raw("<p class=\"note\">None.</p></div>");
            return;
        }
        self.raw(&format!(
            "<table id=\"{id}\"><tr><th>name</th><th class=\"n\">records</th></tr>"
        ));
        for (ident, named) in rows {
            self.raw("<tr><td>");
            self.text(&svg::clip(&named.name, MAX_MESSAGE));
            self.raw("<br><code>");
            self.text(&svg::clip(ident, MAX_MESSAGE));
            self.raw(&format!(
                "</code></td><td class=\"n\">{}</td></tr>",
                group_digits(named.records)
            ));
        }
        self.raw("</table></div>");
    }
}

/// "1 event", "21,940 events".
fn events_label(n: u64) -> String {
    match n {
        1 => "1 event".to_string(),
        _ => format!("{} events", group_digits(n)),
    }
}

/// 21940 → "21,940".
fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The most rows a chart draws (the kinds of events are 17, the provinces 38): the rows
/// after the first `MAX_ROWS - 1` are summed into one (in the chart of events over time,
/// the kinds after the first `MAX_ROWS` are only in the first row, all events).
const MAX_ROWS: usize = 40;

/// `bars`, the rows from the [`MAX_ROWS`]th on summed into one, "N other …" (a hand-made
/// archive can hold any number of kinds).
fn cap(mut bars: Vec<Bar>, others: &str) -> Vec<Bar> {
    if bars.len() > MAX_ROWS {
        let rest = bars.split_off(MAX_ROWS - 1);
        let n: u64 = rest.iter().map(|b| b.value).sum();
        bars.push(Bar::new(&format!("{} {others}", rest.len()), n));
    }
    bars
}

/// A bar of a horizontal bar chart.
struct Bar {
    label: String,
    value: u64,
}

impl Bar {
    fn new(label: &str, value: u64) -> Bar {
        Bar {
            label: label.to_string(),
            value,
        }
    }
}

/// The charts, drawn as inline SVG.
mod svg {
    use super::*;

    /// The width of every chart (the page scales it down on narrow screens).
    const WIDTH: usize = 940;
    /// Characters of a label at most; longer ones end in "…".
    const LABEL_CHARS: usize = 60;

    /// `s`, cut to `max` characters with "…".
    pub(super) fn clip(s: &str, max: usize) -> String {
        if s.chars().count() <= max {
            return s.to_string();
        }
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }

    /// About how wide `n` characters of a 12px sans-serif font are.
    fn text_width(n: usize) -> usize {
        n * 13 / 2
    }

    fn open(out: &mut String, id: &str, title: &str, height: usize) {
        out.push_str(&format!(
            "<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
             width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\""
        ));
        push_attr(out, title);
        out.push_str("\"><title>");
        push_text(out, title);
        out.push_str("</title>\n");
    }

    /// A text element at (x, y) with class `class` and anchor `anchor`.
    fn text(out: &mut String, x: f64, y: f64, class: &str, anchor: &str, s: &str) {
        out.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{y:.1}\" class=\"{class}\" text-anchor=\"{anchor}\">"
        ));
        push_text(out, s);
        out.push_str("</text>");
    }

    /// One bar per row, its label on the left and its number at its end.
    pub(super) fn hbars(out: &mut String, id: &str, title: &str, bars: &[Bar]) {
        const ROW: usize = 20;
        let longest = bars.iter().map(|b| b.label.chars().count()).max();
        let label_w = text_width(longest.unwrap_or(0).min(LABEL_CHARS)) + 12;
        let plot = WIDTH.saturating_sub(label_w + 70).max(100) as f64;
        let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
        let height = bars.len() * ROW + 24;
        open(out, id, title, height);
        for (i, bar) in bars.iter().enumerate() {
            let y = (i * ROW + 4) as f64;
            let w = (bar.value as f64 / max * plot).max(if bar.value > 0 { 1.0 } else { 0.0 });
            let x0 = label_w as f64;
            text(
                out,
                x0 - 8.0,
                y + 13.0,
                "lab",
                "end",
                &clip(&bar.label, LABEL_CHARS),
            );
            out.push_str(&format!(
                "<rect class=\"bar\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{}\"/>",
                ROW - 5
            ));
            text(
                out,
                x0 + w + 5.0,
                y + 12.0,
                "num",
                "start",
                &group_digits(bar.value),
            );
            out.push('\n');
        }
        let y = (bars.len() * ROW + 6) as f64;
        out.push_str(&format!(
            "<line class=\"axis\" x1=\"{label_w}\" y1=\"2\" x2=\"{label_w}\" y2=\"{y:.1}\"/>"
        ));
        text(
            out,
            label_w as f64,
            y + 14.0,
            "small",
            "start",
            "number of events →",
        );
        out.push_str("</svg>\n");
    }

    /// Small multiples: a row of bars per kind (the first row all events), one bar per
    /// period, each labelled with its number; the periods under the last row.
    pub(super) fn timeline(out: &mut String, t: &Timeline, r: &Report) {
        const ROW: f64 = 58.0;
        const BARS: f64 = 38.0;
        let kinds = kinds_in(t, r);
        let longest = kinds.iter().map(|(k, _)| k.chars().count()).max();
        let label_w = text_width(longest.unwrap_or(10).clamp(10, 24)) as f64 + 16.0;
        let plot = WIDTH as f64 - label_w - 8.0;
        let n = t.buckets.len();
        let bw = plot / n as f64;
        let rows = kinds.len() + 1;
        let height = (rows as f64 * ROW + 56.0) as usize;
        open(out, "chart-timeline", "events by kind over time", height);
        let totals: Vec<u64> = t.buckets.iter().map(|(_, k)| k.values().sum()).collect();
        let all_total: u64 = totals.iter().sum();
        let mut y = 4.0;
        row(
            out,
            (label_w, bw, y, BARS),
            "all events",
            all_total,
            &totals,
            "total",
        );
        for (kind, total) in &kinds {
            y += ROW;
            let counts: Vec<u64> = t
                .buckets
                .iter()
                .map(|(_, k)| k.get(kind).copied().unwrap_or(0))
                .collect();
            row(out, (label_w, bw, y, BARS), kind, *total, &counts, "bar");
        }
        axis(out, t, label_w, bw, y + ROW);
        out.push_str("</svg>\n");
    }

    /// The kinds with events in the drawn periods, most events first.
    fn kinds_in(t: &Timeline, _r: &Report) -> Vec<(String, u64)> {
        let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
        for (_, kinds) in &t.buckets {
            for (k, n) in kinds {
                *totals.entry(k).or_default() += n;
            }
        }
        let mut v: Vec<(String, u64)> = totals
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(MAX_ROWS);
        v
    }

    /// One row of the small multiples: (left, bar width, top, bar height).
    fn row(
        out: &mut String,
        (left, bw, top, bars): (f64, f64, f64, f64),
        label: &str,
        total: u64,
        counts: &[u64],
        class: &str,
    ) {
        let base = top + 12.0 + bars;
        text(
            out,
            left - 10.0,
            base - 18.0,
            "lab",
            "end",
            &clip(label, 24),
        );
        text(
            out,
            left - 10.0,
            base - 4.0,
            "small",
            "end",
            &events_label(total),
        );
        let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
        let gap = (bw * 0.15).clamp(1.0, 4.0);
        for (i, &n) in counts.iter().enumerate() {
            let x = left + i as f64 * bw;
            if n > 0 {
                let h = (n as f64 / max * bars).max(1.0);
                out.push_str(&format!(
                    "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\"/>",
                    x + gap / 2.0,
                    base - h,
                    bw - gap
                ));
                // About 6px a character of the 10px labels: "2,646" needs 30.
                let full = group_digits(n);
                let label = if full.len() as f64 * 6.0 > bw {
                    compact(n)
                } else {
                    full
                };
                text(out, x + bw / 2.0, base - h - 2.0, "num", "middle", &label);
            }
        }
        out.push_str(&format!(
            "<line class=\"axis\" x1=\"{left:.1}\" y1=\"{base:.1}\" x2=\"{:.1}\" y2=\"{base:.1}\"/>\n",
            left + bw * counts.len() as f64
        ));
    }

    /// 1234 → "1.2k" (for narrow bars).
    fn compact(n: u64) -> String {
        match n {
            0..=999 => n.to_string(),
            1000..=9999 => format!("{:.1}k", n as f64 / 1000.0),
            _ => format!("{}k", n / 1000),
        }
    }

    /// The periods under the last row: "2 Sep" or "Sep", the year under the first period
    /// and under each change of year; labels thinned so that they do not overlap.
    fn axis(out: &mut String, t: &Timeline, left: f64, bw: f64, top: f64) {
        let label_w = match t.period {
            Period::Week => 44.0,
            Period::Month => 30.0,
        };
        let every = (label_w / bw).ceil().max(1.0) as usize;
        let mut last_year = None;
        for (i, (date, _)) in t.buckets.iter().enumerate() {
            let x = left + (i as f64 + 0.5) * bw;
            let year = date.year();
            let new_year = last_year != Some(year);
            if i % every == 0 || (new_year && i == 0) {
                let label = match t.period {
                    Period::Week => format!("{} {}", date.day(), MONTHS[date.month() as usize - 1]),
                    Period::Month => MONTHS[date.month() as usize - 1].to_string(),
                };
                text(out, x, top, "small", "middle", &label);
                if new_year {
                    text(out, x, top + 13.0, "small", "middle", &year.to_string());
                    last_year = Some(year);
                }
            }
        }
        let title = match t.period {
            Period::Week => "week (its Monday)",
            Period::Month => "month",
        };
        text(
            out,
            left + (t.buckets.len() as f64 * bw) / 2.0,
            top + 30.0,
            "lab",
            "middle",
            title,
        );
    }

    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn event_dates_by_precision() {
        let day = EventDate::parse("2019-09-05", Some(Precision::Day)).unwrap();
        assert_eq!(day.days(), (d("2019-09-05"), d("2019-09-05")));
        // ISO week 36 of 2019 runs from Monday 2 September to Sunday 8 September.
        let week = EventDate::parse("2019-W36", Some(Precision::Week)).unwrap();
        assert_eq!(week.days(), (d("2019-09-02"), d("2019-09-08")));
        let month = EventDate::parse("2019-02", Some(Precision::Month)).unwrap();
        assert_eq!(month.days(), (d("2019-02-01"), d("2019-02-28")));
        assert_eq!(EventDate::parse("2019", None), Some(EventDate::Year(2019)));
        assert_eq!(EventDate::parse("2019-02-30", None), None);
        assert_eq!(EventDate::parse("2019-09", Some(Precision::Day)), None);
        assert_eq!(EventDate::parse("<script>", None), None);
    }

    #[test]
    fn weeks_and_months_are_indexed_from_their_first_day() {
        // 2019-09-05 is a Thursday: its week is the one of Monday 2019-09-02.
        let w = week_index(d("2019-09-05"));
        assert_eq!(w, week_index(d("2019-09-02")));
        assert_eq!(w, week_index(d("2019-09-08")));
        assert_eq!(w + 1, week_index(d("2019-09-09")));
        assert_eq!(period_start(w, Period::Week), d("2019-09-02"));
        assert_eq!(week_index(d("1970-01-04")), -1);
        let m = month_index(d("2019-12-31"));
        assert_eq!(m + 1, month_index(d("2020-01-01")));
        assert_eq!(period_start(m + 1, Period::Month), d("2020-01-01"));
    }

    #[test]
    fn the_window_keeps_the_busiest_run_of_periods() {
        let mut map: BTreeMap<i32, BTreeMap<String, u64>> = BTreeMap::new();
        let mut put = |b: i32, n: u64| {
            map.entry(b).or_default().insert("meeting".into(), n);
        };
        put(0, 1);
        put(100, 5);
        put(100 + MAX_BUCKETS as i32 - 1, 5);
        put(100 + MAX_BUCKETS as i32, 1);
        assert_eq!(window(&map), (100, 100 + MAX_BUCKETS as i32 - 1));
        let small: BTreeMap<i32, BTreeMap<String, u64>> = map.into_iter().take(1).collect();
        assert_eq!(window(&small), (0, 0));
    }

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(21940), "21,940");
        assert_eq!(group_digits(1234567), "1,234,567");
        assert_eq!(svg::clip("abcdef", 4), "abc…");
    }
}
